#!/bin/sh
# A second, independent check of virtkitd's wire format: go-libvirt
# (Debian's golang-github-digitalocean-go-libvirt-dev), a pure-Go client
# of libvirt's RPC protocol whose XDR codecs were generated from libvirt's
# protocol files, not from its C code nor ours.
#  1. go-libvirt's own integration tests (build tag "integration") want a
#     daemon on TCP 127.0.0.1:16509, auth none, serving qemu:///system
#     with the domain, storage pool "test" and secret of its testdata/.
#     They run against Debian's libvirtd and against virtkitd, each in a
#     network namespace of its own (the fixed port never collides) and a
#     mount namespace where /etc/libvirt, /var/lib/libvirt,
#     /var/cache/libvirt and /var/log/libvirt are empty tmpfs.  One TAP
#     line per Go test: failing on ours only is a failure (or a TODO
#     listed in tests/peer/go-rpc/integration-todo.txt with its reason);
#     failing on both is a TODO.
#  2. tests/peer/go-rpc/rpcprobe.go calls ~150 procedures on
#     test:///default over the unix sockets (read-write, then read-only):
#     every result must be the same
#     on libvirtd and virtkitd, but those listed, with the reason, in
#     tests/peer/go-rpc/known-differences.txt (reported as TODO).
# Daemons are stopped by PID; the namespaces go with their last process.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/..}" && pwd)
pkg=/usr/share/gocode/src/github.com/digitalocean/go-libvirt
self="$s/tests/peer-go-libvirt-rpc.sh"
uri=qemu+tcp://127.0.0.1/system

# inside SIDE DIR: run in fresh network and mount namespaces; starts the
# daemon on 127.0.0.1:16509, defines the objects the tests use, runs them.
inside() {
    side=$1 pdir=$2
    tmp=$pdir
    . "$s/tests/tap-lib.sh"
    . "$s/tests/daemon-lib.sh"
    trap stop_daemons EXIT
    ip link set lo up || exit 1
    for m in /etc/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt; do
        mkdir -p "$m" && mount -t tmpfs -o mode=755 virtkit-test "$m" || exit 1
    done
    # libvirtd's qemu driver probes QEMU as this user; where the machine's
    # libvirt-qemu cannot open /dev/kvm it probes again on every call.
    printf 'user = "root"\ngroup = "root"\n' >/etc/libvirt/qemu.conf
    d="$pdir/d"; mkdir -p "$d"
    cat >"$d/conf.extra" <<CONF
listen_tcp = 1
listen_tls = 0
tcp_port = "16509"
listen_addr = "127.0.0.1"
auth_tcp = "none"
CONF
    if [ "$side" = libvirtd ]; then
        start_libvirtd "$d" --listen || { echo "daemon: $libvirtd_why"; exit 1; }
    else
        # start_daemon's configuration says listen_tcp = 0 first, and the
        # first setting wins: this one is written whole.
        cat >"$d/conf" - "$d/conf.extra" <<CONF
unix_sock_dir = "$d/run"
auth_unix_rw = "none"
auth_unix_ro = "none"
state_dir = "$pdir/state"
run_dir = "$pdir/rundir"
qemu_conf = "/etc/libvirt/qemu.conf"
CONF
        "$b/src/daemon/virtkitd" -f "$d/conf" -p "$d/pid" --listen >"$d/log" 2>&1 &
        daemon_pids="$daemon_pids $!"
        i=0
        while [ ! -S "$d/run/libvirt-sock" ] && [ $i -lt 200 ]; do
            sleep 0.05; i=$((i+1))
        done
        [ -S "$d/run/libvirt-sock" ] || { echo "daemon: $(tail -3 "$d/log")"; exit 1; }
    fi
    i=0
    while ! debian virsh -q -c $uri uri >/dev/null 2>&1 && [ $i -lt 100 ]; do
        sleep 0.1; i=$((i+1))
    done
    # the pool's files go to DIR/pool, not /tmp (the tests do not look)
    mkdir -p "$pdir/pool"
    sed "s|<path>/tmp</path>|<path>$pdir/pool</path>|" "$pkg/testdata/test-pool.xml" \
        >"$pdir/pool.xml"
    for c in "define $pkg/testdata/test-domain.xml" "pool-define $pdir/pool.xml" \
             "pool-start test" "secret-define $pkg/testdata/test-secret.xml"; do
        debian virsh -q -c $uri "$c" >"$pdir/out" 2>&1 ||
            echo "setup: virsh $c: $(tr '\n' ' ' <"$pdir/out")"
    done
    (cd "$pdir" && timeout 120 "$pdir/../go-libvirt.test" -test.v \
        -test.run "$(cat "$pdir/../names")") 2>&1
}
if [ "${1:-}" = --inside ]; then
    inside "$2" "$3"
    exit
