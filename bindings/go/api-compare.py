#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Compare `go doc -all` of libvirt-go (THEIRS) with ours (OURS): every
function and method both have must take and return the same types, and
every constant and type of libvirt-go's must be ours too.  Prints the
differences, then one summary line; fails on a difference or a missing
constant or type.  -m also lists the functions we do not have."""
import re
import sys

FUNC = re.compile(r"^func (\((\w+) \*?(\w+)\) )?(\w+)\((.*?)\) ?(.*)$")
CONST = re.compile(r"^\t([A-Z][A-Z0-9_]+)\s+=", re.M)
TYPE = re.compile(r"^type ([A-Z]\w*) ", re.M)


STRUCT = re.compile(r"^type (\w+) struct \{\n(.*?)^\}", re.S | re.M)


def names(path):
    """The exported constants and types of a `go doc -all`, and each
    struct's exported fields (name, type)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    structs = {}
    for m in STRUCT.finditer(text):
        structs[m.group(1)] = {tuple(w[:2]) for w in (
            line.split() for line in m.group(2).split("\n"))
            if len(w) >= 2 and not w[0].startswith("//")}
    return set(CONST.findall(text)), set(TYPE.findall(text)), structs


def funcs(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = FUNC.match(line.strip())
            if not m:
                continue
            types = []
            for p in [x.strip() for x in m.group(5).split(",")] \
                    if m.group(5) else []:
                words = p.split()
                types.append(words[-1] if len(words) > 1 else None)
            # "a, b string": a takes the type named after it
            last = None
            for i in range(len(types) - 1, -1, -1):
                if types[i] is None:
                    types[i] = last
                else:
                    last = types[i]
            out[(m.group(3) or "", m.group(4))] = (tuple(types),
                                                   m.group(6).strip())
    return out


def main(argv):
    theirs, ours = funcs(argv[1]), funcs(argv[2])
    same = diff = missing = 0
    for key, sig in sorted(theirs.items()):
        name = ".".join(k for k in key if k)
        if key not in ours:
            missing += 1
            if "-m" in argv:
                print(f"missing {name}")
        elif ours[key] == sig:
            same += 1
        else:
            diff += 1
            print(f"{name}: libvirt-go ({', '.join(sig[0])}) {sig[1]}; "
                  f"ours ({', '.join(t or '' for t in ours[key][0])}) "
                  f"{ours[key][1]}")
    tc, tt, ts = names(argv[1])
    oc, ot, os_ = names(argv[2])
    for c in sorted(tc - oc):
        print(f"missing constant {c}")
    for t in sorted(tt - ot):
        print(f"missing type {t}")
    fields = 0
    for name, f in sorted(ts.items()):
        for field in sorted(f - os_.get(name, set())):
            fields += 1
            print(f"{name}: missing or different field {' '.join(field)}")
    print(f"{same} of libvirt-go's {len(theirs)} functions with the same "
          f"signature, {diff} different, {missing} not bound yet; "
          f"{len(tc & oc)} of its {len(tc)} constants, "
          f"{len(tt & ot)} of its {len(tt)} types, the fields of "
          f"{len(ts) - len({n for n in ts if ts[n] - os_.get(n, set())})} "
          f"of its {len(ts)} structs")
    return 1 if diff or tc - oc or tt - ot or fields else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
