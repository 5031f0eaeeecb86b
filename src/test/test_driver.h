/* test_driver.h: the test hypervisor's private state, shared by the files
 * of src/test (core, domains, networks, storage, interfaces, node devices,
 * events and the <node> file loader).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * One testDriver is one simulated host.  test:///default shares a single
 * instance between all connections of the process; test:///PATH.xml gets a
 * private one.  Every field below `lock` is guarded by it; callbacks into
 * the application (events) never run with it held.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libvirt/libvirt.h>

#include "datatypes.h"
#include "conf/domain_conf.h"
#include "conf/network_conf.h"
#include "conf/storage_conf.h"
#include "conf/node_device_conf.h"
#include "test/test_interface_conf.h"

/* Report in another error domain than the file's VIR_FROM_THIS (libvirt
 * raises some of the test driver's errors from its conf or util code). */
#define testReportErrorIn(dom, code, ...) \
    virReportErrorFull(dom, code, __FILE__, __func__, __LINE__, __VA_ARGS__)

/* libvirt reports argument errors without the "invalid argument: "
 * prefix (its virReportInvalidArg): the message is the text alone, and
 * the error names the public function (str1) and the argument (str2). */
#define testRaiseInvalidArg(dom, func, arg, ...) \
    virRaiseErrorFull(__FILE__, __func__, __LINE__, dom, \
                      VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, func, arg, NULL, \
                      0, 0, __VA_ARGS__)

#define TEST_MAX_CELLS 128

typedef struct _testCell testCell;
struct _testCell {
    unsigned long long mem;      /* KiB */
    unsigned long long freeMem;  /* KiB */
    int ncpus;
    int firstCpu;
};

typedef struct _testDomObj testDomObj;
struct _testDomObj {
    virDomainDef *def;        /* the live definition while running */
    virDomainDef *newDef;     /* persistent config while running, or NULL */
    int state;                /* virDomainState */
    int reason;
    bool persistent;
    bool autostart;
    bool hasManagedSave;
};

typedef struct _testNetObj testNetObj;
struct _testNetObj {
    virNetworkDef *def;
    virNetworkDef *newDef;    /* defined while active (never applied,
                                 like libvirt's test driver) */
    bool active;
    bool persistent;
    bool autostart;
};

typedef struct _testPoolObj testPoolObj;
struct _testPoolObj {
    virStoragePoolDef *def;
    bool active;
    bool persistent;
    bool autostart;
    GPtrArray *vols;          /* virStorageVolDef * */
};

typedef struct _testIfaceObj testIfaceObj;
struct _testIfaceObj {
    testInterfaceDef *def;
    bool active;
};

typedef struct _testEventState testEventState;

/* <auth><user password='PW'>NAME</user></auth> of a <node> file. */
typedef struct _testAuth testAuth;
struct _testAuth {
    char *username;
    char *password;
};

typedef struct _testDriver testDriver;
struct _testDriver {
    GMutex lock;
    bool isDefault;

    virNodeInfo nodeInfo;
    size_t numCells;
    testCell cells[TEST_MAX_CELLS];

    int nextDomID;
    GPtrArray *domains;       /* testDomObj * */
    GPtrArray *networks;      /* testNetObj * */
    GPtrArray *pools;         /* testPoolObj * */
    GPtrArray *ifaces;        /* testIfaceObj * */
    GPtrArray *devs;          /* virNodeDeviceDef * */

    testEventState *events;   /* has its own lock */

    size_t nauths;            /* users a connection must log in as */
    testAuth *auths;
};

/* test_driver.c */
testDriver *testDriverNew(void);
void testDriverFree(testDriver *drv);
const virDomainXMLOption *testDomainXMLOption(void);

/* test_driver_load.c: fill a new instance from a <node> document. */
testDriver *testDriverLoadDefault(void);
testDriver *testDriverLoadFile(const char *path);

/* test_driver_events.c: events of every object kind share one list of
 * callbacks (and one sequence of callback ids) per instance. */
testEventState *testEventStateNew(void);
void testEventStateFree(testEventState *state);
void testEventQueueDomainLifecycle(testEventState *state, const char *name,
                                   const unsigned char *uuid, int id,
                                   int event, int detail);
void testEventQueueNetworkLifecycle(testEventState *state, const char *name,
                                    const unsigned char *uuid, int event);
void testEventQueuePoolLifecycle(testEventState *state, const char *name,
                                 const unsigned char *uuid, int event);
