#!/bin/sh
# The Perl binding, built from the IDL: its Test::More tests (t/*.t) under
# prove, and the scenarios (scenarios/NN-name.pl), which must print through
# our Sys::Virt on our libvirt.so exactly what Debian's Sys::Virt prints on
# libvirt 9.0 (scenarios/expected/, made by scenarios/regen-expected.sh).
# TAP.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/../..}" && pwd)
here="$s/bindings/perl"
blib="$b/bindings/perl/blib"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$blib/arch/auto/Sys/Virt/Virt.so" ]; then
    echo "1..0 # SKIP Sys::Virt not built (perl's ExtUtils::MakeMaker or libperl-dev missing)"
    exit 0
fi
if ! command -v prove >/dev/null 2>&1; then
    echo "1..0 # SKIP prove not found"
    exit 0
fi

# Our module and our library, nothing else.
export PERL5LIB="$blib/lib:$blib/arch"
export LD_LIBRARY_PATH="$b/.libs"
export VKPL_COVERAGE="$b/bindings/perl/gen/coverage.tsv"
export VKPL_IDL="$s/api/virt-api.xml"
export VKPL_BLIB="$blib"
# A sanitized libvirt.so needs ASan loaded before perl starts.
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    LD_PRELOAD=$(gcc -print-file-name=libasan.so); export LD_PRELOAD
    ASAN_OPTIONS=detect_leaks=0; export ASAN_OPTIONS
fi

n=0
ok() { n=$((n+1)); echo "ok $n - $*"; }
notok() { n=$((n+1)); echo "not ok $n - $*"; }

# Each .t is one result here; prove's own report goes to the log.
for t in "$here"/t/*.t; do
    name=t/$(basename "$t")
    if prove --norc "$t" >"$tmp/prove.log" 2>&1; then
        ok "prove $name"
        grep -E '^# (TODO|coverage)' "$tmp/prove.log" | head -5
    else
        notok "prove $name"
        sed 's/^/# /' "$tmp/prove.log" | tail -30
    fi
done

# The module the scenarios load must be ours.
inc=$(perl -MSys::Virt -e 'print $INC{"Sys/Virt.pm"}')
case "$inc" in
"$blib"/*) ok "Sys::Virt is loaded from the build ($inc)" ;;
*) notok "Sys::Virt is loaded from $inc, not $blib" ;;
esac

for sc in "$here"/scenarios/[0-9][0-9]-*.pl; do
    name=$(basename "$sc" .pl)
    exp="$here/scenarios/expected/$name.out"
    if [ ! -f "$exp" ]; then
        notok "scenario $name: no expected output"
        continue
    fi
    case "$name" in
    *-libvirt)
        # calls virtkit's drivers do not have yet: our Sys::Virt on the
        # system's libvirt.so.0 (9.0)
        if ! ls /usr/lib/*/libvirt.so.0 >/dev/null 2>&1; then
            n=$((n+1)); echo "ok $n # SKIP $name: no system libvirt.so.0"
            continue
        fi
        run() { env -u LD_LIBRARY_PATH -u LD_PRELOAD timeout 120 perl "$@"; } ;;
    *-libvirtd)
        # volume data moves: our Sys::Virt on the system's libvirt.so.0,
        # with a throwaway libvirtd (root and unshare, else SKIP)
        run() { env -u LD_LIBRARY_PATH -u LD_PRELOAD TMPDIR="$tmp" \
                    sh "$here/scenarios/with-libvirtd.sh" timeout 120 perl "$@"; } ;;
    *)
        run() { timeout 120 perl "$@"; } ;;
    esac
    (cd "$tmp" && run "$sc") >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    if [ $rc = 77 ]; then
        n=$((n+1)); echo "ok $n # SKIP $name: needs root, unshare and libvirtd"
        continue
    fi
    diff -u "$exp" "$tmp/$name.out" >"$tmp/$name.diff"
    if [ $rc = 0 ] && [ ! -s "$tmp/$name.diff" ]; then
        ok "scenario $name prints what Debian's Sys::Virt prints"
    else
        notok "scenario $name prints what Debian's Sys::Virt prints"
        sed 's/^/# /' "$tmp/$name.diff" "$tmp/$name.err" | head -40
    fi
done
# make install with DESTDIR: the module found there with perl -I works.
dest="$tmp/dest"
if ${MAKE:-make} -s -C "$b" vkpl-install DESTDIR="$dest" >"$tmp/install.log" 2>&1; then
    pm=$(find "$dest" -path '*/Sys/Virt.pm' | head -1)
    arch=${pm%/Sys/Virt.pm}
    if [ -n "$pm" ] && [ -f "$arch/auto/Sys/Virt/Virt.so" ] &&
            got=$(env -u PERL5LIB perl -I"$arch" -MSys::Virt -e '
                my $c = Sys::Virt->new(uri => "test:///default");
                my ($so) = grep { m{/Virt\.so$} } @DynaLoader::dl_shared_objects;
                print "$INC{q(Sys/Virt.pm)} $so ", $c->get_hostname() ? "ok" : "no", "\n"' 2>&1) &&
            [ "$got" = "$pm $arch/auto/Sys/Virt/Virt.so ok" ]; then
        ok "make install DESTDIR=...: Sys::Virt runs from ${arch#$dest}"
    else
        notok "make install DESTDIR=...: Sys::Virt runs from the installed copy"
        echo "# pm=$pm got=${got:-}"
    fi
else
    notok "make install DESTDIR=... (vkpl-install)"
    sed 's/^/# /' "$tmp/install.log" | tail -10
fi

# A long call loop under valgrind: no leak, no invalid access.
if command -v valgrind >/dev/null 2>&1 && [ -z "${LD_PRELOAD:-}" ]; then
    PERL_DESTRUCT_LEVEL=2 valgrind --leak-check=full --error-exitcode=3 \
        perl "$here/leak-loop.pl" 30 >"$tmp/vg.log" 2>&1
    if grep -q "definitely lost: 0 bytes" "$tmp/vg.log" &&
            grep -q "ERROR SUMMARY: 0 errors" "$tmp/vg.log"; then
        ok "30 rounds of calls under valgrind: no leak, no error"
    elif grep -q "All heap blocks were freed" "$tmp/vg.log" &&
            grep -q "ERROR SUMMARY: 0 errors" "$tmp/vg.log"; then
        ok "30 rounds of calls under valgrind: no leak, no error"
    else
        notok "30 rounds of calls under valgrind: no leak, no error"
        grep -E "lost|ERROR|Invalid" "$tmp/vg.log" | head -20 | sed 's/^/# /'
    fi
else
    n=$((n+1)); echo "ok $n # SKIP valgrind missing (or ASan build)"
fi
echo "1..$n"
