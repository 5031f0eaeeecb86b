/* virnetserver.c: the RPC server; see virnetserver.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Locks: the server's lock guards its lists; a client's lock guards its
 * socket state.  Never take the server's lock while holding a client's.
 * References to a client: the server's list, its watch and keepalive
 * timer (released by the event loop), and every call in progress.
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rpc/virnetbusywatch.h"
#include "rpc/virnetkeepalive.h"
#include "rpc/virnetsasl.h"
#include "rpc/virnetserver.h"
#include "rpc/virnetsocket.h"
#include "rpc/virnetthreadpool.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

/* Frames handled per wake-up of one client, so that a chatty client
 * cannot starve the others. */
#define FRAMES_PER_EVENT 32

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

typedef struct {
    const virWireProgram *wire;
    const virNetServerProcFunc *funcs;
    size_t nfuncs;
} serverProgram;

typedef struct {
    virNetServer *srv;
    char *path;                 /* unix socket file; NULL for TCP */
    int fd;
    int watch;
    bool readonly;
    virNetTLSContext *tls;      /* TLS service; NULL: plain */
    int auth;                   /* remote_auth_type its clients must pass */
} serverService;

struct _virNetServer {
    GMutex lock;
    virNetServerConfig cfg;
    GPtrArray *services;        /* serverService * */
    GPtrArray *clients;         /* virNetServerClient *, one reference each */
    GPtrArray *programs;        /* serverProgram * */
    virNetThreadPool *workers;
    virNetBusyWatch *busyWatch; /* for parked workers; NULL: none park */
    unsigned long long nextClientID;
    size_t nclientsUnauth;      /* clients in their TLS handshake or with
                                 * authentication still to pass */
    bool closed;

    virNetServerClientInitFunc init;
    virNetServerClientCloseFunc closeHook;
    virNetServerClientFreeFunc freeHook;
    void *opaque;

    virNetServerStreamFunc streamFunc;   /* stream frames (H6) */
    void *streamOpaque;
};

struct _virNetServerClient {
    virObject parent;
    GMutex lock;
    virNetServer *srv;          /* outlives its clients' sockets */
    unsigned long long id;
    int fd;                     /* -1 once closed */
    int watch;
    int watchEvents;            /* what `watch` was last set to wait for */
    int kaTimer;
    bool readonly;
    bool closed;
    bool writeFailed;           /* a worker's write failed: the loop drops it */
    virNetMessage *rx;
    virNetMessage *tx;
    virNetMessage *txTail;      /* last of `tx`: events to a slow reader
                                 * can queue up by the thousand */
    size_t nrequests;           /* calls queued or running */
    virNetMessage *streamIn;    /* stream frames for the stream handler */
    bool streamDispatching;     /* a thread hands streamIn over: in order */
    bool parked;                /* a worker reads the socket, not the loop */
    bool hearsEvents;           /* never parked: see SetHearsEvents */
    unsigned int parkGen;       /* which time it was parked */
    guint64 busyKey;            /* the parked worker runs a call: its watch */
    virNetKeepAlive ka;
    /* TLS (see "TLS clients" below). */
    virNetTLSSession *tls;      /* NULL: plain socket */
    bool handshaking;           /* in its TLS handshake */
    bool unauth;                /* counted in srv->nclientsUnauth */
    int pendingTimer;           /* fires while decrypted data waits */
    /* Authentication (the daemon's SASL code). */
    gint auth;                  /* remote_auth_type still to pass */
    bool local;                 /* came through a unix socket */
    virNetSASLSession *sasl;    /* the security layer on the wire */
    virNetSASLSession *saslNext; /* ... once saslSerial's reply is out */
    unsigned int saslSerial;

    void *priv;
    virNetServerClientFreeFunc freeHook;
};

typedef struct {
    virNetServerClient *client;  /* a reference */
    virNetMessage *msg;
    const serverProgram *prog;
    bool priority;
} serverJob;

static void serverClientDispose(void *obj);

static const virClass virNetServerClientClass = {
    "virNetServerClient", sizeof(virNetServerClient), serverClientDispose,
};


void
virNetServerConfigDefaults(virNetServerConfig *cfg)
{
    cfg->minWorkers = 5;
    cfg->maxWorkers = 20;
    cfg->prioWorkers = 5;
    cfg->maxClients = 5000;
    cfg->maxAnonymousClients = 20;
    cfg->maxClientRequests = 5;
    cfg->keepaliveInterval = 5;
    cfg->keepaliveCount = 5;
}


/* ---- clients ---------------------------------------------------------- */

static void
serverClientDispose(void *obj)
{
    virNetServerClient *client = obj;

    if (client->freeHook && client->priv)
        client->freeHook(client->priv);
    virNetTLSSessionFree(client->tls);
    virNetSASLSessionUnref(client->sasl);
    virNetSASLSessionUnref(client->saslNext);
    if (client->fd >= 0)
        close(client->fd);
    virNetMessageFree(client->rx);
    virNetMessageQueueFree(&client->streamIn);
    virNetMessageQueueFree(&client->tx);
    g_mutex_clear(&client->lock);
}


virNetServerClient *
virNetServerClientRef(virNetServerClient *client)
{
    return virObjectRef(client);
}


void
virNetServerClientUnref(virNetServerClient *client)
{
    virObjectUnref(client);
}


bool
virNetServerClientIsReadonly(virNetServerClient *client)
{
    return client->readonly;
}


void *
virNetServerClientGetPrivateData(virNetServerClient *client)
{
    return client->priv;
}


unsigned long long
virNetServerClientGetID(virNetServerClient *client)
{
    return client->id;
}


int
virNetServerClientGetIdentity(virNetServerClient *client, uid_t *uid,
                              gid_t *gid, pid_t *pid)
{
    int ret = -1;

    g_mutex_lock(&client->lock);
    if (client->fd >= 0)
        ret = virNetSocketGetPeerCred(client->fd, uid, gid, pid);
    else
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "client is closed");
    g_mutex_unlock(&client->lock);
    return ret;
}


int
virNetServerClientGetAuth(virNetServerClient *client)
{
    return g_atomic_int_get(&client->auth);
}


