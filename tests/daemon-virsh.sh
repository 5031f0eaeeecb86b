#!/bin/sh
# A private virtkitd on sockets in a temporary folder: Debian's virsh and
# python3-libvirt, and our own library, see through it what they see
# in-process; the read-only socket refuses writes; bad frames drop only the
# client that sent them.  The daemons are stopped by PID.
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

. "$s/tests/tap-lib.sh"


# start_daemon DIR [OPTIONS]: a daemon serving DIR/run; its PID in DIR/pid.
start_daemon() {
    dir=$1; shift
    mkdir -p "$dir"
    cat >"$dir/conf" <<EOF
unix_sock_dir = "$dir/run"
unix_sock_rw_perms = "0770"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tcp = 0
listen_tls = 0
qemu_conf = "$dir/qemu.conf"
EOF
    : >"$dir/qemu.conf"
    "$daemon" -f "$dir/conf" -p "$dir/pid" "$@" >"$dir/log" 2>&1 &
    pids="$pids $!"
    i=0
    while [ ! -S "$dir/run/libvirt-sock-ro" ] && [ $i -lt 100 ]; do
        sleep 0.05; i=$((i+1))
    done
    [ -S "$dir/run/libvirt-sock-ro" ]
}

# wait_gone PID: true once the process is gone (at most 5 s).
wait_gone() {
    i=0
    while kill -0 "$1" 2>/dev/null && [ $i -lt 100 ]; do
        sleep 0.05; i=$((i+1))
    done
    ! kill -0 "$1" 2>/dev/null
}

# ---- the command line ---------------------------------------------------
check "-V prints the version" sh -c "'$daemon' -V | grep -q '^virtkitd (virtkit) '"
check "-h prints the usage" sh -c "'$daemon' -h | grep -q -- '--timeout'"
if "$daemon" --bogus >/dev/null 2>&1; then notok "an unknown option fails"
else ok "an unknown option fails"; fi
printf 'max_workers = "many"\n' >"$tmp/bad.conf"
if "$daemon" -f "$tmp/bad.conf" >"$tmp/out" 2>&1; then
    notok "a bad config value fails"
else
    grep -q "bad.conf:1" "$tmp/out" && ok "a bad config value fails, naming file and line" \
        || { notok "a bad config value names file and line"; sed 's/^/# /' "$tmp/out"; }
fi

# ---- the main daemon ----------------------------------------------------
d="$tmp/d"
if ! start_daemon "$d"; then
    notok "virtkitd starts"; sed 's/^/# /' "$d/log"; echo "1..$n"; exit 1
fi
ok "virtkitd starts and listens on libvirt-sock and libvirt-sock-ro"
dpid=$(cat "$d/pid")
check "the sockets have the configured permissions" sh -c \
    "stat -c %a '$d/run/libvirt-sock' | grep -qx 770 && stat -c %a '$d/run/libvirt-sock-ro' | grep -qx 777"

uri="test+unix:///default?socket=$d/run/libvirt-sock"
rouri="test+unix:///default?socket=$d/run/libvirt-sock-ro"

cat >"$tmp/dom.xml" <<'EOF'
<domain type='test'>
  <name>vk1</name>
  <uuid>5a6b7c8d-0000-4000-8000-00000000c0de</uuid>
  <memory>65536</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>
EOF
# test:///default is reset when its last connection closes (in libvirtd
# as here): a lifecycle runs in one virsh session.  CPU time is a clock.
session="list --all; dominfo test; define $tmp/dom.xml; list --all; start vk1; list --all; dominfo vk1; domstate vk1; destroy vk1; list --all; undefine vk1; list --all; net-list --all; pool-list --all; nodeinfo; version; hostname"
filter() { grep -v '^CPU time:'; }

if debian sh -c 'command -v virsh' >/dev/null 2>&1; then
    for cmd in "list --all" "dominfo test" "net-list --all" "pool-list --all"; do
        debian virsh -c test:///default "$cmd" 2>&1 | filter >"$tmp/in"
        debian virsh -c "$uri" "$cmd" 2>&1 | filter >"$tmp/re"
        same "virsh $cmd: the same through virtkitd as in-process" "$tmp/in" "$tmp/re"
    done
    debian virsh -c test:///default "$session" 2>&1 | filter >"$tmp/in"
    debian virsh -c "$uri" "$session" 2>&1 | filter >"$tmp/re"
    same "virsh define/start/destroy/undefine session: the same ($(wc -l <"$tmp/re") lines)" "$tmp/in" "$tmp/re"

    if debian virsh -c "$rouri" "define $tmp/dom.xml" >"$tmp/out" 2>&1; then
        notok "the read-only socket refuses define"
    else
        grep -q "read only access prevents virDomainDefineXML" "$tmp/out" \
            && ok "the read-only socket refuses define (read-write flags asked)" \
            || { notok "refusal message"; sed 's/^/# /' "$tmp/out"; }
    fi
    if debian virsh -c "$rouri" "destroy test" >"$tmp/out" 2>&1; then
        notok "the read-only socket refuses destroy"
    else
        grep -q "read only access prevents virDomainDestroy" "$tmp/out" \
            && ok "the read-only socket refuses destroy" \
            || { notok "refusal message"; sed 's/^/# /' "$tmp/out"; }
    fi
    check "the read-only socket still lists" sh -c \
        "env -u LD_LIBRARY_PATH virsh -c '$rouri' 'list --all' | grep -q 'test   running'"
