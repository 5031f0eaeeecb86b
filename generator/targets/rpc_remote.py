# SPDX-License-Identifier: LGPL-2.1-or-later
"""src/gen/remote_client.[ch] (the remote driver's callbacks and tables)
and src/gen/remote_dispatch.[ch] (the daemon's procedure functions), plus
src/gen/remote_stubs.tsv, which says for every remote procedure how each
side is served.

A procedure is generated when its C function and its wire payloads line up
by name (compared ignoring case and underscores: xmlDesc == xml_desc):

* the object argument and other handles match remote_nonnull_X (or the
  nullable remote_X) members by type (by name if a type repeats);
* strings, integers (any integer width: C converts) and UUIDs match
  members of the same name;
* reply members named like a pointer argument fill it (int *autostart);
  a pointer to a public struct is filled field by field by name
  (virDomainInfo), fixed char arrays of equal size included;
* one reply member left over is the function's return value (a string,
  a handle, a number); no reply at all means the function returns 0.

Anything else (arrays, typed parameters, streams, callbacks, functions
that are not driver callbacks) is reported as not generated, with the
reason, unless the IDL says the procedure is written by hand
(<procedure handwritten=...><reason>): then the tables refer to the
hand-written function by its conventional name (naming.remote_client_stub,
naming.remote_dispatch_func)."""

import os
import re

from .. import writer
from ..naming import (DRIVER_STRUCTS, c_decl, driver_field,
                      remote_client_stub, remote_dispatch_func, wire_handle)
from . import render

TARGET = "targets/rpc_remote.py"

INTEGER_WIRE = {"int", "uint", "hyper", "uhyper", "char", "uchar", "short",
                "ushort", "bool"}
INTEGER_C = {"int", "unsigned int", "long", "unsigned long", "long long",
             "unsigned long long", "short", "unsigned short", "char",
             "unsigned char", "size_t", "ssize_t"}


class NotMechanical(Exception):
    pass


def norm(name):
    return name.replace("_", "").lower()


def is_integer_c(ctype):
    return ctype.replace("const ", "").strip() in INTEGER_C


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


