/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The OCaml binding's C runtime (see vkml.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include <caml/custom.h>
#include <caml/fail.h>
#include <caml/callback.h>
#include <caml/signals.h>
#include "vkml.h"

typedef struct {
    void *ptr;                  /* NULL once freed or closed */
    int kind;
} vkmlHandle;

#define Handle_val(v) ((vkmlHandle *)Data_custom_val(v))

static void
vkmlFinalize(value v)
{
    vkmlHandle *h = Handle_val(v);

    if (h->ptr) {
        vkmlKinds[h->kind].free(h->ptr);
        h->ptr = NULL;
    }
}

static struct custom_operations vkmlHandleOps = {
    "org.virtkit.handle",
    vkmlFinalize,
    custom_compare_default,
    custom_hash_default,
    custom_serialize_default,
    custom_deserialize_default,
    custom_compare_ext_default,
    custom_fixed_length_default,
};

value
vkmlWrapKind(void *ptr, int kind)
{
    CAMLparam0();
    CAMLlocal1(v);

    v = caml_alloc_custom(&vkmlHandleOps, sizeof(vkmlHandle), 0, 1);
    Handle_val(v)->ptr = ptr;
    Handle_val(v)->kind = kind;
    CAMLreturn(v);
}

void *
vkmlPtr(value v)
{
    /* NULL once freed: the library then reports the invalid handle */
    return Handle_val(v)->ptr;
}

void
vkmlFree(value v)
{
    vkmlHandle *h = Handle_val(v);
    void *ptr = h->ptr;

    /* a second free passes NULL: the library reports the bad handle */
    h->ptr = NULL;
    if (vkmlKinds[h->kind].free(ptr) < 0)
        vkmlRaise();
}

/* After a call that ends the handle's life in ocaml-libvirt (destroy). */
void
vkmlDrop(value v)
{
    vkmlHandle *h = Handle_val(v);

    if (h->ptr)
        vkmlKinds[h->kind].free(h->ptr);
    h->ptr = NULL;
}

value
vkmlUnknown(int n)
{
    CAMLparam0();
    CAMLlocal1(v);

    v = caml_alloc(1, 0);
    Store_field(v, 0, Val_int(n));
    CAMLreturn(v);
}

value
vkmlStringOption(const char *s)
{
    CAMLparam0();
    CAMLlocal2(v, str);

    if (!s)
        CAMLreturn(Val_int(0));
    str = caml_copy_string(s);
    v = caml_alloc(1, 0);
    Store_field(v, 0, str);
    CAMLreturn(v);
}

value
vkmlBytes(const char *data, size_t len)
{
    value v = caml_alloc_string(len);

    memcpy((char *)Bytes_val(v), data, len);
    return v;
}

/* n strings of a C array (a NULL one is ""): a string array */
value
vkmlStringArray(const char **p, size_t n)
{
    CAMLparam0();
    CAMLlocal2(v, str);
    size_t i;

    v = caml_alloc(n, 0);
    for (i = 0; i < n; i++) {
        str = caml_copy_string(p[i] ? p[i] : "");
        Store_field(v, i, str);
    }
    CAMLreturn(v);
}

unsigned int
vkmlFlagList(value list)
{
    unsigned int flags = 0;

    for (; list != Val_emptylist; list = Field(list, 1))
        flags |= 1U << Int_val(Field(list, 0));
    return flags;
}

/* Virterror.t: code, domain, message, level, str1, str2, str3, int1, int2 */
value
vkmlErrorValue(const virError *err)
{
    CAMLparam0();
    CAMLlocal2(v, tmp);

    v = caml_alloc(9, 0);
    tmp = vkmlErrorCode(err->code);
    Store_field(v, 0, tmp);
    tmp = vkmlErrorDomain(err->domain);
    Store_field(v, 1, tmp);
    tmp = vkmlStringOption(err->message);
    Store_field(v, 2, tmp);
    if (err->level >= VIR_ERR_NONE && err->level <= VIR_ERR_ERROR)
        tmp = Val_int(err->level);
    else
        tmp = vkmlUnknown(err->level);
    Store_field(v, 3, tmp);
    tmp = vkmlStringOption(err->str1);
    Store_field(v, 4, tmp);
    tmp = vkmlStringOption(err->str2);
    Store_field(v, 5, tmp);
    tmp = vkmlStringOption(err->str3);
    Store_field(v, 6, tmp);
    tmp = caml_copy_int32(err->int1);
    Store_field(v, 7, tmp);
    tmp = caml_copy_int32(err->int2);
    Store_field(v, 8, tmp);
    CAMLreturn(v);
}

void
vkmlRaise(void)
{
    CAMLparam0();
    CAMLlocal1(ev);
    const value *exn = caml_named_value("Libvirt.Virterror");
    virErrorPtr err = virGetLastError();
    virError none;

    if (!err) {
        /* a failure the library did not describe */
        memset(&none, 0, sizeof(none));
        none.code = VIR_ERR_INTERNAL_ERROR;
        none.level = VIR_ERR_ERROR;
        err = &none;
    }
    ev = vkmlErrorValue(err);
    if (!exn)
        caml_failwith(err->message ? err->message : "libvirt error");
    caml_raise_with_arg(*exn, ev);
    CAMLnoreturn;
}

