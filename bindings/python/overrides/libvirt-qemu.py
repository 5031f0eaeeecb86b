# SPDX-License-Identifier: LGPL-2.1-or-later
# libvirt_qemu functions written by hand: results through pointers, file
# descriptor lists and monitor event callbacks.
from typing import Any, Callable, Dict, List, Tuple


def _dispatchQemuMonitorEventCallback(conn, dom, event, seconds, micros,
                                      details, cbData):
    """Called from C for each monitor event: hands it to the callback."""
    cbData["cb"](conn, libvirt.virDomain(conn, _obj=dom), event, seconds,
                 micros, details, cbData["opaque"])
    return 0


def qemuMonitorCommand(domain, cmd, flags):
    """Send a QEMU monitor command (QMP, or HMP with
    VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP) and return the reply text."""
    ret = libvirtmod_qemu.virDomainQemuMonitorCommand(domain._o, cmd, flags)
    if ret is None:
        raise libvirt.libvirtError('virDomainQemuMonitorCommand() failed')
    return ret


def qemuMonitorCommandWithFiles(domain: libvirt.virDomain, cmd: str,
                                files: List[int] = [],
                                flags: int = 0) -> Tuple[str, List[int]]:
    """Like qemuMonitorCommand, lending the descriptors in files to the
    command; returns the reply and the descriptors it handed back."""
    ret = libvirtmod_qemu.virDomainQemuMonitorCommandWithFiles(
        domain._o, cmd, files, flags)
    if ret is None:
        raise libvirt.libvirtError(
            'virDomainQemuMonitorCommandWithFiles() failed')
    return ret


def qemuMonitorEventRegister(conn: libvirt.virConnect, dom: libvirt.virDomain,
                             event: str, cb: Callable[..., None],
                             opaque: Any, flags: int = 0) -> int:
    """Call cb(conn, dom, event, seconds, micros, details, opaque) for each
    QEMU monitor event (of dom, or of every domain when dom is None);
    returns the callback id."""
    if not hasattr(conn, 'qemuMonitorEventCallbackID'):
        conn.qemuMonitorEventCallbackID = {}
    cbData: Dict[str, Any] = {"cb": cb, "conn": conn, "opaque": opaque}
    ret = libvirtmod_qemu.virConnectDomainQemuMonitorEventRegister(
        conn._o, None if dom is None else dom._o, event, cbData, flags)
    if ret == -1:
        raise libvirt.libvirtError(
            'virConnectDomainQemuMonitorEventRegister() failed')
    conn.qemuMonitorEventCallbackID[ret] = opaque
    return ret


def qemuMonitorEventDeregister(conn: libvirt.virConnect,
                               callbackID: int) -> None:
    """Stop the monitor event callback registered as callbackID."""
    try:
        ret = libvirtmod_qemu.virConnectDomainQemuMonitorEventDeregister(
            conn._o, callbackID)
        if ret == -1:
            raise libvirt.libvirtError(
                'virConnectDomainQemuMonitorEventDeregister() failed')
        del conn.qemuMonitorEventCallbackID[callbackID]
    except AttributeError:
        pass
