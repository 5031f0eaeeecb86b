/* vsh-cmd-network.c: virtual network commands (the "network" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vsh.h"

#define VSH_OPT_NETWORK(helptext) \
    { "network", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }


static const char *
vshYesNo(int val)
{
    return val < 0 ? "unknown" : val ? "yes" : "no";
}


/* ---- net-list ------------------------------------------------------ */

static const vshCmdOptDef vshOptsNetList[] = {
    { "inactive", VSH_OT_BOOL, 0, "only networks that are not running" },
    { "all", VSH_OT_BOOL, 0, "running and stopped networks together" },
    { "persistent", VSH_OT_BOOL, 0, "only networks with a persistent config" },
    { "transient", VSH_OT_BOOL, 0, "only networks without a persistent config" },
    { "autostart", VSH_OT_BOOL, 0, "only networks started with the host" },
    { "no-autostart", VSH_OT_BOOL, 0, "only networks not started with the host" },
    { "uuid", VSH_OT_BOOL, 0, "print UUIDs instead of a table" },
    { "name", VSH_OT_BOOL, 0, "print names instead of a table" },
    { "table", VSH_OT_BOOL, 0, "print a table (what happens anyway)" },
    VSH_OPT_END
};

static int
vshNetworkSorter(const void *a, const void *b)
{
    virNetworkPtr na = *(virNetworkPtr const *)a;
    virNetworkPtr nb = *(virNetworkPtr const *)b;

    return g_ascii_strcasecmp(virNetworkGetName(na), virNetworkGetName(nb));
}


static bool
vshCmdNetList(vshControl *ctl, const vshCmd *cmd)
{
    bool optTable = vshCmdOptBool(cmd, "table");
    bool optName = vshCmdOptBool(cmd, "name");
    bool optUUID = vshCmdOptBool(cmd, "uuid");
    g_autoptr(vshTable) table = NULL;
    virNetworkPtr *nets = NULL;
    unsigned int flags = 0;
    bool ret = false;
    int nnets;
    int i;

    if (optTable + optName + optUUID > 1) {
        vshError(ctl, "%s", "Only one argument from --table, --name and --uuid may be specified.");
        return false;
    }

    if (vshCmdOptBool(cmd, "inactive"))
        flags |= VIR_CONNECT_LIST_NETWORKS_INACTIVE;
    if (vshCmdOptBool(cmd, "all"))
        flags |= VIR_CONNECT_LIST_NETWORKS_INACTIVE |
                 VIR_CONNECT_LIST_NETWORKS_ACTIVE;
    if (!(flags & VIR_CONNECT_LIST_NETWORKS_INACTIVE))
        flags |= VIR_CONNECT_LIST_NETWORKS_ACTIVE;
    if (vshCmdOptBool(cmd, "persistent"))
        flags |= VIR_CONNECT_LIST_NETWORKS_PERSISTENT;
    if (vshCmdOptBool(cmd, "transient"))
        flags |= VIR_CONNECT_LIST_NETWORKS_TRANSIENT;
    if (vshCmdOptBool(cmd, "autostart"))
        flags |= VIR_CONNECT_LIST_NETWORKS_AUTOSTART;
    if (vshCmdOptBool(cmd, "no-autostart"))
        flags |= VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART;

    if ((nnets = virConnectListAllNetworks(ctl->conn, &nets, flags)) < 0) {
        vshError(ctl, "%s", "Failed to list networks");
        return false;
    }
    qsort(nets, nnets, sizeof(*nets), vshNetworkSorter);

    if (!optName && !optUUID)
        table = vshTableNew("Name", "State", "Autostart", "Persistent", NULL);

    for (i = 0; i < nnets; i++) {
        virNetworkPtr net = nets[i];

        if (optName) {
            vshPrint(ctl, "%s\n", virNetworkGetName(net));
        } else if (optUUID) {
            char uuid[VIR_UUID_STRING_BUFLEN];
            if (virNetworkGetUUIDString(net, uuid) < 0) {
                vshError(ctl, "%s", "Failed to get network's UUID");
                goto cleanup;
            }
            vshPrint(ctl, "%s\n", uuid);
        } else {
            const char *autostartStr;
            int autostart = 0;
            int active = virNetworkIsActive(net);
            int persistent = virNetworkIsPersistent(net);

            if (virNetworkGetAutostart(net, &autostart) < 0)
                autostartStr = "no autostart";
            else
                autostartStr = autostart ? "yes" : "no";
            vshResetLibvirtError();
            vshTableAppend(table, virNetworkGetName(net),
                           active > 0 ? "active" : "inactive",
                           autostartStr, vshYesNo(persistent), NULL);
        }
    }

    if (table)
        vshTablePrint(ctl, table);
    ret = true;

 cleanup:
    for (i = 0; i < nnets; i++)
        virNetworkFree(nets[i]);
    free(nets);
    return ret;
}


