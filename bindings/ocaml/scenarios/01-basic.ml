(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* An ocaml-libvirt program on test:///default (mirrors the Python
   binding's scenario_basic.py and the Perl 01-basic.pl, with the calls
   ocaml-libvirt has): connection, domains, networks, storage, each
   printed.  Built against Debian's ocaml-libvirt and run on libvirt 9.0
   it makes expected/01-basic.out. *)
open Printf
module C = Libvirt.Connect
module D = Libvirt.Domain
module N = Libvirt.Network
module P = Libvirt.Pool
module V = Libvirt.Volume
module E = Libvirt.Virterror

let domain_xml = {|<domain type='test'>
  <name>mlscenario</name>
  <uuid>5a5e8c21-1f3c-4b8a-9d0e-7c1b2a3d4e61</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='i686'>hvm</type>
  </os>
</domain>
|}

let volume_xml = {|<volume>
  <name>mlscenario.img</name>
  <capacity unit='bytes'>1048576</capacity>
</volume>
|}

(* Print what f answers, or the libvirt error it raises: one failing call
   does not hide the others. *)
let show label f =
  match f () with
  | v when String.contains v '\n' -> printf "%s:\n%s" label v
  | v -> printf "%s: %s\n" label v
  | exception Libvirt.Virterror e -> printf "%s: error %s\n" label (E.to_string e)

let strs a = "[" ^ String.concat "; " (List.sort compare (Array.to_list a)) ^ "]"
let ints a = "[" ^ String.concat "; " (List.map string_of_int (List.sort compare (Array.to_list a))) ^ "]"
let hex s = String.concat "" (List.init (String.length s) (fun i -> sprintf "%02x" (Char.code s.[i])))

let state = function
  | D.InfoNoState -> "nostate" | D.InfoRunning -> "running"
  | D.InfoBlocked -> "blocked" | D.InfoPaused -> "paused"
  | D.InfoShutdown -> "shutdown" | D.InfoShutoff -> "shutoff"
  | D.InfoCrashed -> "crashed" | D.InfoPMSuspended -> "pmsuspended"

let info (i : D.info) =
  sprintf "{state=%s max_mem=%Ld memory=%Ld nr_virt_cpu=%d}" (state i.D.state)
    i.D.max_mem i.D.memory i.D.nr_virt_cpu

