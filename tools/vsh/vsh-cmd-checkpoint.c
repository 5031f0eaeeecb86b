/* vsh-cmd-checkpoint.c: checkpoint commands (the "checkpoint" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Also home of the two helpers the snapshot commands share: the tree
 * printer of the --tree listings and the creation time format.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "vsh.h"


#define VSH_OPT_DOMAIN \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the domain, by name, id or UUID" }

#define VSH_OPT_CKPTNAME(helptext) \
    { "checkpointname", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, helptext }


/* ---- shared with the snapshot commands ---- */

static void
vshTreePrintNode(vshControl *ctl, const vshTreeItem *items, size_t n,
                 size_t node, bool root, bool last, GString *indent)
{
    size_t lastChild = n;
    size_t i;

    vshPrint(ctl, "%s%s%s\n", indent->str, root ? "" : "+- ",
             items[node].name);
    if (!root)
        g_string_append(indent, last ? "  " : "| ");

    for (i = 0; i < n; i++) {
        if (items[i].parent && strcmp(items[i].parent, items[node].name) == 0)
            lastChild = i;
    }
    if (lastChild < n)
        vshPrint(ctl, "%s  |\n", indent->str);

    g_string_append(indent, "  ");
    for (i = 0; i < n; i++) {
        if (items[i].parent && strcmp(items[i].parent, items[node].name) == 0)
            vshTreePrintNode(ctl, items, n, i, false, i == lastChild, indent);
    }
    g_string_truncate(indent, indent->len - 2);

    /* a last leaf closes its branch with the indent alone */
    if (lastChild == n && last)
        vshPrint(ctl, "%s\n", indent->str);
    if (!root)
        g_string_truncate(indent, indent->len - 2);
}


void
vshTreePrint(vshControl *ctl, const vshTreeItem *items, size_t n)
{
    g_autoptr(GString) indent = g_string_new(NULL);
    size_t i;

    for (i = 0; i < n; i++) {
        if (!items[i].parent)
            vshTreePrintNode(ctl, items, n, i, true, true, indent);
    }
}


