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


static void *
testNodeDevListHandle(virConnectPtr conn, void *def,
                      void *opaque G_GNUC_UNUSED)
{
    return testNodeDevGetHandle(conn, def);
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
testNodeDevMatchFlags(const void *opaque, unsigned int flags)
{
    const virNodeDeviceDef *def = opaque;
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
    int ret;

    virCheckFlags(TEST_NODEDEV_CAP_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    ret = testListAll(conn, drv->devs, testNodeDevMatchFlags, flags,
                      testNodeDevListHandle, NULL, (void ***)devices);
    g_mutex_unlock(&drv->lock);
    return ret;
}


static void *
testNodeDevLookupName(testDriver *drv, const void *name)
{
    return testNodeDevFromName(drv, name);
}


static virNodeDevicePtr
testNodeDeviceLookupByName(virConnectPtr conn, const char *name)
{
    return testLookup(conn, testNodeDevLookupName, name,
                      testNodeDevListHandle);
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


/* Reached only when the handle carries no parent name: the caller (the
 * public entry point) keeps the new string on the handle. */
static const char *
testNodeDeviceGetParent(virNodeDevicePtr dev)
{
    testDriver *drv = dev->conn->privateData;
    virNodeDeviceDef *def;
    char *ret = NULL;

    g_mutex_lock(&drv->lock);
    if ((def = testNodeDevFromName(drv, dev->name))) {
        if (def->parent)
            ret = g_strdup(def->parent);
        else
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "no parent for this device");
    }
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


/* ---- vHBAs: the only devices the test host can create -------------- */

/* The fc_host part of a SCSI host capability, or NULL. */
static virNodeDevCapSCSIHost *
testNodeDevFCHost(virNodeDeviceDef *def)
{
    virNodeDevCapsDef *cap;

    for (cap = def->caps; cap; cap = cap->next) {
        if (cap->type == VIR_NODE_DEV_CAP_SCSI_HOST &&
            cap->data.scsiHost.fcHost)
            return &cap->data.scsiHost;
    }
    return NULL;
}


/* The vport-capable HBA a new vHBA would hang off. */
static virNodeDeviceDef *
testNodeDevVportParent(testDriver *drv, const virNodeDeviceDef *def)
{
    virNodeDeviceDef *parent = NULL;
    size_t i;

    if (!def->parent) {
        for (i = 0; i < drv->devs->len; i++) {
            virNodeDeviceDef *cand = g_ptr_array_index(drv->devs, i);
            if (testNodeDevHasCap(cand, VIR_NODE_DEV_CAP_VPORTS))
                return cand;
        }
        testReportErrorIn(VIR_FROM_NODEDEV, VIR_ERR_INTERNAL_ERROR, "%s",
                          "Could not find any vport capable device");
        return NULL;
    }
    if (!(parent = testNodeDevFindByName(drv, def->parent))) {
        testReportErrorIn(VIR_FROM_NODEDEV, VIR_ERR_INTERNAL_ERROR,
                          "Could not find parent device for '%s'", def->name);
        return NULL;
    }
    if (!testNodeDevHasCap(parent, VIR_NODE_DEV_CAP_VPORTS)) {
        testReportErrorIn(VIR_FROM_NODEDEV, VIR_ERR_INTERNAL_ERROR,
                          "Parent device %s is not capable of vport operations",
                          parent->name);
        return NULL;
    }
    return parent;
}


/* Like libvirt's test driver, the "kernel" answers every vport creation
 * with scsi_host12: a copy of scsi_host11 carrying the new WWNs, which
 * replaces an earlier scsi_host12.  Without scsi_host11 it fails without
 * saying why, as libvirt's does. */
static virNodeDeviceDef *
testNodeDevMockVport(testDriver *drv, const char *wwnn, const char *wwpn)
{
    virNodeDeviceDef *tmpl = testNodeDevFindByName(drv, "scsi_host11");
    virNodeDeviceDef *old;
    virNodeDeviceDef *def;
    virNodeDevCapSCSIHost *fc;
    g_autofree char *xml = NULL;

    if (!tmpl || !(xml = virNodeDeviceDefFormat(tmpl)) ||
        !(def = virNodeDeviceDefParseString(xml, 0)))
        return NULL;
    g_free(def->name);
    def->name = g_strdup("scsi_host12");
    if ((fc = testNodeDevFCHost(def))) {
        g_free(fc->wwnn);
        g_free(fc->wwpn);
        fc->wwnn = g_strdup(wwnn);
        fc->wwpn = g_strdup(wwpn);
    }
    if ((old = testNodeDevFindByName(drv, def->name)))
        g_ptr_array_remove(drv->devs, old);
    g_ptr_array_add(drv->devs, def);
    testEventQueueNodeDeviceLifecycle(drv->events, def->name,
                                      VIR_NODE_DEVICE_EVENT_CREATED);
    return def;
}


static virNodeDevicePtr
testNodeDeviceCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virNodeDeviceDef) def = NULL;
    virNodeDevCapSCSIHost *fc;
    virNodeDeviceDef *created;
    virNodeDevicePtr ret = NULL;

    /* (the schema check of VALIDATE is not done here) */
    virCheckFlags(VIR_NODE_DEVICE_CREATE_XML_VALIDATE, NULL);

    if (!(def = virNodeDeviceDefParseString(xml, VIR_NODE_DEVICE_PARSE_CREATE)))
        return NULL;
    if (!(fc = testNodeDevFCHost(def))) {
        testReportErrorIn(VIR_FROM_NODEDEV, VIR_ERR_INTERNAL_ERROR, "%s",
                          "Device is not a fibre channel HBA");
        return NULL;
    }

    g_mutex_lock(&drv->lock);
    if (testNodeDevVportParent(drv, def) &&
        (created = testNodeDevMockVport(drv, fc->wwnn, fc->wwpn)) &&
        (ret = virGetNodeDevice(conn, created->name)))
        /* libvirt's handle carries the parent asked for, and without
         * one its GetParent answers the new device's own <parent> */
        ret->parentName = g_strdup(def->parent ? def->parent : created->parent);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Removes a vHBA.  Like libvirt's test driver it succeeds without doing
 * anything for a device that is no vHBA or whose parent is gone. */
static int
testNodeDeviceDestroy(virNodeDevicePtr dev)
{
    testDriver *drv = dev->conn->privateData;
    virNodeDeviceDef *def;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(def = testNodeDevFromName(drv, dev->name)))
        goto cleanup;
    ret = 0;
    if (!testNodeDevFCHost(def) || !def->parent ||
        !testNodeDevFindByName(drv, def->parent))
        goto cleanup;
    testEventQueueNodeDeviceLifecycle(drv->events, def->name,
                                      VIR_NODE_DEVICE_EVENT_DELETED);
    g_ptr_array_remove(drv->devs, def);

 cleanup:
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
    .nodeDeviceGetParent = testNodeDeviceGetParent,
    .nodeDeviceNumOfCaps = testNodeDeviceNumOfCaps,
    .nodeDeviceListCaps = testNodeDeviceListCaps,
    .nodeDeviceCreateXML = testNodeDeviceCreateXML,
    .nodeDeviceDestroy = testNodeDeviceDestroy,
    .connectNodeDeviceEventRegisterAny = testConnectNodeDeviceEventRegisterAny,
    .connectNodeDeviceEventDeregisterAny = testConnectNodeDeviceEventDeregisterAny,
};
