/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Callbacks into Perl: the data every registration keeps (the object it
 * was made on and the Perl code), the connection's close callback, stream
 * events and the stream loops' handlers.  The object event callbacks are
 * generated from the IDL's callback typedefs (Virt.xs). */
#ifndef VKPL_EVENTS_H
#define VKPL_EVENTS_H

#include "vkpl.h"

typedef struct {
    SV *conn;                      /* the object registered on (a reference) */
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

/* virConnectRegisterCloseCallback: cb(conn, reason). */
static void
vkplCloseCallback(virConnectPtr conn, int reason, void *opaque)
{
    dTHX;
    dSP;
    vkplEventData *d = (vkplEventData *)opaque;

    (void)conn;
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    XPUSHs(d->conn);
    mXPUSHs(newSViv(reason));
    PUTBACK;
    call_sv(d->cb, G_DISCARD);
    FREETMPS;
    LEAVE;
}

/* virStreamEventAddCallback: cb(st, events). */
static void
vkplStreamEventCallback(virStreamPtr st, int events, void *opaque)
{
    dTHX;
    dSP;
    vkplEventData *d = (vkplEventData *)opaque;

    (void)st;
    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    XPUSHs(d->conn);
    mXPUSHs(newSViv(events));
    PUTBACK;
    call_sv(d->cb, G_DISCARD);
    FREETMPS;
    LEAVE;
}

/* Stream handlers: Perl code called from virStream{Recv,Send}All and
 * their sparse variants. */
typedef struct {
    SV *st;                        /* the Sys::Virt::Stream object */
    SV *handler;                   /* data */
    SV *hole;                      /* sparse: a hole */
    SV *skip;                      /* sparse send: skip in the source */
} vkplStreamData;

/* Call code with (st, extra...) in scalar context; its answer as an int,
 * -1 when it answers nothing. */
static int
vkplStreamCall(pTHX_ SV *code, SV *st, SV *a1, SV *a2)
{
    dSP;
    int count, ret = -1;

    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    XPUSHs(st);
    if (a1)
        XPUSHs(a1);
    if (a2)
        XPUSHs(a2);
    PUTBACK;
    count = call_sv(code, G_SCALAR);
    SPAGAIN;
    if (count == 1)
        ret = POPi;
    PUTBACK;
    FREETMPS;
    LEAVE;
    return ret;
}

static int
vkplStreamSink(virStreamPtr st, const char *bytes, size_t nbytes,
               void *opaque)
{
    dTHX;
    vkplStreamData *d = (vkplStreamData *)opaque;

    (void)st;
    return vkplStreamCall(aTHX_ d->handler, d->st,
                          sv_2mortal(newSVpvn(bytes, nbytes)),
                          sv_2mortal(newSVuv(nbytes)));
}

static int
vkplStreamSource(virStreamPtr st, char *bytes, size_t nbytes, void *opaque)
{
    dTHX;
    vkplStreamData *d = (vkplStreamData *)opaque;
    SV *buf = sv_2mortal(newSVpvn("", 0));
    int ret;

    (void)st;
    ret = vkplStreamCall(aTHX_ d->handler, d->st, buf,
                         sv_2mortal(newSVuv(nbytes)));
    if (ret > 0) {
        STRLEN len;
        const char *p = SvPV(buf, len);
        if ((size_t)ret > len)
            ret = (int)len;
        if ((size_t)ret > nbytes)
            ret = (int)nbytes;
        memcpy(bytes, p, ret);
    }
    return ret;
}

/* sparse_recv_all's hole handler: hole(st, length). */
static int
vkplStreamSinkHole(virStreamPtr st, long long length, void *opaque)
{
    dTHX;
    vkplStreamData *d = (vkplStreamData *)opaque;

    (void)st;
    return vkplStreamCall(aTHX_ d->hole, d->st,
                          sv_2mortal(vkplNewSVll(length)), NULL);
}

/* sparse_send_all's hole handler: hole(st) answers (in_data, length). */
static int
vkplStreamSourceHole(virStreamPtr st, int *inData, long long *length,
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
    PUTBACK;
    count = call_sv(d->hole, G_ARRAY);
    SPAGAIN;
    if (count == 2) {
        SV *len = POPs;
        SV *in = POPs;
        *inData = SvTRUE(in) ? 1 : 0;
        *length = (long long)SvIV(len);
        ret = 0;
    } else {
        SP -= count;
    }
    PUTBACK;
    FREETMPS;
    LEAVE;
    return ret;
}

/* sparse_send_all's skip handler: skip(st, length). */
static int
vkplStreamSourceSkip(virStreamPtr st, long long length, void *opaque)
{
    dTHX;
    vkplStreamData *d = (vkplStreamData *)opaque;

    (void)st;
    return vkplStreamCall(aTHX_ d->skip, d->st,
                          sv_2mortal(vkplNewSVll(length)), NULL);
}

#endif /* VKPL_EVENTS_H */
