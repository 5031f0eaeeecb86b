/* remote_daemon_events.h: the daemon's side of events: registrations made
 * for a client on its connection, and the messages sent to it.  The
 * relays (one C callback per event) are generated in gen/remote_dispatch.c.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "daemon/remote_daemon.h"
#include "gen/remote_protocol.h"

/* The id the client knows the registration by; -1 until the client has
 * been told it (no event goes out before that). */
int remoteDaemonEventRegID(remoteDaemonEventReg *reg);

/* Encode `data` as event message `proc` and queue it to reg's client. */
void remoteDaemonEventSend(remoteDaemonEventReg *reg, int proc,
                           xdrproc_t filter, void *data);

/* Remove registration reg from conn (by its object kind). */
int remoteDaemonEventDeregister(virConnectPtr conn,
                                remoteDaemonEventReg *reg);
