/* remote_client_manual.c: the remote driver's callbacks that the IDL marks
 * as hand-written (<procedure handwritten="both|client">), each with the
 * reason given there.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "gen/remote_client.h"
#include "remote/remote_driver.h"
#include "remote/remote_handles.h"
#include "remote/remote_typed_params.h"
#include "util/virerror.h"
#include "util/virevent.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

/* memcpy that takes len 0 with NULL pointers (empty XDR arrays). */
static void
copyBytes(void *dst, const void *src, size_t len)
{
    if (len > 0)
        memcpy(dst, src, len);
}

#if defined(__GNUC__)
# pragma GCC diagnostic ignored "-Wcast-function-type"
#endif

/* ---- starting and stopping: keep the caller's handle id right --------- */

int
remoteDomainCreate(virDomainPtr domain)
{
    remote_domain_create_args args;
    remote_domain_lookup_by_uuid_args largs;
    remote_domain_lookup_by_uuid_ret lret;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_CREATE,
                   (xdrproc_t)xdr_remote_domain_create_args, &args,
                   NULL, NULL) < 0)
        return -1;

    /* The reply has no id: ask for it. */
    memset(&largs, 0, sizeof(largs));
    memset(&lret, 0, sizeof(lret));
    memcpy(largs.uuid, domain->uuid, VIR_UUID_BUFLEN);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID,
                   (xdrproc_t)xdr_remote_domain_lookup_by_uuid_args, &largs,
                   (xdrproc_t)xdr_remote_domain_lookup_by_uuid_ret,
                   &lret) < 0)
        return -1;
    domain->id = lret.dom.id;
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_uuid_ret, (char *)&lret);
    return 0;
}


int
remoteDomainCreateWithFlags(virDomainPtr domain, unsigned int flags)
{
    remote_domain_create_with_flags_args args;
    remote_domain_create_with_flags_ret ret;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    args.flags = flags;
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_CREATE_WITH_FLAGS,
                   (xdrproc_t)xdr_remote_domain_create_with_flags_args, &args,
                   (xdrproc_t)xdr_remote_domain_create_with_flags_ret,
                   &ret) < 0)
        return -1;
    domain->id = ret.dom.id;
    xdr_free((xdrproc_t)xdr_remote_domain_create_with_flags_ret, (char *)&ret);
    return 0;
}


int
remoteDomainDestroy(virDomainPtr domain)
{
    remote_domain_destroy_args args;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_DESTROY,
                   (xdrproc_t)xdr_remote_domain_destroy_args, &args,
                   NULL, NULL) < 0)
        return -1;
    domain->id = -1;
    return 0;
}


int
remoteDomainDestroyFlags(virDomainPtr domain, unsigned int flags)
{
    remote_domain_destroy_flags_args args;

    memset(&args, 0, sizeof(args));
    remoteDomainToWire(&args.dom, domain);
    args.flags = flags;
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_DESTROY_FLAGS,
                   (xdrproc_t)xdr_remote_domain_destroy_flags_args, &args,
                   NULL, NULL) < 0)
        return -1;
    domain->id = -1;
    return 0;
}


/* ---- security: variable char arrays into fixed buffers ---------------- */

/* Copy a received NUL-terminated char array into a buffer of `size`. */
static int
copyChars(char *dst, size_t size, const char *src, u_int len,
          const char *what)
{
    memset(dst, 0, size);
    if (len == 0)
        return 0;
    if (len > size) {
        virReportError(VIR_ERR_RPC, "security %s exceeds maximum: %zu",
                       what, size - 1);
        return -1;
    }
    memcpy(dst, src, len);
    dst[size - 1] = '\0';
    return 0;
}


int
remoteDomainGetSecurityLabel(virDomainPtr domain, virSecurityLabelPtr seclabel)
{
    remote_domain_get_security_label_args args;
    remote_domain_get_security_label_ret ret;
    int rv = -1;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    if (remoteCall(domain->conn, REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL,
                   (xdrproc_t)xdr_remote_domain_get_security_label_args, &args,
                   (xdrproc_t)xdr_remote_domain_get_security_label_ret,
                   &ret) < 0)
        return -1;
    if (copyChars(seclabel->label, sizeof(seclabel->label),
                  ret.label.label_val, ret.label.label_len, "label") < 0)
        goto cleanup;
    seclabel->enforcing = ret.enforcing;
    rv = 0;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_security_label_ret, (char *)&ret);
    return rv;
}


