/* test_driver_domain.c: domains of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A domain has one definition while shut off; while running, `def` is the
 * live definition and `newDef` the persistent configuration it will return
 * to.  States, reasons, events and error messages follow what libvirt 9.0's
 * test driver reports for each transition.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* ---- helpers (all called with the instance locked) ---- */

void
testDomObjFree(testDomObj *obj)
{
    if (!obj)
        return;
    virDomainDefFree(obj->def);
    virDomainDefFree(obj->newDef);
    testSnapListFree(obj->snapshots);
    testCkptListFree(obj->checkpoints);
    if (obj->iothreadPoll)
        g_array_unref(obj->iothreadPoll);
    g_free(obj);
}


bool
testDomObjIsActive(const testDomObj *obj)
{
    return obj->def->id != -1;
}


static testDomObj *
testDomObjFindByUUID(testDriver *drv, const unsigned char *uuid)
{
    size_t i;

    for (i = 0; i < drv->domains->len; i++) {
        testDomObj *obj = g_ptr_array_index(drv->domains, i);
        if (memcmp(obj->def->uuid, uuid, VIR_UUID_BUFLEN) == 0)
            return obj;
    }
    return NULL;
}


static testDomObj *
testDomObjFindByName(testDriver *drv, const char *name)
{
    size_t i;

    for (i = 0; i < drv->domains->len; i++) {
        testDomObj *obj = g_ptr_array_index(drv->domains, i);
        if (strcmp(obj->def->name, name) == 0)
            return obj;
    }
    return NULL;
}


testDomObj *
testDomObjFromDomain(testDriver *drv, virDomainPtr domain)
{
    testDomObj *obj = testDomObjFindByUUID(drv, domain->uuid);

    if (!obj) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(domain->uuid, uuidstr);
        virReportError(VIR_ERR_NO_DOMAIN,
                       "no domain with matching uuid '%s' (%s)",
                       uuidstr, domain->name);
    }
    return obj;
}


void
testDomObjRemove(testDriver *drv, testDomObj *obj)
{
    g_ptr_array_remove(drv->domains, obj);   /* the array frees it */
}


virDomainPtr
testDomObjGetHandle(virConnectPtr conn, testDomObj *obj)
{
    return virGetDomain(conn, obj->def->name, obj->def->uuid, obj->def->id);
}


void
testDomObjEvent(testDriver *drv, testDomObj *obj, int event, int detail)
{
    testEventQueueDomainLifecycle(drv->events, obj->def->name,
                                  obj->def->uuid, obj->def->id,
                                  event, detail);
}


/* libvirt's generic check, raised from its domain config code. */
int
testDomObjCheckActive(testDomObj *obj)
{
    if (!testDomObjIsActive(obj)) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID, "%s",
                          "domain is not running");
        return -1;
    }
    return 0;
}


/* The definition a shut-off domain returns to. */
virDomainDef *
testDomObjPersistentDef(testDomObj *obj)
{
    return obj->newDef ? obj->newDef : obj->def;
}


/* Make the domain run: give it an id and keep its persistent config
 * apart from the live definition. */
int
testDomObjStart(testDriver *drv, testDomObj *obj, int reason)
{
    if (obj->persistent && !obj->newDef) {
        if (!(obj->newDef = virDomainDefCopy(obj->def)))
            return -1;
        obj->newDef->id = -1;
    }
    obj->def->id = drv->nextDomID++;
    obj->state = VIR_DOMAIN_RUNNING;
    obj->reason = reason;
    obj->hasManagedSave = false;
    return 0;
}


/* Stop the domain: go back to the persistent definition.  A domain that
 * has none (transient) keeps its live one, id included, so its STOPPED
 * event names the id it had, as libvirt's does; the caller removes it
 * after queueing that event. */
void
testDomObjStop(testDomObj *obj, int reason)
{
    obj->state = VIR_DOMAIN_SHUTOFF;
    obj->reason = reason;
    if (obj->newDef) {
        virDomainDefFree(obj->def);
        obj->def = g_steal_pointer(&obj->newDef);
        obj->def->id = -1;
    } else if (obj->persistent) {
        obj->def->id = -1;
    }
}


/* Stop with a STOPPED event, removing a transient domain. */
void
testDomObjStopWithEvent(testDriver *drv, testDomObj *obj, int reason,
                        int detail)
{
    testDomObjStop(obj, reason);
    testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STOPPED, detail);
    if (!obj->persistent)
        testDomObjRemove(drv, obj);
}


