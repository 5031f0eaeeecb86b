/* remote_driver.h: the client side of the wire protocol, as a connection
 * driver: URIs with a transport (`test+unix:///default?socket=...`), a
 * host, or the `remote` scheme are opened through a virtkitd (or libvirtd).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The callbacks that map mechanically onto procedures are generated
 * (gen/remote_client.c, calling remoteCall); the others live in
 * remote_client_manual.c and use the connection state below.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "datatypes.h"
#include "gen/remote_protocol.h"
#include "rpc/virnetclient.h"

int remoteRegister(void);

/* Inside a daemon only URIs naming a remote host are taken: the daemon's
 * own local URIs must never loop back to it. */
void remoteSetInsideDaemon(bool inside);

/* A domain event callback of the application, by the server's id. */
typedef struct _remoteEventCallback remoteEventCallback;
struct _remoteEventCallback {
    int kind;                   /* remoteEventKind */
    int callbackID;             /* the application's: ours, per connection */
    int serverID;               /* the server's, shared by equal filters */
    char *key;                  /* the object filtered on (UUID or name) */
    int eventID;
    virConnectDomainEventGenericCallback cb;
    void *opaque;
    virFreeCallback freecb;
    bool removed;               /* deregistered while being dispatched */
    bool legacy;                /* virConnectDomainEventRegister's */
};

typedef struct _remotePriv remotePriv;
struct _remotePriv {
    gint refs;                  /* the connection, the event timer */
    GMutex lock;                /* everything below but `client` */
    bool closed;                /* the connection is gone */
    virNetClient *client;
    virConnectPtr conn;         /* the owner (no reference) */

    bool secureTransport;       /* unix, ssh or tls: nobody can listen in */

    /* What the server told us at open. */
    bool keepaliveSupported;
    bool eventCallbackSupported;
    bool closeCallbackSupported;
    int typedParamString;       /* 0: not asked yet, 1: yes, 2: no */

    GPtrArray *strings;         /* remoteStashString's, freed at close */

    GPtrArray *callbacks;       /* remoteEventCallback * */
    int lastCallbackID;
    int registering;            /* registrations waiting for their reply */
    GQueue events;              /* received, not dispatched yet */
    int eventTimer;             /* -1 without an event loop */
    bool dispatching;

    virConnectCloseFunc closeCb;
    void *closeOpaque;
    virFreeCallback closeFree;
};

/* One call of the remote program on `conn`'s transport; see
 * virNetClientCall.  0, or -1 with an error set. */
int remoteCall(virConnectPtr conn, int proc,
               xdrproc_t argsFilter, void *args,
               xdrproc_t retFilter, void *ret);

/* A copy of `str` that lives as long as the connection (for callbacks
 * returning const char *).  NULL if str is NULL. */
const char *remoteStashString(virConnectPtr conn, const char *str);

/* Lock and unlock conn's private state. */
remotePriv *remotePrivLock(virConnectPtr conn);
void remotePrivUnlock(remotePriv *priv);

/* Free a callback entry (runs the application's free callback). */
void remoteEventCallbackFree(remoteEventCallback *cb);
