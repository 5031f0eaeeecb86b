/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Domain events to Perl callbacks: callback(conn, dom, args...) with the
 * arguments Sys::Virt gives for each event ID. */
#ifndef VKPL_EVENTS_H
#define VKPL_EVENTS_H

#include "vkpl.h"

typedef struct {
    SV *conn;                      /* the Sys::Virt object (a reference) */
    SV *cb;                        /* the Perl code */
    int id;
} vkplEventData;

static inline vkplEventData *
vkplEventDataNew(pTHX_ SV *conn, SV *cb, int id)
{
    vkplEventData *d = (vkplEventData *)calloc(1, sizeof(*d));
    if (!d)
        croak("out of memory");
    d->conn = newSVsv(conn);
    d->cb = newSVsv(cb);
    d->id = id;
    return d;
}

static void
vkplEventDataFree(void *opaque)
{
    dTHX;
    vkplEventData *d = (vkplEventData *)opaque;
    if (!d)
        return;
    SvREFCNT_dec(d->conn);
    SvREFCNT_dec(d->cb);
    free(d);
}

/* Start a call: the connection and a new handle on dom are pushed. */
#define VKPL_EVENT_BEGIN(opaque, dom) \
    dTHX; \
    dSP; \
    vkplEventData *d_ = (vkplEventData *)(opaque); \
    ENTER; \
    SAVETMPS; \
    PUSHMARK(SP); \
    XPUSHs(d_->conn); \
    virDomainRef(dom); \
    mXPUSHs(vkplWrap(aTHX_ "Sys::Virt::Domain", dom))

#define VKPL_EVENT_END() \
    PUTBACK; \
    call_sv(d_->cb, G_DISCARD); \
    FREETMPS; \
    LEAVE; \
    return 0

static int
vkplEventLifecycle(virConnectPtr conn, virDomainPtr dom, int event,
                   int detail, void *opaque)
{
    VKPL_EVENT_BEGIN(opaque, dom);
    (void)conn;
    mXPUSHs(newSViv(event));
    mXPUSHs(newSViv(detail));
    VKPL_EVENT_END();
}

static int
vkplEventGeneric(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    VKPL_EVENT_BEGIN(opaque, dom);
    (void)conn;
    VKPL_EVENT_END();
}

static int
vkplEventRTCChange(virConnectPtr conn, virDomainPtr dom, long long offset,
                   void *opaque)
{
    VKPL_EVENT_BEGIN(opaque, dom);
    (void)conn;
    mXPUSHs(vkplNewSVll(offset));
    VKPL_EVENT_END();
}

static int
vkplEventWatchdog(virConnectPtr conn, virDomainPtr dom, int action,
                  void *opaque)
{
    VKPL_EVENT_BEGIN(opaque, dom);
    (void)conn;
    mXPUSHs(newSViv(action));
    VKPL_EVENT_END();
}

static int
vkplEventIOError(virConnectPtr conn, virDomainPtr dom, const char *srcPath,
                 const char *devAlias, int action, void *opaque)
{
    VKPL_EVENT_BEGIN(opaque, dom);
    (void)conn;
    mXPUSHs(newSVpv(srcPath ? srcPath : "", 0));
    mXPUSHs(newSVpv(devAlias ? devAlias : "", 0));
    mXPUSHs(newSViv(action));
    VKPL_EVENT_END();
}

static int
vkplEventString(virConnectPtr conn, virDomainPtr dom, const char *str,
                void *opaque)
{
    VKPL_EVENT_BEGIN(opaque, dom);
    (void)conn;
    mXPUSHs(newSVpv(str ? str : "", 0));
    VKPL_EVENT_END();
}

