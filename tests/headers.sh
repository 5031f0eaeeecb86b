#!/bin/sh
# The generated public headers compile on their own, in C99, C11 and C++,
# with every warning an error.
set -u
b=${abs_top_builddir:-.}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/use.c" <<'C'
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libvirt/libvirt-qemu.h>
#include <libvirt/libvirt-lxc.h>
int main(void)
{
    virConnectPtr conn = virConnectOpen(0);
    virDomainInfo info;
    virTypedParameter p;
    (void)info; (void)p;
    return conn ? 0 : 1;
}
C
n=0; fail=0
check() {
    n=$((n + 1))
    if "$@" >"$tmp/log" 2>&1; then echo "ok $n - $*"
    else echo "not ok $n - $*"; sed 's/^/# /' "$tmp/log"; fail=1; fi
}
check ${CC:-cc} -std=c99 -Wall -Wextra -pedantic -Werror -Wno-pedantic -fsyntax-only -I"$b/include" "$tmp/use.c"
check ${CC:-cc} -std=c11 -Wall -Wextra -Werror -fsyntax-only -I"$b/include" "$tmp/use.c"
check ${CXX:-c++} -x c++ -std=c++11 -Wall -Wextra -Werror -fsyntax-only -I"$b/include" "$tmp/use.c"
# Each area header refuses to be included on its own.
check sh -c "! ${CC:-cc} -fsyntax-only -I'$b/include' -include libvirt/libvirt-domain.h -x c /dev/null"
echo "1..$n"
exit $fail
