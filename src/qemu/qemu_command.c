/* qemu_command.c: domain definition -> QEMU arguments.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * PCI slots: on i440fx ("pc") devices sit on pci.0 as libvirt places them
 * (slot 1 is the PIIX3, slot 2 the primary video card, then controllers,
 * interfaces, virtio disks and the balloon).  On q35 libvirt adds a
 * pcie-root-port per device; we put the devices straight on pcie.0
 * instead (slot 1 video, then from slot 2), which QEMU accepts too.
 */
#include <config.h>

#include <string.h>

#include "qemu/qemu_command.h"
#include "qemu/qemu_json.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

#define QEMU_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

void
qemuCommandFree(qemuCommand *cmd)
{
    if (!cmd)
        return;
    g_ptr_array_free(cmd->env, TRUE);
    g_ptr_array_free(cmd->args, TRUE);
    g_free(cmd);
}


const char *
qemuDomainEmulator(const virDomainDef *def)
{
    if (def->emulator)
        return def->emulator;
    if (def->os.arch && (strcmp(def->os.arch, "i686") == 0 ||
                         strcmp(def->os.arch, "i386") == 0))
        return "/usr/bin/qemu-system-i386";
    if (def->os.arch && strcmp(def->os.arch, "aarch64") == 0)
        return "/usr/bin/qemu-system-aarch64";
    return "/usr/bin/qemu-system-x86_64";
}


typedef struct {
    const virDomainDef *def;
    const qemuCommandParams *p;
    qemuCommand *cmd;
    bool q35;
    const char *pciBus;
    bool slotUsed[32];
    /* slots handed out in libvirt's order before the arguments are
     * written (interfaces, then virtio disks, then the balloon) */
    unsigned int *netSlots;
    unsigned int *diskSlots;
    unsigned int balloonSlot;
    unsigned int usbSlot;       /* q35's implicit USB controller */
} qemuBuildState;

static void
addArg(qemuBuildState *st, const char *arg)
{
    g_ptr_array_add(st->cmd->args, g_strdup(arg));
}

static void
addArgPair(qemuBuildState *st, const char *opt, const char *val)
{
    addArg(st, opt);
    addArg(st, val);
}

G_GNUC_PRINTF(3, 4)
static void
addArgFormat(qemuBuildState *st, const char *opt, const char *fmt, ...)
{
    va_list ap;

    addArg(st, opt);
    va_start(ap, fmt);
    g_ptr_array_add(st->cmd->args, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

/* Commas inside a value of a "key=value,..." option are doubled. */
static char *
escapeComma(const char *s)
{
    GString *out = g_string_new(NULL);

    for (; *s; s++) {
        if (*s == ',')
            g_string_append_c(out, ',');
        g_string_append_c(out, *s);
    }
    return g_string_free(out, FALSE);
}

static bool
isMachineQ35(const virDomainDef *def)
{
    return def->os.machine && (g_str_has_prefix(def->os.machine, "q35") ||
                               g_str_has_prefix(def->os.machine, "pc-q35"));
}


/* ---- PCI slots -------------------------------------------------------- */

static bool
hasVideo(const virDomainDef *def)
{
    return def->nvideos > 0 &&
           def->videos[0]->type != VIR_DOMAIN_VIDEO_TYPE_NONE;
}

static void
reserveExplicitSlot(qemuBuildState *st, const virDomainDeviceInfo *info)
{
    if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI &&
        info->addr.pci.bus == 0 && info->addr.pci.slot < 32)
        st->slotUsed[info->addr.pci.slot] = true;
}

/* The next free slot, 0 when none is left. */
static unsigned int
takeSlot(qemuBuildState *st)
{
    unsigned int slot;

    for (slot = 2; slot < 31; slot++) {
        if (!st->slotUsed[slot]) {
            st->slotUsed[slot] = true;
            return slot;
        }
    }
    return 0;
}

/* Append "bus" and "addr" for a PCI device: its own address if the XML
 * gave one, else `slot` (pre-assigned, or 0 to take the next free one). */
static int
addPCIAddress(qemuBuildState *st, GString *buf,
              const virDomainDeviceInfo *info, unsigned int slot)
{
    g_autofree char *addr = NULL;

    if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI) {
        const virPCIDeviceAddress *a = &info->addr.pci;

        if (a->bus != 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "PCI bus %u is not supported: only bus 0 is",
                           a->bus);
            return -1;
        }
        qemuJSONAddStr(buf, "bus", st->pciBus);
        addr = a->function ? g_strdup_printf("0x%x.0x%x", a->slot,
                                             a->function)
                           : g_strdup_printf("0x%x", a->slot);
        qemuJSONAddStr(buf, "addr", addr);
        return 0;
    }
    if (!slot && !(slot = takeSlot(st))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No more available PCI slots");
        return -1;
    }
    qemuJSONAddStr(buf, "bus", st->pciBus);
    addr = g_strdup_printf("0x%x", slot);
    qemuJSONAddStr(buf, "addr", addr);
    return 0;
}

