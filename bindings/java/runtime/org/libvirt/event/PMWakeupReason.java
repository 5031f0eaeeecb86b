// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

/** Why (libvirt gives no reason yet: always UNKNOWN). */
public enum PMWakeupReason {
    UNKNOWN
}
