/* vsh-cmd-volume.c: commands that create, change and remove storage
 * volumes (the "volume" group; the read-only ones are in vsh-cmd-pool.c).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "vsh.h"

#define VSH_OPT_VOL \
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the volume, by name (with --pool), key or path" }
#define VSH_OPT_VOL_POOL \
    { "pool", VSH_OT_STRING, 0, "the pool holding it, by name or UUID" }


/* A size like virsh's: a whole number with an optional unit (k, M, GiB,
 * KB for powers of 1000, ...); bytes when there is none. */
static bool
vshVolSize(vshControl *ctl, const char *str, unsigned long long *out)
{
    static const char units[] = "bkmgtpe";
    unsigned long long val, scale = 1;
    const char *p = str;
    char *end = NULL;

    while (g_ascii_isspace(*p))
        p++;
    errno = 0;
    if (*p == '-' || (val = strtoull(p, &end, 10), errno != 0) || end == p) {
        vshError(ctl, "Malformed size %s", str);
        return false;
    }
    if (*end) {
        const char *pos = strchr(units, g_ascii_tolower(*end));
        unsigned long long base;
        size_t power;

        if (end[1] == '\0' || g_ascii_strcasecmp(end + 1, "iB") == 0)
            base = 1024;
        else if ((end[1] == 'b' || end[1] == 'B') && end[2] == '\0')
            base = 1000;
        else
            pos = NULL;
        if (!pos) {
            vshError(ctl, "Malformed size %s", str);
            vshError(ctl, "invalid argument: unknown suffix '%s'", end);
            return false;
        }
        for (power = pos - units; power > 0; power--)
            scale *= base;
    }
    if (val && val > G_MAXUINT64 / scale) {
        vshError(ctl, "Malformed size %s", str);
        vshError(ctl, "numerical overflow: value too large: %s", str);
        return false;
    }
    *out = val * scale;
    return true;
}


static void
vshXMLDocFree(xmlDocPtr doc)
{
    if (doc)
        xmlFreeDoc(doc);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, vshXMLDocFree)


/* ---- vol-create, vol-create-from ----------------------------------- */

