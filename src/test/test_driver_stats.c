/* test_driver_stats.c: scheduler, statistics, block info and guest time of
 * the test hypervisor's domains.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Nothing here is measured: like libvirt 9.0's test driver, the scheduler
 * is "fair" with a weight of 50 that never changes, memory statistics are
 * fractions of the current balloon, block and interface counters are made
 * from the wall clock (so they grow between calls), block sizes are fixed
 * and the guest's clock is stopped at one moment.  Check order and error
 * domains follow what libvirt reports for each call.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The sizes every disk with a source reports, in bytes. */
#define TEST_BLOCK_CAPACITY 1099506450432ULL
#define TEST_BLOCK_ALLOCATION 1099511627776ULL
#define TEST_BLOCK_PHYSICAL 1099511627776ULL

#define TEST_SCHED_WEIGHT 50


/* ---- scheduler ---- */

char *
testDomainGetSchedulerType(virDomainPtr domain G_GNUC_UNUSED, int *nparams)
{
    /* libvirt answers without looking the domain up. */
    if (nparams)
        *nparams = 1;
    return g_strdup("fair");
}


/* The one parameter there is: a weight of 50, whatever was set. */
static int
testDomainGetSchedulerWeight(virDomainPtr domain, virTypedParameterPtr params,
                             int *nparams)
{
    testDriver *drv = domain->conn->privateData;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!testDomObjFromDomain(drv, domain))
        goto cleanup;
    /* The entry point makes sure there is room for one. */
    if (virTypedParameterAssign(&params[0], "weight", VIR_TYPED_PARAM_UINT,
                                (unsigned int)TEST_SCHED_WEIGHT) < 0)
        goto cleanup;
    *nparams = 1;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainGetSchedulerParametersFlags(virDomainPtr domain,
                                      virTypedParameterPtr params,
                                      int *nparams, unsigned int flags)
{
    /* libvirt's API adds VIR_TYPED_PARAM_STRING_OKAY to the flags for this
     * driver, whose check then refuses every flag: the call always fails,
     * naming the flags plus 0x4. */
    flags |= VIR_TYPED_PARAM_STRING_OKAY;
    virCheckFlags(0, -1);
    return testDomainGetSchedulerWeight(domain, params, nparams);
}


int
testDomainGetSchedulerParameters(virDomainPtr domain,
                                 virTypedParameterPtr params, int *nparams)
{
    return testDomainGetSchedulerWeight(domain, params, nparams);
}


int
testDomainSetSchedulerParametersFlags(virDomainPtr domain,
                                      virTypedParameterPtr params,
                                      int nparams, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    int ret = -1;

    virCheckFlags(0, -1);
    if (virTypedParamsValidate(params, nparams,
                               "weight", VIR_TYPED_PARAM_UINT, NULL) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    /* Accepted and forgotten: the weight stays what it was. */
    if (testDomObjFromDomain(drv, domain))
        ret = 0;
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetSchedulerParameters(virDomainPtr domain,
                                 virTypedParameterPtr params, int nparams)
{
    return testDomainSetSchedulerParametersFlags(domain, params, nparams, 0);
}


/* ---- memory ---- */

int
testDomainMemoryStats(virDomainPtr domain, virDomainMemoryStatPtr stats,
                      unsigned int nr_stats, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    unsigned long long cur;
    int ret = -1;
    unsigned int n = 0;

    virCheckFlags(0, -1);

    /* libvirt's API asks nothing of the driver for no room. */
    if (!stats || nr_stats == 0)
        return 0;

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;

    /* Statistics come from a balloon device. */
    if (!obj->def->memballoon ||
        obj->def->memballoon->model == VIR_DOMAIN_MEMBALLOON_MODEL_NONE) {
        ret = 0;
        goto cleanup;
    }

    cur = obj->def->cur_balloon;
#define TEST_STAT(t, v) \
    do { \
        if (n < nr_stats) { \
            stats[n].tag = (t); \
            stats[n].val = (v); \
            n++; \
        } \
    } while (0)
    /* libvirt's order, which is not the tags' order. */
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON, cur);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_SWAP_IN, 0);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_SWAP_OUT, 0);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT, 0);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT, 0);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_UNUSED, cur / 2);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_AVAILABLE, cur);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_USABLE, cur / 2);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE, TEST_GUEST_TIME);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_DISK_CACHES, cur / 8);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC, 0);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL, 0);
    TEST_STAT(VIR_DOMAIN_MEMORY_STAT_RSS, cur / 2);
#undef TEST_STAT
    ret = n;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- disks ---- */

/* A disk by target name, or (a name starting with '/') by source path when
 * exactly one disk uses that path; NULL otherwise. */
