# SPDX-License-Identifier: LGPL-2.1-or-later
"""src/gen/remote_client.[ch] (the remote driver's callbacks and tables,
and the delivery of event messages to the application) and
src/gen/remote_dispatch.[ch] (the daemon's procedure functions and its
event relays), plus src/gen/remote_stubs.tsv, which says for every remote
procedure how each side is served.

A procedure is generated when its C function and its wire payloads line up
by name (compared ignoring case and underscores: xmlDesc == xml_desc; a
few wire names stand for another C name, naming.WIRE_ARG_SYNONYMS):

* the object argument and other handles match remote_nonnull_X (or the
  nullable remote_X) members by type (by name if a type repeats); a node
  device goes as its name;
* strings, integers (any integer width: C converts) and UUIDs match
  members of the same name;
* arrays going in (bytes, numbers, strings) are a C pointer plus its
  length argument (n<member>, or naming.WIRE_ARRAY_LEN); typed
  parameters going in are params + nparams;
* reply members named like a pointer argument fill it (int *autostart);
  a pointer to a public struct is filled field by field by name
  (virDomainInfo), fixed char arrays of equal size included;
* shapes of reply arrays: names/ids filled into the caller's array whose
  size went as the max... member (the count is returned); a need_results
  list of handles or strings the C function allocates (the `ret` member
  is returned); strings the C function allocates (char ***); typed
  parameters filled into the caller's array, where *nparams == 0 only
  asks for the count (nparams in both directions), or allocated by the C
  function (virTypedParameterPtr *); bytes into the caller's buffer of
  `size`; arrays of public structs, filled field by field by name (nested
  arrays counted by an n<field>/<field>len field): into the caller's array
  (virDomainMemoryStats), counted by *nparams (virNodeGetCPUStats), or
  allocated by the C function and freed with <struct>Free
  (virDomainGetFSInfo, need_results for virNetworkGetDHCPLeases);
* one reply member left over is the function's return value (a string,
  a handle, a number); no reply at all means the function returns 0.

Events are a family: each event message names its object kind and event
(REMOTE_PROC_<KIND>_EVENT_[CALLBACK_]<EVENT>); the C callback type of that
event (naming.event_callback_candidates) gives the arguments, matched to
the message members by name. The daemon gets one relay per event (sending
the legacy or the callback-id message, as the client registered), indexed
by event ID; the client gets one delivery per callback-id message.

Anything else (streams, file descriptors, irregular arrays such as
cpumaps, functions that are not driver callbacks) is reported as not
generated, with the reason, unless the IDL says the procedure is written
by hand (<procedure handwritten=...><reason>): then the tables refer to
the hand-written function by its conventional name
(naming.remote_client_stub, naming.remote_dispatch_func,
remoteRelay<Kind>Event<Event>, remoteDeliver<Procedure>).  The shapes live
in rpc_remote_shapes.py, the event family in rpc_remote_events.py."""

import os
import re

from .. import writer
from ..naming import (DRIVER_STRUCTS, c_decl, driver_field, event_id_const,
                      remote_client_stub, remote_dispatch_func, wire_handle,
                      wire_proc_camel)
from . import render
from .rpc_remote_common import (NotMechanical, Stub, Wire, conn_expr,
                                find_arg, helper, is_integer_c, norm)
from .rpc_remote_events import (EVENT_KINDS, deliver_func, event_id_values,
                                plan_events, relay_func)
from .rpc_remote_shapes import (in_array, need_list, out_array,
                                typed_params_out)

TARGET = "targets/rpc_remote.py"


