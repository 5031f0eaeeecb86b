/* remote_daemon_timeout.c: per-call timeouts; see remote_daemon_timeout.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every timed call puts a record (on its worker's stack) in `calls` for
 * as long as it runs.  The watchdog thread sleeps until the earliest
 * deadline; a call past it is marked timed out, answered with an error
 * reply, and its worker is replaced in the pool.  Whoever changes a
 * record's state first (the call ending, or the watchdog) decides which
 * reply the client gets: the other one is dropped.
 *
 * Test-only knob: VIRTKITD_TEST_HANG_PROC=NAME[,NAME...] (procedure names
 * without the program prefix, "CONNECT_GET_HOSTNAME") makes those calls
 * wait VIRTKITD_TEST_HANG_SECONDS (default 3600) before they run, like a
 * driver call that hangs.  Only the daemon's environment sets it.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "daemon/remote_daemon_timeout.h"
#include "rpc/virnetthreadpool.h"
#include "util/virerror.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

typedef enum {
    CALL_RUNNING,
    CALL_DONE,
    CALL_TIMED_OUT,
} callState;

typedef struct {
    gint64 deadline;            /* monotonic, microseconds */
    callState state;
    virNetServerClient *client; /* the worker's reference */
    virNetMessageHeader hdr;
    const char *name;
    virNetThreadPoolWorker *worker;
    guint64 job;
} timedCall;

static struct {
    GMutex lock;
    GCond cond;                 /* the watchdog: a new call, or quit */
    GCond hangCond;             /* fake hangs: quit */
    GList *calls;               /* timedCall *, running */
    GThread *watchdog;
    bool quit;
    gint64 timeout;             /* microseconds */
    const virWireProgram *wire;
    const virNetServerProcFunc *funcs;
    size_t nfuncs;
    virNetServerProcFunc *table;
    char **hangProcs;           /* VIRTKITD_TEST_HANG_PROC */
    gint64 hangTime;
} tmo;                          /* static: zeroed, valid GMutex/GCond */


/* The ERROR reply the client gets for a call that timed out. */
static void
sendTimeout(virNetServerClient *client, const virNetMessageHeader *hdr,
            const char *name)
{
    virNetMessage *reply = virNetMessageNew();
    remote_error rerr;

    virReportError(VIR_ERR_OPERATION_TIMEOUT,
                   "call %s did not finish within %lld seconds "
                   "(call_timeout); it may still complete",
                   name, (long long)(tmo.timeout / G_USEC_PER_SEC));
    virNetMessageSaveError(&rerr);
    virResetLastError();
    reply->header = *hdr;
    reply->header.type = VIR_NET_REPLY;
    reply->header.status = VIR_NET_ERROR;
    if (virNetMessageEncode(reply, (xdrproc_t)xdr_remote_error, &rerr) < 0) {
        /* no answer can be given: a closed connection tells the client
         * more than a call that never returns */
        VIR_WARN("cannot encode the timeout of %s for client %llu; "
                 "disconnecting it", name, virNetServerClientGetID(client));
        virNetMessageFree(reply);
        virNetServerClientClose(client);
    } else {
        virNetServerClientSendMessage(client, reply);
    }
    xdr_free((xdrproc_t)xdr_remote_error, (char *)&rerr);
}


typedef struct {
    virNetServerClient *client;
    virNetMessageHeader hdr;
    const char *name;
    virNetThreadPoolWorker *worker;
    guint64 job;
} expiredCall;

static gpointer
watchdogMain(gpointer opaque G_GNUC_UNUSED)
{
    g_autoptr(GArray) expired = g_array_new(FALSE, FALSE,
                                            sizeof(expiredCall));

    g_mutex_lock(&tmo.lock);
    while (!tmo.quit) {
        gint64 now = g_get_monotonic_time();
        gint64 next = G_MAXINT64;
        GList *l = tmo.calls;
        size_t i;

        while (l) {
            GList *nextl = l->next;
            timedCall *c = l->data;

            if (c->deadline <= now) {
                expiredCall e = { virNetServerClientRef(c->client), c->hdr,
                                  c->name, c->worker, c->job };

                c->state = CALL_TIMED_OUT;
                tmo.calls = g_list_delete_link(tmo.calls, l);
                g_array_append_val(expired, e);
            } else if (c->deadline < next) {
                next = c->deadline;
            }
            l = nextl;
        }
        if (expired->len == 0) {
            if (next == G_MAXINT64)
                g_cond_wait(&tmo.cond, &tmo.lock);
            else
                g_cond_wait_until(&tmo.cond, &tmo.lock, next);
            continue;
        }

        g_mutex_unlock(&tmo.lock);
        for (i = 0; i < expired->len; i++) {
            expiredCall *e = &g_array_index(expired, expiredCall, i);
            bool replaced = e->worker &&
                virNetThreadPoolReplaceWorker(e->worker, e->job) == 0;

            VIR_WARN("client %llu: call %s (serial %u) timed out after "
                     "%lld s; %s", virNetServerClientGetID(e->client),
                     e->name, e->hdr.serial,
                     (long long)(tmo.timeout / G_USEC_PER_SEC),
                     replaced ? "its worker was replaced"
                              : "its worker could not be replaced");
            sendTimeout(e->client, &e->hdr, e->name);
            virNetServerClientUnref(e->client);
        }
        g_array_set_size(expired, 0);
        g_mutex_lock(&tmo.lock);
    }
    g_mutex_unlock(&tmo.lock);
    return NULL;
}


