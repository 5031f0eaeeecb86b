/* remote_events.c: event registrations of the remote driver (every object
 * kind, the callback-id form, and the legacy domain lifecycle API mapped
 * onto it) and the delivery of event messages; see remote_events.h.  The
 * per-message decoding is generated (remoteEventMsgs in
 * gen/remote_client.c).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "gen/remote_client.h"
#include "remote/remote_driver.h"
#include "remote/remote_events.h"
#include "remote/remote_handles.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "util/virlog.h"
#include "util/virobject.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* A received event waiting for the event loop; desc NULL: the server
 * says its connection closed (reason in `reason`). */
typedef struct {
    const remoteEventMsgDesc *desc;
    void *data;
    int reason;
} remoteQueuedEvent;


void
remoteEventsQueuedFree(gpointer opaque)
{
    remoteQueuedEvent *ev = opaque;

    if (ev->desc) {
        xdr_free(ev->desc->filter, ev->data);
        g_free(ev->data);
    }
    g_free(ev);
}


static void
queueEvent(remotePriv *priv, remoteQueuedEvent *ev)
{
    g_mutex_lock(&priv->lock);
    g_queue_push_tail(&priv->events, ev);
    if (priv->eventTimer >= 0)
        virEventUpdateTimeout(priv->eventTimer, 0);
    g_mutex_unlock(&priv->lock);
}


void
remoteEventsReceive(virNetClient *client G_GNUC_UNUSED, virNetMessage *msg,
                    void *opaque)
{
    remotePriv *priv = opaque;
    const remoteEventMsgDesc *desc = NULL;
    remoteQueuedEvent *ev;
    size_t i;

    if (msg->header.prog != REMOTE_PROGRAM) {
        VIR_DEBUG("ignoring message of program %x", msg->header.prog);
        return;
    }
    if (msg->header.proc == REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED) {
        remote_connect_event_connection_closed_msg data = { 0 };

        if (virNetMessageDecodePayload(msg,
                (xdrproc_t)xdr_remote_connect_event_connection_closed_msg,
                &data) < 0) {
            virResetLastError();
            return;
        }
        ev = g_new0(remoteQueuedEvent, 1);
        ev->reason = data.reason;
        queueEvent(priv, ev);
        return;
    }
    for (i = 0; i < remoteEventNMsgs; i++) {
        if (remoteEventMsgs[i].proc == (int)msg->header.proc) {
            desc = &remoteEventMsgs[i];
            break;
        }
    }
    if (!desc) {
        /* Legacy messages: we only ever register in the callback-id form. */
        VIR_DEBUG("ignoring event procedure %d", msg->header.proc);
        return;
    }
    ev = g_new0(remoteQueuedEvent, 1);
    ev->desc = desc;
    ev->data = g_malloc0(desc->size);
    if (virNetMessageDecodePayload(msg, desc->filter, ev->data) < 0) {
        VIR_WARN("cannot decode event %d: %s", desc->proc,
                 virGetLastErrorMessage());
        virResetLastError();
        remoteEventsQueuedFree(ev);
        return;
    }
    queueEvent(priv, ev);
}


/* Deliver one event; called without the lock. */
static void
deliver(remotePriv *priv, remoteQueuedEvent *ev, void (*cb)(void),
        void *opaque)
{
    if (!ev->desc) {
        virConnectCloseFunc close = (virConnectCloseFunc)cb;

        close(priv->conn, ev->reason, opaque);
        return;
    }
    ev->desc->deliver(priv->conn, ev->data, cb, opaque);
}


/* One application callback an event goes to. */
typedef struct {
    void (*func)(void);
    void *opaque;
} remoteTarget;


