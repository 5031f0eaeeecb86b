/* remote_daemon_stream.c: the daemon's end of streams.  A procedure that
 * opens a stream (screenshot, volume upload/download, console, channel)
 * makes a driver stream, replies, then binds the driver stream to the
 * client's stream frames of that call's serial.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each open stream has one thread that does all its driver I/O, so a slow
 * disk or an idle console never holds up the event loop or the workers:
 *  - frames from the client (data, holes, finish, abort) are queued by the
 *    event loop (remoteDaemonStreamFrame) and written to the driver stream
 *    in order; each counts against the client's request limit until
 *    written, which holds back a client that sends faster than the disk;
 *  - for streams the client reads, the thread reads the driver stream and
 *    sends data frames (holes too, for sparse volume downloads) while the
 *    client's output queue is short, then an empty data frame at the end.
 * The client's OK finishes the driver stream and is answered with OK (or
 * an ERROR); its ERROR aborts it and is answered with OK.  A driver error ends the stream with an
 * ERROR frame.  Frames for no open stream are dropped.
 */
#include <config.h>

#include <string.h>

#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_stream.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "remote/remote_handles.h"
#include "rpc/virnetclientstream.h"
#include "util/virerror.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* Data frames allowed to wait in the client's output queue. */
#define STREAM_TX_WINDOW 4

/* Each open stream has a thread: a client may not open more than this. */
#define STREAM_MAX_PER_CLIENT 64

typedef struct {
    virNetServerClient *client;     /* a reference */
    virStreamPtr st;                /* the driver's stream, a reference */
    virNetMessageHeader call;       /* the opening call */
    bool reading;                   /* the driver's data goes to the client */
    bool writing;                   /* the client's data goes to the driver */
    bool sparse;                    /* holes are sent as holes */

    GMutex lock;
    GCond cond;
    virNetMessage *in;              /* client frames not handled yet */
    bool clientGone;

    /* Consoles and channels are non-blocking driver streams: the event
     * loop tells the thread when there is something to read. */
    bool nonblock;
    bool readable;                  /* the driver stream may have data */
    gint refs;                      /* the thread, the event callback */
} daemonStream;

static GMutex streamsLock;
static GPtrArray *streams;          /* daemonStream *, all clients */


static void
daemonStreamFree(daemonStream *ds)
{
    virNetMessage *msg;

    if (!g_atomic_int_dec_and_test(&ds->refs))
        return;
    while ((msg = virNetMessageQueueServe(&ds->in))) {
        virNetMessageFree(msg);
        virNetServerClientStreamFrameDone(ds->client);
    }
    virObjectUnref(ds->st);
    virNetServerClientUnref(ds->client);
    g_mutex_clear(&ds->lock);
    g_cond_clear(&ds->cond);
    g_free(ds);
}


static void
daemonStreamUnlist(daemonStream *ds)
{
    g_mutex_lock(&streamsLock);
    if (streams)
        g_ptr_array_remove(streams, ds);
    g_mutex_unlock(&streamsLock);
}


/* ---- frames to the client ------------------------------------------------ */

static void
daemonStreamSend(daemonStream *ds, int status, const char *data, size_t len)
{
    virNetMessage *msg = virNetStreamMessageNew(&ds->call, status, data, len);

    if (msg)
        virNetServerClientSendMessage(ds->client, msg);
}


/* An ERROR frame carrying the thread's last error. */
static void
daemonStreamSendError(daemonStream *ds)
{
    virNetMessage *msg = virNetMessageNew();
    remote_error rerr;

    virNetMessageSaveError(&rerr);
    msg->header = ds->call;
    msg->header.type = VIR_NET_STREAM;
    msg->header.status = VIR_NET_ERROR;
    if (virNetMessageEncode(msg, (xdrproc_t)xdr_remote_error, &rerr) < 0) {
        virNetMessageFree(msg);
        msg = NULL;
    }
    xdr_free((xdrproc_t)xdr_remote_error, (char *)&rerr);
    if (msg)
        virNetServerClientSendMessage(ds->client, msg);
    virResetLastError();
}


