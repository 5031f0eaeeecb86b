/* domain_conf.h: the domain definition (<domain> XML) as a C structure.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Parsing turns a <domain> document into a virDomainDef; formatting turns it
 * back into XML laid out exactly as libvirt 9.0 lays it out (attribute order,
 * 2-space indent, single quotes, KiB memory, defaults made explicit), so
 * GetXMLDesc output can be compared byte for byte with libvirt's.
 *
 * Parsing runs three steps:
 *   1. read the XML into the structure (errors for malformed values);
 *   2. the driver's hook, if an xmlopt is given (default arch, emulator, ...);
 *   3. the generic defaults every libvirt driver shows: currentMemory and
 *      vcpu placement, <boot dev='hd'/>, random MACs, serial port numbers and
 *      the console mirroring serial 0, drive addresses, implicit controllers
 *      (scsi/fdc/ide/sata/virtio-serial), a video card when graphics exist,
 *      video RAM defaults, graphics <listen> elements; then the checks that
 *      need the whole definition (duplicate disk targets, boot orders ...).
 *
 * What libvirt's *test* driver adds on top (virtkit's src/test must do it):
 *   - the hook sets os.arch to "i686" when <type arch=...> is absent;
 *   - after parsing, on define/create, virDomainDefGenerateIfnames(def,
 *     "testnet") names every interface that has no <target dev=...> (names
 *     beginning "vnet" are dropped at parse time with PARSE_INACTIVE, so they
 *     are renamed too);
 *   - define uses VIR_DOMAIN_DEF_PARSE_INACTIVE; GetXMLDesc passes its public
 *     flags straight through (the FORMAT_* values equal VIR_DOMAIN_XML_*), and
 *     sets def->id while running so the output shows id='N'.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>
#include <libvirt/libvirt.h>

/* ---------------------------------------------------------------------- */
/* Enumerations: each has FooTypeToString(int) (NULL when out of range) and
 * FooTypeFromString(const char *) (-1 when unknown). */

#define VIR_DOMAIN_ENUM_DECL(name) \
    const char *name##TypeToString(int type); \
    int name##TypeFromString(const char *str)

/* Tristate for yes/no or on/off attributes: 0 means "not given". */
typedef enum {
    VIR_TRISTATE_ABSENT = 0,
    VIR_TRISTATE_YES,   /* also "on" */
    VIR_TRISTATE_NO,    /* also "off" */
} virTristate;
VIR_DOMAIN_ENUM_DECL(virTristateBool);   /* "default" "yes" "no" */
VIR_DOMAIN_ENUM_DECL(virTristateSwitch); /* "default" "on" "off" */

typedef enum {
    VIR_DOMAIN_VIRT_NONE = 0, VIR_DOMAIN_VIRT_QEMU, VIR_DOMAIN_VIRT_KQEMU,
    VIR_DOMAIN_VIRT_KVM, VIR_DOMAIN_VIRT_XEN, VIR_DOMAIN_VIRT_LXC,
    VIR_DOMAIN_VIRT_UML, VIR_DOMAIN_VIRT_OPENVZ, VIR_DOMAIN_VIRT_TEST,
    VIR_DOMAIN_VIRT_VMWARE, VIR_DOMAIN_VIRT_HYPERV, VIR_DOMAIN_VIRT_VBOX,
    VIR_DOMAIN_VIRT_PHYP, VIR_DOMAIN_VIRT_PARALLELS, VIR_DOMAIN_VIRT_BHYVE,
    VIR_DOMAIN_VIRT_VZ, VIR_DOMAIN_VIRT_CH,
    VIR_DOMAIN_VIRT_LAST
} virDomainVirtType;
VIR_DOMAIN_ENUM_DECL(virDomainVirt);

typedef enum {
    VIR_DOMAIN_OSTYPE_HVM = 0, VIR_DOMAIN_OSTYPE_XEN, VIR_DOMAIN_OSTYPE_LINUX,
    VIR_DOMAIN_OSTYPE_EXE, VIR_DOMAIN_OSTYPE_UML, VIR_DOMAIN_OSTYPE_XENPVH,
    VIR_DOMAIN_OSTYPE_LAST
} virDomainOSType;
VIR_DOMAIN_ENUM_DECL(virDomainOS);

typedef enum {
    VIR_DOMAIN_BOOT_FLOPPY = 0, VIR_DOMAIN_BOOT_CDROM, VIR_DOMAIN_BOOT_DISK,
    VIR_DOMAIN_BOOT_NET, VIR_DOMAIN_BOOT_LAST
} virDomainBootDev;
VIR_DOMAIN_ENUM_DECL(virDomainBoot);     /* "fd" "cdrom" "hd" "network" */

/* virDomainLifecycleAction (destroy, restart, ...) is the public enum. */
VIR_DOMAIN_ENUM_DECL(virDomainLifecycleAction);

typedef enum {
    VIR_DOMAIN_LOCK_FAILURE_POWEROFF = 1, VIR_DOMAIN_LOCK_FAILURE_RESTART,
    VIR_DOMAIN_LOCK_FAILURE_PAUSE, VIR_DOMAIN_LOCK_FAILURE_IGNORE,
    VIR_DOMAIN_LOCK_FAILURE_LAST
} virDomainLockFailureAction;
VIR_DOMAIN_ENUM_DECL(virDomainLockFailure);

/* Public virDomainState values as strings ("nostate", "running", ...), and
 * the reasons of each state as libvirt spells them in status XML. */
