# SPDX-License-Identifier: LGPL-2.1-or-later
"""bindings/ocaml/gen/: the OCaml binding, source-compatible with
ocaml-libvirt (module Libvirt).

Out come libvirt.ml and libvirt.mli (one submodule per handle type:
Connect, Domain, Network, Pool, Volume, Secret ..., then Event and
Virterror), libvirt_c.c (one C stub per generated function) and
coverage.tsv (how every IDL function reaches OCaml).

Rules:
- modules and names come from generator/naming.py (ml_place): the module
  of the C noun, or a later one whose handles the function takes or
  makes; the rest of the C name in snake case;
- handles carry ocaml-libvirt's phantom: [>`R] where a read-only
  connection may call, [>`W] where it may not; lookups answer a handle of
  the same phantom ('a), constructors answer rw handles;
- nullable strings are optional labels (then a unit), flags are an int;
- records the library allocates (virXxxPtr ** or virXxxPtr *, the count
  answered) are record arrays; a member nfoo counting foo (or foolen
  sizing the bytes foo) makes foo an array (a string) in the record.
generator/import-data/ocaml-names.tsv holds every exception (the names
and shapes ocaml-libvirt chose); what no rule makes is hand-written in
bindings/ocaml/overrides/ and declared custom in the IDL."""

import os
import re

from .. import writer
from ..naming import (ML_KEYWORDS as KEYWORDS, ML_MODULES as MODULES,
                      ML_MODULE_OF_OBJECT as MODULE_OF_OBJECT,
                      ML_MODULE_ORDER as MODULE_ORDER, ML_NAMES_TSV,
                      ml_handle_module as _handle_module, ml_place as place,
                      ml_safe, ml_snake)
from . import render

TARGET = "targets/ocaml.py"
OVERRIDES = os.path.join("bindings", "ocaml", "overrides")
INT_TYPES = ("int", "unsigned int", "long", "size_t", "unsigned short",
             "short", "unsigned char", "char")
INT64_TYPES = ("unsigned long", "unsigned long long", "long long")


class Todo(Exception):
    """A shape the generator does not make (yet)."""


def load_names(path=ML_NAMES_TSV):
    """The exceptions table: funcs {C name: [(module, name, {opt: val})]},
    variants {(module, type): [constructors]}, records {C struct:
    (module, type)}, fields {(struct, member): (name, type or None)}."""
    t = {"func": {}, "variant": {}, "record": {}, "field": {}, "last": {}}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            kind = cols[0]
            if kind == "func":
                mod, name = cols[2].split(".")
                opts = {}
                for o in (cols[3].split(",") if len(cols) > 3 else []):
                    k, _, v = o.partition("=")
                    if k == "arg":
                        opts.setdefault("arg", {})
                        an, _, how = v.partition(":")
                        opts["arg"][an] = how
                    else:
                        opts[k] = v or True
                t["func"].setdefault(cols[1], []).append((mod, name, opts))
            elif kind == "variant":
                mod, name = cols[1].split(".")
                t["variant"][(mod, name)] = cols[2].split()
            elif kind == "last":
                t["last"][cols[1]] = cols[2]
            elif kind == "record":
                t["record"][cols[1]] = tuple(cols[2].split("."))
            elif kind == "field":
                s, m = cols[1].split(".")
                t["field"][(s, m)] = (cols[2], cols[3] if len(cols) > 3
                                      else None)
            else:
                raise SystemExit(f"{path}:{n}: unknown kind '{kind}'")
    return t


def _base(t):
    return t[6:] if t.startswith("const ") else t


def _struct_of(api, ptrtype):
    name = _base(ptrtype)
    if not name.endswith("Ptr"):
        return None
    name = name[:-3]
    for td in api.typedefs:
        if td.name == _base(ptrtype) and td.type.endswith(" *"):
            name = td.type[:-2]
    for s in api.structs:
        if s.name == name:
            return s
    return None


class Record:
    def __init__(self, module, name, struct, fields):
        self.module = module
        self.name = name
        self.struct = struct
        self.fields = fields       # (ocaml name, ocaml type, C member, conv)
        self.array = False         # also answered as arrays


class Stub:
    """One generated OCaml function and its C stub."""

    def __init__(self, f, module, name):
        self.f = f
        self.module = module
        self.name = name
        self.cname = f"vkml_{module.lower()}_{name}"
        self.params = []           # OCaml parameter types ("?l:string")
        self.cparams = 0           # C stub parameters
        self.decls = []
        self.pre = []
        self.call = []
        self.post = []             # builds the result
        self.cleanup = []          # before raising
        self.after = []            # after the result is made
        self.free = False
        self.heap = False          # the call reads the OCaml heap
        self.outs = []             # (ocaml type, C expression making it)
        self.ret_type = "unit"
        self.doc = (f.doc or "").strip().replace("*)", "* )")

    def param(self, mltype):
        v = f"v{self.cparams}"
        self.params.append(mltype)
        self.cparams += 1
        return v

    @property
    def ml_type(self):
        return " -> ".join(self.params + [self.ret_type])


