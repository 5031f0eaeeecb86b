#!/bin/sh
# The Python binding, built from the IDL: the scenarios print through our
# libvirt module on our libvirt.so exactly what Debian's python3-libvirt prints
# on libvirt 9.0 (expected/*.out, made by regen-expected.sh), and the API
# coverage holds.  TAP.
set -u
# make check runs this from the top build directory; the sources are found
# from the script's own place.
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/../../..}" && pwd)
here="$s/bindings/python/tests"
py=/usr/bin/python3
mod="$b/bindings/python/.libs"
gen="$b/bindings/python/gen"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# Our module and our library, nothing else: the module's directory first,
# the build's libvirt.so before the system's.
export PYTHONPATH="$mod:$gen"
export LD_LIBRARY_PATH="$b/.libs"
# A sanitized libvirt.so needs ASan loaded before Python starts.
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    LD_PRELOAD=$(gcc -print-file-name=libasan.so); export LD_PRELOAD
    ASAN_OPTIONS=detect_leaks=0; export ASAN_OPTIONS
fi

n=0
ok() { n=$((n+1)); echo "ok $n - $*"; }
notok() { n=$((n+1)); echo "not ok $n - $*"; }

if $py - "$gen" "$mod" "$b/.libs" >"$tmp/where" 2>&1 <<'PY'
import sys
import libvirt, libvirtmod
gen, mod, lib = sys.argv[1:4]
assert libvirt.__file__.startswith(gen), libvirt.__file__
assert libvirtmod.__file__.startswith(mod), libvirtmod.__file__
maps = open("/proc/self/maps").read()
assert lib + "/libvirt.so" in maps, "our libvirt.so is not mapped"
assert "/usr/lib/x86_64-linux-gnu/libvirt.so" not in maps, "system libvirt"
print(libvirt.__file__, libvirtmod.__file__)
PY
then
    ok "import libvirt loads our module and our libvirt.so ($(cat "$tmp/where"))"
else
    notok "import libvirt does not load our module and library"
    sed 's/^/# /' "$tmp/where"
    echo "1..$n"
    exit 0
fi

# scenarios LABEL: run every scenario, compare with python3-libvirt's output
scenarios() {
    for scen in "$here"/scenario_*.py; do
        name=$(basename "$scen" .py)
        timeout 120 $py "$scen" >"$tmp/$name.out" 2>"$tmp/$name.err"
        rc=$?
        diff -u "$here/expected/$name.out" "$tmp/$name.out" >"$tmp/$name.diff"
        if [ $? -eq 0 ] && [ $rc -eq 0 ]; then
            ok "$1: $name prints what python3-libvirt prints on libvirt 9.0"
        else
            notok "$1: $name differs from python3-libvirt on libvirt 9.0" \
                "(exit $rc)"
            sed 's/^/# /' "$tmp/$name.diff" | head -40
            sed 's/^/# stderr: /' "$tmp/$name.err" | tail -8
        fi
    done
}

scenarios "our binding on our library"

# The binding alone: the same module on the system's libvirt 9.0 (found
# before the build's through LD_LIBRARY_PATH; the headers are compatible).
syslib=$(/sbin/ldconfig -p 2>/dev/null | awk '/libvirt\.so\.0 /{print $NF; exit}')
if [ -n "$syslib" ]; then
    LD_LIBRARY_PATH=$(dirname "$syslib")
    if $py -c 'import libvirt, sys; sys.exit("'"$syslib"'" not in open("/proc/self/maps").read())' 2>/dev/null; then
        scenarios "our binding on libvirt 9.0"
    else
        notok "our module did not load the system's $syslib"
    fi
    LD_LIBRARY_PATH="$b/.libs"
else
    n=$((n+1)); echo "ok $n # SKIP no system libvirt.so.0 to run the binding on"
fi

$py "$here/api_coverage.py" "$gen/coverage.tsv" "$s/api/virt-api.xml" \
    >"$tmp/cov" 2>&1
if grep -q '^ok' "$tmp/cov" && ! grep -q '^not ok' "$tmp/cov"; then
    sed -n 's/^ok [0-9]* - //p' "$tmp/cov" | while read -r line; do
        n=$((n+1)); echo "ok $n - $line"
    done
    n=$((n + $(grep -c '^ok' "$tmp/cov")))
    grep '^# skipped' "$tmp/cov"
else
    notok "API coverage"
    grep -v '^1\.\.' "$tmp/cov" | sed 's/^/# /'
fi
echo "1..$n"