VIR_DOMAIN_ENUM_DECL(virDomainState);
const char *virDomainStateReasonToString(int state, int reason);
int virDomainStateReasonFromString(int state, const char *reason);

/* ---------------------------------------------------------------------- */
/* Device addresses and common device info */

typedef enum {
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE = 0,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST
} virDomainDeviceAddressType;
VIR_DOMAIN_ENUM_DECL(virDomainDeviceAddress);

typedef struct {
    unsigned int domain, bus, slot, function;
    int multifunction;                   /* virTristate, on/off */
} virPCIDeviceAddress;

typedef struct {
    unsigned int controller, bus, target, unit;
} virDomainDeviceDriveAddress;

typedef struct {
    unsigned int controller, bus, port;
} virDomainDeviceVirtioSerialAddress;

typedef struct {
    unsigned int bus;
    char *port;                          /* "1" or "1.2.3" */
} virDomainDeviceUSBAddress;

typedef struct {
    unsigned int controller, slot;
} virDomainDeviceCcidAddress;

typedef struct {
    unsigned int iobase, irq;
    bool has_iobase, has_irq;
} virDomainDeviceISAAddress;

typedef struct {
    int type;                            /* virDomainDeviceAddressType */
    union {
        virPCIDeviceAddress pci;
        virDomainDeviceDriveAddress drive;
        virDomainDeviceVirtioSerialAddress vioserial;
        virDomainDeviceUSBAddress usb;
        virDomainDeviceCcidAddress ccid;
        virDomainDeviceISAAddress isa;
    } addr;
    char *alias;                         /* <alias name=>; kept if "ua-" */
    unsigned int bootIndex;              /* <boot order=>, 0 = none */
    char *loadparm;                      /* <boot loadparm=> */
    int romBar, romEnabled;              /* <rom bar= enabled=>: virTristate */
    char *romFile;
} virDomainDeviceInfo;

/* ---------------------------------------------------------------------- */
/* Disks */

typedef enum {
    VIR_STORAGE_TYPE_NONE = 0, VIR_STORAGE_TYPE_FILE, VIR_STORAGE_TYPE_BLOCK,
    VIR_STORAGE_TYPE_DIR, VIR_STORAGE_TYPE_NETWORK, VIR_STORAGE_TYPE_VOLUME,
    VIR_STORAGE_TYPE_NVME, VIR_STORAGE_TYPE_VHOST_USER,
    VIR_STORAGE_TYPE_LAST
} virStorageType;
VIR_DOMAIN_ENUM_DECL(virStorage);

typedef enum {
    VIR_DOMAIN_DISK_DEVICE_DISK = 0, VIR_DOMAIN_DISK_DEVICE_CDROM,
    VIR_DOMAIN_DISK_DEVICE_FLOPPY, VIR_DOMAIN_DISK_DEVICE_LUN,
    VIR_DOMAIN_DISK_DEVICE_LAST
} virDomainDiskDevice;
VIR_DOMAIN_ENUM_DECL(virDomainDiskDevice);

typedef enum {
    VIR_DOMAIN_DISK_BUS_NONE = 0, VIR_DOMAIN_DISK_BUS_IDE,
    VIR_DOMAIN_DISK_BUS_FDC, VIR_DOMAIN_DISK_BUS_SCSI,
    VIR_DOMAIN_DISK_BUS_VIRTIO, VIR_DOMAIN_DISK_BUS_XEN,
    VIR_DOMAIN_DISK_BUS_USB, VIR_DOMAIN_DISK_BUS_UML,
    VIR_DOMAIN_DISK_BUS_SATA, VIR_DOMAIN_DISK_BUS_SD,
    VIR_DOMAIN_DISK_BUS_LAST
} virDomainDiskBus;
VIR_DOMAIN_ENUM_DECL(virDomainDiskBus);

typedef enum {
    VIR_STORAGE_NET_PROTOCOL_NONE = 0, VIR_STORAGE_NET_PROTOCOL_NBD,
    VIR_STORAGE_NET_PROTOCOL_RBD, VIR_STORAGE_NET_PROTOCOL_SHEEPDOG,
    VIR_STORAGE_NET_PROTOCOL_GLUSTER, VIR_STORAGE_NET_PROTOCOL_ISCSI,
    VIR_STORAGE_NET_PROTOCOL_HTTP, VIR_STORAGE_NET_PROTOCOL_HTTPS,
    VIR_STORAGE_NET_PROTOCOL_FTP, VIR_STORAGE_NET_PROTOCOL_FTPS,
    VIR_STORAGE_NET_PROTOCOL_TFTP, VIR_STORAGE_NET_PROTOCOL_SSH,
    VIR_STORAGE_NET_PROTOCOL_VXHS, VIR_STORAGE_NET_PROTOCOL_NFS,
    VIR_STORAGE_NET_PROTOCOL_LAST
} virStorageNetProtocol;
VIR_DOMAIN_ENUM_DECL(virStorageNetProtocol);

typedef enum {
    VIR_STORAGE_NET_HOST_TRANS_TCP = 0, VIR_STORAGE_NET_HOST_TRANS_UNIX,
    VIR_STORAGE_NET_HOST_TRANS_RDMA, VIR_STORAGE_NET_HOST_TRANS_LAST
} virStorageNetHostTransport;
VIR_DOMAIN_ENUM_DECL(virStorageNetHostTransport);

typedef struct {
    char *name;
    unsigned int port;                   /* 0 = not given */
    int transport;                       /* virStorageNetHostTransport */
    bool has_transport;                  /* transport= was written */
    char *socket;
} virStorageNetHostDef;

