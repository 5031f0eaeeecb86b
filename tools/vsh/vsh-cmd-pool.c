/* vsh-cmd-pool.c: storage pool and volume commands ("pool" and "volume").
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "vsh.h"

#define VSH_OPT_POOL(helptext) \
    { "pool", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }


static const char *
vshPoolStateName(int state)
{
    switch ((virStoragePoolState)state) {
    case VIR_STORAGE_POOL_INACTIVE: return "inactive";
    case VIR_STORAGE_POOL_BUILDING: return "building";
    case VIR_STORAGE_POOL_RUNNING: return "running";
    case VIR_STORAGE_POOL_DEGRADED: return "degraded";
    case VIR_STORAGE_POOL_INACCESSIBLE: return "inaccessible";
    default:
        break;
    }
    return "unknown";
}


static bool
vshPoolHasSizes(int state)
{
    return state == VIR_STORAGE_POOL_RUNNING ||
           state == VIR_STORAGE_POOL_DEGRADED;
}


static const char *
vshVolTypeName(int type)
{
    switch ((virStorageVolType)type) {
    case VIR_STORAGE_VOL_FILE: return "file";
    case VIR_STORAGE_VOL_BLOCK: return "block";
    case VIR_STORAGE_VOL_DIR: return "dir";
    case VIR_STORAGE_VOL_NETWORK: return "network";
    case VIR_STORAGE_VOL_NETDIR: return "netdir";
    case VIR_STORAGE_VOL_PLOOP: return "ploop";
    default:
        break;
    }
    return "unknown";
}


/* ---- pool-list ----------------------------------------------------- */

static const vshCmdOptDef vshOptsPoolList[] = {
    { "inactive", VSH_OT_BOOL, 0, "only pools that are not running" },
    { "all", VSH_OT_BOOL, 0, "running and stopped pools together" },
    { "transient", VSH_OT_BOOL, 0, "only pools without a persistent config" },
    { "persistent", VSH_OT_BOOL, 0, "only pools with a persistent config" },
    { "autostart", VSH_OT_BOOL, 0, "only pools started with the host" },
    { "no-autostart", VSH_OT_BOOL, 0, "only pools not started with the host" },
    { "type", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "only pools of these comma-separated types (dir, logical, ...)" },
    { "details", VSH_OT_BOOL, 0, "add persistence and size columns" },
    { "uuid", VSH_OT_BOOL, 0, "print UUIDs instead of a table" },
    { "name", VSH_OT_BOOL, 0, "print names instead of a table" },
    VSH_OPT_END
};

static const struct {
    const char *name;
    unsigned int flag;
} vshPoolTypes[] = {
    { "dir", VIR_CONNECT_LIST_STORAGE_POOLS_DIR },
    { "fs", VIR_CONNECT_LIST_STORAGE_POOLS_FS },
    { "netfs", VIR_CONNECT_LIST_STORAGE_POOLS_NETFS },
    { "logical", VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL },
    { "disk", VIR_CONNECT_LIST_STORAGE_POOLS_DISK },
    { "iscsi", VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI },
    { "iscsi-direct", VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT },
    { "scsi", VIR_CONNECT_LIST_STORAGE_POOLS_SCSI },
    { "mpath", VIR_CONNECT_LIST_STORAGE_POOLS_MPATH },
    { "rbd", VIR_CONNECT_LIST_STORAGE_POOLS_RBD },
    { "sheepdog", VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG },
    { "gluster", VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER },
    { "zfs", VIR_CONNECT_LIST_STORAGE_POOLS_ZFS },
    { "vstorage", VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE },
};

static int
vshPoolSorter(const void *a, const void *b)
{
    virStoragePoolPtr pa = *(virStoragePoolPtr const *)a;
    virStoragePoolPtr pb = *(virStoragePoolPtr const *)b;

    return g_ascii_strcasecmp(virStoragePoolGetName(pa),
                              virStoragePoolGetName(pb));
}


static bool
vshPoolTypeFlags(vshControl *ctl, const char *types, unsigned int *flags)
{
    g_auto(GStrv) parts = g_strsplit(types, ",", -1);
    size_t i, j;

    for (i = 0; parts[i]; i++) {
        if (!*parts[i])
            continue;
        for (j = 0; j < G_N_ELEMENTS(vshPoolTypes); j++) {
            if (strcmp(parts[i], vshPoolTypes[j].name) == 0)
                break;
        }
        if (j == G_N_ELEMENTS(vshPoolTypes)) {
            vshError(ctl, "Invalid pool type '%s'", parts[i]);
            return false;
        }
        *flags |= vshPoolTypes[j].flag;
    }
    return true;
}


