/* daemon-limits-test: the server's limits, measured on a virNetServer
 * with a slow procedure: max_client_requests (calls of one client in
 * progress), max_workers (calls in progress overall), prio_workers (a
 * high-priority call is served while every ordinary worker is stuck),
 * half-sent frames and unknown programs (the others keep being served);
 * and the DN patterns of tls_allowed_dn_list.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * CONNECT_GET_CAPABILITIES (low priority) blocks until released and
 * counts how many run at once; CONNECT_GET_TYPE (high priority) answers
 * at once.  Clients are raw sockets so that one can pipeline calls.
 */
#include <config.h>

#include <errno.h>
#include <glib.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "rpc/virnetmessage.h"
#include "rpc/virnetserver.h"
#include "rpc/virnetsocket.h"
#include "rpc/virnettlscontext.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "tap.h"

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

#define SLOW REMOTE_PROC_CONNECT_GET_CAPABILITIES
#define QUICK REMOTE_PROC_CONNECT_GET_TYPE

static GMutex slowLock;
static GCond slowCond;
static int slowRunning, slowMax, slowDone;
static bool slowRelease;


static int
procSlow(virNetServer *srv G_GNUC_UNUSED,
         virNetServerClient *client G_GNUC_UNUSED,
         virNetMessage *msg G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
         void *ret_)
{
    remote_connect_get_capabilities_ret *ret = ret_;
    gint64 deadline = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;

    g_mutex_lock(&slowLock);
    slowRunning++;
    slowMax = MAX(slowMax, slowRunning);
    g_cond_broadcast(&slowCond);
    while (!slowRelease && g_cond_wait_until(&slowCond, &slowLock, deadline))
        ;
    slowRunning--;
    slowDone++;
    g_cond_broadcast(&slowCond);
    g_mutex_unlock(&slowLock);
    ret->capabilities = g_strdup("<capabilities/>");
    return 0;
}


static int
procQuick(virNetServer *srv G_GNUC_UNUSED,
          virNetServerClient *client G_GNUC_UNUSED,
          virNetMessage *msg G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
          void *ret_)
{
    remote_connect_get_type_ret *ret = ret_;

    ret->type = g_strdup("QUICK");
    return 0;
}


static void
slowReset(void)
{
    g_mutex_lock(&slowLock);
    slowRunning = slowMax = slowDone = 0;
    slowRelease = false;
    g_mutex_unlock(&slowLock);
}


/* Wait until `n` slow calls run (or 1 s passes); then a moment more, so
 * that one beyond the limit would have started too. */
static int
slowWaitRunning(int n)
{
    gint64 deadline = g_get_monotonic_time() + 1 * G_USEC_PER_SEC;
    int r;

    g_mutex_lock(&slowLock);
    while (slowRunning < n &&
           g_cond_wait_until(&slowCond, &slowLock, deadline))
        ;
    g_mutex_unlock(&slowLock);
    g_usleep(300 * 1000);
    g_mutex_lock(&slowLock);
    r = slowRunning;
    g_mutex_unlock(&slowLock);
    return r;
}


static void
slowReleaseAll(void)
{
    g_mutex_lock(&slowLock);
    slowRelease = true;
    g_cond_broadcast(&slowCond);
    g_mutex_unlock(&slowLock);
}


/* ---- raw clients --------------------------------------------------------- */

static bool
sendCall(int fd, unsigned int prog, int proc, unsigned int serial)
{
    g_autoptr(virNetMessage) msg =
        virNetMessageNewEmpty(prog, REMOTE_PROTOCOL_VERSION, proc,
                              VIR_NET_CALL, serial, VIR_NET_OK);
    size_t off = 0;

    if (!msg)
        return false;
    while (off < msg->bufferLength) {
        struct pollfd pfd = { fd, POLLOUT, 0 };
        ssize_t n = write(fd, msg->buffer + off, msg->bufferLength - off);

        if (n > 0) {
            off += n;
        } else if (n < 0 && errno == EAGAIN) {
            poll(&pfd, 1, 1000);
        } else {
            return false;
        }
    }
    return true;
}


/* Read exactly len bytes within timeoutMs: 1, 0 on timeout, -1 on EOF. */
static int
readFull(int fd, char *buf, size_t len, int timeoutMs)
{
    gint64 deadline = g_get_monotonic_time() + timeoutMs * 1000LL;
    size_t off = 0;

    while (off < len) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        gint64 left = (deadline - g_get_monotonic_time()) / 1000;
        ssize_t n;

        if (left <= 0 || poll(&pfd, 1, left) <= 0)
            return 0;
        n = read(fd, buf + off, len - off);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            return -1;
        if (n > 0)
            off += n;
    }
    return 1;
}


