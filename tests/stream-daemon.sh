#!/bin/sh
# Streams end to end: screenshots in-process, through a private virtkitd
# with our library and with Debian's virsh and python3-libvirt (the same
# bytes every way); volume upload/download with holes through a private
# Debian libvirtd (a `dir` pool in a temporary folder) using our vsh;
# garbage stream frames leave the daemon serving.  Processes are stopped
# by PID.
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
daemon="$b/src/daemon/virtkitd"
vsh="$b/tools/vsh/vsh"
py=/usr/bin/python3
tmp=$(mktemp -d)
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
. "$s/tests/daemon-lib.sh"
export LD_LIBRARY_PATH="$b/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

. "$s/tests/tap-lib.sh"
has_debian_virsh=false
debian sh -c 'command -v virsh' >/dev/null 2>&1 && has_debian_virsh=true

asan=
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    tirpc=$(ldd "$b/.libs/libvirt.so.0" | sed -n 's/.*libtirpc[^ ]* => \([^ ]*\).*/\1/p')
    asan="LD_PRELOAD=$(${CC:-gcc} -print-file-name=libasan.so):$tirpc ASAN_OPTIONS=detect_leaks=0"
fi

# ---- in-process ----------------------------------------------------------
cd "$tmp" || exit 1
check "screenshot in-process" sh -c \
    "'$vsh' -c test:///default screenshot test '$tmp/local.png' >'$tmp/o1'"
printf 'Screenshot saved to %s, with type of image/png\n' "$tmp/local.png" >"$tmp/o1.want"
same "screenshot prints virsh's line" "$tmp/o1.want" "$tmp/o1"
check "the picture is a PNG" sh -c "head -c 8 '$tmp/local.png' | od -An -c | grep -q 'P   N   G'"
check "screenshot without a file name makes one" sh -c \
    "'$vsh' -c test:///default screenshot test | grep -q '^Screenshot saved to test-[0-9-]*:[0-9:]*\\.png, with type of image/png\$'"
rm -f "$tmp"/test-*.png
if "$vsh" -c test:///default screenshot nosuch x.png >"$tmp/o2" 2>&1; then
    notok "screenshot of an unknown domain fails"
else
    ok "screenshot of an unknown domain fails"
fi
check "... with virsh's message" grep -qx "error: failed to get domain 'nosuch'" "$tmp/o2"
check "... and leaves no file" test ! -e x.png
if "$vsh" -c test:///default screenshot test /nonexistent/dir/x.png >"$tmp/o3" 2>&1; then
    notok "screenshot into a missing folder fails"
else
    ok "screenshot into a missing folder fails"
fi
check "... with virsh's message" grep -qx "error: cannot create file /nonexistent/dir/x.png" "$tmp/o3"

