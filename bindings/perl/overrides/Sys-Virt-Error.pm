use overload ('""' => 'stringify', fallback => 1);

sub code { return $_[0]->{code} }
sub domain { return $_[0]->{domain} }
# Sys::Virt 9.0's level() answers the error code, not the level (its
# {level} member is right): programs see the same here.
sub level { return $_[0]->{code} }
sub message { return $_[0]->{message} }

sub stringify {
    my $self = shift;
    return "libvirt error code: $self->{code}, message: $self->{message}\n";
}
