# SPDX-License-Identifier: LGPL-2.1-or-later
# Event loops written in Python (virEventRegisterImpl, as libvirtaio uses
# it) and Python callbacks on the registered loop (virEventAddHandle,
# virEventAddTimeout).  A loop gets each handle's and timeout's callback as
# _eventInvokeHandleCallback / _eventInvokeTimeoutCallback with an opaque
# tuple (callback, opaque, free function), and frees a removed one's
# opaque with virEventInvokeFreeCallback.

_BINDING_ONLY = {
    "virEventInvokeFreeCallback": "a Python event loop frees a removed "
                                  "handle's or timeout's opaque with it "
                                  "(libvirt-python's; no C function)",
}


def _eventInvokeHandleCallback(watch: int, fd: int, event: int,
                               opaque: Any, opaquecompat: Any = None) -> None:
    """Run the library's callback of a ready handle.  opaque is the tuple
    the loop got from addHandle; old loops pass the callback and its opaque
    separately."""
    if opaquecompat:
        callback, data = opaque, opaquecompat
    else:
        assert isinstance(opaque, tuple)
        callback, data = opaque[0], opaque[1]
    libvirtmod._virEventInvokeHandleCallback(watch, fd, event, callback,
                                             data)


def _eventInvokeTimeoutCallback(timer: int, opaque: Any,
                                opaquecompat: Any = None) -> None:
    """Run the library's callback of a timeout that fired."""
    if opaquecompat:
        callback, data = opaque, opaquecompat
    else:
        assert isinstance(opaque, tuple)
        callback, data = opaque[0], opaque[1]
    libvirtmod._virEventInvokeTimeoutCallback(timer, callback, data)


def _dispatchEventHandleCallback(watch: int, fd: int, events: int,
                                 cbData: Dict[str, Any]) -> int:
    cbData["cb"](watch, fd, events, cbData["opaque"])
    return 0


def _dispatchEventTimeoutCallback(timer: int,
                                  cbData: Dict[str, Any]) -> int:
    cbData["cb"](timer, cbData["opaque"])
    return 0


def virEventRegisterImpl(addHandle, updateHandle, removeHandle, addTimeout,
                         updateTimeout, removeTimeout):
    """Run the library's events on an event loop written in Python: the
    six functions add, update and remove watched file handles and
    timeouts.  Register before opening a connection."""
    libvirtmod.virEventRegisterImpl(addHandle, updateHandle, removeHandle,
                                    addTimeout, updateTimeout,
                                    removeTimeout)


def virEventAddHandle(fd: int, events: int, cb: Callable, opaque: Any) -> int:
    """Call cb(watch, fd, events, opaque) when fd has one of events
    (VIR_EVENT_HANDLE_*), on the registered event loop; returns the
    watch."""
    cbData = {"cb": cb, "opaque": opaque}
    ret = libvirtmod.virEventAddHandle(fd, events, cbData,
                                       _dispatchEventHandleCallback)
    if ret == -1:
        raise libvirtError('virEventAddHandle() failed')
    return ret


def virEventAddTimeout(timeout: int, cb: Callable, opaque: Any) -> int:
    """Call cb(timer, opaque) every timeout milliseconds (0: on every loop
    iteration, -1: never) on the registered event loop; returns the
    timer."""
    cbData = {"cb": cb, "opaque": opaque}
    ret = libvirtmod.virEventAddTimeout(timeout, cbData,
                                        _dispatchEventTimeoutCallback)
    if ret == -1:
        raise libvirtError('virEventAddTimeout() failed')
    return ret


def virEventInvokeFreeCallback(opaque: Any) -> None:
    """Free the opaque of a handle or timeout the loop removed (the tuple
    addHandle or addTimeout got).  Call it from the loop, not from inside
    removeHandle or removeTimeout."""
    libvirtmod._virEventInvokeFreeCallback(opaque[2], opaque[1])
