/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_dispatch.h: the daemon's function for every served procedure
 * of the remote program, by number, the hand-written ones (src/daemon/)
 * it refers to, and the daemon's event relays by event ID. */
#pragma once

#include <stddef.h>

#include "datatypes.h"
#include "rpc/virnetserver.h"

/* Hand-written procedure functions (src/daemon/remote_dispatch_manual.c,
 * remote_daemon_events.c) */

/* Indexed by procedure number; NULL: not served. */
extern const virNetServerProcFunc remoteDispatchProcs[];
extern const size_t remoteDispatchNProcs;

/* An event the daemon relays: its C callback (registered with a
 * remoteDaemonEventReg as opaque) and, for domain events that have one,
 * the legacy message procedure (0: none). */
typedef struct {
    void (*func)(void);
    int legacyProc;
} remoteDaemonEventDesc;

/* virDomainEventID -> relay; func NULL: not relayed. */
extern const remoteDaemonEventDesc remoteDaemonDomainEvents[0];
/* virNetworkEventID -> relay; func NULL: not relayed. */
extern const remoteDaemonEventDesc remoteDaemonNetworkEvents[0];
/* virStoragePoolEventID -> relay; func NULL: not relayed. */
extern const remoteDaemonEventDesc remoteDaemonStoragePoolEvents[0];
/* virNodeDeviceEventID -> relay; func NULL: not relayed. */
extern const remoteDaemonEventDesc remoteDaemonNodeDeviceEvents[0];
/* virSecretEventID -> relay; func NULL: not relayed. */
extern const remoteDaemonEventDesc remoteDaemonSecretEvents[0];

/* Hand-written relays (src/daemon/remote_daemon_events.c) */
