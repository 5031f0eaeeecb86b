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
