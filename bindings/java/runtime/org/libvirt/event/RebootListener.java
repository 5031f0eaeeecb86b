// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told when a domain reboots. */
public interface RebootListener extends EventListener {
    void onReboot(Domain domain);
}
