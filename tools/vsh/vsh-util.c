/* vsh-util.c: object lookups and formatting shared by the commands.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vsh.h"

/* virsh refuses XML files above this size, and so do we */
#define VSH_MAX_XML_FILE (10 * 1024 * 1024)


void
vshDomainFree(virDomainPtr dom)
{
    if (dom)
        virDomainFree(dom);
}


void
vshNetworkFree(virNetworkPtr net)
{
    if (net)
        virNetworkFree(net);
}


void
vshPoolFree(virStoragePoolPtr pool)
{
    if (pool)
        virStoragePoolFree(pool);
}


void
vshVolumeFree(virStorageVolPtr vol)
{
    if (vol)
        virStorageVolFree(vol);
}


/* A whole decimal int, optional leading blanks and sign, like strtol. */
static bool
vshParseInt(const char *str, int *out)
{
    char *end = NULL;
    long val;

    errno = 0;
    val = strtol(str, &end, 10);
    if (errno != 0 || end == str || *end != '\0' ||
        val < INT_MIN || val > INT_MAX)
        return false;
    *out = val;
    return true;
}


static bool
vshLooksLikeUUID(const char *str)
{
    return strlen(str) == VIR_UUID_STRING_BUFLEN - 1;
}


/* Find the domain named by the "domain" option: as an id when it is a
 * non-negative integer, then as a UUID, then as a name, limited to the
 * ways @by allows.  The library's error is dropped: the message names
 * what the user typed. */
virDomainPtr
vshLookupDomain(vshControl *ctl, const vshCmd *cmd, unsigned int by,
                const char **name)
{
    virDomainPtr dom = NULL;
    const char *str;
    int id;

    if (vshCmdOptString(ctl, cmd, "domain", &str) <= 0)
        return NULL;
    if (name)
        *name = str;

    if ((by & VSH_BYID) && vshParseInt(str, &id) && id >= 0)
        dom = virDomainLookupByID(ctl->conn, id);
    if (!dom && (by & VSH_BYUUID) && vshLooksLikeUUID(str))
        dom = virDomainLookupByUUIDString(ctl->conn, str);
    if (!dom && (by & VSH_BYNAME))
        dom = virDomainLookupByName(ctl->conn, str);

    vshResetLibvirtError();
    if (!dom)
        vshError(ctl, "failed to get domain '%s'", str);
    return dom;
}


/* Networks and pools keep the library's error, which is printed after ours. */
virNetworkPtr
vshLookupNetwork(vshControl *ctl, const vshCmd *cmd, unsigned int by,
                 const char **name)
{
    virNetworkPtr net = NULL;
    const char *str;

    if (vshCmdOptString(ctl, cmd, "network", &str) <= 0)
        return NULL;
    if (name)
        *name = str;

    if ((by & VSH_BYUUID) && vshLooksLikeUUID(str))
        net = virNetworkLookupByUUIDString(ctl->conn, str);
    if (!net && (by & VSH_BYNAME))
        net = virNetworkLookupByName(ctl->conn, str);
    if (!net)
        vshError(ctl, "failed to get network '%s'", str);
    return net;
}


virStoragePoolPtr
vshLookupPool(vshControl *ctl, const vshCmd *cmd, const char *optname,
              unsigned int by, const char **name)
{
    virStoragePoolPtr pool = NULL;
    const char *str;

    if (vshCmdOptString(ctl, cmd, optname, &str) <= 0)
        return NULL;
    if (name)
        *name = str;

    if ((by & VSH_BYUUID) && vshLooksLikeUUID(str))
        pool = virStoragePoolLookupByUUIDString(ctl->conn, str);
    if (!pool && (by & VSH_BYNAME))
        pool = virStoragePoolLookupByName(ctl->conn, str);
    if (!pool)
        vshError(ctl, "failed to get pool '%s'", str);
    return pool;
}


/* A volume: by name inside the pool given with @poolopt, else by key,
 * else by path, as far as @by allows. */
virStorageVolPtr
vshLookupVolume(vshControl *ctl, const vshCmd *cmd, const char *optname,
                const char *poolopt, unsigned int by, const char **name)
{
    g_autoptr(virStoragePool) pool = NULL;
    virStorageVolPtr vol = NULL;
    const char *poolname = NULL;
    const char *str;

    if (vshCmdOptString(ctl, cmd, optname, &str) <= 0)
        return NULL;
    if (name)
        *name = str;
    if (poolopt) {
        int rc = vshCmdOptString(ctl, cmd, poolopt, &poolname);
        if (rc < 0)
            return NULL;
        if (rc > 0 &&
            !(pool = vshLookupPool(ctl, cmd, poolopt, VSH_BYUUID | VSH_BYNAME,
                                   NULL)))
            return NULL;
    }

    if (pool && (by & VSH_BYNAME))
        vol = virStorageVolLookupByName(pool, str);
    if (!vol && (by & VSH_BYKEY))
        vol = virStorageVolLookupByKey(ctl->conn, str);
    if (!vol && (by & VSH_BYPATH))
        vol = virStorageVolLookupByPath(ctl->conn, str);

    if (!vol) {
        if (pool || !poolopt)
            vshError(ctl, "failed to get vol '%s'", str);
        else
            vshError(ctl, "failed to get vol '%s', specifying --pool might help",
                     str);
    }
    return vol;
}


