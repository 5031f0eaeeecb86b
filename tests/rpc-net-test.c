/* rpc-net-test: framing, keepalive bookkeeping, the worker pool, and a
 * virNetClient talking to a virNetServer over a unix socket.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The server runs a toy set of procedures of the remote program
 * (CONNECT_GET_TYPE answers, CONNECT_GET_VERSION fails with an error,
 * DOMAIN_GET_INFO sleeps).  Hostile clients send garbage, too short and
 * too long frames and are dropped while a well-behaved client keeps being
 * served.
 */
#include <config.h>

#include <errno.h>
#include <glib.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rpc/virnetclient.h"
#include "rpc/virnetkeepalive.h"
#include "rpc/virnetmessage.h"
#include "rpc/virnetserver.h"
#include "rpc/virnetsocket.h"
#include "rpc/virnetthreadpool.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "tap.h"

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* ---- framing ---------------------------------------------------------- */

static void
testFraming(void)
{
    g_autoptr(virNetMessage) msg = virNetMessageNew();
    g_autoptr(virNetMessage) in = virNetMessageNew();
    remote_connect_open_args args = { 0 };
    remote_connect_open_args back = { 0 };
    char *name = (char *)"test:///default";
    guint32 be;

    msg->header.prog = REMOTE_PROGRAM;
    msg->header.vers = REMOTE_PROTOCOL_VERSION;
    msg->header.proc = REMOTE_PROC_CONNECT_OPEN;
    msg->header.type = VIR_NET_CALL;
    msg->header.serial = 7;
    msg->header.status = VIR_NET_OK;
    args.name = &name;
    args.flags = 1;
    ok(virNetMessageEncode(msg, (xdrproc_t)xdr_remote_connect_open_args,
                           &args) == 0, "encode a CALL");
    /* 4 + 24 + (1 flag + 4 len + 16 bytes) + 4 flags */
    is_int(msg->bufferLength, 4 + 24 + 4 + 4 + 16 + 4, "frame length");
    memcpy(&be, msg->buffer, 4);
    is_int(GUINT32_FROM_BE(be), msg->bufferLength, "length word counts itself");

    /* Read it back the way a peer does: length word, then the rest. */
    virNetMessagePrepareRead(in);
    memcpy(in->buffer, msg->buffer, 4);
    in->bufferOffset = 4;
    ok(virNetMessageDecodeLength(in) == 0, "decode the length");
    memcpy(in->buffer, msg->buffer, msg->bufferLength);
    in->bufferOffset = msg->bufferLength;
    ok(virNetMessageDecodeHeader(in) == 0, "decode the header");
    is_int(in->header.serial, 7, "serial");
    is_int(in->header.proc, REMOTE_PROC_CONNECT_OPEN, "proc");
    ok(virNetMessageDecodePayload(in,
                                  (xdrproc_t)xdr_remote_connect_open_args,
                                  &back) == 0, "decode the payload");
    is_str(back.name ? *back.name : NULL, "test:///default", "name");
    is_int(back.flags, 1, "flags");
    xdr_free((xdrproc_t)xdr_remote_connect_open_args, (char *)&back);

    /* A payload decoded with the wrong codec leaves trailing bytes. */
    memset(&back, 0, sizeof(back));
    ok(virNetMessageDecodePayload(in, (xdrproc_t)xdr_void, NULL) < 0,
       "trailing bytes are refused");

    /* Length words out of range. */
    virNetMessagePrepareRead(in);
    be = GUINT32_TO_BE(27);
    memcpy(in->buffer, &be, 4);
    in->bufferOffset = 4;
    ok(virNetMessageDecodeLength(in) < 0, "length 27 is too short");
    is_int(virGetLastErrorCode(), VIR_ERR_RPC, "... VIR_ERR_RPC");
    be = GUINT32_TO_BE(VIR_NET_MESSAGE_MAX + VIR_NET_MESSAGE_LEN_MAX + 1);
    memcpy(in->buffer, &be, 4);
    ok(virNetMessageDecodeLength(in) < 0, "MESSAGE_MAX + 5 is too long");
    be = GUINT32_TO_BE(VIR_NET_MESSAGE_MAX + VIR_NET_MESSAGE_LEN_MAX);
    memcpy(in->buffer, &be, 4);
    ok(virNetMessageDecodeLength(in) == 0, "MESSAGE_MAX + 4 is the limit");

    /* A string longer than STRING_MAX cannot be encoded. */
    {
        g_autofree char *huge = g_malloc(VIR_NET_MESSAGE_STRING_MAX + 2);
        remote_connect_get_capabilities_ret big = { huge };

        memset(huge, 'x', VIR_NET_MESSAGE_STRING_MAX + 1);
        huge[VIR_NET_MESSAGE_STRING_MAX + 1] = '\0';
        ok(virNetMessageEncode(msg,
                               (xdrproc_t)xdr_remote_connect_get_capabilities_ret,
                               &big) < 0, "a string over STRING_MAX fails");
        huge[VIR_NET_MESSAGE_STRING_MAX - 1000] = '\0';
        ok(virNetMessageEncode(msg,
                               (xdrproc_t)xdr_remote_connect_get_capabilities_ret,
                               &big) == 0, "a 4 MB string is fine (buffer grows)");
    }
}


