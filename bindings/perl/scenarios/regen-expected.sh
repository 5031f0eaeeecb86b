#!/bin/sh
# Remake expected/*.out: each scenario run on Debian's Sys::Virt
# (libsys-virt-perl) over the system's libvirt 9.0, nothing of ours.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
unset PERL5LIB LD_LIBRARY_PATH
for sc in "$here"/[0-9][0-9]-*.pl; do
    name=$(basename "$sc" .pl)
    case "$name" in
    *-libvirtd) (cd /tmp && sh "$here/with-libvirtd.sh" perl "$sc") ;;
    *) (cd /tmp && perl "$sc") ;;
    esac >"$here/expected/$name.out" 2>/dev/null
done
