#!/bin/sh
# virtkitd's TCP and TLS listeners and the remote driver's transports
# (unix, tcp, tls, ssh, ext), each checked against Debian's virsh: a
# private daemon on free ports and sockets in a temporary folder, x509
# certificates made here with certtool (a good client, a revoked one, an
# expired one, one from another CA, one whose DN is not allowed), and a
# fake ssh that records its argv and runs the far side's command locally.
# Daemons are stopped by PID.
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
# Killed (or its reader gone): still stop the daemons.
trap 'cleanup; trap - EXIT; exit 1' INT TERM HUP PIPE

. "$s/tests/tap-lib.sh"

if ! command -v certtool >/dev/null 2>&1; then
    echo "1..0 # SKIP certtool (gnutls-bin) is not installed"; exit 0
fi
havevirsh=false
debian sh -c 'command -v virsh' >/dev/null 2>&1 && havevirsh=true

# Free TCP ports, chosen now.
set -- $($py -c '
import socket
ss = [socket.socket() for i in range(3)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))')
tcpport=$1 tlsport=$2 spareport=$3

# ---- certificates ----------------------------------------------------------
pki="$tmp/pki"
mkdir -p "$pki"
. "$s/tests/pki-lib.sh"
cacert ca "virtkit test CA"
cacert otherca "some other CA"
server_cert server ca
client client ca client1 "expiration_days = 30"
client revoked ca client2 "expiration_days = 30"
client expired ca client3 'activation_date = "2020-01-01 00:00:00 UTC"' \
    'expiration_date = "2021-01-01 00:00:00 UTC"'
client foreign otherca client4 "expiration_days = 30"
client outsider ca intruder "expiration_days = 30"
printf 'crl_next_update = 30\ncrl_number = 1\n' >"$pki/crl.info"
certtool --generate-crl --load-ca-privkey "$pki/cakey.pem" \
    --load-ca-certificate "$pki/cacert.pem" \
    --load-certificate "$pki/revokedcert.pem" --template "$pki/crl.info" \
    --outfile "$pki/cacrl.pem" >/dev/null 2>&1
if [ -s "$pki/clientcert.pem" ] && [ -s "$pki/cacrl.pem" ] && [ -s "$pki/expiredcert.pem" ]; then
    ok "certtool made a CA, a CRL, server and client certificates"
else
    notok "certtool made the certificates"; ls -l "$pki" | sed 's/^/# /'
fi
# A pkipath folder per client certificate, as libvirt's clients read it.
for c in client revoked expired foreign outsider; do pkipath "$tmp/pki-$c" $c; done
# A client that trusts another CA than the server's.
mkdir -p "$tmp/pki-distrust"
cp "$pki/othercacert.pem" "$tmp/pki-distrust/cacert.pem"
cp "$pki/foreigncert.pem" "$tmp/pki-distrust/clientcert.pem"
cp "$pki/foreignkey.pem" "$tmp/pki-distrust/clientkey.pem"

# ---- the daemon ---------------------------------------------------------------
d="$tmp/d"
mkdir -p "$d"
: >"$d/qemu.conf"
cat >"$d/conf" <<EOF
unix_sock_dir = "$d/run"
state_dir = "$d/state"
run_dir = "$d/rundir"
qemu_conf = "$d/qemu.conf"
listen_tcp = 1
listen_tls = 1
tcp_port = "$tcpport"
tls_port = "$tlsport"
listen_addr = "127.0.0.1"
auth_tcp = "none"
auth_tls = "none"
key_file = "$pki/serverkey.pem"
cert_file = "$pki/servercert.pem"
ca_file = "$pki/cacert.pem"
crl_file = "$pki/cacrl.pem"
tls_allowed_dn_list = ["C=GB,*,O=virtkit,CN=client*"]
tls_priority = "NORMAL"
max_anonymous_clients = 2
EOF
# wait_port PORT: true once something listens there (5 s at most).
wait_port() {
    i=0
    while ! $py -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 1).close()" 2>/dev/null; do
        i=$((i+1)); [ $i -gt 100 ] && return 1; sleep 0.05
    done
}
"$daemon" --listen -f "$d/conf" -p "$d/pid" >"$d/log" 2>&1 &
dpid=$!; pids="$pids $dpid"
if wait_port "$tlsport" && wait_port "$tcpport"; then
    ok "virtkitd --listen serves TCP port $tcpport and TLS port $tlsport"
