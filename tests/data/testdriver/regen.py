#!/usr/bin/python3
# regen.py: record what libvirt's own test driver answers, for
# tests/test-driver-test.c to compare virtkit with.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Run with Debian's python3-libvirt (the real libvirt 9.0):
#     /usr/bin/python3 tests/data/testdriver/regen.py
# It writes expected.txt (one "KEY<TAB>VALUE" line per result, newlines in
# values as \n) and one out-*.xml file per XML document.  The scenario
# below and the C test run the same calls in the same order; keep them in
# step.  Paths under this directory are written as @DATADIR@.
#
# With --outdir DIR the files go to DIR instead (to compare another
# libvirt.so, e.g. LD_LIBRARY_PATH=.libs regen.py --outdir /tmp/x).

import ctypes
import os
import sys
import time

import libvirt

DATADIR = os.path.dirname(os.path.abspath(__file__))
OUTDIR = DATADIR
if len(sys.argv) == 3 and sys.argv[1] == '--outdir':
    OUTDIR = sys.argv[2]

libvirt.registerErrorHandler(lambda ctx, err: None, None)
libvirt.virEventRegisterDefaultImpl()

results = []
events = []


def put(key, value):
    value = str(value).replace(DATADIR, '@DATADIR@')
    results.append('%s\t%s' % (key, value.replace('\n', '\\n')))


def put_xml(name, xml):
    with open(os.path.join(OUTDIR, 'out-%s.xml' % name), 'w') as f:
        f.write(xml.replace(DATADIR, '@DATADIR@'))


def err_text(e):
    return 'ERR %d %d %s' % (e.get_error_code(), e.get_error_domain(), e)


def call(key, fn):
    """Record fn()'s value (joined if a list) or its error."""
    try:
        r = fn()
    except libvirt.libvirtError as e:
        put(key, err_text(e))
        return None
    if isinstance(r, (list, tuple)):
        put(key, ' '.join(str(x) for x in r))
    else:
        put(key, r)
    return r


def call_err(key, fn):
    """Record the whole error fn() raises, as libvirt's err tuple: code,
    domain, message, level, str1, str2, str3, int1, int2."""
    try:
        fn()
    except libvirt.libvirtError as e:
        put(key, '|'.join(str(x) for x in e.err))
        return
    put(key, 'no error')


def names(objs):
    return ','.join(sorted(o.name() for o in objs))


def drain(key):
    """Run the event loop until queued events are out; record them."""
    timer = libvirt.virEventAddTimeout(10, lambda t, o: None, None)
    for _ in range(3):
        libvirt.virEventRunDefaultImpl()
    libvirt.virEventRemoveTimeout(timer)
    put(key, ' '.join(events))
    events.clear()


def on_event(conn, dom, event, detail, tag):
    events.append('%s:%s:%d:%d:%d' % (tag, dom.name(), dom.ID(), event,
                                      detail))


def on_legacy(conn, dom, event, detail, opaque):
    on_event(conn, dom, event, detail, 'legacy')


def state(d):
    s = d.state()
    return '%d:%d' % (s[0], s[1])


def dominfo(d):
    i = d.info()
    return '%d %d %d %d' % (i[0], i[1], i[2], i[3])


# ---- opening ----------------------------------------------------------

def scenario_open():
    for key, uri in [('open.empty', 'test:///'),
                     ('open.noslash', 'test://'),
                     ('open.missing', 'test:///nonexistent/virtkit-test.xml'),
                     ('open.bad-syntax', 'test://%s/bad-syntax.xml' % DATADIR),
                     ('open.bad-root', 'test://%s/bad-root.xml' % DATADIR),
                     ('open.bad-cpu', 'test://%s/bad-cpu.xml' % DATADIR),
                     ('open.bad-file', 'test://%s/bad-file.xml' % DATADIR),
                     ('open.bad-runstate',
                      'test://%s/bad-runstate.xml' % DATADIR),
                     ('open.bad-managedsave',
                      'test://%s/bad-managedsave.xml' % DATADIR),
                     ('open.auth-none', 'test://%s/node-auth.xml' % DATADIR)]:
        call(key, lambda: libvirt.open(uri).getURI())

    def auth_cb(user, password):
        def cb(creds, opaque):
            for c in creds:
                if c[0] == libvirt.VIR_CRED_AUTHNAME:
                    c[4] = user
                elif c[0] == libvirt.VIR_CRED_PASSPHRASE:
                    c[4] = password
            return 0
        return cb

    types = [libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE]
    for key, user, password in [('open.auth-ok', 'admin', 'secret'),
                                ('open.auth-bad', 'admin', 'wrong')]:
        call(key, lambda: libvirt.openAuth(
            'test://%s/node-auth.xml' % DATADIR,
            [types, auth_cb(user, password), None], 0).getType())
    call('open.auth-noname', lambda: libvirt.openAuth(
        'test://%s/node-auth.xml' % DATADIR,
        [[libvirt.VIR_CRED_PASSPHRASE], auth_cb('admin', 'secret'), None],
        0).getType())


# ---- the default host -------------------------------------------------

def scenario_host(c):
    call('host.type', c.getType)
    call('host.version', c.getVersion)
    call('host.libversion', c.getLibVersion)
    call('host.maxvcpus', lambda: c.getMaxVcpus('test'))
    call('host.secure', c.isSecure)
    call('host.encrypted', c.isEncrypted)
    call('host.alive', c.isAlive)
    call('host.nodeinfo', c.getInfo)
    call('host.cells', lambda: c.getCellsFreeMemory(0, 2))
    call('host.cells-from1', lambda: c.getCellsFreeMemory(1, 5))
    call('host.cells-range', lambda: c.getCellsFreeMemory(2, 1))
    call('host.freemem', c.getFreeMemory)
    call('host.secmodel', c.getSecurityModel)
    put_xml('default-capabilities', c.getCapabilities())
    put_xml('default-sysinfo', c.getSysinfo(0))


