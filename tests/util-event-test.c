/* util-event-test.c: the default event loop through the public API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "util/virerror.h"
#include "util/virevent.h"
#include "tap.h"

/* Shared log of what callbacks did, checked after each iteration. */
typedef struct {
    int handleCalls;
    int lastEvents;
    int lastWatch;
    int lastFd;
    int timerCalls;
    int lastTimer;
    int frees;
    bool freeDuringDispatch;   /* a free callback ran inside a callback */
    bool inCallback;
    int removeSelf;            /* remove own watch/timer on this call */
    int removeOther;           /* also remove this id */
    bool drain;
} testState;

static testState st;

static void
resetState(void)
{
    memset(&st, 0, sizeof(st));
}


static void
countFree(void *opaque)
{
    if (st.inCallback)
        st.freeDuringDispatch = true;
    st.frees++;
    (void)opaque;
}


static void
handleCb(int watch, int fd, int events, void *opaque)
{
    char buf[64];

    st.inCallback = true;
    st.handleCalls++;
    st.lastWatch = watch;
    st.lastFd = fd;
    st.lastEvents = events;
    if (st.drain && (events & VIR_EVENT_HANDLE_READABLE))
        (void)!read(fd, buf, sizeof(buf));
    if (st.removeSelf && st.handleCalls == st.removeSelf)
        virEventRemoveHandle(watch);
    if (st.removeOther) {
        virEventRemoveHandle(st.removeOther);
        st.removeOther = 0;
    }
    st.inCallback = false;
    (void)opaque;
}


static void
timerCb(int timer, void *opaque)
{
    st.inCallback = true;
    st.timerCalls++;
    st.lastTimer = timer;
    if (st.removeSelf && st.timerCalls == st.removeSelf)
        virEventRemoveTimeout(timer);
    st.inCallback = false;
    (void)opaque;
}


/* Run one iteration that cannot block, so pending frees get done. */
static void
flushFrees(void)
{
    int t = virEventAddTimeout(0, timerCb, NULL, NULL);

    virEventRunDefaultImpl();
    virEventRemoveTimeout(t);
}


static void
testUnregistered(void)
{
    is_int(virEventAddHandle(0, VIR_EVENT_HANDLE_READABLE, handleCb, NULL, NULL),
           -1, "AddHandle before registration");
    is_int(virEventAddTimeout(0, timerCb, NULL, NULL), -1,
           "AddTimeout before registration");
    is_int(virEventRemoveHandle(1), -1, "RemoveHandle before registration");
    is_int(virEventRemoveTimeout(1), -1, "RemoveTimeout before registration");
    virEventUpdateHandle(1, 0);
    virEventUpdateTimeout(1, 0);
    is_int(virEventRequireImpl(), -1, "RequireImpl fails");
    is_int(virGetLastErrorCode(), VIR_ERR_CONFIG_UNSUPPORTED, "RequireImpl code");
    is_str(virGetLastErrorMessage(),
           "unsupported configuration: An event loop implementation must be registered",
           "RequireImpl message");
    virResetLastError();
}


static void
testHandles(void)
{
    int fds[2];
    int watch, watch2;

    ok(pipe(fds) == 0, "pipe");
    resetState();
    watch = virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE, handleCb,
                              NULL, countFree);
    ok(watch >= 1, "first watch id is positive (%d)", watch);
    watch2 = virEventAddHandle(fds[0], 0, handleCb, NULL, countFree);
    is_int(watch2, watch + 1, "watch ids increase");

    st.drain = true;
    (void)!write(fds[1], "x", 1);
    is_int(virEventRunDefaultImpl(), 0, "iteration");
    is_int(st.handleCalls, 1, "readable handle fired once (disabled one not)");
    is_int(st.lastWatch, watch, "callback got its watch");
    is_int(st.lastFd, fds[0], "callback got its fd");
    is_int(st.lastEvents, VIR_EVENT_HANDLE_READABLE, "READABLE reported");

    /* Enable writes on the write end through an update. */
    virEventUpdateHandle(watch2, VIR_EVENT_HANDLE_WRITABLE);
    is_int(virEventRemoveHandle(watch), 0, "remove readable watch");
    is_int(virEventRemoveHandle(watch), -1, "second remove fails");
    ok(!virErrorIsSet(), "a failed remove raises no error");
    /* watch2 watches the read end for writability: never ready; use a new
     * watch on the write end instead. */
    virEventRemoveHandle(watch2);
    st.handleCalls = 0;
    watch = virEventAddHandle(fds[1], VIR_EVENT_HANDLE_WRITABLE, handleCb,
                              NULL, countFree);
    virEventRunDefaultImpl();
    is_int(st.frees, 2, "free callbacks of removed watches ran");
    ok(!st.freeDuringDispatch, "no free callback inside a dispatch");
    is_int(st.handleCalls, 1, "writable fired");
    is_int(st.lastEvents, VIR_EVENT_HANDLE_WRITABLE, "WRITABLE reported");

    /* Removal from inside its own callback. */
    st.handleCalls = 0;
    st.frees = 0;
    st.removeSelf = 1;
    virEventRunDefaultImpl();
    is_int(st.handleCalls, 1, "self-removing handle ran once");
    is_int(st.frees, 1, "its free ran after the dispatch");
    ok(!st.freeDuringDispatch, "not during the dispatch");
    st.removeSelf = 0;

    /* Hangup: close the write end while watching the read end. */
    st.handleCalls = 0;
    st.frees = 0;
    watch = virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE, handleCb,
                              NULL, countFree);
    close(fds[1]);
    st.removeSelf = 1;
    virEventRunDefaultImpl();
    ok(st.lastEvents & VIR_EVENT_HANDLE_HANGUP, "HANGUP reported (events %d)",
       st.lastEvents);
    st.removeSelf = 0;
    close(fds[0]);
    is_int(st.frees, 1, "hung-up watch freed");
}


