# SPDX-License-Identifier: LGPL-2.1-or-later
"""bindings/php/gen/: the PHP extension `libvirt`, source-compatible with
libvirt-php (functions libvirt_*, handles as resources, false and a
warning on failure, libvirt_get_last_error()).

Out come php_libvirt.c (the whole extension: resource types, one
PHP_FUNCTION per generated function with its arginfo, the hand-written
functions of bindings/php/overrides/ copied in, the function table,
constants, MINIT/MINFO) and coverage.tsv (how every IDL function reaches
PHP).

Every function is bound in exactly one way:
- generated: its arguments and return fit the shapes below;
- custom: <binding lang="php" mode="custom" name="libvirt_x"> in the IDL
  and a PHP_FUNCTION(libvirt_x) in bindings/php/overrides/;
- skip: <binding lang="php" mode="skip"> with the reason;
- lifecycle: free, ref and close are the resource's destructor;
- todo: a shape the generator does not make yet (the reason says which);
  the coverage test lists these as TODO, so they stay visible.
PHP functions of libvirt-php with no C function behind them (helpers such
as libvirt_list_domains) are hand-written too; coverage.tsv lists them as
`extra`."""

import os
import re

from .. import writer
from ..naming import (event_callback_candidates, php_function,
                      php_load_names, php_snake)
from . import render

TARGET = "targets/php.py"
OVERRIDES = os.path.join("bindings", "php", "overrides")

INTS = ("int", "unsigned int", "long", "unsigned long", "size_t",
        "unsigned short", "short", "unsigned char", "char")
LONGLONGS = ("long long", "unsigned long long")

# Results whose int is the answer (libvirt_domain_is_active), not a status.
ANSWER_WORDS = ("is", "has", "num", "get", "count")


class Todo(Exception):
    """A shape the generator does not make (yet)."""


def _base(t):
    return t[6:] if t.startswith("const ") else t


def resource_name(obj_name, names):
    """virDomain -> 'Libvirt domain' (libvirt-php's spellings are in the
    table, the others follow the words of the type's name)."""
    if obj_name in names.get("resource", {}):
        return names["resource"][obj_name]
    return "Libvirt " + php_snake(obj_name[3:]).replace("_", " ")


def _struct(api, ptrtype):
    if not ptrtype.endswith("Ptr"):
        return None
    name = ptrtype[:-3]
    for td in api.typedefs:
        if td.name == ptrtype and td.type.endswith(" *"):
            name = td.type[:-2]
    for s in api.structs:
        if s.name == name:
            return s
    return None


def _field_put(api, fld, arr, expr, int64=False):
    """C that adds a struct member to the PHP array {arr}, or None; 64-bit
    members are decimal strings unless int64 (PHP integers) is asked."""
    t = fld.type
    for td in api.typedefs:
        if td.name == t:
            t = td.type
    name = re.sub(r"\[.*", "", t.split()[-1]) if "[" in t else fld.name
    if re.match(r"char \w+\[", t):
        return f"add_assoc_string({arr}, \"{name}\", {expr}.{name});"
    if t in ("char *", "const char *"):
        return (f"if ({expr}.{name}) add_assoc_string({arr}, \"{name}\", "
                f"{expr}.{name}); else add_assoc_null({arr}, \"{name}\");")
    if t in INTS or (int64 and t in LONGLONGS):
        return f"add_assoc_long({arr}, \"{name}\", (zend_long){expr}.{name});"
    if t in LONGLONGS:
        return (f"vkphpAssocLongLong({arr}, \"{name}\", "
                f"{expr}.{name}, {int(t.startswith('unsigned'))});")
    if t == "double":
        return f"add_assoc_double({arr}, \"{name}\", {expr}.{name});"
    return None


class Fn:
    """One generated PHP_FUNCTION."""

    def __init__(self, name, f):
        self.name = name
        self.f = f
        self.params = []           # (php name, optional)
        self.spec = ""             # zend_parse_parameters' format
        self.zpp = []              # its pointers
        self.decls = []
        self.pre = []
        self.call = []
        self.post = []             # after the error test: the result
        self.cleanup = []          # always, after the call
        self.alt = None            # the plain variant without flags
        self.ret_decl = None
        self.ret_test = None
        self.after_call = []       # right after the call, before its test


def _is_count(a):
    """An argument that is the length of an array beside it (nfiles,
    npages, cellCount, maxCells)."""
    return a is not None and a.type in ("int", "unsigned int") and \
        bool(re.match(r"n[a-z]|max[A-Z]|.*Count$", a.name))


def _count_fn(api, f, names):
    """The function that says how long a caller-sized list must be:
    virConnectListDomains -> virConnectNumOfDomains."""
    cname = names.get("count", {}).get(f.name) or \
        f.name.replace("List", "NumOf", 1)
    for g in api.functions:
        if g.name == cname:
            return g
    return None


