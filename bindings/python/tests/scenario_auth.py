# SPDX-License-Identifier: LGPL-2.1-or-later
# openAuth with Python credential callbacks against a test driver host file
# that lists users: what the callback is asked, what each answer leads to.
import os

import libvirt

here = os.path.dirname(os.path.abspath(__file__))
uri = "test://" + os.path.join(here, "data", "auth-node.xml")


def show_error(label, e):
    print(f"{label}: code={e.get_error_code()} domain={e.get_error_domain()} "
          f"message={e.get_error_message().replace(here, '@HERE@')!r}")


def make_cb(answers, log):
    def cb(creds, opaque):
        for cred in creds:
            # [type, prompt, challenge, defresult, result]
            log.append((cred[0], cred[1], cred[2], cred[3], opaque))
            if cred[0] not in answers:
                return -1
            cred[4] = answers[cred[0]]
        return 0
    return cb


def attempt(label, credtypes, answers, opaque="opaque"):
    log = []
    auth = [credtypes, make_cb(answers, log), opaque]
    try:
        c = libvirt.openAuth(uri, auth, 0)
        print(f"{label}: opened, domains", sorted(c.listDefinedDomains()),
              [d.name() for d in c.listAllDomains()])
        c.close()
    except libvirt.libvirtError as e:
        show_error(label, e)
    for entry in log:
        print(f"  asked type={entry[0]} prompt={entry[1]!r} "
              f"challenge={entry[2]!r} default={entry[3]!r} opaque={entry[4]!r}")


libvirt.registerErrorHandler(lambda ctx, err: None, None)
both = [libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE]
attempt("right password", both,
        {libvirt.VIR_CRED_AUTHNAME: "alice",
         libvirt.VIR_CRED_PASSPHRASE: "s3cret"})
attempt("wrong password", both,
        {libvirt.VIR_CRED_AUTHNAME: "alice",
         libvirt.VIR_CRED_PASSPHRASE: "guess"})
attempt("unknown user", both,
        {libvirt.VIR_CRED_AUTHNAME: "mallory",
         libvirt.VIR_CRED_PASSPHRASE: "s3cret"})
attempt("user without password", both,
        {libvirt.VIR_CRED_AUTHNAME: "bob",
         libvirt.VIR_CRED_PASSPHRASE: ""})
attempt("callback refuses", both, {}, opaque=None)
attempt("no passphrase type offered", [libvirt.VIR_CRED_AUTHNAME],
        {libvirt.VIR_CRED_AUTHNAME: "alice"})
attempt("no credential types", [], {})

try:
    libvirt.open(uri)
    print("plain open: no error")
except libvirt.libvirtError as e:
    show_error("plain open", e)
try:
    libvirt.openAuth(uri, [both, None, None], 0)
    print("no callback: no error")
except libvirt.libvirtError as e:
    show_error("no callback", e)
except Exception as e:
    print("no callback:", type(e).__name__, e)
