# SPDX-License-Identifier: LGPL-2.1-or-later
"""bindings/python/gen/: the Python binding, source-compatible with
libvirt-python.

Three files come out: libvirtmod.c (the C extension's generated wrappers
and its method table), libvirt.py (the module: hand-written module code,
one class per handle object, the constants) and coverage.tsv (how every
IDL function reaches Python, read by the coverage test).

Every function is bound in exactly one way:
- generated: its arguments and return fit one of the shapes below;
- custom: the IDL says <binding lang="python" mode="custom">, and a
  Python def of that name is in bindings/python/overrides/ (with its C
  part there too when it needs one);
- skip: <binding lang="python" mode="skip"> with the reason;
- destructor / parent: a handle's free function becomes the class's
  __del__, its get-connect accessor the Python parent (connect()).
Anything else stops the generator with the function's IDL location."""

import ast
import os
import re
import sys

from .. import writer
from ..naming import (PY_PARENT_METHODS, PY_PARENT_PARAMS, c_decl, py_arg,
                      py_function, py_library_function, py_method,
                      py_module)
from . import render

TARGET = "targets/python.py"

# The hand-written overrides live in the IDL's tree: api/virt-api.xml ->
# bindings/python/overrides.  (An IDL elsewhere, like the generator's test
# fixture, has none.)
OVERRIDES = os.path.join("bindings", "python", "overrides")

# In-arguments: C type -> (PyArg format, C type of the parsed local).
# Unsigned types parse like libvirt-python's, so the same values pass.
SCALAR_IN = {
    "int": ("i", "int"),
    "unsigned int": ("I", "unsigned int"),
    "long": ("l", "long"),
    "unsigned long": ("l", "long"),
    "long long": ("L", "long long"),
    "unsigned long long": ("L", "long long"),
    "size_t": ("n", "Py_ssize_t"),
    "double": ("d", "double"),
}

# Return values and scalar outputs: C type -> expression building the value.
SCALAR_OUT = {
    "int": "PyLong_FromLong((long){v})",
    "unsigned int": "PyLong_FromLong((long)(int){v})",
    "long": "PyLong_FromLong({v})",
    "unsigned long": "PyLong_FromLong((long){v})",
    "long long": "PyLong_FromLongLong({v})",
    "unsigned long long": "PyLong_FromLongLong((long long){v})",
    "double": "PyFloat_FromDouble({v})",
}

# Struct members (struct outputs become lists of their members).
FIELD_OUT = dict(SCALAR_OUT)
FIELD_OUT.update({
    "unsigned char": "PyLong_FromLong((long){v})",
    "unsigned short": "PyLong_FromLong((long){v})",
    "short": "PyLong_FromLong((long){v})",
    "char": "PyLong_FromLong((long){v})",
})

# Python-level failure test, by the IDL's error value.
PY_ERROR_TESTS = {"-1": "ret == -1", "0": "ret == 0", "NULL": "ret is None"}

INT_TYPES = {"int", "unsigned int", "long", "unsigned long", "long long",
             "unsigned long long", "size_t"}


class PythonError(Exception):
    pass


def _strip_const(t):
    return t[6:] if t.startswith("const ") else t


# ---- the shape of each function ----------------------------------------

class Shape:
    """A generated wrapper: how the C side parses, calls and answers, and
    what the Python method looks like."""

    def __init__(self, api, f, cls):
        self.api = api
        self.f = f
        self.cls = cls
        self.kind = "plain"
        self.decls = []            # C locals
        self.fmt = ""              # PyArg_ParseTuple format
        self.targets = []          # its targets
        self.pre = []              # C statements before the call
        self.call_args = []        # C call arguments
        self.outs = []             # (C type, local) of scalar outputs
        self.struct = None         # struct output
        self.list_item = None      # handle list: the object's name
        self.params = []           # Python parameters (name, default)
        self.py_args = []          # Python call arguments to libvirtmod
        self.ret_expr = "Py_None"  # C: building the Python value
        self.ret_void = False      # C: nothing to return but None
        self.ret_free = False      # C: free() the returned string
        self.out_items = []        # C: the values of a returned list
        self.py_test = None        # Python: when to raise libvirtError
        self.py_wrap = None        # Python: the class the value becomes
        self.tp_count = "int"      # typed parameters: the count's C type
        self.getter = None         # params-set: the getter's call model
        self.post = []             # C statements right after the call


