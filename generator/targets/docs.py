# SPDX-License-Identifier: LGPL-2.1-or-later
"""docs/gen/html/: the API reference, one page per header plus an index.

For every function: its C signature, since, the flags it takes (with their
values), its error return, whether a read-only connection may call it, how
its entry point is made, and its summary (the IDL <doc>).  Enums, structs,
callbacks, typedefs and macros follow.  Prints one coverage line so that
missing summaries stay visible."""

import html
import os
import re

from .. import writer
from ..naming import c_decl
from . import render

TARGET = "targets/docs.py"

NO_SUMMARY = "(no summary yet)"

ERROR_TEXTS = {
    "-1": "returns -1 on error",
    "NULL": "returns NULL on error",
    "0": "returns 0 on error",
    "(unsigned int)-1": "returns (unsigned int)-1 on error",
    "none": "has no error return",
}

IMPL_TEXTS = {
    "ref": "local: adds a reference to the handle",
    "free": "local: drops a reference to the handle",
    "get-connect": "local: returns the connection the handle belongs to",
    "get-uuid": "local: copies the UUID held in the handle",
    "get-uuid-string": "local: formats the UUID held in the handle",
}

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def esc(s):
    return html.escape(s, quote=True)


def page_name(header):
    return header + ".html"


class Links:
    """Where each symbol is documented: page#anchor."""

    def __init__(self, api):
        self.href = {}
        for kind in ("macros", "typedefs", "structs", "callbacks",
                     "functions"):
            for item in getattr(api, kind):
                self.href[item.name] = f"{page_name(item.file)}#{item.name}"
        for e in api.enums:
            self.href[e.name] = f"{page_name(e.file)}#{e.name}"
            for v in e.values:
                self.href[v.name] = f"{page_name(e.file)}#{v.name}"
        for v in api.variables:
            self.href[v.name] = f"{page_name(v.file)}#{v.name}"

    def code(self, text, skip=None):
        """Escape C text, linking every known symbol in it except `skip`."""
        out, pos = [], 0
        for m in IDENT.finditer(text):
            out.append(esc(text[pos:m.start()]))
            name = m.group(0)
            if name in self.href and name != skip:
                out.append(f'<a href="{self.href[name]}">{name}</a>')
            else:
                out.append(name)
            pos = m.end()
        out.append(esc(text[pos:]))
        return "".join(out)

    def doc(self, text):
        """Escape an IDL <doc>, turning @name into a link."""
        out, pos = [], 0
        for m in re.finditer(r"@([A-Za-z_][A-Za-z0-9_]*)", text):
            out.append(esc(text[pos:m.start()]))
            name = m.group(1)
            if name in self.href:
                out.append(f'<a href="{self.href[name]}"><code>{name}'
                           f'</code></a>')
            else:
                out.append(f"<code>{esc(name)}</code>")
            pos = m.end()
        out.append(esc(text[pos:]))
        return "".join(out)


def flag_hex(v):
    return f"{v:#x}" if v >= 0 else str(v)


def signature(f):
    params = ", ".join(c_decl(a.type, a.name) for a in f.args) or "void"
    return f"{c_decl(f.ret.type, f.name)}({params});"


def callback_signature(c):
    params = ", ".join(c_decl(a.type, a.name) for a in c.args) or "void"
    return f"typedef {c.ret.type} (*{c.name})({params});"


def uses_handle(api, f):
    """Whether any argument is a handle (or an array of handles)."""
    return any(api.object_of_ptr(a.type.replace("*", "").strip())
               for a in f.args)


def access_text(api, f, links):
    if not uses_handle(api, f):
        return "takes no connection"
    if f.access == "rw":
        return "refused on a read-only connection"
    if not f.readonly_when:
        return "allowed on a read-only connection"
    parts = []
    for arg, how, consts in f.readonly_when:
        names = " or ".join(links.code(c) for c in consts)
        if how == "bits":
            parts.append(f"<code>{esc(arg)}</code> has {names} set")
        else:
            parts.append(f"<code>{esc(arg)}</code> is {names}")
    return "allowed on a read-only connection, except when " + \
        "; or when ".join(parts)


def impl_text(api, f, links):
    if f.impl == "dispatch":
        text = f"dispatched to the {esc(f.driver)} driver"
        if f.proc is not None:
            text += f" (RPC procedure {f.proc})"
        return text
    if f.impl == "manual":
        return "hand-written: " + esc(f.reason or "")
    if f.impl in IMPL_TEXTS:
        return IMPL_TEXTS[f.impl]
    field = f.impl[len("get-"):]
    return f"local: returns the {esc(field)} held in the handle"


def flags_model(api, f, links):
    """The flag sets a function takes, with their values."""
    fa = f.flags_arg
    if fa is None:
        return None, []
    if fa.flags == ["none"]:
        return f"<code>{esc(fa.name)}</code>: no flags are defined; " \
            "pass 0", []
    if fa.flags == ["driver"]:
        return f"<code>{esc(fa.name)}</code>: the driver decides which " \
            "bits it accepts", []
    sets = []
    for n in fa.flags:
        if n == "none":
            continue
        e = api.enum(n)
        sets.append(dict(name=links.code(n), entries=[
            dict(name=v.name, value=flag_hex(v.value), since=v.since)
            for v in e.values if not v.sentinel]))
    return f"<code>{esc(fa.name)}</code>: a bitwise OR of", sets


