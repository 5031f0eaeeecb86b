// SPDX-License-Identifier: LGPL-2.1-or-later
// Domain functions whose C form the generator has no rule for: arrays
// the caller sizes (CPU maps, vCPUs, disk errors, peeks), lists of C
// structs the library allocates (I/O threads, file systems, interface
// addresses, security labels), job information, per-CPU statistics and
// file descriptors.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define VKGO_CALL(expr) \
    int ret = (expr); \
    if (ret < 0) \
        virCopyLastError(err); \
    return ret

// How many CPUs the domain's host can have (sizes the CPU maps, as
// libvirt-go does: nodes x sockets x cores x threads of virNodeGetInfo).
static int
vkgoHostCPUs(virDomainPtr dom, virErrorPtr err)
{
    virNodeInfo info;
    int ret = virNodeGetInfo(virDomainGetConnect(dom), &info);

    if (ret < 0) {
        virCopyLastError(err);
        return -1;
    }
    return VIR_NODEINFO_MAXCPUS(info);
}

static int
vkgoDomainGetInfo(virDomainPtr dom, virDomainInfoPtr info, virErrorPtr err)
{
    VKGO_CALL(virDomainGetInfo(dom, info));
}

static int
vkgoDomainGetEmulatorPinInfo(virDomainPtr dom, unsigned char *map,
                             int maplen, unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainGetEmulatorPinInfo(dom, map, maplen, flags));
}

static int
vkgoDomainGetVcpuPinInfo(virDomainPtr dom, int n, unsigned char *maps,
                         int maplen, unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainGetVcpuPinInfo(dom, n, maps, maplen, flags));
}

static int
vkgoDomainGetVcpus(virDomainPtr dom, virVcpuInfoPtr info, int n,
                   unsigned char *maps, int maplen, virErrorPtr err)
{
    VKGO_CALL(virDomainGetVcpus(dom, info, n, maps, maplen));
}

static int
vkgoDomainGetIOThreadInfo(virDomainPtr dom, virDomainIOThreadInfoPtr **info,
                          unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainGetIOThreadInfo(dom, info, flags));
}

static virDomainIOThreadInfoPtr
vkgoIOThreadAt(virDomainIOThreadInfoPtr *list, int i)
{
    return list[i];
}

static int
vkgoDomainGetFSInfo(virDomainPtr dom, virDomainFSInfoPtr **info,
                    unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainGetFSInfo(dom, info, flags));
}

static virDomainFSInfoPtr
vkgoFSInfoAt(virDomainFSInfoPtr *list, int i)
{
    return list[i];
}

static int
vkgoDomainInterfaceAddresses(virDomainPtr dom, virDomainInterfacePtr **ifaces,
                             unsigned int source, virErrorPtr err)
{
    VKGO_CALL(virDomainInterfaceAddresses(dom, ifaces, source, 0));
}

static virDomainInterfacePtr
vkgoInterfaceAt(virDomainInterfacePtr *list, int i)
{
    return list[i];
}

static int
vkgoDomainGetSecurityLabelList(virDomainPtr dom, virSecurityLabelPtr *labels,
                               virErrorPtr err)
{
    VKGO_CALL(virDomainGetSecurityLabelList(dom, labels));
}

static int
vkgoDomainGetDiskErrors(virDomainPtr dom, virDomainDiskErrorPtr errors,
                        unsigned int max, unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainGetDiskErrors(dom, errors, max, flags));
}

static int
vkgoDomainGetBlockJobInfo(virDomainPtr dom, const char *disk,
                          virDomainBlockJobInfoPtr info, unsigned int flags,
                          virErrorPtr err)
{
    VKGO_CALL(virDomainGetBlockJobInfo(dom, disk, info, flags));
}

static int
vkgoDomainGetJobInfo(virDomainPtr dom, virDomainJobInfoPtr info,
                     virErrorPtr err)
{
    VKGO_CALL(virDomainGetJobInfo(dom, info));
}

static int
vkgoDomainGetJobStats(virDomainPtr dom, int *type,
                      virTypedParameterPtr *params, int *n,
                      unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainGetJobStats(dom, type, params, n, flags));
}

