// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A scheduler parameter holding an unsigned long long. */
public final class SchedUlongParameter extends SchedParameter {
    public long value;

    public SchedUlongParameter() {
    }

    public SchedUlongParameter(final long value) {
        this.value = value;
    }

    @Override
    public int getType() {
        return SCHED_PARAM_ULONG;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_DOMAIN_SCHED_FIELD_ULLONG";
    }

    @Override
    public String getValueAsString() {
        return Long.toUnsignedString(value);
    }

    @Override
    TypedParameter toTyped() {
        return new TypedUlongParameter(value);
    }
}
