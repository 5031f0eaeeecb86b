/* remote_autostart.h: a user's session daemon, started on first use.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "rpc/virnetclient.h"

/* A client of the session daemon at SOCKPATH, started first when nobody
 * listens there (see remote_autostart.c); NULL with an error set. */
virNetClient *remoteConnectSessionDaemon(const char *sockpath);
