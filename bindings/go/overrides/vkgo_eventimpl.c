/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* C side of eventimpl.go: trampolines from the library's event callbacks
 * to Go, and an event implementation whose six hooks are Go functions. */
#include <stdint.h>
#include "vkgo.h"
#include "_cgo_export.h"

static void
vkgoHandleCb(int watch, int fd, int events, void *opaque)
{
    vkgoEventHandleCallback(watch, fd, events, (long)(intptr_t)opaque);
}

static void
vkgoTimeoutCb(int timer, void *opaque)
{
    vkgoEventTimeoutCallback(timer, (long)(intptr_t)opaque);
}

static void
vkgoEventFreeCb(void *opaque)
{
    vkgoFreeHandle((long)(intptr_t)opaque);
}

int
vkgoEventAddHandle(int fd, int events, long handle, virErrorPtr err)
{
    int ret = virEventAddHandle(fd, events, vkgoHandleCb,
                                (void *)(intptr_t)handle, vkgoEventFreeCb);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoEventAddTimeout(int freq, long handle, virErrorPtr err)
{
    int ret = virEventAddTimeout(freq, vkgoTimeoutCb,
                                 (void *)(intptr_t)handle, vkgoEventFreeCb);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

void
vkgoEventInvokeHandle(virEventHandleCallback cb, int watch, int fd,
                      int events, void *opaque)
{
    cb(watch, fd, events, opaque);
}

void
vkgoEventInvokeTimeout(virEventTimeoutCallback cb, int timer, void *opaque)
{
    cb(timer, opaque);
}

void
vkgoEventInvokeFree(virFreeCallback ff, void *opaque)
{
    if (ff)
        ff(opaque);
}

static int
vkgoImplAddHandle(int fd, int events, virEventHandleCallback cb,
                  void *opaque, virFreeCallback ff)
{
    return vkgoEventImplAddHandle(fd, events, cb, opaque, ff);
}

static void
vkgoImplUpdateHandle(int watch, int events)
{
    vkgoEventImplUpdateHandle(watch, events);
}

static int
vkgoImplRemoveHandle(int watch)
{
    return vkgoEventImplRemoveHandle(watch);
}

static int
vkgoImplAddTimeout(int freq, virEventTimeoutCallback cb, void *opaque,
                   virFreeCallback ff)
{
    return vkgoEventImplAddTimeout(freq, cb, opaque, ff);
}

static void
vkgoImplUpdateTimeout(int timer, int freq)
{
    vkgoEventImplUpdateTimeout(timer, freq);
}

static int
vkgoImplRemoveTimeout(int timer)
{
    return vkgoEventImplRemoveTimeout(timer);
}

void
vkgoEventRegisterImpl(void)
{
    virEventRegisterImpl(vkgoImplAddHandle, vkgoImplUpdateHandle,
                         vkgoImplRemoveHandle, vkgoImplAddTimeout,
                         vkgoImplUpdateTimeout, vkgoImplRemoveTimeout);
}
