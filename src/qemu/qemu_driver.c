/* qemu_driver.c: the qemu:/// hypervisor driver (the API side).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Registered only inside virtkitd (qemuRegister); clients reach it
 * through the remote driver.  Persistent definitions live in
 * stateDir/NAME.xml; running domains are handled by qemu_process.c.
 */
#include <config.h>

#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "qemu/qemu_command.h"
#include "qemu/qemu_domain.h"
#include "qemu/qemu_driver.h"
#include "util/virerror.h"
#include "util/virfdstream.h"
#include "util/virfile.h"
#include "util/virlog.h"
#include "util/viruri.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

static qemuDriver *qemu_driver;


/* ---- domain objects --------------------------------------------------- */

void
qemuDomainObjFree(qemuDomainObj *obj)
{
    if (!obj)
        return;
    virDomainDefFree(obj->def);
    virDomainDefFree(obj->newDef);
    g_free(obj->domainDir);
    g_free(obj);
}

qemuDomainObj *
qemuDomainObjFindByUUID(qemuDriver *drv, const unsigned char *uuid)
{
    size_t i;

    for (i = 0; i < drv->domains->len; i++) {
        qemuDomainObj *obj = drv->domains->pdata[i];

        if (obj->def && memcmp(obj->def->uuid, uuid, VIR_UUID_BUFLEN) == 0)
            return obj;
    }
    return NULL;
}

qemuDomainObj *
qemuDomainObjFindByName(qemuDriver *drv, const char *name)
{
    size_t i;

    for (i = 0; i < drv->domains->len; i++) {
        qemuDomainObj *obj = drv->domains->pdata[i];

        if (obj->def && strcmp(obj->def->name, name) == 0)
            return obj;
    }
    return NULL;
}

void
qemuDomainObjRemove(qemuDriver *drv, qemuDomainObj *obj)
{
    g_ptr_array_remove(drv->domains, obj);     /* frees it */
}

void
qemuDomainObjEvent(qemuDriver *drv, qemuDomainObj *obj, int event, int detail)
{
    qemuEventQueueLifecycle(drv->events, obj->def->name, obj->def->uuid,
                            obj->def->id, event, detail);
}

static bool
isActive(const qemuDomainObj *obj)
{
    return obj->state != VIR_DOMAIN_SHUTOFF &&
           obj->state != VIR_DOMAIN_NOSTATE;
}

static virDomainDef *
persistentDef(qemuDomainObj *obj)
{
    return obj->newDef ? obj->newDef : obj->def;
}

int
qemuDomainSaveConfig(qemuDriver *drv, virDomainDef *def)
{
    g_autofree char *path = g_strdup_printf("%s/%s.xml", drv->stateDir,
                                            def->name);
    g_autofree char *xml = virDomainDefFormat(def,
                                              VIR_DOMAIN_DEF_FORMAT_SECURE |
                                              VIR_DOMAIN_DEF_FORMAT_INACTIVE);

    return virFileWriteAtomic(path, xml, strlen(xml), 0600);
}

static char *
autostartLink(qemuDriver *drv, const char *name)
{
    return g_strdup_printf("%s/autostart/%s.xml", drv->stateDir, name);
}

/* The definition goes first: a crash before its autostart link is gone
 * leaves a dangling link, which the next start removes (cleanStaleFiles),
 * so the domain is either whole or undefined, never defined without its
 * autostart mark. */
static void
deleteConfig(qemuDriver *drv, const char *name)
{
    g_autofree char *path = g_strdup_printf("%s/%s.xml", drv->stateDir, name);
    g_autofree char *link = autostartLink(drv, name);

    if (virFileRemoveDurable(path) < 0 || virFileRemoveDurable(link) < 0) {
        VIR_WARN("%s", virGetLastErrorMessage());
        virResetLastError();
    }
}

/* The object behind a handle, with the driver lock taken; NULL with
 * VIR_ERR_NO_DOMAIN (lock released) if it is gone. */
static qemuDomainObj *
lockDomain(virDomainPtr dom)
{
    qemuDriver *drv = qemu_driver;
    qemuDomainObj *obj;
    char uuid[VIR_UUID_STRING_BUFLEN];

    g_mutex_lock(&drv->lock);
    if ((obj = qemuDomainObjFindByUUID(drv, dom->uuid)))
        return obj;
    g_mutex_unlock(&drv->lock);
    virUUIDFormat(dom->uuid, uuid);
    virReportError(VIR_ERR_NO_DOMAIN,
                   "no domain with matching uuid '%s' (%s)", uuid, dom->name);
    return NULL;
}

static void
unlockDriver(void)
{
    g_mutex_unlock(&qemu_driver->lock);
}

static int
checkActive(qemuDomainObj *obj)
{
    if (!isActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        return -1;
    }
    if (!obj->mon) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "monitor is not available");
        return -1;
    }
    return 0;
}

static virDomainPtr
domainHandle(virConnectPtr conn, qemuDomainObj *obj)
{
    return virGetDomain(conn, obj->def->name, obj->def->uuid,
                        isActive(obj) ? obj->def->id : -1);
}


/* ---- connections ------------------------------------------------------ */

static virDrvOpenStatus
qemuConnectOpen(virConnectPtr conn, const char *uristr,
                virConnectAuthPtr auth G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virURI) uri = NULL;
    const char *want;

    virCheckFlags(VIR_CONNECT_RO | VIR_CONNECT_NO_ALIASES,
                  VIR_DRV_OPEN_ERROR);
    if (!qemu_driver || !uristr || !(uri = virURIParse(uristr)) ||
        !uri->scheme || strcmp(uri->scheme, "qemu") != 0 || uri->server)
        return VIR_DRV_OPEN_DECLINED;

    want = qemu_driver->privileged ? "/system" : "/session";
    if (!uri->path || strcmp(uri->path, want) != 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected QEMU URI path '%s', try qemu://%s",
                       uri->path ? uri->path : "", want);
        return VIR_DRV_OPEN_ERROR;
    }
    conn->privateData = qemu_driver;
    return VIR_DRV_OPEN_SUCCESS;
}

static int
qemuConnectClose(virConnectPtr conn)
{
    if (qemu_driver)
        qemuEventDropConnection(qemu_driver->events, conn);
    conn->privateData = NULL;
    return 0;
}