void
virNetServerClientSetAuth(virNetServerClient *client, int auth)
{
    bool passed = false;

    g_mutex_lock(&client->lock);
    g_atomic_int_set(&client->auth, auth);
    /* No longer anonymous, unless the TLS handshake still is going on. */
    if (auth == 0 && client->unauth && !client->handshaking) {
        client->unauth = false;
        passed = true;
    }
    g_mutex_unlock(&client->lock);
    if (passed) {
        g_mutex_lock(&client->srv->lock);
        client->srv->nclientsUnauth--;
        g_mutex_unlock(&client->srv->lock);
    }
}


bool
virNetServerClientIsSecure(virNetServerClient *client)
{
    bool ret;

    g_mutex_lock(&client->lock);
    ret = client->local || client->tls;
    g_mutex_unlock(&client->lock);
    return ret;
}


void
virNetServerClientSetSASLSession(virNetServerClient *client,
                                 virNetSASLSession *sasl,
                                 unsigned int serial)
{
    g_mutex_lock(&client->lock);
    virNetSASLSessionUnref(client->saslNext);
    client->saslNext = virNetSASLSessionRef(sasl);
    client->saslSerial = serial;
    g_mutex_unlock(&client->lock);
}


/* With the client's lock held: queue a frame for output, in constant
 * time however long the queue. */
static void
serverClientPushTx(virNetServerClient *client, virNetMessage *msg)
{
    msg->next = NULL;
    if (client->tx)
        client->txTail->next = msg;
    else
        client->tx = msg;
    client->txTail = msg;
}


/* With the client's lock held.  Most calls change nothing: they then
 * cost no visit to the event loop's lock. */
static void
serverClientSetEvents(virNetServerClient *client, int events)
{
    if (client->watchEvents == events)
        return;
    client->watchEvents = events;
    virEventUpdateHandle(client->watch, events);
}


/* With the client's lock held. */
static void
serverClientUpdateWatch(virNetServerClient *client)
{
    int events = 0;

    if (client->closed || client->watch < 0)
        return;
    if (client->handshaking) {
        serverClientSetEvents(client,
                              virNetTLSSessionWantWrite(client->tls) ?
                              VIR_EVENT_HANDLE_WRITABLE :
                              VIR_EVENT_HANDLE_READABLE);
        return;
    }
    if (client->nrequests < client->srv->cfg.maxClientRequests &&
        !client->parked)
        events |= VIR_EVENT_HANDLE_READABLE;
    if (client->tx)
        events |= VIR_EVENT_HANDLE_WRITABLE;
    serverClientSetEvents(client, events);
    /* Decrypted data that poll cannot see: come back for it at once. */
    if (client->pendingTimer >= 0)
        virEventUpdateTimeout(client->pendingTimer,
                              events & VIR_EVENT_HANDLE_READABLE &&
                              ((client->tls &&
                                virNetTLSSessionPending(client->tls) > 0) ||
                               virNetSASLSessionPending(client->sasl) > 0) ?
                              0 : -1);
}


static int serverClientWrite(virNetServerClient *client);

/* With the client's lock held, when a message was queued behind nothing:
 * this thread may write it at once instead of waking the event loop to do
 * it, which costs two thread switches per reply.  What the socket does not
 * take now is left to the loop.  A failed write is not handled here (the caller may
 * hold locks the close hook takes): the loop drops the client. */
static void
serverClientWriteNow(virNetServerClient *client)
{
    virErrorPtr saved;

    if (client->handshaking || client->writeFailed)
        return;
    saved = virErrorSave();
    if (serverClientWrite(client) < 0) {
        VIR_DEBUG("client %llu: write failed: %s", client->id,
                  virGetLastErrorMessage());
        virResetLastError();
        client->writeFailed = true;
    }
    virErrorRestore(&saved);
}


void
virNetServerClientSendMessage(virNetServerClient *client, virNetMessage *msg)
{
    g_mutex_lock(&client->lock);
    if (client->closed) {
        virNetMessageFree(msg);
    } else {
        msg->bufferOffset = 0;
        serverClientPushTx(client, msg);
        if (client->tx == msg)
            serverClientWriteNow(client);
        serverClientUpdateWatch(client);
    }
    g_mutex_unlock(&client->lock);
}


bool
virNetServerClientIsClosed(virNetServerClient *client)
{
    bool closed;

    g_mutex_lock(&client->lock);
    closed = client->closed;
    g_mutex_unlock(&client->lock);
    return closed;
}


void
virNetServerClientClose(virNetServerClient *client)
{
    virNetServer *srv = client->srv;
    bool wasListed;
    bool wasUnauth;

    g_mutex_lock(&client->lock);
    if (client->closed) {
        g_mutex_unlock(&client->lock);
        return;
    }
    VIR_DEBUG("closing client %llu", client->id);
    client->closed = true;
    if (client->watch >= 0) {
        virEventRemoveHandle(client->watch);
        client->watch = -1;
    }
    if (client->kaTimer >= 0) {
        virEventRemoveTimeout(client->kaTimer);
        client->kaTimer = -1;
    }
    if (client->pendingTimer >= 0) {
        virEventRemoveTimeout(client->pendingTimer);
        client->pendingTimer = -1;
    }
    g_clear_pointer(&client->tls, virNetTLSSessionFree);
    if (client->fd >= 0) {
        /* A parked worker's poll holds the socket open past close(), and
         * is not woken by it: shutdown() wakes it and tells the peer. */
        if (client->parked)
            shutdown(client->fd, SHUT_RDWR);
        close(client->fd);
        client->fd = -1;
    }
    virNetMessageQueueFree(&client->tx);
    client->txTail = NULL;
    wasUnauth = client->unauth;
    client->unauth = false;
    client->handshaking = false;
    g_mutex_unlock(&client->lock);

    g_mutex_lock(&srv->lock);
    wasListed = g_ptr_array_remove(srv->clients, client);
    if (wasUnauth)
        srv->nclientsUnauth--;
    g_mutex_unlock(&srv->lock);

    if (srv->closeHook)
        srv->closeHook(client);
    if (wasListed)
        virObjectUnref(client);
}


/* ---- replies ---------------------------------------------------------- */

/* An ERROR reply to `call` carrying the thread's last error. */
static virNetMessage *
serverErrorReply(const virNetMessageHeader *call)
{
    virNetMessage *reply = virNetMessageNew();
    remote_error rerr;

    virNetMessageSaveError(&rerr);
    reply->header = *call;
    reply->header.type = VIR_NET_REPLY;
    reply->header.status = VIR_NET_ERROR;
    if (virNetMessageEncode(reply, (xdrproc_t)xdr_remote_error, &rerr) < 0) {
        virNetMessageFree(reply);
        reply = NULL;
    }
    xdr_free((xdrproc_t)xdr_remote_error, (char *)&rerr);
    return reply;
}


