# SPDX-License-Identifier: LGPL-2.1-or-later
"""src/gen/entry.c: every public function that is not hand-written.

A dispatching entry point follows libvirt's checklist: reset the error,
check the handle, refuse writes on a read-only connection, check required
arguments and flag rules (exclusive, one requiring another), reject unknown
flag bits, find the driver callback, make paths absolute and add flags the
driver is owed (string typed parameters), call it and dispatch the error on
failure.  Local accessors (ref, free, getters) read
the handle itself."""

import os

from .. import writer
from ..naming import DRIVER_MEMBERS, c_decl, driver_field
from . import render

TARGET = "targets/c_entry.py"

# What a local accessor returns, by kind: a member of the handle struct.
GETTER_FIELDS = {
    "get-name": "name", "get-id": "id", "get-mac": "mac", "get-key": "key",
    "get-usage-type": "usageType", "get-usage-id": "usageID",
    "get-parent": "parentName", "get-network": "net",
    "get-portdev": "portdev", "get-filtername": "filtername",
}

ERROR_TESTS = {"-1": "ret < 0", "NULL": "!ret", "0": "ret == 0",
               "(unsigned int)-1": "ret == (unsigned int)-1"}


def _c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _check(cond, code, domain, detail):
    return dict(cond=cond, code=code, domain=domain, detail=_c_string(detail))


def _arg_checks(api, f, conn):
    """Checks after the handle: read-only, required args, flags."""
    domain = api.header(f.file).error_domain
    checks = []
    name = f.name
    if f.access == "rw":
        checks.append(_check(f"{conn}->flags & VIR_CONNECT_RO",
                             "VIR_ERR_OPERATION_DENIED", domain,
                             f"read only access prevents {name}"))
    for arg, how, consts in f.readonly_when:
        if how == "bits":
            test = f"({arg} & ({' | '.join(consts)}))"
        else:
            test = "(" + " || ".join(f"{arg} == {c}" for c in consts) + ")"
        # The detail is a format string.
        detail = (f.readonly_message or
                  f"read only access prevents {name}").replace("%", "%%")
        checks.append(_check(f"({conn}->flags & VIR_CONNECT_RO) && {test}",
                             "VIR_ERR_OPERATION_DENIED", domain, detail))
    # Other handles must be valid when given; whether NULL is allowed is up
    # to the checks below.
    nonnull = {c.arg for c in f.checks if c.kind == "nonnull"}
    for a in f.args[1:]:
        obj = api.object_of_ptr(a.type)
        if obj is not None:
            test = f"!virObjectIs{obj.short}({a.name})"
            if a.name not in nonnull:
                test = f"{a.name} && {test}"
            checks.append(_check(test, obj.invalid,
                                 obj.error_domain or domain, name))
    for c in f.checks:
        if api.object_of_ptr(_arg_type(f, c.arg)) is not None or \
                c.kind in ("absolute-path", "add-flags"):
            continue
        checks.append(_arg_check(f, c, domain))
    fa = f.flags_arg
    if fa is not None and fa.flags != ["driver"]:
        mask = 0
        for e in fa.flags:
            if e != "none":
                mask |= api.enum(e).mask()
        # Flags an entry point adds are known to the next one (a daemon
        # calls the API again with them).
        added = [b for c in f.checks if c.kind == "add-flags"
                 for b in c.bits]
        known = f"{mask:#x}UL" if not added else \
            f"({mask:#x}UL | {' | '.join(added)})"
        unknown = f"(unsigned long)({fa.name} & ~{known})"
        checks.append(dict(cond=unknown, raw=True, domain=domain,
                           detail=_c_string("unsupported flags (0x%lx) in "
                                            f"function {name}"),
                           extra=f", {unknown}", func=_c_string(name),
                           arg=_c_string(fa.name)))
    for c in checks:
        c.setdefault("extra", "")
        c.setdefault("raw", False)
    return checks


# How each kind of argument check fails: the condition and libvirt's
# wording (these messages carry no "invalid argument: " prefix).
ARG_CHECKS = {
    "nonnull": ("!{v}", "{a} in {f} must not be NULL"),
    "nonzero": ("{v} == 0", "{a} in {f} must not be zero"),
    "positive": ("{v} <= 0", "{a} in {f} must be greater than zero"),
    "nonnegative": ("{v} < 0", "{a} in {f} must be zero or greater"),
    "nonnull-array": ("!{v} && {len} > 0", "{a} in {f} must not be NULL"),
}


def _arg_type(f, name):
    for a in f.args:
        if a.name == name:
            return a.type
    return ""


