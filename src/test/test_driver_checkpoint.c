/* test_driver_checkpoint.c: domain checkpoints of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A domain's checkpoints form a tree like its snapshots: each hangs under
 * its parent or under the list's root, children newest first.  A new
 * checkpoint's parent is the newest one taken (the "current"), which
 * deleting moves up the tree.  The checkpoints are also kept in a hash
 * table by name: listing them all without an order walks that table, so
 * the order matches libvirt's, which keeps them the same way.  Nothing
 * touches any image: a checkpoint is its definition.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "conf/checkpoint_conf.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

typedef struct _testCkptObj testCkptObj;
struct _testCkptObj {
    virCheckpointDef *def;       /* NULL for the list's root */
    testCkptObj *parent;
    GPtrArray *children;         /* testCkptObj *, newest first */
};

struct _testCkptList {
    GHashTable *objs;            /* name -> testCkptObj *, owns them */
    testCkptObj root;            /* parent of those without one */
    testCkptObj *current;        /* parent of the next new one */
};


/* ---- the tree ---- */

static void
testCkptObjFree(void *data)
{
    testCkptObj *ckpt = data;

    virCheckpointDefFree(ckpt->def);
    g_ptr_array_unref(ckpt->children);
    g_free(ckpt);
}


void
testCkptListFree(testCkptList *list)
{
    if (!list)
        return;
    g_hash_table_unref(list->objs);
    g_ptr_array_unref(list->root.children);
    g_free(list);
}


static testCkptList *
testDomObjCkptList(testDomObj *obj)
{
    if (!obj->checkpoints) {
        testCkptList *list = g_new0(testCkptList, 1);

        list->objs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                           testCkptObjFree);
        list->root.children = g_ptr_array_new();
        obj->checkpoints = list;
    }
    return obj->checkpoints;
}


int
testDomObjNumCheckpoints(const testDomObj *obj)
{
    return obj->checkpoints ?
        (int)g_hash_table_size(obj->checkpoints->objs) : 0;
}


static testCkptObj *
testCkptListFind(testCkptList *list, const char *name)
{
    if (!list || !name)
        return NULL;
    return g_hash_table_lookup(list->objs, name);
}


static void
testCkptSetParent(testCkptObj *ckpt, testCkptObj *parent)
{
    ckpt->parent = parent;
    g_ptr_array_insert(parent->children, 0, ckpt);
}


static void
testCkptDropParent(testCkptObj *ckpt)
{
    if (!ckpt->parent)
        return;
    g_ptr_array_remove(ckpt->parent->children, ckpt);
    ckpt->parent = NULL;
}


/* The children of `from` go before those `to` already has. */
static void
testCkptMoveChildren(testCkptObj *from, testCkptObj *to)
{
    size_t i;

    for (i = 0; i < from->children->len; i++) {
        testCkptObj *child = g_ptr_array_index(from->children, i);

        child->parent = to;
        g_ptr_array_insert(to->children, i, child);
    }
    g_ptr_array_set_size(from->children, 0);
}


/* Every descendant, each followed by its own descendants. */
static void
testCkptCollectDescendants(testCkptObj *ckpt, GPtrArray *out)
{
    size_t i;

    for (i = 0; i < ckpt->children->len; i++) {
        testCkptObj *child = g_ptr_array_index(ckpt->children, i);

        g_ptr_array_add(out, child);
        testCkptCollectDescendants(child, out);
    }
}


/* ---- lookups (the instance locked) ---- */

static testCkptObj *
testCkptObjFromName(testDomObj *obj, const char *name)
{
    testCkptObj *ckpt = testCkptListFind(obj->checkpoints, name);

    if (!ckpt)
        virReportError(VIR_ERR_NO_DOMAIN_CHECKPOINT,
                       "no domain checkpoint with matching name '%s'", name);
    return ckpt;
}


static testCkptObj *
testCkptObjFromCheckpoint(testDriver *drv, virDomainCheckpointPtr checkpoint,
                          testDomObj **obj)
{
    if (!(*obj = testDomObjFromDomain(drv, checkpoint->domain)))
        return NULL;
    return testCkptObjFromName(*obj, checkpoint->name);
}


/* ---- listing ---- */

#define TEST_CKPT_FILTERS \
    (VIR_DOMAIN_CHECKPOINT_LIST_LEAVES | VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES)

/* testListAll's filter for checkpoints. */
static bool
testCkptMatch(const void *obj, unsigned int flags)
{
    const testCkptObj *ckpt = obj;

    if ((flags & VIR_DOMAIN_CHECKPOINT_LIST_LEAVES) && ckpt->children->len)
        return false;
    if ((flags & VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES) && !ckpt->children->len)
        return false;
    return true;
}


/* testListAll's handle maker for the checkpoints of the domain @opaque. */
static void *
testCkptListHandle(virConnectPtr conn G_GNUC_UNUSED, void *obj, void *opaque)
{
    testCkptObj *ckpt = obj;

    return virGetDomainCheckpoint(opaque, ckpt->def->name);
}


