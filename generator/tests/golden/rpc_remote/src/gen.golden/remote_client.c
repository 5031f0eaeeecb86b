/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_client.c: the remote driver's callbacks whose C arguments and
 * wire payloads match by name: encode the arguments, call, decode the
 * reply into the out-arguments and the return value. */
#include <config.h>

#include <string.h>

#include "gen/remote_client.h"
#include "gen/remote_protocol.h"
#include "remote/remote_driver.h"
#include "remote/remote_handles.h"

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
