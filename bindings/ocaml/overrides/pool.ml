(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Pool's events: an OCaml closure called from the event loop. *)
(*@ after *)
  external pool_event_register_any : 'a Connect.t -> ?pool:'a t -> int ->
    ([`R] t -> int -> int -> unit) -> int = "vkml_pool_event_register"
  external pool_event_deregister_any : 'a Connect.t -> int -> unit
    = "vkml_pool_event_deregister"
