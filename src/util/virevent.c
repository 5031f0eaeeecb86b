/* virevent.c: the default event loop, built on poll(2).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Handles and timeouts are heap records kept in two arrays.  Removing one
 * only marks it deleted; records are unlinked (and their free callbacks
 * run) by the loop thread after a dispatch pass, so a pointer taken before
 * dropping the lock stays valid while a callback runs.  A self-pipe wakes
 * a sleeping poll() when another thread changes the set.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "util/virevent.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_EVENT

typedef struct {
    int watch;
    int fd;
    int events;                 /* virEventHandleType bits */
    virEventHandleCallback cb;
    void *opaque;
    virFreeCallback ff;
    bool deleted;
} virEventPollHandle;

typedef struct {
    int timer;
    int frequency;              /* ms; -1 disabled */
    gint64 expiresAt;           /* ms, monotonic */
    virEventTimeoutCallback cb;
    void *opaque;
    virFreeCallback ff;
    bool deleted;
} virEventPollTimeout;

static struct {
    GMutex lock;                /* guards everything below */
    GMutex runLock;             /* serialises iterations */
    bool initialized;
    GPtrArray *handles;         /* of virEventPollHandle * */
    GPtrArray *timeouts;        /* of virEventPollTimeout * */
    int nextWatch;
    int nextTimer;
    GThread *owner;             /* thread inside an iteration, or NULL */
    bool polling;               /* owner is (about to be) inside poll() */
    bool wakeupPending;
    int wakeup[2];
} eventLoop = { .wakeup = { -1, -1 } };


static gint64
virEventPollNow(void)
{
    return g_get_monotonic_time() / 1000;
}


int
virEventPollToNativeEvents(int events)
{
    int ret = 0;

    if (events & VIR_EVENT_HANDLE_READABLE)
        ret |= POLLIN;
    if (events & VIR_EVENT_HANDLE_WRITABLE)
        ret |= POLLOUT;
    if (events & VIR_EVENT_HANDLE_ERROR)
        ret |= POLLERR;
    if (events & VIR_EVENT_HANDLE_HANGUP)
        ret |= POLLHUP;
    return ret;
}


int
virEventPollFromNativeEvents(int revents)
{
    int ret = 0;

    if (revents & (POLLIN | POLLPRI))
        ret |= VIR_EVENT_HANDLE_READABLE;
    if (revents & POLLOUT)
        ret |= VIR_EVENT_HANDLE_WRITABLE;
    if (revents & (POLLERR | POLLNVAL))
        ret |= VIR_EVENT_HANDLE_ERROR;
    if (revents & POLLHUP)
        ret |= VIR_EVENT_HANDLE_HANGUP;
    return ret;
}


/* Called with the lock held after any change: make a poll() in another
 * thread return so it sees the new set. */
static void
virEventPollInterruptLocked(void)
{
    char c = 0;

    if (!eventLoop.polling || eventLoop.owner == g_thread_self() ||
        eventLoop.wakeupPending)
        return;
    if (write(eventLoop.wakeup[1], &c, 1) == 1)
        eventLoop.wakeupPending = true;
}


int
virEventPollInit(void)
{
    int ret = 0;

    g_mutex_lock(&eventLoop.lock);
    if (!eventLoop.initialized) {
        if (pipe(eventLoop.wakeup) < 0 ||
            fcntl(eventLoop.wakeup[0], F_SETFL, O_NONBLOCK) < 0 ||
            fcntl(eventLoop.wakeup[1], F_SETFL, O_NONBLOCK) < 0 ||
            fcntl(eventLoop.wakeup[0], F_SETFD, FD_CLOEXEC) < 0 ||
            fcntl(eventLoop.wakeup[1], F_SETFD, FD_CLOEXEC) < 0) {
            virReportSystemError(errno, "%s",
                                 "Unable to setup wakeup pipe");
            if (eventLoop.wakeup[0] >= 0) {
                close(eventLoop.wakeup[0]);
                close(eventLoop.wakeup[1]);
            }
            eventLoop.wakeup[0] = eventLoop.wakeup[1] = -1;
            ret = -1;
        } else {
            eventLoop.handles = g_ptr_array_new();
            eventLoop.timeouts = g_ptr_array_new();
            eventLoop.nextWatch = 1;
            eventLoop.nextTimer = 1;
            eventLoop.initialized = true;
        }
    }
    g_mutex_unlock(&eventLoop.lock);
    return ret;
}


