# SPDX-License-Identifier: LGPL-2.1-or-later
# A Sys::Virt program on test:///default (mirrors the Python binding's
# scenario_basic.py): connection, domains, networks, storage, interfaces
# and node devices, each printed.  Run on Debian's Sys::Virt it makes
# expected/01-basic.out.
use strict;
use warnings;
use Sys::Virt;
use Data::Dumper;

$Data::Dumper::Sortkeys = 1;
$Data::Dumper::Indent = 0;
$Data::Dumper::Terse = 1;
$Data::Dumper::Useqq = 1;

my $DOMAIN_XML = <<'XML';
<domain type='test'>
  <name>plscenario</name>
  <uuid>5a5e8c21-1f3c-4b8a-9d0e-7c1b2a3d4e60</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='i686'>hvm</type>
  </os>
</domain>
XML

my $VOLUME_XML = <<'XML';
<volume>
  <name>plscenario.img</name>
  <capacity unit='bytes'>1048576</capacity>
</volume>
XML

# Print what the code returns (a list as [..]), or the error it dies with:
# one failing call does not hide the others.
sub show {
    my ($label, $code) = @_;
    my @v = eval { $code->() };
    if ($@) {
        my $e = $@;
        if (ref($e) && $e->isa('Sys::Virt::Error')) {
            printf "%s: error code=%d domain=%d %s\n", $label, $e->code,
                $e->domain, $e->message;
        } else {
            print "$label: died: $e";
        }
        return;
    }
    if (@v == 1 && defined $v[0] && !ref($v[0]) && $v[0] =~ /\n/) {
        print "$label:\n$v[0]";
    } elsif (@v == 1) {
        print "$label: ", Dumper($v[0]), "\n";
    } else {
        print "$label: ", Dumper(\@v), "\n";
    }
}

my $conn = Sys::Virt->new(uri => "test:///default");
show("uri", sub { $conn->get_uri() });
show("type", sub { $conn->get_type() });
show("alive", sub { $conn->is_alive() });
show("encrypted", sub { $conn->is_encrypted() });
show("secure", sub { $conn->is_secure() });
show("hostname is set", sub { length($conn->get_hostname()) > 0 ? 1 : 0 });
show("node info", sub { $conn->get_node_info() });
show("max vcpus", sub { $conn->get_max_vcpus("test") });
show("free memory", sub { $conn->get_node_free_memory() });

# domains
show("domain ids", sub { sort { $a <=> $b } $conn->list_domain_ids(10) });
show("defined domains", sub { $conn->list_defined_domain_names(10) });
show("num domains", sub { $conn->num_of_domains() });
show("num defined", sub { $conn->num_of_defined_domains() });
my $dom = $conn->get_domain_by_name("test");
show("name", sub { $dom->get_name() });
show("id", sub { $dom->get_id() });
show("uuid", sub { $dom->get_uuid_string() });
show("uuid bytes", sub { unpack("H*", $dom->get_uuid()) });
show("os type", sub { $dom->get_os_type() });
show("info", sub { my $i = $dom->get_info(); delete $i->{cpuTime}; $i });
show("max memory", sub { $dom->get_max_memory() });
show("active", sub { $dom->is_active() });
show("persistent", sub { $dom->is_persistent() });
show("autostart", sub { $dom->get_autostart() });
show("by id", sub { $conn->get_domain_by_id($dom->get_id())->get_name() });
show("by uuid string",
     sub { $conn->get_domain_by_uuid($dom->get_uuid_string())->get_name() });
show("by uuid", sub { $conn->get_domain_by_uuid($dom->get_uuid())->get_name() });
show("xml", sub { $dom->get_xml_description() });
show("all domains", sub { sort map { $_->get_name() } $conn->list_all_domains() });
show("active domains", sub {
    sort map { $_->get_name() }
        $conn->list_all_domains(Sys::Virt::Domain::LIST_ACTIVE) });
show("list_domains", sub { map { $_->get_name() } $conn->list_domains() });

my $new = $conn->define_domain($DOMAIN_XML);
show("defined", sub { $new->get_name() });
show("defined active", sub { $new->is_active() });
show("defined domains", sub { $conn->list_defined_domain_names(10) });
show("create", sub { $new->create(); "ok" });
show("started info", sub { my $i = $new->get_info(); delete $i->{cpuTime}; $i });
show("domain ids", sub { sort { $a <=> $b } $conn->list_domain_ids(10) });
show("suspend", sub { $new->suspend(); "ok" });
show("suspended state", sub { $new->get_info()->{state} });
show("resume", sub { $new->resume(); "ok" });
show("resumed state", sub { $new->get_info()->{state} });
show("destroy", sub { $new->destroy(); "ok" });
show("destroyed state", sub { $new->get_info()->{state} });
show("undefine", sub { $new->undefine(); "ok" });
show("after undefine", sub { $conn->get_domain_by_name("plscenario")->get_name() });

# networks
show("networks", sub { $conn->list_network_names(10) });
show("defined networks", sub { $conn->list_defined_network_names(10) });
show("all networks", sub { map { $_->get_name() } $conn->list_all_networks() });
show("list_networks", sub { map { $_->get_name() } $conn->list_networks() });
my $net = $conn->get_network_by_name("default");
show("net uuid", sub { $net->get_uuid_string() });
show("net bridge", sub { $net->get_bridge_name() });
show("net active", sub { $net->is_active() });
show("net persistent", sub { $net->is_persistent() });
show("net autostart", sub { $net->get_autostart() });
show("net by uuid", sub { $conn->get_network_by_uuid($net->get_uuid_string())->get_name() });
show("net xml", sub { $net->get_xml_description() });

# storage
show("pools", sub { $conn->list_storage_pool_names(10) });
show("all pools", sub { map { $_->get_name() } $conn->list_all_storage_pools() });
my $pool = $conn->get_storage_pool_by_name("default-pool");
show("pool info", sub { $pool->get_info() });
show("pool active", sub { $pool->is_active() });
show("pool volumes", sub { $pool->list_storage_vol_names(10) });
show("pool num volumes", sub { $pool->num_of_storage_volumes() });
my $vol = $pool->create_volume($VOLUME_XML);
show("vol name", sub { $vol->get_name() });
show("vol info", sub { $vol->get_info() });
show("vol path", sub { $vol->get_path() });
show("vol key", sub { $vol->get_key() });
show("vol pool", sub { $conn->get_storage_pool_by_volume($vol)->get_name() });
show("vol by path", sub { $conn->get_storage_volume_by_path($vol->get_path())->get_name() });
show("pool volumes", sub { $pool->list_storage_vol_names(10) });
show("all volumes", sub { map { $_->get_name() } $pool->list_all_volumes() });
show("delete", sub { $vol->delete(0); "ok" });
show("pool volumes", sub { $pool->list_storage_vol_names(10) });
show("pool xml", sub { $pool->get_xml_description() });

# interfaces and node devices
show("interfaces", sub { $conn->list_interface_names(10) });
show("all interfaces", sub { map { $_->get_name() } $conn->list_all_interfaces() });
show("devices", sub { sort $conn->list_node_device_names(undef, 100) });
show("all devices", sub { sort map { $_->get_name() } $conn->list_all_node_devices() });
show("device xml", sub { $conn->get_node_device_by_name("computer")->get_xml_description() });
undef $conn;
show("closed", sub { 1 });
