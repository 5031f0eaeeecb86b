# SPDX-License-Identifier: LGPL-2.1-or-later
# Opening connections with credentials, and the library's version.


def openAuth(uri: str, auth: List, flags: int = 0) -> 'virConnect':
    """Open a connection whose credentials come from a Python callback.
    auth is [credential types, callback, opaque]; the callback gets a list
    of [type, prompt, challenge, default, result] items and opaque, fills
    each result with a string and returns 0 (or -1 to refuse)."""
    ret = libvirtmod.virConnectOpenAuth(uri, auth, flags)
    if ret is None:
        raise libvirtError('virConnectOpenAuth() failed')
    return virConnect(_obj=ret)


def getVersion(name: Optional[str] = None) -> int:
    """The library's version (major * 1000000 + minor * 1000 + release);
    with a driver name, the pair (library version, driver version)."""
    if name is None:
        ret = libvirtmod.virGetVersion()
    else:
        ret = libvirtmod.virGetVersion(name)
    if ret is None:
        raise libvirtError("virGetVersion() failed")
    return ret
