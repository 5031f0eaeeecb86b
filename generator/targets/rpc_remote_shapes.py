# SPDX-License-Identifier: LGPL-2.1-or-later
"""The rpc_remote target's shapes beyond scalars: arrays going in, names
filled into the caller's array, need_results lists, typed parameters
(probed, filled or allocated), structs filled field by field, and arrays
of nested structs.  Each adds its lines to both sides of a Stub, or
raises NotMechanical."""

import re

from ..naming import wire_arg_names, wire_array_len
from .rpc_remote_common import (LOOP_VARS, NotMechanical, elem_kind,
                                find_arg, helper, is_integer_c, norm,
                                too_many)


def struct_fields(w, wt, sdef):
    """Pairs (wire member, C field, C count field or None) of a wire struct
    and a public struct whose members line up by name; arrays carry their
    count in a field n<name> or <name>len."""
    fields = {norm(f.name): f for f in sdef.fields}
    used = set()
    out = []
    for x in wt.members:
        f = None
        for cand in wire_arg_names(x.name):
            f = fields.get(norm(cand))
            if f:
                break
        if f is None:
            raise NotMechanical(f"{wt.name}.{x.name} is not in {sdef.name}")
        used.add(f.name)
        cf = None
        if x.max and not x.optional:
            for cand in ("n" + f.name, f.name + "len"):
                cf = fields.get(norm(cand))
                if cf:
                    break
            if cf is None:
                raise NotMechanical(f"no count field for {sdef.name}."
                                    f"{f.name}")
            used.add(cf.name)
        out.append((x, f, cf))
    if used != {f.name for f in sdef.fields}:
        raise NotMechanical(f"{sdef.name} is only partly on the wire")
    return out


def struct_from_wire(w, wt, sdef, dst, src, depth=0):
    """Client: lines filling C struct lvalue `dst` from wire struct lvalue
    `src`, taking its strings over."""
    L = []
    for x, f, cf in struct_fields(w, wt, sdef):
        k = w.kind(x)
        d, s_ = f"{dst}.{f.name}", f"{src}.{x.name}"
        ft = f.type.strip()
        if k == "string" and ft == "char *":
            L.append(f"{d} = g_steal_pointer(&{s_});")
        elif k == "string" and re.match(r"char \w+\[\w+\]$", ft):
            # A fixed char array: the string must fit with its NUL.
            L += [f"if (g_strlcpy({d}, {s_}, sizeof({d})) >= sizeof({d})) {{",
                  f'    virReportError(VIR_ERR_RPC, "%s", '
                  f'"{sdef.name}.{f.name} too long");',
                  "    goto cleanup;", "}"]
        elif k == "ostring" and ft == "char *":
            L.append(f"{d} = {s_} ? g_steal_pointer({s_}) : NULL;")
        elif k in ("integer", "double") and (is_integer_c(ft) or
                                             ft == "double"):
            L.append(f"{d} = {s_};")
        elif x.max and cf is not None:
            if depth >= len(LOOP_VARS):
                raise NotMechanical("structs nested too deep")
            i = LOOP_VARS[depth]
            val, ln = f"{s_}.{x.name}_val", f"{s_}.{x.name}_len"
            ek = elem_kind(w, x)
            L.append(f"{dst}.{cf.name} = {ln};")
            if ek == "bytes" and ft == "unsigned char *":
                L += [f"{d} = g_new0(unsigned char, MAX({ln}, 1));",
                      f"if ({ln} > 0)",
                      f"    memcpy({d}, {val}, {ln});"]
            elif ek == "string" and ft == "char **":
                L += [f"{d} = g_new0(char *, {ln} + 1);",
                      f"for ({i} = 0; {i} < {ln}; {i}++)",
                      f"    {d}[{i}] = g_steal_pointer(&{val}[{i}]);"]
            elif w.api.wire_type(x.type) is not None and \
                    ft in w.ptr_structs:
                sub = w.ptr_structs[ft]
                L += [f"{d} = g_new0({sub.name}, MAX({ln}, 1));",
                      f"for ({i} = 0; {i} < {ln}; {i}++) {{"]
                L += ["    " + y for y in struct_from_wire(
                    w, w.api.wire_type(x.type), sub, f"{d}[{i}]",
                    f"{val}[{i}]", depth + 1)]
                L.append("}")
            else:
                raise NotMechanical(f"{wt.name}.{x.name} does not fit "
                                    f"{sdef.name}.{f.name}")
        else:
            raise NotMechanical(f"{wt.name}.{x.name} does not fit "
                                f"{sdef.name}.{f.name}")
    return L


