/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* C side of qemu_events.go. */
#include <stdint.h>
#include <libvirt/libvirt-qemu.h>
#include "vkgo.h"
#include "_cgo_export.h"

static void
vkgoQemuMonitorCb(virConnectPtr conn, virDomainPtr dom, const char *event,
                  long long seconds, unsigned int micros,
                  const char *details, void *opaque)
{
    vkgoQemuMonitorEvent(conn, dom, (char *)event, seconds, micros,
                         (char *)details, (long)(intptr_t)opaque);
}

static void
vkgoQemuFreeCb(void *opaque)
{
    vkgoFreeHandle((long)(intptr_t)opaque);
}

int
vkgoQemuMonitorEventRegister(virConnectPtr conn, virDomainPtr dom,
                             const char *event, long handle,
                             unsigned int flags, virErrorPtr err)
{
    int ret = virConnectDomainQemuMonitorEventRegister(
        conn, dom, event, vkgoQemuMonitorCb, (void *)(intptr_t)handle,
        vkgoQemuFreeCb, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

int
vkgoQemuMonitorEventDeregister(virConnectPtr conn, int id, virErrorPtr err)
{
    int ret = virConnectDomainQemuMonitorEventDeregister(conn, id);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}
