/* checkpoint_conf.c: <domaincheckpoint> XML (parse, format, disk rules).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "conf/checkpoint_conf.h"
#include "conf/virconfxml.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_CHECKPOINT

static const char *const virCheckpointDiskTypeNames[] = {
    "default", "no", "bitmap", NULL
};


void
virCheckpointDefFree(virCheckpointDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->description);
    g_free(def->parent_name);
    for (i = 0; i < def->ndisks; i++) {
        g_free(def->disks[i].name);
        g_free(def->disks[i].bitmap);
    }
    g_free(def->disks);
    virDomainDefFree(def->dom);
    g_free(def);
}


/* ---- structure checks ----
 * libvirt validates checkpoint documents against its schema before it
 * reads them.  We check the same structure by hand and word the failure
 * the way libxml2's validator does for the first offending element. */

typedef struct {
    GString *msg;       /* NULL while everything is fine */
} virCheckpointCheck;

static void
virCheckpointCheckFail(virCheckpointCheck *chk, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

static void
virCheckpointCheckFail(virCheckpointCheck *chk, const char *fmt, ...)
{
    va_list ap;

    if (chk->msg)
        return;
    chk->msg = g_string_new(NULL);
    va_start(ap, fmt);
    g_string_append_vprintf(chk->msg, fmt, ap);
    va_end(ap);
}


/* A checkpoint name: a letter, digit, '_' or '-', then those or '.'. */
static bool
virCheckpointNameValid(const char *name)
{
    size_t i;

    if (!name || !*name)
        return false;
    for (i = 0; name[i]; i++) {
        char c = name[i];

        if (g_ascii_isalnum(c) || c == '_' || c == '-')
            continue;
        if (c == '.' && i > 0)
            continue;
        return false;
    }
    return true;
}


static bool
virCheckpointDigits(const char *str)
{
    size_t i;

    if (!str || !*str)
        return false;
    for (i = 0; str[i]; i++) {
        if (!g_ascii_isdigit(str[i]))
            return false;
    }
    return true;
}


/* The text of an element that must hold text only. */
static char *
virCheckpointElemText(xmlNodePtr node, bool *ok)
{
    xmlNodePtr cur;

    *ok = true;
    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE)
            *ok = false;
    }
    return (char *)xmlNodeGetContent(node);
}


static bool
virCheckpointNameElemValid(xmlNodePtr node)
{
    bool ok;
    g_autofree char *text = virCheckpointElemText(node, &ok);

    return ok && virCheckpointNameValid(text);
}


static bool
virCheckpointDiskValid(xmlNodePtr disk)
{
    g_autofree char *name = NULL;
    g_autofree char *type = NULL;
    g_autofree char *size = NULL;
    xmlAttrPtr attr;

    if (disk->type != XML_ELEMENT_NODE ||
        !xmlStrEqual(disk->name, BAD_CAST "disk"))
        return false;
    for (attr = disk->properties; attr; attr = attr->next) {
        const char *an = (const char *)attr->name;

        if (strcmp(an, "name") != 0 && strcmp(an, "checkpoint") != 0 &&
            strcmp(an, "bitmap") != 0 && strcmp(an, "size") != 0)
            return false;
    }
    if (!(name = virConfXMLProp(disk, "name")) || !*name)
        return false;
    type = virConfXMLProp(disk, "checkpoint");
    size = virConfXMLProp(disk, "size");
    if (type && strcmp(type, "no") == 0) {
        if (xmlHasProp(disk, BAD_CAST "bitmap") || size)
            return false;
    } else if (type && strcmp(type, "bitmap") != 0) {
        return false;
    }
    if (size && !virCheckpointDigits(size))
        return false;
    return true;
}


static bool
virCheckpointDisksValid(xmlNodePtr disks)
{
    xmlNodePtr cur;
    int n = 0;

    for (cur = disks->children; cur; cur = cur->next) {
        if (cur->type == XML_TEXT_NODE && xmlIsBlankNode(cur))
            continue;
        if (cur->type == XML_COMMENT_NODE)
            continue;
        if (!virCheckpointDiskValid(cur))
            return false;
        n++;
    }
    return n > 0;
}


