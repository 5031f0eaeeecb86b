// SPDX-License-Identifier: LGPL-2.1-or-later
// Stream as a ByteChannel: a test:///default screenshot read to the end.
import static org.junit.Assert.*;

import java.nio.ByteBuffer;
import org.junit.Test;
import org.libvirt.*;

public class StreamTest {
    @Test
    public void screenshot() throws Exception {
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");
        Stream st = conn.streamNew(0);
        assertEquals("image/png", dom.screenshot(st, 0));
        assertTrue(st.isOpen());
        ByteBuffer b = ByteBuffer.allocate(1 << 20);
        int n;
        while ((n = st.read(b)) > 0)
            assertTrue(n <= b.capacity());
        assertTrue(b.position() > 8);
        assertEquals(0x89, b.get(0) & 0xff);
        assertEquals('P', b.get(1));
        assertEquals('N', b.get(2));
        assertEquals('G', b.get(3));
        st.close();
        assertFalse(st.isOpen());
        st.close();
        conn.close();
    }

    @Test
    public void unsupportedUpload() throws LibvirtException {
        Connect conn = new Connect("test:///default");
        StoragePool p = conn.storagePoolLookupByName("default-pool");
        StorageVol v = p.storageVolCreateXML("<volume><name>s.img</name>" +
            "<capacity unit='bytes'>4096</capacity></volume>", 0);
        Stream st = conn.streamNew(0);
        try {
            v.upload(st, 0, 5, 0);
            fail("upload on test:///default");
        } catch (LibvirtException e) {
            assertEquals(org.libvirt.Error.ErrorNumber.VIR_ERR_NO_SUPPORT,
                         e.getError().getCode());
        }
        v.delete(0);
        conn.close();
    }
}
