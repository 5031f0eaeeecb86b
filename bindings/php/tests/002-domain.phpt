--TEST--
Domain life cycle: define, start, suspend, resume, destroy, undefine
--FILE--
<?php
$c = libvirt_connect("test:///default", false);
$xml = "<domain type='test'><name>phpt</name><memory>131072</memory>" .
       "<os><type>hvm</type></os></domain>";
$d = libvirt_domain_define_xml($c, $xml);
var_dump(libvirt_domain_get_name($d), libvirt_domain_is_active($d));
var_dump(libvirt_domain_create($d), libvirt_domain_get_info($d)["state"]);
var_dump(libvirt_domain_suspend($d), libvirt_domain_get_state($d));
var_dump(libvirt_domain_resume($d), libvirt_domain_get_info($d)["state"]);
var_dump(libvirt_domain_shutdown($d), libvirt_domain_is_active($d));
var_dump(libvirt_domain_undefine($d));
var_dump(in_array("phpt", libvirt_list_domains($c)));
$all = libvirt_list_all_domains($c, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
var_dump(array_map("libvirt_domain_get_name", $all));
var_dump(libvirt_domain_get_xml_desc(libvirt_domain_lookup_by_id($c, 1),
                                     "//os/type/@arch"));
?>
--EXPECT--
string(4) "phpt"
int(0)
bool(true)
int(1)
bool(true)
array(2) {
  [0]=>
  int(3)
  [1]=>
  int(1)
}
bool(true)
int(1)
bool(true)
int(0)
bool(true)
bool(false)
array(1) {
  [0]=>
  string(4) "test"
}
string(4) "i686"
