/* vsh-cmd-monitor.c: domain monitoring commands (the "monitor" group):
 * disks, interfaces, memory statistics, control state and guest time.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Several commands read the domain's XML for its disks and interfaces;
 * the numbers come from the statistics calls.  Layouts follow virsh 9.0.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "vsh.h"


#define VSH_OPT_DOMAIN \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the domain, by name, id or UUID" }

static const vshCmdOptDef vshOptsDomainOnly[] = {
    VSH_OPT_DOMAIN,
    VSH_OPT_END
};


/* ---- the domain's XML ---- */

typedef struct {
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
} vshDomXML;


static void
vshDomXMLClear(vshDomXML *x)
{
    if (x->ctxt)
        xmlXPathFreeContext(x->ctxt);
    if (x->doc)
        xmlFreeDoc(x->doc);
    x->ctxt = NULL;
    x->doc = NULL;
}


static bool
vshDomXMLLoad(virDomainPtr dom, unsigned int flags, vshDomXML *x)
{
    char *xml = virDomainGetXMLDesc(dom, flags);

    if (!xml)
        return false;
    x->doc = xmlReadDoc(BAD_CAST xml, "domain.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING);
    free(xml);
    if (!x->doc || !(x->ctxt = xmlXPathNewContext(x->doc))) {
        vshDomXMLClear(x);
        return false;
    }
    return true;
}


/* The nodes an expression selects below the document root. */
static int
vshDomXMLNodes(vshDomXML *x, const char *xpath, xmlNodePtr **nodes)
{
    xmlXPathObjectPtr obj = xmlXPathEval(BAD_CAST xpath, x->ctxt);
    int n = 0;

    *nodes = NULL;
    if (obj && obj->type == XPATH_NODESET && obj->nodesetval &&
        obj->nodesetval->nodeNr > 0) {
        n = obj->nodesetval->nodeNr;
        *nodes = g_new0(xmlNodePtr, n);
        memcpy(*nodes, obj->nodesetval->nodeTab, n * sizeof(xmlNodePtr));
    }
    xmlXPathFreeObject(obj);
    return n;
}


/* A string relative to `node`, NULL when empty or absent. */
static char *
vshNodeString(vshDomXML *x, xmlNodePtr node, const char *xpath)
{
    xmlXPathObjectPtr obj;
    char *ret = NULL;

    x->ctxt->node = node;
    obj = xmlXPathEval(BAD_CAST xpath, x->ctxt);
    if (obj && obj->type == XPATH_STRING && obj->stringval &&
        obj->stringval[0])
        ret = g_strdup((const char *)obj->stringval);
    xmlXPathFreeObject(obj);
    return ret;
}


/* A disk's source as virsh shows it: path, device, directory, network
 * name or pool/volume. */
static char *
vshDiskSource(vshDomXML *x, xmlNodePtr disk)
{
    char *src;

    if ((src = vshNodeString(x, disk,
                             "string(./source/@file | ./source/@dev | "
                             "./source/@dir | ./source/@name)")))
        return src;
    {
        g_autofree char *pool = vshNodeString(x, disk, "string(./source/@pool)");
        g_autofree char *vol = vshNodeString(x, disk, "string(./source/@volume)");

        if (pool && vol)
            return g_strdup_printf("%s/%s", pool, vol);
    }
    return NULL;
}


/* ---- domblkerror ---- */

static const char *
vshDiskErrorName(int code)
{
    switch (code) {
    case VIR_DOMAIN_DISK_ERROR_NONE: return "no error";
    case VIR_DOMAIN_DISK_ERROR_UNSPEC: return "unspecified error";
    case VIR_DOMAIN_DISK_ERROR_NO_SPACE: return "no space";
    }
    return "unknown error";
}


static bool
vshCmdDomblkerror(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virDomainDiskErrorPtr errors = NULL;
    bool ret = false;
    int count;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((count = virDomainGetDiskErrors(dom, NULL, 0, 0)) < 0)
        return false;
    if (count == 0) {
        vshPrint(ctl, "No errors found\n");
        return true;
    }
    errors = g_new0(virDomainDiskError, count);
    if ((count = virDomainGetDiskErrors(dom, errors, count, 0)) < 0)
        goto cleanup;
    for (i = 0; i < count; i++)
        vshPrint(ctl, "%s: %s\n", errors[i].disk,
                 vshDiskErrorName(errors[i].error));
    ret = true;

 cleanup:
    for (i = 0; i < count; i++)
        free(errors[i].disk);
    g_free(errors);
    return ret;
}


/* ---- domblkinfo ---- */

static const vshCmdOptDef vshOptsDomblkinfo[] = {
    VSH_OPT_DOMAIN,
    { "device", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "the disk, by target or source path" },
    { "human", VSH_OT_BOOL, 0, "sizes with units" },
    { "all", VSH_OT_BOOL, 0, "a table of every disk" },
    VSH_OPT_END
};


/* virsh prints sizes with three decimals and a binary unit */
static char *
vshBlkSize(unsigned long long bytes, bool human)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double val = bytes;
    size_t u = 0;

    if (!human)
        return g_strdup_printf("%llu", bytes);
    while (val >= 1024 && u + 1 < G_N_ELEMENTS(units)) {
        val /= 1024;
        u++;
    }
    if (u == 0)
        return g_strdup_printf("%llu B", bytes);
    return g_strdup_printf("%.3f %s", val, units[u]);
}


