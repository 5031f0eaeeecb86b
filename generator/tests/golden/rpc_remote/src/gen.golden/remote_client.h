/* Generated from api/virt-api.xml by generator/targets/rpc_remote.py. DO NOT EDIT. */
/* gen/remote_client.h: the remote driver's tables, the hand-written
 * callbacks (src/remote/) they refer to, and the event messages the
 * client delivers. */
#pragma once

#include "datatypes.h"
#include "gen/remote_protocol.h"

/* Hand-written callbacks (src/remote/remote_client_manual.c, remote_events.c) */

/* One table per driver kind: generated and hand-written callbacks; the
 * remote driver adds the ones no procedure serves (open, close, alive). */
extern virHypervisorDriver remoteHypervisorDriver;
extern virNetworkDriver remoteNetworkDriver;
extern virStorageDriver remoteStorageDriver;
extern virInterfaceDriver remoteInterfaceDriver;
extern virNodeDeviceDriver remoteNodeDeviceDriver;
extern virSecretDriver remoteSecretDriver;
extern virNWFilterDriver remoteNWFilterDriver;

/* The object kinds of events. */
typedef enum {
    REMOTE_EVENT_KIND_DOMAIN = 0,
    REMOTE_EVENT_KIND_NETWORK = 1,
    REMOTE_EVENT_KIND_STORAGEPOOL = 2,
    REMOTE_EVENT_KIND_NODEDEVICE = 3,
    REMOTE_EVENT_KIND_SECRET = 4,
} remoteEventKind;

/* Calls the application's callback `cb` (of the event's C type) with the
 * decoded message `data`. */
typedef void (*remoteEventDeliverFunc)(virConnectPtr conn, void *data,
                                       void (*cb)(void), void *opaque);

/* A callback-id event message the client knows: its procedure, object
 * kind, event ID, payload and delivery. */
typedef struct {
    int proc;
    int kind;
    int eventID;
    xdrproc_t filter;
    size_t size;
    remoteEventDeliverFunc deliver;
} remoteEventMsgDesc;

extern const remoteEventMsgDesc remoteEventMsgs[];
extern const size_t remoteEventNMsgs;

/* Hand-written deliveries (src/remote/remote_events.c) */
