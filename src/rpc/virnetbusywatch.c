/* virnetbusywatch.c: see virnetbusywatch.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One epoll set, one thread.  Each armed socket is in the set once
 * (EPOLLONESHOT) under a key that is never reused; the table maps live
 * keys to their objects, so an event that races with its disarm finds
 * nothing and is dropped.
 */
#include <config.h>

#include <errno.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "rpc/virnetbusywatch.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_RPC

struct _virNetBusyWatch {
    int epfd;
    int stopFd;                 /* key 0 in the set */
    GThread *thread;
    GMutex lock;
    GHashTable *armed;          /* key (guint64 *) -> object (a reference) */
    guint64 nextKey;
    virNetBusyWatchFunc func;
    void *(*ref)(void *obj);
    void (*unref)(void *obj);
};


static gpointer
busyWatchMain(gpointer opaque)
{
    virNetBusyWatch *w = opaque;

    for (;;) {
        struct epoll_event ev[16];
        int n = epoll_wait(w->epfd, ev, G_N_ELEMENTS(ev), -1);
        int i;

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return NULL;
        for (i = 0; i < n; i++) {
            guint64 key = ev[i].data.u64;
            void *obj;

            if (key == 0)
                return NULL;
            g_mutex_lock(&w->lock);
            if ((obj = g_hash_table_lookup(w->armed, &key)))
                w->ref(obj);
            g_mutex_unlock(&w->lock);
            if (obj) {
                w->func(obj);
                w->unref(obj);
            }
        }
    }
}


virNetBusyWatch *
virNetBusyWatchNew(virNetBusyWatchFunc func, void *(*ref)(void *obj),
                   void (*unref)(void *obj))
{
    virNetBusyWatch *w = g_new0(virNetBusyWatch, 1);
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0 };
    g_autoptr(GError) gerr = NULL;

    w->epfd = epoll_create1(EPOLL_CLOEXEC);
    w->stopFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (w->epfd < 0 || w->stopFd < 0 ||
        epoll_ctl(w->epfd, EPOLL_CTL_ADD, w->stopFd, &ev) < 0) {
        virReportSystemError(errno, "%s", "cannot set up a busy-socket watch");
        goto error;
    }
    g_mutex_init(&w->lock);
    w->armed = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                     NULL);
    w->func = func;
    w->ref = ref;
    w->unref = unref;
    if (!(w->thread = g_thread_try_new("rpc-busy-watch", busyWatchMain, w,
                                       &gerr))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to create the busy-socket watch thread: %s",
                       gerr->message);
        g_hash_table_unref(w->armed);
        g_mutex_clear(&w->lock);
        goto error;
    }
    return w;

 error:
    if (w->epfd >= 0)
        close(w->epfd);
    if (w->stopFd >= 0)
        close(w->stopFd);
    g_free(w);
    return NULL;
}


guint64
virNetBusyWatchArm(virNetBusyWatch *w, int fd, void *obj)
{
    struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT };
    guint64 *key = g_new(guint64, 1);

    g_mutex_lock(&w->lock);
    *key = ++w->nextKey;
    ev.data.u64 = *key;
    g_hash_table_insert(w->armed, key, w->ref(obj));
    g_mutex_unlock(&w->lock);
    if (epoll_ctl(w->epfd, EPOLL_CTL_ADD, fd, &ev) == 0)
        return ev.data.u64;
    virNetBusyWatchDisarm(w, -1, ev.data.u64);
    return 0;
}


void
virNetBusyWatchDisarm(virNetBusyWatch *w, int fd, guint64 key)
{
    gpointer k = NULL, obj = NULL;

    if (fd >= 0)
        epoll_ctl(w->epfd, EPOLL_CTL_DEL, fd, NULL);
    g_mutex_lock(&w->lock);
    if (g_hash_table_steal_extended(w->armed, &key, &k, &obj))
        g_free(k);
    g_mutex_unlock(&w->lock);
    if (obj)
        w->unref(obj);
}


void
virNetBusyWatchFree(virNetBusyWatch *w)
{
    guint64 one = 1;

    if (!w)
        return;
    if (write(w->stopFd, &one, sizeof(one)) < 0) {
        /* an eventfd only refuses an overflowing counter */
    }
    g_thread_join(w->thread);
    close(w->epfd);
    close(w->stopFd);
    g_hash_table_unref(w->armed);
    g_mutex_clear(&w->lock);
    g_free(w);
}
