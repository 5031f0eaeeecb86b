#!/bin/sh
# run-corpus.sh: every fuzz target once over its seed corpus, as TAP.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# tests/fuzz/fuzz-NAME (the plain-driver build of the target) runs over
# tests/fuzz/corpus/NAME/: one TAP line per target, "ok" when no input
# crashed and nothing was printed.  The inputs named in known-crashes
# ("NAME/FILE KIND  comment" lines: crashes found by fuzzing whose bug is
# not fixed yet) are left out of that run and get a TODO line each: "not
# ok" while they still crash, "ok" (an unexpected pass, which fails the
# suite) once the bug is fixed, so that the line gets removed from the
# list.  KIND "leak" needs LeakSanitizer to show: without a sanitizer
# build that line is a SKIP.
# After its corpus, each target mutates it blindly for a while (fuzz-main's
# -max_total_time): FUZZ_CHECK_SECONDS (default 24) shared by the targets
# run, so that make check does about 30 s of real fuzzing in all, from a
# fixed seed so that a test run does not fail one day and pass the next
# (FUZZ_CHECK_SEED=$(date +%Y%m%d) explores; the line says which was used;
# `make fuzz` is where new ground is covered).  A mutated input that crashes is kept as
# tests/fuzz/crashes/NAME-crash-mutated-* in the build tree.
# Arguments, if any, select targets by name.

set -u

here=$(cd "$(dirname "$0")" && pwd)
srcdir=${abs_top_srcdir:-$(cd "$here/../.." && pwd)}
builddir=${abs_top_builddir:-$(pwd)}
corpus=$srcdir/tests/fuzz/corpus
known=$srcdir/tests/fuzz/known-crashes

if [ $# -gt 0 ]; then
    names=$*
else
    names="domain network storagepool storagevol nodedev uri conf rpc vsh checkpoint snapshot netupdate daemonconf dispatch"
fi
ntargets=$(echo $names | wc -w)
total=${FUZZ_CHECK_SECONDS:-24}
per=$(awk -v t="$total" -v n="$ntargets" 'BEGIN { printf "%.2f", t / n }')
seed=${FUZZ_CHECK_SEED:-20261126}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-corpus.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# The known open crashes of one target: "FILE KIND" lines.
knownFor() {
    [ -f "$known" ] || return 0
    sed -e 's/#.*//' "$known" | awk -v t="$1" '
        { split($1, p, "/"); if (p[1] == t && p[2] != "") print p[2], $2 }'
}

# Whether a target was built with AddressSanitizer (libtool may have put
# the real program under .libs/).
hasAsan() {
    for b in "$1" "$(dirname "$1")/.libs/$(basename "$1")" \
             "$(dirname "$1")/.libs/lt-$(basename "$1")"; do
        [ -f "$b" ] && grep -q __asan_init "$b" 2>/dev/null && return 0
    done
    return 1
}

# Show the end of what a failed run printed, as TAP comments.
diagnose() {
    last=$(sed -n 's/^input: //p' "$tmp/err" | tail -n 1)
    [ -n "$last" ] && echo "# crashed on: $last"
    grep -v '^input: ' "$tmp/err" | head -n 25 | sed 's/^/#   /'
    head -n 5 "$tmp/out" | sed 's/^/#   stdout: /'
}

n=0
for name in $names; do
    n=$((n + 1))
    bin=$builddir/tests/fuzz/fuzz-$name
    if [ ! -x "$bin" ]; then
        echo "not ok $n - $name: $bin is not built"
        continue
    fi
    if [ ! -d "$corpus/$name" ]; then
        echo "not ok $n - $name: no corpus $corpus/$name"
        continue
    fi

    knownFor "$name" > "$tmp/known"
    set --
    for f in "$corpus/$name"/*; do
        [ -f "$f" ] || continue
        cut -d' ' -f1 "$tmp/known" | grep -qxF "$(basename "$f")" && continue
        set -- "$@" "$f"
    done
    count=$#

    rm -rf "$tmp/run" && mkdir "$tmp/run"
    (cd "$tmp/run" && exec "$bin" -v -max_total_time="$per" -seed="$seed" "$@") \
        > "$tmp/out" 2> "$tmp/err"
    rc=$?
    mutated=$(sed -n 's/^mutated: \([0-9]*\) inputs.*/\1/p' "$tmp/err")
    for c in "$tmp/run"/crash-mutated-*; do
        [ -f "$c" ] || continue
        mkdir -p "$builddir/tests/fuzz/crashes"
        cp "$c" "$builddir/tests/fuzz/crashes/$name-$(basename "$c")"
        echo "# kept as $builddir/tests/fuzz/crashes/$name-$(basename "$c")"
    done
    if [ $rc -ne 0 ]; then
        echo "not ok $n - $name: exit status $rc over $count inputs" \
             "(seed $seed, ${per}s of mutations)"
        diagnose
    elif [ -s "$tmp/out" ] || grep -v '^mutated: ' "$tmp/err" | grep -qv '^input: '; then
        echo "not ok $n - $name: the target printed something"
        diagnose
    else
        echo "ok $n - $name: $count inputs, then ${mutated:-0} mutated in ${per}s (seed $seed)"
    fi

    while read -r file kind; do
        n=$((n + 1))
        if [ ! -f "$corpus/$name/$file" ]; then
            echo "not ok $n - $name: known crash $file is missing"
            continue
        fi
        if [ "$kind" = leak ] && ! hasAsan "$bin"; then
            echo "ok $n - $name: $file # SKIP a leak: needs a sanitizer build"
            continue
        fi
        if "$bin" "$corpus/$name/$file" < /dev/null > /dev/null 2>&1; then
            echo "ok $n - $name: $file no longer crashes" \
                 "# TODO remove it from tests/fuzz/known-crashes"
        else
            echo "not ok $n - $name: $file still crashes" \
                 "# TODO open bug listed in tests/fuzz/known-crashes"
        fi
    done < "$tmp/known"
done
echo "1..$n"
