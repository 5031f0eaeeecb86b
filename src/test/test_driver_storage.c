/* test_driver_storage.c: storage pools and volumes of the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every pool is 100 GiB; its allocation is what its volumes allocate.
 * Volumes live only in memory: a volume's path (and key) is the pool's
 * target path plus the volume name unless the XML gives one.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_POOL_CAPACITY (100ULL * 1024 * 1024 * 1024)

void
testPoolObjFree(testPoolObj *obj)
{
    if (!obj)
        return;
    virStoragePoolDefFree(obj->def);
    g_ptr_array_free(obj->vols, TRUE);
    g_free(obj);
}


void
testPoolObjRefresh(testPoolObj *obj)
{
    unsigned long long alloc = 0;
    size_t i;

    for (i = 0; i < obj->vols->len; i++) {
        virStorageVolDef *vol = g_ptr_array_index(obj->vols, i);
        alloc += vol->allocation;
    }
    obj->def->capacity = TEST_POOL_CAPACITY;
    obj->def->allocation = alloc;
    obj->def->available = alloc > TEST_POOL_CAPACITY ? 0
                                                     : TEST_POOL_CAPACITY - alloc;
}


static testPoolObj *
testPoolObjFindByName(testDriver *drv, const char *name)
{
    size_t i;

    for (i = 0; i < drv->pools->len; i++) {
        testPoolObj *obj = g_ptr_array_index(drv->pools, i);
        if (strcmp(obj->def->name, name) == 0)
            return obj;
    }
    return NULL;
}


static testPoolObj *
testPoolObjFindByUUID(testDriver *drv, const unsigned char *uuid)
{
    size_t i;

    for (i = 0; i < drv->pools->len; i++) {
        testPoolObj *obj = g_ptr_array_index(drv->pools, i);
        if (memcmp(obj->def->uuid, uuid, VIR_UUID_BUFLEN) == 0)
            return obj;
    }
    return NULL;
}


static testPoolObj *
testPoolObjFromName(testDriver *drv, const char *name)
{
    testPoolObj *obj = testPoolObjFindByName(drv, name);

    if (!obj)
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching name '%s'", name);
    return obj;
}


static testPoolObj *
testPoolObjFromNameActive(testDriver *drv, const char *name)
{
    testPoolObj *obj = testPoolObjFromName(drv, name);

    if (obj && !obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "storage pool '%s' is not active", name);
        return NULL;
    }
    return obj;
}


/* The pool behind a handle, found by uuid. */
static testPoolObj *
testPoolObjFromPool(testDriver *drv, virStoragePoolPtr pool)
{
    testPoolObj *obj = testPoolObjFindByUUID(drv, pool->uuid);

    if (!obj) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(pool->uuid, uuidstr);
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching uuid '%s' (%s)",
                       uuidstr, pool->name);
    }
    return obj;
}


static virStoragePoolPtr
testPoolObjGetHandle(virConnectPtr conn, testPoolObj *obj)
{
    return virGetStoragePool(conn, obj->def->name, obj->def->uuid, NULL, NULL);
}


static virStorageVolPtr
testVolGetHandle(virConnectPtr conn, testPoolObj *pool, virStorageVolDef *vol)
{
    return virGetStorageVol(conn, pool->def->name, vol->name, vol->key,
                            NULL, NULL);
}


/* testListAll's handle maker for the volumes of the pool @opaque. */
static void *
testVolListHandle(virConnectPtr conn, void *vol, void *opaque)
{
    return testVolGetHandle(conn, opaque, vol);
}


static virStorageVolDef *
testVolFindByName(testPoolObj *pool, const char *name)
{
    size_t i;

    for (i = 0; i < pool->vols->len; i++) {
        virStorageVolDef *vol = g_ptr_array_index(pool->vols, i);
        if (strcmp(vol->name, name) == 0)
            return vol;
    }
    return NULL;
}


static void
testPoolObjRemove(testDriver *drv, testPoolObj *obj)
{
    g_ptr_array_remove(drv->pools, obj);   /* the array frees it */
}


