/* virnetclient.c: the client end of an RPC connection; see virnetclient.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Who touches the socket: the thread that owns the call in progress
 * (inCall), else the event loop's watch and timer.  The lock only guards
 * the hand-over and the shared fields; no one blocks while holding it.
 * Calls made by other threads meanwhile do not wait for the owner's call
 * to end: their frames go out at once, the owner hands them their
 * replies, and the socket to one of them when its own reply has come
 * (clientWaitBehind).  A thread calling alone never waits for anyone.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include "rpc/virnetclient.h"
#include "rpc/virnetclientstream.h"
#include "rpc/virnetkeepalive.h"
#include "rpc/virnetsocket.h"
#include "util/virerror.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* A call waiting while another call's thread owns the socket: the owner
 * sends its frame, and hands it its reply, or the socket when the owner's
 * own call is over ("passing the buck"). */
typedef struct _clientCall clientCall;
struct _clientCall {
    virNetMessageHeader want;
    virNetMessage *reply;       /* handed over by the owner */
    bool done;                  /* reply set, or the connection is gone */
    bool buck;                  /* the socket is this call's thread's now */
    GCond cond;
    clientCall *next;
};

struct _virNetClient {
    virObject parent;
    GMutex lock;
    GCond cond;                 /* signalled when inCall ends */
    unsigned int nwaiting;      /* threads waiting on `cond` */
    int fd;                     /* -1 once closed */
    int watch;                  /* -1: none */
    int kaTimer;                /* -1: keepalive off */
    bool inCall;
    bool callOwner;             /* ... and the owner runs a call */
    clientCall *calls;          /* calls waiting behind the owner's */
    bool wantClose;             /* virNetClientClose during a call */
    bool broken;                /* the connection failed: notify once */
    int brokenReason;
    unsigned int serial;
    virNetMessage *rx;          /* the frame being read */
    virNetMessage *tx;          /* frames waiting to be written */
    virNetKeepAlive ka;
    /* Transports other than a plain socket (see "transports" below). */
    virNetTLSSession *tls;      /* NULL: not encrypted */
    virNetSASLSession *sasl;    /* SASL's security layer, NULL: none */
    bool saslDone;              /* SASL authenticated (layer or not) */
    pid_t child;                /* ssh/ext bridge process, 0: none */
    int errfd;                  /* the child's stderr, -1: none */
    virErrorPtr brokenErr;      /* why the event loop saw it break */

    /* Streams (see "streams" at the end): set up on first use. */
    GMutex streamLock;          /* guards `streams` */
    GPtrArray *streams;         /* virNetClientStream *, a reference each */
    bool wakeInit;
    int wakeFds[2];             /* wakes a stream's owner of the socket */

    virNetClientMessageFunc msgFunc;
    void *msgOpaque;
    virNetClientCloseFunc closeFunc;
    void *closeOpaque;
};

static void virNetClientDispose(void *obj);

static const virClass virNetClientClass = {
    "virNetClient", sizeof(virNetClient), virNetClientDispose,
};


static void
virNetClientDispose(void *obj)
{
    virNetClient *client = obj;

    virNetTLSSessionFree(client->tls);
    virNetSASLSessionUnref(client->sasl);
    if (client->fd >= 0)
        close(client->fd);
    if (client->errfd >= 0)
        close(client->errfd);
    virNetSocketReapChild(client->child);
    virErrorFree(client->brokenErr);
    virNetMessageFree(client->rx);
    virNetMessageQueueFree(&client->tx);
    g_mutex_clear(&client->lock);
    g_cond_clear(&client->cond);
    if (client->streams)
        g_ptr_array_free(client->streams, TRUE);
    if (client->wakeInit) {
        close(client->wakeFds[0]);
        close(client->wakeFds[1]);
    }
}


virNetClient *
virNetClientRef(virNetClient *client)
{
    return virObjectRef(client);
}


void
virNetClientUnref(virNetClient *client)
{
    virObjectUnref(client);
}


static virNetClient *
clientNewFD(int fd)
{
    virNetClient *client;

    client = virObjectNew(&virNetClientClass);
    g_mutex_init(&client->lock);
    g_cond_init(&client->cond);
    client->fd = fd;
    client->errfd = -1;
    client->watch = -1;
    client->kaTimer = -1;
    client->rx = virNetMessageNew();
    virNetMessagePrepareRead(client->rx);
    virNetKeepAliveInit(&client->ka, 0, 0, g_get_monotonic_time());
    return client;
}


virNetClient *
virNetClientNewUnix(const char *path)
{
    int fd;

    if ((fd = virNetSocketConnectUnix(path)) < 0)
        return NULL;
    return clientNewFD(fd);
}


