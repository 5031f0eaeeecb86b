/* test_interface_conf.c: parse and format host interface definitions.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "test/test_interface_conf.h"
#include "conf/virconfxml.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_INTERFACE

static const char *const testInterfaceTypes[] = {
    "ethernet", "bridge", "bond", "vlan", NULL
};
static const char *const testInterfaceStartModes[] = {
    "none", "onboot", "hotplug", NULL
};
static const char *const testInterfaceLinkStates[] = {
    "unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant",
    "up", NULL
};
static const char *const testInterfaceBondModes[] = {
    "balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
    "balance-tlb", "balance-alb", NULL
};
static const char *const testInterfaceCarriers[] = { "ioctl", "netif", NULL };
static const char *const testInterfaceValidates[] = {
    "none", "active", "backup", "all", NULL
};
static const char *const testInterfaceYesNo[] = { "yes", "no", NULL };

#define reportXML(...) \
    virReportErrorFull(VIR_FROM_XML, VIR_ERR_XML_ERROR, __FILE__, __func__, \
                       __LINE__, __VA_ARGS__)


static void
testInterfaceProtocolClear(testInterfaceProtocol *proto)
{
    size_t i;

    g_free(proto->family);
    g_free(proto->peerdns);
    for (i = 0; i < proto->nips; i++)
        g_free(proto->ips[i].address);
    g_free(proto->ips);
    g_free(proto->gateway);
}


void
testInterfaceDefFree(testInterfaceDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->startmode);
    g_free(def->mac);
    g_free(def->linkState);
    for (i = 0; i < def->nprotos; i++)
        testInterfaceProtocolClear(&def->protos[i]);
    g_free(def->protos);
    g_free(def->stp);
    g_free(def->delay);
    g_free(def->bondMode);
    g_free(def->miiFreq);
    g_free(def->miiDowndelay);
    g_free(def->miiUpdelay);
    g_free(def->miiCarrier);
    g_free(def->arpInterval);
    g_free(def->arpTarget);
    g_free(def->arpValidate);
    for (i = 0; i < def->nifaces; i++)
        testInterfaceDefFree(def->ifaces[i]);
    g_free(def->ifaces);
    g_free(def->vlanTag);
    g_free(def->vlanDev);
    g_free(def);
}


/* ---- parsing ---- */

static xmlNodePtr
testIfaceChild(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            xmlStrEqual(cur->name, BAD_CAST name))
            return cur;
    }
    return NULL;
}


/* An attribute that must be one of `table` when present: 0 if absent
 * (*value NULL), 1 if valid, -1 with libvirt's generic XML error. */
static int
testIfaceEnumProp(xmlNodePtr node, const char *attr,
                  const char *const *table, char **value)
{
    g_autofree char *v = virConfXMLProp(node, attr);

    *value = NULL;
    if (!v)
        return 0;
    if (virConfEnumFromString(table, v) < 0) {
        reportXML("Invalid value for attribute '%s' in element '%s': '%s'.",
                  attr, (const char *)node->name, v);
        return -1;
    }
    *value = g_steal_pointer(&v);
    return 1;
}


static int
testInterfaceProtocolParse(xmlNodePtr node, testInterfaceProtocol *proto)
{
    xmlNodePtr cur;
    bool haveRoute = false;

    if (!(proto->family = virConfXMLProp(node, "family"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "protocol misses the family attribute");
        return -1;
    }
    if (strcmp(proto->family, "ipv4") != 0 &&
        strcmp(proto->family, "ipv6") != 0) {
        virReportError(VIR_ERR_XML_ERROR, "unsupported protocol family '%s'",
                       proto->family);
        return -1;
    }

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(cur->name, BAD_CAST "autoconf") &&
            strcmp(proto->family, "ipv6") == 0) {
            proto->autoconf = true;
        } else if (xmlStrEqual(cur->name, BAD_CAST "dhcp")) {
            proto->dhcp = true;
            if (testIfaceEnumProp(cur, "peerdns", testInterfaceYesNo,
                                  &proto->peerdns) < 0)
                return -1;
        } else if (xmlStrEqual(cur->name, BAD_CAST "ip")) {
            g_autofree char *addr = virConfXMLProp(cur, "address");
            int prefix = -1;

            if (virConfXMLPropInt(cur, "prefix", 10, false, &prefix) < 0)
                return -1;
            if (!addr)
                continue;
            proto->ips = g_renew(testInterfaceIP, proto->ips, proto->nips + 1);
            proto->ips[proto->nips].address = g_steal_pointer(&addr);
            proto->ips[proto->nips].prefix = prefix;
            proto->nips++;
        } else if (xmlStrEqual(cur->name, BAD_CAST "route") && !haveRoute) {
            proto->gateway = virConfXMLProp(cur, "gateway");
            haveRoute = true;
        }
    }
    return 0;
}


