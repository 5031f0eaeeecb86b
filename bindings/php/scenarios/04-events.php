<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// expected: by hand (Debian's libvirt-php has no events; the same lines
// as the Perl and Python events scenarios print).
// Domain events through the default event loop: lifecycle events of a
// domain defined, started, paused, resumed, stopped and undefined (the
// test driver sends no reboot events: that callback only registers),
// then deregistration; network and storage pool lifecycle events.
require __DIR__ . "/common.inc";

libvirt_event_register_default_impl();
$conn = libvirt_connect("test:///default", false);

$seen = [];
$all = libvirt_connect_domain_event_register_any($conn, null,
    VIR_DOMAIN_EVENT_ID_LIFECYCLE,
    function ($c, $dom, $event, $detail, $opaque) use (&$seen) {
        $seen[] = sprintf("lifecycle %s event=%d detail=%d conn=%s",
            libvirt_domain_get_name($dom), $event, $detail,
            get_resource_type($c));
    });
echo "callback id is a number: ", (is_int($all) ? "yes" : "no"), "\n";

$test = libvirt_domain_lookup_by_name($conn, "test");
$one = libvirt_connect_domain_event_register_any($conn, $test,
    VIR_DOMAIN_EVENT_ID_REBOOT,
    function ($c, $dom) use (&$seen) {
        $seen[] = "reboot " . libvirt_domain_get_name($dom);
    });

$xml = "<domain type='test'>
  <name>plevents</name>
  <memory unit='KiB'>65536</memory>
  <os><type arch='i686'>hvm</type></os>
</domain>";

function pump($want, &$seen)
{
    for ($i = 0; $i < 50 && count($seen) < $want; $i++)
        libvirt_event_run_default_impl();
}

$dom = libvirt_domain_define_xml($conn, $xml);
pump(1, $seen);
libvirt_domain_create($dom);
pump(2, $seen);
libvirt_domain_suspend($dom);
pump(3, $seen);
libvirt_domain_resume($dom);
pump(4, $seen);
libvirt_domain_destroy($dom);
pump(5, $seen);
libvirt_domain_undefine($dom);
pump(6, $seen);
foreach ($seen as $l)
    echo "$l\n";

libvirt_connect_domain_event_deregister_any($conn, $all);
libvirt_connect_domain_event_deregister_any($conn, $one);
$r = libvirt_connect_domain_event_deregister_any($conn, $all);
echo "deregister twice: ", json_encode($r), "\n";
$r = libvirt_connect_domain_event_register_any($conn, null, 4242,
    function () { });
echo "bad event id: ", json_encode($r), "\n";

$other = [];
$nid = libvirt_connect_network_event_register_any($conn, null,
    VIR_NETWORK_EVENT_ID_LIFECYCLE,
    function ($c, $net, $event, $detail, $opaque) use (&$other) {
        $other[] = sprintf("network %s event=%d detail=%d %s",
            libvirt_network_get_name($net), $event, $detail, $opaque);
    }, "nets");
$pid = libvirt_connect_storagepool_event_register_any($conn, null,
    VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
    function ($c, $pool, $event, $detail) use (&$other) {
        $other[] = sprintf("pool %s event=%d detail=%d",
            libvirt_storagepool_get_name($pool), $event, $detail);
    });
$net = libvirt_network_define_xml($conn, "<network><name>plnet</name>" .
    "<bridge name='plbr0'/></network>");
pump(1, $other);
libvirt_network_undefine($net);
pump(2, $other);
$pool = libvirt_storagepool_define_xml($conn, "<pool type='dir'>" .
    "<name>plpool</name><target><path>/plpool</path></target></pool>");
pump(3, $other);
libvirt_storagepool_undefine($pool);
pump(4, $other);
foreach ($other as $l)
    echo "$l\n";
libvirt_connect_network_event_deregister_any($conn, $nid);
libvirt_connect_storagepool_event_deregister_any($conn, $pid);

// a callable that is none is PHP's TypeError
attempt("not callable", function () use ($conn) {
    return libvirt_connect_domain_event_register_any($conn, null,
        VIR_DOMAIN_EVENT_ID_LIFECYCLE, "no_such_function");
});
// a timeout of the default loop, called from run_default_impl
$ticks = 0;
$tid = libvirt_event_add_timeout(1, function ($timer, $opaque) use (&$ticks) {
    $ticks++;
}, null);
while ($ticks < 3)
    libvirt_event_run_default_impl();
echo "timeout fired: $ticks\n";
libvirt_event_remove_timeout($tid);
echo "done\n";
