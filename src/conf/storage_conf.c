/* storage_conf.c: parse and format storage pool and volume XML.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Output must match libvirt 9.0 byte for byte; each pool type decides which
 * source elements it needs, which <format> names it knows, and whether it
 * has a <target>.
 */
#include <config.h>

#include <limits.h>
#include <string.h>

#include "conf/storage_conf.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

#define reportIn(dom, code, ...) \
    virReportErrorFull(dom, code, __FILE__, __func__, __LINE__, __VA_ARGS__)

static const char * const poolTypes[] = {
    "dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct",
    "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage", NULL
};
static const char * const volTypes[] = {
    "file", "block", "dir", "network", "netdir", "ploop", NULL
};

static const char * const fsFormats[] = {
    "auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf", "gfs", "gfs2",
    "vfat", "hfs+", "xfs", "ocfs2", "vmfs", NULL
};
static const char * const netfsFormats[] = {
    "auto", "nfs", "glusterfs", "cifs", NULL
};
static const char * const diskFormats[] = {
    "unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun", "lvm2", NULL
};
static const char * const logicalFormats[] = {
    "unknown", "lvm2", NULL
};
static const char * const fileVolFormats[] = {
    "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi",
    "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", NULL
};
static const char * const partVolFormats[] = {
    "none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm",
    "linux-raid", "extended", NULL
};

enum {
    NEED_HOST = 1 << 0,
    NEED_DIR = 1 << 1,
    NEED_DEVICE = 1 << 2,
    NEED_ADAPTER = 1 << 3,
    NEED_NAME = 1 << 4,
    NAME_FROM_POOL = 1 << 5,   /* source name defaults to the pool name */
    NO_TARGET = 1 << 6,
    /* which <source> children the type knows (others are not written) */
    HAS_HOST = 1 << 8,
    HAS_DEVICE = 1 << 9,
    HAS_DIR = 1 << 10,
    HAS_ADAPTER = 1 << 11,
    HAS_NAME = 1 << 12,
    HAS_IQN = 1 << 13,
};

typedef struct {
    unsigned int flags;
    const char * const *formats;    /* <source><format> names, or NULL */
    int defaultFormat;
    int volType;                    /* default volume type */
    const char * const *volFormats; /* volume <format> names, or NULL */
    int volDefaultFormat;
    const char *targetPrefix;       /* target path = prefix + source name */
} virStoragePoolTypeInfo;

static const virStoragePoolTypeInfo poolInfo[VIR_STORAGE_POOL_LAST] = {
    [VIR_STORAGE_POOL_DIR] = { 0, NULL, 0, VIR_STORAGE_VOL_FILE,
                               fileVolFormats, 1, NULL },
    [VIR_STORAGE_POOL_FS] = { NEED_DEVICE | HAS_DEVICE, fsFormats, 0, VIR_STORAGE_VOL_FILE,
                              fileVolFormats, 1, NULL },
    [VIR_STORAGE_POOL_NETFS] = { NEED_HOST | NEED_DIR | HAS_HOST | HAS_DIR, netfsFormats, 0,
                                 VIR_STORAGE_VOL_FILE, fileVolFormats, 1,
                                 NULL },
    [VIR_STORAGE_POOL_LOGICAL] = { NAME_FROM_POOL | HAS_NAME | HAS_DEVICE, logicalFormats, 1,
                                   VIR_STORAGE_VOL_BLOCK, NULL, 0, "/dev/" },
    [VIR_STORAGE_POOL_DISK] = { NEED_DEVICE | HAS_DEVICE, diskFormats, 0,
                                VIR_STORAGE_VOL_BLOCK, partVolFormats, 0,
                                NULL },
    [VIR_STORAGE_POOL_ISCSI] = { NEED_HOST | HAS_HOST | HAS_DEVICE | HAS_IQN, NULL, 0, VIR_STORAGE_VOL_BLOCK,
                                 NULL, 0, NULL },
    [VIR_STORAGE_POOL_ISCSI_DIRECT] = { NEED_HOST | NO_TARGET | HAS_HOST |
                                        HAS_DEVICE | HAS_IQN, NULL, 0,
                                        VIR_STORAGE_VOL_NETWORK, NULL, 0,
                                        NULL },
    [VIR_STORAGE_POOL_SCSI] = { NEED_ADAPTER | HAS_ADAPTER, NULL, 0, VIR_STORAGE_VOL_BLOCK,
                                NULL, 0, NULL },
    [VIR_STORAGE_POOL_MPATH] = { 0, NULL, 0, VIR_STORAGE_VOL_BLOCK,
                                 NULL, 0, NULL },
    [VIR_STORAGE_POOL_RBD] = { NEED_HOST | NEED_NAME | NO_TARGET | HAS_HOST |
                               HAS_NAME, NULL, 0,
                               VIR_STORAGE_VOL_NETWORK, NULL, 0, NULL },
    [VIR_STORAGE_POOL_SHEEPDOG] = { NEED_HOST | NEED_NAME | NO_TARGET |
                                    HAS_HOST | HAS_NAME, NULL,
                                    0, VIR_STORAGE_VOL_NETWORK, NULL, 0,
                                    NULL },
    [VIR_STORAGE_POOL_GLUSTER] = { NEED_HOST | NEED_NAME | NO_TARGET |
                                   HAS_HOST | HAS_NAME | HAS_DIR, NULL,
                                   0, VIR_STORAGE_VOL_NETWORK,
                                   fileVolFormats, 1, NULL },
    [VIR_STORAGE_POOL_ZFS] = { NAME_FROM_POOL | HAS_NAME | HAS_DEVICE, NULL, 0,
                               VIR_STORAGE_VOL_BLOCK, NULL, 0, "/dev/zvol/" },
    [VIR_STORAGE_POOL_VSTORAGE] = { NEED_NAME | HAS_NAME, NULL, 0, VIR_STORAGE_VOL_FILE,
                                    fileVolFormats, 1, NULL },
};


