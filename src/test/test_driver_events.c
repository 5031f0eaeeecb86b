/* test_driver_events.c: domain lifecycle events of the test driver.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Events are queued when the state changes and delivered later from the
 * application's event loop (a timeout that is armed while the queue is
 * non-empty), like libvirt: nothing is delivered unless the application
 * runs virEventRunDefaultImpl() or its own loop.  Callbacks belong to the
 * instance, so with test:///default an event reaches every connection.
 */
#include <config.h>

#define VIR_ENUM_SENTINELS
#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* Lifecycle callbacks are stored as generic ones, as libvirt's API does
 * (the cast through void (*)(void) says the type change is intended). */
#define TEST_GENERIC_CB(cb) \
    ((virConnectDomainEventGenericCallback)(void (*)(void))(cb))

typedef struct _testEventCallback testEventCallback;
struct _testEventCallback {
    int callbackID;
    virConnectPtr conn;               /* a reference */
    int eventID;
    bool legacy;                      /* virConnectDomainEventRegister */
    bool hasDom;                      /* only events of this uuid */
    unsigned char uuid[VIR_UUID_BUFLEN];
    virConnectDomainEventGenericCallback cb;
    void *opaque;
    virFreeCallback freecb;
    bool deleted;                     /* removed while dispatching */
};

typedef struct _testEvent testEvent;
struct _testEvent {
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int id;
    int event;
    int detail;
};

struct _testEventState {
    GMutex lock;
    gint refs;                        /* the instance, plus the timer */
    GPtrArray *callbacks;             /* testEventCallback * */
    GPtrArray *queue;                 /* testEvent * */
    int timer;                        /* -1 while no callback exists */
    int nextID;
    bool dispatching;
};


static void
testEventFree(void *opaque)
{
    testEvent *ev = opaque;

    g_free(ev->name);
    g_free(ev);
}


/* Runs the user's free callback and drops the connection: call unlocked. */
static void
testEventCallbackFree(testEventCallback *cb)
{
    if (!cb)
        return;
    if (cb->freecb)
        cb->freecb(cb->opaque);
    virObjectUnref(cb->conn);
    g_free(cb);
}


testEventState *
testEventStateNew(void)
{
    testEventState *state = g_new0(testEventState, 1);

    g_mutex_init(&state->lock);
    state->refs = 1;
    state->callbacks = g_ptr_array_new();
    state->queue = g_ptr_array_new_with_free_func(testEventFree);
    state->timer = -1;
    return state;
}


static void
testEventStateUnref(void *opaque)
{
    testEventState *state = opaque;

    if (!state || !g_atomic_int_dec_and_test(&state->refs))
        return;
    /* Callbacks keep their connection, and a connection keeps the
     * instance alive, so none can be left here. */
    g_ptr_array_free(state->callbacks, TRUE);
    g_ptr_array_free(state->queue, TRUE);
    g_mutex_clear(&state->lock);
    g_free(state);
}


void
testEventStateFree(testEventState *state)
{
    if (!state)
        return;
    g_mutex_lock(&state->lock);
    if (state->timer >= 0) {
        virEventRemoveTimeout(state->timer);
        state->timer = -1;
    }
    g_ptr_array_set_size(state->queue, 0);
    g_mutex_unlock(&state->lock);
    testEventStateUnref(state);
}


static size_t
testEventCountLive(testEventState *state)
{
    size_t n = 0;
    size_t i;

    for (i = 0; i < state->callbacks->len; i++) {
        testEventCallback *cb = g_ptr_array_index(state->callbacks, i);
        if (!cb->deleted)
            n++;
    }
    return n;
}


/* With no callback left, nothing listens: stop the timer, drop the queue.
 * Called locked. */
static void
testEventMaybeStopTimer(testEventState *state)
{
    if (testEventCountLive(state) > 0 || state->timer < 0)
        return;
    virEventRemoveTimeout(state->timer);
    state->timer = -1;
    g_ptr_array_set_size(state->queue, 0);
}


