// SPDX-License-Identifier: LGPL-2.1-or-later
// org.libvirt.Domain on test:///default: lookups, info, lifecycle.
import static org.junit.Assert.*;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.libvirt.*;
import org.libvirt.Error;

public class DomainTest {
    private static final String XML =
        "<domain type='test'><name>jdom</name>" +
        "<uuid>5a5e8c21-1f3c-4b8a-9d0e-7c1b2a3d4e61</uuid>" +
        "<memory unit='KiB'>262144</memory><vcpu>1</vcpu>" +
        "<os><type arch='i686'>hvm</type></os></domain>";
    private Connect conn;

    @Before
    public void open() throws LibvirtException {
        conn = new Connect("test:///default");
    }

    @After
    public void close() throws LibvirtException {
        conn.close();
    }

    @Test
    public void lookups() throws LibvirtException {
        Domain d = conn.domainLookupByName("test");
        assertEquals("test", d.getName());
        assertEquals(1, d.getID());
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", d.getUUIDString());
        int[] uuid = d.getUUID();
        assertEquals(16, uuid.length);
        assertEquals(0x66, uuid[0]);
        assertEquals(0xeb, uuid[2]);
        assertEquals("test", conn.domainLookupByID(1).getName());
        assertEquals("test", conn.domainLookupByUUID(uuid).getName());
        assertEquals("test", conn.domainLookupByUUIDString(d.getUUIDString()).getName());
        assertEquals("test", conn.domainLookupByUUID(
            java.util.UUID.fromString(d.getUUIDString())).getName());
        assertSame(conn, d.getConnect());
    }

    @Test
    public void info() throws LibvirtException {
        Domain d = conn.domainLookupByName("test");
        DomainInfo i = d.getInfo();
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, i.state);
        assertEquals(8388608L, i.maxMem);
        assertEquals(2097152L, i.memory);
        assertEquals(2, i.nrVirtCpu);
        assertEquals(8388608L, d.getMaxMemory());
        assertEquals("linux", d.getOSType());
        assertEquals(1, d.isActive());
        assertEquals(1, d.isPersistent());
        assertFalse(d.getAutostart());
        assertTrue(d.getXMLDesc(0).startsWith("<domain type='test' id='1'>"));
        assertTrue(d.getXMLDesc(Domain.XMLFlags.INACTIVE).startsWith("<domain type='test'>"));
    }

    @Test
    public void lifecycle() throws LibvirtException {
        Domain d = conn.domainDefineXML(XML);
        assertEquals("jdom", d.getName());
        assertEquals(0, d.isActive());
        assertArrayEquals(new String[] {"jdom"}, conn.listDefinedDomains());
        assertEquals(0, d.create());
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, d.getInfo().state);
        d.suspend();
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_PAUSED, d.getInfo().state);
        d.resume();
        d.setAutostart(true);
        assertTrue(d.getAutostart());
        d.destroy();
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_SHUTOFF, d.getInfo().state);
        d.undefine();
        try {
            conn.domainLookupByName("jdom");
            fail("found after undefine");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_NO_DOMAIN, e.getError().getCode());
        }
        assertEquals(0, d.free());
        assertEquals(0, d.free());
    }

    @Test
    public void snapshots() throws LibvirtException {
        Domain d = conn.domainLookupByName("test");
        assertEquals(0, d.snapshotNum());
        DomainSnapshot s = d.snapshotCreateXML("<domainsnapshot><name>s1</name></domainsnapshot>");
        assertEquals(1, d.snapshotNum());
        assertArrayEquals(new String[] {"s1"}, d.snapshotListNames());
        assertTrue(s.getXMLDesc().contains("<name>s1</name>"));
        assertEquals("s1", d.snapshotCurrent().getName());
        assertEquals(0, s.delete(0));
        assertEquals(0, d.snapshotNum());
    }

    @Test
    public void vcpus() throws LibvirtException {
        VcpuInfo[] v = conn.domainLookupByName("test").getVcpusInfo();
        assertEquals(2, v.length);
        assertEquals(1, v[1].number);
        assertEquals(VcpuInfo.VcpuState.VIR_VCPU_RUNNING, v[0].state);
    }

    @Test
    public void sendKey() throws LibvirtException {
        Domain d = conn.domainLookupByName("test");
        d.sendKey(KeycodeSet.LINUX, 0, 28, 29);
        d.sendKey(KeycodeSet.RFB, 10, new int[] {28}, 0);
        try {
            d.sendKey(KeycodeSet.LINUX, 0);
            fail("no keys accepted");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_INVALID_ARG, e.getError().getCode());
        }
    }

    @Test
    public void javaEnums() throws LibvirtException {
        assertEquals(9, KeycodeSet.RFB.value());
        assertEquals(SuspendTarget.MEMORY, SuspendTarget.get(0));
        assertEquals(-1, CPUCompareResult.VIR_CPU_COMPARE_ERROR.getReturnCode());
        assertEquals(CPUCompareResult.VIR_CPU_COMPARE_SUPERSET, CPUCompareResult.get(2));
        try {
            conn.domainLookupByName("test").PMsuspend(SuspendTarget.MEMORY);
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_NO_SUPPORT, e.getError().getCode());
        }
    }

    @Test
    public void interfaceAddresses() throws LibvirtException {
        java.util.Collection<DomainInterface> ifs = conn.domainLookupByName("test")
            .interfaceAddresses(Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, 0);
        assertEquals(1, ifs.size());
        DomainInterface i = ifs.iterator().next();
        assertEquals("testnet0", i.name);
        assertEquals("aa:bb:cc:dd:ee:ff", i.hwAddr);
        DomainInterface.InterfaceAddress a = i.addrs.iterator().next();
        assertEquals("192.168.122.3", a.address.getHostAddress());
        assertEquals(24, a.prefixLength);
    }

    @Test
    public void memoryStats() throws LibvirtException {
        MemoryStatistic[] stats = conn.domainLookupByName("test").memoryStats(10);
        assertTrue(stats.length > 0);
    }
}
