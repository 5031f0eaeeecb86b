#!/bin/sh
# Build tests/gen/abi-dump.c (every struct size and offset, enum value and
# macro of the IDL) against our headers and against libvirt's installed ones;
# both must print the same.  Skipped when libvirt-dev is not installed.
set -u
b=${abs_top_builddir:-.}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sysinc=$(pkg-config --variable=includedir libvirt 2>/dev/null)
if [ -z "$sysinc" ] || [ ! -f "$sysinc/libvirt/libvirt.h" ]; then
    echo "1..0 # SKIP libvirt-dev is not installed: nothing to compare with"
    exit 0
fi
cc=${CC:-cc}
$cc -w -I"$b/include" -o "$tmp/ours" "$b/tests/gen/abi-dump.c" || { echo "Bail out! cannot build with our headers"; exit 1; }
$cc -w -I"$sysinc" -o "$tmp/theirs" "$b/tests/gen/abi-dump.c" || { echo "Bail out! cannot build with libvirt's headers"; exit 1; }
"$tmp/ours" >"$tmp/ours.txt"; "$tmp/theirs" >"$tmp/theirs.txt"
n=$(wc -l <"$tmp/ours.txt")
if diff "$tmp/theirs.txt" "$tmp/ours.txt" >"$tmp/diff"; then
    echo "ok 1 - $n ABI facts equal libvirt's (sizes, offsets, enum values, macros)"
    echo "1..1"
else
    echo "not ok 1 - ABI facts differ from libvirt's"; sed 's/^/# /' "$tmp/diff" | head -50
    echo "1..1"; exit 1
fi
