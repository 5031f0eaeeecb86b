// SPDX-License-Identifier: LGPL-2.1-or-later
// Typed parameters as libvirt-go's structs: each known parameter is a
// field and a XxxSet field saying whether the driver gave (or the caller
// sets) it.  Scheduler (virDomainGetSchedulerParametersFlags), memory,
// blkio, interface and block stats (virDomainBlockStatsFlags,
// virDomainBlockStats).

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include "vkgo.h"
*/
import "C"

import "unsafe"

// A parameter's name and where its value goes in a struct.
type paramField struct {
	name string
	set  *bool
	i    *int
	u    *uint
	l    *int64
	ul   *uint64
	s    *string
}

const (
	paramsScheduler = iota
	paramsMemory
	paramsBlkio
	paramsInterface
	paramsBlockStats
	paramsSchedulerNoFlags
)

func getParams(dom *Domain, which int, device string, n int, flags uint32, fields []paramField) error {
	var c_device *C.char
	if device != "" {
		c_device = C.CString(device)
		defer C.free(unsafe.Pointer(c_device))
	}
	var params C.virTypedParameterPtr
	cn := C.int(n)
	var err C.virError
	if C.vkgoTypedParamsGet(dom.ptr, C.int(which), c_device, C.uint(flags), &params, &cn, &err) == -1 {
		return makeError(&err)
	}
	defer C.virTypedParamsFree(params, cn)
	for i := 0; i < int(cn); i++ {
		name := C.GoString(C.vkgoTypedParamField(params, C.int(i)))
		for _, f := range fields {
			if f.name != name {
				continue
			}
			*f.set = true
			ci := C.int(i)
			switch {
			case f.i != nil:
				*f.i = int(C.vkgoTypedParamInt(params, ci))
			case f.u != nil:
				*f.u = uint(C.vkgoTypedParamUInt(params, ci))
			case f.l != nil:
				*f.l = int64(C.vkgoTypedParamInt(params, ci))
			case f.ul != nil:
				*f.ul = uint64(C.vkgoTypedParamUInt(params, ci))
			case f.s != nil:
				*f.s = C.GoString(C.vkgoTypedParamString(params, ci))
			}
		}
	}
	return nil
}

