/* virnetclientstream.c: streams over an RPC connection; see
 * virnetclientstream.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Incoming frames are queued here by whichever thread reads the socket;
 * a thread wanting data runs the socket itself (virNetClientRunUntil)
 * until the queue has something.  The stream's lock only guards the queue
 * and the flags; nobody waits while holding it.
 */
#include <config.h>

#include <string.h>

#include "rpc/virnetclientstream.h"
#include "util/virerror.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* One received piece: data (a frame, partly consumed) or a hole. */
typedef struct {
    virNetMessage *msg;         /* NULL for a hole */
    size_t offset;              /* data bytes already handed out */
    long long hole;             /* hole bytes left */
} streamItem;

struct _virNetClientStream {
    virObject parent;
    GMutex lock;
    virNetMessageHeader call;   /* prog, vers, proc, serial */
    GQueue items;               /* streamItem * */
    bool eof;                   /* the server ended its data */
    bool awaiting;              /* we sent OK/ERROR and wait for the answer */
    bool answered;              /* ... and it came */
    bool done;                  /* finished or aborted */
    virErrorPtr err;            /* the server's error, if it sent one */
    virNetClientStreamNotifyFunc notify;
    void *notifyOpaque;
};

static void virNetClientStreamDispose(void *obj);

static const virClass virNetClientStreamClass = {
    "virNetClientStream", sizeof(virNetClientStream),
    virNetClientStreamDispose,
};


/* ---- frames ------------------------------------------------------------- */

virNetMessage *
virNetStreamMessageNew(const virNetMessageHeader *call, int status,
                       const char *data, size_t len)
{
    virNetMessage *msg = virNetMessageNew();
    guint32 be;

    msg->header = *call;
    msg->header.type = VIR_NET_STREAM;
    msg->header.status = status;
    if (virNetMessageEncode(msg, NULL, NULL) < 0) {
        virNetMessageFree(msg);
        return NULL;
    }
    if (len) {
        msg->buffer = g_realloc(msg->buffer, msg->bufferLength + len);
        memcpy(msg->buffer + msg->bufferLength, data, len);
        msg->bufferLength += len;
        be = GUINT32_TO_BE((guint32)msg->bufferLength);
        memcpy(msg->buffer, &be, sizeof(be));
    }
    return msg;
}


virNetMessage *
virNetStreamHoleMessageNew(const virNetMessageHeader *call, long long length,
                           unsigned int flags)
{
    virNetMessage *msg = virNetMessageNew();
    virNetStreamHole hole = { .length = length, .flags = flags };

    msg->header = *call;
    msg->header.type = VIR_NET_STREAM_HOLE;
    msg->header.status = VIR_NET_CONTINUE;
    if (virNetMessageEncode(msg, (xdrproc_t)xdr_virNetStreamHole,
                            &hole) < 0) {
        virNetMessageFree(msg);
        return NULL;
    }
    return msg;
}


void
virNetStreamMessagePayload(virNetMessage *msg, const char **data,
                           size_t *len)
{
    if (msg->bufferLength > VIR_NET_MESSAGE_PREFIX_LEN) {
        *data = msg->buffer + VIR_NET_MESSAGE_PREFIX_LEN;
        *len = msg->bufferLength - VIR_NET_MESSAGE_PREFIX_LEN;
    } else {
        *data = NULL;
        *len = 0;
    }
}


/* ---- the stream object -------------------------------------------------- */

static void
streamItemFree(void *opaque)
{
    streamItem *item = opaque;

    virNetMessageFree(item->msg);
    g_free(item);
}


static void
virNetClientStreamDispose(void *obj)
{
    virNetClientStream *st = obj;

    g_queue_clear_full(&st->items, streamItemFree);
    virErrorFree(st->err);
    g_mutex_clear(&st->lock);
}


virNetClientStream *
virNetClientStreamNew(unsigned int prog, unsigned int vers, int proc)
{
    virNetClientStream *st = virObjectNew(&virNetClientStreamClass);

    g_mutex_init(&st->lock);
    g_queue_init(&st->items);
    st->call.prog = prog;
    st->call.vers = vers;
    st->call.proc = proc;
    return st;
}


virNetClientStream *
virNetClientStreamRef(virNetClientStream *st)
{
    return virObjectRef(st);
}


void
virNetClientStreamUnref(virNetClientStream *st)
{
    virObjectUnref(st);
}


void
virNetClientStreamSetCall(virNetClientStream *st,
                          const virNetMessageHeader *call)
{
    g_mutex_lock(&st->lock);
    st->call = *call;
    st->call.type = VIR_NET_STREAM;
    st->call.status = VIR_NET_CONTINUE;
    g_mutex_unlock(&st->lock);
}