static bool
vshCmdPoolList(vshControl *ctl, const vshCmd *cmd)
{
    bool optDetails = vshCmdOptBool(cmd, "details");
    bool optName = vshCmdOptBool(cmd, "name");
    bool optUUID = vshCmdOptBool(cmd, "uuid");
    g_autoptr(vshTable) table = NULL;
    virStoragePoolPtr *pools = NULL;
    unsigned int flags = 0;
    const char *types;
    bool ret = false;
    int npools;
    int i;

    if (!vshCmdExclusive(ctl, cmd, "details", "name") ||
        !vshCmdExclusive(ctl, cmd, "details", "uuid"))
        return false;

    if (vshCmdOptBool(cmd, "inactive"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE;
    if (vshCmdOptBool(cmd, "all"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE |
                 VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE;
    if (!(flags & VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE;
    if (vshCmdOptBool(cmd, "persistent"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT;
    if (vshCmdOptBool(cmd, "transient"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT;
    if (vshCmdOptBool(cmd, "autostart"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART;
    if (vshCmdOptBool(cmd, "no-autostart"))
        flags |= VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART;
    if (vshCmdOptString(ctl, cmd, "type", &types) < 0)
        return false;
    if (types && !vshPoolTypeFlags(ctl, types, &flags))
        return false;

    if ((npools = virConnectListAllStoragePools(ctl->conn, &pools, flags)) < 0) {
        vshError(ctl, "%s", "Failed to list pools");
        return false;
    }
    qsort(pools, npools, sizeof(*pools), vshPoolSorter);

    if (optDetails)
        table = vshTableNew("Name", "State", "Autostart", "Persistent",
                            "Capacity", "Allocation", "Available", NULL);
    else if (!optName && !optUUID)
        table = vshTableNew("Name", "State", "Autostart", NULL);

    for (i = 0; i < npools; i++) {
        virStoragePoolPtr pool = pools[i];
        const char *name = virStoragePoolGetName(pool);
        virStoragePoolInfo info;
        const char *autostartStr;
        int autostart = 0;

        if (optName || optUUID) {
            char uuid[VIR_UUID_STRING_BUFLEN];

            if (optUUID && virStoragePoolGetUUIDString(pool, uuid) < 0) {
                vshError(ctl, "%s", "Failed to get pool's UUID");
                goto cleanup;
            }
            if (optUUID && optName)
                vshPrint(ctl, "%s %-20s\n", uuid, name);
            else if (optUUID)
                vshPrint(ctl, "%s\n", uuid);
            else
                vshPrint(ctl, "%-20s\n", name);
            continue;
        }

        if (virStoragePoolGetAutostart(pool, &autostart) < 0)
            autostartStr = "no autostart";
        else
            autostartStr = autostart ? "yes" : "no";
        vshResetLibvirtError();

        if (!optDetails) {
            int active = virStoragePoolIsActive(pool);
            vshResetLibvirtError();
            vshTableAppend(table, name, active > 0 ? "active" : "inactive",
                           autostartStr, NULL);
            continue;
        }

        if (virStoragePoolGetInfo(pool, &info) < 0) {
            vshError(ctl, "%s", "Failed to get pool information");
            goto cleanup;
        } else {
            int persistent = virStoragePoolIsPersistent(pool);
            g_autofree char *cap = NULL;
            g_autofree char *alloc = NULL;
            g_autofree char *avail = NULL;

            vshResetLibvirtError();
            if (vshPoolHasSizes(info.state)) {
                cap = vshPrettyCapacity(info.capacity);
                alloc = vshPrettyCapacity(info.allocation);
                avail = vshPrettyCapacity(info.available);
            }
            vshTableAppend(table, name, vshPoolStateName(info.state),
                           autostartStr,
                           persistent < 0 ? "unknown" : persistent ? "yes" : "no",
                           cap ? cap : "-", alloc ? alloc : "-",
                           avail ? avail : "-", NULL);
        }
    }

    if (table)
        vshTablePrint(ctl, table);
    ret = true;

 cleanup:
    for (i = 0; i < npools; i++)
        virStoragePoolFree(pools[i]);
    free(pools);
    return ret;
}


/* ---- pool-info, pool-dumpxml, pool-name, pool-uuid ----------------- */

static const vshCmdOptDef vshOptsPoolInfo[] = {
    VSH_OPT_POOL("the pool, by name or UUID"),
    { "bytes", VSH_OT_BOOL, 0, "print sizes as plain byte counts" },
    VSH_OPT_END
};

static bool
vshCmdPoolInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    bool bytes = vshCmdOptBool(cmd, "bytes");
    char uuid[VIR_UUID_STRING_BUFLEN];
    virStoragePoolInfo info;
    int persistent;
    int autostart;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;

    vshPrint(ctl, "%-15s %s\n", "Name:", virStoragePoolGetName(pool));
    if (virStoragePoolGetUUIDString(pool, uuid) == 0)
        vshPrint(ctl, "%-15s %s\n", "UUID:", uuid);

    if (virStoragePoolGetInfo(pool, &info) < 0)
        return false;

    vshPrint(ctl, "%-15s %s\n", "State:", vshPoolStateName(info.state));
    persistent = virStoragePoolIsPersistent(pool);
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             persistent < 0 ? "unknown" : persistent ? "yes" : "no");
    if (virStoragePoolGetAutostart(pool, &autostart) < 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:", "no autostart");
    else
        vshPrint(ctl, "%-15s %s\n", "Autostart:", autostart ? "yes" : "no");
    vshResetLibvirtError();

    if (vshPoolHasSizes(info.state)) {
        if (bytes) {
            vshPrint(ctl, "%-15s %llu\n", "Capacity:", info.capacity);
            vshPrint(ctl, "%-15s %llu\n", "Allocation:", info.allocation);
            vshPrint(ctl, "%-15s %llu\n", "Available:", info.available);
        } else {
            g_autofree char *cap = vshPrettyCapacity(info.capacity);
            g_autofree char *alloc = vshPrettyCapacity(info.allocation);
            g_autofree char *avail = vshPrettyCapacity(info.available);
            vshPrint(ctl, "%-15s %s\n", "Capacity:", cap);
            vshPrint(ctl, "%-15s %s\n", "Allocation:", alloc);
            vshPrint(ctl, "%-15s %s\n", "Available:", avail);
        }
    }
    return true;
}


static const vshCmdOptDef vshOptsPoolDumpxml[] = {
    VSH_OPT_POOL("the pool, by name or UUID"),
    { "inactive", VSH_OT_BOOL, 0, "the configuration for its next start" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdPoolDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    unsigned int flags = 0;
    char *xml;
    bool ret;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "inactive"))
        flags |= VIR_STORAGE_XML_INACTIVE;
    if (!(xml = virStoragePoolGetXMLDesc(pool, flags)))
        return false;
    ret = vshPrintXMLDoc(ctl, cmd, xml);
    free(xml);
    return ret;
}


static const vshCmdOptDef vshOptsPoolOnly[] = {
    VSH_OPT_POOL("the pool, by name or UUID"),
    VSH_OPT_END
};

static bool
vshCmdPoolName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID, NULL)))
        return false;
    vshPrint(ctl, "%s\n", virStoragePoolGetName(pool));
    return true;
}


static bool
vshCmdPoolUUID(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYNAME, NULL)))
        return false;
    if (virStoragePoolGetUUIDString(pool, uuid) < 0) {
        vshError(ctl, "%s", "failed to get pool UUID");
        return false;
    }
    vshPrint(ctl, "%s\n", uuid);
    return true;
}


/* ---- pool-define, pool-create, pool-start -------------------------- */

static const vshCmdOptDef vshOptsPoolDefine[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the pool XML" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsPoolCreate[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the pool XML" },
    { "build", VSH_OT_BOOL, 0, "build the pool before starting it" },
    { "no-overwrite", VSH_OT_BOOL, 0, "build only if no data would be lost" },
    { "overwrite", VSH_OT_BOOL, 0, "build even over existing data" },
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsPoolStart[] = {
    VSH_OPT_POOL("the pool, by name or UUID"),
    { "build", VSH_OT_BOOL, 0, "build the pool before starting it" },
    { "no-overwrite", VSH_OT_BOOL, 0, "build only if no data would be lost" },
    { "overwrite", VSH_OT_BOOL, 0, "build even over existing data" },
    VSH_OPT_END
};

static bool
vshPoolBuildFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags)
{
    if (!vshCmdExclusive(ctl, cmd, "overwrite", "no-overwrite"))
        return false;
    *flags = 0;
    if (vshCmdOptBool(cmd, "build"))
        *flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD;
    if (vshCmdOptBool(cmd, "overwrite"))
        *flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE;
    if (vshCmdOptBool(cmd, "no-overwrite"))
        *flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE;
    return true;
}


static bool
vshCmdPoolDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_STORAGE_POOL_DEFINE_VALIDATE;
    if (!(pool = virStoragePoolDefineXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to define pool from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s defined from %s\n",
                  virStoragePoolGetName(pool), file);
    return true;
}


static bool
vshCmdPoolCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags;
    const char *file;

    if (!vshPoolBuildFlags(ctl, cmd, &flags))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(pool = virStoragePoolCreateXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to create pool from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s created from %s\n",
                  virStoragePoolGetName(pool), file);
    return true;
}


static bool
vshCmdPoolStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    unsigned int flags;
    const char *name;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (!vshPoolBuildFlags(ctl, cmd, &flags))
        return false;
    if (virStoragePoolCreate(pool, flags) < 0) {
        vshError(ctl, "Failed to start pool %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s started\n", name);
    return true;
}


/* ---- pool-destroy, pool-undefine, pool-refresh, pool-autostart ----- */

/* pool-destroy, pool-undefine, pool-refresh: one call on the pool named
 * by the argument, and "Failed to VERB pool NAME" or "Pool NAME DONE". */
static bool
vshPoolAction(vshControl *ctl, const vshCmd *cmd,
              int (*action)(virStoragePoolPtr), const char *verb,
              const char *done)
{
    g_autoptr(virStoragePool) pool = NULL;
    const char *name;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (action(pool) < 0) {
        vshError(ctl, "Failed to %s pool %s", verb, name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s %s\n", name, done);
    return true;
}


static int
vshPoolRefresh(virStoragePoolPtr pool)
{
    return virStoragePoolRefresh(pool, 0);
}


static bool
vshCmdPoolDestroy(vshControl *ctl, const vshCmd *cmd)
{
    return vshPoolAction(ctl, cmd, virStoragePoolDestroy, "destroy",
                         "destroyed");
}


static bool
vshCmdPoolUndefine(vshControl *ctl, const vshCmd *cmd)
{
    return vshPoolAction(ctl, cmd, virStoragePoolUndefine, "undefine",
                         "has been undefined");
}


static bool
vshCmdPoolRefresh(vshControl *ctl, const vshCmd *cmd)
{
    return vshPoolAction(ctl, cmd, vshPoolRefresh, "refresh", "refreshed");
}


static const vshCmdOptDef vshOptsPoolAutostart[] = {
    VSH_OPT_POOL("the pool, by name or UUID"),
    { "disable", VSH_OT_BOOL, 0, "turn autostart off instead of on" },
    VSH_OPT_END
};

static bool
vshCmdPoolAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    bool disable = vshCmdOptBool(cmd, "disable");
    const char *name;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (virStoragePoolSetAutostart(pool, disable ? 0 : 1) < 0) {
        vshError(ctl, "failed to %smark pool %s as autostarted",
                 disable ? "un" : "", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s %smarked as autostarted\n", name,
                  disable ? "un" : "");
    return true;
}


/* ---- pool-build, pool-delete --------------------------------------- */

static const vshCmdOptDef vshOptsPoolBuild[] = {
    VSH_OPT_POOL("the pool, by name or UUID"),
    { "no-overwrite", VSH_OT_BOOL, 0, "build only if no data would be lost" },
    { "overwrite", VSH_OT_BOOL, 0, "build even over existing data" },
    VSH_OPT_END
};

static bool
vshCmdPoolBuild(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    unsigned int flags = 0;
    const char *name;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (vshCmdOptBool(cmd, "no-overwrite"))
        flags |= VIR_STORAGE_POOL_BUILD_NO_OVERWRITE;
    if (vshCmdOptBool(cmd, "overwrite"))
        flags |= VIR_STORAGE_POOL_BUILD_OVERWRITE;
    if (virStoragePoolBuild(pool, flags) < 0) {
        vshError(ctl, "Failed to build pool %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s built\n", name);
    return true;
}


static bool
vshCmdPoolDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    const char *name;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (virStoragePoolDelete(pool, 0) < 0) {
        vshError(ctl, "Failed to delete pool %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s deleted\n", name);
    return true;
}


/* ---- pool-edit, pool-capabilities ---------------------------------- */

static bool
vshCmdPoolEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStoragePool) edited = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *newxml = NULL;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    /* the persistent definition, or the only one a driver has */
    if (!(xml = virStoragePoolGetXMLDesc(pool, VIR_STORAGE_XML_INACTIVE)) &&
        vshLibvirtErrorIs(VIR_ERR_INVALID_ARG)) {
        vshResetLibvirtError();
        xml = virStoragePoolGetXMLDesc(pool, 0);
    }
    if (!xml)
        return false;
    if (!(newxml = vshEditString(ctl, xml)))
        return false;
    if (strcmp(xml, newxml) == 0) {
        vshPrintExtra(ctl, "Pool %s XML configuration not changed.\n",
                      virStoragePoolGetName(pool));
        return true;
    }
    if (!(edited = virStoragePoolDefineXML(ctl->conn, newxml, 0)))
        return false;
    vshPrintExtra(ctl, "Pool %s XML configuration edited.\n",
                  virStoragePoolGetName(edited));
    return true;
}


static const vshCmdOptDef vshOptsNone[] = {
    VSH_OPT_END
};

static bool
vshCmdPoolCapabilities(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autofree char *caps = NULL;

    if (!(caps = virConnectGetStoragePoolCapabilities(ctl->conn, 0))) {
        vshError(ctl, "%s", "failed to get storage pool capabilities");
        return false;
    }
    vshPrint(ctl, "%s\n", caps);
    return true;
}


/* ---- pool-create-as, pool-define-as -------------------------------- */

#define VSH_OPTS_POOL_AS \
    { "name", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "name of the new pool" }, \
    { "type", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "pool type (dir, fs, netfs, logical, iscsi, ...)" }, \
    { "print-xml", VSH_OT_BOOL, 0, "print the XML that would be used and stop" }, \
    { "source-host", VSH_OT_STRING, 0, "host serving the storage" }, \
    { "source-path", VSH_OT_STRING, 0, "path of the storage on its host" }, \
    { "source-dev", VSH_OT_STRING, 0, "device holding the storage" }, \
    { "source-name", VSH_OT_STRING, 0, "name of the source (volume group, ...)" }, \
    { "target", VSH_OT_STRING, 0, "where the pool appears on this host" }, \
    { "source-format", VSH_OT_STRING, 0, "format of the source" }, \
    { "auth-type", VSH_OT_STRING, 0, "authentication type (chap, ceph)" }, \
    { "auth-username", VSH_OT_STRING, 0, "user name to authenticate as" }, \
    { "secret-usage", VSH_OT_STRING, 0, "usage of the secret holding the password" }, \
    { "secret-uuid", VSH_OT_STRING, 0, "UUID of the secret holding the password" }, \
    { "adapter-name", VSH_OT_STRING, 0, "SCSI host adapter name (scsi_hostN)" }, \
    { "adapter-wwnn", VSH_OT_STRING, 0, "WWNN of the vHBA adapter" }, \
    { "adapter-wwpn", VSH_OT_STRING, 0, "WWPN of the vHBA adapter" }, \
    { "adapter-parent", VSH_OT_STRING, 0, "parent scsi_hostN of the vHBA" }, \
    { "adapter-parent-wwnn", VSH_OT_STRING, 0, "WWNN of the vHBA's parent" }, \
    { "adapter-parent-wwpn", VSH_OT_STRING, 0, "WWPN of the vHBA's parent" }, \
    { "adapter-parent-fabric-wwn", VSH_OT_STRING, 0, "fabric WWN of the vHBA's parent" }, \
    { "source-protocol-ver", VSH_OT_STRING, 0, "NFS protocol version to mount with" }, \
    { "source-initiator", VSH_OT_STRING, 0, "initiator IQN for iSCSI" }

static const vshCmdOptDef vshOptsPoolDefineAs[] = {
    VSH_OPTS_POOL_AS,
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsPoolCreateAs[] = {
    VSH_OPTS_POOL_AS,
    { "build", VSH_OT_BOOL, 0, "build the pool before starting it" },
    { "no-overwrite", VSH_OT_BOOL, 0, "build only if no data would be lost" },
    { "overwrite", VSH_OT_BOOL, 0, "build even over existing data" },
    VSH_OPT_END
};

/* The pool XML the *-as options describe; values go in verbatim, as
 * virsh puts them. */
static char *
vshPoolXMLFromOpts(vshControl *ctl, const vshCmd *cmd, const char **namep)
{
    static const char *const names[] = {
        "name", "type", "source-host", "source-path", "source-dev",
        "source-name", "target", "source-format", "auth-type",
        "auth-username", "secret-usage", "secret-uuid", "adapter-name",
        "adapter-wwnn", "adapter-wwpn", "adapter-parent",
        "adapter-parent-wwnn", "adapter-parent-wwpn",
        "adapter-parent-fabric-wwn", "source-protocol-ver",
        "source-initiator",
    };
    enum {
        NAME, TYPE, HOST, PATH, DEV, SRCNAME, TARGET, FORMAT, AUTHTYPE,
        AUTHUSER, SECUSAGE, SECUUID, ADNAME, ADWWNN, ADWWPN, ADPARENT,
        ADPWWNN, ADPWWPN, ADPFABRIC, PROTOVER, INITIATOR, NOPTS
    };
    const char *v[NOPTS];
    g_autoptr(GString) buf = g_string_new(NULL);
    size_t i;

    if (!vshCmdExclusive(ctl, cmd, "secret-usage", "secret-uuid"))
        return NULL;
    for (i = 0; i < NOPTS; i++) {
        if (vshCmdOptString(ctl, cmd, names[i], &v[i]) < 0)
            return NULL;
    }
    if (!v[NAME] || !v[TYPE])
        return NULL;
    *namep = v[NAME];

    g_string_append_printf(buf, "<pool type='%s'>\n", v[TYPE]);
    g_string_append_printf(buf, "  <name>%s</name>\n", v[NAME]);
    if (v[HOST] || v[PATH] || v[DEV] || v[INITIATOR] || v[FORMAT] ||
        v[SRCNAME] || (v[ADWWNN] && v[ADWWPN]) || v[ADNAME]) {
        g_string_append(buf, "  <source>\n");
        if (v[HOST])
            g_string_append_printf(buf, "    <host name='%s'/>\n", v[HOST]);
        if (v[PATH])
            g_string_append_printf(buf, "    <dir path='%s'/>\n", v[PATH]);
        if (v[DEV])
            g_string_append_printf(buf, "    <device path='%s'/>\n", v[DEV]);
        if (v[INITIATOR])
            g_string_append_printf(buf, "    <initiator>\n"
                                   "      <iqn name='%s'/>\n"
                                   "    </initiator>\n", v[INITIATOR]);
        if (v[ADWWNN] && v[ADWWPN]) {
            g_string_append(buf, "    <adapter type='fc_host'");
            if (v[ADPARENT])
                g_string_append_printf(buf, " parent='%s'", v[ADPARENT]);
            else if (v[ADPWWNN] && v[ADPWWPN])
                g_string_append_printf(buf, " parent_wwnn='%s' parent_wwpn='%s'",
                                       v[ADPWWNN], v[ADPWWPN]);
            else if (v[ADPFABRIC])
                g_string_append_printf(buf, " parent_fabric_wwn='%s'",
                                       v[ADPFABRIC]);
            g_string_append_printf(buf, " wwnn='%s' wwpn='%s'/>\n",
                                   v[ADWWNN], v[ADWWPN]);
        } else if (v[ADNAME]) {
            g_string_append_printf(buf, "    <adapter type='scsi_host' name='%s'/>\n",
                                   v[ADNAME]);
        }
        if (v[AUTHTYPE] && v[AUTHUSER] && (v[SECUSAGE] || v[SECUUID])) {
            g_string_append_printf(buf, "    <auth type='%s' username='%s'>\n",
                                   v[AUTHTYPE], v[AUTHUSER]);
            if (v[SECUSAGE])
                g_string_append_printf(buf, "      <secret usage='%s'/>\n", v[SECUSAGE]);
            else
                g_string_append_printf(buf, "      <secret uuid='%s'/>\n", v[SECUUID]);
            g_string_append(buf, "    </auth>\n");
        }
        if (v[FORMAT])
            g_string_append_printf(buf, "    <format type='%s'/>\n", v[FORMAT]);
        if (v[SRCNAME])
            g_string_append_printf(buf, "    <name>%s</name>\n", v[SRCNAME]);
        if (v[PROTOVER])
            g_string_append_printf(buf, "    <protocol ver='%s'/>\n", v[PROTOVER]);
        g_string_append(buf, "  </source>\n");
    }
    if (v[TARGET])
        g_string_append_printf(buf, "  <target>\n"
                               "    <path>%s</path>\n"
                               "  </target>\n", v[TARGET]);
    g_string_append(buf, "</pool>\n");
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


static bool
vshCmdPoolCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *name;

    if (!vshCmdExclusive(ctl, cmd, "overwrite", "no-overwrite"))
        return false;
    if (vshCmdOptBool(cmd, "build"))
        flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD;
    if (vshCmdOptBool(cmd, "overwrite"))
        flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE;
    if (vshCmdOptBool(cmd, "no-overwrite"))
        flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE;
    if (!(xml = vshPoolXMLFromOpts(ctl, cmd, &name)))
        return false;
    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml);
        return true;
    }
    if (!(pool = virStoragePoolCreateXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to create pool %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s created\n", name);
    return true;
}


static bool
vshCmdPoolDefineAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    const char *name;

    if (!(xml = vshPoolXMLFromOpts(ctl, cmd, &name)))
        return false;
    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml);
        return true;
    }
    if (!(pool = virStoragePoolDefineXML(ctl->conn, xml, 0))) {
        vshError(ctl, "Failed to define pool %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s defined\n", name);
    return true;
}


/* ---- find-storage-pool-sources, find-storage-pool-sources-as ------- */

static const vshCmdOptDef vshOptsFindSources[] = {
    { "type", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "pool type whose sources to look for" },
    { "srcSpec", VSH_OT_STRING, 0, "file with a <source> element narrowing the search" },
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsFindSourcesAs[] = {
    { "type", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "pool type whose sources to look for" },
    { "host", VSH_OT_STRING, 0, "host to ask" },
    { "port", VSH_OT_STRING, 0, "port on that host" },
    { "initiator", VSH_OT_STRING, 0, "initiator IQN to ask with" },
    VSH_OPT_END
};

static bool
vshFindSources(vshControl *ctl, const char *type, const char *spec)
{
    g_autofree char *sources = NULL;

    if (!(sources = virConnectFindStoragePoolSources(ctl->conn, type, spec, 0))) {
        vshError(ctl, "Failed to find any %s pool sources", type);
        return false;
    }
    vshPrint(ctl, "%s", sources);
    return true;
}

static bool
vshCmdFindSources(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *spec = NULL;
    const char *type, *file = NULL;

    if (vshCmdOptString(ctl, cmd, "type", &type) <= 0 ||
        vshCmdOptString(ctl, cmd, "srcSpec", &file) < 0)
        return false;
    if (file && !(spec = vshReadFile(ctl, file)))
        return false;
    return vshFindSources(ctl, type, spec);
}

static bool
vshCmdFindSourcesAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(GString) spec = NULL;
    const char *type, *host = NULL, *port = NULL, *initiator = NULL;

    if (vshCmdOptString(ctl, cmd, "type", &type) <= 0 ||
        vshCmdOptString(ctl, cmd, "host", &host) < 0 ||
        vshCmdOptString(ctl, cmd, "port", &port) < 0 ||
        vshCmdOptString(ctl, cmd, "initiator", &initiator) < 0)
        return false;
    if (host) {
        spec = g_string_new("<source>\n");
        g_string_append_printf(spec, "  <host name='%s'", host);
        if (port)
            g_string_append_printf(spec, " port='%s'", port);
        g_string_append(spec, "/>\n");
        if (initiator)
            g_string_append_printf(spec, "  <initiator>\n"
                                   "    <iqn name='%s'/>\n"
                                   "  </initiator>\n", initiator);
        g_string_append(spec, "</source>\n");
    }
    return vshFindSources(ctl, type, spec ? spec->str : NULL);
}


/* ---- pool-event ---------------------------------------------------- */

static const char *const vshPoolEventNames[] = { "lifecycle", "refresh", NULL };

static const char *const vshPoolLifecycleNames[] = {
    "Defined", "Undefined", "Started", "Stopped", "Created", "Deleted",
};

static void
vshPoolEventLifecycle(virConnectPtr conn G_GNUC_UNUSED, virStoragePoolPtr pool,
                      int event, int detail G_GNUC_UNUSED, void *opaque)
{
    vshEventPrint(opaque, "event 'lifecycle' for storage pool %s: %s\n",
                  virStoragePoolGetName(pool),
                  event >= 0 && (size_t)event < G_N_ELEMENTS(vshPoolLifecycleNames) ?
                  vshPoolLifecycleNames[event] : "unknown");
}

static void
vshPoolEventRefresh(virConnectPtr conn G_GNUC_UNUSED, virStoragePoolPtr pool,
                    void *opaque)
{
    vshEventPrint(opaque, "event 'refresh' for storage pool %s\n",
                  virStoragePoolGetName(pool));
}

static const vshCmdOptDef vshOptsPoolEvent[] = {
    { "pool", VSH_OT_STRING, 0, "only events of this pool (name or UUID)" },
    VSH_OPTS_EVENT,
    VSH_OPT_END
};

static bool
vshCmdPoolEvent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    vshEventData data;
    int id;
    bool ret;

    if (!vshEventPrepare(ctl, cmd, vshPoolEventNames, &data))
        return data.listed;
    if (vshCmdOptBool(cmd, "pool"))
        pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL);

    id = virConnectStoragePoolEventRegisterAny(ctl->conn, pool, data.eventId,
                                               data.eventId == VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE ?
                                               VIR_STORAGE_POOL_EVENT_CALLBACK((void (*)(void))vshPoolEventLifecycle) :
                                               VIR_STORAGE_POOL_EVENT_CALLBACK(vshPoolEventRefresh),
                                               &data, NULL);
    if (id < 0)
        return false;
    ret = vshEventWait(ctl, &data);
    virConnectStoragePoolEventDeregisterAny(ctl->conn, id);
    return ret;
}