static testInterfaceDef *testInterfaceDefParseXML(xmlNodePtr node, int level,
                                                  int parentType);


/* The members of a bridge or a bond. */
static int
testInterfaceMembersParse(testInterfaceDef *def, xmlNodePtr node, int level)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        testInterfaceDef *member;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "interface"))
            continue;
        if (!(member = testInterfaceDefParseXML(cur, level + 1, def->type)))
            return -1;
        def->ifaces = g_renew(testInterfaceDef *, def->ifaces,
                              def->nifaces + 1);
        def->ifaces[def->nifaces++] = member;
    }
    return 0;
}


static int
testInterfaceBondParse(testInterfaceDef *def, xmlNodePtr bond, int level)
{
    g_autofree char *mode = virConfXMLProp(bond, "mode");
    xmlNodePtr cur;

    if (mode && virConfEnumFromString(testInterfaceBondModes, mode) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown bonding mode %s", mode);
        return -1;
    }
    def->bondMode = g_steal_pointer(&mode);

    if ((cur = testIfaceChild(bond, "miimon"))) {
        unsigned int freq;

        def->monitor = 1;
        def->miiFreq = virConfXMLProp(cur, "freq");
        if (!def->miiFreq || virConfStrToUInt(def->miiFreq, 10, &freq) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bond interface miimon freq missing or invalid");
            return -1;
        }
        def->miiDowndelay = virConfXMLProp(cur, "downdelay");
        def->miiUpdelay = virConfXMLProp(cur, "updelay");
        def->miiCarrier = virConfXMLProp(cur, "carrier");
        if (def->miiCarrier &&
            virConfEnumFromString(testInterfaceCarriers, def->miiCarrier) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown mii bonding carrier %s",
                           def->miiCarrier);
            return -1;
        }
    } else if ((cur = testIfaceChild(bond, "arpmon"))) {
        def->monitor = 2;
        def->arpInterval = virConfXMLProp(cur, "interval");
        if (!(def->arpTarget = virConfXMLProp(cur, "target"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bond interface arpmon target missing");
            return -1;
        }
        def->arpValidate = virConfXMLProp(cur, "validate");
        if (def->arpValidate &&
            virConfEnumFromString(testInterfaceValidates,
                                  def->arpValidate) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown arp bonding validate %s",
                           def->arpValidate);
            return -1;
        }
    }
    return testInterfaceMembersParse(def, bond, level);
}


