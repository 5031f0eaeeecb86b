# SPDX-License-Identifier: LGPL-2.1-or-later
"""bindings/perl/gen/: the Perl binding, source-compatible with Sys::Virt.

Out come Virt.xs (the XS glue over libvirt.so.0: one XSUB per generated
function, then the hand-written XS of bindings/perl/overrides/), one .pm
per package under lib/Sys/ (the constants, then the hand-written Perl of
the overrides) and coverage.tsv (how every IDL function reaches Perl).

Every function is bound in exactly one way:
- generated: its arguments and return fit the shapes below;
- custom: <binding lang="perl" mode="custom"> in the IDL, and an XSUB or a
  `sub` of that name in bindings/perl/overrides/;
- skip: <binding lang="perl" mode="skip"> with the reason;
- merged: Sys::Virt has one method for the plain and the Flags variant
  (shutdown(flags)): the Flags one is bound, the plain one is reached
  through it;
- lifecycle: free, ref and get-connect are Perl's DESTROY and references;
- todo: a shape the generator does not make yet (the reason says which);
  the coverage test lists these as TODO, so they stay visible."""

import os
import re

from .. import writer
from ..naming import event_callback_candidates, pl_method, pl_package
from . import render

TARGET = "targets/perl.py"
OVERRIDES = os.path.join("bindings", "perl", "overrides")

# In-arguments: C type -> expression reading the Perl value {sv}.
SCALAR_IN = {
    "int": "(int)SvIV({sv})",
    "unsigned int": "(unsigned int)SvUV({sv})",
    "long": "(long)SvIV({sv})",
    "unsigned long": "(unsigned long)SvUV({sv})",
    "long long": "(long long)SvIV({sv})",
    "unsigned long long": "(unsigned long long)SvUV({sv})",
    "size_t": "(size_t)SvUV({sv})",
    "double": "SvNV({sv})",
}

# Values going back to Perl: C type -> expression making a new SV.
SCALAR_OUT = {
    "int": "newSViv({v})",
    "unsigned int": "newSVuv({v})",
    "long": "newSViv({v})",
    "unsigned long": "newSVuv({v})",
    "long long": "vkplNewSVll({v})",
    "unsigned long long": "vkplNewSVull({v})",
    "size_t": "newSVuv({v})",
    "double": "newSVnv({v})",
    "unsigned char": "newSVuv({v})",
    "unsigned short": "newSVuv({v})",
    "short": "newSViv({v})",
    "char": "newSViv({v})",
}

# Method names whose int result is the answer (is_active), not a status.
ANSWER_PREFIXES = ("is_", "has_", "num_of_", "get_")

# Constants (enum values and string macros): (C prefix, package, the
# prefix Sys::Virt puts instead); the longest prefix that fits wins.
CONST_PREFIXES = [
    ("VIR_", "Sys::Virt", ""),
    ("VIR_CONNECT_", "Sys::Virt", ""),
    ("VIR_CONNECT_RO", "Sys::Virt", "CONNECT_RO"),
    ("VIR_CONNECT_NO_ALIASES", "Sys::Virt", "CONNECT_NO_ALIASES"),
    ("VIR_NODE_", "Sys::Virt", "NODE_"),
    ("VIR_NODE_SEV_", "Sys::Virt", "SEV_"),
    ("VIR_DOMAIN_", "Sys::Virt::Domain", ""),
    ("VIR_CONNECT_LIST_DOMAINS_", "Sys::Virt::Domain", "LIST_"),
    ("VIR_CONNECT_GET_ALL_DOMAINS_STATS_", "Sys::Virt::Domain",
     "GET_ALL_STATS_"),
    ("VIR_CONNECT_DOMAIN_EVENT_", "Sys::Virt::Domain", "EVENT_"),
    ("VIR_DUMP_", "Sys::Virt::Domain", "DUMP_"),
    ("VIR_MIGRATE_", "Sys::Virt::Domain", "MIGRATE_"),
    ("VIR_KEYCODE_SET_", "Sys::Virt::Domain", "KEYCODE_SET_"),
    ("VIR_VCPU_", "Sys::Virt::Domain", "VCPU_"),
    ("VIR_MEMORY_", "Sys::Virt::Domain", "MEMORY_"),
    ("VIR_PERF_", "Sys::Virt::Domain", "PERF_"),
    ("VIR_DOMAIN_SNAPSHOT_", "Sys::Virt::DomainSnapshot", ""),
    ("VIR_DOMAIN_CHECKPOINT_", "Sys::Virt::DomainCheckpoint", ""),
    ("VIR_NETWORK_", "Sys::Virt::Network", ""),
    ("VIR_CONNECT_LIST_NETWORKS_", "Sys::Virt::Network", "LIST_"),
    ("VIR_NETWORK_PORT_", "Sys::Virt::NetworkPort", ""),
    ("VIR_STORAGE_POOL_", "Sys::Virt::StoragePool", ""),
    ("VIR_CONNECT_LIST_STORAGE_POOLS_", "Sys::Virt::StoragePool", "LIST_"),
    ("VIR_STORAGE_VOL_", "Sys::Virt::StorageVol", ""),
    ("VIR_NODE_DEVICE_", "Sys::Virt::NodeDevice", ""),
    ("VIR_CONNECT_LIST_NODE_DEVICES_", "Sys::Virt::NodeDevice", "LIST_"),
    ("VIR_INTERFACE_", "Sys::Virt::Interface", ""),
    ("VIR_CONNECT_LIST_INTERFACES_", "Sys::Virt::Interface", "LIST_"),
    ("VIR_SECRET_", "Sys::Virt::Secret", ""),
    ("VIR_CONNECT_LIST_SECRETS_", "Sys::Virt::Secret", "LIST_"),
    ("VIR_NWFILTER_", "Sys::Virt::NWFilter", ""),
    ("VIR_NWFILTER_BINDING_", "Sys::Virt::NWFilterBinding", ""),
    ("VIR_STREAM_", "Sys::Virt::Stream", ""),
    ("VIR_EVENT_", "Sys::Virt::Event", "EVENT_"),
    ("VIR_ERR_", "Sys::Virt::Error", "ERR_"),
    ("VIR_FROM_", "Sys::Virt::Error", "FROM_"),
    ("VIR_WAR_", "Sys::Virt::Error", "WAR_"),
]
# Enums whose values Sys::Virt names after the enum: enum -> (C prefix,
# package, Perl prefix).  The state reasons go the same way by rule.
CONST_ENUM_RULES = {
    "virDomainState": ("VIR_DOMAIN_", "Sys::Virt::Domain", "STATE_"),
    "virErrorLevel": ("VIR_ERR_", "Sys::Virt::Error", "LEVEL_"),
    "virEventHandleType": ("VIR_EVENT_", "Sys::Virt::Event", ""),
    "virStoragePoolState": ("VIR_STORAGE_POOL_", "Sys::Virt::StoragePool",
                            "STATE_"),
    "virStorageVolType": ("VIR_STORAGE_VOL_", "Sys::Virt::StorageVol",
                          "TYPE_"),
    "virStorageXMLFlags": ("VIR_STORAGE_", "Sys::Virt::StoragePool", ""),
    "virStreamEventType": ("VIR_STREAM_EVENT_", "Sys::Virt::Stream",
                           "EVENT_"),
}


