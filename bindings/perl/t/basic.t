# SPDX-License-Identifier: LGPL-2.1-or-later
# Shapes on test:///default: handles, hashes for info, lists, errors as
# Sys::Virt::Error, handles outliving their connection variable.
use strict;
use warnings;
use Test::More;
use Sys::Virt;

my $c = Sys::Virt->new(uri => 'test:///default');
isa_ok($c, 'Sys::Virt');
is($c->get_uri(), 'test:///default', 'get_uri');
my $d = $c->get_domain_by_name('test');
isa_ok($d, 'Sys::Virt::Domain');
my $info = $d->get_info();
is_deeply([sort keys %$info], [qw(cpuTime maxMem memory nrVirtCpu state)],
          'get_info is a hash of virDomainInfo');
is($info->{state}, Sys::Virt::Domain::STATE_RUNNING(), 'running');
is_deeply([map { $_->get_name() } $c->list_all_domains()], ['test'],
          'list_all_domains gives handles');
is(length($d->get_uuid()), 16, 'get_uuid is 16 bytes');
is($c->get_domain_by_uuid($d->get_uuid_string())->get_id(), $d->get_id(),
   'lookups take either form of UUID');

eval { $c->get_domain_by_name('nope') };
isa_ok($@, 'Sys::Virt::Error');
is($@->code, Sys::Virt::Error::ERR_NO_DOMAIN(), 'code');
is($@->domain, Sys::Virt::Error::FROM_TEST(), 'domain');
like("$@", qr/^libvirt error code: 42, message: /, 'string form');

my $net = $c->get_network_by_name('default');
undef $c;
is($net->get_name(), 'default', 'a handle keeps its connection');
is($d->get_name(), 'test', 'and so does a domain');

# many calls and objects: nothing piles up or crashes
for (1 .. 2000) {
    my $conn = Sys::Virt->new(uri => 'test:///default');
    my $dom = $conn->get_domain_by_name('test');
    my $i = $dom->get_info();
    eval { $conn->get_domain_by_name('nope') };
}
pass('2000 connections, lookups and errors');
done_testing();
