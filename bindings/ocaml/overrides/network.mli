(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(*@ after *)
  val network_event_register_any : 'a Connect.t -> ?net:'a t -> int ->
    ([`R] t -> int -> int -> unit) -> int
    (** [network_event_register_any conn ?net id cb]: calls [cb obj event detail]
        from the event loop on event [id] (a VIR_*_EVENT_ID_* value; the
        others than LIFECYCLE pass 0 0) of [net], or of every one. *)
  val network_event_deregister_any : 'a Connect.t -> int -> unit
