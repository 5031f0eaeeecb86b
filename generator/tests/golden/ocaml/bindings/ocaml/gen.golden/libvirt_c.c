/* Generated from api/virt-api.xml by generator/targets/ocaml.py. DO NOT EDIT. */
#include <stdlib.h>
#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#define CAML_NAME_SPACE
#include <caml/mlvalues.h>
#include <caml/memory.h>
#include <caml/alloc.h>
#include <caml/fail.h>
#include <caml/callback.h>
#include <caml/signals.h>
#include "vkml.h"

/* One kind per handle type: how its last reference is dropped. */
const vkmlKind vkmlKinds[] = {
    { "virConnect", (vkmlFreeFunc)virConnectClose },
    { "virDomain", (vkmlFreeFunc)virDomainFree },
    { NULL, NULL }
};

value vkmlWrap_virConnect(virConnectPtr p);
value
vkmlWrap_virConnect(virConnectPtr p)
{
    return vkmlWrapKind(p, 0);
}

value vkmlWrap_virDomain(virDomainPtr p);
value
vkmlWrap_virDomain(virDomainPtr p)
{
    return vkmlWrapKind(p, 1);
}

value
vkmlErrorCode(int code)
{
    switch (code) {
    }
    return vkmlUnknown(code);
}

value
vkmlErrorDomain(int domain)
{
    switch (domain) {
    }
    return vkmlUnknown(domain);
}

/* Connect.open_: virConnectOpen */
value vkml_connect_open_(value v0, value v1);
value
vkml_connect_open_(value v0, value v1)
{
    CAMLparam2(v0, v1);
    CAMLlocal2(rv, tmp);
    virConnectPtr r;

    r = virConnectOpen((Is_block(v0) ? String_val(Field(v0, 0)) : NULL));
    if (r == NULL) {
        vkmlRaise();
    }
    rv = vkmlWrap_virConnect(r);
    CAMLreturn(rv);
}

/* Connect.close: virConnectClose */
value vkml_connect_close(value v0);
value
vkml_connect_close(value v0)
{
    CAMLparam1(v0);
    CAMLlocal2(rv, tmp);
    vkmlFree(v0);
    CAMLreturn(Val_unit);
}

/* Connect.get_type: virConnectGetType */
value vkml_connect_get_type(value v0);
value
vkml_connect_get_type(value v0)
{
    CAMLparam1(v0);
    CAMLlocal2(rv, tmp);
    virConnectPtr a_conn = (virConnectPtr)vkmlPtr(v0);
    const char *r;

    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virConnectGetType(a_conn);
    vkmlBlockingLeave();
    if (r == NULL) {
        vkmlRaise();
    }
    rv = caml_copy_string(r);
    CAMLreturn(rv);
}

/* Domain.lookup_by_name: virDomainLookupByName */
value vkml_domain_lookup_by_name(value v0, value v1);
value
vkml_domain_lookup_by_name(value v0, value v1)
{
    CAMLparam2(v0, v1);
    CAMLlocal2(rv, tmp);
    virConnectPtr a_conn = (virConnectPtr)vkmlPtr(v0);
    virDomainPtr r;

    r = virDomainLookupByName(a_conn, String_val(v1));
    if (r == NULL) {
        vkmlRaise();
    }
    rv = vkmlWrap_virDomain(r);
    CAMLreturn(rv);
}

/* Domain.restore: virDomainRestore */
value vkml_domain_restore(value v0, value v1);
value
vkml_domain_restore(value v0, value v1)
{
    CAMLparam2(v0, v1);
    CAMLlocal2(rv, tmp);
    virConnectPtr a_conn = (virConnectPtr)vkmlPtr(v0);
    int r;

    r = virDomainRestore(a_conn, String_val(v1));
    if (r < 0) {
        vkmlRaise();
    }
    rv = Val_unit;
    CAMLreturn(rv);
}

/* Domain.destroy_flags: virDomainDestroyFlags */
value vkml_domain_destroy_flags(value v0, value v1);
value
vkml_domain_destroy_flags(value v0, value v1)
{
    CAMLparam2(v0, v1);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    int r;

    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virDomainDestroyFlags(a_domain, (unsigned int)Int_val(v1));
    vkmlBlockingLeave();
    if (r < 0) {
        vkmlRaise();
    }
    rv = Val_unit;
    CAMLreturn(rv);
}

/* Domain.get_xml_desc: virDomainGetXMLDesc */
value vkml_domain_get_xml_desc(value v0);
value
vkml_domain_get_xml_desc(value v0)
{
    CAMLparam1(v0);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    char *r;

    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virDomainGetXMLDesc(a_domain, 0);
    vkmlBlockingLeave();
    if (r == NULL) {
        vkmlRaise();
    }
    rv = caml_copy_string(r);
    free(r);
    CAMLreturn(rv);
}

