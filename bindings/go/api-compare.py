#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Compare `go doc -all` of libvirt-go (THEIRS) with ours (OURS): every
function and method both have must take and return the same types.
Prints the differences, then one summary line; fails on a difference.
-m also lists what libvirt-go has and we do not."""
import re
import sys

FUNC = re.compile(r"^func (\((\w+) \*?(\w+)\) )?(\w+)\((.*?)\) ?(.*)$")


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
    print(f"{same} of libvirt-go's {len(theirs)} functions with the same "
          f"signature, {diff} different, {missing} not bound yet")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
