/* test_driver_interface.c: host interfaces of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

void
testIfaceObjFree(testIfaceObj *obj)
{
    if (!obj)
        return;
    testInterfaceDefFree(obj->def);
    g_free(obj);
}


static testIfaceObj *
testIfaceObjFindByName(testDriver *drv, const char *name)
{
    size_t i;

    for (i = 0; i < drv->ifaces->len; i++) {
        testIfaceObj *obj = g_ptr_array_index(drv->ifaces, i);
        if (strcmp(obj->def->name, name) == 0)
            return obj;
    }
    return NULL;
}


static testIfaceObj *
testIfaceObjFromName(testDriver *drv, const char *name)
{
    testIfaceObj *obj = testIfaceObjFindByName(drv, name);

    if (!obj)
        virReportError(VIR_ERR_NO_INTERFACE,
                       "no interface with matching name '%s'", name);
    return obj;
}


static virInterfacePtr
testIfaceObjGetHandle(virConnectPtr conn, testIfaceObj *obj)
{
    return virGetInterface(conn, obj->def->name, obj->def->mac);
}


/* Add or replace an interface definition (takes `def`). */
static testIfaceObj *
testIfaceObjAssign(testDriver *drv, testInterfaceDef *def)
{
    testIfaceObj *obj;

    if ((obj = testIfaceObjFindByName(drv, def->name))) {
        testInterfaceDefFree(obj->def);
        obj->def = def;
        return obj;
    }
    obj = g_new0(testIfaceObj, 1);
    obj->def = def;
    g_ptr_array_add(drv->ifaces, obj);
    return obj;
}


void
testIfaceObjLoad(testDriver *drv, testInterfaceDef *def)
{
    testIfaceObjAssign(drv, def)->active = true;
}


/* ---- listing ---- */

static int
testConnectNumOfInterfacesImpl(virConnectPtr conn, bool active)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->ifaces->len; i++) {
        testIfaceObj *obj = g_ptr_array_index(drv->ifaces, i);
        if (obj->active == active)
            n++;
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testConnectListInterfacesImpl(virConnectPtr conn, bool active,
                              char **const names, int maxnames)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->ifaces->len && n < maxnames; i++) {
        testIfaceObj *obj = g_ptr_array_index(drv->ifaces, i);
        if (obj->active == active)
            names[n++] = g_strdup(obj->def->name);
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testConnectNumOfInterfaces(virConnectPtr conn)
{
    return testConnectNumOfInterfacesImpl(conn, true);
}


static int
testConnectNumOfDefinedInterfaces(virConnectPtr conn)
{
    return testConnectNumOfInterfacesImpl(conn, false);
}


static int
testConnectListInterfaces(virConnectPtr conn, char **const names,
                          int maxnames)
{
    return testConnectListInterfacesImpl(conn, true, names, maxnames);
}


static int
testConnectListDefinedInterfaces(virConnectPtr conn, char **const names,
                                 int maxnames)
{
    return testConnectListInterfacesImpl(conn, false, names, maxnames);
}


static bool
testIfaceObjMatchFilter(const void *opaque, unsigned int flags)
{
    const testIfaceObj *obj = opaque;

    return !(flags & (VIR_CONNECT_LIST_INTERFACES_ACTIVE |
                      VIR_CONNECT_LIST_INTERFACES_INACTIVE)) ||
           (flags & VIR_CONNECT_LIST_INTERFACES_ACTIVE && obj->active) ||
           (flags & VIR_CONNECT_LIST_INTERFACES_INACTIVE && !obj->active);
}


static void *
testIfaceObjListHandle(virConnectPtr conn, void *obj,
                       void *opaque G_GNUC_UNUSED)
{
    return testIfaceObjGetHandle(conn, obj);
}


static int
testConnectListAllInterfaces(virConnectPtr conn, virInterfacePtr **ifaces,
                             unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int ret;

    virCheckFlags(VIR_CONNECT_LIST_INTERFACES_ACTIVE |
                  VIR_CONNECT_LIST_INTERFACES_INACTIVE, -1);

    g_mutex_lock(&drv->lock);
    ret = testListAll(conn, drv->ifaces, testIfaceObjMatchFilter, flags,
                      testIfaceObjListHandle, NULL, (void ***)ifaces);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- lookups ---- */

static void *
testIfaceObjLookupName(testDriver *drv, const void *name)
{
    return testIfaceObjFromName(drv, name);
}


static virInterfacePtr
testInterfaceLookupByName(virConnectPtr conn, const char *name)
{
    return testLookup(conn, testIfaceObjLookupName, name,
                      testIfaceObjListHandle);
}


static virInterfacePtr
testInterfaceLookupByMACString(virConnectPtr conn, const char *mac)
{
    testDriver *drv = conn->privateData;
    virInterfacePtr ret = NULL;
    testIfaceObj *found = NULL;
    size_t matches = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->ifaces->len; i++) {
        testIfaceObj *obj = g_ptr_array_index(drv->ifaces, i);

        if (obj->def->mac && g_ascii_strcasecmp(obj->def->mac, mac) == 0) {
            found = obj;
            matches++;
        }
    }
    if (matches == 0)
        virReportError(VIR_ERR_NO_INTERFACE,
                       "no interface with matching mac '%s'", mac);
    else if (matches > 1)
        virReportError(VIR_ERR_MULTIPLE_INTERFACES, NULL);
    else
        ret = testIfaceObjGetHandle(conn, found);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- definitions and state ---- */

static char *
testInterfaceGetXMLDesc(virInterfacePtr iface, unsigned int flags)
{
    testDriver *drv = iface->conn->privateData;
    testIfaceObj *obj;
    char *ret = NULL;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((obj = testIfaceObjFromName(drv, iface->name)))
        ret = testInterfaceDefFormat(obj->def);
    g_mutex_unlock(&drv->lock);
    return ret;
}


static virInterfacePtr
testInterfaceDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    testInterfaceDef *def;
    virInterfacePtr ret;

    virCheckFlags(VIR_INTERFACE_DEFINE_VALIDATE, NULL);

    if (!(def = testInterfaceDefParseString(xml)))
        return NULL;

    g_mutex_lock(&drv->lock);
    ret = testIfaceObjGetHandle(conn, testIfaceObjAssign(drv, def));
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testInterfaceUndefine(virInterfacePtr iface)
{
    testDriver *drv = iface->conn->privateData;
    testIfaceObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testIfaceObjFromName(drv, iface->name))) {
        g_ptr_array_remove(drv->ifaces, obj);
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Start (active true) or stop an interface; it must be in the other
 * state, else libvirt's bare "operation is not valid". */
static int
testInterfaceSetActive(virInterfacePtr iface, bool active)
{
    testDriver *drv = iface->conn->privateData;
    testIfaceObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testIfaceObjFromName(drv, iface->name)))
        goto cleanup;
    if (obj->active == active) {
        virReportError(VIR_ERR_OPERATION_INVALID, NULL);
        goto cleanup;
    }
    obj->active = active;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testInterfaceCreate(virInterfacePtr iface, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceSetActive(iface, true);
}


static int
testInterfaceDestroy(virInterfacePtr iface, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceSetActive(iface, false);
}


static int
testInterfaceIsActive(virInterfacePtr iface)
{
    testDriver *drv = iface->conn->privateData;
    testIfaceObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testIfaceObjFromName(drv, iface->name)))
        ret = obj->active;
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- change transactions ---- */

