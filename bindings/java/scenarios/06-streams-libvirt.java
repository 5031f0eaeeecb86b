// SPDX-License-Identifier: LGPL-2.1-or-later
// Python twin: binding_streams.py
// A stream as libvirt-java programs use it (mirrors the Python binding's
// binding_streams.py and Perl's 06-streams-libvirt.pl): a screenshot read
// in pieces, then finished or aborted.  The bytes are printed as (length,
// short digest), as the Python scenario prints them; the screenshot is
// the system libvirt's, so java-test.sh runs this one on libvirt 9.0.
// Lines whose label starts with "java" have no Python twin.
import java.security.MessageDigest;
import java.util.Arrays;
import org.libvirt.*;

public class Streams {
    interface Call {
        Object get() throws Exception;
    }

    static String digest(byte[] data) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(data);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++)
            b.append(String.format("%02x", h[i]));
        return "(" + data.length + ", '" + b + "')";
    }

    static void show(String label, Call c) {
        try {
            Object v = c.get();
            System.out.println(label + ": " + (v instanceof String && !((String) v).startsWith("(")
                                               ? "'" + v + "'" : v));
        } catch (LibvirtException e) {
            org.libvirt.Error err = e.getError();
            System.out.println(label + ": error code=" + err.getCode().ordinal()
                               + " domain=" + err.getDomain().ordinal() + " "
                               + err.getMessage());
        } catch (Exception e) {
            System.out.println(label + ": " + e.getClass().getSimpleName() + ": "
                               + e.getMessage());
        }
    }

    /** receive(n bytes) as Python's recv(n) answers: the bytes read. */
    static String recv(Stream st, int n) throws Exception {
        byte[] b = new byte[n];
        int r = st.receive(b);
        return digest(Arrays.copyOf(b, Math.max(r, 0)));
    }

    public static void main(String[] args) throws Exception {
        Library.initEventLoop();
        Connect conn = new Connect("test:///default");
        Domain dom = conn.domainLookupByName("test");

        Stream st = conn.streamNew(0);
        show("screenshot", () -> dom.screenshot(st, 0));
        show("recv(100)", () -> recv(st, 100));
        show("recv(0)", () -> recv(st, 0));
        show("recvFlags", () -> st.recvFlags(new byte[100], 0));
        show("recvHole", () -> st.recvHole(0));
        show("java rest", () -> {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            byte[] b = new byte[65536];
            int r;
            while ((r = st.receive(b)) > 0)
                all.write(b, 0, r);
            return digest(all.toByteArray());
        });
        show("recv at the end", () -> recv(st, 100));
        show("finish", () -> st.finish());
        show("recv after finish", () -> recv(st, 100));
        show("send after finish", () -> st.send("data".getBytes()));
        st.free();

        Stream st2 = conn.streamNew(0);
        show("screenshot", () -> dom.screenshot(st2, 0));
        show("abort", () -> st2.abort());
        show("recv after the abort", () -> recv(st2, 10));
        st2.free();
        conn.close();
    }
}
