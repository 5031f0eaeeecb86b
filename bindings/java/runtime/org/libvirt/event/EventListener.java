// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

/** What every event listener is. */
public interface EventListener {
}
