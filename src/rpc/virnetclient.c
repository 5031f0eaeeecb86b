/* virnetclient.c: the client end of an RPC connection; see virnetclient.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Who touches the socket: the thread that owns the call in progress
 * (inCall), else the event loop's watch and timer.  The lock only guards
 * the hand-over and the shared fields; no one blocks while holding it.
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rpc/virnetclient.h"
#include "rpc/virnetkeepalive.h"
#include "rpc/virnetsocket.h"
#include "util/virerror.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

struct _virNetClient {
    virObject parent;
    GMutex lock;
    GCond cond;                 /* signalled when inCall ends */
    int fd;                     /* -1 once closed */
    int watch;                  /* -1: none */
    int kaTimer;                /* -1: keepalive off */
    bool inCall;
    bool wantClose;             /* virNetClientClose during a call */
    bool broken;                /* the connection failed: notify once */
    int brokenReason;
    unsigned int serial;
    virNetMessage *rx;          /* the frame being read */
    virNetMessage *tx;          /* frames waiting to be written */
    virNetKeepAlive ka;

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

    if (client->fd >= 0)
        close(client->fd);
    virNetMessageFree(client->rx);
    virNetMessageQueueFree(&client->tx);
    g_mutex_clear(&client->lock);
    g_cond_clear(&client->cond);
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


virNetClient *
virNetClientNewUnix(const char *path)
{
    virNetClient *client;
    int fd;

    if ((fd = virNetSocketConnectUnix(path)) < 0)
        return NULL;
    client = virObjectNew(&virNetClientClass);
    g_mutex_init(&client->lock);
    g_cond_init(&client->cond);
    client->fd = fd;
    client->watch = -1;
    client->kaTimer = -1;
    client->rx = virNetMessageNew();
    virNetMessagePrepareRead(client->rx);
    virNetKeepAliveInit(&client->ka, 0, 0, g_get_monotonic_time());
    return client;
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

/* 1: a whole frame is in client->rx; 0: would block; -1: error. */
static int
clientReadFrame(virNetClient *client)
{
    virNetMessage *rx = client->rx;

    for (;;) {
        ssize_t n = virNetSocketRead(client->fd,
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
        ssize_t n = virNetSocketWrite(client->fd,
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
        if (want && msg->header.type == VIR_NET_REPLY &&
            msg->header.serial == want->serial &&
            msg->header.prog == want->prog &&
            msg->header.proc == want->proc) {
            *reply = msg;
            return 0;
        }
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

/* Run the socket until the reply to `want` arrives (the call's frame is
 * already queued).  Runs without the lock: the socket is ours. */
static int
clientWaitReply(virNetClient *client, const virNetMessageHeader *want,
                virNetMessage **reply)
{
    while (!*reply) {
        struct pollfd pfd = { client->fd, POLLIN, 0 };
        int timeout = client->ka.interval > 0 ?
                      client->ka.interval * 1000 : -1;
        int r;

        if (client->tx)
            pfd.events |= POLLOUT;
        r = poll(&pfd, 1, timeout);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            virReportSystemError(errno, "%s", "poll on socket failed");
            clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_ERROR);
            return -1;
        }
        if (r == 0) {
            if (!clientKeepAliveTick(client)) {
                virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                               "connection closed due to keepalive timeout");
                clientMarkBroken(client, VIR_CONNECT_CLOSE_REASON_KEEPALIVE);
                return -1;
            }
            continue;
        }
        if (pfd.revents & POLLOUT && clientFlush(client) < 0)
            goto broken;
        if (pfd.revents & (POLLIN | POLLHUP | POLLERR) &&
            clientReadAll(client, want, reply) < 0)
            goto broken;
    }
    return 0;

 broken:
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
    while (client->inCall)
        g_cond_wait(&client->cond, &client->lock);
    if (client->fd < 0) {
        g_mutex_unlock(&client->lock);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "client socket is closed");
        return -1;
    }
    call->header.prog = prog;
    call->header.vers = vers;
    call->header.proc = proc;
    call->header.type = VIR_NET_CALL;
    call->header.serial = client->serial++;
    call->header.status = VIR_NET_OK;
    if (virNetMessageEncode(call, argsFilter, args) < 0) {
        g_mutex_unlock(&client->lock);
        return -1;
    }
    want = call->header;
    virNetMessageQueuePush(&client->tx, g_steal_pointer(&call));
    client->inCall = true;
    clientUpdateWatch(client);
    g_mutex_unlock(&client->lock);

    rv = clientWaitReply(client, &want, &reply);

    g_mutex_lock(&client->lock);
    client->inCall = false;
    closeNow = client->broken || client->wantClose;
    if (closeNow)
        clientCloseLocked(client);
    else
        clientUpdateWatch(client);
    g_cond_signal(&client->cond);
    g_mutex_unlock(&client->lock);

    if (rv < 0) {
        if (closeNow)
            clientNotifyClose(client);
        return -1;
    }
    if (closeNow)
        clientNotifyClose(client);
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
