// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A scheduler parameter holding a boolean. */
public final class SchedBooleanParameter extends SchedParameter {
    public boolean value;

    public SchedBooleanParameter() {
    }

    public SchedBooleanParameter(final boolean value) {
        this.value = value;
    }

    @Override
    public int getType() {
        return SCHED_PARAM_BOOLEAN;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_DOMAIN_SCHED_FIELD_BOOLEAN";
    }

    @Override
    public String getValueAsString() {
        return Boolean.toString(value);
    }

    @Override
    TypedParameter toTyped() {
        return new TypedBooleanParameter(value);
    }
}
