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

# save($file, $dxml=undef, $params=undef, $flags=0): with a hash,
# virDomainSaveParams (the file and XML given go into it unless the hash
# names them).
sub save {
    my ($self, $file, $dxml, $params, $flags) = @_;
    if ($params) {
        my %p = %$params;
        $p{SAVE_PARAM_FILE()} = $file
            if defined $file && !exists $p{SAVE_PARAM_FILE()};
        $p{SAVE_PARAM_DXML()} = $dxml
            if defined $dxml && !exists $p{SAVE_PARAM_DXML()};
        return $self->_save_params(\%p, $flags || 0);
    }
    return $self->_save_flags($file, $dxml, $flags) if defined $dxml || $flags;
    return $self->_save($file);
}

# migrate($destcon, \%params, $flags=0) or the older positional form
# migrate($destcon, $flags=0, $dname=undef, $uri=undef, $bandwidth=0):
# both virDomainMigrate3; the new domain's handle.
sub migrate {
    my ($self, $destcon, @rest) = @_;
    my ($params, $flags);
    if (ref($rest[0]) eq 'HASH') {
        ($params, $flags) = @rest;
    } else {
        my ($dname, $uri, $bandwidth);
        ($flags, $dname, $uri, $bandwidth) = @rest;
        $params = {};
        $params->{MIGRATE_PARAM_DEST_NAME()} = $dname if defined $dname;
        $params->{MIGRATE_PARAM_URI()} = $uri if defined $uri;
        $params->{MIGRATE_PARAM_BANDWIDTH()} = $bandwidth if $bandwidth;
    }
    return $self->_migrate3($destcon, $params, $flags || 0);
}

# migrate_to_uri($desturi, \%params, $flags=0) or the positional form
# migrate_to_uri($desturi, $flags=0, $dname=undef, $bandwidth=0).
sub migrate_to_uri {
    my ($self, $desturi, @rest) = @_;
    my ($params, $flags);
    if (ref($rest[0]) eq 'HASH') {
        ($params, $flags) = @rest;
    } else {
        my ($dname, $bandwidth);
        ($flags, $dname, $bandwidth) = @rest;
        $params = {};
        $params->{MIGRATE_PARAM_DEST_NAME()} = $dname if defined $dname;
        $params->{MIGRATE_PARAM_BANDWIDTH()} = $bandwidth if $bandwidth;
    }
    return $self->_migrate_to_uri3($desturi, $params, $flags || 0);
}
