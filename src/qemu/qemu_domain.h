/* qemu_domain.h: what the QEMU driver adds to domain XML parsing.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "conf/domain_conf.h"

/* Parsing options for qemu:/// definitions: the default architecture
 * (x86_64), machine ("pc") and emulator, and the checks that need the
 * QEMU driver's view (type='qemu' or 'kvm' only). */
const virDomainXMLOption *qemuDomainXMLOption(void);
