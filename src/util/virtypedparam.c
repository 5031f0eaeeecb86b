/* virtypedparam.c: helpers for virTypedParameter arrays used by drivers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/virtypedparam.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static const char *const virTypedParameterTypeNames[] = {
    [0] = "unknown",
    [VIR_TYPED_PARAM_INT] = "int",
    [VIR_TYPED_PARAM_UINT] = "uint",
    [VIR_TYPED_PARAM_LLONG] = "llong",
    [VIR_TYPED_PARAM_ULLONG] = "ullong",
    [VIR_TYPED_PARAM_DOUBLE] = "double",
    [VIR_TYPED_PARAM_BOOLEAN] = "boolean",
    [VIR_TYPED_PARAM_STRING] = "string",
};


const char *
virTypedParameterTypeToString(int type)
{
    if (type < 0 || type >= (int)G_N_ELEMENTS(virTypedParameterTypeNames))
        return NULL;
    return virTypedParameterTypeNames[type];
}


int
virTypedParameterTypeFromString(const char *name)
{
    size_t i;

    for (i = 1; name && i < G_N_ELEMENTS(virTypedParameterTypeNames); i++) {
        if (g_str_equal(name, virTypedParameterTypeNames[i]))
            return i;
    }
    return -1;
}


static const char *
virTypedParameterTypeName(int type)
{
    const char *name = virTypedParameterTypeToString(type);

    return name ? name : "(null)";
}


int
virTypedParamCheckType(const virTypedParameter *param, int expected)
{
    if (param->type != expected) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid type '%s' requested for parameter '%s', "
                       "actual type is '%s'",
                       virTypedParameterTypeName(expected), param->field,
                       virTypedParameterTypeName(param->type));
        return -1;
    }
    return 0;
}


static int
virTypedParameterSetName(virTypedParameter *param, const char *name)
{
    if (!name || strlen(name) >= VIR_TYPED_PARAM_FIELD_LENGTH) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Field name '%s' too long",
                       name ? name : "(null)");
        return -1;
    }
    memset(param->field, 0, sizeof(param->field));
    strcpy(param->field, name);
    return 0;
}


static int
virTypedParameterAssignVArgs(virTypedParameter *param, const char *name,
                             int type, va_list ap)
{
    const char *s;

    if (virTypedParameterSetName(param, name) < 0)
        return -1;
    if (type < VIR_TYPED_PARAM_INT || type > VIR_TYPED_PARAM_STRING) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected type %d for field %s", type, name);
        return -1;
    }

    param->type = type;
    switch ((virTypedParameterType)type) {
    case VIR_TYPED_PARAM_INT:
        param->value.i = va_arg(ap, int);
        break;
    case VIR_TYPED_PARAM_UINT:
        param->value.ui = va_arg(ap, unsigned int);
        break;
    case VIR_TYPED_PARAM_LLONG:
        param->value.l = va_arg(ap, long long);
        break;
    case VIR_TYPED_PARAM_ULLONG:
        param->value.ul = va_arg(ap, unsigned long long);
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        param->value.d = va_arg(ap, double);
        break;
    case VIR_TYPED_PARAM_BOOLEAN:
        param->value.b = !!va_arg(ap, int);
        break;
    case VIR_TYPED_PARAM_STRING:
        s = va_arg(ap, const char *);
        param->value.s = g_strdup(s ? s : "");
        break;
#ifdef VIR_ENUM_SENTINELS
    case VIR_TYPED_PARAM_LAST:
        break;
#endif
    }
    return 0;
}


int
virTypedParameterAssign(virTypedParameter *param, const char *name,
                        int type, ...)
{
    va_list ap;
    int ret;

    va_start(ap, type);
    ret = virTypedParameterAssignVArgs(param, name, type, ap);
    va_end(ap);
    return ret;
}


/* Number parsers with libvirt's rules: base 10, leading blanks allowed,
 * nothing after the digits, range checked. */
static bool
virTypedParamParseLL(const char *s, long long *out)
{
    char *end;

    errno = 0;
    *out = strtoll(s, &end, 10);
    return !errno && end != s && !*end;
}


static bool
virTypedParamParseULL(const char *s, unsigned long long *out)
{
    char *end;

    errno = 0;
    *out = strtoull(s, &end, 10);
    return !errno && end != s && !*end;
}


static bool
virTypedParamParseUInt(const char *s, unsigned int *out)
{
    unsigned long long v;

    if (!virTypedParamParseULL(s, &v))
        return false;
    /* "-N" is accepted while N fits an unsigned int, wrapping like C:
     * "-1" is UINT_MAX on every platform. */
    if (strchr(s, '-')) {
        if (-v > UINT_MAX)
            return false;
        v &= UINT_MAX;
    }
    if (v > UINT_MAX)
        return false;
    *out = v;
    return true;
}


