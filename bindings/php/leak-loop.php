<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// Rounds of calls of every shape (handles, strings, structs, lists, typed
// parameters, XPath, failures) for valgrind: php-test.sh checks that none
// leaks or touches memory it should not.
$rounds = (int)($argv[1] ?? 10);
for ($i = 0; $i < $rounds; $i++) {
    $c = libvirt_connect("test:///default", false);
    $d = libvirt_domain_lookup_by_name($c, "test");
    libvirt_domain_get_info($d);
    libvirt_domain_get_name($d);
    libvirt_domain_get_uuid($d);
    libvirt_domain_get_xml_desc($d, "//name");
    libvirt_domain_xml_xpath($d, "//devices/*");
    libvirt_domain_get_disk_devices($d);
    libvirt_domain_get_memory_parameters($d);
    libvirt_domain_set_memory_parameters($d, ["hard_limit" => "1048576"]);
    libvirt_domain_get_scheduler_parameters($d);
    libvirt_domain_block_stats($d, "vda");
    libvirt_domain_memory_stats($d, 0);
    libvirt_domain_get_block_info($d, "vda");
    libvirt_domain_interface_addresses($d, 0);
    libvirt_connect_get_all_domain_stats($c, 0);
    libvirt_list_domains($c);
    libvirt_list_active_domain_ids($c);
    libvirt_list_all_domains($c);
    libvirt_list_domain_resources($c);
    libvirt_list_networks($c, VIR_NETWORKS_ALL);
    libvirt_network_get_information(libvirt_network_get($c, "default"));
    libvirt_list_storagepools($c);
    $p = libvirt_storagepool_lookup_by_name($c, "default-pool");
    libvirt_storagepool_get_info($p);
    libvirt_storagepool_list_volumes($p);
    libvirt_node_get_info($c);
    libvirt_node_get_free_memory($c);
    libvirt_connect_get_information($c);
    libvirt_connect_get_emulator($c);
    @libvirt_domain_lookup_by_name($c, "nope");
    libvirt_get_last_error();
    $s = libvirt_domain_snapshot_create($d);
    libvirt_list_domain_snapshots($d);
    libvirt_domain_snapshot_delete($s);
    $st = libvirt_stream_create($c);
    $buf = "";
    @libvirt_stream_recv($st, $buf, 16);
    libvirt_stream_close($st);
    $e = libvirt_domain_define_xml($c, "<domain type='test'><name>leak</name>" .
        "<memory>131072</memory><os><type>hvm</type></os><devices>" .
        "<disk type='file' device='disk'><source file='/l.img'/>" .
        "<target dev='hda' bus='ide'/></disk></devices></domain>");
    $e2 = libvirt_domain_change_boot_devices($e, "cdrom", "hd");
    @libvirt_domain_disk_add($e2, "/m.img", "hdb", "ide", "raw");
    @libvirt_domain_disk_remove($e2, "hdz");
    libvirt_nodedev_get_information(libvirt_nodedev_get($c, "computer"));
    libvirt_domain_get_network_info($d, "aa:bb:cc:dd:ee:ff");
    libvirt_domain_undefine($e2);
    $d = $c = $p = $s = $st = $e = $e2 = null;
}
echo "done\n";