class Builder:
    def __init__(self, api, names):
        self.api = api
        self.names = names
        self.records = {}          # struct name -> Record
        self.used_fields = {}      # module -> set of field names

    # ---- records -----------------------------------------------------
    def record(self, s, module):
        if s.name in self.records:
            r = self.records[s.name]
            if MODULE_ORDER.index(r.module) > MODULE_ORDER.index(module):
                raise Todo(f"record {r.module}.{r.name} is defined later")
            return r
        if s.name in self.names["record"]:
            module, rname = self.names["record"][s.name]
            table = True
        else:
            short = s.name[3:]
            if short.endswith("Struct"):
                short = short[:-6]
            noun = dict(MODULES).get(module) or ""
            if noun and ("vir" + short).startswith(noun) and \
                    len(noun) - 3 < len(short):
                short = short[len(noun) - 3:]
            rname = ml_safe(ml_snake(short))
            table = False
        used = self.used_fields.setdefault(module, set())
        fields = []
        members = {fld.name: fld for fld in s.fields}
        # a member nX counting the array X, a member Xlen sizing the bytes
        # X: the count is the OCaml array's length, not a field
        counts = {}
        for fld in s.fields:
            if re.match(r"^n[a-z]", fld.name) and \
                    fld.type in INT_TYPES + ("size_t",):
                arr = fld.name[1].lower() + fld.name[2:]
                arr = next((m for m in members if m.lower() == arr.lower()),
                           None)
                if arr is not None:
                    counts[arr] = fld.name
            if fld.name.endswith("len") and fld.type in INT_TYPES and \
                    fld.name[:-3] in members:
                counts[fld.name[:-3]] = fld.name
        for fld in s.fields:
            if fld.union:
                raise Todo(f"struct {s.name} has a union")
            if fld.name in counts.values():
                continue
            ctype = fld.type
            for td in self.api.typedefs:
                if td.name == ctype:
                    ctype = td.type
            member = fld.name
            fname, ftype = self.names["field"].get((s.name, member),
                                                   (None, None))
            if fname is None:
                fname = ml_snake(member[0].upper() + member[1:])
                if fname in KEYWORDS:
                    fname = fname[:3] if fname == "type" else fname + "_"
                    fname = "typ" if member == "type" else fname
            reserved = {v[0] for v in self.names["field"].values()}
            if not table and (s.name, member) not in self.names["field"] \
                    and (fname in used or fname in reserved):
                fname = f"{rname}_{fname}"
            expr = f"p->{member}"
            cnt = f"p->{counts[member]}" if member in counts else None
            nested = _struct_of(self.api, fld.type) if cnt else None
            if ftype is not None:
                conv = f"Val_int({expr})"
            elif cnt and ctype == "char **":
                ftype = "string array"
                conv = f"vkmlStringArray((const char **){expr}, {cnt})"
            elif cnt and ctype == "unsigned char *":
                ftype = "string"
                conv = f"vkmlBytes((const char *){expr}, {cnt})"
            elif cnt and nested is not None:
                sub = self.record(nested, module)
                sub.array = True
                ftype = f"{sub.name} array"
                conv = f"vkmlRecords_{nested.name}({expr}, {cnt})"
            elif re.match(r"char \w+\[", ctype):
                ftype, conv = "string", f"caml_copy_string({expr})"
                expr = f"p->{member}"
            elif ctype in ("char *", "const char *"):
                ftype = "string option"
                conv = f"vkmlStringOption({expr})"
            elif ctype in INT_TYPES or (self.api.enum(ctype) is not None):
                ftype, conv = "int", f"Val_int({expr})"
            elif ctype in INT64_TYPES:
                ftype, conv = "int64", f"caml_copy_int64({expr})"
            elif ctype == "double":
                ftype, conv = "float", f"caml_copy_double({expr})"
            else:
                raise Todo(f"struct {s.name} member {member}: {ctype}")
            fields.append((fname, ftype, member, conv))
        for fl in fields:
            used.add(fl[0])
        r = Record(module, rname, s, fields)
        self.records[s.name] = r
        return r

    # ---- typed parameters -------------------------------------------
    def typed_params(self, x, a, count, module, opts):
        """A typed parameter list: given (a typed_param array), filled in
        the caller's array (asked for its size first, or of the table's
        count=N) or allocated by the library."""
        mt = "typed_param array" if module == "Connect" else \
            "Connect.typed_param array"
        var, n = f"a_{a.name}", f"a_{count.name}"
        x.decls.append(f"virTypedParameterPtr {var} = NULL;")
        x.decls.append(f"{count.type.rstrip(' *')} {n} = 0;")
        if count.type in ("int", "unsigned int"):
            v = x.param(mt)
            x.pre.append(f"{var} = vkmlParamsFromValue({v}, (int *)&{n});")
            x.call += [var, n]
            x.cleanup.append(f"virTypedParamsFree({var}, {n});")
            x.after.append(f"virTypedParamsFree({var}, {n});")
            return
        if a.type == "virTypedParameterPtr *":
            x.call += [f"&{var}", f"&{n}"]
        else:
            x.call += [var, f"&{n}"]
            x.count_query = (var, n, opts.get("count"))
        x.cleanup.append(f"virTypedParamsFree({var}, {n});")
        x.outs.append((mt, f"vkmlParamsToValue({var}, {n})"))
        x.after.append(f"virTypedParamsFree({var}, {n});")

    def int_array_in(self, x, arr, count, count_first):
        """An int array going in with its count (send_key's keycodes)."""
        v = x.param("int array")
        var, el = f"a_{arr.name}", arr.type[:-2]
        x.decls.append(f"{el} *{var} = NULL;")
        x.decls.append(f"int {var}_n = Wosize_val({v});")
        x.decls.append(f"int {var}_i;")
        x.pre.append(f"{var} = calloc({var}_n + 1, sizeof({el}));")
        x.pre.append(f"for ({var}_i = 0; {var}_i < {var}_n; {var}_i++)")
        x.pre.append(f"    {var}[{var}_i] = ({el})Long_val(Field({v}, "
                     f"{var}_i));")
        n = f"({count.type}){var}_n"
        x.call += [n, var] if count_first else [var, n]
        x.cleanup.append(f"free({var});")
        x.after.append(f"free({var});")

    def struct_array_out(self, x, arr, count, module):
        """Records filled in the caller's array, its size asked first
        (virNodeGetCPUStats with *nparams 0 answers the count)."""
        s = _struct_of(self.api, arr.type)
        r = self.record(s, module)
        var, n = f"a_{arr.name}", f"a_{count.name}"
        x.decls.append(f"{s.name} *{var} = NULL;")
        x.decls.append(f"int {n} = 0;")
        x.call += [var, f"&{n}"]
        x.count_query = (var, n, None)
        x.cleanup.append(f"free({var});")
        rt = r.name if r.module == module else f"{r.module}.{r.name}"
        x.outs.append((f"{rt} array", f"vkmlRecords_{s.name}({var}, {n})"))
        x.after.append(f"free({var});")
        r.array = True

    def struct_list_out(self, x, arr, s, module, pointers):
        """Records the library allocates, their count answered: an array
        of pointers each freed by the struct's own free function
        (virDomainFSInfoFree), or one block of structs (free)."""
        if getattr(x, "list_out", False):
            raise Todo("two arrays of records out")
        r = self.record(s, module)
        var = f"a_{arr.name}"
        rt = r.name if r.module == module else f"{r.module}.{r.name}"
        r.array = r.array or not pointers
        if pointers:
            fr = s.name + "Free"
            if not any(g.name == fr for g in self.api.functions):
                raise Todo(f"no {fr} for the records of {arr.name}")
            x.decls.append(f"{s.name}Ptr *{var} = NULL;")
            x.decls.append("int i;")
            x.call.append(f"&{var}")
            x.post.append("rv = caml_alloc(r, 0);")
            x.post.append("for (i = 0; i < r; i++) {")
            x.post.append(f"    tmp = vkmlRecord_{s.name}({var}[i]);")
            x.post.append("    Store_field(rv, i, tmp);")
            x.post.append("}")
            x.after.append("for (i = 0; i < r; i++)")
            x.after.append(f"    {fr}({var}[i]);")
        else:
            x.decls.append(f"{s.name}Ptr {var} = NULL;")
            x.call.append(f"&{var}")
            x.post.append(f"rv = vkmlRecords_{s.name}({var}, r);")
        x.after.append(f"free({var});")
        x.list_type = f"{rt} array"

    # ---- functions ---------------------------------------------------
    def build(self, f, module, name, opts):
        api = self.api
        x = Stub(f, module, name)
        args = list(f.args)
        argopts = opts.get("arg", {})
        handle_ret = _handle_module(api, f.ret.type) if \
            f.ret.type.endswith("Ptr") else None
        rw = f.access == "rw"
        phantom_obj = {"R": "[>`R]", "W": "[>`W]"}.get(opts.get("obj"))
        optional_first = []
        makes_handles = handle_ret is not None or any(
            a.type.endswith(" **") and api.object_of_ptr(a.type[:-3])
            for a in args)
        maxargs = {}               # array arg -> the arg giving its size
        for k, a in enumerate(args):
            if a.type in ("int", "unsigned int") and \
                    re.match(r"max|.*len$", a.name.lower()):
                for b in reversed(args[:k]):
                    if b.type in ("int *", "char ** const", "char **",
                                  "unsigned long long *") and \
                            b.name not in maxargs:
                        maxargs[b.name] = a.name
                        break
        # a count beside pointers: they are arrays, not single values
        counted = any(re.match(r"^n[a-z]+$|.*[cC]ount$|.*[lL]en$", a.name)
                      and a.type in INT_TYPES for a in args)
        k = 0
        array_out = None
        while k < len(args):
            a = args[k]
            t = a.type
            bt = _base(t)
            nxt = args[k + 1] if k + 1 < len(args) else None
            var = f"a_{a.name}"
            hmod = _handle_module(api, t) if t.endswith("Ptr") else None
            how = argopts.get(a.name)
            if hmod:
                if a.role == "object" and phantom_obj:
                    ph = phantom_obj
                elif a.role == "object" and makes_handles and not rw:
                    ph = "'a"
                else:
                    ph = "[>`W]" if rw else "[>`R]"
                mt = f"{ph} {hmod}.t" if hmod != module else f"{ph} t"
                if a.nullable:
                    v = x.param(mt + " option")
                    x.decls.append(f"{bt} {var} = Is_block({v}) ? "
                                   f"({bt})vkmlPtr(Field({v}, 0)) : NULL;")
                else:
                    v = x.param(mt)
                    x.decls.append(f"{bt} {var} = ({bt})vkmlPtr({v});")
                    if a.role == "object":
                        x.cargs_first = v
                x.call.append(var)
            elif t in ("int", "unsigned int") and \
                    re.match(r"^n[a-z]+$", a.name) \
                    and nxt is not None and nxt.type in ("int *",
                                                         "unsigned int *"):
                self.int_array_in(x, nxt, a, count_first=True)
                k += 2
                continue
            elif t in ("int *", "unsigned int *") and nxt is not None and \
                    nxt.type in ("int", "unsigned int") and \
                    re.match(r"^n[a-z]+$", nxt.name):
                self.int_array_in(x, a, nxt, count_first=False)
                k += 2
                continue
            elif _struct_of(api, t) is not None and t.endswith("Ptr") and \
                    t != "virTypedParameterPtr" and nxt is not None and \
                    nxt.type == "int *" and not counted:
                self.struct_array_out(x, a, nxt, module)
                k += 2
                continue
            elif a.flags is not None or (a.name == "flags" and
                                         t in ("unsigned int",
                                               "unsigned long")):
                fl = opts.get("flags")
                if how and how.startswith("variant:"):
                    v = x.param(how[8:])
                    x.call.append(f"({t})Int_val({v})")
                elif fl == "0":
                    x.call.append("0")
                elif fl and fl.startswith("list:"):
                    v = x.param(fl[5:] + " list")
                    x.call.append(f"({t})vkmlFlagList({v})")
                    x.heap = True
                else:
                    v = x.param("int")
                    x.call.append(f"({t})Int_val({v})")
            elif how and how.startswith("variant:"):
                v = x.param(how[8:])
                x.call.append(f"({t})Int_val({v})")
            elif t in ("const char *", "char *") and nxt is not None and \
                    nxt.type == "size_t" and f.ret.type == "int":
                # a buffer and its size: bytes going out, or coming back
                if t == "const char *":
                    v = x.param("string")
                    x.call += [f"String_val({v})",
                               f"caml_string_length({v})"]
                    x.heap = True
                    x.count_answer = True      # the bytes taken
                else:
                    v = x.param("int")
                    x.decls.append(f"char *{var} = NULL;")
                    x.decls.append(f"size_t {var}_n = Long_val({v}) > 0 ? "
                                   f"(size_t)Long_val({v}) : 0;")
                    x.pre.append(f"{var} = malloc({var}_n + 1);")
                    x.call += [var, f"{var}_n"]
                    x.cleanup.append(f"free({var});")
                    x.buffer_out = var
                k += 2
                continue
            elif t == "const char *" and (a.nullable or how == "opt"):
                label = ml_safe(ml_snake(a.name[0].upper() + a.name[1:]))
                if label == "type_" or a.name == "type":
                    label = "type_"
                mt = f"?{label}:string"
                if opts.get("optsfirst"):
                    optional_first.append(mt)
                    v = f"vo{len(optional_first) - 1}"
                else:
                    v = x.param(mt)
                x.call.append(f"(Is_block({v}) ? "
                              f"String_val(Field({v}, 0)) : NULL)")
                x.heap = True
            elif t == "const char *":
                v = x.param("string")
                x.call.append(f"String_val({v})")
                x.heap = True
            elif a.name in maxargs.values():
                v = x.param("int")
                x.decls.append(f"int {var} = Int_val({v});")
                x.call.append(var)
            elif t in ("int", "unsigned int") and a.name == "autostart":
                v = x.param("bool")
                x.call.append(f"Bool_val({v})")
            elif t in INT_TYPES:
                v = x.param("int")
                x.call.append(f"({t})Int_val({v})")
            elif t in INT64_TYPES:
                v = x.param("int64")
                x.call.append(f"({t})Int64_val({v})")
                x.heap = True
            elif t == "double":
                v = x.param("float")
                x.call.append(f"Double_val({v})")
                x.heap = True
            elif t == "const unsigned char *" and a.name == "uuid":
                v = x.param("string")
                x.call.append(f"(const unsigned char *)String_val({v})")
                x.heap = True
            elif t in ("unsigned char *", "const unsigned char *") and \
                    nxt is not None and nxt.type in ("int", "size_t") and \
                    not a.name == "uuid":
                v = x.param("bytes" if nxt.type == "size_t" else "string")
                x.call.append(f"(unsigned char *)Bytes_val({v})")
                x.heap = True
                x.call.append(f"({nxt.type})caml_string_length({v})")
                k += 2
                continue
            elif t == "const char **" and nxt is not None and \
                    nxt.type in ("unsigned int", "int"):
                v = x.param("string array")
                x.decls.append(f"const char **{var} = NULL;")
                x.decls.append(f"int {var}_n = Wosize_val({v});")
                x.decls.append(f"int {var}_i;")
                x.pre.append(f"{var} = calloc({var}_n + 1, sizeof(char *));")
                x.pre.append(f"for ({var}_i = 0; {var}_i < {var}_n; "
                             f"{var}_i++)")
                x.pre.append(f"    {var}[{var}_i] = String_val(Field({v}, "
                             f"{var}_i));")
                x.call += [var, f"({nxt.type}){var}_n"]
                x.heap = True
                x.cleanup.append(f"free({var});")
                x.after.append(f"free({var});")
                k += 2
                continue
            elif a.name in maxargs:
                cnt = maxargs[a.name]
                cnt_arg = next(b for b in args if b.name == cnt)
                if array_out:
                    raise Todo("two arrays out")
                el = {"int *": "int", "char ** const": "char *",
                      "char **": "char *",
                      "unsigned long long *": "unsigned long long"}[t]
                ptr = "char **" if el == "char *" else f"{el} *"
                x.decls.append(f"{ptr}{var} = NULL;")
                x.decls.append("int i;")
                array_out = (var, el)
                x.call.append(var)
                x.maxvar = f"a_{cnt_arg.name}"
                x.pre.append(f"if ({x.maxvar} < 0) {x.maxvar} = 0;")
                x.pre.append(f"{var} = calloc({x.maxvar} + 1, "
                             f"sizeof({el}));")
                x.cleanup.append(f"free({var});")
            elif t.endswith(" **") and _struct_of(api, t[:-3]) is not None \
                    and not api.object_of_ptr(t[:-3]):
                self.struct_list_out(x, a, _struct_of(api, t[:-3]), module,
                                     True)
                x.list_out = True
            elif t.endswith("Ptr *") and _struct_of(api, t[:-2]) is not None \
                    and not api.object_of_ptr(t[:-2]) and \
                    t != "virTypedParameterPtr *":
                self.struct_list_out(x, a, _struct_of(api, t[:-2]), module,
                                     False)
                x.list_out = True
            elif t.endswith(" **") and api.object_of_ptr(t[:-3]):
                if array_out:
                    raise Todo("two arrays out")
                hm = MODULE_OF_OBJECT[api.object_of_ptr(t[:-3]).name]
                x.decls.append(f"{t[:-1]}{var} = NULL;")
                x.decls.append("int i;")
                x.call.append(f"&{var}")
                array_out = (var, "handle")
                x.array_module = hm
                x.array_object = api.object_of_ptr(t[:-3]).name
            elif t == "char ***":
                if array_out:
                    raise Todo("two arrays out")
                x.decls.append(f"char **{var} = NULL;")
                x.decls.append("int i;")
                x.call.append(f"&{var}")
                array_out = (var, "char *")
            elif t in ("unsigned char *", "char *") and \
                    f.name.endswith(("GetUUID", "GetUUIDString")):
                size = "VIR_UUID_BUFLEN" if f.name.endswith("GetUUID") \
                    else "VIR_UUID_STRING_BUFLEN"
                x.decls.append(f"{bt[:-2]} {var}[{size}];")
                x.call.append(var)
                if f.name.endswith("GetUUID"):
                    x.outs.append(("string", f"vkmlBytes((const char *)"
                                   f"{var}, VIR_UUID_BUFLEN)"))
                else:
                    x.outs.append(("string", f"caml_copy_string({var})"))
            elif t == "size_t *" and f.ret.type == "unsigned char *":
                x.decls.append(f"size_t {var} = 0;")
                x.call.append(f"&{var}")
                x.bytes_len = var
            elif t in ("virTypedParameterPtr", "virTypedParameterPtr *") \
                    and nxt is not None and nxt.type in (
                        "int", "int *", "unsigned int", "unsigned int *"):
                self.typed_params(x, a, nxt, module, opts)
                k += 2
                continue
            elif _struct_of(api, t) is not None and t.endswith("Ptr"):
                s = _struct_of(api, t)
                if counted or (nxt is not None and nxt.type == "int *"):
                    raise Todo(f"argument {a.name}: an array of {s.name}")
                r = self.record(s, module)
                x.decls.append(f"{s.name} {var};")
                x.pre.append(f"memset(&{var}, 0, sizeof({var}));")
                x.call.append(f"&{var}")
                if nxt is not None and nxt.type == "size_t":
                    x.call.append(f"sizeof({var})")
                    k += 1
                rt = r.name if r.module == module else f"{r.module}.{r.name}"
                x.outs.append((rt, f"vkmlRecord_{s.name}(&{var})"))
            elif t.endswith(" *") and t[:-2] in INT_TYPES + INT64_TYPES + \
                    ("double",) and not t.startswith("const"):
                ct = t[:-2]
                if counted:
                    raise Todo(f"argument {a.name}: {t} with a count: "
                               "an array")
                x.decls.append(f"{ct} {var} = 0;")
                x.call.append(f"&{var}")
                if a.name == "autostart":
                    x.outs.append(("bool", f"Val_bool({var})"))
                elif ct in INT64_TYPES and not opts.get("out") == "int":
                    x.outs.append(("int64", f"caml_copy_int64({var})"))
                elif ct == "double":
                    x.outs.append(("float", f"caml_copy_double({var})"))
                else:
                    x.outs.append(("int", f"Val_long({var})"))
            else:
                raise Todo(f"argument {a.name}: {t}")
            k += 1
        cq = getattr(x, "count_query", None)
        if cq:
            var, n, fixed = cq
            if fixed:
                x.pre.append(f"{n} = {fixed};")
            else:
                query = ", ".join("NULL" if c == var else c for c in x.call)
                x.pre.append(f"if ({f.name}({query}) < 0)")
                x.pre.append("    vkmlRaise();")
            x.pre.append(f"{var} = calloc({n} + 1, sizeof(*{var}));")
        if not x.params or (x.params[-1].startswith("?") and
                            not optional_first):
            x.param("unit")
        x.params = optional_first + x.params
        x.optional_first = len(optional_first)

        # the answer
        ret = f.ret
        rt = ret.type
        x.ret_decl = None
        if rt != "void":
            x.ret_decl = f"{rt} r;" if not rt.endswith("*") else f"{rt}r;"
        err = {"-1": "r < 0", "NULL": "r == NULL",
               "0": "r == 0 && virGetLastError() != NULL",
               "(unsigned int)-1": "r == (unsigned int)-1",
               "none": None}.get(ret.error)
        if ret.error not in ("-1", "NULL", "0", "(unsigned int)-1", "none"):
            raise Todo(f"error value {ret.error}")
        x.err = err if rt != "void" else None
        result = None
        if handle_ret:
            if opts.get("ret") == "unit":
                x.post.append(f"{api.object_of_ptr(_base(rt)).name}Free(r);")
            else:
                ph = "rw" if rw else "'a"
                mt = f"{ph} {handle_ret}.t" if handle_ret != module \
                    else f"{ph} t"
                oname = api.object_of_ptr(_base(rt)).name
                result = (mt, f"vkmlWrap_{oname}(r)")
        elif array_out:
            var, el = array_out
            n = getattr(x, "maxvar", None)
            x.post.append("rv = caml_alloc(r, 0);")
            x.post.append("for (i = 0; i < r; i++) {")
            if el == "int":
                x.post.append(f"    Store_field(rv, i, Val_int({var}[i]));")
                mt = "int array"
            elif el == "unsigned long long":
                x.post.append(f"    tmp = caml_copy_int64({var}[i]);")
                x.post.append("    Store_field(rv, i, tmp);")
                mt = "int64 array"
            elif el == "char *":
                x.post.append(f"    tmp = caml_copy_string({var}[i]);")
                x.post.append("    Store_field(rv, i, tmp);")
                x.post.append(f"    free({var}[i]);")
                mt = "string array"
            else:
                ph = "rw" if rw else "'a"
                hm = x.array_module
                mt = f"{ph} {hm}.t array" if hm != module else \
                    f"{ph} t array"
                x.post.append(f"    tmp = vkmlWrap_{x.array_object}"
                              f"({var}[i]);")
                x.post.append("    Store_field(rv, i, tmp);")
            x.post.append("}")
            x.post.append(f"free({var});")
            if x.outs:
                raise Todo("an array and other values out")
            if n is None:
                x.cleanup = []
            result = (mt, None)
            if rt not in ("int",):
                raise Todo(f"an array out and {rt} answered")
        elif getattr(x, "list_out", False):
            if x.outs or rt != "int":
                raise Todo("an array of records and other values out")
            result = (x.list_type, None)
        elif getattr(x, "count_answer", False) and not x.outs:
            result = ("int", "Val_long(r)")
        elif getattr(x, "buffer_out", None):
            var = x.buffer_out
            result = ("string", f"vkmlBytes({var}, r > 0 ? (size_t)r : 0)")
            x.after.append(f"free({var});")
        elif rt == "unsigned char *" and getattr(x, "bytes_len", None):
            result = ("bytes", f"vkmlBytes((const char *)r, "
                      f"{x.bytes_len})")
            x.after.append("free(r);")
        elif rt in ("char *", "const char *"):
            result = ("string", "caml_copy_string(r)")
            if rt == "char *":
                x.after.append("free(r);")
        elif opts.get("ret", "").startswith("variant:"):
            result = (opts["ret"][8:], "Val_int(r)")
        elif rt in INT_TYPES and not x.outs and \
                (name.startswith(("is_", "has_"))):
            result = ("bool", "Val_bool(r)")
        elif rt in INT_TYPES and not x.outs and \
                (ret.error != "-1" or re.match(
                    r"(num_of_|node_num_of_|get_|node_get_|count|max_|"
                    r"compare)", name)):
            result = ("int", "Val_long(r)")
        elif rt in INT64_TYPES and not x.outs:
            result = ("int64", "caml_copy_int64(r)")
        elif rt in INT_TYPES or rt == "void":
            pass
        else:
            raise Todo(f"returns {rt}")
        if opts.get("frees"):
            x.post.append(f"vkmlDrop({x.cargs_first});")
        outs = ([result] if result else []) + x.outs
        if not outs:
            x.ret_type = "unit"
            x.result = ["rv = Val_unit;"]
        elif len(outs) == 1:
            x.ret_type = outs[0][0]
            x.result = [f"rv = {outs[0][1]};"] if outs[0][1] else []
        else:
            x.ret_type = " * ".join(o[0] for o in outs)
            x.result = []
            for i, o in enumerate(outs):
                x.result.append(f"o[{i}] = {o[1]};")
            x.result.append(f"rv = caml_alloc_tuple({len(outs)});")
            for i in range(len(outs)):
                x.result.append(f"Store_field(rv, {i}, o[{i}]);")
            x.ntuple = len(outs)
        x.ntuple = getattr(x, "ntuple", 0)
        if x.cparams + x.optional_first > 5:
            x.bytecode = x.cname + "_bc"
        else:
            x.bytecode = None
        x.cparams_all = x.optional_first + x.cparams
        # the C stub takes the optional labels first when they go first
        x.cargs = [f"vo{i}" for i in range(x.optional_first)] + \
            [f"v{i}" for i in range(x.cparams)]
        ca = x.cargs
        x.camlparam = [f"CAMLparam{min(len(ca), 5)}({', '.join(ca[:5])});"]
        for i in range(5, len(ca), 5):
            chunk = ca[i:i + 5]
            x.camlparam.append(f"CAMLxparam{len(chunk)}({', '.join(chunk)});")
        return x


