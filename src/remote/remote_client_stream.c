/* remote_client_stream.c: the remote driver's calls that open a stream
 * (screenshot, volume upload/download, console, channel) and the
 * virStreamDriver that moves the stream's data over the connection.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The IDL marks these procedures hand-written: the caller's virStream is
 * bound to the opening call's serial before the call goes out (so that no
 * frame of it can be missed), which a generated stub cannot do.
 */
#include <config.h>

#include <string.h>

#include "gen/remote_client.h"
#include "remote/remote_driver.h"
#include "remote/remote_handles.h"
#include "rpc/virnetclientstream.h"
#include "util/virerror.h"
#include "util/virevent.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

typedef struct {
    virNetClient *client;           /* a reference */
    virNetClientStream *st;         /* a reference */

    /* The application's event callback (non-blocking streams): a timer of
     * the event loop, enabled while the stream is ready for `events`. */
    GMutex lock;
    int timer;                      /* -1: no callback */
    int events;
    bool closed;                    /* finished or aborted */
} remoteStream;

/* One registered event callback; freed by the event loop once removed. */
typedef struct {
    virStreamPtr stream;            /* a reference */
    virStreamEventCallback cb;
    void *opaque;
    virFreeCallback ff;
} remoteStreamCallback;


static void
remoteStreamFree(void *opaque)
{
    remoteStream *rs = opaque;

    if (!rs)
        return;
    virNetClientStreamSetNotify(rs->st, NULL, NULL);
    virNetClientRemoveStream(rs->client, rs->st);
    g_mutex_clear(&rs->lock);
    virNetClientStreamUnref(rs->st);
    virNetClientUnref(rs->client);
    g_free(rs);
}


static int
remoteStreamSend(virStreamPtr st, const char *data, size_t nbytes)
{
    remoteStream *rs = st->privateData;

    return virNetClientStreamSendData(rs->st, rs->client, data, nbytes);
}


static int
remoteStreamRecvFlags(virStreamPtr st, char *data, size_t nbytes,
                      unsigned int flags)
{
    remoteStream *rs = st->privateData;

    virCheckFlags(VIR_STREAM_RECV_STOP_AT_HOLE, -1);
    return virNetClientStreamRecv(rs->st, rs->client, data, nbytes,
                                  st->flags & VIR_STREAM_NONBLOCK,
                                  flags & VIR_STREAM_RECV_STOP_AT_HOLE);
}


static int
remoteStreamRecv(virStreamPtr st, char *data, size_t nbytes)
{
    return remoteStreamRecvFlags(st, data, nbytes, 0);
}


static int
remoteStreamSendHole(virStreamPtr st, long long length, unsigned int flags)
{
    remoteStream *rs = st->privateData;

    return virNetClientStreamSendHole(rs->st, rs->client, length, flags);
}


static int
remoteStreamRecvHole(virStreamPtr st, long long *length, unsigned int flags)
{
    remoteStream *rs = st->privateData;

    virCheckFlags(0, -1);
    return virNetClientStreamRecvHole(rs->st, rs->client, length);
}




/* ---- event callbacks ------------------------------------------------------ */

/* The events the stream is ready for among those asked for. */
static int
remoteStreamReadyEvents(remoteStream *rs, int events)
{
    int ready = 0;

    if (events & VIR_STREAM_EVENT_READABLE &&
        virNetClientStreamHasInput(rs->st))
        ready |= VIR_STREAM_EVENT_READABLE;
    /* Sending never waits long: the socket is always writable to us. */
    if (events & VIR_STREAM_EVENT_WRITABLE)
        ready |= VIR_STREAM_EVENT_WRITABLE;
    return ready;
}


static void
remoteStreamUpdateTimer(remoteStream *rs)
{
    g_mutex_lock(&rs->lock);
    if (rs->timer >= 0)
        virEventUpdateTimeout(rs->timer,
                              remoteStreamReadyEvents(rs, rs->events) ? 0 : -1);
    g_mutex_unlock(&rs->lock);
}


/* A frame arrived for the stream. */
static void
remoteStreamNotify(virNetClientStream *st G_GNUC_UNUSED, void *opaque)
{
    remoteStreamUpdateTimer(opaque);
}


