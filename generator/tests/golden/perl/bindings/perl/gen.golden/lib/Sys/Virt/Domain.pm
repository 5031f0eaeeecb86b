# Generated from api/virt-api.xml by generator/targets/perl.py. DO NOT EDIT.
package Sys::Virt::Domain;

use strict;
use warnings;

use constant {
    STATE_NOSTATE => 0,
    STATE_RUNNING => 1,
    STATE_PAUSED => 3,
    STATE_PMSUSPENDED => 7,
    AFFECT_CURRENT => 0,
    AFFECT_LIVE => 1,
    AFFECT_CONFIG => 2,
    XML_SECURE => 1,
    XML_INACTIVE => 2,
    XML_MIGRATABLE => 8,
    XML_HIGH_BIT => 18446744071562067968,
    DESTROY_DEFAULT => 0,
    DESTROY_GRACEFUL => 1,
    DESTROY_CURRENT => 0,
    SCHEDULER_WEIGHT => 'weight',
};


1;
