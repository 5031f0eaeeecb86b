#!/usr/bin/python3
# regen-tunables.py: record what libvirt's own test driver answers for
# domain tunables (memory, NUMA, blkio, interface bandwidth, disk
# throttling, perf events), IOThreads, CPU and bulk statistics, interface
# addresses, key presses and CPU model names, for
# tests/test-driver-tunables-test.c to compare virtkit with.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Run with Debian's python3-libvirt (the real libvirt 9.0):
#     /usr/bin/python3 tests/data/testdriver/regen-tunables.py
# It writes expected-tunables.txt ("KEY<TAB>VALUE" lines) and
# out-tune-*.xml.  The C test makes the same calls in the same order; keep
# the two in step.  Typed parameters are written "name=value;..." in the
# order they come (booleans as 1/0).  CPU maps of threads that are not
# pinned depend on the host and are left out.

import os
import sys

import libvirt

DATADIR = os.path.dirname(os.path.abspath(__file__))
OUTDIR = DATADIR
if len(sys.argv) == 3 and sys.argv[1] == '--outdir':
    OUTDIR = sys.argv[2]

libvirt.registerErrorHandler(lambda ctx, err: None, None)

results = []
L = libvirt.VIR_DOMAIN_AFFECT_LIVE
C = libvirt.VIR_DOMAIN_AFFECT_CONFIG

INACTIVE_XML = """<domain type='test'>
  <name>tun</name>
  <uuid>4b59daf8-1713-4747-8b2d-9110710df5ea</uuid>
  <memory>1048576</memory>
  <vcpu cpuset='1'>2</vcpu>
  <iothreads>2</iothreads>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/tmp/a.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:11:22:33'/>
      <source network='default'/>
    </interface>
  </devices>
</domain>
"""


def put(key, value):
    results.append('%s\t%s' % (key, str(value).replace('\n', '\\n')))


def fmt_value(v):
    if isinstance(v, bool):
        return '1' if v else '0'
    return str(v)


def fmt_params(params):
    return ';'.join('%s=%s' % (k, fmt_value(v)) for k, v in params.items())


def run(key, func, show=str):
    try:
        put(key, show(func()))
    except libvirt.libvirtError as e:
        put(key, 'ERR %d %d %s' % (e.get_error_code(), e.get_error_domain(),
                                   e.get_error_message()))


def put_xml(name, xml):
    with open(os.path.join(OUTDIR, 'out-tune-%s.xml' % name), 'w') as f:
        f.write(xml)


def cpus(mask):
    return ','.join(str(i) for i, b in enumerate(mask) if b)


