(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Domain: the parameter types, and what ocaml-libvirt shapes its own way:
   scheduler parameters, vCPUs, migration, peeks, statistics, lists. *)
  type sched_param = string * sched_param_value
  and sched_param_value =
    | SchedFieldInt32 of int32 | SchedFieldUInt32 of int32
    | SchedFieldInt64 of int64 | SchedFieldUInt64 of int64
    | SchedFieldFloat of float | SchedFieldBool of bool

  type typed_param = string * typed_param_value
  and typed_param_value = Connect.typed_param_value =
    | TypedFieldInt32 of int32 | TypedFieldUInt32 of int32
    | TypedFieldInt64 of int64 | TypedFieldUInt64 of int64
    | TypedFieldFloat of float | TypedFieldBool of bool
    | TypedFieldString of string

  type domain_stats_record = {
    dom_uuid : uuid;
    params : typed_param array;
  }
(*@ after *)
  let max_peek _ = 65536

  external get_scheduler_parameters : [>`R] t -> int -> sched_param array
    = "vkml_domain_get_scheduler_parameters"
  external set_scheduler_parameters : [>`W] t -> sched_param array -> unit
    = "vkml_domain_set_scheduler_parameters"
  external get_vcpus : [>`R] t -> int -> int -> int * vcpu_info array * string
    = "vkml_domain_get_vcpus"
  external get_cpu_stats : [>`R] t -> typed_param list array
    = "vkml_domain_get_cpu_stats"
  external migrate : [>`W] t -> [>`W] Connect.t -> migrate_flag list ->
    ?dname:string -> ?uri:string -> ?bandwidth:int -> unit -> rw t
    = "vkml_domain_migrate_bc" "vkml_domain_migrate"
  external block_peek : [>`W] t -> string -> int64 -> int -> string -> int ->
    unit = "vkml_domain_block_peek_bc" "vkml_domain_block_peek"
  external memory_peek : [>`W] t -> memory_flag list -> int64 -> int ->
    string -> int -> unit
    = "vkml_domain_memory_peek_bc" "vkml_domain_memory_peek"
  external get_all_domain_stats : [>`R] Connect.t -> stats_type list ->
    get_all_domain_stats_flag list -> domain_stats_record array
    = "ocaml_libvirt_domain_get_all_domain_stats"

  (* VIR_CONNECT_LIST_DOMAINS_ACTIVE and _INACTIVE; both: every domain *)
  let get_domains conn flags =
    let has f = List.mem f flags || List.mem ListAll flags in
    match has ListActive, has ListInactive with
    | true, true -> Array.to_list (list_all_domains conn 0)
    | true, false -> Array.to_list (list_all_domains conn 1)
    | false, true -> Array.to_list (list_all_domains conn 2)
    | false, false -> []

  let get_domains_and_infos conn flags =
    List.map (fun d -> (d, get_info d)) (get_domains conn flags)

  external list_get_stats : [>`R] t array -> stats_type list ->
    get_all_domain_stats_flag list -> domain_stats_record array
    = "vkml_domain_list_get_stats"
