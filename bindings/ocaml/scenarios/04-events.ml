(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Domain events through the default event loop (mirrors the Python
   binding's scenario_events.py and the Perl 04-events.pl): lifecycle
   events of a domain defined, started, paused, resumed, stopped and
   undefined, a reboot callback that only registers (the test driver sends
   none), a timeout, then deregistration. *)
open Printf
module C = Libvirt.Connect
module D = Libvirt.Domain
module Ev = Libvirt.Event

let domain_xml = {|<domain type='test'>
  <name>mlevents</name>
  <memory unit='KiB'>8192</memory>
  <os><type>hvm</type></os>
</domain>
|}

let () =
  Ev.register_default_impl ();
  let conn = C.connect ~name:"test:///default" () in
  let seen = ref [] in
  let all = Ev.register_any conn (Ev.Lifecycle (fun dom ev ->
      seen := sprintf "lifecycle %s %s" (D.get_name dom)
          (Ev.Lifecycle.to_string ev) :: !seen)) in
  let test = D.lookup_by_name conn "test" in
  let one = Ev.register_any conn ~dom:test (Ev.Reboot (fun dom () ->
      seen := ("reboot " ^ D.get_name dom) :: !seen)) in
  let ticks = ref 0 in
  let timer = Ev.add_timeout conn 10 (fun () -> incr ticks) in

  let d = D.define_xml conn domain_xml in
  D.create d;
  D.suspend d;
  D.resume d;
  D.destroy d;
  let d = D.lookup_by_name conn "mlevents" in
  D.undefine d;

  (* run the loop until the six events and some ticks came, or 10 s *)
  let t0 = Unix.gettimeofday () in
  while (List.length !seen < 6 || !ticks < 2) &&
        Unix.gettimeofday () -. t0 < 10. do
    Ev.run_default_impl ()
  done;
  List.iter print_endline (List.rev !seen);
  printf "ticks: %b\n" (!ticks >= 2);
  Ev.remove_timeout conn timer;
  Ev.deregister_any conn one;
  Ev.deregister_any conn all;
  (* nothing more arrives once deregistered *)
  let d = D.define_xml conn domain_xml in
  D.undefine d;
  let t0 = Unix.gettimeofday () in
  let stop = Ev.add_timeout conn 50 (fun () -> ()) in
  while Unix.gettimeofday () -. t0 < 0.3 do Ev.run_default_impl () done;
  Ev.remove_timeout conn stop;
  printf "after deregistration: %d events\n" (List.length !seen);
  C.close conn;
  print_endline "done"
