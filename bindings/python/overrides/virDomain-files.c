/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Calls that hand file descriptors to a domain: Python passes a list of
 * ints. */
#include <stdlib.h>

#include "vkpy.h"

#define DOM(py) ((virDomainPtr)vkpyUnwrap((py), "virDomainPtr"))

/* The list's ints as a C array; -1 with a Python error. */
static int
vkpyFDs(PyObject *list, int **fds, unsigned int *n)
{
    Py_ssize_t len;
    Py_ssize_t i;

    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "files must be a list");
        return -1;
    }
    len = PyList_Size(list);
    if (!(*fds = calloc(len + 1, sizeof(**fds)))) {
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0; i < len; i++) {
        long fd = PyLong_AsLong(PyList_GET_ITEM(list, i));

        if (fd == -1 && PyErr_Occurred()) {
            free(*fds);
            return -1;
        }
        (*fds)[i] = (int)fd;
    }
    *n = len;
    return 0;
}

VKPY_OVERRIDE(virDomainCreateWithFiles)
{
    PyObject *pydom;
    PyObject *pyfiles;
    unsigned int flags;
    int *fds;
    unsigned int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OOI:virDomainCreateWithFiles", &pydom,
                          &pyfiles, &flags) ||
        vkpyFDs(pyfiles, &fds, &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainCreateWithFiles(DOM(pydom), n, fds, flags);
    Py_END_ALLOW_THREADS
    free(fds);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virDomainCreateXMLWithFiles)
{
    PyObject *pyconn;
    const char *xml;
    PyObject *pyfiles;
    unsigned int flags;
    int *fds;
    unsigned int n;
    virDomainPtr dom;

    if (!PyArg_ParseTuple(args, "OzOI:virDomainCreateXMLWithFiles", &pyconn,
                          &xml, &pyfiles, &flags) ||
        vkpyFDs(pyfiles, &fds, &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    dom = virDomainCreateXMLWithFiles(vkpyUnwrap(pyconn, "virConnectPtr"),
                                      xml, n, fds, flags);
    Py_END_ALLOW_THREADS
    free(fds);
    return vkpyWrap(dom, "virDomainPtr");
}

VKPY_OVERRIDE(virDomainFDAssociate)
{
    PyObject *pydom;
    const char *name;
    PyObject *pyfiles;
    unsigned int flags;
    int *fds;
    unsigned int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OzOI:virDomainFDAssociate", &pydom, &name,
                          &pyfiles, &flags) ||
        vkpyFDs(pyfiles, &fds, &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainFDAssociate(DOM(pydom), name, n, fds, flags);
    Py_END_ALLOW_THREADS
    free(fds);
    return PyLong_FromLong(ret);
}
