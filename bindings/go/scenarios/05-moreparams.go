// SPDX-License-Identifier: LGPL-2.1-or-later
// More typed parameters as libvirt-go's structs (mirrors the second half
// of binding_params.py): NUMA, block I/O tuning, perf events, launch
// security, guest vCPUs, job statistics, the host's SEV and memory
// parameters, CPU and memory statistics, all-domain statistics, block
// copy and I/O thread parameters.  (Migrate3, MigrateToURI3 and
// SetIdentity are left out: virtkit's entry points and test driver do
// not fail them the way libvirt 9.0 does yet.)
package main

import (
	"fmt"

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

	np, err := dom.GetNumaParameters(0)
	show("numa", np, err)
	show("set numa", nil, dom.SetNumaParameters(&libvirt.DomainNumaParameters{ModeSet: true, Mode: 1}, 0))
	bt, err := dom.GetBlockIoTune("vda", 0)
	show("block iotune", bt, err)
	show("set block iotune", nil, dom.SetBlockIoTune("vda",
		&libvirt.DomainBlockIoTuneParameters{TotalBytesSecSet: true, TotalBytesSec: 1000}, 0))
	pe, err := dom.GetPerfEvents(0)
	show("perf", pe, err)
	show("set perf", nil, dom.SetPerfEvents(&libvirt.DomainPerfEvents{CmtSet: true, Cmt: true}, 0))
	pe, err = dom.GetPerfEvents(0)
	show("perf after", pe, err)
	ls, err := dom.GetLaunchSecurityInfo(0)
	show("launch security", ls, err)
	gv, err := dom.GetGuestVcpus(0)
	show("guest vcpus", gv, err)
	gi, err := dom.GetGuestInfo(0, 0)
	show("guest info", gi, err)
	js, err := dom.GetJobStats(0)
	show("job stats", js, err)
	ji, err := dom.GetJobInfo()
	show("job info", ji, err)
	sev, err := conn.GetSEVInfo(0)
	show("sev", sev, err)
	nm, err := conn.GetMemoryParameters(0)
	show("node memory parameters", nm, err)
	show("set node memory parameters", nil, conn.SetMemoryParameters(
		&libvirt.NodeMemoryParameters{ShmPagesToScanSet: true, ShmPagesToScan: 200}, 0))

	// CPU times move: which fields are there, not their values
	cs, err := dom.GetCPUStats(-1, 1, 0)
	if err == nil {
		for i, s := range cs {
			fmt.Printf("domain cpu stats total %d: cpu_time=%v user=%v system=%v vcpu=%v\n",
				i, s.CpuTimeSet, s.UserTimeSet, s.SystemTimeSet, s.VcpuTimeSet)
		}
	} else {
		show("domain cpu stats total", nil, err)
	}
	cs, err = dom.GetCPUStats(0, 0, 0)
	if err == nil {
		fmt.Printf("domain cpu stats per cpu: %d cpus\n", len(cs))
	} else {
		show("domain cpu stats per cpu", nil, err)
	}
	ns, err := conn.GetCPUStats(-1, 0)
	if err == nil {
		fmt.Printf("node cpu stats: kernel=%v user=%v idle=%v iowait=%v\n",
			ns.KernelSet, ns.UserSet, ns.IdleSet, ns.IowaitSet)
	} else {
		show("node cpu stats", nil, err)
	}
	ms, err := conn.GetMemoryStats(-1, 0)
	if err == nil {
		fmt.Printf("node memory stats: total=%v free=%v\n", ms.TotalSet, ms.FreeSet)
	} else {
		show("node memory stats", nil, err)
	}

	stats, err := conn.GetAllDomainStats(nil, 0, 0)
	if err == nil {
		for _, s := range stats {
			name, _ := s.Domain.GetName()
			fmt.Printf("all stats %s: state=%+v vcpu=%d net=%d block=%d\n",
				name, *s.State, len(s.Vcpu), len(s.Net), len(s.Block))
			s.Domain.Free()
		}
	} else {
		show("all stats", nil, err)
	}
	stats, err = conn.GetAllDomainStats([]*libvirt.Domain{dom}, libvirt.DOMAIN_STATS_STATE, 0)
	if err == nil {
		for _, s := range stats {
			name, _ := s.Domain.GetName()
			fmt.Printf("list stats %s: state=%+v\n", name, *s.State)
			s.Domain.Free()
		}
	} else {
		show("list stats", nil, err)
	}

	show("block copy", nil, dom.BlockCopy("vda", "<disk/>",
		&libvirt.DomainBlockCopyParameters{BandwidthSet: true, Bandwidth: 1}, 0))
	show("set iothread params", nil, dom.SetIOThreadParams(1,
		&libvirt.DomainSetIOThreadParams{PollMaxNsSet: true, PollMaxNs: 10}, 0))
}
