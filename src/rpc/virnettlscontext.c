/* virnettlscontext.c: x509 credentials and TLS sessions; see
 * virnettlscontext.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "rpc/virnettlscontext.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#define NULLSTR(s) ((s) ? (s) : "<null>")

#define SYS_PKI_CA "/etc/pki/CA"
#define SYS_PKI_LIBVIRT "/etc/pki/libvirt"

struct _virNetTLSContext {
    gint refs;
    bool server;
    bool noVerify;
    char *priority;
    char **allowedDNs;          /* a copy; NULL: everyone */
    gnutls_certificate_credentials_t cred;
};

struct _virNetTLSSession {
    virNetTLSContext *ctx;
    gnutls_session_t session;
    char *hostname;
    bool handshakeDone;
};


void
virNetTLSPathsClear(virNetTLSPaths *paths)
{
    g_clear_pointer(&paths->cacert, g_free);
    g_clear_pointer(&paths->cacrl, g_free);
    g_clear_pointer(&paths->cert, g_free);
    g_clear_pointer(&paths->key, g_free);
}


static void
pathsInDir(virNetTLSPaths *paths, const char *dir, const char *who)
{
    g_autofree char *cert = g_strdup_printf("%scert.pem", who);
    g_autofree char *key = g_strdup_printf("%skey.pem", who);

    paths->cacert = g_build_filename(dir, "cacert.pem", NULL);
    paths->cacrl = g_build_filename(dir, "cacrl.pem", NULL);
    paths->cert = g_build_filename(dir, cert, NULL);
    paths->key = g_build_filename(dir, key, NULL);
}


static void
pathsSystem(virNetTLSPaths *paths, const char *who)
{
    g_autofree char *cert = g_strdup_printf("%scert.pem", who);
    g_autofree char *key = g_strdup_printf("%skey.pem", who);

    paths->cacert = g_build_filename(SYS_PKI_CA, "cacert.pem", NULL);
    paths->cacrl = g_build_filename(SYS_PKI_CA, "cacrl.pem", NULL);
    paths->cert = g_build_filename(SYS_PKI_LIBVIRT, cert, NULL);
    paths->key = g_build_filename(SYS_PKI_LIBVIRT, "private", key, NULL);
}


void
virNetTLSPathsServer(virNetTLSPaths *paths, const char *pkipath)
{
    virNetTLSPathsClear(paths);
    if (pkipath)
        pathsInDir(paths, pkipath, "server");
    else
        pathsSystem(paths, "server");
}


void
virNetTLSPathsClient(virNetTLSPaths *paths, const char *pkipath)
{
    g_autofree char *user = NULL;

    virNetTLSPathsClear(paths);
    if (pkipath) {
        pathsInDir(paths, pkipath, "client");
        return;
    }
    if (geteuid() != 0) {
        /* A user's own set wins when it is all there. */
        user = g_build_filename(g_get_home_dir(), ".pki", "libvirt", NULL);
        pathsInDir(paths, user, "client");
        if (g_file_test(paths->cacert, G_FILE_TEST_EXISTS) &&
            g_file_test(paths->cert, G_FILE_TEST_EXISTS) &&
            g_file_test(paths->key, G_FILE_TEST_EXISTS))
            return;
        virNetTLSPathsClear(paths);
    }
    pathsSystem(paths, "client");
}


/* ---- contexts -------------------------------------------------------- */

static int
requireFile(const char *path, const char *what)
{
    if (access(path, R_OK) < 0) {
        virReportSystemError(errno, "Cannot read %s '%s'", what, path);
        return -1;
    }
    return 0;
}