/* ---- net-info, net-dumpxml, net-name, net-uuid --------------------- */

static const vshCmdOptDef vshOptsNetworkOnly[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    VSH_OPT_END
};

static bool
vshCmdNetInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    char *bridge;
    int autostart;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;

    vshPrint(ctl, "%-15s %s\n", "Name:", virNetworkGetName(net));
    if (virNetworkGetUUIDString(net, uuid) == 0)
        vshPrint(ctl, "%-15s %s\n", "UUID:", uuid);
    vshPrint(ctl, "%-15s %s\n", "Active:", vshYesNo(virNetworkIsActive(net)));
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             vshYesNo(virNetworkIsPersistent(net)));
    if (virNetworkGetAutostart(net, &autostart) < 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:", "no autostart");
    else
        vshPrint(ctl, "%-15s %s\n", "Autostart:", autostart ? "yes" : "no");
    if ((bridge = virNetworkGetBridgeName(net))) {
        vshPrint(ctl, "%-15s %s\n", "Bridge:", bridge);
        free(bridge);
    }
    vshResetLibvirtError();
    return true;
}


static const vshCmdOptDef vshOptsNetDumpxml[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "inactive", VSH_OT_BOOL, 0, "the configuration for its next start" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdNetDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    unsigned int flags = 0;
    char *xml;
    bool ret;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "inactive"))
        flags |= VIR_NETWORK_XML_INACTIVE;
    if (!(xml = virNetworkGetXMLDesc(net, flags)))
        return false;
    ret = vshPrintXMLDoc(ctl, cmd, xml);
    free(xml);
    return ret;
}


static const vshCmdOptDef vshOptsNetName[] = {
    VSH_OPT_NETWORK("the network's UUID"),
    VSH_OPT_END
};

static bool
vshCmdNetName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID, NULL)))
        return false;
    vshPrint(ctl, "%s\n", virNetworkGetName(net));
    return true;
}


static const vshCmdOptDef vshOptsNetUUID[] = {
    VSH_OPT_NETWORK("the network's name"),
    VSH_OPT_END
};

static bool
vshCmdNetUUID(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYNAME, NULL)))
        return false;
    if (virNetworkGetUUIDString(net, uuid) < 0) {
        vshError(ctl, "%s", "failed to get network UUID");
        return false;
    }
    vshPrint(ctl, "%s\n", uuid);
    return true;
}


/* ---- net-define, net-create ---------------------------------------- */

static const vshCmdOptDef vshOptsNetDefine[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the network XML" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshNetFromFile(vshControl *ctl, const vshCmd *cmd, bool define)
{
    g_autoptr(virNetwork) net = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= define ? VIR_NETWORK_DEFINE_VALIDATE : VIR_NETWORK_CREATE_VALIDATE;

    if (define)
        net = flags ? virNetworkDefineXMLFlags(ctl->conn, xml, flags)
                    : virNetworkDefineXML(ctl->conn, xml);
    else
        net = flags ? virNetworkCreateXMLFlags(ctl->conn, xml, flags)
                    : virNetworkCreateXML(ctl->conn, xml);
    if (!net) {
        vshError(ctl, "Failed to %s network from %s",
                 define ? "define" : "create", file);
        return false;
    }
    vshPrintExtra(ctl, "Network %s %s from %s\n", virNetworkGetName(net),
                  define ? "defined" : "created", file);
    return true;
}

static bool
vshCmdNetDefine(vshControl *ctl, const vshCmd *cmd)
{
    return vshNetFromFile(ctl, cmd, true);
}

static bool
vshCmdNetCreate(vshControl *ctl, const vshCmd *cmd)
{
    return vshNetFromFile(ctl, cmd, false);
}


/* ---- net-start, net-destroy, net-undefine, net-autostart ----------- */

static bool
vshCmdNetStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if (virNetworkCreate(net) < 0) {
        vshError(ctl, "Failed to start network %s", virNetworkGetName(net));
        return false;
    }
    vshPrintExtra(ctl, "Network %s started\n", virNetworkGetName(net));
    return true;
}


