/* remote_dispatch_manual.c: the daemon's procedure functions that the IDL
 * marks as hand-written (<procedure handwritten="both|server">), each for
 * the reason given there.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "daemon/remote_daemon.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "remote/remote_handles.h"
#include "util/virerror.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* virConnectSupportsFeature's values the daemon answers itself. */
#define FEATURE_PROGRAM_KEEPALIVE 10
#define FEATURE_REMOTE_EVENT_CALLBACK 14
#define FEATURE_REMOTE_CLOSE_CALLBACK 15

#define UNUSED_ARGS virNetServer *srv G_GNUC_UNUSED, \
    virNetServerClient *client, virNetMessage *msg G_GNUC_UNUSED


/* ---- the connection --------------------------------------------------- */

int
remoteDispatchConnectOpen(UNUSED_ARGS, void *argsp, void *retp G_GNUC_UNUSED)
{
    remote_connect_open_args *args = argsp;
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    const char *name = args->name && **args->name ? *args->name : NULL;
    unsigned int flags = args->flags & (VIR_CONNECT_RO |
                                        VIR_CONNECT_NO_ALIASES);
    virConnectPtr conn;
    bool busy;

    g_mutex_lock(&priv->lock);
    busy = priv->conn != NULL;
    g_mutex_unlock(&priv->lock);
    if (busy) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "connection already open");
        return -1;
    }
    /* Clients of the read-only socket only ever get read-only access. */
    if (virNetServerClientIsReadonly(client))
        flags |= VIR_CONNECT_RO;

    if (!(conn = virConnectOpenAuth(name, NULL, flags)))
        return -1;

    g_mutex_lock(&priv->lock);
    busy = priv->conn != NULL;
    if (!busy)
        priv->conn = conn;
    g_mutex_unlock(&priv->lock);
    if (busy) {
        virConnectClose(conn);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "connection already open");
        return -1;
    }
    return 0;
}


int
remoteDispatchConnectClose(UNUSED_ARGS, void *argsp G_GNUC_UNUSED,
                           void *retp G_GNUC_UNUSED)
{
    remoteDaemonCloseConn(virNetServerClientGetPrivateData(client));
    return 0;
}


int
remoteDispatchAuthList(UNUSED_ARGS, void *argsp G_GNUC_UNUSED, void *retp)
{
    remote_auth_list_ret *ret = retp;

    /* Only "none" is offered for now. */
    ret->types.types_len = 1;
    ret->types.types_val = g_new0(remote_auth_type, 1);
    ret->types.types_val[0] = REMOTE_AUTH_NONE;
    return 0;
}


int
remoteDispatchConnectSupportsFeature(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_connect_supports_feature_args *args = argsp;
    remote_connect_supports_feature_ret *ret = retp;
    virConnectPtr conn;

    switch (args->feature) {
    case FEATURE_PROGRAM_KEEPALIVE:
        /* Asking is how a client says it answers pings. */
        if (virNetServerClientStartKeepAlive(client) < 0)
            return -1;
        ret->supported = 1;
        return 0;
    case FEATURE_REMOTE_EVENT_CALLBACK:
    case FEATURE_REMOTE_CLOSE_CALLBACK:
        ret->supported = 1;
        return 0;
    default:
        /* The hypervisor's features need its connection. */
        if (!(conn = remoteDaemonGetConn(client)))
            return -1;
        ret->supported = 0;
        virObjectUnref(conn);
        return 0;
    }
}


int
remoteDispatchConnectGetUri(UNUSED_ARGS, void *argsp G_GNUC_UNUSED,
                            void *retp)
{
    remote_connect_get_uri_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    char *uri;

    if (!conn)
        return -1;
    uri = virConnectGetURI(conn);
    virObjectUnref(conn);
    if (!uri)
        return -1;
    ret->uri = uri;
    return 0;
}


