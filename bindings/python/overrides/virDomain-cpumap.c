/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* CPU maps as libvirt-python shapes them: one bool per host CPU (the
 * count virNodeGetCPUMap gives), in tuples for vCPU and emulator pinning,
 * in lists for IOThreads and the host's own map.  Pinning takes a tuple;
 * each item's truth sets its CPU, items past the host's CPUs are ignored. */
#include <stdlib.h>

#include "vkpy.h"

#define DOM(py) ((virDomainPtr)vkpyUnwrap((py), "virDomainPtr"))

/* The host's CPU count, or -1 (with the library's error). */
static int
vkpyHostCPUs(virConnectPtr conn)
{
    virNodeInfo info;
    int n;

    Py_BEGIN_ALLOW_THREADS
    n = virNodeGetCPUMap(conn, NULL, NULL, 0);
    if (n < 0 && virNodeGetInfo(conn, &info) == 0)
        n = VIR_NODEINFO_MAXCPUS(info);
    Py_END_ALLOW_THREADS
    return n;
}

static int
vkpyDomainHostCPUs(virDomainPtr dom)
{
    return vkpyHostCPUs(virDomainGetConnect(dom));
}

/* ncpus bools from a map of maplen bytes (CPUs past it are unused). */
static PyObject *
vkpyCpuMap(const unsigned char *map, int maplen, int ncpus, int tuple)
{
    PyObject *seq = tuple ? PyTuple_New(ncpus) : PyList_New(ncpus);
    int i;

    for (i = 0; seq && i < ncpus; i++) {
        int used = map && i / 8 < maplen && VIR_CPU_USED(map, i);
        PyObject *b = PyBool_FromLong(used);

        if (tuple)
            PyTuple_SET_ITEM(seq, i, b);
        else
            PyList_SET_ITEM(seq, i, b);
    }
    return seq;
}

/* A tuple of truths as a map for ncpus CPUs; -1 with a Python error. */
static int
vkpyCpuMapFromTuple(PyObject *tuple, int ncpus, unsigned char **map,
                    int *maplen)
{
    Py_ssize_t len;
    int i;

    if (!PyTuple_Check(tuple)) {
        PyErr_SetString(PyExc_TypeError, "Unexpected type, tuple is required");
        return -1;
    }
    *maplen = VIR_CPU_MAPLEN(ncpus);
    if (!(*map = calloc(*maplen, 1))) {
        PyErr_NoMemory();
        return -1;
    }
    len = PyTuple_Size(tuple);
    for (i = 0; i < ncpus && i < len; i++) {
        int used = PyObject_IsTrue(PyTuple_GET_ITEM(tuple, i));

        if (used < 0) {
            free(*map);
            *map = NULL;
            return -1;
        }
        if (used)
            VIR_USE_CPU(*map, i);
    }
    return 0;
}

/* The domain's vCPU count, as virDomainGetInfo reports it, or -1. */
static int
vkpyDomainVcpus(virDomainPtr dom)
{
    virDomainInfo info;
    int ret;

    Py_BEGIN_ALLOW_THREADS
    ret = virDomainGetInfo(dom, &info);
    Py_END_ALLOW_THREADS
    return ret < 0 ? -1 : (int)info.nrVirtCpu;
}