def struct_to_wire(w, wt, sdef, dst, src, depth=0):
    """Daemon: lines filling wire struct lvalue `dst` with copies from C
    struct lvalue `src`."""
    L = []
    for x, f, cf in struct_fields(w, wt, sdef):
        k = w.kind(x)
        d, s_ = f"{dst}.{x.name}", f"{src}.{f.name}"
        ft = f.type.strip()
        if k == "string":
            L.append(f"{d} = g_strdup({s_});")
        elif k == "ostring":
            L += [f"if ({s_}) {{", f"    {d} = g_new0(char *, 1);",
                  f"    *{d} = g_strdup({s_});", "}"]
        elif k in ("integer", "double"):
            L.append(f"{d} = {s_};")
        elif x.max and cf is not None:
            i = LOOP_VARS[depth]
            val, ln = f"{d}.{x.name}_val", f"{d}.{x.name}_len"
            cnt = f"{src}.{cf.name}"
            ek = elem_kind(w, x)
            L.append(f"{ln} = {cnt};")
            if ek == "bytes":
                L += [f"{val} = g_new0(char, MAX({cnt}, 1));",
                      f"if ({cnt} > 0)",
                      f"    memcpy({val}, {s_}, {cnt});"]
            elif ek == "string":
                L += [f"{val} = g_new0(char *, MAX({cnt}, 1));",
                      f"for ({i} = 0; {i} < {cnt}; {i}++)",
                      f"    {val}[{i}] = g_strdup({s_}[{i}]);"]
            else:
                sub = w.ptr_structs[ft]
                L += [f"{val} = g_new0({x.type}, MAX({cnt}, 1));",
                      f"for ({i} = 0; {i} < {cnt}; {i}++) {{"]
                L += ["    " + y for y in struct_to_wire(
                    w, w.api.wire_type(x.type), sub, f"{val}[{i}]",
                    f"{s_}[{i}]", depth + 1)]
                L.append("}")
    return L


def loop_decls(lines):
    """Declarations of the nested loop counters the lines use."""
    text = "\n".join(lines)
    return [f"size_t {v};" for v in LOOP_VARS if f"{v} = 0" in text]


def struct_list_out(w, func, m, a, used, st, done_ret, need):
    """An allocated array of struct pointers (virDomainFSInfoPtr **info),
    optionally asked for with need_results; freed with <struct>Free."""
    wt = w.api.wire_type(m.type)
    elem = a.type.replace(" ", "")[:-2]             # virDomainFSInfoPtr
    sdef = w.ptr_structs.get(elem)
    if wt is None or wt.kind != "struct" or sdef is None:
        raise NotMechanical(f"{m.name} holds {m.type}, {a.name} wants "
                            f"{a.type}")
    free = sdef.name + "Free"
    if free not in {f.name for f in w.api.functions}:
        raise NotMechanical(f"no {free} for {sdef.name}")
    cfill = struct_from_wire(w, wt, sdef, "(*list_[i_])",
                             f"ret_.{m.name}.{m.name}_val[i_]")
    sfill = struct_to_wire(w, wt, sdef, f"ret->{m.name}.{m.name}_val[i_]",
                           f"(*a_{a.name}[i_])")
    used.add(a.name)
    done_ret.add(m.name)
    ln = f"ret_.{m.name}.{m.name}_len"
    st.cdecl += [f"{elem} *list_ = NULL;", "u_int i_;"] + loop_decls(cfill)
    body = [f"list_ = g_new0({elem}, {ln} + 1);",
            f"for (i_ = 0; i_ < {ln}; i_++) {{",
            f"    list_[i_] = g_new0({sdef.name}, 1);"]
    body += ["    " + y for y in cfill] + ["}",
                                           f"*{a.name} = g_steal_pointer(&list_);"]
    if need is not None:
        st.cpre.append(f"args_.need_results = {a.name} != NULL;")
        st.cpost += [f"if ({a.name}) {{"] + ["    " + y for y in body] + ["}"]
    else:
        st.cpost += body
    if st.cresult is None:
        st.cresult = ln
    var = f"a_{a.name}"
    st.sdecl += [f"{elem} *{var} = NULL;", "int i_;"] + loop_decls(sfill)
    st.scall[a.name] = (f"args->need_results ? &{var} : NULL" if need
                        else f"&{var}")
    sval, sln = f"ret->{m.name}.{m.name}_val", f"ret->{m.name}.{m.name}_len"
    st.spost += [f"if (rv_ > {m.max}) {{",
                 f"    {too_many(m.name, m.max)}", "    goto cleanup;", "}",
                 f"if ({var}) {{",
                 f"    {sln} = rv_;",
                 f"    {sval} = g_new0({m.type}, MAX(rv_, 1));",
                 "    for (i_ = 0; i_ < rv_; i_++) {"]
    st.spost += ["        " + y for y in sfill] + ["    }", "}"]
    st.sclean += [f"if ({var}) {{",
                  "    for (i_ = 0; i_ < rv_; i_++)",
                  f"        {free}({var}[i_]);",
                  f"    g_free({var});", "}"]


