/* virnetthreadpool.c: worker threads with a priority reserve; see
 * virnetthreadpool.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <glib.h>

#include "rpc/virnetthreadpool.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_RPC

typedef struct {
    void *job;
    bool priority;
} poolJob;

struct _virNetThreadPool {
    GMutex lock;
    GCond cond;                 /* ordinary workers: a job, or quit */
    GCond prioCond;             /* priority workers: a priority job, or quit */
    GQueue jobs;                /* of poolJob * */
    size_t nprioJobs;           /* priority jobs in `jobs` */
    GPtrArray *threads;
    size_t maxWorkers;
    size_t nworkers, nfree;     /* ordinary threads started / idle */
    size_t nprio;               /* priority threads started */
    bool quit;
    virNetThreadPoolJobFunc func;
    void *opaque;
};

typedef struct {
    virNetThreadPool *pool;
    bool priority;
} poolWorker;


/* The next job this worker may run, or NULL. */
static poolJob *
takeJob(virNetThreadPool *pool, bool priorityOnly)
{
    GList *l;

    if (!priorityOnly) {
        poolJob *j = g_queue_pop_head(&pool->jobs);

        if (j && j->priority)
            pool->nprioJobs--;
        return j;
    }
    if (pool->nprioJobs == 0)
        return NULL;
    for (l = pool->jobs.head; l; l = l->next) {
        poolJob *j = l->data;

        if (j->priority) {
            g_queue_delete_link(&pool->jobs, l);
            pool->nprioJobs--;
            return j;
        }
    }
    return NULL;
}


static gpointer
workerMain(gpointer opaque)
{
    poolWorker *w = opaque;
    virNetThreadPool *pool = w->pool;

    g_mutex_lock(&pool->lock);
    for (;;) {
        poolJob *job = NULL;

        while (!pool->quit && !(job = takeJob(pool, w->priority)))
            g_cond_wait(w->priority ? &pool->prioCond : &pool->cond,
                        &pool->lock);
        if (pool->quit)
            break;
        if (!w->priority)
            pool->nfree--;
        g_mutex_unlock(&pool->lock);

        pool->func(job->job, pool->opaque);
        g_free(job);
        /* A job may leave an error behind: never carry it to the next. */
        virResetLastError();

        g_mutex_lock(&pool->lock);
        if (!w->priority)
            pool->nfree++;
    }
    g_mutex_unlock(&pool->lock);
    g_free(w);
    return NULL;
}


/* With the lock held. */
static int
startWorker(virNetThreadPool *pool, bool priority)
{
    g_autoptr(GError) gerr = NULL;
    poolWorker *w = g_new0(poolWorker, 1);
    GThread *t;

    w->pool = pool;
    w->priority = priority;
    t = g_thread_try_new(priority ? "rpc-prio-worker" : "rpc-worker",
                         workerMain, w, &gerr);
    if (!t) {
        g_free(w);
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to create worker thread: %s", gerr->message);
        return -1;
    }
    g_ptr_array_add(pool->threads, t);
    if (priority) {
        pool->nprio++;
    } else {
        pool->nworkers++;
        pool->nfree++;
    }
    return 0;
}


virNetThreadPool *
virNetThreadPoolNew(size_t minWorkers, size_t maxWorkers, size_t prioWorkers,
                    virNetThreadPoolJobFunc func, void *opaque)
{
    virNetThreadPool *pool = g_new0(virNetThreadPool, 1);
    size_t i;

    g_mutex_init(&pool->lock);
    g_cond_init(&pool->cond);
    g_cond_init(&pool->prioCond);
    g_queue_init(&pool->jobs);
    pool->threads = g_ptr_array_new();
    pool->maxWorkers = MAX(maxWorkers, 1);
    pool->func = func;
    pool->opaque = opaque;

    g_mutex_lock(&pool->lock);
    for (i = 0; i < MIN(MAX(minWorkers, 1), pool->maxWorkers); i++) {
        if (startWorker(pool, false) < 0)
            goto error;
    }
    for (i = 0; i < prioWorkers; i++) {
        if (startWorker(pool, true) < 0)
            goto error;
    }
    g_mutex_unlock(&pool->lock);
    return pool;

 error:
    g_mutex_unlock(&pool->lock);
    virNetThreadPoolFree(pool, NULL);
    return NULL;
}


int
virNetThreadPoolSubmit(virNetThreadPool *pool, void *job, bool priority)
{
    poolJob *j = g_new0(poolJob, 1);
    int ret = 0;

    j->job = job;
    j->priority = priority;
    g_mutex_lock(&pool->lock);
    g_queue_push_tail(&pool->jobs, j);
    if (priority)
        pool->nprioJobs++;
    /* Grow when every ordinary worker is busy with earlier jobs. */
    if (pool->nfree < pool->jobs.length &&
        pool->nworkers < pool->maxWorkers &&
        startWorker(pool, false) < 0 && pool->nworkers == 0)
        ret = -1;
    /* Wake one worker, not all: every job is taken by exactly one, and
     * waking the others only to sleep again costs more than the call.  A
     * priority job may go to either kind, so one of each is woken. */
    g_cond_signal(&pool->cond);
    if (priority)
        g_cond_signal(&pool->prioCond);
    g_mutex_unlock(&pool->lock);
    return ret;
}


size_t
virNetThreadPoolWorkers(virNetThreadPool *pool)
{
    size_t n;

    g_mutex_lock(&pool->lock);
    n = pool->nworkers;
    g_mutex_unlock(&pool->lock);
    return n;
}


size_t
virNetThreadPoolPrioWorkers(virNetThreadPool *pool)
{
    size_t n;

    g_mutex_lock(&pool->lock);
    n = pool->nprio;
    g_mutex_unlock(&pool->lock);
    return n;
}


void
virNetThreadPoolFree(virNetThreadPool *pool, void (*discard)(void *job))
{
    poolJob *j;
    size_t i;

    if (!pool)
        return;
    g_mutex_lock(&pool->lock);
    pool->quit = true;
    g_cond_broadcast(&pool->cond);
    g_cond_broadcast(&pool->prioCond);
    g_mutex_unlock(&pool->lock);
    for (i = 0; i < pool->threads->len; i++)
        g_thread_join(g_ptr_array_index(pool->threads, i));
    g_ptr_array_free(pool->threads, TRUE);
    while ((j = g_queue_pop_head(&pool->jobs))) {
        if (discard)
            discard(j->job);
        g_free(j);
    }
    g_mutex_clear(&pool->lock);
    g_cond_clear(&pool->cond);
    g_cond_clear(&pool->prioCond);
    g_free(pool);
}
