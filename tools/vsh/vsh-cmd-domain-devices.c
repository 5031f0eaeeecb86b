/* vsh-cmd-domain-devices.c: adding, removing and changing domain devices:
 * attach-*, detach-*, update-device, change-media, domif-setlink,
 * update-memory-device; and the consoles and displays of a domain
 * (ttyconsole, vncdisplay, domdisplay).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The commands that change an existing device read the domain XML, edit
 * the device's element with libxml2 and hand it back; --print-xml shows
 * that element as it sits in the document, as virsh does.  Messages follow
 * virsh 9.0; the help texts are our own.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "vsh.h"

#define VSH_OPT_DOMAIN(helptext) \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }


#define VSH_OPTS_PERSISTENT_AFFECT \
    { "persistent", VSH_OT_BOOL, 0, "change the running domain and its configuration" }, \
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" }, \
    { "live", VSH_OT_BOOL, 0, "change the running domain" }, \
    { "current", VSH_OT_BOOL, 0, "change whichever state the domain is in now" }

static const vshCmdOptDef vshOptsDomainOnly[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    VSH_OPT_END
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathObject, xmlXPathFreeObject)


/* --persistent/--config/--live/--current into affect flags.  *useFlags
 * is false when none was given: then the old flag-less APIs are used. */
static bool
vshDeviceFlags(vshControl *ctl, const vshCmd *cmd, virDomainPtr dom,
               unsigned int *flags, bool *useFlags)
{
    if (!vshCmdExclusive(ctl, cmd, "persistent", "current") ||
        !vshCmdAffectFlags(ctl, cmd, flags))
        return false;
    *useFlags = *flags || vshCmdOptBool(cmd, "current") ||
                vshCmdOptBool(cmd, "persistent");
    if (vshCmdOptBool(cmd, "persistent")) {
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
        if (dom && virDomainIsActive(dom) == 1)
            *flags |= VIR_DOMAIN_AFFECT_LIVE;
    }
    return true;
}


/* ---- the domain XML as a document ------------------------------------------ */

static xmlDocPtr
vshDomainDoc(virDomainPtr dom, unsigned int flags)
{
    char *xml = virDomainGetXMLDesc(dom, flags);
    xmlDocPtr doc;

    if (!xml)
        return NULL;
    doc = xmlReadDoc(BAD_CAST xml, "domain.xml", NULL,
                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(xml);
    return doc;
}


/* The elements @xpath selects, as a NULL-terminated array (may be empty). */
static xmlNodePtr *
vshDocNodes(xmlDocPtr doc, const char *xpath, size_t *n)
{
    g_autoptr(xmlXPathContext) ctxt = xmlXPathNewContext(doc);
    g_autoptr(xmlXPathObject) obj = NULL;
    xmlNodePtr *nodes;
    int i;

    *n = 0;
    if (!ctxt || !(obj = xmlXPathEval(BAD_CAST xpath, ctxt)) ||
        obj->type != XPATH_NODESET || !obj->nodesetval) {
        return g_new0(xmlNodePtr, 1);
    }
    nodes = g_new0(xmlNodePtr, obj->nodesetval->nodeNr + 1);
    for (i = 0; i < obj->nodesetval->nodeNr; i++)
        nodes[i] = obj->nodesetval->nodeTab[i];
    *n = obj->nodesetval->nodeNr;
    return nodes;
}


static xmlNodePtr
vshChildElement(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE && xmlStrEqual(cur->name, BAD_CAST name))
            return cur;
    }
    return NULL;
}


static char *
vshAttr(xmlNodePtr node, const char *name)
{
    xmlChar *val;
    char *ret;

    if (!node || !(val = xmlGetProp(node, BAD_CAST name)))
        return NULL;
    ret = g_strdup((const char *)val);
    xmlFree(val);
    return ret;
}


/* The element as it is written inside the document (no re-indenting). */
static char *
vshNodeText(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char *ret;

    xmlNodeDump(buf, doc, node, 0, 0);
    ret = g_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return ret;
}


/* ---- attach-device, detach-device, update-device ------------------------------ */

static const vshCmdOptDef vshOptsAttachDevice[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "a file with the device's XML" },
    VSH_OPTS_PERSISTENT_AFFECT,
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsUpdateDevice[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "a file with the device's new XML" },
    VSH_OPTS_PERSISTENT_AFFECT,
    { "force", VSH_OT_BOOL, 0, "change it even where that is risky (eject a locked CD)" },
    VSH_OPT_END
};

typedef enum {
    VSH_DEV_ATTACH,
    VSH_DEV_DETACH,
    VSH_DEV_UPDATE,
} vshDeviceAction;

/* Hand @xml to the API for @action, flag-less when no option was given. */
static int
vshDeviceApply(virDomainPtr dom, vshDeviceAction action, const char *xml,
               unsigned int flags, bool useFlags)
{
    switch (action) {
    case VSH_DEV_ATTACH:
        return useFlags ? virDomainAttachDeviceFlags(dom, xml, flags)
                        : virDomainAttachDevice(dom, xml);
    case VSH_DEV_DETACH:
        return useFlags ? virDomainDetachDeviceFlags(dom, xml, flags)
                        : virDomainDetachDevice(dom, xml);
    case VSH_DEV_UPDATE:
    default:
        return virDomainUpdateDeviceFlags(dom, xml, flags);
    }
}

static bool
vshDeviceFromFile(vshControl *ctl, const vshCmd *cmd, vshDeviceAction action)
{
    static const char *const verbs[] = { "attach", "detach", "update" };
    static const char *const done[] = { "attached", "detached", "updated" };
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *file;
    unsigned int flags = 0;
    bool useFlags = false;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshDeviceFlags(ctl, cmd, dom, &flags, &useFlags))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if (!(xml = vshReadFile(ctl, file)))
        return false;
    if (action == VSH_DEV_UPDATE && vshCmdOptBool(cmd, "force"))
        flags |= VIR_DOMAIN_DEVICE_MODIFY_FORCE;

    if (vshDeviceApply(dom, action, xml, flags, useFlags) < 0) {
        vshError(ctl, "Failed to %s device from %s", verbs[action], file);
        return false;
    }
    vshPrintExtra(ctl, "Device %s successfully\n", done[action]);
    return true;
}

static bool
vshCmdAttachDevice(vshControl *ctl, const vshCmd *cmd)
{
    return vshDeviceFromFile(ctl, cmd, VSH_DEV_ATTACH);
}