static bool
hasUSBController(const virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->ncontrollers; i++) {
        if (def->controllers[i]->type == VIR_DOMAIN_CONTROLLER_TYPE_USB)
            return true;
    }
    return false;
}

static void
assignSlots(qemuBuildState *st)
{
    const virDomainDef *def = st->def;
    size_t i;

    if (st->q35 && !hasUSBController(def))
        st->usbSlot = takeSlot(st);

    for (i = 0; i < def->nnets; i++) {
        if (def->nets[i]->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI)
            st->netSlots[i] = takeSlot(st);
    }
    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i]->bus == VIR_DOMAIN_DISK_BUS_VIRTIO &&
            def->disks[i]->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI)
            st->diskSlots[i] = takeSlot(st);
    }
    if (!def->memballoon ||
        (def->memballoon->model == VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO &&
         def->memballoon->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI))
        st->balloonSlot = takeSlot(st);
}


/* ---- top of the command line ----------------------------------------- */

static int
buildMachine(qemuBuildState *st)
{
    const virDomainDef *def = st->def;
    const char *machine = def->os.machine ? def->os.machine : "pc";
    g_autofree char *name = escapeComma(def->name);
    g_autoptr(GString) obj = g_string_new(NULL);
    g_autoptr(GString) smp = NULL;
    unsigned long long mib = (def->total_memory + 1023) / 1024;
    unsigned int maxv = def->maxvcpus ? def->maxvcpus : 1;
    unsigned int cur = def->vcpus ? def->vcpus : maxv;
    char uuid[VIR_UUID_STRING_BUFLEN];

    addArgFormat(st, "-name", "guest=%s,debug-threads=on", name);
    addArg(st, "-S");
    addArgFormat(st, "-machine",
                 "%s,usb=off,dump-guest-core=off,memory-backend=pc.ram",
                 machine);
    addArgPair(st, "-accel", st->p->kvm ? "kvm" : "tcg");

    if (def->cpu && def->cpu->modeSet && def->cpu->mode == 2) {
        addArgPair(st, "-cpu", "host");
    } else if (def->cpu && def->cpu->modeSet && def->cpu->mode == 3) {
        addArgPair(st, "-cpu", "max");
    } else if (def->cpu && def->cpu->model) {
        addArgPair(st, "-cpu", def->cpu->model);
    } else if (!st->p->kvm) {
        addArgPair(st, "-cpu", "qemu64");
    }

    addArgFormat(st, "-m", "%llu", mib);
    qemuJSONBegin(obj);
    qemuJSONAddStr(obj, "qom-type", "memory-backend-ram");
    qemuJSONAddStr(obj, "id", "pc.ram");
    qemuJSONAddInt(obj, "size", (long long)def->total_memory * 1024);
    qemuJSONEnd(obj);
    addArgPair(st, "-object", obj->str);
    addArgPair(st, "-overcommit", "mem-lock=off");

    smp = g_string_new(NULL);
    g_string_append_printf(smp, "%u", cur);
    if (cur != maxv)
        g_string_append_printf(smp, ",maxcpus=%u", maxv);
    if (def->cpu && def->cpu->sockets)
        g_string_append_printf(smp, ",sockets=%u,dies=%u,cores=%u,threads=%u",
                               def->cpu->sockets,
                               def->cpu->dies ? def->cpu->dies : 1,
                               def->cpu->cores, def->cpu->threads);
    else
        g_string_append_printf(smp, ",sockets=%u,cores=1,threads=1", maxv);
    addArgPair(st, "-smp", smp->str);

    virUUIDFormat(def->uuid, uuid);
    addArgPair(st, "-uuid", uuid);
    if (def->ngraphics == 0)
        addArgPair(st, "-display", "none");
    addArg(st, "-no-user-config");
    addArg(st, "-nodefaults");

    addArgFormat(st, "-chardev",
                 "socket,id=charmonitor,path=%s,server=on,wait=off",
                 st->p->monitorPath);
    addArgPair(st, "-mon", "chardev=charmonitor,id=monitor,mode=control");

    addArgPair(st, "-rtc",
               def->clock.offset == VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME ?
               "base=localtime" : "base=utc");
    addArg(st, "-no-shutdown");
    if (def->features[VIR_DOMAIN_FEATURE_ACPI] != VIR_TRISTATE_YES)
        addArg(st, "-no-acpi");
    if (def->os.bootmenu == VIR_TRISTATE_YES)
        addArgPair(st, "-boot", "menu=on,strict=on");
    else
        addArgPair(st, "-boot", "strict=on");

    if (def->os.kernel)
        addArgPair(st, "-kernel", def->os.kernel);
    if (def->os.initrd)
        addArgPair(st, "-initrd", def->os.initrd);
    if (def->os.cmdline)
        addArgPair(st, "-append", def->os.cmdline);
    if (def->os.dtb)
        addArgPair(st, "-dtb", def->os.dtb);
    return 0;
}


/* ---- controllers ------------------------------------------------------ */

