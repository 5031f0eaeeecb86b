/* vsh-cmd-tune.c: domain tunables and statistics commands: memtune,
 * numatune, blkiotune, blkdeviotune, domiftune, perf, the iothread*
 * commands, cpu-stats, domifaddr, send-key, domstats, cpu-models and
 * cpu-baseline.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Messages and layouts follow virsh 9.0 byte for byte; the help texts are
 * our own.  A tunables command without values to set prints the current
 * ones as "name: value" lines.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <linux/input-event-codes.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "vsh.h"

#define VSH_OPT_DOMAIN \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the domain: its name, id or uuid" }

#define VSH_OPTS_AFFECT \
    { "config", VSH_OT_BOOL, 0, "use the persistent definition" }, \
    { "live", VSH_OT_BOOL, 0, "use the running domain" }, \
    { "current", VSH_OT_BOOL, 0, "use whichever definition is current" }



/* --config/--live/--current to VIR_DOMAIN_AFFECT_* flags; false after an
 * error about options that exclude each other. */
static bool
vshAffectFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags)
{
    if (!vshCmdExclusive(ctl, cmd, "current", "live") ||
        !vshCmdExclusive(ctl, cmd, "current", "config"))
        return false;
    *flags = 0;
    if (vshCmdOptBool(cmd, "config"))
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (vshCmdOptBool(cmd, "live"))
        *flags |= VIR_DOMAIN_AFFECT_LIVE;
    return true;
}


