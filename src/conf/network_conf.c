/* network_conf.c: parse and format <network> XML.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The output must match libvirt 9.0 byte for byte, so the element order,
 * the defaults that get written out (e.g. stp/delay on routed bridges) and
 * the error messages follow what libvirt's test driver shows.
 */
#include <config.h>

#include <string.h>
#include <sys/socket.h>
#include <netdb.h>

#include "conf/network_conf.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

/* Some checks live in libvirt's util code, which reports them in another
 * error domain; keep that domain so callers see the same error. */
#define reportIn(dom, code, ...) \
    virReportErrorFull(dom, code, __FILE__, __func__, __LINE__, __VA_ARGS__)

static const char * const forwardTypes[] = {
    "none", "nat", "route", "open", "bridge", "private", "vepa",
    "passthrough", "hostdev", NULL
};
static const char * const macTableManagers[] = {
    "default", "kernel", "libvirt", NULL
};
static const char * const forwardDrivers[] = {
    "default", "kvm", "vfio", NULL
};
static const char * const virtPortTypes[] = {
    "none", "802.1Qbg", "802.1Qbh", "openvswitch", "midonet", NULL
};
static const char * const leaseUnits[] = {
    "", "seconds", "minutes", "hours", NULL
};
static const char * const nativeModes[] = {
    "default", "tagged", "untagged", NULL
};


const char *
virNetworkForwardTypeToString(int type)
{
    if (type < 0 || type >= VIR_NETWORK_FORWARD_LAST)
        return NULL;
    return forwardTypes[type];
}


int
virNetworkForwardTypeFromString(const char *str)
{
    return virConfEnumFromString(forwardTypes, str);
}


static int
leaseUnitFromString(const char *str)
{
    int r = virConfEnumFromString(leaseUnits, str);
    return r == 0 ? -1 : r;
}


static int
nativeModeFromString(const char *str)
{
    return virConfEnumFromString(nativeModes, str);
}


/* ---- freeing ---- */

static void
virNetworkVirtualPortFree(virNetworkVirtualPort *vp)
{
    if (!vp)
        return;
    g_free(vp->profileID);
    g_free(vp);
}


static void
virNetworkBandwidthFree(virNetworkBandwidth *bw)
{
    if (!bw)
        return;
    g_free(bw->in);
    g_free(bw->out);
    g_free(bw);
}


static void
virNetworkVlanClear(virNetworkVlan *vlan)
{
    g_free(vlan->tags);
    memset(vlan, 0, sizeof(*vlan));
}


static void
virNetworkIPDefClear(virNetworkIPDef *ip)
{
    size_t i;

    g_free(ip->family);
    for (i = 0; i < ip->nranges; i++)
        g_free(ip->ranges[i].lease);
    g_free(ip->ranges);
    for (i = 0; i < ip->nhosts; i++) {
        g_free(ip->hosts[i].mac);
        g_free(ip->hosts[i].id);
        g_free(ip->hosts[i].name);
        g_free(ip->hosts[i].lease);
    }
    g_free(ip->hosts);
    g_free(ip->tftproot);
    g_free(ip->bootfile);
}


static void
virNetworkDNSDefClear(virNetworkDNSDef *dns)
{
    size_t i, j;

    for (i = 0; i < dns->ntxts; i++) {
        g_free(dns->txts[i].name);
        g_free(dns->txts[i].value);
    }
    g_free(dns->txts);
    for (i = 0; i < dns->nhosts; i++) {
        for (j = 0; j < dns->hosts[i].nnames; j++)
            g_free(dns->hosts[i].names[j]);
        g_free(dns->hosts[i].names);
    }
    g_free(dns->hosts);
    for (i = 0; i < dns->nsrvs; i++) {
        g_free(dns->srvs[i].service);
        g_free(dns->srvs[i].protocol);
        g_free(dns->srvs[i].domain);
        g_free(dns->srvs[i].target);
    }
    g_free(dns->srvs);
    for (i = 0; i < dns->nfwds; i++)
        g_free(dns->forwarders[i].domain);
    g_free(dns->forwarders);
}


void
virNetworkDefFree(virNetworkDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->bridge);
    g_free(def->bridgeZone);
    g_free(def->domain);

    for (i = 0; i < def->forward.npfs; i++)
        g_free(def->forward.pfs[i]);
    g_free(def->forward.pfs);
    for (i = 0; i < def->forward.nifs; i++)
        g_free(def->forward.ifs[i].dev);
    g_free(def->forward.ifs);

    for (i = 0; i < def->nips; i++)
        virNetworkIPDefClear(&def->ips[i]);
    g_free(def->ips);
    for (i = 0; i < def->nroutes; i++)
        g_free(def->routes[i].family);
    g_free(def->routes);
    virNetworkDNSDefClear(&def->dns);

    virNetworkVirtualPortFree(def->virtPortProfile);
    for (i = 0; i < def->nportGroups; i++) {
        virNetworkPortGroupDef *pg = &def->portGroups[i];
        g_free(pg->name);
        virNetworkVirtualPortFree(pg->virtPortProfile);
        virNetworkBandwidthFree(pg->bandwidth);
        virNetworkVlanClear(&pg->vlan);
    }
    g_free(def->portGroups);
    virNetworkBandwidthFree(def->bandwidth);
    virNetworkVlanClear(&def->vlan);

    if (def->metadata)
        xmlFreeDoc(def->metadata->doc);
    g_free(def);
}


/* ---- shared pieces (virtualport, bandwidth, vlan) ---- */

static int
parseUUIDParam(xmlNodePtr node, const char *name, bool *set,
               unsigned char *uuid)
{
    g_autofree char *v = virConfXMLProp(node, name);

    if (!v)
        return 0;
    if (virConfUUIDParse(v, uuid) < 0) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                 "cannot parse %s parameter as a uuid", name);
        return -1;
    }
    *set = true;
    return 0;
}


static int
parseUIntParam(xmlNodePtr node, const char *name, unsigned int max,
               bool *set, unsigned int *val)
{
    g_autofree char *v = virConfXMLProp(node, name);

    if (!v)
        return 0;
    if (virConfStrToUInt(v, 10, val) < 0) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                 "cannot parse value of %s parameter", name);
        return -1;
    }
    if (*val > max) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                 "value of %s out of range", name);
        return -1;
    }
    *set = true;
    return 0;
}


static virNetworkVirtualPort *
virNetworkVirtualPortParse(xmlNodePtr node, bool requireType)
{
    g_autofree char *type = virConfXMLProp(node, "type");
    virNetworkVirtualPort *vp = g_new0(virNetworkVirtualPort, 1);
    xmlNodePtr cur;

    if (type) {
        int t = virConfEnumFromString(virtPortTypes, type);
        if (t <= 0) {
            reportIn(VIR_FROM_NONE, VIR_ERR_CONFIG_UNSUPPORTED,
                     "unknown virtualport type %s", type);
            goto error;
        }
        vp->type = t;
    } else if (requireType) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR, "%s",
                 "missing required virtualport type");
        goto error;
    }

    for (cur = node->children; cur; cur = cur->next) {
        g_autofree char *profile = NULL;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "parameters"))
            continue;
        if (parseUIntParam(cur, "managerid", 0xff, &vp->managerID_set,
                           &vp->managerID) < 0 ||
            parseUIntParam(cur, "typeid", 0xffffff, &vp->typeID_set,
                           &vp->typeID) < 0 ||
            parseUIntParam(cur, "typeidversion", 0xff,
                           &vp->typeIDVersion_set, &vp->typeIDVersion) < 0 ||
            parseUUIDParam(cur, "instanceid", &vp->instanceID_set,
                           vp->instanceID) < 0 ||
            parseUUIDParam(cur, "interfaceid", &vp->interfaceID_set,
                           vp->interfaceID) < 0)
            goto error;
        if ((profile = virConfXMLProp(cur, "profileid"))) {
            if (strlen(profile) > 39) {
                reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                         "profileid parameter too long");
                goto error;
            }
            g_free(vp->profileID);
            vp->profileID = g_steal_pointer(&profile);
        }
        break;
    }
    return vp;

 error:
    virNetworkVirtualPortFree(vp);
    return NULL;
}


static void
virNetworkVirtualPortFormat(virConfBuf *buf, const virNetworkVirtualPort *vp)
{
    virConfBuf attrs, child;
    char uuid[VIR_CONF_UUID_STRLEN];
    int t = vp->type;
    bool none = t == VIR_NETWORK_VIRTUALPORT_NONE;
    bool qbg = t == VIR_NETWORK_VIRTUALPORT_8021QBG || none;

    virConfBufInit(&attrs, 0);
    virConfBufInitChild(&child, buf);
    if (!none)
        virConfBufAdd(&attrs, " type='%s'", virtPortTypes[t]);

    virConfBuf p;
    virConfBufInit(&p, 0);
    if (qbg && vp->managerID_set)
        virConfBufAdd(&p, " managerid='%u'", vp->managerID);
    if (qbg && vp->typeID_set)
        virConfBufAdd(&p, " typeid='%u'", vp->typeID);
    if (qbg && vp->typeIDVersion_set)
        virConfBufAdd(&p, " typeidversion='%u'", vp->typeIDVersion);
    if (qbg && vp->instanceID_set) {
        virConfUUIDFormat(vp->instanceID, uuid);
        virConfBufAdd(&p, " instanceid='%s'", uuid);
    }
    if (vp->interfaceID_set &&
        (none || t == VIR_NETWORK_VIRTUALPORT_OPENVSWITCH ||
         t == VIR_NETWORK_VIRTUALPORT_MIDONET)) {
        virConfUUIDFormat(vp->interfaceID, uuid);
        virConfBufAdd(&p, " interfaceid='%s'", uuid);
    }
    if (vp->profileID &&
        (none || t == VIR_NETWORK_VIRTUALPORT_OPENVSWITCH ||
         t == VIR_NETWORK_VIRTUALPORT_8021QBH))
        virConfBufEscape(&p, " profileid='%s'", vp->profileID);
    virConfBufElement(&child, "parameters", &p, NULL);

    virConfBufElementAlways(buf, "virtualport", &attrs, &child);
}


static int
virNetworkBandwidthRateParse(xmlNodePtr node, virNetworkBandwidthRate *rate,
                             bool allowFloor)
{
    static const char *names[] = { "average", "peak", "floor", "burst" };
    unsigned long long *fields[] = {
        &rate->average, &rate->peak, &rate->floor, &rate->burst
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *v = virConfXMLProp(node, names[i]);
        if (v && virConfStrToULongLong(v, 10, fields[i]) < 0) {
            reportIn(VIR_FROM_NONE, VIR_ERR_CONFIG_UNSUPPORTED,
                     "could not convert bandwidth %s value '%s'",
                     names[i], v);
            return -1;
        }
    }
    if (rate->floor && !allowFloor) {
        reportIn(VIR_FROM_NONE, VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                 "floor attribute is not supported for this config");
        return -1;
    }
    if (!rate->average && !rate->floor) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_DETAIL, "%s",
                 "Missing mandatory average or floor attributes");
        return -1;
    }
    if ((rate->peak || rate->burst) && !rate->average) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_DETAIL, "%s",
                 "'peak' and 'burst' require 'average' attribute");
        return -1;
    }
    return 0;
}


/* Returns 0 and sets *out (NULL when empty), or -1. */
static int
virNetworkBandwidthParse(xmlNodePtr node, virNetworkBandwidth **out)
{
    g_autofree char *classID = virConfXMLProp(node, "classID");
    virNetworkBandwidth *bw;
    xmlNodePtr cur, in = NULL, outb = NULL;

    *out = NULL;
    if (classID) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_DETAIL, "%s",
                 "classID attribute not supported on <bandwidth> "
                 "in this usage context");
        return -1;
    }
    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(cur->name, BAD_CAST "inbound")) {
            if (in) {
                reportIn(VIR_FROM_NONE, VIR_ERR_XML_DETAIL, "%s",
                         "Only one child <inbound> element allowed");
                return -1;
            }
            in = cur;
        } else if (xmlStrEqual(cur->name, BAD_CAST "outbound")) {
            if (outb) {
                reportIn(VIR_FROM_NONE, VIR_ERR_XML_DETAIL, "%s",
                         "Only one child <outbound> element allowed");
                return -1;
            }
            outb = cur;
        }
    }
    if (!in && !outb)
        return 0;

    bw = g_new0(virNetworkBandwidth, 1);
    if (in) {
        bw->in = g_new0(virNetworkBandwidthRate, 1);
        if (virNetworkBandwidthRateParse(in, bw->in, false) < 0)
            goto error;
    }
    if (outb) {
        bw->out = g_new0(virNetworkBandwidthRate, 1);
        if (virNetworkBandwidthRateParse(outb, bw->out, false) < 0)
            goto error;
    }
    *out = bw;
    return 0;

 error:
    virNetworkBandwidthFree(bw);
    return -1;
}


