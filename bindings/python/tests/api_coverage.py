# SPDX-License-Identifier: LGPL-2.1-or-later
# Every IDL function reaches Python or is skipped with its reason: reads the
# generator's coverage.tsv (libvirt) and coverage-MODULE.tsv beside it
# (libvirt_qemu, libvirt_lxc) and checks each entry against its module.  TAP.
import glob
import importlib
import os
import sys
import xml.etree.ElementTree as ET

rows = []
for path in sorted(glob.glob(os.path.join(os.path.dirname(sys.argv[1]),
                                          "coverage*.tsv"))):
    stem = os.path.basename(path)[:-len(".tsv")]
    module = importlib.import_module(stem.split("-", 1)[1]
                                     if "-" in stem else "libvirt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t") + [module])

n = 0
bad = 0
idl = {f.get("name") for f in ET.parse(sys.argv[2]).getroot()
       if f.tag == "function"}
listed = {r[0] for r in rows if r[0] != "-"}
n += 1
if idl == listed:
    print(f"ok {n} - coverage.tsv lists all {len(idl)} IDL functions")
else:
    print(f"not ok {n} - coverage.tsv and the IDL differ: missing "
          f"{sorted(idl - listed)[:10]}, unknown {sorted(listed - idl)[:10]}")

counts = {}
skipped = []
for func, how, cls, pyname, why, module in rows:
    counts[how] = counts.get(how, 0) + 1
    if how == "skipped":
        skipped.append((func, why))
        if not why.strip():
            bad += 1
            print(f"not ok - {func} is skipped without a reason")
        continue
    owner = getattr(module, cls) if cls else module
    if not hasattr(owner, pyname):
        bad += 1
        where = f"{cls}.{pyname}" if cls else pyname
        print(f"not ok - {func}: {where} is missing ({how})")

n += 1
print(f"{'not ok' if bad else 'ok'} {n} - every bound function is reachable "
      f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
for func, why in sorted(skipped):
    print(f"# skipped {func}: {why}")
print(f"1..{n}")
