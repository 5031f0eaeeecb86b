// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/** One named, typed value of a parameter list (virTypedParameter): the
 * subclasses hold an int, unsigned int, long, unsigned long, double,
 * boolean or string. */
public abstract class TypedParameter {
    protected static final int TYPED_PARAM_INT = 1;
    protected static final int TYPED_PARAM_UINT = 2;
    protected static final int TYPED_PARAM_LONG = 3;
    protected static final int TYPED_PARAM_ULONG = 4;
    protected static final int TYPED_PARAM_DOUBLE = 5;
    protected static final int TYPED_PARAM_BOOLEAN = 6;
    protected static final int TYPED_PARAM_STRING = 7;

    // virTypedParameter in memory: char field[80]; int type; the value
    // (a union of 8 bytes) 8-aligned.
    static final int FIELD_LENGTH = 80;
    static final int TYPE_OFFSET = 80;
    static final int VALUE_OFFSET = 88;
    static final int SIZE = 96;

    /** The parameter's name. */
    public String field;

    public abstract int getType();

    public abstract String getTypeAsString();

    public abstract String getValueAsString();

    @Override
    public String toString() {
        return field + ":" + getValueAsString();
    }

    /** n parameters read from a C array. */
    static TypedParameter[] fromNative(final Pointer p, final int n) {
        TypedParameter[] out = new TypedParameter[n];
        for (int i = 0; i < n; i++) {
            Pointer e = p.share((long) i * SIZE);
            String field = Native.toString(e.getByteArray(0, FIELD_LENGTH));
            Pointer v = e.share(VALUE_OFFSET);
            TypedParameter t;
            switch (e.getInt(TYPE_OFFSET)) {
            case TYPED_PARAM_INT: t = new TypedIntParameter(field, v.getInt(0)); break;
            case TYPED_PARAM_UINT: t = new TypedUintParameter(field, v.getInt(0)); break;
            case TYPED_PARAM_LONG: t = new TypedLongParameter(field, v.getLong(0)); break;
            case TYPED_PARAM_ULONG: t = new TypedUlongParameter(field, v.getLong(0)); break;
            case TYPED_PARAM_DOUBLE: t = new TypedDoubleParameter(field, v.getDouble(0)); break;
            case TYPED_PARAM_BOOLEAN: t = new TypedBooleanParameter(field, v.getByte(0) != 0); break;
            case TYPED_PARAM_STRING:
                Pointer s = v.getPointer(0);
                t = new TypedStringParameter(field, s == null ? null : s.getString(0));
                break;
            default:
                continue;
            }
            out[i] = t;
        }
        return out;
    }

    /** A C array holding params; its strings live as long as it does. */
    static Memory toNative(final TypedParameter[] params) {
        Memory m = new Memory((long) SIZE * Math.max(params.length, 1));
        m.clear();
        Memory[] strings = new Memory[params.length];
        for (int i = 0; i < params.length; i++) {
            TypedParameter t = params[i];
            Pointer e = m.share((long) i * SIZE);
            byte[] name = t.field.getBytes(StandardCharsets.UTF_8);
            e.write(0, name, 0, Math.min(name.length, FIELD_LENGTH - 1));
            e.setInt(TYPE_OFFSET, t.getType());
            strings[i] = t.write(e.share(VALUE_OFFSET));
        }
        KEEP.put(m, strings);
        return m;
    }

    // The strings of an array made by toNative, for as long as it lives.
    private static final java.util.Map<Memory, Memory[]> KEEP =
        java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Writes the value at v; a string answers the memory holding it. */
    abstract Memory write(Pointer v);
}