/* net-destroy, net-undefine: one call on the network named by the
 * argument, and "Failed to VERB network NAME" or "Network NAME DONE". */
static bool
vshNetAction(vshControl *ctl, const vshCmd *cmd, int (*action)(virNetworkPtr),
             const char *verb, const char *done)
{
    g_autoptr(virNetwork) net = NULL;
    const char *name;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (action(net) < 0) {
        vshError(ctl, "Failed to %s network %s", verb, name);
        return false;
    }
    vshPrintExtra(ctl, "Network %s %s\n", name, done);
    return true;
}


static bool
vshCmdNetDestroy(vshControl *ctl, const vshCmd *cmd)
{
    return vshNetAction(ctl, cmd, virNetworkDestroy, "destroy", "destroyed");
}


static bool
vshCmdNetUndefine(vshControl *ctl, const vshCmd *cmd)
{
    return vshNetAction(ctl, cmd, virNetworkUndefine, "undefine",
                        "has been undefined");
}


static const vshCmdOptDef vshOptsNetAutostart[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "disable", VSH_OT_BOOL, 0, "turn autostart off instead of on" },
    VSH_OPT_END
};

static bool
vshCmdNetAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    bool disable = vshCmdOptBool(cmd, "disable");
    const char *name;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (virNetworkSetAutostart(net, disable ? 0 : 1) < 0) {
        vshError(ctl, "failed to %smark network %s as autostarted",
                 disable ? "un" : "", name);
        return false;
    }
    vshPrintExtra(ctl, "Network %s %smarked as autostarted\n", name,
                  disable ? "un" : "");
    return true;
}


/* ---- waiting for events (net-, pool-, nodedev- and secret-event) ---- */

static volatile sig_atomic_t vshEventInterrupted;

static void
vshEventSigint(int sig G_GNUC_UNUSED)
{
    vshEventInterrupted = 1;
}


/* The common start of the *-event commands: --list, --event, --loop,
 * --timeout, --timestamp.  False when the command ends here: after
 * printing the list (data->listed set), or after an error. */
bool
vshEventPrepare(vshControl *ctl, const vshCmd *cmd, const char *const *names,
                vshEventData *data)
{
    const char *event = NULL;
    int timeout = 0;
    int rc;
    size_t i;

    memset(data, 0, sizeof(*data));
    data->ctl = ctl;
    if (vshCmdOptBool(cmd, "list")) {
        for (i = 0; names[i]; i++)
            vshPrint(ctl, "%s\n", names[i]);
        data->listed = true;
        return false;
    }
    if (vshCmdOptString(ctl, cmd, "event", &event) < 0)
        return false;
    if (!event) {
        vshError(ctl, "%s", "either --list or --event <type> is required");
        return false;
    }
    for (i = 0; names[i]; i++) {
        if (strcmp(names[i], event) == 0)
            break;
    }
    if (!names[i]) {
        vshError(ctl, "unknown event type %s", event);
        return false;
    }
    data->eventId = i;
    data->loop = vshCmdOptBool(cmd, "loop");
    data->timestamp = vshCmdOptBool(cmd, "timestamp");
    if ((rc = vshCmdOptInt(ctl, cmd, "timeout", &timeout)) < 0)
        return false;
    if (rc > 0 && (timeout <= 0 || timeout > INT_MAX / 1000)) {
        const char *str = NULL;
        size_t iter = 0;
        str = vshCmdOptArgv(cmd, "timeout", &iter);
        vshError(ctl, "Numeric value '%s' for <timeout> option is malformed or out of range",
                 str ? str : "");
        return false;
    }
    data->timeout = timeout;
    return true;
}


/* Print one event (from the event loop thread), with the time first
 * when --timestamp was given; a one-shot wait ends after it. */
void
vshEventPrint(vshEventData *data, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    if (data->timestamp) {
        g_autoptr(GDateTime) now = g_date_time_new_now_utc();
        g_autofree char *stamp = g_date_time_format(now, "%Y-%m-%d %H:%M:%S");
        vshPrint(data->ctl, "%s.%03d+0000: %s", stamp,
                 g_date_time_get_microsecond(now) / 1000, msg);
    } else {
        vshPrint(data->ctl, "%s", msg);
    }
    g_atomic_int_inc(&data->count);
    if (!data->loop)
        g_atomic_int_set(&data->done, 1);
}


