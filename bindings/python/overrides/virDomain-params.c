/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* virDomain typed-parameter calls whose shape the generator does not
 * make: the scheduler (sized by virDomainGetSchedulerType), job and CPU
 * statistics, and the setters whose parameter types come from a table of
 * the names the API knows (as libvirt-python types them). */
#include <stdlib.h>

#include "vkpy.h"

#define DOM(py) ((virDomainPtr)vkpyUnwrap((py), "virDomainPtr"))

/* ---- the scheduler ---- */

/* The scheduler's parameters; flags < 0 means the call without flags. */
static int
vkpySchedulerGet(virDomainPtr dom, long flags, virTypedParameterPtr *params,
                 int *nparams)
{
    char *type;
    int n = 0;
    int ret;

    *params = NULL;
    *nparams = 0;
    Py_BEGIN_ALLOW_THREADS
    type = virDomainGetSchedulerType(dom, &n);
    Py_END_ALLOW_THREADS
    if (!type)
        return -1;
    free(type);
    if (n <= 0)
        return 0;
    if (!(*params = calloc(n, sizeof(**params)))) {
        PyErr_NoMemory();
        return -2;
    }
    Py_BEGIN_ALLOW_THREADS
    if (flags < 0)
        ret = virDomainGetSchedulerParameters(dom, *params, &n);
    else
        ret = virDomainGetSchedulerParametersFlags(dom, *params, &n,
                                                   (unsigned int)flags);
    Py_END_ALLOW_THREADS
    if (ret < 0) {
        free(*params);
        *params = NULL;
        return -1;
    }
    *nparams = n;
    return 0;
}

static PyObject *
vkpySchedulerGetDict(PyObject *pydom, long flags)
{
    virTypedParameterPtr params;
    int n;
    int rc = vkpySchedulerGet(DOM(pydom), flags, &params, &n);
    PyObject *ret;

    if (rc == -2)
        return NULL;
    if (rc < 0)
        Py_RETURN_NONE;
    ret = vkpyParamsToDict(params, n);
    virTypedParamsFree(params, n);
    return ret;
}

VKPY_OVERRIDE(virDomainGetSchedulerParameters)
{
    PyObject *pydom;

    if (!PyArg_ParseTuple(args, "O:virDomainGetSchedulerParameters",
                          &pydom))
        return NULL;
    return vkpySchedulerGetDict(pydom, -1);
}

VKPY_OVERRIDE(virDomainGetSchedulerParametersFlags)
{
    PyObject *pydom;
    unsigned int flags;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetSchedulerParametersFlags",
                          &pydom, &flags))
        return NULL;
    return vkpySchedulerGetDict(pydom, flags);
}

