/* vsh-cmd-domain-vcpu.c: virtual CPU commands of the "domain" group:
 * vcpucount, vcpuinfo, vcpupin, emulatorpin, setvcpus, setvcpu,
 * guestvcpus.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layouts and messages follow virsh 9.0; the help texts are our own.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "vsh.h"

#define VSH_OPT_DOMAIN(helptext) \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }


#define VSH_OPTS_AFFECT \
    { "config", VSH_OT_BOOL, 0, "the persistent configuration" }, \
    { "live", VSH_OT_BOOL, 0, "the running domain" }, \
    { "current", VSH_OT_BOOL, 0, "whichever state the domain is in now" }


/* How many CPUs the host has, as the maps of the pinning APIs count them. */
static int
vshHostCPUCount(vshControl *ctl)
{
    int n = virNodeGetCPUMap(ctl->conn, NULL, NULL, 0);

    if (n < 0)
        vshError(ctl, "%s", "Unable to get cpu map");
    return n;
}


/* "0-3,6" for the bits set in @map, looking at @maxcpu bits. */
static char *
vshCPUMapRanges(const unsigned char *map, int maxcpu)
{
    g_autoptr(GString) out = g_string_new(NULL);
    int i = 0;

    while (i < maxcpu) {
        int start;

        if (!VIR_CPU_USED(map, i)) {
            i++;
            continue;
        }
        start = i;
        while (i + 1 < maxcpu && VIR_CPU_USED(map, i + 1))
            i++;
        if (out->len)
            g_string_append_c(out, ',');
        if (i == start)
            g_string_append_printf(out, "%d", start);
        else
            g_string_append_printf(out, "%d-%d", start, i);
        i++;
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}


/* "yyyy----": one letter per host CPU. */
static char *
vshCPUMapLetters(const unsigned char *map, int maxcpu)
{
    char *out = g_new0(char, maxcpu + 1);
    int i;

    for (i = 0; i < maxcpu; i++)
        out[i] = VIR_CPU_USED(map, i) ? 'y' : '-';
    return out;
}


/* ---- vcpucount ------------------------------------------------------------ */

static const vshCmdOptDef vshOptsVcpucount[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "maximum", VSH_OT_BOOL, 0, "the most CPUs the domain may have" },
    { "active", VSH_OT_BOOL, 0, "the CPUs the domain has now" },
    { "live", VSH_OT_BOOL, 0, "ask the running domain" },
    { "config", VSH_OT_BOOL, 0, "ask the persistent configuration" },
    { "current", VSH_OT_BOOL, 0, "ask whichever state the domain is in now" },
    { "guest", VSH_OT_BOOL, 0, "ask the guest agent instead of the hypervisor" },
    VSH_OPT_END
};

static bool
vshCmdVcpucount(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool maximum = vshCmdOptBool(cmd, "maximum");
    bool active = vshCmdOptBool(cmd, "active");
    bool live = vshCmdOptBool(cmd, "live");
    bool config = vshCmdOptBool(cmd, "config");
    bool current = vshCmdOptBool(cmd, "current");
    bool guest = vshCmdOptBool(cmd, "guest");
    unsigned int flags = 0;
    int running;
    int n;
    int row;

    /* unlike elsewhere, --current goes with --live or --config */
    if (!vshCmdExclusive(ctl, cmd, "active", "maximum") ||
        !vshCmdExclusive(ctl, cmd, "guest", "config") ||
        !vshCmdExclusive(ctl, cmd, "live", "config"))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (maximum || active || live || config || current || guest) {
        if (maximum)
            flags |= VIR_DOMAIN_VCPU_MAXIMUM;
        if (live)
            flags |= VIR_DOMAIN_AFFECT_LIVE;
        if (config)
            flags |= VIR_DOMAIN_AFFECT_CONFIG;
        if (guest)
            flags |= VIR_DOMAIN_VCPU_GUEST;
        if ((n = virDomainGetVcpusFlags(dom, flags)) < 0) {
            if (guest)
                vshError(ctl, "%s", "Failed to retrieve vCPU count from the guest");
            return false;
        }
        vshPrint(ctl, "%d\n", n);
        return true;
    }

    /* the whole table; a stopped domain has no live values */
    running = virDomainIsActive(dom);
    for (row = 0; row < 4; row++) {
        bool rowMax = row < 2;
        bool rowLive = row % 2 == 1;

        if (rowLive && running != 1)
            continue;
        flags = (rowMax ? VIR_DOMAIN_VCPU_MAXIMUM : 0) |
                (rowLive ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG);
        if ((n = virDomainGetVcpusFlags(dom, flags)) < 0)
            return false;
        vshPrint(ctl, "%-12s %-12s %3d\n", rowMax ? "maximum" : "current",
                 rowLive ? "live" : "config", n);
    }
    return true;
}