int
virTypedParameterAssignFromStr(virTypedParameter *param, const char *name,
                               int type, const char *value)
{
    const char *expected = NULL;
    long long ll;
    char *end;

    if (!value) {
        virReportError(VIR_ERR_INVALID_ARG, "NULL value for field '%s'",
                       name ? name : "(null)");
        return -1;
    }
    if (virTypedParameterSetName(param, name) < 0)
        return -1;

    param->type = type;
    switch (type) {
    case VIR_TYPED_PARAM_INT:
        if (!virTypedParamParseLL(value, &ll) || ll < INT_MIN || ll > INT_MAX)
            expected = "int";
        else
            param->value.i = ll;
        break;
    case VIR_TYPED_PARAM_UINT:
        if (!virTypedParamParseUInt(value, &param->value.ui))
            expected = "unsigned int";
        break;
    case VIR_TYPED_PARAM_LLONG:
        if (!virTypedParamParseLL(value, &param->value.l))
            expected = "long long";
        break;
    case VIR_TYPED_PARAM_ULLONG:
        if (!virTypedParamParseULL(value, &param->value.ul))
            expected = "unsigned long long";
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        errno = 0;
        param->value.d = strtod(value, &end);
        if (errno || end == value || *end)
            expected = "double";
        break;
    case VIR_TYPED_PARAM_BOOLEAN:
        if (g_ascii_strcasecmp(value, "true") == 0 || g_str_equal(value, "1")) {
            param->value.b = 1;
        } else if (g_ascii_strcasecmp(value, "false") == 0 ||
                   g_str_equal(value, "0")) {
            param->value.b = 0;
        } else {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid boolean value for field '%s'", name);
            return -1;
        }
        break;
    case VIR_TYPED_PARAM_STRING:
        param->value.s = g_strdup(value);
        break;
    default:
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected type %d for field %s", type, name);
        return -1;
    }

    if (expected) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid value for field '%s': expected %s",
                       name, expected);
        return -1;
    }
    return 0;
}


void
virTypedParamsGrow(virTypedParameterPtr *params, int nparams, int *maxparams)
{
    size_t want = (size_t)nparams + 1;
    size_t cap;

    if (*params && (size_t)*maxparams >= want)
        return;
    cap = *params ? (size_t)*maxparams : 0;
    cap = MAX(want, cap + cap / 2);
    *params = g_renew(virTypedParameter, *params, cap);
    memset(*params + nparams, 0, (cap - nparams) * sizeof(**params));
    *maxparams = cap;
}


int
virTypedParamsAppend(virTypedParameterPtr *params, int *nparams,
                     int *maxparams, const char *name, int type, ...)
{
    va_list ap;
    int ret;

    virTypedParamsGrow(params, *nparams, maxparams);
    va_start(ap, type);
    ret = virTypedParameterAssignVArgs(*params + *nparams, name, type, ap);
    va_end(ap);
    if (ret < 0)
        return -1;
    (*nparams)++;
    return 0;
}


static int
virTypedParamsCompareField(const void *a, const void *b)
{
    const virTypedParameter *pa = *(const virTypedParameter *const *)a;
    const virTypedParameter *pb = *(const virTypedParameter *const *)b;

    return strcmp(pa->field, pb->field);
}


typedef struct {
    const char *name;
    int type;
    bool multiple;
} virTypedParamsAllowed;


int
virTypedParamsValidate(const virTypedParameter *params, int nparams, ...)
{
    g_autoptr(GArray) allowed = g_array_new(FALSE, FALSE,
                                            sizeof(virTypedParamsAllowed));
    g_autofree const virTypedParameter **sorted = NULL;
    const char *name;
    va_list ap;
    int i;

    if (nparams <= 0)
        return 0;

    va_start(ap, nparams);
    while ((name = va_arg(ap, const char *))) {
        unsigned int type = va_arg(ap, unsigned int);
        virTypedParamsAllowed a = { name, type & ~VIR_TYPED_PARAM_MULTIPLE,
                                    !!(type & VIR_TYPED_PARAM_MULTIPLE) };

        if (strlen(name) >= VIR_TYPED_PARAM_FIELD_LENGTH) {
            va_end(ap);
            virReportError(VIR_ERR_INTERNAL_ERROR, "Field name '%s' too long",
                           name);
            return -1;
        }
        g_array_append_val(allowed, a);
    }
    va_end(ap);

    /* Sorting by name makes the first offending parameter (in name
     * order) the one reported, as libvirt does. */
    sorted = g_new0(const virTypedParameter *, nparams);
    for (i = 0; i < nparams; i++)
        sorted[i] = &params[i];
    qsort(sorted, nparams, sizeof(*sorted), virTypedParamsCompareField);

    for (i = 0; i < nparams; i++) {
        const virTypedParameter *p = sorted[i];
        virTypedParamsAllowed *a = NULL;
        guint j;

        for (j = 0; j < allowed->len; j++) {
            virTypedParamsAllowed *cand =
                &g_array_index(allowed, virTypedParamsAllowed, j);
            if (g_str_equal(cand->name, p->field)) {
                a = cand;
                break;
            }
        }
        if (!a) {
            virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                           "parameter '%s' not supported", p->field);
            return -1;
        }
        if (i > 0 && !a->multiple && g_str_equal(sorted[i - 1]->field, p->field)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "parameter '%s' occurs multiple times", p->field);
            return -1;
        }
        if (p->type != a->type) {
            const char *bad = virTypedParameterTypeToString(p->type);
            virReportError(VIR_ERR_INVALID_ARG,
                           "invalid type '%s' for parameter '%s', expected '%s'",
                           bad ? bad : "unknown", p->field,
                           virTypedParameterTypeName(a->type));
            return -1;
        }
    }
    return 0;
}


