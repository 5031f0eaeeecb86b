/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Results that are C structs or arrays of them, as libvirt-python's lists,
 * tuples and dicts (same members, same key order), and the key codes
 * sendKey takes as a list. */
#include <limits.h>
#include <stdlib.h>

#include "vkpy.h"

#define DOM(py) ((virDomainPtr)vkpyUnwrap((py), "virDomainPtr"))

/* Set key to a new reference (stolen); -1 if either is NULL. */
static int
vkpyDictSteal(PyObject *dict, const char *key, PyObject *val)
{
    int ret;

    if (!dict || !val) {
        Py_XDECREF(val);
        return -1;
    }
    ret = PyDict_SetItemString(dict, key, val);
    Py_DECREF(val);
    return ret;
}

/* sendKey(codeset, holdtime, [keycodes], nkeycodes, flags): a list that
 * is not exactly nkeycodes long, or too long for the API, fails without a
 * call, as in libvirt-python. */
VKPY_OVERRIDE(virDomainSendKey)
{
    PyObject *pydom;
    unsigned int codeset;
    unsigned int holdtime;
    PyObject *pykeys;
    int nkeys;
    unsigned int flags;
    unsigned int keys[VIR_DOMAIN_SEND_KEY_MAX_KEYS];
    int ret;
    int i;

    if (!PyArg_ParseTuple(args, "OIIOiI:virDomainSendKey", &pydom, &codeset,
                          &holdtime, &pykeys, &nkeys, &flags))
        return NULL;
    if (!PyList_Check(pykeys) || PyList_Size(pykeys) != nkeys ||
        nkeys > VIR_DOMAIN_SEND_KEY_MAX_KEYS)
        return PyLong_FromLong(-1);
    for (i = 0; i < nkeys; i++) {
        long l = PyLong_AsLong(PyList_GET_ITEM(pykeys, i));

        if (l == -1 && PyErr_Occurred())
            return NULL;
        if (l < 0 || (unsigned long)l > UINT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "Python int too large to "
                            "convert to C unsigned int");
            return NULL;
        }
        keys[i] = (unsigned int)l;
    }
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainSendKey(DOM(pydom), codeset, holdtime, keys, nkeys, flags);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(ret);
}

