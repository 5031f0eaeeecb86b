/* test_driver_snapshot.c: domain snapshots of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each domain keeps its snapshots in a tree: every snapshot hangs under
 * its parent (or under the list's root), a parent's children being kept
 * newest first as libvirt keeps them, which is the order a topological
 * listing shows.  Nothing is written anywhere: a snapshot is its
 * definition, with the domain copied in when it was taken.  The XML
 * itself is read and written by test_snapshot_conf.c.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "test/test_snapshot_conf.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

typedef struct _testSnapObj testSnapObj;
struct _testSnapObj {
    testSnapshotDef *def;        /* NULL for the list's root */
    testSnapObj *parent;
    GPtrArray *children;         /* testSnapObj *, first child first */
};

struct _testSnapList {
    GPtrArray *objs;             /* owns the snapshots, oldest first */
    testSnapObj root;            /* parent of the snapshots without one */
    testSnapObj *current;
};


/* ---- the tree ---- */

static void
testSnapObjFree(void *data)
{
    testSnapObj *snap = data;

    testSnapshotDefFree(snap->def);
    g_ptr_array_unref(snap->children);
    g_free(snap);
}


static testSnapList *
testSnapListNew(void)
{
    testSnapList *list = g_new0(testSnapList, 1);

    list->objs = g_ptr_array_new_with_free_func(testSnapObjFree);
    list->root.children = g_ptr_array_new();
    return list;
}


void
testSnapListFree(testSnapList *list)
{
    if (!list)
        return;
    g_ptr_array_unref(list->objs);
    g_ptr_array_unref(list->root.children);
    g_free(list);
}


/* The domain's list, made on first use. */
static testSnapList *
testDomObjSnapList(testDomObj *obj)
{
    if (!obj->snapshots)
        obj->snapshots = testSnapListNew();
    return obj->snapshots;
}


static testSnapObj *
testSnapListFind(testSnapList *list, const char *name)
{
    size_t i;

    if (!list || !name)
        return NULL;
    for (i = 0; i < list->objs->len; i++) {
        testSnapObj *snap = g_ptr_array_index(list->objs, i);

        if (strcmp(snap->def->name, name) == 0)
            return snap;
    }
    return NULL;
}


int
testDomObjNumSnapshots(const testDomObj *obj)
{
    return obj->snapshots ? (int)obj->snapshots->objs->len : 0;
}


/* Takes `def`; libvirt's error when the name is taken. */
static testSnapObj *
testSnapListAdd(testSnapList *list, testSnapshotDef **def)
{
    testSnapObj *snap;

    if (testSnapListFind(list, (*def)->name)) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_FAILED,
                          "domain moment %s already exists", (*def)->name);
        return NULL;
    }
    snap = g_new0(testSnapObj, 1);
    snap->def = g_steal_pointer(def);
    snap->children = g_ptr_array_new();
    g_ptr_array_add(list->objs, snap);
    return snap;
}


static void
testSnapSetParent(testSnapObj *snap, testSnapObj *parent)
{
    snap->parent = parent;
    g_ptr_array_insert(parent->children, 0, snap);
}


/* Hang `snap` under the snapshot its definition names, or the root. */
static void
testSnapLinkParent(testSnapList *list, testSnapObj *snap)
{
    testSnapObj *parent = testSnapListFind(list, snap->def->parent_name);

    testSnapSetParent(snap, parent ? parent : &list->root);
}


static void
testSnapDropParent(testSnapObj *snap)
{
    if (!snap->parent)
        return;
    g_ptr_array_remove(snap->parent->children, snap);
    snap->parent = NULL;
}


/* The children of `from` go before those `to` already has. */
static void
testSnapMoveChildren(testSnapObj *from, testSnapObj *to)
{
    size_t i;

    for (i = 0; i < from->children->len; i++) {
        testSnapObj *child = g_ptr_array_index(from->children, i);

        child->parent = to;
        g_ptr_array_insert(to->children, i, child);
    }
    g_ptr_array_set_size(from->children, 0);
}


