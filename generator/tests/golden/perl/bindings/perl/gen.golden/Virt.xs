/* Generated from api/virt-api.xml by generator/targets/perl.py. DO NOT EDIT. */
#include "EXTERN.h"
#include "perl.h"
#include "XSUB.h"
#include <stdlib.h>
#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include "vkpl.h"
#include "vkpl-events.h"
#include "vkpl-loop.h"

static void
vkplIgnoreError(void *opaque, virErrorPtr err)
{
    /* errors reach Perl as Sys::Virt::Error objects, not on stderr */
    (void)opaque;
    (void)err;
}

/* The parameters of setters with no getter, typed (perl-params.tsv). */

/* The key memory_stats gives a virDomainMemoryStatTags value, or NULL. */
static const char *
vkplMemoryStatName(int tag)
{
    switch (tag) {
    default: return NULL;
    }
}

/* Object events: one C callback per callback typedef of the IDL, each
 * calling the Perl code with (conn, object, the event's values). */
MODULE = Sys::Virt  PACKAGE = Sys::Virt

PROTOTYPES: DISABLE

BOOT:
    virInitialize();
    virSetErrorFunc(NULL, vkplIgnoreError);

MODULE = Sys::Virt  PACKAGE = Sys::Virt

void
get_type(...)
  PPCODE:
    {
        virConnectPtr a_conn;
        const char *ret;
        if (items < 1 || items > 1)
            croak_xs_usage(cv, "conn");
        a_conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt", "Sys::Virt::get_type", "conn");
        if (!a_conn) XSRETURN_UNDEF;
        ret = virConnectGetType(a_conn);
        if (ret == NULL) {
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSVpv(ret, 0));
    }

void
get_domain_by_name(...)
  PPCODE:
    {
        virConnectPtr a_conn;
        const char *a_name;
        virDomainPtr ret;
        if (items < 2 || items > 2)
            croak_xs_usage(cv, "conn, name");
        a_conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt", "Sys::Virt::get_domain_by_name", "conn");
        if (!a_conn) XSRETURN_UNDEF;
        a_name = (items > 1 && SvOK(ST(1))) ? SvPV_nolen(ST(1)) : NULL;
        ret = virDomainLookupByName(a_conn, a_name);
        if (ret == NULL) {
            vkplCroakLast(aTHX);
        }
        mXPUSHs(vkplWrap(aTHX_ "Sys::Virt::Domain", ret));
    }

void
restore(...)
  PPCODE:
    {
        virConnectPtr a_conn;
        const char *a_from;
        int ret;
        if (items < 2 || items > 2)
            croak_xs_usage(cv, "conn, from");
        a_conn = (virConnectPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt", "Sys::Virt::restore", "conn");
        if (!a_conn) XSRETURN_UNDEF;
        a_from = (items > 1 && SvOK(ST(1))) ? SvPV_nolen(ST(1)) : NULL;
        ret = virDomainRestore(a_conn, a_from);
        if (ret == -1) {
            vkplCroakLast(aTHX);
        }
    }

MODULE = Sys::Virt  PACKAGE = Sys::Virt::Domain

void
destroy(...)
  PPCODE:
    {
        virDomainPtr a_domain;
        unsigned int a_flags;
        int ret;
        if (items < 1 || items > 2)
            croak_xs_usage(cv, "domain, flags=0");
        a_domain = (virDomainPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Domain", "Sys::Virt::Domain::destroy", "domain");
        if (!a_domain) XSRETURN_UNDEF;
        a_flags = items > 1 ? (unsigned int)SvUV(ST(1)) : 0;
        ret = virDomainDestroyFlags(a_domain, a_flags);
        if (ret == -1) {
            vkplCroakLast(aTHX);
        }
    }

void
get_xml_description(...)
  PPCODE:
    {
        virDomainPtr a_domain;
        unsigned int a_flags;
        char *ret;
        if (items < 1 || items > 2)
            croak_xs_usage(cv, "domain, flags=0");
        a_domain = (virDomainPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Domain", "Sys::Virt::Domain::get_xml_description", "domain");
        if (!a_domain) XSRETURN_UNDEF;
        a_flags = items > 1 ? (unsigned int)SvUV(ST(1)) : 0;
        ret = virDomainGetXMLDesc(a_domain, a_flags);
        if (ret == NULL) {
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSVpv(ret, 0));
        free(ret);
    }

void
set_metadata(...)
  PPCODE:
    {
        virDomainPtr a_domain;
        const char *a_metadata;
        unsigned int a_flags;
        int ret;
        if (items < 1 || items > 3)
            croak_xs_usage(cv, "domain, metadata=undef, flags=0");
        a_domain = (virDomainPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Domain", "Sys::Virt::Domain::set_metadata", "domain");
        if (!a_domain) XSRETURN_UNDEF;
        a_metadata = (items > 1 && SvOK(ST(1))) ? SvPV_nolen(ST(1)) : NULL;
        a_flags = items > 2 ? (unsigned int)SvUV(ST(2)) : 0;
        ret = virDomainSetMetadata(a_domain, a_metadata, a_flags);
        if (ret == -1) {
            vkplCroakLast(aTHX);
        }
    }

void
get_name(...)
  PPCODE:
    {
        virDomainPtr a_domain;
        const char *ret;
        if (items < 1 || items > 1)
            croak_xs_usage(cv, "domain");
        a_domain = (virDomainPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Domain", "Sys::Virt::Domain::get_name", "domain");
        if (!a_domain) XSRETURN_UNDEF;
        ret = virDomainGetName(a_domain);
        if (ret == NULL) {
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSVpv(ret, 0));
    }

void
get_id(...)
  PPCODE:
    {
        virDomainPtr a_domain;
        unsigned int ret;
        if (items < 1 || items > 1)
            croak_xs_usage(cv, "domain");
        a_domain = (virDomainPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Domain", "Sys::Virt::Domain::get_id", "domain");
        if (!a_domain) XSRETURN_UNDEF;
        ret = virDomainGetID(a_domain);
        if (ret == (unsigned int)-1) {
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSVuv(ret));
    }

void
get_uuid(...)
  PPCODE:
    {
        virDomainPtr a_domain;
        unsigned char a_uuid[VIR_UUID_BUFLEN];
        int ret;
        if (items < 1 || items > 1)
            croak_xs_usage(cv, "domain");
        a_domain = (virDomainPtr)vkplUnwrap(aTHX_ ST(0), "Sys::Virt::Domain", "Sys::Virt::Domain::get_uuid", "domain");
        if (!a_domain) XSRETURN_UNDEF;
        ret = virDomainGetUUID(a_domain, a_uuid);
        if (ret == -1) {
            vkplCroakLast(aTHX);
        }
        mXPUSHs(newSVpvn((char *)a_uuid, VIR_UUID_BUFLEN));
    }

MODULE = Sys::Virt  PACKAGE = Sys::Virt

void
DESTROY(self)
    SV *self
  CODE:
    {
        virConnectPtr obj = sv_isobject(self) ?
            INT2PTR(virConnectPtr, SvIV(SvRV(self))) : NULL;
        if (obj) {
            virConnectClose(obj);
            vkplClear(aTHX_ self);
        }
    }

MODULE = Sys::Virt  PACKAGE = Sys::Virt::Domain

void
DESTROY(self)
    SV *self
  CODE:
    {
        virDomainPtr obj = sv_isobject(self) ?
            INT2PTR(virDomainPtr, SvIV(SvRV(self))) : NULL;
        if (obj) {
            virDomainFree(obj);
            vkplClear(aTHX_ self);
        }
    }