/* Read an XML file given on the command line; errors name the file. */
char *
vshReadFile(vshControl *ctl, const char *path)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    char chunk[8192];
    int fd;

    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        vshError(ctl, "Failed to open file '%s': %s", path, g_strerror(errno));
        return NULL;
    }
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof(chunk));

        if (got < 0) {
            if (errno == EINTR)
                continue;
            vshError(ctl, "Failed to read file '%s': %s", path,
                     g_strerror(errno));
            close(fd);
            return NULL;
        }
        if (got == 0)
            break;
        if (buf->len + got > VSH_MAX_XML_FILE) {
            vshError(ctl, "File '%s' is too large", path);
            close(fd);
            return NULL;
        }
        g_string_append_len(buf, chunk, got);
    }
    close(fd);
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


/* "100.00 GiB": the largest binary unit that keeps the number >= 1. */
char *
vshPrettyCapacity(unsigned long long bytes)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double val = bytes;
    size_t u = 0;

    while (val >= 1024 && u + 1 < G_N_ELEMENTS(units)) {
        val /= 1024;
        u++;
    }
    return g_strdup_printf("%.2f %s", val, units[u]);
}


const char *
vshDomainStateName(int state)
{
    switch ((virDomainState)state) {
    case VIR_DOMAIN_RUNNING: return "running";
    case VIR_DOMAIN_BLOCKED: return "idle";
    case VIR_DOMAIN_PAUSED: return "paused";
    case VIR_DOMAIN_SHUTDOWN: return "in shutdown";
    case VIR_DOMAIN_SHUTOFF: return "shut off";
    case VIR_DOMAIN_CRASHED: return "crashed";
    case VIR_DOMAIN_PMSUSPENDED: return "pmsuspended";
    case VIR_DOMAIN_NOSTATE:
    default:
        break;
    }
    return "no state";
}


/* The words virsh prints for each (state, reason) pair, indexed by reason. */
static const char *const vshReasonsRunning[] = {
    "unknown", "booted", "migrated", "restored", "from snapshot",
    "unpaused", "migration canceled", "save canceled", "event wakeup",
    "crashed", "post-copy", "post-copy failed",
};
static const char *const vshReasonsPaused[] = {
    "unknown", "user", "migrating", "saving", "dumping", "I/O error",
    "watchdog", "from snapshot", "shutting down", "creating snapshot",
    "crashed", "starting up", "post-copy", "post-copy failed",
};
static const char *const vshReasonsShutdown[] = {
    "unknown", "user",
};
static const char *const vshReasonsShutoff[] = {
    "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
    "failed", "from snapshot", "daemon",
};
static const char *const vshReasonsCrashed[] = {
    "unknown", "panicked",
};

#define VSH_REASON(list, reason) \
    ((reason) >= 0 && (size_t)(reason) < G_N_ELEMENTS(list) ? \
     (list)[reason] : "unknown")

const char *
vshDomainReasonName(int state, int reason)
{
    switch ((virDomainState)state) {
    case VIR_DOMAIN_RUNNING: return VSH_REASON(vshReasonsRunning, reason);
    case VIR_DOMAIN_PAUSED: return VSH_REASON(vshReasonsPaused, reason);
    case VIR_DOMAIN_SHUTDOWN: return VSH_REASON(vshReasonsShutdown, reason);
    case VIR_DOMAIN_SHUTOFF: return VSH_REASON(vshReasonsShutoff, reason);
    case VIR_DOMAIN_CRASHED: return VSH_REASON(vshReasonsCrashed, reason);
    case VIR_DOMAIN_NOSTATE:
    case VIR_DOMAIN_BLOCKED:
    case VIR_DOMAIN_PMSUSPENDED:
    default:
        break;
    }
    return "unknown";
}


/* The state (and reason), falling back to virDomainGetInfo for drivers
 * that lack virDomainGetState.  Returns the state or -1. */
int
vshDomainGetState(virDomainPtr dom, int *reason)
{
    virDomainInfo info;
    int state;
    int why = 0;

    if (virDomainGetState(dom, &state, &why, 0) == 0) {
        if (reason)
            *reason = why;
        return state;
    }
    if (!vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT))
        return -1;
    vshResetLibvirtError();
    if (virDomainGetInfo(dom, &info) < 0)
        return -1;
    if (reason)
        *reason = 0;
    return info.state;
}
