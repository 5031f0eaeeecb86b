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


@dataclass
class Object:
    name: str                      # "virDomain"
    conn: str                      # path from the handle to its connection
    invalid: str                   # error code for a bad handle
    error_domain: str
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
    where: Where = None

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

    def enum(self, name):
        for e in self.enums:
            if e.name == name:
                return e
        return None

    def object(self, name):
        for o in self.objects:
            if o.name == name:
                return o
        return None

    def header(self, name):
        for h in self.headers:
            if h.name == name:
                return h
        return None

    def object_of_ptr(self, ptrtype):
        for o in self.objects:
            if o.ptr == ptrtype:
                return o
        return None
