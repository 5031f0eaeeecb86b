#!/usr/bin/python3
# Regenerate the expected outputs in this folder from the real libvirt
# (Debian's python3-libvirt, test driver).  For each NAME.xml:
#   NAME.out-inactive.xml  XMLDesc(INACTIVE) right after define
#   NAME.out.xml           XMLDesc(0) once started (id 1)
#   NAME.out-secure.xml    XMLDesc(SECURE) once started, only when it differs
#   NAME.out-reparse.xml   the inactive output defined again and dumped, only
#                          when libvirt does not reproduce it (disk ordering)
# For each NAME-bad.xml: NAME-bad.err = "CODE DOMAIN\nMESSAGE\n".
# Every case gets a fresh, empty test driver so ids and names never clash.
import glob
import os
import sys
import tempfile

import libvirt

here = os.path.dirname(os.path.abspath(__file__))
libvirt.registerErrorHandler(lambda ctx, err: None, None)

with tempfile.NamedTemporaryFile('w', suffix='.xml', delete=False) as f:
    f.write('<node/>\n')
    node = f.name


def write(path, text):
    with open(path, 'w') as out:
        out.write(text)


def run(path):
    name = os.path.basename(path)[:-4]
    with open(path) as f:
        xml = f.read()
    conn = libvirt.open('test://' + node)
    try:
        if name.endswith('-bad'):
            try:
                conn.defineXML(xml)
            except libvirt.libvirtError as e:
                write(os.path.join(here, name + '.err'), '%d %d\n%s\n' % (
                    e.get_error_code(), e.get_error_domain(),
                    e.get_error_message()))
                return
            sys.exit('%s: defined fine, expected an error' % name)
        dom = conn.defineXML(xml)
        inactive = dom.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
        dom.create()
        live = dom.XMLDesc(0)
        secure = dom.XMLDesc(libvirt.VIR_DOMAIN_XML_SECURE)
        write(os.path.join(here, name + '.out-inactive.xml'), inactive)
        write(os.path.join(here, name + '.out.xml'), live)
        sec = os.path.join(here, name + '.out-secure.xml')
        if secure != live:
            write(sec, secure)
        elif os.path.exists(sec):
            os.unlink(sec)
        dom.destroy()
        again = conn.defineXML(inactive).XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE)
        rep = os.path.join(here, name + '.out-reparse.xml')
        if again != inactive:
            write(rep, again)
        elif os.path.exists(rep):
            os.unlink(rep)
    finally:
        conn.close()


paths = sys.argv[1:] or sorted(glob.glob(os.path.join(here, '*.xml')))
for p in paths:
    if '.out' in os.path.basename(p):
        continue
    run(p)
os.unlink(node)
