/* remote_typed_params.h: typed parameters <-> their wire form
 * (remote_typed_param), for both the remote driver and the daemon.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "datatypes.h"
#include "gen/remote_protocol.h"

/* A new wire array holding copies of params (strings too); more than
 * `limit` is an error.  0, or -1 with an error set. */
int remoteTypedParamsToWire(const virTypedParameter *params, int nparams,
                            u_int limit, remote_typed_param **val,
                            u_int *len);

/* Free a wire array made by remoteTypedParamsToWire (NULL is fine). */
void remoteTypedParamsWireFree(remote_typed_param *val, u_int len);

/* A new array of typed parameters from the wire form; free it with
 * virTypedParamsFree.  0, or -1 with an error set. */
int remoteTypedParamsFromWire(const remote_typed_param *val, u_int len,
                              u_int limit, virTypedParameterPtr *params,
                              int *nparams);

/* Fill the caller's array of *nparams entries; *nparams becomes the
 * number received.  0, or -1 with an error set. */
int remoteTypedParamsFromWireInto(const remote_typed_param *val, u_int len,
                                  virTypedParameterPtr params, int *nparams);

/* VIR_TYPED_PARAM_STRING_OKAY if the server of remote connection `conn`
 * returns string parameters (asked once), else 0: libvirt's public API
 * adds it to the flags of the calls filling the caller's array. */
unsigned int remoteTypedParamStringOkay(virConnectPtr conn);