static bool
hangs(const char *name)
{
    return tmo.hangProcs &&
           g_strv_contains((const char *const *)tmo.hangProcs, name);
}


/* In every slot of the table: time the real function of the call. */
static int
timedCallRun(virNetServer *srv, virNetServerClient *client,
             virNetMessage *msg, void *args, void *ret)
{
    const virWireProc *proc = virWireProgramProc(tmo.wire, msg->header.proc);
    virNetServerProcFunc func = tmo.funcs[msg->header.proc];
    timedCall call = {
        .deadline = g_get_monotonic_time() + tmo.timeout,
        .state = CALL_RUNNING,
        .client = client,
        .hdr = msg->header,
        .name = proc->name,
    };
    int rv;

    call.worker = virNetThreadPoolCurrentWorker(&call.job);
    g_mutex_lock(&tmo.lock);
    if (tmo.timeout > 0) {
        tmo.calls = g_list_prepend(tmo.calls, &call);
        g_cond_signal(&tmo.cond);
    } else {
        call.state = CALL_DONE;     /* only the test knob: never timed */
    }
    if (hangs(proc->name)) {
        gint64 end = g_get_monotonic_time() + tmo.hangTime;

        VIR_DEBUG("test knob: call %s hangs", proc->name);
        while (!tmo.quit && g_cond_wait_until(&tmo.hangCond, &tmo.lock, end))
            ;
    }
    g_mutex_unlock(&tmo.lock);

    rv = func(srv, client, msg, args, ret);

    g_mutex_lock(&tmo.lock);
    if (call.state == CALL_RUNNING) {
        call.state = CALL_DONE;
        tmo.calls = g_list_remove(tmo.calls, &call);
    }
    g_mutex_unlock(&tmo.lock);

    if (call.state == CALL_TIMED_OUT) {
        VIR_INFO("client %llu: call %s (serial %u) ended after its timeout; "
                 "its reply is dropped", virNetServerClientGetID(client),
                 proc->name, call.hdr.serial);
        virResetLastError();
        return 1;               /* answered already: no second reply */
    }
    return rv;
}


const virNetServerProcFunc *
remoteDaemonTimeoutProcs(const virWireProgram *wire,
                         const virNetServerProcFunc *funcs, size_t nfuncs,
                         unsigned int seconds)
{
    const char *hang = getenv("VIRTKITD_TEST_HANG_PROC");
    const char *hangSecs = getenv("VIRTKITD_TEST_HANG_SECONDS");
    size_t i;

    if (tmo.table)
        return tmo.table;
    if (seconds == 0 && !(hang && *hang))
        return funcs;

    tmo.timeout = (gint64)seconds * G_USEC_PER_SEC;
    tmo.wire = wire;
    tmo.funcs = funcs;
    tmo.nfuncs = nfuncs;
    tmo.table = g_new0(virNetServerProcFunc, nfuncs);
    for (i = 0; i < nfuncs; i++) {
        const virWireProc *proc = virWireProgramProc(wire, i);

        /* streams reply themselves, with their data: not timed */
        if (funcs[i] && proc && proc->stream == VIR_WIRE_STREAM_NONE)
            tmo.table[i] = timedCallRun;
        else
            tmo.table[i] = funcs[i];
    }
    if (hang && *hang) {
        tmo.hangProcs = g_strsplit(hang, ",", -1);
        tmo.hangTime = (hangSecs ? g_ascii_strtoll(hangSecs, NULL, 10)
                                 : 3600) * G_USEC_PER_SEC;
        VIR_WARN("test knob VIRTKITD_TEST_HANG_PROC: %s hang for %lld s",
                 hang, (long long)(tmo.hangTime / G_USEC_PER_SEC));
    }
    if (tmo.timeout > 0)
        tmo.watchdog = g_thread_new("call-timeouts", watchdogMain, NULL);
    return tmo.table;
}


void
remoteDaemonTimeoutShutdown(void)
{
    g_mutex_lock(&tmo.lock);
    tmo.quit = true;
    g_cond_broadcast(&tmo.cond);
    g_cond_broadcast(&tmo.hangCond);
    g_mutex_unlock(&tmo.lock);
    if (tmo.watchdog)
        g_thread_join(g_steal_pointer(&tmo.watchdog));
}
