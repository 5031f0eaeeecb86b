/* test_driver_network.c: virtual networks of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

void
testNetObjFree(testNetObj *obj)
{
    if (!obj)
        return;
    virNetworkDefFree(obj->def);
    virNetworkDefFree(obj->newDef);
    g_free(obj);
}


static testNetObj *
testNetObjFindByUUID(testDriver *drv, const unsigned char *uuid)
{
    size_t i;

    for (i = 0; i < drv->networks->len; i++) {
        testNetObj *obj = g_ptr_array_index(drv->networks, i);
        if (memcmp(obj->def->uuid, uuid, VIR_UUID_BUFLEN) == 0)
            return obj;
    }
    return NULL;
}


static testNetObj *
testNetObjFindByName(testDriver *drv, const char *name)
{
    size_t i;

    for (i = 0; i < drv->networks->len; i++) {
        testNetObj *obj = g_ptr_array_index(drv->networks, i);
        if (strcmp(obj->def->name, name) == 0)
            return obj;
    }
    return NULL;
}


static testNetObj *
testNetObjFromNetwork(testDriver *drv, virNetworkPtr net)
{
    testNetObj *obj = testNetObjFindByUUID(drv, net->uuid);

    if (!obj) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(net->uuid, uuidstr);
        virReportError(VIR_ERR_NO_NETWORK,
                       "no network with matching uuid '%s'", uuidstr);
    }
    return obj;
}


static virNetworkPtr
testNetObjGetHandle(virConnectPtr conn, testNetObj *obj)
{
    return virGetNetwork(conn, obj->def->name, obj->def->uuid);
}


static void
testNetObjRemove(testDriver *drv, testNetObj *obj)
{
    g_ptr_array_remove(drv->networks, obj);   /* the array frees it */
}


/* A lifecycle event (virNetworkEventLifecycleType); called locked. */
static void
testNetObjEvent(testDriver *drv, testNetObj *obj, int event)
{
    testEventQueueNetworkLifecycle(drv->events, obj->def->name,
                                   obj->def->uuid, event);
}


/* Add or update a network from `*def` (taken on success), with libvirt's
 * duplicate checks.  `live`: it is being started (virNetworkCreateXML). */
static testNetObj *
testNetObjAssign(testDriver *drv, virNetworkDef **def, bool live)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testNetObj *obj;

    if ((obj = testNetObjFindByUUID(drv, (*def)->uuid))) {
        if (strcmp(obj->def->name, (*def)->name) != 0) {
            virUUIDFormat(obj->def->uuid, uuidstr);
            testReportErrorIn(VIR_FROM_NETWORK, VIR_ERR_OPERATION_FAILED,
                              "network '%s' is already defined with uuid %s",
                              obj->def->name, uuidstr);
            return NULL;
        }
        if (live) {
            if (obj->active) {
                testReportErrorIn(VIR_FROM_NETWORK, VIR_ERR_OPERATION_INVALID,
                                  "network is already active as '%s'",
                                  obj->def->name);
                return NULL;
            }
            /* The given definition replaces the stored one, as in
             * libvirt's test driver. */
            virNetworkDefFree(obj->def);
            obj->def = g_steal_pointer(def);
        } else if (obj->active) {
            /* Kept aside: the running definition stays in use. */
            virNetworkDefFree(obj->newDef);
            obj->newDef = g_steal_pointer(def);
        } else {
            virNetworkDefFree(obj->def);
            obj->def = g_steal_pointer(def);
        }
        return obj;
    }

    if ((obj = testNetObjFindByName(drv, (*def)->name))) {
        virUUIDFormat(obj->def->uuid, uuidstr);
        testReportErrorIn(VIR_FROM_NETWORK, VIR_ERR_OPERATION_FAILED,
                          "network '%s' already exists with uuid %s",
                          (*def)->name, uuidstr);
        return NULL;
    }

    obj = g_new0(testNetObj, 1);
    obj->def = g_steal_pointer(def);
    g_ptr_array_add(drv->networks, obj);
    return obj;
}


/* For the loader: a persistent network, active like libvirt's. */
int
testNetObjLoad(testDriver *drv, virNetworkDef *def)
{
    testNetObj *obj;

    if (!(obj = testNetObjAssign(drv, &def, false))) {
        virNetworkDefFree(def);
        return -1;
    }
    obj->persistent = true;
    obj->active = true;
    return 0;
}


