/* remote_driver.c: opening and closing remote connections, the transport,
 * keepalive, and the delivery of events; see remote_driver.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include "gen/remote_client.h"
#include "remote/remote_autostart.h"
#include "remote/remote_client_sasl.h"
#include "remote/remote_driver.h"
#include "remote/remote_events.h"
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
/* Where libvirt's clients look for the system daemons, whatever our
 * own prefix: an existing libvirtd (or a virtkitd with libvirt's paths)
 * is found there. */
#define SYSTEM_SOCKET_DIR "/var/run/libvirt"
#define DEFAULT_TCP_PORT "16509"
#define DEFAULT_TLS_PORT "16514"

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
    g_free(cb->key);
    g_free(cb);
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

/* mode=: which daemon a unix (or ssh) connection reaches. */
typedef enum {
    REMOTE_MODE_AUTO,
    REMOTE_MODE_LEGACY,         /* the monolithic daemon, libvirt-sock */
    REMOTE_MODE_DIRECT,         /* the per-driver daemon, virt<drv>d-sock */
} remoteMode;

static int
parseMode(const virURI *uri, remoteMode *mode)
{
    const char *str = virURIGetParam(uri, "mode");

    *mode = REMOTE_MODE_AUTO;
    if (!str || strcmp(str, "auto") == 0)
        return 0;
    if (strcmp(str, "legacy") == 0) {
        *mode = REMOTE_MODE_LEGACY;
        return 0;
    }
    if (strcmp(str, "direct") == 0) {
        *mode = REMOTE_MODE_DIRECT;
        return 0;
    }
    virReportError(VIR_ERR_INVALID_ARG, "Unknown remote mode '%s'", str);
    return -1;
}


/* The local socket to use when the URI names none: root always talks to
 * the system daemon; others to their session daemon, except for the
 * /system path of a real hypervisor. */
static bool
usesSystemDaemon(const virURI *uri, const char *driver)
{
    return geteuid() == 0 ||
           (uri->path && strcmp(uri->path, "/system") == 0 &&
            strcmp(driver, "test") != 0);
}


static char *
defaultSocket(const virURI *uri, const char *driver, remoteMode mode,
              bool readonly)
{
    bool system = usesSystemDaemon(uri, driver);
    g_autofree char *dir = NULL;
    g_autofree char *legacy = NULL;
    g_autofree char *direct = NULL;

    dir = system ? g_strdup(SYSTEM_SOCKET_DIR)
                 : g_build_filename(g_get_user_runtime_dir(), "libvirt", NULL);
    legacy = g_strdup_printf("%s/%s", dir, system && readonly ?
                             SOCKET_NAME_RO : SOCKET_NAME);
    direct = g_strdup_printf("%s/virt%sd-sock%s", dir,
                             strcmp(driver, "remote") == 0 ? "proxy" : driver,
                             system && readonly ? "-ro" : "");
    switch (mode) {
    case REMOTE_MODE_LEGACY:
        return g_steal_pointer(&legacy);
    case REMOTE_MODE_DIRECT:
        return g_steal_pointer(&direct);
    case REMOTE_MODE_AUTO:
    default:
        /* The per-driver daemon only when it is the one running. */
        if (!g_file_test(legacy, G_FILE_TEST_EXISTS) &&
            g_file_test(direct, G_FILE_TEST_EXISTS))
            return g_steal_pointer(&direct);
        return g_steal_pointer(&legacy);
    }
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
remoteAuthenticate(virConnectPtr conn, const virURI *uri,
                   virConnectAuthPtr auth)
{
    remotePriv *priv = conn->privateData;
    remote_auth_list_ret ret;
    bool none = false, polkit = false, sasl = false;
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
        else if (ret.types.types_val[i] == REMOTE_AUTH_SASL)
            sasl = true;
    }
    if (ret.types.types_len == 0)
        none = true;
    xdr_free((xdrproc_t)xdr_remote_auth_list_ret, (char *)&ret);
    if (none)
        return 0;
    if (sasl) {
        if (remoteAuthSASL(conn, priv->client, uri, auth,
                           priv->secureTransport) < 0)
            return -1;
        /* A layer strong enough was required where others can listen. */
        priv->secureTransport = true;
        return 0;
    }
    if (polkit)
        return remoteCall(conn, REMOTE_PROC_AUTH_POLKIT, NULL, NULL,
                          NULL, NULL);
    virReportError(VIR_ERR_AUTH_FAILED, "%s",
                   "the server offers no authentication this client knows");
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
    g_queue_clear_full(&priv->events, remoteEventsQueuedFree);
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


/* ---- transports ------------------------------------------------------- */

/* The script run on the far side of ssh to reach the daemon: nc on its
 * socket, or virt-ssh-helper (libvirt's proxy) for the URI. */
static char *
sshNetcatScript(const char *netcat, const char *sockpath)
{
    return g_strdup_printf("if '%s' -q 2>&1 | grep \"requires an argument\" "
                           ">/dev/null 2>&1; then ARG=-q0;else ARG=;fi;"
                           "'%s' $ARG -U %s", netcat, netcat, sockpath);
}


static char *
sshRemoteScript(const virURI *uri, const char *name, bool readonly)
{
    const char *proxy = virURIGetParam(uri, "proxy");
    const char *netcat = virURIGetParam(uri, "netcat");
    const char *sock = virURIGetParam(uri, "socket");
    const char *ro = readonly ? "-r " : "";
    g_autofree char *defsock = NULL;
    g_autofree char *nc = NULL;

    /* An explicit socket or netcat means netcat unless told otherwise. */
    if (!proxy)
        proxy = sock || netcat ? "netcat" : "auto";
    if (strcmp(proxy, "auto") != 0 && strcmp(proxy, "netcat") != 0 &&
        strcmp(proxy, "native") != 0) {
        virReportError(VIR_ERR_INVALID_ARG, "Unnkown proxy type '%s'", proxy);
        return NULL;
    }
    if (strcmp(proxy, "native") == 0) {
        if (netcat) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "netcat path not valid with native proxy mode");
            return NULL;
        }
        return g_strdup_printf("virt-ssh-helper %s'%s'", ro, name);
    }
    if (!sock)
        sock = defsock = g_strdup_printf("%s/%s", SYSTEM_SOCKET_DIR,
                                         readonly ? SOCKET_NAME_RO :
                                         SOCKET_NAME);
    nc = sshNetcatScript(netcat ? netcat : "nc", sock);
    if (strcmp(proxy, "netcat") == 0)
        return g_steal_pointer(&nc);
    return g_strdup_printf("which virt-ssh-helper 1>/dev/null 2>&1; "
                           "if test $? = 0; then     virt-ssh-helper %s'%s'; "
                           "else    %s; fi", ro, name, nc);
}


