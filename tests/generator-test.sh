#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The generator's tests, as TAP: the IDL and the test inputs against the
# RELAX NG schema (xmllint), then generator/tests/run.py (golden files of
# every target on the fixture, bad IDL inputs, the real IDL).
#
#   PYTHON      the python with jinja2 (default /usr/bin/python3)
#   XMLLINT     libxml2's xmllint (default: xmllint from PATH)
#   REGENERATE  1: rewrite generator/tests/golden/ instead of comparing

PYTHON=${PYTHON:-/usr/bin/python3}
XMLLINT=${XMLLINT:-xmllint}
top=${abs_top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
rng=$top/api/virt-api.rng
tdir=$top/generator/tests
n=0
out=${TMPDIR:-/tmp}/generator-test.$$

result() { # status description [diagnostic file]
    n=$((n + 1))
    if [ "$1" = 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        [ -n "$3" ] && sed 's/^/# /' "$3" | head -n 20
    fi
}

if ! command -v "$XMLLINT" >/dev/null 2>&1; then
    n=$((n + 1))
    echo "ok $n - RELAX NG checks # SKIP xmllint is not installed"
else
    for f in "$top/api/virt-api.xml" "$tdir/fixture.xml" "$tdir"/bad-*.xml; do
        "$XMLLINT" --noout --relaxng "$rng" "$f" >"$out" 2>&1
        result $? "${f#"$top"/} is valid against api/virt-api.rng" "$out"
    done
    # Each of these breaks the schema in one way; see its first comment.
    for f in "$tdir"/rng-bad-*.xml; do
        why=$(sed -n 's/.*expect-invalid: \(.*\) -->.*/\1/p' "$f")
        if "$XMLLINT" --noout --relaxng "$rng" "$f" >"$out" 2>&1; then
            result 1 "${f#"$top"/} is refused by the schema ($why)"
        else
            grep -q "fails to validate" "$out"
            result $? "${f#"$top"/} is refused by the schema ($why)" "$out"
        fi
    done
fi

rm -f "$out"

# run.py numbers its tests after ours and prints the plan for all of them.
exec "$PYTHON" "$tdir/run.py" --first $((n + 1))
