"""pty-complete.py: drive vsh's interactive mode through a pseudo-terminal
and print what it shows, to check tab completion and history.

SPDX-License-Identifier: LGPL-2.1-or-later

Usage: pty-complete.py VSH HOME LINE...   (each LINE is sent with "\\n";
"\\t" in a LINE stands for a Tab key press)
"""
import os
import pty
import select
import sys
import time

PROMPT = b'vsh # '


def read_for(fd, seconds):
    """Read until the prompt shows up again, or for at most @seconds."""
    out = b''
    end = time.time() + seconds
    while time.time() < end:
        if out.endswith(PROMPT):
            break
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    return out


def main():
    vsh, home, lines = sys.argv[1], sys.argv[2], sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM='dumb', HOME=home, XDG_CACHE_HOME=home + '/cache',
                          LC_ALL='C.UTF-8')
        os.execv(vsh, [vsh, '-q', '-c', 'test:///default'])
    out = read_for(fd, 10.0)
    for line in lines:
        os.write(fd, line.replace('\\t', '\t').encode() + b'\n')
        out += read_for(fd, 10.0)
    os.write(fd, b'quit\n')
    out += read_for(fd, 2.0)
    os.waitpid(pid, 0)
    sys.stdout.write(out.decode(errors='replace').replace('\r', ''))


main()
