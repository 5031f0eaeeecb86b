/* test_snapshot_conf.c: <domainsnapshot> XML for the test driver.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Kept in src/test until src/conf grows a snapshot module (see the
 * header).  Errors are raised where libvirt raises them: document and
 * element problems in the snapshot error domain, bad attribute values
 * through the generic XML helpers, disk lookups the same way.
 */
#include <config.h>

#include <string.h>
#include <sys/stat.h>

#include "test/test_snapshot_conf.h"
#include "conf/virconfxml.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT

static const char *const testSnapshotLocationNames[] = {
    "default", "no", "internal", "external", "manual", NULL,
};

static const char *const testSnapshotStateNames[] = {
    "nostate", "running", "blocked", "paused", "shutdown", "shutoff",
    "crashed", "pmsuspended", "disk-snapshot", NULL,
};

/* libvirt's storage source types and image formats, by index. */
static const char *const testSnapshotStorageTypes[] = {
    "none", "file", "block", "dir", "network", "volume", "nvme",
    "vhostuser", NULL,
};
enum {
    TEST_STORAGE_FILE = 1,
    TEST_STORAGE_BLOCK = 2,
    TEST_STORAGE_DIR = 3,
    TEST_STORAGE_NETWORK = 4,
    TEST_STORAGE_VOLUME = 5,
};

static const char *const testSnapshotFormats[] = {
    "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi",
    "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", NULL,
};


static int
testSnapshotLocationFromString(const char *str)
{
    return virConfEnumFromString(testSnapshotLocationNames, str);
}


static int
testSnapshotStorageTypeFromString(const char *str)
{
    return virConfEnumFromString(testSnapshotStorageTypes, str);
}


const char *
testSnapshotStateToString(int state)
{
    if (state < 0 || state >= (int)G_N_ELEMENTS(testSnapshotStateNames) - 1)
        return NULL;
    return testSnapshotStateNames[state];
}


int
testSnapshotStateFromString(const char *str)
{
    return virConfEnumFromString(testSnapshotStateNames, str);
}


static void
testSnapshotDiskDefClear(testSnapshotDiskDef *disk)
{
    g_free(disk->name);
    g_free(disk->path);
    memset(disk, 0, sizeof(*disk));
}


void
testSnapshotDefFree(testSnapshotDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->description);
    g_free(def->parent_name);
    g_free(def->memoryFile);
    for (i = 0; i < def->ndisks; i++)
        testSnapshotDiskDefClear(&def->disks[i]);
    g_free(def->disks);
    virDomainDefFree(def->dom);
    virDomainDefFree(def->inactiveDom);
    g_free(def);
}


/* ---- parsing ---- */

static int
testSnapshotDiskParse(xmlNodePtr node, testSnapshotDiskDef *disk)
{
    g_autofree char *name = NULL;
    g_autofree char *driver = NULL;
    xmlNodePtr cur;
    int type = TEST_STORAGE_FILE;

    if (!(name = virConfXMLProp(node, "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing name from disk snapshot element");
        return -1;
    }
    if (virConfXMLPropEnum(node, "snapshot", testSnapshotLocationFromString,
                           false, true, &disk->snapshot) < 0 ||
        virConfXMLPropEnum(node, "type", testSnapshotStorageTypeFromString,
                           false, true, &type) < 0)
        return -1;
    if (type == TEST_STORAGE_VOLUME || type == TEST_STORAGE_DIR) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unsupported disk snapshot type '%s'",
                       testSnapshotStorageTypes[type]);
        return -1;
    }
    disk->type = type;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(cur->name, BAD_CAST "source") && !disk->path) {
            disk->path = virConfXMLProp(cur, type == TEST_STORAGE_BLOCK ?
                                        "dev" : "file");
        } else if (xmlStrEqual(cur->name, BAD_CAST "driver") && !driver) {
            driver = virConfXMLProp(cur, "type");
        }
    }
    if (driver &&
        (disk->format = virConfEnumFromString(testSnapshotFormats,
                                              driver)) <= 0) {
        disk->format = 0;
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown disk snapshot driver '%s'", driver);
        return -1;
    }
    if (disk->path && (type == TEST_STORAGE_FILE || type == TEST_STORAGE_BLOCK) &&
        disk->path[0] != '/') {
        virReportError(VIR_ERR_XML_ERROR,
                       "disk snapshot image path '%s' must be absolute",
                       disk->path);
        return -1;
    }
    if (disk->snapshot == TEST_SNAPSHOT_LOCATION_DEFAULT &&
        (disk->path || disk->format))
        disk->snapshot = TEST_SNAPSHOT_LOCATION_EXTERNAL;
    disk->name = g_steal_pointer(&name);
    return 0;
}


