#!/bin/sh
# libvirt-qemu.so.0 and libvirt-lxc.so.0: every function, called by
# tests/qemu-lxc-calls.c on test:///default, returns and reports what Debian's
# libvirt 9.0 returns and reports.  The program is compiled against our
# headers; it runs on our three libraries, then on the system's.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/..}" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
. "$s/tests/tap-lib.sh"

if ! ${CC:-cc} -Wall -Werror -I"$b/include" -o "$tmp/calls" \
        "$s/tests/qemu-lxc-calls.c" -L"$b/.libs" -lvirt -lvirt-qemu -lvirt-lxc \
        >"$tmp/cc.log" 2>&1; then
    notok "the program builds against our headers and libraries"
    sed 's/^/# /' "$tmp/cc.log"; echo "1..$n"; exit 0
fi
ok "the program builds against our headers and libraries"

preload=
if ldd "$b/.libs/libvirt.so.0" | grep -q libasan; then
    preload=$(${CC:-cc} -print-file-name=libasan.so)
fi
if env LD_LIBRARY_PATH="$b/.libs" LD_PRELOAD="$preload" ASAN_OPTIONS=detect_leaks=0 \
        "$tmp/calls" >"$tmp/ours" 2>"$tmp/ours.err"; then
    ok "every call returns on our libraries ($(wc -l <"$tmp/ours") lines)"
else
    notok "the program fails on our libraries"; sed 's/^/# /' "$tmp/ours.err" | tail -20
fi

if [ -e /usr/lib/x86_64-linux-gnu/libvirt-qemu.so.0 ] || ldconfig -p 2>/dev/null | grep -q 'libvirt-qemu\.so\.0 '; then
    env -u LD_LIBRARY_PATH "$tmp/calls" >"$tmp/theirs" 2>/dev/null
    if diff -u "$tmp/theirs" "$tmp/ours" >"$tmp/diff"; then
        ok "the same returns and errors as libvirt 9.0's libvirt-qemu and libvirt-lxc"
    else
        notok "returns or errors differ from libvirt 9.0's"; sed 's/^/# /' "$tmp/diff"
    fi
else
    n=$((n+1)); echo "ok $n # SKIP no system libvirt-qemu.so.0 to compare with"
fi
echo "1..$n"