const char *
virStoragePoolTypeToString(int type)
{
    if (type < 0 || type >= VIR_STORAGE_POOL_LAST)
        return NULL;
    return poolTypes[type];
}


int
virStoragePoolTypeFromString(const char *str)
{
    return virConfEnumFromString(poolTypes, str);
}


const char *
virStorageVolTypeToString(int type)
{
    if (type < 0 || type >= (int)G_N_ELEMENTS(volTypes) - 1)
        return NULL;
    return volTypes[type];
}


/* ---- freeing ---- */

static void
virStorageAuthFree(virStorageAuth *auth)
{
    if (!auth)
        return;
    g_free(auth->username);
    g_free(auth->secretUsage);
    g_free(auth);
}


void
virStoragePoolDefFree(virStoragePoolDef *def)
{
    virStoragePoolSource *src;
    size_t i;

    if (!def)
        return;
    src = &def->source;
    for (i = 0; i < src->nhost; i++)
        g_free(src->hosts[i].name);
    g_free(src->hosts);
    for (i = 0; i < src->ndevice; i++)
        g_free(src->devices[i].path);
    g_free(src->devices);
    g_free(src->dir);
    g_free(src->adapter.name);
    g_free(src->adapter.parent);
    g_free(src->adapter.parent_wwnn);
    g_free(src->adapter.parent_wwpn);
    g_free(src->adapter.parent_fabric_wwn);
    g_free(src->adapter.wwnn);
    g_free(src->adapter.wwpn);
    g_free(src->name);
    g_free(src->initiatorIQN);
    virStorageAuthFree(src->auth);
    g_free(src->vendor);
    g_free(src->product);
    g_free(src->protocolVer);
    g_free(def->target.path);
    g_free(def->target.perms.label);
    g_free(def->name);
    g_free(def);
}


void
virStorageVolDefFree(virStorageVolDef *def)
{
    if (!def)
        return;
    g_free(def->name);
    g_free(def->key);
    g_free(def->target.path);
    g_free(def->target.perms.label);
    g_free(def->target.compat);
    g_free(def->target.encFormat);
    g_free(def->target.encSecretType);
    g_free(def->target.encSecretUsage);
    if (def->backingStore) {
        g_free(def->backingStore->path);
        g_free(def->backingStore->perms.label);
        g_free(def->backingStore);
    }
    g_free(def);
}


/* ---- shared pieces ---- */

static int
virStoragePermsParse(xmlXPathContextPtr ctxt, const char *xpath,
                     virStoragePerms *perms)
{
    xmlNodePtr saved = ctxt->node;
    xmlNodePtr node;
    g_autofree char *mode = NULL;
    g_autofree char *owner = NULL;
    g_autofree char *group = NULL;
    int ret = -1;

    perms->mode = (mode_t)-1;
    perms->uid = (uid_t)-1;
    perms->gid = (gid_t)-1;

    if (!(node = virConfXPathNode(xpath, ctxt)))
        return 0;
    ctxt->node = node;

    if ((mode = virConfXPathString("string(./mode)", ctxt))) {
        unsigned int m;
        if (virConfStrToUInt(mode, 8, &m) < 0 || (m & ~0777)) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "malformed octal mode");
            goto cleanup;
        }
        perms->mode = m;
    }
    if ((owner = virConfXPathString("string(./owner)", ctxt))) {
        int v;
        if (virConfStrToInt(owner, 10, &v) < 0 || v < -1) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "malformed owner element");
            goto cleanup;
        }
        perms->uid = (uid_t)v;
    }
    if ((group = virConfXPathString("string(./group)", ctxt))) {
        int v;
        if (virConfStrToInt(group, 10, &v) < 0 || v < -1) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "malformed group element");
            goto cleanup;
        }
        perms->gid = (gid_t)v;
    }
    perms->label = virConfXPathString("string(./label)", ctxt);
    ret = 0;

 cleanup:
    ctxt->node = saved;
    return ret;
}