/* A lifecycle event (virStoragePoolEventLifecycleType); called locked. */
static void
testPoolObjEvent(testDriver *drv, testPoolObj *obj, int event)
{
    testEventQueuePoolLifecycle(drv->events, obj->def->name, obj->def->uuid,
                                event);
}


/* Add a new pool from `*def` (taken on success) after libvirt's checks:
 * another directory pool on the same path, then name and uuid clashes. */
static testPoolObj *
testPoolObjAssign(testDriver *drv, virStoragePoolDef **def, bool live)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testPoolObj *obj;
    size_t i;

    for (i = 0; i < drv->pools->len; i++) {
        obj = g_ptr_array_index(drv->pools, i);
        if (strcmp(obj->def->name, (*def)->name) == 0)
            continue;
        if (obj->def->type == VIR_STORAGE_POOL_DIR &&
            (*def)->type == VIR_STORAGE_POOL_DIR &&
            obj->def->target.path && (*def)->target.path &&
            strcmp(obj->def->target.path, (*def)->target.path) == 0) {
            testReportErrorIn(VIR_FROM_STORAGE, VIR_ERR_OPERATION_FAILED,
                              "Storage source conflict with pool: '%s'",
                              obj->def->name);
            return NULL;
        }
    }

    if ((obj = testPoolObjFindByUUID(drv, (*def)->uuid))) {
        if (strcmp(obj->def->name, (*def)->name) != 0) {
            virUUIDFormat(obj->def->uuid, uuidstr);
            testReportErrorIn(VIR_FROM_STORAGE, VIR_ERR_OPERATION_FAILED,
                              "pool '%s' is already defined with uuid %s",
                              obj->def->name, uuidstr);
            return NULL;
        }
        if (live && obj->active) {
            testReportErrorIn(VIR_FROM_STORAGE, VIR_ERR_OPERATION_INVALID,
                              "pool is already active as '%s'",
                              obj->def->name);
            return NULL;
        }
        /* libvirt's test driver keeps a running pool's definition: the
         * new one is stored aside and never shown or applied */
        if (!live && obj->active) {
            g_clear_pointer(def, virStoragePoolDefFree);
            return obj;
        }
        virStoragePoolDefFree(obj->def);
        obj->def = g_steal_pointer(def);
        testPoolObjRefresh(obj);
        return obj;
    }

    if ((obj = testPoolObjFindByName(drv, (*def)->name))) {
        virUUIDFormat(obj->def->uuid, uuidstr);
        testReportErrorIn(VIR_FROM_STORAGE, VIR_ERR_OPERATION_FAILED,
                          "pool '%s' already exists with uuid %s",
                          (*def)->name, uuidstr);
        return NULL;
    }

    obj = g_new0(testPoolObj, 1);
    obj->def = g_steal_pointer(def);
    obj->vols = g_ptr_array_new_with_free_func((GDestroyNotify)virStorageVolDefFree);
    testPoolObjRefresh(obj);
    g_ptr_array_add(drv->pools, obj);
    return obj;
}


testPoolObj *
testPoolObjLoad(testDriver *drv, virStoragePoolDef *def)
{
    testPoolObj *obj;

    if (!(obj = testPoolObjAssign(drv, &def, false))) {
        virStoragePoolDefFree(def);
        return NULL;
    }
    obj->persistent = true;
    obj->active = true;
    return obj;
}


/* Give a volume its path and key, then add it (takes `vol`). */
void
testPoolObjAddVolume(testPoolObj *pool, virStorageVolDef *vol)
{
    if (!vol->target.path)
        vol->target.path = g_strdup_printf("%s/%s", pool->def->target.path,
                                           vol->name);
    if (!vol->key)
        vol->key = g_strdup(vol->target.path);
    g_ptr_array_add(pool->vols, vol);
    testPoolObjRefresh(pool);
}


/* ---- pools: listing ---- */

