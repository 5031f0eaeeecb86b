/* remote_daemon_sasl.c: SASL authentication of the daemon's clients; see
 * remote_daemon_sasl.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_sasl.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "rpc/virnetsasl.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_RPC

/* libvirt's floor for a security layer on a channel others can read. */
#define MIN_SSF 56
#define MAX_SSF 100000

struct _remoteDaemonSASL {
    virNetSASLSession *sess;
    bool started;               /* START went through */
};

static const char *const *allowedUsers;
static virNetServerProcFunc *authProcs;
static size_t nAuthProcs;


int
remoteDaemonAuthType(const char *name)
{
    if (!name || strcmp(name, "none") == 0)
        return REMOTE_AUTH_NONE;
    if (strcmp(name, "sasl") == 0)
        return REMOTE_AUTH_SASL;
    return -1;
}


int
remoteDaemonSASLInit(const char *const *allowed)
{
    allowedUsers = allowed;
    return virNetSASLServerInit();
}


void
remoteDaemonSASLFree(void *opaque)
{
    remoteDaemonSASL *state = opaque;

    if (!state)
        return;
    virNetSASLSessionUnref(state->sess);
    g_free(state);
}


/* Every procedure but those of authentication waits for it. */
static int
authGate(virNetServer *srv, virNetServerClient *client, virNetMessage *msg,
         void *args, void *ret)
{
    if (virNetServerClientGetAuth(client) != REMOTE_AUTH_NONE) {
        virReportError(VIR_ERR_RPC, "%s", "authentication required");
        return -1;
    }
    return remoteDispatchProcs[msg->header.proc](srv, client, msg, args, ret);
}


static gpointer
buildAuthProcs(gpointer data G_GNUC_UNUSED)
{
    size_t i;

    nAuthProcs = MAX(remoteDispatchNProcs,
                     (size_t)REMOTE_PROC_AUTH_SASL_STEP + 1);
    authProcs = g_new0(virNetServerProcFunc, nAuthProcs);
    for (i = 0; i < remoteDispatchNProcs; i++) {
        if (remoteDispatchProcs[i])
            authProcs[i] = i == REMOTE_PROC_AUTH_LIST ? remoteDispatchProcs[i]
                                                      : authGate;
    }
    authProcs[REMOTE_PROC_AUTH_SASL_INIT] = remoteDispatchAuthSaslInit;
    authProcs[REMOTE_PROC_AUTH_SASL_START] = remoteDispatchAuthSaslStart;
    authProcs[REMOTE_PROC_AUTH_SASL_STEP] = remoteDispatchAuthSaslStep;
    return NULL;
}


const virNetServerProcFunc *
remoteDaemonAuthProcs(size_t *nprocs)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, buildAuthProcs, NULL);
    *nprocs = nAuthProcs;
    return authProcs;
}


/* Log why (SASL's words stay in the daemon) and answer as libvirtd does. */
static int
authFailed(virNetServerClient *client, const char *why)
{
    VIR_WARN("client %llu: SASL authentication failed: %s",
             virNetServerClientGetID(client),
             why ? why : virGetLastErrorMessage());
    virResetLastError();
    virReportError(VIR_ERR_AUTH_FAILED, "%s", "authentication failed");
    return -1;
}


/* The client's exchange, taken out of its state (NULL: there is none, or
 * the client does not authenticate with SASL). */
static remoteDaemonSASL *
takeState(virNetServerClient *client)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    remoteDaemonSASL *state;

    g_mutex_lock(&priv->lock);
    state = g_steal_pointer(&priv->sasl);
    g_mutex_unlock(&priv->lock);
    if (state && virNetServerClientGetAuth(client) != REMOTE_AUTH_SASL)
        g_clear_pointer(&state, remoteDaemonSASLFree);
    return state;
}


static void
putState(virNetServerClient *client, remoteDaemonSASL *state)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);

    g_mutex_lock(&priv->lock);
    remoteDaemonSASLFree(priv->sasl);
    priv->sasl = state;
    priv->saslFree = remoteDaemonSASLFree;
    g_mutex_unlock(&priv->lock);
}


