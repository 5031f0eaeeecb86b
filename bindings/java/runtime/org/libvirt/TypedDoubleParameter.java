// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** A typed parameter holding a double. */
public final class TypedDoubleParameter extends TypedParameter {
    public double value;

    public TypedDoubleParameter() {
    }

    public TypedDoubleParameter(final double value) {
        this.value = value;
    }

    public TypedDoubleParameter(final String field, final double value) {
        this.field = field;
        this.value = value;
    }

    @Override
    public int getType() {
        return TYPED_PARAM_DOUBLE;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_TYPED_PARAM_DOUBLE";
    }

    @Override
    public String getValueAsString() {
        return Double.toString(value);
    }

    @Override
    Memory write(final Pointer v) {
        v.setDouble(0, value);
        return null;
    }
}
