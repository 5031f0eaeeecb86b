#!/bin/sh
# with-libvirtd.sh CMD...: run CMD next to a throwaway libvirtd (the
# system's, 9.0) in a private mount namespace: tmpfs over libvirt's run,
# config and state directories, so nothing of the host's is seen or
# changed.  Needs root, unshare and mounts; exit 77 when they are missing.
set -u
if [ -z "${VKPL_IN_NS:-}" ]; then
    if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1 ||
            ! [ -x /usr/sbin/libvirtd ] || ! [ -d /run/libvirt ] ||
            ! [ -d /etc/libvirt ] || ! [ -d /var/lib/libvirt ]; then
        exit 77
    fi
    unshare -m --propagation private true 2>/dev/null || exit 77
    VKPL_IN_NS=1 exec unshare -m --propagation private sh "$0" "$@"
fi
for d in /run/libvirt /etc/libvirt /var/lib/libvirt /var/cache/libvirt \
        /var/log/libvirt; do
    if [ -d "$d" ]; then
        mount -t tmpfs vkpl "$d" || exit 77
    fi
done
echo 'unix_sock_dir = "/run/libvirt"' >/etc/libvirt/libvirtd.conf
/usr/sbin/libvirtd -d -f /etc/libvirt/libvirtd.conf \
    -p /run/libvirt/libvirtd.pid 2>/dev/null || exit 77
# the daemon goes with us, however we end
stop() {
    [ -f /run/libvirt/libvirtd.pid ] && kill "$(cat /run/libvirt/libvirtd.pid)" 2>/dev/null
}
trap stop EXIT
trap 'exit 143' TERM INT
for i in $(seq 100); do
    [ -S /run/libvirt/libvirt-sock ] && break
    sleep 0.1
done
"$@"