static void
virNetworkBandwidthRateFormat(virConfBuf *buf, const char *name,
                              const virNetworkBandwidthRate *r)
{
    if (!r)
        return;
    virConfBufAdd(buf, "<%s", name);
    if (r->average)
        g_string_append_printf(buf->str, " average='%llu'", r->average);
    if (r->peak)
        g_string_append_printf(buf->str, " peak='%llu'", r->peak);
    if (r->floor)
        g_string_append_printf(buf->str, " floor='%llu'", r->floor);
    if (r->burst)
        g_string_append_printf(buf->str, " burst='%llu'", r->burst);
    g_string_append(buf->str, "/>\n");
}


static void
virNetworkBandwidthFormat(virConfBuf *buf, const virNetworkBandwidth *bw)
{
    if (!bw || (!bw->in && !bw->out))
        return;
    virConfBufAdd(buf, "<bandwidth>\n");
    virConfBufAdjustIndent(buf, 2);
    virNetworkBandwidthRateFormat(buf, "inbound", bw->in);
    virNetworkBandwidthRateFormat(buf, "outbound", bw->out);
    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</bandwidth>\n");
}


static int
virNetworkVlanParse(xmlNodePtr node, virNetworkVlan *vlan)
{
    g_autofree char *trunk = virConfXMLProp(node, "trunk");
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        unsigned int id;
        int mode = 0;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "tag"))
            continue;
        if (virConfXMLPropUInt(cur, "id", 10, true, &id) < 0)
            return -1;
        if (id > 4095) {
            reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                     "vlan tag id %u too large (maximum 4095)", id);
            return -1;
        }
        if (virConfXMLPropEnum(cur, "nativeMode", nativeModeFromString,
                               false, true, &mode) < 0)
            return -1;
        if (mode) {
            if (vlan->nativeMode) {
                reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR, "%s",
                         "duplicate native vlan setting");
                return -1;
            }
            vlan->nativeMode = mode;
            vlan->nativeTag = id;
        }
        vlan->tags = g_renew(unsigned int, vlan->tags, vlan->ntags + 1);
        vlan->tags[vlan->ntags++] = id;
    }

    if (vlan->ntags == 0) {
        reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR, "%s",
                 "missing tag id - each <vlan> must have "
                 "at least one <tag id='n'/> subelement");
        return -1;
    }

    if (trunk) {
        if (strcmp(trunk, "no") == 0) {
            if (vlan->ntags > 1) {
                reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR, "%s",
                         "invalid \"trunk='no'\" in <vlan> - trunk='yes' "
                         "is required for more than one vlan tag");
                return -1;
            }
            if (vlan->nativeMode) {
                reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR, "%s",
                         "invalid configuration in <vlan> - \"trunk='no'\" "
                         "is not allowed with a native vlan id");
                return -1;
            }
        } else if (strcmp(trunk, "yes") == 0) {
            vlan->trunk = true;
        } else {
            reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                     "invalid \"trunk='%s'\" in <vlan> - must be yes or no",
                     trunk);
            return -1;
        }
    }
    if (vlan->ntags > 1 || vlan->nativeMode)
        vlan->trunk = true;
    return 0;
}


static void
virNetworkVlanFormat(virConfBuf *buf, const virNetworkVlan *vlan)
{
    size_t i;

    if (vlan->ntags == 0)
        return;
    virConfBufAdd(buf, "<vlan%s>\n", vlan->trunk ? " trunk='yes'" : "");
    virConfBufAdjustIndent(buf, 2);
    for (i = 0; i < vlan->ntags; i++) {
        virConfBufAdd(buf, "<tag id='%u'", vlan->tags[i]);
        if (vlan->nativeMode && vlan->nativeTag == vlan->tags[i])
            g_string_append_printf(buf->str, " nativeMode='%s'",
                                   nativeModes[vlan->nativeMode]);
        g_string_append(buf->str, "/>\n");
    }
    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</vlan>\n");
}


/* ---- addresses ---- */

/* Parse an address the way libvirt's socket helper does, reporting its
 * error (VIR_FROM_NONE, system error with the resolver's reason). */
static int
parseSocketAddr(const char *str, int family, virConfIPAddr *addr)
{
    struct addrinfo hints = { 0 };
    struct addrinfo *res = NULL;
    int rc;

    hints.ai_family = family;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST;
    if ((rc = getaddrinfo(str, NULL, &hints, &res)) != 0 || !res) {
        reportIn(VIR_FROM_NONE, VIR_ERR_SYSTEM_ERROR,
                 "Cannot parse socket address '%s': %s",
                 str, gai_strerror(rc));
        return -1;
    }
    freeaddrinfo(res);
    return virConfIPAddrParse(str, family, addr);
}


/* The prefix of an <ip>: explicit, from the netmask, or the classful
 * default for IPv4 (64 for IPv6). */
static int
virNetworkIPDefPrefix(const virNetworkIPDef *ip)
{
    if (ip->prefix > 0)
        return ip->prefix;
    if (virConfIPAddrIsSet(&ip->netmask))
        return virConfIPAddrNetmaskToPrefix(&ip->netmask);
    if (virConfIPAddrIsV4(&ip->address)) {
        unsigned char b = ip->address.bytes[0];
        if (b < 128)
            return 8;
        if (b < 192)
            return 16;
        if (b < 224)
            return 24;
        return -1;
    }
    if (virConfIPAddrIsV6(&ip->address))
        return 64;
    return -1;
}


/* libvirt's range check: reversed or outside the network is an error. */
static int
checkRange(const virConfIPAddr *start, const virConfIPAddr *end,
           const virConfIPAddr *net, int prefix)
{
    g_autofree char *s = virConfIPAddrFormat(start);
    g_autofree char *e = virConfIPAddrFormat(end);

    if (start->family != end->family) {
        reportIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR,
                 "mismatch of address family in range %s - %s", s, e);
        return -1;
    }
    if (net) {
        g_autofree char *n = virConfIPAddrFormat(net);
        if (start->family != net->family) {
            reportIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR,
                     "mismatch of address family in range %s - %s for network %s",
                     s, e, n);
            return -1;
        }
        if (prefix < 0 ||
            !virConfIPAddrSameNet(start, net, prefix) ||
            !virConfIPAddrSameNet(end, net, prefix)) {
            reportIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR,
                     "range %s - %s is not entirely within network %s/%d",
                     s, e, n, prefix);
            return -1;
        }
    }
    if (virConfIPAddrCompare(start, end) > 0) {
        reportIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR,
                 "range %s - %s is reversed ", s, e);
        return -1;
    }
    return 0;
}


static int
virNetworkLeaseParse(xmlNodePtr node, virNetworkDHCPLeaseDef **lease)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            xmlStrEqual(cur->name, BAD_CAST "lease"))
            break;
    }
    if (!cur)
        return 0;
    *lease = g_new0(virNetworkDHCPLeaseDef, 1);
    if (virConfXMLPropULongLong(cur, "expiry", 10, true,
                                &(*lease)->expiry) < 0)
        return -1;
    if (virConfXMLPropEnum(cur, "unit", leaseUnitFromString, false, true,
                           &(*lease)->unit) < 0)
        return -1;
    return 0;
}


static void
virNetworkLeaseFormat(virConfBuf *buf, const virNetworkDHCPLeaseDef *lease)
{
    virConfBufAdd(buf, "<lease expiry='%llu'", lease->expiry);
    if (lease->expiry)
        g_string_append_printf(buf->str, " unit='%s'",
                               leaseUnits[lease->unit ? lease->unit : 2]);
    g_string_append(buf->str, "/>\n");
}


/* @partial: a host to delete needs no IP, nor a MAC or name. */
static int
virNetworkDHCPHostParse(const char *netName, virNetworkIPDef *ipdef,
                        xmlNodePtr node, virNetworkDHCPHost *host,
                        bool partial)
{
    g_autofree char *mac = virConfXMLProp(node, "mac");
    g_autofree char *id = virConfXMLProp(node, "id");
    g_autofree char *name = virConfXMLProp(node, "name");
    g_autofree char *ip = virConfXMLProp(node, "ip");
    bool v6 = virConfIPAddrIsV6(&ipdef->address);
    unsigned char addr[VIR_CONF_MAC_LEN];

    if (mac) {
        if (v6) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid to specify MAC address '%s' in network "
                           "'%s' IPv6 static host definition", mac, netName);
            return -1;
        }
        if (virConfMacParse(mac, addr) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Cannot parse MAC address '%s' in network '%s'",
                           mac, netName);
            return -1;
        }
        if (addr[0] & 1) {
            virReportError(VIR_ERR_XML_ERROR,
                           "expected unicast mac address, found multicast "
                           "'%s' in network '%s'", mac, netName);
            return -1;
        }
    }
    if (id) {
        const char *p;
        for (p = id; *p; p++) {
            if (!g_ascii_isxdigit(*p) && *p != ':') {
                virReportError(VIR_ERR_XML_ERROR,
                               "Invalid character '%c' in id '%s' of network '%s'",
                               *p, id, netName);
                return -1;
            }
        }
    }
    if (name && !g_ascii_isalnum(name[0])) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Cannot use host name '%s' in network '%s'",
                       name, netName);
        return -1;
    }
    if (partial) {
        /* anything given narrows the match, but something must be */
        if (!mac && !name && !ip) {
            virReportError(VIR_ERR_XML_ERROR,
                           "At least one of name, mac, or ip attribute must "
                           "be specified for static host definition in "
                           "network '%s' ", netName);
            return -1;
        }
    } else if (v6) {
        if (!id && !name) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Static host definition in IPv6 network '%s' "
                           "must have id or name attribute", netName);
            return -1;
        }
    } else if (!mac && !name) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Static host definition in IPv4 network '%s' "
                       "must have mac or name attribute", netName);
        return -1;
    }
    if (!ip && !partial) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing IP address in static host definition "
                       "for network '%s'", netName);
        return -1;
    }
    if (ip && virConfIPAddrParse(ip, AF_UNSPEC, &host->ip) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid IP address in static host definition "
                       "for network '%s'", netName);
        return -1;
    }
    if (virNetworkLeaseParse(node, &host->lease) < 0)
        return -1;
    host->mac = g_steal_pointer(&mac);
    host->id = g_steal_pointer(&id);
    host->name = g_steal_pointer(&name);
    return 0;
}


static int
virNetworkDHCPParse(const char *netName, virNetworkIPDef *ipdef,
                    xmlNodePtr node)
{
    xmlNodePtr cur;
    int prefix = virNetworkIPDefPrefix(ipdef);

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;

        if (xmlStrEqual(cur->name, BAD_CAST "range")) {
            g_autofree char *start = virConfXMLProp(cur, "start");
            g_autofree char *end = virConfXMLProp(cur, "end");
            virNetworkDHCPRange range = { 0 };

            if (!start) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Missing 'start' attribute in dhcp range "
                               "for network '%s'", netName);
                return -1;
            }
            if (parseSocketAddr(start, AF_UNSPEC, &range.start) < 0)
                return -1;
            if (!end) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Missing 'end' attribute in dhcp range "
                               "for network '%s'", netName);
                return -1;
            }
            if (parseSocketAddr(end, AF_UNSPEC, &range.end) < 0)
                return -1;
            if (checkRange(&range.start, &range.end, &ipdef->address,
                           prefix) < 0)
                return -1;
            if (virNetworkLeaseParse(cur, &range.lease) < 0) {
                g_free(range.lease);
                return -1;
            }
            ipdef->ranges = g_renew(virNetworkDHCPRange, ipdef->ranges,
                                    ipdef->nranges + 1);
            ipdef->ranges[ipdef->nranges++] = range;

        } else if (xmlStrEqual(cur->name, BAD_CAST "host")) {
            virNetworkDHCPHost host = { 0 };

            if (virNetworkDHCPHostParse(netName, ipdef, cur, &host, false) < 0) {
                g_free(host.mac);
                g_free(host.id);
                g_free(host.name);
                g_free(host.lease);
                return -1;
            }
            ipdef->hosts = g_renew(virNetworkDHCPHost, ipdef->hosts,
                                   ipdef->nhosts + 1);
            ipdef->hosts[ipdef->nhosts++] = host;

        } else if (virConfIPAddrIsV4(&ipdef->address) &&
                   xmlStrEqual(cur->name, BAD_CAST "bootp")) {
            g_autofree char *file = virConfXMLProp(cur, "file");
            g_autofree char *server = virConfXMLProp(cur, "server");

            if (!file)
                continue;
            if (server &&
                parseSocketAddr(server, AF_UNSPEC, &ipdef->bootserver) < 0)
                return -1;
            g_free(ipdef->bootfile);
            ipdef->bootfile = g_steal_pointer(&file);
        }
    }
    return 0;
}


