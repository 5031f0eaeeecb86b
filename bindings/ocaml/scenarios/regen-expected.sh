#!/bin/sh
# Remake expected/NN-name.out: each scenario built against Debian's
# ocaml-libvirt (libvirt-ocaml-dev) and run on the system's libvirt 9.0,
# nothing of ours.  Run it by hand; ocaml-test.sh compares our binding's
# output with these files.
# NN-name-py.ml use what ocaml-libvirt does not have: they mirror a Python
# scenario (its expected output on Debian's python3-libvirt shows the same
# values) and are built against our package (VKML_BUILDDIR=the build tree)
# but run on the system's libvirt 9.0 (our stubs call only public API);
# without VKML_BUILDDIR they are left alone.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset OCAMLPATH LD_LIBRARY_PATH || true
syslib=$(pkg-config --variable=libdir libvirt 2>/dev/null || echo /usr/lib)
for f in "$here"/[0-9][0-9]-*.ml; do
    name=$(basename "$f" .ml)
    mod=s$(echo "$name" | tr -- - _)       # a valid module name
    cp "$f" "$tmp/$mod.ml"
    case "$name" in
    *-py)
        if [ -z "${VKML_BUILDDIR:-}" ]; then
            echo "expected/$name.out: kept (set VKML_BUILDDIR to remake it)"
            continue
        fi
        (cd "$tmp" && OCAMLPATH="$VKML_BUILDDIR/bindings/ocaml/site" \
            OCAMLFIND_IGNORE_DUPS_IN=/usr/lib/ocaml \
            ocamlfind ocamlopt -package libvirt,unix -linkpkg "$mod.ml" \
            -o "$mod" 2>/dev/null)
        (cd "$tmp" && LD_LIBRARY_PATH="$syslib" timeout 60 "./$mod") \
            >"$here/expected/$name.out" 2>/dev/null || true
        ;;
    *)
        (cd "$tmp" && ocamlfind ocamlopt -package libvirt,unix -linkpkg \
            "$mod.ml" -o "$mod" 2>/dev/null)
        (cd "$tmp" && timeout 60 "./$mod") >"$here/expected/$name.out" \
            2>/dev/null || true
        ;;
    esac
    echo "expected/$name.out: $(wc -l <"$here/expected/$name.out") lines"
done