# Sys::Virt's constant names that no rule gives: (package, its name, the C
# name), from generator/import-data/perl-names.tsv.
NAMES_TSV = os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "import-data", "perl-names.tsv")


def _const_aliases():
    with open(NAMES_TSV, encoding="utf-8") as fh:
        return [tuple(line.rstrip("\n").split("\t")) for line in fh
                if line.strip() and not line.startswith("#")]


def _const_name(enum_name, value_name):
    """(package, name) of a constant in Sys::Virt, or None."""
    rule = CONST_ENUM_RULES.get(enum_name or "")
    if rule is None and re.match(r"virDomain(Nostate|Running|Blocked|Paused|"
                                 r"Shutdown|Shutoff|Crashed|PMSuspended|"
                                 r"PMSuspendedDisk)Reason$", enum_name or ""):
        rule = ("VIR_DOMAIN_", "Sys::Virt::Domain", "STATE_")
    if rule and value_name.startswith(rule[0]):
        return rule[1], rule[2] + value_name[len(rule[0]):]
    best = None
    for prefix, pkg, perl in CONST_PREFIXES:
        if value_name.startswith(prefix) and \
                (best is None or len(prefix) > len(best[0])):
            best = (prefix, pkg, perl)
    if best is None:
        return None
    return best[1], best[2] + value_name[len(best[0]):]


PACKAGES = ["Sys::Virt", "Sys::Virt::Domain", "Sys::Virt::Network",
            "Sys::Virt::NetworkPort", "Sys::Virt::StoragePool",
            "Sys::Virt::StorageVol", "Sys::Virt::Interface",
            "Sys::Virt::NodeDevice", "Sys::Virt::Secret",
            "Sys::Virt::NWFilter", "Sys::Virt::NWFilterBinding",
            "Sys::Virt::DomainSnapshot", "Sys::Virt::DomainCheckpoint",
            "Sys::Virt::Stream", "Sys::Virt::Error", "Sys::Virt::Event"]


class Todo(Exception):
    """A shape the generator does not make (yet)."""


def _base(t):
    return t[6:] if t.startswith("const ") else t


def _struct(api, ptrtype):
    if not ptrtype.endswith("Ptr"):
        return None
    name = ptrtype[:-3]
    for td in api.typedefs:        # virDomainBlockStatsPtr -> ...Struct *
        if td.name == ptrtype and td.type.endswith(" *"):
            name = td.type[:-2]
    for s in api.structs:
        if s.name == name:
            return s
    return None


def _field_value(api, fld, expr):
    """A struct member as a new SV, or None if it has no simple value."""
    for td in api.typedefs:
        if td.name == fld.type:
            fld = type(fld)(name=fld.name, type=td.type)
            break
    m = re.match(r"char (\w+)\[", fld.type)
    if m:
        return f"newSVpv({expr}, 0)"
    if fld.type in ("char *", "const char *"):
        return f"({expr} ? newSVpv({expr}, 0) : newSV(0))"
    if fld.type in SCALAR_OUT:
        return SCALAR_OUT[fld.type].format(v=expr)
    return None


class Xsub:
    """One generated XSUB."""

    def __init__(self, package, name, f):
        self.package = package
        self.name = name
        self.f = f
        self.decls = []
        self.pre = []
        self.call = []
        self.post = []             # after the error test: push results
        self.cleanup = []
        self.min = 0
        self.max = 0
        self.usage = []
        self.alt = None            # (condition, the function otherwise)
        self.body = None           # typed parameters: the whole call
        self.out_kinds = []        # "scalar" for each scalar output
        self.late = []             # after all arguments are read


def _params_shape(f):
    """(kind, index of params) for functions passing a typed parameter
    list: get (caller's array, counted first), get-alloc (the library
    allocates), set; or None."""
    for k, a in enumerate(f.args):
        if a.type not in ("virTypedParameterPtr", "virTypedParameterPtr *"):
            continue
        rest = [b.type for b in f.args[k + 1:]]
        if a.type == "virTypedParameterPtr *" and rest[:1] == ["int *"]:
            return "get-alloc", k
        if rest[:1] == ["int *"]:
            return "get", k
        if rest[:1] in (["int"], ["unsigned int"]):
            return "set", k
        return None
    return None


