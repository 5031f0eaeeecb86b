#!/bin/sh
# test-driver-update.sh: network updates, storage source discovery, volume
# copies and vHBAs (tests/data/testdriver/update-scenario.py) give the same
# answers on libvirt 9.0's test driver and on ours, through Debian's
# python3-libvirt.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
py=/usr/bin/python3
if ! env -u LD_LIBRARY_PATH $py -c 'import libvirt' 2>/dev/null; then
    echo "1..0 # SKIP Debian's python3-libvirt is not installed"
    exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# A sanitizer build of our library needs its runtime loaded first.
asan=
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    asan="LD_PRELOAD=$(${CC:-gcc} -print-file-name=libasan.so) ASAN_OPTIONS=detect_leaks=0"
fi
scen="$s/tests/data/testdriver/update-scenario.py"
env -u LD_LIBRARY_PATH $py "$scen" >"$tmp/real" 2>&1
env $asan LD_LIBRARY_PATH="$b/.libs" $py "$scen" >"$tmp/ours" 2>&1
rc=$?
if [ $rc -eq 0 ] && diff "$tmp/real" "$tmp/ours" >"$tmp/diff"; then
    echo "ok 1 - the same answers as libvirt 9.0's test driver ($(wc -l <"$tmp/ours") lines)"
else
    echo "not ok 1 - answers differ from libvirt 9.0's test driver (exit $rc)"
    sed 's/^/# /' "$tmp/diff" | head -60
fi
echo "1..1"
