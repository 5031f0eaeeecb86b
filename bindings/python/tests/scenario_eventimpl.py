# SPDX-License-Identifier: LGPL-2.1-or-later
# An event loop written in Python (virEventRegisterImpl): the library's
# timeouts run on it, domain events arrive through it, and Python
# callbacks added with virEventAddHandle / virEventAddTimeout fire on it;
# removed ones are freed with virEventInvokeFreeCallback.  Run on Debian's
# python3-libvirt it makes expected/scenario_eventimpl.out.
import os
import select
import time

import libvirt


class Loop:
    """A small poll loop: what an application's own loop does."""

    def __init__(self):
        self.handles = {}          # watch -> [fd, events, cb, opaque]
        self.timeouts = {}         # timer -> [ms, cb, opaque, next run]
        self.next_id = 1
        self.to_free = []
        self.calls = []            # what the library asked, in order

    def _id(self):
        self.next_id += 1
        return self.next_id - 1

    def add_handle(self, fd, events, cb, opaque):
        watch = self._id()
        self.handles[watch] = [fd, events, cb, opaque]
        self.calls.append("addHandle")
        return watch

    def update_handle(self, watch, events):
        if watch in self.handles:
            self.handles[watch][1] = events

    def remove_handle(self, watch):
        h = self.handles.pop(watch, None)
        if h is None:
            return -1
        self.to_free.append(h[3])
        self.calls.append("removeHandle")
        return 0

    def add_timeout(self, ms, cb, opaque):
        timer = self._id()
        self.timeouts[timer] = [ms, cb, opaque, time.monotonic()]
        self.calls.append("addTimeout")
        return timer

    def update_timeout(self, timer, ms):
        if timer in self.timeouts:
            self.timeouts[timer][0] = ms
            self.timeouts[timer][3] = time.monotonic()

    def remove_timeout(self, timer):
        t = self.timeouts.pop(timer, None)
        if t is None:
            return -1
        self.to_free.append(t[2])
        self.calls.append("removeTimeout")
        return 0

    def run_once(self):
        for opaque in self.to_free:
            libvirt.virEventInvokeFreeCallback(opaque)
        self.to_free = []
        poll = select.poll()
        for watch, (fd, events, cb, opaque) in self.handles.items():
            mask = 0
            if events & libvirt.VIR_EVENT_HANDLE_READABLE:
                mask |= select.POLLIN
            if events & libvirt.VIR_EVENT_HANDLE_WRITABLE:
                mask |= select.POLLOUT
            if mask:
                poll.register(fd, mask)
        ready = dict(poll.poll(10))
        for watch, (fd, events, cb, opaque) in list(self.handles.items()):
            got = 0
            if ready.get(fd, 0) & select.POLLIN:
                got |= libvirt.VIR_EVENT_HANDLE_READABLE
            if ready.get(fd, 0) & select.POLLOUT:
                got |= libvirt.VIR_EVENT_HANDLE_WRITABLE
            if got and watch in self.handles:
                cb(watch, fd, got, opaque)
        now = time.monotonic()
        for timer, t in list(self.timeouts.items()):
            ms, cb, opaque, last = t
            if ms >= 0 and now - last >= ms / 1000.0 and \
                    timer in self.timeouts:
                t[3] = now
                cb(timer, opaque)


loop = Loop()
libvirt.virEventRegisterImpl(loop.add_handle, loop.update_handle,
                             loop.remove_handle, loop.add_timeout,
                             loop.update_timeout, loop.remove_timeout)
libvirt.registerErrorHandler(lambda ctx, err: None, None)

conn = libvirt.open("test:///default")
events = []
cid = conn.domainEventRegisterAny(
    None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
    lambda c, d, event, detail, opaque: events.append(
        (d.name(), event, detail, opaque)), "lifecycle")
dom = conn.lookupByName("test")
dom.suspend()
dom.resume()
for _ in range(100):
    if len(events) >= 2:
        break
    loop.run_once()
print("domain events through the Python loop:", events)
conn.domainEventDeregisterAny(cid)

# Python callbacks on the registered loop
r, w = os.pipe()
seen = []
watch = libvirt.virEventAddHandle(
    r, libvirt.VIR_EVENT_HANDLE_READABLE,
    lambda watch, fd, ev, opaque: seen.append(
        ("handle", fd == r, ev, opaque, os.read(fd, 10))), "h-opaque")
os.write(w, b"ping")
timer = libvirt.virEventAddTimeout(
    0, lambda timer, opaque: seen.append(("timeout", opaque)), "t-opaque")
for _ in range(100):
    if ("timeout", "t-opaque") in seen and any(s[0] == "handle"
                                               for s in seen):
        break
    loop.run_once()
print("handle callback:", [s for s in seen if s[0] == "handle"][:1])
print("timeout callback:", ("timeout", "t-opaque") in seen)
print("watch and timer are ints:", isinstance(watch, int),
      isinstance(timer, int))
print("removeHandle:", libvirt.virEventRemoveHandle(watch))
print("removeTimeout:", libvirt.virEventRemoveTimeout(timer))
loop.run_once()                     # frees what was removed
print("the loop was asked to:", sorted(set(loop.calls)))
os.close(r)
os.close(w)
print("event loop calls after close:", conn.close())