/* Wait until the first event (or, with --loop, Ctrl-C or the timeout),
 * then report how it ended and how many events came. */
bool
vshEventWait(vshControl *ctl, vshEventData *data)
{
    struct sigaction sa, old;
    gint64 deadline = 0;
    bool timedOut = false;
    int count;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = vshEventSigint;
    sigemptyset(&sa.sa_mask);
    vshEventInterrupted = 0;
    sigaction(SIGINT, &sa, &old);

    if (data->timeout > 0)
        deadline = g_get_monotonic_time() + (gint64)data->timeout * G_USEC_PER_SEC;
    while (!g_atomic_int_get(&data->done) && !vshEventInterrupted) {
        if (deadline && g_get_monotonic_time() >= deadline) {
            timedOut = true;
            break;
        }
        g_usleep(20 * 1000);
    }
    sigaction(SIGINT, &old, NULL);

    if (vshEventInterrupted)
        vshPrint(ctl, "%s", "event loop interrupted\n");
    else if (timedOut)
        vshPrint(ctl, "%s", "event loop timed out\n");
    count = g_atomic_int_get(&data->count);
    vshPrint(ctl, "events received: %d\n", count);
    return count > 0;
}


/* ---- net-event ----------------------------------------------------- */

static const char *const vshNetEventNames[] = { "lifecycle", NULL };

static const char *const vshNetLifecycleNames[] = {
    "Defined", "Undefined", "Started", "Stopped",
};

static void
vshNetEventLifecycle(virConnectPtr conn G_GNUC_UNUSED, virNetworkPtr net,
                     int event, int detail G_GNUC_UNUSED, void *opaque)
{
    vshEventPrint(opaque, "event 'lifecycle' for network %s: %s\n",
                  virNetworkGetName(net),
                  event >= 0 && (size_t)event < G_N_ELEMENTS(vshNetLifecycleNames) ?
                  vshNetLifecycleNames[event] : "unknown");
}

static const vshCmdOptDef vshOptsNetEvent[] = {
    { "network", VSH_OT_STRING, 0, "only events of this network (name or UUID)" },
    VSH_OPTS_EVENT,
    VSH_OPT_END
};

static bool
vshCmdNetEvent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    vshEventData data;
    int id;
    bool ret;

    if (!vshEventPrepare(ctl, cmd, vshNetEventNames, &data))
        return data.listed;
    if (vshCmdOptBool(cmd, "network"))
        net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, NULL);

    if ((id = virConnectNetworkEventRegisterAny(ctl->conn, net, data.eventId,
                                                VIR_NETWORK_EVENT_CALLBACK((void (*)(void))vshNetEventLifecycle),
                                                &data, NULL)) < 0)
        return false;
    ret = vshEventWait(ctl, &data);
    virConnectNetworkEventDeregisterAny(ctl->conn, id);
    return ret;
}


/* ---- net-edit ------------------------------------------------------ */

/* The persistent definition when the driver can give it, else the live one. */
static char *
vshNetworkConfigXML(virNetworkPtr net)
{
    char *xml = virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE);

    if (!xml && vshLibvirtErrorIs(VIR_ERR_INVALID_ARG)) {
        vshResetLibvirtError();
        xml = virNetworkGetXMLDesc(net, 0);
    }
    return xml;
}

static bool
vshCmdNetEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autoptr(virNetwork) edited = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *newxml = NULL;
    const char *name;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (!(xml = vshNetworkConfigXML(net)))
        return false;
    if (!(newxml = vshEditString(ctl, xml)))
        return false;
    if (strcmp(xml, newxml) == 0) {
        vshPrintExtra(ctl, "Network %s XML configuration not changed.\n",
                      virNetworkGetName(net));
        return true;
    }
    if (!(edited = virNetworkDefineXML(ctl->conn, newxml)))
        return false;
    vshPrintExtra(ctl, "Network %s XML configuration edited.\n",
                  virNetworkGetName(edited));
    return true;
}


/* ---- net-update ---------------------------------------------------- */

