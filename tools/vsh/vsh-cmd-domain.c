/* vsh-cmd-domain.c: domain commands (the "domain" and "monitor" groups).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each command is an option table, a handler and an entry in the command
 * tables at the end of this file.  Messages and layouts follow virsh 9.0
 * byte for byte; the help texts are our own.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vsh.h"

#define VSH_OPT_DOMAIN(helptext) \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }

#define VSH_OPT_FILE(helptext) \
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }



/* ---- list ---------------------------------------------------------- */

static const vshCmdOptDef vshOptsList[] = {
    { "inactive", VSH_OT_BOOL, 0, "only domains that are not running" },
    { "all", VSH_OT_BOOL, 0, "running and stopped domains together" },
    { "transient", VSH_OT_BOOL, 0, "only domains without a persistent config" },
    { "persistent", VSH_OT_BOOL, 0, "only domains with a persistent config" },
    { "with-snapshot", VSH_OT_BOOL, 0, "only domains that have snapshots" },
    { "without-snapshot", VSH_OT_BOOL, 0, "only domains that have no snapshot" },
    { "with-checkpoint", VSH_OT_BOOL, 0, "only domains that have checkpoints" },
    { "without-checkpoint", VSH_OT_BOOL, 0, "only domains that have no checkpoint" },
    { "state-running", VSH_OT_BOOL, 0, "only running domains" },
    { "state-paused", VSH_OT_BOOL, 0, "only paused domains" },
    { "state-shutoff", VSH_OT_BOOL, 0, "only shut off domains" },
    { "state-other", VSH_OT_BOOL, 0, "only domains in any other state" },
    { "autostart", VSH_OT_BOOL, 0, "only domains started with the host" },
    { "no-autostart", VSH_OT_BOOL, 0, "only domains not started with the host" },
    { "with-managed-save", VSH_OT_BOOL, 0, "only domains with a managed save image" },
    { "without-managed-save", VSH_OT_BOOL, 0, "only domains without a managed save image" },
    { "uuid", VSH_OT_BOOL, 0, "print UUIDs instead of a table" },
    { "name", VSH_OT_BOOL, 0, "print names instead of a table" },
    { "id", VSH_OT_BOOL, 0, "print ids instead of a table" },
    { "table", VSH_OT_BOOL, 0, "print a table (what happens anyway)" },
    { "managed-save", VSH_OT_BOOL, 0, "show 'saved' for stopped domains with a managed save image" },
    { "title", VSH_OT_BOOL, 0, "add a column with each domain's title" },
    VSH_OPT_END
};

static const struct {
    const char *opt;
    unsigned int flag;
} vshListFilters[] = {
    { "persistent", VIR_CONNECT_LIST_DOMAINS_PERSISTENT },
    { "transient", VIR_CONNECT_LIST_DOMAINS_TRANSIENT },
    { "with-managed-save", VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE },
    { "without-managed-save", VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE },
    { "autostart", VIR_CONNECT_LIST_DOMAINS_AUTOSTART },
    { "no-autostart", VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART },
    { "with-snapshot", VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT },
    { "without-snapshot", VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT },
    { "with-checkpoint", VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT },
    { "without-checkpoint", VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT },
    { "state-running", VIR_CONNECT_LIST_DOMAINS_RUNNING },
    { "state-paused", VIR_CONNECT_LIST_DOMAINS_PAUSED },
    { "state-shutoff", VIR_CONNECT_LIST_DOMAINS_SHUTOFF },
    { "state-other", VIR_CONNECT_LIST_DOMAINS_OTHER },
};


/* Running domains first, by id; then the others by name, ignoring case. */
static int
vshDomainSorter(const void *a, const void *b)
{
    virDomainPtr da = *(virDomainPtr const *)a;
    virDomainPtr db = *(virDomainPtr const *)b;
    unsigned int ida = virDomainGetID(da);
    unsigned int idb = virDomainGetID(db);

    if (ida != idb)
        return ida < idb ? -1 : 1;
    return g_ascii_strcasecmp(virDomainGetName(da), virDomainGetName(db));
}