/* ---- listing ---- */

static int
testConnectNumOfNetworksImpl(virConnectPtr conn, bool active)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->networks->len; i++) {
        testNetObj *obj = g_ptr_array_index(drv->networks, i);
        if (obj->active == active)
            n++;
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testConnectListNetworksImpl(virConnectPtr conn, bool active,
                            char **const names, int maxnames)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->networks->len && n < maxnames; i++) {
        testNetObj *obj = g_ptr_array_index(drv->networks, i);
        if (obj->active == active)
            names[n++] = g_strdup(obj->def->name);
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testConnectNumOfNetworks(virConnectPtr conn)
{
    return testConnectNumOfNetworksImpl(conn, true);
}


static int
testConnectNumOfDefinedNetworks(virConnectPtr conn)
{
    return testConnectNumOfNetworksImpl(conn, false);
}


static int
testConnectListNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    return testConnectListNetworksImpl(conn, true, names, maxnames);
}


static int
testConnectListDefinedNetworks(virConnectPtr conn, char **const names,
                               int maxnames)
{
    return testConnectListNetworksImpl(conn, false, names, maxnames);
}


static void *
testNetObjListHandle(virConnectPtr conn, void *obj, void *opaque G_GNUC_UNUSED)
{
    return testNetObjGetHandle(conn, obj);
}


static bool
testNetObjMatchFilter(const void *opaque, unsigned int flags)
{
    const testNetObj *obj = opaque;

    if ((flags & (VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                  VIR_CONNECT_LIST_NETWORKS_INACTIVE)) &&
        !((flags & VIR_CONNECT_LIST_NETWORKS_ACTIVE && obj->active) ||
          (flags & VIR_CONNECT_LIST_NETWORKS_INACTIVE && !obj->active)))
        return false;
    if ((flags & (VIR_CONNECT_LIST_NETWORKS_PERSISTENT |
                  VIR_CONNECT_LIST_NETWORKS_TRANSIENT)) &&
        !((flags & VIR_CONNECT_LIST_NETWORKS_PERSISTENT && obj->persistent) ||
          (flags & VIR_CONNECT_LIST_NETWORKS_TRANSIENT && !obj->persistent)))
        return false;
    if ((flags & (VIR_CONNECT_LIST_NETWORKS_AUTOSTART |
                  VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART)) &&
        !((flags & VIR_CONNECT_LIST_NETWORKS_AUTOSTART && obj->autostart) ||
          (flags & VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART && !obj->autostart)))
        return false;
    return true;
}


static int
testConnectListAllNetworks(virConnectPtr conn, virNetworkPtr **nets,
                           unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int ret;

    virCheckFlags(VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                  VIR_CONNECT_LIST_NETWORKS_INACTIVE |
                  VIR_CONNECT_LIST_NETWORKS_PERSISTENT |
                  VIR_CONNECT_LIST_NETWORKS_TRANSIENT |
                  VIR_CONNECT_LIST_NETWORKS_AUTOSTART |
                  VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART, -1);

    g_mutex_lock(&drv->lock);
    ret = testListAll(conn, drv->networks, testNetObjMatchFilter, flags,
                      testNetObjListHandle, NULL, (void ***)nets);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- lookups ---- */

static void *
testNetObjLookupName(testDriver *drv, const void *name)
{
    testNetObj *obj = testNetObjFindByName(drv, name);

    if (!obj)
        virReportError(VIR_ERR_NO_NETWORK,
                       "no network with matching name '%s'",
                       (const char *)name);
    return obj;
}


static void *
testNetObjLookupUUID(testDriver *drv, const void *uuid)
{
    testNetObj *obj = testNetObjFindByUUID(drv, uuid);

    if (!obj) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(uuid, uuidstr);
        virReportError(VIR_ERR_NO_NETWORK,
                       "no network with matching uuid '%s'", uuidstr);
    }
    return obj;
}


static virNetworkPtr
testNetworkLookupByName(virConnectPtr conn, const char *name)
{
    return testLookup(conn, testNetObjLookupName, name, testNetObjListHandle);
}


static virNetworkPtr
testNetworkLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    return testLookup(conn, testNetObjLookupUUID, uuid, testNetObjListHandle);
}


