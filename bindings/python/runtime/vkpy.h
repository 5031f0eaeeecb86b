/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The Python binding's small runtime: handles as capsules, strings and
 * lists, libvirt errors as tuples, and calls from C callbacks back into
 * Python.  Generated wrappers and hand-written overrides use only this and
 * the public C API. */
#ifndef VKPY_H
#define VKPY_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define VKPY_UNUSED __attribute__((unused))

/* A libvirtmod function written by hand in bindings/python/overrides/:
 * the generator finds these lines and puts them in the method table. */
#define VKPY_OVERRIDE(name) \
    PyObject *vkpy_##name(PyObject *self VKPY_UNUSED, PyObject *args)

typedef int (*vkpyFreeFunc)(void *);

int vkpyInit(PyObject *module);

/* Handles travel as capsules named after their C type ("virDomainPtr");
 * the Python object frees the handle in __del__. */
PyObject *vkpyWrap(void *ptr, const char *type);
void *vkpyUnwrap(PyObject *obj, const char *type);

/* New references; None for NULL. */
PyObject *vkpyString(const char *s);
PyObject *vkpyStringList(char **strs, int n);
PyObject *vkpyHandleList(void **items, int n, const char *type,
                         vkpyFreeFunc freefn);
/* A list of n new references, stolen; NULL (and the others released) if
 * any is NULL. */
PyObject *vkpyList(int n, ...);
PyObject *vkpyTuple(int n, ...);
void vkpyFreeStrings(char **strs, int n);
/* A list of str as a C array of copies (free with vkpyFreeStrings);
 * anything but a list is NULL and 0, as libvirt-python reads it.  -1 with a
 * Python exception if an item is not a str. */
int vkpyStringArray(PyObject *list, char ***strs, unsigned int *n);

/* The error as libvirt-python's 9-item tuple, or None. */
PyObject *vkpyErrorTuple(virErrorPtr err);

/* From a C callback, with the GIL held: call obj.method(*args) built from
 * fmt (Py_BuildValue's, always a tuple); returns its integer result, or -1
 * after printing the Python exception. */
int vkpyCallMethod(PyObject *obj, const char *method, const char *fmt, ...);

/* Drop a Python reference from a C free callback (takes the GIL). */
void vkpyDecrefCallback(void *opaque);

/* ---- typed parameters (vkpy-params.c) ---- */

/* name -> value for each parameter; a new dict, or NULL on error. */
PyObject *vkpyParamsToDict(virTypedParameterPtr params, int n);
int vkpyParamsAddToDict(PyObject *dict, virTypedParameterPtr params, int n);

/* A setter's dict: a non-empty dict, or -1 with TypeError/LookupError. */
int vkpyParamsCheckDict(PyObject *dict);

/* The dict as parameters typed like those in known (the current ones);
 * a name not among them is a LookupError.  *params is freed with
 * virTypedParamsFree.  -1 with a Python exception on error. */
int vkpyParamsFromDict(PyObject *dict, virTypedParameterPtr known,
                       int nknown, virTypedParameterPtr *params,
                       int *nparams);

/* The names an API knows and their VIR_TYPED_PARAM_* types; the table
 * ends with { NULL, 0 }. */
typedef struct {
    const char *name;
    int type;
} vkpyParamHint;

/* The dict as parameters typed by hints, other names by their Python
 * value; lists give one parameter per item.  what names the parameters in
 * the TypeError for a non-dict ("migration"). */
int vkpyParamsFromHints(PyObject *dict, const char *what,
                        const vkpyParamHint *hints,
                        virTypedParameterPtr *params, int *nparams);

#endif /* VKPY_H */
