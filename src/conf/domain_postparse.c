/* domain_postparse.c: defaults libvirt fills in after reading a <domain>,
 * and the checks that need the whole definition.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Everything here is what every libvirt driver shows in its output (the
 * test driver included); driver-specific defaults go through
 * virDomainXMLOption.postParse instead.
 */
#include <config.h>

#include <string.h>

#include "conf/domain_conf_priv.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN


static int
virDomainDefPostParseMemory(virDomainDef *def)
{
    if (def->total_memory == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Memory size must be specified via <memory> or in the <numa> configuration");
        return -1;
    }
    if (def->cur_balloon == 0 || def->cur_balloon > def->total_memory)
        def->cur_balloon = def->total_memory;
    if (def->max_memory && def->max_memory < def->total_memory) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "maximum memory size must be equal or greater than the actual memory size");
        return -1;
    }
    return 0;
}


static void
virDomainDefPostParseVcpu(virDomainDef *def)
{
    if (!def->placement_mode)
        def->placement_mode = 1;
    if (def->placement_mode == 2 && !def->numatune) {
        def->numatune = g_new0(virDomainNumatuneDef, 1);
        def->numatune->mode = 0;
        def->numatune->placement = 2;
    }
}


/* Per-device <boot order>, against <os><boot dev>. */
static int
virDomainDefPostParseBoot(virDomainDef *def)
{
    g_autoptr(GArray) orders = g_array_new(FALSE, FALSE, sizeof(unsigned int));
    size_t i;
    size_t j;

#define COLLECT(array, count) \
    for (i = 0; i < (count); i++) { \
        if ((array)[i]->info.bootIndex) \
            g_array_append_val(orders, (array)[i]->info.bootIndex); \
    }
    COLLECT(def->disks, def->ndisks);
    COLLECT(def->nets, def->nnets);
    COLLECT(def->hostdevs, def->nhostdevs);
    COLLECT(def->redirdevs, def->nredirdevs);
#undef COLLECT

    if (orders->len == 0) {
        /* with a <bootloader> the guest boots through it */
        if (def->os.nBootDevs == 0 && def->os.type == VIR_DOMAIN_OSTYPE_HVM &&
            !def->raw[VIR_DOMAIN_RAW_BOOTLOADER]) {
            def->os.bootDevs[0] = VIR_DOMAIN_BOOT_DISK;
            def->os.nBootDevs = 1;
        }
        return 0;
    }
    if (def->os.nBootDevs) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "per-device boot elements cannot be used together with os/boot elements");
        return -1;
    }
    for (i = 0; i < orders->len; i++) {
        for (j = i + 1; j < orders->len; j++) {
            unsigned int a = g_array_index(orders, unsigned int, i);
            if (a == g_array_index(orders, unsigned int, j)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "boot order '%u' used for more than one device",
                               a);
                return -1;
            }
        }
    }
    return 0;
}


/* ---- disks ---- */

static int
virDomainDiskDefaultBus(virDomainDef *def, virDomainDiskDef *disk)
{
    if (disk->bus != VIR_DOMAIN_DISK_BUS_NONE)
        return 0;

    if (disk->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY) {
        if (!g_str_has_prefix(disk->dst, "fd")) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Invalid floppy device name: %s", disk->dst);
            return -1;
        }
        disk->bus = VIR_DOMAIN_DISK_BUS_FDC;
        return 0;
    }
    if (g_str_has_prefix(disk->dst, "hd")) {
        disk->bus = VIR_DOMAIN_DISK_BUS_IDE;
    } else if (g_str_has_prefix(disk->dst, "sd")) {
        disk->bus = VIR_DOMAIN_DISK_BUS_SCSI;
    } else if (g_str_has_prefix(disk->dst, "vd")) {
        disk->bus = VIR_DOMAIN_DISK_BUS_VIRTIO;
    } else if (g_str_has_prefix(disk->dst, "xvd")) {
        disk->bus = VIR_DOMAIN_DISK_BUS_XEN;
    } else if (g_str_has_prefix(disk->dst, "ubd")) {
        disk->bus = VIR_DOMAIN_DISK_BUS_UML;
    } else if (g_str_has_prefix(disk->dst, "fd")) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid harddisk device name: %s", disk->dst);
        return -1;
    } else if (def->os.type == VIR_DOMAIN_OSTYPE_XEN ||
               def->os.type == VIR_DOMAIN_OSTYPE_LINUX) {
        disk->bus = VIR_DOMAIN_DISK_BUS_XEN;
    } else {
        disk->bus = VIR_DOMAIN_DISK_BUS_IDE;
    }
    return 0;
}


