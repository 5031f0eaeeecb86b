#!/bin/sh
# libvirt.so.0, libvirt-qemu.so.0 and libvirt-lxc.so.0 export exactly libvirt
# 9.0's public symbols, each in the same version node (tests/data/symbols*
# hold `symbol node` lines taken from Debian's libvirt0 9.0), and nothing
# else -- except that libvirt.so.0 lends the few internal functions listed in
# src/libvirt_private.syms to the other two, in a node of virtkit's own.
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0; fail=0

# "name node" for every defined symbol in a node matching $2 (the nodes
# themselves appear too, as "node node").
exports() {
    objdump -T "$1" | awk -v re="$2" 'NF >= 7 && $4 != "*UND*" && $(NF-1) ~ re {print $NF, $(NF-1)}' | sort
}

# check LIB DATA NODE-RE: the library's versioned exports equal DATA, and it
# exports nothing outside nodes matching NODE-RE.
check() {
    lib="$b/.libs/$1"; want="$s/tests/data/$2"; re=$3
    n=$((n+1))
    if [ ! -f "$lib" ]; then
        echo "not ok $n - $1 is built"; fail=1; return
    fi
    exports "$lib" "^LIBVIRT_[A-Z_]*[0-9]" >"$tmp/ours"
    sort "$want" >"$tmp/want"
    if diff "$tmp/want" "$tmp/ours" >"$tmp/diff"; then
        echo "ok $n - $1: $(wc -l <"$tmp/ours") public symbols with libvirt's version nodes"
    else
        echo "not ok $n - $1: exported symbols differ from libvirt 9.0's"
        sed 's/^/# /' "$tmp/diff" | head -40; fail=1
    fi
    n=$((n+1))
    extra=$(objdump -T "$lib" | awk -v re="$re" 'NF >= 7 && $4 != "*UND*" && $(NF-1) !~ re {print $NF}' | head -5)
    if [ -z "$extra" ]; then echo "ok $n - $1 exports nothing else"
    else echo "not ok $n - $1: unexpected exports: $extra"; fail=1; fi
}

check libvirt.so.0 symbols '^(LIBVIRT_[0-9]|VIRTKIT_PRIVATE_)'
check libvirt-qemu.so.0 symbols-qemu '^LIBVIRT_QEMU_[0-9]'
check libvirt-lxc.so.0 symbols-lxc '^LIBVIRT_LXC_[0-9]'

# The private node holds exactly what src/libvirt_private.syms lists.
n=$((n+1))
sed -n 's/^[ \t]*\([A-Za-z_][A-Za-z0-9_]*\);$/\1/p' "$s/src/libvirt_private.syms" | sort >"$tmp/lent"
exports "$b/.libs/libvirt.so.0" '^VIRTKIT_PRIVATE_' | awk '$1 !~ /^VIRTKIT_/ {print $1}' >"$tmp/private"
if [ -s "$tmp/lent" ] && diff "$tmp/lent" "$tmp/private" >"$tmp/diff"; then
    echo "ok $n - libvirt.so.0 lends exactly the $(wc -l <"$tmp/lent") functions of src/libvirt_private.syms"
else
    echo "not ok $n - libvirt.so.0's private node differs from src/libvirt_private.syms"
    sed 's/^/# /' "$tmp/diff"; fail=1
fi
echo "1..$n"
exit $fail
