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
#include "test/test_snapshot_conf.h"

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

/* A domain's snapshots (test_driver_snapshot.c). */
typedef struct _testSnapList testSnapList;
/* A domain's checkpoints (test_driver_checkpoint.c). */
typedef struct _testCkptList testCkptList;

typedef struct _testDomObj testDomObj;
struct _testDomObj {
    virDomainDef *def;        /* the live definition while running */
    virDomainDef *newDef;     /* persistent config while running, or NULL */
    int state;                /* virDomainState */
    int reason;
    bool persistent;
    bool autostart;
    bool hasManagedSave;
    testSnapList *snapshots;  /* NULL until the first snapshot */
    testCkptList *checkpoints; /* NULL until the first checkpoint */
    GArray *iothreadPoll;     /* polling values set per IOThread
                                 (test_driver_iothread.c), or NULL */
    /* guest time (GetTime/SetTime), seconds since the epoch */
    long long seconds;
    unsigned int nseconds;
    bool frozen[2];           /* the guest's "/" and "/boot" (FSFreeze) */
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
    GPtrArray *ifaceBackup;   /* copy kept by virInterfaceChangeBegin, or
                                 NULL when no change is under way */
    GPtrArray *devs;          /* virNodeDeviceDef * */

    testEventState *events;   /* has its own lock */

    size_t nauths;            /* users a connection must log in as */
    testAuth *auths;
};

/* test_driver.c */
testDriver *testDriverNew(void);
void testDriverFree(testDriver *drv);
const virDomainXMLOption *testDomainXMLOption(void);

/* test_driver_list.c: listing and lookups, for any object kind.  A
 * filter tells whether an object passes a ListAll call's flags; a handle
 * maker gives the public handle of an object (a new reference, or NULL
 * with an error); a finder gives the object for a key, or NULL with
 * libvirt's error. */
typedef bool (*testListFilter)(const void *obj, unsigned int flags);
typedef void *(*testListHandle)(virConnectPtr conn, void *obj, void *opaque);
typedef void *(*testLookupFind)(testDriver *drv, const void *key);
/* The handles of the objects of @objs that pass @filter (every one when
 * it is NULL) as a NULL-terminated array in *@out, or only their number
 * when @out is NULL.  Called locked. */
int testListAll(virConnectPtr conn, GPtrArray *objs, testListFilter filter,
                unsigned int flags, testListHandle handle, void *opaque,
                void ***out);
/* The handle of the object @find gives for @key.  Takes the lock. */
void *testLookup(virConnectPtr conn, testLookupFind find, const void *key,
                 testListHandle handle);

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
/* METADATA_CHANGE: `type` is a virDomainMetadataType, `nsuri` the
 * element's namespace (NULL for the title and description). */
void testEventQueueDomainMetadata(testEventState *state, const char *name,
                                  const unsigned char *uuid, int id,
                                  int type, const char *nsuri);
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
/* Parse a domain as DefineXML/CreateXML do (inactive, test defaults). */
virDomainDef *testDomainParse(const char *xml);
/* A handle for `obj`. */
virDomainPtr testDomObjGetHandle(virConnectPtr conn, testDomObj *obj);
/* Queue a lifecycle event naming the domain as it is now. */
void testDomObjEvent(testDriver *drv, testDomObj *obj, int event, int detail);
/* Drop a domain from the instance (frees it). */
void testDomObjRemove(testDriver *drv, testDomObj *obj);
/* The definition a shut-off domain returns to. */
virDomainDef *testDomObjPersistentDef(testDomObj *obj);
/* Run (id, state RUNNING/reason, persistent config kept apart). */
int testDomObjStart(testDriver *drv, testDomObj *obj, int reason);
/* Shut off with `reason`, back to the persistent definition; a transient
 * domain keeps its definition (the caller removes it when it must). */
void testDomObjStop(testDomObj *obj, int reason);
/* Stop with a STOPPED event, removing a transient domain. */
void testDomObjStopWithEvent(testDriver *drv, testDomObj *obj, int reason,
                             int detail);
/* Where a new definition goes: an object with the same uuid (*obj), none
 * (*obj NULL), or a conflict (-1 with libvirt's error).  `live` adds the
 * checks for starting it (not already active or being started). */
int testDomObjFindForDef(testDriver *drv, virDomainDef *def, bool live,
                         testDomObj **obj);
/* A new shut-off, transient object holding `def`. */
testDomObj *testDomObjNew(testDriver *drv, virDomainDef *def);
/* The one definition a LIVE/CONFIG/CURRENT request addresses, with
 * libvirt's errors; *live tells which it is. */
