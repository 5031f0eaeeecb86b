    // SPDX-License-Identifier: LGPL-2.1-or-later
    // Hand-written members of org.libvirt.NodeInfo.

    /** The number of CPUs the host's topology can hold. */
    public int maxCpus() {
        return nodes * sockets * cores * threads;
    }