static int
vkgoDomainGetCPUStats(virDomainPtr dom, virTypedParameterPtr params,
                      unsigned int n, int start, unsigned int ncpus,
                      unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainGetCPUStats(dom, params, n, start, ncpus,
                                   flags | VIR_TYPED_PARAM_STRING_OKAY));
}

static virTypedParameterPtr
vkgoTypedParamAt(virTypedParameterPtr params, int i)
{
    return params + i;
}

static int
vkgoDomainBlockPeek(virDomainPtr dom, const char *disk,
                    unsigned long long offset, size_t size, void *buf,
                    unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainBlockPeek(dom, disk, offset, size, buf, flags));
}

static int
vkgoDomainMemoryPeek(virDomainPtr dom, unsigned long long start,
                     size_t size, void *buf, unsigned int flags,
                     virErrorPtr err)
{
    VKGO_CALL(virDomainMemoryPeek(dom, start, size, buf, flags));
}

static int
vkgoDomainCreateWithFiles(virDomainPtr dom, unsigned int n, int *files,
                          unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainCreateWithFiles(dom, n, files, flags));
}

static virDomainPtr
vkgoDomainCreateXMLWithFiles(virConnectPtr conn, const char *xml,
                             unsigned int n, int *files, unsigned int flags,
                             virErrorPtr err)
{
    virDomainPtr ret = virDomainCreateXMLWithFiles(conn, xml, n, files, flags);
    if (!ret)
        virCopyLastError(err);
    return ret;
}

static int
vkgoDomainFDAssociate(virDomainPtr dom, const char *name, unsigned int n,
                      int *fds, unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainFDAssociate(dom, name, n, fds, flags));
}

static int
vkgoDomainOpenGraphics(virDomainPtr dom, unsigned int idx, int fd,
                       unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainOpenGraphics(dom, idx, fd, flags));
}

static int
vkgoDomainOpenGraphicsFD(virDomainPtr dom, unsigned int idx,
                         unsigned int flags, virErrorPtr err)
{
    VKGO_CALL(virDomainOpenGraphicsFD(dom, idx, flags));
}

static int
vkgoNetworkGetDHCPLeases(virNetworkPtr net, virNetworkDHCPLeasePtr **leases,
                         virErrorPtr err)
{
    VKGO_CALL(virNetworkGetDHCPLeases(net, NULL, leases, 0));
}

static virNetworkDHCPLeasePtr
vkgoLeaseAt(virNetworkDHCPLeasePtr *list, int i)
{
    return list[i];
}
*/
import "C"

import (
	"os"
	"time"
	"unsafe"
)

// hostCPUs is the number of host CPUs, and the bytes of a map of them.
func (d *Domain) hostCPUs() (int, int, error) {
	var err C.virError
	n := C.vkgoHostCPUs(d.ptr, &err)
	if n == -1 {
		return 0, 0, makeError(&err)
	}
	return int(n), (int(n) + 7) / 8, nil
}