bool
virNetClientStreamMatches(virNetClientStream *st,
                          const virNetMessageHeader *hdr)
{
    bool match;

    g_mutex_lock(&st->lock);
    match = hdr->prog == st->call.prog && hdr->vers == st->call.vers &&
            hdr->serial == st->call.serial && hdr->proc == st->call.proc;
    g_mutex_unlock(&st->lock);
    return match;
}


/* Keep the server's error without touching the reading thread's own. */
static virErrorPtr
streamDecodeError(virNetMessage *msg)
{
    virErrorPtr saved = virErrorSave();
    remote_error rerr;
    virErrorPtr err;

    memset(&rerr, 0, sizeof(rerr));
    if (virNetMessageDecodePayload(msg, (xdrproc_t)xdr_remote_error,
                                   &rerr) == 0) {
        virNetMessageRaiseError(&rerr);
        xdr_free((xdrproc_t)xdr_remote_error, (char *)&rerr);
    }
    err = virErrorCopyNew(virErrorLastObject());
    virErrorRestore(&saved);
    return err;
}


void
virNetClientStreamQueuePacket(virNetClientStream *st, virNetMessage *msg)
{
    virErrorPtr err = NULL;
    streamItem *item = NULL;
    int type = msg->header.type;
    int status = msg->header.status;
    bool empty = false;
    virNetClientStreamNotifyFunc notify;
    void *notifyOpaque;

    if (type == VIR_NET_STREAM_HOLE) {
        virNetStreamHole hole;
        virErrorPtr saved = virErrorSave();

        memset(&hole, 0, sizeof(hole));
        if (virNetMessageDecodePayload(msg, (xdrproc_t)xdr_virNetStreamHole,
                                       &hole) == 0 && hole.length > 0) {
            item = g_new0(streamItem, 1);
            item->hole = hole.length;
        }
        virErrorRestore(&saved);
        virNetMessageFree(msg);
    } else if (msg->header.status == VIR_NET_CONTINUE) {
        if (msg->bufferLength > VIR_NET_MESSAGE_PREFIX_LEN) {
            item = g_new0(streamItem, 1);
            item->msg = msg;
        } else {
            /* An empty data frame: the server's data ended. */
            virNetMessageFree(msg);
            empty = true;
        }
    } else if (msg->header.status == VIR_NET_ERROR) {
        err = streamDecodeError(msg);
        virNetMessageFree(msg);
    } else {
        virNetMessageFree(msg);
    }

    g_mutex_lock(&st->lock);
    if (item) {
        g_queue_push_tail(&st->items, item);
    } else if (err) {
        if (!st->err)
            st->err = g_steal_pointer(&err);
        if (st->awaiting)
            st->answered = true;
    } else if (empty) {
        st->eof = true;
    } else if (type == VIR_NET_STREAM && status == VIR_NET_OK) {
        /* The answer to our finish (an OK out of turn ends the data). */
        if (st->awaiting)
            st->answered = true;
        else
            st->eof = true;
    }
    notify = st->notify;
    notifyOpaque = st->notifyOpaque;
    g_mutex_unlock(&st->lock);
    virErrorFree(err);
    if (notify)
        notify(st, notifyOpaque);
}


void
virNetClientStreamSetNotify(virNetClientStream *st,
                            virNetClientStreamNotifyFunc func, void *opaque)
{
    g_mutex_lock(&st->lock);
    st->notify = func;
    st->notifyOpaque = opaque;
    g_mutex_unlock(&st->lock);
}


/* ---- operations --------------------------------------------------------- */

/* With the stream's lock: fail with the server's error if it sent one. */
static bool
streamRaiseError(virNetClientStream *st)
{
    if (!st->err)
        return false;
    virSetError(st->err);
    return true;
}


static bool
streamHasInput(void *opaque)
{
    virNetClientStream *st = opaque;
    bool ready;

    g_mutex_lock(&st->lock);
    ready = st->items.length > 0 || st->eof || st->err || st->answered;
    g_mutex_unlock(&st->lock);
    return ready;
}


bool
virNetClientStreamHasInput(virNetClientStream *st)
{
    return streamHasInput(st);
}


static bool
streamAnswered(void *opaque)
{
    virNetClientStream *st = opaque;
    bool ready;

    g_mutex_lock(&st->lock);
    ready = st->answered;
    g_mutex_unlock(&st->lock);
    return ready;
}


static bool
streamCheckUsable(virNetClientStream *st)
{
    bool ok = true;

    g_mutex_lock(&st->lock);
    if (st->done) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s", "stream is closed");
        ok = false;
    } else if (streamRaiseError(st)) {
        ok = false;
    }
    g_mutex_unlock(&st->lock);
    return ok;
}