static void
vkmlIgnoreError(void *opaque, virErrorPtr err)
{
    /* errors reach OCaml as exceptions, not on stderr */
    (void)opaque;
    (void)err;
}

value vkml_init(value unit);
value
vkml_init(value unit)
{
    (void)unit;
    virInitialize();
    virSetErrorFunc(NULL, vkmlIgnoreError);
    return Val_unit;
}

value
vkmlParamsToValue(virTypedParameterPtr params, int n)
{
    CAMLparam0();
    CAMLlocal4(arr, pair, field, tmp);
    int i;

    arr = caml_alloc(n, 0);
    for (i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];
        switch (p->type) {
        case VIR_TYPED_PARAM_INT: tmp = caml_copy_int32(p->value.i); break;
        case VIR_TYPED_PARAM_UINT: tmp = caml_copy_int32((int)p->value.ui); break;
        case VIR_TYPED_PARAM_LLONG: tmp = caml_copy_int64(p->value.l); break;
        case VIR_TYPED_PARAM_ULLONG:
            tmp = caml_copy_int64((long long)p->value.ul);
            break;
        case VIR_TYPED_PARAM_DOUBLE: tmp = caml_copy_double(p->value.d); break;
        case VIR_TYPED_PARAM_BOOLEAN: tmp = Val_bool(p->value.b); break;
        case VIR_TYPED_PARAM_STRING:
            tmp = caml_copy_string(p->value.s ? p->value.s : "");
            break;
        default:
            tmp = caml_copy_int32(0);
            break;
        }
        field = caml_alloc(1, (p->type >= VIR_TYPED_PARAM_INT &&
                               p->type <= VIR_TYPED_PARAM_STRING) ?
                           p->type - 1 : 0);
        Store_field(field, 0, tmp);
        pair = caml_alloc_tuple(2);
        tmp = caml_copy_string(p->field);
        Store_field(pair, 0, tmp);
        Store_field(pair, 1, field);
        Store_field(arr, i, pair);
    }
    CAMLreturn(arr);
}

virTypedParameterPtr
vkmlParamsFromValue(value arr, int *n)
{
    int len = Wosize_val(arr), i;
    virTypedParameterPtr params = calloc(len + 1, sizeof(*params));

    for (i = 0; i < len; i++) {
        value name = Field(Field(arr, i), 0);
        value field = Field(Field(arr, i), 1);
        value v = Field(field, 0);
        virTypedParameterPtr p = &params[i];

        strncpy(p->field, String_val(name), VIR_TYPED_PARAM_FIELD_LENGTH - 1);
        p->type = Tag_val(field) + 1;
        switch (p->type) {
        case VIR_TYPED_PARAM_INT: p->value.i = Int32_val(v); break;
        case VIR_TYPED_PARAM_UINT: p->value.ui = (unsigned)Int32_val(v); break;
        case VIR_TYPED_PARAM_LLONG: p->value.l = Int64_val(v); break;
        case VIR_TYPED_PARAM_ULLONG:
            p->value.ul = (unsigned long long)Int64_val(v);
            break;
        case VIR_TYPED_PARAM_DOUBLE: p->value.d = Double_val(v); break;
        case VIR_TYPED_PARAM_BOOLEAN: p->value.b = Bool_val(v); break;
        case VIR_TYPED_PARAM_STRING: p->value.s = strdup(String_val(v)); break;
        }
    }
    *n = len;
    return params;
}

static _Thread_local int vkmlReleased;

void
vkmlBlockingEnter(void)
{
    /* (it may run OCaml signal handlers first, which may raise) */
    caml_enter_blocking_section();
    vkmlReleased = 1;
}

void
vkmlBlockingLeave(void)
{
    caml_leave_blocking_section();
    vkmlReleased = 0;
}

int
vkmlCallbackEnter(void)
{
    if (!vkmlReleased)
        return 0;
    caml_leave_blocking_section();
    vkmlReleased = 0;
    return 1;
}

void
vkmlCallbackLeave(int released)
{
    if (!released)
        return;
    caml_enter_blocking_section();
    vkmlReleased = 1;
}

value *
vkmlRootNew(value f)
{
    value *root = malloc(sizeof(*root));

    if (!root)
        caml_raise_out_of_memory();
    *root = f;
    caml_register_generational_global_root(root);
    return root;
}

void
vkmlRootFree(void *opaque)
{
    value *root = opaque;
    int released;

    if (!root)
        return;
    /* the library may drop it from the event loop, runtime released */
    released = vkmlCallbackEnter();
    caml_remove_generational_global_root(root);
    vkmlCallbackLeave(released);
    free(root);
}
