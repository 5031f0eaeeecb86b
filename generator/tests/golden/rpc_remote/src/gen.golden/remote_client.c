/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_client.c: the remote driver's callbacks whose C arguments and
 * wire payloads match by name: encode the arguments, call, decode the
 * reply into the out-arguments and the return value; and the delivery of
 * event messages to the application's callbacks. */
#include <config.h>

#include <string.h>

#include "gen/remote_client.h"
#include "gen/remote_protocol.h"
#include "remote/remote_driver.h"
#include "remote/remote_handles.h"
#include "remote/remote_typed_params.h"
#include "util/virerror.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

virHypervisorDriver remoteHypervisorDriver = {
    .name = "remote",
};

virNetworkDriver remoteNetworkDriver = {
    .name = "remote",
};

virStorageDriver remoteStorageDriver = {
    .name = "remote",
};

virInterfaceDriver remoteInterfaceDriver = {
    .name = "remote",
};

virNodeDeviceDriver remoteNodeDeviceDriver = {
    .name = "remote",
};

virSecretDriver remoteSecretDriver = {
    .name = "remote",
};

virNWFilterDriver remoteNWFilterDriver = {
    .name = "remote",
};

const remoteEventMsgDesc remoteEventMsgs[] = {
};

const size_t remoteEventNMsgs = G_N_ELEMENTS(remoteEventMsgs);