int
remoteDispatchAuthSaslInit(virNetServer *srv G_GNUC_UNUSED,
                           virNetServerClient *client,
                           virNetMessage *msg G_GNUC_UNUSED,
                           void *argsp G_GNUC_UNUSED, void *retp)
{
    remote_auth_sasl_init_ret *ret = retp;
    remoteDaemonSASL *state;
    bool secure = virNetServerClientIsSecure(client);
    char *mechlist;

    if (virNetServerClientGetAuth(client) != REMOTE_AUTH_SASL)
        return authFailed(client, "the client's listener does not use SASL");
    if ((state = takeState(client))) {
        /* A second INIT while one is going on ends both. */
        remoteDaemonSASLFree(state);
        return authFailed(client, "SASL exchange already started");
    }
    state = g_new0(remoteDaemonSASL, 1);
    if (!(state->sess = virNetSASLSessionNewServer("libvirt")) ||
        virNetSASLSessionSecProps(state->sess, secure ? 0 : MIN_SSF,
                                  secure ? 0 : MAX_SSF, secure) < 0 ||
        !(mechlist = virNetSASLSessionListMechanisms(state->sess))) {
        remoteDaemonSASLFree(state);
        return authFailed(client, NULL);
    }
    VIR_DEBUG("client %llu: SASL mechanisms '%s'",
              virNetServerClientGetID(client), mechlist);
    ret->mechlist = mechlist;
    putState(client, state);
    return 0;
}


/* The exchange succeeded: check who it is and how strong, then let the
 * client's calls through. */
static int
saslFinish(virNetServerClient *client, virNetMessage *msg,
           remoteDaemonSASL *state)
{
    bool secure = virNetServerClientIsSecure(client);
    const char *identity;
    int ssf;

    if ((ssf = virNetSASLSessionGetKeySize(state->sess)) < 0)
        return -1;
    if (!secure && ssf < MIN_SSF) {
        virReportError(VIR_ERR_AUTH_FAILED,
                       "negotiation SSF %d was not strong enough", ssf);
        return -1;
    }
    if (!(identity = virNetSASLSessionGetIdentity(state->sess)) ||
        virNetSASLCheckIdentity(allowedUsers, identity) < 0)
        return -1;
    VIR_INFO("client %llu: SASL identity '%s' allowed (SSF %d)",
             virNetServerClientGetID(client), identity, ssf);
    if (ssf > 0)
        virNetServerClientSetSASLSession(client, state->sess,
                                         msg->header.serial);
    virNetServerClientSetAuth(client, REMOTE_AUTH_NONE);
    return 0;
}


/* The common end of START and STEP. */
static int
saslStepDone(virNetServerClient *client, virNetMessage *msg,
             remoteDaemonSASL *state, int r, const char *out, size_t outlen,
             int *complete, int *nil, u_int *datalen, char **data)
{
    if (r < 0 || (r == VIR_NET_SASL_COMPLETE &&
                  saslFinish(client, msg, state) < 0)) {
        remoteDaemonSASLFree(state);
        return authFailed(client, NULL);
    }
    *complete = r == VIR_NET_SASL_COMPLETE;
    *nil = out == NULL;
    *datalen = out ? outlen : 0;
    *data = out && outlen ? g_memdup2(out, outlen) : NULL;
    if (r == VIR_NET_SASL_COMPLETE)
        remoteDaemonSASLFree(state);
    else
        putState(client, state);
    return 0;
}


int
remoteDispatchAuthSaslStart(virNetServer *srv G_GNUC_UNUSED,
                            virNetServerClient *client, virNetMessage *msg,
                            void *argsp, void *retp)
{
    remote_auth_sasl_start_args *args = argsp;
    remote_auth_sasl_start_ret *ret = retp;
    remoteDaemonSASL *state = takeState(client);
    const char *out = NULL;
    size_t outlen = 0;
    int r;

    if (!state || state->started) {
        remoteDaemonSASLFree(state);
        return authFailed(client, "SASL START out of order");
    }
    state->started = true;
    r = virNetSASLSessionServerStart(state->sess, args->mech,
                                     args->nil ? NULL :
                                     args->data.data_val ?
                                     args->data.data_val : "",
                                     args->data.data_len, &out, &outlen);
    return saslStepDone(client, msg, state, r, out, outlen, &ret->complete,
                        &ret->nil, &ret->data.data_len, &ret->data.data_val);
}


int
remoteDispatchAuthSaslStep(virNetServer *srv G_GNUC_UNUSED,
                           virNetServerClient *client, virNetMessage *msg,
                           void *argsp, void *retp)
{
    remote_auth_sasl_step_args *args = argsp;
    remote_auth_sasl_step_ret *ret = retp;
    remoteDaemonSASL *state = takeState(client);
    const char *out = NULL;
    size_t outlen = 0;
    int r;

    if (!state || !state->started) {
        remoteDaemonSASLFree(state);
        return authFailed(client, "SASL STEP out of order");
    }
    r = virNetSASLSessionServerStep(state->sess,
                                    args->nil ? NULL :
                                    args->data.data_val ?
                                    args->data.data_val : "",
                                    args->data.data_len, &out, &outlen);
    return saslStepDone(client, msg, state, r, out, outlen, &ret->complete,
                        &ret->nil, &ret->data.data_len, &ret->data.data_val);
}
