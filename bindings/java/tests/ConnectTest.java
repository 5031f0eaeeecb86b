// SPDX-License-Identifier: LGPL-2.1-or-later
// org.libvirt.Connect on test:///default: opening, host facts, lists.
import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.libvirt.*;
import org.libvirt.Error;

public class ConnectTest {
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
    public void ourLibraryIsLoaded() throws Exception {
        String dir = System.getenv("VKJAVA_LIBDIR");
        assertNotNull("VKJAVA_LIBDIR is set", dir);
        String want = new java.io.File(dir).getCanonicalPath();
        String maps = new String(Files.readAllBytes(Paths.get("/proc/self/maps")));
        boolean ours = false;
        for (String line : maps.split("\n"))
            if (line.endsWith(".so.0") || line.contains("libvirt.so"))
                ours |= line.contains(want + "/libvirt.so");
        assertTrue("libvirt.so comes from " + want, ours);
    }

    @Test
    public void facts() throws LibvirtException {
        assertEquals("test:///default", conn.getURI());
        assertEquals("TEST", conn.getType());
        assertTrue(conn.getHostName().length() > 0);
        assertTrue(conn.isAlive());
        assertEquals(0, conn.isEncrypted());
        assertEquals(1, conn.isSecure());
        assertEquals(9000000, conn.getLibVersion());
        assertEquals(9000000, Library.getVersion());
        assertTrue(conn.isConnected());
        assertTrue(conn.getCapabilities().contains("<capabilities>"));
        assertEquals(32, conn.getMaxVcpus("test"));
    }

    @Test
    public void nodeInfo() throws LibvirtException {
        NodeInfo n = conn.nodeInfo();
        assertEquals("i686", n.model);
        assertEquals(16, n.cpus);
        assertEquals(1400, n.mhz);
        assertEquals(3145728L, n.memory);
        assertEquals(2, n.nodes);
        assertEquals(3145728L, conn.getFreeMemory());
    }

    @Test
    public void lists() throws LibvirtException {
        assertArrayEquals(new int[] {1}, conn.listDomains());
        assertEquals(1, conn.numOfDomains());
        assertEquals(0, conn.listDefinedDomains().length);
        assertArrayEquals(new String[] {"default"}, conn.listNetworks());
        assertArrayEquals(new String[] {"default-pool"}, conn.listStoragePools());
        assertArrayEquals(new String[] {"eth1"}, conn.listInterfaces());
        String[] devs = conn.listDevices(null);
        Arrays.sort(devs);
        assertEquals("computer", devs[0]);
        assertEquals(devs.length, conn.numOfDevices(null));
        Domain[] all = conn.listAllDomains(0);
        assertEquals(1, all.length);
        assertEquals("test", all[0].getName());
        assertEquals(1, conn.listAllDomains(
            Connect.ConnectListAllDomainsFlags.CONNECT_LIST_DOMAINS_ACTIVE).length);
        assertEquals(0, conn.listAllDomains(
            Connect.ConnectListAllDomainsFlags.CONNECT_LIST_DOMAINS_INACTIVE).length);
    }

    @Test
    public void readOnly() throws LibvirtException {
        Connect ro = new Connect("test:///default", true);
        Domain d = ro.domainLookupByName("test");
        try {
            d.destroy();
            fail("destroy on a read-only connection");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_OPERATION_DENIED, e.getError().getCode());
        }
        ro.close();
    }

    @Test
    public void auth() throws LibvirtException {
        ConnectAuth auth = new ConnectAuth() {
            {
                credType = new CredentialType[] {
                    CredentialType.VIR_CRED_AUTHNAME, CredentialType.VIR_CRED_PASSPHRASE };
            }

            @Override
            public int callback(Credential[] cred) {
                for (Credential c : cred)
                    c.result = "secret";
                return 0;
            }
        };
        Connect c = new Connect("test:///default", auth, 0);
        assertEquals("test", c.domainLookupByName("test").getName());
        c.close();
    }

    @Test
    public void uriAndFlags() throws Exception {
        Connect ro = new Connect(new java.net.URI("test:///default"),
                                 Connect.OpenFlags.READONLY);
        try {
            ro.domainLookupByName("test").suspend();
            fail("suspend on a read-only connection");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_OPERATION_DENIED, e.getError().getCode());
        }
        ro.close();
        Connect rw = new Connect(new java.net.URI("test:///default"));
        assertEquals("test:///default", rw.getURI());
        rw.close();
    }

    @Test
    public void closeTwice() throws LibvirtException {
        Connect c = new Connect("test:///default");
        assertEquals(0, c.close());
        assertEquals(0, c.close());
        assertFalse(c.isConnected());
    }
}