def plan(api, w, pr, func):
    """Stub for one procedure, or NotMechanical(reason)."""
    if func is None:
        if pr.private and pr.implements:
            raise NotMechanical(f"a step of libvirt's private migration "
                                f"protocol ({pr.implements})")
        if pr.name.startswith("REMOTE_PROC_AUTH_"):
            raise NotMechanical("authentication: part of the transport")
        raise NotMechanical("serves no C function")
    if func.impl != "dispatch" or not func.driver:
        raise NotMechanical(f"{func.name} is not a driver callback")
    if pr.stream:
        raise NotMechanical("uses a stream")
    if any(a.name in ("fd", "files", "fds") for a in func.args) or \
            pr.name.endswith("_FD"):
        raise NotMechanical("passes file descriptors, which the transport "
                            "does not carry yet")
    objarg = func.object_arg
    if objarg is None:
        raise NotMechanical("no object argument")
    obj = api.object_of_ptr(objarg.type)
    conn = conn_expr(objarg, obj)
    st = Stub()
    used = set()
    args_m = w.members(pr.args)
    ret_m = w.members(pr.ret)
    done_ret = set()             # reply members already mapped

    # ---- what goes in ------------------------------------------------
    need = None                  # the need_results member
    for m in args_m:
        k = w.kind(m)
        if m.name == "need_results" and k == "integer":
            need = m
            continue
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
            var = f"a_{a.name}"
            st.sdecl.append(f"{c_decl(a.type, var)} = NULL;")
            st.sclean.append(f"virObjectUnref({var});")
            st.scall[a.name] = var
            if k == "handle":
                st.cpre.append(f"{helper(o, 'to')}(&args_.{m.name}, "
                               f"{a.name});")
                st.spre += [f"if (!({var} = {helper(o, 'from')}(conn_, "
                            f"&args->{m.name})))", "    goto cleanup;"]
            else:
                wt = f"remote_nonnull_{wire_handle(o.name)}"
                st.cdecl.append(f"{wt} {m.name}_;")
                st.cpre += [f"if ({a.name}) {{",
                            f"    {helper(o, 'to')}(&{m.name}_, {a.name});",
                            f"    args_.{m.name} = &{m.name}_;", "}"]
                st.spre += [f"if (args->{m.name} &&",
                            f"    !({var} = {helper(o, 'from')}(conn_, "
                            f"args->{m.name})))", "    goto cleanup;"]
            continue
        # A node device goes on the wire as its name.
        if (k == "string" and m.name == "name" and obj.name == "virNodeDevice"
                and objarg.name not in used):
            a = objarg
            used.add(a.name)
            var = f"a_{a.name}"
            st.cpre.append(f"args_.name = {a.name}->name;")
            st.sdecl.append(f"{c_decl(a.type, var)} = NULL;")
            st.spre += [f"if (!({var} = virNodeDeviceLookupByName(conn_, "
                        f"args->name)))", "    goto cleanup;"]
            st.sclean.append(f"virObjectUnref({var});")
            st.scall[a.name] = var
            continue
        if m.max and not m.optional:
            in_array(w, func, m, used, st)
            continue
        a = find_arg(func, m.name, used)
        if a is None:
            raise NotMechanical(f"no argument named like member {m.name}")
        t = a.type.strip()
        # nparams of a probing call: *nparams goes, nparams comes back.
        if k == "integer" and t in ("int *", "unsigned int *"):
            if not typed_params_out(w, func, m, a, ret_m, used, st,
                                    done_ret):
                raise NotMechanical(f"argument {a.name} ({a.type}) does "
                                    f"not match member {m.name}")
            continue
        ok = {
            "string": t in ("const char *", "char *"),
            "ostring": t in ("const char *", "char *"),
            "uuid": t in ("const unsigned char *", "unsigned char *"),
            "integer": is_integer_c(t),
            "double": t == "double",
        }.get(k, False)
        if not ok:
            raise NotMechanical(f"argument {a.name} ({a.type}) does not "
                                f"match member {m.name} ({m.type})")
        used.add(a.name)
        if k == "string":
            st.cpre.append(f"args_.{m.name} = (char *){a.name};")
            st.scall[a.name] = f"args->{m.name}"
        elif k == "ostring":
            st.cpre.append(f"args_.{m.name} = {a.name} ? "
                           f"(char **)&{a.name} : NULL;")
            st.scall[a.name] = f"(args->{m.name} ? *args->{m.name} : NULL)"
        elif k == "uuid":
            st.cpre.append(f"memcpy(args_.{m.name}, {a.name}, "
                           f"VIR_UUID_BUFLEN);")
            st.scall[a.name] = f"(unsigned char *)args->{m.name}"
        else:
            st.cpre.append(f"args_.{m.name} = {a.name};")
            st.scall[a.name] = f"args->{m.name}"

    # As libvirt's public API does for these calls: string parameters are
    # fine when the server can send them.
    if st.string_okay and any(m.name == "flags" for m in args_m):
        st.cpre.append(f"args_.flags |= remoteTypedParamStringOkay({conn});")

    if objarg.type == "virConnectPtr":
        used.add(objarg.name)
        st.scall[objarg.name] = "conn_"
    elif objarg.name not in used:
        raise NotMechanical(f"the object argument {objarg.name} is not on "
                            f"the wire")

    # ---- what comes back ---------------------------------------------
    if need is not None:
        need_list(w, func, need, ret_m, used, st, done_ret, conn)
    left = []
    for m in ret_m:
        if m.name in done_ret:
            continue
        if m.max and not m.optional:
            out_array(w, func, pr, m, args_m, used, st, done_ret, conn)
            continue
        a = find_arg(func, m.name, used)
        if a is None or a.type.strip().endswith("Ptr"):
            left.append(m)
            continue
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
        st.cpost.append(f"*{a.name} = ret_.{m.name};")
        st.sdecl.append(f"{target} a_{a.name} = 0;")
        st.scall[a.name] = f"&a_{a.name}"
        st.spost.append(f"ret->{m.name} = a_{a.name};")

    # A pointer to a public struct takes the leftover members by field name.
    for a in func.args:
        if a.name in used or not a.type.endswith("Ptr"):
            continue
        sdef = w.ptr_structs.get(a.type.strip(), w.structs.get(a.type[:-3]))
        if sdef is None or sdef.opaque or not left:
            continue
        fields = {norm(f.name): f for f in sdef.fields}
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
                    raise NotMechanical(f"{sdef.name}.{f.name} and {m.name} "
                                        f"differ in size")
            elif k == "integer" and is_integer_c(f.type):
                pass
            elif k == "double" and f.type == "double":
                pass
            else:
                raise NotMechanical(f"reply member {m.name} does not fit "
                                    f"{sdef.name}.{f.name} ({f.type})")
            matched.append((m, f, k))
            left.remove(m)
        if not matched:
            continue
        if len(matched) != len(sdef.fields):
            raise NotMechanical(f"{sdef.name} is only partly on the wire")
        used.add(a.name)
        var = f"a_{a.name}"
        st.sdecl.append(f"{sdef.name} {var};")
        st.spre.append(f"memset(&{var}, 0, sizeof({var}));")
        st.scall[a.name] = f"&{var}"
        for m, f, k in matched:
            if k == "chars":
                st.cpost.append(f"memcpy({a.name}->{f.name}, ret_.{m.name}, "
                                f"sizeof({a.name}->{f.name}));")
                st.spost.append(f"memcpy(ret->{m.name}, {var}.{f.name}, "
                                f"sizeof(ret->{m.name}));")
            else:
                st.cpost.append(f"{a.name}->{f.name} = ret_.{m.name};")
                st.spost.append(f"ret->{m.name} = {var}.{f.name};")
        # The caller's struct size (virDomainBlockStats): ours is the size.
        idx = func.args.index(a)
        if (idx + 1 < len(func.args) and func.args[idx + 1].name == "size"
                and func.args[idx + 1].type == "size_t"):
            used.add("size")
            st.scall["size"] = f"sizeof({var})"

    unused = [a.name for a in func.args if a.name not in used]
    if unused:
        raise NotMechanical(f"argument(s) {', '.join(unused)} not on the "
                            f"wire")

    rtype = func.ret.type.strip()
    if left:
        if len(left) > 1:
            raise NotMechanical(f"reply members "
                                f"{', '.join(m.name for m in left)} "
                                f"match no argument")
        return_member(w, func, left[0], rtype, st, conn)
    elif st.cresult is None:
        if rtype != "int":
            raise NotMechanical(f"{func.name} returns {rtype} but the reply "
                                f"has no value for it")
        st.cresult = "0"
    return st