/* The parsing hook: the test hypervisor is an i686 host. */
static int
testDomainDefPostParse(virDomainDef *def, unsigned int parseFlags G_GNUC_UNUSED,
                       void *opaque G_GNUC_UNUSED)
{
    if (!def->os.arch)
        def->os.arch = g_strdup("i686");
    return 0;
}


const virDomainXMLOption *
testDomainXMLOption(void)
{
    static const virDomainXMLOption xmlopt = {
        .postParse = testDomainDefPostParse,
        .defaultVideoType = 0,
    };

    return &xmlopt;
}


void
testDomainDefFinish(virDomainDef *def)
{
    virDomainDefGenerateIfnames(def, "testnet");
}


virDomainDef *
testDomainParse(const char *xml)
{
    virDomainDef *def;

    if (!(def = virDomainDefParseStringFull(xml, testDomainXMLOption(),
                                            VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return NULL;
    testDomainDefFinish(def);
    return def;
}


/* Where a new definition goes, as libvirt decides it: an object with the
 * same uuid (*obj set), none (*obj NULL), or a conflict (-1). */
int
testDomObjFindForDef(testDriver *drv, virDomainDef *def, bool live,
                     testDomObj **obj)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testDomObj *found;

    *obj = NULL;
    if ((found = testDomObjFindByUUID(drv, def->uuid))) {
        if (strcmp(found->def->name, def->name) != 0) {
            virUUIDFormat(found->def->uuid, uuidstr);
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_FAILED,
                              "domain '%s' is already defined with uuid %s",
                              found->def->name, uuidstr);
            return -1;
        }
        if (live) {
            if (testDomObjIsActive(found)) {
                testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID,
                                  "domain '%s' is already active",
                                  found->def->name);
                return -1;
            }
            if (!found->persistent) {
                testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID,
                                  "domain '%s' is already being started",
                                  found->def->name);
                return -1;
            }
        }
        *obj = found;
        return 0;
    }
    if ((found = testDomObjFindByName(drv, def->name))) {
        virUUIDFormat(found->def->uuid, uuidstr);
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_FAILED,
                          "domain '%s' already exists with uuid %s",
                          def->name, uuidstr);
        return -1;
    }
    return 0;
}


testDomObj *
testDomObjNew(testDriver *drv, virDomainDef *def)
{
    testDomObj *obj = g_new0(testDomObj, 1);

    def->id = -1;
    obj->def = def;
    obj->seconds = TEST_GUEST_TIME;
    obj->state = VIR_DOMAIN_SHUTOFF;
    obj->reason = VIR_DOMAIN_SHUTOFF_UNKNOWN;
    g_ptr_array_add(drv->domains, obj);
    return obj;
}


testDomObj *
testDomObjAdd(testDriver *drv, virDomainDef *def)
{
    testDomObj *obj;

    if (testDomObjFindForDef(drv, def, false, &obj) < 0) {
        virDomainDefFree(def);
        return NULL;
    }
    if (obj) {
        /* A second definition of the same domain replaces the first. */
        virDomainDefFree(obj->def);
        def->id = -1;
        obj->def = def;
        return obj;
    }
    return testDomObjNew(drv, def);
}


int
testDomObjStartLoaded(testDriver *drv, testDomObj *obj)
{
    return testDomObjStart(drv, obj, VIR_DOMAIN_RUNNING_BOOTED);
}


/* ---- listing ---- */

