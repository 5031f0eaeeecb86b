/* domain_conf_devices.c: parse and format the children of <devices>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each device kind has a FooParse (element -> struct) and a FooFormat
 * (struct -> XML at a given indent level).  Element and attribute order in
 * the output follows libvirt 9.0's, which is what clients compare against.
 */
#include <config.h>

#include <string.h>

#include "conf/domain_conf_priv.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

#define virReportXMLError(code, ...) \
    virReportErrorFull(VIR_FROM_XML, code, __FILE__, __func__, __LINE__, \
                       __VA_ARGS__)

VIR_DOMAIN_ENUM_IMPL(virDomainDeviceAddress,
                     "none", "pci", "drive", "virtio-serial", "ccid", "usb",
                     "spapr-vio", "virtio-s390", "ccw", "virtio-mmio", "isa",
                     "dimm", "unassigned")

VIR_DOMAIN_ENUM_IMPL(virStorage,
                     "none", "file", "block", "dir", "network", "volume",
                     "nvme", "vhostuser")

VIR_DOMAIN_ENUM_IMPL(virDomainDiskDevice, "disk", "cdrom", "floppy", "lun")

VIR_DOMAIN_ENUM_IMPL(virDomainDiskBus,
                     "none", "ide", "fdc", "scsi", "virtio", "xen", "usb",
                     "uml", "sata", "sd")

VIR_DOMAIN_ENUM_IMPL(virStorageNetProtocol,
                     "none", "nbd", "rbd", "sheepdog", "gluster", "iscsi",
                     "http", "https", "ftp", "ftps", "tftp", "ssh", "vxhs",
                     "nfs")

VIR_DOMAIN_ENUM_IMPL(virStorageNetHostTransport, "tcp", "unix", "rdma")

VIR_DOMAIN_ENUM_IMPL(virDomainController,
                     "ide", "fdc", "scsi", "sata", "virtio-serial", "ccid",
                     "usb", "pci", "xenbus", "isa")

VIR_DOMAIN_ENUM_IMPL(virDomainNet,
                     "user", "ethernet", "vhostuser", "server", "client",
                     "mcast", "network", "bridge", "internal", "direct",
                     "hostdev", "udp", "vdpa", "null", "vds")

VIR_DOMAIN_ENUM_IMPL(virDomainChrDevice,
                     "parallel", "serial", "console", "channel")

VIR_DOMAIN_ENUM_IMPL(virDomainChr,
                     "null", "vc", "pty", "dev", "file", "pipe", "stdio",
                     "udp", "tcp", "unix", "spicevmc", "spiceport", "nmdm",
                     "qemu-vdagent", "dbus")

VIR_DOMAIN_ENUM_IMPL(virDomainChrTcpProtocol, "raw", "telnet", "telnets", "tls")

VIR_DOMAIN_ENUM_IMPL(virDomainInput,
                     "mouse", "tablet", "keyboard", "passthrough", "evdev")

VIR_DOMAIN_ENUM_IMPL(virDomainInputBus,
                     "default", "ps2", "usb", "xen", "parallels", "virtio",
                     "none")

VIR_DOMAIN_ENUM_IMPL(virDomainGraphics,
                     "sdl", "vnc", "rdp", "desktop", "spice", "egl-headless",
                     "dbus")

VIR_DOMAIN_ENUM_IMPL(virDomainGraphicsListen,
                     "none", "address", "network", "socket")

VIR_DOMAIN_ENUM_IMPL(virDomainVideo,
                     "default", "vga", "cirrus", "vmvga", "xen", "vbox", "qxl",
                     "parallels", "virtio", "gop", "none", "bochs", "ramfb")

VIR_DOMAIN_ENUM_IMPL(virDomainSoundModel,
                     "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb",
                     "ich7")

VIR_DOMAIN_ENUM_IMPL(virDomainHostdevSubsys,
                     "usb", "pci", "scsi", "scsi_host", "mdev")

VIR_DOMAIN_ENUM_IMPL(virDomainMemballoonModel,
                     "virtio", "xen", "none", "virtio-transitional",
                     "virtio-non-transitional")

VIR_DOMAIN_ENUM_IMPL(virDomainRNGBackend, "random", "egd", "builtin")

static const char *const virDomainStartupPolicies[] = {
    "default", "mandatory", "requisite", "optional", NULL };
static const char *const virDomainChannelTargetTypes[] = {
    "none", "guestfwd", "virtio", "xen", NULL };
static const char *const virDomainConsoleTargetTypes[] = {
    "none", "serial", "xen", "uml", "virtio", "lxc", "openvz", "sclp",
    "sclplm", NULL };
static const char *const virDomainSerialTargetTypes[] = {
    "none", "isa-serial", "usb-serial", "pci-serial", "spapr-vio-serial",
    "system-serial", "sclp-serial", "isa-debug", NULL };
static const char *const virDomainSerialTargetModels[] = {
    "none", "isa-serial", "usb-serial", "pci-serial", "spapr-vty", "pl011",
    "sclpconsole", "sclplmconsole", "16550a", "isa-debugcon", NULL };
static const char *const virDomainSoundCodecs[] = {
    "duplex", "micro", "output", NULL };
static const char *const virDomainWatchdogModels[] = {
    "i6300esb", "ib700", "diag288", "itco", NULL };
static const char *const virDomainWatchdogActions[] = {
    "reset", "shutdown", "poweroff", "pause", "dump", "none", "inject-nmi",
    NULL };
static const char *const virDomainRNGModels[] = {
    "virtio", "virtio-transitional", "virtio-non-transitional", NULL };
static const char *const virDomainPanicModels[] = {
    "default", "isa", "pseries", "hyperv", "s390", "pvpanic", NULL };
static const char *const virDomainNetMacTypes[] = {
    "default", "generated", "static", NULL };
static const char *const virDomainLinkStates[] = {
    "default", "up", "down", NULL };
static const char *const virDomainDirectModes[] = {
    "vepa", "private", "bridge", "passthrough", NULL };
static const char *const virDomainDiskCacheModes[] = {
    "default", "none", "writethrough", "writeback", "directsync", "unsafe",
    NULL };
static const char *const virDomainDiskErrorPolicies[] = {
    "default", "stop", "report", "ignore", "enospace", NULL };
static const char *const virDomainDiskIOModes[] = {
    "default", "native", "threads", "io_uring", NULL };
static const char *const virDomainDiskDiscards[] = {
    "default", "unmap", "ignore", NULL };
static const char *const virDomainDiskDetectZeroes[] = {
    "default", "off", "on", "unmap", NULL };
static const char *const virDomainDiskTrays[] = {
    "closed", "open", NULL };
static const char *const virDomainHostdevCapsTypes[] = {
    "storage", "misc", "net", NULL };
static const char *const virDomainSpiceChildren[] = {
    "channel", "image", "jpeg", "zlib", "playback", "streaming", "mouse",
    "clipboard", "filetransfer", "gl", NULL };

/* Controller models, per controller type */
static const char *const virDomainControllerModelSCSI[] = {
    "auto", "buslogic", "lsilogic", "lsisas1068", "vmpvscsi", "ibmvscsi",
    "virtio-scsi", "lsisas1078", "virtio-transitional",
    "virtio-non-transitional", "ncr53c90", "am53c974", "dc390", NULL };
static const char *const virDomainControllerModelUSB[] = {
    "piix3-uhci", "piix4-uhci", "ich9-ehci1", "ich9-uhci1", "ich9-uhci2",
    "ich9-uhci3", "vt82c686b-uhci", "pci-ohci", "nec-xhci", "qusb1", "qusb2",
    "qemu-xhci", "none", NULL };
static const char *const virDomainControllerModelPCI[] = {
    "pci-root", "pcie-root", "pci-bridge", "dmi-to-pci-bridge",
    "pcie-root-port", "pcie-switch-upstream-port",
    "pcie-switch-downstream-port", "pci-expander-bus", "pcie-expander-bus",
    "pcie-to-pci-bridge", NULL };
static const char *const virDomainControllerModelVirtioSerial[] = {
    "virtio", "virtio-transitional", "virtio-non-transitional", NULL };
static const char *const virDomainControllerModelIDE[] = {
    "piix3", "piix4", "ich6", NULL };
static const char *const virDomainControllerModelISA[] = { NULL };


const char *const *
virDomainControllerModels(int type)
{
    switch ((virDomainControllerType)type) {
    case VIR_DOMAIN_CONTROLLER_TYPE_SCSI: return virDomainControllerModelSCSI;
    case VIR_DOMAIN_CONTROLLER_TYPE_USB: return virDomainControllerModelUSB;
    case VIR_DOMAIN_CONTROLLER_TYPE_PCI: return virDomainControllerModelPCI;
    case VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL:
        return virDomainControllerModelVirtioSerial;
    case VIR_DOMAIN_CONTROLLER_TYPE_IDE: return virDomainControllerModelIDE;
    case VIR_DOMAIN_CONTROLLER_TYPE_ISA: return virDomainControllerModelISA;
    case VIR_DOMAIN_CONTROLLER_TYPE_FDC:
    case VIR_DOMAIN_CONTROLLER_TYPE_SATA:
    case VIR_DOMAIN_CONTROLLER_TYPE_CCID:
    case VIR_DOMAIN_CONTROLLER_TYPE_XENBUS:
    case VIR_DOMAIN_CONTROLLER_TYPE_LAST:
        break;
    }
    return NULL;
}


/* ====================================================================== */
/* Device info: <boot>, <alias>, <address> */

void
virDomainDeviceInfoClear(virDomainDeviceInfo *info)
{
    if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB)
        g_free(info->addr.usb.port);
    g_free(info->alias);
    g_free(info->loadparm);
    g_free(info->romFile);
    memset(info, 0, sizeof(*info));
}


static int
virDomainPCIAddressParse(xmlNodePtr node, virPCIDeviceAddress *addr)
{
    static const struct {
        const char *name;
        unsigned int max;
        const char *maxstr;
    } parts[] = {
        { "domain", 0xFFFFFFFF, NULL },
        { "bus", 0xFF, "0xFF" },
        { "slot", 0x1F, "0x1F" },
        { "function", 0xFF, NULL },
    };
    unsigned int *vals[] = { &addr->domain, &addr->bus, &addr->slot,
                             &addr->function };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(parts); i++) {
        if (virDomXMLPropUInt(node, parts[i].name, 0, false, vals[i]) < 0)
            return -1;
        if (parts[i].maxstr && *vals[i] > parts[i].max) {
            virReportErrorFull(VIR_FROM_NONE, VIR_ERR_XML_ERROR, __FILE__,
                               __func__, __LINE__,
                               "Invalid PCI address %s='0x%x', must be <= %s",
                               parts[i].name, *vals[i], parts[i].maxstr);
            return -1;
        }
    }
    if (virDomXMLPropTristate(node, "multifunction", true,
                              &addr->multifunction) < 0)
        return -1;
    return 0;
}


static void
virDomainPCIAddressFormat(GString *buf, const virPCIDeviceAddress *addr)
{
    g_string_append_printf(buf,
                           " domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%x'",
                           addr->domain, addr->bus, addr->slot, addr->function);
}


static int
virDomainDeviceAddressParse(xmlNodePtr node, virDomainDeviceInfo *info)
{
    g_autofree char *type = virDomXMLProp(node, "type");
    int t;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No type specified for device address");
        return -1;
    }
    t = virDomainDeviceAddressTypeFromString(type);
    if (t <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown address type '%s'",
                       type);
        return -1;
    }
    info->type = t;

    switch ((virDomainDeviceAddressType)t) {
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI:
        return virDomainPCIAddressParse(node, &info->addr.pci);
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE:
        if (virDomXMLPropUInt(node, "controller", 10, false,
                              &info->addr.drive.controller) < 0 ||
            virDomXMLPropUInt(node, "bus", 10, false,
                              &info->addr.drive.bus) < 0 ||
            virDomXMLPropUInt(node, "target", 10, false,
                              &info->addr.drive.target) < 0 ||
            virDomXMLPropUInt(node, "unit", 10, false,
                              &info->addr.drive.unit) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL:
        if (virDomXMLPropUInt(node, "controller", 10, false,
                              &info->addr.vioserial.controller) < 0 ||
            virDomXMLPropUInt(node, "bus", 10, false,
                              &info->addr.vioserial.bus) < 0 ||
            virDomXMLPropUInt(node, "port", 10, false,
                              &info->addr.vioserial.port) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID:
        if (virDomXMLPropUInt(node, "controller", 10, false,
                              &info->addr.ccid.controller) < 0 ||
            virDomXMLPropUInt(node, "slot", 10, false,
                              &info->addr.ccid.slot) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB:
        if (virDomXMLPropUInt(node, "bus", 10, false,
                              &info->addr.usb.bus) < 0)
            return -1;
        info->addr.usb.port = virDomXMLProp(node, "port");
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA: {
        int rc;
        if ((rc = virDomXMLPropUInt(node, "iobase", 0, false,
                                    &info->addr.isa.iobase)) < 0)
            return -1;
        info->addr.isa.has_iobase = rc > 0;
        if ((rc = virDomXMLPropUInt(node, "irq", 0, false,
                                    &info->addr.isa.irq)) < 0)
            return -1;
        info->addr.isa.has_irq = rc > 0;
        return 0;
    }
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST:
        break;
    }
    return 0;
}


int
virDomainDeviceInfoParse(xmlNodePtr node, virDomainDeviceInfo *info,
                         unsigned int flags)
{
    xmlNodePtr cur;

    if ((cur = virDomXMLChild(node, "boot"))) {
        if (virDomXMLPropUInt(cur, "order", 10, true, &info->bootIndex) < 0)
            return -1;
        if (info->bootIndex == 0) {
            virReportXMLError(VIR_ERR_XML_ERROR,
                              "Missing required attribute 'order' in element 'boot'");
            return -1;
        }
        info->loadparm = virDomXMLProp(cur, "loadparm");
    }
    if ((cur = virDomXMLChild(node, "rom"))) {
        if (virDomXMLPropTristate(cur, "bar", true, &info->romBar) < 0 ||
            virDomXMLPropTristate(cur, "enabled", false, &info->romEnabled) < 0)
            return -1;
        info->romFile = virDomXMLProp(cur, "file");
    }
    if ((cur = virDomXMLChild(node, "alias"))) {
        g_autofree char *alias = virDomXMLProp(cur, "name");
        /* only user aliases survive into a definition */
        if (alias && (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) ||
                      g_str_has_prefix(alias, "ua-")))
            info->alias = g_steal_pointer(&alias);
    }
    if ((cur = virDomXMLChild(node, "address")) &&
        virDomainDeviceAddressParse(cur, info) < 0)
        return -1;
    return 0;
}


static void
virDomainDeviceAddressFormat(GString *buf, int level,
                             const virDomainDeviceInfo *info)
{
    if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE)
        return;

    virDomXMLIndent(buf, level);
    g_string_append_printf(buf, "<address type='%s'",
                           virDomainDeviceAddressTypeToString(info->type));
    switch ((virDomainDeviceAddressType)info->type) {
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI: {
        const virPCIDeviceAddress *a = &info->addr.pci;
        if (a->domain || a->bus || a->slot || a->function ||
            a->multifunction) {
            virDomainPCIAddressFormat(buf, a);
            if (a->multifunction)
                virDomXMLAttr(buf, "multifunction",
                              virTristateSwitchTypeToString(a->multifunction));
        }
        break;
    }
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE:
        g_string_append_printf(buf,
                               " controller='%u' bus='%u' target='%u' unit='%u'",
                               info->addr.drive.controller, info->addr.drive.bus,
                               info->addr.drive.target, info->addr.drive.unit);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL:
        g_string_append_printf(buf, " controller='%u' bus='%u' port='%u'",
                               info->addr.vioserial.controller,
                               info->addr.vioserial.bus,
                               info->addr.vioserial.port);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID:
        g_string_append_printf(buf, " controller='%u' slot='%u'",
                               info->addr.ccid.controller,
                               info->addr.ccid.slot);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB:
        g_string_append_printf(buf, " bus='%u'", info->addr.usb.bus);
        virDomXMLAttr(buf, "port", info->addr.usb.port);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA:
        if (info->addr.isa.has_iobase)
            g_string_append_printf(buf, " iobase='0x%x'", info->addr.isa.iobase);
        if (info->addr.isa.has_irq)
            g_string_append_printf(buf, " irq='0x%x'", info->addr.isa.irq);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST:
        break;
    }
    g_string_append(buf, "/>\n");
}


