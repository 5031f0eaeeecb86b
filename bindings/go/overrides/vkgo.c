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

/* ---- domain events that carry structs (events_more.go) --------------- */

static void
vkgoFreeCb(void *opaque)
{
    vkgoFreeHandle((long)(intptr_t)opaque);
}

#define VKGO_DELIVER(d) \
    vkgoDomainEvent(conn, dom, &(d), (long)(intptr_t)opaque)

static int
vkgoEvGraphics(virConnectPtr conn, virDomainPtr dom, int phase,
               const virDomainEventGraphicsAddress *local,
               const virDomainEventGraphicsAddress *remote,
               const char *authScheme,
               const virDomainEventGraphicsSubject *subject, void *opaque)
{
    vkgoDomainEventData d = { .s = { authScheme }, .i = { phase },
                              .p = { local, remote, subject } };
    VKGO_DELIVER(d);
    return 0;
}

static int
vkgoEvParams(virConnectPtr conn, virDomainPtr dom,
             virTypedParameterPtr params, int nparams, void *opaque)
{
    vkgoDomainEventData d = { .p = { params }, .n = nparams };
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
    case VIR_DOMAIN_EVENT_ID_GRAPHICS:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvGraphics);
        break;
    case VIR_DOMAIN_EVENT_ID_TUNABLE:
    case VIR_DOMAIN_EVENT_ID_JOB_COMPLETED:
        cb = VIR_DOMAIN_EVENT_CALLBACK(vkgoEvParams);
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

/* ---- deregistering object events ---------------------------------------
 * kind: 0 network, 1 storage pool, 2 node device, 3 secret. */

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
 * The scheduler's, with or without flags (the caller sized params from
 * virDomainGetSchedulerType), and the list helpers of typedparams.go. */

int
vkgoSchedulerParamsGet(virDomainPtr dom, int withFlags,
                       virTypedParameterPtr params, int *n,
                       unsigned int flags, virErrorPtr err)
{
    int ret = withFlags ?
        virDomainGetSchedulerParametersFlags(dom, params, n, flags) :
        virDomainGetSchedulerParameters(dom, params, n);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoSchedulerParamsSet(virDomainPtr dom, int withFlags,
                       virTypedParameterPtr params, int n,
                       unsigned int flags, virErrorPtr err)
{
    int ret = withFlags ?
        virDomainSetSchedulerParametersFlags(dom, params, n, flags) :
        virDomainSetSchedulerParameters(dom, params, n);
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
