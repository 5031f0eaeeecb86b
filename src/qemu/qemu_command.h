/* qemu_command.h: a domain definition turned into the QEMU command line.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The arguments follow what libvirt 9.0 passes to QEMU 7.x: -blockdev
 * node pairs and JSON -device strings, -no-user-config -nodefaults, -S
 * (the driver resumes the CPUs itself), a QMP monitor on a unix socket.
 * Everything the driver decides at start time (paths, tap fds, the VNC
 * port, the accelerator) comes in through qemuCommandParams, so the same
 * definition always gives the same arguments (golden tests).
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "conf/domain_conf.h"

typedef struct {
    const char *emulator;       /* NULL: def->emulator, else by arch */
    const char *monitorPath;    /* the QMP socket QEMU listens on */
    const char *domainDir;      /* HOME and XDG_* of the process */
    const int *tapfds;          /* per interface, -1 or absent: none */
    size_t ntapfds;
    int vncPort;                /* the port autoport picked (>= 5900) */
    bool kvm;                   /* -accel kvm (else tcg) */
} qemuCommandParams;

typedef struct {
    GPtrArray *env;             /* "NAME=value" */
    GPtrArray *args;            /* args[0] is the emulator; NULL-ended */
} qemuCommand;

void qemuCommandFree(qemuCommand *cmd);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(qemuCommand, qemuCommandFree)

/* NULL with an error (VIR_ERR_CONFIG_UNSUPPORTED ...) when the definition
 * asks for something this driver cannot run. */
qemuCommand *qemuBuildCommandLine(const virDomainDef *def,
                                  const qemuCommandParams *params);

/* The command as libvirt's tests print it: one environment variable,
 * then the emulator, then one option with its value per line, joined by
 * " \\\n"; values that need it are single-quoted. */
char *qemuCommandToString(const qemuCommand *cmd);

/* The emulator binary for a definition (def->emulator or by arch). */
const char *qemuDomainEmulator(const virDomainDef *def);
