/* test_driver.c: the test hypervisor (test:///default, test:///PATH.xml):
 * opening and closing connections, host-level calls, and the driver tables.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The per-object calls live in test_driver_domain.c (lifecycle), _save.c
 * (save images, core dumps), _snapshot.c, _vcpu.c, _guest.c (guest agent
 * answers, small settings), _stats.c, _events.c, _network.c, _storage.c,
 * _interface.c and _nodedev.c; the <node> document that fills an instance
 * is read by test_driver_load.c.
 */
#include <config.h>

#include <errno.h>
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>

#include "test/test_driver.h"
#include "test/test_driver_tunables.h"
#include "conf/capabilities.h"
#include "driver-registry.h"
#include "util/virerror.h"
#include "util/viruri.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#ifndef VIRTKIT_LIBVIRT_VERSION
# define VIRTKIT_LIBVIRT_VERSION 9000000
#endif

/* test:///default: one instance per process, alive while connections
 * use it, rebuilt from scratch after the last one closes. */
static GMutex testDefaultLock;
static testDriver *testDefaultDriver;
static unsigned int testDefaultRefs;


testDriver *
testDriverNew(void)
{
    testDriver *drv = g_new0(testDriver, 1);

    g_mutex_init(&drv->lock);
    drv->nextDomID = 1;
    drv->domains = g_ptr_array_new_with_free_func((GDestroyNotify)testDomObjFree);
    drv->networks = g_ptr_array_new_with_free_func((GDestroyNotify)testNetObjFree);
    drv->pools = g_ptr_array_new_with_free_func((GDestroyNotify)testPoolObjFree);
    drv->ifaces = g_ptr_array_new_with_free_func((GDestroyNotify)testIfaceObjFree);
    drv->devs = g_ptr_array_new_with_free_func((GDestroyNotify)virNodeDeviceDefFree);
    drv->events = testEventStateNew();
    return drv;
}


void
testDriverFree(testDriver *drv)
{
    size_t i;

    if (!drv)
        return;
    testEventStateFree(drv->events);
    g_ptr_array_free(drv->domains, TRUE);
    g_ptr_array_free(drv->networks, TRUE);
    g_ptr_array_free(drv->pools, TRUE);
    g_ptr_array_free(drv->ifaces, TRUE);
    if (drv->ifaceBackup)
        g_ptr_array_free(drv->ifaceBackup, TRUE);
    g_ptr_array_free(drv->devs, TRUE);
    for (i = 0; i < drv->nauths; i++) {
        g_free(drv->auths[i].username);
        g_free(drv->auths[i].password);
    }
    g_free(drv->auths);
    g_mutex_clear(&drv->lock);
    g_free(drv);
}


/* ---- opening and closing ---- */

static testDriver *
testDefaultAcquire(void)
{
    testDriver *drv;

    g_mutex_lock(&testDefaultLock);
    if (!testDefaultDriver)
        testDefaultDriver = testDriverLoadDefault();
    if ((drv = testDefaultDriver))
        testDefaultRefs++;
    g_mutex_unlock(&testDefaultLock);
    return drv;
}


static void
testDefaultRelease(void)
{
    testDriver *drv = NULL;

    g_mutex_lock(&testDefaultLock);
    if (testDefaultRefs > 0 && --testDefaultRefs == 0)
        drv = g_steal_pointer(&testDefaultDriver);
    g_mutex_unlock(&testDefaultLock);
    testDriverFree(drv);
}


/* Ask the application for one credential of the first of `types` that it
 * accepts; NULL with libvirt's error if it cannot or will not answer. */
static char *
testAuthAsk(virConnectAuthPtr auth, const int *types, size_t ntypes,
            const char *prompt, const char *missing, const char *failed)
{
    virConnectCredential cred = { 0 };
    size_t i, j;

    for (i = 0; i < ntypes; i++) {
        for (j = 0; j < auth->ncredtype; j++) {
            if (auth->credtype[j] == types[i])
                goto found;
        }
    }
    testReportErrorIn(VIR_FROM_AUTH, VIR_ERR_AUTH_FAILED, "%s", missing);
    return NULL;

 found:
    cred.type = types[i];
    cred.prompt = prompt;
    cred.challenge = "localhost";
    if (auth->cb(&cred, 1, auth->cbdata) < 0 || !cred.result) {
        free(cred.result);
        testReportErrorIn(VIR_FROM_AUTH, VIR_ERR_AUTH_FAILED, "%s", failed);
        return NULL;
    }
    return cred.result;
}


