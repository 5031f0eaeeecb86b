/* virnetsasl.h: SASL (Cyrus libsasl2) sessions for the RPC client and
 * server: the exchange that proves who the client is, and afterwards, when
 * the mechanism negotiated a security layer (SSF > 0), the encoding of
 * every byte on the wire.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * libvirt's conventions, followed on both ends: the service name is
 * "libvirt" (so the server's configuration is libvirt.conf in SASL's
 * config path, /etc/sasl2, or $SASL_CONF_PATH); the mechanism list is
 * comma separated; a step whose output is NULL (not empty) says so with
 * `nil`.  The layer starts right after the frame that completes the
 * exchange: the server's last reply and everything before it are clear.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <sasl/sasl.h>

#include "rpc/virnettlscontext.h"

typedef struct _virNetSASLSession virNetSASLSession;

/* Results of the exchange steps besides -1 (an error is set). */
#define VIR_NET_SASL_COMPLETE 0
#define VIR_NET_SASL_CONTINUE 1
#define VIR_NET_SASL_INTERACT 2

/* Once per process, before any session of that side.  0, or -1 with
 * VIR_ERR_AUTH_FAILED. */
int virNetSASLServerInit(void);
int virNetSASLClientInit(void);

/* A session for `service` ("libvirt").  A client passes the host it
 * dialled and the callbacks it can answer through SASL_INTERACT (proc
 * NULL); the array must outlive the session.  NULL with an error. */
virNetSASLSession *virNetSASLSessionNewServer(const char *service);
virNetSASLSession *virNetSASLSessionNewClient(const char *service,
                                              const char *hostname,
                                              const sasl_callback_t *cbs);

virNetSASLSession *virNetSASLSessionRef(virNetSASLSession *sess);
void virNetSASLSessionUnref(virNetSASLSession *sess);

/* The strength asked for: a security layer of minSSF..maxSSF bits (0..0:
 * none, for channels that are already private), and whether anonymous
 * mechanisms may be used.  0 or -1. */
int virNetSASLSessionSecProps(virNetSASLSession *sess, int minSSF,
                              int maxSSF, bool allowAnonymous);

/* The mechanisms the server offers under the current properties, comma
 * separated (g_free it); NULL with an error when there is none. */
char *virNetSASLSessionListMechanisms(virNetSASLSession *sess);

/* Server steps.  *out (may be NULL: nil) belongs to the session until the
 * next step.  VIR_NET_SASL_COMPLETE, _CONTINUE, or -1 with an error that
 * names SASL's reason (for the log; clients get a plain refusal). */
int virNetSASLSessionServerStart(virNetSASLSession *sess, const char *mech,
                                 const char *in, size_t inlen,
                                 const char **out, size_t *outlen);
int virNetSASLSessionServerStep(virNetSASLSession *sess,
                                const char *in, size_t inlen,
                                const char **out, size_t *outlen);

/* Client steps; also VIR_NET_SASL_INTERACT: fill the results of the
 * prompts in *interact and call again with the same input. */
int virNetSASLSessionClientStart(virNetSASLSession *sess,
                                 const char *mechlist,
                                 sasl_interact_t **interact,
                                 const char **out, size_t *outlen,
                                 const char **mech);
int virNetSASLSessionClientStep(virNetSASLSession *sess,
                                const char *in, size_t inlen,
                                sasl_interact_t **interact,
                                const char **out, size_t *outlen);

/* After the exchange: who the client is (the server's view; NULL with an
 * error if unknown), and the negotiated SSF (-1 with an error). */
const char *virNetSASLSessionGetIdentity(virNetSASLSession *sess);
int virNetSASLSessionGetKeySize(virNetSASLSession *sess);

/* 0 if `identity` matches a glob of `allowed` (NULL: anyone), else -1
 * with VIR_ERR_AUTH_FAILED. */
int virNetSASLCheckIdentity(const char *const *allowed, const char *identity);

/* I/O through the security layer of `sess`, or straight to the socket
 * (see virNetSocketRecv/RecvQuiet/Send) when `sess` is NULL.  Same
 * results: bytes, 0 for "would block", -1.  A write that could not go out
 * whole keeps the rest and reports 0: call again with the same bytes. */
ssize_t virNetSASLSessionRead(virNetSASLSession *sess, int fd,
                              virNetTLSSession *tls, bool quiet,
                              char *buf, size_t len);
ssize_t virNetSASLSessionWrite(virNetSASLSession *sess, int fd,
                               virNetTLSSession *tls,
                               const char *buf, size_t len);
/* Decoded bytes waiting that poll cannot see (0 for NULL). */
size_t virNetSASLSessionPending(virNetSASLSession *sess);
