/* test_interface_conf.h: host interface definitions (<interface> XML of
 * virInterfaceDefineXML), as far as the test driver needs them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Covers ethernet, bridge, bond and vlan interfaces with start mode, MTU,
 * link, MAC, IPv4/IPv6 protocols and enslaved interfaces, formatted in the
 * order libvirt 9.0 writes them.  (A candidate for src/conf once another
 * driver needs it.)
 */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

typedef enum {
    TEST_IFACE_TYPE_ETHERNET = 0,
    TEST_IFACE_TYPE_BRIDGE,
    TEST_IFACE_TYPE_BOND,
    TEST_IFACE_TYPE_VLAN,
    TEST_IFACE_TYPE_LAST
} testInterfaceType;

typedef struct _testInterfaceIP testInterfaceIP;
struct _testInterfaceIP {
    char *address;
    int prefix;                     /* -1: not given */
};

typedef struct _testInterfaceProtocol testInterfaceProtocol;
struct _testInterfaceProtocol {
    char *family;                   /* "ipv4" or "ipv6" */
    bool autoconf;                  /* ipv6 */
    bool dhcp;
    char *peerdns;                  /* <dhcp peerdns=>, as written */
    size_t nips;
    testInterfaceIP *ips;
    char *gateway;                  /* <route gateway=> */
};

typedef struct _testInterfaceDef testInterfaceDef;
struct _testInterfaceDef {
    int type;                       /* testInterfaceType */
    char *name;
    char *startmode;                /* none, onboot, hotplug; NULL unset */
    unsigned int mtu;               /* 0: not given */
    char *mac;                      /* as written */
    char *linkState;
    unsigned int linkSpeed;         /* 0: not given */

    size_t nprotos;
    testInterfaceProtocol *protos;

    /* bridge */
    char *stp, *delay;
    /* bond */
    char *bondMode;
    int monitor;                    /* 0 none, 1 miimon, 2 arpmon */
    char *miiFreq, *miiDowndelay, *miiUpdelay, *miiCarrier;
    char *arpInterval, *arpTarget, *arpValidate;
    /* bridge and bond members */
    size_t nifaces;
    testInterfaceDef **ifaces;
    /* vlan */
    char *vlanTag, *vlanDev;
};

testInterfaceDef *testInterfaceDefParseString(const char *xml);
testInterfaceDef *testInterfaceDefParseNode(xmlNodePtr node);
char *testInterfaceDefFormat(const testInterfaceDef *def);
void testInterfaceDefFree(testInterfaceDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testInterfaceDef, testInterfaceDefFree);