int
testConnectNumOfDomains(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->domains->len; i++) {
        if (testDomObjIsActive(g_ptr_array_index(drv->domains, i)))
            n++;
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


int
testConnectListDomains(virConnectPtr conn, int *ids, int maxids)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->domains->len && n < maxids; i++) {
        testDomObj *obj = g_ptr_array_index(drv->domains, i);
        if (testDomObjIsActive(obj))
            ids[n++] = obj->def->id;
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


int
testConnectNumOfDefinedDomains(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->domains->len; i++) {
        if (!testDomObjIsActive(g_ptr_array_index(drv->domains, i)))
            n++;
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


int
testConnectListDefinedDomains(virConnectPtr conn, char **const names,
                              int maxnames)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->domains->len && n < maxnames; i++) {
        testDomObj *obj = g_ptr_array_index(drv->domains, i);
        if (!testDomObjIsActive(obj))
            names[n++] = g_strdup(obj->def->name);
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static void *
testDomObjListHandle(virConnectPtr conn, void *obj, void *opaque G_GNUC_UNUSED)
{
    return testDomObjGetHandle(conn, obj);
}


/* Does `obj` pass the virConnectListAllDomains filter `flags`?  Each group
 * of flags only filters when at least one of its flags is given. */
static bool
testDomObjMatchFilter(const void *opaque, unsigned int flags)
{
    const testDomObj *obj = opaque;
    bool active = testDomObjIsActive(obj);

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
        bool running = obj->state == VIR_DOMAIN_RUNNING;
        bool paused = obj->state == VIR_DOMAIN_PAUSED;
        bool shutoff = obj->state == VIR_DOMAIN_SHUTOFF;
        bool other = !running && !paused && !shutoff;

        if (!((flags & VIR_CONNECT_LIST_DOMAINS_RUNNING && running) ||
              (flags & VIR_CONNECT_LIST_DOMAINS_PAUSED && paused) ||
              (flags & VIR_CONNECT_LIST_DOMAINS_SHUTOFF && shutoff) ||
              (flags & VIR_CONNECT_LIST_DOMAINS_OTHER && other)))
            return false;
    }

    if ((flags & (VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE |
                  VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE)) &&
        !((flags & VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE &&
           obj->hasManagedSave) ||
          (flags & VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE &&
           !obj->hasManagedSave)))
        return false;

    if ((flags & (VIR_CONNECT_LIST_DOMAINS_AUTOSTART |
                  VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART)) &&
        !((flags & VIR_CONNECT_LIST_DOMAINS_AUTOSTART && obj->autostart) ||
          (flags & VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART && !obj->autostart)))
        return false;

    if ((flags & (VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT |
                  VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT)) &&
        !((flags & VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT &&
           testDomObjNumSnapshots(obj) > 0) ||
          (flags & VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT &&
           testDomObjNumSnapshots(obj) == 0)))
        return false;
    if ((flags & (VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT |
                  VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT)) &&
        !((flags & VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT &&
           testDomObjNumCheckpoints(obj) > 0) ||
          (flags & VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT &&
           testDomObjNumCheckpoints(obj) == 0)))
        return false;

    return true;
}


int
testConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                          unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int ret;

    virCheckFlags(VIR_CONNECT_LIST_DOMAINS_ACTIVE |
                  VIR_CONNECT_LIST_DOMAINS_INACTIVE |
                  VIR_CONNECT_LIST_DOMAINS_PERSISTENT |
                  VIR_CONNECT_LIST_DOMAINS_TRANSIENT |
                  VIR_CONNECT_LIST_DOMAINS_RUNNING |
                  VIR_CONNECT_LIST_DOMAINS_PAUSED |
                  VIR_CONNECT_LIST_DOMAINS_SHUTOFF |
                  VIR_CONNECT_LIST_DOMAINS_OTHER |
                  VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE |
                  VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE |
                  VIR_CONNECT_LIST_DOMAINS_AUTOSTART |
                  VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART |
                  VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT |
                  VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT |
                  VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT |
                  VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT, -1);

    g_mutex_lock(&drv->lock);
    ret = testListAll(conn, drv->domains, testDomObjMatchFilter, flags,
                      testDomObjListHandle, NULL, (void ***)domains);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- lookups ---- */

static void
testReportNoDomain(void)
{
    /* libvirt's test driver gives no detail for failed lookups. */
    virReportErrorFull(VIR_FROM_TEST, VIR_ERR_NO_DOMAIN, __FILE__, __func__,
                       __LINE__, NULL);
}


virDomainPtr
testDomainLookupByID(virConnectPtr conn, int id)
{
    testDriver *drv = conn->privateData;
    virDomainPtr ret = NULL;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->domains->len; i++) {
        testDomObj *obj = g_ptr_array_index(drv->domains, i);
        if (id >= 0 && obj->def->id == id) {
            ret = testDomObjGetHandle(conn, obj);
            goto cleanup;
        }
    }
    testReportNoDomain();
 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static void *
testDomObjLookupName(testDriver *drv, const void *name)
{
    testDomObj *obj = testDomObjFindByName(drv, name);

    if (!obj)
        testReportNoDomain();
    return obj;
}


static void *
testDomObjLookupUUID(testDriver *drv, const void *uuid)
{
    testDomObj *obj = testDomObjFindByUUID(drv, uuid);

    if (!obj)
        testReportNoDomain();
    return obj;
}


virDomainPtr
testDomainLookupByName(virConnectPtr conn, const char *name)
{
    return testLookup(conn, testDomObjLookupName, name, testDomObjListHandle);
}


virDomainPtr
testDomainLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    return testLookup(conn, testDomObjLookupUUID, uuid, testDomObjListHandle);
}