static void
remoteStreamTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    remoteStreamCallback *reg = opaque;
    remoteStream *rs = reg->stream->privateData;
    int events, ready;

    g_mutex_lock(&rs->lock);
    events = rs->events;
    g_mutex_unlock(&rs->lock);
    if ((ready = remoteStreamReadyEvents(rs, events)))
        reg->cb(reg->stream, ready, reg->opaque);
    remoteStreamUpdateTimer(rs);
}


static void
remoteStreamCallbackFree(void *opaque)
{
    remoteStreamCallback *reg = opaque;

    if (reg->ff)
        reg->ff(reg->opaque);
    virObjectUnref(reg->stream);
    g_free(reg);
}


static int
remoteStreamEventAddCallback(virStreamPtr st, int events,
                             virStreamEventCallback cb, void *opaque,
                             virFreeCallback ff)
{
    remoteStream *rs = st->privateData;
    remoteStreamCallback *reg;
    int ret = -1;

    g_mutex_lock(&rs->lock);
    if (rs->timer >= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "multiple stream callbacks not supported");
        goto cleanup;
    }
    reg = g_new0(remoteStreamCallback, 1);
    reg->stream = virObjectRef(st);
    reg->cb = cb;
    reg->opaque = opaque;
    reg->ff = ff;
    rs->events = events;
    if ((rs->timer = virEventAddTimeout(-1, remoteStreamTimer, reg,
                                        remoteStreamCallbackFree)) < 0) {
        virObjectUnref(reg->stream);
        g_free(reg);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "cannot register a stream callback without an "
                       "event loop");
        goto cleanup;
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&rs->lock);
    if (ret == 0) {
        virNetClientStreamSetNotify(rs->st, remoteStreamNotify, rs);
        remoteStreamUpdateTimer(rs);
    }
    return ret;
}


static int
remoteStreamEventUpdateCallback(virStreamPtr st, int events)
{
    remoteStream *rs = st->privateData;
    int ret = -1;

    g_mutex_lock(&rs->lock);
    if (rs->timer < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "no stream callback registered");
    } else {
        rs->events = events;
        ret = 0;
    }
    g_mutex_unlock(&rs->lock);
    if (ret == 0)
        remoteStreamUpdateTimer(rs);
    return ret;
}


static int
remoteStreamEventRemoveCallback(virStreamPtr st)
{
    remoteStream *rs = st->privateData;
    int ret = -1;

    virNetClientStreamSetNotify(rs->st, NULL, NULL);
    g_mutex_lock(&rs->lock);
    if (rs->timer < 0 && rs->closed) {
        /* Finishing dropped it already. */
        ret = 0;
    } else if (rs->timer < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "no stream callback registered");
    } else {
        virEventRemoveTimeout(rs->timer);
        rs->timer = -1;
        ret = 0;
    }
    g_mutex_unlock(&rs->lock);
    return ret;
}


/* Finishing or aborting also drops the event callback. */
static void
remoteStreamDropCallback(remoteStream *rs)
{
    virNetClientStreamSetNotify(rs->st, NULL, NULL);
    g_mutex_lock(&rs->lock);
    rs->closed = true;
    if (rs->timer >= 0) {
        virEventRemoveTimeout(rs->timer);
        rs->timer = -1;
    }
    g_mutex_unlock(&rs->lock);
}


static int
remoteStreamFinish(virStreamPtr st)
{
    remoteStream *rs = st->privateData;
    int ret = virNetClientStreamFinish(rs->st, rs->client);

    remoteStreamDropCallback(rs);
    return ret;
}


static int
remoteStreamAbort(virStreamPtr st)
{
    remoteStream *rs = st->privateData;
    int ret = virNetClientStreamAbort(rs->st, rs->client);

    remoteStreamDropCallback(rs);
    return ret;
}


static virStreamDriver remoteStreamDriver = {
    .streamSend = remoteStreamSend,
    .streamRecv = remoteStreamRecv,
    .streamRecvFlags = remoteStreamRecvFlags,
    .streamSendHole = remoteStreamSendHole,
    .streamRecvHole = remoteStreamRecvHole,
    .streamEventAddCallback = remoteStreamEventAddCallback,
    .streamEventUpdateCallback = remoteStreamEventUpdateCallback,
    .streamEventRemoveCallback = remoteStreamEventRemoveCallback,
    .streamFinish = remoteStreamFinish,
    .streamAbort = remoteStreamAbort,
};


