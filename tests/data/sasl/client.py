#!/usr/bin/python3
# Log in to a SASL-protected daemon with python3-libvirt (Debian's, or ours
# through LD_LIBRARY_PATH) and use the connection.
# Usage: client.py URI NAME PASSWORD     credentials from the callback
#        client.py URI - -               credentials from the auth file only
#        client.py URI fail -            the callback refuses
# Prints "encrypted=E secure=S", then "calls ok", "stream ok",
# "big xml ok"; or "error CODE DOMAIN MESSAGE" when the open fails.
import sys

import libvirt

uri, name, password = sys.argv[1:4]
libvirt.registerErrorHandler(lambda *a: None, None)


def answer(creds, data):
    if name == 'fail':
        return -1
    for c in creds:
        if c[0] == libvirt.VIR_CRED_AUTHNAME:
            c[4] = name
        elif c[0] == libvirt.VIR_CRED_PASSPHRASE:
            c[4] = password
        else:
            c[4] = ''
    return 0


try:
    if name == '-':
        conn = libvirt.openAuth(uri, [[libvirt.VIR_CRED_AUTHNAME,
                                       libvirt.VIR_CRED_PASSPHRASE],
                                      lambda c, d: -1, None], 0)
    else:
        conn = libvirt.openAuth(uri, [[libvirt.VIR_CRED_AUTHNAME,
                                       libvirt.VIR_CRED_PASSPHRASE],
                                      answer, None], 0)
except libvirt.libvirtError as e:
    print('error', e.get_error_code(), e.get_error_domain(), e)
    sys.exit(0)

print('encrypted=%d secure=%d' % (conn.isEncrypted(), conn.isSecure()))
dom = conn.lookupByName('test')
for i in range(100):
    dom.info()
print('calls ok')
st = conn.newStream(0)
dom.screenshot(st, 0)
data = b''
while True:
    got = st.recv(1 << 16)
    if not got:
        break
    data += got
st.finish()
print('stream ok' if len(data) > 1000 else 'stream short')
# A frame of 300 KB goes through the security layer in many pieces.
desc = 'x' * 300000
big = conn.defineXML("<domain type='test'><name>big</name>"
                     "<memory>1024</memory><description>%s</description>"
                     "<os><type>hvm</type></os></domain>" % desc)
print('big xml ok' if desc in big.XMLDesc() else 'big xml differs')
big.undefine()
conn.close()
