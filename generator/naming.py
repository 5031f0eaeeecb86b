# SPDX-License-Identifier: LGPL-2.1-or-later
"""The only place where names are derived or mangled."""

# Words that may not name an argument: they break some target language.
RESERVED_WORDS = {
    # C / C++
    "auto", "break", "case", "char", "class", "const", "continue", "default",
    "delete", "do", "double", "else", "enum", "explicit", "extern", "float",
    "for", "friend", "goto", "if", "inline", "int", "long", "namespace",
    "new", "operator", "private", "protected", "public", "register",
    "return", "short", "signed", "sizeof", "static", "struct", "switch",
    "template", "this", "throw", "try", "typedef", "union", "unsigned",
    "virtual", "void", "volatile", "while",
    # Python, Go, Java, OCaml, Perl, PHP
    "and", "as", "assert", "def", "del", "elif", "except", "finally",
    "from", "global", "import", "in", "is", "lambda", "nonlocal", "not",
    "or", "pass", "raise", "with", "yield", "func", "go", "chan", "defer",
    "fallthrough", "interface", "map", "package", "range", "select", "var",
    "boolean", "byte", "final", "implements", "instanceof", "native",
    "synchronized", "throws", "transient", "begin", "end", "fun", "function",
    "let", "match", "method", "module", "mutable", "object", "of", "open",
    "rec", "sig", "then", "to", "val", "when", "array", "echo", "list",
    "print",
}


def driver_field(func_name):
    """virDomainSuspend -> domainSuspend: the driver table member."""
    base = func_name[3:] if func_name.startswith("vir") else func_name
    return base[0].lower() + base[1:]


def driver_typedef(func_name):
    """virDomainSuspend -> virDrvDomainSuspend: the callback type."""
    return "virDrv" + func_name[3:]


DRIVER_STRUCTS = {
    "hypervisor": "virHypervisorDriver",
    "network": "virNetworkDriver",
    "storage": "virStorageDriver",
    "interface": "virInterfaceDriver",
    "nodedev": "virNodeDeviceDriver",
    "secret": "virSecretDriver",
    "nwfilter": "virNWFilterDriver",
}

# The virConnectDriver member holding each driver table (datatypes.h).
DRIVER_MEMBERS = {
    "hypervisor": "hypervisorDriver",
    "network": "networkDriver",
    "storage": "storageDriver",
    "interface": "interfaceDriver",
    "nodedev": "nodeDeviceDriver",
    "secret": "secretDriver",
    "nwfilter": "nwfilterDriver",
}


def c_decl(ctype, name):
    """Join a C type and a name: 'const char *' + 'xml'."""
    if "[" in ctype:               # struct fields carry their own name
        return ctype
    if ctype.endswith("*"):
        return ctype + name
    return f"{ctype} {name}"


def header_guard(header):
    return "VIRTKIT_" + header.upper().replace("-", "_") + "_H"


# ---- Python (libvirt-python's spelling) ---------------------------------
# Each handle object is a class of the same name; a function is a method of
# the class of its object argument, named by the rules below.  Where a rule
# cannot give the established name, the IDL says so with
# <binding lang="python" mode="rename" name="...">.

# Classes whose getters drop "Get" (virDomainGetInfo -> info); the others
# keep it (virConnectGetURI -> getURI, virDomainSnapshotGetName -> getName).
PY_KEEP_GET = {"virConnect", "virStream", "virDomainSnapshot",
               "virDomainCheckpoint"}

# The connection's own prefixes: host-wide calls are connection methods.
PY_HOST_NOUNS = ("virConnect", "virNode")

# The connection's primary object: its lookups and constructors are plain
# connection methods (conn.lookupByName, conn.createXML).
PY_PRIMARY_NOUN = "virDomain"

# How an object's name is spelled when it starts a method name.
PY_NOUN_SPELLING = {"virNWFilter": "nwfilter",
                    "virNWFilterBinding": "nwfilterBinding"}

# Verbs that keep a foreign object's name in the method name, so that
# conn.networkLookupByName and conn.storagePoolLookupByName do not clash.
PY_NOUN_VERBS = ("Lookup", "Create", "Define")


def py_lower_first(rest):
    """'Info' -> 'info'; a leading acronym word stays: 'XMLDesc', 'UUID'."""
    run = 0
    while run < len(rest) and rest[run].isupper():
        run += 1
    if run >= 2:
        return rest
    return rest[:1].lower() + rest[1:]


