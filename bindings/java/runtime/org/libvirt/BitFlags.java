// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A flag of an enum of flags (Connect.OpenFlags ...): its bit. */
public interface BitFlags {
    int getBit();
}
