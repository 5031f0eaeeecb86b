#!/usr/bin/python3
# Regenerate tests/data/caps/testdriver.out.xml: the capabilities document of
# libvirt's test driver (test:///default), which tests/conf-caps-test builds
# with the generic builder calls.  Run with Debian's /usr/bin/python3.
import os

import libvirt

here = os.path.dirname(os.path.abspath(__file__))
conn = libvirt.open("test:///default")
with open(os.path.join(here, "testdriver.out.xml"), "w") as f:
    f.write(conn.getCapabilities())

# A custom test driver host without NUMA cells.
node = os.path.join("/tmp", "virtkit-regen-caps-node.xml")
with open(node, "w") as f:
    f.write("<node><cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores>"
            "<threads>2</threads><active>4</active><mhz>1000</mhz>"
            "<model>m</model></cpu><memory>1024</memory></node>\n")
conn = libvirt.open("test://" + node)
with open(os.path.join(here, "testdriver-nocells.out.xml"), "w") as f:
    f.write(conn.getCapabilities())
