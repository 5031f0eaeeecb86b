#!/bin/sh
# The PHP extension, built from the IDL: its .phpt tests under PHP's
# run-tests.php, the coverage of every IDL function (coverage.php), and
# the scenarios (scenarios/NN-name.php), which must print through our
# extension on our libvirt.so exactly what Debian's libvirt-php prints on
# libvirt 9.0 (scenarios/expected/, made by scenarios/regen-expected.sh).
# TAP.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/../..}" && pwd)
here="$s/bindings/php"
ext="$b/bindings/php/ext/modules/libvirt.so"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$ext" ]; then
    echo "1..0 # SKIP the PHP extension is not built (php-dev's phpize missing)"
    exit 0
fi
if ! command -v php >/dev/null 2>&1; then
    echo "1..0 # SKIP php (php-cli) not found"
    exit 0
fi

# Our extension on our library, nothing else: -n keeps Debian's
# libvirt-php (loaded by /etc/php/*/cli/conf.d) out.
export LD_LIBRARY_PATH="$b/.libs"
# A sanitized libvirt.so needs ASan loaded before php starts, and php's
# RTLD_DEEPBIND dropped (ASan refuses it): tests/nodeepbind.c, preloaded
# first.  PHP itself leaks at exit by design: leaks are not checked.
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    gcc -shared -fPIC -o "$tmp/nodeepbind.so" "$here/tests/nodeepbind.c" -ldl ||
        { echo "1..0 # SKIP cannot build tests/nodeepbind.c"; exit 0; }
    LD_PRELOAD="$tmp/nodeepbind.so $(gcc -print-file-name=libasan.so)"
    export LD_PRELOAD
    ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0; export ASAN_OPTIONS
    UBSAN_OPTIONS=print_stacktrace=1; export UBSAN_OPTIONS
    # programs the extension runs (qemu-img) must not inherit ASan
    if qi=$(command -v qemu-img); then
        mkdir -p "$tmp/bin"
        printf '#!/bin/sh\nunset LD_PRELOAD ASAN_OPTIONS\nexec %s "$@"\n' \
            "$qi" >"$tmp/bin/qemu-img"
        chmod +x "$tmp/bin/qemu-img"
        PATH="$tmp/bin:$PATH"
    fi
fi
PHP="php -n -d extension=$ext"

n=0
ok() { n=$((n+1)); echo "ok $n - $*"; }
notok() { n=$((n+1)); echo "not ok $n - $*"; }