def _object_class(api, ctype):
    o = api.object_of_ptr(ctype)
    return o.name if o else None


def _struct_of(api, ctype):
    """virDomainInfoPtr -> the non-opaque struct it points to."""
    for t in api.typedefs:
        if t.name == ctype and t.type.endswith("*"):
            base = t.type[:-1].strip()
            for s in api.structs:
                if s.name == base and not s.opaque:
                    return s
    return None


def _field_ctype(field):
    """'char model[32]' -> 'str'; 'unsigned long' -> itself; None if a
    member has no Python value."""
    m = re.match(r"^char \w+\[\w+\]$", field.type)
    if m:
        return "str"
    if field.type in FIELD_OUT:
        return field.type
    return None


def _fail(f, msg):
    raise PythonError(f"{f.where}: {f.name}: {msg}")


def shape_of(api, f, cls, method):
    """Fit f to a generated shape or raise PythonError saying why not."""
    s = Shape(api, f, cls)
    args = list(f.args)
    oa = f.object_arg
    if method and oa is not None:
        args = args[1:]
        s.decls.append(f"{oa.type} c_{oa.name};")
        s.decls.append(f"PyObject *py_{oa.name};")
        s.fmt += "O"
        s.targets.append(f"&py_{oa.name}")
        s.pre.append(f"c_{oa.name} = ({oa.type})vkpyUnwrap(py_{oa.name}, "
                     f"\"{oa.type}\");")
        s.call_args.append(f"c_{oa.name}")
        s.py_args.append("self._o")
    i = 0
    while i < len(args):
        a = args[i]
        t = _strip_const(a.type)
        nxt = args[i + 1] if i + 1 < len(args) else None
        pyname = py_arg(a)
        local = f"c_{a.name}"
        # libvirt-python's rule: flags and optional arguments default to
        # 0 (integers) or None
        default = None
        if a.name == "flags" or a.optional:
            default = "0" if t in INT_TYPES else "None"
        obj = _object_class(api, a.type)
        if f.impl in ("get-uuid", "get-uuid-string") and i == 0:
            # the accessor's output buffer: raw bytes or the string form
            s.kind = "uuid" if f.impl == "get-uuid" else "uuidstr"
            ctype = "unsigned char" if s.kind == "uuid" else "char"
            size = "VIR_UUID_BUFLEN" if s.kind == "uuid" else \
                "VIR_UUID_STRING_BUFLEN"
            s.decls.append(f"{ctype} {local}[{size}];")
            s.call_args.append(local)
            s.out_items = [f"PyBytes_FromStringAndSize((char *){local}, "
                           f"VIR_UUID_BUFLEN)" if s.kind == "uuid" else
                           f"PyUnicode_FromString({local})"]
        elif obj is not None:
            s.decls.append(f"{a.type} {local};")
            s.decls.append(f"PyObject *py_{a.name};")
            s.fmt += "O"
            s.targets.append(f"&py_{a.name}")
            s.pre.append(f"{local} = ({a.type})vkpyUnwrap(py_{a.name}, "
                         f"\"{a.type}\");")
            s.call_args.append(local)
            s.params.append([pyname, default])
            s.py_args.append(f"None if {pyname} is None else {pyname}._o")
        elif a.type in ("const char *",):
            s.decls.append(f"char *{local};")
            s.fmt += "z"
            s.targets.append(f"&{local}")
            s.call_args.append(local)
            s.params.append([pyname, default])
            s.py_args.append(pyname)
        elif a.type == "const unsigned char *" and nxt is not None and \
                nxt.type == "size_t":
            # a byte buffer and its length
            s.decls.append(f"char *{local};")
            s.decls.append(f"Py_ssize_t {local}_len;")
            s.fmt += "z#"
            s.targets += [f"&{local}", f"&{local}_len"]
            s.call_args += [f"(const unsigned char *){local}",
                            f"(size_t){local}_len"]
            s.params.append([pyname, None])
            s.py_args.append(pyname)
            i += 1
        elif a.type == "const unsigned char *":
            # a raw UUID: exactly VIR_UUID_BUFLEN bytes, else no answer
            s.decls.append(f"char *{local};")
            s.decls.append(f"Py_ssize_t {local}_len;")
            s.fmt += "z#"
            s.targets += [f"&{local}", f"&{local}_len"]
            s.pre.append(f"if (!{local} || {local}_len != VIR_UUID_BUFLEN)\n"
                         f"        Py_RETURN_NONE;")
            s.call_args.append(f"(const unsigned char *){local}")
            s.params.append([pyname, None])
            s.py_args.append(pyname)
        elif a.type == "virTypedParameterPtr" and nxt is not None and \
                nxt.type in ("int *", "int"):
            # typed parameters: read into a dict (the caller's array,
            # sized by a first call) or set from one
            if s.kind != "plain":
                _fail(f, "typed parameters next to another output")
            if nxt.type == "int *":
                s.kind = "params-get"
                s.call_args += ["tp_params", "&tp_n"]
            else:
                s.kind = "params-set"
                s.decls.append("PyObject *py_tp;")
                s.fmt += "O"
                s.targets.append("&py_tp")
                s.call_args += ["tp_params", "tp_n"]
                s.params.append([pyname, None])
                s.py_args.append(pyname)
            i += 1
        elif a.type == "const char **" and nxt is not None and \
                _strip_const(nxt.type) in ("int", "unsigned int"):
            # a list of str in (anything else is NULL, as libvirt-python
            # reads it)
            s.decls.append(f"PyObject *py_{a.name};")
            s.decls.append(f"char **{local} = NULL;")
            s.decls.append(f"unsigned int {local}_n = 0;")
            s.fmt += "O"
            s.targets.append(f"&py_{a.name}")
            s.pre.append(f"if (vkpyStringArray(py_{a.name}, &{local}, "
                         f"&{local}_n) < 0)\n        return NULL;")
            s.post.append(f"vkpyFreeStrings({local}, (int){local}_n);")
            s.call_args += [f"(const char **){local}",
                            f"({nxt.type}){local}_n"]
            s.params.append([pyname, default])
            s.py_args.append(pyname)
            i += 1
        elif a.type == "char ***":
            # a list of str out, its length the return value
            if s.kind != "plain":
                _fail(f, "a string list next to another output")
            s.kind = "strings"
            s.decls.append(f"char **{local} = NULL;")
            s.call_args.append(f"&{local}")
            s.out_items = [local]
        elif a.type == "virTypedParameterPtr *" and nxt is not None and \
                nxt.type in ("int *", "unsigned int *"):
            # typed parameters the library allocates
            if s.kind != "plain":
                _fail(f, "typed parameters next to another output")
            s.kind = "params-alloc"
            s.tp_count = nxt.type[:-2]
            s.call_args += ["&tp_params", "&tp_n"]
            i += 1
        elif t in SCALAR_IN:
            fmt, ltype = SCALAR_IN[t]
            s.decls.append(f"{ltype} {local};")
            s.fmt += fmt
            s.targets.append(f"&{local}")
            s.call_args.append(f"({a.type}){local}")
            s.params.append([pyname, default])
            s.py_args.append(pyname)
        elif a.type in ("char ** const", "char **") and nxt is not None \
                and nxt.type == "int":
            if s.kind != "plain":
                _fail(f, "more than one output")
            s.kind = "names"
            s.call_args += ["names", "max"]
            i += 1
        elif a.type.endswith("Ptr **") and \
                _object_class(api, a.type[:-3]) is not None:
            if s.kind != "plain":
                _fail(f, "more than one output")
            s.kind = "handles"
            s.list_item = _object_class(api, a.type[:-3])
            s.call_args.append("&items")
        elif a.type.endswith("Ptr") and _struct_of(api, a.type) is not None:
            st = _struct_of(api, a.type)
            if s.kind != "plain":
                _fail(f, f"argument '{a.name}' ({a.type}) is not a single "
                      "struct output")
            for fd in st.fields:
                if fd.union or _field_ctype(fd) is None:
                    _fail(f, f"struct {st.name} member '{fd.name}' has no "
                          "Python value")
            s.kind = "struct"
            s.struct = st
            s.decls.append(f"{st.name} {local};")
            s.call_args.append(f"&{local}")
        elif t.endswith(" *") and t[:-2] in SCALAR_OUT:
            if s.kind not in ("plain", "scalars"):
                _fail(f, "mixes scalar outputs with another output")
            s.kind = "scalars"
            s.decls.append(f"{t[:-2]} {local} = 0;")
            s.outs.append((t[:-2], local))
            s.call_args.append(f"&{local}")
        else:
            _fail(f, f"argument '{a.name}' has type '{a.type}', which no "
                  "Python rule handles: mark the function custom or skip "
                  "in the IDL")
        i += 1

    # An output next to an integer argument may be an array (or a struct
    # with a size): those are not guessed.
    if s.kind in ("scalars", "struct"):
        for a in args:
            t = _strip_const(a.type)
            if t in INT_TYPES and a.name != "flags":
                _fail(f, f"{s.kind} output next to integer argument "
                      f"'{a.name}' (an array?): mark it custom")
    _returns(api, f, s)
    if s.kind == "params-set":
        _params_getter(api, f, s, cls, method)
    _check_defaults(f, s)
    return s