bool
virTypedParamsCheck(const virTypedParameter *params, int nparams,
                    const char *const *names, int nnames)
{
    int i, j;

    for (i = 0; i < nparams; i++) {
        for (j = 0; j < nnames; j++) {
            if (g_str_equal(params[i].field, names[j]))
                break;
        }
        if (j == nnames)
            return false;
    }
    return true;
}


void
virTypedParamsCopy(virTypedParameterPtr *dst, const virTypedParameter *src,
                   int nparams)
{
    int i;

    *dst = NULL;
    if (!src || nparams <= 0)
        return;
    *dst = g_new0(virTypedParameter, nparams);
    for (i = 0; i < nparams; i++) {
        (*dst)[i] = src[i];
        if (src[i].type == VIR_TYPED_PARAM_STRING)
            (*dst)[i].value.s = g_strdup(src[i].value.s);
    }
}


static const virTypedParameter *
virTypedParamsFind(const virTypedParameter *params, int nparams,
                   const char *name)
{
    int i;

    if (!params || !name)
        return NULL;
    for (i = 0; i < nparams; i++) {
        if (g_str_equal(params[i].field, name))
            return &params[i];
    }
    return NULL;
}


int
virTypedParamsReplaceString(virTypedParameterPtr *params, int *nparams,
                            const char *name, const char *value)
{
    virTypedParameter *p =
        (virTypedParameter *)virTypedParamsFind(*params, *nparams, name);
    virTypedParameter fresh = { 0 };

    if (p) {
        if (p->type != VIR_TYPED_PARAM_STRING) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Parameter '%s' is not a string", p->field);
            return -1;
        }
        g_free(p->value.s);
        p->value.s = g_strdup(value ? value : "");
        return 0;
    }

    if (virTypedParameterAssign(&fresh, name, VIR_TYPED_PARAM_STRING,
                                value) < 0)
        return -1;
    *params = g_renew(virTypedParameter, *params, *nparams + 1);
    (*params)[(*nparams)++] = fresh;
    return 0;
}


int
virTypedParamsGetStringList(const virTypedParameter *params, int nparams,
                            const char *name, const char ***values)
{
    int i, n = 0;

    *values = NULL;
    for (i = 0; params && name && i < nparams; i++) {
        if (params[i].type != VIR_TYPED_PARAM_STRING ||
            !g_str_equal(params[i].field, name))
            continue;
        *values = g_renew(const char *, *values, n + 2);
        (*values)[n++] = params[i].value.s;
        (*values)[n] = NULL;
    }
    return n;
}


int
virTypedParamsGetUnsigned(const virTypedParameter *params, int nparams,
                          const char *name, unsigned long long *value)
{
    const virTypedParameter *p = virTypedParamsFind(params, nparams, name);

    if (!p)
        return 0;
    if (p->type == VIR_TYPED_PARAM_UINT) {
        *value = p->value.ui;
    } else if (p->type == VIR_TYPED_PARAM_ULLONG) {
        *value = p->value.ul;
    } else {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid type '%s' requested for parameter '%s', "
                       "actual type is '%s'", "uint, ullong", p->field,
                       virTypedParameterTypeName(p->type));
        return -1;
    }
    return 1;
}


char *
virTypedParameterToString(const virTypedParameter *param)
{
    switch (param->type) {
    case VIR_TYPED_PARAM_INT:
        return g_strdup_printf("%d", param->value.i);
    case VIR_TYPED_PARAM_UINT:
        return g_strdup_printf("%u", param->value.ui);
    case VIR_TYPED_PARAM_LLONG:
        return g_strdup_printf("%lld", param->value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return g_strdup_printf("%llu", param->value.ul);
    case VIR_TYPED_PARAM_DOUBLE:
        return g_strdup_printf("%g", param->value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return g_strdup_printf("%d", param->value.b);
    case VIR_TYPED_PARAM_STRING:
        return g_strdup(param->value.s);
    }
    virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected type %d for field %s",
                   param->type, param->field);
    return NULL;
}