void
virNetClientSetMessageHandler(virNetClient *client,
                              virNetClientMessageFunc func, void *opaque)
{
    g_mutex_lock(&client->lock);
    client->msgFunc = func;
    client->msgOpaque = opaque;
    g_mutex_unlock(&client->lock);
}


void
virNetClientSetCloseHandler(virNetClient *client, virNetClientCloseFunc func,
                            void *opaque)
{
    g_mutex_lock(&client->lock);
    client->closeFunc = func;
    client->closeOpaque = opaque;
    g_mutex_unlock(&client->lock);
}


/* ---- socket I/O (by the socket's current owner) ------------------------ */

/* Bytes decrypted or decoded already, that poll would not see. */
static bool
clientDataPending(virNetClient *client)
{
    return (client->tls && virNetTLSSessionPending(client->tls) > 0) ||
           virNetSASLSessionPending(client->sasl) > 0;
}


/* 1: a whole frame is in client->rx; 0: would block; -1: error. */
static int
clientReadFrame(virNetClient *client)
{
    virNetMessage *rx = client->rx;

    for (;;) {
        ssize_t n = virNetSASLSessionRead(client->sasl, client->fd,
                                          client->tls, false,
                                          rx->buffer + rx->bufferOffset,
                                     rx->bufferLength - rx->bufferOffset);
        if (n <= 0)
            return n;
        rx->bufferOffset += n;
        if (rx->bufferOffset < rx->bufferLength)
            continue;
        if (rx->bufferLength == VIR_NET_MESSAGE_LEN_MAX) {
            if (virNetMessageDecodeLength(rx) < 0)
                return -1;
            continue;
        }
        return 1;
    }
}


/* Write queued frames: 0 when all are out or it would block, -1 on error. */
static int
clientFlush(virNetClient *client)
{
    while (client->tx) {
        virNetMessage *msg = client->tx;
        ssize_t n = virNetSASLSessionWrite(client->sasl, client->fd,
                                           client->tls,
                                           msg->buffer + msg->bufferOffset,
                                      msg->bufferLength - msg->bufferOffset);
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        msg->bufferOffset += n;
        if (msg->bufferOffset == msg->bufferLength)
            virNetMessageFree(virNetMessageQueueServe(&client->tx));
    }
    return 0;
}


/* Handle an asynchronous frame (not the reply being waited for). */
static int
clientHandleAsync(virNetClient *client, virNetMessage *msg)
{
    if (virNetKeepAliveIsMessage(msg)) {
        if (msg->header.type == VIR_NET_MESSAGE &&
            msg->header.proc == VIR_NET_KEEPALIVE_PING) {
            virNetMessage *pong = virNetKeepAliveMessage(VIR_NET_KEEPALIVE_PONG);

            if (!pong)
                return -1;
            virNetMessageQueuePush(&client->tx, pong);
        }
        return 0;
    }
    if (msg->header.type == VIR_NET_MESSAGE && client->msgFunc) {
        client->msgFunc(client, msg, client->msgOpaque);
        return 0;
    }
    VIR_DEBUG("dropping %s frame prog=0x%x proc=%d serial=%u",
              virNetMessageTypeName(msg->header.type), msg->header.prog,
              msg->header.proc, msg->header.serial);
    return 0;
}


/* Read and handle every frame available.  When `want` is given, the
 * REPLY to it is moved into *reply and reading stops there.  0, or -1 on
 * a broken connection. */
static bool clientRouteStream(virNetClient *client, virNetMessage *msg);
static void clientWake(virNetClient *client);

static void clientAttachStream(virNetClient *client,
                               const virNetMessageHeader *call);
static int clientWakeInit(virNetClient *client);

/* With the lock held: the reply of a waiting call goes to its thread
 * (taken: true). */
static bool
clientDeliverReply(virNetClient *client, virNetMessage *msg)
{
    clientCall *c;

    for (c = client->calls; c; c = c->next) {
        if (!c->done && msg->header.serial == c->want.serial &&
            msg->header.prog == c->want.prog &&
            msg->header.proc == c->want.proc) {
            c->reply = msg;
            c->done = true;
            g_cond_signal(&c->cond);
            return true;
        }
    }
    return false;
}