int
virEventPollAddHandle(int fd, int events, virEventHandleCallback cb,
                      void *opaque, virFreeCallback ff)
{
    virEventPollHandle *h;
    int watch;

    if (virEventPollInit() < 0)
        return -1;

    h = g_new0(virEventPollHandle, 1);
    h->fd = fd;
    h->events = events;
    h->cb = cb;
    h->opaque = opaque;
    h->ff = ff;

    g_mutex_lock(&eventLoop.lock);
    watch = h->watch = eventLoop.nextWatch++;
    g_ptr_array_add(eventLoop.handles, h);
    virEventPollInterruptLocked();
    g_mutex_unlock(&eventLoop.lock);

    VIR_DEBUG("watch=%d fd=%d events=%d", watch, fd, events);
    return watch;
}


static virEventPollHandle *
virEventPollFindHandleLocked(int watch)
{
    size_t i;

    if (watch <= 0 || !eventLoop.handles)
        return NULL;
    for (i = 0; i < eventLoop.handles->len; i++) {
        virEventPollHandle *h = g_ptr_array_index(eventLoop.handles, i);
        if (h->watch == watch && !h->deleted)
            return h;
    }
    return NULL;
}


void
virEventPollUpdateHandle(int watch, int events)
{
    virEventPollHandle *h;

    g_mutex_lock(&eventLoop.lock);
    if ((h = virEventPollFindHandleLocked(watch))) {
        /* Unchanged: the set being polled is already right (or a wake-up
         * for an earlier change is on its way), so spare the loop one. */
        if (h->events != events) {
            h->events = events;
            virEventPollInterruptLocked();
        }
    } else {
        VIR_DEBUG("ignoring update of unknown watch %d", watch);
    }
    g_mutex_unlock(&eventLoop.lock);
}


int
virEventPollRemoveHandle(int watch)
{
    virEventPollHandle *h;
    int ret = -1;

    g_mutex_lock(&eventLoop.lock);
    if ((h = virEventPollFindHandleLocked(watch))) {
        h->deleted = true;
        virEventPollInterruptLocked();
        ret = 0;
    }
    g_mutex_unlock(&eventLoop.lock);
    return ret;
}


int
virEventPollAddTimeout(int frequency, virEventTimeoutCallback cb,
                       void *opaque, virFreeCallback ff)
{
    virEventPollTimeout *t;
    int timer;

    if (virEventPollInit() < 0)
        return -1;

    t = g_new0(virEventPollTimeout, 1);
    t->frequency = frequency;
    t->expiresAt = frequency >= 0 ? virEventPollNow() + frequency : 0;
    t->cb = cb;
    t->opaque = opaque;
    t->ff = ff;

    g_mutex_lock(&eventLoop.lock);
    timer = t->timer = eventLoop.nextTimer++;
    g_ptr_array_add(eventLoop.timeouts, t);
    virEventPollInterruptLocked();
    g_mutex_unlock(&eventLoop.lock);

    VIR_DEBUG("timer=%d frequency=%d", timer, frequency);
    return timer;
}


static virEventPollTimeout *
virEventPollFindTimeoutLocked(int timer)
{
    size_t i;

    if (timer <= 0 || !eventLoop.timeouts)
        return NULL;
    for (i = 0; i < eventLoop.timeouts->len; i++) {
        virEventPollTimeout *t = g_ptr_array_index(eventLoop.timeouts, i);
        if (t->timer == timer && !t->deleted)
            return t;
    }
    return NULL;
}


