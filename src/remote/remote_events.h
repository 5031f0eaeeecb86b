/* remote_events.h: the remote driver's side of events: registrations
 * kept by callbackID, event messages queued as they arrive and delivered
 * to the application from its event loop.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "remote/remote_driver.h"

/* virNetClient's message handler (opaque: the remotePriv): decode an
 * event message and queue it; never calls the application. */
void remoteEventsReceive(virNetClient *client, virNetMessage *msg,
                         void *opaque);

/* The event loop's timer (opaque: the remotePriv): deliver what is
 * queued. */
void remoteEventsTimer(int timer, void *opaque);

/* Free one queued event (for g_queue_clear_full). */
void remoteEventsQueuedFree(gpointer data);
