/* rpc-concurrency-test: many threads calling through one virNetClient
 * (the thread owning the socket hands other threads their replies), and
 * the server's workers that wait on a client's socket between its calls
 * (parked workers), over a unix socket in a temporary folder.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Toy procedures of the remote program: CONNECT_SUPPORTS_FEATURE answers
 * feature * 2 (so that each thread can tell its reply from the others'),
 * or fails for feature 13; CONNECT_GET_HOSTNAME sleeps 300 ms.
 */
#include <config.h>

#include <glib.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rpc/virnetclient.h"
#include "rpc/virnetmessage.h"
#include "rpc/virnetserver.h"
#include "rpc/virnetsocket.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "tap.h"

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

#define THREADS 8
#define CALLS 300

static int
procFeature(virNetServer *srv G_GNUC_UNUSED,
            virNetServerClient *client G_GNUC_UNUSED,
            virNetMessage *msg G_GNUC_UNUSED, void *args_, void *ret_)
{
    remote_connect_supports_feature_args *args = args_;
    remote_connect_supports_feature_ret *ret = ret_;

    if (args->feature == 13) {
        virReportErrorFull(VIR_FROM_TEST, VIR_ERR_OPERATION_INVALID,
                           __FILE__, __func__, __LINE__, "%s", "unlucky");
        return -1;
    }
    ret->supported = args->feature * 2;
    return 0;
}


static int
procSlow(virNetServer *srv G_GNUC_UNUSED,
         virNetServerClient *client G_GNUC_UNUSED,
         virNetMessage *msg G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
         void *ret_)
{
    remote_connect_get_hostname_ret *ret = ret_;

    g_usleep(300 * 1000);
    ret->hostname = g_strdup("slow");
    return 0;
}


/* 0: the reply was feature * 2; 1: the expected error for 13; -1: wrong. */
static int
callFeature(virNetClient *c, int feature)
{
    remote_connect_supports_feature_args args = { feature };
    remote_connect_supports_feature_ret ret = { 0 };
    int rv = virNetClientCall(c, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                              REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
                              (xdrproc_t)xdr_remote_connect_supports_feature_args,
                              &args,
                              (xdrproc_t)xdr_remote_connect_supports_feature_ret,
                              &ret);

    if (feature == 13)
        return rv < 0 && virGetLastErrorCode() == VIR_ERR_OPERATION_INVALID &&
               g_strcmp0(virGetLastErrorMessage(),
                         "Requested operation is not valid: unlucky") == 0 ?
               1 : -1;
    return rv == 0 && ret.supported == feature * 2 ? 0 : -1;
}


static int
callSlow(virNetClient *c)
{
    remote_connect_get_hostname_ret ret = { 0 };
    int rv = virNetClientCall(c, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                              REMOTE_PROC_CONNECT_GET_HOSTNAME, NULL, NULL,
                              (xdrproc_t)xdr_remote_connect_get_hostname_ret,
                              &ret);

    if (rv == 0 && g_strcmp0(ret.hostname, "slow") != 0)
        rv = -1;
    xdr_free((xdrproc_t)xdr_remote_connect_get_hostname_ret, (char *)&ret);
    return rv;
}


typedef struct {
    virNetClient *client;
    int id;
    int wrong;
    int errors;
} caller;

static gpointer
callerMain(gpointer opaque)
{
    caller *c = opaque;
    int i;

    for (i = 0; i < CALLS; i++) {
        /* Every thread asks its own questions, and now and then one that
         * fails. */
        int feature = i % 50 == 7 ? 13 : c->id * 100000 + i;
        int r = callFeature(c->client, feature);

        if (r < 0)
            c->wrong++;
        else if (r == 1)
            c->errors++;
    }
    return NULL;
}


