#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""How much a call through the Python binding costs: dom.info() calls per
second on test:///default, through virtkit's binding on virtkit's library
and through Debian's python3-libvirt on libvirt 9.0, in one run.

    bench/python-calls.py [--build DIR] [--seconds S] [--rounds N]

DIR is a virtkit build tree (default: the current directory, or
$abs_top_builddir).  Each figure is measured in a fresh interpreter, the
best of N rounds of S seconds.  The two mixed pairs (each binding on the
other library) are printed too: they tell the binding's share from the
library's.  Not a test: the figures depend on the machine."""

import argparse
import json
import os
import subprocess
import sys

# Run in each child: count dom.info() calls for a while, several times.
CHILD = r"""
import json, sys, time
import libvirt
seconds, rounds = float(sys.argv[1]), int(sys.argv[2])
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
info = dom.info
maps = open("/proc/self/maps").read()
lib = next((l.split()[-1] for l in maps.splitlines()
            if "/libvirt.so" in l), "?")
best = 0.0
for _ in range(rounds):
    n = 0
    start = time.perf_counter()
    end = start + seconds
    while True:
        for _ in range(1000):
            info()
        n += 1000
        now = time.perf_counter()
        if now >= end:
            break
    best = max(best, n / (now - start))
print(json.dumps({"rate": best, "module": libvirt.__file__, "lib": lib}))
"""


def measure(env, seconds, rounds):
    out = subprocess.run([sys.executable, "-c", CHILD, str(seconds),
                          str(rounds)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default=os.environ.get("abs_top_builddir",
                                                     "."))
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()

    build = os.path.abspath(a.build)
    ours_py = [os.path.join(build, "bindings", "python", ".libs"),
               os.path.join(build, "bindings", "python", "gen")]
    ours_lib = os.path.join(build, ".libs")
    if not os.path.exists(os.path.join(ours_py[1], "libvirt.py")):
        sys.exit(f"{build} is not a virtkit build tree (no "
                 "bindings/python/gen/libvirt.py): pass --build")

    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "LD_LIBRARY_PATH", "LD_PRELOAD")}
    system_lib = "/usr/lib/x86_64-linux-gnu"
    runs = {
        "virtkit binding on virtkit": dict(
            base, PYTHONPATH=os.pathsep.join(ours_py),
            LD_LIBRARY_PATH=ours_lib),
        "python3-libvirt on libvirt 9.0": dict(base),
        "virtkit binding on libvirt 9.0": dict(
            base, PYTHONPATH=os.pathsep.join(ours_py),
            LD_LIBRARY_PATH=system_lib),
        "python3-libvirt on virtkit": dict(base, LD_LIBRARY_PATH=ours_lib),
    }
    results = {}
    for label, env in runs.items():
        r = measure(env, a.seconds, a.rounds)
        results[label] = r
        print(f"{label:32} {r['rate']:12,.0f} calls/s   "
              f"({r['module']} on {r['lib']})")
    ours = results["virtkit binding on virtkit"]["rate"]
    theirs = results["python3-libvirt on libvirt 9.0"]["rate"]
    print(f"\ndom.info() on test:///default: virtkit {ours:,.0f} calls/s, "
          f"libvirt 9.0 + python3-libvirt {theirs:,.0f} calls/s, "
          f"ratio {ours / theirs:.2f}")


if __name__ == "__main__":
    main()