def return_member(w, func, m, rtype, st, conn):
    k = w.kind(m)
    if k in ("handle", "ohandle"):
        o, _ = w.handles[m.type]
        if rtype != o.ptr:
            raise NotMechanical(f"reply member {m.name} is a handle "
                                f"but {func.name} returns {rtype}")
        if k == "handle":
            st.cresult = f"{helper(o, 'from')}({conn}, &ret_.{m.name})"
            st.spost.append(f"{helper(o, 'copy')}(&ret->{m.name}, rv_);")
        else:
            st.cresult = (f"ret_.{m.name} ? {helper(o, 'from')}({conn}, "
                          f"ret_.{m.name}) : NULL")
            st.spost += [f"ret->{m.name} = "
                         f"g_new0(remote_nonnull_{wire_handle(o.name)}, 1);",
                         f"{helper(o, 'copy')}(ret->{m.name}, rv_);"]
        st.spost.append("virObjectUnref(rv_);")
    elif k in ("string", "ostring"):
        if rtype not in ("char *", "const char *"):
            raise NotMechanical(f"reply member {m.name} is a string "
                                f"but {func.name} returns {rtype}")
        src = f"ret_.{m.name}" if k == "string" else \
            f"(ret_.{m.name} ? *ret_.{m.name} : NULL)"
        if rtype == "const char *":
            st.cresult = f"remoteStashString({conn}, {src})"
        elif k == "string":
            st.cresult = f"g_steal_pointer(&ret_.{m.name})"
        else:
            st.cresult = (f"ret_.{m.name} ? g_steal_pointer(ret_.{m.name}) "
                          f": NULL")
        val = "g_strdup(rv_)" if rtype == "const char *" else "rv_"
        if k == "string":
            st.spost.append(f"ret->{m.name} = {val};")
        else:
            st.spost += [f"ret->{m.name} = g_new0(char *, 1);",
                         f"*ret->{m.name} = {val};"]
    elif k == "integer":
        if not is_integer_c(rtype):
            raise NotMechanical(f"reply member {m.name} is a number "
                                f"but {func.name} returns {rtype}")
        st.cresult = f"ret_.{m.name}"
        st.spost.append(f"ret->{m.name} = rv_;")
    else:
        raise NotMechanical(f"reply member {m.name} cannot be returned")


