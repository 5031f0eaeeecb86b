// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** An I/O thread of a domain (Domain.getIOThreadInfo): its id and its
 * CPU map, an int per byte as libvirt-java gives CPU maps. */
public class DomainIOThreadInfo {
    public int iothreadId;
    public int[] cpumap;

    public DomainIOThreadInfo(final int iothreadId, final int[] cpumap) {
        this.iothreadId = iothreadId;
        this.cpumap = cpumap;
    }
}