def scenario_domains(c):
    call('dom.num', c.numOfDomains)
    call('dom.ids', c.listDomainsID)
    call('dom.numdefined', c.numOfDefinedDomains)
    call('dom.all', lambda: names(c.listAllDomains(0)))
    call('dom.byname-nope', lambda: c.lookupByName('nope'))
    call('dom.byid-nope', lambda: c.lookupByID(99))
    call('dom.byuuid-nope', lambda: c.lookupByUUIDString(
        '11111111-2222-3333-4444-555555555555'))
    call('dom.byuuid-bad', lambda: c.lookupByUUIDString('zzz'))
    call_err('dom.byuuid-bad.err', lambda: c.lookupByUUIDString('zzz'))
    d = c.lookupByName('test')
    call('dom.byid', lambda: c.lookupByID(1).name())
    call('dom.byuuid', lambda: c.lookupByUUIDString(
        '6695eb01-f6a4-8304-79aa-97f2502e193f').name())
    call('dom.id', d.ID)
    call('dom.uuid', d.UUIDString)
    call('dom.info', lambda: dominfo(d))
    call('dom.state', lambda: state(d))
    call('dom.ostype', d.OSType)
    call('dom.maxmem', d.maxMemory)
    call('dom.maxvcpus', d.maxVcpus)
    call('dom.vcpus-config-max', lambda: d.vcpusFlags(
        libvirt.VIR_DOMAIN_AFFECT_CONFIG | libvirt.VIR_DOMAIN_VCPU_MAXIMUM))
    call('dom.autostart', d.autostart)
    call('dom.active', d.isActive)
    call('dom.persistent', d.isPersistent)
    call('dom.updated', d.isUpdated)
    call('dom.managedsave', lambda: d.hasManagedSaveImage(0))
    call('dom.seclabel', d.securityLabel)
    put_xml('default-domain', d.XMLDesc(0))
    put_xml('default-domain-inactive',
            d.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    call('dom.xml-badflag', lambda: d.XMLDesc(libvirt.VIR_DOMAIN_XML_UPDATE_CPU))
    call('dom.state-badflag', lambda: d.state(1))
    call('dom.setmem', lambda: (d.setMemory(1048576), dominfo(d))[1])
    call('dom.setmem-toobig', lambda: d.setMemory(9000000))
    call('dom.setmaxmem-live', lambda: d.setMaxMemory(4194304))
    # Filters of virConnectListAllDomains, one bit at a time.
    for bit in range(16):
        call('dom.listall-%d' % (1 << bit),
             lambda: names(c.listAllDomains(1 << bit)))


def scenario_lifecycle(c):
    """Transitions of the default domain and of new ones, with the state
    after each step and the events each step queued."""
    cid = c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                   on_event, 'any')
    c.domainEventRegister(on_legacy, None)
    d = c.lookupByName('test')
    cid_dom = c.domainEventRegisterAny(d, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                       on_event, 'dom')
    put('ev.ids', '%d %d' % (cid, cid_dom))
    call('ev.dup-any', lambda: c.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, on_event, 'again'))

    steps = [
        ('suspend', d.suspend),
        ('suspend-again', d.suspend),
        ('resume', d.resume),
        ('resume-again', d.resume),
        ('reboot', lambda: d.reboot(0)),
        ('reset', lambda: d.reset(0)),
        ('shutdown', d.shutdown),
        ('shutdown-again', d.shutdown),
        ('suspend-off', d.suspend),
        ('destroy-off', d.destroy),
        ('reboot-off', lambda: d.reboot(0)),
        ('create', d.create),
        ('create-again', d.create),
        ('create-paused', lambda: d.createWithFlags(
            libvirt.VIR_DOMAIN_START_PAUSED)),
        ('suspend2', d.suspend),
        ('reset-paused', lambda: d.reset(0)),
        ('suspend3', d.suspend),
        ('destroy-paused', d.destroy),
        ('create2', d.create),
        ('destroy', d.destroy),
    ]
    for name, fn in steps:
        call('life.%s' % name, fn)
        call('life.%s.state' % name, lambda: '%s id=%d' % (state(d), d.ID()))
        drain('life.%s.events' % name)

    x = ("<domain type='test'><name>foo</name>"
         "<uuid>11111111-2222-3333-4444-555555555555</uuid>"
         "<memory>1024</memory><vcpu current='1'>4</vcpu>"
         "<os><type>hvm</type></os>"
         "<devices><interface type='network'>"
         "<mac address='52:54:00:11:22:33'/>"
         "<source network='default'/></interface></devices></domain>")
    call('def.new', lambda: c.defineXML(x).name())
    drain('def.new.events')
    foo = c.lookupByName('foo')
    call('def.new.state', lambda: '%s id=%d' % (state(foo), foo.ID()))
    call('def.new.info', lambda: dominfo(foo))
    call('def.new.persistent', foo.isPersistent)
    put_xml('def-foo-inactive', foo.XMLDesc(0))
    call('def.again', lambda: c.defineXMLFlags(x, 0).name())
    drain('def.again.events')
    call('def.dup-name', lambda: c.defineXML(
        "<domain type='test'><name>foo</name><memory>1024</memory>"
        "<os><type>hvm</type></os></domain>"))
    call('def.dup-uuid', lambda: c.defineXML(
        "<domain type='test'><name>bar</name>"
        "<uuid>11111111-2222-3333-4444-555555555555</uuid>"
        "<memory>1024</memory><os><type>hvm</type></os></domain>"))
    call('def.badxml', lambda: c.defineXML('<domain'))
    call('def.noname', lambda: c.defineXML("<domain type='test'/>"))
    call('def.badroot', lambda: c.defineXML('<foo/>'))
    call('def.vcpus-config', lambda: foo.vcpusFlags(0))
    call('def.vcpus-live', lambda: foo.vcpusFlags(libvirt.VIR_DOMAIN_AFFECT_LIVE))
    call('def.maxvcpus', foo.maxVcpus)
    call('def.setmem-config', lambda: (foo.setMemoryFlags(
        512, libvirt.VIR_DOMAIN_AFFECT_CONFIG), dominfo(foo))[1])
    call('def.setmaxmem', lambda: (foo.setMaxMemory(256), dominfo(foo))[1])
    call('def.seclabel', foo.securityLabel)
    call('def.create', foo.create)
    drain('def.create.events')
    call('def.create.state', lambda: '%s id=%d' % (state(foo), foo.ID()))
    put_xml('def-foo-live', foo.XMLDesc(0))
    call('def.redefine-running', lambda: c.defineXML(
        x.replace('<memory>1024</memory>', '<memory>2048</memory>')).name())
    drain('def.redefine-running.events')
    put_xml('def-foo-live2', foo.XMLDesc(0))
    put_xml('def-foo-next', foo.XMLDesc(libvirt.VIR_DOMAIN_XML_INACTIVE))
    call('def.undefine-running', foo.undefine)
    drain('def.undefine-running.events')
    call('def.undefine-running.persistent', foo.isPersistent)
    call('def.destroy-transient', foo.destroy)
    drain('def.destroy-transient.events')
    call('def.gone', lambda: c.lookupByName('foo'))
    call('def.gone-handle', foo.isActive)

    call('createxml', lambda: c.createXML(x, 0).name())
    drain('createxml.events')
    foo = c.lookupByName('foo')
    call('createxml.state', lambda: '%s id=%d' % (state(foo), foo.ID()))
    call('createxml.persistent', foo.isPersistent)
    call('createxml.again', lambda: c.createXML(x, 0))
    call('createxml.paused', lambda: c.createXML(
        x, libvirt.VIR_DOMAIN_START_PAUSED))
    call('createxml.shutdown', foo.shutdown)
    drain('createxml.shutdown.events')
    call('createxml.gone', lambda: c.lookupByName('foo'))

    # Guest-initiated stops follow <on_poweroff> and <on_reboot>.
    y = ("<domain type='test'><name>act</name><memory>1024</memory>"
         "<os><type>hvm</type></os><on_poweroff>restart</on_poweroff>"
         "<on_reboot>destroy</on_reboot></domain>")
    a = c.defineXML(y)
    a.create()
    drain('act.start.events')
    call('act.shutdown', a.shutdown)
    call('act.shutdown.state', lambda: state(a))
    drain('act.shutdown.events')
    call('act.reboot', lambda: a.reboot(0))
    call('act.reboot.state', lambda: state(a))
    drain('act.reboot.events')
    call('act.undefine', a.undefine)
    drain('act.undefine.events')

    # Managed save stops the domain and keeps its memory for the next start.
    call('ms.create', d.create)
    drain('ms.create.events')
    call('ms.save', lambda: d.managedSave(0))
    call('ms.save.state', lambda: '%s id=%d ms=%d' % (
        state(d), d.ID(), d.hasManagedSaveImage(0)))
    drain('ms.save.events')
    call('ms.save-again', lambda: d.managedSave(0))
    call('ms.undefine', d.undefine)
    call('ms.start', d.create)
    call('ms.start.state', lambda: '%s id=%d ms=%d' % (
        state(d), d.ID(), d.hasManagedSaveImage(0)))
    drain('ms.start.events')
    call('ms.remove', lambda: (d.managedSave(0), d.managedSaveRemove(0),
                               d.hasManagedSaveImage(0))[2])
    drain('ms.remove.events')

    call('ev.dereg-any', lambda: (c.domainEventDeregisterAny(cid), 0)[1])
    call('ev.dereg-any-again',
         lambda: (c.domainEventDeregisterAny(cid), 0)[1])
    call('ev.dereg-dom', lambda: (c.domainEventDeregisterAny(cid_dom), 0)[1])
    c.domainEventDeregister(on_legacy)
    d.create()
    drain('ev.none')


