#!/bin/sh
# Real guests under TCG through a private virtkitd: a tiny Linux (Debian's
# cloud kernel and a busybox initramfs built here) prints a marker on its
# serial port and powers off on the ACPI power button.  The scenario and
# its TAP output are in tests/qemu-guest.py; this script builds the guest
# and runs the daemon.  Needs root (DAC labels, trusted.* xattrs),
# qemu-system-x86_64, linux-image-cloud-amd64 and busybox-static.
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
daemon="$b/src/daemon/virtkitd"
py=/usr/bin/python3

skip_all() { echo "1..0 # SKIP $1"; exit 0; }

[ "$(id -u)" = 0 ] || skip_all "needs root"
[ -x /usr/bin/qemu-system-x86_64 ] || skip_all "qemu-system-x86_64 is missing"
[ -x /bin/busybox ] && ldd /bin/busybox 2>&1 | grep -q 'not a dynamic' ||
    skip_all "busybox-static is missing"
kernel=$(ls /boot/vmlinuz-*-cloud-amd64 2>/dev/null | sort -V | tail -n 1)
[ -n "$kernel" ] || skip_all "linux-image-cloud-amd64 is missing"
kver=${kernel#/boot/vmlinuz-}
mods=/lib/modules/$kver/kernel/drivers
[ -f "$mods/acpi/button.ko" ] && [ -f "$mods/input/evdev.ko" ] ||
    skip_all "the kernel's button/evdev modules are missing"
command -v cpio >/dev/null || skip_all "cpio is missing"
# (is the package there: without our build's library, which may need ASan)
env -u LD_LIBRARY_PATH "$py" -c 'import libvirt' 2>/dev/null || skip_all "python3-libvirt is missing"

tmp=$(mktemp -d /tmp/virtkit-guest-XXXXXX)
chmod 755 "$tmp"        # QEMU runs as another user: it must get through
if ! "$py" -c 'import os, sys; open(sys.argv[1], "w").close()
os.setxattr(sys.argv[1], "trusted.virtkit.probe", b"1")' "$tmp/probe" 2>/dev/null; then
    rm -rf "$tmp"
    skip_all "$tmp has no trusted.* xattrs"
fi
netns=
cleanup() {
    [ -f "$tmp/pid" ] && kill "$(cat "$tmp/pid")" 2>/dev/null
    # guests left behind by a failed run
    for p in "$tmp"/run/qemu/*.pid; do
        [ -f "$p" ] && kill -9 "$(cat "$p")" 2>/dev/null
    done
    [ -n "$netns" ] && ip netns del "$netns" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# The daemon runs in a network namespace of its own with a bridge, so the
# tap devices it makes for guests stay out of the host's way.
if command -v ip >/dev/null && ip netns add "virtkit-guest-$$" 2>/dev/null; then
    netns="virtkit-guest-$$"
    ip netns exec "$netns" ip link add vkbr0 type bridge &&
        ip netns exec "$netns" ip link set vkbr0 up || netns=
fi

# The initramfs: busybox, the two modules the power button needs, and an
# init that prints the marker and powers off on the first button event.
root="$tmp/initramfs"
mkdir -p "$root/bin" "$root/dev" "$root/proc" "$root/sys" "$root/lib"
cp /bin/busybox "$root/bin/"
for c in sh mount insmod cat poweroff dd sleep; do ln -s busybox "$root/bin/$c"; done
cp "$mods/acpi/button.ko" "$mods/input/evdev.ko" "$root/lib/"
cat >"$root/init" <<'EOF'
#!/bin/sh
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
insmod /lib/evdev.ko
insmod /lib/button.ko
for n in /sys/class/input/event*; do
    if [ "$(cat $n/device/name 2>/dev/null)" = "Power Button" ]; then
        (dd if=/dev/input/${n##*/} of=/dev/null bs=24 count=1 2>/dev/null
         echo "VIRTKIT-GUEST-POWER-BUTTON"
         poweroff -f) &
    fi
done
(while :; do echo "VIRTKIT-CONSOLE" >/dev/ttyS1; sleep 1; done) &
sleep 1
echo "VIRTKIT-GUEST-UP"
while :; do sleep 1000; done
EOF
chmod 755 "$root/init"
(cd "$root" && find . | cpio -o -H newc 2>/dev/null | gzip -1) >"$tmp/initrd.gz"
cp "$kernel" "$tmp/vmlinuz"
chown 1234:5678 "$tmp/vmlinuz"

cat >"$tmp/virtkitd.conf" <<EOF
unix_sock_dir = "$tmp/sock"
auth_unix_rw = "none"
auth_unix_ro = "none"
state_dir = "$tmp/state"
run_dir = "$tmp/run"
qemu_conf = "$tmp/qemu.conf"
EOF
cat >"$tmp/qemu.conf" <<EOF
user = "+107"
group = "+107"
remember_owner = 1
EOF

# Our library under Debian's python3-libvirt (with the sanitizer runtime
# first when the library was built with it).
asan=
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    tirpc=$(ldd "$b/.libs/libvirt.so.0" | sed -n 's/.*libtirpc[^ ]* => \([^ ]*\).*/\1/p')
    asan="LD_PRELOAD=$(${CC:-gcc} -print-file-name=libasan.so):$tirpc ASAN_OPTIONS=detect_leaks=0"
fi

env $asan LD_LIBRARY_PATH="$b/.libs" VIRTKIT_DAEMON="$daemon" \
    VIRTKIT_TMP="$tmp" VIRTKIT_NETNS="$netns" "$py" "$s/tests/qemu-guest.py"
