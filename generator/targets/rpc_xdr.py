# SPDX-License-Identifier: LGPL-2.1-or-later
"""src/gen/remote_protocol.h and .c: the RPC wire types as C structs and
their XDR codecs, built on libtirpc's primitives, plus one table per
program mapping a procedure number to its codecs and scheduling facts.

The C layout and the codec names follow what rpcgen makes of the same
description (xdr_<type>, <member>.<member>_len / _val for variable arrays,
<union>_u for a union's arms), so the encoding is rpcgen's byte for byte:
char, uchar, short and ushort take a 4-byte word each, hyper 8 bytes."""

import os

from .. import writer
from . import render

TARGET = "targets/rpc_xdr.py"

# Base word -> (C type, codec).
BASE = {
    "int": ("int", "xdr_int"),
    "uint": ("u_int", "xdr_u_int"),
    "hyper": ("int64_t", "xdr_int64_t"),
    "uhyper": ("uint64_t", "xdr_uint64_t"),
    "char": ("char", "xdr_char"),
    "uchar": ("u_char", "xdr_u_char"),
    "short": ("short", "xdr_short"),
    "ushort": ("u_short", "xdr_u_short"),
    "double": ("double", "xdr_double"),
    "float": ("float", "xdr_float"),
    "bool": ("bool_t", "xdr_bool"),
}


class Unsupported(Exception):
    pass


def _ctype(t):
    return BASE[t][0] if t in BASE else t


def _codec(t):
    return BASE[t][1] if t in BASE else "xdr_" + t


def declare(m, name):
    """C declaration lines of one value called `name`."""
    if m.type == "string":
        return [f"char *{name};"]
    if m.type == "opaque":
        if m.size:
            return [f"char {name}[{m.size}];"]
        return ["struct {", f"    u_int {name}_len;",
                f"    char *{name}_val;", f"}} {name};"]
    ct = _ctype(m.type)
    if m.size:
        return [f"{ct} {name}[{m.size}];"]
    if m.max:
        return ["struct {", f"    u_int {name}_len;",
                f"    {ct} *{name}_val;", f"}} {name};"]
    if m.optional:
        return [f"{ct} *{name};"]
    return [f"{ct} {name};"]


def array_alias(api, tname):
    """A typedef of a fixed array: as in rpcgen, its codec takes the array
    itself (which decays to a pointer), not its address."""
    t = api.wire_type(tname)
    return t is not None and t.kind == "alias" and bool(t.alias.size)


def code(api, m, lv):
    """The codec call for member m, whose lvalue is lv (a variable array's
    count and elements are lv.<name>_len and lv.<name>_val)."""
    if m.type == "string":
        if m.size:
            raise Unsupported("fixed-size string")
        return f"xdr_string(xdrs, &{lv}, {m.max})"
    if m.type == "opaque":
        if m.size:
            return f"xdr_opaque(xdrs, {lv}, {m.size})"
        return (f"xdr_bytes(xdrs, (char **)&{lv}.{m.name}_val, "
                f"(u_int *)&{lv}.{m.name}_len, {m.max})")
    ct, fn = _ctype(m.type), _codec(m.type)
    if m.size:
        return (f"xdr_vector(xdrs, (char *){lv}, {m.size}, sizeof({ct}), "
                f"(xdrproc_t){fn})")
    if m.max:
        return (f"xdr_array(xdrs, (char **)&{lv}.{m.name}_val, "
                f"(u_int *)&{lv}.{m.name}_len, {m.max}, sizeof({ct}), "
                f"(xdrproc_t){fn})")
    if m.optional:
        return (f"xdr_pointer(xdrs, (char **)&{lv}, sizeof({ct}), "
                f"(xdrproc_t){fn})")
    if array_alias(api, m.type):
        return f"{fn}(xdrs, {lv})"
    return f"{fn}(xdrs, &{lv})"


