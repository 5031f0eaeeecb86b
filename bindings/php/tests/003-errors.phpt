--TEST--
Failures answer false with a warning; libvirt_get_last_error() keeps the message until the next call
--FILE--
<?php
$c = libvirt_connect("test:///default", false);
var_dump(libvirt_get_last_error());
var_dump(libvirt_domain_lookup_by_name($c, "nope"));
var_dump(libvirt_get_last_error());
var_dump(libvirt_connect_get_uri($c));
var_dump(libvirt_get_last_error());
try {
    libvirt_domain_get_name($c);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
$ro = libvirt_connect("test:///default");
var_dump(@libvirt_domain_destroy(libvirt_domain_lookup_by_name($ro, "test")));
echo libvirt_get_last_error(), "\n";
?>
--EXPECTF--
NULL

Warning: libvirt_domain_lookup_by_name(): Domain not found in %s on line %d
bool(false)
string(16) "Domain not found"
string(15) "test:///default"
NULL
libvirt_domain_get_name(): supplied resource is not a valid Libvirt domain resource
bool(false)
operation forbidden: read only access prevents virDomainDestroy
