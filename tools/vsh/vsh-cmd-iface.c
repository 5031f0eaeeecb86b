/* vsh-cmd-iface.c: host interface commands (the "interface" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "vsh.h"

#define VSH_OPT_IFACE(helptext) \
    { "interface", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }

static void
vshIfaceFree(virInterfacePtr iface)
{
    if (iface)
        virInterfaceFree(iface);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virInterface, vshIfaceFree)


/* Six groups of one or two hex digits separated by ':'. */
static bool
vshLooksLikeMAC(const char *str)
{
    int groups = 0;

    while (*str) {
        int digits = 0;

        while (g_ascii_isxdigit(*str) && digits < 3) {
            str++;
            digits++;
        }
        if (digits == 0 || digits > 2)
            return false;
        groups++;
        if (*str == ':' && groups < 6)
            str++;
        else if (*str)
            return false;
    }
    return groups == 6;
}


/* An interface by name or MAC address as @byName/@byMAC allow; a word
 * of the wrong kind is not looked up at all, so no library error then. */
static virInterfacePtr
vshLookupIfaceBy(vshControl *ctl, const vshCmd *cmd, const char *optname,
                 bool byName, bool byMAC, const char **name)
{
    virInterfacePtr iface = NULL;
    const char *str;
    bool isMAC;

    if (vshCmdOptString(ctl, cmd, optname, &str) <= 0)
        return NULL;
    if (name)
        *name = str;
    isMAC = vshLooksLikeMAC(str);
    if (isMAC && byMAC)
        iface = virInterfaceLookupByMACString(ctl->conn, str);
    else if (!isMAC && byName)
        iface = virInterfaceLookupByName(ctl->conn, str);
    if (!iface)
        vshError(ctl, "failed to get interface '%s'", str);
    return iface;
}

#define vshLookupIface(ctl, cmd, name) \
    vshLookupIfaceBy(ctl, cmd, "interface", true, true, name)


/* ---- iface-list ---------------------------------------------------- */

static const vshCmdOptDef vshOptsIfaceList[] = {
    { "inactive", VSH_OT_BOOL, 0, "only interfaces that are not running" },
    { "all", VSH_OT_BOOL, 0, "running and stopped interfaces together" },
    VSH_OPT_END
};

static int
vshIfaceSorter(const void *a, const void *b)
{
    return g_ascii_strcasecmp(virInterfaceGetName(*(virInterfacePtr const *)a),
                              virInterfaceGetName(*(virInterfacePtr const *)b));
}

static bool
vshCmdIfaceList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(vshTable) table = NULL;
    virInterfacePtr *ifaces = NULL;
    unsigned int flags = VIR_CONNECT_LIST_INTERFACES_ACTIVE;
    int n, i;

    if (!vshCmdExclusive(ctl, cmd, "all", "inactive"))
        return false;
    if (vshCmdOptBool(cmd, "inactive"))
        flags = VIR_CONNECT_LIST_INTERFACES_INACTIVE;
    if (vshCmdOptBool(cmd, "all"))
        flags = VIR_CONNECT_LIST_INTERFACES_INACTIVE |
                VIR_CONNECT_LIST_INTERFACES_ACTIVE;

    if ((n = virConnectListAllInterfaces(ctl->conn, &ifaces, flags)) < 0) {
        vshError(ctl, "%s", "Failed to list interfaces");
        return false;
    }
    qsort(ifaces, n, sizeof(*ifaces), vshIfaceSorter);

    table = vshTableNew("Name", "State", "MAC Address", NULL);
    for (i = 0; i < n; i++) {
        const char *mac = virInterfaceGetMACString(ifaces[i]);
        vshTableAppend(table, virInterfaceGetName(ifaces[i]),
                       virInterfaceIsActive(ifaces[i]) > 0 ? "active" : "inactive",
                       mac ? mac : "", NULL);
    }
    vshResetLibvirtError();
    vshTablePrint(ctl, table);

    for (i = 0; i < n; i++)
        virInterfaceFree(ifaces[i]);
    free(ifaces);
    return true;
}


