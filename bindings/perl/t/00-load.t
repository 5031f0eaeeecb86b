# SPDX-License-Identifier: LGPL-2.1-or-later
# The module loads, from the build tree, with all of its packages.
use strict;
use warnings;
use Test::More;

use_ok('Sys::Virt');
my $blib = $ENV{VKPL_BLIB};
SKIP: {
    skip "VKPL_BLIB not set", 1 unless $blib;
    like($INC{'Sys/Virt.pm'}, qr/^\Q$blib\E/, 'Sys::Virt comes from the build');
}
for my $p (qw(Domain Network NetworkPort StoragePool StorageVol Interface
              NodeDevice Secret NWFilter NWFilterBinding DomainSnapshot
              DomainCheckpoint Stream Error Event)) {
    ok($INC{"Sys/Virt/$p.pm"}, "Sys::Virt::$p is loaded");
}
is(Sys::Virt::Domain::STATE_RUNNING(), 1, 'STATE_RUNNING');
is(Sys::Virt::Domain::LIST_ACTIVE(), 1, 'Domain::LIST_ACTIVE');
is(Sys::Virt::Error::ERR_NO_DOMAIN(), 42, 'ERR_NO_DOMAIN');
is(Sys::Virt::Error::FROM_TEST(), 12, 'FROM_TEST');
is(Sys::Virt::StoragePool::STATE_RUNNING(), 2, 'StoragePool::STATE_RUNNING');
is(Sys::Virt::Domain::SCHEDULER_WEIGHT(), 'weight', 'string constants');
is(Sys::Virt::Domain::GET_ALL_STATS_ENFORCE_STATS(), '18446744071562067968',
   'top-bit flags as Sys::Virt gives them');
done_testing();
