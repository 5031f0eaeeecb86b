/* remote_daemon.h: the daemon's state for one client of the remote
 * program: its connection (opened by CONNECT_OPEN) and the event
 * registrations it made.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "datatypes.h"
#include "rpc/virnetserver.h"

typedef struct _remoteDaemonClient remoteDaemonClient;
struct _remoteDaemonClient {
    GMutex lock;
    virNetServerClient *client;   /* the owner (no reference) */
    virConnectPtr conn;           /* NULL until CONNECT_OPEN */
    bool closeCallback;           /* the client registered one */
    GPtrArray *domainEvents;      /* remoteDaemonEventReg *, every kind */
    void *sasl;                   /* a SASL exchange going on ... */
    GDestroyNotify saslFree;      /* ... and how it goes (SASL code) */
};

/* One domain event registration made for the client on its connection. */
typedef struct {
    virNetServerClient *client;   /* a reference, released by the freecb */
    gint callbackID;              /* -1 until registered */
    int eventID;
    int kind;                     /* remoteEventKind */
    bool legacy;                  /* sends the legacy domain messages */
} remoteDaemonEventReg;

/* virNetServer's client hooks. */
void *remoteDaemonClientInit(virNetServerClient *client, void *opaque);
void remoteDaemonClientClosed(virNetServerClient *client);
void remoteDaemonClientFree(void *priv);

/* The client's connection with a new reference, or NULL with
 * "connection not open". */
virConnectPtr remoteDaemonGetConn(virNetServerClient *client);

/* Deregister the client's events and close its connection (CONNECT_CLOSE,
 * or the client went away). */
void remoteDaemonCloseConn(remoteDaemonClient *priv);

/* The free callback of every event registration. */
void remoteDaemonEventRegFree(void *opaque);

/* remote_dispatch_manual.c: drop this daemon's close callback from `conn`
 * (before the client it names goes away). */
void remoteDaemonCloseCallbackUnregister(virConnectPtr conn);
