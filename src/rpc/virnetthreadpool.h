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

/* Stop: jobs not started yet are handed to `discard` (may be NULL), running
 * ones are waited for. */
void virNetThreadPoolFree(virNetThreadPool *pool, void (*discard)(void *job));
