#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The legacy event procedures, as an old client uses them, on raw frames:
register (lifecycle, and by event ID), receive the legacy lifecycle
message without a callbackID, deregister.  Prints TAP lines (no plan).

    daemon-legacy-events.py SOCKET"""

import socket
import struct
import sys

PROG, VERS = 0x20008086, 1
OPEN, CLOSE, DEFINE, UNDEFINE = 1, 2, 11, 35
REGISTER, DEREGISTER, REGISTER_ANY, DEREGISTER_ANY = 105, 106, 167, 168
LIFECYCLE_MSG = 107
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(5)
serial = 0
pending = []            # event messages read while waiting for a reply


def xstr(text):
    raw = text.encode()
    return struct.pack(">I", len(raw)) + raw + b"\0" * (-len(raw) % 4)


def exact(n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise EOFError("closed")
        buf += chunk
    return buf


def frame():
    (length,) = struct.unpack(">I", exact(4))
    body = exact(length - 4)
    return struct.unpack(">6I", body[:24]), body[24:]


def call(proc, body=b""):
    """(status, payload) of the reply to one call."""
    global serial
    serial += 1
    s.sendall(struct.pack(">7I", 28 + len(body), PROG, VERS, proc, 0, serial,
                          0) + body)
    while True:
        (prog, vers, rproc, typ, rserial, status), payload = frame()
        if typ == 2:
            pending.append((rproc, payload))
        elif typ == 1 and rserial == serial:
            return status, payload


def ok(cond, what):
    print(("ok" if cond else "not ok") + " - legacy events: " + what)


def wait_event(proc):
    s.settimeout(5)
    while not any(p == proc for p, _ in pending):
        (prog, vers, rproc, typ, rserial, status), payload = frame()
        if typ == 2:
            pending.append((rproc, payload))
    return [b for p, b in pending if p == proc]


XML = ("<domain type='test'><name>legacy1</name><memory>65536</memory>"
       "<vcpu>1</vcpu><os><type>hvm</type></os></domain>")
ok(call(OPEN, struct.pack(">I", 1) + xstr("test:///default") +
        struct.pack(">I", 0))[0] == 0, "open")
status, payload = call(REGISTER)
ok(status == 0 and payload == struct.pack(">i", 1),
   "CONNECT_DOMAIN_EVENT_REGISTER answers cb_registered 1")
ok(call(REGISTER)[0] == 1, "a second legacy lifecycle registration fails")
ok(call(REGISTER_ANY, struct.pack(">i", 3))[0] == 0,
   "CONNECT_DOMAIN_EVENT_REGISTER_ANY registers the watchdog event")
ok(call(REGISTER_ANY, struct.pack(">i", 16))[0] == 1,
   "an event without a legacy message is refused in the legacy form")
ok(call(DEFINE, xstr(XML))[0] == 0, "define")
msgs = wait_event(LIFECYCLE_MSG)
# remote_domain_event_lifecycle_msg: the domain (name, uuid, id), event, detail
name_len = struct.unpack(">I", msgs[0][:4])[0]
ok(msgs[0][4:4 + name_len] == b"legacy1" and
   msgs[0][-8:] == struct.pack(">ii", 0, 0),
   "the legacy DOMAIN_EVENT_LIFECYCLE message (defined, added)")
status, payload = call(DEREGISTER)
ok(status == 0 and payload == struct.pack(">i", 0),
   "CONNECT_DOMAIN_EVENT_DEREGISTER answers cb_registered 0")
ok(call(DEREGISTER_ANY, struct.pack(">i", 3))[0] == 0,
   "CONNECT_DOMAIN_EVENT_DEREGISTER_ANY removes the watchdog event")
ok(call(DEREGISTER_ANY, struct.pack(">i", 3))[0] == 1,
   "deregistering it again fails")
pending.clear()
# An undefine, then a call after it: no lifecycle message in between.
dom = struct.pack(">I", 7) + b"legacy1\0" + msgs[0][4 + 8:4 + 8 + 16] + \
    struct.pack(">i", -1)
ok(call(UNDEFINE, dom)[0] == 0, "undefine")
call(REGISTER)
ok(not any(p == LIFECYCLE_MSG for p, _ in pending),
   "no legacy message after deregistering")
ok(call(CLOSE)[0] == 0, "close")
