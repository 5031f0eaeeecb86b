# SPDX-License-Identifier: LGPL-2.1-or-later
# A long call loop for valgrind (perl-test.sh): connections, lookups,
# hashes, lists, typed parameters and errors, N times.  Nothing may leak.
use strict;
use warnings;
use Sys::Virt;

my $n = shift // 20;
Sys::Virt::Event::register_default();
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
    # CPU maps, struct lists, typed parameter tables, callbacks
    my @v = $d->get_vcpu_info();
    my @vc = $d->get_vcpu_info(Sys::Virt::Domain::AFFECT_CONFIG);
    my $pin = $d->get_emulator_pin_info();
    my @map = $c->get_node_cpu_map();
    my @st = $c->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE);
    my @st2 = $c->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE, [$d]);
    my @fs = $d->get_fs_info();
    my @ifs = $d->get_interface_addresses(0);
    my @cpu = $d->get_cpu_stats(0, 2);
    my @io = $d->get_iothread_info();
    eval { $d->set_iothread(1, { poll_max_ns => 10, nope => 1 }) };
    eval { $d->migrate($c, { migrate_disks => ["vda", "vdb"], bandwidth => 5 }, 0) };
    eval { $d->get_guest_vcpus() };
    my $ms = $d->memory_stats();
    my @de = $d->get_disk_errors();
    my @caps = $c->get_node_device_by_name("scsi_host1")->list_capabilities();
    eval { $c->set_identity({ "user-name" => "x", "unix-user-id" => 1 }) };
    for my $id (0 .. 26) {
        my $e = $c->domain_event_register_any($d, $id, sub { });
        $c->domain_event_deregister_any($e);
    }
    $c->domain_event_register(sub { });
    $c->domain_event_deregister();
}
