/* vsh-cmd-node.c: host commands of the "host" group beyond the basic
 * ones in vsh-cmd-host.c: memory and pages, CPU maps and statistics,
 * CPU comparison, suspend, sysinfo.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "vsh.h"



/* ---- the capabilities document ---- */

/* The numbers an XPath expression selects in the capabilities (cell ids,
 * page sizes), in document order; NULL with the error printed. */
static GArray *
vshCapsNumbers(vshControl *ctl, const char *xpath)
{
    g_autofree char *caps = virConnectGetCapabilities(ctl->conn);
    GArray *out = NULL;
    xmlDocPtr doc = NULL;
    xmlXPathContextPtr ctxt = NULL;
    xmlXPathObjectPtr obj = NULL;
    int i;

    if (!caps) {
        vshError(ctl, "%s", "unable to get node capabilities");
        return NULL;
    }
    if (!(doc = xmlReadDoc(BAD_CAST caps, "capabilities.xml", NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING)) ||
        !(ctxt = xmlXPathNewContext(doc))) {
        vshError(ctl, "%s", "unable to parse node capabilities");
        goto cleanup;
    }
    out = g_array_new(FALSE, TRUE, sizeof(unsigned long long));
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj && obj->type == XPATH_NODESET && obj->nodesetval) {
        for (i = 0; i < obj->nodesetval->nodeNr; i++) {
            g_autofree char *text =
                (char *)xmlNodeGetContent(obj->nodesetval->nodeTab[i]);
            unsigned long long val = g_ascii_strtoull(text ? text : "0",
                                                      NULL, 10);

            g_array_append_val(out, val);
        }
    }

 cleanup:
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return out;
}


/* ---- allocpages ---- */

static const vshCmdOptDef vshOptsAllocpages[] = {
    { "pagesize", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "size of the pages (KiB unless a unit is given)" },
    { "pagecount", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "how many pages" },
    { "cellno", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "only this NUMA cell" },
    { "add", VSH_OT_BOOL, 0, "add to the pool instead of setting its size" },
    { "all", VSH_OT_BOOL, 0, "every NUMA cell" },
    VSH_OPT_END
};


static bool
vshCmdAllocpages(vshControl *ctl, const vshCmd *cmd)
{
    unsigned long long size;
    unsigned long long count;
    unsigned int pagesize;
    unsigned int flags = 0;
    int cellno = -1;
    int rc;

    if (!vshCmdExclusive(ctl, cmd, "cellno", "all"))
        return false;
    if (vshCmdOptScaledInt(ctl, cmd, "pagesize", 1024,
                           (unsigned long long)UINT_MAX * 1024, &size) < 0)
        return false;
    pagesize = size / 1024;
    if (vshCmdOptULongLong(ctl, cmd, "pagecount", false, &count) < 0)
        return false;
    if ((rc = vshCmdOptInt(ctl, cmd, "cellno", &cellno)) < 0)
        return false;
    if (vshCmdOptBool(cmd, "add"))
        flags |= VIR_NODE_ALLOC_PAGES_ADD;

    if (vshCmdOptBool(cmd, "all")) {
        g_autoptr(GArray) cells = vshCapsNumbers(ctl,
                                  "/capabilities/host/topology/cells/cell/@id");
        guint i;

        if (!cells)
            return false;
        for (i = 0; i < cells->len; i++) {
            if (virNodeAllocPages(ctl->conn, 1, &pagesize, &count,
                                  g_array_index(cells, unsigned long long, i),
                                  1, flags) < 0)
                return false;
        }
        return true;
    }
    return virNodeAllocPages(ctl->conn, 1, &pagesize, &count,
                             rc > 0 ? cellno : -1, 1, flags) >= 0;
}


/* ---- cpu-compare, hypervisor-cpu-compare, hypervisor-cpu-baseline ---- */

/* The <cpu> elements a file holds, alone or inside a domain, capabilities
 * or domain capabilities document; NULL with the error printed. */