// GetEmulatorPinInfo answers the host CPUs the emulator threads may run on.
func (d *Domain) GetEmulatorPinInfo(flags DomainModificationImpact) ([]bool, error) {
	ncpus, maplen, e := d.hostCPUs()
	if e != nil {
		return nil, e
	}
	m := make([]byte, maplen)
	var err C.virError
	if C.vkgoDomainGetEmulatorPinInfo(d.ptr, (*C.uchar)(unsafe.Pointer(&m[0])), C.int(maplen), C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	return cpuMapBools(m, ncpus), nil
}

func (d *Domain) vcpuCount() (int, error) {
	var info C.virDomainInfo
	var err C.virError
	if C.vkgoDomainGetInfo(d.ptr, &info, &err) == -1 {
		return 0, makeError(&err)
	}
	return int(info.nrVirtCpu), nil
}

// GetVcpuPinInfo answers, for each vCPU, the host CPUs it may run on.
func (d *Domain) GetVcpuPinInfo(flags DomainModificationImpact) ([][]bool, error) {
	ncpus, maplen, e := d.hostCPUs()
	if e != nil {
		return nil, e
	}
	nvcpus, e := d.vcpuCount()
	if e != nil {
		return nil, e
	}
	m := make([]byte, maplen*nvcpus+1)
	var err C.virError
	ret := C.vkgoDomainGetVcpuPinInfo(d.ptr, C.int(nvcpus), (*C.uchar)(unsafe.Pointer(&m[0])), C.int(maplen), C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([][]bool, int(ret))
	for i := range out {
		out[i] = cpuMapBools(m[i*maplen:(i+1)*maplen], ncpus)
	}
	return out, nil
}

// DomainVcpuInfo is a vCPU's state, time and placement.
type DomainVcpuInfo struct {
	Number  uint32
	State   int32
	CpuTime uint64
	Cpu     int32
	CpuMap  []bool
}

// GetVcpus answers the state of each vCPU of a running domain.
func (d *Domain) GetVcpus() ([]DomainVcpuInfo, error) {
	ncpus, maplen, e := d.hostCPUs()
	if e != nil {
		return nil, e
	}
	nvcpus, e := d.vcpuCount()
	if e != nil {
		return nil, e
	}
	if nvcpus < 1 {
		nvcpus = 1
	}
	info := make([]C.virVcpuInfo, nvcpus)
	m := make([]byte, maplen*nvcpus+1)
	var err C.virError
	ret := C.vkgoDomainGetVcpus(d.ptr, &info[0], C.int(nvcpus), (*C.uchar)(unsafe.Pointer(&m[0])), C.int(maplen), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]DomainVcpuInfo, int(ret))
	for i := range out {
		out[i] = DomainVcpuInfo{
			Number:  uint32(info[i].number),
			State:   int32(info[i].state),
			CpuTime: uint64(info[i].cpuTime),
			Cpu:     int32(info[i].cpu),
			CpuMap:  cpuMapBools(m[i*maplen:(i+1)*maplen], ncpus),
		}
	}
	return out, nil
}

// DomainIOThreadInfo is an I/O thread and the host CPUs it may run on.
type DomainIOThreadInfo struct {
	IOThreadID uint
	CpuMap     []bool
}

// GetIOThreadInfo lists the domain's I/O threads.
func (d *Domain) GetIOThreadInfo(flags DomainModificationImpact) ([]DomainIOThreadInfo, error) {
	var list *C.virDomainIOThreadInfoPtr
	var err C.virError
	ret := C.vkgoDomainGetIOThreadInfo(d.ptr, &list, C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]DomainIOThreadInfo, int(ret))
	for i := range out {
		t := C.vkgoIOThreadAt(list, C.int(i))
		m := C.GoBytes(unsafe.Pointer(t.cpumap), t.cpumaplen)
		out[i] = DomainIOThreadInfo{IOThreadID: uint(t.iothread_id), CpuMap: cpuMapBools(m, len(m)*8)}
		C.virDomainIOThreadInfoFree(t)
	}
	C.free(unsafe.Pointer(list))
	return out, nil
}

// DomainFSInfo is a guest file system (from the guest agent).
type DomainFSInfo struct {
	MountPoint string
	Name       string
	FSType     string
	DevAlias   []string
}

// GetFSInfo lists the guest's mounted file systems.
func (d *Domain) GetFSInfo(flags uint32) ([]DomainFSInfo, error) {
	var list *C.virDomainFSInfoPtr
	var err C.virError
	ret := C.vkgoDomainGetFSInfo(d.ptr, &list, C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]DomainFSInfo, int(ret))
	for i := range out {
		fs := C.vkgoFSInfoAt(list, C.int(i))
		out[i] = DomainFSInfo{
			MountPoint: C.GoString(fs.mountpoint),
			Name:       C.GoString(fs.name),
			FSType:     C.GoString(fs.fstype),
		}
		for _, a := range unsafe.Slice(fs.devAlias, int(fs.ndevAlias)) {
			out[i].DevAlias = append(out[i].DevAlias, C.GoString(a))
		}
		C.virDomainFSInfoFree(fs)
	}
	C.free(unsafe.Pointer(list))
	return out, nil
}

// DomainIPAddress is one address of a guest interface.
type DomainIPAddress struct {
	Type   int
	Addr   string
	Prefix uint
}