int
remoteNodeGetSecurityModel(virConnectPtr conn, virSecurityModelPtr secmodel)
{
    remote_node_get_security_model_ret ret;
    int rv = -1;

    memset(&ret, 0, sizeof(ret));
    if (remoteCall(conn, REMOTE_PROC_NODE_GET_SECURITY_MODEL, NULL, NULL,
                   (xdrproc_t)xdr_remote_node_get_security_model_ret,
                   &ret) < 0)
        return -1;
    if (copyChars(secmodel->model, sizeof(secmodel->model),
                  ret.model.model_val, ret.model.model_len, "model") < 0 ||
        copyChars(secmodel->doi, sizeof(secmodel->doi),
                  ret.doi.doi_val, ret.doi.doi_len, "doi") < 0)
        goto cleanup;
    rv = 0;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_node_get_security_model_ret, (char *)&ret);
    return rv;
}


/* ---- close callbacks -------------------------------------------------- */

int
remoteConnectRegisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb,
                                   void *opaque, virFreeCallback freecb)
{
    remotePriv *priv = remotePrivLock(conn);
    bool tell;

    if (priv->closeCb) {
        remotePrivUnlock(priv);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A close callback is already registered");
        return -1;
    }
    priv->closeCb = cb;
    priv->closeOpaque = opaque;
    priv->closeFree = freecb;
    tell = priv->closeCallbackSupported;
    remotePrivUnlock(priv);

    if (tell &&
        remoteCall(conn, REMOTE_PROC_CONNECT_REGISTER_CLOSE_CALLBACK,
                   NULL, NULL, NULL, NULL) < 0) {
        priv = remotePrivLock(conn);
        priv->closeCb = NULL;
        priv->closeOpaque = NULL;
        priv->closeFree = NULL;
        remotePrivUnlock(priv);
        return -1;
    }
    return 0;
}


int
remoteConnectUnregisterCloseCallback(virConnectPtr conn,
                                     virConnectCloseFunc cb)
{
    remotePriv *priv = remotePrivLock(conn);
    virFreeCallback freecb;
    void *opaque;
    bool tell;

    if (priv->closeCb != cb) {
        remotePrivUnlock(priv);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A different callback was requested");
        return -1;
    }
    freecb = priv->closeFree;
    opaque = priv->closeOpaque;
    priv->closeCb = NULL;
    priv->closeOpaque = NULL;
    priv->closeFree = NULL;
    tell = priv->closeCallbackSupported;
    remotePrivUnlock(priv);
    if (freecb)
        freecb(opaque);

    if (tell)
        return remoteCall(conn, REMOTE_PROC_CONNECT_UNREGISTER_CLOSE_CALLBACK,
                          NULL, NULL, NULL, NULL);
    return 0;
}


/* ---- arrays the generator has no shape for ---------------------------- */

#define CALL(conn, proc, argsT, args, retT, ret) \
    remoteCall(conn, proc, (xdrproc_t)xdr_##argsT, args, \
               (xdrproc_t)xdr_##retT, ret)

/* A reply array longer than the caller allows. */
static int
tooLong(const char *what, u_int len, long long limit)
{
    virReportError(VIR_ERR_RPC, "too many %s: %u for limit %lld", what, len,
                   limit);
    return -1;
}


int
remoteNodeGetCPUMap(virConnectPtr conn, unsigned char **cpumap,
                    unsigned int *online, unsigned int flags)
{
    remote_node_get_cpu_map_args args = { 0 };
    remote_node_get_cpu_map_ret ret;
    int rv;

    memset(&ret, 0, sizeof(ret));
    args.need_map = cpumap != NULL;
    args.need_online = online != NULL;
    args.flags = flags;
    if (CALL(conn, REMOTE_PROC_NODE_GET_CPU_MAP, remote_node_get_cpu_map_args,
             &args, remote_node_get_cpu_map_ret, &ret) < 0)
        return -1;
    if (ret.ret < 0)
        goto done;
    if (cpumap) {
        *cpumap = g_new0(unsigned char, MAX(ret.cpumap.cpumap_len, 1));
        copyBytes(*cpumap, ret.cpumap.cpumap_val, ret.cpumap.cpumap_len);
    }
    if (online)
        *online = ret.online;
 done:
    rv = ret.ret;
    xdr_free((xdrproc_t)xdr_remote_node_get_cpu_map_ret, (char *)&ret);
    return rv;
}


int
remoteDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                     unsigned char *cpumaps, int maplen)
{
    remote_domain_get_vcpus_args args;
    remote_domain_get_vcpus_ret ret;
    int rv = -1;
    u_int i;

    if (maxinfo > REMOTE_VCPUINFO_MAX)
        return tooLong("vCPUs", maxinfo, REMOTE_VCPUINFO_MAX);
    if ((long long)maxinfo * maplen > REMOTE_CPUMAPS_MAX)
        return tooLong("cpumap bytes", maxinfo * maplen, REMOTE_CPUMAPS_MAX);
    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    args.maxinfo = maxinfo;
    args.maplen = maplen;
    if (CALL(domain->conn, REMOTE_PROC_DOMAIN_GET_VCPUS,
             remote_domain_get_vcpus_args, &args,
             remote_domain_get_vcpus_ret, &ret) < 0)
        return -1;
    if (ret.info.info_len > (u_int)maxinfo) {
        tooLong("vCPUs", ret.info.info_len, maxinfo);
        goto cleanup;
    }
    if (ret.cpumaps.cpumaps_len > (u_int)(maxinfo * maplen)) {
        tooLong("cpumap bytes", ret.cpumaps.cpumaps_len, maxinfo * maplen);
        goto cleanup;
    }
    memset(info, 0, sizeof(*info) * maxinfo);
    for (i = 0; i < ret.info.info_len; i++) {
        info[i].number = ret.info.info_val[i].number;
        info[i].state = ret.info.info_val[i].state;
        info[i].cpuTime = ret.info.info_val[i].cpu_time;
        info[i].cpu = ret.info.info_val[i].cpu;
    }
    if (cpumaps) {
        memset(cpumaps, 0, maxinfo * maplen);
        copyBytes(cpumaps, ret.cpumaps.cpumaps_val, ret.cpumaps.cpumaps_len);
    }
    rv = ret.info.info_len;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_vcpus_ret, (char *)&ret);
    return rv;
}