static const char *
qemuConnectGetType(virConnectPtr conn G_GNUC_UNUSED)
{
    return "QEMU";
}

#define QEMU_DEFAULT_EMULATOR "/usr/bin/qemu-system-x86_64"

/* The default emulator's capabilities, probed on first use; call with
 * the driver lock held. */
static qemuCaps *
getCaps(qemuDriver *drv)
{
    if (!drv->caps)
        drv->caps = qemuCapsProbe(QEMU_DEFAULT_EMULATOR, drv->runDir);
    return drv->caps;
}

/* "pc" becomes "pc-i440fx-7.2" as QEMU names it, and a machine QEMU does
 * not have is refused (only for the default emulator). */
static int
canonicalizeMachine(qemuDriver *drv, virDomainDef *def)
{
    qemuCaps *caps;
    const char *canon;

    if (def->emulator && strcmp(def->emulator, QEMU_DEFAULT_EMULATOR) != 0)
        return 0;
    if (!(caps = getCaps(drv)))
        return -1;
    if (!(canon = qemuCapsCanonicalMachine(caps, def->os.machine)))
        return -1;
    if (g_strcmp0(canon, def->os.machine) != 0) {
        g_free(def->os.machine);
        def->os.machine = g_strdup(canon);
    }
    return 0;
}

static int
qemuConnectGetVersion(virConnectPtr conn G_GNUC_UNUSED, unsigned long *hvVer)
{
    qemuCaps *caps;

    g_mutex_lock(&qemu_driver->lock);
    caps = getCaps(qemu_driver);
    *hvVer = caps ? caps->version : 0;
    unlockDriver();
    return caps ? 0 : -1;
}

static char *
qemuConnectGetCapabilities(virConnectPtr conn G_GNUC_UNUSED)
{
    qemuCaps *caps;
    char *ret = NULL;

    g_mutex_lock(&qemu_driver->lock);
    if ((caps = getCaps(qemu_driver)))
        ret = qemuCapsFormatCapabilities(caps, qemu_driver->secMgr,
                                         qemu_driver->kvm);
    unlockDriver();
    return ret;
}

static char *
qemuConnectGetHostname(virConnectPtr conn G_GNUC_UNUSED)
{
    return g_strdup(g_get_host_name());
}

static char *
qemuConnectGetURI(virConnectPtr conn G_GNUC_UNUSED)
{
    return g_strdup(qemu_driver->privileged ? "qemu:///system"
                                            : "qemu:///session");
}

static int
qemuConnectIsAlive(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}

static int
qemuConnectIsSecure(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}

static int
qemuConnectIsEncrypted(virConnectPtr conn G_GNUC_UNUSED)
{
    return 0;
}


/* ---- listing and lookup ----------------------------------------------- */

static bool
matchesListFlags(qemuDomainObj *obj, unsigned int flags)
{
    bool active = isActive(obj);

    if ((flags & (VIR_CONNECT_LIST_DOMAINS_ACTIVE |
                  VIR_CONNECT_LIST_DOMAINS_INACTIVE)) &&
        !((flags & VIR_CONNECT_LIST_DOMAINS_ACTIVE && active) ||
          (flags & VIR_CONNECT_LIST_DOMAINS_INACTIVE && !active)))
        return false;
    if ((flags & (VIR_CONNECT_LIST_DOMAINS_PERSISTENT |
                  VIR_CONNECT_LIST_DOMAINS_TRANSIENT)) &&
        !((flags & VIR_CONNECT_LIST_DOMAINS_PERSISTENT && obj->persistent) ||
          (flags & VIR_CONNECT_LIST_DOMAINS_TRANSIENT && !obj->persistent)))
        return false;
    if (flags & (VIR_CONNECT_LIST_DOMAINS_RUNNING |
                 VIR_CONNECT_LIST_DOMAINS_PAUSED |
                 VIR_CONNECT_LIST_DOMAINS_SHUTOFF |
                 VIR_CONNECT_LIST_DOMAINS_OTHER)) {
        bool ok = false;

        if (flags & VIR_CONNECT_LIST_DOMAINS_RUNNING)
            ok |= obj->state == VIR_DOMAIN_RUNNING;
        if (flags & VIR_CONNECT_LIST_DOMAINS_PAUSED)
            ok |= obj->state == VIR_DOMAIN_PAUSED;
        if (flags & VIR_CONNECT_LIST_DOMAINS_SHUTOFF)
            ok |= obj->state == VIR_DOMAIN_SHUTOFF;
        if (flags & VIR_CONNECT_LIST_DOMAINS_OTHER)
            ok |= obj->state != VIR_DOMAIN_RUNNING &&
                  obj->state != VIR_DOMAIN_PAUSED &&
                  obj->state != VIR_DOMAIN_SHUTOFF;
        if (!ok)
            return false;
    }
    if ((flags & VIR_CONNECT_LIST_DOMAINS_AUTOSTART) && !obj->autostart)
        return false;
    if ((flags & VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART) && obj->autostart)
        return false;
    if (flags & (VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE |
                 VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT |
                 VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT))
        return false;
    return true;
}

static void
unrefDomain(gpointer dom)
{
    virObjectUnref(dom);
}

static int
qemuConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                          unsigned int flags)
{
    qemuDriver *drv = qemu_driver;
    g_autoptr(GPtrArray) list = g_ptr_array_new();
    size_t i;
    int n;

    virCheckFlags(0xffff, -1);
    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->domains->len; i++) {
        qemuDomainObj *obj = drv->domains->pdata[i];
        virDomainPtr dom;

        if (!matchesListFlags(obj, flags))
            continue;
        if (!(dom = domainHandle(conn, obj))) {
            g_mutex_unlock(&drv->lock);
            g_ptr_array_set_free_func(list, unrefDomain);
            return -1;
        }
        g_ptr_array_add(list, dom);
    }
    g_mutex_unlock(&drv->lock);
    n = list->len;
    if (domains) {
        g_ptr_array_add(list, NULL);
        *domains = (virDomainPtr *)g_ptr_array_steal(list, NULL);
    } else {
        g_ptr_array_set_free_func(list, unrefDomain);
    }
    return n;
}

static int
qemuConnectNumOfDomains(virConnectPtr conn G_GNUC_UNUSED)
{
    size_t i;
    int n = 0;

    g_mutex_lock(&qemu_driver->lock);
    for (i = 0; i < qemu_driver->domains->len; i++)
        n += isActive(qemu_driver->domains->pdata[i]);
    unlockDriver();
    return n;
}

