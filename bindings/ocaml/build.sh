#!/bin/sh
# Build the OCaml binding in the build tree: the generated libvirt.ml,
# libvirt.mli and libvirt_c.c, the C runtime and the overrides' C, into
# the ocamlfind package "libvirt" under bindings/ocaml/site (bytecode and,
# where ocamlopt exists, native), linked with the build's libvirt.so.0.
# It also stages the copy `make install` puts in place (bindings/ocaml/inst:
# the same objects linked with an rpath to LIBDIR, not to the build tree).
# Usage: build.sh SRCDIR BUILDDIR VERSION [LIBDIR]
set -eu
s=$1 b=$2 version=$3 libdir=${4:-}
if ! command -v ocamlfind >/dev/null 2>&1 ||
        ! ocamlfind ocamlc -version >/dev/null 2>&1; then
    echo "ocaml: no ocamlfind or ocamlc, module Libvirt not built"
    exit 0
fi
gen=$b/bindings/ocaml/gen
obj=$b/bindings/ocaml/obj
site=$b/bindings/ocaml/site
inst=$b/bindings/ocaml/inst
rm -rf "$obj" "$site" "$inst"
mkdir -p "$obj" "$site"
cp "$gen/libvirt.ml" "$gen/libvirt.mli" "$obj/"
cat >"$obj/libvirt_version.mli" <<EOT
val package : string
val version : string
EOT
cat >"$obj/libvirt_version.ml" <<EOT
let package = "virtkit"
let version = "$version"
EOT
cd "$obj"
camlinc=$(ocamlfind ocamlc -where)
for c in "$gen/libvirt_c.c" "$s/bindings/ocaml/runtime/vkml.c" \
        "$s"/bindings/ocaml/overrides/*.c; do
    ${CC:-cc} -c -O2 -fPIC -Wall -Wno-unused-function \
        -I"$b/include" -I"$s/include" -I"$s/bindings/ocaml/runtime" \
        -I"$camlinc" -o "c_$(basename "$c" .c).o" "$c"
done
ocamlfind ocamlc -c libvirt_version.mli libvirt_version.ml \
    libvirt.mli libvirt.ml
mls="libvirt_version.cmo libvirt.cmo"
if command -v ocamlopt >/dev/null 2>&1; then
    ocamlfind ocamlopt -c libvirt_version.ml libvirt.ml
    mls="$mls libvirt_version.cmx libvirt.cmx"
fi
# the build's libvirt.so.0, found without LD_LIBRARY_PATH too
ocamlfind ocamlmklib -o mllibvirt -oc mllibvirt c_*.o $mls \
    -L"$b/.libs" -lvirt -ldopt "-Wl,-rpath,$b/.libs" \
    -ccopt "-Wl,-rpath,$b/.libs" >/dev/null
# the installed copy: the same objects, linked for LIBDIR
if [ -n "$libdir" ]; then
    mkdir -p "$inst"
    (cd "$inst" && ocamlfind ocamlmklib -o mllibvirt -oc mllibvirt \
        "$obj"/c_*.o $(for m in $mls; do echo "$obj/$m"; done) \
        -L"$libdir" -lvirt -ldopt "-L$b/.libs" -ldopt "-Wl,-rpath,$libdir" \
        -ccopt "-Wl,-rpath,$libdir" >/dev/null)
fi
cat >META <<EOT
name="libvirt"
version="$version"
description="virtkit's libvirt binding for OCaml (ocaml-libvirt's API)"
archive(byte)="mllibvirt.cma"
archive(native)="mllibvirt.cmxa"
EOT
files="META libvirt.mli libvirt.cmi libvirt_version.mli libvirt_version.cmi
    mllibvirt.cma libmllibvirt.a dllmllibvirt.so"
[ -f mllibvirt.cmxa ] && files="$files mllibvirt.cmxa mllibvirt.a
    libvirt.cmx libvirt_version.cmx"
mkdir -p "$site/stublibs"
# shellcheck disable=SC2086
ocamlfind install -destdir "$site" -ldconf ignore libvirt $files >/dev/null 2>&1
if [ -n "$libdir" ]; then
    for f in $files; do
        [ -e "$inst/$f" ] || cp "$f" "$inst/"
    done
    echo "$files" >"$inst/FILES"
fi