/* "2026-11-26 09:45:22 +0000", in local time. */
char *
vshFormatCreationTime(long long when)
{
    time_t t = when;
    struct tm tm;
    char buf[64];

    if (!localtime_r(&t, &tm) ||
        strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %z", &tm) == 0)
        return g_strdup("");
    return g_strdup(buf);
}


/* The number an XPath expression gives in a document, or 0. */
long long
vshXMLNumber(const char *xml, const char *xpath)
{
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr obj;
    long long ret = 0;

    if (!xml ||
        !(doc = xmlReadDoc(BAD_CAST xml, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING)))
        return 0;
    if ((ctxt = xmlXPathNewContext(doc))) {
        if ((obj = xmlXPathEval(BAD_CAST xpath, ctxt))) {
            if (obj->type == XPATH_STRING && obj->stringval)
                ret = g_ascii_strtoll((const char *)obj->stringval, NULL, 10);
            xmlXPathFreeObject(obj);
        }
        xmlXPathFreeContext(ctxt);
    }
    xmlFreeDoc(doc);
    return ret;
}


/* A string an XPath expression gives in a document, or NULL. */
char *
vshXMLString(const char *xml, const char *xpath)
{
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
    xmlXPathObjectPtr obj;
    char *ret = NULL;

    if (!xml ||
        !(doc = xmlReadDoc(BAD_CAST xml, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING)))
        return NULL;
    if ((ctxt = xmlXPathNewContext(doc))) {
        if ((obj = xmlXPathEval(BAD_CAST xpath, ctxt))) {
            if (obj->type == XPATH_STRING && obj->stringval &&
                obj->stringval[0])
                ret = g_strdup((const char *)obj->stringval);
            else if (obj->type == XPATH_BOOLEAN)
                ret = g_strdup(obj->boolval ? "1" : "");
            xmlXPathFreeObject(obj);
        }
        xmlXPathFreeContext(ctxt);
    }
    xmlFreeDoc(doc);
    return ret;
}


/* Append `pre`, `str` escaped for XML, then `post`. */
void
vshXMLEscapeTo(GString *buf, const char *pre, const char *str,
               const char *post)
{
    g_autofree char *esc = g_markup_escape_text(str, -1);
    const char *p;

    g_string_append(buf, pre);
    /* g_markup writes ' as &#39;, libvirt as &apos; */
    for (p = esc; *p; p++) {
        if (g_str_has_prefix(p, "&#39;")) {
            g_string_append(buf, "&apos;");
            p += 4;
        } else {
            g_string_append_c(buf, *p);
        }
    }
    g_string_append(buf, post);
}


typedef struct {
    void *handle;
    const char *name;
    char *parent;
} vshMomentEntry;


static int
vshMomentEntrySorter(const void *a, const void *b)
{
    const vshMomentEntry *ea = a;
    const vshMomentEntry *eb = b;

    return g_ascii_strcasecmp(ea->name, eb->name);
}


static bool
vshMomentTablePrint(vshControl *ctl, const vshMomentKind *kind,
                    vshMomentEntry *entries, size_t n, bool parents)
{
    const char *cols[2] = { NULL, NULL };
    size_t ncols = 0;
    g_autoptr(vshTable) table = NULL;
    size_t i;

    /* the optional columns; a NULL ends the list */
    if (kind->stateXPath)
        cols[ncols++] = "State";
    if (parents)
        cols[ncols++] = "Parent";
    table = vshTableNew("Name", "Creation Time", cols[0], cols[1], NULL);
    for (i = 0; i < n; i++) {
        g_autofree char *xml = NULL;
        g_autofree char *when = NULL;
        g_autofree char *state = NULL;
        const char *cells[4] = { NULL, NULL, NULL, NULL };
        size_t ncells = 0;

        if (!(xml = kind->getXML(entries[i].handle)))
            return false;
        when = vshFormatCreationTime(vshXMLNumber(xml, kind->timeXPath));
        cells[ncells++] = entries[i].name;
        cells[ncells++] = when;
        if (kind->stateXPath) {
            state = vshXMLString(xml, kind->stateXPath);
            cells[ncells++] = state ? state : "";
        }
        if (parents)
            cells[ncells++] = entries[i].parent ? entries[i].parent : "";
        vshTableAppend(table, cells[0], cells[1], cells[2], cells[3], NULL);
    }
    vshTablePrint(ctl, table);
    return true;
}


bool
vshMomentListPrint(vshControl *ctl, const vshMomentKind *kind, void *start,
                   void **handles, int count, bool tree, bool names,
                   bool parents, bool topological)
{
    g_autofree vshMomentEntry *entries = g_new0(vshMomentEntry, count + 2);
    size_t first = 0;
    size_t n = 0;
    bool ret = true;
    size_t i;

    /* a tree from one moment starts at that moment */
    if (start && tree) {
        entries[n++].handle = g_steal_pointer(&start);
        first = 1;
    }
    for (i = 0; i < (size_t)count; i++)
        entries[n++].handle = handles[i];
    g_free(handles);
    for (i = 0; i < n; i++) {
        entries[i].name = kind->getName(entries[i].handle);
        if ((tree || parents) && i >= first)
            entries[i].parent = kind->parentName(entries[i].handle);
    }
    if (!topological && n > first + 1)
        qsort(entries + first, n - first, sizeof(*entries),
              vshMomentEntrySorter);

    if (tree) {
        g_autofree vshTreeItem *items = g_new0(vshTreeItem, n + 1);

        for (i = 0; i < n; i++) {
            items[i].name = entries[i].name;
            items[i].parent = entries[i].parent;
        }
        vshTreePrint(ctl, items, n);
    } else if (names) {
        for (i = 0; i < n; i++)
            vshPrint(ctl, "%s\n", entries[i].name);
    } else {
        ret = vshMomentTablePrint(ctl, kind, entries, n, parents);
    }

    for (i = 0; i < n; i++) {
        kind->freeHandle(entries[i].handle);
        g_free(entries[i].parent);
    }
    if (start)
        kind->freeHandle(start);
    return ret;
}


bool
vshMomentDelete(vshControl *ctl, const vshCmd *cmd, const vshMomentKind *kind,
                void *handle, const char *name)
{
    unsigned int flags = 0;

    if (vshCmdOptBool(cmd, "children"))
        flags |= kind->delChildren;
    if (vshCmdOptBool(cmd, "children-only"))
        flags |= kind->delChildrenOnly;
    if (vshCmdOptBool(cmd, "metadata"))
        flags |= kind->delMetadata;

    if (kind->del(handle, flags) < 0) {
        vshError(ctl, "Failed to delete %s %s", kind->noun, name);
        return false;
    }
    if (flags & kind->delChildrenOnly)
        vshPrintExtra(ctl, "Domain %s %s children deleted\n", kind->noun,
                      name);
    else
        vshPrintExtra(ctl, "Domain %s %s deleted\n", kind->noun, name);
    return true;
}


bool
vshMomentPrintParent(vshControl *ctl, const vshMomentKind *kind,
                     void *handle, const char *name)
{
    g_autofree char *parent = kind->parentName(handle);

    if (!parent) {
        vshError(ctl, "%s '%s' has no parent", kind->noun, name);
        return false;
    }
    vshPrint(ctl, "%s", parent);
    return true;
}


/* ---- lookups ---- */

static void
vshCheckpointFree(void *ckpt)
{
    if (ckpt)
        virDomainCheckpointFree(ckpt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainCheckpoint, vshCheckpointFree)


/* The checkpoint --checkpointname names; virsh knows no "current" one. */
static virDomainCheckpointPtr
vshLookupCheckpoint(vshControl *ctl, const vshCmd *cmd, virDomainPtr dom,
                    const char **name)
{
    const char *str;
    int rc;

    if ((rc = vshCmdOptString(ctl, cmd, "checkpointname", &str)) < 0)
        return NULL;
    if (rc == 0) {
        vshError(ctl, "%s", "--checkpointname is required");
        return NULL;
    }
    if (name)
        *name = str;
    return virDomainCheckpointLookupByName(dom, str, 0);
}


/* The parent's name, or NULL (no error left behind) for a root. */
static char *
vshCheckpointParentName(void *ckpt)
{
    virDomainCheckpointPtr parent = virDomainCheckpointGetParent(ckpt, 0);
    char *name;

    if (!parent) {
        vshResetLibvirtError();
        return NULL;
    }
    name = g_strdup(virDomainCheckpointGetName(parent));
    virDomainCheckpointFree(parent);
    return name;
}


/* How the listing, delete and parent code shared with the snapshots
 * (vsh.h: vshMomentKind) reads these handles. */
static const char *
vshCkptName(void *handle)
{
    return virDomainCheckpointGetName(handle);
}


static char *
vshCkptXML(void *handle)
{
    return virDomainCheckpointGetXMLDesc(handle,
                                         VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
}


static int
vshCkptDelete(void *handle, unsigned int flags)
{
    return virDomainCheckpointDelete(handle, flags);
}


static const vshMomentKind vshCheckpointKind = {
    .noun = "checkpoint",
    .getName = vshCkptName,
    .getXML = vshCkptXML,
    .parentName = vshCheckpointParentName,
    .freeHandle = vshCheckpointFree,
    .timeXPath = "string(/domaincheckpoint/creationTime)",
    .del = vshCkptDelete,
    .delChildren = VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN,
    .delChildrenOnly = VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY,
    .delMetadata = VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY,
};


/* ---- checkpoint-create ---- */

static const vshCmdOptDef vshOptsCheckpointCreate[] = {
    VSH_OPT_DOMAIN,
    { "xmlfile", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "file with the checkpoint's XML (default: a checkpoint of every disk)" },
    { "redefine", VSH_OT_BOOL, 0, "describe a checkpoint that exists already" },
    { "redefine-validate", VSH_OT_BOOL, 0,
      "with --redefine, check the description against the disks" },
    { "quiesce", VSH_OT_BOOL, 0, "flush the guest's file systems first" },
    VSH_OPT_END
};


static bool
vshCheckpointCreate(vshControl *ctl, virDomainPtr dom, const char *xml,
                    unsigned int flags, const char *from)
{
    g_autoptr(virDomainCheckpoint) ckpt = NULL;

    if (!(ckpt = virDomainCheckpointCreateXML(dom, xml, flags)))
        return false;
    if (from)
        vshPrintExtra(ctl, "Domain checkpoint %s created from '%s'",
                      virDomainCheckpointGetName(ckpt), from);
    else
        vshPrintExtra(ctl, "Domain checkpoint %s created",
                      virDomainCheckpointGetName(ckpt));
    return true;
}


static bool
vshCmdCheckpointCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *file = NULL;
    unsigned int flags = 0;

    if (vshCmdOptBool(cmd, "redefine-validate") &&
        !vshCmdOptBool(cmd, "redefine")) {
        vshError(ctl, "%s",
                 "Option --redefine is required by option --redefine-validate");
        return false;
    }
    if (vshCmdOptBool(cmd, "redefine"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE;
    if (vshCmdOptBool(cmd, "redefine-validate"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE;
    if (vshCmdOptBool(cmd, "quiesce"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "xmlfile", &file) < 0)
        return false;
    if (file) {
        if (!(xml = vshReadFile(ctl, file)))
            return false;
    } else {
        xml = g_strdup("<domaincheckpoint/>");
    }
    return vshCheckpointCreate(ctl, dom, xml, flags, file);
}


/* ---- checkpoint-create-as ---- */

static const vshCmdOptDef vshOptsCheckpointCreateAs[] = {
    VSH_OPT_DOMAIN,
    { "name", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "what to call it" },
    { "description", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "a free-form description" },
    { "print-xml", VSH_OT_BOOL, 0, "only print the XML that would be used" },
    { "quiesce", VSH_OT_BOOL, 0, "flush the guest's file systems first" },
    { "diskspec", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED,
      "a disk: target[,checkpoint=bitmap|no][,bitmap=NAME]" },
    VSH_OPT_END
};


/* disk[,checkpoint=TYPE][,bitmap=NAME] as a <disk/> line. */
static bool
vshCheckpointDiskspec(vshControl *ctl, GString *buf, const char *spec)
{
    g_auto(GStrv) parts = g_strsplit(spec, ",", -1);
    const char *type = NULL;
    const char *bitmap = NULL;
    size_t i;

    for (i = 1; parts[i]; i++) {
        if (g_str_has_prefix(parts[i], "checkpoint=") && !type) {
            type = parts[i] + strlen("checkpoint=");
        } else if (g_str_has_prefix(parts[i], "bitmap=") && !bitmap) {
            bitmap = parts[i] + strlen("bitmap=");
        } else {
            vshError(ctl, "unable to parse diskspec: %s", spec);
            return false;
        }
    }
    vshXMLEscapeTo(buf, "    <disk name='", parts[0] ? parts[0] : "", "'");
    if (type)
        vshXMLEscapeTo(buf, " checkpoint='", type, "'");
    if (bitmap)
        vshXMLEscapeTo(buf, " bitmap='", bitmap, "'");
    g_string_append(buf, "/>\n");
    return true;
}


static bool
vshCmdCheckpointCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GString) buf = g_string_new("<domaincheckpoint>\n");
    const char *name = NULL;
    const char *desc = NULL;
    const char *spec;
    unsigned int flags = 0;
    size_t iter = 0;
    bool disks = false;

    if (vshCmdOptBool(cmd, "quiesce"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "name", &name) < 0 ||
        vshCmdOptString(ctl, cmd, "description", &desc) < 0)
        return false;

    if (name)
        vshXMLEscapeTo(buf, "  <name>", name, "</name>\n");
    if (desc)
        vshXMLEscapeTo(buf, "  <description>", desc, "</description>\n");
    while ((spec = vshCmdOptArgv(cmd, "diskspec", &iter))) {
        if (!disks)
            g_string_append(buf, "  <disks>\n");
        disks = true;
        if (!vshCheckpointDiskspec(ctl, buf, spec))
            return false;
    }
    if (disks)
        g_string_append(buf, "  </disks>\n");
    g_string_append(buf, "</domaincheckpoint>\n");

    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s\n", buf->str);
        return true;
    }
    return vshCheckpointCreate(ctl, dom, buf->str, flags, NULL);
}


/* ---- checkpoint-delete ---- */

static const vshCmdOptDef vshOptsCheckpointDelete[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_CKPTNAME("the checkpoint to delete"),
    { "children", VSH_OT_BOOL, 0, "its descendants go too" },
    { "children-only", VSH_OT_BOOL, 0, "delete its descendants, keep it" },
    { "metadata", VSH_OT_BOOL, 0, "forget it, leave the disk bitmaps alone" },
    VSH_OPT_END
};


static bool
vshCmdCheckpointDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainCheckpoint) ckpt = NULL;
    const char *name = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(ckpt = vshLookupCheckpoint(ctl, cmd, dom, &name)))
        return false;
    return vshMomentDelete(ctl, cmd, &vshCheckpointKind, ckpt, name);
}


