(* Generated from api/virt-api.xml by generator/targets/ocaml.py. DO NOT EDIT. *)


module Const = struct
  let vir_domain_nostate = 0
  let vir_domain_running = 1
  let vir_domain_paused = 3
  let vir_domain_pmsuspended = 7
  let vir_domain_affect_current = 0
  let vir_domain_affect_live = 1
  let vir_domain_affect_config = 2
  let vir_domain_xml_secure = 1
  let vir_domain_xml_inactive = 2
  let vir_domain_xml_migratable = 8
  let vir_domain_xml_high_bit = 2147483648
  let vir_domain_destroy_default = 0
  let vir_domain_destroy_graceful = 1
  let vir_domain_destroy_current = 0
  let vir_typed_param_int = 1
  let vir_typed_param_string = 7
  let libvir_version_number = 1002000
  let vir_typed_param_field_length = 80
  let vir_domain_scheduler_weight = "weight"
end
module Connect = struct
  type 'rw t

  external open_ : ?name:string -> unit -> 'a t = "vkml_connect_open_"
  external close : [>`R] t -> unit = "vkml_connect_close"
  external get_type : [>`R] t -> string = "vkml_connect_get_type"
  external const : [>`R] t -> ro t = "%identity"

end
module Stream = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Domain = struct
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

  external lookup_by_name : 'a Connect.t -> string -> 'a t = "vkml_domain_lookup_by_name"
  external restore : [>`W] Connect.t -> string -> unit = "vkml_domain_restore"
  external destroy_flags : [>`W] t -> int -> unit = "vkml_domain_destroy_flags"
  external get_xml_desc : [>`R] t -> string = "vkml_domain_get_xml_desc"
  external get_xml_desc_flags : [>`W] t -> xml_desc_flag list -> string = "vkml_domain_get_xml_desc_flags"
  external get_state : [>`R] t -> int -> int * int = "vkml_domain_get_state"
  external set_scheduler_parameters_flags : [>`W] t -> Connect.typed_param array -> int -> unit = "vkml_domain_set_scheduler_parameters_flags"
  external set_metadata : [>`W] t -> ?metadata:string -> int -> unit = "vkml_domain_set_metadata"
  external free : [>`R] t -> unit = "vkml_domain_free"
  external get_name : [>`R] t -> string = "vkml_domain_get_name"
  external get_id : [>`R] t -> int = "vkml_domain_get_id"
  external get_uuid : [>`R] t -> string = "vkml_domain_get_uuid"
  external const : [>`R] t -> ro t = "%identity"

end
module Domain_snapshot = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Domain_checkpoint = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Event = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Network = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Network_port = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Pool = struct
  type 'rw t
  type pool_state = Inactive | Building | Running | Degraded | Inaccessible
  type pool_build_flags = New | Repair | Resize
  type pool_delete_flags = Normal | Zeroed

  external const : [>`R] t -> ro t = "%identity"

end
module Volume = struct
  type 'rw t
  type vol_type = File | Block | Dir | Network | NetDir | Ploop
  type vol_delete_flags = Normal | Zeroed

  external const : [>`R] t -> ro t = "%identity"

end
module Secret = struct
  type 'rw t
  type secret_usage_type = NoType | Volume | Ceph | ISCSI | TLS

  external const : [>`R] t -> ro t = "%identity"

end
module Interface = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Node_device = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Nwfilter = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Nwfilter_binding = struct
  type 'rw t

  external const : [>`R] t -> ro t = "%identity"

end
module Virterror = struct
  type code =
    | VIR_ERR_UNKNOWN of int
  type domain =
    | VIR_FROM_UNKNOWN of int
  type level =
    | VIR_ERR_NONE
    | VIR_ERR_WARNING
    | VIR_ERR_ERROR
    | VIR_ERR_UNKNOWN_LEVEL of int

  let string_of_code = function
    | VIR_ERR_UNKNOWN i -> "VIR_ERR_" ^ string_of_int i
  let string_of_domain = function
    | VIR_FROM_UNKNOWN i -> "VIR_FROM_" ^ string_of_int i
  let string_of_level = function
    | VIR_ERR_NONE -> "VIR_ERR_NONE"
    | VIR_ERR_WARNING -> "VIR_ERR_WARNING"
    | VIR_ERR_ERROR -> "VIR_ERR_ERROR"
    | VIR_ERR_UNKNOWN_LEVEL i -> "VIR_ERR_LEVEL_" ^ string_of_int i


end

