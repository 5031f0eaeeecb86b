/* vsh-cmd-snapshot.c: snapshot commands (the "snapshot" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Messages and layouts follow virsh 9.0; the tree printer and the time
 * format are shared with the checkpoint commands (vsh-cmd-checkpoint.c).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "vsh.h"


#define VSH_OPT_DOMAIN \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the domain, by name, id or UUID" }

#define VSH_OPT_SNAPNAME(helptext) \
    { "snapshotname", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, helptext }

#define VSH_OPT_CURRENT(helptext) \
    { "current", VSH_OT_BOOL, 0, helptext }


static void
vshSnapshotFree(void *snap)
{
    if (snap)
        virDomainSnapshotFree(snap);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSnapshot, vshSnapshotFree)


/* The snapshot --snapshotname names, or with --current the current one. */
static virDomainSnapshotPtr
vshLookupSnapshot(vshControl *ctl, const vshCmd *cmd, virDomainPtr dom,
                  const char **name)
{
    virDomainSnapshotPtr snap = NULL;
    bool current = vshCmdOptBool(cmd, "current");
    const char *str = NULL;

    if (vshCmdOptString(ctl, cmd, "snapshotname", &str) < 0)
        return NULL;
    if (str && current) {
        vshError(ctl, "%s", "--snapshotname and --current are mutually exclusive");
        return NULL;
    }
    if (str) {
        snap = virDomainSnapshotLookupByName(dom, str, 0);
    } else if (current) {
        snap = virDomainSnapshotCurrent(dom, 0);
    } else {
        vshError(ctl, "%s", "--snapshotname or --current is required");
        return NULL;
    }
    if (snap && name)
        *name = virDomainSnapshotGetName(snap);
    return snap;
}


/* The parent's name, or NULL (no error left behind) for a root. */
static char *
vshSnapshotParentName(void *snap)
{
    virDomainSnapshotPtr parent = virDomainSnapshotGetParent(snap, 0);
    char *name;

    if (!parent) {
        vshResetLibvirtError();
        return NULL;
    }
    name = g_strdup(virDomainSnapshotGetName(parent));
    virDomainSnapshotFree(parent);
    return name;
}


/* How the listing, delete and parent code shared with the checkpoints
 * (vsh.h: vshMomentKind) reads these handles. */
static const char *
vshSnapName(void *handle)
{
    return virDomainSnapshotGetName(handle);
}


static char *
vshSnapXML(void *handle)
{
    return virDomainSnapshotGetXMLDesc(handle, 0);
}


static int
vshSnapDelete(void *handle, unsigned int flags)
{
    return virDomainSnapshotDelete(handle, flags);
}


static const vshMomentKind vshSnapshotKind = {
    .noun = "snapshot",
    .getName = vshSnapName,
    .getXML = vshSnapXML,
    .parentName = vshSnapshotParentName,
    .freeHandle = vshSnapshotFree,
    .timeXPath = "string(/domainsnapshot/creationTime)",
    .stateXPath = "string(/domainsnapshot/state)",
    .del = vshSnapDelete,
    .delChildren = VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN,
    .delChildrenOnly = VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY,
    .delMetadata = VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY,
};


/* ---- snapshot-create ---- */

static const vshCmdOptDef vshOptsSnapshotCreate[] = {
    VSH_OPT_DOMAIN,
    { "xmlfile", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "file with the snapshot's XML (default: everything, internally)" },
    { "redefine", VSH_OT_BOOL, 0, "describe a snapshot that exists already" },
    VSH_OPT_CURRENT("with --redefine, make it the current snapshot"),
    { "no-metadata", VSH_OT_BOOL, 0, "take it, but keep no record of it" },
    { "halt", VSH_OT_BOOL, 0, "stop the domain once it is taken" },
    { "disk-only", VSH_OT_BOOL, 0, "only the disks, not the memory" },
    { "reuse-external", VSH_OT_BOOL, 0, "write into files that exist already" },
    { "quiesce", VSH_OT_BOOL, 0, "flush the guest's file systems first" },
    { "atomic", VSH_OT_BOOL, 0, "all or nothing" },
    { "live", VSH_OT_BOOL, 0, "let the domain run while it is taken" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static const struct {
    const char *opt;
    unsigned int flag;
} vshSnapshotCreateFlags[] = {
    { "redefine", VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE },
    { "current", VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT },
    { "no-metadata", VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA },
    { "halt", VIR_DOMAIN_SNAPSHOT_CREATE_HALT },
    { "disk-only", VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY },
    { "reuse-external", VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT },
    { "quiesce", VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE },
    { "atomic", VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC },
    { "live", VIR_DOMAIN_SNAPSHOT_CREATE_LIVE },
    { "validate", VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE },
};


static unsigned int
vshSnapshotFlags(const vshCmd *cmd)
{
    unsigned int flags = 0;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vshSnapshotCreateFlags); i++) {
        if (vshCmdOptDefLookup(cmd->def, vshSnapshotCreateFlags[i].opt) &&
            vshCmdOptBool(cmd, vshSnapshotCreateFlags[i].opt))
            flags |= vshSnapshotCreateFlags[i].flag;
    }
    return flags;
}


