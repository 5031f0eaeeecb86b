/* test_driver_events.c: events of the test driver (domain, network, storage
 * pool and node device).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Events are queued when the state changes and delivered later from the
 * application's event loop (a timeout that is armed while the queue is
 * non-empty), like libvirt: nothing is delivered unless the application
 * runs virEventRunDefaultImpl() or its own loop.  Callbacks belong to the
 * instance, so with test:///default an event reaches every connection.
 * All object kinds share one list, so callback ids are unique across them
 * and any *EventDeregisterAny removes an id of any kind, as in libvirt.
 */
#include <config.h>

#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif
#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* Callbacks of any kind are kept as one plain function pointer type and
 * called through the type their kind and event id give (the cast through
 * void (*)(void) says the type change is intended). */
typedef void (*testEventFunc)(void);
#define TEST_EVENT_FUNC(cb) ((testEventFunc)(void (*)(void))(cb))

typedef enum {
    TEST_EVENT_DOMAIN,
    TEST_EVENT_NETWORK,
    TEST_EVENT_POOL,
    TEST_EVENT_NODEDEV,
} testEventKind;

typedef struct _testEventCallback testEventCallback;
struct _testEventCallback {
    int callbackID;
    virConnectPtr conn;               /* a reference */
    testEventKind kind;
    int eventID;
    bool legacy;                      /* virConnectDomainEventRegister */
    bool hasKey;                      /* only events of one object: */
    unsigned char uuid[VIR_UUID_BUFLEN];  /* its uuid, */
    char *devname;                    /* or a node device's name */
    testEventFunc cb;
    void *opaque;
    virFreeCallback freecb;
    bool deleted;                     /* removed while dispatching */
};

typedef struct _testEvent testEvent;
struct _testEvent {
    testEventKind kind;
    int eventID;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];  /* unused for node devices */
    int id;                           /* domains only */
    int event;
    int detail;
    char *str;                        /* METADATA_CHANGE: the namespace */
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
    g_free(ev->str);
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
    g_free(cb->devname);
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


static bool
testEventCallbackMatches(const testEventCallback *cb, const testEvent *ev)
{
    if (cb->deleted || cb->kind != ev->kind || cb->eventID != ev->eventID)
        return false;
    if (!cb->hasKey)
        return true;
    if (cb->kind == TEST_EVENT_NODEDEV)
        return g_strcmp0(cb->devname, ev->name) == 0;
    return memcmp(cb->uuid, ev->uuid, VIR_UUID_BUFLEN) == 0;
}


/* Make the handle the callback gets and call it.  Called unlocked. */
static void
testEventCall(virConnectPtr conn, testEventFunc cb, void *opaque,
              const testEvent *ev)
{
    switch (ev->kind) {
    case TEST_EVENT_DOMAIN: {
        virConnectDomainEventCallback func =
            (virConnectDomainEventCallback)(void (*)(void))cb;
        virDomainPtr dom = virGetDomain(conn, ev->name, ev->uuid, ev->id);

        if (!dom)
            break;
        if (ev->eventID == VIR_DOMAIN_EVENT_ID_METADATA_CHANGE) {
            virConnectDomainEventMetadataChangeCallback mfunc =
                (virConnectDomainEventMetadataChangeCallback)(void (*)(void))cb;
            mfunc(conn, dom, ev->event, ev->str, opaque);
        } else {
            func(conn, dom, ev->event, ev->detail, opaque);
        }
        virObjectUnref(dom);
        break;
    }
    case TEST_EVENT_NETWORK: {
        virConnectNetworkEventLifecycleCallback func =
            (virConnectNetworkEventLifecycleCallback)(void (*)(void))cb;
        virNetworkPtr net = virGetNetwork(conn, ev->name, ev->uuid);

        if (net) {
            func(conn, net, ev->event, ev->detail, opaque);
            virObjectUnref(net);
        }
        break;
    }
    case TEST_EVENT_POOL: {
        virStoragePoolPtr pool = virGetStoragePool(conn, ev->name, ev->uuid,
                                                   NULL, NULL);

        if (!pool)
            break;
        if (ev->eventID == VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE) {
            virConnectStoragePoolEventLifecycleCallback func =
                (virConnectStoragePoolEventLifecycleCallback)(void (*)(void))cb;
            func(conn, pool, ev->event, ev->detail, opaque);
        } else {
            virConnectStoragePoolEventGenericCallback func =
                (virConnectStoragePoolEventGenericCallback)(void (*)(void))cb;
            func(conn, pool, opaque);
        }
        virObjectUnref(pool);
        break;
    }
    case TEST_EVENT_NODEDEV: {
        virConnectNodeDeviceEventLifecycleCallback func =
            (virConnectNodeDeviceEventLifecycleCallback)(void (*)(void))cb;
        virNodeDevicePtr dev = virGetNodeDevice(conn, ev->name);

        if (dev) {
            func(conn, dev, ev->event, ev->detail, opaque);
            virObjectUnref(dev);
        }
        break;
    }
    }
}


