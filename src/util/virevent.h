/* virevent.h: the default (poll based) event loop and the internal view of
 * the registered event implementation.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The virEventPoll* functions are the default implementation that
 * virEventRegisterDefaultImpl installs.  Library code adds handles and
 * timeouts through the public virEventAddHandle() & co, which dispatch to
 * whatever implementation the application registered.
 *
 * Guarantees of the default loop:
 *  - any thread may add, update or remove handles and timeouts at any time;
 *    the loop thread is woken up so the change takes effect at once;
 *  - callbacks run without any loop lock held, so they may add, update or
 *    remove any watch or timer, including their own;
 *  - a removed watch or timer is never called again, and its free callback
 *    runs later, from the loop thread, outside every dispatch;
 *  - a timeout of -1 is disabled, 0 fires on every iteration, N fires when
 *    N ms have passed since it was added, updated or last fired.
 */
#pragma once

#include <libvirt/libvirt.h>

/* Set up the loop's state (idempotent).  0, or -1 with an error set. */
int virEventPollInit(void);

/* One iteration: wait for the first due timeout or ready handle, then
 * dispatch everything due.  0, or -1 with an error set. */
int virEventPollRunOnce(void);

int virEventPollAddHandle(int fd, int events, virEventHandleCallback cb,
                          void *opaque, virFreeCallback ff);
void virEventPollUpdateHandle(int watch, int events);
int virEventPollRemoveHandle(int watch);
int virEventPollAddTimeout(int frequency, virEventTimeoutCallback cb,
                           void *opaque, virFreeCallback ff);
void virEventPollUpdateTimeout(int timer, int frequency);
int virEventPollRemoveTimeout(int timer);

/* Convert between virEventHandleType bits and poll(2) bits. */
int virEventPollToNativeEvents(int events);
int virEventPollFromNativeEvents(int revents);

/* Defined in src/libvirt-event.c (it owns the registered implementation):
 * -1 with VIR_ERR_CONFIG_UNSUPPORTED set if no implementation providing
 * handles and timeouts was registered, else 0. */
int virEventRequireImpl(void);
