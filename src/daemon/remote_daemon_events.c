/* remote_daemon_events.c: the event procedures of the daemon: register a
 * generated relay (gen/remote_dispatch.c) on the client's connection for
 * each event a client asks for, in the callback-id form or, for old
 * clients, the legacy domain forms; and the graphics relay, whose message
 * has nested structs.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_events.h"
#include "gen/remote_client.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "remote/remote_handles.h"
#include "util/virerror.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

#define UNUSED_ARGS virNetServer *srv G_GNUC_UNUSED, \
    virNetServerClient *client, virNetMessage *msg G_GNUC_UNUSED


int
remoteDaemonEventRegID(remoteDaemonEventReg *reg)
{
    return g_atomic_int_get(&reg->callbackID);
}


void
remoteDaemonEventSend(remoteDaemonEventReg *reg, int proc, xdrproc_t filter,
                      void *data)
{
    virNetMessage *msg = virNetMessageNew();

    msg->header.prog = REMOTE_PROGRAM;
    msg->header.vers = REMOTE_PROTOCOL_VERSION;
    msg->header.proc = proc;
    msg->header.type = VIR_NET_MESSAGE;
    msg->header.serial = 1;     /* what libvirtd puts in event messages */
    msg->header.status = VIR_NET_OK;
    if (virNetMessageEncode(msg, filter, data) < 0) {
        VIR_WARN("cannot encode event %d: %s", proc,
                 virGetLastErrorMessage());
        virResetLastError();
        virNetMessageFree(msg);
        return;
    }
    virNetServerClientSendMessage(reg->client, msg);
}


int
remoteDaemonEventDeregister(virConnectPtr conn, remoteDaemonEventReg *reg)
{
    int id = reg->callbackID;

    switch (reg->kind) {
    case REMOTE_EVENT_KIND_DOMAIN:
        return virConnectDomainEventDeregisterAny(conn, id);
    case REMOTE_EVENT_KIND_NETWORK:
        return virConnectNetworkEventDeregisterAny(conn, id);
    case REMOTE_EVENT_KIND_STORAGEPOOL:
        return virConnectStoragePoolEventDeregisterAny(conn, id);
    case REMOTE_EVENT_KIND_NODEDEVICE:
        return virConnectNodeDeviceEventDeregisterAny(conn, id);
    case REMOTE_EVENT_KIND_SECRET:
        return virConnectSecretEventDeregisterAny(conn, id);
    }
    return -1;
}


/* The relay table of an object kind. */
static const remoteDaemonEventDesc *
relayOf(int kind, int eventID, bool legacy)
{
    const remoteDaemonEventDesc *table = NULL;
    size_t n = 0;

#define TABLE(K, t) \
    case REMOTE_EVENT_KIND_##K: \
        table = t; \
        n = G_N_ELEMENTS(t); \
        break
    switch (kind) {
    TABLE(DOMAIN, remoteDaemonDomainEvents);
    TABLE(NETWORK, remoteDaemonNetworkEvents);
    TABLE(STORAGEPOOL, remoteDaemonStoragePoolEvents);
    TABLE(NODEDEVICE, remoteDaemonNodeDeviceEvents);
    TABLE(SECRET, remoteDaemonSecretEvents);
    }
#undef TABLE
    if (eventID < 0 || (size_t)eventID >= n || !table[eventID].func ||
        (legacy && !table[eventID].legacyProc)) {
        virReportError(VIR_ERR_INVALID_ARG, "unsupported event ID %d",
                       eventID);
        return NULL;
    }
    return &table[eventID];
}


/* Register the relay of (kind, eventID) for the client on its connection,
 * limited to object `obj` if not NULL.  The id in *callbackID. */
