# SPDX-License-Identifier: LGPL-2.1-or-later
# Return shapes beyond the basics (mirrors the Python binding's
# binding_shapes.py): lists of outputs, struct hashes, string lists going
# in and out, snapshots, versions.  Values that change with time are
# shown by their keys only.
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

my $c = Sys::Virt->new(uri => "test:///default");
my $d = $c->get_domain_by_name("test");
show("state", sub { [$d->get_state()] });
show("time", sub { scalar(@{$d->get_time()}) });
show("block stats keys", sub { [sort keys %{$d->block_stats("vda")}] });
show("interface stats keys", sub { [sort keys %{$d->interface_stats("testnet0")}] });
show("block info", sub { $d->get_block_info("vda") });
show("cpu models", sub { my @m = $c->get_cpu_model_names("x86_64"); @m > 0 ? "some" : "none" });
show("secrets", sub { [$c->list_secret_uuids(10)] });
show("node cpu stats keys", sub { [sort keys %{$c->get_node_cpu_stats()}] });
show("node memory stats", sub { $c->get_node_memory_stats() });
show("baseline", sub { $c->baseline_cpu(["<cpu><arch>x86_64</arch><model>qemu64</model></cpu>"]) });
show("fs freeze", sub { $d->fs_freeze(["/"]) });
show("versions", sub { [$c->get_version(), $c->get_major_version(),
                        $c->get_minor_version(), $c->get_micro_version(),
                        $c->get_library_version()] });
show("snapshot", sub {
    $d->create_snapshot("<domainsnapshot><name>s1</name></domainsnapshot>")->get_name() });
show("snapshot names", sub { [sort $d->list_snapshot_names(10)] });
show("snapshots", sub { [sort map { $_->get_name() } $d->list_snapshots()] });
show("num snapshots", sub { $d->num_of_snapshots() });
show("current", sub { $d->current_snapshot()->get_name() });
show("snapshot xml has name", sub {
    $d->get_snapshot_by_name("s1")->get_xml_description() =~ m{<name>s1</name>} ? 1 : 0 });
show("pool volumes", sub { [map { $_->get_name() }
    $c->get_storage_pool_by_name("default-pool")->list_volumes()] });
show("capabilities has host", sub { $c->get_capabilities() =~ /<host>/ ? 1 : 0 });
show("sysinfo", sub { $c->get_sysinfo() });
my $file = "/tmp/plscenario-save-$$.img";
show("save", sub { $d->save($file); $d->is_active() });
show("restore", sub { $c->restore_domain($file); $c->get_domain_by_name("test")->is_active() });
show("save with flags", sub { $c->get_domain_by_name("test")->save($file, undef, undef, 0); "ok" });
show("restore with flags", sub { $c->restore_domain($file, undef, undef, 0); "ok" });
unlink $file;