static void
virStoragePermsFormat(virConfBuf *buf, const virStoragePerms *perms)
{
    virConfBuf child;

    virConfBufInitChild(&child, buf);
    if (perms->mode != (mode_t)-1)
        virConfBufAdd(&child, "<mode>0%o</mode>\n", (unsigned int)perms->mode);
    if (perms->uid != (uid_t)-1)
        virConfBufAdd(&child, "<owner>%d</owner>\n", (int)perms->uid);
    if (perms->gid != (gid_t)-1)
        virConfBufAdd(&child, "<group>%d</group>\n", (int)perms->gid);
    if (perms->label)
        virConfBufEscape(&child, "<label>%s</label>\n", perms->label);
    virConfBufElement(buf, "permissions", NULL, &child);
}


/* ---- pools ---- */

static virStorageAuth *
virStorageAuthParse(xmlNodePtr node)
{
    g_autofree char *type = virConfXMLProp(node, "type");
    virStorageAuth *auth = g_new0(virStorageAuth, 1);
    xmlNodePtr secret = NULL;
    xmlNodePtr cur;
    g_autofree char *uuid = NULL;

    if (!type) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "storage pool missing auth type");
        goto error;
    }
    if (strcmp(type, "chap") == 0) {
        auth->type = VIR_STORAGE_AUTH_CHAP;
    } else if (strcmp(type, "ceph") == 0) {
        auth->type = VIR_STORAGE_AUTH_CEPHX;
    } else {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown auth type '%s'", type);
        goto error;
    }
    if (!(auth->username = virConfXMLProp(node, "username"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing username for auth");
        goto error;
    }
    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            xmlStrEqual(cur->name, BAD_CAST "secret")) {
            secret = cur;
            break;
        }
    }
    if (!secret) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing <secret> element in auth");
        goto error;
    }
    uuid = virConfXMLProp(secret, "uuid");
    auth->secretUsage = virConfXMLProp(secret, "usage");
    if (!uuid && !auth->secretUsage) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR, "%s",
                 "missing secret uuid or usage attribute");
        goto error;
    }
    if (uuid) {
        if (virConfUUIDParse(uuid, auth->secretUUID) < 0) {
            reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                     "invalid secret uuid '%s'", uuid);
            goto error;
        }
        auth->secretUUIDSet = true;
    }
    return auth;

 error:
    virStorageAuthFree(auth);
    return NULL;
}


static int
virStorageAdapterParse(xmlNodePtr node, virStorageAdapter *adapter)
{
    g_autofree char *type = virConfXMLProp(node, "type");

    if (type) {
        if (strcmp(type, "scsi_host") == 0) {
            adapter->type = VIR_STORAGE_ADAPTER_SCSI_HOST;
        } else if (strcmp(type, "fc_host") == 0) {
            adapter->type = VIR_STORAGE_ADAPTER_FC_HOST;
        } else {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown pool adapter type '%s'", type);
            return -1;
        }
    } else {
        /* the legacy form: <adapter name='host0'/> */
        adapter->type = VIR_STORAGE_ADAPTER_SCSI_HOST;
    }

    if (adapter->type == VIR_STORAGE_ADAPTER_SCSI_HOST) {
        if (!(adapter->name = virConfXMLProp(node, "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Either 'name' or 'parent' must be specified "
                           "for the 'scsi_host' adapter");
            return -1;
        }
        return 0;
    }

    adapter->parent = virConfXMLProp(node, "parent");
    adapter->parent_wwnn = virConfXMLProp(node, "parent_wwnn");
    adapter->parent_wwpn = virConfXMLProp(node, "parent_wwpn");
    adapter->parent_fabric_wwn = virConfXMLProp(node, "parent_fabric_wwn");
    adapter->wwnn = virConfXMLProp(node, "wwnn");
    adapter->wwpn = virConfXMLProp(node, "wwpn");
    if (virConfXMLPropTristateBool(node, "managed", false,
                                   &adapter->managed) < 0)
        return -1;
    if (!adapter->wwnn || !adapter->wwpn) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'wwnn' and 'wwpn' must be specified for adapter "
                       "type 'fchost'");
        return -1;
    }
    return 0;
}


