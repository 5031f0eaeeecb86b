// SPDX-License-Identifier: LGPL-2.1-or-later
// The helpers behind the generated typed-parameter structs and CPU maps,
// event String forms, and the calls added with them on test:///default.

package libvirt

import (
	"reflect"
	"testing"
)

func TestCPUListsAndMaps(t *testing.T) {
	for s, want := range map[string][]bool{
		"0-3,^2,6": {true, true, false, true, false, false, true},
		"1":        {false, true},
		"":         {},
	} {
		if got := parseCPUList(s); !reflect.DeepEqual(got, want) {
			t.Errorf("parseCPUList(%q) = %v, want %v", s, got, want)
		}
	}
	if got := formatCPUList([]bool{true, true, false, true}); got != "0-1,3" {
		t.Errorf("formatCPUList = %q", got)
	}
	m := cpuMapBytes([]bool{true, false, true, false, false, false, false, false, true})
	if !reflect.DeepEqual(m, []byte{0x05, 0x01}) {
		t.Errorf("cpuMapBytes = %v", m)
	}
	if got := cpuMapBools(m, 10); !reflect.DeepEqual(got, []bool{true, false, true, false,
		false, false, false, false, true, false}) {
		t.Errorf("cpuMapBools = %v", got)
	}
}

// A struct's set fields go to a list and come back from it unchanged.
func TestTypedParamsRoundTrip(t *testing.T) {
	in := &DomainMigrateParameters{
		URISet: true, URI: "tcp://h", BandwidthSet: true, Bandwidth: 1 << 40,
		MigrateDisksSet: true, MigrateDisks: []string{"vda", "vdb"},
		DisksPortSet: true, DisksPort: -1,
	}
	var l typedParamList
	in.addTypedParams(&l)
	defer l.free()
	if l.n != 5 {
		t.Fatalf("%d parameters, want 5 (migrate_disks twice)", l.n)
	}
	out := &DomainMigrateParameters{}
	out.fromTypedParams(typedParamsMap(l.p, l.n))
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip: %+v, want %+v", out, in)
	}
	g := &DomainGuestVcpus{}
	var l2 typedParamList
	defer l2.free()
	(&DomainGuestVcpus{VcpusSet: true, Vcpus: []bool{true, false, true}}).addTypedParams(&l2)
	g.fromTypedParams(typedParamsMap(l2.p, l2.n))
	if !g.VcpusSet || !reflect.DeepEqual(g.Vcpus, []bool{true, false, true}) {
		t.Errorf("CPU list round trip: %+v", g)
	}
}

func TestEventStrings(t *testing.T) {
	for got, want := range map[string]string{
		DomainEventLifecycle{Event: DOMAIN_EVENT_STOPPED, Detail: 1}.String():  `Domain event="stopped" detail="destroyed"`,
		DomainEventLifecycle{Event: DOMAIN_EVENT_CRASHED}.String():             `Domain event="unknown" detail=""`,
		DomainEventIOError{SrcPath: "/p", DevAlias: "vda", Action: 2}.String(): `I/O error path="/p" alias="vda" action=2`,
		NetworkEventLifecycle{Event: 2}.String():                               `Network event="started"`,
		DomainEventGraphics{Phase: 2}.String():                                 `Graphics phase="disconnected"`,
	} {
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

func TestNewCalls(t *testing.T) {
	if err := EventRegisterDefaultImpl(); err != nil {
		t.Fatalf("EventRegisterDefaultImpl: %v", err)
	}
	c := open(t)
	d, err := c.LookupDomainByName("test")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Free()
	if cpus, online, err := c.GetCPUMap(0); err != nil || len(cpus) == 0 || online == 0 {
		t.Errorf("GetCPUMap = %v, %d, %v", cpus, online, err)
	}
	if mem, err := c.GetCellsFreeMemory(0, 2); err != nil || len(mem) != 2 {
		t.Errorf("GetCellsFreeMemory = %v, %v", mem, err)
	}
	if err := d.PinVcpu(0, []bool{true, false, true}); err != nil {
		t.Errorf("PinVcpu: %v", err)
	}
	if pin, err := d.GetVcpuPinInfo(0); err != nil || len(pin) == 0 || pin[0][1] || !pin[0][2] {
		t.Errorf("GetVcpuPinInfo = %v, %v", pin, err)
	}
	if v, err := d.GetVcpus(); err != nil || len(v) == 0 {
		t.Errorf("GetVcpus = %v, %v", v, err)
	}
	if fs, err := d.GetFSInfo(0); err != nil || len(fs) == 0 || fs[0].MountPoint != "/" {
		t.Errorf("GetFSInfo = %+v, %v", fs, err)
	}
	stats, err := c.GetAllDomainStats(nil, DOMAIN_STATS_STATE, 0)
	if err != nil || len(stats) == 0 || stats[0].State == nil || !stats[0].State.StateSet {
		t.Fatalf("GetAllDomainStats = %+v, %v", stats, err)
	}
	for _, s := range stats {
		s.Domain.Free()
	}
	pe, err := d.GetPerfEvents(0)
	if err != nil || !pe.CmtSet {
		t.Errorf("GetPerfEvents = %+v, %v", pe, err)
	}
	// newer than Debian's libvirt-go (libvirt-go-module's signatures):
	// they must fail cleanly on what the test driver refuses
	if err := d.SaveParams(DomainSaveRestoreParams{FileSet: true, File: "/nonexistent/x"}, 0); err == nil {
		t.Errorf("SaveParams to a missing directory worked")
	}
	if err := d.FDAssociate("x", nil, 0); err == nil {
		t.Errorf("FDAssociate with no files worked")
	}
	// an event the test driver does not send: registering still works
	id, err := c.DomainEventMemoryFailureRegister(nil, func(c *Connect, d *Domain, e *DomainEventMemoryFailure) {})
	if err != nil {
		t.Errorf("DomainEventMemoryFailureRegister: %v", err)
	} else if err := c.DomainEventDeregister(id); err != nil {
		t.Errorf("DomainEventDeregister: %v", err)
	}
	if _, err := c.DomainQemuMonitorEventRegister(nil, "", func(c *Connect, d *Domain, e *DomainQemuMonitorEvent) {}, 0); err == nil {
		t.Errorf("DomainQemuMonitorEventRegister worked on the test driver")
	}
}
