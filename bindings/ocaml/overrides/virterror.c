/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Virterror's C side: the last errors as OCaml values. */
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include "vkml.h"

static value
vkmlErrorOption(const virError *err)
{
    CAMLparam0();
    CAMLlocal2(v, e);

    if (!err || err->code == VIR_ERR_OK)
        CAMLreturn(Val_int(0));
    e = vkmlErrorValue(err);
    v = caml_alloc(1, 0);
    Store_field(v, 0, e);
    CAMLreturn(v);
}

value vkml_get_last_error(value unit);
value
vkml_get_last_error(value unit)
{
    (void)unit;
    return vkmlErrorOption(virGetLastError());
}

value vkml_get_last_conn_error(value conn);
value
vkml_get_last_conn_error(value conn)
{
    return vkmlErrorOption(virConnGetLastError(vkmlPtr(conn)));
}

value vkml_reset_last_conn_error(value conn);
value
vkml_reset_last_conn_error(value conn)
{
    virConnResetLastError(vkmlPtr(conn));
    return Val_unit;
}
