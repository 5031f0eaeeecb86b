# SPDX-License-Identifier: LGPL-2.1-or-later
"""bindings/java/gen/: the Java binding (package org.libvirt), following
libvirt-java's public API, over JNA.

Out come, under src/org/libvirt/:
- jna/Libvirt.java: the JNA interface, one method per C function of
  libvirt.so and one Callback interface per C callback type;
- jna/<Class>Pointer.java: a pointer type per handle (DomainPointer ...);
- jna/vir<Struct>.java: a JNA Structure per public struct it can map;
- <Class>.java per handle (Connect, Domain, ...): its methods, its
  enums' constants as nested classes, then the hand-written members of
  bindings/java/overrides/<Class>.java;
- the info classes (DomainInfo, NodeInfo, ...), Error (its enums), the
  Java enums of the table's `jenum` rows (KeycodeSet ...);
- event/: DomainEventType, the detail enums and the other event enums;
and coverage.tsv (how every IDL function reaches Java) and sources.list
(what javac compiles, beside bindings/java/runtime/).

Names come from java_method (generator/naming.py) and the exceptions
table generator/import-data/java-names.tsv.  Every function is bound in
exactly one way:
- generated: its arguments and return fit the shapes of build_method;
- custom: <binding lang="java" mode="custom"> in the IDL, and a member of
  that name in bindings/java/overrides/<Class>.java (or a runtime class);
- skip: <binding lang="java" mode="skip"> with the reason, or a rule by
  shape (_rule: the last-error functions, custom event loops, the typed
  parameter list helpers);
- lifecycle: free, ref and the parent accessors are free() and the
  handle's stored connection;
- todo: a shape the generator does not make yet (the coverage test lists
  these as TODO tests, so they stay visible)."""

import copy
import os
import re

from .. import writer
from ..naming import java_class, java_load_names, java_method
from . import render

TARGET = "targets/java.py"
OVERRIDES = os.path.join("bindings", "java", "overrides")
RUNTIME = os.path.join("bindings", "java", "runtime", "org", "libvirt")
PKG_DIR = os.path.join("src", "org", "libvirt")

# C scalars: (Java type in the API, JNA type, JNA expression from the Java
# value {v}, Java value from the JNA one {v}).
SCALARS = {
    "int": ("int", "int", "{v}", "{v}"),
    "unsigned int": ("int", "int", "{v}", "{v}"),
    "long": ("long", "NativeLong", "new NativeLong({v})", "{v}.longValue()"),
    "unsigned long": ("long", "NativeLong", "new NativeLong({v})",
                      "{v}.longValue()"),
    "long long": ("long", "long", "{v}", "{v}"),
    "unsigned long long": ("long", "long", "{v}", "{v}"),
    "size_t": ("long", "NativeLong", "new NativeLong({v})",
               "{v}.longValue()"),
    "double": ("double", "double", "{v}", "{v}"),
}
# Scalars passed by reference: C pointer type -> (Java type, JNA type,
# Java value from the reference {v}).
SCALAR_REFS = {
    "int *": ("int", "IntByReference", "{v}.getValue()"),
    "unsigned int *": ("int", "IntByReference", "{v}.getValue()"),
    "long long *": ("long", "LongByReference", "{v}.getValue()"),
    "unsigned long long *": ("long", "LongByReference", "{v}.getValue()"),
    "unsigned long *": ("long", "NativeLongByReference",
                        "{v}.getValue().longValue()"),
    "size_t *": ("long", "NativeLongByReference",
                 "{v}.getValue().longValue()"),
    "double *": ("double", "DoubleByReference", "{v}.getValue()"),
}
# Struct members: C type -> (JNA field type, Java info type, Java value
# from the JNA field {v}).
FIELDS = {
    "int": ("int", "int", "{v}"),
    "unsigned int": ("int", "int", "{v}"),
    "short": ("short", "int", "{v}"),
    "unsigned short": ("short", "int", "{v} & 0xffff"),
    "char": ("byte", "int", "{v}"),
    "unsigned char": ("byte", "int", "{v} & 0xff"),
    "long": ("NativeLong", "long", "{v}.longValue()"),
    "unsigned long": ("NativeLong", "long", "{v}.longValue()"),
    "long long": ("long", "long", "{v}"),
    "unsigned long long": ("long", "long", "{v}"),
    "size_t": ("NativeLong", "long", "{v}.longValue()"),
    "double": ("double", "double", "{v}"),
    "const char *": ("String", "String", "{v}"),
    "char *": ("Pointer", "String", "({v} == null ? null : {v}.getString(0))"),
}

# Java's reserved words may not name a parameter.
JAVA_KEYWORDS = {"abstract", "boolean", "byte", "case", "catch", "char",
                 "class", "const", "default", "do", "double", "else", "enum",
                 "final", "float", "for", "goto", "if", "int", "interface",
                 "long", "native", "new", "package", "private", "protected",
                 "public", "return", "short", "static", "super", "switch",
                 "this", "throw", "throws", "try", "void", "volatile",
                 "while", "to", "from"}


class Todo(Exception):
    """A shape the generator does not make (yet)."""


def _base(t):
    return t[6:] if t.startswith("const ") else t


def _pname(name):
    return name + "_" if name in JAVA_KEYWORDS else name


def _typedef(api, t):
    for td in api.typedefs:
        if td.name == t:
            return td.type
    return t


def _struct_of_ptr(api, ptrtype):
    """virDomainInfoPtr -> the virDomainInfo struct, or None."""
    t = _typedef(api, _base(ptrtype))
    if not t.endswith(" *"):
        return None
    name = t[:-2]
    for s in api.structs:
        if s.name == name and not s.opaque:
            return s
    return None


def _macro_int(api, name, depth=0):
    """The integer a macro stands for (VIR_SECURITY_LABEL_BUFLEN ->
    4097), or None."""
    for m in api.macros:
        if m.name == name and m.value and not m.params and depth < 8:
            text = re.sub(r"/\*.*?\*/", "", m.value)
            for word in set(re.findall(r"[A-Za-z_]\w*", text)):
                v = _macro_int(api, word, depth + 1)
                if v is None:
                    return None
                text = re.sub(r"\b%s\b" % word, str(v), text)
            if re.fullmatch(r"[0-9+*() -]+", text):
                return eval(text)       # digits and + - * only
    return None


