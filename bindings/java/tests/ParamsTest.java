// SPDX-License-Identifier: LGPL-2.1-or-later
// Typed and scheduler parameters read and written on test:///default.
import static org.junit.Assert.*;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.libvirt.*;
import org.libvirt.Error;

public class ParamsTest {
    private Connect conn;
    private Domain dom;

    @Before
    public void open() throws LibvirtException {
        conn = new Connect("test:///default");
        dom = conn.domainLookupByName("test");
    }

    @After
    public void close() throws LibvirtException {
        conn.close();
    }

    static TypedParameter find(TypedParameter[] params, String field) {
        for (TypedParameter p : params)
            if (p.field.equals(field))
                return p;
        return null;
    }

    @Test
    public void scheduler() throws LibvirtException {
        assertEquals("fair", dom.getSchedulerType());
        SchedParameter[] p = dom.getSchedulerParameters();
        assertEquals(1, p.length);
        assertEquals("weight", p[0].field);
        assertEquals("50", p[0].getValueAsString());
        assertEquals("VIR_DOMAIN_SCHED_FIELD_UINT", p[0].getTypeAsString());
        SchedUintParameter w = new SchedUintParameter(100);
        w.field = "weight";
        dom.setSchedulerParameters(new SchedParameter[] {w});
        // libvirt 9.0's test driver takes the value and keeps its own
        assertEquals(50, ((SchedUintParameter) dom.getSchedulerParameters()[0]).value);
    }

    @Test
    public void memory() throws LibvirtException {
        TypedParameter hard = find(dom.getMemoryParameters(0), "hard_limit");
        assertTrue(hard instanceof TypedUlongParameter);
        assertEquals(9007199254740991L, ((TypedUlongParameter) hard).value);
        dom.setMemoryParameters(new TypedParameter[] {
            new TypedUlongParameter("hard_limit", 12345) }, 0);
        assertEquals(12345L, ((TypedUlongParameter) find(dom.getMemoryParameters(0),
                                                         "hard_limit")).value);
        try {
            dom.getMemoryParameters(Domain.ModificationImpact.LIVE |
                                    Domain.ModificationImpact.CONFIG);
            fail("LIVE|CONFIG accepted");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_INVALID_ARG, e.getError().getCode());
        }
    }

    @Test
    public void strings() throws LibvirtException {
        TypedParameter w = find(dom.getBlkioParameters(0), "device_weight");
        assertTrue(w instanceof TypedStringParameter);
        assertEquals("", ((TypedStringParameter) w).value);
        dom.setBlkioParameters(new TypedParameter[] {
            new TypedUintParameter("weight", 600),
            new TypedStringParameter("device_weight", "") }, 0);
        assertEquals("600", find(dom.getBlkioParameters(0), "weight").getValueAsString());
    }

    @Test
    public void cpuStats() throws LibvirtException {
        TypedParameter[] total = dom.getCPUStats(-1, 1);
        assertEquals("cpu_time", total[0].field);
        TypedParameter[] per = dom.getCPUStats(0, 2);
        assertEquals(4, per.length);
        assertEquals("vcpu_time", per[3].field);
    }

    @Test
    public void jobStats() {
        try {
            dom.getJobStats(0);
            fail("job stats on test:///default");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_NO_SUPPORT, e.getError().getCode());
        }
    }

    @Test
    public void booleans() throws LibvirtException {
        dom.setPerfEvents(new TypedParameter[] {new TypedBooleanParameter("cmt", true)}, 0);
        TypedParameter cmt = find(dom.getPerfEvents(0), "cmt");
        assertEquals("VIR_TYPED_PARAM_BOOLEAN", cmt.getTypeAsString());
        assertTrue(((TypedBooleanParameter) cmt).value);
    }
}