int
remoteDomainGetVcpuPinInfo(virDomainPtr domain, int ncpumaps,
                           unsigned char *cpumaps, int maplen,
                           unsigned int flags)
{
    remote_domain_get_vcpu_pin_info_args args;
    remote_domain_get_vcpu_pin_info_ret ret;
    int rv = -1;

    if (ncpumaps > REMOTE_VCPUINFO_MAX)
        return tooLong("vCPUs", ncpumaps, REMOTE_VCPUINFO_MAX);
    if ((long long)ncpumaps * maplen > REMOTE_CPUMAPS_MAX)
        return tooLong("cpumap bytes", ncpumaps * maplen, REMOTE_CPUMAPS_MAX);
    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    args.ncpumaps = ncpumaps;
    args.maplen = maplen;
    args.flags = flags;
    if (CALL(domain->conn, REMOTE_PROC_DOMAIN_GET_VCPU_PIN_INFO,
             remote_domain_get_vcpu_pin_info_args, &args,
             remote_domain_get_vcpu_pin_info_ret, &ret) < 0)
        return -1;
    if (ret.cpumaps.cpumaps_len > (u_int)(ncpumaps * maplen)) {
        tooLong("cpumap bytes", ret.cpumaps.cpumaps_len, ncpumaps * maplen);
        goto cleanup;
    }
    memset(cpumaps, 0, ncpumaps * maplen);
    copyBytes(cpumaps, ret.cpumaps.cpumaps_val, ret.cpumaps.cpumaps_len);
    rv = ret.num;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_vcpu_pin_info_ret, (char *)&ret);
    return rv;
}


int
remoteDomainGetEmulatorPinInfo(virDomainPtr domain, unsigned char *cpumap,
                               int maplen, unsigned int flags)
{
    remote_domain_get_emulator_pin_info_args args;
    remote_domain_get_emulator_pin_info_ret ret;
    int rv = -1;

    if (maplen > REMOTE_CPUMAPS_MAX)
        return tooLong("cpumap bytes", maplen, REMOTE_CPUMAPS_MAX);
    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    args.maplen = maplen;
    args.flags = flags;
    if (CALL(domain->conn, REMOTE_PROC_DOMAIN_GET_EMULATOR_PIN_INFO,
             remote_domain_get_emulator_pin_info_args, &args,
             remote_domain_get_emulator_pin_info_ret, &ret) < 0)
        return -1;
    if (ret.cpumaps.cpumaps_len > (u_int)maplen) {
        tooLong("cpumap bytes", ret.cpumaps.cpumaps_len, maplen);
        goto cleanup;
    }
    memset(cpumap, 0, maplen);
    copyBytes(cpumap, ret.cpumaps.cpumaps_val, ret.cpumaps.cpumaps_len);
    rv = ret.ret;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_emulator_pin_info_ret,
             (char *)&ret);
    return rv;
}


/* ---- domain statistics ------------------------------------------------ */