class Names:
    """The names of handles, info classes and pointer types in Java."""

    def __init__(self, api, table):
        self.api = api
        self.table = table

    def cls(self, obj):
        return java_class(obj, self.table)

    def pointer(self, obj):
        return self.table.get("pointer", {}).get(obj) or \
            self.cls(obj) + "Pointer"

    def callback(self, cb):
        """(JNA interface name, its method) of a C callback type: the C
        name and invoke, or libvirt-java's (table rows `callback`)."""
        spec = self.table.get("callback", {}).get(cb)
        if spec:
            name, _, meth = spec.partition(":")
            return name, meth or "invoke"
        return cb, "invoke"

    def info(self, struct):
        return self.table.get("info", {}).get(struct) or \
            re.sub(r"Struct$", "", struct[3:])


class Structs:
    """The JNA Structures the generator can make, and their info classes."""

    def __init__(self, api, names):
        self.api = api
        self.names = names
        self.ok = {}
        for s in api.structs:
            if s.opaque or not s.fields:
                continue
            fields = self._fields(s)
            if fields is not None:
                self.ok[s.name] = fields

    def _fields(self, s):
        out = []
        for f in s.fields:
            if f.union:
                return None
            t = f.type
            m = re.match(r"char (\w+)\[(\w+)\]$", t)
            if m:
                n = int(m.group(2)) if m.group(2).isdigit() else \
                    _macro_int(self.api, m.group(2))
                if n is None:
                    return None
                out.append(dict(name=m.group(1), jna="byte[]",
                                init=f" = new byte[{n}]", jtype="String",
                                conv=f"Native.toString(s.{m.group(1)})",
                                ctype=t))
                continue
            t = _typedef(self.api, t)
            e = self.api.enum(t)
            if e is not None:
                t = "int"
            if t in FIELDS:
                jna, jt, conv = FIELDS[t]
                out.append(dict(name=f.name, jna=jna, init="", jtype=jt,
                                conv=conv.format(v="s." + f.name), ctype=t))
            else:
                out.append(dict(name=f.name, jna="Pointer", init="",
                                jtype=None, conv=None, ctype=t))
        return out

    def jna(self, struct_name):
        return struct_name if struct_name in self.ok else None

    def info_ok(self, struct_name):
        f = self.ok.get(struct_name)
        return f is not None and all(x["jtype"] for x in f)


def jna_type(api, names, structs, args, k):
    """The JNA type of argument k."""
    a = args[k]
    t = a.type
    nxt = args[k + 1] if k + 1 < len(args) else None
    o = api.object_of_ptr(_base(t))
    if o is not None:
        return "%s" % names.pointer(o.name)
    if t in SCALARS:
        return SCALARS[t][1]
    if t == "const char *":
        if nxt is not None and nxt.type == "size_t":
            return "byte[]"
        return "String"
    if t in ("char *", "unsigned char *", "const unsigned char *"):
        return "byte[]"
    if t == "void *" and k > 0 and args[k - 1].type == "size_t":
        return "byte[]"
    if t in ("int *", "unsigned int *") and nxt is not None and \
            nxt.type in ("int", "unsigned int") and \
            re.match(r"(n[a-z]|max|.*len$)", nxt.name):
        return "int[]"
    if t in ("char ** const", "char **") and nxt is not None and \
            nxt.type == "int" and (nxt.name.startswith("max") or
                                   nxt.name == "nameslen"):
        return "Pointer[]"
    if t == "const char **":
        return "String[]"
    if t in SCALAR_REFS:
        return SCALAR_REFS[t][1]
    s = _struct_of_ptr(api, t)
    if s is not None and structs.jna(s.name):
        return s.name
    if t.endswith("**") or t.endswith("Ptr *") or t == "char **" or \
            t == "char ***":
        return "PointerByReference"
    for cb in api.callbacks:
        if cb.name == t:
            # C casts every event callback to the generic type: any
            # JNA Callback goes
            if t.endswith("GenericCallback"):
                return "Callback"
            return names.callback(cb.name)[0]
    return "Pointer"


def jna_ret(api, names, structs, rt):
    o = api.object_of_ptr(_base(rt))
    if o is not None:
        return names.pointer(o.name)
    if rt == "void":
        return "void"
    if rt == "const char *":
        return "String"
    if rt in SCALARS:
        return SCALARS[rt][1]
    s = _struct_of_ptr(api, rt)
    if s is not None and structs.jna(s.name):
        return s.name
    return "Pointer"


class Method:
    """One generated Java method."""

    def __init__(self, cls, name, f):
        self.cls = cls
        self.name = name
        self.f = f
        self.params = []           # "int flags"
        self.pre = []              # Java statements before the call
        self.call = []             # JNA arguments
        self.post = []             # after the error test
        self.rtype = "void"
        self.ret_expr = None
        self.flags_last = False

    @property
    def signature(self):
        return (self.name, tuple(p.split()[0].replace("...", "[]")
                                 for p in self.params))


def _params_kind(args, k):
    """How a typed parameter list at args[k] goes: "get-alloc" (the
    library allocates it), "get" (the caller's array, counted by a first
    call), "set", or None."""
    a = args[k]
    nxt = args[k + 1].type if k + 1 < len(args) else None
    if a.type == "virTypedParameterPtr *" and \
            nxt in ("int *", "unsigned int *"):
        return "get-alloc"
    if a.type == "virTypedParameterPtr" and nxt == "int *":
        return "get"
    if a.type == "virTypedParameterPtr" and nxt in ("int", "unsigned int"):
        return "set"
    return None


def _num_of(api, f):
    """virConnectListDomains -> virConnectNumOfDomains: the function that
    says how many names a list call will give."""
    cands = [f.name.replace("List", "NumOf", 1),
             re.sub(r"Names$", "", f.name).replace("List", "Num", 1),
             re.sub(r"ListNames$", "Num", f.name)]
    want = [a.type for a in f.args
            if a.type not in ("char ** const", "char **", "int *") and
            not a.name.startswith("max") and a.name != "nameslen"]
    for c in cands:
        for g in api.functions:
            if g.name == c and [a.type for a in g.args] == want:
                return g
    return None