static bool
vshSnapshotCreate(vshControl *ctl, virDomainPtr dom, const char *xml,
                  unsigned int flags, const char *from)
{
    g_autoptr(virDomainSnapshot) snap = NULL;
    const char *name;

    if (!(snap = virDomainSnapshotCreateXML(dom, xml, flags)))
        return false;
    name = virDomainSnapshotGetName(snap);
    if (flags & VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA)
        vshPrintExtra(ctl, "Domain snapshot %s created", name);
    else if (from)
        vshPrintExtra(ctl, "Domain snapshot %s created from '%s'", name, from);
    else
        vshPrintExtra(ctl, "Domain snapshot %s created", name);
    return true;
}


static bool
vshCmdSnapshotCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *file = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "xmlfile", &file) < 0)
        return false;
    if (file) {
        if (!(xml = vshReadFile(ctl, file)))
            return false;
    } else {
        xml = g_strdup("<domainsnapshot/>");
    }
    return vshSnapshotCreate(ctl, dom, xml, vshSnapshotFlags(cmd), file);
}


/* ---- snapshot-create-as ---- */

static const vshCmdOptDef vshOptsSnapshotCreateAs[] = {
    VSH_OPT_DOMAIN,
    { "name", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "what to call it" },
    { "description", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "a free-form description" },
    { "print-xml", VSH_OT_BOOL, 0, "only print the XML that would be used" },
    { "no-metadata", VSH_OT_BOOL, 0, "take it, but keep no record of it" },
    { "halt", VSH_OT_BOOL, 0, "stop the domain once it is taken" },
    { "disk-only", VSH_OT_BOOL, 0, "only the disks, not the memory" },
    { "reuse-external", VSH_OT_BOOL, 0, "write into files that exist already" },
    { "quiesce", VSH_OT_BOOL, 0, "flush the guest's file systems first" },
    { "atomic", VSH_OT_BOOL, 0, "all or nothing" },
    { "live", VSH_OT_BOOL, 0, "let the domain run while it is taken" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    { "memspec", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "where the memory goes: [file=]PATH[,snapshot=TYPE]" },
    { "diskspec", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED,
      "a disk: target[,snapshot=TYPE][,driver=FMT][,stype=TYPE][,file=PATH]" },
    VSH_OPT_END
};


static bool
vshSnapshotMemspec(vshControl *ctl, GString *buf, const char *spec)
{
    g_auto(GStrv) parts = g_strsplit(spec, ",", -1);
    const char *file = NULL;
    const char *type = NULL;
    size_t i;

    for (i = 0; parts[i]; i++) {
        if (g_str_has_prefix(parts[i], "snapshot=") && !type) {
            type = parts[i] + strlen("snapshot=");
        } else if (g_str_has_prefix(parts[i], "file=") && !file) {
            file = parts[i] + strlen("file=");
        } else if (i == 0 && !strchr(parts[i], '=')) {
            file = parts[i];
        } else {
            vshError(ctl, "unable to parse memspec: %s", spec);
            return false;
        }
    }
    g_string_append(buf, "  <memory");
    if (type)
        vshXMLEscapeTo(buf, " snapshot='", type, "'");
    if (file)
        vshXMLEscapeTo(buf, " file='", file, "'");
    g_string_append(buf, "/>\n");
    return true;
}


static bool
vshSnapshotDiskspec(vshControl *ctl, GString *buf, const char *spec)
{
    g_auto(GStrv) parts = g_strsplit(spec, ",", -1);
    const char *type = NULL;
    const char *driver = NULL;
    const char *stype = NULL;
    const char *file = NULL;
    size_t i;

    for (i = 1; parts[i]; i++) {
        if (g_str_has_prefix(parts[i], "snapshot=") && !type)
            type = parts[i] + strlen("snapshot=");
        else if (g_str_has_prefix(parts[i], "driver=") && !driver)
            driver = parts[i] + strlen("driver=");
        else if (g_str_has_prefix(parts[i], "stype=") && !stype)
            stype = parts[i] + strlen("stype=");
        else if (g_str_has_prefix(parts[i], "file=") && !file)
            file = parts[i] + strlen("file=");
        else
            goto bad;
    }
    if (stype && strcmp(stype, "file") != 0 && strcmp(stype, "block") != 0)
        goto bad;

    vshXMLEscapeTo(buf, "    <disk name='", parts[0] ? parts[0] : "", "'");
    if (type)
        vshXMLEscapeTo(buf, " snapshot='", type, "'");
    if (stype || file)
        g_string_append_printf(buf, " type='%s'", stype ? stype : "file");
    if (!driver && !file) {
        g_string_append(buf, "/>\n");
        return true;
    }
    g_string_append(buf, ">\n");
    if (driver)
        vshXMLEscapeTo(buf, "      <driver type='", driver, "'/>\n");
    if (file)
        vshXMLEscapeTo(buf, stype && strcmp(stype, "block") == 0 ?
                       "      <source dev='" : "      <source file='",
                       file, "'/>\n");
    g_string_append(buf, "    </disk>\n");
    return true;

 bad:
    vshError(ctl, "unable to parse diskspec: %s", spec);
    return false;
}


static bool
vshCmdSnapshotCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GString) buf = g_string_new("<domainsnapshot>\n");
    const char *name = NULL;
    const char *desc = NULL;
    const char *memspec = NULL;
    const char *spec;
    size_t iter = 0;
    bool disks = false;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "name", &name) < 0 ||
        vshCmdOptString(ctl, cmd, "description", &desc) < 0 ||
        vshCmdOptString(ctl, cmd, "memspec", &memspec) < 0)
        return false;

    if (name)
        vshXMLEscapeTo(buf, "  <name>", name, "</name>\n");
    if (desc)
        vshXMLEscapeTo(buf, "  <description>", desc, "</description>\n");
    if (memspec && !vshSnapshotMemspec(ctl, buf, memspec))
        return false;
    while ((spec = vshCmdOptArgv(cmd, "diskspec", &iter))) {
        if (!disks)
            g_string_append(buf, "  <disks>\n");
        disks = true;
        if (!vshSnapshotDiskspec(ctl, buf, spec))
            return false;
    }
    if (disks)
        g_string_append(buf, "  </disks>\n");
    g_string_append(buf, "</domainsnapshot>\n");

    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s\n", buf->str);
        return true;
    }
    return vshSnapshotCreate(ctl, dom, buf->str, vshSnapshotFlags(cmd), NULL);
}


