#!/bin/sh
# libvirt.so.0 exports exactly libvirt 9.0's public symbols, each in the
# same version node (tests/data/symbols holds `symbol node` lines taken from
# Debian's libvirt0 9.0), and nothing else.
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
lib="$b/.libs/libvirt.so.0"
[ -f "$lib" ] || { echo "Bail out! $lib not built"; exit 1; }
# "node name" for every defined symbol with a LIBVIRT_ version (the nodes
# themselves appear too, as "node node").
objdump -T "$lib" | awk 'NF >= 7 && $4 != "*UND*" && $(NF-1) ~ /^LIBVIRT_[0-9]/ {print $NF, $(NF-1)}' | sort >"$tmp/ours"
sort "$s/tests/data/symbols" >"$tmp/want"
n=0; fail=0
n=$((n+1))
if diff "$tmp/want" "$tmp/ours" >"$tmp/diff"; then
    echo "ok $n - $(wc -l <"$tmp/ours") public symbols with libvirt's version nodes"
else
    echo "not ok $n - exported symbols differ from libvirt 9.0's"; sed 's/^/# /' "$tmp/diff" | head -40; fail=1
fi
n=$((n+1))
extra=$(objdump -T "$lib" | awk 'NF >= 7 && $4 != "*UND*" && $(NF-1) !~ /^LIBVIRT_[0-9]/ {print $NF}' | head -5)
if [ -z "$extra" ]; then echo "ok $n - nothing else is exported"
else echo "not ok $n - unexpected exports: $extra"; fail=1; fi
echo "1..$n"
exit $fail