static int
buildControllers(qemuBuildState *st)
{
    size_t i;

    /* libvirt gives a domain without any USB controller its machine's
     * default one */
    if (!hasUSBController(st->def)) {
        g_autoptr(GString) dev = g_string_new(NULL);
        g_autofree char *addr = g_strdup_printf("0x%x", st->usbSlot);

        qemuJSONBegin(dev);
        qemuJSONAddStr(dev, "driver", st->q35 ? "qemu-xhci" : "piix3-usb-uhci");
        qemuJSONAddStr(dev, "id", "usb");
        qemuJSONAddStr(dev, "bus", st->pciBus);
        qemuJSONAddStr(dev, "addr", st->q35 ? addr : "0x1.0x2");
        qemuJSONEnd(dev);
        addArgPair(st, "-device", dev->str);
    }

    for (i = 0; i < st->def->ncontrollers; i++) {
        const virDomainControllerDef *c = st->def->controllers[i];
        g_autoptr(GString) dev = g_string_new(NULL);
        const char *model = c->model;
        g_autofree char *id = NULL;

        switch (c->type) {
        case VIR_DOMAIN_CONTROLLER_TYPE_USB:
            if (model && strcmp(model, "none") == 0)
                continue;
            if (!model)
                model = st->q35 ? "qemu-xhci" : "piix3-uhci";
            id = c->idx ? g_strdup_printf("usb%d", c->idx) : g_strdup("usb");
            qemuJSONBegin(dev);
            if (strcmp(model, "piix3-uhci") == 0 && !st->q35 && c->idx == 0) {
                qemuJSONAddStr(dev, "driver", "piix3-usb-uhci");
                qemuJSONAddStr(dev, "id", id);
                qemuJSONAddStr(dev, "bus", "pci.0");
                qemuJSONAddStr(dev, "addr", "0x1.0x2");
            } else if (strcmp(model, "qemu-xhci") == 0 ||
                       strcmp(model, "nec-xhci") == 0) {
                qemuJSONAddStr(dev, "driver", model);
                qemuJSONAddStr(dev, "id", id);
                if (addPCIAddress(st, dev, &c->info, 0) < 0)
                    return -1;
            } else {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "USB controller model '%s' is not supported",
                               model);
                return -1;
            }
            qemuJSONEnd(dev);
            addArgPair(st, "-device", dev->str);
            break;
        case VIR_DOMAIN_CONTROLLER_TYPE_SATA:
            if (st->q35 && c->idx == 0)
                continue;       /* the ICH9 AHCI built into q35 */
            id = g_strdup_printf("sata%d", c->idx);
            qemuJSONBegin(dev);
            qemuJSONAddStr(dev, "driver", "ich9-ahci");
            qemuJSONAddStr(dev, "id", id);
            if (addPCIAddress(st, dev, &c->info, 0) < 0)
                return -1;
            qemuJSONEnd(dev);
            addArgPair(st, "-device", dev->str);
            break;
        case VIR_DOMAIN_CONTROLLER_TYPE_IDE:
            if (st->q35) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "IDE controllers are unsupported for this "
                               "QEMU binary or machine type");
                return -1;
            }
            if (c->idx != 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                               "Only a single IDE controller is supported "
                               "for this machine type");
                return -1;
            }
            break;              /* the PIIX3's */
        default:
            /* pci-root, fdc, virtio-serial and scsi without devices on
             * them need no argument here */
            break;
        }
    }
    return 0;
}


/* ---- disks ------------------------------------------------------------ */

static void
diskDriveAddress(const virDomainDiskDef *disk, unsigned int *ctrl,
                 unsigned int *bus, unsigned int *unit)
{
    int idx = virDomainDiskNameToIndex(disk->dst);

    if (disk->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE) {
        *ctrl = disk->info.addr.drive.controller;
        *bus = disk->info.addr.drive.bus;
        *unit = disk->info.addr.drive.unit;
        return;
    }
    if (idx < 0)
        idx = 0;
    if (disk->bus == VIR_DOMAIN_DISK_BUS_IDE) {
        *ctrl = idx / 4;
        *bus = (idx % 4) / 2;
        *unit = idx % 2;
    } else {
        *ctrl = idx / 6;
        *bus = 0;
        *unit = idx % 6;
    }
}

/* QEMU's cache flags for a <driver cache=> mode: O_DIRECT, no flushes,
 * and the guest-visible write cache.  A shareable disk without a mode
 * gets "none".  -1 if unknown, 0 when there is nothing to set. */
static int
diskCacheFlags(const virDomainDiskDef *disk, bool *direct, bool *noFlush,
               bool *writeCache)
{
    const char *mode = disk->cachemode;

    if (!mode || strcmp(mode, "default") == 0) {
        if (!disk->shared)
            return 0;
        mode = "none";
    }
    *direct = strcmp(mode, "none") == 0 || strcmp(mode, "directsync") == 0;
    *noFlush = strcmp(mode, "unsafe") == 0;
    *writeCache = strcmp(mode, "writethrough") != 0 &&
                  strcmp(mode, "directsync") != 0;
    if (strcmp(mode, "none") != 0 && strcmp(mode, "writeback") != 0 &&
        strcmp(mode, "writethrough") != 0 &&
        strcmp(mode, "directsync") != 0 && strcmp(mode, "unsafe") != 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "disk cache mode '%s' is not supported", mode);
        return -1;
    }
    return 1;
}