/* ---- workers ---------------------------------------------------------- */

/* Run one call; returns its reply, or NULL when there is none to send:
 * the function replied itself (streams; *drop false), or no reply could
 * be made (*drop true: the client must go). */
static virNetMessage *
serverRunCall(virNetServerClient *client, virNetMessage *msg,
              const serverProgram *prog, bool *drop)
{
    virNetServer *srv = client->srv;
    const virNetMessageHeader *hdr = &msg->header;
    const virWireProc *proc = virWireProgramProc(prog->wire, hdr->proc);
    virNetServerProcFunc func = NULL;
    virNetMessage *reply;
    void *args = NULL;
    void *ret = NULL;
    int rv;

    *drop = false;
    if (proc && !proc->message && (size_t)hdr->proc < prog->nfuncs)
        func = prog->funcs[hdr->proc];
    if (!proc || proc->message) {
        virReportError(VIR_ERR_NO_SUPPORT, "unknown procedure: %d",
                       hdr->proc);
        goto error;
    }
    if (!func) {
        virReportError(VIR_ERR_NO_SUPPORT,
                       "procedure %s (%d) is not supported by this server",
                       proc->name, hdr->proc);
        goto error;
    }

    args = g_malloc0(MAX(proc->args_size, 1));
    ret = g_malloc0(MAX(proc->ret_size, 1));
    if (virNetMessageDecodePayload(msg, proc->args_filter, args) < 0) {
        g_free(args);
        g_free(ret);
        goto error;
    }

    virResetLastError();
    rv = func(srv, client, msg, args, ret);

    if (rv > 0) {
        reply = NULL;           /* the function replied itself (streams) */
    } else if (rv < 0) {
        reply = serverErrorReply(hdr);
    } else {
        reply = virNetMessageNew();
        reply->header = *hdr;
        reply->header.type = VIR_NET_REPLY;
        reply->header.status = VIR_NET_OK;
        if (virNetMessageEncode(reply, proc->ret_filter, ret) < 0) {
            virNetMessageFree(reply);
            reply = serverErrorReply(hdr);
        }
    }
    xdr_free(proc->args_filter, args);
    xdr_free(proc->ret_filter, ret);
    g_free(args);
    g_free(ret);

    if (!reply && rv <= 0)
        *drop = true;
    return reply;

 error:
    if (!(reply = serverErrorReply(hdr)))
        *drop = true;
    return reply;
}


/* With the client's lock held: the parked worker's call is over (its
 * reply goes out now), so the client's next frame is the worker's to
 * read again, not the busy watch's. */
static void
serverClientDisarmBusy(virNetServerClient *client)
{
    if (!client->busyKey)
        return;
    virNetBusyWatchDisarm(client->srv->busyWatch,
                          client->closed ? -1 : client->fd, client->busyKey);
    client->busyKey = 0;
}


/* Run a job's call, queue its reply, free the job.  `parked`: on the
 * parked worker that read it. */
static void
serverJobExec(serverJob *job, bool parked)
{
    virNetServerClient *client = job->client;
    virNetMessage *reply = NULL;
    bool drop = false;

    if (!virNetServerClientIsClosed(client))
        reply = serverRunCall(client, job->msg, job->prog, &drop);

    /* One visit to the client's lock: the call is over, and its reply
     * (if any) takes over its place in max_client_requests until it is
     * written, so that a client that does not read its replies stops
     * being read instead of piling them up here. */
    g_mutex_lock(&client->lock);
    if (parked)
        serverClientDisarmBusy(client);
    if (reply && !client->closed) {
        reply->tracked = true;
        reply->bufferOffset = 0;
        serverClientPushTx(client, reply);
        if (client->tx == reply)
            serverClientWriteNow(client);
        reply = NULL;
    } else {
        client->nrequests--;
    }
    serverClientUpdateWatch(client);
    g_mutex_unlock(&client->lock);

    virNetMessageFree(reply);   /* the client closed meanwhile */
    if (drop)
        virNetServerClientClose(client);
    virNetMessageFree(job->msg);
    virObjectUnref(client);
    g_free(job);
}


static void serverClientServeParked(virNetServerClient *client);

static void
serverJobRun(void *opaque, void *srvOpaque G_GNUC_UNUSED)
{
    serverJob *job = opaque;
    virNetServerClient *client = virObjectRef(job->client);

    serverJobExec(job, false);
    serverClientServeParked(client);
    virObjectUnref(client);
}


static void
serverJobDiscard(void *opaque)
{
    serverJob *job = opaque;

    virNetMessageFree(job->msg);
    virObjectUnref(job->client);
    g_free(job);
}


/* ---- the event loop's side -------------------------------------------- */

static const serverProgram *
serverFindProgram(virNetServer *srv, unsigned int prog, unsigned int vers)
{
    const serverProgram *found = NULL;
    size_t i;

    g_mutex_lock(&srv->lock);
    for (i = 0; i < srv->programs->len; i++) {
        serverProgram *p = g_ptr_array_index(srv->programs, i);

        if (p->wire->program == prog && p->wire->version == vers) {
            found = p;
            break;
        }
    }
    g_mutex_unlock(&srv->lock);
    return found;
}


/* Jobs read from a client, to be started once its lock is released (so
 * that the worker does not start by waiting for it).  `mine`, if wanted,
 * takes the first: the reading thread runs it itself. */
typedef struct {
    GQueue jobs;                /* serverJob *, for the pool */
    bool wantMine;
    serverJob *mine;
} serverReadJobs;


/* Handle one whole frame, with the client's lock held.  The message is
 * taken.  -1: the client must be dropped. */