// DomainInterface is a guest interface and its addresses.
type DomainInterface struct {
	Name   string
	Hwaddr string
	Addrs  []DomainIPAddress
}

// ListAllInterfaceAddresses lists the guest's interfaces and addresses,
// as src knows them (virDomainInterfaceAddresses).
func (d *Domain) ListAllInterfaceAddresses(src DomainInterfaceAddressesSource) ([]DomainInterface, error) {
	var list *C.virDomainInterfacePtr
	var err C.virError
	ret := C.vkgoDomainInterfaceAddresses(d.ptr, &list, C.uint(src), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]DomainInterface, int(ret))
	for i := range out {
		iface := C.vkgoInterfaceAt(list, C.int(i))
		out[i] = DomainInterface{Name: C.GoString(iface.name), Hwaddr: C.GoString(iface.hwaddr)}
		for _, a := range unsafe.Slice(iface.addrs, int(iface.naddrs)) {
			out[i].Addrs = append(out[i].Addrs, DomainIPAddress{
				Type: int(a._type), Addr: C.GoString(a.addr), Prefix: uint(a.prefix)})
		}
		C.virDomainInterfaceFree(iface)
	}
	C.free(unsafe.Pointer(list))
	return out, nil
}

// GetSecurityLabelList answers every security label of the domain.
func (d *Domain) GetSecurityLabelList() ([]SecurityLabel, error) {
	var labels C.virSecurityLabelPtr
	var err C.virError
	ret := C.vkgoDomainGetSecurityLabelList(d.ptr, &labels, &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	defer C.free(unsafe.Pointer(labels))
	out := make([]SecurityLabel, int(ret))
	for i, l := range unsafe.Slice(labels, int(ret)) {
		out[i] = *goSecurityLabel(&l)
	}
	return out, nil
}

// DomainDiskError is a disk and its error.
type DomainDiskError struct {
	Disk  string
	Error DomainDiskErrorCode
}

// GetDiskErrors lists the disks that have an error.
func (d *Domain) GetDiskErrors(flags uint32) ([]DomainDiskError, error) {
	var err C.virError
	n := C.vkgoDomainGetDiskErrors(d.ptr, nil, 0, C.uint(flags), &err)
	if n == -1 {
		return nil, makeError(&err)
	}
	if n == 0 {
		return []DomainDiskError{}, nil
	}
	errs := make([]C.virDomainDiskError, int(n))
	ret := C.vkgoDomainGetDiskErrors(d.ptr, &errs[0], C.uint(n), C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]DomainDiskError, int(ret))
	for i := range out {
		out[i] = DomainDiskError{Disk: C.GoString(errs[i].disk), Error: DomainDiskErrorCode(errs[i].error)}
		C.free(unsafe.Pointer(errs[i].disk))
	}
	return out, nil
}

// DomainBlockJobInfo is a block job's progress.
type DomainBlockJobInfo struct {
	Type      DomainBlockJobType
	Bandwidth uint64
	Cur       uint64
	End       uint64
}