def _plain_of(api, f):
    """virDomainGetSchedulerParametersFlags -> virDomainGetSchedulerParameters,
    when it takes the same arguments but flags."""
    if not f.name.endswith("Flags"):
        return None
    for g in api.functions:
        if g.name == f.name[:-5] and \
                [a.type for a in g.args] == [a.type for a in f.args[:-1]]:
            return g
    return None


def _build_params(api, f, package, name, shape, getter):
    """The XSUB of a typed parameter getter or setter: the arguments
    before the list as usual; the list is a hash reference."""
    kind, k = shape
    head = Xsub(package, name, f)
    sub = type(f)(**{**f.__dict__, "args": f.args[:k]})
    sub.ret = type(f.ret)(type="void", error="none")
    head = _build(api, sub, package, name, None)
    tail = f.args[k + 2:]
    if any(a.type != "unsigned int" or a.name != "flags" for a in tail):
        raise Todo("typed parameters followed by " +
                   ", ".join(a.type for a in tail))
    x = head
    x.f = f
    i = x.max
    lead = ", ".join(x.call)
    lead = lead + ", " if lead else ""
    flags = "0"
    body = []
    x.decls += ["virTypedParameterPtr params = NULL;", "int nparams = 0;",
                "int r;"]
    if kind == "set":
        x.decls.append("HV *hv;")
        body.append(f"if (!SvROK(ST({i})) || "
                    f"SvTYPE(SvRV(ST({i}))) != SVt_PVHV)")
        body.append(f"    croak(\"{package}::{name}: newparams is not a HASH "
                    "reference\");")
        body.append(f"hv = (HV *)SvRV(ST({i}));")
        x.usage.append("params")
        i += 1
    if tail:
        x.decls.append("unsigned int flags;")
        body.append(f"flags = items > {i} ? (unsigned int)SvUV(ST({i})) : 0;")
        x.usage.append("flags=0")
        flags = "flags"
        i += 1
    x.max = i
    x.min = len([u for u in x.usage if "=" not in u])
    fl = f", {flags}" if tail else ""

    def call(fn, middle):
        """fn(lead, middle, flags); without flags its plain variant, if
        any: a driver may lack the Flags one."""
        has_flags = len(fn.args) > k + 2
        text = f"{fn.name}({lead}{middle}{', ' + flags if has_flags else ''})"
        plain = _plain_of(api, fn) if has_flags else None
        if plain is not None:
            text = f"({flags} ? {text} : {plain.name}({lead}{middle}))"
        return text
    if kind == "set" and getter is None:
        # typed by its table from perl-params.tsv (vkplParams_<function>)
        tab = f"vkplParams_{f.name}"
        body.append(f"vkplParamsFromTable(aTHX_ hv, {tab}, "
                    f"sizeof({tab}) / sizeof({tab}[0]), &params, &nparams);")
        bt = _base(f.ret.type)
        o = api.object_of_ptr(bt) if bt.endswith("Ptr") else None
        if o is not None:
            x.decls.append(f"{bt} ret;")
            body.append(f"ret = {f.name}({lead}params, nparams{fl});")
            body.append("virTypedParamsFree(params, nparams);")
            body.append("if (!ret) vkplCroakLast(aTHX);")
            body.append(f"mXPUSHs(vkplWrap(aTHX_ \"{pl_package(o.name)}\", "
                        "ret));")
        else:
            body.append(f"r = {f.name}({lead}params, nparams{fl});")
            body.append("virTypedParamsFree(params, nparams);")
            body.append("if (r < 0) vkplCroakLast(aTHX);")
        x.body = body
        x.ret_decl = None
        return x
    if kind == "get-alloc":
        body.append(f"r = {call(f, '&params, &nparams')};")
        body.append("if (r < 0) vkplCroakLast(aTHX);")
    else:
        g = f if kind == "get" else getter
        gshape = _params_shape(g)[0]
        gfl = f", {flags}" if len(g.args) > k + 2 else ""
        if gshape == "get-alloc":
            body.append(f"r = {call(g, '&params, &nparams')};")
            body.append("if (r < 0) vkplCroakLast(aTHX);")
        else:
            if "SchedulerParameters" in g.name:
                body.append("{ char *t = virDomainGetSchedulerType("
                            f"{x.call[0]}, &nparams); if (!t) "
                            "vkplCroakLast(aTHX); free(t); }")
            else:
                body.append(f"if ({call(g, 'NULL, &nparams')} < 0)")
                body.append("    vkplCroakLast(aTHX);")
            body.append("Newxz(params, nparams + 1, virTypedParameter);")
            body.append(f"r = {call(g, 'params, &nparams')};")
            body.append("if (r < 0) { Safefree(params); "
                        "vkplCroakLast(aTHX); }")
    if kind == "set":
        # the getter's list, cut down to the names given and their values
        body.append("nparams = vkplParamsFromHV(aTHX_ hv, params, nparams);")
        body.append(f"r = {call(f, 'params, nparams')};")
        body.append("virTypedParamsClear(params, nparams);")
        # freed the way the getter's list was allocated
        body.append("Safefree(params);" if _params_shape(getter)[0] == "get"
                    else "free(params);")
        body.append("if (r < 0) vkplCroakLast(aTHX);")
    else:
        body.append("mXPUSHs(vkplParamsToHV(aTHX_ params, nparams));")
        body.append("virTypedParamsClear(params, nparams);")
        body.append("Safefree(params);" if kind == "get" else "free(params);")
    x.body = body
    x.ret_decl = None
    return x


