/* remote_client_sasl.c: SASL authentication, client side; see
 * remote_client_sasl.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "gen/remote_protocol.h"
#include "remote/remote_client_sasl.h"
#include "remote/remote_driver.h"
#include "rpc/virnetsasl.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

#define MIN_SSF 56
#define MAX_SSF 100000

/* SASL's questions and the credential types that answer them; the auth
 * file key, where it has one. */
static const struct {
    unsigned long saslID;
    int credType;
    const char *fileKey;
} questions[] = {
    { SASL_CB_USER, VIR_CRED_USERNAME, "username" },
    { SASL_CB_AUTHNAME, VIR_CRED_AUTHNAME, "authname" },
    { SASL_CB_LANGUAGE, VIR_CRED_LANGUAGE, NULL },
    { SASL_CB_CNONCE, VIR_CRED_CNONCE, NULL },
    { SASL_CB_PASS, VIR_CRED_PASSPHRASE, "password" },
    { SASL_CB_ECHOPROMPT, VIR_CRED_ECHOPROMPT, NULL },
    { SASL_CB_NOECHOPROMPT, VIR_CRED_NOECHOPROMPT, NULL },
    { SASL_CB_GETREALM, VIR_CRED_REALM, "realm" },
};

typedef struct {
    virConnectAuthPtr auth;
    GKeyFile *file;             /* the auth file, NULL: none */
    char *credGroup;            /* its [credentials-NAME] for this host */
    GPtrArray *answers;         /* what SASL points at, wiped at the end */
    sasl_callback_t cbs[G_N_ELEMENTS(questions) + 1];
} saslClient;


static int
questionIndex(unsigned long saslID)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(questions); i++) {
        if (questions[i].saslID == saslID)
            return i;
    }
    return -1;
}


static bool
authHasType(virConnectAuthPtr auth, int type)
{
    unsigned int i;

    for (i = 0; auth && i < auth->ncredtype; i++) {
        if (auth->credtype[i] == type)
            return true;
    }
    return false;
}


/* The callbacks SASL may ask about: those the application answers. */
static void
buildCallbacks(saslClient *sc)
{
    size_t i, n = 0;

    for (i = 0; i < G_N_ELEMENTS(questions); i++) {
        if (!authHasType(sc->auth, questions[i].credType))
            continue;
        sc->cbs[n].id = questions[i].saslID;
        sc->cbs[n].proc = NULL;     /* answered through SASL_INTERACT */
        sc->cbs[n].context = NULL;
        n++;
    }
    sc->cbs[n].id = SASL_CB_LIST_END;
}


/* libvirt's auth file search: the URI's authfile, $LIBVIRT_AUTH_FILE,
 * the user's then the system's auth.conf (libvirt's path, whatever our
 * prefix: the file is shared with libvirt's clients). */
static void
loadAuthFile(saslClient *sc, const virURI *uri, const char *host)
{
    g_autofree char *user = g_build_filename(g_get_user_config_dir(),
                                             "libvirt", "auth.conf", NULL);
    const char *path = virURIGetParam(uri, "authfile");
    g_autoptr(GError) err = NULL;
    g_autofree char *group = NULL;
    g_autofree char *name = NULL;

    if (!path)
        path = g_getenv("LIBVIRT_AUTH_FILE");
    if (!path)
        path = g_file_test(user, G_FILE_TEST_EXISTS) ? user :
               "/etc/libvirt/auth.conf";
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        return;
    sc->file = g_key_file_new();
    if (!g_key_file_load_from_file(sc->file, path, G_KEY_FILE_NONE, &err)) {
        VIR_WARN("cannot read auth file '%s': %s", path, err->message);
        g_clear_pointer(&sc->file, g_key_file_free);
        return;
    }
    group = g_strdup_printf("auth-libvirt-%s", host);
    if (!(name = g_key_file_get_string(sc->file, group, "credentials", NULL)))
        name = g_key_file_get_string(sc->file, "auth-libvirt-default",
                                     "credentials", NULL);
    if (name)
        sc->credGroup = g_strdup_printf("credentials-%s", name);
}


static const char *
keepAnswer(saslClient *sc, char *value)
{
    g_ptr_array_add(sc->answers, value);
    return value;
}


static void
wipeAnswer(void *p)
{
    char *s = p;

    if (s) {
        memset(s, 0, strlen(s));
        g_free(s);
    }
}


/* Answer SASL's prompts: the auth file first, the rest in one call of the
 * application's callback.  0, or -1 with an error. */