def _py_noun_spelling(noun):
    if noun in PY_NOUN_SPELLING:
        return PY_NOUN_SPELLING[noun]
    return noun[3].lower() + noun[4:]


def py_noun(func_name, object_names):
    """The longest object name (or host prefix) the function name starts
    with, followed by a capital: the noun the function is named after."""
    best = None
    for n in list(object_names) + list(PY_HOST_NOUNS):
        if func_name.startswith(n) and len(func_name) > len(n) and \
                func_name[len(n)].isupper() and \
                (best is None or len(n) > len(best)):
            best = n
    return best


def py_method(func_name, cls, object_names):
    """virDomainGetXMLDesc on virDomain -> 'XMLDesc';
    virNetworkLookupByName on virConnect -> 'networkLookupByName'."""
    noun = py_noun(func_name, object_names)
    if noun is None:
        return func_name                    # virConnGetLastError
    rest = func_name[len(noun):]
    own = noun == cls or (cls == "virConnect" and noun in PY_HOST_NOUNS)
    if own:
        if cls not in PY_KEEP_GET and rest.startswith("Get") and \
                len(rest) > 3 and rest[3].isupper():
            rest = rest[3:]
        return py_lower_first(rest)
    if noun.startswith(cls):                # a child: dom.snapshotCreateXML
        return py_lower_first(func_name[len(cls):])
    if noun == PY_PRIMARY_NOUN and cls == "virConnect":
        return py_lower_first(rest)
    if rest.startswith(PY_NOUN_VERBS):
        return _py_noun_spelling(noun) + rest
    return py_lower_first(rest)


def py_function(func_name):
    """Module-level functions: virConnectOpen -> 'open'; the others keep
    their C name (virEventRegisterDefaultImpl)."""
    if func_name.startswith("virConnect"):
        return py_lower_first(func_name[len("virConnect"):])
    return func_name


def py_library_function(func_name):
    """Functions of libvirt_qemu and libvirt_lxc, as libvirt-python names
    them: virDomainQemuAttach -> 'qemuAttach',
    virConnectDomainQemuMonitorEventRegister -> 'qemuMonitorEventRegister'."""
    for head in ("virConnectDomain", "virDomain"):
        if func_name.startswith(head):
            return py_lower_first(func_name[len(head):])
    return func_name


def py_module(library, c_ext=False):
    """libvirt -> 'libvirt' (its C part 'libvirtmod'); libvirt-qemu ->
    'libvirt_qemu' ('libvirtmod_qemu')."""
    if not c_ext:
        return library.replace("-", "_")
    return "libvirtmod" + library[len("libvirt"):].replace("-", "_")


def py_arg(arg):
    """An argument's Python name: its own unless that is a keyword."""
    import keyword
    if keyword.iskeyword(arg.name):
        return arg.safe_name
    return arg.name


# A handle's parent in Python: the constructor's parameter and the method
# that returns it (virDomainSnapshot(dom, _obj).domain()).
PY_PARENT_PARAMS = {"virConnect": "conn", "virDomain": "dom",
                    "virNetwork": "net"}
PY_PARENT_METHODS = {"virConnect": "connect", "virDomain": "domain",
                     "virNetwork": "network"}


# ---- the RPC wire (remote program) --------------------------------------

def wire_handle(obj_name):
    """virDomainSnapshot -> 'domain_snapshot', virNWFilter -> 'nwfilter':
    the handle's wire type is remote_nonnull_<this> (remote_<this> when it
    may be NULL)."""
    import re
    base = obj_name[3:].replace("NWFilter", "Nwfilter")
    return re.sub(r"(?<!^)([A-Z])", r"_\1", base).lower()


def wire_proc_camel(proc_name):
    """REMOTE_PROC_DOMAIN_GET_INFO -> 'DomainGetInfo'."""
    short = proc_name.split("_PROC_", 1)[-1]
    return "".join(w[:1] + w[1:].lower() for w in short.split("_"))


def remote_client_stub(func_name):
    """virDomainGetInfo -> remoteDomainGetInfo: the remote driver's
    callback for that function."""
    return "remote" + func_name[3:]


