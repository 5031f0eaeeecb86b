/* datatypes.h: the handle objects behind the public virXxxPtr types.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A handle is what the user holds: refcounted, it names an object a driver
 * owns (by name/uuid/id etc.) and keeps its connection alive.  Drivers create
 * handles with the virGetXxx() constructors and never free them directly.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "gen/driver.h"
#include "util/virobject.h"

#define VIR_UUID_RAW_LEN 16

/* One registered set of drivers, chosen by URI when a connection opens. */
typedef struct _virConnectDriver virConnectDriver;
struct _virConnectDriver {
    const char *name;                 /* for logs */
    /* NULL-terminated list of URI schemes this driver claims ("test"). */
    const char * const *uriSchemes;
    /* true: only claims local URIs (no host part). */
    bool localOnly;
    virHypervisorDriver *hypervisorDriver;
    virNetworkDriver *networkDriver;
    virStorageDriver *storageDriver;
    virInterfaceDriver *interfaceDriver;
    virNodeDeviceDriver *nodeDeviceDriver;
    virSecretDriver *secretDriver;
    virNWFilterDriver *nwfilterDriver;
};

int virRegisterConnectDriver(virConnectDriver *driver);

typedef struct _virConnectCloseCallbackData virConnectCloseCallbackData;
struct _virConnectCloseCallbackData {
    virConnectCloseFunc callback;
    void *opaque;
    virFreeCallback freeCallback;
};

struct _virConnect {
    virObject parent;
    GMutex lock;                       /* guards err, handlers, closeCb */
    char *uri;                         /* canonical URI string */
    unsigned int flags;                /* VIR_CONNECT_RO, ... */
    virConnectDriver *driver;
    void *privateData;                 /* the hypervisor driver's state */
    void *networkPrivateData;
    void *storagePrivateData;

    virError err;                      /* last error on this connection */
    virErrorFunc handler;              /* per-connection error handler */
    void *userData;

    virConnectCloseCallbackData closeCb;
};

struct _virDomain {
    virObject parent;
    virConnectPtr conn;
    char *name;
    int id;                            /* -1 when inactive */
    unsigned char uuid[VIR_UUID_RAW_LEN];
};

struct _virNetwork {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_RAW_LEN];
};

struct _virNetworkPort {
    virObject parent;
    virNetworkPtr net;
    unsigned char uuid[VIR_UUID_RAW_LEN];
};

struct _virInterface {
    virObject parent;
    virConnectPtr conn;
    char *name;
    char *mac;
};

struct _virStoragePool {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_RAW_LEN];
    void *privateData;
    virFreeCallback privateDataFreeFunc;
};

struct _virStorageVol {
    virObject parent;
    virConnectPtr conn;
    char *pool;
    char *name;
    char *key;
    void *privateData;
    virFreeCallback privateDataFreeFunc;
};

struct _virNodeDevice {
    virObject parent;
    virConnectPtr conn;
    char *name;
    char *parentName;
};

struct _virSecret {
    virObject parent;
    virConnectPtr conn;
    unsigned char uuid[VIR_UUID_RAW_LEN];
    int usageType;
    char *usageID;
};

struct _virNWFilter {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_RAW_LEN];
};

struct _virNWFilterBinding {
    virObject parent;
    virConnectPtr conn;
    char *portdev;
    char *filtername;
};

struct _virDomainSnapshot {
    virObject parent;
    char *name;
    virDomainPtr domain;
};

struct _virDomainCheckpoint {
    virObject parent;
    char *name;
    virDomainPtr domain;
};

typedef struct _virStreamDriver virStreamDriver;
struct _virStreamDriver {
    int (*streamSend)(virStreamPtr st, const char *data, size_t nbytes);
    int (*streamRecv)(virStreamPtr st, char *data, size_t nbytes);
    int (*streamRecvFlags)(virStreamPtr st, char *data, size_t nbytes,
                           unsigned int flags);
    int (*streamSendHole)(virStreamPtr st, long long length,
                          unsigned int flags);
    int (*streamRecvHole)(virStreamPtr st, long long *length,
                          unsigned int flags);
    int (*streamInData)(virStreamPtr st, int *data, long long *length);
    int (*streamEventAddCallback)(virStreamPtr st, int events,
                                  virStreamEventCallback cb, void *opaque,
                                  virFreeCallback ff);
    int (*streamEventUpdateCallback)(virStreamPtr st, int events);
    int (*streamEventRemoveCallback)(virStreamPtr st);
    int (*streamFinish)(virStreamPtr st);
    int (*streamAbort)(virStreamPtr st);
};

struct _virStream {
    virObject parent;
    virConnectPtr conn;
    unsigned int flags;
    virStreamDriver *driver;
    void *privateData;
    virFreeCallback ff;
};

/* Constructors: return a new reference, or NULL with an error set. */
virConnectPtr virGetConnect(void);
virDomainPtr virGetDomain(virConnectPtr conn, const char *name,
                          const unsigned char *uuid, int id);
virNetworkPtr virGetNetwork(virConnectPtr conn, const char *name,
                            const unsigned char *uuid);
virNetworkPortPtr virGetNetworkPort(virNetworkPtr net,
                                    const unsigned char *uuid);
virInterfacePtr virGetInterface(virConnectPtr conn, const char *name,
                                const char *mac);
virStoragePoolPtr virGetStoragePool(virConnectPtr conn, const char *name,
                                    const unsigned char *uuid,
                                    void *privateData,
                                    virFreeCallback freeFunc);
virStorageVolPtr virGetStorageVol(virConnectPtr conn, const char *pool,
                                  const char *name, const char *key,
                                  void *privateData,
                                  virFreeCallback freeFunc);
virNodeDevicePtr virGetNodeDevice(virConnectPtr conn, const char *name);
virSecretPtr virGetSecret(virConnectPtr conn, const unsigned char *uuid,
                          int usageType, const char *usageID);
virNWFilterPtr virGetNWFilter(virConnectPtr conn, const char *name,
                              const unsigned char *uuid);
virNWFilterBindingPtr virGetNWFilterBinding(virConnectPtr conn,
                                            const char *portdev,
                                            const char *filtername);
virDomainSnapshotPtr virGetDomainSnapshot(virDomainPtr domain,
                                          const char *name);
virDomainCheckpointPtr virGetDomainCheckpoint(virDomainPtr domain,
                                              const char *name);
virStreamPtr virGetStream(virConnectPtr conn);

/* Type checks used by the generated entry points. */
bool virObjectIsConnect(const void *obj);
bool virObjectIsDomain(const void *obj);
bool virObjectIsNetwork(const void *obj);
bool virObjectIsNetworkPort(const void *obj);
bool virObjectIsInterface(const void *obj);
bool virObjectIsStoragePool(const void *obj);
bool virObjectIsStorageVol(const void *obj);
bool virObjectIsNodeDevice(const void *obj);
bool virObjectIsSecret(const void *obj);
bool virObjectIsNWFilter(const void *obj);
bool virObjectIsNWFilterBinding(const void *obj);
bool virObjectIsDomainSnapshot(const void *obj);
bool virObjectIsDomainCheckpoint(const void *obj);
bool virObjectIsStream(const void *obj);