static void
testErrors(void)
{
    remote_error rerr;

    virReportErrorFull(VIR_FROM_TEST, VIR_ERR_NO_DOMAIN, __FILE__, __func__,
                       __LINE__, "no domain with matching name '%s'", "x");
    virNetMessageSaveError(&rerr);
    virResetLastError();
    is_int(rerr.code, VIR_ERR_NO_DOMAIN, "saved code");
    is_int(rerr.domain, VIR_FROM_TEST, "saved domain");
    virNetMessageRaiseError(&rerr);
    is_int(virGetLastErrorCode(), VIR_ERR_NO_DOMAIN, "raised code");
    is_str(virGetLastErrorMessage(),
           "Domain not found: no domain with matching name 'x'",
           "raised message");
    xdr_free((xdrproc_t)xdr_remote_error, (char *)&rerr);

    virResetLastError();
    virNetMessageSaveError(&rerr);
    is_int(rerr.code, VIR_ERR_INTERNAL_ERROR, "no error set: a generic one");
    xdr_free((xdrproc_t)xdr_remote_error, (char *)&rerr);
    virResetLastError();
}


static void
testKeepAlive(void)
{
    virNetKeepAlive ka;
    gint64 s = G_USEC_PER_SEC;

    virNetKeepAliveInit(&ka, 5, 2, 0);
    is_int(virNetKeepAliveTick(&ka, 4 * s), VIR_NET_KEEPALIVE_IDLE,
           "busy peer: nothing to do");
    is_int(virNetKeepAliveTick(&ka, 5 * s), VIR_NET_KEEPALIVE_SEND,
           "idle 5 s: ping");
    is_int(virNetKeepAliveTick(&ka, 10 * s), VIR_NET_KEEPALIVE_SEND,
           "still idle: ping again");
    is_int(virNetKeepAliveTick(&ka, 15 * s), VIR_NET_KEEPALIVE_DEAD,
           "count pings unanswered: dead");
    virNetKeepAliveSeen(&ka, 16 * s);
    is_int(virNetKeepAliveTick(&ka, 17 * s), VIR_NET_KEEPALIVE_IDLE,
           "traffic resets the count");
    virNetKeepAliveInit(&ka, -1, 5, 0);
    is_int(virNetKeepAliveTick(&ka, 100 * s), VIR_NET_KEEPALIVE_IDLE,
           "interval -1: disabled");
}


/* ---- the worker pool ---------------------------------------------------- */

static GMutex poolLock;
static GCond poolCond;
static int poolDone;
static bool poolRelease;

static void
poolJob(void *job, void *opaque G_GNUC_UNUSED)
{
    int kind = GPOINTER_TO_INT(job);

    g_mutex_lock(&poolLock);
    if (kind == 1) {            /* slow: waits for the release */
        while (!poolRelease)
            g_cond_wait(&poolCond, &poolLock);
    }
    poolDone++;
    g_cond_broadcast(&poolCond);
    g_mutex_unlock(&poolLock);
}


