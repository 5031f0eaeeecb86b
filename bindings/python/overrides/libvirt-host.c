/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Opening connections with Python credential callbacks; versions. */
#include <stdlib.h>
#include <string.h>

#include "vkpy.h"

/* The auth list is [credtypes, callback, opaque]; C passes it through as
 * cbdata while virConnectOpenAuth runs. */
static int
vkpyAuthCallback(virConnectCredentialPtr cred, unsigned int ncred,
                 void *cbdata)
{
    PyObject *auth = cbdata;
    PyGILState_STATE st = PyGILState_Ensure();
    PyObject *list = PyList_New(ncred);
    PyObject *res = NULL;
    int ret = -1;
    unsigned int i;

    for (i = 0; list && i < ncred; i++) {
        PyObject *item = vkpyList(5, PyLong_FromLong(cred[i].type),
                                  vkpyString(cred[i].prompt),
                                  vkpyString(cred[i].challenge),
                                  vkpyString(cred[i].defresult),
                                  (Py_INCREF(Py_None), Py_None));
        if (!item) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, item);
    }
    if (list)
        res = PyObject_CallFunctionObjArgs(PyList_GetItem(auth, 1), list,
                                           PyList_GetItem(auth, 2), NULL);
    if (!res) {
        PyErr_Print();
        goto cleanup;
    }
    ret = PyLong_Check(res) ? (int)PyLong_AsLong(res) : -1;
    for (i = 0; ret >= 0 && i < ncred; i++) {
        PyObject *item = PyList_GetItem(list, i);
        PyObject *val = item && PyList_Check(item) && PyList_Size(item) > 4 ?
            PyList_GetItem(item, 4) : NULL;
        const char *s = val && PyUnicode_Check(val) ?
            PyUnicode_AsUTF8(val) : NULL;

        if (s) {
            cred[i].result = strdup(s);
            cred[i].resultlen = strlen(s);
        } else {
            cred[i].result = NULL;
            cred[i].resultlen = 0;
        }
    }
    PyErr_Clear();

 cleanup:
    Py_XDECREF(res);
    Py_XDECREF(list);
    PyGILState_Release(st);
    return ret;
}

VKPY_OVERRIDE(virConnectOpenAuth)
{
    const char *uri;
    PyObject *pyauth;
    unsigned int flags;
    virConnectAuth auth = { 0 };
    PyObject *types;
    PyObject *cb;
    virConnectPtr conn;
    Py_ssize_t i;

    if (!PyArg_ParseTuple(args, "zOI:virConnectOpenAuth", &uri, &pyauth,
                          &flags))
        return NULL;
    if (!PyList_Check(pyauth) || PyList_Size(pyauth) < 3) {
        PyErr_SetString(PyExc_TypeError,
                        "auth must be [credtypes, callback, opaque]");
        return NULL;
    }
    types = PyList_GetItem(pyauth, 0);
    cb = PyList_GetItem(pyauth, 1);
    if (PyList_Check(types) && PyList_Size(types) > 0) {
        auth.ncredtype = PyList_Size(types);
        if (!(auth.credtype = calloc(auth.ncredtype, sizeof(int))))
            return PyErr_NoMemory();
        for (i = 0; i < (Py_ssize_t)auth.ncredtype; i++)
            auth.credtype[i] = (int)PyLong_AsLong(PyList_GetItem(types, i));
        if (PyErr_Occurred()) {
            free(auth.credtype);
            return NULL;
        }
    }
    if (cb != Py_None) {
        auth.cb = vkpyAuthCallback;
        auth.cbdata = pyauth;
    }
    Py_BEGIN_ALLOW_THREADS
    conn = virConnectOpenAuth(uri, &auth, flags);
    Py_END_ALLOW_THREADS
    free(auth.credtype);
    return vkpyWrap(conn, "virConnectPtr");
}

VKPY_OVERRIDE(virGetVersion)
{
    const char *type = NULL;
    unsigned long libVer = 0;
    unsigned long typeVer = 0;
    int ret;

    if (!PyArg_ParseTuple(args, "|z:virGetVersion", &type))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virGetVersion(&libVer, type, type ? &typeVer : NULL);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    if (!type)
        return PyLong_FromUnsignedLong(libVer);
    return vkpyTuple(2, PyLong_FromUnsignedLong(libVer),
                     PyLong_FromUnsignedLong(typeVer));
}
