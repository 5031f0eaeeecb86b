/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_dispatch.c: the daemon's procedure functions whose wire
 * payloads and C arguments match by name: decode the arguments into
 * handles and values, call the public API on the client's connection,
 * encode the out-arguments and the return value; and the relays that send
 * event messages to the clients that registered. */
#include <config.h>

#include <string.h>

#include "datatypes.h"
#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_events.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "remote/remote_handles.h"
#include "remote/remote_typed_params.h"
#include "util/virerror.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

const virNetServerProcFunc remoteDispatchProcs[0] = {
};

const size_t remoteDispatchNProcs = 0;

const remoteDaemonEventDesc remoteDaemonDomainEvents[0] = {
};

const remoteDaemonEventDesc remoteDaemonNetworkEvents[0] = {
};

const remoteDaemonEventDesc remoteDaemonStoragePoolEvents[0] = {
};

const remoteDaemonEventDesc remoteDaemonNodeDeviceEvents[0] = {
};

const remoteDaemonEventDesc remoteDaemonSecretEvents[0] = {
};
