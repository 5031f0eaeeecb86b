/* remote_driver.c: opening and closing remote connections, the transport,
 * keepalive, and the delivery of events; see remote_driver.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include "gen/remote_client.h"
#include "remote/remote_driver.h"
#include "remote/remote_handles.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "util/virlog.h"
#include "util/viruri.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* virConnectSupportsFeature's values that matter to the transport. */
#define FEATURE_PROGRAM_KEEPALIVE 10
#define FEATURE_REMOTE_EVENT_CALLBACK 14
#define FEATURE_REMOTE_CLOSE_CALLBACK 15

#define SOCKET_NAME "libvirt-sock"
#define SOCKET_NAME_RO "libvirt-sock-ro"

/* Query parameters the client consumes: never forwarded to the server. */
static const char *const consumedParams[] = {
    "name", "command", "socket", "auth", "sshauth", "netcat", "keyfile",
    "pkipath", "known_hosts", "known_hosts_verify", "tls_priority", "mode",
    "proxy", "no_sanity", "no_verify", "no_tty", "authfile", NULL,
};

static const char *const knownTransports[] = {
    "tls", "unix", "ssh", "libssh2", "ext", "tcp", "libssh", NULL,
};

static bool insideDaemon;

/* A received event waiting for the event loop. */
typedef struct {
    int callbackID;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int id;
    int event;
    int detail;
} remoteQueuedEvent;


void
remoteSetInsideDaemon(bool inside)
{
    insideDaemon = inside;
}


remotePriv *
remotePrivLock(virConnectPtr conn)
{
    remotePriv *priv = conn->privateData;

    g_mutex_lock(&priv->lock);
    return priv;
}


void
remotePrivUnlock(remotePriv *priv)
{
    g_mutex_unlock(&priv->lock);
}


int
remoteCall(virConnectPtr conn, int proc, xdrproc_t argsFilter, void *args,
           xdrproc_t retFilter, void *ret)
{
    remotePriv *priv = conn->privateData;

    return virNetClientCall(priv->client, REMOTE_PROGRAM,
                            REMOTE_PROTOCOL_VERSION, proc,
                            argsFilter, args, retFilter, ret);
}


const char *
remoteStashString(virConnectPtr conn, const char *str)
{
    remotePriv *priv;
    const char *ret = NULL;
    size_t i;

    if (!str)
        return NULL;
    priv = remotePrivLock(conn);
    for (i = 0; i < priv->strings->len && !ret; i++) {
        if (strcmp(priv->strings->pdata[i], str) == 0)
            ret = priv->strings->pdata[i];
    }
    if (!ret) {
        char *copy = g_strdup(str);

        g_ptr_array_add(priv->strings, copy);
        ret = copy;
    }
    remotePrivUnlock(priv);
    return ret;
}


void
remoteEventCallbackFree(remoteEventCallback *cb)
{
    if (!cb)
        return;
    if (cb->freecb)
        cb->freecb(cb->opaque);
    g_free(cb);
}


static void
queuedEventFree(gpointer data)
{
    remoteQueuedEvent *ev = data;

    g_free(ev->name);
    g_free(ev);
}


/* ---- events ---------------------------------------------------------- */

/* From whichever thread reads the socket: decode and queue, never call
 * the application here. */
static void
remoteHandleMessage(virNetClient *client G_GNUC_UNUSED, virNetMessage *msg,
                    void *opaque)
{
    remotePriv *priv = opaque;
    remote_domain_event_callback_lifecycle_msg data;
    remoteQueuedEvent *ev;

    if (msg->header.prog != REMOTE_PROGRAM ||
        msg->header.proc != REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE) {
        VIR_DEBUG("ignoring event procedure %d", msg->header.proc);
        return;
    }
    memset(&data, 0, sizeof(data));
    if (virNetMessageDecodePayload(msg,
            (xdrproc_t)xdr_remote_domain_event_callback_lifecycle_msg,
            &data) < 0) {
        VIR_WARN("cannot decode a lifecycle event: %s",
                 virGetLastErrorMessage());
        virResetLastError();
        return;
    }
    ev = g_new0(remoteQueuedEvent, 1);
    ev->callbackID = data.callbackID;
    ev->name = g_strdup(data.msg.dom.name);
    memcpy(ev->uuid, data.msg.dom.uuid, VIR_UUID_BUFLEN);
    ev->id = data.msg.dom.id;
    ev->event = data.msg.event;
    ev->detail = data.msg.detail;
    xdr_free((xdrproc_t)xdr_remote_domain_event_callback_lifecycle_msg,
             (char *)&data);

    g_mutex_lock(&priv->lock);
    g_queue_push_tail(&priv->events, ev);
    if (priv->eventTimer >= 0)
        virEventUpdateTimeout(priv->eventTimer, 0);
    g_mutex_unlock(&priv->lock);
}