def scenario_networks(c):
    call('net.num', c.numOfNetworks)
    call('net.list', c.listNetworks)
    call('net.numdefined', c.numOfDefinedNetworks)
    for bit in range(6):
        call('net.listall-%d' % (1 << bit),
             lambda: names(c.listAllNetworks(1 << bit)))
    call('net.byname-nope', lambda: c.networkLookupByName('nope'))
    call('net.byuuid-nope', lambda: c.networkLookupByUUIDString(
        '11111111-2222-3333-4444-555555555555'))
    call('net.byuuid-bad', lambda: c.networkLookupByUUIDString('zz'))
    call_err('net.byuuid-bad.err', lambda: c.networkLookupByUUIDString('zz'))
    n = c.networkLookupByName('default')
    call('net.byuuid', lambda: c.networkLookupByUUIDString(
        'dd8fe884-6c02-601e-7551-cca97df1c5df').name())
    call('net.uuid', n.UUIDString)
    call('net.active', n.isActive)
    call('net.persistent', n.isPersistent)
    call('net.autostart', n.autostart)
    call('net.bridge', n.bridgeName)
    put_xml('default-network', n.XMLDesc(0))
    call('net.xml-badflag', lambda: n.XMLDesc(libvirt.VIR_NETWORK_XML_INACTIVE))
    call('net.setautostart', lambda: (n.setAutostart(1), n.autostart())[1])
    call('net.create-active', n.create)
    call('net.undefine-active', n.undefine)
    call('net.destroy', lambda: (n.destroy(), n.isActive())[1])
    call('net.destroy-again', n.destroy)
    call('net.numdefined2', c.numOfDefinedNetworks)
    call('net.listdefined2', c.listDefinedNetworks)
    call('net.create', lambda: (n.create(), n.isActive())[1])
    call('net.def-dup-name', lambda: c.networkDefineXML(
        '<network><name>default</name></network>'))
    call('net.def-dup-uuid', lambda: c.networkDefineXML(
        '<network><name>x2</name>'
        '<uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid></network>'))
    call('net.def-bad', lambda: c.networkDefineXML('<network>'))
    nn = c.networkDefineXML(
        "<network><name>nn</name>"
        "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5d0</uuid>"
        "<bridge name='virbr9'/></network>")
    call('net.def.active', nn.isActive)
    call('net.def.persistent', nn.isPersistent)
    put_xml('net-nn', nn.XMLDesc(0))
    call('net.def.create', lambda: (nn.create(), nn.isActive())[1])
    call('net.def.destroy', nn.destroy)
    call('net.def.undefine', nn.undefine)
    call('net.def.gone', nn.isActive)
    tt = c.networkCreateXML(
        "<network><name>tt</name>"
        "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5d1</uuid></network>")
    call('net.transient.active', tt.isActive)
    call('net.transient.persistent', tt.isPersistent)
    call('net.transient.bridge', tt.bridgeName)
    call('net.transient.undefine', tt.undefine)
    call('net.transient.destroy', tt.destroy)
    call('net.transient.gone', lambda: c.networkLookupByName('tt'))


