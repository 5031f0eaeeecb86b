(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* An event loop written in OCaml (Event.register_impl; mirrors the Python
   binding's scenario_eventimpl.py): the library's timeouts run on it,
   domain events arrive through it, and OCaml callbacks added with
   Event.add_handle and Event.add_timeout fire on it. *)
open Printf
let printf fmt = kfprintf (fun oc -> flush oc) stdout fmt
module C = Libvirt.Connect
module D = Libvirt.Domain
module Ev = Libvirt.Event

(* a small select loop: what an application's own loop does *)
let handles : (int, int * int ref * Ev.handle_callback) Hashtbl.t =
  Hashtbl.create 8
let timeouts : (int, int ref * Ev.timeout_callback * float ref) Hashtbl.t =
  Hashtbl.create 8
let next_id = ref 0
let calls = ref []
let call name = if not (List.mem name !calls) then calls := name :: !calls
let id () = incr next_id; !next_id

let impl = {
  Ev.add_handle = (fun fd events cb ->
      let w = id () in
      Hashtbl.replace handles w (fd, ref events, cb); call "addHandle"; w);
  update_handle = (fun w events ->
      match Hashtbl.find_opt handles w with
      | Some (_, e, _) -> e := events | None -> ());
  remove_handle = (fun w ->
      if Hashtbl.mem handles w then
        (Hashtbl.remove handles w; call "removeHandle"; 0)
      else -1);
  add_timeout = (fun ms cb ->
      let t = id () in
      Hashtbl.replace timeouts t (ref ms, cb, ref (Unix.gettimeofday ()));
      call "addTimeout"; t);
  update_timeout = (fun t ms ->
      match Hashtbl.find_opt timeouts t with
      | Some (m, _, last) -> m := ms; last := Unix.gettimeofday ()
      | None -> ());
  remove_timeout = (fun t ->
      if Hashtbl.mem timeouts t then
        (Hashtbl.remove timeouts t; call "removeTimeout"; 0)
      else -1);
}

let fd_of (i : int) : Unix.file_descr = Obj.magic i
let int_of_fd (fd : Unix.file_descr) : int = Obj.magic fd

let run_once () =
  let want bit = Hashtbl.fold (fun _ (fd, e, _) acc ->
      if !e land bit <> 0 then fd_of fd :: acc else acc) handles [] in
  let r, w, _ =
    try Unix.select (want 1) (want 2) [] 0.01
    with Unix.Unix_error (Unix.EINTR, _, _) -> [], [], [] in
  Hashtbl.fold (fun w v acc -> (w, v) :: acc) handles []
  |> List.iter (fun (watch, (fd, _, cb)) ->
      let got = (if List.mem (fd_of fd) r then 1 else 0) lor
                (if List.mem (fd_of fd) w then 2 else 0) in
      if got <> 0 && Hashtbl.mem handles watch then
        Ev.run_handle_callback cb watch fd got);
  let now = Unix.gettimeofday () in
  Hashtbl.fold (fun t v acc -> (t, v) :: acc) timeouts []
  |> List.iter (fun (t, (ms, cb, last)) ->
      if !ms >= 0 && now -. !last >= float !ms /. 1000. &&
         Hashtbl.mem timeouts t then begin
        last := now; Ev.run_timeout_callback cb t
      end)

let () =
  Ev.register_impl impl;
  let conn = C.connect ~name:"test:///default" () in
  let events = ref [] in
  let cid = Ev.register_any conn (Ev.Lifecycle (fun d ev ->
      events := sprintf "(%s, %s)" (D.get_name d) (Ev.Lifecycle.to_string ev)
                :: !events)) in
  let dom = D.lookup_by_name conn "test" in
  D.suspend dom; D.resume dom;
  let n = ref 0 in
  while List.length !events < 2 && !n < 100 do incr n; run_once () done;
  printf "domain events through the OCaml loop: %s\n"
    (String.concat " " (List.rev !events));
  Ev.deregister_any conn cid;

  let r, w = Unix.pipe () in
  let seen = ref [] in
  let watch = Ev.add_handle (int_of_fd r) 1 (fun _watch fd ev ->
      let b = Bytes.create 10 in
      let k = Unix.read (fd_of fd) b 0 10 in
      seen := sprintf "(handle, %b, %d, %S)" (fd = int_of_fd r) ev
          (Bytes.sub_string b 0 k) :: !seen) in
  ignore (Unix.write_substring w "ping" 0 4);
  let fired = ref false in
  let timer = Ev.add_timeout conn 0 (fun () -> fired := true) in
  let n = ref 0 in
  while (not !fired || !seen = []) && !n < 100 do incr n; run_once () done;
  printf "handle callback: %s\n"
    (match List.rev !seen with s :: _ -> s | [] -> "none");
  printf "timeout callback: %b\n" !fired;
  printf "remove_handle: %s\n"
    (match Ev.remove_handle watch with () -> "()" | exception _ -> "error");
  printf "remove_timeout: %s\n"
    (match Ev.remove_timeout conn timer with () -> "()" | exception _ -> "error");
  run_once ();
  printf "the loop was asked to: %s\n"
    (String.concat " " (List.sort compare !calls));
  Unix.close r; Unix.close w;
  C.close conn;
  Gc.full_major ();
  run_once ();
  printf "closed\n"
