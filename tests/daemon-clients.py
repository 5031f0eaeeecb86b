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

# ---- every shape of procedure, one family at a time ----------------------
dom = conn.lookupByName("test")
pool = conn.storagePoolLookupByName("default-pool")


def shape(value):
    """Types only, for values that are clocks (CPU time, I/O counters)."""
    if isinstance(value, (list, tuple)):
        return type(value)(shape(x) for x in value)
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    return type(value).__name__


def family(name, *calls):
    for label, func in calls:
        try:
            result = func()
        except libvirt.libvirtError as e:
            result = ("error", e.get_error_code(), e.get_error_domain(),
                      e.get_error_message())
        say(name, label, result)


family("names",
       ("ids", lambda: sorted(conn.listDomainsID())),
       ("defined domains", lambda: sorted(conn.listDefinedDomains())),
       ("networks", lambda: sorted(conn.listNetworks())),
       ("defined networks", lambda: sorted(conn.listDefinedNetworks())),
       ("pools", lambda: sorted(conn.listStoragePools())),
       ("defined pools", lambda: sorted(conn.listDefinedStoragePools())),
       ("volumes", lambda: sorted(pool.listVolumes())),
       ("devices", lambda: sorted(conn.listDevices(None, 0))),
       ("interfaces", lambda: sorted(conn.listInterfaces())),
       ("defined interfaces", lambda: sorted(conn.listDefinedInterfaces())),
       ("snapshot names", lambda: dom.snapshotListNames(0)),
       ("device caps", lambda: conn.nodeDeviceLookupByName("computer")
        .listCaps()),
       ("cells free memory", lambda: conn.getCellsFreeMemory(0, 2)))
family("need_results",
       ("interfaces", lambda: [x.name() for x in conn.listAllInterfaces()]),
       ("devices", lambda: sorted(x.name() for x in conn.listAllDevices())),
       ("volumes", lambda: pool.listAllVolumes()),
       ("snapshots", lambda: dom.listAllSnapshots(0)),
       ("checkpoints", lambda: dom.listAllCheckpoints(0)),
       ("nwfilters", lambda: conn.listAllNWFilters()),
       ("cpu models", lambda: conn.getCPUModelNames("x86_64", 0)[:4]))
family("renamed members",
       ("nodedev xml", lambda: conn.nodeDeviceLookupByName("computer")
        .XMLDesc(0).splitlines()[:2]),
       ("nodedev caps", lambda: conn.nodeDeviceLookupByName("computer")
        .numOfCaps()),
       ("mac lookup", lambda: conn.interfaceLookupByMACString(
           "aa:bb:cc:dd:ee:ff").name()),
       ("block info", lambda: dom.blockInfo("vda", 0)),
       ("block io tune", lambda: dom.blockIoTune("vda", 0)))
family("typed parameters",
       ("scheduler", lambda: dom.schedulerParameters()),
       ("scheduler flags", lambda: dom.schedulerParametersFlags(0)),
       ("memory", lambda: dom.memoryParameters(0)),
       ("blkio", lambda: dom.blkioParameters(0)),
       ("numa", lambda: dom.numaParameters(0)),
       ("interface", lambda: dom.interfaceParameters("testnet0", 0)),
       ("set memory", lambda: dom.setMemoryParameters(
           {"hard_limit": 1048576}, 0)),
       ("memory again", lambda: dom.memoryParameters(0)),
       ("set blkio", lambda: dom.setBlkioParameters({"weight": 500}, 0)),
       ("blkio again", lambda: dom.blkioParameters(0)),
       ("cpu stats total", lambda: shape(dom.getCPUStats(True))),
       ("cpu stats per cpu", lambda: shape(dom.getCPUStats(False))),
       ("node cpu stats", lambda: shape(conn.getCPUStats(-1, 0))),
       ("node memory stats", lambda: conn.getMemoryStats(-1, 0)),
       ("guest vcpus", lambda: dom.guestVcpus(0)))
