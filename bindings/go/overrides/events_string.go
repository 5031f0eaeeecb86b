// SPDX-License-Identifier: LGPL-2.1-or-later
// The String forms libvirt-go gives its event structs (as Debian's
// libvirt-go prints them, spelling included), for programs that log them.

package libvirt

import "fmt"

func (e DomainEventBalloonChange) String() string {
	return fmt.Sprintf("Ballon change %d", e.Actual)
}

func (e DomainEventBlockJob) String() string {
	return fmt.Sprintf("Block job disk=%q status=%d type=%d", e.Disk, e.Status, e.Type)
}

func (e DomainEventDeviceRemoved) String() string {
	return fmt.Sprintf("Device %q removed ", e.DevAlias)
}

func (e DomainEventDiskChange) String() string {
	return fmt.Sprintf("Disk change old=%q new=%q alias=%q reason=%d",
		e.OldSrcPath, e.NewSrcPath, e.DevAlias, e.Reason)
}

var graphicsPhaseNames = map[DomainEventGraphicsPhase]string{
	DOMAIN_EVENT_GRAPHICS_CONNECT:    "connected",
	DOMAIN_EVENT_GRAPHICS_INITIALIZE: "initialized",
	DOMAIN_EVENT_GRAPHICS_DISCONNECT: "disconnected",
}

func nameOr(name string, ok bool) string {
	if !ok {
		return "unknown"
	}
	return name
}

func (e DomainEventGraphics) String() string {
	name, ok := graphicsPhaseNames[e.Phase]
	return fmt.Sprintf("Graphics phase=%q", nameOr(name, ok))
}

func (e DomainEventIOError) String() string {
	return fmt.Sprintf("I/O error path=%q alias=%q action=%d", e.SrcPath, e.DevAlias, e.Action)
}

func (e DomainEventIOErrorReason) String() string {
	return fmt.Sprintf("IO error path=%q alias=%q action=%d reason=%q",
		e.SrcPath, e.DevAlias, e.Action, e.Reason)
}

// The names of lifecycle events and, for each, of its details.
var lifecycleNames = map[DomainEventType]struct {
	name    string
	details []string
}{
	DOMAIN_EVENT_DEFINED:   {"defined", []string{"added", "updated"}},
	DOMAIN_EVENT_UNDEFINED: {"undefined", []string{"removed"}},
	DOMAIN_EVENT_STARTED:   {"started", []string{"booted", "migrated", "restored", "snapshot"}},
	DOMAIN_EVENT_SUSPENDED: {"suspended", []string{"paused", "migrated", "I/O error",
		"watchdog", "restored", "snapshot"}},
	DOMAIN_EVENT_RESUMED: {"resumed", []string{"unpaused", "migrated", "snapshot"}},
	DOMAIN_EVENT_STOPPED: {"stopped", []string{"shutdown", "destroyed", "crashed",
		"migrated", "saved", "failed", "snapshot"}},
	DOMAIN_EVENT_SHUTDOWN: {"shutdown", []string{"finished"}},
}

func (e DomainEventLifecycle) String() string {
	ev, ok := lifecycleNames[e.Event]
	if !ok {
		return `Domain event="unknown" detail=""`
	}
	detail := "unknown"
	if e.Detail >= 0 && e.Detail < len(ev.details) {
		detail = ev.details[e.Detail]
	}
	return fmt.Sprintf("Domain event=%q detail=%q", ev.name, detail)
}

func (e DomainEventRTCChange) String() string {
	return fmt.Sprintf("RTC change offset=%d", e.Utcoffset)
}

func (e DomainEventTrayChange) String() string {
	return fmt.Sprintf("Tray change dev=%q reason=%d", e.DevAlias, e.Reason)
}

func (e DomainEventWatchdog) String() string {
	return fmt.Sprintf("Watchdog action=%d", e.Action)
}

// objectEventString names event (one of names, else "unknown").
func objectEventString(kind string, event int, names ...string) string {
	name := "unknown"
	if event >= 0 && event < len(names) {
		name = names[event]
	}
	return fmt.Sprintf("%s event=%q", kind, name)
}

func (e NetworkEventLifecycle) String() string {
	return objectEventString("Network", int(e.Event), "defined", "undefined", "started", "stopped")
}

func (e NodeDeviceEventLifecycle) String() string {
	return objectEventString("NodeDevice", int(e.Event), "created", "deleted")
}

func (e SecretEventLifecycle) String() string {
	return objectEventString("Secret", int(e.Event), "defined", "undefined")
}

func (e StoragePoolEventLifecycle) String() string {
	return objectEventString("StoragePool", int(e.Event), "defined", "undefined", "started",
		"stopped", "created", "deleted")
}