void
virDomainDeviceInfoFormat(GString *buf, int level,
                          const virDomainDeviceInfo *info, unsigned int flags)
{
    if (info->bootIndex) {
        virDomXMLIndent(buf, level);
        g_string_append_printf(buf, "<boot order='%u'", info->bootIndex);
        virDomXMLAttr(buf, "loadparm", info->loadparm);
        g_string_append(buf, "/>\n");
    }
    if (info->alias && (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) ||
                        g_str_has_prefix(info->alias, "ua-"))) {
        virDomXMLIndent(buf, level);
        g_string_append(buf, "<alias");
        virDomXMLAttr(buf, "name", info->alias);
        g_string_append(buf, "/>\n");
    }
    if (info->romBar || info->romEnabled || info->romFile) {
        virDomXMLIndent(buf, level);
        g_string_append(buf, "<rom");
        if (info->romEnabled)
            virDomXMLAttr(buf, "enabled", virTristateBoolTypeToString(info->romEnabled));
        if (info->romBar)
            virDomXMLAttr(buf, "bar", virTristateSwitchTypeToString(info->romBar));
        virDomXMLAttr(buf, "file", info->romFile);
        g_string_append(buf, "/>\n");
    }
    virDomainDeviceAddressFormat(buf, level, info);
}


/* ====================================================================== */
/* Disks */

static void
virStorageSourceFree(virStorageSource *src)
{
    size_t i;

    if (!src)
        return;
    g_free(src->path);
    for (i = 0; i < src->nhosts; i++) {
        g_free(src->hosts[i].name);
        g_free(src->hosts[i].socket);
    }
    g_free(src->hosts);
    g_free(src->volpool);
    g_free(src->volname);
    g_free(src->format);
    if (src->auth) {
        g_free(src->auth->username);
        g_free(src->auth->secrettype);
        g_free(src->auth->secretUUID);
        g_free(src->auth->secretUsage);
        g_free(src->auth);
    }
    virStorageSourceFree(src->backingStore);
    g_free(src->seclabelModel);
    g_free(src);
}


void
virDomainDiskDefFree(virDomainDiskDef *def)
{
    size_t i;

    if (!def)
        return;
    virStorageSourceFree(def->src);
    g_free(def->dst);
    g_free(def->driverName);
    g_free(def->cachemode);
    g_free(def->error_policy);
    g_free(def->rerror_policy);
    g_free(def->iomode);
    g_free(def->discard);
    g_free(def->detect_zeroes);
    for (i = 0; i < def->niotune; i++)
        g_free(def->iotune[i].name);
    g_free(def->iotune);
    g_free(def->iotuneGroup);
    g_free(def->serial);
    g_free(def->wwn);
    g_free(def->vendor);
    g_free(def->product);
    g_free(def->encryptionFormat);
    g_free(def->encryptionSecretType);
    g_free(def->encryptionSecretUUID);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virStorageAuthParse(xmlNodePtr node, virStorageAuthDef **out)
{
    virStorageAuthDef *auth = g_new0(virStorageAuthDef, 1);
    xmlNodePtr secret = virDomXMLChild(node, "secret");

    *out = auth;
    if (!(auth->username = virDomXMLProp(node, "username"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing username for auth");
        return -1;
    }
    if (!secret) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing <secret> element in auth");
        return -1;
    }
    auth->secrettype = virDomXMLProp(secret, "type");
    auth->secretUUID = virDomXMLProp(secret, "uuid");
    auth->secretUsage = virDomXMLProp(secret, "usage");
    if (!auth->secretUUID && !auth->secretUsage) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "either secret uuid or usage expected");
        return -1;
    }
    return 0;
}


static void
virStorageAuthFormat(GString *buf, int level, const virStorageAuthDef *auth)
{
    virDomXMLIndent(buf, level);
    g_string_append(buf, "<auth");
    virDomXMLAttr(buf, "username", auth->username);
    g_string_append(buf, ">\n");
    virDomXMLIndent(buf, level + 1);
    g_string_append(buf, "<secret");
    virDomXMLAttr(buf, "type", auth->secrettype);
    virDomXMLAttr(buf, "uuid", auth->secretUUID);
    virDomXMLAttr(buf, "usage", auth->secretUsage);
    g_string_append(buf, "/>\n");
    virDomXMLIndent(buf, level);
    g_string_append(buf, "</auth>\n");
}


/* The <source> element of a disk or backing store, per storage type. */
static int
virStorageSourceParseSource(xmlNodePtr source, virStorageSource *src)
{
    xmlNodePtr cur;

    src->hasSource = true;
    switch ((virStorageType)src->type) {
    case VIR_STORAGE_TYPE_FILE:
        src->path = virDomXMLProp(source, "file");
        break;
    case VIR_STORAGE_TYPE_BLOCK:
        src->path = virDomXMLProp(source, "dev");
        break;
    case VIR_STORAGE_TYPE_DIR:
        src->path = virDomXMLProp(source, "dir");
        break;
    case VIR_STORAGE_TYPE_NETWORK: {
        g_autofree char *protocol = virDomXMLPropRequired(source, "protocol");
        if (!protocol)
            return -1;
        if ((src->protocol = virStorageNetProtocolTypeFromString(protocol)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown protocol type '%s'", protocol);
            return -1;
        }
        src->path = virDomXMLProp(source, "name");
        for (cur = source->children; cur; cur = cur->next) {
            virStorageNetHostDef host = { 0 };
            g_autofree char *transport = NULL;

            if (cur->type != XML_ELEMENT_NODE ||
                !xmlStrEqual(cur->name, (const xmlChar *)"host"))
                continue;
            if ((transport = virDomXMLProp(cur, "transport"))) {
                host.transport = virStorageNetHostTransportTypeFromString(transport);
                if (host.transport < 0) {
                    virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                                   "unknown protocol transport type '%s'",
                                   transport);
                    return -1;
                }
                host.has_transport = true;
            }
            host.name = virDomXMLProp(cur, "name");
            host.socket = virDomXMLProp(cur, "socket");
            if (virDomXMLPropUInt(cur, "port", 10, false, &host.port) < 0) {
                g_free(host.name);
                g_free(host.socket);
                return -1;
            }
            src->hosts = g_renew(virStorageNetHostDef, src->hosts, src->nhosts + 1);
            src->hosts[src->nhosts++] = host;
        }
        if ((cur = virDomXMLChild(source, "auth"))) {
            if (src->auth) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "an <auth> definition already found for disk source");
                return -1;
            }
            if (virStorageAuthParse(cur, &src->auth) < 0)
                return -1;
        }
        break;
    }
    case VIR_STORAGE_TYPE_VOLUME:
        src->volpool = virDomXMLProp(source, "pool");
        src->volname = virDomXMLProp(source, "volume");
        break;
    case VIR_STORAGE_TYPE_NONE:
    case VIR_STORAGE_TYPE_NVME:
    case VIR_STORAGE_TYPE_VHOST_USER:
    case VIR_STORAGE_TYPE_LAST:
        break;
    }

    if (virDomXMLPropEnum(source, "startupPolicy", virDomainStartupPolicies,
                          true, &src->startupPolicy) < 0)
        return -1;

    if ((cur = virDomXMLChild(source, "seclabel"))) {
        src->seclabelModel = virDomXMLProp(cur, "model");
        if (virDomXMLPropTristate(cur, "relabel", false,
                                  &src->seclabelRelabel) < 0)
            return -1;
    }
    return 0;
}


static int
virStorageSourceParseBacking(xmlNodePtr node, virStorageSource *parent)
{
    xmlNodePtr bs = virDomXMLChild(node, "backingStore");
    g_autofree char *type = NULL;
    virStorageSource *src;
    xmlNodePtr cur;

    if (!bs)
        return 0;
    if (!(type = virDomXMLProp(bs, "type"))) {
        parent->backingStoreRaw = true;
        return 0;
    }
    src = parent->backingStore = g_new0(virStorageSource, 1);
    if ((src->type = virStorageTypeFromString(type)) <= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "unknown disk backing store type '%s'",
                       type);
        return -1;
    }
    if ((cur = virDomXMLChild(bs, "format")))
        src->format = virDomXMLProp(cur, "type");
    if (!(cur = virDomXMLChild(bs, "source"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing disk backing store source");
        return -1;
    }
    if (virStorageSourceParseSource(cur, src) < 0)
        return -1;
    return virStorageSourceParseBacking(bs, src);
}


static int
virDomainDiskParse(virDomainDiskDef *disk, xmlNodePtr node, unsigned int flags)
{
    virStorageSource *src;
    xmlNodePtr cur;
    int type = VIR_STORAGE_TYPE_FILE;
    int device = VIR_DOMAIN_DISK_DEVICE_DISK;

    if (virDomXMLPropEnum(node, "type", virStorageTable, true, &type) < 0 ||
        virDomXMLPropEnum(node, "device", virDomainDiskDeviceTable, false,
                          &device) < 0)
        return -1;
    src = disk->src = g_new0(virStorageSource, 1);
    src->type = type;
    disk->device = device;

    if ((cur = virDomXMLChild(node, "driver"))) {
        disk->driverName = virDomXMLProp(cur, "name");
        src->format = virDomXMLProp(cur, "type");
#define DISK_ENUM(attr, table, field) \
        do { \
            int v_ = 0; \
            if (virDomXMLPropEnum(cur, attr, table, true, &v_) < 0) \
                return -1; \
            if (v_) \
                field = g_strdup(table[v_]); \
        } while (0)
        DISK_ENUM("cache", virDomainDiskCacheModes, disk->cachemode);
        DISK_ENUM("error_policy", virDomainDiskErrorPolicies, disk->error_policy);
        DISK_ENUM("rerror_policy", virDomainDiskErrorPolicies, disk->rerror_policy);
        DISK_ENUM("io", virDomainDiskIOModes, disk->iomode);
        DISK_ENUM("discard", virDomainDiskDiscards, disk->discard);
        DISK_ENUM("detect_zeroes", virDomainDiskDetectZeroes, disk->detect_zeroes);
#undef DISK_ENUM
        if (virDomXMLPropTristate(cur, "ioeventfd", true, &disk->ioeventfd) < 0 ||
            virDomXMLPropTristate(cur, "event_idx", true, &disk->event_idx) < 0 ||
            virDomXMLPropTristate(cur, "copy_on_read", true, &disk->copy_on_read) < 0 ||
            virDomXMLPropUInt(cur, "queues", 10, false, &disk->queues) < 0)
            return -1;
    }

    /* <auth> directly under <disk> is the older spelling */
    if ((cur = virDomXMLChild(node, "auth"))) {
        if (virStorageAuthParse(cur, &src->auth) < 0)
            return -1;
        src->authInherited = true;
    }

    if ((cur = virDomXMLChild(node, "source")) &&
        virStorageSourceParseSource(cur, src) < 0)
        return -1;
    if (src->path && !*src->path)
        g_clear_pointer(&src->path, g_free);
    if (virStorageSourceParseBacking(node, src) < 0)
        return -1;

    if ((cur = virDomXMLChild(node, "target"))) {
        g_autofree char *bus = NULL;
        int tray = -1;

        disk->dst = virDomXMLProp(cur, "dev");
        if ((bus = virDomXMLProp(cur, "bus"))) {
            if ((disk->bus = virDomainDiskBusTypeFromString(bus)) <= 0) {
                virReportXMLError(VIR_ERR_XML_ERROR,
                                  "Invalid value for attribute 'bus' in element 'target': '%s'.",
                                  bus);
                return -1;
            }
        }
        if (virDomXMLPropEnum(cur, "tray", virDomainDiskTrays, false, &tray) < 0 ||
            virDomXMLPropTristate(cur, "removable", true, &disk->removable) < 0)
            return -1;
        disk->tray = tray + 1;
        if (virDomXMLPropInt(cur, "rotation_rate", &disk->rotation_rate) < 0)
            return -1;
    }
    if (!disk->dst) {
        virReportError(VIR_ERR_NO_TARGET, "%s",
                       src->path ? src->path : "(null)");
        return -1;
    }
    if (disk->removable && disk->bus != VIR_DOMAIN_DISK_BUS_USB) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "removable is only valid for usb disks");
        return -1;
    }

    if ((cur = virDomXMLChild(node, "iotune"))) {
        xmlNodePtr t;
        for (t = cur->children; t; t = t->next) {
            g_autofree char *text = NULL;
            unsigned long long v;

            if (t->type != XML_ELEMENT_NODE)
                continue;
            text = virDomXMLText(t);
            if (xmlStrEqual(t->name, BAD_CAST "group_name")) {
                g_free(disk->iotuneGroup);
                disk->iotuneGroup = g_steal_pointer(&text);
                continue;
            }
            if (virDomStrToULLong(text, 10, &v) < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "disk iotune field '%s' must be an integer",
                               (const char *)t->name);
                return -1;
            }
            disk->iotune = g_renew(virDomainDiskIotune, disk->iotune,
                                   disk->niotune + 1);
            disk->iotune[disk->niotune].name = g_strdup((const char *)t->name);
            disk->iotune[disk->niotune++].value = v;
        }
    }

    disk->readonly = virDomXMLChild(node, "readonly") != NULL;
    disk->shared = virDomXMLChild(node, "shareable") != NULL;
    disk->transient = virDomXMLChild(node, "transient") != NULL;
    disk->serial = virDomXMLChildText(node, "serial");
    disk->wwn = virDomXMLChildText(node, "wwn");
    disk->vendor = virDomXMLChildText(node, "vendor");
    disk->product = virDomXMLChildText(node, "product");

    if ((cur = virDomXMLChild(node, "encryption"))) {
        xmlNodePtr secret = virDomXMLChild(cur, "secret");
        disk->encryptionFormat = virDomXMLProp(cur, "format");
        if (secret) {
            disk->encryptionSecretType = virDomXMLProp(secret, "type");
            disk->encryptionSecretUUID = virDomXMLProp(secret, "uuid");
        }
    }

    return virDomainDeviceInfoParse(node, &disk->info, flags);
}


static void
virStorageSourceFormatSource(GString *buf, int level,
                             const virStorageSource *src, bool withAuth)
{
    virDomXMLElem el;
    size_t i;

    virDomXMLElemOpen(&el, buf, level, "source");
    switch ((virStorageType)src->type) {
    case VIR_STORAGE_TYPE_FILE:
        virDomXMLAttr(buf, "file", src->path);
        break;
    case VIR_STORAGE_TYPE_BLOCK:
        virDomXMLAttr(buf, "dev", src->path);
        break;
    case VIR_STORAGE_TYPE_DIR:
        virDomXMLAttr(buf, "dir", src->path);
        break;
    case VIR_STORAGE_TYPE_NETWORK:
        virDomXMLAttr(buf, "protocol",
                      virStorageNetProtocolTypeToString(src->protocol));
        virDomXMLAttr(buf, "name", src->path);
        for (i = 0; i < src->nhosts; i++) {
            const virStorageNetHostDef *h = &src->hosts[i];
            virDomXMLIndent(el.child, level + 1);
            g_string_append(el.child, "<host");
            if (h->transport == VIR_STORAGE_NET_HOST_TRANS_UNIX) {
                virDomXMLAttr(el.child, "transport", "unix");
                virDomXMLAttr(el.child, "socket", h->socket);
            } else {
                virDomXMLAttr(el.child, "name", h->name);
                if (h->port)
                    virDomXMLAttrf(el.child, "port", "%u", h->port);
                if (h->transport != VIR_STORAGE_NET_HOST_TRANS_TCP)
                    virDomXMLAttr(el.child, "transport",
                                  virStorageNetHostTransportTypeToString(h->transport));
            }
            g_string_append(el.child, "/>\n");
        }
        break;
    case VIR_STORAGE_TYPE_VOLUME:
        virDomXMLAttr(buf, "pool", src->volpool);
        virDomXMLAttr(buf, "volume", src->volname);
        break;
    case VIR_STORAGE_TYPE_NONE:
    case VIR_STORAGE_TYPE_NVME:
    case VIR_STORAGE_TYPE_VHOST_USER:
    case VIR_STORAGE_TYPE_LAST:
        break;
    }
    if (src->startupPolicy)
        virDomXMLAttr(buf, "startupPolicy",
                      virDomainStartupPolicies[src->startupPolicy]);
    if (src->seclabelModel || src->seclabelRelabel) {
        virDomXMLIndent(el.child, level + 1);
        g_string_append(el.child, "<seclabel");
        virDomXMLAttr(el.child, "model", src->seclabelModel);
        if (src->seclabelRelabel)
            virDomXMLAttr(el.child, "relabel",
                          virTristateBoolTypeToString(src->seclabelRelabel));
        g_string_append(el.child, "/>\n");
    }
    if (withAuth && src->auth)
        virStorageAuthFormat(el.child, level + 1, src->auth);
    virDomXMLElemClose(&el);
}


