/* test_driver_guest.c: the guest side of the test hypervisor's domains.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What a guest agent or the machine would answer (hostname, clock, file
 * systems, disk errors, memory contents), made up the way libvirt's test
 * driver makes it up, plus small settings: lifecycle actions, the balloon
 * statistics period and the domain's name.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The domain behind `domain`, running (libvirt's errors otherwise).
 * Called locked. */
static testDomObj *
testGuestRunning(testDriver *drv, virDomainPtr domain)
{
    testDomObj *obj = testDomObjFromDomain(drv, domain);

    if (obj && testDomObjCheckActive(obj) < 0)
        return NULL;
    return obj;
}


char *
testDomainGetHostname(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    char *ret = NULL;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if (testGuestRunning(drv, domain))
        ret = g_strdup_printf("%shost", domain->name);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetTime(virDomainPtr domain, long long seconds,
                  unsigned int nseconds, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_TIME_SYNC, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testGuestRunning(drv, domain))) {
        obj->seconds = seconds;
        obj->nseconds = nseconds;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* The control state is made from the guest clock: below 10000 seconds a
 * job running that long, below 30000 an occupied monitor, below 60000 an
 * error whose reason is the seconds modulo 4. */
int
testDomainGetControlInfo(virDomainPtr domain, virDomainControlInfoPtr info,
                         unsigned int flags)
{
    static const int reasons[] = {
        VIR_DOMAIN_CONTROL_ERROR_REASON_NONE,
        VIR_DOMAIN_CONTROL_ERROR_REASON_UNKNOWN,
        VIR_DOMAIN_CONTROL_ERROR_REASON_MONITOR,
        VIR_DOMAIN_CONTROL_ERROR_REASON_INTERNAL,
    };
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    long long s;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testGuestRunning(drv, domain)))
        goto cleanup;
    s = obj->seconds;
    memset(info, 0, sizeof(*info));
    if (s > 0 && s < 10000) {
        info->state = VIR_DOMAIN_CONTROL_JOB;
        info->stateTime = s;
    } else if (s >= 10000 && s < 30000) {
        info->state = VIR_DOMAIN_CONTROL_OCCUPIED;
        info->stateTime = s - 10000;
    } else if (s >= 30000 && s < 60000) {
        info->state = VIR_DOMAIN_CONTROL_ERROR;
        info->details = reasons[s % 4];
        info->stateTime = s - 30000;
    } else {
        info->state = VIR_DOMAIN_CONTROL_OK;
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetUserPassword(virDomainPtr domain, const char *user G_GNUC_UNUSED,
                          const char *password G_GNUC_UNUSED,
                          unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_PASSWORD_ENCRYPTED, -1);

    g_mutex_lock(&drv->lock);
    if (testGuestRunning(drv, domain))
        ret = 0;
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainInjectNMI(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (testGuestRunning(drv, domain))
        ret = 0;
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSendProcessSignal(virDomainPtr domain, long long pid_value,
                            unsigned int signum, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    int ret = -1;

    virCheckFlags(0, -1);

    if (pid_value != 1) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "only sending a signal to pid 1 is supported");
        return -1;
    }
    if (signum > VIR_DOMAIN_PROCESS_SIGNAL_RT32) {
        virReportError(VIR_ERR_INVALID_ARG, "signum value %d is out of range",
                       (int)signum);
        return -1;
    }

    /* Even a shut-off domain takes the signal. */
    g_mutex_lock(&drv->lock);
    if (testDomObjFromDomain(drv, domain))
        ret = 0;
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- file systems: the guest has "/" and "/boot" ---- */

static int
testGuestMountIndex(const char *mountpoint)
{
    if (strcmp(mountpoint, "/") == 0)
        return 0;
    if (strcmp(mountpoint, "/boot") == 0)
        return 1;
    virReportError(VIR_ERR_OPERATION_INVALID, "mount point not found: %s",
                   mountpoint);
    return -1;
}


/* Freeze (or thaw) the named file systems, all when none are named; the
 * number that changed state. */
static int
testGuestFreeze(virDomainPtr domain, const char **mountpoints,
                unsigned int nmountpoints, bool freeze)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    bool want[2];
    int changed = 0;
    int ret = -1;
    unsigned int i;

    g_mutex_lock(&drv->lock);
    if (!(obj = testGuestRunning(drv, domain)))
        goto cleanup;
    memcpy(want, obj->frozen, sizeof(want));
    if (nmountpoints == 0) {
        want[0] = want[1] = freeze;
    } else {
        for (i = 0; i < nmountpoints; i++) {
            int at = testGuestMountIndex(mountpoints[i]);

            if (at < 0)
                goto cleanup;
            want[at] = freeze;
        }
    }
    for (i = 0; i < 2; i++) {
        if (want[i] != obj->frozen[i])
            changed++;
    }
    memcpy(obj->frozen, want, sizeof(want));
    ret = changed;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainFSFreeze(virDomainPtr domain, const char **mountpoints,
                   unsigned int nmountpoints, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testGuestFreeze(domain, mountpoints, nmountpoints, true);
}


int
testDomainFSThaw(virDomainPtr domain, const char **mountpoints,
                 unsigned int nmountpoints, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testGuestFreeze(domain, mountpoints, nmountpoints, false);
}


int
testDomainFSTrim(virDomainPtr domain, const char *mountPoint,
                 unsigned long long minimum G_GNUC_UNUSED, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (testGuestRunning(drv, domain) &&
        (!mountPoint || testGuestMountIndex(mountPoint) >= 0))
        ret = 0;
    g_mutex_unlock(&drv->lock);
    return ret;
}


static virDomainFSInfoPtr
testGuestFSInfoNew(const char *mountpoint, const char *dev, int part)
{
    virDomainFSInfoPtr info = g_new0(virDomainFSInfo, 1);

    info->mountpoint = g_strdup(mountpoint);
    info->name = g_strdup_printf("%s%d", dev, part);
    info->fstype = g_strdup("ext4");
    info->ndevAlias = 1;
    info->devAlias = g_new0(char *, 1);
    info->devAlias[0] = g_strdup(dev);
    return info;
}


/* "/" and "/boot" on the first two partitions of the first disk (none
 * without a disk). */
int
testDomainGetFSInfo(virDomainPtr domain, virDomainFSInfoPtr **info,
                    unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;
    size_t i;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testGuestRunning(drv, domain)))
        goto cleanup;
    *info = NULL;
    ret = 0;
    for (i = 0; i < obj->def->ndisks; i++) {
        virDomainDiskDef *disk = obj->def->disks[i];

        if (disk->device != VIR_DOMAIN_DISK_DEVICE_DISK)
            continue;
        *info = g_new0(virDomainFSInfoPtr, 2);
        (*info)[0] = testGuestFSInfoNew("/", disk->dst, 1);
        (*info)[1] = testGuestFSInfoNew("/boot", disk->dst, 2);
        ret = 2;
        break;
    }

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Every disk reports an error, cycling through the error kinds. */
int
testDomainGetDiskErrors(virDomainPtr domain, virDomainDiskErrorPtr errors,
                        unsigned int maxerrors, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;
    size_t i;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testGuestRunning(drv, domain)))
        goto cleanup;
    if (!errors) {
        ret = obj->def->ndisks;
        goto cleanup;
    }
    for (i = 0; i < obj->def->ndisks && i < maxerrors; i++) {
        errors[i].disk = g_strdup(obj->def->disks[i]->dst);
        errors[i].error = (i % VIR_DOMAIN_DISK_ERROR_NO_SPACE) + 1;
    }
    ret = i;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Memory holds its own address, one byte at a time. */