def plan(api, w, pr, func):
    """The mapping of one procedure, or NotMechanical(reason)."""
    if func is None:
        raise NotMechanical("serves no C function")
    if func.impl != "dispatch" or not func.driver:
        raise NotMechanical(f"{func.name} is not a driver callback")
    if pr.stream:
        raise NotMechanical("uses a stream")
    objarg = func.object_arg
    if objarg is None:
        raise NotMechanical("no object argument")
    obj = api.object_of_ptr(objarg.type)

    cargs = {a.name: a for a in func.args}
    used = set()
    ins = []                     # (member, kind, C arg, object)
    for m in w.members(pr.args):
        k = w.kind(m)
        if k is None:
            raise NotMechanical(f"argument member {m.name} ({m.type}"
                                f"{'<>' if m.max else ''}) has no "
                                f"mechanical C form")
        if k in ("handle", "ohandle"):
            o, _ = w.handles[m.type]
            cands = [a for a in func.args if a.type == o.ptr and
                     a.name not in used]
            if len(cands) > 1:
                cands = [a for a in cands if norm(a.name) == norm(m.name)]
            if len(cands) != 1:
                raise NotMechanical(f"no single {o.ptr} argument for "
                                    f"member {m.name}")
            a = cands[0]
            if a.nullable and k == "handle":
                raise NotMechanical(f"{a.name} may be NULL but {m.name} "
                                    f"may not")
            used.add(a.name)
            ins.append((m, k, a, o))
            continue
        cands = [a for a in func.args if norm(a.name) == norm(m.name) and
                 a.name not in used]
        if len(cands) != 1:
            raise NotMechanical(f"no argument named like member {m.name}")
        a = cands[0]
        t = a.type.strip()
        ok = {
            "string": t in ("const char *", "char *") and not a.nullable,
            "ostring": t in ("const char *", "char *"),
            "uuid": t in ("const unsigned char *", "unsigned char *"),
            "integer": is_integer_c(t),
            "double": t == "double",
        }.get(k, False)
        if not ok:
            raise NotMechanical(f"argument {a.name} ({a.type}) does not "
                                f"match member {m.name} ({m.type})")
        used.add(a.name)
        ins.append((m, k, a, None))

    # The connection and the object argument need no member of their own.
    if objarg.type == "virConnectPtr":
        used.add(objarg.name)
    elif objarg.name not in used:
        raise NotMechanical(f"the object argument {objarg.name} is not on "
                            f"the wire")

    outs = []                    # (member, kind, C arg) scalar out
    structs = []                 # (C arg, struct, [(member, field, kind)])
    left = []
    rmembers = w.members(pr.ret)
    for m in rmembers:
        cands = [a for a in func.args if norm(a.name) == norm(m.name) and
                 a.name not in used]
        if cands:
            a = cands[0]
            k = w.kind(m)
            base = a.type.strip()
            if not base.endswith("*") or k not in ("integer", "double"):
                raise NotMechanical(f"reply member {m.name} does not fit "
                                    f"argument {a.name} ({a.type})")
            target = base[:-1].strip()
            if not (is_integer_c(target) if k == "integer"
                    else target == "double"):
                raise NotMechanical(f"reply member {m.name} does not fit "
                                    f"argument {a.name} ({a.type})")
            used.add(a.name)
            outs.append((m, k, a))
        else:
            left.append(m)

    # A pointer to a public struct takes the leftover members by field name.
    for a in func.args:
        if a.name in used or not a.type.endswith("Ptr"):
            continue
        st = w.structs.get(a.type[:-3])
        if st is None or st.opaque or not left:
            continue
        fields = {norm(f.name): f for f in st.fields}
        matched = []
        for m in list(left):
            f = fields.get(norm(m.name))
            if f is None:
                continue
            k = w.kind(m)
            mo = re.match(r"(.*?)\s*(\w+)\[(\w+)\]$", f.type)
            if k == "chars" and mo and mo.group(1) == "char":
                if w.count(mo.group(3)) != w.count(m.size) or \
                        w.count(m.size) is None:
                    raise NotMechanical(f"{st.name}.{f.name} and {m.name} "
                                        f"differ in size")
            elif k == "integer" and is_integer_c(f.type):
                pass
            elif k == "double" and f.type == "double":
                pass
            else:
                raise NotMechanical(f"reply member {m.name} does not fit "
                                    f"{st.name}.{f.name} ({f.type})")
            matched.append((m, f, k))
            left.remove(m)
        if matched:
            if len(matched) != len([f for f in st.fields]):
                raise NotMechanical(f"{st.name} is only partly on the wire")
            used.add(a.name)
            structs.append((a, st, matched))

    unused = [a.name for a in func.args if a.name not in used]
    if unused:
        raise NotMechanical(f"argument(s) {', '.join(unused)} not on the "
                            f"wire")

    rtype = func.ret.type.strip()
    retm = None
    if left:
        if len(left) > 1:
            raise NotMechanical(f"reply members {', '.join(m.name for m in left)} "
                                f"match no argument")
        retm = left[0]
        k = w.kind(retm)
        if k in ("handle", "ohandle"):
            o, _ = w.handles[retm.type]
            if rtype != o.ptr:
                raise NotMechanical(f"reply member {retm.name} is a handle "
                                    f"but {func.name} returns {rtype}")
        elif k in ("string", "ostring"):
            if rtype not in ("char *", "const char *"):
                raise NotMechanical(f"reply member {retm.name} is a string "
                                    f"but {func.name} returns {rtype}")
        elif k == "integer":
            if not is_integer_c(rtype):
                raise NotMechanical(f"reply member {retm.name} is a number "
                                    f"but {func.name} returns {rtype}")
        else:
            raise NotMechanical(f"reply member {retm.name} cannot be "
                                f"returned")
    elif rtype != "int":
        raise NotMechanical(f"{func.name} returns {rtype} but the reply "
                            f"has no value for it")
    return dict(obj=obj, objarg=objarg, ins=ins, outs=outs, structs=structs,
                retm=retm, rtype=rtype)