/* ---- snapshot-current ---- */

static const vshCmdOptDef vshOptsSnapshotCurrent[] = {
    VSH_OPT_DOMAIN,
    { "name", VSH_OT_BOOL, 0, "print only its name" },
    { "security-info", VSH_OT_BOOL, 0, "include secrets such as passwords" },
    { "snapshotname", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "make this snapshot the current one" },
    VSH_OPT_END
};


static bool
vshCmdSnapshotCurrent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) snap = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *name = NULL;
    int has;

    if (vshCmdOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_SNAPSHOT_XML_SECURE;
    if (vshCmdOptString(ctl, cmd, "snapshotname", &name) < 0)
        return false;
    if (name && vshCmdOptBool(cmd, "name")) {
        vshError(ctl, "%s", "Options --name and --snapshotname are mutually exclusive");
        return false;
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (name) {
        g_autoptr(virDomainSnapshot) made = NULL;

        if (!(snap = virDomainSnapshotLookupByName(dom, name, 0)) ||
            !(xml = virDomainSnapshotGetXMLDesc(snap,
                                                VIR_DOMAIN_SNAPSHOT_XML_SECURE)) ||
            !(made = virDomainSnapshotCreateXML(dom, xml,
                                                VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                                                VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT)))
            return false;
        vshPrintExtra(ctl, "Snapshot %s set as current", name);
        return true;
    }

    if ((has = virDomainHasCurrentSnapshot(dom, 0)) < 0)
        return false;
    if (has == 0) {
        vshError(ctl, "domain '%s' has no current snapshot",
                 virDomainGetName(dom));
        return false;
    }
    if (!(snap = virDomainSnapshotCurrent(dom, 0)))
        return false;
    if (vshCmdOptBool(cmd, "name")) {
        vshPrint(ctl, "%s", virDomainSnapshotGetName(snap));
        return true;
    }
    if (!(xml = virDomainSnapshotGetXMLDesc(snap, flags)))
        return false;
    vshPrint(ctl, "%s", xml);
    return true;
}


/* ---- snapshot-delete ---- */

static const vshCmdOptDef vshOptsSnapshotDelete[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_SNAPNAME("the snapshot to delete"),
    VSH_OPT_CURRENT("delete the current snapshot"),
    { "children", VSH_OT_BOOL, 0, "its descendants go too" },
    { "children-only", VSH_OT_BOOL, 0, "delete its descendants, keep it" },
    { "metadata", VSH_OT_BOOL, 0, "forget it, leave its data alone" },
    VSH_OPT_END
};


static bool
vshCmdSnapshotDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) snap = NULL;
    const char *name = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(snap = vshLookupSnapshot(ctl, cmd, dom, &name)))
        return false;
    return vshMomentDelete(ctl, cmd, &vshSnapshotKind, snap, name);
}


