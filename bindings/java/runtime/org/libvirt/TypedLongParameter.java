// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** A typed parameter holding a long long. */
public final class TypedLongParameter extends TypedParameter {
    public long value;

    public TypedLongParameter() {
    }

    public TypedLongParameter(final long value) {
        this.value = value;
    }

    public TypedLongParameter(final String field, final long value) {
        this.field = field;
        this.value = value;
    }

    @Override
    public int getType() {
        return TYPED_PARAM_LONG;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_TYPED_PARAM_LLONG";
    }

    @Override
    public String getValueAsString() {
        return Long.toString(value);
    }

    @Override
    Memory write(final Pointer v) {
        v.setLong(0, value);
        return null;
    }
}