static void
virStorageSourceFormatBacking(GString *buf, int level,
                              const virStorageSource *src)
{
    const virStorageSource *bs = src->backingStore;

    if (!bs) {
        if (src->backingStoreRaw) {
            virDomXMLIndent(buf, level);
            g_string_append(buf, "<backingStore/>\n");
        }
        return;
    }
    virDomXMLIndent(buf, level);
    g_string_append_printf(buf, "<backingStore type='%s'>\n",
                           virStorageTypeToString(bs->type));
    if (bs->format) {
        virDomXMLIndent(buf, level + 1);
        g_string_append(buf, "<format");
        virDomXMLAttr(buf, "type", bs->format);
        g_string_append(buf, "/>\n");
    }
    virStorageSourceFormatSource(buf, level + 1, bs, true);
    virStorageSourceFormatBacking(buf, level + 1, bs);
    virDomXMLIndent(buf, level);
    g_string_append(buf, "</backingStore>\n");
}


/* <iotune> children in libvirt's order; group_name sits among them. */
static const char *const virDomainDiskIotuneOrder[] = {
    "total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
    "total_iops_sec", "read_iops_sec", "write_iops_sec",
    "total_bytes_sec_max", "read_bytes_sec_max", "write_bytes_sec_max",
    "total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max",
    "size_iops_sec", "group_name",
    "total_bytes_sec_max_length", "read_bytes_sec_max_length",
    "write_bytes_sec_max_length", "total_iops_sec_max_length",
    "read_iops_sec_max_length", "write_iops_sec_max_length", NULL,
};


/* Like libvirt: zero means unset and is not printed, unknown names go. */
static void
virDomainDiskIotuneFormat(GString *buf, const virDomainDiskDef *disk)
{
    g_autoptr(GString) inner = g_string_new(NULL);
    size_t i, j;

    for (i = 0; virDomainDiskIotuneOrder[i]; i++) {
        const char *name = virDomainDiskIotuneOrder[i];

        if (STREQ(name, "group_name")) {
            if (disk->iotuneGroup) {
                virDomXMLIndent(inner, 4);
                g_string_append(inner, "<group_name>");
                virDomXMLEscape(inner, disk->iotuneGroup);
                g_string_append(inner, "</group_name>\n");
            }
            continue;
        }
        for (j = 0; j < disk->niotune; j++) {
            if (STREQ(disk->iotune[j].name, name) && disk->iotune[j].value) {
                virDomXMLIndent(inner, 4);
                g_string_append_printf(inner, "<%s>%llu</%s>\n", name,
                                       disk->iotune[j].value, name);
                break;
            }
        }
    }
    if (!inner->len)
        return;
    virDomXMLIndent(buf, 3);
    g_string_append(buf, "<iotune>\n");
    g_string_append_len(buf, inner->str, inner->len);
    virDomXMLIndent(buf, 3);
    g_string_append(buf, "</iotune>\n");
}


static void
virDomainDiskFormat(GString *buf, const virDomainDiskDef *disk,
                    unsigned int flags)
{
    const virStorageSource *src = disk->src;

    virDomXMLIndent(buf, 2);
    g_string_append_printf(buf, "<disk type='%s' device='%s'>\n",
                           virStorageTypeToString(src->type),
                           virDomainDiskDeviceTypeToString(disk->device));

    if (disk->driverName || src->format || disk->cachemode ||
        disk->error_policy || disk->rerror_policy || disk->iomode ||
        disk->ioeventfd || disk->event_idx || disk->copy_on_read ||
        disk->discard || disk->detect_zeroes || disk->queues) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<driver");
        virDomXMLAttr(buf, "name", disk->driverName);
        virDomXMLAttr(buf, "type", src->format);
        virDomXMLAttr(buf, "cache", disk->cachemode);
        virDomXMLAttr(buf, "error_policy", disk->error_policy);
        virDomXMLAttr(buf, "rerror_policy", disk->rerror_policy);
        virDomXMLAttr(buf, "io", disk->iomode);
        if (disk->ioeventfd)
            virDomXMLAttr(buf, "ioeventfd", virTristateSwitchTypeToString(disk->ioeventfd));
        if (disk->event_idx)
            virDomXMLAttr(buf, "event_idx", virTristateSwitchTypeToString(disk->event_idx));
        if (disk->copy_on_read)
            virDomXMLAttr(buf, "copy_on_read", virTristateSwitchTypeToString(disk->copy_on_read));
        virDomXMLAttr(buf, "discard", disk->discard);
        virDomXMLAttr(buf, "detect_zeroes", disk->detect_zeroes);
        if (disk->queues)
            virDomXMLAttrf(buf, "queues", "%u", disk->queues);
        g_string_append(buf, "/>\n");
    }

    if (src->authInherited && src->auth)
        virStorageAuthFormat(buf, 3, src->auth);

    if (src->path || src->nhosts || src->volpool || src->startupPolicy ||
        src->protocol || src->seclabelModel)
        virStorageSourceFormatSource(buf, 3, src, !src->authInherited);
    virStorageSourceFormatBacking(buf, 3, src);

    virDomXMLIndent(buf, 3);
    g_string_append(buf, "<target");
    virDomXMLAttr(buf, "dev", disk->dst);
    if (disk->bus)
        virDomXMLAttr(buf, "bus", virDomainDiskBusTypeToString(disk->bus));
    if (disk->tray)
        virDomXMLAttr(buf, "tray", virDomainDiskTrays[disk->tray - 1]);
    if (disk->removable)
        virDomXMLAttr(buf, "removable", virTristateSwitchTypeToString(disk->removable));
    if (disk->rotation_rate)
        virDomXMLAttrf(buf, "rotation_rate", "%d", disk->rotation_rate);
    g_string_append(buf, "/>\n");

    virDomainDiskIotuneFormat(buf, disk);

    if (disk->readonly) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<readonly/>\n");
    }
    if (disk->shared) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<shareable/>\n");
    }
    if (disk->transient) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<transient/>\n");
    }
    virDomXMLTextElem(buf, 3, "serial", disk->serial);
    virDomXMLTextElem(buf, 3, "wwn", disk->wwn);
    virDomXMLTextElem(buf, 3, "vendor", disk->vendor);
    virDomXMLTextElem(buf, 3, "product", disk->product);
    if (disk->encryptionFormat || disk->encryptionSecretUUID) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<encryption");
        virDomXMLAttr(buf, "format", disk->encryptionFormat);
        if (disk->encryptionSecretType || disk->encryptionSecretUUID) {
            g_string_append(buf, ">\n");
            virDomXMLIndent(buf, 4);
            g_string_append(buf, "<secret");
            virDomXMLAttr(buf, "type", disk->encryptionSecretType);
            virDomXMLAttr(buf, "uuid", disk->encryptionSecretUUID);
            g_string_append(buf, "/>\n");
            virDomXMLIndent(buf, 3);
            g_string_append(buf, "</encryption>\n");
        } else {
            g_string_append(buf, "/>\n");
        }
    }
    virDomainDeviceInfoFormat(buf, 3, &disk->info, flags);

    virDomXMLIndent(buf, 2);
    g_string_append(buf, "</disk>\n");
}


int
virDomainDiskNameToIndex(const char *name)
{
    static const char *const prefixes[] = { "fd", "hd", "vd", "sd", "xvd", "ubd" };
    const char *p = NULL;
    int idx = 0;
    size_t i;

    if (!name)
        return -1;
    for (i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        if (g_str_has_prefix(name, prefixes[i])) {
            p = name + strlen(prefixes[i]);
            break;
        }
    }
    if (!p || !*p)
        return -1;
    /* bijective base-26: a..z, aa..az, ... */
    for (; *p; p++) {
        if (!g_ascii_islower(*p))
            return -1;
        if (idx > (G_MAXINT / 26) - 26)
            return -1;
        idx = idx * 26 + (*p - 'a' + 1);
    }
    return idx - 1;
}


virDomainDiskDef *
virDomainDiskByName(virDomainDef *def, const char *name)
{
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        if (STREQ(def->disks[i]->dst, name))
            return def->disks[i];
    }
    return NULL;
}


/* Keep disks of one bus together, ordered by target index (what libvirt
 * does while reading the XML, before the bus is filled in). */
static void
virDomainDiskInsert(virDomainDef *def, virDomainDiskDef *disk)
{
    int newidx = virDomainDiskNameToIndex(disk->dst);
    ssize_t at = -1;
    ssize_t i;

    for (i = (ssize_t)def->ndisks - 1; i >= 0; i--) {
        virDomainDiskDef *cur = def->disks[i];

        if (cur->bus != disk->bus)
            continue;
        if (virDomainDiskNameToIndex(cur->dst) > newidx)
            at = i;
        else if (at == -1)
            at = i + 1;
    }
    if (at < 0)
        at = def->ndisks;
    VIR_DOMAIN_INSERT(def->disks, def->ndisks, at, disk);
}


/* ====================================================================== */
/* Controllers */

virDomainControllerDef *
virDomainControllerDefNew(int type, int idx)
{
    virDomainControllerDef *def = g_new0(virDomainControllerDef, 1);

    def->type = type;
    def->idx = idx;
    def->ports = def->vectors = -1;
    def->maxGrantFrames = def->maxEventChannels = -1;
    def->startport = -1;
    def->chassisNr = def->chassis = def->port = def->busNr = -1;
    def->targetIndex = -1;
    return def;
}


void
virDomainControllerDefFree(virDomainControllerDef *def)
{
    if (!def)
        return;
    g_free(def->model);
    g_free(def->iothread);
    g_free(def->modelName);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


int
virDomainControllerFind(const virDomainDef *def, int type, int idx)
{
    size_t i;

    for (i = 0; i < def->ncontrollers; i++) {
        if (def->controllers[i]->type == type &&
            def->controllers[i]->idx == idx)
            return i;
    }
    return -1;
}


static int
virDomainControllerParse(virDomainControllerDef **out, xmlNodePtr node,
                         unsigned int flags)
{
    virDomainControllerDef *def;
    int type = VIR_DOMAIN_CONTROLLER_TYPE_IDE;
    int idx = 0;
    xmlNodePtr cur;
    g_autofree char *model = NULL;
    const char *const *models;

    if (virDomXMLPropEnum(node, "type", virDomainControllerTable, false,
                          &type) < 0)
        return -1;
    if (virDomXMLPropInt(node, "index", &idx) < 0)
        return -1;
    def = *out = virDomainControllerDefNew(type, idx);
    if (idx < 0) {
        virReportXMLError(VIR_ERR_XML_ERROR,
                          "Invalid value for attribute 'index' in element 'controller': '%d'. Expected integer value",
                          idx);
        return -1;
    }

    if ((model = virDomXMLProp(node, "model"))) {
        models = virDomainControllerModels(type);
        if (!models || virDomXMLTableLookup(models, model) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown model type '%s'", model);
            return -1;
        }
        def->model = g_steal_pointer(&model);
    }

    if (type == VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL) {
        if (virDomXMLPropInt(node, "ports", &def->ports) < 0 ||
            virDomXMLPropInt(node, "vectors", &def->vectors) < 0)
            return -1;
    } else if (type == VIR_DOMAIN_CONTROLLER_TYPE_USB) {
        if (virDomXMLPropInt(node, "ports", &def->ports) < 0)
            return -1;
    } else if (type == VIR_DOMAIN_CONTROLLER_TYPE_XENBUS) {
        if (virDomXMLPropInt(node, "maxGrantFrames", &def->maxGrantFrames) < 0 ||
            virDomXMLPropInt(node, "maxEventChannels", &def->maxEventChannels) < 0)
            return -1;
    }

    if ((cur = virDomXMLChild(node, "driver"))) {
        if (virDomXMLPropUInt(cur, "queues", 10, false, &def->queues) < 0 ||
            virDomXMLPropUInt(cur, "cmd_per_lun", 10, false, &def->cmd_per_lun) < 0 ||
            virDomXMLPropUInt(cur, "max_sectors", 10, false, &def->max_sectors) < 0)
            return -1;
        def->iothread = virDomXMLProp(cur, "iothread");
        if (def->iothread &&
            !(type == VIR_DOMAIN_CONTROLLER_TYPE_SCSI && def->model &&
              g_str_has_prefix(def->model, "virtio"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'iothread' attribute only supported for virtio scsi controllers");
            return -1;
        }
    }
    if ((cur = virDomXMLChild(node, "master"))) {
        if (virDomXMLPropInt(cur, "startport", &def->startport) < 0)
            return -1;
    }
    if ((cur = virDomXMLChild(node, "model")))
        def->modelName = virDomXMLProp(cur, "name");
    if ((cur = virDomXMLChild(node, "target"))) {
        if (virDomXMLPropInt(cur, "chassisNr", &def->chassisNr) < 0 ||
            virDomXMLPropInt(cur, "chassis", &def->chassis) < 0 ||
            virDomXMLPropInt(cur, "busNr", &def->busNr) < 0 ||
            virDomXMLPropInt(cur, "index", &def->targetIndex) < 0 ||
            virDomXMLPropTristate(cur, "hotplug", true, &def->hotplug) < 0)
            return -1;
        {
            unsigned int port;
            int rc = virDomXMLPropUInt(cur, "port", 0, false, &port);
            if (rc < 0)
                return -1;
            if (rc)
                def->port = port;
        }
    }
    return virDomainDeviceInfoParse(node, &def->info, flags);
}


static void
virDomainControllerFormat(GString *buf, const virDomainControllerDef *def,
                          unsigned int flags)
{
    virDomXMLElem el;

    virDomXMLElemOpen(&el, buf, 2, "controller");
    virDomXMLAttr(buf, "type", virDomainControllerTypeToString(def->type));
    virDomXMLAttrf(buf, "index", "%d", def->idx);
    virDomXMLAttr(buf, "model", def->model);
    if (def->ports >= 0)
        virDomXMLAttrf(buf, "ports", "%d", def->ports);
    if (def->vectors >= 0)
        virDomXMLAttrf(buf, "vectors", "%d", def->vectors);
    if (def->maxGrantFrames >= 0)
        virDomXMLAttrf(buf, "maxGrantFrames", "%d", def->maxGrantFrames);
    if (def->maxEventChannels >= 0)
        virDomXMLAttrf(buf, "maxEventChannels", "%d", def->maxEventChannels);

    if (def->startport >= 0) {
        virDomXMLIndent(el.child, 3);
        g_string_append_printf(el.child, "<master startport='%d'/>\n",
                               def->startport);
    }
    if (def->modelName) {
        virDomXMLIndent(el.child, 3);
        g_string_append(el.child, "<model");
        virDomXMLAttr(el.child, "name", def->modelName);
        g_string_append(el.child, "/>\n");
    }
    if (def->chassisNr >= 0 || def->chassis >= 0 || def->port >= 0 ||
        def->busNr >= 0 || def->targetIndex >= 0 || def->hotplug) {
        virDomXMLIndent(el.child, 3);
        g_string_append(el.child, "<target");
        if (def->chassisNr >= 0)
            virDomXMLAttrf(el.child, "chassisNr", "%d", def->chassisNr);
        if (def->chassis >= 0)
            virDomXMLAttrf(el.child, "chassis", "%d", def->chassis);
        if (def->port >= 0)
            virDomXMLAttrf(el.child, "port", "0x%x", def->port);
        if (def->busNr >= 0)
            virDomXMLAttrf(el.child, "busNr", "%d", def->busNr);
        if (def->targetIndex >= 0)
            virDomXMLAttrf(el.child, "index", "%d", def->targetIndex);
        if (def->hotplug)
            virDomXMLAttr(el.child, "hotplug", virTristateSwitchTypeToString(def->hotplug));
        g_string_append(el.child, "/>\n");
    }
    if (def->queues || def->cmd_per_lun || def->max_sectors || def->iothread) {
        virDomXMLIndent(el.child, 3);
        g_string_append(el.child, "<driver");
        if (def->queues)
            virDomXMLAttrf(el.child, "queues", "%u", def->queues);
        if (def->cmd_per_lun)
            virDomXMLAttrf(el.child, "cmd_per_lun", "%u", def->cmd_per_lun);
        if (def->max_sectors)
            virDomXMLAttrf(el.child, "max_sectors", "%u", def->max_sectors);
        virDomXMLAttr(el.child, "iothread", def->iothread);
        g_string_append(el.child, "/>\n");
    }
    virDomainDeviceInfoFormat(el.child, 3, &def->info, flags);
    virDomXMLElemClose(&el);
}


/* Keep controllers of one type ordered by index (as libvirt reads them). */
static void
virDomainControllerInsert(virDomainDef *def, virDomainControllerDef *ctrl)
{
    ssize_t at = -1;
    ssize_t i;

    for (i = (ssize_t)def->ncontrollers - 1; i >= 0; i--) {
        virDomainControllerDef *cur = def->controllers[i];

        if (cur->type != ctrl->type)
            continue;
        if (cur->idx > ctrl->idx)
            at = i;
        else if (at == -1)
            at = i + 1;
    }
    if (at < 0)
        at = def->ncontrollers;
    VIR_DOMAIN_INSERT(def->controllers, def->ncontrollers, at, ctrl);
}


/* ====================================================================== */
/* Interfaces */

void
virDomainNetDefFree(virDomainNetDef *def)
{
    if (!def)
        return;
    g_free(def->network);
    g_free(def->portgroup);
    g_free(def->bridge);
    g_free(def->dev);
    g_free(def->directMode);
    g_free(def->sourceAddress);
    g_free(def->internalName);
    g_free(def->vportType);
    g_free(def->vportInterfaceID);
    g_free(def->vportProfileID);
    g_free(def->ifname);
    g_free(def->model);
    g_free(def->driverName);
    g_free(def->driverTxmode);
    g_free(def->script);
    g_free(def->filter);
    g_free(def->bwIn);
    g_free(def->bwOut);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


/* One <inbound>/<outbound> of an interface's <bandwidth>. */
static int
virDomainNetRateParse(xmlNodePtr node, virDomainNetRate **out, bool inbound)
{
    g_autofree virDomainNetRate *rate = g_new0(virDomainNetRate, 1);
    static const char *const names[] = { "average", "peak", "floor", "burst" };
    unsigned long long *fields[] = {
        &rate->average, &rate->peak, &rate->floor, &rate->burst
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *v = virDomXMLProp(node, names[i]);

        if (v && virDomStrToULLong(v, 10, fields[i]) < 0) {
            virReportErrorFull(VIR_FROM_NONE, VIR_ERR_CONFIG_UNSUPPORTED,
                               __FILE__, __func__, __LINE__,
                               "could not convert bandwidth %s value '%s'",
                               names[i], v);
            return -1;
        }
    }
    if (rate->floor && !inbound) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_CONFIG_UNSUPPORTED,
                           __FILE__, __func__, __LINE__, "%s",
                           "'floor' attribute allowed only in <inbound> element");
        return -1;
    }
    if (!rate->average && !rate->floor) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_XML_DETAIL,
                           __FILE__, __func__, __LINE__, "%s",
                           "Missing mandatory average or floor attributes");
        return -1;
    }
    if ((rate->peak || rate->burst) && !rate->average) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_XML_DETAIL,
                           __FILE__, __func__, __LINE__, "%s",
                           "'peak' and 'burst' require 'average' attribute");
        return -1;
    }
    g_free(*out);
    *out = g_steal_pointer(&rate);
    return 0;
}