static int
virNetworkIPDefParse(const char *netName, xmlNodePtr node,
                     virNetworkIPDef *def)
{
    g_autofree char *address = virConfXMLProp(node, "address");
    g_autofree char *netmask = virConfXMLProp(node, "netmask");
    g_autofree char *family = virConfXMLProp(node, "family");
    unsigned int prefix = 0;
    int rc;
    xmlNodePtr cur;

    if (family && strcmp(family, "ipv4") != 0 && strcmp(family, "ipv6") != 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Unrecognized family '%s' in network '%s'",
                       family, netName);
        return -1;
    }
    if (!address) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing required address attribute in network '%s'",
                       netName);
        return -1;
    }
    if (virConfIPAddrParse(address, AF_UNSPEC, &def->address) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid address '%s' in network '%s'",
                       address, netName);
        return -1;
    }
    if (netmask &&
        virConfIPAddrParse(netmask, AF_UNSPEC, &def->netmask) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid netmask '%s' in network '%s'",
                       netmask, netName);
        return -1;
    }
    if ((rc = virConfXMLPropUInt(node, "prefix", 10, false, &prefix)) < 0)
        return -1;
    def->prefix = prefix;
    if (virConfXMLPropTristateBool(node, "localPtr", false,
                                   &def->localPtr) < 0)
        return -1;

    if (!family) {
        if (!virConfIPAddrIsV4(&def->address)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "no family specified for non-IPv4 address '%s' "
                           "in network '%s'", address, netName);
            return -1;
        }
    } else if (strcmp(family, "ipv4") == 0) {
        if (!virConfIPAddrIsV4(&def->address)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Family 'ipv4' specified for non-IPv4 address "
                           "'%s' in network '%s'", address, netName);
            return -1;
        }
    } else if (!virConfIPAddrIsV6(&def->address)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Family 'ipv6' specified for non-IPv6 address "
                       "'%s' in network '%s'", address, netName);
        return -1;
    }

    if (netmask && rc > 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Network '%s' IP address cannot have both a prefix "
                       "and a netmask", netName);
        return -1;
    }
    if (virConfIPAddrIsV4(&def->address)) {
        if (netmask && !virConfIPAddrIsV4(&def->netmask)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid netmask '%s' for address '%s' in "
                           "network '%s' (both must be IPv4)",
                           netmask, address, netName);
            return -1;
        }
        if (prefix > 32) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv4 prefix '%u' in network '%s'",
                           prefix, netName);
            return -1;
        }
    } else {
        if (netmask) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "netmask not allowed for IPv6 address '%s' in "
                           "network '%s'", address, netName);
            return -1;
        }
        if (prefix > 128) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv6 prefix '%u' in network '%s'",
                           prefix, netName);
            return -1;
        }
    }
    def->family = g_steal_pointer(&family);

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(cur->name, BAD_CAST "dhcp")) {
            if (virNetworkDHCPParse(netName, def, cur) < 0)
                return -1;
        } else if (xmlStrEqual(cur->name, BAD_CAST "tftp")) {
            g_autofree char *root = NULL;

            if (!virConfIPAddrIsV4(&def->address)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Unsupported <tftp> element in an IPv6 "
                               "element in network '%s'", netName);
                return -1;
            }
            if ((root = virConfXMLProp(cur, "root"))) {
                g_free(def->tftproot);
                def->tftproot = g_steal_pointer(&root);
            }
        }
    }
    return 0;
}


static int
virNetworkRouteParse(const char *netName, xmlNodePtr node,
                     virNetworkRouteDef *def)
{
    g_autofree char *family = virConfXMLProp(node, "family");
    g_autofree char *address = virConfXMLProp(node, "address");
    g_autofree char *netmask = virConfXMLProp(node, "netmask");
    g_autofree char *gateway = virConfXMLProp(node, "gateway");
    g_autofree char *metric = NULL;
    int rc;
    int prefix;

    if ((rc = virConfXMLPropUInt(node, "prefix", 10, false,
                                 &def->prefix)) < 0)
        return -1;
    def->has_prefix = rc > 0;
    if ((metric = virConfXMLProp(node, "metric"))) {
        if (virConfStrToUInt(metric, 10, &def->metric) < 0) {
            reportIn(VIR_FROM_XML, VIR_ERR_XML_ERROR,
                     "Invalid value for attribute 'metric' in element "
                     "'route': '%s'. Expected non-negative integer value",
                     metric);
            return -1;
        }
        if (def->metric == 0) {
            reportIn(VIR_FROM_XML, VIR_ERR_XML_ERROR, "%s",
                     "Invalid value for attribute 'metric' in element "
                     "'route': Zero is not permitted");
            return -1;
        }
        def->has_metric = true;
    }

    if (!address) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required address attribute in route "
                       "definition", netName);
        return -1;
    }
    if (!gateway) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required gateway attribute in route "
                       "definition", netName);
        return -1;
    }
    if (virConfIPAddrParse(address, AF_UNSPEC, &def->address) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad network address '%s' in route definition",
                       netName, address);
        return -1;
    }
    if (virConfIPAddrParse(gateway, AF_UNSPEC, &def->gateway) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad gateway address '%s' in route definition",
                       netName, gateway);
        return -1;
    }
    if (netmask) {
        if (virConfIPAddrParse(netmask, AF_UNSPEC, &def->netmask) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Bad netmask address '%s' in route definition",
                           netName, netmask);
            return -1;
        }
        if (def->has_prefix) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Route definition cannot have both a prefix "
                           "and a netmask", netName);
            return -1;
        }
    }

    if (!family) {
        /* libvirt names the address in both messages */
        if (!virConfIPAddrIsV4(&def->address)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: No family specified for non-IPv4 address "
                           "'%s' in route definition", netName, address);
            return -1;
        }
        if (!virConfIPAddrIsV4(&def->gateway)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: No family specified for non-IPv4 gateway "
                           "'%s' in route definition", netName, address);
            return -1;
        }
    } else if (strcmp(family, "ipv6") == 0) {
        if (!virConfIPAddrIsV6(&def->address)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv6 family specified for non-IPv6 address "
                           "'%s' in route definition", netName, address);
            return -1;
        }
        if (!virConfIPAddrIsV6(&def->gateway)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv6 specified for non-IPv6 gateway "
                           "address '%s' in route definition",
                           netName, gateway);
            return -1;
        }
        if (netmask) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Specifying netmask invalid for IPv6 address "
                           "'%s' in route definition", netName, address);
            return -1;
        }
        if (def->prefix > 128) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: IPv6 prefix '%u' is invalid in route "
                           "definition", netName, def->prefix);
            return -1;
        }
    } else if (strcmp(family, "ipv4") == 0) {
        if (!virConfIPAddrIsV4(&def->address)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv4 family specified for non-IPv4 address "
                           "'%s' in route definition", netName, address);
            return -1;
        }
        if (!virConfIPAddrIsV4(&def->gateway)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv4 specified for non-IPv4 gateway "
                           "address '%s' in route definition",
                           netName, gateway);
            return -1;
        }
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Unrecognized family '%s' in route definition",
                       netName, family);
        return -1;
    }

    if (virConfIPAddrIsV4(&def->address)) {
        if (netmask && !virConfIPAddrIsV4(&def->netmask)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Invalid netmask '%s' for address '%s' "
                           "(both must be IPv4)", netName, netmask, address);
            return -1;
        }
        if (def->prefix > 32) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: IPv4 prefix '%u' is invalid in route "
                           "definition", netName, def->prefix);
            return -1;
        }
    }

    /* the address must be the network's own address */
    if (def->has_prefix)
        prefix = def->prefix;
    else if (netmask)
        prefix = virConfIPAddrNetmaskToPrefix(&def->netmask);
    else
        prefix = virConfIPAddrIsV4(&def->address) ? 32 : 128;
    if (prefix >= 0) {
        virConfIPAddr masked = def->address;
        size_t len = virConfIPAddrIsV4(&def->address) ? 4 : 16;
        size_t i;

        for (i = 0; i < len; i++) {
            int bits = prefix - (int)i * 8;
            if (bits <= 0)
                masked.bytes[i] = 0;
            else if (bits < 8)
                masked.bytes[i] &= (unsigned char)(0xff << (8 - bits));
        }
        if (virConfIPAddrCompare(&masked, &def->address) != 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Address '%s' in route definition is not a "
                           "network address", netName, address);
            return -1;
        }
    }
    def->family = g_steal_pointer(&family);
    return 0;
}


/* ---- DNS ---- */

static int
virNetworkDNSParse(const char *netName, xmlNodePtr node,
                   virNetworkDNSDef *dns)
{
    xmlNodePtr cur;

    if (virConfXMLPropTristateBool(node, "enable", false, &dns->enable) < 0 ||
        virConfXMLPropTristateBool(node, "forwardPlainNames", false,
                                   &dns->forwardPlainNames) < 0)
        return -1;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;

        if (xmlStrEqual(cur->name, BAD_CAST "forwarder")) {
            g_autofree char *addr = virConfXMLProp(cur, "addr");
            g_autofree char *domain = virConfXMLProp(cur, "domain");
            virNetworkDNSForwarder fwd = { 0 };

            if (addr &&
                virConfIPAddrParse(addr, AF_UNSPEC, &fwd.addr) < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Invalid forwarder IP address '%s' in "
                               "network '%s'", addr, netName);
                return -1;
            }
            if (!addr && !domain) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "Invalid forwarder element, must contain at "
                               "least one of addr or domain");
                return -1;
            }
            fwd.domain = g_steal_pointer(&domain);
            dns->forwarders = g_renew(virNetworkDNSForwarder, dns->forwarders,
                                      dns->nfwds + 1);
            dns->forwarders[dns->nfwds++] = fwd;

        } else if (xmlStrEqual(cur->name, BAD_CAST "host")) {
            g_autofree char *ip = virConfXMLProp(cur, "ip");
            virNetworkDNSHost host = { 0 };
            xmlNodePtr hn;

            for (hn = cur->children; hn; hn = hn->next) {
                g_autofree char *name = NULL;
                if (hn->type != XML_ELEMENT_NODE ||
                    !xmlStrEqual(hn->name, BAD_CAST "hostname"))
                    continue;
                if (!(name = virConfXMLContent(hn)) || !*name) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "Missing hostname in network '%s' DNS "
                                   "HOST record", netName);
                    goto hosterror;
                }
                host.names = g_renew(char *, host.names, host.nnames + 1);
                host.names[host.nnames++] = g_steal_pointer(&name);
            }
            if (!ip) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "Missing IP address in network '%s' DNS HOST "
                               "record", netName);
                goto hosterror;
            }
            if (virConfIPAddrParse(ip, AF_UNSPEC, &host.ip) < 0) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "Invalid IP address in network '%s' DNS HOST "
                               "record", netName);
                goto hosterror;
            }
            if (host.nnames == 0) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "Missing hostname in network '%s' DNS HOST "
                               "record", netName);
                goto hosterror;
            }
            dns->hosts = g_renew(virNetworkDNSHost, dns->hosts,
                                 dns->nhosts + 1);
            dns->hosts[dns->nhosts++] = host;
            continue;

         hosterror:
            {
                size_t j;
                for (j = 0; j < host.nnames; j++)
                    g_free(host.names[j]);
                g_free(host.names);
            }
            return -1;

        } else if (xmlStrEqual(cur->name, BAD_CAST "srv")) {
            virNetworkDNSSrv srv = { 0 };
            g_autofree char *port = virConfXMLProp(cur, "port");
            g_autofree char *priority = virConfXMLProp(cur, "priority");
            g_autofree char *weight = virConfXMLProp(cur, "weight");

            srv.service = virConfXMLProp(cur, "service");
            srv.protocol = virConfXMLProp(cur, "protocol");
            srv.domain = virConfXMLProp(cur, "domain");
            srv.target = virConfXMLProp(cur, "target");

            if (!srv.service) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "missing required service attribute in DNS "
                               "SRV record of network '%s'", netName);
                goto srverror;
            }
            /* libvirt's limit: a DNS record (512) less room for the rest */
            if (strlen(srv.service) > 482) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "service attribute '%s' in network '%s' is too "
                               "long, limit is %d bytes",
                               srv.service, netName, 482);
                goto srverror;
            }
            if (strchr(srv.service, '.')) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "invalid character in service attribute '%s' "
                               "in DNS SRV record of network '%s'",
                               srv.service, netName);
                goto srverror;
            }
            if (!srv.protocol) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "missing required protocol attribute in DNS "
                               "SRV record '%s' of network '%s'",
                               srv.service, netName);
                goto srverror;
            }
            if (port) {
                if (!srv.target) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "DNS SRV port attribute not permitted "
                                   "without target for service '%s' in "
                                   "network '%s'", srv.service, netName);
                    goto srverror;
                }
                if (virConfStrToUInt(port, 10, &srv.port) < 0 ||
                    srv.port == 0 || srv.port > 65535) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "invalid DNS SRV port attribute for "
                                   "service '%s' in network '%s'",
                                   srv.service, netName);
                    goto srverror;
                }
            }
            if (priority) {
                if (!srv.target) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "DNS SRV priority attribute not permitted "
                                   "without target for service '%s' in "
                                   "network '%s'", srv.service, netName);
                    goto srverror;
                }
                if (virConfStrToUInt(priority, 10, &srv.priority) < 0 ||
                    srv.priority > 65535) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "Invalid DNS SRV priority attribute for "
                                   "service '%s' in network '%s'",
                                   srv.service, netName);
                    goto srverror;
                }
            }
            if (weight) {
                if (!srv.target) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "DNS SRV weight attribute not permitted "
                                   "without target for service '%s' in "
                                   "network '%s'", srv.service, netName);
                    goto srverror;
                }
                if (virConfStrToUInt(weight, 10, &srv.weight) < 0 ||
                    srv.weight > 65535) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "invalid DNS SRV weight attribute for "
                                   "service '%s' in network '%s'",
                                   srv.service, netName);
                    goto srverror;
                }
            }
            dns->srvs = g_renew(virNetworkDNSSrv, dns->srvs, dns->nsrvs + 1);
            dns->srvs[dns->nsrvs++] = srv;
            continue;

         srverror:
            g_free(srv.service);
            g_free(srv.protocol);
            g_free(srv.domain);
            g_free(srv.target);
            return -1;

        } else if (xmlStrEqual(cur->name, BAD_CAST "txt")) {
            g_autofree char *name = virConfXMLProp(cur, "name");
            g_autofree char *value = virConfXMLProp(cur, "value");

            if (!name) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "missing required name attribute in DNS TXT "
                               "record of network %s", netName);
                return -1;
            }
            if (strpbrk(name, " ")) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "prohibited character in DNS TXT record name "
                               "'%s' of network %s", name, netName);
                return -1;
            }
            if (!value) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "missing required value attribute in DNS TXT "
                               "record named '%s' of network %s",
                               name, netName);
                return -1;
            }
            dns->txts = g_renew(virNetworkDNSTxt, dns->txts, dns->ntxts + 1);
            dns->txts[dns->ntxts].name = g_steal_pointer(&name);
            dns->txts[dns->ntxts].value = g_steal_pointer(&value);
            dns->ntxts++;
        }
    }

    if (dns->enable == VIR_CONF_TRISTATE_NO &&
        (dns->nfwds || dns->nhosts || dns->nsrvs || dns->ntxts)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Extra data in disabled network '%s'", netName);
        return -1;
    }
    return 0;
}


