// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/** A typed parameter holding a string. */
public final class TypedStringParameter extends TypedParameter {
    public String value;

    public TypedStringParameter() {
    }

    public TypedStringParameter(final String value) {
        this.value = value;
    }

    public TypedStringParameter(final String field, final String value) {
        this.field = field;
        this.value = value;
    }

    @Override
    public int getType() {
        return TYPED_PARAM_STRING;
    }

    @Override
    public String getTypeAsString() {
        return "VIR_TYPED_PARAM_STRING";
    }

    @Override
    public String getValueAsString() {
        return value;
    }

    @Override
    Memory write(final Pointer v) {
        if (value == null)
            return null;
        Memory s = new Memory(value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1);
        s.setString(0, value, "UTF-8");
        v.setPointer(0, s);
        return s;
    }
}