/* The callbacks of `kind` sharing the server's registration serverID. */
static GArray *
findTargets(remotePriv *priv, int kind, int serverID)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(remoteTarget));
    size_t i;

    for (i = 0; i < priv->callbacks->len; i++) {
        remoteEventCallback *cb = priv->callbacks->pdata[i];
        remoteTarget t;

        if (cb->kind != kind || cb->serverID != serverID || cb->removed)
            continue;
        t.func = (void (*)(void))cb->cb;
        t.opaque = cb->opaque;
        g_array_append_val(out, t);
    }
    return out;
}


void
remoteEventsTimer(int timer, void *opaque)
{
    remotePriv *priv = opaque;
    remoteQueuedEvent *ev;
    size_t i;

    g_mutex_lock(&priv->lock);
    if (!priv->closed)
        virEventUpdateTimeout(timer, -1);
    if (priv->dispatching || priv->closed) {
        g_mutex_unlock(&priv->lock);
        return;
    }
    /* An event may come before the reply that names its callback has
     * been taken in: try again shortly. */
    if (priv->registering > 0) {
        virEventUpdateTimeout(timer, 10);
        g_mutex_unlock(&priv->lock);
        return;
    }
    priv->dispatching = true;
    while ((ev = g_queue_pop_head(&priv->events))) {
        g_autoptr(GArray) targets = NULL;

        if (!ev->desc) {
            remoteTarget t = { (void (*)(void))priv->closeCb,
                               priv->closeOpaque };

            targets = g_array_new(FALSE, FALSE, sizeof(remoteTarget));
            if (t.func)
                g_array_append_val(targets, t);
        } else {
            /* Every callback-id message starts with the callbackID. */
            targets = findTargets(priv, ev->desc->kind, *(int *)ev->data);
        }
        g_mutex_unlock(&priv->lock);
        for (i = 0; i < targets->len; i++) {
            remoteTarget *t = &g_array_index(targets, remoteTarget, i);

            deliver(priv, ev, t->func, t->opaque);
        }
        remoteEventsQueuedFree(ev);
        g_mutex_lock(&priv->lock);
        if (priv->closed)
            break;              /* closed from a callback */
    }
    priv->dispatching = false;
    /* Entries deregistered during the dispatch go now. */
    for (i = 0; i < priv->callbacks->len;) {
        remoteEventCallback *cb = priv->callbacks->pdata[i];

        if (cb->removed) {
            g_ptr_array_remove_index(priv->callbacks, i);
            g_mutex_unlock(&priv->lock);
            remoteEventCallbackFree(cb);
            g_mutex_lock(&priv->lock);
        } else {
            i++;
        }
    }
    g_mutex_unlock(&priv->lock);
}


/* ---- registrations ---------------------------------------------------- */

/* Like libvirt's remote driver, the client registers once with the server
 * per object kind, event and object filter; the application's callbacks
 * with the same filter share that registration and get ids of our own. */

/* Before asking the server: events need its callback-id support and an
 * event loop here. */
static int
canRegister(virConnectPtr conn)
{
    remotePriv *priv = conn->privateData;

    if (!priv->eventCallbackSupported) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "the server does not support event callbacks");
        return -1;
    }
    /* libvirt's message (its event timer cannot be armed), whatever the
     * kind of event. */
    if (virEventRequireImpl() < 0) {
        virResetLastError();
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR, __FILE__,
                           __func__, __LINE__, "%s",
                           "could not initialize domain event timer");
        return -1;
    }
    return 0;
}


static bool
sameFilter(const remoteEventCallback *cb, int kind, int eventID,
           const char *key)
{
    return cb->kind == kind && cb->eventID == eventID && !cb->removed &&
           g_strcmp0(cb->key, key) == 0;
}


/* The server id of an existing registration with this filter, -1 if none;
 * -2 with an error if `func` is already registered with it. */