static int
registerEvent(virNetServerClient *client, int kind, int eventID, bool legacy,
              void *obj, int *callbackID)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    const remoteDaemonEventDesc *desc;
    remoteDaemonEventReg *reg;
    virConnectPtr conn;
    bool dup = false;
    size_t i;
    int id = -1;

    if (!(conn = remoteDaemonGetConn(client)))
        return -1;
    if (!(desc = relayOf(kind, eventID, legacy)))
        goto cleanup;
    if (legacy) {
        g_mutex_lock(&priv->lock);
        for (i = 0; i < priv->domainEvents->len; i++) {
            remoteDaemonEventReg *r = priv->domainEvents->pdata[i];

            if (r->legacy && r->eventID == eventID)
                dup = true;
        }
        g_mutex_unlock(&priv->lock);
        if (dup) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "domain event %d already registered", eventID);
            goto cleanup;
        }
    }

    reg = g_new0(remoteDaemonEventReg, 1);
    reg->client = virNetServerClientRef(client);
    reg->callbackID = -1;
    reg->eventID = eventID;
    reg->kind = kind;
    reg->legacy = legacy;
    switch (kind) {
    case REMOTE_EVENT_KIND_DOMAIN:
        id = virConnectDomainEventRegisterAny(conn, obj, eventID,
                 (virConnectDomainEventGenericCallback)desc->func,
                 reg, remoteDaemonEventRegFree);
        break;
    case REMOTE_EVENT_KIND_NETWORK:
        id = virConnectNetworkEventRegisterAny(conn, obj, eventID,
                 (virConnectNetworkEventGenericCallback)desc->func,
                 reg, remoteDaemonEventRegFree);
        break;
    case REMOTE_EVENT_KIND_STORAGEPOOL:
        id = virConnectStoragePoolEventRegisterAny(conn, obj, eventID,
                 (virConnectStoragePoolEventGenericCallback)desc->func,
                 reg, remoteDaemonEventRegFree);
        break;
    case REMOTE_EVENT_KIND_NODEDEVICE:
        id = virConnectNodeDeviceEventRegisterAny(conn, obj, eventID,
                 (virConnectNodeDeviceEventGenericCallback)desc->func,
                 reg, remoteDaemonEventRegFree);
        break;
    case REMOTE_EVENT_KIND_SECRET:
        id = virConnectSecretEventRegisterAny(conn, obj, eventID,
                 (virConnectSecretEventGenericCallback)desc->func,
                 reg, remoteDaemonEventRegFree);
        break;
    }
    if (id < 0) {
        /* As in libvirt, a failed registration does not call freecb. */
        remoteDaemonEventRegFree(reg);
        goto cleanup;
    }
    g_atomic_int_set(&reg->callbackID, id);
    virNetServerClientSetHearsEvents(client);
    g_mutex_lock(&priv->lock);
    g_ptr_array_add(priv->domainEvents, reg);
    g_mutex_unlock(&priv->lock);
    *callbackID = id;

 cleanup:
    virObjectUnref(conn);
    return id < 0 ? -1 : 0;
}


/* Remove the client's registration of `kind` numbered callbackID (or the
 * legacy one for eventID). */
static int
deregisterEvent(virNetServerClient *client, int kind, int callbackID,
                bool legacy, int eventID)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    remoteDaemonEventReg *found = NULL;
    virConnectPtr conn;
    size_t i;
    int rv;

    if (!(conn = remoteDaemonGetConn(client)))
        return -1;
    g_mutex_lock(&priv->lock);
    for (i = 0; i < priv->domainEvents->len; i++) {
        remoteDaemonEventReg *reg = priv->domainEvents->pdata[i];

        if (reg->kind != kind || reg->legacy != legacy)
            continue;
        if (legacy ? reg->eventID == eventID : reg->callbackID == callbackID) {
            found = g_ptr_array_steal_index(priv->domainEvents, i);
            break;
        }
    }
    g_mutex_unlock(&priv->lock);
    if (!found) {
        virObjectUnref(conn);
        virReportError(VIR_ERR_RPC, "event %d not registered",
                       legacy ? eventID : callbackID);
        return -1;
    }
    /* The free callback releases `found`. */
    rv = remoteDaemonEventDeregister(conn, found);
    virObjectUnref(conn);
    return rv < 0 ? -1 : 0;
}


/* ---- the callback-id form, every object kind -------------------------- */

#define REGISTER_ANY(Proc, KIND, argsT, retT, member, Short) \
int \
remoteDispatch##Proc##RegisterAny(UNUSED_ARGS, void *argsp, void *retp) \
{ \
    argsT *args = argsp; \
    retT *ret = retp; \
    virConnectPtr conn; \
    void *obj = NULL; \
    int rv; \
 \
    if (args->member) { \
        if (!(conn = remoteDaemonGetConn(client))) \
            return -1; \
        obj = remote##Short##FromWire(conn, args->member); \
        virObjectUnref(conn); \
        if (!obj) \
            return -1; \
    } \
    rv = registerEvent(client, REMOTE_EVENT_KIND_##KIND, args->eventID, \
                       false, obj, &ret->callbackID); \
    virObjectUnref(obj); \
    return rv; \
}

#define DEREGISTER_ANY(Proc, KIND, argsT) \
int \
remoteDispatch##Proc##DeregisterAny(UNUSED_ARGS, void *argsp, \
                                    void *retp G_GNUC_UNUSED) \
{ \
    argsT *args = argsp; \
 \
    return deregisterEvent(client, REMOTE_EVENT_KIND_##KIND, \
                           args->callbackID, false, -1); \
}

REGISTER_ANY(ConnectDomainEventCallback, DOMAIN,
             remote_connect_domain_event_callback_register_any_args,
             remote_connect_domain_event_callback_register_any_ret, dom,
             Domain)
DEREGISTER_ANY(ConnectDomainEventCallback, DOMAIN,
               remote_connect_domain_event_callback_deregister_any_args)
REGISTER_ANY(ConnectNetworkEvent, NETWORK,
             remote_connect_network_event_register_any_args,
             remote_connect_network_event_register_any_ret, net, Network)
DEREGISTER_ANY(ConnectNetworkEvent, NETWORK,
               remote_connect_network_event_deregister_any_args)
REGISTER_ANY(ConnectStoragePoolEvent, STORAGEPOOL,
             remote_connect_storage_pool_event_register_any_args,
             remote_connect_storage_pool_event_register_any_ret, pool,
             StoragePool)
DEREGISTER_ANY(ConnectStoragePoolEvent, STORAGEPOOL,
               remote_connect_storage_pool_event_deregister_any_args)
