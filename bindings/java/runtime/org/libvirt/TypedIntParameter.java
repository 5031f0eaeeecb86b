// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** A typed parameter holding an int. */
public final class TypedIntParameter extends TypedParameter {
    public int value;

    public TypedIntParameter() {
    }

    public TypedIntParameter(final int value) {
        this.value = value;
    }

    public TypedIntParameter(final String field, final int value) {
        this.field = field;
        this.value = value;
    }

    @Override
    public int getType() {
        return TYPED_PARAM_INT;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_TYPED_PARAM_INT";
    }

    @Override
    public String getValueAsString() {
        return Integer.toString(value);
    }

    @Override
    Memory write(final Pointer v) {
        v.setInt(0, value);
        return null;
    }
}
