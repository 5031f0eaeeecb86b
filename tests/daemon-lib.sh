# daemon-lib.sh: sourced by tests that run a private virtkitd.
#   start_daemon DIR [OPTIONS...]  a daemon serving sockets in DIR/run, its
#                                  PID in DIR/pid, log in DIR/log; extra
#                                  config lines may be put in DIR/conf.extra
#   stop_daemons                   stops every daemon started, by PID
# Needs $b (the build tree).  Daemons are never left behind: callers trap
# EXIT to stop_daemons.

daemon_pids=

start_daemon() {
    dir=$1; shift
    mkdir -p "$dir"
    cat >"$dir/conf" <<CONF
unix_sock_dir = "$dir/run"
unix_sock_rw_perms = "0770"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tcp = 0
listen_tls = 0
CONF
    [ -f "$dir/conf.extra" ] && cat "$dir/conf.extra" >>"$dir/conf"
    "$b/src/daemon/virtkitd" -f "$dir/conf" -p "$dir/pid" "$@" >"$dir/log" 2>&1 &
    daemon_pids="$daemon_pids $!"
    i=0
    while [ ! -S "$dir/run/libvirt-sock-ro" ] && [ $i -lt 200 ]; do
        sleep 0.05; i=$((i+1))
    done
    [ -S "$dir/run/libvirt-sock-ro" ]
}

stop_daemons() {
    for p in $daemon_pids; do kill "$p" 2>/dev/null; done
    for p in $daemon_pids; do
        i=0
        while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do
            sleep 0.05; i=$((i+1))
        done
        kill -9 "$p" 2>/dev/null
    done
    daemon_pids=
}