static virDomainDiskDef *
testDomainFindDisk(virDomainDef *def, const char *name)
{
    virDomainDiskDef *found = NULL;
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        virDomainDiskDef *disk = def->disks[i];

        if (name[0] != '/') {
            if (g_strcmp0(disk->dst, name) == 0)
                return disk;
        } else if (disk->src && g_strcmp0(disk->src->path, name) == 0) {
            if (found)
                return NULL;
            found = disk;
        }
    }
    return found;
}


/* Counters that only grow: fractions of the wall clock. */
static void
testClockBase(unsigned long long *usec, unsigned long long *sec)
{
    *usec = g_get_real_time();
    *sec = *usec / G_USEC_PER_SEC;
}


int
testDomainBlockStats(virDomainPtr domain, const char *path,
                     virDomainBlockStatsPtr stats, size_t size)
{
    testDriver *drv = domain->conn->privateData;
    virDomainBlockStatsStruct full;
    unsigned long long usec, sec;
    testDomObj *obj;
    int ret = -1;

    /* libvirt's API refuses a bigger struct than it knows. */
    if (size > sizeof(full)) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virDomainBlockStats", "size",
                            "size must not exceed %zu", sizeof(full));
        return -1;
    }
    if (!*path) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "summary statistics are not supported yet");
        return -1;
    }

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    if (!testDomainFindDisk(obj->def, path)) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid path: %s", path);
        goto cleanup;
    }

    testClockBase(&usec, &sec);
    memset(&full, 0, sizeof(full));
    full.rd_req = usec / 10;
    full.rd_bytes = usec / 20;
    full.wr_req = usec / 30;
    full.wr_bytes = usec / 40;
    full.errs = sec / 2;
    /* An older, smaller struct gets what fits. */
    memcpy(stats, &full, size);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainGetBlockInfo(virDomainPtr domain, const char *path,
                       virDomainBlockInfoPtr info, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    virDomainDiskDef *disk;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);
    if (!*path) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virDomainGetBlockInfo", "disk",
                            "string disk in %s must not be empty",
                            "virDomainGetBlockInfo");
        return -1;
    }

    g_mutex_lock(&drv->lock);
    /* Shut-off domains answer too. */
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (!(disk = testDomainFindDisk(obj->def, path))) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "invalid path %s not assigned to domain", path);
        goto cleanup;
    }
    if (!disk->src || !disk->src->path || !*disk->src->path) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "disk '%s' does not currently have a source assigned",
                       path);
        goto cleanup;
    }
    info->capacity = TEST_BLOCK_CAPACITY;
    info->allocation = TEST_BLOCK_ALLOCATION;
    info->physical = TEST_BLOCK_PHYSICAL;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- interfaces ---- */

/* An interface by its target name or its MAC address (any spelling
 * libvirt parses); the first that matches. */
static virDomainNetDef *
testDomainFindNet(virDomainDef *def, const char *device)
{
    unsigned char mac[VIR_MAC_BUFLEN];
    bool isMac = virDomainNetParseMAC(device, mac) == 0;
    size_t i;

    for (i = 0; i < def->nnets; i++) {
        virDomainNetDef *net = def->nets[i];

        if (g_strcmp0(net->ifname, device) == 0)
            return net;
        if (isMac && memcmp(net->mac, mac, VIR_MAC_BUFLEN) == 0)
            return net;
    }
    return NULL;
}


int
testDomainInterfaceStats(virDomainPtr domain, const char *device,
                         virDomainInterfaceStatsPtr stats, size_t size)
{
    testDriver *drv = domain->conn->privateData;
    virDomainInterfaceStatsStruct full;
    unsigned long long usec, sec;
    testDomObj *obj;
    int ret = -1;

    if (size > sizeof(full)) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virDomainInterfaceStats",
                            "size", "size must not exceed %zu", sizeof(full));
        return -1;
    }

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    if (!testDomainFindNet(obj->def, device)) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                          "'%s' is not a known interface", device);
        goto cleanup;
    }

    testClockBase(&usec, &sec);
    memset(&full, 0, sizeof(full));
    full.rx_bytes = usec / 10;
    full.rx_packets = usec / 100;
    full.rx_errs = sec;
    full.rx_drop = sec / 2;
    full.tx_bytes = usec / 20;
    full.tx_packets = usec / 110;
    full.tx_errs = sec / 3;
    full.tx_drop = sec / 4;
    memcpy(stats, &full, size);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- guest time ---- */

int
testDomainGetTime(virDomainPtr domain, long long *seconds,
                  unsigned int *nseconds, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    /* Only a running guest has a clock to read (a paused one has not),
     * and libvirt raises this one from the test driver itself. */
    if (obj->state != VIR_DOMAIN_RUNNING) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        goto cleanup;
    }
    if (seconds)
        *seconds = obj->seconds;
    if (nseconds)
        *nseconds = obj->nseconds;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}