static bool
paramIsTrue(const virURI *uri, const char *name)
{
    const char *v = virURIGetParam(uri, name);

    return v && strcmp(v, "0") != 0 && *v;
}


/* What ssh needs from the environment to reach an agent or ask for a
 * password, as libvirt passes it. */
static const char *const sshEnv[] = {
    "TERM", "DISPLAY", "KRB5CCNAME", "SSH_ASKPASS", "SSH_AUTH_SOCK",
    "XAUTHORITY", NULL,
};


/* ssh [-p PORT] [-l USER] [-i KEYFILE] -T -e none [-o BatchMode=yes]
 *     [-o StrictHostKeyChecking=no] -- HOST "sh -c 'SCRIPT'", as libvirt 9.0's
 * clients run it. */
static virNetClient *
openSSH(const virURI *uri, const char *name, bool readonly, remoteMode mode)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
    const char *command = virURIGetParam(uri, "command");
    const char *keyfile = virURIGetParam(uri, "keyfile");
    g_autofree char *script = NULL;

    if (mode == REMOTE_MODE_DIRECT) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "Cannot use direct socket mode for ssh transport");
        return NULL;
    }
    if (!uri->server) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "remote_open: for 'ssh' transport, a host name is "
                       "required");
        return NULL;
    }
    if (!(script = sshRemoteScript(uri, name, readonly)))
        return NULL;

    g_ptr_array_add(argv, g_strdup(command && *command ? command : "ssh"));
    if (uri->port > 0) {
        g_ptr_array_add(argv, g_strdup("-p"));
        g_ptr_array_add(argv, g_strdup_printf("%u", uri->port));
    }
    if (uri->user) {
        g_ptr_array_add(argv, g_strdup("-l"));
        g_ptr_array_add(argv, g_strdup(uri->user));
    }
    if (keyfile) {
        g_ptr_array_add(argv, g_strdup("-i"));
        g_ptr_array_add(argv, g_strdup(keyfile));
    }
    g_ptr_array_add(argv, g_strdup("-T"));
    g_ptr_array_add(argv, g_strdup("-e"));
    g_ptr_array_add(argv, g_strdup("none"));
    if (paramIsTrue(uri, "no_tty")) {
        g_ptr_array_add(argv, g_strdup("-o"));
        g_ptr_array_add(argv, g_strdup("BatchMode=yes"));
    }
    if (paramIsTrue(uri, "no_verify")) {
        g_ptr_array_add(argv, g_strdup("-o"));
        g_ptr_array_add(argv, g_strdup("StrictHostKeyChecking=no"));
    }
    g_ptr_array_add(argv, g_strdup("--"));
    g_ptr_array_add(argv, g_strdup(uri->server));
    /* ssh hands the far side's shell one command line. */
    g_ptr_array_add(argv, g_strdup_printf("sh -c '%s'", script));
    g_ptr_array_add(argv, NULL);
    return virNetClientNewCommand((const char *const *)argv->pdata, sshEnv);
}


