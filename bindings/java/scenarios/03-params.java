// SPDX-License-Identifier: LGPL-2.1-or-later
// Python twin: binding_params.py
// Typed parameters as libvirt-java programs see them (mirrors the Python
// binding's binding_params.py and Perl's 03-params.pl): scheduler, blkio,
// memory, NUMA, interface and block tuning read and written on
// test:///default.  Lists are printed as the Python dicts they mirror.
// Lines whose label starts with "java" have no Python twin.
import org.libvirt.*;

public class Params {
    interface Call {
        Object get() throws LibvirtException;
    }

    /** A number, printed as it is. */
    static final class Num {
        final String text;

        Num(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static String repr(Object v) {
        if (v instanceof String)
            return "'" + v + "'";
        if (v instanceof Boolean)
            return (Boolean) v ? "True" : "False";
        return String.valueOf(v);
    }

    /** Parameters as Python's dict repr writes them. */
    static String dict(Object[] params) {
        StringBuilder b = new StringBuilder("{");
        for (Object o : params) {
            String field;
            Object value;
            if (o instanceof SchedParameter) {
                field = ((SchedParameter) o).field;
                value = new Num(((SchedParameter) o).getValueAsString());
            } else {
                TypedParameter t = (TypedParameter) o;
                field = t.field;
                value = t instanceof TypedStringParameter ? ((TypedStringParameter) t).value
                    : t instanceof TypedBooleanParameter ? (Object) ((TypedBooleanParameter) t).value
                    : new Num(t.getValueAsString());
            }
            b.append(b.length() > 1 ? ", " : "").append(repr(field)).append(": ")
             .append(repr(value));
        }
        return b.append("}").toString();
    }

    static void show(String label, Call c) {
        try {
            Object v = c.get();
            System.out.println(label + ": " + (v instanceof Object[] ? dict((Object[]) v) : repr(v)));
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

        show("java schedulerType", () -> dom.getSchedulerType());
        show("schedulerParameters", () -> dom.getSchedulerParameters());
        show("schedulerParametersFlags(0)", () -> dom.getSchedulerParameters(0));
        show("schedulerParametersFlags(CONFIG)", () ->
             dom.getSchedulerParameters(Domain.ModificationImpact.CONFIG));
        show("setSchedulerParameters", () -> {
            SchedUintParameter w = new SchedUintParameter(100);
            w.field = "weight";
            dom.setSchedulerParameters(new SchedParameter[] {w});
            return 0;
        });
        show("java schedulerParameters after", () -> dom.getSchedulerParameters());
        show("java setSchedulerParametersFlags", () -> {
            SchedUintParameter w = new SchedUintParameter(51);
            w.field = "weight";
            dom.setSchedulerParameters(new SchedParameter[] {w}, 0);
            return 0;
        });

        show("blkioParameters", () -> dom.getBlkioParameters(0));
        show("setBlkioParameters", () -> {
            dom.setBlkioParameters(new TypedParameter[] {
                new TypedUintParameter("weight", 600),
                new TypedStringParameter("device_weight", "") }, 0);
            return 0;
        });
        show("blkioParameters after", () -> dom.getBlkioParameters(0));
        show("memoryParameters", () -> dom.getMemoryParameters(0));
        show("setMemoryParameters", () -> {
            dom.setMemoryParameters(new TypedParameter[] {
                new TypedUlongParameter("hard_limit", 12345) }, 0);
            return 0;
        });
        show("memoryParameters after", () -> dom.getMemoryParameters(0));
        show("memoryParameters LIVE|CONFIG", () -> dom.getMemoryParameters(3));
        show("numaParameters", () -> dom.getNumaParameters(0));
        show("setNumaParameters", () -> {
            dom.setNumaParameters(new TypedParameter[] {
                new TypedIntParameter("numa_mode", 1) }, 0);
            return 0;
        });
        show("interfaceParameters", () -> dom.getInterfaceParameters("vnet0", 0));
        show("setInterfaceParameters", () -> {
            dom.setInterfaceParameters("vnet0", new TypedParameter[] {
                new TypedUintParameter("inbound.average", 10) }, 0);
            return 0;
        });
        show("blockIoTune", () -> dom.getBlockIoTune("vda", 0));
        show("blockIoTune None", () -> dom.getBlockIoTune(null, 0));
        show("setBlockIoTune", () -> {
            dom.setBlockIoTune("vda", new TypedParameter[] {
                new TypedUlongParameter("total_bytes_sec", 1000),
                new TypedStringParameter("group_name", "g") }, 0);
            return 0;
        });
        show("blockStatsFlags", () -> dom.blockStatsFlags("vda", 0));
        show("perfEvents", () -> dom.getPerfEvents(0));
        show("setPerfEvents cmt=True", () -> {
            dom.setPerfEvents(new TypedParameter[] {
                new TypedBooleanParameter("cmt", true) }, 0);
            return 0;
        });
        show("java perfEvents after", () -> dom.getPerfEvents(0));
        show("guestInfo", () -> dom.getGuestInfo(0, 0));
        show("migrate3", () -> dom.migrate(conn, new TypedParameter[] {
            new TypedUlongParameter("bandwidth", 1) }, 0));
        show("setIdentity", () -> {
            conn.setIdentity(new TypedParameter[] {
                new TypedStringParameter("user-name", "x") }, 0);
            return 0;
        });
        show("setIOThreadParams", () -> {
            dom.setIOThreadParams(1, new TypedParameter[] {
                new TypedUlongParameter("poll_max_ns", 10) }, 0);
            return 0;
        });
        conn.close();
    }
}
