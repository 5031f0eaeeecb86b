#!/bin/sh
# The read-only socket refuses every write API: tests/rpc-readonly.py sends
# each remote procedure whose function the IDL marks access="rw" as a raw
# call on virtkitd's libvirt-sock-ro (opened read-write, so only the daemon
# can refuse) and expects VIR_ERR_OPERATION_DENIED.  The daemon must still
# be alive afterwards.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/..}" && pwd)
. "$s/tests/daemon-lib.sh"
tmp=$(mktemp -d)
trap 'stop_daemons; rm -rf "$tmp"' EXIT

if ! start_daemon "$tmp/d"; then
    echo "Bail out! virtkitd does not start"; sed 's/^/# /' "$tmp/d/log"; exit 1
fi
/usr/bin/python3 "$s/tests/rpc-readonly.py" "$s/api/virt-api.xml" \
    "$tmp/d/run/libvirt-sock-ro" >"$tmp/out" 2>&1
grep -v '^1\.\.' "$tmp/out"
n=$(grep -c '^\(not \)\?ok ' "$tmp/out")

# Another user on the read-only socket (Debian's virsh, as nobody): it
# gets test:///default, and no file of the daemon's choosing.
ro="$tmp/d/run/libvirt-sock-ro"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && command -v virsh >/dev/null; then
    chmod 755 "$tmp" "$tmp/d" "$tmp/d/run"
    asnobody() {
        setpriv --reuid nobody --regid nogroup --clear-groups \
            env -u LD_LIBRARY_PATH HOME=/nonexistent virsh -c "$1" list 2>&1
    }
    n=$((n + 1))
    if asnobody "test+unix:///default?socket=$ro" | grep -q '^ 1 *test *running'; then
        echo "ok $n - another user lists test:///default on the read-only socket"
    else
        echo "not ok $n - another user lists test:///default on the read-only socket"
        asnobody "test+unix:///default?socket=$ro" | sed 's/^/# /'
    fi
    n=$((n + 1))
    if asnobody "test+unix:///etc/passwd?socket=$ro" | grep -q 'operation forbidden: only the daemon'; then
        echo "ok $n - another user cannot make the daemon read a file (test:///etc/passwd)"
    else
        echo "not ok $n - another user cannot make the daemon read a file (test:///etc/passwd)"
        asnobody "test+unix:///etc/passwd?socket=$ro" | sed 's/^/# /'
    fi
else
    n=$((n + 1)); echo "ok $n # SKIP needs root, setpriv and Debian's virsh to act as another user"
fi
n=$((n + 1))
if kill -0 "$(cat "$tmp/d/pid")" 2>/dev/null; then
    echo "ok $n - the daemon is still serving"
else
    echo "not ok $n - the daemon died"; sed 's/^/# /' "$tmp/d/log" | tail -20
fi
echo "1..$n"
