# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests made from the IDL:

tests/gen/entry-checks.c  calls every generated entry point with a NULL
    handle, every write API on a read-only connection, and every API that
    knows its flags with an unknown bit, and checks the error each gives.
tests/gen/abi-dump.c  prints every struct size and member offset, enum value
    and numeric or string macro, so the same program built against
    libvirt's headers and against ours must print the same lines."""

import os
import re

from .. import writer
from . import render

TARGET = "targets/c_tests.py"

# Handles the checks can obtain on test:///default, by object.
HANDLE_SOURCES = {"virConnect", "virDomain", "virNetwork", "virStoragePool",
                  "virInterface", "virNodeDevice"}

NUMERIC_MACRO = re.compile(r"^[\s()0-9+*<>LUx-]+$")


def _scratch_arg(api, f, a):
    """An argument that passes the generated argument checks."""
    obj = api.object_of_ptr(a.type)
    if obj is not None:
        return f"h_{obj.short}" if obj.name in HANDLE_SOURCES else None
    if a.type == "const char *":
        return '""'
    if "*" in a.type or a.type.endswith("Ptr"):
        return f"({a.type})(void *)scratch"
    if any(c.arg == a.name and c.kind in ("positive", "nonzero")
           for c in f.checks):
        return "1"
    return "0"


def _entry_cases(api):
    cases = []
    for f in api.functions:
        if f.impl == "manual":
            continue
        obj = api.object_of_ptr(f.object_arg.type)
        void = f.ret.type == "void"
        null_args = ", ".join(["NULL"] + ["0"] * (len(f.args) - 1))
        case = dict(name=f.name, void=void, ret_type=f.ret.type,
                    error=f.ret.error, invalid=obj.invalid,
                    null_call=f"{f.name}({null_args})", ro_call=None,
                    flags_call=None, bad_flag=0, skip=None)
        have = obj.name in HANDLE_SOURCES
        if f.impl == "dispatch" and f.access == "rw":
            if have:
                args = [f"ro_{obj.short}"] + ["0"] * (len(f.args) - 1)
                case["ro_call"] = f"{f.name}({', '.join(args)})"
            else:
                case["skip"] = f"no {obj.name} handle on test:///default"
        fa = f.flags_arg
        if f.impl == "dispatch" and fa is not None and fa.flags != ["driver"]:
            mask = 0
            for e in fa.flags:
                if e != "none":
                    mask |= api.enum(e).mask()
            free_bits = [b for b in range(32) if not mask & (1 << b)]
            args = [_scratch_arg(api, f, a) for a in f.args]
            if free_bits and None not in args:
                bad = 1 << free_bits[-1]
                args[f.args.index(fa)] = f"{bad:#x}U"
                case["flags_call"] = f"{f.name}({', '.join(args)})"
                case["bad_flag"] = bad
            elif None in args and not case["skip"]:
                case["skip"] = f"no {obj.name} handle on test:///default"
        cases.append(case)
    return cases


def _abi_items(api):
    structs = []
    for s in api.structs:
        if s.opaque or s.tag != "_" + s.name:
            continue
        fields = []
        for fl in s.fields:
            m = re.match(r".*?(\w+)\s*\[", fl.type)
            fields.append(m.group(1) if m else fl.name)
        structs.append(dict(name=s.name, fields=fields))
    enums = [v.name for e in api.enums for v in e.values]
    numeric = [m.name for m in api.macros
               if not m.params and m.string is None and m.value
               and NUMERIC_MACRO.match(m.value)]
    strings = [m.name for m in api.macros if m.string is not None]
    return structs, enums, numeric, strings


def generate(api, outdir):
    cases = _entry_cases(api)
    handles = sorted(o.short for o in api.objects
                     if o.name in HANDLE_SOURCES and o.name != "virConnect")
    text = writer.banner("c", TARGET) + render("c_tests/entry-checks.c.j2",
                                               cases=cases, handles=handles)
    writer.write(os.path.join(outdir, "tests", "gen", "entry-checks.c"), text)
    structs, enums, numeric, strings = _abi_items(api)
    for lib in api.libraries:
        more = _abi_items(lib)
        for have, add in zip((structs, enums, numeric, strings), more):
            have += add
    text = writer.banner("c", TARGET) + render(
        "c_tests/abi-dump.c.j2", structs=structs, enums=enums,
        numeric=numeric, strings=strings,
        headers=[h.name for lib in api.libraries for h in lib.headers])
    writer.write(os.path.join(outdir, "tests", "gen", "abi-dump.c"), text)