static int
qemuConnectListDomains(virConnectPtr conn G_GNUC_UNUSED, int *ids, int maxids)
{
    size_t i;
    int n = 0;

    g_mutex_lock(&qemu_driver->lock);
    for (i = 0; i < qemu_driver->domains->len && n < maxids; i++) {
        qemuDomainObj *obj = qemu_driver->domains->pdata[i];

        if (isActive(obj))
            ids[n++] = obj->def->id;
    }
    unlockDriver();
    return n;
}

static int
qemuConnectNumOfDefinedDomains(virConnectPtr conn G_GNUC_UNUSED)
{
    size_t i;
    int n = 0;

    g_mutex_lock(&qemu_driver->lock);
    for (i = 0; i < qemu_driver->domains->len; i++)
        n += !isActive(qemu_driver->domains->pdata[i]);
    unlockDriver();
    return n;
}

static int
qemuConnectListDefinedDomains(virConnectPtr conn G_GNUC_UNUSED,
                              char **const names, int maxnames)
{
    size_t i;
    int n = 0;

    g_mutex_lock(&qemu_driver->lock);
    for (i = 0; i < qemu_driver->domains->len && n < maxnames; i++) {
        qemuDomainObj *obj = qemu_driver->domains->pdata[i];

        if (!isActive(obj))
            names[n++] = g_strdup(obj->def->name);
    }
    unlockDriver();
    return n;
}

static virDomainPtr
qemuDomainLookupByName(virConnectPtr conn, const char *name)
{
    qemuDomainObj *obj;
    virDomainPtr ret = NULL;

    g_mutex_lock(&qemu_driver->lock);
    if ((obj = qemuDomainObjFindByName(qemu_driver, name)))
        ret = domainHandle(conn, obj);
    else
        virReportError(VIR_ERR_NO_DOMAIN,
                       "no domain with matching name '%s'", name);
    unlockDriver();
    return ret;
}

static virDomainPtr
qemuDomainLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    qemuDomainObj *obj;
    virDomainPtr ret = NULL;
    char str[VIR_UUID_STRING_BUFLEN];

    g_mutex_lock(&qemu_driver->lock);
    if ((obj = qemuDomainObjFindByUUID(qemu_driver, uuid))) {
        ret = domainHandle(conn, obj);
    } else {
        virUUIDFormat(uuid, str);
        virReportError(VIR_ERR_NO_DOMAIN,
                       "no domain with matching uuid '%s'", str);
    }
    unlockDriver();
    return ret;
}

static virDomainPtr
qemuDomainLookupByID(virConnectPtr conn, int id)
{
    virDomainPtr ret = NULL;
    size_t i;

    g_mutex_lock(&qemu_driver->lock);
    for (i = 0; i < qemu_driver->domains->len; i++) {
        qemuDomainObj *obj = qemu_driver->domains->pdata[i];

        if (isActive(obj) && obj->def->id == id) {
            ret = domainHandle(conn, obj);
            break;
        }
    }
    if (i == qemu_driver->domains->len)
        virReportError(VIR_ERR_NO_DOMAIN, "no domain with matching id %d", id);
    unlockDriver();
    return ret;
}


/* ---- define / undefine ------------------------------------------------ */

/* Tap fd numbers for building a command line that is not run. */
static int *
fakeTapFds(const virDomainDef *def)
{
    int *fds = g_new(int, def->nnets + 1);
    size_t i;

    for (i = 0; i < def->nnets; i++)
        fds[i] = 3 + i;
    return fds;
}

/* A definition may take the place of an object only if name and uuid
 * agree with it. */
static int
checkDuplicate(qemuDriver *drv, virDomainDef *def, bool forStart)
{
    qemuDomainObj *byName = qemuDomainObjFindByName(drv, def->name);
    qemuDomainObj *byUUID = qemuDomainObjFindByUUID(drv, def->uuid);
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (byUUID && strcmp(byUUID->def->name, def->name) != 0) {
        virUUIDFormat(byUUID->def->uuid, uuid);
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "domain '%s' is already defined with uuid %s",
                       byUUID->def->name, uuid);
        return -1;
    }
    if (byName && !byUUID) {
        virUUIDFormat(byName->def->uuid, uuid);
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "domain '%s' already exists with uuid %s",
                       def->name, uuid);
        return -1;
    }
    if (forStart && byUUID && isActive(byUUID)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "domain '%s' is already active", def->name);
        return -1;
    }
    return 0;
}