def _build(api, f, package, name, object_names):
    x = Xsub(package, name, f)
    args = list(f.args)
    i = 0                          # Perl argument index
    k = 0
    outs = 0
    while k < len(args):
        a = args[k]
        t = a.type
        bt = _base(t)
        var = f"a_{a.name}"
        nxt = args[k + 1] if k + 1 < len(args) else None
        if a.role == "object" or (bt.endswith("Ptr") and
                                  api.object_of_ptr(bt)):
            o = api.object_of_ptr(bt)
            if o is None:
                raise Todo(f"argument {a.name}: {t}")
            x.decls.append(f"{bt} {var};")
            unwrap = (f"({bt})vkplUnwrap(aTHX_ ST({i}), "
                      f"\"{pl_package(o.name)}\", "
                      f"\"{package}::{name}\", \"{a.name}\")")
            if a.nullable:
                x.pre.append(f"{var} = SvOK(ST({i})) ? {unwrap} : NULL;")
                x.pre.append(f"if (SvOK(ST({i})) && !{var}) XSRETURN_UNDEF;")
            else:
                x.pre.append(f"{var} = {unwrap};")
                x.pre.append(f"if (!{var}) XSRETURN_UNDEF;")
            x.call.append(var)
            x.usage.append(a.name)
            i += 1
        elif t == "const char *":
            # undef is NULL: libvirt's own checks answer for a required one
            x.decls.append(f"const char *{var};")
            x.pre.append(f"{var} = (items > {i} && SvOK(ST({i}))) ? "
                         f"SvPV_nolen(ST({i})) : NULL;")
            x.call.append(var)
            x.usage.append(f"{a.name}=undef" if a.nullable else a.name)
            i += 1
        elif t == "const unsigned char *" and \
                f.name.endswith("LookupByUUID"):
            # Sys::Virt's lookups take the raw 16 bytes or the string
            x.decls.append(f"STRLEN {var}_len;")
            x.decls.append(f"const char *{var};")
            x.pre.append(f"{var} = SvPV(ST({i}), {var}_len);")
            x.pre.append(f"if ({var}_len != VIR_UUID_BUFLEN && "
                         f"{var}_len != 32 && "
                         f"{var}_len != VIR_UUID_STRING_BUFLEN - 1) croak("
                         "\"UUID must be either 16 unsigned bytes, or "
                         "32/36 hex characters long\");")
            x.call.append(f"(const unsigned char *){var}")
            x.alt = (f"{var}_len == VIR_UUID_BUFLEN", f.name + "String")
            x.usage.append(a.name)
            i += 1
        elif (t == "const unsigned char *" or
              (t == "unsigned char *" and nxt is not None and
               nxt.name == "maplen")) and nxt is not None and \
                nxt.type in ("size_t", "int", "unsigned int"):
            # bytes and their length: one Perl string
            x.decls.append(f"STRLEN {var}_len;")
            x.decls.append(f"const char *{var};")
            x.pre.append(f"{var} = SvPV(ST({i}), {var}_len);")
            x.call += [f"({t}){var}", f"({nxt.type}){var}_len"]
            x.usage.append(a.name)
            i += 1
            k += 2
            continue
        elif t == "void *" and k > 0 and args[k - 1].type == "size_t" and \
                outs == 0:
            # a buffer of the size just given: bytes back (block_peek)
            size = x.call[-1]
            x.decls.append(f"char *{var} = NULL;")
            x.pre.append(f"Newxz({var}, {size} + 1, char);")
            x.call.append(var)
            x.post.append(f"mXPUSHs(newSVpvn({var}, {size}));")
            x.cleanup.append(f"Safefree({var});")
            outs += 1
        elif t == "size_t *" and f.ret.type == "unsigned char *":
            # the length of the bytes returned
            x.decls.append(f"size_t {var} = 0;")
            x.call.append(f"&{var}")
            x.bytes_len = var
        elif t in SCALAR_IN:
            x.decls.append(f"{t} {var};")
            conv = SCALAR_IN[t].format(sv=f"ST({i})")
            if a.flags is not None or a.optional or \
                    (a.name == "flags" and k == len(args) - 1):
                x.pre.append(f"{var} = items > {i} ? {conv} : 0;")
                x.usage.append(f"{a.name}=0")
            else:
                x.pre.append(f"{var} = {conv};")
                x.usage.append(a.name)
            x.call.append(var)
            i += 1
        elif t in ("char ** const", "char **", "int *") and \
                nxt is not None and nxt.type == "int" and \
                (nxt.name.startswith("max") or nxt.name.endswith("len")) and \
                outs == 0:
            # names or ids into a caller-sized array: list_domain_ids(max)
            item = "char *" if t.startswith("char") else "int"
            x.decls.append(f"{item} *{var} = NULL;")
            x.decls.append(f"int {var}_max;")
            x.decls.append("int j;")
            x.pre.append(f"{var}_max = (int)SvIV(ST({i}));")
            x.pre.append(f"if ({var}_max < 0) {var}_max = 0;")
            x.pre.append(f"Newxz({var}, {var}_max + 1, {item});")
            x.call += [var, f"{var}_max"]
            x.usage.append(nxt.name)
            if item == "int":
                x.post.append(f"for (j = 0; j < ret; j++) "
                              f"mXPUSHs(newSViv({var}[j]));")
            else:
                x.post.append(f"for (j = 0; j < ret; j++) {{ "
                              f"mXPUSHs(newSVpv({var}[j], 0)); "
                              f"free({var}[j]); }}")
            x.cleanup.append(f"Safefree({var});")
            x.list_ret = True
            outs += 1
            i += 1
            k += 2
            continue
        elif t == "char ***" and outs == 0:
            # a list the library allocates: strings, each freed
            x.decls.append(f"char **{var} = NULL;")
            x.decls.append("int j;")
            x.call.append(f"&{var}")
            x.post.append(f"for (j = 0; j < ret; j++) {{ "
                          f"mXPUSHs(newSVpv({var}[j], 0)); free({var}[j]); }}")
            x.post.append(f"free({var});")
            outs += 1
        elif t == "const char **" and nxt is not None and \
                nxt.type in ("unsigned int", "int", "size_t"):
            # an array reference of strings, and its length
            x.decls.append(f"const char **{var} = NULL;")
            x.decls.append(f"SSize_t {var}_n = 0;")
            x.decls.append("SSize_t j;")
            x.decls.append("AV *av;")
            x.pre.append(f"if (items > {i} && SvROK(ST({i})) && "
                         f"SvTYPE(SvRV(ST({i}))) == SVt_PVAV) {{")
            x.pre.append(f"    av = (AV *)SvRV(ST({i}));")
            x.pre.append(f"    {var}_n = av_len(av) + 1;")
            x.pre.append(f"    Newxz({var}, {var}_n + 1, const char *);")
            x.pre.append(f"    for (j = 0; j < {var}_n; j++) {{")
            x.pre.append("        SV **e = av_fetch(av, j, 0);")
            x.pre.append(f"        {var}[j] = e ? SvPV_nolen(*e) : \"\";")
            x.pre.append("    }")
            x.pre.append(f"}} else if (items > {i} && SvOK(ST({i}))) {{")
            x.pre.append(f"    croak(\"{a.name} must be an array "
                         "reference\");")
            x.pre.append("}")
            x.call += [var, f"({nxt.type}){var}_n"]
            x.cleanup.append(f"Safefree({var});")
            x.usage.append(a.name)
            i += 1
            k += 2
            continue
        elif t.endswith(" **") and api.object_of_ptr(t[:-3]) and outs == 0:
            o = api.object_of_ptr(t[:-3])
            x.decls.append(f"{t[:-3]} *{var} = NULL;")
            x.decls.append("int j;")
            x.call.append(f"&{var}")
            x.post.append(f"for (j = 0; j < ret; j++) mXPUSHs(vkplWrap(aTHX_ "
                          f"\"{pl_package(o.name)}\", {var}[j]));")
            x.post.append(f"free({var});")
            x.list_ret = True
            outs += 1
        elif _struct(api, t) is not None and outs == 0:
            s = _struct(api, t)
            if nxt is not None and nxt.type == "size_t" and \
                    nxt.name == "size":
                k += 1             # the struct's size goes with it
                x.size_arg = f"sizeof({s.name})"
            x.decls.append(f"{s.name} {var};")
            x.decls.append("HV *hv;")
            x.pre.append(f"memset(&{var}, 0, sizeof({var}));")
            x.call.append(f"&{var}")
            x.post.append("hv = newHV();")
            for fld in s.fields:
                fname = re.sub(r"\[.*", "", fld.type.split()[-1]) \
                    if "[" in fld.type else fld.name
                v = _field_value(api, fld, f"{var}.{fname}")
                if v is None:
                    raise Todo(f"struct {s.name} member {fld.name}")
                x.post.append(f"(void)hv_stores(hv, \"{fname}\", {v});")
            x.post.append("mXPUSHs(newRV_noinc((SV *)hv));")
            if getattr(x, "size_arg", None):
                x.call.append(x.size_arg)
            outs += 1
        elif t.endswith(" *") and t[:-2] in SCALAR_IN and a.nullable and \
                f.ret.type not in ("int", "void"):
            x.call.append("NULL")          # the answer is the return value
        elif t.endswith(" *") and t[:-2] in SCALAR_OUT and outs == 0 and \
                any(b.type == "int" and b.name.startswith("max")
                    for b in args[k + 1:]):
            # an array sized by a later max argument: the first ret values
            # (get_node_cells_free_memory)
            ct = t[:-2]
            mx = next(b for b in args[k + 1:] if b.name.startswith("max"))
            x.decls.append(f"{ct} *{var} = NULL;")
            x.decls.append("int j;")
            x.late.append(f"Newxz({var}, a_{mx.name} > 0 ? a_{mx.name} : 1, "
                          f"{ct});")
            x.call.append(var)
            x.post.append(f"for (j = 0; j < ret; j++) mXPUSHs(" +
                          SCALAR_OUT[ct].format(v=f"{var}[j]") + ");")
            x.cleanup.append(f"Safefree({var});")
            x.list_ret = True
            outs += 1
        elif t.endswith(" *") and t[:-2] in SCALAR_OUT and \
                t[:-2] in SCALAR_IN and not a.nullable and \
                outs == len(x.out_kinds):
            ct = t[:-2]
            x.decls.append(f"{ct} {var} = 0;")
            x.call.append(f"&{var}")
            x.post.append("mXPUSHs(" + SCALAR_OUT[ct].format(v=var) + ");")
            x.out_kinds.append("scalar")
            outs += 1
        elif t in ("unsigned char *", "char *") and \
                f.name.endswith(("GetUUID", "GetUUIDString")):
            raw = f.name.endswith("GetUUID")
            size = "VIR_UUID_BUFLEN" if raw else "VIR_UUID_STRING_BUFLEN"
            x.decls.append(f"{t[:-2]} {var}[{size}];")
            x.call.append(var)
            x.post.append(f"mXPUSHs(newSVpvn((char *){var}, {size} - 1));"
                          if not raw else
                          f"mXPUSHs(newSVpvn((char *){var}, {size}));")
            if not raw:
                x.post[-1] = f"mXPUSHs(newSVpv({var}, 0));"
            outs += 1
        else:
            raise Todo(f"argument {a.name}: {t}")
        k += 1

    x.pre += x.late
    x.max = i
    x.min = 0
    for n, u in enumerate(x.usage):
        if "=" not in u:
            x.min = n + 1
    ret = f.ret
    rt = ret.type
    x.answer = False
    if rt == "void":
        x.ret_decl = None
        x.ret_test = None
    else:
        bt = _base(rt)
        o = api.object_of_ptr(bt) if bt.endswith("Ptr") else None
        if o is not None:
            x.ret_decl = f"{bt} ret;"
            if _borrowed(api, f):
                x.post.append(f"{_borrowed(api, f)}(ret);")
            x.post.append(f"mXPUSHs(vkplWrap(aTHX_ \"{pl_package(o.name)}\", "
                          "ret));")
        elif rt == "unsigned char *" and getattr(x, "bytes_len", None):
            x.ret_decl = f"{rt}ret;"
            x.post.append(f"mXPUSHs(newSVpvn((const char *)ret, "
                          f"{x.bytes_len}));")
            x.post.append("free(ret);")
        elif rt in ("char *", "const char *"):
            x.ret_decl = f"{rt}ret;"
            x.post.append("mXPUSHs(newSVpv(ret, 0));")
            if rt == "char *":
                x.post.append("free(ret);")
        elif rt in SCALAR_OUT:
            x.ret_decl = f"{rt} ret;"
            if outs == 0 and (name.startswith(ANSWER_PREFIXES) or
                              ret.error not in ("-1",)):
                x.post.append("mXPUSHs(" + SCALAR_OUT[rt].format(v="ret") +
                              ");")
        else:
            raise Todo(f"returns {rt}")
        if ret.error == "none":
            x.ret_test = None
        elif ret.error == "NULL":
            x.ret_test = "ret == NULL"
        else:
            x.ret_test = f"ret == {ret.error}"
    return x