/* ---- vol-list ------------------------------------------------------ */

static const vshCmdOptDef vshOptsVolList[] = {
    VSH_OPT_POOL("the pool, by name or UUID"),
    { "details", VSH_OT_BOOL, 0, "add type and size columns" },
    VSH_OPT_END
};

static int
vshVolSorter(const void *a, const void *b)
{
    virStorageVolPtr va = *(virStorageVolPtr const *)a;
    virStorageVolPtr vb = *(virStorageVolPtr const *)b;

    return g_ascii_strcasecmp(virStorageVolGetName(va),
                              virStorageVolGetName(vb));
}


static bool
vshCmdVolList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(vshTable) table = NULL;
    bool details = vshCmdOptBool(cmd, "details");
    virStorageVolPtr *vols = NULL;
    int nvols;
    int i;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if ((nvols = virStoragePoolListAllVolumes(pool, &vols, 0)) < 0) {
        vshError(ctl, "%s", "Failed to list storage volumes");
        return false;
    }
    qsort(vols, nvols, sizeof(*vols), vshVolSorter);

    if (details)
        table = vshTableNew("Name", "Path", "Type", "Capacity", "Allocation",
                            NULL);
    else
        table = vshTableNew("Name", "Path", NULL);

    for (i = 0; i < nvols; i++) {
        g_autofree char *path = virStorageVolGetPath(vols[i]);
        const char *name = virStorageVolGetName(vols[i]);
        virStorageVolInfo info;

        vshResetLibvirtError();
        if (!details) {
            vshTableAppend(table, name, path ? path : "unknown", NULL);
        } else if (virStorageVolGetInfo(vols[i], &info) < 0) {
            vshResetLibvirtError();
            vshTableAppend(table, name, path ? path : "unknown", "unknown",
                           "unknown", "unknown", NULL);
        } else {
            g_autofree char *cap = vshPrettyCapacity(info.capacity);
            g_autofree char *alloc = vshPrettyCapacity(info.allocation);
            vshTableAppend(table, name, path ? path : "unknown",
                           vshVolTypeName(info.type), cap, alloc, NULL);
        }
    }
    vshTablePrint(ctl, table);

    for (i = 0; i < nvols; i++)
        virStorageVolFree(vols[i]);
    free(vols);
    return true;
}