def in_array(w, func, m, used, st):
    """An array going in: a C pointer and its length argument."""
    ek = elem_kind(w, m)
    a = find_arg(func, m.name, used)
    if a is None or ek not in ("bytes", "number", "string", "tparam"):
        raise NotMechanical(f"argument member {m.name} ({m.type}<>) has no "
                            "mechanical C form")
    lname = "nparams" if ek == "tparam" else wire_array_len(m.name)
    la = [x for x in func.args if x.name == lname]
    if len(la) != 1 or not is_integer_c(la[0].type):
        raise NotMechanical(f"no length argument {lname} for member "
                            f"{m.name}")
    la = la[0]
    used.add(a.name)
    first = la.name not in used
    used.add(la.name)
    val, ln = f"args_.{m.name}.{m.name}_val", f"args_.{m.name}.{m.name}_len"
    sval, sln = f"args->{m.name}.{m.name}_val", f"args->{m.name}.{m.name}_len"
    if ek == "tparam":
        st.cpre += [f"if (remoteTypedParamsToWire({a.name}, {la.name}, "
                    f"{m.max}, &{val}, &{ln}) < 0)", "    goto done;"]
        st.cclean.append(f"remoteTypedParamsWireFree({val}, {ln});")
        p, n = f"p_{a.name}", f"n_{a.name}"
        st.sdecl += [f"virTypedParameterPtr {p} = NULL;", f"int {n} = 0;"]
        st.spre += [f"if (remoteTypedParamsFromWire({sval}, {sln}, "
                    f"{m.max}, &{p}, &{n}) < 0)", "    goto cleanup;"]
        st.sclean.append(f"virTypedParamsFree({p}, {n});")
        st.scall[a.name] = p
        st.scall[la.name] = n
        return
    neg = f"{la.name} < 0 || " if "unsigned" not in la.type and \
        la.type.strip() != "size_t" else ""
    st.cpre += [f"if ({neg}(size_t){la.name} > {m.max}) {{",
                f"    {too_many(m.name, m.max)}", "    goto done;", "}",
                f"{ln} = {la.name};",
                f"{val} = (__typeof__({val}))(void *){a.name};"]
    st.scall[a.name] = f"({a.type.strip()})(void *){sval}"
    if first:
        st.scall[la.name] = sln


