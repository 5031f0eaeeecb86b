#!/bin/sh
# Remake expected/NN-name.out: each scenario built against Debian's
# ocaml-libvirt (libvirt-ocaml-dev) and run on the system's libvirt 9.0,
# nothing of ours.  Run it by hand; ocaml-test.sh compares our binding's
# output with these files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset OCAMLPATH LD_LIBRARY_PATH || true
for f in "$here"/[0-9][0-9]-*.ml; do
    name=$(basename "$f" .ml)
    mod=s$(echo "$name" | tr -- - _)       # a valid module name
    cp "$f" "$tmp/$mod.ml"
    (cd "$tmp" && ocamlfind ocamlopt -package libvirt,unix -linkpkg "$mod.ml" \
        -o "$mod" 2>/dev/null)
    (cd "$tmp" && timeout 60 "./$mod") >"$here/expected/$name.out" \
        2>/dev/null || true
    echo "expected/$name.out: $(wc -l <"$here/expected/$name.out") lines"
done
