# SPDX-License-Identifier: LGPL-2.1-or-later
# libvirt-python's own shapes on test:///default: string lists in and out,
# CPU maps as tuples of booleans, integer arrays, struct results as lists
# and dicts, file descriptor lists and the close callback, with the Python
# errors bad arguments give.  Run on Debian's python3-libvirt it makes
# expected/binding_shapes.out; compared on libvirt 9.0 (virtkit's test
# driver lacks some of these calls yet).
import libvirt


def show(label, fn):
    try:
        print(f"{label}: {fn()!r}")
    except libvirt.libvirtError as e:
        print(f"{label}: error code={e.get_error_code()} "
              f"domain={e.get_error_domain()} {e.get_error_message()}")
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
net = conn.networkLookupByName("default")
CPU = "<cpu><arch>x86_64</arch><model>Haswell</model></cpu>"

# ---- string lists ----
show("baselineCPU", lambda: conn.baselineCPU([CPU], 0))
show("baselineCPU []", lambda: conn.baselineCPU([], 0))
show("baselineCPU None", lambda: conn.baselineCPU(None, 0))
show("baselineCPU tuple", lambda: conn.baselineCPU((CPU,), 0))
show("baselineCPU [1]", lambda: conn.baselineCPU([1], 0))
show("baselineHypervisorCPU", lambda: conn.baselineHypervisorCPU(
    None, "x86_64", None, None, [CPU], 0))
show("getCPUModelNames", lambda: conn.getCPUModelNames("x86_64", 0)[:5])
show("getCPUModelNames unknown", lambda: conn.getCPUModelNames("nope", 0))
show("authorizedSSHKeysGet", lambda: dom.authorizedSSHKeysGet("root"))
show("authorizedSSHKeysSet", lambda: dom.authorizedSSHKeysSet(
    "root", ["ssh-rsa AAAA"]))
show("fsFreeze", dom.fsFreeze)
show("fsFreeze ['/']", lambda: dom.fsFreeze(["/"]))
show("fsFreeze [None]", lambda: dom.fsFreeze([None]))
show("fsThaw", dom.fsThaw)
show("messages", lambda: dom.messages())

# ---- CPU maps ----
show("getCPUMap", lambda: conn.getCPUMap())
show("vcpus maps", lambda: dom.vcpus()[1])
show("vcpus info", lambda: [(n, s, c) for n, s, _, c in dom.vcpus()[0]])
show("vcpuPinInfo", lambda: dom.vcpuPinInfo(0))
show("emulatorPinInfo", lambda: dom.emulatorPinInfo(0))
show("pinVcpu", lambda: dom.pinVcpu(0, (True, False, True)))
show("vcpuPinInfo after", lambda: dom.vcpuPinInfo(0))
show("pinVcpu longer than the host", lambda: dom.pinVcpu(1, (True,) * 20))
show("pinVcpu truths", lambda: dom.pinVcpu(1, (1, 0, 2, "x", None)))
show("vcpuPinInfo after truths", lambda: dom.vcpuPinInfo(0))
show("pinVcpu list", lambda: dom.pinVcpu(1, [True]))
show("pinVcpuFlags", lambda: dom.pinVcpuFlags(1, (False, True), 0))
show("pinVcpuFlags CONFIG", lambda: dom.pinVcpuFlags(
    1, (False, True), libvirt.VIR_DOMAIN_AFFECT_CONFIG))
show("pinEmulator", lambda: dom.pinEmulator((True, False), 0))
show("emulatorPinInfo after", lambda: dom.emulatorPinInfo(0))
show("pinIOThread", lambda: dom.pinIOThread(1, (True,), 0))
show("ioThreadInfo", lambda: dom.ioThreadInfo(0))

# ---- integer arrays ----
show("getCellsFreeMemory", lambda: conn.getCellsFreeMemory(0, 2))
show("getCellsFreeMemory from 1", lambda: conn.getCellsFreeMemory(1, 5))
show("getCellsFreeMemory past the cells", lambda:
     conn.getCellsFreeMemory(2, 1))
show("getFreePages", lambda: conn.getFreePages([4, 2048], 0, 2))
show("getFreePages tuple", lambda: conn.getFreePages((4,), 0, 2))
show("getFreePages ['x']", lambda: conn.getFreePages(["x"], 0, 2))
show("allocPages", lambda: conn.allocPages({4: 10, 2048: 3}, 0, 1))
show("allocPages bad size", lambda: conn.allocPages({"x": 1}, 0, 1))
show("sendKey", lambda: dom.sendKey(0, 10, [30, 31], 2))
show("sendKey none", lambda: dom.sendKey(0, 10, [], 0))
show("sendKey ['a']", lambda: dom.sendKey(0, 10, ["a"], 1))

# ---- struct results ----
show("blockJobInfo", lambda: dom.blockJobInfo("vda", 0))
show("diskErrors", lambda: dom.diskErrors())
show("fsInfo", lambda: dom.fsInfo())
show("interfaceAddresses", lambda: dom.interfaceAddresses(
    libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE))
show("interfaceAddresses agent", lambda: dom.interfaceAddresses(
    libvirt.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT))
show("securityLabelList", lambda: dom.securityLabelList())
show("DHCPLeases", lambda: net.DHCPLeases())

# ---- file descriptors and the close callback ----
show("createWithFiles", lambda: dom.createWithFiles([]))
show("createXMLWithFiles", lambda: conn.createXMLWithFiles("<domain/>", []))
show("FDAssociate", lambda: dom.FDAssociate("x", []))
show("registerCloseCallback", lambda: conn.registerCloseCallback(
    lambda c, reason, opaque: print("closed", reason, opaque), "op"))
show("unregisterCloseCallback", conn.unregisterCloseCallback)
show("unregisterCloseCallback again", conn.unregisterCloseCallback)