static void
testEventDispatchOne(testEventState *state, testEvent *ev)
{
    size_t i;

    /* The array may grow while unlocked; deleted entries stay in place
     * until the dispatch ends, so indexes remain valid. */
    for (i = 0; i < state->callbacks->len; i++) {
        testEventCallback *cb = g_ptr_array_index(state->callbacks, i);
        virConnectDomainEventCallback func;
        virConnectPtr conn;
        virDomainPtr dom;
        void *opaque;

        if (cb->deleted || cb->eventID != VIR_DOMAIN_EVENT_ID_LIFECYCLE)
            continue;
        if (cb->hasDom && memcmp(cb->uuid, ev->uuid, VIR_UUID_BUFLEN) != 0)
            continue;

        func = (virConnectDomainEventCallback)(void (*)(void))cb->cb;
        conn = virObjectRef(cb->conn);
        opaque = cb->opaque;
        g_mutex_unlock(&state->lock);

        if ((dom = virGetDomain(conn, ev->name, ev->uuid, ev->id))) {
            func(conn, dom, ev->event, ev->detail, opaque);
            virObjectUnref(dom);
        }
        virObjectUnref(conn);

        g_mutex_lock(&state->lock);
    }
}


static void
testEventTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    testEventState *state = opaque;
    g_autoptr(GPtrArray) queue = NULL;
    g_autoptr(GPtrArray) dead = g_ptr_array_new();
    size_t i;

    g_mutex_lock(&state->lock);
    if (state->dispatching) {
        /* Another thread runs the loop too: it will see the queue. */
        g_mutex_unlock(&state->lock);
        return;
    }
    queue = state->queue;
    state->queue = g_ptr_array_new_with_free_func(testEventFree);
    if (state->timer >= 0)
        virEventUpdateTimeout(state->timer, -1);

    state->dispatching = true;
    for (i = 0; i < queue->len; i++)
        testEventDispatchOne(state, g_ptr_array_index(queue, i));
    state->dispatching = false;

    for (i = 0; i < state->callbacks->len;) {
        testEventCallback *cb = g_ptr_array_index(state->callbacks, i);
        if (cb->deleted) {
            g_ptr_array_add(dead, cb);
            g_ptr_array_remove_index(state->callbacks, i);
        } else {
            i++;
        }
    }
    testEventMaybeStopTimer(state);
    /* Events queued by the callbacks themselves go out next iteration. */
    if (state->queue->len > 0 && state->timer >= 0)
        virEventUpdateTimeout(state->timer, 0);
    g_mutex_unlock(&state->lock);

    for (i = 0; i < dead->len; i++)
        testEventCallbackFree(g_ptr_array_index(dead, i));
}


void
testEventQueueDomainLifecycle(testEventState *state, const char *name,
                              const unsigned char *uuid, int id,
                              int event, int detail)
{
    testEvent *ev;

    g_mutex_lock(&state->lock);
    /* Like libvirt, an event nobody can receive is dropped at once. */
    if (state->timer < 0) {
        g_mutex_unlock(&state->lock);
        return;
    }
    ev = g_new0(testEvent, 1);
    ev->name = g_strdup(name);
    memcpy(ev->uuid, uuid, VIR_UUID_BUFLEN);
    ev->id = id;
    ev->event = event;
    ev->detail = detail;
    g_ptr_array_add(state->queue, ev);
    virEventUpdateTimeout(state->timer, 0);
    g_mutex_unlock(&state->lock);
}


/* Add a callback; its id, or -1 with an error.  Called locked. */
static int
testEventAddCallback(testEventState *state, virConnectPtr conn, bool legacy,
                     virDomainPtr dom, int eventID,
                     virConnectDomainEventGenericCallback func,
                     void *opaque, virFreeCallback freecb)
{
    testEventCallback *cb;
    size_t i;

    for (i = 0; i < state->callbacks->len; i++) {
        cb = g_ptr_array_index(state->callbacks, i);
        if (cb->deleted || cb->conn != conn || cb->legacy != legacy ||
            cb->cb != func || cb->eventID != eventID)
            continue;
        if (cb->hasDom != !!dom)
            continue;
        if (dom && memcmp(cb->uuid, dom->uuid, VIR_UUID_BUFLEN) != 0)
            continue;
        testReportErrorIn(VIR_FROM_NONE, VIR_ERR_INVALID_ARG, "%s",
                          "event callback already tracked");
        return -1;
    }

    if (state->timer < 0) {
        int timer;

        g_atomic_int_inc(&state->refs);
        timer = virEventAddTimeout(-1, testEventTimer, state,
                                   testEventStateUnref);
        if (timer < 0) {
            g_atomic_int_add(&state->refs, -1);
            virResetLastError();
            testReportErrorIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR, "%s",
                              "could not initialize domain event timer");
            return -1;
        }
        state->timer = timer;
    }

    cb = g_new0(testEventCallback, 1);
    cb->callbackID = state->nextID++;
    cb->conn = virObjectRef(conn);
    cb->legacy = legacy;
    cb->eventID = eventID;
    if (dom) {
        cb->hasDom = true;
        memcpy(cb->uuid, dom->uuid, VIR_UUID_BUFLEN);
    }
    cb->cb = func;
    cb->opaque = opaque;
    cb->freecb = freecb;
    g_ptr_array_add(state->callbacks, cb);
    return cb->callbackID;
}