/* ---- checkpoint-dumpxml ---- */

static const vshCmdOptDef vshOptsCheckpointDumpxml[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_CKPTNAME("the checkpoint to print"),
    { "security-info", VSH_OT_BOOL, 0, "include secrets such as passwords" },
    { "no-domain", VSH_OT_BOOL, 0, "leave the <domain> element out" },
    { "size", VSH_OT_BOOL, 0, "add how much a backup would copy" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};


static bool
vshCmdCheckpointDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainCheckpoint) ckpt = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;

    if (vshCmdOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_SECURE;
    if (vshCmdOptBool(cmd, "no-domain"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN;
    if (vshCmdOptBool(cmd, "size"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_SIZE;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(ckpt = vshLookupCheckpoint(ctl, cmd, dom, NULL)))
        return false;
    if (!(xml = virDomainCheckpointGetXMLDesc(ckpt, flags)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}


/* ---- checkpoint-edit ---- */

static const vshCmdOptDef vshOptsCheckpointEdit[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_CKPTNAME("the checkpoint to edit"),
    VSH_OPT_END
};


static bool
vshCmdCheckpointEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainCheckpoint) ckpt = NULL;
    g_autoptr(virDomainCheckpoint) edited = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *newxml = NULL;
    const char *name = NULL;
    unsigned int getflags = VIR_DOMAIN_CHECKPOINT_XML_SECURE;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(ckpt = vshLookupCheckpoint(ctl, cmd, dom, &name)))
        return false;
    if (!(xml = virDomainCheckpointGetXMLDesc(ckpt, getflags)))
        return false;
    if (!(newxml = vshEditString(ctl, xml))) {
        vshError(ctl, "Failed to update %s", name);
        return false;
    }
    if (strcmp(xml, newxml) == 0) {
        vshPrintExtra(ctl, "Checkpoint %s XML configuration not changed.\n",
                      name);
        return true;
    }
    if (!(edited = virDomainCheckpointCreateXML(dom, newxml,
                                                VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE)))
        goto failed;
    if (strcmp(virDomainCheckpointGetName(edited), name) != 0) {
        /* no renaming: drop what the edit made */
        if (virDomainCheckpointDelete(edited,
                                      VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY) < 0) {
            vshReportError(ctl);
            vshError(ctl, "Failed to clean up %s",
                     virDomainCheckpointGetName(edited));
            goto failed;
        }
        vshError(ctl, "Cannot rename checkpoint %s to %s", name,
                 virDomainCheckpointGetName(edited));
        goto failed;
    }
    vshPrintExtra(ctl, "Checkpoint %s edited.\n", name);
    return true;

 failed:
    vshReportError(ctl);
    vshError(ctl, "Failed to update %s", name);
    return false;
}


/* ---- checkpoint-info ---- */

static const vshCmdOptDef vshOptsCheckpointInfo[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_CKPTNAME("the checkpoint to describe"),
    VSH_OPT_END
};


static bool
vshCmdCheckpointInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainCheckpoint) ckpt = NULL;
    g_autofree char *parent = NULL;
    const char *name = NULL;
    int children;
    int descendants;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(ckpt = vshLookupCheckpoint(ctl, cmd, dom, &name)))
        return false;

    vshPrint(ctl, "%-15s %s\n", "Name:", name);
    vshPrint(ctl, "%-15s %s\n", "Domain:", virDomainGetName(dom));
    parent = vshCheckpointParentName(ckpt);
    vshPrint(ctl, "%-15s %s\n", "Parent:", parent ? parent : "-");

    if ((children = virDomainCheckpointListAllChildren(ckpt, NULL, 0)) < 0)
        return false;
    if ((descendants = virDomainCheckpointListAllChildren(ckpt, NULL,
                       VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS)) < 0)
        return false;
    vshPrint(ctl, "%-15s %d\n", "Children:", children);
    vshPrint(ctl, "%-15s %d\n", "Descendants:", descendants);
    return true;
}