static int
testConnectNumOfPoolsImpl(virConnectPtr conn, bool active)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->pools->len; i++) {
        testPoolObj *obj = g_ptr_array_index(drv->pools, i);
        if (obj->active == active)
            n++;
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testConnectListPoolsImpl(virConnectPtr conn, bool active, char **const names,
                         int maxnames)
{
    testDriver *drv = conn->privateData;
    int n = 0;
    size_t i;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->pools->len && n < maxnames; i++) {
        testPoolObj *obj = g_ptr_array_index(drv->pools, i);
        if (obj->active == active)
            names[n++] = g_strdup(obj->def->name);
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testConnectNumOfStoragePools(virConnectPtr conn)
{
    return testConnectNumOfPoolsImpl(conn, true);
}


static int
testConnectNumOfDefinedStoragePools(virConnectPtr conn)
{
    return testConnectNumOfPoolsImpl(conn, false);
}


static int
testConnectListStoragePools(virConnectPtr conn, char **const names,
                            int maxnames)
{
    return testConnectListPoolsImpl(conn, true, names, maxnames);
}


static int
testConnectListDefinedStoragePools(virConnectPtr conn, char **const names,
                                   int maxnames)
{
    return testConnectListPoolsImpl(conn, false, names, maxnames);
}


/* The pool-type filter bits, in the order of virStoragePoolType. */
static const unsigned int testPoolTypeFlags[VIR_STORAGE_POOL_LAST] = {
    [VIR_STORAGE_POOL_DIR] = VIR_CONNECT_LIST_STORAGE_POOLS_DIR,
    [VIR_STORAGE_POOL_FS] = VIR_CONNECT_LIST_STORAGE_POOLS_FS,
    [VIR_STORAGE_POOL_NETFS] = VIR_CONNECT_LIST_STORAGE_POOLS_NETFS,
    [VIR_STORAGE_POOL_LOGICAL] = VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL,
    [VIR_STORAGE_POOL_DISK] = VIR_CONNECT_LIST_STORAGE_POOLS_DISK,
    [VIR_STORAGE_POOL_ISCSI] = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI,
    [VIR_STORAGE_POOL_ISCSI_DIRECT] = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT,
    [VIR_STORAGE_POOL_SCSI] = VIR_CONNECT_LIST_STORAGE_POOLS_SCSI,
    [VIR_STORAGE_POOL_MPATH] = VIR_CONNECT_LIST_STORAGE_POOLS_MPATH,
    [VIR_STORAGE_POOL_RBD] = VIR_CONNECT_LIST_STORAGE_POOLS_RBD,
    [VIR_STORAGE_POOL_SHEEPDOG] = VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG,
    [VIR_STORAGE_POOL_GLUSTER] = VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER,
    [VIR_STORAGE_POOL_ZFS] = VIR_CONNECT_LIST_STORAGE_POOLS_ZFS,
    [VIR_STORAGE_POOL_VSTORAGE] = VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE,
};

#define TEST_POOL_TYPE_FLAGS \
    (VIR_CONNECT_LIST_STORAGE_POOLS_DIR | \
     VIR_CONNECT_LIST_STORAGE_POOLS_FS | \
     VIR_CONNECT_LIST_STORAGE_POOLS_NETFS | \
     VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL | \
     VIR_CONNECT_LIST_STORAGE_POOLS_DISK | \
     VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI | \
     VIR_CONNECT_LIST_STORAGE_POOLS_SCSI | \
     VIR_CONNECT_LIST_STORAGE_POOLS_MPATH | \
     VIR_CONNECT_LIST_STORAGE_POOLS_RBD | \
     VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG | \
     VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER | \
     VIR_CONNECT_LIST_STORAGE_POOLS_ZFS | \
     VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE | \
     VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT)

static void *
testPoolObjListHandle(virConnectPtr conn, void *obj,
                      void *opaque G_GNUC_UNUSED)
{
    return testPoolObjGetHandle(conn, obj);
}


static bool
testPoolObjMatchFilter(const void *opaque, unsigned int flags)
{
    const testPoolObj *obj = opaque;

    if ((flags & (VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE |
                  VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE)) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE && obj->active) ||
          (flags & VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE && !obj->active)))
        return false;
    if ((flags & (VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT |
                  VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT)) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT &&
           obj->persistent) ||
          (flags & VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT &&
           !obj->persistent)))
        return false;
    if ((flags & (VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART |
                  VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART)) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART &&
           obj->autostart) ||
          (flags & VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART &&
           !obj->autostart)))
        return false;
    if ((flags & TEST_POOL_TYPE_FLAGS) &&
        (obj->def->type < 0 || obj->def->type >= VIR_STORAGE_POOL_LAST ||
         !(flags & testPoolTypeFlags[obj->def->type])))
        return false;
    return true;
}


