// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told when a domain wakes up from a power management suspension. */
public interface PMWakeupListener extends EventListener {
    void onPMWakeup(Domain domain, PMWakeupReason reason);
}
