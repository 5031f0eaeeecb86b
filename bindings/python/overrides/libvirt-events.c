/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Object events: C callbacks that hand each event to Python.
 *
 * Registering keeps the Python cbData dict ({"cb", "conn", "opaque"}) in a
 * small record given to the library as opaque.  When an event arrives the C
 * callback takes the GIL, wraps the object (with a reference of its own for
 * the Python object to drop) and calls
 *     conn._dispatchEvent(kind, object, args, cbData)
 * which calls cb(conn, obj, *args, opaque). */
#include <stdlib.h>

#include "vkpy.h"

typedef struct {
    PyObject *cbData;              /* {"cb", "conn", "opaque"} */
    const char *kind;              /* the Python class: "virDomain" */
    const char *type;              /* the capsule's name: "virDomainPtr" */
    int (*ref)(void *obj);
} vkpyEvent;

static void
vkpyEventFree(void *opaque)
{
    vkpyEvent *ev = opaque;
    PyGILState_STATE st = PyGILState_Ensure();

    Py_XDECREF(ev->cbData);
    PyGILState_Release(st);
    free(ev);
}

/* args: Py_BuildValue's format for the event's own arguments, a tuple. */
static void
vkpyEventDispatch(vkpyEvent *ev, void *obj, const char *fmt, ...)
{
    PyGILState_STATE st = PyGILState_Ensure();
    PyObject *conn = PyDict_GetItemString(ev->cbData, "conn");
    PyObject *pyobj = NULL;
    PyObject *args;
    va_list ap;

    va_start(ap, fmt);
    args = Py_VaBuildValue(fmt, ap);
    va_end(ap);
    if (obj && ev->ref(obj) == 0 && !(pyobj = vkpyWrap(obj, ev->type)))
        PyErr_Clear();
    if (conn && args && pyobj)
        vkpyCallMethod(conn, "_dispatchEvent", "(sOOO)", ev->kind, pyobj,
                       args, ev->cbData);
    else if (PyErr_Occurred())
        PyErr_Print();
    Py_XDECREF(pyobj);
    Py_XDECREF(args);
    PyGILState_Release(st);
}

/* One C callback per shape of event arguments; the object's kind comes
 * from the record. */
static int
evGeneric(virConnectPtr c VKPY_UNUSED, void *obj, void *op)
{
    vkpyEventDispatch(op, obj, "()");
    return 0;
}

static int
evInt2(virConnectPtr c VKPY_UNUSED, void *obj, int a, int b, void *op)
{
    vkpyEventDispatch(op, obj, "(ii)", a, b);
    return 0;
}

static int
evInt(virConnectPtr c VKPY_UNUSED, void *obj, int a, void *op)
{
    vkpyEventDispatch(op, obj, "(i)", a);
    return 0;
}

static int
evLLong(virConnectPtr c VKPY_UNUSED, void *obj, long long a, void *op)
{
    vkpyEventDispatch(op, obj, "(L)", a);
    return 0;
}

static int
evULLong(virConnectPtr c VKPY_UNUSED, void *obj, unsigned long long a,
         void *op)
{
    vkpyEventDispatch(op, obj, "(K)", a);
    return 0;
}

static int
evStr(virConnectPtr c VKPY_UNUSED, void *obj, const char *a, void *op)
{
    vkpyEventDispatch(op, obj, "(z)", a);
    return 0;
}

static int
evStrStrInt(virConnectPtr c VKPY_UNUSED, void *obj, const char *a,
            const char *b, int n, void *op)
{
    vkpyEventDispatch(op, obj, "(zzi)", a, b, n);
    return 0;
}

static int
evStrStrIntStr(virConnectPtr c VKPY_UNUSED, void *obj, const char *a,
               const char *b, int n, const char *d, void *op)
{
    vkpyEventDispatch(op, obj, "(zziz)", a, b, n, d);
    return 0;
}

static int
evStrIntInt(virConnectPtr c VKPY_UNUSED, void *obj, const char *a, int n,
            int m, void *op)
{
    vkpyEventDispatch(op, obj, "(zii)", a, n, m);
    return 0;
}

static int
evStr3Int(virConnectPtr c VKPY_UNUSED, void *obj, const char *a,
          const char *b, const char *d, int n, void *op)
{
    vkpyEventDispatch(op, obj, "(zzzi)", a, b, d, n);
    return 0;
}

