(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Secret's events: an OCaml closure called from the event loop. *)
(*@ after *)
  external secret_event_register_any : 'a Connect.t -> ?secret:'a t -> int ->
    ([`R] t -> int -> int -> unit) -> int = "vkml_secret_event_register"
  external secret_event_deregister_any : 'a Connect.t -> int -> unit
    = "vkml_secret_event_deregister"
