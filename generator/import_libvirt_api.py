#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Bootstrap api/virt-api.xml from libvirt's installed API description.

Only interface facts are imported: names, C types, values and `since`
versions from libvirt-api.xml, plus the facts tables in
generator/import-data/ (read-only checks, RPC procedure numbers).  libvirt's
documentation text is never carried over: <doc> elements come from the
existing IDL (our own words) and are kept when this script is run again.

Usage: import_libvirt_api.py LIBVIRT_API_XML IMPORT_DATA_DIR OUT_IDL
"""

import csv
import os
import re
import sys
import xml.etree.ElementTree as ET

# Header files in the order libvirt.h includes them; virterror.h is separate.
FILE_ORDER = [
    "libvirt-common", "libvirt-host", "libvirt-domain",
    "libvirt-domain-checkpoint", "libvirt-domain-snapshot", "libvirt-event",
    "libvirt-interface", "libvirt-network", "libvirt-nodedev",
    "libvirt-nwfilter", "libvirt-secret", "libvirt-storage",
    "libvirt-stream", "virterror",
    # the two small libraries beside libvirt.so, each with its own header
    "libvirt-qemu", "libvirt-lxc",
]

# Headers whose functions live in a library of their own (libvirt-qemu.so.0,
# libvirt-lxc.so.0), described by their own API XML next to libvirt-api.xml.
FILE_LIBRARY = {"libvirt-qemu": "libvirt-qemu", "libvirt-lxc": "libvirt-lxc"}

# Which driver table serves the functions declared in each header.
FILE_DRIVER = {
    "libvirt-host": "hypervisor", "libvirt-domain": "hypervisor",
    "libvirt-domain-checkpoint": "hypervisor",
    "libvirt-domain-snapshot": "hypervisor",
    "libvirt-interface": "interface", "libvirt-network": "network",
    "libvirt-nodedev": "nodedev", "libvirt-nwfilter": "nwfilter",
    "libvirt-secret": "secret", "libvirt-storage": "storage",
    "libvirt-qemu": "hypervisor", "libvirt-lxc": "hypervisor",
}

# The error domain of errors raised by each header's entry points.
FILE_ERROR_DOMAIN = {
    "libvirt-common": "VIR_FROM_NONE", "libvirt-host": "VIR_FROM_DOMAIN",
    "libvirt-domain": "VIR_FROM_DOMAIN",
    "libvirt-domain-checkpoint": "VIR_FROM_DOMAIN_CHECKPOINT",
    "libvirt-domain-snapshot": "VIR_FROM_DOMAIN_SNAPSHOT",
    "libvirt-event": "VIR_FROM_EVENT", "libvirt-interface": "VIR_FROM_INTERFACE",
    "libvirt-network": "VIR_FROM_NETWORK", "libvirt-nodedev": "VIR_FROM_NODEDEV",
    "libvirt-nwfilter": "VIR_FROM_NWFILTER", "libvirt-secret": "VIR_FROM_SECRET",
    "libvirt-storage": "VIR_FROM_STORAGE", "libvirt-stream": "VIR_FROM_STREAMS",
    "virterror": "VIR_FROM_NONE",
    "libvirt-qemu": "VIR_FROM_NONE", "libvirt-lxc": "VIR_FROM_NONE",
}

# Handle objects: C type, how to reach the connection, the error raised for
# a bad handle, and the fields a generated accessor may return.
OBJECTS = [
    # name, conn path, invalid error code, error domain
    # A bad connection is reported in the domain of the entry point's file.
    ("virConnect", "", "VIR_ERR_INVALID_CONN", None),
    ("virDomain", "conn", "VIR_ERR_INVALID_DOMAIN", "VIR_FROM_DOM"),
    ("virNetwork", "conn", "VIR_ERR_INVALID_NETWORK", "VIR_FROM_NETWORK"),
    ("virNetworkPort", "net->conn", "VIR_ERR_INVALID_NETWORK_PORT",
     "VIR_FROM_NETWORK"),
    ("virInterface", "conn", "VIR_ERR_INVALID_INTERFACE", "VIR_FROM_INTERFACE"),
    ("virStoragePool", "conn", "VIR_ERR_INVALID_STORAGE_POOL",
     "VIR_FROM_STORAGE"),
    ("virStorageVol", "conn", "VIR_ERR_INVALID_STORAGE_VOL",
     "VIR_FROM_STORAGE"),
    ("virNodeDevice", "conn", "VIR_ERR_INVALID_NODE_DEVICE", "VIR_FROM_NODEDEV"),
    ("virSecret", "conn", "VIR_ERR_INVALID_SECRET", "VIR_FROM_SECRET"),
    ("virNWFilter", "conn", "VIR_ERR_INVALID_NWFILTER", "VIR_FROM_NWFILTER"),
    ("virNWFilterBinding", "conn", "VIR_ERR_INVALID_NWFILTER_BINDING",
     "VIR_FROM_NWFILTER"),
    ("virDomainSnapshot", "domain->conn", "VIR_ERR_INVALID_DOMAIN_SNAPSHOT",
     "VIR_FROM_DOMAIN_SNAPSHOT"),
    ("virDomainCheckpoint", "domain->conn",
     "VIR_ERR_INVALID_DOMAIN_CHECKPOINT", "VIR_FROM_DOMAIN_CHECKPOINT"),
    ("virStream", "conn", "VIR_ERR_INVALID_STREAM", "VIR_FROM_STREAMS"),
]

# Functions written by hand in src/, grouped with the reason.
MANUAL = [
    ("connection set-up and teardown: driver probing by URI, refcounts",
     r"virConnectOpen(Auth|ReadOnly)?|virConnectClose|virConnectRef"
     r"|virInitialize|virGetVersion|virConnectIsAlive|virConnectGetURI"
     r"|virConnectSetKeepAlive"),
    ("the thread-local error state lives in the library, not a driver",
     r"vir(Get|Copy|Save|Reset|Free|Set)(Last)?Error\w*|virConn\w*Error\w*"
     r"|virResetError|virDefaultErrorFunc|virErrorFunc|virCopyLastError"),
    ("the event loop is process-wide, not per connection",
     r"virEvent\w+"),
    ("typed parameter helpers run locally in the caller",
     r"virTypedParams\w+"),
    ("streams dispatch to the stream's own callbacks, not a driver table",
     r"virStream(?!New$)\w+"),
    ("local frees of structs the library allocated",
     r"virDomainStatsRecordListFree|virDomainFSInfoFree|virDomainIOThreadInfoFree"
     r"|virDomainInterfaceFree|virNetworkDHCPLeaseFree"),
    ("the snapshot and checkpoint handle accessors reach the parent domain",
     r"virDomain(Snapshot|Checkpoint)GetDomain"),
    ("takes an array of domains: the connection comes from its first one",
     r"virDomainListGetStats"),
    ("a deprecated alias: it calls virDomainCreateXML, whose name its "
     "errors carry",
     r"virDomainCreateLinux"),
    ("acts on the calling process itself (setns, its security label, its "
     "cgroups), not through a driver",
     r"virDomainLxcEnter(Namespace|SecurityLabel|CGroup)"),
]

# Hand-written functions that still call a driver callback.
DRIVER_BACKED = re.compile(r"virConnect(IsAlive|GetURI|SetKeepAlive"
                           r"|(Un)?RegisterCloseCallback)|virDomainListGetStats"
                           r"|virNodeDeviceGetParent")

# Generic local implementations, chosen by role; no per-function code.
def local_kind(name, args, ret):
    obj = args[0][1][:-3] if args and args[0][1].endswith("Ptr") else None
    if obj is None or obj not in [o[0] for o in OBJECTS]:
        return None
    verb = name[len(obj):]
    table = {
        "Ref": "ref", "Free": "free", "GetConnect": "get-connect",
        "GetName": "get-name", "GetUUID": "get-uuid",
        "GetUUIDString": "get-uuid-string", "GetID": "get-id",
        "GetMACString": "get-mac", "GetKey": "get-key",
        "GetUsageType": "get-usage-type", "GetUsageID": "get-usage-id",
        "GetParent": "get-parent", "GetNetwork": "get-network",
        "GetPortDev": "get-portdev", "GetFilterName": "get-filtername",
    }
    kind = table.get(verb)
    # Only where the value is held in the handle itself.
    if kind == "get-parent" and obj != "virNodeDevice":
        return None
    if kind in ("get-name",) and obj in ("virNetworkPort", "virSecret",
                                         "virStream"):
        return None
    if kind == "get-key" and obj != "virStorageVol":
        return None
    return kind


NULLABLE_RE = re.compile(r"\bor NULL\b|\(optional\)|\boptional\b|may be NULL"
                         r"|can be NULL|NULL (to|for|if|means)|\bNULL,? "
                         r"(for|to)\b|NULL-terminated|if NULL", re.I)
NOFLAGS_RE = re.compile(r"not used yet|always pass 0|currently unused"
                        r"|unused,? (so )?(callers|pass)|must be 0"
                        r"|should be 0|reserved", re.I)


SAFE_NAMES = {"from": "frm", "to": "dest"}

# Symbols whose linker version node is older than their documented version
# (seen in the symbol table of libvirt 9.0's libvirt.so.0).
SYMBOL_SINCE = {"virConnectAuthPtrDefault": "0.4.0"}

# Macros whose definition spans lines in libvirt's headers, so its API
# description gives no body: ours, written from what each macro computes.
MACRO_BODIES = {
    "VIR_CPU_MAPLEN": "(((cpu) + 7) / 8)",
    "VIR_NODEINFO_MAXCPUS": "((nodeinfo).nodes * (nodeinfo).sockets * "
                            "(nodeinfo).cores * (nodeinfo).threads)",
    "VIR_DOMAIN_EVENT_CALLBACK":
        "((virConnectDomainEventGenericCallback)(cb))",
    "VIR_NETWORK_EVENT_CALLBACK":
        "((virConnectNetworkEventGenericCallback)(cb))",
}

# Children of <function> that are written by people, not imported.
HAND_WRITTEN = ("doc", "binding")


def version_key(v):
    return tuple(int(x) for x in v.split("."))


def load_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_argchecks(path):
    """The argument checks libvirt's entry points make, by function, in
    order.  Kinds with no mechanical form ("other") stay with the driver."""
    out = {}
    for r in load_tsv(path):
        kind, arg, detail = r["check"], r["arg"], r.get("detail") or ""
        chk = {"arg": arg.lstrip("*"), "kind": kind,
               "deref": "yes" if arg.startswith("*") else None}
        if kind == "nonnull-array":
            chk["len"] = detail.lstrip("*")
        elif kind == "exclusive-flags":
            chk["bits"] = ",".join(detail.split("|"))
        elif kind == "requires-flags":
            # "A|B => C|D[; message: ...][; reporter: ...]"
            rule, *extra = detail.split("; ")
            bits, needs = rule.split(" => ")
            chk["bits"] = ",".join(bits.split("|"))
            chk["needs"] = ",".join(needs.split("|"))
            for e in extra:
                key, value = e.split(": ", 1)
                chk[key] = value
        elif kind == "forbidden-flags":
            # "A|B; message: TEXT": any of the flags is refused
            bits, message = detail.split("; message: ", 1)
            chk["bits"] = ",".join(bits.split("|"))
            chk["message"] = message
        elif kind == "unsupported":
            # "[A|B => ]CODE: MESSAGE": what the entry point reports when
            # the driver lacks the function (arg "-": whatever the flags).
            rule, message = detail.split(": ", 1)
            bits, _, code = rule.rpartition(" => ")
            chk = {"tag_": "unsupported"}
            if bits:
                chk.update(arg=arg, bits=",".join(bits.split("|")))
            chk.update(code=code, message=message)
        elif kind not in ("nonnull", "nonzero", "positive", "nonnegative"):
            continue
        out.setdefault(r["function"], []).append(chk)
    return out


def load_sources(api_xml):
    """libvirt-api.xml, with the symbols of the libvirt-qemu and libvirt-lxc
    API descriptions installed beside it merged in."""
    src = ET.parse(api_xml).getroot()
    for lib in FILE_LIBRARY.values():
        path = os.path.join(os.path.dirname(api_xml), f"{lib}-api.xml")
        if not os.path.exists(path):
            sys.exit(f"{path}: missing (libvirt-dev installs it)")
        extra = ET.parse(path).getroot()
        for f in extra.find("files"):
            src.find("files").append(f)
        for sym in extra.find("symbols"):
            src.find("symbols").append(sym)
    return src


def main(api_xml, data_dir, out):
    src = load_sources(api_xml)
    # What people wrote into the IDL is kept when it is imported again: docs
    # and the per-language binding declarations of each function.
    kept = {}
    if os.path.exists(out):
        for el in ET.parse(out).getroot().iter():
            hand = [c for c in el if c.tag in HAND_WRITTEN]
            if el.get("name") and hand:
                kept[(el.tag, el.get("name"))] = hand

    files = {f.get("name"): f for f in src.find("files")}
    syms = src.find("symbols")

    enum_types = {}
    for e in syms.findall("enum"):
        enum_types.setdefault(e.get("type"), []).append(e)
    typedefs = {t.get("name"): t for t in syms.findall("typedef")}

    readonly = {r["function"]: r for r in load_tsv(
        os.path.join(data_dir, "readonly.tsv"))}
    procs = {r["procedure"]: r for r in load_tsv(
        os.path.join(data_dir, "procs.tsv"))}
    argchecks = load_argchecks(os.path.join(data_dir, "argchecks.tsv"))
    # Paths the entry point makes absolute before the driver sees them;
    # after the checks, so they go last.
    for r in load_tsv(os.path.join(data_dir, "abspath.tsv")):
        argchecks.setdefault(r["function"], []).append(
            {"arg": r["arg"], "kind": "absolute-path"})
    # Getters whose entry point lets the driver return string parameters.
    for r in load_tsv(os.path.join(data_dir, "string-params.tsv")):
        argchecks.setdefault(r["function"], []).append(
            {"arg": "flags", "kind": "add-flags",
             "bits": "VIR_TYPED_PARAM_STRING_OKAY"})
    proc_of = {}
    for r in load_tsv(os.path.join(data_dir, "proc-function.tsv")):
        if r["function"] not in ("-", "") and r["procedure"] in procs and \
                r.get("kind") not in ("post-9.0", "internal"):
            proc_of.setdefault(r["function"], r["procedure"])

    root = ET.Element("api", name="libvirt", version="9.0.0")
    root.text = "\n"

    def add(parent, tag_, **attrs):
        el = ET.SubElement(parent, tag_,
                           {k.rstrip("_").replace("_", "-"): str(v)
                            for k, v in attrs.items() if v not in (None, "")})
        return el

    for fname in FILE_ORDER:
        add(root, "header", name=fname, driver=FILE_DRIVER.get(fname),
            error_domain=FILE_ERROR_DOMAIN[fname],
            library=FILE_LIBRARY.get(fname))

    for name, conn, err, dom in OBJECTS:
        add(root, "object", name=name, conn=conn, invalid=err,
            error_domain=dom)

    for m in sorted(syms.findall("macro"), key=lambda m: m.get("name")):
        el = add(root, "macro", name=m.get("name"), file=m.get("file"),
                 since=m.get("version"), params=m.get("params"))
        if m.get("string") is not None:
            el.set("string", m.get("string"))
        else:
            el.set("value", m.get("raw") or MACRO_BODIES.get(m.get("name"), ""))

    # Enums: one element per typedef, values in numeric order.
    def numeric(v, seen):
        try:
            return int(v, 0)
        except ValueError:
            return seen.get(v)
    values = {}
    for _ in range(3):
        for e in syms.findall("enum"):
            n = numeric(e.get("value"), values)
            if n is not None:
                values[e.get("name")] = n
    for tname in sorted(enum_types):
        td = typedefs.get(tname)
        members = sorted(enum_types[tname],
                         key=lambda e: (values[e.get("name")], e.get("name")))
        is_flags = bool(re.search(r"Flags|Values|Impact$|Mask$", tname)) or \
            all(e.get("value_bitshift") is not None
                for e in members if not e.get("name").endswith("_LAST"))
        el = add(root, "enum", name=tname,
                 file=(td.get("file") if td is not None
                       else members[0].get("file")),
                 since=min([m.get("version") for m in members] +
                           ([td.get("version")] if td is not None else []),
                           key=version_key),
                 kind="flags" if is_flags else "enum",
                 # the type's own name may be newer than its values
                 type_since=td.get("version") if td is not None and
                 version_key(td.get("version")) > min(
                     version_key(m.get("version")) for m in members)
                 else None)
        # A *_LAST value is the enum's end marker only when nothing is
        # larger (VIR_NETWORK_UPDATE_COMMAND_ADD_LAST is a real command).
        top = max(values[m.get("name")] for m in members)
        for e in members:
            v = e.get("value")
            alias = None if re.match(r"^-?(0x)?[0-9a-fA-F]+$", v) else v
            add(el, "value", name=e.get("name"), value=values[e.get("name")],
                alias=alias, since=e.get("version"),
                sentinel="yes" if e.get("name").endswith("_LAST") and
                values[e.get("name")] == top else None)

    for t in sorted(syms.findall("typedef"), key=lambda t: t.get("name")):
        if t.get("type") == "enum":
            continue
        add(root, "typedef", name=t.get("name"), file=t.get("file"),
            type=t.get("type"), since=t.get("version"))

    def add_fields(parent, src_el):
        for f in src_el.findall("field"):
            if f.get("type") == "union":
                u = add(parent, "union", name=f.get("name"))
                add_fields(u, f.find("union"))
            else:
                add(parent, "field", name=f.get("name"), type=f.get("type"),
                    deprecated="yes" if "deprecated" in
                    (f.get("info") or "") else None)

    for s in sorted(syms.findall("struct"), key=lambda s: s.get("name")):
        tag = s.get("type").split()[1]
        fields = s.findall("field")
        handle = s.get("name") in [o[0] for o in OBJECTS]
        el = add(root, "struct", name=s.get("name"), tag=tag,
                 file=s.get("file"), since=s.get("version"),
                 opaque="yes" if (handle or not fields) else None)
        add_fields(el, s)

    for v in syms.findall("variable"):
        add(root, "variable", name=v.get("name"), file=v.get("file"),
            type=v.get("type"), since=v.get("version"),
            symbol_since=SYMBOL_SINCE.get(v.get("name")))

    for ft in sorted(syms.findall("functype"), key=lambda f: f.get("name")):
        el = add(root, "callback", name=ft.get("name"), file=ft.get("file"),
                 since=ft.get("version"))
        r = ft.find("return")
        add(el, "return", type=r.get("type") if r is not None else "void")
        for a in ft.findall("arg"):
            add(el, "arg", name=a.get("name"), type=a.get("type"))

    flag_enum_names = set(enum_types)
    stats = {"manual": 0, "local": 0, "dispatch": 0, "flags-known": 0,
             "flags-none": 0, "flags-driver": 0, "ro": 0}
    for f in sorted(syms.findall("function"), key=lambda f: f.get("name")):
        name = f.get("name")
        args = [(a.get("name"), a.get("type"), a.get("info") or "")
                for a in f.findall("arg")]
        r = f.find("return")
        rtype = r.get("type") if r is not None else "void"
        impl = "dispatch"
        reason = None
        for why, pat in MANUAL:
            if re.fullmatch(pat, name):
                impl, reason = "manual", why
                break
        kind = local_kind(name, args, rtype)
        if impl == "dispatch" and kind:
            impl = kind
        if impl == "dispatch" and FILE_DRIVER.get(f.get("file")) is None:
            impl, reason = "manual", "not served by a driver table"
        if name == "virStreamNew":
            impl, reason = "manual", "streams are created locally, then " \
                "bound to a driver by the call that opens them"
        stats["manual" if impl == "manual" else
              "dispatch" if impl == "dispatch" else "local"] += 1

        if rtype == "void":
            err = "none"
        elif rtype.endswith("*") or rtype.endswith("Ptr"):
            err = "NULL"
        elif rtype.startswith("unsigned") and rtype != "unsigned int" or \
                rtype in ("unsigned long", "unsigned long long"):
            err = "0"
        elif rtype == "unsigned int":
            err = "(unsigned int)-1" if name.endswith("GetID") else "0"
        else:
            err = "-1"

        ro = readonly.get(name)
        access = "rw" if ro and ro["check"] == "always" else "ro"
        if access == "rw":
            stats["ro"] += 1
        proc = proc_of.get(name)
        el = add(root, "function", name=name, file=f.get("file"),
                 since=f.get("version"), impl=impl,
                 driver=FILE_DRIVER.get(f.get("file"))
                 if impl == "dispatch" or DRIVER_BACKED.fullmatch(name)
                 else None,
                 access=access,
                 proc=procs[proc]["number"] if proc else None)
        for child in kept.get(("function", name), []):
            el.append(child)
        if reason:
            add(el, "reason").text = reason
        # Refused on read-only connections only for some argument values.
        # `message` is libvirt's wording when it is not the usual one.
        if ro and ro["check"] == "flags" and ro.get("flags"):
            add(el, "readonly-when", arg="flags", bits=ro["flags"],
                message=ro.get("message") or None)
        elif ro and ro["check"] == "arg":
            arg, value = ro["flags"].split("=", 1)
            add(el, "readonly-when", arg=arg, equals=value,
                message=ro.get("message") or None)
        add(el, "return", type=rtype, error=err)
        for i, (aname, atype, info) in enumerate(args):
            attrs = {}
            if i == 0 and atype.endswith("Ptr") and \
                    atype[:-3] in [o[0] for o in OBJECTS]:
                attrs["role"] = "object"
            elif aname == "flags" and atype.startswith("unsigned"):
                found = [n for n in re.findall(r"\bvir[A-Z]\w+", info)
                         if n in flag_enum_names]
                if found:
                    attrs["flags"] = " ".join(dict.fromkeys(found))
                    stats["flags-known"] += 1
                elif NOFLAGS_RE.search(info):
                    attrs["flags"] = "none"
                    stats["flags-none"] += 1
                else:
                    attrs["flags"] = "driver"
                    stats["flags-driver"] += 1
            elif atype in ("const char *", "char *") and \
                    atype.startswith("const") and NULLABLE_RE.search(info):
                attrs["nullable"] = "yes"
            elif "*" in atype or atype.endswith("Ptr"):
                if NULLABLE_RE.search(info):
                    attrs["nullable"] = "yes"
            # Names that are keywords in some binding language get the
            # spelling the established bindings use instead.
            attrs["safe_name"] = SAFE_NAMES.get(aname)
            # Bindings give such arguments a default value.
            if re.match(r"^\(?optional\)?", info):
                attrs["optional"] = "yes"
            add(el, "arg", name=aname, type=atype, **attrs)
        # the checks, then the answers for a driver lacking the function
        for chk in sorted(argchecks.get(name, []),
                          key=lambda c: "tag_" in c):
            add(el, chk.pop("tag_", "check"), **chk)

    add_remote_wire(root, data_dir)

    ET.indent(root, space="  ")
    tree = ET.ElementTree(root)
    with open(out + ".new", "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        fh.write(b"<!-- virtkit's API description: the single source of the "
                 b"public C API,\n     its wire procedures and every "
                 b"binding.  Validated by api/virt-api.rng. -->\n")
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    os.replace(out + ".new", out)
    print(stats, file=sys.stderr)


def add_remote_wire(root, data_dir):
    """Append the RPC wire description (programs, limits, XDR types and
    procedures) from import-data/remote-wire.xml, itself written by
    make-remote-wire.py; see import-data/README.md."""
    path = os.path.join(data_dir, "remote-wire.xml")
    if not os.path.exists(path):
        return
    wire = ET.parse(path).getroot()
    # Which stubs are written by hand, and why (import-data/README.md).
    byhand = {r["procedure"]: r for r in load_tsv(
        os.path.join(data_dir, "remote-stubs.tsv"))}
    for el in wire:
        if el.tag in ("wire-program", "wire-const", "wire-type",
                      "procedure"):
            row = byhand.pop(el.get("name"), None) \
                if el.tag == "procedure" else None
            if row:
                el.set("handwritten", row["handwritten"])
                ET.SubElement(el, "reason").text = row["reason"]
            root.append(el)
    if byhand:
        sys.exit(f"remote-stubs.tsv: unknown procedures {sorted(byhand)}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
