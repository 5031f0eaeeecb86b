/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* virDomain calls whose Python shape needs hand-written C. */
#include <stdlib.h>

#include "vkpy.h"

VKPY_OVERRIDE(virDomainGetSecurityLabel)
{
    PyObject *pydom;
    virSecurityLabel label;
    int ret;

    if (!PyArg_ParseTuple(args, "O:virDomainGetSecurityLabel", &pydom))
        return NULL;
    memset(&label, 0, sizeof(label));
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainGetSecurityLabel(vkpyUnwrap(pydom, "virDomainPtr"),
                                    &label);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    return vkpyList(2, PyUnicode_FromString(label.label),
                    PyBool_FromLong(label.enforcing));
}

VKPY_OVERRIDE(virDomainBlockStats)
{
    PyObject *pydom;
    const char *path;
    virDomainBlockStatsStruct st;
    int ret;

    if (!PyArg_ParseTuple(args, "Oz:virDomainBlockStats", &pydom, &path))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainBlockStats(vkpyUnwrap(pydom, "virDomainPtr"), path, &st,
                              sizeof(st));
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    return vkpyTuple(5, PyLong_FromLongLong(st.rd_req),
                     PyLong_FromLongLong(st.rd_bytes),
                     PyLong_FromLongLong(st.wr_req),
                     PyLong_FromLongLong(st.wr_bytes),
                     PyLong_FromLongLong(st.errs));
}

VKPY_OVERRIDE(virDomainInterfaceStats)
{
    PyObject *pydom;
    const char *path;
    virDomainInterfaceStatsStruct st;
    int ret;

    if (!PyArg_ParseTuple(args, "Oz:virDomainInterfaceStats", &pydom, &path))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainInterfaceStats(vkpyUnwrap(pydom, "virDomainPtr"), path,
                                  &st, sizeof(st));
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    return vkpyTuple(8, PyLong_FromLongLong(st.rx_bytes),
                     PyLong_FromLongLong(st.rx_packets),
                     PyLong_FromLongLong(st.rx_errs),
                     PyLong_FromLongLong(st.rx_drop),
                     PyLong_FromLongLong(st.tx_bytes),
                     PyLong_FromLongLong(st.tx_packets),
                     PyLong_FromLongLong(st.tx_errs),
                     PyLong_FromLongLong(st.tx_drop));
}

VKPY_OVERRIDE(virDomainGetSchedulerType)
{
    PyObject *pydom;
    PyObject *ret;
    char *type;
    int nparams = 0;

    if (!PyArg_ParseTuple(args, "O:virDomainGetSchedulerType", &pydom))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    type = virDomainGetSchedulerType(vkpyUnwrap(pydom, "virDomainPtr"),
                                     &nparams);
    Py_END_ALLOW_THREADS
    if (!type)
        Py_RETURN_NONE;
    ret = vkpyTuple(2, PyUnicode_FromString(type), PyLong_FromLong(nparams));
    free(type);
    return ret;
}

/* The dict keys, by VIR_DOMAIN_MEMORY_STAT_* tag. */
static const char *const memoryStatNames[] = {
    [VIR_DOMAIN_MEMORY_STAT_SWAP_IN] = "swap_in",
    [VIR_DOMAIN_MEMORY_STAT_SWAP_OUT] = "swap_out",
    [VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT] = "major_fault",
    [VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT] = "minor_fault",
    [VIR_DOMAIN_MEMORY_STAT_UNUSED] = "unused",
    [VIR_DOMAIN_MEMORY_STAT_AVAILABLE] = "available",
    [VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON] = "actual",
    [VIR_DOMAIN_MEMORY_STAT_RSS] = "rss",
    [VIR_DOMAIN_MEMORY_STAT_USABLE] = "usable",
    [VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE] = "last_update",
    [VIR_DOMAIN_MEMORY_STAT_DISK_CACHES] = "disk_caches",
    [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC] = "hugetlb_pgalloc",
    [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL] = "hugetlb_pgfail",
};

VKPY_OVERRIDE(virDomainMemoryStats)
{
    PyObject *pydom;
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    PyObject *dict;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "O:virDomainMemoryStats", &pydom))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virDomainMemoryStats(vkpyUnwrap(pydom, "virDomainPtr"), stats,
                             VIR_DOMAIN_MEMORY_STAT_NR, 0);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    if (!(dict = PyDict_New()))
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *val;

        if (stats[i].tag < 0 || stats[i].tag >=
            (int)(sizeof(memoryStatNames) / sizeof(memoryStatNames[0])) ||
            !memoryStatNames[stats[i].tag])
            continue;               /* a statistic this binding predates */
        if (!(val = PyLong_FromUnsignedLongLong(stats[i].val)) ||
            PyDict_SetItemString(dict, memoryStatNames[stats[i].tag],
                                 val) < 0) {
            Py_XDECREF(val);
            Py_DECREF(dict);
            return NULL;
        }
        Py_DECREF(val);
    }
    return dict;
}

VKPY_OVERRIDE(virDomainBlockPeek)
{
    PyObject *pydom;
    const char *disk;
    unsigned long long offset;
    Py_ssize_t size;
    unsigned int flags;
    PyObject *buf;
    int ret;

    if (!PyArg_ParseTuple(args, "OzKnI:virDomainBlockPeek", &pydom, &disk,
                          &offset, &size, &flags))
        return NULL;
    if (size < 0 || !(buf = PyBytes_FromStringAndSize(NULL, size)))
        return size < 0 ? PyErr_Format(PyExc_ValueError, "negative size")
                        : NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainBlockPeek(vkpyUnwrap(pydom, "virDomainPtr"), disk, offset,
                             size, PyBytes_AS_STRING(buf), flags);
    Py_END_ALLOW_THREADS
    if (ret < 0) {
        Py_DECREF(buf);
        Py_RETURN_NONE;
    }
    return buf;
}

VKPY_OVERRIDE(virDomainMemoryPeek)
{
    PyObject *pydom;
    unsigned long long start;
    Py_ssize_t size;
    unsigned int flags;
    PyObject *buf;
    int ret;

    if (!PyArg_ParseTuple(args, "OKnI:virDomainMemoryPeek", &pydom, &start,
                          &size, &flags))
        return NULL;
    if (size < 0 || !(buf = PyBytes_FromStringAndSize(NULL, size)))
        return size < 0 ? PyErr_Format(PyExc_ValueError, "negative size")
                        : NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainMemoryPeek(vkpyUnwrap(pydom, "virDomainPtr"), start, size,
                              PyBytes_AS_STRING(buf), flags);
    Py_END_ALLOW_THREADS
    if (ret < 0) {
        Py_DECREF(buf);
        Py_RETURN_NONE;
    }
    return buf;
}
