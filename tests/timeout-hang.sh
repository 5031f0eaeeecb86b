#!/bin/sh
# timeout-hang.sh: per-call timeouts (call_timeout, beyond libvirtd):
# a driver call that hangs gets VIR_ERR_OPERATION_TIMEOUT after
# call_timeout seconds, its worker is replaced, and other clients keep
# being served meanwhile (issue 7).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# A private virtkitd (test:///default) with call_timeout = 2, 3 ordinary
# workers and 2 priority workers (at most 5 stuck ones are replaced),
# started with the test knob VIRTKITD_TEST_HANG_PROC so that CONNECT_GET_CAPABILITIES (low priority)
# and CONNECT_GET_HOSTNAME (high priority) hang for HANG (6) seconds.
# tests/timeout-hang.py (Debian's python3-libvirt) makes those calls while
# 3 other clients loop over quick calls of both priorities.  Then, once
# the hung calls end on their own, their late replies must have been
# dropped (the connections still work, the daemon logged it) and the
# stuck threads gone.  A daemon without call_timeout answers the same
# call when it ends, as libvirtd would.

set -u
b=${abs_top_builddir:-$(pwd)}
srcdir=${abs_top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
. "$srcdir/tests/daemon-lib.sh"

py="env -u LD_LIBRARY_PATH /usr/bin/python3"
helper=$srcdir/tests/timeout-hang.py
timeout=2
hang=6
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $*"; }
# TAP lines of the helper, numbered here
tap() {
    while IFS= read -r line; do
        case $line in
        "ok - "*) ok "${line#ok - }" ;;
        "not ok - "*) notok "${line#not ok - }" ;;
        *) echo "$line" ;;
        esac
    done
}

if ! $py -c 'import libvirt' 2>/dev/null; then
    echo "1..0 # SKIP python3-libvirt is not installed"; exit 0
fi
if [ ! -x "$b/src/daemon/virtkitd" ]; then
    echo "1..0 # SKIP virtkitd is not built"; exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/timeout-hang.XXXXXX") || exit 1
trap 'stop_daemons; [ -n "${HANG_KEEP:-}" ] || rm -rf "$tmp"' EXIT INT TERM

export VIRTKITD_TEST_HANG_PROC=CONNECT_GET_CAPABILITIES,CONNECT_GET_HOSTNAME
export VIRTKITD_TEST_HANG_SECONDS=$hang
d=$tmp/d
mkdir -p "$d"
cat >"$d/conf.extra" <<EOF
call_timeout = $timeout
min_workers = 3
max_workers = 3
prio_workers = 2
log_level = 2
log_outputs = "2:file:$d/full.log"
state_dir = "$tmp/state"
run_dir = "$tmp/rundir"
EOF
if ! start_daemon "$d"; then
    notok "virtkitd starts with call_timeout"; sed 's/^/# /' "$d/log"
    echo "1..$n"; exit 1
fi
pid=$(cat "$d/pid")
uri="test+unix:///default?socket=$d/run/libvirt-sock"
threads() { awk '$1 == "Threads:" { print $2 }' "/proc/$pid/status"; }
threads0=$(threads)

dropped() { grep -c "ended after its timeout; its reply is dropped" "$d/full.log"; }
$py "$helper" "$uri" "$timeout" one >"$tmp/one" 2>&1
tap <"$tmp/one"
# the flood starts with no worker stuck: the first hung call has ended
i=0
while [ "$(dropped)" -lt 1 ] && [ $i -lt $((hang * 8)) ]; do
    sleep 0.25; i=$((i + 1))
done
$py "$helper" "$uri" "$timeout" flood >"$tmp/flood" 2>&1
tap <"$tmp/flood"
threads1=$(threads)
replaced=$(grep -c "timed out after $timeout s; its worker was replaced" "$d/full.log")
kept=$(grep -c "its worker could not be replaced" "$d/full.log")
# 1 + 5 replaced; the last one (2 s later) finds 5 stuck: the limit
[ "$replaced" -eq 6 ] && [ "$kept" -eq 1 ] &&
    grep -q "CONNECT_GET_HOSTNAME.*its worker was replaced" "$d/full.log" &&
    ok "the daemon logs the 7 timeouts: 6 workers replaced (priority ones too), the 7th kept as 5 (max_workers + prio_workers) were stuck" ||
    notok "the daemon logs the 7 timeouts: 6 workers replaced, the 7th kept ($replaced replaced, $kept not)"

# let the hung calls end (HANG seconds after the last one began, at most
# 2 timeouts after the flood started)
i=0
while { [ "$(dropped)" -lt 7 ] || [ "$(threads)" -gt "$threads0" ]; } &&
      [ $i -lt $(( (hang + 2 * timeout + 4) * 4 )) ]; do
    sleep 0.25; i=$((i + 1))
done
threads2=$(threads)
[ "$threads2" -le "$threads0" ] &&
    ok "the stuck threads left when their calls ended: threads $threads0 before, $threads1 while stuck, $threads2 after" ||
    notok "the stuck threads left when their calls ended: threads $threads0 before, $threads1 while stuck, $threads2 after"
dropped=$(dropped)
[ "$dropped" -eq 7 ] &&
    ok "the late replies of the 7 hung calls were dropped" ||
    notok "the late replies of the 7 hung calls were dropped (the log says $dropped)"
if env -u LD_LIBRARY_PATH virsh -q -c "$uri" list --all >/dev/null 2>&1 && kill -0 "$pid"; then
    ok "the daemon serves on"
else
    notok "the daemon serves on"
fi

# without call_timeout: the hung call is simply answered when it ends
stop_daemons
export VIRTKITD_TEST_HANG_SECONDS=1
sed -i "s/^call_timeout = .*/call_timeout = 0/" "$d/conf.extra"
rm -f "$d/run/libvirt-sock" "$d/run/libvirt-sock-ro"
if start_daemon "$d"; then
    t0=$(date +%s%N)
    out=$($py -c 'import libvirt, sys; print(libvirt.open(sys.argv[1]).getHostname())' "$uri" 2>&1)
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ -n "$out" ] && [ $ms -ge 900 ] &&
        ok "call_timeout = 0 (the default): no timeout, the call returns when it ends ($out after $ms ms)" ||
        notok "call_timeout = 0: the call returns when it ends ($out after $ms ms)"
else
    notok "virtkitd starts without call_timeout"
fi
echo "1..$n"
[ $fails -eq 0 ]
