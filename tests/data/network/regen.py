#!/usr/bin/python3
# Regenerate the expected outputs of tests/conf-network-test from the real
# libvirt (python3-libvirt on test:///default): NAME.xml -> NAME.out.xml,
# NAME-bad.xml -> NAME-bad.err (the exact error message).
# Run with Debian's /usr/bin/python3 from this directory.
import glob
import os
import sys

import libvirt

libvirt.registerErrorHandler(lambda *a: None, None)
here = os.path.dirname(os.path.abspath(__file__))
# A private test driver with nothing defined, so no name is taken.
empty = os.path.join("/tmp", "virtkit-regen-empty-node.xml")
with open(empty, "w") as f:
    f.write("<node/>\n")
conn = libvirt.open("test://" + empty)

for path in sorted(glob.glob(os.path.join(here, "*.xml"))):
    if path.endswith(".out.xml"):
        continue
    base = path[:-4]
    xml = open(path).read()
    bad = base.endswith("-bad")
    try:
        net = conn.networkDefineXML(xml)
        out = net.XMLDesc(0)
        net.undefine()
        if bad:
            sys.exit("%s: expected an error, got a network" % path)
        if "<uuid>" not in xml:
            sys.exit("%s: give a <uuid> so the output is stable" % path)
        with open(base + ".out.xml", "w") as f:
            f.write(out)
    except libvirt.libvirtError as e:
        if not bad:
            sys.exit("%s: %s" % (path, e.get_error_message()))
        with open(base + ".err", "w") as f:
            f.write(e.get_error_message() + "\n")