static int
getStats(virConnectPtr conn, virDomainPtr *doms, unsigned int ndoms,
         unsigned int stats, virDomainStatsRecordPtr **retStats,
         unsigned int flags)
{
    remote_connect_get_all_domain_stats_args args;
    remote_connect_get_all_domain_stats_ret ret;
    virDomainStatsRecordPtr *list = NULL;
    g_autofree remote_nonnull_domain *wdoms = NULL;
    u_int i;
    int rv = -1;

    if (ndoms > REMOTE_DOMAIN_LIST_MAX)
        return tooLong("domains", ndoms, REMOTE_DOMAIN_LIST_MAX);
    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    wdoms = g_new0(remote_nonnull_domain, MAX(ndoms, 1));
    for (i = 0; i < ndoms; i++)
        remoteDomainToWire(&wdoms[i], doms[i]);
    args.doms.doms_len = ndoms;
    args.doms.doms_val = wdoms;
    args.stats = stats;
    args.flags = flags;
    if (CALL(conn, REMOTE_PROC_CONNECT_GET_ALL_DOMAIN_STATS,
             remote_connect_get_all_domain_stats_args, &args,
             remote_connect_get_all_domain_stats_ret, &ret) < 0)
        return -1;
    list = g_new0(virDomainStatsRecordPtr, ret.retStats.retStats_len + 1);
    for (i = 0; i < ret.retStats.retStats_len; i++) {
        remote_domain_stats_record *w = &ret.retStats.retStats_val[i];

        list[i] = g_new0(virDomainStatsRecord, 1);
        if (!(list[i]->dom = remoteDomainFromWire(conn, &w->dom)) ||
            remoteTypedParamsFromWire(w->params.params_val,
                                      w->params.params_len,
                                      REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX,
                                      &list[i]->params,
                                      &list[i]->nparams) < 0)
            goto cleanup;
    }
    *retStats = g_steal_pointer(&list);
    rv = ret.retStats.retStats_len;
 cleanup:
    if (list)
        virDomainStatsRecordListFree(list);
    xdr_free((xdrproc_t)xdr_remote_connect_get_all_domain_stats_ret,
             (char *)&ret);
    return rv;
}


int
remoteConnectGetAllDomainStats(virConnectPtr conn, unsigned int stats,
                               virDomainStatsRecordPtr **retStats,
                               unsigned int flags)
{
    return getStats(conn, NULL, 0, stats, retStats, flags);
}


int
remoteDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                         virDomainStatsRecordPtr **retStats,
                         unsigned int flags)
{
    unsigned int n = 0;

    while (doms[n])
        n++;
    return getStats(doms[0]->conn, doms, n, stats, retStats, flags);
}


int
remoteDomainGetCPUStats(virDomainPtr domain, virTypedParameterPtr params,
                        unsigned int nparams, int start_cpu,
                        unsigned int ncpus, unsigned int flags)
{
    remote_domain_get_cpu_stats_args args;
    remote_domain_get_cpu_stats_ret ret;
    u_int cpu, n;
    int rv = -1;

    if (nparams > REMOTE_NODE_CPU_STATS_MAX)
        return tooLong("parameters", nparams, REMOTE_NODE_CPU_STATS_MAX);
    if (ncpus > REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX)
        return tooLong("CPUs", ncpus, REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX);
    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    args.nparams = nparams;
    args.start_cpu = start_cpu;
    args.ncpus = ncpus;
    args.flags = flags;
    if (CALL(domain->conn, REMOTE_PROC_DOMAIN_GET_CPU_STATS,
             remote_domain_get_cpu_stats_args, &args,
             remote_domain_get_cpu_stats_ret, &ret) < 0)
        return -1;
    if (nparams == 0) {
        rv = ret.nparams;
        goto cleanup;
    }
    /* Each CPU's ret.nparams values come packed; the caller's array has
     * a stride of nparams. */
    n = ret.params.params_len;
    if (n > nparams * ncpus || ret.nparams < 0 ||
        (u_int)ret.nparams > nparams ||
        (n && (ret.nparams == 0 || n % ret.nparams))) {
        virReportError(VIR_ERR_RPC, "%s",
                       "remoteDomainGetCPUStats: returned number of stats "
                       "exceeds limit");
        goto cleanup;
    }
    memset(params, 0, sizeof(*params) * nparams * ncpus);
    for (cpu = 0; n && cpu < n / ret.nparams; cpu++) {
        int got = nparams;

        if (remoteTypedParamsFromWireInto(ret.params.params_val +
                                          cpu * ret.nparams, ret.nparams,
                                          params + cpu * nparams, &got) < 0)
            goto cleanup;
    }
    rv = ret.nparams;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_cpu_stats_ret, (char *)&ret);
    return rv;
}


