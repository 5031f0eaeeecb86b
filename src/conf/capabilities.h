/* capabilities.h: the host capabilities document (virConnectGetCapabilities).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A driver builds a virCaps with the calls below and formats it with
 * virCapabilitiesFormatXML; the layout matches libvirt 9.0.
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "conf/virconfxml.h"

typedef struct _virCapsHostNUMACellCPU virCapsHostNUMACellCPU;
struct _virCapsHostNUMACellCPU {
    unsigned int id;
    int socket_id;                  /* -1: no topology known */
    int die_id;
    int core_id;
    char *siblings;                 /* e.g. "0,4"; NULL: not written */
};

typedef struct _virCapsHostNUMACellPages virCapsHostNUMACellPages;
struct _virCapsHostNUMACellPages {
    unsigned int size;              /* KiB */
    unsigned long long avail;       /* pages */
};

typedef struct _virCapsHostNUMACellDistance virCapsHostNUMACellDistance;
struct _virCapsHostNUMACellDistance {
    int node;
    unsigned int distance;
};

typedef struct _virCapsHostNUMACell virCapsHostNUMACell;
struct _virCapsHostNUMACell {
    int num;
    unsigned long long mem;         /* KiB; 0: not written */
    size_t ncpus;
    virCapsHostNUMACellCPU *cpus;
    size_t ndistances;
    virCapsHostNUMACellDistance *distances;
    size_t npages;
    virCapsHostNUMACellPages *pages;
};

typedef struct _virCapsHostSecModel virCapsHostSecModel;
struct _virCapsHostSecModel {
    char *model;
    char *doi;
    size_t nlabels;
    char **labelTypes;              /* virt type, e.g. "kvm" */
    char **labels;                  /* e.g. "+0:+0" */
};

/* The host CPU as <cpu> shows it. */
typedef struct _virCapsHostCPU virCapsHostCPU;
struct _virCapsHostCPU {
    char *model;
    char *vendor;
    bool hasMicrocode;
    unsigned int microcode;
    bool hasSignature;
    unsigned int family, modelNum, stepping;
    char *counterName;              /* e.g. "tsc" */
    unsigned long long counterFrequency;
    int counterScaling;             /* virConfTristate */
    unsigned int sockets, dies, cores, threads; /* 0: no <topology> */
    char *maxphysaddrMode;
    int maxphysaddrBits;            /* -1: not written */
    size_t nfeatures;
    char **features;                /* <feature name=.../> */
};

typedef enum {
    VIR_CAPS_GUEST_FEATURE_PAE = 0,
    VIR_CAPS_GUEST_FEATURE_NONPAE,
    VIR_CAPS_GUEST_FEATURE_IA64_BE,
    VIR_CAPS_GUEST_FEATURE_ACPI,
    VIR_CAPS_GUEST_FEATURE_APIC,
    VIR_CAPS_GUEST_FEATURE_CPUSELECTION,
    VIR_CAPS_GUEST_FEATURE_DEVICEBOOT,
    VIR_CAPS_GUEST_FEATURE_DISKSNAPSHOT,
    VIR_CAPS_GUEST_FEATURE_HAP,
    VIR_CAPS_GUEST_FEATURE_LAST
} virCapsGuestFeatureType;

typedef struct _virCapsGuestFeature virCapsGuestFeature;
struct _virCapsGuestFeature {
    bool present;
    int defaultOn;                  /* virConfTristate; for toggle-able ones */
    int toggle;                     /* virConfTristate */
};

typedef struct _virCapsGuestMachine virCapsGuestMachine;
struct _virCapsGuestMachine {
    char *name;
    char *canonical;
    unsigned int maxCpus;           /* 0: not written */
    bool deprecated;
};

typedef struct _virCapsGuestDomain virCapsGuestDomain;
struct _virCapsGuestDomain {
    char *type;                     /* "test", "qemu", "kvm" ... */
    char *emulator;                 /* NULL: the guest's own */
    size_t nmachines;
    virCapsGuestMachine *machines;
};

typedef struct _virCapsGuest virCapsGuest;
struct _virCapsGuest {
    char *ostype;                   /* "hvm", "xen", "exe" ... */
    char *arch;                     /* "i686", "x86_64" ... */
    int wordsize;
    char *emulator;
    char *loader;
    size_t nmachines;
    virCapsGuestMachine *machines;
    size_t ndomains;
    virCapsGuestDomain **domains;
    virCapsGuestFeature features[VIR_CAPS_GUEST_FEATURE_LAST];
};