/* A <domain> (or <inactiveDomain>, read as a <domain>) child. */
static virDomainDef *
testSnapshotDomainParse(xmlNodePtr node, const virDomainXMLOption *xmlopt)
{
    xmlDocPtr doc;
    xmlNodePtr copy;
    virDomainDef *def;

    if (xmlStrEqual(node->name, BAD_CAST "domain"))
        return virDomainDefParseNode(node->doc, node, xmlopt,
                                     VIR_DOMAIN_DEF_PARSE_INACTIVE);
    doc = xmlNewDoc(BAD_CAST "1.0");
    copy = xmlDocCopyNode(node, doc, 1);
    xmlNodeSetName(copy, BAD_CAST "domain");
    xmlDocSetRootElement(doc, copy);
    def = virDomainDefParseNode(doc, copy, xmlopt,
                                VIR_DOMAIN_DEF_PARSE_INACTIVE);
    xmlFreeDoc(doc);
    return def;
}


static int
testSnapshotParseRedefine(testSnapshotDef *def, xmlXPathContextPtr ctxt,
                          const virDomainXMLOption *xmlopt, bool *offline)
{
    g_autofree char *ctime = virConfXPathString("string(./creationTime)", ctxt);
    g_autofree char *state = NULL;
    g_autofree char *domtype = NULL;
    xmlNodePtr node;

    if (!ctime || virConfStrToLongLong(ctime, 10, &def->creationTime) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing creationTime from existing snapshot");
        return -1;
    }
    def->parent_name = virConfXPathString("string(./parent/name)", ctxt);

    if (!(state = virConfXPathString("string(./state)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing state from existing snapshot");
        return -1;
    }
    if ((def->state = testSnapshotStateFromString(state)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid state '%s' in domain snapshot XML", state);
        return -1;
    }
    *offline = def->state == VIR_DOMAIN_SHUTOFF ||
               def->state == TEST_SNAPSHOT_STATE_DISK_SNAPSHOT;

    /* Old snapshots carry a <domain> with only a <uuid>: no domain then. */
    if ((domtype = virConfXPathString("string(./domain/@type)", ctxt))) {
        if (!(node = virConfXPathNode("./domain", ctxt))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing domain in snapshot");
            return -1;
        }
        if (!(def->dom = testSnapshotDomainParse(node, xmlopt)))
            return -1;
    }
    if ((node = virConfXPathNode("./inactiveDomain", ctxt)) &&
        !(def->inactiveDom = testSnapshotDomainParse(node, xmlopt)))
        return -1;
    return 0;
}


static int
testSnapshotParseMemory(testSnapshotDef *def, xmlXPathContextPtr ctxt,
                        unsigned int flags, bool offline)
{
    xmlNodePtr node;

    if ((node = virConfXPathNode("./memory", ctxt))) {
        def->memoryFile = virConfXMLProp(node, "file");
        if (virConfXMLPropEnum(node, "snapshot",
                               testSnapshotLocationFromString, false, true,
                               &def->memory) < 0)
            return -1;
        if (def->memory == TEST_SNAPSHOT_LOCATION_MANUAL) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'manual' memory snapshot mode not supported");
            return -1;
        }
    }

    if (def->memory == TEST_SNAPSHOT_LOCATION_DEFAULT) {
        if (def->memoryFile)
            def->memory = TEST_SNAPSHOT_LOCATION_EXTERNAL;
        else if (flags & TEST_SNAPSHOT_PARSE_REDEFINE)
            def->memory = offline ? TEST_SNAPSHOT_LOCATION_NO
                                  : TEST_SNAPSHOT_LOCATION_INTERNAL;
    }
    if (def->memoryFile && def->memory != TEST_SNAPSHOT_LOCATION_EXTERNAL) {
        virReportError(VIR_ERR_XML_ERROR,
                       "memory filename '%s' requires external snapshot",
                       def->memoryFile);
        return -1;
    }
    if (!def->memoryFile && def->memory == TEST_SNAPSHOT_LOCATION_EXTERNAL) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "external memory snapshots require a filename");
        return -1;
    }
    if (offline && def->memory != TEST_SNAPSHOT_LOCATION_DEFAULT &&
        def->memory != TEST_SNAPSHOT_LOCATION_NO) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "memory state cannot be saved with offline or disk-only snapshot");
        return -1;
    }
    if (def->memoryFile && def->memoryFile[0] != '/') {
        virReportError(VIR_ERR_XML_ERROR,
                       "memory snapshot file path (%s) must be absolute",
                       def->memoryFile);
        return -1;
    }
    return 0;
}


