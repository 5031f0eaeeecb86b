/* vsh-cmd-nwfilter.c: network filter commands (the "filter" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The test driver has no network filter driver: on it, every command
 * ends with the library's "not supported" error, as virsh's do.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "vsh.h"

#define VSH_OPT_NWFILTER \
    { "nwfilter", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the filter, by name or UUID" }
#define VSH_OPT_BINDING \
    { "binding", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the port device the binding is for" }

static void
vshNWFilterFree(virNWFilterPtr filter)
{
    if (filter)
        virNWFilterFree(filter);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilter, vshNWFilterFree)

static void
vshBindingFree(virNWFilterBindingPtr binding)
{
    if (binding)
        virNWFilterBindingFree(binding);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterBinding, vshBindingFree)


static virNWFilterPtr
vshLookupNWFilter(vshControl *ctl, const vshCmd *cmd, const char **name)
{
    virNWFilterPtr filter = NULL;
    const char *str;

    if (vshCmdOptString(ctl, cmd, "nwfilter", &str) <= 0)
        return NULL;
    if (name)
        *name = str;
    if (strlen(str) == VIR_UUID_STRING_BUFLEN - 1)
        filter = virNWFilterLookupByUUIDString(ctl->conn, str);
    if (!filter)
        filter = virNWFilterLookupByName(ctl->conn, str);
    if (!filter)
        vshError(ctl, "failed to get nwfilter '%s'", str);
    return filter;
}


static virNWFilterBindingPtr
vshLookupBinding(vshControl *ctl, const vshCmd *cmd, const char **portdev)
{
    virNWFilterBindingPtr binding;
    const char *str;

    if (vshCmdOptString(ctl, cmd, "binding", &str) <= 0)
        return NULL;
    if (portdev)
        *portdev = str;
    if (!(binding = virNWFilterBindingLookupByPortDev(ctl->conn, str)))
        vshError(ctl, "failed to get nwfilter binding '%s'", str);
    return binding;
}


/* ---- nwfilter-define, nwfilter-undefine, nwfilter-dumpxml ---------- */

static const vshCmdOptDef vshOptsNWFilterDefine[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the filter's XML description" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdNWFilterDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNWFilter) filter = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_NWFILTER_DEFINE_VALIDATE;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    filter = flags ? virNWFilterDefineXMLFlags(ctl->conn, xml, flags)
                   : virNWFilterDefineXML(ctl->conn, xml);
    if (!filter) {
        vshError(ctl, "Failed to define network filter from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Network filter %s defined from %s\n",
                  virNWFilterGetName(filter), file);
    return true;
}


static const vshCmdOptDef vshOptsNWFilterOnly[] = {
    VSH_OPT_NWFILTER,
    VSH_OPT_END
};

static bool
vshCmdNWFilterUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNWFilter) filter = NULL;
    const char *name;

    if (!(filter = vshLookupNWFilter(ctl, cmd, &name)))
        return false;
    if (virNWFilterUndefine(filter) < 0) {
        vshError(ctl, "Failed to undefine network filter %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Network filter %s undefined\n", name);
    return true;
}


static const vshCmdOptDef vshOptsNWFilterDumpxml[] = {
    VSH_OPT_NWFILTER,
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdNWFilterDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNWFilter) filter = NULL;
    g_autofree char *xml = NULL;

    if (!(filter = vshLookupNWFilter(ctl, cmd, NULL)))
        return false;
    if (!(xml = virNWFilterGetXMLDesc(filter, 0)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}


static bool
vshCmdNWFilterEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNWFilter) filter = NULL;
    g_autoptr(virNWFilter) edited = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *newxml = NULL;

    if (!(filter = vshLookupNWFilter(ctl, cmd, NULL)))
        return false;
    if (!(xml = virNWFilterGetXMLDesc(filter, 0)))
        return false;
    if (!(newxml = vshEditString(ctl, xml)))
        return false;
    if (strcmp(xml, newxml) == 0) {
        vshPrintExtra(ctl, "Network filter %s XML configuration not changed.\n",
                      virNWFilterGetName(filter));
        return true;
    }
    if (!(edited = virNWFilterDefineXML(ctl->conn, newxml)))
        return false;
    vshPrintExtra(ctl, "Network filter %s XML configuration edited.\n",
                  virNWFilterGetName(edited));
    return true;
}


/* ---- nwfilter-list ------------------------------------------------- */

static int
vshNWFilterSorter(const void *a, const void *b)
{
    return g_strcmp0(virNWFilterGetName(*(virNWFilterPtr const *)a),
                     virNWFilterGetName(*(virNWFilterPtr const *)b));
}

/* Every filter; drivers without virConnectListAllNWFilters get the old
 * count-and-list calls. */
static int
vshNWFilterCollect(vshControl *ctl, virNWFilterPtr **out)
{
    g_autofree char **names = NULL;
    virNWFilterPtr *list;
    int n, got = 0, i, kept = 0;

    if ((n = virConnectListAllNWFilters(ctl->conn, out, 0)) >= 0)
        return n;
    if (!vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT)) {
        vshError(ctl, "%s", "Failed to list network filters");
        return -1;
    }
    vshResetLibvirtError();
    if ((n = virConnectNumOfNWFilters(ctl->conn)) < 0) {
        vshError(ctl, "%s", "Failed to count network filters");
        return -1;
    }
    names = g_new0(char *, n + 1);
    if (n > 0 && (got = virConnectListNWFilters(ctl->conn, names, n)) < 0) {
        vshError(ctl, "%s", "Failed to list network filters");
        return -1;
    }
    list = g_new0(virNWFilterPtr, got + 1);
    for (i = 0; i < got; i++) {
        virNWFilterPtr f = virNWFilterLookupByName(ctl->conn, names[i]);
        if (f)
            list[kept++] = f;
        free(names[i]);
    }
    vshResetLibvirtError();
    *out = list;
    return kept;
}