static int
testInterfaceVlanParse(testInterfaceDef *def, xmlNodePtr vlan)
{
    xmlNodePtr dev;

    if (!(def->vlanTag = virConfXMLProp(vlan, "tag"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "vlan interface misses the tag attribute");
        return -1;
    }
    if (!(dev = testIfaceChild(vlan, "interface")) ||
        !(def->vlanDev = virConfXMLProp(dev, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "vlan interface misses name attribute");
        return -1;
    }
    return 0;
}


/* `level` 0 is the defined interface; members are parsed at level 1+ and
 * keep only what libvirt keeps for them. */
static testInterfaceDef *
testInterfaceDefParseXML(xmlNodePtr node, int level, int parentType)
{
    g_autoptr(testInterfaceDef) def = g_new0(testInterfaceDef, 1);
    g_autofree char *type = virConfXMLProp(node, "type");
    xmlNodePtr cur;

    if (!type) {
        reportXML("Missing required attribute 'type' in element '%s'",
                  (const char *)node->name);
        return NULL;
    }
    if ((def->type = virConfEnumFromString(testInterfaceTypes, type)) < 0) {
        reportXML("Invalid value for attribute 'type' in element '%s': '%s'.",
                  (const char *)node->name, type);
        return NULL;
    }
    if (level > 0 &&
        (def->type == TEST_IFACE_TYPE_BRIDGE ||
         (parentType == TEST_IFACE_TYPE_BOND &&
          def->type != TEST_IFACE_TYPE_ETHERNET))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "interface has unsupported type '%s'", type);
        return NULL;
    }

    if (!(def->name = virConfXMLProp(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "interface has no name");
        return NULL;
    }

    if (level == 0 && (cur = testIfaceChild(node, "start"))) {
        g_autofree char *mode = virConfXMLProp(cur, "mode");

        if (mode && virConfEnumFromString(testInterfaceStartModes, mode) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown interface startmode %s",
                           mode);
            return NULL;
        }
        def->startmode = g_steal_pointer(&mode);
    }

    if ((cur = testIfaceChild(node, "mtu"))) {
        g_autofree char *size = virConfXMLProp(cur, "size");

        if (size && virConfStrToUInt(size, 10, &def->mtu) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "interface mtu value is improper");
            return NULL;
        }
    }

    if ((cur = testIfaceChild(node, "mac")))
        def->mac = virConfXMLProp(cur, "address");

    if ((cur = testIfaceChild(node, "link"))) {
        if (virConfXMLPropUInt(cur, "speed", 10, false, &def->linkSpeed) < 0 ||
            testIfaceEnumProp(cur, "state", testInterfaceLinkStates,
                              &def->linkState) < 0)
            return NULL;
    }

    if (level == 0) {
        for (cur = node->children; cur; cur = cur->next) {
            if (cur->type != XML_ELEMENT_NODE ||
                !xmlStrEqual(cur->name, BAD_CAST "protocol"))
                continue;
            def->protos = g_renew(testInterfaceProtocol, def->protos,
                                  def->nprotos + 1);
            memset(&def->protos[def->nprotos], 0,
                   sizeof(testInterfaceProtocol));
            def->nprotos++;
            if (testInterfaceProtocolParse(cur,
                                           &def->protos[def->nprotos - 1]) < 0)
                return NULL;
        }
    }

    switch ((testInterfaceType)def->type) {
    case TEST_IFACE_TYPE_BRIDGE:
        if (!(cur = testIfaceChild(node, "bridge"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bridge interface misses the bridge element");
            return NULL;
        }
        def->stp = virConfXMLProp(cur, "stp");
        if (def->stp && strcmp(def->stp, "on") != 0 &&
            strcmp(def->stp, "off") != 0)
            g_clear_pointer(&def->stp, g_free);
        def->delay = virConfXMLProp(cur, "delay");
        if (testInterfaceMembersParse(def, cur, level) < 0)
            return NULL;
        break;
    case TEST_IFACE_TYPE_BOND:
        if (!(cur = testIfaceChild(node, "bond"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bond interface misses the bond element");
            return NULL;
        }
        if (testInterfaceBondParse(def, cur, level) < 0)
            return NULL;
        break;
    case TEST_IFACE_TYPE_VLAN:
        if (!(cur = testIfaceChild(node, "vlan"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "vlan interface misses the vlan element");
            return NULL;
        }
        if (testInterfaceVlanParse(def, cur) < 0)
            return NULL;
        break;
    case TEST_IFACE_TYPE_ETHERNET:
    case TEST_IFACE_TYPE_LAST:
        break;
    }

    return g_steal_pointer(&def);
}


testInterfaceDef *
testInterfaceDefParseNode(xmlNodePtr node)
{
    if (!xmlStrEqual(node->name, BAD_CAST "interface")) {
        reportXML("expecting root element of 'interface', not '%s'",
                  (const char *)node->name);
        return NULL;
    }
    return testInterfaceDefParseXML(node, 0, -1);
}


testInterfaceDef *
testInterfaceDefParseString(const char *xml)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr doc;
    testInterfaceDef *def;

    if (!(doc = virConfXMLParse(NULL, xml, "(interface_definition)",
                                "interface", &ctxt, VIR_FROM_INTERFACE)))
        return NULL;
    def = testInterfaceDefParseNode(xmlDocGetRootElement(doc));
    virConfXMLFree(doc, ctxt);
    return def;
}


/* ---- formatting ---- */

static void
testInterfaceProtocolFormat(virConfBuf *buf, const testInterfaceProtocol *proto)
{
    size_t i;

    virConfBufAdd(buf, "<protocol family='%s'>\n", proto->family);
    virConfBufAdjustIndent(buf, 2);
    if (proto->autoconf)
        virConfBufAdd(buf, "<autoconf/>\n");
    if (proto->dhcp) {
        if (proto->peerdns)
            virConfBufAdd(buf, "<dhcp peerdns='%s'/>\n", proto->peerdns);
        else
            virConfBufAdd(buf, "<dhcp/>\n");
    }
    for (i = 0; i < proto->nips; i++) {
        virConfBufEscape(buf, "<ip address='%s'", proto->ips[i].address);
        if (proto->ips[i].prefix >= 0)
            g_string_append_printf(buf->str, " prefix='%d'",
                                   proto->ips[i].prefix);
        g_string_append(buf->str, "/>\n");
    }
    if (proto->gateway)
        virConfBufEscape(buf, "<route gateway='%s'/>\n", proto->gateway);
    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</protocol>\n");
}


static void
testInterfaceLinkFormat(virConfBuf *buf, const testInterfaceDef *def)
{
    if (!def->linkSpeed && !def->linkState)
        return;
    virConfBufAdd(buf, "<link");
    if (def->linkSpeed)
        g_string_append_printf(buf->str, " speed='%u'", def->linkSpeed);
    if (def->linkState)
        g_string_append_printf(buf->str, " state='%s'", def->linkState);
    g_string_append(buf->str, "/>\n");
}


static void
testInterfaceDefFormatLevel(virConfBuf *buf, const testInterfaceDef *def,
                            int level);

static void
testInterfaceMembersFormat(virConfBuf *buf, const testInterfaceDef *def,
                           int level)
{
    size_t i;

    for (i = 0; i < def->nifaces; i++)
        testInterfaceDefFormatLevel(buf, def->ifaces[i], level + 1);
}


static void
testInterfaceDefFormatLevel(virConfBuf *buf, const testInterfaceDef *def,
                            int level)
{
    size_t i;

    virConfBufAdd(buf, "<interface type='%s'", testInterfaceTypes[def->type]);
    virConfBufEscape(buf, " name='%s'>\n", def->name);
    virConfBufAdjustIndent(buf, 2);

    if (level == 0) {
        if (def->startmode)
            virConfBufAdd(buf, "<start mode='%s'/>\n", def->startmode);
        if (def->mtu)
            virConfBufAdd(buf, "<mtu size='%u'/>\n", def->mtu);
        for (i = 0; i < def->nprotos; i++)
            testInterfaceProtocolFormat(buf, &def->protos[i]);
    }

    switch ((testInterfaceType)def->type) {
    case TEST_IFACE_TYPE_ETHERNET:
        testInterfaceLinkFormat(buf, def);
        if (def->mac)
            virConfBufEscape(buf, "<mac address='%s'/>\n", def->mac);
        break;
    case TEST_IFACE_TYPE_BRIDGE:
        virConfBufAdd(buf, "<bridge");
        if (def->stp)
            g_string_append_printf(buf->str, " stp='%s'", def->stp);
        if (def->delay)
            g_string_append_printf(buf->str, " delay='%s'", def->delay);
        g_string_append(buf->str, ">\n");
        virConfBufAdjustIndent(buf, 2);
        testInterfaceMembersFormat(buf, def, level);
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</bridge>\n");
        break;
    case TEST_IFACE_TYPE_BOND:
        testInterfaceLinkFormat(buf, def);
        virConfBufAdd(buf, "<bond");
        if (def->bondMode)
            g_string_append_printf(buf->str, " mode='%s'", def->bondMode);
        g_string_append(buf->str, ">\n");
        virConfBufAdjustIndent(buf, 2);
        if (def->monitor == 1) {
            virConfBufAdd(buf, "<miimon freq='%s'", def->miiFreq);
            if (def->miiDowndelay)
                g_string_append_printf(buf->str, " downdelay='%s'",
                                       def->miiDowndelay);
            if (def->miiUpdelay)
                g_string_append_printf(buf->str, " updelay='%s'",
                                       def->miiUpdelay);
            if (def->miiCarrier)
                g_string_append_printf(buf->str, " carrier='%s'",
                                       def->miiCarrier);
            g_string_append(buf->str, "/>\n");
        } else if (def->monitor == 2) {
            virConfBufAdd(buf, "<arpmon interval='%s'",
                          def->arpInterval ? def->arpInterval : "0");
            g_string_append_printf(buf->str, " target='%s'", def->arpTarget);
            if (def->arpValidate)
                g_string_append_printf(buf->str, " validate='%s'",
                                       def->arpValidate);
            g_string_append(buf->str, "/>\n");
        }
        testInterfaceMembersFormat(buf, def, level);
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</bond>\n");
        break;
    case TEST_IFACE_TYPE_VLAN:
        testInterfaceLinkFormat(buf, def);
        virConfBufEscape(buf, "<vlan tag='%s'>\n", def->vlanTag);
        virConfBufAdjustIndent(buf, 2);
        virConfBufEscape(buf, "<interface name='%s'/>\n", def->vlanDev);
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</vlan>\n");
        break;
    case TEST_IFACE_TYPE_LAST:
        break;
    }

    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</interface>\n");
}


char *
testInterfaceDefFormat(const testInterfaceDef *def)
{
    virConfBuf buf;

    virConfBufInit(&buf, 0);
    testInterfaceDefFormatLevel(&buf, def, 0);
    return virConfBufSteal(&buf);
}
