// SPDX-License-Identifier: LGPL-2.1-or-later
// Python twin: scenario_events.py
// Domain lifecycle events as libvirt-java programs get them (mirrors the
// Python binding's scenario_events.py and Perl's 04-events.pl): listeners
// for every domain and for one, on the default event loop.  The events
// are printed as the Python scenario's tuples.  Lines whose label starts
// with "java" have no Python twin.
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.libvirt.*;
import org.libvirt.event.*;

public class Events {
    static final String DOMAIN_XML = "<domain type='test'>\n"
        + "  <name>pyevents</name>\n"
        + "  <memory unit='KiB'>131072</memory>\n"
        + "  <vcpu>1</vcpu>\n"
        + "  <os><type arch='i686'>hvm</type></os>\n"
        + "</domain>\n";
    static final List<String> got = new ArrayList<>();
    static Connect conn;
    static Domain dom;

    static LifecycleListener listener(final String opaque) {
        return (Domain d, DomainEvent e) -> {
            try {
                got.add("('lifecycle', " + (d.getConnect() == conn ? "True" : "False")
                        + ", '" + d.getName() + "', " + e.getType().ordinal() + ", "
                        + e.getDetailCode() + ", '" + opaque + "')");
                got.add("java " + d.getName() + " " + e);
            } catch (LibvirtException x) {
                got.add("error " + x.getMessage());
            }
            return 0;
        };
    }

    /** Runs the event loop until n events came, then prints them sorted
     * (the Python tuples, then the Java descriptions). */
    static void collect(int n) throws LibvirtException {
        while (got.size() < 2 * n)
            Library.processEvent();
        List<String> py = new ArrayList<>();
        List<String> java = new ArrayList<>();
        for (String s : got)
            (s.startsWith("java ") ? java : py).add(s);
        Collections.sort(py);
        Collections.sort(java);
        System.out.println("[" + String.join(", ", py) + "]");
        System.out.println("java events: " + String.join("; ", java).replace("java ", ""));
        got.clear();
    }

    static void domainChanges() throws LibvirtException {
        dom.suspend();
        dom.resume();
        Domain nd = conn.domainDefineXML(DOMAIN_XML);
        nd.create();
        nd.destroy();
        nd.undefine();
    }

    public static void main(String[] args) throws LibvirtException {
        Library.initEventLoop();
        conn = new Connect("test:///default");
        dom = conn.domainLookupByName("test");

        LifecycleListener all = listener("any");
        conn.addLifecycleListener(all);
        System.out.println("all domains registered");
        domainChanges();
        collect(6);
        conn.removeLifecycleListener(all);

        LifecycleListener one = listener("one");
        dom.addLifecycleListener(one);
        System.out.println("one domain registered");
        domainChanges();
        collect(2);
        conn.removeLifecycleListener(one);
        conn.close();
    }
}
