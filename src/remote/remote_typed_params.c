/* remote_typed_params.c: typed parameters <-> remote_typed_param; see
 * remote_typed_params.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "remote/remote_driver.h"
#include "remote/remote_typed_params.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_RPC


int
remoteTypedParamsToWire(const virTypedParameter *params, int nparams,
                        u_int limit, remote_typed_param **val, u_int *len)
{
    remote_typed_param *out;
    int i;

    *val = NULL;
    *len = 0;
    if (nparams < 0 || (u_int)nparams > limit) {
        virReportError(VIR_ERR_RPC, "too many typed parameters '%d' for "
                       "limit '%u'", nparams, limit);
        return -1;
    }
    out = g_new0(remote_typed_param, MAX(nparams, 1));
    for (i = 0; i < nparams; i++) {
        const virTypedParameter *p = &params[i];
        remote_typed_param_value *v = &out[i].value;

        out[i].field = g_strdup(p->field);
        v->type = p->type;
        switch (p->type) {
        case VIR_TYPED_PARAM_INT:
            v->remote_typed_param_value_u.i = p->value.i;
            break;
        case VIR_TYPED_PARAM_UINT:
            v->remote_typed_param_value_u.ui = p->value.ui;
            break;
        case VIR_TYPED_PARAM_LLONG:
            v->remote_typed_param_value_u.l = p->value.l;
            break;
        case VIR_TYPED_PARAM_ULLONG:
            v->remote_typed_param_value_u.ul = p->value.ul;
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            v->remote_typed_param_value_u.d = p->value.d;
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            v->remote_typed_param_value_u.b = p->value.b;
            break;
        case VIR_TYPED_PARAM_STRING:
            v->remote_typed_param_value_u.s = g_strdup(p->value.s ?
                                                       p->value.s : "");
            break;
        default:
            remoteTypedParamsWireFree(out, i + 1);
            virReportError(VIR_ERR_RPC, "unknown parameter type: %d",
                           p->type);
            return -1;
        }
    }
    *val = out;
    *len = nparams;
    return 0;
}


void
remoteTypedParamsWireFree(remote_typed_param *val, u_int len)
{
    u_int i;

    if (!val)
        return;
    for (i = 0; i < len; i++) {
        g_free(val[i].field);
        if (val[i].value.type == VIR_TYPED_PARAM_STRING)
            g_free(val[i].value.remote_typed_param_value_u.s);
    }
    g_free(val);
}


/* One wire parameter into *p (zeroed first). */
static int
paramFromWire(const remote_typed_param *w, virTypedParameterPtr p)
{
    const remote_typed_param_value *v = &w->value;

    memset(p, 0, sizeof(*p));
    if (!w->field || strlen(w->field) >= VIR_TYPED_PARAM_FIELD_LENGTH) {
        virReportError(VIR_ERR_RPC, "parameter field name too long: %s",
                       w->field ? w->field : "(null)");
        return -1;
    }
    strcpy(p->field, w->field);
    p->type = v->type;
    switch (v->type) {
    case VIR_TYPED_PARAM_INT:
        p->value.i = v->remote_typed_param_value_u.i;
        break;
    case VIR_TYPED_PARAM_UINT:
        p->value.ui = v->remote_typed_param_value_u.ui;
        break;
    case VIR_TYPED_PARAM_LLONG:
        p->value.l = v->remote_typed_param_value_u.l;
        break;
    case VIR_TYPED_PARAM_ULLONG:
        p->value.ul = v->remote_typed_param_value_u.ul;
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        p->value.d = v->remote_typed_param_value_u.d;
        break;
    case VIR_TYPED_PARAM_BOOLEAN:
        p->value.b = v->remote_typed_param_value_u.b;
        break;
    case VIR_TYPED_PARAM_STRING:
        p->value.s = g_strdup(v->remote_typed_param_value_u.s);
        break;
    default:
        virReportError(VIR_ERR_RPC, "unknown parameter type: %d", v->type);
        p->type = 0;
        return -1;
    }
    return 0;
}


int
remoteTypedParamsFromWire(const remote_typed_param *val, u_int len,
                          u_int limit, virTypedParameterPtr *params,
                          int *nparams)
{
    virTypedParameterPtr out;
    u_int i;

    *params = NULL;
    *nparams = 0;
    if (len > limit) {
        virReportError(VIR_ERR_RPC, "too many typed parameters '%u' for "
                       "limit '%u'", len, limit);
        return -1;
    }
    out = g_new0(virTypedParameter, MAX(len, 1));
    for (i = 0; i < len; i++) {
        if (paramFromWire(&val[i], &out[i]) < 0) {
            virTypedParamsFree(out, i);
            return -1;
        }
    }
    *params = out;
    *nparams = len;
    return 0;
}


int
remoteTypedParamsFromWireInto(const remote_typed_param *val, u_int len,
                              virTypedParameterPtr params, int *nparams)
{
    u_int i;

    if (*nparams < 0 || len > (u_int)*nparams) {
        virReportError(VIR_ERR_RPC, "too many typed parameters '%u' for "
                       "limit '%d'", len, *nparams);
        return -1;
    }
    for (i = 0; i < len; i++) {
        if (paramFromWire(&val[i], &params[i]) < 0) {
            virTypedParamsClear(params, i);
            return -1;
        }
    }
    *nparams = len;
    return 0;
}


/* virConnectSupportsFeature's value for string typed parameters. */
#define FEATURE_TYPED_PARAM_STRING 9

unsigned int
remoteTypedParamStringOkay(virConnectPtr conn)
{
    remotePriv *priv = conn->privateData;
    remote_connect_supports_feature_args args = { FEATURE_TYPED_PARAM_STRING };
    remote_connect_supports_feature_ret ret = { 0 };
    int known;

    priv = remotePrivLock(conn);
    known = priv->typedParamString;
    remotePrivUnlock(priv);
    if (!known) {
        if (remoteCall(conn, REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
                       (xdrproc_t)xdr_remote_connect_supports_feature_args,
                       &args,
                       (xdrproc_t)xdr_remote_connect_supports_feature_ret,
                       &ret) < 0) {
            /* The call itself will report what is wrong. */
            virResetLastError();
            return 0;
        }
        known = ret.supported ? 1 : 2;
        priv = remotePrivLock(conn);
        priv->typedParamString = known;
        remotePrivUnlock(priv);
    }
    return known == 1 ? VIR_TYPED_PARAM_STRING_OKAY : 0;
}
