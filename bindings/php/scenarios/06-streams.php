<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// Streams as libvirt-php programs use them (mirrors the Perl binding's
// 06-streams-libvirt.pl): a volume upload and download through
// libvirt_stream_send/recv, whose data goes by reference.  The test
// driver has no volume streams, so what is compared is how each call
// fails: its answer and its warnings.
require __DIR__ . "/common.inc";

$conn = libvirt_connect("test:///default", false);
$pool = libvirt_storagepool_lookup_by_name($conn, "default-pool");
$vol = libvirt_storagevolume_create_xml($pool, "<volume><name>php6.img</name>" .
    "<capacity unit='bytes'>1024</capacity></volume>");
$st = libvirt_stream_create($conn);
show("stream", $st);
show("upload", libvirt_storagevolume_upload($vol, $st, 0, 5));
$data = "hello";
show("send", libvirt_stream_send($st, $data));
show("finish", libvirt_stream_finish($st));
show("abort", libvirt_stream_abort($st));
$st2 = libvirt_stream_create($conn);
show("download", libvirt_storagevolume_download($vol, $st2, 0, 5));
$buf = "untouched";
show("recv", libvirt_stream_recv($st2, $buf, 5));
show("recv data", $buf);
show("close", libvirt_stream_close($st2));
show("delete", libvirt_storagevolume_delete($vol));
show("done", true);
