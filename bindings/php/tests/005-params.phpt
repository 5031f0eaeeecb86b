--TEST--
Typed parameters: getters answer name => value, setters take such an array (typed by the getter; unknown names ignored)
--FILE--
<?php
$c = libvirt_connect("test:///default", false);
$d = libvirt_domain_lookup_by_name($c, "test");
// the test driver keeps its weight, as libvirt's does
var_dump(libvirt_domain_set_scheduler_parameters($d, ["weight" => 7, "nope" => 1]));
var_dump(libvirt_domain_get_scheduler_parameters($d));
var_dump(libvirt_domain_set_memory_parameters($d, ["hard_limit" => "1048576"]));
var_dump(libvirt_domain_get_memory_parameters($d)["hard_limit"]);
var_dump(libvirt_domain_set_blkio_parameters($d, ["weight" => 500]));
var_dump(libvirt_domain_get_blkio_parameters($d)["weight"]);
try {
    libvirt_domain_set_memory_parameters($d, "not an array");
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
?>
--EXPECTF--
bool(true)
array(1) {
  ["weight"]=>
  int(50)
}
bool(true)
string(7) "1048576"
bool(true)
int(500)

Warning: libvirt_domain_set_memory_parameters(): Invalid arguments in %s on line %d
TypeError