static bool
vshCmdDetachDevice(vshControl *ctl, const vshCmd *cmd)
{
    return vshDeviceFromFile(ctl, cmd, VSH_DEV_DETACH);
}

static bool
vshCmdUpdateDevice(vshControl *ctl, const vshCmd *cmd)
{
    return vshDeviceFromFile(ctl, cmd, VSH_DEV_UPDATE);
}


static const vshCmdOptDef vshOptsDetachDeviceAlias[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "alias", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the device's alias (<alias name=...>)" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "live", VSH_OT_BOOL, 0, "change the running domain" },
    { "current", VSH_OT_BOOL, 0, "change whichever state the domain is in now" },
    VSH_OPT_END
};

static bool
vshCmdDetachDeviceAlias(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *alias;
    unsigned int flags = 0;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "alias", &alias) < 0)
        return false;
    if (virDomainDetachDeviceAlias(dom, alias, flags) < 0) {
        vshError(ctl, "Failed to detach device with alias %s", alias);
        return false;
    }
    vshPrintExtra(ctl, "%s\n", "Device detach request sent successfully");
    return true;
}


/* ---- attach-disk ---------------------------------------------------------------- */

static const vshCmdOptDef vshOptsAttachDisk[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "source", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL | VSH_OFLAG_EMPTY_OK,
      "the image file, block device or network volume name" },
    { "target", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the device name the guest sees (vdb, sdc, ...)" },
    { "targetbus", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the bus (virtio, scsi, ide, ...)" },
    { "driver", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the driver name (qemu, ...)" },
    { "subdriver", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the image format (raw, qcow2, ...)" },
    { "iothread", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the IOThread that serves the disk" },
    { "cache", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the cache mode" },
    { "io", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the I/O mode (threads, native, io_uring)" },
    { "type", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the device kind (disk, cdrom, floppy, lun)" },
    { "mode", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "readonly or shareable" },
    { "sourcetype", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "file, block or network" },
    { "serial", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the serial number the guest sees" },
    { "wwn", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the World Wide Name the guest sees" },
    { "alias", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a user alias (ua-...) for the device" },
    { "rawio", VSH_OT_BOOL, 0, "the guest may send raw SCSI commands" },
    { "address", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "where the disk sits: pci:D.B.S.F, scsi:C.B.U, ide:C.B.U, usb:B.P, sata:C.B.U or ccw:C.S.D" },
    { "multifunction", VSH_OT_BOOL, 0, "with a PCI address: a multifunction slot" },
    { "print-xml", VSH_OT_BOOL, 0, "print the disk XML instead of attaching it" },
    { "source-protocol", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "network protocol (nbd, rbd, iscsi, ...)" },
    { "source-host-name", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "network host, as HOST[:PORT]" },
    { "source-host-transport", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "network transport (tcp, unix, rdma)" },
    { "source-host-socket", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the UNIX socket of the network host" },
    VSH_OPTS_PERSISTENT_AFFECT,
    VSH_OPT_END
};

/* "a.b.c" into @n numbers of @base; false unless all are there. */
static bool
vshParseDotted(const char *str, int base, unsigned int *out, size_t n)
{
    const char *p = str;
    size_t i;

    for (i = 0; i < n; i++) {
        char *end = NULL;
        unsigned long val;

        if (!g_ascii_isxdigit(*p))
            return false;
        val = strtoul(p, &end, base);
        if (end == p || val > 0xffffffffUL)
            return false;
        out[i] = val;
        if (i + 1 < n) {
            if (*end != '.')
                return false;
            p = end + 1;
        } else if (*end != '\0') {
            return false;
        }
    }
    return true;
}

/* The <address> element for --address, checked against the kind of bus
 * the target name implies. */
static bool
vshDiskAddress(vshControl *ctl, GString *xml, const char *address,
               const char *target, bool multifunction)
{
    unsigned int v[4];
    const char *kind;
    const char *rest;

    if (!(rest = strchr(address, ':'))) {
        vshError(ctl, "%s", "Invalid address.");
        return false;
    }
    kind = address;
    rest++;

#define VSH_KIND(name) (strncmp(kind, name ":", strlen(name) + 1) == 0)
    if (!VSH_KIND("pci") && !VSH_KIND("scsi") && !VSH_KIND("ide") &&
        !VSH_KIND("usb") && !VSH_KIND("sata") && !VSH_KIND("ccw")) {
        vshError(ctl, "%s", "Invalid address.");
        return false;
    }

    if (g_str_has_prefix(target, "vd")) {
        if (!VSH_KIND("pci") && !VSH_KIND("ccw")) {
            vshError(ctl, "%s", "expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.");
            return false;
        }
    } else if (g_str_has_prefix(target, "sd")) {
        if (!VSH_KIND("scsi") && !VSH_KIND("usb") && !VSH_KIND("sata")) {
            vshError(ctl, "%s", "expecting a scsi:00.00.00 or usb:00.00 or sata:00.00.00 address.");
            return false;
        }
    } else if (g_str_has_prefix(target, "hd")) {
        if (!VSH_KIND("ide")) {
            vshError(ctl, "%s", "expecting an ide:00.00.00 address.");
            return false;
        }
    }

    if (VSH_KIND("pci")) {
        if (!vshParseDotted(rest, 16, v, 4))
            goto invalid;
        g_string_append_printf(xml, "  <address type='pci' domain='0x%04x' bus='0x%02x' "
                               "slot='0x%02x' function='0x%x'%s/>\n",
                               v[0], v[1], v[2], v[3],
                               multifunction ? " multifunction='on'" : "");
    } else if (VSH_KIND("ccw")) {
        if (!vshParseDotted(rest, 16, v, 3))
            goto invalid;
        g_string_append_printf(xml, "  <address type='ccw' cssid='0x%02x' ssid='0x%x' "
                               "devno='0x%04x'/>\n", v[0], v[1], v[2]);
    } else if (VSH_KIND("usb")) {
        if (!vshParseDotted(rest, 10, v, 2))
            goto invalid;
        g_string_append_printf(xml, "  <address type='usb' bus='%u' port='%u'/>\n",
                               v[0], v[1]);
    } else {
        if (!vshParseDotted(rest, 10, v, 3))
            goto invalid;
        g_string_append_printf(xml, "  <address type='drive' controller='%u' bus='%u' "
                               "unit='%u'/>\n", v[0], v[1], v[2]);
    }
#undef VSH_KIND
    return true;

 invalid:
    vshError(ctl, "%s", "Invalid address.");
    return false;
}

/* A World Wide Name: 16 hex digits, optionally after "0x". */
static bool
vshValidWWN(const char *wwn)
{
    size_t i;

    if (g_str_has_prefix(wwn, "0x"))
        wwn += 2;
    for (i = 0; wwn[i]; i++) {
        if (!g_ascii_isxdigit(wwn[i]))
            return false;
    }
    return i == 16;
}


/* An attribute " name='value'" with the value escaped, if it is set. */
static void
vshXMLAttr(GString *xml, const char *name, const char *value)
{
    g_autofree char *esc = NULL;

    if (!value)
        return;
    esc = g_markup_escape_text(value, -1);
    g_string_append_printf(xml, " %s='%s'", name, esc);
}

static bool
vshCmdAttachDisk(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GString) xml = g_string_new(NULL);
    const char *opt[17] = { NULL };
    static const char *const names[] = {
        "source", "target", "targetbus", "driver", "subdriver", "iothread",
        "cache", "io", "type", "mode", "sourcetype", "serial", "wwn", "alias",
        "address", "source-protocol", "source-host-name",
    };
    const char *transport = NULL;
    const char *hostsocket = NULL;
    enum { SRC_FILE, SRC_BLOCK, SRC_NETWORK } stype = SRC_FILE;
    unsigned int flags = 0;
    bool useFlags = false;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        if (vshCmdOptString(ctl, cmd, names[i], &opt[i]) < 0)
            return false;
    }
    if (vshCmdOptString(ctl, cmd, "source-host-transport", &transport) < 0 ||
        vshCmdOptString(ctl, cmd, "source-host-socket", &hostsocket) < 0)
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshDeviceFlags(ctl, cmd, dom, &flags, &useFlags))
        return false;

    /* opt[] follows names[] */
    {
        const char *source = opt[0], *target = opt[1], *bus = opt[2];
        const char *driver = opt[3], *subdriver = opt[4], *iothread = opt[5];
        const char *cache = opt[6], *io = opt[7], *type = opt[8];
        const char *mode = opt[9], *sourcetype = opt[10], *serial = opt[11];
        const char *wwn = opt[12], *alias = opt[13], *address = opt[14];
        const char *protocol = opt[15], *hostname = opt[16];

        if (mode && strcmp(mode, "readonly") != 0 && strcmp(mode, "shareable") != 0) {
            vshError(ctl, "No support for %s in command 'attach-disk'", mode);
            return false;
        }
        if (sourcetype) {
            if (strcmp(sourcetype, "file") == 0) {
                stype = SRC_FILE;
            } else if (strcmp(sourcetype, "block") == 0) {
                stype = SRC_BLOCK;
            } else if (strcmp(sourcetype, "network") == 0) {
                stype = SRC_NETWORK;
            } else {
                vshError(ctl, "Unknown source type: '%s'", sourcetype);
                return false;
            }
        }
        if (protocol) {
            stype = SRC_NETWORK;
        } else if (stype == SRC_NETWORK) {
            vshError(ctl, "%s", "--source-protocol option requires --sourcetype network");
            return false;
        }

        if (wwn && !vshValidWWN(wwn)) {
            vshError(ctl, "internal error: Malformed wwn: %s", wwn);
            return false;
        }

        g_string_append(xml, "<disk");
        vshXMLAttr(xml, "type", stype == SRC_FILE ? "file" :
                                stype == SRC_BLOCK ? "block" : "network");
        vshXMLAttr(xml, "device", type);
        if (vshCmdOptBool(cmd, "rawio"))
            vshXMLAttr(xml, "rawio", "yes");
        g_string_append(xml, ">\n");

        if (driver || subdriver || iothread || cache || io) {
            g_string_append(xml, "  <driver");
            vshXMLAttr(xml, "name", driver);
            vshXMLAttr(xml, "type", subdriver);
            vshXMLAttr(xml, "iothread", iothread);
            vshXMLAttr(xml, "cache", cache);
            vshXMLAttr(xml, "io", io);
            g_string_append(xml, "/>\n");
        }

        if (stype == SRC_NETWORK) {
            g_string_append(xml, "  <source");
            vshXMLAttr(xml, "protocol", protocol);
            vshXMLAttr(xml, "name", source);
            if (hostname || transport || hostsocket) {
                g_autofree char *host = NULL;
                char *port = NULL;

                g_string_append(xml, ">\n    <host");
                if (hostname) {
                    host = g_strdup(hostname);
                    if ((port = strrchr(host, ':')))
                        *port++ = '\0';
                }
                vshXMLAttr(xml, "transport", transport);
                vshXMLAttr(xml, "name", host);
                vshXMLAttr(xml, "port", port);
                vshXMLAttr(xml, "socket", hostsocket);
                g_string_append(xml, "/>\n  </source>\n");
            } else {
                g_string_append(xml, "/>\n");
            }
        } else {
            g_string_append(xml, "  <source");
            vshXMLAttr(xml, stype == SRC_FILE ? "file" : "dev", source);
            g_string_append(xml, "/>\n");
        }

        g_string_append(xml, "  <target");
        vshXMLAttr(xml, "dev", target);
        vshXMLAttr(xml, "bus", bus);
        g_string_append(xml, "/>\n");
        if (mode)
            g_string_append_printf(xml, "  <%s/>\n", mode);
        if (serial) {
            g_autofree char *esc = g_markup_escape_text(serial, -1);
            g_string_append_printf(xml, "  <serial>%s</serial>\n", esc);
        }
        if (alias) {
            g_string_append(xml, "  <alias");
            vshXMLAttr(xml, "name", alias);
            g_string_append(xml, "/>\n");
        }
        if (wwn) {
            g_autofree char *esc = g_markup_escape_text(wwn, -1);
            g_string_append_printf(xml, "  <wwn>%s</wwn>\n", esc);
        }
        if (address &&
            !vshDiskAddress(ctl, xml, address, target,
                            vshCmdOptBool(cmd, "multifunction")))
            return false;
        g_string_append(xml, "</disk>\n");
    }

    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml->str);
        return true;
    }
    if (vshDeviceApply(dom, VSH_DEV_ATTACH, xml->str, flags, useFlags) < 0) {
        vshError(ctl, "%s", "Failed to attach disk");
        return false;
    }
    vshPrintExtra(ctl, "%s\n", "Disk attached successfully");
    return true;
}


/* ---- attach-interface -------------------------------------------------------------- */

static const vshCmdOptDef vshOptsAttachInterface[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "type", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "network, bridge, direct, hostdev or vhostuser" },
    { "source", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the network, bridge, host device or socket to connect to" },
    { "target", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the host-side device name" },
    { "mac", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the MAC address" },
    { "script", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a script that sets the host side up" },
    { "model", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the NIC model (virtio, e1000, ...)" },
    { "alias", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a user alias (ua-...) for the device" },
    { "inbound", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "incoming limits: average,peak,burst,floor" },
    { "outbound", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "outgoing limits: average,peak,burst" },
    VSH_OPTS_PERSISTENT_AFFECT,
    { "print-xml", VSH_OT_BOOL, 0, "print the interface XML instead of attaching it" },
    { "managed", VSH_OT_BOOL, 0, "hostdev: detach the device from the host automatically" },
    { "source-mode", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "vhostuser: server or client" },
    VSH_OPT_END
};

/* "average,peak,burst[,floor]" into a bandwidth child element. */
static bool
vshRateElement(vshControl *ctl, GString *xml, const char *name,
               const char *str, bool inbound)
{
    static const char *const fields[] = { "average", "peak", "burst", "floor" };
    g_auto(GStrv) parts = g_strsplit(str, ",", -1);
    unsigned long long val[4] = { 0 };
    size_t i;

    if (g_strv_length(parts) > 4) {
        vshError(ctl, "Rate string '%s' has too many fields", str);
        return false;
    }
    for (i = 0; parts[i]; i++) {
        char *end = NULL;

        if (!*parts[i])
            continue;
        val[i] = g_ascii_strtoull(parts[i], &end, 10);
        if (end == parts[i] || *end) {
            vshError(ctl, "field '%s' is malformed", fields[i]);
            return false;
        }
    }
    if (inbound && !val[0] && !val[3]) {
        vshError(ctl, "%s", "either inbound average or floor is mandatory");
        return false;
    }
    if (!inbound && !val[0]) {
        vshError(ctl, "%s", "outbound average is mandatory");
        return false;
    }
    g_string_append_printf(xml, "    <%s", name);
    for (i = 0; i < 4; i++) {
        if (val[i])
            g_string_append_printf(xml, " %s='%llu'", fields[i], val[i]);
    }
    g_string_append(xml, "/>\n");
    return true;
}

static bool
vshCmdAttachInterface(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GString) xml = g_string_new(NULL);
    const char *type, *source, *target = NULL, *mac = NULL, *script = NULL;
    const char *model = NULL, *alias = NULL, *inbound = NULL, *outbound = NULL;
    const char *mode = NULL;
    unsigned int flags = 0;
    bool useFlags = false;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "type", &type) < 0 ||
        vshCmdOptString(ctl, cmd, "source", &source) < 0 ||
        vshCmdOptString(ctl, cmd, "target", &target) < 0 ||
        vshCmdOptString(ctl, cmd, "mac", &mac) < 0 ||
        vshCmdOptString(ctl, cmd, "script", &script) < 0 ||
        vshCmdOptString(ctl, cmd, "model", &model) < 0 ||
        vshCmdOptString(ctl, cmd, "alias", &alias) < 0 ||
        vshCmdOptString(ctl, cmd, "inbound", &inbound) < 0 ||
        vshCmdOptString(ctl, cmd, "outbound", &outbound) < 0 ||
        vshCmdOptString(ctl, cmd, "source-mode", &mode) < 0)
        return false;
    if (!vshDeviceFlags(ctl, cmd, dom, &flags, &useFlags))
        return false;

    if (mode && strcmp(mode, "server") != 0 && strcmp(mode, "client") != 0) {
        vshError(ctl, "Invalid source mode: %s", mode);
        return false;
    }

    g_string_append(xml, "<interface");
    vshXMLAttr(xml, "type", type);
    if (vshCmdOptBool(cmd, "managed"))
        vshXMLAttr(xml, "managed", "yes");
    g_string_append(xml, ">\n");

    if (strcmp(type, "network") == 0) {
        g_string_append(xml, "  <source");
        vshXMLAttr(xml, "network", source);
        g_string_append(xml, "/>\n");
    } else if (strcmp(type, "bridge") == 0) {
        g_string_append(xml, "  <source");
        vshXMLAttr(xml, "bridge", source);
        g_string_append(xml, "/>\n");
    } else if (strcmp(type, "direct") == 0) {
        g_string_append(xml, "  <source");
        vshXMLAttr(xml, "dev", source);
        g_string_append(xml, "/>\n");
    } else if (strcmp(type, "hostdev") == 0) {
        unsigned int d, b, s, f;
        char extra;

        if (sscanf(source, "%x:%x:%x.%x%c", &d, &b, &s, &f, &extra) != 4) {
            vshError(ctl, "cannot parse pci address '%s' for network interface",
                     source);
            return false;
        }
        g_string_append_printf(xml, "  <source>\n    <address type='pci' "
                               "domain='0x%04x' bus='0x%02x' slot='0x%02x' "
                               "function='0x%x'/>\n  </source>\n", d, b, s, f);
    } else if (strcmp(type, "vhostuser") == 0) {
        if (!mode) {
            vshError(ctl, "%s", "source-mode is mandatory");
            return false;
        }
        g_string_append(xml, "  <source type='unix'");
        vshXMLAttr(xml, "path", source);
        vshXMLAttr(xml, "mode", mode);
        g_string_append(xml, "/>\n");
    } else {
        vshError(ctl, "No support for %s in command 'attach-interface'", type);
        return false;
    }

    if (target) {
        g_string_append(xml, "  <target");
        vshXMLAttr(xml, "dev", target);
        g_string_append(xml, "/>\n");
    }
    if (mac) {
        g_string_append(xml, "  <mac");
        vshXMLAttr(xml, "address", mac);
        g_string_append(xml, "/>\n");
    }
    if (script) {
        g_string_append(xml, "  <script");
        vshXMLAttr(xml, "path", script);
        g_string_append(xml, "/>\n");
    }
    if (model) {
        g_string_append(xml, "  <model");
        vshXMLAttr(xml, "type", model);
        g_string_append(xml, "/>\n");
    }
    if (alias) {
        g_string_append(xml, "  <alias");
        vshXMLAttr(xml, "name", alias);
        g_string_append(xml, "/>\n");
    }
    if (inbound || outbound) {
        g_string_append(xml, "  <bandwidth>\n");
        if (inbound && !vshRateElement(ctl, xml, "inbound", inbound, true))
            return false;
        if (outbound && !vshRateElement(ctl, xml, "outbound", outbound, false))
            return false;
        g_string_append(xml, "  </bandwidth>\n");
    }
    g_string_append(xml, "</interface>\n");

    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml->str);
        return true;
    }
    if (vshDeviceApply(dom, VSH_DEV_ATTACH, xml->str, flags, useFlags) < 0) {
        vshError(ctl, "%s", "Failed to attach interface");
        return false;
    }
    vshPrintExtra(ctl, "%s\n", "Interface attached successfully");
    return true;
}


/* ---- detach-disk, detach-interface ----------------------------------------------------- */

static const vshCmdOptDef vshOptsDetachDisk[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "target", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the disk's target (vdb, ...) or source path" },
    VSH_OPTS_PERSISTENT_AFFECT,
    { "print-xml", VSH_OT_BOOL, 0, "print the disk XML instead of detaching it" },
    VSH_OPT_END
};

/* The <disk> whose target or source is @name; with @removable only
 * CD-ROMs and floppies. */
static xmlNodePtr
vshFindDisk(vshControl *ctl, xmlDocPtr doc, const char *name, bool removable)
{
    g_autofree xmlNodePtr *disks = NULL;
    size_t n;
    size_t i;

    disks = vshDocNodes(doc, "/domain/devices/disk", &n);
    for (i = 0; i < n; i++) {
        xmlNodePtr target = vshChildElement(disks[i], "target");
        xmlNodePtr source = vshChildElement(disks[i], "source");
        g_autofree char *dev = vshAttr(target, "dev");
        g_autofree char *device = vshAttr(disks[i], "device");
        static const char *const srcattrs[] = { "file", "dev", "dir", "name", "volume" };
        bool match = dev && strcmp(dev, name) == 0;
        size_t a;

        for (a = 0; !match && source && a < G_N_ELEMENTS(srcattrs); a++) {
            g_autofree char *path = vshAttr(source, srcattrs[a]);
            match = path && strcmp(path, name) == 0;
        }
        if (!match)
            continue;
        if (removable && (!device || (strcmp(device, "cdrom") != 0 &&
                                      strcmp(device, "floppy") != 0)))
            continue;
        return disks[i];
    }
    vshError(ctl, "No disk found whose source path or target is %s", name);
    return NULL;
}

static bool
vshCmdDetachDisk(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree char *text = NULL;
    xmlNodePtr disk;
    const char *target;
    unsigned int flags = 0;
    bool useFlags = false;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshDeviceFlags(ctl, cmd, dom, &flags, &useFlags))
        return false;
    if (vshCmdOptString(ctl, cmd, "target", &target) < 0)
        return false;
    if (!(doc = vshDomainDoc(dom, (flags & VIR_DOMAIN_AFFECT_CONFIG) &&
                                  !(flags & VIR_DOMAIN_AFFECT_LIVE) ?
                                  VIR_DOMAIN_XML_INACTIVE : 0)))
        return false;
    if (!(disk = vshFindDisk(ctl, doc, target, false)))
        return false;
    text = vshNodeText(doc, disk);

    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", text);
        return true;
    }
    if (vshDeviceApply(dom, VSH_DEV_DETACH, text, flags, useFlags) < 0) {
        vshError(ctl, "%s", "Failed to detach disk");
        return false;
    }
    vshPrintExtra(ctl, "%s\n", "Disk detached successfully");
    return true;
}


static const vshCmdOptDef vshOptsDetachInterface[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "type", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the interface type (network, bridge, ...)" },
    { "mac", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the MAC address, when there are several" },
    VSH_OPTS_PERSISTENT_AFFECT,
    { "print-xml", VSH_OT_BOOL, 0, "print the interface XML instead of detaching it" },
    VSH_OPT_END
};

static bool
vshCmdDetachInterface(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree xmlNodePtr *ifaces = NULL;
    g_autofree char *xpath = NULL;
    g_autofree char *text = NULL;
    xmlNodePtr found = NULL;
    const char *type;
    const char *mac = NULL;
    unsigned int flags = 0;
    bool useFlags = false;
    size_t n;
    size_t i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshDeviceFlags(ctl, cmd, dom, &flags, &useFlags))
        return false;
    if (vshCmdOptString(ctl, cmd, "type", &type) < 0 ||
        vshCmdOptString(ctl, cmd, "mac", &mac) < 0)
        return false;
    if (!(doc = vshDomainDoc(dom, (flags & VIR_DOMAIN_AFFECT_CONFIG) &&
                                  !(flags & VIR_DOMAIN_AFFECT_LIVE) ?
                                  VIR_DOMAIN_XML_INACTIVE : 0)))
        return false;

    xpath = g_strdup_printf("/domain/devices/interface[@type='%s']", type);
    ifaces = vshDocNodes(doc, xpath, &n);
    if (n == 0) {
        vshError(ctl, "No interface found whose type is %s", type);
        goto failed;
    }
    if (!mac) {
        if (n > 1) {
            vshError(ctl, "Domain has %zu interfaces. Please specify which one "
                     "to detach using --mac", n);
            goto failed;
        }
        found = ifaces[0];
    } else {
        for (i = 0; i < n && !found; i++) {
            g_autofree char *addr = vshAttr(vshChildElement(ifaces[i], "mac"),
                                            "address");
            if (addr && g_ascii_strcasecmp(addr, mac) == 0)
                found = ifaces[i];
        }
        if (!found) {
            vshError(ctl, "No interface with MAC address %s was found", mac);
            goto failed;
        }
    }

    text = vshNodeText(doc, found);
    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", text);
        return true;
    }
    if (vshDeviceApply(dom, VSH_DEV_DETACH, text, flags, useFlags) < 0)
        goto failed;
    vshPrintExtra(ctl, "%s\n", "Interface detached successfully");
    return true;

 failed:
    vshError(ctl, "%s", "Failed to detach interface");
    return false;
}


/* ---- domif-setlink ------------------------------------------------------------------------ */

static const vshCmdOptDef vshOptsDomifSetlink[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "interface", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the interface, by host device name or MAC address" },
    { "state", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "up or down" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "print-xml", VSH_OT_BOOL, 0, "print the changed interface XML instead" },
    VSH_OPT_END
};

static bool
vshCmdDomifSetlink(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree xmlNodePtr *ifaces = NULL;
    g_autofree char *text = NULL;
    xmlNodePtr found = NULL;
    xmlNodePtr link;
    const char *iface;
    const char *state;
    bool config = vshCmdOptBool(cmd, "config");
    size_t n;
    size_t i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "interface", &iface) < 0 ||
        vshCmdOptString(ctl, cmd, "state", &state) < 0)
        return false;
    if (g_ascii_strcasecmp(state, "up") != 0 &&
        g_ascii_strcasecmp(state, "down") != 0) {
        vshError(ctl, "invalid link state '%s'", state);
        return false;
    }
    if (!(doc = vshDomainDoc(dom, config ? VIR_DOMAIN_XML_INACTIVE : 0)))
        return false;

    ifaces = vshDocNodes(doc, "/domain/devices/interface", &n);
    for (i = 0; i < n && !found; i++) {
        g_autofree char *addr = vshAttr(vshChildElement(ifaces[i], "mac"), "address");
        g_autofree char *dev = vshAttr(vshChildElement(ifaces[i], "target"), "dev");

        if ((addr && g_ascii_strcasecmp(addr, iface) == 0) ||
            (dev && strcmp(dev, iface) == 0))
            found = ifaces[i];
    }
    if (!found) {
        vshError(ctl, "interface '%s' not found", iface);
        return false;
    }

    if ((link = vshChildElement(found, "link")))
        xmlSetProp(link, BAD_CAST "state", BAD_CAST state);
    else if (!(link = xmlNewChild(found, NULL, BAD_CAST "link", NULL)) ||
             !xmlNewProp(link, BAD_CAST "state", BAD_CAST state))
        return false;

    text = vshNodeText(doc, found);
    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", text);
        return true;
    }
    if (virDomainUpdateDeviceFlags(dom, text, config ? VIR_DOMAIN_AFFECT_CONFIG
                                                     : VIR_DOMAIN_AFFECT_LIVE) < 0) {
        vshError(ctl, "%s", "Failed to update interface link state");
        return false;
    }
    vshPrintExtra(ctl, "%s\n", "Device updated successfully");
    return true;
}