static char *
vshDomainTitle(virDomainPtr dom)
{
    char *title = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, NULL, 0);

    if (!title) {
        vshResetLibvirtError();
        return g_strdup("");
    }
    return title;
}


static bool
vshCmdList(vshControl *ctl, const vshCmd *cmd)
{
    bool optUUID = vshCmdOptBool(cmd, "uuid");
    bool optName = vshCmdOptBool(cmd, "name");
    bool optID = vshCmdOptBool(cmd, "id");
    bool optTitle = vshCmdOptBool(cmd, "title");
    bool optManaged = vshCmdOptBool(cmd, "managed-save");
    g_autoptr(vshTable) table = NULL;
    virDomainPtr *doms = NULL;
    unsigned int flags = 0;
    bool ret = false;
    int ndoms;
    int i;
    size_t f;

    if (!vshCmdExclusive(ctl, cmd, "table", "name") ||
        !vshCmdExclusive(ctl, cmd, "table", "uuid") ||
        !vshCmdExclusive(ctl, cmd, "table", "id"))
        return false;

    /* asking for shut off domains implies looking at inactive ones */
    if (vshCmdOptBool(cmd, "inactive") || vshCmdOptBool(cmd, "state-shutoff"))
        flags |= VIR_CONNECT_LIST_DOMAINS_INACTIVE;
    if (vshCmdOptBool(cmd, "all"))
        flags |= VIR_CONNECT_LIST_DOMAINS_INACTIVE |
                 VIR_CONNECT_LIST_DOMAINS_ACTIVE;
    if (!(flags & VIR_CONNECT_LIST_DOMAINS_INACTIVE))
        flags |= VIR_CONNECT_LIST_DOMAINS_ACTIVE;
    for (f = 0; f < G_N_ELEMENTS(vshListFilters); f++) {
        if (vshCmdOptBool(cmd, vshListFilters[f].opt))
            flags |= vshListFilters[f].flag;
    }

    if ((ndoms = virConnectListAllDomains(ctl->conn, &doms, flags)) < 0) {
        vshError(ctl, "%s", "Failed to list domains");
        return false;
    }
    qsort(doms, ndoms, sizeof(*doms), vshDomainSorter);

    if (!optUUID && !optName && !optID) {
        if (optTitle)
            table = vshTableNew("Id", "Name", "State", "Title", NULL);
        else
            table = vshTableNew("Id", "Name", "State", NULL);
    }

    for (i = 0; i < ndoms; i++) {
        virDomainPtr dom = doms[i];
        unsigned int id = virDomainGetID(dom);
        g_autofree char *idstr = NULL;

        if (id != (unsigned int)-1)
            idstr = g_strdup_printf("%u", id);
        else
            idstr = g_strdup("-");

        if (table) {
            const char *state;
            int st = vshDomainGetState(dom, NULL);

            if (st < 0)
                goto cleanup;
            state = vshDomainStateName(st);
            if (optManaged && st == VIR_DOMAIN_SHUTOFF &&
                virDomainHasManagedSaveImage(dom, 0) > 0)
                state = "saved";
            vshResetLibvirtError();

            if (optTitle) {
                g_autofree char *title = vshDomainTitle(dom);
                vshTableAppend(table, idstr, virDomainGetName(dom), state,
                               title, NULL);
            } else {
                vshTableAppend(table, idstr, virDomainGetName(dom), state,
                               NULL);
            }
        } else {
            g_autoptr(GString) line = g_string_new(NULL);

            /* ids alone: stopped domains have none to show */
            if (optID && !optUUID && !optName && id == (unsigned int)-1)
                continue;
            if (optUUID) {
                char uuid[VIR_UUID_STRING_BUFLEN];
                if (virDomainGetUUIDString(dom, uuid) < 0) {
                    vshError(ctl, "%s", "Failed to get domain's UUID");
                    goto cleanup;
                }
                g_string_append(line, uuid);
            }
            if (optID)
                g_string_append_printf(line, "%s%s", line->len ? " " : "", idstr);
            if (optName)
                g_string_append_printf(line, "%s%s", line->len ? " " : "",
                                       virDomainGetName(dom));
            vshPrint(ctl, "%s\n", line->str);
        }
    }

    if (table)
        vshTablePrint(ctl, table);
    ret = true;

 cleanup:
    for (i = 0; i < ndoms; i++)
        virDomainFree(doms[i]);
    free(doms);
    return ret;
}