def build_method(api, names, structs, table, f, cls, mname, self_obj):
    """A Method for f on Java class cls, or raise Todo.  self_obj: the C
    object the class stands for (its handle is `this`)."""
    m = Method(cls, mname, f)
    args = f.args
    conn = "this" if self_obj == "virConnect" else "virConnect"
    outs = []                      # (java type, expression) results
    clamp = set()                  # lengths of one-element out buffers
    k = 0
    argtypes = table.get("arg", {})
    while k < len(args):
        a = args[k]
        t = a.type
        nxt = args[k + 1] if k + 1 < len(args) else None
        p = _pname(a.name)
        o = api.object_of_ptr(_base(t))
        override = argtypes.get(f"{f.name}.{a.name}")
        if k == 0 and a.role == "object" and o is not None and \
                o.name == self_obj:
            m.call.append("this.ptr")
        elif t in ("virTypedParameterPtr", "virTypedParameterPtr *"):
            kind = _params_kind(args, k)
            pcls = table.get("params", {}).get(f.name, "TypedParameter")
            if kind is None or outs:
                raise Todo("typed parameters in this shape")
            if kind == "set":
                m.params.append(f"{pcls}[] {p}")
                m.call += [f"{pcls}.toNative({p})", f"{p}.length"]
            elif kind == "get-alloc":
                m.pre.append(f"PointerByReference {p} = new PointerByReference();")
                m.pre.append(f"IntByReference {p}_n = new IntByReference();")
                m.call += [p, f"{p}_n"]
                m.post.append(f"{pcls}[] {p}_r = {pcls}.fromNative("
                              f"{p}.getValue(), {p}_n.getValue());")
                m.post.append(f"libvirt.virTypedParamsFree({p}.getValue(), "
                              f"{p}_n.getValue());")
                m.post.append(f"return {p}_r;")
                outs.append((f"{pcls}[]", None))
            elif any(c.arg == a.name and c.kind == "nonnull"
                     for c in f.checks):
                raise Todo("typed parameters counted by another call")
            else:
                # the caller's array: a first call counts the parameters
                m.pre.append(f"IntByReference {p}_n = new IntByReference(0);")
                m.twice = (len(m.call), p)
                m.call += [p, f"{p}_n"]
                m.post.append(f"{pcls}[] {p}_r = {pcls}.fromNative("
                              f"{p}, {p}_n.getValue());")
                m.post.append(f"libvirt.virTypedParamsClear({p}, "
                              f"{p}_n.getValue());")
                m.post.append(f"return {p}_r;")
                outs.append((f"{pcls}[]", None))
            k += 2
            continue
        elif o is not None and not t.endswith("*"):
            jc = names.cls(o.name)
            m.params.append(f"{jc} {p}")
            m.call.append(f"({p} == null ? null : {p}.ptr)")
        elif t == "size_t" and nxt is not None and nxt.type == "void *":
            # a buffer of that size to fill: blockPeek(disk, offset, buffer)
            pn = _pname(nxt.name)
            m.params.append(f"byte[] {pn}")
            m.call += [f"new NativeLong({pn}.length)", pn]
            k += 2
            continue
        elif t in SCALARS and override in table.get("jenum_names", ()):
            m.params.append(f"{override} {p}")
            m.call.append(f"{p}.value()")
        elif t in SCALARS and override == "boolean":
            m.params.append(f"boolean {p}")
            m.call.append(f"({p} ? 1 : 0)")
        elif t in SCALARS:
            jt, _, conv, _ = SCALARS[t]
            m.params.append(f"{jt} {p}")
            m.call.append(conv.format(v=p))
            if a.name == "flags" and k == len(args) - 1:
                m.flags_last = True
        elif t == "const char *" and nxt is not None and \
                nxt.type == "size_t":
            m.params.append(f"byte[] {p}")
            m.call += [p, f"new NativeLong({p}.length)"]
            k += 2
            continue
        elif t == "const char *":
            m.params.append(f"String {p}")
            m.call.append(p)
        elif t == "char *" and nxt is not None and nxt.type == "size_t":
            m.params.append(f"byte[] {p}")
            m.call += [p, f"new NativeLong({p}.length)"]
            k += 2
            continue
        elif t == "const unsigned char *" and nxt is not None and \
                nxt.type in ("size_t", "int", "unsigned int"):
            m.params.append(f"byte[] {p}")
            conv = "new NativeLong({v}.length)" if nxt.type == "size_t" \
                else "{v}.length"
            m.call += [p, conv.format(v=p)]
            k += 2
            continue
        elif t == "unsigned char *" and a.name == "cpumap" and \
                "Get" not in f.name and \
                nxt is not None and nxt.type == "int" and \
                nxt.name == "maplen":
            # a CPU map going in: an int per byte, as libvirt-java has it
            m.params.append(f"int[] {p}")
            m.call += [f"Library.toBytes({p})", f"{p}.length"]
            k += 2
            continue
        elif t == "const unsigned char *" and "uuid" in a.name.lower():
            m.params.append(f"int[] {p}")
            m.call.append(f"Connect.createUUIDBytes({p})")
        elif t == "const char **" and nxt is not None and \
                nxt.type in ("unsigned int", "int"):
            m.params.append(f"String[] {p}")
            m.call += [p, f"{p} == null ? 0 : {p}.length"]
            k += 2
            continue
        elif t in ("unsigned char *", "char *") and \
                f.name.endswith(("GetUUID", "GetUUIDString")):
            raw = f.name.endswith("GetUUID")
            m.pre.append(f"byte[] {p} = new byte[{16 if raw else 37}];")
            m.call.append(p)
            outs.append(("int[]", f"Connect.convertUUIDBytes({p})") if raw
                        else ("String", f"Native.toString({p})"))
        elif t in ("char ** const", "char **", "int *") and \
                nxt is not None and \
                nxt.type == "int" and (nxt.name.startswith("max") or
                                       nxt.name == "nameslen") and not outs:
            g = _num_of(api, f)
            if g is None:
                raise Todo(f"list {a.name}: no NumOf function to size it")
            lead = ", ".join(m.call)
            later = [_pname(b.name) for b in args[k + 2:]]
            m.pre.append(f"int {p}_n = ErrorHandler.processError("
                         f"libvirt.{g.name}({', '.join([lead] + later if lead else later)}));")
            if t == "int *":
                m.pre.append(f"int[] {p} = new int[{p}_n];")
                m.call += [p, f"{p}_n"]
                m.post.append(f"return java.util.Arrays.copyOf({p}, r);")
                outs.append(("int[]", None))
            else:
                m.pre.append(f"Pointer[] {p} = new Pointer[{p}_n];")
                m.call += [p, f"{p}_n"]
                m.post.append(f"return Library.toStrings({p}, r);")
                outs.append(("String[]", None))
            k += 2
            continue
        elif t == "char **" and not outs and \
                (nxt is None or nxt.name == "flags"):
            m.pre.append(f"PointerByReference {p} = new PointerByReference();")
            m.call.append(p)
            outs.append(("String", f"Library.getString({p}.getValue())"))
        elif t == "char ***" and not outs:
            m.pre.append(f"PointerByReference {p} = new PointerByReference();")
            m.call.append(p)
            m.post.append(f"return Library.toStrings({p}.getValue(), r);")
            outs.append(("String[]", None))
        elif t.endswith(" **") and api.object_of_ptr(t[:-3]) and not outs:
            o = api.object_of_ptr(t[:-3])
            jc = names.cls(o.name)
            m.pre.append(f"PointerByReference {p} = new PointerByReference();")
            m.call.append(p)
            m.post.append(f"Pointer[] {p}_a = r > 0 ? {p}.getValue()"
                          f".getPointerArray(0, r) : new Pointer[0];")
            m.post.append(f"{jc}[] {p}_r = new {jc}[r];")
            m.post.append("for (int i = 0; i < r; i++)")
            m.post.append(f"    {p}_r[i] = new {jc}({conn}, new "
                          f"{names.pointer(o.name)}({p}_a[i]));")
            m.post.append(f"Library.free({p}.getValue());")
            m.post.append(f"return {p}_r;")
            outs.append((f"{jc}[]", None))
        elif t.endswith("Ptr **") and not outs and \
                _struct_of_ptr(api, t[:-3]) is not None:
            # structs the library allocates, each freed by its own Free
            s = _struct_of_ptr(api, t[:-3])
            free = next((g.name for g in api.functions
                         if g.name == s.name + "Free"), None)
            if not structs.info_ok(s.name) or free is None:
                raise Todo(f"list of struct {s.name}")
            info = names.info(s.name)
            m.pre.append(f"PointerByReference {p} = new PointerByReference();")
            m.call.append(p)
            m.post.append(f"{info}[] {p}_r = new {info}[r];")
            m.post.append("if (r > 0) {")
            m.post.append(f"    Pointer[] {p}_a = {p}.getValue().getPointerArray(0, r);")
            m.post.append("    for (int i = 0; i < r; i++) {")
            m.post.append(f"        {s.name} e = new {s.name}({p}_a[i]);")
            m.post.append(f"        {p}_r[i] = new {info}(e);")
            m.post.append(f"        libvirt.{free}(e);")
            m.post.append("    }")
            m.post.append("}")
            m.post.append(f"Library.free({p}.getValue());")
            m.post.append(f"return {p}_r;")
            outs.append((f"{info}[]", None))
        elif _struct_of_ptr(api, t) is not None and not outs and \
                t.endswith("Ptr") and nxt is not None and \
                nxt.type in ("int", "unsigned int") and \
                nxt.name.startswith(("nr_", "n", "max")):
            # an array of structs the caller sizes: memoryStats(n)
            s = _struct_of_ptr(api, t)
            if not structs.info_ok(s.name):
                raise Todo(f"struct {s.name}")
            info = names.info(s.name)
            pn = _pname(nxt.name)
            m.params.append(f"int {pn}")
            m.pre.append(f"{s.name}[] {p} = ({s.name}[]) new {s.name}()"
                         f".toArray(Math.max({pn}, 1));")
            m.call += [f"{p}[0]", pn]
            m.post.append(f"{info}[] {p}_r = new {info}[r];")
            m.post.append("for (int i = 0; i < r; i++) {")
            m.post.append(f"    {p}[i].read();")
            m.post.append(f"    {p}_r[i] = new {info}({p}[i]);")
            for x in structs.ok[s.name]:
                if x["ctype"] == "char *":    # copied: the caller frees
                    m.post.append(f"    Library.free({p}[i].{x['name']});")
            m.post.append("}")
            m.post.append(f"return {p}_r;")
            outs.append((f"{info}[]", None))
            k += 2
            continue
        elif _struct_of_ptr(api, t) is not None and not outs and \
                t.endswith("Ptr"):
            s = _struct_of_ptr(api, t)
            if not structs.info_ok(s.name):
                raise Todo(f"struct {s.name}")
            info = names.info(s.name)
            m.pre.append(f"{s.name} {p} = new {s.name}();")
            m.call.append(p)
            if nxt is not None and nxt.type == "size_t" and \
                    nxt.name == "size":
                m.call.append(f"new NativeLong({p}.size())")
                k += 1
            outs.append((info, f"new {info}({p})"))
        elif t.endswith(" *") and t in SCALAR_REFS and a.nullable and \
                f.ret.type not in ("int", "void"):
            m.call.append("null")
        elif t in ("int *", "unsigned int *") and nxt is not None and \
                nxt.type in ("int", "unsigned int") and \
                re.match(r"n[a-z]", nxt.name) and "Get" not in f.name:
            # numbers going in, and their count: sendKey(..., keycodes)
            m.params.append(f"int[] {p}")
            m.call += [p, f"{p} == null ? 0 : {p}.length"]
            k += 2
            continue
        elif t in SCALAR_REFS and nxt is not None and \
                nxt.type in ("int", "unsigned int") and \
                re.match(r"(n[a-z]|max|.*len$)", nxt.name):
            raise Todo(f"array {a.name}: {t} and its length")
        elif t in SCALAR_REFS and not outs:
            jt, jna, conv = SCALAR_REFS[t]
            m.pre.append(f"{jna} {p} = new {jna}();")
            m.call.append(p)
            # An array the method reads one element of (libvirt-java's
            # shape): the library is told the buffer holds one.
            for c in f.checks:
                if c.arg == a.name and c.kind == "nonnull-array" and c.len:
                    clamp.add(c.len)
            val = conv.format(v=p)
            rt = table.get("result", {}).get(f.name)
            if rt == "boolean":
                outs.append(("boolean", f"{val} != 0"))
            else:
                outs.append((jt, val))
        else:
            raise Todo(f"argument {a.name}: {t}")
        k += 1

    if clamp:
        m.call = [f"Math.min({x}, 1)" if x in {_pname(n) for n in clamp}
                  else x for x in m.call]
    rt = f.ret.type
    err = f.ret.error
    o = api.object_of_ptr(_base(rt))
    want = table.get("result", {}).get(f.name)
    check = None
    if rt == "void":
        value = None
    elif o is not None:
        jc = names.cls(o.name)
        m.rtype = jc
        check = "r == null"
        value = f"new {jc}({conn}, r)"
        if o.name == "virConnect":
            raise Todo("returns a connection")
    elif rt == "char *":
        check = "r == null"
        value = "Library.getString(r)"
        m.rtype = "String"
    elif rt == "const char *":
        check = "r == null"
        value = "r"
        m.rtype = "String"
    elif rt in SCALARS:
        jt, jna, _, back = SCALARS[rt]
        rv = "r.longValue()" if jna == "NativeLong" else "r"
        if err in ("-1", "(unsigned int)-1"):
            check = f"{rv} == -1"
        elif err == "0":
            check = f"{rv} == 0"
        value = back.format(v="r")
        m.rtype = jt
    else:
        raise Todo(f"returns {rt}")
    m.jna_ret = jna_ret(api, names, structs, rt)

    body = list(m.pre)
    if getattr(m, "twice", None):
        i, p = m.twice
        first = list(m.call)
        first[i] = "null"
        body.append(f"if (libvirt.{f.name}({', '.join(first)}) == -1) "
                    "throw ErrorHandler.error();")
        body.append(f"com.sun.jna.Memory {p} = new com.sun.jna.Memory("
                    f"(long) TypedParameter.SIZE * Math.max({p}_n.getValue(), 1));")
        body.append(f"{p}.clear();")
    callexpr = f"libvirt.{f.name}({', '.join(m.call)})"
    if rt == "void":
        body.append(callexpr + ";")
    else:
        body.append(f"{m.jna_ret} r = {callexpr};")
    if check and err != "none":
        body.append(f"if ({check}) throw ErrorHandler.error();")
    if outs and not m.post and value is not None and \
            (o is not None or rt in ("char *", "const char *")) and \
            all(x[1] and ".getValue()" in x[1] for x in outs):
        # the C result is the answer; a count beside it is dropped
        # (getSchedulerType answers the name, not the number)
        outs = []
    if m.post:
        m.rtype = outs[0][0]
        body += m.post
    elif outs:
        if len(outs) > 1:
            raise Todo("more than one value comes back")
        m.rtype = outs[0][0]
        body.append(f"return {outs[0][1]};")
    elif rt != "void":
        answer = mname.startswith(("is", "has", "num", "get")) or \
            err not in ("-1",) or want in ("int", "long", "boolean") or \
            want in table.get("jenum_names", ())
        if rt in SCALARS and err == "-1" and not answer:
            m.rtype = "void"
        elif want == "boolean":
            m.rtype = "boolean"
            body.append(f"return {value} != 0;")
        elif want in table.get("jenum_names", ()):
            m.rtype = want
            body.append(f"return {want}.get({value});")
        else:
            body.append(f"return {value};")
    if want in ("void",):
        m.rtype = "void"
        body = [b for b in body if not b.startswith("return")]
    m.body = body
    return m