def need_list(w, func, need, ret_m, used, st, done_ret, conn):
    """need_results: an array of handles (or strings) the C function
    allocates, and its count."""
    arrs = [m for m in ret_m if m.max and not m.optional]
    cnt = [m for m in ret_m if m.name == "ret"]
    outs = [a for a in func.args if a.name not in used and
            a.type.replace(" ", "").endswith("**")]
    if len(arrs) != 1 or len(cnt) != 1 or len(outs) != 1:
        raise NotMechanical("need_results without one array, one count "
                            "and one list argument")
    m, a = arrs[0], outs[0]
    ek = elem_kind(w, m)
    if ek is None:
        struct_list_out(w, func, m, a, used, st, done_ret, need)
        done_ret.add("ret")
        st.cresult = "ret_.ret"
        st.spost.append("ret->ret = rv_;")
        return
    elem = a.type.strip()[:-1].strip()            # virDomainPtr *
    elem = elem[:-1].strip()                      # virDomainPtr
    if ek == "handle":
        o, _ = w.handles[m.type]
        if o.ptr != elem:
            raise NotMechanical(f"{m.name} holds {o.ptr}, {a.name} wants "
                                f"{elem}")
        conv_c = f"{helper(o, 'from')}({conn}, &ret_.{m.name}.{m.name}_val[i_])"
        conv_s = (f"{helper(o, 'copy')}(&ret->{m.name}.{m.name}_val[i_], "
                  f"a_{a.name}[i_]);")
        free_c = "virObjectUnref(list_[i_]);"
        free_s = f"virObjectUnref(a_{a.name}[i_]);"
    elif ek == "string" and elem == "char *":
        conv_c = f"g_steal_pointer(&ret_.{m.name}.{m.name}_val[i_])"
        conv_s = (f"ret->{m.name}.{m.name}_val[i_] = "
                  f"g_steal_pointer(&a_{a.name}[i_]);")
        free_c = "g_free(list_[i_]);"
        free_s = f"g_free(a_{a.name}[i_]);"
    else:
        raise NotMechanical(f"need_results list {m.name} of {m.type}")
    used.add(a.name)
    done_ret.update({m.name, "ret"})
    ln = f"ret_.{m.name}.{m.name}_len"
    st.cdecl += [f"{elem} *list_ = NULL;", "u_int i_;"]
    st.cpre.append(f"args_.need_results = {a.name} != NULL;")
    st.cpost += [f"if ({a.name}) {{",
                 f"    list_ = g_new0({elem}, {ln} + 1);",
                 f"    for (i_ = 0; i_ < {ln}; i_++) {{",
                 f"        if (!(list_[i_] = {conv_c}))",
                 "            goto cleanup;",
                 "    }",
                 f"    *{a.name} = g_steal_pointer(&list_);",
                 "}"]
    st.cclean_ret = ["if (list_) {",
                     "    for (i_ = 0; list_[i_]; i_++)",
                     f"        {free_c}",
                     "    g_free(list_);", "}"]
    st.cresult = "ret_.ret"
    var = f"a_{a.name}"
    st.sdecl += [f"{elem} *{var} = NULL;", "int i_;"]
    st.scall[a.name] = f"args->need_results ? &{var} : NULL"
    sval, sln = f"ret->{m.name}.{m.name}_val", f"ret->{m.name}.{m.name}_len"
    st.spost += [f"if (rv_ > {m.max}) {{",
                 f"    {too_many(m.name, m.max)}", "    goto cleanup;", "}",
                 f"if ({var}) {{",
                 f"    {sln} = rv_;",
                 f"    {sval} = g_new0(__typeof__(*{sval}), MAX(rv_, 1));",
                 "    for (i_ = 0; i_ < rv_; i_++)",
                 f"        {conv_s}",
                 "}",
                 "ret->ret = rv_;"]
    st.sclean += [f"if ({var}) {{",
                  "    for (i_ = 0; i_ < rv_; i_++)",
                  f"        {free_s}",
                  f"    g_free({var});", "}"]


