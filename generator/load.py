# SPDX-License-Identifier: LGPL-2.1-or-later
"""Read api/virt-api.xml into the model, keeping file:line for errors.

RELAX NG validation runs separately (xmllint, from the Makefile); this
module assumes the shape is right and reports what it cannot read with the
element's location."""

import xml.etree.ElementTree as ET

from .model import (Api, Arg, ArgCheck, Binding, Callback, Enum, EnumValue, Field,
                    Function, Header, Macro, Object, Procedure, Return,
                    Struct, Typedef, Unsupported, Variable, Where,
                    WireConst, WireMember, WireProgram, WireType)


class IdlError(Exception):
    def __init__(self, where, msg):
        super().__init__(f"{where}: {msg}")
        self.where = where


_LINES = {}


def _parse(path):
    """Parse with expat directly so each element knows its line."""
    import xml.parsers.expat
    builder = ET.TreeBuilder()
    p = xml.parsers.expat.ParserCreate()

    def start(tag, attrs):
        _LINES[builder.start(tag, attrs)] = p.CurrentLineNumber

    p.StartElementHandler = start
    p.EndElementHandler = builder.end
    p.CharacterDataHandler = builder.data
    with open(path, "rb") as f:
        try:
            p.Parse(f.read(), True)
        except xml.parsers.expat.ExpatError as e:
            raise IdlError(Where(path, e.lineno), str(e))
    return builder.close()


def load(path):
    root = _parse(path)

    def where(el):
        return Where(path, _LINES.get(el, 0))

    def req(el, attr):
        v = el.get(attr)
        if v is None:
            raise IdlError(where(el), f"<{el.tag}> needs attribute '{attr}'")
        return v

    def doc(el):
        d = el.find("doc")
        return " ".join(d.text.split()) if d is not None and d.text else None

    def fields(el):
        out = []
        for f in el:
            if f.tag == "field":
                out.append(Field(req(f, "name"), req(f, "type"),
                                 deprecated=f.get("deprecated") == "yes"))
            elif f.tag == "union":
                out.append(Field(req(f, "name"), "union", fields(f)))
        return out

    def args(el):
        out = []
        for a in el.findall("arg"):
            fl = a.get("flags")
            out.append(Arg(req(a, "name"), req(a, "type"), a.get("role"),
                           a.get("nullable") == "yes",
                           fl.split() if fl is not None else None,
                           where(a), a.get("safe-name"),
                           a.get("optional") == "yes"))
        return out

    def ret(el):
        r = el.find("return")
        if r is None:
            return Return("void", "none")
        return Return(req(r, "type"), r.get("error", "none"))

    api = Api(req(root, "name"), req(root, "version"))
    for el in root:
        t = el.tag
        if t == "header":
            api.headers.append(Header(req(el, "name"), el.get("driver"),
                                      req(el, "error-domain"), where(el),
                                      el.get("library")))
        elif t == "object":
            api.objects.append(Object(req(el, "name"), el.get("conn", ""),
                                      req(el, "invalid"),
                                      el.get("error-domain"), where(el)))
        elif t == "macro":
            api.macros.append(Macro(req(el, "name"), req(el, "file"),
                                    req(el, "since"), el.get("params"),
                                    el.get("value"), el.get("string"),
                                    where(el)))
        elif t == "enum":
            e = Enum(req(el, "name"), req(el, "file"), req(el, "since"),
                     req(el, "kind"), doc=doc(el), where=where(el),
                     type_since=el.get("type-since"))
            for v in el.findall("value"):
                try:
                    num = int(req(v, "value"), 0)
                except ValueError:
                    raise IdlError(where(v), "value is not an integer")
                e.values.append(EnumValue(req(v, "name"), num,
                                          req(v, "since"), v.get("alias"),
                                          v.get("sentinel") == "yes",
                                          where(v)))
            api.enums.append(e)
        elif t == "typedef":
            api.typedefs.append(Typedef(req(el, "name"), req(el, "file"),
                                        req(el, "type"), req(el, "since"),
                                        where(el)))
        elif t == "struct":
            api.structs.append(Struct(req(el, "name"), req(el, "tag"),
                                      req(el, "file"), req(el, "since"),
                                      el.get("opaque") == "yes", fields(el),
                                      where(el)))
        elif t == "variable":
            api.variables.append(Variable(req(el, "name"), req(el, "file"),
                                          req(el, "type"), req(el, "since"),
                                          where(el),
                                          el.get("symbol-since")))
        elif t == "callback":
            api.callbacks.append(Callback(req(el, "name"), req(el, "file"),
                                          req(el, "since"), ret(el),
                                          args(el), where(el)))
        elif t == "function":
            proc = el.get("proc")
            rw = []
            ro_message = None
            for r in el.findall("readonly-when"):
                how = "bits" if r.get("bits") else "equals"
                rw.append((req(r, "arg"), how, req(r, how).split(",")))
                ro_message = ro_message or r.get("message")
            reason = el.find("reason")
            bindings = []
            for b in el.findall("binding"):
                r = b.find("reason")
                bindings.append(Binding(
                    req(b, "lang"), req(b, "mode"), b.get("name"),
                    b.get("class"),
                    " ".join(r.text.split()) if r is not None and r.text
                    else None, where(b), b.get("c-name")))
            checks = [ArgCheck(req(c, "arg"), req(c, "kind"), c.get("len"),
                               (c.get("bits") or "").split(",")
                               if c.get("bits") else [],
                               c.get("deref") == "yes", where(c),
                               (c.get("needs") or "").split(",")
                               if c.get("needs") else [],
                               c.get("message"), c.get("reporter"))
                      for c in el.findall("check")]
            unsupported = [Unsupported(req(u, "code"), req(u, "message"),
                                       u.get("arg"),
                                       u.get("bits").split(",")
                                       if u.get("bits") else [], where(u))
                           for u in el.findall("unsupported")]
            api.functions.append(Function(
                req(el, "name"), req(el, "file"), req(el, "since"),
                req(el, "impl"), el.get("driver"), el.get("access", "ro"),
                int(proc) if proc else None, ret(el), args(el), doc(el),
                reason.text.strip() if reason is not None else None,
                rw,
                where=where(el), bindings=bindings, checks=checks,
                unsupported=unsupported, readonly_message=ro_message))
        elif t.startswith("wire-") or t == "procedure":
            _load_wire(api, el, where, req)
        else:
            raise IdlError(where(el), f"unknown element <{t}>")
    return api


