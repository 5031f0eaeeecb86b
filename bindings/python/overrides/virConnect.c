/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* virConnect calls whose Python shape needs hand-written C. */
#include <stdlib.h>

#include "vkpy.h"

/* listDomainsID: count, then fetch; the list may shrink in between. */
VKPY_OVERRIDE(virConnectListDomainsID)
{
    PyObject *pyconn;
    virConnectPtr conn;
    int *ids = NULL;
    int n;
    int i;
    PyObject *list;

    if (!PyArg_ParseTuple(args, "O:virConnectListDomainsID", &pyconn))
        return NULL;
    conn = vkpyUnwrap(pyconn, "virConnectPtr");
    Py_BEGIN_ALLOW_THREADS
    n = virConnectNumOfDomains(conn);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    if (n > 0) {
        if (!(ids = calloc(n, sizeof(*ids))))
            return PyErr_NoMemory();
        Py_BEGIN_ALLOW_THREADS
        n = virConnectListDomains(conn, ids, n);
        Py_END_ALLOW_THREADS
        if (n < 0) {
            free(ids);
            Py_RETURN_NONE;
        }
    }
    if ((list = PyList_New(n))) {
        for (i = 0; i < n; i++) {
            PyObject *id = PyLong_FromLong(ids[i]);
            if (!id) {
                Py_CLEAR(list);
                break;
            }
            PyList_SET_ITEM(list, i, id);
        }
    }
    free(ids);
    return list;
}

/* getInfo: the node's memory comes in KiB and goes out in MiB. */
VKPY_OVERRIDE(virNodeGetInfo)
{
    PyObject *pyconn;
    virNodeInfo info;
    int ret;

    if (!PyArg_ParseTuple(args, "O:virNodeGetInfo", &pyconn))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virNodeGetInfo(vkpyUnwrap(pyconn, "virConnectPtr"), &info);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    return vkpyList(8, PyUnicode_FromString(info.model),
                    PyLong_FromLong((long)(info.memory >> 10)),
                    PyLong_FromLong((long)info.cpus),
                    PyLong_FromLong((long)info.mhz),
                    PyLong_FromLong((long)info.nodes),
                    PyLong_FromLong((long)info.sockets),
                    PyLong_FromLong((long)info.cores),
                    PyLong_FromLong((long)info.threads));
}

VKPY_OVERRIDE(virConnGetLastError)
{
    PyObject *pyconn;

    if (!PyArg_ParseTuple(args, "O:virConnGetLastError", &pyconn))
        return NULL;
    return vkpyErrorTuple(virConnGetLastError(vkpyUnwrap(pyconn,
                                                         "virConnectPtr")));
}
