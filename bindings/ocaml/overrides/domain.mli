(* SPDX-License-Identifier: LGPL-2.1-or-later *)
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
  val max_peek : [>`R] t -> int
    (** The most bytes one block_peek or memory_peek may read. *)
  val get_scheduler_parameters : [>`R] t -> int -> sched_param array
    (** [get_scheduler_parameters dom n]: n is the count get_scheduler_type
        answers. *)
  val set_scheduler_parameters : [>`W] t -> sched_param array -> unit
  val get_vcpus : [>`R] t -> int -> int -> int * vcpu_info array * string
    (** [get_vcpus dom maxinfo maplen]: the vCPUs filled in, their states
        and their CPU maps, maplen bytes each. *)
  val get_cpu_stats : [>`R] t -> typed_param list array
    (** The domain's statistics on each host CPU. *)
  val migrate : [>`W] t -> [>`W] Connect.t -> migrate_flag list ->
    ?dname:string -> ?uri:string -> ?bandwidth:int -> unit -> rw t
  val block_peek : [>`W] t -> string -> int64 -> int -> string -> int -> unit
    (** [block_peek dom disk offset size buf boff] reads into buf at boff. *)
  val memory_peek : [>`W] t -> memory_flag list -> int64 -> int ->
    string -> int -> unit
  external get_all_domain_stats : [>`R] Connect.t -> stats_type list ->
    get_all_domain_stats_flag list -> domain_stats_record array
    = "ocaml_libvirt_domain_get_all_domain_stats"
    (** The statistics of several domains in one call. *)
  val get_domains : ([>`R] as 'a) Connect.t -> list_flag list -> 'a t list
    (** The active and/or the inactive domains. *)
  val get_domains_and_infos : ([>`R] as 'a) Connect.t -> list_flag list ->
    ('a t * info) list
  val list_get_stats : [>`R] t array -> stats_type list ->
    get_all_domain_stats_flag list -> domain_stats_record array
    (** get_all_domain_stats for the domains given (of one connection). *)
