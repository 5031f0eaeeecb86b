#!/bin/sh
# regen-expected.sh: rewrite the expected output of the vsh conformance
# cases by running them through Debian's real virsh (libvirt 9.0).
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: tests/vsh/regen-expected.sh [NAME...]
# VSH may point at another virsh binary.  The .out files are written
# already masked (see run-cases.sh), so they do not change between runs.
# Afterwards, check the result with:  VSH=virsh tests/vsh/run-cases.sh

here=$(cd "$(dirname "$0")" && pwd)
VSH=${VSH:-virsh}
if ! command -v "$VSH" >/dev/null 2>&1; then
    echo "regen-expected.sh: $VSH not found (apt-get install libvirt-clients)" >&2
    exit 1
fi
"$VSH" --version | grep -q '^9\.0\.' ||
    echo "regen-expected.sh: warning: $VSH is not version 9.0" >&2
REGEN=1 VSH=$VSH exec sh "$here/run-cases.sh" "$@"