/* <auth>: copied through as parsed */
typedef struct {
    char *username;
    char *secrettype;                    /* <secret type=> */
    char *secretUUID;                    /* exactly one of these two */
    char *secretUsage;
} virStorageAuthDef;

typedef struct _virStorageSource virStorageSource;
struct _virStorageSource {
    int type;                            /* virStorageType */
    char *path;                          /* file / dev / dir / network name */
    int protocol;                        /* virStorageNetProtocol */
    virStorageNetHostDef *hosts;
    size_t nhosts;
    char *volpool, *volname;             /* type='volume' */
    char *format;                        /* <driver type=> or <format type=> */
    int startupPolicy;                   /* 0 or index in "default mandatory requisite optional" */
    virStorageAuthDef *auth;
    bool authInherited;                  /* <auth> written outside <source> */
    virStorageSource *backingStore;      /* <backingStore> when given */
    bool backingStoreRaw;                /* <backingStore/> (empty) given */
    char *seclabelModel;                 /* <source><seclabel model= relabel=> */
    int seclabelRelabel;                 /* virTristate */
    bool hasSource;                      /* a <source> element was present */
};

typedef struct {
    char *name;                          /* element name, e.g. total_bytes_sec */
    unsigned long long value;
} virDomainDiskIotune;

typedef struct _virDomainDiskDef virDomainDiskDef;
struct _virDomainDiskDef {
    virStorageSource *src;
    int device;                          /* virDomainDiskDevice */
    int bus;                             /* virDomainDiskBus */
    char *dst;                           /* target dev */
    int tray;                            /* 0, 1 open, 2 closed */
    int removable;                       /* virTristate (on/off) */
    int rotation_rate;
    /* <driver>: every attribute kept in libvirt's order */
    char *driverName;
    char *cachemode, *error_policy, *rerror_policy, *iomode;
    int ioeventfd, event_idx, copy_on_read;   /* virTristate (on/off) */
    char *discard, *detect_zeroes;
    unsigned int queues;
    virDomainDiskIotune *iotune;         /* printed in libvirt's order, zeros dropped */
    size_t niotune;
    char *iotuneGroup;                   /* <iotune><group_name> */
    bool readonly, shared, transient;
    char *serial, *wwn, *vendor, *product;
    char *encryptionFormat;
    char *encryptionSecretType, *encryptionSecretUUID;
    virDomainDeviceInfo info;
};

/* ---------------------------------------------------------------------- */
/* Controllers */

typedef enum {
    VIR_DOMAIN_CONTROLLER_TYPE_IDE = 0, VIR_DOMAIN_CONTROLLER_TYPE_FDC,
    VIR_DOMAIN_CONTROLLER_TYPE_SCSI, VIR_DOMAIN_CONTROLLER_TYPE_SATA,
    VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL, VIR_DOMAIN_CONTROLLER_TYPE_CCID,
    VIR_DOMAIN_CONTROLLER_TYPE_USB, VIR_DOMAIN_CONTROLLER_TYPE_PCI,
    VIR_DOMAIN_CONTROLLER_TYPE_XENBUS, VIR_DOMAIN_CONTROLLER_TYPE_ISA,
    VIR_DOMAIN_CONTROLLER_TYPE_LAST
} virDomainControllerType;
VIR_DOMAIN_ENUM_DECL(virDomainController);

typedef struct {
    int type;                            /* virDomainControllerType */
    int idx;
    char *model;                         /* validated against the type's list */
    /* type-specific attributes, printed when set */
    int ports, vectors;                  /* -1 = not given */
    int maxGrantFrames, maxEventChannels;/* xenbus, -1 = not given */
    /* <driver> */
    unsigned int queues, cmd_per_lun, max_sectors;
    char *iothread;
    /* usb companion <master startport=> (-1 = none) */
    int startport;
    /* pci <model name=>, <target chassisNr= chassis= port= busNr= hotplug= index=> */
    char *modelName;
    int chassisNr, chassis, port, busNr, targetIndex;   /* -1 = not given */
    int hotplug;                         /* virTristate, on/off */
    virDomainDeviceInfo info;
} virDomainControllerDef;

/* ---------------------------------------------------------------------- */
/* Network interfaces */

typedef enum {
    VIR_DOMAIN_NET_TYPE_USER = 0, VIR_DOMAIN_NET_TYPE_ETHERNET,
    VIR_DOMAIN_NET_TYPE_VHOSTUSER, VIR_DOMAIN_NET_TYPE_SERVER,
    VIR_DOMAIN_NET_TYPE_CLIENT, VIR_DOMAIN_NET_TYPE_MCAST,
    VIR_DOMAIN_NET_TYPE_NETWORK, VIR_DOMAIN_NET_TYPE_BRIDGE,
    VIR_DOMAIN_NET_TYPE_INTERNAL, VIR_DOMAIN_NET_TYPE_DIRECT,
    VIR_DOMAIN_NET_TYPE_HOSTDEV, VIR_DOMAIN_NET_TYPE_UDP,
    VIR_DOMAIN_NET_TYPE_VDPA, VIR_DOMAIN_NET_TYPE_NULL,
    VIR_DOMAIN_NET_TYPE_VDS,
    VIR_DOMAIN_NET_TYPE_LAST
} virDomainNetType;
VIR_DOMAIN_ENUM_DECL(virDomainNet);

#define VIR_MAC_BUFLEN 6
#define VIR_MAC_STRING_BUFLEN (VIR_MAC_BUFLEN * 3)