fi

skip_all() { echo "1..0 # SKIP $*"; exit 0; }
command -v go >/dev/null 2>&1 || skip_all "go is not installed (Debian's golang-go)"
[ -d "$pkg" ] || skip_all "$pkg missing (Debian's golang-github-digitalocean-go-libvirt-dev)"
[ -d /usr/share/gocode/src/github.com/stretchr/testify ] ||
    skip_all "testify missing (Debian's golang-github-stretchr-testify-dev)"
[ "$(id -u)" = 0 ] || skip_all "network and mount namespaces need root"
for need in unshare ip virsh; do
    command -v $need >/dev/null 2>&1 || skip_all "$need is not installed"
done
[ -x /usr/sbin/libvirtd ] || skip_all "Debian's libvirtd (libvirt-daemon) is not installed"
[ -x /usr/bin/qemu-system-x86_64 ] ||
    skip_all "libvirtd's qemu:///system needs qemu-system-x86_64 (qemu-system-x86)"
unshare --net --mount true 2>/dev/null || skip_all "unshare --net --mount is not permitted here"

tmp=$(mktemp -d)
. "$s/tests/tap-lib.sh"
. "$s/tests/daemon-lib.sh"
cleanup() { stop_daemons; rm -rf "$tmp"; }
trap cleanup EXIT

# Both programs build offline from Debian's sources: GOPATH mode.
export GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS= GOCACHE="$b/tests/go-cache"
if (cd "$pkg" && go test -vet=off -tags integration -c -o "$tmp/go-libvirt.test" .) \
        >"$tmp/build.log" 2>&1 &&
   (cd "$s/tests/peer/go-rpc" && go build -o "$tmp/rpcprobe" .) >>"$tmp/build.log" 2>&1; then
    ok "go-libvirt's integration tests and rpcprobe build offline"
else
    notok "go-libvirt's integration tests and rpcprobe build"
    sed 's/^/# /' "$tmp/build.log" | head -40
    tap_done
    exit 0
fi

# 1. Only the integration tests (the unit tests need no daemon).
names=$(sed -n 's/^func \(Test[A-Za-z0-9_]*\)(t \*testing.T).*/\1/p' \
    "$pkg/libvirt_integration_test.go")
echo "^($(echo $names | tr ' ' '|'))\$" >"$tmp/names"
for side in libvirtd virtkitd; do
    mkdir -p "$tmp/$side"
    abs_top_builddir=$b abs_top_srcdir=$s unshare --net --mount --propagation private \
        sh "$self" --inside "$side" "$tmp/$side" >"$tmp/$side.log" 2>&1
done
for side in libvirtd virtkitd; do
    grep -h '^\(daemon\|setup\):' "$tmp/$side.log" | sed "s/^/# $side /"
done

