/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Stream's C side: the library's stream handlers call OCaml closures.
 * The loops release the runtime; each handler takes it back.  An
 * exception in a handler makes it fail (the library aborts the stream)
 * and is raised again once the call returns. */
#include <string.h>
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include <caml/callback.h>
#include <caml/fail.h>
#include "vkml.h"

typedef struct {
    value *data;                /* sink or source */
    value *hole;                /* hole: length, or () -> (in_data, length) */
    value *skip;                /* skip: length */
    value *exn;                 /* the exception a handler raised */
} vkmlStreamCtx;

/* the handler's answer, or -1 with its exception kept */
static int
vkmlStreamResult(vkmlStreamCtx *ctx, value res)
{
    if (Is_exception_result(res)) {
        *ctx->exn = Extract_exception(res);
        return -1;
    }
    return 0;
}

static int
vkmlSink(virStreamPtr st, const char *data, size_t n, void *opaque)
{
    vkmlStreamCtx *ctx = opaque;
    int released = vkmlCallbackEnter();
    int ret;
    {
    CAMLparam0();
    CAMLlocal2(buf, res);
    (void)st;
    buf = vkmlBytes(data, n);
    res = caml_callback_exn(*ctx->data, buf);
    ret = vkmlStreamResult(ctx, res) < 0 ? -1 : (int)n;
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return ret;
}

static int
vkmlSource(virStreamPtr st, char *data, size_t n, void *opaque)
{
    vkmlStreamCtx *ctx = opaque;
    int released = vkmlCallbackEnter();
    int ret;
    {
    CAMLparam0();
    CAMLlocal1(res);
    (void)st;
    res = caml_callback_exn(*ctx->data, Val_long(n));
    if (vkmlStreamResult(ctx, res) < 0) {
        ret = -1;
    } else {
        size_t len = caml_string_length(res);
        if (len > n)
            len = n;            /* more than asked: the rest is dropped */
        memcpy(data, String_val(res), len);
        ret = (int)len;
    }
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return ret;
}

static int
vkmlRecvHole(virStreamPtr st, long long length, void *opaque)
{
    vkmlStreamCtx *ctx = opaque;
    int released = vkmlCallbackEnter();
    int ret;
    {
    CAMLparam0();
    CAMLlocal2(len, res);
    (void)st;
    len = caml_copy_int64(length);
    res = caml_callback_exn(*ctx->hole, len);
    ret = vkmlStreamResult(ctx, res);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return ret;
}

static int
vkmlSendHole(virStreamPtr st, int *inData, long long *length, void *opaque)
{
    vkmlStreamCtx *ctx = opaque;
    int released = vkmlCallbackEnter();
    int ret;
    {
    CAMLparam0();
    CAMLlocal1(res);
    (void)st;
    res = caml_callback_exn(*ctx->hole, Val_unit);
    ret = vkmlStreamResult(ctx, res);
    if (ret == 0) {
        *inData = Bool_val(Field(res, 0));
        *length = Int64_val(Field(res, 1));
    }
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return ret;
}

static int
vkmlSkip(virStreamPtr st, long long length, void *opaque)
{
    vkmlStreamCtx *ctx = opaque;
    int released = vkmlCallbackEnter();
    int ret;
    {
    CAMLparam0();
    CAMLlocal2(len, res);
    (void)st;
    len = caml_copy_int64(length);
    res = caml_callback_exn(*ctx->skip, len);
    ret = vkmlStreamResult(ctx, res);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return ret;
}

/* after the loop: the handler's exception first, then the library's */
static void
vkmlStreamDone(int r, vkmlStreamCtx *ctx)
{
    if (*ctx->exn != Val_unit)
        caml_raise(*ctx->exn);
    if (r < 0)
        vkmlRaise();
}

value vkml_stream_recv_all(value st, value sink);
value
vkml_stream_recv_all(value st, value sink)
{
    CAMLparam2(st, sink);
    CAMLlocal1(exn);
    vkmlStreamCtx ctx = { &sink, NULL, NULL, &exn };
    virStreamPtr s = vkmlPtr(st);
    int r;

    exn = Val_unit;
    vkmlBlockingEnter();
    r = virStreamRecvAll(s, vkmlSink, &ctx);
    vkmlBlockingLeave();
    vkmlStreamDone(r, &ctx);
    CAMLreturn(Val_unit);
}

value vkml_stream_send_all(value st, value source);
value
vkml_stream_send_all(value st, value source)
{
    CAMLparam2(st, source);
    CAMLlocal1(exn);
    vkmlStreamCtx ctx = { &source, NULL, NULL, &exn };
    virStreamPtr s = vkmlPtr(st);
    int r;

    exn = Val_unit;
    vkmlBlockingEnter();
    r = virStreamSendAll(s, vkmlSource, &ctx);
    vkmlBlockingLeave();
    vkmlStreamDone(r, &ctx);
    CAMLreturn(Val_unit);
}

value vkml_stream_sparse_recv_all(value st, value sink, value hole);
value
vkml_stream_sparse_recv_all(value st, value sink, value hole)
{
    CAMLparam3(st, sink, hole);
    CAMLlocal1(exn);
    vkmlStreamCtx ctx = { &sink, &hole, NULL, &exn };
    virStreamPtr s = vkmlPtr(st);
    int r;

    exn = Val_unit;
    vkmlBlockingEnter();
    r = virStreamSparseRecvAll(s, vkmlSink, vkmlRecvHole, &ctx);
    vkmlBlockingLeave();
    vkmlStreamDone(r, &ctx);
    CAMLreturn(Val_unit);
}

value vkml_stream_sparse_send_all(value st, value source, value hole,
                                  value skip);
value
vkml_stream_sparse_send_all(value st, value source, value hole, value skip)
{
    CAMLparam4(st, source, hole, skip);
    CAMLlocal1(exn);
    vkmlStreamCtx ctx = { &source, &hole, &skip, &exn };
    virStreamPtr s = vkmlPtr(st);
    int r;

    exn = Val_unit;
    vkmlBlockingEnter();
    r = virStreamSparseSendAll(s, vkmlSource, vkmlSendHole, vkmlSkip, &ctx);
    vkmlBlockingLeave();
    vkmlStreamDone(r, &ctx);
    CAMLreturn(Val_unit);
}

static void
vkmlStreamEvent(virStreamPtr st, int events, void *opaque)
{
    value *cb = opaque;
    int released = vkmlCallbackEnter();
    (void)st;
    /* an exception in the callback does not unwind into libvirt */
    (void)caml_callback_exn(*cb, Val_int(events));
    vkmlCallbackLeave(released);
}

value vkml_stream_event_add_callback(value st, value events, value cb);
value
vkml_stream_event_add_callback(value st, value events, value cb)
{
    CAMLparam3(st, events, cb);
    value *root = vkmlRootNew(cb);

    if (virStreamEventAddCallback(vkmlPtr(st), Int_val(events),
                                  vkmlStreamEvent, root, vkmlRootFree) < 0) {
        vkmlRootFree(root);
        vkmlRaise();
    }
    CAMLreturn(Val_unit);
}