else
    notok "virtkitd --listen starts"; sed 's/^/# /' "$d/log"; echo "1..$n"; exit 1
fi
sock="$d/run/libvirt-sock"

# Without --listen the same configuration opens no TCP port.
d3="$tmp/d3"; mkdir -p "$d3"; : >"$d3/qemu.conf"
sed -e "s|$d/|$d3/|g" -e "s|$tcpport|$spareport|" -e "/tls_port/d" \
    -e "s|listen_tls = 1|listen_tls = 0|" "$d/conf" >"$d3/conf"
"$daemon" -f "$d3/conf" -p "$d3/pid" >"$d3/log" 2>&1 &
p3=$!; pids="$pids $p3"
i=0; while [ ! -S "$d3/run/libvirt-sock" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
if [ -S "$d3/run/libvirt-sock" ] &&
    ! $py -c "import socket; socket.create_connection(('127.0.0.1', $spareport), 1)" 2>/dev/null; then
    ok "without --listen, listen_tcp opens no port (as libvirtd)"
else
    notok "without --listen, listen_tcp opens no port"
fi
kill "$p3"

# ---- configuration errors ---------------------------------------------------------
conferr() {  # conferr NAME PATTERN [--listen], config in $tmp/bad.conf
    name=$1 pat=$2; shift 2
    printf 'state_dir = "%s"\nrun_dir = "%s"\nqemu_conf = "%s"\n' \
        "$tmp/bad/state" "$tmp/bad/run" "$d/qemu.conf" >>"$tmp/bad.conf"
    if "$daemon" "$@" -f "$tmp/bad.conf" -p "$tmp/bad.pid" >"$tmp/out" 2>&1; then
        notok "$name"
    elif grep -q -- "$pat" "$tmp/out"; then ok "$name"
    else notok "$name"; sed 's/^/# /' "$tmp/out"; fi
}
printf 'unix_sock_dir = "%s"\nlisten_tcp = 1\nauth_tcp = "polkit"\n' "$tmp/bad" >"$tmp/bad.conf"
conferr "auth_tcp = polkit (not served) is refused" \
        'auth_tcp = "polkit" is not supported' --listen
printf 'unix_sock_dir = "%s"\nlisten_tls = 1\nca_file = "%s/nope.pem"\n' "$tmp/bad" "$tmp" >"$tmp/bad.conf"
conferr "a missing CA file is named" "Cannot read CA certificate '$tmp/nope.pem'" --listen
printf 'unix_sock_dir = "%s"\nlisten_tls = 1\nca_file = "%s"\ncert_file = "%s"\nkey_file = "%s"\ntls_priority = "NORMAL:+BOGUS"\n' \
    "$tmp/bad" "$pki/cacert.pem" "$pki/servercert.pem" "$pki/serverkey.pem" >"$tmp/bad.conf"
conferr "a bad tls_priority is refused at start" "priority to NORMAL:+BOGUS" --listen
printf 'tcp_port = "http-ish"\n' >"$tmp/bad.conf"
conferr "a bad tcp_port names file and line" 'bad.conf:1: tcp_port'
printf 'max_clients = 5\nmax_anonymous_clients = 10\n' >"$tmp/bad.conf"
conferr "max_anonymous_clients above max_clients is refused" 'max_anonymous_clients'
printf 'auth_tls = "kerberos"\n' >"$tmp/bad.conf"
conferr "an unknown auth scheme is refused" 'unsupported auth kerberos'

# ---- tcp -----------------------------------------------------------------------------
tcpuri="test+tcp://127.0.0.1:$tcpport/default"
tlsuri="test+tls://localhost:$tlsport/default?pkipath=$tmp/pki-client"
if $havevirsh; then
    # CPU time is a clock: not compared.
    cmds="list --all; dominfo test; net-list --all; pool-list --all"
    debian virsh -c test:///default "$cmds" 2>&1 | grep -v '^CPU time' >"$tmp/in"
    debian virsh -c "$tcpuri" "$cmds" 2>&1 | grep -v '^CPU time' >"$tmp/re"
    same "Debian's virsh over TCP: the same as in-process" "$tmp/in" "$tmp/re"
    debian virsh -c "$tlsuri" "$cmds" 2>&1 | grep -v '^CPU time' >"$tmp/re"
    same "Debian's virsh over TLS (pkipath=): the same as in-process" "$tmp/in" "$tmp/re"
    ours "$vsh" -c "$tcpuri" "$cmds" 2>&1 | grep -v '^CPU time' >"$tmp/re"
    same "vsh over TCP: the same" "$tmp/in" "$tmp/re"
    ours "$vsh" -c "$tlsuri" "$cmds" 2>&1 | grep -v '^CPU time' >"$tmp/re"
    same "vsh over TLS: the same" "$tmp/in" "$tmp/re"
else
    skip "Debian's virsh is not installed"
fi

# isSecure/isEncrypted as the clients see them (libvirt's python binding
# on our library and on Debian's).
cat >"$tmp/enc.py" <<'EOF'
import sys, libvirt
libvirt.registerErrorHandler(lambda c, e: None, None)
for uri in sys.argv[1:]:
    c = libvirt.open(uri)
    print(uri.split(":")[0], "secure=%d encrypted=%d" % (c.isSecure(), c.isEncrypted()))
    c.close()
EOF
if debian $py -c 'import libvirt' 2>/dev/null; then
    uris="$tcpuri $tlsuri test+unix:///default?socket=$sock"
    debian $py "$tmp/enc.py" $uris >"$tmp/in" 2>&1
    ours $py "$tmp/enc.py" $uris >"$tmp/re" 2>&1
    same "isSecure/isEncrypted over tcp/tls/unix: ours as Debian's ($(tr '\n' ' ' <"$tmp/re"))" "$tmp/in" "$tmp/re"
fi

# ---- TLS refusals --------------------------------------------------------------------
# refused NAME PKIDIR PATTERN [URI-EXTRA]: both clients fail; ours says PATTERN.
refused() {
    name=$1 dir=$2 pat=$3 extra=${4:-}
    uri="test+tls://localhost:$tlsport/default?pkipath=$dir$extra"
    if $havevirsh && debian virsh -c "$uri" list >"$tmp/out" 2>&1; then
        notok "$name: Debian's virsh is refused"; return
    fi
    if ours "$vsh" -c "$uri" list >"$tmp/out" 2>&1; then
        notok "$name: vsh is refused"
    elif grep -q -- "$pat" "$tmp/out"; then
        ok "$name"
    else
        notok "$name: message"; sed 's/^/# /' "$tmp/out"
    fi
}
refused "a revoked client certificate is refused" "$tmp/pki-revoked" \
    "Unable to read TLS confirmation: Input/output error"
refused "an expired client certificate is refused" "$tmp/pki-expired" \
    "Unable to read TLS confirmation"
refused "a client certificate from an untrusted CA is refused" "$tmp/pki-foreign" \
    "Unable to read TLS confirmation"
refused "a DN outside tls_allowed_dn_list is refused" "$tmp/pki-outsider" \
    "Unable to read TLS confirmation"
refused "a server signed by a CA the client does not trust is refused" \
    "$tmp/pki-distrust" "Certificate failed validation"
grep -q "has been revoked" "$d/log" && grep -q "has expired" "$d/log" &&
    grep -q "not on the list of allowed clients" "$d/log" &&
    ok "the daemon logs why (revoked, expired, DN not allowed)" ||
    { notok "the daemon logs why"; sed 's/^/# /' "$d/log" | head -20; }

# The server certificate names localhost, not 127.0.0.1.
uri="test+tls://127.0.0.1:$tlsport/default?pkipath=$tmp/pki-client"
if ours "$vsh" -c "$uri" list >"$tmp/out" 2>&1; then
    notok "a server certificate for another host name is refused"
else
        grep -q "does not match the hostname 127.0.0.1" "$tmp/out" &&
        ok "a server certificate for another host name is refused" ||
        { notok "host name check"; sed 's/^/# /' "$tmp/out"; }
fi
check "... unless no_verify=1" sh -c "env $asan LD_LIBRARY_PATH='$b/.libs' '$vsh' -c '$uri&no_verify=1' list | grep -q 'test   running'"
if $havevirsh; then
    if debian virsh -c "$uri" list >/dev/null 2>&1; then
        notok "Debian's virsh refuses it too"
    else
        ok "Debian's virsh refuses it too"
    fi
fi

# Without pkipath a client that is not root reads ~/.pki/libvirt.
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1 && id nobody >/dev/null 2>&1 &&
   ! runuser -u nobody -- test -x "$vsh"; then
    # a build tree under a private folder (mktemp -d is 0700) is out of
    # nobody's reach, whatever the test does
    skip "~/.pki/libvirt: nobody cannot reach $vsh (the build tree's folder is private)"
elif [ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    home="$tmp/home"
    mkdir -p "$home/.pki/libvirt"
    cp "$tmp/pki-client/"*.pem "$home/.pki/libvirt/"
    chmod -R a+rX "$tmp"
    if env $asan HOME="$home" LD_LIBRARY_PATH="$b/.libs" runuser -u nobody -- \
        env HOME="$home" "$vsh" -c "test+tls://localhost:$tlsport/default" list >"$tmp/out" 2>&1 &&
        grep -q 'test   running' "$tmp/out"; then
        ok "a non-root client finds its certificates in ~/.pki/libvirt"
    else
        notok "~/.pki/libvirt"; sed 's/^/# /' "$tmp/out"
    fi
else
    skip "~/.pki/libvirt needs runuser and a nobody user"
fi

# ---- tls_no_verify_certificate, unix_sock_group ----------------------------------------
d4="$tmp/d4"; mkdir -p "$d4"; : >"$d4/qemu.conf"
grp=$(id -gn nobody 2>/dev/null || echo 65534)
cat >"$d4/conf" <<EOF
unix_sock_dir = "$d4/run"
state_dir = "$d4/state"
run_dir = "$d4/rundir"
qemu_conf = "$d4/qemu.conf"
unix_sock_group = "$grp"
listen_tls = 1
tls_port = "$spareport"
listen_addr = "127.0.0.1"
key_file = "$pki/serverkey.pem"
cert_file = "$pki/servercert.pem"
ca_file = "$pki/cacert.pem"
tls_no_verify_certificate = 1
keepalive_interval = 1
keepalive_count = 1
EOF
"$daemon" --listen -f "$d4/conf" -p "$d4/pid" >"$d4/log" 2>&1 &
p4=$!; pids="$pids $p4"
if wait_port "$spareport"; then
    check "unix_sock_group: both sockets belong to group $grp" sh -c \
        "[ \"\$(stat -c %G '$d4/run/libvirt-sock')\" = '$grp' ] && [ \"\$(stat -c %G '$d4/run/libvirt-sock-ro')\" = '$grp' ]"
    for c in foreign expired; do
        check "tls_no_verify_certificate = 1 lets in the $c client certificate" sh -c \
            "env $asan LD_LIBRARY_PATH='$b/.libs' '$vsh' -c 'test+tls://localhost:$spareport/default?pkipath=$tmp/pki-$c' list | grep -q 'test   running'"
    done
    # keepalive 1 s x (1 + 1): a connection without a handshake goes.
    check "a client that never starts its TLS handshake is dropped (keepalive 1 s, count 1)" \
        $py -c "
import socket, time
s = socket.create_connection(('127.0.0.1', $spareport))
s.settimeout(8)
t = time.monotonic()
assert s.recv(1) == b''
took = time.monotonic() - t
assert 1.5 < took < 5, took
"
else
    notok "a daemon with tls_no_verify_certificate starts"; sed 's/^/# /' "$d4/log"
fi
kill "$p4"

# ---- clients that never finish their handshake ------------------------------------------
# max_anonymous_clients = 2: two silent TLS connections fill the quota;
# a third TLS connection is turned away, plain TCP is not affected.
cat >"$tmp/anon.py" <<'EOF'
import socket, sys, time
tls, tcp = int(sys.argv[1]), int(sys.argv[2])
def closed_within(s, secs):
    s.settimeout(secs)
    try:
        return s.recv(1) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False
silent = [socket.create_connection(("127.0.0.1", tls)) for i in range(2)]
time.sleep(0.3)
third = socket.create_connection(("127.0.0.1", tls))
print("third", "dropped" if closed_within(third, 2) else "kept")
plain = socket.create_connection(("127.0.0.1", tcp))
print("plain", "dropped" if closed_within(plain, 0.5) else "kept")
sys.stdout.flush()
sys.stdin.readline()                # the shell checks TLS clients meanwhile
EOF
mkfifo "$tmp/anon-in"
$py "$tmp/anon.py" "$tlsport" "$tcpport" <"$tmp/anon-in" >"$tmp/anon" 2>&1 &
anonpid=$!
exec 7>"$tmp/anon-in"
i=0; while ! grep -q '^plain' "$tmp/anon" && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
grep -qx "third dropped" "$tmp/anon" &&
    ok "max_anonymous_clients 2: a third client still in its handshake is turned away" ||
    { notok "max_anonymous_clients"; sed 's/^/# /' "$tmp/anon"; }
grep -qx "plain kept" "$tmp/anon" && ok "... a plain TCP client is not" ||
    notok "... a plain TCP client is not"
if ours "$vsh" -c "$tlsuri" list >/dev/null 2>&1; then
    notok "... and a TLS client is turned away while the quota is full"
else
    ok "... and a TLS client is turned away while the quota is full"
fi
echo >&7; exec 7>&-
wait $anonpid
sleep 0.3
check "once they leave, TLS clients are served again" sh -c \
    "env $asan LD_LIBRARY_PATH='$b/.libs' '$vsh' -c '$tlsuri' list | grep -q 'test   running'"

# ---- ssh -----------------------------------------------------------------------------
# The fake ssh writes its argv next to itself (ssh gets a cleaned
# environment from both clients), then runs the remote command line.
cat >"$tmp/ssh" <<EOF
#!/bin/sh
for a in "\$@"; do printf '%s\\n' "\$a"; done >"$tmp/ssh-argv"
env | grep -v '^PWD=\|^SHLVL=\|^_=' | sort >"$tmp/ssh-env"
while [ \$# -gt 0 ] && [ "\$1" != "--" ]; do shift; done
shift 2
exec sh -c "\$*"
EOF
chmod +x "$tmp/ssh"
sshcase() {  # sshcase NAME URI [virsh options]
    name=$1 uri=$2; shift 2
    rm -f "$tmp/ssh-argv" "$tmp/v-argv" "$tmp/ssh-env" "$tmp/v-env"
    debian virsh "$@" -c "$uri" "list --all" >"$tmp/v-out" 2>&1
    mv "$tmp/ssh-argv" "$tmp/v-argv" 2>/dev/null
    mv "$tmp/ssh-env" "$tmp/v-env" 2>/dev/null
    ours "$vsh" "$@" -c "$uri" "list --all" >"$tmp/o-out" 2>&1
    if [ ! -e "$tmp/v-argv" ] && [ ! -e "$tmp/ssh-argv" ]; then
        # refused before running ssh: only the messages are compared
        if diff "$tmp/v-out" "$tmp/o-out" >"$tmp/diff"; then
            ok "$name ($(tail -1 "$tmp/o-out"))"
        else
            notok "$name: message differs"; sed 's/^/# /' "$tmp/diff" | head -10
        fi
    elif ! cmp -s "$tmp/v-argv" "$tmp/ssh-argv"; then
        notok "$name: ssh argv differs from Debian's virsh"
        diff "$tmp/v-argv" "$tmp/ssh-argv" | sed 's/^/# /' | head -10
    elif ! cmp -s "$tmp/v-env" "$tmp/ssh-env"; then
        notok "$name: ssh environment differs from Debian's virsh"
        diff "$tmp/v-env" "$tmp/ssh-env" | sed 's/^/# /' | head -10
    elif ! diff "$tmp/v-out" "$tmp/o-out" >"$tmp/diff"; then
        notok "$name: output differs"; sed 's/^/# /' "$tmp/diff" | head -10
    else
        ok "$name ($(wc -l <"$tmp/ssh-argv") argv words, output: $(grep -c running "$tmp/o-out") running)"
    fi
}
if $havevirsh; then
    q="command=$tmp/ssh"
    sshcase "ssh with user, port, keyfile, no_tty, socket" \
        "test+ssh://bob@fakehost:2222/default?$q&keyfile=/k/id&no_tty=1&socket=$sock"
    sshcase "ssh with netcat= and no_verify=1" \
        "test+ssh://fakehost/default?$q&netcat=nc&socket=$sock&no_verify=1"
    sshcase "ssh proxy=auto: virt-ssh-helper or nc" \
        "test+ssh://fakehost/default?$q&proxy=auto&socket=$sock"
    # These reach no daemon (no socket here): only argv and the errors.
    sshcase "ssh default proxy, read-only" "test+ssh://h/default?$q" -r
    sshcase "ssh proxy=native" "qemu+ssh://h/system?$q&proxy=native"
    sshcase "ssh proxy=netcat, session" "qemu+ssh://u@h:23/session?$q&proxy=netcat"
    sshcase "ssh mode=direct is refused" "test+ssh://h/default?$q&mode=direct"
    sshcase "ssh proxy=bogus is refused" "test+ssh://h/default?$q&proxy=bogus"
    sshcase "ssh native with netcat= is refused" "test+ssh://h/default?$q&proxy=native&netcat=nc"
    # What a dying ssh said ends up in the error.
    cat >"$tmp/ssh-fail" <<'EOF'
#!/bin/sh
echo "ssh: connect to host nowhere port 22: Connection refused" >&2
exit 255
EOF
    chmod +x "$tmp/ssh-fail"
    # (libvirt shows it or not depending on timing; ours waits for it.)
    ours "$vsh" -c "test+ssh://nowhere/default?command=$tmp/ssh-fail" list >"$tmp/o-out" 2>&1
    if grep -q "Cannot recv data: ssh: connect to host nowhere port 22: Connection refused" "$tmp/o-out"; then
        ok "a failing ssh: what it said is in the error"
    else
        notok "a failing ssh: what it said is in the error"; sed 's/^/# /' "$tmp/o-out"
    fi
else
    skip "Debian's virsh is not installed (ssh argv comparison)"
fi

# ---- ext, unix -----------------------------------------------------------------------
cat >"$tmp/ext" <<EOF
#!/bin/sh
exec nc -U "$sock"
EOF
chmod +x "$tmp/ext"
check "ext transport (command=) through nc" sh -c \
    "env $asan LD_LIBRARY_PATH='$b/.libs' '$vsh' -c 'test+ext:///default?command=$tmp/ext' list | grep -q 'test   running'"
errsame() {  # errsame NAME URI: the same error from both clients
    if $havevirsh; then
        debian virsh -c "$2" list >"$tmp/v-out" 2>&1
        ours "$vsh" -c "$2" list >"$tmp/o-out" 2>&1
        same "$1" "$tmp/v-out" "$tmp/o-out"
    fi
}
errsame "ext without command=: virsh's error" "test+ext:///default"
errsame "unix mode=direct: the per-driver socket, as virsh" "test+unix:///default?mode=direct"
errsame "unix mode=legacy: libvirt-sock, as virsh" "qemu+unix:///system?mode=legacy"
errsame "unix mode=bogus: virsh's error" "test+unix:///default?mode=bogus"
errsame "unix with a host: virsh's error" "test+unix://host/default"
errsame "tcp to a closed port: virsh's error" "test+tcp://127.0.0.1:$spareport/default"
errsame "tls without certificates: virsh's error" "test+tls://127.0.0.1:$tlsport/default?pkipath=$tmp/none"
errsame "tls with a bad tls_priority: virsh's error" "$tlsuri&tls_priority=BOGUS"
check "tls_priority=NORMAL:-VERS-ALL:+VERS-TLS1.2 (TLS 1.2 only) works" sh -c \
    "env $asan LD_LIBRARY_PATH='$b/.libs' '$vsh' -c '$tlsuri&tls_priority=NORMAL:-VERS-ALL:%2BVERS-TLS1.2' list | grep -q 'test   running'"

# ---- stop -----------------------------------------------------------------------------
kill "$dpid"
i=0; while kill -0 "$dpid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
if kill -0 "$dpid" 2>/dev/null; then notok "SIGTERM stops the daemon"
else ok "SIGTERM stops the daemon"; fi
if grep -q "Sanitizer" "$d/log"; then
    notok "no sanitizer report from the daemon"; sed 's/^/# /' "$d/log" | head -30
else
    ok "no sanitizer report from the daemon"
fi
echo "1..$n"
