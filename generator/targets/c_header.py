# SPDX-License-Identifier: LGPL-2.1-or-later
"""include/libvirt/*.h: the public C headers, source-compatible with
libvirt 9.0's (same names, values, types and struct layouts)."""

import os

from .. import writer
from ..naming import c_decl, header_guard
from . import render

TARGET = "targets/c_header.py"


def _enum_value(v):
    # Bits past the sign bit are written as libvirt writes them, unsigned.
    if v.value >= 1 << 31:
        return f"{v.value:#x}U" if v.value & (v.value - 1) else \
            f"1U << {v.value.bit_length() - 1}"
    return str(v.value)


def _enum_lines(e):
    return [(v.name, _enum_value(v), v.sentinel) for v in e.values]


def _callbacks_in_order(api, hname):
    """Callbacks of one header, each after the callbacks it takes."""
    mine = {c.name: c for c in api.callbacks if c.file == hname}
    done, out = set(), []

    def visit(c):
        if c.name in done:
            return
        done.add(c.name)
        for a in c.args:
            dep = mine.get(a.type)
            if dep:
                visit(dep)
        out.append(c)
    for c in mine.values():
        visit(c)
    return out


def _struct_body(fields, indent="    "):
    lines = []
    for f in fields:
        if f.union is not None:
            lines.append(f"{indent}union {{")
            lines += _struct_body(f.union, indent + "    ")
            lines.append(f"{indent}}} {f.name};")
        else:
            dep = " VIR_DEPRECATED" if f.deprecated else ""
            lines.append(f"{indent}{c_decl(f.type, f.name)}{dep};")
    return lines


def _proto(ret, name, args, pointer=False):
    params = ", ".join(c_decl(a.type, a.name) for a in args) or "void"
    if pointer:
        return f"typedef {ret.type} (*{name})({params});"
    return f"{c_decl(ret.type, name)}({params});"


def header_model(api, hname):
    structs = [s for s in api.structs if s.file == hname]
    seen_tags = set()
    struct_typedefs, struct_bodies, tag_aliases = [], [], []
    # A struct whose tag names another struct's definition is an alias: the
    # header maps the tag with a macro and only adds the typedef.
    primary = {s.tag: s for s in api.structs if s.tag == "_" + s.name}
    for s in api.structs:
        primary.setdefault(s.tag, s)
    for s in structs:
        own_tag = "_" + s.name
        if s.tag != own_tag and primary.get(s.tag) is not s and \
                primary[s.tag].name != s.name:
            tag_aliases.append((own_tag, s.tag))
            struct_typedefs.append(f"typedef struct {own_tag} {s.name};")
            continue
        struct_typedefs.append(f"typedef struct {s.tag} {s.name};")
        if not s.opaque and s.tag not in seen_tags:
            seen_tags.add(s.tag)
            struct_bodies.append((s.tag, _struct_body(s.fields)))
    typedefs = [t for t in api.typedefs if t.file == hname]
    ptr_typedefs = [f"typedef {c_decl(t.type, t.name)};" for t in typedefs]
    macros = []
    for m in api.macros:
        if m.file != hname:
            continue
        head = m.name + (f"({m.params})" if m.params else "")
        if m.string is not None:
            body = '"' + m.string.replace("\\", "\\\\").replace('"', '\\"') \
                + '"'
        else:
            body = m.value or ""
        macros.append((head, body))
    enums = [(e.name, _enum_lines(e)) for e in api.enums if e.file == hname]
    callbacks = [_proto(c.ret, c.name, c.args, pointer=True)
                 for c in _callbacks_in_order(api, hname)]
    variables = [f"extern {c_decl(v.type, v.name)};"
                 for v in api.variables if v.file == hname]
    functions = [_proto(f.ret, f.name, f.args)
                 for f in api.functions if f.file == hname]
    return dict(name=hname, guard=header_guard(hname), macros=macros,
                enums=enums, struct_typedefs=struct_typedefs,
                tag_aliases=tag_aliases, ptr_typedefs=ptr_typedefs,
                callbacks=callbacks, struct_bodies=struct_bodies,
                variables=variables, functions=functions,
                # included by programs directly, after libvirt.h
                standalone=(hname == "virterror" or api.parent is not None))


def generate(api, outdir):
    inc = os.path.join(outdir, "include", "libvirt")
    areas = []
    for h in api.headers:
        m = header_model(api, h.name)
        text = writer.banner("c", TARGET) + render("c_header/area.h.j2", h=m)
        writer.write(os.path.join(inc, h.name + ".h"), text)
        if h.name != "virterror":
            areas.append(h.name)
    text = writer.banner("c", TARGET) + render("c_header/libvirt.h.j2",
                                               areas=areas,
                                               version=api.version)
    writer.write(os.path.join(inc, "libvirt.h"), text)
    for lib in api.libraries:
        for h in lib.headers:
            m = header_model(lib, h.name)
            text = writer.banner("c", TARGET) + render("c_header/area.h.j2",
                                                       h=m)
            writer.write(os.path.join(inc, h.name + ".h"), text)
