/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* C side of the hand-written Go overrides (see vkgo.h). */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include "vkgo.h"
#include "_cgo_export.h"

int
vkgoGetVersion(unsigned long *version, virErrorPtr err)
{
    int ret = virGetVersion(version, NULL, NULL);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

/* ---- auth: the Go callback answers the credentials ------------------- */

static int
vkgoAuthCb(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    return vkgoAuthCallback(cred, ncred, (long)(intptr_t)cbdata);
}

virConnectPtr
vkgoConnectOpenAuth(const char *uri, int *credtypes, int ncredtypes,
                    long handle, unsigned int flags, virErrorPtr err)
{
    virConnectAuth auth = { credtypes, ncredtypes, vkgoAuthCb,
                            (void *)(intptr_t)handle };
    virConnectPtr ret = virConnectOpenAuth(uri, handle ? &auth : NULL,
                                           flags);
    if (!ret)
        virCopyLastError(err);
    return ret;
}

/* ---- domain events ---------------------------------------------------- */

static int
vkgoLifecycleCb(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                void *opaque)
{
    vkgoDomainEventLifecycle(conn, dom, event, detail,
                             (long)(intptr_t)opaque);
    return 0;
}

static void
vkgoFreeCb(void *opaque)
{
    vkgoFreeHandle((long)(intptr_t)opaque);
}

int
vkgoDomainEventLifecycleRegister(virConnectPtr conn, virDomainPtr dom,
                                 long handle, virErrorPtr err)
{
    int ret = virConnectDomainEventRegisterAny(
        conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(vkgoLifecycleCb),
        (void *)(intptr_t)handle, vkgoFreeCb);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

/* One C callback per callback shape; each packs its arguments. */
#define VKGO_DELIVER(d) \
    vkgoDomainEvent(conn, dom, &(d), (long)(intptr_t)opaque)

static int
vkgoEvGeneric(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    vkgoDomainEventData d = { 0 };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvLongLong(virConnectPtr conn, virDomainPtr dom, long long l,
               void *opaque)
{
    vkgoDomainEventData d = { .l = l };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvInt(virConnectPtr conn, virDomainPtr dom, int i, void *opaque)
{
    vkgoDomainEventData d = { .i = { i } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvIntInt(virConnectPtr conn, virDomainPtr dom, int i, int j,
             void *opaque)
{
    vkgoDomainEventData d = { .i = { i, j } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvStrStrInt(virConnectPtr conn, virDomainPtr dom, const char *a,
                const char *b, int i, void *opaque)
{
    vkgoDomainEventData d = { .s = { a, b }, .i = { i } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvStrStrIntStr(virConnectPtr conn, virDomainPtr dom, const char *a,
                   const char *b, int i, const char *c, void *opaque)
{
    vkgoDomainEventData d = { .s = { a, b, c }, .i = { i } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvStrIntInt(virConnectPtr conn, virDomainPtr dom, const char *a, int i,
                int j, void *opaque)
{
    vkgoDomainEventData d = { .s = { a }, .i = { i, j } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvStrStrStrInt(virConnectPtr conn, virDomainPtr dom, const char *a,
                   const char *b, const char *c, int i, void *opaque)
{
    vkgoDomainEventData d = { .s = { a, b, c }, .i = { i } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvStrInt(virConnectPtr conn, virDomainPtr dom, const char *a, int i,
             void *opaque)
{
    vkgoDomainEventData d = { .s = { a }, .i = { i } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvIntReason(virConnectPtr conn, virDomainPtr dom, int reason,
                void *opaque)
{
    return vkgoEvInt(conn, dom, reason, opaque);
}

static int
vkgoEvULongLong(virConnectPtr conn, virDomainPtr dom, unsigned long long u,
                void *opaque)
{
    vkgoDomainEventData d = { .u = { u } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvStr(virConnectPtr conn, virDomainPtr dom, const char *a, void *opaque)
{
    vkgoDomainEventData d = { .s = { a } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvIntStr(virConnectPtr conn, virDomainPtr dom, int i, const char *a,
             void *opaque)
{
    vkgoDomainEventData d = { .s = { a }, .i = { i } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvStrStrULLULL(virConnectPtr conn, virDomainPtr dom, const char *a,
                   const char *b, unsigned long long u,
                   unsigned long long v, void *opaque)
{
    vkgoDomainEventData d = { .s = { a, b }, .u = { u, v } };
    VKGO_DELIVER(d);
    return 0;
}

int
vkgoDomainEventRegister(virConnectPtr conn, virDomainPtr dom, int id,
                        long handle, virErrorPtr err)
{
    virConnectDomainEventGenericCallback cb = NULL;
    int ret;

    switch (id) {
    case VIR_DOMAIN_EVENT_ID_REBOOT:
    case VIR_DOMAIN_EVENT_ID_CONTROL_ERROR:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvGeneric);
        break;
    case VIR_DOMAIN_EVENT_ID_RTC_CHANGE:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvLongLong);
        break;
    case VIR_DOMAIN_EVENT_ID_WATCHDOG:
    case VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvInt);
        break;
    case VIR_DOMAIN_EVENT_ID_PMWAKEUP:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvIntReason);
        break;
    case VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvIntInt);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvStrStrInt);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvStrStrIntStr);
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB:
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvStrIntInt);
        break;
    case VIR_DOMAIN_EVENT_ID_DISK_CHANGE:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvStrStrStrInt);
        break;
    case VIR_DOMAIN_EVENT_ID_TRAY_CHANGE:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvStrInt);
        break;
    case VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvULongLong);
        break;
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_ADDED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvStr);
        break;
    case VIR_DOMAIN_EVENT_ID_METADATA_CHANGE:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvIntStr);
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvStrStrULLULL);
        break;
    }
    if (!cb)
        return -1;
    ret = virConnectDomainEventRegisterAny(conn, dom, id, cb,
                                           (void *)(intptr_t)handle,
                                           vkgoFreeCb);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoDomainEventDeregister(virConnectPtr conn, int id, virErrorPtr err)
{
    int ret = virConnectDomainEventDeregisterAny(conn, id);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

/* ---- lifecycle events of networks, pools, node devices, secrets ------
 * kind: 0 network, 1 storage pool, 2 node device, 3 secret. */

static void
vkgoObjectLifecycleCb(virConnectPtr conn, void *obj, int event, int detail,
                      void *opaque)
{
    vkgoObjectEventLifecycle(conn, obj, event, detail,
                             (long)(intptr_t)opaque);
}

int
vkgoObjectEventRegister(virConnectPtr conn, int kind, void *obj,
                        long handle, virErrorPtr err)
{
    void *opaque = (void *)(intptr_t)handle;
    int ret = -1;

    switch (kind) {
    case 0:
        ret = virConnectNetworkEventRegisterAny(
            conn, obj, VIR_NETWORK_EVENT_ID_LIFECYCLE,
            VIR_NETWORK_EVENT_CALLBACK(vkgoObjectLifecycleCb),
            opaque, vkgoFreeCb);
        break;
    case 1:
        ret = virConnectStoragePoolEventRegisterAny(
            conn, obj, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
            VIR_STORAGE_POOL_EVENT_CALLBACK(vkgoObjectLifecycleCb),
            opaque, vkgoFreeCb);
        break;
    case 2:
        ret = virConnectNodeDeviceEventRegisterAny(
            conn, obj, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
            VIR_NODE_DEVICE_EVENT_CALLBACK(vkgoObjectLifecycleCb),
            opaque, vkgoFreeCb);
        break;
    case 3:
        ret = virConnectSecretEventRegisterAny(
            conn, obj, VIR_SECRET_EVENT_ID_LIFECYCLE,
            VIR_SECRET_EVENT_CALLBACK(vkgoObjectLifecycleCb),
            opaque, vkgoFreeCb);
        break;
    }
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoObjectEventDeregister(virConnectPtr conn, int kind, int id,
                          virErrorPtr err)
{
    int ret = -1;

    switch (kind) {
    case 0:
        ret = virConnectNetworkEventDeregisterAny(conn, id);
        break;
    case 1:
        ret = virConnectStoragePoolEventDeregisterAny(conn, id);
        break;
    case 2:
        ret = virConnectNodeDeviceEventDeregisterAny(conn, id);
        break;
    case 3:
        ret = virConnectSecretEventDeregisterAny(conn, id);
        break;
    }
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

/* ---- the connection's close callback ---------------------------------- */

static void
vkgoCloseCb(virConnectPtr conn, int reason, void *opaque)
{
    vkgoCloseCallback(conn, reason, (long)(intptr_t)opaque);
}

int
vkgoRegisterCloseCallback(virConnectPtr conn, long handle, virErrorPtr err)
{
    int ret = virConnectRegisterCloseCallback(conn, vkgoCloseCb,
                                              (void *)(intptr_t)handle,
                                              vkgoFreeCb);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoUnregisterCloseCallback(virConnectPtr conn, virErrorPtr err)
{
    int ret = virConnectUnregisterCloseCallback(conn, vkgoCloseCb);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

/* ---- struct and byte results ------------------------------------------ */

int
vkgoDomainInterfaceStats(virDomainPtr dom, const char *path,
                         virDomainInterfaceStatsPtr stats, virErrorPtr err)
{
    int ret = virDomainInterfaceStats(dom, path, stats, sizeof(*stats));
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoDomainMemoryStats(virDomainPtr dom, virDomainMemoryStatPtr stats,
                      unsigned int nr, unsigned int flags, virErrorPtr err)
{
    int ret = virDomainMemoryStats(dom, stats, nr, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

unsigned char *
vkgoSecretGetValue(virSecretPtr secret, size_t *size, unsigned int flags,
                   virErrorPtr err)
{
    unsigned char *ret = virSecretGetValue(secret, size, flags);
    if (!ret)
        virCopyLastError(err);
    return ret;
}

int
vkgoSecretSetValue(virSecretPtr secret, const unsigned char *value,
                   size_t size, unsigned int flags, virErrorPtr err)
{
    int ret = virSecretSetValue(secret, value, size, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

/* ---- typed parameters --------------------------------------------------
 * which: 0 scheduler, 1 memory, 2 blkio, 3 interface, 4 block stats,
 * 5 scheduler without flags.
 * A first call with no array asks for the count. */

static int
vkgoParamsCall(virDomainPtr dom, int which, const char *device,
               virTypedParameterPtr params, int *n, unsigned int flags)
{
    switch (which) {
    case 0:
        return virDomainGetSchedulerParametersFlags(dom, params, n, flags);
    case 1:
        return virDomainGetMemoryParameters(dom, params, n, flags);
    case 2:
        return virDomainGetBlkioParameters(dom, params, n, flags);
    case 3:
        return virDomainGetInterfaceParameters(dom, device, params, n, flags);
    case 4:
        return virDomainBlockStatsFlags(dom, device, params, n, flags);
    case 5:
        return virDomainGetSchedulerParameters(dom, params, n);
    }
    return -1;
}

int
vkgoTypedParamsGet(virDomainPtr dom, int which, const char *device,
                   unsigned int flags, virTypedParameterPtr *params,
                   int *nparams, virErrorPtr err)
{
    int n = *nparams;

    *params = NULL;
    if (which != 0 && which != 5 &&
        vkgoParamsCall(dom, which, device, NULL, &n, flags) < 0)
        goto error;
    *params = calloc(n ? n : 1, sizeof(**params));
    if (vkgoParamsCall(dom, which, device, *params, &n, flags) < 0) {
        free(*params);
        *params = NULL;
        goto error;
    }
    *nparams = n;
    return 0;
 error:
    virCopyLastError(err);
    return -1;
}

int
vkgoTypedParamsSet(virDomainPtr dom, int which, const char *device,
                   virTypedParameterPtr params, int nparams,
                   unsigned int flags, virErrorPtr err)
{
    int ret = -1;

    switch (which) {
    case 0:
        ret = virDomainSetSchedulerParametersFlags(dom, params, nparams,
                                                   flags);
        break;
    case 1:
        ret = virDomainSetMemoryParameters(dom, params, nparams, flags);
        break;
    case 2:
        ret = virDomainSetBlkioParameters(dom, params, nparams, flags);
        break;
    case 3:
        ret = virDomainSetInterfaceParameters(dom, device, params, nparams,
                                              flags);
        break;
    case 5:
        ret = virDomainSetSchedulerParameters(dom, params, nparams);
        break;
    }
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoTypedParamAdd(virTypedParameterPtr *params, int *n, int *max,
                  const char *name, int type, long long i,
                  unsigned long long u, double d, const char *s)
{
    switch (type) {
    case VIR_TYPED_PARAM_INT:
        return virTypedParamsAddInt(params, n, max, name, (int)i);
    case VIR_TYPED_PARAM_UINT:
        return virTypedParamsAddUInt(params, n, max, name, (unsigned int)u);
    case VIR_TYPED_PARAM_LLONG:
        return virTypedParamsAddLLong(params, n, max, name, i);
    case VIR_TYPED_PARAM_ULLONG:
        return virTypedParamsAddULLong(params, n, max, name, u);
    case VIR_TYPED_PARAM_DOUBLE:
        return virTypedParamsAddDouble(params, n, max, name, d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return virTypedParamsAddBoolean(params, n, max, name, (int)i);
    case VIR_TYPED_PARAM_STRING:
        return virTypedParamsAddString(params, n, max, name, s);
    }
    return -1;
}

const char *
vkgoTypedParamField(virTypedParameterPtr params, int i)
{
    return params[i].field;
}

int
vkgoTypedParamType(virTypedParameterPtr params, int i)
{
    return params[i].type;
}

long long
vkgoTypedParamInt(virTypedParameterPtr params, int i)
{
    switch (params[i].type) {
    case VIR_TYPED_PARAM_INT:
        return params[i].value.i;
    case VIR_TYPED_PARAM_LLONG:
        return params[i].value.l;
    case VIR_TYPED_PARAM_BOOLEAN:
        return params[i].value.b;
    }
    return 0;
}

unsigned long long
vkgoTypedParamUInt(virTypedParameterPtr params, int i)
{
    switch (params[i].type) {
    case VIR_TYPED_PARAM_UINT:
        return params[i].value.ui;
    case VIR_TYPED_PARAM_ULLONG:
        return params[i].value.ul;
    }
    return (unsigned long long)vkgoTypedParamInt(params, i);
}

double
vkgoTypedParamDouble(virTypedParameterPtr params, int i)
{
    return params[i].type == VIR_TYPED_PARAM_DOUBLE ? params[i].value.d : 0;
}

const char *
vkgoTypedParamString(virTypedParameterPtr params, int i)
{
    return params[i].type == VIR_TYPED_PARAM_STRING && params[i].value.s ?
        params[i].value.s : "";
}

char *
vkgoDomainSchedulerType(virDomainPtr dom, int *nparams, virErrorPtr err)
{
    char *ret = virDomainGetSchedulerType(dom, nparams);
    if (!ret)
        virCopyLastError(err);
    return ret;
}

int
vkgoDomainBlockStats(virDomainPtr dom, const char *path,
                     virDomainBlockStatsPtr stats, virErrorPtr err)
{
    int ret = virDomainBlockStats(dom, path, stats, sizeof(*stats));
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

/* ---- streams ---------------------------------------------------------- */

int
vkgoStreamSend(virStreamPtr st, const char *data, size_t n, virErrorPtr err)
{
    int ret = virStreamSend(st, data, n);
    if (ret == -1)
        virCopyLastError(err);
    return ret;
}

int
vkgoStreamRecv(virStreamPtr st, char *data, size_t n, virErrorPtr err)
{
    int ret = virStreamRecv(st, data, n);
    if (ret == -1)
        virCopyLastError(err);
    return ret;
}