def typed_params_out(w, func, nm, na, ret_m, used, st, done_ret):
    """nparams (in) <-> int *nparams: typed parameters filled into the
    caller's array, or only counted when *nparams is 0."""
    if nm.name != "nparams" or na.name != "nparams":
        return False
    sm = [m for m in ret_m if m.name == "params" and
          m.type != "remote_typed_param"]
    sa = [a for a in func.args if a.name == "params" and
          a.type.strip() in w.ptr_structs]
    if sm and sa:
        struct_probe(w, sm[0], sa[0], na, ret_m, used, st, done_ret)
        return True
    pm = [m for m in ret_m if m.name == "params" and
          m.type == "remote_typed_param"]
    pa = [a for a in func.args if a.name == "params" and
          a.type == "virTypedParameterPtr"]
    if not pm:
        return False
    pm = pm[0]
    counted = any(m.name == "nparams" for m in ret_m)
    if not pa:
        # The C function allocates; the count on the wire is unused.
        pa = [a for a in func.args if a.name == "params" and
              a.type == "virTypedParameterPtr *"]
        if not pa:
            return False
        typed_params_alloc(pm, pa[0], na, used, st, done_ret)
        st.cpre.append("args_.nparams = 0;")
        if counted:
            done_ret.add("nparams")
        return True
    pa = pa[0]
    used.update({pa.name, na.name})
    done_ret.add(pm.name)
    st.string_okay = True
    if counted:
        done_ret.add("nparams")
    val, ln = "ret_.params.params_val", "ret_.params.params_len"
    st.cpre.append("args_.nparams = *nparams;")
    post = [f"if (remoteTypedParamsFromWireInto({val}, {ln}, params, "
            "nparams) < 0)", "    goto cleanup;"]
    if counted:
        st.cpost += ["if (*nparams == 0) {",
                     "    *nparams = ret_.nparams;", "} else {"]
        st.cpost += ["    " + x for x in post] + ["}"]
    else:
        st.cpost += post
    st.sdecl += ["virTypedParameterPtr a_params = NULL;",
                 "int a_nparams = 0;", "int n_params = 0;"]
    st.spre += [f"if (args->nparams < 0 || args->nparams > {pm.max}) {{",
                f"    {too_many('nparams', pm.max)}", "    goto cleanup;", "}",
                "n_params = a_nparams = args->nparams;",
                "a_params = g_new0(virTypedParameter, MAX(n_params, 1));"]
    st.scall["params"] = "a_params"
    st.scall["nparams"] = "&a_nparams"
    sval, sln = "&ret->params.params_val", "&ret->params.params_len"
    # As libvirt's daemon: string parameters go only to a client whose
    # flags say it takes them (kept ones first, all still freed).
    okay = "args->flags & VIR_TYPED_PARAM_STRING_OKAY" \
        if any(a.name == "flags" for a in func.args) else "0"
    st.sdecl += ["int s_i = 0;", "int s_kept = 0;"]
    enc = [f"if (!({okay})) {{",
           "    for (s_i = 0; s_i < a_nparams; s_i++) {",
           "        if (a_params[s_i].type != VIR_TYPED_PARAM_STRING) {",
           "            virTypedParameter s_t = a_params[s_kept];",
           "            a_params[s_kept++] = a_params[s_i];",
           "            a_params[s_i] = s_t;",
           "        }",
           "    }",
           "    a_nparams = s_kept;",
           "}",
           f"if (remoteTypedParamsToWire(a_params, a_nparams, {pm.max}, "
           f"{sval}, {sln}) < 0)", "    goto cleanup;"]
    if counted:
        # The count goes back only to a call that asked for it.
        st.spost += ["if (args->nparams == 0) {", "    ret->nparams = a_nparams;",
                     "} else {"] + ["    " + x for x in enc] + ["}"]
    else:
        st.spost += enc
    st.sclean.append("virTypedParamsFree(a_params, n_params);")
    return True