def _params_getter(api, f, s, cls, method):
    """A params-set function reads the current parameters first, through
    the function of the same name with Get for Set, taking the same
    arguments: its types tell how to convert the dict."""
    name = f.name.replace("Set", "Get", 1)
    g = next((x for x in api.functions if x.name == name), None)
    if name == f.name or g is None:
        _fail(f, f"sets typed parameters but there is no {name} to read "
              "their types from: mark it custom")
    gs = shape_of(api, g, cls, method)
    if gs.kind not in ("params-get", "params-alloc") or \
            len(g.args) != len(f.args):
        _fail(f, f"{name} does not read the typed parameters it sets")
    args = []
    for sa, ga, ca in zip(f.args, g.args, s.call_args):
        if sa.type == "virTypedParameterPtr":
            args.append("&tp_known" if gs.kind == "params-alloc"
                        else "tp_known")
        elif sa.type == "int" and ca == "tp_n":
            args.append("&tp_nknown")
        elif sa.type != ga.type:
            _fail(f, f"{name} argument '{ga.name}' is not like "
                  f"'{sa.name}'")
        else:
            args.append(ca)
    count = [x if x != "tp_known" else "NULL" for x in args]
    s.getter = dict(alloc=gs.kind == "params-alloc", count_type=gs.tp_count,
                    call=f"{name}(" + ", ".join(args) + ")",
                    call_count=f"{name}(" + ", ".join(count) + ")")