static int
virDomainNetBandwidthParse(virDomainNetDef *net, xmlNodePtr node)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        bool in;

        if (cur->type != XML_ELEMENT_NODE)
            continue;
        in = xmlStrEqual(cur->name, BAD_CAST "inbound");
        if (!in && !xmlStrEqual(cur->name, BAD_CAST "outbound"))
            continue;
        if (in ? net->bwIn != NULL : net->bwOut != NULL) {
            virReportErrorFull(VIR_FROM_NONE, VIR_ERR_XML_DETAIL,
                               __FILE__, __func__, __LINE__,
                               "Only one child <%s> element allowed",
                               in ? "inbound" : "outbound");
            return -1;
        }
        if (virDomainNetRateParse(cur, in ? &net->bwIn : &net->bwOut, in) < 0)
            return -1;
    }
    return 0;
}


static void
virDomainNetRateFormat(GString *buf, const char *name,
                       const virDomainNetRate *rate)
{
    if (!rate)
        return;
    virDomXMLIndent(buf, 4);
    g_string_append_printf(buf, "<%s", name);
    if (rate->average)
        virDomXMLAttrf(buf, "average", "%llu", rate->average);
    if (rate->peak)
        virDomXMLAttrf(buf, "peak", "%llu", rate->peak);
    if (rate->floor)
        virDomXMLAttrf(buf, "floor", "%llu", rate->floor);
    if (rate->burst)
        virDomXMLAttrf(buf, "burst", "%llu", rate->burst);
    g_string_append(buf, "/>\n");
}


int
virDomainNetParseMAC(const char *str, unsigned char *mac)
{
    size_t i;
    const char *p = str;

    for (i = 0; i < VIR_MAC_BUFLEN; i++) {
        char *end;
        unsigned long v;

        if (!g_ascii_isxdigit(*p))
            return -1;
        v = strtoul(p, &end, 16);
        if (end - p > 2 || v > 0xff)
            return -1;
        mac[i] = v;
        p = end;
        if (i + 1 < VIR_MAC_BUFLEN) {
            if (*p != ':')
                return -1;
            p++;
        }
    }
    return *p ? -1 : 0;
}


int
virDomainNetFormatMAC(const unsigned char *mac, char *str)
{
    return g_snprintf(str, VIR_MAC_STRING_BUFLEN,
                      "%02x:%02x:%02x:%02x:%02x:%02x",
                      mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}


void
virDomainNetGenerateMAC(unsigned char *mac)
{
    size_t i;

    mac[0] = 0x52;
    mac[1] = 0x54;
    mac[2] = 0x00;
    for (i = 3; i < VIR_MAC_BUFLEN; i++)
        mac[i] = g_random_int_range(0, 256);
}


static bool
virDomainNetIfnameIsAuto(const char *name)
{
    return g_str_has_prefix(name, "vnet") ||
           g_str_has_prefix(name, "macvtap") ||
           g_str_has_prefix(name, "macvlan");
}


static int
virDomainNetParse(virDomainNetDef *net, xmlNodePtr node, unsigned int flags)
{
    xmlNodePtr cur;
    int type = VIR_DOMAIN_NET_TYPE_USER;
    bool haveMac = false;

    if (virDomXMLPropEnum(node, "type", virDomainNetTable, false, &type) < 0)
        return -1;
    net->type = type;

    if ((cur = virDomXMLChild(node, "mac"))) {
        g_autofree char *addr = virDomXMLProp(cur, "address");
        if (addr) {
            if (virDomainNetParseMAC(addr, net->mac) < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "unable to parse mac address '%s'", addr);
                return -1;
            }
            if (net->mac[0] & 1) {
                virReportError(VIR_ERR_XML_ERROR,
                               "expected unicast mac address, found multicast '%s'",
                               addr);
                return -1;
            }
            haveMac = true;
        }
        if (virDomXMLPropEnum(cur, "type", virDomainNetMacTypes, true,
                              &net->macType) < 0 ||
            virDomXMLPropTristate(cur, "check", false, &net->macCheck) < 0)
            return -1;
    }
    if (!haveMac)
        virDomainNetGenerateMAC(net->mac);

    cur = virDomXMLChild(node, "source");
    switch ((virDomainNetType)type) {
    case VIR_DOMAIN_NET_TYPE_NETWORK:
        if (cur) {
            net->network = virDomXMLProp(cur, "network");
            net->portgroup = virDomXMLProp(cur, "portgroup");
        }
        if (!net->network) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "interface type='network' requires a 'source' element");
            return -1;
        }
        break;
    case VIR_DOMAIN_NET_TYPE_BRIDGE:
        if (cur)
            net->bridge = virDomXMLProp(cur, "bridge");
        if (!net->bridge) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "interface type='bridge' requires a 'source' element");
            return -1;
        }
        break;
    case VIR_DOMAIN_NET_TYPE_DIRECT:
        if (cur) {
            net->dev = virDomXMLProp(cur, "dev");
            net->directMode = virDomXMLProp(cur, "mode");
        }
        if (!net->dev) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "interface type='direct' requires a 'source' element");
            return -1;
        }
        if (net->directMode &&
            virDomXMLTableLookup(virDomainDirectModes, net->directMode) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown mode '%s' in interface <source> element",
                           net->directMode);
            return -1;
        }
        if (!net->directMode)
            net->directMode = g_strdup("vepa");
        break;
    case VIR_DOMAIN_NET_TYPE_SERVER:
    case VIR_DOMAIN_NET_TYPE_CLIENT:
    case VIR_DOMAIN_NET_TYPE_MCAST:
    case VIR_DOMAIN_NET_TYPE_UDP:
        if (cur) {
            net->sourceAddress = virDomXMLProp(cur, "address");
            if (virDomXMLPropUInt(cur, "port", 10, false, &net->sourcePort) < 0)
                return -1;
        }
        break;
    case VIR_DOMAIN_NET_TYPE_INTERNAL:
        if (cur)
            net->internalName = virDomXMLProp(cur, "name");
        break;
    case VIR_DOMAIN_NET_TYPE_USER:
    case VIR_DOMAIN_NET_TYPE_ETHERNET:
    case VIR_DOMAIN_NET_TYPE_VHOSTUSER:
    case VIR_DOMAIN_NET_TYPE_HOSTDEV:
    case VIR_DOMAIN_NET_TYPE_VDPA:
    case VIR_DOMAIN_NET_TYPE_NULL:
    case VIR_DOMAIN_NET_TYPE_VDS:
    case VIR_DOMAIN_NET_TYPE_LAST:
        break;
    }

    if ((cur = virDomXMLChild(node, "virtualport"))) {
        xmlNodePtr params = virDomXMLChild(cur, "parameters");
        net->vportType = virDomXMLProp(cur, "type");
        if (params) {
            net->vportInterfaceID = virDomXMLProp(params, "interfaceid");
            net->vportProfileID = virDomXMLProp(params, "profileid");
        }
        if (net->vportType && STREQ(net->vportType, "openvswitch") &&
            !net->vportInterfaceID) {
            unsigned char uuid[VIR_UUID_BUFLEN];
            char uuidstr[VIR_UUID_STRING_BUFLEN];
            virUUIDGenerate(uuid);
            virUUIDFormat(uuid, uuidstr);
            net->vportInterfaceID = g_strdup(uuidstr);
        }
    }
    if ((cur = virDomXMLChild(node, "bandwidth")) &&
        virDomainNetBandwidthParse(net, cur) < 0)
        return -1;
    if ((cur = virDomXMLChild(node, "script")))
        net->script = virDomXMLProp(cur, "path");
    if ((cur = virDomXMLChild(node, "target"))) {
        net->ifname = virDomXMLProp(cur, "dev");
        if (net->ifname && (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
            virDomainNetIfnameIsAuto(net->ifname))
            g_clear_pointer(&net->ifname, g_free);
        if (virDomXMLPropTristate(cur, "managed", false, &net->managed_tap) < 0)
            return -1;
    }
    if ((cur = virDomXMLChild(node, "model")))
        net->model = virDomXMLProp(cur, "type");
    if ((cur = virDomXMLChild(node, "driver"))) {
        net->driverName = virDomXMLProp(cur, "name");
        net->driverTxmode = virDomXMLProp(cur, "txmode");
        if (virDomXMLPropUInt(cur, "queues", 10, false, &net->driverQueues) < 0)
            return -1;
    }
    if ((cur = virDomXMLChild(node, "filterref")))
        net->filter = virDomXMLProp(cur, "filter");
    if ((cur = virDomXMLChild(node, "link")) &&
        virDomXMLPropEnum(cur, "state", virDomainLinkStates, true,
                          &net->linkstate) < 0)
        return -1;
    if ((cur = virDomXMLChild(node, "mtu")) &&
        virDomXMLPropUInt(cur, "size", 10, false, &net->mtu) < 0)
        return -1;

    return virDomainDeviceInfoParse(node, &net->info, flags);
}


static void
virDomainNetFormat(GString *buf, const virDomainNetDef *net,
                   unsigned int flags)
{
    char macstr[VIR_MAC_STRING_BUFLEN];

    virDomXMLIndent(buf, 2);
    g_string_append_printf(buf, "<interface type='%s'>\n",
                           virDomainNetTypeToString(net->type));

    virDomainNetFormatMAC(net->mac, macstr);
    virDomXMLIndent(buf, 3);
    g_string_append_printf(buf, "<mac address='%s'", macstr);
    if (net->macType)
        virDomXMLAttr(buf, "type", virDomainNetMacTypes[net->macType]);
    if (net->macCheck)
        virDomXMLAttr(buf, "check", virTristateBoolTypeToString(net->macCheck));
    g_string_append(buf, "/>\n");

    switch ((virDomainNetType)net->type) {
    case VIR_DOMAIN_NET_TYPE_NETWORK:
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<source");
        virDomXMLAttr(buf, "network", net->network);
        virDomXMLAttr(buf, "portgroup", net->portgroup);
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_NET_TYPE_BRIDGE:
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<source");
        virDomXMLAttr(buf, "bridge", net->bridge);
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_NET_TYPE_DIRECT:
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<source");
        virDomXMLAttr(buf, "dev", net->dev);
        virDomXMLAttr(buf, "mode", net->directMode);
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_NET_TYPE_SERVER:
    case VIR_DOMAIN_NET_TYPE_CLIENT:
    case VIR_DOMAIN_NET_TYPE_MCAST:
    case VIR_DOMAIN_NET_TYPE_UDP:
        if (net->sourceAddress || net->sourcePort) {
            virDomXMLIndent(buf, 3);
            g_string_append(buf, "<source");
            virDomXMLAttr(buf, "address", net->sourceAddress);
            if (net->sourcePort)
                virDomXMLAttrf(buf, "port", "%u", net->sourcePort);
            g_string_append(buf, "/>\n");
        }
        break;
    case VIR_DOMAIN_NET_TYPE_INTERNAL:
        if (net->internalName) {
            virDomXMLIndent(buf, 3);
            g_string_append(buf, "<source");
            virDomXMLAttr(buf, "name", net->internalName);
            g_string_append(buf, "/>\n");
        }
        break;
    case VIR_DOMAIN_NET_TYPE_USER:
    case VIR_DOMAIN_NET_TYPE_ETHERNET:
    case VIR_DOMAIN_NET_TYPE_VHOSTUSER:
    case VIR_DOMAIN_NET_TYPE_HOSTDEV:
    case VIR_DOMAIN_NET_TYPE_VDPA:
    case VIR_DOMAIN_NET_TYPE_NULL:
    case VIR_DOMAIN_NET_TYPE_VDS:
    case VIR_DOMAIN_NET_TYPE_LAST:
        break;
    }

    if (net->vportType) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<virtualport");
        virDomXMLAttr(buf, "type", net->vportType);
        if (net->vportInterfaceID || net->vportProfileID) {
            g_string_append(buf, ">\n");
            virDomXMLIndent(buf, 4);
            g_string_append(buf, "<parameters");
            virDomXMLAttr(buf, "interfaceid", net->vportInterfaceID);
            virDomXMLAttr(buf, "profileid", net->vportProfileID);
            g_string_append(buf, "/>\n");
            virDomXMLIndent(buf, 3);
            g_string_append(buf, "</virtualport>\n");
        } else {
            g_string_append(buf, "/>\n");
        }
    }
    if (net->bwIn || net->bwOut) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<bandwidth>\n");
        virDomainNetRateFormat(buf, "inbound", net->bwIn);
        virDomainNetRateFormat(buf, "outbound", net->bwOut);
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "</bandwidth>\n");
    }
    if (net->script) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<script");
        virDomXMLAttr(buf, "path", net->script);
        g_string_append(buf, "/>\n");
    }
    if (net->ifname &&
        !((flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) &&
          virDomainNetIfnameIsAuto(net->ifname))) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<target");
        virDomXMLAttr(buf, "dev", net->ifname);
        if (net->managed_tap)
            virDomXMLAttr(buf, "managed", virTristateBoolTypeToString(net->managed_tap));
        g_string_append(buf, "/>\n");
    }
    if (net->model) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<model");
        virDomXMLAttr(buf, "type", net->model);
        g_string_append(buf, "/>\n");
    }
    if (net->driverName || net->driverTxmode || net->driverQueues) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<driver");
        virDomXMLAttr(buf, "name", net->driverName);
        virDomXMLAttr(buf, "txmode", net->driverTxmode);
        if (net->driverQueues)
            virDomXMLAttrf(buf, "queues", "%u", net->driverQueues);
        g_string_append(buf, "/>\n");
    }
    if (net->filter) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<filterref");
        virDomXMLAttr(buf, "filter", net->filter);
        g_string_append(buf, "/>\n");
    }
    if (net->linkstate) {
        virDomXMLIndent(buf, 3);
        g_string_append_printf(buf, "<link state='%s'/>\n",
                               virDomainLinkStates[net->linkstate]);
    }
    if (net->mtu) {
        virDomXMLIndent(buf, 3);
        g_string_append_printf(buf, "<mtu size='%u'/>\n", net->mtu);
    }
    virDomainDeviceInfoFormat(buf, 3, &net->info, flags);

    virDomXMLIndent(buf, 2);
    g_string_append(buf, "</interface>\n");
}


