# SPDX-License-Identifier: LGPL-2.1-or-later
# Errors as libvirt-python programs see them: libvirtError's accessors, the
# last error, error handlers, read-only connections and credentials.
import libvirt


def fail(label, fn):
    try:
        fn()
        print(f"{label}: no error")
    except libvirt.libvirtError as e:
        print(f"{label}: code={e.get_error_code()} "
              f"domain={e.get_error_domain()} level={e.get_error_level()} "
              f"message={e.get_error_message()!r} str1={e.get_str1()!r} "
              f"int1={e.get_int1()}")


seen = []
libvirt.registerErrorHandler(lambda ctx, err: seen.append((ctx, err[0], err[1])),
                             "ctx")
conn = libvirt.open("test:///default")
fail("missing domain", lambda: conn.lookupByName("nope"))
print("handler saw", seen)
print("last error", libvirt.virGetLastError()[:3])
print("conn last error", conn.virConnGetLastError()[:3])
fail("missing id", lambda: conn.lookupByID(4242))
fail("bad uuid string", lambda: conn.lookupByUUIDString("not-a-uuid"))
fail("missing network", lambda: conn.networkLookupByName("nope"))
fail("missing pool", lambda: conn.storagePoolLookupByName("nope"))
fail("bad xml", lambda: conn.defineXML("<domain"))
fail("start running domain", lambda: conn.lookupByName("test").create())
libvirt.virResetLastError()
print("after reset", libvirt.virGetLastError())
print("code after reset", libvirt.virGetLastErrorCode())

ro = libvirt.openReadOnly("test:///default")
print("read-only lookup", ro.lookupByName("test").name())
fail("read-only destroy", lambda: ro.lookupByName("test").destroy())
ro.close()


def auth_cb(creds, opaque):
    for cred in creds:
        cred[4] = opaque
    return 0


auth = [[libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE], auth_cb,
        "secret"]
ac = libvirt.openAuth("test:///default", auth, 0)
print("openAuth", ac.getURI(), ac.lookupByName("test").name())
ac.close()

libvirt.registerErrorHandler(None, None)
try:
    libvirt.open("test:///no/such/file.xml")
    print("missing test file: no error")
except libvirt.libvirtError as e:
    print("missing test file: code", e.get_error_code(), "domain",
          e.get_error_domain())
conn.close()
