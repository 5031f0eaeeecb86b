// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told of a QEMU monitor event of a domain (Connect.addQemuMonitorListener):
 * its name, when it happened, and its details as JSON (or null). */
public interface QemuMonitorListener extends EventListener {
    void onEvent(Domain domain, String event, long seconds, int micros, String details);
}
