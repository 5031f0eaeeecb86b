#!/bin/sh
# A user's first client of a session URI starts the session daemon, as
# libvirt's clients start libvirtd: `virtkitd --timeout=120`, detached, its
# socket in $XDG_RUNTIME_DIR/libvirt; later clients use the running one;
# LIBVIRT_AUTOSTART=0 turns it off (the error then is virsh's).  Run as the
# user nobody with a private XDG_RUNTIME_DIR; the daemon is stopped by PID.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-.}" && pwd)
tmp=$(mktemp -d)
. "$s/tests/tap-lib.sh"
chmod 755 "$tmp"
run="$tmp/run"
cleanup() {
    pid=$(cat "$run/virtkit/virtkitd.pid" 2>/dev/null)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
    echo "1..0 # SKIP needs root and setpriv to run clients as nobody"; exit 0
fi
if ! setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$b/tools/vsh/vsh"; then
    echo "1..0 # SKIP the user nobody cannot reach the build tree"; exit 0
fi
mkdir -p "$run" "$tmp/home"
chown nobody "$run" "$tmp/home"
# as_nobody COMMAND...: a client of the user nobody, with its own runtime
# dir, on our library (as_nobody_debian: on Debian's).
as_nobody_debian() {
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
        env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_RUNTIME_DIR="$run" \
        XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" "$@"
}
as_nobody() { as_nobody_debian LD_LIBRARY_PATH="$b/.libs" $asan "$@"; }
uri=test+unix:///default
sock="$run/libvirt/libvirt-sock"

as_nobody LIBVIRT_AUTOSTART=0 "$b/tools/vsh/vsh" -c $uri list >"$tmp/off" 2>&1
as_nobody_debian LIBVIRT_AUTOSTART=0 /usr/bin/virsh -c $uri list >"$tmp/off.virsh" 2>&1
if [ ! -e "$sock" ] && grep -q "Failed to connect socket to '$sock': No such file or directory" "$tmp/off"; then
    ok "LIBVIRT_AUTOSTART=0: no daemon is started, the error names the socket"
else
    notok "LIBVIRT_AUTOSTART=0"; sed 's/^/# /' "$tmp/off"
fi
if [ -x /usr/bin/virsh ]; then
    same "... as virsh says it" "$tmp/off.virsh" "$tmp/off"
fi

as_nobody VIRTKITD_PATH="$tmp/missing" "$b/tools/vsh/vsh" -c $uri list >"$tmp/missing.out" 2>&1
check "a daemon that cannot be started is named in the error" \
    grep -q "cannot start the session daemon '$tmp/missing'" "$tmp/missing.out"

as_nobody VIRTKITD_PATH="$b/src/daemon/virtkitd" "$b/tools/vsh/vsh" -c $uri list >"$tmp/first" 2>&1
check "the first client starts the session daemon and is served" \
    grep -q "test *running" "$tmp/first"
pid=$(cat "$run/virtkit/virtkitd.pid" 2>/dev/null)
if [ -n "$pid" ] && [ "$(stat -c %U /proc/$pid)" = nobody ] &&
        tr '\0' ' ' </proc/$pid/cmdline | grep -q -- "virtkitd --timeout=120" &&
        [ -S "$sock" ]; then
    ok "it runs as nobody, detached, with --timeout=120, on $sock"
else
    notok "the session daemon"; ps -ef | grep virtkitd | sed 's/^/# /'
fi
check "... in its own session (not the client's child)" \
    sh -c "[ \$(ps -o sid= -p $pid) != \$(ps -o sid= -p $$) ]"
as_nobody VIRTKITD_PATH="$tmp/missing" "$b/tools/vsh/vsh" -c $uri \
    "define $s/tests/data/vsh/dom-new.xml; list --all --name" >"$tmp/second" 2>&1
check "later clients use the running daemon (and its state)" \
    grep -qx "newdom" "$tmp/second"
check "... the same daemon" sh -c "[ \"\$(cat '$run/virtkit/virtkitd.pid')\" = $pid ]"
tap_done