static virNetworkPtr
testNetworkLookupByUUIDString(virConnectPtr conn, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    if (virUUIDParse(uuidstr, uuid) < 0) {
        testRaiseInvalidArg(VIR_FROM_NETWORK, "virNetworkLookupByUUIDString",
                            "uuidstr", "uuidstr in %s must be a valid UUID",
                            "virNetworkLookupByUUIDString");
        return NULL;
    }
    return testNetworkLookupByUUID(conn, uuid);
}


/* ---- define, create, destroy ---- */

/* What DefineXML (persistent) and CreateXML (`live`: started, transient
 * unless defined before) share. */
static virNetworkPtr
testNetworkAddXML(virConnectPtr conn, const char *xml, unsigned int flags,
                  bool live)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virNetworkDef) def = NULL;
    virNetworkPtr ret = NULL;
    testNetObj *obj;

    if (!(def = virNetworkDefParseString(xml, flags)))
        return NULL;

    g_mutex_lock(&drv->lock);
    if ((obj = testNetObjAssign(drv, &def, live))) {
        if (live)
            obj->active = true;
        else
            obj->persistent = true;
        testNetObjEvent(drv, obj, live ? VIR_NETWORK_EVENT_STARTED
                                       : VIR_NETWORK_EVENT_DEFINED);
        ret = testNetObjGetHandle(conn, obj);
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static virNetworkPtr
testNetworkDefineXMLFlags(virConnectPtr conn, const char *xml,
                          unsigned int flags)
{
    virCheckFlags(VIR_NETWORK_DEFINE_VALIDATE, NULL);
    return testNetworkAddXML(conn, xml, flags, false);
}


static virNetworkPtr
testNetworkDefineXML(virConnectPtr conn, const char *xml)
{
    return testNetworkDefineXMLFlags(conn, xml, 0);
}


static virNetworkPtr
testNetworkCreateXMLFlags(virConnectPtr conn, const char *xml,
                          unsigned int flags)
{
    virCheckFlags(VIR_NETWORK_CREATE_VALIDATE, NULL);
    return testNetworkAddXML(conn, xml, flags, true);
}


static virNetworkPtr
testNetworkCreateXML(virConnectPtr conn, const char *xml)
{
    return testNetworkCreateXMLFlags(conn, xml, 0);
}


static int
testNetworkCreate(virNetworkPtr net)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testNetObjFromNetwork(drv, net)))
        goto cleanup;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "Network '%s' is already running", obj->def->name);
        goto cleanup;
    }
    obj->active = true;
    testNetObjEvent(drv, obj, VIR_NETWORK_EVENT_STARTED);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNetworkDestroy(virNetworkPtr net)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testNetObjFromNetwork(drv, net)))
        goto cleanup;
    /* Like libvirt's test driver, stopping a stopped network is fine (and
     * tells so again), and a definition given while it ran does not
     * replace the running one. */
    obj->active = false;
    testNetObjEvent(drv, obj, VIR_NETWORK_EVENT_STOPPED);
    if (!obj->persistent)
        testNetObjRemove(drv, obj);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNetworkUndefine(virNetworkPtr net)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testNetObjFromNetwork(drv, net)))
        goto cleanup;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "Network '%s' is still running", obj->def->name);
        goto cleanup;
    }
    testNetObjEvent(drv, obj, VIR_NETWORK_EVENT_UNDEFINED);
    testNetObjRemove(drv, obj);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- queries ---- */

static char *
testNetworkGetXMLDesc(virNetworkPtr net, unsigned int flags)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    char *ret = NULL;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((obj = testNetObjFromNetwork(drv, net)))
        ret = virNetworkDefFormat(obj->def, 0);
    g_mutex_unlock(&drv->lock);
    return ret;
}


