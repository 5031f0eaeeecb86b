#!/bin/sh
# crash-define-storm.sh: SIGKILL virtkitd in the middle of a storm of
# defines and undefines, restart it, and check that nothing acknowledged
# was lost and nothing half-written was left (issue 7, crash safety).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# One private virtkitd whose QEMU driver keeps its definitions in a
# state_dir of its own (no guest is started: define, undefine and
# autostart need no QEMU process).  Each round CRASH_CLIENTS (4) clients
# (tests/crash-define-storm.py, Debian's python3-libvirt, one process
# each) define, redefine (new description), undefine and mark autostart
# their own domains as fast as they can, logging every call before it is
# sent and again when it is acknowledged.  After a delay drawn from
# CRASH_SEED (default 7) the daemon gets SIGKILL; a temporary file of an
# interrupted atomic write and a dangling autostart link are planted (as
# a kill at the wrong moment would leave them), the daemon is restarted
# and the checker asks it for every domain: each acknowledged define must
# be there with exactly the XML defined, each acknowledged undefine gone,
# the one call in flight per client either done or not, and the state
# folder must hold exactly the definitions and autostart links (no
# temporary, partial or orphaned file).  CRASH_ROUNDS (4) rounds, each
# starting from what the previous one left.

set -u
b=${abs_top_builddir:-$(pwd)}
srcdir=${abs_top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
. "$srcdir/tests/daemon-lib.sh"

rounds=${CRASH_ROUNDS:-4}
nclients=${CRASH_CLIENTS:-4}
seed=${CRASH_SEED:-7}
py="env -u LD_LIBRARY_PATH /usr/bin/python3"
helper=$srcdir/tests/crash-define-storm.py
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $*"; }

if ! $py -c 'import libvirt' 2>/dev/null; then
    echo "1..0 # SKIP python3-libvirt is not installed"; exit 0
fi
if [ ! -x "$b/src/daemon/virtkitd" ]; then
    echo "1..0 # SKIP virtkitd is not built"; exit 0
fi
if [ ! -x /usr/bin/qemu-system-x86_64 ]; then
    echo "1..0 # SKIP qemu-system-x86_64 is missing (the QEMU driver probes it)"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/crash-storm.XXXXXX") || exit 1
clientpids=
cleanup() {
    for p in $clientpids; do kill "$p" 2>/dev/null; done
    stop_daemons
    # guests, if a domain ever did start (the emulator is /bin/false)
    for f in "$tmp"/rundir/qemu/*.pid; do
        [ -f "$f" ] || continue
        p=$(cat "$f")
        # only a process of ours, not whoever got a stale pid
        tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q "$tmp" &&
            kill -9 "$p" 2>/dev/null
    done
    [ -n "${CRASH_KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

d=$tmp/d
state=$tmp/state
cat >"$tmp/conf.extra" <<EOF
state_dir = "$state"
run_dir = "$tmp/rundir"
qemu_conf = "$tmp/qemu.conf"
EOF
mkdir -p "$d" && cp "$tmp/conf.extra" "$d/conf.extra"
if [ "$(id -u)" = 0 ]; then
    uri="qemu+unix:///system?socket=$d/run/libvirt-sock"
else
    uri="qemu+unix:///session?socket=$d/run/libvirt-sock"
fi

# start (or restart after SIGKILL: the dead daemon's socket files stay)
restart() {
    rm -f "$d/run/libvirt-sock" "$d/run/libvirt-sock-ro"
    start_daemon "$d"
}

# the delay before the kill in round $1: 0.2 to 1.4 s, from the seed
delay() {
    awk -v s="$seed" -v r="$1" 'BEGIN { srand(s * 1000 + r);
        printf "%.2f", 0.2 + rand() * 1.2 }'
}

# every client has logged its first acknowledged call (at most 10 s)
wait_storm() {
    i=0
    while [ $i -lt 200 ]; do
        busy=0
        for c in $(seq 1 "$nclients"); do
            grep -q '"ack"' "$1/c$c.log" 2>/dev/null && busy=$((busy + 1))
        done
        [ $busy -eq "$nclients" ] && return 0
        sleep 0.05; i=$((i + 1))
    done
    return 1
}

if ! restart; then
    notok "virtkitd starts"; sed 's/^/# /' "$d/log"; echo "1..$n"; exit 1
fi
if ! $py "$helper" canon "$uri" "$tmp/canon.xml" 2>"$tmp/canon.err"; then
    notok "the daemon's form of the test domain"
    sed 's/^/# /' "$tmp/canon.err" "$d/log" | head -20; echo "1..$n"; exit 1
fi
ok "a private virtkitd with state_dir $state defines and undefines"

qdir=$state/qemu
for r in $(seq 1 "$rounds"); do
    logs=$tmp/round$r
    mkdir -p "$logs"
    clientpids=
    for c in $(seq 1 "$nclients"); do
        $py "$helper" storm "$uri" "$tmp/canon.xml" "$logs/c$c.log" "$c" \
            "$seed-$r" 2>"$logs/c$c.err" &
        clientpids="$clientpids $!"
    done
    wait_storm "$logs" || { notok "round $r: the clients got going"
        sed 's/^/# /' "$logs"/*.err | head -10; break; }
    sleep "$(delay "$r")"
    pid=$(cat "$d/pid")
    kill -9 "$pid"
    # the clients stop at their first failed call
    for p in $clientpids; do wait "$p"; done
    clientpids=
    calls=$(cat "$logs"/*.log | grep -c '"ack"')
    # what the kill itself left (usually nothing: the window is short)
    left=$(ls "$qdir" | grep -c '\.new-')

    # what a kill during a write or an undefine leaves behind
    : >"$qdir/c1-d0.xml.new-Ab12Cd"
    mkdir -p "$qdir/autostart"
    ln -sf "$qdir/gone-domain.xml" "$qdir/autostart/gone-domain.xml"

    if ! restart; then
        notok "round $r: virtkitd starts again after SIGKILL"
        sed 's/^/# /' "$d/log" | tail -5; break
    fi
    if $py "$helper" check "$uri" "$tmp/canon.xml" "$state" "$logs" \
            "$tmp/base.json" >"$logs/check" 2>&1; then
        ok "round $r (SIGKILL after $(delay "$r") s, $calls acknowledged calls, $left temporary files left by the kill):" \
           "$(sed -n 's/^ok - //p' "$logs/check")"
    else
        notok "round $r (SIGKILL after $(delay "$r") s, $calls acknowledged calls)"
        sed 's/^/# /' "$logs/check" | head -25
    fi
    if grep -q 'Ignoring' "$d/log"; then
        notok "round $r: a definition did not load"
        grep 'Ignoring' "$d/log" | sed 's/^/# /' | head -5
    fi
done

# a clean stop after all that
stop_daemons
ls "$qdir"/*.new-* >/dev/null 2>&1 &&
    notok "temporary files after a clean stop" ||
    ok "no temporary files after a clean stop"
echo "1..$n"
[ $fails -eq 0 ]