/* ---- iface-name, iface-mac ----------------------------------------- */

static const vshCmdOptDef vshOptsIfaceName[] = {
    VSH_OPT_IFACE("the interface's MAC address"),
    VSH_OPT_END
};

static bool
vshCmdIfaceName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;

    if (!(iface = vshLookupIfaceBy(ctl, cmd, "interface", false, true, NULL)))
        return false;
    vshPrint(ctl, "%s\n", virInterfaceGetName(iface));
    return true;
}


static const vshCmdOptDef vshOptsIfaceMAC[] = {
    VSH_OPT_IFACE("the interface's name"),
    VSH_OPT_END
};

static bool
vshCmdIfaceMAC(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;

    if (!(iface = vshLookupIfaceBy(ctl, cmd, "interface", true, false, NULL)))
        return false;
    vshPrint(ctl, "%s\n", virInterfaceGetMACString(iface));
    return true;
}


/* ---- iface-dumpxml, iface-define, iface-undefine, iface-edit ------- */

static const vshCmdOptDef vshOptsIfaceDumpxml[] = {
    VSH_OPT_IFACE("the interface, by name or MAC address"),
    { "inactive", VSH_OT_BOOL, 0, "the configuration for its next start" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdIfaceDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;

    if (!(iface = vshLookupIface(ctl, cmd, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "inactive"))
        flags |= VIR_INTERFACE_XML_INACTIVE;
    if (!(xml = virInterfaceGetXMLDesc(iface, flags)))
        return false;
    return vshPrintXMLDoc(ctl, cmd, xml);
}


static const vshCmdOptDef vshOptsIfaceDefine[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "path of the interface's XML description" },
    { "validate", VSH_OT_BOOL, 0, "check the XML against the schema first" },
    VSH_OPT_END
};

static bool
vshCmdIfaceDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *file;

    if (vshCmdOptString(ctl, cmd, "file", &file) <= 0)
        return false;
    if (vshCmdOptBool(cmd, "validate"))
        flags |= VIR_INTERFACE_DEFINE_VALIDATE;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (!(iface = virInterfaceDefineXML(ctl->conn, xml, flags))) {
        vshError(ctl, "Failed to define interface from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s defined from %s\n",
                  virInterfaceGetName(iface), file);
    return true;
}


static const vshCmdOptDef vshOptsIfaceOnly[] = {
    VSH_OPT_IFACE("the interface, by name or MAC address"),
    VSH_OPT_END
};

static bool
vshCmdIfaceUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;
    const char *name;

    if (!(iface = vshLookupIface(ctl, cmd, &name)))
        return false;
    if (virInterfaceUndefine(iface) < 0) {
        vshError(ctl, "Failed to undefine interface %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s undefined\n", name);
    return true;
}


static bool
vshCmdIfaceEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;
    g_autoptr(virInterface) edited = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *newxml = NULL;

    if (!(iface = vshLookupIface(ctl, cmd, NULL)))
        return false;
    if (!(xml = virInterfaceGetXMLDesc(iface, VIR_INTERFACE_XML_INACTIVE)))
        return false;
    if (!(newxml = vshEditString(ctl, xml)))
        return false;
    if (strcmp(xml, newxml) == 0) {
        vshPrintExtra(ctl, "Interface %s XML configuration not changed.\n",
                      virInterfaceGetName(iface));
        return true;
    }
    if (!(edited = virInterfaceDefineXML(ctl->conn, newxml, 0)))
        return false;
    vshPrintExtra(ctl, "Interface %s XML configuration edited.\n",
                  virInterfaceGetName(edited));
    return true;
}


/* ---- iface-start, iface-destroy ------------------------------------ */

static bool
vshCmdIfaceStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;
    const char *name;

    if (!(iface = vshLookupIface(ctl, cmd, &name)))
        return false;
    if (virInterfaceCreate(iface, 0) < 0) {
        vshError(ctl, "Failed to start interface %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s started\n", name);
    return true;
}