def struct_probe(w, m, a, na, ret_m, used, st, done_ret):
    """nparams (in) <-> int *nparams, with an array of public structs
    (virNodeCPUStats) filled into the caller's array, or only counted when
    *nparams is 0."""
    wt = w.api.wire_type(m.type)
    sdef = w.ptr_structs[a.type.strip()]
    if wt is None or wt.kind != "struct" or \
            not any(x.name == "nparams" for x in ret_m):
        raise NotMechanical(f"{m.name} ({m.type}) does not fit {a.type}")
    cfill = struct_from_wire(w, wt, sdef, "params[i_]",
                             f"ret_.{m.name}.{m.name}_val[i_]")
    sfill = struct_to_wire(w, wt, sdef, f"ret->{m.name}.{m.name}_val[i_]",
                           "a_params[i_]")
    used.update({a.name, na.name})
    done_ret.update({m.name, "nparams"})
    ln = f"ret_.{m.name}.{m.name}_len"
    st.cdecl.append("u_int i_;")
    st.cpre += [f"if (*nparams > {m.max}) {{",
                f"    {too_many('nparams', m.max)}", "    goto done;", "}",
                "args_.nparams = *nparams;"]
    st.cpost += ["if (*nparams == 0) {", "    *nparams = ret_.nparams;",
                 "} else {",
                 f"    if ({ln} > (u_int)*nparams) {{",
                 f"        {too_many(m.name, 'nparams')}",
                 "        goto cleanup;", "    }",
                 f"    for (i_ = 0; i_ < {ln}; i_++) {{"]
    st.cpost += ["        " + y for y in cfill]
    st.cpost += ["    }", f"    *nparams = {ln};", "}"]
    st.sdecl += [f"{sdef.name} *a_params = NULL;", "int a_nparams = 0;",
                 "int i_;"]
    st.spre += [f"if (args->nparams < 0 || args->nparams > {m.max}) {{",
                f"    {too_many('nparams', m.max)}", "    goto cleanup;", "}",
                "a_nparams = args->nparams;",
                "if (a_nparams > 0)",
                f"    a_params = g_new0({sdef.name}, a_nparams);"]
    st.scall["params"] = "a_params"
    st.scall["nparams"] = "&a_nparams"
    st.spost += ["if (args->nparams == 0)", "    ret->nparams = a_nparams;",
                 "if (a_params) {",
                 f"    ret->{m.name}.{m.name}_len = a_nparams;",
                 f"    ret->{m.name}.{m.name}_val = g_new0({m.type}, "
                 "MAX(a_nparams, 1));",
                 "    for (i_ = 0; i_ < a_nparams; i_++) {"]
    st.spost += ["        " + y for y in sfill] + ["    }", "}"]
    st.sclean.append("g_free(a_params);")


def typed_params_alloc(pm, pa, na, used, st, done_ret):
    """virTypedParameterPtr *params, int *nparams <-> params<>: the C
    function allocates the array."""
    used.update({pa.name, na.name})
    done_ret.add(pm.name)
    ntype = na.type.strip()[:-1].strip()
    val, ln = "ret_.params.params_val", "ret_.params.params_len"
    st.cdecl.append("int n_ = 0;")
    st.cpost += [f"if (remoteTypedParamsFromWire({val}, {ln}, {pm.max}, "
                 f"{pa.name}, &n_) < 0)", "    goto cleanup;",
                 f"*{na.name} = n_;"]
    st.sdecl += ["virTypedParameterPtr a_params = NULL;",
                 f"{ntype} a_nparams = 0;"]
    st.scall[pa.name] = "&a_params"
    st.scall[na.name] = "&a_nparams"
    st.spost += ["if (remoteTypedParamsToWire(a_params, a_nparams, "
                 f"{pm.max}, &ret->params.params_val, "
                 "&ret->params.params_len) < 0)", "    goto cleanup;"]
    st.sclean.append("virTypedParamsFree(a_params, a_nparams);")


