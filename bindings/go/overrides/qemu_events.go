// SPDX-License-Identifier: LGPL-2.1-or-later
// QEMU monitor events (libvirt-qemu): a Go callback per registration.

package libvirt

/*
#cgo LDFLAGS: -lvirt-qemu -lvirt
#include <stdlib.h>
#include "vkgo.h"
*/
import "C"

import "unsafe"

// DomainQemuMonitorEvent is one event from a domain's QEMU monitor.
type DomainQemuMonitorEvent struct {
	Event   string
	Seconds int64
	Micros  uint
	Details string
}

// DomainQemuMonitorEventCallback is called for each monitor event.
type DomainQemuMonitorEventCallback func(c *Connect, d *Domain, event *DomainQemuMonitorEvent)

// DomainQemuMonitorEventRegister calls callback for the monitor events
// named event ("" for all) of dom, or of every domain if dom is nil
// (virConnectDomainQemuMonitorEventRegister).
func (c *Connect) DomainQemuMonitorEventRegister(dom *Domain, event string, callback DomainQemuMonitorEventCallback, flags DomainQemuMonitorEventFlags) (int, error) {
	var cdom C.virDomainPtr
	if dom != nil {
		cdom = dom.ptr
	}
	var cevent *C.char
	if event != "" {
		cevent = C.CString(event)
		defer C.free(unsafe.Pointer(cevent))
	}
	h := registerHandle(callback)
	var err C.virError
	ret := C.vkgoQemuMonitorEventRegister(c.ptr, cdom, cevent, C.long(h), C.uint(flags), &err)
	if ret == -1 {
		freeHandle(h)
		return 0, makeError(&err)
	}
	return int(ret), nil
}

// DomainQemuEventDeregister removes a monitor event callback
// (virConnectDomainQemuMonitorEventDeregister).
func (c *Connect) DomainQemuEventDeregister(callbackId int) error {
	var err C.virError
	if C.vkgoQemuMonitorEventDeregister(c.ptr, C.int(callbackId), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

//export vkgoQemuMonitorEvent
func vkgoQemuMonitorEvent(c C.virConnectPtr, d C.virDomainPtr, event *C.char, seconds C.longlong, micros C.uint, details *C.char, h C.long) {
	cb, ok := lookupHandle(int(h)).(DomainQemuMonitorEventCallback)
	if !ok {
		return
	}
	// borrowed, as in libvirt-go: not to be freed by the callback
	cb(&Connect{ptr: c}, &Domain{ptr: d}, &DomainQemuMonitorEvent{
		Event:   C.GoString(event),
		Seconds: int64(seconds),
		Micros:  uint(micros),
		Details: C.GoString(details),
	})
}