static bool
diskHasMedia(const virDomainDiskDef *disk)
{
    return disk->src && disk->src->path && *disk->src->path;
}

static int
buildDisk(qemuBuildState *st, size_t idx, int nodeIndex,
          unsigned int bootIndex)
{
    const virDomainDiskDef *disk = st->def->disks[idx];
    g_autoptr(GString) dev = g_string_new(NULL);
    g_autofree char *storage = g_strdup_printf("libvirt-%d-storage",
                                               nodeIndex);
    g_autofree char *format = g_strdup_printf("libvirt-%d-format", nodeIndex);
    g_autofree char *id = NULL;
    g_autofree char *busName = NULL;
    unsigned int ctrl, bus, unit;
    const char *driver;

    bool direct = false, noFlush = false, writeCache = false;
    g_autofree char *cache = NULL;
    int hasCache;

    if ((hasCache = diskCacheFlags(disk, &direct, &noFlush, &writeCache)) < 0)
        return -1;
    if (hasCache)
        cache = g_strdup_printf("{\"direct\":%s,\"no-flush\":%s}",
                                direct ? "true" : "false",
                                noFlush ? "true" : "false");

    if (diskHasMedia(disk)) {
        g_autoptr(GString) sb = g_string_new(NULL);
        g_autoptr(GString) fb = g_string_new(NULL);
        const char *proto;

        if (disk->src->type == VIR_STORAGE_TYPE_FILE)
            proto = "file";
        else if (disk->src->type == VIR_STORAGE_TYPE_BLOCK)
            proto = "host_device";
        else {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk type '%s' is not supported",
                           virStorageTypeToString(disk->src->type));
            return -1;
        }
        qemuJSONBegin(sb);
        qemuJSONAddStr(sb, "driver", proto);
        qemuJSONAddStr(sb, "filename", disk->src->path);
        qemuJSONAddStr(sb, "node-name", storage);
        if (cache)
            qemuJSONAddRaw(sb, "cache", cache);
        qemuJSONAddBool(sb, "auto-read-only", true);
        qemuJSONAddStr(sb, "discard", "unmap");
        qemuJSONEnd(sb);
        addArgPair(st, "-blockdev", sb->str);

        qemuJSONBegin(fb);
        qemuJSONAddStr(fb, "node-name", format);
        qemuJSONAddBool(fb, "read-only", disk->readonly);
        if (cache)
            qemuJSONAddRaw(fb, "cache", cache);
        qemuJSONAddStr(fb, "driver",
                       disk->src->format ? disk->src->format : "raw");
        qemuJSONAddStr(fb, "file", storage);
        qemuJSONEnd(fb);
        addArgPair(st, "-blockdev", fb->str);
    }

    qemuJSONBegin(dev);
    switch (disk->bus) {
    case VIR_DOMAIN_DISK_BUS_VIRTIO:
        if (disk->device != VIR_DOMAIN_DISK_DEVICE_DISK) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk device '%s' is not supported on bus "
                           "'virtio'",
                           virDomainDiskDeviceTypeToString(disk->device));
            return -1;
        }
        id = g_strdup_printf("virtio-disk%d",
                             MAX(virDomainDiskNameToIndex(disk->dst), 0));
        qemuJSONAddStr(dev, "driver", "virtio-blk-pci");
        if (addPCIAddress(st, dev, &disk->info, st->diskSlots[idx]) < 0)
            return -1;
        break;
    case VIR_DOMAIN_DISK_BUS_IDE:
    case VIR_DOMAIN_DISK_BUS_SATA:
        if (disk->bus == VIR_DOMAIN_DISK_BUS_IDE && st->q35) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "IDE controllers are unsupported for this QEMU "
                           "binary or machine type");
            return -1;
        }
        diskDriveAddress(disk, &ctrl, &bus, &unit);
        if (disk->device == VIR_DOMAIN_DISK_DEVICE_CDROM)
            driver = "ide-cd";
        else if (disk->device == VIR_DOMAIN_DISK_DEVICE_DISK)
            driver = "ide-hd";
        else {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "disk device '%s' is not supported on bus '%s'",
                           virDomainDiskDeviceTypeToString(disk->device),
                           virDomainDiskBusTypeToString(disk->bus));
            return -1;
        }
        qemuJSONAddStr(dev, "driver", driver);
        if (disk->bus == VIR_DOMAIN_DISK_BUS_IDE) {
            id = g_strdup_printf("ide%u-%u-%u", ctrl, bus, unit);
            busName = g_strdup_printf("ide.%u", bus);
            qemuJSONAddStr(dev, "bus", busName);
            qemuJSONAddInt(dev, "unit", unit);
        } else {
            id = g_strdup_printf("sata%u-%u-%u", ctrl, bus, unit);
            busName = (st->q35 && ctrl == 0)
                ? g_strdup_printf("ide.%u", unit)
                : g_strdup_printf("sata%u.%u", ctrl, unit);
            qemuJSONAddStr(dev, "bus", busName);
        }
        break;
    default:
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "disk bus '%s' is not supported",
                       virDomainDiskBusTypeToString(disk->bus));
        return -1;
    }
    if (disk->shared)
        qemuJSONAddBool(dev, "share-rw", true);
    if (diskHasMedia(disk))
        qemuJSONAddStr(dev, "drive", format);
    qemuJSONAddStr(dev, "id", id);
    if (bootIndex)
        qemuJSONAddInt(dev, "bootindex", bootIndex);
    if (hasCache)
        qemuJSONAddStr(dev, "write-cache", writeCache ? "on" : "off");
    qemuJSONEnd(dev);
    addArgPair(st, "-device", dev->str);
    return 0;
}


