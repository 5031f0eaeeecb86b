/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Event loops written in Python, and Python callbacks on the registered
 * loop.
 *
 * virEventRegisterImpl: the library calls C functions here, which call the
 * six Python functions.  A handle's or timeout's callback reaches Python as
 * libvirt._eventInvokeHandleCallback (or ...TimeoutCallback) with the opaque
 * (callback, opaque, free function) as a tuple of capsules, as
 * libvirt-python hands them (libvirtaio relies on it); the loop calls it
 * back, and _virEventInvoke* here calls the C callback.
 *
 * virEventAddHandle/AddTimeout: the other way round, a Python callback on
 * whichever loop is registered; the library keeps (dispatcher, cbData) and
 * calls dispatcher(id, ..., cbData). */
#include "vkpy.h"

enum {
    ADD_HANDLE, UPDATE_HANDLE, REMOVE_HANDLE,
    ADD_TIMEOUT, UPDATE_TIMEOUT, REMOVE_TIMEOUT,
    INVOKE_HANDLE, INVOKE_TIMEOUT,
    NFUNCS
};

/* The registered Python functions (owned references). */
static PyObject *vkpyImpl[NFUNCS];

/* Call a registered function with the GIL; its integer result (0 for
 * None), or -1 after printing its exception. */
static int
vkpyImplCall(int which, PyObject *args)
{
    PyObject *res = NULL;
    int ret = -1;

    if (args && vkpyImpl[which])
        res = PyObject_CallObject(vkpyImpl[which], args);
    if (!res) {
        if (PyErr_Occurred())
            PyErr_Print();
    } else {
        ret = PyLong_Check(res) ? (int)PyLong_AsLong(res) : 0;
        if (PyErr_Occurred()) {
            PyErr_Print();
            ret = -1;
        }
    }
    Py_XDECREF(res);
    Py_XDECREF(args);
    return ret;
}

/* (callback, opaque, free function) as capsules (None for NULL). */
static PyObject *
vkpyImplOpaque(void *cb, const char *cbtype, void *opaque, virFreeCallback ff)
{
    return vkpyTuple(3, vkpyWrap(cb, cbtype),
                     vkpyWrap(opaque, "void *"),
                     vkpyWrap((void *)ff, "virFreeCallback"));
}

static int
vkpyAddHandle(int fd, int events, virEventHandleCallback cb, void *opaque,
              virFreeCallback ff)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *pyopaque = vkpyImplOpaque((void *)cb, "virEventHandleCallback",
                                        opaque, ff);
    int ret = -1;

    if (pyopaque)
        ret = vkpyImplCall(ADD_HANDLE,
                           Py_BuildValue("(iiON)", fd, events,
                                         vkpyImpl[INVOKE_HANDLE], pyopaque));
    else
        PyErr_Print();
    PyGILState_Release(gil);
    return ret;
}

static void
vkpyUpdateHandle(int watch, int events)
{
    PyGILState_STATE gil = PyGILState_Ensure();

    vkpyImplCall(UPDATE_HANDLE, Py_BuildValue("(ii)", watch, events));
    PyGILState_Release(gil);
}

/* The loop frees the opaque itself, through virEventInvokeFreeCallback. */
static int
vkpyRemoveHandle(int watch)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    int ret = vkpyImplCall(REMOVE_HANDLE, Py_BuildValue("(i)", watch));

    PyGILState_Release(gil);
    return ret;
}

static int
vkpyAddTimeout(int timeout, virEventTimeoutCallback cb, void *opaque,
               virFreeCallback ff)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *pyopaque = vkpyImplOpaque((void *)cb,
                                        "virEventTimeoutCallback", opaque,
                                        ff);
    int ret = -1;

    if (pyopaque)
        ret = vkpyImplCall(ADD_TIMEOUT,
                           Py_BuildValue("(iON)", timeout,
                                         vkpyImpl[INVOKE_TIMEOUT], pyopaque));
    else
        PyErr_Print();
    PyGILState_Release(gil);
    return ret;
}

static void
vkpyUpdateTimeout(int timer, int timeout)
{
    PyGILState_STATE gil = PyGILState_Ensure();

    vkpyImplCall(UPDATE_TIMEOUT, Py_BuildValue("(ii)", timer, timeout));
    PyGILState_Release(gil);
}

static int
vkpyRemoveTimeout(int timer)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    int ret = vkpyImplCall(REMOVE_TIMEOUT, Py_BuildValue("(i)", timer));

    PyGILState_Release(gil);
    return ret;
}

/* (add/update/remove handle, add/update/remove timeout), as libvirt-python's
 * libvirtmod takes them (its own tests call this directly).  The two invoke
 * functions the loop calls back are the libvirt module's
 * _eventInvokeHandleCallback and _eventInvokeTimeoutCallback. */