/* `from` NULL: the whole list (its roots with LIST_ROOTS); otherwise the
 * children of `from` (all descendants with LIST_DESCENDANTS, ROOTS' bit).
 * A walk of the whole list without TOPOLOGICAL goes in hash order. */
static int
testCkptListHandles(testCkptList *list, testCkptObj *from, virDomainPtr dom,
                    virDomainCheckpointPtr **out, unsigned int flags)
{
    g_autoptr(GPtrArray) all = g_ptr_array_new();
    size_t i;

    if (!from) {
        flags ^= VIR_DOMAIN_CHECKPOINT_LIST_ROOTS;
        from = list ? &list->root : NULL;
    }
    if (from) {
        if (!(flags & VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS)) {
            for (i = 0; i < from->children->len; i++)
                g_ptr_array_add(all, g_ptr_array_index(from->children, i));
        } else if (from->def || (flags & VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL)) {
            testCkptCollectDescendants(from, all);
        } else {
            GHashTableIter iter;
            gpointer value;

            g_hash_table_iter_init(&iter, list->objs);
            while (g_hash_table_iter_next(&iter, NULL, &value))
                g_ptr_array_add(all, value);
        }
    }
    return testListAll(dom->conn, all, testCkptMatch, flags,
                       testCkptListHandle, dom, (void ***)out);
}


int
testDomainListAllCheckpoints(virDomainPtr domain,
                             virDomainCheckpointPtr **checkpoints,
                             unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_ROOTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  TEST_CKPT_FILTERS, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)))
        ret = testCkptListHandles(obj->checkpoints, NULL, domain,
                                  checkpoints, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainCheckpointListAllChildren(virDomainCheckpointPtr checkpoint,
                                    virDomainCheckpointPtr **children,
                                    unsigned int flags)
{
    testDriver *drv = checkpoint->domain->conn->privateData;
    testCkptObj *ckpt;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  TEST_CKPT_FILTERS, -1);

    g_mutex_lock(&drv->lock);
    if ((ckpt = testCkptObjFromCheckpoint(drv, checkpoint, &obj)))
        ret = testCkptListHandles(obj->checkpoints, ckpt, checkpoint->domain,
                                  children, flags);
    g_mutex_unlock(&drv->lock);
    return ret;
}


virDomainCheckpointPtr
testDomainCheckpointLookupByName(virDomainPtr domain, const char *name,
                                 unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    virDomainCheckpointPtr ret = NULL;
    testDomObj *obj;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, domain)) &&
        testCkptObjFromName(obj, name))
        ret = virGetDomainCheckpoint(domain, name);
    g_mutex_unlock(&drv->lock);
    return ret;
}


virDomainCheckpointPtr
testDomainCheckpointGetParent(virDomainCheckpointPtr checkpoint,
                              unsigned int flags)
{
    testDriver *drv = checkpoint->domain->conn->privateData;
    virDomainCheckpointPtr ret = NULL;
    testCkptObj *ckpt;
    testDomObj *obj;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((ckpt = testCkptObjFromCheckpoint(drv, checkpoint, &obj))) {
        if (!ckpt->def->parent_name)
            virReportError(VIR_ERR_NO_DOMAIN_CHECKPOINT,
                           "checkpoint '%s' does not have a parent",
                           ckpt->def->name);
        else
            ret = virGetDomainCheckpoint(checkpoint->domain,
                                         ckpt->def->parent_name);
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


char *
testDomainCheckpointGetXMLDesc(virDomainCheckpointPtr checkpoint,
                               unsigned int flags)
{
    testDriver *drv = checkpoint->domain->conn->privateData;
    unsigned int fmt = 0;
    testCkptObj *ckpt;
    testDomObj *obj;
    char *ret = NULL;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_XML_SECURE |
                  VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN |
                  VIR_DOMAIN_CHECKPOINT_XML_SIZE, NULL);

    if (flags & VIR_DOMAIN_CHECKPOINT_XML_SECURE)
        fmt |= VIR_CHECKPOINT_FORMAT_SECURE;
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN)
        fmt |= VIR_CHECKPOINT_FORMAT_NO_DOMAIN;
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_SIZE)
        fmt |= VIR_CHECKPOINT_FORMAT_SIZE;

    g_mutex_lock(&drv->lock);
    if ((ckpt = testCkptObjFromCheckpoint(drv, checkpoint, &obj)))
        ret = virCheckpointDefFormat(ckpt->def, fmt);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- creating ---- */

/* REDEFINE: the parent must exist and not lead back to the checkpoint,
 * and an included domain must be this one. */
