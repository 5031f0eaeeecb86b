(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(** virtkit's OCaml binding: ocaml-libvirt's module [Libvirt], generated
    from virtkit's API description.  Handles carry a phantom type:
    [ro] ones come from read-only connections and only reach calls a
    read-only connection may make. *)

type uuid = string
  (** A UUID as its 16 raw bytes. *)
type xml = string
type filename = string

val get_version : ?driver:string -> unit -> int * int
  (** The library's version, and the named driver's (or 0), each as
      [major * 1_000_000 + minor * 1000 + release]. *)

val uuid_length : int
val uuid_string_length : int

type rw = [`R|`W]
type ro = [`R]
(*@ after *)
exception Virterror of Virterror.t
  (** Raised by any call that fails; [Virterror.to_string] prints it. *)
exception Not_supported of string

val map_ignore_errors : ('a -> 'b) -> 'a list -> 'b list
  (** [List.map], leaving out the elements on which [f] raised
      [Virterror]. *)
