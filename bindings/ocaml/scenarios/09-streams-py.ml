(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Streams with OCaml closures (mirrors the Python binding's
   binding_streams.py; the screenshot's bytes are the test driver's own,
   so only their kind is shown and that every way of reading gets the
   same ones): recv_all, send_all and their handlers'
   exceptions, sparse_recv_all, a non-blocking stream read from the event
   loop, and the old lifecycle-only domain event registration. *)
open Printf
let printf fmt = kfprintf (fun oc -> flush oc) stdout fmt
module C = Libvirt.Connect
module D = Libvirt.Domain
module S = Libvirt.Stream
module E = Libvirt.Virterror

let digest s = sprintf "%d bytes" (String.length s)
let png s =
  if String.length s > 8 && String.sub s 0 4 = "\137PNG" then "a PNG image"
  else sprintf "not a PNG image (%d bytes)" (String.length s)

let show label pr f =
  match f () with
  | v -> printf "%s: %s\n" label (pr v)
  | exception Libvirt.Virterror e -> printf "%s: error %s\n" label (E.to_string e)
  | exception e -> printf "%s: %s\n" label (Printexc.to_string e)
let unit () = "()"

exception Handler_failed

let () =
  Libvirt.Event.register_default_impl ();
  let conn = C.connect ~name:"test:///default" () in
  let dom = D.lookup_by_name conn "test" in
  let screenshot flags =
    let st = S.new_ conn flags in
    show "screenshot" (sprintf "%S") (fun () -> D.screenshot dom st 0 0);
    st in

  let st = screenshot 0 in
  let pieces = Buffer.create 65536 in
  show "recv 100" digest (fun () ->
      let s = S.recv st 100 in Buffer.add_string pieces s; s);
  show "recv_all" unit (fun () -> S.recv_all st (Buffer.add_string pieces));
  show "recv_all data" png (fun () -> Buffer.contents pieces);
  show "recv at the end" digest (fun () -> S.recv st 100);
  show "finish" unit (fun () -> S.finish st);
  show "recv after finish" digest (fun () -> S.recv st 100);

  let st = screenshot 0 in
  show "sparse_recv_all" unit (fun () ->
      S.sparse_recv_all st (fun _ -> ()) (fun _ -> ()));
  show "abort" unit (fun () -> S.abort st);

  let st = screenshot 0 in
  show "recv_all, handler raises" unit (fun () ->
      S.recv_all st (fun _ -> raise Handler_failed));
  show "recv after the abort" digest (fun () -> S.recv st 10);

  let st = screenshot 0 in
  show "send_all on a download" unit (fun () ->
      S.send_all st (fun _ -> String.make 10 'x'));
  let st = screenshot 0 in
  show "send_all, handler raises" unit (fun () ->
      S.send_all st (fun _ -> raise Division_by_zero));

  (* a non-blocking stream read from the event loop *)
  let st = screenshot Libvirt.Const.vir_stream_nonblock in
  let events = ref [] and data = Buffer.create 65536 and fin = ref false in
  show "event_add_callback" unit (fun () ->
      S.event_add_callback st Libvirt.Const.vir_stream_event_readable
        (fun ev ->
           if not (List.mem ev !events) then events := ev :: !events;
           match S.recv st 4096 with
           | "" -> fin := true; S.event_remove_callback st; S.finish st
           | s -> Buffer.add_string data s
           | exception Libvirt.Virterror _ -> ()));
  let n = ref 0 in
  while not !fin && !n < 400 do incr n; Libvirt.Event.run_default_impl () done;
  show "events seen" (fun l -> String.concat " " (List.map string_of_int l))
    (fun () -> List.sort compare !events);
  show "read through events" (fun (e, d) -> sprintf "(%b, %s, %s)" e (png d)
      (if d = Buffer.contents pieces then "the same bytes" else "other bytes"))
    (fun () -> (!fin, Buffer.contents data));
  show "event_update_callback after removal" unit (fun () ->
      S.event_update_callback st Libvirt.Const.vir_stream_event_readable);
  show "event_add_callback on a blocking stream" unit (fun () ->
      S.event_add_callback (screenshot 0)
        Libvirt.Const.vir_stream_event_readable (fun _ -> ()));

  (* the old lifecycle-only registration *)
  let seen = ref [] in
  show "domain_event_register" unit (fun () ->
      Libvirt.Event.domain_event_register conn (fun d ev detail ->
          seen := sprintf "(%s, %d, %d)" (D.get_name d) ev detail :: !seen));
  show "domain_event_register again" unit (fun () ->
      Libvirt.Event.domain_event_register conn (fun _ _ _ -> ()));
  D.suspend dom; D.resume dom;
  let n = ref 0 in
  while List.length !seen < 2 && !n < 100 do
    incr n; Libvirt.Event.run_default_impl () done;
  printf "lifecycle events: %s\n" (String.concat " " (List.rev !seen));
  show "domain_event_deregister" unit (fun () ->
      Libvirt.Event.domain_event_deregister conn);
  (* (the message shows the C callback's address) *)
  printf "domain_event_deregister again: %s\n"
    (match Libvirt.Event.domain_event_deregister conn with
     | () -> "no error"
     | exception Libvirt.Virterror e -> E.string_of_code e.E.code);
  C.close conn