/* A <node> file with <auth> users wants a user name and password. */
static int
testConnectAuthenticate(testDriver *drv, virConnectAuthPtr auth)
{
    static const int nameTypes[] = { VIR_CRED_AUTHNAME };
    static const int passTypes[] = { VIR_CRED_PASSPHRASE,
                                     VIR_CRED_NOECHOPROMPT };
    g_autofree char *prompt = NULL;
    char *username = NULL;
    char *password = NULL;
    int ret = -1;
    size_t i;

    if (drv->nauths == 0)
        return 0;
    if (!auth || !auth->cb) {
        testReportErrorIn(VIR_FROM_AUTH, VIR_ERR_INVALID_ARG, "%s",
                          auth ? "Missing authentication callback"
                               : "Missing authentication credentials");
        return -1;
    }

    if (!(username = testAuthAsk(auth, nameTypes, G_N_ELEMENTS(nameTypes),
                                 "Enter username for localhost",
                                 "Missing VIR_CRED_AUTHNAME credential type",
                                 "Username request failed")))
        goto cleanup;
    for (i = 0; i < drv->nauths; i++) {
        if (strcmp(drv->auths[i].username, username) == 0)
            break;
    }
    /* A listed user without a password is let in unasked; anyone else is
     * asked, so an unknown name is not told apart from a wrong password. */
    if (i < drv->nauths && !drv->auths[i].password) {
        ret = 0;
        goto cleanup;
    }

    prompt = g_strdup_printf("Enter %s's password for localhost", username);
    if (!(password = testAuthAsk(auth, passTypes, G_N_ELEMENTS(passTypes),
                                 prompt,
                                 "Missing VIR_CRED_PASSPHRASE or VIR_CRED_NOECHOPROMPT credential type",
                                 "Password request failed")))
        goto cleanup;

    if (i < drv->nauths && strcmp(drv->auths[i].password, password) == 0) {
        ret = 0;
        goto cleanup;
    }
    virReportError(VIR_ERR_AUTH_FAILED, "%s",
                   "authentication failed, see test XML for the correct username/password");

 cleanup:
    free(username);
    free(password);
    return ret;
}


static virDrvOpenStatus
testConnectOpen(virConnectPtr conn, const char *uristr,
                virConnectAuthPtr auth, unsigned int flags)
{
    g_autoptr(virURI) uri = NULL;
    testDriver *drv;

    virCheckFlags(VIR_CONNECT_RO, VIR_DRV_OPEN_ERROR);

    if (!uristr || !(uri = virURIParse(uristr)))
        return VIR_DRV_OPEN_DECLINED;
    if (!uri->scheme || strcmp(uri->scheme, "test") != 0)
        return VIR_DRV_OPEN_DECLINED;
    /* test://HOST/... is for the remote driver. */
    if (uri->server)
        return VIR_DRV_OPEN_DECLINED;

    if (!uri->path || !*uri->path || strcmp(uri->path, "/") == 0) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "testOpen: supply a path or use test:///default");
        return VIR_DRV_OPEN_ERROR;
    }

    if (strcmp(uri->path, "/default") == 0) {
        drv = testDefaultAcquire();
    } else {
        drv = testDriverLoadFile(uri->path);
        if (drv && testConnectAuthenticate(drv, auth) < 0) {
            testDriverFree(drv);
            return VIR_DRV_OPEN_ERROR;
        }
    }
    if (!drv)
        return VIR_DRV_OPEN_ERROR;

    conn->privateData = drv;
    return VIR_DRV_OPEN_SUCCESS;
}


static int
testConnectClose(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;

    if (!drv)
        return 0;
    conn->privateData = NULL;
    if (drv->isDefault)
        testDefaultRelease();
    else
        testDriverFree(drv);
    return 0;
}


/* ---- connection and host ---- */

static const char *
testConnectGetType(virConnectPtr conn G_GNUC_UNUSED)
{
    return "TEST";
}


static int
testConnectGetVersion(virConnectPtr conn G_GNUC_UNUSED, unsigned long *hvVer)
{
    *hvVer = 2;
    return 0;
}