static int
virStoragePoolSourceParse(xmlXPathContextPtr ctxt, virStoragePoolDef *def,
                          xmlNodePtr node)
{
    const virStoragePoolTypeInfo *info = &poolInfo[def->type];
    virStoragePoolSource *src = &def->source;
    xmlNodePtr saved = ctxt->node;
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *format = NULL;
    g_autofree char *dir = NULL;
    xmlNodePtr cur;
    int n, i;
    int ret = -1;

    ctxt->node = node;

    src->name = virConfXPathString("string(./name)", ctxt);
    if (!src->name && (info->flags & NAME_FROM_POOL))
        src->name = g_strdup(def->name);

    if (info->formats) {
        if ((format = virConfXPathString("string(./format/@type)", ctxt))) {
            int f = virConfEnumFromString(info->formats, format);
            if (f < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown pool format type %s", format);
                goto cleanup;
            }
            src->format = f;
        } else {
            src->format = info->defaultFormat;
        }
    }

    n = virConfXPathNodeSet("./host", ctxt, &nodes);
    if (n > 0) {
        src->hosts = g_new0(virStoragePoolSourceHost, n);
        for (i = 0; i < n; i++) {
            src->nhost++;
            if (!(src->hosts[i].name = virConfXMLProp(nodes[i], "name"))) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "missing storage pool host name");
                goto cleanup;
            }
            if (virConfXMLPropInt(nodes[i], "port", 10, false,
                                  &src->hosts[i].port) < 0)
                goto cleanup;
        }
    }
    g_clear_pointer(&nodes, g_free);

    src->initiatorIQN = virConfXPathString("string(./initiator/iqn/@name)",
                                           ctxt);

    n = virConfXPathNodeSet("./device", ctxt, &nodes);
    if (n > 0) {
        src->devices = g_new0(virStoragePoolSourceDevice, n);
        for (i = 0; i < n; i++) {
            src->ndevice++;
            if (!(src->devices[i].path = virConfXMLProp(nodes[i], "path"))) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "missing storage pool source device path");
                goto cleanup;
            }
            if (virConfXMLPropTristateBool(nodes[i], "part_separator", false,
                                           &src->devices[i].partSeparator) < 0)
                goto cleanup;
        }
    }
    g_clear_pointer(&nodes, g_free);

    if ((dir = virConfXPathString("string(./dir/@path)", ctxt)))
        src->dir = virConfSanitizePath(dir);

    if ((cur = virConfXPathNode("./adapter", ctxt)) &&
        virStorageAdapterParse(cur, &src->adapter) < 0)
        goto cleanup;

    if ((cur = virConfXPathNode("./auth", ctxt)) &&
        !(src->auth = virStorageAuthParse(cur)))
        goto cleanup;

    src->vendor = virConfXPathString("string(./vendor/@name)", ctxt);
    src->product = virConfXPathString("string(./product/@name)", ctxt);
    src->protocolVer = virConfXPathString("string(./protocol/@ver)", ctxt);
    ret = 0;

 cleanup:
    ctxt->node = saved;
    return ret;
}


static int
parseScaledNumber(xmlXPathContextPtr ctxt, const char *elem,
                  unsigned long long *val, bool *found)
{
    g_autofree char *xp = g_strdup_printf("string(./%s)", elem);
    g_autofree char *xpu = g_strdup_printf("string(./%s/@unit)", elem);
    g_autofree char *str = virConfXPathString(xp, ctxt);
    g_autofree char *unit = virConfXPathString(xpu, ctxt);

    *found = str != NULL;
    if (!str)
        return 0;
    if (virConfStrToULongLong(str, 10, val) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed capacity element");
        return -1;
    }
    return virConfScaleInteger(val, unit, 1, ULLONG_MAX);
}