/* ---- the stream's thread -------------------------------------------------- */

/* Write the whole buffer to the driver stream.  0 or -1. */
static int
daemonStreamWriteAll(virStreamPtr st, const char *data, size_t len)
{
    while (len > 0) {
        int n = virStreamSend(st, data, len);

        if (n == -2) {
            /* A non-blocking console that is full: the guest catches up
             * soon. */
            g_usleep(1000);
            continue;
        }
        if (n < 0)
            return -1;
        data += n;
        len -= n;
    }
    return 0;
}


/* Skip a hole of the driver stream being read, by reading it away. */
static int
daemonStreamSkip(virStreamPtr st, long long len)
{
    g_autofree char *buf = g_malloc(VIR_NET_STREAM_CHUNK);

    while (len > 0) {
        int n = virStreamRecv(st, buf, MIN(len, VIR_NET_STREAM_CHUNK));

        if (n <= 0)
            return n < 0 ? -1 : 0;
        len -= n;
    }
    return 0;
}


/* Handle one frame from the client.  true when the stream is over. */
static bool
daemonStreamHandleFrame(daemonStream *ds, virNetMessage *msg)
{
    const char *data;
    size_t len;

    if (msg->header.type == VIR_NET_STREAM_HOLE) {
        virNetStreamHole hole;

        memset(&hole, 0, sizeof(hole));
        if (!ds->writing || !ds->sparse) {
            virReportError(VIR_ERR_RPC, "%s",
                           "Unexpected stream hole");
            goto error;
        }
        if (virNetMessageDecodePayload(msg, (xdrproc_t)xdr_virNetStreamHole,
                                       &hole) < 0 ||
            virStreamSendHole(ds->st, hole.length, hole.flags) < 0)
            goto error;
        return false;
    }

    switch (msg->header.status) {
    case VIR_NET_CONTINUE:
        virNetStreamMessagePayload(msg, &data, &len);
        if (!ds->writing) {
            /* libvirtd's words when data comes for a read-only stream. */
            virReportError(VIR_ERR_RPC, "%s",
                           "stream had unexpected termination");
            goto error;
        }
        if (daemonStreamWriteAll(ds->st, data, len) < 0)
            goto error;
        return false;

    case VIR_NET_OK:
        /* The client is done: finish the driver's stream and tell. */
        if (virStreamFinish(ds->st) < 0) {
            daemonStreamSendError(ds);
            return true;
        }
        daemonStreamSend(ds, VIR_NET_OK, NULL, 0);
        return true;

    case VIR_NET_ERROR:
        /* The client aborts: confirmed with an empty OK. */
        virStreamAbort(ds->st);
        virResetLastError();
        daemonStreamSend(ds, VIR_NET_OK, NULL, 0);
        return true;

    default:
        virReportError(VIR_ERR_RPC, "unexpected stream status %d",
                       msg->header.status);
        goto error;
    }

 error:
    {
        virErrorPtr saved = virErrorSave();

        virStreamAbort(ds->st);
        virErrorRestore(&saved);
    }
    daemonStreamSendError(ds);
    return true;
}


/* Send the next piece of the driver's data.  -1: the stream failed (the
 * error was sent); 1: that was the end; 0: more to come. */
