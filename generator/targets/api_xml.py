# SPDX-License-Identifier: LGPL-2.1-or-later
"""docs/gen/libvirt-api.xml: the IDL exported in libvirt's API XML format,
so that tools written for libvirt's libvirt-api.xml (libvirt-python's
generator.py, documentation tools) can read ours.

Names, types, values and versions come from the IDL; the layout and the
order of symbols are libvirt's (see compare-api-xml.py in generator/tests).
Every `info` text is ours: the IDL <doc> when there is one, otherwise a
short sentence composed here from the model."""

import os
import re

from .. import writer
from . import render

TARGET = "targets/api_xml.py"

# libvirt's XML names, per function, the C file that implements it
# ("module"); consumers filter on it (libvirt-python keeps `libvirt`,
# `libvirt-*`, `virevent` and `virerror`, and skips the typed parameter
# helpers through `virtypedparam-public`).  By default a function's module
# is its header; these headers differ.
HEADER_MODULES = {
    "libvirt-common": "virtypedparam-public",
    "libvirt-event": "virevent",
    "virterror": "virerror",
}
# Library-wide entry points that live in the core file, not in their header's.
CORE_MODULE = "libvirt"
CORE_FUNCTIONS = {
    "virInitialize", "virGetVersion", "virConnectOpen",
    "virConnectOpenReadOnly", "virConnectOpenAuth", "virConnectClose",
}

# Order of the export kinds inside a <file>, and of the symbol groups.
EXPORT_ORDER = ["macro", "enum", "typedef", "struct", "variable", "function"]

ERROR_TEXTS = {
    "-1": "-1 on error",
    "NULL": "NULL on error",
    "0": "0 on error",
    "(unsigned int)-1": "(unsigned int)-1 on error",
}


def escape_attr(s):
    """Escape a value for a single-quoted XML attribute."""
    return (s.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("'", "&apos;"))


def cdata(s):
    """Text safe inside <![CDATA[...]]>."""
    return s.replace("]]>", "]]]]><![CDATA[>")


def plain_doc(doc):
    """IDL doc text for a plain-text consumer: @name cross-refs lose '@'."""
    return re.sub(r"@(\w+)", r"\1", doc)


def function_module(f):
    if f.name in CORE_FUNCTIONS:
        return CORE_MODULE
    return HEADER_MODULES.get(f.file, f.file)


def file_sort_key(name):
    # libvirt sorts the header file names with their ".h".
    return name + ".h"


def enum_value_attrs(e, v):
    """value / value_hex / value_bitshift as libvirt writes them."""
    if v.alias:
        return [("value", v.alias)]
    attrs = [("value", str(v.value)),
             ("value_hex", f"-{-v.value:#x}" if v.value < 0
              else f"{v.value:#x}")]
    # A flag bit is written as a shift in the header: say which bit.
    if e.kind == "flags" and not v.sentinel and v.value > 0 and \
            v.value & (v.value - 1) == 0:
        attrs.append(("value_bitshift", str(v.value.bit_length() - 1)))
    return attrs


# --- our own short texts, composed from the model -------------------------

def arg_info(api, a):
    # libvirt-python gives an argument a default value when its info
    # starts with "(optional)": that marker is data, not prose.
    prefix = "(optional) " if a.optional else ""
    return prefix + _arg_text(api, a)


def _arg_text(api, a):
    if a.role == "object":
        return f"the {api.object_of_ptr(a.type).name} handle"
    if a.flags is not None:
        if a.flags == ["none"]:
            return "the flags: none are defined yet, pass 0"
        if a.flags == ["driver"]:
            return "the flags: their meaning depends on the driver"
        return "the flags: bitwise OR of values of " + \
            ", ".join(n for n in a.flags if n != "none")
    text = f"the {a.name} argument"
    if a.nullable:
        text += ", may be NULL"
    return text


def return_info(ret):
    if ret.type == "void":
        return None
    err = ERROR_TEXTS.get(ret.error)
    return f"the result, {err}" if err else "the result"


def function_info(f):
    if f.doc:
        return plain_doc(f.doc)
    return f"{f.name}, part of the public API since {f.since}."


def callback_info(c):
    return f"Signature of a callback that the application provides " \
        f"({c.name})."


def macro_info(m):
    if m.string is not None:
        return f"The string constant \"{m.string}\"."
    if m.params:
        return "A macro taking " + ", ".join(m.params.split(",")) + "."
    return "A constant."


def typedef_info(t):
    return f"The C type {t.type}."


def enum_typedef_info(e):
    if e.doc:
        return plain_doc(e.doc)
    return ("A set of flag bits" if e.kind == "flags"
            else "An enumeration") + f" ({e.name})."


def field_model(f):
    if f.union is not None:
        return dict(name=f.name, type="union", info=f"the {f.name} union",
                    union=[field_model(u) for u in f.union])
    return dict(name=escape_attr(f.name), type=escape_attr(f.type),
                info=escape_attr(f"the {f.name} member"), union=None)


# --- the model for the template --------------------------------------------