static virNetTLSContext *
contextNew(const virNetTLSPaths *paths, const char *priority, bool noVerify,
           bool server)
{
    virNetTLSContext *ctx;
    int err;

    if (requireFile(paths->cacert, "CA certificate") < 0 ||
        requireFile(paths->cert, "certificate") < 0 ||
        requireFile(paths->key, "private key") < 0)
        return NULL;

    ctx = g_new0(virNetTLSContext, 1);
    ctx->refs = 1;
    ctx->server = server;
    ctx->noVerify = noVerify;
    ctx->priority = g_strdup(priority && *priority ? priority : "NORMAL");
    if ((err = gnutls_certificate_allocate_credentials(&ctx->cred)) < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to allocate x509 credentials: %s",
                       gnutls_strerror(err));
        g_free(ctx->priority);
        g_free(ctx);
        return NULL;
    }
    err = gnutls_certificate_set_x509_trust_file(ctx->cred, paths->cacert,
                                                 GNUTLS_X509_FMT_PEM);
    if (err < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to set x509 CA certificate: %s: %s",
                       paths->cacert, gnutls_strerror(err));
        goto error;
    }
    if (paths->cacrl && access(paths->cacrl, R_OK) == 0) {
        err = gnutls_certificate_set_x509_crl_file(ctx->cred, paths->cacrl,
                                                   GNUTLS_X509_FMT_PEM);
        if (err < 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "Unable to set x509 certificate revocation list: "
                           "%s: %s", paths->cacrl, gnutls_strerror(err));
            goto error;
        }
    }
    err = gnutls_certificate_set_x509_key_file(ctx->cred, paths->cert,
                                               paths->key,
                                               GNUTLS_X509_FMT_PEM);
    if (err < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to set x509 key and certificate: %s, %s: %s",
                       paths->key, paths->cert, gnutls_strerror(err));
        goto error;
    }
    if (server)
        gnutls_certificate_set_known_dh_params(ctx->cred,
                                               GNUTLS_SEC_PARAM_MEDIUM);
    /* A bad priority string is a configuration error: say so now, not at
     * every connection. */
    {
        gnutls_priority_t prio;
        const char *errpos = NULL;

        if ((err = gnutls_priority_init(&prio, ctx->priority, &errpos)) < 0) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "Failed to set TLS session priority to %s: %s",
                           ctx->priority, gnutls_strerror(err));
            goto error;
        }
        gnutls_priority_deinit(prio);
    }
    return ctx;

 error:
    virNetTLSContextUnref(ctx);
    return NULL;
}


virNetTLSContext *
virNetTLSContextNewServer(const virNetTLSPaths *paths,
                          const char *const *allowedDNs,
                          const char *priority, bool noVerify)
{
    virNetTLSContext *ctx = contextNew(paths, priority, noVerify, true);

    if (ctx && allowedDNs)
        ctx->allowedDNs = g_strdupv((char **)allowedDNs);
    return ctx;
}


virNetTLSContext *
virNetTLSContextNewClient(const virNetTLSPaths *paths, const char *priority,
                          bool noVerify)
{
    return contextNew(paths, priority, noVerify, false);
}


virNetTLSContext *
virNetTLSContextRef(virNetTLSContext *ctx)
{
    g_atomic_int_inc(&ctx->refs);
    return ctx;
}


void
virNetTLSContextUnref(virNetTLSContext *ctx)
{
    if (!ctx || !g_atomic_int_dec_and_test(&ctx->refs))
        return;
    if (ctx->cred)
        gnutls_certificate_free_credentials(ctx->cred);
    g_strfreev(ctx->allowedDNs);
    g_free(ctx->priority);
    g_free(ctx);
}


/* ---- sessions -------------------------------------------------------- */

static bool
isIPAddress(const char *host)
{
    unsigned char buf[sizeof(struct in6_addr)];

    return inet_pton(AF_INET, host, buf) == 1 ||
           inet_pton(AF_INET6, host, buf) == 1;
}


virNetTLSSession *
virNetTLSSessionNew(virNetTLSContext *ctx, int fd, const char *hostname)
{
    virNetTLSSession *sess = g_new0(virNetTLSSession, 1);
    const char *errpos = NULL;
    int err;

    err = gnutls_init(&sess->session,
                      (ctx->server ? GNUTLS_SERVER : GNUTLS_CLIENT) |
                      GNUTLS_NONBLOCK);
    if (err < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Failed to initialize TLS session: %s",
                       gnutls_strerror(err));
        g_free(sess);
        return NULL;
    }
    sess->ctx = virNetTLSContextRef(ctx);
    sess->hostname = g_strdup(hostname);

    err = gnutls_priority_set_direct(sess->session, ctx->priority, &errpos);
    if (err < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Failed to set TLS session priority to %s: %s",
                       ctx->priority, gnutls_strerror(err));
        goto error;
    }
    err = gnutls_credentials_set(sess->session, GNUTLS_CRD_CERTIFICATE,
                                 ctx->cred);
    if (err < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Failed set TLS x509 credentials: %s",
                       gnutls_strerror(err));
        goto error;
    }
    if (ctx->server) {
        /* Without verification a client may come without a certificate. */
        gnutls_certificate_server_set_request(sess->session,
                                              ctx->noVerify ?
                                              GNUTLS_CERT_REQUEST :
                                              GNUTLS_CERT_REQUIRE);
    } else if (hostname && !isIPAddress(hostname)) {
        gnutls_server_name_set(sess->session, GNUTLS_NAME_DNS, hostname,
                               strlen(hostname));
    }
    gnutls_transport_set_int(sess->session, fd);
    return sess;

 error:
    virNetTLSSessionFree(sess);
    return NULL;
}