void testEventQueuePoolRefresh(testEventState *state, const char *name,
                               const unsigned char *uuid);
void testEventQueueNodeDeviceLifecycle(testEventState *state,
                                       const char *name, int event);
int testConnectDomainEventRegister(virConnectPtr conn,
                                   virConnectDomainEventCallback cb,
                                   void *opaque, virFreeCallback freecb);
int testConnectDomainEventDeregister(virConnectPtr conn,
                                     virConnectDomainEventCallback cb);
int testConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                      int eventID,
                                      virConnectDomainEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb);
int testConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID);
int testConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net,
                                       int eventID,
                                       virConnectNetworkEventGenericCallback cb,
                                       void *opaque, virFreeCallback freecb);
int testConnectNetworkEventDeregisterAny(virConnectPtr conn, int callbackID);
int testConnectStoragePoolEventRegisterAny(virConnectPtr conn,
                                           virStoragePoolPtr pool,
                                           int eventID,
                                           virConnectStoragePoolEventGenericCallback cb,
                                           void *opaque,
                                           virFreeCallback freecb);
int testConnectStoragePoolEventDeregisterAny(virConnectPtr conn,
                                             int callbackID);
int testConnectNodeDeviceEventRegisterAny(virConnectPtr conn,
                                          virNodeDevicePtr dev, int eventID,
                                          virConnectNodeDeviceEventGenericCallback cb,
                                          void *opaque,
                                          virFreeCallback freecb);
int testConnectNodeDeviceEventDeregisterAny(virConnectPtr conn,
                                            int callbackID);

/* test_driver_domain.c */
void testDomObjFree(testDomObj *obj);
/* The object behind a handle, or NULL with libvirt's "no domain" error.
 * Called locked, as are the two below. */
testDomObj *testDomObjFromDomain(testDriver *drv, virDomainPtr domain);
bool testDomObjIsActive(const testDomObj *obj);
/* -1 with libvirt's "domain is not running" unless it is active. */
int testDomObjCheckActive(testDomObj *obj);
/* Adds a loaded definition; takes `def`.  The loader's runstate is applied
 * (running domains get the next id). */
testDomObj *testDomObjAdd(testDriver *drv, virDomainDef *def);
/* Start a loaded domain (the loader then sets its state). */
int testDomObjStartLoaded(testDriver *drv, testDomObj *obj);
/* Domain defaults the test driver adds after parsing (interface names). */
void testDomainDefFinish(virDomainDef *def);

/* test_driver_network.c, _storage.c, _interface.c, _nodedev.c.  The
 * *Load functions add what a <node> document describes (active and
 * persistent); they take the definition and report libvirt's errors. */
void testNetObjFree(testNetObj *obj);
int testNetObjLoad(testDriver *drv, virNetworkDef *def);
void testPoolObjFree(testPoolObj *obj);
testPoolObj *testPoolObjLoad(testDriver *drv, virStoragePoolDef *def);
/* Give a volume its default path and key, and add it to the pool. */
void testPoolObjAddVolume(testPoolObj *pool, virStorageVolDef *vol);
/* Apply the test driver's pool numbers: 100 GiB, allocation = sum of the
 * volumes' allocations. */
void testPoolObjRefresh(testPoolObj *obj);
void testIfaceObjFree(testIfaceObj *obj);
void testIfaceObjLoad(testDriver *drv, testInterfaceDef *def);
int testNodeDevLoad(testDriver *drv, virNodeDeviceDef *def);

/* The driver tables (test_driver.c registers them). */
extern virHypervisorDriver testHypervisorDriver;
extern virNetworkDriver testNetworkDriver;
extern virStorageDriver testStorageDriver;
extern virInterfaceDriver testInterfaceDriver;
extern virNodeDeviceDriver testNodeDeviceDriver;

/* Domain callbacks, implemented in test_driver_domain.c, listed in the
 * hypervisor table of test_driver.c. */
int testConnectNumOfDomains(virConnectPtr conn);
int testConnectListDomains(virConnectPtr conn, int *ids, int maxids);
int testConnectNumOfDefinedDomains(virConnectPtr conn);
int testConnectListDefinedDomains(virConnectPtr conn, char **const names,
                                  int maxnames);
int testConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                              unsigned int flags);
virDomainPtr testDomainLookupByID(virConnectPtr conn, int id);
virDomainPtr testDomainLookupByName(virConnectPtr conn, const char *name);
virDomainPtr testDomainLookupByUUID(virConnectPtr conn,
                                    const unsigned char *uuid);
