// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A scheduler parameter holding an unsigned int. */
public final class SchedUintParameter extends SchedParameter {
    public int value;

    public SchedUintParameter() {
    }

    public SchedUintParameter(final int value) {
        this.value = value;
    }

    @Override
    public int getType() {
        return SCHED_PARAM_UINT;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_DOMAIN_SCHED_FIELD_UINT";
    }

    @Override
    public String getValueAsString() {
        return Integer.toUnsignedString(value);
    }

    @Override
    TypedParameter toTyped() {
        return new TypedUintParameter(value);
    }
}
