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
    # with libtirpc too: ASan intercepts the xdr functions and must find
    # libtirpc's, not glibc's (gone), when the daemon scenarios encode
    tirpc=$(ldd "$b/.libs/libvirt.so.0" | sed -n 's/.*libtirpc[^ ]* => \([^ ]*\).*/\1/p')
    LD_PRELOAD="$(gcc -print-file-name=libasan.so) $tirpc"; export LD_PRELOAD
    # No quarantine: freed memory must leave the heap for the growth check.
    ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=0:thread_local_quarantine_size_kb=0
    export ASAN_OPTIONS
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

# compare LABEL SCRIPT...: run each script, compare with what
# python3-libvirt prints on libvirt 9.0
compare() {
    label=$1; shift
    for scen in "$@"; do
        name=$(basename "$scen" .py)
        timeout 120 $py "$scen" >"$tmp/$name.out" 2>"$tmp/$name.err"
        rc=$?
        diff -u "$here/expected/$name.out" "$tmp/$name.out" >"$tmp/$name.diff"
        if [ $? -eq 0 ] && [ $rc -eq 0 ]; then
            ok "$label: $name prints what python3-libvirt prints on libvirt 9.0"
        else
            notok "$label: $name differs from python3-libvirt on libvirt 9.0" \
                "(exit $rc)"
            sed 's/^/# /' "$tmp/$name.diff" | head -40
            sed 's/^/# stderr: /' "$tmp/$name.err" | tail -8
        fi
    done
}

# runs LABEL SCRIPT...: each script runs to its end (its output is not
# compared: it calls what virtkit's drivers do not have yet)
runs() {
    label=$1; shift
    for scen in "$@"; do
        name=$(basename "$scen" .py)
        if timeout 120 $py "$scen" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
            ok "$label: $name runs to its end"
        else
            notok "$label: $name fails (exit $?)"
            sed 's/^/# stderr: /' "$tmp/$name.err" | tail -8
        fi
    done
}

# scenario_*: the same on both libraries; binding_*: the binding's own
# shapes, compared on libvirt 9.0 (virtkit's test driver lacks some calls)
compare "our binding on our library" "$here"/scenario_*.py
runs "our binding on our library" "$here"/binding_*.py

# The same programs through a private virtkitd: every open of
# test:///default goes to the daemon (through_daemon.py); the output must
# not change.
. "$s/tests/daemon-lib.sh"
trap 'stop_daemons; rm -rf "$tmp"' EXIT
if start_daemon "$tmp/daemon"; then
    for scen in "$here"/scenario_*.py; do
        name=$(basename "$scen" .py)
        timeout 120 $py "$here/through_daemon.py" \
            "$tmp/daemon/run/libvirt-sock" "$scen" \
            >"$tmp/$name.daemon.out" 2>"$tmp/$name.daemon.err"
        rc=$?
        if diff -u "$here/expected/$name.out" "$tmp/$name.daemon.out" \
                >"$tmp/$name.daemon.diff" && [ $rc -eq 0 ]; then
            ok "our binding through virtkitd: $name prints what python3-libvirt prints in-process"
        else
            notok "our binding through virtkitd: $name differs (exit $rc)"
            sed 's/^/# /' "$tmp/$name.daemon.diff" | head -40
            sed 's/^/# stderr: /' "$tmp/$name.daemon.err" | tail -8
        fi
    done
else
    notok "a private virtkitd starts"; sed 's/^/# /' "$tmp/daemon/log" | tail -20
fi
stop_daemons

# The binding alone: the same module on the system's libvirt 9.0 (found
# before the build's through LD_LIBRARY_PATH; the headers are compatible).
syslib=$(/sbin/ldconfig -p 2>/dev/null | awk '/libvirt\.so\.0 /{print $NF; exit}')
if [ -n "$syslib" ]; then
    LD_LIBRARY_PATH=$(dirname "$syslib")
    if $py -c 'import libvirt, sys; sys.exit("'"$syslib"'" not in open("/proc/self/maps").read())' 2>/dev/null; then
        compare "our binding on libvirt 9.0" "$here"/scenario_*.py \
            "$here"/binding_*.py
    else
        notok "our module did not load the system's $syslib"
    fi
    LD_LIBRARY_PATH="$b/.libs"
else
    n=$((n+1)); echo "ok $n # SKIP no system libvirt.so.0 to run the binding on"
fi

# Every libvirt-python name we have takes the same parameters.
theirs=/usr/lib/python3/dist-packages/libvirt.py
if [ -f "$theirs" ]; then
    if $py "$here/api_signatures.py" "$gen/libvirt.py" "$theirs" \
        >"$tmp/sig" 2>&1 && grep -q '^ok 1 ' "$tmp/sig"; then
        ok "$(sed -n 's/^ok 1 - //p' "$tmp/sig")"
    else
        notok "signatures differ from libvirt-python's"
        grep -v '^1\.\.' "$tmp/sig" | grep -v '^# missing' | sed 's/^/# /'
    fi
    sed -n 's/^ok 2 - /# /p; s/^# missing: /#   /p' "$tmp/sig"
else
    n=$((n+1)); echo "ok $n # SKIP no Debian python3-libvirt to compare with"
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
