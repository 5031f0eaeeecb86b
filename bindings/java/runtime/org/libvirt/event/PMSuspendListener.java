// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told when a domain's guest suspends itself (power management). */
public interface PMSuspendListener extends EventListener {
    void onPMSuspend(Domain domain, PMSuspendReason reason);
}
