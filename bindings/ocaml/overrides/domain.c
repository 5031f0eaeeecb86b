/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Domain's hand-written C side: calls whose OCaml shape is
 * ocaml-libvirt's own (see domain.mli). */
#include <stdlib.h>
#include <string.h>
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include <caml/fail.h>
#include "vkml.h"

value vkmlWrap_virDomain(virDomainPtr p);               /* generated */
value vkmlRecord_virVcpuInfo(const virVcpuInfo *p);     /* generated */

value vkml_domain_get_scheduler_parameters(value dom, value n);
value
vkml_domain_get_scheduler_parameters(value dom, value n)
{
    CAMLparam2(dom, n);
    CAMLlocal1(rv);
    int nparams = Int_val(n) > 0 ? Int_val(n) : 0;
    virTypedParameterPtr params = calloc(nparams + 1, sizeof(*params));

    if (virDomainGetSchedulerParameters(vkmlPtr(dom), params, &nparams) < 0) {
        free(params);
        vkmlRaise();
    }
    /* sched_param_value's constructors are typed_param_value's first six */
    rv = vkmlParamsToValue(params, nparams);
    virTypedParamsFree(params, nparams);
    CAMLreturn(rv);
}

value vkml_domain_set_scheduler_parameters(value dom, value arr);
value
vkml_domain_set_scheduler_parameters(value dom, value arr)
{
    CAMLparam2(dom, arr);
    int n = 0;
    virTypedParameterPtr params = vkmlParamsFromValue(arr, &n);
    int r = virDomainSetSchedulerParameters(vkmlPtr(dom), params, n);

    virTypedParamsFree(params, n);
    if (r < 0)
        vkmlRaise();
    CAMLreturn(Val_unit);
}

value vkml_domain_get_vcpus(value dom, value maxinfo, value maplen);
value
vkml_domain_get_vcpus(value dom, value maxinfo, value maplen)
{
    CAMLparam3(dom, maxinfo, maplen);
    CAMLlocal4(rv, infos, maps, tmp);
    int max = Int_val(maxinfo) > 0 ? Int_val(maxinfo) : 0;
    int len = Int_val(maplen) > 0 ? Int_val(maplen) : 0;
    virVcpuInfoPtr info = calloc(max + 1, sizeof(*info));
    unsigned char *cpumaps = calloc((size_t)max * len + 1, 1);
    int r, i;

    r = virDomainGetVcpus(vkmlPtr(dom), info, max, cpumaps, len);
    if (r < 0) {
        free(info);
        free(cpumaps);
        vkmlRaise();
    }
    /* maxinfo records, as ocaml-libvirt answers: the ones past r are
     * zeroes (offline) */
    infos = caml_alloc(max, 0);
    for (i = 0; i < max; i++) {
        tmp = vkmlRecord_virVcpuInfo(&info[i]);
        Store_field(infos, i, tmp);
    }
    maps = vkmlBytes((const char *)cpumaps, (size_t)max * len);
    rv = caml_alloc_tuple(3);
    Store_field(rv, 0, Val_int(r));
    Store_field(rv, 1, infos);
    Store_field(rv, 2, maps);
    free(info);
    free(cpumaps);
    CAMLreturn(rv);
}

value vkml_domain_get_cpu_stats(value dom);
value
vkml_domain_get_cpu_stats(value dom)
{
    CAMLparam1(dom);
    CAMLlocal4(rv, list, cell, one);
    virDomainPtr d = vkmlPtr(dom);
    virTypedParameterPtr params;
    int ncpus, nparams, i, j;

    if ((ncpus = virDomainGetCPUStats(d, NULL, 0, 0, 0, 0)) < 0 ||
        (nparams = virDomainGetCPUStats(d, NULL, 0, 0, 1, 0)) < 0)
        vkmlRaise();
    params = calloc((size_t)ncpus * nparams + 1, sizeof(*params));
    if (nparams > 0 &&
        virDomainGetCPUStats(d, params, nparams, 0, ncpus, 0) < 0) {
        free(params);
        vkmlRaise();
    }
    rv = caml_alloc(ncpus, 0);
    for (i = 0; i < ncpus; i++) {
        list = Val_emptylist;
        for (j = nparams; j-- > 0;) {
            virTypedParameterPtr p = &params[i * nparams + j];
            if (p->type == 0)
                continue;       /* not reported for this CPU */
            one = vkmlParamsToValue(p, 1);
            cell = caml_alloc(2, 0);
            Store_field(cell, 0, Field(one, 0));
            Store_field(cell, 1, list);
            list = cell;
        }
        Store_field(rv, i, list);
    }
    virTypedParamsFree(params, ncpus * nparams);
    CAMLreturn(rv);
}

static const char *
vkmlOptString(value opt)
{
    return Is_block(opt) ? String_val(Field(opt, 0)) : NULL;
}

value vkml_domain_migrate(value dom, value dconn, value flags, value dname,
                          value uri, value bandwidth, value unit);
value
vkml_domain_migrate(value dom, value dconn, value flags, value dname,
                    value uri, value bandwidth, value unit)
{
    CAMLparam5(dom, dconn, flags, dname, uri);
    CAMLxparam2(bandwidth, unit);
    unsigned long bw = Is_block(bandwidth) ? Long_val(Field(bandwidth, 0)) : 0;
    virDomainPtr r;

    r = virDomainMigrate(vkmlPtr(dom), vkmlPtr(dconn), vkmlFlagList(flags),
                         vkmlOptString(dname), vkmlOptString(uri), bw);
    if (!r)
        vkmlRaise();
    CAMLreturn(vkmlWrap_virDomain(r));
}