def _sym(kind, name, attrs, info=None, **extra):
    d = dict(kind=kind, name=name,
             attrs=[(k, escape_attr(v)) for k, v in attrs],
             info=cdata(info) if info is not None else None,
             args=[], ret=None, fields=[])
    d.update(extra)
    return d


def _proto_children(api, ret, args, with_roles=True):
    rinfo = return_info(ret)
    r = dict(type=escape_attr(ret.type),
             info=escape_attr(rinfo) if rinfo else None)
    a = [dict(name=escape_attr(x.name), type=escape_attr(x.type),
              info=escape_attr(arg_info(api, x) if with_roles
                               else f"the {x.name} argument"))
         for x in args]
    return r, a


def symbols_model(api):
    macros, enums, types, variables, functions = [], [], [], [], []
    for m in api.macros:
        attrs = [("name", m.name), ("file", m.file)]
        if m.params is not None:
            attrs.append(("params", m.params))
        if m.string is not None:
            attrs.append(("string", m.string))
        else:
            attrs.append(("raw", m.value or ""))
        attrs.append(("version", m.since))
        args = [dict(name=escape_attr(p), info="a macro argument")
                for p in (m.params.split(",") if m.params else [])]
        macros.append(_sym("macro", m.name, attrs, macro_info(m),
                           args=args))
    for e in api.enums:
        for v in e.values:
            attrs = [("name", v.name), ("file", e.file)] + \
                enum_value_attrs(e, v) + \
                [("type", e.name), ("version", v.since)]
            enums.append(_sym("enum", v.name, attrs))
        types.append(_sym("typedef", e.name,
                          [("name", e.name), ("file", e.file),
                           ("type", "enum"),
                           ("version", e.type_since or e.since)],
                          enum_typedef_info(e)))
    for t in api.typedefs:
        types.append(_sym("typedef", t.name,
                          [("name", t.name), ("file", t.file),
                           ("type", t.type), ("version", t.since)],
                          typedef_info(t)))
    for s in api.structs:
        types.append(_sym("struct", s.name,
                          [("name", s.name), ("file", s.file),
                           ("type", f"struct {s.tag}"),
                           ("version", s.since)],
                          None, fields=[field_model(f) for f in s.fields]))
    for v in api.variables:
        variables.append(_sym("variable", v.name,
                              [("name", v.name), ("file", v.file),
                               ("type", v.type), ("version", v.since)],
                              f"An exported variable of type {v.type}."))
    for f in api.functions:
        r, a = _proto_children(api, f.ret, f.args)
        functions.append(_sym("function", f.name,
                              [("name", f.name), ("file", f.file),
                               ("module", function_module(f)),
                               ("version", f.since)],
                              function_info(f), ret=r, args=a))
    for c in api.callbacks:
        r, a = _proto_children(api, c.ret, c.args, with_roles=False)
        functions.append(_sym("functype", c.name,
                              [("name", c.name), ("file", c.file),
                               ("module", c.file), ("version", c.since)],
                              callback_info(c), ret=r, args=a))
    out = []
    for group in (macros, enums, types, variables, functions):
        out += sorted(group, key=lambda s: s["name"])
    return out


def struct_tag_exported(api, s):
    """A struct's tag is listed as a `struct` export where the struct has
    members, unless the tag is another struct's own (a #define alias)."""
    if s.opaque or not s.fields:
        return False
    if s.tag == "_" + s.name:
        return True
    return not any(o.name == s.tag[1:] for o in api.structs)


def files_model(api):
    files = []
    for h in sorted(api.headers, key=lambda h: file_sort_key(h.name)):
        n = h.name
        ex = {k: [] for k in EXPORT_ORDER}
        ex["macro"] = [m.name for m in api.macros if m.file == n]
        for e in api.enums:
            if e.file == n:
                ex["enum"] += [v.name for v in e.values]
                ex["typedef"].append(e.name)
        ex["typedef"] += [t.name for t in api.typedefs if t.file == n]
        for s in api.structs:
            if s.file == n:
                ex["typedef"].append(s.name)
                if struct_tag_exported(api, s):
                    ex["struct"].append(s.tag)
        ex["variable"] = [v.name for v in api.variables if v.file == n]
        ex["function"] = [f.name for f in api.functions if f.file == n] + \
            [c.name for c in api.callbacks if c.file == n]
        exports = [(sym, kind) for kind in EXPORT_ORDER
                   for sym in sorted(set(ex[kind]))]
        files.append(dict(
            name=n,
            summary=f"declarations of &lt;libvirt/{n}.h&gt;",
            description=f"The symbols of the {n} header, as described by "
                        f"virtkit's IDL (api/virt-api.xml).",
            exports=exports))
    return files


def generate(api, outdir):
    text = render("api_xml/libvirt-api.xml.j2",
                  banner=writer.banner("xml", TARGET), api_name=api.name,
                  files=files_model(api), symbols=symbols_model(api))
    writer.write(os.path.join(outdir, "docs", "gen", "libvirt-api.xml"),
                 text)
