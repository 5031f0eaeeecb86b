// SPDX-License-Identifier: LGPL-2.1-or-later
// Typed parameters as libvirt-go's structs (mirrors binding_params.py):
// scheduler, memory and blkio, read, set and read again.
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
	sp, err := dom.GetSchedulerParameters()
	show("scheduler", sp, err)
	sp, err = dom.GetSchedulerParametersFlags(libvirt.DOMAIN_AFFECT_LIVE)
	show("scheduler live", sp, err)
	show("set scheduler", nil, dom.SetSchedulerParameters(&libvirt.DomainSchedulerParameters{WeightSet: true, Weight: 100}))
	sp, err = dom.GetSchedulerParameters()
	show("scheduler after", sp, err)
	mp, err := dom.GetMemoryParameters(0)
	show("memory", mp, err)
	show("set memory", nil, dom.SetMemoryParameters(&libvirt.DomainMemoryParameters{SoftLimitSet: true, SoftLimit: 1048576}, 0))
	mp, err = dom.GetMemoryParameters(0)
	show("memory after", mp, err)
	bp, err := dom.GetBlkioParameters(0)
	show("blkio", bp, err)
	show("set blkio", nil, dom.SetBlkioParameters(&libvirt.DomainBlkioParameters{WeightSet: true, Weight: 300}, 0))
	bp, err = dom.GetBlkioParameters(0)
	show("blkio after", bp, err)
	// the test driver's counters move with time: which are set, not values
	bs, err := dom.BlockStats("vda")
	if bs != nil {
		fmt.Printf("block stats set: rd_req=%v rd_bytes=%v wr_req=%v wr_bytes=%v errs=%v\n",
			bs.RdReqSet, bs.RdBytesSet, bs.WrReqSet, bs.WrBytesSet, bs.ErrsSet)
	} else {
		show("block stats", bs, err)
	}
	bs, err = dom.BlockStatsFlags("vda", 0)
	show("block stats flags", bs, err)
	ip, err := dom.GetInterfaceParameters("nosuchif", 0)
	show("interface params", ip, err)
}