static char **
vshExtractCPUs(vshControl *ctl, const char *file, bool all)
{
    static const char *const paths[] = {
        "/cpu",
        "/domain/cpu",
        "/capabilities/host/cpu",
        "/domainCapabilities/cpu/mode[@name='host-model']",
    };
    g_autofree char *xml = NULL;
    GPtrArray *out = NULL;
    xmlDocPtr doc = NULL;
    xmlXPathContextPtr ctxt = NULL;
    size_t p;

    if (!(xml = vshReadFile(ctl, file)))
        return NULL;
    if ((doc = xmlReadDoc(BAD_CAST xml, file, NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR |
                          XML_PARSE_NOWARNING)))
        ctxt = xmlXPathNewContext(doc);

    out = g_ptr_array_new();
    for (p = 0; ctxt && p < G_N_ELEMENTS(paths) && out->len == 0; p++) {
        /* several CPUs for a baseline: every <cpu> anywhere */
        xmlXPathObjectPtr obj = xmlXPathEval(BAD_CAST (all && p == 0 ?
                                                       "//cpu" : paths[p]),
                                             ctxt);
        int i;

        if (obj && obj->type == XPATH_NODESET && obj->nodesetval) {
            for (i = 0; i < obj->nodesetval->nodeNr; i++) {
                xmlBufferPtr buf = xmlBufferCreate();
                xmlNodePtr node = obj->nodesetval->nodeTab[i];

                /* host-model mode holds the CPU as a <cpu> would */
                if (xmlStrEqual(node->name, BAD_CAST "mode"))
                    xmlNodeSetName(node, BAD_CAST "cpu");
                xmlNodeDump(buf, doc, node, 0, 0);
                g_ptr_array_add(out, g_strdup((const char *)xmlBufferContent(buf)));
                xmlBufferFree(buf);
                if (!all)
                    break;
            }
        }
        xmlXPathFreeObject(obj);
    }
    if (ctxt)
        xmlXPathFreeContext(ctxt);
    if (doc)
        xmlFreeDoc(doc);

    if (out->len == 0) {
        g_ptr_array_free(out, TRUE);
        vshError(ctl, "File '%s' does not contain any <cpu> element or valid "
                 "domain XML, host capabilities XML, or domain capabilities "
                 "XML", file);
        return NULL;
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}


static bool
vshPrintCompareResult(vshControl *ctl, int result, const char *file,
                      const char *what)
{
    switch (result) {
    case VIR_CPU_COMPARE_INCOMPATIBLE:
        vshPrint(ctl, "CPU described in %s is incompatible with %s CPU\n",
                 file, what);
        return false;
    case VIR_CPU_COMPARE_IDENTICAL:
        vshPrint(ctl, "CPU described in %s is identical to %s CPU\n",
                 file, what);
        return true;
    case VIR_CPU_COMPARE_SUPERSET:
        vshPrint(ctl, "The %s CPU is a superset of CPU described in %s\n",
                 what, file);
        return true;
    }
    vshError(ctl, "Failed to compare %s CPU with %s", what, file);
    return false;
}


static const vshCmdOptDef vshOptsCpuCompare[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "file with the CPU to compare" },
    { "error", VSH_OT_BOOL, 0, "fail when the CPUs are incompatible" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};


static bool
vshCmdCpuCompare(vshControl *ctl, const vshCmd *cmd)
{
    g_auto(GStrv) cpus = NULL;
    unsigned int flags = 0;
    const char *file;
    int result;

    if (vshCmdOptBool(cmd, "error"))
        flags |= VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_CONNECT_COMPARE_CPU_VALIDATE_XML;
    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(cpus = vshExtractCPUs(ctl, file, false)))
        return false;
    result = virConnectCompareCPU(ctl->conn, cpus[0], flags);
    return vshPrintCompareResult(ctl, result, file, "host");
}


