(* SPDX-License-Identifier: LGPL-2.1-or-later *)
  type t = {
    code : code;
    domain : domain;
    message : string option;
    level : level;
    str1 : string option;
    str2 : string option;
    str3 : string option;
    int1 : int32;
    int2 : int32;
  }
  val to_string : t -> string
    (** ["libvirt: CODE: DOMAIN: message"] *)
  val get_last_error : unit -> t option
    (** The calling thread's last error, if any. *)
  val get_last_conn_error : [>`R] Connect.t -> t option
    (** The connection's last error, if any. *)
  val reset_last_conn_error : [>`R] Connect.t -> unit
  val no_error : unit -> t
    (** A record that says "no error". *)
(*@ after *)