def scenario_storage(c):
    call('pool.num', c.numOfStoragePools)
    call('pool.list', c.listStoragePools)
    call('pool.numdefined', c.numOfDefinedStoragePools)
    for bit in range(8):
        call('pool.listall-%d' % (1 << bit),
             lambda: names(c.listAllStoragePools(1 << bit)))
    call('pool.byname-nope', lambda: c.storagePoolLookupByName('nope'))
    call('pool.byuuid-nope', lambda: c.storagePoolLookupByUUIDString(
        '11111111-2222-3333-4444-555555555555'))
    call('pool.byuuid-bad', lambda: c.storagePoolLookupByUUIDString('zz'))
    call_err('pool.byuuid-bad.err', lambda: c.storagePoolLookupByUUIDString('zz'))
    p = c.storagePoolLookupByName('default-pool')
    call('pool.byuuid', lambda: c.storagePoolLookupByUUIDString(
        'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566').name())
    call('pool.info', p.info)
    call('pool.active', p.isActive)
    call('pool.persistent', p.isPersistent)
    call('pool.autostart', p.autostart)
    call('pool.numvols', p.numOfVolumes)
    call('pool.vols', lambda: names(p.listAllVolumes(0)))
    put_xml('default-pool', p.XMLDesc(0))
    call('pool.xml-badflag', lambda: p.XMLDesc(libvirt.VIR_STORAGE_XML_INACTIVE))
    call('vol.byname-nope', lambda: p.storageVolLookupByName('nope'))
    call('vol.bykey-nope', lambda: c.storageVolLookupByKey('nope'))
    call('vol.bypath-nope', lambda: c.storageVolLookupByPath('/nope'))
    call('vol.create', lambda: p.createXML(
        '<volume><name>v1</name><capacity>1000</capacity></volume>', 0).name())
    call('vol.create-again', lambda: p.createXML(
        '<volume><name>v1</name><capacity>1000</capacity></volume>', 0))
    v = p.storageVolLookupByName('v1')
    call('vol.key', v.key)
    call('vol.path', v.path)
    call('vol.info', v.info)
    call('vol.bykey', lambda: c.storageVolLookupByKey('/default-pool/v1').name())
    call('vol.bypath', lambda: c.storageVolLookupByPath(
        '/default-pool/v1').name())
    call('vol.pool', lambda: v.storagePoolLookupByVolume().name())
    put_xml('vol-v1', v.XMLDesc(0))
    call('pool.info2', p.info)
    call('pool.vols2', p.listVolumes)
    call('pool.destroy', lambda: (p.destroy(), p.isActive())[1])
    call('pool.destroy-again', p.destroy)
    call('pool.info-inactive', p.info)
    call('pool.vols-inactive', p.listVolumes)
    call('pool.numvols-inactive', p.numOfVolumes)
    call('pool.listall-inactive', lambda: p.listAllVolumes(0))
    call('vol.info-inactive', v.info)
    call('pool.create', lambda: (p.create(0), p.listVolumes())[1])
    call('pool.create-again', lambda: p.create(0))
    call('pool.undefine-active', p.undefine)
    call('vol.delete', lambda: (v.delete(0), p.numOfVolumes())[1])
    call('pool.info3', p.info)
    call('pool.def-conflict', lambda: c.storagePoolDefineXML(
        "<pool type='dir'><name>other</name>"
        "<target><path>/default-pool</path></target></pool>", 0))
    call('pool.def-bad', lambda: c.storagePoolDefineXML('<pool>', 0))
    pp = c.storagePoolDefineXML(
        "<pool type='dir'><name>pp</name>"
        "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4567</uuid>"
        "<target><path>/pp</path></target></pool>", 0)
    call('pool.def.active', pp.isActive)
    call('pool.def.info', pp.info)
    put_xml('pool-pp', pp.XMLDesc(0))
    call('pool.def.vols', pp.listVolumes)
    call('pool.def.create', lambda: (pp.create(0), pp.info())[1])
    call('pool.def.destroy', pp.destroy)
    call('pool.def.undefine', pp.undefine)
    call('pool.def.gone', lambda: c.storagePoolLookupByName('pp'))


def scenario_interfaces(c):
    call('iface.num', c.numOfInterfaces)
    call('iface.list', c.listInterfaces)
    call('iface.numdefined', c.numOfDefinedInterfaces)
    call('iface.listall-1', lambda: names(c.listAllInterfaces(1)))
    call('iface.listall-2', lambda: names(c.listAllInterfaces(2)))
    call('iface.byname-nope', lambda: c.interfaceLookupByName('nope'))
    call('iface.bymac-nope', lambda: c.interfaceLookupByMACString(
        '00:11:22:33:44:55'))
    i = c.interfaceLookupByName('eth1')
    call('iface.bymac', lambda: c.interfaceLookupByMACString(
        'aa:bb:cc:dd:ee:ff').name())
    call('iface.mac', i.MACString)
    call('iface.active', i.isActive)
    put_xml('default-interface', i.XMLDesc(0))
    call('iface.xml-badflag', lambda: i.XMLDesc(1))
    call('iface.create-active', lambda: i.create(0))
    call('iface.destroy', lambda: (i.destroy(0), i.isActive())[1])
    call('iface.destroy-again', lambda: i.destroy(0))
    call('iface.create', lambda: (i.create(0), i.isActive())[1])
    call('iface.def-bad', lambda: c.interfaceDefineXML('<interface>', 0))
    call('iface.def-noname', lambda: c.interfaceDefineXML(
        "<interface type='ethernet'/>", 0))
    call('iface.def-notype', lambda: c.interfaceDefineXML(
        "<interface name='x'/>", 0))
    call('iface.def-nobridge', lambda: c.interfaceDefineXML(
        "<interface type='bridge' name='brq'/>", 0))
    with open(os.path.join(DATADIR, 'node-interface.xml')) as f:
        br = c.interfaceDefineXML(f.read(), 0)
    call('iface.def.active', br.isActive)
    put_xml('iface-br0', br.XMLDesc(0))
    call('iface.def.list', c.listDefinedInterfaces)
    call('iface.def.undefine', br.undefine)
    call('iface.def.gone', lambda: c.interfaceLookupByName('br0'))


