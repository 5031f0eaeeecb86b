#!/usr/bin/python3
# Regenerate the expected outputs of tests/conf-nodedev-test: each NAME.xml
# holds one <device>; it is loaded into a private libvirt test driver (a
# test:///FILE node file) and NAME.out.xml is what XMLDesc prints, or for
# NAME-bad.xml the error message in NAME-bad.err.  Inputs named
# testdriver-*.xml are the test driver's default devices (test:///default).
# Run with Debian's /usr/bin/python3.
import glob
import os
import re
import sys

import libvirt

libvirt.registerErrorHandler(lambda *a: None, None)
here = os.path.dirname(os.path.abspath(__file__))
node = os.path.join("/tmp", "virtkit-regen-nodedev.xml")

for path in sorted(glob.glob(os.path.join(here, "*.xml"))):
    if path.endswith(".out.xml"):
        continue
    base = path[:-4]
    xml = open(path).read()
    with open(node, "w") as f:
        f.write("<node>\n" + xml + "</node>\n")
    try:
        conn = libvirt.open("test://" + node)
        name = re.search(r"<name>(.*?)</name>", xml).group(1)
        out = conn.nodeDeviceLookupByName(name).XMLDesc(0)
        conn.close()
        if base.endswith("-bad"):
            sys.exit("%s: expected an error" % path)
        with open(base + ".out.xml", "w") as f:
            f.write(out)
    except libvirt.libvirtError as e:
        if not base.endswith("-bad"):
            sys.exit("%s: %s" % (path, e.get_error_message()))
        with open(base + ".err", "w") as f:
            f.write(e.get_error_message() + "\n")