static int
virDomainDiskAssignAddress(virDomainDiskDef *disk)
{
    virDomainDeviceDriveAddress *a = &disk->info.addr.drive;
    int idx;

    if (disk->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE)
        return 0;
    if (disk->bus != VIR_DOMAIN_DISK_BUS_IDE &&
        disk->bus != VIR_DOMAIN_DISK_BUS_FDC &&
        disk->bus != VIR_DOMAIN_DISK_BUS_SCSI &&
        disk->bus != VIR_DOMAIN_DISK_BUS_SATA)
        return 0;

    if ((idx = virDomainDiskNameToIndex(disk->dst)) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Unknown disk name '%s' and no address specified",
                       disk->dst);
        return -1;
    }

    disk->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
    memset(a, 0, sizeof(*a));
    switch (disk->bus) {
    case VIR_DOMAIN_DISK_BUS_IDE:
        a->controller = idx / 4;
        a->bus = (idx % 4) / 2;
        a->unit = idx % 2;
        break;
    case VIR_DOMAIN_DISK_BUS_FDC:
        a->controller = idx / 2;
        a->unit = idx % 2;
        break;
    case VIR_DOMAIN_DISK_BUS_SCSI:
        a->controller = idx / 7;
        a->unit = idx % 7;
        break;
    case VIR_DOMAIN_DISK_BUS_SATA:
        a->controller = idx / 6;
        a->unit = idx % 6;
        break;
    }
    return 0;
}


static const char *
virDomainDiskSourceName(const virDomainDiskDef *disk)
{
    if (disk->src->type == VIR_STORAGE_TYPE_VOLUME && disk->src->volname)
        return disk->src->volname;
    return disk->src->path ? disk->src->path : "<null>";
}


static int
virDomainDefPostParseDisks(virDomainDef *def)
{
    size_t i;
    size_t j;

    for (i = 0; i < def->ndisks; i++) {
        virDomainDiskDef *disk = def->disks[i];

        if (virDomainDiskDefaultBus(def, disk) < 0)
            return -1;

        if ((disk->device == VIR_DOMAIN_DISK_DEVICE_DISK ||
             disk->device == VIR_DOMAIN_DISK_DEVICE_LUN) &&
            (disk->src->type == VIR_STORAGE_TYPE_FILE ||
             disk->src->type == VIR_STORAGE_TYPE_BLOCK ||
             disk->src->type == VIR_STORAGE_TYPE_DIR) &&
            !disk->src->path) {
            virReportError(VIR_ERR_NO_SOURCE, "%s", disk->dst);
            return -1;
        }
    }

    for (i = 0; i < def->ndisks; i++) {
        for (j = i + 1; j < def->ndisks; j++) {
            if (STREQ(def->disks[i]->dst, def->disks[j]->dst)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "target '%s' duplicated for disk sources '%s' and '%s'",
                               def->disks[i]->dst,
                               virDomainDiskSourceName(def->disks[i]),
                               virDomainDiskSourceName(def->disks[j]));
                return -1;
            }
        }
    }

    for (i = 0; i < def->ndisks; i++) {
        if (virDomainDiskAssignAddress(def->disks[i]) < 0)
            return -1;
    }
    return 0;
}


static bool
virDomainSCSIDriveUsed(const virDomainDef *def, unsigned int controller,
                       unsigned int unit)
{
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        const virDomainDiskDef *d = def->disks[i];
        if (d->bus == VIR_DOMAIN_DISK_BUS_SCSI &&
            d->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
            d->info.addr.drive.controller == controller &&
            d->info.addr.drive.unit == unit)
            return true;
    }
    for (i = 0; i < def->nhostdevs; i++) {
        const virDomainHostdevDef *h = def->hostdevs[i];
        if (h->mode == 0 && h->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI &&
            h->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
            h->info.addr.drive.controller == controller &&
            h->info.addr.drive.unit == unit)
            return true;
    }
    return false;
}