static int
sharedServerID(virConnectPtr conn, int kind, int eventID, const char *key,
               void (*func)(void), bool legacy)
{
    remotePriv *priv = remotePrivLock(conn);
    int id = -1;
    size_t i;

    for (i = 0; i < priv->callbacks->len; i++) {
        remoteEventCallback *cb = priv->callbacks->pdata[i];

        if (!sameFilter(cb, kind, eventID, key))
            continue;
        if ((void (*)(void))cb->cb == func && cb->legacy == legacy) {
            remotePrivUnlock(priv);
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "event callback already tracked");
            return -2;
        }
        id = cb->serverID;
    }
    remotePrivUnlock(priv);
    return id;
}


static int
addCallback(virConnectPtr conn, int kind, int serverID, int eventID,
            const char *key, void (*func)(void), void *opaque,
            virFreeCallback freecb, bool legacy)
{
    remoteEventCallback *entry = g_new0(remoteEventCallback, 1);
    remotePriv *priv;
    int id;

    entry->kind = kind;
    entry->serverID = serverID;
    entry->eventID = eventID;
    entry->key = g_strdup(key);
    entry->cb = (virConnectDomainEventGenericCallback)func;
    entry->opaque = opaque;
    entry->freecb = freecb;
    entry->legacy = legacy;
    priv = remotePrivLock(conn);
    id = entry->callbackID = ++priv->lastCallbackID;
    g_ptr_array_add(priv->callbacks, entry);
    remotePrivUnlock(priv);
    return id;
}


/* Forget the callback of `kind` numbered callbackID (or, with legacy,
 * the legacy lifecycle callback `func`).  *serverID: the server's id if
 * no other callback shares it (the server must be told), else -1.
 * -1 with an error if there is no such callback. */
static int
removeCallback(virConnectPtr conn, int kind, int callbackID,
               void (*func)(void), bool legacy, int *serverID)
{
    remoteEventCallback *entry = NULL;
    remotePriv *priv;
    size_t i, at = 0;

    *serverID = -1;
    priv = remotePrivLock(conn);
    for (i = 0; i < priv->callbacks->len; i++) {
        remoteEventCallback *cb = priv->callbacks->pdata[i];

        if (cb->kind != kind || cb->removed || cb->legacy != legacy)
            continue;
        if (legacy ? (void (*)(void))cb->cb == func
                   : cb->callbackID == callbackID) {
            entry = cb;
            at = i;
            break;
        }
    }
    if (!entry) {
        remotePrivUnlock(priv);
        if (legacy)
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "could not find event callback for removal");
        else
            virReportError(VIR_ERR_INVALID_ARG,
                           "could not find event callback %d for deletion",
                           callbackID);
        return -1;
    }
    /* Stop delivering at once; the server is told after. */
    entry->removed = true;
    *serverID = entry->serverID;
    for (i = 0; i < priv->callbacks->len; i++) {
        remoteEventCallback *cb = priv->callbacks->pdata[i];

        if (cb->kind == kind && cb->serverID == entry->serverID &&
            !cb->removed)
            *serverID = -1;
    }
    if (priv->dispatching) {
        entry = NULL;           /* freed when the dispatch ends */
    } else {
        g_ptr_array_remove_index(priv->callbacks, at);
    }
    remotePrivUnlock(priv);
    remoteEventCallbackFree(entry);
    return 0;
}


/* Count a registration in flight (delta 1) or done (-1). */
static void
registering(virConnectPtr conn, int delta)
{
    remotePriv *priv = remotePrivLock(conn);

    priv->registering += delta;
    remotePrivUnlock(priv);
}


static char *
uuidKey(const unsigned char *uuid)
{
    char buf[VIR_UUID_STRING_BUFLEN];

    return g_strdup(virUUIDFormat(uuid, buf));
}

#define KEY_Domain(o) uuidKey((o)->uuid)
#define KEY_Network(o) uuidKey((o)->uuid)
#define KEY_StoragePool(o) uuidKey((o)->uuid)
#define KEY_NodeDevice(o) g_strdup((o)->name)
#define KEY_Secret(o) uuidKey((o)->uuid)


/* Register in the callback-id form (eventID, the optional object; the
 * reply holds the server's callbackID), unless a registration with the
 * same filter exists.  The five kinds' payloads have the same layout but
 * their own XDR functions. */
