# SPDX-License-Identifier: LGPL-2.1-or-later
# virConnect methods written by hand: closing, lists and structs with
# libvirt-python's own shapes, and event registration.


class virConnect(object):
    def __del__(self) -> None:
        if getattr(self, "domainEventCallbacks", None) is not None:
            self.domainEventCallbacks = None
            libvirtmod.virConnectDomainEventDeregister(self._o, self)
        if self._o is not None:
            libvirtmod.virConnectClose(self._o)
        self._o = None

    def __enter__(self) -> 'virConnect':
        return self

    def __exit__(self, exc_type_, exc_value_, traceback_) -> None:
        self.close()

    def close(self):
        """Close the connection; the handle is dropped even on failure."""
        ret = libvirtmod.virConnectClose(self._o)
        self._o = None
        if ret == -1:
            raise libvirtError('virConnectClose() failed')
        return ret

    def listDomainsID(self):
        """The ids of the running domains."""
        ret = libvirtmod.virConnectListDomainsID(self._o)
        if ret is None:
            raise libvirtError('virConnectListDomains() failed')
        return ret

    def getInfo(self):
        """[model, memory in MiB, cpus, mhz, nodes, sockets, cores,
        threads]"""
        ret = libvirtmod.virNodeGetInfo(self._o)
        if ret is None:
            raise libvirtError('virNodeGetInfo() failed')
        return ret

    def getDomainCapabilities(self, emulatorbin=None, arch=None,
                              machine=None, virttype=None, flags=0):
        """The domain capabilities XML for the given emulator, architecture,
        machine and virtualization type (each may be left out)."""
        ret = libvirtmod.virConnectGetDomainCapabilities(
            self._o, emulatorbin, arch, machine, virttype, flags)
        if ret is None:
            raise libvirtError('virConnectGetDomainCapabilities() failed')
        return ret

    def virConnGetLastError(self):
        """The connection's last error as a tuple, or None."""
        return libvirtmod.virConnGetLastError(self._o)

    # ---- events ----
    # Each registration keeps cbData = {"cb", "conn", "opaque"}; the C side
    # calls _dispatchEvent with the object's class name, its handle and the
    # event's own arguments.

    def _dispatchEvent(self, kind, obj, args, cbData):
        wrapped = globals()[kind](self, _obj=obj)
        cbData["cb"](self, wrapped, *args, cbData["opaque"])
        return 0

    def _registerAny(self, store, cfunc, obj, eventID, cb, opaque):
        # cfunc: the libvirtmod function registering this kind of event
        ids = getattr(self, store, None)
        if ids is None:
            ids = {}
            setattr(self, store, ids)
        cbData = {"cb": cb, "conn": self, "opaque": opaque}
        ret = cfunc(self._o, None if obj is None else obj._o, eventID,
                    cbData)
        if ret == -1:
            raise libvirtError(cfunc.__name__ + '() failed')
        ids[ret] = opaque
        return ret

    def _deregisterAny(self, store, cfunc, callbackID):
        ret = cfunc(self._o, callbackID)
        if ret == -1:
            raise libvirtError(cfunc.__name__ + '() failed')
        ids = getattr(self, store, None)
        if ids is not None:
            ids.pop(callbackID, None)

    def domainEventRegisterAny(self, dom, eventID, cb, opaque):
        """Call cb(conn, dom, ..., opaque) for each event of eventID on dom
        (or on every domain if dom is None); returns the callback's id."""
        return self._registerAny("domainEventCallbackID",
                                 libvirtmod.virConnectDomainEventRegisterAny,
                                 dom, eventID, cb, opaque)

    def domainEventDeregisterAny(self, callbackID):
        """Stop the domain event callback with this id."""
        self._deregisterAny("domainEventCallbackID",
                            libvirtmod.virConnectDomainEventDeregisterAny, callbackID)

    def networkEventRegisterAny(self, net, eventID, cb, opaque):
        """Call cb(conn, net, ..., opaque) for each network event."""
        return self._registerAny("networkEventCallbackID",
                                 libvirtmod.virConnectNetworkEventRegisterAny,
                                 net, eventID, cb, opaque)

    def networkEventDeregisterAny(self, callbackID):
        """Stop the network event callback with this id."""
        self._deregisterAny("networkEventCallbackID",
                            libvirtmod.virConnectNetworkEventDeregisterAny,
                            callbackID)

    def storagePoolEventRegisterAny(self, pool, eventID, cb, opaque):
        """Call cb(conn, pool, ..., opaque) for each storage pool event."""
        return self._registerAny("storagePoolEventCallbackID",
                                 libvirtmod.virConnectStoragePoolEventRegisterAny,
                                 pool, eventID, cb, opaque)

    def storagePoolEventDeregisterAny(self, callbackID):
        """Stop the storage pool event callback with this id."""
        self._deregisterAny("storagePoolEventCallbackID",
                            libvirtmod.virConnectStoragePoolEventDeregisterAny,
                            callbackID)

    def nodeDeviceEventRegisterAny(self, dev, eventID, cb, opaque):
        """Call cb(conn, dev, ..., opaque) for each node device event."""
        return self._registerAny("nodeDeviceEventCallbackID",
                                 libvirtmod.virConnectNodeDeviceEventRegisterAny,
                                 dev, eventID, cb, opaque)

    def nodeDeviceEventDeregisterAny(self, callbackID):
        """Stop the node device event callback with this id."""
        self._deregisterAny("nodeDeviceEventCallbackID",
                            libvirtmod.virConnectNodeDeviceEventDeregisterAny,
                            callbackID)

    def secretEventRegisterAny(self, secret, eventID, cb, opaque):
        """Call cb(conn, secret, ..., opaque) for each secret event."""
        return self._registerAny("secretEventCallbackID",
                                 libvirtmod.virConnectSecretEventRegisterAny,
                                 secret, eventID, cb, opaque)

    def secretEventDeregisterAny(self, callbackID):
        """Stop the secret event callback with this id."""
        self._deregisterAny("secretEventCallbackID",
                            libvirtmod.virConnectSecretEventDeregisterAny,
                            callbackID)

    # The old lifecycle-only form: one C registration per connection,
    # fanned out to every Python callback here.

    def _dispatchDomainEventCallbacks(self, dom, event, detail):
        pydom = virDomain(self, _obj=dom)
        for cb, opaque in list((self.domainEventCallbacks or {}).items()):
            cb(self, pydom, event, detail, opaque)

    def domainEventRegister(self, cb, opaque):
        """Call cb(conn, dom, event, detail, opaque) for every lifecycle
        event."""
        if getattr(self, "domainEventCallbacks", None):
            self.domainEventCallbacks[cb] = opaque
            return
        self.domainEventCallbacks = {cb: opaque}
        ret = libvirtmod.virConnectDomainEventRegister(self._o, self)
        if ret == -1:
            self.domainEventCallbacks = None
            raise libvirtError('virConnectDomainEventRegister() failed')

    def domainEventDeregister(self, cb):
        """Stop calling cb for lifecycle events."""
        callbacks = getattr(self, "domainEventCallbacks", None)
        if not callbacks or cb not in callbacks:
            return
        del callbacks[cb]
        if not callbacks:
            self.domainEventCallbacks = None
            ret = libvirtmod.virConnectDomainEventDeregister(self._o, self)
            if ret == -1:
                raise libvirtError('virConnectDomainEventDeregister() '
                                   'failed')

    # ---- typed parameters and statistics ----

    def restoreParams(self, params, flags=0):
        """Restore a domain from the file params names."""
        ret = libvirtmod.virDomainRestoreParams(self._o, params, flags)
        if ret == -1:
            raise libvirtError('virDomainRestoreParams() failed')
        return ret

    def setIdentity(self, params, flags=0):
        """Set the identity the daemon gives this client."""
        ret = libvirtmod.virConnectSetIdentity(self._o, params, flags)
        if ret == -1:
            raise libvirtError('virConnectSetIdentity() failed')
        return ret

    def getCPUStats(self, cpuNum, flags=0):
        """The host's CPU time counters, of one CPU or (-1) all, as a
        dict."""
        ret = libvirtmod.virNodeGetCPUStats(self._o, cpuNum, flags)
        if ret is None:
            raise libvirtError('virNodeGetCPUStats() failed')
        return ret

    def getMemoryStats(self, cellNum, flags=0):
        """The host's memory counters, of one NUMA cell or (-1) all, as a
        dict."""
        ret = libvirtmod.virNodeGetMemoryStats(self._o, cellNum, flags)
        if ret is None:
            raise libvirtError('virNodeGetMemoryStats() failed')
        return ret

    def getAllDomainStats(self, stats: int = 0, flags: int = 0
                          ) -> List[Tuple['virDomain', Dict[str, Any]]]:
        """[(domain, {statistic: value}), ...] for the domains flags
        selects; stats picks the VIR_DOMAIN_STATS_* groups."""
        ret = libvirtmod.virConnectGetAllDomainStats(self._o, stats, flags)
        if ret is None:
            raise libvirtError("virConnectGetAllDomainStats() failed")
        return [(virDomain(self, _obj=elem[0]), elem[1]) for elem in ret]

    def domainListGetStats(self, doms: List['virDomain'], stats: int = 0,
                           flags: int = 0
                           ) -> List[Tuple['virDomain', Dict[str, Any]]]:
        """[(domain, {statistic: value}), ...] for the given domains."""
        domlist = list()
        for dom in doms:
            if not isinstance(dom, virDomain):
                raise libvirtError("domain list contains non-domain "
                                   "elements")
            domlist.append(dom._o)
        ret = libvirtmod.virDomainListGetStats(self._o, domlist, stats, flags)
        if ret is None:
            raise libvirtError("virDomainListGetStats() failed")
        return [(virDomain(self, _obj=elem[0]), elem[1]) for elem in ret]

    # ---- the host's CPU map, NUMA cells and pages ----

    def getCPUMap(self, flags=0):
        """(host CPUs, [online? per CPU], online CPUs)"""
        ret = libvirtmod.virNodeGetCPUMap(self._o, flags)
        if ret is None:
            raise libvirtError('virNodeGetCPUMap() failed')
        return ret

    def getCellsFreeMemory(self, startCell, maxCells):
        """The free memory of maxCells NUMA cells from startCell, in bytes."""
        ret = libvirtmod.virNodeGetCellsFreeMemory(
            self._o, startCell, maxCells)
        if ret is None:
            raise libvirtError('virNodeGetCellsFreeMemory() failed')
        return ret

    def getFreePages(self, pages, startCell, maxCells, flags=0):
        """{cell: {page size: free pages}} for the page sizes in the pages
        list."""
        ret = libvirtmod.virNodeGetFreePages(
            self._o, pages, startCell, maxCells, flags)
        if ret is None:
            raise libvirtError('virNodeGetFreePages() failed')
        return ret

    def allocPages(self, pages, startCell=0, cellCount=0, flags=0):
        """Allocate huge pages: pages is {page size: count}."""
        ret = libvirtmod.virNodeAllocPages(
            self._o, pages, startCell, cellCount, flags)
        if ret == -1:
            raise libvirtError('virNodeAllocPages() failed')
        return ret

    # ---- the close callback and domains with files ----

    def _dispatchCloseCallback(self, reason: int,
                               cbData: Dict[str, Any]) -> int:
        cbData["cb"](self, reason, cbData["opaque"])
        return 0

    def registerCloseCallback(self, cb: Callable, opaque: _T) -> int:
        """Call cb(conn, reason, opaque) when the connection closes
        (VIR_CONNECT_CLOSE_REASON_*)."""
        cbData = {"cb": cb, "conn": self, "opaque": opaque}
        ret = libvirtmod.virConnectRegisterCloseCallback(self._o, cbData)
        if ret == -1:
            raise libvirtError('virConnectRegisterCloseCallback() failed')
        return ret

    def unregisterCloseCallback(self) -> None:
        """Stop calling the close callback."""
        ret = libvirtmod.virConnectUnregisterCloseCallback(self._o)
        if ret == -1:
            raise libvirtError('virConnectUnregisterCloseCallback() failed')

    def createXMLWithFiles(self, xmlDesc: str, files: List[int],
                           flags: int = 0) -> 'virDomain':
        """Start a transient domain, giving it the open files (fds)."""
        ret = libvirtmod.virDomainCreateXMLWithFiles(self._o, xmlDesc, files,
                                                     flags)
        if ret is None:
            raise libvirtError('virDomainCreateXMLWithFiles() failed')
        return virDomain(self, _obj=ret)