/* ---- change-media ----------------------------------------------------------------------- */

static const vshCmdOptDef vshOptsChangeMedia[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "path", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the drive, by target (hdc) or current source path" },
    { "source", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the new medium" },
    { "eject", VSH_OT_BOOL, 0, "take the medium out" },
    { "insert", VSH_OT_BOOL, 0, "put a medium into an empty drive" },
    { "update", VSH_OT_BOOL, 0, "replace the medium (the default with a source)" },
    { "current", VSH_OT_BOOL, 0, "change whichever state the domain is in now" },
    { "live", VSH_OT_BOOL, 0, "change the running domain" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "force", VSH_OT_BOOL, 0, "eject even if the guest locked the drive" },
    { "print-xml", VSH_OT_BOOL, 0, "print the changed disk XML instead" },
    { "block", VSH_OT_BOOL, 0, "the new medium is a block device" },
    VSH_OPT_END
};

/* Put a copy of the blank text before @before in front of it again, so
 * a new element gets its own line like its siblings. */
static void
vshInsertBefore(xmlNodePtr before, xmlNodePtr node)
{
    xmlNodePtr blank = before->prev;

    xmlAddPrevSibling(before, node);
    if (blank && blank->type == XML_TEXT_NODE)
        xmlAddPrevSibling(before, xmlNewText(blank->content));
}

static bool
vshCmdChangeMedia(vshControl *ctl, const vshCmd *cmd)
{
    enum { EJECT, INSERT, UPDATE } action;
    static const char *const actions[] = { "eject", "insert", "update" };
    static const char *const done[] = { "ejected", "inserted", "updated" };
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree char *text = NULL;
    xmlNodePtr disk;
    xmlNodePtr source;
    const char *path;
    const char *newsrc = NULL;
    unsigned int flags = 0;
    bool block = vshCmdOptBool(cmd, "block");

    if (!vshCmdExclusive(ctl, cmd, "eject", "insert") ||
        !vshCmdExclusive(ctl, cmd, "eject", "update") ||
        !vshCmdExclusive(ctl, cmd, "insert", "update") ||
        !vshCmdExclusive(ctl, cmd, "eject", "block") ||
        !vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (vshCmdOptString(ctl, cmd, "path", &path) < 0 ||
        vshCmdOptString(ctl, cmd, "source", &newsrc) < 0)
        return false;

    if (vshCmdOptBool(cmd, "eject"))
        action = EJECT;
    else if (vshCmdOptBool(cmd, "insert"))
        action = INSERT;
    else if (vshCmdOptBool(cmd, "update") || newsrc)
        action = UPDATE;
    else
        action = EJECT;
    if (action == INSERT && !newsrc) {
        vshError(ctl, "%s", "New disk media source was not specified");
        return false;
    }
    if (vshCmdOptBool(cmd, "force"))
        flags |= VIR_DOMAIN_DEVICE_MODIFY_FORCE;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(doc = vshDomainDoc(dom, (flags & VIR_DOMAIN_AFFECT_CONFIG) ?
                                  VIR_DOMAIN_XML_INACTIVE : 0)))
        return false;
    if (!(disk = vshFindDisk(ctl, doc, path, true)))
        return false;
    source = vshChildElement(disk, "source");

    if (action == EJECT && !source) {
        vshError(ctl, "The disk device '%s' doesn't have media", path);
        return false;
    }
    if (action == INSERT && source) {
        vshError(ctl, "The disk device '%s' already has media", path);
        return false;
    }

    if (source) {
        xmlUnlinkNode(source);
        xmlFreeNode(source);
    }
    if (newsrc && action != EJECT) {
        xmlNodePtr target = vshChildElement(disk, "target");
        xmlNodePtr node = xmlNewNode(NULL, BAD_CAST "source");

        xmlSetProp(disk, BAD_CAST "type", BAD_CAST (block ? "block" : "file"));
        xmlNewProp(node, BAD_CAST (block ? "dev" : "file"), BAD_CAST newsrc);
        if (target)
            vshInsertBefore(target, node);
        else
            xmlAddChild(disk, node);
    }

    text = vshNodeText(doc, disk);
    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", text);
        return true;
    }
    if (virDomainUpdateDeviceFlags(dom, text, flags) < 0) {
        vshError(ctl, "Failed to complete action %s on media", actions[action]);
        return false;
    }
    vshPrintExtra(ctl, "Successfully %s media.\n", done[action]);
    return true;
}


