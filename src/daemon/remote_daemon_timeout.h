/* remote_daemon_timeout.h: per-call timeouts (call_timeout in
 * virtkitd.conf; libvirtd has none).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A call that runs longer than call_timeout seconds is answered at once
 * with VIR_ERR_OPERATION_TIMEOUT, and the worker thread stuck in it is
 * replaced by a new one, so that calls which hang in a driver can neither
 * keep their client waiting for ever nor use up the worker pools.  The
 * stuck call goes on in the background (its result is unknown to the
 * client, as after a lost connection); its reply is dropped when it ends.
 * Stream calls are not timed (their replies go out with their data).
 */
#pragma once

#include "rpc/virnetserver.h"

/* A table serving the same procedures as `funcs` with the timeout above
 * (`seconds` 0: `funcs` itself, no timeout, unless the test knob below
 * is set).  Starts the watchdog thread.  The table lives until exit. */
const virNetServerProcFunc *
remoteDaemonTimeoutProcs(const virWireProgram *wire,
                         const virNetServerProcFunc *funcs, size_t nfuncs,
                         unsigned int seconds);

/* Stop the watchdog (before the server is freed). */
void remoteDaemonTimeoutShutdown(void);
