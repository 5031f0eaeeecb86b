/* timeout-pool-test.c: replacing a worker stuck in a job
 * (virNetThreadPoolReplaceWorker, used by the daemon's call_timeout).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <glib.h>

#include "rpc/virnetthreadpool.h"
#include "tap.h"

typedef struct {
    GMutex lock;
    GCond cond;
    bool started;
    bool release;               /* a gated job waits for this */
    bool done;
    bool gated;
    virNetThreadPoolWorker *worker;
    guint64 job;
} testJob;


static void
runJob(void *opaque, void *unused G_GNUC_UNUSED)
{
    testJob *j = opaque;
    virNetThreadPoolWorker *w;
    guint64 n = 0;

    w = virNetThreadPoolCurrentWorker(&n);
    g_mutex_lock(&j->lock);
    j->worker = w;
    j->job = n;
    j->started = true;
    g_cond_broadcast(&j->cond);
    while (j->gated && !j->release)
        g_cond_wait(&j->cond, &j->lock);
    j->done = true;
    g_cond_broadcast(&j->cond);
    g_mutex_unlock(&j->lock);
}


static testJob *
newJob(bool gated)
{
    testJob *j = g_new0(testJob, 1);

    g_mutex_init(&j->lock);
    g_cond_init(&j->cond);
    j->gated = gated;
    return j;
}


static void
freeJob(testJob *j)
{
    g_mutex_clear(&j->lock);
    g_cond_clear(&j->cond);
    g_free(j);
}


/* Wait (at most 10 s) until the job has started, or is done. */
static bool
waitFor(testJob *j, bool done)
{
    gint64 end = g_get_monotonic_time() + 10 * G_USEC_PER_SEC;
    bool ret;

    g_mutex_lock(&j->lock);
    while (!(done ? j->done : j->started) &&
           g_cond_wait_until(&j->cond, &j->lock, end))
        ;
    ret = done ? j->done : j->started;
    g_mutex_unlock(&j->lock);
    return ret;
}


static void
release(testJob *j)
{
    g_mutex_lock(&j->lock);
    j->release = true;
    g_cond_broadcast(&j->cond);
    g_mutex_unlock(&j->lock);
}


/* Replaced workers count down as their jobs return (at most 10 s). */
static size_t
waitStuck(virNetThreadPool *pool, size_t want)
{
    int i;

    for (i = 0; i < 1000 && virNetThreadPoolStuckWorkers(pool) != want; i++)
        g_usleep(10000);
    return virNetThreadPoolStuckWorkers(pool);
}


int
main(void)
{
    virNetThreadPool *pool;
    testJob *a, *b, *c, *p, *q, *r;
    guint64 n = 0;

    ok(virNetThreadPoolCurrentWorker(&n) == NULL,
       "no current worker outside the pool");

    /* one ordinary worker, one priority worker */
    pool = virNetThreadPoolNew(1, 1, 1, runJob, NULL);
    a = newJob(true);
    b = newJob(false);
    virNetThreadPoolSubmit(pool, a, false);
    ok(waitFor(a, false), "a job hangs on the only ordinary worker");
    ok(a->worker != NULL, "  it knows its worker");
    virNetThreadPoolSubmit(pool, b, false);
    g_usleep(100000);
    ok(!b->started, "  the next job waits behind it");

    is_int(virNetThreadPoolReplaceWorker(a->worker, a->job + 1), -1,
           "replacing for another job number is refused");
    is_int(virNetThreadPoolReplaceWorker(a->worker, a->job), 0,
           "the stuck worker is replaced");
    ok(waitFor(b, true), "  the waiting job runs on the new worker");
    is_int(virNetThreadPoolWorkers(pool), 1, "  still 1 ordinary worker");
    is_int(virNetThreadPoolStuckWorkers(pool), 1, "  1 stuck");
    is_int(virNetThreadPoolReplaceWorker(a->worker, a->job), -1,
           "  replacing it twice is refused");
    ok(b->worker != a->worker, "  on another thread");
    g_usleep(100000);           /* b's worker is back waiting for jobs */
    is_int(virNetThreadPoolReplaceWorker(b->worker, b->job), -1,
           "replacing a worker whose job is over is refused");

    release(a);
    ok(waitFor(a, true), "the stuck job returns");
    is_int(waitStuck(pool, 0), 0, "  and its thread leaves");

    /* priority workers too; at most max + prio (2) replaced at once */
    p = newJob(true);
    q = newJob(true);
    r = newJob(true);
    virNetThreadPoolSubmit(pool, q, false);
    ok(waitFor(q, false), "another job hangs");
    virNetThreadPoolSubmit(pool, p, true);
    ok(waitFor(p, false), "a priority job hangs on the priority worker");
    is_int(virNetThreadPoolReplaceWorker(p->worker, p->job), 0,
           "  its worker is replaced");
    is_int(virNetThreadPoolPrioWorkers(pool), 1, "  still 1 priority worker");
    is_int(virNetThreadPoolReplaceWorker(q->worker, q->job), 0,
           "  the other one's too: 2 stuck");
    virNetThreadPoolSubmit(pool, r, false);
    ok(waitFor(r, false), "a third one hangs");
    is_int(virNetThreadPoolReplaceWorker(r->worker, r->job), -1,
           "  not replaced: max_workers + prio_workers are stuck already");
    is_int(virNetThreadPoolStuckWorkers(pool), 2, "  2 stuck");
    release(p);
    release(r);
    ok(waitFor(p, true) && waitFor(r, true), "two of them return");
    is_int(waitStuck(pool, 1), 1, "  1 stuck left");

    /* the pool goes while a replaced worker is still stuck: Free does not
     * wait for it, and the worker leaves safely afterwards */
    c = newJob(false);
    virNetThreadPoolSubmit(pool, c, false);
    ok(waitFor(c, true), "the pool still serves");
    virNetThreadPoolFree(pool, NULL);
    ok(true, "the pool is freed while a replaced worker is stuck");
    release(q);
    ok(waitFor(q, true), "  its job returns afterwards");
    g_usleep(200000);           /* let the thread leave (ASan/valgrind) */

    freeJob(a);
    freeJob(b);
    freeJob(c);
    freeJob(p);
    freeJob(q);
    freeJob(r);
    return tap_done();
}