/* ---- update-memory-device ---------------------------------------------------------------- */

static const vshCmdOptDef vshOptsUpdateMemoryDevice[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "live", VSH_OT_BOOL, 0, "change the running domain" },
    { "current", VSH_OT_BOOL, 0, "change whichever state the domain is in now" },
    { "print-xml", VSH_OT_BOOL, 0, "print the changed memory device XML instead" },
    { "alias", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the memory device, by alias" },
    { "node", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "the memory device, by guest NUMA node" },
    { "requested-size", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "the new requested size, with a unit suffix or in KiB" },
    VSH_OPT_END
};

static bool
vshCmdUpdateMemoryDevice(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree xmlNodePtr *mems = NULL;
    g_autofree char *xpath = NULL;
    g_autofree char *text = NULL;
    const char *alias = NULL;
    unsigned long long bytes = 0;
    unsigned int flags = 0;
    int node = 0;
    int gotNode;
    int gotSize;
    size_t n;

    if (!vshCmdExclusive(ctl, cmd, "node", "alias") ||
        !vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "alias", &alias) < 0 ||
        (gotNode = vshCmdOptInt(ctl, cmd, "node", &node)) < 0 ||
        (gotSize = vshCmdOptScaledInt(ctl, cmd, "requested-size", 1024,
                                      ULLONG_MAX, &bytes)) < 0)
        return false;
    if (!(doc = vshDomainDoc(dom, (flags & VIR_DOMAIN_AFFECT_CONFIG) ?
                                  VIR_DOMAIN_XML_INACTIVE : 0)))
        return false;

    if (alias)
        xpath = g_strdup_printf("/domain/devices/memory[./alias/@name='%s']", alias);
    else if (gotNode > 0)
        xpath = g_strdup_printf("/domain/devices/memory[./target/node/text()=%d]", node);
    else
        xpath = g_strdup("/domain/devices/memory");
    mems = vshDocNodes(doc, xpath, &n);
    if (n == 0) {
        vshError(ctl, "%s", "no memory device found");
        return false;
    }
    if (n > 1) {
        vshError(ctl, "%s", "multiple memory devices found, use --alias or --node to select one");
        return false;
    }

    if (gotSize > 0) {
        xmlNodePtr target = vshChildElement(mems[0], "target");
        xmlNodePtr requested;
        g_autofree char *kib = g_strdup_printf("%llu", bytes / 1024);

        if (!target || !(requested = vshChildElement(target, "requested"))) {
            vshError(ctl, "%s", "virtio-mem device is missing <requested/>");
            return false;
        }
        xmlNodeSetContent(requested, BAD_CAST kib);
        xmlSetProp(requested, BAD_CAST "unit", BAD_CAST "KiB");
    }

    text = vshNodeText(doc, mems[0]);
    if (vshCmdOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", text);
        return true;
    }
    return virDomainUpdateDeviceFlags(dom, text, flags) == 0;
}


