# SPDX-License-Identifier: LGPL-2.1-or-later
"""Plain data classes for the API model.  Targets read these, never XML."""

from dataclasses import dataclass, field
from typing import List, Optional


@dataclass
class Where:
    file: str
    line: int

    def __str__(self):
        return f"{self.file}:{self.line}"


@dataclass
class Header:
    name: str                      # "libvirt-domain"
    driver: Optional[str]          # driver table serving its functions
    error_domain: str = "VIR_FROM_NONE"   # of its entry points' errors
    where: Where = None
    library: Optional[str] = None  # another .so than libvirt's (libvirt-qemu)


@dataclass
class Object:
    name: str                      # "virDomain"
    conn: str                      # path from the handle to its connection
    invalid: str                   # error code for a bad handle
    error_domain: str              # of a bad handle; None: the header's
    where: Where = None

    @property
    def ptr(self):
        return self.name + "Ptr"

    @property
    def short(self):
        return self.name[3:]       # "Domain"


@dataclass
class Macro:
    name: str
    file: str
    since: str
    params: Optional[str]
    value: Optional[str]           # raw C text
    string: Optional[str]          # or a string constant
    where: Where = None


@dataclass
class EnumValue:
    name: str
    value: int
    since: str
    alias: Optional[str]
    sentinel: bool
    where: Where = None


@dataclass
class Enum:
    name: str
    file: str
    since: str
    kind: str                      # "enum" or "flags"
    values: List[EnumValue] = field(default_factory=list)
    doc: Optional[str] = None
    where: Where = None
    type_since: Optional[str] = None    # the type's name, if newer than `since`

    def mask(self):
        m = 0
        for v in self.values:
            if not v.sentinel and v.value > 0:
                m |= v.value
        return m


@dataclass
class Typedef:
    name: str
    file: str
    type: str
    since: str
    where: Where = None


@dataclass
class Field:
    name: str
    type: str                      # may embed the name for arrays
    union: List["Field"] = None
    deprecated: bool = False


@dataclass
class Struct:
    name: str
    tag: str
    file: str
    since: str
    opaque: bool
    fields: List[Field] = field(default_factory=list)
    where: Where = None


@dataclass
class Variable:
    name: str
    file: str
    type: str
    since: str
    where: Where = None
    symbol_since: Optional[str] = None  # linker node, if older than since


@dataclass
class Arg:
    name: str
    type: str
    role: Optional[str] = None     # "object" for the handle argument
    nullable: bool = False
    flags: Optional[List[str]] = None   # enum names, ["none"] or ["driver"]
    where: Where = None
    safe_name: Optional[str] = None     # used where `name` is a keyword
    optional: bool = False              # bindings give it a default value


@dataclass
class Unsupported:
    # What an entry point reports when the driver lacks the function:
    # `code` and `message` when `arg` has one of `bits` (always, with no
    # arg).
    code: str
    message: str
    arg: Optional[str] = None
    bits: List[str] = field(default_factory=list)
    where: Where = None


@dataclass
class ArgCheck:
    arg: str
    kind: str          # nonnull, nonnull-array, nonzero, positive,
                       # nonnegative, exclusive-flags, requires-flags,
                       # forbidden-flags (`bits` refused with `message`)
    len: Optional[str] = None        # nonnull-array: NULL is fine if 0
    bits: List[str] = field(default_factory=list)  # exclusive-flags
    deref: bool = False
    where: Where = None
    # requires-flags: one of `bits` set needs one of `needs` set too;
    # `message` replaces the usual sentence, `reporter` the function name
    # the error carries (a helper of libvirt's that makes the check).
    needs: List[str] = field(default_factory=list)
    message: Optional[str] = None
    reporter: Optional[str] = None


@dataclass
class Return:
    type: str
    error: str                     # "-1", "NULL", "0", "none", ...


@dataclass
class Callback:
    name: str
    file: str
    since: str
    ret: Return
    args: List[Arg] = field(default_factory=list)
    where: Where = None


@dataclass
class Binding:
    """How one language binds a function where its default rule does not
    fit: renamed, hand-written (custom) or left out (skip), with why."""
    lang: str
    mode: str                      # rename | custom | skip
    name: Optional[str] = None     # the established name in that language
    cls: Optional[str] = None      # the class holding a custom method
    reason: Optional[str] = None
    where: Where = None
    cname: Optional[str] = None    # its name in the binding's C extension


@dataclass
class Function:
    name: str
    file: str
    since: str
    impl: str                      # dispatch | manual | ref | free | get-*
    driver: Optional[str]
    access: str                    # "ro": allowed read-only; "rw": refused
    proc: Optional[int]
    ret: Return
    args: List[Arg] = field(default_factory=list)
    doc: Optional[str] = None
    reason: Optional[str] = None
    # Refused on read-only connections when arg has any of `bits` set, or
    # equals `equals`: list of (arg, "bits"|"equals", [constant names]).
    readonly_when: List[tuple] = field(default_factory=list)
    # libvirt's wording of those refusals when it is not "read only access
    # prevents <name>" (the SECURE flags of the ...GetXMLDesc functions).
    readonly_message: Optional[str] = None
    checks: List[ArgCheck] = field(default_factory=list)
    where: Where = None
    bindings: List[Binding] = field(default_factory=list)
    unsupported: List[Unsupported] = field(default_factory=list)

    def binding(self, lang):
        for b in self.bindings:
            if b.lang == lang:
                return b
        return None

    @property
    def object_arg(self):
        if self.args and self.args[0].role == "object":
            return self.args[0]
        return None

    @property
    def flags_arg(self):
        for a in self.args:
            if a.flags is not None:
                return a
        return None


