#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Our client library's delivery of event messages that no test driver
emits (node device, secret, and domain events with typed parameters,
optional strings or nested structs): a fake server in a thread answers the
connect sequence and each registration, then sends crafted messages; the
Python binding, loaded on our libvirt.so.0, must call the right callback
with the decoded values.  Prints TAP lines (no plan).

    LD_LIBRARY_PATH=.libs remote-events-fake.py"""

import os
import socket
import struct
import tempfile
import threading
import time

import libvirt

PROG = 0x20008086
UUID = bytes(range(16))


def xint(*v):
    return struct.pack(">" + "i" * len(v), *v)


def xhyper(v):
    return struct.pack(">Q", v)


def xstr(text):
    raw = text.encode()
    return struct.pack(">I", len(raw)) + raw + b"\0" * (-len(raw) % 4)


def xopt(text):
    return xint(0) if text is None else xint(1) + xstr(text)


DOM = xstr("fake") + UUID + xint(7)
SECRET = UUID + xint(1) + xstr("/some/volume")
NODEDEV = xstr("scsi_host9")
TUNABLE = xint(2) + xstr("cputune.vcpu0") + xint(7) + xstr("0-1") + \
    xstr("cputune.quota") + xint(3) + xhyper(500)
ADDR_L = xint(0) + xstr("127.0.0.1") + xstr("5900")
ADDR_R = xint(0) + xstr("10.0.0.9") + xstr("41000")

# Registration procedure -> (event ID -> [(message procedure, body)]);
# each body follows the callbackID.
EVENTS = {
    316: {5: [(323, DOM + xint(1) + ADDR_L + ADDR_R + xstr("vnc") +
                xint(1) + xstr("x509dname") + xstr("CN=me"))],
          17: [(346, DOM + TUNABLE)],
          21: [(363, DOM + xint(1) + xstr("time_elapsed") + xint(4) +
                 xhyper(42))],
          23: [(379, DOM + xint(2) + xopt("http://example.org/ns"))],
          24: [(385, DOM + xstr("vda") + xopt(None) + xhyper(100) +
                 xhyper(5))],
          2: [(320, DOM + xhyper((1 << 64) - 3))]},
    374: {0: [(376, NODEDEV + xint(0, 0))], 1: [(377, NODEDEV)]},
    380: {0: [(382, SECRET + xint(0, 0))], 1: [(383, SECRET)]},
}


def serve(listener):
    conn, _ = listener.accept()
    next_id = [10]
    # Events go out when the next call comes: by then the client has
    # taken the reply to its registration (and knows the callbackID).
    pending = []

    def send(proc, typ, serial, body):
        conn.sendall(struct.pack(">7I", 28 + len(body), PROG, 1, proc, typ,
                                 serial, 0) + body)

    def exact(n):
        buf = b""
        while len(buf) < n:
            chunk = conn.recv(n - len(buf))
            if not chunk:
                raise EOFError
            buf += chunk
        return buf

    try:
        while True:
            (length,) = struct.unpack(">I", exact(4))
            data = exact(length - 4)
            prog, vers, proc, typ, serial, status = struct.unpack(">6I",
                                                                  data[:24])
            body = data[24:]
            if prog != PROG:
                continue
            for mproc, mbody in pending:
                send(mproc, 2, 1, mbody)
            pending.clear()
            if proc == 66:                      # AUTH_LIST: none
                send(proc, 1, serial, xint(1, 0))
            elif proc == 60:                    # SUPPORTS_FEATURE
                send(proc, 1, serial, xint(1))
            elif proc in EVENTS:
                event_id = struct.unpack(">i", body[:4])[0]
                cid = next_id[0]
                next_id[0] += 1
                send(proc, 1, serial, xint(cid))
                for mproc, mbody in EVENTS[proc].get(event_id, []):
                    pending.append((mproc, xint(cid) + mbody))
            elif proc == 360:                   # REGISTER_CLOSE_CALLBACK
                send(proc, 1, serial, b"")
                pending.append((362, xint(
                    libvirt.VIR_CONNECT_CLOSE_REASON_KEEPALIVE)))
            elif proc == 157:                   # GET_LIB_VERSION
                send(proc, 1, serial, xhyper(9000000))
            else:                               # open, deregister, close
                send(proc, 1, serial, b"")
    except (EOFError, OSError):
        pass
    finally:
        conn.close()


tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "sock")
listener = socket.socket(socket.AF_UNIX)
listener.bind(path)
listener.listen(1)
threading.Thread(target=serve, args=(listener,), daemon=True).start()

libvirt.registerErrorHandler(lambda opaque, err: None, None)
libvirt.virEventRegisterDefaultImpl()
threading.Thread(target=lambda: [libvirt.virEventRunDefaultImpl()
                                 for _ in iter(int, 1)], daemon=True).start()

got = {}


def keep(tag):
    def record(conn, obj, *rest):
        got[tag] = (obj.name() if hasattr(obj, "name") else obj.UUIDString(),
                    ) + tuple(rest[:-1])
    return record


conn = libvirt.open("test+unix:///default?socket=" + path)
D = libvirt
conn.domainEventRegisterAny(None, D.VIR_DOMAIN_EVENT_ID_GRAPHICS,
                            keep("graphics"), None)
conn.domainEventRegisterAny(None, D.VIR_DOMAIN_EVENT_ID_TUNABLE,
                            keep("tunable"), None)
conn.domainEventRegisterAny(None, D.VIR_DOMAIN_EVENT_ID_JOB_COMPLETED,
                            keep("job completed"), None)
conn.domainEventRegisterAny(None, D.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
                            keep("metadata"), None)
conn.domainEventRegisterAny(None, D.VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD,
                            keep("block threshold"), None)
conn.domainEventRegisterAny(None, D.VIR_DOMAIN_EVENT_ID_RTC_CHANGE,
                            keep("rtc change"), None)
conn.nodeDeviceEventRegisterAny(None, D.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                keep("node device"), None)
conn.nodeDeviceEventRegisterAny(None, D.VIR_NODE_DEVICE_EVENT_ID_UPDATE,
                                keep("node device update"), None)
conn.secretEventRegisterAny(None, D.VIR_SECRET_EVENT_ID_LIFECYCLE,
                            keep("secret"), None)
conn.secretEventRegisterAny(None, D.VIR_SECRET_EVENT_ID_VALUE_CHANGED,
                            keep("secret value"), None)
closed = []
conn.registerCloseCallback(lambda c, reason, opaque: closed.append(reason),
                           None)
conn.getLibVersion()                # lets the last events go

want = {
    "graphics": ("fake", 1,
                 {"family": 0, "node": "127.0.0.1", "service": "5900"},
                 {"family": 0, "node": "10.0.0.9", "service": "41000"},
                 "vnc", [("x509dname", "CN=me")]),
    "tunable": ("fake", {"cputune.vcpu0": "0-1", "cputune.quota": 500}),
    "job completed": ("fake", {"time_elapsed": 42}),
    "metadata": ("fake", 2, "http://example.org/ns"),
    "block threshold": ("fake", "vda", None, 100, 5),
    "rtc change": ("fake", -3),
    "node device": ("scsi_host9", 0, 0),
    "node device update": ("scsi_host9",),
    "secret": ("00010203-0405-0607-0809-0a0b0c0d0e0f", 0, 0),
    "secret value": ("00010203-0405-0607-0809-0a0b0c0d0e0f",),
}
deadline = time.time() + 5
while (len(got) < len(want) or not closed) and time.time() < deadline:
    time.sleep(0.02)
for tag, value in want.items():
    ok = got.get(tag) == value
    print(("ok" if ok else "not ok") + " - fake server: the " + tag +
          " event reaches its callback decoded")
    if not ok:
        print("#   want", value)
        print("#   got ", got.get(tag))
print(("ok" if closed == [libvirt.VIR_CONNECT_CLOSE_REASON_KEEPALIVE]
       else "not ok") + " - fake server: CONNECT_EVENT_CONNECTION_CLOSED "
      "calls the close callback" + ("" if closed else " (none)"))
conn.close()
os.unlink(path)
os.rmdir(tmp)