/* ---- ttyconsole, vncdisplay, domdisplay ------------------------------------- */

static bool
vshCmdTtyconsole(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *tty = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(xml = virDomainGetXMLDesc(dom, 0)))
        return false;
    if (!(tty = vshXMLString(xml, "string(/domain/devices/console/@tty)")) ||
        !*tty)
        return false;
    vshPrint(ctl, "%s\n", tty);
    return true;
}


/* The address a graphics element listens on: its listen attribute, or its
 * first <listen type='address'>. */
static char *
vshGraphicsListen(const char *xml, const char *type)
{
    g_autofree char *path = NULL;
    char *addr;

    path = g_strdup_printf("string(/domain/devices/graphics[@type='%s'][1]/@listen)",
                           type);
    addr = vshXMLString(xml, path);
    if (addr && *addr)
        return addr;
    g_free(addr);
    g_free(path);
    path = g_strdup_printf("string(/domain/devices/graphics[@type='%s'][1]"
                           "/listen[@type='address']/@address)", type);
    return vshXMLString(xml, path);
}


static bool
vshCmdVncdisplay(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *portstr = NULL;
    g_autofree char *listen = NULL;
    char *end = NULL;
    long port;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (virDomainIsActive(dom) != 1) {
        vshError(ctl, "%s", "Domain is not running");
        return false;
    }
    if (!(xml = virDomainGetXMLDesc(dom, 0)))
        return false;

    portstr = vshXMLString(xml, "string(/domain/devices/graphics[@type='vnc'][1]/@port)");
    if (!portstr || !*portstr || ((port = strtol(portstr, &end, 10)), *end)) {
        vshError(ctl, "%s", "Failed to get VNC port. Is this domain using VNC?");
        return false;
    }
    listen = vshGraphicsListen(xml, "vnc");
    if (!listen || strcmp(listen, "0.0.0.0") == 0)
        vshPrint(ctl, ":%ld\n", port - 5900);
    else
        vshPrint(ctl, "%s:%ld\n", listen, port - 5900);
    return true;
}


