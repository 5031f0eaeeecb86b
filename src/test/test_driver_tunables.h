/* test_driver_tunables.h: the test driver's tunables (memory, NUMA, blkio,
 * interface bandwidth, disk throttling, perf events), IOThreads and the
 * host/domain statistics calls; test_driver.c lists them in its table.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "test/test_driver.h"

#ifndef STREQ
# define STREQ(a, b) (strcmp(a, b) == 0)
#endif
#ifndef STRNEQ
# define STRNEQ(a, b) (strcmp(a, b) != 0)
#endif

/* test_driver_tunables.c: elements the definition keeps as written
 * (virDomainDef.raw) read as a tree and stored back in libvirt's layout. */
xmlDocPtr testRawRead(const virDomainDef *def, virDomainRawElem which);
/* Store the tree (the raw element is dropped when `doc` is NULL or its
 * root has neither children nor text). */
void testRawWrite(virDomainDef *def, virDomainRawElem which, xmlDocPtr doc);
/* Append `node` and its elements in libvirt's layout, indented `level`
 * steps. */
void testRawRender(GString *buf, xmlNodePtr node, int level);

int testDomainGetMemoryParameters(virDomainPtr dom, virTypedParameterPtr params,
                                  int *nparams, unsigned int flags);
int testDomainSetMemoryParameters(virDomainPtr dom, virTypedParameterPtr params,
                                  int nparams, unsigned int flags);
int testDomainGetNumaParameters(virDomainPtr dom, virTypedParameterPtr params,
                                int *nparams, unsigned int flags);
int testDomainSetNumaParameters(virDomainPtr dom, virTypedParameterPtr params,
                                int nparams, unsigned int flags);
int testDomainGetBlkioParameters(virDomainPtr dom, virTypedParameterPtr params,
                                 int *nparams, unsigned int flags);
int testDomainSetBlkioParameters(virDomainPtr dom, virTypedParameterPtr params,
                                 int nparams, unsigned int flags);
int testDomainGetInterfaceParameters(virDomainPtr dom, const char *device,
                                     virTypedParameterPtr params,
                                     int *nparams, unsigned int flags);
int testDomainSetInterfaceParameters(virDomainPtr dom, const char *device,
                                     virTypedParameterPtr params,
                                     int nparams, unsigned int flags);
int testDomainGetBlockIoTune(virDomainPtr dom, const char *disk,
                             virTypedParameterPtr params, int *nparams,
                             unsigned int flags);
int testDomainSetBlockIoTune(virDomainPtr dom, const char *disk,
                             virTypedParameterPtr params, int nparams,
                             unsigned int flags);
int testDomainGetPerfEvents(virDomainPtr dom, virTypedParameterPtr *params,
                            int *nparams, unsigned int flags);
int testDomainSetPerfEvents(virDomainPtr dom, virTypedParameterPtr params,
                            int nparams, unsigned int flags);

/* test_driver_iothread.c */
/* The threads of `def` as GetIOThreadInfo lists them (called locked);
 * returns the count, *info NULL-terminated (NULL when none). */
int testIOThreadList(virDomainDef *def, virDomainIOThreadInfoPtr **info);
/* The polling values of a thread (the defaults unless set). */
/* The id of the i-th thread the statistics list. */
unsigned int testIOThreadPollId(testDomObj *obj, unsigned int i);
void testIOThreadPollGet(testDomObj *obj, unsigned int id,
                         unsigned long long *maxns, unsigned int *grow,
                         unsigned int *shrink);
int testDomainGetIOThreadInfo(virDomainPtr dom,
                              virDomainIOThreadInfoPtr **info,
                              unsigned int flags);
int testDomainAddIOThread(virDomainPtr dom, unsigned int iothread_id,
                          unsigned int flags);
int testDomainDelIOThread(virDomainPtr dom, unsigned int iothread_id,
                          unsigned int flags);
int testDomainPinIOThread(virDomainPtr dom, unsigned int iothread_id,
                          unsigned char *cpumap, int maplen,
                          unsigned int flags);
int testDomainSetIOThreadParams(virDomainPtr dom, unsigned int iothread_id,
                                virTypedParameterPtr params, int nparams,
                                unsigned int flags);

/* test_driver_allstats.c */
int testConnectGetAllDomainStats(virConnectPtr conn, unsigned int stats,
                                 virDomainStatsRecordPtr **retStats,
                                 unsigned int flags);
int testDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                           virDomainStatsRecordPtr **retStats,
                           unsigned int flags);
int testDomainGetCPUStats(virDomainPtr dom, virTypedParameterPtr params,
                          unsigned int nparams, int start_cpu,
                          unsigned int ncpus, unsigned int flags);
int testDomainInterfaceAddresses(virDomainPtr dom,
                                 virDomainInterfacePtr **ifaces,
                                 unsigned int source, unsigned int flags);
int testDomainSendKey(virDomainPtr dom, unsigned int codeset,
                      unsigned int holdtime, unsigned int *keycodes,
                      int nkeycodes, unsigned int flags);
int testConnectGetCPUModelNames(virConnectPtr conn, const char *arch,
                                char ***models, unsigned int flags);
char *testConnectBaselineCPU(virConnectPtr conn, const char **xmlCPUs,
                             unsigned int ncpus, unsigned int flags);