/* ---- vcpuinfo ---------------------------------------------------------------- */

static const vshCmdOptDef vshOptsVcpuinfo[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "pretty", VSH_OT_BOOL, 0, "show the affinity as CPU ranges" },
    VSH_OPT_END
};

static const char *
vshVcpuStateName(int state)
{
    switch (state) {
    case VIR_VCPU_OFFLINE: return "offline";
    case VIR_VCPU_RUNNING: return "running";
    case VIR_VCPU_BLOCKED: return "blocked";
    default: return "no state";
    }
}

static void
vshPrintAffinity(vshControl *ctl, const unsigned char *map, int maxcpu,
                 bool pretty)
{
    g_autofree char *text = NULL;

    if (pretty) {
        text = vshCPUMapRanges(map, maxcpu);
        vshPrint(ctl, "%-15s %s (out of %d)\n", "CPU Affinity:", text, maxcpu);
    } else {
        text = vshCPUMapLetters(map, maxcpu);
        vshPrint(ctl, "%-15s %s\n", "CPU Affinity:", text);
    }
}

static bool
vshCmdVcpuinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree virVcpuInfoPtr info = NULL;
    g_autofree unsigned char *maps = NULL;
    bool pretty = vshCmdOptBool(cmd, "pretty");
    virDomainInfo dominfo;
    int maxcpu;
    int maplen;
    int n;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((maxcpu = vshHostCPUCount(ctl)) < 0)
        return false;
    if (virDomainGetInfo(dom, &dominfo) < 0)
        return false;

    maplen = VIR_CPU_MAPLEN(maxcpu);
    info = g_new0(virVcpuInfo, dominfo.nrVirtCpu);
    maps = g_new0(unsigned char, (size_t)dominfo.nrVirtCpu * maplen);

    if ((n = virDomainGetVcpus(dom, info, dominfo.nrVirtCpu, maps, maplen)) >= 0) {
        for (i = 0; i < n; i++) {
            if (i > 0)
                vshPrint(ctl, "\n");
            vshPrint(ctl, "%-15s %d\n", "VCPU:", info[i].number);
            vshPrint(ctl, "%-15s %d\n", "CPU:", info[i].cpu);
            vshPrint(ctl, "%-15s %s\n", "State:", vshVcpuStateName(info[i].state));
            vshPrint(ctl, "%-15s %.1lfs\n", "CPU time:",
                     info[i].cpuTime / 1000000000.0);
            vshPrintAffinity(ctl, VIR_GET_CPUMAP(maps, maplen, i), maxcpu, pretty);
        }
        return true;
    }

    /* a stopped domain has no vCPU threads, only their pinning */
    if (dominfo.state != VIR_DOMAIN_SHUTOFF)
        return false;
    vshResetLibvirtError();
    if ((n = virDomainGetVcpuPinInfo(dom, dominfo.nrVirtCpu, maps, maplen,
                                     VIR_DOMAIN_AFFECT_CONFIG)) < 0)
        return false;
    for (i = 0; i < n; i++) {
        if (i > 0)
            vshPrint(ctl, "\n");
        vshPrint(ctl, "%-15s %d\n", "VCPU:", i);
        vshPrint(ctl, "%-15s %s\n", "CPU:", "N/A");
        vshPrint(ctl, "%-15s %s\n", "State:", "N/A");
        vshPrint(ctl, "%-15s %s\n", "CPU time", "N/A");
        vshPrintAffinity(ctl, VIR_GET_CPUMAP(maps, maplen, i), maxcpu, pretty);
    }
    return true;
}


/* ---- vcpupin, emulatorpin -------------------------------------------------------- */

static const vshCmdOptDef vshOptsVcpupin[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "vcpu", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "the virtual CPU (all of them when querying)" },
    { "cpulist", VSH_OT_STRING, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK,
      "host CPUs to pin to, like 0-3,^2 (leave out to query)" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};

