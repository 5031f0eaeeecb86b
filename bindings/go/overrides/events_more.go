// SPDX-License-Identifier: LGPL-2.1-or-later
// The domain events that carry structs or typed parameters (graphics,
// tunable, job completed): "custom" in go-names.tsv's event rows.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

import (
	"strings"
	"unsafe"
)

// DomainEventGraphicsAddress is one end of a graphics connection.
type DomainEventGraphicsAddress struct {
	Family  DomainEventGraphicsAddressType
	Node    string
	Service string
}

// DomainEventGraphicsSubjectIdentity is one identity of the client.
type DomainEventGraphicsSubjectIdentity struct {
	Type string
	Name string
}

// DomainEventGraphics is a graphics client's connect or disconnect.
type DomainEventGraphics struct {
	Phase      DomainEventGraphicsPhase
	Local      DomainEventGraphicsAddress
	Remote     DomainEventGraphicsAddress
	AuthScheme string
	Subject    []DomainEventGraphicsSubjectIdentity
}

// DomainEventGraphicsCallback is called for each graphics event.
type DomainEventGraphicsCallback func(c *Connect, d *Domain, event *DomainEventGraphics)

func goGraphicsAddress(p unsafe.Pointer) DomainEventGraphicsAddress {
	if p == nil {
		return DomainEventGraphicsAddress{}
	}
	a := (*C.virDomainEventGraphicsAddress)(p)
	return DomainEventGraphicsAddress{
		Family:  DomainEventGraphicsAddressType(a.family),
		Node:    C.GoString(a.node),
		Service: C.GoString(a.service),
	}
}

// DomainEventGraphicsRegister calls callback for each graphics event of
// dom, or of every domain if dom is nil.
func (c *Connect) DomainEventGraphicsRegister(dom *Domain, callback DomainEventGraphicsCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_GRAPHICS, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		ev := &DomainEventGraphics{
			Phase:      DomainEventGraphicsPhase(e.i[0]),
			Local:      goGraphicsAddress(unsafe.Pointer(e.p[0])),
			Remote:     goGraphicsAddress(unsafe.Pointer(e.p[1])),
			AuthScheme: C.GoString(e.s[0]),
		}
		if e.p[2] != nil {
			s := (*C.virDomainEventGraphicsSubject)(unsafe.Pointer(e.p[2]))
			ids := unsafe.Slice(s.identities, int(s.nidentity))
			for _, id := range ids {
				ev.Subject = append(ev.Subject, DomainEventGraphicsSubjectIdentity{
					Type: C.GoString(id._type), Name: C.GoString(id.name)})
			}
		}
		callback(cc, d, ev)
	})
}

// DomainEventJobCompleted is the statistics of a job that ended.
type DomainEventJobCompleted struct {
	Info DomainJobInfo
}

// DomainEventJobCompletedCallback is called when a job completes.
type DomainEventJobCompletedCallback func(c *Connect, d *Domain, event *DomainEventJobCompleted)

func eventParams(e *C.vkgoDomainEventData) map[string]typedValue {
	return typedParamsMap(C.virTypedParameterPtr(unsafe.Pointer(e.p[0])), e.n)
}

// DomainEventJobCompletedRegister calls callback for each job completed
// event of dom, or of every domain if dom is nil.
func (c *Connect) DomainEventJobCompletedRegister(dom *Domain, callback DomainEventJobCompletedCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		ev := &DomainEventJobCompleted{}
		ev.Info.fromTypedParams(eventParams(e))
		callback(cc, d, ev)
	})
}

// DomainEventTunableCpuPin is the CPU pinning a tunable event reports.
type DomainEventTunableCpuPin struct {
	VcpuPinSet     bool
	VcpuPin        [][]bool
	EmulatorPinSet bool
	EmulatorPin    []bool
	IOThreadPinSet bool
	IOThreadPin    [][]bool
}

// DomainEventTunable is a change of tunables: scheduler, pinning, or a
// disk's I/O limits.
type DomainEventTunable struct {
	CpuSched      *DomainSchedulerParameters
	CpuPin        *DomainEventTunableCpuPin
	BlkdevDiskSet bool
	BlkdevDisk    string
	BlkdevTune    *DomainBlockIoTuneParameters
}

// DomainEventTunableCallback is called for each tunable event.
type DomainEventTunableCallback func(c *Connect, d *Domain, event *DomainEventTunable)

// subParams is the part of m whose names start with prefix, without it.
func subParams(m map[string]typedValue, prefix string) map[string]typedValue {
	out := map[string]typedValue{}
	for k, v := range m {
		if strings.HasPrefix(k, prefix) {
			out[k[len(prefix):]] = v
		}
	}
	return out
}

// pinList puts the CPU list of each "<prefix><n>" in m at index n.
func pinList(m map[string]typedValue, prefix string) ([][]bool, bool) {
	var out [][]bool
	found := false
	for k, v := range m {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		n := 0
		digits := k[len(prefix):]
		if digits == "" {
			continue
		}
		for _, r := range digits {
			if r < '0' || r > '9' {
				n = -1
				break
			}
			n = n*10 + int(r-'0')
		}
		if n < 0 {
			continue
		}
		for len(out) <= n {
			out = append(out, nil)
		}
		out[n] = parseCPUList(v.s)
		found = true
	}
	return out, found
}

func goTunable(m map[string]typedValue) *DomainEventTunable {
	ev := &DomainEventTunable{}
	cpu := subParams(m, "cputune.")
	sched := &DomainSchedulerParameters{}
	sched.fromTypedParams(cpu)
	if *sched != (DomainSchedulerParameters{}) {
		ev.CpuSched = sched
	}
	pin := &DomainEventTunableCpuPin{}
	pin.VcpuPin, pin.VcpuPinSet = pinList(cpu, "vcpupin")
	pin.IOThreadPin, pin.IOThreadPinSet = pinList(cpu, "iothreadpin")
	if v, ok := cpu["emulatorpin"]; ok {
		pin.EmulatorPinSet = true
		pin.EmulatorPin = parseCPUList(v.s)
	}
	if pin.VcpuPinSet || pin.IOThreadPinSet || pin.EmulatorPinSet {
		ev.CpuPin = pin
	}
	blk := subParams(m, "blkdeviotune.")
	if v, ok := blk["disk"]; ok {
		ev.BlkdevDiskSet = true
		ev.BlkdevDisk = v.s
		delete(blk, "disk")
	}
	if len(blk) > 0 {
		ev.BlkdevTune = &DomainBlockIoTuneParameters{}
		ev.BlkdevTune.fromTypedParams(blk)
	}
	return ev
}

// DomainEventTunableRegister calls callback for each tunable event of
// dom, or of every domain if dom is nil.
func (c *Connect) DomainEventTunableRegister(dom *Domain, callback DomainEventTunableCallback) (int, error) {
	return c.domainEventRegister(dom, C.VIR_DOMAIN_EVENT_ID_TUNABLE, func(cc *Connect, d *Domain, e *C.vkgoDomainEventData) {
		callback(cc, d, goTunable(eventParams(e)))
	})
}
