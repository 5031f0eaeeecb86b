// SPDX-License-Identifier: LGPL-2.1-or-later
// Python twin: scenario_basic.py
// A libvirt-java program on test:///default (mirrors the Python binding's
// scenario_basic.py, and Perl's 01-basic.pl): connection, domains,
// networks, storage, interfaces and node devices, each printed as the
// Python scenario prints it.  Lines whose label starts with "java" have
// no Python twin.  Run by regen-expected.sh on the system's libvirt 9.0 it
// makes expected/01-basic.out.
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.libvirt.*;

public class Basic {
    static final String DOMAIN_XML = "<domain type='test'>\n"
        + "  <name>pyscenario</name>\n"
        + "  <uuid>5a5e8c21-1f3c-4b8a-9d0e-7c1b2a3d4e5f</uuid>\n"
        + "  <memory unit='KiB'>262144</memory>\n"
        + "  <currentMemory unit='KiB'>262144</currentMemory>\n"
        + "  <vcpu placement='static'>1</vcpu>\n"
        + "  <os>\n"
        + "    <type arch='i686'>hvm</type>\n"
        + "  </os>\n"
        + "</domain>\n";
    static final String VOLUME_XML = "<volume>\n"
        + "  <name>pyscenario.img</name>\n"
        + "  <capacity unit='bytes'>1048576</capacity>\n"
        + "</volume>\n";

    interface Call {
        Object get() throws LibvirtException;
    }

    /** A value as Python's repr() writes it. */
    static String repr(Object v) {
        if (v == null)
            return "None";
        if (v instanceof String) {
            String s = (String) v;
            return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
        }
        if (v instanceof Boolean)
            return (Boolean) v ? "True" : "False";
        if (v instanceof int[]) {
            List<Object> l = new ArrayList<>();
            for (int x : (int[]) v)
                l.add(x);
            return repr(l);
        }
        if (v instanceof Object[])
            return repr(Arrays.asList((Object[]) v));
        if (v instanceof List) {
            StringBuilder b = new StringBuilder("[");
            for (Object x : (List<?>) v)
                b.append(b.length() > 1 ? ", " : "").append(repr(x));
            return b.append("]").toString();
        }
        return v.toString();
    }

    /** Print what c answers, or the error it throws: one failing call
     * does not hide the others. */
    static void show(String label, Call c) {
        try {
            Object v = c.get();
            if (v instanceof String && ((String) v).contains("\n"))
                System.out.println(label + ":\n" + v);
            else
                System.out.println(label + ": " + repr(v));
        } catch (LibvirtException e) {
            org.libvirt.Error err = e.getError();
            System.out.println(label + ": error code=" + err.getCode().ordinal()
                               + " domain=" + err.getDomain().ordinal() + " "
                               + err.getMessage());
        }
    }

    /** Call c for its effect; print only a failure. */
    static void run(String label, Call c) {
        try {
            c.get();
        } catch (LibvirtException e) {
            show(label, c);
        }
    }

    static List<Object> sorted(Object[] names) {
        List<Object> l = new ArrayList<>(Arrays.asList(names));
        l.sort(null);
        return l;
    }

    static List<Object> sorted(int[] ids) {
        List<Object> l = new ArrayList<>();
        for (int x : ids)
            l.add(x);
        l.sort(null);
        return l;
    }

    static List<Object> names(Object[] handles) throws LibvirtException {
        List<Object> l = new ArrayList<>();
        for (Object h : handles) {
            if (h instanceof Domain) l.add(((Domain) h).getName());
            else if (h instanceof Network) l.add(((Network) h).getName());
            else if (h instanceof StoragePool) l.add(((StoragePool) h).getName());
            else if (h instanceof StorageVol) l.add(((StorageVol) h).getName());
            else if (h instanceof Interface) l.add(((Interface) h).getName());
            else if (h instanceof Device) l.add(((Device) h).getName());
        }
        return l;
    }

