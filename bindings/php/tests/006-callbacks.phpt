--TEST--
C callbacks as PHP callables (events, timeouts, close callback), typed parameters typed by perl-params.tsv, lists of lists and CPU maps
--FILE--
<?php
$c = libvirt_connect("test:///default", false);
$d = libvirt_domain_lookup_by_name($c, "test");
var_dump(libvirt_event_register_default_impl());
// the callable gets the registration's own resource, the object, the
// event's values and the opaque value
$got = [];
$id = libvirt_connect_domain_event_register_any($c, $d,
    VIR_DOMAIN_EVENT_ID_LIFECYCLE,
    function ($conn, $dom, $event, $detail, $opaque) use (&$got, $c) {
        $got[] = [$conn === $c, libvirt_domain_get_name($dom), $event,
                  $detail, $opaque];
    }, ["any", "value"]);
var_dump(is_int($id));
libvirt_domain_suspend($d);
while (!$got)
    libvirt_event_run_default_impl();
var_dump($got);
var_dump(libvirt_connect_domain_event_deregister_any($c, $id));
libvirt_domain_resume($d);
// the old interface: one callable per connection
var_dump(libvirt_connect_domain_event_register($c, function () { }));
var_dump(libvirt_connect_domain_event_deregister($c));
var_dump(libvirt_connect_register_close_callback($c, function () { }));
var_dump(libvirt_connect_unregister_close_callback($c));
try {
    libvirt_connect_domain_event_register_any($c, null, 0, 42);
} catch (TypeError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
// typed parameters with no getter: their types come from the table
var_dump(@libvirt_domain_save_params($d, ["file" => "/x", "bogus" => 1]));
var_dump(libvirt_get_last_error());
var_dump(libvirt_domain_set_perf_events($d, ["cmt" => true]));
var_dump(libvirt_domain_get_perf_events($d)["cmt"]);
// lists of lists, CPU maps
var_dump(array_keys(libvirt_domain_get_vcpus($d)[0]));
var_dump(libvirt_domain_get_vcpu_pin_info($d)[1]);
var_dump(libvirt_domain_get_emulator_pin_info($d));
var_dump(libvirt_domain_get_fs_info($d)[0]);
var_dump(libvirt_domain_get_disk_errors($d));
var_dump(libvirt_node_get_cpu_map($c));
var_dump(libvirt_node_get_cells_free_memory($c, 0, 8));
var_dump(array_keys(libvirt_domain_list_get_stats([$d])));
try {
    libvirt_domain_list_get_stats([$c]);
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
$st = libvirt_stream_create($c);
var_dump(@libvirt_stream_recv_all($st, function ($s, $data) { return strlen($data); }));
?>
--EXPECT--
bool(true)
bool(true)
array(1) {
  [0]=>
  array(5) {
    [0]=>
    bool(true)
    [1]=>
    string(4) "test"
    [2]=>
    int(3)
    [3]=>
    int(0)
    [4]=>
    array(2) {
      [0]=>
      string(3) "any"
      [1]=>
      string(5) "value"
    }
  }
}
bool(true)
int(0)
bool(true)
int(0)
bool(true)
TypeError: libvirt_connect_domain_event_register_any(): Argument #4 ($callback) must be a valid callback
bool(false)
string(35) "unsupported typed parameter 'bogus'"
bool(true)
bool(true)
array(5) {
  [0]=>
  string(6) "number"
  [1]=>
  string(5) "state"
  [2]=>
  string(7) "cpuTime"
  [3]=>
  string(3) "cpu"
  [4]=>
  string(8) "affinity"
}
array(8) {
  [0]=>
  int(0)
  [1]=>
  int(1)
  [2]=>
  int(2)
  [3]=>
  int(3)
  [4]=>
  int(4)
  [5]=>
  int(5)
  [6]=>
  int(6)
  [7]=>
  int(7)
}
array(8) {
  [0]=>
  int(0)
  [1]=>
  int(1)
  [2]=>
  int(2)
  [3]=>
  int(3)
  [4]=>
  int(4)
  [5]=>
  int(5)
  [6]=>
  int(6)
  [7]=>
  int(7)
}
array(4) {
  ["mountpoint"]=>
  string(1) "/"
  ["name"]=>
  string(4) "vda1"
  ["fstype"]=>
  string(4) "ext4"
  ["devAlias"]=>
  array(1) {
    [0]=>
    string(3) "vda"
  }
}
array(1) {
  ["vda"]=>
  int(1)
}
array(3) {
  ["cpus"]=>
  int(8)
  ["online"]=>
  int(3)
  ["cpumap"]=>
  array(3) {
    [0]=>
    int(0)
    [1]=>
    int(2)
    [2]=>
    int(4)
  }
}
array(2) {
  [0]=>
  string(7) "2097152"
  [1]=>
  string(7) "4194304"
}
array(1) {
  [0]=>
  string(4) "test"
}
TypeError
bool(false)