/* A value as virsh shows it. */
static char *
vshTypedValue(const virTypedParameter *p)
{
    switch (p->type) {
    case VIR_TYPED_PARAM_INT:
        return g_strdup_printf("%d", p->value.i);
    case VIR_TYPED_PARAM_UINT:
        return g_strdup_printf("%u", p->value.ui);
    case VIR_TYPED_PARAM_LLONG:
        return g_strdup_printf("%lld", p->value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return g_strdup_printf("%llu", p->value.ul);
    case VIR_TYPED_PARAM_DOUBLE:
        return g_strdup_printf("%f", p->value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return g_strdup(p->value.b ? "yes" : "no");
    case VIR_TYPED_PARAM_STRING:
        return g_strdup(p->value.s ? p->value.s : "");
    }
    return g_strdup("unimplemented parameter type");
}


static void
vshPrintParams(vshControl *ctl, const virTypedParameter *params, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        g_autofree char *val = vshTypedValue(&params[i]);
        vshPrint(ctl, "%-15s: %s\n", params[i].field, val);
    }
}


/* Fetch with a first call for the count, as virsh does.  The getter
 * fills params/nparams; returns false after its failure. */
typedef int (*vshParamGetter)(virDomainPtr dom, const void *arg,
                              virTypedParameterPtr params, int *nparams,
                              unsigned int flags);

static bool
vshShowParams(vshControl *ctl, virDomainPtr dom, vshParamGetter get,
              const void *arg, unsigned int flags, const char *failure,
              bool unlimitedOK)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    bool ret = false;
    int i;

    if (get(dom, arg, NULL, &nparams, flags) < 0) {
        vshError(ctl, "%s", failure);
        return false;
    }
    if (nparams == 0)
        return true;
    params = g_new0(virTypedParameter, nparams);
    if (get(dom, arg, params, &nparams, flags) < 0) {
        vshError(ctl, "%s", failure);
        goto cleanup;
    }
    for (i = 0; i < nparams; i++) {
        if (unlimitedOK && params[i].type == VIR_TYPED_PARAM_ULLONG &&
            params[i].value.ul == VIR_DOMAIN_MEMORY_PARAM_UNLIMITED) {
            vshPrint(ctl, "%-15s: %s\n", params[i].field, "unlimited");
        } else {
            vshPrintParams(ctl, &params[i], 1);
        }
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- memtune ---------------------------------------------------------- */

static const vshCmdOptDef vshOptsMemtune[] = {
    VSH_OPT_DOMAIN,
    { "hard-limit", VSH_OT_INT, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK, "most memory the guest may use (KiB unless a unit is given)" },
    { "soft-limit", VSH_OT_INT, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK, "memory the guest keeps under contention (KiB unless a unit is given)" },
    { "swap-hard-limit", VSH_OT_INT, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK, "most memory plus swap (KiB unless a unit is given)" },
    { "min-guarantee", VSH_OT_INT, VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK, "memory the guest is always given (KiB unless a unit is given)" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


/* A size in KiB; a negative number means unlimited.  1 given, 0 not
 * given, -1 unparsable (with the library-style reason printed). */
static int
vshMemtuneSize(vshControl *ctl, const vshCmd *cmd, const char *name,
               unsigned long long *out)
{
    const char *str = NULL;
    char *end = NULL;
    long long v;
    unsigned long long bytes;
    unsigned long long scale = 1024;

    if (vshCmdOptString(ctl, cmd, name, &str) <= 0 || !str)
        return 0;
    errno = 0;
    v = strtoll(str, &end, 10);
    if (errno || end == str)
        return -1;
    if (v < 0) {
        *out = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
        return 1;
    }
    if (*end) {
        static const char units[] = "bkmgtpe";
        const char *pos = strchr(units, g_ascii_tolower(end[0]));
        unsigned long long base;
        size_t p;

        if (pos && (end[1] == '\0' || g_ascii_strcasecmp(end + 1, "iB") == 0))
            base = 1024;
        else if (pos && (end[1] == 'b' || end[1] == 'B') && end[2] == '\0')
            base = 1000;
        else {
            vshError(ctl, "Unable to parse integer parameter %s", name);
            vshError(ctl, "invalid argument: unknown suffix '%s'", end);
            return -2;
        }
        scale = 1;
        for (p = pos - units; p > 0; p--)
            scale *= base;
    }
    if ((unsigned long long)v > LLONG_MAX / scale) {
        vshError(ctl, "Unable to parse integer parameter %s", name);
        vshError(ctl, "numerical overflow: value too large: %s", str);
        return -2;
    }
    bytes = (unsigned long long)v * scale;
    *out = (bytes + 1023) / 1024;
    return 1;
}


static int
vshGetMemoryParams(virDomainPtr dom, const void *arg G_GNUC_UNUSED,
                   virTypedParameterPtr params, int *nparams,
                   unsigned int flags)
{
    return virDomainGetMemoryParameters(dom, params, nparams, flags);
}


static bool
vshCmdMemtune(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const opts[] = { "hard-limit", "soft-limit",
                                        "swap-hard-limit", "min-guarantee" };
    static const char *const fields[] = { VIR_DOMAIN_MEMORY_HARD_LIMIT,
                                          VIR_DOMAIN_MEMORY_SOFT_LIMIT,
                                          VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT,
                                          VIR_DOMAIN_MEMORY_MIN_GUARANTEE };
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;
    size_t i;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    for (i = 0; i < G_N_ELEMENTS(opts); i++) {
        unsigned long long v;
        int rc = vshMemtuneSize(ctl, cmd, opts[i], &v);

        if (rc == -1)
            vshError(ctl, "Unable to parse integer parameter %s", opts[i]);
        if (rc < 0)
            goto cleanup;
        if (rc > 0 &&
            virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                    fields[i], v) < 0)
            goto cleanup;
    }

    if (nparams == 0) {
        ret = vshShowParams(ctl, dom, vshGetMemoryParams, NULL, flags,
                            "Unable to get memory parameters",
                            true);
        goto cleanup;
    }
    if (virDomainSetMemoryParameters(dom, params, nparams, flags) < 0) {
        vshError(ctl, "%s", "Unable to change memory parameters");
        goto cleanup;
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- numatune --------------------------------------------------------- */

static const vshCmdOptDef vshOptsNumatune[] = {
    VSH_OPT_DOMAIN,
    { "mode", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "memory policy: strict, preferred, interleave or restrictive" },
    { "nodeset", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the host NUMA nodes to use" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};

static const char *const vshNumaModes[] = {
    "strict", "preferred", "interleave", "restrictive",
};


static bool
vshCmdNumatune(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    const char *mode = NULL;
    const char *nodeset = NULL;
    unsigned int flags;
    bool ret = false;
    int i;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "nodeset", &nodeset) < 0 ||
        vshCmdOptString(ctl, cmd, "mode", &mode) < 0)
        goto cleanup;

    if (nodeset &&
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_DOMAIN_NUMA_NODESET, nodeset) < 0)
        goto cleanup;
    if (mode) {
        int m = -1;

        for (i = 0; i < (int)G_N_ELEMENTS(vshNumaModes); i++) {
            if (strcmp(mode, vshNumaModes[i]) == 0)
                m = i;
        }
        if (m < 0) {
            char *end = NULL;
            long v = strtol(mode, &end, 10);

            if (end == mode || *end || v < INT_MIN || v > INT_MAX) {
                vshError(ctl, "Invalid mode: %s", mode);
                goto cleanup;
            }
            m = v;
        }
        if (virTypedParamsAddInt(&params, &nparams, &maxparams,
                                 VIR_DOMAIN_NUMA_MODE, m) < 0)
            goto cleanup;
    }

    if (nparams == 0) {
        virTypedParameterPtr cur = NULL;
        int n = 0;

        if (virDomainGetNumaParameters(dom, NULL, &n, flags) < 0) {
            vshError(ctl, "%s", "Unable to get numa parameters");
            goto cleanup;
        }
        if (n == 0) {
            ret = true;
            goto cleanup;
        }
        cur = g_new0(virTypedParameter, n);
        if (virDomainGetNumaParameters(dom, cur, &n, flags) < 0) {
            vshError(ctl, "%s", "Unable to get numa parameters");
            virTypedParamsFree(cur, n);
            goto cleanup;
        }
        for (i = 0; i < n; i++) {
            if (strcmp(cur[i].field, VIR_DOMAIN_NUMA_MODE) == 0 &&
                cur[i].type == VIR_TYPED_PARAM_INT &&
                cur[i].value.i >= 0 &&
                cur[i].value.i < (int)G_N_ELEMENTS(vshNumaModes)) {
                vshPrint(ctl, "%-15s: %s\n", cur[i].field,
                         vshNumaModes[cur[i].value.i]);
            } else {
                vshPrintParams(ctl, &cur[i], 1);
            }
        }
        virTypedParamsFree(cur, n);
        ret = true;
        goto cleanup;
    }
    if (virDomainSetNumaParameters(dom, params, nparams, flags) < 0) {
        vshError(ctl, "%s", "Unable to change numa parameters");
        goto cleanup;
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- blkiotune -------------------------------------------------------- */

static const vshCmdOptDef vshOptsBlkiotune[] = {
    VSH_OPT_DOMAIN,
    { "weight", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "the domain's block I/O weight" },
    { "device-weights", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "weights per device: /dev/path,weight,..." },
    { "device-read-iops-sec", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "read operations per second per device: /dev/path,limit,..." },
    { "device-write-iops-sec", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "write operations per second per device: /dev/path,limit,..." },
    { "device-read-bytes-sec", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "bytes read per second per device: /dev/path,limit,..." },
    { "device-write-bytes-sec", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "bytes written per second per device: /dev/path,limit,..." },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


static int
vshGetBlkioParams(virDomainPtr dom, const void *arg G_GNUC_UNUSED,
                  virTypedParameterPtr params, int *nparams,
                  unsigned int flags)
{
    return virDomainGetBlkioParameters(dom, params, nparams, flags);
}


static bool
vshCmdBlkiotune(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const opts[] = {
        "device-weights", "device-read-iops-sec", "device-write-iops-sec",
        "device-read-bytes-sec", "device-write-bytes-sec",
    };
    static const char *const fields[] = {
        VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
        VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIR_DOMAIN_BLKIO_DEVICE_READ_BPS,
        VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS,
    };
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    int weight = 0;
    int rc;
    bool ret = false;
    size_t i;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if ((rc = vshCmdOptInt(ctl, cmd, "weight", &weight)) < 0)
        goto cleanup;
    if (rc > 0) {
        if (weight <= 0) {
            vshError(ctl, "Invalid value of %d for I/O weight", weight);
            goto cleanup;
        }
        if (virTypedParamsAddUInt(&params, &nparams, &maxparams,
                                  VIR_DOMAIN_BLKIO_WEIGHT, weight) < 0)
            goto cleanup;
    }
    for (i = 0; i < G_N_ELEMENTS(opts); i++) {
        const char *val = NULL;

        if (vshCmdOptString(ctl, cmd, opts[i], &val) < 0)
            goto cleanup;
        if (val && virTypedParamsAddString(&params, &nparams, &maxparams,
                                           fields[i], val) < 0)
            goto cleanup;
    }

    if (nparams == 0) {
        ret = vshShowParams(ctl, dom, vshGetBlkioParams, NULL, flags,
                            "Unable to get blkio parameters",
                            false);
        goto cleanup;
    }
    if (virDomainSetBlkioParameters(dom, params, nparams, flags) < 0) {
        vshError(ctl, "%s", "Unable to change blkio parameters");
        goto cleanup;
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- blkdeviotune ----------------------------------------------------- */

static const vshCmdOptDef vshOptsBlkdeviotune[] = {
    VSH_OPT_DOMAIN,
    { "device", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the disk: its target or source path" },
    { "total-bytes-sec", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "bytes per second in total (a unit may follow)" },
    { "read-bytes-sec", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "bytes read per second (a unit may follow)" },
    { "write-bytes-sec", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "bytes written per second (a unit may follow)" },
    { "total-iops-sec", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "operations per second in total" },
    { "read-iops-sec", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "read operations per second" },
    { "write-iops-sec", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "write operations per second" },
    { "total-bytes-sec-max", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "burst of bytes per second in total" },
    { "read-bytes-sec-max", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "burst of bytes read per second" },
    { "write-bytes-sec-max", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "burst of bytes written per second" },
    { "total-iops-sec-max", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "burst of operations per second in total" },
    { "read-iops-sec-max", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "burst of read operations per second" },
    { "write-iops-sec-max", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "burst of write operations per second" },
    { "size-iops-sec", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "bytes one operation counts for" },
    { "group-name", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "share the limits with the disks of this group" },
    { "total-bytes-sec-max-length", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "seconds the total bytes burst may last" },
    { "read-bytes-sec-max-length", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "seconds the read bytes burst may last" },
    { "write-bytes-sec-max-length", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "seconds the write bytes burst may last" },
    { "total-iops-sec-max-length", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "seconds the total operations burst may last" },
    { "read-iops-sec-max-length", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "seconds the read operations burst may last" },
    { "write-iops-sec-max-length", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "seconds the write operations burst may last" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


/* A byte rate with an optional unit ("10M", "1GiB"); 1 given, 0 not
 * given, -1 after the first error line (*reason: the library-style detail
 * virsh prints after its own message, or NULL). */
static int
vshTuneScaledBytes(vshControl *ctl, const vshCmd *cmd, const char *name,
                   unsigned long long *out, char **reason)
{
    static const char units[] = "bkmgtpe";
    const char *str = NULL;
    char *end = NULL;
    unsigned long long v;
    unsigned long long scale = 1;

    *reason = NULL;
    if (vshCmdOptString(ctl, cmd, name, &str) < 0)
        return -1;
    if (!str)
        return 0;
    errno = 0;
    v = strtoull(str, &end, 10);
    if (errno || end == str || str[strspn(str, " \t")] == '-')
        goto malformed;
    if (*end) {
        const char *pos = strchr(units, g_ascii_tolower(end[0]));
        unsigned long long base;
        size_t p;

        if (pos && (end[1] == '\0' || g_ascii_strcasecmp(end + 1, "iB") == 0))
            base = 1024;
        else if (pos && (end[1] == 'b' || end[1] == 'B') && end[2] == '\0')
            base = 1000;
        else {
            *reason = g_strdup_printf("invalid argument: unknown suffix '%s'", end);
            goto malformed;
        }
        for (p = pos - units; p > 0; p--)
            scale *= base;
    }
    if (v && v > ULLONG_MAX / scale) {
        *reason = g_strdup_printf("numerical overflow: value too large: %s", str);
        goto malformed;
    }
    *out = v * scale;
    return 1;

 malformed:
    vshError(ctl, "Scaled numeric value '%s' for <%s> option is malformed or out of range",
             str, name);
    return -1;
}


static int
vshGetIoTune(virDomainPtr dom, const void *arg, virTypedParameterPtr params,
             int *nparams, unsigned int flags)
{
    return virDomainGetBlockIoTune(dom, arg, params, nparams, flags);
}


static bool
vshCmdBlkdeviotune(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    const char *disk = NULL;
    const char *group = NULL;
    unsigned int flags;
    bool ret = false;
    size_t i;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "device", &disk) <= 0)
        goto cleanup;

    /* options in libvirt's parameter order; bytes take units */
    for (i = 2; vshOptsBlkdeviotune[i].name && vshOptsBlkdeviotune[i].type != VSH_OT_BOOL; i++) {
        const char *opt = vshOptsBlkdeviotune[i].name;
        g_autofree char *field = g_strdelimit(g_strdup(opt), "-", '_');
        unsigned long long v;
        int rc;

        if (strcmp(opt, "group-name") == 0) {
            if (vshCmdOptString(ctl, cmd, opt, &group) < 0) {
                vshError(ctl, "%s", "Unable to parse group-name parameter");
                goto cleanup;
            }
            if (group &&
                virTypedParamsAddString(&params, &nparams, &maxparams,
                                        VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME,
                                        group) < 0)
                goto cleanup;
            continue;
        }
        if (strstr(opt, "bytes-sec") && !strstr(opt, "length")) {
            g_autofree char *reason = NULL;

            rc = vshTuneScaledBytes(ctl, cmd, opt, &v, &reason);
            if (rc < 0) {
                vshError(ctl, "%s", "Unable to parse integer parameter");
                if (reason)
                    vshError(ctl, "%s", reason);
                goto cleanup;
            }
        } else if ((rc = vshCmdOptULongLong(ctl, cmd, opt, false, &v)) < 0) {
            vshError(ctl, "%s", "Unable to parse integer parameter");
            goto cleanup;
        }
        if (rc > 0 &&
            virTypedParamsAddULLong(&params, &nparams, &maxparams, field, v) < 0)
            goto cleanup;
    }

    if (nparams == 0) {
        ret = vshShowParams(ctl, dom, vshGetIoTune, disk, flags,
                            "Unable to get block I/O throttle parameters",
                            false);
        goto cleanup;
    }
    if (virDomainSetBlockIoTune(dom, disk, params, nparams, flags) < 0) {
        vshError(ctl, "%s", "Unable to change block I/O throttle");
        goto cleanup;
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- domiftune -------------------------------------------------------- */

static const vshCmdOptDef vshOptsDomiftune[] = {
    VSH_OPT_DOMAIN,
    { "interface", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the interface: its target device or MAC address" },
    { "inbound", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "incoming traffic: average,peak,burst,floor" },
    { "outbound", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "outgoing traffic: average,peak,burst" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


static int
vshGetIfParams(virDomainPtr dom, const void *arg, virTypedParameterPtr params,
               int *nparams, unsigned int flags)
{
    return virDomainGetInterfaceParameters(dom, arg, params, nparams, flags);
}


/* "average[,peak[,burst[,floor]]]" into typed parameters PREFIX.*;
 * empty fields are left out. */
static bool
vshAddRate(vshControl *ctl, const char *str, bool inbound,
           virTypedParameterPtr *params, int *nparams, int *maxparams)
{
    static const char *const names[] = { "average", "peak", "burst", "floor" };
    g_auto(GStrv) parts = g_strsplit(str, ",", -1);
    const char *dir = inbound ? "inbound" : "outbound";
    size_t n = g_strv_length(parts);
    unsigned long long v[4] = { 0 };
    bool given[4] = { false };
    size_t i;

    if (n > 4) {
        vshError(ctl, "Rate string '%s' has too many fields", str);
        return false;
    }
    for (i = 0; i < n; i++) {
        char *end = NULL;

        if (!*parts[i])
            continue;
        errno = 0;
        v[i] = strtoull(parts[i], &end, 10);
        if (errno || end == parts[i] || *end || parts[i][0] == '-' ||
            v[i] > UINT_MAX) {
            vshError(ctl, "field '%s' is malformed", names[i]);
            return false;
        }
        given[i] = true;
    }
    if (inbound && !v[0] && !v[3] && (v[1] || v[2])) {
        vshError(ctl, "%s", "either inbound average or floor is mandatory");
        return false;
    }
    if (!inbound && !v[0] && (v[1] || v[2])) {
        vshError(ctl, "%s", "outbound average is mandatory");
        return false;
    }
    if (!inbound && v[3]) {
        vshError(ctl, "%s", "outbound floor is unsupported yet");
        return false;
    }
    for (i = 0; i < 4; i++) {
        g_autofree char *field = NULL;

        if (!given[i] || (!inbound && i == 3))
            continue;
        field = g_strdup_printf("%s.%s", dir, names[i]);
        if (virTypedParamsAddUInt(params, nparams, maxparams, field, v[i]) < 0)
            return false;
    }
    return true;
}


static bool
vshCmdDomiftune(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    const char *device = NULL;
    const char *in = NULL;
    const char *out = NULL;
    unsigned int flags;
    bool ret = false;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "interface", &device) <= 0 ||
        vshCmdOptString(ctl, cmd, "inbound", &in) < 0 ||
        vshCmdOptString(ctl, cmd, "outbound", &out) < 0)
        goto cleanup;
    if (in && !vshAddRate(ctl, in, true, &params, &nparams, &maxparams))
        goto cleanup;
    if (out && !vshAddRate(ctl, out, false, &params, &nparams, &maxparams))
        goto cleanup;

    if (nparams == 0) {
        ret = vshShowParams(ctl, dom, vshGetIfParams, device, flags,
                            "Unable to get interface parameters", false);
        goto cleanup;
    }
    if (virDomainSetInterfaceParameters(dom, device, params, nparams,
                                        flags) < 0) {
        vshError(ctl, "%s", "Unable to set interface parameters");
        goto cleanup;
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- perf ------------------------------------------------------------- */

static const vshCmdOptDef vshOptsPerf[] = {
    VSH_OPT_DOMAIN,
    { "enable", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "events to turn on, separated by commas" },
    { "disable", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "events to turn off, separated by commas" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


static void
vshPrintPerf(vshControl *ctl, const virTypedParameter *params, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        if (params[i].type == VIR_TYPED_PARAM_BOOLEAN)
            vshPrint(ctl, "%-15s: %s\n", params[i].field,
                     params[i].value.b ? "enabled" : "disabled");
        else
            vshPrintParams(ctl, &params[i], 1);
    }
}


static bool
vshCmdPerf(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    const char *enable = NULL;
    const char *disable = NULL;
    unsigned int flags;
    bool ret = false;
    size_t i;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "enable", &enable) < 0 ||
        vshCmdOptString(ctl, cmd, "disable", &disable) < 0)
        goto cleanup;

    for (i = 0; i < 2; i++) {
        const char *list = i == 0 ? enable : disable;
        g_auto(GStrv) names = NULL;
        size_t j;

        if (!list)
            continue;
        names = g_strsplit(list, ",", -1);
        for (j = 0; names[j]; j++) {
            if (!*names[j])
                continue;
            if (virTypedParamsAddBoolean(&params, &nparams, &maxparams,
                                         names[j], i == 0) < 0)
                goto cleanup;
        }
    }

    if (nparams == 0) {
        virTypedParameterPtr cur = NULL;
        int n = 0;

        if (virDomainGetPerfEvents(dom, &cur, &n, flags) < 0) {
            vshError(ctl, "%s", "Unable to get perf events");
            goto cleanup;
        }
        vshPrintPerf(ctl, cur, n);
        virTypedParamsFree(cur, n);
        ret = true;
        goto cleanup;
    }
    if (virDomainSetPerfEvents(dom, params, nparams, flags) < 0) {
        vshError(ctl, "%s", "Unable to enable/disable perf events");
        goto cleanup;
    }
    vshPrintPerf(ctl, params, nparams);
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- iothreads -------------------------------------------------------- */

static const vshCmdOptDef vshOptsIOThreadInfo[] = {
    VSH_OPT_DOMAIN,
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


/* "0-2,5" for the bits set in a CPU map. */
static char *
vshCPUMapFormat(const unsigned char *map, int maplen)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    int nbits = maplen * 8;
    int i = 0;

    while (i < nbits) {
        int j;

        if (!VIR_CPU_USED(map, i)) {
            i++;
            continue;
        }
        for (j = i; j + 1 < nbits && VIR_CPU_USED(map, j + 1); j++)
            ;
        if (buf->len)
            g_string_append_c(buf, ',');
        if (j == i)
            g_string_append_printf(buf, "%d", i);
        else
            g_string_append_printf(buf, "%d-%d", i, j);
        i = j + 1;
    }
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


static bool
vshCmdIOThreadInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(vshTable) table = NULL;
    virDomainIOThreadInfoPtr *info = NULL;
    unsigned int flags;
    int n;
    int i;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((n = virDomainGetIOThreadInfo(dom, &info, flags)) < 0) {
        vshError(ctl, "%s", "Unable to get domain IOThreads information");
        return false;
    }
    if (n == 0) {
        vshPrintExtra(ctl, "%s", "No IOThreads found for the domain");
        return true;
    }
    table = vshTableNew("IOThread ID", "CPU Affinity", NULL);
    for (i = 0; i < n; i++) {
        g_autofree char *id = g_strdup_printf("%u", info[i]->iothread_id);
        g_autofree char *cpus = vshCPUMapFormat(info[i]->cpumap,
                                                info[i]->cpumaplen);

        vshTableAppend(table, id, cpus, NULL);
        virDomainIOThreadInfoFree(info[i]);
    }
    free(info);
    vshTablePrint(ctl, table);
    return true;
}


static const vshCmdOptDef vshOptsIOThreadPin[] = {
    VSH_OPT_DOMAIN,
    { "iothread", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the IOThread's id" },
    { "cpulist", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the host CPUs it may run on" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


static bool
vshCmdIOThreadPin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree unsigned char *map = NULL;
    const char *cpulist = NULL;
    unsigned int flags;
    unsigned int id = 0;
    int maxcpu;
    int maplen = 0;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptUInt(ctl, cmd, "iothread", false, &id) < 0 ||
        vshCmdOptString(ctl, cmd, "cpulist", &cpulist) <= 0)
        return false;
    if ((maxcpu = virNodeGetCPUMap(ctl->conn, NULL, NULL, 0)) < 0)
        return false;
    if (!(map = vshParseCPUList(ctl, cpulist, maxcpu, &maplen)))
        return false;
    return virDomainPinIOThread(dom, id, map, maplen, flags) == 0;
}


static const vshCmdOptDef vshOptsIOThreadAdd[] = {
    VSH_OPT_DOMAIN,
    { "id", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the new IOThread's id" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsIOThreadDel[] = {
    VSH_OPT_DOMAIN,
    { "id", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the id of the IOThread to remove" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


static bool
vshIOThreadAddDel(vshControl *ctl, const vshCmd *cmd, bool add)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags;
    int id = 0;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptInt(ctl, cmd, "id", &id) < 0)
        return false;
    if (id <= 0) {
        vshError(ctl, "Invalid IOThread id value: '%d'", id);
        return false;
    }
    if (add)
        return virDomainAddIOThread(dom, id, flags) == 0;
    return virDomainDelIOThread(dom, id, flags) == 0;
}


static bool
vshCmdIOThreadAdd(vshControl *ctl, const vshCmd *cmd)
{
    return vshIOThreadAddDel(ctl, cmd, true);
}


static bool
vshCmdIOThreadDel(vshControl *ctl, const vshCmd *cmd)
{
    return vshIOThreadAddDel(ctl, cmd, false);
}


static const vshCmdOptDef vshOptsIOThreadSet[] = {
    VSH_OPT_DOMAIN,
    { "id", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the IOThread's id" },
    { "poll-max-ns", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "longest polling time, in nanoseconds" },
    { "poll-grow", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "how much the polling time grows" },
    { "poll-shrink", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "how much the polling time shrinks" },
    { "thread-pool-min", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "fewest worker threads" },
    { "thread-pool-max", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "most worker threads" },
    VSH_OPTS_AFFECT,
    VSH_OPT_END
};


static bool
vshCmdIOThreadSet(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    unsigned long long maxns;
    unsigned int grow, shrink;
    int pmin, pmax;
    int id = 0;
    int rc;
    bool ret = false;

    if (!vshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptInt(ctl, cmd, "id", &id) < 0)
        return false;
    if (id <= 0) {
        vshError(ctl, "Invalid IOThread id value: '%d'", id);
        return false;
    }

    if ((rc = vshCmdOptULongLong(ctl, cmd, "poll-max-ns", false, &maxns)) < 0)
        goto cleanup;
    if (rc > 0 && virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                          VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, maxns) < 0)
        goto cleanup;
    if ((rc = vshCmdOptUInt(ctl, cmd, "poll-grow", false, &grow)) < 0)
        goto cleanup;
    if (rc > 0 && virTypedParamsAddUInt(&params, &nparams, &maxparams,
                                        VIR_DOMAIN_IOTHREAD_POLL_GROW, grow) < 0)
        goto cleanup;
    if ((rc = vshCmdOptUInt(ctl, cmd, "poll-shrink", false, &shrink)) < 0)
        goto cleanup;
    if (rc > 0 && virTypedParamsAddUInt(&params, &nparams, &maxparams,
                                        VIR_DOMAIN_IOTHREAD_POLL_SHRINK, shrink) < 0)
        goto cleanup;
    if ((rc = vshCmdOptInt(ctl, cmd, "thread-pool-min", &pmin)) < 0)
        goto cleanup;
    if (rc > 0 && virTypedParamsAddInt(&params, &nparams, &maxparams,
                                       VIR_DOMAIN_IOTHREAD_THREAD_POOL_MIN, pmin) < 0)
        goto cleanup;
    if ((rc = vshCmdOptInt(ctl, cmd, "thread-pool-max", &pmax)) < 0)
        goto cleanup;
    if (rc > 0 && virTypedParamsAddInt(&params, &nparams, &maxparams,
                                       VIR_DOMAIN_IOTHREAD_THREAD_POOL_MAX, pmax) < 0)
        goto cleanup;

    if (nparams == 0) {
        vshError(ctl, "%s", "Not enough arguments passed, nothing to set");
        goto cleanup;
    }
    ret = virDomainSetIOThreadParams(dom, id, params, nparams, flags) == 0;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- cpu-stats -------------------------------------------------------- */

static const vshCmdOptDef vshOptsCPUStats[] = {
    VSH_OPT_DOMAIN,
    { "total", VSH_OT_BOOL, 0, "only the totals" },
    { "start", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "first CPU to show" },
    { "count", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "how many CPUs to show at most" },
    VSH_OPT_END
};


static void
vshPrintCPUParams(vshControl *ctl, const virTypedParameter *params, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        if (params[i].type == VIR_TYPED_PARAM_ULLONG &&
            g_str_has_suffix(params[i].field, "_time")) {
            vshPrint(ctl, "\t%-12s %19.9f seconds\n", params[i].field,
                     params[i].value.ul / 1e9);
        } else if (params[i].type) {
            g_autofree char *val = vshTypedValue(&params[i]);
            vshPrint(ctl, "\t%-12s %s\n", params[i].field, val);
        }
    }
}


static bool
vshCmdCPUStats(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    bool showTotal = vshCmdOptBool(cmd, "total");
    bool showPerCPU = !showTotal;
    int start = 0;
    int count = -1;
    int max, nparams, rcStart, rcCount;
    int i;
    bool ret = false;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((rcStart = vshCmdOptInt(ctl, cmd, "start", &start)) < 0)
        return false;
    if (start < 0) {
        vshError(ctl, "%s", "Invalid value for start CPU");
        return false;
    }
    if ((rcCount = vshCmdOptInt(ctl, cmd, "count", &count)) < 0)
        return false;
    if (rcCount > 0 && count < 0) {
        vshError(ctl, "%s", "Invalid value for number of CPUs to show");
        return false;
    }
    if (!showTotal && rcStart == 0 && rcCount == 0)
        showTotal = true;
    if (vshCmdOptBool(cmd, "total") && (rcStart > 0 || rcCount > 0))
        showPerCPU = true;

    if (showPerCPU) {
        if ((max = virDomainGetCPUStats(dom, NULL, 0, 0, 0, 0)) < 0)
            goto failed;
        if (start >= max) {
            vshError(ctl, "Start CPU %d is out of range (min: 0, max: %d)",
                     start, max - 1);
            goto cleanup;
        }
        if (count < 0) {
            count = max - start;
        } else if (count > max - start) {
            vshPrint(ctl, "Only %d CPUs available to show\n", max - start);
            count = max - start;
        }
        if (count > 0) {
            if ((nparams = virDomainGetCPUStats(dom, NULL, 0, 0, 1, 0)) < 0)
                goto failed;
            params = g_new0(virTypedParameter, nparams * count);
            if (virDomainGetCPUStats(dom, params, nparams, start, count, 0) < 0)
                goto failed;
            for (i = 0; i < count; i++) {
                vshPrint(ctl, "CPU%d:\n", start + i);
                vshPrintCPUParams(ctl, &params[i * nparams], nparams);
            }
            virTypedParamsClear(params, nparams * count);
            g_clear_pointer(&params, g_free);
        }
    }

    if (showTotal) {
        if ((nparams = virDomainGetCPUStats(dom, NULL, 0, -1, 1, 0)) < 0)
            goto failed;
        params = g_new0(virTypedParameter, nparams);
        if ((nparams = virDomainGetCPUStats(dom, params, nparams, -1, 1, 0)) < 0)
            goto failed;
        vshPrint(ctl, "%s", "Total:\n");
        vshPrintCPUParams(ctl, params, nparams);
        virTypedParamsClear(params, nparams);
        g_clear_pointer(&params, g_free);
    }
    ret = true;
    goto cleanup;

 failed:
    vshError(ctl, "Failed to retrieve CPU statistics for domain '%s'",
             virDomainGetName(dom));
 cleanup:
    g_free(params);
    return ret;
}


/* ---- domifaddr -------------------------------------------------------- */

static const vshCmdOptDef vshOptsDomifaddr[] = {
    VSH_OPT_DOMAIN,
    { "interface", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "only this interface of the guest" },
    { "full", VSH_OT_BOOL, 0, "repeat the name and MAC address on every line" },
    { "source", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "where addresses come from: lease, agent or arp" },
    VSH_OPT_END
};


static bool
vshCmdDomifaddr(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virDomainInterfacePtr *ifaces = NULL;
    const char *only = NULL;
    const char *source = NULL;
    bool full = vshCmdOptBool(cmd, "full");
    unsigned int src = VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE;
    int n = 0;
    int i;
    size_t j;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "interface", &only) < 0 ||
        vshCmdOptString(ctl, cmd, "source", &source) < 0)
        return false;
    if (source) {
        if (strcmp(source, "lease") == 0) {
            src = VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE;
        } else if (strcmp(source, "agent") == 0) {
            src = VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT;
        } else if (strcmp(source, "arp") == 0) {
            src = VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP;
        } else {
            vshError(ctl, "Unknown data source '%s'", source);
            return false;
        }
    }
    if ((n = virDomainInterfaceAddresses(dom, &ifaces, src, 0)) < 0) {
        vshError(ctl, "%s", "Failed to query for interfaces addresses");
        return false;
    }

    vshPrintExtra(ctl, " %-10s %-20s %-8s     %s\n%s%s\n", "Name",
                  "MAC address", "Protocol", "Address",
                  "-------------------------------------------------",
                  "------------------------------");
    for (i = 0; i < n; i++) {
        virDomainInterfacePtr iface = ifaces[i];
        const char *hw = iface->hwaddr ? iface->hwaddr : "N/A";

        if (only && strcmp(only, iface->name) != 0 &&
            !(iface->hwaddr && strcmp(only, iface->hwaddr) == 0))
            continue;
        if (iface->naddrs == 0)
            vshPrint(ctl, " %-10s %-17s    %s\n", iface->name, hw, "N/A");
        for (j = 0; j < iface->naddrs; j++) {
            g_autofree char *addr = g_strdup_printf("%s/%d",
                                                    iface->addrs[j].addr,
                                                    iface->addrs[j].prefix);
            const char *proto = iface->addrs[j].type == VIR_IP_ADDR_TYPE_IPV6 ?
                                "ipv6" : "ipv4";

            if (j == 0 || full)
                vshPrint(ctl, " %-10s %-17s    %-12s %s\n", iface->name, hw,
                         proto, addr);
            else
                vshPrint(ctl, " %-10s %-17s    %-12s %s\n", "-", "-", proto,
                         addr);
        }
    }
    for (i = 0; i < n; i++)
        virDomainInterfaceFree(ifaces[i]);
    free(ifaces);
    return true;
}


/* ---- send-key --------------------------------------------------------- */

static const vshCmdOptDef vshOptsSendKey[] = {
    VSH_OPT_DOMAIN,
    { "codeset", VSH_OT_STRING, 0, "how the keys are given (linux unless told)" },
    { "holdtime", VSH_OT_INT, 0, "how long the keys stay pressed, in milliseconds" },
    { "keycode", VSH_OT_ARGV, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED, "a key: its number or its name" },
    VSH_OPT_END
};

/* virKeycodeSet, in order. */
static const char *const vshKeycodeSets[] = {
    "linux", "xt", "atset1", "atset2", "atset3", "os_x", "xt_kbd", "usb",
    "win32", "rfb", "qnum",
};

#define K(name) { #name, name }
/* The Linux key names (the kernel's input event codes). */
static const struct {
    const char *name;
    unsigned int code;
} vshLinuxKeys[] = {
    K(KEY_RESERVED), K(KEY_ESC), K(KEY_1), K(KEY_2), K(KEY_3), K(KEY_4),
    K(KEY_5), K(KEY_6), K(KEY_7), K(KEY_8), K(KEY_9), K(KEY_0), K(KEY_MINUS),
    K(KEY_EQUAL), K(KEY_BACKSPACE), K(KEY_TAB), K(KEY_Q), K(KEY_W), K(KEY_E),
    K(KEY_R), K(KEY_T), K(KEY_Y), K(KEY_U), K(KEY_I), K(KEY_O), K(KEY_P),
    K(KEY_LEFTBRACE), K(KEY_RIGHTBRACE), K(KEY_ENTER), K(KEY_LEFTCTRL),
    K(KEY_A), K(KEY_S), K(KEY_D), K(KEY_F), K(KEY_G), K(KEY_H), K(KEY_J),
    K(KEY_K), K(KEY_L), K(KEY_SEMICOLON), K(KEY_APOSTROPHE), K(KEY_GRAVE),
    K(KEY_LEFTSHIFT), K(KEY_BACKSLASH), K(KEY_Z), K(KEY_X), K(KEY_C),
    K(KEY_V), K(KEY_B), K(KEY_N), K(KEY_M), K(KEY_COMMA), K(KEY_DOT),
    K(KEY_SLASH), K(KEY_RIGHTSHIFT), K(KEY_KPASTERISK), K(KEY_LEFTALT),
    K(KEY_SPACE), K(KEY_CAPSLOCK), K(KEY_F1), K(KEY_F2), K(KEY_F3), K(KEY_F4),
    K(KEY_F5), K(KEY_F6), K(KEY_F7), K(KEY_F8), K(KEY_F9), K(KEY_F10),
    K(KEY_NUMLOCK), K(KEY_SCROLLLOCK), K(KEY_KP7), K(KEY_KP8), K(KEY_KP9),
    K(KEY_KPMINUS), K(KEY_KP4), K(KEY_KP5), K(KEY_KP6), K(KEY_KPPLUS),
    K(KEY_KP1), K(KEY_KP2), K(KEY_KP3), K(KEY_KP0), K(KEY_KPDOT),
    K(KEY_ZENKAKUHANKAKU), K(KEY_102ND), K(KEY_F11), K(KEY_F12), K(KEY_RO),
    K(KEY_KATAKANA), K(KEY_HIRAGANA), K(KEY_HENKAN), K(KEY_KATAKANAHIRAGANA),
    K(KEY_MUHENKAN), K(KEY_KPJPCOMMA), K(KEY_KPENTER), K(KEY_RIGHTCTRL),
    K(KEY_KPSLASH), K(KEY_SYSRQ), K(KEY_RIGHTALT), K(KEY_LINEFEED),
    K(KEY_HOME), K(KEY_UP), K(KEY_PAGEUP), K(KEY_LEFT), K(KEY_RIGHT),
    K(KEY_END), K(KEY_DOWN), K(KEY_PAGEDOWN), K(KEY_INSERT), K(KEY_DELETE),
    K(KEY_MACRO), K(KEY_MUTE), K(KEY_VOLUMEDOWN), K(KEY_VOLUMEUP),
    K(KEY_POWER), K(KEY_KPEQUAL), K(KEY_KPPLUSMINUS), K(KEY_PAUSE),
    K(KEY_SCALE), K(KEY_KPCOMMA), K(KEY_HANGEUL), K(KEY_HANGUEL),
    K(KEY_HANJA), K(KEY_YEN), K(KEY_LEFTMETA), K(KEY_RIGHTMETA),
    K(KEY_COMPOSE), K(KEY_STOP), K(KEY_AGAIN), K(KEY_PROPS), K(KEY_UNDO),
    K(KEY_FRONT), K(KEY_COPY), K(KEY_OPEN), K(KEY_PASTE), K(KEY_FIND),
    K(KEY_CUT), K(KEY_HELP), K(KEY_MENU), K(KEY_CALC), K(KEY_SETUP),
    K(KEY_SLEEP), K(KEY_WAKEUP), K(KEY_FILE), K(KEY_SENDFILE),
    K(KEY_DELETEFILE), K(KEY_XFER), K(KEY_PROG1), K(KEY_PROG2), K(KEY_WWW),
    K(KEY_MSDOS), K(KEY_COFFEE), K(KEY_SCREENLOCK), K(KEY_ROTATE_DISPLAY),
    K(KEY_DIRECTION), K(KEY_CYCLEWINDOWS), K(KEY_MAIL), K(KEY_BOOKMARKS),
    K(KEY_COMPUTER), K(KEY_BACK), K(KEY_FORWARD), K(KEY_CLOSECD),
    K(KEY_EJECTCD), K(KEY_EJECTCLOSECD), K(KEY_NEXTSONG), K(KEY_PLAYPAUSE),
    K(KEY_PREVIOUSSONG), K(KEY_STOPCD), K(KEY_RECORD), K(KEY_REWIND),
    K(KEY_PHONE), K(KEY_ISO), K(KEY_CONFIG), K(KEY_HOMEPAGE), K(KEY_REFRESH),
    K(KEY_EXIT), K(KEY_MOVE), K(KEY_EDIT), K(KEY_SCROLLUP), K(KEY_SCROLLDOWN),
    K(KEY_KPLEFTPAREN), K(KEY_KPRIGHTPAREN), K(KEY_NEW), K(KEY_REDO),
    K(KEY_F13), K(KEY_F14), K(KEY_F15), K(KEY_F16), K(KEY_F17), K(KEY_F18),
    K(KEY_F19), K(KEY_F20), K(KEY_F21), K(KEY_F22), K(KEY_F23), K(KEY_F24),
    K(KEY_PLAYCD), K(KEY_PAUSECD), K(KEY_PROG3), K(KEY_PROG4),
    K(KEY_ALL_APPLICATIONS), K(KEY_DASHBOARD), K(KEY_SUSPEND), K(KEY_CLOSE),
    K(KEY_PLAY), K(KEY_FASTFORWARD), K(KEY_BASSBOOST), K(KEY_PRINT),
    K(KEY_HP), K(KEY_CAMERA), K(KEY_SOUND), K(KEY_QUESTION), K(KEY_EMAIL),
    K(KEY_CHAT), K(KEY_SEARCH), K(KEY_CONNECT), K(KEY_FINANCE), K(KEY_SPORT),
    K(KEY_SHOP), K(KEY_ALTERASE), K(KEY_CANCEL), K(KEY_BRIGHTNESSDOWN),
    K(KEY_BRIGHTNESSUP), K(KEY_MEDIA), K(KEY_SWITCHVIDEOMODE),
    K(KEY_KBDILLUMTOGGLE), K(KEY_KBDILLUMDOWN), K(KEY_KBDILLUMUP),
    K(KEY_SEND), K(KEY_REPLY), K(KEY_FORWARDMAIL), K(KEY_SAVE),
    K(KEY_DOCUMENTS), K(KEY_BATTERY), K(KEY_BLUETOOTH), K(KEY_WLAN),
    K(KEY_UWB), K(KEY_UNKNOWN), K(KEY_VIDEO_NEXT), K(KEY_VIDEO_PREV),
    K(KEY_BRIGHTNESS_CYCLE), K(KEY_BRIGHTNESS_AUTO), K(KEY_BRIGHTNESS_ZERO),
    K(KEY_DISPLAY_OFF), K(KEY_WWAN), K(KEY_WIMAX), K(KEY_RFKILL),
    K(KEY_MICMUTE), K(BTN_0), K(BTN_1), K(BTN_2), K(BTN_3), K(BTN_4),
    K(BTN_5), K(BTN_6), K(BTN_7), K(BTN_8), K(BTN_9), K(BTN_LEFT),
    K(BTN_RIGHT), K(BTN_MIDDLE), K(BTN_SIDE), K(BTN_EXTRA), K(BTN_FORWARD),
    K(BTN_BACK), K(BTN_TASK), K(BTN_TRIGGER), K(BTN_THUMB), K(BTN_THUMB2),
    K(BTN_TOP), K(BTN_TOP2), K(BTN_PINKIE), K(BTN_BASE), K(BTN_BASE2),
    K(BTN_BASE3), K(BTN_BASE4), K(BTN_BASE5), K(BTN_BASE6), K(BTN_DEAD),
    K(BTN_SOUTH), K(BTN_A), K(BTN_EAST), K(BTN_B), K(BTN_C), K(BTN_NORTH),
    K(BTN_X), K(BTN_WEST), K(BTN_Y), K(BTN_Z), K(BTN_TL), K(BTN_TR),
    K(BTN_TL2), K(BTN_TR2), K(BTN_SELECT), K(BTN_START), K(BTN_MODE),
    K(BTN_THUMBL), K(BTN_THUMBR), K(BTN_TOOL_PEN), K(BTN_TOOL_RUBBER),
    K(BTN_TOOL_BRUSH), K(BTN_TOOL_PENCIL), K(BTN_TOOL_AIRBRUSH),
    K(BTN_TOOL_FINGER), K(BTN_TOOL_MOUSE), K(BTN_TOOL_LENS),
    K(BTN_TOOL_QUINTTAP), K(BTN_STYLUS3), K(BTN_TOUCH), K(BTN_STYLUS),
    K(BTN_STYLUS2), K(BTN_TOOL_DOUBLETAP), K(BTN_TOOL_TRIPLETAP),
    K(BTN_TOOL_QUADTAP), K(BTN_GEAR_DOWN), K(BTN_GEAR_UP), K(KEY_OK),
    K(KEY_SELECT), K(KEY_GOTO), K(KEY_CLEAR), K(KEY_POWER2), K(KEY_OPTION),
    K(KEY_INFO), K(KEY_TIME), K(KEY_VENDOR), K(KEY_ARCHIVE), K(KEY_PROGRAM),
    K(KEY_CHANNEL), K(KEY_FAVORITES), K(KEY_EPG), K(KEY_PVR), K(KEY_MHP),
    K(KEY_LANGUAGE), K(KEY_TITLE), K(KEY_SUBTITLE), K(KEY_ANGLE),
    K(KEY_FULL_SCREEN), K(KEY_ZOOM), K(KEY_MODE), K(KEY_KEYBOARD),
    K(KEY_ASPECT_RATIO), K(KEY_SCREEN), K(KEY_PC), K(KEY_TV), K(KEY_TV2),
    K(KEY_VCR), K(KEY_VCR2), K(KEY_SAT), K(KEY_SAT2), K(KEY_CD), K(KEY_TAPE),
    K(KEY_RADIO), K(KEY_TUNER), K(KEY_PLAYER), K(KEY_TEXT), K(KEY_DVD),
    K(KEY_AUX), K(KEY_MP3), K(KEY_AUDIO), K(KEY_VIDEO), K(KEY_DIRECTORY),
    K(KEY_LIST), K(KEY_MEMO), K(KEY_CALENDAR), K(KEY_RED), K(KEY_GREEN),
    K(KEY_YELLOW), K(KEY_BLUE), K(KEY_CHANNELUP), K(KEY_CHANNELDOWN),
    K(KEY_FIRST), K(KEY_LAST), K(KEY_AB), K(KEY_NEXT), K(KEY_RESTART),
    K(KEY_SLOW), K(KEY_SHUFFLE), K(KEY_BREAK), K(KEY_PREVIOUS), K(KEY_DIGITS),
    K(KEY_TEEN), K(KEY_TWEN), K(KEY_VIDEOPHONE), K(KEY_GAMES), K(KEY_ZOOMIN),
    K(KEY_ZOOMOUT), K(KEY_ZOOMRESET), K(KEY_WORDPROCESSOR), K(KEY_EDITOR),
    K(KEY_SPREADSHEET), K(KEY_GRAPHICSEDITOR), K(KEY_PRESENTATION),
    K(KEY_DATABASE), K(KEY_NEWS), K(KEY_VOICEMAIL), K(KEY_ADDRESSBOOK),
    K(KEY_MESSENGER), K(KEY_DISPLAYTOGGLE), K(KEY_BRIGHTNESS_TOGGLE),
    K(KEY_SPELLCHECK), K(KEY_LOGOFF), K(KEY_DOLLAR), K(KEY_EURO),
    K(KEY_FRAMEBACK), K(KEY_FRAMEFORWARD), K(KEY_CONTEXT_MENU),
    K(KEY_MEDIA_REPEAT), K(KEY_10CHANNELSUP), K(KEY_10CHANNELSDOWN),
    K(KEY_IMAGES), K(KEY_NOTIFICATION_CENTER), K(KEY_PICKUP_PHONE),
    K(KEY_HANGUP_PHONE), K(KEY_LINK_PHONE), K(KEY_DEL_EOL), K(KEY_DEL_EOS),
    K(KEY_INS_LINE), K(KEY_DEL_LINE), K(KEY_FN), K(KEY_FN_ESC), K(KEY_FN_F1),
    K(KEY_FN_F2), K(KEY_FN_F3), K(KEY_FN_F4), K(KEY_FN_F5), K(KEY_FN_F6),
    K(KEY_FN_F7), K(KEY_FN_F8), K(KEY_FN_F9), K(KEY_FN_F10), K(KEY_FN_F11),
    K(KEY_FN_F12), K(KEY_FN_1), K(KEY_FN_2), K(KEY_FN_D), K(KEY_FN_E),
    K(KEY_FN_F), K(KEY_FN_S), K(KEY_FN_B), K(KEY_FN_RIGHT_SHIFT),
    K(KEY_BRL_DOT1), K(KEY_BRL_DOT2), K(KEY_BRL_DOT3), K(KEY_BRL_DOT4),
    K(KEY_BRL_DOT5), K(KEY_BRL_DOT6), K(KEY_BRL_DOT7), K(KEY_BRL_DOT8),
    K(KEY_BRL_DOT9), K(KEY_BRL_DOT10), K(KEY_NUMERIC_0), K(KEY_NUMERIC_1),
    K(KEY_NUMERIC_2), K(KEY_NUMERIC_3), K(KEY_NUMERIC_4), K(KEY_NUMERIC_5),
    K(KEY_NUMERIC_6), K(KEY_NUMERIC_7), K(KEY_NUMERIC_8), K(KEY_NUMERIC_9),
    K(KEY_NUMERIC_STAR), K(KEY_NUMERIC_POUND), K(KEY_NUMERIC_A),
    K(KEY_NUMERIC_B), K(KEY_NUMERIC_C), K(KEY_NUMERIC_D), K(KEY_CAMERA_FOCUS),
    K(KEY_WPS_BUTTON), K(KEY_TOUCHPAD_TOGGLE), K(KEY_TOUCHPAD_ON),
    K(KEY_TOUCHPAD_OFF), K(KEY_CAMERA_ZOOMIN), K(KEY_CAMERA_ZOOMOUT),
    K(KEY_CAMERA_UP), K(KEY_CAMERA_DOWN), K(KEY_CAMERA_LEFT),
    K(KEY_CAMERA_RIGHT), K(KEY_ATTENDANT_ON), K(KEY_ATTENDANT_OFF),
    K(KEY_ATTENDANT_TOGGLE), K(KEY_LIGHTS_TOGGLE), K(BTN_DPAD_UP),
    K(BTN_DPAD_DOWN), K(BTN_DPAD_LEFT), K(BTN_DPAD_RIGHT), K(KEY_ALS_TOGGLE),
    K(KEY_ROTATE_LOCK_TOGGLE), K(KEY_REFRESH_RATE_TOGGLE),
    K(KEY_BUTTONCONFIG), K(KEY_TASKMANAGER), K(KEY_JOURNAL),
    K(KEY_CONTROLPANEL), K(KEY_APPSELECT), K(KEY_SCREENSAVER),
    K(KEY_VOICECOMMAND), K(KEY_ASSISTANT), K(KEY_KBD_LAYOUT_NEXT),
    K(KEY_EMOJI_PICKER), K(KEY_DICTATE), K(KEY_BRIGHTNESS_MIN),
    K(KEY_BRIGHTNESS_MAX), K(KEY_KBDINPUTASSIST_PREV),
    K(KEY_KBDINPUTASSIST_NEXT), K(KEY_KBDINPUTASSIST_PREVGROUP),
    K(KEY_KBDINPUTASSIST_NEXTGROUP), K(KEY_KBDINPUTASSIST_ACCEPT),
    K(KEY_KBDINPUTASSIST_CANCEL), K(KEY_RIGHT_UP), K(KEY_RIGHT_DOWN),
    K(KEY_LEFT_UP), K(KEY_LEFT_DOWN), K(KEY_ROOT_MENU), K(KEY_MEDIA_TOP_MENU),
    K(KEY_NUMERIC_11), K(KEY_NUMERIC_12), K(KEY_AUDIO_DESC), K(KEY_3D_MODE),
    K(KEY_NEXT_FAVORITE), K(KEY_STOP_RECORD), K(KEY_PAUSE_RECORD), K(KEY_VOD),
    K(KEY_UNMUTE), K(KEY_FASTREVERSE), K(KEY_SLOWREVERSE), K(KEY_DATA),
    K(KEY_ONSCREEN_KEYBOARD), K(KEY_PRIVACY_SCREEN_TOGGLE),
    K(KEY_SELECTIVE_SCREENSHOT), K(KEY_NEXT_ELEMENT), K(KEY_PREVIOUS_ELEMENT),
    K(KEY_AUTOPILOT_ENGAGE_TOGGLE), K(KEY_MARK_WAYPOINT), K(KEY_SOS),
    K(KEY_NAV_CHART), K(KEY_FISHING_CHART), K(KEY_SINGLE_RANGE_RADAR),
    K(KEY_DUAL_RANGE_RADAR), K(KEY_RADAR_OVERLAY), K(KEY_TRADITIONAL_SONAR),
    K(KEY_CLEARVU_SONAR), K(KEY_SIDEVU_SONAR), K(KEY_NAV_INFO),
    K(KEY_BRIGHTNESS_MENU), K(KEY_MACRO1), K(KEY_MACRO2), K(KEY_MACRO3),
    K(KEY_MACRO4), K(KEY_MACRO5), K(KEY_MACRO6), K(KEY_MACRO7), K(KEY_MACRO8),
    K(KEY_MACRO9), K(KEY_MACRO10), K(KEY_MACRO11), K(KEY_MACRO12),
    K(KEY_MACRO13), K(KEY_MACRO14), K(KEY_MACRO15), K(KEY_MACRO16),
    K(KEY_MACRO17), K(KEY_MACRO18), K(KEY_MACRO19), K(KEY_MACRO20),
    K(KEY_MACRO21), K(KEY_MACRO22), K(KEY_MACRO23), K(KEY_MACRO24),
    K(KEY_MACRO25), K(KEY_MACRO26), K(KEY_MACRO27), K(KEY_MACRO28),
    K(KEY_MACRO29), K(KEY_MACRO30), K(KEY_MACRO_RECORD_START),
    K(KEY_MACRO_RECORD_STOP), K(KEY_MACRO_PRESET_CYCLE), K(KEY_MACRO_PRESET1),
    K(KEY_MACRO_PRESET2), K(KEY_MACRO_PRESET3), K(KEY_KBD_LCD_MENU1),
    K(KEY_KBD_LCD_MENU2), K(KEY_KBD_LCD_MENU3), K(KEY_KBD_LCD_MENU4),
    K(KEY_KBD_LCD_MENU5), K(BTN_TRIGGER_HAPPY1), K(BTN_TRIGGER_HAPPY2),
    K(BTN_TRIGGER_HAPPY3), K(BTN_TRIGGER_HAPPY4), K(BTN_TRIGGER_HAPPY5),
    K(BTN_TRIGGER_HAPPY6), K(BTN_TRIGGER_HAPPY7), K(BTN_TRIGGER_HAPPY8),
    K(BTN_TRIGGER_HAPPY9), K(BTN_TRIGGER_HAPPY10), K(BTN_TRIGGER_HAPPY11),
    K(BTN_TRIGGER_HAPPY12), K(BTN_TRIGGER_HAPPY13), K(BTN_TRIGGER_HAPPY14),
    K(BTN_TRIGGER_HAPPY15), K(BTN_TRIGGER_HAPPY16), K(BTN_TRIGGER_HAPPY17),
    K(BTN_TRIGGER_HAPPY18), K(BTN_TRIGGER_HAPPY19), K(BTN_TRIGGER_HAPPY20),
    K(BTN_TRIGGER_HAPPY21), K(BTN_TRIGGER_HAPPY22), K(BTN_TRIGGER_HAPPY23),
    K(BTN_TRIGGER_HAPPY24), K(BTN_TRIGGER_HAPPY25), K(BTN_TRIGGER_HAPPY26),
    K(BTN_TRIGGER_HAPPY27), K(BTN_TRIGGER_HAPPY28), K(BTN_TRIGGER_HAPPY29),
    K(BTN_TRIGGER_HAPPY30), K(BTN_TRIGGER_HAPPY31), K(BTN_TRIGGER_HAPPY32),
    K(BTN_TRIGGER_HAPPY33), K(BTN_TRIGGER_HAPPY34), K(BTN_TRIGGER_HAPPY35),
    K(BTN_TRIGGER_HAPPY36), K(BTN_TRIGGER_HAPPY37), K(BTN_TRIGGER_HAPPY38),
    K(BTN_TRIGGER_HAPPY39), K(BTN_TRIGGER_HAPPY40),
};
#undef K

#define VSH_SEND_KEY_MAX_KEYS 16


static int
vshKeycode(int codeset, const char *str)
{
    char *end = NULL;
    long v;
    size_t i;

    errno = 0;
    v = strtol(str, &end, 0);
    if (!errno && end != str && *end == '\0' && v >= 0 && v <= 0xffff)
        return v;
    if (codeset != 0)
        return -1;
    for (i = 0; i < G_N_ELEMENTS(vshLinuxKeys); i++) {
        if (strcmp(vshLinuxKeys[i].name, str) == 0)
            return vshLinuxKeys[i].code;
    }
    return -1;
}


static bool
vshCmdSendKey(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int keys[VSH_SEND_KEY_MAX_KEYS];
    const char *codesetName = NULL;
    const char *key;
    int codeset = 0;
    unsigned int holdtime = 0;
    int n = 0;
    size_t iter = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "codeset", &codesetName) < 0)
        return false;
    if (codesetName) {
        size_t i;

        codeset = -1;
        for (i = 0; i < G_N_ELEMENTS(vshKeycodeSets); i++) {
            if (strcmp(codesetName, vshKeycodeSets[i]) == 0)
                codeset = i;
        }
        if (codeset < 0) {
            vshError(ctl, "unknown codeset: '%s'", codesetName);
            return false;
        }
    }
    if (vshCmdOptUInt(ctl, cmd, "holdtime", false, &holdtime) < 0)
        return false;

    while ((key = vshCmdOptArgv(cmd, "keycode", &iter))) {
        int code;

        if (n == VSH_SEND_KEY_MAX_KEYS) {
            vshError(ctl, "too many keycodes");
            return false;
        }
        if ((code = vshKeycode(codeset, key)) < 0) {
            vshError(ctl, "invalid keycode: '%s'", key);
            return false;
        }
        keys[n++] = code;
    }
    return virDomainSendKey(dom, codeset, holdtime, keys, n, 0) == 0;
}


/* ---- domstats --------------------------------------------------------- */

static const struct {
    const char *opt;
    unsigned int bit;
} vshStatGroups[] = {
    { "state", VIR_DOMAIN_STATS_STATE },
    { "cpu-total", VIR_DOMAIN_STATS_CPU_TOTAL },
    { "balloon", VIR_DOMAIN_STATS_BALLOON },
    { "vcpu", VIR_DOMAIN_STATS_VCPU },
    { "interface", VIR_DOMAIN_STATS_INTERFACE },
    { "block", VIR_DOMAIN_STATS_BLOCK },
    { "perf", VIR_DOMAIN_STATS_PERF },
    { "iothread", VIR_DOMAIN_STATS_IOTHREAD },
    { "memory", VIR_DOMAIN_STATS_MEMORY },
    { "dirtyrate", VIR_DOMAIN_STATS_DIRTYRATE },
    { "vm", VIR_DOMAIN_STATS_VM },
    { "list-active", VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE },
    { "list-inactive", VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE },
    { "list-persistent", VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT },
    { "list-transient", VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT },
    { "list-running", VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING },
    { "list-paused", VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED },
    { "list-shutoff", VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF },
    { "list-other", VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER },
    { "enforce", VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS },
    { "backing", VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING },
    { "nowait", VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT },
};

static const vshCmdOptDef vshOptsDomstats[] = {
    { "state", VSH_OT_BOOL, 0, "the domain's state" },
    { "cpu-total", VSH_OT_BOOL, 0, "host CPU time the domain used" },
    { "balloon", VSH_OT_BOOL, 0, "memory balloon figures" },
    { "vcpu", VSH_OT_BOOL, 0, "virtual CPU figures" },
    { "interface", VSH_OT_BOOL, 0, "network interface counters" },
    { "block", VSH_OT_BOOL, 0, "block device counters" },
    { "perf", VSH_OT_BOOL, 0, "perf event counters" },
    { "iothread", VSH_OT_BOOL, 0, "IOThread figures" },
    { "memory", VSH_OT_BOOL, 0, "memory bandwidth figures" },
    { "dirtyrate", VSH_OT_BOOL, 0, "memory dirty rate" },
    { "vm", VSH_OT_BOOL, 0, "the hypervisor's own statistics" },
    { "list-active", VSH_OT_BOOL, 0, "only running or paused domains" },
    { "list-inactive", VSH_OT_BOOL, 0, "only stopped domains" },
    { "list-persistent", VSH_OT_BOOL, 0, "only domains with a persistent config" },
    { "list-transient", VSH_OT_BOOL, 0, "only transient domains" },
    { "list-running", VSH_OT_BOOL, 0, "only running domains" },
    { "list-paused", VSH_OT_BOOL, 0, "only paused domains" },
    { "list-shutoff", VSH_OT_BOOL, 0, "only shut off domains" },
    { "list-other", VSH_OT_BOOL, 0, "only domains in any other state" },
    { "raw", VSH_OT_BOOL, 0, "print the values as they come" },
    { "enforce", VSH_OT_BOOL, 0, "fail when a group cannot be reported" },
    { "backing", VSH_OT_BOOL, 0, "add the backing chains to the block figures" },
    { "nowait", VSH_OT_BOOL, 0, "only what can be read without waiting" },
    { "domain", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL, "domains to report on (all when none)" },
    VSH_OPT_END
};


static bool
vshCmdDomstats(vshControl *ctl, const vshCmd *cmd)
{
    virDomainStatsRecordPtr *records = NULL;
    virDomainStatsRecordPtr *rec;
    g_autoptr(GPtrArray) doms = g_ptr_array_new_with_free_func((GDestroyNotify)vshDomainFree);
    unsigned int stats = 0;
    unsigned int flags = 0;
    const char *name;
    size_t iter = 0;
    size_t i;
    int n;

    for (i = 0; i < G_N_ELEMENTS(vshStatGroups); i++) {
        if (!vshCmdOptBool(cmd, vshStatGroups[i].opt))
            continue;
        if (i < 11)
            stats |= vshStatGroups[i].bit;
        else
            flags |= vshStatGroups[i].bit;
    }

    while ((name = vshCmdOptArgv(cmd, "domain", &iter))) {
        virDomainPtr dom = NULL;
        int id;
        char *end = NULL;

        id = strtol(name, &end, 10);
        if (end != name && *end == '\0' && id >= 0)
            dom = virDomainLookupByID(ctl->conn, id);
        if (!dom && strlen(name) == VIR_UUID_STRING_BUFLEN - 1)
            dom = virDomainLookupByUUIDString(ctl->conn, name);
        if (!dom)
            dom = virDomainLookupByName(ctl->conn, name);
        vshResetLibvirtError();
        if (!dom) {
            vshError(ctl, "failed to get domain '%s'", name);
            return false;
        }
        g_ptr_array_add(doms, dom);
    }

    if (doms->len) {
        g_ptr_array_add(doms, NULL);
        n = virDomainListGetStats((virDomainPtr *)doms->pdata, stats,
                                  &records, flags);
        g_ptr_array_set_size(doms, doms->len - 1);
    } else {
        n = virConnectGetAllDomainStats(ctl->conn, stats, &records, flags);
    }
    if (n < 0)
        return false;

    for (rec = records; rec && *rec; rec++) {
        int j;

        if (rec != records)
            vshPrint(ctl, "\n");
        vshPrint(ctl, "Domain: '%s'\n", virDomainGetName((*rec)->dom));
        for (j = 0; j < (*rec)->nparams; j++) {
            g_autofree char *val = vshTypedValue(&(*rec)->params[j]);
            vshPrint(ctl, "  %s=%s\n", (*rec)->params[j].field, val);
        }
    }
    virDomainStatsRecordListFree(records);
    return true;
}


/* ---- cpu-models ------------------------------------------------------- */

static const vshCmdOptDef vshOptsCPUModels[] = {
    { "arch", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "the CPU architecture" },
    VSH_OPT_END
};


static bool
vshCmdCPUModels(vshControl *ctl, const vshCmd *cmd)
{
    char **models = NULL;
    const char *arch = NULL;
    int n;
    int i;

    if (vshCmdOptString(ctl, cmd, "arch", &arch) <= 0)
        return false;
    if ((n = virConnectGetCPUModelNames(ctl->conn, arch, &models, 0)) < 0) {
        if (vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT)) {
            vshResetLibvirtError();
            vshPrintExtra(ctl, "%s\n", "all CPU models are accepted");
            return true;
        }
        vshError(ctl, "%s", "failed to get CPU model names");
        return false;
    }
    if (n == 0)
        vshPrintExtra(ctl, "%s\n", "all CPU models are accepted");
    for (i = 0; i < n; i++) {
        vshPrint(ctl, "%s\n", models[i]);
        free(models[i]);
    }
    free(models);
    return true;
}


/* ---- cpu-baseline ----------------------------------------------------- */

static const vshCmdOptDef vshOptsCPUBaseline[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, "XML with the CPUs: <cpu> elements, domains, capabilities or domain capabilities" },
    { "features", VSH_OT_BOOL, 0, "list every feature of the chosen model too" },
    { "migratable", VSH_OT_BOOL, 0, "leave out features that prevent migration" },
    VSH_OPT_END
};


/* The parse error the way libvirt prints it: where, what, the line and a
 * pointer under the spot. */
static void
vshXMLParseError(vshControl *ctl, const char *name, const char *text)
{
    const xmlError *err = xmlGetLastError();
    g_autofree char *msg = NULL;
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    const char *line = "";
    g_autoptr(GString) ptr = g_string_new(NULL);
    int col;

    if (!err) {
        vshError(ctl, "%s: failed to parse the XML", name);
        return;
    }
    msg = g_strdup(err->message ? err->message : "");
    g_strchomp(msg);
    if (err->line > 0 && err->line <= (int)g_strv_length(lines))
        line = lines[err->line - 1];
    col = err->int2 > 0 ? err->int2 - 1 : 0;
    if (col > (int)strlen(line))
        col = strlen(line);
    g_string_append_len(ptr, "--------------------------------------------------------------------------------", MIN(col, 80));
    g_string_append_c(ptr, '^');
    vshError(ctl, "%s:%d: %s\n%s\n%s", name, err->line, msg, line, ptr->str);
}


static bool
vshCmdCPUBaseline(vshControl *ctl, const vshCmd *cmd)
{
    const char *file = NULL;
    g_autofree char *data = NULL;
    g_autofree char *wrapped = NULL;
    g_autoptr(GPtrArray) cpus = g_ptr_array_new_with_free_func(g_free);
    xmlDocPtr doc = NULL;
    xmlXPathContextPtr xpath = NULL;
    xmlXPathObjectPtr found = NULL;
    unsigned int flags = 0;
    char *result = NULL;
    bool ret = false;
    int i;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "features"))
        flags |= VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES;
    if (vshCmdOptBool(cmd, "migratable"))
        flags |= VIR_CONNECT_BASELINE_CPU_MIGRATABLE;
    if (!(data = vshReadFile(ctl, file)))
        return false;

    /* the file may hold several top-level elements */
    wrapped = g_strdup_printf("<container>%s</container>", data);
    xmlResetLastError();
    if (!(doc = xmlReadMemory(wrapped, strlen(wrapped), file, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR |
                              XML_PARSE_NOWARNING))) {
        vshXMLParseError(ctl, file, wrapped);
        return false;
    }
    xpath = xmlXPathNewContext(doc);
    found = xmlXPathEvalExpression(BAD_CAST
        "/container/cpu|"
        "/container/domain/cpu|"
        "/container/capabilities/host/cpu|"
        "/container/domainCapabilities/cpu/mode[@name='host-model' and @supported='yes']",
        xpath);
    if (!found || !found->nodesetval || found->nodesetval->nodeNr == 0) {
        vshError(ctl, "File '%s' does not contain any <cpu> element or valid "
                 "domain XML, host capabilities XML, or domain capabilities XML",
                 file);
        goto cleanup;
    }
    for (i = 0; i < found->nodesetval->nodeNr; i++) {
        xmlNodePtr node = found->nodesetval->nodeTab[i];
        xmlBufferPtr buf = xmlBufferCreate();

        if (xmlStrEqual(node->name, BAD_CAST "mode")) {
            /* domain capabilities describe the CPU as <mode name=...> */
            xmlNodeSetName(node, BAD_CAST "cpu");
            while (node->properties)
                xmlRemoveProp(node->properties);
        }
        xmlNodeDump(buf, doc, node, 0, 0);
        g_ptr_array_add(cpus, g_strdup((const char *)xmlBufferContent(buf)));
        xmlBufferFree(buf);
    }
    if (!(result = virConnectBaselineCPU(ctl->conn, (const char **)cpus->pdata,
                                         cpus->len, flags)))
        goto cleanup;
    vshPrint(ctl, "%s", result);
    free(result);
    ret = true;

 cleanup:
    xmlXPathFreeObject(found);
    xmlXPathFreeContext(xpath);
    xmlFreeDoc(doc);
    return ret;
}


/* ---- the table -------------------------------------------------------- */

const vshCmdDef vshTuneCmds[] = {
    { "blkdeviotune", vshCmdBlkdeviotune, vshOptsBlkdeviotune,
      "show or set a disk's I/O throttling", NULL, 0 },
    { "blkiotune", vshCmdBlkiotune, vshOptsBlkiotune,
      "show or set the domain's block I/O weights", NULL, 0 },
    { "cpu-stats", vshCmdCPUStats, vshOptsCPUStats,
      "show the domain's CPU time per host CPU and in total", NULL, 0 },
    { "domiftune", vshCmdDomiftune, vshOptsDomiftune,
      "show or set an interface's bandwidth limits", NULL, 0 },
    { "iothreadinfo", vshCmdIOThreadInfo, vshOptsIOThreadInfo,
      "list the domain's IOThreads and where they run", NULL, 0 },
    { "iothreadpin", vshCmdIOThreadPin, vshOptsIOThreadPin,
      "choose the host CPUs an IOThread runs on", NULL, 0 },
    { "iothreadadd", vshCmdIOThreadAdd, vshOptsIOThreadAdd,
      "give the domain one more IOThread", NULL, 0 },
    { "iothreadset", vshCmdIOThreadSet, vshOptsIOThreadSet,
      "change an IOThread's polling and pool settings", NULL, 0 },
    { "iothreaddel", vshCmdIOThreadDel, vshOptsIOThreadDel,
      "take an IOThread away from the domain", NULL, 0 },
    { "memtune", vshCmdMemtune, vshOptsMemtune,
      "show or set the domain's memory limits", NULL, 0 },
    { "numatune", vshCmdNumatune, vshOptsNumatune,
      "show or set the domain's NUMA memory policy", NULL, 0 },
    { "perf", vshCmdPerf, vshOptsPerf,
      "show, turn on or turn off perf events", NULL, 0 },
    { "send-key", vshCmdSendKey, vshOptsSendKey,
      "press keys in the guest", NULL, 0 },
    { "domifaddr", vshCmdDomifaddr, vshOptsDomifaddr,
      "list the guest's network addresses", NULL, 0 },
    { "domstats", vshCmdDomstats, vshOptsDomstats,
      "statistics of several domains at once", NULL, 0 },
    { "cpu-models", vshCmdCPUModels, vshOptsCPUModels,
      "list the CPU models of an architecture", NULL, 0 },
    { "cpu-baseline", vshCmdCPUBaseline, vshOptsCPUBaseline,
      "the most capable CPU that all the given CPUs can run", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