static int
serverClientHandleFrame(virNetServerClient *client, virNetMessage *msg,
                        serverReadJobs *rj)
{
    virNetServer *srv = client->srv;
    const serverProgram *prog;
    const virWireProc *proc;
    serverJob *job;

    if (virNetMessageDecodeHeader(msg) < 0)
        goto drop;
    if ((unsigned int)msg->header.type > VIR_NET_STREAM_HOLE ||
        (unsigned int)msg->header.status > VIR_NET_CONTINUE) {
        virReportError(VIR_ERR_RPC, "unexpected message type %d status %d",
                       msg->header.type, msg->header.status);
        goto drop;
    }

    if (virNetKeepAliveIsMessage(msg)) {
        if (msg->header.type == VIR_NET_MESSAGE &&
            msg->header.proc == VIR_NET_KEEPALIVE_PING) {
            virNetMessage *pong = virNetKeepAliveMessage(VIR_NET_KEEPALIVE_PONG);

            if (pong)
                serverClientPushTx(client, pong);
        }
        virNetMessageFree(msg);
        return 0;
    }

    if (msg->header.type != VIR_NET_CALL &&
        msg->header.type != VIR_NET_CALL_WITH_FDS) {
        if ((msg->header.type == VIR_NET_STREAM ||
             msg->header.type == VIR_NET_STREAM_HOLE) && srv->streamFunc) {
            /* Counted like a call until the handler is done with it, so
             * that a fast sender is held back by max_client_requests. */
            msg->tracked = true;
            client->nrequests++;
            virNetMessageQueuePush(&client->streamIn, msg);
            return 0;
        }
        /* Stray replies mean nothing. */
        VIR_DEBUG("client %llu: ignoring %s frame", client->id,
                  virNetMessageTypeName(msg->header.type));
        virNetMessageFree(msg);
        return 0;
    }

    prog = serverFindProgram(srv, msg->header.prog, msg->header.vers);
    if (!prog || msg->header.type == VIR_NET_CALL_WITH_FDS ||
        msg->header.status != VIR_NET_OK) {
        virNetMessage *reply;

        if (!prog)
            virReportError(VIR_ERR_RPC, "cannot find program %d version %d",
                           msg->header.prog, msg->header.vers);
        else if (msg->header.status != VIR_NET_OK)
            virReportError(VIR_ERR_RPC, "unexpected message status %d",
                           msg->header.status);
        else
            virReportError(VIR_ERR_NO_SUPPORT, "%s",
                           "file descriptor passing is not supported");
        reply = serverErrorReply(&msg->header);
        virNetMessageFree(msg);
        if (!reply)
            return -1;
        reply->header.type = VIR_NET_REPLY;
        serverClientPushTx(client, reply);
        return 0;
    }

    proc = virWireProgramProc(prog->wire, msg->header.proc);
    job = g_new0(serverJob, 1);
    job->client = virObjectRef(client);
    job->msg = msg;
    job->prog = prog;
    job->priority = proc && proc->high_priority;
    msg->tracked = true;
    client->nrequests++;
    if (rj->wantMine && !rj->mine)
        rj->mine = job;
    else
        g_queue_push_tail(&rj->jobs, job);
    return 0;

 drop:
    VIR_WARN("dropping client %llu: %s", client->id,
             virGetLastErrorMessage());
    virNetMessageFree(msg);
    return -1;
}


/* Start the jobs read, without the client's lock.  -1: the pool could not
 * take one; the client must be dropped. */
static int
serverClientSubmitJobs(virNetServerClient *client, serverReadJobs *rj)
{
    serverJob *job;
    int ret = 0;

    while ((job = g_queue_pop_head(&rj->jobs))) {
        if (ret == 0 &&
            virNetThreadPoolSubmit(client->srv->workers, job,
                                   job->priority) == 0)
            continue;
        ret = -1;
        g_mutex_lock(&client->lock);
        client->nrequests--;
        g_mutex_unlock(&client->lock);
        serverJobDiscard(job);
    }
    if (ret < 0)
        VIR_WARN("dropping client %llu: %s", client->id,
                 virGetLastErrorMessage());
    return ret;
}


/* Bytes looked at in front of a frame on a plain socket. */
#define PEEK_MAX 4096

/* At the start of a frame on a plain socket, look at what is waiting
 * without taking it: the length word sizes the frame, so that one read
 * takes it whole, and a socket that holds just this frame need not be
 * read again until poll says so.  A call then costs one read and one
 * look instead of three reads (length, body, the one that finds nothing).
 * 1: `rx` is sized, *last tells whether the frame is all there is;
 * 0: nothing is waiting; 2: let the ordinary read see (end of file,
 * errors, a partial length word); -1: bad length, drop the client. */
