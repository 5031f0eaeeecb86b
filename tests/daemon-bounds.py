#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Arguments beyond the wire's limits, on raw frames: each call gets an
error reply (VIR_ERR_RPC) and the connection keeps working.  Prints TAP
lines (no plan).

    daemon-bounds.py SOCKET"""

import socket
import struct
import sys

PROG = 0x20008086
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(5)
serial = 0


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


def call(proc, body=b""):
    global serial
    serial += 1
    s.sendall(struct.pack(">7I", 28 + len(body), PROG, 1, proc, 0, serial,
                          0) + body)
    while True:
        (length,) = struct.unpack(">I", exact(4))
        data = exact(length - 4)
        head = struct.unpack(">6I", data[:24])
        if head[3] == 1 and head[4] == serial:
            return head[5], data[24:]


def rpc_error(reply):
    """The error code of an error reply (remote_error starts with it)."""
    status, payload = reply
    return status == 1 and struct.unpack(">i", payload[:4])[0] == 39


# The test domain as the wire names it.
DOM = xstr("test") + bytes.fromhex("6695eb01f6a4830479aa97f2502e193f") + \
    struct.pack(">i", 1)
call(1, struct.pack(">I", 1) + xstr("test:///default") + struct.pack(">I", 0))
cases = [
    ("CONNECT_LIST_DEFINED_DOMAINS maxnames 100000", 21,
     struct.pack(">i", 100000)),
    ("CONNECT_LIST_DEFINED_DOMAINS maxnames -1", 21, struct.pack(">i", -1)),
    ("DOMAIN_GET_MEMORY_PARAMETERS nparams 1000", 198,
     DOM + struct.pack(">iI", 1000, 0)),
    ("DOMAIN_GET_VCPUS maxinfo 100000", 20, DOM + struct.pack(">ii", 100000, 1)),
    ("DOMAIN_GET_VCPU_PIN_INFO 16384 maps of 1024 bytes", 230,
     DOM + struct.pack(">iiI", 16384, 1024, 0)),
    ("NODE_GET_CPU_STATS nparams 99", 227, struct.pack(">iiI", -1, 99, 0)),
    ("DOMAIN_SET_MEMORY_PARAMETERS with a 100-byte field name", 197,
     DOM + struct.pack(">I", 1) + xstr("x" * 100) +
     struct.pack(">ii", 1, 5) + struct.pack(">I", 0)),
]
for name, proc, body in cases:
    print(("ok" if rpc_error(call(proc, body)) else "not ok") +
          " - bounds: " + name + " gets VIR_ERR_RPC")
status, payload = call(273, struct.pack(">iI", 1, 0))
print(("ok" if status == 0 else "not ok") +
      " - bounds: the connection still lists domains afterwards")
call(2)
