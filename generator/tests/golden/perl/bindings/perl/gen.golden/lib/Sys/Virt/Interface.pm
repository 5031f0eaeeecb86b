# Generated from api/virt-api.xml by generator/targets/perl.py. DO NOT EDIT.
package Sys::Virt::Interface;

use strict;
use warnings;

use constant {
};


1;
