(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(*@ after *)
  val recv_all : [>`R] t -> (string -> unit) -> unit
    (** [recv_all st sink] gives every piece of data to [sink] until the
        end of the stream.  If [sink] raises, the stream is aborted and
        the exception goes on. *)
  val send_all : [>`R] t -> (int -> string) -> unit
    (** [send_all st source] sends what [source n] answers (at most [n]
        bytes; "" ends the stream).  If [source] raises, the stream is
        aborted and the exception goes on. *)
  val sparse_recv_all : [>`R] t -> (string -> unit) -> (int64 -> unit) ->
    unit
    (** recv_all, holes given by length to the second function. *)
  val sparse_send_all : [>`R] t -> (int -> string) ->
    (unit -> bool * int64) -> (int64 -> unit) -> unit
    (** [sparse_send_all st source hole skip]: [hole ()] says whether the
        file is in data and how long that section is; [skip len] moves
        past a hole that was sent. *)
  val event_add_callback : [>`R] t -> int -> (int -> unit) -> unit
    (** [event_add_callback st events cb]: the event loop calls [cb events]
        when the non-blocking stream is ready (VIR_STREAM_EVENT_* bits);
        the closure is dropped by event_remove_callback. *)
