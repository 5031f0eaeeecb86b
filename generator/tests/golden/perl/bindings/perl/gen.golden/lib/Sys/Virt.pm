# Generated from api/virt-api.xml by generator/targets/perl.py. DO NOT EDIT.
package Sys::Virt;

use strict;
use warnings;

our $VERSION = '9.0.0';
require XSLoader;
XSLoader::load('Sys::Virt', $VERSION);
require Sys::Virt::Domain;
require Sys::Virt::Network;
require Sys::Virt::NetworkPort;
require Sys::Virt::StoragePool;
require Sys::Virt::StorageVol;
require Sys::Virt::Interface;
require Sys::Virt::NodeDevice;
require Sys::Virt::Secret;
require Sys::Virt::NWFilter;
require Sys::Virt::NWFilterBinding;
require Sys::Virt::DomainSnapshot;
require Sys::Virt::DomainCheckpoint;
require Sys::Virt::Stream;
require Sys::Virt::Error;
require Sys::Virt::Event;

use constant {
    TYPED_PARAM_INT => 1,
    TYPED_PARAM_STRING => 7,
    TYPED_PARAM_FIELD_LENGTH => 80,
};


1;
