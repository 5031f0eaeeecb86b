#!/bin/sh
# virt-install, virt-xml and virt-clone (Debian's virtinst, a real libvirt
# client in Python) create, edit and clone guests with a volume in a pool.
# The reference run: Debian's libvirt.so.0 against a private Debian
# libvirtd.  Then the same session against virtkitd, with the tools on
# Debian's library, on python3-libvirt over our libvirt.so.0, and on our
# Python binding; and our binding against libvirtd.  Debian's virsh shows
# the results; every run must print the same.  Daemons stopped by PID.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-.}" && pwd)
py=/usr/bin/python3
tmp=$(mktemp -d)
. "$s/tests/tap-lib.sh"
. "$s/tests/daemon-lib.sh"
keeper=
cleanup() { [ -n "$keeper" ] && kill "$keeper" 2>/dev/null; stop_daemons; rm -rf "$tmp"; }
trap cleanup EXIT

if ! debian sh -c 'command -v virt-install && command -v virt-xml && command -v virt-clone && command -v virsh' \
        >/dev/null 2>&1; then
    echo "1..0 # SKIP virtinst (virt-install) or libvirt-clients is not installed"; exit 0
fi
if ! start_libvirtd "$tmp/l"; then
    echo "1..0 # SKIP no reference: $libvirtd_why"; exit 0
fi
if ! start_daemon "$tmp/v"; then
    echo "1..0 # SKIP virtkitd did not start"; exit 0
fi
L="test+unix:///default?socket=$tmp/l/run/libvirt-sock"
V="test+unix:///default?socket=$tmp/v/run/libvirt-sock"

# Our Python binding: its module and our library, nothing else.
ourpy() {
    ours env PYTHONPATH="$b/bindings/python/.libs:$b/bindings/python/gen" "$@"
}

# session RUNNER URI: the tools run by RUNNER; Debian's virsh looks.  A
# connection is held open meanwhile: test:///default lives while one is.
session() {
    run=$1 uri=$2
    env -u LD_LIBRARY_PATH -u LD_PRELOAD $py -c \
        "import libvirt, time; c = libvirt.open('$uri'); time.sleep(120)" &
    keeper=$!
    sleep 0.5
    look() { debian virsh -c "$uri" "$@" 2>&1; }
    $run virt-install --connect "$uri" --name vi1 \
        --uuid 5a6b7c8d-0000-4000-8000-0000000000a1 --memory 256 --vcpus 2 \
        --import --disk none --network network=default,mac=52:54:00:00:00:a1 \
        --os-variant generic --noautoconsole --graphics vnc 2>&1
    $run virt-install --connect "$uri" --name vi2 \
        --uuid 5a6b7c8d-0000-4000-8000-0000000000a2 --memory 128 --import \
        --disk pool=default-pool,size=0.01,format=raw --network none \
        --os-variant generic --noautoconsole --graphics none 2>&1
    look "list --all; dumpxml vi1; dumpxml vi2; vol-list default-pool"
    $run virt-xml --connect "$uri" vi1 --edit --memory 512,maxmemory=1024 --define 2>&1
    $run virt-xml --connect "$uri" vi1 --add-device \
        --network network=default,mac=52:54:00:00:00:b1 --define 2>&1
    $run virt-xml --connect "$uri" vi1 --edit --vcpus 3 --define 2>&1
    look "dumpxml --inactive vi1; destroy vi2"
    $run virt-clone --connect "$uri" --original vi2 --name vi3 --auto-clone \
        --mac 52:54:00:00:00:a3 2>&1
    look "list --all; vol-list default-pool; dumpxml --inactive vi3"
    # errors: a name in use, a clone of a running guest
    $run virt-install --connect "$uri" --name vi2 --memory 128 --import \
        --disk none --os-variant generic --noautoconsole 2>&1
    $run virt-clone --connect "$uri" --original vi1 --name vi4 --auto-clone 2>&1
    kill "$keeper"; wait "$keeper" 2>/dev/null; keeper=
    sleep 0.3
}

# Neither the socket's path nor the UUID virt-clone draws is compared.
run_session() {
    session "$@" | sed -e "s|$2|URI|g" \
        -e "/<name>vi3</{n;s|<uuid>.*</uuid>|<uuid>(drawn)</uuid>|}"
}
run_session debian "$L" >"$tmp/reference"
if [ "$(grep -c "Domain creation completed" "$tmp/reference")" = 2 ] &&
        grep -q "vi3 *shut off" "$tmp/reference"; then
    ok "reference: virtinst on libvirt 9.0 and libvirtd ($(wc -l <"$tmp/reference") lines)"
else
    notok "reference run"; sed 's/^/# /' "$tmp/reference" | head -30
fi
run_session debian "$V" >"$tmp/out"
same "virtkitd: virtinst on Debian's library prints the same" "$tmp/reference" "$tmp/out"
run_session ours "$V" >"$tmp/out"
same "virtkitd: virtinst on python3-libvirt over our libvirt.so.0 prints the same" \
    "$tmp/reference" "$tmp/out"
run_session ourpy "$V" >"$tmp/out"
same "virtkitd: virtinst on our Python binding prints the same" "$tmp/reference" "$tmp/out"
run_session ourpy "$L" >"$tmp/out"
same "libvirtd: virtinst on our Python binding prints the same" "$tmp/reference" "$tmp/out"
if ourpy $py -c 'import libvirt, sys; sys.exit(0 if libvirt.__file__.startswith(sys.argv[1]) else 1)' \
        "$b/bindings/python"; then
    ok "... and that binding was ours"
else
    notok "our Python binding was loaded"
fi
tap_done