static int
testConnectGetLibVersion(virConnectPtr conn G_GNUC_UNUSED,
                         unsigned long *libVer)
{
    *libVer = VIRTKIT_LIBVIRT_VERSION;
    return 0;
}


/* The host's name as libvirt gives it: the node name if it is already
 * qualified, else its canonical name from the resolver, else the node
 * name. */
static char *
testConnectGetHostname(virConnectPtr conn G_GNUC_UNUSED)
{
    struct addrinfo hints = { 0 };
    struct addrinfo *info = NULL;
    struct utsname uts;
    char *ret;

    if (uname(&uts) < 0) {
        virReportSystemError(errno, "%s", "failed to determine host name");
        return NULL;
    }
    if (strchr(uts.nodename, '.') && !g_str_has_prefix(uts.nodename, "localhost"))
        return g_strdup(uts.nodename);

    hints.ai_flags = AI_CANONNAME;
    hints.ai_family = AF_UNSPEC;
    if (getaddrinfo(uts.nodename, NULL, &hints, &info) != 0 || !info)
        return g_strdup(uts.nodename);
    if (info->ai_canonname && !g_str_has_prefix(info->ai_canonname, "localhost"))
        ret = g_strdup(info->ai_canonname);
    else
        ret = g_strdup(uts.nodename);
    freeaddrinfo(info);
    return ret;
}


static int
testConnectGetMaxVcpus(virConnectPtr conn G_GNUC_UNUSED,
                       const char *type G_GNUC_UNUSED)
{
    return 32;
}


static int
testConnectIsSecure(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}


static int
testConnectIsEncrypted(virConnectPtr conn G_GNUC_UNUSED)
{
    return 0;
}


static int
testConnectIsAlive(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}


/* The in-process test hypervisor never goes away, so a close callback could
 * never fire: like libvirt 9.0 (which has no such callback here and lets the
 * entry point succeed), accept any callback and keep nothing, not even
 * freecb, which is therefore never called. */
static int
testConnectRegisterCloseCallback(virConnectPtr conn G_GNUC_UNUSED,
                                 virConnectCloseFunc cb G_GNUC_UNUSED,
                                 void *opaque G_GNUC_UNUSED,
                                 virFreeCallback freecb G_GNUC_UNUSED)
{
    return 0;
}


static int
testConnectUnregisterCloseCallback(virConnectPtr conn G_GNUC_UNUSED,
                                   virConnectCloseFunc cb G_GNUC_UNUSED)
{
    return 0;
}


static int
testNodeGetInfo(virConnectPtr conn, virNodeInfoPtr info)
{
    testDriver *drv = conn->privateData;

    g_mutex_lock(&drv->lock);
    memcpy(info, &drv->nodeInfo, sizeof(*info));
    g_mutex_unlock(&drv->lock);
    return 0;
}


static int
testNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *freeMems,
                           int startCell, int maxCells)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t cell;

    if (startCell < 0) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virNodeGetCellsFreeMemory",
                            "startCell",
                            "startCell in %s must be zero or greater",
                            "virNodeGetCellsFreeMemory");
        return -1;
    }
    if (maxCells <= 0) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virNodeGetCellsFreeMemory",
                            "maxCells",
                            "maxCells in %s must be greater than zero",
                            "virNodeGetCellsFreeMemory");
        return -1;
    }

    g_mutex_lock(&drv->lock);
    if ((size_t)startCell >= drv->numCells) {
        g_mutex_unlock(&drv->lock);
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Range exceeds available cells");
        return -1;
    }
    /* libvirt's test driver reports each cell's size here. */
    for (cell = startCell; cell < drv->numCells && n < maxCells; cell++)
        freeMems[n++] = drv->cells[cell].mem;
    g_mutex_unlock(&drv->lock);
    return n;
}


static unsigned long long
testNodeGetFreeMemory(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;
    unsigned long long freeMem = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->numCells; i++)
        freeMem += drv->cells[i].freeMem;
    g_mutex_unlock(&drv->lock);
    return freeMem;
}


