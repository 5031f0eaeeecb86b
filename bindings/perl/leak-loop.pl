# SPDX-License-Identifier: LGPL-2.1-or-later
# A long call loop for valgrind (perl-test.sh): connections, lookups,
# hashes, lists, typed parameters and errors, N times.  Nothing may leak.
use strict;
use warnings;
use Sys::Virt;

my $n = shift // 20;
for (1 .. $n) {
    my $c = Sys::Virt->new(uri => "test:///default");
    my $d = $c->get_domain_by_name("test");
    my $i = $d->get_info();
    my $x = $d->get_xml_description();
    my @l = $c->list_all_domains();
    my @names = $c->list_network_names(10);
    my $p = $d->get_scheduler_parameters();
    $d->set_scheduler_parameters({ weight => 50 });
    my $u = $c->get_domain_by_uuid($d->get_uuid_string());
    eval { $c->get_domain_by_name("nope") };
    my $pool = $c->get_storage_pool_by_name("default-pool");
    my $pi = $pool->get_info();
    my @models = $c->get_cpu_model_names("x86_64");
    my $cb = $c->domain_event_register_any(undef, 0, sub { });
    $c->domain_event_deregister_any($cb);
}
