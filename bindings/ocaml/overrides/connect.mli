(* SPDX-License-Identifier: LGPL-2.1-or-later *)
  (** Typed parameters, as Domain's. *)
  type typed_param = string * typed_param_value
  and typed_param_value =
    | TypedFieldInt32 of int32
    | TypedFieldUInt32 of int32
    | TypedFieldInt64 of int64
    | TypedFieldUInt64 of int64
    | TypedFieldFloat of float
    | TypedFieldBool of bool
    | TypedFieldString of string

  type credential_type =
    | CredentialUsername
    | CredentialAuthname
    | CredentialLanguage
    | CredentialCnonce
    | CredentialPassphrase
    | CredentialEchoprompt
    | CredentialNoechoprompt
    | CredentialRealm
    | CredentialExternal

  type credential = {
    typ : credential_type;
    prompt : string;
    challenge : string option;
    defresult : string option;
  }

  type auth = {
    credtype : credential_type list;
      (** the credentials [cb] can answer *)
    cb : (credential list -> string option list);
      (** one answer per credential asked, in the same order *)
  }
(*@ after *)
  val connect : ?name:string -> unit -> rw t
    (** Opens the connection to URI [name] (or the default one). *)
  val connect_readonly : ?name:string -> unit -> ro t
  val connect_auth : ?name:string -> auth -> rw t
    (** Opens it asking [auth.cb] for the credentials the driver needs. *)
  val connect_auth_readonly : ?name:string -> auth -> ro t
  val register_close_callback : [>`R] t -> (int -> unit) -> unit
    (** Calls [cb reason] (a VIR_CONNECT_CLOSE_REASON_* value) from the
        event loop when the connection goes away unasked. *)
  val unregister_close_callback : [>`R] t -> unit
  val get_auth_default : unit -> auth
    (** The library's own credential handler (it asks on the terminal). *)
  val maxcpus_of_node_info : node_info -> int
    (** All the host's CPUs, online or not. *)
  val cpumaplen : int -> int
    (** Bytes in a CPU map of that many CPUs. *)
  val use_cpu : bytes -> int -> unit
  val unuse_cpu : bytes -> int -> unit
  val cpu_usable : bytes -> int -> int -> int -> bool
    (** [cpu_usable cpumaps maplen vcpu cpu]: may [vcpu] run on [cpu]? *)
  val node_get_cpu_map : [>`R] t -> int -> int * string * int
    (** [node_get_cpu_map conn flags]: the host's CPU count, the map of
        its online CPUs (use [cpu_usable map 0 0 cpu]) and how many are
        online. *)
  val node_get_free_pages : [>`R] t -> int array -> int -> int -> int ->
    int64 array array
    (** [node_get_free_pages conn sizes start_cell cell_count flags]: the
        free pages of each size (KiB), one array per NUMA cell from
        [start_cell]. *)
  val node_alloc_pages : [>`W] t -> (int * int64) array -> int -> int ->
    int -> int
    (** [node_alloc_pages conn [|(size, count); ...|] start_cell cell_count
        flags]: the number of cells changed. *)