def _returns(api, f, s):
    rt = f.ret.type
    accessor = f.impl.startswith("get-")
    if s.post and s.kind != "plain":
        _fail(f, "a string list in next to an output")
    if s.kind == "strings":
        if rt != "int":
            _fail(f, f"a string list with a '{rt}' return")
        s.py_test = "ret is None"
        return
    if s.kind.startswith("params-"):
        if rt != "int":
            _fail(f, f"typed parameters with a '{rt}' return")
        s.py_test = "ret is None" if s.kind != "params-set" else \
            PY_ERROR_TESTS.get(f.ret.error)
        return
    if s.kind != "plain":
        if rt != "int":
            _fail(f, f"an output with a '{rt}' return")
        s.py_test = "ret is None"
        if s.kind in ("uuid", "uuidstr"):
            s.ret_expr = s.out_items[0]
        elif s.kind == "scalars" and len(s.outs) == 1:
            ct, v = s.outs[0]
            s.ret_expr = SCALAR_OUT[ct].format(v=v)
        elif s.kind == "scalars":
            s.ret_expr = None      # the template builds the list
            s.out_items = [SCALAR_OUT[ct].format(v=v) for ct, v in s.outs]
        elif s.kind == "struct":
            local = None
            for a in f.args:
                if a.type.endswith("Ptr") and _struct_of(api, a.type):
                    local = f"c_{a.name}"
            items = []
            for fd in s.struct.fields:
                ft = _field_ctype(fd)
                v = f"{local}.{fd.name}"
                items.append("PyUnicode_FromString(" + v + ")" if ft == "str"
                             else FIELD_OUT[ft].format(v=v))
            s.out_items = items
            s.ret_expr = None      # the template builds the list
        elif s.kind == "handles":
            s.py_wrap = s.list_item
        return
    obj = _object_class(api, rt)
    if rt == "void":
        s.ret_void = True
        return
    if obj is not None:
        s.ret_expr = f"vkpyWrap(c_ret, \"{rt}\")"
        s.py_wrap = obj
    elif rt == "char *":
        s.ret_expr = "vkpyString(c_ret)"
        s.ret_free = True
    elif rt == "const char *":
        s.ret_expr = "vkpyString(c_ret)"
    elif rt in SCALAR_OUT:
        s.ret_expr = SCALAR_OUT[rt].format(v="c_ret")
    else:
        _fail(f, f"return type '{rt}' has no Python rule: mark the "
              "function custom or skip in the IDL")
    if not accessor:
        s.py_test = PY_ERROR_TESTS.get(f.ret.error)