    public static void main(String[] args) throws LibvirtException {
        Connect conn = new Connect("test:///default");
        show("uri", () -> conn.getURI());
        show("type", () -> conn.getType());
        show("alive", () -> conn.isAlive() ? 1 : 0);
        show("encrypted", () -> conn.isEncrypted());
        show("secure", () -> conn.isSecure());
        show("lib version", () -> conn.getLibVersion());
        show("hv version", () -> conn.getVersion());
        show("module version", () -> Library.getVersion());
        show("java node info", () -> conn.nodeInfo().toString().replace("\n", " "));
        show("max vcpus", () -> conn.getMaxVcpus(null));
        show("free memory", () -> conn.getFreeMemory());
        show("security model", () -> {
            SecurityModel m = conn.getSecurityModel();
            return Arrays.asList(m.model, m.doi);
        });

        // domains
        show("domain ids", () -> sorted(conn.listDomains()));
        show("defined domains", () -> conn.listDefinedDomains());
        show("num domains", () -> conn.numOfDomains());
        show("num defined", () -> conn.numOfDefinedDomains());
        Domain dom = conn.domainLookupByName("test");
        show("name", () -> dom.getName());
        show("id", () -> dom.getID());
        show("uuid", () -> dom.getUUIDString());
        show("java uuid ints", () -> dom.getUUID());
        show("os type", () -> dom.getOSType());
        show("info", () -> {
            DomainInfo i = dom.getInfo();
            return Arrays.asList(i.state.ordinal(), i.maxMem, i.memory, i.nrVirtCpu);
        });
        show("java state", () -> dom.getInfo().state);
        show("max memory", () -> dom.getMaxMemory());
        show("active", () -> dom.isActive());
        show("persistent", () -> dom.isPersistent());
        show("autostart", () -> dom.getAutostart() ? 1 : 0);
        show("by id", () -> conn.domainLookupByID(dom.getID()).getName());
        show("by uuid string", () -> conn.domainLookupByUUIDString(dom.getUUIDString()).getName());
        show("by uuid", () -> conn.domainLookupByUUID(dom.getUUID()).getName());
        show("java scheduler", () -> dom.getSchedulerType());
        show("connect is conn", () -> dom.getConnect() == conn);
        show("block info", () -> {
            DomainBlockInfo b = dom.blockInfo("vda");
            return Arrays.asList(b.capacity, b.allocation, b.physical);
        });
        show("interface stats", () -> dom.interfaceStats("nosuchif"));
        show("security label", () -> {
            SecurityLabel l = dom.getSecurityLabel();
            return Arrays.asList(l.label, l.enforcing == 1);
        });
        show("xml", () -> dom.getXMLDesc(0));
        show("all domains", () -> sorted(names(conn.listAllDomains(0)).toArray()));
        show("active domains", () -> sorted(names(conn.listAllDomains(
            Connect.ConnectListAllDomainsFlags.CONNECT_LIST_DOMAINS_ACTIVE)).toArray()));

        Domain nd = conn.domainDefineXML(DOMAIN_XML);
        show("defined", () -> nd.getName());
        show("defined active", () -> nd.isActive());
        show("defined domains", () -> conn.listDefinedDomains());
        run("create", () -> nd.create());
        show("started info", () -> {
            DomainInfo i = nd.getInfo();
            return Arrays.asList(i.state.ordinal(), i.maxMem, i.memory, i.nrVirtCpu);
        });
        show("domain ids", () -> sorted(conn.listDomains()));
        run("suspend", () -> { nd.suspend(); return null; });
        show("java suspended state", () -> nd.getInfo().state);
        run("resume", () -> { nd.resume(); return null; });
        show("java resumed state", () -> nd.getInfo().state);
        run("destroy", () -> { nd.destroy(); return null; });
        show("java destroyed state", () -> nd.getInfo().state);
        run("undefine", () -> { nd.undefine(); return null; });
        show("after undefine", () -> conn.domainLookupByName("pyscenario").getName());

        // networks
        show("networks", () -> conn.listNetworks());
        show("defined networks", () -> conn.listDefinedNetworks());
        show("all networks", () -> names(conn.listAllNetworks(0)));
        Network net = conn.networkLookupByName("default");
        show("net uuid", () -> net.getUUIDString());
        show("net bridge", () -> net.getBridgeName());
        show("net active", () -> net.isActive());
        show("net persistent", () -> net.isPersistent());
        show("net autostart", () -> net.getAutostart() ? 1 : 0);
        show("net by uuid", () -> conn.networkLookupByUUIDString(net.getUUIDString()).getName());
        show("net xml", () -> net.getXMLDesc(0));

        // storage
        show("pools", () -> conn.listStoragePools());
        show("all pools", () -> names(conn.listAllStoragePools(0)));
        StoragePool pool = conn.storagePoolLookupByName("default-pool");
        show("pool info", () -> {
            StoragePoolInfo i = pool.getInfo();
            return Arrays.asList(i.state.ordinal(), i.capacity, i.allocation, i.available);
        });
        show("pool active", () -> pool.isActive());
        show("pool volumes", () -> pool.listVolumes());
        show("pool num volumes", () -> pool.numOfVolumes());
        StorageVol vol = pool.storageVolCreateXML(VOLUME_XML, 0);
        show("vol name", () -> vol.getName());
        show("vol info", () -> {
            StorageVolInfo i = vol.getInfo();
            return Arrays.asList(i.type.ordinal(), i.capacity, i.allocation);
        });
        show("vol path", () -> vol.getPath());
        show("vol key", () -> vol.getKey());
        show("vol pool", () -> vol.storagePoolLookupByVolume().getName());
        show("pool volumes", () -> pool.listVolumes());
        show("all volumes", () -> names(pool.listAllVolumes(0)));
        run("delete", () -> { vol.delete(0); return null; });
        show("pool volumes", () -> pool.listVolumes());
        show("pool xml", () -> pool.getXMLDesc(0));

        // interfaces and node devices
        show("interfaces", () -> conn.listInterfaces());
        show("all interfaces", () -> names(conn.listAllInterfaces(0)));
        show("devices", () -> sorted(conn.listDevices(null)));
        show("all devices", () -> sorted(names(conn.listAllNodeDevices(0)).toArray()));
        conn.close();
        show("closed", () -> true);
    }
}