static bool
vshCmdVcpupin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree unsigned char *map = NULL;
    g_autofree unsigned char *maps = NULL;
    g_autoptr(vshTable) table = NULL;
    const char *cpulist = NULL;
    unsigned int flags = 0;
    unsigned int vcpu = 0;
    bool query;
    int gotVcpu;
    int maxcpu;
    int maplen;
    int nvcpus;
    int n;
    int i;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((gotVcpu = vshCmdOptUInt(ctl, cmd, "vcpu", false, &vcpu)) < 0)
        return false;
    if (vshCmdOptString(ctl, cmd, "cpulist", &cpulist) < 0)
        return false;
    query = !cpulist;
    if (!query && !gotVcpu) {
        vshError(ctl, "%s", "vcpupin: Missing vCPU number in pin mode.");
        return false;
    }
    if ((maxcpu = vshHostCPUCount(ctl)) < 0)
        return false;
    maplen = VIR_CPU_MAPLEN(maxcpu);

    if (query || gotVcpu) {
        /* the vCPU must exist in the definition asked for */
        unsigned int countflags = flags | VIR_DOMAIN_VCPU_MAXIMUM;
        bool persistent = flags & VIR_DOMAIN_AFFECT_CONFIG;

        if (!(flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)))
            persistent = virDomainIsActive(dom) != 1;
        if ((nvcpus = virDomainGetVcpusFlags(dom, countflags)) < 0)
            return false;
        if (gotVcpu && vcpu >= (unsigned int)nvcpus) {
            vshError(ctl, "vcpu %u is out of range of %s cpu count %d",
                     vcpu, persistent ? "persistent" : "live", nvcpus);
            return false;
        }
    }

    if (query) {
        maps = g_new0(unsigned char, (size_t)nvcpus * maplen);
        if ((n = virDomainGetVcpuPinInfo(dom, nvcpus, maps, maplen, flags)) < 0)
            return false;
        table = vshTableNew("VCPU", "CPU Affinity", NULL);
        for (i = 0; i < n; i++) {
            g_autofree char *num = NULL;
            g_autofree char *ranges = NULL;

            if (gotVcpu && (unsigned int)i != vcpu)
                continue;
            num = g_strdup_printf("%d", i);
            ranges = vshCPUMapRanges(VIR_GET_CPUMAP(maps, maplen, i), maxcpu);
            vshTableAppend(table, num, ranges, NULL);
        }
        vshTablePrint(ctl, table);
        return true;
    }

    if (!(map = vshParseCPUList(ctl, cpulist, maxcpu, &maplen)))
        return false;
    if (flags == 0 && !vshCmdOptBool(cmd, "current"))
        return virDomainPinVcpu(dom, vcpu, map, maplen) == 0;
    return virDomainPinVcpuFlags(dom, vcpu, map, maplen, flags) == 0;
}


static const vshCmdOptDef vshOptsEmulatorpin[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "cpulist", VSH_OT_STRING, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK,
      "host CPUs to pin to, like 0-3,^2 (leave out to query)" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};

static bool
vshCmdEmulatorpin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree unsigned char *map = NULL;
    const char *cpulist = NULL;
    unsigned int flags = 0;
    int maxcpu;
    int maplen;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "cpulist", &cpulist) < 0)
        return false;
    if ((maxcpu = vshHostCPUCount(ctl)) < 0)
        return false;
    maplen = VIR_CPU_MAPLEN(maxcpu);

    if (!cpulist) {
        g_autofree char *ranges = NULL;

        map = g_new0(unsigned char, maplen);
        if (virDomainGetEmulatorPinInfo(dom, map, maplen, flags) < 0)
            return false;
        ranges = vshCPUMapRanges(map, maxcpu);
        vshPrintExtra(ctl, "%s %s\n", "emulator:", "CPU Affinity");
        vshPrintExtra(ctl, "----------------------------------\n");
        vshPrint(ctl, "       *: %s\n", ranges);
        return true;
    }

    if (!(map = vshParseCPUList(ctl, cpulist, maxcpu, &maplen)))
        return false;
    /* as in virsh, pinning with no flag at all means the running domain */
    if (flags == 0 && !vshCmdOptBool(cmd, "current"))
        flags = VIR_DOMAIN_AFFECT_LIVE;
    return virDomainPinEmulator(dom, map, maplen, flags) == 0;
}


/* ---- setvcpus, setvcpu, guestvcpus ---------------------------------------------- */

static const vshCmdOptDef vshOptsSetvcpus[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "count", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "how many virtual CPUs" },
    { "maximum", VSH_OT_BOOL, 0, "change the most CPUs the next boot allows" },
    VSH_OPTS_AFFECT,
    { "guest", VSH_OT_BOOL, 0, "switch CPUs on or off inside the guest" },
    { "hotpluggable", VSH_OT_BOOL, 0, "the added CPUs can be unplugged again" },
    VSH_OPT_END
};

static bool
vshCmdSetvcpus(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags = 0;
    unsigned int count = 0;

    if (!vshCmdAffectFlags(ctl, cmd, &flags) ||
        !vshCmdExclusive(ctl, cmd, "guest", "config"))
        return false;
    if (vshCmdOptBool(cmd, "maximum") && !vshCmdOptBool(cmd, "config")) {
        vshError(ctl, "%s", "Option --config is required by option --maximum");
        return false;
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptUInt(ctl, cmd, "count", false, &count) < 0)
        return false;
    if (count == 0) {
        vshError(ctl, "%s", "Can't set 0 processors for a VM");
        return false;
    }

    if (vshCmdOptBool(cmd, "maximum"))
        flags |= VIR_DOMAIN_VCPU_MAXIMUM;
    if (vshCmdOptBool(cmd, "guest"))
        flags |= VIR_DOMAIN_VCPU_GUEST;
    if (vshCmdOptBool(cmd, "hotpluggable"))
        flags |= VIR_DOMAIN_VCPU_HOTPLUGGABLE;

    if (flags == 0 && !vshCmdOptBool(cmd, "current"))
        return virDomainSetVcpus(dom, count) == 0;
    return virDomainSetVcpusFlags(dom, count, flags) == 0;
}


