# SPDX-License-Identifier: LGPL-2.1-or-later
# Perl code called back from libvirt on our library: file handle watches
# and timeouts on the default loop, stream events, and the event families
# (every ID of every object kind registers).
use strict;
use warnings;
use Test::More;
use IO::Handle;
use Sys::Virt;

alarm(60);
Sys::Virt::Event::register_default();
my $c = Sys::Virt->new(uri => 'test:///default');
# a ticking timeout, so that run_default never waits long
my $tick = Sys::Virt::Event::add_timeout(10, sub { });

# a pipe watched by the default loop
pipe(my $r, my $w) or die "pipe: $!";
$w->autoflush(1);
my @got;
my $watch = Sys::Virt::Event::add_handle(fileno($r),
    Sys::Virt::Event::HANDLE_READABLE, sub { push @got, [@_]; sysread($r, my $b, 10) });
ok($watch > 0, 'add_handle gives a watch');
print $w "x";
Sys::Virt::Event::run_default() for 1 .. 3;
is_deeply($got[0], [$watch, fileno($r), Sys::Virt::Event::HANDLE_READABLE],
          'the callback gets (watch, fd, events)');
Sys::Virt::Event::update_handle($watch, 0);
print $w "y";
my $n = @got;
Sys::Virt::Event::run_default() for 1 .. 3;
is(scalar(@got), $n, 'no events after update_handle(0)');
Sys::Virt::Event::remove_handle($watch);
eval { Sys::Virt::Event::remove_handle($watch) };
isa_ok($@, 'Sys::Virt::Error', 'removing it twice');

my @fired;
my $t;
$t = Sys::Virt::Event::add_timeout(0, sub { push @fired, $_[0]; Sys::Virt::Event::remove_timeout($t) });
Sys::Virt::Event::run_default() for 1 .. 3;
is_deeply(\@fired, [$t], 'a timeout fires once with its id, then is removed');

# stream events: a screenshot read from its callback
my $dom = $c->get_domain_by_name('test');
my $st = $c->new_stream(Sys::Virt::Stream::NONBLOCK);
$dom->screenshot($st, 0);
my ($data, $done, $first) = ('', 0);
$st->add_callback(Sys::Virt::Stream::EVENT_READABLE, sub {
    my ($s, $events) = @_;
    $first //= ref($s) . " $events";
    while (1) {
        my $got = $s->recv(my $buf, 4096);
        return if $got == -2;
        if ($got == 0) { $done = 1; $s->remove_callback(); return }
        $data .= $buf;
    }
});
Sys::Virt::Event::run_default() for 1 .. 200;
ok($done, 'the stream callback read to the end');
is($first, 'Sys::Virt::Stream ' . Sys::Virt::Stream::EVENT_READABLE,
   'the callback gets (stream, events)');
like($data, qr/^\x89PNG|^P[0-9]/, 'an image came');
$st->finish();

# every event ID of every kind registers and deregisters
for my $kind (['domain', Sys::Virt::Domain::EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE],
              ['network', Sys::Virt::Network::EVENT_ID_LIFECYCLE],
              ['storage_pool', Sys::Virt::StoragePool::EVENT_ID_REFRESH],
              ['node_device', Sys::Virt::NodeDevice::EVENT_ID_UPDATE]) {
    my ($what, $last) = @$kind;
    my ($reg, $dereg) = ("${what}_event_register_any", "${what}_event_deregister_any");
    my @ids = grep { defined } map { my $id = $_; eval { $c->$reg(undef, $id, sub { }) } } 0 .. $last;
    is(scalar(@ids), $last + 1, "$what: all " . ($last + 1) . " event IDs register");
    $c->$dereg($_) for @ids;
}
# (the test driver has no secret events, like libvirt's: refused by it)
eval { $c->secret_event_register_any(undef, Sys::Virt::Secret::EVENT_ID_VALUE_CHANGED, sub { }) };
isa_ok($@, 'Sys::Virt::Error', 'secret events');
Sys::Virt::Event::remove_timeout($tick);
done_testing();