static int
clientReadAll(virNetClient *client, const virNetMessageHeader *want,
              virNetMessage **reply)
{
    for (;;) {
        int r = clientReadFrame(client);
        virNetMessage *msg;

        if (r <= 0)
            return r;
        msg = client->rx;
        client->rx = virNetMessageNew();
        virNetMessagePrepareRead(client->rx);
        virNetKeepAliveSeen(&client->ka, g_get_monotonic_time());

        if (virNetMessageDecodeHeader(msg) < 0) {
            virNetMessageFree(msg);
            return -1;
        }
        if (clientRouteStream(client, msg))
            continue;
        if (want && msg->header.type == VIR_NET_REPLY &&
            msg->header.serial == want->serial &&
            msg->header.prog == want->prog &&
            msg->header.proc == want->proc) {
            *reply = msg;
            return 0;
        }
        if (msg->header.type == VIR_NET_REPLY &&
            clientDeliverReply(client, msg))
            continue;
        r = clientHandleAsync(client, msg);
        virNetMessageFree(msg);
        if (r < 0)
            return -1;
    }
}


/* ---- closing --------------------------------------------------------- */

/* With the lock held and no call in progress. */
static void
clientCloseLocked(virNetClient *client)
{
    if (client->watch >= 0) {
        virEventRemoveHandle(client->watch);
        client->watch = -1;
    }
    if (client->kaTimer >= 0) {
        virEventRemoveTimeout(client->kaTimer);
        client->kaTimer = -1;
    }
    g_clear_pointer(&client->tls, virNetTLSSessionFree);
    if (client->fd >= 0) {
        close(client->fd);
        client->fd = -1;
    }
    virNetMessageQueueFree(&client->tx);
}


static void
clientMarkBroken(virNetClient *client, int reason)
{
    if (!client->broken) {
        client->broken = true;
        client->brokenReason = reason;
    }
}


/* Call the close handler once, outside the lock. */
static void
clientNotifyClose(virNetClient *client)
{
    virNetClientCloseFunc func = NULL;
    void *opaque = NULL;
    int reason = 0;

    g_mutex_lock(&client->lock);
    if (client->broken && client->closeFunc && !client->wantClose) {
        func = client->closeFunc;
        opaque = client->closeOpaque;
        reason = client->brokenReason;
        client->closeFunc = NULL;
    }
    g_mutex_unlock(&client->lock);
    if (func)
        func(client, reason, opaque);
}


static void
clientUpdateWatch(virNetClient *client)
{
    if (client->watch < 0)
        return;
    if (client->inCall || client->fd < 0)
        virEventUpdateHandle(client->watch, 0);
    else
        virEventUpdateHandle(client->watch, VIR_EVENT_HANDLE_READABLE |
                             (client->tx ? VIR_EVENT_HANDLE_WRITABLE : 0));
}


/* A bridge process that died usually said why on its stderr: make that
 * the error, as "Cannot recv data: <what it said>". */
static void
clientReportStderr(virNetClient *client)
{
    g_autoptr(GString) text = g_string_new(NULL);
    char buf[1024];
    ssize_t n;
    int i;

    if (client->errfd < 0)
        return;
    /* Give a dying child a moment to finish its message. */
    for (i = 0; i < 50; i++) {
        struct pollfd pfd = { client->errfd, POLLIN, 0 };

        if (poll(&pfd, 1, 10) <= 0 && text->len > 0)
            break;
        n = read(client->errfd, buf, sizeof(buf));
        if (n > 0 && text->len < 4096)
            g_string_append_len(text, buf, n);
        else if (n == 0)
            break;
    }
    g_strstrip(text->str);
    virReportSystemError(ECONNRESET, "Cannot recv data: %s", text->str);
}


/* ---- the event loop's side -------------------------------------------- */

static void
clientWatchEvent(int watch G_GNUC_UNUSED, int fd G_GNUC_UNUSED,
                 int events, void *opaque)
{
    virNetClient *client = opaque;
    bool failed = false;

    virObjectRef(client);
    g_mutex_lock(&client->lock);
    if (client->inCall || client->fd < 0) {
        g_mutex_unlock(&client->lock);
        virObjectUnref(client);
        return;
    }
    if (events & VIR_EVENT_HANDLE_WRITABLE && clientFlush(client) < 0)
        failed = true;
    if (!failed && events & (VIR_EVENT_HANDLE_READABLE |
                             VIR_EVENT_HANDLE_HANGUP |
                             VIR_EVENT_HANDLE_ERROR)) {
        if (clientReadAll(client, NULL, NULL) < 0)
            failed = true;
        else if (client->tx && clientFlush(client) < 0)
            failed = true;
    }
    if (failed) {
        /* A dead ssh said why on stderr: keep it for the next call. */
        if (client->errfd >= 0 && !client->brokenErr) {
            clientReportStderr(client);
            client->brokenErr = virErrorCopyNew(virErrorLastObject());
        }
        VIR_DEBUG("connection lost: %s", virGetLastErrorMessage());
        clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_EOF);
        clientCloseLocked(client);
    } else {
        clientUpdateWatch(client);
    }
    g_mutex_unlock(&client->lock);
    if (failed)
        clientNotifyClose(client);
    virObjectUnref(client);
}