/* Make the call `proc` that opens `st` and bind `st` to it.  0 or -1. */
static int
remoteStreamCall(virStreamPtr st, int proc, xdrproc_t argsFilter, void *args,
                 xdrproc_t retFilter, void *ret)
{
    remotePriv *priv = st->conn->privateData;
    remoteStream *rs;

    if (st->driver) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "stream is already in use");
        return -1;
    }
    rs = g_new0(remoteStream, 1);
    g_mutex_init(&rs->lock);
    rs->timer = -1;
    rs->client = virNetClientRef(priv->client);
    rs->st = virNetClientStreamNew(REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                                   proc);
    if (virNetClientCallStream(rs->client, rs->st, REMOTE_PROGRAM,
                               REMOTE_PROTOCOL_VERSION, proc, argsFilter,
                               args, retFilter, ret) < 0) {
        remoteStreamFree(rs);
        return -1;
    }
    st->privateData = rs;
    st->ff = remoteStreamFree;
    st->driver = &remoteStreamDriver;
    return 0;
}


char *
remoteDomainScreenshot(virDomainPtr domain, virStreamPtr st,
                       unsigned int screen, unsigned int flags)
{
    remote_domain_screenshot_args args;
    remote_domain_screenshot_ret ret;
    char *mime = NULL;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    args.screen = screen;
    args.flags = flags;
    if (remoteStreamCall(st, REMOTE_PROC_DOMAIN_SCREENSHOT,
                         (xdrproc_t)xdr_remote_domain_screenshot_args, &args,
                         (xdrproc_t)xdr_remote_domain_screenshot_ret,
                         &ret) < 0)
        return NULL;
    if (ret.mime && *ret.mime)
        mime = g_strdup(*ret.mime);
    xdr_free((xdrproc_t)xdr_remote_domain_screenshot_ret, (char *)&ret);
    return mime;
}


int
remoteStorageVolUpload(virStorageVolPtr vol, virStreamPtr st,
                       unsigned long long offset, unsigned long long length,
                       unsigned int flags)
{
    remote_storage_vol_upload_args args;

    memset(&args, 0, sizeof(args));
    remoteStorageVolToWire(&args.vol, vol);
    args.offset = offset;
    args.length = length;
    args.flags = flags;
    return remoteStreamCall(st, REMOTE_PROC_STORAGE_VOL_UPLOAD,
                            (xdrproc_t)xdr_remote_storage_vol_upload_args,
                            &args, NULL, NULL);
}


int
remoteStorageVolDownload(virStorageVolPtr vol, virStreamPtr st,
                         unsigned long long offset,
                         unsigned long long length, unsigned int flags)
{
    remote_storage_vol_download_args args;

    memset(&args, 0, sizeof(args));
    remoteStorageVolToWire(&args.vol, vol);
    args.offset = offset;
    args.length = length;
    args.flags = flags;
    return remoteStreamCall(st, REMOTE_PROC_STORAGE_VOL_DOWNLOAD,
                            (xdrproc_t)xdr_remote_storage_vol_download_args,
                            &args, NULL, NULL);
}


int
remoteDomainOpenConsole(virDomainPtr domain, const char *dev_name,
                        virStreamPtr st, unsigned int flags)
{
    remote_domain_open_console_args args;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    args.dev_name = dev_name ? (char **)&dev_name : NULL;
    args.flags = flags;
    return remoteStreamCall(st, REMOTE_PROC_DOMAIN_OPEN_CONSOLE,
                            (xdrproc_t)xdr_remote_domain_open_console_args,
                            &args, NULL, NULL);
}


int
remoteDomainOpenChannel(virDomainPtr domain, const char *name,
                        virStreamPtr st, unsigned int flags)
{
    remote_domain_open_channel_args args;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    args.name = name ? (char **)&name : NULL;
    args.flags = flags;
    return remoteStreamCall(st, REMOTE_PROC_DOMAIN_OPEN_CHANNEL,
                            (xdrproc_t)xdr_remote_domain_open_channel_args,
                            &args, NULL, NULL);
}