def _plain_when_no_flags(x, plain):
    """Without flags, call the plain variant: a driver may lack the Flags
    one (virStorageVolGetInfo beside virStorageVolGetInfoFlags)."""
    types = [a.type for a in x.f.args]
    if [a.type for a in plain.args] == types[:-1] and \
            x.f.args[-1].name == "flags" and x.alt is None:
        x.alt = (f"{x.call[-1]} != 0", plain.name, len(plain.args))


def _lifecycle(api, f):
    """How Perl reaches a handle's free, ref, close and parent accessors,
    or None for other functions."""
    if f.impl == "free" or f.name in ("virConnectClose", "virStreamFree"):
        return "DESTROY"
    if f.impl == "ref" or f.name == "virStreamRef":
        return "Perl references"
    bt = _base(f.ret.type)
    if f.impl == "get-connect" or (f.impl.startswith("get-") and
                                   bt == "virConnectPtr"):
        return "the object keeps its connection (a borrowed handle)"
    return None


def _borrowed(api, f):
    """The parent accessors answer a handle without a reference of its own
    (virDomainSnapshotGetDomain): the wrapper takes one."""
    bt = _base(f.ret.type)
    o = api.object_of_ptr(bt) if bt.endswith("Ptr") else None
    if o is None or f.object_arg is None or \
            _base(f.object_arg.type) == bt:
        return None
    if f.impl.startswith("get-") or re.search(r"Get(Domain|Network)$",
                                              f.name):
        return o.name + "Ref"
    return None


