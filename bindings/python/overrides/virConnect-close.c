/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The connection's close callback: the library keeps the cbData dict
 * ({"cb", "conn", "opaque"}) and its C callback calls
 * conn._dispatchCloseCallback(reason, cbData). */
#include "vkpy.h"

static void
vkpyCloseCallback(virConnectPtr conn VKPY_UNUSED, int reason, void *opaque)
{
    PyObject *cbData = opaque;
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *pyconn = PyDict_GetItemString(cbData, "conn");

    if (pyconn)
        vkpyCallMethod(pyconn, "_dispatchCloseCallback", "(iO)", reason,
                       cbData);
    PyGILState_Release(gil);
}

VKPY_OVERRIDE(virConnectRegisterCloseCallback)
{
    PyObject *pyconn;
    PyObject *cbData;
    int ret;

    if (!PyArg_ParseTuple(args, "OO:virConnectRegisterCloseCallback",
                          &pyconn, &cbData))
        return NULL;
    if (!PyDict_Check(cbData)) {
        PyErr_SetString(PyExc_TypeError, "cbData must be a dict");
        return NULL;
    }
    Py_INCREF(cbData);             /* dropped by the library's free callback */
    Py_BEGIN_ALLOW_THREADS
    ret = virConnectRegisterCloseCallback(vkpyUnwrap(pyconn, "virConnectPtr"),
                                          vkpyCloseCallback, cbData,
                                          vkpyDecrefCallback);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_DECREF(cbData);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virConnectUnregisterCloseCallback)
{
    PyObject *pyconn;
    int ret;

    if (!PyArg_ParseTuple(args, "O:virConnectUnregisterCloseCallback",
                          &pyconn))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virConnectUnregisterCloseCallback(vkpyUnwrap(pyconn,
                                                       "virConnectPtr"),
                                            vkpyCloseCallback);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(ret);
}