# ---- through a private virtkitd ------------------------------------------
d="$tmp/d"
mkdir -p "$d"
: >"$d/qemu.conf"
cat >"$d/conf" <<EOF
unix_sock_dir = "$d/run"
state_dir = "$d/state"
run_dir = "$d/rundir"
qemu_conf = "$d/qemu.conf"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tcp = 0
listen_tls = 0
EOF
"$daemon" -f "$d/conf" -p "$d/pid" >"$d/log" 2>&1 &
dpid=$!; pids="$pids $dpid"
i=0
while [ ! -S "$d/run/libvirt-sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
uri="test+unix:///default?socket=$d/run/libvirt-sock"
if [ -S "$d/run/libvirt-sock" ]; then
    ok "virtkitd is up"
    check "screenshot through virtkitd (our library)" \
        "$vsh" -c "$uri" screenshot test "$tmp/remote.png"
    same "... the same bytes as in-process" "$tmp/local.png" "$tmp/remote.png"
    if $has_debian_virsh; then
        check "screenshot through virtkitd (Debian's virsh)" \
            debian virsh -c "$uri" screenshot test "$tmp/virsh.png"
        same "... the same bytes as in-process" "$tmp/local.png" "$tmp/virsh.png"
    else
        skip "Debian's virsh is not installed"
        skip "Debian's virsh is not installed"
    fi
    cat >"$tmp/shot.py" <<'EOF'
import sys, libvirt
c = libvirt.open(sys.argv[1])
d = c.lookupByName("test")
st = c.newStream(0)
mime = d.screenshot(st, 0)
data = b""
while True:
    got = st.recv(1 << 16)
    if not got:
        break
    data += got
st.finish()
open(sys.argv[2], "wb").write(data)
print(mime)
# A stream aborted half-way, then the connection still works.
st = c.newStream(0)
d.screenshot(st, 0)
st.recv(10)
st.abort()
print(c.getHostname() != "")
EOF
    if debian $py -c 'import libvirt' 2>/dev/null; then
        check "screenshot through virtkitd (Debian's python3-libvirt)" sh -c \
            "env -u LD_LIBRARY_PATH $py '$tmp/shot.py' '$uri' '$tmp/py.png' >'$tmp/py.out'"
        printf 'image/png\nTrue\n' >"$tmp/py.want"
        same "... mime type, and abort leaves the connection usable" "$tmp/py.want" "$tmp/py.out"
        same "... the same bytes as in-process" "$tmp/local.png" "$tmp/py.png"
    else
        skip "no python3-libvirt"; skip "no python3-libvirt"; skip "no python3-libvirt"
    fi
    # Our library under Debian's python3-libvirt: a non-blocking stream
    # read from stream events, and four threads streaming at once on one
    # connection (each thread's frames must reach its own stream).
    cat >"$tmp/nb.py" <<'EOF'
import sys, threading, hashlib, libvirt
libvirt.virEventRegisterDefaultImpl()
c = libvirt.open(sys.argv[1])
d = c.lookupByName("test")
st = c.newStream(libvirt.VIR_STREAM_NONBLOCK)
d.screenshot(st, 0)
got = bytearray(); state = {"done": False}
def cb(s, ev, o):
    while True:
        b = s.recv(65536)
        if b == -2:
            return
        if not b:
            s.eventRemoveCallback(); s.finish(); state["done"] = True
            return
        got.extend(b)
st.eventAddCallback(libvirt.VIR_STREAM_EVENT_READABLE, cb, None)
n = 0
while not state["done"] and n < 10000:
    libvirt.virEventRunDefaultImpl(); n += 1
open(sys.argv[2], "wb").write(got)
def loop():
    while True:
        libvirt.virEventRunDefaultImpl()
threading.Thread(target=loop, daemon=True).start()
sums = []
def worker(i):
    for k in range(10):
        s = c.newStream(0)
        d.screenshot(s, 0)
        data = b""
        while True:
            b = s.recv(1000 + i * 333)
            if not b:
                break
            data += b
        s.finish()
        sums.append(hashlib.sha256(data).hexdigest())
        c.getHostname()
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
[t.start() for t in ts]
[t.join() for t in ts]
print(len(sums), len(set(sums)), sums[0] == hashlib.sha256(bytes(got)).hexdigest())
EOF
    if debian $py -c 'import libvirt' 2>/dev/null; then
        check "stream events and threads, our library through virtkitd" sh -c \
            "$asan timeout 60 $py '$tmp/nb.py' '$uri' '$tmp/nb.png' | grep -qx '40 1 True'"
        same "... the same bytes as in-process" "$tmp/local.png" "$tmp/nb.png"
    else
        skip "no python3-libvirt"; skip "no python3-libvirt"
    fi
    # Each open stream costs the daemon a thread: a client gets 64 at most.
    cat >"$tmp/many.py" <<'EOF'
import sys, libvirt
libvirt.registerErrorHandler(lambda c, e: None, None)
c = libvirt.open(sys.argv[1]); d = c.lookupByName("test")
sts = []
try:
    for i in range(100):
        st = c.newStream(0); d.screenshot(st, 0); sts.append(st)
except libvirt.libvirtError as e:
    print(len(sts), e.get_error_message())
for st in sts:
    st.abort()
st = c.newStream(0); d.screenshot(st, 0); print(len(st.recv(8))); st.finish()
EOF
    if debian $py -c 'import libvirt' 2>/dev/null; then
        env -u LD_LIBRARY_PATH $py "$tmp/many.py" "$uri" >"$tmp/many.out" 2>&1
        printf '64 operation failed: too many open streams (64) for this client\n8\n' >"$tmp/many.want"
        same "at most 64 open streams per client, then it goes on" "$tmp/many.want" "$tmp/many.out"
    else
        skip "no python3-libvirt"
    fi
    if "$vsh" -c "$uri" vol-download nosuch x >"$tmp/o4" 2>&1; then
        notok "vol-download of an unknown volume fails"
    else
        ok "vol-download of an unknown volume fails"
    fi

    # Garbage stream frames: wrong serial, oversized, after the finish.
    cat >"$tmp/garbage.py" <<'EOF'
import socket, struct, sys
PROG, VERS = 0x20008086, 1
CALL, REPLY, STREAM = 0, 1, 3
OK, ERROR, CONTINUE = 0, 1, 2
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(5)
def send(proc, typ, serial, status, payload=b""):
    s.sendall(struct.pack(">7I", 28 + len(payload), PROG, VERS, proc, typ,
                          serial, status) + payload)
def recv():
    hdr = b""
    while len(hdr) < 4:
        hdr += s.recv(4 - len(hdr))
    length = struct.unpack(">I", hdr)[0]
    body = b""
    while len(body) < length - 4:
        body += s.recv(length - 4 - len(body))
    return struct.unpack(">6I", body[:24]), body[24:]
def xstr(v):
    b = v.encode()
    return struct.pack(">I", len(b)) + b + b"\0" * ((4 - len(b) % 4) % 4)
# CONNECT_OPEN test:///default
send(1, CALL, 1, OK, struct.pack(">I", 1) + xstr("test:///default") + struct.pack(">I", 0))
(h, _) = recv(); assert h[3:] == (REPLY, 1, OK), h
# Stream frames for a serial that opened nothing.
send(211, STREAM, 77, CONTINUE, b"x" * 100)
send(211, STREAM, 78, OK)
send(211, 6, 79, CONTINUE, struct.pack(">qI", 4096, 0))
# A screenshot (domain "test", id 1, uuid of test:///default's domain).
uuid = bytes.fromhex("6695eb01f6a4830479aa97f2502e193f")
dom = xstr("test") + uuid + struct.pack(">i", 1)
send(211, CALL, 2, OK, dom + struct.pack(">II", 0, 0))
(h, _) = recv(); assert h[3:] == (REPLY, 2, OK), h
# Data for a read-only stream, oversized: refused with an ERROR frame.
send(211, STREAM, 2, CONTINUE, b"y" * (1 << 20))
total = 0
while True:
    (h, body) = recv()
    if h[3] == STREAM and h[5] == ERROR:
        break
    assert h[3] == STREAM and h[4] == 2, h
    if h[5] == CONTINUE and not body:
        break
# Frames after the stream ended are dropped quietly.
send(211, STREAM, 2, CONTINUE, b"late")
send(211, STREAM, 2, OK)
# The connection still answers calls: CONNECT_GET_VERSION (proc 4).
send(4, CALL, 3, OK)
while True:
    (h, body) = recv()
    if h[3] == REPLY and h[4] == 3:
        break
assert h[5] == OK, h
print("served")
EOF
    check "garbage stream frames are refused, the client is still served" sh -c \
        "$py '$tmp/garbage.py' '$d/run/libvirt-sock' | grep -qx served"
    check "the daemon is still up" kill -0 "$dpid"
    if $has_debian_virsh; then
        check "... and serves other clients" sh -c \
            "env -u LD_LIBRARY_PATH virsh -c '$uri' 'list --all' | grep -q 'test *running'"
    fi
    kill "$dpid"
    if grep -q "Sanitizer" "$d/log"; then
        notok "no sanitizer report from the daemon"; sed 's/^/# /' "$d/log" | head -40
    else
        ok "no sanitizer report from the daemon"
    fi
else
    notok "virtkitd is up"; sed 's/^/# /' "$d/log" | head -20
fi

# ---- volumes with holes through Debian's libvirtd --------------------------
# A private libvirtd (tests/daemon-lib.sh); or, with VIRTKIT_LIBVIRTD_URI,
# one already running.
l="$tmp/l"
luri=${VIRTKIT_LIBVIRTD_URI:-}
libvirtd_why="Debian's virsh is not installed"
if [ -z "$luri" ] && $has_debian_virsh; then
    daemon_pids=
    if start_libvirtd "$l"; then
        pids="$pids $daemon_pids"
        luri="qemu+unix:///system?socket=$l/run/libvirt-sock"
    fi
fi
mkdir -p "$l/pool"
if [ -z "$luri" ] || ! $has_debian_virsh; then
    skip "no private Debian libvirtd: $libvirtd_why"
else
    pool=vk$$
    V() { "$vsh" -c "$luri" "$@"; }
    check "a dir pool and an empty 8 MiB volume (Debian's virsh)" sh -c \
        "env -u LD_LIBRARY_PATH virsh -c '$luri' pool-create-as $pool dir --target '$l/pool' >/dev/null &&
         env -u LD_LIBRARY_PATH virsh -c '$luri' vol-create-as $pool v1 8M --allocation 0 --format raw >/dev/null"
    # A sparse source: 64 KiB data, 3 MiB hole, 64 KiB data, hole to 8 MiB.
    $py - "$tmp/src.img" <<'EOF'
import os, sys
with open(sys.argv[1], "wb") as f:
    f.write(os.urandom(65536))
    f.seek(3 << 20, 1)
    f.write(os.urandom(65536))
    f.truncate(8 << 20)
EOF
    check "vol-upload --sparse" V vol-upload v1 "$tmp/src.img" --pool $pool --sparse
    check "the volume stays sparse" sh -c "[ \$(du -k '$l/pool/v1' | cut -f1) -lt 1024 ]"
    check "vol-download --sparse" V vol-download v1 "$tmp/back.img" --pool $pool --sparse
    same "the volume round-trips byte for byte" "$tmp/src.img" "$tmp/back.img"
    check "the downloaded file keeps the holes" sh -c "[ \$(du -k '$tmp/back.img' | cut -f1) -lt 1024 ]"
    check "vol-download without --sparse" V vol-download v1 "$tmp/full.img" --pool $pool
    same "... the same bytes" "$tmp/src.img" "$tmp/full.img"
    check "vol-download --offset --length" V vol-download v1 "$tmp/part.img" \
        --pool $pool --offset 65000 --length 1000
    dd if="$tmp/src.img" of="$tmp/part.want" bs=1 skip=65000 count=1000 2>/dev/null
    same "... exactly that range" "$tmp/part.want" "$tmp/part.img"
    printf 'hello' >"$tmp/hello"
    check "vol-upload --offset" V vol-upload v1 "$tmp/hello" --pool $pool --offset 10
    V vol-download v1 "$tmp/after.img" --pool $pool --length 20 >/dev/null 2>&1
    { head -c 10 "$tmp/src.img"; printf 'hello'
      dd if="$tmp/src.img" bs=1 skip=15 count=5 2>/dev/null; } >"$tmp/after.want"
    same "... lands at the offset" "$tmp/after.want" "$tmp/after.img"
    V vol-download v1 "$tmp/full.img" --pool $pool >/dev/null 2>&1
    if debian virsh -c "$luri" vol-download v1 "$tmp/virsh.img" --pool $pool --sparse >/dev/null 2>&1; then
        same "Debian's virsh downloads the same bytes" "$tmp/virsh.img" "$tmp/full.img"
    else
        notok "Debian's virsh downloads the same bytes"
    fi
    if V vol-upload v1 "$tmp/missing" --pool $pool >"$tmp/o5" 2>&1; then
        notok "vol-upload of a missing file fails"
    else
        ok "vol-upload of a missing file fails"
    fi
    check "... with virsh's message" grep -qx "error: cannot read $tmp/missing" "$tmp/o5"
    debian virsh -c "$luri" vol-delete v1 --pool $pool >/dev/null 2>&1
    debian virsh -c "$luri" pool-destroy $pool >/dev/null 2>&1
fi

echo "1..$n"
