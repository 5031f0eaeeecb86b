/* test-driver-update-test.c: the test driver's network updates, storage
 * source discovery, volume copies and vHBA creation, through the public
 * API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every expected value is what libvirt 9.0's own test driver answered to
 * the same call on test:///default (observed with python3-libvirt).
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tap.h"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


/* "OK" or the message of the error the call raised. */
static const char *
outcome(int rc)
{
    virErrorPtr err;

    if (rc >= 0)
        return "OK";
    err = virGetLastError();
    return err && err->message ? err->message : "(no error)";
}


static void
checkUpdate(virNetworkPtr net, unsigned int command, unsigned int section,
            int index, const char *xml, unsigned int flags, const char *want)
{
    int rc = virNetworkUpdate(net, command, section, index, xml, flags);

    is_str(outcome(rc), want, "update %u/%u %s", command, section, xml);
}


/* Whether the network's XML holds @needle. */
static bool
netHas(virNetworkPtr net, const char *needle)
{
    g_autofree char *xml = virNetworkGetXMLDesc(net, 0);

    return xml && strstr(xml, needle);
}


static void
testNetworkUpdate(virConnectPtr conn)
{
    virNetworkPtr net = virNetworkLookupByName(conn, "default");
    virNetworkPtr other;
    const char *host = "<host mac='00:11:22:33:44:55' name='a' ip='192.168.122.5'/>";

    checkUpdate(net, 3, 4, -1, host, 0, "OK");
    ok(netHas(net, "<host mac='00:11:22:33:44:55' name='a' ip='192.168.122.5'/>"),
       "the host is in the live XML");
    checkUpdate(net, 3, 4, -1, "<host mac='00:11:22:33:44:55' ip='192.168.122.9'/>", 0,
                "Requested operation is not valid: there is an existing dhcp host entry in network 'default' that matches \"<host mac='00:11:22:33:44:55' name='(null)' ip='192.168.122.9'/>\"");
    checkUpdate(net, 1, 4, -1, "<host mac='00:11:22:33:44:66' name='zz' ip='192.168.122.7'/>", 0,
                "Requested operation is not valid: couldn't locate an existing dhcp host entry with \"mac='00:11:22:33:44:66'\" \"name='zz'\" \"ip='192.168.122.7'\" in network 'default'");
    checkUpdate(net, 1, 4, -1, "<host mac='00:11:22:33:44:55' name='zz' ip='192.168.122.7'/>", 0, "OK");
    checkUpdate(net, 2, 4, -1, "<host mac='00:11:22:33:44:55' name='a'/>", 0,
                "Requested operation is not valid: couldn't locate a matching dhcp host entry in network 'default'");
    checkUpdate(net, 2, 4, -1, "<host mac='00:11:22:33:44:55'/>", 0, "OK");
    ok(!netHas(net, "<host "), "the host is gone");
    checkUpdate(net, 3, 4, 5, host, 0,
                "Requested operation is not valid: couldn't update dhcp host entry - no <ip> element found at index 5 in network 'default'");
    checkUpdate(net, 3, 4, -1, "<host name='q'/>", 0,
                "XML error: Missing IP address in static host definition for network 'default'");

    checkUpdate(net, 4, 5, -1, "<range start='192.168.122.120' end='192.168.122.130'/>", 0, "OK");
    ok(netHas(net, "<range start='192.168.122.120' end='192.168.122.130'/>\n"
                   "      <range start='192.168.122.2'"), "add-first puts the range first");
    checkUpdate(net, 1, 5, -1, "<range start='192.168.122.120' end='192.168.122.130'/>", 0,
                "Operation not supported: dhcp ranges cannot be modified, only added or deleted");
    checkUpdate(net, 3, 5, -1, "<range start='10.0.0.1' end='10.0.0.5'/>", 0,
                "internal error: range 10.0.0.1 - 10.0.0.5 is not entirely within network 192.168.122.1/24");
    checkUpdate(net, 2, 5, -1, "<range start='192.168.122.120' end='192.168.122.130'/>", 0, "OK");
    checkUpdate(net, 2, 5, -1, "<range start='192.168.122.120' end='192.168.122.130'/>", 0,
                "Requested operation is not valid: couldn't locate a matching dhcp range entry in network 'default'");

    checkUpdate(net, 3, 10, -1, "<host ip='192.168.122.5'><hostname>foo</hostname></host>", 0, "OK");
    checkUpdate(net, 3, 10, -1, "<host ip='192.168.122.5'><hostname>baz</hostname></host>", 0,
                "Requested operation is not valid: there is already at least one DNS HOST record with a matching field in network default");
    checkUpdate(net, 3, 11, -1, "<txt name='t1' value='v1'/>", 0, "OK");
    checkUpdate(net, 3, 11, -1, "<txt name='t1' value='v2'/>", 0,
                "Requested operation is not valid: there is already a DNS TXT record with name 't1' in network default");
    checkUpdate(net, 3, 12, -1, "<srv service='name' protocol='tcp' target='.' port='1024'/>", 0, "OK");
    checkUpdate(net, 2, 12, -1, "<srv service='name' protocol='tcp'/>", 0, "OK");
    checkUpdate(net, 1, 11, -1, "<txt name='t1' value='v1'/>", 0,
                "Operation not supported: DNS TXT records cannot be modified, only added or deleted");

    checkUpdate(net, 3, 9, -1, "<portgroup name='eng' default='yes'/>", 0, "OK");
    checkUpdate(net, 3, 9, -1, "<portgroup name='sales' default='yes'/>", 0,
                "Requested operation is not valid: a different portgroup entry in network 'default' is already set as the default. Only one default is allowed.");
    checkUpdate(net, 2, 9, -1, "<portgroup name='nope'/>", 0,
                "Requested operation is not valid: couldn't find a portgroup entry in network 'default' matching <portgroup name='nope'>");
    checkUpdate(net, 3, 7, -1, "<interface dev='eth0'/>", 0, "OK");
    ok(netHas(net, "<forward dev='eth0' mode='nat'>"), "the forward device is set");
    checkUpdate(net, 4, 7, -1, "<interface dev='eth1'/>", 0,
                "XML error: multiple forwarding interfaces specified for network 'default', only one is supported");

    checkUpdate(net, 3, 1, -1, "<bridge/>", 0,
                "Operation not supported: can't update 'bridge' section of network 'default'");
    checkUpdate(net, 3, 13, -1, "<foo/>", 0,
                "Operation not supported: can't update unrecognized section of network");
    checkUpdate(net, 5, 4, -1, host, 0,
                "Operation not supported: unrecognized network update command code 5");
    checkUpdate(net, 3, 11, -1, "<foo/>", 0,
                "XML error: unexpected element <foo>, expecting <txt>, while updating network 'default'");

    /* a DNS host to delete is found by its address or by a shared name */
    checkUpdate(net, 3, 10, -1, "<host ip='192.168.122.8'><hostname>h8</hostname></host>", 0, "OK");
    checkUpdate(net, 2, 10, -1, "<host><hostname>h8</hostname></host>", 0, "OK");
    checkUpdate(net, 2, 10, -1, "<host ip='192.168.122.8'/>", 0,
                "Requested operation is not valid: couldn't locate a matching DNS HOST record in network default");
    checkUpdate(net, 1, 10, -1, "<host/>", 0,
                "Operation not supported: DNS HOST records cannot be modified, only added or deleted");
    /* an SRV record to delete may leave out the protocol */
    checkUpdate(net, 3, 12, -1, "<srv service='ldap' protocol='udp'/>", 0, "OK");
    checkUpdate(net, 2, 12, -1, "<srv service='ldap'/>", 0, "OK");
    checkUpdate(net, 3, 12, -1, "<srv service='ldap'/>", 0,
                "missing required protocol attribute in DNS SRV record 'ldap' of network 'default'");
    /* families must match the <ip>; a host to delete needs something */
    checkUpdate(net, 3, 4, -1, "<host name='v6' ip='2001:db8::6'/>", 0,
                "Requested operation is not valid: the address family of a host entry IP must match the address family of the dhcp element's parent");
    checkUpdate(net, 2, 4, -1, "<host/>", 0,
                "XML error: At least one of name, mac, or ip attribute must be specified for static host definition in network 'default' ");
    checkUpdate(net, 3, 4, -1, "<host/>", 0,
                "XML error: Static host definition in IPv4 network 'default' must have mac or name attribute");
    checkUpdate(net, 3, 5, -1, "<range start='2001:db8::30' end='2001:db8::40'/>", 0,
                "internal error: mismatch of address family in range 2001:db8::30 - 2001:db8::40 for network 192.168.122.1");

    /* the persistent config of a running network is set aside, unseen */
    checkUpdate(net, 3, 11, -1, "<txt name='cfg' value='v'/>",
                VIR_NETWORK_UPDATE_AFFECT_CONFIG, "OK");
    ok(!netHas(net, "name='cfg'"), "a config change is not live");
    virNetworkDestroy(net);
    checkUpdate(net, 3, 11, -1, "<txt name='x' value='v'/>",
                VIR_NETWORK_UPDATE_AFFECT_LIVE,
                "Requested operation is not valid: network is not running");
    checkUpdate(net, 3, 11, -1, "<txt name='x' value='v'/>", 0, "OK");
    ok(netHas(net, "name='x'"), "an inactive network's config changes");
    virNetworkCreate(net);

    other = virNetworkCreateXML(conn, "<network><name>tr</name><bridge name='vbt'/></network>");
    checkUpdate(other, 3, 9, -1, "<portgroup name='x'/>",
                VIR_NETWORK_UPDATE_AFFECT_CONFIG,
                "Requested operation is not valid: cannot change persistent config of a transient network");
    virNetworkDestroy(other);
    virNetworkFree(other);
    virNetworkFree(net);
}