static remoteEventCallback *
findCallback(remotePriv *priv, int callbackID)
{
    size_t i;

    for (i = 0; i < priv->callbacks->len; i++) {
        remoteEventCallback *cb = priv->callbacks->pdata[i];

        if (cb->callbackID == callbackID && !cb->removed)
            return cb;
    }
    return NULL;
}


/* The event loop delivers queued events to the application. */
static void
remoteEventTimer(int timer, void *opaque)
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
    priv->dispatching = true;
    while ((ev = g_queue_pop_head(&priv->events))) {
        remoteEventCallback *cb = findCallback(priv, ev->callbackID);
        virConnectDomainEventCallback func;
        void *cbopaque;
        virDomainPtr dom;

        if (!cb) {
            queuedEventFree(ev);
            continue;
        }
        func = (virConnectDomainEventCallback)cb->cb;
        cbopaque = cb->opaque;
        g_mutex_unlock(&priv->lock);

        if ((dom = virGetDomain(priv->conn, ev->name, ev->uuid, ev->id))) {
            func(priv->conn, dom, ev->event, ev->detail, cbopaque);
            virObjectUnref(dom);
        }
        queuedEventFree(ev);
        g_mutex_lock(&priv->lock);
        if (priv->closed)
            break;              /* closed from the callback */
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


/* The transport broke: tell the application's close callback. */
static void
remoteClientClosed(virNetClient *client G_GNUC_UNUSED, int reason,
                   void *opaque)
{
    remotePriv *priv = opaque;
    virConnectCloseFunc cb;
    void *cbopaque;

    g_mutex_lock(&priv->lock);
    cb = priv->closeCb;
    cbopaque = priv->closeOpaque;
    g_mutex_unlock(&priv->lock);
    VIR_DEBUG("connection closed, reason %d", reason);
    if (cb)
        cb(priv->conn, reason, cbopaque);
}


/* ---- opening --------------------------------------------------------- */

/* The socket to use when the URI names none. */
static char *
defaultSocket(const virURI *uri, bool readonly)
{
    const char *name = readonly ? SOCKET_NAME_RO : SOCKET_NAME;
    bool session = (uri->path && strcmp(uri->path, "/session") == 0) ||
                   g_str_has_prefix(uri->scheme, "test+");

    if (geteuid() == 0 && !session)
        return g_build_filename(RUNSTATEDIR, "libvirt", name, NULL);
    return g_build_filename(g_get_user_runtime_dir(), "libvirt",
                            SOCKET_NAME, NULL);
}


/* The name the server opens: the URI without the transport, the host and
 * the parameters meant for us. */
static char *
forwardedName(virURI *uri, const char *driver)
{
    g_autoptr(virURI) copy = NULL;
    g_autofree char *str = NULL;
    const char *name = virURIGetParam(uri, "name");

    if (name)
        return g_strdup(name);
    if (strcmp(driver, "remote") == 0)
        return g_strdup("");

    str = virURIFormat(uri);
    if (!(copy = virURIParse(str)))
        return NULL;
    g_free(copy->scheme);
    copy->scheme = g_strdup(driver);
    g_clear_pointer(&copy->server, g_free);
    g_clear_pointer(&copy->user, g_free);
    copy->port = 0;
    virURIParamsSetIgnore(copy, true, consumedParams);
    g_free(copy->query);
    copy->query = virURIFormatParams(copy);
    return virURIFormat(copy);
}


static int
remoteAuthenticate(virConnectPtr conn)
{
    remote_auth_list_ret ret;
    bool none = false, polkit = false;
    u_int i;

    memset(&ret, 0, sizeof(ret));
    if (remoteCall(conn, REMOTE_PROC_AUTH_LIST, NULL, NULL,
                   (xdrproc_t)xdr_remote_auth_list_ret, &ret) < 0) {
        /* A server too old for the procedure needs no authentication. */
        if (virGetLastErrorCode() == VIR_ERR_NO_SUPPORT) {
            virResetLastError();
            return 0;
        }
        return -1;
    }
    for (i = 0; i < ret.types.types_len; i++) {
        if (ret.types.types_val[i] == REMOTE_AUTH_NONE)
            none = true;
        else if (ret.types.types_val[i] == REMOTE_AUTH_POLKIT)
            polkit = true;
    }
    if (ret.types.types_len == 0)
        none = true;
    xdr_free((xdrproc_t)xdr_remote_auth_list_ret, (char *)&ret);
    if (none)
        return 0;
    if (polkit)
        return remoteCall(conn, REMOTE_PROC_AUTH_POLKIT, NULL, NULL,
                          NULL, NULL);
    virReportError(VIR_ERR_AUTH_FAILED, "%s",
                   "the server requires SASL authentication, which this "
                   "client does not support yet");
    return -1;
}


static int
remoteSupportsFeature(virConnectPtr conn, int feature, bool *supported)
{
    remote_connect_supports_feature_args args = { feature };
    remote_connect_supports_feature_ret ret = { 0 };

    if (remoteCall(conn, REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
                   (xdrproc_t)xdr_remote_connect_supports_feature_args, &args,
                   (xdrproc_t)xdr_remote_connect_supports_feature_ret,
                   &ret) < 0)
        return -1;
    *supported = ret.supported != 0;
    return 0;
}


static remotePriv *
remotePrivRef(remotePriv *priv)
{
    g_atomic_int_inc(&priv->refs);
    return priv;
}


static void
remotePrivUnref(void *opaque)
{
    remotePriv *priv = opaque;

    if (!priv || !g_atomic_int_dec_and_test(&priv->refs))
        return;
    g_queue_clear_full(&priv->events, queuedEventFree);
    g_ptr_array_free(priv->callbacks, TRUE);
    g_ptr_array_free(priv->strings, TRUE);
    g_mutex_clear(&priv->lock);
    g_free(priv);
}


/* The connection goes: stop the transport and the timer, and give the
 * application back its callbacks' data; the memory goes with the last
 * reference (the event loop may still hold the timer's). */
static void
remotePrivClose(remotePriv *priv)
{
    g_autoptr(GPtrArray) callbacks = NULL;
    virFreeCallback closeFree;
    void *closeOpaque;

    if (priv->client) {
        virNetClientSetMessageHandler(priv->client, NULL, NULL);
        virNetClientSetCloseHandler(priv->client, NULL, NULL);
        virNetClientClose(priv->client);
        virNetClientUnref(priv->client);
        priv->client = NULL;
    }
    g_mutex_lock(&priv->lock);
    priv->closed = true;
    if (priv->eventTimer >= 0) {
        virEventRemoveTimeout(priv->eventTimer);
        priv->eventTimer = -1;
    }
    callbacks = g_steal_pointer(&priv->callbacks);
    priv->callbacks = g_ptr_array_new();
    g_ptr_array_set_free_func(callbacks,
                              (GDestroyNotify)remoteEventCallbackFree);
    closeFree = priv->closeFree;
    closeOpaque = priv->closeOpaque;
    priv->closeCb = NULL;
    priv->closeFree = NULL;
    g_mutex_unlock(&priv->lock);
    if (closeFree)
        closeFree(closeOpaque);
    /* callbacks' free functions run when the array goes */
}


static virDrvOpenStatus
remoteConnectOpen(virConnectPtr conn, const char *uristr,
                  virConnectAuthPtr auth G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virURI) uri = NULL;
    g_autofree char *driver = NULL;
    g_autofree char *sockpath = NULL;
    g_autofree char *name = NULL;
    const char *transport = NULL;
    const char *plus;
    remotePriv *priv;
    remote_connect_open_args args;
    size_t i;

    if (!uristr || !(uri = virURIParse(uristr)) || !uri->scheme)
        return VIR_DRV_OPEN_DECLINED;

    plus = strchr(uri->scheme, '+');
    driver = plus ? g_strndup(uri->scheme, plus - uri->scheme)
                  : g_strdup(uri->scheme);
    if (plus)
        transport = plus + 1;

    /* Explicit transports, remote hosts and remote:// are ours; inside
     * the daemon only remote hosts are. */
    if (insideDaemon && !uri->server)
        return VIR_DRV_OPEN_DECLINED;
    if (!transport && !uri->server && strcmp(driver, "remote") != 0)
        return VIR_DRV_OPEN_DECLINED;

    virCheckFlags(VIR_CONNECT_RO | VIR_CONNECT_NO_ALIASES,
                  VIR_DRV_OPEN_ERROR);

    if (transport) {
        for (i = 0; knownTransports[i]; i++) {
            if (strcmp(transport, knownTransports[i]) == 0)
                break;
        }
        if (!knownTransports[i]) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "transport in URL not recognised (should be "
                           "tls|unix|ssh|ext|tcp|libssh2|libssh)");
            return VIR_DRV_OPEN_ERROR;
        }
    } else {
        transport = uri->server ? "tls" : "unix";
    }
    if (strcmp(transport, "unix") != 0) {
        virReportError(VIR_ERR_NO_SUPPORT,
                       "transport '%s' is not supported yet", transport);
        return VIR_DRV_OPEN_ERROR;
    }
    if (uri->server) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "using unix socket and remote server '%s' is not "
                       "supported.", uri->server);
        return VIR_DRV_OPEN_ERROR;
    }

    if (virURIGetParam(uri, "socket"))
        sockpath = g_strdup(virURIGetParam(uri, "socket"));
    else
        sockpath = defaultSocket(uri, flags & VIR_CONNECT_RO);
    if (!(name = forwardedName(uri, driver)))
        return VIR_DRV_OPEN_ERROR;

    priv = g_new0(remotePriv, 1);
    priv->refs = 1;
    g_mutex_init(&priv->lock);
    priv->conn = conn;
    priv->strings = g_ptr_array_new_with_free_func(g_free);
    priv->callbacks = g_ptr_array_new();
    g_queue_init(&priv->events);
    priv->eventTimer = -1;
    if (!(priv->client = virNetClientNewUnix(sockpath)))
        goto error;
    conn->privateData = priv;

    virNetClientSetMessageHandler(priv->client, remoteHandleMessage, priv);
    virNetClientSetCloseHandler(priv->client, remoteClientClosed, priv);
    virNetClientRegisterEvents(priv->client);
    priv->eventTimer = virEventAddTimeout(-1, remoteEventTimer,
                                          remotePrivRef(priv),
                                          remotePrivUnref);
    if (priv->eventTimer < 0)
        remotePrivUnref(priv);      /* no event loop: no events */

    /* libvirt's sequence: auth, keepalive probe, open, callback probes. */
    if (remoteAuthenticate(conn) < 0)
        goto error;
    /* Asking makes the server ping us when idle: only an application
     * running an event loop answers between calls. */
    if (priv->eventTimer >= 0 &&
        remoteSupportsFeature(conn, FEATURE_PROGRAM_KEEPALIVE,
                              &priv->keepaliveSupported) < 0)
        goto error;
    memset(&args, 0, sizeof(args));
    args.name = &name;
    args.flags = flags & VIR_CONNECT_RO;
    if (remoteCall(conn, REMOTE_PROC_CONNECT_OPEN,
                   (xdrproc_t)xdr_remote_connect_open_args, &args,
                   NULL, NULL) < 0)
        goto error;
    if (remoteSupportsFeature(conn, FEATURE_REMOTE_EVENT_CALLBACK,
                              &priv->eventCallbackSupported) < 0 ||
        remoteSupportsFeature(conn, FEATURE_REMOTE_CLOSE_CALLBACK,
                              &priv->closeCallbackSupported) < 0)
        goto error;
    return VIR_DRV_OPEN_SUCCESS;

 error:
    conn->privateData = NULL;
    remotePrivClose(priv);
    remotePrivUnref(priv);
    return VIR_DRV_OPEN_ERROR;
}