static bool
virCheckpointParentValid(xmlNodePtr parent)
{
    xmlNodePtr cur;
    int n = 0;

    for (cur = parent->children; cur; cur = cur->next) {
        if (cur->type == XML_TEXT_NODE && xmlIsBlankNode(cur))
            continue;
        if (cur->type == XML_COMMENT_NODE)
            continue;
        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "name") ||
            !virCheckpointNameElemValid(cur))
            return false;
        n++;
    }
    return n == 1;
}


static int
virCheckpointCheckStructure(xmlNodePtr root)
{
    static const char *const known[] = {
        "name", "description", "creationTime", "disks", "domain", "parent",
    };
    virCheckpointCheck chk = { NULL };
    bool seen[G_N_ELEMENTS(known)] = { false };
    xmlNodePtr cur;

    if (root->properties)
        virCheckpointCheckFail(&chk, "Invalid attribute %s for element %s",
                               (const char *)root->properties->name,
                               (const char *)root->name);

    for (cur = root->children; cur && !chk.msg; cur = cur->next) {
        const char *name = (const char *)cur->name;
        bool ok = true;
        size_t k;

        if (cur->type == XML_COMMENT_NODE || cur->type == XML_PI_NODE)
            continue;
        if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
            if (!xmlIsBlankNode(cur))
                virCheckpointCheckFail(&chk,
                                       "Element %s has extra content: text",
                                       (const char *)root->name);
            continue;
        }
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        for (k = 0; k < G_N_ELEMENTS(known); k++) {
            if (strcmp(known[k], name) == 0)
                break;
        }
        if (k == G_N_ELEMENTS(known)) {
            virCheckpointCheckFail(&chk, "Element %s has extra content: %s",
                                   (const char *)root->name, name);
            break;
        }
        if (seen[k]) {
            ok = false;
        } else if (strcmp(name, "name") == 0) {
            ok = virCheckpointNameElemValid(cur);
        } else if (strcmp(name, "creationTime") == 0) {
            g_autofree char *text = virCheckpointElemText(cur, &ok);
            ok = ok && virCheckpointDigits(text);
        } else if (strcmp(name, "description") == 0) {
            g_autofree char *text = virCheckpointElemText(cur, &ok);
        } else if (strcmp(name, "disks") == 0) {
            ok = virCheckpointDisksValid(cur);
        } else if (strcmp(name, "parent") == 0) {
            ok = virCheckpointParentValid(cur);
        }
        seen[k] = true;
        if (!ok) {
            virCheckpointCheckFail(&chk, "Extra element %s in interleave\n"
                                   "Element %s failed to validate content",
                                   name, (const char *)root->name);
        }
    }

    if (chk.msg) {
        virReportErrorFull(VIR_FROM_XML, VIR_ERR_XML_INVALID_SCHEMA,
                           __FILE__, __func__, __LINE__,
                           "Unable to validate doc against %s\n%s\n",
                           "/usr/share/libvirt/schemas/domaincheckpoint.rng", chk.msg->str);
        g_string_free(chk.msg, TRUE);
        return -1;
    }
    return 0;
}


/* ---- parsing ---- */

static int
virCheckpointDiskParse(xmlNodePtr node, virCheckpointDiskDef *disk)
{
    g_autofree char *type = virConfXMLProp(node, "checkpoint");
    g_autofree char *size = virConfXMLProp(node, "size");

    disk->name = virConfXMLProp(node, "name");
    if (type)
        disk->type = virConfEnumFromString(virCheckpointDiskTypeNames, type);
    if (disk->type < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown disk checkpoint setting '%s'", type);
        return -1;
    }
    disk->bitmap = virConfXMLProp(node, "bitmap");
    if (size)
        disk->size = g_ascii_strtoull(size, NULL, 10);
    return 0;
}


