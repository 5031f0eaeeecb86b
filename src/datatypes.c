/* datatypes.c: constructors and classes of the public handle objects.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "datatypes.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* Each class: its struct, a dispose that drops members and parent refs,
 * and a type check for the generated entry points. */
#define DEFINE_CLASS(Name, Type, dispose_body) \
    static void vir##Name##Dispose(void *obj_) \
    { \
        Type *obj = obj_; \
        dispose_body \
    } \
    static const virClass vir##Name##Class = { \
        #Name, sizeof(Type), vir##Name##Dispose \
    }; \
    bool virObjectIs##Name(const void *obj) \
    { \
        return virObjectIsClass(obj, &vir##Name##Class); \
    }

static void
virConnectDisposeImpl(virConnect *conn)
{
    if (conn->driver && conn->driver->hypervisorDriver &&
        conn->driver->hypervisorDriver->connectClose)
        conn->driver->hypervisorDriver->connectClose(conn);
    if (conn->closeCb.freeCallback)
        conn->closeCb.freeCallback(conn->closeCb.opaque);
    virResetError(&conn->err);
    g_free(conn->uri);
    g_mutex_clear(&conn->lock);
}

DEFINE_CLASS(Connect, virConnect, virConnectDisposeImpl(obj);)
DEFINE_CLASS(Domain, virDomain,
             g_free(obj->name); virObjectUnref(obj->conn);)
DEFINE_CLASS(Network, virNetwork,
             g_free(obj->name); virObjectUnref(obj->conn);)
DEFINE_CLASS(NetworkPort, virNetworkPort, virObjectUnref(obj->net);)
DEFINE_CLASS(Interface, virInterface,
             g_free(obj->name); g_free(obj->mac); virObjectUnref(obj->conn);)
DEFINE_CLASS(StoragePool, virStoragePool,
             if (obj->privateDataFreeFunc)
                 obj->privateDataFreeFunc(obj->privateData);
             g_free(obj->name); virObjectUnref(obj->conn);)
DEFINE_CLASS(StorageVol, virStorageVol,
             if (obj->privateDataFreeFunc)
                 obj->privateDataFreeFunc(obj->privateData);
             g_free(obj->pool); g_free(obj->name); g_free(obj->key);
             virObjectUnref(obj->conn);)
DEFINE_CLASS(NodeDevice, virNodeDevice,
             g_free(obj->name); g_free(obj->parentName);
             virObjectUnref(obj->conn);)
DEFINE_CLASS(Secret, virSecret,
             g_free(obj->usageID); virObjectUnref(obj->conn);)
DEFINE_CLASS(NWFilter, virNWFilter,
             g_free(obj->name); virObjectUnref(obj->conn);)
DEFINE_CLASS(NWFilterBinding, virNWFilterBinding,
             g_free(obj->portdev); g_free(obj->filtername);
             virObjectUnref(obj->conn);)
DEFINE_CLASS(DomainSnapshot, virDomainSnapshot,
             g_free(obj->name); virObjectUnref(obj->domain);)
DEFINE_CLASS(DomainCheckpoint, virDomainCheckpoint,
             g_free(obj->name); virObjectUnref(obj->domain);)
DEFINE_CLASS(Stream, virStream,
             if (obj->ff)
                 obj->ff(obj->privateData);
             virObjectUnref(obj->conn);)

virConnectPtr
virGetConnect(void)
{
    virConnect *conn = virObjectNew(&virConnectClass);

    g_mutex_init(&conn->lock);
    return conn;
}

/* Handles of a connection all need a live connection and a name. */
static bool
checkConnAndName(virConnectPtr conn, const char *name, const char *what)
{
    if (!virObjectIsConnect(conn)) {
        virReportError(VIR_ERR_INVALID_CONN, "%s", what);
        return false;
    }
    if (!name) {
        virReportError(VIR_ERR_INVALID_ARG, "%s name must not be NULL", what);
        return false;
    }
    return true;
}

virDomainPtr
virGetDomain(virConnectPtr conn, const char *name,
             const unsigned char *uuid, int id)
{
    virDomain *dom;

    if (!checkConnAndName(conn, name, "virGetDomain"))
        return NULL;
    dom = virObjectNew(&virDomainClass);
    dom->conn = virObjectRef(conn);
    dom->name = g_strdup(name);
    if (uuid)
        memcpy(dom->uuid, uuid, VIR_UUID_RAW_LEN);
    dom->id = id;
    return dom;
}

virNetworkPtr
virGetNetwork(virConnectPtr conn, const char *name, const unsigned char *uuid)
{
    virNetwork *net;

    if (!checkConnAndName(conn, name, "virGetNetwork"))
        return NULL;
    net = virObjectNew(&virNetworkClass);
    net->conn = virObjectRef(conn);
    net->name = g_strdup(name);
    if (uuid)
        memcpy(net->uuid, uuid, VIR_UUID_RAW_LEN);
    return net;
}

virNetworkPortPtr
virGetNetworkPort(virNetworkPtr net, const unsigned char *uuid)
{
    virNetworkPort *port;

    if (!virObjectIsNetwork(net)) {
        virReportError(VIR_ERR_INVALID_NETWORK, "%s", "virGetNetworkPort");
        return NULL;
    }
    port = virObjectNew(&virNetworkPortClass);
    port->net = virObjectRef(net);
    if (uuid)
        memcpy(port->uuid, uuid, VIR_UUID_RAW_LEN);
    return port;
}

virInterfacePtr
virGetInterface(virConnectPtr conn, const char *name, const char *mac)
{
    virInterface *iface;

    if (!checkConnAndName(conn, name, "virGetInterface"))
        return NULL;
    iface = virObjectNew(&virInterfaceClass);
    iface->conn = virObjectRef(conn);
    iface->name = g_strdup(name);
    iface->mac = g_strdup(mac ? mac : "");
    return iface;
}

virStoragePoolPtr
virGetStoragePool(virConnectPtr conn, const char *name,
                  const unsigned char *uuid, void *privateData,
                  virFreeCallback freeFunc)
{
    virStoragePool *pool;

    if (!checkConnAndName(conn, name, "virGetStoragePool"))
        return NULL;
    pool = virObjectNew(&virStoragePoolClass);
    pool->conn = virObjectRef(conn);
    pool->name = g_strdup(name);
    if (uuid)
        memcpy(pool->uuid, uuid, VIR_UUID_RAW_LEN);
    pool->privateData = privateData;
    pool->privateDataFreeFunc = freeFunc;
    return pool;
}

virStorageVolPtr
virGetStorageVol(virConnectPtr conn, const char *pool, const char *name,
                 const char *key, void *privateData, virFreeCallback freeFunc)
{
    virStorageVol *vol;

    if (!checkConnAndName(conn, name, "virGetStorageVol"))
        return NULL;
    if (!pool || !key) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "virGetStorageVol needs a pool name and a key");
        return NULL;
    }
    vol = virObjectNew(&virStorageVolClass);
    vol->conn = virObjectRef(conn);
    vol->pool = g_strdup(pool);
    vol->name = g_strdup(name);
    vol->key = g_strdup(key);
    vol->privateData = privateData;
    vol->privateDataFreeFunc = freeFunc;
    return vol;
}