static virDomainPtr
qemuDomainDefineXMLFlags(virConnectPtr conn, const char *xml,
                         unsigned int flags)
{
    qemuDriver *drv = qemu_driver;
    g_autoptr(virDomainDef) def = NULL;
    qemuDomainObj *obj;
    virDomainPtr ret = NULL;
    bool update;

    virCheckFlags(VIR_DOMAIN_DEFINE_VALIDATE, NULL);
    if (!(def = virDomainDefParseStringFull(xml, qemuDomainXMLOption(),
                                            VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return NULL;
    /* Refuse at define time what could never start. */
    {
        g_autofree int *fds = fakeTapFds(def);
        qemuCommandParams params = { .monitorPath = "/m", .tapfds = fds,
                                     .ntapfds = def->nnets };
        g_autoptr(qemuCommand) cmd = qemuBuildCommandLine(def, &params);

        if (!cmd)
            return NULL;
    }

    g_mutex_lock(&drv->lock);
    if (canonicalizeMachine(drv, def) < 0 ||
        checkDuplicate(drv, def, false) < 0)
        goto cleanup;
    if (qemuDomainSaveConfig(drv, def) < 0)
        goto cleanup;
    obj = qemuDomainObjFindByUUID(drv, def->uuid);
    update = obj != NULL;
    if (!obj) {
        obj = g_new0(qemuDomainObj, 1);
        obj->state = VIR_DOMAIN_SHUTOFF;
        obj->reason = VIR_DOMAIN_SHUTOFF_UNKNOWN;
        def->id = -1;
        obj->def = g_steal_pointer(&def);
        g_ptr_array_add(drv->domains, obj);
    } else if (isActive(obj)) {
        virDomainDefFree(obj->newDef);
        obj->newDef = g_steal_pointer(&def);
    } else {
        virDomainDefFree(obj->def);
        def->id = -1;
        obj->def = g_steal_pointer(&def);
    }
    obj->persistent = true;
    if (isActive(obj))
        qemuProcessWriteStatus(drv, obj);
    qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_DEFINED,
                       update ? VIR_DOMAIN_EVENT_DEFINED_UPDATED
                              : VIR_DOMAIN_EVENT_DEFINED_ADDED);
    ret = domainHandle(conn, obj);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}

static virDomainPtr
qemuDomainDefineXML(virConnectPtr conn, const char *xml)
{
    return qemuDomainDefineXMLFlags(conn, xml, 0);
}

static int
qemuDomainUndefineFlags(virDomainPtr dom, unsigned int flags)
{
    qemuDriver *drv = qemu_driver;
    qemuDomainObj *obj;

    virCheckFlags(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                  VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
                  VIR_DOMAIN_UNDEFINE_NVRAM |
                  VIR_DOMAIN_UNDEFINE_KEEP_NVRAM |
                  VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA |
                  VIR_DOMAIN_UNDEFINE_TPM |
                  VIR_DOMAIN_UNDEFINE_KEEP_TPM, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    if (!obj->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot undefine transient domain");
        unlockDriver();
        return -1;
    }
    deleteConfig(drv, obj->def->name);
    qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_UNDEFINED,
                       VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    if (isActive(obj)) {
        obj->persistent = false;
        g_clear_pointer(&obj->newDef, virDomainDefFree);
        qemuProcessWriteStatus(drv, obj);
    } else {
        qemuDomainObjRemove(drv, obj);
    }
    unlockDriver();
    return 0;
}

static int
qemuDomainUndefine(virDomainPtr dom)
{
    return qemuDomainUndefineFlags(dom, 0);
}


/* ---- lifecycle -------------------------------------------------------- */

static int
qemuDomainCreateWithFlags(virDomainPtr dom, unsigned int flags)
{
    qemuDomainObj *obj;
    int ret;

    virCheckFlags(VIR_DOMAIN_START_PAUSED | VIR_DOMAIN_START_AUTODESTROY |
                  VIR_DOMAIN_START_BYPASS_CACHE |
                  VIR_DOMAIN_START_FORCE_BOOT, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    if (isActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is already running");
        unlockDriver();
        return -1;
    }
    ret = qemuProcessStart(qemu_driver, obj,
                           flags & VIR_DOMAIN_START_PAUSED);
    if (ret == 0)
        dom->id = obj->def->id;
    unlockDriver();
    return ret;
}

static int
qemuDomainCreate(virDomainPtr dom)
{
    return qemuDomainCreateWithFlags(dom, 0);
}

static virDomainPtr
qemuDomainCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    qemuDriver *drv = qemu_driver;
    g_autoptr(virDomainDef) def = NULL;
    qemuDomainObj *obj;
    virDomainDef *config = NULL;
    virDomainPtr ret = NULL;
    bool created = false;

    virCheckFlags(VIR_DOMAIN_START_PAUSED | VIR_DOMAIN_START_AUTODESTROY |
                  VIR_DOMAIN_START_VALIDATE, NULL);
    if (!(def = virDomainDefParseStringFull(xml, qemuDomainXMLOption(),
                                            VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return NULL;
    g_mutex_lock(&drv->lock);
    if (canonicalizeMachine(drv, def) < 0 ||
        checkDuplicate(drv, def, true) < 0)
        goto cleanup;
    if ((obj = qemuDomainObjFindByUUID(drv, def->uuid))) {
        /* a defined domain runs this definition; its config stays */
        config = obj->def;
        obj->def = g_steal_pointer(&def);
    } else {
        obj = g_new0(qemuDomainObj, 1);
        obj->state = VIR_DOMAIN_SHUTOFF;
        obj->def = g_steal_pointer(&def);
        g_ptr_array_add(drv->domains, obj);
        created = true;
    }
    if (qemuProcessStart(drv, obj, flags & VIR_DOMAIN_START_PAUSED) < 0) {
        if (created) {
            qemuDomainObjRemove(drv, obj);
        } else {
            virDomainDefFree(obj->def);
            obj->def = config;
        }
        goto cleanup;
    }
    if (config) {
        virDomainDefFree(obj->newDef);
        obj->newDef = config;
    }
    ret = domainHandle(conn, obj);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}

static int
qemuDomainSuspend(virDomainPtr dom)
{
    qemuDomainObj *obj;
    int ret = -1;

    if (!(obj = lockDomain(dom)))
        return -1;
    if (checkActive(obj) < 0)
        goto cleanup;
    if (obj->state != VIR_DOMAIN_PAUSED) {
        if (qemuProcessStopCPUs(obj) < 0)
            goto cleanup;
        obj->state = VIR_DOMAIN_PAUSED;
        obj->reason = VIR_DOMAIN_PAUSED_USER;
        qemuProcessWriteStatus(qemu_driver, obj);
        qemuDomainObjEvent(qemu_driver, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                           VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    }
    ret = 0;
 cleanup:
    unlockDriver();
    return ret;
}

static int
qemuDomainResume(virDomainPtr dom)
{
    qemuDomainObj *obj;
    int ret = -1;

    if (!(obj = lockDomain(dom)))
        return -1;
    if (checkActive(obj) < 0)
        goto cleanup;
    if (obj->state == VIR_DOMAIN_PAUSED) {
        if (qemuProcessStartCPUs(obj) < 0)
            goto cleanup;
        obj->state = VIR_DOMAIN_RUNNING;
        obj->reason = VIR_DOMAIN_RUNNING_UNPAUSED;
        qemuProcessWriteStatus(qemu_driver, obj);
        qemuDomainObjEvent(qemu_driver, obj, VIR_DOMAIN_EVENT_RESUMED,
                           VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
    }
    ret = 0;
 cleanup:
    unlockDriver();
    return ret;
}

static int
qemuDomainShutdownFlags(virDomainPtr dom, unsigned int flags)
{
    qemuDomainObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    if (checkActive(obj) < 0)
        goto cleanup;
    if (obj->state != VIR_DOMAIN_RUNNING) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        goto cleanup;
    }
    obj->fakeReboot = false;
    ret = qemuMonitorSystemPowerdown(obj->mon);
 cleanup:
    unlockDriver();
    return ret;
}

static int
qemuDomainShutdown(virDomainPtr dom)
{
    return qemuDomainShutdownFlags(dom, 0);
}

static int
qemuDomainReboot(virDomainPtr dom, unsigned int flags)
{
    qemuDomainObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_REBOOT_ACPI_POWER_BTN, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    if (checkActive(obj) < 0)
        goto cleanup;
    if (obj->state != VIR_DOMAIN_RUNNING) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        goto cleanup;
    }
    /* The guest powers off on the ACPI button; the SHUTDOWN event then
     * resets it instead of stopping QEMU. */
    obj->fakeReboot = true;
    if ((ret = qemuMonitorSystemPowerdown(obj->mon)) < 0)
        obj->fakeReboot = false;
 cleanup:
    unlockDriver();
    return ret;
}

static int
qemuDomainReset(virDomainPtr dom, unsigned int flags)
{
    qemuDomainObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    if (checkActive(obj) == 0)
        ret = qemuMonitorSystemReset(obj->mon);
    unlockDriver();
    return ret;
}

static int
qemuDomainDestroyFlags(virDomainPtr dom, unsigned int flags)
{
    qemuDomainObj *obj;

    virCheckFlags(VIR_DOMAIN_DESTROY_GRACEFUL, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    if (!isActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        unlockDriver();
        return -1;
    }
    qemuProcessStop(qemu_driver, obj, VIR_DOMAIN_SHUTOFF_DESTROYED,
                    VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    dom->id = -1;
    unlockDriver();
    return 0;
}

static int
qemuDomainDestroy(virDomainPtr dom)
{
    return qemuDomainDestroyFlags(dom, 0);
}


/* ---- information ------------------------------------------------------ */

static unsigned long long
processCPUTime(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%lld/stat", (long long)pid);
    g_autofree char *stat = NULL;
    unsigned long long utime = 0, stime = 0;
    const char *p;

    if (pid <= 0 || !g_file_get_contents(path, &stat, NULL, NULL) ||
        !(p = strrchr(stat, ')')))
        return 0;
    /* after ")": state ppid pgrp session tty tpgid flags minflt cminflt
     * majflt cmajflt utime stime */
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
               &utime, &stime) != 2)
        return 0;
    return (utime + stime) * (1000000000ULL / sysconf(_SC_CLK_TCK));
}

static int
qemuDomainGetInfo(virDomainPtr dom, virDomainInfoPtr info)
{
    qemuDomainObj *obj;

    if (!(obj = lockDomain(dom)))
        return -1;
    memset(info, 0, sizeof(*info));
    info->state = obj->state;
    info->maxMem = obj->def->total_memory;
    info->memory = isActive(obj) ? (obj->def->cur_balloon ?
                                    obj->def->cur_balloon :
                                    obj->def->total_memory) : 0;
    info->nrVirtCpu = obj->def->vcpus ? obj->def->vcpus : obj->def->maxvcpus;
    info->cpuTime = isActive(obj) ? processCPUTime(obj->pid) : 0;
    unlockDriver();
    return 0;
}

static int
qemuDomainGetState(virDomainPtr dom, int *state, int *reason,
                   unsigned int flags)
{
    qemuDomainObj *obj;

    virCheckFlags(0, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    *state = obj->state;
    if (reason)
        *reason = obj->reason;
    unlockDriver();
    return 0;
}

static char *
qemuDomainGetXMLDesc(virDomainPtr dom, unsigned int flags)
{
    qemuDomainObj *obj;
    char *ret;

    virCheckFlags(VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE |
                  VIR_DOMAIN_XML_UPDATE_CPU | VIR_DOMAIN_XML_MIGRATABLE, NULL);
    if (!(obj = lockDomain(dom)))
        return NULL;
    if ((flags & VIR_DOMAIN_XML_INACTIVE) && obj->newDef) {
        ret = virDomainDefFormat(obj->newDef, flags);
    } else {
        obj->def->id = isActive(obj) ? obj->def->id : -1;
        ret = virDomainDefFormat(obj->def, flags);
    }
    unlockDriver();
    return ret;
}

static char *
qemuDomainGetOSType(virDomainPtr dom)
{
    qemuDomainObj *obj;
    char *ret;

    if (!(obj = lockDomain(dom)))
        return NULL;
    ret = g_strdup(virDomainOSTypeToString(obj->def->os.type));
    unlockDriver();
    return ret;
}

static unsigned long
qemuDomainGetMaxMemory(virDomainPtr dom)
{
    qemuDomainObj *obj;
    unsigned long ret;

    if (!(obj = lockDomain(dom)))
        return 0;
    ret = persistentDef(obj)->total_memory;
    unlockDriver();
    return ret;
}

static int
qemuDomainIsActive(virDomainPtr dom)
{
    qemuDomainObj *obj;
    int ret;

    if (!(obj = lockDomain(dom)))
        return -1;
    ret = isActive(obj);
    unlockDriver();
    return ret;
}

static int
qemuDomainIsPersistent(virDomainPtr dom)
{
    qemuDomainObj *obj;
    int ret;

    if (!(obj = lockDomain(dom)))
        return -1;
    ret = obj->persistent;
    unlockDriver();
    return ret;
}

static int
qemuDomainIsUpdated(virDomainPtr dom)
{
    qemuDomainObj *obj;

    if (!(obj = lockDomain(dom)))
        return -1;
    unlockDriver();
    return 0;
}

static int
qemuDomainGetAutostart(virDomainPtr dom, int *autostart)
{
    qemuDomainObj *obj;

    if (!(obj = lockDomain(dom)))
        return -1;
    *autostart = obj->autostart;
    unlockDriver();
    return 0;
}

static int
qemuDomainSetAutostart(virDomainPtr dom, int autostart)
{
    qemuDomainObj *obj;
    g_autofree char *link = NULL;
    g_autofree char *target = NULL;
    int ret = -1;

    if (!(obj = lockDomain(dom)))
        return -1;
    if (!obj->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot set autostart for transient domain");
        goto cleanup;
    }
    link = autostartLink(qemu_driver, obj->def->name);
    target = g_strdup_printf("%s/%s.xml", qemu_driver->stateDir,
                             obj->def->name);
    if (autostart && !obj->autostart) {
        g_autofree char *dir = g_path_get_dirname(link);

        if (virFileMakePath(dir, 0755) < 0)
            goto cleanup;
        if (virFileSymlinkDurable(target, link) < 0)
            goto cleanup;
    } else if (!autostart && obj->autostart) {
        if (virFileRemoveDurable(link) < 0)
            goto cleanup;
    }
    obj->autostart = autostart != 0;
    ret = 0;
 cleanup:
    unlockDriver();
    return ret;
}

static int
qemuDomainGetSecurityLabel(virDomainPtr dom, virSecurityLabelPtr seclabel)
{
    qemuDomainObj *obj;

    if (!(obj = lockDomain(dom)))
        return -1;
    /* The primary model is "none": no process label to report. */
    memset(seclabel, 0, sizeof(*seclabel));
    unlockDriver();
    return 0;
}

static int
qemuNodeGetSecurityModel(virConnectPtr conn G_GNUC_UNUSED,
                         virSecurityModelPtr secmodel)
{
    memset(secmodel, 0, sizeof(*secmodel));
    g_strlcpy(secmodel->model,
              virSecurityManagerGetModel(qemu_driver->secMgr),
              sizeof(secmodel->model));
    g_strlcpy(secmodel->doi, virSecurityManagerGetDOI(qemu_driver->secMgr),
              sizeof(secmodel->doi));
    return 0;
}

static char *
qemuConnectDomainXMLToNative(virConnectPtr conn G_GNUC_UNUSED,
                             const char *format, const char *xml,
                             unsigned int flags)
{
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(qemuCommand) cmd = NULL;
    g_autofree char *dir = NULL;
    g_autofree char *mon = NULL;
    g_autofree int *fds = NULL;
    qemuCommandParams params = { 0 };

    virCheckFlags(0, NULL);
    if (strcmp(format, "qemu-argv") != 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Unsupported config type %s", format);
        return NULL;
    }
    if (!(def = virDomainDefParseStringFull(xml, qemuDomainXMLOption(),
                                            VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return NULL;
    dir = g_strdup_printf("%s/domain--1-%s", qemu_driver->runDir, def->name);
    mon = g_strdup_printf("%s/monitor.sock", dir);
    fds = fakeTapFds(def);
    params.monitorPath = mon;
    params.domainDir = dir;
    params.tapfds = fds;
    params.ntapfds = def->nnets;
    params.kvm = def->virtType == VIR_DOMAIN_VIRT_KVM;
    params.vncPort = 5900;
    if (!(cmd = qemuBuildCommandLine(def, &params)))
        return NULL;
    return qemuCommandToString(cmd);
}


/* ---- host and vCPU figures ------------------------------------------- */

/* Memory in KiB as libvirt counts it: the sum over the NUMA nodes when
 * sysfs lists them, else the whole of /proc/meminfo's MemTotal. */
static unsigned long long
hostMemoryKiB(void)
{
    g_autoptr(GDir) dir = g_dir_open("/sys/devices/system/node", 0, NULL);
    unsigned long long total = 0;
    const char *ent;

    while (dir && (ent = g_dir_read_name(dir))) {
        g_autofree char *path = NULL;
        g_autofree char *text = NULL;
        const char *p;

        if (!g_str_has_prefix(ent, "node") || !g_ascii_isdigit(ent[4]))
            continue;
        path = g_strdup_printf("/sys/devices/system/node/%s/meminfo", ent);
        if (g_file_get_contents(path, &text, NULL, NULL) &&
            (p = strstr(text, "MemTotal:")))
            total += g_ascii_strtoull(p + 9, NULL, 10);
    }
    if (!total) {
        long pages = sysconf(_SC_PHYS_PAGES);

        total = (unsigned long long)pages * sysconf(_SC_PAGESIZE) / 1024;
    }
    return total;
}

static int
qemuNodeGetInfo(virConnectPtr conn G_GNUC_UNUSED, virNodeInfoPtr info)
{
    g_autofree char *cpuinfo = NULL;
    struct utsname ut;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    const char *mhz;

    memset(info, 0, sizeof(*info));
    uname(&ut);
    g_strlcpy(info->model, ut.machine, sizeof(info->model));
    info->memory = hostMemoryKiB();
    info->cpus = cpus > 0 ? cpus : 1;
    if (g_file_get_contents("/proc/cpuinfo", &cpuinfo, NULL, NULL) &&
        (mhz = strstr(cpuinfo, "cpu MHz")) && (mhz = strchr(mhz, ':')))
        info->mhz = (unsigned int)g_ascii_strtod(mhz + 1, NULL);
    /* the topology as one socket of single-threaded cores */
    info->nodes = 1;
    info->sockets = 1;
    info->cores = info->cpus;
    info->threads = 1;
    return 0;
}

static unsigned long long
qemuNodeGetFreeMemory(virConnectPtr conn G_GNUC_UNUSED)
{
    long pages = sysconf(_SC_AVPHYS_PAGES);

    return (unsigned long long)(pages > 0 ? pages : 0) * sysconf(_SC_PAGESIZE);
}

static int
qemuConnectGetMaxVcpus(virConnectPtr conn G_GNUC_UNUSED,
                       const char *type G_GNUC_UNUSED)
{
    return 255;                 /* i440fx's limit, as QEMU reports it */
}

static int
qemuDomainGetVcpusFlags(virDomainPtr dom, unsigned int flags)
{
    qemuDomainObj *obj;
    virDomainDef *def;
    int ret;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_VCPU_MAXIMUM | VIR_DOMAIN_VCPU_GUEST, -1);
    if (flags & VIR_DOMAIN_VCPU_GUEST) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "the guest agent is not supported");
        return -1;
    }
    if (!(obj = lockDomain(dom)))
        return -1;
    def = (flags & VIR_DOMAIN_AFFECT_CONFIG) ? persistentDef(obj) : obj->def;
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && !isActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        unlockDriver();
        return -1;
    }
    ret = (flags & VIR_DOMAIN_VCPU_MAXIMUM) || !def->vcpus ? def->maxvcpus
                                                          : def->vcpus;
    unlockDriver();
    return ret;
}

static int
qemuDomainGetMaxVcpus(virDomainPtr dom)
{
    return qemuDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE |
                                   VIR_DOMAIN_VCPU_MAXIMUM);
}


/* ---- console ---------------------------------------------------------- */

/* The character device `devname` names: "serial0", "console0" (the
 * console mirrors serial 0) or NULL for the first console. */
static virDomainChrSourceDef *
findConsoleSource(virDomainDef *def, const char *devname)
{
    unsigned int idx = 0;

    if (!devname || g_str_has_prefix(devname, "console")) {
        if (devname && sscanf(devname, "console%u", &idx) != 1)
            return NULL;
        if (idx < def->nconsoles && def->consoles[idx]->source->type ==
            VIR_DOMAIN_CHR_TYPE_PTY && def->consoles[idx]->source->path)
            return def->consoles[idx]->source;
        return idx < def->nserials ? def->serials[idx]->source : NULL;
    }
    if (sscanf(devname, "serial%u", &idx) == 1 && idx < def->nserials)
        return def->serials[idx]->source;
    return NULL;
}

static int
qemuDomainOpenConsole(virDomainPtr dom, const char *devname,
                      virStreamPtr st, unsigned int flags)
{
    qemuDomainObj *obj;
    virDomainChrSourceDef *src;
    g_autofree char *path = NULL;
    struct termios tio;
    int fd;

    virCheckFlags(VIR_DOMAIN_CONSOLE_FORCE | VIR_DOMAIN_CONSOLE_SAFE, -1);
    if (!(obj = lockDomain(dom)))
        return -1;
    if (!isActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        unlockDriver();
        return -1;
    }
    if (!(src = findConsoleSource(obj->def, devname))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "cannot find character device %s",
                       devname ? devname : "<null>");
        unlockDriver();
        return -1;
    }
    if (src->type != VIR_DOMAIN_CHR_TYPE_PTY || !src->path) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "character device %s is not using a PTY",
                       devname ? devname : "serial0");
        unlockDriver();
        return -1;
    }
    path = g_strdup(src->path);
    unlockDriver();

    if ((fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "Unable to open '%s'", path);
        return -1;
    }
    /* bytes through unchanged: no echo, no line editing */
    if (tcgetattr(fd, &tio) == 0) {
        cfmakeraw(&tio);
        tcsetattr(fd, TCSADRAIN, &tio);
    }
    return virFDStreamOpen(st, fd);
}


/* ---- events ----------------------------------------------------------- */

static int
qemuConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                  int eventID,
                                  virConnectDomainEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    return qemuEventRegisterAny(qemu_driver->events, conn, dom, eventID, cb,
                                opaque, freecb);
}

static int
qemuConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return qemuEventDeregisterAny(qemu_driver->events, conn, callbackID);
}