typedef struct _virCapsHost virCapsHost;
struct _virCapsHost {
    char *arch;
    bool uuidSet;
    unsigned char uuid[VIR_CONF_UUID_LEN];
    virCapsHostCPU *cpu;
    size_t nfeatures;
    char **features;                /* old-style <features><pae/>... */
    size_t npagesSize;
    unsigned int *pagesSize;        /* KiB */
    unsigned int powerMgmt;         /* bit 0 mem, 1 disk, 2 hybrid */
    bool iommu;
    bool offlineMigrate;
    bool liveMigrate;
    size_t nmigrateTrans;
    char **migrateTrans;
    char *netprefix;
    bool numa;                      /* write <topology>, even with no cells */
    size_t ncells;
    virCapsHostNUMACell **cells;
    size_t nsecModels;
    virCapsHostSecModel *secModels;
};

typedef struct _virCaps virCaps;
struct _virCaps {
    virCapsHost host;
    size_t nguests;
    virCapsGuest **guests;
};

enum {
    VIR_CAPS_PM_SUSPEND_MEM = 1 << 0,
    VIR_CAPS_PM_SUSPEND_DISK = 1 << 1,
    VIR_CAPS_PM_SUSPEND_HYBRID = 1 << 2,
};

/* A new, empty capabilities object for a host of `arch`.  `offlineMigrate`
 * and `liveMigrate` give the <migration_features>. */
virCaps *virCapabilitiesNew(const char *arch, bool offlineMigrate,
                            bool liveMigrate);
void virCapabilitiesFree(virCaps *caps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virCaps, virCapabilitiesFree);

void virCapabilitiesSetHostUUID(virCaps *caps, const unsigned char *uuid);
void virCapabilitiesAddHostFeature(virCaps *caps, const char *name);
void virCapabilitiesAddHostMigrateTransport(virCaps *caps, const char *name);
void virCapabilitiesAddHostPageSize(virCaps *caps, unsigned int sizeKiB);
void virCapabilitiesSetNetPrefix(virCaps *caps, const char *prefix);
/* The host CPU's description (model, vendor, topology, features). */
virCapsHostCPU *virCapabilitiesHostCPU(virCaps *caps);
void virCapabilitiesHostCPUAddFeature(virCapsHostCPU *cpu, const char *name);

/* Declare NUMA topology known (an empty <cells num='0'> is then written);
 * adding a cell does this too. */
void virCapabilitiesHostNUMAInit(virCaps *caps);
/* Append a NUMA cell; `cpus`, `distances` and `pages` are copied. */
virCapsHostNUMACell *
virCapabilitiesHostNUMAAddCell(virCaps *caps, int num,
                               unsigned long long memKiB,
                               size_t ncpus,
                               const virCapsHostNUMACellCPU *cpus,
                               size_t ndistances,
                               const virCapsHostNUMACellDistance *distances,
                               size_t npages,
                               const virCapsHostNUMACellPages *pages);

void virCapabilitiesAddSecModel(virCaps *caps, const char *model,
                                const char *doi);
/* Add a <baselabel type=...> to the last security model. */
void virCapabilitiesAddSecModelBaseLabel(virCaps *caps, const char *type,
                                         const char *label);

virCapsGuest *virCapabilitiesAddGuest(virCaps *caps, const char *ostype,
                                      const char *arch, int wordsize,
                                      const char *emulator,
                                      const char *loader);
void virCapabilitiesAddGuestMachine(virCapsGuest *guest, const char *name,
                                    const char *canonical,
                                    unsigned int maxCpus, bool deprecated);
virCapsGuestDomain *virCapabilitiesAddGuestDomain(virCapsGuest *guest,
                                                  const char *type,
                                                  const char *emulator);
void virCapabilitiesAddGuestDomainMachine(virCapsGuestDomain *dom,
                                          const char *name,
                                          const char *canonical,
                                          unsigned int maxCpus,
                                          bool deprecated);
/* `defaultOn`/`toggle` matter only for acpi, apic, disksnapshot and hap,
 * which are written with default= and toggle= attributes. */
void virCapabilitiesAddGuestFeature(virCapsGuest *guest,
                                    virCapsGuestFeatureType feature,
                                    bool defaultOn, bool toggle);

char *virCapabilitiesFormatXML(const virCaps *caps);
