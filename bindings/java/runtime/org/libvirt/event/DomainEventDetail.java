// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

/** What every detail enum of a domain event is. */
public interface DomainEventDetail {
}
