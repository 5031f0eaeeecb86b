/* storage_conf.h: storage pool (<pool>) and volume (<volume>) definitions.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>
#include <libvirt/libvirt.h>

#include "conf/virconfxml.h"

typedef enum {
    VIR_STORAGE_POOL_DIR = 0,
    VIR_STORAGE_POOL_FS,
    VIR_STORAGE_POOL_NETFS,
    VIR_STORAGE_POOL_LOGICAL,
    VIR_STORAGE_POOL_DISK,
    VIR_STORAGE_POOL_ISCSI,
    VIR_STORAGE_POOL_ISCSI_DIRECT,
    VIR_STORAGE_POOL_SCSI,
    VIR_STORAGE_POOL_MPATH,
    VIR_STORAGE_POOL_RBD,
    VIR_STORAGE_POOL_SHEEPDOG,
    VIR_STORAGE_POOL_GLUSTER,
    VIR_STORAGE_POOL_ZFS,
    VIR_STORAGE_POOL_VSTORAGE,
    VIR_STORAGE_POOL_LAST
} virStoragePoolType;

const char *virStoragePoolTypeToString(int type);
int virStoragePoolTypeFromString(const char *str);

/* Volume types are the public virStorageVolType (VIR_STORAGE_VOL_FILE...). */

const char *virStorageVolTypeToString(int type);

/* Ownership and label of a pool target or volume; -1 means unset. */
typedef struct _virStoragePerms virStoragePerms;
struct _virStoragePerms {
    mode_t mode;                    /* (mode_t)-1 if unset */
    uid_t uid;                      /* (uid_t)-1 if unset */
    gid_t gid;                      /* (gid_t)-1 if unset */
    char *label;
};

typedef struct _virStoragePoolSourceHost virStoragePoolSourceHost;
struct _virStoragePoolSourceHost {
    char *name;
    int port;                       /* 0: not given */
};

typedef struct _virStoragePoolSourceDevice virStoragePoolSourceDevice;
struct _virStoragePoolSourceDevice {
    char *path;
    int partSeparator;              /* virConfTristate */
};

typedef enum {
    VIR_STORAGE_ADAPTER_NONE = 0,
    VIR_STORAGE_ADAPTER_SCSI_HOST,
    VIR_STORAGE_ADAPTER_FC_HOST,
} virStorageAdapterType;

typedef struct _virStorageAdapter virStorageAdapter;
struct _virStorageAdapter {
    int type;                       /* virStorageAdapterType */
    char *name;                     /* scsi_host */
    char *parent;                   /* fc_host */
    char *parent_wwnn;
    char *parent_wwpn;
    char *parent_fabric_wwn;
    char *wwnn;
    char *wwpn;
    int managed;                    /* virConfTristate */
};

typedef enum {
    VIR_STORAGE_AUTH_NONE = 0,
    VIR_STORAGE_AUTH_CHAP,
    VIR_STORAGE_AUTH_CEPHX,
} virStorageAuthType;

typedef struct _virStorageAuth virStorageAuth;
struct _virStorageAuth {
    int type;                       /* virStorageAuthType */
    char *username;
    bool secretUUIDSet;
    unsigned char secretUUID[VIR_CONF_UUID_LEN];
    char *secretUsage;
};

typedef struct _virStoragePoolSource virStoragePoolSource;
struct _virStoragePoolSource {
    size_t nhost;
    virStoragePoolSourceHost *hosts;
    size_t ndevice;
    virStoragePoolSourceDevice *devices;
    char *dir;
    virStorageAdapter adapter;
    char *name;
    char *initiatorIQN;
    virStorageAuth *auth;
    char *vendor;
    char *product;
    int format;                     /* per pool type; see the .c file */
    char *protocolVer;              /* netfs <protocol ver=> */
};

typedef struct _virStoragePoolTarget virStoragePoolTarget;
struct _virStoragePoolTarget {
    char *path;
    virStoragePerms perms;
};

typedef struct _virStoragePoolDef virStoragePoolDef;
struct _virStoragePoolDef {
    char *name;
    unsigned char uuid[VIR_CONF_UUID_LEN];
    int type;                       /* virStoragePoolType */

    unsigned long long capacity;    /* bytes */
    unsigned long long allocation;
    unsigned long long available;

    int cow;                        /* <features><cow state=>, tristate */
    int refreshVolAllocation;       /* 0 default, 1 capacity */

    virStoragePoolSource source;
    virStoragePoolTarget target;
};

virStoragePoolDef *virStoragePoolDefParseString(const char *xml,
                                                unsigned int flags);
virStoragePoolDef *virStoragePoolDefParseFile(const char *filename,
                                              unsigned int flags);
char *virStoragePoolDefFormat(const virStoragePoolDef *def,
                              unsigned int flags);
void virStoragePoolDefFree(virStoragePoolDef *def);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePoolDef, virStoragePoolDefFree);


typedef struct _virStorageVolBacking virStorageVolBacking;
struct _virStorageVolBacking {
    char *path;
    int format;
    virStoragePerms perms;
};

typedef struct _virStorageVolTarget virStorageVolTarget;
struct _virStorageVolTarget {
    char *path;
    int format;                     /* -1: none for this pool type */
    virStoragePerms perms;
    char *compat;
    bool lazyRefcounts;
    bool hasFeatures;
    bool nocow;
    /* <encryption format='luks'><secret type=.. uuid=../></encryption> */
    char *encFormat;
    char *encSecretType;
    bool encSecretUUIDSet;
    unsigned char encSecretUUID[VIR_CONF_UUID_LEN];
    char *encSecretUsage;
};

typedef struct _virStorageVolDef virStorageVolDef;
struct _virStorageVolDef {
    char *name;
    char *key;
    int type;                       /* virStorageVolType */

    unsigned long long capacity;    /* bytes */
    unsigned long long allocation;
    bool hasAllocation;

    virStorageVolTarget target;
    virStorageVolBacking *backingStore;
};

/* virStorageVolDefParse* flags (libvirt's values) */
typedef enum {
    VIR_VOL_XML_PARSE_NO_CAPACITY = 1 << 0,   /* capacity not allowed */
    VIR_VOL_XML_PARSE_OPT_CAPACITY = 1 << 1,  /* capacity optional */
} virStorageVolDefParseFlags;

/* The pool supplies defaults (volume type, format names). */
virStorageVolDef *virStorageVolDefParseString(const virStoragePoolDef *pool,
                                              const char *xml,
                                              unsigned int flags);
virStorageVolDef *virStorageVolDefParseFile(const virStoragePoolDef *pool,
                                            const char *filename,
                                            unsigned int flags);
char *virStorageVolDefFormat(const virStoragePoolDef *pool,
                             const virStorageVolDef *def);
void virStorageVolDefFree(virStorageVolDef *def);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageVolDef, virStorageVolDefFree);
