#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Many clients on one daemon at once, for a set time (tests/soak.sh).

    soak-client.py URI CLIENTS SECONDS

Each client is a thread with its own connection and a lifecycle event
subscription (every domain).  Until the time is up it loops over mixed
calls: list, lookup, info and XML of domains, networks and pools, a
lookup of a missing domain (the one error asked for), and it defines,
starts, destroys and undefines a domain of its own and defines and
undefines a network of its own.  Then every client must have finished,
no unasked-for error may have happened, and every client must have
received the four lifecycle events (defined, started, stopped,
undefined) of every domain cycle of every client.  One line of JSON
figures goes to stdout; problems go to stderr; exit status 1 on any."""

import json
import sys
import threading
import time

import libvirt

uri, nclients, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])

DOMAIN_XML = """<domain type='test'>
  <name>%s</name>
  <memory>65536</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>"""
NETWORK_XML = """<network>
  <name>%s</name>
  <bridge name='vs%d'/>
</network>"""
WANTED = {
    libvirt.VIR_DOMAIN_EVENT_DEFINED: "defined",
    libvirt.VIR_DOMAIN_EVENT_STARTED: "started",
    libvirt.VIR_DOMAIN_EVENT_STOPPED: "stopped",
    libvirt.VIR_DOMAIN_EVENT_UNDEFINED: "undefined",
}

problems = []
plock = threading.Lock()


def problem(msg):
    with plock:
        if len(problems) < 50:
            problems.append(msg)


def silent(ctx, err):
    pass


libvirt.registerErrorHandler(silent, None)
libvirt.virEventRegisterDefaultImpl()
stop_loop = False


def loop():
    while not stop_loop:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=loop, daemon=True).start()


class Client:
    def __init__(self, i):
        self.i = i
        self.conn = None
        self.calls = 0
        self.cycles = 0         # complete domain cycles
        self.seen = {}          # (domain name, event) -> count
        self.lock = threading.Lock()
        self.done = False

    def on_event(self, conn, dom, event, detail, opaque):
        name = WANTED.get(event)
        if name is None:
            return
        key = (dom.name(), name)
        with self.lock:
            self.seen[key] = self.seen.get(key, 0) + 1

    def call(self, fn, *args):
        self.calls += 1
        return fn(*args)

    def cycle(self, n):
        c = self.conn
        name = "soak-%d-%d" % (self.i, n)
        dom = self.call(c.defineXML, DOMAIN_XML % name)
        self.call(dom.create)
        self.call(dom.info)
        self.call(dom.XMLDesc, 0)
        self.call(dom.destroy)
        self.call(dom.undefine)
        self.cycles += 1

    def mixed(self, n):
        c = self.conn
        doms = self.call(c.listAllDomains, 0)
        for d in doms[:3]:
            try:
                self.call(d.info)
            except libvirt.libvirtError as e:
                # another client's domain may go away meanwhile
                if e.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                    raise
        t = self.call(c.lookupByName, "test")
        self.call(t.info)
        self.call(t.XMLDesc, 0)
        self.call(c.getInfo)
        try:
            self.call(c.lookupByName, "no-such-domain-%d" % self.i)
            problem("client %d: a missing domain was found" % self.i)
        except libvirt.libvirtError as e:
            if e.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                raise
        self.call(c.listAllNetworks, 0)
        net = self.call(c.networkLookupByName, "default")
        self.call(net.XMLDesc, 0)
        self.call(net.isActive)
        nname = "soaknet-%d-%d" % (self.i, n)
        mynet = self.call(c.networkDefineXML, NETWORK_XML % (nname, self.i))
        self.call(mynet.undefine)
        pools = self.call(c.listAllStoragePools, 0)
        for p in pools[:2]:
            self.call(p.info)
            if p.isActive():
                self.call(p.listAllVolumes, 0)
        pool = self.call(c.storagePoolLookupByName, "default-pool")
        self.call(pool.XMLDesc, 0)

    def run(self, start, deadline):
        try:
            start.wait()
            n = 0
            while time.monotonic() < deadline:
                self.mixed(n)
                self.cycle(n)
                n += 1
        except Exception as e:  # noqa: anything is a finding here
            problem("client %d: %s: %s" % (self.i, type(e).__name__, e))
        self.done = True


clients = [Client(i) for i in range(nclients)]
for cl in clients:
    cl.conn = libvirt.open(uri)
    cl.cb = cl.conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, cl.on_event, None)
# a connection that stays open all along keeps test:///default alive
keeper = libvirt.open(uri)

start = threading.Event()
t0 = time.monotonic()
deadline = t0 + seconds
threads = [threading.Thread(target=cl.run, args=(start, deadline),
                            daemon=True) for cl in clients]
for t in threads:
    t.start()
start.set()
for t in threads:
    t.join(max(1.0, deadline + 60 - time.monotonic()))
elapsed = time.monotonic() - t0
hung = [cl.i for cl in clients if not cl.done]
if hung:
    problem("deadlock: clients %s did not finish 60 s after the end" % hung)

# every client must see every cycle of every client: 4 events each
expected = {}
for cl in clients:
    for n in range(cl.cycles):
        for ev in WANTED.values():
            expected[("soak-%d-%d" % (cl.i, n), ev)] = 1
wait_until = time.monotonic() + 30
missing = 0
while True:
    missing = 0
    extra = 0
    for cl in clients:
        with cl.lock:
            for key in expected:
                if cl.seen.get(key, 0) < 1:
                    missing += 1
            extra += sum(v - 1 for v in cl.seen.values() if v > 1)
    if missing == 0 or time.monotonic() > wait_until:
        break
    time.sleep(0.5)
if missing:
    problem("%d events (of %d) were not delivered" %
            (missing, len(expected) * len(clients)))
if extra:
    problem("%d events were delivered twice" % extra)

for cl in clients:
    try:
        cl.conn.domainEventDeregisterAny(cl.cb)
        cl.conn.close()
    except libvirt.libvirtError as e:
        problem("client %d: close: %s" % (cl.i, e))
keeper.close()
stop_loop = True

calls = sum(cl.calls for cl in clients)
print(json.dumps({
    "clients": nclients, "seconds": round(elapsed, 1), "calls": calls,
    "calls_per_s": round(calls / elapsed), "domain_cycles":
    sum(cl.cycles for cl in clients),
    "events_delivered": len(expected) * len(clients) - missing,
    "problems": len(problems),
}), flush=True)
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