/* Boot indexes: <boot order=> on devices when any has one, else the
 * first device of each <os><boot dev=> kind, in that order. */
static void
computeBootIndexes(const virDomainDef *def, unsigned int *disks,
                   unsigned int *nets)
{
    bool perDevice = false;
    size_t i, j;

    for (i = 0; i < def->ndisks; i++)
        perDevice |= def->disks[i]->info.bootIndex != 0;
    for (i = 0; i < def->nnets; i++)
        perDevice |= def->nets[i]->info.bootIndex != 0;
    if (perDevice) {
        for (i = 0; i < def->ndisks; i++)
            disks[i] = def->disks[i]->info.bootIndex;
        for (i = 0; i < def->nnets; i++)
            nets[i] = def->nets[i]->info.bootIndex;
        return;
    }
    for (j = 0; j < def->os.nBootDevs; j++) {
        int want = -1;

        switch (def->os.bootDevs[j]) {
        case VIR_DOMAIN_BOOT_DISK:
            want = VIR_DOMAIN_DISK_DEVICE_DISK;
            break;
        case VIR_DOMAIN_BOOT_CDROM:
            want = VIR_DOMAIN_DISK_DEVICE_CDROM;
            break;
        case VIR_DOMAIN_BOOT_FLOPPY:
            want = VIR_DOMAIN_DISK_DEVICE_FLOPPY;
            break;
        case VIR_DOMAIN_BOOT_NET:
            if (def->nnets > 0)
                nets[0] = j + 1;
            continue;
        }
        for (i = 0; i < def->ndisks; i++) {
            if ((int)def->disks[i]->device == want) {
                disks[i] = j + 1;
                break;
            }
        }
    }
}


/* ---- network interfaces ----------------------------------------------- */

static int
buildNet(qemuBuildState *st, size_t idx, unsigned int bootIndex)
{
    const virDomainNetDef *net = st->def->nets[idx];
    g_autoptr(GString) nd = g_string_new(NULL);
    g_autoptr(GString) dev = g_string_new(NULL);
    g_autofree char *hostnet = g_strdup_printf("hostnet%zu", idx);
    g_autofree char *id = g_strdup_printf("net%zu", idx);
    char mac[VIR_MAC_STRING_BUFLEN];
    const char *model = net->model ? net->model : "rtl8139";
    int tapfd = idx < st->p->ntapfds ? st->p->tapfds[idx] : -1;

    qemuJSONBegin(nd);
    switch (net->type) {
    case VIR_DOMAIN_NET_TYPE_USER:
        qemuJSONAddStr(nd, "type", "user");
        break;
    case VIR_DOMAIN_NET_TYPE_ETHERNET:
    case VIR_DOMAIN_NET_TYPE_BRIDGE:
    case VIR_DOMAIN_NET_TYPE_NETWORK:
        qemuJSONAddStr(nd, "type", "tap");
        if (tapfd >= 0) {
            g_autofree char *fd = g_strdup_printf("%d", tapfd);

            qemuJSONAddStr(nd, "fd", fd);
        } else if (net->ifname) {
            qemuJSONAddStr(nd, "ifname", net->ifname);
            qemuJSONAddStr(nd, "script", "no");
            qemuJSONAddStr(nd, "downscript", "no");
        } else {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "no tap device for interface %zu", idx);
            return -1;
        }
        break;
    default:
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "interface type '%s' is not supported",
                       virDomainNetTypeToString(net->type));
        return -1;
    }
    qemuJSONAddStr(nd, "id", hostnet);
    qemuJSONEnd(nd);
    addArgPair(st, "-netdev", nd->str);

    if (strcmp(model, "virtio") == 0)
        model = "virtio-net-pci";
    virDomainNetFormatMAC(net->mac, mac);
    qemuJSONBegin(dev);
    qemuJSONAddStr(dev, "driver", model);
    qemuJSONAddStr(dev, "netdev", hostnet);
    qemuJSONAddStr(dev, "id", id);
    qemuJSONAddStr(dev, "mac", mac);
    if (addPCIAddress(st, dev, &net->info, st->netSlots[idx]) < 0)
        return -1;
    if (bootIndex)
        qemuJSONAddInt(dev, "bootindex", bootIndex);
    qemuJSONEnd(dev);
    addArgPair(st, "-device", dev->str);
    return 0;
}


