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


def main():
    counts = {
        "domain": xml_corpus("domain", "domain"),
        "network": xml_corpus("network", "network"),
        "storagepool": xml_corpus("storagepool", "storage", "pool-*.xml"),
        "storagevol": storagevol(),
        "nodedev": xml_corpus("nodedev", "nodedev"),
        "uri": uri(),
        "conf": conf(),
        "rpc": rpc(),
        "vsh": vsh(),
    }
    for name, n in counts.items():
        print("%-12s %d seeds" % (name, n))


if __name__ == "__main__":
    main()
