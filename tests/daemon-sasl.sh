#!/bin/sh
# SASL authentication end to end (task SASL).  A private virtkitd whose
# read-write unix socket and TCP port ask for SASL (a sasldb made with
# saslpasswd2, SASL's config in a temporary folder via SASL_CONF_PATH):
# Debian's virsh and python3-libvirt, our vsh and our libvirt.so log in
# through an auth file or the auth callback -- SCRAM-SHA-256 on the unix
# socket, DIGEST-MD5 with its security layer on TCP (libvirt refuses
# mechanisms without one there); wrong passwords, users outside
# sasl_allowed_username_list and calls before authentication are refused
# with libvirt's errors; TLS carries SCRAM-SHA-256 too.  Then our client
# against a private Debian libvirtd set up the same way (in a mount
# namespace of its own when we may, so that another libvirtd's pid files
# do not stop it).  Processes are stopped by PID.
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
daemon="$b/src/daemon/virtkitd"
vsh="$b/tools/vsh/vsh"
data="$s/tests/data/sasl"
py=/usr/bin/python3
tmp=$(mktemp -d)
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
export LD_LIBRARY_PATH="$b/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

n=0
ok() { n=$((n+1)); echo "ok $n - $1"; }
notok() { n=$((n+1)); echo "not ok $n - $1"; }
skip() { n=$((n+1)); echo "ok $n # SKIP $1"; }
check() {
    name=$1; shift
    if "$@" >"$tmp/out" 2>&1; then ok "$name"
    else notok "$name"; sed 's/^/# /' "$tmp/out" | head -20; fi
}
# fails NAME PATTERN CMD...: CMD fails and prints a line matching PATTERN
fails() {
    name=$1 pat=$2; shift 2
    if "$@" >"$tmp/out" 2>&1; then
        notok "$name (it succeeded)"
    elif grep -q -- "$pat" "$tmp/out"; then ok "$name"
    else notok "$name"; sed 's/^/# /' "$tmp/out" | head -10; fi
}
# says NAME EXPECTED-OUTPUT CMD...: CMD prints exactly that
says() {
    name=$1 want=$2; shift 2
    "$@" >"$tmp/out" 2>&1
    printf '%s\n' "$want" >"$tmp/want"
    if cmp -s "$tmp/want" "$tmp/out"; then ok "$name"
    else notok "$name"; diff "$tmp/want" "$tmp/out" | sed 's/^/# /' | head -10; fi
}
debian() { env -u LD_LIBRARY_PATH -u LD_PRELOAD LIBVIRT_DEFAULT_URI= "$@"; }

asan=
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    tirpc=$(ldd "$b/.libs/libvirt.so.0" | sed -n 's/.*libtirpc[^ ]* => \([^ ]*\).*/\1/p')
    asan="$(${CC:-gcc} -print-file-name=libasan.so):$tirpc"
fi
# Cyrus SASL's plugins keep some OpenSSL state to the end: not our leaks.
export LSAN_OPTIONS="suppressions=$data/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
ours_py() { env ${asan:+LD_PRELOAD=$asan ASAN_OPTIONS=detect_leaks=0} "$py" "$@"; }