static void
testStorage(virConnectPtr conn)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
    virStorageVolPtr v1, v2;
    virStorageVolInfo info;
    char *sources;

    sources = virConnectFindStoragePoolSources(conn, "netfs",
                                               "<source><host name='a'/></source>", 0);
    is_str(sources, "<sources>\n  <source>\n    <host name='a'/>\n"
                    "    <dir path='/testshare'/>\n    <format type='nfs'/>\n"
                    "  </source>\n</sources>\n", "netfs sources");
    free(sources);
    sources = virConnectFindStoragePoolSources(conn, "logical", NULL, 0);
    ok(sources && strstr(sources, "<name>testvg2</name>"), "logical sources");
    free(sources);
    is_str(outcome(virConnectFindStoragePoolSources(conn, "netfs", NULL, 0) ? 0 : -1),
           "invalid argument: hostname must be specified for netfs sources",
           "netfs needs a host");
    is_str(outcome(virConnectFindStoragePoolSources(conn, "netfs", "<source/>", 0) ? 0 : -1),
           "invalid argument: hostname must be specified for netfs sources",
           "netfs spec without a host (libvirt crashes)");
    is_str(outcome(virConnectFindStoragePoolSources(conn, "dir", NULL, 0) ? 0 : -1),
           "internal error: unknown storage pool type dir", "dir");
    is_str(outcome(virConnectFindStoragePoolSources(conn, "iscsi", NULL, 0) ? 0 : -1),
           "this function is not supported by the connection driver: pool type 'iscsi' does not support source discovery",
           "iscsi");
    is_str(outcome(virConnectFindStoragePoolSources(conn, "netfs", "<foo/>", 0) ? 0 : -1),
           "XML error: expecting root element of 'source', not 'foo'", "bad spec");

    v1 = virStorageVolCreateXML(pool, "<volume><name>v1</name><capacity>10485760</capacity>"
                                "<allocation>1048576</allocation></volume>", 0);
    v2 = virStorageVolCreateXMLFrom(pool, "<volume><name>v2</name><capacity>5242880</capacity></volume>",
                                    v1, 0);
    ok(v2 != NULL, "a copy of v1");
    if (v2) {
        virStorageVolGetInfo(v2, &info);
        is_int(info.capacity, 5242880, "its capacity");
        is_int(info.allocation, 5242880, "its allocation");
        virStorageVolFree(v2);
    }
    v2 = virStorageVolCreateXMLFrom(pool, "<volume><name>v2</name><capacity>5</capacity></volume>",
                                    v1, 0);
    is_str(outcome(v2 ? 0 : -1), "operation failed: storage vol already exists", "twice");
    virStorageVolDelete(v1, 0);
    v2 = virStorageVolCreateXMLFrom(pool, "<volume><name>v3</name><capacity>5</capacity></volume>",
                                    v1, 0);
    is_str(outcome(v2 ? 0 : -1),
           "Storage volume not found: no storage vol with matching name 'v1'",
           "from a deleted volume");
    virStorageVolFree(v1);
    virStoragePoolFree(pool);
}