def _arg_check(f, c, domain):
    shown = ("*" if c.deref else "") + c.arg
    value = f"(*{c.arg})" if c.deref else c.arg
    if c.kind == "exclusive-flags":
        both = " | ".join(c.bits)
        cond = f"({value} & ({c.bits[0]})) && ({value} & ({c.bits[1]}))" \
            if len(c.bits) == 2 else \
            f"__builtin_popcount({value} & ({both})) > 1"
        detail = "Flags " + " and ".join(f"'{b}'" for b in c.bits) + \
            " are mutually exclusive"
        # libvirt's flag-rule errors name a placeholder, not the argument.
        shown = "ctl"
    elif c.kind == "forbidden-flags":
        cond = f"{value} & ({' | '.join(c.bits)})"
        detail = c.message
    elif c.kind == "requires-flags":
        cond = f"({value} & ({' | '.join(c.bits)})) && " \
            f"!({value} & ({' | '.join(c.needs)}))"
        if c.message:
            detail = c.message
        else:
            assert len(c.bits) == 1, f"{f.name}: one flag per rule"
            detail = f"Flag '{' | '.join(c.needs)}' is required by " \
                f"flag '{c.bits[0]}'"
            shown = "ctl"
    else:
        test, text = ARG_CHECKS[c.kind]
        # A length passed by pointer (int *nparams) is checked through it.
        length = f"(*{c.len})" if c.len and _arg_type(f, c.len).endswith("*") \
            else c.len
        cond = test.format(v=value, len=length)
        detail = text.format(a=shown, f=f.name)
    return dict(cond=cond, raw=True, domain=domain, detail=_c_string(detail),
                extra="", func=_c_string(c.reporter or f.name),
                arg=_c_string(shown))


def function_model(api, f):
    oa = f.object_arg
    obj = api.object_of_ptr(oa.type)
    conn = oa.name if obj.name == "virConnect" else \
        f"{oa.name}->{obj.conn}"
    params = ", ".join(c_decl(a.type, a.name) for a in f.args)
    m = dict(name=f.name, ret_type=f.ret.type, params=params,
             proto=c_decl(f.ret.type, f.name), obj=obj, objarg=oa.name,
             obj_domain=obj.error_domain or api.header(f.file).error_domain,
             conn=conn, error=f.ret.error, void=f.ret.type == "void",
             kind=f.impl, checks=[], call="", error_test="",
             field=GETTER_FIELDS.get(f.impl, ""),
             outarg=f.args[1].name if len(f.args) > 1 else "",
             domain=api.header(f.file).error_domain, abspaths=[], addflags=[],
             member="", unsupported=[], nosupport=True)
    if f.impl == "get-connect":
        m["field"] = obj.conn or "conn"
    if f.impl == "get-parent" and f.driver:
        # A handle made without its parent's name asks the driver once.
        m["member"] = DRIVER_MEMBERS[f.driver]
        m["callback"] = driver_field(f.name)
    if f.impl == "dispatch":
        m["checks"] = _arg_checks(api, f, "conn_")
        m["member"] = DRIVER_MEMBERS[f.driver]
        m["callback"] = driver_field(f.name)
        # Paths go to the driver absolute (the driver may be a daemon
        # with another working directory).
        m["abspaths"] = [c.arg for c in f.checks
                         if c.kind == "absolute-path"]
        # Flags the entry point adds for the driver (string typed
        # parameters: every driver of ours returns them).
        m["addflags"] = [(c.arg, " | ".join(c.bits)) for c in f.checks
                         if c.kind == "add-flags"]
        m["call"] = ", ".join("abs_" + a.name if a.name in m["abspaths"]
                              else a.name for a in f.args)
        m["error_test"] = ERROR_TESTS.get(f.ret.error, "")
        # The IDL's own answer when the driver lacks the function.
        m["unsupported"] = [
            dict(cond=f"{u.arg} & ({' | '.join(u.bits)})" if u.bits else "",
                 code=u.code, detail=_c_string(u.message))
            for u in f.unsupported]
        m["nosupport"] = not any(not u.bits for u in f.unsupported)
    elif f.impl in ("get-uuid", "get-uuid-string"):
        domain = api.header(f.file).error_domain
        m["checks"] = [_check(f"!{m['outarg']}", "VIR_ERR_INVALID_ARG",
                              domain,
                              f"{m['outarg']} in {f.name} must not be NULL")]
        m["checks"][0].update(extra="", raw=False)
    return m


def generate(api, outdir):
    # libvirt.so's entry points in entry.c; each other library's (say
    # libvirt-qemu) in entry-qemu.c, built into that library.
    for lib, fname in [(api, "entry.c")] + \
            [(lib, "entry-" + lib.name.split("-", 1)[1] + ".c")
             for lib in api.libraries]:
        funcs = [function_model(lib, f) for f in lib.functions
                 if f.impl != "manual"]
        text = writer.banner("c", TARGET) + render(
            "c_entry/entry.c.j2", funcs=funcs, library=lib.name,
            abspath=any(m["abspaths"] for m in funcs),
            headers=[h.name for h in lib.headers if lib is not api])
        writer.write(os.path.join(outdir, "src", "gen", fname), text)
