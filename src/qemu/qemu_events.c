/* qemu_events.c: lifecycle event callbacks and their delivery.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "datatypes.h"
#include "qemu/qemu_events.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

typedef struct {
    int callbackID;
    virConnectPtr conn;          /* not a reference: dropped on close */
    int eventID;
    bool legacy;
    bool hasUUID;
    unsigned char uuid[VIR_UUID_BUFLEN];
    virConnectDomainEventGenericCallback cb;
    void *opaque;
    virFreeCallback freecb;
    bool deleted;
} qemuEventCallback;

typedef struct {
    int eventID;                 /* VIR_DOMAIN_EVENT_ID_* */
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int id;
    int event;
    int detail;
} qemuEvent;

struct _qemuEventState {
    GMutex lock;
    GPtrArray *callbacks;        /* qemuEventCallback * */
    GPtrArray *queue;            /* qemuEvent * */
    int timer;                   /* -1: none yet */
    int nextID;
    bool dispatching;
};


static void
qemuEventFree(void *opaque)
{
    qemuEvent *ev = opaque;

    g_free(ev->name);
    g_free(ev);
}


qemuEventState *
qemuEventStateNew(void)
{
    qemuEventState *st = g_new0(qemuEventState, 1);

    g_mutex_init(&st->lock);
    st->callbacks = g_ptr_array_new();
    st->queue = g_ptr_array_new_with_free_func(qemuEventFree);
    st->timer = -1;
    st->nextID = 1;
    return st;
}


void
qemuEventStateFree(qemuEventState *st)
{
    size_t i;

    if (!st)
        return;
    if (st->timer >= 0)
        virEventRemoveTimeout(st->timer);
    for (i = 0; i < st->callbacks->len; i++) {
        qemuEventCallback *cb = st->callbacks->pdata[i];

        if (cb->freecb)
            cb->freecb(cb->opaque);
        g_free(cb);
    }
    g_ptr_array_free(st->callbacks, TRUE);
    g_ptr_array_free(st->queue, TRUE);
    g_mutex_clear(&st->lock);
    g_free(st);
}


/* Runs on the application's event loop. */
static void
qemuEventDispatch(int timer G_GNUC_UNUSED, void *opaque)
{
    qemuEventState *st = opaque;
    g_autoptr(GPtrArray) queue = NULL;
    g_autoptr(GPtrArray) dead = g_ptr_array_new();
    size_t i, j;

    g_mutex_lock(&st->lock);
    queue = st->queue;
    st->queue = g_ptr_array_new_with_free_func(qemuEventFree);
    virEventUpdateTimeout(st->timer, -1);
    st->dispatching = true;

    for (i = 0; i < queue->len; i++) {
        qemuEvent *ev = queue->pdata[i];

        for (j = 0; j < st->callbacks->len; j++) {
            qemuEventCallback *cb = st->callbacks->pdata[j];
            virDomainPtr dom;
            virConnectPtr conn;

            if (cb->deleted || cb->eventID != ev->eventID)
                continue;
            if (cb->hasUUID && memcmp(cb->uuid, ev->uuid, VIR_UUID_BUFLEN))
                continue;
            conn = virObjectRef(cb->conn);
            g_mutex_unlock(&st->lock);
            if ((dom = virGetDomain(conn, ev->name, ev->uuid, ev->id))) {
                if (ev->eventID == VIR_DOMAIN_EVENT_ID_LIFECYCLE)
                    ((virConnectDomainEventCallback)(void (*)(void))cb->cb)(
                        conn, dom, ev->event, ev->detail, cb->opaque);
                else
                    cb->cb(conn, dom, cb->opaque);
                virObjectUnref(dom);
            }
            virObjectUnref(conn);
            g_mutex_lock(&st->lock);
        }
    }
    st->dispatching = false;
    for (j = 0; j < st->callbacks->len;) {
        qemuEventCallback *cb = st->callbacks->pdata[j];

        if (cb->deleted) {
            g_ptr_array_add(dead, cb);
            g_ptr_array_remove_index(st->callbacks, j);
        } else {
            j++;
        }
    }
    if (st->queue->len)
        virEventUpdateTimeout(st->timer, 0);
    g_mutex_unlock(&st->lock);

    for (j = 0; j < dead->len; j++) {
        qemuEventCallback *cb = dead->pdata[j];

        if (cb->freecb)
            cb->freecb(cb->opaque);
        g_free(cb);
    }
}


static void
queueEvent(qemuEventState *st, int eventID, const char *name,
           const unsigned char *uuid, int id, int event, int detail)
{
    qemuEvent *ev;

    g_mutex_lock(&st->lock);
    if (st->timer < 0) {
        /* nobody listens yet: nothing to deliver */
        g_mutex_unlock(&st->lock);
        return;
    }
    ev = g_new0(qemuEvent, 1);
    ev->eventID = eventID;
    ev->name = g_strdup(name);
    memcpy(ev->uuid, uuid, VIR_UUID_BUFLEN);
    ev->id = id;
    ev->event = event;
    ev->detail = detail;
    g_ptr_array_add(st->queue, ev);
    virEventUpdateTimeout(st->timer, 0);
    g_mutex_unlock(&st->lock);
}

