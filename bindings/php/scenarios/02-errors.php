<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// Errors as libvirt-php programs see them (mirrors the Python binding's
// scenario_errors.py and the Perl one's 02-errors.pl): false and a warning
// on failure, libvirt_get_last_error(), read-only connections,
// credentials, bad arguments.
require __DIR__ . "/common.inc";

function fail($label, $fn)
{
    attempt($label, $fn);
    show("$label: last error", libvirt_get_last_error());
}

show("last error at start", libvirt_get_last_error());
$conn = libvirt_connect("test:///default", false);
fail("missing domain", function () use ($conn) {
    return libvirt_domain_lookup_by_name($conn, "nope"); });
fail("missing id", function () use ($conn) {
    return libvirt_domain_lookup_by_id($conn, 4242); });
fail("missing network", function () use ($conn) {
    return libvirt_network_get($conn, "nope"); });
fail("missing pool", function () use ($conn) {
    return libvirt_storagepool_lookup_by_name($conn, "nope"); });
fail("bad xml", function () use ($conn) {
    return libvirt_domain_define_xml($conn, "<domain"); });
fail("start running domain", function () use ($conn) {
    return libvirt_domain_create(libvirt_domain_lookup_by_name($conn, "test")); });
show("constants", VIR_DOMAIN_XML_INACTIVE == 2 && VIR_NETWORKS_ALL == 3 &&
     VIR_SNAPSHOT_DELETE_CHILDREN == 1 && VIR_DOMAIN_RUNNING == 1);
attempt("not a resource", function () {
    return libvirt_domain_get_name("nope"); });
attempt("another resource type", function () use ($conn) {
    return libvirt_domain_get_name($conn); });
attempt("too few arguments", function () {
    return libvirt_domain_lookup_by_name(); });
show("a call that works", libvirt_domain_get_name(
    libvirt_domain_lookup_by_name($conn, "test")));
show("last error after it", libvirt_get_last_error());

$ro = libvirt_connect("test:///default");
show("read-only lookup", libvirt_domain_get_name(
    libvirt_domain_lookup_by_name($ro, "test")));
fail("read-only destroy", function () use ($ro) {
    return libvirt_domain_destroy(libvirt_domain_lookup_by_name($ro, "test")); });
$ro = null;

$ac = libvirt_connect("test:///default", false,
                      array(VIR_CRED_AUTHNAME => "fred",
                            VIR_CRED_PASSPHRASE => "secret"));
show("with credentials", libvirt_connect_get_uri($ac));
$ac = null;

$conn = null;
show("done", true);