static void
testThreadPool(void)
{
    virNetThreadPool *pool = virNetThreadPoolNew(1, 2, 1, poolJob, NULL);
    gint64 deadline = g_get_monotonic_time() + 5 * G_USEC_PER_SEC;
    bool timedOut = false;

    ok(pool != NULL, "pool with 1..2 workers and 1 priority worker");
    /* Two slow jobs occupy both ordinary workers; a priority job must
     * still run, an ordinary one must wait. */
    virNetThreadPoolSubmit(pool, GINT_TO_POINTER(1), false);
    virNetThreadPoolSubmit(pool, GINT_TO_POINTER(1), false);
    virNetThreadPoolSubmit(pool, GINT_TO_POINTER(0), false);
    virNetThreadPoolSubmit(pool, GINT_TO_POINTER(0), true);
    g_mutex_lock(&poolLock);
    while (poolDone < 1 && !timedOut)
        timedOut = !g_cond_wait_until(&poolCond, &poolLock, deadline);
    g_usleep(100000);
    is_int(poolDone, 1, "only the priority job ran while both were busy");
    poolRelease = true;
    g_cond_broadcast(&poolCond);
    while (poolDone < 4 && !timedOut)
        timedOut = !g_cond_wait_until(&poolCond, &poolLock, deadline);
    g_mutex_unlock(&poolLock);
    is_int(poolDone, 4, "then everything ran");
    is_int(virNetThreadPoolWorkers(pool), 2, "grew to max_workers");
    is_int(virNetThreadPoolPrioWorkers(pool), 1, "one priority worker");
    virNetThreadPoolFree(pool, NULL);
}


/* ---- client and server ------------------------------------------------- */

static int
procGetType(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client,
            virNetMessage *msg G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
            void *ret_)
{
    remote_connect_get_type_ret *ret = ret_;

    ret->type = g_strdup(virNetServerClientIsReadonly(client) ?
                         "RO" : "RW");
    return 0;
}


static int
procGetVersion(virNetServer *srv G_GNUC_UNUSED,
               virNetServerClient *client G_GNUC_UNUSED,
               virNetMessage *msg G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
               void *ret G_GNUC_UNUSED)
{
    virReportErrorFull(VIR_FROM_TEST, VIR_ERR_OPERATION_INVALID, __FILE__,
                       __func__, __LINE__, "%s", "no version today");
    return -1;
}


static int
procSupportsFeature(virNetServer *srv G_GNUC_UNUSED,
                    virNetServerClient *client,
                    virNetMessage *msg G_GNUC_UNUSED, void *args_,
                    void *ret_)
{
    remote_connect_supports_feature_args *args = args_;
    remote_connect_supports_feature_ret *ret = ret_;

    if (args->feature == 10)
        virNetServerClientStartKeepAlive(client);
    ret->supported = 1;
    return 0;
}


static int closedClients;

static void *
clientInit(virNetServerClient *client G_GNUC_UNUSED, void *opaque)
{
    return g_strdup(opaque);
}

static void
clientClosed(virNetServerClient *client G_GNUC_UNUSED)
{
    g_atomic_int_inc(&closedClients);
}

static volatile gint loopQuit;

static gpointer
loopMain(gpointer opaque G_GNUC_UNUSED)
{
    while (!g_atomic_int_get(&loopQuit))
        virEventRunDefaultImpl();
    return NULL;
}

static void
wakeLoop(int timer, void *opaque G_GNUC_UNUSED)
{
    virEventUpdateTimeout(timer, -1);
}


