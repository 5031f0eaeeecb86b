/* remote_client_manual.c: the remote driver's callbacks that the IDL marks
 * as hand-written (<procedure handwritten="both|client">), each with the
 * reason given there.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "gen/remote_client.h"
#include "remote/remote_driver.h"
#include "remote/remote_handles.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* ---- starting and stopping: keep the caller's handle id right --------- */

int
remoteDomainCreate(virDomainPtr domain)
{
    remote_domain_create_args args;
    remote_domain_lookup_by_uuid_args largs;
    remote_domain_lookup_by_uuid_ret lret;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_CREATE,
                   (xdrproc_t)xdr_remote_domain_create_args, &args,
                   NULL, NULL) < 0)
        return -1;

    /* The reply has no id: ask for it. */
    memset(&largs, 0, sizeof(largs));
    memset(&lret, 0, sizeof(lret));
    memcpy(largs.uuid, domain->uuid, VIR_UUID_BUFLEN);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID,
                   (xdrproc_t)xdr_remote_domain_lookup_by_uuid_args, &largs,
                   (xdrproc_t)xdr_remote_domain_lookup_by_uuid_ret,
                   &lret) < 0)
        return -1;
    domain->id = lret.dom.id;
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_uuid_ret, (char *)&lret);
    return 0;
}


int
remoteDomainCreateWithFlags(virDomainPtr domain, unsigned int flags)
{
    remote_domain_create_with_flags_args args;
    remote_domain_create_with_flags_ret ret;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    args.flags = flags;
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_CREATE_WITH_FLAGS,
                   (xdrproc_t)xdr_remote_domain_create_with_flags_args, &args,
                   (xdrproc_t)xdr_remote_domain_create_with_flags_ret,
                   &ret) < 0)
        return -1;
    domain->id = ret.dom.id;
    xdr_free((xdrproc_t)xdr_remote_domain_create_with_flags_ret, (char *)&ret);
    return 0;
}


int
remoteDomainDestroy(virDomainPtr domain)
{
    remote_domain_destroy_args args;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_DESTROY,
                   (xdrproc_t)xdr_remote_domain_destroy_args, &args,
                   NULL, NULL) < 0)
        return -1;
    domain->id = -1;
    return 0;
}


int
remoteDomainDestroyFlags(virDomainPtr domain, unsigned int flags)
{
    remote_domain_destroy_flags_args args;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    args.flags = flags;
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_DESTROY_FLAGS,
                   (xdrproc_t)xdr_remote_domain_destroy_flags_args, &args,
                   NULL, NULL) < 0)
        return -1;
    domain->id = -1;
    return 0;
}


/* ---- security: variable char arrays into fixed buffers ---------------- */

/* Copy a received NUL-terminated char array into a buffer of `size`. */
static int
copyChars(char *dst, size_t size, const char *src, u_int len,
          const char *what)
{
    memset(dst, 0, size);
    if (len == 0)
        return 0;
    if (len > size) {
        virReportError(VIR_ERR_RPC, "security %s exceeds maximum: %zu",
                       what, size - 1);
        return -1;
    }
    memcpy(dst, src, len);
    dst[size - 1] = '\0';
    return 0;
}


int
remoteDomainGetSecurityLabel(virDomainPtr domain, virSecurityLabelPtr seclabel)
{
    remote_domain_get_security_label_args args;
    remote_domain_get_security_label_ret ret;
    int rv = -1;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL,
                   (xdrproc_t)xdr_remote_domain_get_security_label_args, &args,
                   (xdrproc_t)xdr_remote_domain_get_security_label_ret,
                   &ret) < 0)
        return -1;
    if (copyChars(seclabel->label, sizeof(seclabel->label),
                  ret.label.label_val, ret.label.label_len, "label") < 0)
        goto cleanup;
    seclabel->enforcing = ret.enforcing;
    rv = 0;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_security_label_ret, (char *)&ret);
    return rv;
}


int
remoteNodeGetSecurityModel(virConnectPtr conn, virSecurityModelPtr secmodel)
{
    remote_node_get_security_model_ret ret;
    int rv = -1;

    memset(&ret, 0, sizeof(ret));
    if (remoteCall(conn, REMOTE_PROC_NODE_GET_SECURITY_MODEL, NULL, NULL,
                   (xdrproc_t)xdr_remote_node_get_security_model_ret,
                   &ret) < 0)
        return -1;
    if (copyChars(secmodel->model, sizeof(secmodel->model),
                  ret.model.model_val, ret.model.model_len, "model") < 0 ||
        copyChars(secmodel->doi, sizeof(secmodel->doi),
                  ret.doi.doi_val, ret.doi.doi_len, "doi") < 0)
        goto cleanup;
    rv = 0;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_node_get_security_model_ret, (char *)&ret);
    return rv;
}


/* ---- listing every object of a kind ----------------------------------- */