def _override_members(root):
    """{class: (text, set of member names)} of bindings/java/overrides/."""
    out = {}
    files = []
    for sub in (OVERRIDES, RUNTIME):
        d = os.path.join(root, sub)
        if os.path.isdir(d):
            files += [os.path.join(d, fn) for fn in sorted(os.listdir(d))
                      if fn.endswith(".java")]
    for path in files:
        fn = os.path.basename(path)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        members = {}
        for mm in re.finditer(
                r"^    (?:(?:public|protected|private|static|final|"
                r"synchronized) )*(?:[\w<>\[\],.]+ )?(\w+)\(([^)]*)\)",
                text, re.M):
            types = tuple(p.split()[-2] for p in mm.group(2).split(",")
                          if p.strip())
            members.setdefault(mm.group(1), set()).add(types)
        # a runtime class is whole: only its member names are used
        out[fn[:-5]] = ("" if RUNTIME in path else text, members)
    return out


def _lifecycle(f):
    if f.impl == "free" or f.name in ("virConnectClose", "virStreamFree"):
        return "free() (close() for Connect)"
    if f.impl == "ref" or (f.name.endswith("Ref") and len(f.args) == 1 and
                           f.object_arg is not None):
        return "Java references: a handle object owns one reference"
    if f.impl.startswith("get-") and f.ret.type.endswith("Ptr"):
        return "getConnect() and the handle's stored parent"
    if f.name.endswith("Free") and len(f.args) == 1 and \
            f.ret.type == "void":
        return "the info class copies the struct, freed at once"
    return None


