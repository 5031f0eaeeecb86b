/* virnettlscontext.h: x509 credentials and TLS sessions (gnutls) for the
 * RPC client and server.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A context holds what one side trusts and presents: the CA bundle, an
 * optional CRL, its own certificate and key, the priority string, and on
 * the server the list of client DNs let in.  A session is one TLS
 * connection over a non-blocking socket; it never blocks: handshake, read
 * and write say when they would, and the caller polls the fd.
 *
 * Verification after the handshake (virNetTLSSessionCheck) refuses a peer
 * whose chain does not lead to the CA, that is revoked, not yet valid or
 * expired; a server also refuses a client whose DN matches no pattern of
 * tls_allowed_dn_list ('*' and '?' wildcards), and a client refuses a
 * server whose certificate does not name the host it dialled.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <glib.h>

typedef struct _virNetTLSContext virNetTLSContext;
typedef struct _virNetTLSSession virNetTLSSession;

/* Where a side's files are. */
typedef struct {
    char *cacert;
    char *cacrl;                /* used only if the file exists */
    char *cert;
    char *key;
} virNetTLSPaths;

void virNetTLSPathsClear(virNetTLSPaths *paths);

/* libvirt's locations: under `pkipath` if given; else, for a client that
 * is not root, ~/.pki/libvirt when its cacert.pem... exist; else the
 * system's /etc/pki. */
void virNetTLSPathsServer(virNetTLSPaths *paths, const char *pkipath);
void virNetTLSPathsClient(virNetTLSPaths *paths, const char *pkipath);

/* Contexts.  `allowedDNs` (NULL-terminated, NULL: everyone) is kept by
 * reference.  `priority` NULL means "NORMAL".  `noVerify`: do not check
 * the peer's certificate (the server still asks for one).  NULL with an
 * error naming the file when credentials cannot be loaded. */
virNetTLSContext *virNetTLSContextNewServer(const virNetTLSPaths *paths,
                                            const char *const *allowedDNs,
                                            const char *priority,
                                            bool noVerify);
virNetTLSContext *virNetTLSContextNewClient(const virNetTLSPaths *paths,
                                            const char *priority,
                                            bool noVerify);
virNetTLSContext *virNetTLSContextRef(virNetTLSContext *ctx);
void virNetTLSContextUnref(virNetTLSContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetTLSContext, virNetTLSContextUnref)

/* A session over `fd` (not owned).  `hostname`: on a client, the name the
 * server certificate must carry (NULL: not checked). */
virNetTLSSession *virNetTLSSessionNew(virNetTLSContext *ctx, int fd,
                                      const char *hostname);
void virNetTLSSessionFree(virNetTLSSession *sess);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetTLSSession, virNetTLSSessionFree)

/* One step of the handshake: 0 done, 1 must wait for the fd (see
 * WantWrite), -1 with an error set. */
int virNetTLSSessionHandshake(virNetTLSSession *sess);
/* While handshaking: true if the fd must become writable, else readable. */
bool virNetTLSSessionWantWrite(virNetTLSSession *sess);

/* After the handshake: verify the peer as the header says.  0, or -1
 * with VIR_ERR_AUTH_FAILED or VIR_ERR_SYSTEM_ERROR set. */
int virNetTLSSessionCheck(virNetTLSSession *sess);

/* The peer certificate's DN (after the handshake), or NULL. */
char *virNetTLSSessionGetPeerDN(virNetTLSSession *sess);

/* Like virNetSocketRead/Write: > 0 bytes, 0 would block, -1 with an
 * error; Read returns -2, with no error set, at the end of the stream. */
ssize_t virNetTLSSessionRead(virNetTLSSession *sess, char *buf, size_t len);
ssize_t virNetTLSSessionWrite(virNetTLSSession *sess, const char *buf,
                              size_t len);
/* Bytes already decrypted and waiting to be read (poll will not see them). */
size_t virNetTLSSessionPending(virNetTLSSession *sess);

/* True if `dn` matches one of `patterns` (NULL-terminated). */
bool virNetTLSMatchDN(const char *dn, const char *const *patterns);
