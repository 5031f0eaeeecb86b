# SPDX-License-Identifier: LGPL-2.1-or-later
# An event loop written in Perl (a Sys::Virt::Event subclass registered
# with register()), the old and the new domain event registrations and
# every domain event ID, timeouts added from Perl, the close callback,
# stream callbacks, and the shapes Sys::Virt gives CPU maps, struct lists
# and typed parameter setters.
use strict;
use warnings;
use Sys::Virt;

package PerlLoop;
use base qw(Sys::Virt::Event);

sub new {
    my $self = bless { handles => {}, timeouts => {}, next => 1 }, shift;
    $self->register();
    return $self;
}

sub add_handle {
    my ($self, $fd, $events, $cb, $opaque, $ff) = @_;
    my $w = $self->{next}++;
    $self->{handles}{$w} = { fd => $fd, events => $events, cb => $cb,
                             opaque => $opaque, ff => $ff };
    return $w;
}

sub update_handle { $_[0]->{handles}{$_[1]}{events} = $_[2] }

sub remove_handle {
    my ($self, $w) = @_;
    my $h = delete $self->{handles}{$w} or return -1;
    $self->_free_callback_opaque($h->{ff}, $h->{opaque});
    return 0;
}

sub add_timeout {
    my ($self, $ms, $cb, $opaque, $ff) = @_;
    my $t = $self->{next}++;
    $self->{timeouts}{$t} = { ms => $ms, cb => $cb, opaque => $opaque,
                              ff => $ff };
    return $t;
}

sub update_timeout { $_[0]->{timeouts}{$_[1]}{ms} = $_[2] }

sub remove_timeout {
    my ($self, $t) = @_;
    my $h = delete $self->{timeouts}{$t} or return -1;
    $self->_free_callback_opaque($h->{ff}, $h->{opaque});
    return 0;
}

# One round: handles that select() finds ready, then due timeouts (the
# test driver's events come through a 0 ms timeout).
sub run_once {
    my $self = shift;
    my ($r, $w) = ('', '');
    for my $h (values %{$self->{handles}}) {
        vec($r, $h->{fd}, 1) = 1 if $h->{events} & Sys::Virt::Event::HANDLE_READABLE;
        vec($w, $h->{fd}, 1) = 1 if $h->{events} & Sys::Virt::Event::HANDLE_WRITABLE;
    }
    my $wait = grep({ $_->{ms} >= 0 } values %{$self->{timeouts}}) ? 0.01 : 0.05;
    my ($ro, $wo) = ($r, $w);
    select($ro, $wo, undef, $wait) if $r =~ /[^\0]/ || $w =~ /[^\0]/;
    for my $wt (sort { $a <=> $b } keys %{$self->{handles}}) {
        my $h = $self->{handles}{$wt} or next;
        my $ev = 0;
        $ev |= Sys::Virt::Event::HANDLE_READABLE if vec($ro, $h->{fd}, 1);
        $ev |= Sys::Virt::Event::HANDLE_WRITABLE if vec($wo, $h->{fd}, 1);
        $self->_run_handle_callback($wt, $h->{fd}, $ev, $h->{cb}, $h->{opaque})
            if $ev;
    }
    for my $t (sort { $a <=> $b } keys %{$self->{timeouts}}) {
        my $h = $self->{timeouts}{$t} or next;
        $self->_run_timeout_callback($t, $h->{cb}, $h->{opaque})
            if $h->{ms} >= 0;
    }
}

package main;

alarm(60);
my $loop = PerlLoop->new();
my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");

sub show {
    my ($what, $code) = @_;
    my @r = eval { $code->() };
    if ($@) {
        print "$what: error ", (ref $@ ? $@->code . " " . $@->message : $@), "\n";
    } else {
        print "$what: ", join(" ", map { defined $_ ? $_ : "undef" } @r), "\n";
    }
}

sub pump { $loop->run_once() for 1 .. 5 }

# events through the Perl loop
my @seen;
$conn->domain_event_register(sub {
    my ($c, $d, $event, $detail) = @_;
    push @seen, "old " . $d->get_name() . " $event $detail";
});
my $new = $conn->domain_event_register_any(
    $dom, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
    sub { push @seen, "any " . $_[1]->get_name() . " $_[2] $_[3]" });
$dom->suspend();
pump();
$dom->resume();
pump();
print "$_\n" for sort @seen;
@seen = ();
$conn->domain_event_deregister();
$conn->domain_event_deregister_any($new);
$dom->suspend();
pump();
$dom->resume();
pump();
print "after deregistering: ", scalar(@seen), " events\n";

# every event ID registers (and an unknown one is refused by libvirt)
my @ok;
for my $id (0 .. Sys::Virt::Domain::EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE) {
    my $cb = $conn->domain_event_register_any(undef, $id, sub { });
    push @ok, $id if defined $cb;
    $conn->domain_event_deregister_any($cb);
}
print "event IDs registered: ", scalar(@ok), "\n";
show("event ID 99", sub { $conn->domain_event_register_any(undef, 99, sub { }) });
for my $what (qw(network storage_pool node_device secret)) {
    my $reg = "${what}_event_register_any";
    my $dereg = "${what}_event_deregister_any";
    my $n = 0;
    for my $id (0 .. 1) {
        my $cb = eval { $conn->$reg(undef, $id, sub { }) };
        next unless defined $cb;
        $n++;
        $conn->$dereg($cb);
    }
    print "$what event IDs registered: $n\n";
}

