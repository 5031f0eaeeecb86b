// SPDX-License-Identifier: LGPL-2.1-or-later
// Concurrency and leaks: several goroutines calling the library while
// another runs the event loop (go-test.sh runs TestConcurrent under
// `go test -race` too), and a long call loop whose Go heap and process
// RSS must not grow.

package libvirt

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// concurrentRounds is how many define/start/stop/undefine rounds each
// worker makes; VKGO_ROUNDS overrides it (go-test.sh's -race run).
func concurrentRounds() int {
	if n, err := strconv.Atoi(os.Getenv("VKGO_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 200
}

func TestConcurrent(t *testing.T) {
	if err := EventRegisterDefaultImpl(); err != nil {
		t.Fatalf("EventRegisterDefaultImpl: %v", err)
	}
	c := open(t)
	var events int64
	id, err := c.DomainEventLifecycleRegister(nil, func(cc *Connect, d *Domain, ev *DomainEventLifecycle) {
		atomic.AddInt64(&events, 1)
	})
	if err != nil {
		t.Fatalf("DomainEventLifecycleRegister: %v", err)
	}
	// the event loop goroutine
	stop := make(chan struct{})
	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := EventRunDefaultImpl(); err != nil {
				t.Errorf("EventRunDefaultImpl: %v", err)
				return
			}
		}
	}()
	// a timer keeps the loop waking up, so that it sees stop
	timer, err := EventAddTimeout(10, func(timer int) {})
	if err != nil {
		t.Fatalf("EventAddTimeout: %v", err)
	}

	const workers = 4
	rounds := concurrentRounds()
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// one connection per worker, and one shared with the others
			own, err := NewConnect("test:///default")
			if err != nil {
				errs <- err
				return
			}
			defer own.Close()
			for i := 0; i < rounds; i++ {
				conn := own
				if i%2 == 1 {
					conn = c
				}
				name := fmt.Sprintf("race-%d-%d", w, i)
				xml := strings.Replace(testDomainXML, "gotest", name, 1)
				d, err := conn.DomainDefineXML(xml)
				if err != nil {
					errs <- fmt.Errorf("define %s: %v", name, err)
					return
				}
				if err := d.Create(); err != nil {
					errs <- fmt.Errorf("create %s: %v", name, err)
				}
				if _, err := d.GetInfo(); err != nil {
					errs <- fmt.Errorf("info %s: %v", name, err)
				}
				if _, err := d.GetXMLDesc(0); err != nil {
					errs <- fmt.Errorf("xml %s: %v", name, err)
				}
				// an error on purpose: errors are per call, not shared
				if _, err := conn.LookupDomainByName(name + "-none"); err == nil {
					errs <- fmt.Errorf("lookup of a missing domain worked")
				} else if e, ok := err.(Error); !ok || e.Code != ERR_NO_DOMAIN {
					errs <- fmt.Errorf("lookup error %v", err)
				}
				d.Destroy()
				d.Undefine()
				d.Free()
				if len(errs) > 0 {
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// 4 lifecycle events a round (defined, started, stopped, undefined)
	want := int64(workers * rounds * 4)
	deadline := time.Now().Add(20 * time.Second)
	for atomic.LoadInt64(&events) < want && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	close(stop)
	<-loopDone
	if err := EventRemoveTimeout(timer); err != nil {
		t.Errorf("EventRemoveTimeout: %v", err)
	}
	if err := c.DomainEventDeregister(id); err != nil {
		t.Errorf("DomainEventDeregister: %v", err)
	}
	if got := atomic.LoadInt64(&events); got != want {
		t.Errorf("%d lifecycle events, want %d", got, want)
	}
}

// rssKiB is the process's resident set size (/proc/self/statm).
func rssKiB() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize()) / 1024
}

// TestCallLoopMemory makes 100k calls (VKGO_CALLS overrides it) of the
// kinds that allocate in C and in Go: strings the library allocates,
// handles, handle lists, structs and errors.  The Go heap and what C's
// malloc holds are measured after a warm-up, and must stay flat.
func TestCallLoopMemory(t *testing.T) {
	calls := 100000
	if n, err := strconv.Atoi(os.Getenv("VKGO_CALLS")); err == nil && n > 0 {
		calls = n
	}
	c := open(t)
	d, err := c.LookupDomainByName("test")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Free()
	one := func(i int) {
		switch i % 5 {
		case 0:
			if _, err := d.GetXMLDesc(0); err != nil {
				t.Fatal(err)
			}
		case 1:
			if _, err := d.GetInfo(); err != nil {
				t.Fatal(err)
			}
		case 2:
			doms, err := c.ListAllDomains(0)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range doms {
				x.Free()
			}
		case 3:
			if _, err := c.LookupDomainByName("no-such-domain"); err == nil {
				t.Fatal("lookup of a missing domain worked")
			}
		case 4:
			x, err := c.LookupDomainByUUIDString("6695eb01-f6a4-8304-79aa-97f2502e193f")
			if err == nil {
				x.Free()
			}
		}
	}
	type figures struct {
		heap, c uint64 // Go heap in use, C's malloc in use (KiB)
		rss     int64  // the process's resident set, KiB
	}
	measure := func() figures {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return figures{ms.HeapInuse / 1024, cHeapInUse() / 1024, rssKiB()}
	}
	// warm-up: caches, the allocator's arenas, the test driver's state
	for i := 0; i < calls/10; i++ {
		one(i)
	}
	before := measure()
	start := time.Now()
	for i := 0; i < calls; i++ {
		one(i)
	}
	took := time.Since(start)
	after := measure()
	t.Logf("%d calls in %v: Go heap in use %d -> %d KiB, C malloc in use %d -> %d KiB, RSS %d -> %d KiB",
		calls, took.Round(time.Millisecond), before.heap, after.heap, before.c, after.c,
		before.rss, after.rss)
	// A leak of even 16 bytes a call would be 1.6 MB: allow half.  RSS is
	// only reported: the Go runtime touches more of its reserved memory
	// once, whatever the calls do.
	if int64(after.c)-int64(before.c) > 800 {
		t.Errorf("C memory grew by %d KiB over %d calls", int64(after.c)-int64(before.c), calls)
	}
	if int64(after.heap)-int64(before.heap) > 800 {
		t.Errorf("Go heap grew by %d KiB over %d calls", int64(after.heap)-int64(before.heap), calls)
	}
}