static bool
vshCmdIfaceDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;
    const char *name;

    if (!(iface = vshLookupIface(ctl, cmd, &name)))
        return false;
    if (virInterfaceDestroy(iface, 0) < 0) {
        vshError(ctl, "Failed to destroy interface %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s destroyed\n", name);
    /* virsh 9.0 reports failure even here; scripts see the same status */
    return false;
}


/* ---- iface-begin, iface-commit, iface-rollback --------------------- */

static const vshCmdOptDef vshOptsNone[] = {
    VSH_OPT_END
};

static bool
vshCmdIfaceBegin(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    if (virInterfaceChangeBegin(ctl->conn, 0) < 0) {
        vshError(ctl, "%s", "Failed to begin network config change transaction");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Network config change transaction started\n");
    return true;
}

static bool
vshCmdIfaceCommit(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    if (virInterfaceChangeCommit(ctl->conn, 0) < 0) {
        vshError(ctl, "%s", "Failed to commit network config change transaction");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Network config change transaction committed\n");
    return true;
}

static bool
vshCmdIfaceRollback(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    if (virInterfaceChangeRollback(ctl->conn, 0) < 0) {
        vshError(ctl, "%s", "Failed to rollback network config change transaction");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Network config change transaction rolled back\n");
    return true;
}


/* ---- iface-bridge, iface-unbridge ---------------------------------- */

static void
vshXMLDocFree(xmlDocPtr doc)
{
    if (doc)
        xmlFreeDoc(doc);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, vshXMLDocFree)


/* Move the settings that belong to whichever interface carries the host's
 * addresses (<start>, <mtu>, <protocol>) from @from to @to. */
static void
vshIfaceMoveSettings(xmlNodePtr from, xmlNodePtr to)
{
    xmlNodePtr cur = from->children;

    while (cur) {
        xmlNodePtr next = cur->next;

        if (cur->type == XML_ELEMENT_NODE &&
            (xmlStrEqual(cur->name, BAD_CAST "start") ||
             xmlStrEqual(cur->name, BAD_CAST "mtu") ||
             xmlStrEqual(cur->name, BAD_CAST "protocol"))) {
            xmlUnlinkNode(cur);
            xmlAddChild(to, cur);
        }
        cur = next;
    }
}


static char *
vshXMLNodeDump(xmlDocPtr doc, xmlNodePtr node)
{
    g_autoptr(GString) out = g_string_new(NULL);
    xmlBufferPtr buf = xmlBufferCreate();

    xmlNodeDump(buf, doc, node, 0, 1);
    g_string_append(out, (const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return g_string_free(g_steal_pointer(&out), FALSE);
}


static const vshCmdOptDef vshOptsIfaceBridge[] = {
    VSH_OPT_IFACE("the existing interface to put under the bridge"),
    { "bridge", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "name of the new bridge device" },
    { "no-stp", VSH_OT_BOOL, 0, "turn the spanning tree protocol off" },
    { "delay", VSH_OT_INT, 0, "seconds new ports wait before forwarding" },
    { "no-start", VSH_OT_BOOL, 0, "define the bridge but do not start it" },
    VSH_OPT_END
};

static bool
vshCmdIfaceBridge(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) iface = NULL;
    g_autoptr(virInterface) bridge = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *type = NULL;
    g_autofree char *newxml = NULL;
    g_autofree char *delayStr = NULL;
    const char *ifname, *brname;
    bool stp = !vshCmdOptBool(cmd, "no-stp");
    bool nostart = vshCmdOptBool(cmd, "no-start");
    xmlNodePtr root, brRoot, brNode;
    int delay = 0;

    if (!(iface = vshLookupIface(ctl, cmd, &ifname)))
        return false;
    if (vshCmdOptString(ctl, cmd, "bridge", &brname) <= 0)
        return false;
    /* the lookup's error is expected and stays behind, as in virsh */
    if ((bridge = virInterfaceLookupByName(ctl->conn, brname))) {
        vshError(ctl, "Network device %s already exists", brname);
        return false;
    }
    if (vshCmdOptInt(ctl, cmd, "delay", &delay) < 0)
        return false;

    if (!(xml = virInterfaceGetXMLDesc(iface, VIR_INTERFACE_XML_INACTIVE)))
        return false;
    if (!(doc = xmlReadMemory(xml, strlen(xml), "interface.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING |
                              XML_PARSE_NOERROR)) ||
        !(root = xmlDocGetRootElement(doc))) {
        vshError(ctl, "%s", "Failed to parse configuration of the interface");
        return false;
    }
    ifname = virInterfaceGetName(iface);
    type = (char *)xmlGetProp(root, BAD_CAST "type");
    if (g_strcmp0(type, "bridge") == 0) {
        vshError(ctl, "Interface %s is already a bridge", ifname);
        return false;
    }
    if (g_strcmp0(type, "ethernet") != 0 && g_strcmp0(type, "vlan") != 0 &&
        g_strcmp0(type, "bond") != 0) {
        vshError(ctl, "Cannot put an interface of type '%s' under a bridge",
                 type ? type : "");
        return false;
    }

    brRoot = xmlNewNode(NULL, BAD_CAST "interface");
    xmlNewProp(brRoot, BAD_CAST "type", BAD_CAST "bridge");
    xmlNewProp(brRoot, BAD_CAST "name", BAD_CAST brname);
    vshIfaceMoveSettings(root, brRoot);
    brNode = xmlNewChild(brRoot, NULL, BAD_CAST "bridge", NULL);
    xmlNewProp(brNode, BAD_CAST "stp", BAD_CAST (stp ? "on" : "off"));
    delayStr = g_strdup_printf("%d", delay);
    xmlNewProp(brNode, BAD_CAST "delay", BAD_CAST delayStr);
    xmlUnlinkNode(root);
    xmlAddChild(brNode, root);
    xmlDocSetRootElement(doc, brRoot);

    newxml = vshXMLNodeDump(doc, brRoot);
    if (!(bridge = virInterfaceDefineXML(ctl->conn, newxml, 0))) {
        vshError(ctl, "Failed to define new bridge interface %s", brname);
        return false;
    }
    vshPrintExtra(ctl, "Created bridge %s with attached device %s\n",
                  brname, ifname);

    if (!nostart) {
        if (virInterfaceIsActive(iface) > 0 && virInterfaceDestroy(iface, 0) < 0) {
            vshError(ctl, "Failed to stop interface %s", ifname);
            return false;
        }
        if (virInterfaceCreate(bridge, 0) < 0) {
            vshError(ctl, "Failed to start bridge interface %s", brname);
            return false;
        }
        vshPrintExtra(ctl, "Bridge interface %s started\n", brname);
    }
    return true;
}


static const vshCmdOptDef vshOptsIfaceUnbridge[] = {
    { "bridge", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the bridge device to take apart" },
    { "no-start", VSH_OT_BOOL, 0, "define the freed interface but do not start it" },
    VSH_OPT_END
};

static bool
vshCmdIfaceUnbridge(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virInterface) bridge = NULL;
    g_autoptr(virInterface) iface = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *type = NULL;
    g_autofree char *ifname = NULL;
    g_autofree char *newxml = NULL;
    bool nostart = vshCmdOptBool(cmd, "no-start");
    xmlNodePtr root, cur, brNode = NULL, child = NULL;
    const char *brname;

    if (!(bridge = vshLookupIfaceBy(ctl, cmd, "bridge", true, false, &brname)))
        return false;
    if (!(xml = virInterfaceGetXMLDesc(bridge, VIR_INTERFACE_XML_INACTIVE)))
        return false;
    if (!(doc = xmlReadMemory(xml, strlen(xml), "interface.xml", NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING |
                              XML_PARSE_NOERROR)) ||
        !(root = xmlDocGetRootElement(doc))) {
        vshError(ctl, "%s", "Failed to parse configuration of the bridge");
        return false;
    }
    brname = virInterfaceGetName(bridge);
    type = (char *)xmlGetProp(root, BAD_CAST "type");
    if (g_strcmp0(type, "bridge") != 0) {
        vshError(ctl, "Interface %s is not a bridge", brname);
        return false;
    }
    for (cur = root->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            xmlStrEqual(cur->name, BAD_CAST "bridge"))
            brNode = cur;
    }
    for (cur = brNode ? brNode->children : NULL; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "interface"))
            continue;
        if (child) {
            vshError(ctl, "Multiple interfaces attached to bridge %s", brname);
            return false;
        }
        child = cur;
    }
    if (!child) {
        vshError(ctl, "No interface attached to bridge %s", brname);
        return false;
    }
    if (!(ifname = (char *)xmlGetProp(child, BAD_CAST "name"))) {
        vshError(ctl, "Device attached to bridge %s has no name", brname);
        return false;
    }
    xmlUnlinkNode(child);
    vshIfaceMoveSettings(root, child);
    xmlDocSetRootElement(doc, child);
    newxml = vshXMLNodeDump(doc, child);

    if (virInterfaceIsActive(bridge) > 0 && virInterfaceDestroy(bridge, 0) < 0) {
        vshError(ctl, "Failed to stop bridge %s", brname);
        return false;
    }
    if (virInterfaceUndefine(bridge) < 0) {
        vshError(ctl, "Failed to undefine bridge interface %s", brname);
        return false;
    }
    if (!(iface = virInterfaceDefineXML(ctl->conn, newxml, 0))) {
        vshError(ctl, "Failed to define new interface %s", ifname);
        return false;
    }
    vshPrintExtra(ctl, "Device %s un-attached from bridge %s\n", ifname, brname);

    if (!nostart) {
        if (virInterfaceCreate(iface, 0) < 0) {
            vshError(ctl, "Failed to start interface %s", ifname);
            return false;
        }
        vshPrintExtra(ctl, "Interface %s started\n", ifname);
    }
    return true;
}


const vshCmdDef vshInterfaceCmds[] = {
    { "iface-begin", vshCmdIfaceBegin, vshOptsNone,
      "snapshot the host's interface configuration to roll back to", NULL, 0 },
    { "iface-bridge", vshCmdIfaceBridge, vshOptsIfaceBridge,
      "make a bridge and put an existing interface under it", NULL, 0 },
    { "iface-commit", vshCmdIfaceCommit, vshOptsNone,
      "keep the interface changes made since iface-begin", NULL, 0 },
    { "iface-define", vshCmdIfaceDefine, vshOptsIfaceDefine,
      "add or change a host interface from an XML file", NULL, 0 },
    { "iface-destroy", vshCmdIfaceDestroy, vshOptsIfaceOnly,
      "bring a host interface down", NULL, 0 },
    { "iface-dumpxml", vshCmdIfaceDumpxml, vshOptsIfaceDumpxml,
      "print a host interface's XML description", NULL, 0 },
    { "iface-edit", vshCmdIfaceEdit, vshOptsIfaceOnly,
      "change a host interface's configuration in an editor", NULL, 0 },
    { "iface-list", vshCmdIfaceList, vshOptsIfaceList,
      "list the host's interfaces", NULL, 0 },
    { "iface-mac", vshCmdIfaceMAC, vshOptsIfaceMAC,
      "print the MAC address of the interface with a name", NULL, 0 },
    { "iface-name", vshCmdIfaceName, vshOptsIfaceName,
      "print the name of the interface with a MAC address", NULL, 0 },
    { "iface-rollback", vshCmdIfaceRollback, vshOptsNone,
      "undo the interface changes made since iface-begin", NULL, 0 },
    { "iface-start", vshCmdIfaceStart, vshOptsIfaceOnly,
      "bring a host interface up", NULL, 0 },
    { "iface-unbridge", vshCmdIfaceUnbridge, vshOptsIfaceUnbridge,
      "take the interface out of a bridge and remove the bridge", NULL, 0 },
    { "iface-undefine", vshCmdIfaceUndefine, vshOptsIfaceOnly,
      "remove a host interface's configuration", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
