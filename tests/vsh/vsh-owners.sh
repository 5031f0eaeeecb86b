#!/bin/sh
# vsh owner-list / owner-clear (beyond virsh): the remembered owners that
# the DAC security manager keeps in trusted.libvirt.security.* attributes,
# shown and removed on real files in a temporary folder.  Needs root (the
# trusted.* namespace) and a filesystem with extended attributes.
set -u
b=$(cd "${abs_top_builddir:-.}" && pwd)
VSH=$b/tools/vsh/vsh
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n+1)); echo "ok $n - $*"; }
notok() { n=$((n+1)); echo "not ok $n - $*"; }

mkdir -p "$tmp/tree/sub"
echo kernel >"$tmp/tree/kernel"
echo disk >"$tmp/tree/sub/disk"
echo plain >"$tmp/tree/plain"
if ! /usr/bin/python3 - "$tmp/tree" <<'PY' 2>"$tmp/xattr.err"
import os, sys
top = sys.argv[1]
p = "trusted.libvirt.security."
for f, owner, ref in (("kernel", "+1234:+5678", "2"), ("sub/disk", "+0:+0", "1")):
    path = os.path.join(top, f)
    os.setxattr(path, p + "dac", owner.encode())
    os.setxattr(path, p + "ref_dac", ref.encode())
    os.setxattr(path, p + "timestamp_dac", b"1795600000")
PY
then
    echo "1..0 # SKIP cannot set trusted.* attributes here: $(cat "$tmp/xattr.err" | tail -1)"
    exit 0
fi

"$VSH" owner-list "$tmp/tree" >"$tmp/list" 2>&1
if grep -q "$tmp/tree/kernel  *dac  *+1234:+5678  *2  *1795600000" "$tmp/list" &&
   grep -q "$tmp/tree/sub/disk  *dac  *+0:+0  *1  *1795600000" "$tmp/list" &&
   ! grep -q plain "$tmp/list"; then
    ok "owner-list shows each remembered owner, its references and boot time"
else
    notok "owner-list"; sed 's/^/# /' "$tmp/list"
fi

"$VSH" owner-clear --dry-run "$tmp/tree" >"$tmp/dry" 2>&1
if [ "$(grep -c '^would remove trusted.libvirt.security' "$tmp/dry")" = 6 ] &&
   /usr/bin/python3 -c 'import os,sys; os.getxattr(sys.argv[1], "trusted.libvirt.security.dac")' "$tmp/tree/kernel" 2>/dev/null; then
    ok "owner-clear --dry-run names the 6 attributes and removes nothing"
else
    notok "owner-clear --dry-run"; sed 's/^/# /' "$tmp/dry"
fi

"$VSH" owner-clear "$tmp/tree" >"$tmp/clear" 2>&1; rc=$?
left=$(/usr/bin/python3 -c '
import os, sys
n = 0
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        n += sum(1 for a in os.listxattr(os.path.join(d, f)) if a.startswith("trusted.libvirt.security."))
print(n)' "$tmp/tree")
if [ $rc = 0 ] && [ "$left" = 0 ] && grep -q "cleared $tmp/tree/kernel" "$tmp/clear"; then
    ok "owner-clear removes every remembered-owner attribute"
else
    notok "owner-clear (exit $rc, $left attributes left)"; sed 's/^/# /' "$tmp/clear"
fi

"$VSH" owner-list "$tmp/tree" >"$tmp/list2" 2>&1
if ! grep -q "$tmp/tree/" "$tmp/list2"; then ok "nothing is listed afterwards"
else notok "entries remain"; sed 's/^/# /' "$tmp/list2"; fi

if "$VSH" owner-list "$tmp/nonexistent" >"$tmp/err" 2>&1; then
    notok "a missing path is an error"
else
    grep -q "error: cannot walk '$tmp/nonexistent': No such file or directory" "$tmp/err" &&
        ok "a missing path is an error with the reason" ||
        { notok "a missing path: wrong message"; sed 's/^/# /' "$tmp/err"; }
fi
echo "1..$n"