value vkml_domain_migrate_bc(value *argv, int argn);
value
vkml_domain_migrate_bc(value *argv, int argn)
{
    (void)argn;
    return vkml_domain_migrate(argv[0], argv[1], argv[2], argv[3], argv[4],
                               argv[5], argv[6]);
}

/* buf is an OCaml string written in place, as ocaml-libvirt does */
static void
vkmlPeekCheck(value buf, int size, int boff)
{
    if (size < 0 || boff < 0 ||
        (size_t)boff + size > caml_string_length(buf))
        caml_invalid_argument("buffer too small");
}

value vkml_domain_block_peek(value dom, value path, value offset, value size,
                             value buf, value boff);
value
vkml_domain_block_peek(value dom, value path, value offset, value size,
                       value buf, value boff)
{
    CAMLparam5(dom, path, offset, size, buf);
    CAMLxparam1(boff);

    vkmlPeekCheck(buf, Int_val(size), Int_val(boff));
    if (virDomainBlockPeek(vkmlPtr(dom), String_val(path), Int64_val(offset),
                           Int_val(size), Bytes_val(buf) + Int_val(boff),
                           0) < 0)
        vkmlRaise();
    CAMLreturn(Val_unit);
}

value vkml_domain_block_peek_bc(value *argv, int argn);
value
vkml_domain_block_peek_bc(value *argv, int argn)
{
    (void)argn;
    return vkml_domain_block_peek(argv[0], argv[1], argv[2], argv[3],
                                  argv[4], argv[5]);
}

value vkml_domain_memory_peek(value dom, value flags, value offset,
                              value size, value buf, value boff);
value
vkml_domain_memory_peek(value dom, value flags, value offset, value size,
                        value buf, value boff)
{
    CAMLparam5(dom, flags, offset, size, buf);
    CAMLxparam1(boff);

    vkmlPeekCheck(buf, Int_val(size), Int_val(boff));
    if (virDomainMemoryPeek(vkmlPtr(dom), Int64_val(offset), Int_val(size),
                            Bytes_val(buf) + Int_val(boff),
                            vkmlFlagList(flags)) < 0)
        vkmlRaise();
    CAMLreturn(Val_unit);
}

value vkml_domain_memory_peek_bc(value *argv, int argn);
value
vkml_domain_memory_peek_bc(value *argv, int argn)
{
    (void)argn;
    return vkml_domain_memory_peek(argv[0], argv[1], argv[2], argv[3],
                                   argv[4], argv[5]);
}

/* get_all_domain_stats_flag, constructor by constructor */
static const unsigned int vkmlStatsFlags[] = {
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING,
    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS,
};

/* domain_stats_record array of the library's records, which it frees */
static value
vkmlStatsRecords(virDomainStatsRecordPtr *records, int r)
{
    CAMLparam0();
    CAMLlocal3(rv, rec, tmp);
    unsigned char uuid[VIR_UUID_BUFLEN];
    int i;

    rv = caml_alloc(r, 0);
    for (i = 0; i < r; i++) {
        rec = caml_alloc(2, 0);
        memset(uuid, 0, sizeof(uuid));
        virDomainGetUUID(records[i]->dom, uuid);
        tmp = vkmlBytes((const char *)uuid, VIR_UUID_BUFLEN);
        Store_field(rec, 0, tmp);
        tmp = vkmlParamsToValue(records[i]->params, records[i]->nparams);
        Store_field(rec, 1, tmp);
        Store_field(rv, i, rec);
    }
    virDomainStatsRecordListFree(records);
    CAMLreturn(rv);
}

static unsigned int
vkmlStatsFlagList(value l)
{
    unsigned int f = 0;

    for (; l != Val_emptylist; l = Field(l, 1))
        f |= vkmlStatsFlags[Int_val(Field(l, 0))];
    return f;
}

value ocaml_libvirt_domain_get_all_domain_stats(value conn, value stats, value flags);
value
ocaml_libvirt_domain_get_all_domain_stats(value conn, value stats, value flags)
{
    CAMLparam3(conn, stats, flags);
    virDomainStatsRecordPtr *records = NULL;
    int r;

    r = virConnectGetAllDomainStats(vkmlPtr(conn), vkmlFlagList(stats),
                                    &records, vkmlStatsFlagList(flags));
    if (r < 0)
        vkmlRaise();
    CAMLreturn(vkmlStatsRecords(records, r));
}

/* the same for the domains given (a NULL-terminated array of handles) */
value vkml_domain_list_get_stats(value doms, value stats, value flags);
value
vkml_domain_list_get_stats(value doms, value stats, value flags)
{
    CAMLparam3(doms, stats, flags);
    mlsize_t n = Wosize_val(doms), i;
    virDomainPtr *list = calloc(n + 1, sizeof(*list));
    virDomainStatsRecordPtr *records = NULL;
    int r;

    if (!list)
        caml_raise_out_of_memory();
    for (i = 0; i < n; i++)
        list[i] = vkmlPtr(Field(doms, i));
    r = virDomainListGetStats(list, vkmlFlagList(stats), &records,
                              vkmlStatsFlagList(flags));
    free(list);
    if (r < 0)
        vkmlRaise();
    CAMLreturn(vkmlStatsRecords(records, r));
}
