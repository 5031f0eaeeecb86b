// SPDX-License-Identifier: LGPL-2.1-or-later
// Domain statistics whose C form is a struct or an array of them:
// InterfaceStats (virDomainInterfaceStats) and MemoryStats
// (virDomainMemoryStats).

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include "vkgo.h"
*/
import "C"

import "unsafe"

// DomainInterfaceStats are an interface's traffic counters.
type DomainInterfaceStats struct {
	RxBytesSet   bool
	RxBytes      int64
	RxPacketsSet bool
	RxPackets    int64
	RxErrsSet    bool
	RxErrs       int64
	RxDropSet    bool
	RxDrop       int64
	TxBytesSet   bool
	TxBytes      int64
	TxPacketsSet bool
	TxPackets    int64
	TxErrsSet    bool
	TxErrs       int64
	TxDropSet    bool
	TxDrop       int64
}

// InterfaceStats reads path's counters; like libvirt-go, every XxxSet is
// true.
func (d *Domain) InterfaceStats(path string) (*DomainInterfaceStats, error) {
	c_path := C.CString(path)
	defer C.free(unsafe.Pointer(c_path))
	var s C.virDomainInterfaceStatsStruct
	var err C.virError
	if C.vkgoDomainInterfaceStats(d.ptr, c_path, &s, &err) == -1 {
		return nil, makeError(&err)
	}
	return &DomainInterfaceStats{
		RxBytesSet: true, RxBytes: int64(s.rx_bytes),
		RxPacketsSet: true, RxPackets: int64(s.rx_packets),
		RxErrsSet: true, RxErrs: int64(s.rx_errs),
		RxDropSet: true, RxDrop: int64(s.rx_drop),
		TxBytesSet: true, TxBytes: int64(s.tx_bytes),
		TxPacketsSet: true, TxPackets: int64(s.tx_packets),
		TxErrsSet: true, TxErrs: int64(s.tx_errs),
		TxDropSet: true, TxDrop: int64(s.tx_drop),
	}, nil
}

// DomainMemoryStat is one memory statistic: its tag
// (DomainMemoryStatTags) and value.
type DomainMemoryStat struct {
	Tag int32
	Val uint64
}

// MemoryStats reads at most nrStats memory statistics.
func (d *Domain) MemoryStats(nrStats uint32, flags uint32) ([]DomainMemoryStat, error) {
	stats := make([]C.virDomainMemoryStatStruct, nrStats+1)
	var err C.virError
	ret := C.vkgoDomainMemoryStats(d.ptr, &stats[0], C.uint(nrStats), C.uint(flags), &err)
	if ret == -1 {
		return []DomainMemoryStat{}, makeError(&err)
	}
	out := make([]DomainMemoryStat, 0, int(ret))
	for i := 0; i < int(ret); i++ {
		out = append(out, DomainMemoryStat{Tag: int32(stats[i].tag), Val: uint64(stats[i].val)})
	}
	return out, nil
}

// GetMaxCPUs is the number of CPUs the node's topology can hold.
func (ni *NodeInfo) GetMaxCPUs() uint32 {
	return ni.Nodes * ni.Sockets * ni.Cores * ni.Threads
}