def _rule(f):
    """(how, reason) for functions whose shape has one answer in Java."""
    if f.file == "virterror":
        return ("skip", "errors reach Java as LibvirtException carrying an "
                "Error, read by ErrorHandler after each failed call")
    if f.file == "libvirt-event" and "Default" not in f.name:
        return ("skip", "libvirt-java has no custom event loop API: "
                "Library runs libvirt's default loop (initEventLoop, "
                "processEvent, runEventLoop, stopEventLoop)")
    if f.name.startswith("virTypedParams"):
        return ("skip", "typed parameter lists are TypedParameter arrays "
                "in Java; the C list helpers have no use there")
    return None


def _enum_classes(api, names, table):
    """Each IDL enum as a nested class of constants on the handle class
    whose name starts it: virDomainXMLFlags -> Domain.XMLFlags.SECURE."""
    objs = sorted((o.name for o in api.objects), key=len, reverse=True)
    renames = table.get("enum", {})
    out = {}
    for e in api.enums:
        vals = [v for v in e.values if not v.sentinel]
        if not vals:
            continue
        owner = next((o for o in objs if e.name.startswith(o)), None)
        fixed = None
        if e.name in renames:
            where, sep, fixed = renames[e.name].partition(":")
            fixed = fixed if sep else None
            jcls, _, nested = where.partition(".")
            owner = next(o for o in objs if names.cls(o) == jcls)
        elif owner is None:
            continue
        else:
            nested = e.name[len(owner):]
            nested = re.sub(r"Flags?Values$", "Flags", nested)
            nested = re.sub(r"Values$", "", nested)
        if not nested or not nested[0].isupper():
            continue
        owner_prefix = _snake_const(owner) + "_"
        if fixed is not None:
            prefix = fixed
        else:
            # the values' common words; a lone value (or NONE beside the
            # others) shares them with the enum's own name
            named = [v.name for v in vals if not v.name.endswith("_NONE")]
            if len(named) > 1:
                prefix = os.path.commonprefix(named)
            else:
                prefix = os.path.commonprefix(
                    [_snake_const(e.name) + "_"] + named)
            prefix = prefix[:prefix.rfind("_") + 1]
        consts = []
        for v in vals:
            n = v.name[len(prefix):] if v.name.startswith(prefix) else \
                v.name[len(owner_prefix):] if \
                v.name.startswith(owner_prefix) else v.name
            if not n or n[0].isdigit():
                n = v.name[len(prefix[:prefix[:-1].rfind("_") + 1]):]
            val = v.value
            if val >= 2 ** 31:
                val -= 2 ** 32
            consts.append((n, val))
        cls = names.cls(owner)
        bucket = out.setdefault(cls, {})
        if nested in bucket or nested == cls:
            continue
        bucket[nested] = consts
    return out


