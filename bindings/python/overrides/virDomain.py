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

    # ---- typed parameters ----

    def schedulerParameters(self):
        """The scheduler's parameters as a dict."""
        ret = libvirtmod.virDomainGetSchedulerParameters(self._o)
        if ret is None:
            raise libvirtError('virDomainGetSchedulerParameters() failed')
        return ret

    def schedulerParametersFlags(self, flags=0):
        """The scheduler's parameters (live or config) as a dict."""
        ret = libvirtmod.virDomainGetSchedulerParametersFlags(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetSchedulerParametersFlags() '
                               'failed')
        return ret

    def setSchedulerParameters(self, params):
        """Change the scheduler parameters named in the dict."""
        ret = libvirtmod.virDomainSetSchedulerParameters(self._o, params)
        if ret == -1:
            raise libvirtError('virDomainSetSchedulerParameters() failed')
        return ret

    def setSchedulerParametersFlags(self, params, flags=0):
        """Change the scheduler parameters named in the dict."""
        ret = libvirtmod.virDomainSetSchedulerParametersFlags(self._o, params,
                                                              flags)
        if ret == -1:
            raise libvirtError('virDomainSetSchedulerParametersFlags() '
                               'failed')
        return ret

    def jobStats(self, flags=0):
        """The current (or last completed) job's statistics as a dict,
        with the job's type under 'type'."""
        ret = libvirtmod.virDomainGetJobStats(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetJobStats() failed')
        return ret

    def getCPUStats(self, total, flags=0):
        """CPU statistics: [{...}] for the whole domain when total is true,
        else one dict per host CPU."""
        ret = libvirtmod.virDomainGetCPUStats(self._o, total, flags)
        if ret is None:
            raise libvirtError('virDomainGetCPUStats() failed')
        return ret

    def guestVcpus(self, flags=0):
        """The guest's vCPU state as a dict.  As in libvirt-python, a
        failure gives None rather than an exception."""
        ret = libvirtmod.virDomainGetGuestVcpus(self._o, flags)
        if ret == -1:
            raise libvirtError('virDomainGetGuestVcpus() failed')
        return ret

    def guestInfo(self, types=0, flags=0):
        """What the guest agent reports, as a dict."""
        ret = libvirtmod.virDomainGetGuestInfo(self._o, types, flags)
        if ret is None:
            raise libvirtError('virDomainGetGuestInfo() failed')
        return ret

    def migrate3(self, dconn, params, flags=0):
        """Migrate to the host dconn is connected to; params is a dict of
        VIR_MIGRATE_PARAM_* names."""
        ret = libvirtmod.virDomainMigrate3(
            self._o, None if dconn is None else dconn._o, params, flags)
        if ret is None:
            raise libvirtError('virDomainMigrate3() failed')
        return virDomain(self._conn, _obj=ret)

    def migrateToURI3(self, dconnuri, params, flags=0):
        """Migrate to the host at dconnuri; params is a dict of
        VIR_MIGRATE_PARAM_* names."""
        ret = libvirtmod.virDomainMigrateToURI3(self._o, dconnuri, params,
                                                flags)
        if ret == -1:
            raise libvirtError('virDomainMigrateToURI3() failed')
        return ret

    def blockCopy(self, disk, destxml, params=None, flags=0):
        """Copy a disk's content to the destination destxml describes."""
        ret = libvirtmod.virDomainBlockCopy(self._o, disk, destxml, params,
                                            flags)
        if ret == -1:
            raise libvirtError('virDomainBlockCopy() failed')
        return ret

    def saveParams(self, params, flags=0):
        """Save the domain's state to the file params names."""
        ret = libvirtmod.virDomainSaveParams(self._o, params, flags)
        if ret == -1:
            raise libvirtError('virDomainSaveParams() failed')
        return ret

    def setIOThreadParams(self, iothread_val, params, flags=0):
        """Change an IOThread's polling and pool parameters."""
        ret = libvirtmod.virDomainSetIOThreadParams(self._o, iothread_val,
                                                    params, flags)
        if ret == -1:
            raise libvirtError('virDomainSetIOThreadParams() failed')
        return ret

    def setLaunchSecurityState(self, params, flags=0):
        """Give the guest's launch security its secret."""
        ret = libvirtmod.virDomainSetLaunchSecurityState(self._o, params,
                                                         flags)
        if ret == -1:
            raise libvirtError('virDomainSetLaunchSecurityState() failed')
        return ret

    def blockStatsFlags(self, path, flags=0):
        """The statistics of one disk as a dict."""
        ret = libvirtmod.virDomainBlockStatsFlags(self._o, path, flags)
        if ret is None:
            raise libvirtError('virDomainBlockStatsFlags() failed')
        return ret

    # ---- string lists ----

    def authorizedSSHKeysSet(self, user, keys=None, flags=0):
        """Add, remove or set the SSH keys user may log in with."""
        ret = libvirtmod.virDomainAuthorizedSSHKeysSet(self._o, user, keys,
                                                       flags)
        if ret == -1:
            raise libvirtError('virDomainAuthorizedSSHKeysSet() failed')
        return ret

    def fsFreeze(self, mountpoints=None, flags=0):
        """Freeze the guest's file systems (all when mountpoints is None);
        returns how many."""
        ret = libvirtmod.virDomainFSFreeze(self._o, mountpoints, flags)
        if ret == -1:
            raise libvirtError('virDomainFSFreeze() failed')
        return ret

    def fsThaw(self, mountpoints=None, flags=0):
        """Thaw the guest's file systems (all when mountpoints is None);
        returns how many."""
        ret = libvirtmod.virDomainFSThaw(self._o, mountpoints, flags)
        if ret == -1:
            raise libvirtError('virDomainFSThaw() failed')
        return ret

    # ---- CPU maps, integer arrays and struct lists ----

    def vcpus(self):
        """([(number, state, cpuTime, cpu), ...], [(bool per host CPU), ...])
        for each vCPU."""
        ret = libvirtmod.virDomainGetVcpus(self._o)
        if ret is None:
            raise libvirtError('virDomainGetVcpus() failed')
        return ret

    def vcpuPinInfo(self, flags=0):
        """Each vCPU's pinning: a tuple of bools, one per host CPU."""
        ret = libvirtmod.virDomainGetVcpuPinInfo(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetVcpuPinInfo() failed')
        return ret

    def emulatorPinInfo(self, flags=0):
        """The emulator threads' pinning: a bool per host CPU."""
        ret = libvirtmod.virDomainGetEmulatorPinInfo(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetEmulatorPinInfo() failed')
        return ret

    def pinVcpu(self, vcpu, cpumap):
        """Pin a vCPU to the host CPUs whose items in the cpumap tuple are
        true."""
        ret = libvirtmod.virDomainPinVcpu(self._o, vcpu, cpumap)
        if ret == -1:
            raise libvirtError('virDomainPinVcpu() failed')
        return ret

    def pinVcpuFlags(self, vcpu, cpumap, flags=0):
        """Pin a vCPU (live or config) to the host CPUs cpumap selects."""
        ret = libvirtmod.virDomainPinVcpuFlags(self._o, vcpu, cpumap, flags)
        if ret == -1:
            raise libvirtError('virDomainPinVcpuFlags() failed')
        return ret

    def pinEmulator(self, cpumap, flags=0):
        """Pin the emulator threads to the host CPUs cpumap selects."""
        ret = libvirtmod.virDomainPinEmulator(self._o, cpumap, flags)
        if ret == -1:
            raise libvirtError('virDomainPinEmulator() failed')
        return ret

    def pinIOThread(self, iothread_val, cpumap, flags=0):
        """Pin an IOThread to the host CPUs cpumap selects."""
        ret = libvirtmod.virDomainPinIOThread(
            self._o, iothread_val, cpumap, flags)
        if ret == -1:
            raise libvirtError('virDomainPinIOThread() failed')
        return ret

    def ioThreadInfo(self, flags=0):
        """[(IOThread id, [bool per host CPU]), ...]"""
        ret = libvirtmod.virDomainGetIOThreadInfo(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetIOThreadInfo() failed')
        return ret

    def sendKey(self, codeset, holdtime, keycodes, nkeycodes, flags=0):
        """Send key presses (a list of nkeycodes codes of codeset) to the
        guest."""
        ret = libvirtmod.virDomainSendKey(
            self._o, codeset, holdtime, keycodes, nkeycodes, flags)
        if ret == -1:
            raise libvirtError('virDomainSendKey() failed')
        return ret

    def blockJobInfo(self, path, flags=0):
        """The disk's block job: {type, bandwidth, cur, end}, {} if none."""
        ret = libvirtmod.virDomainGetBlockJobInfo(self._o, path, flags)
        if ret is None:
            raise libvirtError('virDomainGetBlockJobInfo() failed')
        return ret

    def diskErrors(self, flags=0):
        """{disk: VIR_DOMAIN_DISK_ERROR_*} for the disks with errors."""
        ret = libvirtmod.virDomainGetDiskErrors(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetDiskErrors() failed')
        return ret

    def fsInfo(self, flags=0):
        """The guest's mounted file systems: [(mountpoint, name, fstype,
        [disks]), ...]"""
        ret = libvirtmod.virDomainGetFSInfo(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetFSInfo() failed')
        return ret

    def interfaceAddresses(self, source, flags=0):
        """{interface: {'addrs': [{'addr', 'prefix', 'type'}, ...], 'hwaddr':
        mac}}"""
        ret = libvirtmod.virDomainInterfaceAddresses(self._o, source, flags)
        if ret is None:
            raise libvirtError('virDomainInterfaceAddresses() failed')
        return ret

    def securityLabelList(self):
        """[[label, enforcing], ...] for each security driver."""
        ret = libvirtmod.virDomainGetSecurityLabelList(self._o)
        if ret is None:
            raise libvirtError('virDomainGetSecurityLabelList() failed')
        return ret

    # ---- file descriptors ----

    def createWithFiles(self, files: List[int], flags: int = 0) -> int:
        """Start the domain, giving it the open files (fds)."""
        ret = libvirtmod.virDomainCreateWithFiles(self._o, files, flags)
        if ret == -1:
            raise libvirtError('virDomainCreateWithFiles() failed')
        return ret

    def FDAssociate(self, name: str, files: List[int],
                    flags: int = 0) -> int:
        """Associate the open files (fds) with name, for the domain's XML
        to refer to."""
        ret = libvirtmod.virDomainFDAssociate(self._o, name, files, flags)
        if ret == -1:
            raise libvirtError('virDomainFDAssociate() failed')
        return ret
