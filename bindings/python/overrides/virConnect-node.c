/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The host's NUMA cells and huge pages: integer arrays as lists and dicts,
 * the way libvirt-python passes them. */
#include <limits.h>
#include <stdlib.h>

#include "vkpy.h"

#define CONN(py) ((virConnectPtr)vkpyUnwrap((py), "virConnectPtr"))

/* libvirt-python's bound on the cells asked for at once */
#define VKPY_MAX_CELLS 10000

/* An unsigned int from Python, with libvirt-python's messages. */
static int
vkpyUInt(PyObject *obj, unsigned int *val)
{
    long l = PyLong_AsLong(obj);

    if (l == -1 && PyErr_Occurred())
        return -1;
    if (l < 0 || (unsigned long)l > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C unsigned int");
        return -1;
    }
    *val = (unsigned int)l;
    return 0;
}

/* getCellsFreeMemory(startCell, maxCells): [bytes free, ...] */
VKPY_OVERRIDE(virNodeGetCellsFreeMemory)
{
    PyObject *pyconn;
    int start;
    int max;
    unsigned long long *mems;
    PyObject *list;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "Oii:virNodeGetCellsFreeMemory", &pyconn,
                          &start, &max))
        return NULL;
    if (start < 0 || max <= 0 || start + max > VKPY_MAX_CELLS)
        Py_RETURN_NONE;            /* refused without asking the library */
    if (!(mems = calloc(max, sizeof(*mems))))
        return PyErr_NoMemory();
    Py_BEGIN_ALLOW_THREADS
    n = virNodeGetCellsFreeMemory(CONN(pyconn), mems, start, max);
    Py_END_ALLOW_THREADS
    if (n < 0) {
        free(mems);
        Py_RETURN_NONE;
    }
    list = PyList_New(n);
    for (i = 0; list && i < n; i++) {
        PyObject *v = PyLong_FromUnsignedLongLong(mems[i]);
        if (!v)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, v);
    }
    free(mems);
    return list;
}

/* getFreePages([page sizes], startCell, cellCount, flags):
 * {cell: {page size: free pages}} */
VKPY_OVERRIDE(virNodeGetFreePages)
{
    PyObject *pyconn;
    PyObject *pypages;
    int start;
    unsigned int cells;
    unsigned int flags;
    unsigned int *pages = NULL;
    unsigned long long *counts = NULL;
    Py_ssize_t npages;
    PyObject *dict = NULL;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "OOiII:virNodeGetFreePages", &pyconn,
                          &pypages, &start, &cells, &flags))
        return NULL;
    if (!PyList_Check(pypages)) {
        PyErr_SetString(PyExc_TypeError, "pagesize must be list");
        return NULL;
    }
    npages = PyList_Size(pypages);
    if (!(pages = calloc(npages + 1, sizeof(*pages))) ||
        !(counts = calloc((size_t)npages * cells + 1, sizeof(*counts)))) {
        PyErr_NoMemory();
        goto cleanup;
    }
    for (i = 0; i < npages; i++)
        if (vkpyUInt(PyList_GET_ITEM(pypages, i), &pages[i]) < 0)
            goto cleanup;
    Py_BEGIN_ALLOW_THREADS
    n = virNodeGetFreePages(CONN(pyconn), npages, pages, start, cells,
                            counts, flags);
    Py_END_ALLOW_THREADS
    if (n < 0) {
        Py_INCREF(Py_None);
        dict = Py_None;
        goto cleanup;
    }
    if (!(dict = PyDict_New()))
        goto cleanup;
    /* n counts, npages per cell */
    for (i = 0; npages > 0 && i + npages <= n; i += npages) {
        PyObject *cell = PyDict_New();
        PyObject *key = PyLong_FromLong(start + i / npages);
        Py_ssize_t j;
        int ok = cell && key && PyDict_SetItem(dict, key, cell) == 0;

        for (j = 0; ok && j < npages; j++) {
            PyObject *k = PyLong_FromUnsignedLong(pages[j]);
            PyObject *v = PyLong_FromUnsignedLongLong(counts[i + j]);

            ok = k && v && PyDict_SetItem(cell, k, v) == 0;
            Py_XDECREF(k);
            Py_XDECREF(v);
        }
        Py_XDECREF(cell);
        Py_XDECREF(key);
        if (!ok) {
            Py_CLEAR(dict);
            break;
        }
    }

 cleanup:
    free(pages);
    free(counts);
    return dict;
}

/* allocPages({page size: count}, startCell, cellCount, flags) */
VKPY_OVERRIDE(virNodeAllocPages)
{
    PyObject *pyconn;
    PyObject *pypages;
    int start;
    unsigned int cells;
    unsigned int flags;
    unsigned int *sizes = NULL;
    unsigned long long *counts = NULL;
    PyObject *key;
    PyObject *val;
    Py_ssize_t pos = 0;
    Py_ssize_t n;
    int i = 0;
    int ret;

    if (!PyArg_ParseTuple(args, "OOiII:virNodeAllocPages", &pyconn,
                          &pypages, &start, &cells, &flags))
        return NULL;
    if (!PyDict_Check(pypages)) {
        PyErr_SetString(PyExc_TypeError, "pages must be a dict");
        return NULL;
    }
    n = PyDict_Size(pypages);
    if (!(sizes = calloc(n + 1, sizeof(*sizes))) ||
        !(counts = calloc(n + 1, sizeof(*counts)))) {
        free(sizes);
        return PyErr_NoMemory();
    }
    while (PyDict_Next(pypages, &pos, &key, &val)) {
        if (vkpyUInt(key, &sizes[i]) < 0)
            goto error;
        if (!PyLong_Check(val)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            goto error;
        }
        counts[i] = PyLong_AsUnsignedLongLong(val);
        if (counts[i] == (unsigned long long)-1 && PyErr_Occurred())
            goto error;
        i++;
    }
    Py_BEGIN_ALLOW_THREADS
    ret = virNodeAllocPages(CONN(pyconn), n, sizes, counts, start, cells,
                            flags);
    Py_END_ALLOW_THREADS
    free(sizes);
    free(counts);
    return PyLong_FromLong(ret);

 error:
    free(sizes);
    free(counts);
    return NULL;
}
