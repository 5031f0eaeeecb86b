#!/usr/bin/env python3
# make-seeds.py: (re)make the seed corpora tests/fuzz/corpus/NAME/ from the
# test data, at most 60 small files per target.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Run from anywhere: python3 tests/fuzz/make-seeds.py.  Files whose names
# start with "crash-" or "timeout-" are regression inputs found by fuzzing
# and are kept (they count towards the 60); everything else in a corpus
# folder is replaced.  The input
# formats of fuzz-storagevol and fuzz-rpc (a leading selector) are
# described in those targets.

import glob
import os
import re
import shlex
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(TOP, "tests", "data")
CORPUS = os.path.join(HERE, "corpus")
MAX_FILES = 60
MAX_SIZE = 16 * 1024


def spread(items, n):
    """n items taken evenly over a sorted list (all of them if it is short)."""
    items = sorted(items)
    if len(items) <= n:
        return items
    return [items[i * len(items) // n] for i in range(n)]


KEPT = ("crash-", "timeout-", "leak-", "oom-")


def reset(name):
    """Empty a corpus folder but for the regression inputs, and set
    MAX_FILES to the number of seeds that still fit."""
    global MAX_FILES
    d = os.path.join(CORPUS, name)
    os.makedirs(d, exist_ok=True)
    kept = 0
    for f in os.listdir(d):
        if f.startswith(KEPT):
            kept += 1
        else:
            os.unlink(os.path.join(d, f))
    MAX_FILES = 60 - kept
    return d


def write(d, fname, data):
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, fname), "wb") as f:
        f.write(data)


def inputs(area, pattern="*.xml"):
    """Input documents of a data folder: not the expected outputs."""
    out = []
    for p in glob.glob(os.path.join(DATA, area, pattern)):
        b = os.path.basename(p)
        if ".out" in b or os.path.getsize(p) > MAX_SIZE:
            continue
        out.append(p)
    return sorted(out)


def xml_corpus(name, area, pattern="*.xml", good_share=0.75):
    d = reset(name)
    files = inputs(area, pattern)
    bad = [p for p in files if p.endswith("-bad.xml")]
    good = [p for p in files if p not in bad]
    ngood = min(len(good), int(MAX_FILES * good_share))
    chosen = spread(good, ngood) + spread(bad, MAX_FILES - ngood)
    for p in chosen:
        write(d, os.path.basename(p), open(p, "rb").read())
    return len(chosen)


def storagevol():
    # the pools of fuzz-storagevol.c, by the selector byte
    pools = {"dir": "0", "logical": "1", "disk": "2", "rbd": "3",
             "gluster": "4", "iscsi": "5"}
    d = reset("storagevol")
    files = inputs("storage", "vol-*.xml")
    n = 0
    for p in files:
        xml = open(p).read()
        m = re.match(r"\s*<!--\s*pool:\s*pool-(\w+)", xml)
        kind = m.group(1) if m else "dir"
        write(d, os.path.basename(p), pools.get(kind, "0") + xml)
        n += 1
    # the good ones once more in the pools without volume formats or
    # with network volumes
    extra = [p for p in files if not p.endswith("-bad.xml")]
    others = ["3", "4", "5", "1"]
    for i, p in enumerate(spread(extra, MAX_FILES - n)):
        sel = others[i % len(others)]
        base = os.path.basename(p)[:-4]
        write(d, "%s.pool%s.xml" % (base, sel), sel + open(p).read())
        n += 1
    return n


def c_strings(text):
    return [bytes(s, "ascii").decode("unicode_escape")
            for s in re.findall(r'"((?:[^"\\]|\\.)*)"', text)]