/* ---- snapshot-dumpxml ---- */

static const vshCmdOptDef vshOptsSnapshotDumpxml[] = {
    VSH_OPT_DOMAIN,
    { "snapshotname", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the snapshot to print" },
    { "security-info", VSH_OT_BOOL, 0, "include secrets such as passwords" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};


static bool
vshCmdSnapshotDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) snap = NULL;
    g_autofree char *xml = NULL;
    const char *name;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "snapshotname", &name) <= 0)
        return false;
    if (!(snap = virDomainSnapshotLookupByName(dom, name, 0)))
        return false;
    if (!(xml = virDomainSnapshotGetXMLDesc(snap,
                                            vshCmdOptBool(cmd, "security-info") ?
                                            VIR_DOMAIN_SNAPSHOT_XML_SECURE : 0)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}


/* ---- snapshot-edit ---- */

static const vshCmdOptDef vshOptsSnapshotEdit[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_SNAPNAME("the snapshot to edit"),
    VSH_OPT_CURRENT("also make the edited snapshot the current one"),
    { "rename", VSH_OT_BOOL, 0, "a new name in the XML renames it" },
    { "clone", VSH_OT_BOOL, 0, "a new name in the XML copies it" },
    VSH_OPT_END
};


static bool
vshCmdSnapshotEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) snap = NULL;
    g_autoptr(virDomainSnapshot) edited = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *newxml = NULL;
    g_autofree char *name = NULL;
    const char *snapname = NULL;
    const char *newname;
    unsigned int flags = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE;
    bool rename = vshCmdOptBool(cmd, "rename");
    bool clone = vshCmdOptBool(cmd, "clone");

    if (!vshCmdExclusive(ctl, cmd, "rename", "clone"))
        return false;
    if (vshCmdOptString(ctl, cmd, "snapshotname", &snapname) < 0)
        return false;
    if (vshCmdOptBool(cmd, "current") && snapname)
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (snapname)
        snap = virDomainSnapshotLookupByName(dom, snapname, 0);
    else if (vshCmdOptBool(cmd, "current"))
        snap = virDomainSnapshotCurrent(dom, 0);
    else
        vshError(ctl, "%s", "--snapshotname or --current is required");
    if (!snap)
        return false;
    name = g_strdup(virDomainSnapshotGetName(snap));

    if (!(xml = virDomainSnapshotGetXMLDesc(snap,
                                            VIR_DOMAIN_SNAPSHOT_XML_SECURE)))
        return false;
    if (!(newxml = vshEditString(ctl, xml))) {
        vshError(ctl, "Failed to update %s", name);
        return false;
    }
    if (strcmp(xml, newxml) == 0) {
        vshPrintExtra(ctl, "Snapshot %s XML configuration not changed.\n",
                      name);
        return true;
    }
    if (!(edited = virDomainSnapshotCreateXML(dom, newxml, flags)))
        goto failed;
    newname = virDomainSnapshotGetName(edited);
    if (strcmp(name, newname) == 0) {
        vshPrintExtra(ctl, "Snapshot %s edited.\n", name);
    } else if (clone) {
        vshPrintExtra(ctl, "Snapshot %s cloned to %s.\n", name, newname);
    } else {
        /* renaming drops the old record, refusing drops the new one */
        if (virDomainSnapshotDelete(rename ? snap : edited,
                                    VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY) < 0) {
            vshReportError(ctl);
            vshError(ctl, "Failed to clean up %s", rename ? name : newname);
            goto failed;
        }
        if (!rename) {
            vshError(ctl, "Must use --rename or --clone to change %s to %s",
                     name, newname);
            goto failed;
        }
    }
    return true;

 failed:
    vshReportError(ctl);
    vshError(ctl, "Failed to update %s", name);
    return false;
}


