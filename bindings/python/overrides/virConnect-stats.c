/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* virConnect calls with statistics and typed parameters: domain stats
 * records, the node's CPU and memory counters, the client identity. */
#include <stdlib.h>

#include "vkpy.h"

#define CONN(py) ((virConnectPtr)vkpyUnwrap((py), "virConnectPtr"))

/* [(domain capsule, {stat: value}), ...]; the records are freed here, the
 * domains live on in their capsules. */
static PyObject *
vkpyStatsRecords(virDomainStatsRecordPtr *records, int n)
{
    PyObject *list = PyList_New(0);
    int i;

    for (i = 0; list && i < n; i++) {
        PyObject *dict = vkpyParamsToDict(records[i]->params,
                                          records[i]->nparams);
        PyObject *dom = NULL;
        PyObject *item = NULL;

        if (dict && virDomainRef(records[i]->dom) == 0 &&
            !(dom = vkpyWrap(records[i]->dom, "virDomainPtr")))
            virDomainFree(records[i]->dom);
        if (dom && dict)
            item = vkpyTuple(2, dom, dict);
        else {
            Py_XDECREF(dom);
            Py_XDECREF(dict);
        }
        if (!item || PyList_Append(list, item) < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_RuntimeError,
                                "cannot keep a domain of the statistics");
            Py_CLEAR(list);
        }
        Py_XDECREF(item);
    }
    virDomainStatsRecordListFree(records);
    return list;
}

VKPY_OVERRIDE(virConnectGetAllDomainStats)
{
    PyObject *pyconn;
    unsigned int stats;
    unsigned int flags;
    virDomainStatsRecordPtr *records = NULL;
    int n;

    if (!PyArg_ParseTuple(args, "OII:virConnectGetAllDomainStats", &pyconn,
                          &stats, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virConnectGetAllDomainStats(CONN(pyconn), stats, &records, flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    return vkpyStatsRecords(records, n);
}

/* The domains come as a list of capsules. */
VKPY_OVERRIDE(virDomainListGetStats)
{
    PyObject *pyconn;
    PyObject *pydoms;
    unsigned int stats;
    unsigned int flags;
    virDomainStatsRecordPtr *records = NULL;
    virDomainPtr *doms;
    Py_ssize_t i;
    Py_ssize_t ndoms;
    int n;

    if (!PyArg_ParseTuple(args, "OOII:virDomainListGetStats", &pyconn,
                          &pydoms, &stats, &flags))
        return NULL;
    if (!PyList_Check(pydoms)) {
        PyErr_SetString(PyExc_TypeError, "the domains must be a list");
        return NULL;
    }
    ndoms = PyList_Size(pydoms);
    if (!(doms = calloc(ndoms + 1, sizeof(*doms))))
        return PyErr_NoMemory();
    for (i = 0; i < ndoms; i++)
        doms[i] = vkpyUnwrap(PyList_GetItem(pydoms, i), "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    n = virDomainListGetStats(doms, stats, &records, flags);
    Py_END_ALLOW_THREADS
    free(doms);
    if (n < 0)
        Py_RETURN_NONE;
    return vkpyStatsRecords(records, n);
}

/* The node's counters as {field: value}: count them, then fetch. */
#define VKPY_NODE_STATS(func, type)                                  \
    PyObject *pyconn;                                                       \
    int num;                                                                \
    unsigned int flags;                                                     \
    type *params = NULL;                                                    \
    int n = 0;                                                              \
    int i;                                                                  \
    int ret;                                                                \
    PyObject *dict;                                                         \
                                                                            \
    if (!PyArg_ParseTuple(args, "OiI:" #func, &pyconn, &num, &flags))       \
        return NULL;                                                        \
    Py_BEGIN_ALLOW_THREADS                                                  \
    ret = func(CONN(pyconn), num, NULL, &n, flags);                         \
    Py_END_ALLOW_THREADS                                                    \
    if (ret < 0)                                                            \
        Py_RETURN_NONE;                                                     \
    if (n > 0 && !(params = calloc(n, sizeof(*params))))                    \
        return PyErr_NoMemory();                                            \
    if (n > 0) {                                                            \
        Py_BEGIN_ALLOW_THREADS                                              \
        ret = func(CONN(pyconn), num, params, &n, flags);                   \
        Py_END_ALLOW_THREADS                                                \
    }                                                                       \
    if (ret < 0) {                                                          \
        free(params);                                                       \
        Py_RETURN_NONE;                                                     \
    }                                                                       \
    dict = PyDict_New();                                                    \
    for (i = 0; dict && i < n; i++) {                                       \
        PyObject *v = PyLong_FromUnsignedLongLong(params[i].value);         \
        if (!v || PyDict_SetItemString(dict, params[i].field, v) < 0)       \
            Py_CLEAR(dict);                                                 \
        Py_XDECREF(v);                                                      \
    }                                                                       \
    free(params);                                                           \
    return dict

VKPY_OVERRIDE(virNodeGetCPUStats)
{
    VKPY_NODE_STATS(virNodeGetCPUStats, virNodeCPUStats);
}

VKPY_OVERRIDE(virNodeGetMemoryStats)
{
    VKPY_NODE_STATS(virNodeGetMemoryStats, virNodeMemoryStats);
}

/* The identity's names are typed as libvirt-python types them. */
static const vkpyParamHint vkpyIdentityHints[] = {
    { VIR_CONNECT_IDENTITY_USER_NAME, VIR_TYPED_PARAM_STRING },
    { VIR_CONNECT_IDENTITY_UNIX_USER_ID, VIR_TYPED_PARAM_ULLONG },
    { VIR_CONNECT_IDENTITY_GROUP_NAME, VIR_TYPED_PARAM_STRING },
    { VIR_CONNECT_IDENTITY_UNIX_GROUP_ID, VIR_TYPED_PARAM_ULLONG },
    { VIR_CONNECT_IDENTITY_PROCESS_ID, VIR_TYPED_PARAM_LLONG },
    { VIR_CONNECT_IDENTITY_PROCESS_TIME, VIR_TYPED_PARAM_ULLONG },
    { VIR_CONNECT_IDENTITY_SASL_USER_NAME, VIR_TYPED_PARAM_STRING },
    { VIR_CONNECT_IDENTITY_X509_DISTINGUISHED_NAME, VIR_TYPED_PARAM_STRING },
    { VIR_CONNECT_IDENTITY_SELINUX_CONTEXT, VIR_TYPED_PARAM_STRING },
    { NULL, 0 }
};

VKPY_OVERRIDE(virConnectSetIdentity)
{
    PyObject *pyconn;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params;
    int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OOI:virConnectSetIdentity", &pyconn, &dict,
                          &flags))
        return NULL;
    /* libvirt-python's message names migration here too */
    if (vkpyParamsFromHints(dict, "migration", vkpyIdentityHints, &params,
                            &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virConnectSetIdentity(CONN(pyconn), params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}