/* Forget a snapshot (its links are the caller's business); true if it
 * was the current one. */
static bool
testSnapListRemove(testSnapList *list, testSnapObj *snap)
{
    bool wasCurrent = list->current == snap;

    if (wasCurrent)
        list->current = NULL;
    g_ptr_array_remove(list->objs, snap);
    return wasCurrent;
}


/* Every descendant of `snap`, parents before their children. */
static void
testSnapCollectDescendants(testSnapObj *snap, GPtrArray *out)
{
    size_t i;

    for (i = 0; i < snap->children->len; i++) {
        testSnapObj *child = g_ptr_array_index(snap->children, i);

        g_ptr_array_add(out, child);
        testSnapCollectDescendants(child, out);
    }
}


/* ---- snapshots from a <node> file ---- */

int
testDomObjAddLoadedSnapshot(testDomObj *obj, testSnapshotDef **def,
                            bool current)
{
    testSnapList *list = testDomObjSnapList(obj);
    testSnapObj *snap;

    if (!(snap = testSnapListAdd(list, def)))
        return -1;
    if (current) {
        if (list->current) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "more than one snapshot claims to be active");
            return -1;
        }
        list->current = snap;
    }
    return 0;
}


int
testDomObjLinkSnapshots(testDomObj *obj)
{
    testSnapList *list = obj->snapshots;
    bool bad = false;
    size_t i;

    if (!list)
        return 0;
    for (i = 0; i < list->objs->len; i++) {
        testSnapObj *snap = g_ptr_array_index(list->objs, i);
        testSnapObj *parent = testSnapListFind(list, snap->def->parent_name);
        testSnapObj *up;

        if (!parent) {
            parent = &list->root;
            if (snap->def->parent_name)
                bad = true;
        } else {
            for (up = parent; up && up->def; up = up->parent) {
                if (up == snap) {
                    bad = true;
                    parent = &list->root;
                    break;
                }
            }
        }
        testSnapSetParent(snap, parent);
    }
    if (bad) {
        list->current = NULL;
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Snapshots have inconsistent relations for domain %s",
                       obj->def->name);
        return -1;
    }
    return 0;
}


/* ---- listing ---- */

#define TEST_SNAP_FILTERS_LEAVES \
    (VIR_DOMAIN_SNAPSHOT_LIST_LEAVES | VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES)
#define TEST_SNAP_FILTERS_METADATA \
    (VIR_DOMAIN_SNAPSHOT_LIST_METADATA | VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA)
#define TEST_SNAP_FILTERS_STATUS \
    (VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE | VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE | \
     VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY)
#define TEST_SNAP_FILTERS_LOCATION \
    (VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL | VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL)
#define TEST_SNAP_FILTERS_ALL \
    (TEST_SNAP_FILTERS_LEAVES | TEST_SNAP_FILTERS_METADATA | \
     TEST_SNAP_FILTERS_STATUS | TEST_SNAP_FILTERS_LOCATION)

static bool
testSnapMatch(testSnapObj *snap, unsigned int flags)
{
    const testSnapshotDef *def = snap->def;

    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_LEAVES) && snap->children->len)
        return false;
    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES) && !snap->children->len)
        return false;
    if (flags & TEST_SNAP_FILTERS_STATUS) {
        if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE) &&
            def->state == VIR_DOMAIN_SHUTOFF)
            return false;
        if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY) &&
            def->state == TEST_SNAPSHOT_STATE_DISK_SNAPSHOT)
            return false;
        if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE) &&
            def->state != VIR_DOMAIN_SHUTOFF &&
            def->state != TEST_SNAPSHOT_STATE_DISK_SNAPSHOT)
            return false;
    }
    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL) &&
        testSnapshotDefIsExternal(def))
        return false;
    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL) &&
        !testSnapshotDefIsExternal(def))
        return false;
    return true;
}