static int
serverClientPeekFrame(virNetServerClient *client, virNetMessage *rx,
                      bool *last)
{
    char buf[PEEK_MAX];
    ssize_t n;

    do {
        n = recv(client->fd, buf, sizeof(buf), MSG_PEEK | MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
    if (n < VIR_NET_MESSAGE_LEN_MAX)
        return 2;
    memcpy(rx->buffer, buf, VIR_NET_MESSAGE_LEN_MAX);
    rx->bufferOffset = VIR_NET_MESSAGE_LEN_MAX;
    if (virNetMessageDecodeLength(rx) < 0) {
        VIR_WARN("dropping client %llu: %s", client->id,
                 virGetLastErrorMessage());
        return -1;
    }
    rx->bufferOffset = 0;       /* the read takes the length word again */
    *last = (size_t)n == rx->bufferLength && n < PEEK_MAX;
    return 1;
}


/* Read whole frames while the client may send more; -1: drop it. */
static int
serverClientRead(virNetServerClient *client, serverReadJobs *rj)
{
    int frames = 0;
    bool last = false;

    while (frames < FRAMES_PER_EVENT &&
           client->nrequests < client->srv->cfg.maxClientRequests) {
        virNetMessage *rx = client->rx;
        ssize_t n;

        if (!client->tls && !client->sasl && rx->bufferOffset == 0 &&
            rx->bufferLength == VIR_NET_MESSAGE_LEN_MAX) {
            int r = serverClientPeekFrame(client, rx, &last);

            if (r <= 0)
                return r;
        }
        n = virNetSASLSessionRead(client->sasl, client->fd, client->tls,
                                          true, rx->buffer + rx->bufferOffset,
                                          rx->bufferLength -
                                          rx->bufferOffset);
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        rx->bufferOffset += n;
        virNetKeepAliveSeen(&client->ka, g_get_monotonic_time());
        if (rx->bufferOffset < rx->bufferLength)
            continue;
        if (rx->bufferLength == VIR_NET_MESSAGE_LEN_MAX) {
            if (virNetMessageDecodeLength(rx) < 0) {
                VIR_WARN("dropping client %llu: %s", client->id,
                         virGetLastErrorMessage());
                return -1;
            }
            continue;
        }
        client->rx = virNetMessageNew();
        virNetMessagePrepareRead(client->rx);
        frames++;
        if (serverClientHandleFrame(client, rx, rj) < 0)
            return -1;
        if (last)               /* the socket is empty: back to poll */
            return 0;
    }
    return 0;
}


static void serverClientPendingTimer(int timer, void *opaque);
static void serverObjectFree(void *opaque);

/* With the client's lock held, right after the reply that completed
 * SASL went out clear: everything from now on goes through the layer. */
static void
serverClientStartSASL(virNetServerClient *client)
{
    client->sasl = g_steal_pointer(&client->saslNext);
    /* Decoded data that poll cannot see needs the pending timer. */
    if (client->pendingTimer < 0) {
        client->pendingTimer = virEventAddTimeout(-1, serverClientPendingTimer,
                                                  virObjectRef(client),
                                                  serverObjectFree);
        if (client->pendingTimer < 0)
            virObjectUnref(client);
    }
    VIR_DEBUG("client %llu: SASL security layer on", client->id);
}


static int
serverClientWrite(virNetServerClient *client)
{
    while (client->tx) {
        virNetMessage *msg = client->tx;
        ssize_t n = virNetSASLSessionWrite(client->sasl, client->fd,
                                           client->tls,
                                           msg->buffer + msg->bufferOffset,
                                           msg->bufferLength -
                                           msg->bufferOffset);
        if (n < 0)
            return -1;
        if (n == 0)
            return 0;
        msg->bufferOffset += n;
        if (msg->bufferOffset == msg->bufferLength) {
            if (msg->tracked)   /* a reply: its call is over */
                client->nrequests--;
            if (msg->tracked && client->saslNext &&
                msg->header.serial == client->saslSerial)
                serverClientStartSASL(client);
            virNetMessageFree(virNetMessageQueueServe(&client->tx));
            if (!client->tx)
                client->txTail = NULL;
        }
    }
    return 0;
}


/* ---- TLS clients ------------------------------------------------------ */

/* One step of a client's handshake, with its lock held; once done, check
 * its certificate and tell it the verdict (a single byte 1, as libvirtd
 * does; a refused client is simply dropped).  -1: drop it. */
static int
serverClientHandshake(virNetServerClient *client)
{
    virNetServer *srv = client->srv;
    virNetMessage *ok;
    int r = virNetTLSSessionHandshake(client->tls);

    if (r == 1)
        return 0;
    if (r == 0 && virNetTLSSessionCheck(client->tls) < 0)
        r = -1;
    if (r < 0) {
        VIR_WARN("client %llu: %s", client->id, virGetLastErrorMessage());
        virResetLastError();
        return -1;
    }
    client->handshaking = false;
    if (client->kaTimer >= 0) {         /* the handshake deadline */
        virEventRemoveTimeout(client->kaTimer);
        client->kaTimer = -1;
    }
    /* Still anonymous while it has authentication to pass (SASL). */
    if (!g_atomic_int_get(&client->auth)) {
        client->unauth = false;
        g_mutex_lock(&srv->lock);
        srv->nclientsUnauth--;
        g_mutex_unlock(&srv->lock);
    }

    ok = virNetMessageNew();
    ok->buffer = g_realloc(ok->buffer, 1);
    ok->buffer[0] = 1;
    ok->bufferLength = 1;
    ok->bufferOffset = 0;
    serverClientPushTx(client, ok);
    VIR_DEBUG("client %llu: TLS session established", client->id);
    return 0;
}


static void serverClientEvent(int watch, int fd, int events, void *opaque);

/* A client still in its handshake when keepalive would have given up on
 * a silent peer (interval * (count + 1)) is dropped: it holds one of the
 * max_anonymous_clients places. */
static void
serverClientHandshakeTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virNetServerClient *client = opaque;
    bool drop;

    g_mutex_lock(&client->lock);
    drop = client->handshaking && !client->closed;
    g_mutex_unlock(&client->lock);
    if (drop) {
        VIR_WARN("client %llu: no TLS handshake in time, closing", client->id);
        virNetServerClientClose(client);
    }
}

static void
serverClientPendingTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    serverClientEvent(-1, -1, VIR_EVENT_HANDLE_READABLE, opaque);
}


/* Hand the stream frames read so far to the stream handler, outside the
 * client's lock.  One thread at a time (the loop, or a parked worker), so
 * that the frames keep their order. */
static void
serverClientDispatchStreams(virNetServerClient *client)
{
    virNetServer *srv = client->srv;

    g_mutex_lock(&client->lock);
    if (client->streamDispatching || !client->streamIn) {
        g_mutex_unlock(&client->lock);
        return;
    }
    client->streamDispatching = true;
    for (;;) {
        virNetMessage *msg = virNetMessageQueueServe(&client->streamIn);

        if (!msg)
            break;
        g_mutex_unlock(&client->lock);
        srv->streamFunc(client, msg, srv->streamOpaque);
        g_mutex_lock(&client->lock);
    }
    client->streamDispatching = false;
    g_mutex_unlock(&client->lock);
}


static void
serverClientEvent(int watch G_GNUC_UNUSED, int fd G_GNUC_UNUSED, int events,
                  void *opaque)
{
    virNetServerClient *client = opaque;
    serverReadJobs rj = { G_QUEUE_INIT, false, NULL };
    bool drop = false;

    virObjectRef(client);
    g_mutex_lock(&client->lock);
    if (client->closed) {
        g_mutex_unlock(&client->lock);
        virObjectUnref(client);
        return;
    }
    if (client->handshaking) {
        drop = serverClientHandshake(client) < 0;
        if (!drop)
            serverClientUpdateWatch(client);
        g_mutex_unlock(&client->lock);
        if (drop)
            virNetServerClientClose(client);
        virObjectUnref(client);
        return;
    }
    if (client->writeFailed)
        drop = true;
    if (!drop && events & VIR_EVENT_HANDLE_WRITABLE &&
        serverClientWrite(client) < 0)
        drop = true;
    /* A parked worker reads it now (this event was polled before). */
    if (!drop && !client->parked &&
        events & (VIR_EVENT_HANDLE_READABLE |
                  VIR_EVENT_HANDLE_HANGUP |
                  VIR_EVENT_HANDLE_ERROR)) {
        if (serverClientRead(client, &rj) < 0)
            drop = true;
        else if (client->tx && serverClientWrite(client) < 0)
            drop = true;
    }
    /* Hang-up with nothing left to read. */
    if (!drop && events & (VIR_EVENT_HANDLE_HANGUP | VIR_EVENT_HANDLE_ERROR) &&
        !(events & VIR_EVENT_HANDLE_READABLE))
        drop = true;
    if (!drop)
        serverClientUpdateWatch(client);
    g_mutex_unlock(&client->lock);
    if (serverClientSubmitJobs(client, &rj) < 0)
        drop = true;
    if (drop) {
        virResetLastError();
        virNetServerClientClose(client);
    } else {
        serverClientDispatchStreams(client);
    }
    virObjectUnref(client);
}


