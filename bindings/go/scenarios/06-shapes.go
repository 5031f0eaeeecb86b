// SPDX-License-Identifier: LGPL-2.1-or-later
// libvirt-go's own shapes on test:///default (mirrors binding_shapes.py):
// CPU maps as []bool and map[int]bool, integer arrays, struct results as
// slices of structs, file descriptors as os.File, peeks as []byte.
package main

import (
	"fmt"
	"os"

	libvirt "libvirt.org/go/libvirt"
)

func show(label string, v interface{}, err error) {
	if err != nil {
		if e, ok := err.(libvirt.Error); ok {
			fmt.Printf("%s: error code=%d domain=%d %s\n", label, e.Code, e.Domain, e.Message)
			return
		}
		fmt.Printf("%s: %v\n", label, err)
		return
	}
	fmt.Printf("%s: %+v\n", label, v)
}

func main() {
	conn, err := libvirt.NewConnect("test:///default")
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer conn.Close()
	dom, err := conn.LookupDomainByName("test")
	if err != nil {
		fmt.Println("lookup:", err)
		return
	}
	defer dom.Free()
	net, err := conn.LookupNetworkByName("default")
	if err != nil {
		fmt.Println("lookup network:", err)
		return
	}
	defer net.Free()

	// CPU maps
	// (Debian's libvirt-go reads the map's bits wrongly: only the count)
	cpus, online, err := conn.GetCPUMap(0)
	show("cpu map cpus", len(cpus), err)
	fmt.Println("cpu map online:", online)
	vcpus, err := dom.GetVcpus()
	if err == nil {
		for _, v := range vcpus {
			fmt.Printf("vcpu %d: state=%d cpu=%d map=%v\n", v.Number, v.State, v.Cpu, v.CpuMap)
		}
	} else {
		show("vcpus", nil, err)
	}
	pin, err := dom.GetVcpuPinInfo(0)
	show("vcpu pin info", pin, err)
	emu, err := dom.GetEmulatorPinInfo(0)
	show("emulator pin info", emu, err)
	show("pin vcpu", nil, dom.PinVcpu(0, []bool{true, false, true}))
	pin, err = dom.GetVcpuPinInfo(0)
	show("vcpu pin info after", pin, err)
	show("pin vcpu longer than the host", nil, dom.PinVcpu(1, make([]bool, 20)))
	show("pin vcpu flags", nil, dom.PinVcpuFlags(1, []bool{false, true}, 0))
	show("pin vcpu flags config", nil, dom.PinVcpuFlags(1, []bool{false, true}, libvirt.DOMAIN_AFFECT_CONFIG))
	pin, err = dom.GetVcpuPinInfo(0)
	show("vcpu pin info after flags", pin, err)
	show("pin emulator", nil, dom.PinEmulator([]bool{true, false}, 0))
	emu, err = dom.GetEmulatorPinInfo(0)
	show("emulator pin info after", emu, err)
	show("pin iothread", nil, dom.PinIOThread(1, []bool{true}, 0))
	iot, err := dom.GetIOThreadInfo(0)
	show("iothread info", iot, err)
	show("set vcpu", nil, dom.SetVcpu([]bool{false, true}, false, 0))
	show("set guest vcpus", nil, dom.SetGuestVcpus([]bool{true}, true, 0))

	// integer arrays
	mem, err := conn.GetCellsFreeMemory(0, 2)
	show("cells free memory", mem, err)
	mem, err = conn.GetCellsFreeMemory(1, 5)
	show("cells free memory from 1", mem, err)
	mem, err = conn.GetCellsFreeMemory(2, 1)
	show("cells free memory past the cells", mem, err)
	pages, err := conn.GetFreePages([]uint64{4, 2048}, 0, 2, 0)
	show("free pages", pages, err)
	n, err := conn.AllocPages(map[int]int64{4: 10}, 0, 1, 0)
	show("alloc pages", n, err)
	show("send key", nil, dom.SendKey(0, 10, []uint{30, 31}, 0))

	// struct results
	bj, err := dom.GetBlockJobInfo("vda", 0)
	show("block job info", bj, err)
	de, err := dom.GetDiskErrors(0)
	show("disk errors", de, err)
	fs, err := dom.GetFSInfo(0)
	show("fs info", fs, err)
	ifs, err := dom.ListAllInterfaceAddresses(libvirt.DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE)
	show("interface addresses", ifs, err)
	ifs, err = dom.ListAllInterfaceAddresses(libvirt.DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT)
	show("interface addresses agent", ifs, err)
	sl, err := dom.GetSecurityLabelList()
	show("security label list", sl, err)
	leases, err := net.GetDHCPLeases()
	show("dhcp leases", leases, err)

	// bytes, strings and files
	b, err := dom.BlockPeek("vda", 0, 16, 0)
	show("block peek", b, err)
	b, err = dom.MemoryPeek(0, 16, libvirt.MEMORY_VIRTUAL)
	show("memory peek", b, err)
	out, err := dom.QemuMonitorCommand("{\"execute\":\"query-status\"}", 0)
	show("qemu monitor command", out, err)
	// (Debian's libvirt-go needs at least one file)
	files := []os.File{*os.Stdin}
	show("create with files", nil, dom.CreateWithFiles(files, 0))
	d2, err := conn.DomainCreateXMLWithFiles("<domain type='test'/>", files, 0)
	if d2 != nil {
		d2.Free()
	}
	show("create xml with files", nil, err)
	f, err := dom.OpenGraphicsFD(0, 0)
	if f != nil {
		f.Close()
	}
	show("open graphics fd", nil, err)
}