#define REGISTER_ANY(Kind, KIND, Ptr, proc, argsT, retT, member, \
                     GenericCb) \
static int \
register##Kind(virConnectPtr conn, Ptr obj, int eventID, \
               void (*func)(void), void *opaque, virFreeCallback freecb, \
               bool legacy) \
{ \
    argsT args; \
    retT ret; \
    remote_nonnull_##member wobj; \
    g_autofree char *key = obj ? KEY_##Kind(obj) : NULL; \
    int serverID, id; \
 \
    if (canRegister(conn) < 0) \
        return -1; \
    serverID = sharedServerID(conn, REMOTE_EVENT_KIND_##KIND, eventID, key, \
                              func, legacy); \
    if (serverID == -2) \
        return -1; \
    if (serverID < 0) { \
        memset(&args, 0, sizeof(args)); \
        memset(&ret, 0, sizeof(ret)); \
        args.eventID = eventID; \
        if (obj) { \
            remote##Kind##ToWire(&wobj, obj); \
            args.EVMEMBER_##Kind = &wobj; \
        } \
        registering(conn, 1); \
        if (remoteCall(conn, proc, (xdrproc_t)xdr_##argsT, &args, \
                       (xdrproc_t)xdr_##retT, &ret) < 0) { \
            registering(conn, -1); \
            return -1; \
        } \
        serverID = ret.callbackID; \
        id = addCallback(conn, REMOTE_EVENT_KIND_##KIND, serverID, eventID, \
                         key, func, opaque, freecb, legacy); \
        registering(conn, -1); \
        return id; \
    } \
    return addCallback(conn, REMOTE_EVENT_KIND_##KIND, serverID, eventID, \
                       key, func, opaque, freecb, legacy); \
} \
 \
int \
remoteConnect##Kind##EventRegisterAny(virConnectPtr conn, Ptr obj, \
                                      int eventID, GenericCb cb, \
                                      void *opaque, virFreeCallback freecb) \
{ \
    return register##Kind(conn, obj, eventID, (void (*)(void))cb, opaque, \
                          freecb, false); \
}

#define DEREGISTER_ANY(Kind, KIND, proc, argsT) \
static int \
deregister##Kind(virConnectPtr conn, int callbackID, void (*func)(void), \
                 bool legacy) \
{ \
    argsT args; \
    int serverID; \
 \
    if (removeCallback(conn, REMOTE_EVENT_KIND_##KIND, callbackID, func, \
                       legacy, &serverID) < 0) \
        return -1; \
    if (serverID < 0) \
        return 0;               /* still used by other callbacks */ \
    memset(&args, 0, sizeof(args)); \
    args.callbackID = serverID; \
    if (remoteCall(conn, proc, (xdrproc_t)xdr_##argsT, &args, \
                   NULL, NULL) < 0) \
        return -1; \
    return 0; \
} \
 \
int \
remoteConnect##Kind##EventDeregisterAny(virConnectPtr conn, int callbackID) \
{ \
    return deregister##Kind(conn, callbackID, NULL, false); \
}

#define EVMEMBER_Domain dom
#define EVMEMBER_Network net
#define EVMEMBER_StoragePool pool
#define EVMEMBER_NodeDevice dev
#define EVMEMBER_Secret secret

REGISTER_ANY(Domain, DOMAIN, virDomainPtr,
             REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
             remote_connect_domain_event_callback_register_any_args,
             remote_connect_domain_event_callback_register_any_ret, domain,
             virConnectDomainEventGenericCallback)
DEREGISTER_ANY(Domain, DOMAIN,
               REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
               remote_connect_domain_event_callback_deregister_any_args)
REGISTER_ANY(Network, NETWORK, virNetworkPtr,
             REMOTE_PROC_CONNECT_NETWORK_EVENT_REGISTER_ANY,
             remote_connect_network_event_register_any_args,
             remote_connect_network_event_register_any_ret, network,
             virConnectNetworkEventGenericCallback)
