(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Hand-written head and tail of libvirt.ml: the types every module uses,
   the library's version, the exceptions. *)

type uuid = string
type xml = string
type filename = string

external vkml_init : unit -> unit = "vkml_init"
let () = vkml_init ()

external get_version : ?driver:string -> unit -> int * int
  = "vkml_get_version"

let uuid_length = 16
let uuid_string_length = 36

type rw = [`R|`W]
type ro = [`R]
(*@ after *)
exception Virterror of Virterror.t
exception Not_supported of string

let () =
  Callback.register_exception "Libvirt.Virterror"
    (Virterror (Virterror.no_error ()));
  Printexc.register_printer (function
    | Virterror e -> Some (Virterror.to_string e)
    | _ -> None)

let map_ignore_errors f xs =
  List.fold_right (fun x acc ->
      match f x with
      | y -> y :: acc
      | exception Virterror _ -> acc) xs []