/* A copy of every interface, by way of its XML, inactive (as libvirt's
 * copies are). */
static GPtrArray *
testIfaceListCopy(GPtrArray *src)
{
    GPtrArray *copy = g_ptr_array_new_with_free_func((GDestroyNotify)testIfaceObjFree);
    size_t i;

    for (i = 0; i < src->len; i++) {
        testIfaceObj *obj = g_ptr_array_index(src, i);
        g_autofree char *xml = testInterfaceDefFormat(obj->def);
        testIfaceObj *dup = g_new0(testIfaceObj, 1);

        if (!xml || !(dup->def = testInterfaceDefParseString(xml))) {
            g_free(dup);
            g_ptr_array_free(copy, TRUE);
            return NULL;
        }
        g_ptr_array_add(copy, dup);
    }
    return copy;
}


static int
testInterfaceChangeBegin(virConnectPtr conn, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (drv->ifaceBackup) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "there is another transaction running.");
        goto cleanup;
    }
    if ((drv->ifaceBackup = testIfaceListCopy(drv->ifaces)))
        ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testInterfaceChangeCommit(virConnectPtr conn, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!drv->ifaceBackup) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "no transaction running, nothing to be committed.");
        goto cleanup;
    }
    g_ptr_array_free(g_steal_pointer(&drv->ifaceBackup), TRUE);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testInterfaceChangeRollback(virConnectPtr conn, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!drv->ifaceBackup) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "no transaction running, nothing to rollback.");
        goto cleanup;
    }
    g_ptr_array_free(drv->ifaces, TRUE);
    drv->ifaces = g_steal_pointer(&drv->ifaceBackup);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


virInterfaceDriver testInterfaceDriver = {
    .name = "Test",
    .connectNumOfInterfaces = testConnectNumOfInterfaces,
    .connectListInterfaces = testConnectListInterfaces,
    .connectNumOfDefinedInterfaces = testConnectNumOfDefinedInterfaces,
    .connectListDefinedInterfaces = testConnectListDefinedInterfaces,
    .connectListAllInterfaces = testConnectListAllInterfaces,
    .interfaceLookupByName = testInterfaceLookupByName,
    .interfaceLookupByMACString = testInterfaceLookupByMACString,
    .interfaceGetXMLDesc = testInterfaceGetXMLDesc,
    .interfaceDefineXML = testInterfaceDefineXML,
    .interfaceUndefine = testInterfaceUndefine,
    .interfaceCreate = testInterfaceCreate,
    .interfaceDestroy = testInterfaceDestroy,
    .interfaceIsActive = testInterfaceIsActive,
    .interfaceChangeBegin = testInterfaceChangeBegin,
    .interfaceChangeCommit = testInterfaceChangeCommit,
    .interfaceChangeRollback = testInterfaceChangeRollback,
};
