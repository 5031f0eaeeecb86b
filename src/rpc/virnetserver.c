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

#include <string.h>
#include <unistd.h>

#include "rpc/virnetkeepalive.h"
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
    char *path;
    int fd;
    int watch;
    bool readonly;
} serverService;

struct _virNetServer {
    GMutex lock;
    virNetServerConfig cfg;
    GPtrArray *services;        /* serverService * */
    GPtrArray *clients;         /* virNetServerClient *, one reference each */
    GPtrArray *programs;        /* serverProgram * */
    virNetThreadPool *workers;
    unsigned long long nextClientID;
    bool closed;

    virNetServerClientInitFunc init;
    virNetServerClientCloseFunc closeHook;
    virNetServerClientFreeFunc freeHook;
    void *opaque;
};

struct _virNetServerClient {
    virObject parent;
    GMutex lock;
    virNetServer *srv;          /* outlives its clients' sockets */
    unsigned long long id;
    int fd;                     /* -1 once closed */
    int watch;
    int kaTimer;
    bool readonly;
    bool closed;
    virNetMessage *rx;
    virNetMessage *tx;
    size_t nrequests;           /* calls queued or running */
    virNetKeepAlive ka;

    void *priv;
    virNetServerClientFreeFunc freeHook;
};

typedef struct {
    virNetServerClient *client;  /* a reference */
    virNetMessage *msg;
    const serverProgram *prog;
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
    if (client->fd >= 0)
        close(client->fd);
    virNetMessageFree(client->rx);
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


/* With the client's lock held. */
static void
serverClientUpdateWatch(virNetServerClient *client)
{
    int events = 0;

    if (client->closed || client->watch < 0)
        return;
    if (client->nrequests < client->srv->cfg.maxClientRequests)
        events |= VIR_EVENT_HANDLE_READABLE;
    if (client->tx)
        events |= VIR_EVENT_HANDLE_WRITABLE;
    virEventUpdateHandle(client->watch, events);
}


void
virNetServerClientSendMessage(virNetServerClient *client, virNetMessage *msg)
{
    g_mutex_lock(&client->lock);
    if (client->closed) {
        virNetMessageFree(msg);
    } else {
        msg->bufferOffset = 0;
        virNetMessageQueuePush(&client->tx, msg);
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
    if (client->fd >= 0) {
        close(client->fd);
        client->fd = -1;
    }
    virNetMessageQueueFree(&client->tx);
    g_mutex_unlock(&client->lock);

    g_mutex_lock(&srv->lock);
    wasListed = g_ptr_array_remove(srv->clients, client);
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


static void
serverSendError(virNetServerClient *client, const virNetMessageHeader *call)
{
    virNetMessage *reply = serverErrorReply(call);

    if (reply)
        virNetServerClientSendMessage(client, reply);
    else
        virNetServerClientClose(client);
}


/* ---- workers ---------------------------------------------------------- */

static void
serverRunCall(virNetServerClient *client, virNetMessage *msg,
              const serverProgram *prog)
{
    virNetServer *srv = client->srv;
    const virNetMessageHeader *hdr = &msg->header;
    const virWireProc *proc = virWireProgramProc(prog->wire, hdr->proc);
    virNetServerProcFunc func = NULL;
    virNetMessage *reply;
    void *args = NULL;
    void *ret = NULL;
    int rv;

    if (proc && !proc->message && (size_t)hdr->proc < prog->nfuncs)
        func = prog->funcs[hdr->proc];
    if (!proc || proc->message) {
        virReportError(VIR_ERR_NO_SUPPORT, "unknown procedure: %d",
                       hdr->proc);
        serverSendError(client, hdr);
        return;
    }
    if (!func) {
        virReportError(VIR_ERR_NO_SUPPORT,
                       "procedure %s (%d) is not supported by this server",
                       proc->name, hdr->proc);
        serverSendError(client, hdr);
        return;
    }

    args = g_malloc0(MAX(proc->args_size, 1));
    ret = g_malloc0(MAX(proc->ret_size, 1));
    if (virNetMessageDecodePayload(msg, proc->args_filter, args) < 0) {
        g_free(args);
        g_free(ret);
        serverSendError(client, hdr);
        return;
    }

    virResetLastError();
    rv = func(srv, client, msg, args, ret);

    if (rv < 0) {
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

    if (reply)
        virNetServerClientSendMessage(client, reply);
    else
        virNetServerClientClose(client);
}


static void
serverJobRun(void *opaque, void *srvOpaque G_GNUC_UNUSED)
{
    serverJob *job = opaque;
    virNetServerClient *client = job->client;

    if (!virNetServerClientIsClosed(client))
        serverRunCall(client, job->msg, job->prog);

    g_mutex_lock(&client->lock);
    client->nrequests--;
    serverClientUpdateWatch(client);
    g_mutex_unlock(&client->lock);

    virNetMessageFree(job->msg);
    virObjectUnref(client);
    g_free(job);
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


/* Handle one whole frame, with the client's lock held.  The message is
 * taken.  -1: the client must be dropped. */
static int
serverClientHandleFrame(virNetServerClient *client, virNetMessage *msg)
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
                virNetMessageQueuePush(&client->tx, pong);
        }
        virNetMessageFree(msg);
        return 0;
    }

    if (msg->header.type != VIR_NET_CALL &&
        msg->header.type != VIR_NET_CALL_WITH_FDS) {
        /* Streams are not served yet; stray replies mean nothing. */
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
        virNetMessageQueuePush(&client->tx, reply);
        return 0;
    }

    proc = virWireProgramProc(prog->wire, msg->header.proc);
    job = g_new0(serverJob, 1);
    job->client = virObjectRef(client);
    job->msg = msg;
    job->prog = prog;
    msg->tracked = true;
    client->nrequests++;
    if (virNetThreadPoolSubmit(srv->workers, job,
                               proc && proc->high_priority) < 0) {
        client->nrequests--;
        job->msg = NULL;
        serverJobDiscard(job);
        goto drop;
    }
    return 0;

 drop:
    VIR_WARN("dropping client %llu: %s", client->id,
             virGetLastErrorMessage());
    virNetMessageFree(msg);
    return -1;
}


/* Read whole frames while the client may send more; -1: drop it. */
static int
serverClientRead(virNetServerClient *client)
{
    int frames = 0;

    while (frames < FRAMES_PER_EVENT &&
           client->nrequests < client->srv->cfg.maxClientRequests) {
        virNetMessage *rx = client->rx;
        ssize_t n = virNetSocketRead(client->fd,
                                     rx->buffer + rx->bufferOffset,
                                     rx->bufferLength - rx->bufferOffset);
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
        if (serverClientHandleFrame(client, rx) < 0)
            return -1;
    }
    return 0;
}


static int
serverClientWrite(virNetServerClient *client)
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


static void
serverClientEvent(int watch G_GNUC_UNUSED, int fd G_GNUC_UNUSED, int events,
                  void *opaque)
{
    virNetServerClient *client = opaque;
    bool drop = false;

    virObjectRef(client);
    g_mutex_lock(&client->lock);
    if (client->closed) {
        g_mutex_unlock(&client->lock);
        virObjectUnref(client);
        return;
    }
    if (events & VIR_EVENT_HANDLE_WRITABLE && serverClientWrite(client) < 0)
        drop = true;
    if (!drop && events & (VIR_EVENT_HANDLE_READABLE |
                           VIR_EVENT_HANDLE_HANGUP |
                           VIR_EVENT_HANDLE_ERROR)) {
        if (serverClientRead(client) < 0)
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
    if (drop) {
        virResetLastError();
        virNetServerClientClose(client);
    }
    virObjectUnref(client);
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
            virNetMessageQueuePush(&client->tx, ping);
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
    size_t nclients;

    g_mutex_lock(&srv->lock);
    nclients = srv->clients->len;
    g_mutex_unlock(&srv->lock);
    if (nclients >= srv->cfg.maxClients) {
        VIR_WARN("Too many active clients (%zu), dropping connection request",
                 srv->cfg.maxClients);
        close(fd);
        return;
    }

    client = virObjectNew(&virNetServerClientClass);
    g_mutex_init(&client->lock);
    client->srv = srv;
    client->fd = fd;
    client->watch = -1;
    client->kaTimer = -1;
    client->readonly = svc->readonly;
    client->rx = virNetMessageNew();
    virNetMessagePrepareRead(client->rx);
    client->freeHook = srv->freeHook;

    g_mutex_lock(&srv->lock);
    client->id = ++srv->nextClientID;
    g_ptr_array_add(srv->clients, client);    /* the list's reference */
    g_mutex_unlock(&srv->lock);

    if (srv->init)
        client->priv = srv->init(client, srv->opaque);

    g_mutex_lock(&client->lock);
    virObjectRef(client);
    client->watch = virEventAddHandle(fd, VIR_EVENT_HANDLE_READABLE,
                                      serverClientEvent, client,
                                      serverObjectFree);
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

    g_free(svc->path);
    g_free(svc);
}


int
virNetServerAddUnixService(virNetServer *srv, const char *path, mode_t mode,
                           gid_t grp, bool readonly)
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