todo="$s/tests/peer/go-rpc/integration-todo.txt"
for t in $names; do
    ref=$(sed -n "s/^--- \([A-Z]*\): $t .*/\1/p" "$tmp/libvirtd.log")
    got=$(sed -n "s/^--- \([A-Z]*\): $t .*/\1/p" "$tmp/virtkitd.log")
    why=$(awk -v t="$t" '/^=== RUN/ { on = ($3 == t); next } /^---/ { on = 0 } on' \
          "$tmp/virtkitd.log" | sed 's/^ *//' | head -3 | tr '\n' ' ')
    listed=$(awk -F '\t' -v t="$t" '$1 == t { print $2 }' "$todo")
    case "$got/$ref" in
    PASS/*) ok "go-libvirt $t on virtkitd${listed:+ (listed as TODO, now passes)}" ;;
    SKIP/*) skip "go-libvirt $t (skipped by the Go test itself)" ;;
    */PASS)
        if [ -n "$listed" ]; then
            notok "go-libvirt $t on virtkitd # TODO $listed"
        else
            notok "go-libvirt $t on virtkitd (passes on libvirtd): ${why:-no result}"
        fi ;;
    *) notok "go-libvirt $t on virtkitd # TODO fails on libvirtd too: ${why:-no result}" ;;
    esac
done

# 2. rpcprobe on test:///default, over unix sockets.
l="$tmp/l"; v="$tmp/v"
if ! start_libvirtd "$l"; then
    skip "rpcprobe: $libvirtd_why"
elif ! start_daemon "$v"; then
    notok "rpcprobe: virtkitd starts"; sed 's/^/# /' "$v/log" | tail -5
else
    for side in l v; do
        eval "dir=\$$side"
        timeout 120 "$tmp/rpcprobe" "$dir/run/libvirt-sock" "$dir/run/libvirt-sock-ro" \
            >"$tmp/probe.$side" 2>&1
    done
    mv "$tmp/probe.l" "$tmp/probe.libvirtd"; mv "$tmp/probe.v" "$tmp/probe.virtkitd"
    [ -n "${PEERRPC_KEEP:-}" ] && cp "$tmp/probe.libvirtd" "$tmp/probe.virtkitd" "$PEERRPC_KEEP/"
    # A result is a line at the margin and its indented lines: one TAP
    # line for all equal ones, one for each that differs.
    n=$(awk -v known="$s/tests/peer/go-rpc/known-differences.txt" -v n="$n" \
            -v out="$tmp/probe.tap" '
        BEGIN {
            while ((getline line < known) > 0) {
                if (line ~ /^(#|$)/) continue
                k = line; sub(/\t.*/, "", k)
                w = line; sub(/^[^\t]*\t/, "", w)
                why[k] = w
            }
        }
        FNR == 1 { file++ }
        /^[^ ]/ {
            k = $0; sub(/: .*/, "", k)
            if (file == 1 && !((1, k) in text)) order[++nk] = k
        }
        { text[file, k] = text[file, k] $0 "\n" }
        END {
            for (i = 1; i <= nk; i++) {
                k = order[i]
                if (text[1, k] == text[2, k]) {
                    same++
                    if (k in why) fixed = fixed " " k
                    continue
                }
                n++
                if (k in why) {
                    printf "not ok %d - rpcprobe %s differs # TODO %s\n", n, k, why[k] >out
                    continue
                }
                printf "not ok %d - rpcprobe %s: libvirtd and virtkitd differ\n", n, k >out
                t1 = text[1, k]; t2 = text[2, k] == "" ? "(no result)\n" : text[2, k]
                sub(/\n$/, "", t1); sub(/\n$/, "", t2)
                gsub(/\n/, "\n#   ", t1); gsub(/\n/, "\n#   ", t2)
                printf "# libvirtd:\n#   %s\n# virtkitd:\n#   %s\n", t1, t2 >out
            }
            n++
            printf "%s %d - rpcprobe: %d of %d results the same on libvirtd and virtkitd%s\n",
                (same > 0) ? "ok" : "not ok", n, same, nk,
                fixed == "" ? "" : " (listed as differing, now equal:" fixed ")" >out
            print n
        }' "$tmp/probe.libvirtd" "$tmp/probe.virtkitd")
    cat "$tmp/probe.tap"
    if grep -q . "$tmp/probe.libvirtd" && ! grep -q '^ro ConnectClose: $' "$tmp/probe.virtkitd"; then
        notok "rpcprobe ran to its end on virtkitd"; tail -5 "$tmp/probe.virtkitd" | sed 's/^/# /'
    fi
fi
tap_done