static int
testConnectListAllStoragePools(virConnectPtr conn, virStoragePoolPtr **pools,
                               unsigned int flags)
{
    testDriver *drv = conn->privateData;
    int ret;

    virCheckFlags(VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE |
                  VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE |
                  VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT |
                  VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT |
                  VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART |
                  VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART |
                  TEST_POOL_TYPE_FLAGS, -1);

    g_mutex_lock(&drv->lock);
    ret = testListAll(conn, drv->pools, testPoolObjMatchFilter, flags,
                      testPoolObjListHandle, NULL, (void ***)pools);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- pools: lookups ---- */

static void *
testPoolObjLookupName(testDriver *drv, const void *name)
{
    return testPoolObjFromName(drv, name);
}


static void *
testPoolObjLookupUUID(testDriver *drv, const void *uuid)
{
    testPoolObj *obj = testPoolObjFindByUUID(drv, uuid);

    if (!obj) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(uuid, uuidstr);
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching uuid '%s'", uuidstr);
    }
    return obj;
}


static virStoragePoolPtr
testStoragePoolLookupByName(virConnectPtr conn, const char *name)
{
    return testLookup(conn, testPoolObjLookupName, name,
                      testPoolObjListHandle);
}


static virStoragePoolPtr
testStoragePoolLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    return testLookup(conn, testPoolObjLookupUUID, uuid,
                      testPoolObjListHandle);
}


static virStoragePoolPtr
testStoragePoolLookupByUUIDString(virConnectPtr conn, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    if (virUUIDParse(uuidstr, uuid) < 0) {
        testRaiseInvalidArg(VIR_FROM_STORAGE,
                            "virStoragePoolLookupByUUIDString", "uuidstr",
                            "uuidstr in %s must be a valid UUID",
                            "virStoragePoolLookupByUUIDString");
        return NULL;
    }
    return testStoragePoolLookupByUUID(conn, uuid);
}


static virStoragePoolPtr
testStoragePoolLookupByVolume(virStorageVolPtr vol)
{
    return testStoragePoolLookupByName(vol->conn, vol->pool);
}


/* ---- pools: life cycle ---- */

static virStoragePoolPtr
testStoragePoolDefineOrCreate(virConnectPtr conn, const char *xml, bool live)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virStoragePoolDef) def = NULL;
    virStoragePoolPtr ret = NULL;
    testPoolObj *obj;

    if (!(def = virStoragePoolDefParseString(xml, 0)))
        return NULL;

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjAssign(drv, &def, live))) {
        if (live)
            obj->active = true;
        else
            obj->persistent = true;
        testPoolObjEvent(drv, obj, live ? VIR_STORAGE_POOL_EVENT_STARTED
                                        : VIR_STORAGE_POOL_EVENT_DEFINED);
        ret = testPoolObjGetHandle(conn, obj);
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static virStoragePoolPtr
testStoragePoolDefineXML(virConnectPtr conn, const char *xml,
                         unsigned int flags)
{
    virCheckFlags(VIR_STORAGE_POOL_DEFINE_VALIDATE, NULL);
    return testStoragePoolDefineOrCreate(conn, xml, false);
}


static virStoragePoolPtr
testStoragePoolCreateXML(virConnectPtr conn, const char *xml,
                         unsigned int flags)
{
    virCheckFlags(0, NULL);
    return testStoragePoolDefineOrCreate(conn, xml, true);
}


static int
testStoragePoolCreate(virStoragePoolPtr pool, unsigned int flags)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromName(drv, pool->name)))
        goto cleanup;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "storage pool '%s' is active", pool->name);
        goto cleanup;
    }
    obj->active = true;
    testPoolObjEvent(drv, obj, VIR_STORAGE_POOL_EVENT_STARTED);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolDestroy(virStoragePoolPtr pool)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromNameActive(drv, pool->name)))
        goto cleanup;
    obj->active = false;
    testPoolObjEvent(drv, obj, VIR_STORAGE_POOL_EVENT_STOPPED);
    if (!obj->persistent)
        testPoolObjRemove(drv, obj);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolUndefine(virStoragePoolPtr pool)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromName(drv, pool->name)))
        goto cleanup;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "storage pool '%s' is active", pool->name);
        goto cleanup;
    }
    testPoolObjEvent(drv, obj, VIR_STORAGE_POOL_EVENT_UNDEFINED);
    testPoolObjRemove(drv, obj);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Building and deleting an inactive pool's storage: libvirt's test driver
 * only tells (CREATED, DELETED); the pool and its volumes stay. */