virDomainDef *testDomObjGetOneDef(testDomObj *obj, unsigned int flags,
                                  bool *live);
/* Both definitions a LIVE and/or CONFIG request addresses (each NULL when
 * not addressed), with libvirt's errors. */
int testDomObjGetDefs(testDomObj *obj, unsigned int flags,
                      virDomainDef **live, virDomainDef **config);

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

/* Starting a parsed definition (CreateXML, Restore): placed like libvirt
 * places it (a defined domain keeps its config apart), started with
 * `reason`, STARTED/`detail` queued.  Takes *def. */
testDomObj *testDomObjStartDef(testDriver *drv, virDomainDef **def,
                               int reason, int detail);
virDomainPtr testDomainCreateXMLWithFiles(virConnectPtr conn, const char *xml,
                                          unsigned int nfiles, int *files,
                                          unsigned int flags);
int testDomainCreateWithFiles(virDomainPtr domain, unsigned int nfiles,
                              int *files, unsigned int flags);

/* test_driver_save.c: save images and core dumps. */
int testDomainSave(virDomainPtr domain, const char *to);
int testDomainSaveFlags(virDomainPtr domain, const char *to, const char *dxml,
                        unsigned int flags);
int testDomainRestore(virConnectPtr conn, const char *from);
int testDomainRestoreFlags(virConnectPtr conn, const char *from,
                           const char *dxml, unsigned int flags);
char *testDomainSaveImageGetXMLDesc(virConnectPtr conn, const char *file,
                                    unsigned int flags);
int testDomainSaveImageDefineXML(virConnectPtr conn, const char *file,
                                 const char *dxml, unsigned int flags);
int testDomainCoreDump(virDomainPtr domain, const char *to,
                       unsigned int flags);
int testDomainCoreDumpWithFormat(virDomainPtr domain, const char *to,
                                 unsigned int dumpformat, unsigned int flags);

/* test_driver_screenshot.c */
char *testDomainScreenshot(virDomainPtr domain, virStreamPtr st,
                           unsigned int screen, unsigned int flags);

/* test_driver_iothread.c: a loaded domain's IOThreads start with the
 * default polling values (threads defined later get them when added). */
void testIOThreadPollLoad(testDomObj *obj);

/* test_driver_snapshot.c */
void testSnapListFree(testSnapList *list);
int testDomObjNumSnapshots(const testDomObj *obj);
/* A snapshot a <node> file describes (takes *def), then, once all are
 * in, their tree; both with libvirt's errors. */
int testDomObjAddLoadedSnapshot(testDomObj *obj, testSnapshotDef **def,
                                bool current);
int testDomObjLinkSnapshots(testDomObj *obj);
int testDomainSnapshotNum(virDomainPtr domain, unsigned int flags);
int testDomainSnapshotListNames(virDomainPtr domain, char **names,
                                int nameslen, unsigned int flags);
int testDomainListAllSnapshots(virDomainPtr domain,
                               virDomainSnapshotPtr **snaps,
                               unsigned int flags);
int testDomainSnapshotNumChildren(virDomainSnapshotPtr snapshot,
                                  unsigned int flags);
int testDomainSnapshotListChildrenNames(virDomainSnapshotPtr snapshot,
                                        char **names, int nameslen,
                                        unsigned int flags);
int testDomainSnapshotListAllChildren(virDomainSnapshotPtr snapshot,
                                      virDomainSnapshotPtr **snaps,
                                      unsigned int flags);
virDomainSnapshotPtr testDomainSnapshotLookupByName(virDomainPtr domain,
                                                    const char *name,
                                                    unsigned int flags);
int testDomainHasCurrentSnapshot(virDomainPtr domain, unsigned int flags);
virDomainSnapshotPtr testDomainSnapshotGetParent(virDomainSnapshotPtr snapshot,
                                                 unsigned int flags);
virDomainSnapshotPtr testDomainSnapshotCurrent(virDomainPtr domain,
                                               unsigned int flags);
char *testDomainSnapshotGetXMLDesc(virDomainSnapshotPtr snapshot,
                                   unsigned int flags);
int testDomainSnapshotIsCurrent(virDomainSnapshotPtr snapshot,
                                unsigned int flags);
int testDomainSnapshotHasMetadata(virDomainSnapshotPtr snapshot,
                                  unsigned int flags);
virDomainSnapshotPtr testDomainSnapshotCreateXML(virDomainPtr domain,
                                                 const char *xml,
                                                 unsigned int flags);
int testDomainSnapshotDelete(virDomainSnapshotPtr snapshot,
                             unsigned int flags);
int testDomainRevertToSnapshot(virDomainSnapshotPtr snapshot,
                               unsigned int flags);

