# SPDX-License-Identifier: LGPL-2.1-or-later
# Every IDL function of libvirt.so is reachable from Perl (generated, custom,
# merged into its Flags variant, or a handle's lifecycle) or skipped with
# its reason; the ones the generator cannot make yet are TODO tests, so they
# stay visible.
use strict;
use warnings;
use Test::More;
use Sys::Virt;

my ($tsv, $idl) = @ENV{qw(VKPL_COVERAGE VKPL_IDL)};
plan skip_all => 'VKPL_COVERAGE and VKPL_IDL not set' unless $tsv && $idl;

my %idl;
open(my $fh, '<', $idl) or die "$idl: $!";
while (<$fh>) {
    next unless /<function name="(\w+)" file="([\w-]+)"/;
    next if $2 eq 'libvirt-qemu' || $2 eq 'libvirt-lxc';
    $idl{$1} = 1;
}
close $fh;

my (%row, %count);
open($fh, '<', $tsv) or die "$tsv: $!";
while (<$fh>) {
    chomp;
    next if /^#/;
    my ($func, $how, $package, $method, $note) = split /\t/, $_, 5;
    ok(!exists $row{$func}, "$func listed once");
    $row{$func} = [$how, $package, $method, $note // ''];
    $count{$how}++;
}
close $fh;

for my $func (sort keys %idl) {
    my $r = $row{$func};
    if (!$r) {
        fail("$func is in coverage.tsv");
        next;
    }
    my ($how, $package, $method, $note) = @$r;
    if ($how =~ /^(generated|custom|merged)$/) {
        ok($package->can($method), "$func: ${package}::$method ($how)");
    } elsif ($how eq 'skip' || $how eq 'lifecycle') {
        ok(length($note) > 0, "$func: $how, because $note");
    } elsif ($how eq 'todo') {
        TODO: {
            local $TODO = "not generated yet: $note";
            fail("$func is bound");
        }
    } else {
        fail("$func: unknown way '$how'");
    }
}
ok(!grep({ !$idl{$_} } keys %row), 'coverage.tsv lists only IDL functions');
diag("coverage: " . join(", ", map { "$_ $count{$_}" } sort keys %count) .
     " of " . scalar(keys %idl) . " functions");
done_testing();