/* ---- vol-info, vol-dumpxml, vol-path, vol-key, vol-name ------------ */

static const vshCmdOptDef vshOptsVolInfo[] = {
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the volume, by name (with --pool), key or path" },
    { "pool", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the pool holding it, by name or UUID" },
    { "bytes", VSH_OT_BOOL, 0, "print sizes as plain byte counts" },
    { "physical", VSH_OT_BOOL, 0, "show the space used on the host instead of the allocation" },
    VSH_OPT_END
};

static bool
vshCmdVolInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    bool bytes = vshCmdOptBool(cmd, "bytes");
    bool physical = vshCmdOptBool(cmd, "physical");
    virStorageVolInfo info;
    int rc;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, NULL)))
        return false;

    vshPrint(ctl, "%-15s %s\n", "Name:", virStorageVolGetName(vol));
    if (physical)
        rc = virStorageVolGetInfoFlags(vol, &info, VIR_STORAGE_VOL_GET_PHYSICAL);
    else
        rc = virStorageVolGetInfo(vol, &info);
    if (rc < 0)
        return false;

    vshPrint(ctl, "%-15s %s\n", "Type:", vshVolTypeName(info.type));
    if (bytes) {
        vshPrint(ctl, "%-15s %llu %s\n", "Capacity:", info.capacity, "bytes");
        vshPrint(ctl, "%-15s %llu %s\n", physical ? "Physical:" : "Allocation:",
                 info.allocation, "bytes");
    } else {
        g_autofree char *cap = vshPrettyCapacity(info.capacity);
        g_autofree char *alloc = vshPrettyCapacity(info.allocation);
        vshPrint(ctl, "%-15s %s\n", "Capacity:", cap);
        vshPrint(ctl, "%-15s %s\n", physical ? "Physical:" : "Allocation:", alloc);
    }
    return true;
}