void
qemuEventQueueLifecycle(qemuEventState *st, const char *name,
                        const unsigned char *uuid, int id,
                        int event, int detail)
{
    queueEvent(st, VIR_DOMAIN_EVENT_ID_LIFECYCLE, name, uuid, id, event,
               detail);
}

void
qemuEventQueueReboot(qemuEventState *st, const char *name,
                     const unsigned char *uuid, int id)
{
    queueEvent(st, VIR_DOMAIN_EVENT_ID_REBOOT, name, uuid, id, 0, 0);
}


static int
addCallback(qemuEventState *st, qemuEventCallback *cb)
{
    if (st->timer < 0 &&
        (st->timer = virEventAddTimeout(-1, qemuEventDispatch, st,
                                        NULL)) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "could not add an event timer: no event loop "
                       "registered");
        g_free(cb);
        return -1;
    }
    cb->callbackID = st->nextID++;
    g_ptr_array_add(st->callbacks, cb);
    return cb->callbackID;
}


int
qemuEventRegisterAny(qemuEventState *st, virConnectPtr conn,
                     virDomainPtr dom, int eventID,
                     virConnectDomainEventGenericCallback callback,
                     void *opaque, virFreeCallback freecb)
{
    qemuEventCallback *cb = g_new0(qemuEventCallback, 1);
    int ret;

    cb->conn = conn;
    cb->eventID = eventID;
    cb->cb = callback;
    cb->opaque = opaque;
    cb->freecb = freecb;
    if (dom) {
        cb->hasUUID = true;
        memcpy(cb->uuid, dom->uuid, VIR_UUID_BUFLEN);
    }
    g_mutex_lock(&st->lock);
    ret = addCallback(st, cb);
    g_mutex_unlock(&st->lock);
    return ret;
}


static void
removeCallback(qemuEventState *st, size_t idx)
{
    qemuEventCallback *cb = st->callbacks->pdata[idx];

    if (st->dispatching) {
        cb->deleted = true;
        return;
    }
    g_ptr_array_remove_index(st->callbacks, idx);
    g_mutex_unlock(&st->lock);
    if (cb->freecb)
        cb->freecb(cb->opaque);
    g_free(cb);
    g_mutex_lock(&st->lock);
}


int
qemuEventDeregisterAny(qemuEventState *st, virConnectPtr conn,
                       int callbackID)
{
    size_t i;

    g_mutex_lock(&st->lock);
    for (i = 0; i < st->callbacks->len; i++) {
        qemuEventCallback *cb = st->callbacks->pdata[i];

        if (cb->callbackID == callbackID && cb->conn == conn && !cb->deleted) {
            removeCallback(st, i);
            g_mutex_unlock(&st->lock);
            return 0;
        }
    }
    g_mutex_unlock(&st->lock);
    virReportError(VIR_ERR_INVALID_ARG,
                   "could not find event callback %d for deletion",
                   callbackID);
    return -1;
}


int
qemuEventRegister(qemuEventState *st, virConnectPtr conn,
                  virConnectDomainEventCallback callback, void *opaque,
                  virFreeCallback freecb)
{
    qemuEventCallback *cb;
    size_t i;
    int ret;

    g_mutex_lock(&st->lock);
    for (i = 0; i < st->callbacks->len; i++) {
        qemuEventCallback *c = st->callbacks->pdata[i];

        if (c->legacy && c->conn == conn && !c->deleted &&
            c->cb == (virConnectDomainEventGenericCallback)(void (*)(void))callback) {
            g_mutex_unlock(&st->lock);
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "event callback already tracked");
            return -1;
        }
    }
    cb = g_new0(qemuEventCallback, 1);
    cb->conn = conn;
    cb->legacy = true;
    cb->eventID = VIR_DOMAIN_EVENT_ID_LIFECYCLE;
    cb->cb = (virConnectDomainEventGenericCallback)(void (*)(void))callback;
    cb->opaque = opaque;
    cb->freecb = freecb;
    ret = addCallback(st, cb);
    g_mutex_unlock(&st->lock);
    return ret < 0 ? -1 : 0;
}


int
qemuEventDeregister(qemuEventState *st, virConnectPtr conn,
                    virConnectDomainEventCallback callback)
{
    size_t i;

    g_mutex_lock(&st->lock);
    for (i = 0; i < st->callbacks->len; i++) {
        qemuEventCallback *c = st->callbacks->pdata[i];

        if (c->legacy && c->conn == conn && !c->deleted &&
            c->cb == (virConnectDomainEventGenericCallback)(void (*)(void))callback) {
            removeCallback(st, i);
            g_mutex_unlock(&st->lock);
            return 0;
        }
    }
    g_mutex_unlock(&st->lock);
    virReportError(VIR_ERR_INVALID_ARG, "%s",
                   "could not find event callback for removal");
    return -1;
}


void
qemuEventDropConnection(qemuEventState *st, virConnectPtr conn)
{
    size_t i;

    g_mutex_lock(&st->lock);
    for (i = 0; i < st->callbacks->len;) {
        qemuEventCallback *c = st->callbacks->pdata[i];

        if (c->conn == conn && !c->deleted) {
            removeCallback(st, i);
            if (!st->dispatching)
                continue;
        }
        i++;
    }
    g_mutex_unlock(&st->lock);
}