DEREGISTER_ANY(Network, NETWORK,
               REMOTE_PROC_CONNECT_NETWORK_EVENT_DEREGISTER_ANY,
               remote_connect_network_event_deregister_any_args)
REGISTER_ANY(StoragePool, STORAGEPOOL, virStoragePoolPtr,
             REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY,
             remote_connect_storage_pool_event_register_any_args,
             remote_connect_storage_pool_event_register_any_ret, storage_pool,
             virConnectStoragePoolEventGenericCallback)
DEREGISTER_ANY(StoragePool, STORAGEPOOL,
               REMOTE_PROC_CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY,
               remote_connect_storage_pool_event_deregister_any_args)
REGISTER_ANY(NodeDevice, NODEDEVICE, virNodeDevicePtr,
             REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY,
             remote_connect_node_device_event_register_any_args,
             remote_connect_node_device_event_register_any_ret, node_device,
             virConnectNodeDeviceEventGenericCallback)
DEREGISTER_ANY(NodeDevice, NODEDEVICE,
               REMOTE_PROC_CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY,
               remote_connect_node_device_event_deregister_any_args)
REGISTER_ANY(Secret, SECRET, virSecretPtr,
             REMOTE_PROC_CONNECT_SECRET_EVENT_REGISTER_ANY,
             remote_connect_secret_event_register_any_args,
             remote_connect_secret_event_register_any_ret, secret,
             virConnectSecretEventGenericCallback)
DEREGISTER_ANY(Secret, SECRET,
               REMOTE_PROC_CONNECT_SECRET_EVENT_DEREGISTER_ANY,
               remote_connect_secret_event_deregister_any_args)


/* The legacy API: a lifecycle callback known by its function pointer,
 * registered like the others. */
int
remoteConnectDomainEventRegister(virConnectPtr conn,
                                 virConnectDomainEventCallback cb,
                                 void *opaque, virFreeCallback freecb)
{
    if (registerDomain(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                       (void (*)(void))cb, opaque, freecb, true) < 0)
        return -1;
    return 0;
}


int
remoteConnectDomainEventDeregister(virConnectPtr conn,
                                   virConnectDomainEventCallback cb)
{
    return deregisterDomain(conn, -1, (void (*)(void))cb, true);
}


/* ---- the graphics event: nested structs ------------------------------- */

static void
graphicsAddress(virDomainEventGraphicsAddress *out,
                const remote_domain_event_graphics_address *in)
{
    out->family = in->family;
    out->node = in->node;
    out->service = in->service;
}


void
remoteDeliverDomainEventCallbackGraphics(virConnectPtr conn, void *data,
                                         void (*cb)(void), void *opaque)
{
    remote_domain_event_callback_graphics_msg *msg = data;
    remote_domain_event_graphics_msg *m = &msg->msg;
    virDomainEventGraphicsAddress local, remote;
    virDomainEventGraphicsSubject subject;
    g_autofree virDomainEventGraphicsSubjectIdentity *ids = NULL;
    virDomainPtr dom;
    u_int i;

    if (!(dom = remoteDomainFromWire(conn, &m->dom)))
        return;
    graphicsAddress(&local, &m->local);
    graphicsAddress(&remote, &m->remote);
    ids = g_new0(virDomainEventGraphicsSubjectIdentity,
                 MAX(m->subject.subject_len, 1));
    for (i = 0; i < m->subject.subject_len; i++) {
        ids[i].type = m->subject.subject_val[i].type;
        ids[i].name = m->subject.subject_val[i].name;
    }
    subject.nidentity = m->subject.subject_len;
    subject.identities = ids;
    ((virConnectDomainEventGraphicsCallback)cb)(conn, dom, m->phase, &local,
                                                &remote, m->authScheme,
                                                &subject, opaque);
    virObjectUnref(dom);
}