void
virEventPollUpdateTimeout(int timer, int frequency)
{
    virEventPollTimeout *t;

    g_mutex_lock(&eventLoop.lock);
    if ((t = virEventPollFindTimeoutLocked(timer))) {
        t->frequency = frequency;
        t->expiresAt = frequency >= 0 ? virEventPollNow() + frequency : 0;
        virEventPollInterruptLocked();
    } else {
        VIR_DEBUG("ignoring update of unknown timer %d", timer);
    }
    g_mutex_unlock(&eventLoop.lock);
}


int
virEventPollRemoveTimeout(int timer)
{
    virEventPollTimeout *t;
    int ret = -1;

    g_mutex_lock(&eventLoop.lock);
    if ((t = virEventPollFindTimeoutLocked(timer))) {
        t->deleted = true;
        virEventPollInterruptLocked();
        ret = 0;
    }
    g_mutex_unlock(&eventLoop.lock);
    return ret;
}


/* A free callback to run once the lock is dropped. */
typedef struct {
    virFreeCallback ff;
    void *opaque;
} virEventPollFree;

/* Unlink deleted records; their free callbacks are queued in `todo`. */
static void
virEventPollCleanupLocked(GArray *todo)
{
    guint i = 0;

    while (i < eventLoop.handles->len) {
        virEventPollHandle *h = g_ptr_array_index(eventLoop.handles, i);
        if (!h->deleted) {
            i++;
            continue;
        }
        if (h->ff) {
            virEventPollFree f = { h->ff, h->opaque };
            g_array_append_val(todo, f);
        }
        g_ptr_array_remove_index(eventLoop.handles, i);
        g_free(h);
    }

    i = 0;
    while (i < eventLoop.timeouts->len) {
        virEventPollTimeout *t = g_ptr_array_index(eventLoop.timeouts, i);
        if (!t->deleted) {
            i++;
            continue;
        }
        if (t->ff) {
            virEventPollFree f = { t->ff, t->opaque };
            g_array_append_val(todo, f);
        }
        g_ptr_array_remove_index(eventLoop.timeouts, i);
        g_free(t);
    }
}


static void
virEventPollRunFrees(GArray *todo)
{
    guint i;

    for (i = 0; i < todo->len; i++) {
        virEventPollFree *f = &g_array_index(todo, virEventPollFree, i);
        f->ff(f->opaque);
    }
    g_array_set_size(todo, 0);
}


/* Milliseconds until the first enabled timeout is due; -1 if none. */
static int
virEventPollCalculateTimeoutLocked(void)
{
    gint64 now = virEventPollNow();
    gint64 first = -1;
    guint i;

    for (i = 0; i < eventLoop.timeouts->len; i++) {
        virEventPollTimeout *t = g_ptr_array_index(eventLoop.timeouts, i);
        if (t->deleted || t->frequency < 0)
            continue;
        if (first < 0 || t->expiresAt < first)
            first = t->expiresAt;
    }
    if (first < 0)
        return -1;
    if (first <= now)
        return 0;
    return first - now > G_MAXINT ? G_MAXINT : (int)(first - now);
}


static void
virEventPollDispatchTimeoutsLocked(void)
{
    guint n = eventLoop.timeouts->len;  /* ones added by callbacks wait */
    gint64 now = virEventPollNow();
    guint i;

    for (i = 0; i < n; i++) {
        virEventPollTimeout *t = g_ptr_array_index(eventLoop.timeouts, i);
        virEventTimeoutCallback cb;
        void *opaque;
        int timer;

        if (t->deleted || t->frequency < 0 || t->expiresAt > now)
            continue;
        t->expiresAt = now + t->frequency;
        cb = t->cb;
        opaque = t->opaque;
        timer = t->timer;
        g_mutex_unlock(&eventLoop.lock);
        cb(timer, opaque);
        g_mutex_lock(&eventLoop.lock);
    }
}