/* test_driver_checkpoint.c */
void testCkptListFree(testCkptList *list);
int testDomObjNumCheckpoints(const testDomObj *obj);
int testDomainListAllCheckpoints(virDomainPtr domain,
                                 virDomainCheckpointPtr **checkpoints,
                                 unsigned int flags);
int testDomainCheckpointListAllChildren(virDomainCheckpointPtr checkpoint,
                                        virDomainCheckpointPtr **children,
                                        unsigned int flags);
virDomainCheckpointPtr testDomainCheckpointLookupByName(virDomainPtr domain,
                                                        const char *name,
                                                        unsigned int flags);
virDomainCheckpointPtr testDomainCheckpointGetParent(virDomainCheckpointPtr checkpoint,
                                                     unsigned int flags);
char *testDomainCheckpointGetXMLDesc(virDomainCheckpointPtr checkpoint,
                                     unsigned int flags);
virDomainCheckpointPtr testDomainCheckpointCreateXML(virDomainPtr domain,
                                                     const char *xmlDesc,
                                                     unsigned int flags);
int testDomainCheckpointDelete(virDomainCheckpointPtr checkpoint,
                               unsigned int flags);

/* test_driver_vcpu.c */
int testDomainSetVcpus(virDomainPtr domain, unsigned int nvcpus);
int testDomainSetVcpusFlags(virDomainPtr domain, unsigned int nvcpus,
                            unsigned int flags);
int testDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                       unsigned char *cpumaps, int maplen);
int testDomainPinVcpu(virDomainPtr domain, unsigned int vcpu,
                      unsigned char *cpumap, int maplen);
int testDomainPinVcpuFlags(virDomainPtr domain, unsigned int vcpu,
                           unsigned char *cpumap, int maplen,
                           unsigned int flags);
int testDomainGetVcpuPinInfo(virDomainPtr domain, int ncpumaps,
                             unsigned char *cpumaps, int maplen,
                             unsigned int flags);
int testDomainPinEmulator(virDomainPtr domain, unsigned char *cpumap,
                          int maplen, unsigned int flags);
int testDomainGetEmulatorPinInfo(virDomainPtr domain, unsigned char *cpumap,
                                 int maplen, unsigned int flags);
int testNodeGetCPUMap(virConnectPtr conn, unsigned char **cpumap,
                      unsigned int *online, unsigned int flags);

/* test_driver_guest.c: what a guest agent would answer, and small
 * settings of a running guest. */
/* Where every guest clock starts (seconds since the epoch). */
#define TEST_GUEST_TIME 627319920LL
char *testDomainGetHostname(virDomainPtr domain, unsigned int flags);
int testDomainSetTime(virDomainPtr domain, long long seconds,
                      unsigned int nseconds, unsigned int flags);
int testDomainGetControlInfo(virDomainPtr domain,
                             virDomainControlInfoPtr info,
                             unsigned int flags);
int testDomainSetUserPassword(virDomainPtr domain, const char *user,
                              const char *password, unsigned int flags);
int testDomainInjectNMI(virDomainPtr domain, unsigned int flags);
int testDomainSendProcessSignal(virDomainPtr domain, long long pid_value,
                                unsigned int signum, unsigned int flags);
int testDomainFSFreeze(virDomainPtr domain, const char **mountpoints,
                       unsigned int nmountpoints, unsigned int flags);
int testDomainFSThaw(virDomainPtr domain, const char **mountpoints,
                     unsigned int nmountpoints, unsigned int flags);
int testDomainFSTrim(virDomainPtr domain, const char *mountPoint,
                     unsigned long long minimum, unsigned int flags);
int testDomainGetFSInfo(virDomainPtr domain, virDomainFSInfoPtr **info,
                        unsigned int flags);
int testDomainGetDiskErrors(virDomainPtr domain, virDomainDiskErrorPtr errors,
                            unsigned int maxerrors, unsigned int flags);
int testDomainMemoryPeek(virDomainPtr domain, unsigned long long start,
                         size_t size, void *buffer, unsigned int flags);
int testDomainGetLaunchSecurityInfo(virDomainPtr domain,
                                    virTypedParameterPtr *params,
                                    int *nparams, unsigned int flags);
int testDomainSetLifecycleAction(virDomainPtr domain, unsigned int type,
                                 unsigned int action, unsigned int flags);
int testDomainSetMemoryStatsPeriod(virDomainPtr domain, int period,
                                   unsigned int flags);
int testDomainGetMessages(virDomainPtr domain, char ***msgs,
                          unsigned int flags);
int testDomainRename(virDomainPtr domain, const char *new_name,
                     unsigned int flags);