static bool
vshCmdDomblkinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool human = vshCmdOptBool(cmd, "human");
    bool all = vshCmdOptBool(cmd, "all");
    virDomainBlockInfo info;
    const char *device = NULL;

    if (!vshCmdExclusive(ctl, cmd, "all", "device"))
        return false;
    if (vshCmdOptString(ctl, cmd, "device", &device) < 0)
        return false;
    if (!all && !device) {
        vshError(ctl, "%s", "command 'domblkinfo' requires <device> option");
        return false;
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (all) {
        g_autoptr(vshTable) table = vshTableNew("Target", "Capacity",
                                                "Allocation", "Physical",
                                                NULL);
        vshDomXML x = { NULL, NULL };
        g_autofree xmlNodePtr *disks = NULL;
        bool active = virDomainIsActive(dom) == 1;
        int n;
        int i;

        if (!vshDomXMLLoad(dom, 0, &x))
            return false;
        n = vshDomXMLNodes(&x, "/domain/devices/disk", &disks);
        for (i = 0; i < n; i++) {
            g_autofree char *target = vshNodeString(&x, disks[i],
                                                    "string(./target/@dev)");
            g_autofree char *src = vshDiskSource(&x, disks[i]);
            g_autofree char *cap = NULL;
            g_autofree char *alloc = NULL;
            g_autofree char *phys = NULL;

            if (!src || virDomainGetBlockInfo(dom, target, &info, 0) < 0) {
                /* an empty drive, or one an inactive domain cannot
                 * measure, gets dashes */
                if (src && active) {
                    vshDomXMLClear(&x);
                    return false;
                }
                vshResetLibvirtError();
                vshTableAppend(table, target ? target : "", "-", "-", "-",
                               NULL);
                continue;
            }
            cap = vshBlkSize(info.capacity, human);
            alloc = vshBlkSize(info.allocation, human);
            phys = vshBlkSize(info.physical, human);
            vshTableAppend(table, target ? target : "", cap, alloc, phys,
                           NULL);
        }
        vshDomXMLClear(&x);
        vshTablePrint(ctl, table);
        return true;
    }

    if (virDomainGetBlockInfo(dom, device, &info, 0) < 0)
        return false;
    {
        g_autofree char *cap = vshBlkSize(info.capacity, human);
        g_autofree char *alloc = vshBlkSize(info.allocation, human);
        g_autofree char *phys = vshBlkSize(info.physical, human);

        vshPrint(ctl, "%-15s %s\n", "Capacity:", cap);
        vshPrint(ctl, "%-15s %s\n", "Allocation:", alloc);
        vshPrint(ctl, "%-15s %s\n", "Physical:", phys);
    }
    return true;
}


/* ---- domblklist ---- */

static const vshCmdOptDef vshOptsDomblklist[] = {
    VSH_OPT_DOMAIN,
    { "inactive", VSH_OT_BOOL, 0, "the configuration for its next boot" },
    { "details", VSH_OT_BOOL, 0, "add the disk's type and device" },
    VSH_OPT_END
};


