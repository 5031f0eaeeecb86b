#!/bin/sh
# Remake expected/NN-name.out: each scenario built against Debian's
# libvirt-go (golang-github-libvirt-libvirt-go-dev, import path rewritten)
# and run on the system's libvirt 9.0.  Run it by hand; go-test.sh compares
# our binding's output with these files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export GOPATH="$tmp/gopath:/usr/share/gocode" GO111MODULE=off GOFLAGS=
export GOCACHE="${GOCACHE:-$tmp/cache}"
unset CGO_CFLAGS CGO_LDFLAGS LD_LIBRARY_PATH PKG_CONFIG_PATH || true
for f in "$here"/[0-9][0-9]-*.go; do
    name=$(basename "$f" .go)
    d="$tmp/gopath/src/scenarios/$name"
    mkdir -p "$d"
    sed 's#"libvirt.org/go/libvirt"#"github.com/libvirt/libvirt-go"#' "$f" \
        >"$d/main.go"
    (cd "$d" && go build -o "$tmp/$name" .)
    timeout 60 "$tmp/$name" >"$here/expected/$name.out" 2>/dev/null || true
    echo "expected/$name.out: $(wc -l <"$here/expected/$name.out") lines"
done
