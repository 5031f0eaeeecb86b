#!/usr/bin/python3
# Regenerate the expected outputs of tests/conf-storage-test from the real
# libvirt test driver (python3-libvirt): pool-NAME.xml and vol-NAME.xml give
# NAME.out.xml, or for NAME-bad.xml the exact error message in NAME-bad.err.
# A volume is created in pool-testdriver-default.xml's pool, or in the pool
# named by a leading "<!-- pool: FILE -->" comment.
# Run with Debian's /usr/bin/python3 from anywhere.
import glob
import os
import re
import sys

import libvirt

libvirt.registerErrorHandler(lambda *a: None, None)
here = os.path.dirname(os.path.abspath(__file__))
# A private test driver with nothing defined, so no name is taken.
empty = os.path.join("/tmp", "virtkit-regen-empty-node.xml")
with open(empty, "w") as f:
    f.write("<node/>\n")
conn = libvirt.open("test://" + empty)


def save(base, bad, path, xml, out, err):
    if err is not None:
        if not bad:
            sys.exit("%s: %s" % (path, err))
        with open(base + ".err", "w") as f:
            f.write(err + "\n")
        return
    if bad:
        sys.exit("%s: expected an error" % path)
    with open(base + ".out.xml", "w") as f:
        f.write(out)


for path in sorted(glob.glob(os.path.join(here, "pool-*.xml"))):
    if path.endswith(".out.xml"):
        continue
    base = path[:-4]
    xml = open(path).read()
    out = err = None
    try:
        pool = conn.storagePoolDefineXML(xml)
        out = pool.XMLDesc(0)
        pool.undefine()
        if "<uuid>" not in xml:
            sys.exit("%s: give a <uuid> so the output is stable" % path)
    except libvirt.libvirtError as e:
        err = e.get_error_message()
    save(base, base.endswith("-bad"), path, xml, out, err)

for path in sorted(glob.glob(os.path.join(here, "vol-*.xml"))):
    if path.endswith(".out.xml"):
        continue
    base = path[:-4]
    xml = open(path).read()
    m = re.match(r"\s*<!--\s*pool:\s*(\S+)\s*-->", xml)
    poolfile = m.group(1) if m else "pool-testdriver-default.xml"
    pool = conn.storagePoolDefineXML(open(os.path.join(here, poolfile)).read())
    pool.create()
    out = err = None
    try:
        vol = pool.createXML(xml)
        out = vol.XMLDesc(0)
        vol.delete()
    except libvirt.libvirtError as e:
        err = e.get_error_message()
    pool.destroy()
    pool.undefine()
    save(base, base.endswith("-bad"), path, xml, out, err)
