#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The calls whose frames capture.sh records: Debian's python3-libvirt
talking to a real libvirtd (test:///default) through record.py.

    scenario.py SOCKET

One connection; every call is chosen to put a representative structure on
the wire (see README.md in this folder for the list)."""

import sys
import threading
import time

import libvirt

UUID2 = "a1b2c3d4-0001-4002-8003-000000000002"
XML2 = f"""<domain type='test'>
  <name>wire2</name>
  <uuid>{UUID2}</uuid>
  <memory>65536</memory>
  <vcpu>2</vcpu>
  <os><type>hvm</type></os>
</domain>"""


def main(sock):
    libvirt.virEventRegisterDefaultImpl()
    stop = False

    def loop():
        while not stop:
            libvirt.virEventRunDefaultImpl()
    threading.Thread(target=loop, daemon=True).start()

    conn = libvirt.open(f"test+unix:///default?socket={sock}")
    conn.getLibVersion()
    conn.getInfo()                                  # NODE_GET_INFO: char[32]
    events = []
    cb = conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        lambda c, d, ev, det, opaque: events.append((d.name(), ev, det)),
        None)
    dom = conn.defineXML(XML2)                      # DEFINE_XML_FLAGS
    dom = conn.lookupByName("wire2")
    dom.info()                                      # uchar, ushort, uhyper
    dom.state()
    conn.listAllDomains(0)                          # 2 domains
    try:
        conn.lookupByName("no-such-domain")         # remote_error
    except libvirt.libvirtError:
        pass
    dom.create()                                    # CREATE_WITH_FLAGS
    dom.schedulerParameters()                       # typed params (uint)
    try:
        conn.getAllDomainStats(0, 0)                # typed params, records
    except libvirt.libvirtError:
        pass
    dom.destroy()
    conn.setKeepAlive(1, 3)                         # client sends PING
    deadline = time.time() + 5
    while time.time() < deadline and len(events) < 3:
        time.sleep(0.1)
    time.sleep(2.5)                                 # idle: keepalive
    dom.undefine()
    conn.domainEventDeregisterAny(cb)
    conn.close()
    stop = True
    print(f"events seen: {events}")


if __name__ == "__main__":
    main(sys.argv[1])