static int
qemuConnectDomainEventRegister(virConnectPtr conn,
                               virConnectDomainEventCallback cb,
                               void *opaque, virFreeCallback freecb)
{
    return qemuEventRegister(qemu_driver->events, conn, cb, opaque, freecb);
}

static int
qemuConnectDomainEventDeregister(virConnectPtr conn,
                                 virConnectDomainEventCallback cb)
{
    return qemuEventDeregister(qemu_driver->events, conn, cb);
}


/* ---- registration ----------------------------------------------------- */

static virHypervisorDriver qemuHypervisorDriver = {
    .name = "QEMU",
    .connectOpen = qemuConnectOpen,
    .connectClose = qemuConnectClose,
    .connectGetType = qemuConnectGetType,
    .connectGetVersion = qemuConnectGetVersion,
    .connectGetCapabilities = qemuConnectGetCapabilities,
    .connectGetHostname = qemuConnectGetHostname,
    .connectGetURI = qemuConnectGetURI,
    .connectIsAlive = qemuConnectIsAlive,
    .connectIsSecure = qemuConnectIsSecure,
    .connectIsEncrypted = qemuConnectIsEncrypted,
    .connectListAllDomains = qemuConnectListAllDomains,
    .connectNumOfDomains = qemuConnectNumOfDomains,
    .connectListDomains = qemuConnectListDomains,
    .connectNumOfDefinedDomains = qemuConnectNumOfDefinedDomains,
    .connectListDefinedDomains = qemuConnectListDefinedDomains,
    .connectDomainXMLToNative = qemuConnectDomainXMLToNative,
    .connectDomainEventRegister = qemuConnectDomainEventRegister,
    .connectDomainEventDeregister = qemuConnectDomainEventDeregister,
    .connectDomainEventRegisterAny = qemuConnectDomainEventRegisterAny,
    .connectDomainEventDeregisterAny = qemuConnectDomainEventDeregisterAny,
    .nodeGetSecurityModel = qemuNodeGetSecurityModel,
    .nodeGetInfo = qemuNodeGetInfo,
    .nodeGetFreeMemory = qemuNodeGetFreeMemory,
    .connectGetMaxVcpus = qemuConnectGetMaxVcpus,
    .domainGetVcpusFlags = qemuDomainGetVcpusFlags,
    .domainGetMaxVcpus = qemuDomainGetMaxVcpus,
    .domainLookupByName = qemuDomainLookupByName,
    .domainLookupByUUID = qemuDomainLookupByUUID,
    .domainLookupByID = qemuDomainLookupByID,
    .domainDefineXML = qemuDomainDefineXML,
    .domainDefineXMLFlags = qemuDomainDefineXMLFlags,
    .domainUndefine = qemuDomainUndefine,
    .domainUndefineFlags = qemuDomainUndefineFlags,
    .domainCreate = qemuDomainCreate,
    .domainCreateWithFlags = qemuDomainCreateWithFlags,
    .domainCreateXML = qemuDomainCreateXML,
    .domainSuspend = qemuDomainSuspend,
    .domainResume = qemuDomainResume,
    .domainShutdown = qemuDomainShutdown,
    .domainShutdownFlags = qemuDomainShutdownFlags,
    .domainReboot = qemuDomainReboot,
    .domainReset = qemuDomainReset,
    .domainDestroy = qemuDomainDestroy,
    .domainDestroyFlags = qemuDomainDestroyFlags,
    .domainGetInfo = qemuDomainGetInfo,
    .domainGetState = qemuDomainGetState,
    .domainGetXMLDesc = qemuDomainGetXMLDesc,
    .domainGetOSType = qemuDomainGetOSType,
    .domainGetMaxMemory = qemuDomainGetMaxMemory,
    .domainIsActive = qemuDomainIsActive,
    .domainIsPersistent = qemuDomainIsPersistent,
    .domainIsUpdated = qemuDomainIsUpdated,
    .domainGetAutostart = qemuDomainGetAutostart,
    .domainSetAutostart = qemuDomainSetAutostart,
    .domainGetSecurityLabel = qemuDomainGetSecurityLabel,
    .domainOpenConsole = qemuDomainOpenConsole,
};