static void
testEventDispatchOne(testEventState *state, testEvent *ev)
{
    size_t i;

    /* The array may grow while unlocked; deleted entries stay in place
     * until the dispatch ends, so indexes remain valid. */
    for (i = 0; i < state->callbacks->len; i++) {
        testEventCallback *cb = g_ptr_array_index(state->callbacks, i);
        testEventFunc func;
        virConnectPtr conn;
        void *opaque;

        if (!testEventCallbackMatches(cb, ev))
            continue;

        func = cb->cb;
        conn = virObjectRef(cb->conn);
        opaque = cb->opaque;
        g_mutex_unlock(&state->lock);

        testEventCall(conn, func, opaque, ev);
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


/* Queue an event (the name and uuid are copied); like libvirt, an event
 * nobody can receive is dropped at once. */
static void
testEventQueueFull(testEventState *state, testEventKind kind, int eventID,
                   const char *name, const unsigned char *uuid, int id,
                   int event, int detail, const char *str)
{
    testEvent *ev;

    g_mutex_lock(&state->lock);
    if (state->timer < 0) {
        g_mutex_unlock(&state->lock);
        return;
    }
    ev = g_new0(testEvent, 1);
    ev->kind = kind;
    ev->eventID = eventID;
    ev->name = g_strdup(name);
    if (uuid)
        memcpy(ev->uuid, uuid, VIR_UUID_BUFLEN);
    ev->id = id;
    ev->event = event;
    ev->detail = detail;
    ev->str = g_strdup(str);
    g_ptr_array_add(state->queue, ev);
    virEventUpdateTimeout(state->timer, 0);
    g_mutex_unlock(&state->lock);
}


static void
testEventQueue(testEventState *state, testEventKind kind, int eventID,
               const char *name, const unsigned char *uuid, int id,
               int event, int detail)
{
    testEventQueueFull(state, kind, eventID, name, uuid, id, event, detail,
                       NULL);
}


void
testEventQueueDomainMetadata(testEventState *state, const char *name,
                             const unsigned char *uuid, int id, int type,
                             const char *nsuri)
{
    testEventQueueFull(state, TEST_EVENT_DOMAIN,
                       VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, name, uuid, id,
                       type, 0, nsuri);
}


void
testEventQueueDomainLifecycle(testEventState *state, const char *name,
                              const unsigned char *uuid, int id,
                              int event, int detail)
{
    testEventQueue(state, TEST_EVENT_DOMAIN, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                   name, uuid, id, event, detail);
}


/* Networks, pools and node devices: libvirt 9.0 gives no details (0). */
void
testEventQueueNetworkLifecycle(testEventState *state, const char *name,
                               const unsigned char *uuid, int event)
{
    testEventQueue(state, TEST_EVENT_NETWORK, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                   name, uuid, -1, event, 0);
}


void
testEventQueuePoolLifecycle(testEventState *state, const char *name,
                            const unsigned char *uuid, int event)
{
    testEventQueue(state, TEST_EVENT_POOL,
                   VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, name, uuid, -1,
                   event, 0);
}


void
testEventQueuePoolRefresh(testEventState *state, const char *name,
                          const unsigned char *uuid)
{
    testEventQueue(state, TEST_EVENT_POOL, VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                   name, uuid, -1, 0, 0);
}


void
testEventQueueNodeDeviceLifecycle(testEventState *state, const char *name,
                                  int event)
{
    testEventQueue(state, TEST_EVENT_NODEDEV,
                   VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, name, NULL, -1,
                   event, 0);
}


static testEventState *
testEventStateOf(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;

    return drv->events;
}


/* What a new callback is: its kind and event id, and the object it is
 * limited to (a uuid, or a node device name), if any. */
typedef struct {
    testEventKind kind;
    int eventID;
    bool legacy;
    const unsigned char *uuid;
    const char *devname;
} testEventTarget;


static bool
testEventCallbackSame(const testEventCallback *cb, virConnectPtr conn,
                      const testEventTarget *target, testEventFunc func)
{
    if (cb->deleted || cb->conn != conn || cb->legacy != target->legacy ||
        cb->cb != func || cb->kind != target->kind ||
        cb->eventID != target->eventID)
        return false;
    if (cb->hasKey != (target->uuid || target->devname))
        return false;
    if (target->uuid)
        return memcmp(cb->uuid, target->uuid, VIR_UUID_BUFLEN) == 0;
    if (target->devname)
        return g_strcmp0(cb->devname, target->devname) == 0;
    return true;
}


/* Add a callback; its id, or -1 with an error.  Called locked. */
static int
testEventAddCallback(testEventState *state, virConnectPtr conn,
                     const testEventTarget *target, testEventFunc func,
                     void *opaque, virFreeCallback freecb)
{
    testEventCallback *cb;
    size_t i;

    for (i = 0; i < state->callbacks->len; i++) {
        if (!testEventCallbackSame(g_ptr_array_index(state->callbacks, i),
                                   conn, target, func))
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
            /* libvirt says "domain" whatever the kind. */
            testReportErrorIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR, "%s",
                              "could not initialize domain event timer");
            return -1;
        }
        state->timer = timer;
    }

    cb = g_new0(testEventCallback, 1);
    cb->callbackID = state->nextID++;
    cb->conn = virObjectRef(conn);
    cb->kind = target->kind;
    cb->legacy = target->legacy;
    cb->eventID = target->eventID;
    if (target->uuid) {
        cb->hasKey = true;
        memcpy(cb->uuid, target->uuid, VIR_UUID_BUFLEN);
    } else if (target->devname) {
        cb->hasKey = true;
        cb->devname = g_strdup(target->devname);
    }
    cb->cb = func;
    cb->opaque = opaque;
    cb->freecb = freecb;
    g_ptr_array_add(state->callbacks, cb);
    return cb->callbackID;
}