static void
virDomainDefPostParseHostdevs(virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->nhostdevs; i++) {
        virDomainHostdevDef *h = def->hostdevs[i];
        unsigned int controller;
        unsigned int unit;
        bool done = false;

        if (h->mode != 0 || h->type != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI ||
            h->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE)
            continue;
        for (controller = 0; !done; controller++) {
            for (unit = 0; unit < 7 && !done; unit++) {
                if (virDomainSCSIDriveUsed(def, controller, unit))
                    continue;
                h->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
                memset(&h->info.addr.drive, 0, sizeof(h->info.addr.drive));
                h->info.addr.drive.controller = controller;
                h->info.addr.drive.unit = unit;
                done = true;
            }
        }
    }
}


/* ---- character devices ---- */

/* A device without a port takes the highest port in use plus one; one
 * with a target type only counts devices of that type. */
static void
virDomainChrAssignPorts(virDomainChrDef **chrs, size_t n)
{
    size_t i;
    size_t j;

    for (i = 0; i < n; i++) {
        int maxport = -1;

        if (chrs[i]->port >= 0)
            continue;
        for (j = 0; j < n; j++) {
            if (chrs[i]->targetType && chrs[j]->targetType != chrs[i]->targetType)
                continue;
            if (chrs[j]->port > maxport)
                maxport = chrs[j]->port;
        }
        chrs[i]->port = maxport + 1;
    }
}


static int
virDomainDefPostParseChrs(virDomainDef *def)
{
    int serialType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
    size_t i;

    virDomainChrAssignPorts(def->serials, def->nserials);
    virDomainChrAssignPorts(def->parallels, def->nparallels);

    for (i = 0; i < def->nconsoles; i++) {
        virDomainChrDef *con = def->consoles[i];

        if (!con->targetTypeSet && i == 0) {
            con->targetType = serialType;
        } else if (!con->targetTypeSet) {
            con->targetType = serialType;
        }
        if (i > 0 && con->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "Only the first console can be a serial port");
            return -1;
        }
    }

    if (def->os.type != VIR_DOMAIN_OSTYPE_HVM)
        return 0;

    if (def->nconsoles &&
        def->consoles[0]->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL) {
        virDomainChrDef *con = def->consoles[0];

        if (def->nserials == 0) {
            /* the console describes serial 0: make that serial real */
            virDomainChrDef *serial = virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL);
            virDomainChrSourceDefFree(serial->source);
            serial->source = virDomainChrSourceDefCopy(con->source);
            serial->port = con->port >= 0 ? con->port : 0;
            VIR_DOMAIN_APPEND(def->serials, def->nserials, serial);
        } else {
            virDomainChrSourceDefFree(con->source);
            con->source = virDomainChrSourceDefCopy(def->serials[0]->source);
        }
        con->port = def->serials[0]->port;
    } else if (def->nserials) {
        /* a serial port always has a matching first console */
        virDomainChrDef *con = virDomainChrDefNew(VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE);
        virDomainChrSourceDefFree(con->source);
        con->source = virDomainChrSourceDefCopy(def->serials[0]->source);
        con->targetType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
        con->targetTypeSet = true;
        con->port = def->serials[0]->port;
        VIR_DOMAIN_INSERT(def->consoles, def->nconsoles, 0, con);
    }
    return 0;
}


/* ---- controllers ---- */

/* Implicit controllers are created for every index up to the highest one a
 * device names; bound it so a stray address cannot allocate millions. */
#define VIR_DOMAIN_IMPLICIT_CONTROLLER_MAX 65535

static int
virDomainCheckControllerIndex(unsigned int idx, const char *what)
{
    if (idx > VIR_DOMAIN_IMPLICIT_CONTROLLER_MAX) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "%s controller index %u is too large (at most %u)",
                       what, idx, VIR_DOMAIN_IMPLICIT_CONTROLLER_MAX);
        return -1;
    }
    return 0;
}


static int
virDomainDefCheckControllerIndexes(const virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i]->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
            virDomainCheckControllerIndex(def->disks[i]->info.addr.drive.controller,
                                          "drive") < 0)
            return -1;
    }
    for (i = 0; i < def->nhostdevs; i++) {
        if (def->hostdevs[i]->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
            virDomainCheckControllerIndex(def->hostdevs[i]->info.addr.drive.controller,
                                          "drive") < 0)
            return -1;
    }
    for (i = 0; i < def->nchannels; i++) {
        if (def->channels[i]->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL &&
            virDomainCheckControllerIndex(def->channels[i]->info.addr.vioserial.controller,
                                          "virtio-serial") < 0)
            return -1;
    }
    for (i = 0; i < def->nconsoles; i++) {
        if (def->consoles[i]->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL &&
            virDomainCheckControllerIndex(def->consoles[i]->info.addr.vioserial.controller,
                                          "virtio-serial") < 0)
            return -1;
    }
    return 0;
}