virDomainPtr testDomainLookupByUUIDString(virConnectPtr conn,
                                          const char *uuidstr);
virDomainPtr testDomainDefineXML(virConnectPtr conn, const char *xml);
virDomainPtr testDomainDefineXMLFlags(virConnectPtr conn, const char *xml,
                                      unsigned int flags);
virDomainPtr testDomainCreateXML(virConnectPtr conn, const char *xml,
                                 unsigned int flags);
int testDomainCreate(virDomainPtr domain);
int testDomainCreateWithFlags(virDomainPtr domain, unsigned int flags);
int testDomainUndefine(virDomainPtr domain);
int testDomainUndefineFlags(virDomainPtr domain, unsigned int flags);
int testDomainDestroy(virDomainPtr domain);
int testDomainDestroyFlags(virDomainPtr domain, unsigned int flags);
int testDomainSuspend(virDomainPtr domain);
int testDomainResume(virDomainPtr domain);
int testDomainShutdown(virDomainPtr domain);
int testDomainShutdownFlags(virDomainPtr domain, unsigned int flags);
int testDomainReboot(virDomainPtr domain, unsigned int flags);
int testDomainReset(virDomainPtr domain, unsigned int flags);
int testDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info);
int testDomainGetState(virDomainPtr domain, int *state, int *reason,
                       unsigned int flags);
char *testDomainGetXMLDesc(virDomainPtr domain, unsigned int flags);
int testDomainGetAutostart(virDomainPtr domain, int *autostart);
int testDomainSetAutostart(virDomainPtr domain, int autostart);
int testDomainIsActive(virDomainPtr domain);
int testDomainIsPersistent(virDomainPtr domain);
int testDomainIsUpdated(virDomainPtr domain);
char *testDomainGetOSType(virDomainPtr domain);
unsigned long testDomainGetMaxMemory(virDomainPtr domain);
int testDomainSetMaxMemory(virDomainPtr domain, unsigned long memory);
int testDomainSetMemory(virDomainPtr domain, unsigned long memory);
char *testDomainGetMetadata(virDomainPtr domain, int type, const char *uri,
                            unsigned int flags);
int testDomainSetMetadata(virDomainPtr domain, int type, const char *metadata,
                          const char *key, const char *uri,
                          unsigned int flags);
int testDomainSetMemoryFlags(virDomainPtr domain, unsigned long memory,
                             unsigned int flags);
int testDomainGetMaxVcpus(virDomainPtr domain);
int testDomainGetVcpusFlags(virDomainPtr domain, unsigned int flags);
int testDomainHasManagedSaveImage(virDomainPtr domain, unsigned int flags);
int testDomainManagedSave(virDomainPtr domain, unsigned int flags);
int testDomainManagedSaveRemove(virDomainPtr domain, unsigned int flags);
int testDomainGetSecurityLabel(virDomainPtr domain,
                               virSecurityLabelPtr seclabel);

/* Scheduler, statistics and guest time, in test_driver_stats.c: the
 * fixed or clock-made numbers libvirt's test driver reports. */
char *testDomainGetSchedulerType(virDomainPtr domain, int *nparams);
int testDomainGetSchedulerParameters(virDomainPtr domain,
                                     virTypedParameterPtr params,
                                     int *nparams);
int testDomainGetSchedulerParametersFlags(virDomainPtr domain,
                                          virTypedParameterPtr params,
                                          int *nparams, unsigned int flags);
int testDomainSetSchedulerParameters(virDomainPtr domain,
                                     virTypedParameterPtr params,
                                     int nparams);
int testDomainSetSchedulerParametersFlags(virDomainPtr domain,
                                          virTypedParameterPtr params,
                                          int nparams, unsigned int flags);
int testDomainMemoryStats(virDomainPtr domain, virDomainMemoryStatPtr stats,
                          unsigned int nr_stats, unsigned int flags);
int testDomainBlockStats(virDomainPtr domain, const char *path,
                         virDomainBlockStatsPtr stats, size_t size);
int testDomainGetBlockInfo(virDomainPtr domain, const char *path,
                           virDomainBlockInfoPtr info, unsigned int flags);
int testDomainInterfaceStats(virDomainPtr domain, const char *device,
                             virDomainInterfaceStatsPtr stats, size_t size);
int testDomainGetTime(virDomainPtr domain, long long *seconds,
                      unsigned int *nseconds, unsigned int flags);