/* Remove the callback at `i`: now, or after the running dispatch.
 * Called locked; returns the callback to free once unlocked, or NULL. */
static testEventCallback *
testEventRemoveCallback(testEventState *state, size_t i)
{
    testEventCallback *cb = g_ptr_array_index(state->callbacks, i);

    if (state->dispatching) {
        cb->deleted = true;
        cb = NULL;
    } else {
        g_ptr_array_remove_index(state->callbacks, i);
    }
    testEventMaybeStopTimer(state);
    return cb;
}


static testEventState *
testEventStateOf(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;

    return drv->events;
}


int
testConnectDomainEventRegister(virConnectPtr conn,
                               virConnectDomainEventCallback cb,
                               void *opaque, virFreeCallback freecb)
{
    testEventState *state = testEventStateOf(conn);
    int ret;

    g_mutex_lock(&state->lock);
    ret = testEventAddCallback(state, conn, true, NULL,
                               VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                               TEST_GENERIC_CB(cb), opaque, freecb);
    g_mutex_unlock(&state->lock);
    return ret < 0 ? -1 : 0;
}


int
testConnectDomainEventDeregister(virConnectPtr conn,
                                 virConnectDomainEventCallback cb)
{
    testEventState *state = testEventStateOf(conn);
    testEventCallback *dead = NULL;
    bool found = false;
    size_t i;

    g_mutex_lock(&state->lock);
    for (i = 0; i < state->callbacks->len; i++) {
        testEventCallback *item = g_ptr_array_index(state->callbacks, i);

        if (item->deleted || !item->legacy || item->conn != conn ||
            item->cb != TEST_GENERIC_CB(cb))
            continue;
        dead = testEventRemoveCallback(state, i);
        found = true;
        break;
    }
    g_mutex_unlock(&state->lock);

    if (!found) {
        testReportErrorIn(VIR_FROM_NONE, VIR_ERR_INVALID_ARG,
                          "event callback function %p not registered",
                          (void *)cb);
        return -1;
    }
    testEventCallbackFree(dead);
    return 0;
}


int
testConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                  int eventID,
                                  virConnectDomainEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    testEventState *state = testEventStateOf(conn);
    int ret;

    if (eventID < 0) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN,
                            "eventID in %s must be zero or greater",
                            "virConnectDomainEventRegisterAny");
        return -1;
    }
    if (eventID >= VIR_DOMAIN_EVENT_ID_LAST) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "eventID must be less than %d",
                            VIR_DOMAIN_EVENT_ID_LAST);
        return -1;
    }

    g_mutex_lock(&state->lock);
    ret = testEventAddCallback(state, conn, false, dom, eventID, cb, opaque,
                               freecb);
    g_mutex_unlock(&state->lock);
    return ret;
}


int
testConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    testEventState *state = testEventStateOf(conn);
    testEventCallback *dead = NULL;
    bool found = false;
    size_t i;

    g_mutex_lock(&state->lock);
    for (i = 0; i < state->callbacks->len; i++) {
        testEventCallback *item = g_ptr_array_index(state->callbacks, i);

        if (item->deleted || item->legacy || item->conn != conn ||
            item->callbackID != callbackID)
            continue;
        dead = testEventRemoveCallback(state, i);
        found = true;
        break;
    }
    g_mutex_unlock(&state->lock);

    if (!found) {
        testReportErrorIn(VIR_FROM_NONE, VIR_ERR_INVALID_ARG,
                          "could not find event callback %d for deletion",
                          callbackID);
        return -1;
    }
    testEventCallbackFree(dead);
    return 0;
}