static bool
vshCmdDomblklist(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(vshTable) table = NULL;
    g_autofree xmlNodePtr *disks = NULL;
    bool details = vshCmdOptBool(cmd, "details");
    vshDomXML x = { NULL, NULL };
    int n;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshDomXMLLoad(dom, vshCmdOptBool(cmd, "inactive") ?
                       VIR_DOMAIN_XML_INACTIVE : 0, &x))
        return false;

    if (details)
        table = vshTableNew("Type", "Device", "Target", "Source", NULL);
    else
        table = vshTableNew("Target", "Source", NULL);

    n = vshDomXMLNodes(&x, "/domain/devices/disk", &disks);
    for (i = 0; i < n; i++) {
        g_autofree char *type = vshNodeString(&x, disks[i], "string(./@type)");
        g_autofree char *device = vshNodeString(&x, disks[i],
                                                "string(./@device)");
        g_autofree char *target = vshNodeString(&x, disks[i],
                                                "string(./target/@dev)");
        g_autofree char *src = vshDiskSource(&x, disks[i]);

        if (!target) {
            vshError(ctl, "%s", "unable to query block list");
            vshDomXMLClear(&x);
            return false;
        }
        if (details)
            vshTableAppend(table, type ? type : "",
                           device ? device : "disk", target,
                           src ? src : "-", NULL);
        else
            vshTableAppend(table, target, src ? src : "-", NULL);
    }
    vshDomXMLClear(&x);
    vshTablePrint(ctl, table);
    return true;
}


/* ---- domblkstat ---- */

static const vshCmdOptDef vshOptsDomblkstat[] = {
    VSH_OPT_DOMAIN,
    { "device", VSH_OT_STRING, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK,
      "the disk (all of them together when empty)" },
    { "human", VSH_OT_BOOL, 0, "one labelled line per number" },
    VSH_OPT_END
};


static bool
vshCmdDomblkstat(vshControl *ctl, const vshCmd *cmd)
{
    static const struct {
        const char *field;
        const char *label;
        size_t offset;
    } rows[] = {
        { "rd_req", "number of read operations:",
          G_STRUCT_OFFSET(virDomainBlockStatsStruct, rd_req) },
        { "rd_bytes", "number of bytes read:",
          G_STRUCT_OFFSET(virDomainBlockStatsStruct, rd_bytes) },
        { "wr_req", "number of write operations:",
          G_STRUCT_OFFSET(virDomainBlockStatsStruct, wr_req) },
        { "wr_bytes", "number of bytes written:",
          G_STRUCT_OFFSET(virDomainBlockStatsStruct, wr_bytes) },
        { "errs", "error count:",
          G_STRUCT_OFFSET(virDomainBlockStatsStruct, errs) },
    };
    g_autoptr(virDomain) dom = NULL;
    virDomainBlockStatsStruct stats;
    bool human = vshCmdOptBool(cmd, "human");
    const char *name;
    const char *device = NULL;
    size_t i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "device", &device) < 0)
        return false;
    if (!device)
        device = "";

    if (virDomainBlockStats(dom, device, &stats, sizeof(stats)) < 0) {
        vshError(ctl, "Failed to get block stats %s %s", name, device);
        return false;
    }
    if (human)
        vshPrint(ctl, "Device: %s\n", device);
    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        long long val = G_STRUCT_MEMBER(long long, &stats, rows[i].offset);

        if (val == -1)
            continue;
        if (human)
            vshPrint(ctl, " %-31s %lld\n", rows[i].label, val);
        else
            vshPrint(ctl, "%s %s %lld\n", device, rows[i].field, val);
    }
    return true;
}


/* ---- domcontrol ---- */

static bool
vshCmdDomcontrol(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const states[] = {
        "ok", "background job", "occupied", "error",
    };
    static const char *const reasons[] = {
        "none", "unknown", "monitor failure", "internal (locking) error",
    };
    g_autoptr(virDomain) dom = NULL;
    virDomainControlInfo info;
    const char *state;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (virDomainGetControlInfo(dom, &info, 0) < 0)
        return false;

    state = info.state < G_N_ELEMENTS(states) ? states[info.state] : "unknown";
    if (info.state == VIR_DOMAIN_CONTROL_ERROR) {
        vshPrint(ctl, "%s: %s\n", state,
                 info.details < G_N_ELEMENTS(reasons) ?
                 reasons[info.details] : "unknown");
    } else if (info.state != VIR_DOMAIN_CONTROL_OK) {
        vshPrint(ctl, "%s (%0.3fs)\n", state, info.stateTime / 1000.0);
    } else {
        vshPrint(ctl, "%s\n", state);
    }
    return true;
}


