#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Find the "flag A requires flag B" checks of libvirt 9.0's entry points by
observation (see README.md, argchecks.tsv `requires-flags`).

Every function of api/virt-api.xml whose flags argument names flag enums is
called through ctypes on the real libvirt.so.0 (test:///default), once with
flags=0 and once per single flag bit, each call in a fresh child process
(fresh test driver state, crashes contained).  Other arguments get harmless
stand-ins: the default objects for handles, a scratch path for strings, 1
for numbers, a zeroed buffer for pointers.  A bit whose call fails with
VIR_ERR_INVALID_ARG outside the test driver's error domain, where flags=0
did not, is printed as a row:

    function  bit  message  str1  str2  error-domain

Usage: probe-flag-requires.py api/virt-api.xml > /tmp/flag-probe.tsv
"""

import ctypes
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

VIR_ERR_INVALID_ARG = 8
VIR_FROM_TEST = 12


class VirError(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("domain", ctypes.c_int),
                ("message", ctypes.c_char_p), ("level", ctypes.c_int),
                ("conn", ctypes.c_void_p), ("dom", ctypes.c_void_p),
                ("str1", ctypes.c_char_p), ("str2", ctypes.c_char_p),
                ("str3", ctypes.c_char_p), ("int1", ctypes.c_int),
                ("int2", ctypes.c_int), ("net", ctypes.c_void_p)]


LIBS = [ctypes.CDLL(n) for n in
        ("libvirt.so.0", "libvirt-qemu.so.0", "libvirt-lxc.so.0")]
LV = LIBS[0]
LV.virGetLastError.restype = ctypes.POINTER(VirError)
for fn in ("virConnectOpen", "virDomainLookupByName", "virNetworkLookupByName",
           "virStoragePoolLookupByName", "virStorageVolCreateXML",
           "virDomainSnapshotCreateXML", "virDomainCheckpointCreateXML",
           "virStreamNew"):
    getattr(LV, fn).restype = ctypes.c_void_p
    getattr(LV, fn).argtypes = None


def sym(name):
    for lib in LIBS:
        try:
            return getattr(lib, name)
        except AttributeError:
            pass
    return None


def objects(scratch):
    """The default test:///default objects, one of each kind we need."""
    c = LV.virConnectOpen(b"test:///default")
    vp = ctypes.c_void_p
    o = {"virConnectPtr": c}
    o["virDomainPtr"] = LV.virDomainLookupByName(vp(c), b"test")
    o["virNetworkPtr"] = LV.virNetworkLookupByName(vp(c), b"default")
    pool = LV.virStoragePoolLookupByName(vp(c), b"default-pool")
    o["virStoragePoolPtr"] = pool
    o["virStorageVolPtr"] = LV.virStorageVolCreateXML(
        vp(pool), b"<volume><name>v.img</name><capacity>1024</capacity>"
        b"</volume>", 0)
    # A checkpoint cannot be made once a snapshot exists.
    o["virDomainCheckpointPtr"] = LV.virDomainCheckpointCreateXML(
        vp(o["virDomainPtr"]), b"<domaincheckpoint><name>c1</name>"
        b"</domaincheckpoint>", 0)
    o["virDomainSnapshotPtr"] = LV.virDomainSnapshotCreateXML(
        vp(o["virDomainPtr"]), b"<domainsnapshot><name>s1</name>"
        b"</domainsnapshot>", 0)
    o["virStreamPtr"] = LV.virStreamNew(vp(c), 0)
    return o


def stand_in(atype, objs, scratch, keep):
    if atype in objs:
        return ctypes.c_void_p(objs[atype])
    if atype in ("const char *", "char *"):
        return ctypes.c_char_p(os.path.join(scratch, "x").encode())
    if "*" in atype or atype.endswith("Ptr"):
        buf = ctypes.create_string_buffer(65536)
        keep.append(buf)
        return ctypes.cast(buf, ctypes.c_void_p)
    if atype in ("unsigned long", "size_t"):
        return ctypes.c_ulong(1)
    if atype in ("unsigned long long",):
        return ctypes.c_ulonglong(1)
    if atype == "long long":
        return ctypes.c_longlong(1)
    if atype == "unsigned int":
        return ctypes.c_uint(1)
    return ctypes.c_int(1)


def call(func, flags, scratch):
    """Run one call in a child; returns (code, domain, msg, str1, str2) or
    None when it succeeded."""
    rd, wr = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rd)
        os.chdir(scratch)
        import signal
        signal.alarm(5)
        quiet = ctypes.CFUNCTYPE(None, ctypes.c_void_p,
                                 ctypes.c_void_p)(lambda a, b: None)
        LV.virSetErrorFunc(None, quiet)
        objs = objects(scratch)
        keep = []
        args = []
        for name, atype in func["args"]:
            if name == "flags":
                args.append(ctypes.c_uint(flags))
            else:
                args.append(stand_in(atype, objs, scratch, keep))
        f = sym(func["name"])
        f.restype = ctypes.c_long
        LV.virResetLastError()
        f(*args)
        e = LV.virGetLastError()
        out = ""
        if e:
            e = e.contents
            out = "\t".join(str(x) for x in (
                e.code, e.domain, (e.message or b"").decode(),
                (e.str1 or b"").decode(), (e.str2 or b"").decode()))
        os.write(wr, out.encode())
        os._exit(0)
    os.close(wr)
    data = b""
    while True:
        chunk = os.read(rd, 4096)
        if not chunk:
            break
        data += chunk
    os.close(rd)
    os.waitpid(pid, 0)
    if not data:
        return None
    code, dom, msg, s1, s2 = data.decode().split("\t")
    return int(code), int(dom), msg, s1, s2


def main(idl):
    root = ET.parse(idl).getroot()
    enums = {e.get("name"): e for e in root.iter("enum")}
    scratch = tempfile.mkdtemp(prefix="flagprobe-")
    for f in root.iter("function"):
        args = [(a.get("name"), a.get("type")) for a in f.findall("arg")]
        fa = [a for a in f.findall("arg") if a.get("name") == "flags"]
        if not fa or not (fa[0].get("flags") or "").startswith("vir"):
            continue
        if any("Callback" in t for _, t in args) or sym(f.get("name")) is None:
            print(f"# {f.get('name')}: skipped", file=sys.stderr)
            continue
        bits = {}
        for en in fa[0].get("flags").split():
            for v in enums[en].findall("value"):
                val = int(v.get("value"), 0)
                if val and val & (val - 1) == 0:
                    bits.setdefault(val, v.get("name"))
        func = {"name": f.get("name"), "args": args}
        base = call(func, 0, scratch)
        # An argument refused before the flags are looked at hides them.
        if base and base[0] in (VIR_ERR_INVALID_ARG, 7, 60) and \
                base[1] != VIR_FROM_TEST:
            print(f"# {func['name']}: inconclusive: {base[2]}",
                  file=sys.stderr)
        for val, bname in sorted(bits.items()):
            r = call(func, val, scratch)
            if r and r != base and r[0] == VIR_ERR_INVALID_ARG and \
                    r[1] != VIR_FROM_TEST:
                print("\t".join([func["name"], bname, r[2], r[3], r[4],
                                 str(r[1])]))
                sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "api/virt-api.xml")