/* libvirt's test host reports the same times for every CPU. */
static int
testNodeGetCPUStats(virConnectPtr conn G_GNUC_UNUSED, int cpuNum G_GNUC_UNUSED,
                    virNodeCPUStatsPtr params, int *nparams,
                    unsigned int flags)
{
    static const struct {
        const char *field;
        unsigned long long value;
    } stats[] = {
        { VIR_NODE_CPU_STATS_USER, 9797400000ULL },
        { VIR_NODE_CPU_STATS_KERNEL, 34678723400000ULL },
        { VIR_NODE_CPU_STATS_IDLE, 87264900000ULL },
        { VIR_NODE_CPU_STATS_IOWAIT, 763600000ULL },
    };
    int i;

    virCheckFlags(0, -1);

    if (!params) {
        *nparams = G_N_ELEMENTS(stats);
        return 0;
    }
    for (i = 0; i < *nparams && i < (int)G_N_ELEMENTS(stats); i++) {
        g_strlcpy(params[i].field, stats[i].field, sizeof(params[i].field));
        params[i].value = stats[i].value;
    }
    *nparams = i;
    return 0;
}


/* Made-up counts: from 6, each next one is 2x + 7, cell after cell
 * whatever the first cell; and, as in libvirt 9.0, 0 is returned (not the
 * number of counts filled). */
static int
testNodeGetFreePages(virConnectPtr conn G_GNUC_UNUSED, unsigned int npages,
                     unsigned int *pages G_GNUC_UNUSED,
                     int startCell G_GNUC_UNUSED, unsigned int cellCount,
                     unsigned long long *counts, unsigned int flags)
{
    unsigned int x = 6;
    unsigned int i, j;

    virCheckFlags(0, -1);

    for (i = 0; i < cellCount; i++) {
        for (j = 0; j < npages; j++) {
            x = x * 2 + 7;
            counts[i * npages + j] = (int)x;
        }
    }
    return 0;
}


static int
testNodeGetSecurityModel(virConnectPtr conn G_GNUC_UNUSED,
                         virSecurityModelPtr secmodel)
{
    memset(secmodel, 0, sizeof(*secmodel));
    g_strlcpy(secmodel->model, "testSecurity", sizeof(secmodel->model));
    return 0;
}


static char *
testConnectGetSysinfo(virConnectPtr conn G_GNUC_UNUSED, unsigned int flags)
{
    virCheckFlags(0, NULL);

    return g_strdup("<sysinfo type='smbios'>\n"
                    "  <bios>\n"
                    "    <entry name='vendor'>LENOVO</entry>\n"
                    "    <entry name='version'>G4ETA1WW (2.61 )</entry>\n"
                    "    <entry name='date'>05/07/2014</entry>\n"
                    "    <entry name='release'>2.61</entry>\n"
                    "  </bios>\n"
                    "</sysinfo>\n");
}


/* The host and guests the test hypervisor offers: an i686 host with the
 * instance's NUMA cells, and hvm and xen i686 guests. */
static virCaps *
testBuildCapabilities(testDriver *drv)
{
    static const unsigned int pageSizes[] = { 4, 8, 2048, 1024 * 1024 };
    static const char *const guestTypes[] = { "hvm", "xen" };
    virCaps *caps = virCapabilitiesNew("i686", false, false);
    size_t i, j;

    virCapabilitiesAddHostFeature(caps, "pae");
    virCapabilitiesAddHostFeature(caps, "nonpae");
    for (i = 0; i < G_N_ELEMENTS(pageSizes); i++)
        virCapabilitiesAddHostPageSize(caps, pageSizes[i]);

    virCapabilitiesHostNUMAInit(caps);
    for (i = 0; i < drv->numCells; i++) {
        const testCell *cell = &drv->cells[i];
        g_autofree virCapsHostNUMACellCPU *cpus =
            g_new0(virCapsHostNUMACellCPU, cell->ncpus);
        virCapsHostNUMACellPages pages[3];
        unsigned int firstSize = pageSizes[i % 2];

        for (j = 0; j < (size_t)cell->ncpus; j++) {
            unsigned int id = cell->firstCpu + j;

            cpus[j].id = id;
            cpus[j].socket_id = i;
            cpus[j].die_id = 0;
            cpus[j].core_id = j;
            cpus[j].siblings = g_strdup_printf("%u", id);
        }
        /* All memory in the cell's own page size; none in huge pages. */
        pages[0].size = firstSize;
        pages[0].avail = cell->mem / firstSize;
        pages[1].size = pageSizes[2];
        pages[1].avail = 0;
        pages[2].size = pageSizes[3];
        pages[2].avail = 0;

        virCapabilitiesHostNUMAAddCell(caps, i, cell->mem, cell->ncpus, cpus,
                                       0, NULL, G_N_ELEMENTS(pages), pages);
        for (j = 0; j < (size_t)cell->ncpus; j++)
            g_free(cpus[j].siblings);
    }

    virCapabilitiesAddSecModel(caps, "testSecurity", "");

    for (i = 0; i < G_N_ELEMENTS(guestTypes); i++) {
        virCapsGuest *guest = virCapabilitiesAddGuest(caps, guestTypes[i],
                                                      "i686", 32,
                                                      "/usr/bin/test-hv",
                                                      NULL);

        virCapabilitiesAddGuestDomain(guest, "test", NULL);
        virCapabilitiesAddGuestFeature(guest, VIR_CAPS_GUEST_FEATURE_PAE,
                                       true, true);
        virCapabilitiesAddGuestFeature(guest, VIR_CAPS_GUEST_FEATURE_NONPAE,
                                       true, true);
    }
    return caps;
}