int
remoteNodeGetFreePages(virConnectPtr conn, unsigned int npages,
                       unsigned int *pages, int startCell,
                       unsigned int cellCount, unsigned long long *counts,
                       unsigned int flags)
{
    remote_node_get_free_pages_args args;
    remote_node_get_free_pages_ret ret;
    int rv = -1;

    if (npages > REMOTE_NODE_MAX_CELLS ||
        (unsigned long long)npages * cellCount > REMOTE_NODE_MAX_CELLS)
        return tooLong("page counts", npages * cellCount,
                       REMOTE_NODE_MAX_CELLS);
    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    args.pages.pages_len = npages;
    args.pages.pages_val = pages;
    args.startCell = startCell;
    args.cellCount = cellCount;
    args.flags = flags;
    if (CALL(conn, REMOTE_PROC_NODE_GET_FREE_PAGES,
             remote_node_get_free_pages_args, &args,
             remote_node_get_free_pages_ret, &ret) < 0)
        return -1;
    if (ret.counts.counts_len > npages * cellCount) {
        tooLong("page counts", ret.counts.counts_len, npages * cellCount);
        goto cleanup;
    }
    copyBytes(counts, ret.counts.counts_val,
           sizeof(*counts) * ret.counts.counts_len);
    rv = ret.counts.counts_len;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_node_get_free_pages_ret, (char *)&ret);
    return rv;
}


int
remoteDomainGetSecurityLabelList(virDomainPtr domain,
                                 virSecurityLabelPtr *seclabels)
{
    remote_domain_get_security_label_list_args args;
    remote_domain_get_security_label_list_ret ret;
    g_autofree virSecurityLabelPtr list = NULL;
    u_int i;
    int rv = -1;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteDomainToWire(&args.dom, domain);
    if (CALL(domain->conn, REMOTE_PROC_DOMAIN_GET_SECURITY_LABEL_LIST,
             remote_domain_get_security_label_list_args, &args,
             remote_domain_get_security_label_list_ret, &ret) < 0)
        return -1;
    list = g_new0(virSecurityLabel, MAX(ret.labels.labels_len, 1));
    for (i = 0; i < ret.labels.labels_len; i++) {
        remote_domain_get_security_label_ret *w = &ret.labels.labels_val[i];

        if (copyChars(list[i].label, sizeof(list[i].label),
                      w->label.label_val, w->label.label_len, "label") < 0)
            goto cleanup;
        list[i].enforcing = w->enforcing;
    }
    *seclabels = g_steal_pointer(&list);
    rv = ret.ret;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_security_label_list_ret,
             (char *)&ret);
    return rv;
}


unsigned char *
remoteSecretGetValue(virSecretPtr secret, size_t *value_size,
                     unsigned int flags)
{
    remote_secret_get_value_args args;
    remote_secret_get_value_ret ret;
    unsigned char *value;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    remoteSecretToWire(&args.secret, secret);
    args.flags = flags;
    if (CALL(secret->conn, REMOTE_PROC_SECRET_GET_VALUE,
             remote_secret_get_value_args, &args,
             remote_secret_get_value_ret, &ret) < 0)
        return NULL;
    *value_size = ret.value.value_len;
    value = g_new0(unsigned char, MAX(ret.value.value_len, 1));
    copyBytes(value, ret.value.value_val, ret.value.value_len);
    xdr_free((xdrproc_t)xdr_remote_secret_get_value_ret, (char *)&ret);
    return value;
}


/* ---- node device parents ------------------------------------------------ */

/* Only reached when the handle has no parent name.  The daemon may answer
 * "no parent" with an empty optional string and no error: then we return
 * NULL and leave the error, if any, to the public entry point. */
const char *
remoteNodeDeviceGetParent(virNodeDevicePtr dev)
{
    remote_node_device_get_parent_args args;
    remote_node_device_get_parent_ret ret;
    char *parent = NULL;

    memset(&args, 0, sizeof(args));
    memset(&ret, 0, sizeof(ret));
    args.name = dev->name;
    if (CALL(dev->conn, REMOTE_PROC_NODE_DEVICE_GET_PARENT,
             remote_node_device_get_parent_args, &args,
             remote_node_device_get_parent_ret, &ret) < 0)
        return NULL;
    if (ret.parentName)
        parent = g_strdup(*ret.parentName);
    xdr_free((xdrproc_t)xdr_remote_node_device_get_parent_ret, (char *)&ret);
    return parent;
}