/* ====================================================================== */
/* Character devices */

void
virDomainChrSourceDefFree(virDomainChrSourceDef *def)
{
    if (!def)
        return;
    g_free(def->path);
    g_free(def->host);
    g_free(def->service);
    g_free(def->bindHost);
    g_free(def->bindService);
    g_free(def->channel);
    g_free(def);
}


virDomainChrSourceDef *
virDomainChrSourceDefCopy(const virDomainChrSourceDef *src)
{
    virDomainChrSourceDef *dst = g_new0(virDomainChrSourceDef, 1);

    *dst = *src;
    dst->path = g_strdup(src->path);
    dst->host = g_strdup(src->host);
    dst->service = g_strdup(src->service);
    dst->bindHost = g_strdup(src->bindHost);
    dst->bindService = g_strdup(src->bindService);
    dst->channel = g_strdup(src->channel);
    return dst;
}


virDomainChrDef *
virDomainChrDefNew(int deviceType)
{
    virDomainChrDef *def = g_new0(virDomainChrDef, 1);

    def->deviceType = deviceType;
    def->port = -1;
    def->targetType = 0;
    def->targetModel = -1;
    def->source = g_new0(virDomainChrSourceDef, 1);
    return def;
}


void
virDomainChrDefFree(virDomainChrDef *def)
{
    if (!def)
        return;
    virDomainChrSourceDefFree(def->source);
    g_free(def->targetName);
    g_free(def->targetAddr);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


/* The host side: <source> element(s) and <protocol>. */
static int
virDomainChrSourceParse(virDomainChrSourceDef *src, xmlNodePtr node,
                        unsigned int flags)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        g_autofree char *mode = NULL;
        bool bind = false;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, (const xmlChar *)"source"))
            continue;
        if ((mode = virDomXMLProp(cur, "mode"))) {
            if (STREQ(mode, "bind")) {
                bind = true;
            } else if (STRNEQ(mode, "connect")) {
                virReportXMLError(VIR_ERR_XML_ERROR,
                                  "Invalid value for attribute 'mode' in element 'source': '%s'.",
                                  mode);
                return -1;
            }
        }

        switch ((virDomainChrType)src->type) {
        case VIR_DOMAIN_CHR_TYPE_PTY:
            if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) && !src->path)
                src->path = virDomXMLProp(cur, "path");
            break;
        case VIR_DOMAIN_CHR_TYPE_DEV:
        case VIR_DOMAIN_CHR_TYPE_FILE:
        case VIR_DOMAIN_CHR_TYPE_PIPE:
            if (!src->path)
                src->path = virDomXMLProp(cur, "path");
            if (src->type == VIR_DOMAIN_CHR_TYPE_FILE &&
                virDomXMLPropTristate(cur, "append", true, &src->append) < 0)
                return -1;
            break;
        case VIR_DOMAIN_CHR_TYPE_UNIX:
            if (!src->path) {
                src->path = virDomXMLProp(cur, "path");
                src->listen = bind;
            }
            break;
        case VIR_DOMAIN_CHR_TYPE_TCP:
            if (!src->host && !src->service) {
                src->host = virDomXMLProp(cur, "host");
                src->service = virDomXMLProp(cur, "service");
                src->listen = bind;
            }
            break;
        case VIR_DOMAIN_CHR_TYPE_UDP:
            if (bind && !src->bindHost && !src->bindService) {
                src->bindHost = virDomXMLProp(cur, "host");
                src->bindService = virDomXMLProp(cur, "service");
            } else if (!bind && !src->host && !src->service) {
                src->host = virDomXMLProp(cur, "host");
                src->service = virDomXMLProp(cur, "service");
            }
            break;
        case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
            if (!src->channel)
                src->channel = virDomXMLProp(cur, "channel");
            break;
        case VIR_DOMAIN_CHR_TYPE_NULL:
        case VIR_DOMAIN_CHR_TYPE_VC:
        case VIR_DOMAIN_CHR_TYPE_STDIO:
        case VIR_DOMAIN_CHR_TYPE_SPICEVMC:
        case VIR_DOMAIN_CHR_TYPE_NMDM:
        case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
        case VIR_DOMAIN_CHR_TYPE_DBUS:
        case VIR_DOMAIN_CHR_TYPE_LAST:
            break;
        }
    }

    if ((cur = virDomXMLChild(node, "protocol")) &&
        src->type == VIR_DOMAIN_CHR_TYPE_TCP) {
        g_autofree char *proto = virDomXMLProp(cur, "type");
        if (proto &&
            (src->protocol = virDomainChrTcpProtocolTypeFromString(proto)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown protocol '%s'", proto);
            return -1;
        }
    }

    switch ((virDomainChrType)src->type) {
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_FILE:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        if (!src->path && src->type != VIR_DOMAIN_CHR_TYPE_UNIX) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Missing source path attribute for char device");
            return -1;
        }
        break;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        if (!src->host) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing source host attribute for char device");
            return -1;
        }
        if (!src->service) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing source service attribute for char device");
            return -1;
        }
        break;
    case VIR_DOMAIN_CHR_TYPE_UDP:
        if (!src->service) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing source service attribute for char device");
            return -1;
        }
        break;
    default:
        break;
    }
    return 0;
}


/* Formats <source>/<protocol> for `src` into `buf` at `level`. */
static void
virDomainChrSourceFormat(GString *buf, int level,
                         const virDomainChrSourceDef *src, unsigned int flags)
{
    switch ((virDomainChrType)src->type) {
    case VIR_DOMAIN_CHR_TYPE_PTY:
        if ((flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) || !src->path)
            break;
        G_GNUC_FALLTHROUGH;
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_FILE:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        virDomXMLIndent(buf, level);
        g_string_append(buf, "<source");
        virDomXMLAttr(buf, "path", src->path);
        if (src->append)
            virDomXMLAttr(buf, "append", virTristateSwitchTypeToString(src->append));
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        if (!src->path)
            break;
        virDomXMLIndent(buf, level);
        g_string_append(buf, "<source");
        virDomXMLAttr(buf, "mode", src->listen ? "bind" : "connect");
        virDomXMLAttr(buf, "path", src->path);
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        virDomXMLIndent(buf, level);
        g_string_append(buf, "<source");
        virDomXMLAttr(buf, "mode", src->listen ? "bind" : "connect");
        virDomXMLAttr(buf, "host", src->host);
        virDomXMLAttr(buf, "service", src->service);
        g_string_append(buf, "/>\n");
        virDomXMLIndent(buf, level);
        g_string_append_printf(buf, "<protocol type='%s'/>\n",
                               virDomainChrTcpProtocolTypeToString(src->protocol));
        break;
    case VIR_DOMAIN_CHR_TYPE_UDP:
        if (src->bindService || src->bindHost) {
            virDomXMLIndent(buf, level);
            g_string_append(buf, "<source mode='bind'");
            virDomXMLAttr(buf, "host", src->bindHost);
            virDomXMLAttr(buf, "service", src->bindService);
            g_string_append(buf, "/>\n");
        }
        if (src->service || src->host) {
            virDomXMLIndent(buf, level);
            g_string_append(buf, "<source mode='connect'");
            virDomXMLAttr(buf, "host", src->host);
            virDomXMLAttr(buf, "service", src->service);
            g_string_append(buf, "/>\n");
        }
        break;
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
        virDomXMLIndent(buf, level);
        g_string_append(buf, "<source");
        virDomXMLAttr(buf, "channel", src->channel);
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_CHR_TYPE_NULL:
    case VIR_DOMAIN_CHR_TYPE_VC:
    case VIR_DOMAIN_CHR_TYPE_STDIO:
    case VIR_DOMAIN_CHR_TYPE_SPICEVMC:
    case VIR_DOMAIN_CHR_TYPE_NMDM:
    case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
    case VIR_DOMAIN_CHR_TYPE_LAST:
        break;
    }
}


static int
virDomainChrTypeParse(xmlNodePtr node, int *type)
{
    g_autofree char *typestr = virDomXMLProp(node, "type");

    *type = VIR_DOMAIN_CHR_TYPE_PTY;
    if (typestr && (*type = virDomainChrTypeFromString(typestr)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown type presented to host for character device: %s",
                       typestr);
        return -1;
    }
    return 0;
}


static int
virDomainChrParse(virDomainChrDef *chr, xmlNodePtr node, unsigned int flags)
{
    xmlNodePtr target = virDomXMLChild(node, "target");

    if (virDomainChrTypeParse(node, &chr->source->type) < 0)
        return -1;
    if (virDomainChrSourceParse(chr->source, node, flags) < 0)
        return -1;

    /* A channel says what it is; "none" is a valid answer. */
    if (chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL &&
        !(target && xmlHasProp(target, (const xmlChar *)"type"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "target type must be specified for channel device");
        return -1;
    }

    if (target) {
        g_autofree char *ttype = virDomXMLProp(target, "type");
        g_autofree char *port = NULL;
        const char *const *table = NULL;

        switch ((virDomainChrDeviceType)chr->deviceType) {
        case VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL:
            table = virDomainSerialTargetTypes;
            break;
        case VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE:
            table = virDomainConsoleTargetTypes;
            break;
        case VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL:
            table = virDomainChannelTargetTypes;
            break;
        case VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL:
        case VIR_DOMAIN_CHR_DEVICE_TYPE_LAST:
            break;
        }
        if (ttype && table) {
            int t = virDomXMLTableLookup(table, ttype);
            if (t < 0 ||
                (t == 0 && chr->deviceType != VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "unknown target type '%s' specified for character device",
                               ttype);
                return -1;
            }
            chr->targetType = t;
            chr->targetTypeSet = true;
        }

        if (chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL &&
            chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_GUESTFWD) {
            g_autofree char *addr = virDomXMLProp(target, "address");
            g_autofree char *gport = virDomXMLProp(target, "port");
            int p;
            if (!addr) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "guestfwd channel does not define a target address");
                return -1;
            }
            if (!gport) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "guestfwd channel does not define a target port");
                return -1;
            }
            if (virDomStrToInt(gport, &p) < 0 || p < 0) {
                virReportError(VIR_ERR_XML_ERROR, "Invalid port number: %s",
                               gport);
                return -1;
            }
            chr->targetAddr = g_steal_pointer(&addr);
            chr->port = p;
        } else if (chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL) {
            chr->targetName = virDomXMLProp(target, "name");
        } else if ((port = virDomXMLProp(target, "port"))) {
            if (virDomStrToInt(port, &chr->port) < 0 || chr->port < 0) {
                virReportError(VIR_ERR_XML_ERROR, "Invalid port number: %s",
                               port);
                return -1;
            }
        }

        if (chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL) {
            xmlNodePtr model = virDomXMLChild(target, "model");
            g_autofree char *name = model ? virDomXMLProp(model, "name") : NULL;
            if (name) {
                chr->targetModel = virDomXMLTableLookup(virDomainSerialTargetModels, name);
                if (chr->targetModel <= 0) {
                    virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                                   "Unknown 'name' value '%s'", name);
                    return -1;
                }
            }
        }
    }
    return virDomainDeviceInfoParse(node, &chr->info, flags);
}


static void
virDomainChrFormat(GString *buf, const virDomainChrDef *chr,
                   unsigned int flags)
{
    const char *elem = virDomainChrDeviceTypeToString(chr->deviceType);

    virDomXMLIndent(buf, 2);
    g_string_append_printf(buf, "<%s type='%s'>\n", elem,
                           virDomainChrTypeToString(chr->source->type));
    virDomainChrSourceFormat(buf, 3, chr->source, flags);

    virDomXMLIndent(buf, 3);
    g_string_append(buf, "<target");
    switch ((virDomainChrDeviceType)chr->deviceType) {
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL:
        virDomXMLAttr(buf, "type", virDomainChannelTargetTypes[chr->targetType]);
        if (chr->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_GUESTFWD) {
            virDomXMLAttr(buf, "address", chr->targetAddr);
            virDomXMLAttrf(buf, "port", "%d", chr->port);
        } else {
            virDomXMLAttr(buf, "name", chr->targetName);
        }
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE:
        virDomXMLAttr(buf, "type", virDomainConsoleTargetTypes[chr->targetType]);
        virDomXMLAttrf(buf, "port", "%d", chr->port);
        g_string_append(buf, "/>\n");
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL:
        if (chr->targetType)
            virDomXMLAttr(buf, "type", virDomainSerialTargetTypes[chr->targetType]);
        virDomXMLAttrf(buf, "port", "%d", chr->port);
        if (chr->targetModel > 0) {
            g_string_append(buf, ">\n");
            virDomXMLIndent(buf, 4);
            g_string_append_printf(buf, "<model name='%s'/>\n",
                                   virDomainSerialTargetModels[chr->targetModel]);
            virDomXMLIndent(buf, 3);
            g_string_append(buf, "</target>\n");
        } else {
            g_string_append(buf, "/>\n");
        }
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL:
    case VIR_DOMAIN_CHR_DEVICE_TYPE_LAST:
        virDomXMLAttrf(buf, "port", "%d", chr->port);
        g_string_append(buf, "/>\n");
        break;
    }
    virDomainDeviceInfoFormat(buf, 3, &chr->info, flags);
    virDomXMLIndent(buf, 2);
    g_string_append_printf(buf, "</%s>\n", elem);
}


/* ====================================================================== */
/* Input */

