/* remote_dispatch_manual.c: the daemon's procedure functions that the IDL
 * marks as hand-written (<procedure handwritten="both|server">), each for
 * the reason given there.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_events.h"
#include "gen/remote_dispatch.h"
#include "gen/remote_protocol.h"
#include "remote/remote_handles.h"
#include "remote/remote_typed_params.h"
#include "util/virerror.h"
#include "util/virobject.h"
#include "util/viruri.h"

#define VIR_FROM_THIS VIR_FROM_RPC

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* virConnectSupportsFeature's values the daemon answers itself. */
#define FEATURE_TYPED_PARAM_STRING 9
#define FEATURE_PROGRAM_KEEPALIVE 10
#define FEATURE_REMOTE_EVENT_CALLBACK 14
#define FEATURE_REMOTE_CLOSE_CALLBACK 15
#define FEATURE_NETWORK_UPDATE_ORDER 16

#define UNUSED_ARGS virNetServer *srv G_GNUC_UNUSED, \
    virNetServerClient *client, virNetMessage *msg G_GNUC_UNUSED


/* ---- the connection --------------------------------------------------- */

/* The test driver reads the file a test:///PATH URI names, and the daemon
 * may run as root: it does that only for a client of the daemon's own user
 * (who could read the file anyway).  Anyone else -- the world-accessible
 * read-only socket, TCP and TLS clients -- gets test:///default only, or
 * any file's first line could come back in a parse error. */
static int
remoteCheckTestURI(virNetServerClient *client, const char *name)
{
    g_autoptr(virURI) uri = NULL;
    uid_t uid = (uid_t)-1;
    gid_t gid;
    pid_t pid;

    if (!name || !(uri = virURIParse(name)) || !uri->scheme ||
        g_ascii_strcasecmp(uri->scheme, "test") != 0 ||
        !uri->path || strcmp(uri->path, "/default") == 0)
        return 0;
    if (virNetServerClientGetIdentity(client, &uid, &gid, &pid) == 0 &&
        uid == geteuid())
        return 0;
    virResetLastError();
    virReportError(VIR_ERR_OPERATION_DENIED, "%s",
                   "only the daemon's own user may open a test driver file "
                   "through it; others get test:///default");
    return -1;
}


int
remoteDispatchConnectOpen(UNUSED_ARGS, void *argsp, void *retp G_GNUC_UNUSED)
{
    remote_connect_open_args *args = argsp;
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    const char *name = args->name && **args->name ? *args->name : NULL;
    /* Only RO reaches the driver: NO_ALIASES is about how the client
     * resolved the name (Debian's virsh sends it when not run as root), and
     * the test driver, like libvirt's, refuses any other open flag. */
    unsigned int flags = args->flags & VIR_CONNECT_RO;
    virConnectPtr conn;
    bool busy;

    g_mutex_lock(&priv->lock);
    busy = priv->conn != NULL;
    g_mutex_unlock(&priv->lock);
    if (busy) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "connection already open");
        return -1;
    }
    /* Clients of the read-only socket only ever get read-only access. */
    if (virNetServerClientIsReadonly(client))
        flags |= VIR_CONNECT_RO;
    if (remoteCheckTestURI(client, name) < 0)
        return -1;

    if (!(conn = virConnectOpenAuth(name, NULL, flags)))
        return -1;

    g_mutex_lock(&priv->lock);
    busy = priv->conn != NULL;
    if (!busy)
        priv->conn = conn;
    g_mutex_unlock(&priv->lock);
    if (busy) {
        virConnectClose(conn);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "connection already open");
        return -1;
    }
    return 0;
}


int
remoteDispatchConnectClose(UNUSED_ARGS, void *argsp G_GNUC_UNUSED,
                           void *retp G_GNUC_UNUSED)
{
    remoteDaemonCloseConn(virNetServerClientGetPrivateData(client));
    return 0;
}