static const vshCmdOptDef vshOptsSetvcpu[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "vcpulist", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the virtual CPUs, like 1-3,^2" },
    { "enable", VSH_OT_BOOL, 0, "plug them in" },
    { "disable", VSH_OT_BOOL, 0, "unplug them" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};

static bool
vshCmdSetvcpu(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool enable = vshCmdOptBool(cmd, "enable");
    bool disable = vshCmdOptBool(cmd, "disable");
    const char *list;
    unsigned int flags = 0;

    if (!vshCmdExclusive(ctl, cmd, "enable", "disable") ||
        !vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!enable && !disable) {
        vshError(ctl, "%s", "one of --enable, --disable is required");
        return false;
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "vcpulist", &list) < 0)
        return false;
    return virDomainSetVcpu(dom, list, enable ? 1 : 0, flags) == 0;
}


static const vshCmdOptDef vshOptsGuestvcpus[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "cpulist", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the guest CPUs to switch" },
    { "enable", VSH_OT_BOOL, 0, "switch them on" },
    { "disable", VSH_OT_BOOL, 0, "switch them off" },
    VSH_OPT_END
};

static bool
vshCmdGuestvcpus(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    bool enable = vshCmdOptBool(cmd, "enable");
    bool disable = vshCmdOptBool(cmd, "disable");
    const char *list = NULL;
    unsigned int nparams = 0;
    size_t i;

    if (!vshCmdExclusive(ctl, cmd, "enable", "disable"))
        return false;
    if ((enable || disable) && !vshCmdOptBool(cmd, "cpulist")) {
        vshError(ctl, "Option --cpulist is required by option --%s",
                 enable ? "enable" : "disable");
        return false;
    }
    if (vshCmdOptBool(cmd, "cpulist") && !enable && !disable) {
        vshError(ctl, "%s", "One of options --enable or --disable is required by option --cpulist");
        return false;
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "cpulist", &list) < 0)
        return false;

    if (list)
        return virDomainSetGuestVcpus(dom, list, enable ? 1 : 0, 0) == 0;

    if (virDomainGetGuestVcpus(dom, &params, &nparams, 0) < 0)
        return false;
    for (i = 0; i < nparams; i++) {
        g_autofree char *val = vshTypedParamString(&params[i]);
        vshPrint(ctl, "%-15s: %s\n", params[i].field, val);
    }
    virTypedParamsFree(params, nparams);
    return true;
}


/* ---- the table ---------------------------------------------------------------- */

const vshCmdDef vshDomainVcpuCmds[] = {
    { "setvcpus", vshCmdSetvcpus, vshOptsSetvcpus,
      "change how many virtual CPUs a domain has",
      "Sets the number of virtual CPUs, or with --maximum --config the most\n"
      "the next boot allows.", 0 },
    { "vcpucount", vshCmdVcpucount, vshOptsVcpucount,
      "print how many virtual CPUs a domain has",
      "Prints the current and maximum vCPU counts of the running domain and\n"
      "its configuration, or just the one the options pick.", 0 },
    { "vcpuinfo", vshCmdVcpuinfo, vshOptsVcpuinfo,
      "show each virtual CPU of a domain",
      "Prints for every vCPU the host CPU it runs on, its state, its CPU\n"
      "time and the host CPUs it may use.", 0 },
    { "vcpupin", vshCmdVcpupin, vshOptsVcpupin,
      "show or set which host CPUs a virtual CPU may use",
      "Without a CPU list prints the affinity of the vCPUs; with one, pins\n"
      "the vCPU to those host CPUs.", 0 },
    { "emulatorpin", vshCmdEmulatorpin, vshOptsEmulatorpin,
      "show or set which host CPUs the emulator threads may use",
      "Without a CPU list prints the affinity of the domain's emulator\n"
      "threads; with one, pins them to those host CPUs.", 0 },
    { "guestvcpus", vshCmdGuestvcpus, vshOptsGuestvcpus,
      "show or switch the CPUs the guest uses",
      "Asks the guest agent which CPUs are online, or switches those given\n"
      "on or off.", 0 },
    { "setvcpu", vshCmdSetvcpu, vshOptsSetvcpu,
      "plug or unplug particular virtual CPUs",
      "Adds or removes the listed vCPUs (hotpluggable ones, or in the\n"
      "configuration).", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
