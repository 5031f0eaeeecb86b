// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** A scheduler parameter (virSchedParameter, a typed parameter without
 * strings): the subclasses hold an int, unsigned int, long, unsigned
 * long, double or boolean. */
public abstract class SchedParameter {
    protected static final int SCHED_PARAM_INT = 1;
    protected static final int SCHED_PARAM_UINT = 2;
    protected static final int SCHED_PARAM_LONG = 3;
    protected static final int SCHED_PARAM_ULONG = 4;
    protected static final int SCHED_PARAM_DOUBLE = 5;
    protected static final int SCHED_PARAM_BOOLEAN = 6;

    /** The parameter's name. */
    public String field;

    public abstract int getType();

    public abstract String getTypeAsString();

    public abstract String getValueAsString();

    /** The same value as a typed parameter. */
    abstract TypedParameter toTyped();

    static SchedParameter fromTyped(final TypedParameter t) {
        SchedParameter s;
        if (t instanceof TypedIntParameter) {
            s = new SchedIntParameter(((TypedIntParameter) t).value);
        } else if (t instanceof TypedUintParameter) {
            s = new SchedUintParameter(((TypedUintParameter) t).value);
        } else if (t instanceof TypedLongParameter) {
            s = new SchedLongParameter(((TypedLongParameter) t).value);
        } else if (t instanceof TypedUlongParameter) {
            s = new SchedUlongParameter(((TypedUlongParameter) t).value);
        } else if (t instanceof TypedDoubleParameter) {
            s = new SchedDoubleParameter(((TypedDoubleParameter) t).value);
        } else if (t instanceof TypedBooleanParameter) {
            s = new SchedBooleanParameter(((TypedBooleanParameter) t).value);
        } else {
            return null;
        }
        s.field = t.field;
        return s;
    }

    static SchedParameter[] fromTyped(final TypedParameter[] params) {
        java.util.List<SchedParameter> out = new java.util.ArrayList<>();
        for (TypedParameter t : params) {
            SchedParameter s = t == null ? null : fromTyped(t);
            if (s != null)
                out.add(s);
        }
        return out.toArray(new SchedParameter[0]);
    }

    static TypedParameter[] toTyped(final SchedParameter[] params) {
        TypedParameter[] out = new TypedParameter[params.length];
        for (int i = 0; i < params.length; i++) {
            out[i] = params[i].toTyped();
            out[i].field = params[i].field;
        }
        return out;
    }

    @Override
    public String toString() {
        return field + ":" + getValueAsString();
    }
}