static const vshCmdOptDef vshOptsNone[] = {
    VSH_OPT_END
};

static bool
vshCmdNWFilterList(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autoptr(vshTable) table = NULL;
    virNWFilterPtr *filters = NULL;
    int n, i;

    if ((n = vshNWFilterCollect(ctl, &filters)) < 0)
        return false;
    qsort(filters, n, sizeof(*filters), vshNWFilterSorter);

    table = vshTableNew("UUID", "Name", NULL);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        virNWFilterGetUUIDString(filters[i], uuid);
        vshTableAppend(table, uuid, virNWFilterGetName(filters[i]), NULL);
    }
    vshTablePrint(ctl, table);

    for (i = 0; i < n; i++)
        virNWFilterFree(filters[i]);
    free(filters);
    return true;
}


/* ---- nwfilter-binding-* -------------------------------------------- */

static const vshCmdOptDef vshOptsBindingCreate[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the binding's XML description" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdBindingCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNWFilterBinding) binding = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_NWFILTER_BINDING_CREATE_VALIDATE;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(binding = virNWFilterBindingCreateXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to create network filter from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Network filter binding on %s created from %s\n",
                  virNWFilterBindingGetPortDev(binding), file);
    return true;
}


static const vshCmdOptDef vshOptsBindingOnly[] = {
    VSH_OPT_BINDING,
    VSH_OPT_END
};

static bool
vshCmdBindingDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNWFilterBinding) binding = NULL;
    const char *portdev;

    if (!(binding = vshLookupBinding(ctl, cmd, &portdev)))
        return false;
    if (virNWFilterBindingDelete(binding) < 0) {
        vshError(ctl, "Failed to delete network filter binding on %s", portdev);
        return false;
    }
    vshPrintExtra(ctl, "Network filter binding on %s deleted\n", portdev);
    return true;
}


static const vshCmdOptDef vshOptsBindingDumpxml[] = {
    VSH_OPT_BINDING,
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdBindingDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNWFilterBinding) binding = NULL;
    g_autofree char *xml = NULL;

    if (!(binding = vshLookupBinding(ctl, cmd, NULL)))
        return false;
    if (!(xml = virNWFilterBindingGetXMLDesc(binding, 0)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}


static int
vshBindingSorter(const void *a, const void *b)
{
    return g_strcmp0(virNWFilterBindingGetPortDev(*(virNWFilterBindingPtr const *)a),
                     virNWFilterBindingGetPortDev(*(virNWFilterBindingPtr const *)b));
}

static bool
vshCmdBindingList(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autoptr(vshTable) table = NULL;
    virNWFilterBindingPtr *bindings = NULL;
    int n, i;

    if ((n = virConnectListAllNWFilterBindings(ctl->conn, &bindings, 0)) < 0) {
        vshError(ctl, "%s", "Failed to list network filter bindings");
        return false;
    }
    qsort(bindings, n, sizeof(*bindings), vshBindingSorter);

    table = vshTableNew("Port Dev", "Filter", NULL);
    for (i = 0; i < n; i++)
        vshTableAppend(table, virNWFilterBindingGetPortDev(bindings[i]),
                       virNWFilterBindingGetFilterName(bindings[i]), NULL);
    vshTablePrint(ctl, table);

    for (i = 0; i < n; i++)
        virNWFilterBindingFree(bindings[i]);
    free(bindings);
    return true;
}


const vshCmdDef vshNWFilterCmds[] = {
    { "nwfilter-binding-create", vshCmdBindingCreate, vshOptsBindingCreate,
      "bind a filter to a port from an XML file", NULL, 0 },
    { "nwfilter-binding-delete", vshCmdBindingDelete, vshOptsBindingOnly,
      "remove the filter binding of a port", NULL, 0 },
    { "nwfilter-binding-dumpxml", vshCmdBindingDumpxml, vshOptsBindingDumpxml,
      "print a filter binding's XML description", NULL, 0 },
    { "nwfilter-binding-list", vshCmdBindingList, vshOptsNone,
      "list the filter bindings", NULL, 0 },
    { "nwfilter-define", vshCmdNWFilterDefine, vshOptsNWFilterDefine,
      "add or change a network filter from an XML file", NULL, 0 },
    { "nwfilter-dumpxml", vshCmdNWFilterDumpxml, vshOptsNWFilterDumpxml,
      "print a network filter's XML description", NULL, 0 },
    { "nwfilter-edit", vshCmdNWFilterEdit, vshOptsNWFilterOnly,
      "change a network filter in an editor", NULL, 0 },
    { "nwfilter-list", vshCmdNWFilterList, vshOptsNone,
      "list the network filters", NULL, 0 },
    { "nwfilter-undefine", vshCmdNWFilterUndefine, vshOptsNWFilterOnly,
      "remove a network filter", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