def alias_parts(t):
    """An alias: its typedef line and codec call on objp."""
    m = t.alias
    if m.type == "string":
        return f"typedef char *{t.name};", \
            f"xdr_string(xdrs, objp, {m.max})"
    if m.type == "opaque":
        if m.size:
            return f"typedef char {t.name}[{m.size}];", \
                f"xdr_opaque(xdrs, objp, {m.size})"
        raise Unsupported("variable opaque alias")
    ct, fn = _ctype(m.type), _codec(m.type)
    if m.optional:
        return f"typedef {ct} *{t.name};", \
            (f"xdr_pointer(xdrs, (char **)objp, sizeof({ct}), "
             f"(xdrproc_t){fn})")
    if m.size:
        return f"typedef {ct} {t.name}[{m.size}];", \
            (f"xdr_vector(xdrs, (char *)objp, {m.size}, sizeof({ct}), "
             f"(xdrproc_t){fn})")
    if m.max:
        raise Unsupported("variable array alias")
    return f"typedef {ct} {t.name};", f"{fn}(xdrs, objp)"


def type_model(api, t):
    d = dict(name=t.name, kind=t.kind,
             param=f"{t.name} objp" if array_alias(api, t.name)
             else f"{t.name} *objp")
    if t.kind == "alias":
        d["typedef"], d["call"] = alias_parts(t)
    elif t.kind == "enum":
        d["enumerators"] = [dict(name=n, value=v) for n, v in t.items]
    elif t.kind == "struct":
        d["decl"] = [line for m in t.members for line in declare(m, m.name)]
        d["calls"] = [code(api, m, f"objp->{m.name}") for m in t.members]
    elif t.kind == "union":
        disc = t.discriminant
        d["disc_decl"] = f"{_ctype(disc.type)} {disc.name};"
        dtype = api.wire_type(disc.type)
        d["disc_call"] = (f"xdr_enum(xdrs, (enum_t *)&objp->{disc.name})"
                          if dtype is not None and dtype.kind == "enum"
                          else f"{_codec(disc.type)}(xdrs, "
                               f"&objp->{disc.name})")
        d["disc"] = disc.name
        d["arms"] = [line for m in t.members for line in declare(m, m.name)]
        d["cases"] = [dict(value=m.case, label=m.label,
                           call=code(api, m, f"objp->{t.name}_u.{m.name}"))
                      for m in t.members]
    return d


def proc_model(pr):
    payload = pr.msg if pr.kind == "message" else pr.args

    def filt(t):
        return ("(xdrproc_t)xdr_" + t, f"sizeof({t})") if t \
            else ("(xdrproc_t)xdr_void", "0")
    af, asz = filt(payload)
    rf, rsz = filt(pr.ret)
    short = pr.name.split("_PROC_", 1)[-1]
    return dict(number=pr.number, name=pr.name, short=short,
                function=f'"{pr.implements}"' if pr.implements else "NULL",
                args_filter=af, args_size=asz, ret_filter=rf, ret_size=rsz,
                message="true" if pr.kind == "message" else "false",
                high="true" if pr.priority == "high" else "false",
                stream={"read": "VIR_WIRE_STREAM_READ",
                        "write": "VIR_WIRE_STREAM_WRITE"}.get(
                            pr.stream, "VIR_WIRE_STREAM_NONE"),
                stream_arg=pr.stream_arg if pr.stream_arg is not None else -1,
                private="true" if pr.private else "false")


def generate(api, outdir):
    types = [type_model(api, t) for t in api.wire_types]
    programs = []
    for p in api.wire_programs:
        procs = sorted((pr for pr in api.procedures if pr.program == p.name),
                       key=lambda pr: pr.number)
        prefix = p.name.upper()
        var = "virWireProgram" + p.name[0].upper() + p.name[1:]
        programs.append(dict(
            name=p.name, id=f"0x{p.id:08x}", version=p.version,
            macro=prefix + "_PROGRAM",
            version_macro=prefix + "_PROTOCOL_VERSION",
            enum=f"{p.name}_procedure", var=var,
            procs=[proc_model(pr) for pr in procs],
            nprocs=(procs[-1].number + 1) if procs else 0))
    consts = [dict(name=c.name, value=c.value, source=c.source)
              for c in api.wire_consts]
    ctx = dict(types=types, programs=programs, consts=consts)
    for name in ("remote_protocol.h", "remote_protocol.c"):
        text = writer.banner("c", TARGET) + render(f"rpc_xdr/{name}.j2", **ctx)
        writer.write(os.path.join(outdir, "src", "gen", name), text)