def scenario_nodedevs(c):
    call('dev.num', lambda: c.numOfDevices(None, 0))
    call('dev.num-scsi_host', lambda: c.numOfDevices('scsi_host', 0))
    call('dev.list-fc_host', lambda: sorted(c.listDevices('fc_host', 0)))
    call('dev.list-vports', lambda: sorted(c.listDevices('vports', 0)))
    for bit in [0, 1, 5, 9, 10]:
        call('dev.listall-%d' % (1 << bit),
             lambda: names(c.listAllDevices(1 << bit)))
    call('dev.listall-badflag', lambda: c.listAllDevices(1 << 31))
    call('dev.byname-nope', lambda: c.nodeDeviceLookupByName('nope'))
    for name in ['computer', 'scsi_host1', 'scsi_host2', 'scsi_host11']:
        dev = c.nodeDeviceLookupByName(name)
        call('dev.%s.parent' % name, dev.parent)
        call('dev.%s.caps' % name, dev.listCaps)
        call('dev.%s.numcaps' % name, dev.numOfCaps)
        put_xml('nodedev-%s' % name, dev.XMLDesc(0))
    call('dev.xml-badflag',
         lambda: c.nodeDeviceLookupByName('computer').XMLDesc(1))


# ---- scheduler, statistics, block info, guest time --------------------

def kv(d):
    return ' '.join('%s=%s' % (k, v) for k, v in d.items())


def clock_close(usec):
    """Is a counter made from the wall clock (in microseconds) near now?"""
    return abs(usec / 1e6 - time.time()) < 60