else
    skip "Debian's virsh (libvirt-clients) is not installed"
fi

# ---- python3-libvirt and our library ------------------------------------
scen="$s/tests/daemon-clients.py"
if debian $py -c 'import libvirt' 2>/dev/null; then
    debian $py "$scen" test:///default test:///default >"$tmp/py-in" 2>"$tmp/py-in.err"
    debian timeout 60 $py "$scen" "$uri" "$rouri" >"$tmp/py-re" 2>"$tmp/py-re.err"
    same "Debian's python3-libvirt through virtkitd: the same as in-process, events included ($(wc -l <"$tmp/py-re") lines)" \
        "$tmp/py-in" "$tmp/py-re"
    [ -s "$tmp/py-re.err" ] && grep -v '^library' "$tmp/py-re.err" | sed 's/^/# /' | head -20
    env $asan LD_LIBRARY_PATH="$b/.libs" timeout 60 $py "$scen" "$uri" "$rouri" \
        >"$tmp/py-ours" 2>"$tmp/py-ours.err"
    if grep -q "^library $(cd "$b" && pwd)/.libs/libvirt.so" "$tmp/py-ours.err"; then
        same "our libvirt.so.0 through virtkitd: the same as in-process ($(wc -l <"$tmp/py-ours") lines)" \
            "$tmp/py-in" "$tmp/py-ours"
    else
        notok "our libvirt.so.0 was loaded"; sed 's/^/# /' "$tmp/py-ours.err" | head -20
    fi
else
    skip "Debian's python3-libvirt is not installed"
    skip "Debian's python3-libvirt is not installed"
fi
# Event messages no test driver sends, from a fake server: Debian's library
# checks the crafted frames, then ours must decode them the same way.
if debian $py -c 'import libvirt' 2>/dev/null; then
    for lib in debian ours; do
        if [ $lib = debian ]; then
            debian timeout 60 $py "$s/tests/remote-events-fake.py" >"$tmp/fake" 2>&1
        else
            env $asan LD_LIBRARY_PATH="$b/.libs" timeout 60 $py \
                "$s/tests/remote-events-fake.py" >"$tmp/fake" 2>&1
        fi || echo "not ok - the fake server script failed" >>"$tmp/fake"
        while read -r status rest; do
            case $status in
            ok) ok "$lib library: ${rest#- }" ;;
            not) notok "$lib library: ${rest#ok - }" ;;
            *) echo "# $status $rest" ;;
            esac
        done <"$tmp/fake"
    done
fi
if [ -x "$b/tools/vsh/vsh" ] && debian sh -c 'command -v virsh' >/dev/null 2>&1; then
    debian virsh -c test:///default "$session" 2>&1 | filter >"$tmp/in"
    env $asan LD_LIBRARY_PATH="$b/.libs" "$b/tools/vsh/vsh" -c "$uri" "$session" 2>&1 | filter >"$tmp/re"
    same "vsh on our library through virtkitd prints what virsh prints in-process" "$tmp/in" "$tmp/re"
fi
# Queries of every shape (lists, typed parameters, CPU maps, statistics,
# structs, renamed members): vsh through the daemon prints what vsh prints
# in-process (statistics that are clocks left out).
queries="vcpuinfo test; vcpupin test; emulatorpin test; schedinfo test; memtune test; blkiotune test; numatune test; domstats --state; nodememstats; iothreadinfo test; domfsinfo test; domifaddr test; dommemstat test; nodecpumap; domblkinfo test vda; domblkerror test; nodedev-list; nodedev-dumpxml computer; iface-list --all; list --name --all; net-list --all --name; pool-list --all --name; vol-list default-pool; domjobinfo test; domtime test; domhostname test; cpu-models x86_64; maxvcpus; snapshot-list test; guestvcpus test; domblklist test; domiflist test; domstate --reason test; nodedev-info computer"
if [ -x "$b/tools/vsh/vsh" ]; then
    env $asan LD_LIBRARY_PATH="$b/.libs" "$b/tools/vsh/vsh" -c test:///default "$queries" 2>&1 | filter >"$tmp/in"
    env $asan LD_LIBRARY_PATH="$b/.libs" "$b/tools/vsh/vsh" -c "$uri" "$queries" 2>&1 | filter >"$tmp/re"
    same "vsh queries of every procedure shape: the same through virtkitd as in-process ($(wc -l <"$tmp/re") lines)" "$tmp/in" "$tmp/re"
fi

