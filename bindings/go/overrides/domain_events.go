// SPDX-License-Identifier: LGPL-2.1-or-later
// Domain events other than lifecycle, one Register method per kind as in
// libvirt-go, all through virConnectDomainEventRegisterAny: the C side
// packs each callback's arguments into a vkgoDomainEventData.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

// DomainEventGenericCallback is called for events that carry nothing.
type DomainEventGenericCallback func(c *Connect, d *Domain)

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
	// The callback gets references of its own, which it may Free.
	C.virConnectRef(c)
	C.virDomainRef(d)
	f(&Connect{ptr: c}, &Domain{ptr: d}, e)
}

// DomainEventRebootRegister calls callback for each reboot event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventRebootRegister(dom *Domain, callback DomainEventGenericCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_REBOOT, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d)
	})
}

// DomainEventControlErrorRegister calls callback for each control error event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventControlErrorRegister(dom *Domain, callback DomainEventGenericCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_CONTROL_ERROR, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d)
	})
}

// DomainEventRTCChange is what a rtc change event carries.
type DomainEventRTCChange struct {
	Utcoffset int64
}

// DomainEventRTCChangeCallback is called for each rtc change event.
type DomainEventRTCChangeCallback func(c *Connect, d *Domain, event *DomainEventRTCChange)

// DomainEventRTCChangeRegister calls callback for each rtc change event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventRTCChangeRegister(dom *Domain, callback DomainEventRTCChangeCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_RTC_CHANGE, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventRTCChange{
			Utcoffset: int64(e.l),
		})
	})
}

// DomainEventWatchdog is what a watchdog event carries.
type DomainEventWatchdog struct {
	Action DomainEventWatchdogAction
}

// DomainEventWatchdogCallback is called for each watchdog event.
type DomainEventWatchdogCallback func(c *Connect, d *Domain, event *DomainEventWatchdog)

// DomainEventWatchdogRegister calls callback for each watchdog event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventWatchdogRegister(dom *Domain, callback DomainEventWatchdogCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_WATCHDOG, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventWatchdog{
			Action: DomainEventWatchdogAction(e.i[0]),
		})
	})
}

// DomainEventIOError is what a io error event carries.
type DomainEventIOError struct {
	SrcPath  string
	DevAlias string
	Action   DomainEventIOErrorAction
}

// DomainEventIOErrorCallback is called for each io error event.
type DomainEventIOErrorCallback func(c *Connect, d *Domain, event *DomainEventIOError)

// DomainEventIOErrorRegister calls callback for each io error event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventIOErrorRegister(dom *Domain, callback DomainEventIOErrorCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_IO_ERROR, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventIOError{
			SrcPath:  C.GoString(e.s[0]),
			DevAlias: C.GoString(e.s[1]),
			Action:   DomainEventIOErrorAction(e.i[0]),
		})
	})
}

// DomainEventIOErrorReason is what a io error reason event carries.
type DomainEventIOErrorReason struct {
	SrcPath  string
	DevAlias string
	Action   DomainEventIOErrorAction
	Reason   string
}

// DomainEventIOErrorReasonCallback is called for each io error reason event.
type DomainEventIOErrorReasonCallback func(c *Connect, d *Domain, event *DomainEventIOErrorReason)

// DomainEventIOErrorReasonRegister calls callback for each io error reason event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventIOErrorReasonRegister(dom *Domain, callback DomainEventIOErrorReasonCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventIOErrorReason{
			SrcPath:  C.GoString(e.s[0]),
			DevAlias: C.GoString(e.s[1]),
			Action:   DomainEventIOErrorAction(e.i[0]),
			Reason:   C.GoString(e.s[2]),
		})
	})
}

// DomainEventBlockJob is what a block job event carries.
type DomainEventBlockJob struct {
	Disk   string
	Type   DomainBlockJobType
	Status ConnectDomainEventBlockJobStatus
}

// DomainEventBlockJobCallback is called for each block job event.
type DomainEventBlockJobCallback func(c *Connect, d *Domain, event *DomainEventBlockJob)

// DomainEventBlockJobRegister calls callback for each block job event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventBlockJobRegister(dom *Domain, callback DomainEventBlockJobCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_BLOCK_JOB, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventBlockJob{
			Disk:   C.GoString(e.s[0]),
			Type:   DomainBlockJobType(e.i[0]),
			Status: ConnectDomainEventBlockJobStatus(e.i[1]),
		})
	})
}

