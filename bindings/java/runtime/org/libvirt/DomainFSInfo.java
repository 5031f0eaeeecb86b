// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A file system mounted in the guest (Domain.getFSInfo). */
public class DomainFSInfo {
    public String mountpoint;
    public String name;
    public String fstype;
    /** The aliases of the disks it lives on. */
    public String[] devAlias;

    public DomainFSInfo(final String mountpoint, final String name,
                        final String fstype, final String[] devAlias) {
        this.mountpoint = mountpoint;
        this.name = name;
        this.fstype = fstype;
        this.devAlias = devAlias;
    }
}
