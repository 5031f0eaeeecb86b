"""update-scenario.py: network updates, storage source discovery, volume
copies and vHBAs on test:///default, printed one result a line, so that
the output on libvirt 9.0 and on virtkit can be compared
(tests/test-driver-update.sh).

SPDX-License-Identifier: LGPL-2.1-or-later
"""
import libvirt

libvirt.registerErrorHandler(lambda ctx, err: None, None)
conn = libvirt.open('test:///default')


def err(e):
    return 'ERR %s %d %d' % (e, e.get_error_code(), e.get_error_domain())


# ---- every command on every updatable section, with several flags ----
net = conn.networkDefineXML("""<network><name>t6</name>
<uuid>6dcb73d6-f459-44f3-acc5-4e84a21eae26</uuid><bridge name='vb6'/>
<forward mode='route'/>
<dns><txt name='x' value='y'/><host ip='10.1.1.9'><hostname>h9</hostname></host>
<srv service='s' protocol='tcp'/></dns>
<ip address='10.1.1.1' prefix='24'><dhcp><range start='10.1.1.10' end='10.1.1.20'/>
<host mac='00:16:3e:00:00:01' name='n1' ip='10.1.1.30'/></dhcp></ip>
<ip family='ipv6' address='2001:db8::1' prefix='64'><dhcp>
<range start='2001:db8::10' end='2001:db8::20'/></dhcp></ip>
<portgroup name='pg1' default='yes'/></network>""")
net.create()
SECTIONS = [
    (4, ["<host mac='00:16:3e:00:00:01' ip='10.1.1.31'/>",
         "<host mac='00:16:3E:00:00:01' name='n2' ip='10.1.1.32'/>",
         "<host name='n1' ip='10.1.1.33'/>", "<host ip='10.1.1.30'/>",
         "<host id='0:3:0:1' ip='2001:db8::5'/>",
         "<host name='v6' ip='2001:db8::6'/>",
         "<host mac='00:16:3e:00:00:09' ip='2001:db8::7'/>", "<host/>",
         "<host mac='00:16:3e:00:00:01'/>",
         "<host mac='01:16:3e:00:00:01' ip='10.1.1.40'/>",
         "<host name='-x' ip='10.1.1.41' mac='00:16:3e:00:00:02'/>"]),
    (5, ["<range start='10.1.1.10' end='10.1.1.20'/>",
         "<range start='2001:db8::30' end='2001:db8::40'/>",
         "<range start='10.1.1.50' end='10.1.1.60'><lease expiry='1' unit='hours'/></range>",
         "<range start='2001:db8::10' end='2001:db8::20'/>",
         "<range end='10.1.1.5'/>", "<range start='bogus' end='10.1.1.5'/>"]),
    (10, ["<host ip='10.1.1.9'/>", "<host ip='10.1.1.9'><hostname>h9</hostname></host>",
          "<host ip='10.1.1.8'><hostname>h9</hostname></host>",
          "<host><hostname>a</hostname></host>",
          "<host ip='x'><hostname>a</hostname></host>",
          "<host ip='10.1.1.7'><hostname></hostname></host>"]),
    (11, ["<txt name='x' value='z'/>", "<txt name='a b' value='z'/>",
          "<txt value='z'/>", "<txt name='q' value='w'/>"]),
    (12, ["<srv service='s' protocol='tcp'/>",
          "<srv service='s' protocol='udp' target='t' port='5'/>",
          "<srv service='toolongservicename1' protocol='tcp'/>",
          "<srv service='s.x' protocol='tcp'/>", "<srv service='s'/>",
          "<srv service='s' protocol='tcp' port='5'/>"]),
    (9, ["<portgroup name='pg1'/>", "<portgroup name='pg2' default='yes'/>",
         "<portgroup name='pg3'><vlan><tag id='42'/></vlan></portgroup>",
         "<portgroup name='pg1' default='yes'><bandwidth><outbound average='10'/></bandwidth></portgroup>"]),
    (7, ["<interface dev='eth0'/>", "<interface dev='eth1'/>", "<interface/>"]),
    (1, ["<bridge name='x'/>"]), (6, ["<forward/>"]), (13, ["<x/>"]),
]
for cmd in [3, 4, 1, 2, 3, 2, 0, 5]:
    for sec, xmls in SECTIONS:
        for idx in [-1, 0, 1, 2]:
            for xml in xmls:
                for flags in [0, 2, 3]:
                    try:
                        net.update(cmd, sec, idx, xml, flags)
                        res = 'OK'
                    except libvirt.libvirtError as e:
                        res = err(e)
                    print(cmd, sec, idx, flags, xml, '|', res)
