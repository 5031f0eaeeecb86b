<?php
// SPDX-License-Identifier: LGPL-2.1-or-later
// The PHP binding's coverage, as TAP lines without the plan (php-test.sh
// numbers them): every IDL function has one row in coverage.tsv; what is
// generated, hand-written or extra exists in the loaded extension; todo
// rows are TODO tests; libvirt-php's functions and constants exist here
// (with the same values).
// Arguments: coverage.tsv, the IDL's function names (one a line), the
// folder of libvirt-php's facts (tests/data).
[$_, $tsv, $idlNames, $data] = $argv;

function line($ok, $text, $todo = null)
{
    echo ($ok ? "ok" : "not ok") . " - $text" .
        ($todo !== null ? " # TODO $todo" : "") . "\n";
}

$rows = [];
foreach (file($tsv, FILE_IGNORE_NEW_LINES) as $l) {
    if ($l === "" || $l[0] === "#")
        continue;
    $rows[] = array_pad(explode("\t", $l), 4, "");
}
$byC = [];
foreach ($rows as $r)
    if ($r[0] !== "-")
        $byC[$r[0]][] = $r;

// every IDL function: exactly one row
$idl = file($idlNames, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
$missing = array_filter($idl, fn($f) => count($byC[$f] ?? []) !== 1);
line(!$missing, count($idl) . " IDL functions have one row each in coverage.tsv" .
     ($missing ? " (not: " . implode(" ", $missing) . ")" : ""));
$unknown = array_diff(array_keys($byC), $idl);
line(!$unknown, "coverage.tsv names no function the IDL lacks" .
     ($unknown ? " (" . implode(" ", $unknown) . ")" : ""));

// what PHP can call exists
$count = [];
foreach ($rows as [$c, $how, $php, $detail]) {
    $count[$how] = ($count[$how] ?? 0) + 1;
    if (in_array($how, ["generated", "custom", "extra"]) &&
            !function_exists($php))
        line(false, "$c: $php ($how) is not in the extension");
    if ($how === "skip" && trim($detail) === "")
        line(false, "$c: skipped without a reason");
}
foreach (["generated", "custom", "extra"] as $how)
    line(true, ($count[$how] ?? 0) . " $how functions exist in the extension");
line(true, ($count["skip"] ?? 0) . " skipped with a reason, " .
     ($count["lifecycle"] ?? 0) . " are resource lifecycle");
foreach ($rows as [$c, $how, $php, $detail])
    if ($how === "todo")
        line(false, "$c ($php)", $detail);

// libvirt-php's surface
$theirs = file("$data/libvirt-php-functions.txt",
               FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES);
$have = array_filter($theirs, "function_exists");
line(true, count($have) . " of libvirt-php's " . count($theirs) .
     " functions exist");
foreach (array_diff($theirs, $have) as $f)
    line(false, "libvirt-php's $f", "not written yet");

// Where libvirt-php's own value differs from libvirt 9.0's header, ours
// is the header's.
$headerWins = ["VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP" => 2,
               "VIR_DOMAIN_MEMORY_STAT_NR" => 13];
$consts = get_defined_constants(true)["libvirt"] ?? [];
$bad = [];
$n = 0;
foreach (file("$data/libvirt-php-constants.txt", FILE_IGNORE_NEW_LINES |
              FILE_SKIP_EMPTY_LINES) as $l) {
    [$name, $value] = explode("\t", $l);
    $want = $headerWins[$name] ?? (int)$value;
    $n++;
    if (!array_key_exists($name, $consts) || $consts[$name] !== $want)
        $bad[] = $name;
}
line(!$bad, ($n - count($bad)) . " of libvirt-php's $n constants exist with " .
     "its values" . ($bad ? " (not: " . implode(" ", $bad) . ")" : ""));
