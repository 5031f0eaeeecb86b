# SPDX-License-Identifier: LGPL-2.1-or-later
"""What the rpc_remote target's parts share: lookups over the wire
description, the code of one procedure being built (Stub), and the small
helpers every shape uses."""

from ..naming import wire_arg_names, wire_handle


INTEGER_WIRE = {"int", "uint", "hyper", "uhyper", "char", "uchar", "short",
                "ushort", "bool"}


INTEGER_C = {"int", "unsigned int", "long", "unsigned long", "long long",
             "unsigned long long", "short", "unsigned short", "char",
             "unsigned char", "size_t", "ssize_t"}


class NotMechanical(Exception):
    pass


def norm(name):
    return name.replace("_", "").lower()


# Integer typedefs of the API (virDomainBlockJobCursor), filled by Wire.
INTEGER_TYPEDEFS = set()


def is_integer_c(ctype):
    t = ctype.replace("const ", "").strip()
    return t in INTEGER_C or t in INTEGER_TYPEDEFS


class Wire:
    """Lookups over the wire description."""

    def __init__(self, api):
        self.api = api
        self.consts = {c.name: c.value for c in api.wire_consts}
        self.macros = {}
        for m in api.macros:
            if m.value and m.value.strip().isdigit():
                self.macros[m.name] = int(m.value)
        self.handles = {}           # wire type -> (object, nullable)
        for o in api.objects:
            if o.name in ("virConnect", "virStream"):
                continue
            h = wire_handle(o.name)
            self.handles[f"remote_nonnull_{h}"] = (o, False)
            self.handles[f"remote_{h}"] = (o, True)
        self.structs = {s.name: s for s in api.structs}
        # virDomainBlockStatsPtr -> virDomainBlockStatsStruct
        self.ptr_structs = {}
        for t in api.typedefs:
            ty = t.type.strip()
            if ty.endswith("*") and ty[:-1].strip() in self.structs:
                self.ptr_structs[t.name] = self.structs[ty[:-1].strip()]
            elif ty in INTEGER_C:
                INTEGER_TYPEDEFS.add(t.name)

    def members(self, tname):
        if not tname:
            return []
        return list(self.api.wire_type(tname).members)

    def resolve(self, t):
        """An alias's target (remote_nonnull_string -> string)."""
        wt = self.api.wire_type(t)
        while wt is not None and wt.kind == "alias":
            m = wt.alias
            if m.size or m.max:
                return t
            if m.optional:
                return t
            t = m.type
            wt = self.api.wire_type(t)
        return t

    def count(self, v):
        if v is None:
            return None
        if str(v).isdigit():
            return int(v)
        if v in self.consts:
            return self.consts[v]
        return self.macros.get(v)

    def kind(self, m):
        """What a member is: handle, ohandle, string, ostring, uuid,
        integer, double, chars (fixed char array), or None."""
        if m.max or m.optional:
            return None
        if m.type in self.handles:
            return "ohandle" if self.handles[m.type][1] else "handle"
        if m.type == "remote_nonnull_string":
            return "string"
        if m.type == "remote_string":
            return "ostring"
        if m.type == "remote_uuid":
            return "uuid"
        if m.size:
            return "chars" if m.type in ("char", "uchar") else None
        base = self.resolve(m.type)
        if base in INTEGER_WIRE:
            return "integer"
        if base in ("double", "float"):
            return "double"
        return None


def helper(obj, what):
    short = obj.name[3:]
    return {"to": f"remote{short}ToWire", "copy": f"remote{short}ToWireCopy",
            "from": f"remote{short}FromWire"}[what]


class Stub:
    """The code of one procedure, both sides, built piece by piece."""

    def __init__(self):
        # client
        self.cdecl = []
        self.cpre = []             # before the call; may goto done
        self.cpost = []            # after it; may goto cleanup
        self.cclean_ret = []       # at cleanup, before the reply is freed
        self.cclean = []           # frees what the arguments borrowed
        self.cresult = None        # the return value's expression
        self.string_okay = False   # typed parameters into the caller's array
        # daemon
        self.sdecl = []
        self.spre = []             # before the call; may goto cleanup
        self.scall = {}            # C argument name -> expression
        self.spost = []            # filling the reply
        self.sclean = []


def find_arg(func, name, used):
    """The unused C argument a member named `name` stands for."""
    for cand in wire_arg_names(name):
        found = [a for a in func.args if norm(a.name) == norm(cand) and
                 a.name not in used]
        if len(found) == 1:
            return found[0]
    return None


def too_many(what, limit):
    return (f'virReportError(VIR_ERR_RPC, "%s", "{what} exceeds '
            f'{limit}");')


LOOP_VARS = ("j_", "k_", "l_")


def elem_kind(w, m):
    """What an array member holds: bytes, number, string, handle,
    tparam, or None."""
    if m.type in ("opaque", "char", "uchar"):
        return "bytes"
    if m.type in w.handles:
        return "handle"
    if m.type == "remote_nonnull_string":
        return "string"
    if m.type == "remote_typed_param":
        return "tparam"
    if w.resolve(m.type) in INTEGER_WIRE or m.type in ("hyper", "uhyper"):
        return "number"
    return None


def conn_expr(objarg, obj):
    if objarg.type == "virConnectPtr":
        return objarg.name
    return f"{objarg.name}->{obj.conn}"
