/* virnetserver.h: the RPC server: listening unix sockets and TCP ports
 * (plain or TLS), clients, the event-loop side of their I/O, and the
 * worker pools that run calls.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * All socket I/O happens in the thread running the application's event
 * loop (virEventRunDefaultImpl or another registered implementation).
 * A complete CALL frame goes to the worker pool; a procedure marked high
 * priority may also run on the priority workers.  The worker decodes the
 * arguments, runs the program's function for that procedure and queues
 * the REPLY (or an ERROR reply carrying the thread's last error).
 * Keepalive PINGs are answered from the event loop.
 *
 * A client whose frames cannot be parsed (bad length, bad header, unknown
 * message type) is dropped; the other clients are not affected.  A call
 * counts against max_client_requests from the moment it is read until its
 * reply is written, so a client that sends without reading is throttled.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "rpc/virnetmessage.h"
#include "rpc/virnetsasl.h"
#include "rpc/virnettlscontext.h"

typedef struct _virNetServer virNetServer;
typedef struct _virNetServerClient virNetServerClient;

/* Serve one procedure: `args` is decoded, `ret` zeroed (both freed with
 * xdr_free by the caller afterwards).  0: send `ret`; -1: send the thread's
 * last error. */
typedef int (*virNetServerProcFunc)(virNetServer *srv,
                                    virNetServerClient *client,
                                    virNetMessage *msg,
                                    void *args, void *ret);

/* A client connected: return its private data (may be NULL). */
typedef void *(*virNetServerClientInitFunc)(virNetServerClient *client,
                                            void *opaque);
/* A client was disconnected (calls may still be running). */
typedef void (*virNetServerClientCloseFunc)(virNetServerClient *client);
/* The client object is going away: free its private data. */
typedef void (*virNetServerClientFreeFunc)(void *priv);

typedef struct {
    size_t minWorkers;          /* default 5 */
    size_t maxWorkers;          /* default 20 */
    size_t prioWorkers;         /* default 5 */
    size_t maxClients;          /* default 5000 */
    size_t maxAnonymousClients; /* clients in a TLS handshake or not yet
                                 * authenticated (SASL), default 20 */
    size_t maxClientRequests;   /* calls in progress per client, default 5 */
    int keepaliveInterval;      /* seconds, -1: off; default 5 */
    unsigned int keepaliveCount; /* default 5 */
} virNetServerConfig;

/* libvirtd's defaults. */
void virNetServerConfigDefaults(virNetServerConfig *cfg);

virNetServer *virNetServerNew(const virNetServerConfig *cfg,
                              virNetServerClientInitFunc init,
                              virNetServerClientCloseFunc closeHook,
                              virNetServerClientFreeFunc freeHook,
                              void *opaque);

/* Serve calls of `wire` with funcs[procedure number] (NULL entries and
 * numbers past nfuncs are answered VIR_ERR_NO_SUPPORT). */
int virNetServerAddProgram(virNetServer *srv, const virWireProgram *wire,
                           const virNetServerProcFunc *funcs, size_t nfuncs);

/* Listen on the unix socket `path`; clients from it are read-only if
 * `readonly`.  Needs a registered event loop.  0, or -1 with an error. */
int virNetServerAddUnixService(virNetServer *srv, const char *path,
                               mode_t mode, gid_t grp, bool readonly);

/* Listen on TCP `port` at `addr` (NULL: all addresses); with `tls`, each
 * client first runs a TLS handshake and certificate check (a reference is
 * taken).  *boundPort (may be NULL) gets the port (useful with "0").
 * Clients are read-write.  0, or -1 with an error. */
int virNetServerAddTCPService(virNetServer *srv, const char *addr,
                              const char *port, virNetTLSContext *tls,
                              int *boundPort);

/* As the two above, for a service whose clients must pass `auth` (a
 * remote_auth_type; REMOTE_AUTH_NONE: nothing) before their calls count:
 * the program's functions check it (virNetServerClientGetAuth). */
int virNetServerAddUnixServiceAuth(virNetServer *srv, const char *path,
                                   mode_t mode, gid_t grp, bool readonly,
                                   int auth);
int virNetServerAddTCPServiceAuth(virNetServer *srv, const char *addr,
                                  const char *port, virNetTLSContext *tls,
                                  int auth, int *boundPort);

size_t virNetServerClientCount(virNetServer *srv);

/* Disconnect every client, stop listening (socket files are removed) and
 * wait for the workers.  Watches are released by the event loop later. */
void virNetServerClose(virNetServer *srv);
void virNetServerFree(virNetServer *srv);

/* ---- clients ---- */

virNetServerClient *virNetServerClientRef(virNetServerClient *client);
void virNetServerClientUnref(virNetServerClient *client);

bool virNetServerClientIsReadonly(virNetServerClient *client);
void *virNetServerClientGetPrivateData(virNetServerClient *client);
/* A number that identifies the client in logs. */
unsigned long long virNetServerClientGetID(virNetServerClient *client);
int virNetServerClientGetIdentity(virNetServerClient *client, uid_t *uid,
                                  gid_t *gid, pid_t *pid);

/* The authentication the client has still to pass (its service's until
 * it passes; then REMOTE_AUTH_NONE).  Any thread. */
int virNetServerClientGetAuth(virNetServerClient *client);
void virNetServerClientSetAuth(virNetServerClient *client, int auth);
/* Nobody can listen in: a unix socket or TLS. */
bool virNetServerClientIsSecure(virNetServerClient *client);
/* Put `sasl`'s security layer (a reference is taken) on the wire right
 * after the reply to call `serial` is written (that reply goes clear). */
void virNetServerClientSetSASLSession(virNetServerClient *client,
                                      virNetSASLSession *sasl,
                                      unsigned int serial);

/* Queue a frame (encoded, offset 0) to the client; takes `msg`.  Any
 * thread.  Dropped silently if the client is gone. */
void virNetServerClientSendMessage(virNetServerClient *client,
                                   virNetMessage *msg);

/* Ping the client when it is idle, with the server's keepalive settings. */
int virNetServerClientStartKeepAlive(virNetServerClient *client);

/* Disconnect the client (any thread). */
void virNetServerClientClose(virNetServerClient *client);
bool virNetServerClientIsClosed(virNetServerClient *client);

/* The client has registered for events: from now on the event loop reads
 * its calls (no worker parks on it), so that the events a call causes are
 * queued to it before its next call is read, in libvirtd's order. */
void virNetServerClientSetHearsEvents(virNetServerClient *client);

/* ---- streams ---- */

/* A STREAM or STREAM_HOLE frame from `client` (header decoded; taken).
 * Runs in the event loop thread without locks held; must not block.  The
 * frame counts against the client's request limit until the handler
 * calls virNetServerClientStreamFrameDone. */
typedef void (*virNetServerStreamFunc)(virNetServerClient *client,
                                       virNetMessage *msg, void *opaque);
void virNetServerSetStreamHandler(virNetServer *srv,
                                  virNetServerStreamFunc func, void *opaque);
void virNetServerClientStreamFrameDone(virNetServerClient *client);

/* Frames queued to the client and not written yet (flow control). */
size_t virNetServerClientTxQueued(virNetServerClient *client);

/* A procedure function returning 1 has queued its REPLY itself (with
 * virNetServerClientSendMessage), so that stream data it sends next
 * follows the reply on the wire. */
