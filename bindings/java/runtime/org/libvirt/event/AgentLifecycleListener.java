// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told when a domain's guest agent connects or disconnects. */
public interface AgentLifecycleListener extends EventListener {
    void onAgentLifecycleChange(Domain domain, int state, int reason);
}
