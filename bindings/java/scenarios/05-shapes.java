// SPDX-License-Identifier: LGPL-2.1-or-later
// Python twin: binding_shapes.py
// Arguments and results of less common shapes (mirrors the Python
// binding's binding_shapes.py and Perl's 05-shapes.pl): string lists in
// and out, counts, structs, arrays of structs.  Lines whose label starts
// with "java" have no Python twin.
import java.util.Arrays;
import org.libvirt.*;

public class Shapes {
    static final String CPU = "<cpu><arch>x86_64</arch><model>Haswell</model></cpu>";

    interface Call {
        Object get() throws LibvirtException;
    }

    /** A value as Python's repr() writes it. */
    static String repr(Object v) {
        if (v == null)
            return "None";
        if (v instanceof String) {
            String s = (String) v;
            char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
            return q + s.replace("\\", "\\\\").replace("\n", "\\n") + q;
        }
        if (v instanceof Object[]) {
            StringBuilder b = new StringBuilder("[");
            for (Object x : (Object[]) v)
                b.append(b.length() > 1 ? ", " : "").append(repr(x));
            return b.append("]").toString();
        }
        return v.toString();
    }

    static void show(String label, Call c) {
        try {
            System.out.println(label + ": " + repr(c.get()));
        } catch (LibvirtException e) {
            org.libvirt.Error err = e.getError();
            System.out.println(label + ": error code=" + err.getCode().ordinal()
                               + " domain=" + err.getDomain().ordinal() + " "
                               + err.getMessage());
        }
    }

    public static void main(String[] args) throws LibvirtException {
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");

        show("baselineCPU", () -> conn.baselineCPU(new String[] {CPU}, 0));
        show("baselineCPU []", () -> conn.baselineCPU(new String[0], 0));
        show("baselineCPU None", () -> conn.baselineCPU(null, 0));
        show("getCPUModelNames", () ->
             Arrays.copyOf(conn.getCPUModelNames("x86_64", 0), 5));
        show("getCPUModelNames unknown", () -> conn.getCPUModelNames("nope", 0));
        show("fsFreeze", () -> dom.fsFreeze(null, 0));
        show("fsFreeze ['/']", () -> dom.fsFreeze(new String[] {"/"}, 0));
        show("fsThaw", () -> dom.fsThaw(null, 0));
        show("messages", () -> dom.getMessages(0));
        show("java cells free memory", () -> conn.getCellsFreeMemory(0, 2));
        show("getCellsFreeMemory past the cells", () -> conn.getCellsFreeMemory(2, 1));
        show("sendKey", () -> {
            dom.sendKey(KeycodeSet.LINUX, 10, new int[] {30, 31}, 0);
            return 0;
        });
        show("sendKey none", () -> {
            dom.sendKey(KeycodeSet.LINUX, 10, new int[0], 0);
            return 0;
        });
        show("blockJobInfo", () -> dom.getBlockJobInfo("vda", 0));
        show("interfaceAddresses", () -> {
            // as Python's dict: {name: {'addrs': [...], 'hwaddr': mac}}
            StringBuilder b = new StringBuilder("{");
            for (DomainInterface i : dom.interfaceAddresses(
                     Domain.InterfaceAddressesSource.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, 0)) {
                b.append(b.length() > 1 ? ", " : "").append("'").append(i.name)
                 .append("': {'addrs': [");
                int k = 0;
                for (DomainInterface.InterfaceAddress a : i.addrs)
                    b.append(k++ > 0 ? ", " : "").append("{'addr': '")
                     .append(a.address.getHostAddress()).append("', 'prefix': ")
                     .append(a.prefixLength).append(", 'type': ")
                     .append(a.address instanceof java.net.Inet4Address ? 0 : 1).append("}");
                b.append("], 'hwaddr': '").append(i.hwAddr).append("'}");
            }
            return new StringBuilder(b.append("}"));
        });
        show("java block stats counted", () -> {
            DomainBlockStats b = dom.blockStats("vda");
            return b.rd_req > 0 && b.rd_bytes > 0 && b.wr_req > 0 && b.errs > 0;
        });
        show("java interface stats counted", () -> {
            DomainInterfaceStats i = dom.interfaceStats("testnet0");
            return i.rx_bytes > 0 && i.tx_drop > 0;
        });
        show("java disk errors", () -> {
            DomainDiskError[] e = dom.getDiskErrors(4, 0);
            return e.length + " " + e[0].disk + " " + e[0].error;
        });
        show("java job info type", () -> dom.getJobInfo().getType());
        show("java control info", () -> dom.getControlInfo(0).toString().replace("\n", " "));
        show("java max vcpus", () -> dom.getMaxVcpus());
        show("java hostname", () -> dom.getHostname(0));
        conn.close();
    }
}