def _build(api, f, name, names):
    x = Fn(name, f)
    args = list(f.args)
    outs = []                      # (kind, code that sets zval `out`)
    k = 0
    first_res = True

    def param(pname, spec, optional=False):
        x.params.append((pname, optional))
        x.spec += spec

    while k < len(args):
        a = args[k]
        t = a.type
        bt = _base(t)
        var = f"a_{a.name}"
        nxt = args[k + 1] if k + 1 < len(args) else None
        cbt = _callbacks(api).get(t)
        if cbt is not None and nxt is not None and nxt.type == "void *" \
                and k + 2 < len(args) and \
                args[k + 2].type == "virFreeCallback":
            # a PHP callable (and its opaque value) behind a C trampoline
            if not _callback_ok(api, cbt):
                raise Todo(f"a callback of no PHP shape ({t})")
            x.decls += ["zval *z_cb = NULL;", "zval *z_opaque = NULL;",
                        "vkphpCallbackData *d_ = NULL;"]
            param("callback", "z")
            x.zpp.append("&z_cb")
            param("opaque", "z", True)
            x.zpp.append("&z_opaque")
            handle = next((f"z_{b.name}" for b in args[:k]
                           if api.object_of_ptr(_base(b.type))), "NULL")
            x.cbdata = (len(x.params) - 1, handle)
            m = re.match(r"virConnect(\w+)EventGenericCallback$", t)
            if m:
                idarg = next(b for b in args[:k] if b.name == "eventID")
                x.call.append(f"vkphpEventCb{m.group(1)}("
                              f"(int)a_{idarg.name})")
                x.tramp_kinds = getattr(x, "tramp_kinds", []) + \
                    [m.group(1)]
            else:
                x.call.append(f"vkphpCb_{t}")
                x.tramps = getattr(x, "tramps", []) + [t]
            x.call += ["d_", "vkphpCallbackFree"]
            k += 3
            continue
        if cbt is not None and (nxt is None or nxt.type != "void *") and \
                _callback_ok(api, cbt):
            # forgets a callback registered with the trampoline above
            x.call.append(f"vkphpCb_{t}")
            x.tramps = getattr(x, "tramps", []) + [t]
            k += 1
            continue
        if t.endswith(("Callback", "Func")) or "Callback" in t:
            raise Todo(f"takes a C callback ({a.name}: {t})")
        obj = api.object_of_ptr(bt) if bt.endswith("Ptr") else None
        if a.role == "object" or obj is not None:
            if obj is None:
                raise Todo(f"argument {a.name}: {t}")
            le = f"vkphpRes_{obj.name}"
            # registrations watch one object, or all of them (NULL)
            nullable = a.nullable or (not first_res and any(
                b.type == "virFreeCallback" for b in args))
            x.decls.append(f"zval *z_{a.name} = NULL;")
            x.decls.append(f"{bt} {var} = NULL;")
            # libvirt-php calls the handle argument $conn, whatever it is
            pname = "conn" if first_res else a.name
            first_res = False
            param(pname, "r!" if nullable else "r")
            x.zpp.append(f"&z_{a.name}")
            fetch = (f"{var} = ({bt})zend_fetch_resource(Z_RES_P(z_{a.name}), "
                     f"{le}.name, {le}.id);")
            if nullable:
                x.pre.append(f"if (z_{a.name}) {{")
                x.pre.append("    " + fetch)
                x.pre.append(f"    if (!{var}) RETURN_THROWS();")
                x.pre.append("}")
            else:
                x.pre.append(fetch)
                x.pre.append(f"if (!{var}) RETURN_THROWS();")
            x.call.append(var)
        elif t == "unsigned char *" and "cpumap" in a.name.lower():
            if "Get" in f.name:
                raise Todo("a CPU map going out")
            # a CPU map going in: bytes, and their length
            x.decls.append(f"char *{var} = NULL;")
            x.decls.append(f"size_t {var}_len = 0;")
            param(a.name, "s")
            x.zpp += [f"&{var}", f"&{var}_len"]
            x.call += [f"(unsigned char *){var}", f"(int){var}_len"]
            k += 2
            continue
        elif t in ("const char *", "const unsigned char *") and \
                nxt is not None and nxt.type in ("size_t", "int",
                                                 "unsigned int") and \
                nxt.name != "flags" and \
                (nxt.type == "size_t" or
                 nxt.name.lower().endswith(("len", "size", "bytes"))) and \
                not f.name.endswith("LookupByUUID"):
            # bytes and their length: one PHP string
            x.decls.append(f"char *{var} = NULL;")
            x.decls.append(f"size_t {var}_len = 0;")
            param(a.name, "s")
            x.zpp += [f"&{var}", f"&{var}_len"]
            x.call += [f"({t}){var}", f"({nxt.type}){var}_len"]
            k += 2
            continue
        elif t == "const unsigned char *" and f.name.endswith("LookupByUUID"):
            x.decls.append(f"char *{var} = NULL;")
            x.decls.append(f"size_t {var}_len = 0;")
            param(a.name, "s")
            x.zpp += [f"&{var}", f"&{var}_len"]
            x.pre.append(f"if ({var}_len != VIR_UUID_BUFLEN) {{")
            x.pre.append(f"    zend_argument_value_error({len(x.params)}, "
                         "\"must be 16 bytes long\");")
            x.pre.append("    RETURN_THROWS();")
            x.pre.append("}")
            x.call.append(f"(const unsigned char *){var}")
        elif t == "const char *":
            opt = a.nullable or \
                f"{f.name}.{a.name}" in names.get("optional", {})
            x.decls.append(f"char *{var} = NULL;")
            x.decls.append(f"size_t {var}_len = 0;")
            param(a.name, "s!" if opt else "s", opt)
            x.zpp += [f"&{var}", f"&{var}_len"]
            x.call.append(var)
        elif t in ("unsigned int", "int") and _is_count(a) and \
                nxt is not None and nxt.type in ("int *", "const int *") \
                and nxt.name in ("files", "fds"):
            # file descriptors going in: a PHP array of their numbers
            item = "int"
            x.decls.append(f"HashTable *{var}_ht = NULL;")
            x.decls.append(f"g_autofree {item} *{var} = NULL;")
            x.decls.append(f"size_t {var}_n = 0;")
            param(nxt.name, "h")
            x.zpp.append(f"&{var}_ht")
            x.pre.append(f"{var}_n = zend_hash_num_elements({var}_ht);")
            x.pre.append(f"{var} = g_new0({item}, {var}_n + 1);")
            x.pre.append(f"{{ zval *e; size_t j = 0; ZEND_HASH_FOREACH_VAL("
                         f"{var}_ht, e) {{ {var}[j++] = ({item})"
                         "zval_get_long(e); } ZEND_HASH_FOREACH_END(); }")
            x.call += [f"({t}){var}_n", var]
            k += 2
            continue
        elif t in INTS or t in LONGLONGS:
            default = names.get("optional", {}).get(f"{f.name}.{a.name}")
            x.decls.append(f"zend_long {var} = {default or 0};")
            opt = a.flags is not None or a.optional or default or \
                (a.name == "flags" and k == len(args) - 1)
            param(a.name, "l", opt)
            x.zpp.append(f"&{var}")
            x.call.append(f"({t}){var}")
        elif t == "double":
            x.decls.append(f"double {var} = 0;")
            param(a.name, "d")
            x.zpp.append(f"&{var}")
            x.call.append(var)
        elif t == "const char **" and nxt is not None and \
                nxt.type in ("unsigned int", "int", "size_t"):
            # an array of strings, and its length
            x.decls.append(f"HashTable *{var}_ht = NULL;")
            x.decls.append(f"g_autofree const char **{var} = NULL;")
            x.decls.append(f"size_t {var}_n = 0;")
            param(a.name, "h!", a.nullable)
            x.zpp.append(f"&{var}_ht")
            x.pre.append(f"if (vkphpStrings({var}_ht, &{var}, &{var}_n) < 0)")
            x.pre.append("    RETURN_THROWS();")
            x.call += [var, f"({nxt.type}){var}_n"]
            k += 2
            continue
        elif t in ("unsigned int *", "const unsigned int *", "int *",
                   "const int *") and nxt is not None and \
                nxt.type in ("int", "unsigned int") and \
                re.match(r"n[a-z]|.*(len|count)$", nxt.name) and \
                not nxt.name.startswith("max"):
            # numbers going in: a PHP array of integers, and its length
            item = _base(t)[:-2]
            x.decls.append(f"HashTable *{var}_ht = NULL;")
            x.decls.append(f"g_autofree {item} *{var} = NULL;")
            x.decls.append(f"size_t {var}_n = 0;")
            param(a.name, "h")
            x.zpp.append(f"&{var}_ht")
            x.pre.append(f"{var}_n = zend_hash_num_elements({var}_ht);")
            x.pre.append(f"{var} = g_new0({item}, {var}_n + 1);")
            x.pre.append(f"{{ zval *e; size_t j = 0; ZEND_HASH_FOREACH_VAL("
                         f"{var}_ht, e) {{ {var}[j++] = ({item})"
                         "zval_get_long(e); } ZEND_HASH_FOREACH_END(); }")
            x.call += [var, f"({nxt.type}){var}_n"]
            k += 2
            continue
        elif t in ("char ** const", "char **", "int *") and \
                nxt is not None and nxt.type == "int" and \
                (nxt.name.startswith("max") or nxt.name.endswith("len")) \
                and not outs:
            # names or ids into a caller-sized array, sized first
            item = "char *" if t.startswith("char") else "int"
            count = _count_fn(api, f, names)
            if count is None:
                raise Todo("a list with no function to size it")
            rest = [b for b in args[k + 2:]]
            if [b.type for b in count.args] != \
                    [b.type for b in args[:k]] + [b.type for b in rest]:
                raise Todo(f"a list sized by {count.name} with other "
                           "arguments")
            x.decls.append(f"g_autofree {item} *{var} = NULL;")
            x.decls.append(f"int {var}_max;")
            x.decls.append("int j;")
            x.count = (count.name, len(x.call), var, item)
            x.call += [var, f"{var}_max"]
            if item == "int":
                outs.append(("list", [
                    "array_init(return_value);",
                    f"for (j = 0; j < ret; j++) add_next_index_long("
                    f"return_value, {var}[j]);"]))
            else:
                outs.append(("list", [
                    "array_init(return_value);",
                    f"for (j = 0; j < ret; j++) {{ add_next_index_string("
                    f"return_value, {var}[j]); free({var}[j]); }}"]))
            k += 2
            continue
        elif t == "char ***" and not outs:
            x.decls.append(f"char **{var} = NULL;")
            x.decls.append("int j;")
            x.call.append(f"&{var}")
            outs.append(("list", [
                "array_init(return_value);",
                f"for (j = 0; j < ret; j++) {{ add_next_index_string("
                f"return_value, {var}[j]); free({var}[j]); }}",
                f"free({var});"]))
        elif t.endswith(" **") and api.object_of_ptr(t[:-3]) and not outs:
            o = api.object_of_ptr(t[:-3])
            x.decls.append(f"{t[:-3]} *{var} = NULL;")
            x.decls.append("int j;")
            x.call.append(f"&{var}")
            outs.append(("list", [
                "array_init(return_value);",
                f"for (j = 0; j < ret; j++) {{ zval r; ZVAL_RES(&r, "
                f"zend_register_resource({var}[j], vkphpRes_{o.name}.id)); "
                "add_next_index_zval(return_value, &r); }",
                f"free({var});"]))
        elif t.endswith("Ptr **") and _struct(api, t[:-3]) is not None and \
                not outs:
            # structs the library allocates, each freed by its Free
            st = _struct(api, t[:-3])
            free_fn = t[:-6] + "Free"
            if not any(g.name == free_fn for g in api.functions):
                raise Todo(f"a list of {st.name} with no {free_fn}")
            code = []
            for fld in st.fields:
                c = _field_put(api, fld, "&e", f"(*{var}[j])",
                               f.name in names.get("int64", {}))
                if c is None:
                    raise Todo(f"struct {st.name} member {fld.name}")
                code.append(c)
            x.decls.append(f"{t[:-3]} *{var} = NULL;")
            x.decls.append("int j;")
            x.call.append(f"&{var}")
            outs.append(("list", [
                "array_init(return_value);",
                "for (j = 0; j < ret; j++) {",
                "    zval e;",
                "    array_init(&e);"] +
                ["    " + c for c in code] + [
                "    add_next_index_zval(return_value, &e);",
                f"    {free_fn}({var}[j]);",
                "}",
                f"free({var});"]))
        elif t in ("virTypedParameterPtr *",) and nxt is not None and \
                nxt.type in ("int *", "unsigned int *") and not outs:
            x.decls.append(f"virTypedParameterPtr {var} = NULL;")
            x.decls.append(f"{nxt.type[:-2]} {var}_n = 0;")
            x.call += [f"&{var}", f"&{var}_n"]
            outs.append(("params", [
                f"vkphpParamsToArray(return_value, {var}, {var}_n);",
                f"virTypedParamsFree({var}, {var}_n);"]))
            k += 2
            continue
        elif t == "virTypedParameterPtr" and nxt is not None and \
                nxt.type == "int *" and not outs:
            # a caller-sized list: asked for its length first (NULL list)
            x.decls.append(f"g_autofree virTypedParameter *{var} = NULL;")
            x.decls.append(f"int {var}_n = 0;")
            x.call += [var, f"&{var}_n"]
            x.params_get = (len(x.call) - 2, var)
            outs.append(("params", [
                f"vkphpParamsToArray(return_value, {var}, {var}_n);",
                f"virTypedParamsClear({var}, {var}_n);"]))
            k += 2
            continue
        elif t == "virTypedParameterPtr" and nxt is not None and \
                nxt.type in ("int", "unsigned int") and \
                f.name in _param_tables(api):
            # an array name => value, typed by perl-params.tsv's table
            x.decls.append(f"HashTable *{var}_ht = NULL;")
            x.decls.append(f"virTypedParameterPtr {var} = NULL;")
            x.decls.append(f"int {var}_n = 0;")
            param(a.name, "h")
            x.zpp.append(f"&{var}_ht")
            tab = f"vkphpParams_{f.name}"
            x.params_tab = (f.name, _param_tables(api)[f.name])
            x.pre.append(f"if (vkphpParamsFromTable({var}_ht, {tab}, "
                         f"G_N_ELEMENTS({tab}), &{var}, &{var}_n) < 0)")
            x.pre.append("    RETURN_FALSE;")
            x.after_call.append(f"virTypedParamsFree({var}, {var}_n);")
            x.call += [var, f"({nxt.type}){var}_n"]
            k += 2
            continue
        elif t == "virTypedParameterPtr" and nxt is not None and \
                nxt.type == "int":
            # an array name => value, typed by the getter's list
            getter = _getter_of(api, f, k, names)
            x.decls.append(f"HashTable *{var}_ht = NULL;")
            x.decls.append(f"g_autofree virTypedParameter *{var} = NULL;")
            x.decls.append(f"int {var}_n = 0;")
            param(a.name, "h")
            x.zpp.append(f"&{var}_ht")
            x.call += [var, f"{var}_n"]
            x.params_set = (len(x.call) - 2, var, getter)
            k += 2
            continue
        elif t == "void *" and k > 0 and args[k - 1].type == "size_t" and \
                not outs:
            # a buffer of the size just given: bytes back (memory_peek)
            size = x.call[-1]
            x.decls.append(f"g_autofree char *{var} = NULL;")
            # bounded before allocating: libvirt refuses far less anyway
            x.pre.append(f"if ({size} > 64 * 1024 * 1024) {{")
            x.pre.append(f"    zend_argument_value_error({len(x.params)}, "
                         "\"must be at most 64 MiB\");")
            x.pre.append("    RETURN_THROWS();")
            x.pre.append("}")
            x.pre.append(f"{var} = g_malloc0({size} + 1);")
            x.call.append(var)
            outs.append(("bytes", [f"RETVAL_STRINGL({var}, {size});"]))
        elif t == "char *" and nxt is not None and nxt.type == "size_t" \
                and not outs and f.ret.type == "int":
            # a buffer to fill: the bytes received (or libvirt's negative
            # answers other than -1 as they are)
            x.decls.append(f"g_autofree char *{var} = NULL;")
            x.decls.append(f"zend_long {var}_size = 0;")
            param(nxt.name, "l")
            x.zpp.append(f"&{var}_size")
            x.pre.append(f"if ({var}_size < 0 || "
                         f"{var}_size > 64 * 1024 * 1024) {{")
            x.pre.append(f"    zend_argument_value_error({len(x.params)}, "
                         "\"must be between 0 and 64 MiB\");")
            x.pre.append("    RETURN_THROWS();")
            x.pre.append("}")
            x.pre.append(f"{var} = g_malloc0({var}_size + 1);")
            x.call += [var, f"(size_t){var}_size"]
            outs.append(("bytes", [f"if (ret < 0) RETVAL_LONG(ret); else "
                                   f"RETVAL_STRINGL({var}, ret);"]))
            k += 2
            continue
        elif t == "char **" and not a.nullable and not outs and \
                f.ret.type == "int":
            # a string the library allocates
            x.decls.append(f"char *{var} = NULL;")
            x.call.append(f"&{var}")
            outs.append(("string", [f"RETVAL_STRING({var});",
                                    f"free({var});"]))
        elif t == "size_t *" and f.ret.type == "unsigned char *":
            x.decls.append(f"size_t {var} = 0;")
            x.call.append(f"&{var}")
            x.bytes_len = var
        elif _struct(api, t) is not None and not outs and \
                nxt is not None and nxt.name not in ("size", "flags") and \
                nxt.type in ("int", "unsigned int", "size_t"):
            raise Todo(f"an array of {t[:-3]} going out")
        elif _struct(api, t) is not None and not outs:
            s = _struct(api, t)
            x.decls.append(f"{s.name} {var};")
            x.pre.append(f"memset(&{var}, 0, sizeof({var}));")
            x.call.append(f"&{var}")
            if nxt is not None and nxt.type == "size_t" and \
                    nxt.name == "size":
                x.call.append(f"sizeof({s.name})")
                k += 1
            code = ["array_init(return_value);"]
            order = names.get("keys", {}).get(f.name, "").split()
            fields = sorted(s.fields, key=lambda fl: order.index(fl.name)
                            if fl.name in order else len(order))
            for fld in fields:
                c = _field_put(api, fld, "return_value", var,
                               f.name in names.get("int64", {}))
                if c is None:
                    raise Todo(f"struct {s.name} member {fld.name}")
                code.append(c)
            outs.append(("struct", code))
        elif t in ("unsigned char *", "char *") and \
                f.name.endswith(("GetUUID", "GetUUIDString")):
            raw = f.name.endswith("GetUUID")
            size = "VIR_UUID_BUFLEN" if raw else "VIR_UUID_STRING_BUFLEN"
            x.decls.append(f"char {var}[{size}];")
            x.call.append(f"({t}){var}")
            outs.append(("string", [
                f"RETVAL_STRINGL({var}, VIR_UUID_BUFLEN);" if raw else
                f"RETVAL_STRING({var});"]))
        elif t.endswith(" *") and t[:-2] in INTS + LONGLONGS and \
                a.nullable and f.ret.type not in ("int", "void"):
            x.call.append("NULL")      # the answer is the return value
        elif t.endswith(" *") and _base(t)[:-2] in INTS + LONGLONGS and \
                (_is_count(args[k - 1]) or _is_count(nxt) or
                 any(re.match(r"max[A-Z]", b.name) for b in args[k + 1:]) or
                 a.name in ("files", "fds")):
            raise Todo(f"an array of numbers ({a.name}: {t})")
        elif t.endswith(" *") and t[:-2] in INTS + LONGLONGS + ("double",) \
                and t != "char *" and not a.nullable and \
                all(o[0] == "scalar" for o in outs):
            ct = t[:-2]
            x.decls.append(f"{ct} {var} = 0;")
            x.call.append(f"&{var}")
            if ct in LONGLONGS:
                put = f"vkphpZvalLongLong(&v, {var}, " \
                      f"{int(ct.startswith('unsigned'))});"
            elif ct == "double":
                put = f"ZVAL_DOUBLE(&v, {var});"
            else:
                put = f"ZVAL_LONG(&v, (zend_long){var});"
            outs.append(("scalar", [put]))
        else:
            raise Todo(f"argument {a.name}: {t}")
        k += 1

    if getattr(x, "cbdata", None):
        pos, handle = x.cbdata
        x.pre.append("if (!zend_is_callable(z_cb, 0, NULL)) {")
        x.pre.append(f"    zend_argument_type_error({pos}, "
                     "\"must be a valid callback\");")
        x.pre.append("    RETURN_THROWS();")
        x.pre.append("}")
        x.pre.append(f"d_ = vkphpCallbackNew({handle}, z_cb, z_opaque);")
        # libvirt keeps it only when the registration succeeds
        x.after_call.append(f"if (ret == {f.ret.error}) "
                            "vkphpCallbackFree(d_);")

    if getattr(x, "count", None):
        cname, pos, var, item = x.count
        cargs = ", ".join(x.call[:pos] + x.call[pos + 2:])
        x.pre.append(f"{var}_max = {cname}({cargs});")
        x.pre.append(f"if ({var}_max < 0) RETURN_FALSE;")
        x.pre.append(f"{var} = g_new0({item}, {var}_max + 1);")

    if getattr(x, "params_set", None):
        pos, var, g = x.params_set
        lead = x.call[:pos]
        tail = x.call[pos + 2:]
        gtail = tail if len(g.args) > pos + 2 else []
        sizer = names.get("count", {}).get(g.name)
        alloc = g.args[pos].type == "virTypedParameterPtr *"
        if alloc:
            # the getter allocates the list itself
            gargs = ", ".join(lead + [f"&{var}_a", f"&{var}_n"] + gtail)
            x.decls.append(f"virTypedParameterPtr {var}_a = NULL;")
            x.pre.append(f"if ({g.name}({gargs}) < 0)")
            x.pre.append("    RETURN_FALSE;")
            x.pre.append(f"{var} = {var}_a;")
        elif sizer:
            x.decls.append("char *sizer = NULL;")
            x.pre.append(f"if (!(sizer = {sizer}({lead[0]}, &{var}_n)))")
            x.pre.append("    RETURN_FALSE;")
            x.pre.append("free(sizer);")
        else:
            gargs = ", ".join(lead + ["NULL", f"&{var}_n"] + gtail)
            x.pre.append(f"if ({g.name}({gargs}) < 0)")
            x.pre.append("    RETURN_FALSE;")
        if not alloc:
            x.pre.append(f"{var} = g_new0(virTypedParameter, {var}_n + 1);")
            gargs = ", ".join(lead + [var, f"&{var}_n"] + gtail)
            x.pre.append(f"if ({g.name}({gargs}) < 0)")
            x.pre.append("    RETURN_FALSE;")
        x.pre.append(f"{var}_n = vkphpParamsFromArray({var}_ht, {var}, "
                     f"{var}_n);")
        x.after_call.append(f"virTypedParamsClear({var}, {var}_n);")

    if getattr(x, "params_get", None):
        pos, var = x.params_get
        first = x.call[:pos] + ["NULL"] + x.call[pos + 1:]
        sizer = names.get("count", {}).get(f.name)
        if sizer:
            # the list's length comes from another call (the scheduler's)
            x.decls.append("char *sizer = NULL;")
            x.pre.append(f"if (!(sizer = {sizer}({x.call[0]}, &{var}_n)))")
            x.pre.append("    RETURN_FALSE;")
            x.pre.append("free(sizer);")
        else:
            x.pre.append(f"if ({f.name}({', '.join(first)}) < 0)")
            x.pre.append("    RETURN_FALSE;")
        x.pre.append(f"{var} = g_new0(virTypedParameter, {var}_n + 1);")

    # XML documents: libvirt-php takes an XPath after the handle and
    # answers the first match's text instead (the document if none).
    xpath = _base(f.ret.type) == "char *" and \
        f.name.endswith(("GetXMLDesc", "GetCapabilities")) and \
        x.spec.startswith("r")
    if xpath:
        tokens = re.findall(r"[a-z]!?", x.spec)
        x.spec = "".join(tokens[:1] + ["s!"] + tokens[1:])
        x.params.insert(1, ("xpath", True))
        x.zpp.insert(1, "&xpath, &xpath_len")
        x.decls += ["char *xpath = NULL;", "size_t xpath_len = 0;"]

    # Optional parameters must all come last.
    seen_req = False
    for n in range(len(x.params) - 1, -1, -1):
        pname, opt = x.params[n]
        if not opt:
            seen_req = True
        elif seen_req:
            x.params[n] = (pname, False)
    spec, n = "", 0
    for ch in re.findall(r"[a-z]!?", x.spec):
        if x.params[n][1] and "|" not in spec:
            spec += "|"
        spec += ch
        n += 1
    x.spec = spec
    x.required = len([p for p in x.params if not p[1]])

    # The result.
    ret = f.ret
    rt = ret.type
    ret_shape = names.get("returns", {}).get(f.name)
    if rt == "void":
        x.ret_test = None
    else:
        bt = _base(rt)
        o = api.object_of_ptr(bt) if bt.endswith("Ptr") else None
        if o is not None:
            x.ret_decl = f"{bt} ret;"
            if _borrowed(api, f):
                x.post.append(f"{_borrowed(api, f)}(ret);")
            x.post.append(f"RETVAL_RES(zend_register_resource(ret, "
                          f"vkphpRes_{o.name}.id));")
        elif rt == "unsigned char *" and getattr(x, "bytes_len", None):
            x.ret_decl = f"{rt}ret;"
            x.post.append(f"RETVAL_STRINGL((const char *)ret, "
                          f"{x.bytes_len});")
            x.post.append("free(ret);")
        elif rt in ("char *", "const char *"):
            x.ret_decl = f"{rt}ret;"
            x.post.append("vkphpXMLResult(return_value, ret, xpath);"
                          if xpath else "RETVAL_STRING(ret);")
            if rt == "char *":
                x.post.append("free(ret);")
        elif rt in INTS or rt in LONGLONGS or rt == "double":
            x.ret_decl = f"{rt} ret;"
            words = name.split("_")
            if outs:
                if ret_shape == "bool" and len(outs) == 1 and \
                        outs[0][0] == "scalar":
                    outs[0] = ("scalar", ["ZVAL_BOOL(&v, " +
                                          x.call[-1].lstrip("&") + ");"])
            elif ret_shape == "bool":
                x.post.append("RETVAL_BOOL(ret);")
            elif ret_shape == "int":
                x.post.append("RETVAL_LONG((zend_long)ret);")
            elif rt in LONGLONGS:
                x.post.append(f"vkphpZvalLongLong(return_value, ret, "
                              f"{int(rt.startswith('unsigned'))});")
            elif rt == "double":
                x.post.append("RETVAL_DOUBLE(ret);")
            elif ret.error != "-1" or getattr(x, "cbdata", None) or \
                    any(w in ANSWER_WORDS for w in words[2:4]):
                x.post.append("RETVAL_LONG((zend_long)ret);")
            else:
                x.post.append("RETVAL_TRUE;")
        else:
            raise Todo(f"returns {rt}")
        if ret.error == "none":
            x.ret_test = None
        elif ret.error == "NULL":
            x.ret_test = "ret == NULL"
        else:
            x.ret_test = f"ret == {ret.error}"
        warn = names.get("warning", {}).get(f.name)
        if warn and ret.error != "none":
            x.after_call.append(f"if (ret == {ret.error})")
            x.after_call.append("    php_error_docref(NULL, E_WARNING, "
                                f"\"{warn}\");")
        if ret_shape == "int":
            x.ret_test = None          # libvirt-php answers -1 too
    scalars = [o for o in outs if o[0] == "scalar"]
    if len(scalars) == 1:
        x.post += ["{ zval v;"] + ["    " + c for c in scalars[0][1]] + \
            ["    RETVAL_COPY_VALUE(&v); }"]
    elif scalars:
        x.post.append("array_init(return_value);")
        for o in scalars:
            x.post += ["{ zval v;"] + ["    " + c for c in o[1]] + \
                ["    add_next_index_zval(return_value, &v); }"]
    else:
        for o in outs:
            x.post += o[1]
    return x


