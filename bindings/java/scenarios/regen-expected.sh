#!/bin/sh
# Remake expected/*.out: each scenario run with our org.libvirt over the
# system's libvirt 9.0 (Debian's libvirt0; no Debian package ships
# libvirt-java), then checked against the Python scenario it mirrors:
# every line not labelled "java ..." must be a line the Python scenario
# prints on libvirt 9.0.  Usage: regen-expected.sh BUILDDIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
b=$(cd "${1:?usage: $0 BUILDDIR}" && pwd)
py="$here/../../python/tests/expected"
unset LD_LIBRARY_PATH LD_PRELOAD
cp="$b/bindings/java/virtkit-libvirt.jar:${VKJAVA_JNA:-/usr/share/java/jna.jar}"
for sc in "$here"/[0-9][0-9]-*.java; do
    name=$(basename "$sc" .java)
    (cd /tmp && java -cp "$cp" "$sc") >"$here/expected/$name.out" 2>/dev/null
    twin=$(sed -n 's|^// Python twin: \(.*\)\.py$|\1|p' "$sc")
    awk 'NR == FNR { have[$0] = 1; next }
         /^java / { next }
         !($0 in have) { print FILENAME ": not in the Python output: " $0; bad = 1 }
         END { exit bad }' "$py/$twin.out" "$here/expected/$name.out"
done