int
testDomainMemoryPeek(virDomainPtr domain, unsigned long long start,
                     size_t size, void *buffer, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    unsigned char b = start;
    int ret = -1;
    size_t i;

    virCheckFlags(VIR_MEMORY_VIRTUAL | VIR_MEMORY_PHYSICAL, -1);

    if (flags != VIR_MEMORY_VIRTUAL && flags != VIR_MEMORY_PHYSICAL) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "flags parameter must be VIR_MEMORY_VIRTUAL or VIR_MEMORY_PHYSICAL");
        return -1;
    }

    g_mutex_lock(&drv->lock);
    if (testGuestRunning(drv, domain)) {
        for (i = 0; i < size; i++)
            ((unsigned char *)buffer)[i] = b++;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* No launch security here: nothing to report, for any domain. */
int
testDomainGetLaunchSecurityInfo(virDomainPtr domain G_GNUC_UNUSED,
                                virTypedParameterPtr *params G_GNUC_UNUSED,
                                int *nparams, unsigned int flags)
{
    virCheckFlags(0, -1);

    *nparams = 0;
    return 0;
}


/* ---- settings ---- */

static const char *const testLifecycleNames[] = { "poweroff", "reboot",
                                                  "crash" };

static void
testLifecycleSet(virDomainDef *def, unsigned int type, unsigned int action)
{
    switch (type) {
    case VIR_DOMAIN_LIFECYCLE_POWEROFF:
        def->onPoweroff = action;
        break;
    case VIR_DOMAIN_LIFECYCLE_REBOOT:
        def->onReboot = action;
        break;
    case VIR_DOMAIN_LIFECYCLE_CRASH:
        def->onCrash = action;
        break;
    }
}


int
testDomainSetLifecycleAction(virDomainPtr domain, unsigned int type,
                             unsigned int action, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    virDomainDef *live;
    virDomainDef *config;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    /* Core dumps are for crashes only. */
    if (type < VIR_DOMAIN_LIFECYCLE_CRASH &&
        (action == VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY ||
         action == VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART)) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_CONFIG_UNSUPPORTED,
                          "Lifecycle event '%s' doesn't support '%s' action",
                          testLifecycleNames[type],
                          virDomainLifecycleActionTypeToString(action));
        return -1;
    }

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjGetDefs(obj, flags, &live, &config) < 0)
        goto cleanup;
    if (live)
        testLifecycleSet(live, type, action);
    if (config)
        testLifecycleSet(config, type, action);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetMemoryStatsPeriod(virDomainPtr domain, int period,
                               unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    bool live;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        !(def = testDomObjGetOneDef(obj, flags, &live)))
        goto cleanup;
    if (!def->memballoon ||
        def->memballoon->model == VIR_DOMAIN_MEMBALLOON_MODEL_NONE) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No memory balloon device configured, can not set the collection period");
        goto cleanup;
    }
    def->memballoon->period = period;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* No deprecation or tainting is tracked: never any message. */