virDomainPtr
testDomainLookupByUUIDString(virConnectPtr conn, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    if (virUUIDParse(uuidstr, uuid) < 0) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virDomainLookupByUUIDString",
                            "uuidstr", "%s", "Invalid UUID");
        return NULL;
    }
    return testDomainLookupByUUID(conn, uuid);
}


/* ---- define, create, undefine ---- */

virDomainPtr
testDomainDefineXMLFlags(virConnectPtr conn, const char *xml,
                         unsigned int flags)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virDomainDef) def = NULL;
    virDomainPtr ret = NULL;
    testDomObj *obj;
    int detail;

    virCheckFlags(VIR_DOMAIN_DEFINE_VALIDATE, NULL);

    if (!(def = testDomainParse(xml)))
        return NULL;

    g_mutex_lock(&drv->lock);
    if (testDomObjFindForDef(drv, def, false, &obj) < 0)
        goto cleanup;

    def->id = -1;
    if (!obj) {
        obj = testDomObjNew(drv, g_steal_pointer(&def));
        detail = VIR_DOMAIN_EVENT_DEFINED_ADDED;
    } else if (testDomObjIsActive(obj)) {
        /* Running: the new config waits for the next start. */
        detail = obj->newDef ? VIR_DOMAIN_EVENT_DEFINED_UPDATED
                             : VIR_DOMAIN_EVENT_DEFINED_ADDED;
        virDomainDefFree(obj->newDef);
        obj->newDef = g_steal_pointer(&def);
    } else {
        detail = VIR_DOMAIN_EVENT_DEFINED_UPDATED;
        virDomainDefFree(obj->def);
        obj->def = g_steal_pointer(&def);
    }
    obj->persistent = true;

    testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_DEFINED, detail);
    ret = testDomObjGetHandle(conn, obj);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


virDomainPtr
testDomainDefineXML(virConnectPtr conn, const char *xml)
{
    return testDomainDefineXMLFlags(conn, xml, 0);
}


testDomObj *
testDomObjStartDef(testDriver *drv, virDomainDef **def, int reason,
                   int detail)
{
    testDomObj *obj;

    if (testDomObjFindForDef(drv, *def, true, &obj) < 0)
        return NULL;

    (*def)->id = -1;
    if (!obj) {
        obj = testDomObjNew(drv, g_steal_pointer(def));
    } else {
        /* A defined domain runs the given XML; its config is kept. */
        obj->newDef = obj->def;
        obj->def = g_steal_pointer(def);
    }

    if (testDomObjStart(drv, obj, reason) < 0) {
        if (!obj->persistent)
            testDomObjRemove(drv, obj);
        return NULL;
    }
    testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STARTED, detail);
    return obj;
}


virDomainPtr
testDomainCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virDomainDef) def = NULL;
    virDomainPtr ret = NULL;
    testDomObj *obj;

    virCheckFlags(VIR_DOMAIN_START_VALIDATE, NULL);

    if (!(def = testDomainParse(xml)))
        return NULL;

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjStartDef(drv, &def, VIR_DOMAIN_RUNNING_BOOTED,
                                  VIR_DOMAIN_EVENT_STARTED_BOOTED)))
        ret = testDomObjGetHandle(conn, obj);
    g_mutex_unlock(&drv->lock);
    return ret;
}


virDomainPtr
testDomainCreateXMLWithFiles(virConnectPtr conn, const char *xml,
                             unsigned int nfiles G_GNUC_UNUSED,
                             int *files G_GNUC_UNUSED, unsigned int flags)
{
    return testDomainCreateXML(conn, xml, flags);
}