static int
evStrInt(virConnectPtr c VKPY_UNUSED, void *obj, const char *a, int n,
         void *op)
{
    vkpyEventDispatch(op, obj, "(zi)", a, n);
    return 0;
}

static int
evIntStr(virConnectPtr c VKPY_UNUSED, void *obj, int n, const char *a,
         void *op)
{
    vkpyEventDispatch(op, obj, "(iz)", n, a);
    return 0;
}

static int
evStr2ULLong2(virConnectPtr c VKPY_UNUSED, void *obj, const char *a,
              const char *b, unsigned long long x, unsigned long long y,
              void *op)
{
    vkpyEventDispatch(op, obj, "(zzKK)", a, b, x, y);
    return 0;
}

static int
evInt2UInt(virConnectPtr c VKPY_UNUSED, void *obj, int a, int b,
           unsigned int n, void *op)
{
    vkpyEventDispatch(op, obj, "(iiI)", a, b, n);
    return 0;
}

static int
evStrULLong(virConnectPtr c VKPY_UNUSED, void *obj, const char *a,
            unsigned long long x, void *op)
{
    vkpyEventDispatch(op, obj, "(zK)", a, x);
    return 0;
}

#define CB(fn) ((void (*)(void))(fn))

/* Indexed by event ID; NULL: not bound yet (graphics, tunable and job
 * completion events carry structs and typed parameters). */
static void (*const domainCallbacks[])(void) = {
    [VIR_DOMAIN_EVENT_ID_LIFECYCLE] = CB(evInt2),
    [VIR_DOMAIN_EVENT_ID_REBOOT] = CB(evGeneric),
    [VIR_DOMAIN_EVENT_ID_RTC_CHANGE] = CB(evLLong),
    [VIR_DOMAIN_EVENT_ID_WATCHDOG] = CB(evInt),
    [VIR_DOMAIN_EVENT_ID_IO_ERROR] = CB(evStrStrInt),
    [VIR_DOMAIN_EVENT_ID_GRAPHICS] = NULL,
    [VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON] = CB(evStrStrIntStr),
    [VIR_DOMAIN_EVENT_ID_CONTROL_ERROR] = CB(evGeneric),
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB] = CB(evStrIntInt),
    [VIR_DOMAIN_EVENT_ID_DISK_CHANGE] = CB(evStr3Int),
    [VIR_DOMAIN_EVENT_ID_TRAY_CHANGE] = CB(evStrInt),
    [VIR_DOMAIN_EVENT_ID_PMWAKEUP] = CB(evInt),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND] = CB(evInt),
    [VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE] = CB(evULLong),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK] = CB(evInt),
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED] = CB(evStr),
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2] = CB(evStrIntInt),
    [VIR_DOMAIN_EVENT_ID_TUNABLE] = NULL,
    [VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE] = CB(evInt2),
    [VIR_DOMAIN_EVENT_ID_DEVICE_ADDED] = CB(evStr),
    [VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION] = CB(evInt),
    [VIR_DOMAIN_EVENT_ID_JOB_COMPLETED] = NULL,
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED] = CB(evStr),
    [VIR_DOMAIN_EVENT_ID_METADATA_CHANGE] = CB(evIntStr),
    [VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD] = CB(evStr2ULLong2),
    [VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE] = CB(evInt2UInt),
    [VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE] = CB(evStrULLong),
};

/* Lifecycle first, then a generic (object only) event. */
static void (*const lifecycleGeneric[])(void) = { CB(evInt2),
                                                  CB(evGeneric) };

typedef int (*vkpyRegisterFunc)(virConnectPtr, void *, int,
                                void (*)(void), void *, virFreeCallback);

