# SPDX-License-Identifier: LGPL-2.1-or-later
# Typed parameters as hash references (mirrors the parameter part of the
# Python binding's binding_params.py): getters answer {name => value},
# setters take the names the getter knows.
use strict;
use warnings;
use Sys::Virt;
use Data::Dumper;

$Data::Dumper::Sortkeys = 1;
$Data::Dumper::Indent = 0;
$Data::Dumper::Terse = 1;

sub show {
    my ($label, $code) = @_;
    my @v = eval { $code->() };
    if (ref($@) && $@->isa('Sys::Virt::Error')) {
        printf "%s: error code=%d domain=%d %s\n", $label, $@->code,
            $@->domain, $@->message;
    } elsif ($@) {
        (my $e = $@) =~ s/ at \S+ line \d+\.\n//;
        print "$label: died: $e\n";
    } else {
        print "$label: ", Dumper(@v == 1 ? $v[0] : \@v), "\n";
    }
}

my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");
show("scheduler type", sub { [$dom->get_scheduler_type()] });
show("scheduler", sub { $dom->get_scheduler_parameters() });
show("scheduler live", sub {
    $dom->get_scheduler_parameters(Sys::Virt::Domain::AFFECT_LIVE) });
show("set scheduler", sub {
    $dom->set_scheduler_parameters({ Sys::Virt::Domain::SCHEDULER_WEIGHT => 100 });
    "ok" });
show("scheduler after", sub { $dom->get_scheduler_parameters() });
show("set unknown name", sub {
    $dom->set_scheduler_parameters({ nosuch => 1 }); "ok" });
show("set not a hash", sub { $dom->set_scheduler_parameters(1); "ok" });
show("memory", sub { $dom->get_memory_parameters() });
show("blkio", sub { $dom->get_blkio_parameters() });
show("numa", sub { $dom->get_numa_parameters() });
show("interface", sub { $dom->get_interface_parameters("testnet0") });
show("block iotune", sub { $dom->get_block_iotune("vda") });
show("node memory", sub { $conn->get_node_memory_parameters() });
show("perf", sub { $dom->get_perf_events() });
