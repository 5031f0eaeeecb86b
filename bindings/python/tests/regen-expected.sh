#!/bin/sh
# Regenerate expected/*.out: each scenario (and binding_*.py) run by Debian's python3-libvirt on
# the system's libvirt 9.0 (no PYTHONPATH, no LD_LIBRARY_PATH).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
env -u PYTHONPATH -u LD_LIBRARY_PATH $py -c \
    'import libvirt, sys; sys.exit(libvirt.__file__ != "/usr/lib/python3/dist-packages/libvirt.py")' ||
    { echo "Debian's python3-libvirt is needed" >&2; exit 1; }
for s in "$here"/scenario_*.py "$here"/binding_*.py; do
    name=$(basename "$s" .py)
    env -u PYTHONPATH -u LD_LIBRARY_PATH $py "$s" >"$here/expected/$name.out"
    echo "wrote expected/$name.out ($(wc -l <"$here/expected/$name.out") lines)"
done