void
virDomainInputDefFree(virDomainInputDef *def)
{
    if (!def)
        return;
    g_free(def->model);
    g_free(def->evdev);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainInputParse(virDomainInputDef *input, xmlNodePtr node,
                    const virDomainDef *def, unsigned int flags)
{
    g_autofree char *type = virDomXMLProp(node, "type");
    g_autofree char *bus = virDomXMLProp(node, "bus");
    xmlNodePtr cur;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing input device type");
        return -1;
    }
    if ((input->type = virDomainInputTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown input device type '%s'", type);
        return -1;
    }
    if (bus) {
        if ((input->bus = virDomainInputBusTypeFromString(bus)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown input bus type '%s'", bus);
            return -1;
        }
    } else if (def->os.type == VIR_DOMAIN_OSTYPE_HVM) {
        if (input->type == VIR_DOMAIN_INPUT_TYPE_MOUSE ||
            input->type == VIR_DOMAIN_INPUT_TYPE_KBD)
            input->bus = VIR_DOMAIN_INPUT_BUS_PS2;
        else if (input->type == VIR_DOMAIN_INPUT_TYPE_TABLET)
            input->bus = VIR_DOMAIN_INPUT_BUS_USB;
        else if (input->type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH)
            input->bus = VIR_DOMAIN_INPUT_BUS_VIRTIO;
    } else if (def->os.type == VIR_DOMAIN_OSTYPE_XEN ||
               def->os.type == VIR_DOMAIN_OSTYPE_LINUX) {
        input->bus = VIR_DOMAIN_INPUT_BUS_XEN;
    }
    input->model = virDomXMLProp(node, "model");
    if ((cur = virDomXMLChild(node, "source")))
        input->evdev = virDomXMLProp(cur, "evdev");
    return virDomainDeviceInfoParse(node, &input->info, flags);
}


static void
virDomainInputFormat(GString *buf, const virDomainInputDef *input,
                     unsigned int flags)
{
    virDomXMLElem el;

    virDomXMLElemOpen(&el, buf, 2, "input");
    virDomXMLAttr(buf, "type", virDomainInputTypeToString(input->type));
    if (input->bus)
        virDomXMLAttr(buf, "bus", virDomainInputBusTypeToString(input->bus));
    virDomXMLAttr(buf, "model", input->model);
    if (input->evdev) {
        virDomXMLIndent(el.child, 3);
        g_string_append(el.child, "<source");
        virDomXMLAttr(el.child, "evdev", input->evdev);
        g_string_append(el.child, "/>\n");
    }
    virDomainDeviceInfoFormat(el.child, 3, &input->info, flags);
    virDomXMLElemClose(&el);
}


/* ====================================================================== */
/* Graphics */

void
virDomainGraphicsDefFree(virDomainGraphicsDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->keymap);
    g_free(def->passwd);
    g_free(def->passwdValidTo);
    g_free(def->connected);
    g_free(def->sharePolicy);
    g_free(def->socket);
    g_free(def->display);
    g_free(def->xauth);
    g_free(def->defaultMode);
    for (i = 0; i < def->nListens; i++) {
        g_free(def->listens[i].address);
        g_free(def->listens[i].network);
        g_free(def->listens[i].socket);
    }
    g_free(def->listens);
    for (i = 0; i < def->nsubs; i++) {
        g_free(def->subs[i].name);
        g_strfreev(def->subs[i].attrs);
    }
    g_free(def->subs);
    g_free(def);
}


static int
virDomainGraphicsPortParse(xmlNodePtr node, const char *name, int *port,
                           const char *what)
{
    g_autofree char *val = virDomXMLProp(node, name);

    if (!val)
        return 0;
    if (virDomStrToInt(val, port) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "cannot parse %s %s %s", what,
                       STREQ(name, "port") ? "port" : name, val);
        return -1;
    }
    return 1;
}


static int
virDomainGraphicsParse(virDomainGraphicsDef *gr, xmlNodePtr node,
                       unsigned int flags G_GNUC_UNUSED)
{
    g_autofree char *listenAttr = NULL;
    g_autofree char *autoport = NULL;
    xmlNodePtr cur;
    int type = 0;

    if (virDomXMLPropEnum(node, "type", virDomainGraphicsTable, false, &type) < 0)
        return -1;
    if (!xmlHasProp(node, (const xmlChar *)"type")) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing graphics device type");
        return -1;
    }
    gr->type = type;
    listenAttr = virDomXMLProp(node, "listen");
    autoport = virDomXMLProp(node, "autoport");
    if (autoport) {
        if (STREQ(autoport, "yes")) {
            gr->autoport = true;
        } else if (STRNEQ(autoport, "no")) {
            virReportXMLError(VIR_ERR_XML_ERROR,
                              "Invalid value for attribute 'autoport' in element 'graphics': '%s'.",
                              autoport);
            return -1;
        }
        gr->autoportSet = true;
    }

    switch ((virDomainGraphicsType)type) {
    case VIR_DOMAIN_GRAPHICS_TYPE_VNC:
        if (virDomainGraphicsPortParse(node, "port", &gr->port, "vnc") < 0)
            return -1;
        gr->socket = virDomXMLProp(node, "socket");
        gr->keymap = virDomXMLProp(node, "keymap");
        gr->sharePolicy = virDomXMLProp(node, "sharePolicy");
        gr->passwd = virDomXMLProp(node, "passwd");
        gr->passwdValidTo = virDomXMLProp(node, "passwdValidTo");
        gr->connected = virDomXMLProp(node, "connected");
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SPICE:
        if (virDomainGraphicsPortParse(node, "port", &gr->port, "spice") < 0 ||
            virDomainGraphicsPortParse(node, "tlsPort", &gr->tlsPort, "spice") < 0)
            return -1;
        gr->keymap = virDomXMLProp(node, "keymap");
        gr->defaultMode = virDomXMLProp(node, "defaultMode");
        gr->passwd = virDomXMLProp(node, "passwd");
        gr->passwdValidTo = virDomXMLProp(node, "passwdValidTo");
        gr->connected = virDomXMLProp(node, "connected");
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_RDP:
        if (virDomainGraphicsPortParse(node, "port", &gr->port, "rdp") < 0)
            return -1;
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SDL:
    case VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP:
        gr->display = virDomXMLProp(node, "display");
        gr->xauth = virDomXMLProp(node, "xauth");
        if (virDomXMLPropTristate(node, "fullscreen", false, &gr->fullscreen) < 0)
            return -1;
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
    case VIR_DOMAIN_GRAPHICS_TYPE_DBUS:
    case VIR_DOMAIN_GRAPHICS_TYPE_LAST:
        break;
    }

    /* <listen> children */
    for (cur = node->children; cur; cur = cur->next) {
        virDomainGraphicsListenDef l = { 0 };
        g_autofree char *ltype = NULL;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, (const xmlChar *)"listen"))
            continue;
        if (type != VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
            type != VIR_DOMAIN_GRAPHICS_TYPE_SPICE &&
            type != VIR_DOMAIN_GRAPHICS_TYPE_RDP)
            continue;
        if (!(ltype = virDomXMLPropRequired(cur, "type")))
            return -1;
        if ((l.type = virDomainGraphicsListenTypeFromString(ltype)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown graphics listen type '%s'", ltype);
            return -1;
        }
        l.address = virDomXMLProp(cur, "address");
        l.network = virDomXMLProp(cur, "network");
        l.socket = virDomXMLProp(cur, "socket");
        gr->listens = g_renew(virDomainGraphicsListenDef, gr->listens,
                              gr->nListens + 1);
        gr->listens[gr->nListens++] = l;
    }

    if (listenAttr && (type == VIR_DOMAIN_GRAPHICS_TYPE_VNC ||
                       type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE ||
                       type == VIR_DOMAIN_GRAPHICS_TYPE_RDP)) {
        if (gr->nListens) {
            virDomainGraphicsListenDef *first = &gr->listens[0];
            if (first->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS &&
                (!first->address || STRNEQ(first->address, listenAttr))) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "graphics 'listen' attribute '%s' must match 'address' attribute of first listen element (found '%s')",
                               listenAttr,
                               first->address ? first->address : "none");
                return -1;
            }
        } else {
            gr->listens = g_new0(virDomainGraphicsListenDef, 1);
            gr->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS;
            gr->listens[0].address = g_strdup(listenAttr);
            gr->nListens = 1;
        }
    }
    if (gr->socket && !gr->nListens) {
        gr->listens = g_new0(virDomainGraphicsListenDef, 1);
        gr->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET;
        gr->listens[0].socket = g_strdup(gr->socket);
        gr->nListens = 1;
    }

    /* other children (spice channels, image, gl ...), kept as written */
    for (cur = node->children; cur; cur = cur->next) {
        virDomainGraphicsSubElem sub = { 0 };
        g_autoptr(GPtrArray) attrs = NULL;
        xmlAttrPtr a;

        if (cur->type != XML_ELEMENT_NODE ||
            xmlStrEqual(cur->name, (const xmlChar *)"listen"))
            continue;
        if (type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE &&
            virDomXMLTableLookup(virDomainSpiceChildren,
                                 (const char *)cur->name) < 0)
            continue;
        if (type != VIR_DOMAIN_GRAPHICS_TYPE_SPICE &&
            !xmlStrEqual(cur->name, (const xmlChar *)"gl"))
            continue;
        attrs = g_ptr_array_new();
        for (a = cur->properties; a; a = a->next) {
            g_ptr_array_add(attrs, g_strdup((const char *)a->name));
            g_ptr_array_add(attrs, virDomXMLProp(cur, (const char *)a->name));
        }
        g_ptr_array_add(attrs, NULL);
        sub.name = g_strdup((const char *)cur->name);
        sub.attrs = (char **)g_ptr_array_free(g_steal_pointer(&attrs), FALSE);
        gr->subs = g_renew(virDomainGraphicsSubElem, gr->subs, gr->nsubs + 1);
        gr->subs[gr->nsubs++] = sub;
    }
    return 0;
}


static void
virDomainGraphicsSubFormat(GString *buf, const virDomainGraphicsSubElem *sub)
{
    size_t i;

    virDomXMLIndent(buf, 3);
    g_string_append_printf(buf, "<%s", sub->name);
    for (i = 0; sub->attrs[i] && sub->attrs[i + 1]; i += 2)
        virDomXMLAttr(buf, sub->attrs[i], sub->attrs[i + 1]);
    g_string_append(buf, "/>\n");
}


static void
virDomainGraphicsFormat(GString *buf, const virDomainGraphicsDef *gr,
                        unsigned int flags)
{
    virDomXMLElem el;
    const virDomainGraphicsListenDef *first = gr->nListens ? &gr->listens[0] : NULL;
    const char *listenAttr = NULL;
    size_t i;
    size_t k;

    if (first && first->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS)
        listenAttr = first->address;

    virDomXMLElemOpen(&el, buf, 2, "graphics");
    virDomXMLAttr(buf, "type", virDomainGraphicsTypeToString(gr->type));

    switch ((virDomainGraphicsType)gr->type) {
    case VIR_DOMAIN_GRAPHICS_TYPE_VNC:
        if (gr->socket) {
            virDomXMLAttr(buf, "socket", gr->socket);
        } else {
            /* a running guest shows the port autoport picked */
            if (gr->autoport && (gr->port <= 0 ||
                                 (flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE)))
                virDomXMLAttr(buf, "port", "-1");
            else if (gr->port)
                virDomXMLAttrf(buf, "port", "%d", gr->port);
            virDomXMLAttr(buf, "autoport", gr->autoport ? "yes" : "no");
            virDomXMLAttr(buf, "listen", listenAttr);
        }
        virDomXMLAttr(buf, "keymap", gr->keymap);
        virDomXMLAttr(buf, "sharePolicy", gr->sharePolicy);
        if (flags & VIR_DOMAIN_DEF_FORMAT_SECURE)
            virDomXMLAttr(buf, "passwd", gr->passwd);
        virDomXMLAttr(buf, "passwdValidTo", gr->passwdValidTo);
        virDomXMLAttr(buf, "connected", gr->connected);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SPICE:
        if (gr->port > 0)
            virDomXMLAttrf(buf, "port", "%d", gr->port);
        if (gr->tlsPort > 0)
            virDomXMLAttrf(buf, "tlsPort", "%d", gr->tlsPort);
        if (gr->autoport)
            virDomXMLAttr(buf, "autoport", "yes");
        else if (gr->port > 0 || gr->tlsPort > 0)
            virDomXMLAttr(buf, "autoport", "no");
        virDomXMLAttr(buf, "listen", listenAttr);
        virDomXMLAttr(buf, "keymap", gr->keymap);
        virDomXMLAttr(buf, "defaultMode", gr->defaultMode);
        if (flags & VIR_DOMAIN_DEF_FORMAT_SECURE)
            virDomXMLAttr(buf, "passwd", gr->passwd);
        virDomXMLAttr(buf, "passwdValidTo", gr->passwdValidTo);
        virDomXMLAttr(buf, "connected", gr->connected);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_RDP:
        virDomXMLAttrf(buf, "port", "%d", gr->port);
        if (gr->autoport)
            virDomXMLAttr(buf, "autoport", "yes");
        virDomXMLAttr(buf, "listen", listenAttr);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SDL:
    case VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP:
        virDomXMLAttr(buf, "display", gr->display);
        virDomXMLAttr(buf, "xauth", gr->xauth);
        if (gr->fullscreen == VIR_TRISTATE_YES)
            virDomXMLAttr(buf, "fullscreen", "yes");
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
    case VIR_DOMAIN_GRAPHICS_TYPE_DBUS:
    case VIR_DOMAIN_GRAPHICS_TYPE_LAST:
        break;
    }

    for (i = 0; i < gr->nListens; i++) {
        const virDomainGraphicsListenDef *l = &gr->listens[i];
        virDomXMLIndent(el.child, 3);
        g_string_append(el.child, "<listen");
        virDomXMLAttr(el.child, "type", virDomainGraphicsListenTypeToString(l->type));
        virDomXMLAttr(el.child, "address", l->address);
        virDomXMLAttr(el.child, "network", l->network);
        virDomXMLAttr(el.child, "socket", l->socket);
        g_string_append(el.child, "/>\n");
    }

    if (gr->type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE) {
        for (k = 0; virDomainSpiceChildren[k]; k++) {
            for (i = 0; i < gr->nsubs; i++) {
                if (STREQ(gr->subs[i].name, virDomainSpiceChildren[k]))
                    virDomainGraphicsSubFormat(el.child, &gr->subs[i]);
            }
        }
    } else {
        for (i = 0; i < gr->nsubs; i++)
            virDomainGraphicsSubFormat(el.child, &gr->subs[i]);
    }
    virDomXMLElemClose(&el);
}


/* ====================================================================== */
/* Video, sound, audio */

virDomainVideoDef *
virDomainVideoDefNew(int type)
{
    virDomainVideoDef *def = g_new0(virDomainVideoDef, 1);

    def->type = type;
    return def;
}


void
virDomainVideoDefFree(virDomainVideoDef *def)
{
    if (!def)
        return;
    g_free(def->rendernode);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainVideoUIntParse(xmlNodePtr node, const char *name, unsigned int *out)
{
    g_autofree char *val = virDomXMLProp(node, name);

    if (!val)
        return 0;
    if (virDomStrToUInt(val, 10, out) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "cannot parse video %s '%s'",
                       name, val);
        return -1;
    }
    return 1;
}


static int
virDomainVideoParse(virDomainVideoDef *video, xmlNodePtr node,
                    unsigned int flags)
{
    xmlNodePtr model = virDomXMLChild(node, "model");
    xmlNodePtr cur;

    if (model) {
        g_autofree char *type = virDomXMLProp(model, "type");
        g_autofree char *primary = virDomXMLProp(model, "primary");

        if (type && (video->type = virDomainVideoTypeFromString(type)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown video model '%s'", type);
            return -1;
        }
        if (virDomainVideoUIntParse(model, "ram", &video->ram) < 0 ||
            virDomainVideoUIntParse(model, "vram", &video->vram) < 0 ||
            virDomainVideoUIntParse(model, "vram64", &video->vram64) < 0 ||
            virDomainVideoUIntParse(model, "vgamem", &video->vgamem) < 0 ||
            virDomainVideoUIntParse(model, "heads", &video->heads) < 0)
            return -1;
        if (primary && STREQ(primary, "yes"))
            video->primary = true;
        if ((cur = virDomXMLChild(model, "acceleration"))) {
            if (virDomXMLPropTristate(cur, "accel3d", false, &video->accel3d) < 0 ||
                virDomXMLPropTristate(cur, "accel2d", false, &video->accel2d) < 0)
                return -1;
            video->rendernode = virDomXMLProp(cur, "rendernode");
        }
        if (video->type != VIR_DOMAIN_VIDEO_TYPE_QXL) {
            if (video->ram) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "ram attribute only supported for video type qxl");
                return -1;
            }
            if (video->vram64) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "vram64 attribute only supported for video type qxl");
                return -1;
            }
            if (video->vgamem) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "vgamem attribute only supported for video type qxl");
                return -1;
            }
        }
    }
    return virDomainDeviceInfoParse(node, &video->info, flags);
}


