# SPDX-License-Identifier: LGPL-2.1-or-later
# Sparse streams: a volume uploaded with sparse_send_all (data, a hole
# skipped, data) and downloaded with sparse_recv_all (its holes to the
# hole handler).  No virtkit driver moves volume data yet, so perl-test.sh
# runs this one (a name ending in -libvirtd) through our Sys::Virt on the
# system's libvirt 9.0, against a throwaway libvirtd in a private mount
# namespace (with-libvirtd.sh), which gives the storage:///system URI.
use strict;
use warnings;
use Sys::Virt;

my $dir = ($ENV{TMPDIR} || "/tmp") . "/sparse-pool-$$";
mkdir $dir or die "$dir: $!";
my $conn = Sys::Virt->new(uri => "storage:///system");
my $pool = $conn->define_storage_pool(
    "<pool type='dir'><name>perl-sparse</name><target><path>$dir</path></target></pool>");
$pool->create();
my $vol = $pool->create_volume(
    "<volume><name>sp.img</name><capacity unit='KiB'>64</capacity>" .
    "<target><format type='raw'/></target></volume>");
my $path = $vol->get_path();

# the source: 4096 bytes of data, a hole of 8192, 100 bytes of data
my @plan = ([1, 4096], [0, 8192], [1, 100]);
my (@holes_asked, @skipped);
my $st = $conn->new_stream();
$vol->upload($st, 0, 0, Sys::Virt::StorageVol::VOL_UPLOAD_SPARSE_STREAM);
$st->sparse_send_all(
    sub {
        my ($s, undef, $n) = @_;
        my $p = $plan[0];
        return 0 unless $p;
        return -1 unless $p->[0];
        my $len = $n < $p->[1] ? $n : $p->[1];
        $_[1] = "x" x $len;
        $p->[1] -= $len;
        shift @plan unless $p->[1];
        return $len;
    },
    sub {
        my $p = $plan[0];
        push @holes_asked, ref($_[0]);
        return (1, 0) unless $p;
        return ($p->[0], $p->[1]);
    },
    sub {
        my ($s, $len) = @_;
        push @skipped, $len;
        $plan[0][1] -= $len;
        shift @plan unless $plan[0][1];
        return 0;
    });
$st->finish();
print "uploaded: size ", -s $path, ", skipped @skipped, hole handler got ",
    ($holes_asked[0] // "nothing"), "\n";

# a long hole at the end, then the download
truncate($path, 1 << 20) or die "truncate: $!";
my ($data, $x, $holes, $calls) = (0, 0, 0, 0);
$st = $conn->new_stream();
$vol->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM);
$st->sparse_recv_all(
    sub { $data += $_[2]; $x += ($_[1] =~ tr/x//); return $_[2] },
    sub { $holes += $_[1]; $calls++; return 0 });
$st->finish();
print "downloaded: data and holes ", $data + $holes, ", x bytes $x, holes seen: ",
    ($holes > 0 ? "yes" : "no"), "\n";

$st = $conn->new_stream();
$vol->download($st, 0, 0, Sys::Virt::StorageVol::VOL_DOWNLOAD_SPARSE_STREAM);
eval { $st->sparse_recv_all(sub { return $_[2] }, sub { return -1 }) };
print "failing hole handler: ", (ref $@ ? "error " . $@->code : "no error"), "\n";
eval { $st->abort() };

$vol->delete(0);
$pool->destroy();
$pool->undefine();
rmdir $dir;
