#!/bin/sh
# The OCaml binding, built from the IDL (TAP): its unit tests on
# test:///default, ocaml-libvirt's signature (Debian's libvirt.mli) checked
# against ours, the coverage of every IDL function, and the scenarios
# (scenarios/NN-name.ml), which must print through our Libvirt on our
# libvirt.so exactly what Debian's ocaml-libvirt prints on libvirt 9.0, or
# for NN-name-py.ml (what ocaml-libvirt lacks, mirroring a Python
# scenario) what this binding prints on libvirt 9.0 (scenarios/expected/,
# made by scenarios/regen-expected.sh); and make install with DESTDIR.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
s=$(cd "${abs_top_srcdir:-$(dirname "$0")/../..}" && pwd)
here="$s/bindings/ocaml"
site="$b/bindings/ocaml/site"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

if ! command -v ocamlfind >/dev/null 2>&1; then
    echo "1..0 # SKIP ocamlfind not found (Debian: ocaml-findlib)"
    exit 0
fi
if [ ! -f "$site/libvirt/META" ]; then
    echo "1..0 # SKIP module Libvirt not built (no ocamlfind or ocamlc at build time)"
    exit 0
fi

# Our package and our library, nothing else.
export OCAMLPATH="$site" OCAMLFIND_IGNORE_DUPS_IN=/usr/lib/ocaml
export LD_LIBRARY_PATH="$b/.libs" VKML_LIBDIR="$b/.libs"
export CAML_LD_LIBRARY_PATH="$site/stublibs"
# A sanitized libvirt.so needs ASan loaded first.
if ldd "$b/.libs/libvirt.so.0" 2>/dev/null | grep -q libasan; then
    LD_PRELOAD=$(gcc -print-file-name=libasan.so); export LD_PRELOAD
    # No quarantine: freed memory must leave the heap for the growth check.
    ASAN_OPTIONS=detect_leaks=0:quarantine_size_mb=0:thread_local_quarantine_size_kb=0
    export ASAN_OPTIONS
    VKML_ASAN=1; export VKML_ASAN
fi
if command -v ocamlopt >/dev/null 2>&1; then
    mlc() { ocamlfind ocamlopt "$@"; }
else
    mlc() { ocamlfind ocamlc -custom "$@"; }
fi

n=0
ok() { n=$((n+1)); echo "ok $n - $*"; }
notok() { n=$((n+1)); echo "not ok $n - $*"; }

where=$(ocamlfind query libvirt 2>/dev/null)
if [ "$where" = "$site/libvirt" ]; then
    ok "ocamlfind finds our package libvirt ($where)"
else
    notok "ocamlfind finds our package libvirt, not $where"
fi

# unit tests: each of their results is one here
cp "$here/tests/unit.ml" "$tmp/"
if (cd "$tmp" && mlc -thread -package libvirt,str,unix,threads.posix -linkpkg unit.ml -o unit) \
        >"$tmp/unit.log" 2>&1; then
    (cd "$tmp" && timeout 120 ./unit) >"$tmp/unit.out" 2>&1
    rc=$?
    while IFS= read -r line; do
        case "$line" in
        "ok "*"# SKIP"*) n=$((n+1)); echo "ok $n # SKIP unit: ${line#*# SKIP }" ;;
        "ok "*) ok "unit: ${line#ok * - }" ;;
        "not ok "*) notok "unit: ${line#not ok * - }" ;;
        "#"*) echo "$line" ;;
        esac
    done <"$tmp/unit.out"
    [ $rc -eq 0 ] || { notok "unit tests exit 0 (got $rc)"; tail -5 "$tmp/unit.out" | sed 's/^/# /'; }
else
    notok "unit tests build"
    grep -v 'ld: warning' "$tmp/unit.log" | head -20 | sed 's/^/# /'
fi

# the same unit tests under valgrind: no invalid access in the stubs (a
# handle freed twice, a buffer overrun)
if [ -x "$tmp/unit" ] && command -v valgrind >/dev/null 2>&1 &&
        [ -z "${LD_PRELOAD:-}" ]; then
    if (cd "$tmp" && timeout 300 valgrind -q --error-exitcode=3 ./unit) \
            >/dev/null 2>"$tmp/vg.log"; then
        ok "unit tests under valgrind: no invalid access"
    else
        notok "unit tests under valgrind: no invalid access"
        head -30 "$tmp/vg.log" | sed 's/^/# /'
    fi
else
    n=$((n+1)); echo "ok $n # SKIP valgrind missing (or ASan build)"
fi

# ocaml-libvirt's signature: module Libvirt must be one of its instances
deb=/usr/lib/ocaml/libvirt/libvirt.mli
if [ -f "$deb" ]; then
    { echo "module type S = sig"; cat "$deb"; echo "end"
      echo "module Check : S = Libvirt"; } >"$tmp/apicheck.ml"
    if (cd "$tmp" && ocamlfind ocamlc -package libvirt -c apicheck.ml) \
            >"$tmp/api.log" 2>&1; then
        ok "module Libvirt matches ocaml-libvirt 0.6.1.5's libvirt.mli"
    else
        notok "module Libvirt matches ocaml-libvirt 0.6.1.5's libvirt.mli"
        grep -v '^ *\.\.\.$' "$tmp/api.log" | head -30 | sed 's/^/# /'
    fi
else
    n=$((n+1)); echo "ok $n # SKIP no $deb (libvirt-ocaml-dev)"
fi