static int
remoteConnectClose(virConnectPtr conn)
{
    remotePriv *priv = conn->privateData;
    virErrorPtr saved;

    if (!priv)
        return 0;
    /* The caller's error must survive the goodbye. */
    saved = virErrorSave();
    if (virNetClientIsOpen(priv->client))
        remoteCall(conn, REMOTE_PROC_CONNECT_CLOSE, NULL, NULL, NULL, NULL);
    virErrorRestore(&saved);
    conn->privateData = NULL;
    remotePrivClose(priv);
    remotePrivUnref(priv);
    return 0;
}


static int
remoteConnectIsAlive(virConnectPtr conn)
{
    remotePriv *priv = conn->privateData;

    return virNetClientIsOpen(priv->client) ? 1 : 0;
}


static int
remoteConnectSetKeepAlive(virConnectPtr conn, int interval,
                          unsigned int count)
{
    remotePriv *priv = conn->privateData;

    if (!priv->keepaliveSupported) {
        /* As libvirt: 1 says the server cannot do it. */
        return 1;
    }
    if (interval > 0 && virEventRequireImpl() < 0)
        return -1;
    return virNetClientKeepAliveStart(priv->client, interval, count);
}


static int
remoteConnectIsEncrypted(virConnectPtr conn G_GNUC_UNUSED)
{
    return 0;                   /* unix sockets only, so far */
}