# Object events: Perl gets (conn, object, the callback's other arguments),
# each made by the rule in _event_push; the C callback of each event ID
# comes from its typedef in the IDL (naming.event_callback_candidates).
EVENT_KINDS = ["Domain", "Network", "StoragePool", "NodeDevice", "Secret"]


def _event_push(api, args, k):
    """(C lines pushing args[k] onto the Perl stack, arguments used)."""
    a = args[k]
    t = a.type
    nxt = args[k + 1] if k + 1 < len(args) else None
    if t == "virTypedParameterPtr" and nxt is not None and nxt.type == "int":
        return [f"mXPUSHs(vkplParamsToHV(aTHX_ {a.name}, {nxt.name}));"], 2
    if t in ("const char *", "char *"):
        return [f"mXPUSHs({a.name} ? newSVpv({a.name}, 0) : newSV(0));"], 1
    if t in SCALAR_OUT:
        return ["mXPUSHs(" + SCALAR_OUT[t].format(v=a.name) + ");"], 1
    m = re.match(r"(?:const )?(\w+) \*$", t)
    s = next((x for x in api.structs if m and x.name == m.group(1)), None)
    if s is None:
        raise SystemExit(f"{a.where}: perl: no rule for event argument "
                         f"{a.name} of type {t}")
    # a counted list of structs (nX, X): an array of hashes
    if len(s.fields) == 2 and s.fields[0].name.startswith("n") and \
            s.fields[0].type in ("int", "size_t") and \
            _struct(api, s.fields[1].type) is not None:
        item = _struct(api, s.fields[1].type)
        lines = ["{", "    AV *av = newAV();", "    int j;",
                 f"    for (j = 0; {a.name} && j < {a.name}->"
                 f"{s.fields[0].name}; j++) {{",
                 "        HV *hv = newHV();"]
        for fld in item.fields:
            v = _field_value(api, fld, f"{a.name}->{s.fields[1].name}[j]."
                             f"{fld.name}")
            lines.append(f"        (void)hv_stores(hv, \"{fld.name}\", {v});")
        lines += ["        av_push(av, newRV_noinc((SV *)hv));", "    }",
                  "    mXPUSHs(newRV_noinc((SV *)av));", "}"]
        return lines, 1
    lines = ["{", "    HV *hv = newHV();"]
    for fld in s.fields:
        v = _field_value(api, fld, f"{a.name}->{fld.name}")
        lines.append(f"    if ({a.name}) (void)hv_stores(hv, \"{fld.name}\", "
                     f"{v});")
    lines += ["    mXPUSHs(newRV_noinc((SV *)hv));", "}"]
    return lines, 1


