# SPDX-License-Identifier: LGPL-2.1-or-later
# libvirt_qemu and libvirt_lxc on test:///default: every function, what it
# returns or raises, and the modules' constants.
import libvirt
import libvirt_lxc
import libvirt_qemu


def attempt(label, fn):
    try:
        print(f"{label}: returned {fn()!r}")
    except libvirt.libvirtError as e:
        print(f"{label}: code={e.get_error_code()} "
              f"domain={e.get_error_domain()} message={e.get_error_message()!r}")
    except Exception as e:
        print(f"{label}: {type(e).__name__}")


libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open("test:///default")
ro = libvirt.openReadOnly("test:///default")
dom = conn.lookupByName("test")
rodom = ro.lookupByName("test")

attempt("qemuMonitorCommand", lambda: libvirt_qemu.qemuMonitorCommand(dom, '{"execute":"query-status"}', 0))
attempt("qemuMonitorCommand HMP", lambda: libvirt_qemu.qemuMonitorCommand(dom, "info status", libvirt_qemu.VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP))
attempt("qemuMonitorCommand read-only", lambda: libvirt_qemu.qemuMonitorCommand(rodom, "{}", 0))
attempt("qemuMonitorCommandWithFiles", lambda: libvirt_qemu.qemuMonitorCommandWithFiles(dom, "{}"))
attempt("qemuAgentCommand", lambda: libvirt_qemu.qemuAgentCommand(dom, '{"execute":"guest-ping"}', libvirt_qemu.VIR_DOMAIN_QEMU_AGENT_COMMAND_DEFAULT, 0))
attempt("qemuAgentCommand read-only", lambda: libvirt_qemu.qemuAgentCommand(rodom, "{}", 5, 0))
attempt("qemuAttach", lambda: libvirt_qemu.qemuAttach(conn, 4242, 0))
attempt("qemuAttach read-only", lambda: libvirt_qemu.qemuAttach(ro, 4242, 0))
attempt("qemuMonitorEventRegister", lambda: libvirt_qemu.qemuMonitorEventRegister(conn, dom, "STOP", lambda *a: None, None, 0))
attempt("qemuMonitorEventRegister any domain", lambda: libvirt_qemu.qemuMonitorEventRegister(conn, None, None, lambda *a: None, None, 0))
attempt("qemuMonitorEventDeregister", lambda: libvirt_qemu.qemuMonitorEventDeregister(conn, 3))
attempt("lxcOpenNamespace", lambda: libvirt_lxc.lxcOpenNamespace(dom, 0))
attempt("lxcOpenNamespace read-only", lambda: libvirt_lxc.lxcOpenNamespace(rodom, 0))
attempt("lxcEnterCGroup", lambda: libvirt_lxc.lxcEnterCGroup(dom, 0))
attempt("lxcEnterCGroup bad flags", lambda: libvirt_lxc.lxcEnterCGroup(dom, 1))

for mod in (libvirt_qemu, libvirt_lxc):
    names = sorted(n for n in dir(mod) if n.startswith("VIR_"))
    print(mod.__name__, "constants:", ", ".join(f"{n}={getattr(mod, n)}" for n in names))
    funcs = sorted(n for n in dir(mod) if not n.startswith("_") and
                   callable(getattr(mod, n)) and
                   getattr(getattr(mod, n), "__module__", None) == mod.__name__)
    print(mod.__name__, "functions:", ", ".join(funcs))
conn.close()
ro.close()