/* ---- checkpoint-list ---- */

static const vshCmdOptDef vshOptsCheckpointList[] = {
    VSH_OPT_DOMAIN,
    { "parent", VSH_OT_BOOL, 0, "add a column with each one's parent" },
    { "roots", VSH_OT_BOOL, 0, "only those without a parent" },
    { "leaves", VSH_OT_BOOL, 0, "only those without children" },
    { "no-leaves", VSH_OT_BOOL, 0, "only those with children" },
    { "tree", VSH_OT_BOOL, 0, "draw them as a tree" },
    { "from", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "only the children of this checkpoint" },
    { "descendants", VSH_OT_BOOL, 0, "with --from, all of its descendants" },
    { "name", VSH_OT_BOOL, 0, "print names only" },
    { "topological", VSH_OT_BOOL, 0,
      "parents before children instead of sorting by name" },
    VSH_OPT_END
};



static bool
vshCmdCheckpointList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainCheckpoint) start = NULL;
    virDomainCheckpointPtr *ckpts = NULL;
    bool optTree = vshCmdOptBool(cmd, "tree");
    bool optParent = vshCmdOptBool(cmd, "parent");
    bool optTopo = vshCmdOptBool(cmd, "topological");
    const char *from = NULL;
    unsigned int flags = 0;
    int count;

    if (!vshCmdExclusive(ctl, cmd, "tree", "name") ||
        !vshCmdExclusive(ctl, cmd, "parent", "tree") ||
        !vshCmdExclusive(ctl, cmd, "roots", "tree") ||
        !vshCmdExclusive(ctl, cmd, "roots", "from"))
        return false;
    if (optTree && (vshCmdOptBool(cmd, "leaves") ||
                    vshCmdOptBool(cmd, "no-leaves"))) {
        vshError(ctl, "--%s and --tree are mutually exclusive",
                 vshCmdOptBool(cmd, "leaves") ? "leaves" : "no-leaves");
        return false;
    }
    if (vshCmdOptString(ctl, cmd, "from", &from) < 0)
        return false;
    if (vshCmdOptBool(cmd, "descendants") && !from) {
        vshError(ctl, "%s", "--descendants requires --from");
        return false;
    }

    if (vshCmdOptBool(cmd, "roots"))
        flags |= VIR_DOMAIN_CHECKPOINT_LIST_ROOTS;
    if (vshCmdOptBool(cmd, "leaves"))
        flags |= VIR_DOMAIN_CHECKPOINT_LIST_LEAVES;
    if (vshCmdOptBool(cmd, "no-leaves"))
        flags |= VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES;
    if (optTopo)
        flags |= VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (from) {
        if (!(start = virDomainCheckpointLookupByName(dom, from, 0)))
            return false;
        if (vshCmdOptBool(cmd, "descendants"))
            flags |= VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS;
        count = virDomainCheckpointListAllChildren(start, &ckpts, flags);
    } else {
        count = virDomainListAllCheckpoints(dom, &ckpts, flags);
    }
    if (count < 0)
        return false;
    return vshMomentListPrint(ctl, &vshCheckpointKind, g_steal_pointer(&start),
                              (void **)ckpts, count, optTree,
                              vshCmdOptBool(cmd, "name"), optParent, optTopo);
}


