#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""One scenario through the libvirt Python binding: prints what it sees.

    daemon-clients.py URI RO_URI

Run with test:///default (in-process) and with test+unix:///default?socket=
(through a daemon), the output must be the same.  RO_URI is opened
read-only and must refuse a write.  The path of the libvirt library that
was loaded goes to stderr."""

import sys
import threading
import time

import libvirt

uri, ro_uri = sys.argv[1], sys.argv[2]

DOMAIN_XML = """<domain type='test'>
  <name>vk1</name>
  <uuid>5a6b7c8d-0000-4000-8000-00000000c0de</uuid>
  <memory>65536</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>
"""


def say(*args):
    print(*args, flush=True)


def loaded_library():
    with open("/proc/self/maps") as f:
        for line in f:
            if "libvirt.so" in line:
                return line.split()[-1]
    return "?"


def error_of(func, *args):
    try:
        func(*args)
    except libvirt.libvirtError as e:
        return (e.get_error_code(), e.get_error_domain(),
                e.get_error_message())
    return "no error"


libvirt.registerErrorHandler(lambda opaque, err: None, None)
libvirt.virEventRegisterDefaultImpl()


def loop():
    while True:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()

conn = libvirt.open(uri)
print("library", loaded_library(), file=sys.stderr)
say("type", conn.getType())
say("version", conn.getVersion())
say("lib version", conn.getLibVersion())
say("hostname", conn.getHostname())
say("node info", conn.getInfo())
say("capabilities", conn.getCapabilities().splitlines()[:3])
say("max vcpus", conn.getMaxVcpus(None))
say("alive", conn.isAlive(), "secure", conn.isSecure())
say("domains", sorted(d.name() for d in conn.listAllDomains()))
say("active domains", len(conn.listAllDomains(
    libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)), conn.numOfDomains())

dom = conn.lookupByName("test")
say("info", dom.info()[:4])
say("state", dom.state())
say("id", dom.ID(), "uuid", dom.UUIDString(), "os", dom.OSType())
say("persistent", dom.isPersistent(), "active", dom.isActive(),
    "autostart", dom.autostart(), "max memory", dom.maxMemory())
say("xml", dom.XMLDesc(0).splitlines()[:2])
say("by id", conn.lookupByID(dom.ID()).name(),
    "by uuid", conn.lookupByUUIDString(dom.UUIDString()).name())
say("missing", error_of(conn.lookupByName, "nope"))
say("bad xml", error_of(conn.defineXML, "<domain"))

events = []


def lifecycle(conn, dom, event, detail, opaque):
    events.append((dom.name(), event, detail))


cid = conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                  lifecycle, None)
d = conn.defineXML(DOMAIN_XML)
say("defined", d.name(), d.ID(), d.isActive())
d.create()
say("started", d.ID(), d.isActive(), d.info()[0])
d.suspend()
say("suspended", d.state())
d.resume()
d.destroy()
say("destroyed", d.ID(), d.state())
d.undefine()
say("after undefine", sorted(x.name() for x in conn.listAllDomains()))
deadline = time.time() + 5
while len(events) < 6 and time.time() < deadline:
    time.sleep(0.02)
say("events", events)
conn.domainEventDeregisterAny(cid)

say("networks", [(n.name(), n.isActive(), n.autostart(), n.isPersistent(),
                  n.bridgeName()) for n in conn.listAllNetworks()])
say("pools", [(p.name(), p.info(), p.isActive(), p.autostart())
              for p in conn.listAllStoragePools()])
net = conn.networkLookupByName("default")
say("network xml", net.XMLDesc(0).splitlines()[:2])

ro = libvirt.openReadOnly(ro_uri)
say("read-only lists", sorted(x.name() for x in ro.listAllDomains()))
say("read-only define", error_of(ro.defineXML, DOMAIN_XML))
say("read-only destroy", error_of(ro.lookupByName("test").destroy))
ro.close()

del dom, d, net
say("close", conn.close())
