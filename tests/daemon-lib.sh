# daemon-lib.sh: sourced by tests that run a private virtkitd.
#   start_daemon DIR [OPTIONS...]  a daemon serving sockets in DIR/run, its
#                                  PID in DIR/pid, log in DIR/log; extra
#                                  config lines may be put in DIR/conf.extra
#   stop_daemons                   stops every daemon started, by PID
# Needs $b (the build tree).  Daemons are never left behind: callers trap
# EXIT to stop_daemons.  The functions' own variables start with sd_/lv_.

daemon_pids=

start_daemon() {
    sd_dir=$1; shift
    mkdir -p "$sd_dir"
    cat >"$sd_dir/conf" <<CONF
unix_sock_dir = "$sd_dir/run"
unix_sock_rw_perms = "0770"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tcp = 0
listen_tls = 0
CONF
    [ -f "$sd_dir/conf.extra" ] && cat "$sd_dir/conf.extra" >>"$sd_dir/conf"
    "$b/src/daemon/virtkitd" -f "$sd_dir/conf" -p "$sd_dir/pid" "$@" >"$sd_dir/log" 2>&1 &
    daemon_pids="$daemon_pids $!"
    i=0
    while [ ! -S "$sd_dir/run/libvirt-sock-ro" ] && [ $i -lt 200 ]; do
        sleep 0.05; i=$((i+1))
    done
    [ -S "$sd_dir/run/libvirt-sock-ro" ]
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

# start_libvirtd DIR [OPTIONS...]: Debian's libvirtd, privately, serving
# DIR/run (extra config lines from DIR/conf.extra); its PID in
# libvirtd_pid.  It runs in its own mount namespace with a private
# /run/libvirt, where its drivers keep their pid files, so several can run
# at once beside a system one; the user libvirt-qemu its qemu driver looks
# up is added to a private /etc/passwd there when the machine lacks it.
# When it cannot run, returns 1 with the reason in libvirtd_why.
start_libvirtd() {
    lv_dir=$1; shift
    libvirtd_why= libvirtd_pid=
    if [ ! -x /usr/sbin/libvirtd ]; then
        libvirtd_why="Debian's libvirtd (libvirt-daemon) is not installed"; return 1
    fi
    if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1; then
        libvirtd_why="a private libvirtd needs root and unshare"; return 1
    fi
    mkdir -p "$lv_dir/run" /run/libvirt
    cat >"$lv_dir/conf" <<CONF
unix_sock_dir = "$lv_dir/run"
auth_unix_rw = "none"
auth_unix_ro = "none"
CONF
    [ -f "$lv_dir/conf.extra" ] && cat "$lv_dir/conf.extra" >>"$lv_dir/conf"
    lv_users=
    if ! getent passwd libvirt-qemu >/dev/null 2>&1; then
        cp /etc/passwd "$lv_dir/passwd"; cp /etc/group "$lv_dir/group"
        echo "libvirt-qemu:x:64055:64055::/var/lib/libvirt:/usr/sbin/nologin" >>"$lv_dir/passwd"
        echo "libvirt-qemu:x:64055:" >>"$lv_dir/group"
        lv_users="mount --bind $lv_dir/passwd /etc/passwd && mount --bind $lv_dir/group /etc/group &&"
    fi
    env -u LD_LIBRARY_PATH -u LD_PRELOAD unshare --mount --propagation private \
        sh -c "mount -t tmpfs -o mode=755 virtkit-test /run/libvirt && $lv_users
               exec /usr/sbin/libvirtd -f '$lv_dir/conf' -p '$lv_dir/pid' $*" \
        >"$lv_dir/log" 2>&1 &
    libvirtd_pid=$!
    daemon_pids="$daemon_pids $libvirtd_pid"
    i=0
    while [ ! -S "$lv_dir/run/libvirt-sock" ] && kill -0 "$libvirtd_pid" 2>/dev/null &&
          [ $i -lt 300 ]; do
        sleep 0.05; i=$((i+1))
    done
    if [ ! -S "$lv_dir/run/libvirt-sock" ]; then
        libvirtd_why="libvirtd did not start: $(tail -1 "$lv_dir/log")"; return 1
    fi
}