def _int(el, where, text):
    try:
        return int(text, 0)
    except ValueError:
        raise IdlError(where(el), f"'{text}' is not an integer")


def _reason(el):
    r = el.find("reason")
    return " ".join(r.text.split()) if r is not None and r.text else None


def _load_wire(api, el, where, req):
    """<wire-program>, <wire-const>, <wire-type> and <procedure>."""
    def member(m, named=True):
        case = m.get("case")
        return WireMember(req(m, "name") if named else None, req(m, "type"),
                          m.get("size"), m.get("max"),
                          m.get("optional") == "yes",
                          _int(m, where, case) if case is not None else None,
                          m.get("label"), where(m))

    t = el.tag
    if t == "wire-program":
        api.wire_programs.append(WireProgram(
            req(el, "name"), _int(el, where, req(el, "id")),
            _int(el, where, req(el, "version")), where(el)))
    elif t == "wire-const":
        api.wire_consts.append(WireConst(
            req(el, "name"), _int(el, where, req(el, "value")),
            el.get("from"), where(el)))
    elif t == "wire-type":
        wt = WireType(req(el, "name"), req(el, "kind"), where=where(el))
        if wt.kind == "alias":
            wt.alias = member(el, named=False)
        elif wt.kind == "enum":
            wt.items = [(req(i, "name"), _int(i, where, req(i, "value")))
                        for i in el.findall("item")]
        else:
            wt.members = [member(m) for m in el.findall("member")]
            if wt.kind == "union":
                wt.discriminant = WireMember(
                    req(el, "discriminant"), req(el, "discriminant-type"),
                    where=where(el))
        api.wire_types.append(wt)
    elif t == "procedure":
        arg = el.get("stream-arg")
        api.procedures.append(Procedure(
            req(el, "program"), _int(el, where, req(el, "number")),
            req(el, "name"), req(el, "kind"), el.get("args"), el.get("ret"),
            el.get("msg"), el.get("priority", "low"),
            el.get("generate", "none"), el.get("stream"),
            _int(el, where, arg) if arg is not None else None,
            el.get("sparse-flag"), el.get("implements"),
            el.get("private") == "yes", (el.get("also") or "").split(),
            where(el), el.get("handwritten"), _reason(el)))
    else:
        raise IdlError(where(el), f"unknown element <{t}>")