static const vshCmdOptDef vshOptsVolCreate[] = {
    { "pool", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the pool to create it in" },
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the volume's XML description" },
    { "prealloc-metadata", VSH_OT_BOOL, 0, "allocate only the metadata (qcow2)" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdVolCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_STORAGE_VOL_CREATE_VALIDATE;
    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(vol = virStorageVolCreateXML(pool, xml, flags))) {
        vshError(ctl, "Failed to create vol from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s created from %s\n", virStorageVolGetName(vol), file);
    return true;
}


static const vshCmdOptDef vshOptsVolCreateFrom[] = {
    { "pool", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the pool to create it in" },
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the new volume's XML description" },
    VSH_OPT_VOL,
    { "inputpool", VSH_OT_STRING, 0, "the pool of the volume to copy" },
    { "prealloc-metadata", VSH_OT_BOOL, 0, "allocate only the metadata (qcow2)" },
    { "reflink", VSH_OT_BOOL, 0, "copy on write where the file system can" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdVolCreateFrom(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) input = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(input = vshLookupVolume(ctl, cmd, "vol", "inputpool",
                                  VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (vshCmdOptBool(cmd, "reflink"))
        flags |= VIR_STORAGE_VOL_CREATE_REFLINK;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_STORAGE_VOL_CREATE_VALIDATE;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(vol = virStorageVolCreateXMLFrom(pool, xml, input, flags))) {
        vshError(ctl, "Failed to create vol from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s created from input vol %s\n",
                  virStorageVolGetName(vol), virStorageVolGetName(input));
    return true;
}


/* ---- vol-create-as ------------------------------------------------- */

static const vshCmdOptDef vshOptsVolCreateAs[] = {
    { "pool", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the pool to create it in" },
    { "name", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "name of the new volume" },
    { "capacity", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "its size, with an optional unit (bytes by default)" },
    { "allocation", VSH_OT_STRING, 0, "space to allocate now, with an optional unit" },
    { "format", VSH_OT_STRING, 0, "file format (raw, qcow2, qed, vmdk, ...)" },
    { "backing-vol", VSH_OT_STRING, 0, "volume the new one records changes against" },
    { "backing-vol-format", VSH_OT_STRING, 0, "format of the backing volume" },
    { "prealloc-metadata", VSH_OT_BOOL, 0, "allocate only the metadata (qcow2)" },
    { "print-xml", VSH_OT_BOOL, 0, "print the XML that would be used and stop" },
    VSH_OPT_END
};

static bool
vshCmdVolCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autoptr(GString) xml = g_string_new(NULL);
    const char *name, *capStr, *allocStr = NULL, *format = NULL;
    const char *backing = NULL, *backingFormat = NULL;
    unsigned long long capacity, allocation;
    unsigned int flags = 0;

    if (vshCmdOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (!(pool = vshLookupPool(ctl, cmd, "pool", VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "name", &name) <= 0 ||
        vshCmdOptString(ctl, cmd, "capacity", &capStr) <= 0)
        return false;
    if (!vshVolSize(ctl, capStr, &capacity))
        return false;
    if (vshCmdOptString(ctl, cmd, "allocation", &allocStr) < 0)
        return false;
    if (allocStr && !vshVolSize(ctl, allocStr, &allocation))
        return false;
    if (vshCmdOptString(ctl, cmd, "format", &format) < 0 ||
        vshCmdOptString(ctl, cmd, "backing-vol", &backing) < 0 ||
        vshCmdOptString(ctl, cmd, "backing-vol-format", &backingFormat) < 0)
        return false;

    g_string_append(xml, "<volume>\n");
    g_string_append_printf(xml, "  <name>%s</name>\n", name);
    g_string_append_printf(xml, "  <capacity>%llu</capacity>\n", capacity);
    if (allocStr)
        g_string_append_printf(xml, "  <allocation>%llu</allocation>\n", allocation);
    if (format)
        g_string_append_printf(xml, "  <target>\n"
                               "    <format type='%s'/>\n"
                               "  </target>\n", format);
    if (backing) {
        g_autoptr(virStorageVol) bvol = NULL;
        g_autofree char *bpath = NULL;

        /* by name in the same pool, then by key, then by path */
        if (!(bvol = virStorageVolLookupByName(pool, backing))) {
            vshResetLibvirtError();
            if (!(bvol = virStorageVolLookupByKey(ctl->conn, backing))) {
                vshResetLibvirtError();
                bvol = virStorageVolLookupByPath(ctl->conn, backing);
            }
        }
        if (!bvol) {
            vshError(ctl, "failed to get vol '%s'", backing);
            return false;
        }
        if (!(bpath = virStorageVolGetPath(bvol))) {
            vshError(ctl, "failed to get backing vol path '%s'", backing);
            return false;
        }
        g_string_append_printf(xml, "  <backingStore>\n"
                               "    <path>%s</path>\n", bpath);
        if (backingFormat)
            g_string_append_printf(xml, "    <format type='%s'/>\n", backingFormat);
        g_string_append(xml, "  </backingStore>\n");
    }
    g_string_append(xml, "</volume>\n");

    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml->str);
        return true;
    }
    if (!(vol = virStorageVolCreateXML(pool, xml->str, flags))) {
        vshError(ctl, "Failed to create vol %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s created\n", name);
    return true;
}


/* ---- vol-clone ----------------------------------------------------- */

static const vshCmdOptDef vshOptsVolClone[] = {
    VSH_OPT_VOL,
    { "newname", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "name of the copy" },
    VSH_OPT_VOL_POOL,
    { "prealloc-metadata", VSH_OT_BOOL, 0, "allocate only the metadata (qcow2)" },
    { "reflink", VSH_OT_BOOL, 0, "copy on write where the file system can" },
    { "print-xml", VSH_OT_BOOL, 0, "print the XML that would be used and stop" },
    VSH_OPT_END
};

static bool
vshCmdVolClone(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) orig = NULL;
    g_autoptr(virStorageVol) vol = NULL;
    g_autoptr(virStoragePool) pool = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree char *origxml = NULL;
    g_autofree char *newxml = NULL;
    unsigned int flags = 0;
    const char *newname, *name;
    xmlNodePtr root, cur;
    xmlBufferPtr buf;

    if (!(orig = vshLookupVolume(ctl, cmd, "vol", "pool",
                                 VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, &name)))
        return false;
    if (!(pool = virStoragePoolLookupByVolume(orig))) {
        vshError(ctl, "%s", "failed to get parent pool");
        return false;
    }
    if (vshCmdOptString(ctl, cmd, "newname", &newname) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (vshCmdOptBool(cmd, "reflink"))
        flags |= VIR_STORAGE_VOL_CREATE_REFLINK;
    if (!(origxml = virStorageVolGetXMLDesc(orig, 0)))
        return false;

    /* the original's description under the new name */
    if (!(doc = xmlReadMemory(origxml, strlen(origxml), "volume.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING |
                              XML_PARSE_NOERROR)) ||
        !(root = xmlDocGetRootElement(doc))) {
        vshError(ctl, "%s", "Failed to parse the volume's XML description");
        return false;
    }
    for (cur = root->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE && xmlStrEqual(cur->name, BAD_CAST "name"))
            break;
    }
    if (!cur) {
        vshError(ctl, "%s", "The volume's XML description has no name");
        return false;
    }
    xmlNodeSetContent(cur, BAD_CAST newname);
    buf = xmlBufferCreate();
    xmlNodeDump(buf, doc, root, 0, 0);
    newxml = g_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);

    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", newxml);
        return true;
    }
    if (!(vol = virStorageVolCreateXMLFrom(pool, newxml, orig, flags))) {
        vshError(ctl, "Failed to clone vol from %s", virStorageVolGetName(orig));
        return false;
    }
    vshPrintExtra(ctl, "Vol %s cloned from %s\n", newname,
                  virStorageVolGetName(orig));
    return true;
}


/* ---- vol-delete, vol-wipe ------------------------------------------ */

static const vshCmdOptDef vshOptsVolDelete[] = {
    VSH_OPT_VOL,
    VSH_OPT_VOL_POOL,
    { "delete-snapshots", VSH_OT_BOOL, 0, "also delete the volume's snapshots" },
    VSH_OPT_END
};

static bool
vshCmdVolDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    unsigned int flags = 0;
    const char *name;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, &name)))
        return false;
    if (vshCmdOptBool(cmd, "delete-snapshots"))
        flags |= VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS;
    if (virStorageVolDelete(vol, flags) < 0) {
        vshError(ctl, "Failed to delete vol %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s deleted\n", name);
    return true;
}


static const vshCmdOptDef vshOptsVolWipe[] = {
    VSH_OPT_VOL,
    VSH_OPT_VOL_POOL,
    { "algorithm", VSH_OT_STRING, 0, "pattern to overwrite the data with (zero, nnsa, dod, ...)" },
    VSH_OPT_END
};

static const char *const vshWipeAlgorithms[] = {
    "zero", "nnsa", "dod", "bsi", "gutmann", "schneier", "pfitzner7",
    "pfitzner33", "random", "trim", NULL,
};

static bool
vshCmdVolWipe(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    const char *algorithm = NULL;
    const char *name;
    int alg = VIR_STORAGE_VOL_WIPE_ALG_ZERO;
    int rc;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "algorithm", &algorithm) < 0)
        return false;
    if (algorithm) {
        for (alg = 0; vshWipeAlgorithms[alg]; alg++) {
            if (strcmp(vshWipeAlgorithms[alg], algorithm) == 0)
                break;
        }
        if (!vshWipeAlgorithms[alg]) {
            vshError(ctl, "Unsupported algorithm '%s'", algorithm);
            return false;
        }
    }
    if (alg == VIR_STORAGE_VOL_WIPE_ALG_ZERO)
        rc = virStorageVolWipe(vol, 0);
    else
        rc = virStorageVolWipePattern(vol, alg, 0);
    if (rc < 0) {
        vshError(ctl, "Failed to wipe vol %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s wiped\n", name);
    return true;
}