/* ---- dominfo, domstate, domid, domname, domuuid -------------------- */

static const vshCmdOptDef vshOptsDomainOnly[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    VSH_OPT_END
};

static bool
vshCmdDominfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virSecurityModel secmodel;
    virSecurityLabel seclabel;
    virDomainInfo info;
    char uuid[VIR_UUID_STRING_BUFLEN];
    unsigned int id;
    char *ostype;
    int persistent;
    int autostart;
    int managed;
    bool ret = true;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    id = virDomainGetID(dom);
    if (id == (unsigned int)-1)
        vshPrint(ctl, "%-15s %s\n", "Id:", "-");
    else
        vshPrint(ctl, "%-15s %u\n", "Id:", id);
    vshPrint(ctl, "%-15s %s\n", "Name:", virDomainGetName(dom));
    if (virDomainGetUUIDString(dom, uuid) == 0)
        vshPrint(ctl, "%-15s %s\n", "UUID:", uuid);
    if ((ostype = virDomainGetOSType(dom))) {
        vshPrint(ctl, "%-15s %s\n", "OS Type:", ostype);
        free(ostype);
    }

    if (virDomainGetInfo(dom, &info) == 0) {
        vshPrint(ctl, "%-15s %s\n", "State:", vshDomainStateName(info.state));
        vshPrint(ctl, "%-15s %d\n", "CPU(s):", info.nrVirtCpu);
        if (info.cpuTime != 0)
            vshPrint(ctl, "%-15s %.1fs\n", "CPU time:",
                     info.cpuTime / 1000000000.0);
        if (info.maxMem != UINT_MAX)
            vshPrint(ctl, "%-15s %lu KiB\n", "Max memory:", info.maxMem);
        else
            vshPrint(ctl, "%-15s %s\n", "Max memory:", "no limit");
        vshPrint(ctl, "%-15s %lu KiB\n", "Used memory:", info.memory);
    } else {
        ret = false;
    }

    persistent = virDomainIsPersistent(dom);
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             persistent < 0 ? "unknown" : persistent ? "yes" : "no");

    if (virDomainGetAutostart(dom, &autostart) == 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:",
                 autostart ? "enable" : "disable");

    managed = virDomainHasManagedSaveImage(dom, 0);
    vshPrint(ctl, "%-15s %s\n", "Managed save:",
             managed < 0 ? "unknown" : managed ? "yes" : "no");

    memset(&secmodel, 0, sizeof(secmodel));
    if (virNodeGetSecurityModel(ctl->conn, &secmodel) < 0) {
        if (!vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT))
            return false;
        vshResetLibvirtError();
    } else if (secmodel.model[0] != '\0') {
        vshPrint(ctl, "%-15s %s\n", "Security model:", secmodel.model);
        vshPrint(ctl, "%-15s %s\n", "Security DOI:", secmodel.doi);
        /* only running domains have a label */
        memset(&seclabel, 0, sizeof(seclabel));
        if (virDomainGetSecurityLabel(dom, &seclabel) < 0)
            return false;
        if (seclabel.label[0] != '\0')
            vshPrint(ctl, "%-15s %s (%s)\n", "Security label:", seclabel.label,
                     seclabel.enforcing ? "enforcing" : "permissive");
    }
    return ret;
}


static const vshCmdOptDef vshOptsDomstate[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "reason", VSH_OT_BOOL, 0, "also say why the domain is in that state" },
    VSH_OPT_END
};

static bool
vshCmdDomstate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    int state;
    int reason;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((state = vshDomainGetState(dom, &reason)) < 0)
        return false;
    if (vshCmdOptBool(cmd, "reason"))
        vshPrint(ctl, "%s (%s)\n", vshDomainStateName(state),
                 vshDomainReasonName(state, reason));
    else
        vshPrint(ctl, "%s\n", vshDomainStateName(state));
    return true;
}


static const vshCmdOptDef vshOptsDomid[] = {
    VSH_OPT_DOMAIN("the domain, by name or UUID"),
    VSH_OPT_END
};

