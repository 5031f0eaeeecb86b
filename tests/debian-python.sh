#!/bin/sh
# Debian's prebuilt python3-libvirt (built against libvirt 9.0) runs on our
# libvirt.so.0: the same scenario prints the same on both libraries.
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
scen="$s/tests/python/debian-binding-scenario.py"
env -u LD_LIBRARY_PATH $py "$scen" >"$tmp/real" 2>"$tmp/real.err"
env $asan LD_LIBRARY_PATH="$b/.libs" $py "$scen" >"$tmp/ours" 2>"$tmp/ours.err"
rc=$?
n=1
if grep -q "library $b/.libs/libvirt.so.0\|library $(cd "$b" && pwd)/.libs/libvirt.so.0" "$tmp/ours.err"; then
    echo "ok $n - the scenario loaded our libvirt.so.0"
else
    echo "not ok $n - the scenario did not load our library"; sed 's/^/# /' "$tmp/ours.err"
fi
n=$((n+1))
if [ $rc -eq 0 ] && diff "$tmp/real" "$tmp/ours" >"$tmp/diff"; then
    echo "ok $n - python3-libvirt prints the same on libvirt 9.0 and on virtkit ($(wc -l <"$tmp/ours") lines)"
else
    echo "not ok $n - output differs from libvirt 9.0 (exit $rc)"
    sed 's/^/# /' "$tmp/diff" "$tmp/ours.err" | head -60
fi
echo "1..$n"
