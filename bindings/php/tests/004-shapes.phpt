--TEST--
Shapes made by rule: structs as arrays, lists, typed parameters, 64-bit numbers as strings, bytes
--FILE--
<?php
$c = libvirt_connect("test:///default", false);
$d = libvirt_domain_lookup_by_name($c, "test");
$p = libvirt_storagepool_lookup_by_name($c, "default-pool");
var_dump(libvirt_storagepool_get_info($p));
var_dump(libvirt_domain_get_scheduler_parameters($d));
var_dump(libvirt_node_get_free_memory($c));
var_dump(libvirt_connect_num_of_domains($c), libvirt_list_inactive_domains($c));
var_dump(strlen(libvirt_domain_get_uuid($d)));
var_dump(libvirt_domain_get_max_memory($d));
var_dump(array_keys(libvirt_domain_block_stats($d, "vda")));
var_dump(libvirt_domain_get_vcpus_flags($d, VIR_DOMAIN_VCPU_MAXIMUM));
var_dump(libvirt_nodedev_capabilities(libvirt_nodedev_get($c, "computer")));
?>
--EXPECT--
array(4) {
  ["state"]=>
  int(2)
  ["capacity"]=>
  string(12) "107374182400"
  ["allocation"]=>
  string(1) "0"
  ["available"]=>
  string(12) "107374182400"
}
array(1) {
  ["weight"]=>
  int(50)
}
string(7) "3145728"
int(1)
array(0) {
}
int(16)
int(8388608)
array(5) {
  [0]=>
  string(6) "rd_req"
  [1]=>
  string(8) "rd_bytes"
  [2]=>
  string(6) "wr_req"
  [3]=>
  string(8) "wr_bytes"
  [4]=>
  string(4) "errs"
}
int(2)
array(1) {
  [0]=>
  string(6) "system"
}
