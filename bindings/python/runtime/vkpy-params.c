/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Typed parameters as Python dicts, the way libvirt-python shapes them.
 *
 * Out: each parameter becomes name -> value (int, float, bool or str).
 * In, two ways:
 *  - like an existing set (the setters that read the current parameters
 *    first): every key must be one of them and takes its type;
 *  - by hints (migration, block copy, save/restore, identity...): a table
 *    gives the type of the names the API knows; other names get a type
 *    from the Python value, and a list or tuple gives one parameter per
 *    item, all with the same name. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vkpy.h"

static int
vkpyDictSetNew(PyObject *dict, const char *key, PyObject *val)
{
    int ret;

    if (!val)
        return -1;
    ret = PyDict_SetItemString(dict, key, val);
    Py_DECREF(val);
    return ret;
}

int
vkpyParamsAddToDict(PyObject *dict, virTypedParameterPtr params, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];
        PyObject *val;

        switch (p->type) {
        case VIR_TYPED_PARAM_INT:
            val = PyLong_FromLong(p->value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            /* libvirt-python reads an unsigned int as a C int */
            val = PyLong_FromLong((long)(int)p->value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            val = PyLong_FromLongLong(p->value.l);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            val = PyLong_FromUnsignedLongLong(p->value.ul);
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            val = PyFloat_FromDouble(p->value.d);
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            val = PyBool_FromLong(p->value.b);
            break;
        case VIR_TYPED_PARAM_STRING:
            val = vkpyString(p->value.s);
            break;
        default:
            continue;               /* a slot the library left empty */
        }
        if (vkpyDictSetNew(dict, p->field, val) < 0)
            return -1;
    }
    return 0;
}

PyObject *
vkpyParamsToDict(virTypedParameterPtr params, int n)
{
    PyObject *dict = PyDict_New();

    if (dict && vkpyParamsAddToDict(dict, params, n) < 0)
        Py_CLEAR(dict);
    return dict;
}

int
vkpyParamsCheckDict(PyObject *dict)
{
    if (!PyDict_Check(dict)) {
        PyErr_SetString(PyExc_TypeError, "params must be a dictionary");
        return -1;
    }
    if (PyDict_Size(dict) == 0) {
        PyErr_SetString(PyExc_LookupError,
                        "Need non-empty dictionary to set attributes");
        return -1;
    }
    return 0;
}

/* A growing array of parameters. */
typedef struct {
    virTypedParameterPtr params;
    int n;
    int max;
} vkpyParamArray;

static virTypedParameterPtr
vkpyParamArrayAdd(vkpyParamArray *a, const char *name, int type)
{
    virTypedParameterPtr p;

    if (strlen(name) >= VIR_TYPED_PARAM_FIELD_LENGTH) {
        PyErr_Format(PyExc_ValueError, "Field name '%s' too long", name);
        return NULL;
    }
    if (a->n == a->max) {
        int max = a->max ? a->max * 2 : 8;
        virTypedParameterPtr grown = realloc(a->params,
                                             max * sizeof(*grown));
        if (!grown) {
            PyErr_NoMemory();
            return NULL;
        }
        a->params = grown;
        a->max = max;
    }
    p = &a->params[a->n];
    memset(p, 0, sizeof(*p));
    strcpy(p->field, name);
    p->type = type;
    return p;
}

/* Convert val to the parameter's type; the messages are Python's own
 * (or libvirt-python's where it words them). */
static int
vkpyParamSetValue(virTypedParameterPtr p, PyObject *val)
{
    long l;
    const char *s;

    switch (p->type) {
    case VIR_TYPED_PARAM_INT:
        l = PyLong_AsLong(val);
        if (l == -1 && PyErr_Occurred())
            return -1;
        if (l < INT_MIN || l > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            "Python int too large to convert to C int");
            return -1;
        }
        p->value.i = (int)l;
        return 0;
    case VIR_TYPED_PARAM_UINT:
        l = PyLong_AsLong(val);
        if (l == -1 && PyErr_Occurred())
            return -1;
        if (l < 0 || (unsigned long)l > UINT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "Python int too large to "
                            "convert to C unsigned int");
            return -1;
        }
        p->value.ui = (unsigned int)l;
        return 0;
    case VIR_TYPED_PARAM_LLONG:
        if (!PyLong_Check(val)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return -1;
        }
        p->value.l = PyLong_AsLongLong(val);
        return p->value.l == -1 && PyErr_Occurred() ? -1 : 0;
    case VIR_TYPED_PARAM_ULLONG:
        if (!PyLong_Check(val)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return -1;
        }
        p->value.ul = PyLong_AsUnsignedLongLong(val);
        return p->value.ul == (unsigned long long)-1 && PyErr_Occurred() ?
            -1 : 0;
    case VIR_TYPED_PARAM_DOUBLE:
        p->value.d = PyFloat_AsDouble(val);
        return p->value.d == -1.0 && PyErr_Occurred() ? -1 : 0;
    case VIR_TYPED_PARAM_BOOLEAN:
        if ((p->value.b = PyObject_IsTrue(val)) < 0)
            return -1;
        return 0;
    case VIR_TYPED_PARAM_STRING:
        if (!(s = PyUnicode_AsUTF8(val)))
            return -1;
        if (!(p->value.s = strdup(s))) {
            PyErr_NoMemory();
            return -1;
        }
        return 0;
    default:
        break;
    }
    PyErr_Format(PyExc_TypeError, "Unknown type of \"%s\" field", p->field);
    return -1;
}

