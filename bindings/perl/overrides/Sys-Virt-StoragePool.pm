# list_volumes: handles for the pool's volumes, found by name.
sub list_volumes {
    my $self = shift;
    my $n = $self->num_of_storage_volumes();
    return () unless $n;
    return map { $self->get_volume_by_name($_) }
        $self->list_storage_vol_names($n);
}