static int
testEventRegister(virConnectPtr conn, const testEventTarget *target,
                  testEventFunc func, void *opaque, virFreeCallback freecb)
{
    testEventState *state = testEventStateOf(conn);
    int ret;

    g_mutex_lock(&state->lock);
    ret = testEventAddCallback(state, conn, target, func, opaque, freecb);
    g_mutex_unlock(&state->lock);
    return ret;
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


int
testConnectDomainEventRegister(virConnectPtr conn,
                               virConnectDomainEventCallback cb,
                               void *opaque, virFreeCallback freecb)
{
    testEventTarget target = { TEST_EVENT_DOMAIN,
                               VIR_DOMAIN_EVENT_ID_LIFECYCLE, true,
                               NULL, NULL };

    if (testEventRegister(conn, &target, TEST_EVENT_FUNC(cb), opaque,
                          freecb) < 0)
        return -1;
    return 0;
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
            item->cb != TEST_EVENT_FUNC(cb))
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


/* Remove the callback `callbackID` (registered by the any-form for any
 * object kind): 0, or -1 with libvirt's error. */
static int
testEventDeregister(virConnectPtr conn, int callbackID)
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


int
testConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                  int eventID,
                                  virConnectDomainEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    testEventTarget target = { TEST_EVENT_DOMAIN, eventID, false,
                               dom ? dom->uuid : NULL, NULL };

    if (eventID < 0) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virConnectDomainEventRegisterAny",
                            "eventID", "eventID in %s must be zero or greater",
                            "virConnectDomainEventRegisterAny");
        return -1;
    }
    if (eventID >= VIR_DOMAIN_EVENT_ID_LAST) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virConnectDomainEventRegisterAny",
                            "eventID", "eventID must be less than %d",
                            VIR_DOMAIN_EVENT_ID_LAST);
        return -1;
    }
    return testEventRegister(conn, &target, TEST_EVENT_FUNC(cb), opaque,
                             freecb);
}