def _callbacks(api):
    """{typedef name: Callback} of libvirt and its side libraries."""
    out = {}
    for a in [api] + list(api.libraries):
        for c in a.callbacks:
            out[c.name] = c
    return out


def _cb_arg(api, args, k):
    """(C lines putting a callback's args[k] into argv_[n_], arguments
    used), or None when no rule converts it."""
    a = args[k]
    t = a.type
    bt = _base(t)
    nxt = args[k + 1] if k + 1 < len(args) else None
    z = "&argv_[n_]"
    o = api.object_of_ptr(bt) if bt.endswith("Ptr") else None
    if o is not None and k == 0:
        # the handle the registration was made on: its own resource
        return [f"if (Z_TYPE(d_->handle) != IS_UNDEF) ZVAL_COPY({z}, "
                f"&d_->handle); else ZVAL_NULL({z});", "n_++;"], 1
    if o is not None:
        return [f"if ({a.name}) {{ {o.name}Ref({a.name}); ZVAL_RES({z}, "
                f"zend_register_resource({a.name}, vkphpRes_{o.name}.id)); "
                f"}} else ZVAL_NULL({z});", "n_++;"], 1
    if t == "void *" and k == len(args) - 1:
        return [f"ZVAL_COPY({z}, &d_->opaque);", "n_++;"], 1
    if t == "virTypedParameterPtr" and nxt is not None and \
            nxt.type == "int":
        return [f"vkphpParamsToArray({z}, {a.name}, {nxt.name});",
                "n_++;"], 2
    if t in ("const char *", "char *") and nxt is not None and \
            nxt.type == "size_t":
        return [f"ZVAL_STRINGL({z}, {a.name}, {nxt.name});", "n_++;"], 2
    if t in ("const char *", "char *"):
        return [f"if ({a.name}) ZVAL_STRING({z}, {a.name}); "
                f"else ZVAL_NULL({z});", "n_++;"], 1
    if t in INTS:
        return [f"ZVAL_LONG({z}, (zend_long){a.name});", "n_++;"], 1
    if t in LONGLONGS:
        return [f"vkphpZvalLongLong({z}, (long long){a.name}, "
                f"{int(t.startswith('unsigned'))});", "n_++;"], 1
    s = _struct(api, bt) or next((st for st in api.structs
                                  if bt == st.name + " *"), None)
    if s is None:
        return None
    lines = [f"array_init({z});", f"if ({a.name}) {{"]
    for n, fld in enumerate(s.fields):
        item = _struct(api, fld.type)
        prev = s.fields[n - 1] if n else None
        if item is not None and prev is not None and \
                prev.type in INTS and prev.name.startswith("n"):
            # a counted list of structs: an array of arrays
            lines += ["    zval l_; int j_;", "    array_init(&l_);",
                      f"    for (j_ = 0; j_ < {a.name}->{prev.name}; j_++) {{",
                      "        zval e_;", "        array_init(&e_);"]
            for ifld in item.fields:
                c = _field_put(api, ifld, "&e_",
                               f"{a.name}->{fld.name}[j_]")
                if c is None:
                    return None
                lines.append("        " + c)
            lines += ["        add_next_index_zval(&l_, &e_);", "    }",
                      f"    add_assoc_zval({z}, \"{fld.name}\", &l_);"]
            continue
        c = _field_put(api, fld, z, f"(*{a.name})")
        if c is None:
            return None
        lines.append("    " + c)
    return lines + ["}", "n_++;"], 1


