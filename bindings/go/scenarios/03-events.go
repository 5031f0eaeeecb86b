// SPDX-License-Identifier: LGPL-2.1-or-later
// Domain lifecycle events on the default event loop (mirrors
// scenario_events.py): define, start, suspend, resume, destroy, undefine.
package main

import (
	"fmt"
	"time"

	libvirt "libvirt.org/go/libvirt"
)

const domainXML = `<domain type='test'>
  <name>goevents</name>
  <memory unit='KiB'>65536</memory>
  <vcpu>1</vcpu>
  <os><type arch='i686'>hvm</type></os>
</domain>
`

func main() {
	if err := libvirt.EventRegisterDefaultImpl(); err != nil {
		fmt.Println("event impl:", err)
		return
	}
	conn, err := libvirt.NewConnect("test:///default")
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer conn.Close()
	type ev struct {
		name   string
		event  libvirt.DomainEventType
		detail int
	}
	events := make(chan ev, 32)
	id, err := conn.DomainEventLifecycleRegister(nil, func(c *libvirt.Connect, d *libvirt.Domain, e *libvirt.DomainEventLifecycle) {
		name, _ := d.GetName()
		events <- ev{name, e.Event, e.Detail}
	})
	if err != nil {
		fmt.Println("register:", err)
		return
	}
	fmt.Println("registered:", id >= 0)
	dom, err := conn.DomainDefineXML(domainXML)
	if err != nil {
		fmt.Println("define:", err)
		return
	}
	steps := []func() error{dom.Create, dom.Suspend, dom.Resume, dom.Destroy, dom.Undefine}
	for _, step := range steps {
		if err := step(); err != nil {
			fmt.Println("step:", err)
		}
	}
	dom.Free()
	got := 0
	deadline := time.Now().Add(10 * time.Second)
	for got < 6 && time.Now().Before(deadline) {
		select {
		case e := <-events:
			fmt.Printf("event %s %d %d\n", e.name, e.event, e.detail)
			got++
		default:
			libvirt.EventRunDefaultImpl()
		}
	}
	fmt.Println("events:", got)
	fmt.Println("deregister:", conn.DomainEventDeregister(id))
	err = conn.DomainEventDeregister(id)
	if e, ok := err.(libvirt.Error); ok {
		fmt.Printf("deregister again: code=%d domain=%d\n", e.Code, e.Domain)
	} else {
		fmt.Println("deregister again:", err)
	}
}
