#!/bin/sh
# Our client library against the real thing: Debian's libvirtd (libvirt
# 9.0), run privately, reached over a unix socket, TCP and TLS.  The same
# Python program runs on python3-libvirt once over Debian's libvirt.so.0
# and once over ours, and vsh on our library runs the virsh sessions that
# Debian's virsh runs on its own: what they print must not differ.
# (Debian's virsh itself cannot load our library: it links 152 of
# libvirt's private symbols.)  libvirtd is stopped by PID.
set -u
b=${abs_top_builddir:-.}; s=${abs_top_srcdir:-.}
py=/usr/bin/python3
vsh="$b/tools/vsh/vsh"
tmp=$(mktemp -d)
. "$s/tests/tap-lib.sh"
. "$s/tests/daemon-lib.sh"
cleanup() { stop_daemons; rm -rf "$tmp"; }
trap cleanup EXIT

for need in virsh certtool; do
    if ! debian sh -c "command -v $need" >/dev/null 2>&1; then
        echo "1..0 # SKIP $need is not installed"; exit 0
    fi
done
if ! debian $py -c 'import libvirt' 2>/dev/null; then
    echo "1..0 # SKIP Debian's python3-libvirt is not installed"; exit 0
fi

set -- $($py -c '
import socket
ss = [socket.socket() for i in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))')
tcpport=$1 tlsport=$2

pki="$tmp/pki"; mkdir -p "$pki"
. "$s/tests/pki-lib.sh"
cacert ca "virtkit test CA"
server_cert server ca
client client ca client1 "expiration_days = 30"
pkipath "$tmp/pki-client" client

l="$tmp/l"; mkdir -p "$l"
cat >"$l/conf.extra" <<CONF
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
tls_allowed_dn_list = ["C=GB,*,O=virtkit,CN=client*"]
CONF
if ! start_libvirtd "$l" --listen; then
    echo "1..0 # SKIP $libvirtd_why"; exit 0
fi
ok "Debian's libvirtd runs privately (unix, TCP $tcpport, TLS $tlsport)"

unix="test+unix:///default?socket=$l/run/libvirt-sock"
ro="test+unix:///default?socket=$l/run/libvirt-sock-ro"
tcp="test+tcp://127.0.0.1:$tcpport/default"
tls="test+tls://localhost:$tlsport/default?pkipath=$tmp/pki-client"

cat >"$tmp/dom.xml" <<'XML'
<domain type='test'>
  <name>vk1</name>
  <uuid>5a6b7c8d-0000-4000-8000-00000000c0de</uuid>
  <memory>65536</memory>
  <vcpu>1</vcpu>
  <os><type>hvm</type></os>
</domain>
XML
cat >"$tmp/net.xml" <<'XML'
<network>
  <name>vknet</name>
  <uuid>5a6b7c8d-0000-4000-8000-0000000000fe</uuid>
  <bridge name='vkbr0'/>
  <ip address='192.168.150.1' netmask='255.255.255.0'/>
</network>
XML
# test:///default is reset when the last connection closes: one session.
session="list --all; dominfo test; define $tmp/dom.xml; list --all; start vk1; \
domstate --reason vk1; destroy vk1; undefine vk1; list --all; \
net-list --all; net-define $tmp/net.xml; net-start vknet; net-info vknet; \
net-dumpxml vknet; net-destroy vknet; net-undefine vknet; \
pool-list --all --details; vol-create-as default-pool vkvol 1M; \
vol-list default-pool --details; vol-info vkvol --pool default-pool; \
vol-delete vkvol --pool default-pool; nodeinfo; hostname; uri; \
dominfo nosuch; net-info nosuch; vol-info nosuch --pool default-pool"
queries="vcpuinfo test; schedinfo test; memtune test; blkiotune test; \
domstats --state; nodememstats; iothreadinfo test; dommemstat test; \
nodecpumap; domblkinfo test vda; nodedev-list; iface-list --all; \
cpu-models x86_64; maxvcpus; domiflist test; capabilities; sysinfo; \
domcapabilities; snapshot-list test; domjobinfo test"
# CPU time is a clock; uri names the transport.
filter() { grep -v -e '^CPU time:' -e '^test+'; }

for t in unix tcp tls; do
    eval "uri=\$$t"
    debian virsh -c "$uri" "$session" 2>&1 | filter >"$tmp/$t.debian"
    ours "$vsh" -c "$uri" "$session" 2>&1 | filter >"$tmp/$t.ours"
    same "$t: vsh on our library prints what virsh prints on libvirt's ($(wc -l <"$tmp/$t.ours") lines)" \
        "$tmp/$t.debian" "$tmp/$t.ours"
done
debian virsh -c "$unix" "$queries" 2>&1 | filter >"$tmp/q.debian"
ours "$vsh" -c "$unix" "$queries" 2>&1 | filter >"$tmp/q.ours"
same "queries of every reply shape: the same ($(wc -l <"$tmp/q.ours") lines)" \
    "$tmp/q.debian" "$tmp/q.ours"

# The read-only socket: libvirtd refuses the write, our library reports it.
debian virsh -c "$ro" "destroy test" >"$tmp/ro.debian" 2>&1
ours "$vsh" -c "$ro" "destroy test" >"$tmp/ro.ours" 2>&1
if grep -q "read only access prevents virDomainDestroy" "$tmp/ro.ours"; then
    same "read-only socket: libvirtd's refusal arrives intact" "$tmp/ro.debian" "$tmp/ro.ours"
else
    notok "read-only socket: the refusal"; sed 's/^/# /' "$tmp/ro.ours"
fi

# TLS: a client without a certificate the server trusts is refused.
mkdir -p "$tmp/pki-none"; cp "$pki/cacert.pem" "$tmp/pki-none/cacert.pem"
if ours "$vsh" -c "test+tls://localhost:$tlsport/default?pkipath=$tmp/pki-none" \
        list >"$tmp/tls-none" 2>&1; then
    notok "TLS without a client certificate is refused"
else
    ok "TLS without a client certificate is refused: $(head -1 "$tmp/tls-none")"
fi

# Python: lifecycle events, errors, the read-only socket, on both libraries.
for lib in debian ours; do
    $lib timeout 60 $py "$s/tests/daemon-clients.py" "$unix" "$ro" \
        >"$tmp/py.$lib" 2>"$tmp/py.$lib.err"
done
if grep -q "^library $(cd "$b" && pwd)/.libs/libvirt.so" "$tmp/py.ours.err"; then
    same "python3-libvirt on our library through libvirtd: the same, events included ($(wc -l <"$tmp/py.ours") lines)" \
        "$tmp/py.debian" "$tmp/py.ours"
else
    notok "python3-libvirt loaded our libvirt.so.0"; sed 's/^/# /' "$tmp/py.ours.err" | head
fi

# Keepalive: libvirtd answers our pings; a quiet connection stays up.
cat >"$tmp/ka.py" <<'PY'
import sys, threading, time
import libvirt
libvirt.virEventRegisterDefaultImpl()
threading.Thread(target=lambda: [libvirt.virEventRunDefaultImpl() for _ in iter(int, 1)],
                 daemon=True).start()
c = libvirt.open(sys.argv[1])
c.setKeepAlive(1, 2)
time.sleep(4)
print(c.isAlive(), len(c.listAllDomains()))
PY
ours timeout 30 $py "$tmp/ka.py" "$unix" >"$tmp/ka.out" 2>&1
check "keepalive every second for 4 s: the connection stays up" grep -qx "1 1" "$tmp/ka.out"
tap_done
