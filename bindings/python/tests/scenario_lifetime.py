# SPDX-License-Identifier: LGPL-2.1-or-later
# Handle lifetimes: objects that outlive their connection keep working and
# are freed once; 100,000 calls do not grow the process.
import gc

import libvirt


def rss_kib():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")
net = conn.networkLookupByName("default")
pool = conn.storagePoolLookupByName("default-pool")
vols = pool.listAllVolumes()
conn.close()
print("closed connection; domain still answers:", dom.name(), dom.info()[:4])
print("network still answers:", net.name(), net.isActive())
print("pool still answers:", pool.name(), [v.name() for v in vols])
del conn
gc.collect()
print("after the connection object is gone:", dom.UUIDString())
del dom, net, pool, vols
gc.collect()
print("all handles freed")

# The same domain looked up many times: every handle is freed.
conn = libvirt.open("test:///default")
for i in range(10000):
    conn.lookupByName("test")
doms = [conn.lookupByName("test") for i in range(1000)]
print("1000 live handles:", len(doms), len({d.UUIDString() for d in doms}))
del doms
gc.collect()

dom = conn.lookupByName("test")
for i in range(2000):                   # warm up allocators
    dom.info()
    conn.listAllDomains()
before = rss_kib()
for i in range(100000):
    dom.info()
    dom.XMLDesc(0)
    dom.name()
for i in range(10000):
    conn.listAllDomains()
    conn.listDefinedDomains()
    try:
        conn.lookupByName("nope")
    except libvirt.libvirtError:
        pass
grown = rss_kib() - before
print("100,000 calls grew the process by less than 2 MiB:", grown < 2048)
conn.close()