static void
virDomainAddController(virDomainDef *def, int type, int idx)
{
    if (virDomainControllerFind(def, type, idx) >= 0)
        return;
    VIR_DOMAIN_APPEND(def->controllers, def->ncontrollers,
                      virDomainControllerDefNew(type, idx));
}


static void
virDomainAddDriveControllers(virDomainDef *def, int bus, int ctrlType)
{
    int max = -1;
    int i;
    size_t k;

    for (k = 0; k < def->ndisks; k++) {
        const virDomainDiskDef *d = def->disks[k];
        if (d->bus == bus &&
            d->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
            (int)d->info.addr.drive.controller > max)
            max = d->info.addr.drive.controller;
    }
    if (ctrlType == VIR_DOMAIN_CONTROLLER_TYPE_SCSI) {
        for (k = 0; k < def->nhostdevs; k++) {
            const virDomainHostdevDef *h = def->hostdevs[k];
            if (h->mode == 0 && h->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI &&
                h->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE &&
                (int)h->info.addr.drive.controller > max)
                max = h->info.addr.drive.controller;
        }
    }
    for (i = 0; i <= max; i++)
        virDomainAddController(def, ctrlType, i);
}


static void
virDomainAddVirtioSerialFor(virDomainDef *def, const virDomainChrDef *chr)
{
    int idx = 0;

    if (chr->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL)
        idx = chr->info.addr.vioserial.controller;
    virDomainAddController(def, VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL, idx);
}


static void
virDomainDefAddImplicitControllers(virDomainDef *def)
{
    size_t i;

    virDomainAddDriveControllers(def, VIR_DOMAIN_DISK_BUS_SCSI,
                                 VIR_DOMAIN_CONTROLLER_TYPE_SCSI);
    virDomainAddDriveControllers(def, VIR_DOMAIN_DISK_BUS_FDC,
                                 VIR_DOMAIN_CONTROLLER_TYPE_FDC);
    virDomainAddDriveControllers(def, VIR_DOMAIN_DISK_BUS_IDE,
                                 VIR_DOMAIN_CONTROLLER_TYPE_IDE);
    virDomainAddDriveControllers(def, VIR_DOMAIN_DISK_BUS_SATA,
                                 VIR_DOMAIN_CONTROLLER_TYPE_SATA);

    for (i = 0; i < def->nchannels; i++) {
        if (def->channels[i]->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO)
            virDomainAddVirtioSerialFor(def, def->channels[i]);
    }
    for (i = 0; i < def->nconsoles; i++) {
        if (def->consoles[i]->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_VIRTIO)
            virDomainAddVirtioSerialFor(def, def->consoles[i]);
    }
}


static int
virDomainDefPostParseRedirdevs(virDomainDef *def)
{
    bool usb = false;
    size_t i;

    if (!def->nredirdevs)
        return 0;
    for (i = 0; i < def->ncontrollers; i++) {
        const virDomainControllerDef *c = def->controllers[i];
        if (c->type == VIR_DOMAIN_CONTROLLER_TYPE_USB &&
            !(c->model && STREQ(c->model, "none")))
            usb = true;
    }
    if (!usb) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "cannot add redirected USB device: USB is disabled for this domain");
        return -1;
    }
    return 0;
}


/* ---- graphics and video ---- */

static void
virDomainDefPostParseGraphics(virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->ngraphics; i++) {
        virDomainGraphicsDef *gr = def->graphics[i];

        switch ((virDomainGraphicsType)gr->type) {
        case VIR_DOMAIN_GRAPHICS_TYPE_VNC:
            if (gr->socket)
                break;
            if (gr->port == -1 || (gr->port == 0 && !gr->autoportSet))
                gr->autoport = true;
            if (gr->autoport)
                gr->port = -1;
            break;
        case VIR_DOMAIN_GRAPHICS_TYPE_SPICE:
            if (gr->port == -1 || gr->tlsPort == -1)
                gr->autoport = true;
            if (gr->autoport) {
                gr->port = 0;
                gr->tlsPort = 0;
            }
            /* nothing to listen on: a spice without ports */
            if (!gr->nListens && !gr->autoport && gr->port <= 0 &&
                gr->tlsPort <= 0) {
                gr->listens = g_new0(virDomainGraphicsListenDef, 1);
                gr->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE;
                gr->nListens = 1;
            }
            break;
        case VIR_DOMAIN_GRAPHICS_TYPE_RDP:
            if (gr->port == -1)
                gr->autoport = true;
            if (gr->autoport)
                gr->port = 0;
            break;
        case VIR_DOMAIN_GRAPHICS_TYPE_SDL:
        case VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP:
        case VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
        case VIR_DOMAIN_GRAPHICS_TYPE_DBUS:
        case VIR_DOMAIN_GRAPHICS_TYPE_LAST:
            continue;
        }
        if (gr->nListens == 0) {
            gr->listens = g_new0(virDomainGraphicsListenDef, 1);
            gr->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS;
            gr->nListens = 1;
        }
    }
}