static virCheckpointDef *
virCheckpointDefParseCtxt(xmlXPathContextPtr ctxt,
                          const virDomainXMLOption *xmlopt,
                          unsigned int flags)
{
    g_autoptr(virCheckpointDef) def = g_new0(virCheckpointDef, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr domnode;
    int n;
    int i;

    def->name = virConfXPathString("string(./name)", ctxt);
    def->description = virConfXPathString("string(./description)", ctxt);

    if (flags & VIR_CHECKPOINT_PARSE_REDEFINE) {
        g_autofree char *ctime = NULL;

        if (!def->name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "a redefined checkpoint must have a name");
            return NULL;
        }
        def->parent_name = virConfXPathString("string(./parent/name)", ctxt);
        if (!(ctime = virConfXPathString("string(./creationTime)", ctxt))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing creationTime from existing checkpoint");
            return NULL;
        }
        def->creationTime = g_ascii_strtoll(ctime, NULL, 10);

        if ((domnode = virConfXPathNode("./domain", ctxt)) &&
            !(def->dom = virDomainDefParseNode(domnode->doc, domnode, xmlopt,
                                               VIR_DOMAIN_DEF_PARSE_INACTIVE)))
            return NULL;
    } else {
        def->creationTime = g_get_real_time() / G_USEC_PER_SEC;
        if (!def->name)
            def->name = g_strdup_printf("%lld", def->creationTime);
    }

    if ((n = virConfXPathNodeSet("./disks/disk", ctxt, &nodes)) < 0)
        return NULL;
    def->disks = g_new0(virCheckpointDiskDef, n > 0 ? n : 1);
    for (i = 0; i < n; i++) {
        def->ndisks++;
        if (virCheckpointDiskParse(nodes[i], &def->disks[i]) < 0)
            return NULL;
    }
    return g_steal_pointer(&def);
}


virCheckpointDef *
virCheckpointDefParseString(const char *xml, const virDomainXMLOption *xmlopt,
                            unsigned int flags)
{
    xmlXPathContextPtr ctxt = NULL;
    virCheckpointDef *def = NULL;
    xmlDocPtr doc;

    if (!(doc = virConfXMLParse(NULL, xml, "(domain_checkpoint)",
                                "domaincheckpoint", &ctxt,
                                VIR_FROM_DOMAIN_CHECKPOINT)))
        return NULL;
    if (virCheckpointCheckStructure(ctxt->node) == 0)
        def = virCheckpointDefParseCtxt(ctxt, xmlopt, flags);
    virConfXMLFree(doc, ctxt);
    return def;
}


/* ---- disks against the domain ---- */

static const virDomainDiskDef *
virCheckpointFindDomainDisk(const virDomainDef *dom, const char *name)
{
    const virDomainDiskDef *found = NULL;
    size_t i;

    for (i = 0; i < dom->ndisks; i++) {
        const virDomainDiskDef *disk = dom->disks[i];

        if (name[0] != '/') {
            if (g_strcmp0(disk->dst, name) == 0)
                return disk;
        } else if (disk->src && g_strcmp0(disk->src->path, name) == 0) {
            if (found)
                return NULL;    /* ambiguous: no match */
            found = disk;
        }
    }
    return found;
}


/* A disk that can hold no bitmap: read-only, or without media. */
static bool
virCheckpointDiskUnusable(const virDomainDiskDef *disk)
{
    const virStorageSource *src = disk->src;

    if (disk->readonly)
        return true;
    if (!src || src->type == VIR_STORAGE_TYPE_NONE)
        return true;
    if ((src->type == VIR_STORAGE_TYPE_FILE ||
         src->type == VIR_STORAGE_TYPE_BLOCK ||
         src->type == VIR_STORAGE_TYPE_DIR) && !src->path)
        return true;
    return src->type == VIR_STORAGE_TYPE_NETWORK &&
           src->protocol == VIR_STORAGE_NET_PROTOCOL_NONE;
}


static void
virCheckpointDiskFinish(virCheckpointDiskDef *disk, const char *cpname)
{
    if (disk->type == VIR_CHECKPOINT_DISK_DEFAULT)
        disk->type = VIR_CHECKPOINT_DISK_BITMAP;
    if (disk->type == VIR_CHECKPOINT_DISK_BITMAP && !disk->bitmap)
        disk->bitmap = g_strdup(cpname);
}


