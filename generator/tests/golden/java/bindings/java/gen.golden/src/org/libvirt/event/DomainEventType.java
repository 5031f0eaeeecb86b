// Generated from api/virt-api.xml by generator/targets/java.py. DO NOT EDIT.
package org.libvirt.event;

/** The kinds of domain lifecycle events (virDomainEventType), each with
 * its detail enum. */
public enum DomainEventType {
    UNKNOWN(null);

    private final Object[] details;

    DomainEventType(final Object[] details) {
        this.details = details;
    }

    /** The type with C value v; UNKNOWN past the known ones. */
    public static DomainEventType fromInt(final int v) {
        DomainEventType[] all = values();
        return v >= 0 && v < all.length ? all[v] : UNKNOWN;
    }

    /** The detail with C value detail, the last one (UNKNOWN) past the
     * known ones; null for a type without details. */
    Object safeAt(final int detail) {
        if (details == null)
            return null;
        int i = detail >= 0 && detail < details.length ? detail : details.length - 1;
        return details[i];
    }
}