/* The snapshots a listing call names, in libvirt's order: `from` NULL
 * means the whole list (all, or the roots with LIST_ROOTS), otherwise
 * the children of `from` (all descendants with LIST_DESCENDANTS, which
 * has ROOTS' bit).  Topological order when asked, or when descending
 * from one snapshot; otherwise the whole list in creation order. */
static GPtrArray *
testSnapListSelect(testSnapList *list, testSnapObj *from, unsigned int flags)
{
    GPtrArray *out = g_ptr_array_new();
    g_autoptr(GPtrArray) all = NULL;
    size_t i;

    /* A group with every bit set filters nothing, except the leaves
     * group: libvirt then wants both leaves and non-leaves, so none. */
    if ((flags & TEST_SNAP_FILTERS_STATUS) == TEST_SNAP_FILTERS_STATUS)
        flags &= ~TEST_SNAP_FILTERS_STATUS;
    if ((flags & TEST_SNAP_FILTERS_LOCATION) == TEST_SNAP_FILTERS_LOCATION)
        flags &= ~TEST_SNAP_FILTERS_LOCATION;
    /* Every snapshot here has metadata. */
    if ((flags & TEST_SNAP_FILTERS_METADATA) ==
        VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA)
        return out;

    if (!list)
        return out;
    if (!from) {
        /* On the root, ROOTS means its children and no bit means all. */
        flags ^= VIR_DOMAIN_SNAPSHOT_LIST_ROOTS;
        from = &list->root;
    }

    all = g_ptr_array_new();
    if (flags & VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS) {
        if (from->def || (flags & VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL))
            testSnapCollectDescendants(from, all);
        else
            for (i = 0; i < list->objs->len; i++)
                g_ptr_array_add(all, g_ptr_array_index(list->objs, i));
    } else {
        for (i = 0; i < from->children->len; i++)
            g_ptr_array_add(all, g_ptr_array_index(from->children, i));
    }

    for (i = 0; i < all->len; i++) {
        testSnapObj *snap = g_ptr_array_index(all, i);

        if (testSnapMatch(snap, flags))
            g_ptr_array_add(out, snap);
    }
    return out;
}


static int
testSnapListNames(testSnapList *list, testSnapObj *from, char **names,
                  int maxnames, unsigned int flags)
{
    g_autoptr(GPtrArray) sel = testSnapListSelect(list, from, flags);
    int n = 0;
    size_t i;

    if (!names)
        return sel->len;
    for (i = 0; i < sel->len && n < maxnames; i++) {
        testSnapObj *snap = g_ptr_array_index(sel, i);

        names[n++] = g_strdup(snap->def->name);
    }
    return n;
}


/* testListAll's handle maker for the snapshots of the domain @opaque. */
static void *
testSnapListHandle(virConnectPtr conn G_GNUC_UNUSED, void *obj, void *opaque)
{
    testSnapObj *snap = obj;

    return virGetDomainSnapshot(opaque, snap->def->name);
}


static int
testSnapListHandles(testSnapList *list, testSnapObj *from, virDomainPtr dom,
                    virDomainSnapshotPtr **snaps, unsigned int flags)
{
    g_autoptr(GPtrArray) sel = testSnapListSelect(list, from, flags);

    return testListAll(dom->conn, sel, NULL, 0, testSnapListHandle, dom,
                       (void ***)snaps);
}


/* ---- lookups (the instance locked) ---- */

static testSnapObj *
testSnapObjFromName(testDomObj *obj, const char *name)
{
    testSnapObj *snap = testSnapListFind(obj->snapshots, name);

    if (!snap)
        virReportError(VIR_ERR_NO_DOMAIN_SNAPSHOT,
                       "no domain snapshot with matching name '%s'", name);
    return snap;
}


/* Domain and snapshot behind a snapshot handle, or NULL with the error. */
static testSnapObj *
testSnapObjFromSnapshot(testDriver *drv, virDomainSnapshotPtr snapshot,
                        testDomObj **obj)
{
    if (!(*obj = testDomObjFromDomain(drv, snapshot->domain)))
        return NULL;
    return testSnapObjFromName(*obj, snapshot->name);
}


