#!/bin/sh
# A peer test suite run on our library: the unit tests of Debian's libvirt-go
# (golang-github-libvirt-libvirt-go-dev), which drive test:///default through
# the C API, compiled against our headers and run on our libvirt.so.0.  One
# TAP line per Go test.  Tests our library cannot pass yet are listed, with
# the reason, in tests/data/peer/libvirt-go-todo.txt and reported as TODO.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/..}" && pwd)
pkg=/usr/share/gocode/src/github.com/libvirt/libvirt-go
todo="$s/tests/data/peer/libvirt-go-todo.txt"

if ! command -v go >/dev/null 2>&1; then
    echo "1..0 # SKIP go is not installed (Debian's golang-go)"
    exit 0
fi
if [ ! -d "$pkg" ]; then
    echo "1..0 # SKIP $pkg missing (Debian's golang-github-libvirt-libvirt-go-dev)"
    exit 0
fi
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    # Go's runtime does not start under an LD_PRELOADed ASan.
    echo "1..0 # SKIP sanitizer build: the Go test binary cannot load ASan"
    exit 0
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
src="$tmp/gopath/src/github.com/libvirt/libvirt-go"
mkdir -p "$(dirname "$src")"
cp -r "$pkg" "$src"
# libvirt-go also binds libvirt-qemu.so.0 and libvirt-lxc.so.0; we build
# those only when our tree has them.
for lib in qemu lxc; do
    [ -e "$b/.libs/libvirt-$lib.so.0" ] || rm -f "$src/$lib".go "$src/$lib"_*.go "$src/$lib"_*.h
done
mkdir -p "$tmp/pc"
cat >"$tmp/pc/libvirt.pc" <<EOF
Name: libvirt
Description: virtkit build tree
Version: 9.0.0
Cflags: -I$b/include
Libs: -L$b/.libs -lvirt
EOF
for lib in qemu lxc; do
    sed "s/-lvirt\$/-lvirt-$lib -lvirt/; s/^Name: libvirt/Name: libvirt-$lib/" \
        "$tmp/pc/libvirt.pc" >"$tmp/pc/libvirt-$lib.pc"
done

export GOPATH="$tmp/gopath" GO111MODULE=off GOFLAGS= GOCACHE="$b/tests/go-cache"
export PKG_CONFIG_PATH="$tmp/pc" PKG_CONFIG_LIBDIR="$tmp/pc"
if ! (cd "$src" && go test -vet=off -c -o "$tmp/libvirt-go.test" .) >"$tmp/build.log" 2>&1; then
    echo "not ok 1 - libvirt-go's tests compile against our headers and library"
    sed 's/^/# /' "$tmp/build.log" | head -40
    echo "1..1"
    exit 0
fi
echo "ok 1 - libvirt-go's tests compile against our headers and library"

export LD_LIBRARY_PATH="$b/.libs"
if ldd "$tmp/libvirt-go.test" | grep 'libvirt\.so\.0' | grep -q "$b/.libs"; then
    echo "ok 2 - the Go test binary loads our libvirt.so.0"
else
    echo "not ok 2 - the Go test binary loads our libvirt.so.0"
    ldd "$tmp/libvirt-go.test" | sed 's/^/# /'
fi

(cd "$tmp" && timeout 300 ./libvirt-go.test -test.v) >"$tmp/run.log" 2>&1
awk -v todo="$todo" '
    BEGIN {
        n = 2
        while ((getline line < todo) > 0) {
            if (line ~ /^[ \t]*(#|$)/) continue
            name = line; sub(/[ \t].*/, "", name)
            why = line; sub(/^[^ \t]+[ \t]+/, "", why)
            reason[name] = why
        }
    }
    /^=== RUN/ { last = $3; out[last] = "" ; next }
    /^    / && last != "" { out[last] = out[last] "#" $0 "\n"; next }
    /^--- (PASS|FAIL|SKIP):/ {
        n++
        t = $3
        if ($2 == "PASS:")
            printf "ok %d - %s%s\n", n, t, (t in reason) ? " # (listed as TODO, now passes)" : ""
        else if ($2 == "SKIP:")
            printf "ok %d # SKIP %s (skipped by the Go test itself)\n", n, t
        else if (t in reason)
            printf "not ok %d - %s # TODO %s\n", n, t, reason[t]
        else {
            printf "not ok %d - %s\n%s", n, t, out[t]
        }
        seen++
    }
    /^(PASS|FAIL)$/ { finished = 1 }
    END {
        n++
        if (seen > 0 && finished)
            printf "ok %d - the Go test binary ran to its end (%d tests)\n", n, seen
        else
            printf "not ok %d - the Go test binary ran to its end\n", n
        printf "1..%d\n", n
    }
' "$tmp/run.log"
grep -A20 -E '^(panic:|fatal error:|SIG)' "$tmp/run.log" | sed 's/^/# /'