static int
answerPrompts(saslClient *sc, sasl_interact_t *prompts)
{
    g_autofree virConnectCredential *creds = NULL;
    g_autofree sasl_interact_t **asked = NULL;
    size_t n = 0, i;
    int rv = 0;

    for (i = 0; prompts[i].id != SASL_CB_LIST_END; i++)
        ;
    creds = g_new0(virConnectCredential, i + 1);
    asked = g_new0(sasl_interact_t *, i + 1);
    for (i = 0; prompts[i].id != SASL_CB_LIST_END; i++) {
        sasl_interact_t *p = &prompts[i];
        int q = questionIndex(p->id);
        char *v = NULL;

        if (q >= 0 && questions[q].fileKey && sc->file && sc->credGroup)
            v = g_key_file_get_string(sc->file, sc->credGroup,
                                      questions[q].fileKey, NULL);
        if (v) {
            p->result = keepAnswer(sc, v);
            p->len = strlen(v);
            continue;
        }
        if (q < 0) {
            virReportError(VIR_ERR_AUTH_FAILED,
                           "cannot answer SASL question %lu", p->id);
            return -1;
        }
        creds[n].type = questions[q].credType;
        creds[n].prompt = p->prompt;
        creds[n].challenge = p->challenge;
        creds[n].defresult = p->defresult;
        asked[n++] = p;
    }
    if (n == 0)
        return 0;
    if (!sc->auth || !sc->auth->cb ||
        sc->auth->cb(creds, n, sc->auth->cbdata) < 0) {
        virReportError(VIR_ERR_AUTH_FAILED, "%s",
                       "Failed to collect auth credentials");
        rv = -1;
    }
    for (i = 0; i < n; i++) {
        /* Ours to keep, whatever the callback did: SASL points at it. */
        if (creds[i].result)
            asked[i]->result = keepAnswer(sc, g_strndup(creds[i].result,
                                                        creds[i].resultlen));
        else
            asked[i]->result = keepAnswer(sc, g_strdup(asked[i]->defresult ?
                                                       asked[i]->defresult :
                                                       ""));
        asked[i]->len = strlen(asked[i]->result);
        wipeAnswer(creds[i].result);
    }
    return rv;
}


/* One call of the remote program for the exchange. */
static int
saslCall(virConnectPtr conn, int proc, xdrproc_t argsFilter, void *args,
         xdrproc_t retFilter, void *ret)
{
    return remoteCall(conn, proc, argsFilter, args, retFilter, ret);
}


/* Is `mech` one of the comma separated `list`?  Case matters, as in
 * libvirt. */
static bool
mechOffered(const char *list, const char *mech)
{
    g_auto(GStrv) names = g_strsplit(list, ",", -1);
    size_t i;

    for (i = 0; names[i]; i++) {
        if (strcmp(g_strstrip(names[i]), mech) == 0)
            return true;
    }
    return false;
}