def _check_defaults(f, s):
    seen = False
    for name, default in s.params:
        if default is not None:
            seen = True
        elif seen:
            _fail(f, f"argument '{name}' has no default but follows one "
                  "that has")


# ---- overrides ----------------------------------------------------------

class Overrides:
    """What bindings/python/overrides/ defines: Python code per class (or
    module area) and the C functions it adds to libvirtmod."""

    def __init__(self, top, library=None, libraries=()):
        """library: None for libvirt's own module, else a library name
        (libvirt-qemu): override files are taken by their name's prefix
        (libvirt-qemu.py, libvirt-qemu-events.c belong to libvirt_qemu)."""
        self.top = top
        path = os.path.join(top, OVERRIDES)
        self.classes = {}          # class -> (file, [method source], {def})
        self.module = []           # (file, source, {def: line})
        self.c_funcs = {}          # libvirtmod name -> file:line
        self.c_files = []
        self.binding_only = {}     # (class or None, name) -> reason
        self.errors = []
        self.py_text = ""          # every Python override, to find calls
        if not os.path.isdir(path):
            return
        for fn in sorted(os.listdir(path)):
            full = os.path.join(path, fn)
            owner = next((lib for lib in libraries
                          if re.match(re.escape(lib) + r"[-.]", fn)), None)
            if owner != library:
                continue
            if fn.endswith(".py"):
                self._read_py(full)
            elif fn.endswith(".c"):
                self._read_c(full)

    def _read_py(self, full):
        rel = os.path.relpath(full, self.top)
        with open(full, encoding="utf-8") as fh:
            text = fh.read()
        self.py_text += text
        tree = ast.parse(text, rel)
        stem = os.path.basename(full)[:-3]
        cls_nodes = [n for n in tree.body if isinstance(n, ast.ClassDef)
                     and n.name == stem]
        if cls_nodes:
            node = cls_nodes[0]
            if len(tree.body) != 1:
                self.errors.append(f"{rel}: a class override file holds "
                                   f"only 'class {stem}'")
            body = []
            defs = {}
            for n in node.body:
                seg = ast.get_source_segment(text, n, padded=True)
                if isinstance(n, ast.Assign) and \
                        any(isinstance(t, ast.Name) and
                            t.id == "_BINDING_ONLY" for t in n.targets):
                    for k, v in ast.literal_eval(n.value).items():
                        self.binding_only[(stem, k)] = v
                    continue
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    defs[n.name] = f"{rel}:{n.lineno}"
                    # keep decorators with their function
                    start = min([d.lineno for d in n.decorator_list] +
                                [n.lineno])
                    seg = "\n".join(text.split("\n")[start - 1:
                                                    n.end_lineno])
                elif isinstance(n, ast.Expr) and \
                        isinstance(n.value, ast.Constant):
                    continue       # the class's own docstring
                elif isinstance(n, ast.Assign) and \
                        all(isinstance(t, ast.Name) for t in n.targets):
                    for t in n.targets:
                        defs[t.id] = f"{rel}:{n.lineno}"
                else:
                    self.errors.append(f"{rel}:{n.lineno}: class override "
                                       "files hold only methods and "
                                       "attributes")
                    continue
                body.append(_dedent(seg))
            self.classes[stem] = (rel, body, defs)
            return
        defs = {}
        lines = text.split("\n")
        for n in tree.body:
            if isinstance(n, (ast.FunctionDef, ast.ClassDef)):
                defs[n.name] = f"{rel}:{n.lineno}"
            elif isinstance(n, ast.Assign) and \
                    any(isinstance(t, ast.Name) and t.id == "_BINDING_ONLY"
                        for t in n.targets):
                for k, v in ast.literal_eval(n.value).items():
                    self.binding_only[(None, k)] = v
                # a declaration for the generator, not module code
                for i in range(n.lineno - 1, n.end_lineno):
                    lines[i] = None
        text = "\n".join(x for x in lines if x is not None)
        self.module.append((rel, text, defs))

    def _read_c(self, full):
        rel = os.path.relpath(full, self.top)
        self.c_files.append(rel)
        with open(full, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                m = re.match(r"^VKPY_OVERRIDE\((\w+)\)", line)
                if m:
                    if m.group(1) in self.c_funcs:
                        self.errors.append(f"{rel}:{n}: {m.group(1)} is "
                                           "already defined at "
                                           f"{self.c_funcs[m.group(1)]}")
                    self.c_funcs[m.group(1)] = f"{rel}:{n}"


def _dedent(seg):
    """Method source as written inside its class, at one indent level."""
    lines = seg.split("\n")
    pad = min((len(x) - len(x.lstrip()) for x in lines if x.strip()),
              default=0)
    return "\n".join("    " + x[pad:] if x.strip() else "" for x in lines)


# ---- the model the templates print --------------------------------------

def _py_call(s, f, modname="libvirtmod"):
    return f"{modname}.{f.name}(" + ", ".join(s.py_args) + ")"


def _ctor(api, cls_of_self, ret_cls, f=None, prefix=""):
    """How a method of cls_of_self builds the object of ret_cls (prefix:
    "libvirt." in the modules beside libvirt's)."""
    parent = _parent_class(api, ret_cls)
    if cls_of_self is None:
        if parent is None:
            return f"{prefix}{ret_cls}(_obj=ret)"
        # a module function given the parent: libvirt_qemu.qemuAttach(conn)
        for a in (f.args if f else []):
            if _object_class(api, a.type) == parent:
                return f"{prefix}{ret_cls}({py_arg(a)}, _obj=ret)"
        return None
    if parent == cls_of_self:
        return f"{ret_cls}(self, _obj=ret)"
    if parent == "virConnect":
        return f"{ret_cls}(self._conn, _obj=ret)"
    if parent == "virDomain" and _parent_class(api, cls_of_self) == \
            "virDomain":
        return f"{ret_cls}(self._dom, _obj=ret)"
    return None


def _parent_class(api, cls):
    """The Python parent of a handle: its connection, or the object named
    by the first step of its IDL path to the connection (domain->conn)."""
    o = api.object(cls)
    if o is None or not o.conn:
        return None
    first = o.conn.split("->")[0]
    if first == "conn":
        return "virConnect"
    for cand in api.objects:
        if cand.short.lower() == first.lower() or \
                PY_PARENT_PARAMS.get(cand.name) == first:
            return cand.name
    return None


def _method_model(api, f, cls, pyname, s, modname="libvirtmod", prefix=""):
    params = ", ".join(n if d is None else f"{n}={d}" for n, d in s.params)
    result = "ret"
    if s.py_wrap is not None:
        ctor = _ctor(api, cls, s.py_wrap, f, prefix)
        if ctor is None:
            _fail(f, f"cannot tell the parent of the {s.py_wrap} it returns")
        if s.kind == "handles":
            result = "[" + ctor.replace("_obj=ret", "_obj=o") + \
                " for o in ret]"
        else:
            result = ctor
    doc = f.doc.replace("\\", "\\\\").replace('"', '\\"') \
        if f.doc else None
    return dict(name=pyname, cname=f.name,
                params=("self, " + params if params else "self")
                if cls else params,
                call=_py_call(s, f, modname), test=s.py_test, result=result,
                void=f.ret.type == "void" and s.kind == "plain", doc=doc)


def _c_model(f, s):
    items = s.out_items
    return dict(name=f.name, decls=s.decls, fmt=s.fmt, targets=s.targets,
                pre=s.pre, kind=s.kind, ret_decl=c_decl(f.ret.type, "c_ret"),
                void=s.ret_void,
                call=f"{f.name}(" + ", ".join(s.call_args) + ")",
                call_count=f"{f.name}(" + ", ".join(
                    "NULL" if x == "tp_params" else x
                    for x in s.call_args) + ")",
                tp_count=s.tp_count, getter=s.getter, post=s.post,
                ret_expr=s.ret_expr, free=s.ret_free, outs=items,
                nouts=len(items),
                item_type=f"{s.list_item}Ptr" if s.list_item else "",
                item_free=f"{s.list_item}Free" if s.list_item else "")


def build(api, libraries=()):
    """Sort every function into generated, custom, skipped; return the
    template model, or raise PythonError listing every problem.  For a
    library beside libvirt's (api.parent set) every function is a module
    function of its own module (libvirt_qemu.qemuAttach(conn, ...))."""
    idl = os.path.abspath(api.objects[0].where.file) if api.objects else "."
    library = api.name if api.parent is not None else None
    modname = py_module(api.name, c_ext=True)
    prefix = "libvirt." if library else ""
    ov = Overrides(os.path.dirname(os.path.dirname(idl)), library, libraries)
    errors = list(ov.errors)
    objects = [o.name for o in api.objects]
    classes = {o.name: dict(name=o.name, methods=[], overrides=[],
                            override_file=None, destructor=None,
                            parent=_parent_class(api, o.name),
                            parent_param=PY_PARENT_PARAMS.get(
                                _parent_class(api, o.name) or "", ""),
                            parent_method=PY_PARENT_METHODS.get(
                                _parent_class(api, o.name) or "", ""),
                            has_del=False, accessors=[])
               for o in api.objects}
    functions = []                 # module-level generated functions
    cfuncs = []                    # generated C wrappers
    coverage = []
    custom_at = {}                 # (class, pyname) -> function
    taken = {}                     # (class, pyname) -> function name

    for f in api.functions:
        b = f.binding("python")
        oa = f.object_arg
        cls = api.object_of_ptr(oa.type).name if oa is not None else None
        if b is not None and b.cls:
            cls = b.cls if b.cls != "None" else None
        if library:
            cls = None
        if b is not None and b.name:
            pyname = b.name
        elif library:
            pyname = py_library_function(f.name)
        elif cls is not None:
            pyname = py_method(f.name, cls, objects)
        else:
            pyname = py_function(f.name)
        where = f"{f.where}"
        if b is not None and not b.reason:
            errors.append(f"{b.where}: {f.name}: <binding lang=\"python\"> "
                          "needs a <reason>")
        if b is not None and b.mode == "rename" and not b.name:
            errors.append(f"{b.where}: {f.name}: rename without a name")
        if b is not None and b.mode == "skip":
            coverage.append((f.name, "skipped", "", "", b.reason))
            continue
        if b is not None and b.mode == "custom":
            custom_at[(cls, pyname)] = f
            coverage.append((f.name, "custom", cls or "", pyname, b.reason))
            if (b.cname or f.name) not in ov.c_funcs and \
                    re.search(r"\b" + modname + r"\." + f.name + r"\b",
                              ov.py_text):
                # Python by hand; the C wrapper still comes from a shape,
                # taking every argument (the handle too) as input.
                try:
                    cfuncs.append(_c_model(f, shape_of(api, f, cls, False)))
                except PythonError as e:
                    errors.append(f"{e} (custom for Python: write "
                                  f"VKPY_OVERRIDE({f.name}) in "
                                  "bindings/python/overrides)")
            continue
        if f.impl == "free" and cls is not None:
            classes[cls]["destructor"] = f.name
        elif cls is not None and len(f.args) == 1 and \
                _object_class(api, f.ret.type) is not None and \
                _object_class(api, f.ret.type) in \
                ("virConnect", _parent_class(api, cls)):
            # The C call hands back a borrowed parent; the Python object
            # keeps its own: connect(), domain(), network(), getDomain().
            parent = _object_class(api, f.ret.type)
            attr = "_conn" if parent == "virConnect" else \
                "_" + PY_PARENT_PARAMS[parent]
            if pyname not in PY_PARENT_METHODS.values():
                classes[cls]["accessors"].append(dict(name=pyname,
                                                      attr=attr))
            coverage.append((f.name, "parent", cls, pyname,
                             "the Python object keeps its parent"))
            continue
        try:
            s = shape_of(api, f, cls, cls is not None)
        except PythonError as e:
            errors.append(str(e))
            continue
        cfuncs.append(_c_model(f, s))
        if f.impl == "free" and cls is not None:
            coverage.append((f.name, "destructor", cls, "__del__",
                             "called when the Python object is collected"))
            continue
        key = (cls, pyname)
        if key in taken:
            errors.append(f"{where}: {f.name}: Python name {pyname} is "
                          f"already {taken[key]}'s")
            continue
        taken[key] = f.name
        try:
            m = _method_model(api, f, cls, pyname, s, modname, prefix)
        except PythonError as e:
            errors.append(str(e))
            continue
        if cls is None:
            functions.append(m)
        else:
            classes[cls]["methods"].append(m)
        coverage.append((f.name, "generated", cls or "", pyname,
                         f"shape {s.kind}"))

    # Overrides: every custom function has its Python def; nothing else
    # public is defined there.
    module_defs = {}
    for rel, text, defs in ov.module:
        for d, loc in defs.items():
            module_defs[d] = loc
    for (cls, pyname), f in custom_at.items():
        if cls is None:
            found = pyname in module_defs
        else:
            found = cls in ov.classes and pyname in ov.classes[cls][2]
        if not found:
            errors.append(f"{f.where}: {f.name} is custom for Python but "
                          f"bindings/python/overrides has no "
                          f"{(cls + '.') if cls else ''}{pyname}")
    for cls, (rel, body, defs) in ov.classes.items():
        if cls not in classes:
            errors.append(f"{rel}: no IDL object is called {cls}")
            continue
        classes[cls]["overrides"] = body
        classes[cls]["override_file"] = rel
        classes[cls]["has_del"] = "__del__" in defs
        for d, loc in defs.items():
            if d.startswith("_") or (cls, d) in custom_at or \
                    (cls, d) in ov.binding_only:
                continue
            errors.append(f"{loc}: {cls}.{d} is not declared custom for "
                          "Python in the IDL")
        for m in classes[cls]["methods"]:
            if m["name"] in defs:
                errors.append(f"{defs[m['name']]}: {cls}.{m['name']} is "
                              f"also generated from {m['cname']}")
    for d, loc in module_defs.items():
        if d.startswith("_") or (None, d) in custom_at or \
                (None, d) in ov.binding_only:
            continue
        errors.append(f"{loc}: {d} is not declared custom for Python in "
                      "the IDL")
    custom_names = {f.name for f in custom_at.values()} | \
        {f.binding("python").cname for f in custom_at.values()
         if f.binding("python").cname}
    for name, loc in ov.c_funcs.items():
        if name.startswith("_") or name in custom_names:
            continue
        errors.append(f"{loc}: libvirtmod.{name} overrides a function that "
                      "is not declared custom for Python in the IDL")
    for (cls, name), reason in ov.binding_only.items():
        coverage.append(("-", "binding-only", cls or "", name, reason))

    if errors:
        raise PythonError("\n".join(errors))

    constants = []
    for e in sorted(api.enums, key=lambda e: e.name):
        # a _LAST that is another value's alias is always defined: keep it
        vals = [(v.name, v.value) for v in e.values
                if not v.sentinel or v.alias]
        constants.append(dict(type=e.name, values=vals))
    params = [(m.name, m.string) for m in api.macros if m.string is not None]
    return dict(cfuncs=cfuncs, functions=functions, modname=modname,
                headers=[h.name for h in api.headers] if library else [],
                pymodule=py_module(api.name), prefix=prefix,
                classes=[classes[o.name] for o in api.objects],
                overrides_c=sorted(ov.c_funcs),
                objects=[o.name for o in api.objects],
                module_code=[(rel, text) for rel, text, _ in ov.module],
                constants=constants, params=params,
                coverage=sorted(coverage, key=lambda c: c[0]))


def generate(api, outdir):
    try:
        m = build(api, [lib.name for lib in api.libraries])
    except PythonError as e:
        for line in str(e).split("\n"):
            print(f"error: {line}", file=sys.stderr)
        raise SystemExit(1)
    out = os.path.join(outdir, "bindings", "python", "gen")
    names = [lib.name for lib in api.libraries]
    for lib in api.libraries:
        try:
            lm = build(lib, names)
        except PythonError as e:
            for line in str(e).split("\n"):
                print(f"error: {line}", file=sys.stderr)
            raise SystemExit(1)
        writer.write(os.path.join(out, lm["modname"] + ".c"),
                     writer.banner("c", TARGET) +
                     render("python/libvirtmod.c.j2", **lm))
        writer.write(os.path.join(out, lm["pymodule"] + ".py"),
                     writer.banner("sh", TARGET) +
                     render("python/library.py.j2", **lm))
        writer.write(os.path.join(out, f"coverage-{lm['pymodule']}.tsv"),
                     writer.banner("sh", TARGET) +
                     render("python/coverage.tsv.j2", **lm))
    writer.write(os.path.join(out, "libvirtmod.c"),
                 writer.banner("c", TARGET) +
                 render("python/libvirtmod.c.j2", **m))
    writer.write(os.path.join(out, "libvirt.py"),
                 writer.banner("sh", TARGET) +
                 render("python/libvirt.py.j2", **m))
    writer.write(os.path.join(out, "coverage.tsv"),
                 writer.banner("sh", TARGET) +
                 render("python/coverage.tsv.j2", **m))