def remote_dispatch_func(proc_name):
    """REMOTE_PROC_DOMAIN_GET_INFO -> remoteDispatchDomainGetInfo."""
    return "remoteDispatch" + wire_proc_camel(proc_name)


# Wire members whose C argument has another name (compared ignoring case
# and underscores; tried only when no argument has the member's own name).
WIRE_ARG_SYNONYMS = {
    "xml": ("xmlDesc", "xmldesc"),
    "path": ("disk",),
    "mac": ("macstr",),
    "offset": ("start", "utcoffset"),
    "name": ("portdev",),
    "iothreadsid": ("iothread_id",),
    "cpumap": ("vcpumap",),
    "maxnames": ("nameslen",),
    "maxstats": ("nr_stats",),
    "cells": ("freeMems",),
    "dst": ("disk",),
    "devaliases": ("devAlias",),
}

# An array member's length argument, where it is not n<member>.
WIRE_ARRAY_LEN = {
    "cpumap": "maplen",
    "xmlCPUs": "ncpus",
    "pages": "npages",
    "pageSizes": "npages",
    "pageCounts": "npages",
    "value": "value_size",
}


def wire_arg_names(member):
    """The C argument names a wire member may stand for, best first."""
    return (member,) + WIRE_ARG_SYNONYMS.get(member.replace("_", "").lower(),
                                             ())


def wire_array_len(member):
    """The C argument giving the length of array member `member`."""
    return WIRE_ARRAY_LEN.get(member, "n" + member)


def event_names(proc_name):
    """REMOTE_PROC_DOMAIN_EVENT_CALLBACK_BLOCK_JOB -> ('Domain', 'BLOCK_JOB',
    True): the object kind, the event (the tail of its VIR_*_EVENT_ID_
    constant) and whether the message names a callback (callback-id form);
    None for a message that is no object event."""
    short = proc_name.split("_PROC_", 1)[-1]
    for kind, word in (("Domain", "DOMAIN"), ("Network", "NETWORK"),
                       ("StoragePool", "STORAGE_POOL"),
                       ("NodeDevice", "NODE_DEVICE"), ("Secret", "SECRET")):
        head = word + "_EVENT_"
        if short.startswith(head):
            rest = short[len(head):]
            if rest.startswith("CALLBACK_"):
                return kind, rest[len("CALLBACK_"):], True
            return kind, rest, None      # decided by the message's members
    return None


def event_id_const(kind, event):
    """('StoragePool', 'LIFECYCLE') -> VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE."""
    import re
    word = re.sub(r"(?<!^)([A-Z])", r"_\1", kind).upper()
    return f"VIR_{word}_EVENT_ID_{event}"


def event_callback_candidates(kind, event):
    """C callback typedef names an event may use, best first (compared
    ignoring case and underscores): the event's own, then the kind's
    generic one."""
    base = event[:-2] if event.endswith("_2") else event
    camel = base.replace("_", "")
    own = [f"virConnect{kind}Event{camel}Callback"]
    if kind == "Domain" and base == "LIFECYCLE":
        own.append("virConnectDomainEventCallback")
    return own + [f"virConnect{kind}EventGenericCallback"]


# ---- Go (libvirt.org/go/libvirt) ----------------------------------------
# The rule below gives libvirt-go's names for most functions; the others
# are in ONE table, generator/import-data/go-names.tsv.

import os  # noqa: E402
import re  # noqa: E402

GO_NAMES_TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "import-data", "go-names.tsv")


def go_load_names(path=GO_NAMES_TSV):
    """{"method": {cfunc: (recv, name)}, "type": {cname: goname},
    "field": {"struct.field": (name, type)}, "arg": {"func.arg": type},
    "result": {"func" or "func.arg": type}} from the exceptions table."""
    names = {"method": {}, "type": {}, "field": {}, "arg": {}, "result": {}}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            kind, cname, goname = line.rstrip("\n").split("\t")[:3]
            if kind == "method":
                recv, _, meth = goname.rpartition(".")
                names["method"][cname] = (recv or None, meth)
            elif kind == "field":
                n, _, t = goname.partition(" ")
                names["field"][cname] = (n, t or None)
            elif kind in ("arg", "result"):
                names[kind][cname] = goname
            else:
                names["type"][cname] = goname
    return names


def go_receiver(func):
    """The Go type a function is a method of, or None."""
    oa = func.object_arg
    return oa.type[3:-3] if oa is not None else None


