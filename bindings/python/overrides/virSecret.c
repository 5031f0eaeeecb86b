/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* virSecret calls whose Python shape needs hand-written C. */
#include <stdlib.h>
#include <string.h>

#include "vkpy.h"

VKPY_OVERRIDE(virSecretGetValue)
{
    PyObject *pysecret;
    unsigned int flags;
    unsigned char *value;
    size_t size = 0;
    PyObject *ret;

    if (!PyArg_ParseTuple(args, "OI:virSecretGetValue", &pysecret, &flags))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    value = virSecretGetValue(vkpyUnwrap(pysecret, "virSecretPtr"), &size,
                              flags);
    Py_END_ALLOW_THREADS
    if (!value)
        Py_RETURN_NONE;
    ret = PyBytes_FromStringAndSize((const char *)value, size);
    memset(value, 0, size);         /* do not leave the secret behind */
    free(value);
    return ret;
}
