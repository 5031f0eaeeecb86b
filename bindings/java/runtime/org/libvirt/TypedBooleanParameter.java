// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** A typed parameter holding a boolean. */
public final class TypedBooleanParameter extends TypedParameter {
    public boolean value;

    public TypedBooleanParameter() {
    }

    public TypedBooleanParameter(final boolean value) {
        this.value = value;
    }

    public TypedBooleanParameter(final String field, final boolean value) {
        this.field = field;
        this.value = value;
    }

    @Override
    public int getType() {
        return TYPED_PARAM_BOOLEAN;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_TYPED_PARAM_BOOLEAN";
    }

    @Override
    public String getValueAsString() {
        return Boolean.toString(value);
    }

    @Override
    Memory write(final Pointer v) {
        v.setByte(0, (byte) (value ? 1 : 0));
        return null;
    }
}
