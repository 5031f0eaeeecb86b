--TEST--
The extension is `libvirt`, with libvirt-php's resource types and constants
--FILE--
<?php
var_dump(extension_loaded("libvirt"));
$c = libvirt_connect("test:///default", false);
echo get_resource_type($c), "\n";
echo get_resource_type(libvirt_domain_lookup_by_name($c, "test")), "\n";
echo get_resource_type(libvirt_network_get($c, "default")), "\n";
$p = libvirt_storagepool_lookup_by_name($c, "default-pool");
echo get_resource_type($p), "\n";
echo get_resource_type(libvirt_nodedev_get($c, "computer")), "\n";
echo get_resource_type(libvirt_interface_lookup_by_name($c, "eth1")), "\n";
var_dump(VIR_DOMAIN_RUNNING, VIR_DOMAIN_XML_INACTIVE, VIR_NETWORKS_ALL,
         VIR_SNAPSHOT_REVERT_FORCE, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
$v = libvirt_version();
var_dump($v["libvirt.major"] >= 9, isset($v["connector.version"]));
?>
--EXPECT--
bool(true)
Libvirt connection
Libvirt domain
Libvirt virtual network
Libvirt storagepool
Libvirt node device
Libvirt interface
int(1)
int(2)
int(3)
int(4)
int(1)
bool(true)
bool(true)