static void
virNetworkDNSFormat(virConfBuf *buf, const virNetworkDNSDef *dns)
{
    virConfBuf attrs, child;
    size_t i, j;

    virConfBufInit(&attrs, 0);
    virConfBufInitChild(&child, buf);

    if (dns->enable)
        virConfBufAdd(&attrs, " enable='%s'",
                      virConfTristateBoolToString(dns->enable));
    if (dns->forwardPlainNames)
        virConfBufAdd(&attrs, " forwardPlainNames='%s'",
                      virConfTristateBoolToString(dns->forwardPlainNames));

    for (i = 0; i < dns->nfwds; i++) {
        const virNetworkDNSForwarder *f = &dns->forwarders[i];
        virConfBufAdd(&child, "<forwarder");
        if (f->domain)
            virConfBufEscape(&child, " domain='%s'", f->domain);
        if (virConfIPAddrIsSet(&f->addr)) {
            g_autofree char *a = virConfIPAddrFormat(&f->addr);
            virConfBufAdd(&child, " addr='%s'", a);
        }
        virConfBufAdd(&child, "/>\n");
    }
    for (i = 0; i < dns->ntxts; i++) {
        virConfBufEscape(&child, "<txt name='%s' ", dns->txts[i].name);
        virConfBufEscape(&child, "value='%s'/>\n", dns->txts[i].value);
    }
    for (i = 0; i < dns->nsrvs; i++) {
        const virNetworkDNSSrv *s = &dns->srvs[i];
        virConfBufEscape(&child, "<srv service='%s' ", s->service);
        virConfBufEscape(&child, "protocol='%s'", s->protocol);
        if (s->domain)
            virConfBufEscape(&child, " domain='%s'", s->domain);
        if (s->target)
            virConfBufEscape(&child, " target='%s'", s->target);
        if (s->port)
            virConfBufAdd(&child, " port='%u'", s->port);
        if (s->priority)
            virConfBufAdd(&child, " priority='%u'", s->priority);
        if (s->weight)
            virConfBufAdd(&child, " weight='%u'", s->weight);
        virConfBufAdd(&child, "/>\n");
    }
    for (i = 0; i < dns->nhosts; i++) {
        g_autofree char *ip = virConfIPAddrFormat(&dns->hosts[i].ip);
        virConfBufAdd(&child, "<host ip='%s'>\n", ip);
        virConfBufAdjustIndent(&child, 2);
        for (j = 0; j < dns->hosts[i].nnames; j++)
            virConfBufEscape(&child, "<hostname>%s</hostname>\n",
                             dns->hosts[i].names[j]);
        virConfBufAdjustIndent(&child, -2);
        virConfBufAdd(&child, "</host>\n");
    }

    virConfBufElement(buf, "dns", &attrs, &child);
}


/* ---- forward ---- */

static int
parsePCIAddress(const char *netName, xmlNodePtr node,
                virNetworkPCIAddress *addr)
{
    static const struct {
        const char *name;
        unsigned int max;
        const char *maxstr;
    } fields[] = {
        { "domain", 0xFFFF, "0xFFFF" },
        { "bus", 0xFF, "0xFF" },
        { "slot", 0x1F, "0x1F" },
        { "function", 7, "7" },
    };
    unsigned int *vals[] = {
        &addr->domain, &addr->bus, &addr->slot, &addr->function
    };
    size_t i;

    (void)netName;
    for (i = 0; i < G_N_ELEMENTS(fields); i++) {
        g_autofree char *v = virConfXMLProp(node, fields[i].name);
        if (!v)
            continue;
        if (virConfStrToUInt(v, 0, vals[i]) < 0) {
            reportIn(VIR_FROM_NONE, VIR_ERR_INTERNAL_ERROR,
                     "Cannot parse <address> '%s' attribute",
                     fields[i].name);
            return -1;
        }
    }
    for (i = 0; i < G_N_ELEMENTS(fields); i++) {
        if (*vals[i] > fields[i].max) {
            reportIn(VIR_FROM_NONE, VIR_ERR_XML_ERROR,
                     "Invalid PCI address %s=0x%x, must be <= %s",
                     fields[i].name, *vals[i], fields[i].maxstr);
            return -1;
        }
    }
    return 0;
}


static int
virNetworkForwardParse(const char *netName, xmlNodePtr node,
                       virNetworkForwardDef *fwd)
{
    g_autofree char *mode = virConfXMLProp(node, "mode");
    g_autofree char *dev = virConfXMLProp(node, "dev");
    g_autofree char *managed = virConfXMLProp(node, "managed");
    xmlNodePtr cur;
    xmlNodePtr natNode = NULL;
    xmlNodePtr driverNode = NULL;
    size_t nnats = 0, nifaces = 0, npfs = 0;
    bool parseAddrs;

    if (mode) {
        int t = virNetworkForwardTypeFromString(mode);
        if (t < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown forwarding type '%s'", mode);
            return -1;
        }
        fwd->type = t;
    } else {
        fwd->type = VIR_NETWORK_FORWARD_NAT;
    }
    if (managed && strcmp(managed, "yes") == 0)
        fwd->managed = true;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(cur->name, BAD_CAST "driver")) {
            driverNode = cur;
        } else if (xmlStrEqual(cur->name, BAD_CAST "nat")) {
            natNode = cur;
            nnats++;
        } else if (xmlStrEqual(cur->name, BAD_CAST "interface")) {
            nifaces++;
        } else if (xmlStrEqual(cur->name, BAD_CAST "pf")) {
            npfs++;
        }
    }

    if (driverNode) {
        g_autofree char *name = virConfXMLProp(driverNode, "name");
        if (name) {
            int d = virConfEnumFromString(forwardDrivers, name);
            if (d <= 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Unknown forward <driver name='%s'/> in "
                               "network %s", name, netName);
                return -1;
            }
            fwd->driverName = d;
        }
    }

    if (nnats > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <nat> element is allowed in <forward> of "
                       "network %s", netName);
        return -1;
    }
    if (natNode) {
        size_t naddr = 0, nport = 0;

        if (fwd->type != VIR_NETWORK_FORWARD_NAT) {
            virReportError(VIR_ERR_XML_ERROR,
                           "The <nat> element can only be used when "
                           "<forward> 'mode' is 'nat' in network %s",
                           netName);
            return -1;
        }
        if (virConfXMLPropTristateBool(natNode, "ipv6", false,
                                       &fwd->natIPv6) < 0)
            return -1;
        for (cur = natNode->children; cur; cur = cur->next) {
            if (cur->type != XML_ELEMENT_NODE)
                continue;
            if (xmlStrEqual(cur->name, BAD_CAST "address")) {
                if (++naddr > 1) {
                    virReportError(VIR_ERR_XML_ERROR,
                                   "Only one <address> element is allowed in "
                                   "<nat> in <forward> in network %s",
                                   netName);
                    return -1;
                }
            } else if (xmlStrEqual(cur->name, BAD_CAST "port")) {
                if (++nport > 1) {
                    virReportError(VIR_ERR_XML_ERROR,
                                   "Only one <port> element is allowed in "
                                   "<nat> in <forward> in network %s",
                                   netName);
                    return -1;
                }
            }
        }
        for (cur = natNode->children; cur; cur = cur->next) {
            if (cur->type != XML_ELEMENT_NODE)
                continue;
            if (xmlStrEqual(cur->name, BAD_CAST "address")) {
                g_autofree char *start = virConfXMLProp(cur, "start");
                g_autofree char *end = virConfXMLProp(cur, "end");

                if (!start) {
                    virReportError(VIR_ERR_XML_ERROR,
                                   "missing 'start' attribute in <address> "
                                   "element in <nat> in <forward> in "
                                   "network %s", netName);
                    return -1;
                }
                if (!end) {
                    virReportError(VIR_ERR_XML_ERROR,
                                   "missing 'end' attribute in <address> "
                                   "element in <nat> in <forward> in "
                                   "network %s", netName);
                    return -1;
                }
                if (virConfIPAddrParse(start, AF_INET,
                                       &fwd->natAddrStart) < 0) {
                    virReportError(VIR_ERR_XML_ERROR,
                                   "Bad ipv4 start address '%s' in <nat> in "
                                   "<forward> in network '%s'",
                                   start, netName);
                    return -1;
                }
                if (virConfIPAddrParse(end, AF_INET, &fwd->natAddrEnd) < 0) {
                    virReportError(VIR_ERR_XML_ERROR,
                                   "Bad ipv4 end address '%s' in <nat> in "
                                   "<forward> in network '%s'",
                                   end, netName);
                    return -1;
                }
                if (checkRange(&fwd->natAddrStart, &fwd->natAddrEnd,
                               NULL, 0) < 0)
                    return -1;
            } else if (xmlStrEqual(cur->name, BAD_CAST "port")) {
                g_autofree char *start = virConfXMLProp(cur, "start");
                g_autofree char *end = virConfXMLProp(cur, "end");

                if (!start || virConfStrToUInt(start, 10,
                                               &fwd->natPortStart) < 0 ||
                    fwd->natPortStart > 65535) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "Missing or invalid 'start' attribute in "
                                   "<port> in <nat> in <forward> in "
                                   "network %s", netName);
                    return -1;
                }
                if (!end || virConfStrToUInt(end, 10,
                                             &fwd->natPortEnd) < 0 ||
                    fwd->natPortEnd > 65535 ||
                    fwd->natPortStart > fwd->natPortEnd) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "Missing or invalid 'end' attribute in "
                                   "<port> in <nat> in <forward> in "
                                   "network %s", netName);
                    return -1;
                }
            }
        }
    }

    if (npfs > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <pf> element is allowed in <forward> of "
                       "network %s", netName);
        return -1;
    }
    /* <interface> elements (or dev=) win over <address> ones */
    parseAddrs = nifaces == 0 && !dev;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(cur->name, BAD_CAST "pf")) {
            g_autofree char *pfdev = virConfXMLProp(cur, "dev");
            if (!pfdev) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Missing required dev attribute in <pf> "
                               "element of network '%s'", netName);
                return -1;
            }
            fwd->pfs = g_renew(char *, fwd->pfs, fwd->npfs + 1);
            fwd->pfs[fwd->npfs++] = g_steal_pointer(&pfdev);
        } else if (xmlStrEqual(cur->name, BAD_CAST "interface")) {
            g_autofree char *ifdev = virConfXMLProp(cur, "dev");
            unsigned int conns = 0;

            if (!ifdev) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Missing required dev attribute in <forward> "
                               "<interface> element of network %s", netName);
                return -1;
            }
            if (fwd->nifs == 0 && dev && strcmp(dev, ifdev) != 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "<forward dev='%s'> must match first "
                               "<interface dev='%s'/> in network %s",
                               dev, ifdev, netName);
                return -1;
            }
            if (virConfXMLPropUInt(cur, "connections", 10, false, &conns) < 0)
                return -1;
            fwd->ifs = g_renew(virNetworkForwardIf, fwd->ifs, fwd->nifs + 1);
            memset(&fwd->ifs[fwd->nifs], 0, sizeof(fwd->ifs[0]));
            fwd->ifs[fwd->nifs].dev = g_steal_pointer(&ifdev);
            fwd->ifs[fwd->nifs].connections = conns;
            fwd->nifs++;
        } else if (parseAddrs &&
                   xmlStrEqual(cur->name, BAD_CAST "address")) {
            g_autofree char *type = virConfXMLProp(cur, "type");
            virNetworkPCIAddress pci = { 0 };

            if (!type || strcmp(type, "pci") != 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown address type '%s' in network %s",
                               type ? type : "", netName);
                return -1;
            }
            if (parsePCIAddress(netName, cur, &pci) < 0)
                return -1;
            fwd->ifs = g_renew(virNetworkForwardIf, fwd->ifs, fwd->nifs + 1);
            memset(&fwd->ifs[fwd->nifs], 0, sizeof(fwd->ifs[0]));
            fwd->ifs[fwd->nifs].isPCI = true;
            fwd->ifs[fwd->nifs].pci = pci;
            fwd->nifs++;
        }
    }

    /* <forward dev='x'/> alone names the one interface */
    if (fwd->nifs == 0 && dev) {
        fwd->ifs = g_new0(virNetworkForwardIf, 1);
        fwd->ifs[0].dev = g_steal_pointer(&dev);
        fwd->nifs = 1;
    }
    return 0;
}


