# SPDX-License-Identifier: LGPL-2.1-or-later
# Errors: libvirtError and the error functions, as libvirt-python has them.
# An error is read from the library as a tuple:
# (code, domain, message, level, str1, str2, str3, int1, int2).

from types import TracebackType  # noqa: F401  (libvirt-python exports it)
from typing import (Any, Callable, Dict, List, Optional,  # noqa: F401
                    Tuple, Type, TypeVar, Union, overload)

_T = TypeVar('_T')
# libvirt-python's type names for callbacks and parameter dicts (libvirtaio
# annotates with them)
_EventCB = Callable[[int, int, int, _T], None]
_EventAddHandleFunc = Callable[[int, int, _EventCB, _T], int]
_EventUpdateHandleFunc = Callable[[int, int], None]
_EventRemoveHandleFunc = Callable[[int], int]
_TimerCB = Callable[[int, _T], None]
_EventAddTimeoutFunc = Callable[[int, _TimerCB, _T], int]
_EventUpdateTimeoutFunc = Callable[[int, int], None]
_EventRemoveTimeoutFunc = Callable[[int], int]
_DomainCB = Callable[['virConnect', 'virDomain', int, int, _T],
                     Optional[int]]
_BlkioParameter = Dict[str, Any]
_MemoryParameter = Dict[str, Any]
_SchedParameter = Dict[str, Any]
_TypedParameter = Dict[str, Any]

_BINDING_ONLY = {
    "libvirtError": "the exception every failed call raises, carrying the "
                    "library's last error",
}


class libvirtError(Exception):
    """A failed libvirt call.  The details are the thread's last error at
    the time of the failure; the message given is used only when the
    library recorded none."""

    def __init__(self, defmsg: str) -> None:
        err = libvirtmod.virGetLastError()
        Exception.__init__(self, defmsg if err is None else err[2])
        self.err = err

    def _item(self, i):
        return None if self.err is None else self.err[i]

    def get_error_code(self) -> Optional[int]:
        return self._item(0)

    def get_error_domain(self) -> Optional[int]:
        return self._item(1)

    def get_error_message(self) -> Optional[str]:
        return self._item(2)

    def get_error_level(self) -> Optional[int]:
        return self._item(3)

    def get_str1(self) -> Optional[str]:
        return self._item(4)

    def get_str2(self) -> Optional[str]:
        return self._item(5)

    def get_str3(self) -> Optional[str]:
        return self._item(6)

    def get_int1(self) -> Optional[int]:
        return self._item(7)

    def get_int2(self) -> Optional[int]:
        return self._item(8)


def registerErrorHandler(f: Callable[[_T, List], None], ctx: _T) -> int:
    """Send every libvirt error to f(ctx, error) instead of printing it;
    f=None restores the library's own printing.  Returns 1."""
    return libvirtmod.virRegisterErrorHandler(f, ctx)


def virGetLastError():
    """The calling thread's last error as a tuple, or None."""
    return libvirtmod.virGetLastError()