/* One direction of an interface's <bandwidth> (KiB/s, burst KiB; 0 = not
 * given). */
typedef struct {
    unsigned long long average, peak, floor, burst;
} virDomainNetRate;

typedef struct {
    int type;                            /* virDomainNetType */
    unsigned char mac[VIR_MAC_BUFLEN];
    int macType;                         /* 0, or index in "generated static" */
    int macCheck;                        /* virTristate (yes/no) */
    /* <source>: meaning depends on type */
    char *network, *portgroup;           /* network */
    char *bridge;                        /* bridge */
    char *dev;                           /* direct: dev + mode */
    char *directMode;
    char *sourceAddress;                 /* server/client/mcast/udp */
    unsigned int sourcePort;
    char *internalName;                  /* internal */
    /* <virtualport> */
    char *vportType;
    char *vportInterfaceID, *vportProfileID;
    /* <target dev= managed=> */
    char *ifname;
    int managed_tap;                     /* virTristate (yes/no) */
    char *model;                         /* <model type=> */
    /* <driver name= queues= txmode=> */
    char *driverName, *driverTxmode;
    unsigned int driverQueues;
    int linkstate;                       /* 0, 1 up, 2 down */
    unsigned int mtu;
    char *script;
    char *filter;                        /* <filterref filter=> */
    virDomainNetRate *bwIn, *bwOut;      /* <bandwidth>, NULL when absent */
    virDomainDeviceInfo info;
} virDomainNetDef;

/* ---------------------------------------------------------------------- */
/* Character devices: serial, parallel, console, channel */

typedef enum {
    VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL = 0, VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL,
    VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE, VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL,
    VIR_DOMAIN_CHR_DEVICE_TYPE_LAST
} virDomainChrDeviceType;
VIR_DOMAIN_ENUM_DECL(virDomainChrDevice);

typedef enum {
    VIR_DOMAIN_CHR_TYPE_NULL = 0, VIR_DOMAIN_CHR_TYPE_VC,
    VIR_DOMAIN_CHR_TYPE_PTY, VIR_DOMAIN_CHR_TYPE_DEV,
    VIR_DOMAIN_CHR_TYPE_FILE, VIR_DOMAIN_CHR_TYPE_PIPE,
    VIR_DOMAIN_CHR_TYPE_STDIO, VIR_DOMAIN_CHR_TYPE_UDP,
    VIR_DOMAIN_CHR_TYPE_TCP, VIR_DOMAIN_CHR_TYPE_UNIX,
    VIR_DOMAIN_CHR_TYPE_SPICEVMC, VIR_DOMAIN_CHR_TYPE_SPICEPORT,
    VIR_DOMAIN_CHR_TYPE_NMDM, VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT,
    VIR_DOMAIN_CHR_TYPE_DBUS,
    VIR_DOMAIN_CHR_TYPE_LAST
} virDomainChrType;
VIR_DOMAIN_ENUM_DECL(virDomainChr);

typedef enum {
    VIR_DOMAIN_CHR_TCP_PROTOCOL_RAW = 0, VIR_DOMAIN_CHR_TCP_PROTOCOL_TELNET,
    VIR_DOMAIN_CHR_TCP_PROTOCOL_TELNETS, VIR_DOMAIN_CHR_TCP_PROTOCOL_TLS,
    VIR_DOMAIN_CHR_TCP_PROTOCOL_LAST
} virDomainChrTcpProtocol;
VIR_DOMAIN_ENUM_DECL(virDomainChrTcpProtocol);

/* The host side of a character device (also used by rng egd backends). */
typedef struct {
    int type;                            /* virDomainChrType */
    char *path;                          /* dev/file/pipe/pty/unix path */
    int append;                          /* virTristate (on/off), file */
    bool listen;                         /* tcp/unix: mode='bind' */
    char *host, *service;                /* tcp, udp connect side */
    char *bindHost, *bindService;        /* udp bind side */
    int protocol;                        /* virDomainChrTcpProtocol */
    char *channel;                       /* spiceport */
    bool logged;                         /* unused for now */
} virDomainChrSourceDef;

typedef enum {
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_NONE = 0,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_GUESTFWD,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_XEN,
    VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_LAST
} virDomainChrChannelTargetType;

typedef enum {
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE = 0,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_XEN,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_UML,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_VIRTIO,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_LXC,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_OPENVZ,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SCLP,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SCLPLM,
    VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_LAST
} virDomainChrConsoleTargetType;

typedef struct {
    int deviceType;                      /* virDomainChrDeviceType */
    /* <target>: type is the channel/console/serial target type index,
     * -1 when not written (serial, parallel) */
    int targetType;
    bool targetTypeSet;
    int port;                            /* -1 = not given */
    char *targetName;                    /* channel virtio/xen name */
    char *targetAddr;                    /* guestfwd address */
    int targetModel;                     /* serial <model name=>, -1 none */
    virDomainChrSourceDef *source;
    virDomainDeviceInfo info;
} virDomainChrDef;

/* ---------------------------------------------------------------------- */
/* Other devices */

typedef enum {
    VIR_DOMAIN_INPUT_TYPE_MOUSE = 0, VIR_DOMAIN_INPUT_TYPE_TABLET,
    VIR_DOMAIN_INPUT_TYPE_KBD, VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH,
    VIR_DOMAIN_INPUT_TYPE_EVDEV, VIR_DOMAIN_INPUT_TYPE_LAST
} virDomainInputType;
VIR_DOMAIN_ENUM_DECL(virDomainInput);