static void
testNodeDevices(virConnectPtr conn)
{
    const char *vhba = "<device><parent>scsi_host1</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwnn>2000000012341299</wwnn>"
        "<wwpn>1000000012341299</wwpn></capability></capability></device>";
    virNodeDevicePtr dev;
    char *xml;

    dev = virNodeDeviceCreateXML(conn, vhba, 0);
    ok(dev != NULL, "vHBA created");
    if (!dev)
        return;
    is_str(virNodeDeviceGetName(dev), "scsi_host12", "its name");
    is_str(virNodeDeviceGetParent(dev), "scsi_host1", "its parent");
    xml = virNodeDeviceGetXMLDesc(dev, 0);
    ok(xml && strstr(xml, "<host>11</host>") &&
       strstr(xml, "<wwnn>2000000012341299</wwnn>") &&
       strstr(xml, "<fabric_wwn>2000000043214321</fabric_wwn>"),
       "a copy of scsi_host11 with the new WWNs");
    free(xml);
    is_int(virNodeDeviceDestroy(dev), 0, "destroyed");
    virNodeDeviceFree(dev);
    dev = virNodeDeviceLookupByName(conn, "scsi_host12");
    ok(dev == NULL, "gone");

    is_str(outcome(virNodeDeviceCreateXML(conn,
        "<device><parent>computer</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwnn>2000000012341299</wwnn>"
        "<wwpn>1000000012341299</wwpn></capability></capability></device>", 0) ? 0 : -1),
           "internal error: Parent device computer is not capable of vport operations",
           "parent without vports");
    is_str(outcome(virNodeDeviceCreateXML(conn,
        "<device><parent>scsi_host1</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwpn>1000000012341299</wwpn></capability>"
        "</capability></device>", 0) ? 0 : -1),
           "internal error: no WWNN supplied for 'new device', and auto-generation failed",
           "no WWNN");
    is_str(outcome(virNodeDeviceCreateXML(conn,
        "<device><parent>scsi_host1</parent><capability type='net'>"
        "<interface>eth9</interface></capability></device>", 0) ? 0 : -1),
           "internal error: Device is not a fibre channel HBA", "not an HBA");
    is_str(outcome(virNodeDeviceCreateXML(conn,
        "<device><parent>nosuch</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwnn>2000000012341299</wwnn>"
        "<wwpn>1000000012341299</wwpn></capability></capability></device>", 0) ? 0 : -1),
           "internal error: Could not find parent device for 'new device'", "no parent");

    /* not a vHBA: nothing happens, and that is success */
    dev = virNodeDeviceLookupByName(conn, "computer");
    is_int(virNodeDeviceDestroy(dev), 0, "computer 'destroyed'");
    virNodeDeviceFree(dev);
    dev = virNodeDeviceLookupByName(conn, "computer");
    ok(dev != NULL, "computer still there");
    virNodeDeviceFree(dev);
}


int
main(void)
{
    virConnectPtr conn;

    virSetErrorFunc(NULL, quiet);
    if (!(conn = virConnectOpen("test:///default"))) {
        printf("Bail out! cannot open test:///default\n");
        return 1;
    }
    testNetworkUpdate(conn);
    testStorage(conn);
    testNodeDevices(conn);
    virConnectClose(conn);
    return tap_done();
}
