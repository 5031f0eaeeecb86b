<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// libvirt-php's helpers with no libvirt function behind them, where what
// they do is visible without a real hypervisor: feature probes, the VNC
// helpers on a domain without VNC, the QEMU-only emulator probes, image
// and log file helpers and the list of live resources.
require __DIR__ . "/common.inc";

$conn = libvirt_connect("test:///default", false);
$dom = libvirt_domain_lookup_by_name($conn, "test");

foreach (["screenshot", "create-image", "vnc", "nothing"] as $f)
    show("has_feature $f", libvirt_has_feature($f));

// the test domain has no VNC graphics
show("screen dimensions", libvirt_domain_get_screen_dimensions($dom, "localhost"));
show("screenshot", libvirt_domain_get_screenshot($dom, "localhost"));
show("send keys", libvirt_domain_send_keys($dom, "localhost", "abc"));
show("pointer", libvirt_domain_send_pointer_event($dom, "localhost", 1, 2, 1, true));
show("last error", libvirt_get_last_error());

// the emulator probes speak to QEMU only
show("nic models", libvirt_connect_get_nic_models($conn));
show("soundhw models", libvirt_connect_get_soundhw_models($conn, "i686"));
show("machine types", is_array(libvirt_connect_get_machine_types($conn)));

// images and ISO images
$tmp = sys_get_temp_dir() . "/vkphp-helpers";
touch("$tmp.img");
show("image remove", libvirt_image_remove($conn, "$tmp.img"));
show("image gone", file_exists("$tmp.img"));
show("image remove again", libvirt_image_remove($conn, "$tmp.img") === false);
show("iso images of nowhere", libvirt_get_iso_images("/nonexistent/iso"));

// the log file
show("logfile", libvirt_logfile_set("$tmp.log", 10));
show("logfile in nowhere", libvirt_logfile_set("/nonexistent/dir/x.log"));
@unlink("$tmp.log");

// live resources: a line each, with its connection
$lines = libvirt_print_binding_resources();
show("resources", count($lines));
foreach ($lines as $l)
    show("resource", preg_replace('/[0-9a-f]{6,}/', 'ADDR', $l));
$dom = null;
show("resources after one is gone", count(libvirt_print_binding_resources()));

// libvirt_domain_new: a persistent domain booting from an ISO image, with
// a disk made by qemu-img, a network and a VNC display, started
show("vnc before", libvirt_domain_new_get_vnc());
$img = sys_get_temp_dir() . "/vkphp-new.img";
if (file_exists($img))
    unlink($img);
$new = libvirt_domain_new($conn, "phpnew", "i686", 64, 128, 1, "/dev/null",
    [["path" => $img, "driver" => "raw", "bus" => "ide", "dev" => "hda",
      "size" => "1M",
      "flags" => VIR_DOMAIN_DISK_FILE | VIR_DOMAIN_DISK_ACCESS_ALL]],
    [["mac" => "52:54:00:11:22:33", "network" => "default", "model" => "e1000"]],
    VIR_DOMAIN_FLAG_FEATURE_ACPI | VIR_DOMAIN_FLAG_SOUND_AC97);
show("new", $new);
// (libvirt-php makes the image in the background: when is not compared)
show("vnc", libvirt_domain_new_get_vnc() === gethostname() . ":-1");
show("new xml", preg_replace("/<uuid>.*</", "<uuid>UUID<",
    libvirt_domain_get_xml_desc($new, "")));
show("new running", libvirt_domain_is_active($new));
show("new persistent", libvirt_domain_is_persistent($new));
// the error names the existing domain's UUID
set_error_handler(function ($no, $msg) {
    echo "  warning: ", preg_replace("/uuid .*/", "uuid UUID", $msg), "\n";
    return true;
});
show("new again", libvirt_domain_new($conn, "phpnew", "i686", 64, 128, 1,
    "/dev/null", [], [], 0));
restore_error_handler();
show("new without iso", libvirt_domain_new($conn, "phpnew2", "i686", 64, 128,
    1, "", [], [], 0));
libvirt_domain_destroy($new);
libvirt_domain_undefine($new);
if (file_exists($img))
    unlink($img);