static int
testStoragePoolBuildOrDelete(virStoragePoolPtr pool, int event)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromName(drv, pool->name)))
        goto cleanup;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "storage pool '%s' is active", pool->name);
        goto cleanup;
    }
    testPoolObjEvent(drv, obj, event);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolBuild(virStoragePoolPtr pool, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testStoragePoolBuildOrDelete(pool, VIR_STORAGE_POOL_EVENT_CREATED);
}


static int
testStoragePoolDelete(virStoragePoolPtr pool, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testStoragePoolBuildOrDelete(pool, VIR_STORAGE_POOL_EVENT_DELETED);
}


static int
testStoragePoolRefresh(virStoragePoolPtr pool, unsigned int flags)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromNameActive(drv, pool->name))) {
        testPoolObjRefresh(obj);
        testEventQueuePoolRefresh(drv->events, obj->def->name,
                                  obj->def->uuid);
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- pools: queries ---- */

static int
testStoragePoolGetInfo(virStoragePoolPtr pool, virStoragePoolInfoPtr info)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromName(drv, pool->name))) {
        memset(info, 0, sizeof(*info));
        info->state = obj->active ? VIR_STORAGE_POOL_RUNNING
                                  : VIR_STORAGE_POOL_INACTIVE;
        info->capacity = obj->def->capacity;
        info->allocation = obj->def->allocation;
        info->available = obj->def->available;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static char *
testStoragePoolGetXMLDesc(virStoragePoolPtr pool, unsigned int flags)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    char *ret = NULL;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromName(drv, pool->name)))
        ret = virStoragePoolDefFormat(obj->def, 0);
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolGetAutostart(virStoragePoolPtr pool, int *autostart)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromName(drv, pool->name))) {
        *autostart = obj->autostart;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolSetAutostart(virStoragePoolPtr pool, int autostart)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromName(drv, pool->name)))
        goto cleanup;
    if (!obj->persistent) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "pool has no config file");
        goto cleanup;
    }
    obj->autostart = autostart != 0;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolIsActive(virStoragePoolPtr pool)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromPool(drv, pool)))
        ret = obj->active;
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolIsPersistent(virStoragePoolPtr pool)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromPool(drv, pool)))
        ret = obj->persistent;
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- volumes ---- */

static int
testStoragePoolNumOfVolumes(virStoragePoolPtr pool)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromNameActive(drv, pool->name)))
        ret = obj->vols->len;
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStoragePoolListVolumes(virStoragePoolPtr pool, char **const names,
                           int maxnames)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int n = -1;
    size_t i;

    g_mutex_lock(&drv->lock);
    if ((obj = testPoolObjFromNameActive(drv, pool->name))) {
        for (n = 0, i = 0; i < obj->vols->len && n < maxnames; i++) {
            virStorageVolDef *vol = g_ptr_array_index(obj->vols, i);
            names[n++] = g_strdup(vol->name);
        }
    }
    g_mutex_unlock(&drv->lock);
    return n;
}