static void
clientObjectFree(void *opaque)
{
    virObjectUnref(opaque);
}


int
virNetClientRegisterEvents(virNetClient *client)
{
    g_mutex_lock(&client->lock);
    if (client->watch < 0 && client->fd >= 0) {
        virObjectRef(client);
        client->watch = virEventAddHandle(client->fd,
                                          VIR_EVENT_HANDLE_READABLE,
                                          clientWatchEvent, client,
                                          clientObjectFree);
        if (client->watch < 0)
            virObjectUnref(client);     /* no event loop: calls only */
        else
            clientUpdateWatch(client);
    }
    g_mutex_unlock(&client->lock);
    return 0;
}


/* Queue a PING or declare the server dead; with the lock held and the
 * socket owned by the caller.  false if the connection is to be closed. */
static bool
clientKeepAliveTick(virNetClient *client)
{
    virNetMessage *ping;

    switch (virNetKeepAliveTick(&client->ka, g_get_monotonic_time())) {
    case VIR_NET_KEEPALIVE_IDLE:
        return true;
    case VIR_NET_KEEPALIVE_SEND:
        if (!(ping = virNetKeepAliveMessage(VIR_NET_KEEPALIVE_PING)))
            return true;
        virNetMessageQueuePush(&client->tx, ping);
        return true;
    case VIR_NET_KEEPALIVE_DEAD:
    default:
        VIR_WARN("No response from server for %d seconds: closing the "
                 "connection", client->ka.interval * (client->ka.count + 1));
        return false;
    }
}


static void
clientKeepAliveTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virNetClient *client = opaque;
    bool dead = false;

    virObjectRef(client);
    g_mutex_lock(&client->lock);
    if (!client->inCall && client->fd >= 0) {
        if (!clientKeepAliveTick(client)) {
            dead = true;
        } else if (client->tx && clientFlush(client) < 0) {
            dead = true;
        }
        if (dead) {
            clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_KEEPALIVE);
            clientCloseLocked(client);
        } else {
            clientUpdateWatch(client);
        }
    }
    g_mutex_unlock(&client->lock);
    if (dead)
        clientNotifyClose(client);
    virObjectUnref(client);
}


int
virNetClientKeepAliveStart(virNetClient *client, int interval,
                           unsigned int count)
{
    int ret = 0;

    g_mutex_lock(&client->lock);
    if (client->kaTimer >= 0) {
        virEventRemoveTimeout(client->kaTimer);
        client->kaTimer = -1;
    }
    virNetKeepAliveInit(&client->ka, interval, count,
                        g_get_monotonic_time());
    if (interval > 0 && client->fd >= 0) {
        virObjectRef(client);
        client->kaTimer = virEventAddTimeout(interval * 1000,
                                             clientKeepAliveTimer, client,
                                             clientObjectFree);
        if (client->kaTimer < 0) {
            virObjectUnref(client);
            client->ka.interval = 0;
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "keepalive needs a registered event loop");
            ret = -1;
        }
    }
    g_mutex_unlock(&client->lock);
    return ret;
}


/* ---- calls ----------------------------------------------------------- */

/* With the lock held: wait until the socket's owner lets go. */
static void
clientWaitTurn(virNetClient *client)
{
    client->nwaiting++;
    g_cond_wait(&client->cond, &client->lock);
    client->nwaiting--;
}


/* With the lock held, after clearing inCall: a signal costs a system call
 * even with no one to wake, so one thread calling alone makes none. */
static void
clientEndTurn(virNetClient *client)
{
    if (client->nwaiting > 0)
        g_cond_broadcast(&client->cond);
}


/* Run the socket until the reply to `want` arrives (the call's frame is
 * already queued).  The socket is ours; the lock, which shares the output
 * queue and the waiting calls with the other threads, is never held
 * across poll. */
