/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Errors: the last error as a tuple, and Python error handlers. */
#include "vkpy.h"

/* The Python handler and its context: a (f, ctx) tuple, or NULL. */
static PyObject *vkpyErrorHandler;

static void
vkpyErrorFunc(void *opaque VKPY_UNUSED, virErrorPtr err)
{
    PyGILState_STATE st = PyGILState_Ensure();
    PyObject *handler = vkpyErrorHandler;

    if (handler && err && err->code != VIR_ERR_OK) {
        PyObject *res;

        Py_INCREF(handler);
        res = PyObject_CallFunction(PyTuple_GET_ITEM(handler, 0), "ON",
                                    PyTuple_GET_ITEM(handler, 1),
                                    vkpyErrorTuple(err));
        if (!res)
            PyErr_Print();
        Py_XDECREF(res);
        Py_DECREF(handler);
    }
    PyGILState_Release(st);
}

VKPY_OVERRIDE(virGetLastError)
{
    if (!PyArg_ParseTuple(args, ":virGetLastError"))
        return NULL;
    return vkpyErrorTuple(virGetLastError());
}

VKPY_OVERRIDE(virRegisterErrorHandler)
{
    PyObject *f;
    PyObject *ctx;
    PyObject *old = vkpyErrorHandler;

    if (!PyArg_ParseTuple(args, "OO:virRegisterErrorHandler", &f, &ctx))
        return NULL;
    if (f == Py_None) {
        vkpyErrorHandler = NULL;
        virSetErrorFunc(NULL, NULL);
    } else {
        if (!PyCallable_Check(f)) {
            PyErr_SetString(PyExc_TypeError, "error handler must be callable");
            return NULL;
        }
        if (!(vkpyErrorHandler = Py_BuildValue("(OO)", f, ctx))) {
            vkpyErrorHandler = old;
            return NULL;
        }
        virSetErrorFunc(NULL, vkpyErrorFunc);
    }
    Py_XDECREF(old);
    return PyLong_FromLong(1);
}