if ! command -v saslpasswd2 >/dev/null 2>&1 ||
   ! ls /usr/lib/*/sasl2/libscram.so* >/dev/null 2>&1; then
    echo "1..0 # SKIP saslpasswd2 or SASL's SCRAM plugin is missing (sasl2-bin, libsasl2-modules)"
    exit 0
fi
has_virsh=false
debian sh -c 'command -v virsh' >/dev/null 2>&1 && has_virsh=true
has_pylibvirt=false
debian "$py" -c 'import libvirt' >/dev/null 2>&1 && has_pylibvirt=true
dvirsh() { debian virsh "$@"; }

# ---- SASL's side: a database and a config for the service "libvirt" ----
mkdir -p "$tmp/sasl"
cat >"$tmp/sasl/libvirt.conf" <<EOF
mech_list: scram-sha-256 digest-md5
sasldb_path: $tmp/sasl/passwd.db
EOF
for u in alice bob carol; do
    echo "pw-$u" | saslpasswd2 -p -c -f "$tmp/sasl/passwd.db" -a libvirt "$u"
done
export SASL_CONF_PATH="$tmp/sasl"

# Credentials by host, in libvirt's auth.conf format.
authfile() {  # authfile FILE USER PASSWORD
    cat >"$1" <<EOF
[credentials-one]
authname=$2
password=$3

[auth-libvirt-localhost]
credentials=one

[auth-libvirt-127.0.0.1]
credentials=one
EOF
}
authfile "$tmp/alice.conf" alice pw-alice
authfile "$tmp/wrong.conf" alice not-her-password
authfile "$tmp/bob.conf" bob pw-bob
authfile "$tmp/carol.conf" carol pw-carol

freeport() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ---- virtkitd ---------------------------------------------------------------
d="$tmp/d"
mkdir -p "$d"
: >"$d/qemu.conf"
port=$(freeport)
tlsport=$(freeport)
# TLS with SASL on top, when certtool can make certificates.
has_tls=false
if command -v certtool >/dev/null 2>&1; then
    pki="$tmp/pki"
    mkdir -p "$pki"
    . "$s/tests/pki-lib.sh"
    cacert ca "virtkit test CA"
    server_cert server ca
    client client ca client1 "expiration_days = 30"
    pkipath "$tmp/pki-client" client
    [ -s "$pki/servercert.pem" ] && [ -s "$pki/clientcert.pem" ] && has_tls=true
fi
if $has_tls; then
    tlsconf="listen_tls = 1
tls_port = \"$tlsport\"
auth_tls = \"sasl\"
key_file = \"$pki/serverkey.pem\"
cert_file = \"$pki/servercert.pem\"
ca_file = \"$pki/cacert.pem\""
else
    tlsconf="listen_tls = 0"
fi
cat >"$d/conf" <<EOF
unix_sock_dir = "$d/run"
state_dir = "$d/state"
run_dir = "$d/rundir"
qemu_conf = "$d/qemu.conf"
auth_unix_rw = "sasl"
auth_unix_ro = "none"
listen_tcp = 1
listen_addr = "127.0.0.1"
tcp_port = "$port"
auth_tcp = "sasl"
$tlsconf
sasl_allowed_username_list = ["alice", "car*"]
EOF
"$daemon" --listen -f "$d/conf" -p "$d/pid" >"$d/log" 2>&1 &
dpid=$!; pids="$pids $dpid"
i=0
while [ ! -S "$d/run/libvirt-sock" ] && kill -0 "$dpid" 2>/dev/null && [ $i -lt 200 ]; do
    sleep 0.05; i=$((i+1))
done
sock="$d/run/libvirt-sock"
unixuri="test+unix:///default?socket=$sock"
tcpuri="test+tcp://127.0.0.1:$port/default"
if [ -S "$sock" ]; then ok "virtkitd starts with auth_unix_rw and auth_tcp = sasl"
else notok "virtkitd starts with auth_unix_rw and auth_tcp = sasl"; sed 's/^/# /' "$d/log"; fi

# -- the wire before authentication --
raw() { "$py" "$data/raw-calls.py" "$@"; }
says "AUTH_LIST on the sasl socket says SASL (1)" "66 ok 0000000100000001" raw "$sock" 66
says "AUTH_LIST on the read-only socket (none) says NONE (0)" "66 ok 0000000100000000" raw "$d/run/libvirt-sock-ro" 66
says "a call before authentication is refused as by libvirtd" \
    "1 error 39 7 authentication required
3 error 39 7 authentication required
149 error 39 7 authentication required" raw "$sock" 1 3 149
says "the same on TCP" "2 error 39 7 authentication required" raw "127.0.0.1:$port" 2
says "SASL_INIT offers SCRAM-SHA-256 and DIGEST-MD5 (mech_list's order) on the unix socket" \
    "67 ok 00000018534352414d2d5348412d3235362c4449474553542d4d4435" raw "$sock" 67
says "... and only DIGEST-MD5 (it has a security layer) on plain TCP" \
    "67 ok 0000000a4449474553542d4d44350000" raw "127.0.0.1:$port" 67
says "SASL_INIT on the read-only socket (auth none) is refused" \
    "67 error 45 7 authentication failed: authentication failed" raw "$d/run/libvirt-sock-ro" 67
says "... STEP before START" "69 error 45 7 authentication failed: authentication failed" raw "$sock" 69
says "... a second INIT" "67 ok 00000018534352414d2d5348412d3235362c4449474553542d4d4435
67 error 45 7 authentication failed: authentication failed" raw "$sock" 67 67
check "the daemon is still serving" kill -0 "$dpid"
says "max_anonymous_clients (20) counts clients yet to log in" \
    "one more on the sasl socket: closed
the read-only socket: ok
after one idle client left: ok" "$py" "$data/anon-limit.py" "$sock" "$d/run/libvirt-sock-ro" 20

# -- Debian's virsh --
alice_unix="$unixuri&authfile=$tmp/alice.conf"
if $has_virsh; then
check "Debian's virsh, unix socket, SCRAM-SHA-256 via ?authfile=" \
    dvirsh -c "$alice_unix&auth=sasl.SCRAM-SHA-256" list
check "Debian's virsh, TCP, DIGEST-MD5 via LIBVIRT_AUTH_FILE" \
    env LIBVIRT_AUTH_FILE="$tmp/alice.conf" sh -c \
    "env -u LD_LIBRARY_PATH virsh -c '$tcpuri' dominfo test | grep -q '^Name: *test'"
fails "Debian's virsh: a wrong password is refused" \
    "^error: authentication failed: authentication failed" \
    dvirsh -c "$unixuri&authfile=$tmp/wrong.conf" list
fails "Debian's virsh: a user outside sasl_allowed_username_list is refused" \
    "^error: authentication failed: authentication failed" \
    dvirsh -c "$tcpuri?authfile=$tmp/bob.conf" list
check "Debian's virsh: 'car*' lets carol in" dvirsh -c "$tcpuri?authfile=$tmp/carol.conf" list
fails "Debian's virsh: SCRAM (no security layer) is not offered on TCP" \
    "SASL mechanism SCRAM-SHA-256 not supported by server" \
    dvirsh -c "$tcpuri?authfile=$tmp/alice.conf&auth=sasl.SCRAM-SHA-256" list
else
    i=0; while [ $i -lt 6 ]; do skip "Debian's virsh is not installed"; i=$((i+1)); done
fi

# -- python3-libvirt: Debian's, then ours --
pyclient() { "$@" "$data/client.py" "$uri" "$who" "$pw" >"$tmp/py.out" 2>&1; cat "$tmp/py.out"; }
full="calls ok
stream ok
big xml ok"
for lib in debian ours; do
    if [ $lib = debian ]; then run="debian $py"; $has_pylibvirt || run=
    else run=ours_py; fi
    for t in unix tcp; do
        if [ $t = unix ]; then uri=$unixuri; else uri=$tcpuri; fi
        if [ -z "$run" ]; then
            skip "Debian's python3-libvirt is not installed"; skip "python3-libvirt"
            continue
        fi
        who=alice pw=pw-alice
        says "$lib python3-libvirt, $t, callback credentials: calls, a stream, a 300 KB frame" \
            "encrypted=1 secure=1
$full" pyclient $run
        who=alice pw=nope
        says "$lib python3-libvirt, $t, wrong password: VIR_ERR_AUTH_FAILED" \
            "error 45 7 authentication failed: authentication failed" pyclient $run
    done
    if [ -n "$run" ]; then
        uri="$tcpuri?authfile=$tmp/alice.conf" who=- pw=-
        says "$lib python3-libvirt, TCP, the auth file alone" "encrypted=1 secure=1
$full" pyclient $run
        uri=$tcpuri who=fail pw=-
        says "$lib python3-libvirt: a callback that fails" \
            "error 45 13 authentication failed: Failed to collect auth credentials" pyclient $run
    else
        skip "python3-libvirt"; skip "python3-libvirt"
    fi
done

# -- our vsh --
check "vsh, unix socket, SCRAM-SHA-256 via ?authfile=" \
    sh -c "'$vsh' -c '$alice_unix&auth=sasl.SCRAM-SHA-256' dominfo test | grep -q '^Name: *test'"
check "vsh, TCP, DIGEST-MD5 via LIBVIRT_AUTH_FILE (security layer on)" \
    env LIBVIRT_AUTH_FILE="$tmp/alice.conf" "$vsh" -c "$tcpuri" list
fails "vsh: a wrong password is refused with libvirt's message" \
    "^error: authentication failed: authentication failed" \
    "$vsh" -c "$tcpuri?authfile=$tmp/wrong.conf" list
fails "vsh: bob is not on sasl_allowed_username_list" \
    "^error: authentication failed: authentication failed" \
    "$vsh" -c "$unixuri&authfile=$tmp/bob.conf" list
fails "vsh: auth=sasl.MECH the server does not offer" \
    "SASL mechanism PLAIN not supported by server" \
    "$vsh" -c "$unixuri&authfile=$tmp/alice.conf&auth=sasl.PLAIN" list
fails "vsh: ... names are case-sensitive, as in libvirt" \
    "SASL mechanism scram-sha-256 not supported by server" \
    "$vsh" -c "$unixuri&authfile=$tmp/alice.conf&auth=sasl.scram-sha-256" list

# -- TLS carries SASL: no security layer needed, SCRAM-SHA-256 offered --
tlsuri="test+tls://localhost:$tlsport/default?pkipath=$tmp/pki-client"
if $has_tls; then
    if $has_virsh; then
        check "Debian's virsh over TLS, SCRAM-SHA-256" \
            dvirsh -c "$tlsuri&authfile=$tmp/alice.conf&auth=sasl.SCRAM-SHA-256" list
    else
        skip "Debian's virsh is not installed"
    fi
    check "vsh over TLS, SCRAM-SHA-256" \
        "$vsh" -c "$tlsuri&authfile=$tmp/alice.conf&auth=sasl.SCRAM-SHA-256" list
    fails "vsh over TLS: a wrong password is refused" \
        "^error: authentication failed: authentication failed" \
        "$vsh" -c "$tlsuri&authfile=$tmp/wrong.conf" list
    uri=$tlsuri who=alice pw=pw-alice
    says "our python3-libvirt over TLS: calls, a stream, a 300 KB frame" \
        "encrypted=1 secure=1
$full" pyclient ours_py
else
    i=0; while [ $i -lt 4 ]; do skip "certtool (gnutls-bin) is not installed"; i=$((i+1)); done
fi
check "the daemon is still serving" kill -0 "$dpid"
kill "$dpid"
i=0; while kill -0 "$dpid" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
if grep -q 'Sanitizer\|runtime error' "$d/log"; then
    notok "no sanitizer report from the daemon"; grep -A8 'Sanitizer\|runtime error' "$d/log" | sed 's/^/# /' | head -20
else
    ok "no sanitizer report from the daemon"
fi

# ---- our client against Debian's libvirtd with SASL -------------------------
lv=/usr/sbin/libvirtd
l="$tmp/l"
mkdir -p "$l/run"
lport=$(freeport)
ltlsport=$(freeport)
if $has_tls; then
    ltlsconf=$(printf '%s\n' "$tlsconf" | sed "s/\"$tlsport\"/\"$ltlsport\"/")
else
    ltlsconf="listen_tls = 0"
fi
if [ -x "$lv" ] && getent passwd libvirt-qemu >/dev/null 2>&1; then
    cat >"$l/conf" <<EOF
unix_sock_dir = "$l/run"
auth_unix_rw = "sasl"
auth_unix_ro = "none"
listen_tcp = 1
listen_addr = "127.0.0.1"
tcp_port = "$lport"
auth_tcp = "sasl"
$ltlsconf
sasl_allowed_username_list = ["alice", "car*"]
EOF
    # Its pid files live in /run/libvirt, where another libvirtd (the
    # machine's, another test's) may hold them: give it its own, when we
    # may (root in a mount namespace).
    if unshare -m --propagation private sh -c \
        'mount -t tmpfs tmpfs /run/libvirt' 2>/dev/null; then
        # (Not through a shell function: $! must be libvirtd itself.)
        env -u LD_LIBRARY_PATH -u LD_PRELOAD unshare -m --propagation private sh -c \
            'mkdir -p /run/libvirt && mount -t tmpfs tmpfs /run/libvirt && exec "$0" "$@"' \
            "$lv" --listen -f "$l/conf" -p "$l/pid" >"$l/log" 2>&1 &
    else
        env -u LD_LIBRARY_PATH -u LD_PRELOAD "$lv" --listen -f "$l/conf" \
            -p "$l/pid" >"$l/log" 2>&1 &
    fi
    lpid=$!; pids="$pids $lpid"
    i=0
    while [ ! -S "$l/run/libvirt-sock" ] && kill -0 "$lpid" 2>/dev/null && [ $i -lt 200 ]; do
        sleep 0.05; i=$((i+1))
    done
fi
if [ -S "$l/run/libvirt-sock" ]; then
    lunix="test+unix:///default?socket=$l/run/libvirt-sock"
    ltcp="test+tcp://127.0.0.1:$lport/default"
    check "vsh to libvirtd, unix socket, SCRAM-SHA-256" \
        "$vsh" -c "$lunix&authfile=$tmp/alice.conf&auth=sasl.SCRAM-SHA-256" list
    check "vsh to libvirtd, TCP, DIGEST-MD5 with its security layer" \
        sh -c "'$vsh' -c '$ltcp?authfile=$tmp/alice.conf' dominfo test | grep -q '^Name: *test'"
    uri=$ltcp who=alice pw=pw-alice
    says "our python3-libvirt to libvirtd, TCP: calls, a stream, a 300 KB frame" \
        "encrypted=1 secure=1
$full" pyclient ours_py
    fails "vsh to libvirtd: a wrong password is refused" \
        "^error: authentication failed: authentication failed" \
        "$vsh" -c "$lunix&authfile=$tmp/wrong.conf" list
    fails "vsh to libvirtd: bob is not on its list" \
        "^error: authentication failed: authentication failed" \
        "$vsh" -c "$ltcp?authfile=$tmp/bob.conf" list
    if $has_tls; then
        check "vsh to libvirtd over TLS, SCRAM-SHA-256" \
            "$vsh" -c "test+tls://localhost:$ltlsport/default?pkipath=$tmp/pki-client&authfile=$tmp/alice.conf&auth=sasl.SCRAM-SHA-256" list
    else
        skip "certtool (gnutls-bin) is not installed"
    fi
else
    i=0; while [ $i -lt 6 ]; do
        skip "no private Debian libvirtd (not installed, or another is running)"; i=$((i+1))
    done
    [ -f "$l/log" ] && sed 's/^/# /' "$l/log" | tail -3
fi
echo "1..$n"
