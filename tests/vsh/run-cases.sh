#!/bin/sh
# run-cases.sh: data-driven conformance cases for vsh, with TAP output.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Each case in tests/data/vsh is a set of files sharing a name:
#   NAME.cmd   the shell's arguments, one line, in sh quoting; @DATA@ stands
#              for the absolute path of tests/data/vsh
#   NAME.out   expected stdout and stderr together (after masking, below)
#   NAME.rc    expected exit status
#   NAME.in    optional: standard input (default: /dev/null), @DATA@ too
#   NAME.env   optional: VAR=value lines exported for this case only
#   NAME.mask  optional: a sed script applied to both outputs
# Every case is one process, run in tests/data/vsh (so relative file names
# in commands stay short), with a clean environment for URIs.
#
# Masking, applied to the actual output before comparing: the CPU time of
# dominfo, the interactive prompt ("virsh #" and "vsh #" both become
# "PROMPT#"), and the data directory's path (back to @DATA@).
#
# The shell under test is $VSH (default: tools/vsh/vsh in the build tree),
# so the same cases can be run against Debian's virsh to prove that the
# expected files are right:  VSH=virsh tests/vsh/run-cases.sh
# With REGEN=1 the expected .out/.rc files are written instead of checked
# (see regen-expected.sh).  Arguments, if any, select cases by name.

set -u

here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "${abs_top_srcdir:-$here/../..}" && pwd)
builddir=${abs_top_builddir:-$(pwd)}
datadir=$srcdir/tests/data/vsh

VSH=${VSH:-$builddir/tools/vsh/vsh}
case $VSH in
    */*) VSH=$(cd "$(dirname "$VSH")" && pwd)/$(basename "$VSH") ;;
    *) VSH=$(command -v "$VSH") || { echo "1..0 # SKIP $VSH not found"; exit 0; } ;;
esac
if [ ! -x "$VSH" ]; then
    echo "1..0 # SKIP $VSH not built"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vsh-cases.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The common masks; sed -e scripts, applied in this order.
mask() {
    sed -e 's/^\(CPU time: *\)[0-9][0-9.]*s$/\1MASKED/' \
        -e 's/^virsh \([#>]\) /PROMPT\1 /' \
        -e 's/^vsh \([#>]\) /PROMPT\1 /' \
        -e "s|$datadir|@DATA@|g"
}

if [ $# -gt 0 ]; then
    names=$*
else
    names=$(cd "$datadir" && ls *.cmd | sed 's/\.cmd$//')
fi

n=0
failed=0
for name in $names; do
    n=$((n + 1))
    cmdline=$(sed "s|@DATA@|$datadir|g" "$datadir/$name.cmd")
    input=/dev/null
    if [ -f "$datadir/$name.in" ]; then
        sed "s|@DATA@|$datadir|g" "$datadir/$name.in" > "$tmp/in"
        input=$tmp/in
    fi

    (
        cd "$datadir" || exit 99
        unset LIBVIRT_DEFAULT_URI VIRSH_DEFAULT_CONNECT_URI VSH_DEFAULT_CONNECT_URI
        HOME=$tmp/home XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config
        # A wide "screen": on a dumb terminal readline scrolls long echoed
        # lines sideways, which would make the output depend on the path.
        LC_ALL=C.UTF-8 TERM=dumb COLUMNS=100000
        export HOME XDG_CACHE_HOME XDG_CONFIG_HOME LC_ALL TERM COLUMNS
        if [ -f "$datadir/$name.env" ]; then
            while IFS= read -r line; do
                [ -n "$line" ] && export "$line"
            done < "$datadir/$name.env"
        fi
        eval "set -- $cmdline"
        "$VSH" "$@" < "$input" > "$tmp/raw" 2>&1
        echo $? > "$tmp/rc"
    )
    rc=$(cat "$tmp/rc")

    mask < "$tmp/raw" > "$tmp/out"
    if [ -f "$datadir/$name.mask" ]; then
        sed -f "$datadir/$name.mask" "$tmp/out" > "$tmp/out2"
        mv "$tmp/out2" "$tmp/out"
    fi

    if [ "${REGEN:-0}" = 1 ]; then
        cp "$tmp/out" "$datadir/$name.out"
        echo "$rc" > "$datadir/$name.rc"
        echo "ok $n - $name (regenerated, rc $rc)"
        continue
    fi

    want_rc=$(cat "$datadir/$name.rc" 2>/dev/null)
    if [ "$rc" = "$want_rc" ] && cmp -s "$tmp/out" "$datadir/$name.out"; then
        echo "ok $n - $name"
    else
        failed=$((failed + 1))
        echo "not ok $n - $name"
        echo "#   command: $(cat "$datadir/$name.cmd")"
        [ "$rc" = "$want_rc" ] || echo "#   exit status $rc, want $want_rc"
        diff -u "$datadir/$name.out" "$tmp/out" | sed 's/^/#   /'
    fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