static PyObject *
vkpySchedulerSet(PyObject *pydom, PyObject *dict, long flags)
{
    virDomainPtr dom = DOM(pydom);
    virTypedParameterPtr known;
    virTypedParameterPtr params = NULL;
    int nknown;
    int n = 0;
    int ret;

    if (vkpyParamsCheckDict(dict) < 0)
        return NULL;
    ret = vkpySchedulerGet(dom, flags, &known, &nknown);
    if (ret == -2)
        return NULL;
    if (ret < 0)
        return PyLong_FromLong(-1);
    ret = vkpyParamsFromDict(dict, known, nknown, &params, &n);
    virTypedParamsFree(known, nknown);
    if (ret < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    if (flags < 0)
        ret = virDomainSetSchedulerParameters(dom, params, n);
    else
        ret = virDomainSetSchedulerParametersFlags(dom, params, n,
                                                   (unsigned int)flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virDomainSetSchedulerParameters)
{
    PyObject *pydom;
    PyObject *dict;

    if (!PyArg_ParseTuple(args, "OO:virDomainSetSchedulerParameters",
                          &pydom, &dict))
        return NULL;
    return vkpySchedulerSet(pydom, dict, -1);
}

VKPY_OVERRIDE(virDomainSetSchedulerParametersFlags)
{
    PyObject *pydom;
    PyObject *dict;
    unsigned int flags;

    if (!PyArg_ParseTuple(args, "OOI:virDomainSetSchedulerParametersFlags",
                          &pydom, &dict, &flags))
        return NULL;
    return vkpySchedulerSet(pydom, dict, flags);
}

/* ---- statistics ---- */

/* jobStats: the parameters plus the job's type under "type". */
VKPY_OVERRIDE(virDomainGetJobStats)
{
    PyObject *pydom;
    unsigned int flags;
    virTypedParameterPtr params = NULL;
    int n = 0;
    int type = 0;
    PyObject *dict;
    int ret;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetJobStats", &pydom, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainGetJobStats(DOM(pydom), &type, &params, &n, flags);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    dict = vkpyParamsToDict(params, n);
    virTypedParamsFree(params, n);
    if (dict) {
        PyObject *pytype = PyLong_FromLong(type);

        if (!pytype || PyDict_SetItemString(dict, "type", pytype) < 0)
            Py_CLEAR(dict);
        Py_XDECREF(pytype);
    }
    return dict;
}

/* The remote protocol carries at most this many CPUs per call. */
#define VKPY_CPU_STATS_BATCH 128

static PyObject *
vkpyCPUStatsAppend(PyObject *list, virTypedParameterPtr params, int n)
{
    PyObject *dict = vkpyParamsToDict(params, n);
    int rc;

    if (!dict)
        return NULL;
    rc = PyList_Append(list, dict);
    Py_DECREF(dict);
    return rc < 0 ? NULL : list;
}

/* getCPUStats(total): [{...}] for the whole domain, or one dict per host
 * CPU. */
VKPY_OVERRIDE(virDomainGetCPUStats)
{
    PyObject *pydom;
    PyObject *pytotal;
    unsigned int flags;
    virDomainPtr dom;
    virTypedParameterPtr params = NULL;
    PyObject *list;
    int total;
    int ncpus = 1;
    int nparams;
    int start;
    int ret = 0;

    if (!PyArg_ParseTuple(args, "OOI:virDomainGetCPUStats", &pydom,
                          &pytotal, &flags))
        return NULL;
    if ((total = PyObject_IsTrue(pytotal)) < 0)
        return NULL;
    dom = DOM(pydom);
    Py_BEGIN_ALLOW_THREADS
    if (!total)
        ncpus = virDomainGetCPUStats(dom, NULL, 0, 0, 0, flags);
    nparams = ncpus < 0 ? -1 :
        virDomainGetCPUStats(dom, NULL, 0, total ? -1 : 0, 1, flags);
    Py_END_ALLOW_THREADS
    if (nparams < 0)
        Py_RETURN_NONE;
    if (!(list = PyList_New(0)))
        return NULL;
    for (start = 0; start < ncpus; start += VKPY_CPU_STATS_BATCH) {
        int batch = ncpus - start < VKPY_CPU_STATS_BATCH ?
            ncpus - start : VKPY_CPU_STATS_BATCH;
        int i;

        if (nparams > 0 &&
            !(params = calloc((size_t)nparams * batch, sizeof(*params)))) {
            Py_DECREF(list);
            return PyErr_NoMemory();
        }
        Py_BEGIN_ALLOW_THREADS
        ret = nparams == 0 ? 0 :
            virDomainGetCPUStats(dom, params, nparams, total ? -1 : start,
                                 total ? 1 : batch, flags);
        Py_END_ALLOW_THREADS
        for (i = 0; ret >= 0 && i < batch; i++)
            if (!vkpyCPUStatsAppend(list, params + (size_t)i * nparams, ret))
                ret = -2;
        virTypedParamsFree(params, nparams * batch);
        params = NULL;
        if (ret < 0) {
            Py_DECREF(list);
            if (ret == -2)
                return NULL;
            Py_RETURN_NONE;
        }
    }
    return list;
}

/* ---- setters typed by the names each API knows ---- */

static const vkpyParamHint vkpyMigrateHints[] = {
    { VIR_MIGRATE_PARAM_URI, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_DEST_NAME, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_DEST_XML, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_PERSIST_XML, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_BANDWIDTH, VIR_TYPED_PARAM_ULLONG },
    { VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY, VIR_TYPED_PARAM_ULLONG },
    { VIR_MIGRATE_PARAM_GRAPHICS_URI, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_LISTEN_ADDRESS, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_MIGRATE_DISKS, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_DISKS_PORT, VIR_TYPED_PARAM_INT },
    { VIR_MIGRATE_PARAM_COMPRESSION, VIR_TYPED_PARAM_STRING },
    { VIR_MIGRATE_PARAM_COMPRESSION_MT_LEVEL, VIR_TYPED_PARAM_INT },
    { VIR_MIGRATE_PARAM_COMPRESSION_MT_THREADS, VIR_TYPED_PARAM_INT },
    { VIR_MIGRATE_PARAM_COMPRESSION_MT_DTHREADS, VIR_TYPED_PARAM_INT },
    { VIR_MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE, VIR_TYPED_PARAM_ULLONG },
    { VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL, VIR_TYPED_PARAM_INT },
    { VIR_MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT, VIR_TYPED_PARAM_INT },
    { VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS, VIR_TYPED_PARAM_INT },
    /* libvirt-python 9.0 leaves disks_uri and tls.destination untyped */
    { NULL, 0 }
};

static const vkpyParamHint vkpyBlockCopyHints[] = {
    { VIR_DOMAIN_BLOCK_COPY_BANDWIDTH, VIR_TYPED_PARAM_ULLONG },
    { VIR_DOMAIN_BLOCK_COPY_GRANULARITY, VIR_TYPED_PARAM_UINT },
    { VIR_DOMAIN_BLOCK_COPY_BUF_SIZE, VIR_TYPED_PARAM_ULLONG },
    { NULL, 0 }
};

static const vkpyParamHint vkpySaveHints[] = {
    { VIR_DOMAIN_SAVE_PARAM_FILE, VIR_TYPED_PARAM_STRING },
    { VIR_DOMAIN_SAVE_PARAM_DXML, VIR_TYPED_PARAM_STRING },
    { NULL, 0 }
};

static const vkpyParamHint vkpyIOThreadHints[] = {
    { VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, VIR_TYPED_PARAM_ULLONG },
    { VIR_DOMAIN_IOTHREAD_POLL_GROW, VIR_TYPED_PARAM_UINT },
    { VIR_DOMAIN_IOTHREAD_POLL_SHRINK, VIR_TYPED_PARAM_UINT },
    { VIR_DOMAIN_IOTHREAD_THREAD_POOL_MIN, VIR_TYPED_PARAM_INT },
    { VIR_DOMAIN_IOTHREAD_THREAD_POOL_MAX, VIR_TYPED_PARAM_INT },
    { NULL, 0 }
};

static const vkpyParamHint vkpyLaunchSecurityHints[] = {
    { VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET, VIR_TYPED_PARAM_STRING },
    { VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_HEADER, VIR_TYPED_PARAM_STRING },
    { VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS,
      VIR_TYPED_PARAM_ULLONG },
    { NULL, 0 }
};

VKPY_OVERRIDE(virDomainMigrate3)
{
    PyObject *pydom;
    PyObject *pydconn;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params;
    int n;
    virDomainPtr ret;

    if (!PyArg_ParseTuple(args, "OOOI:virDomainMigrate3", &pydom, &pydconn,
                          &dict, &flags))
        return NULL;
    if (vkpyParamsFromHints(dict, "migration", vkpyMigrateHints, &params,
                            &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainMigrate3(DOM(pydom),
                            vkpyUnwrap(pydconn, "virConnectPtr"),
                            params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return vkpyWrap(ret, "virDomainPtr");
}

VKPY_OVERRIDE(virDomainMigrateToURI3)
{
    PyObject *pydom;
    const char *uri;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params;
    int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OzOI:virDomainMigrateToURI3", &pydom, &uri,
                          &dict, &flags))
        return NULL;
    if (vkpyParamsFromHints(dict, "migration", vkpyMigrateHints, &params,
                            &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainMigrateToURI3(DOM(pydom), uri, params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virDomainBlockCopy)
{
    PyObject *pydom;
    const char *disk;
    const char *destxml;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params = NULL;
    int n = 0;
    int ret;

    if (!PyArg_ParseTuple(args, "OzzOI:virDomainBlockCopy", &pydom, &disk,
                          &destxml, &dict, &flags))
        return NULL;
    /* params may be left out (None) */
    if (dict != Py_None &&
        vkpyParamsFromHints(dict, "block", vkpyBlockCopyHints, &params,
                            &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainBlockCopy(DOM(pydom), disk, destxml, params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virDomainSaveParams)
{
    PyObject *pydom;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params;
    int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OOI:virDomainSaveParams", &pydom, &dict,
                          &flags))
        return NULL;
    if (vkpyParamsFromHints(dict, "Save", vkpySaveHints, &params, &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainSaveParams(DOM(pydom), params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}

/* a virConnect method, but it restores what virDomainSaveParams saved */
VKPY_OVERRIDE(virDomainRestoreParams)
{
    PyObject *pyconn;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params;
    int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OOI:virDomainRestoreParams", &pyconn,
                          &dict, &flags))
        return NULL;
    if (vkpyParamsFromHints(dict, "Restore", vkpySaveHints, &params,
                            &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainRestoreParams(vkpyUnwrap(pyconn, "virConnectPtr"),
                                 params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virDomainSetIOThreadParams)
{
    PyObject *pydom;
    unsigned int iothread;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params;
    int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OIOI:virDomainSetIOThreadParams", &pydom,
                          &iothread, &dict, &flags))
        return NULL;
    if (vkpyParamsFromHints(dict, "IOThread polling", vkpyIOThreadHints,
                            &params, &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainSetIOThreadParams(DOM(pydom), iothread, params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virDomainSetLaunchSecurityState)
{
    PyObject *pydom;
    PyObject *dict;
    unsigned int flags;
    virTypedParameterPtr params;
    int n;
    int ret;

    if (!PyArg_ParseTuple(args, "OOI:virDomainSetLaunchSecurityState",
                          &pydom, &dict, &flags))
        return NULL;
    if (vkpyParamsFromHints(dict, "Launch security state",
                            vkpyLaunchSecurityHints, &params, &n) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainSetLaunchSecurityState(DOM(pydom), params, n, flags);
    Py_END_ALLOW_THREADS
    virTypedParamsFree(params, n);
    return PyLong_FromLong(ret);
}