int
remoteDispatchConnectRegisterCloseCallback(UNUSED_ARGS,
                                           void *argsp G_GNUC_UNUSED,
                                           void *retp G_GNUC_UNUSED)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    virConnectPtr conn = remoteDaemonGetConn(client);

    if (!conn)
        return -1;
    virObjectUnref(conn);
    /* Nothing can close the daemon's own connections under a client yet:
     * remember the wish for when something can. */
    g_mutex_lock(&priv->lock);
    priv->closeCallback = true;
    g_mutex_unlock(&priv->lock);
    return 0;
}


int
remoteDispatchConnectUnregisterCloseCallback(UNUSED_ARGS,
                                             void *argsp G_GNUC_UNUSED,
                                             void *retp G_GNUC_UNUSED)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    virConnectPtr conn = remoteDaemonGetConn(client);

    if (!conn)
        return -1;
    virObjectUnref(conn);
    g_mutex_lock(&priv->lock);
    priv->closeCallback = false;
    g_mutex_unlock(&priv->lock);
    return 0;
}


/* ---- domains ---------------------------------------------------------- */

int
remoteDispatchDomainCreateWithFlags(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_create_with_flags_args *args = argsp;
    remote_domain_create_with_flags_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr dom = NULL;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(dom = remoteDomainFromWire(conn, &args->dom)))
        goto cleanup;
    if (virDomainCreateWithFlags(dom, args->flags) < 0)
        goto cleanup;
    /* The driver updated the handle's id: send it back. */
    remoteDomainToWireCopy(&ret->dom, dom);
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


/* A NUL-terminated string as a char array that keeps the NUL. */
static void
charsOut(u_int *len, char **val, const char *s)
{
    *len = strlen(s) + 1;
    *val = g_strdup(s);
}


int
remoteDispatchDomainGetSecurityLabel(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_get_security_label_args *args = argsp;
    remote_domain_get_security_label_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr dom = NULL;
    virSecurityLabel label;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(dom = remoteDomainFromWire(conn, &args->dom)))
        goto cleanup;
    memset(&label, 0, sizeof(label));
    if (virDomainGetSecurityLabel(dom, &label) < 0)
        goto cleanup;
    charsOut(&ret->label.label_len, &ret->label.label_val, label.label);
    ret->enforcing = label.enforcing;
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchNodeGetSecurityModel(UNUSED_ARGS, void *argsp G_GNUC_UNUSED,
                                   void *retp)
{
    remote_node_get_security_model_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virSecurityModel model;
    int rv = -1;

    if (!conn)
        return -1;
    memset(&model, 0, sizeof(model));
    if (virNodeGetSecurityModel(conn, &model) < 0)
        goto cleanup;
    charsOut(&ret->model.model_len, &ret->model.model_val, model.model);
    charsOut(&ret->doi.doi_len, &ret->doi.doi_val, model.doi);
    rv = 0;
 cleanup:
    virObjectUnref(conn);
    return rv;
}


/* ---- listing every object of a kind ----------------------------------- */

#define LIST_ALL(Proc, Api, Ptr, argsT, retT, member, Short, limit) \
int \
remoteDispatch##Proc(UNUSED_ARGS, void *argsp, void *retp) \
{ \
    argsT *args = argsp; \
    retT *ret = retp; \
    virConnectPtr conn = remoteDaemonGetConn(client); \
    Ptr *list = NULL; \
    int n, i; \
 \
    if (!conn) \
        return -1; \
    n = Api(conn, args->need_results ? &list : NULL, args->flags); \
    virObjectUnref(conn); \
    if (n < 0) \
        return -1; \
    if (n > limit) { \
        for (i = 0; list && i < n; i++) \
            virObjectUnref(list[i]); \
        g_free(list); \
        virReportError(VIR_ERR_RPC, "Too many objects '%d' for limit '%d'", \
                       n, limit); \
        return -1; \
    } \
    if (list) { \
        ret->member.member##_len = n; \
        ret->member.member##_val = g_new0(typeof(*ret->member.member##_val), \
                                          MAX(n, 1)); \
        for (i = 0; i < n; i++) { \
            remote##Short##ToWireCopy(&ret->member.member##_val[i], list[i]); \
            virObjectUnref(list[i]); \
        } \
        g_free(list); \
    } \
    ret->ret = n; \
    return 0; \
}

