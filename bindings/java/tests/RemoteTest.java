// SPDX-License-Identifier: LGPL-2.1-or-later
// The binding through virtkitd: java-test.sh starts a private daemon and
// names its test driver's URI in VKJAVA_REMOTE_URI (skipped without it).
import static org.junit.Assert.*;
import static org.junit.Assume.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.libvirt.*;
import org.libvirt.Error;
import org.libvirt.event.*;

public class RemoteTest {
    private Connect conn;

    @Before
    public void open() throws LibvirtException {
        String uri = System.getenv("VKJAVA_REMOTE_URI");
        assumeTrue("no private virtkitd (VKJAVA_REMOTE_URI)", uri != null);
        Library.initEventLoop();
        conn = new Connect(uri);
    }

    @After
    public void close() throws LibvirtException {
        if (conn != null)
            conn.close();
    }

    @Test
    public void calls() throws LibvirtException {
        assertTrue(conn.getURI().startsWith("test+unix:///default"));
        assertArrayEquals(new int[] {1}, conn.listDomains());
        Domain d = conn.domainLookupByName("test");
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING, d.getInfo().state);
        assertEquals("6695eb01-f6a4-8304-79aa-97f2502e193f", d.getUUIDString());
        assertEquals(16, conn.nodeInfo().cpus);
        assertEquals(1, conn.listAllDomains(0).length);
        TypedParameter[] mem = d.getMemoryParameters(0);
        assertTrue(mem.length > 0);
        assertEquals("weight", d.getSchedulerParameters()[0].field);
    }

    @Test
    public void errors() {
        try {
            conn.domainLookupByName("nope");
            fail("no exception");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_NO_DOMAIN, e.getError().getCode());
            assertEquals("Domain not found", e.getMessage());
        }
    }

    @Test
    public void events() throws LibvirtException {
        Domain d = conn.domainLookupByName("test");
        List<String> got = new ArrayList<>();
        LifecycleListener l = (Domain dom, DomainEvent e) -> {
            got.add(e.getType() + " " + e.getDetail());
            return 0;
        };
        conn.addLifecycleListener(l);
        d.suspend();
        d.resume();
        while (got.size() < 2)
            Library.processEvent();
        assertEquals("SUSPENDED PAUSED", got.get(0));
        assertEquals("RESUMED UNPAUSED", got.get(1));
        conn.removeLifecycleListener(l);
    }
}
