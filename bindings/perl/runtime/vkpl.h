/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The Perl binding's small runtime, shared by the generated XSUBs and
 * the overrides: handles as blessed scalar references, errors as
 * Sys::Virt::Error objects, 64-bit values. */
#ifndef VKPL_H
#define VKPL_H

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* A handle: a reference to a scalar holding the pointer, blessed into
 * the object's package, like Sys::Virt's. */
static inline SV *
vkplWrap(pTHX_ const char *package, void *ptr)
{
    SV *rv = newSV(0);
    sv_setref_pv(rv, package, ptr);
    return rv;
}

/* The handle in sv, or NULL after a warning when sv is not one (Sys::Virt
 * warns and returns undef rather than dying).  func and arg name the call
 * in the warning. */
static inline void *
vkplUnwrap(pTHX_ SV *sv, const char *package, const char *func,
           const char *arg)
{
    void *ptr;

    if (!sv_isobject(sv) || !sv_derived_from(sv, package)) {
        warn("%s() -- %s is not a blessed SV reference", func, arg);
        return NULL;
    }
    ptr = INT2PTR(void *, SvIV(SvRV(sv)));
    if (!ptr)
        warn("%s() -- %s is a closed %s handle", func, arg, package);
    return ptr;
}

/* Forget the pointer (after free), so a second DESTROY does nothing. */
static inline void
vkplClear(pTHX_ SV *sv)
{
    if (sv_isobject(sv))
        sv_setiv(SvRV(sv), 0);
}

static inline SV *
vkplErrorObject(pTHX_ const virError *err)
{
    HV *hv = newHV();
    (void)hv_stores(hv, "code", newSViv(err ? err->code : VIR_ERR_INTERNAL_ERROR));
    (void)hv_stores(hv, "domain", newSViv(err ? err->domain : VIR_FROM_NONE));
    (void)hv_stores(hv, "level", newSViv(err ? err->level : VIR_ERR_ERROR));
    (void)hv_stores(hv, "message",
                    (err && err->message) ? newSVpv(err->message, 0)
                                          : newSVpv("an error occurred", 0));
    return sv_bless(newRV_noinc((SV *)hv), gv_stashpv("Sys::Virt::Error", GV_ADD));
}

/* die with the thread's last libvirt error as a Sys::Virt::Error. */
static inline void
vkplCroakLast(pTHX)
{
    SV *obj = vkplErrorObject(aTHX_ virGetLastError());
    croak_sv(sv_2mortal(obj));
}

/* Values beyond an IV/UV on this perl travel as decimal strings, as in
 * Sys::Virt; on 64-bit perls they fit. */
static inline SV *
vkplNewSVll(long long v)
{
    dTHX;
    if (sizeof(IV) >= sizeof(long long))
        return newSViv((IV)v);
    return newSVpvf("%lld", v);
}

static inline SV *
vkplNewSVull(unsigned long long v)
{
    dTHX;
    if (sizeof(UV) >= sizeof(unsigned long long))
        return newSVuv((UV)v);
    return newSVpvf("%llu", v);
}

/* A C string as a new SV; NULL is undef. */
static inline SV *
vkplNewSVstr(const char *s)
{
    dTHX;
    return s ? newSVpv(s, 0) : newSV(0);
}

/* The bytes of a CPU map covering every host CPU (as Sys::Virt sizes
 * them: from virNodeGetInfo's topology). */
static inline int
vkplHostMapLen(pTHX_ virConnectPtr conn)
{
    virNodeInfo info;

    if (virNodeGetInfo(conn, &info) < 0)
        vkplCroakLast(aTHX);
    return VIR_CPU_MAPLEN(VIR_NODEINFO_MAXCPUS(info));
}

/* virConnectOpenAuth's callback: hands the credentials to the Perl code
 * (cbdata) as a list of hashes {type, prompt, challenge, defresult}; it
 * fills in each one's "result". */
static int
vkplAuthCallback(virConnectCredentialPtr cred, unsigned int ncred,
                 void *cbdata)
{
    dTHX;
    dSP;
    AV *list = newAV();
    unsigned int i;
    int count, ret = -1;

    for (i = 0; i < ncred; i++) {
        HV *hv = newHV();
        (void)hv_stores(hv, "type", newSViv(cred[i].type));
        (void)hv_stores(hv, "prompt", newSVpv(cred[i].prompt ? cred[i].prompt : "", 0));
        (void)hv_stores(hv, "challenge",
                        newSVpv(cred[i].challenge ? cred[i].challenge : "", 0));
        (void)hv_stores(hv, "defresult",
                        newSVpv(cred[i].defresult ? cred[i].defresult : "", 0));
        (void)hv_stores(hv, "result", newSV(0));
        av_push(list, newRV_noinc((SV *)hv));
    }

    ENTER;
    SAVETMPS;
    PUSHMARK(SP);
    XPUSHs(sv_2mortal(newRV_inc((SV *)list)));
    PUTBACK;
    count = call_sv((SV *)cbdata, G_SCALAR);
    SPAGAIN;
    if (count == 1)
        ret = POPi;
    PUTBACK;

    for (i = 0; ret == 0 && i < ncred; i++) {
        SV **e = av_fetch(list, i, 0);
        SV **res = e ? hv_fetchs((HV *)SvRV(*e), "result", 0) : NULL;
        if (res && SvOK(*res)) {
            STRLEN len;
            const char *s = SvPV(*res, len);
            cred[i].result = strndup(s, len);
            cred[i].resultlen = (unsigned int)len;
        } else {
            cred[i].result = NULL;
            cred[i].resultlen = 0;
        }
    }
    FREETMPS;
    LEAVE;
    SvREFCNT_dec((SV *)list);
    return ret;
}