static gpointer
slowMain(gpointer opaque)
{
    int r = callSlow(opaque);

    if (r < 0)
        printf("# the slow call: %s\n", virGetLastErrorMessage());
    return GINT_TO_POINTER(r);
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


static bool
waitClients(virNetServer *srv, size_t n, int ms)
{
    gint64 end = g_get_monotonic_time() + ms * 1000;

    while (virNetServerClientCount(srv) != n) {
        if (g_get_monotonic_time() > end)
            return false;
        g_usleep(5000);
    }
    return true;
}


int
main(void)
{
    g_autofree char *dir = g_dir_make_tmp("rpc-conc-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "sock", NULL);
    virNetServerProcFunc funcs[REMOTE_PROC_CONNECT_SUPPORTS_FEATURE + 1] = { 0 };
    virNetServerConfig cfg;
    virNetServer *srv;
    virNetClient *c;
    caller callers[THREADS];
    GThread *threads[THREADS];
    GThread *loop, *slow;
    gint64 t0;
    int wrong = 0, errors = 0;
    int timer, i, fd;
    guint32 frame[7];

    funcs[REMOTE_PROC_CONNECT_SUPPORTS_FEATURE] = procFeature;
    funcs[REMOTE_PROC_CONNECT_GET_HOSTNAME] = procSlow;
    if (virEventRegisterDefaultImpl() < 0)
        return 1;
    timer = virEventAddTimeout(-1, wakeLoop, NULL, NULL);
    loop = g_thread_new("loop", loopMain, NULL);

    virNetServerConfigDefaults(&cfg);
    cfg.maxClientRequests = THREADS + 2;
    srv = virNetServerNew(&cfg, NULL, NULL, NULL, NULL);
    virNetServerAddProgram(srv, &virWireProgramRemote, funcs,
                           G_N_ELEMENTS(funcs));
    ok(virNetServerAddUnixService(srv, path, 0700, -1, false) == 0,
       "server listens");

    /* One thread: each call after the first is read by a parked worker. */
    c = virNetClientNewUnix(path);
    ok(c != NULL, "client connects");
    for (i = 0; i < 2000 && callFeature(c, 100 + i) == 0; i++)
        ;
    is_int(i, 2000, "2000 calls one after the other");
    ok(callFeature(c, 13) == 1, "an error reply comes across intact");

    /* Many threads on the one connection. */
    for (i = 0; i < THREADS; i++) {
        callers[i] = (caller){ c, i + 1, 0, 0 };
        threads[i] = g_thread_new("caller", callerMain, &callers[i]);
    }
    for (i = 0; i < THREADS; i++) {
        g_thread_join(threads[i]);
        wrong += callers[i].wrong;
        errors += callers[i].errors;
    }
    is_int(wrong, 0, "8 threads x 300 calls: every thread got its own replies");
    is_int(errors, THREADS * (CALLS / 50), "... and its own errors");

    /* A quick call does not wait behind a slow one on the same connection. */
    slow = g_thread_new("slow", slowMain, c);
    g_usleep(50 * 1000);
    t0 = g_get_monotonic_time();
    ok(callFeature(c, 42) == 0, "a call while a slow one is out");
    ok(g_get_monotonic_time() - t0 < 200 * 1000,
       "... is answered before the slow one");
    ok(GPOINTER_TO_INT(g_thread_join(slow)) == 0, "the slow call ends well");

    /* A half-sent frame to a parked worker, then the rest of it. */
    ok(callFeature(c, 1) == 0, "a call (its worker waits for the next)");
    fd = virNetSocketConnectUnix(path);
    frame[0] = GUINT32_TO_BE(28);
    frame[1] = GUINT32_TO_BE(REMOTE_PROGRAM);
    frame[2] = GUINT32_TO_BE(REMOTE_PROTOCOL_VERSION);
    frame[3] = GUINT32_TO_BE(REMOTE_PROC_CONNECT_GET_TYPE);
    frame[4] = 0;               /* VIR_NET_CALL */
    frame[5] = GUINT32_TO_BE(1);
    frame[6] = 0;               /* VIR_NET_OK */
    ok(fd >= 0 && write(fd, frame, 10) == 10, "raw client: half a frame");
    g_usleep(100 * 1000);
    ok(write(fd, (char *)frame + 10, 18) == 18, "... the rest of it");
    {
        char buf[256];
        struct pollfd pfd = { fd, POLLIN, 0 };

        ok(poll(&pfd, 1, 2000) == 1 && read(fd, buf, sizeof(buf)) > 28,
           "... is answered");
    }
    ok(callFeature(c, 2) == 0, "the other client is still served");

    /* A client that hangs up while its worker waits on its socket is seen
     * at once, not when the worker gives up waiting. */
    ok(waitClients(srv, 2, 1000), "two clients");
    close(fd);
    ok(waitClients(srv, 1, 300), "the raw client's hang-up is seen");
    ok(callFeature(c, 3) == 0, "a call (its worker waits for the next)");
    virNetClientClose(c);
    ok(waitClients(srv, 0, 300), "so is the last client's");
    virNetClientUnref(c);

    /* The server stops at once, with a worker waiting on a socket and
     * calls of several threads in flight, which all fail. */
    c = virNetClientNewUnix(path);
    ok(c && callFeature(c, 4) == 0, "a new client is served");
    slow = g_thread_new("slow", slowMain, c);
    for (i = 0; i < THREADS; i++) {
        callers[i] = (caller){ c, i + 1, 0, 0 };
        threads[i] = g_thread_new("caller", callerMain, &callers[i]);
    }
    g_usleep(100 * 1000);
    t0 = g_get_monotonic_time();
    virNetServerClose(srv);
    ok(g_get_monotonic_time() - t0 < 1000 * 1000, "the server stops in time");
    ok(GPOINTER_TO_INT(g_thread_join(slow)) < 0,
       "the slow call fails: the server went away");
    for (i = 0; i < THREADS; i++)
        g_thread_join(threads[i]);
    ok(!virNetClientIsOpen(c), "the connection is closed");
    ok(callFeature(c, 5) < 0, "and calls fail at once");
    virNetClientUnref(c);
    virNetServerFree(srv);

    g_atomic_int_set(&loopQuit, 1);
    virEventUpdateTimeout(timer, 0);
    g_thread_join(loop);
    /* Let the loop release what it still holds. */
    virEventUpdateTimeout(timer, 0);
    virEventRunDefaultImpl();
    virEventRemoveTimeout(timer);
    unlink(path);
    rmdir(dir);
    return tap_done();
}
