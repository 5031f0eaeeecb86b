# Generated from api/virt-api.xml by generator/targets/python.py. DO NOT EDIT.
# SPDX-License-Identifier: LGPL-2.1-or-later
# bindings/python/gen/libvirt.py: the libvirt module, source-compatible with
# libvirt-python.  Its classes and functions call the C extension libvirtmod.
import libvirtmod

# ---- generated functions ----

def open(name):
    """Open a connection to the hypervisor named by a URI."""
    ret = libvirtmod.virConnectOpen(name)
    if ret is None:
        raise libvirtError('virConnectOpen() failed')
    return virConnect(_obj=ret)


class virConnect(object):
    def __init__(self, _obj=None):
        if type(_obj).__name__ not in ["PyCapsule", "PyCObject"]:
            raise Exception("Expected a wrapped C Object but got %s" % type(_obj))
        self._o = _obj

    def c_pointer(self):
        """Get C pointer to underlying object"""
        return libvirtmod.virConnect_pointer(self._o)

    def close(self):
        ret = libvirtmod.virConnectClose(self._o)
        if ret == -1:
            raise libvirtError('virConnectClose() failed')
        return ret

    def getType(self):
        """Name the driver behind a connection."""
        ret = libvirtmod.virConnectGetType(self._o)
        if ret is None:
            raise libvirtError('virConnectGetType() failed')
        return ret

    def lookupByName(self, name):
        """Find a domain by name; free it with @virDomainFree."""
        ret = libvirtmod.virDomainLookupByName(self._o, name)
        if ret is None:
            raise libvirtError('virDomainLookupByName() failed')
        return virDomain(self, _obj=ret)

    def restore(self, frm):
        ret = libvirtmod.virDomainRestore(self._o, frm)
        if ret == -1:
            raise libvirtError('virDomainRestore() failed')
        return ret


class virDomain(object):
    def __init__(self, conn, _obj=None):
        if not isinstance(conn, virConnect):
            conn = conn._conn
        self._conn = conn
        if type(_obj).__name__ not in ["PyCapsule", "PyCObject"]:
            raise Exception("Expected a wrapped C Object but got %s" % type(_obj))
        self._o = _obj

    def __del__(self):
        if self._o is not None:
            libvirtmod.virDomainFree(self._o)
        self._o = None

    def connect(self):
        return self._conn

    def c_pointer(self):
        """Get C pointer to underlying object"""
        return libvirtmod.virDomain_pointer(self._o)

    def destroyFlags(self, flags=0):
        """Stop a domain at once."""
        ret = libvirtmod.virDomainDestroyFlags(self._o, flags)
        if ret == -1:
            raise libvirtError('virDomainDestroyFlags() failed')
        return ret

    def XMLDesc(self, flags=0):
        """Describe a domain as XML."""
        ret = libvirtmod.virDomainGetXMLDesc(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetXMLDesc() failed')
        return ret

    def state(self, flags=0):
        ret = libvirtmod.virDomainGetState(self._o, flags)
        if ret is None:
            raise libvirtError('virDomainGetState() failed')
        return ret

    def setMetadata(self, metadata, flags=0):
        ret = libvirtmod.virDomainSetMetadata(self._o, metadata, flags)
        if ret == -1:
            raise libvirtError('virDomainSetMetadata() failed')
        return ret

    def name(self):
        ret = libvirtmod.virDomainGetName(self._o)
        return ret

    def ID(self):
        ret = libvirtmod.virDomainGetID(self._o)
        return ret

    def UUID(self):
        ret = libvirtmod.virDomainGetUUID(self._o)
        if ret is None:
            raise libvirtError('virDomainGetUUID() failed')
        return ret


# ---- constants ----

# virDomainDestroyFlagsValues
VIR_DOMAIN_DESTROY_DEFAULT = 0
VIR_DOMAIN_DESTROY_GRACEFUL = 1
VIR_DOMAIN_DESTROY_CURRENT = 0

# virDomainModificationImpact
VIR_DOMAIN_AFFECT_CURRENT = 0
VIR_DOMAIN_AFFECT_LIVE = 1
VIR_DOMAIN_AFFECT_CONFIG = 2

# virDomainState
VIR_DOMAIN_NOSTATE = 0
VIR_DOMAIN_RUNNING = 1
VIR_DOMAIN_PAUSED = 3
VIR_DOMAIN_PMSUSPENDED = 7

# virDomainXMLFlags
VIR_DOMAIN_XML_SECURE = 1
VIR_DOMAIN_XML_INACTIVE = 2
VIR_DOMAIN_XML_MIGRATABLE = 8
VIR_DOMAIN_XML_HIGH_BIT = 2147483648

# virTypedParameterType
VIR_TYPED_PARAM_INT = 1
VIR_TYPED_PARAM_STRING = 7

# typed parameter names
VIR_DOMAIN_SCHEDULER_WEIGHT = "weight"
