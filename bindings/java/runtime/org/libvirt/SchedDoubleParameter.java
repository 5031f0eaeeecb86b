// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A scheduler parameter holding a double. */
public final class SchedDoubleParameter extends SchedParameter {
    public double value;

    public SchedDoubleParameter() {
    }

    public SchedDoubleParameter(final double value) {
        this.value = value;
    }

    @Override
    public int getType() {
        return SCHED_PARAM_DOUBLE;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_DOMAIN_SCHED_FIELD_DOUBLE";
    }

    @Override
    public String getValueAsString() {
        return Double.toString(value);
    }

    @Override
    TypedParameter toTyped() {
        return new TypedDoubleParameter(value);
    }
}