static int
clientWaitReply(virNetClient *client, const virNetMessageHeader *want,
                virNetMessage **reply)
{
    char buf[64];
    int r;

    /* The socket nearly always takes the call at once: no poll first. */
    g_mutex_lock(&client->lock);
    r = client->tx ? clientFlush(client) : 0;
    g_mutex_unlock(&client->lock);
    if (r < 0)
        goto broken;
    while (!*reply) {
        /* The wake pipe: another call queued a frame for us to send. */
        struct pollfd pfd[2] = {
            { client->fd, POLLIN, 0 },
            { client->wakeInit ? client->wakeFds[0] : -1, POLLIN, 0 },
        };
        int timeout = client->ka.interval > 0 ?
                      client->ka.interval * 1000 : -1;
        bool pending;

        g_mutex_lock(&client->lock);
        if (client->tx)
            pfd[0].events |= POLLOUT;
        /* Already decrypted: poll would not see it. */
        if ((pending = clientDataPending(client)))
            r = clientReadAll(client, want, reply);
        g_mutex_unlock(&client->lock);
        if (pending) {
            if (r < 0)
                goto broken;
            continue;
        }
        r = poll(pfd, 2, timeout);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            virReportSystemError(errno, "%s", "poll on socket failed");
            clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_ERROR);
            return -1;
        }
        if (r == 0) {
            bool alive;

            g_mutex_lock(&client->lock);
            alive = clientKeepAliveTick(client);
            g_mutex_unlock(&client->lock);
            if (!alive) {
                virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                               "connection closed due to keepalive timeout");
                clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_KEEPALIVE);
                return -1;
            }
            continue;
        }
        if (pfd[1].revents & POLLIN) {
            while (read(client->wakeFds[0], buf, sizeof(buf)) > 0)
                ;
        }
        r = 0;
        g_mutex_lock(&client->lock);
        if (pfd[0].revents & POLLOUT)
            r = clientFlush(client);
        if (r == 0 && pfd[0].revents & (POLLIN | POLLHUP | POLLERR))
            r = clientReadAll(client, want, reply);
        g_mutex_unlock(&client->lock);
        if (r < 0)
            goto broken;
    }
    return 0;

 broken:
    clientReportStderr(client);
    clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_EOF);
    return -1;
}


static int
clientDecodeReply(virNetMessage *reply, xdrproc_t retFilter, void *ret)
{
    remote_error rerr;

    switch (reply->header.status) {
    case VIR_NET_OK:
        return virNetMessageDecodePayload(reply, retFilter ? retFilter :
                                          (xdrproc_t)xdr_void, ret);
    case VIR_NET_ERROR:
        memset(&rerr, 0, sizeof(rerr));
        if (virNetMessageDecodePayload(reply, (xdrproc_t)xdr_remote_error,
                                       &rerr) < 0)
            return -1;
        virNetMessageRaiseError(&rerr);
        xdr_free((xdrproc_t)xdr_remote_error, (char *)&rerr);
        return -1;
    default:
        virReportError(VIR_ERR_RPC, "unexpected reply status %d",
                       reply->header.status);
        return -1;
    }
}


/* With the lock held: wait behind the call that owns the socket, until
 * it hands over our reply (1, in *reply; NULL if the connection went
 * away) or the socket itself (0). */
static int
clientWaitBehind(virNetClient *client, const virNetMessageHeader *want,
                 virNetMessage **reply)
{
    clientCall me = { .want = *want };
    clientCall **p;

    g_cond_init(&me.cond);
    for (p = &client->calls; *p; p = &(*p)->next)
        ;
    *p = &me;
    clientWake(client);         /* the owner's poll: send our frame */
    while (!me.done && !me.buck)
        g_cond_wait(&me.cond, &client->lock);
    for (p = &client->calls; *p != &me; p = &(*p)->next)
        ;
    *p = me.next;
    g_cond_clear(&me.cond);
    *reply = me.reply;
    return me.done ? 1 : 0;
}


/* With the lock held, as the owner's call ends: the socket goes to the
 * first call still waiting, if the connection is fine; else every
 * waiting call is told it is gone and the socket is let go. */
static void
clientPassBuck(virNetClient *client, bool closeNow)
{
    clientCall *c;

    for (c = client->calls; !closeNow && c; c = c->next) {
        if (!c->done) {
            c->buck = true;
            g_cond_signal(&c->cond);
            return;
        }
    }
    for (c = client->calls; c; c = c->next) {
        if (!c->done) {
            c->done = true;
            g_cond_signal(&c->cond);
        }
    }
    client->inCall = false;
    client->callOwner = false;
    if (closeNow)
        clientCloseLocked(client);
    else
        clientUpdateWatch(client);
    clientEndTurn(client);
}


