/* virnetsasl.c: SASL sessions; see virnetsasl.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A session's lock guards the SASL connection and the layer's buffers:
 * the server may write a reply from a worker while the event loop reads.
 */
#include <config.h>

#include <fnmatch.h>
#include <string.h>

#include <glib.h>

#include "rpc/virnetsasl.h"
#include "rpc/virnetsocket.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_RPC

/* What one read from the socket may bring before it is decoded. */
#define RAW_READ_MAX 65536
/* What we tell SASL the other side may send us in one encoded packet. */
#define MAX_BUF_SIZE 65536

struct _virNetSASLSession {
    gint refs;
    GMutex lock;
    sasl_conn_t *conn;
    sasl_callback_t *cbs;       /* the client's: SASL keeps a pointer to
                                 * them for the connection's life */

    /* The layer, once the exchange is over and SSF > 0. */
    char *enc;                  /* an encoded chunk being written */
    size_t encLen, encOffset;
    size_t encPlain;            /* the caller's bytes it stands for */
    char *dec;                  /* decoded bytes not handed out yet */
    size_t decLen, decOffset;
};

static GMutex initLock;
static bool serverReady, clientReady;


static int
saslInit(bool server)
{
    int r = SASL_OK;

    g_mutex_lock(&initLock);
    if (server && !serverReady) {
        if ((r = sasl_server_init(NULL, "libvirt")) == SASL_OK)
            serverReady = true;
    } else if (!server && !clientReady) {
        if ((r = sasl_client_init(NULL)) == SASL_OK)
            clientReady = true;
    }
    g_mutex_unlock(&initLock);
    if (r != SASL_OK) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "failed to initialize SASL library: %d (%s)",
                       r, sasl_errstring(r, NULL, NULL));
        return -1;
    }
    return 0;
}


int
virNetSASLServerInit(void)
{
    return saslInit(true);
}


int
virNetSASLClientInit(void)
{
    return saslInit(false);
}


static virNetSASLSession *
sessionNew(sasl_conn_t *conn)
{
    virNetSASLSession *sess = g_new0(virNetSASLSession, 1);

    sess->refs = 1;
    g_mutex_init(&sess->lock);
    sess->conn = conn;
    return sess;
}


virNetSASLSession *
virNetSASLSessionNewServer(const char *service)
{
    sasl_conn_t *conn = NULL;
    int r;

    if (virNetSASLServerInit() < 0)
        return NULL;
    /* The host name and realm default to this machine's, as saslpasswd2
     * does when it writes the database. */
    r = sasl_server_new(service, NULL, NULL, NULL, NULL, NULL,
                        SASL_SUCCESS_DATA, &conn);
    if (r != SASL_OK) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "Failed to create SASL server context: %d (%s)",
                       r, sasl_errstring(r, NULL, NULL));
        return NULL;
    }
    return sessionNew(conn);
}


virNetSASLSession *
virNetSASLSessionNewClient(const char *service, const char *hostname,
                           const sasl_callback_t *cbs)
{
    sasl_conn_t *conn = NULL;
    g_autofree sasl_callback_t *own = NULL;
    virNetSASLSession *sess;
    size_t n = 0;
    int r;

    if (virNetSASLClientInit() < 0)
        return NULL;
    /* A copy that lives as long as the connection (plugins read the
     * callbacks up to sasl_dispose; the caller's may be on its stack). */
    while (cbs && cbs[n].id != SASL_CB_LIST_END)
        n++;
    own = g_new0(sasl_callback_t, n + 1);
    if (n)
        memcpy(own, cbs, n * sizeof(*own));
    own[n].id = SASL_CB_LIST_END;
    r = sasl_client_new(service, hostname, NULL, NULL, own, 0, &conn);
    if (r != SASL_OK) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "Failed to create SASL client context: %d (%s)",
                       r, sasl_errstring(r, NULL, NULL));
        return NULL;
    }
    sess = sessionNew(conn);
    sess->cbs = g_steal_pointer(&own);
    return sess;
}


virNetSASLSession *
virNetSASLSessionRef(virNetSASLSession *sess)
{
    if (sess)
        g_atomic_int_inc(&sess->refs);
    return sess;
}


void
virNetSASLSessionUnref(virNetSASLSession *sess)
{
    if (!sess || !g_atomic_int_dec_and_test(&sess->refs))
        return;
    sasl_dispose(&sess->conn);
    g_free(sess->cbs);
    g_free(sess->enc);
    g_free(sess->dec);
    g_mutex_clear(&sess->lock);
    g_free(sess);
}