// GetBlockJobInfo answers the progress of disk's block job (all zero if
// it has none).
func (d *Domain) GetBlockJobInfo(disk string, flags DomainBlockJobInfoFlags) (*DomainBlockJobInfo, error) {
	c_disk := C.CString(disk)
	defer C.free(unsafe.Pointer(c_disk))
	var info C.virDomainBlockJobInfo
	var err C.virError
	if C.vkgoDomainGetBlockJobInfo(d.ptr, c_disk, &info, C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	return &DomainBlockJobInfo{
		Type:      DomainBlockJobType(info._type),
		Bandwidth: uint64(info.bandwidth),
		Cur:       uint64(info.cur),
		End:       uint64(info.end),
	}, nil
}

// GetJobInfo answers the progress of the domain's job (virDomainGetJobInfo),
// as a DomainJobInfo with the fields that call gives.
func (d *Domain) GetJobInfo() (*DomainJobInfo, error) {
	var info C.virDomainJobInfo
	var err C.virError
	if C.vkgoDomainGetJobInfo(d.ptr, &info, &err) == -1 {
		return nil, makeError(&err)
	}
	return &DomainJobInfo{
		Type:           DomainJobType(info._type),
		TimeElapsedSet: true, TimeElapsed: uint64(info.timeElapsed),
		TimeRemainingSet: true, TimeRemaining: uint64(info.timeRemaining),
		DataTotalSet: true, DataTotal: uint64(info.dataTotal),
		DataProcessedSet: true, DataProcessed: uint64(info.dataProcessed),
		DataRemainingSet: true, DataRemaining: uint64(info.dataRemaining),
		MemTotalSet: true, MemTotal: uint64(info.memTotal),
		MemProcessedSet: true, MemProcessed: uint64(info.memProcessed),
		MemRemainingSet: true, MemRemaining: uint64(info.memRemaining),
		DiskTotalSet: true, DiskTotal: uint64(info.fileTotal),
		DiskProcessedSet: true, DiskProcessed: uint64(info.fileProcessed),
		DiskRemainingSet: true, DiskRemaining: uint64(info.fileRemaining),
	}, nil
}

// GetJobStats answers the job's type and statistics (virDomainGetJobStats).
func (d *Domain) GetJobStats(flags DomainGetJobStatsFlags) (*DomainJobInfo, error) {
	var typ C.int
	var params C.virTypedParameterPtr
	var n C.int
	var err C.virError
	if C.vkgoDomainGetJobStats(d.ptr, &typ, &params, &n, C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	defer C.virTypedParamsFree(params, n)
	out := &DomainJobInfo{Type: DomainJobType(typ)}
	out.fromTypedParams(typedParamsMap(params, n))
	return out, nil
}

// GetCPUStats answers the CPU times of nCpus host CPUs from startCpu
// (nCpus 0: all of them), or the domain's totals if startCpu is -1.
func (d *Domain) GetCPUStats(startCpu int, nCpus uint, flags uint32) ([]DomainCPUStats, error) {
	var err C.virError
	ncpus := C.uint(1)
	if startCpu != -1 {
		ncpus = C.uint(nCpus)
		if ncpus == 0 {
			n := C.vkgoDomainGetCPUStats(d.ptr, nil, 0, 0, 0, C.uint(flags), &err)
			if n == -1 {
				return nil, makeError(&err)
			}
			ncpus = C.uint(int(n) - startCpu)
		}
	}
	first := C.int(startCpu)
	if startCpu != -1 {
		first = 0
	}
	nparams := C.vkgoDomainGetCPUStats(d.ptr, nil, 0, first, 1, C.uint(flags), &err)
	if nparams == -1 {
		return nil, makeError(&err)
	}
	if nparams == 0 || ncpus == 0 {
		return []DomainCPUStats{}, nil
	}
	total := C.int(nparams) * C.int(ncpus)
	params := (C.virTypedParameterPtr)(C.calloc(C.size_t(total), C.size_t(unsafe.Sizeof(C.virTypedParameter{}))))
	defer C.virTypedParamsFree(params, total)
	ret := C.vkgoDomainGetCPUStats(d.ptr, params, C.uint(nparams), C.int(startCpu), ncpus, C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]DomainCPUStats, int(ncpus))
	for i := range out {
		out[i].fromTypedParams(typedParamsMap(C.vkgoTypedParamAt(params, C.int(i)*nparams), nparams))
	}
	return out, nil
}

// BlockPeek reads size bytes of disk from offset.
func (d *Domain) BlockPeek(disk string, offset uint64, size uint64, flags uint32) ([]byte, error) {
	c_disk := C.CString(disk)
	defer C.free(unsafe.Pointer(c_disk))
	buf := make([]byte, size+1)
	var err C.virError
	if C.vkgoDomainBlockPeek(d.ptr, c_disk, C.ulonglong(offset), C.size_t(size), unsafe.Pointer(&buf[0]), C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	return buf[:size], nil
}

// MemoryPeek reads size bytes of the guest's memory from start.
func (d *Domain) MemoryPeek(start uint64, size uint64, flags DomainMemoryFlags) ([]byte, error) {
	buf := make([]byte, size+1)
	var err C.virError
	if C.vkgoDomainMemoryPeek(d.ptr, C.ulonglong(start), C.size_t(size), unsafe.Pointer(&buf[0]), C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	return buf[:size], nil
}

func fileFDs(files []os.File) []C.int {
	fds := make([]C.int, len(files)+1)
	for i := range files {
		fds[i] = C.int(files[i].Fd())
	}
	return fds
}

// CreateWithFiles starts the domain, passing it files (virDomainCreateWithFiles).
func (d *Domain) CreateWithFiles(files []os.File, flags DomainCreateFlags) error {
	fds := fileFDs(files)
	var err C.virError
	if C.vkgoDomainCreateWithFiles(d.ptr, C.uint(len(files)), &fds[0], C.uint(flags), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

// DomainCreateXMLWithFiles starts a transient domain, passing it files
// (virDomainCreateXMLWithFiles).
func (c *Connect) DomainCreateXMLWithFiles(xmlConfig string, files []os.File, flags DomainCreateFlags) (*Domain, error) {
	c_xml := C.CString(xmlConfig)
	defer C.free(unsafe.Pointer(c_xml))
	fds := fileFDs(files)
	var err C.virError
	ret := C.vkgoDomainCreateXMLWithFiles(c.ptr, c_xml, C.uint(len(files)), &fds[0], C.uint(flags), &err)
	if ret == nil {
		return nil, makeError(&err)
	}
	return &Domain{ptr: ret}, nil
}

// FDAssociate hands files to the domain under name, for its disks to use
// (virDomainFDAssociate; libvirt-go-module's signature).
func (d *Domain) FDAssociate(name string, files []os.File, flags DomainFDAssociateFlags) error {
	c_name := C.CString(name)
	defer C.free(unsafe.Pointer(c_name))
	fds := fileFDs(files)
	var err C.virError
	if C.vkgoDomainFDAssociate(d.ptr, c_name, C.uint(len(files)), &fds[0], C.uint(flags), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

// OpenGraphics connects file to the domain's graphics console idx.
func (d *Domain) OpenGraphics(idx uint, file os.File, flags DomainOpenGraphicsFlags) error {
	var err C.virError
	if C.vkgoDomainOpenGraphics(d.ptr, C.uint(idx), C.int(file.Fd()), C.uint(flags), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

// OpenGraphicsFD answers a file connected to the graphics console idx.
func (d *Domain) OpenGraphicsFD(idx uint, flags DomainOpenGraphicsFlags) (*os.File, error) {
	var err C.virError
	fd := C.vkgoDomainOpenGraphicsFD(d.ptr, C.uint(idx), C.uint(flags), &err)
	if fd == -1 {
		return nil, makeError(&err)
	}
	return os.NewFile(uintptr(fd), "graphics"), nil
}

// NetworkDHCPLease is a lease the network's DHCP server gave.
type NetworkDHCPLease struct {
	Iface      string
	ExpiryTime time.Time
	Type       IPAddrType
	Mac        string
	Iaid       string
	IPaddr     string
	Prefix     uint
	Hostname   string
	Clientid   string
}

// GetDHCPLeases lists the network's DHCP leases.
func (n *Network) GetDHCPLeases() ([]NetworkDHCPLease, error) {
	var list *C.virNetworkDHCPLeasePtr
	var err C.virError
	ret := C.vkgoNetworkGetDHCPLeases(n.ptr, &list, &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	out := make([]NetworkDHCPLease, int(ret))
	for i := range out {
		l := C.vkgoLeaseAt(list, C.int(i))
		out[i] = NetworkDHCPLease{
			Iface:      C.GoString(l.iface),
			ExpiryTime: time.Unix(int64(l.expirytime), 0),
			Type:       IPAddrType(l._type),
			Mac:        C.GoString(l.mac),
			Iaid:       C.GoString(l.iaid),
			IPaddr:     C.GoString(l.ipaddr),
			Prefix:     uint(l.prefix),
			Hostname:   C.GoString(l.hostname),
			Clientid:   C.GoString(l.clientid),
		}
		C.virNetworkDHCPLeaseFree(l)
	}
	C.free(unsafe.Pointer(list))
	return out, nil
}