static char *
testNetworkGetBridgeName(virNetworkPtr net)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    char *ret = NULL;

    g_mutex_lock(&drv->lock);
    if (!(obj = testNetObjFromNetwork(drv, net)))
        goto cleanup;
    if (!obj->def->bridge) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "network '%s' does not have a bridge name.",
                       obj->def->name);
        goto cleanup;
    }
    ret = g_strdup(obj->def->bridge);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNetworkGetAutostart(virNetworkPtr net, int *autostart)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testNetObjFromNetwork(drv, net))) {
        *autostart = obj->autostart;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNetworkSetAutostart(virNetworkPtr net, int autostart)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testNetObjFromNetwork(drv, net))) {
        obj->autostart = autostart != 0;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNetworkIsActive(virNetworkPtr net)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testNetObjFromNetwork(drv, net)))
        ret = obj->active;
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNetworkIsPersistent(virNetworkPtr net)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testNetObjFromNetwork(drv, net)))
        ret = obj->persistent;
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Change one element of a network.  The live definition changes at once;
 * the persistent one of a running network goes to newDef, which (as in
 * libvirt's test driver) nothing ever shows or applies, and an explicit
 * config change keeps going there after the network stops. */
static int
testNetworkUpdate(virNetworkPtr net, unsigned int command,
                  unsigned int section, int parentIndex, const char *xml,
                  unsigned int flags)
{
    testDriver *drv = net->conn->privateData;
    testNetObj *obj;
    int ret = -1;

    virCheckFlags(VIR_NETWORK_UPDATE_AFFECT_LIVE |
                  VIR_NETWORK_UPDATE_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testNetObjFromNetwork(drv, net)))
        goto cleanup;
    if (!(flags & (VIR_NETWORK_UPDATE_AFFECT_LIVE |
                   VIR_NETWORK_UPDATE_AFFECT_CONFIG))) {
        /* "current" on a stopped network changes the definition it will
         * start with, even where a set-aside newDef exists */
        if (!obj->active) {
            if (virNetworkDefUpdateSection(obj->def, command, section,
                                           parentIndex, xml) == 0)
                ret = 0;
            goto cleanup;
        }
        flags |= VIR_NETWORK_UPDATE_AFFECT_LIVE;
    }
    if ((flags & VIR_NETWORK_UPDATE_AFFECT_LIVE) && !obj->active) {
        testReportErrorIn(VIR_FROM_NETWORK, VIR_ERR_OPERATION_INVALID, "%s",
                          "network is not running");
        goto cleanup;
    }
    if ((flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) && !obj->persistent) {
        testReportErrorIn(VIR_FROM_NETWORK, VIR_ERR_OPERATION_INVALID, "%s",
                          "cannot change persistent config of a transient network");
        goto cleanup;
    }

    if (flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) {
        virNetworkDef *target = obj->newDef ? obj->newDef : obj->def;

        if (obj->active) {
            if (!obj->newDef) {
                g_autofree char *copy = virNetworkDefFormat(obj->def, 0);
                if (!copy || !(obj->newDef = virNetworkDefParseString(copy, 0)))
                    goto cleanup;
            }
            target = obj->newDef;
        }
        if (virNetworkDefUpdateSection(target, command, section,
                                       parentIndex, xml) < 0)
            goto cleanup;
    }
    if ((flags & VIR_NETWORK_UPDATE_AFFECT_LIVE) &&
        virNetworkDefUpdateSection(obj->def, command, section,
                                   parentIndex, xml) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


virNetworkDriver testNetworkDriver = {
    .name = "Test",
    .connectNumOfNetworks = testConnectNumOfNetworks,
    .connectListNetworks = testConnectListNetworks,
    .connectNumOfDefinedNetworks = testConnectNumOfDefinedNetworks,
    .connectListDefinedNetworks = testConnectListDefinedNetworks,
    .connectListAllNetworks = testConnectListAllNetworks,
    .networkLookupByName = testNetworkLookupByName,
    .networkLookupByUUID = testNetworkLookupByUUID,
    .networkLookupByUUIDString = testNetworkLookupByUUIDString,
    .networkDefineXML = testNetworkDefineXML,
    .networkDefineXMLFlags = testNetworkDefineXMLFlags,
    .networkCreateXML = testNetworkCreateXML,
    .networkCreateXMLFlags = testNetworkCreateXMLFlags,
    .networkCreate = testNetworkCreate,
    .networkDestroy = testNetworkDestroy,
    .networkUndefine = testNetworkUndefine,
    .networkGetXMLDesc = testNetworkGetXMLDesc,
    .networkUpdate = testNetworkUpdate,
    .networkGetBridgeName = testNetworkGetBridgeName,
    .networkGetAutostart = testNetworkGetAutostart,
    .networkSetAutostart = testNetworkSetAutostart,
    .networkIsActive = testNetworkIsActive,
    .networkIsPersistent = testNetworkIsPersistent,
    .connectNetworkEventRegisterAny = testConnectNetworkEventRegisterAny,
    .connectNetworkEventDeregisterAny = testConnectNetworkEventDeregisterAny,
};
