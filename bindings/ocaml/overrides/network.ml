(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Network's events: an OCaml closure called from the event loop. *)
(*@ after *)
  external network_event_register_any : 'a Connect.t -> ?net:'a t -> int ->
    ([`R] t -> int -> int -> unit) -> int = "vkml_network_event_register"
  external network_event_deregister_any : 'a Connect.t -> int -> unit
    = "vkml_network_event_deregister"