/* The C callback for an event ID, or NULL where none is written yet. */
static inline virConnectDomainEventGenericCallback
vkplDomainEventCallbackFor(int id)
{
    switch (id) {
    case VIR_DOMAIN_EVENT_ID_LIFECYCLE:
        return VIR_DOMAIN_EVENT_CALLBACK(vkplEventLifecycle);
    case VIR_DOMAIN_EVENT_ID_REBOOT:
    case VIR_DOMAIN_EVENT_ID_CONTROL_ERROR:
        return VIR_DOMAIN_EVENT_CALLBACK(vkplEventGeneric);
    case VIR_DOMAIN_EVENT_ID_RTC_CHANGE:
        return VIR_DOMAIN_EVENT_CALLBACK(vkplEventRTCChange);
    case VIR_DOMAIN_EVENT_ID_WATCHDOG:
        return VIR_DOMAIN_EVENT_CALLBACK(vkplEventWatchdog);
    case VIR_DOMAIN_EVENT_ID_IO_ERROR:
        return VIR_DOMAIN_EVENT_CALLBACK(vkplEventIOError);
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED:
        return VIR_DOMAIN_EVENT_CALLBACK(vkplEventString);
    default:
        return NULL;
    }
}

/* Events of the other objects: their lifecycle (ID 0) gives event and
 * detail, the others (refresh, value changed, update) nothing more. */
#define VKPL_OBJECT_EVENTS(Obj, pkg) \
static int \
vkplEvent##Obj##Lifecycle(virConnectPtr conn, vir##Obj##Ptr obj, int event, \
                          int detail, void *opaque) \
{ \
    dTHX; \
    dSP; \
    vkplEventData *d_ = (vkplEventData *)opaque; \
    (void)conn; \
    ENTER; \
    SAVETMPS; \
    PUSHMARK(SP); \
    XPUSHs(d_->conn); \
    vir##Obj##Ref(obj); \
    mXPUSHs(vkplWrap(aTHX_ pkg, obj)); \
    if (d_->id == 0) { \
        mXPUSHs(newSViv(event)); \
        mXPUSHs(newSViv(detail)); \
    } \
    PUTBACK; \
    call_sv(d_->cb, G_DISCARD); \
    FREETMPS; \
    LEAVE; \
    return 0; \
}

VKPL_OBJECT_EVENTS(Network, "Sys::Virt::Network")
VKPL_OBJECT_EVENTS(StoragePool, "Sys::Virt::StoragePool")
VKPL_OBJECT_EVENTS(NodeDevice, "Sys::Virt::NodeDevice")
VKPL_OBJECT_EVENTS(Secret, "Sys::Virt::Secret")

/* Stream handlers: Perl code called from virStreamRecvAll/SendAll. */
typedef struct {
    SV *st;                        /* the Sys::Virt::Stream object */
    SV *handler;
} vkplStreamData;

static int
vkplStreamSink(virStreamPtr st, const char *bytes, size_t nbytes,
               void *opaque)
{
    dTHX;
    dSP;
    vkplStreamData *d = (vkplStreamData *)opaque;
    int count, ret = -1;

    (void)st;
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    XPUSHs(d->st);
    mXPUSHs(newSVpvn(bytes, nbytes));
    mXPUSHs(newSVuv(nbytes));
    PUTBACK;
    count = call_sv(d->handler, G_SCALAR);
    SPAGAIN;
    if (count == 1)
        ret = POPi;
    PUTBACK;
    FREETMPS;
    LEAVE;
    return ret;
}

static int
vkplStreamSource(virStreamPtr st, char *bytes, size_t nbytes, void *opaque)
{
    dTHX;
    dSP;
    vkplStreamData *d = (vkplStreamData *)opaque;
    SV *buf = sv_2mortal(newSVpvn("", 0));
    int count, ret = -1;

    (void)st;
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    XPUSHs(d->st);
    XPUSHs(buf);
    mXPUSHs(newSVuv(nbytes));
    PUTBACK;
    count = call_sv(d->handler, G_SCALAR);
    SPAGAIN;
    if (count == 1)
        ret = POPi;
    PUTBACK;
    if (ret > 0) {
        STRLEN len;
        const char *p = SvPV(buf, len);
        if ((size_t)ret > len)
            ret = (int)len;
        if ((size_t)ret > nbytes)
            ret = (int)nbytes;
        memcpy(bytes, p, ret);
    }
    FREETMPS;
    LEAVE;
    return ret;
}

#endif /* VKPL_EVENTS_H */
