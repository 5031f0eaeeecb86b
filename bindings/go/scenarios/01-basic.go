// SPDX-License-Identifier: LGPL-2.1-or-later
// A libvirt-go program on test:///default (mirrors scenario_basic.py):
// connection, domains, networks, storage, interfaces and node devices,
// each printed.  Built against Debian's libvirt-go and run on libvirt 9.0
// it makes expected/01-basic.out.
package main

import (
	"fmt"
	"sort"

	libvirt "libvirt.org/go/libvirt"
)

const domainXML = `<domain type='test'>
  <name>goscenario</name>
  <uuid>5a5e8c21-1f3c-4b8a-9d0e-7c1b2a3d4e5f</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='i686'>hvm</type>
  </os>
</domain>
`

const volumeXML = `<volume>
  <name>goscenario.img</name>
  <capacity unit='bytes'>1048576</capacity>
</volume>
`

// show prints a value, or the libvirt error: one failing call does not
// hide the others.
func show(label string, v interface{}, err error) {
	if err != nil {
		if e, ok := err.(libvirt.Error); ok {
			fmt.Printf("%s: error code=%d domain=%d %s\n", label, e.Code, e.Domain, e.Message)
		} else {
			fmt.Printf("%s: error %v\n", label, err)
		}
		return
	}
	if s, ok := v.(string); ok {
		fmt.Printf("%s: %s\n", label, s)
		return
	}
	fmt.Printf("%s: %+v\n", label, v)
}

func run(label string, err error) {
	if err != nil {
		show(label, nil, err)
	}
}

func domainNames(doms []libvirt.Domain) []string {
	out := []string{}
	for _, d := range doms {
		n, _ := d.GetName()
		out = append(out, n)
		d.Free()
	}
	sort.Strings(out)
	return out
}