def tunables(prefix, dom, flags, dev, mac):
    run(prefix + 'mem.get', lambda: dom.memoryParameters(flags), fmt_params)
    run(prefix + 'mem.set', lambda: dom.setMemoryParameters(
        {'hard_limit': 1000000, 'soft_limit': 500000,
         'swap_hard_limit': 2000000}, flags))
    run(prefix + 'mem.set-over', lambda: dom.setMemoryParameters(
        {'hard_limit': 3000000}, flags))
    run(prefix + 'mem.get2', lambda: dom.memoryParameters(flags), fmt_params)
    run(prefix + 'mem.unlimit', lambda: dom.setMemoryParameters(
        {'soft_limit': 9007199254740991}, flags))
    run(prefix + 'mem.get3', lambda: dom.memoryParameters(flags), fmt_params)

    run(prefix + 'numa.get', lambda: dom.numaParameters(flags), fmt_params)
    run(prefix + 'numa.set-mode', lambda: dom.setNumaParameters(
        {'numa_mode': 2}, flags))
    run(prefix + 'numa.set', lambda: dom.setNumaParameters(
        {'numa_nodeset': '0-1,^1', 'numa_mode': 1}, flags))
    run(prefix + 'numa.set-bad', lambda: dom.setNumaParameters(
        {'numa_nodeset': 'abc'}, flags))
    run(prefix + 'numa.get2', lambda: dom.numaParameters(flags), fmt_params)

    run(prefix + 'blkio.get', lambda: dom.blkioParameters(flags), fmt_params)
    run(prefix + 'blkio.set', lambda: dom.setBlkioParameters(
        {'weight': 500, 'device_weight': '/dev/sda,300',
         'device_read_iops_sec': '/dev/sda,100,/dev/sdb,7'}, flags))
    run(prefix + 'blkio.set2', lambda: dom.setBlkioParameters(
        {'device_weight': '/dev/sda,0,/dev/sdc,5'}, flags))
    run(prefix + 'blkio.set-bad', lambda: dom.setBlkioParameters(
        {'device_write_bytes_sec': '/dev/sda,x'}, flags))
    run(prefix + 'blkio.set-odd', lambda: dom.setBlkioParameters(
        {'device_write_bytes_sec': '/dev/sda'}, flags))
    run(prefix + 'blkio.get2', lambda: dom.blkioParameters(flags), fmt_params)

    run(prefix + 'if.get', lambda: dom.interfaceParameters(dev, flags),
        fmt_params)
    run(prefix + 'if.set', lambda: dom.setInterfaceParameters(
        dev, {'inbound.average': 100, 'inbound.peak': 200,
              'outbound.average': 50, 'outbound.burst': 9}, flags))
    run(prefix + 'if.set-mac', lambda: dom.setInterfaceParameters(
        mac, {'inbound.average': 0, 'inbound.floor': 30}, flags))
    run(prefix + 'if.get2', lambda: dom.interfaceParameters(mac, flags),
        fmt_params)
    run(prefix + 'if.get-bad', lambda: dom.interfaceParameters('xx', flags),
        fmt_params)

    run(prefix + 'iotune.get', lambda: dom.blockIoTune('vda', flags),
        fmt_params)
    run(prefix + 'iotune.set', lambda: dom.setBlockIoTune(
        'vda', {'total_bytes_sec': 1000, 'total_bytes_sec_max': 2000,
                'read_iops_sec': 5, 'read_iops_sec_max': 6,
                'group_name': 'g1', 'size_iops_sec': 512}, flags))
    run(prefix + 'iotune.set-over', lambda: dom.setBlockIoTune(
        'vda', {'write_iops_sec': 5}, flags))
    run(prefix + 'iotune.set-both', lambda: dom.setBlockIoTune(
        'vda', {'read_bytes_sec': 5, 'read_bytes_sec_max': 5}, flags))
    run(prefix + 'iotune.set-huge', lambda: dom.setBlockIoTune(
        'vda', {'total_iops_sec_max': 10 ** 15 + 1}, flags))
    run(prefix + 'iotune.get2', lambda: dom.blockIoTune('vda', flags),
        fmt_params)
    run(prefix + 'iotune.get-bad', lambda: dom.blockIoTune('hda', flags),
        fmt_params)

    run(prefix + 'perf.get', lambda: dom.perfEvents(flags), fmt_params)
    run(prefix + 'perf.set', lambda: dom.setPerfEvents(
        {'cmt': True, 'cpu_cycles': True, 'instructions': False}, flags))
    run(prefix + 'perf.get2', lambda: dom.perfEvents(flags), fmt_params)

    run(prefix + 'io.add', lambda: dom.addIOThread(3, flags))
    run(prefix + 'io.add5', lambda: dom.addIOThread(5, flags))
    run(prefix + 'io.add-dup', lambda: dom.addIOThread(3, flags))
    run(prefix + 'io.add0', lambda: dom.addIOThread(0, flags))
    run(prefix + 'io.pin', lambda: dom.pinIOThread(3, (True, False, True),
                                                   flags))
    run(prefix + 'io.pin-bad', lambda: dom.pinIOThread(9, (True,), flags))
    run(prefix + 'io.set', lambda: dom.setIOThreadParams(
        3, {'poll_max_ns': 100}, flags))
    run(prefix + 'io.set-bad', lambda: dom.setIOThreadParams(
        9, {'poll_grow': 1}, flags))
    run(prefix + 'io.del', lambda: dom.delIOThread(5, flags))
    run(prefix + 'io.del-bad', lambda: dom.delIOThread(9, flags))
    run(prefix + 'io.info', lambda: dom.ioThreadInfo(flags),
        lambda info: ' '.join('%d:%s' % (i, cpus(m) if i == 3 else '-')
                              for i, m in info))