def err_test(func, var):
    e = func.ret.error
    if e == "-1":
        return f"{var} < 0"
    if e == "NULL":
        return f"!{var}"
    return f"{var} == {e}"


def client_stub(api, w, pr, func, st):
    """The client callback: encode, call, decode."""
    argt, rett = pr.args, pr.ret
    err = func.ret.error if func.ret.error not in ("none", None) else "-1"
    decl = []
    if argt:
        decl.append(f"{argt} args_;")
    if rett:
        decl.append(f"{rett} ret_;")
    decl.append(f"{c_decl(func.ret.type, 'rv_')} = {err};")
    decl += st.cdecl
    L = []
    if argt:
        L.append("memset(&args_, 0, sizeof(args_));")
    if rett:
        L.append("memset(&ret_, 0, sizeof(ret_));")
    L += st.cpre
    conn = conn_expr(func.object_arg, api.object_of_ptr(func.object_arg.type))
    af = f"(xdrproc_t)xdr_{argt}, &args_" if argt else "NULL, NULL"
    rf = f"(xdrproc_t)xdr_{rett}, &ret_" if rett else "NULL, NULL"
    L += [f"if (remoteCall({conn}, {pr.name},", f"               {af},",
          f"               {rf}) < 0)", "    goto done;"]
    L += st.cpost
    L.append(f"rv_ = {st.cresult};")
    body = "\n".join(L)
    L.append("")
    if "goto cleanup" in body:
        L.append(" cleanup:")
    L += st.cclean_ret
    if rett:
        L.append(f"xdr_free((xdrproc_t)xdr_{rett}, (char *)&ret_);")
    L.append(" done:")
    L += st.cclean
    L.append("return rv_;")
    # Callbacks of functions returning void-ish error values keep "rv_".
    params = ", ".join(c_decl(a.type, a.name) for a in func.args)
    return dict(name=remote_client_stub(func.name), rtype=func.ret.type,
                params=params, decl=decl, body=L)