def go_method(func, exceptions):
    """virDomainGetName -> ("Domain", "GetName"); virStoragePoolLookupByName
    -> ("Connect", "LookupStoragePoolByName"); virNodeGetFreeMemory ->
    ("Connect", "GetFreeMemory"); virGetVersion -> (None, "GetVersion")."""
    if func.name in exceptions:
        return exceptions[func.name]
    base = func.name[3:]
    recv = go_receiver(func)
    if recv is None:
        return None, base
    m = re.match(r"^(\w+?)LookupBy(\w+)$", base)
    if m and m.group(1) != recv:
        return recv, "Lookup" + m.group(1) + "By" + m.group(2)
    if base.startswith(recv) and base != recv:
        base = base[len(recv):]
    elif recv == "Connect" and base.startswith("Node") and \
            not base.startswith("NodeDevice"):
        base = base[4:]
    return recv, base


def go_enum_type(cname, exceptions):
    """virDomainState -> DomainState; virDomainDestroyFlagsValues ->
    DomainDestroyFlags."""
    if cname in exceptions:
        return exceptions[cname]
    t = cname[3:] if cname.startswith("vir") else cname
    return t[:-6] if t.endswith("Values") else t


def go_constant(cname):
    """VIR_DOMAIN_RUNNING -> DOMAIN_RUNNING."""
    return cname[4:] if cname.startswith("VIR_") else cname


def go_field(struct, field, exceptions):
    """virDomainInfo.maxMem -> ("MaxMem", None): the type comes from the
    C one unless the table says otherwise."""
    key = f"{struct}.{field}"
    if key in exceptions:
        return exceptions[key]
    return field[0].upper() + field[1:], None


# ---- Perl (Sys::Virt's spelling) ----------------------------------------
# A handle object is a package (virDomain -> Sys::Virt::Domain, the
# connection is Sys::Virt itself); a function is a method of its object
# argument's package, named in snake case by the rules below.  Where they
# cannot give Sys::Virt's name the IDL says so with
# <binding lang="perl" mode="rename" name="...">.

PL_HOST_NOUNS = ("virConnect", "virNode")

# How an object is spelled inside a method name (get_<noun>_by_name).
PL_NOUN_SPELLING = {"virNWFilter": "nwfilter",
                    "virNWFilterBinding": "nwfilter_binding",
                    "virStorageVol": "storage_volume"}

# Words Sys::Virt spells its own way once the name is in snake case.
PL_WORD_FIXUPS = [("xml_desc", "xml_description"), ("io_thread", "iothread"),
                  ("nw_filter", "nwfilter"), ("_v_cpu", "_vcpu"),
                  ("io_tune", "iotune")]


def pl_package(obj_name):
    """virDomain -> 'Sys::Virt::Domain'; virConnect -> 'Sys::Virt'."""
    if obj_name == "virConnect":
        return "Sys::Virt"
    return "Sys::Virt::" + obj_name[3:]


def pl_snake(camel):
    """'GetXMLDesc' -> 'get_xml_description'; 'UUIDString' -> 'uuid_string'."""
    import re
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+[0-9]*",
                       camel)
    name = "_".join(w.lower() for w in words)
    for old, new in PL_WORD_FIXUPS:
        name = name.replace(old, new)
    return name


def _pl_noun_spelling(noun, parent=None):
    if (parent, noun) == ("virStoragePool", "virStorageVol"):
        return "volume"                 # pool.create_volume
    if parent and noun.startswith(parent) and noun != parent:
        short = pl_snake(noun[len(parent):])      # DomainSnapshot -> snapshot
        return "volume" if short == "vol" else short
    return PL_NOUN_SPELLING.get(noun) or pl_snake(noun[3:])