static const vshCmdOptDef vshOptsNetUpdate[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "command", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "add-first, add-last (or add), delete or modify" },
    { "section", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the part of the network to change (ip-dhcp-host, dns-host, ...)" },
    { "xml", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the XML element itself (starting with '<') or a file holding it" },
    { "parent-index", VSH_OT_INT, 0,
      "which of several parent elements (e.g. <ip>) to change" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "live", VSH_OT_BOOL, 0, "change the running network" },
    { "current", VSH_OT_BOOL, 0, "change the running network if it runs, else its configuration" },
    VSH_OPT_END
};

static const char *const vshNetUpdateSections[] = {
    "none", "bridge", "domain", "ip", "ip-dhcp-host", "ip-dhcp-range",
    "forward", "forward-interface", "forward-pf", "portgroup",
    "dns-host", "dns-txt", "dns-srv", NULL,
};

static bool
vshCmdNetUpdate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autofree char *fromFile = NULL;
    const char *cmdstr, *secstr, *xml, *name;
    bool config = vshCmdOptBool(cmd, "config");
    bool live = vshCmdOptBool(cmd, "live");
    unsigned int flags = 0;
    int parentIndex = -1;
    int command, section;

    if (!vshCmdExclusive(ctl, cmd, "current", "live") ||
        !vshCmdExclusive(ctl, cmd, "current", "config"))
        return false;
    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "command", &cmdstr) <= 0)
        return false;
    if (strcmp(cmdstr, "add") == 0 || strcmp(cmdstr, "add-last") == 0) {
        command = VIR_NETWORK_UPDATE_COMMAND_ADD_LAST;
    } else if (strcmp(cmdstr, "add-first") == 0) {
        command = VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST;
    } else if (strcmp(cmdstr, "delete") == 0) {
        command = VIR_NETWORK_UPDATE_COMMAND_DELETE;
    } else if (strcmp(cmdstr, "modify") == 0) {
        command = VIR_NETWORK_UPDATE_COMMAND_MODIFY;
    } else {
        vshError(ctl, "unrecognized command name '%s'", cmdstr);
        return false;
    }
    if (vshCmdOptString(ctl, cmd, "section", &secstr) <= 0)
        return false;
    for (section = 1; vshNetUpdateSections[section]; section++) {
        if (strcmp(vshNetUpdateSections[section], secstr) == 0)
            break;
    }
    if (!vshNetUpdateSections[section]) {
        vshError(ctl, "unrecognized section name '%s'", secstr);
        return false;
    }
    if (vshCmdOptInt(ctl, cmd, "parent-index", &parentIndex) < 0)
        return false;
    if (vshCmdOptString(ctl, cmd, "xml", &xml) <= 0)
        return false;
    if (*xml != '<') {
        if (!(fromFile = vshReadFile(ctl, xml)))
            return false;
        xml = fromFile;
    }

    if (config)
        flags |= VIR_NETWORK_UPDATE_AFFECT_CONFIG;
    if (live)
        flags |= VIR_NETWORK_UPDATE_AFFECT_LIVE;

    if (virNetworkUpdate(net, command, section, parentIndex, xml, flags) < 0) {
        vshError(ctl, "Failed to update network %s", name);
        return false;
    }

    if (config && live)
        vshPrintExtra(ctl, "Updated network %s persistent config and live state", name);
    else if (config)
        vshPrintExtra(ctl, "Updated network %s persistent config", name);
    else if (live || virNetworkIsActive(net) > 0)
        vshPrintExtra(ctl, "Updated network %s live state", name);
    else
        vshPrintExtra(ctl, "Updated network %s persistent config", name);
    vshResetLibvirtError();
    return true;
}


/* ---- net-dhcp-leases ----------------------------------------------- */

static const vshCmdOptDef vshOptsNetDhcpLeases[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "mac", VSH_OT_STRING, 0, "only the leases of this MAC address" },
    VSH_OPT_END
};

static int
vshLeaseSorter(const void *a, const void *b)
{
    virNetworkDHCPLeasePtr la = *(virNetworkDHCPLeasePtr const *)a;
    virNetworkDHCPLeasePtr lb = *(virNetworkDHCPLeasePtr const *)b;

    return g_strcmp0(la->mac, lb->mac);
}

