# SPDX-License-Identifier: LGPL-2.1-or-later
# Errors as Sys::Virt programs see them (mirrors the Python binding's
# scenario_errors.py): Sys::Virt::Error's accessors and string form,
# read-only connections, credentials, bad arguments.
use strict;
use warnings;
use Sys::Virt;

sub fail {
    my ($label, $code) = @_;
    eval { $code->() };
    my $e = $@;
    if (!$e) {
        print "$label: no error\n";
    } elsif (ref($e) && $e->isa('Sys::Virt::Error')) {
        printf "%s: code=%d domain=%d level=%d message=%s\n", $label,
            $e->code, $e->domain, $e->level, $e->message;
        print "$label: as string: $e";
    } else {
        $e =~ s/ at \S+ line \d+\.\n//;
        print "$label: died: $e\n";
    }
}

my $conn = Sys::Virt->new(uri => "test:///default");
fail("missing domain", sub { $conn->get_domain_by_name("nope") });
fail("missing id", sub { $conn->get_domain_by_id(4242) });
fail("bad uuid string", sub { $conn->get_domain_by_uuid("not-a-uuid") });
fail("missing network", sub { $conn->get_network_by_name("nope") });
fail("missing pool", sub { $conn->get_storage_pool_by_name("nope") });
fail("bad xml", sub { $conn->define_domain("<domain") });
fail("start running domain", sub { $conn->get_domain_by_name("test")->create() });
fail("error constants", sub {
    die "mismatch\n" unless Sys::Virt::Error::ERR_NO_DOMAIN == 42 &&
        Sys::Virt::Error::FROM_TEST == 12 &&
        Sys::Virt::Error::LEVEL_ERROR == 2;
});
fail("not an object", sub { Sys::Virt::Domain::get_name("nope") });

my $ro = Sys::Virt->new(uri => "test:///default", readonly => 1);
print "read-only lookup ", $ro->get_domain_by_name("test")->get_name(), "\n";
fail("read-only destroy", sub { $ro->get_domain_by_name("test")->destroy() });
undef $ro;

my @asked;
my $ac = Sys::Virt->new(uri => "test:///default", auth => 1,
                        credlist => [Sys::Virt::CRED_AUTHNAME,
                                     Sys::Virt::CRED_PASSPHRASE],
                        callback => sub {
                            my $creds = shift;
                            for my $c (@$creds) {
                                push @asked, $c->{type};
                                $c->{result} = "secret";
                            }
                            return 0;
                        });
print "auth ", $ac->get_uri(), " ", $ac->get_domain_by_name("test")->get_name(),
    "\n";
undef $ac;

fail("missing test file", sub { Sys::Virt->new(uri => "test:///no/such/file.xml") });
undef $conn;
print "done\n";