int
virNetClientCall(virNetClient *client, unsigned int prog, unsigned int vers,
                 int proc, xdrproc_t argsFilter, void *args,
                 xdrproc_t retFilter, void *ret)
{
    g_autoptr(virNetMessage) call = virNetMessageNew();
    g_autoptr(virNetMessage) reply = NULL;
    virNetMessageHeader want;
    bool closeNow;
    int rv;

    g_mutex_lock(&client->lock);
    /* A stream holding the socket is hurried and waited for; a call
     * holding it takes ours along (clientWaitBehind). */
    while (client->inCall && !(client->callOwner && client->wakeInit)) {
        clientWake(client);
        clientWaitTurn(client);
    }
    if (client->fd < 0) {
        if (client->brokenErr)
            virSetError(client->brokenErr);
        else
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "client socket is closed");
        g_mutex_unlock(&client->lock);
        return -1;
    }
    call->header.prog = prog;
    call->header.vers = vers;
    call->header.proc = proc;
    call->header.type = VIR_NET_CALL;
    call->header.serial = client->serial++;
    clientAttachStream(client, &call->header);
    call->header.status = VIR_NET_OK;
    if (virNetMessageEncode(call, argsFilter, args) < 0) {
        g_mutex_unlock(&client->lock);
        return -1;
    }
    want = call->header;
    virNetMessageQueuePush(&client->tx, g_steal_pointer(&call));
    if (client->inCall) {
        if (clientWaitBehind(client, &want, &reply) == 1) {
            if (!reply) {
                if (client->brokenErr)
                    virSetError(client->brokenErr);
                else
                    virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                                   "client socket is closed");
            }
            g_mutex_unlock(&client->lock);
            return reply ? clientDecodeReply(reply, retFilter, ret) : -1;
        }
        /* The socket is ours now: inCall and callOwner stay set. */
    } else {
        /* Without the wake pipe, other calls wait for this one to end. */
        if (clientWakeInit(client) < 0)
            virResetLastError();
        client->inCall = true;
        client->callOwner = true;
        clientUpdateWatch(client);
    }
    g_mutex_unlock(&client->lock);

    rv = clientWaitReply(client, &want, &reply);

    g_mutex_lock(&client->lock);
    /* Decrypted frames left behind would wait for the next packet. */
    if (rv == 0 && clientDataPending(client) &&
        clientReadAll(client, NULL, NULL) < 0)
        clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_EOF);
    closeNow = client->broken || client->wantClose;
    /* The calls waiting behind this one get its error. */
    if (rv < 0 && client->calls && !client->brokenErr && virErrorIsSet())
        client->brokenErr = virErrorCopyNew(virErrorLastObject());
    clientPassBuck(client, closeNow);
    g_mutex_unlock(&client->lock);

    if (closeNow)
        clientNotifyClose(client);
    if (rv < 0)
        return -1;
    return clientDecodeReply(reply, retFilter, ret);
}


bool
virNetClientIsOpen(virNetClient *client)
{
    bool open;

    g_mutex_lock(&client->lock);
    open = client->fd >= 0 && !client->broken;
    g_mutex_unlock(&client->lock);
    return open;
}


void
virNetClientClose(virNetClient *client)
{
    g_mutex_lock(&client->lock);
    client->wantClose = true;
    if (client->inCall) {
        /* Wake the caller's poll; it closes when the call ends. */
        if (client->fd >= 0)
            shutdown(client->fd, SHUT_RDWR);
    } else {
        clientCloseLocked(client);
    }
    g_mutex_unlock(&client->lock);
}


/* ---- transports --------------------------------------------------------- */

virNetClient *
virNetClientNewTCP(const char *host, const char *port)
{
    int fd;

    if ((fd = virNetSocketConnectTCP(host, port)) < 0)
        return NULL;
    return clientNewFD(fd);
}


virNetClient *
virNetClientNewCommand(const char *const *argv, const char *const *passEnv)
{
    virNetClient *client;
    pid_t pid = 0;
    int errfd = -1;
    int fd;

    if ((fd = virNetSocketConnectCommand(argv, passEnv, &pid, &errfd)) < 0)
        return NULL;
    client = clientNewFD(fd);
    client->child = pid;
    client->errfd = errfd;
    return client;
}


/* Wait up to the timeout for the fd; false with an error on failure. */
static bool
clientWaitFD(virNetClient *client, bool write)
{
    struct pollfd pfd = { client->fd, write ? POLLOUT : POLLIN, 0 };
    int r;

    while ((r = poll(&pfd, 1, 30 * 1000)) < 0 && errno == EINTR)
        ;
    if (r <= 0) {
        virReportSystemError(r == 0 ? ETIMEDOUT : errno, "%s",
                             "Cannot wait for the server");
        return false;
    }
    return true;
}