static const vshCmdOptDef vshOptsDomdisplay[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "include-password", VSH_OT_BOOL, 0, "put the display password into the URI" },
    { "type", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "only this kind of display (vnc, spice, rdp, dbus)" },
    { "all", VSH_OT_BOOL, 0, "every display, not just the first" },
    VSH_OPT_END
};

/* An integer attribute of the first graphics element of @type. */
static bool
vshGraphicsPort(const char *xml, const char *type, const char *attr, long *port)
{
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;
    char *end = NULL;

    path = g_strdup_printf("string(/domain/devices/graphics[@type='%s'][1]/@%s)",
                           type, attr);
    if (!(text = vshXMLString(xml, path)) || !*text)
        return false;
    *port = strtol(text, &end, 10);
    return *end == '\0';
}

/* The URI for the first graphics element of @type, or NULL when it has
 * nothing to connect to. */
static char *
vshDisplayURI(const char *xml, const char *type, bool password)
{
    g_autoptr(GString) uri = g_string_new(NULL);
    g_autofree char *path = NULL;
    g_autofree char *listen = NULL;
    g_autofree char *passwd = NULL;
    g_autofree char *socket = NULL;
    const char *host;
    long port = 0;
    long tlsport = 0;
    bool hasPort;
    bool hasTLS;
    bool spice = strcmp(type, "spice") == 0;

    hasPort = vshGraphicsPort(xml, type, "port", &port);
    hasTLS = vshGraphicsPort(xml, type, "tlsPort", &tlsport);
    path = g_strdup_printf("string(/domain/devices/graphics[@type='%s'][1]"
                           "/listen[@type='socket']/@socket)", type);
    socket = vshXMLString(xml, path);
    if (!hasPort && !hasTLS && (!socket || !*socket))
        return NULL;

    if (password) {
        g_free(path);
        path = g_strdup_printf("string(/domain/devices/graphics[@type='%s'][1]/@passwd)",
                               type);
        passwd = vshXMLString(xml, path);
        if (passwd && !*passwd)
            g_clear_pointer(&passwd, g_free);
    }

    if (socket && *socket) {
        g_string_append_printf(uri, "%s+unix://", type);
        if (passwd && !spice)
            g_string_append_printf(uri, ":%s@", passwd);
        g_string_append(uri, socket);
    } else {
        listen = vshGraphicsListen(xml, type);
        if (!listen || !*listen || strcmp(listen, "0.0.0.0") == 0 ||
            strcmp(listen, "::") == 0)
            host = "localhost";
        else
            host = listen;

        g_string_append_printf(uri, "%s://", type);
        if (passwd && !spice)
            g_string_append_printf(uri, ":%s@", passwd);
        if (strchr(host, ':'))
            g_string_append_printf(uri, "[%s]", host);
        else
            g_string_append(uri, host);
        if (hasPort) {
            /* VNC shows a display number */
            if (strcmp(type, "vnc") == 0)
                port -= 5900;
            g_string_append_printf(uri, ":%ld", port);
        }
    }
    if (hasTLS)
        g_string_append_printf(uri, "?tls-port=%ld", tlsport);
    if (passwd && spice)
        g_string_append_printf(uri, "%spassword=%s", hasTLS ? "&" : "?", passwd);
    return g_string_free(g_steal_pointer(&uri), FALSE);
}

