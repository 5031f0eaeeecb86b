#!/bin/sh
# The public entry points do what libvirt 9.0's do before the driver sees a
# call (flag rules, absolute paths, string typed parameters, node device
# parents): tests/entry-fidelity.c is compiled against our headers and run
# on our library and on the system's libvirt.so.0, first on test:///default,
# then through a private virtkitd (the same daemon for both clients, so the
# client side is what is compared).  One result per section of its output.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/..}" && pwd)
tmp=$(mktemp -d)
. "$s/tests/daemon-lib.sh"
trap 'stop_daemons; rm -rf "$tmp"' EXIT
. "$s/tests/tap-lib.sh"

# Sections whose difference is known, with the reason (a TODO result).
todo_local=""
todo_remote=""

if ! ${CC:-cc} -Wall -Werror -I"$b/include" -o "$tmp/fidelity" \
        "$s/tests/entry-fidelity.c" -L"$b/.libs" -lvirt >"$tmp/cc.log" 2>&1; then
    notok "the program builds against our headers and library"
    sed 's/^/# /' "$tmp/cc.log"; echo "1..$n"; exit 0
fi
ok "the program builds against our headers and library"

preload=
if ldd "$b/.libs/libvirt.so.0" | grep -q libasan; then
    preload=$(${CC:-cc} -print-file-name=libasan.so)
fi
ours() {
    env LD_LIBRARY_PATH="$b/.libs" LD_PRELOAD="$preload" \
        ASAN_OPTIONS=detect_leaks=0 "$tmp/fidelity" "$@"
}
theirs() { env -u LD_LIBRARY_PATH "$tmp/fidelity" "$@"; }

# section FILE NAME: the lines of one "## NAME" section.
section() {
    awk -v want="## $2" '/^## /{on = ($0 == want); next} on' "$1"
}

# compare LABEL TODOS: one result per section of $tmp/theirs vs $tmp/ours.
compare() {
    for sec in "flag rules" "paths" "string parameters" "node device parents" "old names" \
               "bad connection" "read-only refusals"; do
        section "$tmp/theirs" "$sec" >"$tmp/t.sec"
        section "$tmp/ours" "$sec" >"$tmp/o.sec"
        why=$(printf '%s\n' "$2" | awk -F'|' -v s="$sec" '$1 == s {print $2}')
        if [ ! -s "$tmp/t.sec" ]; then
            notok "$1: $sec: no output from libvirt 9.0"
        elif diff -u "$tmp/t.sec" "$tmp/o.sec" >"$tmp/diff"; then
            ok "$1: $sec as libvirt 9.0 ($(wc -l <"$tmp/o.sec") lines)"
        elif [ -n "$why" ]; then
            n=$((n+1)); echo "not ok $n - $1: $sec # TODO $why"
            sed 's/^/# /' "$tmp/diff"
        else
            notok "$1: $sec differs from libvirt 9.0"
            sed 's/^/# /' "$tmp/diff"
        fi
    done
}

if ! ldconfig -p 2>/dev/null | grep -q 'libvirt\.so\.0 ' &&
        [ ! -e /usr/lib/x86_64-linux-gnu/libvirt.so.0 ]; then
    skip "no system libvirt.so.0 to compare with"; echo "1..$n"; exit 0
fi

# Relative paths are resolved against the working directory: use our own.
mkdir -p "$tmp/cwd" && cd "$tmp/cwd" || exit 1
if ours >"$tmp/ours" 2>"$tmp/ours.err"; then
    ok "every call returns on our library"
else
    notok "the program fails on our library"; sed 's/^/# /' "$tmp/ours.err" | tail -20
fi
theirs >"$tmp/theirs" 2>/dev/null
compare "test:///default" "$todo_local"

# The daemon works elsewhere, so paths must arrive absolute.
cd / && start_daemon "$tmp/d"; started=$?
cd "$tmp/cwd" || exit 1
if [ $started = 0 ]; then
    uri="test+unix:///default?socket=$tmp/d/run/libvirt-sock"
    ours "$uri" >"$tmp/ours" 2>"$tmp/ours.err" ||
        sed 's/^/# /' "$tmp/ours.err" | tail -5
    theirs "$uri" >"$tmp/theirs" 2>/dev/null
    compare "through virtkitd" "$todo_remote"
else
    notok "virtkitd starts"; sed 's/^/# /' "$tmp/d/log" | tail -5
fi
echo "1..$n"