/* ---- character devices ------------------------------------------------ */

static int
buildChardev(qemuBuildState *st, const virDomainChrSourceDef *src,
             const char *id)
{
    g_autofree char *path = src->path ? escapeComma(src->path) : NULL;

    switch (src->type) {
    case VIR_DOMAIN_CHR_TYPE_PTY:
        addArgFormat(st, "-chardev", "pty,id=%s", id);
        return 0;
    case VIR_DOMAIN_CHR_TYPE_NULL:
        addArgFormat(st, "-chardev", "null,id=%s", id);
        return 0;
    case VIR_DOMAIN_CHR_TYPE_VC:
        addArgFormat(st, "-chardev", "vc,id=%s", id);
        return 0;
    case VIR_DOMAIN_CHR_TYPE_STDIO:
        addArgFormat(st, "-chardev", "stdio,id=%s", id);
        return 0;
    case VIR_DOMAIN_CHR_TYPE_FILE:
        if (!path)
            break;
        addArgFormat(st, "-chardev", "file,id=%s,path=%s%s", id, path,
                     src->append == VIR_TRISTATE_YES ? ",append=on" :
                     src->append == VIR_TRISTATE_NO ? ",append=off" : "");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_DEV:
        if (!path)
            break;
        addArgFormat(st, "-chardev", "tty,id=%s,path=%s", id, path);
        return 0;
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        if (!path)
            break;
        addArgFormat(st, "-chardev", "pipe,id=%s,path=%s", id, path);
        return 0;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        if (!path)
            break;
        addArgFormat(st, "-chardev", "socket,id=%s,path=%s%s", id, path,
                     src->listen ? ",server=on,wait=off" : "");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        if (!src->host || !src->service)
            break;
        addArgFormat(st, "-chardev", "socket,id=%s,host=%s,port=%s%s%s",
                     id, src->host, src->service,
                     src->protocol == VIR_DOMAIN_CHR_TCP_PROTOCOL_TELNET ?
                     ",telnet=on" : "",
                     src->listen ? ",server=on,wait=off" : "");
        return 0;
    default:
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "character device type '%s' is not supported",
                       virDomainChrTypeToString(src->type));
        return -1;
    }
    virReportError(VIR_ERR_XML_ERROR,
                   "character device '%s' of type '%s' has no source", id,
                   virDomainChrTypeToString(src->type));
    return -1;
}

static int
buildSerials(qemuBuildState *st)
{
    size_t i;

    for (i = 0; i < st->def->nserials; i++) {
        const virDomainChrDef *chr = st->def->serials[i];
        g_autofree char *chrid = g_strdup_printf("charserial%zu", i);
        g_autofree char *id = g_strdup_printf("serial%zu", i);
        g_autoptr(GString) dev = g_string_new(NULL);

        if (buildChardev(st, chr->source, chrid) < 0)
            return -1;
        qemuJSONBegin(dev);
        qemuJSONAddStr(dev, "driver", "isa-serial");
        qemuJSONAddStr(dev, "chardev", chrid);
        qemuJSONAddStr(dev, "id", id);
        qemuJSONAddInt(dev, "index", chr->port >= 0 ? chr->port : (int)i);
        qemuJSONEnd(dev);
        addArgPair(st, "-device", dev->str);
    }
    for (i = 0; i < st->def->nconsoles; i++) {
        const virDomainChrDef *con = st->def->consoles[i];

        /* A serial console is the serial port itself. */
        if (con->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL ||
            (!con->targetTypeSet && i == 0 && st->def->nserials > 0))
            continue;
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "only serial consoles are supported");
        return -1;
    }
    if (st->def->nparallels || st->def->nchannels) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "parallel ports and channels are not supported");
        return -1;
    }
    return 0;
}


/* ---- graphics, video, balloon ----------------------------------------- */

static int
buildGraphics(qemuBuildState *st)
{
    size_t i;

    addArgPair(st, "-audiodev", "{\"id\":\"audio1\",\"driver\":\"none\"}");
    for (i = 0; i < st->def->ngraphics; i++) {
        const virDomainGraphicsDef *g = st->def->graphics[i];
        const char *listen = "127.0.0.1";
        int port = g->port;

        if (g->type != VIR_DOMAIN_GRAPHICS_TYPE_VNC) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "graphics type '%s' is not supported",
                           virDomainGraphicsTypeToString(g->type));
            return -1;
        }
        if (g->nListens > 0 &&
            g->listens[0].type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET &&
            g->listens[0].socket) {
            g_autofree char *sock = escapeComma(g->listens[0].socket);

            addArgFormat(st, "-vnc", "vnc=unix:%s,audiodev=audio1", sock);
            continue;
        }
        if (g->nListens > 0 && g->listens[0].address)
            listen = g->listens[0].address;
        if (port <= 0 || g->autoport)
            port = st->p->vncPort >= 5900 ? st->p->vncPort : 5900;
        if (port < 5900) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "VNC port %d is below 5900", port);
            return -1;
        }
        addArgFormat(st, "-vnc", "%s%s%s:%d,audiodev=audio1",
                     strchr(listen, ':') ? "[" : "", listen,
                     strchr(listen, ':') ? "]" : "", port - 5900);
    }
    return 0;
}

