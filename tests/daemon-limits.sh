#!/bin/sh
# virtkitd's limits on a private daemon: max_clients, keepalive (a client
# that stops answering pings is dropped, one that answers stays),
# half-sent frames held open, calls before CONNECT_OPEN, strings and
# frames at and over libvirt's maxima; and the state of test:///default
# (shared by every connection, reset when the last one closes) and of
# test:///PATH (private to each connection).  Stopped by PID.
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
daemon="$b/src/daemon/virtkitd"
py=/usr/bin/python3
tmp=$(mktemp -d)
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
# Killed (or its reader gone): still stop the daemons.
trap 'cleanup; trap - EXIT; exit 1' INT TERM HUP PIPE

. "$s/tests/tap-lib.sh"

d="$tmp/d"
mkdir -p "$d"
: >"$d/qemu.conf"
cat >"$d/conf" <<EOF
unix_sock_dir = "$d/run"
state_dir = "$d/state"
run_dir = "$d/rundir"
qemu_conf = "$d/qemu.conf"
max_clients = 4
max_anonymous_clients = 2
max_client_requests = 2
min_workers = 1
max_workers = 3
prio_workers = 2
keepalive_interval = 1
keepalive_count = 2
log_filters = "1:rpc/virnetserver"
log_outputs = "1:file:$d/debug.log"
EOF
"$daemon" -f "$d/conf" -p "$d/pid" >"$d/log" 2>&1 &
dpid=$!; pids="$pids $dpid"
i=0; while [ ! -S "$d/run/libvirt-sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
if [ -S "$d/run/libvirt-sock" ]; then ok "virtkitd starts with limits set"
else notok "virtkitd starts"; sed 's/^/# /' "$d/log"; echo "1..$n"; exit 1; fi
sock="$d/run/libvirt-sock"

# The raw-socket side: each case prints its own TAP-like line.
cat >"$tmp/raw.py" <<'EOF'
import socket, struct, sys, time
path = sys.argv[1]
PROG, KEEP = 0x20008086, 0x6b656570
CALL, REPLY, MESSAGE = 0, 1, 2

def conn():
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.settimeout(5)
    return s

def frame(prog, proc, serial, payload=b"", typ=CALL):
    hdr = struct.pack(">6I", prog, 1, proc, typ, serial, 0)
    return struct.pack(">I", 4 + len(hdr) + len(payload)) + hdr + payload

def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf

def read_frame(s):
    length, = struct.unpack(">I", recv_exact(s, 4))
    body = recv_exact(s, length - 4)
    return struct.unpack(">6I", body[:24]), body[24:]

def call(s, proc, serial, payload=b""):
    s.sendall(frame(PROG, proc, serial, payload))
    while True:
        hdr, body = read_frame(s)
        if hdr[0] == PROG and hdr[3] == REPLY and hdr[4] == serial:
            return hdr, body

def closed_within(s, secs):
    s.settimeout(secs)
    try:
        while True:
            if not s.recv(4096):
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False

def xdr_string(v):
    pad = (4 - len(v) % 4) % 4
    return struct.pack(">I", len(v)) + v + b"\0" * pad

def report(good, name):
    print(("ok" if good else "not ok") + " - " + name, flush=True)

def test_max_clients():
    held = [conn() for i in range(4)]
    for i, s in enumerate(held):   # make sure each is accepted
        call(s, 3, i + 1)
    extra = conn()
    report(closed_within(extra, 2), "max_clients 4: a 5th client is turned away")
    held.pop().close()
    time.sleep(0.3)
    again = conn()
    try:
        hdr, _ = call(again, 3, 9)
        report(True, "... and accepted once one has left")
    except Exception as e:
        report(False, "... and accepted once one has left: %r" % e)
    for s in held + [again]:
        s.close()

def test_before_open():
    s = conn()
    hdr, body = call(s, 3, 5)            # CONNECT_GET_TYPE before OPEN
    report(hdr[5] == 1, "a call before CONNECT_OPEN gets an ERROR reply")
    s.close()

def test_keepalive(answer):
    s = conn()
    # CONNECT_SUPPORTS_FEATURE(VIR_DRV_FEATURE_PROGRAM_KEEPALIVE)
    call(s, 60, 1, struct.pack(">i", 10))
    start = time.monotonic()
    pings = 0
    s.settimeout(0.5)
    while time.monotonic() - start < 6:
        try:
            hdr, _ = read_frame(s)
        except socket.timeout:
            continue
        except (EOFError, ConnectionResetError):
            break
        if hdr[0] == KEEP and hdr[2] == 1:
            pings += 1
            if answer:
                s.sendall(frame(KEEP, 2, 0, typ=MESSAGE))
    took = time.monotonic() - start
    s.close()
    return took, pings

def test_half_frame():
    half = conn()
    half.sendall(frame(PROG, 3, 1)[:10])
    other = conn()
    t = time.monotonic()
    call(other, 3, 2)
    report(time.monotonic() - t < 2,
           "a client holding half a frame does not delay another one")
    other.close()
    return half

def test_sizes():
    s = conn()
    name = b"test:///default"
    call(s, 1, 1, struct.pack(">I", 1) + xdr_string(name) + struct.pack(">I", 0))
    # DOMAIN_DEFINE_XML with a string just over REMOTE_STRING_MAX.
    big = b"x" * (4194304 + 1)
    hdr, body = call(s, 11, 2, xdr_string(big))
    report(hdr[5] == 1, "a string over REMOTE_STRING_MAX (4 MiB) gets an ERROR reply")
    hdr, body = call(s, 3, 3)
    report(hdr[5] == 0, "... and the client is still served")
    # A whole frame of the largest size is read, then refused politely.
    payload = b"\0" * (33554432 - 24)
    hdr, body = call(s, 11, 4, payload)
    report(hdr[5] == 1, "a frame of exactly VIR_NET_MESSAGE_MAX is read (ERROR reply)")
    s.close()
    s = conn()
    s.sendall(struct.pack(">I", 33554432 + 4 + 1) + b"\0" * 24)
    report(closed_within(s, 3), "a frame over VIR_NET_MESSAGE_MAX drops that client")
    s.close()

def rss(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])

