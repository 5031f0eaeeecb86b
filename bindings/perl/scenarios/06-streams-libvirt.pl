# SPDX-License-Identifier: LGPL-2.1-or-later
# Streams (mirrors the Python binding's binding_streams.py): a screenshot
# read with recv and with recv_all, and a failing handler.  virtkit's test
# driver has no screenshot yet, so perl-test.sh runs this one (a name
# ending in -libvirt) through our Sys::Virt on the system's libvirt 9.0.
use strict;
use warnings;
use Sys::Virt;
use Digest::SHA qw(sha256_hex);

my $conn = Sys::Virt->new(uri => "test:///default");
my $dom = $conn->get_domain_by_name("test");

sub digest { my $d = shift; return length($d) . " " . substr(sha256_hex($d), 0, 12) }

my $st = $conn->new_stream();
print "mime: ", $dom->screenshot($st, 0), "\n";
my ($all, $buf) = ("", "");
while (1) {
    my $n = $st->recv($buf, 1000);
    last if $n == 0;
    $all .= $buf;
}
$st->finish();
print "recv: ", digest($all), "\n";

$st = $conn->new_stream();
$dom->screenshot($st, 0);
my $got = "";
$st->recv_all(sub { my ($s, $data, $n) = @_; $got .= $data; return $n });
$st->finish();
print "recv_all: ", digest($got), "\n";

$st = $conn->new_stream();
$dom->screenshot($st, 0);
eval { $st->recv_all(sub { return -1 }) };
print "failing handler: ", (ref $@ ? "code=" . $@->code . " " . $@->message : "died $@"), "\n";
eval { $st->abort() };
print "done\n";
