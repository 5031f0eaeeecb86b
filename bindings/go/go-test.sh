#!/bin/sh
# The Go binding (package libvirt.org/go/libvirt), built from the IDL: its
# `go test` suite (one TAP line per Go test), the API coverage, the
# signatures of every libvirt-go function we have, and the scenarios,
# whose output must be what the same programs print when built against
# Debian's libvirt-go and run on libvirt 9.0 (scenarios/expected/, made by
# scenarios/regen-expected.sh).  TAP; a visible SKIP without `go`.
set -u
if ! command -v go >/dev/null 2>&1; then
    echo "1..0 # SKIP go is not installed (apt-get install golang-go)"
    exit 0
fi
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/../..}" && pwd)
here="$s/bindings/go"
gen="$b/bindings/go/gen"

# A GOPATH of our own in the build tree: the package is the generated
# files plus the overrides, under its import path; the cache is here too.
top="$b/bindings/go/gopath"
pkg="$top/src/libvirt.org/go/libvirt"
rm -rf "$top/src"
mkdir -p "$pkg"
cp "$gen"/*.go "$gen"/*.c "$here"/overrides/*.go "$here"/overrides/*.c \
   "$here"/overrides/*.h "$here"/*_test.go "$pkg"/ || exit 1
export GOPATH="$top" GO111MODULE=off GOFLAGS= GOCACHE="$b/bindings/go/cache"
export GOTOOLCHAIN=local GOPROXY=off
export CGO_CFLAGS="-I$b/include -I$s/include"
export CGO_LDFLAGS="-L$b/.libs"
export LD_LIBRARY_PATH="$b/.libs"
# A sanitized libvirt.so needs ASan loaded first.
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    LD_PRELOAD=$(gcc -print-file-name=libasan.so); export LD_PRELOAD
    ASAN_OPTIONS=detect_leaks=0; export ASAN_OPTIONS
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

n=0
ok() { n=$((n+1)); echo "ok $n - $*"; }
notok() { n=$((n+1)); echo "not ok $n - $*"; }

# 1. go vet (type checks everything, generated and hand-written)
if (cd "$pkg" && go vet .) >"$tmp/vet" 2>&1; then
    ok "go vet libvirt.org/go/libvirt"
else
    notok "go vet libvirt.org/go/libvirt"; sed 's/^/# /' "$tmp/vet"
fi

# gofmt: generated and hand-written code as Go formats it
if [ -z "$(cd "$pkg" && gofmt -l . 2>&1)" ]; then
    ok "gofmt"
else
    notok "gofmt"; (cd "$pkg" && gofmt -l . 2>&1) | sed 's/^/# /'
fi

# 2. go test: one TAP line per Go test
(cd "$pkg" && go test -v -count=1 -timeout 120s . ) >"$tmp/test" 2>&1
rc=$?
if ! grep -q '^--- ' "$tmp/test"; then
    notok "go test builds and runs"; sed 's/^/# /' "$tmp/test" | head -60
else
    while read -r dash what name rest; do
        case "$what" in
        PASS:) # a test's figures (t.Logf "N calls in ...") go on its line
               fig=$(awk -v t="$name" '$0 ~ "^=== RUN +"t"$" {p=1; next}
                    /^(=== RUN|--- )/ {p=0} p && /calls in/' "$tmp/test" |
                    tail -1 | sed 's/^ *[^ ]*_test\.go:[0-9]*: //' | tr -d '#')
               ok "go test $name${fig:+: $fig}" ;;
        SKIP:) why=$(awk -v t="$name" '$0 ~ "^=== RUN +"t"$" {p=1; next}
                    /^(=== RUN|--- )/ {p=0} p && /_test\.go:[0-9]+:/' \
                    "$tmp/test" | tail -1 | sed 's/^ *[^ ]*_test\.go:[0-9]*: //' | tr -d '#')
               n=$((n+1)); echo "ok $n - go test $name # SKIP $why" ;;
        FAIL:) notok "go test $name"
               awk -v t="$name" '$0 ~ "^=== RUN +"t"$" {p=1; next}
                    /^(=== RUN|--- )/ {p=0} p' "$tmp/test" | sed 's/^/# /' ;;
        esac
    done <<EOF
$(grep '^--- ' "$tmp/test")
EOF
    [ $rc -eq 0 ] || grep -q '^--- FAIL' "$tmp/test" || {
        notok "go test exit status $rc"; tail -20 "$tmp/test" | sed 's/^/# /'; }
fi

# 2b. the race detector: goroutines calling the library while another
# runs the event loop, and a shorter call loop (the package is built
# again with -race: about a minute cold, seconds once cached)
if [ -n "${LD_PRELOAD:-}" ]; then
    n=$((n+1)); echo "ok $n - go test -race # SKIP libvirt.so is built with ASan, which cannot share a process with the race detector"
elif (cd "$pkg" && VKGO_CALLS=20000 go test -race -count=1 -timeout 300s \
        -run '^(TestConcurrent|TestCallLoopMemory)$' -v .) >"$tmp/race" 2>&1; then
    ok "go test -race: $(grep -c '^--- PASS' "$tmp/race") tests, no data race"
else
    notok "go test -race"; grep -v '^=== ' "$tmp/race" | head -80 | sed 's/^/# /'
fi

# 3. coverage: every IDL function generated, custom or skipped with a reason
if awk -F'\t' '!/^#/ && NF {
        if ($2 != "generated" && $2 != "custom" && $2 != "skip") { print "bad mode: " $0; bad=1 }
        if ($2 == "skip" && $4 == "") { print "no reason: " $1; bad=1 }
        n++ }
        END { if (n < 500) { print "only " n " functions"; bad=1 }; exit bad }' \
        "$gen/coverage.tsv" >"$tmp/cov" 2>&1; then
    ok "coverage: $(awk -F'\t' '!/^#/ && NF {c[$2]++} END {printf "%d generated, %d custom, %d skipped", c["generated"], c["custom"], c["skip"]}' "$gen/coverage.tsv")"
else
    notok "coverage"; sed 's/^/# /' "$tmp/cov"
fi

# 4. signatures: every function and method libvirt-go has and we have takes
# and returns the same types (Debian's golang-github-libvirt-libvirt-go-dev)
deb=/usr/share/gocode/src/github.com/libvirt/libvirt-go
if [ -d "$deb" ]; then
    (cd "$pkg" && go doc -all .) >"$tmp/ours.doc" 2>&1
    GOPATH=/usr/share/gocode go doc -all github.com/libvirt/libvirt-go \
        >"$tmp/theirs.doc" 2>&1
    if python3 "$here/api-compare.py" "$tmp/theirs.doc" "$tmp/ours.doc" \
            >"$tmp/cmp" 2>&1; then
        ok "signatures: $(tail -1 "$tmp/cmp")"
    else
        notok "signatures"; sed 's/^/# /' "$tmp/cmp"
    fi
else
    n=$((n+1)); echo "ok $n - signatures # SKIP Debian's libvirt-go is not installed"
fi

# 5. scenarios: the same output as libvirt-go on libvirt 9.0
for f in "$here"/scenarios/[0-9][0-9]-*.go; do
    name=$(basename "$f" .go)
    d="$top/src/vkgo-scenarios/$name"
    mkdir -p "$d" && cp "$f" "$d/main.go"
    if ! (cd "$d" && go build -o "$tmp/$name" .) >"$tmp/$name.build" 2>&1; then
        notok "scenario $name builds"; sed 's/^/# /' "$tmp/$name.build"
        continue
    fi
    exp="$here/scenarios/expected/$name.out"
    if [ ! -f "$exp" ]; then
        n=$((n+1)); echo "ok $n - scenario $name # SKIP no expected output"
        continue
    fi
    timeout 60 "$tmp/$name" >"$tmp/$name.out" 2>/dev/null
    if diff -u "$exp" "$tmp/$name.out" >"$tmp/$name.diff"; then
        ok "scenario $name prints what libvirt-go prints on libvirt 9.0"
    else
        notok "scenario $name"; sed 's/^/# /' "$tmp/$name.diff"
    fi
done
echo "1..$n"