int
virNetSASLSessionSecProps(virNetSASLSession *sess, int minSSF, int maxSSF,
                          bool allowAnonymous)
{
    sasl_security_properties_t props;
    int r;

    memset(&props, 0, sizeof(props));
    props.min_ssf = minSSF;
    props.max_ssf = maxSSF;
    props.maxbufsize = MAX_BUF_SIZE;
    props.security_flags = allowAnonymous ? 0 : SASL_SEC_NOANONYMOUS;
    g_mutex_lock(&sess->lock);
    r = sasl_setprop(sess->conn, SASL_SEC_PROPS, &props);
    g_mutex_unlock(&sess->lock);
    if (r != SASL_OK) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "cannot set SASL security props: %d (%s)",
                       r, sasl_errstring(r, NULL, NULL));
        return -1;
    }
    return 0;
}


char *
virNetSASLSessionListMechanisms(virNetSASLSession *sess)
{
    const char *list = NULL;
    int r;
    char *ret = NULL;

    g_mutex_lock(&sess->lock);
    r = sasl_listmech(sess->conn, NULL, "", ",", "", &list, NULL, NULL);
    if (r == SASL_OK && list && *list)
        ret = g_strdup(list);
    g_mutex_unlock(&sess->lock);
    if (r != SASL_OK && r != SASL_NOMECH) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "cannot list SASL mechanisms: %d (%s)",
                       r, sasl_errdetail(sess->conn));
        return NULL;
    }
    if (!ret)
        virReportError(VIR_ERR_AUTH_FAILED, "%s",
                       "no SASL mechanisms are available");
    return ret;
}


/* One result of SASL into ours, with the lock held. */
static int
stepResult(virNetSASLSession *sess, int r, const char *what)
{
    switch (r) {
    case SASL_OK:
        return VIR_NET_SASL_COMPLETE;
    case SASL_CONTINUE:
        return VIR_NET_SASL_CONTINUE;
    case SASL_INTERACT:
        return VIR_NET_SASL_INTERACT;
    default:
        virReportError(VIR_ERR_AUTH_FAILED, "%s: %d (%s)", what, r,
                       sasl_errdetail(sess->conn));
        return -1;
    }
}


int
virNetSASLSessionServerStart(virNetSASLSession *sess, const char *mech,
                             const char *in, size_t inlen,
                             const char **out, size_t *outlen)
{
    unsigned int n = 0;
    int r;

    *out = NULL;
    g_mutex_lock(&sess->lock);
    r = sasl_server_start(sess->conn, mech, in, inlen, out, &n);
    r = stepResult(sess, r, "SASL negotiation failed to start");
    g_mutex_unlock(&sess->lock);
    *outlen = n;
    return r;
}


int
virNetSASLSessionServerStep(virNetSASLSession *sess, const char *in,
                            size_t inlen, const char **out, size_t *outlen)
{
    unsigned int n = 0;
    int r;

    *out = NULL;
    g_mutex_lock(&sess->lock);
    r = sasl_server_step(sess->conn, in, inlen, out, &n);
    r = stepResult(sess, r, "SASL negotiation step failed");
    g_mutex_unlock(&sess->lock);
    *outlen = n;
    return r;
}


int
virNetSASLSessionClientStart(virNetSASLSession *sess, const char *mechlist,
                             sasl_interact_t **interact,
                             const char **out, size_t *outlen,
                             const char **mech)
{
    unsigned int n = 0;
    int r;

    *out = NULL;
    g_mutex_lock(&sess->lock);
    r = sasl_client_start(sess->conn, mechlist, interact, out, &n, mech);
    r = stepResult(sess, r, "Failed to start SASL negotiation");
    g_mutex_unlock(&sess->lock);
    *outlen = n;
    return r;
}


int
virNetSASLSessionClientStep(virNetSASLSession *sess, const char *in,
                            size_t inlen, sasl_interact_t **interact,
                            const char **out, size_t *outlen)
{
    unsigned int n = 0;
    int r;

    *out = NULL;
    g_mutex_lock(&sess->lock);
    r = sasl_client_step(sess->conn, in, inlen, interact, out, &n);
    r = stepResult(sess, r, "Failed to step SASL negotiation");
    g_mutex_unlock(&sess->lock);
    *outlen = n;
    return r;
}


const char *
virNetSASLSessionGetIdentity(virNetSASLSession *sess)
{
    const void *val = NULL;
    int r;

    g_mutex_lock(&sess->lock);
    r = sasl_getprop(sess->conn, SASL_USERNAME, &val);
    g_mutex_unlock(&sess->lock);
    if (r != SASL_OK || !val) {
        virReportError(VIR_ERR_AUTH_FAILED, "%s",
                       "no client username was found");
        return NULL;
    }
    return val;
}


