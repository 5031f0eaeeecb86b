/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Connect's C side: opening connections, credentials asked from OCaml. */
#include <stdlib.h>
#include <string.h>
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include <caml/callback.h>
#include <caml/fail.h>
#include "vkml.h"

value vkmlWrap_virConnect(virConnectPtr p);     /* generated */

static const char *
vkmlOptString(value opt)
{
    return Is_block(opt) ? String_val(Field(opt, 0)) : NULL;
}

static value
vkmlConnResult(virConnectPtr conn)
{
    if (!conn)
        vkmlRaise();
    return vkmlWrap_virConnect(conn);
}

value vkml_connect(value name, value unit);
value
vkml_connect(value name, value unit)
{
    (void)unit;
    return vkmlConnResult(virConnectOpen(vkmlOptString(name)));
}

value vkml_connect_readonly(value name, value unit);
value
vkml_connect_readonly(value name, value unit)
{
    (void)unit;
    return vkmlConnResult(virConnectOpenReadOnly(vkmlOptString(name)));
}

/* credential_type: constructor i is VIR_CRED_* i + 1 */
static value
vkmlCredentials(virConnectCredentialPtr cred, unsigned int ncred)
{
    CAMLparam0();
    CAMLlocal4(list, cell, rec, tmp);
    unsigned int i;

    list = Val_emptylist;
    for (i = ncred; i-- > 0;) {
        rec = caml_alloc(4, 0);
        Store_field(rec, 0, Val_int(cred[i].type - 1));
        tmp = caml_copy_string(cred[i].prompt ? cred[i].prompt : "");
        Store_field(rec, 1, tmp);
        tmp = vkmlStringOption(cred[i].challenge);
        Store_field(rec, 2, tmp);
        tmp = vkmlStringOption(cred[i].defresult);
        Store_field(rec, 3, tmp);
        cell = caml_alloc(2, 0);
        Store_field(cell, 0, rec);
        Store_field(cell, 1, list);
        list = cell;
    }
    CAMLreturn(list);
}

static int
vkmlAuthCallback(virConnectCredentialPtr cred, unsigned int ncred,
                 void *opaque)
{
    CAMLparam0();
    CAMLlocal2(creds, res);
    value *cb = opaque;
    unsigned int i;

    creds = vkmlCredentials(cred, ncred);
    res = caml_callback_exn(*cb, creds);
    if (Is_exception_result(res))
        CAMLreturnT(int, -1);
    for (i = 0; i < ncred && res != Val_emptylist; i++, res = Field(res, 1)) {
        value answer = Field(res, 0);
        cred[i].result = NULL;
        cred[i].resultlen = 0;
        if (Is_block(answer)) {
            cred[i].result = strdup(String_val(Field(answer, 0)));
            cred[i].resultlen = caml_string_length(Field(answer, 0));
        }
    }
    CAMLreturnT(int, 0);
}

static value
vkmlConnectAuth(value name, value auth, unsigned int flags)
{
    CAMLparam2(name, auth);
    CAMLlocal2(cb, l);
    virConnectAuth a;
    int types[16];
    unsigned int n = 0;
    virConnectPtr conn;
    char *uri = NULL;

    cb = Field(auth, 1);
    for (l = Field(auth, 0); l != Val_emptylist && n < 16; l = Field(l, 1))
        types[n++] = Int_val(Field(l, 0)) + 1;
    a.credtype = types;
    a.ncredtype = n;
    a.cb = vkmlAuthCallback;
    a.cbdata = &cb;             /* a local root: it follows the closure */
    if (Is_block(name))
        uri = strdup(String_val(Field(name, 0)));
    conn = virConnectOpenAuth(uri, &a, flags);
    free(uri);
    CAMLreturn(vkmlConnResult(conn));
}

value vkml_connect_auth(value name, value auth);
value
vkml_connect_auth(value name, value auth)
{
    return vkmlConnectAuth(name, auth, 0);
}

value vkml_connect_auth_readonly(value name, value auth);
value
vkml_connect_auth_readonly(value name, value auth)
{
    return vkmlConnectAuth(name, auth, VIR_CONNECT_RO);
}

value vkml_auth_default_credtypes(value unit);
value
vkml_auth_default_credtypes(value unit)
{
    CAMLparam1(unit);
    CAMLlocal2(list, cell);
    int i;

    list = Val_emptylist;
    for (i = (int)virConnectAuthPtrDefault->ncredtype; i-- > 0;) {
        cell = caml_alloc(2, 0);
        Store_field(cell, 0, Val_int(virConnectAuthPtrDefault->credtype[i] - 1));
        Store_field(cell, 1, list);
        list = cell;
    }
    CAMLreturn(list);
}

/* The library's handler on credentials given as OCaml records. */
value vkml_auth_default_cb(value creds);
value
vkml_auth_default_cb(value creds)
{
    CAMLparam1(creds);
    CAMLlocal4(list, cell, l, tmp);
    virConnectCredential *cred;
    unsigned int n = 0, i;
    int r;

    for (l = creds; l != Val_emptylist; l = Field(l, 1))
        n++;
    cred = calloc(n + 1, sizeof(*cred));
    for (i = 0, l = creds; i < n; i++, l = Field(l, 1)) {
        value c = Field(l, 0);
        cred[i].type = Int_val(Field(c, 0)) + 1;
        cred[i].prompt = strdup(String_val(Field(c, 1)));
        if (Is_block(Field(c, 2)))
            cred[i].challenge = strdup(String_val(Field(Field(c, 2), 0)));
        if (Is_block(Field(c, 3)))
            cred[i].defresult = strdup(String_val(Field(Field(c, 3), 0)));
    }
    r = virConnectAuthPtrDefault->cb(cred, n, virConnectAuthPtrDefault->cbdata);
    list = Val_emptylist;
    for (i = n; i-- > 0;) {
        tmp = r == 0 ? vkmlStringOption(cred[i].result) : Val_int(0);
        cell = caml_alloc(2, 0);
        Store_field(cell, 0, tmp);
        Store_field(cell, 1, list);
        list = cell;
        free(cred[i].result);
        free((char *)cred[i].prompt);
        free((char *)cred[i].challenge);
        free((char *)cred[i].defresult);
    }
    free(cred);
    CAMLreturn(list);
}

