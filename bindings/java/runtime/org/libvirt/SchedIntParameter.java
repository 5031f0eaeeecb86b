// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A scheduler parameter holding an int. */
public final class SchedIntParameter extends SchedParameter {
    public int value;

    public SchedIntParameter() {
    }

    public SchedIntParameter(final int value) {
        this.value = value;
    }

    @Override
    public int getType() {
        return SCHED_PARAM_INT;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_DOMAIN_SCHED_FIELD_INT";
    }

    @Override
    public String getValueAsString() {
        return Integer.toString(value);
    }

    @Override
    TypedParameter toTyped() {
        return new TypedIntParameter(value);
    }
}
