(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(*@ after *)
  val node_device_event_register_any : 'a Connect.t -> ?dev:'a t -> int ->
    ([`R] t -> int -> int -> unit) -> int
    (** [node_device_event_register_any conn ?dev id cb]: calls [cb obj event detail]
        from the event loop on event [id] (a VIR_*_EVENT_ID_* value; the
        others than LIFECYCLE pass 0 0) of [dev], or of every one. *)
  val node_device_event_deregister_any : 'a Connect.t -> int -> unit