// DomainEventBlockJob2Register calls callback for each block job 2 event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventBlockJob2Register(dom *Domain, callback DomainEventBlockJobCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventBlockJob{
			Disk:   C.GoString(e.s[0]),
			Type:   DomainBlockJobType(e.i[0]),
			Status: ConnectDomainEventBlockJobStatus(e.i[1]),
		})
	})
}

// DomainEventDiskChange is what a disk change event carries.
type DomainEventDiskChange struct {
	OldSrcPath string
	NewSrcPath string
	DevAlias   string
	Reason     ConnectDomainEventDiskChangeReason
}

// DomainEventDiskChangeCallback is called for each disk change event.
type DomainEventDiskChangeCallback func(c *Connect, d *Domain, event *DomainEventDiskChange)

// DomainEventDiskChangeRegister calls callback for each disk change event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventDiskChangeRegister(dom *Domain, callback DomainEventDiskChangeCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_DISK_CHANGE, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventDiskChange{
			OldSrcPath: C.GoString(e.s[0]),
			NewSrcPath: C.GoString(e.s[1]),
			DevAlias:   C.GoString(e.s[2]),
			Reason:     ConnectDomainEventDiskChangeReason(e.i[0]),
		})
	})
}

// DomainEventTrayChange is what a tray change event carries.
type DomainEventTrayChange struct {
	DevAlias string
	Reason   ConnectDomainEventTrayChangeReason
}

// DomainEventTrayChangeCallback is called for each tray change event.
type DomainEventTrayChangeCallback func(c *Connect, d *Domain, event *DomainEventTrayChange)

// DomainEventTrayChangeRegister calls callback for each tray change event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventTrayChangeRegister(dom *Domain, callback DomainEventTrayChangeCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventTrayChange{
			DevAlias: C.GoString(e.s[0]),
			Reason:   ConnectDomainEventTrayChangeReason(e.i[0]),
		})
	})
}

// DomainEventPMWakeup is what a pmwakeup event carries.
type DomainEventPMWakeup struct {
	Reason int
}

// DomainEventPMWakeupCallback is called for each pmwakeup event.
type DomainEventPMWakeupCallback func(c *Connect, d *Domain, event *DomainEventPMWakeup)

// DomainEventPMWakeupRegister calls callback for each pmwakeup event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventPMWakeupRegister(dom *Domain, callback DomainEventPMWakeupCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_PMWAKEUP, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventPMWakeup{
			Reason: int(e.i[0]),
		})
	})
}

// DomainEventPMSuspend is what a pmsuspend event carries.
type DomainEventPMSuspend struct {
	Reason int
}

// DomainEventPMSuspendCallback is called for each pmsuspend event.
type DomainEventPMSuspendCallback func(c *Connect, d *Domain, event *DomainEventPMSuspend)

// DomainEventPMSuspendRegister calls callback for each pmsuspend event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventPMSuspendRegister(dom *Domain, callback DomainEventPMSuspendCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_PMSUSPEND, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventPMSuspend{
			Reason: int(e.i[0]),
		})
	})
}

// DomainEventPMSuspendDisk is what a pmsuspend disk event carries.
type DomainEventPMSuspendDisk struct {
	Reason int
}

// DomainEventPMSuspendDiskCallback is called for each pmsuspend disk event.
type DomainEventPMSuspendDiskCallback func(c *Connect, d *Domain, event *DomainEventPMSuspendDisk)

// DomainEventPMSuspendDiskRegister calls callback for each pmsuspend disk event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventPMSuspendDiskRegister(dom *Domain, callback DomainEventPMSuspendDiskCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventPMSuspendDisk{
			Reason: int(e.i[0]),
		})
	})
}

// DomainEventBalloonChange is what a balloon change event carries.
type DomainEventBalloonChange struct {
	Actual uint64
}

// DomainEventBalloonChangeCallback is called for each balloon change event.
type DomainEventBalloonChangeCallback func(c *Connect, d *Domain, event *DomainEventBalloonChange)

// DomainEventBalloonChangeRegister calls callback for each balloon change event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventBalloonChangeRegister(dom *Domain, callback DomainEventBalloonChangeCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventBalloonChange{
			Actual: uint64(e.u[0]),
		})
	})
}

// DomainEventDeviceRemoved is what a device removed event carries.
type DomainEventDeviceRemoved struct {
	DevAlias string
}