static virNetClient *
openTLS(const virURI *uri, const char *host, const char *port)
{
    g_autoptr(virNetTLSContext) ctx = NULL;
    virNetTLSPaths paths = { 0 };
    bool noVerify = paramIsTrue(uri, "no_verify");
    virNetClient *client;

    virNetTLSPathsClient(&paths, virURIGetParam(uri, "pkipath"));
    ctx = virNetTLSContextNewClient(&paths, virURIGetParam(uri,
                                                           "tls_priority"),
                                    noVerify);
    virNetTLSPathsClear(&paths);
    if (!ctx)
        return NULL;
    if (!(client = virNetClientNewTCP(host, port)))
        return NULL;
    if (virNetClientSetTLSSession(client, ctx, noVerify ? NULL : host) < 0) {
        virNetClientClose(client);
        virNetClientUnref(client);
        return NULL;
    }
    return client;
}


/* Connect the transport the URI asks for. */
static virNetClient *
remoteOpenTransport(virURI *uri, const char *driver, const char *transport,
                    const char *name, bool readonly)
{
    const char *host = uri->server ? uri->server : "localhost";
    g_autofree char *port = uri->port > 0 ?
                            g_strdup_printf("%u", uri->port) : NULL;
    remoteMode mode;

    if (parseMode(uri, &mode) < 0)
        return NULL;

    if (strcmp(transport, "unix") == 0) {
        g_autofree char *sockpath = NULL;

        if (uri->server) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "using unix socket and remote server '%s' is not "
                           "supported.", uri->server);
            return NULL;
        }
        if (virURIGetParam(uri, "socket"))
            return virNetClientNewUnix(virURIGetParam(uri, "socket"));
        sockpath = defaultSocket(uri, driver, mode, readonly);
        if (!insideDaemon && !usesSystemDaemon(uri, driver))
            return remoteConnectSessionDaemon(sockpath);
        return virNetClientNewUnix(sockpath);
    }
    if (strcmp(transport, "tcp") == 0)
        return virNetClientNewTCP(host, port ? port : DEFAULT_TCP_PORT);
    if (strcmp(transport, "tls") == 0)
        return openTLS(uri, host, port ? port : DEFAULT_TLS_PORT);
    if (strcmp(transport, "ssh") == 0)
        return openSSH(uri, name, readonly, mode);
    if (strcmp(transport, "ext") == 0) {
        const char *command = virURIGetParam(uri, "command");
        const char *argv[] = { command, NULL };

        if (!command) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "remote_open: for 'ext' transport, command is "
                           "required");
            return NULL;
        }
        return virNetClientNewCommand(argv, NULL);
    }
    /* libssh and libssh2 are libraries libvirt links; we run ssh. */
    virReportError(VIR_ERR_NO_SUPPORT,
                   "transport '%s' is not supported (use ssh)", transport);
    return NULL;
}


static virDrvOpenStatus
remoteConnectOpen(virConnectPtr conn, const char *uristr,
                  virConnectAuthPtr auth, unsigned int flags)
{
    g_autoptr(virURI) uri = NULL;
    g_autofree char *driver = NULL;
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

    /* Inside the daemon only remote hosts are ours.  In a client every
     * URI that no in-process driver claimed (those are asked first, so
     * test:/// stays local) is ours: with no host and no transport it
     * goes to the local daemon's default socket, qemu:///system included. */
    if (insideDaemon && !uri->server)
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
    if (!(priv->client = remoteOpenTransport(uri, driver, transport, name,
                                             flags & VIR_CONNECT_RO)))
        goto error;
    priv->secureTransport = strcmp(transport, "tcp") != 0 &&
                            strcmp(transport, "ext") != 0;
    conn->privateData = priv;

    virNetClientSetMessageHandler(priv->client, remoteEventsReceive, priv);
    virNetClientSetCloseHandler(priv->client, remoteClientClosed, priv);
    virNetClientRegisterEvents(priv->client);
    priv->eventTimer = virEventAddTimeout(-1, remoteEventsTimer,
                                          remotePrivRef(priv),
                                          remotePrivUnref);
    if (priv->eventTimer < 0)
        remotePrivUnref(priv);      /* no event loop: no events */

    /* libvirt's sequence: auth, keepalive probe, open, callback probes. */
    if (remoteAuthenticate(conn, uri, auth) < 0)
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


/* Secure when both the server says so and nobody can read the wire. */
static int
remoteConnectIsSecure(virConnectPtr conn)
{
    remotePriv *priv = conn->privateData;
    remote_connect_is_secure_ret ret = { 0 };

    if (remoteCall(conn, REMOTE_PROC_CONNECT_IS_SECURE, NULL, NULL,
                   (xdrproc_t)xdr_remote_connect_is_secure_ret, &ret) < 0)
        return -1;
    return ret.secure && priv->secureTransport ? 1 : 0;
}


static int
remoteConnectIsEncrypted(virConnectPtr conn)
{
    remotePriv *priv = conn->privateData;

    return virNetClientIsEncrypted(priv->client) ? 1 : 0;
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
    .uriSchemes = NULL,         /* asked about every URI left unclaimed */
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
    remoteHypervisorDriver.connectIsSecure = remoteConnectIsSecure;
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
