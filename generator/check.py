# SPDX-License-Identifier: LGPL-2.1-or-later
"""Semantic checks on the model; every problem is reported with file:line."""

import re

from .naming import RESERVED_WORDS

C_BASE_TYPES = {
    "void", "char", "int", "long", "short", "double", "float", "size_t",
    "ssize_t", "unsigned", "signed", "const", "long long", "int64_t",
    "uint64_t", "uint32_t",
}


def version_key(v):
    return tuple(int(x) for x in v.split("."))


def _base_type(t):
    t = re.sub(r"\[.*\]", "", t)
    t = t.replace("*", " ").replace("const", " ")
    words = [w for w in t.split() if w not in ("unsigned", "signed", "long",
                                               "short", "int", "struct")]
    return words[-1] if words else "int"


def check(api):
    errors = []

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    top = version_key(api.version)
    names = {}
    known_types = set(C_BASE_TYPES)

    def declare(kind, item):
        if item.name in names:
            err(item.where, f"duplicate name '{item.name}' (first defined "
                f"at {names[item.name]})")
        else:
            names[item.name] = item.where

    def since_ok(item, floor=None):
        try:
            v = version_key(item.since)
        except ValueError:
            err(item.where, f"'since' of {item.name} is not a version: "
                f"{item.since!r}")
            return
        if v > top:
            err(item.where, f"'since' of {item.name} ({item.since}) is after "
                f"the API version {api.version}")
        if floor and v < version_key(floor):
            err(item.where, f"'since' of {item.name} ({item.since}) goes "
                f"backwards: its parent is since {floor}")

    for s in api.structs:
        known_types.add(s.name)
        known_types.add(s.tag)
    for t in api.typedefs:
        known_types.add(t.name)
    for e in api.enums:
        known_types.add(e.name)
    for c in api.callbacks:
        known_types.add(c.name)

    for kind in ("macros", "enums", "typedefs", "structs", "variables",
                 "callbacks", "functions"):
        for item in getattr(api, kind):
            declare(kind, item)
            since_ok(item)

    for e in api.enums:
        for v in e.values:
            declare("enum value", v)
            since_ok(v, e.since)
            if e.kind == "flags" and not v.sentinel and \
                    not (-(1 << 31) <= v.value < (1 << 32)):
                err(v.where, f"flag {v.name} = {v.value} does not fit in "
                    f"32 bits")

    procs = {}
    for f in api.functions:
        if f.proc is not None:
            if f.proc in procs:
                err(f.where, f"procedure number {f.proc} of {f.name} is "
                    f"already used by {procs[f.proc]}")
            procs[f.proc] = f.name
        for a in f.args + [f.ret]:
            t = _base_type(a.type)
            if t not in known_types:
                err(getattr(a, "where", None) or f.where,
                    f"unknown type '{a.type}' in {f.name}")
        for a in f.args:
            if a.name in RESERVED_WORDS and (not a.safe_name or
                                             a.safe_name in RESERVED_WORDS):
                err(a.where, f"argument name '{a.name}' of {f.name} is a "
                    f"reserved word in a target language and has no "
                    f"usable safe-name")
            for fl in a.flags or []:
                if fl not in ("none", "driver") and api.enum(fl) is None:
                    err(a.where, f"{f.name}: flags enum '{fl}' is unknown")
        if f.impl == "dispatch" and not f.driver:
            err(f.where, f"{f.name} dispatches but names no driver")
        if f.impl == "manual" and not f.reason:
            err(f.where, f"{f.name} is hand-written but gives no <reason>")
        if f.impl != "manual" and f.object_arg is None:
            err(f.where, f"{f.name}: impl '{f.impl}' needs an object argument")
        for arg, how, consts in f.readonly_when:
            if arg not in [a.name for a in f.args]:
                err(f.where, f"{f.name}: readonly-when names unknown "
                    f"argument '{arg}'")
            for n in consts:
                if not any(v.name == n for e in api.enums for v in e.values):
                    err(f.where, f"{f.name}: read-only constant {n} is "
                        f"unknown")
    for c in api.callbacks:
        for a in c.args + [c.ret]:
            if _base_type(a.type) not in known_types:
                err(c.where, f"unknown type '{a.type}' in callback {c.name}")
    return errors