static int
testStoragePoolListAllVolumes(virStoragePoolPtr pool, virStorageVolPtr **vols,
                              unsigned int flags)
{
    testDriver *drv = pool->conn->privateData;
    testPoolObj *obj;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromName(drv, pool->name)))
        goto cleanup;
    if (!obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "storage pool is not active");
        goto cleanup;
    }
    ret = testListAll(pool->conn, obj->vols, NULL, 0, testVolListHandle, obj,
                      (void ***)vols);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static virStorageVolPtr
testStorageVolLookupByName(virStoragePoolPtr pool, const char *name)
{
    testDriver *drv = pool->conn->privateData;
    virStorageVolPtr ret = NULL;
    virStorageVolDef *vol;
    testPoolObj *obj;

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromNameActive(drv, pool->name)))
        goto cleanup;
    if (!(vol = testVolFindByName(obj, name))) {
        virReportError(VIR_ERR_NO_STORAGE_VOL,
                       "no storage vol with matching name '%s'", name);
        goto cleanup;
    }
    ret = testVolGetHandle(pool->conn, obj, vol);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Search the active pools for a volume by key (byPath false) or path. */
static virStorageVolPtr
testStorageVolLookupBy(virConnectPtr conn, const char *what, bool byPath)
{
    testDriver *drv = conn->privateData;
    virStorageVolPtr ret = NULL;
    size_t i, j;

    g_mutex_lock(&drv->lock);
    for (i = 0; i < drv->pools->len; i++) {
        testPoolObj *obj = g_ptr_array_index(drv->pools, i);

        if (!obj->active)
            continue;
        for (j = 0; j < obj->vols->len; j++) {
            virStorageVolDef *vol = g_ptr_array_index(obj->vols, j);
            const char *value = byPath ? vol->target.path : vol->key;

            if (value && strcmp(value, what) == 0) {
                ret = testVolGetHandle(conn, obj, vol);
                goto cleanup;
            }
        }
    }
    virReportError(VIR_ERR_NO_STORAGE_VOL,
                   "no storage vol with matching %s '%s'",
                   byPath ? "path" : "key", what);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static virStorageVolPtr
testStorageVolLookupByKey(virConnectPtr conn, const char *key)
{
    return testStorageVolLookupBy(conn, key, false);
}


static virStorageVolPtr
testStorageVolLookupByPath(virConnectPtr conn, const char *path)
{
    return testStorageVolLookupBy(conn, path, true);
}


/* The pool and volume behind a handle (the pool must be active). */
static virStorageVolDef *
testVolFromHandle(testDriver *drv, virStorageVolPtr vol, testPoolObj **pool)
{
    virStorageVolDef *def;

    if (!(*pool = testPoolObjFromNameActive(drv, vol->pool)))
        return NULL;
    if (!(def = testVolFindByName(*pool, vol->name)))
        virReportError(VIR_ERR_NO_STORAGE_VOL,
                       "no storage vol with matching name '%s'", vol->name);
    return def;
}


/* CreateXML, and CreateXMLFrom when @srcName is given: the test driver
 * copies no data, but the source must be a volume of the same pool. */
static virStorageVolPtr
testStorageVolCreate(virStoragePoolPtr pool, const char *xml,
                     const char *srcName)
{
    testDriver *drv = pool->conn->privateData;
    g_autoptr(virStorageVolDef) def = NULL;
    virStorageVolDef *vdef;
    virStorageVolPtr ret = NULL;
    testPoolObj *obj;

    g_mutex_lock(&drv->lock);
    if (!(obj = testPoolObjFromNameActive(drv, pool->name)))
        goto cleanup;
    if (!(def = virStorageVolDefParseString(obj->def, xml, 0)))
        goto cleanup;
    if (testVolFindByName(obj, def->name)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                       "storage vol already exists");
        goto cleanup;
    }
    if (srcName && !testVolFindByName(obj, srcName)) {
        virReportError(VIR_ERR_NO_STORAGE_VOL,
                       "no storage vol with matching name '%s'", srcName);
        goto cleanup;
    }
    if (obj->def->allocation + def->allocation > obj->def->capacity) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Not enough free space in pool for volume '%s'",
                       def->name);
        goto cleanup;
    }
    /* A new volume always lives under the pool's target. */
    g_free(def->target.path);
    def->target.path = NULL;
    g_clear_pointer(&def->key, g_free);
    vdef = g_steal_pointer(&def);
    testPoolObjAddVolume(obj, vdef);
    ret = testVolGetHandle(pool->conn, obj, vdef);

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static virStorageVolPtr
testStorageVolCreateXML(virStoragePoolPtr pool, const char *xml,
                        unsigned int flags)
{
    virCheckFlags(0, NULL);

    return testStorageVolCreate(pool, xml, NULL);
}