# The extension php loads is ours, and it maps our libvirt.so.0.
maps=$($PHP -r 'echo phpversion("libvirt"), "\n",
    file_get_contents("/proc/self/maps");' 2>&1)
if echo "$maps" | grep -q "$ext" &&
        echo "$maps" | grep -q "$b/.libs/libvirt.so.0"; then
    ok "php loads $ext over $b/.libs/libvirt.so.0"
else
    notok "php loads $ext over $b/.libs/libvirt.so.0"
    echo "$maps" | grep -i virt | sed 's/^/# /' | head
fi

# .phpt tests, run in a copy (run-tests.php writes beside them).
rt=$(ls /usr/lib/php/*/build/run-tests.php 2>/dev/null | head -1)
if [ -n "$rt" ]; then
    mkdir -p "$tmp/phpt"
    cp "$here"/tests/*.phpt "$tmp/phpt/"
    (cd "$tmp/phpt" && NO_COLOR=1 php -n "$rt" -q -n \
        -d "extension=$ext" -p "$(command -v php)" . >"$tmp/rt.log" 2>&1)
    for t in "$here"/tests/*.phpt; do
        name=$(basename "$t")
        if grep -q "PASS .*\[$name\]" "$tmp/rt.log"; then
            ok "phpt $name"
        else
            notok "phpt $name"
            sed 's/^/# /' "$tmp/phpt/${name%.phpt}.diff" 2>/dev/null | head -30
            grep "\[$name\]" "$tmp/rt.log" | sed 's/^/# /'
        fi
    done
else
    n=$((n+1)); echo "ok $n # SKIP run-tests.php (php-dev) not found"
fi

# Coverage: one line per check, TODO lines for what is not made yet.
grep -o '<function name="[^"]*"' "$s/api/virt-api.xml" |
    sed 's/.*name="//; s/"$//' >"$tmp/idl-names"
$PHP "$here/coverage.php" "$b/bindings/php/gen/coverage.tsv" \
    "$tmp/idl-names" "$here/tests/data" >"$tmp/coverage.tap" 2>&1
if ! grep -q "^ok" "$tmp/coverage.tap"; then
    notok "coverage.php runs"
    sed 's/^/# /' "$tmp/coverage.tap" | head -20
fi
while IFS= read -r line; do
    case "$line" in
    "ok - "*) ok "${line#ok - }" ;;
    "not ok - "*) notok "${line#not ok - }" ;;
    *) echo "# $line" ;;
    esac
done <"$tmp/coverage.tap"

# Scenarios: the same output as Debian's libvirt-php.
for sc in "$here"/scenarios/[0-9][0-9]-*.php; do
    name=$(basename "$sc" .php)
    exp="$here/scenarios/expected/$name.out"
    if [ ! -f "$exp" ]; then
        notok "scenario $name: no expected output"
        continue
    fi
    if (cd "$tmp" && timeout 120 $PHP "$sc") >"$tmp/$name.out" \
            2>"$tmp/$name.err" &&
            diff -u "$exp" "$tmp/$name.out" >"$tmp/$name.diff"; then
        ok "scenario $name prints what Debian's libvirt-php prints"
    else
        notok "scenario $name prints what Debian's libvirt-php prints"
        sed 's/^/# /' "$tmp/$name.diff" "$tmp/$name.err" | head -40
    fi
done

# make install with DESTDIR: the extension under PHP's extension_dir
# moved to the prefix, and an .ini snippet naming it; php loads the
# installed copy through that snippet (its path put under DESTDIR).
dest="$tmp/dest"
if [ -f "$b/Makefile" ] && command -v php-config >/dev/null 2>&1 &&
        make -s -C "$b" vkphp-install DESTDIR="$dest" >"$tmp/install.log" 2>&1; then
    api=$(basename "$(php-config --extension-dir)")
    so=$(find "$dest" -path "*/lib/php/$api/libvirt.so" | head -1)
    ini=$(find "$dest" -path "*/php/*/conf.d/virtkit-libvirt.ini" | head -1)
    if [ -n "$so" ] && [ -n "$ini" ] &&
            grep -qx "extension=${so#$dest}" "$ini"; then
        ok "make install puts libvirt.so in PHP's extension_dir under the prefix, and its .ini"
    else
        notok "make install puts libvirt.so in PHP's extension_dir under the prefix, and its .ini"
        find "$dest" | sed 's/^/# /' | head; sed 's/^/# /' "$ini" 2>/dev/null
    fi
    mkdir -p "$tmp/scan"
    [ -n "$ini" ] && sed "s|^extension=|extension=$dest|" "$ini" >"$tmp/scan/v.ini"
    # PHP_INI_SCAN_DIR replaces Debian's conf.d: only our snippet is read
    got=$(PHP_INI_SCAN_DIR="$tmp/scan" php -c /dev/null -r '
        $d = libvirt_domain_lookup_by_name(libvirt_connect("test:///default"), "test");
        echo libvirt_domain_get_name($d), " ", phpversion("libvirt"), "\n";
        echo file_get_contents("/proc/self/maps");' 2>&1)
    if [ "$(echo "$got" | head -1)" = "test $($PHP -r 'echo phpversion("libvirt");')" ] &&
            echo "$got" | grep -q "$so"; then
        ok "the installed extension loads through its .ini and works"
    else
        notok "the installed extension loads through its .ini and works"
        echo "$got" | sed 's/^/# /' | head -5
    fi
    make -s -C "$b" vkphp-uninstall DESTDIR="$dest" >>"$tmp/install.log" 2>&1
    if [ -z "$(find "$dest" -type f)" ]; then
        ok "make uninstall removes them"
    else
        notok "make uninstall removes them"; find "$dest" -type f | sed 's/^/# /'
    fi
else
    notok "make vkphp-install DESTDIR=..."
    sed 's/^/# /' "$tmp/install.log" 2>/dev/null | head -10
fi

# Rounds of calls under valgrind: no invalid access, and nothing lost per
# round (one round and four lose the same: libraries' one-time blocks).
vglost() {
    USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 valgrind --leak-check=full \
        --errors-for-leak-kinds=none --error-exitcode=3 \
        $PHP "$here/leak-loop.php" "$1" >"$tmp/vg$1.log" 2>&1 || return 1
    grep -q "ERROR SUMMARY: 0 errors" "$tmp/vg$1.log" || return 1
    sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$tmp/vg$1.log"
}
if command -v valgrind >/dev/null 2>&1 && [ -z "${LD_PRELOAD:-}" ]; then
    if l1=$(vglost 1) && l4=$(vglost 4) && [ "${l1:-0}" = "${l4:-0}" ]; then
        ok "rounds of calls under valgrind: no invalid access, no leak per round"
    else
        notok "rounds of calls under valgrind: no invalid access, no leak per round"
        grep -E "lost|ERROR|Invalid" "$tmp"/vg*.log | head -20 | sed 's/^/# /'
    fi
else
    n=$((n+1)); echo "ok $n # SKIP valgrind missing (or ASan build)"
fi
echo "1..$n"
