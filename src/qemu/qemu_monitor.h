/* qemu_monitor.h: a QMP client.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Open connects to QEMU's monitor socket, reads the greeting and
 * negotiates capabilities; from then on a reader thread owns the socket:
 * it hands each reply to the command waiting for it (matched by "id") and
 * each asynchronous event to the eventNotify callback.  When QEMU closes
 * the socket (it quit or died) eofNotify runs once.  Callbacks run on the
 * reader thread; they may call qemuMonitorClose on their own monitor.
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

#include "qemu/qemu_json.h"

typedef struct _qemuMonitor qemuMonitor;

typedef struct {
    void (*eofNotify)(qemuMonitor *mon, void *opaque);
    /* `data` may be NULL; both belong to the monitor. */
    void (*eventNotify)(qemuMonitor *mon, const char *event,
                        const qemuJSONValue *data, void *opaque);
} qemuMonitorCallbacks;

/* Connect to `path`, retrying while the socket does not exist yet, for up
 * to `timeoutMs` (giving up early when `pid` > 0 has exited).  NULL with
 * an error on failure. */
qemuMonitor *qemuMonitorOpen(const char *path, int timeoutMs, pid_t pid,
                             const qemuMonitorCallbacks *cb, void *opaque);

/* Stop the reader and close the socket; pending commands fail. */
void qemuMonitorClose(qemuMonitor *mon);

/* The QEMU version from the greeting, as major*1000000+minor*1000+micro. */
unsigned long qemuMonitorGetVersion(qemuMonitor *mon);

/* Run `cmd` with `args` (JSON object text, or NULL); wait up to the
 * monitor's timeout.  On success `reply` (if given) gets the "return"
 * value.  A QMP error gives VIR_ERR_INTERNAL_ERROR "unable to execute
 * QEMU command 'CMD': DESC". */
int qemuMonitorCommand(qemuMonitor *mon, const char *cmd, const char *args,
                       qemuJSONValue **reply);

/* How long commands wait for their reply (default 30 s). */
void qemuMonitorSetTimeout(qemuMonitor *mon, int timeoutMs);

/* The commands the driver uses. */
int qemuMonitorStartCPUs(qemuMonitor *mon);            /* cont */
int qemuMonitorStopCPUs(qemuMonitor *mon);             /* stop */
int qemuMonitorSystemPowerdown(qemuMonitor *mon);
int qemuMonitorSystemReset(qemuMonitor *mon);
int qemuMonitorQuit(qemuMonitor *mon);
/* query-status: whether the CPUs run, and QEMU's status string. */
int qemuMonitorGetStatus(qemuMonitor *mon, bool *running, char **status);
/* query-chardev: the pty path of chardev `alias` (NULL if none). */
int qemuMonitorGetPtyPath(qemuMonitor *mon, const char *alias, char **path);