static const char *const qemuSchemes[] = { "qemu", NULL };

static virConnectDriver qemuConnectDriver = {
    .name = "QEMU",
    .uriSchemes = qemuSchemes,
    .localOnly = true,
    .hypervisorDriver = &qemuHypervisorDriver,
};


/* What a daemon killed in the middle of a write leaves behind: temporary
 * files of virFileWriteAtomic and autostart links whose definition is
 * gone.  Run before anything is read, when nothing else writes here. */
static void
cleanStaleFiles(qemuDriver *drv)
{
    g_autofree char *autoDir = g_build_filename(drv->stateDir, "autostart",
                                                NULL);
    g_autoptr(GDir) dir = NULL;
    const char *ent;
    const char *dirs[] = { drv->stateDir, autoDir, drv->runDir };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(dirs); i++) {
        int n = virFileCleanAtomicTemps(dirs[i]);

        if (n > 0)
            VIR_INFO("removed %d temporary files of interrupted writes "
                     "from %s", n, dirs[i]);
        else if (n < 0)
            virResetLastError();
    }
    if (!(dir = g_dir_open(autoDir, 0, NULL)))
        return;
    while ((ent = g_dir_read_name(dir))) {
        g_autofree char *link = g_build_filename(autoDir, ent, NULL);

        if (g_file_test(link, G_FILE_TEST_IS_SYMLINK) &&
            !g_file_test(link, G_FILE_TEST_EXISTS)) {
            VIR_INFO("removing dangling autostart link %s", link);
            if (virFileRemoveDurable(link) < 0)
                virResetLastError();
        }
    }
}