VKPY_OVERRIDE(virEventRegisterImpl)
{
    PyObject *funcs[NFUNCS] = { NULL };
    PyObject *module;
    int i;

    if (!PyArg_ParseTuple(args, "OOOOOO:virEventRegisterImpl", &funcs[0],
                          &funcs[1], &funcs[2], &funcs[3], &funcs[4],
                          &funcs[5]))
        return NULL;
    if (!(module = PyImport_ImportModule("libvirt")))
        return NULL;
    funcs[INVOKE_HANDLE] = PyObject_GetAttrString(module,
                                                  "_eventInvokeHandleCallback");
    funcs[INVOKE_TIMEOUT] = PyObject_GetAttrString(module,
                                                   "_eventInvokeTimeoutCallback");
    Py_DECREF(module);
    for (i = 0; i < NFUNCS; i++) {
        if (!funcs[i] || !PyCallable_Check(funcs[i])) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError,
                                "the event functions must be callable");
            Py_XDECREF(funcs[INVOKE_HANDLE]);
            Py_XDECREF(funcs[INVOKE_TIMEOUT]);
            return NULL;
        }
    }
    for (i = 0; i < NFUNCS; i++) {
        if (i < INVOKE_HANDLE)
            Py_INCREF(funcs[i]);   /* the invoke ones are already ours */
        Py_XSETREF(vkpyImpl[i], funcs[i]);
    }
    Py_BEGIN_ALLOW_THREADS
    virEventRegisterImpl(vkpyAddHandle, vkpyUpdateHandle, vkpyRemoveHandle,
                         vkpyAddTimeout, vkpyUpdateTimeout, vkpyRemoveTimeout);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

/* The loop says a handle is ready: (watch, fd, events, cb, opaque). */
VKPY_OVERRIDE(_virEventInvokeHandleCallback)
{
    int watch;
    int fd;
    int events;
    PyObject *pycb;
    PyObject *pyopaque;
    virEventHandleCallback cb;
    void *opaque;

    if (!PyArg_ParseTuple(args, "iiiOO:_virEventInvokeHandleCallback",
                          &watch, &fd, &events, &pycb, &pyopaque))
        return NULL;
    cb = (virEventHandleCallback)vkpyUnwrap(pycb, "virEventHandleCallback");
    opaque = vkpyUnwrap(pyopaque, "void *");
    if (cb) {
        Py_BEGIN_ALLOW_THREADS
        cb(watch, fd, events, opaque);
        Py_END_ALLOW_THREADS
    }
    return PyLong_FromLong(0);
}

/* The loop says a timeout fired: (timer, cb, opaque). */
VKPY_OVERRIDE(_virEventInvokeTimeoutCallback)
{
    int timer;
    PyObject *pycb;
    PyObject *pyopaque;
    virEventTimeoutCallback cb;
    void *opaque;

    if (!PyArg_ParseTuple(args, "iOO:_virEventInvokeTimeoutCallback", &timer,
                          &pycb, &pyopaque))
        return NULL;
    cb = (virEventTimeoutCallback)vkpyUnwrap(pycb,
                                             "virEventTimeoutCallback");
    opaque = vkpyUnwrap(pyopaque, "void *");
    if (cb) {
        Py_BEGIN_ALLOW_THREADS
        cb(timer, opaque);
        Py_END_ALLOW_THREADS
    }
    return PyLong_FromLong(0);
}

/* A removed handle's or timeout's opaque is freed: (ff, opaque). */
VKPY_OVERRIDE(_virEventInvokeFreeCallback)
{
    PyObject *pyff;
    PyObject *pyopaque;
    virFreeCallback ff;
    void *opaque;

    if (!PyArg_ParseTuple(args, "OO:_virEventInvokeFreeCallback", &pyff,
                          &pyopaque))
        return NULL;
    ff = (virFreeCallback)vkpyUnwrap(pyff, "virFreeCallback");
    opaque = vkpyUnwrap(pyopaque, "void *");
    if (ff) {
        Py_BEGIN_ALLOW_THREADS
        ff(opaque);
        Py_END_ALLOW_THREADS
    }
    return PyLong_FromLong(0);
}

/* ---- Python callbacks on the registered loop ---- */

static void
vkpyHandleEvent(int watch, int fd, int events, void *opaque)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *pair = opaque;       /* (dispatcher, cbData) */
    PyObject *res = PyObject_CallFunction(PyTuple_GET_ITEM(pair, 0), "iiiO",
                                          watch, fd, events,
                                          PyTuple_GET_ITEM(pair, 1));

    if (!res)
        PyErr_Print();
    Py_XDECREF(res);
    PyGILState_Release(gil);
}

static void
vkpyTimeoutEvent(int timer, void *opaque)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *pair = opaque;
    PyObject *res = PyObject_CallFunction(PyTuple_GET_ITEM(pair, 0), "iO",
                                          timer, PyTuple_GET_ITEM(pair, 1));

    if (!res)
        PyErr_Print();
    Py_XDECREF(res);
    PyGILState_Release(gil);
}

/* (fd, events, cbData, dispatcher) */
VKPY_OVERRIDE(virEventAddHandle)
{
    int fd;
    int events;
    PyObject *cbData;
    PyObject *dispatcher;
    PyObject *pair;
    int ret;

    if (!PyArg_ParseTuple(args, "iiOO:virEventAddHandle", &fd, &events,
                          &cbData, &dispatcher))
        return NULL;
    if (!(pair = PyTuple_Pack(2, dispatcher, cbData)))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virEventAddHandle(fd, events, vkpyHandleEvent, pair,
                            vkpyDecrefCallback);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_DECREF(pair);
    return PyLong_FromLong(ret);
}

/* (timeout, cbData, dispatcher) */
VKPY_OVERRIDE(virEventAddTimeout)
{
    int timeout;
    PyObject *cbData;
    PyObject *dispatcher;
    PyObject *pair;
    int ret;

    if (!PyArg_ParseTuple(args, "iOO:virEventAddTimeout", &timeout, &cbData,
                          &dispatcher))
        return NULL;
    if (!(pair = PyTuple_Pack(2, dispatcher, cbData)))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virEventAddTimeout(timeout, vkpyTimeoutEvent, pair,
                             vkpyDecrefCallback);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_DECREF(pair);
    return PyLong_FromLong(ret);
}
