/* remote_daemon_sasl.h: SASL authentication of the daemon's clients
 * (auth_unix_rw, auth_unix_ro, auth_tcp, auth_tls = "sasl").
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A client of a listener whose auth is "sasl" may only call AUTH_LIST and
 * the SASL procedures (INIT, START, STEP) until the exchange succeeds;
 * anything else gets libvirtd's "authentication required".  Every
 * failure, whatever SASL said (it is logged), is answered with a plain
 * VIR_ERR_AUTH_FAILED "authentication failed", and the client may start
 * over with INIT.  On a channel nobody can listen in on (unix socket,
 * TLS) no security layer is asked for; on plain TCP the mechanism must
 * give one of at least 56 bits, which then carries the connection.
 */
#pragma once

#include <stddef.h>

#include "rpc/virnetserver.h"

typedef struct _remoteDaemonSASL remoteDaemonSASL;

/* The remote_auth_type of a libvirtd.conf auth value ("none", "sasl");
 * -1 for anything else. */
int remoteDaemonAuthType(const char *name);

/* Before serving: start the SASL library and keep `allowed` (the
 * sasl_allowed_username_list globs, NULL: any identity; not copied).
 * 0, or -1 with an error. */
int remoteDaemonSASLInit(const char *const *allowed);

/* The remote program's procedure table with authentication in front:
 * what virtkitd registers instead of remoteDispatchProcs. */
const virNetServerProcFunc *remoteDaemonAuthProcs(size_t *nprocs);

/* Free a client's exchange in progress (remoteDaemonClient.sasl, a
 * remoteDaemonSASL *). */
void remoteDaemonSASLFree(void *state);

/* The procedures (REMOTE_PROC_AUTH_SASL_INIT, _START, _STEP). */
int remoteDispatchAuthSaslInit(virNetServer *srv, virNetServerClient *client,
                               virNetMessage *msg, void *args, void *ret);
int remoteDispatchAuthSaslStart(virNetServer *srv, virNetServerClient *client,
                                virNetMessage *msg, void *args, void *ret);
int remoteDispatchAuthSaslStep(virNetServer *srv, virNetServerClient *client,
                               virNetMessage *msg, void *args, void *ret);
