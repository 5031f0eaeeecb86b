/* virnetclient.h: the client end of an RPC connection.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One connection to a server (unix socket, TCP, TLS over TCP, or a child
 * process such as ssh).  Calls are synchronous
 * and one at a time (other threads wait their turn); while a call waits
 * for its reply, the calling thread also answers keepalive pings and hands
 * asynchronous MESSAGEs (events) to the message handler.  Between calls,
 * if the application registered an event loop, a watch on the socket does
 * the same from the loop, and the keepalive timer runs there.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "rpc/virnetmessage.h"
#include "rpc/virnetsasl.h"
#include "rpc/virnettlscontext.h"

typedef struct _virNetClient virNetClient;

/* An asynchronous MESSAGE that is not keepalive (an event).  Runs in
 * whichever thread is reading the socket, possibly with the client's lock
 * held: it must only copy what it needs and return, never call back into
 * the client.  The message belongs to the client. */
typedef void (*virNetClientMessageFunc)(virNetClient *client,
                                        virNetMessage *msg, void *opaque);
/* The connection broke (reason: a virConnectCloseReason).  Runs once,
 * without any client lock held, in the thread that noticed. */
typedef void (*virNetClientCloseFunc)(virNetClient *client, int reason,
                                      void *opaque);

/* Connect to the unix socket `path`; NULL with an error set. */
virNetClient *virNetClientNewUnix(const char *path);
/* Connect over TCP (plain; add TLS with virNetClientSetTLSSession). */
virNetClient *virNetClientNewTCP(const char *host, const char *port);
/* Talk through a child process's stdin/stdout (ssh, ext transports); it
 * is reaped when the client goes.  What it writes on stderr becomes the
 * error when the connection breaks.  Environment: see
 * virNetSocketConnectCommand. */
virNetClient *virNetClientNewCommand(const char *const *argv,
                                     const char *const *passEnv);

/* Before any call: run the TLS handshake (waiting up to 30 s), verify the
 * server's certificate (and `hostname` when not NULL), then wait for the
 * server's verdict on ours.  0, or -1 with an error set. */
int virNetClientSetTLSSession(virNetClient *client, virNetTLSContext *ctx,
                              const char *hostname);
/* After a SASL exchange: if it negotiated a security layer, every byte
 * from now on goes through `sasl` (a reference is taken).  Between calls.
 * Either way the connection counts as encrypted from then on, as
 * libvirt's does. */
void virNetClientSetSASLSession(virNetClient *client, virNetSASLSession *sasl);
/* TLS, or SASL authentication (see above). */
bool virNetClientIsEncrypted(virNetClient *client);

virNetClient *virNetClientRef(virNetClient *client);
void virNetClientUnref(virNetClient *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetClient, virNetClientUnref)

void virNetClientSetMessageHandler(virNetClient *client,
                                   virNetClientMessageFunc func,
                                   void *opaque);
void virNetClientSetCloseHandler(virNetClient *client,
                                 virNetClientCloseFunc func, void *opaque);

/* Watch the socket from the application's event loop, if one is
 * registered (else events only arrive during calls).  Always 0. */
int virNetClientRegisterEvents(virNetClient *client);

/* One call: encode `args` with `argsFilter` (NULL: no payload), send it,
 * wait for the reply and decode it into `ret` (zeroed by the caller; free
 * it with xdr_free) with `retFilter` (NULL: none).  An ERROR reply becomes
 * the thread's last error.  0, or -1 with an error set. */
int virNetClientCall(virNetClient *client, unsigned int prog,
                     unsigned int vers, int proc,
                     xdrproc_t argsFilter, void *args,
                     xdrproc_t retFilter, void *ret);

/* Start (interval > 0) or stop pinging an idle server.  Needs an event
 * loop for the timer: -1 with VIR_ERR_INTERNAL_ERROR without one. */
int virNetClientKeepAliveStart(virNetClient *client, int interval,
                               unsigned int count);

bool virNetClientIsOpen(virNetClient *client);

/* Close the socket (at the end of the current call, if one runs).  The
 * close handler is not called for a close asked for here. */
void virNetClientClose(virNetClient *client);

/* ---- streams (used by virnetclientstream.c) ---- */

typedef struct _virNetClientStream virNetClientStream;

/* virNetClientCall for a call that opens `st`: the stream takes the call's
 * serial and receives its frames from then on (until removed; on failure
 * it is removed here). */
int virNetClientCallStream(virNetClient *client, virNetClientStream *st,
                           unsigned int prog, unsigned int vers, int proc,
                           xdrproc_t argsFilter, void *args,
                           xdrproc_t retFilter, void *ret);
void virNetClientRemoveStream(virNetClient *client, virNetClientStream *st);

/* Checked with the client's lock held; must not block. */
typedef bool (*virNetClientDoneFunc)(void *opaque);

/* Queue `msg` (taken; may be NULL) and run the socket in this thread
 * until every queued frame is written and `done(opaque)` holds.  With
 * neither msg nor done: handle what the socket has now, without waiting.
 * 0, or -1 with an error set when the connection is closed or breaks. */
int virNetClientRunUntil(virNetClient *client, virNetMessage *msg,
                         virNetClientDoneFunc done, void *opaque);