def uri():
    d = reset("uri")
    src = open(os.path.join(TOP, "tests", "util-uri-test.c")).read()
    cases = src[src.index("cases[] = {"):]
    cases, rest = cases.split("\n};", 1)
    seeds = [m for m in re.findall(r'\{ "((?:[^"\\]|\\.)*)",', cases)]
    bad = rest[rest.index("badUris[] = {"):].split("};", 1)[0]
    seeds += c_strings(bad)
    seen = []
    for s in seeds:
        if s not in seen:
            seen.append(s)
    for i, s in enumerate(seen[:MAX_FILES]):
        write(d, "uri-%02d" % i, s)
    return min(len(seen), MAX_FILES)


def conf():
    d = reset("conf")
    files = sorted(glob.glob(os.path.join(DATA, "qemuconf", "*.conf")))
    for p in spread(files, MAX_FILES):
        write(d, os.path.basename(p), open(p, "rb").read())
    return min(len(files), MAX_FILES)


def read_hex(path):
    out = bytearray()
    for line in open(path):
        line = line.split("#", 1)[0]
        out += bytes.fromhex("".join(line.split()))
    return bytes(out)


def rpc():
    d = reset("rpc")
    frames = []
    for p in sorted(glob.glob(os.path.join(DATA, "rpc", "*", "*.hex"))):
        frames.append((os.path.basename(os.path.dirname(p)),
                       os.path.basename(p)[:-4], read_hex(p)))
    n = 0
    # whole frames (mode 3), two thirds of the budget
    for folder, base, f in spread(frames, MAX_FILES * 2 // 3):
        write(d, "frame-%s-%s" % (folder, base), b"\x03" + f)
        n += 1
    # payloads of distinct procedures (modes 0 and 1), from the rest
    seen = set()
    for folder, base, f in frames:
        if n >= MAX_FILES or len(f) < 28:
            break
        prog, vers, proc, mtype, serial, status = struct.unpack(">IIiIII", f[4:28])
        if prog != 0x20008086 or status != 0 or mtype not in (0, 1):
            continue
        if (proc, mtype) in seen:
            continue
        seen.add((proc, mtype))
        mode = 0 if mtype == 0 else 1
        write(d, "payload-%s-%s" % (folder, base),
              bytes([mode]) + struct.pack(">H", proc) + f[28:])
        n += 1
    return n


GLOBAL_WITH_ARG = {"-c", "--connect", "-d", "--debug", "-e", "--escape",
                   "-k", "--keepalive-interval", "-K", "--keepalive-count",
                   "-l", "--log"}


def vsh():
    d = reset("vsh")
    words_list = []
    for p in sorted(glob.glob(os.path.join(DATA, "vsh", "*.cmd"))):
        text = open(p).read().strip().replace("@DATA@", "/data")
        try:
            words = shlex.split(text)
        except ValueError:
            continue
        i = 0
        while i < len(words) and words[i].startswith("-"):
            w = words[i]
            i += 2 if w in GLOBAL_WITH_ARG else 1
        words = words[i:]
        if words:
            words_list.append((os.path.basename(p)[:-4], words))
    n = 0
    # command strings (the interactive form), two thirds of the budget
    for base, words in spread(words_list, MAX_FILES * 2 // 3):
        s = words[0] if len(words) == 1 else shlex.join(words)
        write(d, base + ".line", s)
        n += 1
    # argv vectors, NUL-separated, from the cases with several words
    multi = [(b, w) for b, w in words_list if len(w) > 1]
    for base, words in spread(multi, MAX_FILES - n):
        write(d, base + ".argv", "\0".join(words))
        n += 1
    return n


def checkpoint():
    """Byte 0: flags (see fuzz-checkpoint.c), then a <domaincheckpoint>."""
    d = reset("checkpoint")
    docs = [p for p in inputs("vsh", "ckpt-*.xml")]
    docs += [p for p in inputs("testdriver") if "<domaincheckpoint" in open(p).read()[:200]]
    n = 0
    for i, p in enumerate(spread(docs, MAX_FILES)):
        flags = (0, 1, 2, 3, 6, 7)[i % 6]
        write(d, os.path.basename(p), bytes([flags]) + open(p, "rb").read())
        n += 1
    return n


def snapshot():
    """Byte 0: flags (see fuzz-snapshot.c), then a <domainsnapshot>."""
    d = reset("snapshot")
    docs = []
    for area in ("testdriver", "vsh"):
        for p in inputs(area) + [q for q in glob.glob(os.path.join(DATA, area, "*.out.xml"))
                                 if os.path.getsize(q) <= MAX_SIZE]:
            head = open(p).read()[:300]
            if "<domainsnapshot" in head and p not in docs:
                docs.append(p)
    n = 0
    for i, p in enumerate(spread(docs, MAX_FILES)):
        flags = (0x00, 0x03, 0x04, 0x07, 0x14, 0x2f, 0x34)[i % 7]
        write(d, os.path.basename(p), bytes([flags]) + open(p, "rb").read())
        n += 1
    return n


# (command, section, snippet): virNetworkUpdate's codes, modify 1,
# delete 2, add-last 3, add-first 4
NETUPDATE = [
    (3, 4, "<host mac='00:16:3e:77:e2:ee' name='bar' ip='192.168.122.11'/>"),
    (1, 4, "<host mac='00:16:3e:77:e2:ed' name='foo2' ip='192.168.122.12'/>"),
    (2, 4, "<host mac='00:16:3e:77:e2:ed'/>"),
    (4, 4, "<host id='0:1:00:16:3e:77:e2:ed' name='v6b' ip='2001:db8:ca2:2:3::2'/>"),
    (3, 5, "<range start='192.168.122.100' end='192.168.122.110'/>"),
    (2, 5, "<range start='192.168.122.2' end='192.168.122.254'/>"),
    (4, 5, "<range start='2001:db8:ca2:2:1::100' end='2001:db8:ca2:2:1::1ff'/>"),
    (3, 7, "<interface dev='eth2'/>"),
    (2, 7, "<interface dev='eth0'/>"),
    (3, 9, "<portgroup name='pg3'><vlan><tag id='42'/></vlan></portgroup>"),
    (1, 9, "<portgroup name='pg1' default='no'><bandwidth><inbound average='1000'/></bandwidth></portgroup>"),
    (2, 9, "<portgroup name='pg2'/>"),
    (3, 10, "<host ip='192.168.122.3'><hostname>h2</hostname><hostname>h3</hostname></host>"),
    (2, 10, "<host ip='192.168.122.2'/>"),
    (3, 11, "<txt name='t2' value='v2'/>"),
    (2, 11, "<txt name='t1'/>"),
    (3, 12, "<srv service='ldap' protocol='udp' domain='x.org' target='l.x.org' port='389'/>"),
    (2, 12, "<srv service='name' protocol='tcp'/>"),
    (1, 1, "<bridge name='virbr1'/>"),
    (1, 2, "<domain name='other.org'/>"),
    (1, 3, "<ip address='10.0.0.1' prefix='24'/>"),
    (1, 6, "<forward mode='route'/>"),
    (1, 8, "<pf dev='eth3'/>"),
    (0, 4, "<host mac='00:16:3e:77:e2:ee'/>"),
    (3, 13, "<x/>"),
]


def netupdate():
    """command, section, parent index, then the snippet."""
    d = reset("netupdate")
    n = 0
    for i, (cmd, sec, xml) in enumerate(NETUPDATE[:MAX_FILES]):
        parent = (255, 0, 1)[i % 3] if sec in (4, 5) else 255
        write(d, "update-%02d-s%d-c%d" % (i, sec, cmd),
              bytes([cmd, sec, parent]) + xml.encode())
        n += 1
    return n


DAEMONCONF = [
    "",
    'unix_sock_dir = "/run/x"\nunix_sock_rw_perms = "0770"\nauth_unix_rw = "none"\n'
    'auth_unix_ro = "none"\nlisten_tcp = 0\nlisten_tls = 0\n',
    'listen_tcp = 1\nauth_tcp = "sasl"\ntcp_port = "16509"\nlisten_addr = "0.0.0.0"\n',
    'listen_tls = 1\nauth_tls = "none"\ntls_port = "16514"\nkey_file = "/k"\n'
    'cert_file = "/c"\nca_file = "/ca"\ncrl_file = "/crl"\n'
    'tls_allowed_dn_list = ["C=GB,O=x,CN=*", "CN=y"]\ntls_no_verify_certificate = 1\n'
    'tls_priority = "NORMAL"\n',
    'max_clients = 5000\nmax_anonymous_clients = 20\nmin_workers = 5\nmax_workers = 20\n'
    'prio_workers = 5\nmax_client_requests = 5\nkeepalive_interval = -1\n'
    'keepalive_count = 5\n',
    'log_level = 3\nlog_filters = "1:qemu 3:remote"\nlog_outputs = "3:stderr"\n',
    'unix_sock_ro_perms = "9999"\n',
    'tcp_port = "0"\n',
    'max_workers = -1\n',
    'unix_sock_group = "libvirt"\nauth_unix_rw = "polkit"\n',
    'keepalive_interval = 99999999999\n',
]


def daemonconf():
    """Byte 0: bit 0 root, bit 1 --listen; then virtkitd.conf."""
    d = reset("daemonconf")
    n = 0
    for i, text in enumerate(DAEMONCONF[:MAX_FILES]):
        write(d, "conf-%02d" % i, bytes([i % 4]) + text.encode())
        n += 1
    return n


def dispatch():
    """Records (flags, procedure, length, payload) from the captured
    client-to-server calls, CONNECT_OPEN left out (the target sends it)."""
    d = reset("dispatch")
    calls = {}
    for p in sorted(glob.glob(os.path.join(DATA, "rpc", "*", "*.hex"))):
        f = read_hex(p)
        if len(f) < 28:
            continue
        prog, vers, proc, mtype, serial, status = struct.unpack(">IIiIII", f[4:28])
        if prog != 0x20008086 or mtype != 0 or proc == 1:
            continue
        calls.setdefault(os.path.basename(os.path.dirname(p)), []).append(
            (proc, f[28:]))

    def record(proc, payload, flags=0):
        return bytes([flags]) + struct.pack(">HH", proc, len(payload)) + payload

    n = 0
    # each captured session as one input, then single calls
    for folder, lst in sorted(calls.items()):
        write(d, "session-" + folder, b"".join(record(p, a) for p, a in lst))
        n += 1
    single = []
    for lst in calls.values():
        single += lst
    seen = set()
    for proc, args in single:
        if n >= MAX_FILES - 3:
            break
        if proc in seen:
            continue
        seen.add(proc)
        write(d, "call-%d" % proc, record(proc, args))
        n += 1
    write(d, "raw-garbage", b"\xff\x00\x00\x00\x1c\x20\x00\x80\x86")
    write(d, "keepalive-ping", record(1, b"", 0x0a))
    # a length word promising 2.9 MB that never come (the target once
    # waited for them: it now shuts its sending side down in raw mode)
    write(d, "raw-half-frame", b"\xff\x00\x2d\x00\x01\x00\x00")
    return n + 3


def main():
    """Every corpus, or only those named on the command line."""
    import sys
    makers = {
        "domain": lambda: xml_corpus("domain", "domain"),
        "network": lambda: xml_corpus("network", "network"),
        "storagepool": lambda: xml_corpus("storagepool", "storage", "pool-*.xml"),
        "storagevol": storagevol,
        "nodedev": lambda: xml_corpus("nodedev", "nodedev"),
        "uri": uri,
        "conf": conf,
        "rpc": rpc,
        "vsh": vsh,
        "checkpoint": checkpoint,
        "snapshot": snapshot,
        "netupdate": netupdate,
        "daemonconf": daemonconf,
        "dispatch": dispatch,
    }
    for name in sys.argv[1:] or list(makers):
        print("%-12s %d seeds" % (name, makers[name]()))


if __name__ == "__main__":
    main()