static void
keepWaking(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


/* Write `len` raw bytes on a fresh connection, then see whether the server
 * hangs up (true) within 2 s. */
static bool
rawDropped(const char *path, const void *data, size_t len)
{
    int fd = virNetSocketConnectUnix(path);
    struct pollfd pfd = { fd, POLLIN, 0 };
    char buf[256];
    bool dropped = false;
    gint64 end = g_get_monotonic_time() + 2 * G_USEC_PER_SEC;

    if (fd < 0)
        return false;
    if (write(fd, data, len) != (ssize_t)len) {
        close(fd);
        return false;
    }
    while (g_get_monotonic_time() < end) {
        ssize_t n;

        if (poll(&pfd, 1, 200) <= 0)
            continue;
        n = read(fd, buf, sizeof(buf));
        if (n == 0 || (n < 0 && errno != EAGAIN)) {
            dropped = true;
            break;
        }
    }
    close(fd);
    return dropped;
}


static void
testClientServer(void)
{
    g_autofree char *dir = g_dir_make_tmp("rpc-net-XXXXXX", NULL);
    g_autofree char *rw = g_build_filename(dir, "sock", NULL);
    g_autofree char *ro = g_build_filename(dir, "sock-ro", NULL);
    virNetServerProcFunc funcs[REMOTE_PROC_CONNECT_SUPPORTS_FEATURE + 1] = { 0 };
    virNetServerConfig cfg;
    virNetServer *srv;
    virNetClient *c1 = NULL, *c2 = NULL;
    remote_connect_get_type_ret tret = { 0 };
    remote_connect_supports_feature_args fargs = { 10 };
    remote_connect_supports_feature_ret fret = { 0 };
    GThread *loop;
    int timer;
    int i;

    funcs[REMOTE_PROC_CONNECT_GET_TYPE] = procGetType;
    funcs[REMOTE_PROC_CONNECT_GET_VERSION] = procGetVersion;
    funcs[REMOTE_PROC_CONNECT_SUPPORTS_FEATURE] = procSupportsFeature;

    ok(virEventRegisterDefaultImpl() == 0, "default event loop");
    timer = virEventAddTimeout(-1, wakeLoop, NULL, NULL);
    loop = g_thread_new("loop", loopMain, NULL);

    virNetServerConfigDefaults(&cfg);
    cfg.keepaliveInterval = 1;
    cfg.keepaliveCount = 1;
    srv = virNetServerNew(&cfg, clientInit, clientClosed, g_free,
                          (void *)"private");
    ok(srv != NULL, "server");
    virNetServerAddProgram(srv, &virWireProgramRemote, funcs,
                           G_N_ELEMENTS(funcs));
    ok(virNetServerAddUnixService(srv, rw, 0700, -1, false) == 0,
       "listen on the read-write socket");
    ok(virNetServerAddUnixService(srv, ro, 0777, -1, true) == 0,
       "listen on the read-only socket");

    c1 = virNetClientNewUnix(rw);
    ok(c1 != NULL, "client connects");
    if (!c1)
        goto cleanup;
    virNetClientRegisterEvents(c1);
    ok(virNetClientCall(c1, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                        REMOTE_PROC_CONNECT_GET_TYPE, NULL, NULL,
                        (xdrproc_t)xdr_remote_connect_get_type_ret,
                        &tret) == 0, "a call");
    is_str(tret.type, "RW", "its reply");
    xdr_free((xdrproc_t)xdr_remote_connect_get_type_ret, (char *)&tret);

    ok(virNetClientCall(c1, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                        REMOTE_PROC_CONNECT_GET_VERSION, NULL, NULL,
                        (xdrproc_t)xdr_remote_connect_get_version_ret,
                        &tret) < 0, "a failing call");
    is_int(virGetLastErrorCode(), VIR_ERR_OPERATION_INVALID,
           "the server's error code");
    is_int(virGetLastErrorDomain(), VIR_FROM_TEST, "... and domain");
    is_str(virGetLastErrorMessage(),
           "Requested operation is not valid: no version today",
           "... and message");

    ok(virNetClientCall(c1, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION, 9999,
                        NULL, NULL, NULL, NULL) < 0, "unknown procedure");
    is_int(virGetLastErrorCode(), VIR_ERR_NO_SUPPORT, "... VIR_ERR_NO_SUPPORT");
    ok(virNetClientCall(c1, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                        REMOTE_PROC_DOMAIN_GET_INFO, NULL, NULL, NULL,
                        NULL) < 0, "known procedure without a function");
    is_int(virGetLastErrorCode(), VIR_ERR_NO_SUPPORT, "... VIR_ERR_NO_SUPPORT");
    ok(virNetClientCall(c1, 0x1234, 1, 1, NULL, NULL, NULL, NULL) < 0,
       "unknown program");
    is_int(virGetLastErrorCode(), VIR_ERR_RPC, "... VIR_ERR_RPC");

    c2 = virNetClientNewUnix(ro);
    ok(c2 && virNetClientCall(c2, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                              REMOTE_PROC_CONNECT_GET_TYPE, NULL, NULL,
                              (xdrproc_t)xdr_remote_connect_get_type_ret,
                              &tret) == 0 && g_strcmp0(tret.type, "RO") == 0,
       "the read-only socket's clients are read-only");
    xdr_free((xdrproc_t)xdr_remote_connect_get_type_ret, (char *)&tret);

    /* Hostile clients. */
    {
        guint32 small = GUINT32_TO_BE(12);
        guint32 huge = GUINT32_TO_BE(VIR_NET_MESSAGE_MAX + 5);
        guint32 badtype[7] = { GUINT32_TO_BE(28), GUINT32_TO_BE(REMOTE_PROGRAM),
                               GUINT32_TO_BE(1), GUINT32_TO_BE(3),
                               GUINT32_TO_BE(77), 0, 0 };
        char garbage[64];

        memset(garbage, 0xff, sizeof(garbage));
        ok(rawDropped(rw, &small, 4), "a 12-byte frame drops the client");
        ok(rawDropped(rw, &huge, 4), "an oversized frame drops the client");
        ok(rawDropped(rw, garbage, sizeof(garbage)),
           "garbage drops the client");
        ok(rawDropped(rw, badtype, sizeof(badtype)),
           "an unknown message type drops the client");
    }
    ok(virNetClientCall(c1, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                        REMOTE_PROC_CONNECT_GET_TYPE, NULL, NULL,
                        (xdrproc_t)xdr_remote_connect_get_type_ret,
                        &tret) == 0, "the good client is still served");
    xdr_free((xdrproc_t)xdr_remote_connect_get_type_ret, (char *)&tret);

    /* Keepalive: the server pings c1 once asked for the feature; c1
     * answers from the event loop, so it survives several intervals. */
    ok(virNetClientCall(c1, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                        REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
                        (xdrproc_t)xdr_remote_connect_supports_feature_args,
                        &fargs,
                        (xdrproc_t)xdr_remote_connect_supports_feature_ret,
                        &fret) == 0 && fret.supported == 1,
       "keepalive feature");
    ok(virNetClientKeepAliveStart(c1, 1, 3) == 0, "client keepalive");
    g_usleep(3500 * 1000);
    ok(virNetClientIsOpen(c1), "an answering client stays connected");
    ok(virNetClientCall(c1, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                        REMOTE_PROC_CONNECT_GET_TYPE, NULL, NULL,
                        (xdrproc_t)xdr_remote_connect_get_type_ret,
                        &tret) == 0, "and is served");
    xdr_free((xdrproc_t)xdr_remote_connect_get_type_ret, (char *)&tret);
    is_int(virNetServerClientCount(srv), 2, "two clients left");

    virNetClientClose(c1);
    for (i = 0; i < 50 && virNetServerClientCount(srv) > 1; i++)
        g_usleep(20000);
    is_int(virNetServerClientCount(srv), 1, "the server saw c1 leave");

 cleanup:
    virNetServerClose(srv);
    ok(access(rw, F_OK) < 0, "socket file removed");
    virNetServerFree(srv);
    if (c1)
        virNetClientUnref(c1);
    if (c2) {
        virNetClientClose(c2);
        virNetClientUnref(c2);
    }
    g_atomic_int_set(&loopQuit, 1);
    virEventUpdateTimeout(timer, 0);
    g_thread_join(loop);
    /* Let the loop release what it still holds. */
    virEventRemoveTimeout(timer);
    timer = virEventAddTimeout(0, keepWaking, NULL, NULL);
    virEventRunDefaultImpl();
    virEventRunDefaultImpl();
    virEventRemoveTimeout(timer);
    rmdir(dir);
}


int
main(void)
{
    testFraming();
    testErrors();
    testKeepAlive();
    testThreadPool();
    testClientServer();
    return tap_done();
}
