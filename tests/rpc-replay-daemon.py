#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Replay the calls a real client made to libvirtd (tests/data/rpc/SESSION)
against a daemon and compare its replies and event messages, byte for
byte, with libvirtd's.

    rpc-replay-daemon.py SOCKET SESSION_DIR [SKIP_PROC...]

Calls of procedures named in SKIP_PROC are not sent (not served yet);
keepalive frames are left out; the cpuTime of DOMAIN_GET_INFO (a clock)
is not compared.  Prints "ok - ..." / "not ok - ..." lines."""

import os
import socket
import struct
import sys

sock_path, session = sys.argv[1], sys.argv[2]
skip = set(sys.argv[3:])
KEEPALIVE = 0x6b656570


def read_hex(path):
    data = []
    with open(path) as f:
        for line in f:
            if not line.startswith("#"):
                data.append(line.split())
    return bytes.fromhex("".join(w for words in data for w in words))


def header(frame):
    return struct.unpack(">7I", frame[:28])


def recv_frame(s):
    def exact(n):
        buf = b""
        while len(buf) < n:
            chunk = s.recv(n - len(buf))
            if not chunk:
                raise EOFError("the daemon closed the connection")
            buf += chunk
        return buf
    head = exact(4)
    (length,) = struct.unpack(">I", head)
    return head + exact(length - 4)


frames = []
for name in sorted(os.listdir(session)):
    if name.endswith(".hex"):
        frames.append((name, read_hex(os.path.join(session, name))))

calls = [(n, f) for n, f in frames if "-c2s-" in n and
         header(f)[1] != KEEPALIVE and n.split("-")[4] not in skip]
replies = {header(f)[5]: (n, f) for n, f in frames
           if "-s2c-" in n and header(f)[4] == 1}
events = [(n, f) for n, f in frames
          if "-s2c-" in n and header(f)[4] == 2 and header(f)[1] != KEEPALIVE]

s = socket.socket(socket.AF_UNIX)
s.connect(sock_path)
s.settimeout(10)
got_events = []
for name, frame in calls:
    serial = header(frame)[5]
    s.sendall(frame)
    while True:
        got = recv_frame(s)
        h = header(got)
        if h[1] == KEEPALIVE:
            continue
        if h[4] == 2:
            got_events.append(got)
            continue
        if h[4] == 1 and h[5] == serial:
            break
    want_name, want = replies[serial]
    proc = want_name.split("-")[4]
    if proc == "DOMAIN_GET_INFO":
        # Its last field, cpuTime, is a clock.
        got, want = got[:-8], want[:-8]
    if got == want:
        print(f"ok - {proc} (serial {serial}): the same {len(got)}-byte reply")
    else:
        print(f"not ok - {proc} (serial {serial}): reply differs\n"
              f"#   want {want.hex()}\n#   got  {got.hex()}")
s.settimeout(2)
try:
    while len(got_events) < len(events):
        got = recv_frame(s)
        if header(got)[4] == 2 and header(got)[1] != KEEPALIVE:
            got_events.append(got)
except (socket.timeout, EOFError):
    pass
if events:
    same = [g == w for g, (n, w) in zip(got_events, events)]
    if len(got_events) == len(events) and all(same):
        print(f"ok - the {len(events)} event messages are the same")
    else:
        print(f"not ok - event messages: {len(got_events)} received, "
              f"{len(events)} recorded, equal: {same}")
s.close()