/* ---- domif-getlink ---- */

static const vshCmdOptDef vshOptsDomifGetlink[] = {
    VSH_OPT_DOMAIN,
    { "interface", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the interface, by device name or MAC address" },
    { "config", VSH_OT_BOOL, 0, "the state in the persistent configuration" },
    VSH_OPT_END
};


static bool
vshLooksLikeMAC(const char *str)
{
    size_t i;

    if (strlen(str) != 17)
        return false;
    for (i = 0; i < 17; i++) {
        if (i % 3 == 2 ? str[i] != ':' : !g_ascii_isxdigit(str[i]))
            return false;
    }
    return true;
}


static bool
vshCmdDomifGetlink(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree xmlNodePtr *ifaces = NULL;
    g_autofree char *state = NULL;
    vshDomXML x = { NULL, NULL };
    const char *iface;
    bool byMAC;
    bool found = false;
    int n;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "interface", &iface) <= 0)
        return false;
    if (!vshDomXMLLoad(dom, vshCmdOptBool(cmd, "config") ?
                       VIR_DOMAIN_XML_INACTIVE : 0, &x))
        return false;

    byMAC = vshLooksLikeMAC(iface);
    n = vshDomXMLNodes(&x, "/domain/devices/interface", &ifaces);
    for (i = 0; i < n && !found; i++) {
        g_autofree char *key = vshNodeString(&x, ifaces[i], byMAC ?
                                             "string(./mac/@address)" :
                                             "string(./target/@dev)");

        if (key && (byMAC ? g_ascii_strcasecmp(key, iface) == 0 :
                    strcmp(key, iface) == 0)) {
            found = true;
            state = vshNodeString(&x, ifaces[i], "string(./link/@state)");
        }
    }
    vshDomXMLClear(&x);
    if (!found) {
        vshError(ctl, "Interface (%s: %s) not found.",
                 byMAC ? "mac" : "dev", iface);
        return false;
    }
    vshPrint(ctl, "%s %s", iface, state ? state : "up");
    return true;
}


/* ---- domiflist ---- */

static const vshCmdOptDef vshOptsDomiflist[] = {
    VSH_OPT_DOMAIN,
    { "inactive", VSH_OT_BOOL, 0, "the configuration for its next boot" },
    VSH_OPT_END
};


static bool
vshCmdDomiflist(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(vshTable) table = NULL;
    g_autofree xmlNodePtr *ifaces = NULL;
    vshDomXML x = { NULL, NULL };
    int n;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshDomXMLLoad(dom, vshCmdOptBool(cmd, "inactive") ?
                       VIR_DOMAIN_XML_INACTIVE : 0, &x))
        return false;

    table = vshTableNew("Interface", "Type", "Source", "Model", "MAC", NULL);
    n = vshDomXMLNodes(&x, "/domain/devices/interface", &ifaces);
    for (i = 0; i < n; i++) {
        g_autofree char *type = vshNodeString(&x, ifaces[i], "string(./@type)");
        g_autofree char *src = vshNodeString(&x, ifaces[i],
                                             "string(./source/@bridge | "
                                             "./source/@dev | "
                                             "./source/@network | "
                                             "./source/@name | "
                                             "./source/@path)");
        g_autofree char *target = vshNodeString(&x, ifaces[i],
                                                "string(./target/@dev)");
        g_autofree char *model = vshNodeString(&x, ifaces[i],
                                               "string(./model/@type)");
        g_autofree char *mac = vshNodeString(&x, ifaces[i],
                                             "string(./mac/@address)");

        vshTableAppend(table, target ? target : "-", type ? type : "",
                       src ? src : "-", model ? model : "-",
                       mac ? mac : "-", NULL);
    }
    vshDomXMLClear(&x);
    vshTablePrint(ctl, table);
    return true;
}


/* ---- domifstat ---- */

