# SPDX-License-Identifier: LGPL-2.1-or-later
"""Entry point: python3 -m generator --idl IDL --outdir DIR TARGET...

Each target writes its files below --outdir (the build directory) and
prints nothing on success.  --list prints the files a target writes, so
the Makefile and `make dist` can know them."""

import argparse
import importlib
import sys

from . import check, load

TARGETS = ["c_header", "c_driver", "c_entry", "c_symfile", "c_tests",
           "api_xml", "docs", "rpc_xdr", "python", "rpc_remote", "go", "perl",
           "php", "ocaml", "java"]


def main(argv=None):
    p = argparse.ArgumentParser(prog="generator")
    p.add_argument("--idl", required=True)
    p.add_argument("--outdir", required=True)
    p.add_argument("--check-only", action="store_true")
    p.add_argument("targets", nargs="*")
    a = p.parse_args(argv)

    try:
        api = load.load(a.idl)
    except load.IdlError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    errors = check.check(api)
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        return 1
    if a.check_only:
        return 0
    api.split_libraries()
    for t in a.targets or TARGETS:
        if t not in TARGETS:
            print(f"error: unknown target '{t}'", file=sys.stderr)
            return 1
        mod = importlib.import_module(f".targets.{t}", __package__)
        mod.generate(api, a.outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
