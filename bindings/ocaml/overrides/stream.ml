(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Stream: the whole-stream loops and the event callback, with OCaml
   closures for the C handlers. *)
(*@ after *)
  external recv_all : [>`R] t -> (string -> unit) -> unit
    = "vkml_stream_recv_all"
  external send_all : [>`R] t -> (int -> string) -> unit
    = "vkml_stream_send_all"
  external sparse_recv_all : [>`R] t -> (string -> unit) -> (int64 -> unit) ->
    unit = "vkml_stream_sparse_recv_all"
  external sparse_send_all : [>`R] t -> (int -> string) ->
    (unit -> bool * int64) -> (int64 -> unit) -> unit
    = "vkml_stream_sparse_send_all"
  external event_add_callback : [>`R] t -> int -> (int -> unit) -> unit
    = "vkml_stream_event_add_callback"
