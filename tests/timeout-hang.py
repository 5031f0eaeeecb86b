#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Hung calls against a virtkitd with call_timeout (tests/timeout-hang.sh).

    timeout-hang.py URI TIMEOUT PHASE

The daemon makes CONNECT_GET_CAPABILITIES (a low priority call) and
CONNECT_GET_HOSTNAME (a high priority one) hang (its test knob).
PHASE "one": one hung call while 3 other clients keep calling;
PHASE "flood": more hung calls than there are workers of both pools.
Prints TAP lines without numbers ("ok - ..."), exit status 1 on failure."""

import sys
import threading
import time

import libvirt

uri, timeout, phase = sys.argv[1], float(sys.argv[2]), sys.argv[3]
failures = 0


def report(good, what):
    global failures
    print("%s - %s" % ("ok" if good else "not ok", what))
    sys.stdout.flush()
    if not good:
        failures += 1


def silent(ctx, err):
    pass


libvirt.registerErrorHandler(silent, None)


class Hung(threading.Thread):
    """One connection making one call that hangs in the daemon."""

    def __init__(self, call):
        super().__init__()
        self.call = call
        self.conn = libvirt.open(uri)
        self.code = None
        self.msg = None
        self.secs = None

    def run(self):
        t0 = time.monotonic()
        try:
            getattr(self.conn, self.call)()
            self.code = 0
        except libvirt.libvirtError as e:
            self.code = e.get_error_code()
            self.msg = str(e)
        self.secs = time.monotonic() - t0


class Busy(threading.Thread):
    """Another client: quick calls of both priorities, in a loop."""

    def __init__(self, stop):
        super().__init__()
        self.stop = stop
        self.conn = libvirt.open(uri)
        self.calls = 0
        self.worst = 0.0
        self.errors = []

    def run(self):
        while not self.stop.is_set():
            t0 = time.monotonic()
            try:
                self.conn.getVersion()
                d = self.conn.lookupByName("test")
                d.XMLDesc(0)            # low priority
                self.conn.listAllDomains()
            except libvirt.libvirtError as e:
                self.errors.append(str(e))
                return
            self.worst = max(self.worst, time.monotonic() - t0)
            self.calls += 4


def run(nlow, nhigh, quick_bound):
    stop = threading.Event()
    busy = [Busy(stop) for i in range(3)]
    hung = [Hung("getCapabilities") for i in range(nlow)] + \
           [Hung("getHostname") for i in range(nhigh)]
    for t in busy:
        t.start()
    time.sleep(0.3)
    t0 = time.monotonic()
    for t in hung:
        t.start()
    for t in hung:
        t.join(timeout * (len(hung) + 2) + 10)
    elapsed = time.monotonic() - t0
    time.sleep(0.3)
    stop.set()
    for t in busy:
        t.join(30)

    stuck = [t for t in hung if t.is_alive()]
    report(not stuck, "%d hung calls (%d low, %d high priority) all answered "
           "(%.1f s)" % (len(hung), nlow, nhigh, elapsed))
    codes = set(t.code for t in hung)
    report(codes == {libvirt.VIR_ERR_OPERATION_TIMEOUT},
           "  each with VIR_ERR_OPERATION_TIMEOUT: %s" %
           (hung[0].msg if codes == {libvirt.VIR_ERR_OPERATION_TIMEOUT}
            else [(t.code, t.msg) for t in hung]))
    secs = sorted(t.secs or 0 for t in hung)
    report(secs[0] >= timeout - 0.2,
           "  none before call_timeout (%.1f s): %.2f .. %.2f s" %
           (timeout, secs[0], secs[-1]))
    errs = [e for t in busy for e in t.errors]
    worst = max(t.worst for t in busy)
    report(not errs and all(t.calls > 0 for t in busy) and
           worst < quick_bound,
           "  3 other clients kept being served: %d calls, slowest round "
           "%.2f s (bound %.1f s)%s" % (sum(t.calls for t in busy), worst,
                                        quick_bound,
                                        "; " + errs[0] if errs else ""))
    # the workers stuck in the hung calls were replaced: the pools serve
    # at once, also on the connections whose calls timed out
    ok = True
    t0 = time.monotonic()
    try:
        for t in hung:
            t.conn.getVersion()
            t.conn.lookupByName("test").XMLDesc(0)
    except libvirt.libvirtError as e:
        ok = False
        print("# " + str(e))
    secs = time.monotonic() - t0
    report(ok and secs < 1.0, "  afterwards the same connections are served "
           "at once (%d calls in %.2f s): workers replaced" %
           (2 * len(hung), secs))
    for t in hung:
        t.conn.close()
    for t in busy:
        t.conn.close()


if phase == "one":
    # one stuck worker of 3: the others never wait
    run(1, 0, 1.0)
else:
    # 4 + 2 hung calls, 3 + 2 workers: everyone waits at most until the
    # timeouts free the workers
    run(4, 2, timeout + 1.5)
sys.exit(1 if failures else 0)
