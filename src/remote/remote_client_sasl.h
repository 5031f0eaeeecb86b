/* remote_client_sasl.h: the client's side of SASL authentication, when
 * the server's AUTH_LIST asks for it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * SASL's questions are answered from the auth file first (libvirt's
 * auth.conf: [auth-libvirt-HOST] credentials=NAME, then [credentials-NAME]
 * authname= and password=), then through the application's virConnectAuth
 * callback.  As in libvirt, a mechanism is only considered when its
 * questions are ones the callback's credential types can answer.
 */
#pragma once

#include <stdbool.h>

#include "datatypes.h"
#include "rpc/virnetclient.h"
#include "util/viruri.h"

/* Run the exchange on `client` (conn's transport).  `uri`: the URI being
 * opened (its host, `authfile` and `auth=sasl.MECH` parameters);
 * `secure`: nobody can listen in (unix, ssh, TLS), else the mechanism
 * must give a security layer of at least 56 bits, which then carries
 * the connection.  0, or -1 with an error (VIR_ERR_AUTH_FAILED). */
int remoteAuthSASL(virConnectPtr conn, virNetClient *client,
                   const virURI *uri, virConnectAuthPtr auth, bool secure);