REGISTER_ANY(ConnectNodeDeviceEvent, NODEDEVICE,
             remote_connect_node_device_event_register_any_args,
             remote_connect_node_device_event_register_any_ret, dev,
             NodeDevice)
DEREGISTER_ANY(ConnectNodeDeviceEvent, NODEDEVICE,
               remote_connect_node_device_event_deregister_any_args)
REGISTER_ANY(ConnectSecretEvent, SECRET,
             remote_connect_secret_event_register_any_args,
             remote_connect_secret_event_register_any_ret, secret, Secret)
DEREGISTER_ANY(ConnectSecretEvent, SECRET,
               remote_connect_secret_event_deregister_any_args)


/* ---- the legacy domain forms (old clients) ---------------------------- */

int
remoteDispatchConnectDomainEventRegister(UNUSED_ARGS,
                                         void *argsp G_GNUC_UNUSED,
                                         void *retp)
{
    remote_connect_domain_event_register_ret *ret = retp;
    int id;

    if (registerEvent(client, REMOTE_EVENT_KIND_DOMAIN,
                      VIR_DOMAIN_EVENT_ID_LIFECYCLE, true, NULL, &id) < 0)
        return -1;
    ret->cb_registered = 1;
    return 0;
}


int
remoteDispatchConnectDomainEventDeregister(UNUSED_ARGS,
                                           void *argsp G_GNUC_UNUSED,
                                           void *retp)
{
    remote_connect_domain_event_deregister_ret *ret = retp;

    if (deregisterEvent(client, REMOTE_EVENT_KIND_DOMAIN, -1, true,
                        VIR_DOMAIN_EVENT_ID_LIFECYCLE) < 0)
        return -1;
    ret->cb_registered = 0;
    return 0;
}


int
remoteDispatchConnectDomainEventRegisterAny(UNUSED_ARGS, void *argsp,
                                            void *retp G_GNUC_UNUSED)
{
    remote_connect_domain_event_register_any_args *args = argsp;
    int id;

    return registerEvent(client, REMOTE_EVENT_KIND_DOMAIN, args->eventID,
                         true, NULL, &id);
}


int
remoteDispatchConnectDomainEventDeregisterAny(UNUSED_ARGS, void *argsp,
                                              void *retp G_GNUC_UNUSED)
{
    remote_connect_domain_event_deregister_any_args *args = argsp;

    return deregisterEvent(client, REMOTE_EVENT_KIND_DOMAIN, -1, true,
                           args->eventID);
}


/* ---- the graphics event: nested structs ------------------------------- */

static void
graphicsAddress(remote_domain_event_graphics_address *out,
                const virDomainEventGraphicsAddress *in)
{
    out->family = in->family;
    out->node = (char *)in->node;
    out->service = (char *)in->service;
}


static void
graphicsMsg(remote_domain_event_graphics_msg *m, virDomainPtr dom, int phase,
            const virDomainEventGraphicsAddress *local,
            const virDomainEventGraphicsAddress *remote,
            const char *authScheme,
            const virDomainEventGraphicsSubject *subject)
{
    int i;

    remoteDomainToWire(&m->dom, dom);
    m->phase = phase;
    graphicsAddress(&m->local, local);
    graphicsAddress(&m->remote, remote);
    m->authScheme = (char *)authScheme;
    m->subject.subject_len = subject->nidentity;
    m->subject.subject_val =
        g_new0(remote_domain_event_graphics_identity,
               MAX(subject->nidentity, 1));
    for (i = 0; i < subject->nidentity; i++) {
        m->subject.subject_val[i].type = (char *)subject->identities[i].type;
        m->subject.subject_val[i].name = (char *)subject->identities[i].name;
    }
}


void
remoteRelayDomainEventGraphics(virConnectPtr conn G_GNUC_UNUSED,
                               virDomainPtr dom, int phase,
                               const virDomainEventGraphicsAddress *local,
                               const virDomainEventGraphicsAddress *remote,
                               const char *authScheme,
                               const virDomainEventGraphicsSubject *subject,
                               void *opaque)
{
    remoteDaemonEventReg *reg = opaque;
    int id = remoteDaemonEventRegID(reg);

    if (id < 0)
        return;
    if (reg->legacy) {
        remote_domain_event_graphics_msg data;

        memset(&data, 0, sizeof(data));
        graphicsMsg(&data, dom, phase, local, remote, authScheme, subject);
        remoteDaemonEventSend(reg, REMOTE_PROC_DOMAIN_EVENT_GRAPHICS,
                              (xdrproc_t)xdr_remote_domain_event_graphics_msg,
                              &data);
        g_free(data.subject.subject_val);
    } else {
        remote_domain_event_callback_graphics_msg data;

        memset(&data, 0, sizeof(data));
        data.callbackID = id;
        graphicsMsg(&data.msg, dom, phase, local, remote, authScheme,
                    subject);
        remoteDaemonEventSend(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_GRAPHICS,
                              (xdrproc_t)xdr_remote_domain_event_callback_graphics_msg,
                              &data);
        g_free(data.msg.subject.subject_val);
    }
}
