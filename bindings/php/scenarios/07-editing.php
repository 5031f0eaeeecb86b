<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// libvirt-php's editing helpers (no Python or Perl twin: they are
// libvirt-php's own): vCPUs, memory, boot order, disks and NICs of a
// domain, each a few libvirt calls, and their errors.
require __DIR__ . "/common.inc";

$conn = libvirt_connect("test:///default", false);
$dom = libvirt_domain_define_xml($conn, "<domain type='test'><name>php7</name>" .
    "<memory>131072</memory><vcpu>1</vcpu><os><type>hvm</type>" .
    "<boot dev='hd'/></os><devices><disk type='file' device='disk'>" .
    "<source file='/php7-a.img'/><target dev='hda' bus='ide'/></disk>" .
    "<interface type='network'><mac address='52:54:00:aa:00:01'/>" .
    "<source network='default'/></interface></devices></domain>");
show("change vcpus", libvirt_domain_change_vcpus($dom, 2));
show("vcpus", libvirt_domain_get_xml_desc($dom, "//vcpu"));
show("change memory", libvirt_domain_change_memory($dom, 256, 512));
$new = libvirt_domain_change_boot_devices($dom, "cdrom", "hd");
show("change boot devices", $new);
show("boot order", libvirt_domain_xml_xpath($new, "//os/boot/@dev"));
$new = libvirt_domain_change_boot_devices($new, "network", "-");
show("boot order, one device", libvirt_domain_xml_xpath($new, "//os/boot/@dev"));
show("disk add, image in use", libvirt_domain_disk_add($dom, "/php7-a.img",
                                                      "hdb", "ide", "raw"));
show("disk add", libvirt_domain_disk_add($dom, "/php7-b.img", "hdb", "ide",
                                         "raw"));
show("disk remove, no such", libvirt_domain_disk_remove($dom, "hdz"));
show("disk remove", libvirt_domain_disk_remove($dom, "hda"));
show("nic add, mac in use", libvirt_domain_nic_add($dom, "52:54:00:aa:00:01",
                                                  "default", "virtio"));
show("nic add", libvirt_domain_nic_add($dom, "52:54:00:aa:00:02", "default",
                                       "virtio"));
show("nic remove, no such", libvirt_domain_nic_remove($dom, "52:54:00:aa:00:09"));
show("nic remove", libvirt_domain_nic_remove($dom, "52:54:00:aa:00:01"));
show("attach device", libvirt_domain_attach_device($dom, "<disk/>"));
// last: libvirt-php's change_memory answers the resource it was given
// without a reference of its own, so $dom is not used after it
$r = libvirt_domain_change_memory($dom, 64, 64);
show("change memory down", $r);
show("memory", [libvirt_domain_get_xml_desc($r, "//memory"),
                libvirt_domain_get_xml_desc($r, "//currentMemory")]);
show("undefine", libvirt_domain_undefine($r));
show("done", true);
