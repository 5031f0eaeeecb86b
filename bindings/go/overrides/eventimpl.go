// SPDX-License-Identifier: LGPL-2.1-or-later
// Event loop hooks: Go callbacks on the library's loop (EventAddHandle,
// EventAddTimeout), and an event loop written in Go that the library
// uses instead of its own (EventRegisterImpl with an EventLoop).

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

import (
	"sync"
	"unsafe"
)

// EventHandleCallback is called when fd is ready for events.
type EventHandleCallback func(watch int, file int, events EventHandleType)

// EventTimeoutCallback is called each time the timer fires.
type EventTimeoutCallback func(timer int)

// EventAddHandle watches fd for events on the registered event loop
// (virEventAddHandle); it returns the watch to update or remove.
func EventAddHandle(fd int, events EventHandleType, callback EventHandleCallback) (int, error) {
	h := registerHandle(callback)
	var err C.virError
	ret := C.vkgoEventAddHandle(C.int(fd), C.int(events), C.long(h), &err)
	if ret == -1 {
		freeHandle(h)
		return 0, makeError(&err)
	}
	return int(ret), nil
}

// EventAddTimeout calls callback every freq milliseconds (0: on each
// loop iteration, -1: disabled) on the registered event loop
// (virEventAddTimeout); it returns the timer to update or remove.
func EventAddTimeout(freq int, callback EventTimeoutCallback) (int, error) {
	h := registerHandle(callback)
	var err C.virError
	ret := C.vkgoEventAddTimeout(C.int(freq), C.long(h), &err)
	if ret == -1 {
		freeHandle(h)
		return 0, makeError(&err)
	}
	return int(ret), nil
}

//export vkgoEventHandleCallback
func vkgoEventHandleCallback(watch C.int, fd C.int, events C.int, h C.long) {
	if cb, ok := lookupHandle(int(h)).(EventHandleCallback); ok {
		cb(int(watch), int(fd), EventHandleType(events))
	}
}

//export vkgoEventTimeoutCallback
func vkgoEventTimeoutCallback(timer C.int, h C.long) {
	if cb, ok := lookupHandle(int(h)).(EventTimeoutCallback); ok {
		cb(int(timer))
	}
}

// EventLoop is an event loop the library can use (EventRegisterImpl):
// the library adds, updates and removes its file watches and timers
// through it, and the loop calls Invoke when one is due.
type EventLoop interface {
	AddHandleFunc(fd int, event EventHandleType, callback *EventHandleCallbackInfo) int
	UpdateHandleFunc(watch int, event EventHandleType)
	RemoveHandleFunc(watch int) int
	AddTimeoutFunc(freq int, callback *EventTimeoutCallbackInfo) int
	UpdateTimeoutFunc(timer int, freq int)
	RemoveTimeoutFunc(timer int) int
}

// EventHandleCallbackInfo is the library's callback for one watch.
type EventHandleCallbackInfo struct {
	cb     C.virEventHandleCallback
	opaque unsafe.Pointer
	ff     C.virFreeCallback
}

// Invoke tells the library the watch's fd is ready for event.
func (i *EventHandleCallbackInfo) Invoke(watch int, fd int, event EventHandleType) {
	C.vkgoEventInvokeHandle(i.cb, C.int(watch), C.int(fd), C.int(event), i.opaque)
}

// Free releases the library's data for the watch: call it once the
// watch is removed.
func (i *EventHandleCallbackInfo) Free() {
	C.vkgoEventInvokeFree(i.ff, i.opaque)
}

// EventTimeoutCallbackInfo is the library's callback for one timer.
type EventTimeoutCallbackInfo struct {
	cb     C.virEventTimeoutCallback
	opaque unsafe.Pointer
	ff     C.virFreeCallback
}

// Invoke tells the library the timer fired.
func (i *EventTimeoutCallbackInfo) Invoke(timer int) {
	C.vkgoEventInvokeTimeout(i.cb, C.int(timer), i.opaque)
}

// Free releases the library's data for the timer: call it once the
// timer is removed.
func (i *EventTimeoutCallbackInfo) Free() {
	C.vkgoEventInvokeFree(i.ff, i.opaque)
}

var (
	eventLoopLock sync.Mutex
	eventLoop     EventLoop
)

// EventRegisterImpl makes impl the library's event loop
// (virEventRegisterImpl); call it before opening connections.
func EventRegisterImpl(impl EventLoop) {
	eventLoopLock.Lock()
	eventLoop = impl
	eventLoopLock.Unlock()
	C.vkgoEventRegisterImpl()
}

func currentEventLoop() EventLoop {
	eventLoopLock.Lock()
	defer eventLoopLock.Unlock()
	return eventLoop
}

//export vkgoEventImplAddHandle
func vkgoEventImplAddHandle(fd C.int, events C.int, cb C.virEventHandleCallback, opaque unsafe.Pointer, ff C.virFreeCallback) C.int {
	info := &EventHandleCallbackInfo{cb: cb, opaque: opaque, ff: ff}
	return C.int(currentEventLoop().AddHandleFunc(int(fd), EventHandleType(events), info))
}

//export vkgoEventImplUpdateHandle
func vkgoEventImplUpdateHandle(watch C.int, events C.int) {
	currentEventLoop().UpdateHandleFunc(int(watch), EventHandleType(events))
}

//export vkgoEventImplRemoveHandle
func vkgoEventImplRemoveHandle(watch C.int) C.int {
	return C.int(currentEventLoop().RemoveHandleFunc(int(watch)))
}

//export vkgoEventImplAddTimeout
func vkgoEventImplAddTimeout(freq C.int, cb C.virEventTimeoutCallback, opaque unsafe.Pointer, ff C.virFreeCallback) C.int {
	info := &EventTimeoutCallbackInfo{cb: cb, opaque: opaque, ff: ff}
	return C.int(currentEventLoop().AddTimeoutFunc(int(freq), info))
}

//export vkgoEventImplUpdateTimeout
func vkgoEventImplUpdateTimeout(timer C.int, freq C.int) {
	currentEventLoop().UpdateTimeoutFunc(int(timer), int(freq))
}

//export vkgoEventImplRemoveTimeout
func vkgoEventImplRemoveTimeout(timer C.int) C.int {
	return C.int(currentEventLoop().RemoveTimeoutFunc(int(timer)))
}