static bool
vshCmdDomid(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int id;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYNAME | VSH_BYUUID, NULL)))
        return false;
    id = virDomainGetID(dom);
    if (id == (unsigned int)-1)
        vshPrint(ctl, "%s\n", "-");
    else
        vshPrint(ctl, "%u\n", id);
    return true;
}


static const vshCmdOptDef vshOptsDomname[] = {
    VSH_OPT_DOMAIN("the domain, by id or UUID"),
    VSH_OPT_END
};

static bool
vshCmdDomname(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYID | VSH_BYUUID, NULL)))
        return false;
    vshPrint(ctl, "%s\n", virDomainGetName(dom));
    return true;
}


static const vshCmdOptDef vshOptsDomuuid[] = {
    VSH_OPT_DOMAIN("the domain, by name or id"),
    VSH_OPT_END
};

static bool
vshCmdDomuuid(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYID | VSH_BYNAME, NULL)))
        return false;
    if (virDomainGetUUIDString(dom, uuid) < 0) {
        vshError(ctl, "%s", "failed to get domain UUID");
        return false;
    }
    vshPrint(ctl, "%s\n", uuid);
    return true;
}


/* ---- define, create ------------------------------------------------ */

static const vshCmdOptDef vshOptsDefine[] = {
    VSH_OPT_FILE("path of the domain XML to define"),
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;

    if (vshCmdOptBool(cmd, "validate"))
        dom = virDomainDefineXMLFlags(ctl->conn, xml, VIR_DOMAIN_DEFINE_VALIDATE);
    else
        dom = virDomainDefineXML(ctl->conn, xml);
    if (!dom) {
        vshError(ctl, "Failed to define domain from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' defined from %s\n",
                  virDomainGetName(dom), file);
    return true;
}


static const vshCmdOptDef vshOptsCreate[] = {
    VSH_OPT_FILE("path of the domain XML to start from"),
    { "console", VSH_OT_BOOL, 0, "open the console once it runs (needs a terminal)" },
    { "paused", VSH_OT_BOOL, 0, "create it with its CPUs paused" },
    { "autodestroy", VSH_OT_BOOL, 0, "stop it when this connection closes" },
    { "pass-fds", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "comma-separated file descriptors to hand to the guest" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    { "reset-nvram", VSH_OT_BOOL, 0, "start from a fresh copy of the NVRAM template" },
    VSH_OPT_END
};


/* "N,M,..." into an array of descriptors. */
static bool
vshParseFds(vshControl *ctl, const char *str, GArray *fds)
{
    g_auto(GStrv) parts = g_strsplit(str, ",", -1);
    size_t i;

    for (i = 0; parts[i]; i++) {
        char *end = NULL;
        long fd = strtol(parts[i], &end, 10);

        if (!*parts[i] || *end || fd < 0 || fd > INT_MAX) {
            vshError(ctl, "Unable to parse FD number '%s'", parts[i]);
            return false;
        }
        g_array_append_vals(fds, &(int){ fd }, 1);
    }
    return true;
}


static bool
vshCmdCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GArray) fds = g_array_new(FALSE, FALSE, sizeof(int));
    g_autofree char *xml = NULL;
    const char *file;
    const char *fdstr;
    unsigned int flags = 0;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptString(ctl, cmd, "pass-fds", &fdstr) < 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (fdstr && !vshParseFds(ctl, fdstr, fds))
        return false;

    if (vshCmdOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_START_PAUSED;
    if (vshCmdOptBool(cmd, "autodestroy"))
        flags |= VIR_DOMAIN_START_AUTODESTROY;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_DOMAIN_START_VALIDATE;
    if (vshCmdOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_START_RESET_NVRAM;

    if (fds->len)
        dom = virDomainCreateXMLWithFiles(ctl->conn, xml, fds->len,
                                          (int *)fds->data, flags);
    else
        dom = virDomainCreateXML(ctl->conn, xml, flags);
    if (!dom) {
        vshError(ctl, "Failed to create domain from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' created from %s\n",
                  virDomainGetName(dom), file);
    /* as virsh: the domain runs whether or not its console could open */
    if (vshCmdOptBool(cmd, "console"))
        vshRunConsole(ctl, dom, NULL, 0);
    return true;
}


/* ---- start --------------------------------------------------------- */

static const vshCmdOptDef vshOptsStart[] = {
    VSH_OPT_DOMAIN("the stopped domain to start, by name or UUID"),
    { "console", VSH_OT_BOOL, 0, "open the console once it runs (needs a terminal)" },
    { "paused", VSH_OT_BOOL, 0, "start it with its CPUs paused" },
    { "autodestroy", VSH_OT_BOOL, 0, "stop it when this connection closes" },
    { "bypass-cache", VSH_OT_BOOL, 0, "read a saved state without the page cache" },
    { "force-boot", VSH_OT_BOOL, 0, "boot afresh even if a managed save image exists" },
    { "pass-fds", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "comma-separated file descriptors to hand to the guest" },
    { "reset-nvram", VSH_OT_BOOL, 0, "start from a fresh copy of the NVRAM template" },
    VSH_OPT_END
};

static bool
vshCmdStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GArray) fds = g_array_new(FALSE, FALSE, sizeof(int));
    const char *fdstr;
    unsigned int flags = 0;
    int rc;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYNAME | VSH_BYUUID, NULL)))
        return false;
    if (virDomainGetID(dom) != (unsigned int)-1) {
        vshError(ctl, "%s", "Domain is already active");
        return false;
    }
    if (vshCmdOptString(ctl, cmd, "pass-fds", &fdstr) < 0)
        return false;
    if (fdstr && !vshParseFds(ctl, fdstr, fds))
        return false;

    if (vshCmdOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_START_PAUSED;
    if (vshCmdOptBool(cmd, "autodestroy"))
        flags |= VIR_DOMAIN_START_AUTODESTROY;
    if (vshCmdOptBool(cmd, "bypass-cache"))
        flags |= VIR_DOMAIN_START_BYPASS_CACHE;
    if (vshCmdOptBool(cmd, "force-boot"))
        flags |= VIR_DOMAIN_START_FORCE_BOOT;
    if (vshCmdOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_START_RESET_NVRAM;

    /* a driver that rejects --force-boot gets the same effect by hand:
     * drop the managed save image, then boot without the flag */
    if ((flags & VIR_DOMAIN_START_FORCE_BOOT) && !fds->len) {
        if (virDomainCreateWithFlags(dom, flags) == 0)
            goto started;
        if (!vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT) &&
            !vshLibvirtErrorIs(VIR_ERR_INVALID_ARG)) {
            vshError(ctl, "Failed to start domain '%s'", virDomainGetName(dom));
            return false;
        }
        vshResetLibvirtError();
        rc = virDomainHasManagedSaveImage(dom, 0);
        if (rc < 0) {
            vshError(ctl, "%s", "Unable to check for managed save image");
            return false;
        }
        if (rc > 0 && virDomainManagedSaveRemove(dom, 0) < 0) {
            vshError(ctl, "%s", "Unable to remove managed save image");
            return false;
        }
        flags &= ~VIR_DOMAIN_START_FORCE_BOOT;
    }

    if (fds->len)
        rc = virDomainCreateWithFiles(dom, fds->len, (int *)fds->data, flags);
    else if (flags)
        rc = virDomainCreateWithFlags(dom, flags);
    else
        rc = virDomainCreate(dom);
    if (rc < 0) {
        vshError(ctl, "Failed to start domain '%s'", virDomainGetName(dom));
        return false;
    }
 started:
    vshPrintExtra(ctl, "Domain '%s' started\n", virDomainGetName(dom));
    /* as virsh: the domain runs whether or not its console could open */
    if (vshCmdOptBool(cmd, "console"))
        vshRunConsole(ctl, dom, NULL, 0);
    return true;
}