static virStoragePoolDef *
virStoragePoolDefParseXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virStoragePoolDef) def = g_new0(virStoragePoolDef, 1);
    const virStoragePoolTypeInfo *info;
    xmlNodePtr root = ctxt->node;
    xmlNodePtr node;
    g_autofree char *uuid = NULL;
    g_autofree char *path = NULL;
    bool found;

    if (virConfXMLPropEnum(root, "type", virStoragePoolTypeFromString,
                           true, false, &def->type) < 0)
        return NULL;
    info = &poolInfo[def->type];

    def->name = virConfXPathString("string(./name)", ctxt);
    if (!def->name && (info->flags & NAME_FROM_POOL))
        def->name = virConfXPathString("string(./source/name)", ctxt);
    if (!def->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing pool source name element");
        return NULL;
    }
    if (strchr(def->name, '/')) {
        virReportError(VIR_ERR_XML_ERROR,
                       "name %s cannot contain '/'", def->name);
        return NULL;
    }

    if ((uuid = virConfXPathString("string(./uuid)", ctxt))) {
        if (virConfUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "malformed uuid element");
            return NULL;
        }
    } else {
        virConfUUIDGenerate(def->uuid);
    }

    if ((node = virConfXPathNode("./features/cow", ctxt)) &&
        virConfXMLPropTristateBool(node, "state", true, &def->cow) < 0)
        return NULL;

    if (parseScaledNumber(ctxt, "capacity", &def->capacity, &found) < 0 ||
        parseScaledNumber(ctxt, "allocation", &def->allocation, &found) < 0 ||
        parseScaledNumber(ctxt, "available", &def->available, &found) < 0)
        return NULL;

    if ((node = virConfXPathNode("./source", ctxt))) {
        if (virStoragePoolSourceParse(ctxt, def, node) < 0)
            return NULL;
    } else if (info->flags & NAME_FROM_POOL) {
        def->source.name = g_strdup(def->name);
        if (info->formats)
            def->source.format = info->defaultFormat;
    } else if (info->formats) {
        def->source.format = info->defaultFormat;
    }

    if ((info->flags & NEED_HOST) && def->source.nhost == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source host name");
        return NULL;
    }
    if ((info->flags & NEED_DIR) && !def->source.dir) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source path");
        return NULL;
    }
    if ((info->flags & NEED_DEVICE) && def->source.ndevice == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source device name");
        return NULL;
    }
    if ((info->flags & NEED_ADAPTER) &&
        def->source.adapter.type == VIR_STORAGE_ADAPTER_NONE) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source adapter");
        return NULL;
    }
    if ((info->flags & NEED_NAME) && !def->source.name) {
        if (def->type == VIR_STORAGE_POOL_RBD)
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "element 'name' is mandatory for RBD pool");
        else
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing storage pool source name");
        return NULL;
    }

    if (!(info->flags & NO_TARGET)) {
        if (info->targetPrefix && def->source.name) {
            def->target.path = g_strdup_printf("%s%s", info->targetPrefix,
                                               def->source.name);
        } else {
            if (!(path = virConfXPathString("string(./target/path)", ctxt))) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "missing storage pool target path");
                return NULL;
            }
            def->target.path = virConfSanitizePath(path);
        }
        if (virStoragePermsParse(ctxt, "./target/permissions",
                                 &def->target.perms) < 0)
            return NULL;
    } else {
        def->target.perms.mode = (mode_t)-1;
        def->target.perms.uid = (uid_t)-1;
        def->target.perms.gid = (gid_t)-1;
    }

    if ((node = virConfXPathNode("./refresh/volume", ctxt))) {
        g_autofree char *alloc = virConfXMLProp(node, "allocation");
        if (alloc && strcmp(alloc, "capacity") == 0) {
            def->refreshVolAllocation = 1;
        } else if (alloc && strcmp(alloc, "default") != 0) {
            reportIn(VIR_FROM_XML, VIR_ERR_XML_ERROR,
                     "Invalid value for attribute 'allocation' in element "
                     "'volume': '%s'.", alloc);
            return NULL;
        }
    }

    return g_steal_pointer(&def);
}


static virStoragePoolDef *
virStoragePoolDefParse(const char *xmlStr, const char *filename,
                       unsigned int flags)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr xml;
    virStoragePoolDef *def;

    (void)flags;
    if (!(xml = virConfXMLParse(filename, xmlStr, "(storage_pool_definition)",
                                "pool", &ctxt, VIR_FROM_THIS)))
        return NULL;
    def = virStoragePoolDefParseXML(ctxt);
    virConfXMLFree(xml, ctxt);
    return def;
}


virStoragePoolDef *
virStoragePoolDefParseString(const char *xml, unsigned int flags)
{
    return virStoragePoolDefParse(xml, NULL, flags);
}


virStoragePoolDef *
virStoragePoolDefParseFile(const char *filename, unsigned int flags)
{
    return virStoragePoolDefParse(NULL, filename, flags);
}


