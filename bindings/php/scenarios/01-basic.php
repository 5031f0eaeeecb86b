<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// A libvirt-php program on test:///default (mirrors the Python binding's
// scenario_basic.py and the Perl one's 01-basic.pl): connection, domains,
// networks, storage and node devices, each printed.  Run on Debian's
// libvirt-php it makes expected/01-basic.out.
require __DIR__ . "/common.inc";

$DOMAIN_XML = "<domain type='test'>
  <name>phpscenario</name>
  <uuid>5a5e8c21-1f3c-4b8a-9d0e-7c1b2a3d4e61</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='i686'>hvm</type>
  </os>
</domain>";
$VOLUME_XML = "<volume>
  <name>phpscenario.img</name>
  <capacity unit='bytes'>1048576</capacity>
</volume>";

show("extension loaded", extension_loaded("libvirt"));
$v = libvirt_version();
show("libvirt version", [$v["libvirt.major"], $v["libvirt.minor"],
                         $v["libvirt.release"]]);
$conn = libvirt_connect("test:///default", false);
show("conn", $conn);
show("uri", libvirt_connect_get_uri($conn));
show("hostname is set", strlen(libvirt_connect_get_hostname($conn)) > 0);
show("hypervisor", libvirt_connect_get_hypervisor($conn));
show("encrypted", libvirt_connect_get_encrypted($conn));
show("secure", libvirt_connect_get_secure($conn));
show("max vcpus", libvirt_connect_get_maxvcpus($conn));
show("node info", libvirt_node_get_info($conn));
show("free memory", libvirt_node_get_free_memory($conn));

// domains
show("domains", libvirt_list_domains($conn));
$ids = libvirt_list_active_domain_ids($conn); sort($ids);
show("active ids", $ids);
show("active domains", libvirt_list_active_domains($conn));
show("inactive domains", libvirt_list_inactive_domains($conn));
show("counts", libvirt_domain_get_counts($conn));
$dom = libvirt_domain_lookup_by_name($conn, "test");
show("dom", $dom);
show("name", libvirt_domain_get_name($dom));
show("id", libvirt_domain_get_id($dom));
show("uuid", libvirt_domain_get_uuid_string($dom));
$raw = substr(libvirt_domain_get_uuid($dom), 0, 16);
show("uuid bytes", bin2hex($raw));
$info = libvirt_domain_get_info($dom);
show("cpuUsed is a float", is_float($info["cpuUsed"]));
unset($info["cpuUsed"]);
show("info", $info);
show("active", libvirt_domain_is_active($dom));
show("persistent", libvirt_domain_is_persistent($dom));
show("autostart", libvirt_domain_get_autostart($dom));
show("by id", libvirt_domain_get_name(libvirt_domain_lookup_by_id($conn, 1)));
show("by uuid string", libvirt_domain_get_name(
    libvirt_domain_lookup_by_uuid_string($conn, libvirt_domain_get_uuid_string($dom))));
show("by uuid", libvirt_domain_get_name(libvirt_domain_lookup_by_uuid($conn, $raw)));
show("xml", libvirt_domain_get_xml_desc($dom, ""));
show("resources", array_map("libvirt_domain_get_name",
                            libvirt_list_domain_resources($conn)));

$new = libvirt_domain_define_xml($conn, $DOMAIN_XML);
show("defined", libvirt_domain_get_name($new));
show("defined active", libvirt_domain_is_active($new));
show("inactive domains", libvirt_list_inactive_domains($conn));
show("counts", libvirt_domain_get_counts($conn));
show("create", libvirt_domain_create($new));
$info = libvirt_domain_get_info($new);
unset($info["cpuUsed"]);
show("started info", $info);
$ids = libvirt_list_active_domain_ids($conn); sort($ids);
show("active ids", $ids);
show("suspend", libvirt_domain_suspend($new));
show("suspended state", libvirt_domain_get_info($new)["state"]);
show("resume", libvirt_domain_resume($new));
show("resumed state", libvirt_domain_get_info($new)["state"]);
show("set memory", libvirt_domain_set_memory($new, 131072));
show("memory", libvirt_domain_get_info($new)["memory"]);
show("destroy", libvirt_domain_destroy($new));
show("destroyed state", libvirt_domain_get_info($new)["state"]);
show("undefine", libvirt_domain_undefine($new));
show("after undefine", libvirt_domain_lookup_by_name($conn, "phpscenario"));
show("last error", libvirt_get_last_error());

// networks
show("networks", libvirt_list_networks($conn));
show("all networks", libvirt_list_networks($conn, VIR_NETWORKS_ALL));
$net = libvirt_network_get($conn, "default");
show("net", $net);
show("net name", libvirt_network_get_name($net));
show("net uuid", libvirt_network_get_uuid_string($net));
show("net bridge", libvirt_network_get_bridge($net));
show("net active", libvirt_network_get_active($net));
show("net autostart", libvirt_network_get_autostart($net));
show("net xml", libvirt_network_get_xml_desc($net, ""));

// storage
show("pools", libvirt_list_storagepools($conn));
show("active pools", libvirt_list_active_storagepools($conn));
show("inactive pools", libvirt_list_inactive_storagepools($conn));
$pool = libvirt_storagepool_lookup_by_name($conn, "default-pool");
show("pool", $pool);
show("pool name", libvirt_storagepool_get_name($pool));
show("pool uuid", libvirt_storagepool_get_uuid_string($pool));
show("pool info", libvirt_storagepool_get_info($pool));
show("pool active", libvirt_storagepool_is_active($pool));
show("pool autostart", libvirt_storagepool_get_autostart($pool));
show("pool volumes", libvirt_storagepool_list_volumes($pool));
show("pool volume count", libvirt_storagepool_get_volume_count($pool));
$vol = libvirt_storagevolume_create_xml($pool, $VOLUME_XML);
show("vol", $vol);
show("vol name", libvirt_storagevolume_get_name($vol));
show("vol info", libvirt_storagevolume_get_info($vol));
show("vol path", libvirt_storagevolume_get_path($vol));
show("vol by name", libvirt_storagevolume_get_name(
    libvirt_storagevolume_lookup_by_name($pool, "phpscenario.img")));
show("vol pool", libvirt_storagepool_get_name(
    libvirt_storagepool_lookup_by_volume($vol)));
show("pool volumes", libvirt_storagepool_list_volumes($pool));
show("vol delete", libvirt_storagevolume_delete($vol));
show("pool volumes", libvirt_storagepool_list_volumes($pool));
show("pool xml", libvirt_storagepool_get_xml_desc($pool, ""));

// node devices
$devs = libvirt_list_nodedevs($conn); sort($devs);
show("devices", $devs);
$dev = libvirt_nodedev_get($conn, "computer");
show("device", $dev);
show("device caps", libvirt_nodedev_capabilities($dev));
show("device xml", libvirt_nodedev_get_xml_desc($dev, ""));
show("done", true);