static int
testCkptRedefineCheck(testCkptList *list, testDomObj *obj,
                      const virCheckpointDef *def)
{
    const char *parent = def->parent_name;

    if (parent) {
        testCkptObj *up;

        if (strcmp(parent, def->name) == 0) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                              "cannot set moment %s as its own parent",
                              def->name);
            return -1;
        }
        if (!(up = testCkptListFind(list, parent))) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                              "parent %s for moment %s not found",
                              parent, def->name);
            return -1;
        }
        for (; up && up->def; up = up->parent) {
            if (strcmp(up->def->name, def->name) == 0) {
                testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                                  "parent %s would create cycle to %s",
                                  parent, def->name);
                return -1;
            }
        }
    }
    if (def->dom &&
        memcmp(def->dom->uuid, obj->def->uuid, VIR_UUID_BUFLEN) != 0) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(obj->def->uuid, uuidstr);
        testReportErrorIn(VIR_FROM_DOMAIN_CHECKPOINT, VIR_ERR_INVALID_ARG,
                          "definition for checkpoint %s must use uuid %s",
                          def->name, uuidstr);
        return -1;
    }
    return 0;
}


virDomainCheckpointPtr
testDomainCheckpointCreateXML(virDomainPtr domain, const char *xmlDesc,
                              unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    bool redefine = flags & VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE;
    g_autoptr(virCheckpointDef) def = NULL;
    virDomainCheckpointPtr ret = NULL;
    testCkptObj *ckpt;
    testCkptList *list;
    testDomObj *obj;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE |
                  VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE, NULL);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    /* libvirt's test driver keeps the two apart */
    if (testDomObjNumSnapshots(obj) > 0) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create checkpoint while snapshot exists");
        goto cleanup;
    }
    if (!testDomObjIsActive(obj)) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create checkpoint for inactive domain");
        goto cleanup;
    }
    if (!(def = virCheckpointDefParseString(xmlDesc, testDomainXMLOption(),
                                            redefine ?
                                            VIR_CHECKPOINT_PARSE_REDEFINE : 0)))
        goto cleanup;

    list = testDomObjCkptList(obj);
    if (redefine) {
        if (testCkptRedefineCheck(list, obj, def) < 0 ||
            virCheckpointAlignDisks(def, def->dom) < 0)
            goto cleanup;
    } else {
        g_clear_pointer(&def->parent_name, g_free);
        if (list->current)
            def->parent_name = g_strdup(list->current->def->name);
        if (!(def->dom = virDomainDefCopy(obj->def)) ||
            virCheckpointAlignDisks(def, def->dom) < 0)
            goto cleanup;
    }

    if ((ckpt = testCkptListFind(list, def->name))) {
        if (!redefine) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_FAILED,
                              "domain moment %s already exists", def->name);
            goto cleanup;
        }
        /* A redefinition replaces the old definition in place. */
        virCheckpointDefFree(ckpt->def);
        ckpt->def = g_steal_pointer(&def);
        testCkptDropParent(ckpt);
    } else {
        ckpt = g_new0(testCkptObj, 1);
        ckpt->children = g_ptr_array_new();
        ckpt->def = g_steal_pointer(&def);
        g_hash_table_insert(list->objs, g_strdup(ckpt->def->name), ckpt);
        if (!redefine)
            list->current = ckpt;
    }
    {
        testCkptObj *parent = testCkptListFind(list, ckpt->def->parent_name);

        testCkptSetParent(ckpt, parent ? parent : &list->root);
    }
    ret = virGetDomainCheckpoint(domain, ckpt->def->name);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- deleting ---- */

/* Forget one checkpoint whose links are already dealt with. */
static void
testCkptListRemove(testCkptList *list, testCkptObj *ckpt)
{
    if (list->current == ckpt)
        list->current = NULL;
    g_hash_table_remove(list->objs, ckpt->def->name);
}


int
testDomainCheckpointDelete(virDomainCheckpointPtr checkpoint,
                           unsigned int flags)
{
    testDriver *drv = checkpoint->domain->conn->privateData;
    testCkptObj *ckpt;
    testCkptList *list;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                  VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY |
                  VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY, -1);

    g_mutex_lock(&drv->lock);
    if (!(ckpt = testCkptObjFromCheckpoint(drv, checkpoint, &obj)))
        goto cleanup;
    list = obj->checkpoints;

    if (flags & (VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                 VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)) {
        g_autoptr(GPtrArray) desc = g_ptr_array_new();
        bool hadCurrent = false;
        size_t i;

        testCkptCollectDescendants(ckpt, desc);
        for (i = 0; i < desc->len; i++) {
            testCkptObj *child = g_ptr_array_index(desc, i);

            hadCurrent |= list->current == child;
            child->parent = NULL;
            g_ptr_array_set_size(child->children, 0);
            testCkptListRemove(list, child);
        }
        g_ptr_array_set_size(ckpt->children, 0);
        if (hadCurrent)
            list->current = ckpt;
    }

    if (!(flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)) {
        testCkptObj *parent = ckpt->parent;   /* a checkpoint or the root */
        size_t i;

        testCkptMoveChildren(ckpt, parent);
        testCkptDropParent(ckpt);
        if (list->current == ckpt)
            list->current = parent->def ? parent : NULL;
        /* the moved children now name their new parent */
        for (i = 0; i < parent->children->len; i++) {
            testCkptObj *child = g_ptr_array_index(parent->children, i);

            g_free(child->def->parent_name);
            child->def->parent_name = parent->def ?
                g_strdup(parent->def->name) : NULL;
        }
        testCkptListRemove(list, ckpt);
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}