static const vshCmdOptDef vshOptsDomifstat[] = {
    VSH_OPT_DOMAIN,
    { "interface", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the interface, by device name or MAC address" },
    VSH_OPT_END
};


static bool
vshCmdDomifstat(vshControl *ctl, const vshCmd *cmd)
{
    static const struct {
        const char *field;
        size_t offset;
    } rows[] = {
        { "rx_bytes", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, rx_bytes) },
        { "rx_packets", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, rx_packets) },
        { "rx_errs", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, rx_errs) },
        { "rx_drop", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, rx_drop) },
        { "tx_bytes", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, tx_bytes) },
        { "tx_packets", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, tx_packets) },
        { "tx_errs", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, tx_errs) },
        { "tx_drop", G_STRUCT_OFFSET(virDomainInterfaceStatsStruct, tx_drop) },
    };
    g_autoptr(virDomain) dom = NULL;
    virDomainInterfaceStatsStruct stats;
    const char *name;
    const char *device;
    size_t i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "interface", &device) <= 0)
        return false;
    if (virDomainInterfaceStats(dom, device, &stats, sizeof(stats)) < 0) {
        vshError(ctl, "Failed to get interface stats %s %s", name, device);
        return false;
    }
    for (i = 0; i < G_N_ELEMENTS(rows); i++) {
        long long val = G_STRUCT_MEMBER(long long, &stats, rows[i].offset);

        if (val != -1)
            vshPrint(ctl, "%s %s %lld\n", device, rows[i].field, val);
    }
    return true;
}


/* ---- dommemstat ---- */

static const vshCmdOptDef vshOptsDommemstat[] = {
    VSH_OPT_DOMAIN,
    { "period", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "collect statistics every so many seconds (0 stops)" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "live", VSH_OT_BOOL, 0, "change the running domain" },
    { "current", VSH_OT_BOOL, 0, "change whichever of the two is current" },
    VSH_OPT_END
};


static const char *
vshMemStatName(int tag)
{
    switch (tag) {
    case VIR_DOMAIN_MEMORY_STAT_SWAP_IN: return "swap_in";
    case VIR_DOMAIN_MEMORY_STAT_SWAP_OUT: return "swap_out";
    case VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT: return "major_fault";
    case VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT: return "minor_fault";
    case VIR_DOMAIN_MEMORY_STAT_UNUSED: return "unused";
    case VIR_DOMAIN_MEMORY_STAT_AVAILABLE: return "available";
    case VIR_DOMAIN_MEMORY_STAT_USABLE: return "usable";
    case VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON: return "actual";
    case VIR_DOMAIN_MEMORY_STAT_RSS: return "rss";
    case VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE: return "last_update";
    case VIR_DOMAIN_MEMORY_STAT_DISK_CACHES: return "disk_caches";
    case VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC: return "hugetlb_pgalloc";
    case VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL: return "hugetlb_pgfail";
    }
    return NULL;
}


/* --current against --live/--config, as the tunable commands check it. */
static bool
vshLiveConfigFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags)
{
    bool config = vshCmdOptBool(cmd, "config");
    bool live = vshCmdOptBool(cmd, "live");

    if (!vshCmdExclusive(ctl, cmd, "current", "live") ||
        !vshCmdExclusive(ctl, cmd, "current", "config"))
        return false;
    *flags = 0;
    if (config)
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (live)
        *flags |= VIR_DOMAIN_AFFECT_LIVE;
    return true;
}


static bool
vshCmdDommemstat(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    const char *name;
    unsigned int flags;
    int period = -1;
    int rc;
    int n;
    int i;

    if (!vshLiveConfigFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;

    if ((rc = vshCmdOptInt(ctl, cmd, "period", &period)) < 0)
        return false;
    if (rc > 0) {
        if (period < 0) {
            vshError(ctl, "Invalid collection period value '%d'", period);
            return false;
        }
        if (virDomainSetMemoryStatsPeriod(dom, period, flags) < 0) {
            vshError(ctl, "%s", "Unable to change balloon collection period.");
            return false;
        }
        return true;
    }

    if ((n = virDomainMemoryStats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR,
                                  0)) < 0) {
        vshError(ctl, "Failed to get memory statistics for domain %s", name);
        return false;
    }
    for (i = 0; i < n; i++) {
        const char *field = vshMemStatName(stats[i].tag);

        if (field)
            vshPrint(ctl, "%s %llu\n", field, stats[i].val);
    }
    return true;
}


/* ---- domtime ---- */

