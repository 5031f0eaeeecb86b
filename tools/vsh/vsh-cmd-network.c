/* vsh-cmd-network.c: virtual network commands (the "network" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "vsh.h"

#define VSH_OPT_NETWORK(helptext) \
    { "network", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }
#define VSH_OPT_END { NULL, 0, 0, NULL }


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


static bool
vshCmdNetDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    const char *name;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (virNetworkDestroy(net) < 0) {
        vshError(ctl, "Failed to destroy network %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Network %s destroyed\n", name);
    return true;
}


static bool
vshCmdNetUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virNetwork) net = NULL;
    const char *name;

    if (!(net = vshLookupNetwork(ctl, cmd, VSH_BYUUID | VSH_BYNAME, &name)))
        return false;
    if (virNetworkUndefine(net) < 0) {
        vshError(ctl, "Failed to undefine network %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Network %s has been undefined\n", name);
    return true;
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
    { "net-dumpxml", vshCmdNetDumpxml, vshOptsNetDumpxml,
      "print a network's XML description", NULL, 0 },
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
    { "net-undefine", vshCmdNetUndefine, vshOptsNetworkOnly,
      "remove a network's persistent configuration", NULL, 0 },
    { "net-uuid", vshCmdNetUUID, vshOptsNetUUID,
      "print the UUID of the network with a name", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