static void
virEventPollDispatchHandlesLocked(struct pollfd *fds,
                                  virEventPollHandle **polled, guint npolled)
{
    guint i;

    for (i = 0; i < npolled; i++) {
        virEventPollHandle *h = polled[i];
        virEventHandleCallback cb;
        void *opaque;
        int watch, fd, events;

        if (!fds[i + 1].revents || h->deleted)
            continue;
        /* Report only what is still wanted (errors/hangups always). */
        events = virEventPollFromNativeEvents(fds[i + 1].revents) &
            (h->events | VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP);
        if (!events || !h->events)
            continue;
        cb = h->cb;
        opaque = h->opaque;
        watch = h->watch;
        fd = h->fd;
        g_mutex_unlock(&eventLoop.lock);
        cb(watch, fd, events, opaque);
        g_mutex_lock(&eventLoop.lock);
    }
}


static void
virEventPollDrainWakeup(void)
{
    char buf[64];

    while (read(eventLoop.wakeup[0], buf, sizeof(buf)) > 0)
        ;
    eventLoop.wakeupPending = false;
}


int
virEventPollRunOnce(void)
{
    g_autofree struct pollfd *fds = NULL;
    g_autofree virEventPollHandle **polled = NULL;
    g_autoptr(GArray) todo = g_array_new(FALSE, FALSE,
                                         sizeof(virEventPollFree));
    guint npolled = 0;
    guint i;
    int timeout;
    int rc;
    int ret = -1;

    if (virEventPollInit() < 0)
        return -1;

    g_mutex_lock(&eventLoop.lock);
    if (eventLoop.owner == g_thread_self()) {
        g_mutex_unlock(&eventLoop.lock);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "event loop iteration started from inside a callback");
        return -1;
    }
    g_mutex_unlock(&eventLoop.lock);

    g_mutex_lock(&eventLoop.runLock);
    g_mutex_lock(&eventLoop.lock);
    eventLoop.owner = g_thread_self();

    virEventPollCleanupLocked(todo);
    if (todo->len) {
        g_mutex_unlock(&eventLoop.lock);
        virEventPollRunFrees(todo);
        g_mutex_lock(&eventLoop.lock);
    }

    /* Slot 0 is the wakeup pipe; slot i+1 is polled[i]. */
    fds = g_new0(struct pollfd, eventLoop.handles->len + 1);
    polled = g_new0(virEventPollHandle *, eventLoop.handles->len + 1);
    fds[0].fd = eventLoop.wakeup[0];
    fds[0].events = POLLIN;
    for (i = 0; i < eventLoop.handles->len; i++) {
        virEventPollHandle *h = g_ptr_array_index(eventLoop.handles, i);
        if (h->deleted)
            continue;
        /* A disabled handle is not polled: no busy loop on its hangup. */
        fds[npolled + 1].fd = h->events ? h->fd : -1;
        fds[npolled + 1].events = virEventPollToNativeEvents(h->events);
        polled[npolled++] = h;
    }
    timeout = virEventPollCalculateTimeoutLocked();
    eventLoop.polling = true;
    g_mutex_unlock(&eventLoop.lock);

    rc = poll(fds, npolled + 1, timeout);

    g_mutex_lock(&eventLoop.lock);
    eventLoop.polling = false;
    if (rc < 0) {
        if (errno == EINTR || errno == EAGAIN) {
            ret = 0;
        } else {
            virReportSystemError(errno, "%s",
                                 "Unable to poll on file handles");
        }
        goto cleanup;
    }
    if (fds[0].revents)
        virEventPollDrainWakeup();

    virEventPollDispatchTimeoutsLocked();
    virEventPollDispatchHandlesLocked(fds, polled, npolled);
    ret = 0;

 cleanup:
    virEventPollCleanupLocked(todo);
    eventLoop.owner = NULL;
    g_mutex_unlock(&eventLoop.lock);
    g_mutex_unlock(&eventLoop.runLock);
    virEventPollRunFrees(todo);
    return ret;
}
