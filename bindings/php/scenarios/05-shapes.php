<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// The arrays libvirt-php answers (mirrors the Perl binding's
// 05-shapes.pl): info structs, statistics, lists with counts, XPath
// queries and the summaries libvirt-php makes of several calls.  Values
// the test driver makes from the clock are shown by key and type only.
require __DIR__ . "/common.inc";

function shape($v)
{
    $out = [];
    foreach ($v as $k => $x)
        $out[$k] = gettype($x);
    return $out;
}

$conn = libvirt_connect("test:///default", false);
$dom = libvirt_domain_lookup_by_name($conn, "test");
$info = libvirt_connect_get_information($conn);
unset($info["hostname"]);
show("connect information", $info);
show("domain counts", libvirt_domain_get_counts($conn));
show("block stats", shape(libvirt_domain_block_stats($dom, "vda")));
show("interface stats", shape(libvirt_domain_interface_stats($dom, "testnet0")));
show("interface addresses", libvirt_domain_interface_addresses($dom, 0));
show("cpu total stats", libvirt_domain_get_cpu_total_stats($dom));
show("all domain stats", libvirt_connect_get_all_domain_stats($conn,
    VIR_DOMAIN_STATS_STATE));
show("node memory stats", libvirt_node_get_mem_stats($conn));
show("disk devices", libvirt_domain_get_disk_devices($dom));
show("interface devices", libvirt_domain_get_interface_devices($dom));
show("xpath", libvirt_domain_xml_xpath($dom, "//devices/*/address/@bus"));
show("xpath without match", libvirt_domain_xml_xpath($dom, "//nothing"));
show("xml desc with xpath", libvirt_domain_get_xml_desc($dom, "//os/type"));
show("xml desc with no match", strlen(libvirt_domain_get_xml_desc($dom, "//x")));
$net = libvirt_network_get($conn, "default");
show("network information", libvirt_network_get_information($net));
$n2 = libvirt_network_define_xml($conn, "<network><name>php5</name>" .
    "<forward mode='route' dev='eth0'/><bridge name='br7'/>" .
    "<ip address='10.1.2.1' netmask='255.255.0.0'/></network>");
show("routed network information", libvirt_network_get_information($n2));
show("undefine it", libvirt_network_undefine($n2));
$pool = libvirt_storagepool_lookup_by_name($conn, "default-pool");
show("pool info", libvirt_storagepool_get_info($pool));
$vol = libvirt_storagevolume_create_xml($pool, "<volume><name>php5.img</name>" .
    "<capacity unit='bytes'>4096</capacity></volume>");
show("volume info", libvirt_storagevolume_get_info($vol));
show("delete it", libvirt_storagevolume_delete($vol));
show("node info", libvirt_node_get_info($conn));
show("next device ids", libvirt_domain_get_next_dev_ids($dom));
$each = libvirt_node_get_cpu_stats_for_each_cpu($conn);
show("cpu stats for each cpu", [array_keys($each), array_keys($each[0]),
                                $each[0][0], array_keys($each["times"])]);
$devs = libvirt_list_nodedevs($conn);
sort($devs);
foreach ($devs as $name)
    show("device $name", libvirt_nodedev_get_information(
        libvirt_nodedev_get($conn, $name)));
show("network info", libvirt_domain_get_network_info($dom, "aa:bb:cc:dd:ee:ff"));
show("network info, no such mac",
     libvirt_domain_get_network_info($dom, "aa:bb:cc:dd:ee:00"));
$shot = libvirt_domain_get_screenshot_api($dom);
show("screenshot", [array_keys($shot), $shot["mime"],
                    strpos($shot["file"], "/tmp/libvirt-php-tmp-") === 0,
                    filesize($shot["file"]) > 0]);
unlink($shot["file"]);
show("emulator", libvirt_connect_get_emulator($conn));
show("snapshots", libvirt_list_domain_snapshots($dom));
$snap = libvirt_domain_snapshot_create($dom);
show("snapshot", $snap);
show("has a current snapshot", libvirt_domain_has_current_snapshot($dom));
show("snapshot xml has a name", strpos(libvirt_domain_snapshot_get_xml($snap),
                                       "<name>") !== false);
show("delete it", libvirt_domain_snapshot_delete($snap));
show("binding at least 0.5", libvirt_check_version(0, 5, 0, VIR_VERSION_BINDING));
show("libvirt at least 9.0", libvirt_check_version(9, 0, 0, VIR_VERSION_LIBVIRT));
show("libvirt at least 99", libvirt_check_version(99, 0, 0, VIR_VERSION_LIBVIRT));
show("done", true);
