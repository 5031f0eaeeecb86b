/* virnetbusywatch.h: hear about input on sockets whose reader is busy.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A thread that reads a socket itself (instead of the event loop) and
 * then runs what it read cannot see the next frame arrive meanwhile.  It
 * arms a watch on the socket for that time; if input comes, a thread of
 * the watch calls `func` on the socket's object, which hands the socket
 * back to the event loop.  Arming and disarming cost a system call each
 * and wake no one.
 */
#pragma once

#include <glib.h>

typedef struct _virNetBusyWatch virNetBusyWatch;

typedef void (*virNetBusyWatchFunc)(void *obj);

/* `ref`/`unref` keep an armed object alive until `func` has returned.
 * NULL with an error set if the thread or the epoll set cannot be made. */
virNetBusyWatch *virNetBusyWatchNew(virNetBusyWatchFunc func,
                                    void *(*ref)(void *obj),
                                    void (*unref)(void *obj));

/* Call `func(obj)` once if input comes on `fd` before the disarm.  Returns
 * the key for virNetBusyWatchDisarm, or 0 if the watch could not be armed
 * (the caller then hands the socket back at once). */
guint64 virNetBusyWatchArm(virNetBusyWatch *w, int fd, void *obj);

/* Cancel an armed watch; `fd` is -1 if it was closed meanwhile (it must
 * not have been closed otherwise: its number could be someone else's). */
void virNetBusyWatchDisarm(virNetBusyWatch *w, int fd, guint64 key);

/* Stop the thread; nothing may be armed any more. */
void virNetBusyWatchFree(virNetBusyWatch *w);
