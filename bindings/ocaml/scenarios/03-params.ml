(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Parameters and statistics in ocaml-libvirt's shapes (mirrors the
   parameter part of the Python binding's binding_params.py and the Perl
   03-params.pl): scheduler parameters, vCPUs and their CPU maps, block
   and interface statistics, the statistics of all domains. *)
open Printf
module C = Libvirt.Connect
module D = Libvirt.Domain
module E = Libvirt.Virterror

let show label f =
  match f () with
  | v -> printf "%s: %s\n%!" label v
  | exception Libvirt.Virterror e -> printf "%s: error %s\n%!" label (E.to_string e)

let sched (name, v) =
  name ^ "=" ^ (match v with
      | D.SchedFieldInt32 i -> sprintf "int32 %ld" i
      | D.SchedFieldUInt32 i -> sprintf "uint32 %lu" i
      | D.SchedFieldInt64 i -> sprintf "int64 %Ld" i
      | D.SchedFieldUInt64 i -> sprintf "uint64 %Lu" i
      | D.SchedFieldFloat f -> sprintf "float %g" f
      | D.SchedFieldBool b -> sprintf "bool %b" b)

let typed (name, v) =
  name ^ "=" ^ (match v with
      | D.TypedFieldInt32 i -> sprintf "int32 %ld" i
      | D.TypedFieldUInt32 i -> sprintf "uint32 %lu" i
      | D.TypedFieldInt64 i -> sprintf "int64 %Ld" i
      | D.TypedFieldUInt64 i -> sprintf "uint64 %Lu" i
      | D.TypedFieldFloat f -> sprintf "float %g" f
      | D.TypedFieldBool b -> sprintf "bool %b" b
      | D.TypedFieldString s -> sprintf "string %s" s)

let vcpu_state = function
  | D.VcpuOffline -> "offline" | D.VcpuRunning -> "running"
  | D.VcpuBlocked -> "blocked"

let hex s = String.concat "" (List.init (String.length s) (fun i -> sprintf "%02x" (Char.code s.[i])))

let () =
  let conn = C.connect ~name:"test:///default" () in
  let dom = D.lookup_by_name conn "test" in
  (* ocaml-libvirt 0.6.1.5 answers 0 parameters here, virtkit the count
     the library gives (1): only the type is compared *)
  let stype, n = D.get_scheduler_type dom in
  let n = max n 1 in
  printf "scheduler type: %s\n" stype;
  show "scheduler parameters" (fun () ->
      String.concat " " (Array.to_list (Array.map sched (D.get_scheduler_parameters dom n))));
  show "set scheduler" (fun () ->
      D.set_scheduler_parameters dom [| ("weight", D.SchedFieldUInt32 100l) |];
      String.concat " " (Array.to_list (Array.map sched (D.get_scheduler_parameters dom n))));
  show "set scheduler back" (fun () ->
      D.set_scheduler_parameters dom [| ("weight", D.SchedFieldUInt32 50l) |]; "ok");
  let ni = C.get_node_info conn in
  let maplen = C.cpumaplen (C.maxcpus_of_node_info ni) in
  show "cpumaplen" (fun () -> string_of_int maplen);
  show "vcpus" (fun () ->
      let n, infos, maps = D.get_vcpus dom 4 maplen in
      sprintf "%d [%s] maps=%s" n
        (String.concat "; " (Array.to_list (Array.map (fun i ->
             sprintf "number=%d state=%s cpu=%d" i.D.number
               (vcpu_state i.D.vcpu_state) i.D.cpu) infos)))
        (hex maps));
  show "cpu usable" (fun () ->
      let _, _, maps = D.get_vcpus dom 1 maplen in
      let b = Bytes.of_string maps in
      sprintf "%b %b" (C.cpu_usable b maplen 0 0) (C.cpu_usable b maplen 0 1));
  show "use_cpu" (fun () ->
      let b = Bytes.make 2 '\000' in
      C.use_cpu b 3; C.use_cpu b 9; C.unuse_cpu b 3;
      hex (Bytes.to_string b));
  show "pin vcpu" (fun () -> D.pin_vcpu dom 0 "\001"; "ok");
  show "set vcpus" (fun () -> D.set_vcpus dom 1; "ok");
  show "max peek" (fun () -> string_of_int (D.max_peek dom));
  show "block stats" (fun () ->
      (* the test driver's figures grow with the clock *)
      let s = D.block_stats dom "vda" in
      sprintf "rd_req>0=%b rd_bytes>0=%b wr_req>0=%b wr_bytes>0=%b errs>0=%b"
        (s.D.rd_req > 0L) (s.D.rd_bytes > 0L) (s.D.wr_req > 0L)
        (s.D.wr_bytes > 0L) (s.D.errs > 0L));
  show "interface stats" (fun () ->
      let s = D.interface_stats dom "testnet0" in
      String.concat " " (List.map (fun v -> string_of_bool (v > 0L))
        [s.D.rx_bytes; s.D.rx_packets; s.D.rx_errs; s.D.rx_drop;
         s.D.tx_bytes; s.D.tx_packets; s.D.tx_errs; s.D.tx_drop]));
  show "cpu stats" (fun () ->
      let a = D.get_cpu_stats dom in
      sprintf "%d cpus" (Array.length a));
  show "all domain stats" (fun () ->
      let recs = D.get_all_domain_stats conn [D.StatsState; D.StatsVcpu]
          [D.GetAllDomainsStatsActive] in
      String.concat "\n  " (Array.to_list (Array.map (fun r ->
          hex r.D.dom_uuid ^ ": " ^
          String.concat " " (Array.to_list (Array.map typed r.D.params))) recs)));
  show "all domain stats, no flags" (fun () ->
      string_of_int (Array.length (D.get_all_domain_stats conn [] [])));
  show "memory" (fun () ->
      D.set_max_memory dom 1048576L;
      D.set_memory dom 524288L;
      let i = D.get_info dom in
      sprintf "max=%Ld now=%Ld" i.D.max_mem i.D.memory);
  show "block peek" (fun () ->
      let buf = String.make 16 'x' in
      D.block_peek dom "/dev/null" 0L 4 buf 0; "ok");
  show "memory peek" (fun () ->
      let buf = String.make 16 'x' in
      D.memory_peek dom [D.Virtual] 0L 4 buf 0; "ok");
  show "xml flags" (fun () ->
      string_of_int (String.length (D.get_xml_desc_flags dom [D.XmlInactive]) / 1000));
  show "domain capabilities" (fun () ->
      let x = C.get_domain_capabilities conn in
      string_of_bool (String.length x > 0));
  show "keepalive" (fun () -> C.set_keep_alive conn 5 3; "ok");
  C.close conn;
  print_endline "done"