/* vcpus(): ([(number, state, cpuTime, cpu), ...], [(bool, ...), ...]) */
VKPY_OVERRIDE(virDomainGetVcpus)
{
    PyObject *pydom;
    virDomainPtr dom;
    virVcpuInfoPtr info = NULL;
    unsigned char *maps = NULL;
    PyObject *pyinfo = NULL;
    PyObject *pymaps = NULL;
    int ncpus;
    int nvcpus;
    int maplen;
    int ret;
    int i;

    if (!PyArg_ParseTuple(args, "O:virDomainGetVcpus", &pydom))
        return NULL;
    dom = DOM(pydom);
    if ((ncpus = vkpyDomainHostCPUs(dom)) < 0 ||
        (nvcpus = vkpyDomainVcpus(dom)) < 0)
        Py_RETURN_NONE;
    maplen = VIR_CPU_MAPLEN(ncpus);
    if (!(info = calloc(nvcpus ? nvcpus : 1, sizeof(*info))) ||
        !(maps = calloc(nvcpus ? nvcpus : 1, maplen))) {
        free(info);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainGetVcpus(dom, info, nvcpus, maps, maplen);
    Py_END_ALLOW_THREADS
    if (ret < 0) {
        free(info);
        free(maps);
        Py_RETURN_NONE;
    }
    pyinfo = PyList_New(nvcpus);
    pymaps = PyList_New(nvcpus);
    for (i = 0; pyinfo && pymaps && i < nvcpus; i++) {
        PyObject *item = vkpyTuple(4, PyLong_FromLong(info[i].number),
                                   PyLong_FromLong(info[i].state),
                                   PyLong_FromUnsignedLongLong(info[i].cpuTime),
                                   PyLong_FromLong(info[i].cpu));
        PyObject *map = vkpyCpuMap(VIR_GET_CPUMAP(maps, maplen, i), maplen,
                                   ncpus, 1);

        if (!item || !map) {
            Py_XDECREF(item);
            Py_XDECREF(map);
            Py_CLEAR(pyinfo);
            break;
        }
        PyList_SET_ITEM(pyinfo, i, item);
        PyList_SET_ITEM(pymaps, i, map);
    }
    free(info);
    free(maps);
    if (!pyinfo || !pymaps) {
        Py_XDECREF(pyinfo);
        Py_XDECREF(pymaps);
        return NULL;
    }
    return vkpyTuple(2, pyinfo, pymaps);
}

/* vcpuPinInfo(flags): [(bool, ...) per vCPU] */
VKPY_OVERRIDE(virDomainGetVcpuPinInfo)
{
    PyObject *pydom;
    unsigned int flags;
    virDomainPtr dom;
    unsigned char *maps;
    PyObject *list;
    int ncpus;
    int nvcpus;
    int maplen;
    int ret;
    int i;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetVcpuPinInfo", &pydom,
                          &flags))
        return NULL;
    dom = DOM(pydom);
    if ((ncpus = vkpyDomainHostCPUs(dom)) < 0 ||
        (nvcpus = vkpyDomainVcpus(dom)) < 0)
        Py_RETURN_NONE;
    maplen = VIR_CPU_MAPLEN(ncpus);
    if (!(maps = calloc(nvcpus ? nvcpus : 1, maplen)))
        return PyErr_NoMemory();
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainGetVcpuPinInfo(dom, nvcpus, maps, maplen, flags);
    Py_END_ALLOW_THREADS
    if (ret < 0) {
        free(maps);
        Py_RETURN_NONE;
    }
    list = PyList_New(nvcpus);
    for (i = 0; list && i < nvcpus; i++) {
        PyObject *map = vkpyCpuMap(VIR_GET_CPUMAP(maps, maplen, i), maplen,
                                   ncpus, 1);
        if (!map) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, map);
    }
    free(maps);
    return list;
}

/* emulatorPinInfo(flags): (bool, ...) */
VKPY_OVERRIDE(virDomainGetEmulatorPinInfo)
{
    PyObject *pydom;
    unsigned int flags;
    virDomainPtr dom;
    unsigned char *map;
    PyObject *tuple;
    int ncpus;
    int maplen;
    int ret;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetEmulatorPinInfo", &pydom,
                          &flags))
        return NULL;
    dom = DOM(pydom);
    if ((ncpus = vkpyDomainHostCPUs(dom)) < 0)
        Py_RETURN_NONE;
    maplen = VIR_CPU_MAPLEN(ncpus);
    if (!(map = calloc(maplen, 1)))
        return PyErr_NoMemory();
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainGetEmulatorPinInfo(dom, map, maplen, flags);
    Py_END_ALLOW_THREADS
    tuple = ret < 0 ? (Py_INCREF(Py_None), Py_None) :
        vkpyCpuMap(map, maplen, ncpus, 1);
    free(map);
    return tuple;
}