static const vshCmdOptDef vshOptsVolWithPool[] = {
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the volume, by name (with --pool), key or path" },
    { "pool", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the pool holding it, by name or UUID" },
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsVolDumpxml[] = {
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the volume, by name (with --pool), key or path" },
    { "pool", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the pool holding it, by name or UUID" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdVolDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    char *xml;
    bool ret;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, NULL)))
        return false;
    if (!(xml = virStorageVolGetXMLDesc(vol, 0)))
        return false;
    ret = vshPrintXMLDoc(ctl, cmd, xml);
    free(xml);
    return ret;
}


static bool
vshCmdVolPath(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    char *path;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY, NULL)))
        return false;
    if (!(path = virStorageVolGetPath(vol)))
        return false;
    vshPrint(ctl, "%s\n", path);
    free(path);
    return true;
}


static bool
vshCmdVolKey(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    const char *key;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYPATH, NULL)))
        return false;
    if (!(key = virStorageVolGetKey(vol)))
        return false;
    vshPrint(ctl, "%s\n", key);
    return true;
}


static const vshCmdOptDef vshOptsVolName[] = {
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the volume, by key or path" },
    VSH_OPT_END
};

static bool
vshCmdVolName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", NULL,
                                VSH_BYKEY | VSH_BYPATH, NULL)))
        return false;
    vshPrint(ctl, "%s\n", virStorageVolGetName(vol));
    return true;
}


