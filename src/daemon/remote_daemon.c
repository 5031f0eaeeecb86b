/* remote_daemon.c: per-client state of the remote program and the events
 * it forwards; see remote_daemon.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "daemon/remote_daemon.h"
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

    g_mutex_lock(&priv->lock);
    conn = g_steal_pointer(&priv->conn);
    regs = priv->domainEvents;
    priv->domainEvents = g_ptr_array_new();
    priv->closeCallback = false;
    g_mutex_unlock(&priv->lock);

    for (i = 0; i < regs->len; i++) {
        remoteDaemonEventReg *reg = regs->pdata[i];

        /* The free callback releases the registration. */
        if (conn && virConnectDomainEventDeregisterAny(conn,
                                                       reg->callbackID) < 0)
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

    if (priv)
        remoteDaemonCloseConn(priv);
}


void
remoteDaemonClientFree(void *opaque)
{
    remoteDaemonClient *priv = opaque;

    remoteDaemonCloseConn(priv);
    g_ptr_array_free(priv->domainEvents, TRUE);
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


int
remoteDaemonDomainLifecycle(virConnectPtr conn G_GNUC_UNUSED,
                            virDomainPtr dom, int event, int detail,
                            void *opaque)
{
    remoteDaemonEventReg *reg = opaque;
    remote_domain_event_callback_lifecycle_msg data;
    virNetMessage *msg;
    int id = g_atomic_int_get(&reg->callbackID);

    if (id < 0)
        return 0;               /* not acknowledged to the client yet */
    memset(&data, 0, sizeof(data));
    data.callbackID = id;
    remoteDomainToWire(&data.msg.dom, dom);
    data.msg.event = event;
    data.msg.detail = detail;

    msg = virNetMessageNew();
    msg->header.prog = REMOTE_PROGRAM;
    msg->header.vers = REMOTE_PROTOCOL_VERSION;
    msg->header.proc = REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE;
    msg->header.type = VIR_NET_MESSAGE;
    msg->header.serial = 1;     /* what libvirtd puts in event messages */
    msg->header.status = VIR_NET_OK;
    if (virNetMessageEncode(msg,
            (xdrproc_t)xdr_remote_domain_event_callback_lifecycle_msg,
            &data) < 0) {
        VIR_WARN("cannot encode a lifecycle event: %s",
                 virGetLastErrorMessage());
        virNetMessageFree(msg);
        return 0;
    }
    virNetServerClientSendMessage(reg->client, msg);
    return 0;
}
