# Runs Debian's prebuilt python3-libvirt (linked against libvirt.so.0) the way
# its users do, and prints what it sees.  tests/debian-python.sh runs this
# once on the system's libvirt and once on ours and compares the output.
import os
import sys

import libvirt


def which_library():
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "libvirt.so.0" in line:
                return line.split()[-1]
    return "?"


def show(label, fn):
    try:
        print(label, fn())
    except libvirt.libvirtError as e:
        print(label, "libvirtError", e.get_error_code(), e.get_error_domain(),
              e.get_error_message())


libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open("test:///default")
print("library", which_library(), file=sys.stderr)
show("type", conn.getType)
show("version", conn.getVersion)
show("uri", conn.getURI)
show("nodeinfo", conn.getInfo)
show("maxvcpus", lambda: conn.getMaxVcpus(None))
dom = conn.lookupByName("test")
show("name", dom.name)
show("id", dom.ID)
show("uuid", dom.UUIDString)
info = dom.info()
show("info", lambda: info[:4])
show("state", dom.state)
show("ostype", dom.OSType)
show("active", dom.isActive)
show("persistent", dom.isPersistent)
show("autostart", dom.autostart)
show("by id", lambda: conn.lookupByID(1).name())
show("by uuid", lambda: conn.lookupByUUIDString(dom.UUIDString()).name())
show("all", lambda: [(d.name(), d.ID()) for d in conn.listAllDomains()])
show("active ids", lambda: sorted(conn.listDomainsID()))
show("missing", lambda: conn.lookupByName("no-such-domain"))
show("suspend", dom.suspend)
show("state after suspend", dom.state)
show("resume", dom.resume)
show("state after resume", dom.state)
xml = """<domain type='test'>
  <name>pyscenario</name>
  <memory unit='KiB'>131072</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>"""
d2 = conn.defineXML(xml)
show("defined", lambda: (d2.name(), d2.isActive(), d2.isPersistent()))
show("inactive names", conn.listDefinedDomains)
show("create", d2.create)
show("state running", d2.state)
show("destroy", d2.destroy)
show("undefine", d2.undefine)
show("after undefine", lambda: conn.lookupByName("pyscenario"))
show("networks", lambda: [n.name() for n in conn.listAllNetworks()])
show("pools", lambda: [p.name() for p in conn.listAllStoragePools()])
show("pool info", lambda: conn.storagePoolLookupByName("default-pool").info())
ro = libvirt.openReadOnly("test:///default")
show("ro define", lambda: ro.defineXML(xml))
show("ro suspend", lambda: ro.lookupByName("test").suspend())
show("close", conn.close)
