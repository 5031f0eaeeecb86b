# SPDX-License-Identifier: LGPL-2.1-or-later
"""The rpc_remote target's event family: the daemon's relay (one C
callback per event, sending the legacy or the callback-id message) and the
client's delivery of each callback-id message."""

from ..naming import (c_decl, event_callback_candidates, event_names,
                      wire_arg_names, wire_proc_camel)
from .rpc_remote_common import NotMechanical, helper, norm


EVENT_KINDS = ("Domain", "Network", "StoragePool", "NodeDevice", "Secret")


def camel(word):
    return "".join(x[:1] + x[1:].lower() for x in word.split("_"))


def flat_members(w, tname):
    """A message's members with their C path: nested msg structs (the
    callback-id form wraps the legacy message) are opened."""
    out = []
    for m in w.members(tname):
        wt = w.api.wire_type(m.type)
        if m.name == "msg" and wt is not None and wt.kind == "struct":
            out += [(f"msg.{x.name}", x) for x in wt.members]
        else:
            out.append((m.name, m))
    return out


class EventPlan:
    def __init__(self, kind, event, cb, obj):
        self.kind, self.event, self.cb, self.obj = kind, event, cb, obj
        self.cproc = None            # callback-id form
        self.lproc = None            # legacy form (domain only)

    @property
    def relay(self):
        return f"remoteRelay{self.kind}Event{camel(self.event)}"


def find_callback(api, kind, event):
    cbs = {norm(c.name): c for c in api.callbacks}
    for cand in event_callback_candidates(kind, event):
        if norm(cand) in cbs:
            return cbs[norm(cand)]
    return None


def event_fill(w, ev, pr, var):
    """Lines filling message `var` of procedure pr from the C callback's
    arguments (in the daemon); after-send cleanup lines."""
    fill, after = [], []
    cargs = ev.cb.args[1:-1]           # after conn, before opaque
    used = set()
    for path, m in flat_members(w, pr.msg):
        k = w.kind(m)
        if m.name == "callbackID":
            fill.append(f"{var}.callbackID = id;")
            continue
        if k == "handle" and w.handles[m.type][0].name == ev.obj.name:
            fill.append(f"{helper(ev.obj, 'to')}(&{var}.{path}, "
                        f"{cargs[0].name});")
            continue
        a = None
        for cand in wire_arg_names(m.name):
            found = [x for x in cargs[1:] if norm(x.name) == norm(cand)
                     and x.name not in used]
            if found:
                a = found[0]
                break
        if a is None:
            raise NotMechanical(f"event member {m.name} fits no argument of "
                                f"{ev.cb.name}")
        used.add(a.name)
        if m.type == "remote_typed_param" and m.max:
            fill.append(f"if (remoteTypedParamsToWire({a.name}, nparams, "
                        f"{m.max}, &{var}.{path}.{m.name}_val, "
                        f"&{var}.{path}.{m.name}_len) < 0)")
            fill.append("    return;")
            after.append(f"remoteTypedParamsWireFree({var}.{path}."
                         f"{m.name}_val, {var}.{path}.{m.name}_len);")
            used.add("nparams")
        elif k == "string":
            fill.append(f"{var}.{path} = (char *){a.name};")
        elif k == "ostring":
            fill.append(f"{var}.{path} = {a.name} ? (char **)&{a.name} "
                        f": NULL;")
        elif k == "integer":
            fill.append(f"{var}.{path} = {a.name};")
        else:
            raise NotMechanical(f"event member {m.name} ({m.type}) has no "
                                f"mechanical C form")
    return fill, after


def relay_func(w, ev):
    """The daemon's C callback for one event: encodes the message of the
    registration's form and sends it to the client."""
    cb = ev.cb
    rtype = cb.ret.type.strip()
    params = ", ".join(c_decl(a.type, a.name) for a in cb.args)
    retv = "" if rtype == "void" else " 0"
    body = ["remoteDaemonEventReg *reg = opaque;",
            "int id = remoteDaemonEventRegID(reg);", "",
            "if (id < 0)", f"    return{retv};"]
    for pr, legacy in ((ev.lproc, True), (ev.cproc, False)):
        if pr is None:
            continue
        fill, after = event_fill(w, ev, pr, "data")
        fill = [x.replace("return;", f"return{retv};") for x in fill]
        if ev.lproc is not None:
            body.append("if (reg->legacy) {" if legacy else "} else {")
            ind = "    "
        else:
            ind = ""
        body.append(f"{ind}{pr.msg} data;")
        body.append("")
        body.append(f"{ind}memset(&data, 0, sizeof(data));")
        body += [ind + x for x in fill]
        body.append(f"{ind}remoteDaemonEventSend(reg, {pr.name},")
        body.append(f"{ind}                      (xdrproc_t)xdr_{pr.msg}, "
                    f"&data);")
        body += [ind + x for x in after]
    if ev.lproc is not None:
        body.append("}")
    if rtype != "void":
        body.append("return 0;")
    return dict(name=ev.relay, rtype=cb.ret.type, params=params, body=body)