def err_test(func, var):
    e = func.ret.error
    if e == "-1":
        return f"{var} < 0"
    if e == "NULL":
        return f"!{var}"
    return f"{var} == {e}"


def conn_expr(objarg, obj):
    if objarg.type == "virConnectPtr":
        return objarg.name
    return f"{objarg.name}->{obj.conn}"


def client_stub(api, w, pr, func, p):
    """Lines of the client callback's body."""
    argt, rett = pr.args, pr.ret
    L = []
    decl = []
    err = func.ret.error if func.ret.error != "none" else "-1"
    if argt:
        decl.append(f"{argt} args_;")
    if rett:
        decl.append(f"{rett} ret_;")
    if p["rtype"] != "int" or p["retm"] is not None:
        decl.append(f"{c_decl(p['rtype'], 'rv_')};")
    for m, k, a, o in p["ins"]:
        if k == "ohandle":
            decl.append(f"remote_nonnull_{wire_handle(o.name)} {m.name}_;")
    if argt:
        L.append("memset(&args_, 0, sizeof(args_));")
    if rett:
        L.append("memset(&ret_, 0, sizeof(ret_));")
    for m, k, a, o in p["ins"]:
        if k == "handle":
            L.append(f"{helper(o, 'to')}(&args_.{m.name}, {a.name});")
        elif k == "ohandle":
            L.append(f"if ({a.name}) {{")
            L.append(f"    {helper(o, 'to')}(&{m.name}_, {a.name});")
            L.append(f"    args_.{m.name} = &{m.name}_;")
            L.append("}")
        elif k == "string":
            L.append(f"args_.{m.name} = (char *){a.name};")
        elif k == "ostring":
            L.append(f"args_.{m.name} = {a.name} ? (char **)&{a.name} : NULL;")
        elif k == "uuid":
            L.append(f"memcpy(args_.{m.name}, {a.name}, VIR_UUID_BUFLEN);")
        else:
            L.append(f"args_.{m.name} = {a.name};")
    conn = conn_expr(p["objarg"], p["obj"])
    af = f"(xdrproc_t)xdr_{argt}, &args_" if argt else "NULL, NULL"
    rf = f"(xdrproc_t)xdr_{rett}, &ret_" if rett else "NULL, NULL"
    L.append(f"if (remoteCall({conn}, {pr.name},")
    L.append(f"               {af},")
    L.append(f"               {rf}) < 0)")
    L.append(f"    return {err};")
    for m, k, a in p["outs"]:
        L.append(f"*{a.name} = ret_.{m.name};")
    for a, st, matched in p["structs"]:
        for m, f, k in matched:
            if k == "chars":
                L.append(f"memcpy({a.name}->{f.name}, ret_.{m.name}, "
                         f"sizeof({a.name}->{f.name}));")
            else:
                L.append(f"{a.name}->{f.name} = ret_.{m.name};")
    retm = p["retm"]
    result = "0"
    if retm is not None:
        k = w.kind(retm)
        if k == "handle":
            o, _ = w.handles[retm.type]
            L.append(f"rv_ = {helper(o, 'from')}({conn}, &ret_.{retm.name});")
        elif k == "ohandle":
            o, _ = w.handles[retm.type]
            L.append(f"rv_ = ret_.{retm.name} ? {helper(o, 'from')}({conn}, "
                     f"ret_.{retm.name}) : NULL;")
        elif k in ("string", "ostring"):
            src = f"ret_.{retm.name}" if k == "string" else \
                f"(ret_.{retm.name} ? *ret_.{retm.name} : NULL)"
            if p["rtype"] == "const char *":
                L.append(f"rv_ = remoteStashString({conn}, {src});")
            elif k == "string":
                L.append(f"rv_ = g_steal_pointer(&ret_.{retm.name});")
            else:
                L.append(f"rv_ = ret_.{retm.name} ? "
                         f"g_steal_pointer(ret_.{retm.name}) : NULL;")
        else:
            L.append(f"rv_ = ret_.{retm.name};")
        result = "rv_"
    if rett:
        L.append(f"xdr_free((xdrproc_t)xdr_{rett}, (char *)&ret_);")
    L.append(f"return {result};")
    params = ", ".join(c_decl(a.type, a.name) for a in func.args)
    return dict(name=remote_client_stub(func.name), rtype=func.ret.type,
                params=params, decl=decl, body=L)


