// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

import org.libvirt.Domain;

/** Told when a domain is defined, started, suspended, stopped ... */
public interface LifecycleListener extends EventListener {
    int onLifecycleChange(Domain domain, DomainEvent event);
}