/* ---- snapshot-info ---- */

static const vshCmdOptDef vshOptsSnapshotInfo[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_SNAPNAME("the snapshot to describe"),
    VSH_OPT_CURRENT("describe the current snapshot"),
    VSH_OPT_END
};


static bool
vshCmdSnapshotInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) snap = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *state = NULL;
    g_autofree char *parent = NULL;
    g_autofree char *ext = NULL;
    g_autofree char *internal = NULL;
    const char *name = NULL;
    const char *location;
    int current;
    int children;
    int descendants;
    int meta;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(snap = vshLookupSnapshot(ctl, cmd, dom, &name)))
        return false;

    vshPrint(ctl, "%-15s %s\n", "Name:", name);
    vshPrint(ctl, "%-15s %s\n", "Domain:", virDomainGetName(dom));

    if ((current = virDomainSnapshotIsCurrent(snap, 0)) < 0)
        return false;
    vshPrint(ctl, "%-15s %s\n", "Current:", current ? "yes" : "no");

    if (!(xml = virDomainSnapshotGetXMLDesc(snap, 0)))
        return false;
    state = vshXMLString(xml, "string(/domainsnapshot/state)");
    vshPrint(ctl, "%-15s %s\n", "State:", state ? state : "");

    ext = vshXMLString(xml, "boolean(/domainsnapshot/memory[@snapshot='external']"
                       " | /domainsnapshot/disks/disk[@snapshot='external'])");
    internal = vshXMLString(xml, "boolean(/domainsnapshot/memory[@snapshot='internal']"
                            " | /domainsnapshot/disks/disk[@snapshot='internal'])");
    if (ext && *ext)
        location = internal && *internal ? "internal and external" : "external";
    else
        location = internal && *internal ? "internal" : "none";
    vshPrint(ctl, "%-15s %s\n", "Location:", location);

    parent = vshSnapshotParentName(snap);
    vshPrint(ctl, "%-15s %s\n", "Parent:", parent ? parent : "-");

    if ((children = virDomainSnapshotNumChildren(snap, 0)) < 0 ||
        (descendants = virDomainSnapshotNumChildren(snap,
                       VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS)) < 0)
        return false;
    vshPrint(ctl, "%-15s %d\n", "Children:", children);
    vshPrint(ctl, "%-15s %d\n", "Descendants:", descendants);

    if ((meta = virDomainSnapshotHasMetadata(snap, 0)) < 0)
        return false;
    vshPrint(ctl, "%-15s %s\n", "Metadata:", meta ? "yes" : "no");
    return true;
}


/* ---- snapshot-list ---- */

static const vshCmdOptDef vshOptsSnapshotList[] = {
    VSH_OPT_DOMAIN,
    { "parent", VSH_OT_BOOL, 0, "add a column with each one's parent" },
    { "roots", VSH_OT_BOOL, 0, "only those without a parent" },
    { "leaves", VSH_OT_BOOL, 0, "only those without children" },
    { "no-leaves", VSH_OT_BOOL, 0, "only those with children" },
    { "metadata", VSH_OT_BOOL, 0, "only those the library keeps a record of" },
    { "no-metadata", VSH_OT_BOOL, 0, "only those it keeps no record of" },
    { "inactive", VSH_OT_BOOL, 0, "only those taken while shut off" },
    { "active", VSH_OT_BOOL, 0, "only those taken while running" },
    { "disk-only", VSH_OT_BOOL, 0, "only those of the disks alone" },
    { "internal", VSH_OT_BOOL, 0, "only those stored inside the images" },
    { "external", VSH_OT_BOOL, 0, "only those stored in other files" },
    { "tree", VSH_OT_BOOL, 0, "draw them as a tree" },
    { "from", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "only the children of this snapshot" },
    VSH_OPT_CURRENT("only the children of the current snapshot"),
    { "descendants", VSH_OT_BOOL, 0,
      "with --from or --current, all descendants" },
    { "name", VSH_OT_BOOL, 0, "print names only" },
    { "topological", VSH_OT_BOOL, 0,
      "parents before children instead of sorting by name" },
    VSH_OPT_END
};

