#!/bin/sh
# virtkit's two commands:
#   ./run.sh          install what is missing, build, show vsh on test:///default
#   ./run.sh check    the same set-up, then every test; ends with
#                     "N passed, N failed, N skipped"
#   ./run.sh check --sanitize   the suite built with ASan and UBSan
set -eu
cd "$(dirname "$0")"
top=$(pwd)

mode=${1:-demo}
sanitize=no
for a in "$@"; do [ "$a" = "--sanitize" ] && sanitize=yes; done

# Debian packages the build and the tests need (libvirt's own packages are
# there to compare with the real thing side by side).
PACKAGES="build-essential autoconf automake libtool pkg-config gettext
 libglib2.0-dev libxml2-dev libxml2-utils libtirpc-dev libgnutls28-dev
 gnutls-bin libreadline-dev libattr1-dev python3 python3-dev python3-jinja2
 libvirt-dev libvirt-clients python3-libvirt
 golang-go golang-github-libvirt-libvirt-go-dev
 golang-github-digitalocean-go-libvirt-dev golang-github-stretchr-testify-dev
 qemu-system-x86 busybox-static linux-image-cloud-amd64 cpio iproute2
 libperl-dev perl valgrind libvirt-daemon virtinst
 openjdk-17-jdk-headless libjna-java junit4 libhamcrest-java
 ocaml ocaml-findlib libvirt-ocaml-dev
 php-dev php-cli php8.2-libvirt-php
 libsasl2-dev sasl2-bin libsasl2-modules"

install_missing() {
    missing=
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "run.sh: missing Debian packages:$missing (run as root to install them)" >&2
        exit 1
    fi
    echo "run.sh: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

build() {
    dir=$1; shift
    if [ ! -x configure ] || [ configure.ac -nt configure ] ||
       [ Makefile.am -nt configure ]; then
        mkdir -p build-aux m4
        autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
    fi
    mkdir -p "$dir"
    if [ ! -f "$dir/Makefile" ]; then
        (cd "$dir" && "$top/configure" --quiet "$@")
    fi
    make -C "$dir" -j"$(nproc)" --no-print-directory >"$dir/make.log" 2>&1 ||
        { tail -40 "$dir/make.log"; echo "run.sh: build failed (full log: $dir/make.log)" >&2; exit 1; }
}

install_missing
if [ "$sanitize" = yes ]; then
    B=build-sanitize
    build "$B" --enable-sanitizers
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
    B=build
    build "$B"
fi

case $mode in
check)
    set +e
    make -C "$B" -j"$(nproc)" --no-print-directory check >"$B/check.log" 2>&1
    rc=$?
    set -e
    grep -E '^(PASS|FAIL|ERROR|XPASS|SKIP|XFAIL):' "$B/check.log" | grep -v '^PASS' || true
    [ $rc -eq 0 ] || grep -E '^(FAIL|ERROR)' "$B/check.log" >/dev/null ||
        tail -30 "$B/check.log"
    sh build-aux/tap-summary.sh "$B"
    summary_rc=$?
    [ $rc -eq 0 ] && [ $summary_rc -eq 0 ]
    ;;
*)
    vsh="$B/tools/vsh/vsh"
    export LD_LIBRARY_PATH="$top/$B/.libs"
    if [ ! -x "$vsh" ]; then
        echo "run.sh: built; vsh is not part of this build yet"
        exit 0
    fi
    demo() { echo "\$ vsh -c test:///default $*"; "$vsh" -c test:///default "$@"; }
    demo list --all
    demo dominfo test
    cat >"$B/demo.xml" <<'XML'
<domain type='test'>
  <name>demo</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>
XML
    demo "define $B/demo.xml; start demo; list --all; destroy demo; undefine demo; list --all"
    ;;
esac
