// SPDX-License-Identifier: LGPL-2.1-or-later
// The domain events whose arguments no generator rule turns into Go
// (graphics addresses, typed parameters: events_more.go), through
// virConnectDomainEventRegisterAny: the C side packs the callback's
// arguments into a vkgoDomainEventData.  The other events, and
// deregistering, are generated (gen/events_gen.go) or in events.go.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

type domainEventFunc func(c *Connect, d *Domain, e *C.vkgoDomainEventData)

func (c *Connect) domainEventRegister(dom *Domain, id C.int, f domainEventFunc) (int, error) {
	var cdom C.virDomainPtr
	if dom != nil {
		cdom = dom.ptr
	}
	h := registerHandle(f)
	var err C.virError
	ret := C.vkgoDomainEventRegister(c.ptr, cdom, id, C.long(h), &err)
	if ret == -1 {
		freeHandle(h)
		return 0, makeError(&err)
	}
	return int(ret), nil
}

//export vkgoDomainEvent
func vkgoDomainEvent(c C.virConnectPtr, d C.virDomainPtr, e *C.vkgoDomainEventData, h C.long) {
	f, ok := lookupHandle(int(h)).(domainEventFunc)
	if !ok {
		return
	}
	// Like libvirt-go, the callback borrows c and d: it must not Free or
	// Close them (Ref them to keep them).
	f(&Connect{ptr: c}, &Domain{ptr: d}, e)
}