def _frees_handle(api, f):
    """virDomainFree, virStreamFree, virConnectClose: the call drops the
    handle's reference, so the OCaml value forgets its pointer."""
    obj = f.object_arg
    o = api.object_of_ptr(_base(obj.type)) if obj is not None else None
    return f.impl == "free" or f.name == "virConnectClose" or \
        (o is not None and f.name == o.name + "Free" and len(f.args) == 1)


def _skipped_by_shape(f):
    """Why a function has no OCaml value, for whole families, or None."""
    if f.name.endswith("Free") and len(f.args) == 1 and \
            f.args[0].role != "object" and f.ret.type == "void":
        return ("frees a C struct the binding copies into OCaml values and "
                "frees itself")
    if f.name.startswith("virTypedParams"):
        return ("typed parameters are OCaml arrays of (name, value) pairs: "
                "their C helpers have no use")
    types = [a.type for a in f.args] + [f.ret.type]
    if any(t in ("virErrorPtr", "virErrorFunc") for t in types) and \
            f.name not in ("virGetLastError", "virConnGetLastError"):
        return ("errors are Virterror exceptions carrying Virterror.t "
                "records: no error structs or handlers to manage")
    return None


def _override_names(root):
    """(module, name) of every value the hand-written .mli files declare,
    and the .ml/.mli/.c texts, by module."""
    d = os.path.join(root, OVERRIDES)
    names, ml, mli = {}, {}, {}
    if not os.path.isdir(d):
        return names, ml, mli
    for fn in sorted(os.listdir(d)):
        path = os.path.join(d, fn)
        base, ext = os.path.splitext(fn)
        mod = base[0].upper() + base[1:]
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if ext == ".mli":
            mli[mod] = _split(_strip_banner(text))
            for m in re.finditer(r"^\s*(?:val|external)\s+(\w+)", text,
                                 re.M):
                names[(mod, m.group(1))] = fn
        elif ext == ".ml":
            ml[mod] = _split(_strip_banner(text))
    return names, ml, mli


