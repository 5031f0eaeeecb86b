/* virnetthreadpool.c: worker threads with a priority reserve; see
 * virnetthreadpool.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <glib.h>
#include <sys/eventfd.h>
#include <unistd.h>

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
    GPtrArray *threads;         /* joined by Free; not the replaced ones */
    gint refs;                  /* Free's, and one per replaced worker */
    size_t nreplaced;           /* replaced workers still in their job */
    size_t maxReplaced;         /* maxWorkers + prioWorkers */
    size_t maxWorkers;
    size_t nworkers, nfree;     /* ordinary threads started / idle */
    size_t nprio;               /* priority threads started */
    GQueue parked;              /* poolWorker * waiting on a socket */
    bool quit;
    virNetThreadPoolJobFunc func;
    void *opaque;
};

struct _virNetThreadPoolWorker {
    virNetThreadPool *pool;
    bool priority;
    GThread *thread;
    guint64 job;                /* jobs started */
    bool busy;                  /* running job number `job` */
    bool replaced;              /* leave when the job returns */
    bool parked;                /* in pool->parked */
    int wakeFd;                 /* eventfd: the pool wants it back; -1 */
};
typedef virNetThreadPoolWorker poolWorker;

static _Thread_local poolWorker *currentWorker;


static void
poolUnref(virNetThreadPool *pool)
{
    if (!g_atomic_int_dec_and_test(&pool->refs))
        return;
    g_mutex_clear(&pool->lock);
    g_cond_clear(&pool->cond);
    g_cond_clear(&pool->prioCond);
    g_free(pool);
}


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

    currentWorker = w;
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
        w->job++;
        w->busy = true;
        g_mutex_unlock(&pool->lock);

        pool->func(job->job, pool->opaque);
        g_free(job);
        /* A job may leave an error behind: never carry it to the next. */
        virResetLastError();

        g_mutex_lock(&pool->lock);
        w->busy = false;
        if (w->replaced) {
            /* another thread has its place: leave (the pool may have been
             * freed meanwhile, except for our reference) */
            pool->nreplaced--;
            g_mutex_unlock(&pool->lock);
            currentWorker = NULL;
            if (w->wakeFd >= 0)
                close(w->wakeFd);
            g_free(w);
            poolUnref(pool);
            return NULL;
        }
        if (!w->priority)
            pool->nfree++;
    }
    g_mutex_unlock(&pool->lock);
    if (w->wakeFd >= 0)
        close(w->wakeFd);
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
    w->wakeFd = -1;
    t = g_thread_try_new(priority ? "rpc-prio-worker" : "rpc-worker",
                         workerMain, w, &gerr);
    if (!t) {
        g_free(w);
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to create worker thread: %s", gerr->message);
        return -1;
    }
    w->thread = t;
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
    pool->refs = 1;
    pool->maxReplaced = MAX(maxWorkers, 1) + prioWorkers;
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


/* With the lock held: tell the first parked worker to come back. */
static void
wakeParked(virNetThreadPool *pool)
{
    poolWorker *w = g_queue_pop_head(&pool->parked);
    guint64 one = 1;

    if (!w)
        return;
    w->parked = false;
    if (write(w->wakeFd, &one, sizeof(one)) < 0) {
        /* cannot fail short of a full counter: it is woken already */
    }
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
    /* No idle worker waits for jobs: call one back from a socket. */
    if (pool->nfree == 0)
        wakeParked(pool);
    g_mutex_unlock(&pool->lock);
    /* Wake one worker, not all: every job is taken by exactly one, and
     * waking the others only to sleep again costs more than the call.  A
     * priority job may go to either kind, so one of each is woken.  Done
     * after unlocking, or the woken thread would at once wait for the
     * lock we hold. */
    g_cond_signal(&pool->cond);
    if (priority)
        g_cond_signal(&pool->prioCond);
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
    while (pool->parked.length)
        wakeParked(pool);
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
    poolUnref(pool);
}


virNetThreadPoolWorker *
virNetThreadPoolCurrentWorker(guint64 *job)
{
    poolWorker *w = currentWorker;

    if (w) {
        g_mutex_lock(&w->pool->lock);
        *job = w->job;
        g_mutex_unlock(&w->pool->lock);
    }
    return w;
}


int
virNetThreadPoolReplaceWorker(virNetThreadPoolWorker *w, guint64 job)
{
    virNetThreadPool *pool = w->pool;
    int ret = -1;

    g_mutex_lock(&pool->lock);
    if (pool->quit || !w->busy || w->replaced || w->job != job ||
        pool->nreplaced >= pool->maxReplaced)
        goto cleanup;
    /* out of the pool's counts and of the threads Free joins */
    if (w->priority)
        pool->nprio--;
    else
        pool->nworkers--;
    if (startWorker(pool, w->priority) < 0) {
        if (w->priority)
            pool->nprio++;
        else
            pool->nworkers++;
        virResetLastError();
        goto cleanup;
    }
    w->replaced = true;
    pool->nreplaced++;
    g_atomic_int_inc(&pool->refs);
    g_ptr_array_remove(pool->threads, w->thread);
    g_thread_unref(w->thread);
    ret = 0;
 cleanup:
    g_mutex_unlock(&pool->lock);
    return ret;
}


size_t
virNetThreadPoolStuckWorkers(virNetThreadPool *pool)
{
    size_t n;

    g_mutex_lock(&pool->lock);
    n = pool->nreplaced;
    g_mutex_unlock(&pool->lock);
    return n;
}


/* ---- idle workers serving a socket ------------------------------------ */

int
virNetThreadPoolPark(void)
{
    poolWorker *w = currentWorker;
    virNetThreadPool *pool;
    guint64 v;
    int ret = -1;

    if (!w || w->priority)
        return -1;
    pool = w->pool;
    g_mutex_lock(&pool->lock);
    /* Keep at least one worker waiting for the queue. */
    if (pool->quit || w->replaced || w->parked || pool->jobs.length > 0 ||
        pool->nfree == 0)
        goto cleanup;
    if (w->wakeFd < 0 &&
        (w->wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) < 0)
        goto cleanup;
    while (read(w->wakeFd, &v, sizeof(v)) < 0 && errno == EINTR)
        ;
    w->parked = true;
    g_queue_push_tail(&pool->parked, w);
    ret = w->wakeFd;
 cleanup:
    g_mutex_unlock(&pool->lock);
    return ret;
}


bool
virNetThreadPoolParkOver(void)
{
    poolWorker *w = currentWorker;
    bool over;

    if (!w)
        return true;
    g_mutex_lock(&w->pool->lock);
    over = !w->parked || w->replaced || w->pool->quit;
    g_mutex_unlock(&w->pool->lock);
    return over;
}


void
virNetThreadPoolUnpark(void)
{
    poolWorker *w = currentWorker;

    if (!w)
        return;
    g_mutex_lock(&w->pool->lock);
    if (w->parked) {
        g_queue_remove(&w->pool->parked, w);
        w->parked = false;
    }
    g_mutex_unlock(&w->pool->lock);
}