int
virNetSASLSessionGetKeySize(virNetSASLSession *sess)
{
    const void *val = NULL;
    int r;

    g_mutex_lock(&sess->lock);
    r = sasl_getprop(sess->conn, SASL_SSF, &val);
    g_mutex_unlock(&sess->lock);
    if (r != SASL_OK || !val) {
        virReportError(VIR_ERR_AUTH_FAILED, "%s",
                       "cannot query SASL ssf on connection");
        return -1;
    }
    return *(const sasl_ssf_t *)val;
}


int
virNetSASLCheckIdentity(const char *const *allowed, const char *identity)
{
    size_t i;

    if (!allowed)
        return 0;
    for (i = 0; allowed[i]; i++) {
        if (fnmatch(allowed[i], identity, 0) == 0)
            return 0;
    }
    VIR_WARN("SASL client identity '%s' is not in sasl_allowed_username_list",
             identity);
    virReportError(VIR_ERR_AUTH_FAILED, "%s",
                   "Client's username is not on the list of allowed clients");
    return -1;
}


/* ---- the security layer ----------------------------------------------- */

/* With the lock held: the largest chunk SASL encodes at once. */
static size_t
maxOut(virNetSASLSession *sess)
{
    const void *val = NULL;

    if (sasl_getprop(sess->conn, SASL_MAXOUTBUF, &val) != SASL_OK || !val ||
        *(const unsigned int *)val == 0)
        return 4096;
    return *(const unsigned int *)val;
}


ssize_t
virNetSASLSessionRead(virNetSASLSession *sess, int fd, virNetTLSSession *tls,
                      bool quiet, char *buf, size_t len)
{
    g_autofree char *raw = NULL;
    ssize_t ret = 0;

    if (!sess)
        return quiet ? virNetSocketRecvQuiet(fd, tls, buf, len)
                     : virNetSocketRecv(fd, tls, buf, len);

    g_mutex_lock(&sess->lock);
    while (sess->decOffset == sess->decLen) {
        const char *out = NULL;
        unsigned int outlen = 0;
        ssize_t n;
        int r;

        if (!raw)
            raw = g_malloc(RAW_READ_MAX);
        n = quiet ? virNetSocketRecvQuiet(fd, tls, raw, RAW_READ_MAX)
                  : virNetSocketRecv(fd, tls, raw, RAW_READ_MAX);
        if (n <= 0) {
            ret = n;
            goto out;
        }
        if ((r = sasl_decode(sess->conn, raw, n, &out, &outlen)) != SASL_OK) {
            virReportError(VIR_ERR_AUTH_FAILED,
                           "failed to decode SASL data: %d (%s)",
                           r, sasl_errstring(r, NULL, NULL));
            ret = -1;
            goto out;
        }
        /* An incomplete packet decodes to nothing: SASL keeps it. */
        g_free(sess->dec);
        sess->dec = outlen ? g_memdup2(out, outlen) : NULL;
        sess->decLen = outlen;
        sess->decOffset = 0;
    }
    ret = MIN(len, sess->decLen - sess->decOffset);
    memcpy(buf, sess->dec + sess->decOffset, ret);
    sess->decOffset += ret;

 out:
    g_mutex_unlock(&sess->lock);
    return ret;
}


ssize_t
virNetSASLSessionWrite(virNetSASLSession *sess, int fd, virNetTLSSession *tls,
                       const char *buf, size_t len)
{
    ssize_t ret;

    if (!sess)
        return virNetSocketSend(fd, tls, buf, len);

    g_mutex_lock(&sess->lock);
    if (!sess->enc) {
        const char *out = NULL;
        unsigned int outlen = 0;
        size_t chunk = MIN(len, maxOut(sess));
        int r;

        if ((r = sasl_encode(sess->conn, buf, chunk, &out,
                             &outlen)) != SASL_OK) {
            virReportError(VIR_ERR_AUTH_FAILED,
                           "failed to encode SASL data: %d (%s)",
                           r, sasl_errstring(r, NULL, NULL));
            ret = -1;
            goto out;
        }
        sess->enc = g_memdup2(out, outlen);
        sess->encLen = outlen;
        sess->encOffset = 0;
        sess->encPlain = chunk;
    }
    while (sess->encOffset < sess->encLen) {
        ssize_t n = virNetSocketSend(fd, tls, sess->enc + sess->encOffset,
                                     sess->encLen - sess->encOffset);

        if (n <= 0) {
            ret = n;
            goto out;
        }
        sess->encOffset += n;
    }
    ret = sess->encPlain;
    g_clear_pointer(&sess->enc, g_free);
    sess->encLen = sess->encOffset = sess->encPlain = 0;

 out:
    g_mutex_unlock(&sess->lock);
    return ret;
}


size_t
virNetSASLSessionPending(virNetSASLSession *sess)
{
    size_t n;

    if (!sess)
        return 0;
    g_mutex_lock(&sess->lock);
    n = sess->decLen - sess->decOffset;
    g_mutex_unlock(&sess->lock);
    return n;
}