// DomainEventDeviceRemovedCallback is called for each device removed event.
type DomainEventDeviceRemovedCallback func(c *Connect, d *Domain, event *DomainEventDeviceRemoved)

// DomainEventDeviceRemovedRegister calls callback for each device removed event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventDeviceRemovedRegister(dom *Domain, callback DomainEventDeviceRemovedCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventDeviceRemoved{
			DevAlias: C.GoString(e.s[0]),
		})
	})
}

// DomainEventDeviceAdded is what a device added event carries.
type DomainEventDeviceAdded struct {
	DevAlias string
}

// DomainEventDeviceAddedCallback is called for each device added event.
type DomainEventDeviceAddedCallback func(c *Connect, d *Domain, event *DomainEventDeviceAdded)

// DomainEventDeviceAddedRegister calls callback for each device added event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventDeviceAddedRegister(dom *Domain, callback DomainEventDeviceAddedCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventDeviceAdded{
			DevAlias: C.GoString(e.s[0]),
		})
	})
}

// DomainEventDeviceRemovalFailed is what a device removal failed event carries.
type DomainEventDeviceRemovalFailed struct {
	DevAlias string
}

// DomainEventDeviceRemovalFailedCallback is called for each device removal failed event.
type DomainEventDeviceRemovalFailedCallback func(c *Connect, d *Domain, event *DomainEventDeviceRemovalFailed)

// DomainEventDeviceRemovalFailedRegister calls callback for each device removal failed event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventDeviceRemovalFailedRegister(dom *Domain, callback DomainEventDeviceRemovalFailedCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventDeviceRemovalFailed{
			DevAlias: C.GoString(e.s[0]),
		})
	})
}

// DomainEventAgentLifecycle is what a agent lifecycle event carries.
type DomainEventAgentLifecycle struct {
	State  ConnectDomainEventAgentLifecycleState
	Reason ConnectDomainEventAgentLifecycleReason
}

// DomainEventAgentLifecycleCallback is called for each agent lifecycle event.
type DomainEventAgentLifecycleCallback func(c *Connect, d *Domain, event *DomainEventAgentLifecycle)

// DomainEventAgentLifecycleRegister calls callback for each agent lifecycle event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventAgentLifecycleRegister(dom *Domain, callback DomainEventAgentLifecycleCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventAgentLifecycle{
			State:  ConnectDomainEventAgentLifecycleState(e.i[0]),
			Reason: ConnectDomainEventAgentLifecycleReason(e.i[1]),
		})
	})
}

// DomainEventMigrationIteration is what a migration iteration event carries.
type DomainEventMigrationIteration struct {
	Iteration int
}

// DomainEventMigrationIterationCallback is called for each migration iteration event.
type DomainEventMigrationIterationCallback func(c *Connect, d *Domain, event *DomainEventMigrationIteration)

// DomainEventMigrationIterationRegister calls callback for each migration iteration event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventMigrationIterationRegister(dom *Domain, callback DomainEventMigrationIterationCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventMigrationIteration{
			Iteration: int(e.i[0]),
		})
	})
}

// DomainEventMetadataChange is what a metadata change event carries.
type DomainEventMetadataChange struct {
	Type  int
	NSURI string
}

// DomainEventMetadataChangeCallback is called for each metadata change event.
type DomainEventMetadataChangeCallback func(c *Connect, d *Domain, event *DomainEventMetadataChange)

// DomainEventMetadataChangeRegister calls callback for each metadata change event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventMetadataChangeRegister(dom *Domain, callback DomainEventMetadataChangeCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventMetadataChange{
			Type:  int(e.i[0]),
			NSURI: C.GoString(e.s[0]),
		})
	})
}

// DomainEventBlockThreshold is what a block threshold event carries.
type DomainEventBlockThreshold struct {
	Dev       string
	Path      string
	Threshold uint64
	Excess    uint64
}

// DomainEventBlockThresholdCallback is called for each block threshold event.
type DomainEventBlockThresholdCallback func(c *Connect, d *Domain, event *DomainEventBlockThreshold)

// DomainEventBlockThresholdRegister calls callback for each block threshold event of dom,
// or of every domain if dom is nil.
func (c *Connect) DomainEventBlockThresholdRegister(dom *Domain, callback DomainEventBlockThresholdCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, &DomainEventBlockThreshold{
			Dev:       C.GoString(e.s[0]),
			Path:      C.GoString(e.s[1]),
			Threshold: uint64(e.u[0]),
			Excess:    uint64(e.u[1]),
		})
	})
}
