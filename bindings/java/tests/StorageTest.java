// SPDX-License-Identifier: LGPL-2.1-or-later
// Pools, volumes, networks, interfaces, secrets and node devices.
import static org.junit.Assert.*;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.libvirt.*;
import org.libvirt.Error;

public class StorageTest {
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
    public void pool() throws LibvirtException {
        StoragePool p = conn.storagePoolLookupByName("default-pool");
        StoragePoolInfo i = p.getInfo();
        assertEquals(StoragePoolInfo.StoragePoolState.VIR_STORAGE_POOL_RUNNING, i.state);
        assertEquals(107374182400L, i.capacity);
        assertEquals(1, p.isActive());
        assertEquals(0, p.numOfVolumes());
        StorageVol v = p.storageVolCreateXML("<volume><name>j.img</name>" +
            "<capacity unit='bytes'>1048576</capacity></volume>", 0);
        assertEquals("j.img", v.getName());
        assertEquals("/default-pool/j.img", v.getPath());
        StorageVolInfo vi = v.getInfo();
        assertEquals(StorageVolInfo.VirStorageVolType.VIR_STORAGE_VOL_FILE, vi.type);
        assertEquals(1048576L, vi.capacity);
        assertArrayEquals(new String[] {"j.img"}, p.listVolumes());
        assertEquals("default-pool", v.storagePoolLookupByVolume().getName());
        assertEquals("j.img", conn.storageVolLookupByPath("/default-pool/j.img").getName());
        v.delete(0);
        assertEquals(0, p.numOfVolumes());
    }

    @Test
    public void network() throws LibvirtException {
        Network n = conn.networkLookupByName("default");
        assertEquals("virbr0", n.getBridgeName());
        assertEquals("dd8fe884-6c02-601e-7551-cca97df1c5df", n.getUUIDString());
        assertEquals(1, n.isActive());
        assertFalse(n.getAutostart());
        assertTrue(n.getXMLDesc(0).contains("<name>default</name>"));
    }

    @Test
    public void iface() throws LibvirtException {
        Interface i = conn.interfaceLookupByName("eth1");
        assertEquals("eth1", i.getName());
        assertTrue(i.getXMLDescription(0).contains("eth1"));
        assertEquals(1, i.isActive());
    }

    @Test
    public void secret() throws LibvirtException {
        // the test driver keeps no secrets (as libvirt 9.0's)
        try {
            conn.secretDefineXML("<secret ephemeral='no' private='no'>" +
                "<usage type='volume'><volume>/j/v</volume></usage></secret>");
            fail("no exception");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_NO_SUPPORT, e.getError().getCode());
        }
    }

    @Test
    public void device() throws LibvirtException {
        Device d = conn.deviceLookupByName("computer");
        assertEquals("computer", d.getName());
        assertTrue(d.getXMLDescription().contains("<name>computer</name>"));
        assertTrue(d.getNumberOfCapabilities() >= 1);
        assertEquals("system", d.listCapabilities()[0]);
    }
}
