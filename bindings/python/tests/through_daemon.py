# SPDX-License-Identifier: LGPL-2.1-or-later
"""Run a scenario through virtkitd instead of in-process:

    through_daemon.py SOCKET SCENARIO.py

Every open of test:///default (open, openReadOnly, openAuth) goes to
test+unix:///default?socket=SOCKET instead, and the daemon URI is shown
as test:///default again in what the scenario prints, so its output can
be compared with the in-process expectation unchanged."""
import io
import runpy
import sys

sock, script = sys.argv[1], sys.argv[2]
remote = f"test+unix:///default?socket={sock}"

import libvirt  # noqa: E402


def _redirect(fn):
    def wrapper(uri=None, *args, **kwargs):
        if uri == "test:///default":
            uri = remote
        return fn(uri, *args, **kwargs)
    return wrapper


libvirt.open = _redirect(libvirt.open)
libvirt.openReadOnly = _redirect(libvirt.openReadOnly)
libvirt.openAuth = _redirect(libvirt.openAuth)


class _Unmask(io.TextIOBase):
    def __init__(self, out):
        self.out = out

    def write(self, s):
        return self.out.write(s.replace(remote, "test:///default"))

    def flush(self):
        self.out.flush()


sys.stdout = _Unmask(sys.stdout)
sys.argv = [script]
runpy.run_path(script, run_name="__main__")
sys.stdout.flush()