static const vshCmdOptDef vshOptsHypervisorCpuCompare[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "file with the CPU to compare" },
    { "virttype", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the virtualization type (/domain/@type)" },
    { "emulator", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the emulator binary (/domain/devices/emulator)" },
    { "arch", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the CPU architecture (/domain/os/type/@arch)" },
    { "machine", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the machine type (/domain/os/type/@machine)" },
    { "error", VSH_OT_BOOL, 0, "fail when the CPUs are incompatible" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};


static bool
vshCmdHypervisorCpuCompare(vshControl *ctl, const vshCmd *cmd)
{
    g_auto(GStrv) cpus = NULL;
    const char *file = NULL;
    const char *virttype = NULL;
    const char *emulator = NULL;
    const char *arch = NULL;
    const char *machine = NULL;
    unsigned int flags = 0;
    int result;

    if (vshCmdOptBool(cmd, "error"))
        flags |= VIR_CONNECT_COMPARE_CPU_FAIL_INCOMPATIBLE;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_CONNECT_COMPARE_CPU_VALIDATE_XML;
    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0 ||
        vshCmdOptString(ctl, cmd, "virttype", &virttype) < 0 ||
        vshCmdOptString(ctl, cmd, "emulator", &emulator) < 0 ||
        vshCmdOptString(ctl, cmd, "arch", &arch) < 0 ||
        vshCmdOptString(ctl, cmd, "machine", &machine) < 0)
        return false;
    if (!(cpus = vshExtractCPUs(ctl, file, false)))
        return false;
    result = virConnectCompareHypervisorCPU(ctl->conn, emulator, arch,
                                            machine, virttype, cpus[0], flags);
    return vshPrintCompareResult(ctl, result, file, "hypervisor");
}


static const vshCmdOptDef vshOptsHypervisorCpuBaseline[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "file with the CPUs to find a common model for" },
    { "virttype", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the virtualization type (/domain/@type)" },
    { "emulator", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the emulator binary (/domain/devices/emulator)" },
    { "arch", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the CPU architecture (/domain/os/type/@arch)" },
    { "machine", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the machine type (/domain/os/type/@machine)" },
    { "features", VSH_OT_BOOL, 0, "list the features the model implies" },
    { "migratable", VSH_OT_BOOL, 0, "leave out features that block migration" },
    { "model", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "a single CPU model to start from, instead of a file" },
    VSH_OPT_END
};


static bool
vshCmdHypervisorCpuBaseline(vshControl *ctl, const vshCmd *cmd)
{
    g_auto(GStrv) cpus = NULL;
    g_autofree char *result = NULL;
    const char *file = NULL;
    const char *virttype = NULL;
    const char *emulator = NULL;
    const char *arch = NULL;
    const char *machine = NULL;
    const char *model = NULL;
    unsigned int flags = 0;

    if (vshCmdOptBool(cmd, "features"))
        flags |= VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES;
    if (vshCmdOptBool(cmd, "migratable"))
        flags |= VIR_CONNECT_BASELINE_CPU_MIGRATABLE;
    if (!vshCmdExclusive(ctl, cmd, "file", "model"))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0 ||
        vshCmdOptString(ctl, cmd, "virttype", &virttype) < 0 ||
        vshCmdOptString(ctl, cmd, "emulator", &emulator) < 0 ||
        vshCmdOptString(ctl, cmd, "arch", &arch) < 0 ||
        vshCmdOptString(ctl, cmd, "machine", &machine) < 0 ||
        vshCmdOptString(ctl, cmd, "model", &model) < 0)
        return false;
    if (!file && !model) {
        vshError(ctl, "%s", "Either --file or --model must be provided");
        return false;
    }
    if (file) {
        if (!(cpus = vshExtractCPUs(ctl, file, true)))
            return false;
    } else {
        cpus = g_new0(char *, 2);
        cpus[0] = g_strdup_printf("<cpu><model>%s</model></cpu>", model);
    }
    if (!(result = virConnectBaselineHypervisorCPU(ctl->conn, emulator, arch,
                                                   machine, virttype,
                                                   (const char **)cpus,
                                                   g_strv_length(cpus),
                                                   flags)))
        return false;
    vshPrint(ctl, "%s", result);
    return true;
}


/* ---- domcapabilities ---- */

static const vshCmdOptDef vshOptsDomcapabilities[] = {
    { "virttype", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the virtualization type (/domain/@type)" },
    { "emulatorbin", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the emulator binary (/domain/devices/emulator)" },
    { "arch", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the architecture (/domain/os/type/@arch)" },
    { "machine", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the machine type (/domain/os/type/@machine)" },
    VSH_OPT_END
};


static bool
vshCmdDomcapabilities(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *caps = NULL;
    const char *virttype = NULL;
    const char *emulator = NULL;
    const char *arch = NULL;
    const char *machine = NULL;

    if (vshCmdOptString(ctl, cmd, "virttype", &virttype) < 0 ||
        vshCmdOptString(ctl, cmd, "emulatorbin", &emulator) < 0 ||
        vshCmdOptString(ctl, cmd, "arch", &arch) < 0 ||
        vshCmdOptString(ctl, cmd, "machine", &machine) < 0)
        return false;
    if (!(caps = virConnectGetDomainCapabilities(ctl->conn, emulator, arch,
                                                 machine, virttype, 0))) {
        vshError(ctl, "%s", "failed to get emulator capabilities");
        return false;
    }
    vshPrint(ctl, "%s", caps);
    return true;
}


/* ---- freecell ---- */

static const vshCmdOptDef vshOptsFreecell[] = {
    { "cellno", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "only this NUMA cell" },
    { "all", VSH_OT_BOOL, 0, "every NUMA cell and the total" },
    VSH_OPT_END
};


static bool
vshCmdFreecell(vshControl *ctl, const vshCmd *cmd)
{
    unsigned long long mem;
    int cellno = 0;
    int rc;

    if (!vshCmdExclusive(ctl, cmd, "all", "cellno"))
        return false;
    if ((rc = vshCmdOptInt(ctl, cmd, "cellno", &cellno)) < 0)
        return false;

    if (vshCmdOptBool(cmd, "all")) {
        g_autoptr(GArray) cells = vshCapsNumbers(ctl,
                                  "/capabilities/host/topology/cells/cell/@id");
        unsigned long long total = 0;
        guint i;

        if (!cells)
            return false;
        for (i = 0; i < cells->len; i++) {
            int id = g_array_index(cells, unsigned long long, i);

            if (virNodeGetCellsFreeMemory(ctl->conn, &mem, id, 1) != 1) {
                vshError(ctl, "failed to get free memory for NUMA node "
                         "number: %d", id);
                return false;
            }
            vshPrint(ctl, "%5d: %10llu KiB\n", id, mem / 1024);
            total += mem;
        }
        vshPrint(ctl, "--------------------\n");
        vshPrint(ctl, "%s %10llu KiB\n", "Total:", total / 1024);
        return true;
    }

    if (rc > 0) {
        if (virNodeGetCellsFreeMemory(ctl->conn, &mem, cellno, 1) != 1)
            return false;
        vshPrint(ctl, "%d: %llu KiB\n", cellno, mem / 1024);
        return true;
    }
    if ((mem = virNodeGetFreeMemory(ctl->conn)) == 0) {
        vshResetLibvirtError();
        vshError(ctl, "%s", "An error occurred, but the cause is unknown");
        return false;
    }
    vshPrint(ctl, "Total: %llu KiB\n", mem / 1024);
    return true;
}


/* ---- freepages ---- */

static const vshCmdOptDef vshOptsFreepages[] = {
    { "cellno", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "the NUMA cell" },
    { "pagesize", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "the page size (KiB unless a unit is given)" },
    { "all", VSH_OT_BOOL, 0, "every page size of every NUMA cell" },
    VSH_OPT_END
};


static bool
vshCmdFreepages(vshControl *ctl, const vshCmd *cmd)
{
    unsigned long long count;
    unsigned long long size = 0;
    unsigned int pagesize;
    int cellno = 0;
    int haveCell;
    int haveSize;

    if (!vshCmdExclusive(ctl, cmd, "all", "cellno"))
        return false;
    if ((haveCell = vshCmdOptInt(ctl, cmd, "cellno", &cellno)) < 0)
        return false;
    if ((haveSize = vshCmdOptScaledInt(ctl, cmd, "pagesize", 1024,
                                       (unsigned long long)UINT_MAX * 1024,
                                       &size)) < 0)
        return false;
    pagesize = size / 1024;

    if (vshCmdOptBool(cmd, "all")) {
        g_autoptr(GArray) cells = vshCapsNumbers(ctl,
                                  "/capabilities/host/topology/cells/cell/@id");
        g_autoptr(GArray) sizes = NULL;
        g_autofree unsigned int *pages = NULL;
        g_autofree unsigned long long *counts = NULL;
        guint i;
        guint j;

        if (!cells)
            return false;
        if (haveSize > 0) {
            sizes = g_array_new(FALSE, TRUE, sizeof(unsigned long long));
            size = pagesize;
            g_array_append_val(sizes, size);
        } else if (!(sizes = vshCapsNumbers(ctl,
                             "/capabilities/host/cpu/pages/@size"))) {
            return false;
        }
        pages = g_new0(unsigned int, sizes->len + 1);
        counts = g_new0(unsigned long long, sizes->len + 1);
        for (j = 0; j < sizes->len; j++)
            pages[j] = g_array_index(sizes, unsigned long long, j);

        for (i = 0; i < cells->len; i++) {
            int id = g_array_index(cells, unsigned long long, i);

            if (virNodeGetFreePages(ctl->conn, sizes->len, pages, id, 1,
                                    counts, 0) < 0)
                return false;
            vshPrint(ctl, "Node %d:\n", id);
            for (j = 0; j < sizes->len; j++)
                vshPrint(ctl, "%uKiB: %llu\n", pages[j], counts[j]);
            vshPrint(ctl, "\n");
        }
        return true;
    }

    if (haveCell == 0) {
        vshError(ctl, "%s", "missing cellno argument");
        return false;
    }
    if (haveSize == 0) {
        vshError(ctl, "%s", "missing pagesize argument");
        return false;
    }
    if (virNodeGetFreePages(ctl->conn, 1, &pagesize, cellno, 1, &count, 0) < 0)
        return false;
    vshPrint(ctl, "%uKiB: %llu\n", pagesize, count);
    return true;
}


/* ---- maxvcpus ---- */

static const vshCmdOptDef vshOptsMaxvcpus[] = {
    { "type", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the domain type to ask about" },
    VSH_OPT_END
};


static bool
vshCmdMaxvcpus(vshControl *ctl, const vshCmd *cmd)
{
    const char *type = NULL;
    int max;

    if (vshCmdOptString(ctl, cmd, "type", &type) < 0)
        return false;
    if ((max = virConnectGetMaxVcpus(ctl->conn, type)) < 0)
        return false;
    vshPrint(ctl, "%d\n", max);
    return true;
}


/* ---- node-memory-tune ---- */

static const vshCmdOptDef vshOptsNodeMemoryTune[] = {
    { "shm-pages-to-scan", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "pages the memory merger looks at before it sleeps" },
    { "shm-sleep-millisecs", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "how long the memory merger sleeps between scans" },
    { "shm-merge-across-nodes", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "whether pages of different NUMA nodes may be merged (0 or 1)" },
    VSH_OPT_END
};


static bool
vshCmdNodeMemoryTune(vshControl *ctl, const vshCmd *cmd)
{
    static const struct {
        const char *opt;
        const char *field;
    } knobs[] = {
        { "shm-pages-to-scan", VIR_NODE_MEMORY_SHARED_PAGES_TO_SCAN },
        { "shm-sleep-millisecs", VIR_NODE_MEMORY_SHARED_SLEEP_MILLISECS },
        { "shm-merge-across-nodes", VIR_NODE_MEMORY_SHARED_MERGE_ACROSS_NODES },
    };
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    bool ret = false;
    size_t i;
    int j;

    for (i = 0; i < G_N_ELEMENTS(knobs); i++) {
        unsigned int val;
        int rc;

        if ((rc = vshCmdOptUInt(ctl, cmd, knobs[i].opt, true, &val)) < 0)
            goto cleanup;
        if (rc > 0 &&
            virTypedParamsAddUInt(&params, &nparams, &maxparams,
                                  knobs[i].field, val) < 0)
            goto cleanup;
    }

    if (nparams > 0) {
        if (virNodeSetMemoryParameters(ctl->conn, params, nparams, 0) < 0) {
            vshError(ctl, "%s", "Unable to change memory parameters");
            goto cleanup;
        }
        ret = true;
        goto cleanup;
    }

    if (virNodeGetMemoryParameters(ctl->conn, NULL, &nparams, 0) < 0) {
        vshError(ctl, "%s", "Unable to get number of memory parameters");
        goto cleanup;
    }
    if (nparams == 0) {
        ret = true;
        goto cleanup;
    }
    params = g_new0(virTypedParameter, nparams);
    if (virNodeGetMemoryParameters(ctl->conn, params, &nparams, 0) < 0) {
        vshError(ctl, "%s", "Unable to get memory parameters");
        goto cleanup;
    }
    vshPrint(ctl, "Shared memory:\n");
    for (j = 0; j < nparams; j++) {
        const char *name = params[j].field;
        g_autofree char *val = NULL;

        if (g_str_has_prefix(name, "shm_"))
            name += strlen("shm_");
        switch (params[j].type) {
        case VIR_TYPED_PARAM_UINT:
            val = g_strdup_printf("%u", params[j].value.ui);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            val = g_strdup_printf("%llu", params[j].value.ul);
            break;
        default:
            val = g_strdup("?");
            break;
        }
        vshPrint(ctl, "\t%-15s %s\n", name, val);
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- nodecpumap ---- */

static const vshCmdOptDef vshOptsNodecpumap[] = {
    { "pretty", VSH_OT_BOOL, 0, "list CPU numbers and ranges instead" },
    VSH_OPT_END
};


static bool
vshCmdNodecpumap(vshControl *ctl, const vshCmd *cmd)
{
    unsigned char *map = NULL;
    unsigned int online = 0;
    g_autoptr(GString) line = g_string_new(NULL);
    int cpus;
    int i;

    if ((cpus = virNodeGetCPUMap(ctl->conn, &map, &online, 0)) < 0) {
        vshError(ctl, "%s", "Unable to get cpu map");
        return false;
    }
    vshPrint(ctl, "%-15s %d\n", "CPUs present:", cpus);
    vshPrint(ctl, "%-15s %u\n", "CPUs online:", online);

    if (vshCmdOptBool(cmd, "pretty")) {
        i = 0;
        while (i < cpus) {
            int start;

            if (!(map[i / 8] & (1 << (i % 8)))) {
                i++;
                continue;
            }
            start = i;
            while (i + 1 < cpus && (map[(i + 1) / 8] & (1 << ((i + 1) % 8))))
                i++;
            if (line->len)
                g_string_append_c(line, ',');
            if (i == start)
                g_string_append_printf(line, "%d", start);
            else
                g_string_append_printf(line, "%d-%d", start, i);
            i++;
        }
    } else {
        for (i = 0; i < cpus; i++)
            g_string_append_c(line, map[i / 8] & (1 << (i % 8)) ? 'y' : '-');
    }
    vshPrint(ctl, "%-15s %s\n", "CPU map:", line->str);
    free(map);
    return true;
}


/* ---- nodecpustats ---- */

static const vshCmdOptDef vshOptsNodecpustats[] = {
    { "cpu", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "only this CPU" },
    { "percent", VSH_OT_BOOL, 0, "shares of time over one second" },
    VSH_OPT_END
};

enum { VSH_CPU_USER, VSH_CPU_SYSTEM, VSH_CPU_IDLE, VSH_CPU_IOWAIT,
       VSH_CPU_INTR, VSH_CPU_LAST };


/* One sample: which fields came, and their values. */
static bool
vshCPUSample(vshControl *ctl, int cpu, unsigned long long *vals, bool *have)
{
    static const char *const fields[] = {
        VIR_NODE_CPU_STATS_USER, VIR_NODE_CPU_STATS_KERNEL,
        VIR_NODE_CPU_STATS_IDLE, VIR_NODE_CPU_STATS_IOWAIT,
        VIR_NODE_CPU_STATS_INTR,
    };
    g_autofree virNodeCPUStatsPtr params = NULL;
    int nparams = 0;
    int i;
    int f;

    if (virNodeGetCPUStats(ctl->conn, cpu, NULL, &nparams, 0) != 0) {
        vshError(ctl, "%s", "Unable to get number of cpu stats");
        return false;
    }
    if (nparams == 0)
        return true;
    params = g_new0(virNodeCPUStats, nparams);
    if (virNodeGetCPUStats(ctl->conn, cpu, params, &nparams, 0) != 0) {
        vshError(ctl, "%s", "Unable to get node cpu stats");
        return false;
    }
    for (i = 0; i < nparams; i++) {
        for (f = 0; f < VSH_CPU_LAST; f++) {
            if (strcmp(params[i].field, fields[f]) == 0) {
                vals[f] = params[i].value;
                have[f] = true;
            }
        }
    }
    return true;
}


static bool
vshCmdNodecpustats(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const labels[] = {
        "user:", "system:", "idle:", "iowait:", "intr:",
    };
    unsigned long long first[VSH_CPU_LAST] = { 0 };
    unsigned long long second[VSH_CPU_LAST] = { 0 };
    bool have[VSH_CPU_LAST] = { false };
    int cpu = VIR_NODE_CPU_STATS_ALL_CPUS;
    int f;

    if (vshCmdOptInt(ctl, cmd, "cpu", &cpu) < 0)
        return false;
    if (!vshCPUSample(ctl, cpu, first, have))
        return false;

    if (!vshCmdOptBool(cmd, "percent")) {
        for (f = 0; f < VSH_CPU_LAST; f++) {
            if (have[f])
                vshPrint(ctl, "%-15s %20llu\n", labels[f], first[f]);
        }
        return true;
    }

    g_usleep(G_USEC_PER_SEC);
    if (!vshCPUSample(ctl, cpu, second, have))
        return false;
    {
        double delta[VSH_CPU_LAST];
        double total = 0;

        for (f = 0; f < VSH_CPU_LAST; f++) {
            delta[f] = (double)(second[f] - first[f]);
            if (f != VSH_CPU_INTR)
                total += delta[f];
        }
        vshPrint(ctl, "%-15s %5.1lf%%\n", "usage:",
                 (delta[VSH_CPU_USER] + delta[VSH_CPU_SYSTEM]) / total * 100);
        for (f = 0; f < VSH_CPU_INTR; f++)
            vshPrint(ctl, "%-15s %5.1lf%%\n", labels[f],
                     delta[f] / total * 100);
    }
    return true;
}


/* ---- nodememstats ---- */

static const vshCmdOptDef vshOptsNodememstats[] = {
    { "cell", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "only this NUMA cell" },
    VSH_OPT_END
};


static bool
vshCmdNodememstats(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree virNodeMemoryStatsPtr params = NULL;
    int cell = VIR_NODE_MEMORY_STATS_ALL_CELLS;
    int nparams = 0;
    int i;

    if (vshCmdOptInt(ctl, cmd, "cell", &cell) < 0)
        return false;
    if (virNodeGetMemoryStats(ctl->conn, cell, NULL, &nparams, 0) != 0) {
        vshError(ctl, "%s", "Unable to get number of memory stats");
        return false;
    }
    if (nparams == 0)
        return true;
    params = g_new0(virNodeMemoryStats, nparams);
    if (virNodeGetMemoryStats(ctl->conn, cell, params, &nparams, 0) != 0) {
        vshError(ctl, "%s", "Unable to get memory stats");
        return false;
    }
    for (i = 0; i < nparams; i++) {
        g_autofree char *label = g_strdup_printf("%s:", params[i].field);

        vshPrint(ctl, "%-7s %20llu KiB\n", label, params[i].value);
    }
    return true;
}


/* ---- nodesevinfo ---- */

static bool
vshCmdNodesevinfo(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int i;

    if (virNodeGetSEVInfo(ctl->conn, &params, &nparams, 0) != 0) {
        vshError(ctl, "%s", "Unable to get host SEV information");
        return false;
    }
    for (i = 0; i < nparams; i++) {
        g_autofree char *val = NULL;

        switch (params[i].type) {
        case VIR_TYPED_PARAM_INT:
            val = g_strdup_printf("%d", params[i].value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            val = g_strdup_printf("%u", params[i].value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            val = g_strdup_printf("%lld", params[i].value.l);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            val = g_strdup_printf("%llu", params[i].value.ul);
            break;
        case VIR_TYPED_PARAM_STRING:
            val = g_strdup(params[i].value.s);
            break;
        default:
            val = g_strdup_printf("%d", params[i].value.b);
            break;
        }
        vshPrint(ctl, "%-18s: %s\n", params[i].field, val);
    }
    virTypedParamsFree(params, nparams);
    return true;
}


/* ---- nodesuspend ---- */

static const vshCmdOptDef vshOptsNodesuspend[] = {
    { "target", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "mem (to RAM), disk (to disk) or hybrid (both)" },
    { "duration", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "seconds until the host wakes up again (60 at least)" },
    VSH_OPT_END
};


static bool
vshCmdNodesuspend(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const targets[] = { "mem", "disk", "hybrid" };
    const char *target = NULL;
    long long duration;
    unsigned long long val;
    int suspend = -1;
    size_t i;

    if (vshCmdOptString(ctl, cmd, "target", &target) < 0)
        return false;
    if (vshCmdOptULongLong(ctl, cmd, "duration", true, &val) < 0)
        return false;
    duration = (long long)val;

    for (i = 0; target && i < G_N_ELEMENTS(targets); i++) {
        if (strcmp(target, targets[i]) == 0)
            suspend = i;
    }
    if (suspend < 0) {
        vshError(ctl, "%s", "Invalid target");
        return false;
    }
    if (duration < 0) {
        vshError(ctl, "%s", "Invalid duration");
        return false;
    }
    if (virNodeSuspendForDuration(ctl->conn, suspend, duration, 0) < 0) {
        vshError(ctl, "%s", "The host was not suspended");
        return false;
    }
    return true;
}


/* ---- sysinfo ---- */

static bool
vshCmdSysinfo(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autofree char *info = NULL;

    if (!(info = virConnectGetSysinfo(ctl->conn, 0))) {
        vshError(ctl, "%s", "failed to get sysinfo");
        return false;
    }
    vshPrint(ctl, "%s", info);
    return true;
}


const vshCmdDef vshNodeCmds[] = {
    { "allocpages", vshCmdAllocpages, vshOptsAllocpages,
      "change the host's pool of large pages",
      "Sets (or with --add, grows) the number of pages of one size the host\n"
      "keeps, in one NUMA cell or all of them.", 0 },
    { "cpu-compare", vshCmdCpuCompare, vshOptsCpuCompare,
      "compare a CPU description with the host's CPU",
      "Reads a <cpu> element (alone or inside a domain or capabilities\n"
      "document) and tells whether the host CPU can provide it.", 0 },
    { "domcapabilities", vshCmdDomcapabilities, vshOptsDomcapabilities,
      "print what domains of one kind can use",
      "Prints the domain capabilities XML for an emulator, architecture,\n"
      "machine type and virtualization type.", 0 },
    { "freecell", vshCmdFreecell, vshOptsFreecell,
      "show the host's free memory",
      "Prints the free memory of the host, of one NUMA cell, or of each\n"
      "cell with the total.", 0 },
    { "freepages", vshCmdFreepages, vshOptsFreepages,
      "show how many pages of a size are free",
      "Prints the number of free pages of one size in one NUMA cell, or of\n"
      "every size in every cell.", 0 },
    { "hypervisor-cpu-baseline", vshCmdHypervisorCpuBaseline,
      vshOptsHypervisorCpuBaseline,
      "find a CPU model that all the given CPUs and the hypervisor support",
      "Computes a CPU description that each CPU in the file provides and\n"
      "that the hypervisor can run.", 0 },
    { "hypervisor-cpu-compare", vshCmdHypervisorCpuCompare,
      vshOptsHypervisorCpuCompare,
      "compare a CPU description with what the hypervisor can provide",
      "Tells whether the hypervisor can give a domain the CPU the file\n"
      "describes.", 0 },
    { "maxvcpus", vshCmdMaxvcpus, vshOptsMaxvcpus,
      "print the most virtual CPUs a domain may have", NULL, 0 },
    { "node-memory-tune", vshCmdNodeMemoryTune, vshOptsNodeMemoryTune,
      "show or change the host's memory merging settings",
      "Without options prints the shared memory settings; with options\n"
      "changes them.", 0 },
    { "nodecpumap", vshCmdNodecpumap, vshOptsNodecpumap,
      "show which host CPUs are online", NULL, 0 },
    { "nodecpustats", vshCmdNodecpustats, vshOptsNodecpustats,
      "show the host's CPU time counters",
      "Prints user, system, idle and I/O wait time of all CPUs or one.", 0 },
    { "nodememstats", vshCmdNodememstats, vshOptsNodememstats,
      "show the host's memory statistics",
      "Prints the total, free, buffer and cache memory of the host or of\n"
      "one NUMA cell.", 0 },
    { "nodesevinfo", vshCmdNodesevinfo, NULL,
      "show the host's AMD SEV platform data", NULL, 0 },
    { "nodesuspend", vshCmdNodesuspend, vshOptsNodesuspend,
      "suspend the host for a while",
      "Suspends the host to RAM, disk or both and sets a timer that wakes\n"
      "it up after the given number of seconds.", 0 },
    { "sysinfo", vshCmdSysinfo, NULL,
      "print the host's SMBIOS data", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