/* blockJobInfo(path, flags): {type, bandwidth, cur, end}, {} if no job */
VKPY_OVERRIDE(virDomainGetBlockJobInfo)
{
    PyObject *pydom;
    const char *path;
    unsigned int flags;
    virDomainBlockJobInfo info;
    PyObject *dict;
    int ret;

    if (!PyArg_ParseTuple(args, "OzI:virDomainGetBlockJobInfo", &pydom,
                          &path, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virDomainGetBlockJobInfo(DOM(pydom), path, &info, flags);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_RETURN_NONE;
    dict = PyDict_New();
    if (ret > 0 &&
        (vkpyDictSteal(dict, "type", PyLong_FromLong(info.type)) < 0 ||
         vkpyDictSteal(dict, "bandwidth",
                       PyLong_FromUnsignedLong(info.bandwidth)) < 0 ||
         vkpyDictSteal(dict, "cur",
                       PyLong_FromUnsignedLongLong(info.cur)) < 0 ||
         vkpyDictSteal(dict, "end",
                       PyLong_FromUnsignedLongLong(info.end)) < 0))
        Py_CLEAR(dict);
    return dict;
}

/* diskErrors(flags): {disk: error code} */
VKPY_OVERRIDE(virDomainGetDiskErrors)
{
    PyObject *pydom;
    unsigned int flags;
    virDomainPtr dom;
    virDomainDiskErrorPtr errors;
    PyObject *dict;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetDiskErrors", &pydom, &flags))
        return NULL;
    dom = DOM(pydom);
    Py_BEGIN_ALLOW_THREADS
    n = virDomainGetDiskErrors(dom, NULL, 0, flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    if (!(errors = calloc(n ? n : 1, sizeof(*errors))))
        return PyErr_NoMemory();
    if (n > 0) {
        Py_BEGIN_ALLOW_THREADS
        n = virDomainGetDiskErrors(dom, errors, n, flags);
        Py_END_ALLOW_THREADS
        if (n < 0) {
            free(errors);
            Py_RETURN_NONE;
        }
    }
    dict = PyDict_New();
    for (i = 0; i < n; i++) {
        if (dict && errors[i].disk &&
            vkpyDictSteal(dict, errors[i].disk,
                          PyLong_FromLong(errors[i].error)) < 0)
            Py_CLEAR(dict);
        free(errors[i].disk);
    }
    free(errors);
    return dict;
}

/* fsInfo(flags): [(mountpoint, name, fstype, [disk aliases]), ...] */
VKPY_OVERRIDE(virDomainGetFSInfo)
{
    PyObject *pydom;
    unsigned int flags;
    virDomainFSInfoPtr *info = NULL;
    PyObject *list;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "OI:virDomainGetFSInfo", &pydom, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virDomainGetFSInfo(DOM(pydom), &info, flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    list = PyList_New(n);
    for (i = 0; i < n; i++) {
        if (list) {
            PyObject *item = vkpyTuple(4, vkpyString(info[i]->mountpoint),
                                       vkpyString(info[i]->name),
                                       vkpyString(info[i]->fstype),
                                       vkpyStringList(info[i]->devAlias,
                                                      info[i]->ndevAlias));
            if (item)
                PyList_SET_ITEM(list, i, item);
            else
                Py_CLEAR(list);
        }
        virDomainFSInfoFree(info[i]);
    }
    free(info);
    return list;
}

static PyObject *
vkpyInterfaceAddrs(virDomainInterfacePtr iface)
{
    PyObject *list;
    unsigned int i;

    if (iface->naddrs == 0)
        Py_RETURN_NONE;            /* libvirt-python's None for no address */
    list = PyList_New(iface->naddrs);
    for (i = 0; list && i < iface->naddrs; i++) {
        virDomainIPAddressPtr a = &iface->addrs[i];
        PyObject *addr = PyDict_New();

        if (vkpyDictSteal(addr, "addr", vkpyString(a->addr)) < 0 ||
            vkpyDictSteal(addr, "prefix", PyLong_FromLong(a->prefix)) < 0 ||
            vkpyDictSteal(addr, "type", PyLong_FromLong(a->type)) < 0) {
            Py_XDECREF(addr);
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, addr);
    }
    return list;
}

/* interfaceAddresses(source, flags):
 * {name: {"addrs": [{addr, prefix, type}, ...] or None, "hwaddr": mac}} */
VKPY_OVERRIDE(virDomainInterfaceAddresses)
{
    PyObject *pydom;
    unsigned int source;
    unsigned int flags;
    virDomainInterfacePtr *ifaces = NULL;
    PyObject *dict;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "OII:virDomainInterfaceAddresses", &pydom,
                          &source, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virDomainInterfaceAddresses(DOM(pydom), &ifaces, source, flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    dict = PyDict_New();
    for (i = 0; i < n; i++) {
        if (dict) {
            PyObject *iface = PyDict_New();

            if (vkpyDictSteal(iface, "addrs",
                              vkpyInterfaceAddrs(ifaces[i])) < 0 ||
                vkpyDictSteal(iface, "hwaddr",
                              vkpyString(ifaces[i]->hwaddr)) < 0) {
                Py_XDECREF(iface);
                Py_CLEAR(dict);
            } else if (vkpyDictSteal(dict, ifaces[i]->name ?
                                     ifaces[i]->name : "", iface) < 0) {
                Py_CLEAR(dict);
            }
        }
        virDomainInterfaceFree(ifaces[i]);
    }
    free(ifaces);
    return dict;
}

/* securityLabelList(): [[label, enforcing], ...] */
VKPY_OVERRIDE(virDomainGetSecurityLabelList)
{
    PyObject *pydom;
    virSecurityLabelPtr labels = NULL;
    PyObject *list;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "O:virDomainGetSecurityLabelList", &pydom))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virDomainGetSecurityLabelList(DOM(pydom), &labels);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    list = PyList_New(n);
    for (i = 0; list && i < n; i++) {
        PyObject *item = vkpyList(2, PyUnicode_FromString(labels[i].label),
                                  PyBool_FromLong(labels[i].enforcing));
        if (!item)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, item);
    }
    free(labels);
    return list;
}

/* DHCPLeases(mac, flags): [{iface, expirytime, type, mac, ipaddr, prefix,
 * hostname, clientid, iaid}, ...] */
VKPY_OVERRIDE(virNetworkGetDHCPLeases)
{
    PyObject *pynet;
    const char *mac;
    unsigned int flags;
    virNetworkDHCPLeasePtr *leases = NULL;
    PyObject *list;
    int n;
    int i;

    if (!PyArg_ParseTuple(args, "OzI:virNetworkGetDHCPLeases", &pynet, &mac,
                          &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virNetworkGetDHCPLeases(vkpyUnwrap(pynet, "virNetworkPtr"), mac,
                                &leases, flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    list = PyList_New(n);
    for (i = 0; i < n; i++) {
        virNetworkDHCPLeasePtr l = leases[i];

        if (list) {
            PyObject *d = PyDict_New();

            if (vkpyDictSteal(d, "iface", vkpyString(l->iface)) < 0 ||
                vkpyDictSteal(d, "expirytime",
                              PyLong_FromLongLong(l->expirytime)) < 0 ||
                vkpyDictSteal(d, "type", PyLong_FromLong(l->type)) < 0 ||
                vkpyDictSteal(d, "mac", vkpyString(l->mac)) < 0 ||
                vkpyDictSteal(d, "ipaddr", vkpyString(l->ipaddr)) < 0 ||
                vkpyDictSteal(d, "prefix", PyLong_FromLong(l->prefix)) < 0 ||
                vkpyDictSteal(d, "hostname", vkpyString(l->hostname)) < 0 ||
                vkpyDictSteal(d, "clientid", vkpyString(l->clientid)) < 0 ||
                vkpyDictSteal(d, "iaid", vkpyString(l->iaid)) < 0) {
                Py_XDECREF(d);
                Py_CLEAR(list);
            } else {
                PyList_SET_ITEM(list, i, d);
            }
        }
        virNetworkDHCPLeaseFree(l);
    }
    free(leases);
    return list;
}