def server_func(api, w, pr, func, st):
    """The daemon's procedure function: decode, call, encode."""
    argt, rett = pr.args, pr.ret
    decl = []
    if argt:
        decl.append(f"{argt} *args = argsp;")
    if rett:
        decl.append(f"{rett} *ret = retp;")
    decl.append("virConnectPtr conn_;")
    decl += st.sdecl
    rtype = func.ret.type.strip()
    init = " = NULL" if rtype.endswith("*") or rtype.endswith("Ptr") \
        else " = 0"
    decl.append(f"{c_decl(func.ret.type, 'rv_')}{init};")
    decl.append("int result_ = -1;")
    body = ["if (!(conn_ = remoteDaemonGetConn(client)))", "    return -1;"]
    body += st.spre
    call = f"{func.name}(" + ", ".join(st.scall[a.name] for a in func.args) \
        + ")"
    body.append(f"rv_ = {call};")
    body.append(f"if ({err_test(func, 'rv_')})")
    body.append("    goto cleanup;")
    body += st.spost
    body += ["result_ = 0;", "", " cleanup:"]
    body += st.sclean
    body += ["virObjectUnref(conn_);", "return result_;"]
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
    rows = {}
    for pr in procs:
        if pr.kind == "message":
            continue
        func = funcs.get(pr.implements) if pr.implements else None
        st = None
        why = None
        try:
            st = plan(api, w, pr, func)
        except NotMechanical as e:
            why = str(e)

        # The client.
        if pr.client_by_hand:
            cside = "hand-written"
            # The function, and those it also serves (virDomainListGetStats).
            # A local accessor with a driver fallback (virNodeDeviceGetParent
            # asks the driver when the handle has no parent) takes one too.
            for f in [func] + [funcs.get(x) for x in pr.also]:
                if f is None or not f.driver or \
                        f.impl not in ("dispatch", "manual", "get-parent"):
                    continue
                manual_client.append(dict(
                    name=remote_client_stub(f.name), rtype=f.ret.type,
                    params=", ".join(c_decl(a.type, a.name)
                                     for a in f.args)))
                table[f.name] = remote_client_stub(f.name)
        elif func is not None and func.impl != "dispatch":
            cside = "local"
        elif st is not None:
            cside = "generated"
            client_gen.append(client_stub(api, w, pr, func, st))
            table[func.name] = remote_client_stub(func.name)
        else:
            cside = f"not yet: {why}"

        # The daemon.
        if pr.server_by_hand:
            sside = "hand-written"
            manual_server.append(remote_dispatch_func(pr.name))
            dispatch.append((pr.number, remote_dispatch_func(pr.name)))
        elif st is not None:
            sside = "generated"
            server_gen.append(server_func(api, w, pr, func, st))
            dispatch.append((pr.number, remote_dispatch_func(pr.name)))
        else:
            sside = f"not yet: {why}"
        rows[pr.number] = (pr.number, pr.name, cside, sside)

    for n, (num, name, cside, sside) in list(rows.items()):
        pr = [p for p in procs if p.number == num][0]
        if cside.startswith("not yet") and pr.handwritten == "server" and \
                pr.implements in table:
            rows[n] = (num, name, "served by another procedure", sside)

    # Events: the daemon's relays, the client's deliveries.
    evs = plan_events(api, w, procs)
    relays, manual_relays, delivers, manual_delivers = [], [], [], []
    msgtable, evtables = [], {k: [] for k in EVENT_KINDS}
    for (kind, event), ev in sorted(evs.items()):
        ids = event_id_values(api, kind)
        idname = event_id_const(kind, event)
        known = ev.cb is not None and idname in ids
        prs = [p for p in (ev.lproc, ev.cproc) if p is not None]
        by_hand = any(p.handwritten for p in prs)
        why = None
        if not known:
            why = f"no event ID {idname} or no C callback for it"
        elif by_hand:
            manual_relays.append(dict(name=ev.relay, rtype=ev.cb.ret.type,
                                      params=", ".join(c_decl(a.type, a.name)
                                                       for a in ev.cb.args)))
        else:
            try:
                relays.append(relay_func(w, ev))
            except NotMechanical as e:
                why = str(e)
        if why is None:
            evtables[kind].append(dict(id=idname, func=ev.relay,
                                       legacy=ev.lproc.name if ev.lproc
                                       else "0"))
        sside = f"not yet: {why}" if why else \
            ("hand-written" if by_hand else "generated")
        if ev.lproc is not None:
            rows[ev.lproc.number] = (ev.lproc.number, ev.lproc.name,
                                     "not needed: the client registers in "
                                     "the callback-id form", sside)
        if ev.cproc is not None:
            pr = ev.cproc
            cside = None
            dname = "remoteDeliver" + wire_proc_camel(pr.name)
            if why:
                cside = sside
            elif by_hand:
                manual_delivers.append(dname)
                cside = "hand-written"
            else:
                try:
                    delivers.append(deliver_func(w, ev, pr))
                    cside = "generated"
                except NotMechanical as e:
                    cside = f"not yet: {e}"
            if cside in ("generated", "hand-written"):
                msgtable.append(dict(proc=pr.name, kind=EVENT_KINDS.index(kind),
                                     id=idname, msg=pr.msg, func=dname))
            rows[pr.number] = (pr.number, pr.name, cside, sside)
    for pr in procs:
        if pr.kind == "message" and pr.number not in rows:
            side = "hand-written" if pr.handwritten else "not yet: event"
            rows[pr.number] = (pr.number, pr.name, side, side)
    evsizes = {}
    for kind in EVENT_KINDS:
        ids = event_id_values(api, kind)
        evsizes[kind] = max(ids.values()) + 1 if ids else 0

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
               tables=tables, dispatch=dispatch, nprocs=nprocs,
               relays=relays, manual_relays=manual_relays,
               delivers=delivers, manual_delivers=manual_delivers,
               msgtable=msgtable,
               evtables=[dict(kind=k, size=evsizes[k], entries=evtables[k])
                         for k in EVENT_KINDS],
               kinds=EVENT_KINDS)
    for name in ("remote_client.h", "remote_client.c",
                 "remote_dispatch.h", "remote_dispatch.c"):
        text = writer.banner("c", TARGET) + render(f"rpc_remote/{name}.j2",
                                                   **ctx)
        writer.write(os.path.join(outdir, "src", "gen", name), text)
    lines = [writer.banner("sh", TARGET).rstrip("\n"),
             "number\tprocedure\tclient\tdaemon"]
    lines += [f"{n}\t{name}\t{c}\t{s}" for n, name, c, s in
              (rows[k] for k in sorted(rows))]
    writer.write(os.path.join(outdir, "src", "gen", "remote_stubs.tsv"),
                 "\n".join(lines) + "\n")