LIST_ALL(ConnectListAllDomains, virConnectListAllDomains, virDomainPtr,
         remote_connect_list_all_domains_args,
         remote_connect_list_all_domains_ret, domains, Domain,
         REMOTE_DOMAIN_LIST_MAX)
LIST_ALL(ConnectListAllNetworks, virConnectListAllNetworks, virNetworkPtr,
         remote_connect_list_all_networks_args,
         remote_connect_list_all_networks_ret, nets, Network,
         REMOTE_NETWORK_LIST_MAX)
LIST_ALL(ConnectListAllStoragePools, virConnectListAllStoragePools,
         virStoragePoolPtr, remote_connect_list_all_storage_pools_args,
         remote_connect_list_all_storage_pools_ret, pools, StoragePool,
         REMOTE_STORAGE_POOL_LIST_MAX)


/* ---- domain events ---------------------------------------------------- */

int
remoteDispatchConnectDomainEventCallbackRegisterAny(UNUSED_ARGS,
                                                    void *argsp, void *retp)
{
    remote_connect_domain_event_callback_register_any_args *args = argsp;
    remote_connect_domain_event_callback_register_any_ret *ret = retp;
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr dom = NULL;
    remoteDaemonEventReg *reg;
    int id;
    int rv = -1;

    if (!conn)
        return -1;
    if (args->eventID != VIR_DOMAIN_EVENT_ID_LIFECYCLE) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "domain event %d is not supported by this server yet",
                       args->eventID);
        goto cleanup;
    }
    if (args->dom && !(dom = remoteDomainFromWire(conn, args->dom)))
        goto cleanup;

    reg = g_new0(remoteDaemonEventReg, 1);
    reg->client = virNetServerClientRef(client);
    reg->callbackID = -1;
    reg->eventID = args->eventID;
    id = virConnectDomainEventRegisterAny(conn, dom, args->eventID,
             VIR_DOMAIN_EVENT_CALLBACK(remoteDaemonDomainLifecycle),
             reg, remoteDaemonEventRegFree);
    if (id < 0)
        goto cleanup;           /* the free callback took reg */
    g_atomic_int_set(&reg->callbackID, id);

    g_mutex_lock(&priv->lock);
    g_ptr_array_add(priv->domainEvents, reg);
    g_mutex_unlock(&priv->lock);
    ret->callbackID = id;
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchConnectDomainEventCallbackDeregisterAny(UNUSED_ARGS,
                                                      void *argsp,
                                                      void *retp G_GNUC_UNUSED)
{
    remote_connect_domain_event_callback_deregister_any_args *args = argsp;
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    virConnectPtr conn = remoteDaemonGetConn(client);
    bool found = false;
    size_t i;
    int rv;

    if (!conn)
        return -1;
    g_mutex_lock(&priv->lock);
    for (i = 0; i < priv->domainEvents->len; i++) {
        remoteDaemonEventReg *reg = priv->domainEvents->pdata[i];

        if (reg->callbackID == args->callbackID) {
            g_ptr_array_remove_index(priv->domainEvents, i);
            found = true;
            break;
        }
    }
    g_mutex_unlock(&priv->lock);
    if (!found) {
        virObjectUnref(conn);
        virReportError(VIR_ERR_RPC, "domain event %d not registered",
                       args->callbackID);
        return -1;
    }
    rv = virConnectDomainEventDeregisterAny(conn, args->callbackID);
    virObjectUnref(conn);
    return rv < 0 ? -1 : 0;
}