def _callback_ok(api, cb):
    k = 0
    while k < len(cb.args):
        r = _cb_arg(api, cb.args, k)
        if r is None:
            return False
        k += r[1]
    return cb.ret.type in ("void", "int")


def _trampoline(api, cb):
    """The C function libvirt calls for a PHP callable of typedef cb: its
    arguments as PHP values, the callable's answer as an int result."""
    params = ", ".join(f"{a.type} {a.name}" for a in cb.args)
    ret = cb.ret.type
    lines = [f"static {ret}", f"vkphpCb_{cb.name}({params})", "{",
             f"    vkphpCallbackData *d_ = {cb.args[-1].name};",
             f"    zval argv_[{len(cb.args)}];", "    int n_ = 0;"]
    if ret != "void":
        lines.append("    int r_ = -1;")
    lines.append("")
    lines.append("    if (!vkphpOnMainThread())")
    lines.append("        return" + (" r_;" if ret != "void" else ";"))
    k = 0
    while k < len(cb.args):
        body, used = _cb_arg(api, cb.args, k)
        lines += ["    " + b for b in body]
        k += used
    call = "vkphpCallbackCall(d_, argv_, n_)"
    lines.append(f"    {'r_ = ' if ret != 'void' else ''}{call};")
    if ret != "void":
        lines.append("    return r_;")
    lines.append("}")
    return "\n".join(lines) + "\n"