/* The next frame's header: 1, 0 on timeout, -1 when the server hung up. */
static int
readReply(int fd, int timeoutMs, guint32 hdr[6])
{
    guint32 len;
    g_autofree char *rest = NULL;
    int r, i;

    if ((r = readFull(fd, (char *)&len, 4, timeoutMs)) <= 0)
        return r;
    len = GUINT32_FROM_BE(len);
    if (len < 28 || len > 1 << 20)
        return -1;
    rest = g_malloc(len - 4);
    if ((r = readFull(fd, rest, len - 4, timeoutMs)) <= 0)
        return r;
    for (i = 0; i < 6; i++) {
        guint32 be;

        memcpy(&be, rest + 4 * i, 4);
        hdr[i] = GUINT32_FROM_BE(be);
    }
    return 1;
}


/* ---- the server ------------------------------------------------------------ */

static volatile gint loopQuit;

static gpointer
loopMain(gpointer opaque G_GNUC_UNUSED)
{
    while (!g_atomic_int_get(&loopQuit))
        virEventRunDefaultImpl();
    return NULL;
}


static void
keepWaking(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


static virNetServerProcFunc funcs[SLOW + QUICK + 1];

static virNetServer *
startServer(const char *path, size_t maxWorkers, size_t prioWorkers,
            size_t maxRequests)
{
    virNetServerConfig cfg;
    virNetServer *srv;

    virNetServerConfigDefaults(&cfg);
    cfg.minWorkers = 1;
    cfg.maxWorkers = maxWorkers;
    cfg.prioWorkers = prioWorkers;
    cfg.maxClientRequests = maxRequests;
    if (!(srv = virNetServerNew(&cfg, NULL, NULL, NULL, NULL)))
        return NULL;
    virNetServerAddProgram(srv, &virWireProgramRemote, funcs,
                           G_N_ELEMENTS(funcs));
    if (virNetServerAddUnixService(srv, path, 0700, -1, false) < 0) {
        virNetServerFree(srv);
        return NULL;
    }
    return srv;
}


/* Read `n` replies on fd; how many came within the time. */
static int
countReplies(int fd, int n, int timeoutMs)
{
    guint32 hdr[6];
    int got = 0;

    while (got < n && readReply(fd, timeoutMs, hdr) == 1)
        got++;
    return got;
}


static void
testMaxClientRequests(const char *dir)
{
    g_autofree char *path = g_build_filename(dir, "req", NULL);
    virNetServer *srv = startServer(path, 4, 0, 2);
    int fd;
    unsigned int i;

    ok(srv != NULL, "server: max_workers 4, max_client_requests 2");
    if (!srv)
        return;
    slowReset();
    fd = virNetSocketConnectUnix(path);
    for (i = 0; i < 5; i++)
        sendCall(fd, REMOTE_PROGRAM, SLOW, i + 1);
    is_int(slowWaitRunning(3), 2,
           "one client pipelining 5 slow calls has 2 in progress");
    slowReleaseAll();
    is_int(countReplies(fd, 5, 5000), 5, "... and gets all 5 replies");
    is_int(slowMax, 2, "... never more than 2 at once");
    close(fd);
    virNetServerFree(srv);
}


static void
testWorkers(const char *dir)
{
    g_autofree char *path = g_build_filename(dir, "work", NULL);
    virNetServer *srv = startServer(path, 2, 1, 5);
    int fds[3], quick, late;
    guint32 hdr[6];
    unsigned int i;

    ok(srv != NULL, "server: max_workers 2, prio_workers 1");
    if (!srv)
        return;
    slowReset();
    for (i = 0; i < 3; i++) {
        fds[i] = virNetSocketConnectUnix(path);
        sendCall(fds[i], REMOTE_PROGRAM, SLOW, 1);
    }
    is_int(slowWaitRunning(3), 2,
           "3 clients' slow calls: 2 run (max_workers), 1 waits");

    /* Every ordinary worker is stuck: a quick (high-priority) call still
     * gets through, an ordinary one waits. */
    quick = virNetSocketConnectUnix(path);
    sendCall(quick, REMOTE_PROGRAM, QUICK, 7);
    ok(readReply(quick, 2000, hdr) == 1 && hdr[4] == 7 &&
       hdr[5] == VIR_NET_OK,
       "a high-priority call is answered while the workers are busy");
    late = virNetSocketConnectUnix(path);
    sendCall(late, REMOTE_PROGRAM, SLOW, 8);
    is_int(readReply(late, 500, hdr), 0,
           "a low-priority call waits for a worker");

    slowReleaseAll();
    for (i = 0; i < 3; i++)
        is_int(countReplies(fds[i], 1, 5000), 1, "released: reply");
    is_int(countReplies(late, 1, 5000), 1, "... the waiting call too");
    is_int(slowMax, 2, "never more than max_workers at once");
    for (i = 0; i < 3; i++)
        close(fds[i]);
    close(quick);
    close(late);
    virNetServerFree(srv);
}


static void
testHostile(const char *dir)
{
    g_autofree char *path = g_build_filename(dir, "hostile", NULL);
    virNetServer *srv = startServer(path, 2, 1, 5);
    g_autoptr(virNetMessage) msg = NULL;
    guint32 hdr[6];
    int half, good, fd;

    ok(srv != NULL, "server for hostile clients");
    if (!srv)
        return;

    /* Half a frame, held open: nobody waits for the rest of it. */
    msg = virNetMessageNewEmpty(REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                                QUICK, VIR_NET_CALL, 1, VIR_NET_OK);
    half = virNetSocketConnectUnix(path);
    ok(write(half, msg->buffer, 10) == 10, "a client sends 10 bytes of 28");
    good = virNetSocketConnectUnix(path);
    sendCall(good, REMOTE_PROGRAM, QUICK, 2);
    ok(readReply(good, 2000, hdr) == 1 && hdr[4] == 2,
       "another client is served meanwhile");

    /* An unknown program: an error reply, and the client stays usable. */
    fd = virNetSocketConnectUnix(path);
    sendCall(fd, 0x12345678, 1, 3);
    ok(readReply(fd, 2000, hdr) == 1 && hdr[0] == 0x12345678 &&
       hdr[3] == VIR_NET_REPLY && hdr[4] == 3 && hdr[5] == VIR_NET_ERROR,
       "an unknown program gets an ERROR reply");
    sendCall(fd, REMOTE_PROGRAM, QUICK, 4);
    ok(readReply(fd, 2000, hdr) == 1 && hdr[4] == 4 && hdr[5] == VIR_NET_OK,
       "... and the same client is still served");
    close(fd);

    /* The rest of the half frame completes it. */
    ok(write(half, msg->buffer + 10, msg->bufferLength - 10) ==
       (ssize_t)msg->bufferLength - 10, "the rest of the frame");
    ok(readReply(half, 2000, hdr) == 1 && hdr[4] == 1,
       "... is then answered");
    close(half);
    close(good);
    virNetServerFree(srv);
}


/* tls_allowed_dn_list's patterns: '*' any run, '?' one character. */
static void
testDNMatch(void)
{
    const char *dn = "C=GB,ST=London,L=London,O=virtkit,CN=client1";
    const char *const exact[] = { dn, NULL };
    const char *const star[] = { "nobody", "C=GB,*,O=virtkit,CN=*", NULL };
    const char *const quest[] = { "C=GB,*,CN=client?", NULL };
    const char *const other[] = { "C=GB,*,CN=client", "*O=Example*", NULL };
    const char *const none[] = { NULL };

    ok(virNetTLSMatchDN(dn, exact), "a DN matches itself");
    ok(virNetTLSMatchDN(dn, star), "'*' matches any run, any list entry");
    ok(virNetTLSMatchDN(dn, quest), "'?' matches one character");
    ok(!virNetTLSMatchDN("C=GB,CN=client12", quest), "... only one");
    ok(!virNetTLSMatchDN(dn, other), "no pattern matches: refused");
    ok(!virNetTLSMatchDN(dn, none), "an empty list lets nobody in");
    ok(!virNetTLSMatchDN(NULL, star), "no DN at all: refused");
}


int
main(void)
{
    g_autofree char *dir = g_dir_make_tmp("daemon-limits-XXXXXX", NULL);
    const virWireProc *slow = virWireProgramProc(&virWireProgramRemote, SLOW);
    const virWireProc *quick = virWireProgramProc(&virWireProgramRemote,
                                                  QUICK);
    GThread *loop;
    int timer;

    funcs[SLOW] = procSlow;
    funcs[QUICK] = procQuick;
    ok(slow && !slow->high_priority, "CONNECT_GET_CAPABILITIES is low priority");
    ok(quick && quick->high_priority, "CONNECT_GET_TYPE is high priority");

    ok(virEventRegisterDefaultImpl() == 0, "default event loop");
    /* A short timer keeps the loop thread turning so it can quit. */
    timer = virEventAddTimeout(100, keepWaking, NULL, NULL);
    loop = g_thread_new("loop", loopMain, NULL);

    testDNMatch();
    testMaxClientRequests(dir);
    testWorkers(dir);
    testHostile(dir);

    g_atomic_int_set(&loopQuit, 1);
    g_thread_join(loop);
    /* Let the loop release what removed watches still hold; the timer,
     * due at once, keeps it from blocking. */
    virEventUpdateTimeout(timer, 0);
    virEventRunDefaultImpl();
    virEventRunDefaultImpl();
    virEventRemoveTimeout(timer);
    rmdir(dir);
    return tap_done();
}