def out_array(w, func, pr, m, args_m, used, st, done_ret, conn):
    """An array coming back: typed parameters the C function allocates,
    strings it allocates (char ***), or values filled into the caller's
    buffer whose size went as a max... member."""
    ek = elem_kind(w, m)
    if ek == "tparam":
        pa = [a for a in func.args if a.name == "params" and
              a.type == "virTypedParameterPtr *" and a.name not in used]
        na = [a for a in func.args if a.name == "nparams" and
              a.type in ("int *", "unsigned int *")]
        if pa and na:
            typed_params_alloc(m, pa[0], na[0], used, st, done_ret)
            return
        raise NotMechanical(f"typed parameters {m.name} fit no argument")
    a = find_arg(func, m.name, used)
    if a is None:
        raise NotMechanical(f"reply member {m.name} ({m.type}<>) fits no "
                            "argument")
    t = a.type.replace("const", "").replace(" ", "")
    val, ln = f"ret_.{m.name}.{m.name}_val", f"ret_.{m.name}.{m.name}_len"
    sval, sln = f"ret->{m.name}.{m.name}_val", f"ret->{m.name}.{m.name}_len"
    if ek == "string" and t == "char***":
        # Allocated by the C function, counted by its return value.
        used.add(a.name)
        done_ret.add(m.name)
        st.cdecl.append("u_int i_;")
        st.cpost += [f"*{a.name} = g_new0(char *, {ln} + 1);",
                     f"for (i_ = 0; i_ < {ln}; i_++)",
                     f"    (*{a.name})[i_] = g_steal_pointer(&{val}[i_]);"]
        if st.cresult is None:
            st.cresult = ln
        var = f"a_{a.name}"
        st.sdecl.append(f"char **{var} = NULL;")
        st.scall[a.name] = f"&{var}"
        st.spost += [f"if (rv_ > {m.max}) {{",
                     f"    {too_many(m.name, m.max)}", "    goto cleanup;",
                     "}",
                     f"{sln} = rv_;",
                     f"{sval} = g_new0(char *, MAX(rv_, 1));",
                     "if (rv_ > 0)",
                     f"    memcpy({sval}, {var}, sizeof(char *) * rv_);",
                     f"g_clear_pointer(&{var}, g_free);"]
        st.sclean.append(f"g_strfreev({var});")
        return
    if ek in ("string", "number") and t in ("char**", "char**const",
                                             "int*", "unsignedlonglong*",
                                             "unsignedint*"):
        cm, ca = cap_member(w, func, m, args_m)
        used.add(a.name)
        done_ret.add(m.name)
        st.cdecl.append("u_int i_;")
        st.cpre += [f"if ({ca.name} > {m.max}) {{",
                    f"    {too_many(ca.name, m.max)}", "    goto done;", "}"]
        if ek == "string":
            conv = f"{a.name}[i_] = g_steal_pointer(&{val}[i_]);"
        else:
            conv = f"{a.name}[i_] = {val}[i_];"
        st.cpost += [f"if ({ln} > (u_int){ca.name}) {{",
                     f"    {too_many(m.name, ca.name)}",
                     "    goto cleanup;", "}",
                     f"for (i_ = 0; i_ < {ln}; i_++)",
                     f"    {conv}"]
        if st.cresult is None:
            st.cresult = ln
        elem = t[:-1] if ek == "number" else "char*"
        elem = {"int": "int", "unsignedlonglong": "unsigned long long",
                "unsignedint": "unsigned int"}.get(elem, "char *")
        var = f"a_{a.name}"
        st.sdecl.append(f"{elem} *{var} = NULL;")
        cap = f"args->{cm.name}"
        st.spre += [f"if ({signed_check(cap, w.resolve(cm.type))}{cap} > "
                    f"{m.max}) {{",
                    f"    {too_many(cm.name, m.max)}", "    goto cleanup;",
                    "}",
                    f"{var} = g_new0({elem}, MAX(args->{cm.name}, 1));"]
        st.scall[a.name] = var
        st.spost += [f"{sln} = rv_;",
                     f"{sval} = (__typeof__({sval}))(void *)"
                     f"g_steal_pointer(&{var});"]
        st.sclean.append(f"g_free({var});")
        return
    if ek == "bytes" and t in ("void*", "unsignedchar*", "char*"):
        # Bytes into the caller's buffer of `size` (block/memory peek).
        sm = [x for x in args_m if x.name == "size"]
        sa = [x for x in func.args if x.name == "size"]
        if not sm or not sa:
            raise NotMechanical(f"no size for {m.name}")
        used.add(a.name)
        done_ret.add(m.name)
        st.cpre += [f"if (size > {m.max}) {{",
                    f"    {too_many('size', m.max)}", "    goto done;", "}"]
        st.cpost += [f"if ({ln} != size) {{",
                     f'    virReportError(VIR_ERR_RPC, "%s", "{m.name} '
                     f'has the wrong size");',
                     "    goto cleanup;", "}",
                     "if (size > 0)",
                     f"    memcpy({a.name}, {val}, size);"]
        var = f"a_{a.name}"
        st.sdecl.append(f"char *{var} = NULL;")
        st.spre += [f"if (args->size > {m.max}) {{",
                    f"    {too_many('size', m.max)}", "    goto cleanup;",
                    "}", f"{var} = g_new0(char, MAX(args->size, 1));"]
        st.scall[a.name] = var
        st.spost += [f"{sln} = args->size;",
                     f"{sval} = g_steal_pointer(&{var});"]
        st.sclean.append(f"g_free({var});")
        return
    wt = w.api.wire_type(m.type)
    if t.endswith("**") and wt is not None and wt.kind == "struct":
        struct_list_out(w, func, m, a, used, st, done_ret, None)
        return
    sdef = w.ptr_structs.get(a.type.strip())
    if wt is not None and wt.kind == "struct" and sdef is not None:
        struct_array_out(w, func, m, a, wt, sdef, args_m, used, st, done_ret)
        return
    raise NotMechanical(f"reply member {m.name} ({m.type}<>) does not fit "
                        f"argument {a.name} ({a.type})")