/* Read the persistent definitions of stateDir. */
static void
loadConfigs(qemuDriver *drv)
{
    g_autoptr(GDir) dir = NULL;
    const char *ent;

    cleanStaleFiles(drv);
    if (!(dir = g_dir_open(drv->stateDir, 0, NULL)))
        return;
    while ((ent = g_dir_read_name(dir))) {
        g_autofree char *path = NULL;
        virDomainDef *def;
        qemuDomainObj *obj;

        if (!g_str_has_suffix(ent, ".xml"))
            continue;
        path = g_build_filename(drv->stateDir, ent, NULL);
        if (!(def = virDomainDefParseFile(path, qemuDomainXMLOption(),
                                          VIR_DOMAIN_DEF_PARSE_INACTIVE))) {
            VIR_WARN("Ignoring %s: %s", path, virGetLastErrorMessage());
            virResetLastError();
            continue;
        }
        if (qemuDomainObjFindByUUID(drv, def->uuid) ||
            qemuDomainObjFindByName(drv, def->name)) {
            VIR_WARN("Ignoring %s: a duplicate definition", path);
            virDomainDefFree(def);
            continue;
        }
        def->id = -1;
        obj = g_new0(qemuDomainObj, 1);
        obj->def = def;
        obj->persistent = true;
        {
            g_autofree char *link = autostartLink(drv, def->name);

            obj->autostart = g_file_test(link, G_FILE_TEST_IS_SYMLINK);
        }
        obj->state = VIR_DOMAIN_SHUTOFF;
        obj->reason = VIR_DOMAIN_SHUTOFF_UNKNOWN;
        g_ptr_array_add(drv->domains, obj);
    }
}

