# list_child_snapshots: handles for the children, found by name on the
# snapshot's domain.
sub list_child_snapshots {
    my ($self, $flags) = @_;
    $flags ||= 0;
    my $n = $self->num_of_child_snapshots($flags);
    return () unless $n;
    my $dom = $self->get_domain();
    return map { $dom->get_snapshot_by_name($_) }
        $self->list_child_snapshot_names($n, $flags);
}