# ---- replies byte for byte -----------------------------------------------
# The calls Debian's clients made to libvirtd, replayed: the same replies.
# Not compared: LIST_ALL_DOMAINS and GET_ALL_DOMAIN_STATS of the scenario,
# whose domain order differs in the test driver (same records otherwise).
replay() {
    $py "$s/tests/rpc-replay-daemon.py" "$d/run/libvirt-sock" \
        "$s/tests/data/rpc/$1" $2 >"$tmp/replay" 2>&1 || echo "not ok - replay of $1 failed" >>"$tmp/replay"
    while read -r status rest; do
        case $status in
        ok) ok "$1: ${rest#- }" ;;
        not) notok "$1: ${rest#ok - }" ;;
        *) echo "$status $rest" ;;
        esac
    done <"$tmp/replay"
}
replay virsh-list ""
replay scenario "CONNECT_GET_ALL_DOMAIN_STATS CONNECT_LIST_ALL_DOMAINS"

# ---- raw frames: the legacy event procedures (old clients), and
# arguments beyond the wire's limits --------------------------------------
for script in daemon-legacy-events.py daemon-bounds.py; do
    $py "$s/tests/$script" "$d/run/libvirt-sock" >"$tmp/raw" 2>&1 ||
        echo "not ok - $script failed" >>"$tmp/raw"
    while read -r status rest; do
        case $status in
        ok) ok "${rest#- }" ;;
        not) notok "${rest#ok - }" ;;
        *) echo "# $status $rest" ;;
        esac
    done <"$tmp/raw"
done

# ---- hostile clients ----------------------------------------------------
# Each sends a bad frame on its own connection and must be dropped.
cat >"$tmp/hostile.py" <<'EOF'
import socket, struct, sys
path = sys.argv[1]
def dropped(data):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    s.settimeout(3)
    s.sendall(data)
    try:
        while True:
            if not s.recv(4096):
                return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False
    finally:
        s.close()
cases = [
    ("garbage", b"\xff" * 64),
    ("a frame shorter than its header", struct.pack(">I", 12)),
    ("a frame longer than MESSAGE_MAX", struct.pack(">I", 33554437)),
    ("an unknown message type",
     struct.pack(">7I", 28, 0x20008086, 1, 3, 77, 0, 0)),
]
for name, data in cases:
    print(("ok" if dropped(data) else "not ok") + " - " + name + " drops that client")
EOF
if $py "$tmp/hostile.py" "$d/run/libvirt-sock" >"$tmp/hostile" 2>&1; then
    while read -r status rest; do
        if [ "$status" = ok ]; then ok "${rest#- }"; else notok "$rest"; fi
    done <"$tmp/hostile"
else
    notok "hostile clients script"; sed 's/^/# /' "$tmp/hostile"
fi
# The unknown procedure and program get an error reply, not a drop.
cat >"$tmp/unknown.py" <<'EOF'
import socket, struct, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(3)
s.sendall(struct.pack(">7I", 28, 0x20008086, 1, 9999, 0, 5, 0))
hdr = s.recv(28)
length, prog, vers, proc, typ, serial, status = struct.unpack(">7I", hdr)
print(typ, serial, status)
EOF
check "an unknown procedure gets an ERROR reply" sh -c \
    "$py '$tmp/unknown.py' '$d/run/libvirt-sock' | grep -qx '1 5 1'"
if debian sh -c 'command -v virsh' >/dev/null 2>&1; then
    check "the daemon still serves the other clients" sh -c \
        "env -u LD_LIBRARY_PATH virsh -c '$uri' 'list --all' | grep -q 'test   running'"
fi

# ---- stopping ------------------------------------------------------------
kill "$dpid"
if wait_gone "$dpid"; then ok "SIGTERM stops the daemon"; else notok "SIGTERM stops the daemon"; fi
check "sockets and pid file are removed" sh -c \
    "! test -e '$d/run/libvirt-sock' && ! test -e '$d/run/libvirt-sock-ro' && ! test -e '$d/pid'"
if grep -q "Sanitizer" "$d/log"; then
    notok "no sanitizer report from the daemon"; sed 's/^/# /' "$d/log" | head -40
else
    ok "no sanitizer report from the daemon"
fi

# -d: the parent returns once the child serves; -t: idle exit.
d2="$tmp/d2"
mkdir -p "$d2"
cat >"$d2/conf" <<EOF
unix_sock_dir = "$d2/run"
qemu_conf = "$d2/qemu.conf"
EOF
: >"$d2/qemu.conf"
if "$daemon" -d -t 1 -f "$d2/conf" -p "$d2/pid" >"$d2/log" 2>&1 && [ -S "$d2/run/libvirt-sock" ]; then
    ok "-d returns once the sockets are ready"
    p2=$(cat "$d2/pid"); pids="$pids $p2"
    if wait_gone "$p2"; then ok "-t 1 exits when idle"; else notok "-t 1 exits when idle"; fi
else
    notok "-d starts a daemon"; sed 's/^/# /' "$d2/log"
fi

echo "1..$n"