static void
virNetworkForwardFormat(virConfBuf *buf, const virNetworkForwardDef *fwd)
{
    virConfBuf attrs, child;
    size_t i;

    if (fwd->type == VIR_NETWORK_FORWARD_NONE)
        return;

    virConfBufInit(&attrs, 0);
    virConfBufInitChild(&child, buf);

    if (fwd->nifs > 0 && !fwd->ifs[0].isPCI)
        virConfBufEscape(&attrs, " dev='%s'", fwd->ifs[0].dev);
    virConfBufAdd(&attrs, " mode='%s'", forwardTypes[fwd->type]);
    if (fwd->type == VIR_NETWORK_FORWARD_HOSTDEV)
        virConfBufAdd(&attrs, " managed='%s'", fwd->managed ? "yes" : "no");

    if (fwd->driverName)
        virConfBufAdd(&child, "<driver name='%s'/>\n",
                      forwardDrivers[fwd->driverName]);

    if (fwd->type == VIR_NETWORK_FORWARD_NAT) {
        virConfBuf natAttrs, natChild;

        virConfBufInit(&natAttrs, 0);
        virConfBufInitChild(&natChild, &child);
        if (fwd->natIPv6)
            virConfBufAdd(&natAttrs, " ipv6='%s'",
                          virConfTristateBoolToString(fwd->natIPv6));
        if (virConfIPAddrIsSet(&fwd->natAddrStart)) {
            g_autofree char *s = virConfIPAddrFormat(&fwd->natAddrStart);
            g_autofree char *e = virConfIPAddrFormat(&fwd->natAddrEnd);
            virConfBufAdd(&natChild, "<address start='%s' end='%s'/>\n", s, e);
        }
        if (fwd->natPortStart || fwd->natPortEnd)
            virConfBufAdd(&natChild, "<port start='%u' end='%u'/>\n",
                          fwd->natPortStart, fwd->natPortEnd);
        virConfBufElement(&child, "nat", &natAttrs, &natChild);
    }

    for (i = 0; i < fwd->npfs; i++)
        virConfBufEscape(&child, "<pf dev='%s'/>\n", fwd->pfs[i]);

    for (i = 0; i < fwd->nifs; i++) {
        const virNetworkForwardIf *f = &fwd->ifs[i];
        if (f->isPCI) {
            virConfBufAdd(&child,
                          "<address type='pci' domain='0x%04x' bus='0x%02x' "
                          "slot='0x%02x' function='0x%x'/>\n",
                          f->pci.domain, f->pci.bus, f->pci.slot,
                          f->pci.function);
        } else {
            virConfBufEscape(&child, "<interface dev='%s'/>\n", f->dev);
        }
    }

    virConfBufElementAlways(buf, "forward", &attrs, &child);
}


/* ---- portgroups ---- */

static int
virNetworkPortGroupParse(xmlNodePtr node, virNetworkPortGroupDef *pg)
{
    g_autofree char *isDefault = NULL;
    xmlNodePtr cur;

    if (!(pg->name = virConfXMLProp(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing required name attribute in portgroup");
        return -1;
    }
    isDefault = virConfXMLProp(node, "default");
    pg->isDefault = isDefault && g_ascii_strcasecmp(isDefault, "yes") == 0;
    if (virConfXMLPropTristateBool(node, "trustGuestRxFilters", false,
                                   &pg->trustGuestRxFilters) < 0)
        return -1;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(cur->name, BAD_CAST "virtualport") &&
            !pg->virtPortProfile) {
            if (!(pg->virtPortProfile = virNetworkVirtualPortParse(cur, false)))
                return -1;
        } else if (xmlStrEqual(cur->name, BAD_CAST "bandwidth") &&
                   !pg->bandwidth) {
            if (virNetworkBandwidthParse(cur, &pg->bandwidth) < 0)
                return -1;
        } else if (xmlStrEqual(cur->name, BAD_CAST "vlan") &&
                   pg->vlan.ntags == 0) {
            if (virNetworkVlanParse(cur, &pg->vlan) < 0)
                return -1;
        }
    }
    return 0;
}


/* ---- the network ---- */

static bool
isRoutedMode(int type)
{
    return type == VIR_NETWORK_FORWARD_NONE ||
           type == VIR_NETWORK_FORWARD_NAT ||
           type == VIR_NETWORK_FORWARD_ROUTE ||
           type == VIR_NETWORK_FORWARD_OPEN;
}


static virNetworkDef *
virNetworkDefParseXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virNetworkDef) def = g_new0(virNetworkDef, 1);
    xmlNodePtr root = ctxt->node;
    xmlNodePtr node;
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *uuid = NULL;
    g_autofree char *ipv6 = NULL;
    g_autofree char *stp = NULL;
    g_autofree char *delay = NULL;
    g_autofree char *mtu = NULL;
    g_autofree char *macTable = NULL;
    g_autofree char *mac = NULL;
    bool bridgeOptions = false;
    int n, i;

    if (!(def->name = virConfXPathString("string(./name[1])", ctxt))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return NULL;
    }
    if (strchr(def->name, '/')) {
        virReportErrorFull(VIR_FROM_XML, VIR_ERR_XML_DETAIL, __FILE__,
                           __func__, __LINE__, "invalid char in name: %c", '/');
        return NULL;
    }

    if ((uuid = virConfXPathString("string(./uuid[1])", ctxt))) {
        if (virConfUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "malformed uuid element");
            return NULL;
        }
        def->uuid_specified = true;
    } else {
        virConfUUIDGenerate(def->uuid);
    }

    if ((node = virConfXPathNode("./metadata[1]", ctxt))) {
        xmlDocPtr mdoc = xmlNewDoc(BAD_CAST "1.0");
        xmlNodePtr copy = xmlDocCopyNode(node, mdoc, 1);
        xmlDocSetRootElement(mdoc, copy);
        virConfXMLStripBlanks(copy);
        def->metadata = copy;
    }

    if ((ipv6 = virConfXMLProp(root, "ipv6"))) {
        if (strcmp(ipv6, "yes") == 0) {
            def->enableIPv6 = true;
        } else if (strcmp(ipv6, "no") != 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid ipv6 setting '%s' in network '%s'",
                           ipv6, def->name);
            return NULL;
        }
    }
    if (virConfXMLPropTristateBool(root, "trustGuestRxFilters", false,
                                   &def->trustGuestRxFilters) < 0)
        return NULL;
    if (virConfXMLPropUInt(root, "connections", 10, false,
                           &def->connections) < 0)
        return NULL;

    /* <domain> */
    if ((node = virConfXPathNode("./domain[1]", ctxt))) {
        def->domain = virConfXMLProp(node, "name");
        if (virConfXMLPropTristateBool(node, "localOnly", false,
                                       &def->domainLocalOnly) < 0)
            return NULL;
    }

    if ((node = virConfXPathNode("./dns[1]", ctxt)) &&
        virNetworkDNSParse(def->name, node, &def->dns) < 0)
        return NULL;

    if ((node = virConfXPathNode("./virtualport[1]", ctxt)) &&
        !(def->virtPortProfile = virNetworkVirtualPortParse(node, true)))
        return NULL;

    n = virConfXPathNodeSet("./portgroup", ctxt, &nodes);
    if (n > 0) {
        def->portGroups = g_new0(virNetworkPortGroupDef, n);
        for (i = 0; i < n; i++) {
            def->nportGroups++;
            if (virNetworkPortGroupParse(nodes[i], &def->portGroups[i]) < 0)
                return NULL;
        }
    }
    g_clear_pointer(&nodes, g_free);

    if ((node = virConfXPathNode("./bandwidth[1]", ctxt)) &&
        virNetworkBandwidthParse(node, &def->bandwidth) < 0)
        return NULL;

    if ((node = virConfXPathNode("./vlan[1]", ctxt)) &&
        virNetworkVlanParse(node, &def->vlan) < 0)
        return NULL;

    if ((node = virConfXPathNode("./port[1]", ctxt)) &&
        virConfXMLPropTristateBool(node, "isolated", false,
                                   &def->isolatedPort) < 0)
        return NULL;

    /* <bridge> */
    def->stp = true;
    if ((node = virConfXPathNode("./bridge[1]", ctxt))) {
        def->bridge = virConfXMLProp(node, "name");
        def->bridgeZone = virConfXMLProp(node, "zone");
        stp = virConfXMLProp(node, "stp");
        delay = virConfXMLProp(node, "delay");
        macTable = virConfXMLProp(node, "macTableManager");
        bridgeOptions = stp || delay || def->bridgeZone;
        def->stp = !(stp && strcmp(stp, "off") == 0);
        if (delay) {
            unsigned long long d;
            if (virConfStrToULongLong(delay, 10, &d) < 0 ||
                d > G_MAXULONG) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Invalid delay value in network '%s'",
                               def->name);
                return NULL;
            }
            def->delay = d;
        }
        if (macTable) {
            int m = virConfEnumFromString(macTableManagers, macTable);
            if (m <= 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Invalid macTableManager setting '%s' "
                               "in network '%s'", macTable, def->name);
                return NULL;
            }
            def->macTableManager = m;
        }
    }

    if ((mac = virConfXPathString("string(./mac[1]/@address)", ctxt))) {
        if (virConfMacParse(mac, def->mac) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid bridge mac address '%s' in network '%s'",
                           mac, def->name);
            return NULL;
        }
        if (def->mac[0] & 1) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid multicast bridge mac address '%s' in "
                           "network '%s'", mac, def->name);
            return NULL;
        }
        def->mac_specified = true;
    }

    if ((mtu = virConfXPathString("string(./mtu/@size)", ctxt)) &&
        virConfStrToUInt(mtu, 10, &def->mtu) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid mtu size '%s' in network '%s'",
                       mtu, def->name);
        return NULL;
    }

    n = virConfXPathNodeSet("./ip", ctxt, &nodes);
    if (n > 0) {
        def->ips = g_new0(virNetworkIPDef, n);
        for (i = 0; i < n; i++) {
            def->nips++;
            if (virNetworkIPDefParse(def->name, nodes[i], &def->ips[i]) < 0)
                return NULL;
        }
    }
    g_clear_pointer(&nodes, g_free);

    n = virConfXPathNodeSet("./route", ctxt, &nodes);
    if (n > 0) {
        def->routes = g_new0(virNetworkRouteDef, n);
        for (i = 0; i < n; i++) {
            def->nroutes++;
            if (virNetworkRouteParse(def->name, nodes[i],
                                     &def->routes[i]) < 0)
                return NULL;
        }
    }
    g_clear_pointer(&nodes, g_free);

    if ((node = virConfXPathNode("./forward[1]", ctxt)) &&
        virNetworkForwardParse(def->name, node, &def->forward) < 0)
        return NULL;

    /* what each forward mode allows */
    switch (def->forward.type) {
    case VIR_NETWORK_FORWARD_NAT:
    case VIR_NETWORK_FORWARD_ROUTE:
        if (def->nips == 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s forwarding requested, but no IP address "
                           "provided for network '%s'",
                           forwardTypes[def->forward.type], def->name);
            return NULL;
        }
        G_GNUC_FALLTHROUGH;
    case VIR_NETWORK_FORWARD_OPEN:
    case VIR_NETWORK_FORWARD_NONE:
        if (def->forward.nifs > 1) {
            virReportError(VIR_ERR_XML_ERROR,
                           "multiple forwarding interfaces specified "
                           "for network '%s', only one is supported",
                           def->name);
            return NULL;
        }
        break;

    case VIR_NETWORK_FORWARD_PRIVATE:
    case VIR_NETWORK_FORWARD_VEPA:
    case VIR_NETWORK_FORWARD_PASSTHROUGH:
    case VIR_NETWORK_FORWARD_HOSTDEV:
        if (def->bridge) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge name not allowed in %s mode (network '%s')",
                           forwardTypes[def->forward.type], def->name);
            return NULL;
        }
        if (def->macTableManager) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge macTableManager setting not allowed "
                           "in %s mode (network '%s')",
                           forwardTypes[def->forward.type], def->name);
            return NULL;
        }
        G_GNUC_FALLTHROUGH;
    case VIR_NETWORK_FORWARD_BRIDGE:
        if (def->forward.type == VIR_NETWORK_FORWARD_BRIDGE &&
            def->bridge && def->forward.nifs > 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "A network with forward mode='%s' can specify "
                           "a bridge name or a forward dev, but not "
                           "both (network '%s')",
                           forwardTypes[def->forward.type], def->name);
            return NULL;
        }
        if (bridgeOptions) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge delay/stp/zone options only allowed in "
                           "route, nat, and isolated mode, not in %s "
                           "(network '%s')",
                           forwardTypes[def->forward.type], def->name);
            return NULL;
        }
        if (def->mtu) {
            virReportError(VIR_ERR_XML_ERROR,
                           "mtu size only allowed in open, route, nat, "
                           "and isolated mode, not in %s (network '%s')",
                           forwardTypes[def->forward.type], def->name);
            return NULL;
        }
        break;
    }

    return g_steal_pointer(&def);
}