def _norm(name):
    return name.replace("_", "").lower()


def _events(api):
    """The C callbacks Perl's event registrations use: [(kind, [(id
    constant, C function)], [callback functions as (name, C text)])]."""
    by_name = {_norm(c.name): c for c in api.callbacks}
    out = []
    for kind in EVENT_KINDS:
        word = re.sub(r"(?<!^)([A-Z])", r"_\1", kind).upper()
        head = f"VIR_{word}_EVENT_ID_"
        enum = next((e for e in api.enums if e.name == f"vir{kind}EventID"),
                    None)
        if enum is None:           # an IDL without this kind's events
            continue
        ids, funcs, seen = [], [], {}
        for v in enum.values:
            if v.sentinel or not v.name.startswith(head):
                continue
            cb = next((by_name[_norm(n)] for n in event_callback_candidates(
                kind, v.name[len(head):]) if _norm(n) in by_name), None)
            if cb is None:
                raise SystemExit(f"perl: no callback typedef for {v.name}")
            fn = "vkplEv" + cb.name[len("virConnect"):]
            ids.append((v.name, fn))
            if cb.name in seen:
                continue
            seen[cb.name] = fn
            obj = cb.args[1]
            o = api.object_of_ptr(obj.type)
            params = ", ".join(f"{a.type} {a.name}" for a in cb.args)
            body = ["dTHX;", "dSP;",
                    "vkplEventData *d_ = (vkplEventData *)opaque;",
                    f"(void){cb.args[0].name};", "ENTER;", "SAVETMPS;",
                    "PUSHMARK(SP);", "XPUSHs(d_->conn);",
                    f"{o.name}Ref({obj.name});",
                    f"mXPUSHs(vkplWrap(aTHX_ \"{pl_package(o.name)}\", "
                    f"{obj.name}));"]
            k = 2
            while k < len(cb.args) - 1:
                lines, used = _event_push(api, cb.args, k)
                body += lines
                k += used
            body += ["PUTBACK;", "call_sv(d_->cb, G_DISCARD);", "FREETMPS;",
                     "LEAVE;"]
            if cb.ret.type != "void":
                body.append("return 0;")
            funcs.append((fn, cb.ret.type, params, body))
        out.append((kind, ids, funcs))
    return out


def _perl_string(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _override_names(root):
    """Names the hand-written overrides define: XSUB names (a line with
    just the name and its parameters after a return type line) and subs."""
    names = {}
    d = os.path.join(root, OVERRIDES)
    if not os.path.isdir(d):
        return names, {}, {}
    xs, pm = {}, {}
    for fn in sorted(os.listdir(d)):
        path = os.path.join(d, fn)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        if fn.endswith(".xs"):
            xs[fn] = text
            pkg = None
            for line in text.split("\n"):
                m = re.match(r"MODULE\s*=\s*\S+\s+PACKAGE\s*=\s*(\S+)", line)
                if m:
                    pkg = m.group(1)
                m = re.match(r"^(\w+)\s*\(", line)
                if m and pkg:
                    names[(pkg, m.group(1))] = fn
        elif fn.endswith(".pm"):
            pkg = fn[:-3].replace("-", "::")
            pm[pkg] = text
            for m in re.finditer(r"^sub\s+(\w+)", text, re.M):
                names[(pkg, m.group(1))] = fn
    return names, xs, pm


IMPORT_DATA = os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "import-data")
PARAMS_TSV = os.path.join(IMPORT_DATA, "perl-params.tsv")
PARAM_TYPES = {"int": "VIR_TYPED_PARAM_INT", "uint": "VIR_TYPED_PARAM_UINT",
               "llong": "VIR_TYPED_PARAM_LLONG",
               "ullong": "VIR_TYPED_PARAM_ULLONG",
               "double": "VIR_TYPED_PARAM_DOUBLE",
               "boolean": "VIR_TYPED_PARAM_BOOLEAN",
               "string": "VIR_TYPED_PARAM_STRING",
               "strings": "VKPL_PARAM_STRINGS"}


