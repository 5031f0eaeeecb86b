/* node_device_conf.h: node device definitions (<device> XML), basic set.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Covers the capability types the test driver's defaults use: system, net,
 * scsi_host (with fc_host / vport_ops), pci, usb_device and storage.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "conf/virconfxml.h"

typedef enum {
    VIR_NODE_DEV_CAP_SYSTEM = 0,
    VIR_NODE_DEV_CAP_PCI_DEV,
    VIR_NODE_DEV_CAP_USB_DEV,
    VIR_NODE_DEV_CAP_USB_INTERFACE,
    VIR_NODE_DEV_CAP_NET,
    VIR_NODE_DEV_CAP_SCSI_HOST,
    VIR_NODE_DEV_CAP_SCSI_TARGET,
    VIR_NODE_DEV_CAP_SCSI,
    VIR_NODE_DEV_CAP_STORAGE,
    VIR_NODE_DEV_CAP_FC_HOST,
    VIR_NODE_DEV_CAP_VPORTS,
    VIR_NODE_DEV_CAP_SCSI_GENERIC,
    VIR_NODE_DEV_CAP_DRM,
    VIR_NODE_DEV_CAP_MDEV_TYPES,
    VIR_NODE_DEV_CAP_MDEV,
    VIR_NODE_DEV_CAP_CCW_DEV,
    VIR_NODE_DEV_CAP_CSS_DEV,
    VIR_NODE_DEV_CAP_VDPA,
    VIR_NODE_DEV_CAP_AP_CARD,
    VIR_NODE_DEV_CAP_AP_QUEUE,
    VIR_NODE_DEV_CAP_AP_MATRIX,
    VIR_NODE_DEV_CAP_VPD,
    VIR_NODE_DEV_CAP_LAST
} virNodeDevCapType;

const char *virNodeDevCapTypeToString(int type);
int virNodeDevCapTypeFromString(const char *str);

typedef struct _virNodeDevCapSystem virNodeDevCapSystem;
struct _virNodeDevCapSystem {
    char *product;
    char *hwVendor, *hwVersion, *hwSerial;
    bool hwUUIDSet;
    unsigned char hwUUID[VIR_CONF_UUID_LEN];
    char *fwVendor, *fwVersion, *fwReleaseDate;
};

typedef struct _virNodeDevCapNet virNodeDevCapNet;
struct _virNodeDevCapNet {
    char *ifname;
    char *address;
    char *linkState;                /* NULL: no <link> */
    unsigned int linkSpeed;         /* Mbit/s; 0: not written */
    size_t nfeatures;
    char **features;
    char *subtype;                  /* "80203", "80211" or NULL */
};

typedef struct _virNodeDevCapSCSIHost virNodeDevCapSCSIHost;
struct _virNodeDevCapSCSIHost {
    unsigned int host;
    int uniqueId;                   /* -1: not written */
    bool fcHost;
    char *wwnn, *wwpn, *fabricWWN;
    bool vportOps;
    unsigned int maxVports, vports;
};

typedef struct _virNodeDevCapPCI virNodeDevCapPCI;
struct _virNodeDevCapPCI {
    unsigned int domain, bus, slot, function;
    unsigned int productId, vendorId;
    char *productName, *vendorName;
};

typedef struct _virNodeDevCapUSB virNodeDevCapUSB;
struct _virNodeDevCapUSB {
    unsigned int bus, device;
    unsigned int productId, vendorId;
    char *productName, *vendorName;
};

typedef struct _virNodeDevCapStorage virNodeDevCapStorage;
struct _virNodeDevCapStorage {
    char *block, *bus, *driveType, *model, *vendor, *serial;
    unsigned long long size;
};

typedef struct _virNodeDevCapsDef virNodeDevCapsDef;
struct _virNodeDevCapsDef {
    int type;                       /* virNodeDevCapType */
    union {
        virNodeDevCapSystem system;
        virNodeDevCapNet net;
        virNodeDevCapSCSIHost scsiHost;
        virNodeDevCapPCI pci;
        virNodeDevCapUSB usb;
        virNodeDevCapStorage storage;
    } data;
    virNodeDevCapsDef *next;
};

typedef struct _virNodeDeviceDef virNodeDeviceDef;
struct _virNodeDeviceDef {
    char *name;
    char *sysfs_path;               /* <path> */
    char *parent;
    virNodeDevCapsDef *caps;        /* linked list, in document order */
};

/* Parse flags.  CREATE: the XML asks for a new device (a vHBA): it has
 * no name yet ("new device" stands in), a SCSI host needs no host
 * number but its fc_host needs both WWNs, a system needs its UUID. */
enum {
    VIR_NODE_DEVICE_PARSE_CREATE = 1 << 0,
};

virNodeDeviceDef *virNodeDeviceDefParseString(const char *xml,
                                              unsigned int flags);
virNodeDeviceDef *virNodeDeviceDefParseFile(const char *filename,
                                            unsigned int flags);
/* Parse a <device> element of an already-parsed document (the test
 * driver's node files hold several). */
virNodeDeviceDef *virNodeDeviceDefParseNode(xmlDocPtr xml, xmlNodePtr root,
                                            unsigned int flags);
char *virNodeDeviceDefFormat(const virNodeDeviceDef *def);
void virNodeDeviceDefFree(virNodeDeviceDef *def);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDeviceDef, virNodeDeviceDefFree);