virNetworkDef *
virNetworkDefParseNode(xmlDocPtr xml, xmlNodePtr root, unsigned int flags)
{
    xmlXPathContextPtr ctxt;
    virNetworkDef *def;

    (void)flags;
    if (!xmlStrEqual(root->name, BAD_CAST "network")) {
        virReportErrorFull(VIR_FROM_XML, VIR_ERR_XML_ERROR, __FILE__,
                           __func__, __LINE__,
                           "expecting root element of '%s', not '%s'",
                           "network", (const char *)root->name);
        return NULL;
    }
    if (!(ctxt = xmlXPathNewContext(xml)))
        return NULL;
    ctxt->node = root;
    def = virNetworkDefParseXML(ctxt);
    xmlXPathFreeContext(ctxt);
    return def;
}


static virNetworkDef *
virNetworkDefParse(const char *xmlStr, const char *filename,
                   unsigned int flags)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr xml;
    virNetworkDef *def;

    (void)flags;
    if (!(xml = virConfXMLParse(filename, xmlStr, "(network_definition)",
                                "network", &ctxt, VIR_FROM_THIS)))
        return NULL;
    def = virNetworkDefParseXML(ctxt);
    virConfXMLFree(xml, ctxt);
    return def;
}


virNetworkDef *
virNetworkDefParseString(const char *xml, unsigned int flags)
{
    return virNetworkDefParse(xml, NULL, flags);
}


virNetworkDef *
virNetworkDefParseFile(const char *filename, unsigned int flags)
{
    return virNetworkDefParse(NULL, filename, flags);
}


static void
virNetworkIPDefFormat(virConfBuf *buf, const virNetworkIPDef *ip)
{
    g_autofree char *addr = virConfIPAddrFormat(&ip->address);
    size_t i;

    virConfBufAdd(buf, "<ip");
    if (ip->family)
        g_string_append_printf(buf->str, " family='%s'", ip->family);
    if (addr)
        g_string_append_printf(buf->str, " address='%s'", addr);
    if (virConfIPAddrIsSet(&ip->netmask)) {
        g_autofree char *m = virConfIPAddrFormat(&ip->netmask);
        g_string_append_printf(buf->str, " netmask='%s'", m);
    }
    if (ip->prefix > 0)
        g_string_append_printf(buf->str, " prefix='%u'", ip->prefix);
    if (ip->localPtr)
        g_string_append_printf(buf->str, " localPtr='%s'",
                               virConfTristateBoolToString(ip->localPtr));
    g_string_append(buf->str, ">\n");
    virConfBufAdjustIndent(buf, 2);

    if (ip->tftproot)
        virConfBufEscape(buf, "<tftp root='%s'/>\n", ip->tftproot);

    if (ip->nranges || ip->nhosts) {
        virConfBufAdd(buf, "<dhcp>\n");
        virConfBufAdjustIndent(buf, 2);
        for (i = 0; i < ip->nranges; i++) {
            const virNetworkDHCPRange *r = &ip->ranges[i];
            g_autofree char *s = virConfIPAddrFormat(&r->start);
            g_autofree char *e = virConfIPAddrFormat(&r->end);

            virConfBufAdd(buf, "<range start='%s' end='%s'", s, e);
            if (r->lease) {
                g_string_append(buf->str, ">\n");
                virConfBufAdjustIndent(buf, 2);
                virNetworkLeaseFormat(buf, r->lease);
                virConfBufAdjustIndent(buf, -2);
                virConfBufAdd(buf, "</range>\n");
            } else {
                g_string_append(buf->str, "/>\n");
            }
        }
        for (i = 0; i < ip->nhosts; i++) {
            const virNetworkDHCPHost *h = &ip->hosts[i];
            g_autofree char *a = virConfIPAddrFormat(&h->ip);

            virConfBufAdd(buf, "<host");
            if (h->mac)
                virConfBufEscape(buf, " mac='%s'", h->mac);
            if (h->id)
                virConfBufEscape(buf, " id='%s'", h->id);
            if (h->name)
                virConfBufEscape(buf, " name='%s'", h->name);
            if (a)
                g_string_append_printf(buf->str, " ip='%s'", a);
            if (h->lease) {
                g_string_append(buf->str, ">\n");
                virConfBufAdjustIndent(buf, 2);
                virNetworkLeaseFormat(buf, h->lease);
                virConfBufAdjustIndent(buf, -2);
                virConfBufAdd(buf, "</host>\n");
            } else {
                g_string_append(buf->str, "/>\n");
            }
        }
        if (ip->bootfile) {
            virConfBufEscape(buf, "<bootp file='%s'", ip->bootfile);
            if (virConfIPAddrIsSet(&ip->bootserver)) {
                g_autofree char *s = virConfIPAddrFormat(&ip->bootserver);
                g_string_append_printf(buf->str, " server='%s'", s);
            }
            g_string_append(buf->str, "/>\n");
        }
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</dhcp>\n");
    }

    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</ip>\n");
}


static void
virNetworkRouteFormat(virConfBuf *buf, const virNetworkRouteDef *r)
{
    g_autofree char *addr = virConfIPAddrFormat(&r->address);
    g_autofree char *gw = virConfIPAddrFormat(&r->gateway);

    virConfBufAdd(buf, "<route");
    if (r->family)
        g_string_append_printf(buf->str, " family='%s'", r->family);
    g_string_append_printf(buf->str, " address='%s'", addr);
    if (virConfIPAddrIsSet(&r->netmask)) {
        g_autofree char *m = virConfIPAddrFormat(&r->netmask);
        g_string_append_printf(buf->str, " netmask='%s'", m);
    }
    if (r->has_prefix)
        g_string_append_printf(buf->str, " prefix='%u'", r->prefix);
    g_string_append_printf(buf->str, " gateway='%s'", gw);
    if (r->has_metric)
        g_string_append_printf(buf->str, " metric='%u'", r->metric);
    g_string_append(buf->str, "/>\n");
}


char *
virNetworkDefFormat(const virNetworkDef *def, unsigned int flags)
{
    virConfBuf buf;
    char uuid[VIR_CONF_UUID_STRLEN];
    size_t i;

    (void)flags;
    virConfBufInit(&buf, 0);

    virConfBufAdd(&buf, "<network");
    if (def->enableIPv6)
        g_string_append(buf.str, " ipv6='yes'");
    if (def->trustGuestRxFilters)
        g_string_append_printf(buf.str, " trustGuestRxFilters='%s'",
                               virConfTristateBoolToString(def->trustGuestRxFilters));
    g_string_append(buf.str, ">\n");
    virConfBufAdjustIndent(&buf, 2);

    virConfBufEscape(&buf, "<name>%s</name>\n", def->name);
    virConfUUIDFormat(def->uuid, uuid);
    virConfBufAdd(&buf, "<uuid>%s</uuid>\n", uuid);

    if (def->metadata)
        virConfBufXMLNode(&buf, def->metadata);

    virNetworkForwardFormat(&buf, &def->forward);

    if (isRoutedMode(def->forward.type)) {
        virConfBufAdd(&buf, "<bridge");
        if (def->bridge)
            virConfBufEscape(&buf, " name='%s'", def->bridge);
        if (def->bridgeZone)
            virConfBufEscape(&buf, " zone='%s'", def->bridgeZone);
        g_string_append_printf(buf.str, " stp='%s' delay='%lu'",
                               def->stp ? "on" : "off", def->delay);
        if (def->macTableManager)
            g_string_append_printf(buf.str, " macTableManager='%s'",
                                   macTableManagers[def->macTableManager]);
        g_string_append(buf.str, "/>\n");
    } else if (def->forward.type == VIR_NETWORK_FORWARD_BRIDGE &&
               (def->bridge || def->macTableManager)) {
        virConfBufAdd(&buf, "<bridge");
        if (def->bridge)
            virConfBufEscape(&buf, " name='%s'", def->bridge);
        if (def->macTableManager)
            g_string_append_printf(buf.str, " macTableManager='%s'",
                                   macTableManagers[def->macTableManager]);
        g_string_append(buf.str, "/>\n");
    }

    if (def->mtu)
        virConfBufAdd(&buf, "<mtu size='%u'/>\n", def->mtu);

    if (def->mac_specified) {
        char mac[VIR_CONF_MAC_STRLEN];
        virConfMacFormat(def->mac, mac);
        virConfBufAdd(&buf, "<mac address='%s'/>\n", mac);
    }

    if (def->domain) {
        virConfBufEscape(&buf, "<domain name='%s'", def->domain);
        if (def->domainLocalOnly)
            g_string_append_printf(buf.str, " localOnly='%s'",
                                   virConfTristateBoolToString(def->domainLocalOnly));
        g_string_append(buf.str, "/>\n");
    }

    virNetworkDNSFormat(&buf, &def->dns);
    virNetworkVlanFormat(&buf, &def->vlan);
    virNetworkBandwidthFormat(&buf, def->bandwidth);

    if (def->isolatedPort)
        virConfBufAdd(&buf, "<port isolated='%s'/>\n",
                      virConfTristateBoolToString(def->isolatedPort));

    for (i = 0; i < def->nips; i++)
        virNetworkIPDefFormat(&buf, &def->ips[i]);
    for (i = 0; i < def->nroutes; i++)
        virNetworkRouteFormat(&buf, &def->routes[i]);

    if (def->virtPortProfile)
        virNetworkVirtualPortFormat(&buf, def->virtPortProfile);

    for (i = 0; i < def->nportGroups; i++) {
        const virNetworkPortGroupDef *pg = &def->portGroups[i];

        virConfBufEscape(&buf, "<portgroup name='%s'", pg->name);
        if (pg->isDefault)
            g_string_append(buf.str, " default='yes'");
        if (pg->trustGuestRxFilters)
            g_string_append_printf(buf.str, " trustGuestRxFilters='%s'",
                                   virConfTristateBoolToString(pg->trustGuestRxFilters));
        g_string_append(buf.str, ">\n");
        virConfBufAdjustIndent(&buf, 2);
        virNetworkVlanFormat(&buf, &pg->vlan);
        if (pg->virtPortProfile)
            virNetworkVirtualPortFormat(&buf, pg->virtPortProfile);
        virNetworkBandwidthFormat(&buf, pg->bandwidth);
        virConfBufAdjustIndent(&buf, -2);
        virConfBufAdd(&buf, "</portgroup>\n");
    }

    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</network>\n");
    return virConfBufSteal(&buf);
}