static void
virStoragePoolSourceFormat(virConfBuf *buf, const virStoragePoolDef *def)
{
    const virStoragePoolTypeInfo *info = &poolInfo[def->type];
    const virStoragePoolSource *src = &def->source;
    char uuid[VIR_CONF_UUID_STRLEN];
    size_t i;

    virConfBufAdd(buf, "<source>\n");
    virConfBufAdjustIndent(buf, 2);

    for (i = 0; (info->flags & HAS_HOST) && i < src->nhost; i++) {
        virConfBufEscape(buf, "<host name='%s'", src->hosts[i].name);
        if (src->hosts[i].port)
            g_string_append_printf(buf->str, " port='%d'", src->hosts[i].port);
        g_string_append(buf->str, "/>\n");
    }
    for (i = 0; (info->flags & HAS_DEVICE) && i < src->ndevice; i++) {
        virConfBufEscape(buf, "<device path='%s'", src->devices[i].path);
        if (src->devices[i].partSeparator)
            g_string_append_printf(buf->str, " part_separator='%s'",
                                   virConfTristateBoolToString(src->devices[i].partSeparator));
        g_string_append(buf->str, "/>\n");
    }
    if ((info->flags & HAS_DIR) && src->dir)
        virConfBufEscape(buf, "<dir path='%s'/>\n", src->dir);

    if (!(info->flags & HAS_ADAPTER)) {
        /* not used by this pool type */
    } else if (src->adapter.type == VIR_STORAGE_ADAPTER_SCSI_HOST) {
        virConfBufEscape(buf, "<adapter type='scsi_host' name='%s'/>\n",
                         src->adapter.name);
    } else if (src->adapter.type == VIR_STORAGE_ADAPTER_FC_HOST) {
        const virStorageAdapter *a = &src->adapter;
        virConfBufAdd(buf, "<adapter type='fc_host'");
        if (a->parent)
            virConfBufEscape(buf, " parent='%s'", a->parent);
        if (a->parent_wwnn)
            virConfBufEscape(buf, " parent_wwnn='%s'", a->parent_wwnn);
        if (a->parent_wwpn)
            virConfBufEscape(buf, " parent_wwpn='%s'", a->parent_wwpn);
        if (a->parent_fabric_wwn)
            virConfBufEscape(buf, " parent_fabric_wwn='%s'",
                             a->parent_fabric_wwn);
        if (a->managed)
            g_string_append_printf(buf->str, " managed='%s'",
                                   virConfTristateBoolToString(a->managed));
        virConfBufEscape(buf, " wwnn='%s'", a->wwnn);
        virConfBufEscape(buf, " wwpn='%s'/>\n", a->wwpn);
    }

    if ((info->flags & HAS_NAME) && src->name)
        virConfBufEscape(buf, "<name>%s</name>\n", src->name);

    if ((info->flags & HAS_IQN) && src->initiatorIQN) {
        virConfBufAdd(buf, "<initiator>\n");
        virConfBufAdjustIndent(buf, 2);
        virConfBufEscape(buf, "<iqn name='%s'/>\n", src->initiatorIQN);
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</initiator>\n");
    }

    if (info->formats)
        virConfBufAdd(buf, "<format type='%s'/>\n",
                      info->formats[src->format]);

    if (src->auth) {
        virConfBufAdd(buf, "<auth type='%s' ",
                      src->auth->type == VIR_STORAGE_AUTH_CHAP ? "chap" : "ceph");
        virConfBufEscape(buf, "username='%s'>\n", src->auth->username);
        virConfBufAdjustIndent(buf, 2);
        virConfBufAdd(buf, "<secret");
        if (src->auth->secretUUIDSet) {
            virConfUUIDFormat(src->auth->secretUUID, uuid);
            g_string_append_printf(buf->str, " uuid='%s'", uuid);
        }
        if (src->auth->secretUsage)
            virConfBufEscape(buf, " usage='%s'", src->auth->secretUsage);
        g_string_append(buf->str, "/>\n");
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</auth>\n");
    }

    if (src->vendor)
        virConfBufEscape(buf, "<vendor name='%s'/>\n", src->vendor);
    if (src->product)
        virConfBufEscape(buf, "<product name='%s'/>\n", src->product);
    if (src->protocolVer)
        virConfBufEscape(buf, "<protocol ver='%s'/>\n", src->protocolVer);

    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</source>\n");
}


char *
virStoragePoolDefFormat(const virStoragePoolDef *def, unsigned int flags)
{
    virConfBuf buf;
    char uuid[VIR_CONF_UUID_STRLEN];

    (void)flags;
    virConfBufInit(&buf, 0);
    virConfBufAdd(&buf, "<pool type='%s'>\n", poolTypes[def->type]);
    virConfBufAdjustIndent(&buf, 2);
    virConfBufEscape(&buf, "<name>%s</name>\n", def->name);
    virConfUUIDFormat(def->uuid, uuid);
    virConfBufAdd(&buf, "<uuid>%s</uuid>\n", uuid);
    virConfBufAdd(&buf, "<capacity unit='bytes'>%llu</capacity>\n",
                  def->capacity);
    virConfBufAdd(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                  def->allocation);
    virConfBufAdd(&buf, "<available unit='bytes'>%llu</available>\n",
                  def->available);

    if (def->cow) {
        virConfBufAdd(&buf, "<features>\n");
        virConfBufAdd(&buf, "  <cow state='%s'/>\n",
                      virConfTristateBoolToString(def->cow));
        virConfBufAdd(&buf, "</features>\n");
    }

    virStoragePoolSourceFormat(&buf, def);

    if (!(poolInfo[def->type].flags & NO_TARGET)) {
        virConfBufAdd(&buf, "<target>\n");
        virConfBufAdjustIndent(&buf, 2);
        if (def->target.path)
            virConfBufEscape(&buf, "<path>%s</path>\n", def->target.path);
        virStoragePermsFormat(&buf, &def->target.perms);
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</target>\n");
    }

    if (def->refreshVolAllocation) {
        virConfBufAdd(&buf, "<refresh>\n");
        virConfBufAdd(&buf, "  <volume allocation='capacity'/>\n");
        virConfBufAdd(&buf, "</refresh>\n");
    }

    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</pool>\n");
    return virConfBufSteal(&buf);
}


/* ---- volumes ---- */

