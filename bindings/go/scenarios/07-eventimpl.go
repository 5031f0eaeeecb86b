// SPDX-License-Identifier: LGPL-2.1-or-later
// An event loop written in Go (EventRegisterImpl, mirrors
// scenario_eventimpl.py): the library's timeouts run on it, domain events
// arrive through it, and Go callbacks added with EventAddHandle /
// EventAddTimeout fire on it; removed ones are freed.
package main

import (
	"fmt"
	"os"
	"sort"
	"syscall"
	"time"

	libvirt "libvirt.org/go/libvirt"
)

type handle struct {
	fd     int
	events libvirt.EventHandleType
	cb     *libvirt.EventHandleCallbackInfo
}

type timeout struct {
	ms   int
	cb   *libvirt.EventTimeoutCallbackInfo
	last time.Time
}

// loop is a small poll loop: what an application's own loop does.  The
// library calls it from the thread that makes a call, so it only
// records; runOnce makes the callbacks.  (Removed callbacks are not
// freed: Debian's libvirt-go calls a missing free function.)
type loop struct {
	handles  map[int]*handle
	timeouts map[int]*timeout
	nextID   int
	calls    map[string]bool
}

func (l *loop) id() int {
	l.nextID++
	return l.nextID
}

func (l *loop) AddHandleFunc(fd int, event libvirt.EventHandleType, cb *libvirt.EventHandleCallbackInfo) int {
	w := l.id()
	l.handles[w] = &handle{fd, event, cb}
	l.calls["addHandle"] = true
	return w
}

func (l *loop) UpdateHandleFunc(watch int, event libvirt.EventHandleType) {
	if h, ok := l.handles[watch]; ok {
		h.events = event
	}
}

func (l *loop) RemoveHandleFunc(watch int) int {
	if _, ok := l.handles[watch]; !ok {
		return -1
	}
	delete(l.handles, watch)
	l.calls["removeHandle"] = true
	return 0
}

func (l *loop) AddTimeoutFunc(freq int, cb *libvirt.EventTimeoutCallbackInfo) int {
	t := l.id()
	l.timeouts[t] = &timeout{freq, cb, time.Now()}
	l.calls["addTimeout"] = true
	return t
}

func (l *loop) UpdateTimeoutFunc(timer int, freq int) {
	if t, ok := l.timeouts[timer]; ok {
		t.ms = freq
		t.last = time.Now()
	}
}

func (l *loop) RemoveTimeoutFunc(timer int) int {
	if _, ok := l.timeouts[timer]; !ok {
		return -1
	}
	delete(l.timeouts, timer)
	l.calls["removeTimeout"] = true
	return 0
}

func (l *loop) runOnce() {
	var rset syscall.FdSet
	max := -1
	for _, h := range l.handles {
		if h.events&libvirt.EVENT_HANDLE_READABLE != 0 {
			rset.Bits[h.fd/64] |= 1 << uint(h.fd%64)
			if h.fd > max {
				max = h.fd
			}
		}
	}
	tv := syscall.Timeval{Usec: 10000}
	if max >= 0 {
		syscall.Select(max+1, &rset, nil, nil, &tv)
	} else {
		time.Sleep(10 * time.Millisecond)
	}
	for w, h := range l.handles {
		if max >= 0 && rset.Bits[h.fd/64]&(1<<uint(h.fd%64)) != 0 {
			h.cb.Invoke(w, h.fd, libvirt.EVENT_HANDLE_READABLE)
		}
	}
	now := time.Now()
	for id, t := range l.timeouts {
		if t.ms >= 0 && now.Sub(t.last) >= time.Duration(t.ms)*time.Millisecond {
			t.last = now
			t.cb.Invoke(id)
		}
	}
}

func main() {
	l := &loop{handles: map[int]*handle{}, timeouts: map[int]*timeout{}, calls: map[string]bool{}}
	libvirt.EventRegisterImpl(l)

	conn, err := libvirt.NewConnect("test:///default")
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	var events []string
	id, err := conn.DomainEventLifecycleRegister(nil, func(c *libvirt.Connect, d *libvirt.Domain, ev *libvirt.DomainEventLifecycle) {
		name, _ := d.GetName()
		events = append(events, fmt.Sprintf("(%s %d %d)", name, ev.Event, ev.Detail))
	})
	if err != nil {
		fmt.Println("register:", err)
		return
	}
	dom, _ := conn.LookupDomainByName("test")
	dom.Suspend()
	dom.Resume()
	dom.Free()
	for i := 0; i < 100 && len(events) < 2; i++ {
		l.runOnce()
	}
	fmt.Println("domain events through the Go loop:", events)
	conn.DomainEventDeregister(id)

	// Go callbacks on the registered loop
	var p [2]int
	syscall.Pipe(p[:])
	var seen []string
	watch, err := libvirt.EventAddHandle(p[0], libvirt.EVENT_HANDLE_READABLE, func(watch int, fd int, ev libvirt.EventHandleType) {
		buf := make([]byte, 10)
		n, _ := syscall.Read(fd, buf)
		seen = append(seen, fmt.Sprintf("handle %v %d %s", fd == p[0], ev, buf[:n]))
	})
	fmt.Println("add handle error:", err)
	syscall.Write(p[1], []byte("ping"))
	timerSeen := false
	timer, err := libvirt.EventAddTimeout(0, func(timer int) { timerSeen = true })
	fmt.Println("add timeout error:", err)
	for i := 0; i < 100 && !(timerSeen && len(seen) > 0); i++ {
		l.runOnce()
	}
	if len(seen) > 0 {
		fmt.Println("handle callback:", seen[0])
	}
	fmt.Println("timeout callback:", timerSeen)
	fmt.Println("watch and timer are positive:", watch > 0, timer > 0)
	fmt.Println("remove handle:", libvirt.EventRemoveHandle(watch))
	fmt.Println("remove timeout:", libvirt.EventRemoveTimeout(timer))
	l.runOnce()
	var calls []string
	for c := range l.calls {
		calls = append(calls, c)
	}
	sort.Strings(calls)
	fmt.Println("the loop was asked to:", calls)
	os.NewFile(uintptr(p[0]), "r").Close()
	os.NewFile(uintptr(p[1]), "w").Close()
	n, err := conn.Close()
	fmt.Println("close:", n, err)
}