/* ---- checkpoint-parent ---- */

static const vshCmdOptDef vshOptsCheckpointParent[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_CKPTNAME("the checkpoint whose parent to print"),
    VSH_OPT_END
};


static bool
vshCmdCheckpointParent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainCheckpoint) ckpt = NULL;
    const char *name = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(ckpt = vshLookupCheckpoint(ctl, cmd, dom, &name)))
        return false;
    return vshMomentPrintParent(ctl, &vshCheckpointKind, ckpt, name);
}


const vshCmdDef vshCheckpointCmds[] = {
    { "checkpoint-create", vshCmdCheckpointCreate, vshOptsCheckpointCreate,
      "take a checkpoint from an XML description",
      "Starts tracking which blocks of the domain's disks change from now\n"
      "on, as the XML file says (or on every disk).  With --redefine the\n"
      "file describes a checkpoint taken before.", 0 },
    { "checkpoint-create-as", vshCmdCheckpointCreateAs,
      vshOptsCheckpointCreateAs,
      "take a checkpoint described by options",
      "Like checkpoint-create, but the XML is made from the options.", 0 },
    { "checkpoint-delete", vshCmdCheckpointDelete, vshOptsCheckpointDelete,
      "remove a checkpoint",
      "Deletes a checkpoint; its children then hang under its parent.", 0 },
    { "checkpoint-dumpxml", vshCmdCheckpointDumpxml, vshOptsCheckpointDumpxml,
      "print a checkpoint's XML",
      "Writes the XML description of a checkpoint to standard output.", 0 },
    { "checkpoint-edit", vshCmdCheckpointEdit, vshOptsCheckpointEdit,
      "change a checkpoint's XML in an editor",
      "Opens the checkpoint's XML in $VISUAL or $EDITOR and redefines the\n"
      "checkpoint from the result.", 0 },
    { "checkpoint-info", vshCmdCheckpointInfo, vshOptsCheckpointInfo,
      "show facts about a checkpoint",
      "Prints a checkpoint's name, domain, parent and number of\n"
      "descendants.", 0 },
    { "checkpoint-list", vshCmdCheckpointList, vshOptsCheckpointList,
      "list a domain's checkpoints",
      "Lists the checkpoints of a domain as a table, names or a tree.", 0 },
    { "checkpoint-parent", vshCmdCheckpointParent, vshOptsCheckpointParent,
      "print the name of a checkpoint's parent", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