static int
parseVolFormat(const virStoragePoolTypeInfo *info, const char *format,
               int *result)
{
    if (!info->volFormats) {
        *result = -1;
        return 0;
    }
    if (!format) {
        *result = info->volDefaultFormat;
        return 0;
    }
    if ((*result = virConfEnumFromString(info->volFormats, format)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown volume format type %s", format);
        return -1;
    }
    return 0;
}


static virStorageVolDef *
virStorageVolDefParseXML(const virStoragePoolDef *pool,
                         xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autoptr(virStorageVolDef) def = g_new0(virStorageVolDef, 1);
    const virStoragePoolTypeInfo *info = &poolInfo[pool->type];
    xmlNodePtr root = ctxt->node;
    xmlNodePtr node;
    g_autofree char *type = NULL;
    g_autofree char *format = NULL;
    g_autofree char *backingPath = NULL;
    g_autofree char *unit = NULL;
    g_autofree char *capacity = NULL;
    g_autofree char *allocation = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    int n, i;

    def->type = VIR_STORAGE_VOL_FILE;   /* backends decide otherwise */
    if ((type = virConfXMLProp(root, "type"))) {
        if ((def->type = virConfEnumFromString(volTypes, type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown volume type '%s'", type);
            return NULL;
        }
    }

    if (!(def->name = virConfXPathString("string(./name)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing volume name element");
        return NULL;
    }
    def->key = virConfXPathString("string(./key)", ctxt);

    /* a backing store without a path is ignored */
    if ((backingPath = virConfXPathString("string(./backingStore/path)",
                                          ctxt))) {
        g_autofree char *bformat =
            virConfXPathString("string(./backingStore/format/@type)", ctxt);
        def->backingStore = g_new0(virStorageVolBacking, 1);
        def->backingStore->path = g_steal_pointer(&backingPath);
        if (parseVolFormat(info, bformat, &def->backingStore->format) < 0)
            return NULL;
        if (virStoragePermsParse(ctxt, "./backingStore/permissions",
                                 &def->backingStore->perms) < 0)
            return NULL;
    }

    capacity = virConfXPathString("string(./capacity)", ctxt);
    unit = virConfXPathString("string(./capacity/@unit)", ctxt);
    if (capacity) {
        if (flags & VIR_VOL_XML_PARSE_NO_CAPACITY) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "capacity element specified without a volume");
            return NULL;
        }
        if (virConfStrToULongLong(capacity, 10, &def->capacity) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "malformed capacity element");
            return NULL;
        }
        if (virConfScaleInteger(&def->capacity, unit, 1, ULLONG_MAX) < 0)
            return NULL;
    } else if (!(flags & (VIR_VOL_XML_PARSE_NO_CAPACITY |
                          VIR_VOL_XML_PARSE_OPT_CAPACITY))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing capacity element");
        return NULL;
    }
    g_clear_pointer(&unit, g_free);

    if ((allocation = virConfXPathString("string(./allocation)", ctxt))) {
        unit = virConfXPathString("string(./allocation/@unit)", ctxt);
        if (virConfStrToULongLong(allocation, 10, &def->allocation) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "malformed capacity element");
            return NULL;
        }
        if (virConfScaleInteger(&def->allocation, unit, 1, ULLONG_MAX) < 0)
            return NULL;
        def->hasAllocation = true;
    } else {
        def->allocation = def->capacity;
    }

    def->target.path = virConfXPathString("string(./target/path)", ctxt);
    format = virConfXPathString("string(./target/format/@type)", ctxt);
    if (parseVolFormat(info, format, &def->target.format) < 0)
        return NULL;
    if (virStoragePermsParse(ctxt, "./target/permissions",
                             &def->target.perms) < 0)
        return NULL;

    if ((def->target.compat = virConfXPathString("string(./target/compat)",
                                                 ctxt))) {
        const char *p;
        for (p = def->target.compat; *p; p++) {
            if (!g_ascii_isdigit(*p) && *p != '.') {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "forbidden characters in 'compat' attribute");
                return NULL;
            }
        }
    }

    if (virConfXPathNode("./target/nocow", ctxt))
        def->target.nocow = true;

    if ((node = virConfXPathNode("./target/features", ctxt))) {
        xmlNodePtr saved = ctxt->node;
        ctxt->node = node;
        n = virConfXPathNodeSet("./*", ctxt, &nodes);
        ctxt->node = saved;
        def->target.hasFeatures = true;
        for (i = 0; i < n; i++) {
            if (xmlStrEqual(nodes[i]->name, BAD_CAST "lazy_refcounts")) {
                def->target.lazyRefcounts = true;
            } else {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unsupported feature %s",
                               (const char *)nodes[i]->name);
                return NULL;
            }
        }
        if (!def->target.compat)
            def->target.compat = g_strdup("1.1");
    }

    if ((node = virConfXPathNode("./target/encryption", ctxt))) {
        xmlNodePtr secret;
        xmlNodePtr saved = ctxt->node;
        g_autofree char *uuid = NULL;

        def->target.encFormat = virConfXMLProp(node, "format");
        ctxt->node = node;
        secret = virConfXPathNode("./secret", ctxt);
        ctxt->node = saved;
        if (secret) {
            def->target.encSecretType = virConfXMLProp(secret, "type");
            def->target.encSecretUsage = virConfXMLProp(secret, "usage");
            if ((uuid = virConfXMLProp(secret, "uuid"))) {
                if (virConfUUIDParse(uuid, def->target.encSecretUUID) < 0) {
                    reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                             "invalid secret uuid '%s'", uuid);
                    return NULL;
                }
                def->target.encSecretUUIDSet = true;
            }
        }
    }

    return g_steal_pointer(&def);
}