# Object events: one PHP registration per kind takes the event ID; the C
# trampoline of each ID comes from its typedef in the IDL.
EVENT_KINDS = ["Domain", "Network", "StoragePool", "NodeDevice", "Secret"]


def _event_tables(api, kinds):
    """({typedef names used}, C text of vkphpEventCb<Kind>(id): the
    trampoline of an event ID, cast to the kind's generic callback)."""
    cbs = _callbacks(api)
    by_norm = {c.replace("_", "").lower(): c for c in cbs}
    used, text = set(), []
    for kind in kinds:
        word = re.sub(r"(?<!^)([A-Z])", r"_\1", kind).upper()
        head = f"VIR_{word}_EVENT_ID_"
        enum = next((e for e in api.enums if e.name == f"vir{kind}EventID"),
                    None)
        lines = [f"static virConnect{kind}EventGenericCallback",
                 f"vkphpEventCb{kind}(int id)", "{", "    switch (id) {"]
        first = None
        for v in enum.values if enum else []:
            if v.sentinel or not v.name.startswith(head):
                continue
            cb = next((cbs[by_norm[n.replace("_", "").lower()]]
                       for n in event_callback_candidates(
                           kind, v.name[len(head):])
                       if n.replace("_", "").lower() in by_norm), None)
            if cb is None or not _callback_ok(api, cb):
                raise SystemExit(f"php: no callback for {v.name}")
            used.add(cb.name)
            first = first or cb.name
            lines.append(f"    case {v.name}:")
            lines.append(f"        return VIR_{word}_EVENT_CALLBACK("
                         f"vkphpCb_{cb.name});")
        # an unknown ID: libvirt refuses it before calling anything
        lines += ["    default:", f"        return VIR_{word}_EVENT_CALLBACK("
                  f"vkphpCb_{first});", "    }", "}"]
        text.append("\n".join(lines) + "\n")
    return used, text