# timeouts added from Perl run on the Perl loop
my @fired;
my $timer;
$timer = Sys::Virt::Event::add_timeout(0, sub {
    push @fired, "fired";
    Sys::Virt::Event::remove_timeout($timer);
});
pump();
print "timeout: @fired\n";

show("close callback", sub {
    $conn->register_close_callback(sub { });
    $conn->unregister_close_callback();
    "registered and removed";
});
show("stream callback", sub {
    my $st = $conn->new_stream();
    $st->add_callback(Sys::Virt::Stream::EVENT_READABLE, sub { });
});

# shapes
show("vcpu_info", sub {
    map { join(",", $_->{number}, $_->{state}, $_->{cpu},
               unpack("b*", $_->{affinity})) } $dom->get_vcpu_info();
});
show("vcpu_info config", sub {
    map { join(",", $_->{number}, $_->{state}, $_->{cpuTime}, $_->{cpu},
               unpack("b*", $_->{affinity})) }
        $dom->get_vcpu_info(Sys::Virt::Domain::AFFECT_CONFIG);
});
show("emulator_pin_info", sub { unpack("b*", $dom->get_emulator_pin_info()) });
show("node_cpu_map", sub {
    my ($n, $map, $online) = $conn->get_node_cpu_map();
    ($n, unpack("b*", $map), $online);
});
show("iothread_info", sub {
    $dom->add_iothread(3);
    $dom->set_iothread(3, { Sys::Virt::Domain::IOTHREAD_PARAM_POLL_MAX_NS => 1000,
                            unknown => 1 });
    map { "$_->{number}:" . unpack("b*", $_->{affinity}) } $dom->get_iothread_info();
});
show("fs_info", sub {
    map { "$_->{name},$_->{fstype},$_->{mountpoint}," . join("+", @{$_->{devalias}}) }
        $dom->get_fs_info();
});
show("interface_addresses", sub {
    map { my $i = $_; "$i->{name},$i->{hwaddr}," .
          join("+", map { "$_->{type}/$_->{addr}/$_->{prefix}" } @{$i->{addrs}}) }
        $dom->get_interface_addresses(Sys::Virt::Domain::INTERFACE_ADDRESSES_SRC_LEASE);
});
show("all_domain_stats", sub {
    map { my $s = $_; $s->{dom}->get_name() . ":" .
          join(",", map { "$_=$s->{data}{$_}" } sort keys %{$s->{data}}) }
        $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE);
});
show("all_domain_stats of a list", sub {
    map { $_->{dom}->get_name() . ":" . scalar(keys %{$_->{data}}) }
        $conn->get_all_domain_stats(Sys::Virt::Domain::STATS_STATE, [$dom]);
});
show("cpu_stats", sub {
    map { my $h = $_; join(",", map { "$_=$h->{$_}" } sort keys %$h) }
        $dom->get_cpu_stats(0, 2);
});
show("guest_vcpus", sub { $dom->get_guest_vcpus() });
show("security_label_list", sub { $dom->get_security_label_list() });
show("dhcp_leases", sub { $conn->get_network_by_name("default")->get_dhcp_leases() });
show("set_identity", sub {
    $conn->set_identity({ Sys::Virt::IDENTITY_USER_NAME => "fred" });
});
show("set_launch_security_state", sub {
    $dom->set_launch_security_state({ Sys::Virt::Domain::LAUNCH_SECURITY_SEV_SECRET => "x" });
});
show("block_copy", sub {
    $dom->block_copy("vda", "<disk type='file'><source file='/nonexistent'/></disk>",
                     { Sys::Virt::Domain::BLOCK_COPY_BANDWIDTH => 100 });
});
show("migrate with a hash", sub {
    $dom->migrate($conn, { Sys::Virt::Domain::MIGRATE_PARAM_DEST_NAME => "x" }, 0);
});
show("migrate positional", sub { $dom->migrate($conn, 0, "x", undef, 0) });
show("save with a hash", sub {
    $dom->save("/nonexistent/a", undef, { Sys::Virt::Domain::SAVE_PARAM_FILE => "/nonexistent/b" });
});
show("restore with a hash", sub {
    $conn->restore_domain("/nonexistent/a", undef, {});
});
show("memory_stats", sub {
    my $s = $dom->memory_stats();
    map { "$_=$s->{$_}" } sort keys %$s;
});
show("disk_errors", sub { map { "$_->{path}:$_->{error}" } $dom->get_disk_errors() });
show("fd_associate", sub { $dom->fd_associate("x", [0]) });
show("node device capabilities", sub {
    $conn->get_node_device_by_name("scsi_host1")->list_capabilities();
});