static void
testRemoveOther(void)
{
    int a[2], b[2];
    int wa, wb;

    ok(pipe(a) == 0 && pipe(b) == 0, "pipes");
    resetState();
    st.drain = true;
    wa = virEventAddHandle(a[0], VIR_EVENT_HANDLE_READABLE, handleCb, NULL,
                           countFree);
    wb = virEventAddHandle(b[0], VIR_EVENT_HANDLE_READABLE, handleCb, NULL,
                           countFree);
    (void)!write(a[1], "x", 1);
    (void)!write(b[1], "x", 1);
    st.removeOther = wb;    /* the first callback removes the second */
    virEventRunDefaultImpl();
    is_int(st.handleCalls, 1, "a watch removed by another callback is not run");
    is_int(st.lastWatch, wa, "only the first ran");
    is_int(st.frees, 1, "removed watch freed");
    virEventRemoveHandle(wa);
    flushFrees();
    is_int(st.frees, 2, "the other watch freed after a later iteration");
    close(a[0]); close(a[1]); close(b[0]); close(b[1]);
}


static void
testTimeouts(void)
{
    int t0, tdis, t50;
    gint64 start;

    resetState();
    t0 = virEventAddTimeout(0, timerCb, NULL, countFree);
    ok(t0 >= 1, "timer id positive (%d)", t0);
    tdis = virEventAddTimeout(-1, timerCb, NULL, countFree);
    is_int(tdis, t0 + 1, "timer ids increase");

    virEventRunDefaultImpl();
    virEventRunDefaultImpl();
    virEventRunDefaultImpl();
    is_int(st.timerCalls, 3, "0 ms timer fires on every iteration");
    is_int(st.lastTimer, t0, "disabled timer never fires");

    virEventUpdateTimeout(t0, -1);
    virEventUpdateTimeout(tdis, 0);
    st.timerCalls = 0;
    virEventRunDefaultImpl();
    is_int(st.timerCalls, 1, "update swaps which timer fires");
    is_int(st.lastTimer, tdis, "the re-enabled one");

    /* Self-removal on the second call. */
    st.timerCalls = 0;
    st.removeSelf = 2;
    virEventRunDefaultImpl();
    virEventRunDefaultImpl();
    virEventUpdateTimeout(t0, 0);     /* keep the loop from blocking */
    virEventRunDefaultImpl();
    is_int(st.frees, 1, "self-removed timer freed once");
    ok(!st.freeDuringDispatch, "timer free not inside dispatch");
    is_int(virEventRemoveTimeout(tdis), -1, "already removed");
    st.removeSelf = 0;
    is_int(virEventRemoveTimeout(t0), 0, "remove t0");
    is_int(virEventRemoveTimeout(0), -1, "timer 0 is never valid");
    is_int(virEventRemoveTimeout(-1), -1, "negative timer");

    /* A 50 ms timer blocks the iteration for about that long. */
    st.timerCalls = 0;
    t50 = virEventAddTimeout(50, timerCb, NULL, countFree);
    start = g_get_monotonic_time();
    virEventRunDefaultImpl();
    if (st.timerCalls == 0)     /* woke early from an earlier change */
        virEventRunDefaultImpl();
    is_int(st.timerCalls, 1, "50 ms timer fired");
    ok(g_get_monotonic_time() - start >= 45000, "after about 50 ms");
    virEventRemoveTimeout(t50);
    st.frees = 0;
    flushFrees();
    is_int(st.frees, 1, "removed 50 ms timer freed");
}