/* ---- parked workers ---------------------------------------------------
 *
 * A worker whose call is over may stay with its client and wait for the
 * client's next call on the socket itself, while the event loop leaves
 * the socket's input alone.  A synchronous client's call then wakes one
 * thread, which reads, runs and answers it, instead of waking the event
 * loop, which wakes a worker.  The pool takes the worker back as soon as
 * a job is queued with no other worker idle; the socket goes back to the
 * loop after PARK_MS of silence, after PARK_CALLS calls, on hang-up, or
 * when the client has more going on (calls in flight, streams, TLS,
 * SASL). */

#define PARK_MS 500

/* Calls a parked worker runs before the socket goes back to the loop for
 * one call: the loop's own work (events to every client, the writes it
 * was left) may come of these calls, and it must not fall behind a client
 * that no longer needs it. */
#define PARK_CALLS 64

/* With the client's lock held. */
static bool
serverClientParkable(virNetServerClient *client)
{
    return !client->closed && client->fd >= 0 && client->watch >= 0 &&
           !client->tls && !client->sasl && !client->saslNext &&
           !client->handshaking && !client->writeFailed && !client->tx &&
           !client->streamIn && client->nrequests == 0 &&
           !client->hearsEvents;
}


void
virNetServerClientSetHearsEvents(virNetServerClient *client)
{
    g_mutex_lock(&client->lock);
    client->hearsEvents = true;
    if (client->parked) {
        client->parked = false;
        serverClientUpdateWatch(client);
    }
    g_mutex_unlock(&client->lock);
}


/* The busy watch's thread: input came while the parked worker runs a
 * call (another thread of the client calls): the loop takes the socket
 * back at once, so that this call does not wait for the running one. */
static void
serverClientBusyInput(void *obj)
{
    virNetServerClient *client = obj;

    g_mutex_lock(&client->lock);
    if (client->parked && client->busyKey && !client->closed) {
        client->parked = false;
        serverClientUpdateWatch(client);
    }
    g_mutex_unlock(&client->lock);
}


/* With the client's lock held: park it for this thread, if it may be;
 * returns its generation (0: not parked). */
static unsigned int
serverClientPark(virNetServerClient *client)
{
    if (client->parked || !serverClientParkable(client))
        return 0;
    client->parked = true;
    if (++client->parkGen == 0)
        client->parkGen = 1;
    serverClientUpdateWatch(client);
    return client->parkGen;
}


static void
serverClientServeParked(virNetServerClient *client)
{
    virNetServer *srv = client->srv;
    int wakeFd;
    int fd = -1;
    int calls = 0;
    unsigned int gen;           /* ours while client->parkGen is this */
    bool drop = false;

    if ((wakeFd = virNetThreadPoolPark()) < 0)
        return;
    if (!srv->busyWatch) {
        virNetThreadPoolUnpark();
        return;
    }
    g_mutex_lock(&client->lock);
    if ((gen = serverClientPark(client)))
        fd = client->fd;
    g_mutex_unlock(&client->lock);

    while (gen) {
        struct pollfd pfd[2] = { { fd, POLLIN, 0 }, { wakeFd, POLLIN, 0 } };
        serverReadJobs rj = { G_QUEUE_INIT, true, NULL };
        int r = poll(pfd, 2, PARK_MS);

        if (r < 0 && errno == EINTR)
            continue;
        /* Hang-ups and errors are the loop's business, as usual. */
        if (r <= 0 || pfd[1].revents || pfd[0].revents != POLLIN ||
            virNetThreadPoolParkOver())
            break;

        /* `fd` is only touched while the client is open, under its lock. */
        g_mutex_lock(&client->lock);
        if (client->closed) {
            g_mutex_unlock(&client->lock);
            break;
        }
        if (serverClientRead(client, &rj) < 0 ||
            (client->tx && serverClientWrite(client) < 0))
            drop = true;
        /* While the call runs here, nobody polls the socket: if another
         * thread of the client calls meanwhile, the busy watch gives the
         * socket back to the loop, so that call need not wait for this
         * one.  Without a watch, the loop takes it back now. */
        if (rj.mine && !drop &&
            !(client->busyKey = virNetBusyWatchArm(srv->busyWatch, fd,
                                                   client))) {
            client->parked = false;
            gen = 0;
            serverClientUpdateWatch(client);
        }
        g_mutex_unlock(&client->lock);

        if (drop) {
            /* As the loop does: what was read before the failure runs. */
            if (rj.mine)
                g_queue_push_head(&rj.jobs, rj.mine);
            serverClientSubmitJobs(client, &rj);
            break;
        }
        /* Calls after the first one run beside it, as from the loop. */
        if (serverClientSubmitJobs(client, &rj) < 0)
            drop = true;
        serverClientDispatchStreams(client);
        if (!rj.mine)
            continue;
        serverJobExec(rj.mine, true);
        virResetLastError();
        calls++;

        g_mutex_lock(&client->lock);
        serverClientDisarmBusy(client);     /* if no reply went out */
        if (!client->parked || client->parkGen != gen)
            gen = 0;            /* the loop took the socket back */
        if (gen && (drop || calls >= PARK_CALLS ||
                    !serverClientParkable(client))) {
            client->parked = false;
            gen = 0;
            serverClientUpdateWatch(client);
        }
        g_mutex_unlock(&client->lock);
    }

    if (gen) {
        g_mutex_lock(&client->lock);
        if (client->parked && client->parkGen == gen) {
            client->parked = false;
            serverClientUpdateWatch(client);
        }
        g_mutex_unlock(&client->lock);
    }
    virNetThreadPoolUnpark();
    if (drop) {
        virResetLastError();
        virNetServerClientClose(client);
    }
}


static void
serverObjectFree(void *opaque)
{
    virObjectUnref(opaque);
}


