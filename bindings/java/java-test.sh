#!/bin/sh
# The Java binding, built from the IDL: its JUnit 4 tests (tests/*Test.java,
# one TAP line per test), the coverage of every IDL function, and the
# scenarios (scenarios/NN-name.java), whose output must equal
# scenarios/expected/NN-name.out (made by regen-expected.sh on libvirt
# 9.0), whose lines but "java ..." ones the mirrored Python scenario prints
# too.  RemoteTest goes through a private virtkitd.  TAP.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/../..}" && pwd)
here="$s/bindings/java"
jar="$b/bindings/java/virtkit-libvirt.jar"
JNA=${VKJAVA_JNA:-/usr/share/java/jna.jar}
JUNIT=${VKJAVA_JUNIT:-/usr/share/java/junit4.jar}
HAMCREST=${VKJAVA_HAMCREST:-/usr/share/java/hamcrest.jar}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if [ ! -f "$jar" ]; then
    echo "1..0 # SKIP org.libvirt not built (javac, jar or $JNA missing)"
    exit 0
fi
if ! command -v java >/dev/null 2>&1; then
    echo "1..0 # SKIP java not found"
    exit 0
fi

# Our library, nothing else (JNA finds libvirt.so.0 through the path).
export LD_LIBRARY_PATH="$b/.libs"
export VKJAVA_LIBDIR="$b/.libs"
# A sanitized libvirt.so needs ASan loaded before java starts.
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    LD_PRELOAD=$(gcc -print-file-name=libasan.so); export LD_PRELOAD
    ASAN_OPTIONS=detect_leaks=0:handle_segv=0; export ASAN_OPTIONS
fi
JAVA="java -Xshare:auto -XX:TieredStopAtLevel=1"

n=0
# Number the unnumbered TAP lines a Java program prints.
number() {
    while IFS= read -r line; do
        case "$line" in
        "ok - "*|"not ok - "*)
            n=$((n+1))
            echo "$line" | sed "s/^\(not ok\|ok\) - /\1 $n - /" ;;
        *) echo "$line" ;;
        esac
    done
    echo "$n" >"$tmp/n"
}

mkdir -p "$tmp/classes"
if ! javac -nowarn -encoding UTF-8 -d "$tmp/classes" \
        -cp "$jar:$JNA:$JUNIT:$HAMCREST" "$here"/tests/*.java \
        >"$tmp/javac.log" 2>&1; then
    echo "not ok 1 - the tests compile"
    sed 's/^/# /' "$tmp/javac.log" | head -30
    echo "1..1"
    exit 1
fi
cp="$tmp/classes:$jar:$JNA:$JUNIT:$HAMCREST"
tests=$(cd "$here/tests" && ls *Test.java | sed 's/\.java$//')
# RemoteTest goes through a private virtkitd (skipped when it cannot start)
. "$s/tests/daemon-lib.sh"
trap 'stop_daemons; rm -rf "$tmp"' EXIT
if [ -x "$b/src/daemon/virtkitd" ] && start_daemon "$tmp/daemon"; then
    VKJAVA_REMOTE_URI="test+unix:///default?socket=$tmp/daemon/run/libvirt-sock"
    export VKJAVA_REMOTE_URI
fi
timeout 300 $JAVA -cp "$cp" TapRunner $tests 2>"$tmp/junit.err" | number
n=$(cat "$tmp/n")
stop_daemons
$JAVA -cp "$cp" Coverage "$s/api/virt-api.xml" \
    "$b/bindings/java/gen/coverage.tsv" | number
n=$(cat "$tmp/n")

for sc in "$here"/scenarios/[0-9][0-9]-*.java; do
    [ -f "$sc" ] || continue
    name=$(basename "$sc" .java)
    exp="$here/scenarios/expected/$name.out"
    n=$((n+1))
    if [ ! -f "$exp" ]; then
        echo "not ok $n - scenario $name: no expected output"
        continue
    fi
    case "$name" in
    *-libvirt)
        # calls virtkit's drivers do not have yet: our binding on the
        # system's libvirt.so.0 (9.0)
        if ! ls /usr/lib/*/libvirt.so.0 >/dev/null 2>&1; then
            echo "ok $n # SKIP $name: no system libvirt.so.0"
            continue
        fi
        run() { env -u LD_LIBRARY_PATH -u LD_PRELOAD timeout 120 $JAVA "$@"; } ;;
    *)
        run() { timeout 120 $JAVA "$@"; } ;;
    esac
    if (cd "$tmp" && run -cp "$jar:$JNA" "$sc") \
            >"$tmp/$name.out" 2>"$tmp/$name.err" &&
            diff -u "$exp" "$tmp/$name.out" >"$tmp/$name.diff"; then
        echo "ok $n - scenario $name prints its expected output (made on libvirt 9.0)"
    else
        echo "not ok $n - scenario $name prints its expected output (made on libvirt 9.0)"
        sed 's/^/# /' "$tmp/$name.diff" "$tmp/$name.err" | head -40
    fi
    # the expected lines are the Python scenario's (on libvirt 9.0), but
    # for those labelled "java ..."
    twin=$(sed -n 's|^// Python twin: \(.*\)\.py$|\1|p' "$sc")
    n=$((n+1))
    if awk 'NR == FNR { have[$0] = 1; next } /^java / { next }
            !($0 in have) { print "# not printed by Python: " $0; bad = 1 }
            END { exit bad }' "$s/bindings/python/tests/expected/$twin.out" \
            "$exp" >"$tmp/$name.twin"; then
        echo "ok $n - scenario $name: its other lines are $twin.py's"
    else
        echo "not ok $n - scenario $name: its other lines are $twin.py's"
        head -20 "$tmp/$name.twin"
    fi
done
echo "1..$n"
