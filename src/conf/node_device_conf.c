/* node_device_conf.c: parse and format node device XML (basic set).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "conf/node_device_conf.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

static const char * const capTypes[] = {
    "system", "pci", "usb_device", "usb", "net", "scsi_host", "scsi_target",
    "scsi", "storage", "fc_host", "vports", "scsi_generic", "drm",
    "mdev_types", "mdev", "ccw", "css", "vdpa", "ap_card", "ap_queue",
    "ap_matrix", "vpd", NULL
};


const char *
virNodeDevCapTypeToString(int type)
{
    if (type < 0 || type >= VIR_NODE_DEV_CAP_LAST)
        return NULL;
    return capTypes[type];
}


int
virNodeDevCapTypeFromString(const char *str)
{
    return virConfEnumFromString(capTypes, str);
}


static void
virNodeDevCapsDefFree(virNodeDevCapsDef *cap)
{
    size_t i;

    switch (cap->type) {
    case VIR_NODE_DEV_CAP_SYSTEM: {
        virNodeDevCapSystem *s = &cap->data.system;
        g_free(s->product);
        g_free(s->hwVendor);
        g_free(s->hwVersion);
        g_free(s->hwSerial);
        g_free(s->fwVendor);
        g_free(s->fwVersion);
        g_free(s->fwReleaseDate);
        break;
    }
    case VIR_NODE_DEV_CAP_NET: {
        virNodeDevCapNet *n = &cap->data.net;
        g_free(n->ifname);
        g_free(n->address);
        g_free(n->linkState);
        for (i = 0; i < n->nfeatures; i++)
            g_free(n->features[i]);
        g_free(n->features);
        g_free(n->subtype);
        break;
    }
    case VIR_NODE_DEV_CAP_SCSI_HOST:
        g_free(cap->data.scsiHost.wwnn);
        g_free(cap->data.scsiHost.wwpn);
        g_free(cap->data.scsiHost.fabricWWN);
        break;
    case VIR_NODE_DEV_CAP_PCI_DEV:
        g_free(cap->data.pci.productName);
        g_free(cap->data.pci.vendorName);
        break;
    case VIR_NODE_DEV_CAP_USB_DEV:
        g_free(cap->data.usb.productName);
        g_free(cap->data.usb.vendorName);
        break;
    case VIR_NODE_DEV_CAP_STORAGE: {
        virNodeDevCapStorage *s = &cap->data.storage;
        g_free(s->block);
        g_free(s->bus);
        g_free(s->driveType);
        g_free(s->model);
        g_free(s->vendor);
        g_free(s->serial);
        break;
    }
    }
    g_free(cap);
}


void
virNodeDeviceDefFree(virNodeDeviceDef *def)
{
    virNodeDevCapsDef *cap;

    if (!def)
        return;
    while ((cap = def->caps)) {
        def->caps = cap->next;
        virNodeDevCapsDefFree(cap);
    }
    g_free(def->name);
    g_free(def->sysfs_path);
    g_free(def->parent);
    g_free(def);
}


/* ---- parsing ---- */

/* Text of the child element `name` of the context node, or NULL. */
static char *
childText(xmlXPathContextPtr ctxt, const char *xpath)
{
    g_autofree char *xp = g_strdup_printf("string(%s)", xpath);
    return virConfXPathString(xp, ctxt);
}


static int
childUInt(xmlXPathContextPtr ctxt, const char *xpath, int base,
          unsigned int *val)
{
    g_autofree char *s = childText(ctxt, xpath);

    if (!s || virConfStrToUInt(s, base, val) < 0)
        return -1;
    return 0;
}


static int
parseSystem(xmlXPathContextPtr ctxt, const char *devName,
            virNodeDevCapSystem *s, bool create)
{
    g_autofree char *uuid = NULL;

    s->product = childText(ctxt, "./product[1]");
    s->hwVendor = childText(ctxt, "./hardware/vendor[1]");
    s->hwVersion = childText(ctxt, "./hardware/version[1]");
    s->hwSerial = childText(ctxt, "./hardware/serial[1]");
    if ((uuid = childText(ctxt, "./hardware/uuid[1]"))) {
        if (virConfUUIDParse(uuid, s->hwUUID) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "malformed uuid element for '%s'", devName);
            return -1;
        }
        s->hwUUIDSet = true;
    } else if (create) {
        /* nothing could fill it in for a device being created */
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no system UUID supplied for '%s'", devName);
        return -1;
    }
    s->fwVendor = childText(ctxt, "./firmware/vendor[1]");
    s->fwVersion = childText(ctxt, "./firmware/version[1]");
    s->fwReleaseDate = childText(ctxt, "./firmware/release_date[1]");
    return 0;
}