def server_func(api, w, pr, func, p):
    """Lines of the daemon's procedure function body."""
    argt, rett = pr.args, pr.ret
    decl, L, clean = [], [], []
    if argt:
        decl.append(f"{argt} *args = argsp;")
    if rett:
        decl.append(f"{rett} *ret = retp;")
    decl.append("virConnectPtr conn_;")
    callargs = {}
    for m, k, a, o in p["ins"]:
        if k in ("handle", "ohandle"):
            decl.append(f"{c_decl(a.type, 'a_' + a.name)} = NULL;")
            clean.append(f"virObjectUnref(a_{a.name});")
            callargs[a.name] = f"a_{a.name}"
        elif k == "string":
            callargs[a.name] = f"args->{m.name}"
        elif k == "ostring":
            callargs[a.name] = f"(args->{m.name} ? *args->{m.name} : NULL)"
        elif k == "uuid":
            callargs[a.name] = f"(unsigned char *)args->{m.name}"
        else:
            callargs[a.name] = f"args->{m.name}"
    for m, k, a in p["outs"]:
        decl.append(f"{a.type[:-1].strip()} a_{a.name} = 0;")
        callargs[a.name] = f"&a_{a.name}"
    for a, st, matched in p["structs"]:
        decl.append(f"{st.name} a_{a.name};")
        L.append(f"memset(&a_{a.name}, 0, sizeof(a_{a.name}));")
        callargs[a.name] = f"&a_{a.name}"
    if p["objarg"].type == "virConnectPtr":
        callargs[p["objarg"].name] = "conn_"
    rtype = p["rtype"]
    decl.append(f"{c_decl(rtype, 'rv_')};")
    decl.append("int result_ = -1;")

    body = ["if (!(conn_ = remoteDaemonGetConn(client)))", "    return -1;"]
    for m, k, a, o in p["ins"]:
        if k == "handle":
            body.append(f"if (!(a_{a.name} = {helper(o, 'from')}(conn_, "
                        f"&args->{m.name})))")
            body.append("    goto cleanup;")
        elif k == "ohandle":
            body.append(f"if (args->{m.name} &&")
            body.append(f"    !(a_{a.name} = {helper(o, 'from')}(conn_, "
                        f"args->{m.name})))")
            body.append("    goto cleanup;")
    body += L
    call = f"{func.name}(" + ", ".join(callargs[a.name] for a in func.args) \
        + ")"
    body.append(f"rv_ = {call};")
    body.append(f"if ({err_test(func, 'rv_')})")
    body.append("    goto cleanup;")
    for m, k, a in p["outs"]:
        body.append(f"ret->{m.name} = a_{a.name};")
    for a, st, matched in p["structs"]:
        for m, f, k in matched:
            if k == "chars":
                body.append(f"memcpy(ret->{m.name}, a_{a.name}.{f.name}, "
                            f"sizeof(ret->{m.name}));")
            else:
                body.append(f"ret->{m.name} = a_{a.name}.{f.name};")
    retm = p["retm"]
    if retm is not None:
        k = w.kind(retm)
        if k in ("handle", "ohandle"):
            o, _ = w.handles[retm.type]
            if k == "handle":
                body.append(f"{helper(o, 'copy')}(&ret->{retm.name}, rv_);")
            else:
                body.append(f"ret->{retm.name} = "
                            f"g_new0(remote_nonnull_{wire_handle(o.name)}, 1);")
                body.append(f"{helper(o, 'copy')}(ret->{retm.name}, rv_);")
            body.append("virObjectUnref(rv_);")
        elif k in ("string", "ostring"):
            val = "g_strdup(rv_)" if rtype == "const char *" else "rv_"
            if k == "string":
                body.append(f"ret->{retm.name} = {val};")
            else:
                body.append(f"ret->{retm.name} = g_new0(char *, 1);")
                body.append(f"*ret->{retm.name} = {val};")
        else:
            body.append(f"ret->{retm.name} = rv_;")
    body.append("result_ = 0;")
    body.append("")
    body.append(" cleanup:")
    body += clean
    body.append("virObjectUnref(conn_);")
    body.append("return result_;")
    unused = []
    if not argt:
        unused.append("argsp")
    if not rett:
        unused.append("retp")
    return dict(name=remote_dispatch_func(pr.name), decl=decl, body=body,
                unused=unused)


