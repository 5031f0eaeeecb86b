// SPDX-License-Identifier: LGPL-2.1-or-later
// The shapes added last: two values at once, CPU maps, lists of structs,
// the host's statistics, many domains' statistics, the network and pool
// listeners, whole-stream transfers, and libvirt-qemu.so / libvirt-lxc.so
// reached through their own JNA interfaces.  On test:///default, whose
// answers are libvirt 9.0's test driver's.
import static org.junit.Assert.*;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.junit.Test;
import org.libvirt.*;
import org.libvirt.event.*;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.StreamPointer;

public class HostTest {
    static void unsupported(final Runnable0 r) {
        try {
            r.run();
            fail("no exception");
        } catch (LibvirtException e) {
            assertEquals(org.libvirt.Error.ErrorNumber.VIR_ERR_NO_SUPPORT,
                         e.getError().getCode());
        }
    }

    interface Runnable0 {
        void run() throws LibvirtException;
    }

    @Test
    public void domainShapes() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");
        // (the reason depends on what the other tests did to "test")
        int[] state = dom.getState();
        assertEquals(2, state.length);
        assertEquals(1, state[0]);
        assertEquals(DomainInfo.DomainState.VIR_DOMAIN_RUNNING,
                     DomainInfo.DomainState.values()[dom.getState(0)[0]]);
        long[] t = dom.getTime();
        assertEquals(2, t.length);
        assertTrue(t[0] > 0);
        // 8 host CPUs: one byte per map
        dom.pinVcpu(0, new int[] {0x0f});
        dom.pinVcpuFlags(1, new int[] {0x03}, 0);
        dom.pinEmulator(new int[] {0x01}, 0);
        assertArrayEquals(new int[] {0x0f, 0x03}, dom.getVcpuPinInfo());
        assertArrayEquals(new int[] {0x01}, dom.getEmulatorPinInfo(0));
        DomainFSInfo[] fs = dom.getFSInfo();
        assertEquals(2, fs.length);
        assertEquals("/", fs[0].mountpoint);
        assertEquals("vda1", fs[0].name);
        assertEquals("ext4", fs[0].fstype);
        assertArrayEquals(new String[] {"vda"}, fs[1].devAlias);
        assertEquals(0, dom.getIOThreadInfo(0).length);
        unsupported(() -> dom.getSecurityLabelList());
        assertEquals(1, dom.cpuMapLength(8));
        conn.close();
    }

    @Test
    public void host() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        boolean[] online = conn.getCPUMap();
        assertEquals(8, online.length);
        assertTrue(online[0]);
        assertFalse(online[1]);
        Map<String, Long> cpu = conn.getCPUStats(-1, 0);
        assertEquals("[user, kernel, idle, iowait]", cpu.keySet().toString());
        assertTrue(cpu.get("idle") > 0);
        unsupported(() -> conn.getMemoryStats(-1, 0));
        assertEquals(0, conn.getFreePages(new int[] {4, 2048}, 0, 1, 0).length);
        unsupported(() -> conn.allocPages(new int[] {2048}, new long[] {1}, 0, 1, 0));
        conn.close();
    }

    @Test
    public void domainStats() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        DomainStatsRecord[] all = conn.getAllDomainStats(0, 0);
        assertEquals(1, all.length);
        assertEquals("test", all[0].domain.getName());
        assertTrue(all[0].params.length > 0);
        assertEquals("state.state", all[0].params[0].field);
        all[0].domain.free();
        Domain dom = conn.domainLookupByName("test");
        DomainStatsRecord[] one = conn.getDomainListStats(new Domain[] {dom},
            Domain.StatsTypes.STATE, 0);
        assertEquals(1, one.length);
        assertEquals("test", one[0].domain.getName());
        conn.close();
    }

    @Test
    public void objectListeners() throws LibvirtException {
        Library.initEventLoop();
        Connect conn = new Connect("test:///default");
        List<String> got = new ArrayList<>();
        NetworkLifecycleListener nl = (Network n, int event, int detail) -> {
            try {
                got.add("net " + n.getName() + " " + event);
            } catch (LibvirtException e) {
                got.add(e.toString());
            }
        };
        StoragePoolLifecycleListener pl = (StoragePool p, int event, int detail) ->
            got.add("pool " + event);
        StoragePoolRefreshListener pr = (StoragePool p) -> got.add("refresh");
        SecretValueChangedListener sv = (Secret s) -> got.add("secret");
        DeviceUpdateListener du = (Device d) -> got.add("device");
        conn.addNetworkLifecycleListener(nl);
        conn.addStoragePoolLifecycleListener(pl);
        conn.addStoragePoolRefreshListener(pr);
        conn.addDeviceUpdateListener(du);
        // the test driver has no secrets, nor their events (as libvirt 9.0's)
        unsupported(() -> conn.addSecretValueChangedListener(sv));
        Network net = conn.networkDefineXML("<network><name>jnet</name>" +
            "<bridge name='jbr0'/></network>");
        net.create();
        net.destroy();
        net.undefine();
        conn.storagePoolLookupByName("default-pool").refresh(0);
        while (got.size() < 5)
            Library.processEvent();
        assertEquals("[net jnet " + Network.EventLifecycleType.DEFINED +
                     ", net jnet " + Network.EventLifecycleType.STARTED +
                     ", net jnet " + Network.EventLifecycleType.STOPPED +
                     ", net jnet " + Network.EventLifecycleType.UNDEFINED +
                     ", refresh]", got.toString());
        conn.removeNetworkLifecycleListener(nl);
        conn.removeStoragePoolLifecycleListener(pl);
        conn.removeStoragePoolRefreshListener(pr);
        conn.removeSecretValueChangedListener(sv);  // never added: nothing
        conn.removeDeviceUpdateListener(du);
        conn.removeDeviceUpdateListener(du);     // a second time: nothing
        conn.close();
    }

    @Test
    public void receiveAll() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");
        Stream st = conn.streamNew(0);
        dom.screenshot(st, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Libvirt.VirStreamSinkFunc sink = (StreamPointer s, Pointer data,
                                          NativeLong n, Pointer opaque) -> {
            out.write(data.getByteArray(0, n.intValue()), 0, n.intValue());
            return n.intValue();
        };
        st.receiveAll(sink);
        st.finish();
        byte[] png = out.toByteArray();
        assertTrue(png.length > 8);
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        st.free();
        conn.close();
    }

    @Test
    public void qemuAndLxc() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");
        unsupported(() -> dom.qemuMonitorCommand("{\"execute\":\"query-status\"}", 0));
        unsupported(() -> dom.qemuAgentCommand("{}", 5, 0));
        unsupported(() -> dom.lxcOpenNamespace(0));
        QemuMonitorListener q = (Domain d, String ev, long s, int us, String det) -> { };
        unsupported(() -> conn.addQemuMonitorListener(null, null, q, 0));
        conn.close();
    }
}
