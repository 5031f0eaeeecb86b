#!/usr/bin/python3
# The real-guest scenario of tests/qemu-guest.sh (which prepares the guest
# files and the configuration in $VIRTKIT_TMP): virtkitd's QEMU driver
# driven through libvirt's Python API on our library.  Prints TAP.
import os
import re
import signal
import subprocess
import sys
import threading
import time

import libvirt

tmp = os.environ["VIRTKIT_TMP"]
netns = os.environ.get("VIRTKIT_NETNS", "")
innetns = ["ip", "netns", "exec", netns] if netns else []
daemon = os.environ["VIRTKIT_DAEMON"]
uri = "qemu+unix:///system?socket=%s/sock/libvirt-sock" % tmp
kernel = tmp + "/vmlinuz"
XATTR = "trusted.libvirt.security."

n = 0


def ok(cond, name, diag=None):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, name), flush=True)
    if not cond and diag is not None:
        for line in str(diag).splitlines():
            print("# " + line)
    return cond


def skip(why):
    global n
    n += 1
    print("ok %d # SKIP %s" % (n, why), flush=True)


def wait_for(pred, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return True
        time.sleep(0.1)
    return pred()


def owner(path):
    st = os.stat(path)
    return "%d:%d" % (st.st_uid, st.st_gid)


def xattr(path, name):
    try:
        return os.getxattr(path, XATTR + name).decode()
    except OSError:
        return None


def serial(name):
    try:
        with open("%s/%s-serial.log" % (tmp, name)) as f:
            return f.read()
    except OSError:
        return ""


daemon_proc = None


def start_daemon():
    global daemon_proc
    log = open(tmp + "/daemon.log", "a")
    daemon_proc = subprocess.Popen(innetns + [daemon, "-f", tmp + "/virtkitd.conf",
                                    "-p", tmp + "/pid"],
                                   stdout=log, stderr=log)
    return wait_for(lambda: os.path.exists(tmp + "/sock/libvirt-sock"), 10)


def kill_daemon():
    daemon_proc.send_signal(signal.SIGKILL)
    daemon_proc.wait()
    os.unlink(tmp + "/sock/libvirt-sock")


libvirt.virEventRegisterDefaultImpl()
libvirt.registerErrorHandler(lambda ctx, err: None, None)


def event_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


threading.Thread(target=event_loop, daemon=True).start()

events = []


def connect():
    conn = libvirt.open(uri)
    conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        lambda c, d, e, det, o: events.append((d.name(), e, det)), None)
    conn.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT,
        lambda c, d, o: events.append((d.name(), "reboot")), None)
    return conn


def seen(name, event, detail, timeout=10):
    return wait_for(lambda: (name, event, detail) in events, timeout)


def guest_xml(name, uuid, nics=""):
    return """<domain type='qemu'>
  <name>%(name)s</name>
  <uuid>%(uuid)s</uuid>
  <memory unit='MiB'>96</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>%(tmp)s/vmlinuz</kernel>
    <initrd>%(tmp)s/initrd.gz</initrd>
    <cmdline>console=ttyS0 quiet panic=-1</cmdline>
  </os>
  <features><acpi/></features>
  <devices>
    <serial type='file'><source path='%(tmp)s/%(name)s-serial.log'/></serial>
    <serial type='pty'/>
    <console type='file'><source path='%(tmp)s/%(name)s-serial.log'/><target type='serial'/></console>
    <interface type='user'><model type='virtio'/></interface>
    %(nics)s
    <memballoon model='none'/>
  </devices>
</domain>
""" % {"name": name, "uuid": uuid, "tmp": tmp, "nics": nics}


E = libvirt
ok(start_daemon(), "virtkitd serves its socket")
conn = connect()
ok(conn.getType() == "QEMU", "qemu:///system is the QEMU driver")
caps = conn.getCapabilities()
ok("<domain type='qemu'/>" in caps and
   "<machine canonical='pc-i440fx-" in caps and
   "<baselabel type='qemu'>+107:+107</baselabel>" in caps,
   "capabilities: machines probed from QEMU, DAC base label", caps)