# ---- the RPC wire description (<wire-*> and <procedure> elements) ------

@dataclass
class WireProgram:
    name: str                      # "remote", "keepalive"
    id: int                        # 0x20008086
    version: int
    where: Where = None


@dataclass
class WireConst:
    name: str                      # "REMOTE_DOMAIN_LIST_MAX"
    value: int
    source: Optional[str] = None   # the public constant it is defined by
    where: Where = None


@dataclass
class WireMember:
    """A struct member, a union arm, or what an alias stands for.

    type is a base word (int uint hyper uhyper char uchar short ushort
    double float bool string opaque) or a wire type's name.  size: a
    fixed array (or fixed opaque) of that many; max: a variable array (or
    opaque, or the string's length) of at most that many.  Both are a
    number or a wire constant's name."""
    name: Optional[str]
    type: str
    size: Optional[str] = None
    max: Optional[str] = None
    optional: bool = False         # XDR's "*": a 0/1 word, then the value
    case: Optional[int] = None     # union arms: the discriminant value
    label: Optional[str] = None    # ... and the public constant naming it
    where: Where = None


@dataclass
class WireType:
    name: str
    kind: str                      # struct | union | enum | alias
    members: List[WireMember] = field(default_factory=list)
    items: List[tuple] = field(default_factory=list)   # enum: (name, int)
    alias: Optional[WireMember] = None
    discriminant: Optional[WireMember] = None          # union only
    where: Where = None


@dataclass
class Procedure:
    program: str
    number: int
    name: str                      # "REMOTE_PROC_CONNECT_OPEN"
    kind: str                      # call | message (events, keepalive)
    args: Optional[str] = None     # payload of the call
    ret: Optional[str] = None      # payload of a successful reply
    msg: Optional[str] = None      # payload of the message
    priority: str = "low"          # high: served even when workers are busy
    generate: str = "none"         # which stubs libvirt generates
    stream: Optional[str] = None   # read | write (seen from the client)
    stream_arg: Optional[int] = None
    sparse_flag: Optional[str] = None
    implements: Optional[str] = None   # the C function it serves
    private: bool = False          # ... which is not public API
    also: List[str] = field(default_factory=list)
    where: Where = None
    # Stubs written by hand instead of generated (src/remote/ for the
    # client, src/daemon/ for the daemon): both | client | server, or None.
    handwritten: Optional[str] = None
    reason: Optional[str] = None   # ... and why

    @property
    def client_by_hand(self):
        return self.handwritten in ("both", "client")

    @property
    def server_by_hand(self):
        return self.handwritten in ("both", "server")


@dataclass
class Api:
    name: str
    version: str
    headers: List[Header] = field(default_factory=list)
    objects: List[Object] = field(default_factory=list)
    macros: List[Macro] = field(default_factory=list)
    enums: List[Enum] = field(default_factory=list)
    typedefs: List[Typedef] = field(default_factory=list)
    structs: List[Struct] = field(default_factory=list)
    variables: List[Variable] = field(default_factory=list)
    callbacks: List[Callback] = field(default_factory=list)
    functions: List[Function] = field(default_factory=list)
    wire_programs: List[WireProgram] = field(default_factory=list)
    wire_consts: List[WireConst] = field(default_factory=list)
    wire_types: List[WireType] = field(default_factory=list)
    procedures: List[Procedure] = field(default_factory=list)
    # The libraries beside libvirt.so (libvirt-qemu, libvirt-lxc), each an
    # Api of its own items; lookups fall back to the main Api (parent).
    libraries: List["Api"] = field(default_factory=list)
    parent: Optional["Api"] = None

    def enum(self, name):
        for e in self.enums:
            if e.name == name:
                return e
        return self.parent.enum(name) if self.parent else None

    def object(self, name):
        for o in self.objects:
            if o.name == name:
                return o
        return None

    def header(self, name):
        for h in self.headers:
            if h.name == name:
                return h
        return self.parent.header(name) if self.parent else None

    def object_of_ptr(self, ptrtype):
        for o in self.objects:
            if o.ptr == ptrtype:
                return o
        return None

    def split_libraries(self):
        """Move the items of headers that belong to another library into an
        Api per library, so targets that know nothing of them (libvirt.so's
        symbols, libvirt.py, the wire) are not given them."""
        libs = {}
        for h in self.headers:
            if h.library:
                libs.setdefault(h.library, Api(h.library, self.version,
                                               objects=self.objects,
                                               parent=self))
        if not libs:
            return
        of_file = {h.name: libs[h.library] for h in self.headers if h.library}
        for kind in ("headers", "macros", "enums", "typedefs", "structs",
                     "variables", "callbacks", "functions"):
            keep = []
            for item in getattr(self, kind):
                f = item.name if kind == "headers" else item.file
                if f in of_file:
                    getattr(of_file[f], kind).append(item)
                else:
                    keep.append(item)
            setattr(self, kind, keep)
        self.libraries = list(libs.values())

    def wire_type(self, name):
        for t in self.wire_types:
            if t.name == name:
                return t
        return None