let () =
  let conn = C.connect ~name:"test:///default" () in
  show "uri" (fun () -> C.get_uri conn);
  show "type" (fun () -> C.get_type conn);
  show "hostname is set" (fun () -> string_of_bool (C.get_hostname conn <> ""));
  show "hv version" (fun () -> string_of_int (C.get_version conn));
  show "node info" (fun () ->
      let n = C.get_node_info conn in
      sprintf "{model=%s memory=%Ld cpus=%d mhz=%d nodes=%d sockets=%d cores=%d threads=%d}"
        n.C.model n.C.memory n.C.cpus n.C.mhz n.C.nodes n.C.sockets n.C.cores n.C.threads);
  show "maxcpus" (fun () -> string_of_int (C.maxcpus_of_node_info (C.get_node_info conn)));
  show "max vcpus" (fun () -> string_of_int (C.get_max_vcpus conn ~type_:"test" ()));
  show "free memory" (fun () -> Int64.to_string (C.node_get_free_memory conn));
  show "cells free memory" (fun () ->
      String.concat " " (Array.to_list (Array.map Int64.to_string (C.node_get_cells_free_memory conn 0 4))));
  show "capabilities has host" (fun () ->
      let c = C.get_capabilities conn in
      string_of_bool (String.length c > 0 && String.sub c 0 14 = "<capabilities>"));

  (* domains *)
  show "domain ids" (fun () -> ints (C.list_domains conn 10));
  show "defined domains" (fun () -> strs (C.list_defined_domains conn 10));
  show "num domains" (fun () -> string_of_int (C.num_of_domains conn));
  show "num defined" (fun () -> string_of_int (C.num_of_defined_domains conn));
  let dom = D.lookup_by_name conn "test" in
  show "name" (fun () -> D.get_name dom);
  show "id" (fun () -> string_of_int (D.get_id dom));
  show "uuid" (fun () -> D.get_uuid_string dom);
  show "uuid bytes" (fun () -> hex (D.get_uuid dom));
  show "os type" (fun () -> D.get_os_type dom);
  show "info" (fun () -> info (D.get_info dom));
  show "max memory" (fun () -> Int64.to_string (D.get_max_memory dom));
  show "max vcpus" (fun () -> string_of_int (D.get_max_vcpus dom));
  show "autostart" (fun () -> string_of_bool (D.get_autostart dom));
  show "by id" (fun () -> D.get_name (D.lookup_by_id conn (D.get_id dom)));
  show "by uuid string" (fun () -> D.get_name (D.lookup_by_uuid_string conn (D.get_uuid_string dom)));
  show "by uuid" (fun () -> D.get_name (D.lookup_by_uuid conn (D.get_uuid dom)));
  show "xml" (fun () -> D.get_xml_desc dom);
  show "get_domains all" (fun () ->
      strs (Array.of_list (List.map D.get_name (D.get_domains conn [D.ListAll]))));
  show "get_domains active" (fun () ->
      strs (Array.of_list (List.map D.get_name (D.get_domains conn [D.ListActive]))));
  show "get_domains_and_infos" (fun () ->
      String.concat " " (List.map (fun (d, i) -> D.get_name d ^ "=" ^ info i)
                           (D.get_domains_and_infos conn [D.ListAll])));

  let nd = D.define_xml conn domain_xml in
  show "defined" (fun () -> D.get_name nd);
  show "defined info" (fun () -> info (D.get_info nd));
  show "defined domains" (fun () -> strs (C.list_defined_domains conn 10));
  show "create" (fun () -> D.create nd; "ok");
  show "started info" (fun () -> info (D.get_info nd));
  show "domain ids" (fun () -> ints (C.list_domains conn 10));
  show "suspend" (fun () -> D.suspend nd; "ok");
  show "suspended info" (fun () -> info (D.get_info nd));
  show "resume" (fun () -> D.resume nd; "ok");
  show "resumed info" (fun () -> info (D.get_info nd));
  show "set memory" (fun () -> D.set_memory nd 131072L; info (D.get_info nd));
  show "destroy" (fun () -> D.destroy nd; "ok");
  (* ocaml-libvirt's destroy frees the handle too *)
  show "handle after destroy" (fun () -> info (D.get_info nd));
  let nd = D.lookup_by_name conn "mlscenario" in
  show "destroyed info" (fun () -> info (D.get_info nd));
  show "set autostart" (fun () -> D.set_autostart nd true; string_of_bool (D.get_autostart nd));
  show "undefine" (fun () -> D.undefine nd; "ok");
  show "after undefine" (fun () -> D.get_name (D.lookup_by_name conn "mlscenario"));
  D.free nd;

  (* networks *)
  show "networks" (fun () -> strs (C.list_networks conn 10));
  show "num networks" (fun () -> string_of_int (C.num_of_networks conn));
  show "defined networks" (fun () -> strs (C.list_defined_networks conn 10));
  let net = N.lookup_by_name conn "default" in
  show "net name" (fun () -> N.get_name net);
  show "net uuid" (fun () -> N.get_uuid_string net);
  show "net bridge" (fun () -> N.get_bridge_name net);
  show "net autostart" (fun () -> string_of_bool (N.get_autostart net));
  show "net by uuid" (fun () -> N.get_name (N.lookup_by_uuid_string conn (N.get_uuid_string net)));
  show "net xml" (fun () -> N.get_xml_desc net);

  (* storage *)
  show "pools" (fun () -> strs (C.list_pools conn 10));
  show "num pools" (fun () -> string_of_int (C.num_of_pools conn));
  show "defined pools" (fun () -> strs (C.list_defined_pools conn 10));
  let pool = P.lookup_by_name conn "default-pool" in
  let pinfo () =
    let i = P.get_info (P.const pool) in
    sprintf "{state=%s capacity=%Ld allocation=%Ld available=%Ld}"
      (match i.P.state with
       | P.Inactive -> "inactive" | P.Building -> "building"
       | P.Running -> "running" | P.Degraded -> "degraded"
       | P.Inaccessible -> "inaccessible")
      i.P.capacity i.P.allocation i.P.available in
  show "pool info" pinfo;
  show "pool autostart" (fun () -> string_of_bool (P.get_autostart (P.const pool)));
  show "pool volumes" (fun () -> strs (P.list_volumes (P.const pool) 10));
  show "pool num volumes" (fun () -> string_of_int (P.num_of_volumes (P.const pool)));
  show "vol create" (fun () -> V.create_xml pool volume_xml; "ok");
  let vol = V.lookup_by_name pool "mlscenario.img" in
  show "vol name" (fun () -> V.get_name (V.const vol));
  show "vol info" (fun () ->
      let i = V.get_info (V.const vol) in
      sprintf "{typ=%s capacity=%Ld allocation=%Ld}"
        (match i.V.typ with
         | V.File -> "file" | V.Block -> "block" | V.Dir -> "dir"
         | V.Network -> "network" | V.NetDir -> "netdir" | V.Ploop -> "ploop")
        i.V.capacity i.V.allocation);
  show "vol path" (fun () -> V.get_path (V.const vol));
  show "vol key" (fun () -> V.get_key (V.const vol));
  show "vol pool" (fun () -> P.get_name (P.const (V.pool_of_volume vol)));
  show "vol by path" (fun () -> V.get_name (V.const (V.lookup_by_path conn (V.get_path (V.const vol)))));
  show "vol by key" (fun () -> V.get_name (V.const (V.lookup_by_key conn (V.get_key (V.const vol)))));
  show "pool volumes" (fun () -> strs (P.list_volumes (P.const pool) 10));
  show "delete" (fun () -> V.delete vol V.Normal; "ok");
  show "pool volumes" (fun () -> strs (P.list_volumes (P.const pool) 10));
  show "pool refresh" (fun () -> P.refresh (P.const pool); "ok");
  show "pool xml" (fun () -> P.get_xml_desc (P.const pool));
  show "close" (fun () -> C.close conn; "ok");
  show "close again" (fun () -> C.close conn; "ok");
  print_endline "done"