def cap_member(w, func, m, args_m):
    """The max... member bounding reply array m, and its C argument."""
    caps = [x for x in args_m if x.name.lower().startswith("max")]
    if len(caps) != 1:
        raise NotMechanical(f"no max... member bounds {m.name}")
    ca = find_arg(func, caps[0].name, set())
    if ca is None:
        raise NotMechanical(f"no argument for {caps[0].name}")
    return caps[0], ca


def signed_check(var, wtype):
    """'var < 0 || ' when var may be negative."""
    return f"{var} < 0 || " if wtype in ("int", "hyper") else ""


def struct_array_out(w, func, m, a, wt, sdef, args_m, used, st, done_ret):
    """Structs filled into the caller's array (virDomainMemoryStats),
    field by field by name."""
    fields = {norm(f.name): f for f in sdef.fields}
    if len(wt.members) != len(sdef.fields):
        raise NotMechanical(f"{sdef.name} and {m.type} differ")
    cm, ca = cap_member(w, func, m, args_m)
    var = f"a_{a.name}"
    val = f"ret_.{m.name}.{m.name}_val"
    sval = f"ret->{m.name}.{m.name}_val"
    conv_c, conv_s, free_s = [], [], []
    for x in wt.members:
        f = fields.get(norm(x.name))
        k = w.kind(x)
        if f is None:
            raise NotMechanical(f"{m.type}.{x.name} is not in {sdef.name}")
        if k == "string" and f.type.strip() == "char *":
            conv_c.append(f"{a.name}[i_].{f.name} = "
                          f"g_steal_pointer(&{val}[i_].{x.name});")
            conv_s.append(f"{sval}[i_].{x.name} = "
                          f"g_steal_pointer(&{var}[i_].{f.name});")
            free_s.append(f"g_free({var}[i_].{f.name});")
        elif k in ("integer", "double") and (is_integer_c(f.type) or
                                               f.type == "double"):
            conv_c.append(f"{a.name}[i_].{f.name} = {val}[i_].{x.name};")
            conv_s.append(f"{sval}[i_].{x.name} = {var}[i_].{f.name};")
        else:
            raise NotMechanical(f"{m.type}.{x.name} does not fit "
                                f"{sdef.name}.{f.name}")
    used.add(a.name)
    done_ret.add(m.name)
    ln = f"ret_.{m.name}.{m.name}_len"
    st.cdecl.append("u_int i_;")
    st.cpre += [f"if ({ca.name} > {m.max}) {{",
                f"    {too_many(ca.name, m.max)}", "    goto done;", "}"]
    st.cpost += [f"if ({ln} > (u_int){ca.name}) {{",
                 f"    {too_many(m.name, ca.name)}", "    goto cleanup;", "}",
                 f"for (i_ = 0; i_ < {ln}; i_++) {{"]
    st.cpost += ["    " + x for x in conv_c] + ["}"]
    if st.cresult is None:
        st.cresult = ln
    cap = f"args->{cm.name}"
    st.sdecl += [f"{sdef.name} *{var} = NULL;", "int i_;"]
    st.spre += [f"if ({signed_check(cap, w.resolve(cm.type))}{cap} > "
                f"{m.max}) {{",
                f"    {too_many(cm.name, m.max)}", "    goto cleanup;", "}",
                f"if ({cap} > 0)",
                f"    {var} = g_new0({sdef.name}, {cap});"]
    st.scall[a.name] = var
    # Without an array the C function only counts.
    st.spost += [f"ret->{m.name}.{m.name}_len = {var} ? rv_ : 0;",
                 f"{sval} = g_new0(__typeof__(*{sval}), MAX(rv_, 1));",
                 f"for (i_ = 0; {var} && i_ < rv_; i_++) {{"]
    st.spost += ["    " + x for x in conv_s] + ["}"]
    if free_s:
        st.sclean += [f"for (i_ = 0; {var} && i_ < (int){cap}; i_++) {{"]
        st.sclean += ["    " + x for x in free_s] + ["}"]
    st.sclean.append(f"g_free({var});")
