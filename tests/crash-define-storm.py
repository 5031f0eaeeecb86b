#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Defines and undefines against a daemon that gets killed (tests/crash-define-storm.sh).

    crash-define-storm.py canon URI OUT       the daemon's own form of the
                                              domain XML used, into OUT
    crash-define-storm.py storm URI CANON LOG CLIENT SEED
                                              one client: define, redefine,
                                              undefine and autostart its own
                                              domains until the connection
                                              dies; every call is logged
                                              before it is sent and when it
                                              is acknowledged
    crash-define-storm.py check URI CANON STATE LOGDIR BASE
                                              after a restart: every
                                              acknowledged change is there,
                                              the one in flight is either
                                              done or not, and the files in
                                              STATE are exactly those

BASE (JSON) holds what was found after the previous round; check rewrites
it.  Output of check: TAP-ready lines "ok ..."/"not ok ..." on stdout."""

import glob
import json
import os
import random
import sys
import time
import uuid as uuidmod

import libvirt

TEMPLATE = """<domain type='qemu'>
  <name>NAME</name>
  <uuid>UUID</uuid>
  <description>DESC</description>
  <memory>65536</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
  <devices><emulator>/bin/false</emulator></devices>
</domain>"""
# /bin/false as the emulator: autostart at each restart tries to start the
# marked domains, and must fail at once instead of running guests.
CANON_UUID = "00000000-0000-4000-8000-0000000000ff"


def silent(ctx, err):
    pass


libvirt.registerErrorHandler(silent, None)


def connect(uri, tries=100):
    for i in range(tries):
        try:
            return libvirt.open(uri)
        except libvirt.libvirtError:
            time.sleep(0.05)
    return libvirt.open(uri)


def render(canon, name, uuid, desc):
    return (canon.replace("CANON-NAME", name).replace(CANON_UUID, uuid)
            .replace("CANON-DESC", desc))


def cmd_canon(uri, out):
    conn = connect(uri)
    xml = TEMPLATE.replace("NAME", "CANON-NAME").replace("UUID", CANON_UUID)
    dom = conn.defineXML(xml.replace("DESC", "CANON-DESC"))
    canon = dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
    dom.undefine()
    with open(out, "w") as f:
        f.write(canon)


def cmd_storm(uri, canon_path, log_path, client, seed):
    canon = open(canon_path).read()
    rnd = random.Random("%s-%s" % (seed, client))
    log = open(log_path, "a")

    def note(**rec):
        log.write(json.dumps(rec) + "\n")
        log.flush()

    conn = connect(uri)
    names = ["c%s-d%d" % (client, j) for j in range(4)]
    # the state left by earlier rounds, as the daemon has it now
    state = {}
    for n in names:
        try:
            d = conn.lookupByName(n)
            state[n] = (True, d.UUIDString(), d.autostart() == 1)
        except libvirt.libvirtError:
            state[n] = (False, None, False)
    note(op="ready")
    seq = 0
    while True:
        n = rnd.choice(names)
        defined, uuid, auto = state[n]
        roll = rnd.random()
        seq += 1
        gen = "client %s op %d" % (client, seq)
        if not defined or roll < 0.45:
            uuid = uuid or str(uuidmod.UUID(int=rnd.getrandbits(128), version=4))
            op = dict(op="define", name=n, uuid=uuid, desc=gen)
        elif roll < 0.8:
            op = dict(op="undefine", name=n)
        else:
            op = dict(op="autostart", name=n, value=not auto)
        note(phase="sent", **op)
        try:
            if op["op"] == "define":
                conn.defineXML(render(canon, n, uuid, gen))
                state[n] = (True, uuid, auto if defined else False)
            elif op["op"] == "undefine":
                conn.lookupByName(n).undefine()
                state[n] = (False, None, False)
            else:
                conn.lookupByName(n).setAutostart(1 if op["value"] else 0)
                state[n] = (True, uuid, op["value"])
        except libvirt.libvirtError as e:
            note(phase="failed", code=e.get_error_code(), msg=str(e), **op)
            return
        note(phase="ack", **op)


def expected_states(base, logs):
    """name -> list of acceptable (defined, uuid, desc, autostart)."""
    cur = {}
    for n, st in base.items():
        cur[n] = tuple(st)
    unsure = {}
    for path in logs:
        pending = None
        for line in open(path):
            rec = json.loads(line)
            if rec.get("op") == "ready":
                continue
            n = rec["name"]
            old = cur.get(n, (False, None, None, False))
            if rec["op"] == "define":
                new = (True, rec["uuid"], rec["desc"],
                       old[3] if old[0] else False)
            elif rec["op"] == "undefine":
                new = (False, None, None, False)
            else:
                new = (old[0], old[1], old[2], rec["value"])
            if rec["phase"] == "sent":
                pending = (n, old, new)
            elif rec["phase"] == "ack":
                cur[n] = new
                pending = None
        if pending:
            n, old, new = pending
            unsure[n] = [old, new]
    out = {n: [st] for n, st in cur.items()}
    out.update(unsure)
    return out


def cmd_check(uri, canon_path, state_dir, logdir, base_path):
    canon = open(canon_path).read()
    base = json.load(open(base_path)) if os.path.exists(base_path) else {}
    logs = sorted(glob.glob(os.path.join(logdir, "*.log")))
    want = expected_states(base, logs)
    conn = connect(uri)
    problems = []
    found = {}
    nacks = sum(1 for p in logs for l in open(p) if '"ack"' in l)
    inflight = sum(1 for n in want if len(want[n]) > 1)

    for n in sorted(want):
        try:
            d = conn.lookupByName(n)
            xml = d.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
            st = (True, d.UUIDString(), None, d.autostart() == 1)
            for w in want[n]:
                if w[0] and w[1] == st[1] and w[3] == st[3] and \
                        xml == render(canon, n, w[1], w[2]):
                    st = (True, w[1], w[2], w[3])
                    break
        except libvirt.libvirtError as e:
            if e.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN:
                problems.append("%s: %s" % (n, e))
                continue
            st = (False, None, None, False)
        if st not in [tuple(w) for w in want[n]]:
            problems.append("%s is %s, acknowledged %s" % (n, st, want[n]))
        found[n] = st
    known = set(n for n in want)
    for d in conn.listAllDomains():
        if d.name() not in known:
            problems.append("unexpected domain %s" % d.name())

    # the folder holds exactly the definitions and their links
    qdir = os.path.join(state_dir, "qemu")
    files = set(os.listdir(qdir))
    wanted_files = set(n + ".xml" for n, st in found.items() if st[0])
    wanted_files.add("autostart")
    for f in sorted(files - wanted_files):
        problems.append("file left in %s: %s" % (qdir, f))
    for f in sorted(wanted_files - files):
        problems.append("file missing from %s: %s" % (qdir, f))
    adir = os.path.join(qdir, "autostart")
    links = set(os.listdir(adir)) if os.path.isdir(adir) else set()
    wanted_links = set(n + ".xml" for n, st in found.items() if st[3])
    for f in sorted(links ^ wanted_links):
        problems.append("autostart link %s %s" % (
            f, "left behind" if f in links else "missing"))
    for f in links & wanted_links:
        if not os.path.exists(os.path.join(adir, f)):
            problems.append("autostart link %s dangles" % f)

    with open(base_path, "w") as f:
        json.dump(found, f)
    ndef = sum(1 for st in found.values() if st[0])
    if problems:
        print("not ok - after restart: %d acknowledged changes, %d in flight"
              % (nacks, inflight))
        for p in problems[:20]:
            print("#   " + p)
        return 1
    print("ok - after restart: %d acknowledged changes all there, %d in "
          "flight settled, %d domains defined, no stray files"
          % (nacks, inflight, ndef))
    return 0


def main():
    cmd = sys.argv[1]
    if cmd == "canon":
        cmd_canon(*sys.argv[2:4])
    elif cmd == "storm":
        cmd_storm(*sys.argv[2:7])
    elif cmd == "check":
        return cmd_check(*sys.argv[2:7])
    return 0


if __name__ == "__main__":
    sys.exit(main())
