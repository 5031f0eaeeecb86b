#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""A unix-socket relay that records every RPC frame passing through it.

    record.py LISTEN_SOCKET TARGET_SOCKET OUTDIR [--connections N]

Clients connect to LISTEN_SOCKET; each connection is joined to a new
connection to TARGET_SOCKET (a real libvirtd) and bytes are passed on
unchanged in both directions.  Each direction is cut into frames by the
4-byte length word that starts every message, and each frame is written to
OUTDIR as  C-SSS-DIR-PROGRAM-PROC-TYPE-STATUS.hex  (C: connection number,
SSS: order of arrival over all connections, DIR: c2s or s2c) holding the
frame in hex, one 4-byte word per group, after a '#' line that decodes the
header.  Procedure names come from generator/import-data/remote-wire.xml.

With --connections N the relay exits after N client connections have
closed; otherwise it runs until it gets SIGTERM.
"""

import argparse
import os
import signal
import socket
import struct
import sys
import threading
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
WIRE = os.path.join(HERE, "..", "..", "..", "generator", "import-data",
                    "remote-wire.xml")
TYPES = {0: "CALL", 1: "REPLY", 2: "MESSAGE", 3: "STREAM",
         4: "CALL_WITH_FDS", 5: "REPLY_WITH_FDS", 6: "STREAM_HOLE"}
STATUSES = {0: "OK", 1: "ERROR", 2: "CONTINUE"}


def load_names():
    programs, procs = {}, {}
    root = ET.parse(WIRE).getroot()
    for p in root.findall("wire-program"):
        programs[int(p.get("id"), 0)] = p.get("name")
    for pr in root.findall("procedure"):
        short = pr.get("name").split("_PROC_", 1)[1]
        procs[(pr.get("program"), int(pr.get("number")))] = short
    return programs, procs


PROGRAMS, PROCS = load_names()


class Recorder:
    def __init__(self, outdir):
        self.outdir = outdir
        self.lock = threading.Lock()
        self.seq = 0

    def frame(self, conn, direction, data):
        with self.lock:
            self.seq += 1
            seq = self.seq
        prog = proc = mtype = status = serial = None
        if len(data) >= 28:
            prog, _vers, proc, mtype, serial, status = \
                struct.unpack(">IIiIII", data[4:28])
        pname = PROGRAMS.get(prog, f"prog{prog:x}" if prog is not None
                             else "short")
        procname = PROCS.get((pname, proc), f"proc{proc}")
        tname = TYPES.get(mtype, f"type{mtype}")
        sname = STATUSES.get(status, f"status{status}")
        name = f"{conn}-{seq:03d}-{direction}-{pname}-{procname}-" \
               f"{tname}-{sname}.hex"
        words = [data[i:i + 4].hex() for i in range(0, len(data), 4)]
        lines = [" ".join(words[i:i + 8]) for i in range(0, len(words), 8)]
        with open(os.path.join(self.outdir, name), "w") as f:
            f.write(f"# {direction} {pname} {procname}({proc}) {tname} "
                    f"{sname} serial={serial} bytes={len(data)}\n")
            f.write("\n".join(lines) + "\n")


def pump(rec, conn, direction, src, dst):
    buf = b""
    try:
        while True:
            chunk = src.recv(65536)
            if not chunk:
                break
            # Record before passing on, so that the numbering follows
            # cause and effect across the two directions.
            buf += chunk
            while len(buf) >= 4:
                n = struct.unpack(">I", buf[:4])[0]
                if n < 4 or len(buf) < n:
                    break
                rec.frame(conn, direction, buf[:n])
                buf = buf[n:]
            dst.sendall(chunk)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(client, target, rec, conn, done):
    upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    upstream.connect(target)
    threads = [threading.Thread(target=pump, args=(rec, conn, d, a, b))
               for d, a, b in (("c2s", client, upstream),
                               ("s2c", upstream, client))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    client.close()
    upstream.close()
    done.release()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("listen")
    p.add_argument("target")
    p.add_argument("outdir")
    p.add_argument("--connections", type=int, default=0)
    a = p.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if os.path.exists(a.listen):
        os.unlink(a.listen)
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(a.listen)
    srv.listen(8)
    rec = Recorder(a.outdir)
    done = threading.Semaphore(0)
    accepted = 0
    while not a.connections or accepted < a.connections:
        client, _ = srv.accept()
        accepted += 1
        threading.Thread(target=serve, args=(client, a.target, rec,
                                             accepted, done),
                         daemon=True).start()
    for _ in range(accepted):
        done.acquire()
    srv.close()
    os.unlink(a.listen)


if __name__ == "__main__":
    main()
