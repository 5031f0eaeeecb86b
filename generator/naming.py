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