virNodeDevicePtr
virGetNodeDevice(virConnectPtr conn, const char *name)
{
    virNodeDevice *dev;

    if (!checkConnAndName(conn, name, "virGetNodeDevice"))
        return NULL;
    dev = virObjectNew(&virNodeDeviceClass);
    dev->conn = virObjectRef(conn);
    dev->name = g_strdup(name);
    return dev;
}

virSecretPtr
virGetSecret(virConnectPtr conn, const unsigned char *uuid, int usageType,
             const char *usageID)
{
    virSecret *secret;

    if (!checkConnAndName(conn, "", "virGetSecret"))
        return NULL;
    if (!uuid) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "virGetSecret needs a uuid");
        return NULL;
    }
    secret = virObjectNew(&virSecretClass);
    secret->conn = virObjectRef(conn);
    memcpy(secret->uuid, uuid, VIR_UUID_RAW_LEN);
    secret->usageType = usageType;
    secret->usageID = g_strdup(usageID ? usageID : "");
    return secret;
}

virNWFilterPtr
virGetNWFilter(virConnectPtr conn, const char *name, const unsigned char *uuid)
{
    virNWFilter *nwfilter;

    if (!checkConnAndName(conn, name, "virGetNWFilter"))
        return NULL;
    nwfilter = virObjectNew(&virNWFilterClass);
    nwfilter->conn = virObjectRef(conn);
    nwfilter->name = g_strdup(name);
    if (uuid)
        memcpy(nwfilter->uuid, uuid, VIR_UUID_RAW_LEN);
    return nwfilter;
}

virNWFilterBindingPtr
virGetNWFilterBinding(virConnectPtr conn, const char *portdev,
                      const char *filtername)
{
    virNWFilterBinding *binding;

    if (!checkConnAndName(conn, portdev, "virGetNWFilterBinding"))
        return NULL;
    binding = virObjectNew(&virNWFilterBindingClass);
    binding->conn = virObjectRef(conn);
    binding->portdev = g_strdup(portdev);
    binding->filtername = g_strdup(filtername);
    return binding;
}

virDomainSnapshotPtr
virGetDomainSnapshot(virDomainPtr domain, const char *name)
{
    virDomainSnapshot *snap;

    if (!virObjectIsDomain(domain)) {
        virReportError(VIR_ERR_INVALID_DOMAIN, "%s", "virGetDomainSnapshot");
        return NULL;
    }
    snap = virObjectNew(&virDomainSnapshotClass);
    snap->domain = virObjectRef(domain);
    snap->name = g_strdup(name);
    return snap;
}

virDomainCheckpointPtr
virGetDomainCheckpoint(virDomainPtr domain, const char *name)
{
    virDomainCheckpoint *cp;

    if (!virObjectIsDomain(domain)) {
        virReportError(VIR_ERR_INVALID_DOMAIN, "%s",
                       "virGetDomainCheckpoint");
        return NULL;
    }
    cp = virObjectNew(&virDomainCheckpointClass);
    cp->domain = virObjectRef(domain);
    cp->name = g_strdup(name);
    return cp;
}

virStreamPtr
virGetStream(virConnectPtr conn)
{
    virStream *st;

    if (!virObjectIsConnect(conn)) {
        virReportError(VIR_ERR_INVALID_CONN, "%s", "virGetStream");
        return NULL;
    }
    st = virObjectNew(&virStreamClass);
    st->conn = virObjectRef(conn);
    return st;
}