/* The reply's handles as a NULL-terminated array of new handles. */
#define LIST_ALL(Kind, Ptr, proc, argsT, retT, member, Short) \
int \
remoteConnectListAll##Kind(virConnectPtr conn, Ptr **result, \
                           unsigned int flags) \
{ \
    argsT args; \
    retT ret; \
    Ptr *list = NULL; \
    u_int i; \
    int rv = -1; \
 \
    memset(&args, 0, sizeof(args)); \
    memset(&ret, 0, sizeof(ret)); \
    args.need_results = result != NULL; \
    args.flags = flags; \
    if (remoteCall(conn, proc, (xdrproc_t)xdr_##argsT, &args, \
                   (xdrproc_t)xdr_##retT, &ret) < 0) \
        return -1; \
    if (result) { \
        list = g_new0(Ptr, ret.member.member##_len + 1); \
        for (i = 0; i < ret.member.member##_len; i++) { \
            if (!(list[i] = remote##Short##FromWire(conn, \
                                    &ret.member.member##_val[i]))) \
                goto cleanup; \
        } \
        *result = g_steal_pointer(&list); \
    } \
    rv = ret.ret; \
 cleanup: \
    if (list) { \
        for (i = 0; list[i]; i++) \
            virObjectUnref(list[i]); \
        g_free(list); \
    } \
    xdr_free((xdrproc_t)xdr_##retT, (char *)&ret); \
    return rv; \
}

LIST_ALL(Domains, virDomainPtr, REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS,
         remote_connect_list_all_domains_args,
         remote_connect_list_all_domains_ret, domains, Domain)
LIST_ALL(Networks, virNetworkPtr, REMOTE_PROC_CONNECT_LIST_ALL_NETWORKS,
         remote_connect_list_all_networks_args,
         remote_connect_list_all_networks_ret, nets, Network)
LIST_ALL(StoragePools, virStoragePoolPtr,
         REMOTE_PROC_CONNECT_LIST_ALL_STORAGE_POOLS,
         remote_connect_list_all_storage_pools_args,
         remote_connect_list_all_storage_pools_ret, pools, StoragePool)


/* ---- domain events ---------------------------------------------------- */

int
remoteConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                    int eventID,
                                    virConnectDomainEventGenericCallback cb,
                                    void *opaque, virFreeCallback freecb)
{
    remote_connect_domain_event_callback_register_any_args args;
    remote_connect_domain_event_callback_register_any_ret ret;
    remote_nonnull_domain wdom;
    remoteEventCallback *entry;
    remotePriv *priv = conn->privateData;

    if (eventID != VIR_DOMAIN_EVENT_ID_LIFECYCLE) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "domain event %d is not supported by the remote "
                       "driver yet", eventID);
        return -1;
    }
    if (!priv->eventCallbackSupported) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "the server does not support event callbacks");
        return -1;
    }
    if (virEventRequireImpl() < 0)
        return -1;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    args.eventID = eventID;
    if (dom) {
        remoteDomainToWire(&wdom, dom);
        args.dom = &wdom;
    }
    if (remoteCall(conn, REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                   (xdrproc_t)xdr_remote_connect_domain_event_callback_register_any_args,
                   &args,
                   (xdrproc_t)xdr_remote_connect_domain_event_callback_register_any_ret,
                   &ret) < 0)
        return -1;

    entry = g_new0(remoteEventCallback, 1);
    entry->callbackID = ret.callbackID;
    entry->eventID = eventID;
    entry->cb = cb;
    entry->opaque = opaque;
    entry->freecb = freecb;
    priv = remotePrivLock(conn);
    g_ptr_array_add(priv->callbacks, entry);
    remotePrivUnlock(priv);
    return ret.callbackID;
}


int
remoteConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    remote_connect_domain_event_callback_deregister_any_args args;
    remoteEventCallback *entry = NULL;
    remotePriv *priv;
    size_t i;

    priv = remotePrivLock(conn);
    for (i = 0; i < priv->callbacks->len; i++) {
        remoteEventCallback *cb = priv->callbacks->pdata[i];

        if (cb->callbackID == callbackID && !cb->removed) {
            entry = cb;
            break;
        }
    }
    if (!entry) {
        remotePrivUnlock(priv);
        virReportError(VIR_ERR_INVALID_ARG,
                       "could not find event callback %d for deletion",
                       callbackID);
        return -1;
    }
    /* Stop delivering at once; the server is told next. */
    if (priv->dispatching) {
        entry->removed = true;
        entry = NULL;
    } else {
        g_ptr_array_remove_index(priv->callbacks, i);
    }
    remotePrivUnlock(priv);
    remoteEventCallbackFree(entry);

    memset(&args, 0, sizeof(args));
    args.callbackID = callbackID;
    return remoteCall(conn,
                      REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                      (xdrproc_t)xdr_remote_connect_domain_event_callback_deregister_any_args,
                      &args, NULL, NULL);
}


/* ---- close callbacks -------------------------------------------------- */

int
remoteConnectRegisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb,
                                   void *opaque, virFreeCallback freecb)
{
    remotePriv *priv = remotePrivLock(conn);
    bool tell;

    if (priv->closeCb) {
        remotePrivUnlock(priv);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A close callback is already registered");
        return -1;
    }
    priv->closeCb = cb;
    priv->closeOpaque = opaque;
    priv->closeFree = freecb;
    tell = priv->closeCallbackSupported;
    remotePrivUnlock(priv);

    if (tell &&
        remoteCall(conn, REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK,
                   NULL, NULL, NULL, NULL) < 0) {
        priv = remotePrivLock(conn);
        priv->closeCb = NULL;
        priv->closeOpaque = NULL;
        priv->closeFree = NULL;
        remotePrivUnlock(priv);
        return -1;
    }
    return 0;
}


int
remoteConnectUnregisterCloseCallback(virConnectPtr conn,
                                     virConnectCloseFunc cb)
{
    remotePriv *priv = remotePrivLock(conn);
    virFreeCallback freecb;
    void *opaque;
    bool tell;

    if (priv->closeCb != cb) {
        remotePrivUnlock(priv);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A different callback was requested");
        return -1;
    }
    freecb = priv->closeFree;
    opaque = priv->closeOpaque;
    priv->closeCb = NULL;
    priv->closeOpaque = NULL;
    priv->closeFree = NULL;
    tell = priv->closeCallbackSupported;
    remotePrivUnlock(priv);
    if (freecb)
        freecb(opaque);

    if (tell)
        return remoteCall(conn, REMOTE_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK,
                          NULL, NULL, NULL, NULL);
    return 0;
}