/* The ...LookupByUUIDString functions have no procedure: parse here, then
 * look up by UUID. */
#define LOOKUP_BY_UUID_STRING(Func, Ptr, Owner, table, field, from) \
static Ptr \
remote##Func(Owner owner, const char *uuidstr) \
{ \
    unsigned char uuid[VIR_UUID_BUFLEN]; \
 \
    if (virUUIDParse(uuidstr, uuid) < 0) { \
        virRaiseErrorFull(__FILE__, __func__, __LINE__, from, \
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "vir" #Func, \
                          "uuidstr", NULL, 0, 0, "%s", "Invalid UUID"); \
        return NULL; \
    } \
    if (!table.field) { \
        virReportError(VIR_ERR_NO_SUPPORT, "%s", "vir" #Func); \
        return NULL; \
    } \
    return table.field(owner, uuid); \
}

LOOKUP_BY_UUID_STRING(DomainLookupByUUIDString, virDomainPtr, virConnectPtr,
                      remoteHypervisorDriver, domainLookupByUUID,
                      VIR_FROM_DOMAIN)
LOOKUP_BY_UUID_STRING(NetworkLookupByUUIDString, virNetworkPtr,
                      virConnectPtr, remoteNetworkDriver, networkLookupByUUID,
                      VIR_FROM_NETWORK)
LOOKUP_BY_UUID_STRING(NetworkPortLookupByUUIDString, virNetworkPortPtr,
                      virNetworkPtr, remoteNetworkDriver,
                      networkPortLookupByUUID, VIR_FROM_NETWORK)
LOOKUP_BY_UUID_STRING(StoragePoolLookupByUUIDString, virStoragePoolPtr,
                      virConnectPtr, remoteStorageDriver,
                      storagePoolLookupByUUID, VIR_FROM_STORAGE)
LOOKUP_BY_UUID_STRING(SecretLookupByUUIDString, virSecretPtr, virConnectPtr,
                      remoteSecretDriver, secretLookupByUUID, VIR_FROM_SECRET)
LOOKUP_BY_UUID_STRING(NWFilterLookupByUUIDString, virNWFilterPtr,
                      virConnectPtr, remoteNWFilterDriver,
                      nWFilterLookupByUUID, VIR_FROM_NWFILTER)


static virConnectDriver remoteConnectDriver = {
    .name = "remote",
    .uriSchemes = NULL,         /* asked about every URI, declines most */
    .localOnly = false,
    .hypervisorDriver = &remoteHypervisorDriver,
    .networkDriver = &remoteNetworkDriver,
    .storageDriver = &remoteStorageDriver,
    .interfaceDriver = &remoteInterfaceDriver,
    .nodeDeviceDriver = &remoteNodeDeviceDriver,
    .secretDriver = &remoteSecretDriver,
    .nwfilterDriver = &remoteNWFilterDriver,
};


int
remoteRegister(void)
{
    remoteHypervisorDriver.connectOpen = remoteConnectOpen;
    remoteHypervisorDriver.connectClose = remoteConnectClose;
    remoteHypervisorDriver.connectIsAlive = remoteConnectIsAlive;
    remoteHypervisorDriver.connectSetKeepAlive = remoteConnectSetKeepAlive;
    remoteHypervisorDriver.connectIsEncrypted = remoteConnectIsEncrypted;
    remoteHypervisorDriver.domainLookupByUUIDString =
        remoteDomainLookupByUUIDString;
    remoteNetworkDriver.networkLookupByUUIDString =
        remoteNetworkLookupByUUIDString;
    remoteNetworkDriver.networkPortLookupByUUIDString =
        remoteNetworkPortLookupByUUIDString;
    remoteStorageDriver.storagePoolLookupByUUIDString =
        remoteStoragePoolLookupByUUIDString;
    remoteSecretDriver.secretLookupByUUIDString =
        remoteSecretLookupByUUIDString;
    remoteNWFilterDriver.nWFilterLookupByUUIDString =
        remoteNWFilterLookupByUUIDString;
    return virRegisterConnectDriver(&remoteConnectDriver);
}
