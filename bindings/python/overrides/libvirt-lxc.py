# SPDX-License-Identifier: LGPL-2.1-or-later
# libvirt_lxc functions written by hand.


def lxcOpenNamespace(domain, flags):
    """File descriptors of the container's namespaces (for os.setns)."""
    ret = libvirtmod_lxc.virDomainLxcOpenNamespace(domain._o, flags)
    if ret is None:
        raise libvirt.libvirtError('virDomainLxcOpenNamespace() failed')
    return ret


def lxcEnterCGroup(domain, flags):
    """Move the calling process into the container's cgroups.  Like
    libvirt-python, a failure is returned as -1, not raised."""
    return libvirtmod_lxc.virDomainLxcEnterCGroup(domain._o, flags)