void
virNetTLSSessionFree(virNetTLSSession *sess)
{
    if (!sess)
        return;
    gnutls_deinit(sess->session);
    virNetTLSContextUnref(sess->ctx);
    g_free(sess->hostname);
    g_free(sess);
}


int
virNetTLSSessionHandshake(virNetTLSSession *sess)
{
    int err = gnutls_handshake(sess->session);

    if (err == 0) {
        sess->handshakeDone = true;
        return 0;
    }
    if (err == GNUTLS_E_AGAIN || err == GNUTLS_E_INTERRUPTED)
        return 1;
    virReportError(VIR_ERR_AUTH_FAILED, "TLS handshake failed %s",
                   gnutls_strerror(err));
    return -1;
}


bool
virNetTLSSessionWantWrite(virNetTLSSession *sess)
{
    return gnutls_record_get_direction(sess->session) == 1;
}


/* ---- verification ----------------------------------------------------- */

bool
virNetTLSMatchDN(const char *dn, const char *const *patterns)
{
    size_t i;

    if (!dn)
        return false;
    for (i = 0; patterns[i]; i++) {
        if (g_pattern_match_simple(patterns[i], dn))
            return true;
    }
    return false;
}


static char *
certDN(gnutls_x509_crt_t cert)
{
    size_t size = 0;
    char *dn;

    if (gnutls_x509_crt_get_dn(cert, NULL, &size) !=
        GNUTLS_E_SHORT_MEMORY_BUFFER)
        return NULL;
    dn = g_malloc0(size + 1);
    if (gnutls_x509_crt_get_dn(cert, dn, &size) < 0) {
        g_free(dn);
        return NULL;
    }
    return dn;
}


/* The peer's certificate chain, imported; NULL with an error. */
static gnutls_x509_crt_t *
peerChain(virNetTLSSession *sess, unsigned int *ncerts)
{
    const gnutls_datum_t *raw;
    gnutls_x509_crt_t *certs;
    unsigned int i;

    raw = gnutls_certificate_get_peers(sess->session, ncerts);
    if (!raw || *ncerts == 0) {
        virReportError(VIR_ERR_AUTH_FAILED, "%s", "The peer did not send any "
                       "certificates");
        return NULL;
    }
    certs = g_new0(gnutls_x509_crt_t, *ncerts);
    for (i = 0; i < *ncerts; i++) {
        if (gnutls_x509_crt_init(&certs[i]) < 0) {
            certs[i] = NULL;
        } else if (gnutls_x509_crt_import(certs[i], &raw[i],
                                          GNUTLS_X509_FMT_DER) < 0) {
            gnutls_x509_crt_deinit(certs[i]);
            certs[i] = NULL;
        }
        if (!certs[i]) {
            /* The caller stops at the NULL entry. */
            virReportError(VIR_ERR_AUTH_FAILED, "%s",
                           "Unable to load the peer certificate");
            *ncerts = i + 1;
            return certs;
        }
    }
    return certs;
}


static void
chainFree(gnutls_x509_crt_t *certs, unsigned int n)
{
    unsigned int i;

    for (i = 0; i < n; i++) {
        if (certs[i])
            gnutls_x509_crt_deinit(certs[i]);
    }
    g_free(certs);
}