#define TEST_SNAP_LIST_FLAGS \
    (VIR_DOMAIN_SNAPSHOT_LIST_ROOTS | VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL | \
     TEST_SNAP_FILTERS_ALL)
#define TEST_SNAP_CHILDREN_FLAGS \
    (VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | \
     VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL | TEST_SNAP_FILTERS_ALL)


int
testDomainSnapshotNum(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(TEST_SNAP_LIST_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)))
        ret = testSnapListNames(obj->snapshots, NULL, NULL, 0, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSnapshotListNames(virDomainPtr domain, char **names, int nameslen,
                            unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(TEST_SNAP_LIST_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)))
        ret = testSnapListNames(obj->snapshots, NULL, names, nameslen, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainListAllSnapshots(virDomainPtr domain, virDomainSnapshotPtr **snaps,
                           unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(TEST_SNAP_LIST_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)))
        ret = testSnapListHandles(obj->snapshots, NULL, domain, snaps, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSnapshotNumChildren(virDomainSnapshotPtr snapshot,
                              unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    testDomObj *obj;
    testSnapObj *snap;
    int ret = -1;

    virCheckFlags(TEST_SNAP_CHILDREN_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    if ((snap = testSnapObjFromSnapshot(drv, snapshot, &obj)))
        ret = testSnapListNames(obj->snapshots, snap, NULL, 0, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSnapshotListChildrenNames(virDomainSnapshotPtr snapshot,
                                    char **names, int nameslen,
                                    unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    testDomObj *obj;
    testSnapObj *snap;
    int ret = -1;

    virCheckFlags(TEST_SNAP_CHILDREN_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    if ((snap = testSnapObjFromSnapshot(drv, snapshot, &obj)))
        ret = testSnapListNames(obj->snapshots, snap, names, nameslen, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSnapshotListAllChildren(virDomainSnapshotPtr snapshot,
                                  virDomainSnapshotPtr **snaps,
                                  unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    testDomObj *obj;
    testSnapObj *snap;
    int ret = -1;

    virCheckFlags(TEST_SNAP_CHILDREN_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    if ((snap = testSnapObjFromSnapshot(drv, snapshot, &obj)))
        ret = testSnapListHandles(obj->snapshots, snap, snapshot->domain,
                                  snaps, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


virDomainSnapshotPtr
testDomainSnapshotLookupByName(virDomainPtr domain, const char *name,
                               unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    virDomainSnapshotPtr ret = NULL;
    testDomObj *obj;
    testSnapObj *snap;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)) &&
        (snap = testSnapObjFromName(obj, name)))
        ret = virGetDomainSnapshot(domain, snap->def->name);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainHasCurrentSnapshot(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)))
        ret = obj->snapshots && obj->snapshots->current;
    g_mutex_unlock(&drv->lock);
    return ret;
}


virDomainSnapshotPtr
testDomainSnapshotGetParent(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    virDomainSnapshotPtr ret = NULL;
    testDomObj *obj;
    testSnapObj *snap;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((snap = testSnapObjFromSnapshot(drv, snapshot, &obj))) {
        if (!snap->def->parent_name)
            virReportError(VIR_ERR_NO_DOMAIN_SNAPSHOT,
                           "snapshot '%s' does not have a parent",
                           snap->def->name);
        else
            ret = virGetDomainSnapshot(snapshot->domain,
                                       snap->def->parent_name);
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


virDomainSnapshotPtr
testDomainSnapshotCurrent(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    virDomainSnapshotPtr ret = NULL;
    testDomObj *obj;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain))) {
        if (!obj->snapshots || !obj->snapshots->current)
            virReportError(VIR_ERR_NO_DOMAIN_SNAPSHOT, "%s",
                           "the domain does not have a current snapshot");
        else
            ret = virGetDomainSnapshot(domain,
                                       obj->snapshots->current->def->name);
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


char *
testDomainSnapshotGetXMLDesc(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testDomObj *obj;
    testSnapObj *snap;
    char *ret = NULL;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_XML_SECURE, NULL);

    g_mutex_lock(&drv->lock);
    if ((snap = testSnapObjFromSnapshot(drv, snapshot, &obj))) {
        virUUIDFormat(snapshot->domain->uuid, uuidstr);
        ret = testSnapshotDefFormat(snap->def, uuidstr,
                                    (flags & VIR_DOMAIN_SNAPSHOT_XML_SECURE) ?
                                    TEST_SNAPSHOT_FORMAT_SECURE : 0);
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSnapshotIsCurrent(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    testDomObj *obj;
    testSnapObj *snap;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if ((snap = testSnapObjFromSnapshot(drv, snapshot, &obj)))
        ret = obj->snapshots->current == snap;
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSnapshotHasMetadata(virDomainSnapshotPtr snapshot,
                              unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (testSnapObjFromSnapshot(drv, snapshot, &obj))
        ret = 1;
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- creating ---- */

/* Redefinition may not hang a snapshot under itself or a descendant, or
 * under one that does not exist. */
static int
testSnapCheckCycles(testSnapList *list, const testSnapshotDef *def)
{
    testSnapObj *other;

    if (!def->parent_name)
        return 0;
    if (strcmp(def->name, def->parent_name) == 0) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                          "cannot set moment %s as its own parent",
                          def->name);
        return -1;
    }
    if (!(other = testSnapListFind(list, def->parent_name))) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                          "parent %s for moment %s not found",
                          def->parent_name, def->name);
        return -1;
    }
    while (other->def->parent_name) {
        if (strcmp(other->def->parent_name, def->name) == 0) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                              "parent %s would create cycle to %s",
                              other->def->name, def->name);
            return -1;
        }
        if (!(other = testSnapListFind(list, other->def->parent_name)))
            break;
    }
    return 0;
}


static bool
testSnapStateOnline(int state)
{
    return state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED;
}


/* libvirt's checks before an existing snapshot is described again; *snap
 * is the snapshot of that name, if any.  Fills in the disks. */
static int
testSnapRedefinePrep(testDomObj *obj, testSnapshotDef *def,
                     testSnapObj **snap)
{
    testSnapList *list = obj->snapshots;
    testSnapObj *other;
    int location = TEST_SNAPSHOT_LOCATION_INTERNAL;

    if (testSnapCheckCycles(list, def) < 0)
        return -1;
    other = testSnapListFind(list, def->name);
    *snap = other;

    if (def->dom && memcmp(def->dom->uuid, obj->def->uuid,
                           VIR_UUID_BUFLEN) != 0) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(obj->def->uuid, uuidstr);
        testReportErrorIn(VIR_FROM_DOMAIN_SNAPSHOT, VIR_ERR_INVALID_ARG,
                          "definition for snapshot %s must use uuid %s",
                          def->name, uuidstr);
        return -1;
    }
    if (other) {
        if (testSnapStateOnline(other->def->state) !=
            testSnapStateOnline(def->state)) {
            testReportErrorIn(VIR_FROM_DOMAIN_SNAPSHOT, VIR_ERR_INVALID_ARG,
                              "cannot change between online and offline snapshot state in snapshot %s",
                              def->name);
            return -1;
        }
        if ((other->def->state == TEST_SNAPSHOT_STATE_DISK_SNAPSHOT) !=
            (def->state == TEST_SNAPSHOT_STATE_DISK_SNAPSHOT)) {
            testReportErrorIn(VIR_FROM_DOMAIN_SNAPSHOT, VIR_ERR_INVALID_ARG,
                              "cannot change between disk only and full system in snapshot %s",
                              def->name);
            return -1;
        }
    }

    if (def->state == TEST_SNAPSHOT_STATE_DISK_SNAPSHOT ||
        testSnapshotDefIsExternal(def))
        location = TEST_SNAPSHOT_LOCATION_EXTERNAL;
    return testSnapshotAlignDisks(def, other ? other->def->dom : NULL,
                                  location, true);
}


/* What libvirt's test driver records for a new snapshot of `obj`. */
static int
testSnapAlignNew(testDomObj *obj, testSnapshotDef *def)
{
    int location = TEST_SNAPSHOT_LOCATION_INTERNAL;
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i].snapshot == TEST_SNAPSHOT_LOCATION_MANUAL) {
            virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                           "'manual' snapshot mode is not supported by the test driver");
            return -1;
        }
    }

    def->state = obj->state;
    if (def->memory == TEST_SNAPSHOT_LOCATION_EXTERNAL) {
        location = TEST_SNAPSHOT_LOCATION_EXTERNAL;
    } else {
        def->memory = def->state == VIR_DOMAIN_SHUTOFF ?
                      TEST_SNAPSHOT_LOCATION_NO :
                      TEST_SNAPSHOT_LOCATION_INTERNAL;
    }
    return testSnapshotAlignDisks(def, NULL, location, true);
}


