/* qemu_capabilities.h: what the installed QEMU offers, asked once over
 * QMP (query-machines), and the capabilities document built from it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "security/security_manager.h"

typedef struct {
    char *name;
    char *alias;                /* "pc" for pc-i440fx-7.2, or NULL */
    unsigned int maxCpus;
    bool deprecated;
    bool isDefault;
} qemuCapsMachine;

typedef struct _qemuCaps qemuCaps;
struct _qemuCaps {
    char *emulator;
    unsigned long version;      /* major * 1000000 + minor * 1000 + micro */
    GPtrArray *machines;        /* qemuCapsMachine * */
};

void qemuCapsFree(qemuCaps *caps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(qemuCaps, qemuCapsFree)

/* Run `emulator` with -machine none and ask it over QMP; `sockDir` holds
 * the monitor socket meanwhile.  NULL with an error. */
qemuCaps *qemuCapsProbe(const char *emulator, const char *sockDir);

/* The machine type a name stands for ("pc" -> "pc-i440fx-7.2"; NULL: the
 * default); NULL with VIR_ERR_CONFIG_UNSUPPORTED if QEMU has no such
 * machine. */
const char *qemuCapsCanonicalMachine(qemuCaps *caps, const char *name);

/* virConnectGetCapabilities for the host: one x86_64 hvm guest with the
 * probed machines, domain types qemu (and kvm when `kvm`), and the
 * security models of `mgr`. */
char *qemuCapsFormatCapabilities(qemuCaps *caps, virSecurityManager *mgr,
                                 bool kvm);