for bad in ["<host", "", "junk"]:
    try:
        net.update(3, 4, -1, bad, 0)
    except libvirt.libvirtError as e:
        print('bad xml', repr(bad), '|', err(e))
print(net.XMLDesc())
net.destroy()
for flags in [0, 1, 2]:
    try:
        net.update(3, 11, -1, "<txt name='off' value='v'/>", flags)
        print('inactive', flags, 'OK')
    except libvirt.libvirtError as e:
        print('inactive', flags, err(e))
print(net.XMLDesc())
net.undefine()
tr = conn.networkCreateXML("<network><name>tr</name><bridge name='vbt'/></network>")
for flags in [0, 1, 2, 3]:
    try:
        tr.update(3, 9, -1, "<portgroup name='p%d'/>" % flags, flags)
        print('transient', flags, 'OK')
    except libvirt.libvirtError as e:
        print('transient', flags, err(e))
tr.destroy()

# ---- storage: source discovery and copies ----
for ptype, spec in [('logical', None), ('logical', "<source/>"),
                    ('netfs', "<source><host name='a'/></source>"),
                    ('netfs', "<source><dir path='/x'/><host name='q'/><host name='r'/></source>"),
                    ('netfs', None), ('netfs', "<foo/>"), ('netfs', "junk"),
                    ('netfs', "<source><host/></source>"), ('dir', "junk"),
                    ('fs', None), ('foo', None), ('iscsi', "<source/>")]:
    try:
        print('sources', ptype, repr(conn.findStoragePoolSources(ptype, spec, 0)))
    except libvirt.libvirtError as e:
        print('sources', ptype, repr(spec), err(e))
pool = conn.storagePoolLookupByName('default-pool')
v1 = pool.createXML("<volume><name>v1</name><capacity>10485760</capacity>"
                    "<allocation>1048576</allocation></volume>", 0)
for xml in ["<volume><name>v2</name><capacity>5242880</capacity></volume>",
            "<volume><name>v3</name><capacity>5242880</capacity><allocation>0</allocation>"
            "<target><path>/foo/bar</path></target><key>k</key></volume>",
            "<volume><name>v2</name><capacity>1</capacity></volume>",
            "<volume><name>v4</name><capacity>524288000000000</capacity></volume>",
            "garbage"]:
    try:
        v = pool.createXMLFrom(xml, v1, 0)
        print('copy', v.name(), v.info(), v.XMLDesc())
    except libvirt.libvirtError as e:
        print('copy', err(e))
print('pool', pool.info())
v1.delete()
try:
    pool.createXMLFrom("<volume><name>x2</name><capacity>1</capacity></volume>", v1, 0)
except libvirt.libvirtError as e:
    print('copy of deleted', err(e))

# ---- node devices: vHBAs ----
FC = ("<capability type='fc_host'><wwnn>2000000012341299</wwnn>"
      "<wwpn>1000000012341299</wwpn></capability>")
for xml in ["<device><parent>scsi_host1</parent><capability type='scsi_host'>%s</capability></device>" % FC,
            "<device><capability type='scsi_host'>%s</capability></device>" % FC,
            "<device><parent>computer</parent><capability type='scsi_host'>%s</capability></device>" % FC,
            "<device><parent>nosuch</parent><capability type='scsi_host'>%s</capability></device>" % FC,
            "<device><parent>scsi_host1</parent><capability type='scsi_host'><capability type='fc_host'>"
            "<wwnn>2000000012341234</wwnn></capability></capability></device>",
            "<device><parent>scsi_host1</parent><capability type='net'><interface>e</interface></capability></device>",
            "<device><name>x</name><parent>computer</parent><capability type='system'/></device>",
            "<device><parent>scsi_host1</parent></device>", "<foo/>", ""]:
    try:
        d = conn.nodeDeviceCreateXML(xml, 0)
        print('create', d.name(), d.parent(), d.XMLDesc())
    except libvirt.libvirtError as e:
        print('create', err(e))
print(sorted(conn.listDevices(None, 0)))
for name in ['computer', 'scsi_host12', 'scsi_host12', 'scsi_host1', 'scsi_host11']:
    try:
        print('destroy', name, conn.nodeDeviceLookupByName(name).destroy())
    except libvirt.libvirtError as e:
        print('destroy', name, err(e))
    print(sorted(conn.listDevices(None, 0)))
try:
    conn.nodeDeviceCreateXML("<device><parent>scsi_host2</parent><capability type='scsi_host'>%s</capability></device>" % FC, 0)
except libvirt.libvirtError as e:
    print('create without scsi_host11', err(e))
