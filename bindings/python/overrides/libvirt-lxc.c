/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libvirtmod_lxc: a container's namespaces as a list of descriptors. */
#include <stdlib.h>
#include <unistd.h>

#include <libvirt/libvirt-lxc.h>

#include "vkpy.h"

VKPY_OVERRIDE(virDomainLxcOpenNamespace)
{
    PyObject *pydom, *list;
    unsigned int flags;
    int *fds = NULL;
    int n, i;

    if (!PyArg_ParseTuple(args, "OI:virDomainLxcOpenNamespace", &pydom,
                          &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    n = virDomainLxcOpenNamespace(vkpyUnwrap(pydom, "virDomainPtr"), &fds,
                                  flags);
    Py_END_ALLOW_THREADS
    if (n < 0)
        Py_RETURN_NONE;
    if (!(list = PyList_New(0)))
        goto error;
    for (i = 0; i < n; i++) {
        PyObject *fd = PyLong_FromLong(fds[i]);

        if (!fd || PyList_Append(list, fd) < 0) {
            Py_XDECREF(fd);
            Py_CLEAR(list);
            goto error;
        }
        Py_DECREF(fd);
    }
    free(fds);
    return list;

 error:
    for (i = 0; i < n; i++)
        close(fds[i]);
    free(fds);
    return NULL;
}