/* Parse (conn, obj or None, eventID, cbData) and register. */
static PyObject *
vkpyEventRegister(PyObject *args, const char *fn, const char *kind,
                  const char *type, int (*ref)(void *),
                  vkpyRegisterFunc reg, void (*const *table)(void),
                  int ntable)
{
    PyObject *pyconn;
    PyObject *pyobj;
    PyObject *cbData;
    int id;
    vkpyEvent *ev;
    virConnectPtr conn;
    void *obj;
    int ret;
    char fmt[64];

    snprintf(fmt, sizeof(fmt), "OOiO:%s", fn);
    if (!PyArg_ParseTuple(args, fmt, &pyconn, &pyobj, &id, &cbData))
        return NULL;
    if (id < 0 || id >= ntable || !table[id])
        return PyLong_FromLong(-1);
    conn = vkpyUnwrap(pyconn, "virConnectPtr");
    obj = vkpyUnwrap(pyobj, type);
    if (!(ev = calloc(1, sizeof(*ev))))
        return PyErr_NoMemory();
    ev->cbData = cbData;
    ev->kind = kind;
    ev->type = type;
    ev->ref = ref;
    Py_INCREF(cbData);
    Py_BEGIN_ALLOW_THREADS
    ret = reg(conn, obj, id, table[id], ev, vkpyEventFree);
    Py_END_ALLOW_THREADS
    if (ret < 0) {
        Py_DECREF(cbData);
        free(ev);
    }
    return PyLong_FromLong(ret);
}

#define REGISTER(name, kind, table) \
    VKPY_OVERRIDE(name) \
    { \
        return vkpyEventRegister(args, #name, #kind, #kind "Ptr", \
                                 (int (*)(void *))kind##Ref, \
                                 (vkpyRegisterFunc)name, table, \
                                 sizeof(table) / sizeof(table[0])); \
    }

VKPY_OVERRIDE(virConnectDomainEventRegisterAny);
VKPY_OVERRIDE(virConnectNetworkEventRegisterAny);
VKPY_OVERRIDE(virConnectStoragePoolEventRegisterAny);
VKPY_OVERRIDE(virConnectNodeDeviceEventRegisterAny);
VKPY_OVERRIDE(virConnectSecretEventRegisterAny);

REGISTER(virConnectDomainEventRegisterAny, virDomain, domainCallbacks)
REGISTER(virConnectNetworkEventRegisterAny, virNetwork, lifecycleGeneric)
REGISTER(virConnectStoragePoolEventRegisterAny, virStoragePool,
         lifecycleGeneric)
REGISTER(virConnectNodeDeviceEventRegisterAny, virNodeDevice,
         lifecycleGeneric)
REGISTER(virConnectSecretEventRegisterAny, virSecret, lifecycleGeneric)

/* The old lifecycle-only form: one C callback per connection calls
 * conn._dispatchDomainEventCallbacks(dom, event, detail), which calls every
 * Python callback registered on it. */
static int
vkpyDomainEventCallback(virConnectPtr c VKPY_UNUSED, virDomainPtr dom,
                        int event, int detail, void *opaque)
{
    PyGILState_STATE st = PyGILState_Ensure();
    PyObject *pydom = NULL;

    if (virDomainRef(dom) == 0)
        pydom = vkpyWrap(dom, "virDomainPtr");
    if (pydom)
        vkpyCallMethod(opaque, "_dispatchDomainEventCallbacks", "(Oii)",
                       pydom, event, detail);
    else
        PyErr_Clear();
    Py_XDECREF(pydom);
    PyGILState_Release(st);
    return 0;
}

VKPY_OVERRIDE(virConnectDomainEventRegister)
{
    PyObject *pyconn;
    PyObject *self_;
    int ret;

    if (!PyArg_ParseTuple(args, "OO:virConnectDomainEventRegister", &pyconn,
                          &self_))
        return NULL;
    Py_INCREF(self_);
    Py_BEGIN_ALLOW_THREADS
    ret = virConnectDomainEventRegister(vkpyUnwrap(pyconn, "virConnectPtr"),
                                        vkpyDomainEventCallback, self_,
                                        vkpyDecrefCallback);
    Py_END_ALLOW_THREADS
    if (ret < 0)
        Py_DECREF(self_);
    return PyLong_FromLong(ret);
}

VKPY_OVERRIDE(virConnectDomainEventDeregister)
{
    PyObject *pyconn;
    PyObject *self_;
    int ret;

    if (!PyArg_ParseTuple(args, "OO:virConnectDomainEventDeregister",
                          &pyconn, &self_))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    ret = virConnectDomainEventDeregister(vkpyUnwrap(pyconn,
                                                     "virConnectPtr"),
                                          vkpyDomainEventCallback);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(ret);
}