int
remoteDispatchAuthList(UNUSED_ARGS, void *argsp G_GNUC_UNUSED, void *retp)
{
    remote_auth_list_ret *ret = retp;

    /* What the client's listener asks of it ("none" once it passed). */
    ret->types.types_len = 1;
    ret->types.types_val = g_new0(remote_auth_type, 1);
    ret->types.types_val[0] = virNetServerClientGetAuth(client);
    return 0;
}


int
remoteDispatchConnectSupportsFeature(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_connect_supports_feature_args *args = argsp;
    remote_connect_supports_feature_ret *ret = retp;
    virConnectPtr conn;

    switch (args->feature) {
    case FEATURE_PROGRAM_KEEPALIVE:
        /* Asking is how a client says it answers pings. */
        if (virNetServerClientStartKeepAlive(client) < 0)
            return -1;
        ret->supported = 1;
        return 0;
    case FEATURE_REMOTE_EVENT_CALLBACK:
    case FEATURE_REMOTE_CLOSE_CALLBACK:
        ret->supported = 1;
        return 0;
    default:
        /* The hypervisor's features need its connection. */
        if (!(conn = remoteDaemonGetConn(client)))
            return -1;
        /* Our drivers take string typed parameters and apply network
         * updates in the documented order, as libvirt's test driver. */
        ret->supported = args->feature == FEATURE_TYPED_PARAM_STRING ||
                         args->feature == FEATURE_NETWORK_UPDATE_ORDER;
        virObjectUnref(conn);
        return 0;
    }
}


int
remoteDispatchConnectGetUri(UNUSED_ARGS, void *argsp G_GNUC_UNUSED,
                            void *retp)
{
    remote_connect_get_uri_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    char *uri;

    if (!conn)
        return -1;
    uri = virConnectGetURI(conn);
    virObjectUnref(conn);
    if (!uri)
        return -1;
    ret->uri = uri;
    return 0;
}


/* The daemon's connection closed under the client: tell it. */
static void
connClosed(virConnectPtr conn G_GNUC_UNUSED, int reason, void *opaque)
{
    virNetServerClient *client = opaque;
    remote_connect_event_connection_closed_msg data = { reason };
    remoteDaemonEventReg reg = { .client = client };

    remoteDaemonEventSend(&reg, REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED,
                          (xdrproc_t)xdr_remote_connect_event_connection_closed_msg,
                          &data);
}


/* The client is handed over without a reference: a driver that never
 * calls the close callback may also never call a free function (the test
 * driver, as libvirt's), and a reference given to it would never come
 * back.  remoteDaemonCloseConn unregisters before the client can go. */
void
remoteDaemonCloseCallbackUnregister(virConnectPtr conn)
{
    if (virConnectUnregisterCloseCallback(conn, connClosed) < 0)
        virResetLastError();
}


int
remoteDispatchConnectRegisterCloseCallback(UNUSED_ARGS,
                                           void *argsp G_GNUC_UNUSED,
                                           void *retp G_GNUC_UNUSED)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    virConnectPtr conn = remoteDaemonGetConn(client);

    if (!conn)
        return -1;
    /* Drivers whose connections cannot close under us (test, qemu) have
     * no close callbacks: the wish is only remembered then. */
    if (virConnectRegisterCloseCallback(conn, connClosed, client, NULL) < 0)
        virResetLastError();
    virObjectUnref(conn);
    g_mutex_lock(&priv->lock);
    priv->closeCallback = true;
    g_mutex_unlock(&priv->lock);
    return 0;
}


int
remoteDispatchConnectUnregisterCloseCallback(UNUSED_ARGS,
                                             void *argsp G_GNUC_UNUSED,
                                             void *retp G_GNUC_UNUSED)
{
    remoteDaemonClient *priv = virNetServerClientGetPrivateData(client);
    virConnectPtr conn = remoteDaemonGetConn(client);

    if (!conn)
        return -1;
    if (virConnectUnregisterCloseCallback(conn, connClosed) < 0)
        virResetLastError();
    virObjectUnref(conn);
    g_mutex_lock(&priv->lock);
    priv->closeCallback = false;
    g_mutex_unlock(&priv->lock);
    return 0;
}