ok(conn.getVersion() >= 6000000, "hypervisor version %d" % conn.getVersion())
info = conn.getInfo()
ok(info[0] == os.uname().machine and info[1] > 0 and info[2] == os.cpu_count(),
   "node info: %s" % info)

g1 = conn.defineXML(guest_xml("g1", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b0001"))
ok(os.path.exists(tmp + "/state/qemu/g1.xml"), "define writes state_dir/qemu/g1.xml")
ok(g1.state()[0] == E.VIR_DOMAIN_SHUTOFF, "g1 defined, shut off")
ok(g1.vcpusFlags(E.VIR_DOMAIN_AFFECT_CONFIG) == 1 and
   g1.vcpusFlags(E.VIR_DOMAIN_AFFECT_CONFIG | E.VIR_DOMAIN_VCPU_MAXIMUM) == 1,
   "vCPU counts of the config")
ok("machine='pc-i440fx-" in g1.XMLDesc(0), "machine 'pc' stored as QEMU's "
   "canonical name")
ok(owner(kernel) == "1234:5678" and xattr(kernel, "dac") is None,
   "the kernel is untouched before start")



def fails(name, call, text):
    try:
        call()
        ok(False, name + " (no error)")
    except libvirt.libvirtError as e:
        ok(text in str(e), name, "got: %s" % e)


fails("suspend of a shut off domain",
      g1.suspend, "Requested operation is not valid: domain is not running")
fails("a virt type QEMU cannot run is refused at define",
      lambda: conn.defineXML(guest_xml("x", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b00ff")
                             .replace("type='qemu'", "type='xen'")),
      "does not support virt type 'xen'")
fails("unsupported graphics are refused at define",
      lambda: conn.defineXML(guest_xml("x", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b00ff",
                                       "<graphics type='spice'/>")),
      "graphics type 'spice' is not supported")
fails("a second domain with g1's name is refused",
      lambda: conn.defineXML(guest_xml("g1", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b00ff")),
      "domain 'g1' already exists with uuid")
fails("a machine type QEMU lacks is refused",
      lambda: conn.defineXML(guest_xml("x", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b00ff")
                             .replace("machine='pc'", "machine='bogus'")),
      "does not support machine type 'bogus'")
fails("malformed XML is refused",
      lambda: conn.defineXML("<domain type='qemu'><name>x</name>"),
      "Premature end of data")
if not os.path.exists("/dev/kvm"):
    fails("type kvm without /dev/kvm is refused at start",
          lambda: conn.createXML(guest_xml("k", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b00fe")
                                 .replace("type='qemu'", "type='kvm'"), 0),
          "needs /dev/kvm")
    ok(owner(kernel) == "1234:5678" and xattr(kernel, "dac") is None,
       "a refused start leaves the kernel alone")
else:
    # QEMU's user (107 here) may lack access to /dev/kvm: then QEMU's
    # own refusal must come back.
    try:
        k = conn.createXML(guest_xml("k", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b00fe")
                           .replace("type='qemu'", "type='kvm'"),
                           E.VIR_DOMAIN_START_PAUSED)
        ok("-accel kvm" in open(tmp + "/run/qemu/log/k.log").read(),
           "type kvm runs QEMU with -accel kvm")
        k.destroy()
    except libvirt.libvirtError as e:
        ok("-accel kvm" in open(tmp + "/run/qemu/log/k.log").read() and
           "kvm" in str(e), "type kvm: QEMU with -accel kvm, its refusal "
           "reported", e)
    ok(owner(kernel) == "1234:5678" and xattr(kernel, "dac") is None,
       "the kvm guest gave the kernel back")

with open(tmp + "/bad.qcow2", "wb") as fh:
    fh.write(b"not a qcow2 image")
t1 = time.time()
fails("QEMU's own complaint is reported when it cannot start",
      lambda: conn.createXML(guest_xml("bad", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b00fd",
                                       "<disk type='file'><driver name='qemu' type='qcow2'/>"
                                       "<source file='%s/bad.qcow2'/>"
                                       "<target dev='vdz' bus='virtio'/></disk>" % tmp), 0),
      "process exited while connecting to monitor")
ok(time.time() - t1 < 20, "... and quickly (%.1f s)" % (time.time() - t1))
ok(owner(kernel) == "1234:5678" and xattr(kernel, "dac") is None,
   "a failed start gives the kernel back")

t0 = time.time()
g1.create()
fails("starting a running domain", g1.create, "domain is already running")
ok(g1.isActive() and g1.ID() > 0, "g1 started (id %d)" % g1.ID())
ok(owner(kernel) == "107:107", "kernel handed to qemu.conf's user:group")
ok(xattr(kernel, "dac") == "+1234:+5678" and xattr(kernel, "ref_dac") == "1",
   "remembered owner +1234:+5678, refcount 1",
   "%s %s" % (xattr(kernel, "dac"), xattr(kernel, "ref_dac")))
ok(seen("g1", E.VIR_DOMAIN_EVENT_STARTED, E.VIR_DOMAIN_EVENT_STARTED_BOOTED),
   "STARTED/BOOTED event")
up = wait_for(lambda: "VIRTKIT-GUEST-UP" in serial("g1"), 90)
ok(up, "guest marker on the serial log after %.1f s" % (time.time() - t0),
   open(tmp + "/run/qemu/log/g1.log").read()[-2000:] if not up else None)

g1.suspend()
ok(g1.state() == [E.VIR_DOMAIN_PAUSED, E.VIR_DOMAIN_PAUSED_USER], "suspend: paused (user)")
ok(seen("g1", E.VIR_DOMAIN_EVENT_SUSPENDED, E.VIR_DOMAIN_EVENT_SUSPENDED_PAUSED),
   "SUSPENDED event")
g1.resume()
ok(g1.state() == [E.VIR_DOMAIN_RUNNING, E.VIR_DOMAIN_RUNNING_UNPAUSED], "resume: running (unpaused)")
ok(seen("g1", E.VIR_DOMAIN_EVENT_RESUMED, E.VIR_DOMAIN_EVENT_RESUMED_UNPAUSED),
   "RESUMED event")


def console_text(dom, devname, seconds):
    st = conn.newStream(0)
    dom.openConsole(devname, st, 0)
    data = b""
    end = time.time() + seconds
    while time.time() < end and b"VIRTKIT-CONSOLE" not in data:
        data += st.recv(4096)
    st.abort()
    return data.decode(errors="replace")


ok("VIRTKIT-CONSOLE" in console_text(g1, "serial1", 10),
   "console on the pty serial1 shows what the guest writes")
try:
    g1.openConsole(None, conn.newStream(0), 0)
    ok(False, "console on a file serial is refused")
except libvirt.libvirtError as e:
    ok("is not using a PTY" in str(e), "console on a file serial is refused", e)
ok("/dev/pts/" in g1.XMLDesc(0), "live XML shows the pty path")
ok("<kernel>%s</kernel>" % kernel in g1.XMLDesc(0) and "id='%d'" % g1.ID() in g1.XMLDesc(0),
   "live XML shows the id")

# A second guest on the same kernel: the refcount goes 2, then back to 1.
nics = ("<interface type='bridge'><source bridge='vkbr0'/>"
        "<mac address='52:54:00:00:00:21'/><model type='virtio'/></interface>"
        "<interface type='ethernet'><model type='e1000'/></interface>"
        if netns else "")
g2 = conn.createXML(guest_xml("g2", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b0002",
                              nics), E.VIR_DOMAIN_START_PAUSED)
ok(g2.state()[0] == E.VIR_DOMAIN_PAUSED, "transient g2 started paused")
fails("undefine of a transient domain", g2.undefine,
      "cannot undefine transient domain")


def links(*args):
    return subprocess.run(innetns + ["ip", "-o", "link", "show"] + list(args),
                          capture_output=True, text=True).stdout


if netns:
    xml = g2.XMLDesc(0)
    taps = [l.split("'")[1] for l in xml.splitlines() if "<target dev=" in l]
    ok(len(taps) == 2, "the bridge and ethernet interfaces got taps %s" % taps,
       xml)
    ok(len(taps) == 2 and taps[0] in links("master", "vkbr0") and
       "fe:54:00:00:00:21" in links("dev", taps[0]),
       "the bridge's tap is a port of vkbr0, MAC fe:54:00:00:00:21",
       links())
    ok(len(taps) == 2 and "UP" in links("dev", taps[1]),
       "the ethernet tap is up", links())
else:
    for i in range(3):
        skip("no network namespace for tap tests")
ok(xattr(kernel, "ref_dac") == "2" and owner(kernel) == "107:107",
   "shared kernel: refcount 2")
g2.destroy()
ok(xattr(kernel, "ref_dac") == "1" and owner(kernel) == "107:107",
   "g2 destroyed: refcount 1, still QEMU's")
if netns:
    ok(wait_for(lambda: not any(t in links() for t in taps), 5),
       "g2's taps went with its QEMU", links())
else:
    skip("no network namespace for tap tests")
ok(seen("g2", E.VIR_DOMAIN_EVENT_STOPPED, E.VIR_DOMAIN_EVENT_STOPPED_DESTROYED),
   "STOPPED/DESTROYED event")
try:
    conn.lookupByName("g2")
    ok(False, "a destroyed transient domain is gone")
except libvirt.libvirtError as e:
    ok(e.get_error_code() == E.VIR_ERR_NO_DOMAIN, "a destroyed transient domain is gone")

# g3 (disks on virtio and sata, VNC) runs paused while the daemon is
# killed; its QEMU dies meanwhile.
for f in ("disk.raw", "cd.iso"):
    with open("%s/%s" % (tmp, f), "wb") as fh:
        fh.truncate(1024 * 1024)
    os.chown("%s/%s" % (tmp, f), 4321, 4321)
devs = """<disk type='file' device='disk'><driver name='qemu' type='raw'/>
  <source file='%(tmp)s/disk.raw'/><target dev='vda' bus='virtio'/></disk>
<disk type='file' device='cdrom'><driver name='qemu' type='raw'/>
  <source file='%(tmp)s/cd.iso'/><target dev='sda' bus='sata'/><readonly/></disk>
<graphics type='vnc' autoport='yes' listen='127.0.0.1'/>""" % {"tmp": tmp}
g3 = conn.createXML(guest_xml("g3", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b0003", devs),
                    E.VIR_DOMAIN_START_PAUSED)
ok(xattr(kernel, "ref_dac") == "2", "g3 started: refcount 2")
ok(owner(tmp + "/disk.raw") == "107:107" and
   xattr(tmp + "/disk.raw", "dac") == "+4321:+4321",
   "g3's disk handed to QEMU, owner remembered")
ok(owner(tmp + "/cd.iso") == "107:107" and xattr(tmp + "/cd.iso", "dac") is None,
   "g3's read-only cdrom relabelled, owner not remembered")
m = re.search(r"-vnc 127\.0\.0\.1:(\d+)", open(tmp + "/run/qemu/log/g3.log").read())
port = 5900 + int(m.group(1)) if m else None
ok(m and "<graphics type='vnc' port='%d' autoport='yes'" % port in g3.XMLDesc(0),
   "g3 runs with a VNC display; the live XML shows the port autoport picked",
   g3.XMLDesc(0))
ok("<graphics type='vnc' port='-1' autoport='yes'" in
   g3.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE), "... and -1 in the inactive XML")
pid1 = int(open(tmp + "/run/qemu/g1.pid").read())
pid3 = int(open(tmp + "/run/qemu/g3.pid").read())

g4 = conn.defineXML(guest_xml("g4", "5a0ba8cb-7c35-4c0e-9b1c-2a6b4f2b0004"))
g4.setAutostart(1)
ok(g4.autostart() == 1 and os.path.islink(tmp + "/state/qemu/autostart/g4.xml"),
   "autostart marks g4")
fails("autostart of a transient domain", lambda: g3.setAutostart(1),
      "cannot set autostart for transient domain")

kill_daemon()
os.kill(pid3, signal.SIGKILL)
ok(start_daemon(), "virtkitd restarted after SIGKILL")
conn = connect()
g1 = conn.lookupByName("g1")
ok(g1.state()[0] == E.VIR_DOMAIN_RUNNING and
   int(open(tmp + "/run/qemu/g1.pid").read()) == pid1,
   "the restarted daemon found g1 running (same pid)")
try:
    conn.lookupByName("g3")
    ok(False, "g3, whose QEMU died, is gone")
except libvirt.libvirtError:
    ok(True, "g3, whose QEMU died, is gone")
ok(owner(tmp + "/disk.raw") == "4321:4321" and
   xattr(tmp + "/disk.raw", "dac") is None, "g3's disk owner restored")
ok(owner(tmp + "/cd.iso") == "107:107",
   "g3's read-only cdrom is never restored, as in libvirt")
g1.suspend()
g1.resume()
ok(g1.state()[0] == E.VIR_DOMAIN_RUNNING, "the reconnected monitor works")
g4 = conn.lookupByName("g4")
ok(g4.isActive() and g4.autostart() == 1, "the restarted daemon autostarted g4")
ok(xattr(kernel, "ref_dac") == "2", "g1 and g4 hold the kernel: refcount 2",
   xattr(kernel, "ref_dac"))
g4.destroy()
ok(xattr(kernel, "ref_dac") == "1",
   "g3's reference was given back when its death was noticed: refcount 1",
   xattr(kernel, "ref_dac"))
g4.setAutostart(0)
g4.undefine()
ok(not os.path.exists(tmp + "/state/qemu/autostart/g4.xml"),
   "autostart off removes the link")

# Reboot: ACPI power button, and the guest's power-off becomes a reset.
g1.reboot(0)
again = wait_for(lambda: serial("g1").count("VIRTKIT-GUEST-UP") == 2, 90)
ok(again, "reboot: the guest booted again", serial("g1"))
ok(g1.state()[0] == E.VIR_DOMAIN_RUNNING and
   int(open(tmp + "/run/qemu/g1.pid").read()) == pid1,
   "reboot kept the same QEMU running")
ok(wait_for(lambda: ("g1", "reboot") in events, 10), "REBOOT event")



def shutdown_and_wait(dom, timeout):
    # An ACPI request: ask again if the guest was not listening yet.
    end = time.time() + timeout
    while time.time() < end:
        try:
            dom.shutdown()
        except libvirt.libvirtError:
            pass
        if wait_for(lambda: dom.state()[0] == E.VIR_DOMAIN_SHUTOFF, 5):
            return True
    return False


off = shutdown_and_wait(g1, 60)
ok(off, "ACPI shutdown: the guest powered off",
   serial("g1") + open(tmp + "/daemon.log").read()[-2000:])
ok("VIRTKIT-GUEST-POWER-BUTTON" in serial("g1"), "the guest saw the power button")
ok(g1.state() == [E.VIR_DOMAIN_SHUTOFF, E.VIR_DOMAIN_SHUTOFF_SHUTDOWN],
   "shut off (shutdown)")
ok(seen("g1", E.VIR_DOMAIN_EVENT_SHUTDOWN, E.VIR_DOMAIN_EVENT_SHUTDOWN_GUEST),
   "SHUTDOWN event")
ok(seen("g1", E.VIR_DOMAIN_EVENT_STOPPED, E.VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN),
   "STOPPED/SHUTDOWN event")
ok(owner(kernel) == "1234:5678", "the kernel's owner came back", owner(kernel))
ok(all(xattr(kernel, a) is None for a in ("dac", "ref_dac", "timestamp_dac")),
   "the remembered-owner xattrs are gone")
ok(not os.path.exists(tmp + "/run/qemu/g1.xml"), "the status file is gone")

g1.undefine()
ok(not os.path.exists(tmp + "/state/qemu/g1.xml"), "undefine removes the config")
ok(seen("g1", E.VIR_DOMAIN_EVENT_UNDEFINED, E.VIR_DOMAIN_EVENT_UNDEFINED_REMOVED),
   "UNDEFINED event")
conn.close()
daemon_proc.terminate()
daemon_proc.wait()
log = open(tmp + "/daemon.log").read()
ok("Sanitizer" not in log and "runtime error" not in log,
   "the daemon's log has no sanitizer report", log[-3000:])
print("1..%d" % n)