def _param_tables(api):
    """{function: [(parameter name, C type constant)]} for the setters
    perl-params.tsv types."""
    takes, types = {}, {}
    with open(PARAMS_TSV, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            kind, a, b = line.rstrip("\n").split("\t")
            if kind == "takes":
                takes[a] = b
            else:
                types[a] = PARAM_TYPES[b]
    strings = {m.name: m.string for m in api.macros if m.string is not None}
    out = {}
    for func, prefix in takes.items():
        out[func] = [(strings[m], t) for m, t in sorted(types.items())
                     if m.startswith(prefix) and m in strings]
    return out


def build(api, root):
    objects = [o.name for o in api.objects]
    param_tables = _param_tables(api)
    overrides, xs_files, pm_files = _override_names(root)
    rows = []
    xsubs = []
    taken = {}
    plain = []
    errors = []
    destroys = []
    for f in api.functions:
        b = f.binding("perl")
        obj = f.object_arg
        cls = None
        if obj is not None:
            o = api.object_of_ptr(_base(obj.type))
            cls = o.name if o else None
        if b is not None and b.cls:
            package = pl_package(b.cls)
        else:
            package = pl_package(cls) if cls else "Sys::Virt"
        if b is not None and b.mode == "skip":
            rows.append((f.name, "skip", package, "", b.reason))
            continue
        name = b.name if b is not None and b.name else \
            (pl_method(f.name, cls, objects) if cls else None)
        if b is not None and b.mode == "custom":
            if (package, name) not in overrides:
                errors.append(f"{f.where}: {f.name}: custom Perl method "
                              f"{package}::{name} is in no file of "
                              f"{OVERRIDES}")
            rows.append((f.name, "custom", package, name,
                         overrides.get((package, name), "")))
            continue
        how = _lifecycle(api, f)
        if how == "DESTROY":
            destroys.append((package, f.name, _base(obj.type)))
        if how:
            rows.append((f.name, "lifecycle", package, "", how))
            continue
        if f.name.endswith("LookupByUUIDString") and \
                any(g.name == f.name[:-6] for g in api.functions):
            rows.append((f.name, "merged", package, name.replace(
                "_uuid_string", "_uuid"), f"reached through {f.name[:-6]}, "
                "which takes either form of UUID as Sys::Virt's does"))
            continue
        if name is None:
            rows.append((f.name, "todo", package, "",
                         "no object argument: needs a hand-written function"))
            continue
        try:
            shape = _params_shape(f)
            if shape:
                getter = None
                if shape[0] == "set":
                    gname = f.name.replace("Set", "Get", 1)
                    getter = next((g for g in api.functions
                                   if g.name == gname and _params_shape(g)
                                   and _params_shape(g)[0] != "set"), None)
                    if getter is None and f.name not in param_tables:
                        raise Todo("typed parameters with no getter to "
                                   "type them")
                x = _build_params(api, f, package, name, shape, getter)
            else:
                x = _build(api, f, package, name, objects)
        except Todo as e:
            rows.append((f.name, "todo", package, name, str(e)))
            continue
        key = (package, name)
        if key in overrides:
            errors.append(f"{f.where}: {f.name}: {package}::{name} is "
                          "hand-written but the IDL does not say custom")
            continue
        if key in taken:
            # the plain and the Flags variant: keep the one with more args
            other = taken[key]
            if len(other.f.args) >= len(f.args):
                plain.append((f, other))
                _plain_when_no_flags(other, f)
                continue
            plain.append((other.f, x))
            _plain_when_no_flags(x, other.f)
            xsubs.remove(other)
        taken[key] = x
        xsubs.append(x)
    for f, x in plain:
        rows.append((f.name, "merged", x.package, x.name,
                     f"reached through {x.f.name}"))
    for x in xsubs:
        rows.append((x.f.name, "generated", x.package, x.name, ""))
    if errors:
        raise SystemExit("\n".join("error: " + e for e in errors))
    rows.sort()

    consts = {p: [] for p in PACKAGES}
    seen = set()
    # C enums are ints: Sys::Virt gives the ones with the top bit set (and
    # negative ones) as the unsigned 64-bit value of that int.
    items = [(e.name, v.name, v.value if 0 <= v.value < 2 ** 31 else
              ((v.value + 2 ** 31) % 2 ** 32 - 2 ** 31) % 2 ** 64)
             for e in api.enums for v in e.values if not v.sentinel]
    items += [(None, mc.name, _perl_string(mc.string)) for mc in api.macros
              if mc.string is not None and not mc.params]
    for mc in api.macros:
        m = re.match(r"\s*([0-9]+)(LL|ULL|U)?\b", mc.value or "")
        if m and not mc.params:
            items.append((None, mc.name, int(m.group(1))))
    by_cname = {c: v for _, c, v in items}
    for pkg, pname, cname in _const_aliases():
        if cname in by_cname and (pkg, pname) not in seen:
            seen.add((pkg, pname))
            consts[pkg].append((pname, by_cname[cname]))
    for enum_name, cname, value in items:
        r = _const_name(enum_name, cname)
        if r is None or r in seen:
            continue
        seen.add(r)
        consts[r[0]].append((r[1], value))

    by_pkg = {}
    for x in xsubs:
        by_pkg.setdefault(x.package, []).append(x)
    return {
        "xsubs": [(p, by_pkg[p]) for p in PACKAGES if p in by_pkg],
        "destroys": destroys,
        "rows": rows,
        "consts": consts,
        "packages": PACKAGES,
        "xs_overrides": [xs_files[k] for k in sorted(xs_files)],
        "events": _events(api),
        # memory_stats' keys: the tags' names in lower case (swap_in ...)
        "memstats": [(v.name, v.name[len("VIR_DOMAIN_MEMORY_STAT_"):].lower())
                     for e in api.enums if e.name == "virDomainMemoryStatTags"
                     for v in e.values
                     if not v.sentinel and v.name != "VIR_DOMAIN_MEMORY_STAT_NR"],
        "param_tables": sorted((f, t) for f, t in param_tables.items()
                               if any(x.f.name == f for x in xsubs)),
        "pm_overrides": pm_files,
    }


def generate(api, outdir):
    idl = os.path.abspath(api.objects[0].where.file) if api.objects else "."
    root = os.path.dirname(os.path.dirname(idl))
    m = build(api, root)
    out = os.path.join(outdir, "bindings", "perl", "gen")
    writer.write(os.path.join(out, "Virt.xs"),
                 writer.banner("c", TARGET) + render("perl/Virt.xs.j2", **m))
    for p in PACKAGES:
        rel = p.replace("::", "/") + ".pm"
        writer.write(os.path.join(out, "lib", rel),
                     writer.banner("sh", TARGET) +
                     render("perl/package.pm.j2", package=p, packages=PACKAGES,
                            consts=m["consts"][p],
                            override=m["pm_overrides"].get(p, "")))
    writer.write(os.path.join(out, "coverage.tsv"),
                 writer.banner("sh", TARGET) +
                 render("perl/coverage.tsv.j2", **m))
