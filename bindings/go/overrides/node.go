// SPDX-License-Identifier: LGPL-2.1-or-later
// Host functions whose C form is an array the caller sizes or a struct
// list: free memory per cell, huge pages, the CPU map, CPU and memory
// statistics.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static int
vkgoNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *mems,
                           int start, int max, virErrorPtr err)
{
    int ret = virNodeGetCellsFreeMemory(conn, mems, start, max);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

static int
vkgoNodeGetFreePages(virConnectPtr conn, unsigned int npages,
                     unsigned int *pages, int start, unsigned int count,
                     unsigned long long *counts, unsigned int flags,
                     virErrorPtr err)
{
    int ret = virNodeGetFreePages(conn, npages, pages, start, count, counts,
                                  flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

static int
vkgoNodeAllocPages(virConnectPtr conn, unsigned int npages,
                   unsigned int *sizes, unsigned long long *counts,
                   int start, unsigned int count, unsigned int flags,
                   virErrorPtr err)
{
    int ret = virNodeAllocPages(conn, npages, sizes, counts, start, count,
                                flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

static int
vkgoNodeGetCPUMap(virConnectPtr conn, unsigned char **map,
                  unsigned int *online, unsigned int flags, virErrorPtr err)
{
    int ret = virNodeGetCPUMap(conn, map, online, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

// Both statistics calls: a first call for the count, then the array.
static int
vkgoNodeGetCPUStats(virConnectPtr conn, int cpu, virNodeCPUStatsPtr *params,
                    int *n, unsigned int flags, virErrorPtr err)
{
    int ret;

    *params = NULL;
    *n = 0;
    ret = virNodeGetCPUStats(conn, cpu, NULL, n, flags);
    if (ret == 0 && *n > 0) {
        *params = calloc(*n, sizeof(**params));
        ret = virNodeGetCPUStats(conn, cpu, *params, n, flags);
    }
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

static int
vkgoNodeGetMemoryStats(virConnectPtr conn, int cell,
                       virNodeMemoryStatsPtr *params, int *n,
                       unsigned int flags, virErrorPtr err)
{
    int ret;

    *params = NULL;
    *n = 0;
    ret = virNodeGetMemoryStats(conn, cell, NULL, n, flags);
    if (ret == 0 && *n > 0) {
        *params = calloc(*n, sizeof(**params));
        ret = virNodeGetMemoryStats(conn, cell, *params, n, flags);
    }
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}
*/
import "C"

import "unsafe"

// GetCellsFreeMemory answers the free memory of maxCells NUMA cells from
// startCell, in bytes (virNodeGetCellsFreeMemory).
func (c *Connect) GetCellsFreeMemory(startCell int, maxCells int) ([]uint64, error) {
	if maxCells <= 0 {
		maxCells = 1
	}
	mems := make([]C.ulonglong, maxCells)
	var err C.virError
	ret := C.vkgoNodeGetCellsFreeMemory(c.ptr, &mems[0], C.int(startCell), C.int(maxCells), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]uint64, int(ret))
	for i := range out {
		out[i] = uint64(mems[i])
	}
	return out, nil
}

func uintArray(v []uint64) []C.uint {
	out := make([]C.uint, len(v)+1)
	for i, x := range v {
		out[i] = C.uint(x)
	}
	return out
}

// GetFreePages answers, for each of maxCells cells from startCell, the
// free pages of each size in pageSizes (KiB) (virNodeGetFreePages).
func (c *Connect) GetFreePages(pageSizes []uint64, startCell int, maxCells uint, flags uint32) ([]uint64, error) {
	pages := uintArray(pageSizes)
	counts := make([]C.ulonglong, len(pageSizes)*int(maxCells)+1)
	var err C.virError
	ret := C.vkgoNodeGetFreePages(c.ptr, C.uint(len(pageSizes)), &pages[0], C.int(startCell),
		C.uint(maxCells), &counts[0], C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]uint64, int(ret))
	for i := range out {
		out[i] = uint64(counts[i])
	}
	return out, nil
}

// AllocPages sets (or adds to, with NODE_ALLOC_PAGES_ADD) the huge pages
// of each size (KiB) in pageSizes on cellCount cells from startCell
// (virNodeAllocPages); it answers how many cells it changed.
func (c *Connect) AllocPages(pageSizes map[int]int64, startCell int, cellCount uint, flags NodeAllocPagesFlags) (int, error) {
	sizes := make([]C.uint, 0, len(pageSizes)+1)
	counts := make([]C.ulonglong, 0, len(pageSizes)+1)
	for size, count := range pageSizes {
		sizes = append(sizes, C.uint(size))
		counts = append(counts, C.ulonglong(count))
	}
	n := len(sizes)
	sizes = append(sizes, 0)
	counts = append(counts, 0)
	var err C.virError
	ret := C.vkgoNodeAllocPages(c.ptr, C.uint(n), &sizes[0], &counts[0], C.int(startCell),
		C.uint(cellCount), C.uint(flags), &err)
	if ret == -1 {
		return 0, makeError(&err)
	}
	return int(ret), nil
}

// GetCPUMap answers the host's CPUs (true: online) and how many are
// online (virNodeGetCPUMap).
func (c *Connect) GetCPUMap(flags uint32) (map[int]bool, uint, error) {
	var cmap *C.uchar
	var online C.uint
	var err C.virError
	ret := C.vkgoNodeGetCPUMap(c.ptr, &cmap, &online, C.uint(flags), &err)
	if ret == -1 {
		return nil, 0, makeError(&err)
	}
	defer C.free(unsafe.Pointer(cmap))
	bits := cpuMapBools(C.GoBytes(unsafe.Pointer(cmap), (ret+7)/8), int(ret))
	out := make(map[int]bool, len(bits))
	for i, on := range bits {
		out[i] = on
	}
	return out, uint(online), nil
}

// NodeCPUStats are a host CPU's (or all CPUs') times, in ns
// (virNodeGetCPUStats).
type NodeCPUStats struct {
	KernelSet      bool
	Kernel         uint64
	UserSet        bool
	User           uint64
	IdleSet        bool
	Idle           uint64
	IowaitSet      bool
	Iowait         uint64
	IntrSet        bool
	Intr           uint64
	UtilizationSet bool
	Utilization    uint64
}

// GetCPUStats reads the times of CPU cpuNum (NODE_CPU_STATS_ALL_CPUS:
// all of them).
func (c *Connect) GetCPUStats(cpuNum int, flags uint32) (*NodeCPUStats, error) {
	var params C.virNodeCPUStatsPtr
	var n C.int
	var err C.virError
	if C.vkgoNodeGetCPUStats(c.ptr, C.int(cpuNum), &params, &n, C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	defer C.free(unsafe.Pointer(params))
	out := &NodeCPUStats{}
	for _, p := range unsafe.Slice(params, int(n)) {
		v := uint64(p.value)
		switch C.GoString(&p.field[0]) {
		case C.VIR_NODE_CPU_STATS_KERNEL:
			out.KernelSet, out.Kernel = true, v
		case C.VIR_NODE_CPU_STATS_USER:
			out.UserSet, out.User = true, v
		case C.VIR_NODE_CPU_STATS_IDLE:
			out.IdleSet, out.Idle = true, v
		case C.VIR_NODE_CPU_STATS_IOWAIT:
			out.IowaitSet, out.Iowait = true, v
		case C.VIR_NODE_CPU_STATS_INTR:
			out.IntrSet, out.Intr = true, v
		case C.VIR_NODE_CPU_STATS_UTILIZATION:
			out.UtilizationSet, out.Utilization = true, v
		}
	}
	return out, nil
}

// NodeMemoryStats are a cell's (or the host's) memory figures, in KiB
// (virNodeGetMemoryStats).
type NodeMemoryStats struct {
	TotalSet   bool
	Total      uint64
	FreeSet    bool
	Free       uint64
	BuffersSet bool
	Buffers    uint64
	CachedSet  bool
	Cached     uint64
}

// GetMemoryStats reads the memory figures of cell cellNum
// (NODE_MEMORY_STATS_ALL_CELLS: the whole host).
func (c *Connect) GetMemoryStats(cellNum int, flags uint32) (*NodeMemoryStats, error) {
	var params C.virNodeMemoryStatsPtr
	var n C.int
	var err C.virError
	if C.vkgoNodeGetMemoryStats(c.ptr, C.int(cellNum), &params, &n, C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	defer C.free(unsafe.Pointer(params))
	out := &NodeMemoryStats{}
	for _, p := range unsafe.Slice(params, int(n)) {
		v := uint64(p.value)
		switch C.GoString(&p.field[0]) {
		case C.VIR_NODE_MEMORY_STATS_TOTAL:
			out.TotalSet, out.Total = true, v
		case C.VIR_NODE_MEMORY_STATS_FREE:
			out.FreeSet, out.Free = true, v
		case C.VIR_NODE_MEMORY_STATS_BUFFERS:
			out.BuffersSet, out.Buffers = true, v
		case C.VIR_NODE_MEMORY_STATS_CACHED:
			out.CachedSet, out.Cached = true, v
		}
	}
	return out, nil
}