static const struct {
    const char *opt;
    unsigned int flag;
    bool noTree;          /* refused together with --tree */
} vshSnapshotListFilters[] = {
    { "leaves", VIR_DOMAIN_SNAPSHOT_LIST_LEAVES, true },
    { "no-leaves", VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES, true },
    { "metadata", VIR_DOMAIN_SNAPSHOT_LIST_METADATA, false },
    { "no-metadata", VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA, false },
    { "inactive", VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE, true },
    { "active", VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE, true },
    { "disk-only", VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY, true },
    { "internal", VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL, true },
    { "external", VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL, true },
};



static bool
vshSnapshotListCheck(vshControl *ctl, const vshCmd *cmd, const char *from)
{
    bool optTree = vshCmdOptBool(cmd, "tree");
    bool current = vshCmdOptBool(cmd, "current");
    size_t i;

    if (!vshCmdExclusive(ctl, cmd, "tree", "name") ||
        !vshCmdExclusive(ctl, cmd, "parent", "tree") ||
        !vshCmdExclusive(ctl, cmd, "roots", "tree") ||
        !vshCmdExclusive(ctl, cmd, "roots", "from") ||
        !vshCmdExclusive(ctl, cmd, "roots", "current"))
        return false;
    for (i = 0; optTree && i < G_N_ELEMENTS(vshSnapshotListFilters); i++) {
        if (vshSnapshotListFilters[i].noTree &&
            vshCmdOptBool(cmd, vshSnapshotListFilters[i].opt)) {
            vshError(ctl, "--%s and --tree are mutually exclusive",
                     vshSnapshotListFilters[i].opt);
            return false;
        }
    }
    if (from && current) {
        vshError(ctl, "%s", "--from and --current are mutually exclusive");
        return false;
    }
    if (vshCmdOptBool(cmd, "descendants") && !from && !current) {
        vshError(ctl, "%s", "--descendants requires either --from or --current");
        return false;
    }
    return true;
}


static bool
vshCmdSnapshotList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) start = NULL;
    virDomainSnapshotPtr *snaps = NULL;
    bool optTree = vshCmdOptBool(cmd, "tree");
    bool optParent = vshCmdOptBool(cmd, "parent");
    bool optTopo = vshCmdOptBool(cmd, "topological");
    const char *from = NULL;
    unsigned int flags = 0;
    int count;
    size_t i;

    if (vshCmdOptString(ctl, cmd, "from", &from) < 0)
        return false;
    if (!vshSnapshotListCheck(ctl, cmd, from))
        return false;

    if (vshCmdOptBool(cmd, "roots"))
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_ROOTS;
    if (optTopo)
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL;
    for (i = 0; i < G_N_ELEMENTS(vshSnapshotListFilters); i++) {
        if (vshCmdOptBool(cmd, vshSnapshotListFilters[i].opt))
            flags |= vshSnapshotListFilters[i].flag;
    }

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (from) {
        if (!(start = virDomainSnapshotLookupByName(dom, from, 0)))
            return false;
    } else if (vshCmdOptBool(cmd, "current")) {
        if (!(start = virDomainSnapshotCurrent(dom, 0)))
            return false;
    }

    if (start) {
        if (vshCmdOptBool(cmd, "descendants"))
            flags |= VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS;
        count = virDomainSnapshotListAllChildren(start, &snaps, flags);
    } else {
        count = virDomainListAllSnapshots(dom, &snaps, flags);
    }
    if (count < 0)
        return false;
    return vshMomentListPrint(ctl, &vshSnapshotKind, g_steal_pointer(&start),
                              (void **)snaps, count, optTree,
                              vshCmdOptBool(cmd, "name"), optParent, optTopo);
}


/* ---- snapshot-parent ---- */