static unsigned int
virDomainVideoDefaultVRAM(int type)
{
    switch ((virDomainVideoType)type) {
    case VIR_DOMAIN_VIDEO_TYPE_VGA:
    case VIR_DOMAIN_VIDEO_TYPE_CIRRUS:
    case VIR_DOMAIN_VIDEO_TYPE_VMVGA:
    case VIR_DOMAIN_VIDEO_TYPE_BOCHS:
        return 16 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_XEN:
        return 4 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_QXL:
        return 64 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_DEFAULT:
    case VIR_DOMAIN_VIDEO_TYPE_VBOX:
    case VIR_DOMAIN_VIDEO_TYPE_PARALLELS:
    case VIR_DOMAIN_VIDEO_TYPE_VIRTIO:
    case VIR_DOMAIN_VIDEO_TYPE_GOP:
    case VIR_DOMAIN_VIDEO_TYPE_NONE:
    case VIR_DOMAIN_VIDEO_TYPE_RAMFB:
    case VIR_DOMAIN_VIDEO_TYPE_LAST:
        break;
    }
    return 0;
}


static int
virDomainDefPostParseVideo(virDomainDef *def, const virDomainXMLOption *xmlopt)
{
    int deftype = VIR_DOMAIN_VIDEO_TYPE_CIRRUS;
    size_t nprimary = 0;
    size_t i;

    if (xmlopt && xmlopt->defaultVideoType)
        deftype = xmlopt->defaultVideoType;

    if (def->ngraphics && !def->nvideos)
        VIR_DOMAIN_APPEND(def->videos, def->nvideos, virDomainVideoDefNew(0));

    for (i = 0; i < def->nvideos; i++) {
        virDomainVideoDef *v = def->videos[i];

        if (v->type == VIR_DOMAIN_VIDEO_TYPE_DEFAULT)
            v->type = deftype;
        if (v->type == VIR_DOMAIN_VIDEO_TYPE_NONE)
            continue;
        if (!v->vram)
            v->vram = virDomainVideoDefaultVRAM(v->type);
        if (v->type == VIR_DOMAIN_VIDEO_TYPE_QXL && !v->ram)
            v->ram = 64 * 1024;
        if (!v->heads)
            v->heads = 1;
        if (v->primary)
            nprimary++;
    }
    if (nprimary > 1) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Only one primary video device is supported");
        return -1;
    }
    for (i = 1; i < def->nvideos; i++) {
        if (def->videos[i]->primary) {
            virDomainVideoDef *v = def->videos[i];
            memmove(def->videos + 1, def->videos, i * sizeof(*def->videos));
            def->videos[0] = v;
            break;
        }
    }
    if (def->nvideos && def->videos[0]->type != VIR_DOMAIN_VIDEO_TYPE_NONE)
        def->videos[0]->primary = true;
    return 0;
}


int
virDomainDefPostParseCommon(virDomainDef *def, const virDomainXMLOption *xmlopt,
                            unsigned int flags G_GNUC_UNUSED)
{
    if (virDomainDefPostParseMemory(def) < 0)
        return -1;
    virDomainDefPostParseVcpu(def);
    if (virDomainDefPostParseDisks(def) < 0)
        return -1;
    virDomainDefPostParseHostdevs(def);
    if (virDomainDefPostParseChrs(def) < 0)
        return -1;
    if (virDomainDefCheckControllerIndexes(def) < 0)
        return -1;
    virDomainDefAddImplicitControllers(def);
    if (virDomainDefPostParseRedirdevs(def) < 0)
        return -1;
    virDomainDefPostParseGraphics(def);
    if (virDomainDefPostParseVideo(def, xmlopt) < 0)
        return -1;
    if (virDomainDefPostParseBoot(def) < 0)
        return -1;
    return 0;
}
