/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libvirtmod_qemu: the calls of libvirt-qemu.so whose Python shape needs
 * hand-written C -- a string result through a pointer, file descriptor
 * lists, and monitor events delivered to a Python callback. */
#include <stdlib.h>
#include <unistd.h>

#include <libvirt/libvirt-qemu.h>

#include "vkpy.h"

VKPY_OVERRIDE(virDomainQemuMonitorCommand)
{
    PyObject *pydom;
    char *cmd;
    unsigned int flags;
    char *result = NULL;
    int ret;
    PyObject *py;

    if (!PyArg_ParseTuple(args, "OzI:virDomainQemuMonitorCommand", &pydom,
                          &cmd, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainQemuMonitorCommand(vkpyUnwrap(pydom, "virDomainPtr"), cmd,
                                      &result, flags);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    py = vkpyString(result);
    free(result);
    return py;
}


/* (result, [fd, ...]) or None; the descriptors given are lent, the ones
 * returned belong to the caller. */
VKPY_OVERRIDE(virDomainQemuMonitorCommandWithFiles)
{
    PyObject *pydom, *pyfiles;
    char *cmd;
    unsigned int flags;
    unsigned int ninfiles = 0, noutfiles = 0, i;
    int *infiles = NULL;
    int *outfiles = NULL;
    char *result = NULL;
    PyObject *list = NULL, *ret = NULL;
    int rc;

    if (!PyArg_ParseTuple(args, "OzOI:virDomainQemuMonitorCommandWithFiles",
                          &pydom, &cmd, &pyfiles, &flags))
        return NULL;
    if (pyfiles != Py_None) {
        Py_ssize_t n;

        if (!PyList_Check(pyfiles)) {
            PyErr_SetString(PyExc_TypeError, "files must be a list of integers");
            return NULL;
        }
        n = PyList_Size(pyfiles);
        infiles = calloc(n ? n : 1, sizeof(int));
        for (i = 0; i < (unsigned int)n; i++) {
            infiles[i] = (int)PyLong_AsLong(PyList_GetItem(pyfiles, i));
            if (PyErr_Occurred()) {
                free(infiles);
                return NULL;
            }
        }
        ninfiles = n;
    }
    Py_BEGIN_ALLOW_THREADS
    rc = virDomainQemuMonitorCommandWithFiles(vkpyUnwrap(pydom, "virDomainPtr"),
                                              cmd, ninfiles, infiles,
                                              &noutfiles, &outfiles, &result,
                                              flags);
    Py_END_ALLOW_THREADS
    free(infiles);
    if (rc < 0)
        Py_RETURN_NONE;
    if (!(list = PyList_New(0)))
        goto cleanup;
    for (i = 0; i < noutfiles; i++) {
        PyObject *fd = PyLong_FromLong(outfiles[i]);

        if (!fd || PyList_Append(list, fd) < 0) {
            Py_XDECREF(fd);
            goto cleanup;
        }
        Py_DECREF(fd);
    }
    ret = Py_BuildValue("(zO)", result, list);

 cleanup:
    Py_XDECREF(list);
    if (!ret) {
        for (i = 0; i < noutfiles; i++)
            close(outfiles[i]);
    }
    free(outfiles);
    free(result);
    return ret;
}


/* A registration's Python side: {"cb", "conn", "opaque"}. */
static void
vkpyQemuEventFree(void *opaque)
{
    PyGILState_STATE st = PyGILState_Ensure();

    Py_XDECREF((PyObject *)opaque);
    PyGILState_Release(st);
}


static void
vkpyQemuEvent(virConnectPtr conn VKPY_UNUSED, virDomainPtr dom,
              const char *event, long long seconds, unsigned int micros,
              const char *details, void *opaque)
{
    PyGILState_STATE st = PyGILState_Ensure();
    PyObject *cbData = opaque;
    PyObject *pyconn = PyDict_GetItemString(cbData, "conn");
    PyObject *module = PyImport_ImportModule("libvirt_qemu");
    PyObject *pydom = NULL;
    PyObject *res = NULL;

    if (dom && virDomainRef(dom) == 0)
        pydom = vkpyWrap(dom, "virDomainPtr");
    if (module && pyconn && pydom)
        res = PyObject_CallMethod(module, "_dispatchQemuMonitorEventCallback",
                                  "OOzLIzO", pyconn, pydom, event, seconds,
                                  micros, details, cbData);
    if (!res && PyErr_Occurred())
        PyErr_Print();
    Py_XDECREF(res);
    Py_XDECREF(pydom);
    Py_XDECREF(module);
    PyGILState_Release(st);
}


VKPY_OVERRIDE(virConnectDomainQemuMonitorEventRegister)
{
    PyObject *pyconn, *pydom, *cbData;
    char *event;
    unsigned int flags;
    int ret;

    if (!PyArg_ParseTuple(args, "OOzOI:virConnectDomainQemuMonitorEventRegister",
                          &pyconn, &pydom, &event, &cbData, &flags))
        return NULL;
    Py_INCREF(cbData);
    Py_BEGIN_ALLOW_THREADS
    ret = virConnectDomainQemuMonitorEventRegister(
        vkpyUnwrap(pyconn, "virConnectPtr"),
        pydom == Py_None ? NULL : vkpyUnwrap(pydom, "virDomainPtr"),
        event, vkpyQemuEvent, cbData, vkpyQemuEventFree, flags);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_DECREF(cbData);
    return PyLong_FromLong(ret);
}
