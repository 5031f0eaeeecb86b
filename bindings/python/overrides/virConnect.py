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
        ret = libvirtmod.virConnectListDomains(self._o)
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
