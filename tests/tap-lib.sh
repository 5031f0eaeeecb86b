# tap-lib.sh: sourced by the shell tests; TAP lines and the two kinds of
# client process.  Needs $b (build tree) and $tmp (a scratch folder).
#   ok NAME / notok NAME / skip REASON     one TAP result
#   check NAME COMMAND...                  ok when the command succeeds
#                                          (its output left in $tmp/out)
#   same NAME FILE1 FILE2                  ok when the files are equal
#   debian COMMAND...                      run on Debian's libvirt, never ours
#   ours COMMAND...                        run on our build's libvirt.so.0
#   tap_done                               the plan line
n=0
ok() { n=$((n+1)); echo "ok $n - $*"; }
notok() { n=$((n+1)); echo "not ok $n - $*"; }
skip() { n=$((n+1)); echo "ok $n # SKIP $*"; }
check() {
    name=$1; shift
    if "$@" >"$tmp/out" 2>&1; then ok "$name"
    else notok "$name"; sed 's/^/# /' "$tmp/out" | head -40; fi
}
same() {
    if diff "$2" "$3" >"$tmp/diff" 2>&1; then ok "$1"
    else notok "$1"; sed 's/^/# /' "$tmp/diff" | head -40; fi
}
tap_done() { echo "1..$n"; }

# A sanitizer build of our library needs its runtime (and libtirpc, whose
# functions it intercepts) loaded first in a foreign process.
asan=
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    tirpc=$(ldd "$b/.libs/libvirt.so.0" | sed -n 's/.*libtirpc[^ ]* => \([^ ]*\).*/\1/p')
    asan="LD_PRELOAD=$(${CC:-gcc} -print-file-name=libasan.so):$tirpc ASAN_OPTIONS=detect_leaks=0"
fi
debian() { env -u LD_LIBRARY_PATH -u LD_PRELOAD LIBVIRT_DEFAULT_URI= "$@"; }
ours() { env $asan LD_LIBRARY_PATH="$b/.libs" LIBVIRT_DEFAULT_URI= "$@"; }