def _lifecycle(api, f):
    """How PHP reaches a handle's free, ref and close, or None."""
    if f.impl == "free" or f.name in ("virConnectClose", "virStreamFree"):
        return "the resource's destructor"
    if f.impl == "ref" or f.name in ("virStreamRef", "virConnectRef"):
        return "PHP's references to the resource"
    return None


def _getter_of(api, f, k, names):
    """The getter whose list types a setter's (virDomainSetMemoryParameters
    -> virDomainGetMemoryParameters): the same leading arguments, then a
    caller-sized list."""
    gname = f.name.replace("Set", "Get", 1)
    for g in api.functions:
        if g.name != gname or len(g.args) < k + 2:
            continue
        if [a.type for a in g.args[:k]] == [a.type for a in f.args[:k]] and \
                g.args[k].type in ("virTypedParameterPtr",
                                   "virTypedParameterPtr *") and \
                g.args[k + 1].type == "int *":
            return g
    raise Todo("typed parameters going in, with no getter to type them")


PARAMS_TSV = os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "import-data", "perl-params.tsv")
PARAM_TYPES = {"int": "VIR_TYPED_PARAM_INT", "uint": "VIR_TYPED_PARAM_UINT",
               "llong": "VIR_TYPED_PARAM_LLONG",
               "ullong": "VIR_TYPED_PARAM_ULLONG",
               "double": "VIR_TYPED_PARAM_DOUBLE",
               "boolean": "VIR_TYPED_PARAM_BOOLEAN",
               "string": "VIR_TYPED_PARAM_STRING",
               "strings": "VKPHP_PARAM_STRINGS"}
