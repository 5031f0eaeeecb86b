(* SPDX-License-Identifier: LGPL-2.1-or-later *)

  module Defined : sig
    type t = [ `Added | `Updated | `Unknown of int ]
    val to_string : t -> string
  end
  module Undefined : sig
    type t = [ `Removed | `Unknown of int ]
    val to_string : t -> string
  end
  module Started : sig
    type t = [ `Booted | `Migrated | `Restored | `FromSnapshot | `Wakeup
             | `Unknown of int ]
    val to_string : t -> string
  end
  module Suspended : sig
    type t = [ `Paused | `Migrated | `IOError | `Watchdog | `Restored
             | `FromSnapshot | `APIError | `Unknown of int ]
    val to_string : t -> string
  end
  module Resumed : sig
    type t = [ `Unpaused | `Migrated | `FromSnapshot | `Unknown of int ]
    val to_string : t -> string
  end
  module Stopped : sig
    type t = [ `Shutdown | `Destroyed | `Crashed | `Migrated | `Saved
             | `Failed | `FromSnapshot | `Unknown of int ]
    val to_string : t -> string
  end
  module PM_suspended : sig
    type t = [ `Memory | `Disk | `Unknown of int ]
    val to_string : t -> string
  end
  module Lifecycle : sig
    type t = [ `Defined of Defined.t | `Undefined of Undefined.t
             | `Started of Started.t | `Suspended of Suspended.t
             | `Resumed of Resumed.t | `Stopped of Stopped.t | `Shutdown
             | `PMSuspended of PM_suspended.t | `Unknown of int ]
    val to_string : t -> string
  end
  module Reboot : sig
    type t = unit
    val to_string : t -> string
  end
  module Rtc_change : sig
    type t = int64
    val to_string : t -> string
  end
  module Watchdog : sig
    type t = [ `None | `Pause | `Reset | `Poweroff | `Shutdown | `Debug
             | `Unknown of int ]
    val to_string : t -> string
  end
  module Io_error : sig
    type action = [ `None | `Pause | `Report | `Unknown of int ]
    type t = {
      src_path : string option;
      dev_alias : string option;
      action : action;
      reason : string option;
    }
    val to_string : t -> string
  end
  module Graphics_address : sig
    type family = [ `Ipv4 | `Ipv6 | `Unix | `Unknown of int ]
    type t = {
      family : family;
      node : string option;
      service : string option;
    }
    val to_string : t -> string
  end
  module Graphics_subject : sig
    type identity = {
      ty : string option;
      name : string option;
    }
    type t = identity list
    val to_string : t -> string
  end
  module Graphics : sig
    type phase = [ `Connect | `Initialize | `Disconnect | `Unknown of int ]
    type t = {
      phase : phase;
      local : Graphics_address.t;
      remote : Graphics_address.t;
      auth_scheme : string option;
      subject : Graphics_subject.t;
    }
    val to_string : t -> string
  end
  module Control_error : sig
    type t = unit
    val to_string : t -> string
  end
  module Block_job : sig
    type ty = [ `KnownUnknown | `Pull | `Copy | `Commit | `Unknown of int ]
    type status = [ `Completed | `Failed | `Cancelled | `Ready
                  | `Unknown of int ]
    type t = {
      disk : string option;
      ty : ty;
      status : status;
    }
    val to_string : t -> string
  end
  module Disk_change : sig
    type reason = [ `MissingOnStart | `Unknown of int ]
    type t = {
      old_src_path : string option;
      new_src_path : string option;
      dev_alias : string option;
      reason : reason;
    }
    val to_string : t -> string
  end
  module Tray_change : sig
    type reason = [ `Open | `Close | `Unknown of int ]
    type t = {
      dev_alias : string option;
      reason : reason;
    }
    val to_string : t -> string
  end
  module PM_wakeup : sig
    type reason = [ `Unknown of int ]
    type t = reason
    val to_string : t -> string
  end
  module PM_suspend : sig
    type reason = [ `Unknown of int ]
    type t = reason
    val to_string : t -> string
  end
  module Balloon_change : sig
    type t = int64
    val to_string : t -> string
  end
  module PM_suspend_disk : sig
    type reason = [ `Unknown of int ]
    type t = reason
    val to_string : t -> string
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
    (** What the library asks an event loop to call when a file
        descriptor is ready (run_handle_callback). *)
  type timeout_callback
    (** What it asks it to call when a timer fires (run_timeout_callback). *)

  (** An event loop written in OCaml (register_impl): the library asks it
      to watch file descriptors and to run timers.  [add_handle fd events
      cb] and [add_timeout ms cb] answer a new id, [remove_*] 0 (or -1 for
      an unknown id); a timeout of -1 ms is disabled, 0 fires at once. *)
  type impl = {
    add_handle : int -> int -> handle_callback -> int;
    update_handle : int -> int -> unit;
    remove_handle : int -> int;
    add_timeout : int -> timeout_callback -> int;
    update_timeout : int -> int -> unit;
    remove_timeout : int -> int;
  }
(*@ after *)
  val register_any : 'a Connect.t -> ?dom:'a Domain.t -> callback -> callback_id
    (** Calls the callback on that event of [dom], or of every domain. *)
  val deregister_any : 'a Connect.t -> callback_id -> unit
  val add_timeout : 'a Connect.t -> int -> (unit -> unit) -> timer_id
    (** Calls [cb] every [ms] milliseconds from the event loop. *)
  val remove_timeout : 'a Connect.t -> timer_id -> unit
  val domain_event_register : 'a Connect.t ->
    ([`R] Domain.t -> int -> int -> unit) -> unit
    (** The old lifecycle-only registration: [cb dom event detail] (the
        VIR_DOMAIN_EVENT_* values); one per connection. *)
  val domain_event_deregister : 'a Connect.t -> unit
  val add_handle : int -> int -> (int -> int -> int -> unit) -> int
    (** [add_handle fd events cb] watches [fd] (a Unix.file_descr is an
        int) in the registered event loop: [cb watch fd events]; answers
        the watch for update_handle and remove_handle. *)
  val register_impl : impl -> unit
    (** Makes an OCaml event loop the library's (instead of
        register_default_impl); call it before opening connections. *)
  val run_handle_callback : handle_callback -> int -> int -> int -> unit
    (** [run_handle_callback cb watch fd events]: the loop's part when
        [fd] is ready. *)
  val run_timeout_callback : timeout_callback -> int -> unit
    (** [run_timeout_callback cb timer]: the loop's part when it fires. *)