static virStorageVolPtr
testStorageVolCreateXMLFrom(virStoragePoolPtr pool, const char *xml,
                            virStorageVolPtr clonevol, unsigned int flags)
{
    virCheckFlags(0, NULL);

    return testStorageVolCreate(pool, xml, clonevol->name);
}


/* ---- source discovery ---------------------------------------------- */

/* The canned answers of libvirt's test driver: two volume groups for
 * "logical", and the share /testshare of the asked host for "netfs". */
static char *
testConnectFindStoragePoolSources(virConnectPtr conn G_GNUC_UNUSED,
                                  const char *type, const char *srcSpec,
                                  unsigned int flags)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr doc = NULL;
    g_autofree char *host = NULL;
    char *ret = NULL;
    int poolType;

    virCheckFlags(0, NULL);

    poolType = virStoragePoolTypeFromString(type);
    if (poolType == VIR_STORAGE_POOL_DIR) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unknown storage pool type %s", type);
        return NULL;
    }
    if (srcSpec) {
        if (!(doc = virConfXMLParse(NULL, srcSpec,
                                    "(storage_source_specification)", "source",
                                    &ctxt, VIR_FROM_STORAGE)))
            return NULL;
        if (virConfXPathNode("./host", ctxt) &&
            !(host = virConfXPathString("string(./host[1]/@name)", ctxt))) {
            testReportErrorIn(VIR_FROM_STORAGE, VIR_ERR_XML_ERROR, "%s",
                              "missing storage pool host name");
            virConfXMLFree(doc, ctxt);
            return NULL;
        }
        virConfXMLFree(doc, ctxt);
    }

    switch (poolType) {
    case VIR_STORAGE_POOL_LOGICAL:
        ret = g_strdup("<sources>\n"
                       "  <source>\n"
                       "    <device path='/dev/sda20'/>\n"
                       "    <name>testvg1</name>\n"
                       "    <format type='lvm2'/>\n"
                       "  </source>\n"
                       "  <source>\n"
                       "    <device path='/dev/sda21'/>\n"
                       "    <name>testvg2</name>\n"
                       "    <format type='lvm2'/>\n"
                       "  </source>\n"
                       "</sources>\n");
        break;
    case VIR_STORAGE_POOL_NETFS:
        /* (libvirt 9.0 crashes on a spec without a host; we refuse it) */
        if (!host) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "hostname must be specified for netfs sources");
            return NULL;
        }
        ret = g_strdup_printf("<sources>\n"
                              "  <source>\n"
                              "    <host name='%s'/>\n"
                              "    <dir path='/testshare'/>\n"
                              "    <format type='nfs'/>\n"
                              "  </source>\n"
                              "</sources>\n", host);
        break;
    default:
        virReportError(VIR_ERR_NO_SUPPORT,
                       "pool type '%s' does not support source discovery", type);
        break;
    }
    return ret;
}


