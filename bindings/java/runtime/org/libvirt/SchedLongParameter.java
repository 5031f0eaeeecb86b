// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A scheduler parameter holding a long long. */
public final class SchedLongParameter extends SchedParameter {
    public long value;

    public SchedLongParameter() {
    }

    public SchedLongParameter(final long value) {
        this.value = value;
    }

    @Override
    public int getType() {
        return SCHED_PARAM_LONG;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_DOMAIN_SCHED_FIELD_LLONG";
    }

    @Override
    public String getValueAsString() {
        return Long.toString(value);
    }

    @Override
    TypedParameter toTyped() {
        return new TypedLongParameter(value);
    }
}