int
testDomainCreateWithFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (obj->state != VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Domain '%s' is already running",
                       domain->name);
        goto cleanup;
    }
    if (testDomObjStart(drv, obj, VIR_DOMAIN_RUNNING_BOOTED) < 0)
        goto cleanup;
    domain->id = obj->def->id;
    testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STARTED,
                    VIR_DOMAIN_EVENT_STARTED_BOOTED);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainCreate(virDomainPtr domain)
{
    return testDomainCreateWithFlags(domain, 0);
}


int
testDomainCreateWithFiles(virDomainPtr domain,
                          unsigned int nfiles G_GNUC_UNUSED,
                          int *files G_GNUC_UNUSED, unsigned int flags)
{
    return testDomainCreateWithFlags(domain, flags);
}


int
testDomainUndefineFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                  VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;

    if (obj->hasManagedSave && !(flags & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "Refusing to undefine while domain managed save image exists");
        goto cleanup;
    }
    /* libvirt asks for the flag before dropping a shut-off domain's
     * snapshots (a running one keeps them while it runs). */
    if (!testDomObjIsActive(obj) && testDomObjNumSnapshots(obj) > 0 &&
        !(flags & VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "cannot delete inactive domain with %d snapshots",
                       testDomObjNumSnapshots(obj));
        goto cleanup;
    }
    obj->hasManagedSave = false;

    testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_UNDEFINED,
                    VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    if (testDomObjIsActive(obj)) {
        /* It keeps running, as a transient domain; like libvirt, the
         * config it would have returned to stays until it stops. */
        obj->persistent = false;
    } else {
        testDomObjRemove(drv, obj);
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainUndefine(virDomainPtr domain)
{
    return testDomainUndefineFlags(domain, 0);
}


/* ---- state changes ---- */

int
testDomainDestroyFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_DESTROY_GRACEFUL, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    testDomObjStopWithEvent(drv, obj, VIR_DOMAIN_SHUTOFF_DESTROYED,
                            VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    domain->id = -1;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainDestroy(virDomainPtr domain)
{
    return testDomainDestroyFlags(domain, 0);
}


/* Suspend and resume: from state `from` to `to` with `reason`, or
 * libvirt's error naming the state it is not in. */
static int
testDomainPauseChange(virDomainPtr domain, int from, int to, int reason,
                      int event, int detail, const char *notIn)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (obj->state != from) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not %s",
                       domain->name, notIn);
        goto cleanup;
    }
    obj->state = to;
    obj->reason = reason;
    testDomObjEvent(drv, obj, event, detail);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSuspend(virDomainPtr domain)
{
    return testDomainPauseChange(domain, VIR_DOMAIN_RUNNING, VIR_DOMAIN_PAUSED,
                                 VIR_DOMAIN_PAUSED_USER,
                                 VIR_DOMAIN_EVENT_SUSPENDED,
                                 VIR_DOMAIN_EVENT_SUSPENDED_PAUSED, "running");
}


int
testDomainResume(virDomainPtr domain)
{
    return testDomainPauseChange(domain, VIR_DOMAIN_PAUSED, VIR_DOMAIN_RUNNING,
                                 VIR_DOMAIN_RUNNING_UNPAUSED,
                                 VIR_DOMAIN_EVENT_RESUMED,
                                 VIR_DOMAIN_EVENT_RESUMED_UNPAUSED, "paused");
}


/* What a guest-initiated stop does, by its <on_poweroff>/<on_reboot>
 * action: restart actions keep it running (no event), others stop it. */
static void
testDomObjApplyAction(testDriver *drv, testDomObj *obj, virDomainPtr domain,
                      int action)
{
    switch (action) {
    case VIR_DOMAIN_LIFECYCLE_ACTION_RESTART:
    case VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME:
        obj->state = VIR_DOMAIN_RUNNING;
        obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
        break;
    default:
        domain->id = -1;
        testDomObjStopWithEvent(drv, obj, VIR_DOMAIN_SHUTOFF_SHUTDOWN,
                                VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
        break;
    }
}


int
testDomainShutdownFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (obj->state == VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running",
                       domain->name);
        goto cleanup;
    }
    testDomObjApplyAction(drv, obj, domain, obj->def->onPoweroff);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainShutdown(virDomainPtr domain)
{
    return testDomainShutdownFlags(domain, 0);
}