static int
daemonStreamPump(daemonStream *ds, char *buf)
{
    size_t want = VIR_NET_STREAM_CHUNK;
    int n;

    if (ds->sparse && ds->st->driver && ds->st->driver->streamInData) {
        int inData = 1;
        long long len = 0;

        if (ds->st->driver->streamInData(ds->st, &inData, &len) < 0)
            goto error;
        if (!inData && len > 0) {
            virNetMessage *msg = virNetStreamHoleMessageNew(&ds->call, len,
                                                            0);
            if (!msg)
                goto error;
            virNetServerClientSendMessage(ds->client, msg);
            if (daemonStreamSkip(ds->st, len) < 0)
                goto error;
            return 0;
        }
        if (inData && len > 0 && (unsigned long long)len < want)
            want = len;
    }
    n = virStreamRecv(ds->st, buf, want);
    if (n == -2) {
        /* Nothing now: let the event loop say when. */
        g_mutex_lock(&ds->lock);
        ds->readable = false;
        g_mutex_unlock(&ds->lock);
        virStreamEventUpdateCallback(ds->st, VIR_STREAM_EVENT_READABLE);
        return 0;
    }
    if (n < 0)
        goto error;
    if (n == 0) {
        /* The end of the data is an empty CONTINUE; OK only ever answers
         * the client's finish. */
        daemonStreamSend(ds, VIR_NET_CONTINUE, NULL, 0);
        return 1;
    }
    daemonStreamSend(ds, VIR_NET_CONTINUE, buf, n);
    return 0;

 error:
    {
        virErrorPtr saved = virErrorSave();

        virStreamAbort(ds->st);
        virErrorRestore(&saved);
    }
    daemonStreamSendError(ds);
    return -1;
}


static gpointer
daemonStreamThread(gpointer opaque)
{
    daemonStream *ds = opaque;
    g_autofree char *buf = ds->reading ? g_malloc(VIR_NET_STREAM_CHUNK) :
                                         NULL;
    bool sendMore = ds->reading;
    bool over = false;

    while (!over) {
        virNetMessage *msg;
        bool room;

        g_mutex_lock(&ds->lock);
        for (;;) {
            room = sendMore && (!ds->nonblock || ds->readable) &&
                   virNetServerClientTxQueued(ds->client) < STREAM_TX_WINDOW;
            if (ds->clientGone || ds->in || room)
                break;
            if (sendMore && (!ds->nonblock || ds->readable)) {
                /* Waiting for the client's queue to drain. */
                g_cond_wait_until(&ds->cond, &ds->lock,
                                  g_get_monotonic_time() + 2000);
            } else {
                g_cond_wait(&ds->cond, &ds->lock);
            }
        }
        if (ds->clientGone) {
            g_mutex_unlock(&ds->lock);
            virStreamAbort(ds->st);
            break;
        }
        msg = virNetMessageQueueServe(&ds->in);
        g_mutex_unlock(&ds->lock);

        if (msg) {
            over = daemonStreamHandleFrame(ds, msg);
            virNetMessageFree(msg);
            virNetServerClientStreamFrameDone(ds->client);
        } else if (room) {
            int r = daemonStreamPump(ds, buf);

            if (r < 0)
                over = true;
            else if (r > 0)
                sendMore = false;   /* wait for the client's finish */
        }
    }
    if (ds->nonblock)
        virStreamEventRemoveCallback(ds->st);
    virResetLastError();
    daemonStreamUnlist(ds);
    daemonStreamFree(ds);
    return NULL;
}


/* The event loop: the non-blocking driver stream has data (or an end). */
static void
daemonStreamReadable(virStreamPtr st, int events G_GNUC_UNUSED,
                     void *opaque)
{
    daemonStream *ds = opaque;

    /* Quiet until the thread has read what there is. */
    virStreamEventUpdateCallback(st, 0);
    g_mutex_lock(&ds->lock);
    ds->readable = true;
    g_cond_signal(&ds->cond);
    g_mutex_unlock(&ds->lock);
}


static void
daemonStreamCallbackFree(void *opaque)
{
    daemonStreamFree(opaque);
}


/* ---- opening -------------------------------------------------------------- */

/* Reply to `msg` with `ret` (encoded by `retFilter`, NULL: no payload),
 * then start serving the stream.  Returns 1 (the reply went out), or -1
 * with an error set (the caller's error reply goes out instead). */
