(* Generated from api/virt-api.xml by generator/targets/ocaml.py. DO NOT EDIT. *)


(** The C API's constants (enum values and macros), by their C names in
    lower case: the flags of the functions ocaml-libvirt does not have are
    ints, made of these. *)
module Const :
sig
  val vir_domain_nostate : int
  val vir_domain_running : int
  val vir_domain_paused : int
  val vir_domain_pmsuspended : int
  val vir_domain_affect_current : int
  val vir_domain_affect_live : int
  val vir_domain_affect_config : int
  val vir_domain_xml_secure : int
  val vir_domain_xml_inactive : int
  val vir_domain_xml_migratable : int
  val vir_domain_xml_high_bit : int
  val vir_domain_destroy_default : int
  val vir_domain_destroy_graceful : int
  val vir_domain_destroy_current : int
  val vir_typed_param_int : int
  val vir_typed_param_string : int
  val libvir_version_number : int
  val vir_typed_param_field_length : int
  val vir_domain_scheduler_weight : string
end
module Connect :
sig
  type 'rw t

  val open_ : ?name:string -> unit -> 'a t
    (** Open a connection to the hypervisor named by a URI. *)
  val close : [>`R] t -> unit
  val get_type : [>`R] t -> string
    (** Name the driver behind a connection. *)
  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Stream :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Domain :
sig
  type 'rw t
  type state = InfoNoState | InfoRunning | InfoBlocked | InfoPaused | InfoShutdown | InfoShutoff | InfoCrashed | InfoPMSuspended
  type vcpu_state = VcpuOffline | VcpuRunning | VcpuBlocked
  type domain_create_flag = START_PAUSED | START_AUTODESTROY | START_BYPASS_CACHE | START_FORCE_BOOT | START_VALIDATE
  type xml_desc_flag = XmlSecure | XmlInactive | XmlUpdateCPU | XmlMigratable
  type migrate_flag = Live
  type memory_flag = Virtual
  type list_flag = ListActive | ListInactive | ListAll
  type get_all_domain_stats_flag = GetAllDomainsStatsActive | GetAllDomainsStatsInactive | GetAllDomainsStatsOther | GetAllDomainsStatsPaused | GetAllDomainsStatsPersistent | GetAllDomainsStatsRunning | GetAllDomainsStatsShutoff | GetAllDomainsStatsTransient | GetAllDomainsStatsBacking | GetAllDomainsStatsEnforceStats
  type stats_type = StatsState | StatsCpuTotal | StatsBalloon | StatsVcpu | StatsInterface | StatsBlock | StatsPerf

  val lookup_by_name : 'a Connect.t -> string -> 'a t
    (** Find a domain by name; free it with @virDomainFree. *)
  val restore : [>`W] Connect.t -> string -> unit
  val destroy_flags : [>`W] t -> int -> unit
    (** Stop a domain at once. *)
  val get_xml_desc : [>`R] t -> string
    (** Describe a domain as XML. *)
  val get_xml_desc_flags : [>`W] t -> xml_desc_flag list -> string
    (** Describe a domain as XML. *)
  val get_state : [>`R] t -> int -> int * int
  val set_scheduler_parameters_flags : [>`W] t -> Connect.typed_param array -> int -> unit
  val set_metadata : [>`W] t -> ?metadata:string -> int -> unit
  val free : [>`R] t -> unit
    (** Release a domain handle. *)
  val get_name : [>`R] t -> string
  val get_id : [>`R] t -> int
  val get_uuid : [>`R] t -> string
  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Domain_snapshot :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Domain_checkpoint :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Event :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Network :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Network_port :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Pool :
sig
  type 'rw t
  type pool_state = Inactive | Building | Running | Degraded | Inaccessible
  type pool_build_flags = New | Repair | Resize
  type pool_delete_flags = Normal | Zeroed

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Volume :
sig
  type 'rw t
  type vol_type = File | Block | Dir | Network | NetDir | Ploop
  type vol_delete_flags = Normal | Zeroed

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Secret :
sig
  type 'rw t
  type secret_usage_type = NoType | Volume | Ceph | ISCSI | TLS

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Interface :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Node_device :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Nwfilter :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Nwfilter_binding :
sig
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"
    (** The same handle, read-only: the other way is not possible. *)

end
module Virterror :
sig
  type code =
    | VIR_ERR_UNKNOWN of int
  type domain =
    | VIR_FROM_UNKNOWN of int
  type level =
    | VIR_ERR_NONE
    | VIR_ERR_WARNING
    | VIR_ERR_ERROR
    | VIR_ERR_UNKNOWN_LEVEL of int
  val string_of_code : code -> string
  val string_of_domain : domain -> string
  val string_of_level : level -> string


end