/* ---- vol-resize ---------------------------------------------------- */

static const vshCmdOptDef vshOptsVolResize[] = {
    VSH_OPT_VOL,
    { "capacity", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the new size (or, with --delta, the change), with an optional unit" },
    VSH_OPT_VOL_POOL,
    { "allocate", VSH_OT_BOOL, 0, "allocate the added space now" },
    { "delta", VSH_OT_BOOL, 0, "the size is added to the current one" },
    { "shrink", VSH_OT_BOOL, 0, "allow the volume to get smaller" },
    VSH_OPT_END
};

static bool
vshCmdVolResize(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    unsigned long long capacity;
    unsigned int flags = 0;
    const char *capStr, *num, *name;

    if (vshCmdOptBool(cmd, "allocate"))
        flags |= VIR_STORAGE_VOL_RESIZE_ALLOCATE;
    if (vshCmdOptBool(cmd, "delta"))
        flags |= VIR_STORAGE_VOL_RESIZE_DELTA;
    if (vshCmdOptBool(cmd, "shrink"))
        flags |= VIR_STORAGE_VOL_RESIZE_SHRINK;
    if (!(vol = vshLookupVolume(ctl, cmd, "vol", "pool",
                                VSH_BYNAME | VSH_BYKEY | VSH_BYPATH, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "capacity", &capStr) <= 0)
        return false;
    num = capStr;
    while (g_ascii_isspace(*num))
        num++;
    /* "-SIZE" is a shrinking delta, which the API spells with flags */
    if (*num == '-') {
        if (!(flags & VIR_STORAGE_VOL_RESIZE_SHRINK)) {
            vshError(ctl, "%s", "negative size requires --shrink");
            return false;
        }
        flags |= VIR_STORAGE_VOL_RESIZE_DELTA;
        num++;
    }
    if (!vshVolSize(ctl, num, &capacity))
        return false;
    if (virStorageVolResize(vol, capacity, flags) < 0) {
        vshError(ctl, "Failed to change size of volume '%s' to %s",
                 virStorageVolGetName(vol), capStr);
        return false;
    }
    vshPrintExtra(ctl, "Size of volume '%s' successfully changed to %s\n",
                  virStorageVolGetName(vol), capStr);
    return true;
}


/* ---- vol-pool ------------------------------------------------------ */

static const vshCmdOptDef vshOptsVolPool[] = {
    { "vol", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the volume, by key or path" },
    { "uuid", VSH_OT_BOOL, 0, "print the pool's UUID instead of its name" },
    VSH_OPT_END
};

static bool
vshCmdVolPool(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virStorageVol) vol = NULL;
    g_autoptr(virStoragePool) pool = NULL;

    if (!(vol = vshLookupVolume(ctl, cmd, "vol", NULL,
                                VSH_BYKEY | VSH_BYPATH, NULL)))
        return false;
    if (!(pool = virStoragePoolLookupByVolume(vol))) {
        vshError(ctl, "%s", "failed to get parent pool");
        return false;
    }
    if (vshCmdOptBool(cmd, "uuid")) {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virStoragePoolGetUUIDString(pool, uuid) == 0)
            vshPrint(ctl, "%s\n", uuid);
    } else {
        vshPrint(ctl, "%s\n", virStoragePoolGetName(pool));
    }
    return true;
}


const vshCmdDef vshVolumeManageCmds[] = {
    { "vol-clone", vshCmdVolClone, vshOptsVolClone,
      "copy a volume within its pool", NULL, 0 },
    { "vol-create-as", vshCmdVolCreateAs, vshOptsVolCreateAs,
      "create a volume described by options", NULL, 0 },
    { "vol-create", vshCmdVolCreate, vshOptsVolCreate,
      "create a volume from an XML file", NULL, 0 },
    { "vol-create-from", vshCmdVolCreateFrom, vshOptsVolCreateFrom,
      "create a volume from an XML file, with another volume's data", NULL, 0 },
    { "vol-delete", vshCmdVolDelete, vshOptsVolDelete,
      "remove a volume and its data", NULL, 0 },
    { "vol-pool", vshCmdVolPool, vshOptsVolPool,
      "print the pool that holds a volume", NULL, 0 },
    { "vol-resize", vshCmdVolResize, vshOptsVolResize,
      "change the size of a volume", NULL, 0 },
    { "vol-wipe", vshCmdVolWipe, vshOptsVolWipe,
      "overwrite the data of a volume", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