# coverage: every IDL function generated, custom, lifecycle or skipped
# with a reason; todo rows are TODO tests
cov="$b/bindings/ocaml/gen/coverage.tsv"
PYTHONPATH="$s" python3 -B - "$s/api/virt-api.xml" "$cov" >"$tmp/cov.tap" <<'PY'
import sys
from generator import load
api = load.load(sys.argv[1])
api.split_libraries()
rows = {}
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    rows[f[0]] = f
counts = {}
missing = [f.name for f in api.functions if f.name not in rows]
for f in api.functions:
    r = rows.get(f.name)
    if r is None:
        continue
    counts[r[1]] = counts.get(r[1], 0) + 1
    if r[1] == "todo":
        print(f"not ok - {f.name}: {r[2]}.{r[3]} # TODO {r[4]}")
    elif r[1] in ("skip", "custom", "lifecycle") and not r[4]:
        print(f"not ok - {f.name}: {r[1]} without a reason")
print(("ok" if not missing else "not ok") +
      f" - every IDL function has a coverage row ({len(api.functions)}:"
      f" {', '.join(f'{v} {k}' for k, v in sorted(counts.items()))})"
      + (f" missing {' '.join(missing[:10])}" if missing else ""))
PY
while IFS= read -r line; do
    case "$line" in
    "ok - "*) ok "coverage: ${line#ok - }" ;;
    "not ok - "*) notok "coverage: ${line#not ok - }" ;;
    esac
done <"$tmp/cov.tap"

# scenarios: the same program on Debian's ocaml-libvirt (expected) and ours
for sc in "$here"/scenarios/[0-9][0-9]-*.ml; do
    name=$(basename "$sc" .ml)
    exp="$here/scenarios/expected/$name.out"
    if [ ! -f "$exp" ]; then
        notok "scenario $name: no expected output"
        continue
    fi
    mod=s$(echo "$name" | tr -- - _)       # a valid module name
    case "$name" in
    *-py) what="this binding on libvirt 9.0 (as the Python scenario)" ;;
    *) what="Debian's ocaml-libvirt" ;;
    esac
    cp "$sc" "$tmp/$mod.ml"
    if ! (cd "$tmp" && mlc -package libvirt,unix -linkpkg "$mod.ml" \
            -o "$mod") >"$tmp/$name.log" 2>&1; then
        notok "scenario $name builds"
        grep -v 'ld: warning' "$tmp/$name.log" | head -20 | sed 's/^/# /'
        continue
    fi
    if (cd "$tmp" && timeout 120 "./$mod") >"$tmp/$name.out" \
            2>"$tmp/$name.err" &&
            diff -u "$exp" "$tmp/$name.out" >"$tmp/$name.diff"; then
        ok "scenario $name prints what $what prints"
    else
        notok "scenario $name prints what $what prints"
        sed 's/^/# /' "$tmp/$name.diff" "$tmp/$name.err" | head -40
    fi
done
# make install with DESTDIR: ocamlfind finds the installed package there
# and a program built against it runs (on the build's libvirt.so.0: the
# installed copy's rpath names $(libdir), empty under DESTDIR)
dest="$tmp/dest"
if ${MAKE:-make} -s -C "$b" vkml-install DESTDIR="$dest" \
        >"$tmp/install.log" 2>&1; then
    meta=$(find "$dest" -path '*/libvirt/META' | head -1)
    pkgdir=${meta%/libvirt/META}
    cat >"$tmp/inst.ml" <<'EOT'
let () =
  let c = Libvirt.Connect.connect_readonly ~name:"test:///default" () in
  Printf.printf "%s %d\n" (Libvirt.Connect.get_type c)
    (Libvirt.Connect.num_of_domains c)
EOT
    if [ -n "$meta" ] && [ -f "$pkgdir/stublibs/dllmllibvirt.so" ] &&
            (cd "$tmp" && OCAMLPATH="$pkgdir" mlc -package libvirt \
                -linkpkg -ccopt "-L$b/.libs" inst.ml -o inst) \
            >"$tmp/inst.log" 2>&1 &&
            (cd "$tmp" && OCAMLPATH="$pkgdir" ocamlfind query libvirt \
                >"$tmp/inst.where") &&
            [ "$(cat "$tmp/inst.where")" = "$pkgdir/libvirt" ] &&
            got=$(cd "$tmp" && ./inst 2>&1) && [ "$got" = "TEST 1" ]; then
        ok "make install DESTDIR=...: package libvirt in ${pkgdir#$dest}, a program built against it runs"
    else
        notok "make install DESTDIR=...: a program built against the installed package runs"
        echo "# meta=$meta got=${got:-}"
        cat "$tmp/inst.log" 2>/dev/null | grep -v 'ld: warning' | head -10 | sed 's/^/# /'
    fi
else
    notok "make install DESTDIR=... (vkml-install)"
    sed 's/^/# /' "$tmp/install.log" | tail -10
fi
# bytecode too: the first scenario through ocamlc and the stub library
first=$(ls "$here"/scenarios/[0-9][0-9]-*.ml | head -1)
name=$(basename "$first" .ml)
cp "$first" "$tmp/bytecode.ml"
if (cd "$tmp" && ocamlfind ocamlc -package libvirt,unix -linkpkg \
        bytecode.ml -o bytecode) >"$tmp/bc.log" 2>&1 &&
        (cd "$tmp" && timeout 120 ./bytecode) >"$tmp/bc.out" 2>&1 &&
        diff -u "$here/scenarios/expected/$name.out" "$tmp/bc.out" \
        >"$tmp/bc.diff"; then
    ok "bytecode: scenario $name built with ocamlc prints the same"
else
    notok "bytecode: scenario $name built with ocamlc prints the same"
    cat "$tmp/bc.log" "$tmp/bc.diff" 2>/dev/null | head -20 | sed 's/^/# /'
fi
echo "1..$n"