int
virNetTLSSessionCheck(virNetTLSSession *sess)
{
    virNetTLSContext *ctx = sess->ctx;
    const char *peer = ctx->server ? "client" : "server";
    gnutls_x509_crt_t *certs = NULL;
    unsigned int status = 0;
    unsigned int ncerts = 0;
    unsigned int i;
    time_t now = time(NULL);
    g_autofree char *dn = NULL;
    int ret = -1;
    int err;

    if (ctx->noVerify) {
        VIR_DEBUG("not checking the %s certificate (no verify)", peer);
        return 0;
    }

    if ((err = gnutls_certificate_verify_peers2(sess->session, &status)) < 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Unable to verify TLS peer: %s", gnutls_strerror(err));
        return -1;
    }
    if (status != 0) {
        const char *why = "invalid certificate";

        if (status & GNUTLS_CERT_REVOKED)
            why = "has been revoked";
        else if (status & GNUTLS_CERT_SIGNER_NOT_FOUND)
            why = "hasn't got a known issuer";
        else if (status & GNUTLS_CERT_SIGNER_NOT_CA)
            why = "issuer is not a CA";
        else if (status & GNUTLS_CERT_INSECURE_ALGORITHM)
            why = "uses an insecure algorithm";
        else if (status & GNUTLS_CERT_EXPIRED)
            why = "has expired";
        else if (status & GNUTLS_CERT_NOT_ACTIVATED)
            why = "is not yet active";
        else if (status & GNUTLS_CERT_INVALID)
            why = "is not trusted";
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Certificate failed validation: The %s certificate %s",
                       peer, why);
        return -1;
    }

    if (!(certs = peerChain(sess, &ncerts)))
        return -1;
    for (i = 0; i < ncerts; i++) {
        if (!certs[i])
            goto cleanup;
        if (gnutls_x509_crt_get_expiration_time(certs[i]) < now) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "The %s certificate has expired", peer);
            goto cleanup;
        }
        if (gnutls_x509_crt_get_activation_time(certs[i]) > now) {
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "The %s certificate is not yet active", peer);
            goto cleanup;
        }
    }

    dn = certDN(certs[0]);
    if (ctx->server) {
        if (ctx->allowedDNs &&
            !virNetTLSMatchDN(dn, (const char *const *)ctx->allowedDNs)) {
            VIR_WARN("Client DN '%s' is not in tls_allowed_dn_list",
                     NULLSTR(dn));
            virReportError(VIR_ERR_SYSTEM_ERROR,
                           "Client's Distinguished Name '%s' is not on the "
                           "list of allowed clients (tls_allowed_dn_list)",
                           NULLSTR(dn));
            goto cleanup;
        }
    } else if (sess->hostname &&
               !gnutls_x509_crt_check_hostname(certs[0], sess->hostname)) {
        virReportError(VIR_ERR_RPC,
                       "Certificate %s owner does not match the hostname %s",
                       "server", sess->hostname);
        goto cleanup;
    }
    VIR_DEBUG("%s certificate '%s' accepted", peer, NULLSTR(dn));
    ret = 0;

 cleanup:
    chainFree(certs, ncerts);
    return ret;
}


char *
virNetTLSSessionGetPeerDN(virNetTLSSession *sess)
{
    gnutls_x509_crt_t *certs;
    unsigned int ncerts = 0;
    char *dn = NULL;

    if (!(certs = peerChain(sess, &ncerts))) {
        virResetLastError();
        return NULL;
    }
    if (certs[0])
        dn = certDN(certs[0]);
    chainFree(certs, ncerts);
    return dn;
}


/* ---- data ------------------------------------------------------------- */

ssize_t
virNetTLSSessionRead(virNetTLSSession *sess, char *buf, size_t len)
{
    ssize_t n;

    for (;;) {
        n = gnutls_record_recv(sess->session, buf, len);
        if (n > 0)
            return n;
        /* Hung up, with or without saying goodbye: left to the caller. */
        if (n == 0 || n == GNUTLS_E_PREMATURE_TERMINATION)
            return -2;
        if (n == GNUTLS_E_INTERRUPTED)
            continue;
        if (n == GNUTLS_E_AGAIN)
            return 0;
        virReportError(VIR_ERR_SYSTEM_ERROR, "Cannot recv data: %s",
                       gnutls_strerror(n));
        return -1;
    }
}


ssize_t
virNetTLSSessionWrite(virNetTLSSession *sess, const char *buf, size_t len)
{
    ssize_t n;

    for (;;) {
        n = gnutls_record_send(sess->session, buf, len);
        if (n >= 0)
            return n;
        if (n == GNUTLS_E_INTERRUPTED)
            continue;
        if (n == GNUTLS_E_AGAIN)
            return 0;
        virReportError(VIR_ERR_SYSTEM_ERROR, "Cannot write data: %s",
                       gnutls_strerror(n));
        return -1;
    }
}


size_t
virNetTLSSessionPending(virNetTLSSession *sess)
{
    return gnutls_record_check_pending(sess->session);
}