/* ---- virNetworkUpdate: one element of one section ---- */

/* libvirt prints a missing value in these messages as "(null)" */
#define UPDATE_NULLSTR(s) ((s) ? (s) : "(null)")

/* virNetworkUpdateCommand */
enum {
    UPDATE_MODIFY = 1,
    UPDATE_DELETE = 2,
    UPDATE_ADD_LAST = 3,
    UPDATE_ADD_FIRST = 4,
};

/* virNetworkUpdateSection, as libvirt names them in its messages */
static const char *const updateSections[] = {
    NULL, "bridge", "domain", "ip", "ip dhcp host", "ip dhcp range",
    "forward", "forward interface", "forward pf", "portgroup", "dns host",
    "dns txt", "dns srv",
};


static int
updateCheckName(const virNetworkDef *def, xmlNodePtr node, const char *want)
{
    if (!xmlStrEqual(node->name, BAD_CAST want)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unexpected element <%s>, expecting <%s>, while "
                       "updating network '%s'",
                       (const char *)node->name, want, def->name);
        return -1;
    }
    return 0;
}


static int
updateBadCommand(unsigned int command)
{
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                   "unrecognized network update command code %u", command);
    return -1;
}


static int
updateNoModify(const char *what)
{
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                   "%s cannot be modified, only added or deleted", what);
    return -1;
}


/* Put @elem (of @size bytes) first or last in the array *@array of *@n. */
static void
updateInsert(void **array, size_t *n, size_t size, const void *elem,
             bool first)
{
    char *a = g_realloc(*array, (*n + 1) * size);

    if (first) {
        memmove(a + size, a, *n * size);
        memcpy(a, elem, size);
    } else {
        memcpy(a + *n * size, elem, size);
    }
    (*n)++;
    *array = a;
}


static void
updateRemove(void *array, size_t *n, size_t size, size_t idx)
{
    char *a = array;

    memmove(a + idx * size, a + (idx + 1) * size, (*n - idx - 1) * size);
    (*n)--;
}


static bool
updateIPEqual(const virConfIPAddr *a, const virConfIPAddr *b)
{
    return a->family == b->family && virConfIPAddrCompare(a, b) == 0;
}


/* A detached copy of @node under a new parent element @wrapper, so that
 * the parsers of whole sections can read one element. */
static xmlNodePtr
updateWrap(xmlNodePtr node, const char *wrapper)
{
    xmlNodePtr parent = xmlNewNode(NULL, BAD_CAST wrapper);

    xmlAddChild(parent, xmlCopyNode(node, 1));
    return parent;
}


/* The <ip> an update of DHCP data applies to: the one at @parentIndex, or
 * else the first one that already has DHCP data, or else the first IPv4. */
static virNetworkIPDef *
updateFindIP(virNetworkDef *def, int parentIndex)
{
    size_t i;

    if (parentIndex >= 0) {
        if ((size_t)parentIndex < def->nips)
            return &def->ips[parentIndex];
    } else {
        for (i = 0; i < def->nips; i++) {
            if (def->ips[i].nranges || def->ips[i].nhosts)
                return &def->ips[i];
        }
        for (i = 0; i < def->nips; i++) {
            if (virConfIPAddrIsV4(&def->ips[i].address))
                return &def->ips[i];
        }
    }
    if (parentIndex >= 0)
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "couldn't update dhcp host entry - no <ip> element "
                       "found at index %d in network '%s'",
                       parentIndex, def->name);
    else
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "couldn't update dhcp host entry - no <ip> element "
                       "found in network '%s'", def->name);
    return NULL;
}


static void
updateDHCPHostClear(virNetworkDHCPHost *host)
{
    g_free(host->mac);
    g_free(host->id);
    g_free(host->name);
    g_free(host->lease);
    memset(host, 0, sizeof(*host));
}


static int
updateDHCPHost(virNetworkDef *def, unsigned int command, int parentIndex,
               xmlNodePtr node)
{
    virNetworkDHCPHost host = { 0 };
    virNetworkIPDef *ipdef;
    size_t i;
    int ret = -1;

    if (!(ipdef = updateFindIP(def, parentIndex)) ||
        updateCheckName(def, node, "host") < 0)
        return -1;
    if (virNetworkDHCPHostParse(def->name, ipdef, node, &host,
                                command == UPDATE_DELETE) < 0)
        goto cleanup;
    if (command != UPDATE_DELETE && virConfIPAddrIsSet(&host.ip) &&
        host.ip.family != ipdef->address.family) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "the address family of a host entry IP must match "
                       "the address family of the dhcp element's parent");
        goto cleanup;
    }

    if (command == UPDATE_MODIFY) {
        /* the entry with the same MAC (or DUID), name or address */
        for (i = 0; i < ipdef->nhosts; i++) {
            virNetworkDHCPHost *h = &ipdef->hosts[i];
            if ((host.mac && h->mac && g_ascii_strcasecmp(host.mac, h->mac) == 0) ||
                (host.id && h->id && strcmp(host.id, h->id) == 0) ||
                (host.name && g_strcmp0(host.name, h->name) == 0) ||
                updateIPEqual(&host.ip, &h->ip))
                break;
        }
        if (i == ipdef->nhosts) {
            g_autofree char *ip = virConfIPAddrFormat(&host.ip);
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate an existing dhcp host entry with "
                           "\"mac='%s'\" \"name='%s'\" \"ip='%s'\" in network '%s'",
                           host.mac ? host.mac : "unknown",
                           UPDATE_NULLSTR(host.name), UPDATE_NULLSTR(ip),
                           def->name);
            goto cleanup;
        }
        updateDHCPHostClear(&ipdef->hosts[i]);
        ipdef->hosts[i] = host;
        memset(&host, 0, sizeof(host));

    } else if (command == UPDATE_ADD_FIRST || command == UPDATE_ADD_LAST) {
        /* any shared MAC, DUID, name or address is a clash */
        for (i = 0; i < ipdef->nhosts; i++) {
            virNetworkDHCPHost *h = &ipdef->hosts[i];
            if ((host.mac && h->mac && g_ascii_strcasecmp(host.mac, h->mac) == 0) ||
                (host.id && h->id && strcmp(host.id, h->id) == 0) ||
                (host.name && g_strcmp0(host.name, h->name) == 0) ||
                updateIPEqual(&host.ip, &h->ip)) {
                g_autofree char *ip = virConfIPAddrFormat(&host.ip);
                virReportError(VIR_ERR_OPERATION_INVALID,
                               "there is an existing dhcp host entry in "
                               "network '%s' that matches \"<host mac='%s' "
                               "name='%s' ip='%s'/>\"", def->name,
                               host.mac ? host.mac : "unknown",
                               UPDATE_NULLSTR(host.name), UPDATE_NULLSTR(ip));
                goto cleanup;
            }
        }
        updateInsert((void **)&ipdef->hosts, &ipdef->nhosts, sizeof(host),
                     &host, command == UPDATE_ADD_FIRST);
        memset(&host, 0, sizeof(host));

    } else if (command == UPDATE_DELETE) {
        /* every attribute given must match */
        for (i = 0; i < ipdef->nhosts; i++) {
            virNetworkDHCPHost *h = &ipdef->hosts[i];
            if ((!host.mac || (h->mac && g_ascii_strcasecmp(host.mac, h->mac) == 0)) &&
                (!host.id || g_strcmp0(host.id, h->id) == 0) &&
                (!host.name || g_strcmp0(host.name, h->name) == 0) &&
                (!virConfIPAddrIsSet(&host.ip) || updateIPEqual(&host.ip, &h->ip)))
                break;
        }
        if (i == ipdef->nhosts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching dhcp host entry in "
                           "network '%s'", def->name);
            goto cleanup;
        }
        updateDHCPHostClear(&ipdef->hosts[i]);
        updateRemove(ipdef->hosts, &ipdef->nhosts, sizeof(host), i);

    } else {
        updateBadCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    updateDHCPHostClear(&host);
    return ret;
}


static int
updateDHCPRange(virNetworkDef *def, unsigned int command, int parentIndex,
                xmlNodePtr node)
{
    virNetworkIPDef tmp = { 0 };
    virNetworkDHCPRange range;
    virNetworkIPDef *ipdef;
    xmlNodePtr wrapper;
    size_t i;
    int rc;

    if (!(ipdef = updateFindIP(def, parentIndex)) ||
        updateCheckName(def, node, "range") < 0)
        return -1;
    if (command == UPDATE_MODIFY)
        return updateNoModify("dhcp ranges");

    /* parsed as the only range of a copy of the <ip>, so that it is
     * checked against that network */
    tmp.address = ipdef->address;
    tmp.prefix = ipdef->prefix;
    tmp.netmask = ipdef->netmask;
    wrapper = updateWrap(node, "dhcp");
    rc = virNetworkDHCPParse(def->name, &tmp, wrapper);
    xmlFreeNode(wrapper);
    if (rc < 0 || tmp.nranges != 1) {
        virNetworkIPDefClear(&tmp);
        return -1;
    }
    range = tmp.ranges[0];
    tmp.ranges[0].lease = NULL;
    virNetworkIPDefClear(&tmp);

    for (i = 0; i < ipdef->nranges; i++) {
        if (updateIPEqual(&range.start, &ipdef->ranges[i].start) &&
            updateIPEqual(&range.end, &ipdef->ranges[i].end))
            break;
    }

    if (command == UPDATE_ADD_FIRST || command == UPDATE_ADD_LAST) {
        if (i < ipdef->nranges) {
            g_autofree char *s = virConfIPAddrFormat(&range.start);
            g_autofree char *e = virConfIPAddrFormat(&range.end);
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing dhcp range entry in network "
                           "'%s' that matches \"<range start='%s' end='%s'/>\"",
                           def->name, s, e);
            g_free(range.lease);
            return -1;
        }
        updateInsert((void **)&ipdef->ranges, &ipdef->nranges, sizeof(range),
                     &range, command == UPDATE_ADD_FIRST);
        return 0;
    }
    g_free(range.lease);
    if (command == UPDATE_DELETE) {
        if (i == ipdef->nranges) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching dhcp range entry in "
                           "network '%s'", def->name);
            return -1;
        }
        g_free(ipdef->ranges[i].lease);
        updateRemove(ipdef->ranges, &ipdef->nranges, sizeof(range), i);
        return 0;
    }
    return updateBadCommand(command);
}


static int
updateForwardInterface(virNetworkDef *def, unsigned int command,
                       xmlNodePtr node)
{
    virNetworkForwardDef *fwd = &def->forward;
    g_autofree char *dev = NULL;
    size_t i;

    if (updateCheckName(def, node, "interface") < 0)
        return -1;
    if (command == UPDATE_MODIFY)
        return updateNoModify("forward interface entries");
    if (!(dev = virConfXMLProp(node, "dev"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing dev attribute in <interface> element");
        return -1;
    }

    for (i = 0; i < fwd->nifs; i++) {
        if (!fwd->ifs[i].isPCI && g_strcmp0(fwd->ifs[i].dev, dev) == 0)
            break;
    }

    if (command == UPDATE_ADD_FIRST || command == UPDATE_ADD_LAST) {
        virNetworkForwardIf fi = { 0 };

        if (i < fwd->nifs) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing interface entry in network "
                           "'%s' that matches \"<interface dev='%s'>\"",
                           def->name, dev);
            return -1;
        }
        if (isRoutedMode(fwd->type) && fwd->nifs > 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "multiple forwarding interfaces specified for "
                           "network '%s', only one is supported", def->name);
            return -1;
        }
        fi.dev = g_steal_pointer(&dev);
        updateInsert((void **)&fwd->ifs, &fwd->nifs, sizeof(fi), &fi,
                     command == UPDATE_ADD_FIRST);
        return 0;
    }
    if (command == UPDATE_DELETE) {
        if (i == fwd->nifs) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't find an interface entry in network '%s' "
                           "matching <interface dev='%s'>", def->name, dev);
            return -1;
        }
        g_free(fwd->ifs[i].dev);
        updateRemove(fwd->ifs, &fwd->nifs, sizeof(fwd->ifs[0]), i);
        return 0;
    }
    return updateBadCommand(command);
}


static void
updatePortGroupClear(virNetworkPortGroupDef *pg)
{
    g_free(pg->name);
    virNetworkVirtualPortFree(pg->virtPortProfile);
    virNetworkBandwidthFree(pg->bandwidth);
    virNetworkVlanClear(&pg->vlan);
    memset(pg, 0, sizeof(*pg));
}


