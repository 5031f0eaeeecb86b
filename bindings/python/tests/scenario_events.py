# SPDX-License-Identifier: LGPL-2.1-or-later
# Events through the default event loop: lifecycle callbacks in the any-form
# (all domains, one domain) and the old form, network lifecycle events,
# deregistration.  Each part runs on its own, so one failing registration
# does not hide the others (nor wait forever for events).
import libvirt

DOMAIN_XML = """<domain type='test'>
  <name>pyevents</name>
  <memory unit='KiB'>131072</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>
"""

libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
got = []


def lifecycle(c, d, event, detail, opaque):
    got.append(("lifecycle", c is conn, d.name(), event, detail, opaque))


def legacy(c, d, event, detail, opaque):
    got.append(("legacy", d.name(), event, detail, opaque))


def network(c, net, event, detail, opaque):
    got.append(("network", net.name(), event, detail, opaque))


def register(label, fn):
    try:
        ret = fn()
        print(label, "registered")
        return True if ret is None else ret
    except libvirt.libvirtError as e:
        print(label, "failed:", e.get_error_code(), e.get_error_message())
        return None


def collect(n):
    while len(got) < n:
        libvirt.virEventRunDefaultImpl()
    print(sorted(got))
    del got[:]


def domain_changes():
    dom.suspend()
    dom.resume()
    new = conn.defineXML(DOMAIN_XML)
    new.create()
    new.destroy()
    new.undefine()


# every domain, any-form
cid = register("all domains", lambda: conn.domainEventRegisterAny(
    None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lifecycle, "any"))
if cid is not None:
    domain_changes()
    collect(6)
    conn.domainEventDeregisterAny(cid)

# the old form
if register("old form", lambda: conn.domainEventRegister(legacy, "old")):
    domain_changes()
    collect(6)
    conn.domainEventDeregister(legacy)

# one domain
one = register("one domain", lambda: conn.domainEventRegisterAny(
    dom, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, lifecycle, "one"))
if one is not None:
    domain_changes()
    collect(2)
    conn.domainEventDeregisterAny(one)

# networks
nid = register("networks", lambda: conn.networkEventRegisterAny(
    None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, network, None))
if nid is not None:
    net = conn.networkLookupByName("default")
    net.destroy()
    net.create()
    collect(2)
    conn.networkEventDeregisterAny(nid)

try:
    conn.domainEventRegisterAny(None, 10000, lifecycle, None)
    print("unknown event id: no error")
except libvirt.libvirtError:
    print("unknown event id: libvirtError")
conn.close()