family("arrays",
       ("vcpus", lambda: shape(dom.vcpus()[0]) and dom.vcpus()[1]),
       ("vcpu numbers", lambda: [v[:2] + v[3:] for v in dom.vcpus()[0]]),
       ("pin info", lambda: dom.vcpuPinInfo(0)),
       ("emulator pin", lambda: dom.emulatorPinInfo(0)),
       ("pin vcpu", lambda: dom.pinVcpu(0, (True, False, True))),
       ("pin info again", lambda: dom.vcpuPinInfo(0)),
       ("iothreads", lambda: dom.ioThreadInfo(0)),
       ("cpu map", lambda: conn.getCPUMap(0)),
       ("free pages", lambda: conn.getFreePages([4, 2048], 0, 1, 0)),
       ("memory stats", lambda: sorted(dom.memoryStats())),
       ("disk errors", lambda: dom.diskErrors(0)),
       ("fs info", lambda: dom.fsInfo(0)),
       ("addresses", lambda: dom.interfaceAddresses(0, 0)),
       ("send key", lambda: dom.sendKey(0, 0, [1, 2], 2, 0)),
       ("fs freeze", lambda: dom.fsFreeze(["/"], 0)),
       ("fs thaw", lambda: dom.fsThaw(None, 0)),
       ("memory peek", lambda: dom.memoryPeek(0, 8, libvirt.VIR_MEMORY_VIRTUAL)),
       ("security label", lambda: dom.securityLabel()))
family("structs",
       ("block stats", lambda: shape(dom.blockStats("vda"))),
       ("interface stats", lambda: shape(dom.interfaceStats("testnet0"))))
family("domain stats",
       ("all", lambda: [(r[0].name(), sorted(r[1].items()))
                        for r in conn.getAllDomainStats(
                            libvirt.VIR_DOMAIN_STATS_STATE, 0)]),
       ("listed", lambda: [(r[0].name(), sorted(r[1]))
                           for r in conn.domainListGetStats([dom], 0, 0)]))

# Events of every object kind, the callback-id API and the legacy one.
seen = []


def catch(tag):
    def record(*args):
        seen.append((tag, args[1].name()) + tuple(args[2:-1]))
    return record


def legacy_lifecycle(conn, d, event, detail, opaque):
    seen.append(("legacy", d.name(), event, detail))


ids = [conn.domainEventRegisterAny(None, i, catch("domain %d" % i), None)
       for i in range(27)]
conn.domainEventRegister(legacy_lifecycle, None)
others = [(conn.networkEventDeregisterAny, conn.networkEventRegisterAny(
              None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE,
              catch("network"), None)),
          (conn.storagePoolEventDeregisterAny,
           conn.storagePoolEventRegisterAny(
               None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
               catch("pool"), None)),
          (conn.storagePoolEventDeregisterAny,
           conn.storagePoolEventRegisterAny(
               None, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH,
               catch("pool refresh"), None)),
          (conn.nodeDeviceEventDeregisterAny,
           conn.nodeDeviceEventRegisterAny(
               None, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
               catch("node device"), None))]
say("event ids distinct", len(set(ids + [i for _, i in others])) ==
    len(ids) + len(others))
ev = conn.defineXML(DOMAIN_XML)
ev.create()
ev.suspend()
ev.resume()
ev.shutdown()
ev.undefine()
n = conn.networkDefineXML("<network><name>evnet</name><bridge name='virbr9'/>"
                          "<ip address='192.168.150.1' netmask='255.255.255.0'/>"
                          "</network>")
n.create()
n.destroy()
n.undefine()
p = conn.storagePoolDefineXML("<pool type='dir'><name>evpool</name><target>"
                              "<path>/tmp</path></target></pool>", 0)
p.create(0)
p.refresh(0)
p.destroy()
p.undefine()
deadline = time.time() + 5
while len(seen) < 22 and time.time() < deadline:
    time.sleep(0.02)
for e in seen:
    say("event", e)
for i in ids:
    conn.domainEventDeregisterAny(i)
conn.domainEventDeregister(legacy_lifecycle)
for dereg, i in others:
    dereg(i)
say("deregistered twice", error_of(conn.domainEventDeregisterAny, ids[0])[0])
del dom, pool, ev, n, p
say("close", conn.close())
