#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Write generator/import-data/remote-wire.xml: our description of libvirt
9.0's RPC wire types and procedures.

Inputs (facts only; nothing of them is copied into the tree):
  --remote-x  libvirt's src/remote/remote_protocol.x (a copy fetched for the
              purpose; see README.md, section remote-wire.xml, for which one)
  --net-x     libvirt's src/rpc/virnetprotocol.x (message header, stream hole)
  --api-xml   libvirt's libvirt-api.xml, to give the public constants that
              the .x text names (VIR_UUID_BUFLEN, VIR_TYPED_PARAM_INT ...)
              their values
  --data      generator/import-data (procs.tsv, proc-function.tsv)
  --go        optional: go-libvirt's source folder; its generated structs,
              constants and procedure numbers are compared with what was
              read, and any difference is printed (it stops at 426)

The .x text is read with a small parser for the subset of XDR that libvirt
uses.  Procedures above LAST_PROC (not in libvirt 9.0) are dropped, and so
is every type that no remaining procedure (nor the message framing) uses.
Which structure a procedure carries follows libvirt's naming rule:
REMOTE_PROC_FOO -> remote_foo_args (call), remote_foo_ret (reply),
remote_foo_msg (event message).

Usage: make-remote-wire.py --remote-x F --net-x F --api-xml F --data DIR
                           [--go DIR] -o OUT
"""

import argparse
import csv
import os
import re
import sys
import xml.etree.ElementTree as ET

LAST_PROC = 443          # REMOTE_PROC_DOMAIN_FD_ASSOCIATE, libvirt 9.0.0
PROGRAMS = [
    # name, id, version, procedure prefix
    ("remote", 0x20008086, 1, "REMOTE_PROC_"),
    ("keepalive", 0x6b656570, 1, "KEEPALIVE_PROC_"),
]
# The keepalive program has no .x of substance: two body-less messages.
KEEPALIVE = [("KEEPALIVE_PROC_PING", 1), ("KEEPALIVE_PROC_PONG", 2)]
# Framing types of virnetprotocol.x that we describe too (the error struct
# is remote_error, which has the same layout).
NET_TYPES = ["virNetMessageType", "virNetMessageStatus",
             "virNetMessageHeader", "virNetStreamHole"]

# XDR type words -> our single-word names.
BASE = {
    ("int",): "int", ("unsigned", "int"): "uint", ("unsigned",): "uint",
    ("hyper",): "hyper", ("unsigned", "hyper"): "uhyper",
    ("char",): "char", ("unsigned", "char"): "uchar",
    ("short",): "short", ("unsigned", "short"): "ushort",
    ("double",): "double", ("float",): "float", ("bool",): "bool",
    ("string",): "string", ("opaque",): "opaque", ("void",): "void",
}


class XdrError(Exception):
    pass


# ---- reading the .x text ------------------------------------------------

def tokens(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = "\n".join(l for l in text.splitlines()
                     if not l.lstrip().startswith("%"))
    return re.findall(r"0[xX][0-9a-fA-F]+|-?\d+|[A-Za-z_]\w*|[{}<>\[\]();=,:*]",
                      text)


class Reader:
    """Definitions of one .x file, in file order."""

    def __init__(self, text):
        self.t = tokens(text)
        self.i = 0
        self.consts = []     # (name, raw value)
        self.types = []      # dicts, see _decl / parse
        self.run()

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self, want=None):
        tok = self.peek()
        if tok is None or (want is not None and tok != want):
            raise XdrError(f"expected {want!r}, got {tok!r} at token "
                           f"{self.i}")
        self.i += 1
        return tok

    def type_spec(self):
        words = [self.take()]
        if words[0] == "unsigned" and self.peek() in ("int", "hyper", "char",
                                                      "short"):
            words.append(self.take())
        if words[0] in ("struct", "enum", "union"):
            return self.take()
        return BASE.get(tuple(words), words[0])

    def declarator(self, tspec):
        d = {"type": tspec}
        if self.peek() == "*":
            self.take()
            d["optional"] = True
        d["name"] = self.take()
        if self.peek() == "[":
            self.take()
            d["size"] = self.take()
            self.take("]")
        elif self.peek() == "<":
            self.take()
            if self.peek() == ">":
                raise XdrError(f"{d['name']}: unbounded arrays are not used "
                               f"by libvirt and not supported here")
            d["max"] = self.take()
            self.take(">")
        return d

    def run(self):
        while self.peek() is not None:
            kw = self.take()
            if kw == "const":
                name = self.take()
                self.take("=")
                self.consts.append((name, self.take()))
                self.take(";")
            elif kw == "typedef":
                d = self.declarator(self.type_spec())
                self.take(";")
                d["kind"] = "alias"
                self.types.append(d)
            elif kw == "struct":
                name = self.take()
                self.take("{")
                members = []
                while self.peek() != "}":
                    members.append(self.declarator(self.type_spec()))
                    self.take(";")
                self.take("}")
                self.take(";")
                self.types.append({"kind": "struct", "name": name,
                                   "members": members})
            elif kw == "enum":
                name = self.take()
                self.take("{")
                values = []
                while True:
                    vname = self.take()
                    self.take("=")
                    values.append((vname, self.take()))
                    if self.peek() == ",":
                        self.take()
                        continue
                    break
                self.take("}")
                self.take(";")
                self.types.append({"kind": "enum", "name": name,
                                   "values": values})
            elif kw == "union":
                name = self.take()
                self.take("switch")
                self.take("(")
                disc = self.declarator(self.type_spec())
                self.take(")")
                self.take("{")
                cases = []
                while self.peek() != "}":
                    if self.peek() == "default":
                        raise XdrError(f"{name}: default arms are not used "
                                       f"by libvirt and not supported here")
                    self.take("case")
                    label = self.take()
                    self.take(":")
                    arm = self.declarator(self.type_spec())
                    arm["case"] = label
                    self.take(";")
                    cases.append(arm)
                self.take("}")
                self.take(";")
                self.types.append({"kind": "union", "name": name,
                                   "disc": disc, "members": cases})
            elif kw == "program":
                raise XdrError("program blocks are not expected")
            else:
                raise XdrError(f"unexpected {kw!r} at token {self.i - 1}")


# ---- public constants ---------------------------------------------------

def public_constants(api_xml):
    """Name -> integer for libvirt's enum values and simple macros."""
    syms = ET.parse(api_xml).getroot().find("symbols")
    out = {}
    for e in syms.findall("enum"):
        try:
            out[e.get("name")] = int(e.get("value"), 0)
        except ValueError:
            pass
    for m in syms.findall("macro"):
        raw = (m.get("raw") or "").strip()
        # only "(N + M)" style arithmetic on plain numbers
        if raw and re.fullmatch(r"[()\d\s+*-]+", raw):
            out[m.get("name")] = eval(raw, {"__builtins__": {}})
    return out