func setParams(dom *Domain, which int, device string, flags uint32, fields []paramField) error {
	var params C.virTypedParameterPtr
	var n, max C.int
	defer func() { C.virTypedParamsFree(params, n) }()
	for _, f := range fields {
		if !*f.set {
			continue
		}
		name := C.CString(f.name)
		var cs *C.char
		var t C.int
		var i C.longlong
		var u C.ulonglong
		switch {
		case f.i != nil:
			t, i = C.VIR_TYPED_PARAM_INT, C.longlong(*f.i)
		case f.u != nil:
			t, u = C.VIR_TYPED_PARAM_UINT, C.ulonglong(*f.u)
		case f.l != nil:
			t, i = C.VIR_TYPED_PARAM_LLONG, C.longlong(*f.l)
		case f.ul != nil:
			t, u = C.VIR_TYPED_PARAM_ULLONG, C.ulonglong(*f.ul)
		case f.s != nil:
			t = C.VIR_TYPED_PARAM_STRING
			cs = C.CString(*f.s)
		}
		C.vkgoTypedParamAdd(&params, &n, &max, name, t, i, u, 0, cs)
		C.free(unsafe.Pointer(name))
		C.free(unsafe.Pointer(cs))
	}
	var c_device *C.char
	if device != "" {
		c_device = C.CString(device)
		defer C.free(unsafe.Pointer(c_device))
	}
	var err C.virError
	if C.vkgoTypedParamsSet(dom.ptr, C.int(which), c_device, params, n, C.uint(flags), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

// DomainSchedulerParameters are the scheduler's tunables.
type DomainSchedulerParameters struct {
	Type              string
	CpuSharesSet      bool
	CpuShares         uint64
	GlobalPeriodSet   bool
	GlobalPeriod      uint64
	GlobalQuotaSet    bool
	GlobalQuota       int64
	VcpuPeriodSet     bool
	VcpuPeriod        uint64
	VcpuQuotaSet      bool
	VcpuQuota         int64
	EmulatorPeriodSet bool
	EmulatorPeriod    uint64
	EmulatorQuotaSet  bool
	EmulatorQuota     int64
	IothreadPeriodSet bool
	IothreadPeriod    uint64
	IothreadQuotaSet  bool
	IothreadQuota     int64
	WeightSet         bool
	Weight            uint
	CapSet            bool
	Cap               uint
	ReservationSet    bool
	Reservation       int64
	LimitSet          bool
	Limit             int64
	SharesSet         bool
	Shares            int
}

func (p *DomainSchedulerParameters) fields() []paramField {
	return []paramField{
		{name: "cpu_shares", set: &p.CpuSharesSet, ul: &p.CpuShares},
		{name: "global_period", set: &p.GlobalPeriodSet, ul: &p.GlobalPeriod},
		{name: "global_quota", set: &p.GlobalQuotaSet, l: &p.GlobalQuota},
		{name: "vcpu_period", set: &p.VcpuPeriodSet, ul: &p.VcpuPeriod},
		{name: "vcpu_quota", set: &p.VcpuQuotaSet, l: &p.VcpuQuota},
		{name: "emulator_period", set: &p.EmulatorPeriodSet, ul: &p.EmulatorPeriod},
		{name: "emulator_quota", set: &p.EmulatorQuotaSet, l: &p.EmulatorQuota},
		{name: "iothread_period", set: &p.IothreadPeriodSet, ul: &p.IothreadPeriod},
		{name: "iothread_quota", set: &p.IothreadQuotaSet, l: &p.IothreadQuota},
		{name: "weight", set: &p.WeightSet, u: &p.Weight},
		{name: "cap", set: &p.CapSet, u: &p.Cap},
		{name: "reservation", set: &p.ReservationSet, l: &p.Reservation},
		{name: "limit", set: &p.LimitSet, l: &p.Limit},
		{name: "shares", set: &p.SharesSet, i: &p.Shares},
	}
}

// GetSchedulerParameters reads the scheduler type (virDomainGetSchedulerType)
// and its parameters (virDomainGetSchedulerParameters).
func (d *Domain) GetSchedulerParameters() (*DomainSchedulerParameters, error) {
	return d.getScheduler(paramsSchedulerNoFlags, 0)
}

// GetSchedulerParametersFlags is GetSchedulerParameters with flags.
func (d *Domain) GetSchedulerParametersFlags(flags DomainModificationImpact) (*DomainSchedulerParameters, error) {
	return d.getScheduler(paramsScheduler, flags)
}

func (d *Domain) getScheduler(which int, flags DomainModificationImpact) (*DomainSchedulerParameters, error) {
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
	if e := getParams(d, which, "", int(n), uint32(flags), p.fields()); e != nil {
		return nil, e
	}
	return p, nil
}

// SetSchedulerParameters sets the parameters whose XxxSet is true
// (virDomainSetSchedulerParameters).
func (d *Domain) SetSchedulerParameters(params *DomainSchedulerParameters) error {
	return setParams(d, paramsSchedulerNoFlags, "", 0, params.fields())
}

// SetSchedulerParametersFlags is SetSchedulerParameters with flags
// (virDomainSetSchedulerParametersFlags).
func (d *Domain) SetSchedulerParametersFlags(params *DomainSchedulerParameters, flags DomainModificationImpact) error {
	return setParams(d, paramsScheduler, "", uint32(flags), params.fields())
}

// DomainMemoryParameters are the memory tunables (KiB).
type DomainMemoryParameters struct {
	HardLimitSet     bool
	HardLimit        uint64
	SoftLimitSet     bool
	SoftLimit        uint64
	MinGuaranteeSet  bool
	MinGuarantee     uint64
	SwapHardLimitSet bool
	SwapHardLimit    uint64
}

func (p *DomainMemoryParameters) fields() []paramField {
	return []paramField{
		{name: "hard_limit", set: &p.HardLimitSet, ul: &p.HardLimit},
		{name: "soft_limit", set: &p.SoftLimitSet, ul: &p.SoftLimit},
		{name: "min_guarantee", set: &p.MinGuaranteeSet, ul: &p.MinGuarantee},
		{name: "swap_hard_limit", set: &p.SwapHardLimitSet, ul: &p.SwapHardLimit},
	}
}

// GetMemoryParameters reads the memory tunables (virDomainGetMemoryParameters).
func (d *Domain) GetMemoryParameters(flags DomainModificationImpact) (*DomainMemoryParameters, error) {
	p := &DomainMemoryParameters{}
	if e := getParams(d, paramsMemory, "", 0, uint32(flags), p.fields()); e != nil {
		return nil, e
	}
	return p, nil
}

// SetMemoryParameters sets those whose XxxSet is true
// (virDomainSetMemoryParameters).
func (d *Domain) SetMemoryParameters(params *DomainMemoryParameters, flags DomainModificationImpact) error {
	return setParams(d, paramsMemory, "", uint32(flags), params.fields())
}

// DomainBlkioParameters are the block I/O tunables.
type DomainBlkioParameters struct {
	WeightSet          bool
	Weight             uint
	DeviceWeightSet    bool
	DeviceWeight       string
	DeviceReadIopsSet  bool
	DeviceReadIops     string
	DeviceWriteIopsSet bool
	DeviceWriteIops    string
	DeviceReadBpsSet   bool
	DeviceReadBps      string
	DeviceWriteBpsSet  bool
	DeviceWriteBps     string
}

func (p *DomainBlkioParameters) fields() []paramField {
	return []paramField{
		{name: "weight", set: &p.WeightSet, u: &p.Weight},
		{name: "device_weight", set: &p.DeviceWeightSet, s: &p.DeviceWeight},
		{name: "device_read_iops_sec", set: &p.DeviceReadIopsSet, s: &p.DeviceReadIops},
		{name: "device_write_iops_sec", set: &p.DeviceWriteIopsSet, s: &p.DeviceWriteIops},
		{name: "device_read_bytes_sec", set: &p.DeviceReadBpsSet, s: &p.DeviceReadBps},
		{name: "device_write_bytes_sec", set: &p.DeviceWriteBpsSet, s: &p.DeviceWriteBps},
	}
}

// GetBlkioParameters reads the block I/O tunables (virDomainGetBlkioParameters).
func (d *Domain) GetBlkioParameters(flags DomainModificationImpact) (*DomainBlkioParameters, error) {
	p := &DomainBlkioParameters{}
	if e := getParams(d, paramsBlkio, "", 0, uint32(flags), p.fields()); e != nil {
		return nil, e
	}
	return p, nil
}

// SetBlkioParameters sets those whose XxxSet is true
// (virDomainSetBlkioParameters).
func (d *Domain) SetBlkioParameters(params *DomainBlkioParameters, flags DomainModificationImpact) error {
	return setParams(d, paramsBlkio, "", uint32(flags), params.fields())
}

// DomainInterfaceParameters are an interface's bandwidth limits.
type DomainInterfaceParameters struct {
	BandwidthInAverageSet  bool
	BandwidthInAverage     uint
	BandwidthInPeakSet     bool
	BandwidthInPeak        uint
	BandwidthInBurstSet    bool
	BandwidthInBurst       uint
	BandwidthInFloorSet    bool
	BandwidthInFloor       uint
	BandwidthOutAverageSet bool
	BandwidthOutAverage    uint
	BandwidthOutPeakSet    bool
	BandwidthOutPeak       uint
	BandwidthOutBurstSet   bool
	BandwidthOutBurst      uint
}

func (p *DomainInterfaceParameters) fields() []paramField {
	return []paramField{
		{name: "inbound.average", set: &p.BandwidthInAverageSet, u: &p.BandwidthInAverage},
		{name: "inbound.peak", set: &p.BandwidthInPeakSet, u: &p.BandwidthInPeak},
		{name: "inbound.burst", set: &p.BandwidthInBurstSet, u: &p.BandwidthInBurst},
		{name: "inbound.floor", set: &p.BandwidthInFloorSet, u: &p.BandwidthInFloor},
		{name: "outbound.average", set: &p.BandwidthOutAverageSet, u: &p.BandwidthOutAverage},
		{name: "outbound.peak", set: &p.BandwidthOutPeakSet, u: &p.BandwidthOutPeak},
		{name: "outbound.burst", set: &p.BandwidthOutBurstSet, u: &p.BandwidthOutBurst},
	}
}

// GetInterfaceParameters reads device's bandwidth limits
// (virDomainGetInterfaceParameters).
func (d *Domain) GetInterfaceParameters(device string, flags DomainModificationImpact) (*DomainInterfaceParameters, error) {
	p := &DomainInterfaceParameters{}
	if e := getParams(d, paramsInterface, device, 0, uint32(flags), p.fields()); e != nil {
		return nil, e
	}
	return p, nil
}

// SetInterfaceParameters sets those whose XxxSet is true
// (virDomainSetInterfaceParameters).
func (d *Domain) SetInterfaceParameters(device string, params *DomainInterfaceParameters, flags DomainModificationImpact) error {
	return setParams(d, paramsInterface, device, uint32(flags), params.fields())
}

// DomainBlockStats are a disk's I/O counters.
type DomainBlockStats struct {
	RdBytesSet         bool
	RdBytes            int64
	RdReqSet           bool
	RdReq              int64
	RdTotalTimesSet    bool
	RdTotalTimes       int64
	WrBytesSet         bool
	WrBytes            int64
	WrReqSet           bool
	WrReq              int64
	WrTotalTimesSet    bool
	WrTotalTimes       int64
	FlushReqSet        bool
	FlushReq           int64
	FlushTotalTimesSet bool
	FlushTotalTimes    int64
	ErrsSet            bool
	Errs               int64
}

func (p *DomainBlockStats) fields() []paramField {
	return []paramField{
		{name: "rd_bytes", set: &p.RdBytesSet, l: &p.RdBytes},
		{name: "rd_operations", set: &p.RdReqSet, l: &p.RdReq},
		{name: "rd_total_times", set: &p.RdTotalTimesSet, l: &p.RdTotalTimes},
		{name: "wr_bytes", set: &p.WrBytesSet, l: &p.WrBytes},
		{name: "wr_operations", set: &p.WrReqSet, l: &p.WrReq},
		{name: "wr_total_times", set: &p.WrTotalTimesSet, l: &p.WrTotalTimes},
		{name: "flush_operations", set: &p.FlushReqSet, l: &p.FlushReq},
		{name: "flush_total_times", set: &p.FlushTotalTimesSet, l: &p.FlushTotalTimes},
		{name: "errs", set: &p.ErrsSet, l: &p.Errs},
	}
}

// BlockStatsFlags reads disk's counters as typed parameters
// (virDomainBlockStatsFlags).
func (d *Domain) BlockStatsFlags(disk string, flags uint32) (*DomainBlockStats, error) {
	p := &DomainBlockStats{}
	if e := getParams(d, paramsBlockStats, disk, 0, flags, p.fields()); e != nil {
		return nil, e
	}
	return p, nil
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