static const vshCmdOptDef vshOptsDomtime[] = {
    VSH_OPT_DOMAIN,
    { "now", VSH_OT_BOOL, 0, "set the guest's clock to the host's time" },
    { "pretty", VSH_OT_BOOL, 0, "print the time as a date" },
    { "sync", VSH_OT_BOOL, 0, "set the guest's clock from its RTC" },
    { "time", VSH_OT_INT, 0, "set the guest's clock to this many seconds "
      "since the epoch" },
    VSH_OPT_END
};


static bool
vshCmdDomtime(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool now = vshCmdOptBool(cmd, "now");
    bool sync = vshCmdOptBool(cmd, "sync");
    bool pretty = vshCmdOptBool(cmd, "pretty");
    const char *timestr = NULL;
    long long seconds = 0;
    unsigned int nseconds = 0;

    if (!vshCmdExclusive(ctl, cmd, "time", "now") ||
        !vshCmdExclusive(ctl, cmd, "time", "sync") ||
        !vshCmdExclusive(ctl, cmd, "now", "sync"))
        return false;
    if (vshCmdOptString(ctl, cmd, "time", &timestr) < 0)
        return false;
    if (timestr) {
        char *end = NULL;

        seconds = g_ascii_strtoll(timestr, &end, 10);
        if (!*timestr || *end) {
            vshError(ctl, "Numeric value '%s' for <time> option is malformed "
                     "or out of range", timestr);
            return false;
        }
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (timestr || now || sync) {
        if (now) {
            gint64 usec = g_get_real_time();

            seconds = usec / G_USEC_PER_SEC;
            nseconds = (usec % G_USEC_PER_SEC) * 1000;
        }
        return virDomainSetTime(dom, seconds, nseconds,
                                sync ? VIR_DOMAIN_TIME_SYNC : 0) == 0;
    }

    if (virDomainGetTime(dom, &seconds, &nseconds, 0) < 0)
        return false;
    if (pretty) {
        time_t t = seconds;
        struct tm tm;
        char buf[64];

        if (!localtime_r(&t, &tm) ||
            strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm) == 0) {
            vshError(ctl, "%s", "Unable to format time");
            return false;
        }
        vshPrint(ctl, "Time: %s", buf);
    } else {
        vshPrint(ctl, "Time: %lld", seconds);
    }
    return true;
}


const vshCmdDef vshMonitorCmds[] = {
    { "domblkerror", vshCmdDomblkerror, vshOptsDomainOnly,
      "show the I/O errors a domain's disks have had",
      "Prints each disk that stopped on an error, and why.", 0 },
    { "domblkinfo", vshCmdDomblkinfo, vshOptsDomblkinfo,
      "show the sizes of a domain's disk",
      "Prints the capacity, allocation and physical size of one disk, or a\n"
      "table of all of them with --all.", 0 },
    { "domblklist", vshCmdDomblklist, vshOptsDomblklist,
      "list a domain's disks",
      "Lists each disk's target and source, from the domain's XML.", 0 },
    { "domblkstat", vshCmdDomblkstat, vshOptsDomblkstat,
      "show a domain disk's I/O counters",
      "Prints the read, write and error counters of one disk.", 0 },
    { "domcontrol", vshCmdDomcontrol, vshOptsDomainOnly,
      "show whether the domain's controlling process is free",
      "Prints the state of the interface that controls the domain.", 0 },
    { "domif-getlink", vshCmdDomifGetlink, vshOptsDomifGetlink,
      "show whether a domain interface's link is up",
      "Prints the link state of one of the domain's network interfaces.", 0 },
    { "domiflist", vshCmdDomiflist, vshOptsDomiflist,
      "list a domain's network interfaces",
      "Lists each interface's device, type, source, model and MAC address.", 0 },
    { "domifstat", vshCmdDomifstat, vshOptsDomifstat,
      "show a domain interface's traffic counters",
      "Prints the bytes, packets, errors and drops in each direction.", 0 },
    { "dommemstat", vshCmdDommemstat, vshOptsDommemstat,
      "show a domain's memory statistics",
      "Prints what the balloon driver reports, or sets how often it\n"
      "reports with --period.", 0 },
    { "domtime", vshCmdDomtime, vshOptsDomtime,
      "show or set a domain's clock",
      "Prints the guest's time, or sets it with --now, --time or --sync.", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