def test_flood(pid):
    # One client pipelines calls and never reads a reply: the server must
    # stop reading it (its replies count until written) rather than pile
    # them up, and keep serving the others meanwhile.
    before = rss(pid)
    flood = conn()
    flood.settimeout(3)
    one = frame(PROG, 3, 1)
    sent = 0
    try:
        for i in range(200000):
            flood.sendall(one)
            sent += 1
    except socket.timeout:
        pass
    report(sent < 200000, "a client flooding calls without reading replies "
           "is throttled (%d of 200000 calls accepted)" % sent)
    other = conn()
    t = time.monotonic()
    hdr, _ = call(other, 3, 7)
    took = time.monotonic() - t
    report(took < 1, "... another client is answered meanwhile (%.3f s)" % took)
    grown = rss(pid) - before
    report(grown < 20000, "... the daemon's memory grew by %d KiB" % grown)
    other.close()
    flood.close()

what = sys.argv[2]
if what == "clients":
    test_max_clients()
elif what == "before-open":
    test_before_open()
elif what == "keepalive-silent":
    took, pings = test_keepalive(False)
    report(took < 5.5 and pings >= 1,
           "a client that stops answering pings is dropped (%.1f s, %d pings)" % (took, pings))
elif what == "keepalive-polite":
    took, pings = test_keepalive(True)
    report(took >= 5.9 and pings >= 3,
           "a client that answers pings stays (%.1f s, %d pings)" % (took, pings))
elif what == "half":
    half = test_half_frame()
    time.sleep(float(sys.argv[3]))
    half.close()
elif what == "sizes":
    test_sizes()
elif what == "flood":
    test_flood(int(sys.argv[3]))
EOF

raw() {  # raw CASE [ARGS]: run a raw-socket case, relay its lines as TAP
    timeout 60 $py "$tmp/raw.py" "$sock" "$@" >"$tmp/raw" 2>&1 ||
        echo "not ok - raw case $1 failed" >>"$tmp/raw"
    while read -r status rest; do
        case $status in
        ok) ok "${rest#- }" ;;
        not) notok "${rest#ok - }" ;;
        *) echo "# $status $rest" ;;
        esac
    done <"$tmp/raw"
}

raw clients
raw before-open
raw keepalive-silent
raw keepalive-polite
raw sizes
raw flood "$dpid"

# Half a frame held open for 3 s while Debian's virsh works meanwhile.
if debian sh -c 'command -v virsh' >/dev/null 2>&1; then
    $py "$tmp/raw.py" "$sock" half 3 >"$tmp/half" 2>&1 &
    hp=$!
    sleep 0.5
    start=$(date +%s)
    if debian timeout 10 virsh -c "test+unix:///default?socket=$sock" list >/dev/null 2>&1 &&
        [ $(( $(date +%s) - start )) -lt 3 ]; then
        ok "virsh is served while another client holds half a frame"
    else
        notok "virsh is served while another client holds half a frame"
    fi
    wait $hp
    grep -q '^ok' "$tmp/half" && ok "$(sed -n 's/^ok - //p' "$tmp/half")" ||
        { notok "half frame case"; sed 's/^/# /' "$tmp/half"; }
fi

# ---- test:///default shared and reset; test:///PATH private ---------------------
cat >"$tmp/state.py" <<'EOF'
import sys, libvirt
libvirt.registerErrorHandler(lambda c, e: None, None)
sock, node = sys.argv[1], sys.argv[2]
dom = """<domain type='test'><name>%s</name><memory>65536</memory>
<vcpu>1</vcpu><os><type>hvm</type></os></domain>"""
uri = "test+unix:///default?socket=" + sock
def names(c):
    return sorted(d.name() for d in c.listAllDomains())
