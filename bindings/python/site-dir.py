# SPDX-License-Identifier: LGPL-2.1-or-later
"""site-dir.py purelib|platlib PREFIX: where `make install` puts the Python
binding for the interpreter running this script.

The answer is the interpreter's own site directory, laid out the same way
under PREFIX.  Asking sysconfig with base=PREFIX is not enough on Debian:
its default scheme (posix_local) adds "/local" to the base itself, so
--prefix=/usr/local would give /usr/local/local/lib/... , which no Python
searches.  Here the scheme's directory for the interpreter's own prefix
(/usr/local/lib/python3.11/dist-packages on Debian) is split into the
prefix it really uses (/usr/local) and the rest, and the rest goes under
PREFIX: /usr/local/lib/python3.11/dist-packages again for the usual
prefix, PREFIX/lib/python3.11/site-packages for a python.org build."""

import os
import sys
import sysconfig


def site_dir(kind, prefix):
    base = sys.base_prefix if kind == "purelib" else sys.base_exec_prefix
    if sys.prefix != sys.base_prefix:          # a virtual environment
        base = sys.prefix if kind == "purelib" else sys.exec_prefix
    own = sysconfig.get_path(kind, vars={"base": base, "platbase": base})
    # the longest prefix of the answer that is base or below it
    # (base/local for Debian's scheme)
    root = base
    for cand in (os.path.join(base, "local"), base):
        if own.startswith(cand.rstrip("/") + "/"):
            root = cand
            break
    rest = os.path.relpath(own, root)
    return os.path.join(prefix, rest)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("purelib", "platlib"):
        sys.exit("usage: site-dir.py purelib|platlib PREFIX")
    print(site_dir(sys.argv[1], sys.argv[2]))
