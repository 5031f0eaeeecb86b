#!/bin/sh
# test-driver-fidelity.sh: tests/test-driver-fidelity-test on Debian's
# libvirt.so.0 (the expected answers are libvirt's), then through virtkitd
# with our client library and with Debian's.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/..}" && pwd)
. "$s/tests/daemon-lib.sh"
tmp=$(mktemp -d)
trap 'stop_daemons; rm -rf "$tmp"' EXIT
prog="$b/tests/.libs/test-driver-fidelity-test"
[ -x "$prog" ] || prog="$b/tests/test-driver-fidelity-test"
# A sanitizer build of our library needs its runtime loaded first.
asan=
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    asan="LD_PRELOAD=$(${CC:-gcc} -print-file-name=libasan.so) ASAN_OPTIONS=detect_leaks=0"
fi
n=0

# run WHAT LIBDIR URI: one TAP line for a whole run of the program.
run() {
    what=$1 libdir=$2 uri=$3
    n=$((n + 1))
    if [ -n "$libdir" ]; then
        env $asan LD_LIBRARY_PATH="$libdir" FIDELITY_URI="$uri" "$prog" >"$tmp/out" 2>&1
    else
        env -u LD_LIBRARY_PATH FIDELITY_URI="$uri" "$prog" >"$tmp/out" 2>&1
    fi
    rc=$?
    if [ $rc -eq 0 ] && ! grep -q '^not ok' "$tmp/out"; then
        echo "ok $n - $what ($(grep -c '^ok' "$tmp/out") checks)"
    else
        echo "not ok $n - $what (exit $rc)"
        grep -v '^ok' "$tmp/out" | sed 's/^/# /' | head -40
    fi
}

if [ -e /usr/lib/x86_64-linux-gnu/libvirt.so.0 ] || \
   env -u LD_LIBRARY_PATH ldd "$prog" 2>/dev/null | grep -q 'libvirt.so.0 => /'; then
    run "libvirt 9.0 itself gives the expected answers" "" test:///default
else
    n=$((n + 1)); echo "ok $n # SKIP Debian's libvirt.so.0 is not installed"
fi
run "test:///default" "$b/.libs" test:///default
if ! start_daemon "$tmp/d"; then
    echo "Bail out! virtkitd does not start"; sed 's/^/# /' "$tmp/d/log"; exit 1
fi
uri="test+unix:///default?socket=$tmp/d/run/libvirt-sock"
run "through virtkitd" "$b/.libs" "$uri"
if env -u LD_LIBRARY_PATH ldd "$prog" 2>/dev/null | grep -q 'libvirt.so.0 => /'; then
    # The daemon's domain keeps what the run before set: the same calls
    # give the same answers again.
    run "Debian's client through virtkitd" "" "$uri"
fi
echo "1..$n"
