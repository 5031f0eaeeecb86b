(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Connect: opening connections (with credentials asked from OCaml) and
   the CPU map helpers, which are plain OCaml. *)
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
    cb : (credential list -> string option list);
  }
(*@ after *)
  external connect : ?name:string -> unit -> rw t = "vkml_connect"
  external connect_readonly : ?name:string -> unit -> ro t
    = "vkml_connect_readonly"
  external connect_auth : ?name:string -> auth -> rw t = "vkml_connect_auth"
  external connect_auth_readonly : ?name:string -> auth -> ro t
    = "vkml_connect_auth_readonly"

  external register_close_callback : [>`R] t -> (int -> unit) -> unit
    = "vkml_register_close_callback"
  external unregister_close_callback : [>`R] t -> unit
    = "vkml_unregister_close_callback"

  external default_credtypes : unit -> credential_type list
    = "vkml_auth_default_credtypes"
  external default_cb : credential list -> string option list
    = "vkml_auth_default_cb"
  let get_auth_default () = { credtype = default_credtypes (); cb = default_cb }

  let maxcpus_of_node_info ni = ni.nodes * ni.sockets * ni.cores * ni.threads
  let cpumaplen nr_cpus = (nr_cpus + 7) / 8

  let use_cpu cpumap cpu =
    let i = cpu / 8 in
    Bytes.set cpumap i
      (Char.chr (Char.code (Bytes.get cpumap i) lor (1 lsl (cpu mod 8))))

  let unuse_cpu cpumap cpu =
    let i = cpu / 8 in
    Bytes.set cpumap i
      (Char.chr (Char.code (Bytes.get cpumap i) land
                 (lnot (1 lsl (cpu mod 8)) land 0xff)))

  let cpu_usable cpumaps maplen vcpu cpu =
    Char.code (Bytes.get cpumaps (vcpu * maplen + cpu / 8))
    land (1 lsl (cpu mod 8)) <> 0

  external node_get_cpu_map : [>`R] t -> int -> int * string * int
    = "vkml_node_get_cpu_map"
  external node_get_free_pages : [>`R] t -> int array -> int -> int -> int ->
    int64 array array = "vkml_node_get_free_pages"
  external node_alloc_pages : [>`W] t -> (int * int64) array -> int -> int ->
    int -> int = "vkml_node_alloc_pages"