/* A typed parameter list as a hash reference {field => value}. */
static inline SV *
vkplParamsToHV(pTHX_ virTypedParameterPtr params, int n)
{
    HV *hv = newHV();
    int i;

    for (i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];
        SV *v;
        switch (p->type) {
        case VIR_TYPED_PARAM_INT: v = newSViv(p->value.i); break;
        case VIR_TYPED_PARAM_UINT: v = newSVuv(p->value.ui); break;
        case VIR_TYPED_PARAM_LLONG: v = vkplNewSVll(p->value.l); break;
        case VIR_TYPED_PARAM_ULLONG: v = vkplNewSVull(p->value.ul); break;
        case VIR_TYPED_PARAM_DOUBLE: v = newSVnv(p->value.d); break;
        case VIR_TYPED_PARAM_BOOLEAN: v = newSViv(p->value.b); break;
        case VIR_TYPED_PARAM_STRING:
            v = p->value.s ? newSVpv(p->value.s, 0) : newSV(0);
            break;
        default: continue;
        }
        (void)hv_store(hv, p->field, strlen(p->field), v, 0);
    }
    return newRV_noinc((SV *)hv);
}

/* Keep, in the first entries of params (as a getter filled them, which
 * gives each name its type), those named in hv, with hv's values; answer
 * how many.  Names the getter does not know are ignored, as by Sys::Virt. */
static inline int
vkplParamsFromHV(pTHX_ HV *hv, virTypedParameterPtr params, int n)
{
    int i, kept = 0;

    for (i = 0; i < n; i++) {
        virTypedParameter p = params[i];
        SV **v = hv_fetch(hv, p.field, strlen(p.field), 0);
        if (!v) {
            if (p.type == VIR_TYPED_PARAM_STRING)
                free(p.value.s);
            continue;
        }
        switch (p.type) {
        case VIR_TYPED_PARAM_INT: p.value.i = (int)SvIV(*v); break;
        case VIR_TYPED_PARAM_UINT: p.value.ui = (unsigned int)SvUV(*v); break;
        case VIR_TYPED_PARAM_LLONG: p.value.l = (long long)SvIV(*v); break;
        case VIR_TYPED_PARAM_ULLONG:
            p.value.ul = (unsigned long long)SvUV(*v);
            break;
        case VIR_TYPED_PARAM_DOUBLE: p.value.d = SvNV(*v); break;
        case VIR_TYPED_PARAM_BOOLEAN: p.value.b = SvTRUE(*v) ? 1 : 0; break;
        case VIR_TYPED_PARAM_STRING:
            free(p.value.s);
            p.value.s = strdup(SvPV_nolen(*v));
            break;
        }
        params[kept++] = p;
    }
    return kept;
}

/* A typed parameter a setter takes, for setters with no getter to type
 * the hash's values (tables generated from perl-params.tsv).  type is a
 * VIR_TYPED_PARAM_*, or VKPL_PARAM_STRINGS: a string that may be given
 * several times (an array reference). */
#define VKPL_PARAM_STRINGS 100
typedef struct {
    const char *name;
    int type;
} vkplParamType;

/* The entries of hv that tab names, as a new typed parameter list (free
 * it with virTypedParamsFree); other keys are ignored, as by Sys::Virt. */
static inline void
vkplParamsFromTable(pTHX_ HV *hv, const vkplParamType *tab, size_t ntab,
                    virTypedParameterPtr *params, int *nparams)
{
    int max = 0, r = 0;
    size_t i;

    *params = NULL;
    *nparams = 0;
    for (i = 0; i < ntab && r == 0; i++) {
        const char *name = tab[i].name;
        SV **v = hv_fetch(hv, name, strlen(name), 0);
        if (!v || !SvOK(*v))
            continue;
        switch (tab[i].type) {
        case VIR_TYPED_PARAM_INT:
            r = virTypedParamsAddInt(params, nparams, &max, name, (int)SvIV(*v));
            break;
        case VIR_TYPED_PARAM_UINT:
            r = virTypedParamsAddUInt(params, nparams, &max, name,
                                      (unsigned int)SvUV(*v));
            break;
        case VIR_TYPED_PARAM_LLONG:
            r = virTypedParamsAddLLong(params, nparams, &max, name,
                                       (long long)SvIV(*v));
            break;
        case VIR_TYPED_PARAM_ULLONG:
            r = virTypedParamsAddULLong(params, nparams, &max, name,
                                        (unsigned long long)SvUV(*v));
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            r = virTypedParamsAddDouble(params, nparams, &max, name, SvNV(*v));
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            r = virTypedParamsAddBoolean(params, nparams, &max, name,
                                         SvTRUE(*v) ? 1 : 0);
            break;
        case VKPL_PARAM_STRINGS:
            if (SvROK(*v) && SvTYPE(SvRV(*v)) == SVt_PVAV) {
                AV *av = (AV *)SvRV(*v);
                SSize_t j;
                for (j = 0; j <= av_len(av) && r == 0; j++) {
                    SV **e = av_fetch(av, j, 0);
                    if (e && SvOK(*e))
                        r = virTypedParamsAddString(params, nparams, &max,
                                                    name, SvPV_nolen(*e));
                }
                break;
            }
            /* not an array: one string */
            /* fall through */
        default:
            r = virTypedParamsAddString(params, nparams, &max, name,
                                        SvPV_nolen(*v));
            break;
        }
    }
    if (r < 0) {
        virTypedParamsFree(*params, *nparams);
        *params = NULL;
        *nparams = 0;
        vkplCroakLast(aTHX);
    }
}

#endif /* VKPL_H */