int
testDomainGetMessages(virDomainPtr domain, char ***msgs, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_MESSAGE_DEPRECATION |
                  VIR_DOMAIN_MESSAGE_TAINTING, -1);

    g_mutex_lock(&drv->lock);
    if (testDomObjFromDomain(drv, domain)) {
        *msgs = NULL;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainRename(virDomainPtr domain, const char *new_name,
                 unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    size_t i;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (testDomObjIsActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot rename active domain");
        goto cleanup;
    }
    if (!obj->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot rename a transient domain");
        goto cleanup;
    }
    if (obj->state != VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain has to be shutoff before renaming");
        goto cleanup;
    }
    if (strcmp(obj->def->name, new_name) == 0) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID, "%s",
                          "Can't rename domain to itself");
        goto cleanup;
    }
    for (i = 0; i < drv->domains->len; i++) {
        testDomObj *other = g_ptr_array_index(drv->domains, i);

        if (strcmp(other->def->name, new_name) == 0) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID,
                              "domain with name '%s' already exists",
                              new_name);
            goto cleanup;
        }
    }
    if (strchr(new_name, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'",
                       new_name);
        goto cleanup;
    }

    testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_UNDEFINED,
                    VIR_DOMAIN_EVENT_UNDEFINED_RENAMED);
    g_free(obj->def->name);
    obj->def->name = g_strdup(new_name);
    testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_DEFINED,
                    VIR_DOMAIN_EVENT_DEFINED_RENAMED);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}