typedef enum {
    VIR_DOMAIN_INPUT_BUS_DEFAULT = 0, VIR_DOMAIN_INPUT_BUS_PS2,
    VIR_DOMAIN_INPUT_BUS_USB, VIR_DOMAIN_INPUT_BUS_XEN,
    VIR_DOMAIN_INPUT_BUS_PARALLELS, VIR_DOMAIN_INPUT_BUS_VIRTIO,
    VIR_DOMAIN_INPUT_BUS_NONE, VIR_DOMAIN_INPUT_BUS_LAST
} virDomainInputBus;
VIR_DOMAIN_ENUM_DECL(virDomainInputBus);

typedef struct {
    int type;                            /* virDomainInputType */
    int bus;                             /* virDomainInputBus */
    char *model;
    char *evdev;                         /* <source evdev=> / passthrough */
    virDomainDeviceInfo info;
} virDomainInputDef;

typedef enum {
    VIR_DOMAIN_GRAPHICS_TYPE_SDL = 0, VIR_DOMAIN_GRAPHICS_TYPE_VNC,
    VIR_DOMAIN_GRAPHICS_TYPE_RDP, VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP,
    VIR_DOMAIN_GRAPHICS_TYPE_SPICE, VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS,
    VIR_DOMAIN_GRAPHICS_TYPE_DBUS, VIR_DOMAIN_GRAPHICS_TYPE_LAST
} virDomainGraphicsType;
VIR_DOMAIN_ENUM_DECL(virDomainGraphics);

typedef enum {
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE = 0,
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS,
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK,
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET,
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_LAST
} virDomainGraphicsListenType;
VIR_DOMAIN_ENUM_DECL(virDomainGraphicsListen);

typedef struct {
    int type;                            /* virDomainGraphicsListenType */
    char *address, *network, *socket;
} virDomainGraphicsListenDef;

typedef struct {
    char *name;                          /* element (channel, image, ...) */
    char **attrs;                        /* name, value, name, value, NULL */
} virDomainGraphicsSubElem;

typedef struct {
    int type;                            /* virDomainGraphicsType */
    int port, tlsPort;                   /* 0 = not given, -1 = auto */
    bool autoport;
    bool autoportSet;
    char *keymap, *passwd, *passwdValidTo, *connected, *sharePolicy;
    char *socket;                        /* vnc socket= */
    char *display, *xauth;               /* sdl / desktop */
    int fullscreen;                      /* virTristate (yes/no) */
    char *defaultMode;                   /* spice defaultMode */
    virDomainGraphicsListenDef *listens;
    size_t nListens;
    virDomainGraphicsSubElem *subs;      /* spice/vnc children kept as is */
    size_t nsubs;
} virDomainGraphicsDef;

typedef enum {
    VIR_DOMAIN_VIDEO_TYPE_DEFAULT = 0, VIR_DOMAIN_VIDEO_TYPE_VGA,
    VIR_DOMAIN_VIDEO_TYPE_CIRRUS, VIR_DOMAIN_VIDEO_TYPE_VMVGA,
    VIR_DOMAIN_VIDEO_TYPE_XEN, VIR_DOMAIN_VIDEO_TYPE_VBOX,
    VIR_DOMAIN_VIDEO_TYPE_QXL, VIR_DOMAIN_VIDEO_TYPE_PARALLELS,
    VIR_DOMAIN_VIDEO_TYPE_VIRTIO, VIR_DOMAIN_VIDEO_TYPE_GOP,
    VIR_DOMAIN_VIDEO_TYPE_NONE, VIR_DOMAIN_VIDEO_TYPE_BOCHS,
    VIR_DOMAIN_VIDEO_TYPE_RAMFB, VIR_DOMAIN_VIDEO_TYPE_LAST
} virDomainVideoType;
VIR_DOMAIN_ENUM_DECL(virDomainVideo);

typedef struct {
    int type;                            /* virDomainVideoType */
    unsigned int ram, vram, vram64, vgamem, heads;   /* KiB; 0 = not set */
    bool primary;
    int accel3d, accel2d;                /* virTristate (yes/no) */
    char *rendernode;
    virDomainDeviceInfo info;
} virDomainVideoDef;

typedef enum {
    VIR_DOMAIN_SOUND_MODEL_SB16 = 0, VIR_DOMAIN_SOUND_MODEL_ES1370,
    VIR_DOMAIN_SOUND_MODEL_PCSPK, VIR_DOMAIN_SOUND_MODEL_AC97,
    VIR_DOMAIN_SOUND_MODEL_ICH6, VIR_DOMAIN_SOUND_MODEL_ICH9,
    VIR_DOMAIN_SOUND_MODEL_USB, VIR_DOMAIN_SOUND_MODEL_ICH7,
    VIR_DOMAIN_SOUND_MODEL_LAST
} virDomainSoundModel;
VIR_DOMAIN_ENUM_DECL(virDomainSoundModel);

typedef struct {
    int model;                           /* virDomainSoundModel */
    int *codecs;                         /* index in "duplex micro output" */
    size_t ncodecs;
    unsigned int audioId;
    virDomainDeviceInfo info;
} virDomainSoundDef;

typedef struct {
    unsigned int id;
    char *type;                          /* none, spice, pulseaudio, ... */
} virDomainAudioDef;

typedef enum {
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB = 0, VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI, VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV, VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST
} virDomainHostdevSubsysType;
VIR_DOMAIN_ENUM_DECL(virDomainHostdevSubsys);