int
testDomainReboot(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_REBOOT_ACPI_POWER_BTN |
                  VIR_DOMAIN_REBOOT_GUEST_AGENT |
                  VIR_DOMAIN_REBOOT_INITCTL |
                  VIR_DOMAIN_REBOOT_SIGNAL |
                  VIR_DOMAIN_REBOOT_PARAVIRT, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    switch (obj->def->onReboot) {
    case VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY:
    case VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE:
        testDomObjApplyAction(drv, obj, domain,
                              VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY);
        break;
    default:
        testDomObjApplyAction(drv, obj, domain,
                              VIR_DOMAIN_LIFECYCLE_ACTION_RESTART);
        break;
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainReset(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    /* The simulated guest restarts in place: no state change, no event. */
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainManagedSave(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_SAVE_BYPASS_CACHE | VIR_DOMAIN_SAVE_RUNNING |
                  VIR_DOMAIN_SAVE_PAUSED, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    if (!obj->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot do managed save for transient domain");
        goto cleanup;
    }
    testDomObjStopWithEvent(drv, obj, VIR_DOMAIN_SHUTOFF_SAVED,
                            VIR_DOMAIN_EVENT_STOPPED_SAVED);
    obj->hasManagedSave = true;
    domain->id = -1;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainManagedSaveRemove(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain))) {
        obj->hasManagedSave = false;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- queries ---- */

int
testDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    info->state = obj->state;
    info->maxMem = obj->def->total_memory;
    info->memory = obj->def->cur_balloon;
    info->nrVirtCpu = obj->def->vcpus;
    /* libvirt's test driver reports the wall clock as CPU time. */
    info->cpuTime = (unsigned long long)g_get_real_time() * 1000ULL;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainGetState(virDomainPtr domain, int *state, int *reason,
                   unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    *state = obj->state;
    if (reason)
        *reason = obj->reason;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


char *
testDomainGetXMLDesc(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    char *ret = NULL;

    virCheckFlags(VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE |
                  VIR_DOMAIN_XML_MIGRATABLE, NULL);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    def = (flags & VIR_DOMAIN_XML_INACTIVE) ? testDomObjPersistentDef(obj)
                                            : obj->def;
    ret = virDomainDefFormat(def, flags);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainGetAutostart(virDomainPtr domain, int *autostart)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain))) {
        *autostart = obj->autostart;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetAutostart(virDomainPtr domain, int autostart)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain))) {
        obj->autostart = autostart != 0;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* The boolean queries share one shape. */
typedef enum {
    TEST_DOM_IS_ACTIVE,
    TEST_DOM_IS_PERSISTENT,
    TEST_DOM_IS_UPDATED,
    TEST_DOM_HAS_MANAGED_SAVE,
} testDomQuery;

static int
testDomainQuery(virDomainPtr domain, testDomQuery what)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain))) {
        switch (what) {
        case TEST_DOM_IS_ACTIVE:
            ret = testDomObjIsActive(obj);
            break;
        case TEST_DOM_IS_PERSISTENT:
            ret = obj->persistent;
            break;
        case TEST_DOM_IS_UPDATED:
            ret = 0;
            break;
        case TEST_DOM_HAS_MANAGED_SAVE:
            ret = obj->hasManagedSave;
            break;
        }
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainIsActive(virDomainPtr domain)
{
    return testDomainQuery(domain, TEST_DOM_IS_ACTIVE);
}


int
testDomainIsPersistent(virDomainPtr domain)
{
    return testDomainQuery(domain, TEST_DOM_IS_PERSISTENT);
}


int
testDomainIsUpdated(virDomainPtr domain)
{
    return testDomainQuery(domain, TEST_DOM_IS_UPDATED);
}


int
testDomainHasManagedSaveImage(virDomainPtr domain, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testDomainQuery(domain, TEST_DOM_HAS_MANAGED_SAVE);
}


char *
testDomainGetOSType(virDomainPtr domain)
{
    testDriver *drv = domain->conn->privateData;
    char *ret = NULL;

    g_mutex_lock(&drv->lock);
    /* libvirt's test driver answers "linux" whatever the <os><type>. */
    if (testDomObjFromDomain(drv, domain))
        ret = g_strdup("linux");
    g_mutex_unlock(&drv->lock);
    return ret;
}


unsigned long
testDomainGetMaxMemory(virDomainPtr domain)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    unsigned long ret = 0;

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)))
        ret = obj->def->total_memory;
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* The one definition a LIVE/CONFIG/CURRENT request addresses, with
 * libvirt's errors; *live tells which it is. */
