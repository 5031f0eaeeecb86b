/* test_driver_nodedev.c: host devices of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The listing filters libvirt 9.0's test driver accepts: one bit per
 * capability type, SYSTEM (1 << 0) to VPD (1 << 21). */
#define TEST_NODEDEV_CAP_FLAGS ((1U << (VIR_NODE_DEV_CAP_VPD + 1)) - 1)

static virNodeDeviceDef *
testNodeDevFindByName(testDriver *drv, const char *name)
{
    size_t i;

    for (i = 0; i < drv->devs->len; i++) {
        virNodeDeviceDef *def = g_ptr_array_index(drv->devs, i);
        if (strcmp(def->name, name) == 0)
            return def;
    }
    return NULL;
}


static virNodeDeviceDef *
testNodeDevFromName(testDriver *drv, const char *name)
{
    virNodeDeviceDef *def = testNodeDevFindByName(drv, name);

    if (!def)
        virReportError(VIR_ERR_NO_NODE_DEVICE,
                       "no node device with matching name '%s'", name);
    return def;
}


int
testNodeDevLoad(testDriver *drv, virNodeDeviceDef *def)
{
    if (testNodeDevFindByName(drv, def->name)) {
        testReportErrorIn(VIR_FROM_NODEDEV, VIR_ERR_OPERATION_FAILED,
                          "device '%s' already exists", def->name);
        virNodeDeviceDefFree(def);
        return -1;
    }
    g_ptr_array_add(drv->devs, def);
    return 0;
}


/* Has the device capability `type`?  An FC host and a vport-capable
 * host are SCSI hosts that also answer to fc_host and vports. */
static bool
testNodeDevHasCap(const virNodeDeviceDef *def, int type)
{
    const virNodeDevCapsDef *cap;

    for (cap = def->caps; cap; cap = cap->next) {
        if (cap->type == type)
            return true;
        if (cap->type == VIR_NODE_DEV_CAP_SCSI_HOST &&
            ((type == VIR_NODE_DEV_CAP_FC_HOST && cap->data.scsiHost.fcHost) ||
             (type == VIR_NODE_DEV_CAP_VPORTS && cap->data.scsiHost.vportOps)))
            return true;
    }
    return false;
}


static bool
testNodeDevMatchCapName(const virNodeDeviceDef *def, const char *cap)
{
    int type;

    if (!cap)
        return true;
    if ((type = virNodeDevCapTypeFromString(cap)) < 0)
        return false;
    return testNodeDevHasCap(def, type);
}


static virNodeDevicePtr
testNodeDevGetHandle(virConnectPtr conn, const virNodeDeviceDef *def)
{
    virNodeDevicePtr dev = virGetNodeDevice(conn, def->name);

    if (dev && def->parent)
        dev->parentName = g_strdup(def->parent);
    return dev;
}


static int
testNodeNumOfDevices(virConnectPtr conn, const char *cap, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->devs->len; i++) {
        if (testNodeDevMatchCapName(g_ptr_array_index(drv->devs, i), cap))
            n++;
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testNodeListDevices(virConnectPtr conn, const char *cap, char **const names,
                    int maxnames, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->devs->len && n < maxnames; i++) {
        virNodeDeviceDef *def = g_ptr_array_index(drv->devs, i);
        if (testNodeDevMatchCapName(def, cap))
            names[n++] = g_strdup(def->name);
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static bool
testNodeDevMatchFlags(const virNodeDeviceDef *def, unsigned int flags)
{
    int type;

    if (!(flags & TEST_NODEDEV_CAP_FLAGS))
        return true;
    for (type = 0; type <= VIR_NODE_DEV_CAP_VPD; type++) {
        if ((flags & (1U << type)) && testNodeDevHasCap(def, type))
            return true;
    }
    return false;
}


static int
testConnectListAllNodeDevices(virConnectPtr conn, virNodeDevicePtr **devices,
                              unsigned int flags)
{
    testDriver *drv = conn->privateData;
    g_autoptr(GPtrArray) list = g_ptr_array_new();
    int ret = -1;
    size_t i;

    virCheckFlags(TEST_NODEDEV_CAP_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->devs->len; i++) {
        virNodeDeviceDef *def = g_ptr_array_index(drv->devs, i);
        virNodeDevicePtr dev = NULL;

        if (!testNodeDevMatchFlags(def, flags))
            continue;
        if (devices && !(dev = testNodeDevGetHandle(conn, def)))
            goto cleanup;
        g_ptr_array_add(list, dev);
    }
    ret = list->len;
    if (devices) {
        *devices = g_new0(virNodeDevicePtr, list->len + 1);
        for (i = 0; i < list->len; i++)
            (*devices)[i] = g_ptr_array_index(list, i);
        g_ptr_array_set_size(list, 0);
    }

 cleanup:
    g_mutex_unlock(&drv->lock);
    for (i = 0; i < list->len; i++)
        virObjectUnref(g_ptr_array_index(list, i));
    return ret;
}


static virNodeDevicePtr
testNodeDeviceLookupByName(virConnectPtr conn, const char *name)
{
    testDriver *drv = conn->privateData;
    virNodeDevicePtr ret = NULL;
    virNodeDeviceDef *def;

    g_mutex_lock(&drv->lock);
    if ((def = testNodeDevFromName(drv, name)))
        ret = testNodeDevGetHandle(conn, def);
    g_mutex_unlock(&drv->lock);
    return ret;
}


static char *
testNodeDeviceGetXMLDesc(virNodeDevicePtr dev, unsigned int flags)
{
    testDriver *drv = dev->conn->privateData;
    virNodeDeviceDef *def;
    char *ret = NULL;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((def = testNodeDevFromName(drv, dev->name)))
        ret = virNodeDeviceDefFormat(def);
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNodeDeviceNumOfCaps(virNodeDevicePtr dev)
{
    testDriver *drv = dev->conn->privateData;
    const virNodeDevCapsDef *cap;
    virNodeDeviceDef *def;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((def = testNodeDevFromName(drv, dev->name))) {
        for (ret = 0, cap = def->caps; cap; cap = cap->next)
            ret++;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNodeDeviceListCaps(virNodeDevicePtr dev, char **const names, int maxnames)
{
    testDriver *drv = dev->conn->privateData;
    const virNodeDevCapsDef *cap;
    virNodeDeviceDef *def;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((def = testNodeDevFromName(drv, dev->name))) {
        for (ret = 0, cap = def->caps; cap && ret < maxnames; cap = cap->next)
            names[ret++] = g_strdup(virNodeDevCapTypeToString(cap->type));
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


virNodeDeviceDriver testNodeDeviceDriver = {
    .name = "Test",
    .nodeNumOfDevices = testNodeNumOfDevices,
    .nodeListDevices = testNodeListDevices,
    .connectListAllNodeDevices = testConnectListAllNodeDevices,
    .nodeDeviceLookupByName = testNodeDeviceLookupByName,
    .nodeDeviceGetXMLDesc = testNodeDeviceGetXMLDesc,
    .nodeDeviceNumOfCaps = testNodeDeviceNumOfCaps,
    .nodeDeviceListCaps = testNodeDeviceListCaps,
    .connectNodeDeviceEventRegisterAny = testConnectNodeDeviceEventRegisterAny,
    .connectNodeDeviceEventDeregisterAny = testConnectNodeDeviceEventDeregisterAny,
};