/* ioThreadInfo(flags): [(id, [bool, ...]), ...] */
VKPY_OVERRIDE(virDomainGetIOThreadInfo)
{
    PyObject *pydom;
    unsigned int flags;
    virDomainPtr dom;
    virDomainIOThreadInfoPtr *info = NULL;
    PyObject *list;
    int ncpus;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetIOThreadInfo", &pydom,
                          &flags))
        return NULL;
    dom = DOM(pydom);
    if ((ncpus = vkpyDomainHostCPUs(dom)) < 0)
        Py_RETURN_NONE;
    Py_BEGIN_ALLOW_THREADS
    n = virDomainGetIOThreadInfo(dom, &info, flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    list = PyList_New(n);
    for (i = 0; i < n; i++) {
        if (list) {
            PyObject *item = vkpyTuple(2,
                                       PyLong_FromLong(info[i]->iothread_id),
                                       vkpyCpuMap(info[i]->cpumap,
                                                  info[i]->cpumaplen, ncpus,
                                                  0));
            if (item)
                PyList_SET_ITEM(list, i, item);
            else
                Py_CLEAR(list);
        }
        virDomainIOThreadInfoFree(info[i]);
    }
    free(info);
    return list;
}

/* The pinning calls: the map is built for the host's CPUs; -1 if they
 * cannot be counted. */
#define VKPY_PIN(call, fmt, name, ...)                                      \
    PyObject *pydom;                                                        \
    PyObject *pymap;                                                        \
    virDomainPtr dom;                                                       \
    unsigned char *map;                                                     \
    int maplen;                                                             \
    int ncpus;                                                              \
    int ret;                                                                \
                                                                            \
    if (!PyArg_ParseTuple(args, fmt ":" name, __VA_ARGS__))                 \
        return NULL;                                                        \
    dom = DOM(pydom);                                                       \
    if ((ncpus = vkpyDomainHostCPUs(dom)) < 0)                              \
        return PyLong_FromLong(-1);                                         \
    if (vkpyCpuMapFromTuple(pymap, ncpus, &map, &maplen) < 0)               \
        return NULL;                                                        \
    Py_BEGIN_ALLOW_THREADS                                                  \
    ret = call;                                                             \
    Py_END_ALLOW_THREADS                                                    \
    free(map);                                                              \
    return PyLong_FromLong(ret)

VKPY_OVERRIDE(virDomainPinVcpu)
{
    unsigned int vcpu;

    VKPY_PIN(virDomainPinVcpu(dom, vcpu, map, maplen), "OIO",
             "virDomainPinVcpu", &pydom, &vcpu, &pymap);
}

VKPY_OVERRIDE(virDomainPinVcpuFlags)
{
    unsigned int vcpu;
    unsigned int flags;

    VKPY_PIN(virDomainPinVcpuFlags(dom, vcpu, map, maplen, flags), "OIOI",
             "virDomainPinVcpuFlags", &pydom, &vcpu, &pymap, &flags);
}

VKPY_OVERRIDE(virDomainPinEmulator)
{
    unsigned int flags;

    VKPY_PIN(virDomainPinEmulator(dom, map, maplen, flags), "OOI",
             "virDomainPinEmulator", &pydom, &pymap, &flags);
}

VKPY_OVERRIDE(virDomainPinIOThread)
{
    unsigned int iothread;
    unsigned int flags;

    VKPY_PIN(virDomainPinIOThread(dom, iothread, map, maplen, flags), "OIOI",
             "virDomainPinIOThread", &pydom, &iothread, &pymap, &flags);
}

/* getCPUMap(flags): (CPUs, [bool, ...], online) */
VKPY_OVERRIDE(virNodeGetCPUMap)
{
    PyObject *pyconn;
    unsigned int flags;
    unsigned char *map = NULL;
    unsigned int online = 0;
    PyObject *ret;
    int n;

    if (!PyArg_ParseTuple(args, "OI:virNodeGetCPUMap", &pyconn, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virNodeGetCPUMap(vkpyUnwrap(pyconn, "virConnectPtr"), &map, &online,
                         flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    ret = vkpyTuple(3, PyLong_FromLong(n),
                    vkpyCpuMap(map, VIR_CPU_MAPLEN(n), n, 0),
                    PyLong_FromLong(online));
    free(map);
    return ret;
}