def _java_enums(api, table):
    """Top-level Java enums made from IDL enums (table rows `jenum`): the
    values in order, named without their common prefix (or renamed by a
    `const` row), each knowing its C value."""
    out = []
    renames = table.get("const", {})
    for cname, spec in sorted(table.get("jenum", {}).items()):
        jname, sep, fixed = spec.partition(":")
        e = api.enum(cname)
        if e is None:
            continue
        vals = [v for v in sorted(e.values, key=lambda v: v.value)
                if not v.sentinel and not v.alias]
        if sep:
            prefix = fixed
        else:
            prefix = os.path.commonprefix([v.name for v in vals])
            prefix = prefix[:prefix.rfind("_") + 1]
        out.append(dict(name=jname, cname=cname,
                        values=[(renames.get(v.name, v.name[len(prefix):]),
                                 v.value) for v in vals]))
    return out


def _snake_const(cname):
    """virDomainBlockJobInfoFlags -> VIR_DOMAIN_BLOCK_JOB_INFO_FLAGS."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])|(?<=[A-Z])([A-Z])(?=[a-z])",
                  r"_\1\2", cname).upper()


def _error_enum(api, name, unknown):
    e = api.enum(name)
    if e is None:
        return [unknown]
    vals = sorted((v for v in e.values if not v.sentinel),
                  key=lambda v: v.value)
    return [v.name for v in vals] + [unknown]


# Values an object event hands its listener: C type -> Java type.
EVENT_VALUES = {"int": "int", "unsigned int": "int", "const char *": "String"}


def _object_events(api, names, f):
    """virConnect<X>EventRegisterAny of the objects other than domains,
    as listener objects (libvirt-java's way for domain events): for each
    value of vir<X>EventID an interface org.libvirt.event.<Class><Id>
    Listener with on<Id>(handle, values...), and Connect.add/remove
    <Class><Id>Listener; the callback is vir<X>Event<Id>Callback or the
    generic one.  [] when f is not such a function."""
    mm = re.match(r"virConnect(\w+)EventRegisterAny$", f.name)
    if not mm or mm.group(1) == "Domain":
        return []
    x = mm.group(1)
    obj = "vir" + x
    e = api.enum(f"vir{x}EventID")
    dereg = f"virConnect{x}EventDeregisterAny"
    if api.object(obj) is None or e is None or \
            not any(g.name == dereg for g in api.functions):
        return []
    cls = names.cls(obj)
    cbs = {c.name: c for c in api.callbacks}
    out = []
    for v in sorted(e.values, key=lambda v: v.value):
        if v.sentinel or "_EVENT_ID_" not in v.name:
            continue
        idname = v.name.split("_EVENT_ID_", 1)[1]
        camel = "".join(w.capitalize() for w in idname.split("_"))
        cb = cbs.get(f"virConnect{x}Event{camel}Callback") or \
            cbs.get(f"virConnect{x}EventGenericCallback")
        if cb is None:
            raise Todo(f"no callback type for {v.name}")
        values = cb.args[2:-1]
        if any(a.type not in EVENT_VALUES for a in values):
            raise Todo(f"event values of {cb.name}")
        vnames = [_pname(a.name) for a in values]
        lname = f"{cls}{camel}Listener"
        jparams = ", ".join(
            [f"ConnectionPointer c_", f"{names.pointer(obj)} h_"] +
            [f"{EVENT_VALUES[a.type]} {n}" for a, n in zip(values, vnames)] +
            ["Pointer opaque_"])
        add = Method(cls, "add" + lname, f)
        add.params = [f"org.libvirt.event.{lname} l"]
        add.body = [
            f"Libvirt.{cb.name} cb = ({jparams}) -> {{",
            f"    libvirt.{obj}Ref(h_);",
            f"    l.on{camel}({', '.join([f'new {cls}(this, h_)'] + vnames)});",
            "};",
            f"int id = libvirt.{f.name}(this.ptr, null, {v.value}, cb, "
            "null, null);",
            "if (id == -1) throw ErrorHandler.error();",
            "synchronized (objectListeners) {",
            "    objectListeners.put(l, new Object[] {id, cb});",
            "}"]
        rem = Method(cls, "remove" + lname, f)
        rem.params = list(add.params)
        rem.body = [
            "Object[] r;",
            "synchronized (objectListeners) {",
            "    r = objectListeners.remove(l);",
            "}",
            f"if (r != null && libvirt.{dereg}(this.ptr, (Integer) r[0]) "
            "== -1)",
            "    throw ErrorHandler.error();"]
        out.append(dict(name=lname, cls=cls, method="on" + camel,
                        event=v.name, register=f.name,
                        params=", ".join([f"{cls} {cls[:1].lower() + cls[1:]}"] +
                                         [f"{EVENT_VALUES[a.type]} {n}"
                                          for a, n in zip(values, vnames)]),
                        methods=[add, rem]))
    return out


def _libraries(api):
    """[(JNA interface, .so name, Api for types, functions)]: libvirt.so,
    then libvirt-qemu.so and libvirt-lxc.so (LibvirtQemu, LibvirtLxc)."""
    out = [("Libvirt", "virt", api, api.functions)]
    for lib in api.libraries:
        view = copy.copy(api)              # the main types, its callbacks
        view.callbacks = list(api.callbacks) + list(lib.callbacks)
        stem = lib.name[len("libvirt-"):]
        out.append(("Libvirt" + stem[:1].upper() + stem[1:], "virt-" + stem,
                    view, lib.functions))
    return out


def build(api, root):
    table = java_load_names()
    names = Names(api, table)
    structs = Structs(api, names)
    objects = [o.name for o in api.objects]
    overrides = _override_members(root)
    jenums = _java_enums(api, table)
    table = dict(table, jenum_names={j["name"] for j in jenums})
    classes = {o.name: [] for o in api.objects}
    rows = []
    errors = []
    used_structs = set()
    relocate = table.get("method", {})
    libs = _libraries(api)
    listeners = []
    for iface, _, tapi, f in [(i, so, t, f) for i, so, t, fs in libs
                              for f in fs]:
        b = f.binding("java")
        obj = f.object_arg
        own = None
        if obj is not None:
            o = api.object_of_ptr(_base(obj.type))
            own = o.name if o else None
        target = own
        if f.name in relocate and "." in relocate[f.name]:
            target = "vir" + relocate[f.name].partition(".")[0]
            target = next((x for x in objects
                           if names.cls(x) == target[3:]), target)
        cname = names.cls(target) if target else ""
        if b is not None and b.cls:
            target = b.cls
            cname = names.cls(target) if target.startswith("vir") else target
        if b is not None and b.mode == "skip":
            rows.append((f.name, "skip", cname, "", b.reason))
            continue
        mname = b.name if b is not None and b.name else \
            (java_method(f.name, target, objects, table) if target else None)
        if b is not None and b.mode == "custom":
            text, members = overrides.get(cname, ("", set()))
            if mname not in members:
                errors.append(f"{f.where}: {f.name}: custom Java member "
                              f"{cname}.{mname} is in no file of {OVERRIDES}")
            rows.append((f.name, "custom", cname, mname,
                         f"overrides/{cname}.java"))
            continue
        rule = _rule(f)
        if rule:
            rows.append((f.name, rule[0], cname, "", rule[1]))
            continue
        how = _lifecycle(f)
        if how:
            rows.append((f.name, "lifecycle", cname, "", how))
            continue
        if mname is None:
            rows.append((f.name, "todo", "", "",
                         "no object argument: needs a hand-written method"))
            continue
        try:
            evs = _object_events(tapi, names, f)
            if evs:
                classes["virConnect"] += [m for ev in evs
                                          for m in ev["methods"]]
                listeners += evs
                rows.append((f.name, "generated", "Connect",
                             "/".join(m.name for ev in evs
                                      for m in ev["methods"][:1]), ""))
                continue
            if any(a.type.endswith(("Func", "Callback")) or
                   a.type == "virConnectAuthPtr" for a in f.args):
                raise Todo("takes a C callback")
            if "TypedParameter" in f.ret.type:
                raise Todo("returns typed parameters")
            m = build_method(tapi, names, structs, table, f, cname, mname,
                             target)
            if iface != "Libvirt":
                m.body = [x.replace(f"libvirt.{f.name}(",
                                    f"{iface}.INSTANCE.{f.name}(")
                          for x in m.body]
        except Todo as e:
            rows.append((f.name, "todo", cname, mname, str(e)))
            continue
        if m.signature[1] in overrides.get(cname, ("", {}))[1].get(
                mname, ()):
            errors.append(f"{f.where}: {f.name}: {cname}.{mname} is "
                          "hand-written but the IDL does not say custom")
            continue
        for a in f.args:
            s = _struct_of_ptr(api, re.sub(r" \*+$", "", a.type))
            if s is not None:
                used_structs.add(s.name)
        classes[target].append(m)
        rows.append((f.name, "generated", cname, mname, ""))
    if errors:
        raise SystemExit("\n".join("error: " + e for e in errors))

    # Each method taking flags last also comes without them (flags 0),
    # as libvirt-java has for most, unless that signature exists.
    for obj, methods in classes.items():
        seen = {m.signature for m in methods}
        for n, sigs in overrides.get(names.cls(obj), ("", {}))[1].items():
            seen |= {(n, t) for t in sigs}
        extra = []
        for m in methods:
            if not m.flags_last:
                continue
            sig = (m.name, m.signature[1][:-1])
            if sig in seen:
                continue
            seen.add(sig)
            argn = [p.split()[1] for p in m.params[:-1]]
            call = f"{m.name}({', '.join(argn + ['0'])})"
            x = Method(m.cls, m.name, m.f)
            x.params = m.params[:-1]
            if x.params and x.params[-1].split()[0] == "int[]":
                x.params[-1] = "int... " + x.params[-1].split()[1]
            x.rtype = m.rtype
            x.body = [(f"return {call};" if m.rtype != "void"
                       else f"{call};")]
            x.overload = True
            extra.append(x)
        # overloads of the same name and parameters: the first one wins
        uniq, sigs = [], set(seen) - {m.signature for m in methods + extra}
        for x in methods + extra:
            if x.signature in sigs:
                continue
            sigs.add(x.signature)
            uniq.append(x)
        classes[obj] = uniq
    rows.sort()

    # The JNA interfaces: every function of libvirt.so (and of
    # libvirt-qemu.so, libvirt-lxc.so), every callback type.
    ifaces = []
    for iface, so, tapi, funcs in libs:
        jfuncs = []
        for f in funcs:
            params = []
            for k, a in enumerate(f.args):
                params.append(f"{jna_type(tapi, names, structs, f.args, k)} "
                              f"{_pname(a.name)}")
            jfuncs.append((jna_ret(tapi, names, structs, f.ret.type),
                           f.name, ", ".join(params)))
        jcallbacks = []
        own = api.callbacks if iface == "Libvirt" else \
            [c for c in tapi.callbacks if c not in api.callbacks]
        for cb in own:
            # JNA hands a callback no arrays: buffers come as Pointers
            params = [f"{jna_type(tapi, names, structs, cb.args, k)} "
                      .replace("byte[] ", "Pointer ").replace("int[] ", "Pointer ") +
                      _pname(a.name) for k, a in enumerate(cb.args)]
            jname, jmeth = names.callback(cb.name)
            jcallbacks.append((jna_ret(tapi, names, structs, cb.ret.type),
                               jname, ", ".join(params), jmeth))
        if iface != "Libvirt":
            # libvirt.so's callback types are Libvirt's members
            main = {names.callback(c.name)[0] for c in api.callbacks}
            jfuncs = [(r, n, re.sub(r"\b(\w+)(?= \w+(,|$))",
                                    lambda mm: "Libvirt." + mm.group(1)
                                    if mm.group(1) in main else mm.group(1),
                                    p)) for r, n, p in jfuncs]
        ifaces.append(dict(name=iface, so=so, jfuncs=jfuncs,
                           jcallbacks=jcallbacks,
                           prop="virtkit.library" + ("" if iface == "Libvirt"
                                                     else "." + so[5:])))

    enum_classes = _enum_classes(api, names, table)
    infos = []
    field_enums = table.get("field", {})
    for sname in sorted(used_structs | set(table.get("info", {}))):
        if not structs.info_ok(sname):
            continue
        fields = []
        for x in structs.ok[sname]:
            fe = field_enums.get(f"{sname}.{x['name']}")
            if fe:
                jenum, _, cenum = fe.partition("=")
                consts = _error_enum(api, cenum, None)[:-1]
                fields.append(dict(x, jtype=jenum, enum=consts,
                                   conv=f"{jenum}.of({x['conv']})"))
            else:
                fields.append(dict(x, enum=None))
        getters = table.get("getter", {})
        for x in fields:
            g = getters.get(f"{sname}.{x['name']}", "")
            gname, _, gtype = g.partition(":")
            x["getter"] = gname or "get" + x["name"][:1].upper() + \
                x["name"][1:]
            x["gtype"] = gtype or x["jtype"]
            x["gexpr"] = f"{x['name']} != 0" if gtype == "boolean" \
                else x["name"]
        infos.append(dict(name=names.info(sname), struct=sname,
                          fields=fields,
                          override=overrides.get(names.info(sname),
                                                 ("", {}))[0]))

    # org.libvirt.event: DomainEventType and one detail enum per type
    details = {}
    for e in api.enums:
        mm = re.match(r"virDomainEvent(\w+)DetailType$", e.name)
        if mm:
            vals = [v for v in sorted(e.values, key=lambda v: v.value)
                    if not v.sentinel]
            prefix = os.path.commonprefix([v.name for v in vals])
            prefix = prefix[:prefix.rfind("_") + 1]
            details[mm.group(1).upper()] = dict(
                name=mm.group(1) + "Detail", implements="DomainEventDetail",
                values=[v.name[len(prefix):] for v in vals] + ["UNKNOWN"])
    etype = api.enum("virDomainEventType")
    event_types = []
    for v in sorted(etype.values, key=lambda v: v.value) if etype else []:
        if v.sentinel:
            continue
        short = v.name[len("VIR_DOMAIN_EVENT_"):]
        d = details.get(short)
        event_types.append((short, d["name"] if d else None))

    event_enums = sorted(details.values(), key=lambda d: d["name"])
    # other enums of org.libvirt.event, from the table: their values in
    # order, then the entry libvirt-java puts last (UNKNOWN, LAST)
    for cname, spec in sorted(table.get("eventenum", {}).items()):
        jname, _, last = spec.partition(":")
        e = api.enum(cname)
        if e is None:
            continue
        vals = [v.name for v in sorted(e.values, key=lambda v: v.value)
                if not v.sentinel]
        prefix = os.path.commonprefix(vals)
        prefix = prefix[:prefix.rfind("_") + 1]
        event_enums.append(dict(name=jname, implements=None,
                                values=[v[len(prefix):] for v in vals] +
                                ([last] if last else [])))
    close = api.enum("virConnectCloseReason")
    if close is not None:
        vals = [v.name for v in sorted(close.values, key=lambda v: v.value)
                if not v.sentinel]
        prefix = os.path.commonprefix(vals)
        prefix = prefix[:prefix.rfind("_") + 1]
        event_enums.append(dict(name="ConnectionCloseReason", implements=None,
                                values=[v[len(prefix):] for v in vals] +
                                ["UNKNOWN"]))

    return {
        "jenums": jenums,
        "event_types": event_types,
        "event_details": event_enums,
        "classes": [dict(obj=o, name=names.cls(o), pointer=names.pointer(o),
                         implements=table.get("implements", {}).get(o),
                         methods=classes[o],
                         consts=sorted(enum_classes.get(names.cls(o),
                                                        {}).items()),
                         override=overrides.get(names.cls(o), ("", set()))[0],
                         free=next((f.name for f in api.functions
                                    if (f.impl == "free" or
                                        f.name == o + "Free") and
                                    f.object_arg and
                                    _base(f.object_arg.type) == o + "Ptr"),
                                   "virConnectClose"))
                    for o in objects],
        "ifaces": ifaces,
        "listeners": listeners,
        "structs": [dict(name=n, fields=fl) for n, fl in
                    sorted(structs.ok.items())],
        "infos": infos,
        "error_enums": [("ErrorDomain", _error_enum(api, "virErrorDomain",
                                                    "VIR_FROM_UNKNOWN")),
                        ("ErrorLevel", _error_enum(api, "virErrorLevel",
                                                   "VIR_ERR_UNKNOWN")),
                        ("ErrorNumber", _error_enum(api, "virErrorNumber",
                                                    "VIR_ERR_UNKNOWN"))],
        "rows": rows,
    }


def generate(api, outdir):
    idl = os.path.abspath(api.objects[0].where.file) if api.objects else "."
    root = os.path.dirname(os.path.dirname(idl))
    m = build(api, root)
    out = os.path.join(outdir, "bindings", "java", "gen")
    src = os.path.join(out, PKG_DIR)
    ban = "// Generated from api/virt-api.xml by generator/%s. " \
          "DO NOT EDIT.\n" % TARGET
    for i in m["ifaces"]:
        writer.write(os.path.join(src, "jna", i["name"] + ".java"),
                     ban + render("java/Libvirt.java.j2", i=i))
    for c in m["classes"]:
        writer.write(os.path.join(src, "jna", c["pointer"] + ".java"),
                     ban + render("java/Pointer.java.j2", c=c))
        writer.write(os.path.join(src, c["name"] + ".java"),
                     ban + render("java/Class.java.j2", c=c))
    for s in m["structs"]:
        writer.write(os.path.join(src, "jna", s["name"] + ".java"),
                     ban + render("java/Struct.java.j2", s=s))
    for i in m["infos"]:
        writer.write(os.path.join(src, i["name"] + ".java"),
                     ban + render("java/Info.java.j2", i=i))
    writer.write(os.path.join(src, "Error.java"),
                 ban + render("java/Error.java.j2", **m))
    for e in m["jenums"]:
        writer.write(os.path.join(src, e["name"] + ".java"),
                     ban + render("java/Enum.java.j2", e=e))
    writer.write(os.path.join(src, "event", "DomainEventType.java"),
                 ban + render("java/DomainEventType.java.j2", **m))
    for x in m["listeners"]:
        writer.write(os.path.join(src, "event", x["name"] + ".java"),
                     ban + render("java/Listener.java.j2", x=x))
    for d in m["event_details"]:
        writer.write(os.path.join(src, "event", d["name"] + ".java"),
                     ban + render("java/EventDetail.java.j2", d=d))
    writer.write(os.path.join(out, "coverage.tsv"),
                 writer.banner("sh", TARGET) +
                 render("java/coverage.tsv.j2", **m))
    # the list of sources, for javac @file
    files = ["Error.java"] + \
        [f"jna/{i['name']}.java" for i in m["ifaces"]] + \
        [f"jna/{c['pointer']}.java" for c in m["classes"]] + \
        [f"{c['name']}.java" for c in m["classes"]] + \
        [f"jna/{s['name']}.java" for s in m["structs"]] + \
        [f"{i['name']}.java" for i in m["infos"]] + \
        [f"{e['name']}.java" for e in m["jenums"]] + \
        ["event/DomainEventType.java"] + \
        [f"event/{x['name']}.java" for x in m["listeners"]] + \
        [f"event/{d['name']}.java" for d in m["event_details"]]
    # relative to the build directory, where javac runs
    rel = os.path.join("bindings", "java", "gen", PKG_DIR)
    writer.write(os.path.join(out, "sources.list"),
                 "".join(os.path.join(rel, x) + "\n" for x in sorted(files)))