def pl_method(func_name, cls, object_names):
    """virDomainGetInfo on virDomain -> 'get_info';
    virDomainLookupByName on virConnect -> 'get_domain_by_name';
    virNodeGetInfo -> 'get_node_info'; virStorageVolCreateXML on
    virStoragePool -> 'create_volume'."""
    noun = py_noun(func_name, object_names)
    if noun is None:
        return None
    rest = func_name[len(noun):]
    for suffix in ("WithFlags", "Flags"):
        if rest.endswith(suffix) and len(rest) > len(suffix):
            rest = rest[:-len(suffix)]
    if noun == "virNode" and cls == "virConnect":
        if rest.startswith("Get"):
            return "get_node_" + pl_snake(rest[3:])
        return "node_" + pl_snake(rest)
    if noun == cls or (cls == "virConnect" and noun == "virConnect"):
        return pl_snake(rest)
    spelled = _pl_noun_spelling(noun, cls if cls != "virConnect" else None)
    if rest.startswith("LookupBy"):
        return f"get_{spelled}_by_{pl_snake(rest[8:])}"
    for verb in ("CreateXML", "DefineXML"):
        if rest == verb:
            return f"{verb[:-3].lower()}_{spelled}"
    return pl_snake(rest)


# ---- PHP (libvirt-php's spelling) ----------------------------------------
# Plain functions: libvirt_<noun>_<rest in snake case>, the noun being the
# C name's object (virDomainGetInfo -> libvirt_domain_get_info); the
# connection's lists drop their noun (virConnectListAllNetworks ->
# libvirt_list_all_networks).  libvirt-php glues some object names into one
# word; the rest of its names are rows of import-data/php-names.tsv.

PHP_WORD_SPELLING = [("StoragePool", "Storagepool"),
                     ("StorageVol", "Storagevolume"),
                     ("NodeDevice", "Nodedev"), ("NWFilter", "Nwfilter")]

PHP_NAMES_TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "import-data", "php-names.tsv")


def php_load_names(path=PHP_NAMES_TSV):
    """{kind: {C name: value}} from the PHP exceptions table."""
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            kind, cname, value = line.rstrip("\n").split("\t")[:3]
            names.setdefault(kind, {})[cname] = value
    return names


def php_snake(camel):
    """'GetXMLDesc' -> 'get_xml_desc'; 'ListAllStoragePools' ->
    'list_all_storagepools'; 'MigrateToURI2' -> 'migrate_to_uri2'."""
    for old, new in PHP_WORD_SPELLING:
        camel = camel.replace(old, new)
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+[0-9]*",
                       camel)
    return "_".join(w.lower() for w in words)


def php_function(func_name, exceptions=None):
    """virDomainGetInfo -> 'libvirt_domain_get_info';
    virConnectListAllDomains -> 'libvirt_list_all_domains';
    virGetVersion -> 'libvirt_get_version'."""
    if exceptions and func_name in exceptions:
        return exceptions[func_name]
    base = func_name[3:]
    if base.startswith("ConnectList"):
        return "libvirt_" + php_snake(base[len("Connect"):])
    return "libvirt_" + php_snake(base)


# ---- OCaml (module Libvirt, ocaml-libvirt's names) -------------------

ML_NAMES_TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "import-data", "ocaml-names.tsv")

# (module, C noun), in the order of libvirt.ml: a module sees only the
# ones before it.
ML_MODULES = [
    ("Connect", "virConnect"), ("Stream", "virStream"),
    ("Domain", "virDomain"), ("Domain_snapshot", "virDomainSnapshot"),
    ("Domain_checkpoint", "virDomainCheckpoint"), ("Event", "virEvent"),
    ("Network", "virNetwork"), ("Network_port", "virNetworkPort"),
    ("Pool", "virStoragePool"), ("Volume", "virStorageVol"),
    ("Secret", "virSecret"), ("Interface", "virInterface"),
    ("Node_device", "virNodeDevice"), ("Nwfilter", "virNWFilter"),
    ("Nwfilter_binding", "virNWFilterBinding"), ("Virterror", None),
]
ML_MODULE_ORDER = [m for m, _ in ML_MODULES]
ML_MODULE_OF_OBJECT = {n: m for m, n in ML_MODULES if n}

ML_KEYWORDS = {
    "and", "as", "assert", "begin", "class", "constraint", "do", "done",
    "downto", "else", "end", "exception", "external", "false", "for", "fun",
    "function", "functor", "if", "in", "include", "inherit", "initializer",
    "lazy", "let", "match", "method", "module", "mutable", "new", "nonrec",
    "object", "of", "open", "or", "private", "rec", "sig", "struct", "then",
    "to", "true", "try", "type", "val", "virtual", "when", "while", "with",
    "mod", "land", "lor", "lxor", "lsl", "lsr", "asr"}

# Spellings ocaml-libvirt shortens everywhere (list_pools).
ML_WORD_FIXUPS = [("storage_pools", "pools"), ("storage_pool", "pool")]


