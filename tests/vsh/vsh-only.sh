#!/bin/sh
# vsh-only.sh: checks of what vsh has and virsh's output cannot prove:
# help and the man page come from the command table, option names and
# order equal virsh's, and the interactive shell completes and remembers.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

set -u

here=$(cd "$(dirname "$0")" && pwd)
builddir=${abs_top_builddir:-$(pwd)}
VSH=${VSH:-$builddir/tools/vsh/vsh}
case $VSH in
    */*) ;;
    *) VSH=$(command -v "$VSH") ;;
esac
if [ ! -x "$VSH" ]; then
    echo "1..0 # SKIP $VSH not built"
    exit 0
fi
PYTHON=${PYTHON:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vsh-only.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
unset LIBVIRT_DEFAULT_URI VIRSH_DEFAULT_CONNECT_URI VSH_DEFAULT_CONNECT_URI
export HOME="$tmp/home" XDG_CACHE_HOME="$tmp/home/cache" LC_ALL=C.UTF-8
mkdir -p "$HOME"

n=0
failed=0
result() {  # result OK|FAIL NAME [DETAILS FILE]
    n=$((n + 1))
    if [ "$1" = OK ]; then
        echo "ok $n - $2"
    else
        failed=$((failed + 1))
        echo "not ok $n - $2"
        [ $# -gt 2 ] && sed 's/^/#   /' "$3"
    fi
}
skip() {
    n=$((n + 1))
    echo "ok $n # SKIP $1"
}

U=test:///default
"$VSH" -q -c $U help | awk '/^    [a-z]/ { print $1 }' > "$tmp/cmds"
[ -s "$tmp/cmds" ] && result OK "help lists commands" || result FAIL "help lists commands"

# The man page: valid roff that documents every command.
if "$VSH" --print-manpage > "$tmp/vsh.1"; then
    missing=
    for c in $(cat "$tmp/cmds"); do
        grep -q "^\.B $(echo "$c" | sed 's/-/\\\\-/g')\( \|$\)" "$tmp/vsh.1" || missing="$missing $c"
    done
    [ -z "$missing" ] && result OK "man page has every command" ||
        { echo "missing:$missing" > "$tmp/err"; result FAIL "man page has every command" "$tmp/err"; }
else
    result FAIL "--print-manpage runs"
fi
if command -v groff > /dev/null 2>&1; then
    groff -man -Tutf8 -ww -z "$tmp/vsh.1" > "$tmp/err" 2>&1 && [ ! -s "$tmp/err" ] &&
        result OK "man page formats without warnings" ||
        result FAIL "man page formats without warnings" "$tmp/err"
else
    skip "groff not installed"
fi

# -h lists every command too.
"$VSH" -h > "$tmp/usage"
missing=
for c in $(cat "$tmp/cmds"); do
    grep -q "^    $c " "$tmp/usage" || missing="$missing $c"
done
[ -z "$missing" ] && result OK "-h lists every command" ||
    { echo "missing:$missing" > "$tmp/err"; result FAIL "-h lists every command" "$tmp/err"; }

# "CMD --help" is "help CMD"; help has the four sections.
"$VSH" -c $U 'help dominfo' > "$tmp/a"
"$VSH" -c $U 'dominfo --help' > "$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && result OK "--help is help CMD" || result FAIL "--help is help CMD"
for s in NAME SYNOPSIS DESCRIPTION OPTIONS; do
    grep -q "^  $s\$" "$tmp/a" || { result FAIL "help has $s"; continue; }
    result OK "help has $s"
done
"$VSH" -c $U 'help network' > "$tmp/a" 2>&1 && grep -q "^    net-list " "$tmp/a" &&
    result OK "help GROUP" || result FAIL "help GROUP" "$tmp/a"

# Same option names, types and order as virsh, shown the same way.
if command -v virsh > /dev/null 2>&1; then
    : > "$tmp/err"
    for c in $(cat "$tmp/cmds"); do
        virsh help "$c" 2>/dev/null | sed -n '/SYNOPSIS/{n;p}' > "$tmp/a"
        "$VSH" help "$c" | sed -n '/SYNOPSIS/{n;p}' > "$tmp/b"
        [ -s "$tmp/a" ] || continue     # a vsh-only command
        cmp -s "$tmp/a" "$tmp/b" || { echo "$c:"; cat "$tmp/a" "$tmp/b"; } >> "$tmp/err"
    done
    [ ! -s "$tmp/err" ] && result OK "synopses equal virsh's" ||
        result FAIL "synopses equal virsh's" "$tmp/err"
else
    skip "virsh not installed"
fi

# Tab completion and history, through a pseudo-terminal.
if command -v "$PYTHON" > /dev/null 2>&1; then
    "$PYTHON" "$here/pty-complete.py" "$VSH" "$HOME" 'domstat\te --re\t te\t' \
        'net-info def\t' 'nodein\t' > "$tmp/pty" 2>&1
    grep -q '^running (unknown)' "$tmp/pty" && result OK "completes command, option, domain" ||
        result FAIL "completes command, option, domain" "$tmp/pty"
    grep -q '^Bridge: *virbr0' "$tmp/pty" && result OK "completes network names" ||
        result FAIL "completes network names" "$tmp/pty"
    grep -q '^CPU model:' "$tmp/pty" && result OK "completes a unique command" ||
        result FAIL "completes a unique command" "$tmp/pty"
    grep -q '^domstate  *--reason  *test' "$HOME/cache/vsh/history" 2>/dev/null &&
        result OK "history is saved" || result FAIL "history is saved" "$tmp/pty"
    # values of the option being typed: volumes of the --pool given,
    # pools after --pool, node devices, interfaces
    "$PYTHON" "$here/pty-complete.py" "$VSH" "$HOME" \
        'vol-create-as default-pool v9 1M' 'vol-info --pool default-pool v\t' \
        'vol-list --pool default-p\t' 'nodedev-info compu\t' 'iface-mac et\t' \
        > "$tmp/pty2" 2>&1
    grep -q '^Capacity: *1.00 MiB' "$tmp/pty2" && result OK "completes volume names" ||
        result FAIL "completes volume names" "$tmp/pty2"
    grep -q '/default-pool/v9' "$tmp/pty2" && result OK "completes a pool after --pool" ||
        result FAIL "completes a pool after --pool" "$tmp/pty2"
    grep -q '^Parent: *$' "$tmp/pty2" && result OK "completes node device names" ||
        result FAIL "completes node device names" "$tmp/pty2"
    grep -q '^aa:bb:cc:dd:ee:ff' "$tmp/pty2" && result OK "completes interface names" ||
        result FAIL "completes interface names" "$tmp/pty2"
else
    skip "no python3 for the pty checks"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