# ---- assembling ---------------------------------------------------------

def load_tsv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--remote-x", required=True)
    p.add_argument("--net-x", required=True)
    p.add_argument("--api-xml", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--go")
    p.add_argument("-o", "--output", required=True)
    a = p.parse_args()

    remote = Reader(open(a.remote_x).read())
    net = Reader(open(a.net_x).read())
    public = public_constants(a.api_xml)

    consts = {}          # name -> int, ours (REMOTE_*, VIR_NET_*)
    const_from = {}      # name -> public constant it is defined by
    order = []
    for name, raw in net.consts + remote.consts:
        # A program's number and version are <wire-program> facts.
        prog = [pg for pg in PROGRAMS
                if name in (pg[0].upper() + "_PROGRAM",
                            pg[0].upper() + "_PROTOCOL_VERSION")]
        if prog:
            if int(raw, 0) not in prog[0][1:3]:
                sys.exit(f"{name} = {raw} disagrees with PROGRAMS")
            continue
        if re.fullmatch(r"-?(0[xX][0-9a-fA-F]+|\d+)", raw):
            consts[name] = int(raw, 0)
        elif raw in public:
            consts[name] = public[raw]
            const_from[name] = raw
        else:
            sys.exit(f"constant {name} = {raw}: unknown value")
        order.append(name)

    def number(v, where):
        if re.fullmatch(r"-?(0[xX][0-9a-fA-F]+|\d+)", v):
            return int(v, 0)
        if v in consts:
            return v            # keep our own constants by name
        if v in public:
            return public[v]    # public ones become numbers
        sys.exit(f"{where}: unknown constant {v}")

    types = {}
    type_order = []
    for t in net.types + remote.types:
        if t["name"] in types:
            if t["name"] in NET_TYPES:
                continue
            sys.exit(f"type {t['name']} defined twice")
        types[t["name"]] = t
        type_order.append(t["name"])

    # The procedure enum is data for us, not a type.
    proc_enum = types.pop("remote_procedure")
    type_order.remove("remote_procedure")
    procs_x = {n: int(v) for n, v in proc_enum["values"]}

    procs_tsv = {r["procedure"]: r for r in load_tsv(
        os.path.join(a.data, "procs.tsv"))}
    funcs_tsv = {r["procedure"]: r for r in load_tsv(
        os.path.join(a.data, "proc-function.tsv"))}

    procedures = []
    problems = []
    for name, num in sorted(procs_x.items(), key=lambda kv: kv[1]):
        if num > LAST_PROC:
            continue
        row = procs_tsv.get(name)
        if row is None or int(row["number"]) != num:
            problems.append(f"{name} {num}: procs.tsv says "
                            f"{row and row['number']}")
            continue
        base = "remote_" + name[len("REMOTE_PROC_"):].lower()
        pr = {"program": "remote", "number": num, "name": name}
        for part in ("args", "ret", "msg"):
            if base + "_" + part in types:
                pr[part] = base + "_" + part
        if "msg" in pr and ("args" in pr or "ret" in pr):
            problems.append(f"{name}: both a message and a call payload")
        pr["kind"] = "message" if "msg" in pr else "call"
        pr["priority"] = row["priority"] or "low"
        pr["generate"] = row["generate"] or "none"
        if row["stream"]:
            direction, arg = row["stream"].split(":")
            pr["stream"] = direction
            pr["stream-arg"] = arg
        if row["sparseflag"]:
            pr["sparse-flag"] = row["sparseflag"]
        f = funcs_tsv.get(name)
        if f is None:
            problems.append(f"{name}: not in proc-function.tsv")
        elif f["kind"] in ("public", "internal"):
            pr["implements"] = f["function"]
            if f["kind"] == "internal":
                pr["private"] = "yes"
            if f["also"]:
                pr["also"] = " ".join(f["also"].split(","))
        elif f["kind"] == "event" and pr["kind"] != "message":
            problems.append(f"{name}: an event without a _msg struct")
        procedures.append(pr)
    for name, num in KEEPALIVE:
        procedures.append({"program": "keepalive", "number": num,
                           "name": name, "kind": "message",
                           "priority": "high", "generate": "none"})

    # Keep what procedures and framing reach.
    used = set()

    def reach(tname):
        if tname not in types or tname in used:
            return
        used.add(tname)
        t = types[tname]
        if t["kind"] == "alias":
            reach(t["type"])
        elif t["kind"] in ("struct", "union"):
            for m in t.get("members", []):
                reach(m["type"])
            if t["kind"] == "union":
                reach(t["disc"]["type"])
    for pr in procedures:
        for part in ("args", "ret", "msg"):
            if part in pr:
                reach(pr[part])
    for tname in NET_TYPES + ["remote_error", "remote_auth_type"]:
        reach(tname)
    dropped = [n for n in type_order if n not in used]
    claimed = {pr[k] for pr in procedures for k in ("args", "ret", "msg")
               if k in pr}
    orphan = [n for n in type_order if re.search(r"_(args|ret|msg)$", n)
              and n not in claimed and n in used]

    # ---- write ----
    root = ET.Element("remote-wire", libvirt="9.0.0")
    for name, pid, ver, _ in PROGRAMS:
        ET.SubElement(root, "wire-program", name=name, id=f"0x{pid:08x}",
                      version=str(ver))

    def member_attrs(m, where):
        at = {}
        if "name" in m:
            at["name"] = m["name"]
        at["type"] = m["type"]
        if "size" in m:
            v = number(m["size"], where)
            at["size"] = str(v)
        if "max" in m:
            v = number(m["max"], where)
            at["max"] = str(v)
        if m.get("optional"):
            at["optional"] = "yes"
        return at

    type_els = []
    for tname in type_order:
        if tname not in used:
            continue
        t = types[tname]
        el = ET.Element("wire-type", name=tname, kind=t["kind"])
        if t["kind"] == "alias":
            at = member_attrs(t, tname)
            del at["name"]
            for k, v in at.items():
                el.set(k, v)
        elif t["kind"] == "enum":
            for vname, raw in t["values"]:
                ET.SubElement(el, "item", name=vname,
                              value=str(number(raw, tname)))
        else:
            if t["kind"] == "union":
                el.set("discriminant", t["disc"]["name"])
                el.set("discriminant-type", t["disc"]["type"])
            for m in t["members"]:
                me = ET.SubElement(el, "member", member_attrs(m, tname))
                if "case" in m:
                    me.set("case", str(number(m["case"], tname)))
                    if not re.fullmatch(r"-?\d+", m["case"]):
                        me.set("label", m["case"])
        type_els.append(el)

    # Every limit is kept, used in a type or not: the daemon checks some of
    # them by hand (REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX).
    for name in order:
        el = ET.SubElement(root, "wire-const", name=name,
                           value=str(consts[name]))
        if name in const_from:
            el.set("from", const_from[name])
    root.extend(type_els)
    for pr in procedures:
        ET.SubElement(root, "procedure",
                      {k: str(v) for k, v in pr.items()})

    ET.indent(root, space="  ")
    with open(a.output + ".new", "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        fh.write(b"<!-- Written by make-remote-wire.py from facts of libvirt's"
                 b" protocol\n     description; see README.md. Do not edit "
                 b"by hand: run the script. -->\n")
        ET.ElementTree(root).write(fh, encoding="utf-8")
        fh.write(b"\n")
    os.replace(a.output + ".new", a.output)

    print(f"{len(procedures)} procedures "
          f"({sum(p['program'] == 'remote' for p in procedures)} remote), "
          f"{len(type_els)} types, "
          f"{sum(1 for c in root if c.tag == 'wire-const')} constants; "
          f"dropped {len(dropped)} unused types", file=sys.stderr)
    for d in dropped:
        print(f"  unused type dropped: {d}", file=sys.stderr)
    for o in orphan:
        print(f"  note: {o} is used only inside other types", file=sys.stderr)
    if a.go:
        problems += compare_go(a.go, types, consts, procs_x)
    for pb in problems:
        print(f"problem: {pb}", file=sys.stderr)
    return 1 if problems else 0


# ---- cross-check with go-libvirt ---------------------------------------

def compare_go(godir, types, consts, procs_x):
    """go-libvirt was generated from an earlier libvirt (procedures up to
    426): structs it has must have the same number of members, and its
    constants and procedure numbers must agree with ours."""
    out = []
    gen = open(os.path.join(godir, "remote_protocol.gen.go")).read()
    nstructs = 0
    for m in re.finditer(r"// \w+ is libvirt's (\w+)\ntype \w+ struct "
                         r"\{\n(.*?)\n\}", gen, re.S):
        xname, body = m.group(1), m.group(2)
        t = types.get(xname)
        if t is None or t["kind"] != "struct":
            continue
        nstructs += 1
        nfields = len([l for l in body.splitlines() if l.strip()])
        if nfields != len(t["members"]):
            out.append(f"go-libvirt: {xname} has {nfields} members, the .x "
                       f"{len(t['members'])}")
    cgen = open(os.path.join(godir, "internal", "constants",
                             "remote_protocol.gen.go")).read()
    nconst = nproc = 0
    for m in re.finditer(r"// \w+ is libvirt's (\w+)\n\s*\w+ = "
                         r"(0x[0-9a-fA-F]+|\d+)", cgen):
        name, val = m.group(1), int(m.group(2), 0)
        if name in procs_x:
            nproc += 1
            if procs_x[name] != val:
                out.append(f"go-libvirt: {name} = {val}, .x {procs_x[name]}")
        elif name in consts:
            nconst += 1
            if consts[name] != val:
                out.append(f"go-libvirt: {name} = {val}, .x {consts[name]}")
    print(f"go-libvirt agrees on {nstructs} structs, {nconst} constants, "
          f"{nproc} procedure numbers" if not out else
          f"go-libvirt: {len(out)} differences", file=sys.stderr)
    return out


if __name__ == "__main__":
    sys.exit(main())
