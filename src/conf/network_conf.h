/* network_conf.h: the virtual network definition (<network> XML).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "conf/virconfxml.h"

typedef enum {
    VIR_NETWORK_FORWARD_NONE = 0,
    VIR_NETWORK_FORWARD_NAT,
    VIR_NETWORK_FORWARD_ROUTE,
    VIR_NETWORK_FORWARD_OPEN,
    VIR_NETWORK_FORWARD_BRIDGE,
    VIR_NETWORK_FORWARD_PRIVATE,
    VIR_NETWORK_FORWARD_VEPA,
    VIR_NETWORK_FORWARD_PASSTHROUGH,
    VIR_NETWORK_FORWARD_HOSTDEV,
    VIR_NETWORK_FORWARD_LAST
} virNetworkForwardType;

const char *virNetworkForwardTypeToString(int type);
int virNetworkForwardTypeFromString(const char *str);

typedef enum {
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_DEFAULT = 0,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_KERNEL,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LIBVIRT,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LAST
} virNetworkBridgeMACTableManager;

typedef enum {
    VIR_NETWORK_VIRTUALPORT_NONE = 0,
    VIR_NETWORK_VIRTUALPORT_8021QBG,
    VIR_NETWORK_VIRTUALPORT_8021QBH,
    VIR_NETWORK_VIRTUALPORT_OPENVSWITCH,
    VIR_NETWORK_VIRTUALPORT_MIDONET,
    VIR_NETWORK_VIRTUALPORT_LAST
} virNetworkVirtualPortType;

/* <virtualport>: which parameters were given is tracked per field. */
typedef struct _virNetworkVirtualPort virNetworkVirtualPort;
struct _virNetworkVirtualPort {
    int type;                       /* virNetworkVirtualPortType */
    bool managerID_set;
    unsigned int managerID;
    bool typeID_set;
    unsigned int typeID;
    bool typeIDVersion_set;
    unsigned int typeIDVersion;
    bool instanceID_set;
    unsigned char instanceID[VIR_CONF_UUID_LEN];
    char *profileID;
    bool interfaceID_set;
    unsigned char interfaceID[VIR_CONF_UUID_LEN];
};

typedef struct _virNetworkBandwidthRate virNetworkBandwidthRate;
struct _virNetworkBandwidthRate {
    unsigned long long average;     /* KiB/s */
    unsigned long long peak;
    unsigned long long floor;
    unsigned long long burst;       /* KiB */
};

typedef struct _virNetworkBandwidth virNetworkBandwidth;
struct _virNetworkBandwidth {
    virNetworkBandwidthRate *in;
    virNetworkBandwidthRate *out;
};

typedef struct _virNetworkVlan virNetworkVlan;
struct _virNetworkVlan {
    bool trunk;
    size_t ntags;
    unsigned int *tags;
    int nativeMode;                 /* 0 none, 1 tagged, 2 untagged */
                                    /* (applies to nativeTag) */
    unsigned int nativeTag;
};

typedef struct _virNetworkDHCPLeaseDef virNetworkDHCPLeaseDef;
struct _virNetworkDHCPLeaseDef {
    unsigned long long expiry;
    int unit;                       /* 0 unset, 1 seconds, 2 minutes, 3 hours */
};

typedef struct _virNetworkDHCPRange virNetworkDHCPRange;
struct _virNetworkDHCPRange {
    virConfIPAddr start;
    virConfIPAddr end;
    virNetworkDHCPLeaseDef *lease;
};

typedef struct _virNetworkDHCPHost virNetworkDHCPHost;
struct _virNetworkDHCPHost {
    char *mac;                      /* kept as written */
    char *id;                       /* DUID, IPv6 */
    char *name;
    virConfIPAddr ip;
    virNetworkDHCPLeaseDef *lease;
};

typedef struct _virNetworkIPDef virNetworkIPDef;
struct _virNetworkIPDef {
    char *family;                   /* "ipv4", "ipv6" or NULL, as written */
    virConfIPAddr address;
    unsigned int prefix;            /* 0 if not given */
    virConfIPAddr netmask;
    int localPtr;                   /* virConfTristate */

    size_t nranges;
    virNetworkDHCPRange *ranges;
    size_t nhosts;
    virNetworkDHCPHost *hosts;

    char *tftproot;
    char *bootfile;
    virConfIPAddr bootserver;
};

typedef struct _virNetworkRouteDef virNetworkRouteDef;
struct _virNetworkRouteDef {
    char *family;
    virConfIPAddr address;
    virConfIPAddr netmask;
    bool has_prefix;
    unsigned int prefix;
    virConfIPAddr gateway;
    bool has_metric;
    unsigned int metric;
};

typedef struct _virNetworkDNSTxt virNetworkDNSTxt;
struct _virNetworkDNSTxt {
    char *name;
    char *value;
};