static int
daemonStreamStart(virNetServerClient *client, virNetMessage *msg,
                  virStreamPtr st, bool reading, bool writing, bool sparse,
                  xdrproc_t retFilter, void *ret)
{
    daemonStream *ds;
    virNetMessage *reply;
    GThread *thread;
    size_t i, open = 0;

    g_mutex_lock(&streamsLock);
    for (i = 0; streams && i < streams->len; i++)
        open += ((daemonStream *)streams->pdata[i])->client == client;
    g_mutex_unlock(&streamsLock);
    if (open >= STREAM_MAX_PER_CLIENT) {
        virStreamAbort(st);
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "too many open streams (%d) for this client",
                       STREAM_MAX_PER_CLIENT);
        return -1;
    }

    reply = virNetMessageNew();
    reply->header = msg->header;
    reply->header.type = VIR_NET_REPLY;
    reply->header.status = VIR_NET_OK;
    if (virNetMessageEncode(reply, retFilter, ret) < 0) {
        virNetMessageFree(reply);
        virStreamAbort(st);
        return -1;
    }

    ds = g_new0(daemonStream, 1);
    ds->client = virNetServerClientRef(client);
    ds->st = virObjectRef(st);
    ds->call = msg->header;
    ds->call.type = VIR_NET_STREAM;
    ds->call.status = VIR_NET_CONTINUE;
    ds->reading = reading;
    ds->writing = writing;
    ds->sparse = sparse;
    ds->nonblock = st->flags & VIR_STREAM_NONBLOCK;
    ds->readable = true;
    ds->refs = 1;
    g_mutex_init(&ds->lock);
    g_cond_init(&ds->cond);
    if (ds->nonblock) {
        g_atomic_int_inc(&ds->refs);
        if (virStreamEventAddCallback(st, 0, daemonStreamReadable, ds,
                                      daemonStreamCallbackFree) < 0) {
            g_atomic_int_set(&ds->refs, 1);
            daemonStreamFree(ds);
            virNetMessageFree(reply);
            virStreamAbort(st);
            return -1;
        }
    }

    /* Listed before the reply goes out: the client may answer at once. */
    g_mutex_lock(&streamsLock);
    if (!streams)
        streams = g_ptr_array_new();
    g_ptr_array_add(streams, ds);
    g_mutex_unlock(&streamsLock);

    virNetServerClientSendMessage(client, reply);

    thread = g_thread_try_new("stream", daemonStreamThread, ds, NULL);
    if (!thread) {
        daemonStreamUnlist(ds);
        virStreamAbort(st);
        daemonStreamFree(ds);
        VIR_WARN("cannot start a stream thread: dropping client %llu",
                 virNetServerClientGetID(client));
        virNetServerClientClose(client);
        return 1;
    }
    g_thread_unref(thread);
    return 1;
}


void
remoteDaemonStreamFrame(virNetServerClient *client, virNetMessage *msg,
                        void *opaque G_GNUC_UNUSED)
{
    daemonStream *ds = NULL;
    size_t i;

    g_mutex_lock(&streamsLock);
    for (i = 0; streams && i < streams->len; i++) {
        daemonStream *cand = streams->pdata[i];

        if (cand->client == client &&
            cand->call.serial == msg->header.serial &&
            cand->call.prog == msg->header.prog &&
            cand->call.vers == msg->header.vers &&
            cand->call.proc == msg->header.proc) {
            ds = cand;
            break;
        }
    }
    if (ds) {
        g_mutex_lock(&ds->lock);
        virNetMessageQueuePush(&ds->in, msg);
        g_cond_signal(&ds->cond);
        g_mutex_unlock(&ds->lock);
    }
    g_mutex_unlock(&streamsLock);

    if (!ds) {
        /* Late frames of a finished stream, or garbage: nothing to do. */
        VIR_DEBUG("client %llu: dropping frame of no stream (serial %u)",
                  virNetServerClientGetID(client), msg->header.serial);
        virNetMessageFree(msg);
        virNetServerClientStreamFrameDone(client);
    }
}


void
remoteDaemonStreamsClientClosed(virNetServerClient *client)
{
    size_t i;

    g_mutex_lock(&streamsLock);
    for (i = 0; streams && i < streams->len; i++) {
        daemonStream *ds = streams->pdata[i];

        if (ds->client != client)
            continue;
        g_mutex_lock(&ds->lock);
        ds->clientGone = true;
        g_cond_signal(&ds->cond);
        g_mutex_unlock(&ds->lock);
    }
    g_mutex_unlock(&streamsLock);
}