static bool
vshCmdDomdisplay(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const types[] = { "vnc", "spice", "rdp", "dbus" };
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *type = NULL;
    bool all = vshCmdOptBool(cmd, "all");
    bool password = vshCmdOptBool(cmd, "include-password");
    bool found = false;
    size_t i;

    if (!vshCmdExclusive(ctl, cmd, "all", "type"))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (virDomainIsActive(dom) != 1) {
        vshError(ctl, "%s", "Domain is not running");
        return false;
    }
    if (vshCmdOptString(ctl, cmd, "type", &type) < 0)
        return false;
    if (!(xml = virDomainGetXMLDesc(dom, password ? VIR_DOMAIN_XML_SECURE : 0)))
        return false;

    for (i = 0; i < G_N_ELEMENTS(types); i++) {
        g_autofree char *uri = NULL;

        if (type && strcmp(type, types[i]) != 0)
            continue;
        if (!(uri = vshDisplayURI(xml, types[i], password)))
            continue;
        found = true;
        if (all) {
            vshPrint(ctl, "%s\n", uri);
        } else {
            vshPrint(ctl, "%s", uri);
            break;
        }
    }

    if (!found) {
        if (type)
            vshError(ctl, "No graphical display with type '%s' found", type);
        else
            vshError(ctl, "%s", "No graphical display found");
        return false;
    }
    return true;
}



