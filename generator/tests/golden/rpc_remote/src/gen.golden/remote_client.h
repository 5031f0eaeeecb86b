/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_client.h: the remote driver's tables, and the hand-written
 * callbacks (src/remote/) they refer to. */
#pragma once

#include "datatypes.h"

/* Hand-written callbacks (src/remote/remote_client_manual.c) */

/* One table per driver kind: generated and hand-written callbacks; the
 * remote driver adds the ones no procedure serves (open, close, alive). */
extern virHypervisorDriver remoteHypervisorDriver;
extern virNetworkDriver remoteNetworkDriver;
extern virStorageDriver remoteStorageDriver;
extern virInterfaceDriver remoteInterfaceDriver;
extern virNodeDeviceDriver remoteNodeDeviceDriver;
extern virSecretDriver remoteSecretDriver;
extern virNWFilterDriver remoteNWFilterDriver;