int
testConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testEventDeregister(conn, callbackID);
}


/* The upper bound of an event id, with the wording libvirt uses for
 * networks, pools and node devices. */
static int
testEventCheckID(int domain, const char *func, int eventID, int last)
{
    if (eventID >= 0 && eventID < last)
        return 0;
    if (eventID < 0)
        testRaiseInvalidArg(domain, func, "eventID",
                            "eventID in %s must be zero or greater", func);
    else
        testRaiseInvalidArg(domain, func, "eventID",
                            "eventID in %s must be less than %d", func, last);
    return -1;
}


int
testConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net,
                                   int eventID,
                                   virConnectNetworkEventGenericCallback cb,
                                   void *opaque, virFreeCallback freecb)
{
    testEventTarget target = { TEST_EVENT_NETWORK, eventID, false,
                               net ? net->uuid : NULL, NULL };

    if (testEventCheckID(VIR_FROM_NETWORK, "virConnectNetworkEventRegisterAny",
                         eventID, VIR_NETWORK_EVENT_ID_LAST) < 0)
        return -1;
    return testEventRegister(conn, &target, TEST_EVENT_FUNC(cb), opaque,
                             freecb);
}


int
testConnectNetworkEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testEventDeregister(conn, callbackID);
}


int
testConnectStoragePoolEventRegisterAny(virConnectPtr conn,
                                       virStoragePoolPtr pool, int eventID,
                                       virConnectStoragePoolEventGenericCallback cb,
                                       void *opaque, virFreeCallback freecb)
{
    testEventTarget target = { TEST_EVENT_POOL, eventID, false,
                               pool ? pool->uuid : NULL, NULL };

    if (testEventCheckID(VIR_FROM_STORAGE,
                         "virConnectStoragePoolEventRegisterAny", eventID,
                         VIR_STORAGE_POOL_EVENT_ID_LAST) < 0)
        return -1;
    return testEventRegister(conn, &target, TEST_EVENT_FUNC(cb), opaque,
                             freecb);
}


int
testConnectStoragePoolEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testEventDeregister(conn, callbackID);
}


int
testConnectNodeDeviceEventRegisterAny(virConnectPtr conn,
                                      virNodeDevicePtr dev, int eventID,
                                      virConnectNodeDeviceEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb)
{
    testEventTarget target = { TEST_EVENT_NODEDEV, eventID, false,
                               NULL, dev ? dev->name : NULL };

    if (testEventCheckID(VIR_FROM_NODEDEV,
                         "virConnectNodeDeviceEventRegisterAny", eventID,
                         VIR_NODE_DEVICE_EVENT_ID_LAST) < 0)
        return -1;
    return testEventRegister(conn, &target, TEST_EVENT_FUNC(cb), opaque,
                             freecb);
}


int
testConnectNodeDeviceEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testEventDeregister(conn, callbackID);
}
