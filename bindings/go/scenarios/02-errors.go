// SPDX-License-Identifier: LGPL-2.1-or-later
// Errors as libvirt-go reports them (mirrors scenario_errors.py): the
// Error's Code, Domain, Level and Message, and its Error() text.
package main

import (
	"fmt"

	libvirt "libvirt.org/go/libvirt"
)

func report(label string, err error) {
	if err == nil {
		fmt.Printf("%s: no error\n", label)
		return
	}
	e, ok := err.(libvirt.Error)
	if !ok {
		fmt.Printf("%s: %T %v\n", label, err, err)
		return
	}
	fmt.Printf("%s: code=%d domain=%d level=%d message=%s\n", label, e.Code, e.Domain, e.Level, e.Message)
	fmt.Printf("%s: %s\n", label, e.Error())
}

func main() {
	conn, err := libvirt.NewConnect("test:///default")
	if err != nil {
		report("open", err)
		return
	}
	defer conn.Close()
	_, err = conn.LookupDomainByName("nosuchdomain")
	report("lookup domain", err)
	_, err = conn.LookupDomainById(4242)
	report("lookup id", err)
	_, err = conn.LookupDomainByUUIDString("not-a-uuid")
	report("lookup bad uuid", err)
	_, err = conn.LookupNetworkByName("nosuchnet")
	report("lookup network", err)
	_, err = conn.LookupStoragePoolByName("nosuchpool")
	report("lookup pool", err)
	_, err = conn.DomainDefineXML("<domain>")
	report("define bad xml", err)
	dom, err := conn.LookupDomainByName("test")
	if err != nil {
		report("lookup test", err)
		return
	}
	defer dom.Free()
	report("create running", dom.Create())
	report("resume running", dom.Resume())
	ro, err := libvirt.NewConnectReadOnly("test:///default")
	if err != nil {
		report("open ro", err)
		return
	}
	defer ro.Close()
	rd, err := ro.LookupDomainByName("test")
	if err != nil {
		report("ro lookup", err)
		return
	}
	defer rd.Free()
	report("ro destroy", rd.Destroy())
	report("ro suspend", rd.Suspend())
}
