/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Events of networks, pools, node devices and secrets: the same shape for
 * each (an OCaml closure called with the object, and for lifecycle events
 * the event and its detail), so one macro writes each kind's C side.
 * The closure lives in a generational global root the library's free
 * callback releases (deregistration, or the connection's end). */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include <caml/callback.h>
#include "vkml.h"

static void
vkmlObjEventFree(void *opaque)
{
    value *cb = opaque;

    caml_remove_generational_global_root(cb);
    free(cb);
}

static void
vkmlObjEventCall(value *cb, value obj, int event, int detail)
{
    CAMLparam1(obj);
    (void)caml_callback3_exn(*cb, obj, Val_int(event), Val_int(detail));
    CAMLreturn0;
}

/* TYPE: virNetwork ...; NAME: network ...; CONN: the C function's noun
 * (virConnectNetworkEvent...) */
#define VKML_OBJECT_EVENTS(TYPE, NAME, CONN)                                \
value vkmlWrap_##TYPE(TYPE##Ptr p);                                         \
static void                                                                 \
vkml_##NAME##_lifecycle(virConnectPtr conn, TYPE##Ptr obj, int event,       \
                        int detail, void *opaque)                           \
{                                                                           \
    int released = vkmlCallbackEnter();                                     \
    (void)conn;                                                             \
    TYPE##Ref(obj);                                                         \
    vkmlObjEventCall(opaque, vkmlWrap_##TYPE(obj), event, detail);          \
    vkmlCallbackLeave(released);                                            \
}                                                                           \
static void                                                                 \
vkml_##NAME##_generic(virConnectPtr conn, TYPE##Ptr obj, void *opaque)      \
{                                                                           \
    int released = vkmlCallbackEnter();                                     \
    (void)conn;                                                             \
    TYPE##Ref(obj);                                                         \
    vkmlObjEventCall(opaque, vkmlWrap_##TYPE(obj), 0, 0);                   \
    vkmlCallbackLeave(released);                                            \
}                                                                           \
value vkml_##NAME##_event_register(value conn, value obj, value id,         \
                                   value closure);                          \
value                                                                       \
vkml_##NAME##_event_register(value conn, value obj, value id,               \
                             value closure)                                 \
{                                                                           \
    CAMLparam4(conn, obj, id, closure);                                     \
    value *cb = malloc(sizeof(*cb));                                        \
    int r;                                                                  \
                                                                            \
    *cb = closure;                                                          \
    caml_register_generational_global_root(cb);                             \
    r = CONN##RegisterAny(                                                  \
        vkmlPtr(conn), Is_block(obj) ? vkmlPtr(Field(obj, 0)) : NULL,       \
        Int_val(id),                                                        \
        Int_val(id) == 0 ? (CONN##GenericCallback)vkml_##NAME##_lifecycle   \
                         : (CONN##GenericCallback)vkml_##NAME##_generic,    \
        cb, vkmlObjEventFree);                                              \
    if (r < 0) {                                                            \
        vkmlObjEventFree(cb);                                               \
        vkmlRaise();                                                        \
    }                                                                       \
    CAMLreturn(Val_int(r));                                                 \
}                                                                           \
value vkml_##NAME##_event_deregister(value conn, value id);                 \
value                                                                       \
vkml_##NAME##_event_deregister(value conn, value id)                        \
{                                                                           \
    CAMLparam2(conn, id);                                                   \
    if (CONN##DeregisterAny(vkmlPtr(conn), Int_val(id)) < 0)                \
        vkmlRaise();                                                        \
    CAMLreturn(Val_unit);                                                   \
}