_PARAM_CACHE = {}


def _param_tables(api):
    """{setter: [(parameter name, type constant)]} for the typed parameter
    setters with no getter to type them: the table the Perl binding uses
    (import-data/perl-params.tsv; "strings" is a PHP array of strings)."""
    if id(api) in _PARAM_CACHE:
        return _PARAM_CACHE[id(api)]
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
    strings = {m.name: m.string for a in [api] + list(api.libraries)
               for m in a.macros if m.string is not None}
    out = {}
    for func, prefix in takes.items():
        out[func] = [(strings[m], t) for m, t in sorted(types.items())
                     if m.startswith(prefix) and m in strings]
    _PARAM_CACHE[id(api)] = out
    return out


def _skip_by_rule(api, f):
    """Why a function has no PHP form at all, by what it is, or None."""
    if f.file == "virterror":
        return ("errors reach PHP as warnings and libvirt_get_last_error(), "
                "as in libvirt-php")
    if f.name.startswith("virTypedParams"):
        return "typed parameter lists are PHP arrays (name => value)"
    if f.name.endswith("Free") and f.object_arg is None and f.args and \
            not api.object_of_ptr(_base(f.args[0].type)):
        return "frees a C struct the binding converts and frees itself"
    return None


def _borrowed(api, f):
    """Accessors answering their parent without a reference of its own
    (virDomainGetConnect): the resource takes one."""
    bt = _base(f.ret.type)
    o = api.object_of_ptr(bt) if bt.endswith("Ptr") else None
    if o is None or f.object_arg is None or _base(f.object_arg.type) == bt:
        return None
    if f.impl.startswith("get-") or re.search(r"Get(Domain|Network)$",
                                              f.name):
        return o.name + "Ref"
    return None


def _plain_of(funcs, f):
    """virDomainAttachDevice for virDomainAttachDeviceFlags, when it takes
    the same arguments but flags."""
    if not f.name.endswith("Flags"):
        return None
    for g in funcs:
        if g.name == f.name[:-5] and \
                [a.type for a in g.args] == [a.type for a in f.args[:-1]]:
            return g
    return None


