/* virnetthreadpool.h: the server's worker threads.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Jobs run in submission order on up to `maxWorkers` threads (at least
 * `minWorkers` are kept).  `prioWorkers` more threads run only priority
 * jobs, so that quick calls never wait behind slow ones when every
 * ordinary worker is busy.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef struct _virNetThreadPool virNetThreadPool;

typedef void (*virNetThreadPoolJobFunc)(void *job, void *opaque);

/* NULL with an error set if no thread could be started. */
virNetThreadPool *virNetThreadPoolNew(size_t minWorkers, size_t maxWorkers,
                                      size_t prioWorkers,
                                      virNetThreadPoolJobFunc func,
                                      void *opaque);

/* Queue a job; 0, or -1 with an error set. */
int virNetThreadPoolSubmit(virNetThreadPool *pool, void *job, bool priority);

/* Threads currently started (ordinary, priority). */
size_t virNetThreadPoolWorkers(virNetThreadPool *pool);
size_t virNetThreadPoolPrioWorkers(virNetThreadPool *pool);

/* ---- replacing a worker stuck in a job (per-call timeouts) ---- */

typedef struct _virNetThreadPoolWorker virNetThreadPoolWorker;

/* The pool worker running the calling thread and the number of the job it
 * is running now, or NULL outside the pool's threads. */
virNetThreadPoolWorker *virNetThreadPoolCurrentWorker(guint64 *job);

/* Give up waiting for `w`'s job number `job` (any thread): a new thread
 * takes its place, and `w` leaves the pool when that job returns.  At
 * most maxWorkers + prioWorkers workers are given up at a time (the pool
 * at most doubles).  0, or -1 (nothing done) if the job is over, the pool
 * is stopping or that many are out already. */
int virNetThreadPoolReplaceWorker(virNetThreadPoolWorker *w, guint64 job);

/* Workers given up on whose jobs have not returned yet. */
size_t virNetThreadPoolStuckWorkers(virNetThreadPool *pool);

/* ---- an idle worker waiting on a client's socket ---- */

/* From inside a job, on an ordinary worker: rather than going back to the
 * queue when its job is done, the thread may wait for the client's next
 * call on its socket and run it itself, which saves handing every call
 * from the event loop to a worker.  Allowed when nothing is queued and
 * another worker is left idle for the queue: returns an fd that becomes
 * readable when the pool wants the thread back (a job is queued and no
 * idle worker waits, the pool stops), else -1.  End with
 * virNetThreadPoolUnpark. */
int virNetThreadPoolPark(void);
/* true once the parked thread should stop waiting on its socket. */
bool virNetThreadPoolParkOver(void);
void virNetThreadPoolUnpark(void);

/* Stop: jobs not started yet are handed to `discard` (may be NULL), running
 * ones are waited for. */
void virNetThreadPoolFree(virNetThreadPool *pool, void (*discard)(void *job));