static int
runExchange(virConnectPtr conn, saslClient *sc, virNetSASLSession *sess,
            const char *wantMech)
{
    remote_auth_sasl_init_ret init = { 0 };
    remote_auth_sasl_start_args sargs = { 0 };
    remote_auth_sasl_start_ret sret = { 0 };
    sasl_interact_t *prompts = NULL;
    const char *out = NULL, *mech = NULL;
    size_t outlen = 0;
    bool done, serverDone;
    char *serverIn;
    size_t serverInLen;
    int r, rv = -1;

    if (saslCall(conn, REMOTE_PROC_AUTH_SASL_INIT, NULL, NULL,
                 (xdrproc_t)xdr_remote_auth_sasl_init_ret, &init) < 0)
        return -1;
    VIR_DEBUG("server SASL mechanisms '%s'", init.mechlist);
    if (wantMech && !mechOffered(init.mechlist, wantMech)) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "SASL mechanism %s not supported by server", wantMech);
        goto cleanup;
    }
    while ((r = virNetSASLSessionClientStart(sess, wantMech ? wantMech :
                                             init.mechlist, &prompts, &out,
                                             &outlen, &mech)) ==
           VIR_NET_SASL_INTERACT) {
        if (answerPrompts(sc, prompts) < 0)
            goto cleanup;
    }
    if (r < 0)
        goto cleanup;
    if (outlen > REMOTE_AUTH_SASL_DATA_MAX) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "SASL negotiation data too long: %zu bytes", outlen);
        goto cleanup;
    }
    done = r == VIR_NET_SASL_COMPLETE;
    sargs.mech = (char *)mech;
    sargs.nil = out == NULL;
    sargs.data.data_val = (char *)out;
    sargs.data.data_len = out ? outlen : 0;
    VIR_DEBUG("SASL start with %s, %zu bytes", mech, outlen);
    if (saslCall(conn, REMOTE_PROC_AUTH_SASL_START,
                 (xdrproc_t)xdr_remote_auth_sasl_start_args, &sargs,
                 (xdrproc_t)xdr_remote_auth_sasl_start_ret, &sret) < 0)
        goto cleanup;
    serverDone = sret.complete;
    serverIn = sret.nil ? NULL : sret.data.data_val;
    serverInLen = sret.data.data_len;
    out = NULL;
    outlen = 0;

    for (;;) {
        remote_auth_sasl_step_args args = { 0 };
        remote_auth_sasl_step_ret ret = { 0 };

        if (serverDone && done)
            break;
        if (!done || serverIn) {
            while ((r = virNetSASLSessionClientStep(sess, serverIn,
                                                    serverInLen, &prompts,
                                                    &out, &outlen)) ==
                   VIR_NET_SASL_INTERACT) {
                if (answerPrompts(sc, prompts) < 0)
                    goto cleanup;
            }
            if (r < 0)
                goto cleanup;
            done = r == VIR_NET_SASL_COMPLETE;
        }
        if (serverDone) {
            /* The server's last word checked: we must agree now. */
            if (!done) {
                virReportError(VIR_ERR_AUTH_FAILED, "%s",
                               "server finished SASL negotiation before "
                               "the client");
                goto cleanup;
            }
            break;
        }
        if (outlen > REMOTE_AUTH_SASL_DATA_MAX) {
            virReportError(VIR_ERR_AUTH_FAILED,
                           "SASL negotiation data too long: %zu bytes",
                           outlen);
            goto cleanup;
        }
        args.nil = out == NULL;
        args.data.data_val = (char *)out;
        args.data.data_len = out ? outlen : 0;
        if (saslCall(conn, REMOTE_PROC_AUTH_SASL_STEP,
                     (xdrproc_t)xdr_remote_auth_sasl_step_args, &args,
                     (xdrproc_t)xdr_remote_auth_sasl_step_ret, &ret) < 0)
            goto cleanup;
        xdr_free((xdrproc_t)xdr_remote_auth_sasl_start_ret, (char *)&sret);
        /* Same layout: keep the server's answer where the loop reads it. */
        sret.complete = ret.complete;
        sret.nil = ret.nil;
        sret.data.data_len = ret.data.data_len;
        sret.data.data_val = ret.data.data_val;
        serverDone = sret.complete;
        serverIn = sret.nil ? NULL : sret.data.data_val;
        serverInLen = sret.data.data_len;
        /* Our side completing never ends it: the server must say so. */
        out = NULL;
        outlen = 0;
    }
    rv = 0;

 cleanup:
    xdr_free((xdrproc_t)xdr_remote_auth_sasl_init_ret, (char *)&init);
    xdr_free((xdrproc_t)xdr_remote_auth_sasl_start_ret, (char *)&sret);
    return rv;
}


int
remoteAuthSASL(virConnectPtr conn, virNetClient *client, const virURI *uri,
               virConnectAuthPtr auth, bool secure)
{
    const char *host = uri->server ? uri->server : "localhost";
    const char *authParam = virURIGetParam(uri, "auth");
    const char *wantMech = NULL;
    virNetSASLSession *sess = NULL;
    saslClient sc = { 0 };
    int ssf;
    int rv = -1;

    if (authParam && g_str_has_prefix(authParam, "sasl.") && authParam[5])
        wantMech = authParam + 5;
    sc.auth = auth;
    sc.answers = g_ptr_array_new_with_free_func(wipeAnswer);
    buildCallbacks(&sc);
    loadAuthFile(&sc, uri, host);

    if (!(sess = virNetSASLSessionNewClient("libvirt", host, sc.cbs)) ||
        virNetSASLSessionSecProps(sess, secure ? 0 : MIN_SSF,
                                  secure ? 0 : MAX_SSF, true) < 0)
        goto cleanup;
    if (runExchange(conn, &sc, sess, wantMech) < 0)
        goto cleanup;

    if ((ssf = virNetSASLSessionGetKeySize(sess)) < 0)
        goto cleanup;
    if (!secure && ssf < MIN_SSF) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "negotiation SSF %d was not strong enough", ssf);
        goto cleanup;
    }
    virNetClientSetSASLSession(client, sess);
    VIR_DEBUG("SASL authentication done (SSF %d)", ssf);
    rv = 0;

 cleanup:
    virNetSASLSessionUnref(sess);
    g_ptr_array_free(sc.answers, TRUE);
    if (sc.file)
        g_key_file_free(sc.file);
    g_free(sc.credGroup);
    return rv;
}
