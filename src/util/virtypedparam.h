/* virtypedparam.h: helpers for virTypedParameter arrays used by drivers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * None of these reset or dispatch errors (unlike the public virTypedParams*
 * functions): they only raise them, so drivers can use them mid-call.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>
#include <libvirt/libvirt.h>

/* OR'ed into a type given to virTypedParamsValidate: the name may repeat. */
#define VIR_TYPED_PARAM_MULTIPLE (1U << 31)

/* "int", "uint", "llong", "ullong", "double", "boolean", "string";
 * "unknown" for 0, NULL outside the enum. */
const char *virTypedParameterTypeToString(int type);
/* The inverse (names above, except "unknown"); -1 if unknown. */
int virTypedParameterTypeFromString(const char *name);

/* -1 with VIR_ERR_INVALID_ARG (libvirt's wording) unless `param` has
 * `expected` type. */
int virTypedParamCheckType(const virTypedParameter *param, int expected);

/* Fill `param` with `name`, `type` and the value passed as the next
 * argument (int for INT and BOOLEAN, unsigned int, long long, unsigned long
 * long, double, or const char * which is copied, NULL meaning "").
 * -1 with an error for a name too long or an unknown type. */
int virTypedParameterAssign(virTypedParameter *param, const char *name,
                            int type, ...);
/* Same, parsing the value from a string as virTypedParamsAddFromString. */
int virTypedParameterAssignFromStr(virTypedParameter *param, const char *name,
                                   int type, const char *value);

/* Make room for one more element; grows *maxparams like libvirt does
 * (to max(n + 1, 1.5 * max)), so callers see the same capacities. */
void virTypedParamsGrow(virTypedParameterPtr *params, int nparams,
                        int *maxparams);

/* Append a parameter (value as for virTypedParameterAssign), growing the
 * array.  0, or -1 with an error (the array is unchanged then). */
int virTypedParamsAppend(virTypedParameterPtr *params, int *nparams,
                         int *maxparams, const char *name, int type, ...);

/* Check that every parameter is one of the allowed (name, type) pairs given
 * as varargs and ended by NULL, and that a name repeats only if its type
 * was OR'ed with VIR_TYPED_PARAM_MULTIPLE.  0, or -1 with libvirt's errors:
 * VIR_ERR_ARGUMENT_UNSUPPORTED "parameter '%s' not supported",
 * VIR_ERR_INVALID_ARG "parameter '%s' occurs multiple times" or
 * "invalid type '%s' for parameter '%s', expected '%s'". */
int virTypedParamsValidate(const virTypedParameter *params, int nparams, ...)
    G_GNUC_NULL_TERMINATED;

/* True if every parameter's name is one of `names`. */
bool virTypedParamsCheck(const virTypedParameter *params, int nparams,
                         const char *const *names, int nnames);

/* Deep copy (NULL for no parameters). */
void virTypedParamsCopy(virTypedParameterPtr *dst,
                        const virTypedParameter *src, int nparams);

/* Set string parameter `name` to a copy of `value`, adding it if missing;
 * -1 with VIR_ERR_INVALID_ARG if it exists with another type. */
int virTypedParamsReplaceString(virTypedParameterPtr *params, int *nparams,
                                const char *name, const char *value);

/* All string values of parameters called `name`, as a NULL-terminated
 * array borrowing the strings (free only the array); returns the count
 * (0 and *values = NULL if none). */
int virTypedParamsGetStringList(const virTypedParameter *params, int nparams,
                                const char *name, const char ***values);

/* The value of an UINT or ULLONG parameter: 1 found, 0 missing, -1 with an
 * error for another type. */
int virTypedParamsGetUnsigned(const virTypedParameter *params, int nparams,
                              const char *name, unsigned long long *value);

/* The value formatted as virsh shows it ("%d", "%u", "%lld", "%llu", "%g",
 * 0/1 for booleans, the string); NULL with an error for an unknown type. */
char *virTypedParameterToString(const virTypedParameter *param);