static const vshCmdOptDef vshOptsSnapshotParent[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_SNAPNAME("the snapshot whose parent to print"),
    VSH_OPT_CURRENT("the parent of the current snapshot"),
    VSH_OPT_END
};


static bool
vshCmdSnapshotParent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) snap = NULL;
    const char *name = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(snap = vshLookupSnapshot(ctl, cmd, dom, &name)))
        return false;
    return vshMomentPrintParent(ctl, &vshSnapshotKind, snap, name);
}


/* ---- snapshot-revert ---- */

static const vshCmdOptDef vshOptsSnapshotRevert[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_SNAPNAME("the snapshot to go back to"),
    VSH_OPT_CURRENT("go back to the current snapshot"),
    { "running", VSH_OT_BOOL, 0, "leave the domain running afterwards" },
    { "paused", VSH_OT_BOOL, 0, "leave the domain paused afterwards" },
    { "force", VSH_OT_BOOL, 0, "go ahead even where it is risky" },
    { "reset-nvram", VSH_OT_BOOL, 0, "start from a fresh copy of the NVRAM template" },
    VSH_OPT_END
};


static bool
vshCmdSnapshotRevert(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomainSnapshot) snap = NULL;
    const char *name = NULL;
    unsigned int flags = 0;
    bool force = vshCmdOptBool(cmd, "force");
    int rc;

    if (vshCmdOptBool(cmd, "running"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING;
    if (vshCmdOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED;
    if (vshCmdOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(snap = vshLookupSnapshot(ctl, cmd, dom, &name)))
        return false;

    /* a risky revert is retried with --force only when asked to */
    rc = virDomainRevertToSnapshot(snap, flags);
    if (rc < 0 && force && vshLibvirtErrorIs(VIR_ERR_SNAPSHOT_REVERT_RISKY)) {
        vshResetLibvirtError();
        rc = virDomainRevertToSnapshot(snap,
                                       flags | VIR_DOMAIN_SNAPSHOT_REVERT_FORCE);
    }
    if (rc < 0) {
        vshError(ctl, "Failed to revert snapshot %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain snapshot %s reverted\n", name);
    return true;
}


const vshCmdDef vshSnapshotCmds[] = {
    { "snapshot-create", vshCmdSnapshotCreate, vshOptsSnapshotCreate,
      "take a snapshot from an XML description",
      "Saves the state of a domain's disks (and memory, if it runs) as the\n"
      "XML file says.  With --redefine the file describes a snapshot\n"
      "taken before.", 0 },
    { "snapshot-create-as", vshCmdSnapshotCreateAs, vshOptsSnapshotCreateAs,
      "take a snapshot described by options",
      "Like snapshot-create, but the XML is made from the options.", 0 },
    { "snapshot-current", vshCmdSnapshotCurrent, vshOptsSnapshotCurrent,
      "show or choose the current snapshot",
      "Prints the current snapshot's XML (or name), or makes another\n"
      "snapshot the current one.", 0 },
    { "snapshot-delete", vshCmdSnapshotDelete, vshOptsSnapshotDelete,
      "remove a snapshot",
      "Deletes a snapshot; its children then hang under its parent.", 0 },
    { "snapshot-dumpxml", vshCmdSnapshotDumpxml, vshOptsSnapshotDumpxml,
      "print a snapshot's XML",
      "Writes the XML description of a snapshot to standard output.", 0 },
    { "snapshot-edit", vshCmdSnapshotEdit, vshOptsSnapshotEdit,
      "change a snapshot's XML in an editor",
      "Opens the snapshot's XML in $VISUAL or $EDITOR and redefines the\n"
      "snapshot from the result.", 0 },
    { "snapshot-info", vshCmdSnapshotInfo, vshOptsSnapshotInfo,
      "show facts about a snapshot",
      "Prints a snapshot's name, state, location, parent and descendants.", 0 },
    { "snapshot-list", vshCmdSnapshotList, vshOptsSnapshotList,
      "list a domain's snapshots",
      "Lists the snapshots of a domain as a table, names or a tree.", 0 },
    { "snapshot-parent", vshCmdSnapshotParent, vshOptsSnapshotParent,
      "print the name of a snapshot's parent", NULL, 0 },
    { "snapshot-revert", vshCmdSnapshotRevert, vshOptsSnapshotRevert,
      "bring a domain back to a snapshot",
      "Returns the domain to the state saved in a snapshot.", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