def function_model(api, f, links):
    flags_text, flag_sets = flags_model(api, f, links)
    return dict(
        name=f.name, signature=links.code(signature(f), skip=f.name),
        since=f.since,
        summary=links.doc(f.doc) if f.doc else None,
        no_summary=NO_SUMMARY,
        error=esc(ERROR_TEXTS.get(f.ret.error,
                                  f"returns {f.ret.error} on error")),
        access=access_text(api, f, links), impl=impl_text(api, f, links),
        flags_text=flags_text, flag_sets=flag_sets)


def enum_model(e, links):
    values = []
    for v in e.values:
        if v.alias:
            value = f"{links.code(v.alias)} ({v.value})"
        elif e.kind == "flags":
            value = flag_hex(v.value)
        else:
            value = str(v.value)
        values.append(dict(name=v.name, value=value, since=v.since,
                           note="sentinel: may grow; compiled only with "
                                "VIR_ENUM_SENTINELS" if v.sentinel else ""))
    return dict(name=e.name, since=e.since,
                kind="flags" if e.kind == "flags" else "enum",
                doc=links.doc(e.doc) if e.doc else None, entries=values)


def field_lines(fields, links, indent="    "):
    lines = []
    for f in fields:
        if f.union is not None:
            lines.append(f"{indent}union {{")
            lines += field_lines(f.union, links, indent + "    ")
            lines.append(f"{indent}}} {esc(f.name)};")
        else:
            lines.append(indent + links.code(c_decl(f.type, f.name)) + ";")
    return lines


def struct_model(s, links):
    if s.opaque:
        body = [f"struct {esc(s.tag)};  /* opaque: a handle */"]
    else:
        body = [f"struct {esc(s.tag)} {{"] + field_lines(s.fields, links) + \
            ["};"]
    return dict(name=s.name, since=s.since, tag=s.tag, body=body)


def macro_model(m, links):
    head = m.name + (f"({m.params})" if m.params else "")
    if m.string is not None:
        value = esc('"' + m.string + '"')
    else:
        value = links.code(m.value or "", skip=m.name)
    return dict(name=m.name, head=esc(head), value=value, since=m.since)


def page_model(api, h, links):
    n = h.name
    funcs = sorted((f for f in api.functions if f.file == n),
                   key=lambda f: f.name)
    return dict(
        name=n,
        functions=[function_model(api, f, links) for f in funcs],
        enums=[enum_model(e, links) for e in
               sorted((e for e in api.enums if e.file == n),
                      key=lambda e: e.name)],
        structs=[struct_model(s, links) for s in
                 sorted((s for s in api.structs if s.file == n),
                        key=lambda s: s.name)],
        callbacks=[dict(name=c.name, since=c.since,
                        signature=links.code(callback_signature(c),
                                             skip=c.name))
                   for c in sorted((c for c in api.callbacks if c.file == n),
                                   key=lambda c: c.name)],
        typedefs=[dict(name=t.name, since=t.since,
                       decl=links.code(f"typedef {c_decl(t.type, t.name)};",
                                       skip=t.name))
                  for t in sorted((t for t in api.typedefs if t.file == n),
                                  key=lambda t: t.name)],
        variables=[dict(name=v.name, since=v.since,
                        decl=links.code(f"extern {c_decl(v.type, v.name)};",
                                        skip=v.name))
                   for v in api.variables if v.file == n],
        macros=[macro_model(m, links) for m in
                sorted((m for m in api.macros if m.file == n),
                       key=lambda m: m.name)],
        summarised=sum(1 for f in funcs if f.doc),
        total=len(funcs))


def coverage(api):
    return sum(1 for f in api.functions if f.doc), len(api.functions)


def generate(api, outdir):
    out = os.path.join(outdir, "docs", "gen", "html")
    links = Links(api)
    banner = writer.banner("html", TARGET)
    pages = []
    for h in api.headers:
        p = page_model(api, h, links)
        writer.write(os.path.join(out, page_name(h.name)),
                     render("docs/page.html.j2", banner=banner,
                            api_name=api.name, version=api.version, page=p))
        pages.append(dict(name=h.name, href=page_name(h.name),
                          total=p["total"], summarised=p["summarised"],
                          enums=len(p["enums"]), structs=len(p["structs"])))
    done, total = coverage(api)
    everything = [dict(name=f.name, href=links.href[f.name])
                  for f in sorted(api.functions, key=lambda f: f.name)]
    writer.write(os.path.join(out, "index.html"),
                 render("docs/index.html.j2", banner=banner,
                        api_name=api.name, version=api.version, pages=pages,
                        done=done, total=total, functions=everything))
    writer.write(os.path.join(out, "style.css"),
                 writer.banner("c", TARGET) + render("docs/style.css.j2"))
    print(f"docs: {done} of {total} functions have a summary")
