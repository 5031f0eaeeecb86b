# get_time: [seconds, nanoseconds], as Sys::Virt gives it.
sub get_time {
    my $self = shift;
    return [$self->_get_time(@_)];
}

# block_stats($path, $flags=0): the statistics hash; with flags, the
# typed parameter form (virDomainBlockStatsFlags).
sub block_stats {
    my ($self, $path, $flags) = @_;
    return $self->_block_stats_flags($path, $flags) if $flags;
    return $self->_block_stats($path);
}

# list_snapshots: handles for the domain's snapshots, found by name.
sub list_snapshots {
    my ($self, $flags) = @_;
    $flags ||= 0;
    my $n = $self->num_of_snapshots($flags);
    return () unless $n;
    return map { $self->get_snapshot_by_name($_) }
        $self->list_snapshot_names($n, $flags);
}

# save($file, $dxml=undef, $params=undef, $flags=0): the typed parameter
# form (virDomainSaveParams) is not bound yet.
sub save {
    my ($self, $file, $dxml, $params, $flags) = @_;
    die "save: the parameter hash form is not supported by this binding yet\n"
        if $params;
    return $self->_save_flags($file, $dxml, $flags) if defined $dxml || $flags;
    return $self->_save($file);
}