static bool
vshCmdNetDhcpLeases(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autoptr(vshTable) table = NULL;
    virNetworkDHCPLeasePtr *leases = NULL;
    const char *mac = NULL;
    const char *name;
    int n, i;

    if (vshCmdOptString(ctl, cmd, "mac", &mac) < 0)
        return false;
    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if ((n = virNetworkGetDHCPLeases(net, mac, &leases, 0)) < 0) {
        vshError(ctl, "Failed to get leases info for %s", name);
        return false;
    }
    qsort(leases, n, sizeof(*leases), vshLeaseSorter);

    table = vshTableNew("Expiry Time", "MAC address", "Protocol",
                        "IP address", "Hostname", "Client ID or DUID", NULL);
    for (i = 0; i < n; i++) {
        virNetworkDHCPLeasePtr l = leases[i];
        g_autofree char *addr = g_strdup_printf("%s/%u", l->ipaddr, l->prefix);
        g_autoptr(GDateTime) when = g_date_time_new_from_unix_local(l->expirytime);
        g_autofree char *expiry = when ? g_date_time_format(when, "%Y-%m-%d %H:%M:%S")
                                       : g_strdup("-");

        vshTableAppend(table, expiry, l->mac,
                       l->type == VIR_IP_ADDR_TYPE_IPV6 ? "ipv6" : "ipv4",
                       addr, l->hostname ? l->hostname : "-",
                       l->clientid ? l->clientid : "-", NULL);
    }
    vshTablePrint(ctl, table);

    for (i = 0; i < n; i++)
        virNetworkDHCPLeaseFree(leases[i]);
    free(leases);
    return true;
}


/* ---- net-port-list, net-port-create, net-port-dumpxml, net-port-delete */

static void
vshPortFree(virNetworkPortPtr port)
{
    if (port)
        virNetworkPortFree(port);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkPort, vshPortFree)

static const vshCmdOptDef vshOptsNetPortList[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "uuid", VSH_OT_BOOL, 0, "print UUIDs instead of a table" },
    { "table", VSH_OT_BOOL, 0, "print a table (what happens anyway)" },
    VSH_OPT_END
};

static int
vshPortSorter(const void *a, const void *b)
{
    char ua[VIR_UUID_STRING_BUFLEN], ub[VIR_UUID_STRING_BUFLEN];

    virNetworkPortGetUUIDString(*(virNetworkPortPtr const *)a, ua);
    virNetworkPortGetUUIDString(*(virNetworkPortPtr const *)b, ub);
    return strcmp(ua, ub);
}

static bool
vshCmdNetPortList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autoptr(vshTable) table = NULL;
    bool optUUID = vshCmdOptBool(cmd, "uuid");
    virNetworkPortPtr *ports = NULL;
    int n, i;

    if (!vshCmdExclusive(ctl, cmd, "table", "uuid"))
        return false;
    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if ((n = virNetworkListAllPorts(net, &ports, 0)) < 0)
        return false;
    qsort(ports, n, sizeof(*ports), vshPortSorter);

    if (!optUUID)
        table = vshTableNew("UUID", NULL);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        virNetworkPortGetUUIDString(ports[i], uuid);
        if (optUUID)
            vshPrint(ctl, "%s\n", uuid);
        else
            vshTableAppend(table, uuid, NULL);
    }
    if (table)
        vshTablePrint(ctl, table);

    for (i = 0; i < n; i++)
        virNetworkPortFree(ports[i]);
    free(ports);
    return true;
}


static const vshCmdOptDef vshOptsNetPortCreate[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the port's XML description" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdNetPortCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autoptr(virNetworkPort) port = NULL;
    g_autofree char *xml = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    unsigned int flags = 0;
    const char *file;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_NETWORK_PORT_CREATE_VALIDATE;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(port = virNetworkPortCreateXML(net, xml, flags))) {
        vshError(ctl, "Failed to create network from %s", file);
        return false;
    }
    if (virNetworkPortGetUUIDString(port, uuid) < 0) {
        vshError(ctl, "%s", "Failed to get network port UUID");
        return false;
    }
    vshPrintExtra(ctl, "Network port %s created from %s\n", uuid, file);
    return true;
}


