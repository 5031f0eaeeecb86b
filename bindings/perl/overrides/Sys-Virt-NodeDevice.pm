# list_capabilities: the device's capability names, counted first.
sub list_capabilities {
    my $self = shift;
    my $n = $self->num_of_caps();
    return () unless $n;
    return $self->_list_capabilities($n);
}