typedef struct _virNetworkDNSSrv virNetworkDNSSrv;
struct _virNetworkDNSSrv {
    char *service;
    char *protocol;
    char *domain;
    char *target;
    unsigned int port;              /* 0: not given */
    unsigned int priority;
    unsigned int weight;
};

typedef struct _virNetworkDNSHost virNetworkDNSHost;
struct _virNetworkDNSHost {
    virConfIPAddr ip;
    size_t nnames;
    char **names;
};

typedef struct _virNetworkDNSForwarder virNetworkDNSForwarder;
struct _virNetworkDNSForwarder {
    virConfIPAddr addr;
    char *domain;
};

typedef struct _virNetworkDNSDef virNetworkDNSDef;
struct _virNetworkDNSDef {
    int enable;                     /* virConfTristate */
    int forwardPlainNames;          /* virConfTristate */
    size_t ntxts;
    virNetworkDNSTxt *txts;
    size_t nhosts;
    virNetworkDNSHost *hosts;
    size_t nsrvs;
    virNetworkDNSSrv *srvs;
    size_t nfwds;
    virNetworkDNSForwarder *forwarders;
};

typedef struct _virNetworkPCIAddress virNetworkPCIAddress;
struct _virNetworkPCIAddress {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
};

/* One <interface dev=> or <address type='pci'> inside <forward>. */
typedef struct _virNetworkForwardIf virNetworkForwardIf;
struct _virNetworkForwardIf {
    bool isPCI;
    char *dev;
    virNetworkPCIAddress pci;
    unsigned int connections;
};

typedef struct _virNetworkForwardDef virNetworkForwardDef;
struct _virNetworkForwardDef {
    int type;                       /* virNetworkForwardType */
    bool managed;                   /* hostdev only */
    int driverName;                 /* 0 default, 1 kvm, 2 vfio */

    size_t npfs;
    char **pfs;
    size_t nifs;
    virNetworkForwardIf *ifs;

    /* <nat> */
    virConfIPAddr natAddrStart;
    virConfIPAddr natAddrEnd;
    unsigned int natPortStart;
    unsigned int natPortEnd;
    int natIPv6;                    /* virConfTristate */
};

typedef struct _virNetworkPortGroupDef virNetworkPortGroupDef;
struct _virNetworkPortGroupDef {
    char *name;
    bool isDefault;
    virNetworkVirtualPort *virtPortProfile;
    virNetworkBandwidth *bandwidth;
    virNetworkVlan vlan;
    int trustGuestRxFilters;        /* virConfTristate */
};

typedef struct _virNetworkDef virNetworkDef;
struct _virNetworkDef {
    unsigned char uuid[VIR_CONF_UUID_LEN];
    bool uuid_specified;
    char *name;
    unsigned int connections;

    char *bridge;
    char *bridgeZone;
    int macTableManager;            /* virNetworkBridgeMACTableManager */
    char *domain;
    int domainLocalOnly;            /* virConfTristate */
    unsigned long delay;
    bool stp;
    unsigned int mtu;
    unsigned char mac[VIR_CONF_MAC_LEN];
    bool mac_specified;

    bool enableIPv6;                /* ipv6='yes' */
    int trustGuestRxFilters;        /* virConfTristate */
    int isolatedPort;               /* virConfTristate */

    virNetworkForwardDef forward;

    size_t nips;
    virNetworkIPDef *ips;
    size_t nroutes;
    virNetworkRouteDef *routes;
    virNetworkDNSDef dns;

    virNetworkVirtualPort *virtPortProfile;
    size_t nportGroups;
    virNetworkPortGroupDef *portGroups;
    virNetworkBandwidth *bandwidth;
    virNetworkVlan vlan;

    xmlNodePtr metadata;            /* a copy, owned (in its own doc) */
};

/* Parse/format flags beyond the public VIR_NETWORK_XML_* ones. */
typedef enum {
    VIR_NETWORK_DEF_PARSE_VALIDATE = 1 << 0,  /* == VIR_NETWORK_DEFINE_VALIDATE */
} virNetworkDefParseFlags;

virNetworkDef *virNetworkDefParseString(const char *xml, unsigned int flags);
virNetworkDef *virNetworkDefParseFile(const char *filename, unsigned int flags);
/* Parse the <network> element of an already-parsed document. */
virNetworkDef *virNetworkDefParseNode(xmlDocPtr xml, xmlNodePtr root,
                                      unsigned int flags);
char *virNetworkDefFormat(const virNetworkDef *def, unsigned int flags);
void virNetworkDefFree(virNetworkDef *def);

/* virNetworkUpdate on a definition: @command and @section take the values
 * of virNetworkUpdateCommand and virNetworkUpdateSection, @xml is the one
 * element to add, delete or modify.  Only the sections libvirt 9.0 can
 * change this way are supported. */
int virNetworkDefUpdateSection(virNetworkDef *def, unsigned int command,
                               unsigned int section, int parentIndex,
                               const char *xml);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkDef, virNetworkDefFree);