typedef struct {
    int mode;                            /* 0 subsystem, 1 capabilities */
    int type;                            /* subsystem: virDomainHostdevSubsysType;
                                            capabilities: 0 storage 1 misc 2 net */
    bool managed;
    int startupPolicy;                   /* as for disks */
    /* usb */
    unsigned int usbVendor, usbProduct, usbBus, usbDevice;
    bool usbHasVendor, usbHasAddress;
    /* pci */
    virPCIDeviceAddress pciAddr;
    char *driverName;                    /* <driver name=> (pci) */
    /* scsi */
    char *scsiAdapter;
    unsigned int scsiBus, scsiTarget, scsiUnit;
    /* capabilities */
    char *capsBlock;                     /* storage: <block>, misc: <char>, net: <interface> */
    bool readonly, shareable;
    virDomainDeviceInfo info;
} virDomainHostdevDef;

typedef enum {
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO = 0, VIR_DOMAIN_MEMBALLOON_MODEL_XEN,
    VIR_DOMAIN_MEMBALLOON_MODEL_NONE,
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO_NON_TRANSITIONAL,
    VIR_DOMAIN_MEMBALLOON_MODEL_LAST
} virDomainMemballoonModel;
VIR_DOMAIN_ENUM_DECL(virDomainMemballoonModel);

typedef struct {
    int model;                           /* virDomainMemballoonModel */
    int autodeflate, free_page_reporting;   /* virTristate (on/off) */
    int period;                          /* <stats period=>, -1 none */
    virDomainDeviceInfo info;
} virDomainMemballoonDef;

typedef enum {
    VIR_DOMAIN_RNG_BACKEND_RANDOM = 0, VIR_DOMAIN_RNG_BACKEND_EGD,
    VIR_DOMAIN_RNG_BACKEND_BUILTIN, VIR_DOMAIN_RNG_BACKEND_LAST
} virDomainRNGBackend;
VIR_DOMAIN_ENUM_DECL(virDomainRNGBackend);

typedef struct {
    char *model;                         /* virtio, virtio-transitional, ... */
    int backend;                         /* virDomainRNGBackend */
    char *randomFile;                    /* random backend path, may be NULL */
    virDomainChrSourceDef *egd;          /* egd backend */
    unsigned int rate, period;           /* bytes per period ms; 0 = unset */
    virDomainDeviceInfo info;
} virDomainRNGDef;

typedef struct {
    char *model;                         /* i6300esb, ib700, diag288, itco */
    char *action;                        /* reset (default), poweroff, ... */
    virDomainDeviceInfo info;
} virDomainWatchdogDef;

typedef struct {
    char *model;                         /* NULL = not given */
    virDomainDeviceInfo info;
} virDomainPanicDef;

/* ---------------------------------------------------------------------- */
/* Top-level pieces */

typedef enum {
    VIR_DOMAIN_SECLABEL_DEFAULT = 0, VIR_DOMAIN_SECLABEL_NONE,
    VIR_DOMAIN_SECLABEL_DYNAMIC, VIR_DOMAIN_SECLABEL_STATIC,
    VIR_DOMAIN_SECLABEL_LAST
} virDomainSeclabelType;
VIR_DOMAIN_ENUM_DECL(virDomainSeclabel);

typedef struct {
    char *model;
    int type;                            /* virDomainSeclabelType */
    bool relabel;
    char *label, *imagelabel, *baselabel;
} virSecurityLabelDef;

typedef enum {
    VIR_DOMAIN_CLOCK_OFFSET_UTC = 0, VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME,
    VIR_DOMAIN_CLOCK_OFFSET_VARIABLE, VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE,
    VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE, VIR_DOMAIN_CLOCK_OFFSET_LAST
} virDomainClockOffsetType;
VIR_DOMAIN_ENUM_DECL(virDomainClockOffset);

typedef struct {
    int name;                            /* index in the timer name list */
    int present;                         /* virTristate (yes/no) */
    int tickpolicy, track, mode;         /* -1 = not given, else list index */
    unsigned long long frequency;
    bool catchupSet;
    unsigned long threshold, slew, limit;
} virDomainTimerDef;

typedef struct {
    int offset;                          /* virDomainClockOffsetType */
    long long adjustment;                /* variable */
    bool adjustmentSet;
    int basis;                           /* 0 utc, 1 localtime */
    char *timezone;
    unsigned long long start;            /* absolute */
    char *localtimeAdjustment;           /* localtime adjustment= ("reset" or number) */
    virDomainTimerDef *timers;
    size_t ntimers;
} virDomainClockDef;

typedef struct {
    char *name;
    int policy;                          /* index in "force require optional disable forbid", -1 */
} virCPUFeatureDef;

typedef struct {
    int mode;                            /* 0 custom, 1 host-model, 2 host-passthrough, 3 maximum */
    bool modeSet;
    int match;                           /* -1, or "minimum exact strict" */
    int check;                           /* -1, or "none partial full" */
    int migratable;                      /* virTristate (on/off) */
    char *model;
    int fallback;                        /* -1, or "allow forbid" */
    char *vendor_id;                     /* <model vendor_id=> */
    char *vendor;
    unsigned int sockets, dies, cores, threads;   /* 0 = no <topology> */
    virCPUFeatureDef *features;
    size_t nfeatures;
} virCPUDef;