static testSnapshotDef *
testSnapshotDefParseCtxt(xmlXPathContextPtr ctxt,
                         const virDomainXMLOption *xmlopt, unsigned int flags,
                         bool *current)
{
    g_autoptr(testSnapshotDef) def = g_new0(testSnapshotDef, 1);
    g_autofree xmlNodePtr *disks = NULL;
    bool offline = false;
    int n;
    int i;

    def->name = virConfXPathString("string(./name)", ctxt);
    if (!def->name && (flags & TEST_SNAPSHOT_PARSE_REDEFINE)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "a redefined snapshot must have a name");
        return NULL;
    }
    def->description = virConfXPathString("string(./description)", ctxt);

    if (flags & TEST_SNAPSHOT_PARSE_REDEFINE) {
        if (testSnapshotParseRedefine(def, ctxt, xmlopt, &offline) < 0)
            return NULL;
    } else {
        /* A new snapshot is stamped now, and named after the stamp. */
        def->creationTime = g_get_real_time() / G_USEC_PER_SEC;
        if (!def->name)
            def->name = g_strdup_printf("%lld", def->creationTime);
    }

    if (testSnapshotParseMemory(def, ctxt, flags, offline) < 0)
        return NULL;

    if ((n = virConfXPathNodeSet("./disks/*", ctxt, &disks)) < 0)
        return NULL;
    def->disks = g_new0(testSnapshotDiskDef, n);
    def->ndisks = n;
    for (i = 0; i < n; i++) {
        if (testSnapshotDiskParse(disks[i], &def->disks[i]) < 0)
            return NULL;
    }

    if (flags & TEST_SNAPSHOT_PARSE_INTERNAL) {
        g_autofree char *active = virConfXPathString("string(./active)", ctxt);
        int val;

        if (!active || virConfStrToInt(active, 10, &val) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Could not find 'active' element");
            return NULL;
        }
        if (current)
            *current = val != 0;
    }
    return g_steal_pointer(&def);
}


testSnapshotDef *
testSnapshotDefParseNode(xmlDocPtr doc, xmlNodePtr node,
                         const virDomainXMLOption *xmlopt, unsigned int flags,
                         bool *current)
{
    xmlXPathContextPtr ctxt = xmlXPathNewContext(doc);
    testSnapshotDef *def;

    ctxt->node = node;
    def = testSnapshotDefParseCtxt(ctxt, xmlopt, flags, current);
    xmlXPathFreeContext(ctxt);
    return def;
}


