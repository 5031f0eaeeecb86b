# SPDX-License-Identifier: LGPL-2.1-or-later
# virNetwork methods written by hand.


class virNetwork(object):
    def DHCPLeases(self, mac=None, flags=0):
        """The network's DHCP leases (of one MAC if given), as dicts."""
        ret = libvirtmod.virNetworkGetDHCPLeases(self._o, mac, flags)
        if ret is None:
            raise libvirtError('virNetworkGetDHCPLeases() failed')
        return ret
