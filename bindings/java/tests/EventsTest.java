// SPDX-License-Identifier: LGPL-2.1-or-later
// Domain lifecycle and reboot listeners on the default event loop.
import static org.junit.Assert.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.libvirt.*;
import org.libvirt.event.*;

public class EventsTest {
    @Test
    public void lifecycle() throws LibvirtException {
        Library.initEventLoop();
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");
        List<String> got = new ArrayList<>();
        LifecycleListener l = (Domain d, DomainEvent e) -> {
            got.add(e.getType() + " " + e.getDetail());
            return 0;
        };
        dom.addLifecycleListener(l);
        RebootListener r = (Domain d) -> got.add("reboot");
        conn.addRebootListener(r);
        dom.suspend();
        dom.resume();
        // (libvirt 9.0's test driver sends no reboot event: the reboot
        // listener is only registered and removed)
        while (got.size() < 2)
            Library.processEvent();
        assertEquals(2, got.size());
        assertTrue(got.contains("SUSPENDED PAUSED"));
        assertTrue(got.contains("RESUMED UNPAUSED"));
        assertEquals(StartedDetail.BOOTED, new DomainEvent(DomainEventType.STARTED, 0).getDetail());
        assertEquals(StartedDetail.UNKNOWN, new DomainEvent(DomainEventType.STARTED, 99).getDetail());
        conn.removeLifecycleListener(l);
        conn.removeRebootListener(r);
        conn.close();
    }

    @Test
    public void otherListeners() throws LibvirtException {
        Library.initEventLoop();
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");
        IOErrorListener io = (Domain d, String path, String alias, IOErrorAction a) -> { };
        BlockJobListener bj = (Domain d, String disk, BlockJobType t, BlockJobStatus s) -> { };
        PMWakeupListener wake = (Domain d, PMWakeupReason r) -> { };
        PMSuspendListener sleep = (Domain d, PMSuspendReason r) -> { };
        AgentLifecycleListener agent = (Domain d, int state, int reason) -> { };
        conn.addIOErrorListener(io);
        dom.addBlockJobListener(bj);
        conn.addPMWakeupListener(wake);
        dom.addPMSuspendListener(sleep);
        conn.addAgentLifecycleListener(agent);
        conn.removeIOErrorListener(io);
        dom.removeBlockJobListener(bj);
        conn.removePMWakeupListener(wake);
        conn.removePMSuspendListener(sleep);
        conn.removeAgentLifecycleListener(agent);
        assertEquals(IOErrorAction.UNKNOWN, IOErrorAction.values()[3]);
        assertEquals(BlockJobStatus.READY, BlockJobStatus.values()[3]);
        conn.close();
    }

    @Test
    public void closeListener() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        conn.registerCloseListener((Connect c, ConnectionCloseReason why) -> { });
        conn.unregisterCloseListener();
        conn.unregisterCloseListener();
        assertEquals(ConnectionCloseReason.UNKNOWN, ConnectionCloseReason.values()[4]);
        conn.close();
    }

    @Test
    public void stopLoop() throws Exception {
        Library.initEventLoop();
        Thread t = new Thread(() -> {
            try {
                Library.runEventLoop();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        Thread.sleep(200);
        Library.stopEventLoop();
        t.join(5000);
        assertFalse("runEventLoop returned", t.isAlive());
    }
}