virDomainDef *
testDomObjGetOneDef(testDomObj *obj, unsigned int flags, bool *live)
{
    bool active = testDomObjIsActive(obj);

    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && (flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        /* The entry points refuse this first; kept for internal calls. */
        testRaiseInvalidArg(VIR_FROM_DOMAIN, NULL, "flags", "%s",
                            "Flags 'VIR_DOMAIN_AFFECT_LIVE' and "
                            "'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        return NULL;
    }
    if (!(flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)))
        flags |= active ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG;

    if (flags & VIR_DOMAIN_AFFECT_LIVE) {
        if (testDomObjCheckActive(obj) < 0)
            return NULL;
        *live = true;
        return obj->def;
    }
    if (!obj->persistent) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID, "%s",
                          "transient domains do not have any persistent config");
        return NULL;
    }
    *live = false;
    return testDomObjPersistentDef(obj);
}


int
testDomObjGetDefs(testDomObj *obj, unsigned int flags,
                  virDomainDef **live, virDomainDef **config)
{
    *live = NULL;
    *config = NULL;
    if (!(flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)))
        flags |= testDomObjIsActive(obj) ? VIR_DOMAIN_AFFECT_LIVE
                                         : VIR_DOMAIN_AFFECT_CONFIG;
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && testDomObjCheckActive(obj) < 0)
        return -1;
    if ((flags & VIR_DOMAIN_AFFECT_CONFIG) && !obj->persistent) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_INVALID, "%s",
                          "transient domains do not have any persistent config");
        return -1;
    }
    if (flags & VIR_DOMAIN_AFFECT_LIVE)
        *live = obj->def;
    if (flags & VIR_DOMAIN_AFFECT_CONFIG)
        *config = testDomObjPersistentDef(obj);
    return 0;
}


int
testDomainSetMemoryFlags(virDomainPtr domain, unsigned long memory,
                         unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    bool live = false;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_MEM_MAXIMUM, -1);

    /* libvirt refuses sizes whose byte count would not fit its internal
     * memory limit (2^53 - 1 KiB and up), before any domain lookup, and
     * reports it as a domain-config error */
    if (memory >= 9007199254740991ULL) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OVERFLOW,
                          "input too large: %lu", memory);
        return -1;
    }

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        !(def = testDomObjGetOneDef(obj, flags, &live)))
        goto cleanup;

    if (flags & VIR_DOMAIN_MEM_MAXIMUM) {
        if (live) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "cannot resize the maximum memory on an active domain");
            goto cleanup;
        }
        if (def->max_memory && def->max_memory < memory) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "cannot set initial memory size greater than the maximum memory size");
            goto cleanup;
        }
        virDomainDefSetMemoryTotal(def, memory);
    } else {
        if (memory > def->total_memory) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "cannot set memory higher than max memory");
            goto cleanup;
        }
        def->cur_balloon = memory;
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetMemory(virDomainPtr domain, unsigned long memory)
{
    return testDomainSetMemoryFlags(domain, memory, VIR_DOMAIN_AFFECT_LIVE);
}


int
testDomainSetMaxMemory(virDomainPtr domain, unsigned long memory)
{
    return testDomainSetMemoryFlags(domain, memory, VIR_DOMAIN_MEM_MAXIMUM);
}


int
testDomainGetVcpusFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    bool live = false;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_VCPU_MAXIMUM, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        !(def = testDomObjGetOneDef(obj, flags, &live)))
        goto cleanup;
    ret = (flags & VIR_DOMAIN_VCPU_MAXIMUM) ? def->maxvcpus : def->vcpus;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainGetMaxVcpus(virDomainPtr domain)
{
    return testDomainGetVcpusFlags(domain, VIR_DOMAIN_AFFECT_LIVE |
                                           VIR_DOMAIN_VCPU_MAXIMUM);
}


int
testDomainGetSecurityLabel(virDomainPtr domain, virSecurityLabelPtr seclabel)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain))) {
        memset(seclabel, 0, sizeof(*seclabel));
        if (testDomObjIsActive(obj)) {
            g_strlcpy(seclabel->label, "libvirt-test",
                      sizeof(seclabel->label));
            seclabel->enforcing = 1;
        }
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}