/* ---- the procedures --------------------------------------------------- */

#define STREAM_ARGS virNetServer *srv G_GNUC_UNUSED, \
    virNetServerClient *client, virNetMessage *msg

int
remoteDispatchDomainScreenshot(STREAM_ARGS, void *argsp, void *retp)
{
    remote_domain_screenshot_args *args = argsp;
    remote_domain_screenshot_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr dom = NULL;
    virStreamPtr st = NULL;
    char *mime;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(dom = remoteDomainFromWire(conn, &args->dom)) ||
        !(st = virStreamNew(conn, 0)))
        goto cleanup;
    if (!(mime = virDomainScreenshot(dom, st, args->screen, args->flags)))
        goto cleanup;
    ret->mime = g_new0(char *, 1);
    *ret->mime = mime;
    rv = daemonStreamStart(client, msg, st, true, false, false,
                           (xdrproc_t)xdr_remote_domain_screenshot_ret, ret);
 cleanup:
    virObjectUnref(st);
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


static int
daemonVolStream(virNetServerClient *client, virNetMessage *msg,
                remote_nonnull_storage_vol *wvol, unsigned long long offset,
                unsigned long long length, unsigned int flags, bool upload)
{
    virConnectPtr conn = remoteDaemonGetConn(client);
    virStorageVolPtr vol = NULL;
    virStreamPtr st = NULL;
    bool sparse;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(vol = remoteStorageVolFromWire(conn, wvol)) ||
        !(st = virStreamNew(conn, 0)))
        goto cleanup;
    if (upload) {
        sparse = flags & VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM;
        if (virStorageVolUpload(vol, st, offset, length, flags) < 0)
            goto cleanup;
    } else {
        sparse = flags & VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM;
        if (virStorageVolDownload(vol, st, offset, length, flags) < 0)
            goto cleanup;
    }
    rv = daemonStreamStart(client, msg, st, !upload, upload, sparse,
                           NULL, NULL);
 cleanup:
    virObjectUnref(st);
    virObjectUnref(vol);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchStorageVolUpload(STREAM_ARGS, void *argsp,
                               void *retp G_GNUC_UNUSED)
{
    remote_storage_vol_upload_args *args = argsp;

    return daemonVolStream(client, msg, &args->vol, args->offset,
                           args->length, args->flags, true);
}


int
remoteDispatchStorageVolDownload(STREAM_ARGS, void *argsp,
                                 void *retp G_GNUC_UNUSED)
{
    remote_storage_vol_download_args *args = argsp;

    return daemonVolStream(client, msg, &args->vol, args->offset,
                           args->length, args->flags, false);
}


/* Consoles and channels: data both ways. */
static int
daemonCharStream(virNetServerClient *client, virNetMessage *msg,
                 remote_nonnull_domain *wdom, char **name,
                 unsigned int flags, bool console)
{
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr dom = NULL;
    virStreamPtr st = NULL;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(dom = remoteDomainFromWire(conn, wdom)) ||
        !(st = virStreamNew(conn, VIR_STREAM_NONBLOCK)))
        goto cleanup;
    if ((console ? virDomainOpenConsole(dom, name ? *name : NULL, st, flags) :
         virDomainOpenChannel(dom, name ? *name : NULL, st, flags)) < 0)
        goto cleanup;
    rv = daemonStreamStart(client, msg, st, true, true, false, NULL, NULL);
 cleanup:
    virObjectUnref(st);
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchDomainOpenConsole(STREAM_ARGS, void *argsp,
                                void *retp G_GNUC_UNUSED)
{
    remote_domain_open_console_args *args = argsp;

    return daemonCharStream(client, msg, &args->dom, args->dev_name,
                            args->flags, true);
}


int
remoteDispatchDomainOpenChannel(STREAM_ARGS, void *argsp,
                                void *retp G_GNUC_UNUSED)
{
    remote_domain_open_channel_args *args = argsp;

    return daemonCharStream(client, msg, &args->dom, args->name,
                            args->flags, false);
}
