# SPDX-License-Identifier: LGPL-2.1-or-later
# virDomain methods written by hand: libvirt-python's tuples, dicts and
# argument names where the C call's shape differs.


class virDomain(object):
    def securityLabel(self):
        """[label, enforcing]: the domain's security label and whether it
        is enforced."""
        ret = libvirtmod.virDomainGetSecurityLabel(self._o)
        if ret is None:
            raise libvirtError('virDomainGetSecurityLabel() failed')
        return ret

    def blockStats(self, path):
        """(read requests, read bytes, write requests, write bytes, errors)
        of one disk."""
        ret = libvirtmod.virDomainBlockStats(self._o, path)
        if ret is None:
            raise libvirtError('virDomainBlockStats() failed')
        return ret

    def interfaceStats(self, path):
        """(rx bytes, rx packets, rx errors, rx drops, tx bytes, tx packets,
        tx errors, tx drops) of one interface."""
        ret = libvirtmod.virDomainInterfaceStats(self._o, path)
        if ret is None:
            raise libvirtError('virDomainInterfaceStats() failed')
        return ret

    def schedulerType(self):
        """(scheduler name, number of its parameters)"""
        ret = libvirtmod.virDomainGetSchedulerType(self._o)
        if ret is None:
            raise libvirtError('virDomainGetSchedulerType() failed')
        return ret

    def memoryStats(self):
        """The balloon driver's memory statistics as a dict."""
        ret = libvirtmod.virDomainMemoryStats(self._o)
        if ret is None:
            raise libvirtError('virDomainMemoryStats() failed')
        return ret

    def blockPeek(self, disk, offset, size, flags=0):
        """size bytes of a disk's content from offset."""
        ret = libvirtmod.virDomainBlockPeek(self._o, disk, offset, size,
                                            flags)
        if ret is None:
            raise libvirtError('virDomainBlockPeek() failed')
        return ret

    def memoryPeek(self, start, size, flags=0):
        """size bytes of the guest's memory from start."""
        ret = libvirtmod.virDomainMemoryPeek(self._o, start, size, flags)
        if ret is None:
            raise libvirtError('virDomainMemoryPeek() failed')
        return ret

    def revertToSnapshot(self, snap, flags=0):
        """Bring the domain back to the state saved in snap."""
        ret = libvirtmod.virDomainRevertToSnapshot(snap._o, flags)
        if ret == -1:
            raise libvirtError('virDomainRevertToSnapshot() failed')
        return ret

    def blockInfo(self, path, flags=0):
        """[capacity, allocation, physical] of one disk."""
        ret = libvirtmod.virDomainGetBlockInfo(self._o, path, flags)
        if ret is None:
            raise libvirtError('virDomainGetBlockInfo() failed')
        return ret

    def getTime(self, flags=0):
        """The guest's clock: {'seconds': ..., 'nseconds': ...}"""
        ret = libvirtmod.virDomainGetTime(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetTime() failed')
        return {"seconds": ret[0], "nseconds": ret[1]}

    def setTime(self, time=None, flags=0):
        """Set the guest's clock from {'seconds': ..., 'nseconds': ...};
        nseconds may be left out."""
        if not isinstance(time, dict):
            raise TypeError("time must be a dict")
        if "seconds" not in time:
            raise KeyError("seconds")
        ret = libvirtmod.virDomainSetTime(self._o, time["seconds"],
                                          time.get("nseconds", 0), flags)
        if ret == -1:
            raise libvirtError('virDomainSetTime() failed')
        return ret