def generate(api, outdir):
    w = Wire(api)
    funcs = {f.name: f for f in api.functions}
    procs = sorted((pr for pr in api.procedures if pr.program == "remote"),
                   key=lambda pr: pr.number)
    client_gen, server_gen = [], []
    manual_client, manual_server = [], []
    table = {}                   # function name -> client callback
    dispatch = []                # (number, function name)
    rows = []
    for pr in procs:
        func = funcs.get(pr.implements) if pr.implements else None
        if pr.kind == "message":
            side = "hand-written" if pr.handwritten else "not yet: event"
            rows.append((pr.number, pr.name, side, side))
            continue
        p = None
        why = None
        try:
            p = plan(api, w, pr, func)
        except NotMechanical as e:
            why = str(e)

        # The client.
        if pr.client_by_hand:
            cside = "hand-written"
            if func is not None and func.driver and func.impl == "dispatch":
                manual_client.append(dict(
                    name=remote_client_stub(func.name), rtype=func.ret.type,
                    params=", ".join(c_decl(a.type, a.name)
                                     for a in func.args)))
                table[func.name] = remote_client_stub(func.name)
        elif func is not None and func.impl != "dispatch":
            cside = "local"
        elif p is not None:
            cside = "generated"
            client_gen.append(client_stub(api, w, pr, func, p))
            table[func.name] = remote_client_stub(func.name)
        else:
            cside = f"not yet: {why}"

        # The daemon.
        if pr.server_by_hand:
            sside = "hand-written"
            manual_server.append(remote_dispatch_func(pr.name))
            dispatch.append((pr.number, remote_dispatch_func(pr.name)))
        elif p is not None:
            sside = "generated"
            server_gen.append(server_func(api, w, pr, func, p))
            dispatch.append((pr.number, remote_dispatch_func(pr.name)))
        else:
            sside = f"not yet: {why}"
        rows.append((pr.number, pr.name, cside, sside))

    tables = []
    for kind, struct in DRIVER_STRUCTS.items():
        entries = [dict(field=driver_field(f.name), func=table[f.name])
                   for f in api.functions
                   if f.driver == kind and f.name in table]
        tables.append(dict(kind=kind, struct=struct,
                           var="remote" + struct[3:], entries=entries))
    nprocs = procs[-1].number + 1 if procs else 0
    ctx = dict(client=client_gen, server=server_gen,
               manual_client=manual_client, manual_server=manual_server,
               tables=tables, dispatch=dispatch, nprocs=nprocs)
    for name in ("remote_client.h", "remote_client.c",
                 "remote_dispatch.h", "remote_dispatch.c"):
        text = writer.banner("c", TARGET) + render(f"rpc_remote/{name}.j2",
                                                   **ctx)
        writer.write(os.path.join(outdir, "src", "gen", name), text)
    lines = [writer.banner("sh", TARGET).rstrip("\n"),
             "number\tprocedure\tclient\tdaemon"]
    lines += [f"{n}\t{name}\t{c}\t{s}" for n, name, c, s in rows]
    writer.write(os.path.join(outdir, "src", "gen", "remote_stubs.tsv"),
                 "\n".join(lines) + "\n")