virDomainSnapshotPtr
testDomainSnapshotCreateXML(virDomainPtr domain, const char *xml,
                            unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    g_autoptr(testSnapshotDef) def = NULL;
    virDomainSnapshotPtr ret = NULL;
    bool redefine = flags & VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE;
    bool updateCurrent = !redefine ||
                         (flags & VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT);
    testDomObj *obj;
    testSnapObj *snap = NULL;
    testSnapList *list;

    /* Disk-only, reusing external files and metadata-less snapshots are
     * not offered; quiesce, atomic and live have nothing to do here. */
    virCheckFlags(VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT |
                  VIR_DOMAIN_SNAPSHOT_CREATE_HALT |
                  VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC |
                  VIR_DOMAIN_SNAPSHOT_CREATE_LIVE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE, NULL);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (testDomObjNumCheckpoints(obj) > 0) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create snapshot while checkpoint exists");
        goto cleanup;
    }
    if (!obj->persistent && (flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot halt after transient domain snapshot");
        goto cleanup;
    }
    if (!(def = testSnapshotDefParseString(xml, testDomainXMLOption(),
                                           redefine ?
                                           TEST_SNAPSHOT_PARSE_REDEFINE : 0)))
        goto cleanup;
    list = testDomObjSnapList(obj);

    if (redefine) {
        if (testSnapRedefinePrep(obj, def, &snap) < 0)
            goto cleanup;
        if (snap) {
            /* Same object, new definition; the domain stays if the new
             * one has none. */
            if (!def->dom)
                def->dom = g_steal_pointer(&snap->def->dom);
            testSnapDropParent(snap);
            testSnapshotDefFree(snap->def);
            snap->def = g_steal_pointer(&def);
        } else if (!(snap = testSnapListAdd(list, &def))) {
            goto cleanup;
        }
    } else {
        if (!(def->dom = virDomainDefCopy(obj->def)))
            goto cleanup;
        def->dom->id = -1;
        if (testSnapAlignNew(obj, def) < 0 ||
            !(snap = testSnapListAdd(list, &def)))
            goto cleanup;
        if (list->current)
            snap->def->parent_name = g_strdup(list->current->def->name);

        if ((flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT) &&
            testDomObjIsActive(obj)) {
            testDomObjStop(obj, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
            domain->id = -1;
            testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STOPPED,
                            VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
        }
    }

    ret = virGetDomainSnapshot(domain, snap->def->name);
    if (updateCurrent)
        list->current = snap;
    testSnapLinkParent(list, snap);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- deleting ---- */

int
testDomainSnapshotDelete(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    testDomObj *obj;
    testSnapObj *snap;
    testSnapList *list;
    int ret = -1;
    size_t i;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN |
                  VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY, -1);

    g_mutex_lock(&drv->lock);
    if (!(snap = testSnapObjFromSnapshot(drv, snapshot, &obj)))
        goto cleanup;
    list = obj->snapshots;

    if (flags & (VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN |
                 VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)) {
        g_autoptr(GPtrArray) gone = g_ptr_array_new();
        bool current = false;

        testSnapCollectDescendants(snap, gone);
        for (i = 0; i < gone->len; i++)
            current |= testSnapListRemove(list, g_ptr_array_index(gone, i));
        g_ptr_array_set_size(snap->children, 0);
        /* A deleted current snapshot hands "current" to this one. */
        if (current)
            list->current = snap;
    } else if (snap->children->len) {
        /* The children move up to this snapshot's parent. */
        for (i = 0; i < snap->children->len; i++) {
            testSnapObj *child = g_ptr_array_index(snap->children, i);

            g_free(child->def->parent_name);
            child->def->parent_name = snap->parent->def ?
                g_strdup(snap->parent->def->name) : NULL;
        }
        testSnapMoveChildren(snap, snap->parent);
    }

    if (!(flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)) {
        testSnapDropParent(snap);
        if (list->current == snap)
            list->current = testSnapListFind(list, snap->def->parent_name);
        testSnapListRemove(list, snap);
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- reverting ---- */

/* Make `config` the definition the domain has when shut off (taken). */
static void
testDomObjAssignConfig(testDomObj *obj, virDomainDef *config)
{
    config->id = -1;
    if (testDomObjIsActive(obj)) {
        virDomainDefFree(obj->newDef);
        obj->newDef = config;
    } else {
        virDomainDefFree(obj->def);
        obj->def = config;
    }
}


/* The transitions and their events, as libvirt's test driver has them:
 *   inactive -> inactive: none          running -> inactive: STOPPED
 *   inactive -> running:  STARTED       running -> running:  STOPPED, STARTED
 *   inactive -> paused:   STARTED, SUSPENDED
 *   running  -> paused:   STOPPED, STARTED, SUSPENDED
 * (paused counts as running).  An inactive snapshot reverted with
 * REVERT_RUNNING or REVERT_PAUSED only announces the start: like
 * libvirt's, the domain stays shut off. */
int
testDomainRevertToSnapshot(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    testDomObj *obj;
    testSnapObj *snap;
    testSnapshotDef *def;
    virDomainDef *config;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                  VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED |
                  VIR_DOMAIN_SNAPSHOT_REVERT_FORCE, -1);

    g_mutex_lock(&drv->lock);
    if (!(snap = testSnapObjFromSnapshot(drv, snapshot, &obj)))
        goto cleanup;
    def = snap->def;

    if (!obj->persistent && !testSnapStateOnline(def->state) &&
        !(flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                   VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED))) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "transient domain needs to request run or pause to revert to inactive snapshot");
        goto cleanup;
    }
    if (!def->dom) {
        virReportError(VIR_ERR_SNAPSHOT_REVERT_RISKY,
                       "snapshot '%s' lacks domain '%s' rollback info",
                       def->name, obj->def->name);
        goto cleanup;
    }

    obj->snapshots->current = NULL;
    if (!(config = virDomainDefCopy(def->dom)))
        goto cleanup;

    if (testSnapStateOnline(def->state)) {
        if (testDomObjIsActive(obj)) {
            testDomObjStop(obj, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
            snapshot->domain->id = -1;
            testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STOPPED,
                            VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
        }
        testDomObjAssignConfig(obj, config);
        if (testDomObjStart(drv, obj, VIR_DOMAIN_RUNNING_FROM_SNAPSHOT) < 0)
            goto cleanup;
        testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STARTED,
                        VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
        if (!(flags & VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING) &&
            (def->state == VIR_DOMAIN_PAUSED ||
             (flags & VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED))) {
            obj->state = VIR_DOMAIN_PAUSED;
            obj->reason = VIR_DOMAIN_PAUSED_FROM_SNAPSHOT;
            testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                            VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
        }
    } else {
        testDomObjAssignConfig(obj, config);
        if (testDomObjIsActive(obj)) {
            testDomObjStop(obj, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
            snapshot->domain->id = -1;
            testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STOPPED,
                            VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
        }
        if (flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                     VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED)) {
            testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_STARTED,
                            VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
            if (flags & VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED)
                testDomObjEvent(drv, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                                VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
        }
    }

    obj->snapshots->current = snap;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}