testSnapshotDef *
testSnapshotDefParseString(const char *xml, const virDomainXMLOption *xmlopt,
                           unsigned int flags)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr doc;
    testSnapshotDef *def;

    if (!(doc = virConfXMLParse(NULL, xml, "(domain_snapshot)",
                                "domainsnapshot", &ctxt,
                                VIR_FROM_DOMAIN_SNAPSHOT)))
        return NULL;
    def = testSnapshotDefParseNode(doc, xmlDocGetRootElement(doc), xmlopt,
                                   flags, NULL);
    virConfXMLFree(doc, ctxt);
    return def;
}


/* ---- disks against the domain ---- */

/* libvirt finds a snapshot disk by target, or (a name starting with '/')
 * by its unambiguous source path. */
static virDomainDiskDef *
testSnapshotFindDomainDisk(virDomainDef *dom, const char *name)
{
    virDomainDiskDef *found = NULL;
    size_t i;

    for (i = 0; i < dom->ndisks; i++) {
        virDomainDiskDef *disk = dom->disks[i];

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


static bool
testSnapshotSourceIsEmpty(const virStorageSource *src)
{
    if (!src || src->type == VIR_STORAGE_TYPE_NONE)
        return true;
    if ((src->type == VIR_STORAGE_TYPE_FILE ||
         src->type == VIR_STORAGE_TYPE_BLOCK ||
         src->type == VIR_STORAGE_TYPE_DIR) && !src->path)
        return true;
    return src->type == VIR_STORAGE_TYPE_NETWORK &&
           src->protocol == VIR_STORAGE_NET_PROTOCOL_NONE;
}


static int
testSnapshotAssignExternalNames(testSnapshotDef *def, virDomainDef *dom)
{
    size_t i, j;

    for (i = 0; i < def->ndisks; i++) {
        testSnapshotDiskDef *disk = &def->disks[i];
        const char *orig;
        g_autofree char *base = NULL;
        char *dot;
        struct stat sb;

        if (disk->snapshot != TEST_SNAPSHOT_LOCATION_EXTERNAL || disk->path)
            continue;
        if (disk->type != TEST_STORAGE_FILE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "cannot generate external snapshot name for disk '%s' on a '%s' device",
                           disk->name, testSnapshotStorageTypes[disk->type]);
            return -1;
        }
        if (!dom->disks[i]->src || !(orig = dom->disks[i]->src->path)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "cannot generate external snapshot name for disk '%s' without source",
                           disk->name);
            return -1;
        }
        if (stat(orig, &sb) < 0 || !S_ISREG(sb.st_mode)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "source for disk '%s' is not a regular file; refusing to generate external snapshot name",
                           disk->name);
            return -1;
        }
        base = g_strdup(orig);
        if ((dot = strrchr(base, '.')) && !strchr(dot, '/'))
            *dot = '\0';
        disk->path = g_strdup_printf("%s.%s", base, def->name);

        for (j = 0; j < i; j++) {
            if (g_strcmp0(disk->path, def->disks[j].path) == 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "cannot generate external snapshot name for disk '%s': collision with disk '%s'",
                               disk->name, def->disks[j].name);
                return -1;
            }
        }
    }
    return 0;
}