/* ---- domains ---------------------------------------------------------- */

int
remoteDispatchDomainCreateWithFlags(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_create_with_flags_args *args = argsp;
    remote_domain_create_with_flags_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr dom = NULL;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(dom = remoteDomainFromWire(conn, &args->dom)))
        goto cleanup;
    if (virDomainCreateWithFlags(dom, args->flags) < 0)
        goto cleanup;
    /* The driver updated the handle's id: send it back. */
    remoteDomainToWireCopy(&ret->dom, dom);
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


/* A NUL-terminated string as a char array that keeps the NUL. */
static void
charsOut(u_int *len, char **val, const char *s)
{
    *len = strlen(s) + 1;
    *val = g_strdup(s);
}


int
remoteDispatchDomainGetSecurityLabel(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_get_security_label_args *args = argsp;
    remote_domain_get_security_label_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr dom = NULL;
    virSecurityLabel label;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(dom = remoteDomainFromWire(conn, &args->dom)))
        goto cleanup;
    memset(&label, 0, sizeof(label));
    if (virDomainGetSecurityLabel(dom, &label) < 0)
        goto cleanup;
    charsOut(&ret->label.label_len, &ret->label.label_val, label.label);
    ret->enforcing = label.enforcing;
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchNodeGetSecurityModel(UNUSED_ARGS, void *argsp G_GNUC_UNUSED,
                                   void *retp)
{
    remote_node_get_security_model_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virSecurityModel model;
    int rv = -1;

    if (!conn)
        return -1;
    memset(&model, 0, sizeof(model));
    if (virNodeGetSecurityModel(conn, &model) < 0)
        goto cleanup;
    charsOut(&ret->model.model_len, &ret->model.model_val, model.model);
    charsOut(&ret->doi.doi_len, &ret->doi.doi_val, model.doi);
    rv = 0;
 cleanup:
    virObjectUnref(conn);
    return rv;
}


/* ---- arrays the generator has no shape for ---------------------------- */

/* The client's connection and the domain of the arguments; both NULL
 * with an error set on failure. */
static virDomainPtr
argDomain(virNetServerClient *client, remote_nonnull_domain *wdom,
          virConnectPtr *conn)
{
    virDomainPtr dom;

    if (!(*conn = remoteDaemonGetConn(client)))
        return NULL;
    if (!(dom = remoteDomainFromWire(*conn, wdom)))
        g_clear_pointer(conn, virObjectUnref);
    return dom;
}


static int
tooMany(const char *what, long long n, long long limit)
{
    virReportError(VIR_ERR_RPC, "too many %s: %lld for limit %lld", what, n,
                   limit);
    return -1;
}


int
remoteDispatchNodeGetCpuMap(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_node_get_cpu_map_args *args = argsp;
    remote_node_get_cpu_map_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    unsigned char *map = NULL;
    unsigned int online = 0;
    int n;

    if (!conn)
        return -1;
    n = virNodeGetCPUMap(conn, args->need_map ? &map : NULL,
                         args->need_online ? &online : NULL, args->flags);
    virObjectUnref(conn);
    if (n < 0)
        return -1;
    if (map) {
        ret->cpumap.cpumap_len = VIR_CPU_MAPLEN(n);
        ret->cpumap.cpumap_val = (char *)map;
    }
    ret->online = online;
    ret->ret = n;
    return 0;
}


