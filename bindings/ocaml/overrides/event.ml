(* SPDX-License-Identifier: LGPL-2.1-or-later *)
(* Event: domain events as ocaml-libvirt gives them (polymorphic variants
   and records, each with the to_string ocaml-libvirt prints), OCaml
   closures called from the library's C callbacks, timeouts. *)
  let opt = function Some s -> "Some " ^ s | None -> "None"

  module Defined = struct
    type t = [ `Added | `Updated | `Unknown of int ]
    let of_int = function 0 -> `Added | 1 -> `Updated | i -> `Unknown i
    let to_string = function
      | `Added -> "Added" | `Updated -> "Updated"
      | `Unknown i -> "Unknown Defined.detail: " ^ string_of_int i
  end
  module Undefined = struct
    type t = [ `Removed | `Unknown of int ]
    let of_int = function 0 -> `Removed | i -> `Unknown i
    let to_string = function
      | `Removed -> "UndefinedRemoved"
      | `Unknown i -> "Unknown Undefined.detail: " ^ string_of_int i
  end
  module Started = struct
    type t = [ `Booted | `Migrated | `Restored | `FromSnapshot | `Wakeup
             | `Unknown of int ]
    let of_int = function
      | 0 -> `Booted | 1 -> `Migrated | 2 -> `Restored | 3 -> `FromSnapshot
      | 4 -> `Wakeup | i -> `Unknown i
    let to_string = function
      | `Booted -> "Booted" | `Migrated -> "Migrated"
      | `Restored -> "Restored" | `FromSnapshot -> "FromSnapshot"
      | `Wakeup -> "Wakeup"
      | `Unknown i -> "Unknown Started.detail: " ^ string_of_int i
  end
  module Suspended = struct
    type t = [ `Paused | `Migrated | `IOError | `Watchdog | `Restored
             | `FromSnapshot | `APIError | `Unknown of int ]
    let of_int = function
      | 0 -> `Paused | 1 -> `Migrated | 2 -> `IOError | 3 -> `Watchdog
      | 4 -> `Restored | 5 -> `FromSnapshot | 6 -> `APIError | i -> `Unknown i
    let to_string = function
      | `Paused -> "Paused" | `Migrated -> "Migrated" | `IOError -> "IOError"
      | `Watchdog -> "Watchdog" | `Restored -> "Restored"
      | `FromSnapshot -> "FromSnapshot" | `APIError -> "APIError"
      | `Unknown i -> "Unknown Suspended.detail: " ^ string_of_int i
  end
  module Resumed = struct
    type t = [ `Unpaused | `Migrated | `FromSnapshot | `Unknown of int ]
    let of_int = function
      | 0 -> `Unpaused | 1 -> `Migrated | 2 -> `FromSnapshot | i -> `Unknown i
    let to_string = function
      | `Unpaused -> "Unpaused" | `Migrated -> "Migrated"
      | `FromSnapshot -> "FromSnapshot"
      | `Unknown i -> "Unknown Resumed.detail: " ^ string_of_int i
  end
  module Stopped = struct
    type t = [ `Shutdown | `Destroyed | `Crashed | `Migrated | `Saved
             | `Failed | `FromSnapshot | `Unknown of int ]
    let of_int = function
      | 0 -> `Shutdown | 1 -> `Destroyed | 2 -> `Crashed | 3 -> `Migrated
      | 4 -> `Saved | 5 -> `Failed | 6 -> `FromSnapshot | i -> `Unknown i
    let to_string = function
      | `Shutdown -> "Shutdown" | `Destroyed -> "Destroyed"
      | `Crashed -> "Crashed" | `Migrated -> "Migrated" | `Saved -> "Saved"
      | `Failed -> "Failed" | `FromSnapshot -> "FromSnapshot"
      | `Unknown i -> "Unknown Stopped.detail: " ^ string_of_int i
  end
  module PM_suspended = struct
    type t = [ `Memory | `Disk | `Unknown of int ]
    let of_int = function 0 -> `Memory | 1 -> `Disk | i -> `Unknown i
    let to_string = function
      | `Memory -> "Memory" | `Disk -> "Disk"
      | `Unknown i -> "Unknown PM_suspended.detail: " ^ string_of_int i
  end
  module Lifecycle = struct
    type t = [ `Defined of Defined.t | `Undefined of Undefined.t
             | `Started of Started.t | `Suspended of Suspended.t
             | `Resumed of Resumed.t | `Stopped of Stopped.t | `Shutdown
             | `PMSuspended of PM_suspended.t | `Unknown of int ]
    let of_ints event detail = match event with
      | 0 -> `Defined (Defined.of_int detail)
      | 1 -> `Undefined (Undefined.of_int detail)
      | 2 -> `Started (Started.of_int detail)
      | 3 -> `Suspended (Suspended.of_int detail)
      | 4 -> `Resumed (Resumed.of_int detail)
      | 5 -> `Stopped (Stopped.of_int detail)
      | 6 -> `Shutdown
      | 7 -> `PMSuspended (PM_suspended.of_int detail)
      | i -> `Unknown i
    let to_string = function
      | `Defined d -> "Defined " ^ Defined.to_string d
      | `Undefined d -> "Undefined " ^ Undefined.to_string d
      | `Started d -> "Started " ^ Started.to_string d
      | `Suspended d -> "Suspended " ^ Suspended.to_string d
      | `Resumed d -> "Resumed " ^ Resumed.to_string d
      | `Stopped d -> "Stopped " ^ Stopped.to_string d
      | `Shutdown -> "Shutdown"
      | `PMSuspended d -> "PMSuspended " ^ PM_suspended.to_string d
      | `Unknown i -> "Unknown Lifecycle event: " ^ string_of_int i
  end
  module Reboot = struct
    type t = unit
    let to_string () = "()"
  end
  module Rtc_change = struct
    type t = int64
    let to_string = Int64.to_string
  end
  module Watchdog = struct
    type t = [ `None | `Pause | `Reset | `Poweroff | `Shutdown | `Debug
             | `Unknown of int ]
    let of_int = function
      | 0 -> `None | 1 -> `Pause | 2 -> `Reset | 3 -> `Poweroff
      | 4 -> `Shutdown | 5 -> `Debug | i -> `Unknown i
    let to_string = function
      | `None -> "None" | `Pause -> "Pause" | `Reset -> "Reset"
      | `Poweroff -> "Poweroff" | `Shutdown -> "Shutdown" | `Debug -> "Debug"
      | `Unknown i -> "Unknown watchdog_action: " ^ string_of_int i
  end
  module Io_error = struct
    type action = [ `None | `Pause | `Report | `Unknown of int ]
    type t = {
      src_path : string option;
      dev_alias : string option;
      action : action;
      reason : string option;
    }
    let action_of_int = function
      | 0 -> `None | 1 -> `Pause | 2 -> `Report | i -> `Unknown i
    let string_of_action = function
      | `None -> "None" | `Pause -> "Pause" | `Report -> "Report"
      | `Unknown i -> "Unknown Io_error.action: " ^ string_of_int i
    let to_string t =
      Printf.sprintf
        "{ Io_error.src_path = %s; dev_alias = %s; action = %s; reason = %s }"
        (opt t.src_path) (opt t.dev_alias) (string_of_action t.action)
        (opt t.reason)
  end
  module Graphics_address = struct
    type family = [ `Ipv4 | `Ipv6 | `Unix | `Unknown of int ]
    type t = {
      family : family;
      node : string option;
      service : string option;
    }
    let family_of_int = function
      | 0 -> `Ipv4 | 1 -> `Ipv6 | 2 -> `Unix | i -> `Unknown i
    let string_of_family = function
      | `Ipv4 -> "IPv4" | `Ipv6 -> "IPv6" | `Unix -> "UNIX"
      | `Unknown i -> "Unknown Graphics_address.family: " ^ string_of_int i
    let to_string t =
      Printf.sprintf "{ family = %s; node = %s; service = %s }"
        (string_of_family t.family) (opt t.node) (opt t.service)
  end
  module Graphics_subject = struct
    type identity = {
      ty : string option;
      name : string option;
    }
    type t = identity list
    let to_string t =
      "[ " ^ String.concat "; " (List.map (fun i ->
          Printf.sprintf "{ ty = %s; name = %s }" (opt i.ty) (opt i.name)) t)
      ^ " ]"
  end
  module Graphics = struct
    type phase = [ `Connect | `Initialize | `Disconnect | `Unknown of int ]
    type t = {
      phase : phase;
      local : Graphics_address.t;
      remote : Graphics_address.t;
      auth_scheme : string option;
      subject : Graphics_subject.t;
    }
    let phase_of_int = function
      | 0 -> `Connect | 1 -> `Initialize | 2 -> `Disconnect | i -> `Unknown i
    let string_of_phase = function
      | `Connect -> "Connect" | `Initialize -> "Initialize"
      | `Disconnect -> "Disconnect"
      | `Unknown i -> "Unknown Graphics.phase: " ^ string_of_int i
    let to_string t =
      Printf.sprintf
        "{ phase = %s; local = %s; remote = %s; auth_scheme = %s; subject = %s }"
        (string_of_phase t.phase) (Graphics_address.to_string t.local)
        (Graphics_address.to_string t.remote) (opt t.auth_scheme)
        (Graphics_subject.to_string t.subject)
  end
  module Control_error = struct
    type t = unit
    let to_string () = "()"
  end
  module Block_job = struct
    type ty = [ `KnownUnknown | `Pull | `Copy | `Commit | `Unknown of int ]
    type status = [ `Completed | `Failed | `Cancelled | `Ready
                  | `Unknown of int ]
    type t = {
      disk : string option;
      ty : ty;
      status : status;
    }
    let ty_of_int = function
      | 0 -> `KnownUnknown | 1 -> `Pull | 2 -> `Copy | 3 -> `Commit
      | i -> `Unknown i
    let status_of_int = function
      | 0 -> `Completed | 1 -> `Failed | 2 -> `Cancelled | 3 -> `Ready
      | i -> `Unknown i
    let string_of_ty = function
      | `KnownUnknown -> "KnownUnknown" | `Pull -> "Pull" | `Copy -> "Copy"
      | `Commit -> "Commit"
      | `Unknown i -> "Unknown Block_job.ty: " ^ string_of_int i
    let string_of_status = function
      | `Completed -> "Completed" | `Failed -> "Failed"
      | `Cancelled -> "Cancelled" | `Ready -> "Ready"
      | `Unknown i -> "Unknown Block_job.status: " ^ string_of_int i
    let to_string t =
      Printf.sprintf "{ disk = %s; ty = %s; status = %s }" (opt t.disk)
        (string_of_ty t.ty) (string_of_status t.status)
  end
  module Disk_change = struct
    type reason = [ `MissingOnStart | `Unknown of int ]
    type t = {
      old_src_path : string option;
      new_src_path : string option;
      dev_alias : string option;
      reason : reason;
    }
    let reason_of_int = function 0 -> `MissingOnStart | i -> `Unknown i
    let to_string t =
      Printf.sprintf
        "{ old_src_path = %s; new_src_path = %s; dev_alias = %s; %s }"
        (opt t.old_src_path) (opt t.new_src_path) (opt t.dev_alias)
        (match t.reason with
         | `MissingOnStart -> "MissingOnStart"
         | `Unknown i -> "Unknown Disk_change.reason: " ^ string_of_int i)
  end
  module Tray_change = struct
    type reason = [ `Open | `Close | `Unknown of int ]
    type t = {
      dev_alias : string option;
      reason : reason;
    }
    let reason_of_int = function 0 -> `Open | 1 -> `Close | i -> `Unknown i
    let to_string t =
      Printf.sprintf "{ dev_alias = %s; reason = %s }" (opt t.dev_alias)
        (match t.reason with
         | `Open -> "Open" | `Close -> "Close"
         | `Unknown i -> "Unknown Tray_change.reason: " ^ string_of_int i)
  end
  module PM_wakeup = struct
    type reason = [ `Unknown of int ]
    type t = reason
    let to_string (`Unknown i) = "Unknown PM_wakeup.reason: " ^ string_of_int i
  end
  module PM_suspend = struct
    type reason = [ `Unknown of int ]
    type t = reason
    let to_string (`Unknown i) = "Unknown PM_suspend.reason: " ^ string_of_int i
  end
  module Balloon_change = struct
    type t = int64
    let to_string = Int64.to_string
  end
  module PM_suspend_disk = struct
    type reason = [ `Unknown of int ]
    type t = reason
    let to_string (`Unknown i) =
      "Unknown PM_suspend_disk.reason: " ^ string_of_int i
  end

  (* the constructor's index is its VIR_DOMAIN_EVENT_ID_* *)
  type callback =
    | Lifecycle     of ([`R] Domain.t -> Lifecycle.t -> unit)
    | Reboot        of ([`R] Domain.t -> Reboot.t -> unit)
    | RtcChange     of ([`R] Domain.t -> Rtc_change.t -> unit)
    | Watchdog      of ([`R] Domain.t -> Watchdog.t -> unit)
    | IOError       of ([`R] Domain.t -> Io_error.t -> unit)
    | Graphics      of ([`R] Domain.t -> Graphics.t -> unit)
    | IOErrorReason of ([`R] Domain.t -> Io_error.t -> unit)
    | ControlError  of ([`R] Domain.t -> Control_error.t -> unit)
    | BlockJob      of ([`R] Domain.t -> Block_job.t -> unit)
    | DiskChange    of ([`R] Domain.t -> Disk_change.t -> unit)
    | TrayChange    of ([`R] Domain.t -> Tray_change.t -> unit)
    | PMWakeUp      of ([`R] Domain.t -> PM_wakeup.t -> unit)
    | PMSuspend     of ([`R] Domain.t -> PM_suspend.t -> unit)
    | BalloonChange of ([`R] Domain.t -> Balloon_change.t -> unit)
    | PMSuspendDisk of ([`R] Domain.t -> PM_suspend_disk.t -> unit)

  type callback_id = int64
  type timer_id = int64

  type handle_callback
  type timeout_callback
  type impl = {
    add_handle : int -> int -> handle_callback -> int;
    update_handle : int -> int -> unit;
    remove_handle : int -> int;
    add_timeout : int -> timeout_callback -> int;
    update_timeout : int -> int -> unit;
    remove_timeout : int -> int;
  }
(*@ after *)
  (* Callbacks live here by token; C knows only the token. *)
  let callbacks : (int, callback) Hashtbl.t = Hashtbl.create 16
  let tokens : (int64, int) Hashtbl.t = Hashtbl.create 16
  let timers : (int, unit -> unit) Hashtbl.t = Hashtbl.create 16
  let timer_tokens : (int64, int) Hashtbl.t = Hashtbl.create 16
  let next = ref 0

  let find token f = match Hashtbl.find_opt callbacks token with
    | Some cb -> f cb
    | None -> ()

  let address (family, node, service) =
    { Graphics_address.family = Graphics_address.family_of_int family;
      node; service }

  (* called from C: one function per event, typed as its C callback *)
  let () =
    let reg name f = Callback.register ("Libvirt.Event." ^ name) f in
    reg "lifecycle" (fun token dom event detail ->
        find token (function
            | Lifecycle f -> f dom (Lifecycle.of_ints event detail)
            | _ -> ()));
    reg "reboot" (fun token dom ->
        find token (function Reboot f -> f dom () | _ -> ()));
    reg "rtc_change" (fun token dom (off : int64) ->
        find token (function RtcChange f -> f dom off | _ -> ()));
    reg "watchdog" (fun token dom action ->
        find token (function
            | Watchdog f -> f dom (Watchdog.of_int action) | _ -> ()));
    reg "io_error" (fun token dom (src, alias, action, reason) ->
        let e = { Io_error.src_path = src; dev_alias = alias;
                  action = Io_error.action_of_int action; reason } in
        find token (function
            | IOError f | IOErrorReason f -> f dom e | _ -> ()));
    reg "graphics" (fun token dom phase local remote scheme subject ->
        let g = { Graphics.phase = Graphics.phase_of_int phase;
                  local = address local; remote = address remote;
                  auth_scheme = scheme;
                  subject = List.map (fun (ty, name) ->
                      { Graphics_subject.ty; name }) subject } in
        find token (function Graphics f -> f dom g | _ -> ()));
    reg "control_error" (fun token dom ->
        find token (function ControlError f -> f dom () | _ -> ()));
    reg "block_job" (fun token dom disk ty status ->
        let b = { Block_job.disk; ty = Block_job.ty_of_int ty;
                  status = Block_job.status_of_int status } in
        find token (function BlockJob f -> f dom b | _ -> ()));
    reg "disk_change" (fun token dom (old_src, new_src, alias, reason) ->
        let d = { Disk_change.old_src_path = old_src; new_src_path = new_src;
                  dev_alias = alias;
                  reason = Disk_change.reason_of_int reason } in
        find token (function DiskChange f -> f dom d | _ -> ()));
    reg "tray_change" (fun token dom alias reason ->
        let t = { Tray_change.dev_alias = alias;
                  reason = Tray_change.reason_of_int reason } in
        find token (function TrayChange f -> f dom t | _ -> ()));
    reg "pm" (fun token dom reason ->
        find token (function
            | PMWakeUp f | PMSuspend f | PMSuspendDisk f -> f dom (`Unknown reason)
            | _ -> ()));
    reg "balloon_change" (fun token dom (actual : int64) ->
        find token (function BalloonChange f -> f dom actual | _ -> ()));
    reg "timeout" (fun token ->
        match Hashtbl.find_opt timers token with Some f -> f () | None -> ())

  let event_id = function
    | Lifecycle _ -> 0 | Reboot _ -> 1 | RtcChange _ -> 2 | Watchdog _ -> 3
    | IOError _ -> 4 | Graphics _ -> 5 | IOErrorReason _ -> 6
    | ControlError _ -> 7 | BlockJob _ -> 8 | DiskChange _ -> 9
    | TrayChange _ -> 10 | PMWakeUp _ -> 11 | PMSuspend _ -> 12
    | BalloonChange _ -> 13 | PMSuspendDisk _ -> 14

  external register_c : 'a Connect.t -> 'a Domain.t option -> int -> int -> int
    = "vkml_event_register_any"
  external deregister_c : 'a Connect.t -> int -> unit
    = "vkml_event_deregister_any"
  external add_timeout_c : int -> int -> int = "vkml_event_add_timeout"
  external remove_timeout_c : int -> unit = "vkml_event_remove_timeout"

  let register_any conn ?dom cb =
    incr next;
    let token = !next in
    Hashtbl.replace callbacks token cb;
    match register_c conn dom (event_id cb) token with
    | id -> Hashtbl.replace tokens (Int64.of_int id) token; Int64.of_int id
    | exception e -> Hashtbl.remove callbacks token; raise e

  let deregister_any conn id =
    deregister_c conn (Int64.to_int id);
    match Hashtbl.find_opt tokens id with
    | Some token -> Hashtbl.remove tokens id; Hashtbl.remove callbacks token
    | None -> ()

  let add_timeout _conn ms cb =
    incr next;
    let token = !next in
    Hashtbl.replace timers token cb;
    let id = Int64.of_int (add_timeout_c ms token) in
    Hashtbl.replace timer_tokens id token;
    id

  let remove_timeout _conn id =
    remove_timeout_c (Int64.to_int id);
    match Hashtbl.find_opt timer_tokens id with
    | Some token -> Hashtbl.remove timer_tokens id; Hashtbl.remove timers token
    | None -> ()

  external domain_event_register : 'a Connect.t ->
    ([`R] Domain.t -> int -> int -> unit) -> unit
    = "vkml_domain_event_register"
  external domain_event_deregister : 'a Connect.t -> unit
    = "vkml_domain_event_deregister"
  external add_handle : int -> int -> (int -> int -> int -> unit) -> int
    = "vkml_event_add_handle"
  external register_impl : impl -> unit = "vkml_event_register_impl"
  external run_handle_callback : handle_callback -> int -> int -> int -> unit
    = "vkml_event_run_handle_callback"
  external run_timeout_callback : timeout_callback -> int -> unit
    = "vkml_event_run_timeout_callback"