def deliver_func(w, ev, pr):
    """The client's delivery of a callback-id message to the
    application's callback."""
    cb = ev.cb
    cargs = cb.args[1:-1]
    L = [f"{pr.msg} *msg = data;"]
    objm = [p for p, m in flat_members(w, pr.msg)
            if w.kind(m) == "handle"]
    if len(objm) != 1:
        raise NotMechanical("no single object in the event message")
    decl_tp = False
    exprs = {}
    used = set()
    for path, m in flat_members(w, pr.msg):
        if m.name == "callbackID" or path == objm[0]:
            continue
        a = None
        for cand in wire_arg_names(m.name):
            found = [x for x in cargs[1:] if norm(x.name) == norm(cand)
                     and x.name not in used]
            if found:
                a = found[0]
                break
        if a is None:
            raise NotMechanical(f"event member {m.name} fits no argument")
        used.add(a.name)
        k = w.kind(m)
        if m.type == "remote_typed_param" and m.max:
            decl_tp = True
            exprs[a.name] = "params"
            exprs["nparams"] = "nparams"
            used.add("nparams")
            tp = (f"msg->{path}.{m.name}_val", f"msg->{path}.{m.name}_len",
                  m.max)
        elif k == "string":
            exprs[a.name] = f"msg->{path}"
        elif k == "ostring":
            exprs[a.name] = f"(msg->{path} ? *msg->{path} : NULL)"
        elif k == "integer":
            exprs[a.name] = f"msg->{path}"
        else:
            raise NotMechanical(f"event member {m.name} ({m.type})")
    for a in cargs[1:]:
        if a.name not in exprs:
            raise NotMechanical(f"{cb.name} argument {a.name} is not in "
                                f"the message")
    objt = ev.obj.ptr
    L.append(f"{objt} obj;")
    if decl_tp:
        L += ["virTypedParameterPtr params = NULL;", "int nparams = 0;"]
    L.append("")
    if decl_tp:
        L += [f"if (remoteTypedParamsFromWire({tp[0]}, {tp[1]}, {tp[2]}, "
              f"&params, &nparams) < 0)", "    return;"]
    L.append(f"if (!(obj = {helper(ev.obj, 'from')}(conn, &msg->{objm[0]}))) "
             "{")
    if decl_tp:
        L.append("    virTypedParamsFree(params, nparams);")
    L += ["    return;", "}"]
    call = ", ".join(["conn", "obj"] + [exprs[a.name] for a in cargs[1:]] +
                     ["opaque"])
    L.append(f"(({cb.name})cb)({call});")
    L.append("virObjectUnref(obj);")
    if decl_tp:
        L.append("virTypedParamsFree(params, nparams);")
    return dict(name="remoteDeliver" + wire_proc_camel(pr.name), body=L)


def plan_events(api, w, procs):
    """Event plans by (kind, event), and rows for the stubs table."""
    evs = {}
    for pr in procs:
        if pr.kind != "message":
            continue
        names = event_names(pr.name)
        if names is None:
            continue
        kind, event, cbform = names
        if cbform is None:
            cbform = any(m.name == "callbackID" for m in w.members(pr.msg))
        key = (kind, event)
        if key not in evs:
            cb = find_callback(api, kind, event)
            evs[key] = EventPlan(kind, event, cb, api.object("vir" + kind))
        if cbform:
            evs[key].cproc = pr
        else:
            evs[key].lproc = pr
    return evs


def event_id_values(api, kind):
    e = api.enum(f"vir{kind}EventID")
    vals = {}
    if e is not None:
        for v in e.values:
            if not v.sentinel:
                vals[v.name] = v.value
    return vals