int
remoteDispatchDomainGetVcpus(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_get_vcpus_args *args = argsp;
    remote_domain_get_vcpus_ret *ret = retp;
    virConnectPtr conn;
    virDomainPtr dom;
    g_autofree virVcpuInfoPtr info = NULL;
    g_autofree unsigned char *maps = NULL;
    int n, i, rv = -1;

    if (!(dom = argDomain(client, &args->dom, &conn)))
        return -1;
    if (args->maxinfo < 0 || args->maxinfo > REMOTE_VCPUINFO_MAX) {
        tooMany("vCPUs", args->maxinfo, REMOTE_VCPUINFO_MAX);
        goto cleanup;
    }
    if (args->maplen < 0 ||
        (long long)args->maxinfo * args->maplen > REMOTE_CPUMAPS_MAX) {
        tooMany("cpumap bytes", (long long)args->maxinfo * args->maplen,
                REMOTE_CPUMAPS_MAX);
        goto cleanup;
    }
    info = g_new0(virVcpuInfo, MAX(args->maxinfo, 1));
    if (args->maplen > 0)
        maps = g_new0(unsigned char, MAX(args->maxinfo * args->maplen, 1));
    if ((n = virDomainGetVcpus(dom, info, args->maxinfo, maps,
                               args->maplen)) < 0)
        goto cleanup;
    ret->info.info_len = n;
    ret->info.info_val = g_new0(remote_vcpu_info, MAX(n, 1));
    for (i = 0; i < n; i++) {
        ret->info.info_val[i].number = info[i].number;
        ret->info.info_val[i].state = info[i].state;
        ret->info.info_val[i].cpu_time = info[i].cpuTime;
        ret->info.info_val[i].cpu = info[i].cpu;
    }
    if (maps) {
        ret->cpumaps.cpumaps_len = args->maxinfo * args->maplen;
        ret->cpumaps.cpumaps_val = (char *)g_steal_pointer(&maps);
    }
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchDomainGetVcpuPinInfo(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_get_vcpu_pin_info_args *args = argsp;
    remote_domain_get_vcpu_pin_info_ret *ret = retp;
    virConnectPtr conn;
    virDomainPtr dom;
    g_autofree unsigned char *maps = NULL;
    int n, rv = -1;

    if (!(dom = argDomain(client, &args->dom, &conn)))
        return -1;
    if (args->ncpumaps < 0 || args->ncpumaps > REMOTE_VCPUINFO_MAX) {
        tooMany("vCPUs", args->ncpumaps, REMOTE_VCPUINFO_MAX);
        goto cleanup;
    }
    if (args->maplen < 0 ||
        (long long)args->ncpumaps * args->maplen > REMOTE_CPUMAPS_MAX) {
        tooMany("cpumap bytes", (long long)args->ncpumaps * args->maplen,
                REMOTE_CPUMAPS_MAX);
        goto cleanup;
    }
    maps = g_new0(unsigned char, MAX(args->ncpumaps * args->maplen, 1));
    if ((n = virDomainGetVcpuPinInfo(dom, args->ncpumaps, maps,
                                     args->maplen, args->flags)) < 0)
        goto cleanup;
    ret->num = n;
    ret->cpumaps.cpumaps_len = args->ncpumaps * args->maplen;
    ret->cpumaps.cpumaps_val = (char *)g_steal_pointer(&maps);
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchDomainGetEmulatorPinInfo(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_get_emulator_pin_info_args *args = argsp;
    remote_domain_get_emulator_pin_info_ret *ret = retp;
    virConnectPtr conn;
    virDomainPtr dom;
    g_autofree unsigned char *map = NULL;
    int n, rv = -1;

    if (!(dom = argDomain(client, &args->dom, &conn)))
        return -1;
    if (args->maplen < 0 || args->maplen > REMOTE_CPUMAPS_MAX) {
        tooMany("cpumap bytes", args->maplen, REMOTE_CPUMAPS_MAX);
        goto cleanup;
    }
    map = g_new0(unsigned char, MAX(args->maplen, 1));
    if ((n = virDomainGetEmulatorPinInfo(dom, map, args->maplen,
                                         args->flags)) < 0)
        goto cleanup;
    ret->ret = n;
    ret->cpumaps.cpumaps_len = args->maplen;
    ret->cpumaps.cpumaps_val = (char *)g_steal_pointer(&map);
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}





static remote_string
optString(const char *s)
{
    remote_string out;

    if (!s)
        return NULL;
    out = g_new0(char *, 1);
    *out = g_strdup(s);
    return out;
}



int
remoteDispatchConnectGetAllDomainStats(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_connect_get_all_domain_stats_args *args = argsp;
    remote_connect_get_all_domain_stats_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virDomainPtr *doms = NULL;
    virDomainStatsRecordPtr *records = NULL;
    int n = -1, i, rv = -1;
    u_int d;

    if (!conn)
        return -1;
    if (args->doms.doms_len > REMOTE_DOMAIN_LIST_MAX) {
        tooMany("domains", args->doms.doms_len, REMOTE_DOMAIN_LIST_MAX);
        goto cleanup;
    }
    if (args->doms.doms_len) {
        doms = g_new0(virDomainPtr, args->doms.doms_len + 1);
        for (d = 0; d < args->doms.doms_len; d++) {
            if (!(doms[d] = remoteDomainFromWire(conn,
                                                 &args->doms.doms_val[d])))
                goto cleanup;
        }
        n = virDomainListGetStats(doms, args->stats, &records, args->flags);
    } else {
        n = virConnectGetAllDomainStats(conn, args->stats, &records,
                                        args->flags);
    }
    if (n < 0)
        goto cleanup;
    if (n > REMOTE_DOMAIN_LIST_MAX) {
        tooMany("records", n, REMOTE_DOMAIN_LIST_MAX);
        goto cleanup;
    }
    ret->retStats.retStats_len = n;
    ret->retStats.retStats_val = g_new0(remote_domain_stats_record, MAX(n, 1));
    for (i = 0; i < n; i++) {
        remote_domain_stats_record *w = &ret->retStats.retStats_val[i];

        remoteDomainToWireCopy(&w->dom, records[i]->dom);
        if (remoteTypedParamsToWire(records[i]->params, records[i]->nparams,
                                    REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX,
                                    &w->params.params_val,
                                    &w->params.params_len) < 0)
            goto cleanup;
    }
    rv = 0;
 cleanup:
    if (records)
        virDomainStatsRecordListFree(records);
    for (d = 0; doms && doms[d]; d++)
        virObjectUnref(doms[d]);
    g_free(doms);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchDomainGetCpuStats(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_domain_get_cpu_stats_args *args = argsp;
    remote_domain_get_cpu_stats_ret *ret = retp;
    virConnectPtr conn;
    virDomainPtr dom;
    virTypedParameterPtr params = NULL;
    size_t total = (size_t)args->nparams * args->ncpus;
    int n, rv = -1;
    u_int cpu, i, k = 0;

    if (!(dom = argDomain(client, &args->dom, &conn)))
        return -1;
    if (args->nparams > REMOTE_NODE_CPU_STATS_MAX) {
        tooMany("parameters", args->nparams, REMOTE_NODE_CPU_STATS_MAX);
        goto cleanup;
    }
    if (args->ncpus > REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX) {
        tooMany("CPUs", args->ncpus, REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX);
        goto cleanup;
    }
    if (total)
        params = g_new0(virTypedParameter, total);
    if ((n = virDomainGetCPUStats(dom, params, args->nparams, args->start_cpu,
                                  args->ncpus, args->flags)) < 0)
        goto cleanup;
    ret->nparams = n;
    if (args->nparams == 0) {
        rv = 0;
        goto cleanup;
    }
    /* Packed: each CPU's n values, without the unused slots. */
    ret->params.params_val = g_new0(remote_typed_param, MAX(total, 1));
    for (cpu = 0; cpu < args->ncpus; cpu++) {
        for (i = 0; i < (u_int)n && i < args->nparams; i++) {
            virTypedParameterPtr p = &params[cpu * args->nparams + i];
            remote_typed_param *one = NULL;
            u_int len = 0;

            if (!p->field[0])
                continue;
            if (remoteTypedParamsToWire(p, 1, 1, &one, &len) < 0)
                goto cleanup;
            ret->params.params_val[k++] = one[0];
            g_free(one);
            ret->params.params_len = k;
        }
    }
    rv = 0;
 cleanup:
    virTypedParamsFree(params, total);
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchNodeGetFreePages(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_node_get_free_pages_args *args = argsp;
    remote_node_get_free_pages_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    unsigned long long total = (unsigned long long)args->pages.pages_len *
                               args->cellCount;
    g_autofree unsigned long long *counts = NULL;
    int n;

    if (!conn)
        return -1;
    if (args->pages.pages_len > REMOTE_NODE_MAX_CELLS ||
        total > REMOTE_NODE_MAX_CELLS) {
        virObjectUnref(conn);
        return tooMany("page counts", total, REMOTE_NODE_MAX_CELLS);
    }
    counts = g_new0(unsigned long long, MAX(total, 1));
    n = virNodeGetFreePages(conn, args->pages.pages_len,
                            args->pages.pages_val, args->startCell,
                            args->cellCount, counts, args->flags);
    virObjectUnref(conn);
    if (n < 0)
        return -1;
    ret->counts.counts_len = n;
    ret->counts.counts_val = (uint64_t *)g_steal_pointer(&counts);
    return 0;
}


int
remoteDispatchDomainGetSecurityLabelList(UNUSED_ARGS, void *argsp,
                                         void *retp)
{
    remote_domain_get_security_label_list_args *args = argsp;
    remote_domain_get_security_label_list_ret *ret = retp;
    virConnectPtr conn;
    virDomainPtr dom;
    g_autofree virSecurityLabelPtr labels = NULL;
    int n, i, rv = -1;

    if (!(dom = argDomain(client, &args->dom, &conn)))
        return -1;
    if ((n = virDomainGetSecurityLabelList(dom, &labels)) < 0)
        goto cleanup;
    if (n > REMOTE_SECURITY_LABEL_LIST_MAX) {
        tooMany("labels", n, REMOTE_SECURITY_LABEL_LIST_MAX);
        goto cleanup;
    }
    ret->labels.labels_len = n;
    ret->labels.labels_val = g_new0(remote_domain_get_security_label_ret,
                                    MAX(n, 1));
    for (i = 0; i < n; i++) {
        charsOut(&ret->labels.labels_val[i].label.label_len,
                 &ret->labels.labels_val[i].label.label_val,
                 labels[i].label);
        ret->labels.labels_val[i].enforcing = labels[i].enforcing;
    }
    ret->ret = n;
    rv = 0;
 cleanup:
    virObjectUnref(dom);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchSecretGetValue(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_secret_get_value_args *args = argsp;
    remote_secret_get_value_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virSecretPtr secret = NULL;
    unsigned char *value;
    size_t size = 0;
    int rv = -1;

    if (!conn)
        return -1;
    if (!(secret = remoteSecretFromWire(conn, &args->secret)))
        goto cleanup;
    if (!(value = virSecretGetValue(secret, &size, args->flags)))
        goto cleanup;
    if (size > REMOTE_SECRET_VALUE_MAX) {
        g_free(value);
        tooMany("secret bytes", size, REMOTE_SECRET_VALUE_MAX);
        goto cleanup;
    }
    ret->value.value_len = size;
    ret->value.value_val = (char *)value;
    rv = 0;
 cleanup:
    virObjectUnref(secret);
    virObjectUnref(conn);
    return rv;
}


int
remoteDispatchNodeDeviceGetParent(UNUSED_ARGS, void *argsp, void *retp)
{
    remote_node_device_get_parent_args *args = argsp;
    remote_node_device_get_parent_ret *ret = retp;
    virConnectPtr conn = remoteDaemonGetConn(client);
    virNodeDevicePtr dev;
    const char *parent;

    if (!conn)
        return -1;
    dev = virNodeDeviceLookupByName(conn, args->name);
    virObjectUnref(conn);
    if (!dev)
        return -1;
    /* NULL with no error: a device without a parent. */
    virResetLastError();
    parent = virNodeDeviceGetParent(dev);
    if (!parent && virGetLastErrorCode() != VIR_ERR_OK) {
        virObjectUnref(dev);
        return -1;
    }
    ret->parentName = optString(parent);
    virObjectUnref(dev);
    return 0;
}
