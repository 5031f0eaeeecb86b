(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Node_device's events: an OCaml closure called from the event loop. *)
(*@ after *)
  external node_device_event_register_any : 'a Connect.t -> ?dev:'a t -> int ->
    ([`R] t -> int -> int -> unit) -> int = "vkml_node_device_event_register"
  external node_device_event_deregister_any : 'a Connect.t -> int -> unit
    = "vkml_node_device_event_deregister"