static int
testStorageVolDelete(virStorageVolPtr vol, unsigned int flags)
{
    testDriver *drv = vol->conn->privateData;
    virStorageVolDef *def;
    testPoolObj *pool;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if ((def = testVolFromHandle(drv, vol, &pool))) {
        g_ptr_array_remove(pool->vols, def);
        testPoolObjRefresh(pool);
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testStorageVolGetInfo(virStorageVolPtr vol, virStorageVolInfoPtr info)
{
    testDriver *drv = vol->conn->privateData;
    virStorageVolDef *def;
    testPoolObj *pool;
    int ret = -1;

    g_mutex_lock(&drv->lock);
    if ((def = testVolFromHandle(drv, vol, &pool))) {
        memset(info, 0, sizeof(*info));
        info->type = def->type;
        info->capacity = def->capacity;
        info->allocation = def->allocation;
        ret = 0;
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


static char *
testStorageVolGetXMLDesc(virStorageVolPtr vol, unsigned int flags)
{
    testDriver *drv = vol->conn->privateData;
    virStorageVolDef *def;
    testPoolObj *pool;
    char *ret = NULL;

    virCheckFlags(0, NULL);

    g_mutex_lock(&drv->lock);
    if ((def = testVolFromHandle(drv, vol, &pool)))
        ret = virStorageVolDefFormat(pool->def, def);
    g_mutex_unlock(&drv->lock);
    return ret;
}


static char *
testStorageVolGetPath(virStorageVolPtr vol)
{
    testDriver *drv = vol->conn->privateData;
    virStorageVolDef *def;
    testPoolObj *pool;
    char *ret = NULL;

    g_mutex_lock(&drv->lock);
    if ((def = testVolFromHandle(drv, vol, &pool)))
        ret = g_strdup(def->target.path);
    g_mutex_unlock(&drv->lock);
    return ret;
}


virStorageDriver testStorageDriver = {
    .name = "Test",
    .connectNumOfStoragePools = testConnectNumOfStoragePools,
    .connectListStoragePools = testConnectListStoragePools,
    .connectNumOfDefinedStoragePools = testConnectNumOfDefinedStoragePools,
    .connectListDefinedStoragePools = testConnectListDefinedStoragePools,
    .connectListAllStoragePools = testConnectListAllStoragePools,
    .storagePoolLookupByName = testStoragePoolLookupByName,
    .storagePoolLookupByUUID = testStoragePoolLookupByUUID,
    .storagePoolLookupByUUIDString = testStoragePoolLookupByUUIDString,
    .storagePoolLookupByVolume = testStoragePoolLookupByVolume,
    .storagePoolDefineXML = testStoragePoolDefineXML,
    .storagePoolCreateXML = testStoragePoolCreateXML,
    .storagePoolCreate = testStoragePoolCreate,
    .storagePoolDestroy = testStoragePoolDestroy,
    .storagePoolUndefine = testStoragePoolUndefine,
    .storagePoolRefresh = testStoragePoolRefresh,
    .storagePoolBuild = testStoragePoolBuild,
    .storagePoolDelete = testStoragePoolDelete,
    .connectStoragePoolEventRegisterAny = testConnectStoragePoolEventRegisterAny,
    .connectStoragePoolEventDeregisterAny = testConnectStoragePoolEventDeregisterAny,
    .storagePoolGetInfo = testStoragePoolGetInfo,
    .storagePoolGetXMLDesc = testStoragePoolGetXMLDesc,
    .storagePoolGetAutostart = testStoragePoolGetAutostart,
    .storagePoolSetAutostart = testStoragePoolSetAutostart,
    .storagePoolIsActive = testStoragePoolIsActive,
    .storagePoolIsPersistent = testStoragePoolIsPersistent,
    .storagePoolNumOfVolumes = testStoragePoolNumOfVolumes,
    .storagePoolListVolumes = testStoragePoolListVolumes,
    .storagePoolListAllVolumes = testStoragePoolListAllVolumes,
    .storageVolLookupByName = testStorageVolLookupByName,
    .storageVolLookupByKey = testStorageVolLookupByKey,
    .storageVolLookupByPath = testStorageVolLookupByPath,
    .storageVolCreateXML = testStorageVolCreateXML,
    .storageVolCreateXMLFrom = testStorageVolCreateXMLFrom,
    .connectFindStoragePoolSources = testConnectFindStoragePoolSources,
    .storageVolDelete = testStorageVolDelete,
    .storageVolGetInfo = testStorageVolGetInfo,
    .storageVolGetXMLDesc = testStorageVolGetXMLDesc,
    .storageVolGetPath = testStorageVolGetPath,
};