static int
buildVideos(qemuBuildState *st)
{
    size_t i;

    for (i = 0; i < st->def->nvideos; i++) {
        const virDomainVideoDef *v = st->def->videos[i];
        g_autoptr(GString) dev = g_string_new(NULL);
        g_autofree char *id = g_strdup_printf("video%zu", i);
        const char *driver;

        switch (v->type) {
        case VIR_DOMAIN_VIDEO_TYPE_NONE:
            continue;
        case VIR_DOMAIN_VIDEO_TYPE_DEFAULT:
        case VIR_DOMAIN_VIDEO_TYPE_CIRRUS:
            driver = "cirrus-vga";
            break;
        case VIR_DOMAIN_VIDEO_TYPE_VGA:
            driver = "VGA";
            break;
        case VIR_DOMAIN_VIDEO_TYPE_VIRTIO:
            driver = "virtio-vga";
            break;
        case VIR_DOMAIN_VIDEO_TYPE_QXL:
            driver = "qxl-vga";
            break;
        case VIR_DOMAIN_VIDEO_TYPE_BOCHS:
            driver = "bochs-display";
            break;
        default:
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "video type '%s' is not supported",
                           virDomainVideoTypeToString(v->type));
            return -1;
        }
        qemuJSONBegin(dev);
        qemuJSONAddStr(dev, "driver", driver);
        qemuJSONAddStr(dev, "id", id);
        /* VGA's memory is what <model vram=> says */
        if (v->type == VIR_DOMAIN_VIDEO_TYPE_VGA && v->vram)
            qemuJSONAddInt(dev, "vgamem_mb", v->vram / 1024);
        if (i == 0 && v->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI) {
            qemuJSONAddStr(dev, "bus", st->pciBus);
            qemuJSONAddStr(dev, "addr", st->q35 ? "0x1" : "0x2");
        } else if (addPCIAddress(st, dev, &v->info, 0) < 0) {
            return -1;
        }
        qemuJSONEnd(dev);
        addArgPair(st, "-device", dev->str);
    }
    return 0;
}

static int
buildBalloon(qemuBuildState *st)
{
    const virDomainMemballoonDef *mb = st->def->memballoon;
    virDomainDeviceInfo none = { 0 };
    g_autoptr(GString) dev = g_string_new(NULL);

    /* libvirt gives a domain without <memballoon> a virtio one */
    if (mb && mb->model == VIR_DOMAIN_MEMBALLOON_MODEL_NONE)
        return 0;
    if (mb && mb->model != VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "memballoon model '%s' is not supported",
                       virDomainMemballoonModelTypeToString(mb->model));
        return -1;
    }
    qemuJSONBegin(dev);
    qemuJSONAddStr(dev, "driver", "virtio-balloon-pci");
    qemuJSONAddStr(dev, "id", "balloon0");
    if (addPCIAddress(st, dev, mb ? &mb->info : &none, st->balloonSlot) < 0)
        return -1;
    qemuJSONEnd(dev);
    addArgPair(st, "-device", dev->str);
    return 0;
}


static int
checkUnsupported(const virDomainDef *def)
{
    const char *what = NULL;

    if (def->nhostdevs)
        what = "host devices";
    else if (def->nsounds)
        what = "sound devices";
    else if (def->nredirdevs)
        what = "USB redirection";
    else if (def->nwatchdogs)
        what = "watchdogs";
    else if (def->nrngs)
        what = "RNG devices";
    else if (def->os.type != VIR_DOMAIN_OSTYPE_HVM)
        what = "OS types other than 'hvm'";
    if (what) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "%s are not supported by this QEMU driver yet", what);
        return -1;
    }
    if (def->total_memory < 1024) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "the domain needs at least 1 MiB of memory");
        return -1;
    }
    return 0;
}


