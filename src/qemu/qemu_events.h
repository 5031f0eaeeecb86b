/* qemu_events.h: domain lifecycle events of the QEMU driver.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Events are queued from any thread and delivered from the application's
 * event loop (a timer armed while the queue is not empty), to every
 * callback registered on any connection of the driver.  Lifecycle and
 * reboot events are produced; callbacks for other event ids register but
 * never fire.
 */
#pragma once

#include <libvirt/libvirt.h>

typedef struct _qemuEventState qemuEventState;

qemuEventState *qemuEventStateNew(void);
void qemuEventStateFree(qemuEventState *state);

void qemuEventQueueLifecycle(qemuEventState *state, const char *name,
                             const unsigned char *uuid, int id,
                             int event, int detail);
/* VIR_DOMAIN_EVENT_ID_REBOOT: the guest was reset. */
void qemuEventQueueReboot(qemuEventState *state, const char *name,
                          const unsigned char *uuid, int id);

int qemuEventRegisterAny(qemuEventState *state, virConnectPtr conn,
                         virDomainPtr dom, int eventID,
                         virConnectDomainEventGenericCallback cb,
                         void *opaque, virFreeCallback freecb);
int qemuEventDeregisterAny(qemuEventState *state, virConnectPtr conn,
                           int callbackID);
/* virConnectDomainEventRegister: one lifecycle callback per function. */
int qemuEventRegister(qemuEventState *state, virConnectPtr conn,
                      virConnectDomainEventCallback cb, void *opaque,
                      virFreeCallback freecb);
int qemuEventDeregister(qemuEventState *state, virConnectPtr conn,
                        virConnectDomainEventCallback cb);
/* Drop every callback of a closing connection. */
void qemuEventDropConnection(qemuEventState *state, virConnectPtr conn);