static int
vkpyParamArrayAddValue(vkpyParamArray *a, const char *name, int type,
                       PyObject *val)
{
    virTypedParameterPtr p = vkpyParamArrayAdd(a, name, type);

    if (!p || vkpyParamSetValue(p, val) < 0)
        return -1;
    a->n++;                        /* counted once it holds a value */
    return 0;
}

static void
vkpyParamArrayFail(vkpyParamArray *a)
{
    virTypedParamsFree(a->params, a->n);
    a->params = NULL;
    a->n = 0;
}

int
vkpyParamsFromDict(PyObject *dict, virTypedParameterPtr known, int nknown,
                   virTypedParameterPtr *params, int *nparams)
{
    vkpyParamArray a = { NULL, 0, 0 };
    PyObject *items = PyDict_Items(dict);
    Py_ssize_t pos;

    /* The items list holds its own references: converting a value may
     * run Python code that changes the dict. */
    for (pos = 0; items && pos < PyList_GET_SIZE(items); pos++) {
        PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items, pos), 0);
        PyObject *val = PyTuple_GET_ITEM(PyList_GET_ITEM(items, pos), 1);
        const char *name = PyUnicode_AsUTF8(key);
        int i;

        if (!name)
            goto error;
        for (i = 0; i < nknown; i++)
            if (strcmp(known[i].field, name) == 0)
                break;
        if (i == nknown) {
            PyErr_Format(PyExc_LookupError,
                         "Attribute name \"%s\" could not be recognized",
                         name);
            goto error;
        }
        if (vkpyParamArrayAddValue(&a, name, known[i].type, val) < 0)
            goto error;
    }
    if (!items)
        goto error;
    Py_DECREF(items);
    *params = a.params;
    *nparams = a.n;
    return 0;

 error:
    Py_XDECREF(items);
    vkpyParamArrayFail(&a);
    return -1;
}

/* The type of a value no hint names. */
static int
vkpyParamGuessType(const char *name, PyObject *val)
{
    if (PyUnicode_Check(val))
        return VIR_TYPED_PARAM_STRING;
    if (PyBool_Check(val))
        return VIR_TYPED_PARAM_BOOLEAN;
    if (PyLong_Check(val)) {
        int overflow = 0;
        long long ll = PyLong_AsLongLongAndOverflow(val, &overflow);

        if (ll == -1 && PyErr_Occurred())
            return -1;
        return overflow < 0 || (overflow == 0 && ll < 0) ?
            VIR_TYPED_PARAM_LLONG : VIR_TYPED_PARAM_ULLONG;
    }
    if (PyFloat_Check(val))
        return VIR_TYPED_PARAM_DOUBLE;
    PyErr_Format(PyExc_TypeError, "Unknown type of \"%s\" field", name);
    return -1;
}

static int
vkpyParamAddHinted(vkpyParamArray *a, const char *name, int hint,
                   PyObject *val)
{
    int type = hint ? hint : vkpyParamGuessType(name, val);

    if (type < 0)
        return -1;
    return vkpyParamArrayAddValue(a, name, type, val);
}

int
vkpyParamsFromHints(PyObject *dict, const char *what,
                    const vkpyParamHint *hints,
                    virTypedParameterPtr *params, int *nparams)
{
    vkpyParamArray a = { NULL, 0, 0 };
    PyObject *items;
    Py_ssize_t pos;

    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s params must be a dictionary",
                     what);
        return -1;
    }
    items = PyDict_Items(dict);
    for (pos = 0; items && pos < PyList_GET_SIZE(items); pos++) {
        PyObject *key = PyTuple_GET_ITEM(PyList_GET_ITEM(items, pos), 0);
        PyObject *val = PyTuple_GET_ITEM(PyList_GET_ITEM(items, pos), 1);
        const char *name = PyUnicode_AsUTF8(key);
        const vkpyParamHint *h;
        int hint = 0;

        if (!name)
            goto error;
        for (h = hints; h && h->name; h++)
            if (strcmp(h->name, name) == 0)
                hint = h->type;
        if (PyList_Check(val) || PyTuple_Check(val)) {
            /* one parameter per item: migrate_disks=["vda", "vdb"] */
            PyObject *seq = PySequence_Fast(val, "");
            Py_ssize_t i;

            if (!seq)
                goto error;
            for (i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
                if (vkpyParamAddHinted(&a, name, hint,
                                       PySequence_Fast_GET_ITEM(seq, i)) < 0) {
                    Py_DECREF(seq);
                    goto error;
                }
            }
            Py_DECREF(seq);
        } else if (vkpyParamAddHinted(&a, name, hint, val) < 0) {
            goto error;
        }
    }
    if (!items)
        goto error;
    Py_DECREF(items);
    *params = a.params;
    *nparams = a.n;
    return 0;

 error:
    Py_XDECREF(items);
    vkpyParamArrayFail(&a);
    return -1;
}
