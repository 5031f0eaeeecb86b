(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Virterror: an error is a record; the C side makes them (vkml.c). *)
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

  let to_string e =
    Printf.sprintf "libvirt: %s: %s: %s" (string_of_code e.code)
      (string_of_domain e.domain)
      (match e.message with Some m -> m | None -> "")

  external get_last_error : unit -> t option = "vkml_get_last_error"
  external get_last_conn_error : [>`R] Connect.t -> t option
    = "vkml_get_last_conn_error"
  external reset_last_conn_error : [>`R] Connect.t -> unit
    = "vkml_reset_last_conn_error"

  let no_error () = {
    code = VIR_ERR_OK; domain = VIR_FROM_NONE; message = None;
    level = VIR_ERR_NONE; str1 = None; str2 = None; str3 = None;
    int1 = 0l; int2 = 0l;
  }
(*@ after *)
