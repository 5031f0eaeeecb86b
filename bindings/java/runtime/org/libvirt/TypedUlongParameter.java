// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** A typed parameter holding an unsigned long long. */
public final class TypedUlongParameter extends TypedParameter {
    public long value;

    public TypedUlongParameter() {
    }

    public TypedUlongParameter(final long value) {
        this.value = value;
    }

    public TypedUlongParameter(final String field, final long value) {
        this.field = field;
        this.value = value;
    }

    @Override
    public int getType() {
        return TYPED_PARAM_ULONG;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_TYPED_PARAM_ULLONG";
    }

    @Override
    public String getValueAsString() {
        return Long.toUnsignedString(value);
    }

    @Override
    Memory write(final Pointer v) {
        v.setLong(0, value);
        return null;
    }
}
