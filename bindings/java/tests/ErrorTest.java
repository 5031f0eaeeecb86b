// SPDX-License-Identifier: LGPL-2.1-or-later
// LibvirtException and Error: code, domain, level, message.
import static org.junit.Assert.*;

import org.junit.Test;
import org.libvirt.*;
import org.libvirt.Error;

public class ErrorTest {
    @Test
    public void notFound() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        try {
            conn.networkLookupByName("nope");
            fail("no exception");
        } catch (LibvirtException e) {
            Error err = e.getError();
            assertEquals(Error.ErrorNumber.VIR_ERR_NO_NETWORK, err.getCode());
            assertEquals(Error.ErrorDomain.VIR_FROM_TEST, err.getDomain());
            assertEquals(Error.ErrorLevel.VIR_ERR_ERROR, err.getLevel());
            assertEquals("Network not found: no network with matching name 'nope'",
                         err.getMessage());
            assertEquals(err.getMessage(), e.getMessage());
            assertTrue(err.toString().startsWith("level:VIR_ERR_ERROR\ncode:VIR_ERR_NO_NETWORK\n"));
        }
        conn.close();
    }

    @Test
    public void badUri() {
        try {
            new Connect("test:///no/such/file.xml");
            fail("no exception");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_XML_ERROR, e.getError().getCode());
        }
    }

    @Test
    public void badXml() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        try {
            conn.domainDefineXML("<domain");
            fail("no exception");
        } catch (LibvirtException e) {
            assertEquals(Error.ErrorNumber.VIR_ERR_XML_DETAIL, e.getError().getCode());
        }
        conn.close();
    }

    @Test
    public void constants() {
        assertEquals(1, Domain.XMLFlags.SECURE);
        assertEquals(2, Domain.XMLFlags.INACTIVE);
        assertEquals(1, Connect.ConnectListAllDomainsFlags.CONNECT_LIST_DOMAINS_ACTIVE);
        assertEquals(42, Error.ErrorNumber.VIR_ERR_NO_DOMAIN.ordinal());
        assertEquals(12, Error.ErrorDomain.VIR_FROM_TEST.ordinal());
    }
}
