#!/bin/sh
# run-fuzz.sh: run libFuzzer targets for a while each (make fuzz).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   run-fuzz.sh BINDIR CORPUSDIR SECONDS 'OPTIONS' NAME...
#
# BINDIR/fuzz-NAME runs for SECONDS seconds over a working corpus
# tests/fuzz/work/NAME/ (new inputs are kept there) and the seeds of
# CORPUSDIR/NAME/ (copied to tests/fuzz/seeds/NAME/ without the inputs
# listed in CORPUSDIR/../known-crashes, which would only be found again),
# with OPTIONS added to libFuzzer's.  It
# runs in libFuzzer's fork mode with crashes, leaks, timeouts and OOMs
# ignored, so that a known bug does not end the search: each one is
# written to tests/fuzz/crashes/NAME-crash-... (or -leak-, -timeout-, ...)
# and fuzzing goes on.  (OPTIONS "-fork=0" gives the classic mode, which
# stops at the first crash.)
# The full output is in tests/fuzz/logs/NAME.log; one summary line per
# target is printed and also kept, as a Markdown table, in
# tests/fuzz/logs/summary.md.  Exit status 1 if any target failed.

set -u

if [ $# -lt 5 ]; then
    echo "usage: $0 BINDIR CORPUSDIR SECONDS OPTIONS NAME..." >&2
    exit 2
fi
bindir=$1
corpus=$2
seconds=$3
options=$4
shift 4

mkdir -p tests/fuzz/crashes tests/fuzz/logs || exit 1
summary=tests/fuzz/logs/summary.md
{
    echo "Fuzzing on $(date -u +%Y-%m-%d), $seconds s per target" \
         "($(uname -m), $(nproc 2>/dev/null || echo '?') CPUs, $(${FUZZ_CC:-clang} --version 2>/dev/null | head -n 1))"
    echo
    echo "| target | seconds | inputs run | inputs/s | corpus | coverage | result |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
} > "$summary"

# The value of "stat::NAME: VALUE" in a log.
stat() {
    sed -n "s/^stat::$1: *//p" "$2" | tail -n 1
}

failed=0
for name in "$@"; do
    bin=$bindir/fuzz-$name
    log=tests/fuzz/logs/$name.log
    work=tests/fuzz/work/$name
    seeds=tests/fuzz/seeds/$name
    mkdir -p "$work"
    rm -rf "$seeds" && mkdir -p "$seeds" && cp "$corpus/$name"/* "$seeds"/ ||
        exit 1
    if [ -f "$corpus/../known-crashes" ]; then
        sed -e 's/#.*//' "$corpus/../known-crashes" |
            awk -v t="$name" '{ split($1, p, "/"); if (p[1] == t) print p[2] }' |
            while read -r f; do [ -n "$f" ] && rm -f "$seeds/$f"; done
    fi
    start=$(date +%s)
    # shellcheck disable=SC2086 # OPTIONS is a list of words
    before=$(ls tests/fuzz/crashes | grep -c "^$name-")
    "$bin" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="tests/fuzz/crashes/$name-" \
        $options "$work" "$seeds" > "$log" 2>&1 < /dev/null
    rc=$?
    elapsed=$(( $(date +%s) - start ))

    # classic mode ends with stat:: lines; fork mode reports its totals
    # as "#RUNS: cov: N ft: N corp: N exec/s N oom/timeout/crash: a/b/c"
    runs=$(stat number_of_executed_units "$log")
    rate=$(stat average_exec_per_sec "$log")
    last=$(grep '^#[0-9]*: cov: ' "$log" | tail -n 1)
    if [ -z "$runs" ] && [ -n "$last" ]; then
        runs=$(echo "$last" | sed 's/^#\([0-9]*\):.*/\1/')
        rate=$(( runs / (elapsed > 0 ? elapsed : 1) ))
    fi
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
    units=$(find "$work" -type f | wc -l)
    new=$(( $(ls tests/fuzz/crashes | grep -c "^$name-") - before ))
    if [ $rc -eq 0 ] && [ $new -eq 0 ]; then
        result=ok
    else
        failed=1
        what=$(grep -a -m 1 -o 'ERROR: [A-Za-z]*Sanitizer: [a-z-]*\|ERROR: libFuzzer: [a-z-]*\|fuzz invariant broken: [^:]*\|runtime error: .*' "$log" | head -n 1)
        result="FAILED (status $rc, $new new files in tests/fuzz/crashes/${what:+; first: $what})"
    fi
    printf 'fuzz-%-12s %4ss %10s inputs %7s/s  coverage %-6s %s\n' \
        "$name" "$elapsed" "${runs:-?}" "${rate:-?}" "${cov:-?}" "$result"
    echo "| $name | $elapsed | ${runs:-?} | ${rate:-?} | $units | ${cov:-?} | $result |" \
        >> "$summary"
done
echo "summary: $summary; logs: tests/fuzz/logs/; crashes: tests/fuzz/crashes/"
exit $failed