/* The close callback: the closure lives in a generational global root
 * that the library's free callback releases. */
static void
vkmlCloseCallback(virConnectPtr conn, int reason, void *opaque)
{
    int released = vkmlCallbackEnter();
    value *cb = opaque;

    (void)conn;
    (void)caml_callback_exn(*cb, Val_int(reason));
    vkmlCallbackLeave(released);
}

static void
vkmlCloseFree(void *opaque)
{
    value *cb = opaque;

    caml_remove_generational_global_root(cb);
    free(cb);
}

value vkml_register_close_callback(value conn, value closure);
value
vkml_register_close_callback(value conn, value closure)
{
    CAMLparam2(conn, closure);
    value *cb = malloc(sizeof(*cb));

    *cb = closure;
    caml_register_generational_global_root(cb);
    if (virConnectRegisterCloseCallback(vkmlPtr(conn), vkmlCloseCallback, cb,
                                        vkmlCloseFree) < 0) {
        vkmlCloseFree(cb);
        vkmlRaise();
    }
    CAMLreturn(Val_unit);
}

value vkml_unregister_close_callback(value conn);
value
vkml_unregister_close_callback(value conn)
{
    CAMLparam1(conn);
    if (virConnectUnregisterCloseCallback(vkmlPtr(conn),
                                          vkmlCloseCallback) < 0)
        vkmlRaise();
    CAMLreturn(Val_unit);
}

/* CPU maps as ocaml-libvirt's: a string of bits, CPU n at bit n % 8 of
 * byte n / 8 */
value vkml_node_get_cpu_map(value conn, value flags);
value
vkml_node_get_cpu_map(value conn, value flags)
{
    CAMLparam2(conn, flags);
    CAMLlocal2(rv, map);
    unsigned char *cpumap = NULL;
    unsigned int online = 0;
    int n;

    n = virNodeGetCPUMap(vkmlPtr(conn), &cpumap, &online,
                         (unsigned int)Int_val(flags));
    if (n < 0)
        vkmlRaise();
    map = vkmlBytes((const char *)cpumap, cpumap ? (n + 7) / 8 : 0);
    free(cpumap);
    rv = caml_alloc_tuple(3);
    Store_field(rv, 0, Val_int(n));
    Store_field(rv, 1, map);
    Store_field(rv, 2, Val_int(online));
    CAMLreturn(rv);
}

value vkml_node_get_free_pages(value conn, value sizes, value start,
                               value cells, value flags);
value
vkml_node_get_free_pages(value conn, value sizes, value start, value cells,
                         value flags)
{
    CAMLparam5(conn, sizes, start, cells, flags);
    CAMLlocal3(rv, row, tmp);
    unsigned int npages = Wosize_val(sizes), i;
    int ncells = Int_val(cells), r, c;
    unsigned int *pages;
    unsigned long long *counts;

    if (ncells < 0)
        ncells = 0;
    pages = calloc(npages + 1, sizeof(*pages));
    counts = calloc((size_t)npages * ncells + 1, sizeof(*counts));
    if (!pages || !counts) {
        free(pages);
        free(counts);
        caml_raise_out_of_memory();
    }
    for (i = 0; i < npages; i++)
        pages[i] = (unsigned int)Long_val(Field(sizes, i));
    r = virNodeGetFreePages(vkmlPtr(conn), npages, pages, Int_val(start),
                            (unsigned int)ncells, counts,
                            (unsigned int)Int_val(flags));
    free(pages);
    if (r < 0) {
        free(counts);
        vkmlRaise();
    }
    /* r counts were filled: whole cells of npages each */
    ncells = npages ? r / (int)npages : 0;
    rv = caml_alloc(ncells, 0);
    for (c = 0; c < ncells; c++) {
        row = caml_alloc(npages, 0);
        for (i = 0; i < npages; i++) {
            tmp = caml_copy_int64(counts[(size_t)c * npages + i]);
            Store_field(row, i, tmp);
        }
        Store_field(rv, c, row);
    }
    free(counts);
    CAMLreturn(rv);
}

value vkml_node_alloc_pages(value conn, value pairs, value start,
                            value cells, value flags);
value
vkml_node_alloc_pages(value conn, value pairs, value start, value cells,
                      value flags)
{
    CAMLparam5(conn, pairs, start, cells, flags);
    unsigned int npages = Wosize_val(pairs), i;
    unsigned int *sizes = calloc(npages + 1, sizeof(*sizes));
    unsigned long long *counts = calloc(npages + 1, sizeof(*counts));
    int r;

    if (!sizes || !counts) {
        free(sizes);
        free(counts);
        caml_raise_out_of_memory();
    }
    for (i = 0; i < npages; i++) {
        sizes[i] = (unsigned int)Long_val(Field(Field(pairs, i), 0));
        counts[i] = (unsigned long long)Int64_val(Field(Field(pairs, i), 1));
    }
    r = virNodeAllocPages(vkmlPtr(conn), npages, sizes, counts,
                          Int_val(start), (unsigned int)Int_val(cells),
                          (unsigned int)Int_val(flags));
    free(sizes);
    free(counts);
    if (r < 0)
        vkmlRaise();
    CAMLreturn(Val_int(r));
}
