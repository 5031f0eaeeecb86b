(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(*@ after *)
  val secret_event_register_any : 'a Connect.t -> ?secret:'a t -> int ->
    ([`R] t -> int -> int -> unit) -> int
    (** [secret_event_register_any conn ?secret id cb]: calls [cb obj event detail]
        from the event loop on event [id] (a VIR_*_EVENT_ID_* value; the
        others than LIFECYCLE pass 0 0) of [secret], or of every one. *)
  val secret_event_deregister_any : 'a Connect.t -> int -> unit