int
virCheckpointAlignDisks(virCheckpointDef *def, const virDomainDef *dom)
{
    g_autofree const virCheckpointDiskDef **byDom = NULL;
    virCheckpointDiskDef *out;
    bool none = def->ndisks == 0;
    size_t i;

    if (!dom) {
        for (i = 0; i < def->ndisks; i++)
            virCheckpointDiskFinish(&def->disks[i], def->name);
        return 0;
    }

    byDom = g_new0(const virCheckpointDiskDef *, dom->ndisks + 1);
    for (i = 0; i < def->ndisks; i++) {
        virCheckpointDiskDef *disk = &def->disks[i];
        const virDomainDiskDef *ddisk;
        size_t idx;

        if (!(ddisk = virCheckpointFindDomainDisk(dom, disk->name))) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "no disk named '%s'", disk->name);
            return -1;
        }
        for (idx = 0; dom->disks[idx] != ddisk; idx++)
            ;
        if (byDom[idx]) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk '%s' specified twice", ddisk->dst);
            return -1;
        }
        if (disk->type != VIR_CHECKPOINT_DISK_NO &&
            virCheckpointDiskUnusable(ddisk)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk '%s' is empty or readonly", ddisk->dst);
            return -1;
        }
        if (disk->name[0] == '/') {
            g_free(disk->name);
            disk->name = g_strdup(ddisk->dst);
        }
        byDom[idx] = disk;
    }

    /* Rebuild in the domain's order. */
    out = g_new0(virCheckpointDiskDef, dom->ndisks + 1);
    for (i = 0; i < dom->ndisks; i++) {
        const virDomainDiskDef *ddisk = dom->disks[i];

        if (byDom[i]) {
            out[i] = *byDom[i];
        } else {
            out[i].name = g_strdup(ddisk->dst);
            if (!none || virCheckpointDiskUnusable(ddisk))
                out[i].type = VIR_CHECKPOINT_DISK_NO;
        }
        virCheckpointDiskFinish(&out[i], def->name);
    }
    g_free(def->disks);
    def->disks = out;
    def->ndisks = dom->ndisks;
    return 0;
}


/* ---- formatting ---- */

static void
virCheckpointFormatDomain(virConfBuf *buf, const virDomainDef *dom,
                          unsigned int domflags)
{
    g_autofree char *xml = virDomainDefFormat(dom, domflags);
    g_auto(GStrv) lines = NULL;
    size_t i;

    if (!xml)
        return;
    lines = g_strsplit(xml, "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (*lines[i])
            virConfBufAdd(buf, "%s\n", lines[i]);
    }
}


char *
virCheckpointDefFormat(const virCheckpointDef *def, unsigned int flags)
{
    virConfBuf buf;
    unsigned int domflags = VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    size_t i;

    if (flags & VIR_CHECKPOINT_FORMAT_SECURE)
        domflags |= VIR_DOMAIN_DEF_FORMAT_SECURE;

    virConfBufInit(&buf, 0);
    virConfBufAdd(&buf, "<domaincheckpoint>\n");
    virConfBufAdjustIndent(&buf, 2);
    virConfBufEscape(&buf, "<name>%s</name>\n", def->name);
    if (def->description)
        virConfBufEscape(&buf, "<description>%s</description>\n",
                         def->description);
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
    if (def->ndisks) {
        virConfBufAdd(&buf, "<disks>\n");
        virConfBufAdjustIndent(&buf, 2);
        for (i = 0; i < def->ndisks; i++) {
            const virCheckpointDiskDef *disk = &def->disks[i];

            if (disk->type == VIR_CHECKPOINT_DISK_DEFAULT)
                continue;
            virConfBufEscape(&buf, "<disk name='%s'", disk->name);
            virConfBufAdd(&buf, " checkpoint='%s'",
                          virCheckpointDiskTypeNames[disk->type]);
            if (disk->bitmap)
                virConfBufEscape(&buf, " bitmap='%s'", disk->bitmap);
            if ((flags & VIR_CHECKPOINT_FORMAT_SIZE) && disk->size)
                virConfBufAdd(&buf, " size='%llu'", disk->size);
            virConfBufAdd(&buf, "/>\n");
        }
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</disks>\n");
    }
    if (def->dom && !(flags & VIR_CHECKPOINT_FORMAT_NO_DOMAIN))
        virCheckpointFormatDomain(&buf, def->dom, domflags);
    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</domaincheckpoint>\n");
    return virConfBufSteal(&buf);
}