qemuCommand *
qemuBuildCommandLine(const virDomainDef *def, const qemuCommandParams *params)
{
    g_autoptr(qemuCommand) cmd = g_new0(qemuCommand, 1);
    qemuBuildState st = { .def = def, .p = params, .cmd = cmd };
    g_autofree unsigned int *diskBoot = g_new0(unsigned int, def->ndisks + 1);
    g_autofree unsigned int *netBoot = g_new0(unsigned int, def->nnets + 1);
    g_autofree unsigned int *netSlots = g_new0(unsigned int, def->nnets + 1);
    g_autofree unsigned int *diskSlots = g_new0(unsigned int, def->ndisks + 1);
    const char *dir = params->domainDir ? params->domainDir : "/";
    size_t i;
    int node;

    cmd->env = g_ptr_array_new_with_free_func(g_free);
    cmd->args = g_ptr_array_new_with_free_func(g_free);
    if (checkUnsupported(def) < 0)
        return NULL;

    st.q35 = isMachineQ35(def);
    st.pciBus = st.q35 ? "pcie.0" : "pci.0";
    /* slot 0 is the host bridge, 1 the PIIX3 (q35: kept free for the
     * video card); 2 is the primary video card's when there is one */
    st.slotUsed[0] = st.slotUsed[1] = true;
    st.slotUsed[2] = hasVideo(def);
    st.slotUsed[31] = true;
    for (i = 0; i < def->ndisks; i++)
        reserveExplicitSlot(&st, &def->disks[i]->info);
    for (i = 0; i < def->nnets; i++)
        reserveExplicitSlot(&st, &def->nets[i]->info);
    for (i = 0; i < def->ncontrollers; i++)
        reserveExplicitSlot(&st, &def->controllers[i]->info);
    for (i = 0; i < def->nvideos; i++)
        reserveExplicitSlot(&st, &def->videos[i]->info);
    if (def->memballoon)
        reserveExplicitSlot(&st, &def->memballoon->info);
    st.netSlots = netSlots;
    st.diskSlots = diskSlots;
    assignSlots(&st);

    g_ptr_array_add(cmd->env, g_strdup("LC_ALL=C"));
    g_ptr_array_add(cmd->env, g_strdup("PATH=" QEMU_PATH));
    g_ptr_array_add(cmd->env, g_strdup_printf("HOME=%s", dir));
    g_ptr_array_add(cmd->env,
                    g_strdup_printf("XDG_DATA_HOME=%s/.local/share", dir));
    g_ptr_array_add(cmd->env,
                    g_strdup_printf("XDG_CACHE_HOME=%s/.cache", dir));
    g_ptr_array_add(cmd->env,
                    g_strdup_printf("XDG_CONFIG_HOME=%s/.config", dir));

    addArg(&st, params->emulator ? params->emulator : qemuDomainEmulator(def));
    if (buildMachine(&st) < 0 || buildControllers(&st) < 0)
        return NULL;

    computeBootIndexes(def, diskBoot, netBoot);
    /* libvirt numbers the block nodes down from the number of disks */
    node = def->ndisks;
    for (i = 0; i < def->ndisks; i++, node--) {
        if (buildDisk(&st, i, node, diskBoot[i]) < 0)
            return NULL;
    }
    for (i = 0; i < def->nnets; i++) {
        if (buildNet(&st, i, netBoot[i]) < 0)
            return NULL;
    }
    if (buildSerials(&st) < 0 || buildGraphics(&st) < 0 ||
        buildVideos(&st) < 0 || buildBalloon(&st) < 0)
        return NULL;

    addArgPair(&st, "-sandbox", "on,obsolete=deny,elevateprivileges=deny,"
               "spawn=deny,resourcecontrol=deny");
    addArgPair(&st, "-msg", "timestamp=on");
    g_ptr_array_add(cmd->args, NULL);
    return g_steal_pointer(&cmd);
}


/* ---- printing --------------------------------------------------------- */

static void
appendQuoted(GString *out, const char *s)
{
    const char *p;
    bool plain = *s != '\0';

    for (p = s; *p && plain; p++) {
        if (!g_ascii_isalnum(*p) && !strchr("_,.:/=+-@%", *p))
            plain = false;
    }
    if (plain) {
        g_string_append(out, s);
        return;
    }
    g_string_append_c(out, '\'');
    for (p = s; *p; p++) {
        if (*p == '\'')
            g_string_append(out, "'\\''");
        else
            g_string_append_c(out, *p);
    }
    g_string_append_c(out, '\'');
}

char *
qemuCommandToString(const qemuCommand *cmd)
{
    GString *out = g_string_new(NULL);
    size_t i;

    for (i = 0; i < cmd->env->len; i++) {
        const char *e = cmd->env->pdata[i];
        const char *eq = strchr(e, '=');

        g_string_append_len(out, e, eq - e + 1);
        appendQuoted(out, eq + 1);
        g_string_append(out, " \\\n");
    }
    for (i = 0; i < cmd->args->len && cmd->args->pdata[i]; i++) {
        const char *a = cmd->args->pdata[i];

        if (i > 0) {
            /* an option's value goes on the option's line; only a
             * kernel command line may itself start with '-' */
            const char *prev = cmd->args->pdata[i - 1];

            if (a[0] == '-' && strcmp(prev, "-append") != 0)
                g_string_append(out, " \\\n");
            else
                g_string_append_c(out, ' ');
        }
        appendQuoted(out, a);
    }
    g_string_append_c(out, '\n');
    return g_string_free(out, FALSE);
}