int
testSnapshotAlignDisks(testSnapshotDef *def, virDomainDef *existing,
                       int defaultLocation, bool uniformInternal)
{
    virDomainDef *dom = def->dom ? def->dom : existing;
    g_autofree testSnapshotDiskDef *old = NULL;
    g_autofree int *slot = NULL;   /* domain disk -> requested entry */
    bool requireMatch;
    size_t nold;
    size_t i;
    int ret = -1;

    if (!dom) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing domain in snapshot");
        return -1;
    }
    if (def->ndisks > dom->ndisks) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "too many disk snapshot requests for domain");
        return -1;
    }
    requireMatch = uniformInternal &&
                   defaultLocation == TEST_SNAPSHOT_LOCATION_INTERNAL;
    if (dom->ndisks == 0)
        return 0;

    old = g_steal_pointer(&def->disks);
    nold = def->ndisks;
    def->disks = g_new0(testSnapshotDiskDef, dom->ndisks);
    def->ndisks = dom->ndisks;
    slot = g_new(int, dom->ndisks);
    for (i = 0; i < dom->ndisks; i++)
        slot[i] = -1;

    for (i = 0; i < nold; i++) {
        testSnapshotDiskDef *req = &old[i];
        virDomainDiskDef *domdisk = testSnapshotFindDomainDisk(dom, req->name);
        size_t at;

        if (!domdisk) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "no disk named '%s'",
                           req->name);
            goto cleanup;
        }
        for (at = 0; dom->disks[at] != domdisk; at++)
            ;
        if (slot[at] >= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk '%s' specified twice", req->name);
            goto cleanup;
        }
        slot[at] = i;

        /* Our domain disks have no snapshot= default of their own. */
        if (req->snapshot == TEST_SNAPSHOT_LOCATION_DEFAULT) {
            req->snapshot = defaultLocation;
        } else if (requireMatch && req->snapshot != defaultLocation) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk '%s' must use snapshot mode '%s'",
                           req->name,
                           testSnapshotLocationNames[defaultLocation]);
            goto cleanup;
        }
        if (req->path && req->snapshot != TEST_SNAPSHOT_LOCATION_EXTERNAL) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "file '%s' for disk '%s' requires use of external snapshot mode",
                           req->path, req->name);
            goto cleanup;
        }
        if (g_strcmp0(req->name, domdisk->dst) != 0) {
            g_free(req->name);
            req->name = g_strdup(domdisk->dst);
        }
    }

    for (i = 0; i < dom->ndisks; i++) {
        testSnapshotDiskDef *disk = &def->disks[i];

        if (slot[i] >= 0) {
            *disk = old[slot[i]];
            memset(&old[slot[i]], 0, sizeof(old[slot[i]]));
            continue;
        }
        disk->name = g_strdup(dom->disks[i]->dst);
        disk->type = TEST_STORAGE_FILE;
        disk->snapshot = testSnapshotSourceIsEmpty(dom->disks[i]->src) ?
                         TEST_SNAPSHOT_LOCATION_NO : defaultLocation;
    }

    ret = testSnapshotAssignExternalNames(def, dom);

 cleanup:
    for (i = 0; i < nold; i++)
        testSnapshotDiskDefClear(&old[i]);
    return ret;
}


bool
testSnapshotDefIsExternal(const testSnapshotDef *def)
{
    size_t i;

    if (def->memory == TEST_SNAPSHOT_LOCATION_EXTERNAL)
        return true;
    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i].snapshot == TEST_SNAPSHOT_LOCATION_EXTERNAL)
            return true;
    }
    return false;
}


/* ---- formatting ---- */

/* A domain document at one more indent level, under another root name
 * if `root` is given. */
static void
testSnapshotFormatDomain(virConfBuf *buf, const virDomainDef *dom,
                         unsigned int domflags, const char *root)
{
    g_autofree char *xml = virDomainDefFormat(dom, domflags);
    g_auto(GStrv) lines = NULL;
    size_t i;

    if (!xml)
        return;
    lines = g_strsplit(xml, "\n", -1);
    for (i = 0; lines[i]; i++) {
        const char *line = lines[i];

        if (!*line)
            continue;
        if (root && i == 0 && g_str_has_prefix(line, "<domain")) {
            virConfBufAdd(buf, "<%s%s\n", root, line + strlen("<domain"));
        } else if (root && !lines[i + 1][0] && strcmp(line, "</domain>") == 0) {
            virConfBufAdd(buf, "</%s>\n", root);
        } else {
            virConfBufAdd(buf, "%s\n", line);
        }
    }
}


