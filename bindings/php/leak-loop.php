<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// Rounds of calls of every shape (handles, strings, structs, lists, typed
// parameters, XPath, failures) for valgrind: php-test.sh checks that none
// leaks or touches memory it should not.
$rounds = (int)($argv[1] ?? 10);
libvirt_event_register_default_impl();
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
    // callables behind C callbacks, typed parameters by table, lists of
    // lists, CPU maps
    $seen = 0;
    $id = libvirt_connect_domain_event_register_any($c, null,
        VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        function ($c, $dom, $ev, $det, $o) use (&$seen) { $seen++; }, [1, 2]);
    $g = libvirt_connect_domain_event_register_any($c, $d,
        VIR_DOMAIN_EVENT_ID_GRAPHICS, function () { });
    libvirt_domain_suspend($d);
    libvirt_domain_resume($d);
    while ($seen < 2)
        libvirt_event_run_default_impl();
    libvirt_connect_domain_event_deregister_any($c, $id);
    libvirt_connect_domain_event_deregister_any($c, $g);
    $t = libvirt_event_add_timeout(0, function () { });
    libvirt_event_run_default_impl();
    libvirt_event_remove_timeout($t);
    @libvirt_domain_save_params($d, ["file" => "/nonexistent/x", "bogus" => 1]);
    @libvirt_domain_save_params($d, ["file" => "/nonexistent/x", "dxml" => "<x/>"]);
    libvirt_domain_set_perf_events($d, ["cmt" => false]);
    libvirt_domain_get_vcpus($d);
    libvirt_domain_get_vcpu_pin_info($d);
    libvirt_domain_get_emulator_pin_info($d);
    libvirt_domain_get_fs_info($d);
    libvirt_domain_get_disk_errors($d);
    libvirt_domain_list_get_stats([$d]);
    libvirt_node_get_cpu_map($c);
    libvirt_node_get_cells_free_memory($c, 0, 8);
    libvirt_node_get_free_pages($c, [4], 0, 1);
    // libvirt-php's helpers
    libvirt_has_feature("create-image");
    libvirt_print_binding_resources();
    libvirt_connect_get_machine_types($c);
    @libvirt_connect_get_nic_models($c);
    @libvirt_domain_get_screen_dimensions($d, "localhost");
    @libvirt_get_iso_images("/nonexistent");
    $n = @libvirt_domain_new($c, "leaknew", "i686", 64, 128, 1, "/dev/null",
        [], [["mac" => "52:54:00:11:22:33", "network" => "default"]], 1);
    libvirt_domain_new_get_vnc();
    libvirt_domain_destroy($n);
    libvirt_domain_undefine($n);
    $d = $c = $p = $s = $st = $e = $e2 = $n = null;
}
echo "done\n";