static void
serverClientKeepAliveTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virNetServerClient *client = opaque;
    virNetKeepAliveAction act = VIR_NET_KEEPALIVE_IDLE;
    virNetMessage *ping;

    g_mutex_lock(&client->lock);
    if (!client->closed) {
        act = virNetKeepAliveTick(&client->ka, g_get_monotonic_time());
        if (act == VIR_NET_KEEPALIVE_SEND &&
            (ping = virNetKeepAliveMessage(VIR_NET_KEEPALIVE_PING))) {
            serverClientPushTx(client, ping);
            serverClientUpdateWatch(client);
        }
    }
    g_mutex_unlock(&client->lock);
    if (act == VIR_NET_KEEPALIVE_DEAD) {
        VIR_WARN("client %llu did not answer keepalive: closing", client->id);
        virNetServerClientClose(client);
    }
}


int
virNetServerClientStartKeepAlive(virNetServerClient *client)
{
    virNetServer *srv = client->srv;

    g_mutex_lock(&client->lock);
    if (!client->closed && client->kaTimer < 0 &&
        srv->cfg.keepaliveInterval > 0) {
        virNetKeepAliveInit(&client->ka, srv->cfg.keepaliveInterval,
                            srv->cfg.keepaliveCount, g_get_monotonic_time());
        virObjectRef(client);
        client->kaTimer = virEventAddTimeout(srv->cfg.keepaliveInterval * 1000,
                                             serverClientKeepAliveTimer,
                                             client, serverObjectFree);
        if (client->kaTimer < 0)
            virObjectUnref(client);
    }
    g_mutex_unlock(&client->lock);
    return 0;
}


static void
serverAddClient(serverService *svc, int fd)
{
    virNetServer *srv = svc->srv;
    virNetServerClient *client;
    size_t nclients, nunauth;

    g_mutex_lock(&srv->lock);
    nclients = srv->clients->len;
    nunauth = srv->nclientsUnauth;
    g_mutex_unlock(&srv->lock);
    if (nclients >= srv->cfg.maxClients) {
        VIR_WARN("Too many active clients (%zu), dropping connection request",
                 srv->cfg.maxClients);
        close(fd);
        return;
    }
    if ((svc->tls || svc->auth) && nunauth >= srv->cfg.maxAnonymousClients) {
        VIR_WARN("Too many clients waiting for authentication (%zu), "
                 "dropping connection request", srv->cfg.maxAnonymousClients);
        close(fd);
        return;
    }

    client = virObjectNew(&virNetServerClientClass);
    g_mutex_init(&client->lock);
    client->srv = srv;
    client->fd = fd;
    client->watch = -1;
    client->kaTimer = -1;
    client->pendingTimer = -1;
    client->readonly = svc->readonly;
    client->auth = svc->auth;
    client->local = svc->path != NULL;
    client->rx = virNetMessageNew();
    virNetMessagePrepareRead(client->rx);
    client->freeHook = srv->freeHook;
    if (svc->tls) {
        if (!(client->tls = virNetTLSSessionNew(svc->tls, fd, NULL))) {
            VIR_WARN("%s", virGetLastErrorMessage());
            virResetLastError();
            client->fd = -1;
            close(fd);
            virObjectUnref(client);
            return;
        }
        client->handshaking = true;
        client->pendingTimer = virEventAddTimeout(-1, serverClientPendingTimer,
                                                  virObjectRef(client),
                                                  serverObjectFree);
        if (client->pendingTimer < 0)
            virObjectUnref(client);
        if (srv->cfg.keepaliveInterval > 0) {
            int ms = srv->cfg.keepaliveInterval *
                     (srv->cfg.keepaliveCount + 1) * 1000;

            client->kaTimer = virEventAddTimeout(ms, serverClientHandshakeTimer,
                                                 virObjectRef(client),
                                                 serverObjectFree);
            if (client->kaTimer < 0)
                virObjectUnref(client);
        }
    }

    g_mutex_lock(&srv->lock);
    client->id = ++srv->nextClientID;
    g_ptr_array_add(srv->clients, client);    /* the list's reference */
    client->unauth = client->handshaking || client->auth;
    if (client->unauth)
        srv->nclientsUnauth++;
    g_mutex_unlock(&srv->lock);

    if (srv->init)
        client->priv = srv->init(client, srv->opaque);

    g_mutex_lock(&client->lock);
    virObjectRef(client);
    client->watchEvents = VIR_EVENT_HANDLE_READABLE;
    client->watch = virEventAddHandle(fd, client->watchEvents,
                                      serverClientEvent, client,
                                      serverObjectFree);
    if (client->watch >= 0)
        serverClientUpdateWatch(client);
    g_mutex_unlock(&client->lock);
    if (client->watch < 0) {
        virObjectUnref(client);
        virNetServerClientClose(client);
        return;
    }
    VIR_DEBUG("new client %llu (readonly=%d)", client->id, svc->readonly);
}


static void
serverServiceEvent(int watch G_GNUC_UNUSED, int fd, int events G_GNUC_UNUSED,
                   void *opaque)
{
    serverService *svc = opaque;
    int cfd;

    while ((cfd = virNetSocketAccept(fd)) >= 0)
        serverAddClient(svc, cfd);
    if (cfd == -1) {
        VIR_WARN("%s", virGetLastErrorMessage());
        virResetLastError();
    }
}


/* ---- the server ------------------------------------------------------- */

virNetServer *
virNetServerNew(const virNetServerConfig *cfg,
                virNetServerClientInitFunc init,
                virNetServerClientCloseFunc closeHook,
                virNetServerClientFreeFunc freeHook, void *opaque)
{
    virNetServer *srv = g_new0(virNetServer, 1);

    g_mutex_init(&srv->lock);
    srv->cfg = *cfg;
    if (srv->cfg.maxClientRequests < 1)
        srv->cfg.maxClientRequests = 1;
    srv->services = g_ptr_array_new();
    srv->clients = g_ptr_array_new();
    srv->programs = g_ptr_array_new_with_free_func(g_free);
    srv->init = init;
    srv->closeHook = closeHook;
    srv->freeHook = freeHook;
    srv->opaque = opaque;
    srv->workers = virNetThreadPoolNew(cfg->minWorkers, cfg->maxWorkers,
                                       cfg->prioWorkers, serverJobRun, srv);
    if (!srv->workers) {
        virNetServerFree(srv);
        return NULL;
    }
    /* Without it, workers never park: calls just take the longer way. */
    if (!(srv->busyWatch = virNetBusyWatchNew(serverClientBusyInput,
                                              virObjectRef,
                                              serverObjectFree)))
        virResetLastError();
    return srv;
}


