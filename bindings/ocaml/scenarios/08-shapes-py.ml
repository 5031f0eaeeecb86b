(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Shapes ocaml-libvirt does not have (mirrors the Python binding's
   binding_shapes.py, whose output on Debian's python3-libvirt and libvirt
   9.0 gives expected/08-shapes-py.out, written as OCaml prints it): the
   host's CPU map, free pages, arrays of records with arrays inside. *)
open Printf
let printf fmt = kfprintf (fun oc -> flush oc) stdout fmt
module C = Libvirt.Connect
module D = Libvirt.Domain
module N = Libvirt.Network
module E = Libvirt.Virterror

let show label pr f =
  match f () with
  | v -> printf "%s: %s\n" label (pr v)
  | exception Libvirt.Virterror e -> printf "%s: error %s\n" label (E.to_string e)

let list pr a = "[" ^ String.concat "; " (List.map pr (Array.to_list a)) ^ "]"
let str s = sprintf "%S" s
let ostr = function Some s -> str s | None -> "None"

let () =
  let conn = C.connect ~name:"test:///default" () in
  let dom = D.lookup_by_name conn "test" in
  let net = N.lookup_by_name conn "default" in

  (* CPU maps: ocaml-libvirt's bit strings *)
  show "node_get_cpu_map" (fun (n, map, online) ->
      sprintf "(%d, [%s], %d)" n
        (String.concat "; " (List.init n (fun cpu ->
             if C.cpu_usable (Bytes.of_string map) 0 0 cpu then "true"
             else "false"))) online)
    (fun () -> C.node_get_cpu_map conn 0);
  show "get_io_thread_info"
    (list (fun t -> sprintf "(%d, %S)" t.D.iothread_id t.D.cpumap))
    (fun () -> D.get_io_thread_info dom 0);

  (* integer arrays *)
  show "node_get_free_pages" (list (list Int64.to_string))
    (fun () -> C.node_get_free_pages conn [| 4; 2048 |] 0 2 0);
  show "node_alloc_pages" string_of_int
    (fun () -> C.node_alloc_pages conn [| (4, 10L); (2048, 3L) |] 0 1 0);

  (* records with arrays inside *)
  show "get_fs_info"
    (list (fun f -> sprintf "(%s, %s, %s, %s)" (ostr f.D.mountpoint)
              (ostr f.D.name) (ostr f.D.fstype) (list str f.D.dev_alias)))
    (fun () -> D.get_fs_info dom 0);
  let iface i =
    sprintf "(%s, %s, %s)" (ostr i.D.interface_name) (ostr i.D.hwaddr)
      (list (fun a -> sprintf "(%s, %d, %d)" (ostr a.D.addr) a.D.prefix
                a.D.ip_address_typ) i.D.addrs) in
  show "interface_addresses" (list iface)
    (fun () -> D.interface_addresses dom
        Libvirt.Const.vir_domain_interface_addresses_src_lease 0);
  show "interface_addresses agent" (list iface)
    (fun () -> D.interface_addresses dom
        Libvirt.Const.vir_domain_interface_addresses_src_agent 0);
  show "get_security_label_list"
    (list (fun l -> sprintf "(%S, %d)" l.D.label l.D.enforcing))
    (fun () -> D.get_security_label_list dom);
  show "get_dhcp_leases"
    (list (fun l -> sprintf "(%s, %s)" (ostr l.N.mac) (ostr l.N.ipaddr)))
    (fun () -> N.get_dhcp_leases net 0);
  C.close conn