/* Domain.get_xml_desc_flags: virDomainGetXMLDesc */
value vkml_domain_get_xml_desc_flags(value v0, value v1);
value
vkml_domain_get_xml_desc_flags(value v0, value v1)
{
    CAMLparam2(v0, v1);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    char *r;

    r = virDomainGetXMLDesc(a_domain, (unsigned int)vkmlFlagList(v1));
    if (r == NULL) {
        vkmlRaise();
    }
    rv = caml_copy_string(r);
    free(r);
    CAMLreturn(rv);
}

/* Domain.get_state: virDomainGetState */
value vkml_domain_get_state(value v0, value v1);
value
vkml_domain_get_state(value v0, value v1)
{
    CAMLparam2(v0, v1);
    CAMLlocal2(rv, tmp);
    CAMLlocalN(o, 2);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    int a_state = 0;
    int a_reason = 0;
    int r;

    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virDomainGetState(a_domain, &a_state, &a_reason, (unsigned int)Int_val(v1));
    vkmlBlockingLeave();
    if (r < 0) {
        vkmlRaise();
    }
    o[0] = Val_long(a_state);
    o[1] = Val_long(a_reason);
    rv = caml_alloc_tuple(2);
    Store_field(rv, 0, o[0]);
    Store_field(rv, 1, o[1]);
    CAMLreturn(rv);
}

/* Domain.set_scheduler_parameters_flags: virDomainSetSchedulerParametersFlags */
value vkml_domain_set_scheduler_parameters_flags(value v0, value v1, value v2);
value
vkml_domain_set_scheduler_parameters_flags(value v0, value v1, value v2)
{
    CAMLparam3(v0, v1, v2);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    virTypedParameterPtr a_params = NULL;
    int a_nparams = 0;
    int r;

    a_params = vkmlParamsFromValue(v1, (int *)&a_nparams);
    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virDomainSetSchedulerParametersFlags(a_domain, a_params, a_nparams, (unsigned int)Int_val(v2));
    vkmlBlockingLeave();
    if (r < 0) {
        virTypedParamsFree(a_params, a_nparams);
        vkmlRaise();
    }
    rv = Val_unit;
    virTypedParamsFree(a_params, a_nparams);
    CAMLreturn(rv);
}

/* Domain.set_metadata: virDomainSetMetadata */
value vkml_domain_set_metadata(value v0, value v1, value v2);
value
vkml_domain_set_metadata(value v0, value v1, value v2)
{
    CAMLparam3(v0, v1, v2);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    int r;

    r = virDomainSetMetadata(a_domain, (Is_block(v1) ? String_val(Field(v1, 0)) : NULL), (unsigned int)Int_val(v2));
    if (r < 0) {
        vkmlRaise();
    }
    rv = Val_unit;
    CAMLreturn(rv);
}

/* Domain.free: virDomainFree */
value vkml_domain_free(value v0);
value
vkml_domain_free(value v0)
{
    CAMLparam1(v0);
    CAMLlocal2(rv, tmp);
    vkmlFree(v0);
    CAMLreturn(Val_unit);
}

/* Domain.get_name: virDomainGetName */
value vkml_domain_get_name(value v0);
value
vkml_domain_get_name(value v0)
{
    CAMLparam1(v0);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    const char *r;

    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virDomainGetName(a_domain);
    vkmlBlockingLeave();
    if (r == NULL) {
        vkmlRaise();
    }
    rv = caml_copy_string(r);
    CAMLreturn(rv);
}

/* Domain.get_id: virDomainGetID */
value vkml_domain_get_id(value v0);
value
vkml_domain_get_id(value v0)
{
    CAMLparam1(v0);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    unsigned int r;

    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virDomainGetID(a_domain);
    vkmlBlockingLeave();
    if (r == (unsigned int)-1) {
        vkmlRaise();
    }
    rv = Val_long(r);
    CAMLreturn(rv);
}

/* Domain.get_uuid: virDomainGetUUID */
value vkml_domain_get_uuid(value v0);
value
vkml_domain_get_uuid(value v0)
{
    CAMLparam1(v0);
    CAMLlocal2(rv, tmp);
    virDomainPtr a_domain = (virDomainPtr)vkmlPtr(v0);
    unsigned char a_uuid[VIR_UUID_BUFLEN];
    int r;

    /* only C values in the call: other OCaml threads may run meanwhile */
    vkmlBlockingEnter();
    r = virDomainGetUUID(a_domain, a_uuid);
    vkmlBlockingLeave();
    if (r < 0) {
        vkmlRaise();
    }
    rv = vkmlBytes((const char *)a_uuid, VIR_UUID_BUFLEN);
    CAMLreturn(rv);
}

