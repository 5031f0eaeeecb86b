/* remote_daemon_stream.h: the daemon's end of streams; see
 * remote_daemon_stream.c.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "rpc/virnetserver.h"

/* virNetServer's stream handler (virNetServerSetStreamHandler). */
void remoteDaemonStreamFrame(virNetServerClient *client, virNetMessage *msg,
                             void *opaque);

/* The client went away: abort its open streams. */
void remoteDaemonStreamsClientClosed(virNetServerClient *client);
