# Sys::Virt->new(uri => URI, readonly => BOOL, auth => BOOL,
#                credlist => [Sys::Virt::CRED_*], callback => CODE,
#                flags => Sys::Virt::CONNECT_*)
sub new {
    my ($class, %params) = @_;
    my $uri = exists $params{uri} ? $params{uri} : $params{address};
    my $readonly = $params{readonly} ? 1 : 0;
    my $flags = $params{flags} || 0;
    $flags |= CONNECT_RO() if $readonly;
    my $self;
    if ($params{auth}) {
        my $credlist = $params{credlist} ||
            [CRED_AUTHNAME(), CRED_PASSPHRASE()];
        my $cb = $params{callback} || sub { return -1 };
        $self = _open_auth($uri, $credlist, $cb, $flags);
    } else {
        $self = _open($uri, $readonly);
    }
    return bless $self, $class if $class ne 'Sys::Virt';
    return $self;
}

# The handle lists Sys::Virt builds from names and ids.
sub list_domains {
    my $self = shift;
    my $n = $self->num_of_domains();
    return () unless $n;
    return map { $self->get_domain_by_id($_) } $self->list_domain_ids($n);
}

sub list_defined_domains {
    my $self = shift;
    my $n = $self->num_of_defined_domains();
    return () unless $n;
    return map { $self->get_domain_by_name($_) }
        $self->list_defined_domain_names($n);
}

my %_by_name = (
    networks => ['num_of_networks', 'list_network_names', 'get_network_by_name'],
    defined_networks => ['num_of_defined_networks', 'list_defined_network_names',
                         'get_network_by_name'],
    storage_pools => ['num_of_storage_pools', 'list_storage_pool_names',
                      'get_storage_pool_by_name'],
    defined_storage_pools => ['num_of_defined_storage_pools',
                              'list_defined_storage_pool_names',
                              'get_storage_pool_by_name'],
    interfaces => ['num_of_interfaces', 'list_interface_names',
                   'get_interface_by_name'],
    defined_interfaces => ['num_of_defined_interfaces',
                           'list_defined_interface_names',
                           'get_interface_by_name'],
    nwfilters => ['num_of_nwfilters', 'list_nwfilter_names',
                  'get_nwfilter_by_name'],
    secrets => ['num_of_secrets', 'list_secret_uuids', 'get_secret_by_uuid'],
);

for my $what (keys %_by_name) {
    my ($num, $names, $get) = @{$_by_name{$what}};
    no strict 'refs';
    *{"list_$what"} = sub {
        my $self = shift;
        my $n = $self->$num();
        return () unless $n;
        return map { $self->$get($_) } $self->$names($n);
    };
}

sub list_node_devices {
    my ($self, $cap, $flags) = @_;
    my $n = $self->num_of_node_devices($cap, $flags);
    return () unless $n;
    return map { $self->get_node_device_by_name($_) }
        $self->list_node_device_names($cap, $n, $flags);
}

sub get_storage_pool_by_volume {
    my ($self, $vol) = @_;
    return $vol->get_storage_pool_by_volume();
}

# Versions: on a connection the hypervisor's (get_version) or the
# library's as the connection sees it (get_library_version); called as a
# plain function, get_version answers the library's own.  The parts are
# major * 1000000 + minor * 1000 + micro.
sub get_version {
    my $self = shift;
    return ref($self) ? $self->_get_conn_version() : _get_library_version();
}

sub get_library_version {
    my $self = shift;
    return $self->_get_conn_library_version();
}

# (Divisions, not int(): the parts are numbers of the same kind as
# Sys::Virt's, which Data::Dumper shows alike.)
sub get_major_version {
    my $v = $_[0]->get_version();
    return ($v - $v % 1000000) / 1000000;
}

sub get_minor_version {
    my $v = $_[0]->get_version() % 1000000;
    return ($v - $v % 1000) / 1000;
}

sub get_micro_version { return $_[0]->get_version() % 1000 }

# restore_domain($file, $dxml=undef, $params=undef, $flags=0): as save.
sub restore_domain {
    my ($self, $file, $dxml, $params, $flags) = @_;
    if ($params) {
        my %p = %$params;
        $p{Sys::Virt::Domain::SAVE_PARAM_FILE()} = $file
            if defined $file && !exists $p{Sys::Virt::Domain::SAVE_PARAM_FILE()};
        $p{Sys::Virt::Domain::SAVE_PARAM_DXML()} = $dxml
            if defined $dxml && !exists $p{Sys::Virt::Domain::SAVE_PARAM_DXML()};
        return $self->_restore_params(\%p, $flags || 0);
    }
    return $self->_restore_domain_flags($file, $dxml, $flags)
        if defined $dxml || $flags;
    return $self->_restore_domain($file);
}
