/* virnetkeepalive.c: keepalive bookkeeping; see virnetkeepalive.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include "rpc/virnetkeepalive.h"


void
virNetKeepAliveInit(virNetKeepAlive *ka, int interval, unsigned int count,
                    gint64 now)
{
    ka->interval = interval;
    ka->count = count;
    ka->left = count;
    ka->lastSeen = now;
}


void
virNetKeepAliveSeen(virNetKeepAlive *ka, gint64 now)
{
    ka->lastSeen = now;
    ka->left = ka->count;
}


virNetKeepAliveAction
virNetKeepAliveTick(virNetKeepAlive *ka, gint64 now)
{
    if (ka->interval <= 0)
        return VIR_NET_KEEPALIVE_IDLE;
    /* A timer may fire a little early: allow for a 10th of a second. */
    if (now - ka->lastSeen < (gint64)ka->interval * G_USEC_PER_SEC -
        G_USEC_PER_SEC / 10)
        return VIR_NET_KEEPALIVE_IDLE;
    if (ka->left == 0)
        return VIR_NET_KEEPALIVE_DEAD;
    ka->left--;
    return VIR_NET_KEEPALIVE_SEND;
}


virNetMessage *
virNetKeepAliveMessage(int proc)
{
    return virNetMessageNewEmpty(KEEPALIVE_PROGRAM, KEEPALIVE_PROTOCOL_VERSION,
                                 proc, VIR_NET_MESSAGE, 0, VIR_NET_OK);
}


bool
virNetKeepAliveIsMessage(const virNetMessage *msg)
{
    return msg->header.prog == KEEPALIVE_PROGRAM;
}
