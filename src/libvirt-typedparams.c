/* libvirt-typedparams.c: the public virTypedParams* API (libvirt-common.h).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Thin wrappers over util/virtypedparam.c that follow the public-API
 * contract: reset the last error on entry, dispatch it on failure.
 * Note that, like libvirt 9.0, Add* does not refuse a name that is
 * already present (virTypedParamsAddStringList relies on that).
 */
#include <config.h>

#include <stdarg.h>

#include "util/virerror.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_NONE


virTypedParameterPtr
virTypedParamsGet(virTypedParameterPtr params, int nparams, const char *name)
{
    int i;

    /* Reports no error, so it leaves the last error alone. */
    if (!params || !name)
        return NULL;
    for (i = 0; i < nparams; i++) {
        if (g_str_equal(params[i].field, name))
            return &params[i];
    }
    return NULL;
}


/* Common part of the typed getters: 1 found (with *out set), 0 missing,
 * -1 wrong type (error dispatched). */
static int
virTypedParamsLookup(virTypedParameterPtr params, int nparams,
                     const char *name, int type, virTypedParameterPtr *out)
{
    virResetLastError();

    if (!(*out = virTypedParamsGet(params, nparams, name)))
        return 0;
    if (virTypedParamCheckType(*out, type) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    return 1;
}


int
virTypedParamsGetInt(virTypedParameterPtr params, int nparams,
                     const char *name, int *value)
{
    virTypedParameterPtr p;
    int rc = virTypedParamsLookup(params, nparams, name,
                                  VIR_TYPED_PARAM_INT, &p);

    if (rc == 1 && value)
        *value = p->value.i;
    return rc;
}


int
virTypedParamsGetUInt(virTypedParameterPtr params, int nparams,
                      const char *name, unsigned int *value)
{
    virTypedParameterPtr p;
    int rc = virTypedParamsLookup(params, nparams, name,
                                  VIR_TYPED_PARAM_UINT, &p);

    if (rc == 1 && value)
        *value = p->value.ui;
    return rc;
}


int
virTypedParamsGetLLong(virTypedParameterPtr params, int nparams,
                       const char *name, long long *value)
{
    virTypedParameterPtr p;
    int rc = virTypedParamsLookup(params, nparams, name,
                                  VIR_TYPED_PARAM_LLONG, &p);

    if (rc == 1 && value)
        *value = p->value.l;
    return rc;
}


int
virTypedParamsGetULLong(virTypedParameterPtr params, int nparams,
                        const char *name, unsigned long long *value)
{
    virTypedParameterPtr p;
    int rc = virTypedParamsLookup(params, nparams, name,
                                  VIR_TYPED_PARAM_ULLONG, &p);

    if (rc == 1 && value)
        *value = p->value.ul;
    return rc;
}


int
virTypedParamsGetDouble(virTypedParameterPtr params, int nparams,
                        const char *name, double *value)
{
    virTypedParameterPtr p;
    int rc = virTypedParamsLookup(params, nparams, name,
                                  VIR_TYPED_PARAM_DOUBLE, &p);

    if (rc == 1 && value)
        *value = p->value.d;
    return rc;
}


int
virTypedParamsGetBoolean(virTypedParameterPtr params, int nparams,
                         const char *name, int *value)
{
    virTypedParameterPtr p;
    int rc = virTypedParamsLookup(params, nparams, name,
                                  VIR_TYPED_PARAM_BOOLEAN, &p);

    if (rc == 1 && value)
        *value = !!p->value.b;
    return rc;
}


int
virTypedParamsGetString(virTypedParameterPtr params, int nparams,
                        const char *name, const char **value)
{
    virTypedParameterPtr p;
    int rc = virTypedParamsLookup(params, nparams, name,
                                  VIR_TYPED_PARAM_STRING, &p);

    if (rc == 1 && value)
        *value = p->value.s;
    return rc;
}


/* The Add* functions differ only in the C type of the value; the macro
 * keeps the reset/dispatch contract in one place. */
#define VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name, type, value) \
    do { \
        virResetLastError(); \
        if (virTypedParamsAppend(params, nparams, maxparams, name, type, \
                                 value) < 0) { \
            virDispatchError(NULL); \
            return -1; \
        } \
        return 0; \
    } while (0)


int
virTypedParamsAddInt(virTypedParameterPtr *params, int *nparams,
                     int *maxparams, const char *name, int value)
{
    VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name,
                         VIR_TYPED_PARAM_INT, value);
}


int
virTypedParamsAddUInt(virTypedParameterPtr *params, int *nparams,
                      int *maxparams, const char *name, unsigned int value)
{
    VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name,
                         VIR_TYPED_PARAM_UINT, value);
}


int
virTypedParamsAddLLong(virTypedParameterPtr *params, int *nparams,
                       int *maxparams, const char *name, long long value)
{
    VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name,
                         VIR_TYPED_PARAM_LLONG, value);
}


int
virTypedParamsAddULLong(virTypedParameterPtr *params, int *nparams,
                        int *maxparams, const char *name,
                        unsigned long long value)
{
    VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name,
                         VIR_TYPED_PARAM_ULLONG, value);
}


int
virTypedParamsAddDouble(virTypedParameterPtr *params, int *nparams,
                        int *maxparams, const char *name, double value)
{
    VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name,
                         VIR_TYPED_PARAM_DOUBLE, value);
}


int
virTypedParamsAddBoolean(virTypedParameterPtr *params, int *nparams,
                         int *maxparams, const char *name, int value)
{
    VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name,
                         VIR_TYPED_PARAM_BOOLEAN, value);
}


int
virTypedParamsAddString(virTypedParameterPtr *params, int *nparams,
                        int *maxparams, const char *name, const char *value)
{
    VIR_TYPED_PARAMS_ADD(params, nparams, maxparams, name,
                         VIR_TYPED_PARAM_STRING, value);
}


int
virTypedParamsAddStringList(virTypedParameterPtr *params, int *nparams,
                            int *maxparams, const char *name,
                            const char **values)
{
    size_t i;
    int rc = -1;    /* libvirt 9.0 returns -1 for an empty list */

    if (!values)
        return 0;
    for (i = 0; values[i]; i++) {
        if ((rc = virTypedParamsAddString(params, nparams, maxparams, name,
                                          values[i])) < 0)
            break;
    }
    return rc;
}


int
virTypedParamsAddFromString(virTypedParameterPtr *params, int *nparams,
                            int *maxparams, const char *name, int type,
                            const char *value)
{
    virResetLastError();

    virTypedParamsGrow(params, *nparams, maxparams);
    if (virTypedParameterAssignFromStr(*params + *nparams, name, type,
                                       value) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    (*nparams)++;
    return 0;
}


void
virTypedParamsClear(virTypedParameterPtr params, int nparams)
{
    int i;

    if (!params)
        return;
    for (i = 0; i < nparams; i++) {
        if (params[i].type == VIR_TYPED_PARAM_STRING)
            g_clear_pointer(&params[i].value.s, g_free);
    }
}


void
virTypedParamsFree(virTypedParameterPtr params, int nparams)
{
    virTypedParamsClear(params, nparams);
    g_free(params);
}