def block_shape(s):
    """How libvirt's clock-made block counters relate: rd_req is the clock
    in microseconds / 10, the others fixed fractions of it."""
    rd_req, rd_bytes, wr_req, wr_bytes, errs = s
    return 'clock=%s %s %s %s %s' % (
        clock_close(rd_req * 10), rd_bytes == rd_req // 2,
        wr_req == rd_req // 3, wr_bytes == rd_req // 4,
        errs == rd_req // 200000)


def iface_shape(s):
    rx_bytes = s[0]
    want = [rx_bytes, rx_bytes // 10, rx_bytes // 100000,
            rx_bytes // 200000, rx_bytes // 2, rx_bytes // 11,
            rx_bytes // 300000, rx_bytes // 400000]
    return 'clock=%s %s' % (clock_close(rx_bytes * 10), list(s) == want)


def grows(fn):
    first = fn()[0]
    time.sleep(0.002)
    return fn()[0] > first


STATS_XML = ("<domain type='test'><name>st</name>"
             "<uuid>11111111-2222-3333-4444-666666666666</uuid>"
             "<memory>1024</memory><currentMemory>777</currentMemory>"
             "<os><type>hvm</type></os><devices>"
             "<disk type='file' device='cdrom'>"
             "<target dev='hdc' bus='ide'/></disk>"
             "<disk type='file' device='disk'><source file='/a/b.img'/>"
             "<target dev='vda' bus='virtio'/></disk>"
             "<disk type='file' device='disk'><source file='/a/b.img'/>"
             "<target dev='vdb' bus='virtio'/></disk>"
             "<disk type='file' device='disk'><source file='/a/c.img'/>"
             "<target dev='sda' bus='scsi'/></disk>"
             "<disk type='block' device='disk'><source dev='/dev/sdz'/>"
             "<target dev='sdb' bus='scsi'/></disk>"
             "<interface type='network'><mac address='52:54:00:00:00:01'/>"
             "<source network='default'/></interface>"
             "<interface type='network'><mac address='52:54:00:00:00:01'/>"
             "<source network='default'/></interface>"
             "<interface type='ethernet'><mac address='52:54:00:00:00:02'/>"
             "<target dev='tap7'/></interface>"
             "<memballoon model='virtio'/>"
             "</devices></domain>")

NOBALLOON_XML = ("<domain type='test'><name>nb</name>"
                 "<uuid>11111111-2222-3333-4444-777777777777</uuid>"
                 "<memory>1024</memory><os><type>hvm</type></os>"
                 "<devices>%s</devices></domain>")


def scenario_stats_of(c, d, key):
    """The calls of scenario_stats that do not change anything."""
    call(key + '.sched', d.schedulerType)
    call(key + '.sched-params', lambda: kv(d.schedulerParameters()))
    call(key + '.mem', lambda: kv(d.memoryStats()))
    call(key + '.time', lambda: kv(d.getTime()))


def scenario_stats(c):
    d = c.lookupByName('test')
    scenario_stats_of(c, d, 'stats.test')
    call('stats.test.sched-params-flags',
         lambda: kv(d.schedulerParametersFlags(0)))
    call('stats.test.sched-params-live', lambda: kv(d.schedulerParametersFlags(
        libvirt.VIR_DOMAIN_AFFECT_LIVE)))
    call('stats.test.sched-set', lambda: (
        d.setSchedulerParameters({'weight': 77}),
        kv(d.schedulerParameters()))[1])
    call('stats.test.sched-set-config', lambda: d.setSchedulerParametersFlags(
        {'weight': 77}, libvirt.VIR_DOMAIN_AFFECT_CONFIG))
    for disk in ['vda', '/guest/diskimage1']:
        call('stats.test.block.%s' % disk,
             lambda: block_shape(d.blockStats(disk)))
        call('stats.test.blockinfo.%s' % disk, lambda: d.blockInfo(disk))
    call('stats.test.block-grows', lambda: grows(lambda: d.blockStats('vda')))
    for disk in ['hda', 'diskimage1', '']:
        call('stats.test.block.%s' % disk, lambda: d.blockStats(disk))
        call('stats.test.blockinfo.%s' % disk, lambda: d.blockInfo(disk))
    for dev in ['testnet0', 'aa:bb:cc:dd:ee:ff', 'AA:BB:CC:DD:EE:FF']:
        call('stats.test.iface.%s' % dev,
             lambda: iface_shape(d.interfaceStats(dev)))
    call('stats.test.iface-grows',
         lambda: grows(lambda: d.interfaceStats('testnet0')))
    for dev in ['xx', '', 'TESTNET0']:
        call('stats.test.iface.%s' % dev, lambda: d.interfaceStats(dev))

    st = c.defineXML(STATS_XML)
    scenario_stats_of(c, st, 'stats.off')
    for disk in ['vda', '', 'xx']:
        call('stats.off.block.%s' % disk, lambda: st.blockStats(disk))
    for disk in ['vda', 'hdc', '/a/b.img', '/a/c.img', '/dev/sdz', 'xx']:
        call('stats.off.blockinfo.%s' % disk, lambda: st.blockInfo(disk))
    for dev in ['testnet0', 'xx', '']:
        call('stats.off.iface.%s' % dev, lambda: st.interfaceStats(dev))

    st.create()
    scenario_stats_of(c, st, 'stats.on')
    for disk in ['hdc', 'vdb', '/a/b.img', '/a/c.img', '/dev/sdz', 'VDA',
                 'vda ']:
        call('stats.on.block.%s' % disk,
             lambda: block_shape(st.blockStats(disk)))
    for dev in ['testnet1', 'tap7', '52:54:00:00:00:01', '52:54:0:0:0:2',
                '52:54:00:00:00:03', 'TAP7']:
        call('stats.on.iface.%s' % dev,
             lambda: iface_shape(st.interfaceStats(dev)))
    st.setMemoryFlags(500, libvirt.VIR_DOMAIN_AFFECT_CONFIG)
    call('stats.on.mem-config-set', lambda: kv(st.memoryStats()))
    st.setMemory(999)
    call('stats.on.mem-live-set', lambda: kv(st.memoryStats()))

    st.suspend()
    scenario_stats_of(c, st, 'stats.paused')
    call('stats.paused.block', lambda: block_shape(st.blockStats('vda')))
    call('stats.paused.iface', lambda: iface_shape(st.interfaceStats('tap7')))
    st.resume()
    st.destroy()
    st.undefine()
    scenario_stats_of(c, st, 'stats.gone')
    call('stats.gone.sched-set', lambda: st.setSchedulerParameters(
        {'weight': 1}))
    call('stats.gone.block', lambda: st.blockStats('vda'))
    call('stats.gone.block-empty', lambda: st.blockStats(''))
    call('stats.gone.blockinfo', lambda: st.blockInfo('vda'))
    call('stats.gone.iface', lambda: st.interfaceStats('tap7'))

    for name, devs in [('none', ''),
                       ('model-none', "<memballoon model='none'/>"),
                       ('xen', "<memballoon model='xen'/>")]:
        nb = c.createXML(NOBALLOON_XML % devs, 0)
        call('stats.balloon.%s' % name, lambda: kv(nb.memoryStats()))
        nb.destroy()

    call_err('stats.err.uuid', lambda: c.lookupByUUIDString('not-a-uuid'))
    call_err('stats.err.blockinfo-empty', lambda: d.blockInfo(''))
    call_err('stats.err.block-empty', lambda: d.blockStats(''))
    call_err('stats.err.iface', lambda: d.interfaceStats('xx'))
    scenario_stats_capi(c, d)


# What Python cannot ask: the C API through ctypes, on the libvirt.so the
# binding uses (the real one, or ours under LD_LIBRARY_PATH).

class CError(ctypes.Structure):
    _fields_ = [('code', ctypes.c_int), ('domain', ctypes.c_int),
                ('message', ctypes.c_char_p), ('level', ctypes.c_int),
                ('conn', ctypes.c_void_p), ('dom', ctypes.c_void_p),
                ('str1', ctypes.c_char_p), ('str2', ctypes.c_char_p),
                ('str3', ctypes.c_char_p), ('int1', ctypes.c_int),
                ('int2', ctypes.c_int), ('net', ctypes.c_void_p)]


class CTypedParam(ctypes.Structure):
    _fields_ = [('field', ctypes.c_char * 80), ('type', ctypes.c_int),
                ('value', ctypes.c_ulonglong)]


class CMemStat(ctypes.Structure):
    _fields_ = [('tag', ctypes.c_int), ('val', ctypes.c_ulonglong)]


LIB = ctypes.CDLL('libvirt.so.0')
LIB.virGetLastError.restype = ctypes.POINTER(CError)
CB = ctypes.CFUNCTYPE(None)
NO_CB = CB(lambda: None)


def c_result(ret):
    """A C call's int result, or its error as call_err writes it."""
    if ret >= 0:
        return str(ret)
    e = LIB.virGetLastError()
    if not e:
        return 'ERR (no error set)'
    e = e.contents

    def s(v):
        return None if v is None else v.decode()
    return '|'.join(str(x) for x in (e.code, e.domain, s(e.message), e.level,
                                     s(e.str1), s(e.str2), s(e.str3),
                                     e.int1, e.int2))


def c_params(*items):
    arr = (CTypedParam * max(len(items), 1))()
    for i, (name, typ, val) in enumerate(items):
        arr[i].field = name.encode()
        arr[i].type = typ
        arr[i].value = val
    return arr


def scenario_stats_capi(c, d):
    dp = ctypes.c_void_p(d.c_pointer())
    cp = ctypes.c_void_p(c.c_pointer())
    buf = ctypes.create_string_buffer(256)
    for size in [0, 16, 40, 48]:
        put('capi.block-size-%d' % size,
            c_result(LIB.virDomainBlockStats(dp, b'vda', buf,
                                             ctypes.c_size_t(size))))
    for size in [8, 64, 72]:
        put('capi.iface-size-%d' % size,
            c_result(LIB.virDomainInterfaceStats(dp, b'testnet0', buf,
                                                 ctypes.c_size_t(size))))
    stats = (CMemStat * 20)()
    for nr in [0, 1, 5, 12, 13, 14, 20]:
        n = LIB.virDomainMemoryStats(dp, stats, nr, 0)
        put('capi.mem-%d' % nr, c_result(n) if n <= 0 else ' '.join(
            '%d=%d' % (stats[i].tag, stats[i].val) for i in range(n)))
    put('capi.mem-null', c_result(LIB.virDomainMemoryStats(dp, None, 5, 0)))

    uint, int_ = libvirt.VIR_TYPED_PARAM_UINT, libvirt.VIR_TYPED_PARAM_INT
    for key, items in [('weight', [('weight', uint, 77)]),
                       ('none', []),
                       ('cap', [('cap', uint, 5)]),
                       ('int', [('weight', int_, 5)]),
                       ('twice', [('weight', uint, 5), ('weight', uint, 6)])]:
        put('capi.sched-set-%s' % key,
            c_result(LIB.virDomainSetSchedulerParameters(
                dp, c_params(*items), len(items))))
    for flags in [1, 2]:
        put('capi.sched-setflags-%d' % flags,
            c_result(LIB.virDomainSetSchedulerParametersFlags(
                dp, c_params(('weight', uint, 5)), 1, flags)))
    params = c_params(('x', uint, 0), ('y', uint, 0))
    nparams = ctypes.c_int(2)
    ret = LIB.virDomainGetSchedulerParameters(dp, params,
                                              ctypes.byref(nparams))
    put('capi.sched-get', '%s n=%d %s=%d' % (c_result(ret), nparams.value,
                                             params[0].field.decode(),
                                             params[0].value))
    for flags in [0, 1]:
        nparams = ctypes.c_int(1)
        put('capi.sched-getflags-%d' % flags,
            c_result(LIB.virDomainGetSchedulerParametersFlags(
                dp, params, ctypes.byref(nparams), flags)))
    nparams = ctypes.c_int(-7)
    LIB.virDomainGetSchedulerType.restype = ctypes.c_void_p
    ptr = LIB.virDomainGetSchedulerType(dp, ctypes.byref(nparams))
    put('capi.sched-type', '%s %d' % (ctypes.string_at(ptr).decode(),
                                      nparams.value))
    LIB.free(ctypes.c_void_p(ptr))

    for key, fn, ids in [
            ('dom', LIB.virConnectDomainEventRegisterAny, [-1, 99]),
            ('net', LIB.virConnectNetworkEventRegisterAny, [-1, 1, 99]),
            ('pool', LIB.virConnectStoragePoolEventRegisterAny, [2]),
            ('dev', LIB.virConnectNodeDeviceEventRegisterAny, [2])]:
        for eid in ids:
            put('capi.ev-%s-%d' % (key, eid),
                c_result(fn(cp, None, eid, NO_CB, None, None)))


# ---- network, storage pool and node device events ---------------------

def on_net_event(conn, net, event, detail, tag):
    events.append('%s:%s:%d:%d' % (tag, net.name(), event, detail))


def on_pool_event(conn, pool, event, detail, tag):
    events.append('%s:%s:%d:%d' % (tag, pool.name(), event, detail))


def on_pool_refresh(conn, pool, tag):
    events.append('%s:%s:refresh' % (tag, pool.name()))


def on_dev_event(conn, dev, event, detail, tag):
    events.append('%s:%s:%d:%d' % (tag, dev.name(), event, detail))


EV_NET_XML = ("<network><name>en</name>"
              "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5e0</uuid>"
              "<bridge name='virbr8'/></network>")
EV_NET2_XML = ("<network><name>et</name>"
               "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5e1</uuid></network>")
EV_POOL_XML = ("<pool type='dir'><name>ep</name>"
               "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4570</uuid>"
               "<target><path>/ep</path></target></pool>")
EV_POOL2_XML = ("<pool type='dir'><name>eq</name>"
                "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4571</uuid>"
                "<target><path>/eq</path></target></pool>")


def scenario_object_events(c):
    dflt = c.networkLookupByName('default')
    ids = [
        c.networkEventRegisterAny(None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                  on_net_event, 'net'),
        c.networkEventRegisterAny(dflt, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                  on_net_event, 'netdef'),
        c.storagePoolEventRegisterAny(
            None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, on_pool_event,
            'pool'),
        c.storagePoolEventRegisterAny(
            None, libvirt.VIR_STORAGE_POOL_EVENT_ID_REFRESH, on_pool_refresh,
            'refresh'),
        c.nodeDeviceEventRegisterAny(
            None, libvirt.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, on_dev_event,
            'dev'),
    ]
    put('oev.ids', ' '.join(str(i) for i in ids))
    call('oev.net-dup', lambda: c.networkEventRegisterAny(
        None, libvirt.VIR_NETWORK_EVENT_ID_LIFECYCLE, on_net_event, 'again'))
    call('oev.pool-dup', lambda: c.storagePoolEventRegisterAny(
        None, libvirt.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, on_pool_event,
        'again'))

    en = c.networkDefineXML(EV_NET_XML)
    drain('oev.net.define')
    steps = [
        ('create', en.create),
        ('redefine-active', lambda: c.networkDefineXML(EV_NET_XML).name()),
        ('undefine-active', en.undefine),
        ('destroy', en.destroy),
        ('destroy-again', en.destroy),
        ('create-again', en.create),
        ('destroy2', en.destroy),
        ('undefine', en.undefine),
        ('transient', lambda: c.networkCreateXML(EV_NET2_XML).name()),
        ('transient-destroy',
         lambda: c.networkLookupByName('et').destroy()),
        ('default-destroy', dflt.destroy),
        ('default-createxml',
         lambda: c.networkCreateXML(dflt.XMLDesc(0)).name()),
        ('default-autostart', lambda: dflt.setAutostart(1)),
    ]
    for name, fn in steps:
        call('oev.net.%s' % name, fn)
        drain('oev.net.%s.events' % name)

    ep = c.storagePoolDefineXML(EV_POOL_XML, 0)
    drain('oev.pool.define')
    steps = [
        ('build', lambda: ep.build(0)),
        ('create', lambda: ep.create(0)),
        ('create-again', lambda: ep.create(0)),
        ('build-active', lambda: ep.build(0)),
        ('delete-active', lambda: ep.delete(0)),
        ('refresh', lambda: ep.refresh(0)),
        ('redefine-active',
         lambda: c.storagePoolDefineXML(EV_POOL_XML, 0).name()),
        ('vol', lambda: ep.createXML(
            '<volume><name>ev</name><capacity>1</capacity></volume>',
            0).delete(0)),
        ('autostart', lambda: ep.setAutostart(1)),
        ('destroy', ep.destroy),
        ('destroy-again', ep.destroy),
        ('refresh-inactive', lambda: ep.refresh(0)),
        ('delete', lambda: ep.delete(0)),
        ('still-defined', lambda: ep.isActive()),
        ('undefine', ep.undefine),
        ('transient', lambda: c.storagePoolCreateXML(EV_POOL2_XML, 0).name()),
        ('transient-destroy',
         lambda: c.storagePoolLookupByName('eq').destroy()),
    ]
    for name, fn in steps:
        call('oev.pool.%s' % name, fn)
        drain('oev.pool.%s.events' % name)

    # An id is an id, whatever the kind it was registered for (the C API:
    # Python keeps one table of ids per kind).
    cp = ctypes.c_void_p(c.c_pointer())
    put('oev.dereg-cross',
        c_result(LIB.virConnectNetworkEventDeregisterAny(cp, ids[2])))
    call('oev.dereg-cross-again',
         lambda: (c.storagePoolEventDeregisterAny(ids[2]), 0)[1])
    put('oev.dereg-dev-by-domain',
        c_result(LIB.virConnectDomainEventDeregisterAny(cp, ids[4])))
    for i, fn in [(0, c.networkEventDeregisterAny),
                  (1, c.networkEventDeregisterAny),
                  (3, c.storagePoolEventDeregisterAny)]:
        call('oev.dereg-%d' % i, lambda: (fn(ids[i]), 0)[1])
    call('oev.dereg-again', lambda: (c.networkEventDeregisterAny(ids[0]),
                                     0)[1])
    dflt.destroy()
    dflt.create()
    drain('oev.none')


# ---- a host from a <node> file ----------------------------------------

def scenario_file():
    c = libvirt.open('test://%s/node.xml' % DATADIR)
    call('file.nodeinfo', c.getInfo)
    call('file.freemem', c.getFreeMemory)
    call('file.cells', lambda: c.getCellsFreeMemory(0, 1))
    put_xml('file-capabilities', c.getCapabilities())
    for d in sorted(c.listAllDomains(0), key=lambda x: x.name()):
        n = d.name()
        call('file.dom.%s' % n, lambda: '%s id=%d persistent=%d ms=%d' % (
            state(d), d.ID(), d.isPersistent(), d.hasManagedSaveImage(0)))
        call('file.dom.%s.info' % n, lambda: dominfo(d))
        put_xml('file-domain-%s' % n, d.XMLDesc(0))
    fv = c.lookupByName('fv0')
    call('file.dom.fv0.undefine', fv.undefine)
    call('file.dom.fv0.create', lambda: (fv.create(), state(fv),
                                         fv.hasManagedSaveImage(0)))
    ff = c.lookupByName('fromfile')
    call('file.dom.fromfile.reboot', lambda: (ff.reboot(0), state(ff)))
    for n in sorted(c.listAllNetworks(0), key=lambda x: x.name()):
        call('file.net.%s' % n.name(), lambda: '%d %d %s' % (
            n.isActive(), n.isPersistent(), n.bridgeName()))
        put_xml('file-network-%s' % n.name(), n.XMLDesc(0))
    p = c.storagePoolLookupByName('p1')
    call('file.pool.info', p.info)
    for v in sorted(p.listAllVolumes(0), key=lambda x: x.name()):
        call('file.vol.%s' % v.name(), lambda: '%s %s %s' % (
            v.key(), v.path(), v.info()))
        put_xml('file-volume-%s' % v.name(), v.XMLDesc(0))
    for i in sorted(c.listAllInterfaces(0), key=lambda x: x.name()):
        call('file.iface.%s' % i.name(), lambda: '%s %d' % (
            i.MACString(), i.isActive()))
        put_xml('file-interface-%s' % i.name(), i.XMLDesc(0))
    call('file.devs', lambda: names(c.listAllDevices(0)))
    put_xml('file-nodedev-pci', c.nodeDeviceLookupByName(
        'pci_0000_00_01_0').XMLDesc(0))
    c.close()


def main():
    scenario_open()
    c = libvirt.open('test:///default')
    scenario_host(c)
    scenario_domains(c)
    scenario_lifecycle(c)
    scenario_networks(c)
    scenario_storage(c)
    scenario_interfaces(c)
    scenario_nodedevs(c)
    scenario_stats(c)
    scenario_object_events(c)
    c.close()

    # The default host is rebuilt once its last connection is gone.
    c = libvirt.open('test:///default')
    call('reset.state', lambda: state(c.lookupByName('test')))
    call('reset.foo', lambda: c.lookupByName('act'))
    c.close()

    scenario_file()

    with open(os.path.join(OUTDIR, 'expected.txt'), 'w') as f:
        f.write('# Generated by regen.py from libvirt %d; do not edit.\n'
                % libvirt.getVersion())
        f.write('\n'.join(results) + '\n')


main()