func main() {
	conn, err := libvirt.NewConnect("test:///default")
	if err != nil {
		show("open", nil, err)
		return
	}
	v, err := conn.GetURI()
	show("uri", v, err)
	v, err = conn.GetType()
	show("type", v, err)
	b, err := conn.IsAlive()
	show("alive", b, err)
	b, err = conn.IsEncrypted()
	show("encrypted", b, err)
	b, err = conn.IsSecure()
	show("secure", b, err)
	u, err := conn.GetLibVersion()
	show("lib version", u, err)
	u, err = conn.GetVersion()
	show("hv version", u, err)
	u, err = libvirt.GetVersion()
	show("module version", u, err)
	ni, err := conn.GetNodeInfo()
	show("node info", ni, err)
	i, err := conn.GetMaxVcpus("")
	show("max vcpus", i, err)
	fm, err := conn.GetFreeMemory()
	show("free memory", fm, err)
	sm, err := conn.GetSecurityModel()
	show("security model", sm, err)

	// domains
	ids, err := conn.ListDomains()
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	show("domain ids", ids, err)
	names, err := conn.ListDefinedDomains()
	show("defined domains", names, err)
	i, err = conn.NumOfDomains()
	show("num domains", i, err)
	i, err = conn.NumOfDefinedDomains()
	show("num defined", i, err)
	dom, err := conn.LookupDomainByName("test")
	if err != nil {
		show("lookup", nil, err)
		return
	}
	v, err = dom.GetName()
	show("name", v, err)
	id, err := dom.GetID()
	show("id", id, err)
	uuid, err := dom.GetUUIDString()
	show("uuid", uuid, err)
	raw, err := dom.GetUUID()
	show("uuid bytes", raw, err)
	v, err = dom.GetOSType()
	show("os type", v, err)
	info, err := dom.GetInfo()
	if info != nil {
		info.CpuTime = 0 // it moves
	}
	show("info", info, err)
	st, reason, err := dom.GetState()
	show("state", []int{int(st), reason}, err)
	mm, err := dom.GetMaxMemory()
	show("max memory", mm, err)
	b, err = dom.IsActive()
	show("active", b, err)
	b, err = dom.IsPersistent()
	show("persistent", b, err)
	b, err = dom.GetAutostart()
	show("autostart", b, err)
	if d, err := conn.LookupDomainById(uint32(id)); err == nil {
		v, err = d.GetName()
		show("by id", v, err)
		d.Free()
	} else {
		show("by id", nil, err)
	}
	if d, err := conn.LookupDomainByUUIDString(uuid); err == nil {
		v, err = d.GetName()
		show("by uuid string", v, err)
		d.Free()
	} else {
		show("by uuid string", nil, err)
	}
	if d, err := conn.LookupDomainByUUID(raw); err == nil {
		v, err = d.GetName()
		show("by uuid", v, err)
		d.Free()
	} else {
		show("by uuid", nil, err)
	}
	sp, err := dom.GetSchedulerParameters()
	show("scheduler", sp, err)
	bi, err := dom.GetBlockInfo("vda", 0)
	show("block info", bi, err)
	stream, err := conn.NewStream(0)
	show("stream", stream != nil, err)
	if stream != nil {
		stream.Free()
	}
	v, err = dom.GetXMLDesc(0)
	show("xml", v, err)
	all, err := conn.ListAllDomains(0)
	show("all domains", domainNames(all), err)
	all, err = conn.ListAllDomains(libvirt.CONNECT_LIST_DOMAINS_ACTIVE)
	show("active domains", domainNames(all), err)

	nd, err := conn.DomainDefineXML(domainXML)
	if err != nil {
		show("define", nil, err)
		return
	}
	v, err = nd.GetName()
	show("defined", v, err)
	st, reason, err = nd.GetState()
	show("defined state", []int{int(st), reason}, err)
	b, err = nd.IsActive()
	show("defined active", b, err)
	names, err = conn.ListDefinedDomains()
	show("defined domains", names, err)
	run("create", nd.Create())
	st, reason, err = nd.GetState()
	show("started state", []int{int(st), reason}, err)
	info, err = nd.GetInfo()
	if info != nil {
		info.CpuTime = 0
	}
	show("started info", info, err)
	run("suspend", nd.Suspend())
	st, reason, err = nd.GetState()
	show("suspended state", []int{int(st), reason}, err)
	run("resume", nd.Resume())
	st, reason, err = nd.GetState()
	show("resumed state", []int{int(st), reason}, err)
	run("destroy", nd.Destroy())
	st, reason, err = nd.GetState()
	show("destroyed state", []int{int(st), reason}, err)
	run("undefine", nd.Undefine())
	nd.Free()
	_, err = conn.LookupDomainByName("goscenario")
	show("after undefine", nil, err)

	// networks
	names, err = conn.ListNetworks()
	show("networks", names, err)
	names, err = conn.ListDefinedNetworks()
	show("defined networks", names, err)
	net, err := conn.LookupNetworkByName("default")
	if err != nil {
		show("net lookup", nil, err)
		return
	}
	v, err = net.GetUUIDString()
	show("net uuid", v, err)
	v, err = net.GetBridgeName()
	show("net bridge", v, err)
	b, err = net.IsActive()
	show("net active", b, err)
	b, err = net.IsPersistent()
	show("net persistent", b, err)
	b, err = net.GetAutostart()
	show("net autostart", b, err)
	v, err = net.GetXMLDesc(0)
	show("net xml", v, err)
	net.Free()

	// storage
	names, err = conn.ListStoragePools()
	show("pools", names, err)
	pool, err := conn.LookupStoragePoolByName("default-pool")
	if err != nil {
		show("pool lookup", nil, err)
		return
	}
	pi, err := pool.GetInfo()
	show("pool info", pi, err)
	b, err = pool.IsActive()
	show("pool active", b, err)
	names, err = pool.ListStorageVolumes()
	show("pool volumes", names, err)
	i, err = pool.NumOfStorageVolumes()
	show("pool num volumes", i, err)
	vol, err := pool.StorageVolCreateXML(volumeXML, 0)
	if err != nil {
		show("vol create", nil, err)
		return
	}
	v, err = vol.GetName()
	show("vol name", v, err)
	vi, err := vol.GetInfo()
	show("vol info", vi, err)
	v, err = vol.GetPath()
	show("vol path", v, err)
	v, err = vol.GetKey()
	show("vol key", v, err)
	if p2, err := vol.LookupPoolByVolume(); err == nil {
		v, err = p2.GetName()
		show("vol pool", v, err)
		p2.Free()
	} else {
		show("vol pool", nil, err)
	}
	names, err = pool.ListStorageVolumes()
	show("pool volumes", names, err)
	run("delete", vol.Delete(0))
	vol.Free()
	names, err = pool.ListStorageVolumes()
	show("pool volumes", names, err)
	v, err = pool.GetXMLDesc(0)
	show("pool xml", v, err)
	pool.Free()

	// interfaces and node devices
	names, err = conn.ListInterfaces()
	show("interfaces", names, err)
	names, err = conn.ListDevices("", 0)
	sort.Strings(names)
	show("devices", names, err)
	dom.Free()
	n, err := conn.Close()
	show("closed", n, err)
}
