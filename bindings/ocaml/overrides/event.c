/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Event's C side: the library's domain event callbacks call the OCaml
 * functions event.ml registers ("Libvirt.Event.<name>") with the token
 * of the OCaml callback, a handle on the domain and the event's values. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include <caml/callback.h>
#include <caml/custom.h>
#include <caml/fail.h>
#include <caml/signals.h>
#include "vkml.h"

value vkmlWrap_virDomain(virDomainPtr p);               /* generated */

static const value *
vkmlEventFunc(const char *name)
{
    char full[64];

    snprintf(full, sizeof(full), "Libvirt.Event.%s", name);
    return caml_named_value(full);
}

/* the domain as an OCaml handle of its own reference */
static value
vkmlEventDomain(virDomainPtr dom)
{
    virDomainRef(dom);
    return vkmlWrap_virDomain(dom);
}

/* args[0] is the token and args[1] the domain; the rest are given */
static void
vkmlEventCall(const char *name, void *opaque, virDomainPtr dom,
              int nargs, value *args)
{
    const value *fn = vkmlEventFunc(name);

    if (!fn)
        return;
    args[0] = Val_long((intptr_t)opaque);
    args[1] = vkmlEventDomain(dom);
    /* an exception in an OCaml callback does not unwind into libvirt */
    (void)caml_callbackN_exn(*fn, nargs, args);
}

static value
vkmlOptStr(const char *s)
{
    return vkmlStringOption(s);
}

static int
vkmlLifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail,
              void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 4);
    (void)conn;
    args[2] = Val_int(event);
    args[3] = Val_int(detail);
    vkmlEventCall("lifecycle", opaque, dom, 4, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return 0;
}

