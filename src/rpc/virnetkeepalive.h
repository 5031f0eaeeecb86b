/* virnetkeepalive.h: the keepalive program's bookkeeping, shared by the
 * client and the server.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Either side may PING (a MESSAGE of program KEEPALIVE_PROGRAM, procedure
 * 1, no body); the other answers PONG (procedure 2).  A peer that stays
 * silent for `interval` seconds is pinged; after `count` pings without
 * any traffic in between it is considered dead.  Anything received counts
 * as traffic.  The owner calls Tick from a timer every `interval` seconds.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "rpc/virnetmessage.h"

#define VIR_NET_KEEPALIVE_PING 1
#define VIR_NET_KEEPALIVE_PONG 2

typedef struct _virNetKeepAlive virNetKeepAlive;
struct _virNetKeepAlive {
    int interval;               /* seconds; <= 0: disabled */
    unsigned int count;         /* unanswered pings before giving up */
    unsigned int left;          /* pings we may still send */
    gint64 lastSeen;            /* monotonic µs of the last traffic */
};

typedef enum {
    VIR_NET_KEEPALIVE_IDLE,     /* nothing to do */
    VIR_NET_KEEPALIVE_SEND,     /* send a PING now */
    VIR_NET_KEEPALIVE_DEAD,     /* the peer is gone: close */
} virNetKeepAliveAction;

void virNetKeepAliveInit(virNetKeepAlive *ka, int interval,
                         unsigned int count, gint64 now);
/* Traffic from the peer at `now`. */
void virNetKeepAliveSeen(virNetKeepAlive *ka, gint64 now);
/* What to do at `now`. */
virNetKeepAliveAction virNetKeepAliveTick(virNetKeepAlive *ka, gint64 now);

/* A PING or PONG ready to send (NULL with an error on failure). */
virNetMessage *virNetKeepAliveMessage(int proc);

/* True if `msg` (header decoded) belongs to the keepalive program. */
bool virNetKeepAliveIsMessage(const virNetMessage *msg);