def _strip_banner(text):
    """The fragment without its licence line."""
    lines = text.split("\n")
    if lines and lines[0].startswith("(* SPDX"):
        lines = lines[1:]
    return "\n".join(lines)


def _split(text):
    """A hand-written fragment: what goes before the generated values of
    its module and what goes after (a line `(*@ after *)` between)."""
    head, sep, tail = text.partition("(*@ after *)\n")
    if not sep:
        return "", text
    return head, tail


def build(api, root):
    names = load_names()
    b = Builder(api, names)
    overrides, ml_over, mli_over = _override_names(root)
    rows, stubs, errors = [], [], []
    taken = {}
    for f in api.functions:
        bind = f.binding("ocaml")
        mod, name = place(api, f)
        if bind is not None and bind.cls:
            mod = bind.cls
        if bind is not None and bind.name:
            name = bind.name
        if bind is not None and bind.mode == "skip":
            rows.append((f.name, "skip", mod or "", "", bind.reason))
            continue
        if bind is not None and bind.mode == "custom":
            if (mod, name) not in overrides:
                errors.append(f"{f.where}: {f.name}: custom OCaml value "
                              f"{mod}.{name} is in no .mli of {OVERRIDES}")
            rows.append((f.name, "custom", mod, name,
                         overrides.get((mod, name), "")))
            continue
        why = _skipped_by_shape(f)
        if why and (bind is None or bind.mode != "custom"):
            rows.append((f.name, "skip", mod or "", name, why))
            continue
        if f.impl == "ref" or f.name.endswith("Ref"):
            rows.append((f.name, "lifecycle", mod, "",
                         "OCaml values hold their own reference"))
            continue
        if f.impl == "get-connect":
            rows.append((f.name, "lifecycle", mod, "",
                         "a handle keeps its connection; OCaml programs "
                         "hold the Connect.t they made it from"))
            continue
        variants = names["func"].get(f.name) or [(mod, name, {})]
        for mod_v, name_v, opts in variants:
            if f.impl == "free":
                mod_v = _handle_module(api, f.args[0].type)
                name_v = "free"
            if mod_v is None:
                rows.append((f.name, "todo", "", name_v,
                             "no module: needs a hand-written value"))
                continue
            try:
                x = b.build(f, mod_v, name_v, opts)
            except Todo as e:
                rows.append((f.name, "todo", mod_v, name_v, str(e)))
                continue
            key = (mod_v, name_v)
            if key in overrides:
                errors.append(f"{f.where}: {f.name}: {mod_v}.{name_v} is "
                              "hand-written but the IDL does not say custom")
                continue
            if key in taken:
                rows.append((f.name, "todo", mod_v, name_v,
                             f"name taken by {taken[key].f.name}"))
                continue
            if _frees_handle(api, f):
                x.free = True
            taken[key] = x
            stubs.append(x)
            rows.append((f.name, "generated", mod_v, name_v, ""))
    if errors:
        raise SystemExit("\n".join("error: " + e for e in errors))
    rows.sort()
    # the table's records exist even where only hand-written code fills them
    for sname, (mod, _) in names["record"].items():
        s = next((st for st in api.structs if st.name == sname), None)
        if s is not None and sname not in b.records:
            b.record(s, mod)

    modules = []
    for mod in MODULE_ORDER:
        recs = [r for r in b.records.values() if r.module == mod]
        vars_ = [(t, cs) for (m, t), cs in names["variant"].items()
                 if m == mod]
        modules.append({
            "name": mod,
            "variants": vars_,
            "records": recs,
            "stubs": [x for x in stubs if x.module == mod],
            "ml_head": ml_over.get(mod, ("", ""))[0],
            "ml_tail": ml_over.get(mod, ("", ""))[1],
            "mli_head": mli_over.get(mod, ("", ""))[0],
            "mli_tail": mli_over.get(mod, ("", ""))[1],
            "handle": mod in MODULE_OF_OBJECT.values(),
        })
    kinds = []
    for o in api.objects:
        free = next((g.name for g in api.functions if g.impl == "free" and
                     g.args and g.args[0].type == o.ptr), None)
        if o.name == "virConnect":
            free = "virConnectClose"
        elif free is None:
            free = o.name + "Free"
        kinds.append((o, free))
    def upto(enum, last):
        out = []
        e = api.enum(enum)
        for v in (e.values if e else []):
            if not v.sentinel:
                out.append(v)
            if v.name == last:
                break
        return out
    err_codes = upto("virErrorNumber", names["last"].get("Virterror.code"))
    err_domains = upto("virErrorDomain",
                       names["last"].get("Virterror.domain"))
    consts = []
    for e in api.enums:
        for v in e.values:
            if not v.sentinel:
                consts.append((v.name.lower(), "int", str(v.value)))
    for mc in api.macros:
        if mc.params:
            continue
        if mc.string is not None:
            lit = mc.string.replace("\\", "\\\\").replace('"', '\\"')
            consts.append((mc.name.lower(), "string", f'"{lit}"'))
        else:
            mnum = re.match(r"\s*([0-9]+)(LL|ULL|U)?\s*$", mc.value or "")
            if mnum:
                consts.append((mc.name.lower(), "int", mnum.group(1)))
    seen = set()
    consts = [c for c in consts if not (c[0] in seen or seen.add(c[0]))]
    return {
        "consts": consts,
        "modules": modules,
        "rows": rows,
        "records": list(b.records.values()),
        "kinds": kinds,
        "err_codes": err_codes,
        "err_domains": err_domains,
        "top_ml": ml_over.get("Libvirt", ("", "")),
        "top_mli": mli_over.get("Libvirt", ("", "")),
    }


def generate(api, outdir):
    idl = os.path.abspath(api.objects[0].where.file) if api.objects else "."
    root = os.path.dirname(os.path.dirname(idl))
    m = build(api, root)
    out = os.path.join(outdir, "bindings", "ocaml", "gen")
    ban = writer.banner("c", TARGET)
    mlban = "(*" + ban.strip()[2:-2] + "*)\n"
    writer.write(os.path.join(out, "libvirt_c.c"),
                 ban + render("ocaml/libvirt_c.c.j2", **m))
    writer.write(os.path.join(out, "libvirt.ml"),
                 mlban + render("ocaml/libvirt.ml.j2", **m))
    writer.write(os.path.join(out, "libvirt.mli"),
                 mlban + render("ocaml/libvirt.mli.j2", **m))
    writer.write(os.path.join(out, "coverage.tsv"),
                 writer.banner("sh", TARGET) +
                 render("ocaml/coverage.tsv.j2", **m))
