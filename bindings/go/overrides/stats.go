// SPDX-License-Identifier: LGPL-2.1-or-later
// Domain statistics (virConnectGetAllDomainStats, virDomainListGetStats)
// and guest information (virDomainGetGuestInfo): the typed parameters
// are split by their prefix ("net.0.", "fs.1.disk.0.") into the groups'
// structs, which the generator makes from go-names.tsv.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static int
vkgoGetAllDomainStats(virConnectPtr conn, virDomainPtr *doms,
                      unsigned int stats, virDomainStatsRecordPtr **ret,
                      unsigned int flags, virErrorPtr err)
{
    int n = doms ? virDomainListGetStats(doms, stats, ret, flags)
                 : virConnectGetAllDomainStats(conn, stats, ret, flags);
    if (n < 0)
        virCopyLastError(err);
    return n;
}

static virDomainStatsRecordPtr
vkgoStatsRecordAt(virDomainStatsRecordPtr *list, int i)
{
    return list[i];
}

static int
vkgoDomainGetGuestInfo(virDomainPtr dom, unsigned int types,
                       virTypedParameterPtr *params, int *n,
                       unsigned int flags, virErrorPtr err)
{
    int ret = virDomainGetGuestInfo(dom, types, params, n, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}
*/
import "C"

import (
	"strconv"
	"unsafe"
)

// DomainStats is one domain's statistics: a group is nil (or empty) if
// it was not asked for or the driver has none.
type DomainStats struct {
	Domain  *Domain
	State   *DomainStatsState
	Cpu     *DomainStatsCPU
	Balloon *DomainStatsBalloon
	Vcpu    []DomainStatsVcpu
	Net     []DomainStatsNet
	Block   []DomainStatsBlock
	Perf    *DomainStatsPerf
	Memory  *DomainStatsMemory
}

// indexed splits "<prefix><n>.<rest>" parameters into one map per n,
// n below "<prefix>count" (or the highest n seen).
func indexed(m map[string]typedValue, prefix string) []map[string]typedValue {
	count := -1
	if v, ok := m[prefix+"count"]; ok {
		count = int(v.u)
	}
	sub := subParams(m, prefix)
	var out []map[string]typedValue
	for k, v := range sub {
		dot := 0
		for dot < len(k) && k[dot] != '.' {
			dot++
		}
		n, err := strconv.Atoi(k[:dot])
		if err != nil || dot == len(k) || n < 0 || (count >= 0 && n >= count) || n > 1<<16 {
			continue
		}
		for len(out) <= n {
			out = append(out, map[string]typedValue{})
		}
		out[n][k[dot+1:]] = v
	}
	for len(out) < count {
		out = append(out, map[string]typedValue{})
	}
	return out
}

func goDomainStats(m map[string]typedValue) DomainStats {
	var s DomainStats
	if g := subParams(m, "state."); len(g) > 0 {
		s.State = &DomainStatsState{}
		s.State.fromTypedParams(g)
	}
	if g := subParams(m, "cpu."); len(g) > 0 {
		s.Cpu = &DomainStatsCPU{}
		s.Cpu.fromTypedParams(g)
	}
	if g := subParams(m, "balloon."); len(g) > 0 {
		s.Balloon = &DomainStatsBalloon{}
		s.Balloon.fromTypedParams(g)
	}
	for _, g := range indexed(m, "vcpu.") {
		var v DomainStatsVcpu
		v.fromTypedParams(g)
		s.Vcpu = append(s.Vcpu, v)
	}
	for _, g := range indexed(m, "net.") {
		var v DomainStatsNet
		v.fromTypedParams(g)
		s.Net = append(s.Net, v)
	}
	for _, g := range indexed(m, "block.") {
		var v DomainStatsBlock
		v.fromTypedParams(g)
		s.Block = append(s.Block, v)
	}
	if g := subParams(m, "perf."); len(g) > 0 {
		s.Perf = &DomainStatsPerf{}
		s.Perf.fromTypedParams(g)
	}
	if mons := indexed(m, "memory.bandwidth.monitor."); len(mons) > 0 {
		s.Memory = &DomainStatsMemory{}
		for _, g := range mons {
			var v DomainStatsMemoryBandwidthMonitor
			v.fromTypedParams(g)
			for _, ng := range indexed(g, "node.") {
				var n DomainStatsMemoryBandwidthMonitorNode
				n.fromTypedParams(ng)
				v.Nodes = append(v.Nodes, n)
			}
			s.Memory.BandwidthMonitor = append(s.Memory.BandwidthMonitor, v)
		}
	}
	return s
}

// GetAllDomainStats answers the statsTypes statistics of doms, or of
// every domain flags selects if doms is empty.  Free each Domain.
func (c *Connect) GetAllDomainStats(doms []*Domain, statsTypes DomainStatsTypes, flags ConnectGetAllDomainStatsFlags) ([]DomainStats, error) {
	var cdoms *C.virDomainPtr
	if len(doms) > 0 {
		list := C.calloc(C.size_t(len(doms)+1), C.size_t(unsafe.Sizeof(cdoms)))
		defer C.free(list)
		items := unsafe.Slice((*C.virDomainPtr)(list), len(doms)+1)
		for i, d := range doms {
			items[i] = d.ptr
		}
		cdoms = (*C.virDomainPtr)(list)
	}
	var recs *C.virDomainStatsRecordPtr
	var err C.virError
	ret := C.vkgoGetAllDomainStats(c.ptr, cdoms, C.uint(statsTypes), &recs, C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	defer C.virDomainStatsRecordListFree(recs)
	out := make([]DomainStats, int(ret))
	for i := range out {
		r := C.vkgoStatsRecordAt(recs, C.int(i))
		out[i] = goDomainStats(typedParamsMap(r.params, r.nparams))
		// the list's free drops its references: keep one of our own
		C.virDomainRef(r.dom)
		out[i].Domain = &Domain{ptr: r.dom}
	}
	return out, nil
}

// DomainGuestInfo is what the guest agent tells of the guest; a group is
// nil (or empty) if it was not asked for.
type DomainGuestInfo struct {
	Users       []DomainGuestInfoUser
	OS          *DomainGuestInfoOS
	TimeZone    *DomainGuestInfoTimeZone
	HostnameSet bool
	Hostname    string
	FileSystems []DomainGuestInfoFileSystem
}

// GetGuestInfo asks the guest agent for the types of information.
func (d *Domain) GetGuestInfo(types DomainGuestInfoTypes, flags uint32) (*DomainGuestInfo, error) {
	var params C.virTypedParameterPtr
	var n C.int
	var err C.virError
	if C.vkgoDomainGetGuestInfo(d.ptr, C.uint(types), &params, &n, C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	defer C.virTypedParamsFree(params, n)
	m := typedParamsMap(params, n)
	info := &DomainGuestInfo{}
	for _, g := range indexed(m, "user.") {
		var u DomainGuestInfoUser
		u.fromTypedParams(g)
		info.Users = append(info.Users, u)
	}
	if g := subParams(m, "os."); len(g) > 0 {
		info.OS = &DomainGuestInfoOS{}
		info.OS.fromTypedParams(g)
	}
	if g := subParams(m, "timezone."); len(g) > 0 {
		info.TimeZone = &DomainGuestInfoTimeZone{}
		info.TimeZone.fromTypedParams(g)
	}
	if v, ok := m["hostname"]; ok {
		info.HostnameSet, info.Hostname = true, v.s
	}
	for _, g := range indexed(m, "fs.") {
		var fs DomainGuestInfoFileSystem
		fs.fromTypedParams(g)
		for _, dg := range indexed(g, "disk.") {
			var disk DomainGuestInfoFileSystemDisk
			disk.fromTypedParams(dg)
			fs.Disks = append(fs.Disks, disk)
		}
		info.FileSystems = append(info.FileSystems, fs)
	}
	return info, nil
}
