/* remote_daemon.c: per-client state of the remote program and the events
 * it forwards; see remote_daemon.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_events.h"
#include "daemon/remote_daemon_stream.h"
#include "remote/remote_handles.h"
#include "util/virerror.h"
#include "util/virlog.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif


void *
remoteDaemonClientInit(virNetServerClient *client,
                       void *opaque G_GNUC_UNUSED)
{
    remoteDaemonClient *priv = g_new0(remoteDaemonClient, 1);

    g_mutex_init(&priv->lock);
    priv->client = client;
    priv->domainEvents = g_ptr_array_new();
    return priv;
}


void
remoteDaemonCloseConn(remoteDaemonClient *priv)
{
    virConnectPtr conn;
    GPtrArray *regs;
    size_t i;
    bool closeCallback;

    g_mutex_lock(&priv->lock);
    conn = g_steal_pointer(&priv->conn);
    regs = priv->domainEvents;
    priv->domainEvents = g_ptr_array_new();
    closeCallback = priv->closeCallback;
    priv->closeCallback = false;
    g_mutex_unlock(&priv->lock);

    if (conn && closeCallback)
        remoteDaemonCloseCallbackUnregister(conn);

    for (i = 0; i < regs->len; i++) {
        remoteDaemonEventReg *reg = regs->pdata[i];

        /* The free callback releases the registration. */
        if (conn && remoteDaemonEventDeregister(conn, reg) < 0)
            VIR_WARN("cannot deregister event callback %d: %s",
                     reg->callbackID, virGetLastErrorMessage());
    }
    g_ptr_array_free(regs, TRUE);
    if (conn)
        virConnectClose(conn);
    virResetLastError();
}


void
remoteDaemonClientClosed(virNetServerClient *client)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);

    remoteDaemonStreamsClientClosed(client);
    if (priv)
        remoteDaemonCloseConn(priv);
}


void
remoteDaemonClientFree(void *opaque)
{
    remoteDaemonClient *priv = opaque;

    remoteDaemonCloseConn(priv);
    g_ptr_array_free(priv->domainEvents, TRUE);
    if (priv->sasl && priv->saslFree)
        priv->saslFree(priv->sasl);
    g_mutex_clear(&priv->lock);
    g_free(priv);
}


virConnectPtr
remoteDaemonGetConn(virNetServerClient *client)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    virConnectPtr conn = NULL;

    if (priv) {
        g_mutex_lock(&priv->lock);
        conn = virObjectRef(priv->conn);
        g_mutex_unlock(&priv->lock);
    }
    if (!conn)
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection not open");
    return conn;
}


void
remoteDaemonEventRegFree(void *opaque)
{
    remoteDaemonEventReg *reg = opaque;

    virNetServerClientUnref(reg->client);
    g_free(reg);
}