/* ---- destroy, suspend, resume -------------------------------------- */

static const vshCmdOptDef vshOptsDestroy[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "graceful", VSH_OT_BOOL, 0, "ask the process to quit, never kill it" },
    { "remove-logs", VSH_OT_BOOL, 0, "delete the domain's log files too" },
    VSH_OPT_END
};

static bool
vshCmdDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    unsigned int flags = 0;
    int rc;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (vshCmdOptBool(cmd, "graceful"))
        flags |= VIR_DOMAIN_DESTROY_GRACEFUL;
    if (vshCmdOptBool(cmd, "remove-logs"))
        flags |= VIR_DOMAIN_DESTROY_REMOVE_LOGS;

    rc = flags ? virDomainDestroyFlags(dom, flags) : virDomainDestroy(dom);
    if (rc < 0) {
        vshError(ctl, "Failed to destroy domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' destroyed\n", name);
    return true;
}


static bool
vshCmdSuspend(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (virDomainSuspend(dom) < 0) {
        vshError(ctl, "Failed to suspend domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' suspended\n", name);
    return true;
}


static bool
vshCmdResume(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (virDomainResume(dom) < 0) {
        vshError(ctl, "Failed to resume domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' resumed\n", name);
    return true;
}


/* ---- shutdown, reboot ---------------------------------------------- */

static const vshCmdOptDef vshOptsShutdown[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "mode", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "how to ask the guest, a comma-separated list of acpi, agent, initctl, signal, paravirt" },
    VSH_OPT_END
};

/* The shutdown and reboot flags have the same values. */
static bool
vshParseShutdownMode(vshControl *ctl, const char *modes, unsigned int *flags)
{
    static const struct {
        const char *name;
        unsigned int flag;
    } table[] = {
        { "acpi", VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN },
        { "agent", VIR_DOMAIN_SHUTDOWN_GUEST_AGENT },
        { "initctl", VIR_DOMAIN_SHUTDOWN_INITCTL },
        { "signal", VIR_DOMAIN_SHUTDOWN_SIGNAL },
        { "paravirt", VIR_DOMAIN_SHUTDOWN_PARAVIRT },
    };
    g_auto(GStrv) parts = g_strsplit(modes, ",", -1);
    size_t i, j;

    *flags = 0;
    for (i = 0; parts[i]; i++) {
        for (j = 0; j < G_N_ELEMENTS(table); j++) {
            if (strcmp(parts[i], table[j].name) == 0)
                break;
        }
        if (j == G_N_ELEMENTS(table)) {
            vshError(ctl, "Unknown mode %s value, expecting "
                     "'acpi', 'agent', 'initctl', 'signal', or 'paravirt'",
                     parts[i]);
            return false;
        }
        *flags |= table[j].flag;
    }
    return true;
}


static bool
vshCmdShutdown(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    const char *mode;
    unsigned int flags = 0;
    int rc;

    if (vshCmdOptString(ctl, cmd, "mode", &mode) < 0)
        return false;
    if (mode && !vshParseShutdownMode(ctl, mode, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;

    rc = flags ? virDomainShutdownFlags(dom, flags) : virDomainShutdown(dom);
    if (rc < 0) {
        vshError(ctl, "Failed to shutdown domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' is being shutdown\n", name);
    return true;
}


static bool
vshCmdReboot(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    const char *mode;
    unsigned int flags = 0;

    if (vshCmdOptString(ctl, cmd, "mode", &mode) < 0)
        return false;
    if (mode && !vshParseShutdownMode(ctl, mode, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;

    if (virDomainReboot(dom, flags) < 0) {
        vshError(ctl, "Failed to reboot domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' is being rebooted\n", name);
    return true;
}


/* ---- undefine ------------------------------------------------------ */

static const vshCmdOptDef vshOptsUndefine[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "managed-save", VSH_OT_BOOL, 0, "delete its managed save image as well" },
    { "storage", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "comma-separated disk targets or paths whose volumes are deleted too" },
    { "remove-all-storage", VSH_OT_BOOL, 0, "delete every storage volume it uses (careful)" },
    { "delete-storage-volume-snapshots", VSH_OT_BOOL, 0,
      "delete the volumes' snapshots too (with --remove-all-storage)" },
    { "wipe-storage", VSH_OT_BOOL, 0, "overwrite the volumes before deleting them" },
    { "snapshots-metadata", VSH_OT_BOOL, 0, "forget its snapshots (inactive domains)" },
    { "checkpoints-metadata", VSH_OT_BOOL, 0, "forget its checkpoints (inactive domains)" },
    { "nvram", VSH_OT_BOOL, 0, "delete its NVRAM file" },
    { "keep-nvram", VSH_OT_BOOL, 0, "leave its NVRAM file in place" },
    { "tpm", VSH_OT_BOOL, 0, "delete its TPM state" },
    { "keep-tpm", VSH_OT_BOOL, 0, "leave its TPM state in place" },
    VSH_OPT_END
};

static bool
vshCmdUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    const char *storage;
    bool removeStorage;
    unsigned int flags = 0;
    int managed;
    int rc;

    if (!vshCmdExclusive(ctl, cmd, "nvram", "keep-nvram") ||
        !vshCmdExclusive(ctl, cmd, "tpm", "keep-tpm"))
        return false;
    if (vshCmdOptString(ctl, cmd, "storage", &storage) < 0)
        return false;
    removeStorage = storage || vshCmdOptBool(cmd, "remove-all-storage");
    if (vshCmdOptBool(cmd, "delete-storage-volume-snapshots") &&
        !vshCmdOptBool(cmd, "remove-all-storage")) {
        vshError(ctl, "Option --%s is required by option --%s",
                 "remove-all-storage", "delete-storage-volume-snapshots");
        return false;
    }

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;

    if (removeStorage && virDomainIsActive(dom) != 0) {
        vshError(ctl, "%s", "Storage volume deletion is supported only on stopped domains");
        return false;
    }
    if (removeStorage) {
        vshError(ctl, "%s", "Removing storage volumes is not supported by vsh yet");
        return false;
    }

    if (vshCmdOptBool(cmd, "managed-save"))
        flags |= VIR_DOMAIN_UNDEFINE_MANAGED_SAVE;
    if (vshCmdOptBool(cmd, "snapshots-metadata"))
        flags |= VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA;
    if (vshCmdOptBool(cmd, "checkpoints-metadata"))
        flags |= VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA;
    if (vshCmdOptBool(cmd, "nvram"))
        flags |= VIR_DOMAIN_UNDEFINE_NVRAM;
    if (vshCmdOptBool(cmd, "keep-nvram"))
        flags |= VIR_DOMAIN_UNDEFINE_KEEP_NVRAM;
    if (vshCmdOptBool(cmd, "tpm"))
        flags |= VIR_DOMAIN_UNDEFINE_TPM;
    if (vshCmdOptBool(cmd, "keep-tpm"))
        flags |= VIR_DOMAIN_UNDEFINE_KEEP_TPM;

    /* a managed save image would be orphaned: refuse unless asked */
    managed = virDomainHasManagedSaveImage(dom, 0);
    vshResetLibvirtError();
    if (managed > 0 && !(flags & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE)) {
        vshError(ctl, "%s", "Refusing to undefine while domain managed save image exists");
        return false;
    }

    rc = virDomainUndefineFlags(dom, flags);
    if (rc < 0 && flags == 0 && vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT)) {
        vshResetLibvirtError();
        rc = virDomainUndefine(dom);
    }
    if (rc < 0) {
        vshError(ctl, "Failed to undefine domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' has been undefined\n", name);
    return true;
}


/* ---- dumpxml, autostart -------------------------------------------- */

static const vshCmdOptDef vshOptsDumpxml[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "inactive", VSH_OT_BOOL, 0, "the configuration for its next boot" },
    { "security-info", VSH_OT_BOOL, 0, "include secrets such as passwords" },
    { "update-cpu", VSH_OT_BOOL, 0, "fill the guest CPU in from the host CPU" },
    { "migratable", VSH_OT_BOOL, 0, "a form suitable for migration" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags = 0;
    char *xml;
    bool ret;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "inactive"))
        flags |= VIR_DOMAIN_XML_INACTIVE;
    if (vshCmdOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    if (vshCmdOptBool(cmd, "update-cpu"))
        flags |= VIR_DOMAIN_XML_UPDATE_CPU;
    if (vshCmdOptBool(cmd, "migratable"))
        flags |= VIR_DOMAIN_XML_MIGRATABLE;

    if (!(xml = virDomainGetXMLDesc(dom, flags)))
        return false;
    ret = vshPrintXMLDoc(ctl, cmd, xml);
    free(xml);
    return ret;
}


static const vshCmdOptDef vshOptsAutostart[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "disable", VSH_OT_BOOL, 0, "turn autostart off instead of on" },
    VSH_OPT_END
};

static bool
vshCmdAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool disable = vshCmdOptBool(cmd, "disable");
    const char *name;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (virDomainSetAutostart(dom, disable ? 0 : 1) < 0) {
        if (disable)
            vshError(ctl, "Failed to unmark domain '%s' as autostarted", name);
        else
            vshError(ctl, "Failed to mark domain '%s' as autostarted", name);
        return false;
    }
    if (disable)
        vshPrintExtra(ctl, "Domain '%s' unmarked as autostarted\n", name);
    else
        vshPrintExtra(ctl, "Domain '%s' marked as autostarted\n", name);
    return true;
}


/* ---- the tables ---------------------------------------------------- */

const vshCmdDef vshDomainCmds[] = {
    { "autostart", vshCmdAutostart, vshOptsAutostart,
      "choose whether a domain starts with the host",
      "Sets or clears the flag that makes the hypervisor start the domain\n"
      "when the host boots.", 0 },
    { "create", vshCmdCreate, vshOptsCreate,
      "start a transient domain from an XML file",
      "Starts a new domain described by an XML file without keeping its\n"
      "configuration once it stops.", 0 },
    { "define", vshCmdDefine, vshOptsDefine,
      "add or change a persistent domain from an XML file",
      "Stores the domain configuration read from an XML file; the domain\n"
      "is not started.", 0 },
    { "destroy", vshCmdDestroy, vshOptsDestroy,
      "stop a domain at once",
      "Stops the domain immediately, like pulling its power cord.  Its\n"
      "configuration, if persistent, stays.", 0 },
    { "domid", vshCmdDomid, vshOptsDomid,
      "print the id of a domain",
      "Prints the numeric id of a running domain, or '-' for a stopped one.", 0 },
    { "domname", vshCmdDomname, vshOptsDomname,
      "print the name of a domain",
      "Prints the name of the domain with the given id or UUID.", 0 },
    { "domuuid", vshCmdDomuuid, vshOptsDomuuid,
      "print the UUID of a domain",
      "Prints the UUID of the domain with the given name or id.", 0 },
    { "dumpxml", vshCmdDumpxml, vshOptsDumpxml,
      "print a domain's XML description",
      "Writes the XML document that describes the domain to standard output.", 0 },
    { "reboot", vshCmdReboot, vshOptsShutdown,
      "restart a domain's guest",
      "Asks the guest to restart; the method can be chosen with --mode.", 0 },
    { "resume", vshCmdResume, vshOptsDomainOnly,
      "let a paused domain run again",
      "Continues the virtual CPUs of a paused domain.", 0 },
    { "shutdown", vshCmdShutdown, vshOptsShutdown,
      "ask a domain's guest to power off",
      "Asks the guest to shut down cleanly; the method can be chosen with\n"
      "--mode.  The command returns before the guest is off.", 0 },
    { "start", vshCmdStart, vshOptsStart,
      "boot a defined domain that is stopped",
      "Starts a persistent domain that is currently shut off.", 0 },
    { "suspend", vshCmdSuspend, vshOptsDomainOnly,
      "pause a running domain",
      "Stops the virtual CPUs of a domain; its memory stays allocated.", 0 },
    { "undefine", vshCmdUndefine, vshOptsUndefine,
      "remove a domain's persistent configuration",
      "Forgets the configuration of the domain.  A running domain keeps\n"
      "running as a transient one.", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};

const vshCmdDef vshDomainMonitorCmds[] = {
    { "dominfo", vshCmdDominfo, vshOptsDomainOnly,
      "show basic facts about a domain",
      "Prints the id, name, UUID, state, CPUs, memory and security details\n"
      "of a domain.", 0 },
    { "domstate", vshCmdDomstate, vshOptsDomstate,
      "print the state of a domain",
      "Prints whether the domain is running, paused, shut off, ...", 0 },
    { "list", vshCmdList, vshOptsList,
      "list the domains",
      "Lists running domains, or others with the filter options; several\n"
      "filters of different kinds must all match.", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