static void
vkmlGeneric(virConnectPtr conn, virDomainPtr dom, void *opaque,
            const char *name)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 2);
    (void)conn;
    vkmlEventCall(name, opaque, dom, 2, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlReboot(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    vkmlGeneric(conn, dom, opaque, "reboot");
}

static void
vkmlControlError(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    vkmlGeneric(conn, dom, opaque, "control_error");
}

static void
vkmlRtcChange(virConnectPtr conn, virDomainPtr dom, long long offset,
              void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    (void)conn;
    args[2] = caml_copy_int64(offset);
    vkmlEventCall("rtc_change", opaque, dom, 3, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlBalloonChange(virConnectPtr conn, virDomainPtr dom,
                  unsigned long long actual, void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    (void)conn;
    args[2] = caml_copy_int64((int64_t)actual);
    vkmlEventCall("balloon_change", opaque, dom, 3, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlWatchdog(virConnectPtr conn, virDomainPtr dom, int action, void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    (void)conn;
    args[2] = Val_int(action);
    vkmlEventCall("watchdog", opaque, dom, 3, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlIOErrorCall(virDomainPtr dom, const char *src, const char *alias,
                int action, const char *reason, void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    CAMLlocal1(tmp);
    args[2] = caml_alloc_tuple(4);
    tmp = vkmlOptStr(src);
    Store_field(args[2], 0, tmp);
    tmp = vkmlOptStr(alias);
    Store_field(args[2], 1, tmp);
    Store_field(args[2], 2, Val_int(action));
    tmp = vkmlOptStr(reason);
    Store_field(args[2], 3, tmp);
    vkmlEventCall("io_error", opaque, dom, 3, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlIOError(virConnectPtr conn, virDomainPtr dom, const char *src,
            const char *alias, int action, void *opaque)
{
    (void)conn;
    vkmlIOErrorCall(dom, src, alias, action, NULL, opaque);
}

static void
vkmlIOErrorReason(virConnectPtr conn, virDomainPtr dom, const char *src,
                  const char *alias, int action, const char *reason,
                  void *opaque)
{
    (void)conn;
    vkmlIOErrorCall(dom, src, alias, action, reason, opaque);
}

static value
vkmlAddress(virDomainEventGraphicsAddressPtr a)
{
    CAMLparam0();
    CAMLlocal2(v, tmp);
    v = caml_alloc_tuple(3);
    Store_field(v, 0, Val_int(a ? a->family : 0));
    tmp = vkmlOptStr(a ? a->node : NULL);
    Store_field(v, 1, tmp);
    tmp = vkmlOptStr(a ? a->service : NULL);
    Store_field(v, 2, tmp);
    CAMLreturn(v);
}

static void
vkmlGraphics(virConnectPtr conn, virDomainPtr dom, int phase,
             virDomainEventGraphicsAddressPtr local,
             virDomainEventGraphicsAddressPtr remote,
             const char *scheme, virDomainEventGraphicsSubjectPtr subject,
             void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 7);
    CAMLlocal4(list, cell, pair, tmp);
    int i;
    (void)conn;
    args[2] = Val_int(phase);
    args[3] = vkmlAddress(local);
    args[4] = vkmlAddress(remote);
    args[5] = vkmlOptStr(scheme);
    list = Val_emptylist;
    for (i = subject ? subject->nidentity : 0; i-- > 0;) {
        pair = caml_alloc_tuple(2);
        tmp = vkmlOptStr(subject->identities[i].type);
        Store_field(pair, 0, tmp);
        tmp = vkmlOptStr(subject->identities[i].name);
        Store_field(pair, 1, tmp);
        cell = caml_alloc(2, 0);
        Store_field(cell, 0, pair);
        Store_field(cell, 1, list);
        list = cell;
    }
    args[6] = list;
    vkmlEventCall("graphics", opaque, dom, 7, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlBlockJob(virConnectPtr conn, virDomainPtr dom, const char *disk,
             int type, int status, void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 5);
    (void)conn;
    args[2] = vkmlOptStr(disk);
    args[3] = Val_int(type);
    args[4] = Val_int(status);
    vkmlEventCall("block_job", opaque, dom, 5, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlDiskChange(virConnectPtr conn, virDomainPtr dom, const char *old_src,
               const char *new_src, const char *alias, int reason,
               void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    CAMLlocal1(tmp);
    (void)conn;
    args[2] = caml_alloc_tuple(4);
    tmp = vkmlOptStr(old_src);
    Store_field(args[2], 0, tmp);
    tmp = vkmlOptStr(new_src);
    Store_field(args[2], 1, tmp);
    tmp = vkmlOptStr(alias);
    Store_field(args[2], 2, tmp);
    Store_field(args[2], 3, Val_int(reason));
    vkmlEventCall("disk_change", opaque, dom, 3, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlTrayChange(virConnectPtr conn, virDomainPtr dom, const char *alias,
               int reason, void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 4);
    (void)conn;
    args[2] = vkmlOptStr(alias);
    args[3] = Val_int(reason);
    vkmlEventCall("tray_change", opaque, dom, 4, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

static void
vkmlPM(virConnectPtr conn, virDomainPtr dom, int reason, void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    (void)conn;
    args[2] = Val_int(reason);
    vkmlEventCall("pm", opaque, dom, 3, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

/* by VIR_DOMAIN_EVENT_ID_*, the order of Event.callback */
static const virConnectDomainEventGenericCallback vkmlEventCallbacks[] = {
    VIR_DOMAIN_EVENT_CALLBACK(vkmlLifecycle),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlReboot),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlRtcChange),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlWatchdog),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlIOError),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlGraphics),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlIOErrorReason),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlControlError),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlBlockJob),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlDiskChange),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlTrayChange),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlPM),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlPM),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlBalloonChange),
    VIR_DOMAIN_EVENT_CALLBACK(vkmlPM),
};

value vkml_event_register_any(value conn, value dom, value id, value token);
value
vkml_event_register_any(value conn, value dom, value id, value token)
{
    CAMLparam4(conn, dom, id, token);
    int eid = Int_val(id);
    int r;

    if (eid < 0 ||
        eid >= (int)(sizeof(vkmlEventCallbacks) / sizeof(vkmlEventCallbacks[0])))
        caml_invalid_argument("Event.register_any");
    r = virConnectDomainEventRegisterAny(
        vkmlPtr(conn), Is_block(dom) ? vkmlPtr(Field(dom, 0)) : NULL, eid,
        vkmlEventCallbacks[eid], (void *)(intptr_t)Long_val(token), NULL);
    if (r < 0)
        vkmlRaise();
    CAMLreturn(Val_int(r));
}

value vkml_event_deregister_any(value conn, value id);
value
vkml_event_deregister_any(value conn, value id)
{
    CAMLparam2(conn, id);
    if (virConnectDomainEventDeregisterAny(vkmlPtr(conn), Int_val(id)) < 0)
        vkmlRaise();
    CAMLreturn(Val_unit);
}

static void
vkmlTimeout(int timer, void *opaque)
{
    /* libvirt calls back from the event loop, which runs with the
     * OCaml runtime released: take it back first */
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    const value *fn = vkmlEventFunc("timeout");
    (void)timer;
    if (fn)
        (void)caml_callback_exn(*fn, Val_long((intptr_t)opaque));
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

value vkml_event_add_timeout(value ms, value token);
value
vkml_event_add_timeout(value ms, value token)
{
    int r = virEventAddTimeout(Int_val(ms), vkmlTimeout,
                               (void *)(intptr_t)Long_val(token), NULL);
    if (r < 0)
        vkmlRaise();
    return Val_int(r);
}

value vkml_event_remove_timeout(value id);
value
vkml_event_remove_timeout(value id)
{
    if (virEventRemoveTimeout(Int_val(id)) < 0)
        vkmlRaise();
    return Val_unit;
}

/* ---- the old lifecycle registration: one closure per connection ---- */
static int
vkmlOldLifecycle(virConnectPtr conn, virDomainPtr dom, int event,
                 int detail, void *opaque)
{
    value *cb = opaque;
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocal1(d);
    (void)conn;
    d = vkmlEventDomain(dom);
    (void)caml_callback3_exn(*cb, d, Val_int(event), Val_int(detail));
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return 0;
}

value vkml_domain_event_register(value conn, value cb);
value
vkml_domain_event_register(value conn, value cb)
{
    CAMLparam2(conn, cb);
    value *root = vkmlRootNew(cb);

    if (virConnectDomainEventRegister(vkmlPtr(conn), vkmlOldLifecycle, root,
                                      vkmlRootFree) < 0) {
        vkmlRootFree(root);
        vkmlRaise();
    }
    CAMLreturn(Val_unit);
}

value vkml_domain_event_deregister(value conn);
value
vkml_domain_event_deregister(value conn)
{
    CAMLparam1(conn);
    /* the library drops the closure (vkmlRootFree) */
    if (virConnectDomainEventDeregister(vkmlPtr(conn), vkmlOldLifecycle) < 0)
        vkmlRaise();
    CAMLreturn(Val_unit);
}

/* ---- a file descriptor watched by the registered loop ---- */
static void
vkmlHandle(int watch, int fd, int events, void *opaque)
{
    value *cb = opaque;
    int released = vkmlCallbackEnter();
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    args[0] = Val_int(watch);
    args[1] = Val_int(fd);
    args[2] = Val_int(events);
    (void)caml_callbackN_exn(*cb, 3, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
}

value vkml_event_add_handle(value fd, value events, value cb);
value
vkml_event_add_handle(value fd, value events, value cb)
{
    CAMLparam3(fd, events, cb);
    value *root = vkmlRootNew(cb);
    int w = virEventAddHandle(Int_val(fd), Int_val(events), vkmlHandle, root,
                              vkmlRootFree);

    if (w < 0) {
        vkmlRootFree(root);
        vkmlRaise();
    }
    CAMLreturn(Val_int(w));
}

/* ---- an event loop written in OCaml ---- */

/* The library's callback as an OCaml value.  Its free function runs
 * once OCaml has dropped it, but not from the GC's finalizer (the
 * library may hold its locks then): from the next run_*_callback or
 * impl call. */
typedef struct vkmlLoopCb vkmlLoopCb;
struct vkmlLoopCb {
    void (*handle)(int, int, int, void *);
    void (*timeout)(int, void *);
    void *opaque;
    virFreeCallback ff;
    vkmlLoopCb *next;           /* on the list of those to free */
};

static vkmlLoopCb *vkmlLoopDead;         /* under the runtime lock */

static void
vkmlLoopCbFinalize(value v)
{
    vkmlLoopCb *cb = *(vkmlLoopCb **)Data_custom_val(v);

    cb->next = vkmlLoopDead;
    vkmlLoopDead = cb;
}

static struct custom_operations vkmlLoopCbOps = {
    "virtkit.libvirt.event_callback", vkmlLoopCbFinalize,
    custom_compare_default, custom_hash_default, custom_serialize_default,
    custom_deserialize_default, custom_compare_ext_default,
    custom_fixed_length_default
};

/* frees what was dropped; the runtime is held and must be released
 * around the library's free functions */
static void
vkmlLoopReap(void)
{
    vkmlLoopCb *list = vkmlLoopDead, *next;

    if (!list)
        return;
    vkmlLoopDead = NULL;
    caml_enter_blocking_section();
    for (; list; list = next) {
        next = list->next;
        if (list->ff)
            list->ff(list->opaque);
        free(list);
    }
    caml_leave_blocking_section();
}

static value
vkmlLoopCbValue(vkmlLoopCb *cb)
{
    value v = caml_alloc_custom(&vkmlLoopCbOps, sizeof(cb), 0, 1);

    *(vkmlLoopCb **)Data_custom_val(v) = cb;
    return v;
}

static value *vkmlImpl;        /* the impl record */

/* impl field i applied to args; -1 if it raised (nothing unwinds into
 * the library) */
static int
vkmlImplCall(int field, int nargs, value *args)
{
    value res = caml_callbackN_exn(Field(*vkmlImpl, field), nargs, args);

    if (Is_exception_result(res))
        return -1;
    return Is_long(res) ? Int_val(res) : 0;
}

static int
vkmlImplAdd(int field, int nargs, int a, int b, vkmlLoopCb *cb)
{
    int released = vkmlCallbackEnter();
    int r;
    {
    CAMLparam0();
    CAMLlocalN(args, 3);
    if (!cb) {
        r = -1;
    } else {
        args[0] = Val_int(a);
        args[1] = Val_int(b);
        args[nargs - 1] = vkmlLoopCbValue(cb);
        r = vkmlImplCall(field, nargs, args);
        /* refused: the library keeps its opaque and frees it itself */
        if (r < 0) {
            cb->handle = NULL;
            cb->timeout = NULL;
            cb->ff = NULL;
        }
    }
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return r;
}

static int
vkmlImplTwo(int field, int nargs, int a, int b)
{
    int released = vkmlCallbackEnter();
    int r;
    {
    CAMLparam0();
    CAMLlocalN(args, 2);
    args[0] = Val_int(a);
    args[1] = Val_int(b);
    r = vkmlImplCall(field, nargs, args);
    CAMLdrop;
    }
    vkmlCallbackLeave(released);
    return r;
}

static int
vkmlImplAddHandle(int fd, int events, virEventHandleCallback fn,
                  void *opaque, virFreeCallback ff)
{
    vkmlLoopCb *cb = calloc(1, sizeof(*cb));

    if (cb) {
        cb->handle = fn;
        cb->opaque = opaque;
        cb->ff = ff;
    }
    return vkmlImplAdd(0, 3, fd, events, cb);
}

static void
vkmlImplUpdateHandle(int watch, int events)
{
    vkmlImplTwo(1, 2, watch, events);
}

static int
vkmlImplRemoveHandle(int watch)
{
    return vkmlImplTwo(2, 1, watch, 0);
}

static int
vkmlImplAddTimeout(int ms, virEventTimeoutCallback fn, void *opaque,
                   virFreeCallback ff)
{
    vkmlLoopCb *cb = calloc(1, sizeof(*cb));

    if (cb) {
        cb->timeout = fn;
        cb->opaque = opaque;
        cb->ff = ff;
    }
    return vkmlImplAdd(3, 2, ms, 0, cb);
}

static void
vkmlImplUpdateTimeout(int timer, int ms)
{
    vkmlImplTwo(4, 2, timer, ms);
}

static int
vkmlImplRemoveTimeout(int timer)
{
    return vkmlImplTwo(5, 1, timer, 0);
}

value vkml_event_register_impl(value impl);
value
vkml_event_register_impl(value impl)
{
    CAMLparam1(impl);
    if (!vkmlImpl) {
        vkmlImpl = vkmlRootNew(impl);
    } else {
        caml_modify_generational_global_root(vkmlImpl, impl);
    }
    virEventRegisterImpl(vkmlImplAddHandle, vkmlImplUpdateHandle,
                         vkmlImplRemoveHandle, vkmlImplAddTimeout,
                         vkmlImplUpdateTimeout, vkmlImplRemoveTimeout);
    CAMLreturn(Val_unit);
}

value vkml_event_run_handle_callback(value cbv, value watch, value fd,
                                     value events);
value
vkml_event_run_handle_callback(value cbv, value watch, value fd,
                               value events)
{
    CAMLparam4(cbv, watch, fd, events);
    vkmlLoopCb *cb = *(vkmlLoopCb **)Data_custom_val(cbv);

    vkmlLoopReap();
    if (cb->handle) {
        vkmlBlockingEnter();
        cb->handle(Int_val(watch), Int_val(fd), Int_val(events), cb->opaque);
        vkmlBlockingLeave();
    }
    CAMLreturn(Val_unit);
}

value vkml_event_run_timeout_callback(value cbv, value timer);
value
vkml_event_run_timeout_callback(value cbv, value timer)
{
    CAMLparam2(cbv, timer);
    vkmlLoopCb *cb = *(vkmlLoopCb **)Data_custom_val(cbv);

    vkmlLoopReap();
    if (cb->timeout) {
        vkmlBlockingEnter();
        cb->timeout(Int_val(timer), cb->opaque);
        vkmlBlockingLeave();
    }
    CAMLreturn(Val_unit);
}
