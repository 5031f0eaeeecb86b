/* remote-typed-params-test.c: typed parameters to their wire form and
 * back, the limits, and bad wire input (unknown types, long names).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "remote/remote_typed_params.h"
#include "util/virerror.h"
#include "util/virtypedparam.h"
#include "tap.h"


static void
roundTrip(void)
{
    virTypedParameter in[7];
    remote_typed_param *val = NULL;
    virTypedParameterPtr out = NULL;
    virTypedParameter into[8];
    u_int len = 0;
    int n = 0, cap;

    memset(in, 0, sizeof(in));
    virTypedParameterAssign(&in[0], "i", VIR_TYPED_PARAM_INT, -5);
    virTypedParameterAssign(&in[1], "ui", VIR_TYPED_PARAM_UINT, 7U);
    virTypedParameterAssign(&in[2], "l", VIR_TYPED_PARAM_LLONG, -(1LL << 40));
    virTypedParameterAssign(&in[3], "ul", VIR_TYPED_PARAM_ULLONG, ~0ULL);
    virTypedParameterAssign(&in[4], "d", VIR_TYPED_PARAM_DOUBLE, 2.5);
    virTypedParameterAssign(&in[5], "b", VIR_TYPED_PARAM_BOOLEAN, 1);
    virTypedParameterAssign(&in[6], "s", VIR_TYPED_PARAM_STRING, "text");

    ok(remoteTypedParamsToWire(in, 7, 16, &val, &len) == 0 && len == 7,
       "seven parameters of every type go to the wire");
    is_int(val[6].value.type, VIR_TYPED_PARAM_STRING, "the string's type");
    ok(remoteTypedParamsFromWire(val, len, 16, &out, &n) == 0 && n == 7,
       "and come back");
    is_int(out[0].value.i, -5, "int");
    is_int(out[1].value.ui, 7, "unsigned int");
    ok(out[2].value.l == -(1LL << 40), "long long");
    ok(out[3].value.ul == ~0ULL, "unsigned long long");
    ok(out[4].value.d == 2.5, "double");
    is_int(out[5].value.b, 1, "boolean");
    is_str(out[6].value.s, "text", "string");
    is_str(out[6].field, "s", "field name");
    virTypedParamsFree(out, n);

    cap = 8;
    memset(into, 0, sizeof(into));
    ok(remoteTypedParamsFromWireInto(val, len, into, &cap) == 0 && cap == 7,
       "into the caller's array of 8: 7 filled");
    virTypedParamsClear(into, cap);
    cap = 3;
    ok(remoteTypedParamsFromWireInto(val, len, into, &cap) < 0,
       "into an array of 3: refused");
    is_int(virGetLastErrorCode(), VIR_ERR_RPC, "with VIR_ERR_RPC");

    ok(remoteTypedParamsFromWire(val, len, 6, &out, &n) < 0 && !out,
       "more than the limit from the wire: refused");
    remoteTypedParamsWireFree(val, len);
    ok(remoteTypedParamsToWire(in, 7, 6, &val, &len) < 0 && !val,
       "more than the limit to the wire: refused");
    virTypedParamsClear(in, 7);
}


static void
badWire(void)
{
    remote_typed_param w[2];
    virTypedParameterPtr out = NULL;
    int n = -1;
    char longname[100];

    memset(w, 0, sizeof(w));
    w[0].field = (char *)"a";
    w[0].value.type = VIR_TYPED_PARAM_STRING;
    w[0].value.remote_typed_param_value_u.s = (char *)"x";
    w[1].field = (char *)"b";
    w[1].value.type = 99;
    ok(remoteTypedParamsFromWire(w, 2, 16, &out, &n) < 0 && !out && n == 0,
       "an unknown type from the wire is refused, nothing leaks");
    ok(strstr(virGetLastErrorMessage(), "unknown parameter type: 99") != NULL,
       "naming the type: %s", virGetLastErrorMessage());

    memset(longname, 'x', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    w[1].field = longname;
    w[1].value.type = VIR_TYPED_PARAM_INT;
    ok(remoteTypedParamsFromWire(w, 2, 16, &out, &n) < 0,
       "a field name longer than VIR_TYPED_PARAM_FIELD_LENGTH is refused");
    w[1].field = NULL;
    ok(remoteTypedParamsFromWire(w, 2, 16, &out, &n) < 0,
       "a missing field name is refused");
}


int
main(void)
{
    roundTrip();
    badWire();
    return tap_done();
}
