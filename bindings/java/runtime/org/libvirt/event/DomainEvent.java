// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt.event;

/** A lifecycle event: its type and the detail code that goes with it. */
public final class DomainEvent {
    private final DomainEventType type;
    private final int detail;

    public DomainEvent(final DomainEventType type, final int detail) {
        this.type = type;
        this.detail = detail;
    }

    public DomainEventType getType() {
        return type;
    }

    /** The detail as the type's detail enum (StartedDetail.BOOTED ...). */
    @SuppressWarnings("unchecked")
    public <T extends Enum<T> & DomainEventDetail> T getDetail() {
        return (T) type.safeAt(detail);
    }

    /** The detail's C value. */
    public int getDetailCode() {
        return detail;
    }

    @Override
    public String toString() {
        return type + " (" + type.safeAt(detail) + ")";
    }
}
