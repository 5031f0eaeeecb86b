/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* virStream: data as bytes, and stream events handed to Python.
 *
 * recv answers the bytes read, or the library's -2 (a non-blocking stream
 * has nothing yet) and -3 (a hole comes first) as integers; None means an
 * error.  The event callback keeps the cbData dict ({"stream", "cb",
 * "opaque"}) and calls stream._dispatchStreamEventCallback(events,
 * cbData). */
#include <stdlib.h>

#include "vkpy.h"

#define STREAM(py) ((virStreamPtr)vkpyUnwrap((py), "virStreamPtr"))

static PyObject *
vkpyStreamRecv(PyObject *pystream, Py_ssize_t nbytes, unsigned int flags,
               int with_flags)
{
    virStreamPtr st = STREAM(pystream);
    char *buf;
    int ret;
    PyObject *data;

    if (nbytes < 0) {
        PyErr_SetString(PyExc_ValueError, "nbytes must not be negative");
        return NULL;
    }
    if (!(buf = malloc(nbytes ? nbytes : 1)))
        return PyErr_NoMemory();
    Py_BEGIN_ALLOW_THREADS
    if (with_flags)
        ret = virStreamRecvFlags(st, buf, nbytes, flags);
    else
        ret = virStreamRecv(st, buf, nbytes);
    Py_END_ALLOW_THREADS
    if (ret == -2 || ret == -3) {
        free(buf);
        return PyLong_FromLong(ret);
    }
    if (ret < 0) {
        free(buf);
        Py_RETURN_NONE;
    }
    data = PyBytes_FromStringAndSize(buf, ret);
    free(buf);
    return data;
}

VKPY_OVERRIDE(virStreamRecv)
{
    PyObject *pystream;
    Py_ssize_t nbytes;

    if (!PyArg_ParseTuple(args, "On:virStreamRecv", &pystream, &nbytes))
        return NULL;
    return vkpyStreamRecv(pystream, nbytes, 0, 0);
}

VKPY_OVERRIDE(virStreamRecvFlags)
{
    PyObject *pystream;
    Py_ssize_t nbytes;
    unsigned int flags;

    if (!PyArg_ParseTuple(args, "OnI:virStreamRecvFlags", &pystream, &nbytes,
                          &flags))
        return NULL;
    return vkpyStreamRecv(pystream, nbytes, flags, 1);
}

/* send: the count written, -2 (would block) or -1 (error). */
VKPY_OVERRIDE(virStreamSend)
{
    PyObject *pystream;
    Py_buffer data;
    int ret;

    if (!PyArg_ParseTuple(args, "Oy*:virStreamSend", &pystream, &data))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virStreamSend(STREAM(pystream), data.buf, data.len);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    return PyLong_FromLong(ret);
}

static void
vkpyStreamEvent(virStreamPtr st VKPY_UNUSED, int events, void *opaque)
{
    PyObject *cbData = opaque;
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *pystream = PyDict_GetItemString(cbData, "stream");

    if (pystream)
        vkpyCallMethod(pystream, "_dispatchStreamEventCallback", "(iO)",
                       events, cbData);
    PyGILState_Release(gil);
}

VKPY_OVERRIDE(virStreamEventAddCallback)
{
    PyObject *pystream;
    int events;
    PyObject *cbData;
    int ret;

    if (!PyArg_ParseTuple(args, "OiO:virStreamEventAddCallback", &pystream,
                          &events, &cbData))
        return NULL;
    if (!PyDict_Check(cbData)) {
        PyErr_SetString(PyExc_TypeError, "cbData must be a dict");
        return NULL;
    }
    Py_INCREF(cbData);             /* dropped by the library's free callback */
    Py_BEGIN_ALLOW_THREADS
    ret = virStreamEventAddCallback(STREAM(pystream), events,
                                    vkpyStreamEvent, cbData,
                                    vkpyDecrefCallback);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_DECREF(cbData);
    return PyLong_FromLong(ret);
}
