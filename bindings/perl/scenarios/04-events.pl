# SPDX-License-Identifier: LGPL-2.1-or-later
# Domain events through the default event loop (mirrors the Python
# binding's scenario_events.py): lifecycle events of a domain defined,
# started, paused, resumed, stopped and undefined (the test driver sends
# no reboot events: that callback only registers), then deregistration.
use strict;
use warnings;
use Sys::Virt;

alarm(30);
Sys::Virt::Event::register_default();
my $conn = Sys::Virt->new(uri => "test:///default");

my @seen;
my $all = $conn->domain_event_register_any(
    undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub {
        my ($c, $dom, $event, $detail) = @_;
        push @seen, sprintf("lifecycle %s event=%d detail=%d conn=%s",
                            $dom->get_name(), $event, $detail, ref($c));
    });
print "callback id is a number: ", ($all =~ /^\d+$/ ? "yes" : "no"), "\n";

my $test = $conn->get_domain_by_name("test");
my $one = $conn->domain_event_register_any(
    $test, Sys::Virt::Domain::EVENT_ID_REBOOT,
    sub { push @seen, "reboot " . $_[1]->get_name() });

my $xml = <<'XML';
<domain type='test'>
  <name>plevents</name>
  <memory unit='KiB'>65536</memory>
  <os><type arch='i686'>hvm</type></os>
</domain>
XML

sub pump {
    my $want = shift;
    for (1 .. 50) {
        last if @seen >= $want;
        Sys::Virt::Event::run_default();
    }
}

my $dom = $conn->define_domain($xml);
pump(1);
$dom->create();
pump(2);
$dom->suspend();
pump(3);
$dom->resume();
pump(4);
$dom->destroy();
pump(5);
$dom->undefine();
pump(6);
print "$_\n" for @seen;

$conn->domain_event_deregister_any($all);
$conn->domain_event_deregister_any($one);
eval { $conn->domain_event_deregister_any($all) };
printf "deregister twice: code=%d\n", $@->code if ref $@;
eval { $conn->domain_event_register_any(undef, 4242, sub { }) };
print "bad event id: ", (ref($@) ? "code=" . $@->code : "died"), "\n";
# network and storage pool lifecycle events
my @other;
my $nid = $conn->network_event_register_any(
    undef, Sys::Virt::Network::EVENT_ID_LIFECYCLE,
    sub { push @other, sprintf("network %s event=%d detail=%d",
                               $_[1]->get_name(), $_[2], $_[3]) });
my $pid = $conn->storage_pool_event_register_any(
    undef, Sys::Virt::StoragePool::EVENT_ID_LIFECYCLE,
    sub { push @other, sprintf("pool %s event=%d detail=%d",
                               $_[1]->get_name(), $_[2], $_[3]) });
my $net = $conn->define_network("<network><name>plnet</name>" .
                                "<bridge name='plbr0'/></network>");
Sys::Virt::Event::run_default() while @other < 1;
$net->undefine();
Sys::Virt::Event::run_default() while @other < 2;
my $pool = $conn->define_storage_pool("<pool type='dir'><name>plpool</name>" .
                                      "<target><path>/plpool</path></target></pool>");
Sys::Virt::Event::run_default() while @other < 3;
$pool->undefine();
Sys::Virt::Event::run_default() while @other < 4;
print "$_\n" for @other;
$conn->network_event_deregister_any($nid);
$conn->storage_pool_event_deregister_any($pid);
print "done\n";
