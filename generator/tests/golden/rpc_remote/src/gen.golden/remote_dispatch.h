/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_dispatch.h: the daemon's function for every served procedure
 * of the remote program, by number, and the hand-written ones
 * (src/daemon/) it refers to. */
#pragma once

#include <stddef.h>

#include "rpc/virnetserver.h"

/* Hand-written procedure functions (src/daemon/remote_dispatch_manual.c) */

/* Indexed by procedure number; NULL: not served. */
extern const virNetServerProcFunc remoteDispatchProcs[];
extern const size_t remoteDispatchNProcs;
