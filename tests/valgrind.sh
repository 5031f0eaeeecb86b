#!/bin/sh
# valgrind.sh: run C test programs under valgrind's memcheck, as TAP
# (make check-valgrind).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   valgrind.sh PROGRAM[:ARGS]...
#
# Each PROGRAM (a path in the build tree; libtool wrappers are run through
# ./libtool --mode=execute) runs once under
#   valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect
# with tests/valgrind.supp; ARGS, if given after a ':', are its arguments
# (words split at ','). One TAP line per program: "ok" when valgrind found
# no memory error and no definite or indirect leak, and the program
# itself passed.  Full logs are kept in tests/valgrind-logs/NAME.log, with
# a suppression written for every finding (--gen-suppressions=all).
# A child process after fork() is not checked (--child-silent-after-fork):
# such children _exit() at once, holding their parent's allocations,
# which are not leaks (the security drivers' helpers, util-log-test).
# A sanitizer build cannot run under valgrind: then every line is a SKIP.
# VALGRIND_TIMEOUT (seconds, default 900) bounds each program.

set -u

srcdir=${abs_top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${abs_top_builddir:-$(pwd)}
supp=$srcdir/tests/valgrind.supp
logs=$builddir/tests/valgrind-logs
timeout=${VALGRIND_TIMEOUT:-900}
mkdir -p "$logs" || exit 1

export G_SLICE=always-malloc G_DEBUG=gc-friendly
# as automake's test harness does: some tests find their data from it
export srcdir=$srcdir
export LD_LIBRARY_PATH=$builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

if ! command -v valgrind >/dev/null 2>&1; then
    echo "1..0 # SKIP valgrind is not installed"
    exit 0
fi

# The real program behind a libtool wrapper, to tell an ASan build.
realProgram() {
    for b in "$(dirname "$1")/.libs/lt-$(basename "$1")" \
             "$(dirname "$1")/.libs/$(basename "$1")" "$1"; do
        [ -f "$b" ] && { echo "$b"; return; }
    done
    echo "$1"
}

n=0
fails=0
for spec in "$@"; do
    n=$((n + 1))
    prog=${spec%%:*}
    args=
    [ "$prog" != "$spec" ] && args=$(echo "${spec#*:}" | tr ',' ' ')
    name=$(basename "$prog")
    log=$logs/$name.log
    bin=$builddir/$prog
    if [ ! -x "$bin" ]; then
        echo "not ok $n - $name: not built"
        fails=$((fails + 1))
        continue
    fi
    if grep -q __asan_init "$(realProgram "$bin")" 2>/dev/null; then
        echo "ok $n - $name # SKIP a sanitizer build"
        continue
    fi
    run=
    if grep -q 'libtool wrapper' "$bin" 2>/dev/null; then
        run="$builddir/libtool --mode=execute"
    fi
    start=$(date +%s)
    # shellcheck disable=SC2086 # ARGS and the libtool prefix are words
    (cd "$builddir" && timeout "$timeout" $run valgrind -q \
        --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
        --child-silent-after-fork=yes --track-fds=no --num-callers=30 --gen-suppressions=all \
        --suppressions="$supp" --log-file="$log.%p" \
        "$bin" $args) > "$log.out" 2>&1
    rc=$?
    secs=$(( $(date +%s) - start ))
    # a test may fork (helpers): keep every process's log in one file
    cat "$log".[0-9]* > "$log" 2>/dev/null; rm -f "$log".[0-9]*
    errors=$(grep -c '^==[0-9]*== [A-Z][a-z]' "$log" 2>/dev/null)
    lost=$(grep -E 'definitely lost in|indirectly lost in' "$log" | wc -l)
    if [ $rc -eq 0 ] && [ "$lost" -eq 0 ] && [ "$errors" -eq 0 ]; then
        echo "ok $n - $name (${secs}s)"
    else
        fails=$((fails + 1))
        why="exit $rc"
        [ $rc -eq 99 ] && why="valgrind found errors"
        [ $rc -eq 124 ] && why="timed out after ${timeout}s"
        echo "not ok $n - $name: $why, $lost leak records (${secs}s; $log)"
        grep -E '^==[0-9]+== +(at|by|[A-Z])' "$log" | head -n 12 | sed 's/^/#   /'
        grep -E '^not ok' "$log.out" | head -n 5 | sed 's/^/#   test: /'
    fi
done
echo "1..$n"
[ $fails -eq 0 ]