def ml_snake(camel):
    """'GetXMLDesc' -> 'get_xml_desc'; 'UUIDString' -> 'uuid_string'."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+[0-9]*",
                       camel)
    name = "_".join(w.lower() for w in words)
    for old, new in ML_WORD_FIXUPS:
        name = name.replace(old, new)
    return name


def ml_safe(name):
    """A value name OCaml accepts: 'new' -> 'new_'."""
    return name + "_" if name in ML_KEYWORDS else name


def ml_noun_module(func_name):
    """(module, rest of the C name) from the C name's noun:
    virNodeGetInfo -> ('Connect', 'NodeGetInfo')."""
    if func_name.startswith("virNode") and \
            not func_name.startswith("virNodeDevice"):
        return "Connect", func_name[3:]
    best = None
    for mod, noun in ML_MODULES:
        if noun and func_name.startswith(noun) and \
                (best is None or len(noun) > len(best[1])):
            best = (mod, noun)
    if best:
        return best[0], func_name[len(best[1]):]
    if "Error" in func_name:
        return "Virterror", func_name[3:]
    return None, func_name[3:]


def ml_handle_module(api, ctype):
    """The module of a handle type (virDomainPtr, virDomainPtr **)."""
    t = ctype[6:] if ctype.startswith("const ") else ctype
    o = api.object_of_ptr(t.rstrip(" *"))
    return ML_MODULE_OF_OBJECT.get(o.name) if o else None


def ml_place(api, func):
    """(module, name): the module of the C noun, or a later one whose
    handles the function takes or makes (virConnectListAllDomains ->
    Domain.list_all_domains); virNode... -> Connect.node_..."""
    mod, rest = ml_noun_module(func.name)
    mods = [mod] if mod else []
    for t in [a.type for a in func.args] + [func.ret.type]:
        m = ml_handle_module(api, t)
        if m:
            mods.append(m)
    if mods:
        mod = max(mods, key=ML_MODULE_ORDER.index)
    return mod, ml_safe(ml_snake(rest))


# ---- Java (libvirt-java's org.libvirt) -----------------------------------
# A handle object is a class (virDomain -> Domain); a function is a method
# of its object argument's class, named by the rule below.  Exceptions
# (names, classes, result and argument types, info classes) are in ONE
# table, generator/import-data/java-names.tsv.

JAVA_NAMES_TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "import-data", "java-names.tsv")


def java_load_names(path=JAVA_NAMES_TSV):
    """{kind: {C name: Java text}} from the exceptions table (one row per
    line: kind, C name, Java text; '#' starts a comment)."""
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            kind, cname, jname = line.rstrip("\n").split("\t")[:3]
            names.setdefault(kind, {})[cname] = jname
    return names


def java_class(obj_name, exceptions):
    """virDomain -> 'Domain'; virNodeDevice -> 'Device' (from the table)."""
    return exceptions.get("class", {}).get(obj_name) or obj_name[3:]


def java_lower_first(text):
    """'GetInfo' -> 'getInfo'; a leading acronym goes lower case as a
    whole: 'FSFreeze' -> 'fsFreeze'."""
    run = 0
    while run < len(text) and text[run].isupper():
        run += 1
    if run >= 3 and run < len(text):
        return text[:run - 1].lower() + text[run - 1:]
    return text[:1].lower() + text[1:]


def java_method(func_name, cls, object_names, exceptions):
    """virDomainGetInfo on virDomain -> 'getInfo'; virDomainLookupByName
    on virConnect -> 'domainLookupByName'; virDomainSnapshotCreateXML on
    virDomain -> 'snapshotCreateXML'; virNodeGetFreeMemory on virConnect
    -> 'getFreeMemory'.  None when the function names no object."""
    table = exceptions.get("method", {})
    if func_name in table:
        return table[func_name].rpartition(".")[2]
    noun = py_noun(func_name, object_names)
    if noun is None:
        return None
    rest = func_name[len(noun):]
    if noun == cls or (cls == "virConnect" and noun in PY_HOST_NOUNS):
        return java_lower_first(rest)
    if noun.startswith(cls):                 # a child: dom.snapshotNum
        return java_lower_first(noun[len(cls):] + rest)
    return java_lower_first(java_class(noun, exceptions)) + rest
