# SPDX-License-Identifier: LGPL-2.1-or-later
# A libvirt-python program on test:///default: connection, domains,
# networks, storage, interfaces and node devices, each printed.  Run on
# Debian's python3-libvirt it makes expected/scenario_basic.out.
import libvirt

DOMAIN_XML = """<domain type='test'>
  <name>pyscenario</name>
  <uuid>5a5e8c21-1f3c-4b8a-9d0e-7c1b2a3d4e5f</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='i686'>hvm</type>
  </os>
</domain>
"""

VOLUME_XML = """<volume>
  <name>pyscenario.img</name>
  <capacity unit='bytes'>1048576</capacity>
</volume>
"""


def show(label, fn):
    """Print what fn returns, or the libvirt error it raises: one failing
    call does not hide the others."""
    try:
        value = fn()
        if isinstance(value, str) and "\n" in value:
            print(f"{label}:\n{value}")       # XML as it is
        else:
            print(f"{label}: {value!r}")
    except libvirt.libvirtError as e:
        print(f"{label}: error code={e.get_error_code()} "
              f"domain={e.get_error_domain()} {e.get_error_message()}")


def run(label, fn):
    """Call fn for its effect; print only a failure."""
    try:
        fn()
    except libvirt.libvirtError as e:
        print(f"{label}: error code={e.get_error_code()} "
              f"domain={e.get_error_domain()} {e.get_error_message()}")


libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open("test:///default")
show("uri", lambda: conn.getURI())
show("type", lambda: conn.getType())
show("alive", lambda: conn.isAlive())
show("encrypted", lambda: conn.isEncrypted())
show("secure", lambda: conn.isSecure())
show("lib version", lambda: conn.getLibVersion())
show("hv version", lambda: conn.getVersion())
show("module version", lambda: libvirt.getVersion())
show("node info", lambda: conn.getInfo())
show("max vcpus", lambda: conn.getMaxVcpus(None))
show("free memory", lambda: conn.getFreeMemory())
show("security model", conn.getSecurityModel)

# domains
show("domain ids", lambda: sorted(conn.listDomainsID()))  # libvirt lists in hash order
show("defined domains", lambda: conn.listDefinedDomains())
show("num domains", lambda: conn.numOfDomains())
show("num defined", lambda: conn.numOfDefinedDomains())
dom = conn.lookupByName("test")
show("name", lambda: dom.name())
show("id", lambda: dom.ID())
show("uuid", lambda: dom.UUIDString())
show("uuid bytes", lambda: dom.UUID())
show("os type", lambda: dom.OSType())
show("info", lambda: dom.info()[:4])
show("state", lambda: dom.state())
show("max memory", lambda: dom.maxMemory())
show("active", lambda: dom.isActive())
show("persistent", lambda: dom.isPersistent())
show("autostart", lambda: dom.autostart())
show("by id", lambda: conn.lookupByID(dom.ID()).name())
show("by uuid string", lambda: conn.lookupByUUIDString(dom.UUIDString()).name())
show("by uuid", lambda: conn.lookupByUUID(dom.UUID()).name())
show("scheduler", lambda: dom.schedulerType())
show("connect is conn", lambda: dom.connect() is conn)
show("c_pointer is an int", lambda: isinstance(dom.c_pointer(), int))
show("memory stats keys", lambda: sorted(dom.memoryStats()))
show("block stats shape", lambda: [type(x).__name__ for x in dom.blockStats("vda")])
show("block info", lambda: dom.blockInfo("vda"))
show("interface stats", lambda: dom.interfaceStats("nosuchif"))
show("time keys", lambda: sorted(dom.getTime()))
show("security label", lambda: dom.securityLabel())
show("stream", lambda: type(conn.newStream(0)).__name__)
show("xml", lambda: dom.XMLDesc(0))
show("all domains", lambda: sorted(d.name() for d in conn.listAllDomains()))
show("active domains", lambda: sorted(
    d.name() for d in conn.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)))

new = conn.defineXML(DOMAIN_XML)
show("defined", lambda: new.name())
show("defined state", lambda: new.state())
show("defined active", lambda: new.isActive())
show("defined domains", lambda: conn.listDefinedDomains())
run("create", new.create)
show("started state", lambda: new.state())
show("started info", lambda: new.info()[:4])
show("domain ids", lambda: sorted(conn.listDomainsID()))  # libvirt lists in hash order
run("suspend", new.suspend)
show("suspended state", lambda: new.state())
run("resume", new.resume)
show("resumed state", lambda: new.state())
run("destroy", new.destroy)
show("destroyed state", lambda: new.state())
run("undefine", new.undefine)
show("after undefine", lambda: conn.lookupByName("pyscenario").name())

# networks
show("networks", lambda: conn.listNetworks())
show("defined networks", lambda: conn.listDefinedNetworks())
show("all networks", lambda: [n.name() for n in conn.listAllNetworks()])
net = conn.networkLookupByName("default")
show("net uuid", lambda: net.UUIDString())
show("net bridge", lambda: net.bridgeName())
show("net active", lambda: net.isActive())
show("net persistent", lambda: net.isPersistent())
show("net autostart", lambda: net.autostart())
show("net by uuid", lambda: conn.networkLookupByUUIDString(net.UUIDString()).name())
show("net xml", lambda: net.XMLDesc(0))

# storage
show("pools", lambda: conn.listStoragePools())
show("all pools", lambda: [p.name() for p in conn.listAllStoragePools()])
pool = conn.storagePoolLookupByName("default-pool")
show("pool info", lambda: pool.info())
show("pool active", lambda: pool.isActive())
show("pool volumes", lambda: pool.listVolumes())
show("pool num volumes", lambda: pool.numOfVolumes())
vol = pool.createXML(VOLUME_XML, 0)
show("vol name", lambda: vol.name())
show("vol info", lambda: vol.info())
show("vol path", lambda: vol.path())
show("vol key", lambda: vol.key())
show("vol pool", lambda: vol.storagePoolLookupByVolume().name())
show("pool volumes", lambda: pool.listVolumes())
show("all volumes", lambda: [v.name() for v in pool.listAllVolumes()])
run("delete", lambda: vol.delete(0))
show("pool volumes", lambda: pool.listVolumes())
show("pool xml", lambda: pool.XMLDesc(0))

# interfaces and node devices
show("interfaces", lambda: conn.listInterfaces())
show("all interfaces", lambda: [i.name() for i in conn.listAllInterfaces()])
show("devices", lambda: sorted(conn.listDevices(None, 0)))
show("all devices", lambda: sorted(d.name() for d in conn.listAllDevices()))
conn.close()
show("closed", lambda: True)
