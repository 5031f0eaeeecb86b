# An event loop written in Perl: Sys::Virt::Event->register($impl) (or
# $impl->register) makes $impl, an object of a subclass, the loop libvirt
# uses.  libvirt's requests reach it through the _add_handle ... functions
# (called from C, vkpl-loop.h) as method calls of the same names without
# the underscore; the loop answers events through the _run_* methods.
our $eventimpl;

sub register {
    my $impl = shift;
    die "event implementation must be a subclass of Sys::Virt::Event"
        unless ref($impl) && $impl->isa("Sys::Virt::Event");
    $eventimpl = $impl;
    _register_impl();
}

sub _add_handle { return $eventimpl->add_handle(@_) }
sub _update_handle { return $eventimpl->update_handle(@_) }
sub _remove_handle { return $eventimpl->remove_handle(@_) }
sub _add_timeout { return $eventimpl->add_timeout(@_) }
sub _update_timeout { return $eventimpl->update_timeout(@_) }
sub _remove_timeout { return $eventimpl->remove_timeout(@_) }

# ($self, $watch, $fd, $events, $cb, $opaque): run the library's handler.
sub _run_handle_callback {
    my $self = shift;
    _run_handle_callback_helper(@_);
}

# ($self, $timer, $cb, $opaque)
sub _run_timeout_callback {
    my $self = shift;
    _run_timeout_callback_helper(@_);
}

# ($self, $ff, $opaque): release the data of a removed handle or timeout.
sub _free_callback_opaque {
    my $self = shift;
    _free_callback_opaque_helper(@_);
}