static void
virDomainVideoFormat(GString *buf, const virDomainVideoDef *video,
                     unsigned int flags)
{
    virDomXMLIndent(buf, 2);
    g_string_append(buf, "<video>\n");
    virDomXMLIndent(buf, 3);
    g_string_append(buf, "<model");
    virDomXMLAttr(buf, "type", virDomainVideoTypeToString(video->type));
    if (video->ram)
        virDomXMLAttrf(buf, "ram", "%u", video->ram);
    if (video->vram)
        virDomXMLAttrf(buf, "vram", "%u", video->vram);
    if (video->vram64)
        virDomXMLAttrf(buf, "vram64", "%u", video->vram64);
    if (video->vgamem)
        virDomXMLAttrf(buf, "vgamem", "%u", video->vgamem);
    if (video->heads)
        virDomXMLAttrf(buf, "heads", "%u", video->heads);
    if (video->primary)
        virDomXMLAttr(buf, "primary", "yes");
    if (video->accel3d || video->accel2d || video->rendernode) {
        g_string_append(buf, ">\n");
        virDomXMLIndent(buf, 4);
        g_string_append(buf, "<acceleration");
        if (video->accel3d)
            virDomXMLAttr(buf, "accel3d", virTristateBoolTypeToString(video->accel3d));
        if (video->accel2d)
            virDomXMLAttr(buf, "accel2d", virTristateBoolTypeToString(video->accel2d));
        virDomXMLAttr(buf, "rendernode", video->rendernode);
        g_string_append(buf, "/>\n");
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "</model>\n");
    } else {
        g_string_append(buf, "/>\n");
    }
    virDomainDeviceInfoFormat(buf, 3, &video->info, flags);
    virDomXMLIndent(buf, 2);
    g_string_append(buf, "</video>\n");
}


void
virDomainSoundDefFree(virDomainSoundDef *def)
{
    if (!def)
        return;
    g_free(def->codecs);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainSoundParse(virDomainSoundDef *sound, xmlNodePtr node,
                    unsigned int flags)
{
    g_autofree char *model = virDomXMLPropRequired(node, "model");
    xmlNodePtr cur;

    if (!model)
        return -1;
    if ((sound->model = virDomainSoundModelTypeFromString(model)) < 0) {
        virReportXMLError(VIR_ERR_XML_ERROR,
                          "Invalid value for attribute 'model' in element 'sound': '%s'.",
                          model);
        return -1;
    }
    for (cur = node->children; cur; cur = cur->next) {
        int codec;
        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, (const xmlChar *)"codec"))
            continue;
        {
            g_autofree char *t = virDomXMLPropRequired(cur, "type");
            if (!t)
                return -1;
            if ((codec = virDomXMLTableLookup(virDomainSoundCodecs, t)) < 0) {
                virReportXMLError(VIR_ERR_XML_ERROR,
                                  "Invalid value for attribute 'type' in element 'codec': '%s'.",
                                  t);
                return -1;
            }
        }
        sound->codecs = g_renew(int, sound->codecs, sound->ncodecs + 1);
        sound->codecs[sound->ncodecs++] = codec;
    }
    if ((cur = virDomXMLChild(node, "audio")) &&
        virDomXMLPropUInt(cur, "id", 10, false, &sound->audioId) < 0)
        return -1;
    return virDomainDeviceInfoParse(node, &sound->info, flags);
}


static void
virDomainSoundFormat(GString *buf, const virDomainSoundDef *sound,
                     unsigned int flags)
{
    virDomXMLElem el;
    size_t i;

    virDomXMLElemOpen(&el, buf, 2, "sound");
    virDomXMLAttr(buf, "model", virDomainSoundModelTypeToString(sound->model));
    for (i = 0; i < sound->ncodecs; i++) {
        virDomXMLIndent(el.child, 3);
        g_string_append_printf(el.child, "<codec type='%s'/>\n",
                               virDomainSoundCodecs[sound->codecs[i]]);
    }
    if (sound->audioId) {
        virDomXMLIndent(el.child, 3);
        g_string_append_printf(el.child, "<audio id='%u'/>\n", sound->audioId);
    }
    virDomainDeviceInfoFormat(el.child, 3, &sound->info, flags);
    virDomXMLElemClose(&el);
}


void
virDomainAudioDefFree(virDomainAudioDef *def)
{
    if (!def)
        return;
    g_free(def->type);
    g_free(def);
}


static int
virDomainAudioParse(virDomainAudioDef *audio, xmlNodePtr node)
{
    static const char *const types[] = {
        "none", "alsa", "coreaudio", "jack", "oss", "pulseaudio", "sdl",
        "spice", "file", "dbus", NULL };

    switch (virDomXMLPropUInt(node, "id", 10, true, &audio->id)) {
    case -1:
        return -1;
    case 0:
        /* found by fuzzing: an audio without id came out as id='0', which
         * does not parse back */
        virReportErrorFull(VIR_FROM_XML, VIR_ERR_XML_ERROR, __FILE__,
                           __func__, __LINE__,
                           "Missing required attribute '%s' in element '%s'",
                           "id", "audio");
        return -1;
    }
    if (!(audio->type = virDomXMLPropRequired(node, "type")))
        return -1;
    if (virDomXMLTableLookup(types, audio->type) < 0) {
        virReportXMLError(VIR_ERR_XML_ERROR,
                          "Invalid value for attribute 'type' in element 'audio': '%s'.",
                          audio->type);
        return -1;
    }
    return 0;
}


/* ====================================================================== */
/* Host devices */

void
virDomainHostdevDefFree(virDomainHostdevDef *def)
{
    if (!def)
        return;
    g_free(def->driverName);
    g_free(def->scsiAdapter);
    g_free(def->capsBlock);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainHostdevParse(virDomainHostdevDef *hd, xmlNodePtr node,
                      unsigned int flags)
{
    g_autofree char *mode = virDomXMLProp(node, "mode");
    g_autofree char *type = virDomXMLProp(node, "type");
    g_autofree char *managed = virDomXMLProp(node, "managed");
    xmlNodePtr source = virDomXMLChild(node, "source");
    xmlNodePtr cur;

    if (mode && STREQ(mode, "capabilities")) {
        hd->mode = 1;
    } else if (mode && STRNEQ(mode, "subsystem")) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown hostdev mode '%s'",
                       mode);
        return -1;
    }

    if (hd->mode == 1) {
        if (!type || (hd->type = virDomXMLTableLookup(virDomainHostdevCapsTypes,
                                                      type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown host device source address type '%s'",
                           type ? type : "(null)");
            return -1;
        }
        if (source) {
            const char *child = hd->type == 0 ? "block" :
                                hd->type == 1 ? "char" : "interface";
            if (hd->type == 2) {
                xmlNodePtr iface = virDomXMLChild(source, child);
                hd->capsBlock = iface ? virDomXMLProp(iface, "name") : NULL;
            } else {
                hd->capsBlock = virDomXMLChildText(source, child);
            }
        }
        return virDomainDeviceInfoParse(node, &hd->info, flags);
    }

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing source address type");
        return -1;
    }
    if ((hd->type = virDomainHostdevSubsysTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown host device source address type '%s'", type);
        return -1;
    }
    if (managed && STREQ(managed, "yes"))
        hd->managed = true;

    if (!source) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing <source> element in hostdev device");
        return -1;
    }
    if (virDomXMLPropEnum(source, "startupPolicy", virDomainStartupPolicies,
                          true, &hd->startupPolicy) < 0)
        return -1;

    switch ((virDomainHostdevSubsysType)hd->type) {
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB:
        if ((cur = virDomXMLChild(source, "vendor"))) {
            g_autofree char *id = virDomXMLPropRequired(cur, "id");
            if (!id || virDomStrToUInt(id, 0, &hd->usbVendor) < 0) {
                if (id)
                    virReportError(VIR_ERR_INTERNAL_ERROR,
                                   "cannot parse vendor id %s", id);
                return -1;
            }
            hd->usbHasVendor = true;
            if (!(cur = virDomXMLChild(source, "product"))) {
                virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                               "missing product");
                return -1;
            }
            {
                g_autofree char *pid = virDomXMLPropRequired(cur, "id");
                if (!pid || virDomStrToUInt(pid, 0, &hd->usbProduct) < 0) {
                    if (pid)
                        virReportError(VIR_ERR_INTERNAL_ERROR,
                                       "cannot parse product %s", pid);
                    return -1;
                }
            }
        }
        if ((cur = virDomXMLChild(source, "address"))) {
            if (virDomXMLPropUInt(cur, "bus", 0, false, &hd->usbBus) < 0 ||
                virDomXMLPropUInt(cur, "device", 0, false, &hd->usbDevice) < 0)
                return -1;
            hd->usbHasAddress = true;
        }
        if (!hd->usbHasVendor && !hd->usbHasAddress) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "usb source needs vendor/product or bus/device");
            return -1;
        }
        break;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI:
        if (!(cur = virDomXMLChild(source, "address"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "PCI host devices must use 'pci' address type");
            return -1;
        }
        if (virDomainPCIAddressParse(cur, &hd->pciAddr) < 0)
            return -1;
        if ((cur = virDomXMLChild(node, "driver")))
            hd->driverName = virDomXMLProp(cur, "name");
        break;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI:
        if ((cur = virDomXMLChild(source, "adapter")))
            hd->scsiAdapter = virDomXMLProp(cur, "name");
        if (!hd->scsiAdapter) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing adapter name in SCSI hostdev source");
            return -1;
        }
        if ((cur = virDomXMLChild(source, "address"))) {
            if (virDomXMLPropUInt(cur, "bus", 10, false, &hd->scsiBus) < 0 ||
                virDomXMLPropUInt(cur, "target", 10, false, &hd->scsiTarget) < 0 ||
                virDomXMLPropUInt(cur, "unit", 10, false, &hd->scsiUnit) < 0)
                return -1;
        }
        break;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST:
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV:
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST:
        break;
    }

    hd->readonly = virDomXMLChild(node, "readonly") != NULL;
    hd->shareable = virDomXMLChild(node, "shareable") != NULL;
    return virDomainDeviceInfoParse(node, &hd->info, flags);
}


static void
virDomainHostdevFormat(GString *buf, const virDomainHostdevDef *hd,
                       unsigned int flags)
{
    virDomXMLIndent(buf, 2);
    if (hd->mode == 1) {
        g_string_append_printf(buf, "<hostdev mode='capabilities' type='%s'>\n",
                               virDomainHostdevCapsTypes[hd->type]);
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<source>\n");
        if (hd->type == 2) {
            virDomXMLIndent(buf, 4);
            g_string_append(buf, "<interface");
            virDomXMLAttr(buf, "name", hd->capsBlock);
            g_string_append(buf, "/>\n");
        } else {
            virDomXMLTextElem(buf, 4, hd->type == 0 ? "block" : "char",
                              hd->capsBlock);
        }
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "</source>\n");
    } else {
        g_string_append_printf(buf, "<hostdev mode='subsystem' type='%s' managed='%s'>\n",
                               virDomainHostdevSubsysTypeToString(hd->type),
                               hd->managed ? "yes" : "no");
        if (hd->driverName) {
            virDomXMLIndent(buf, 3);
            g_string_append(buf, "<driver");
            virDomXMLAttr(buf, "name", hd->driverName);
            g_string_append(buf, "/>\n");
        }
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<source");
        if (hd->startupPolicy)
            virDomXMLAttr(buf, "startupPolicy",
                          virDomainStartupPolicies[hd->startupPolicy]);
        g_string_append(buf, ">\n");
        switch ((virDomainHostdevSubsysType)hd->type) {
        case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB:
            if (hd->usbHasVendor) {
                virDomXMLIndent(buf, 4);
                g_string_append_printf(buf, "<vendor id='0x%.4x'/>\n", hd->usbVendor);
                virDomXMLIndent(buf, 4);
                g_string_append_printf(buf, "<product id='0x%.4x'/>\n", hd->usbProduct);
            }
            if (hd->usbHasAddress) {
                virDomXMLIndent(buf, 4);
                g_string_append_printf(buf, "<address bus='%u' device='%u'/>\n",
                                       hd->usbBus, hd->usbDevice);
            }
            break;
        case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI:
            virDomXMLIndent(buf, 4);
            g_string_append(buf, "<address");
            virDomainPCIAddressFormat(buf, &hd->pciAddr);
            g_string_append(buf, "/>\n");
            break;
        case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI:
            virDomXMLIndent(buf, 4);
            g_string_append(buf, "<adapter");
            virDomXMLAttr(buf, "name", hd->scsiAdapter);
            g_string_append(buf, "/>\n");
            virDomXMLIndent(buf, 4);
            g_string_append_printf(buf, "<address bus='%u' target='%u' unit='%u'/>\n",
                                   hd->scsiBus, hd->scsiTarget, hd->scsiUnit);
            break;
        case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST:
        case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV:
        case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST:
            break;
        }
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "</source>\n");
    }
    if (hd->readonly) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<readonly/>\n");
    }
    if (hd->shareable) {
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "<shareable/>\n");
    }
    virDomainDeviceInfoFormat(buf, 3, &hd->info, flags);
    virDomXMLIndent(buf, 2);
    g_string_append(buf, "</hostdev>\n");
}


/* ====================================================================== */
/* Memballoon, RNG, watchdog, panic, redirdev */

