# SPDX-License-Identifier: LGPL-2.1-or-later
# Typed parameters as dicts, on test:///default: every getter's dict, every
# setter's dict (typed like the current parameters, or by the names the API
# knows), statistics, and the Python errors a bad dict gives.  Run on
# Debian's python3-libvirt it makes expected/binding_params.out.  Many of
# these calls are not in virtkit's test driver yet, so the test compares
# our binding with libvirt-python on libvirt 9.0 only.
import libvirt


def show(label, fn):
    """Print what fn returns, the libvirt error or the Python exception."""
    try:
        print(f"{label}: {fn()!r}")
    except libvirt.libvirtError as e:
        print(f"{label}: error code={e.get_error_code()} "
              f"domain={e.get_error_domain()} {e.get_error_message()}")
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")

# ---- the scheduler (sized by virDomainGetSchedulerType) ----
show("schedulerType", dom.schedulerType)
show("schedulerParameters", dom.schedulerParameters)
show("schedulerParametersFlags(0)", lambda: dom.schedulerParametersFlags(0))
show("schedulerParametersFlags(CONFIG)", lambda: dom.schedulerParametersFlags(
    libvirt.VIR_DOMAIN_AFFECT_CONFIG))
show("setSchedulerParameters", lambda: dom.setSchedulerParameters(
    {"weight": 100}))
show("setSchedulerParameters unknown name", lambda:
     dom.setSchedulerParameters({"bogus": 1}))
show("setSchedulerParameters str for uint", lambda:
     dom.setSchedulerParameters({"weight": "abc"}))
show("setSchedulerParameters empty", lambda: dom.setSchedulerParameters({}))
show("setSchedulerParametersFlags", lambda:
     dom.setSchedulerParametersFlags({"weight": 51}, 0))

# ---- getters that size their array with a first call ----
show("blkioParameters", lambda: dom.blkioParameters(0))
show("setBlkioParameters", lambda: dom.setBlkioParameters(
    {"weight": 600, "device_weight": ""}, 0))
show("blkioParameters after", lambda: dom.blkioParameters(0))
for value in (600.5, True, -1, 2 ** 32, 2 ** 63, None, "5", [1]):
    show(f"setBlkioParameters weight={value!r}", lambda:
         dom.setBlkioParameters({"weight": value}, 0))
show("setBlkioParameters str param given an int", lambda:
     dom.setBlkioParameters({"device_weight": 5}, 0))
show("setBlkioParameters int key", lambda: dom.setBlkioParameters({1: 1}, 0))
show("memoryParameters", lambda: dom.memoryParameters(0))
show("setMemoryParameters", lambda: dom.setMemoryParameters(
    {"hard_limit": 12345}, 0))
for value in (-5, 2 ** 64, 1.5, "x"):
    show(f"setMemoryParameters hard_limit={value!r}", lambda:
         dom.setMemoryParameters({"hard_limit": value}, 0))
show("memoryParameters after", lambda: dom.memoryParameters(0))
show("memoryParameters LIVE|CONFIG", lambda: dom.memoryParameters(3))
show("numaParameters", lambda: dom.numaParameters(0))
show("setNumaParameters", lambda: dom.setNumaParameters({"numa_mode": 1}, 0))
show("interfaceParameters", lambda: dom.interfaceParameters("vnet0", 0))
show("setInterfaceParameters", lambda: dom.setInterfaceParameters(
    "vnet0", {"inbound.average": 10}, 0))
show("blockIoTune", lambda: dom.blockIoTune("vda", 0))
show("blockIoTune None", lambda: dom.blockIoTune(None, 0))
show("setBlockIoTune", lambda: dom.setBlockIoTune(
    "vda", {"total_bytes_sec": 1000, "group_name": "g"}, 0))
show("setBlockIoTune str param given a list", lambda: dom.setBlockIoTune(
    "vda", {"group_name": [1]}, 0))
show("blockStatsFlags", lambda: dom.blockStatsFlags("vda", 0))

# ---- getters whose array the library allocates ----
show("perfEvents", lambda: dom.perfEvents(0))
for value in (True, 0, "yes", None):
    show(f"setPerfEvents cmt={value!r}", lambda:
         dom.setPerfEvents({"cmt": value}, 0))
show("perfEvents after", lambda: dom.perfEvents(0))
show("launchSecurityInfo", lambda: dom.launchSecurityInfo(0))
show("guestInfo", lambda: dom.guestInfo())
show("guestVcpus (None on failure)", lambda: dom.guestVcpus())
show("jobStats", lambda: dom.jobStats())
show("getSEVInfo", lambda: conn.getSEVInfo())
show("getMemoryParameters", lambda: conn.getMemoryParameters())
show("setMemoryParameters (node)", lambda: conn.setMemoryParameters(
    {"shm_pages_to_scan": 10}))