static int
updatePortGroup(virNetworkDef *def, unsigned int command, xmlNodePtr node)
{
    virNetworkPortGroupDef pg = { 0 };
    ssize_t found = -1, dflt = -1;
    size_t i;
    int ret = -1;

    if (updateCheckName(def, node, "portgroup") < 0)
        return -1;
    if (virNetworkPortGroupParse(node, &pg) < 0)
        goto cleanup;

    for (i = 0; i < def->nportGroups; i++) {
        if (strcmp(def->portGroups[i].name, pg.name) == 0)
            found = i;
        if (def->portGroups[i].isDefault)
            dflt = i;
    }

    if (command == UPDATE_MODIFY || command == UPDATE_DELETE) {
        if (found < 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't find a portgroup entry in network '%s' "
                           "matching <portgroup name='%s'>", def->name, pg.name);
            goto cleanup;
        }
    } else if (command == UPDATE_ADD_FIRST || command == UPDATE_ADD_LAST) {
        if (found >= 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing portgroup entry in network "
                           "'%s' that matches \"<portgroup name='%s'>\"",
                           def->name, pg.name);
            goto cleanup;
        }
    } else {
        updateBadCommand(command);
        goto cleanup;
    }
    if (command != UPDATE_DELETE && pg.isDefault && dflt >= 0 && dflt != found) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "a different portgroup entry in network '%s' is already "
                       "set as the default. Only one default is allowed.",
                       def->name);
        goto cleanup;
    }

    if (command == UPDATE_MODIFY) {
        updatePortGroupClear(&def->portGroups[found]);
        def->portGroups[found] = pg;
        memset(&pg, 0, sizeof(pg));
    } else if (command == UPDATE_DELETE) {
        updatePortGroupClear(&def->portGroups[found]);
        updateRemove(def->portGroups, &def->nportGroups, sizeof(pg), found);
    } else {
        updateInsert((void **)&def->portGroups, &def->nportGroups, sizeof(pg),
                     &pg, command == UPDATE_ADD_FIRST);
        memset(&pg, 0, sizeof(pg));
    }
    ret = 0;

 cleanup:
    updatePortGroupClear(&pg);
    return ret;
}


static void
updateDNSHostClear(virNetworkDNSHost *host)
{
    size_t i;

    for (i = 0; i < host->nnames; i++)
        g_free(host->names[i]);
    g_free(host->names);
    memset(host, 0, sizeof(*host));
}


/* Whether @a and @b share a host name. */
static bool
updateDNSHostShareName(const virNetworkDNSHost *a, const virNetworkDNSHost *b)
{
    size_t i, j;

    for (i = 0; i < a->nnames; i++) {
        for (j = 0; j < b->nnames; j++) {
            if (strcmp(a->names[i], b->names[j]) == 0)
                return true;
        }
    }
    return false;
}


static int
updateDNSHost(virNetworkDef *def, unsigned int command, xmlNodePtr node)
{
    virNetworkDNSDef *dns = &def->dns;
    virNetworkDNSHost host = { 0 };
    g_autofree char *ip = NULL;
    bool partial = command != UPDATE_ADD_FIRST && command != UPDATE_ADD_LAST;
    size_t matches = 0, idx = 0;
    xmlNodePtr cur;
    size_t i;
    int ret = -1;

    if (updateCheckName(def, node, "host") < 0)
        return -1;
    if (command == UPDATE_MODIFY)
        return updateNoModify("DNS HOST records");
    /* like a <dns> <host>; a host to delete may leave out anything */
    for (cur = node->children; cur; cur = cur->next) {
        g_autofree char *name = NULL;
        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "hostname"))
            continue;
        if (!(name = virConfXMLContent(cur)) || !*name) {
            if (partial)
                continue;
            virReportError(VIR_ERR_XML_DETAIL,
                           "Missing hostname in network '%s' DNS HOST record",
                           def->name);
            goto cleanup;
        }
        host.names = g_renew(char *, host.names, host.nnames + 1);
        host.names[host.nnames++] = g_steal_pointer(&name);
    }
    if (!(ip = virConfXMLProp(node, "ip")) && !partial) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing IP address in network '%s' DNS HOST record",
                       def->name);
        goto cleanup;
    }
    if (ip && virConfIPAddrParse(ip, AF_UNSPEC, &host.ip) < 0) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Invalid IP address in network '%s' DNS HOST record",
                       def->name);
        goto cleanup;
    }
    if (host.nnames == 0 && !partial) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing hostname in network '%s' DNS HOST record",
                       def->name);
        goto cleanup;
    }

    if (command == UPDATE_ADD_FIRST || command == UPDATE_ADD_LAST) {
        /* a new record clashes by its address only */
        for (i = 0; i < dns->nhosts; i++) {
            if (updateIPEqual(&host.ip, &dns->hosts[i].ip)) {
                virReportError(VIR_ERR_OPERATION_INVALID,
                               "there is already at least one DNS HOST record "
                               "with a matching field in network %s", def->name);
                goto cleanup;
            }
        }
        updateInsert((void **)&dns->hosts, &dns->nhosts, sizeof(host), &host,
                     command == UPDATE_ADD_FIRST);
        memset(&host, 0, sizeof(host));
    } else if (command == UPDATE_DELETE) {
        /* the record to delete shares the address or a name */
        for (i = 0; i < dns->nhosts; i++) {
            if ((virConfIPAddrIsSet(&host.ip) &&
                 updateIPEqual(&host.ip, &dns->hosts[i].ip)) ||
                updateDNSHostShareName(&host, &dns->hosts[i])) {
                matches++;
                idx = i;
            }
        }
        if (matches == 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching DNS HOST record in "
                           "network %s", def->name);
            goto cleanup;
        }
        if (matches > 1) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "multiple matching DNS HOST records were found in "
                           "network %s", def->name);
            goto cleanup;
        }
        updateDNSHostClear(&dns->hosts[idx]);
        updateRemove(dns->hosts, &dns->nhosts, sizeof(host), idx);
    } else {
        updateBadCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    updateDNSHostClear(&host);
    return ret;
}


/* One <txt> or <srv>, parsed as the only record of a <dns>. */
static int
updateParseDNS(virNetworkDef *def, xmlNodePtr node, virNetworkDNSDef *tmp)
{
    xmlNodePtr wrapper = updateWrap(node, "dns");
    int rc = virNetworkDNSParse(def->name, wrapper, tmp);

    xmlFreeNode(wrapper);
    return rc;
}


static int
updateDNSTxt(virNetworkDef *def, unsigned int command, xmlNodePtr node)
{
    virNetworkDNSDef *dns = &def->dns;
    virNetworkDNSDef tmp = { 0 };
    virNetworkDNSTxt txt;
    size_t i;
    int ret = -1;

    if (updateCheckName(def, node, "txt") < 0)
        return -1;
    if (command == UPDATE_MODIFY)
        return updateNoModify("DNS TXT records");
    if (updateParseDNS(def, node, &tmp) < 0 || tmp.ntxts != 1)
        goto cleanup;
    txt = tmp.txts[0];
    for (i = 0; i < dns->ntxts; i++) {
        if (strcmp(dns->txts[i].name, txt.name) == 0)
            break;
    }
    if (command == UPDATE_ADD_FIRST || command == UPDATE_ADD_LAST) {
        if (i < dns->ntxts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already a DNS TXT record with name '%s' "
                           "in network %s", txt.name, def->name);
            goto cleanup;
        }
        updateInsert((void **)&dns->txts, &dns->ntxts, sizeof(txt), &txt,
                     command == UPDATE_ADD_FIRST);
        tmp.ntxts = 0;
    } else if (command == UPDATE_DELETE) {
        if (i == dns->ntxts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching DNS TXT record in "
                           "network %s", def->name);
            goto cleanup;
        }
        g_free(dns->txts[i].name);
        g_free(dns->txts[i].value);
        updateRemove(dns->txts, &dns->ntxts, sizeof(txt), i);
    } else {
        updateBadCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    virNetworkDNSDefClear(&tmp);
    return ret;
}


/* Every attribute @want gives equals @have's. */
static bool
updateSrvMatch(const virNetworkDNSSrv *want, const virNetworkDNSSrv *have)
{
    return g_strcmp0(want->service, have->service) == 0 &&
           (!want->protocol || g_strcmp0(want->protocol, have->protocol) == 0) &&
           (!want->domain || g_strcmp0(want->domain, have->domain) == 0) &&
           (!want->target || g_strcmp0(want->target, have->target) == 0) &&
           (!want->port || want->port == have->port) &&
           (!want->priority || want->priority == have->priority) &&
           (!want->weight || want->weight == have->weight);
}


static int
updateDNSSrv(virNetworkDef *def, unsigned int command, xmlNodePtr node)
{
    virNetworkDNSDef *dns = &def->dns;
    virNetworkDNSDef tmp = { 0 };
    virNetworkDNSSrv srv;
    size_t i, matches = 0, idx = 0;
    int ret = -1;

    if (updateCheckName(def, node, "srv") < 0)
        return -1;
    if (command == UPDATE_MODIFY)
        return updateNoModify("DNS SRV records");
    if (command != UPDATE_ADD_FIRST && command != UPDATE_ADD_LAST &&
        !xmlHasProp(node, BAD_CAST "protocol")) {
        /* only a new record needs the protocol: parse the others with a
         * stand-in, then match any */
        xmlNodePtr wrapper = updateWrap(node, "dns");
        int rc;

        xmlSetProp(wrapper->children, BAD_CAST "protocol", BAD_CAST "any");
        rc = virNetworkDNSParse(def->name, wrapper, &tmp);
        xmlFreeNode(wrapper);
        if (rc < 0 || tmp.nsrvs != 1)
            goto cleanup;
        g_clear_pointer(&tmp.srvs[0].protocol, g_free);
    } else if (updateParseDNS(def, node, &tmp) < 0 || tmp.nsrvs != 1) {
        goto cleanup;
    }
    srv = tmp.srvs[0];
    for (i = 0; i < dns->nsrvs; i++) {
        if (updateSrvMatch(&srv, &dns->srvs[i])) {
            matches++;
            idx = i;
        }
    }
    if (command == UPDATE_ADD_FIRST || command == UPDATE_ADD_LAST) {
        if (matches) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already at least one DNS SRV record "
                           "matching all specified fields in network %s",
                           def->name);
            goto cleanup;
        }
        updateInsert((void **)&dns->srvs, &dns->nsrvs, sizeof(srv), &srv,
                     command == UPDATE_ADD_FIRST);
        tmp.nsrvs = 0;
    } else if (command == UPDATE_DELETE) {
        if (matches == 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching DNS SRV record in "
                           "network %s", def->name);
            goto cleanup;
        }
        if (matches > 1) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "multiple DNS SRV records matching all specified "
                           "fields were found in network %s", def->name);
            goto cleanup;
        }
        g_free(dns->srvs[idx].service);
        g_free(dns->srvs[idx].protocol);
        g_free(dns->srvs[idx].domain);
        g_free(dns->srvs[idx].target);
        updateRemove(dns->srvs, &dns->nsrvs, sizeof(srv), idx);
    } else {
        updateBadCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    virNetworkDNSDefClear(&tmp);
    return ret;
}


int
virNetworkDefUpdateSection(virNetworkDef *def, unsigned int command,
                           unsigned int section, int parentIndex,
                           const char *xml)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr doc;
    xmlNodePtr node;
    int ret = -1;

    if (!(doc = virConfXMLParse(NULL, xml, "network_update_xml", NULL,
                                &ctxt, VIR_FROM_THIS)))
        return -1;
    node = xmlDocGetRootElement(doc);

    switch (section) {
    case 4: /* ip-dhcp-host */
        ret = updateDHCPHost(def, command, parentIndex, node);
        break;
    case 5: /* ip-dhcp-range */
        ret = updateDHCPRange(def, command, parentIndex, node);
        break;
    case 7: /* forward-interface */
        ret = updateForwardInterface(def, command, node);
        break;
    case 9: /* portgroup */
        ret = updatePortGroup(def, command, node);
        break;
    case 10: /* dns-host */
        ret = updateDNSHost(def, command, node);
        break;
    case 11: /* dns-txt */
        ret = updateDNSTxt(def, command, node);
        break;
    case 12: /* dns-srv */
        ret = updateDNSSrv(def, command, node);
        break;
    case 1: /* bridge, domain, ip, forward, forward pf: whole-network */
    case 2: /* settings, libvirt changes them only by redefining */
    case 3:
    case 6:
    case 8:
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                       "can't update '%s' section of network '%s'",
                       updateSections[section], def->name);
        break;
    default:
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "can't update unrecognized section of network");
        break;
    }
    virConfXMLFree(doc, ctxt);
    return ret;
}
