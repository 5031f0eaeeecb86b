/* driver-registry.h: the drivers built into libvirt.so, registered once by
 * virInitialize() in this order (the first that accepts a URI wins).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

int testRegister(void);
/* Last: it takes the URIs that name a transport or a host. */
int remoteRegister(void);