static int
parseNet(xmlXPathContextPtr ctxt, const char *devName, virNodeDevCapNet *n)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *speed = NULL;
    xmlNodePtr link;
    int count, i;

    if (!(n->ifname = childText(ctxt, "./interface[1]"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no network interface supplied for '%s'", devName);
        return -1;
    }
    n->address = childText(ctxt, "./address[1]");
    if ((link = virConfXPathNode("./link[1]", ctxt))) {
        n->linkState = virConfXMLProp(link, "state");
        if ((speed = virConfXMLProp(link, "speed")) &&
            virConfStrToUInt(speed, 10, &n->linkSpeed) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Unable to parse link speed: %s", speed);
            return -1;
        }
        if (!n->linkState)
            n->linkState = g_strdup("unknown");
    }
    count = virConfXPathNodeSet("./feature", ctxt, &nodes);
    for (i = 0; i < count; i++) {
        g_autofree char *name = virConfXMLProp(nodes[i], "name");
        if (!name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing network device feature name");
            return -1;
        }
        n->features = g_renew(char *, n->features, n->nfeatures + 1);
        n->features[n->nfeatures++] = g_steal_pointer(&name);
    }
    n->subtype = virConfXPathString("string(./capability/@type)", ctxt);
    return 0;
}


static int
parseSCSIHost(xmlXPathContextPtr ctxt, const char *devName,
              virNodeDevCapSCSIHost *h, bool create)
{
    g_autofree char *uid = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    int count, i;

    /* a vHBA being created gets its host number from the kernel */
    if (childUInt(ctxt, "./host[1]", 10, &h->host) < 0 &&
        !(create && !virConfXPathNode("./host[1]", ctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid SCSI host ID supplied for '%s'", devName);
        return -1;
    }
    h->uniqueId = -1;
    if ((uid = childText(ctxt, "./unique_id[1]")) &&
        virConfStrToInt(uid, 10, &h->uniqueId) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid unique_id supplied for '%s'", devName);
        return -1;
    }

    count = virConfXPathNodeSet("./capability", ctxt, &nodes);
    for (i = 0; i < count; i++) {
        g_autofree char *type = virConfXMLProp(nodes[i], "type");
        xmlNodePtr saved = ctxt->node;

        ctxt->node = nodes[i];
        if (type && strcmp(type, "fc_host") == 0) {
            h->fcHost = true;
            /* A repeated capability replaces the earlier one. */
            g_free(h->wwnn);
            g_free(h->wwpn);
            g_free(h->fabricWWN);
            h->wwnn = childText(ctxt, "./wwnn[1]");
            h->wwpn = childText(ctxt, "./wwpn[1]");
            h->fabricWWN = childText(ctxt, "./fabric_wwn[1]");
            if (create && (!h->wwnn || !h->wwpn)) {
                /* nothing could make the missing one up */
                ctxt->node = saved;
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "no %s supplied for '%s', and auto-generation failed",
                               !h->wwnn ? "WWNN" : "WWPN", devName);
                return -1;
            }
        } else if (type && strcmp(type, "vport_ops") == 0) {
            h->vportOps = true;
            childUInt(ctxt, "./max_vports[1]", 10, &h->maxVports);
            childUInt(ctxt, "./vports[1]", 10, &h->vports);
        } else {
            ctxt->node = saved;
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown SCSI host capability type '%s' for '%s'",
                           type ? type : "", devName);
            return -1;
        }
        ctxt->node = saved;
    }
    return 0;
}


static int
parseIdName(xmlXPathContextPtr ctxt, const char *elem, const char *devName,
            unsigned int *id, char **name)
{
    g_autofree char *xp = g_strdup_printf("./%s[1]", elem);
    g_autofree char *idstr = NULL;
    xmlNodePtr node = virConfXPathNode(xp, ctxt);

    if (!node)
        return 0;
    if ((idstr = virConfXMLProp(node, "id")) &&
        virConfStrToUInt(idstr, 16, id) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid %s ID supplied for '%s'", elem, devName);
        return -1;
    }
    *name = virConfXMLContent(node);
    if (*name && !**name)
        g_clear_pointer(name, g_free);
    return 0;
}


static int
parsePCI(xmlXPathContextPtr ctxt, const char *devName, virNodeDevCapPCI *p)
{
    if (childUInt(ctxt, "./domain[1]", 10, &p->domain) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid PCI domain ID supplied for '%s'", devName);
        return -1;
    }
    if (childUInt(ctxt, "./bus[1]", 10, &p->bus) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid PCI bus ID supplied for '%s'", devName);
        return -1;
    }
    if (childUInt(ctxt, "./slot[1]", 10, &p->slot) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid PCI slot ID supplied for '%s'", devName);
        return -1;
    }
    if (childUInt(ctxt, "./function[1]", 10, &p->function) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid PCI function ID supplied for '%s'", devName);
        return -1;
    }
    if (parseIdName(ctxt, "product", devName, &p->productId,
                    &p->productName) < 0 ||
        parseIdName(ctxt, "vendor", devName, &p->vendorId,
                    &p->vendorName) < 0)
        return -1;
    return 0;
}


static int
parseUSB(xmlXPathContextPtr ctxt, const char *devName, virNodeDevCapUSB *u)
{
    if (childUInt(ctxt, "./bus[1]", 10, &u->bus) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid USB bus number supplied for '%s'", devName);
        return -1;
    }
    if (childUInt(ctxt, "./device[1]", 10, &u->device) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid USB device number supplied for '%s'", devName);
        return -1;
    }
    if (parseIdName(ctxt, "product", devName, &u->productId,
                    &u->productName) < 0 ||
        parseIdName(ctxt, "vendor", devName, &u->vendorId,
                    &u->vendorName) < 0)
        return -1;
    return 0;
}


static int
parseStorage(xmlXPathContextPtr ctxt, const char *devName,
             virNodeDevCapStorage *s)
{
    g_autofree char *size = NULL;

    if (!(s->block = childText(ctxt, "./block[1]"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no block device path supplied for '%s'", devName);
        return -1;
    }
    s->bus = childText(ctxt, "./bus[1]");
    s->driveType = childText(ctxt, "./drive_type[1]");
    s->model = childText(ctxt, "./model[1]");
    s->vendor = childText(ctxt, "./vendor[1]");
    s->serial = childText(ctxt, "./serial[1]");
    if ((size = childText(ctxt, "./size[1]")) &&
        virConfStrToULongLong(size, 10, &s->size) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid size supplied for '%s'", devName);
        return -1;
    }
    return 0;
}


static virNodeDevCapsDef *
parseCap(xmlXPathContextPtr ctxt, xmlNodePtr node, const char *devName,
         bool create)
{
    virNodeDevCapsDef *cap = g_new0(virNodeDevCapsDef, 1);
    xmlNodePtr saved = ctxt->node;
    int rc = -1;

    if (virConfXMLPropEnum(node, "type", virNodeDevCapTypeFromString,
                           true, false, &cap->type) < 0) {
        g_free(cap);
        return NULL;
    }
    ctxt->node = node;
    switch (cap->type) {
    case VIR_NODE_DEV_CAP_SYSTEM:
        rc = parseSystem(ctxt, devName, &cap->data.system, create);
        break;
    case VIR_NODE_DEV_CAP_NET:
        rc = parseNet(ctxt, devName, &cap->data.net);
        break;
    case VIR_NODE_DEV_CAP_SCSI_HOST:
        rc = parseSCSIHost(ctxt, devName, &cap->data.scsiHost, create);
        break;
    case VIR_NODE_DEV_CAP_PCI_DEV:
        rc = parsePCI(ctxt, devName, &cap->data.pci);
        break;
    case VIR_NODE_DEV_CAP_USB_DEV:
        rc = parseUSB(ctxt, devName, &cap->data.usb);
        break;
    case VIR_NODE_DEV_CAP_STORAGE:
        rc = parseStorage(ctxt, devName, &cap->data.storage);
        break;
    default:
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "capability type '%s' is not supported yet",
                       capTypes[cap->type]);
        break;
    }
    ctxt->node = saved;
    if (rc < 0) {
        virNodeDevCapsDefFree(cap);
        return NULL;
    }
    return cap;
}


static virNodeDeviceDef *
virNodeDeviceDefParseXML(xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autoptr(virNodeDeviceDef) def = g_new0(virNodeDeviceDef, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    virNodeDevCapsDef **tail = &def->caps;
    bool create = flags & VIR_NODE_DEVICE_PARSE_CREATE;
    int n, i;

    /* the host names a created device; until then it has this name */
    if (create)
        def->name = g_strdup("new device");
    else if (!(def->name = virConfXPathString("string(./name[1])", ctxt))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return NULL;
    }
    def->sysfs_path = virConfXPathString("string(./path[1])", ctxt);
    def->parent = virConfXPathString("string(./parent[1])", ctxt);

    n = virConfXPathNodeSet("./capability", ctxt, &nodes);
    if (n <= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no device capabilities for '%s'", def->name);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        virNodeDevCapsDef *cap = parseCap(ctxt, nodes[i], def->name, create);
        if (!cap)
            return NULL;
        *tail = cap;
        tail = &cap->next;
    }
    return g_steal_pointer(&def);
}


virNodeDeviceDef *
virNodeDeviceDefParseNode(xmlDocPtr xml, xmlNodePtr root, unsigned int flags)
{
    xmlXPathContextPtr ctxt;
    virNodeDeviceDef *def;

    if (!xmlStrEqual(root->name, BAD_CAST "device")) {
        virReportErrorFull(VIR_FROM_XML, VIR_ERR_XML_ERROR, __FILE__,
                           __func__, __LINE__,
                           "expecting root element of '%s', not '%s'",
                           "device", (const char *)root->name);
        return NULL;
    }
    if (!(ctxt = xmlXPathNewContext(xml)))
        return NULL;
    ctxt->node = root;
    def = virNodeDeviceDefParseXML(ctxt, flags);
    xmlXPathFreeContext(ctxt);
    return def;
}


static virNodeDeviceDef *
virNodeDeviceDefParse(const char *xmlStr, const char *filename,
                      unsigned int flags)
{
    xmlXPathContextPtr ctxt = NULL;
    xmlDocPtr xml;
    virNodeDeviceDef *def;

    if (!(xml = virConfXMLParse(filename, xmlStr, "(node_device_definition)",
                                "device", &ctxt, VIR_FROM_THIS)))
        return NULL;
    def = virNodeDeviceDefParseXML(ctxt, flags);
    virConfXMLFree(xml, ctxt);
    return def;
}


virNodeDeviceDef *
virNodeDeviceDefParseString(const char *xml, unsigned int flags)
{
    return virNodeDeviceDefParse(xml, NULL, flags);
}


virNodeDeviceDef *
virNodeDeviceDefParseFile(const char *filename, unsigned int flags)
{
    return virNodeDeviceDefParse(NULL, filename, flags);
}


/* ---- formatting ---- */

static void
addText(virConfBuf *buf, const char *elem, const char *val)
{
    g_autofree char *fmt = NULL;

    if (!val)
        return;
    fmt = g_strdup_printf("<%s>%%s</%s>\n", elem, elem);
    virConfBufEscape(buf, fmt, val);
}


static void
formatIdName(virConfBuf *buf, const char *elem, unsigned int id,
             const char *name)
{
    virConfBufAdd(buf, "<%s id='0x%04x'", elem, id);
    if (name) {
        g_autofree char *fmt = g_strdup_printf(">%%s</%s>\n", elem);
        virConfBufEscape(buf, fmt, name);
    } else {
        g_string_append(buf->str, "/>\n");
    }
}


static void
formatCap(virConfBuf *buf, const virNodeDevCapsDef *cap)
{
    size_t i;

    virConfBufAdd(buf, "<capability type='%s'>\n", capTypes[cap->type]);
    virConfBufAdjustIndent(buf, 2);

    switch (cap->type) {
    case VIR_NODE_DEV_CAP_SYSTEM: {
        const virNodeDevCapSystem *s = &cap->data.system;
        addText(buf, "product", s->product);
        virConfBufAdd(buf, "<hardware>\n");
        virConfBufAdjustIndent(buf, 2);
        addText(buf, "vendor", s->hwVendor);
        addText(buf, "version", s->hwVersion);
        addText(buf, "serial", s->hwSerial);
        if (s->hwUUIDSet) {
            char uuid[VIR_CONF_UUID_STRLEN];
            virConfUUIDFormat(s->hwUUID, uuid);
            virConfBufAdd(buf, "<uuid>%s</uuid>\n", uuid);
        }
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</hardware>\n");
        virConfBufAdd(buf, "<firmware>\n");
        virConfBufAdjustIndent(buf, 2);
        addText(buf, "vendor", s->fwVendor);
        addText(buf, "version", s->fwVersion);
        addText(buf, "release_date", s->fwReleaseDate);
        virConfBufAdjustIndent(buf, -2);
        virConfBufAdd(buf, "</firmware>\n");
        break;
    }
    case VIR_NODE_DEV_CAP_NET: {
        const virNodeDevCapNet *n = &cap->data.net;
        addText(buf, "interface", n->ifname);
        addText(buf, "address", n->address);
        if (n->linkState) {
            virConfBufAdd(buf, "<link");
            if (n->linkSpeed)
                g_string_append_printf(buf->str, " speed='%u'", n->linkSpeed);
            virConfBufEscape(buf, " state='%s'/>\n", n->linkState);
        }
        for (i = 0; i < n->nfeatures; i++)
            virConfBufEscape(buf, "<feature name='%s'/>\n", n->features[i]);
        if (n->subtype)
            virConfBufEscape(buf, "<capability type='%s'/>\n", n->subtype);
        break;
    }
    case VIR_NODE_DEV_CAP_SCSI_HOST: {
        const virNodeDevCapSCSIHost *h = &cap->data.scsiHost;
        virConfBufAdd(buf, "<host>%u</host>\n", h->host);
        if (h->uniqueId != -1)
            virConfBufAdd(buf, "<unique_id>%d</unique_id>\n", h->uniqueId);
        if (h->fcHost) {
            virConfBufAdd(buf, "<capability type='fc_host'>\n");
            virConfBufAdjustIndent(buf, 2);
            addText(buf, "wwnn", h->wwnn);
            addText(buf, "wwpn", h->wwpn);
            addText(buf, "fabric_wwn", h->fabricWWN);
            virConfBufAdjustIndent(buf, -2);
            virConfBufAdd(buf, "</capability>\n");
        }
        if (h->vportOps) {
            virConfBufAdd(buf, "<capability type='vport_ops'>\n");
            virConfBufAdjustIndent(buf, 2);
            virConfBufAdd(buf, "<max_vports>%u</max_vports>\n", h->maxVports);
            virConfBufAdd(buf, "<vports>%u</vports>\n", h->vports);
            virConfBufAdjustIndent(buf, -2);
            virConfBufAdd(buf, "</capability>\n");
        }
        break;
    }
    case VIR_NODE_DEV_CAP_PCI_DEV: {
        const virNodeDevCapPCI *p = &cap->data.pci;
        virConfBufAdd(buf, "<domain>%u</domain>\n", p->domain);
        virConfBufAdd(buf, "<bus>%u</bus>\n", p->bus);
        virConfBufAdd(buf, "<slot>%u</slot>\n", p->slot);
        virConfBufAdd(buf, "<function>%u</function>\n", p->function);
        formatIdName(buf, "product", p->productId, p->productName);
        formatIdName(buf, "vendor", p->vendorId, p->vendorName);
        break;
    }
    case VIR_NODE_DEV_CAP_USB_DEV: {
        const virNodeDevCapUSB *u = &cap->data.usb;
        virConfBufAdd(buf, "<bus>%u</bus>\n", u->bus);
        virConfBufAdd(buf, "<device>%u</device>\n", u->device);
        formatIdName(buf, "product", u->productId, u->productName);
        formatIdName(buf, "vendor", u->vendorId, u->vendorName);
        break;
    }
    case VIR_NODE_DEV_CAP_STORAGE: {
        const virNodeDevCapStorage *s = &cap->data.storage;
        addText(buf, "block", s->block);
        addText(buf, "bus", s->bus);
        addText(buf, "drive_type", s->driveType);
        addText(buf, "model", s->model);
        addText(buf, "vendor", s->vendor);
        addText(buf, "serial", s->serial);
        virConfBufAdd(buf, "<size>%llu</size>\n", s->size);
        break;
    }
    }

    virConfBufAdjustIndent(buf, -2);
    virConfBufAdd(buf, "</capability>\n");
}


char *
virNodeDeviceDefFormat(const virNodeDeviceDef *def)
{
    virConfBuf buf;
    const virNodeDevCapsDef *cap;

    virConfBufInit(&buf, 0);
    virConfBufAdd(&buf, "<device>\n");
    virConfBufAdjustIndent(&buf, 2);
    virConfBufEscape(&buf, "<name>%s</name>\n", def->name);
    if (def->sysfs_path)
        virConfBufEscape(&buf, "<path>%s</path>\n", def->sysfs_path);
    if (def->parent)
        virConfBufEscape(&buf, "<parent>%s</parent>\n", def->parent);
    for (cap = def->caps; cap; cap = cap->next)
        formatCap(&buf, cap);
    virConfBufAdjustIndent(&buf, -2);
    virConfBufAdd(&buf, "</device>\n");
    return virConfBufSteal(&buf);
}