static void
testSnapshotFormatDisk(virConfBuf *buf, const testSnapshotDiskDef *disk)
{
    if (!disk->name)
        return;
    virConfBufEscape(buf, "<disk name='%s'", disk->name);
    if (disk->snapshot > 0)
        virConfBufAdd(buf, " snapshot='%s'",
                      testSnapshotLocationNames[disk->snapshot]);
    if (!disk->path && disk->format == 0) {
        virConfBufAdd(buf, "/>\n");
        return;
    }
    virConfBufAdd(buf, " type='%s'>\n", testSnapshotStorageTypes[disk->type]);
    virConfBufAdjustIndent(buf, 2);
    if (disk->format > 0)
        virConfBufAdd(buf, "<driver type='%s'/>\n",
                      testSnapshotFormats[disk->format]);
    if (disk->path) {
        virConfBufEscape(buf, disk->type == TEST_STORAGE_BLOCK ?
                         "<source dev='%s'/>\n" : "<source file='%s'/>\n",
                         disk->path);
    } else {
        virConfBufAdd(buf, "<source/>\n");
    }
    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</disk>\n");
}


char *
testSnapshotDefFormat(const testSnapshotDef *def, const char *uuidstr,
                      unsigned int flags)
{
    virConfBuf buf;
    unsigned int domflags = VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    size_t i;

    if (flags & TEST_SNAPSHOT_FORMAT_SECURE)
        domflags |= VIR_DOMAIN_DEF_FORMAT_SECURE;

    virConfBufInit(&buf, 0);
    virConfBufAdd(&buf, "<domainsnapshot>\n");
    virConfBufAdjustIndent(&buf, 2);
    virConfBufEscape(&buf, "<name>%s</name>\n", def->name);
    if (def->description)
        virConfBufEscape(&buf, "<description>%s</description>\n",
                         def->description);
    if (def->state)
        virConfBufAdd(&buf, "<state>%s</state>\n",
                      testSnapshotStateToString(def->state));
    if (def->parent_name) {
        virConfBufAdd(&buf, "<parent>\n");
        virConfBufAdjustIndent(&buf, 2);
        virConfBufEscape(&buf, "<name>%s</name>\n", def->parent_name);
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</parent>\n");
    }
    if (def->creationTime)
        virConfBufAdd(&buf, "<creationTime>%lld</creationTime>\n",
                      def->creationTime);
    if (def->memory) {
        virConfBufAdd(&buf, "<memory snapshot='%s'",
                      testSnapshotLocationNames[def->memory]);
        if (def->memoryFile)
            virConfBufEscape(&buf, " file='%s'", def->memoryFile);
        virConfBufAdd(&buf, "/>\n");
    }
    if (def->ndisks) {
        virConfBufAdd(&buf, "<disks>\n");
        virConfBufAdjustIndent(&buf, 2);
        for (i = 0; i < def->ndisks; i++)
            testSnapshotFormatDisk(&buf, &def->disks[i]);
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</disks>\n");
    }
    if (def->dom) {
        testSnapshotFormatDomain(&buf, def->dom, domflags, NULL);
    } else if (uuidstr) {
        virConfBufAdd(&buf, "<domain>\n");
        virConfBufAdjustIndent(&buf, 2);
        virConfBufAdd(&buf, "<uuid>%s</uuid>\n", uuidstr);
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</domain>\n");
    }
    if (def->inactiveDom)
        testSnapshotFormatDomain(&buf, def->inactiveDom, domflags,
                                 "inactiveDomain");
    if (flags & TEST_SNAPSHOT_FORMAT_INTERNAL)
        virConfBufAdd(&buf, "<active>%d</active>\n",
                      !!(flags & TEST_SNAPSHOT_FORMAT_CURRENT));
    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</domainsnapshot>\n");
    return virConfBufSteal(&buf);
}