static char *
testConnectGetCapabilities(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virCaps) caps = NULL;

    g_mutex_lock(&drv->lock);
    caps = testBuildCapabilities(drv);
    g_mutex_unlock(&drv->lock);
    return virCapabilitiesFormatXML(caps);
}


/* ---- registration ---- */

virHypervisorDriver testHypervisorDriver = {
    .name = "Test",
    .connectOpen = testConnectOpen,
    .connectClose = testConnectClose,
    .connectGetType = testConnectGetType,
    .connectGetVersion = testConnectGetVersion,
    .connectGetLibVersion = testConnectGetLibVersion,
    .connectGetHostname = testConnectGetHostname,
    .connectGetMaxVcpus = testConnectGetMaxVcpus,
    .connectGetSysinfo = testConnectGetSysinfo,
    .connectGetCapabilities = testConnectGetCapabilities,
    .connectIsSecure = testConnectIsSecure,
    .connectIsEncrypted = testConnectIsEncrypted,
    .connectIsAlive = testConnectIsAlive,
    .connectRegisterCloseCallback = testConnectRegisterCloseCallback,
    .connectUnregisterCloseCallback = testConnectUnregisterCloseCallback,
    .nodeGetInfo = testNodeGetInfo,
    .nodeGetCellsFreeMemory = testNodeGetCellsFreeMemory,
    .nodeGetFreeMemory = testNodeGetFreeMemory,
    .nodeGetSecurityModel = testNodeGetSecurityModel,
    .nodeGetCPUStats = testNodeGetCPUStats,
    .nodeGetFreePages = testNodeGetFreePages,

    .connectNumOfDomains = testConnectNumOfDomains,
    .connectListDomains = testConnectListDomains,
    .connectNumOfDefinedDomains = testConnectNumOfDefinedDomains,
    .connectListDefinedDomains = testConnectListDefinedDomains,
    .connectListAllDomains = testConnectListAllDomains,
    .domainLookupByID = testDomainLookupByID,
    .domainLookupByName = testDomainLookupByName,
    .domainLookupByUUID = testDomainLookupByUUID,
    .domainLookupByUUIDString = testDomainLookupByUUIDString,
    .domainDefineXML = testDomainDefineXML,
    .domainDefineXMLFlags = testDomainDefineXMLFlags,
    .domainCreateXML = testDomainCreateXML,
    .domainCreate = testDomainCreate,
    .domainCreateWithFlags = testDomainCreateWithFlags,
    .domainUndefine = testDomainUndefine,
    .domainUndefineFlags = testDomainUndefineFlags,
    .domainDestroy = testDomainDestroy,
    .domainDestroyFlags = testDomainDestroyFlags,
    .domainSuspend = testDomainSuspend,
    .domainResume = testDomainResume,
    .domainShutdown = testDomainShutdown,
    .domainShutdownFlags = testDomainShutdownFlags,
    .domainReboot = testDomainReboot,
    .domainReset = testDomainReset,
    .domainGetInfo = testDomainGetInfo,
    .domainGetState = testDomainGetState,
    .domainGetXMLDesc = testDomainGetXMLDesc,
    .domainGetAutostart = testDomainGetAutostart,
    .domainSetAutostart = testDomainSetAutostart,
    .domainIsActive = testDomainIsActive,
    .domainIsPersistent = testDomainIsPersistent,
    .domainIsUpdated = testDomainIsUpdated,
    .domainGetOSType = testDomainGetOSType,
    .domainGetMaxMemory = testDomainGetMaxMemory,
    .domainSetMaxMemory = testDomainSetMaxMemory,
    .domainSetMemory = testDomainSetMemory,
    .domainSetMemoryFlags = testDomainSetMemoryFlags,
    .domainGetMetadata = testDomainGetMetadata,
    .domainSetMetadata = testDomainSetMetadata,
    .domainGetMaxVcpus = testDomainGetMaxVcpus,
    .domainGetVcpusFlags = testDomainGetVcpusFlags,
    .domainHasManagedSaveImage = testDomainHasManagedSaveImage,
    .domainManagedSave = testDomainManagedSave,
    .domainManagedSaveRemove = testDomainManagedSaveRemove,
    .domainGetSecurityLabel = testDomainGetSecurityLabel,
    .domainGetSchedulerType = testDomainGetSchedulerType,
    .domainGetSchedulerParameters = testDomainGetSchedulerParameters,
    .domainGetSchedulerParametersFlags = testDomainGetSchedulerParametersFlags,
    .domainSetSchedulerParameters = testDomainSetSchedulerParameters,
    .domainSetSchedulerParametersFlags = testDomainSetSchedulerParametersFlags,
    .domainMemoryStats = testDomainMemoryStats,
    .domainBlockStats = testDomainBlockStats,
    .domainGetBlockInfo = testDomainGetBlockInfo,
    .domainInterfaceStats = testDomainInterfaceStats,
    .domainGetTime = testDomainGetTime,
    .domainCreateXMLWithFiles = testDomainCreateXMLWithFiles,
    .domainCreateWithFiles = testDomainCreateWithFiles,

    .domainSave = testDomainSave,
    .domainSaveFlags = testDomainSaveFlags,
    .domainRestore = testDomainRestore,
    .domainRestoreFlags = testDomainRestoreFlags,
    .domainSaveImageGetXMLDesc = testDomainSaveImageGetXMLDesc,
    .domainSaveImageDefineXML = testDomainSaveImageDefineXML,
    .domainCoreDump = testDomainCoreDump,
    .domainCoreDumpWithFormat = testDomainCoreDumpWithFormat,
    .domainScreenshot = testDomainScreenshot,

    .domainSetVcpus = testDomainSetVcpus,
    .domainSetVcpusFlags = testDomainSetVcpusFlags,
    .domainGetVcpus = testDomainGetVcpus,
    .domainPinVcpu = testDomainPinVcpu,
    .domainPinVcpuFlags = testDomainPinVcpuFlags,
    .domainGetVcpuPinInfo = testDomainGetVcpuPinInfo,
    .domainPinEmulator = testDomainPinEmulator,
    .domainGetEmulatorPinInfo = testDomainGetEmulatorPinInfo,
    .nodeGetCPUMap = testNodeGetCPUMap,

    .domainGetHostname = testDomainGetHostname,
    .domainSetTime = testDomainSetTime,
    .domainGetControlInfo = testDomainGetControlInfo,
    .domainSetUserPassword = testDomainSetUserPassword,
    .domainInjectNMI = testDomainInjectNMI,
    .domainSendProcessSignal = testDomainSendProcessSignal,
    .domainFSFreeze = testDomainFSFreeze,
    .domainFSThaw = testDomainFSThaw,
    .domainFSTrim = testDomainFSTrim,
    .domainGetFSInfo = testDomainGetFSInfo,
    .domainGetDiskErrors = testDomainGetDiskErrors,
    .domainMemoryPeek = testDomainMemoryPeek,
    .domainGetLaunchSecurityInfo = testDomainGetLaunchSecurityInfo,
    .domainSetLifecycleAction = testDomainSetLifecycleAction,
    .domainSetMemoryStatsPeriod = testDomainSetMemoryStatsPeriod,
    .domainGetMessages = testDomainGetMessages,
    .domainRename = testDomainRename,

    .domainSnapshotNum = testDomainSnapshotNum,
    .domainSnapshotListNames = testDomainSnapshotListNames,
    .domainListAllSnapshots = testDomainListAllSnapshots,
    .domainSnapshotGetXMLDesc = testDomainSnapshotGetXMLDesc,
    .domainSnapshotNumChildren = testDomainSnapshotNumChildren,
    .domainSnapshotListChildrenNames = testDomainSnapshotListChildrenNames,
    .domainSnapshotListAllChildren = testDomainSnapshotListAllChildren,
    .domainSnapshotLookupByName = testDomainSnapshotLookupByName,
    .domainHasCurrentSnapshot = testDomainHasCurrentSnapshot,
    .domainSnapshotGetParent = testDomainSnapshotGetParent,
    .domainSnapshotCurrent = testDomainSnapshotCurrent,
    .domainSnapshotIsCurrent = testDomainSnapshotIsCurrent,
    .domainSnapshotHasMetadata = testDomainSnapshotHasMetadata,
    .domainSnapshotCreateXML = testDomainSnapshotCreateXML,
    .domainRevertToSnapshot = testDomainRevertToSnapshot,
    .domainSnapshotDelete = testDomainSnapshotDelete,
    .domainCheckpointCreateXML = testDomainCheckpointCreateXML,
    .domainCheckpointGetXMLDesc = testDomainCheckpointGetXMLDesc,
    .domainListAllCheckpoints = testDomainListAllCheckpoints,
    .domainCheckpointListAllChildren = testDomainCheckpointListAllChildren,
    .domainCheckpointLookupByName = testDomainCheckpointLookupByName,
    .domainCheckpointGetParent = testDomainCheckpointGetParent,
    .domainCheckpointDelete = testDomainCheckpointDelete,

    .connectDomainEventRegister = testConnectDomainEventRegister,
    .connectDomainEventDeregister = testConnectDomainEventDeregister,
    .connectDomainEventRegisterAny = testConnectDomainEventRegisterAny,
    .connectDomainEventDeregisterAny = testConnectDomainEventDeregisterAny,

    .domainGetMemoryParameters = testDomainGetMemoryParameters,
    .domainSetMemoryParameters = testDomainSetMemoryParameters,
    .domainGetNumaParameters = testDomainGetNumaParameters,
    .domainSetNumaParameters = testDomainSetNumaParameters,
    .domainGetBlkioParameters = testDomainGetBlkioParameters,
    .domainSetBlkioParameters = testDomainSetBlkioParameters,
    .domainGetInterfaceParameters = testDomainGetInterfaceParameters,
    .domainSetInterfaceParameters = testDomainSetInterfaceParameters,
    .domainGetBlockIoTune = testDomainGetBlockIoTune,
    .domainSetBlockIoTune = testDomainSetBlockIoTune,
    .domainGetPerfEvents = testDomainGetPerfEvents,
    .domainSetPerfEvents = testDomainSetPerfEvents,
    .domainGetIOThreadInfo = testDomainGetIOThreadInfo,
    .domainAddIOThread = testDomainAddIOThread,
    .domainDelIOThread = testDomainDelIOThread,
    .domainPinIOThread = testDomainPinIOThread,
    .domainSetIOThreadParams = testDomainSetIOThreadParams,
    .connectGetAllDomainStats = testConnectGetAllDomainStats,
    .domainListGetStats = testDomainListGetStats,
    .domainGetCPUStats = testDomainGetCPUStats,
    .domainInterfaceAddresses = testDomainInterfaceAddresses,
    .domainSendKey = testDomainSendKey,
    .connectGetCPUModelNames = testConnectGetCPUModelNames,
    .connectBaselineCPU = testConnectBaselineCPU,
};


static const char *const testURISchemes[] = { "test", NULL };

static virConnectDriver testConnectDriver = {
    .name = "Test",
    .uriSchemes = testURISchemes,
    .localOnly = true,
    .hypervisorDriver = &testHypervisorDriver,
    .networkDriver = &testNetworkDriver,
    .storageDriver = &testStorageDriver,
    .interfaceDriver = &testInterfaceDriver,
    .nodeDeviceDriver = &testNodeDeviceDriver,
    .secretDriver = NULL,
    .nwfilterDriver = NULL,
};


int
testRegister(void)
{
    return virRegisterConnectDriver(&testConnectDriver);
}
