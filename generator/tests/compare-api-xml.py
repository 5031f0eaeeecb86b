#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Compare two API XML files in libvirt's libvirt-api.xml format
structurally: file list and exports, symbol order, every attribute
(names, files, modules, types, values, versions), return and argument
names and types, struct fields.  Documentation is ignored: `info`
attributes and elements, file <summary>/<description>, and a macro's
<arg> elements (they only carry a name and an info; the names are
checked through the macro's `params`), and a macro's `raw` where
libvirt's is empty (libvirt cannot record multi-line bodies; ours can).  One thing inside an info is data,
not prose, and is compared: a function argument whose info starts with
"(optional)" gets a default value in libvirt-python.

Usage: compare-api-xml.py OURS [THEIRS]
THEIRS defaults to libvirt's /usr/share/libvirt/api/libvirt-api.xml.
Prints one line per difference and exits 1 if there is any."""

import re
import sys
import xml.etree.ElementTree as ET

DEFAULT_THEIRS = "/usr/share/libvirt/api/libvirt-api.xml"


def attrs(el):
    return {k: v for k, v in el.attrib.items() if k != "info"}


def fields(el):
    out = []
    for f in el.findall("field"):
        u = f.find("union")
        out.append((f.get("name"), f.get("type"),
                    fields(u) if u is not None else None))
    return out


# The test libvirt-python's generator.py applies to an argument's info.
OPTIONAL_RE = re.compile(r"^\(?optional\)?")


def arg_shape(el, tag):
    a = attrs(el)
    if tag == "function":
        a["optional-marker"] = bool(OPTIONAL_RE.search(el.get("info", "")))
    return a


def symbol_shape(el):
    """Everything about one symbol that is not documentation."""
    shape = {"tag": el.tag, "attrs": attrs(el)}
    if el.tag in ("function", "functype"):
        r = el.find("return")
        shape["return"] = attrs(r) if r is not None else None
        shape["args"] = [arg_shape(a, el.tag) for a in el.findall("arg")]
    elif el.tag == "struct":
        shape["fields"] = fields(el)
    elif el.tag == "macro":
        shape["macro-args"] = [a.get("name") for a in el.findall("arg")]
    return shape


def load(path):
    root = ET.parse(path).getroot()
    files = [(f.get("name"),
              [(e.get("symbol"), e.get("type"))
               for e in f.findall("exports")])
             for f in root.find("files")]
    syms = [(el.tag, el.get("name"), symbol_shape(el))
            for el in root.find("symbols")]
    return root.get("name"), files, syms


def first_order_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i, x, y
    return None


def compare(ours_path, theirs_path):
    diffs = []
    o_name, o_files, o_syms = load(ours_path)
    t_name, t_files, t_syms = load(theirs_path)
    if o_name != t_name:
        diffs.append(f"api name: ours {o_name!r}, theirs {t_name!r}")

    # Files and their exports.
    o_fn = [f for f, _ in o_files]
    t_fn = [f for f, _ in t_files]
    for f in sorted(set(t_fn) - set(o_fn)):
        diffs.append(f"file {f}: missing in ours")
    for f in sorted(set(o_fn) - set(t_fn)):
        diffs.append(f"file {f}: not in theirs")
    common = [f for f in o_fn if f in t_fn]
    if common != [f for f in t_fn if f in o_fn]:
        diffs.append(f"files are in a different order: ours {o_fn}, "
                     f"theirs {t_fn}")
    o_ex, t_ex = dict(o_files), dict(t_files)
    for f in common:
        oe, te = o_ex[f], t_ex[f]
        for s, k in sorted(set(te) - set(oe)):
            diffs.append(f"file {f}: export {s} ({k}) missing in ours")
        for s, k in sorted(set(oe) - set(te)):
            diffs.append(f"file {f}: export {s} ({k}) not in theirs")
        if not set(oe) ^ set(te) and oe != te:
            i, x, y = first_order_difference(oe, te)
            diffs.append(f"file {f}: exports in a different order from "
                         f"#{i}: ours {x}, theirs {y}")

    # Symbols: presence, order, shape.
    o_keys = [(t, n) for t, n, _ in o_syms]
    t_keys = [(t, n) for t, n, _ in t_syms]
    for t, n in sorted(set(t_keys) - set(o_keys)):
        diffs.append(f"{t} {n}: missing in ours")
    for t, n in sorted(set(o_keys) - set(t_keys)):
        diffs.append(f"{t} {n}: not in theirs")
    oc = [k for k in o_keys if k in set(t_keys)]
    tc = [k for k in t_keys if k in set(o_keys)]
    if oc != tc:
        i, x, y = first_order_difference(oc, tc)
        diffs.append(f"symbols in a different order from #{i}: ours "
                     f"{x[0]} {x[1]}, theirs {y[0]} {y[1]}")
    o_shape = {(t, n): s for t, n, s in o_syms}
    t_shape = {(t, n): s for t, n, s in t_syms}
    for key in tc:
        diffs += shape_differences(f"{key[0]} {key[1]}", o_shape[key],
                                   t_shape[key])
    return diffs


def dict_differences(what, o, t):
    out = []
    for k in sorted(set(o) | set(t)):
        # libvirt leaves `raw` empty for a macro written over several
        # lines; ours carries a real body there.
        if k == "raw" and t.get(k) == "":
            continue
        if o.get(k) != t.get(k):
            out.append(f"{what}: {k}: ours {o.get(k)!r}, theirs "
                       f"{t.get(k)!r}")
    return out


def shape_differences(what, o, t):
    out = dict_differences(what, o["attrs"], t["attrs"])
    if o["tag"] in ("function", "functype"):
        if o["return"] != t["return"]:
            out += dict_differences(f"{what} return", o["return"] or {},
                                    t["return"] or {})
        if len(o["args"]) != len(t["args"]):
            out.append(f"{what}: {len(o['args'])} args in ours, "
                       f"{len(t['args'])} in theirs")
        for i, (oa, ta) in enumerate(zip(o["args"], t["args"])):
            out += dict_differences(f"{what} arg #{i + 1} "
                                    f"({ta.get('name')})", oa, ta)
    elif o["tag"] == "struct" and o["fields"] != t["fields"]:
        out.append(f"{what}: fields differ: ours {o['fields']}, theirs "
                   f"{t['fields']}")
    elif o["tag"] == "macro":
        params = set((o["attrs"].get("params") or "").split(",")) - {""}
        for side, names in (("ours", o["macro-args"]),
                            ("theirs", t["macro-args"])):
            for n in names:
                if n not in params:
                    out.append(f"{what}: {side} documents an argument "
                               f"{n} that is not in params")
    return out


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    theirs = argv[2] if len(argv) == 3 else DEFAULT_THEIRS
    diffs = compare(argv[1], theirs)
    for d in diffs:
        print(d)
    print(f"{len(diffs)} differences between {argv[1]} and {theirs}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