int
virNetClientSetTLSSession(virNetClient *client, virNetTLSContext *ctx,
                          const char *hostname)
{
    virNetTLSSession *sess;
    char status = 0;
    ssize_t n;
    int r;

    if (!(sess = virNetTLSSessionNew(ctx, client->fd, hostname)))
        return -1;
    while ((r = virNetTLSSessionHandshake(sess)) == 1) {
        if (!clientWaitFD(client, virNetTLSSessionWantWrite(sess)))
            goto error;
    }
    if (r < 0 || virNetTLSSessionCheck(sess) < 0)
        goto error;

    /* The server checks us in turn, then sends one byte: 1 if it accepts
     * us; otherwise it hangs up. */
    while ((n = virNetTLSSessionRead(sess, &status, 1)) == 0) {
        if (!clientWaitFD(client, false))
            goto error;
    }
    if (n < 0) {
        /* The server hung up: it refused our certificate. */
        virResetLastError();
        virReportSystemError(EIO, "%s", "Unable to read TLS confirmation");
        goto error;
    }
    if (status != 1) {
        virReportError(VIR_ERR_RPC, "%s", "server verification (of our "
                       "certificate or IP address) failed");
        goto error;
    }
    g_mutex_lock(&client->lock);
    client->tls = sess;
    g_mutex_unlock(&client->lock);
    return 0;

 error:
    virNetTLSSessionFree(sess);
    return -1;
}


bool
virNetClientIsEncrypted(virNetClient *client)
{
    bool ret;

    g_mutex_lock(&client->lock);
    ret = client->tls != NULL || client->saslDone;
    g_mutex_unlock(&client->lock);
    return ret;
}


void
virNetClientSetSASLSession(virNetClient *client, virNetSASLSession *sasl)
{
    bool layer = virNetSASLSessionGetKeySize(sasl) > 0;

    virResetLastError();
    g_mutex_lock(&client->lock);
    client->saslDone = true;
    if (layer) {
        virNetSASLSessionUnref(client->sasl);
        client->sasl = virNetSASLSessionRef(sasl);
    }
    g_mutex_unlock(&client->lock);
}


/* ---- streams (virnetclientstream.c) ------------------------------------ */

/* A STREAM or STREAM_HOLE frame of a registered stream goes to its queue
 * (taken: true); anything else is left to the caller. */
static bool
clientRouteStream(virNetClient *client, virNetMessage *msg)
{
    virNetClientStream *st = NULL;
    size_t i;

    if (msg->header.type != VIR_NET_STREAM &&
        msg->header.type != VIR_NET_STREAM_HOLE)
        return false;
    g_mutex_lock(&client->streamLock);
    for (i = 0; client->streams && i < client->streams->len; i++) {
        if (virNetClientStreamMatches(client->streams->pdata[i],
                                      &msg->header)) {
            st = virNetClientStreamRef(client->streams->pdata[i]);
            break;
        }
    }
    g_mutex_unlock(&client->streamLock);
    if (!st) {
        VIR_DEBUG("dropping frame of unknown stream serial=%u",
                  msg->header.serial);
        virNetMessageFree(msg);
        return true;
    }
    virNetClientStreamQueuePacket(st, msg);
    virNetClientStreamUnref(st);
    return true;
}


/* With the lock held: make the thread that owns the socket for a stream
 * look up from its poll. */
static void
clientWake(virNetClient *client)
{
    char c = 0;

    if (client->wakeInit && write(client->wakeFds[1], &c, 1) < 0) {
        /* The pipe is full: the owner will wake anyway. */
    }
}


static int
clientWakeInit(virNetClient *client)
{
    int i;

    if (client->wakeInit)
        return 0;
    if (pipe(client->wakeFds) < 0) {
        virReportSystemError(errno, "%s", "cannot create a pipe");
        return -1;
    }
    for (i = 0; i < 2; i++) {
        fcntl(client->wakeFds[i], F_SETFL, O_NONBLOCK);
        fcntl(client->wakeFds[i], F_SETFD, FD_CLOEXEC);
    }
    client->wakeInit = true;
    return 0;
}


/* The stream the calling thread is opening with its current call. */
static GPrivate clientOpeningStream;

/* With the lock held, as a call takes its serial: a stream being opened
 * by this thread is registered under it, before the call goes out, so
 * that none of its frames can be missed. */
static void
clientAttachStream(virNetClient *client, const virNetMessageHeader *call)
{
    virNetClientStream *st = g_private_get(&clientOpeningStream);

    if (!st)
        return;
    g_private_set(&clientOpeningStream, NULL);
    virNetClientStreamSetCall(st, call);
    g_mutex_lock(&client->streamLock);
    if (!client->streams)
        client->streams = g_ptr_array_new_with_free_func(
            (GDestroyNotify)virNetClientStreamUnref);
    g_ptr_array_add(client->streams, virNetClientStreamRef(st));
    g_mutex_unlock(&client->streamLock);
}