static virStorageVolDef *
virStorageVolDefParse(const virStoragePoolDef *pool, const char *xmlStr,
                      const char *filename, unsigned int flags)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr xml;
    virStorageVolDef *def;

    if (!(xml = virConfXMLParse(filename, xmlStr,
                                "(storage_volume_definition)", "volume",
                                &ctxt, VIR_FROM_THIS)))
        return NULL;
    def = virStorageVolDefParseXML(pool, ctxt, flags);
    virConfXMLFree(xml, ctxt);
    return def;
}


virStorageVolDef *
virStorageVolDefParseString(const virStoragePoolDef *pool, const char *xml,
                            unsigned int flags)
{
    return virStorageVolDefParse(pool, xml, NULL, flags);
}


virStorageVolDef *
virStorageVolDefParseFile(const virStoragePoolDef *pool, const char *filename,
                          unsigned int flags)
{
    return virStorageVolDefParse(pool, NULL, filename, flags);
}


char *
virStorageVolDefFormat(const virStoragePoolDef *pool,
                       const virStorageVolDef *def)
{
    const virStoragePoolTypeInfo *info = &poolInfo[pool->type];
    virConfBuf buf;
    char uuid[VIR_CONF_UUID_STRLEN];

    virConfBufInit(&buf, 0);
    virConfBufAdd(&buf, "<volume type='%s'>\n", volTypes[def->type]);
    virConfBufAdjustIndent(&buf, 2);
    virConfBufEscape(&buf, "<name>%s</name>\n", def->name);
    if (def->key)
        virConfBufEscape(&buf, "<key>%s</key>\n", def->key);
    virConfBufAdd(&buf, "<capacity unit='bytes'>%llu</capacity>\n",
                  def->capacity);
    virConfBufAdd(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                  def->allocation);

    virConfBufAdd(&buf, "<target>\n");
    virConfBufAdjustIndent(&buf, 2);
    if (def->target.path)
        virConfBufEscape(&buf, "<path>%s</path>\n", def->target.path);
    if (info->volFormats && def->target.format >= 0)
        virConfBufAdd(&buf, "<format type='%s'/>\n",
                      info->volFormats[def->target.format]);
    virStoragePermsFormat(&buf, &def->target.perms);
    if (def->target.encFormat || def->target.encSecretType) {
        virConfBufAdd(&buf, "<encryption");
        if (def->target.encFormat)
            virConfBufEscape(&buf, " format='%s'", def->target.encFormat);
        g_string_append(buf.str, ">\n");
        virConfBufAdjustIndent(&buf, 2);
        virConfBufAdd(&buf, "<secret");
        if (def->target.encSecretType)
            virConfBufEscape(&buf, " type='%s'", def->target.encSecretType);
        if (def->target.encSecretUUIDSet) {
            virConfUUIDFormat(def->target.encSecretUUID, uuid);
            g_string_append_printf(buf.str, " uuid='%s'", uuid);
        }
        if (def->target.encSecretUsage)
            virConfBufEscape(&buf, " usage='%s'", def->target.encSecretUsage);
        g_string_append(buf.str, "/>\n");
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</encryption>\n");
    }
    if (def->target.compat)
        virConfBufEscape(&buf, "<compat>%s</compat>\n", def->target.compat);
    if (def->target.hasFeatures) {
        if (def->target.lazyRefcounts) {
            virConfBufAdd(&buf, "<features>\n");
            virConfBufAdd(&buf, "  <lazy_refcounts/>\n");
            virConfBufAdd(&buf, "</features>\n");
        } else {
            virConfBufAdd(&buf, "<features/>\n");
        }
    }
    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</target>\n");

    if (def->backingStore) {
        virConfBufAdd(&buf, "<backingStore>\n");
        virConfBufAdjustIndent(&buf, 2);
        virConfBufEscape(&buf, "<path>%s</path>\n", def->backingStore->path);
        if (info->volFormats && def->backingStore->format >= 0)
            virConfBufAdd(&buf, "<format type='%s'/>\n",
                          info->volFormats[def->backingStore->format]);
        virStoragePermsFormat(&buf, &def->backingStore->perms);
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</backingStore>\n");
    }

    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</volume>\n");
    return virConfBufSteal(&buf);
}
