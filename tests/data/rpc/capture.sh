#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Record the golden frames of tests/rpc-xdr-test: run Debian's libvirtd
# privately, put record.py between it and two clients (scenario.py, then
# `virsh list --all`), and keep every frame under OUTDIR.
#
#   capture.sh OUTDIR          (as root; not part of `make check`)
#
# Needs libvirt-daemon, libvirt-clients and python3-libvirt.  libvirtd
# refuses to start without the libvirt-qemu user, which is created if it
# is missing.  Only one libvirtd can run on a machine at a time.
set -eu

out=${1:?usage: capture.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/rpc-capture.XXXXXX)
daemon_pid=

cleanup() {
    [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null || :
    rm -rf "$dir"
}
trap cleanup EXIT

if ! id libvirt-qemu >/dev/null 2>&1; then
    groupadd --system libvirt-qemu
    useradd --system -g libvirt-qemu --no-create-home -d /var/lib/libvirt \
        -s /usr/sbin/nologin libvirt-qemu
fi

mkdir -p "$dir/run" "$out"
cat >"$dir/libvirtd.conf" <<EOF
unix_sock_dir = "$dir/run"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tcp = 0
listen_tls = 0
EOF

/usr/sbin/libvirtd -f "$dir/libvirtd.conf" -p "$dir/pid" >"$dir/daemon.log" 2>&1 &
daemon_pid=$!
i=0
while [ ! -S "$dir/run/libvirt-sock" ]; do
    i=$((i + 1))
    [ $i -lt 100 ] || { cat "$dir/daemon.log"; exit 1; }
    sleep 0.1
done

record() {
    /usr/bin/python3 "$here/record.py" --connections 1 \
        "$dir/relay-sock" "$dir/run/libvirt-sock" "$out/$1" &
    relay=$!
    while [ ! -S "$dir/relay-sock" ]; do sleep 0.05; done
}

record scenario
/usr/bin/python3 "$here/scenario.py" "$dir/relay-sock"
wait $relay

record virsh-list
virsh -c "test+unix:///default?socket=$dir/relay-sock" list --all
wait $relay

kill "$daemon_pid"
wait "$daemon_pid" 2>/dev/null || :
daemon_pid=
ls "$out"/*