static const vshCmdOptDef vshOptsNetPortDumpxml[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "port", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the port's UUID" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsNetPortDelete[] = {
    VSH_OPT_NETWORK("the network, by name or UUID"),
    { "port", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the port's UUID" },
    VSH_OPT_END
};

/* virsh reports a port it cannot find and still ends with success; so
 * do we, since scripts may depend on that exit status. */
static virNetworkPortPtr
vshLookupPort(vshControl *ctl, const vshCmd *cmd, virNetworkPtr *net,
              const char **uuid)
{
    virNetworkPortPtr port;

    if (!(*net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, NULL)))
        return NULL;
    if (vshCmdOptString(ctl, cmd, "port", uuid) <= 0)
        return NULL;
    if (!(port = virNetworkPortLookupByUUIDString(*net, *uuid))) {
        vshError(ctl, "failed to get network port '%s'", *uuid);
        vshResetLibvirtError();
    }
    return port;
}

static bool
vshCmdNetPortDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autoptr(virNetworkPort) port = NULL;
    g_autofree char *xml = NULL;
    const char *uuid = NULL;

    if (!(port = vshLookupPort(ctl, cmd, &net, &uuid)))
        return net && uuid;
    if (!(xml = virNetworkPortGetXMLDesc(port, 0)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}

static bool
vshCmdNetPortDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    g_autoptr(virNetworkPort) port = NULL;
    const char *uuid = NULL;

    if (!(port = vshLookupPort(ctl, cmd, &net, &uuid)))
        return net && uuid;
    if (virNetworkPortDelete(port, 0) < 0) {
        vshError(ctl, "Failed to delete network port %s", uuid);
        return false;
    }
    vshPrintExtra(ctl, "Network port %s deleted\n", uuid);
    return true;
}


const vshCmdDef vshNetworkCmds[] = {
    { "net-autostart", vshCmdNetAutostart, vshOptsNetAutostart,
      "choose whether a network starts with the host", NULL, 0 },
    { "net-create", vshCmdNetCreate, vshOptsNetDefine,
      "start a transient network from an XML file", NULL, 0 },
    { "net-define", vshCmdNetDefine, vshOptsNetDefine,
      "add or change a persistent network from an XML file",
      "Stores the network configuration read from an XML file; the network\n"
      "is not started.", 0 },
    { "net-destroy", vshCmdNetDestroy, vshOptsNetworkOnly,
      "stop a network", NULL, 0 },
    { "net-dhcp-leases", vshCmdNetDhcpLeases, vshOptsNetDhcpLeases,
      "list the DHCP leases a network handed out", NULL, 0 },
    { "net-dumpxml", vshCmdNetDumpxml, vshOptsNetDumpxml,
      "print a network's XML description", NULL, 0 },
    { "net-edit", vshCmdNetEdit, vshOptsNetworkOnly,
      "change a network's configuration in an editor", NULL, 0 },
    { "net-event", vshCmdNetEvent, vshOptsNetEvent,
      "wait for network events and print them", NULL, 0 },
    { "net-info", vshCmdNetInfo, vshOptsNetworkOnly,
      "show basic facts about a network",
      "Prints the name, UUID, state, persistence, autostart flag and bridge\n"
      "of a network.", 0 },
    { "net-list", vshCmdNetList, vshOptsNetList,
      "list the virtual networks",
      "Lists running networks, or others with the filter options.", 0 },
    { "net-name", vshCmdNetName, vshOptsNetName,
      "print the name of the network with a UUID", NULL, 0 },
    { "net-start", vshCmdNetStart, vshOptsNetworkOnly,
      "start a defined network that is stopped", NULL, 0 },
    { "net-port-create", vshCmdNetPortCreate, vshOptsNetPortCreate,
      "add a port to a network from an XML file", NULL, 0 },
    { "net-port-delete", vshCmdNetPortDelete, vshOptsNetPortDelete,
      "remove a port from a network", NULL, 0 },
    { "net-port-dumpxml", vshCmdNetPortDumpxml, vshOptsNetPortDumpxml,
      "print a network port's XML description", NULL, 0 },
    { "net-port-list", vshCmdNetPortList, vshOptsNetPortList,
      "list the ports of a network", NULL, 0 },
    { "net-undefine", vshCmdNetUndefine, vshOptsNetworkOnly,
      "remove a network's persistent configuration", NULL, 0 },
    { "net-update", vshCmdNetUpdate, vshOptsNetUpdate,
      "add, remove or change one element of a network's XML", NULL, 0 },
    { "net-uuid", vshCmdNetUUID, vshOptsNetUUID,
      "print the UUID of the network with a name", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