def main():
    conn = libvirt.open('test:///default')
    dom = conn.lookupByName('test')
    put('# Generated by regen-tunables.py from libvirt', conn.getLibVersion())

    tunables('live.', dom, 0, 'testnet0', 'aa:bb:cc:dd:ee:ff')
    put_xml('live', dom.XMLDesc(0))
    run('live.config-unchanged', lambda: dom.XMLDesc(
        libvirt.VIR_DOMAIN_XML_INACTIVE) == conn.lookupByName(
            'test').XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))

    tun = conn.defineXML(INACTIVE_XML)
    run('off.numa.get', lambda: tun.numaParameters(0), fmt_params)
    tunables('off.', tun, C, 'testnet0', '52:54:00:11:22:33')
    run('off.io.info-cpuset', lambda: tun.ioThreadInfo(0),
        lambda info: ' '.join('%d:%s' % (i, cpus(m)) for i, m in info))
    put_xml('inactive', tun.XMLDesc(0))
    run('off.mem.live', lambda: tun.memoryParameters(L), fmt_params)
    run('off.cpustats', lambda: tun.getCPUStats(True))
    run('off.ifaddr', lambda: tun.interfaceAddresses(0))
    run('off.sendkey', lambda: tun.sendKey(0, 0, [30], 1, 0))

    run('cpu.total', lambda: dom.getCPUStats(True),
        lambda r: fmt_params(r[0]))
    run('cpu.per', lambda: dom.getCPUStats(False),
        lambda r: ' '.join(fmt_params(p) for p in r))
    run('ifaddr', lambda: dom.interfaceAddresses(0),
        lambda r: ' '.join('%s,%s,%s/%d' % (k, v['hwaddr'], a['addr'],
                                            a['prefix'])
                           for k, v in r.items() for a in v['addrs']))
    run('sendkey', lambda: dom.sendKey(0, 10, [30, 48], 2, 0))
    run('sendkey-bad', lambda: dom.sendKey(0, 0, [999], 1, 0))
    run('models.x86_64', lambda: conn.getCPUModelNames('x86_64'),
        lambda m: '%d %s %s' % (len(m), m[0], m[-1]))
    run('models.ppc64', lambda: conn.getCPUModelNames('ppc64'), ','.join)
    run('models.aarch64', lambda: conn.getCPUModelNames('aarch64'), ','.join)
    run('models.bad', lambda: conn.getCPUModelNames('xx'), ','.join)

    penryn = '<cpu><arch>x86_64</arch><model>Penryn</model></cpu>'
    conroe = ('<cpu><arch>i686</arch><model>Conroe</model>'
              '<vendor>Intel</vendor></cpu>')
    run('baseline.one', lambda: conn.baselineCPU([penryn], 0))
    run('baseline.two', lambda: conn.baselineCPU([conroe, conroe], 0))
    run('baseline.noarch', lambda: conn.baselineCPU(
        ['<cpu><model>Penryn</model></cpu>'], 0))
    run('baseline.unknown', lambda: conn.baselineCPU(
        ['<cpu><arch>x86_64</arch><model>Foo</model></cpu>'], 0))
    run('baseline.migratable', lambda: conn.baselineCPU(
        [penryn], libvirt.VIR_CONNECT_BASELINE_CPU_MIGRATABLE))

    def stats(recs):
        return ' '.join('%s[%s]' % (d.name(), fmt_params(p))
                        for d, p in sorted(recs, key=lambda r: r[0].name()))
    run('stats.all', lambda: conn.getAllDomainStats(0), stats)
    run('stats.state-inactive', lambda: conn.getAllDomainStats(
        libvirt.VIR_DOMAIN_STATS_STATE,
        libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE), stats)
    run('stats.unsupported', lambda: conn.getAllDomainStats(
        libvirt.VIR_DOMAIN_STATS_BALLOON), stats)
    run('stats.enforce', lambda: conn.getAllDomainStats(
        libvirt.VIR_DOMAIN_STATS_BALLOON,
        libvirt.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS), stats)
    run('stats.list', lambda: conn.domainListGetStats([dom, tun], 0), stats)
    tun.create()
    run('stats.iothread', lambda: conn.domainListGetStats(
        [tun], libvirt.VIR_DOMAIN_STATS_IOTHREAD), stats)

    with open(os.path.join(OUTDIR, 'expected-tunables.txt'), 'w') as f:
        f.write('\n'.join(results) + '\n')


main()