/* <features> entries; the order is the order they are printed in. */
typedef enum {
    VIR_DOMAIN_FEATURE_ACPI = 0, VIR_DOMAIN_FEATURE_APIC,
    VIR_DOMAIN_FEATURE_PAE, VIR_DOMAIN_FEATURE_HAP,
    VIR_DOMAIN_FEATURE_VIRIDIAN, VIR_DOMAIN_FEATURE_PRIVNET,
    VIR_DOMAIN_FEATURE_HYPERV, VIR_DOMAIN_FEATURE_KVM,
    VIR_DOMAIN_FEATURE_PVSPINLOCK, VIR_DOMAIN_FEATURE_CAPABILITIES,
    VIR_DOMAIN_FEATURE_PMU, VIR_DOMAIN_FEATURE_VMPORT,
    VIR_DOMAIN_FEATURE_GIC, VIR_DOMAIN_FEATURE_SMM,
    VIR_DOMAIN_FEATURE_IOAPIC, VIR_DOMAIN_FEATURE_HPT,
    VIR_DOMAIN_FEATURE_VMCOREINFO, VIR_DOMAIN_FEATURE_HTM,
    VIR_DOMAIN_FEATURE_NESTED_HV, VIR_DOMAIN_FEATURE_MSRS,
    VIR_DOMAIN_FEATURE_CCF_ASSIST, VIR_DOMAIN_FEATURE_XEN,
    VIR_DOMAIN_FEATURE_CFPC, VIR_DOMAIN_FEATURE_SBBC,
    VIR_DOMAIN_FEATURE_IBS, VIR_DOMAIN_FEATURE_TCG,
    VIR_DOMAIN_FEATURE_LAST
} virDomainFeature;
VIR_DOMAIN_ENUM_DECL(virDomainFeature);

/* A sub-element of <hyperv> or <kvm>: <name state='on' [attr='v']/> */
typedef struct {
    char *name;
    int state;                           /* virTristate (on/off) */
    char *attrName, *attrValue;          /* e.g. retries='8191' */
} virDomainFeatureSub;

typedef struct {
    char *type;                          /* rom, pflash */
    char *path;
    int readonly, secure, stateless;     /* virTristate (yes/no) */
    char *nvram, *nvramTemplate;
} virDomainLoaderDef;

typedef struct {
    int type;                            /* virDomainOSType */
    char *arch, *machine;
    char *firmware;                      /* <os firmware=> */
    char *init;
    char **initargs;
    char *kernel, *initrd, *cmdline, *dtb, *root;
    virDomainLoaderDef *loader;
    int bootDevs[VIR_DOMAIN_BOOT_LAST];
    size_t nBootDevs;
    int bootmenu;                        /* virTristate (yes/no) */
    unsigned int bm_timeout;
    bool bm_timeout_set;
    int smbios_mode;                     /* 0, or index in "emulate host sysinfo" */
    int bios_useserial;                  /* virTristate (yes/no) */
    int bios_rebootTimeout;
    bool bios_rebootTimeout_set;
} virDomainOSDef;

typedef struct {
    int mode;                            /* index in "strict preferred interleave restrictive" */
    int placement;                       /* 0 none, 1 static, 2 auto */
    char *nodeset;                       /* canonical cpulist */
} virDomainNumatuneDef;

/* Top-level elements kept as written (re-indented, attributes in single
 * quotes), each printed at libvirt's position for it. */
typedef enum {
    VIR_DOMAIN_RAW_GENID = 0,
    VIR_DOMAIN_RAW_BLKIOTUNE,
    VIR_DOMAIN_RAW_MEMTUNE,           /* sizes normalised to KiB */
    VIR_DOMAIN_RAW_MEMORYBACKING,
    VIR_DOMAIN_RAW_VCPUS,
    VIR_DOMAIN_RAW_IOTHREADS,
    VIR_DOMAIN_RAW_IOTHREADIDS,
    VIR_DOMAIN_RAW_CPUTUNE,
    VIR_DOMAIN_RAW_RESOURCE,
    VIR_DOMAIN_RAW_SYSINFO,
    VIR_DOMAIN_RAW_BOOTLOADER,
    VIR_DOMAIN_RAW_BOOTLOADER_ARGS,
    VIR_DOMAIN_RAW_IDMAP,
    VIR_DOMAIN_RAW_PERF,
    VIR_DOMAIN_RAW_KEYWRAP,
    VIR_DOMAIN_RAW_LAST
} virDomainRawElem;

/* ---------------------------------------------------------------------- */
/* The definition */

typedef struct _virDomainDef virDomainDef;
struct _virDomainDef {
    int virtType;                        /* virDomainVirtType */
    int id;                              /* -1 unless running */
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *title, *description;
    xmlDocPtr metadata;                  /* root <metadata>, children kept */

    /* memory, all in KiB */
    unsigned long long max_memory;       /* <maxMemory>, 0 = none */
    unsigned int memory_slots;
    unsigned long long total_memory;     /* <memory> */
    unsigned long long cur_balloon;      /* <currentMemory> */

    unsigned int maxvcpus;               /* <vcpu>N</vcpu> */
    unsigned int vcpus;                  /* current= (== maxvcpus if unset) */
    int placement_mode;                  /* 1 static, 2 auto */
    char *cpuset;                        /* canonical cpulist, NULL if unset */
    virDomainNumatuneDef *numatune;

    virDomainOSDef os;
    int features[VIR_DOMAIN_FEATURE_LAST];  /* virTristate; ABSENT = off */
    int apic_eoi;                        /* virTristate (on/off) */
    char *hyperv_mode;                   /* <hyperv mode=> */
    virDomainFeatureSub *hyperv;
    size_t nhyperv;
    virDomainFeatureSub *kvm;
    size_t nkvm;
    unsigned int gic_version;            /* 0 = not given */
    char *gic_version_str;
    char *ioapic_driver;
    char *hpt_resizing;
    virCPUDef *cpu;
    virDomainClockDef clock;

