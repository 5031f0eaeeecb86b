/* libvirt-event.c: the public event API (libvirt-event.h).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Applications either register their own loop (virEventRegisterImpl) or the
 * default poll loop from util/virevent.c, then the library and the
 * application add handles and timeouts through these entry points.
 */
#include <config.h>

#include "util/virerror.h"
#include "util/virevent.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_EVENT

/* Set once; an implementation cannot be replaced after registration. */
static GMutex virEventImplLock;
static virEventAddHandleFunc addHandleImpl;
static virEventUpdateHandleFunc updateHandleImpl;
static virEventRemoveHandleFunc removeHandleImpl;
static virEventAddTimeoutFunc addTimeoutImpl;
static virEventUpdateTimeoutFunc updateTimeoutImpl;
static virEventRemoveTimeoutFunc removeTimeoutImpl;


void
virEventRegisterImpl(virEventAddHandleFunc addHandle,
                     virEventUpdateHandleFunc updateHandle,
                     virEventRemoveHandleFunc removeHandle,
                     virEventAddTimeoutFunc addTimeout,
                     virEventUpdateTimeoutFunc updateTimeout,
                     virEventRemoveTimeoutFunc removeTimeout)
{
    g_mutex_lock(&virEventImplLock);
    if (addHandleImpl || updateHandleImpl || removeHandleImpl ||
        addTimeoutImpl || updateTimeoutImpl || removeTimeoutImpl) {
        g_mutex_unlock(&virEventImplLock);
        VIR_WARN("Ignoring attempt to replace registered event loop");
        return;
    }
    addHandleImpl = addHandle;
    updateHandleImpl = updateHandle;
    removeHandleImpl = removeHandle;
    addTimeoutImpl = addTimeout;
    updateTimeoutImpl = updateTimeout;
    removeTimeoutImpl = removeTimeout;
    g_mutex_unlock(&virEventImplLock);
}


int
virEventRegisterDefaultImpl(void)
{
    virResetLastError();

    if (virEventPollInit() < 0) {
        virDispatchError(NULL);
        return -1;
    }
    virEventRegisterImpl(virEventPollAddHandle, virEventPollUpdateHandle,
                         virEventPollRemoveHandle, virEventPollAddTimeout,
                         virEventPollUpdateTimeout, virEventPollRemoveTimeout);
    return 0;
}


int
virEventRunDefaultImpl(void)
{
    virResetLastError();

    if (virEventPollRunOnce() < 0) {
        virDispatchError(NULL);
        return -1;
    }
    return 0;
}


/* Registration may race with the first calls from other threads: read
 * the callbacks under the lock. */
typedef struct {
    virEventAddHandleFunc addHandle;
    virEventUpdateHandleFunc updateHandle;
    virEventRemoveHandleFunc removeHandle;
    virEventAddTimeoutFunc addTimeout;
    virEventUpdateTimeoutFunc updateTimeout;
    virEventRemoveTimeoutFunc removeTimeout;
} virEventImpl;

static virEventImpl
virEventGetImpl(void)
{
    virEventImpl impl;

    g_mutex_lock(&virEventImplLock);
    impl.addHandle = addHandleImpl;
    impl.updateHandle = updateHandleImpl;
    impl.removeHandle = removeHandleImpl;
    impl.addTimeout = addTimeoutImpl;
    impl.updateTimeout = updateTimeoutImpl;
    impl.removeTimeout = removeTimeoutImpl;
    g_mutex_unlock(&virEventImplLock);
    return impl;
}


int
virEventAddHandle(int fd, int events, virEventHandleCallback cb,
                  void *opaque, virFreeCallback ff)
{
    virEventAddHandleFunc fn = virEventGetImpl().addHandle;

    if (!fn)
        return -1;
    return fn(fd, events, cb, opaque, ff);
}


void
virEventUpdateHandle(int watch, int events)
{
    virEventUpdateHandleFunc fn = virEventGetImpl().updateHandle;

    if (fn)
        fn(watch, events);
}


int
virEventRemoveHandle(int watch)
{
    virEventRemoveHandleFunc fn = virEventGetImpl().removeHandle;

    if (!fn)
        return -1;
    return fn(watch);
}


int
virEventAddTimeout(int frequency, virEventTimeoutCallback cb,
                   void *opaque, virFreeCallback ff)
{
    virEventAddTimeoutFunc fn = virEventGetImpl().addTimeout;

    if (!fn)
        return -1;
    return fn(frequency, cb, opaque, ff);
}


void
virEventUpdateTimeout(int timer, int frequency)
{
    virEventUpdateTimeoutFunc fn = virEventGetImpl().updateTimeout;

    if (fn)
        fn(timer, frequency);
}


int
virEventRemoveTimeout(int timer)
{
    virEventRemoveTimeoutFunc fn = virEventGetImpl().removeTimeout;

    if (!fn)
        return -1;
    return fn(timer);
}


int
virEventRequireImpl(void)
{
    virEventImpl impl = virEventGetImpl();

    if (!impl.addHandle || !impl.addTimeout) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "An event loop implementation must be registered");
        return -1;
    }
    return 0;
}
