/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Handles, strings, lists and errors between libvirt and Python. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "vkpy.h"

int
vkpyInit(PyObject *module VKPY_UNUSED)
{
    if (virInitialize() < 0) {
        PyErr_SetString(PyExc_ImportError, "libvirt initialization failed");
        return -1;
    }
    return 0;
}

PyObject *
vkpyWrap(void *ptr, const char *type)
{
    if (!ptr)
        Py_RETURN_NONE;
    return PyCapsule_New(ptr, type, NULL);
}

void *
vkpyUnwrap(PyObject *obj, const char *type VKPY_UNUSED)
{
    /* Any capsule is accepted, as libvirt-python does: the library checks
     * the handle's kind and reports a wrong one as a libvirt error. */
    if (!obj || obj == Py_None || !PyCapsule_CheckExact(obj))
        return NULL;
    return PyCapsule_GetPointer(obj, PyCapsule_GetName(obj));
}

PyObject *
vkpyString(const char *s)
{
    if (!s)
        Py_RETURN_NONE;
    return PyUnicode_FromString(s);
}

void
vkpyFreeStrings(char **strs, int n)
{
    int i;

    if (!strs)
        return;
    for (i = 0; i < n; i++)
        free(strs[i]);
    free(strs);
}

PyObject *
vkpyStringList(char **strs, int n)
{
    PyObject *list = PyList_New(strs ? n : 0);
    int i;

    if (!list)
        return NULL;
    for (i = 0; strs && i < n; i++) {
        PyObject *s = vkpyString(strs[i]);
        if (!s) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, s);
    }
    return list;
}

int
vkpyStringArray(PyObject *list, char ***strs, unsigned int *n)
{
    Py_ssize_t len;
    Py_ssize_t i;

    *strs = NULL;
    *n = 0;
    if (!PyList_Check(list))
        return 0;
    len = PyList_Size(list);
    /* one more, so that an empty list is still an array */
    if (!(*strs = calloc(len + 1, sizeof(**strs)))) {
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0; i < len; i++) {
        const char *s = PyUnicode_AsUTF8(PyList_GET_ITEM(list, i));

        if (!s || !((*strs)[i] = strdup(s))) {
            if (s)
                PyErr_NoMemory();
            vkpyFreeStrings(*strs, i);
            *strs = NULL;
            return -1;
        }
    }
    *n = len;
    return 0;
}

PyObject *
vkpyHandleList(void **items, int n, const char *type, vkpyFreeFunc freefn)
{
    PyObject *list = PyList_New(n);
    int i;

    for (i = 0; list && i < n; i++) {
        PyObject *h = vkpyWrap(items[i], type);
        if (!h) {
            Py_CLEAR(list);
            break;
        }
        items[i] = NULL;            /* the capsule's Python object owns it */
        PyList_SET_ITEM(list, i, h);
    }
    /* On failure the handles nobody took are released here. */
    for (; i < n; i++)
        if (items[i])
            freefn(items[i]);
    return list;
}

static PyObject *
vkpySequence(int n, int tuple, va_list ap)
{
    PyObject *seq = tuple ? PyTuple_New(n) : PyList_New(n);
    int ok = seq != NULL;
    int i;

    for (i = 0; i < n; i++) {
        PyObject *item = va_arg(ap, PyObject *);
        if (!item || !ok) {
            ok = 0;
            Py_XDECREF(item);
            continue;
        }
        if (tuple)
            PyTuple_SET_ITEM(seq, i, item);
        else
            PyList_SET_ITEM(seq, i, item);
    }
    if (!ok) {
        Py_XDECREF(seq);
        return NULL;
    }
    return seq;
}

PyObject *
vkpyList(int n, ...)
{
    PyObject *ret;
    va_list ap;

    va_start(ap, n);
    ret = vkpySequence(n, 0, ap);
    va_end(ap);
    return ret;
}

PyObject *
vkpyTuple(int n, ...)
{
    PyObject *ret;
    va_list ap;

    va_start(ap, n);
    ret = vkpySequence(n, 1, ap);
    va_end(ap);
    return ret;
}

PyObject *
vkpyErrorTuple(virErrorPtr err)
{
    if (!err || err->code == VIR_ERR_OK)
        Py_RETURN_NONE;
    return vkpyTuple(9,
                     PyLong_FromLong(err->code),
                     PyLong_FromLong(err->domain),
                     vkpyString(err->message),
                     PyLong_FromLong(err->level),
                     vkpyString(err->str1),
                     vkpyString(err->str2),
                     vkpyString(err->str3),
                     PyLong_FromLong(err->int1),
                     PyLong_FromLong(err->int2));
}

int
vkpyCallMethod(PyObject *obj, const char *method, const char *fmt, ...)
{
    PyObject *args;
    PyObject *fn;
    PyObject *res = NULL;
    int ret = -1;
    va_list ap;

    va_start(ap, fmt);
    args = Py_VaBuildValue(fmt, ap);
    va_end(ap);
    fn = PyObject_GetAttrString(obj, method);
    if (args && fn)
        res = PyObject_CallObject(fn, args);
    if (!res) {
        PyErr_Print();
    } else {
        ret = PyLong_Check(res) ? (int)PyLong_AsLong(res) : 0;
        if (PyErr_Occurred()) {
            PyErr_Clear();
            ret = 0;
        }
    }
    Py_XDECREF(res);
    Py_XDECREF(fn);
    Py_XDECREF(args);
    return ret;
}

void
vkpyDecrefCallback(void *opaque)
{
    PyGILState_STATE st = PyGILState_Ensure();

    Py_XDECREF((PyObject *)opaque);
    PyGILState_Release(st);
}
