/* Generated from api/virt-api.xml by generator/targets/python.py. DO NOT EDIT. */
/* bindings/python/gen/libvirtmod.c: the C half of the Python module
 * libvirt. */
#include <stdlib.h>

#include "vkpy.h"

/* Hand-written in bindings/python/overrides/. */

static PyObject *
vkpy_virConnectOpen(PyObject *self VKPY_UNUSED, PyObject *args)
{
    char *c_name;
    virConnectPtr c_ret;

    if (!PyArg_ParseTuple(args, "z:virConnectOpen", &c_name))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    c_ret = virConnectOpen(c_name);
    Py_END_ALLOW_THREADS
    return vkpyWrap(c_ret, "virConnectPtr");
}

static PyObject *
vkpy_virConnectClose(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virConnectPtr c_conn;
    PyObject *py_conn;
    int c_ret;

    if (!PyArg_ParseTuple(args, "O:virConnectClose", &py_conn))
        return NULL;
    c_conn = (virConnectPtr)vkpyUnwrap(py_conn, "virConnectPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virConnectClose(c_conn);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong((long)c_ret);
}

static PyObject *
vkpy_virConnectGetType(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virConnectPtr c_conn;
    PyObject *py_conn;
    const char *c_ret;

    if (!PyArg_ParseTuple(args, "O:virConnectGetType", &py_conn))
        return NULL;
    c_conn = (virConnectPtr)vkpyUnwrap(py_conn, "virConnectPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virConnectGetType(c_conn);
    Py_END_ALLOW_THREADS
    return vkpyString(c_ret);
}

static PyObject *
vkpy_virDomainLookupByName(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virConnectPtr c_conn;
    PyObject *py_conn;
    char *c_name;
    virDomainPtr c_ret;

    if (!PyArg_ParseTuple(args, "Oz:virDomainLookupByName", &py_conn, &c_name))
        return NULL;
    c_conn = (virConnectPtr)vkpyUnwrap(py_conn, "virConnectPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainLookupByName(c_conn, c_name);
    Py_END_ALLOW_THREADS
    return vkpyWrap(c_ret, "virDomainPtr");
}

static PyObject *
vkpy_virDomainRestore(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virConnectPtr c_conn;
    PyObject *py_conn;
    char *c_from;
    int c_ret;

    if (!PyArg_ParseTuple(args, "Oz:virDomainRestore", &py_conn, &c_from))
        return NULL;
    c_conn = (virConnectPtr)vkpyUnwrap(py_conn, "virConnectPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainRestore(c_conn, c_from);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong((long)c_ret);
}

static PyObject *
vkpy_virDomainDestroyFlags(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    unsigned int c_flags;
    int c_ret;

    if (!PyArg_ParseTuple(args, "OI:virDomainDestroyFlags", &py_domain, &c_flags))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainDestroyFlags(c_domain, (unsigned int)c_flags);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong((long)c_ret);
}

static PyObject *
vkpy_virDomainGetXMLDesc(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    unsigned int c_flags;
    char *c_ret;
    PyObject *py_ret;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetXMLDesc", &py_domain, &c_flags))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainGetXMLDesc(c_domain, (unsigned int)c_flags);
    Py_END_ALLOW_THREADS
    py_ret = vkpyString(c_ret);
    free(c_ret);
    return py_ret;
}

static PyObject *
vkpy_virDomainGetState(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    int c_state = 0;
    int c_reason = 0;
    unsigned int c_flags;
    int c_ret;
    PyObject *py_ret;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetState", &py_domain, &c_flags))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainGetState(c_domain, &c_state, &c_reason, (unsigned int)c_flags);
    Py_END_ALLOW_THREADS
    if (c_ret < 0)
        Py_RETURN_NONE;
    py_ret = vkpyList(2,
                      PyLong_FromLong((long)c_state),
                      PyLong_FromLong((long)c_reason));
    return py_ret;
}

static PyObject *
vkpy_virDomainSetMetadata(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    char *c_metadata;
    unsigned int c_flags;
    int c_ret;

    if (!PyArg_ParseTuple(args, "OzI:virDomainSetMetadata", &py_domain, &c_metadata, &c_flags))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainSetMetadata(c_domain, c_metadata, (unsigned int)c_flags);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong((long)c_ret);
}

static PyObject *
vkpy_virDomainFree(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    int c_ret;

    if (!PyArg_ParseTuple(args, "O:virDomainFree", &py_domain))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainFree(c_domain);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong((long)c_ret);
}

static PyObject *
vkpy_virDomainGetName(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    const char *c_ret;

    if (!PyArg_ParseTuple(args, "O:virDomainGetName", &py_domain))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainGetName(c_domain);
    Py_END_ALLOW_THREADS
    return vkpyString(c_ret);
}

static PyObject *
vkpy_virDomainGetID(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    unsigned int c_ret;

    if (!PyArg_ParseTuple(args, "O:virDomainGetID", &py_domain))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainGetID(c_domain);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong((long)(int)c_ret);
}

static PyObject *
vkpy_virDomainGetUUID(PyObject *self VKPY_UNUSED, PyObject *args)
{
    virDomainPtr c_domain;
    PyObject *py_domain;
    unsigned char c_uuid[VIR_UUID_BUFLEN];
    int c_ret;
    PyObject *py_ret;

    if (!PyArg_ParseTuple(args, "O:virDomainGetUUID", &py_domain))
        return NULL;
    c_domain = (virDomainPtr)vkpyUnwrap(py_domain, "virDomainPtr");
    Py_BEGIN_ALLOW_THREADS
    c_ret = virDomainGetUUID(c_domain, c_uuid);
    Py_END_ALLOW_THREADS
    if (c_ret < 0)
        Py_RETURN_NONE;
    py_ret = PyBytes_FromStringAndSize((char *)c_uuid, VIR_UUID_BUFLEN);
    return py_ret;
}

static PyObject *
vkpy_virConnect_pointer(PyObject *self VKPY_UNUSED, PyObject *args)
{
    PyObject *obj;

    if (!PyArg_ParseTuple(args, "O:virConnect_pointer", &obj))
        return NULL;
    return PyLong_FromVoidPtr(vkpyUnwrap(obj, "virConnectPtr"));
}

static PyObject *
vkpy_virDomain_pointer(PyObject *self VKPY_UNUSED, PyObject *args)
{
    PyObject *obj;

    if (!PyArg_ParseTuple(args, "O:virDomain_pointer", &obj))
        return NULL;
    return PyLong_FromVoidPtr(vkpyUnwrap(obj, "virDomainPtr"));
}

static PyMethodDef vkpyMethods[] = {
    { "virConnectOpen", vkpy_virConnectOpen, METH_VARARGS, NULL },
    { "virConnectClose", vkpy_virConnectClose, METH_VARARGS, NULL },
    { "virConnectGetType", vkpy_virConnectGetType, METH_VARARGS, NULL },
    { "virDomainLookupByName", vkpy_virDomainLookupByName, METH_VARARGS, NULL },
    { "virDomainRestore", vkpy_virDomainRestore, METH_VARARGS, NULL },
    { "virDomainDestroyFlags", vkpy_virDomainDestroyFlags, METH_VARARGS, NULL },
    { "virDomainGetXMLDesc", vkpy_virDomainGetXMLDesc, METH_VARARGS, NULL },
    { "virDomainGetState", vkpy_virDomainGetState, METH_VARARGS, NULL },
    { "virDomainSetMetadata", vkpy_virDomainSetMetadata, METH_VARARGS, NULL },
    { "virDomainFree", vkpy_virDomainFree, METH_VARARGS, NULL },
    { "virDomainGetName", vkpy_virDomainGetName, METH_VARARGS, NULL },
    { "virDomainGetID", vkpy_virDomainGetID, METH_VARARGS, NULL },
    { "virDomainGetUUID", vkpy_virDomainGetUUID, METH_VARARGS, NULL },
    { "virConnect_pointer", vkpy_virConnect_pointer, METH_VARARGS, NULL },
    { "virDomain_pointer", vkpy_virDomain_pointer, METH_VARARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef vkpyModule = {
    PyModuleDef_HEAD_INIT, "libvirtmod", NULL, -1, vkpyMethods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_libvirtmod(void);

PyMODINIT_FUNC
PyInit_libvirtmod(void)
{
    PyObject *module = PyModule_Create(&vkpyModule);

    if (!module)
        return NULL;
    if (vkpyInit(module) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