a = libvirt.open(uri)
b = libvirt.open(uri)
a.defineXML(dom % "shared1")
print("default, other connection sees:", names(b))
a.close()
print("default, after the first closes:", names(b))
b.close()
c = libvirt.open(uri)
print("default, after the last closed:", names(c))
c.close()
puri = "test+unix://%s?socket=%s" % (node, sock)
p = libvirt.open(puri)
q = libvirt.open(puri)
p.defineXML(dom % "private1")
print("file, defining connection sees:", names(p))
print("file, other connection sees:", names(q))
p.close(); q.close()
EOF
node="$(cd "$s" && pwd)/tests/data/testdriver/node.xml"
if debian $py -c 'import libvirt' 2>/dev/null; then
    debian $py "$tmp/state.py" "$sock" "$node" >"$tmp/state" 2>&1
    # In-process libvirt shows the same for its own test driver.
    sed -e "s|test+unix:///default?socket=\" + sock|test:///default\"|" \
        -e 's|"test+unix://%s?socket=%s" % (node, sock)|"test://" + node|' \
        "$tmp/state.py" >"$tmp/state-local.py"
    debian $py "$tmp/state-local.py" "$sock" "$node" >"$tmp/state-local" 2>&1
    if diff "$tmp/state-local" "$tmp/state" >"$tmp/diff" &&
        grep -q "other connection sees: \['shared1', 'test'\]" "$tmp/state" &&
        grep -q "after the last closed: \['test'\]" "$tmp/state"; then
        ok "test:///default is shared and reset after the last close; test:///PATH is private (as in-process)"
    else
        notok "test:///default shared/reset, test:///PATH private"
        sed 's/^/# /' "$tmp/state" "$tmp/diff"
    fi
else
    skip "Debian's python3-libvirt is not installed"
fi

# ---- logging -------------------------------------------------------------------
if grep -q "new client" "$d/debug.log" 2>/dev/null &&
    grep -q "Too many active clients" "$d/debug.log"; then
    ok "log_filters/log_outputs: the server's debug messages and warnings in the file"
else
    notok "log_filters/log_outputs"; head -5 "$d/debug.log" 2>&1 | sed 's/^/# /'
fi

# ---- the daemon survived all of it -------------------------------------------------
if debian sh -c 'command -v virsh' >/dev/null 2>&1; then
    if debian timeout 10 virsh -c "test+unix:///default?socket=$sock" list | grep -q 'test   running'; then
        ok "the daemon still serves after the hostile clients"
    else
        notok "the daemon still serves after the hostile clients"
    fi
fi
kill "$dpid"
i=0; while kill -0 "$dpid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
if kill -0 "$dpid" 2>/dev/null; then notok "SIGTERM stops the daemon"
else ok "SIGTERM stops the daemon"; fi
if grep -q "Sanitizer" "$d/log"; then
    notok "no sanitizer report from the daemon"; sed 's/^/# /' "$d/log" | head -30
else
    ok "no sanitizer report from the daemon"
fi

# ---- max_queued_clients; -d logs to a file -------------------------------------
q="$tmp/q"; mkdir -p "$q"; chmod 755 "$tmp"; chmod 777 "$q"
printf 'unix_sock_dir = "%s/run"\nauth_unix_rw = "none"\nauth_unix_ro = "none"\nmax_queued_clients = 7\n' \
    "$q" >"$q/conf"
chmod 644 "$q/conf"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1 &&
        setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$daemon"; then
    # as a user, so that the log goes under its $XDG_CACHE_HOME
    setpriv --reuid=nobody --regid=nogroup --clear-groups env -i \
        XDG_CACHE_HOME="$q/cache" XDG_RUNTIME_DIR="$q/xdg" HOME="$q" \
        $asan "$daemon" -d -v -f "$q/conf" -p "$q/pid" >"$q/out" 2>&1
    if [ "$(ss -xl 2>/dev/null | awk -v p="$q/run/libvirt-sock" '$5 == p {print $4}')" = 7 ]; then
        ok "max_queued_clients = 7: the listener's backlog is 7"
    else
        notok "max_queued_clients"; ss -xl | grep "$q" | sed 's/^/# /'
    fi
    if [ -s "$q/cache/libvirt/virtkitd.log" ] && [ ! -s "$q/out" ]; then
        ok "-d: messages go to \$XDG_CACHE_HOME/libvirt/virtkitd.log, not to the terminal"
    else
        notok "-d logs to virtkitd.log"; ls -lR "$q" | sed 's/^/# /' | head
    fi
    kill "$(cat "$q/pid" 2>/dev/null)" 2>/dev/null
else
    skip "needs root, setpriv and a build tree nobody can reach"
    skip "needs root, setpriv and a build tree nobody can reach"
fi
echo "1..$n"