const vshCmdDef vshPoolCmds[] = {
    { "find-storage-pool-sources-as", vshCmdFindSourcesAs, vshOptsFindSourcesAs,
      "look for storage a pool could use, described by options", NULL, 0 },
    { "find-storage-pool-sources", vshCmdFindSources, vshOptsFindSources,
      "look for storage a pool could use, described by an XML file", NULL, 0 },
    { "pool-autostart", vshCmdPoolAutostart, vshOptsPoolAutostart,
      "choose whether a pool starts with the host", NULL, 0 },
    { "pool-build", vshCmdPoolBuild, vshOptsPoolBuild,
      "prepare the storage under a pool (make its directory, format, ...)", NULL, 0 },
    { "pool-capabilities", vshCmdPoolCapabilities, vshOptsNone,
      "print what the storage drivers can do", NULL, 0 },
    { "pool-create-as", vshCmdPoolCreateAs, vshOptsPoolCreateAs,
      "start a transient pool described by options", NULL, 0 },
    { "pool-create", vshCmdPoolCreate, vshOptsPoolCreate,
      "start a transient pool from an XML file", NULL, 0 },
    { "pool-define", vshCmdPoolDefine, vshOptsPoolDefine,
      "add or change a persistent pool from an XML file", NULL, 0 },
    { "pool-define-as", vshCmdPoolDefineAs, vshOptsPoolDefineAs,
      "add a persistent pool described by options", NULL, 0 },
    { "pool-delete", vshCmdPoolDelete, vshOptsPoolOnly,
      "remove the storage under a stopped pool", NULL, 0 },
    { "pool-destroy", vshCmdPoolDestroy, vshOptsPoolOnly,
      "stop a pool (its data stays)", NULL, 0 },
    { "pool-dumpxml", vshCmdPoolDumpxml, vshOptsPoolDumpxml,
      "print a pool's XML description", NULL, 0 },
    { "pool-edit", vshCmdPoolEdit, vshOptsPoolOnly,
      "change a pool's configuration in an editor", NULL, 0 },
    { "pool-event", vshCmdPoolEvent, vshOptsPoolEvent,
      "wait for storage pool events and print them", NULL, 0 },
    { "pool-info", vshCmdPoolInfo, vshOptsPoolInfo,
      "show basic facts about a pool",
      "Prints the name, UUID, state, persistence, autostart flag and, for a\n"
      "running pool, its sizes.", 0 },
    { "pool-list", vshCmdPoolList, vshOptsPoolList,
      "list the storage pools",
      "Lists running pools, or others with the filter options.", 0 },
    { "pool-name", vshCmdPoolName, vshOptsPoolOnly,
      "print the name of the pool with a UUID", NULL, 0 },
    { "pool-refresh", vshCmdPoolRefresh, vshOptsPoolOnly,
      "rescan the volumes of a pool", NULL, 0 },
    { "pool-start", vshCmdPoolStart, vshOptsPoolStart,
      "start a defined pool that is stopped", NULL, 0 },
    { "pool-undefine", vshCmdPoolUndefine, vshOptsPoolOnly,
      "remove a stopped pool's persistent configuration", NULL, 0 },
    { "pool-uuid", vshCmdPoolUUID, vshOptsPoolOnly,
      "print the UUID of the pool with a name", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};

const vshCmdDef vshVolumeCmds[] = {
    { "vol-dumpxml", vshCmdVolDumpxml, vshOptsVolDumpxml,
      "print a volume's XML description", NULL, 0 },
    { "vol-info", vshCmdVolInfo, vshOptsVolInfo,
      "show the type and sizes of a volume", NULL, 0 },
    { "vol-key", vshCmdVolKey, vshOptsVolWithPool,
      "print the key of a volume", NULL, 0 },
    { "vol-list", vshCmdVolList, vshOptsVolList,
      "list the volumes of a pool",
      "Lists each volume of the pool with its path, and with --details its\n"
      "type and sizes.", 0 },
    { "vol-name", vshCmdVolName, vshOptsVolName,
      "print the name of a volume given by key or path", NULL, 0 },
    { "vol-path", vshCmdVolPath, vshOptsVolWithPool,
      "print the path of a volume", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
