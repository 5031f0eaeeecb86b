/* qemu_interface.h: host side of guest network interfaces (tap devices,
 * bridge ports).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "conf/domain_conf.h"

/* Open the tap device of a type='ethernet' or type='bridge' interface,
 * creating it (named after <target dev>, else vnetN) unless managed='no'
 * names an existing one; bring it up with the guest's MAC (first byte
 * 0xFE, as libvirt does) and, for a bridge, enslave it.  Sets net->ifname
 * to the device's name.  The fd (returned) keeps the device alive until
 * QEMU, which inherits it, exits.  -1 with an error. */
int qemuInterfaceOpenTap(virDomainNetDef *net);