    int onPoweroff, onReboot, onCrash;   /* virDomainLifecycleAction */
    int onLockFailure;                   /* 0 = not given */
    int pm_s3, pm_s4;                    /* virTristate (yes/no) */

    /* devices */
    char *emulator;
    virDomainDiskDef **disks; size_t ndisks;
    virDomainControllerDef **controllers; size_t ncontrollers;
    virDomainNetDef **nets; size_t nnets;
    virDomainChrDef **serials; size_t nserials;
    virDomainChrDef **parallels; size_t nparallels;
    virDomainChrDef **consoles; size_t nconsoles;
    virDomainChrDef **channels; size_t nchannels;
    virDomainInputDef **inputs; size_t ninputs;
    virDomainGraphicsDef **graphics; size_t ngraphics;
    virDomainSoundDef **sounds; size_t nsounds;
    virDomainAudioDef **audios; size_t naudios;
    virDomainVideoDef **videos; size_t nvideos;
    virDomainHostdevDef **hostdevs; size_t nhostdevs;
    virDomainChrDef **redirdevs; size_t nredirdevs;   /* <redirdev bus='usb'> */
    virDomainWatchdogDef **watchdogs; size_t nwatchdogs;
    virDomainMemballoonDef *memballoon;  /* NULL = none written */
    virDomainRNGDef **rngs; size_t nrngs;
    virDomainPanicDef **panics; size_t npanics;

    virSecurityLabelDef **seclabels; size_t nseclabels;

    /* rendered XML (at indent level 1, ending in a newline) or NULL */
    char *raw[VIR_DOMAIN_RAW_LAST];
};

/* ---------------------------------------------------------------------- */
/* API */

typedef enum {
    /* The XML describes a defined (not running) domain: ignore id=, and
     * drop runtime-only values such as auto-generated vnet* tap names. */
    VIR_DOMAIN_DEF_PARSE_INACTIVE = 1 << 0,
    /* Skip steps 2 and 3 (driver hook and defaults). */
    VIR_DOMAIN_DEF_PARSE_SKIP_POST_PARSE = 1 << 1,
    /* The document is our own output being copied: keep device order and
     * values exactly as written (libvirt's reading would sort disks and
     * controllers and renumber consoles). */
    VIR_DOMAIN_DEF_PARSE_COPY = 1 << 2,
} virDomainDefParseFlags;

/* Same values as the public VIR_DOMAIN_XML_* flags. */
typedef enum {
    VIR_DOMAIN_DEF_FORMAT_SECURE = 1 << 0,    /* passwords */
    VIR_DOMAIN_DEF_FORMAT_INACTIVE = 1 << 1,  /* no id=, no runtime bits */
    VIR_DOMAIN_DEF_FORMAT_UPDATE_CPU = 1 << 2,
    VIR_DOMAIN_DEF_FORMAT_MIGRATABLE = 1 << 3,
} virDomainDefFormatFlags;

/* A driver's part in parsing.  All members are optional. */
typedef struct _virDomainXMLOption virDomainXMLOption;
struct _virDomainXMLOption {
    /* Step 2: fill driver defaults or reject the definition (report an
     * error and return -1).  The test driver sets os.arch = "i686". */
    int (*postParse)(virDomainDef *def, unsigned int parseFlags, void *opaque);
    void *opaque;
    /* Video model used when <video> has no <model> or when graphics exist
     * without any video; VIR_DOMAIN_VIDEO_TYPE_DEFAULT means cirrus (what
     * libvirt's test driver shows). */
    int defaultVideoType;
};

virDomainDef *virDomainDefNew(void);
void virDomainDefFree(virDomainDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainDef, virDomainDefFree);

virDomainDef *virDomainDefParseString(const char *xml, unsigned int flags);
virDomainDef *virDomainDefParseStringFull(const char *xml,
                                          const virDomainXMLOption *xmlopt,
                                          unsigned int flags);
virDomainDef *virDomainDefParseFile(const char *path,
                                    const virDomainXMLOption *xmlopt,
                                    unsigned int flags);
/* Parse from an already parsed document whose root is <domain>. */
virDomainDef *virDomainDefParseNode(xmlDocPtr xml, xmlNodePtr root,
                                    const virDomainXMLOption *xmlopt,
                                    unsigned int flags);

/* Returns a newly allocated string (NUL-terminated, ending in "\n"). */
char *virDomainDefFormat(const virDomainDef *def, unsigned int flags);

/* A deep copy (format with SECURE, then parse without defaults). */
virDomainDef *virDomainDefCopy(const virDomainDef *def);

/* Name interfaces that have no <target dev>: PREFIX0, PREFIX1, ... in
 * order, counting only the names this function gives. */
void virDomainDefGenerateIfnames(virDomainDef *def, const char *prefix);

/* Small helpers drivers need. */
void virDomainDefSetMemoryTotal(virDomainDef *def, unsigned long long kib);
int virDomainNetFormatMAC(const unsigned char *mac, char *str /* VIR_MAC_STRING_BUFLEN */);
int virDomainNetParseMAC(const char *str, unsigned char *mac);
int virDomainDiskNameToIndex(const char *name);   /* "vdb" -> 1, -1 if bad */
virDomainDiskDef *virDomainDiskByName(virDomainDef *def, const char *name);
