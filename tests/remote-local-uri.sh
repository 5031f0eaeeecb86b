#!/bin/sh
# Local URIs no in-process driver claims (qemu:///system, qemu:///session)
# go through the remote driver to the local daemon's socket, as libvirt's
# client does; test:/// stays in-process.  The socket is only ever chosen
# through documented means: a socket= parameter, LIBVIRT_DEFAULT_URI, or the
# default path (then the connect error names it).
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/..}" && pwd)
tmp=$(mktemp -d)
. "$s/tests/daemon-lib.sh"
trap 'stop_daemons; rm -rf "$tmp"' EXIT
. "$s/tests/tap-lib.sh"
# check LABEL WANT GOT
check() {
    if [ "$3" = "$2" ]; then ok "$1"; else
        notok "$1"; echo "#   want: $2"; echo "#    got: $3"; fi
}

# open URI RO: "TYPE" on success, else "ERR code domain message".
cat >"$tmp/open.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static void quiet(void *u, virErrorPtr e) { (void)u; (void)e; }

int
main(int argc, char **argv)
{
    const char *uri = argc > 1 && *argv[1] ? argv[1] : NULL;
    int ro = argc > 2 && atoi(argv[2]);
    virConnectPtr c;
    virErrorPtr e;

    virSetErrorFunc(NULL, quiet);
    c = ro ? virConnectOpenReadOnly(uri) : virConnectOpen(uri);
    if (c) {
        printf("%s\n", virConnectGetType(c));
        virConnectClose(c);
        return 0;
    }
    e = virGetLastError();
    printf("ERR %d %d %s\n", e ? e->code : 0, e ? e->domain : 0,
           e && e->message ? e->message : "");
    return 0;
}
EOF
if ! ${CC:-cc} -Wall -Werror -I"$b/include" -o "$tmp/open" "$tmp/open.c" \
        -L"$b/.libs" -lvirt >"$tmp/cc.log" 2>&1; then
    notok "the program builds"; sed 's/^/# /' "$tmp/cc.log"; echo "1..$n"; exit 0
fi
preload=
if ldd "$b/.libs/libvirt.so.0" | grep -q libasan; then
    preload=$(${CC:-cc} -print-file-name=libasan.so)
fi
open() {
    env LD_LIBRARY_PATH="$b/.libs" LD_PRELOAD="$preload" \
        ASAN_OPTIONS=detect_leaks=0 "$tmp/open" "$@"
}

# test:/// never needs a daemon.
check "test:///default opens in-process" "TEST" \
    "$(unset LIBVIRT_DEFAULT_URI; XDG_RUNTIME_DIR="$tmp/none" open test:///default)"

# The implicit case: the default socket, named in the error.
nosock="No such file or directory"
if [ -e /var/run/libvirt/libvirt-sock ] || [ -e /var/run/libvirt/libvirt-sock-ro ]; then
    skip "a system daemon socket exists: cannot show the default path"
    skip "a system daemon socket exists: cannot show the default path"
else
    check "qemu:///system tries the system socket" \
        "ERR 38 7 Failed to connect socket to '/var/run/libvirt/libvirt-sock': $nosock" \
        "$(open qemu:///system 0)"
    check "qemu:///system read-only tries the read-only socket" \
        "ERR 38 7 Failed to connect socket to '/var/run/libvirt/libvirt-sock-ro': $nosock" \
        "$(open qemu:///system 1)"
fi
if [ "$(id -u)" = 0 ]; then
    if [ -e /var/run/libvirt/libvirt-sock ]; then
        skip "a system daemon socket exists: cannot show the default path"
    else
        check "qemu:///session as root tries the system socket" \
            "ERR 38 7 Failed to connect socket to '/var/run/libvirt/libvirt-sock': $nosock" \
            "$(XDG_RUNTIME_DIR="$tmp/xdg" open qemu:///session 0)"
    fi
else
    check "qemu:///session tries \$XDG_RUNTIME_DIR/libvirt/libvirt-sock" \
        "ERR 38 7 Failed to connect socket to '$tmp/xdg/libvirt/libvirt-sock': $nosock" \
        "$(XDG_RUNTIME_DIR="$tmp/xdg" open qemu:///session 0)"
fi

# The explicit case, through a private virtkitd.
if start_daemon "$tmp/d"; then
    sock="$tmp/d/run/libvirt-sock"
    # A daemon not run by root serves only qemu:///session.
    q=qemu:///system; [ "$(id -u)" = 0 ] || q=qemu:///session
    check "$q?socket= reaches virtkitd" "QEMU" \
        "$(open "$q?socket=$sock" 0)"
    check "read-only too" "QEMU" \
        "$(open "$q?socket=$tmp/d/run/libvirt-sock-ro" 1)"
    check "LIBVIRT_DEFAULT_URI=$q?socket= reaches virtkitd" "QEMU" \
        "$(LIBVIRT_DEFAULT_URI="$q?socket=$sock" open "" 0)"
    check "test:///default?socket= stays in-process" "TEST" \
        "$(open "test:///default?socket=$tmp/none/sock" 0)"
else
    notok "virtkitd starts"; sed 's/^/# /' "$tmp/d/log" | tail -5
fi
echo "1..$n"