void
virDomainMemballoonDefFree(virDomainMemballoonDef *def)
{
    if (!def)
        return;
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainMemballoonParse(virDomainMemballoonDef *mb, xmlNodePtr node,
                         unsigned int flags)
{
    g_autofree char *model = virDomXMLPropRequired(node, "model");
    xmlNodePtr cur;

    mb->period = -1;
    if (!model)
        return -1;
    if ((mb->model = virDomainMemballoonModelTypeFromString(model)) < 0) {
        virReportXMLError(VIR_ERR_XML_ERROR,
                          "Invalid value for attribute 'model' in element 'memballoon': '%s'.",
                          model);
        return -1;
    }
    if (virDomXMLPropTristate(node, "autodeflate", true, &mb->autodeflate) < 0 ||
        virDomXMLPropTristate(node, "freePageReporting", true,
                              &mb->free_page_reporting) < 0)
        return -1;
    if ((cur = virDomXMLChild(node, "stats"))) {
        if (virDomXMLPropInt(cur, "period", &mb->period) < 0)
            return -1;
        if (mb->period < 0)
            mb->period = 0;
    }
    return virDomainDeviceInfoParse(node, &mb->info, flags);
}


static void
virDomainMemballoonFormat(GString *buf, const virDomainMemballoonDef *mb,
                          unsigned int flags)
{
    virDomXMLElem el;

    virDomXMLElemOpen(&el, buf, 2, "memballoon");
    virDomXMLAttr(buf, "model", virDomainMemballoonModelTypeToString(mb->model));
    if (mb->autodeflate)
        virDomXMLAttr(buf, "autodeflate", virTristateSwitchTypeToString(mb->autodeflate));
    if (mb->free_page_reporting)
        virDomXMLAttr(buf, "freePageReporting",
                      virTristateSwitchTypeToString(mb->free_page_reporting));
    if (mb->period > 0) {
        virDomXMLIndent(el.child, 3);
        g_string_append_printf(el.child, "<stats period='%d'/>\n", mb->period);
    }
    virDomainDeviceInfoFormat(el.child, 3, &mb->info, flags);
    virDomXMLElemClose(&el);
}


void
virDomainRNGDefFree(virDomainRNGDef *def)
{
    if (!def)
        return;
    g_free(def->model);
    g_free(def->randomFile);
    virDomainChrSourceDefFree(def->egd);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainRNGParse(virDomainRNGDef *rng, xmlNodePtr node, unsigned int flags)
{
    xmlNodePtr backend;
    xmlNodePtr cur;
    g_autofree char *bmodel = NULL;

    if (!(rng->model = virDomXMLProp(node, "model"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing RNG device model");
        return -1;
    }
    if (virDomXMLTableLookup(virDomainRNGModels, rng->model) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown RNG model '%s'",
                       rng->model);
        return -1;
    }
    if (virDomXMLCountChildren(node, "backend") != 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one RNG backend is supported");
        return -1;
    }
    backend = virDomXMLChild(node, "backend");
    if ((cur = virDomXMLChild(node, "rate"))) {
        if (virDomXMLPropUInt(cur, "bytes", 10, false, &rng->rate) < 0 ||
            virDomXMLPropUInt(cur, "period", 10, false, &rng->period) < 0)
            return -1;
    }
    if (!(bmodel = virDomXMLProp(backend, "model"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing RNG device backend model");
        return -1;
    }
    if ((rng->backend = virDomainRNGBackendTypeFromString(bmodel)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown RNG backend model '%s'", bmodel);
        return -1;
    }
    switch ((virDomainRNGBackend)rng->backend) {
    case VIR_DOMAIN_RNG_BACKEND_RANDOM:
        rng->randomFile = virDomXMLText(backend);
        if (!*rng->randomFile) {
            g_free(rng->randomFile);
            rng->randomFile = g_strdup("/dev/random");
        }
        break;
    case VIR_DOMAIN_RNG_BACKEND_EGD:
        rng->egd = g_new0(virDomainChrSourceDef, 1);
        if (virDomainChrTypeParse(backend, &rng->egd->type) < 0 ||
            virDomainChrSourceParse(rng->egd, backend, flags) < 0)
            return -1;
        break;
    case VIR_DOMAIN_RNG_BACKEND_BUILTIN:
    case VIR_DOMAIN_RNG_BACKEND_LAST:
        break;
    }
    return virDomainDeviceInfoParse(node, &rng->info, flags);
}


static void
virDomainRNGFormat(GString *buf, const virDomainRNGDef *rng,
                   unsigned int flags)
{
    virDomXMLIndent(buf, 2);
    g_string_append(buf, "<rng");
    virDomXMLAttr(buf, "model", rng->model);
    g_string_append(buf, ">\n");
    if (rng->rate) {
        virDomXMLIndent(buf, 3);
        g_string_append_printf(buf, "<rate bytes='%u'", rng->rate);
        if (rng->period)
            g_string_append_printf(buf, " period='%u'", rng->period);
        g_string_append(buf, "/>\n");
    }
    virDomXMLIndent(buf, 3);
    g_string_append_printf(buf, "<backend model='%s'",
                           virDomainRNGBackendTypeToString(rng->backend));
    switch ((virDomainRNGBackend)rng->backend) {
    case VIR_DOMAIN_RNG_BACKEND_RANDOM:
        g_string_append_c(buf, '>');
        virDomXMLEscape(buf, rng->randomFile);
        g_string_append(buf, "</backend>\n");
        break;
    case VIR_DOMAIN_RNG_BACKEND_EGD:
        virDomXMLAttr(buf, "type", virDomainChrTypeToString(rng->egd->type));
        g_string_append(buf, ">\n");
        virDomainChrSourceFormat(buf, 4, rng->egd, flags);
        virDomXMLIndent(buf, 3);
        g_string_append(buf, "</backend>\n");
        break;
    case VIR_DOMAIN_RNG_BACKEND_BUILTIN:
    case VIR_DOMAIN_RNG_BACKEND_LAST:
        g_string_append(buf, "/>\n");
        break;
    }
    virDomainDeviceInfoFormat(buf, 3, &rng->info, flags);
    virDomXMLIndent(buf, 2);
    g_string_append(buf, "</rng>\n");
}


void
virDomainWatchdogDefFree(virDomainWatchdogDef *def)
{
    if (!def)
        return;
    g_free(def->model);
    g_free(def->action);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainWatchdogParse(virDomainWatchdogDef *wd, xmlNodePtr node,
                       unsigned int flags)
{
    if (!(wd->model = virDomXMLProp(node, "model"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "watchdog must contain model name");
        return -1;
    }
    if (virDomXMLTableLookup(virDomainWatchdogModels, wd->model) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown watchdog model '%s'", wd->model);
        return -1;
    }
    if ((wd->action = virDomXMLProp(node, "action"))) {
        if (virDomXMLTableLookup(virDomainWatchdogActions, wd->action) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown watchdog action '%s'", wd->action);
            return -1;
        }
    } else {
        wd->action = g_strdup("reset");
    }
    return virDomainDeviceInfoParse(node, &wd->info, flags);
}


static void
virDomainWatchdogFormat(GString *buf, const virDomainWatchdogDef *wd,
                        unsigned int flags)
{
    virDomXMLElem el;

    virDomXMLElemOpen(&el, buf, 2, "watchdog");
    virDomXMLAttr(buf, "model", wd->model);
    virDomXMLAttr(buf, "action", wd->action);
    virDomainDeviceInfoFormat(el.child, 3, &wd->info, flags);
    virDomXMLElemClose(&el);
}


void
virDomainPanicDefFree(virDomainPanicDef *def)
{
    if (!def)
        return;
    g_free(def->model);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}


static int
virDomainPanicParse(virDomainPanicDef *panic, xmlNodePtr node,
                    unsigned int flags)
{
    int model = 0;

    if (virDomXMLPropEnum(node, "model", virDomainPanicModels, true, &model) < 0)
        return -1;
    if (model)
        panic->model = g_strdup(virDomainPanicModels[model]);
    return virDomainDeviceInfoParse(node, &panic->info, flags);
}


static void
virDomainPanicFormat(GString *buf, const virDomainPanicDef *panic,
                     unsigned int flags)
{
    virDomXMLElem el;

    virDomXMLElemOpen(&el, buf, 2, "panic");
    virDomXMLAttr(buf, "model", panic->model);
    virDomainDeviceInfoFormat(el.child, 3, &panic->info, flags);
    virDomXMLElemClose(&el);
}


/* <redirdev> reuses the channel structure: bus is kept in targetName. */
static int
virDomainRedirdevParse(virDomainChrDef *chr, xmlNodePtr node,
                       unsigned int flags)
{
    g_autofree char *bus = virDomXMLProp(node, "bus");

    if (bus && STRNEQ(bus, "usb")) {
        virReportXMLError(VIR_ERR_XML_ERROR,
                          "Invalid value for attribute 'bus' in element 'redirdev': '%s'.",
                          bus);
        return -1;
    }
    chr->targetName = g_strdup("usb");
    if (virDomainChrTypeParse(node, &chr->source->type) < 0 ||
        virDomainChrSourceParse(chr->source, node, flags) < 0)
        return -1;
    return virDomainDeviceInfoParse(node, &chr->info, flags);
}


static void
virDomainRedirdevFormat(GString *buf, const virDomainChrDef *chr,
                        unsigned int flags)
{
    virDomXMLIndent(buf, 2);
    g_string_append_printf(buf, "<redirdev bus='%s' type='%s'>\n",
                           chr->targetName,
                           virDomainChrTypeToString(chr->source->type));
    virDomainChrSourceFormat(buf, 3, chr->source, flags);
    virDomainDeviceInfoFormat(buf, 3, &chr->info, flags);
    virDomXMLIndent(buf, 2);
    g_string_append(buf, "</redirdev>\n");
}


/* ====================================================================== */
/* <devices> */

#define PARSE_INTO(ctype, newfn, parsecall, array, count) \
    do { \
        ctype *dev_ = newfn; \
        VIR_DOMAIN_APPEND(array, count, dev_); \
        if (parsecall < 0) \
            return -1; \
    } while (0)

int
virDomainDevicesParse(virDomainDef *def, xmlNodePtr devices,
                      unsigned int flags)
{
    xmlNodePtr cur;
    g_autofree char *emulator = virDomXMLChildText(devices, "emulator");

    def->emulator = g_steal_pointer(&emulator);

    /* disks first: the console/serial and input defaults do not depend
     * on them, but libvirt reports disk errors first */
    for (cur = devices->children; cur; cur = cur->next) {
        const char *name = (const char *)cur->name;

        if (cur->type != XML_ELEMENT_NODE)
            continue;

        if (STREQ(name, "disk")) {
            virDomainDiskDef *disk = g_new0(virDomainDiskDef, 1);
            if (virDomainDiskParse(disk, cur, flags) < 0) {
                virDomainDiskDefFree(disk);
                return -1;
            }
            if (flags & VIR_DOMAIN_DEF_PARSE_COPY)
                VIR_DOMAIN_APPEND(def->disks, def->ndisks, disk);
            else
                virDomainDiskInsert(def, disk);
        } else if (STREQ(name, "controller")) {
            virDomainControllerDef *ctrl = NULL;
            if (virDomainControllerParse(&ctrl, cur, flags) < 0) {
                virDomainControllerDefFree(ctrl);
                return -1;
            }
            if (virDomainControllerFind(def, ctrl->type, ctrl->idx) >= 0 &&
                ctrl->type != VIR_DOMAIN_CONTROLLER_TYPE_USB) {
                virReportError(VIR_ERR_XML_ERROR,
                               "Multiple '%s' controllers with index '%d'",
                               virDomainControllerTypeToString(ctrl->type),
                               ctrl->idx);
                virDomainControllerDefFree(ctrl);
                return -1;
            }
            if (flags & VIR_DOMAIN_DEF_PARSE_COPY)
                VIR_DOMAIN_APPEND(def->controllers, def->ncontrollers, ctrl);
            else
                virDomainControllerInsert(def, ctrl);
        } else if (STREQ(name, "interface")) {
            PARSE_INTO(virDomainNetDef, g_new0(virDomainNetDef, 1),
                       virDomainNetParse(dev_, cur, flags),
                       def->nets, def->nnets);
        } else if (STREQ(name, "serial")) {
            PARSE_INTO(virDomainChrDef,
                       virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL),
                       virDomainChrParse(dev_, cur, flags),
                       def->serials, def->nserials);
        } else if (STREQ(name, "parallel")) {
            PARSE_INTO(virDomainChrDef,
                       virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL),
                       virDomainChrParse(dev_, cur, flags),
                       def->parallels, def->nparallels);
        } else if (STREQ(name, "console")) {
            PARSE_INTO(virDomainChrDef,
                       virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE),
                       virDomainChrParse(dev_, cur, flags),
                       def->consoles, def->nconsoles);
            /* a console's port is its position, whatever was written */
            if (!(flags & VIR_DOMAIN_DEF_PARSE_COPY))
                def->consoles[def->nconsoles - 1]->port = def->nconsoles - 1;
        } else if (STREQ(name, "channel")) {
            PARSE_INTO(virDomainChrDef,
                       virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL),
                       virDomainChrParse(dev_, cur, flags),
                       def->channels, def->nchannels);
        } else if (STREQ(name, "input")) {
            PARSE_INTO(virDomainInputDef, g_new0(virDomainInputDef, 1),
                       virDomainInputParse(dev_, cur, def, flags),
                       def->inputs, def->ninputs);
        } else if (STREQ(name, "graphics")) {
            PARSE_INTO(virDomainGraphicsDef, g_new0(virDomainGraphicsDef, 1),
                       virDomainGraphicsParse(dev_, cur, flags),
                       def->graphics, def->ngraphics);
        } else if (STREQ(name, "sound")) {
            PARSE_INTO(virDomainSoundDef, g_new0(virDomainSoundDef, 1),
                       virDomainSoundParse(dev_, cur, flags),
                       def->sounds, def->nsounds);
        } else if (STREQ(name, "audio")) {
            PARSE_INTO(virDomainAudioDef, g_new0(virDomainAudioDef, 1),
                       virDomainAudioParse(dev_, cur),
                       def->audios, def->naudios);
        } else if (STREQ(name, "video")) {
            PARSE_INTO(virDomainVideoDef, virDomainVideoDefNew(0),
                       virDomainVideoParse(dev_, cur, flags),
                       def->videos, def->nvideos);
        } else if (STREQ(name, "hostdev")) {
            PARSE_INTO(virDomainHostdevDef, g_new0(virDomainHostdevDef, 1),
                       virDomainHostdevParse(dev_, cur, flags),
                       def->hostdevs, def->nhostdevs);
        } else if (STREQ(name, "redirdev")) {
            PARSE_INTO(virDomainChrDef,
                       virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_LAST),
                       virDomainRedirdevParse(dev_, cur, flags),
                       def->redirdevs, def->nredirdevs);
        } else if (STREQ(name, "watchdog")) {
            PARSE_INTO(virDomainWatchdogDef, g_new0(virDomainWatchdogDef, 1),
                       virDomainWatchdogParse(dev_, cur, flags),
                       def->watchdogs, def->nwatchdogs);
        } else if (STREQ(name, "memballoon")) {
            virDomainMemballoonDef *mb = g_new0(virDomainMemballoonDef, 1);
            if (virDomainMemballoonParse(mb, cur, flags) < 0) {
                virDomainMemballoonDefFree(mb);
                return -1;
            }
            if (def->memballoon) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "only a single memory balloon device is supported");
                virDomainMemballoonDefFree(mb);
                return -1;
            }
            def->memballoon = mb;
        } else if (STREQ(name, "rng")) {
            PARSE_INTO(virDomainRNGDef, g_new0(virDomainRNGDef, 1),
                       virDomainRNGParse(dev_, cur, flags),
                       def->rngs, def->nrngs);
        } else if (STREQ(name, "panic")) {
            PARSE_INTO(virDomainPanicDef, g_new0(virDomainPanicDef, 1),
                       virDomainPanicParse(dev_, cur, flags),
                       def->panics, def->npanics);
        }
        /* anything else is ignored, as libvirt ignores unknown elements */
    }
    return 0;
}


void
virDomainDevicesFormat(GString *buf, const virDomainDef *def,
                       unsigned int flags)
{
    size_t i;

    virDomXMLIndent(buf, 1);
    g_string_append(buf, "<devices>\n");
    virDomXMLTextElem(buf, 2, "emulator", def->emulator);
    for (i = 0; i < def->ndisks; i++)
        virDomainDiskFormat(buf, def->disks[i], flags);
    for (i = 0; i < def->ncontrollers; i++)
        virDomainControllerFormat(buf, def->controllers[i], flags);
    for (i = 0; i < def->nnets; i++)
        virDomainNetFormat(buf, def->nets[i], flags);
    for (i = 0; i < def->nserials; i++)
        virDomainChrFormat(buf, def->serials[i], flags);
    for (i = 0; i < def->nparallels; i++)
        virDomainChrFormat(buf, def->parallels[i], flags);
    for (i = 0; i < def->nconsoles; i++)
        virDomainChrFormat(buf, def->consoles[i], flags);
    for (i = 0; i < def->nchannels; i++)
        virDomainChrFormat(buf, def->channels[i], flags);
    for (i = 0; i < def->ninputs; i++)
        virDomainInputFormat(buf, def->inputs[i], flags);
    for (i = 0; i < def->ngraphics; i++)
        virDomainGraphicsFormat(buf, def->graphics[i], flags);
    for (i = 0; i < def->nsounds; i++)
        virDomainSoundFormat(buf, def->sounds[i], flags);
    for (i = 0; i < def->naudios; i++) {
        virDomXMLIndent(buf, 2);
        g_string_append_printf(buf, "<audio id='%u'", def->audios[i]->id);
        virDomXMLAttr(buf, "type", def->audios[i]->type);
        g_string_append(buf, "/>\n");
    }
    for (i = 0; i < def->nvideos; i++)
        virDomainVideoFormat(buf, def->videos[i], flags);
    for (i = 0; i < def->nhostdevs; i++)
        virDomainHostdevFormat(buf, def->hostdevs[i], flags);
    for (i = 0; i < def->nredirdevs; i++)
        virDomainRedirdevFormat(buf, def->redirdevs[i], flags);
    for (i = 0; i < def->nwatchdogs; i++)
        virDomainWatchdogFormat(buf, def->watchdogs[i], flags);
    if (def->memballoon)
        virDomainMemballoonFormat(buf, def->memballoon, flags);
    for (i = 0; i < def->nrngs; i++)
        virDomainRNGFormat(buf, def->rngs[i], flags);
    for (i = 0; i < def->npanics; i++)
        virDomainPanicFormat(buf, def->panics[i], flags);
    virDomXMLIndent(buf, 1);
    g_string_append(buf, "</devices>\n");
}
