// SPDX-License-Identifier: LGPL-2.1-or-later
// Python twin: scenario_errors.py
// Errors as libvirt-java programs see them (mirrors the Python binding's
// scenario_errors.py and Perl's 02-errors.pl): LibvirtException and its
// Error, read-only connections, credentials, bad arguments.  Lines whose
// label starts with "java" have no Python twin.
import org.libvirt.*;

public class Errors {
    interface Call {
        void run() throws LibvirtException;
    }

    /** A string as Python's repr() writes it. */
    static String repr(String s) {
        if (s == null)
            return "None";
        char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == '\n') b.append("\\n");
            else if (c == '\\') b.append("\\\\");
            else if (c == q) b.append('\\').append(c);
            else b.append(c);
        }
        return b.append(q).toString();
    }

    static void fail(String label, Call c) {
        try {
            c.run();
            System.out.println(label + ": no error");
        } catch (LibvirtException e) {
            org.libvirt.Error err = e.getError();
            System.out.println(label + ": code=" + err.getCode().ordinal()
                + " domain=" + err.getDomain().ordinal()
                + " level=" + err.getLevel().ordinal()
                + " message=" + repr(err.getMessage())
                + " str1=" + repr(err.getStr1())
                + " int1=" + err.getInt1());
        }
    }

    public static void main(String[] args) throws LibvirtException {
        Connect conn = new Connect("test:///default");
        fail("missing domain", () -> conn.domainLookupByName("nope"));
        try {
            conn.domainLookupByName("nope");
        } catch (LibvirtException e) {
            for (String line : e.getError().toString().split("\n"))
                System.out.println("java error " + line);
            System.out.println("java message: " + e.getMessage());
        }
        fail("missing id", () -> conn.domainLookupByID(4242));
        fail("bad uuid string", () -> conn.domainLookupByUUIDString("not-a-uuid"));
        fail("missing network", () -> conn.networkLookupByName("nope"));
        fail("missing pool", () -> conn.storagePoolLookupByName("nope"));
        fail("bad xml", () -> conn.domainDefineXML("<domain"));
        fail("start running domain", () -> conn.domainLookupByName("test").create());

        Connect ro = new Connect("test:///default", true);
        System.out.println("read-only lookup " + ro.domainLookupByName("test").getName());
        fail("read-only destroy", () -> ro.domainLookupByName("test").destroy());
        ro.close();

        ConnectAuth auth = new ConnectAuth() {
            {
                credType = new CredentialType[] {
                    CredentialType.VIR_CRED_AUTHNAME, CredentialType.VIR_CRED_PASSPHRASE };
            }

            @Override
            public int callback(Credential[] cred) {
                for (Credential c : cred)
                    c.result = "secret";
                return 0;
            }
        };
        Connect ac = new Connect("test:///default", auth, 0);
        System.out.println("openAuth " + ac.getURI() + " " +
                           ac.domainLookupByName("test").getName());
        ac.close();

        try {
            new Connect("test:///no/such/file.xml");
            System.out.println("missing test file: no error");
        } catch (LibvirtException e) {
            System.out.println("missing test file: code " +
                               e.getError().getCode().ordinal() + " domain " +
                               e.getError().getDomain().ordinal());
        }
        conn.close();
    }
}
