// SPDX-License-Identifier: LGPL-2.1-or-later
// The scheduler's typed parameters (DomainSchedulerParameters, made by
// the generator from go-names.tsv): libvirt-go reads the scheduler type
// first (virDomainGetSchedulerType), which also gives the count, and
// has variants without flags (virDomainGetSchedulerParameters,
// virDomainSetSchedulerParameters).  And BlockStats, whose C form is a
// struct (virDomainBlockStats) filling the generated DomainBlockStats.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include "vkgo.h"
*/
import "C"

import "unsafe"

// GetSchedulerParameters reads the scheduler type and its parameters
// (virDomainGetSchedulerParameters).
func (d *Domain) GetSchedulerParameters() (*DomainSchedulerParameters, error) {
	return d.getScheduler(false, 0)
}

// GetSchedulerParametersFlags is GetSchedulerParameters with flags
// (virDomainGetSchedulerParametersFlags).
func (d *Domain) GetSchedulerParametersFlags(flags DomainModificationImpact) (*DomainSchedulerParameters, error) {
	return d.getScheduler(true, flags)
}

func (d *Domain) getScheduler(withFlags bool, flags DomainModificationImpact) (*DomainSchedulerParameters, error) {
	var n C.int
	var err C.virError
	t := C.vkgoDomainSchedulerType(d.ptr, &n, &err)
	if t == nil {
		return nil, makeError(&err)
	}
	// Like libvirt-go, Type is given only when there are no parameters.
	p := &DomainSchedulerParameters{}
	if n == 0 {
		p.Type = C.GoString(t)
	}
	C.free(unsafe.Pointer(t))
	if n == 0 {
		return p, nil
	}
	var cwith C.int
	if withFlags {
		cwith = 1
	}
	params := (C.virTypedParameterPtr)(C.calloc(C.size_t(n), C.size_t(unsafe.Sizeof(C.virTypedParameter{}))))
	if C.vkgoSchedulerParamsGet(d.ptr, cwith, params, &n, C.uint(flags), &err) == -1 {
		C.free(unsafe.Pointer(params))
		return nil, makeError(&err)
	}
	defer C.virTypedParamsFree(params, n)
	p.fromTypedParams(typedParamsMap(params, n))
	return p, nil
}

// SetSchedulerParameters sets the parameters whose XxxSet is true
// (virDomainSetSchedulerParameters).
func (d *Domain) SetSchedulerParameters(params *DomainSchedulerParameters) error {
	return d.setScheduler(false, params, 0)
}

// SetSchedulerParametersFlags is SetSchedulerParameters with flags
// (virDomainSetSchedulerParametersFlags).
func (d *Domain) SetSchedulerParametersFlags(params *DomainSchedulerParameters, flags DomainModificationImpact) error {
	return d.setScheduler(true, params, flags)
}

func (d *Domain) setScheduler(withFlags bool, params *DomainSchedulerParameters, flags DomainModificationImpact) error {
	var l typedParamList
	defer l.free()
	params.addTypedParams(&l)
	var cwith C.int
	if withFlags {
		cwith = 1
	}
	var err C.virError
	if C.vkgoSchedulerParamsSet(d.ptr, cwith, l.p, l.n, C.uint(flags), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

// BlockStats reads path's counters (virDomainBlockStats).  Like
// libvirt-go it gives the four request and byte counters, always set, and
// not errs.
func (d *Domain) BlockStats(path string) (*DomainBlockStats, error) {
	c_path := C.CString(path)
	defer C.free(unsafe.Pointer(c_path))
	var s C.virDomainBlockStatsStruct
	var err C.virError
	if C.vkgoDomainBlockStats(d.ptr, c_path, &s, &err) == -1 {
		return nil, makeError(&err)
	}
	return &DomainBlockStats{
		RdReqSet:   true,
		RdReq:      int64(s.rd_req),
		RdBytesSet: true,
		RdBytes:    int64(s.rd_bytes),
		WrReqSet:   true,
		WrReq:      int64(s.wr_req),
		WrBytesSet: true,
		WrBytes:    int64(s.wr_bytes),
	}, nil
}
