(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Handle lifetimes (mirrors the Python binding's scenario_lifetime.py;
   numbered after the Perl scenarios, which have no 07):
   handles that outlive their connection's close keep working and are
   freed once by the garbage collector; many calls do not grow the
   process. *)
open Printf
module C = Libvirt.Connect
module D = Libvirt.Domain
module N = Libvirt.Network
module P = Libvirt.Pool

let rss_kib () =
  let ic = open_in "/proc/self/status" in
  let rec find () =
    match input_line ic with
    | l when String.length l > 6 && String.sub l 0 6 = "VmRSS:" ->
      Scanf.sscanf l "VmRSS: %d" (fun k -> k)
    | _ -> find ()
    | exception End_of_file -> 0 in
  let k = find () in
  close_in ic; k

let state (i : D.info) = match i.D.state with
  | D.InfoRunning -> "running" | _ -> "other"

let () =
  let conn = C.connect ~name:"test:///default" () in
  let dom = D.lookup_by_name conn "test" in
  let net = N.lookup_by_name conn "default" in
  let pool = P.lookup_by_name conn "default-pool" in
  C.close conn;
  printf "closed connection; domain still answers: %s %s\n%!"
    (D.get_name dom) (state (D.get_info dom));
  printf "network still answers: %s\n%!" (N.get_name net);
  printf "pool still answers: %s %d volumes\n%!" (P.get_name (P.const pool))
    (P.num_of_volumes (P.const pool));
  Gc.full_major ();
  printf "after a full collection: %s\n%!" (D.get_uuid_string dom);
  D.free dom;
  N.free net;
  P.free pool;
  Gc.full_major ();
  print_endline "all handles freed";

  let conn = C.connect ~name:"test:///default" () in
  for _ = 1 to 10000 do ignore (D.lookup_by_name conn "test") done;
  let doms = List.init 1000 (fun _ -> D.lookup_by_name conn "test") in
  printf "1000 live handles: %d %d\n%!" (List.length doms)
    (List.length (List.sort_uniq compare (List.map D.get_uuid_string doms)));
  Gc.full_major ();

  let dom = D.lookup_by_name conn "test" in
  for _ = 1 to 2000 do
    ignore (D.get_info dom);
    ignore (D.get_domains conn [D.ListAll])
  done;
  Gc.full_major ();
  let before = rss_kib () in
  for _ = 1 to 100000 do
    ignore (D.get_info dom);
    ignore (D.get_xml_desc dom);
    ignore (D.get_name dom)
  done;
  for _ = 1 to 10000 do
    ignore (D.get_domains conn [D.ListAll]);
    ignore (C.list_defined_domains conn 10);
    (try ignore (D.lookup_by_name conn "nope") with Libvirt.Virterror _ -> ())
  done;
  Gc.full_major ();
  let grown = rss_kib () - before in
  printf "many calls grew the process by less than 4 MiB: %b\n%!"
    (grown < 4096);
  (* the connection's last handle goes with the collector, not close *)
  print_endline "done"