# ---- statistics ----
show("getCPUStats(True)", lambda: dom.getCPUStats(True))
show("getCPUStats(False)", lambda: dom.getCPUStats(False))
show("getCPUStats(1, 0)", lambda: dom.getCPUStats(1, 0))
show("node getCPUStats(-1)", lambda: conn.getCPUStats(-1))
show("node getCPUStats(0)", lambda: conn.getCPUStats(0))
show("node getMemoryStats(-1)", lambda: conn.getMemoryStats(-1))
show("getAllDomainStats", lambda: [(d.name(), s) for d, s in
                                   conn.getAllDomainStats()])
show("getAllDomainStats STATE", lambda: [
    (d.name(), s) for d, s in
    conn.getAllDomainStats(libvirt.VIR_DOMAIN_STATS_STATE,
                           libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE)])
show("domainListGetStats", lambda: [(d.name(), s) for d, s in
                                    conn.domainListGetStats([dom])])
show("domainListGetStats empty", lambda: conn.domainListGetStats([]))
show("domainListGetStats non-domain", lambda:
     conn.domainListGetStats([dom, "test"]))
try:
    stats = conn.getAllDomainStats()
except libvirt.libvirtError:
    stats = []
del conn
show("stats outlive the connection", lambda: [d.name() for d, s in stats])
conn = libvirt.open("test:///default")
dom = conn.lookupByName("test")

# ---- setters typed by the names each API knows ----
show("blockCopy", lambda: dom.blockCopy("vda", "<disk/>", {"bandwidth": 1}))
show("blockCopy None", lambda: dom.blockCopy("vda", "<disk/>", None))
show("blockCopy list", lambda: dom.blockCopy("vda", "<disk/>", [1]))
show("migrate3", lambda: dom.migrate3(conn, {"bandwidth": 1}, 0))
show("migrate3 unknown name", lambda: dom.migrate3(conn, {"bogus": 1}, 0))
show("migrate3 None", lambda: dom.migrate3(conn, None, 0))
show("migrateToURI3", lambda: dom.migrateToURI3("test:///default", {}, 0))
show("saveParams", lambda: dom.saveParams({"file": "/nonexistent/x"}))
show("saveParams list", lambda: dom.saveParams([]))
show("restoreParams", lambda: conn.restoreParams({"file": "/nonexistent"}))
show("restoreParams None", lambda: conn.restoreParams(None))
show("setIdentity", lambda: conn.setIdentity({"user-name": "x"}))
show("setIdentity None", lambda: conn.setIdentity(None))
show("setIOThreadParams", lambda: dom.setIOThreadParams(
    1, {"poll_max_ns": 10}, 0))
show("setIOThreadParams empty", lambda: dom.setIOThreadParams(1, {}, 0))
show("setIOThreadParams None", lambda: dom.setIOThreadParams(1, None, 0))
show("setLaunchSecurityState", lambda: dom.setLaunchSecurityState(
    {"sev-secret": "x"}, 0))
show("setLaunchSecurityState None", lambda:
     dom.setLaunchSecurityState(None, 0))

# Each known name with values of every kind: the conversion errors are
# Python's (or libvirt-python's) own; accepted values reach the driver.
KNOWN = [
    ("migrate3", lambda p: dom.migrate3(conn, p, 0), [
        "migrate_uri", "bandwidth", "disks_port", "migrate_disks",
        "compression", "compression.mt.level", "compression.xbzrle.cache",
        "auto_converge.initial", "parallel.connections", "disks_uri",
        "tls.destination"]),
    ("blockCopy", lambda p: dom.blockCopy("vda", "<disk/>", p, 0), [
        "bandwidth", "granularity", "buf-size", "bogus"]),
    ("setIdentity", lambda p: conn.setIdentity(p, 0), [
        "user-name", "unix-user-id", "process-id", "process-time"]),
    ("setIOThreadParams", lambda p: dom.setIOThreadParams(1, p, 0), [
        "poll_max_ns", "poll_grow", "thread_pool_min"]),
    ("setLaunchSecurityState", lambda p: dom.setLaunchSecurityState(p, 0), [
        "sev-secret", "sev-secret-set-address", "sev-policy"]),
]
VALUES = ["x", 1, -1, 1.5, True, ["a", "b"], [1], (1, 2), None, b"x",
          2 ** 31, 2 ** 64, -2 ** 63 - 1]
for api, call, names in KNOWN:
    for name in names:
        for value in VALUES:
            show(f"{api} {name}={value!r}", lambda: call({name: value}))
show("blockCopy int key", lambda: dom.blockCopy("vda", "<x/>", {1: 2}))
show("blockCopy long name", lambda: dom.blockCopy("vda", "<x/>",
                                                  {"x" * 79: 1}))