int
virNetServerAddProgram(virNetServer *srv, const virWireProgram *wire,
                       const virNetServerProcFunc *funcs, size_t nfuncs)
{
    serverProgram *p = g_new0(serverProgram, 1);

    p->wire = wire;
    p->funcs = funcs;
    p->nfuncs = nfuncs;
    g_mutex_lock(&srv->lock);
    g_ptr_array_add(srv->programs, p);
    g_mutex_unlock(&srv->lock);
    return 0;
}


static void
serviceFree(void *opaque)
{
    serverService *svc = opaque;

    virNetTLSContextUnref(svc->tls);
    g_free(svc->path);
    g_free(svc);
}


int
virNetServerAddTCPService(virNetServer *srv, const char *addr,
                          const char *port, virNetTLSContext *tls,
                          int *boundPort)
{
    return virNetServerAddTCPServiceAuth(srv, addr, port, tls, 0, boundPort);
}


int
virNetServerAddTCPServiceAuth(virNetServer *srv, const char *addr,
                              const char *port, virNetTLSContext *tls,
                              int auth, int *boundPort)
{
    g_autofree int *fds = NULL;
    int nfds, i;

    if (virEventRequireImpl() < 0)
        return -1;
    if ((nfds = virNetSocketListenTCP(addr, port, &fds)) < 0)
        return -1;
    if (boundPort)
        *boundPort = virNetSocketGetLocalPort(fds[0]);
    for (i = 0; i < nfds; i++) {
        serverService *svc = g_new0(serverService, 1);

        svc->srv = srv;
        svc->fd = fds[i];
        svc->tls = tls ? virNetTLSContextRef(tls) : NULL;
        svc->auth = auth;
        svc->watch = virEventAddHandle(fds[i], VIR_EVENT_HANDLE_READABLE,
                                       serverServiceEvent, svc, NULL);
        if (svc->watch < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Unable to watch TCP port %s", port);
            for (; i < nfds; i++)
                close(fds[i]);
            serviceFree(svc);
            return -1;
        }
        g_mutex_lock(&srv->lock);
        g_ptr_array_add(srv->services, svc);
        g_mutex_unlock(&srv->lock);
    }
    return 0;
}


int
virNetServerAddUnixService(virNetServer *srv, const char *path, mode_t mode,
                           gid_t grp, bool readonly)
{
    return virNetServerAddUnixServiceAuth(srv, path, mode, grp, readonly, 0);
}


int
virNetServerAddUnixServiceAuth(virNetServer *srv, const char *path,
                               mode_t mode, gid_t grp, bool readonly,
                               int auth)
{
    serverService *svc;
    int fd;

    if (virEventRequireImpl() < 0)
        return -1;
    if ((fd = virNetSocketListenUnix(path, mode, grp)) < 0)
        return -1;
    svc = g_new0(serverService, 1);
    svc->srv = srv;
    svc->path = g_strdup(path);
    svc->fd = fd;
    svc->readonly = readonly;
    svc->auth = auth;
    svc->watch = virEventAddHandle(fd, VIR_EVENT_HANDLE_READABLE,
                                   serverServiceEvent, svc, NULL);
    if (svc->watch < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to watch the socket '%s'", path);
        close(fd);
        unlink(path);
        serviceFree(svc);
        return -1;
    }
    g_mutex_lock(&srv->lock);
    g_ptr_array_add(srv->services, svc);
    g_mutex_unlock(&srv->lock);
    return 0;
}


size_t
virNetServerClientCount(virNetServer *srv)
{
    size_t n;

    g_mutex_lock(&srv->lock);
    n = srv->clients->len;
    g_mutex_unlock(&srv->lock);
    return n;
}


void
virNetServerClose(virNetServer *srv)
{
    GPtrArray *clients;
    size_t i;

    g_mutex_lock(&srv->lock);
    if (srv->closed) {
        g_mutex_unlock(&srv->lock);
        return;
    }
    srv->closed = true;
    for (i = 0; i < srv->services->len; i++) {
        serverService *svc = g_ptr_array_index(srv->services, i);

        virEventRemoveHandle(svc->watch);
        close(svc->fd);
        if (svc->path)
            unlink(svc->path);
    }
    clients = g_ptr_array_new();
    for (i = 0; i < srv->clients->len; i++)
        g_ptr_array_add(clients, virObjectRef(srv->clients->pdata[i]));
    g_mutex_unlock(&srv->lock);

    for (i = 0; i < clients->len; i++) {
        virNetServerClientClose(clients->pdata[i]);
        virObjectUnref(clients->pdata[i]);
    }
    g_ptr_array_free(clients, TRUE);

    virNetThreadPoolFree(srv->workers, serverJobDiscard);
    srv->workers = NULL;
    /* No worker is left to arm it. */
    virNetBusyWatchFree(srv->busyWatch);
    srv->busyWatch = NULL;
}


void
virNetServerFree(virNetServer *srv)
{
    if (!srv)
        return;
    virNetServerClose(srv);
    /* The services' watches have no free callback: safe to free now. */
    g_ptr_array_set_free_func(srv->services, serviceFree);
    g_ptr_array_free(srv->services, TRUE);
    g_ptr_array_free(srv->clients, TRUE);
    g_ptr_array_free(srv->programs, TRUE);
    g_mutex_clear(&srv->lock);
    g_free(srv);
}


/* ---- streams (the daemon's stream code) ------------------------------- */

void
virNetServerSetStreamHandler(virNetServer *srv, virNetServerStreamFunc func,
                             void *opaque)
{
    g_mutex_lock(&srv->lock);
    srv->streamFunc = func;
    srv->streamOpaque = opaque;
    g_mutex_unlock(&srv->lock);
}


void
virNetServerClientStreamFrameDone(virNetServerClient *client)
{
    g_mutex_lock(&client->lock);
    if (client->nrequests > 0)
        client->nrequests--;
    serverClientUpdateWatch(client);
    g_mutex_unlock(&client->lock);
}


size_t
virNetServerClientTxQueued(virNetServerClient *client)
{
    virNetMessage *msg;
    size_t n = 0;

    g_mutex_lock(&client->lock);
    for (msg = client->tx; msg; msg = msg->next)
        n++;
    g_mutex_unlock(&client->lock);
    return n;
}