int
virNetClientCallStream(virNetClient *client, virNetClientStream *st,
                       unsigned int prog, unsigned int vers, int proc,
                       xdrproc_t argsFilter, void *args,
                       xdrproc_t retFilter, void *ret)
{
    int rv;

    g_private_set(&clientOpeningStream, st);
    rv = virNetClientCall(client, prog, vers, proc, argsFilter, args,
                          retFilter, ret);
    g_private_set(&clientOpeningStream, NULL);
    if (rv < 0)
        virNetClientRemoveStream(client, st);
    return rv;
}


void
virNetClientRemoveStream(virNetClient *client, virNetClientStream *st)
{
    g_mutex_lock(&client->streamLock);
    if (client->streams)
        g_ptr_array_remove(client->streams, st);
    g_mutex_unlock(&client->streamLock);
}


/* One poll of the socket by its owner, `timeout` ms (-1: until something
 * happens, keepalive permitting).  0, or -1 if the connection broke. */
static int
clientPollOnce(virNetClient *client, int timeout)
{
    struct pollfd pfd[2] = {
        { client->fd, POLLIN, 0 },
        { client->wakeFds[0], POLLIN, 0 },
    };
    bool kaTimeout = false;
    char buf[64];
    int r;

    if (client->tx)
        pfd[0].events |= POLLOUT;
    if (clientDataPending(client))
        return clientReadAll(client, NULL, NULL) < 0 ? -1 : 0;
    if (timeout < 0 && client->ka.interval > 0) {
        timeout = client->ka.interval * 1000;
        kaTimeout = true;
    }
    r = poll(pfd, 2, timeout);
    if (r < 0) {
        if (errno == EINTR)
            return 0;
        virReportSystemError(errno, "%s", "poll on socket failed");
        clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_ERROR);
        return -1;
    }
    if (r == 0) {
        if (kaTimeout && !clientKeepAliveTick(client)) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "connection closed due to keepalive timeout");
            clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_KEEPALIVE);
            return -1;
        }
        return 0;
    }
    if (pfd[1].revents & POLLIN) {
        while (read(client->wakeFds[0], buf, sizeof(buf)) > 0)
            ;
    }
    if ((pfd[0].revents & POLLOUT && clientFlush(client) < 0) ||
        (pfd[0].revents & (POLLIN | POLLHUP | POLLERR) &&
         clientReadAll(client, NULL, NULL) < 0)) {
        clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_EOF);
        return -1;
    }
    return 0;
}


int
virNetClientRunUntil(virNetClient *client, virNetMessage *msg,
                     virNetClientDoneFunc done, void *opaque)
{
    bool once = !msg && !done;

    g_mutex_lock(&client->lock);
    if (clientWakeInit(client) < 0) {
        g_mutex_unlock(&client->lock);
        virNetMessageFree(msg);
        return -1;
    }
    for (;;) {
        bool closeNow;
        int rv;

        while (client->inCall) {
            /* Only a sender hurries the owner: two waiting readers
             * would otherwise take the socket from each other forever. */
            if (msg)
                clientWake(client);
            clientWaitTurn(client);
        }
        if (client->fd < 0 || client->broken) {
            g_mutex_unlock(&client->lock);
            virNetMessageFree(msg);
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "client socket is closed");
            return -1;
        }
        if (msg) {
            virNetMessageQueuePush(&client->tx, msg);
            msg = NULL;
        }
        if (!once && !client->tx && (!done || done(opaque))) {
            clientUpdateWatch(client);
            g_mutex_unlock(&client->lock);
            return 0;
        }
        client->inCall = true;
        clientUpdateWatch(client);
        g_mutex_unlock(&client->lock);

        rv = clientPollOnce(client, once ? 0 : -1);

        g_mutex_lock(&client->lock);
        client->inCall = false;
        closeNow = rv < 0 || client->broken || client->wantClose;
        if (closeNow)
            clientCloseLocked(client);
        else
            clientUpdateWatch(client);
        clientEndTurn(client);
        if (closeNow) {
            g_mutex_unlock(&client->lock);
            clientNotifyClose(client);
            if (!virErrorIsSet())
                virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                               "client socket is closed");
            return -1;
        }
        if (once) {
            g_mutex_unlock(&client->lock);
            return 0;
        }
    }
}
