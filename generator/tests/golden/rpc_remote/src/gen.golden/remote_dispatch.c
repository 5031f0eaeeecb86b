/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_dispatch.c: the daemon's procedure functions whose wire
 * payloads and C arguments match by name: decode the arguments into
 * handles and values, call the public API on the client's connection,
 * encode the out-arguments and the return value. */
#include <config.h>

#include <string.h>

#include "datatypes.h"
#include "daemon/remote_daemon.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "remote/remote_handles.h"
#include "util/virobject.h"

const virNetServerProcFunc remoteDispatchProcs[0] = {
};

const size_t remoteDispatchNProcs = 0;
