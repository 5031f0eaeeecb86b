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

    for m in api.macros:
        if m.string is None and not m.value:
            err(m.where, f"macro {m.name} has no value")

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
        argnames = [a.name for a in f.args]
        for c in f.checks:
            if c.arg not in argnames or (c.len and c.len not in argnames):
                err(c.where, f"{f.name}: check names an unknown argument")
            for n in c.bits + c.needs:
                if not any(v.name == n for e in api.enums for v in e.values):
                    err(c.where, f"{f.name}: check names unknown flag {n}")
        for i, u in enumerate(f.unsupported):
            if not u.bits and i != len(f.unsupported) - 1:
                err(u.where, f"{f.name}: an unsupported rule without flags "
                    f"must come last")
            if u.arg and u.arg not in argnames:
                err(u.where, f"{f.name}: unsupported names an unknown "
                    f"argument")
            for n in u.bits:
                if not any(v.name == n for e in api.enums for v in e.values):
                    err(u.where, f"{f.name}: unsupported names unknown "
                        f"flag {n}")
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
    errors += check_wire(api)
    return errors


# Base words of the wire description (see model.WireMember).
WIRE_BASE = {"int", "uint", "hyper", "uhyper", "char", "uchar", "short",
             "ushort", "double", "float", "bool", "string", "opaque"}


def check_wire(api):
    """The RPC description: types defined before use, counts that resolve,
    procedures with unique numbers whose payload types and C functions
    exist."""
    errors = []

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    consts = {}
    for c in api.wire_consts:
        if c.name in consts:
            err(c.where, f"duplicate wire constant '{c.name}'")
        consts[c.name] = c.value

    def shape(m, owner):
        """One value's type and counts; returns False if it is unusable."""
        what = f"{owner}.{m.name}" if m.name else owner
        if m.type not in WIRE_BASE and m.type not in defined:
            err(m.where, f"{what}: unknown wire type '{m.type}'"
                + (" (used before it is defined)"
                   if api.wire_type(m.type) else ""))
        for attr in ("size", "max"):
            v = getattr(m, attr)
            if v is not None and not v.isdigit() and v not in consts:
                err(m.where, f"{what}: {attr} '{v}' is neither a number nor "
                    f"a wire constant")
        if m.type == "string" and (m.max is None or m.size is not None):
            err(m.where, f"{what}: a string needs max= and no size=")
        if m.type == "opaque" and m.max is None and m.size is None:
            err(m.where, f"{what}: opaque needs size= or max=")
        if m.optional and (m.size or m.max) and m.type != "string":
            err(m.where, f"{what}: an optional value cannot be an array")

    defined = {}
    for t in api.wire_types:
        if t.name in defined or t.name in WIRE_BASE:
            err(t.where, f"duplicate wire type '{t.name}'")
        if t.kind == "alias":
            if t.alias is None:
                err(t.where, f"alias {t.name} has no type")
            else:
                shape(t.alias, t.name)
        elif t.kind == "enum":
            seen = set()
            for n, v in t.items:
                if v in seen:
                    err(t.where, f"enum {t.name}: value {v} is used twice")
                seen.add(v)
            if not t.items:
                err(t.where, f"enum {t.name} has no items")
        elif t.kind in ("struct", "union"):
            if not t.members:
                err(t.where, f"{t.kind} {t.name} has no members")
            names = set()
            for m in t.members:
                if m.name in names:
                    err(m.where, f"{t.name}: member '{m.name}' twice")
                names.add(m.name)
                shape(m, t.name)
            if t.kind == "union":
                d = t.discriminant
                dt = api.wire_type(d.type) if d else None
                if d is None or not (d.type in ("int", "uint") or
                                     (dt and dt.kind == "enum")):
                    err(t.where, f"union {t.name}: the discriminant must be "
                        f"int, uint or an enum")
                cases = [m.case for m in t.members]
                if None in cases:
                    err(t.where, f"union {t.name}: every arm needs case=")
                elif len(set(cases)) != len(cases):
                    err(t.where, f"union {t.name}: a case value is repeated")
            elif any(m.case is not None for m in t.members):
                err(t.where, f"struct {t.name}: case= outside a union")
        else:
            err(t.where, f"wire type {t.name}: unknown kind '{t.kind}'")
        defined[t.name] = t

    programs = {}
    for p in api.wire_programs:
        if p.name in programs:
            err(p.where, f"duplicate wire program '{p.name}'")
        programs[p.name] = p

    functions = {f.name: f for f in api.functions}
    numbers = {}
    names = {}
    served = {}
    for pr in api.procedures:
        if pr.program not in programs:
            err(pr.where, f"{pr.name}: unknown program '{pr.program}'")
        key = (pr.program, pr.number)
        if key in numbers:
            err(pr.where, f"procedure number {pr.number} of {pr.name} is "
                f"already used by {numbers[key]}")
        numbers[key] = pr.name
        if pr.name in names:
            err(pr.where, f"duplicate procedure name '{pr.name}'")
        names[pr.name] = pr
        for part in ("args", "ret", "msg"):
            t = getattr(pr, part)
            if t is not None and t not in defined:
                err(pr.where, f"{pr.name}: {part} type '{t}' is not a wire "
                    f"type")
        if pr.kind == "call" and pr.msg:
            err(pr.where, f"{pr.name}: a call has no msg= payload")
        if pr.kind == "message" and (pr.args or pr.ret or pr.stream):
            err(pr.where, f"{pr.name}: a message has only a msg= payload")
        if pr.handwritten not in (None, "both", "client", "server"):
            err(pr.where, f"{pr.name}: handwritten must be both, client or "
                f"server")
        if (pr.handwritten is None) != (pr.reason is None):
            err(pr.where, f"{pr.name}: handwritten= and <reason> go "
                f"together")
        if (pr.stream is None) != (pr.stream_arg is None):
            err(pr.where, f"{pr.name}: stream= and stream-arg= go together")
        for fn in ([pr.implements] if pr.implements else []) + pr.also:
            if pr.private and fn == pr.implements:
                continue
            if fn not in functions:
                err(pr.where, f"{pr.name}: implements unknown function "
                    f"'{fn}'")
            else:
                served.setdefault(fn, []).append(pr.number)
    # A function's proc= must name a remote procedure that serves it.
    if api.procedures:
        for f in api.functions:
            if f.proc is not None and f.proc not in served.get(f.name, []):
                err(f.where, f"{f.name}: proc {f.proc} is not a procedure "
                    f"that implements it")
    return errors