/* Start the shut off domains marked for autostart (failures are logged). */
static void
autostartDomains(qemuDriver *drv)
{
    g_autoptr(GPtrArray) todo = g_ptr_array_new();
    size_t i;

    for (i = 0; i < drv->domains->len; i++) {
        qemuDomainObj *obj = drv->domains->pdata[i];

        if (obj->autostart && !isActive(obj))
            g_ptr_array_add(todo, obj);
    }
    for (i = 0; i < todo->len; i++) {
        qemuDomainObj *obj = todo->pdata[i];

        if (qemuProcessStart(drv, obj, false) < 0) {
            VIR_ERROR("Failed to autostart VM '%s': %s", obj->def->name,
                      virGetLastErrorMessage());
            virResetLastError();
        }
    }
}

int
qemuRegister(const char *stateDir, const char *runDir, const char *qemuConf,
             bool privileged)
{
    g_autofree char *confPath = NULL;
    qemuDriver *drv;

    if (qemu_driver)
        return 0;
    drv = g_new0(qemuDriver, 1);
    drv->privileged = privileged;
    drv->stateDir = g_build_filename(stateDir, "qemu", NULL);
    drv->runDir = g_build_filename(runDir, "qemu", NULL);
    drv->logDir = g_build_filename(runDir, "qemu", "log", NULL);
    drv->kvm = access("/dev/kvm", R_OK | W_OK) == 0;
    g_mutex_init(&drv->lock);
    drv->domains = g_ptr_array_new_with_free_func(
        (GDestroyNotify)qemuDomainObjFree);
    drv->nextID = 1;
    drv->events = qemuEventStateNew();
    drv->work = g_async_queue_new();

    if (virFileMakePath(drv->stateDir, 0700) < 0 ||
        virFileMakePath(drv->runDir, 0755) < 0 ||
        virFileMakePath(drv->logDir, 0700) < 0)
        goto error;
    if (!(drv->cfg = virQEMUDriverConfigNew(privileged)))
        goto error;
    confPath = qemuConf ? g_strdup(qemuConf)
                        : virQEMUDriverConfigDefaultPath(privileged);
    /* as in libvirt, a missing qemu.conf means the defaults */
    if (virQEMUDriverConfigLoadFile(drv->cfg, confPath, true) < 0)
        goto error;
    if (!(drv->secMgr = virQEMUDriverConfigNewSecurityManager(drv->cfg)))
        goto error;

    drv->worker = g_thread_new("qemu-events", qemuProcessWorker, drv);
    qemu_driver = drv;
    g_mutex_lock(&drv->lock);
    loadConfigs(drv);
    qemuProcessReconnectAll(drv);
    autostartDomains(drv);
    g_mutex_unlock(&drv->lock);
    return virRegisterConnectDriver(&qemuConnectDriver);

 error:
    /* the daemon exits: what was made so far goes with it */
    return -1;
}