/* ---- the table ---------------------------------------------------------------------------- */

const vshCmdDef vshDomainDeviceCmds[] = {
    { "attach-device", vshCmdAttachDevice, vshOptsAttachDevice,
      "add a device described in an XML file",
      "Attaches the device whose XML is in the file to the domain.", 0 },
    { "attach-disk", vshCmdAttachDisk, vshOptsAttachDisk,
      "add a disk",
      "Builds a <disk> element from the options and attaches it; with\n"
      "--print-xml only prints it.", 0 },
    { "attach-interface", vshCmdAttachInterface, vshOptsAttachInterface,
      "add a network interface",
      "Builds an <interface> element from the options and attaches it; with\n"
      "--print-xml only prints it.", 0 },
    { "change-media", vshCmdChangeMedia, vshOptsChangeMedia,
      "eject, insert or replace the medium of a CD-ROM or floppy drive",
      "Changes the <source> of a removable drive and updates the device.", 0 },
    { "detach-device", vshCmdDetachDevice, vshOptsAttachDevice,
      "remove a device described in an XML file",
      "Detaches the device that matches the XML in the file.", 0 },
    { "detach-device-alias", vshCmdDetachDeviceAlias, vshOptsDetachDeviceAlias,
      "remove a device by its alias",
      "Asks the hypervisor to remove the device with the given alias.", 0 },
    { "detach-disk", vshCmdDetachDisk, vshOptsDetachDisk,
      "remove a disk",
      "Detaches the disk with the given target or source path.", 0 },
    { "detach-interface", vshCmdDetachInterface, vshOptsDetachInterface,
      "remove a network interface",
      "Detaches the interface of the given type (and MAC address).", 0 },
    { "domif-setlink", vshCmdDomifSetlink, vshOptsDomifSetlink,
      "bring a virtual network link up or down",
      "Sets the link state of an interface, found by device name or MAC.", 0 },
    { "update-device", vshCmdUpdateDevice, vshOptsUpdateDevice,
      "change a device as described in an XML file",
      "Replaces the settings of the device that matches the XML in the file.", 0 },
    { "update-memory-device", vshCmdUpdateMemoryDevice, vshOptsUpdateMemoryDevice,
      "change the requested size of a virtio-mem device",
      "Sets <requested> of a memory device, found by alias or NUMA node.", 0 },
    { "domdisplay", vshCmdDomdisplay, vshOptsDomdisplay,
      "print the URI of a domain's graphical display",
      "Builds a vnc://, spice://, ... URI from the graphics devices of a\n"
      "running domain.", 0 },
    { "ttyconsole", vshCmdTtyconsole, vshOptsDomainOnly,
      "print the terminal device of a domain's console",
      "Prints the host pty the domain's console is connected to.", 0 },
    { "vncdisplay", vshCmdVncdisplay, vshOptsDomainOnly,
      "print the VNC display of a domain",
      "Prints the address and display number of a running domain's VNC\n"
      "server.", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