def _override_names(root):
    """{PHP function: file} of the hand-written functions, and the files'
    text (copied into the extension)."""
    d = os.path.join(root, OVERRIDES)
    found, texts = {}, []
    if not os.path.isdir(d):
        return found, texts
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".c"):
            continue
        with open(os.path.join(d, fn), encoding="utf-8") as fh:
            text = fh.read()
        texts.append((fn, text))
        for m in re.finditer(r"^PHP_FUNCTION\((\w+)\)", text, re.M):
            found[m.group(1)] = fn
    return found, texts


def _all_functions(api):
    funcs = list(api.functions)
    for lib in api.libraries:
        funcs += lib.functions
    return funcs


def _constants(api, names):
    """(name, value) of every integer constant: enum values and numeric
    macros by their C names, libvirt-php's VIR_SNAPSHOT_* spellings of the
    snapshot flags, and the table's own constants."""
    items = []
    apis = [api] + list(api.libraries)
    for a in apis:
        for e in a.enums:
            for v in e.values:
                if not v.sentinel:
                    items.append((v.name, v.value))
        for mc in a.macros:
            m = re.match(r"\s*\(?\s*(-?[0-9]+)(LL|ULL|U)?\s*\)?\s*$",
                         mc.value or "")
            if m and not mc.params and mc.string is None:
                items.append((mc.name, int(m.group(1))))
    seen = {n for n, _ in items}
    value = dict(items)
    for a in apis:             # VIR_KEYCODE_SET_RFB = VIR_KEYCODE_SET_QNUM
        for mc in a.macros:
            v = (mc.value or "").strip()
            if not mc.params and v in value and mc.name not in seen:
                items.append((mc.name, value[v]))
                seen.add(mc.name)
    for n, v in list(items):
        m = re.match(r"VIR_DOMAIN_SNAPSHOT_((DELETE|CREATE|LIST|REVERT)_\w+)$",
                     n)
        if m and "VIR_SNAPSHOT_" + m.group(1) not in seen:
            items.append(("VIR_SNAPSHOT_" + m.group(1), v))
            seen.add("VIR_SNAPSHOT_" + m.group(1))
    for n, v in names.get("constant", {}).items():
        if n not in seen:
            items.append((n, int(v, 0)))
            seen.add(n)
    # PHP's integers are 64-bit: C's unsigned 32-bit values stay positive
    return [(n, v) for n, v in items if -2 ** 63 <= v < 2 ** 63]


def build(api, root):
    names = php_load_names()
    overrides, texts = _override_names(root)
    funcs = _all_functions(api)
    rows = []
    fns = []
    taken = {}
    errors = []
    custom = set()
    for f in funcs:
        b = f.binding("php")
        name = b.name if b is not None and b.name else \
            php_function(f.name, names.get("name"))
        if b is not None and b.mode == "skip":
            rows.append((f.name, "skip", "", b.reason))
            continue
        if b is not None and b.mode == "custom":
            if name not in overrides:
                errors.append(f"{f.where}: {f.name}: custom PHP function "
                              f"{name} is in no file of {OVERRIDES}")
            rows.append((f.name, "custom", name, overrides.get(name, "")))
            custom.add(name)
            continue
        why = _skip_by_rule(api, f)
        if why:
            rows.append((f.name, "skip", "", why))
            continue
        how = _lifecycle(api, f)
        if how:
            rows.append((f.name, "lifecycle", "", how))
            continue
        try:
            x = _build(api, f, name, names)
        except Todo as e:
            rows.append((f.name, "todo", name, str(e)))
            continue
        if name in overrides:
            errors.append(f"{f.where}: {f.name}: {name} is hand-written "
                          "but the IDL does not say custom")
            continue
        if name in taken:
            errors.append(f"{f.where}: {f.name}: {name} is also "
                          f"{taken[name].f.name}'s name")
            continue
        taken[name] = x
        fns.append(x)
    # A plain function takes optional flags too and calls its Flags
    # variant when they are given (libvirt_domain_attach_device).
    by_c = {x.f.name: x for x in fns}
    for x in fns:
        g = by_c.get(x.f.name + "Flags")
        if g is not None and _plain_of(funcs, g.f) is x.f and \
                g.spec.endswith("l"):
            x.alt = g.f.name
            x.params.append(("flags", True))
            x.spec += "l" if "|" in x.spec else "|l"
            default = names.get("flags", {}).get(x.f.name, "0")
            x.decls.append(f"zend_long a_flags = {default};")
            x.zpp.append("&a_flags")
    for x in fns:
        rows.append((x.f.name, "generated", x.name, ""))
    extras = sorted(n for n in overrides if n not in custom)
    for n in extras:
        rows.append(("-", "extra", n, overrides[n]))
    if errors:
        raise SystemExit("\n".join("error: " + e for e in errors))
    rows.sort()
    kinds = sorted({k for x in fns for k in getattr(x, "tramp_kinds", [])})
    used, tables = _event_tables(api, kinds)
    used |= {t for x in fns for t in getattr(x, "tramps", [])}
    cbs = _callbacks(api)
    tramps = [_trampoline(api, cbs[n]) for n in sorted(used)] + tables
    ptabs = []
    seen_tabs = set()
    for x in fns:
        pt = getattr(x, "params_tab", None)
        if pt and pt[0] not in seen_tabs:
            seen_tabs.add(pt[0])
            ptabs.append(pt)
    objects = [(o.name, resource_name(o.name, names),
                _free_of(funcs, o.name)) for o in api.objects]
    return {
        "fns": fns,
        "tramps": tramps,
        "ptabs": ptabs,
        "rows": rows,
        "objects": objects,
        "overrides": texts,
        "override_fns": sorted(overrides),
        "consts": _constants(api, names),
    }


def _free_of(funcs, obj):
    for f in funcs:
        if f.impl == "free" and f.object_arg is not None and \
                _base(f.object_arg.type) == obj + "Ptr":
            return f.name
    return "virConnectClose" if obj == "virConnect" else None


def generate(api, outdir):
    idl = os.path.abspath(api.objects[0].where.file) if api.objects else "."
    root = os.path.dirname(os.path.dirname(idl))
    m = build(api, root)
    out = os.path.join(outdir, "bindings", "php", "gen")
    writer.write(os.path.join(out, "php_libvirt.c"),
                 writer.banner("c", TARGET) +
                 render("php/php_libvirt.c.j2", **m))
    writer.write(os.path.join(out, "coverage.tsv"),
                 writer.banner("sh", TARGET) +
                 render("php/coverage.tsv.j2", **m))