/* Another thread adds a timer while the loop sleeps in poll(). */
static gpointer
adderThread(gpointer opaque)
{
    int *id = opaque;

    g_usleep(50000);
    *id = virEventAddTimeout(0, timerCb, NULL, NULL);
    return NULL;
}


static void
testWakeup(void)
{
    int fds[2];
    int watch, timer = -1;
    GThread *th;
    gint64 start;

    ok(pipe(fds) == 0, "pipe");
    resetState();
    /* Nothing ready and no timers: only a wakeup can end this iteration. */
    watch = virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE, handleCb,
                              NULL, NULL);
    th = g_thread_new("adder", adderThread, &timer);
    start = g_get_monotonic_time();
    virEventRunDefaultImpl();
    if (st.timerCalls == 0)
        virEventRunDefaultImpl();
    g_thread_join(th);
    ok(timer > 0, "timer added from another thread");
    is_int(st.timerCalls, 1, "the loop woke up and ran it");
    ok(g_get_monotonic_time() - start < 5 * G_USEC_PER_SEC, "promptly");
    virEventRemoveTimeout(timer);
    virEventRemoveHandle(watch);
    close(fds[0]);
    close(fds[1]);
}


/* Other threads add and remove timers and handles while the loop runs. */
static gint stressStop;
static gint stressFrees;

static void
stressFree(void *opaque)
{
    g_atomic_int_inc(&stressFrees);
    (void)opaque;
}


static void
stressTimerCb(int timer, void *opaque)
{
    (void)timer;
    (void)opaque;
}


static gpointer
stressThread(gpointer opaque)
{
    int fd = GPOINTER_TO_INT(opaque);
    int added = 0;

    while (!g_atomic_int_get(&stressStop)) {
        int t = virEventAddTimeout(g_random_int_range(0, 3), stressTimerCb,
                                   NULL, stressFree);
        int w = virEventAddHandle(fd, VIR_EVENT_HANDLE_WRITABLE, handleCb,
                                  NULL, stressFree);
        virEventUpdateTimeout(t, 1);
        virEventUpdateHandle(w, 0);
        virEventRemoveTimeout(t);
        virEventRemoveHandle(w);
        added += 2;
    }
    return GINT_TO_POINTER(added);
}


static void
testStress(void)
{
    int fds[2];
    GThread *th[2];
    int added = 0;
    int keep;
    int i;

    ok(pipe(fds) == 0, "pipe");
    resetState();
    keep = virEventAddTimeout(1, timerCb, NULL, NULL);
    th[0] = g_thread_new("stress0", stressThread, GINT_TO_POINTER(fds[1]));
    th[1] = g_thread_new("stress1", stressThread, GINT_TO_POINTER(fds[1]));
    for (i = 0; i < 300; i++)
        virEventRunDefaultImpl();
    g_atomic_int_set(&stressStop, 1);
    for (i = 0; i < 2; i++)
        added += GPOINTER_TO_INT(g_thread_join(th[i]));
    virEventUpdateTimeout(keep, 0);
    virEventRunDefaultImpl();
    virEventRemoveTimeout(keep);
    ok(added > 0, "other threads added and removed %d records", added);
    is_int(g_atomic_int_get(&stressFrees), added, "every one was freed once");
    close(fds[0]);
    close(fds[1]);
}


static void
nestedCb(int timer, void *opaque)
{
    int *rc = opaque;

    *rc = virEventRunDefaultImpl();
    virEventRemoveTimeout(timer);
}


static void
silence(void *userData, virErrorPtr err)
{
    (void)userData;
    (void)err;
}


static void
testNested(void)
{
    int rc = 0;

    virSetErrorFunc(NULL, silence);
    virEventAddTimeout(0, nestedCb, &rc, NULL);
    virEventRunDefaultImpl();
    is_int(rc, -1, "running the loop from its own callback is refused");
    virSetErrorFunc(NULL, NULL);
    virResetLastError();
}


static void
testConversions(void)
{
    int all = VIR_EVENT_HANDLE_READABLE | VIR_EVENT_HANDLE_WRITABLE |
              VIR_EVENT_HANDLE_ERROR | VIR_EVENT_HANDLE_HANGUP;

    is_int(virEventPollFromNativeEvents(virEventPollToNativeEvents(all)), all,
           "event bits round-trip through poll bits");
}


int
main(void)
{
    testUnregistered();
    is_int(virEventRegisterDefaultImpl(), 0, "register default impl");
    is_int(virEventRegisterDefaultImpl(), 0, "registering again is harmless");
    is_int(virEventRequireImpl(), 0, "RequireImpl now passes");
    testConversions();
    testHandles();
    testRemoveOther();
    testTimeouts();
    testWakeup();
    testStress();
    testNested();
    return tap_done();
}
