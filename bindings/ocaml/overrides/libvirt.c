/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Libvirt.get_version's C side. */
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include "vkml.h"

value vkml_get_version(value driver, value unit);
value
vkml_get_version(value driver, value unit)
{
    CAMLparam2(driver, unit);
    CAMLlocal1(rv);
    unsigned long lib = 0, drv = 0;
    int r;

    if (Is_block(driver))
        r = virGetVersion(&lib, String_val(Field(driver, 0)), &drv);
    else
        r = virGetVersion(&lib, NULL, NULL);
    if (r < 0)
        vkmlRaise();
    rv = caml_alloc_tuple(2);
    Store_field(rv, 0, Val_long(lib));
    Store_field(rv, 1, Val_long(drv));
    CAMLreturn(rv);
}