int
virNetClientStreamSendData(virNetClientStream *st, virNetClient *client,
                           const char *data, size_t nbytes)
{
    virNetMessage *msg;
    virNetMessageHeader call;

    if (!streamCheckUsable(st))
        return -1;
    if (nbytes > VIR_NET_STREAM_CHUNK)
        nbytes = VIR_NET_STREAM_CHUNK;
    g_mutex_lock(&st->lock);
    call = st->call;
    g_mutex_unlock(&st->lock);
    if (!(msg = virNetStreamMessageNew(&call, VIR_NET_CONTINUE, data,
                                       nbytes)))
        return -1;
    /* An error the server sends about this data shows on the next call. */
    if (virNetClientRunUntil(client, msg, NULL, NULL) < 0)
        return -1;
    return nbytes;
}


int
virNetClientStreamSendHole(virNetClientStream *st, virNetClient *client,
                           long long length, unsigned int flags)
{
    virNetMessage *msg;
    virNetMessageHeader call;

    if (!streamCheckUsable(st))
        return -1;
    g_mutex_lock(&st->lock);
    call = st->call;
    g_mutex_unlock(&st->lock);
    if (!(msg = virNetStreamHoleMessageNew(&call, length, flags)))
        return -1;
    if (virNetClientRunUntil(client, msg, NULL, NULL) < 0)
        return -1;
    return 0;
}


int
virNetClientStreamRecv(virNetClientStream *st, virNetClient *client,
                       char *data, size_t nbytes, bool nonblock,
                       bool stopAtHole)
{
    streamItem *item;
    int ret = 0;

    if (!streamCheckUsable(st))
        return -1;
    if (!streamHasInput(st)) {
        if (nonblock) {
            /* Take what the socket has without waiting for more. */
            if (virNetClientRunUntil(client, NULL, NULL, NULL) < 0)
                return -1;
            if (!streamHasInput(st))
                return -2;
        } else if (virNetClientRunUntil(client, NULL, streamHasInput,
                                        st) < 0) {
            return -1;
        }
    }

    g_mutex_lock(&st->lock);
    item = g_queue_peek_head(&st->items);
    if (!item) {
        if (streamRaiseError(st))
            ret = -1;
        /* else: the end of the data */
    } else if (!item->msg) {
        if (stopAtHole) {
            ret = -3;
        } else {
            /* Without STOP_AT_HOLE a hole reads as zeros. */
            size_t n = MIN((long long)MIN(nbytes, INT_MAX), item->hole);

            memset(data, 0, n);
            item->hole -= n;
            ret = n;
            if (!item->hole)
                streamItemFree(g_queue_pop_head(&st->items));
        }
    } else {
        const char *payload;
        size_t len, n;

        virNetStreamMessagePayload(item->msg, &payload, &len);
        n = MIN(MIN(nbytes, (size_t)INT_MAX), len - item->offset);
        memcpy(data, payload + item->offset, n);
        item->offset += n;
        ret = n;
        if (item->offset == len)
            streamItemFree(g_queue_pop_head(&st->items));
    }
    g_mutex_unlock(&st->lock);
    return ret;
}


int
virNetClientStreamRecvHole(virNetClientStream *st,
                           virNetClient *client G_GNUC_UNUSED,
                           long long *length)
{
    streamItem *item;

    if (!streamCheckUsable(st))
        return -1;
    g_mutex_lock(&st->lock);
    item = g_queue_peek_head(&st->items);
    *length = 0;
    if (item && !item->msg) {
        *length = item->hole;
        streamItemFree(g_queue_pop_head(&st->items));
    }
    g_mutex_unlock(&st->lock);
    return 0;
}


/* Send the closing frame with `status` and wait for the server's answer. */
static int
streamClose(virNetClientStream *st, virNetClient *client, int status)
{
    virNetMessage *msg;
    virNetMessageHeader call;
    bool failed, skip;
    int ret = 0;

    g_mutex_lock(&st->lock);
    if (st->done) {
        if (!streamRaiseError(st))
            virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                           "stream is closed");
        g_mutex_unlock(&st->lock);
        return -1;
    }
    st->done = true;
    failed = st->err != NULL;
    /* The server dropped its end after an error: nothing to tell it. */
    skip = failed;
    st->awaiting = true;
    call = st->call;
    g_mutex_unlock(&st->lock);

    if (!skip) {
        if (!(msg = virNetStreamMessageNew(&call, status, NULL, 0)) ||
            virNetClientRunUntil(client, msg, streamAnswered, st) < 0)
            ret = -1;
    }
    virNetClientRemoveStream(client, st);

    if (ret == 0 && status == VIR_NET_OK) {
        g_mutex_lock(&st->lock);
        if (streamRaiseError(st))
            ret = -1;
        g_mutex_unlock(&st->lock);
    }
    return ret;
}


int
virNetClientStreamFinish(virNetClientStream *st, virNetClient *client)
{
    return streamClose(st, client, VIR_NET_OK);
}


int
virNetClientStreamAbort(virNetClientStream *st, virNetClient *client)
{
    return streamClose(st, client, VIR_NET_ERROR);
}
