// Generated from api/virt-api.xml by generator/targets/java.py. DO NOT EDIT.
package org.libvirt;

import java.io.Serializable;
import org.libvirt.jna.virError;

/** A libvirt error: code, domain, level, message and the extra fields. */
public class Error implements Serializable {
    private static final long serialVersionUID = 1L;

    /** values[n], or the last entry (the UNKNOWN one) past the end. */
    private static <T> T at(final int n, final T[] values) {
        return values[n >= 0 && n < values.length ? n : values.length - 1];
    }

    public enum ErrorDomain {
        VIR_FROM_UNKNOWN;

        protected static ErrorDomain wrap(final int value) {
            return at(value, values());
        }
    }

    public enum ErrorLevel {
        VIR_ERR_UNKNOWN;

        protected static ErrorLevel wrap(final int value) {
            return at(value, values());
        }
    }

    public enum ErrorNumber {
        VIR_ERR_UNKNOWN;

        protected static ErrorNumber wrap(final int value) {
            return at(value, values());
        }
    }

    private final ErrorNumber code;
    private final ErrorDomain domain;
    private final ErrorLevel level;
    private final String message;
    private final String str1;
    private final String str2;
    private final String str3;
    private final int int1;
    private final int int2;
    private final boolean conn;
    private final boolean dom;
    private final boolean net;

    public Error(final virError e) {
        code = ErrorNumber.wrap(e.code);
        domain = ErrorDomain.wrap(e.domain);
        level = ErrorLevel.wrap(e.level);
        message = e.message == null ? null : e.message.getString(0);
        str1 = e.str1 == null ? null : e.str1.getString(0);
        str2 = e.str2 == null ? null : e.str2.getString(0);
        str3 = e.str3 == null ? null : e.str3.getString(0);
        int1 = e.int1;
        int2 = e.int2;
        conn = e.conn != null;
        dom = e.dom != null;
        net = e.net != null;
    }

    /** An error made here, not by libvirt (no error was set). */
    Error(final ErrorNumber code, final String message) {
        this.code = code;
        this.domain = ErrorDomain.VIR_FROM_NONE;
        this.level = ErrorLevel.VIR_ERR_ERROR;
        this.message = message;
        str1 = str2 = str3 = null;
        int1 = int2 = 0;
        conn = dom = net = false;
    }

    public ErrorNumber getCode() {
        return code;
    }

    public ErrorDomain getDomain() {
        return domain;
    }

    public ErrorLevel getLevel() {
        return level;
    }

    public String getMessage() {
        return message;
    }

    public String getStr1() {
        return str1;
    }

    public String getStr2() {
        return str2;
    }

    public String getStr3() {
        return str3;
    }

    public int getInt1() {
        return int1;
    }

    public int getInt2() {
        return int2;
    }

    public boolean hasConn() {
        return conn;
    }

    public boolean hasDom() {
        return dom;
    }

    public boolean hasNet() {
        return net;
    }

    @Override
    public String toString() {
        return String.format("level:%s%ncode:%s%ndomain:%s%nhasConn:%b%n"
                             + "hasDom:%b%nhasNet:%b%nmessage:%s%nstr1:%s%n"
                             + "str2:%s%nstr3:%s%nint1:%d%nint2:%d%n",
                             level, code, domain, conn, dom, net, message,
                             str1, str2, str3, int1, int2);
    }
}
