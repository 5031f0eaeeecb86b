/* test_driver_allstats.c: bulk domain statistics, CPU statistics, guest
 * interface addresses, key presses, the host's CPU models and CPU
 * baselines for the test hypervisor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * As in libvirt 9.0's test driver, bulk statistics know the "state" and
 * "iothread" groups, CPU times are fixed numbers spread over the node's
 * cores, every interface has one made-up IPv4 address (taken from its
 * network's DHCP range), and key presses are only checked.  Baselines are
 * only worked out where no CPU feature map is needed (see below).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "test/test_driver_tunables.h"
#include "conf/domain_xmlutil.h"
#include "util/virerror.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST


/* ---- bulk statistics ---- */

#define TEST_STATS_SUPPORTED (VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_IOTHREAD)
/* The domain filters of GetAllDomainStats equal ListAllDomains' flags. */
#define TEST_STATS_FILTERS 0xffU


static int
testStatsCheck(unsigned int *stats, unsigned int flags)
{
    if (*stats == 0) {
        *stats = TEST_STATS_SUPPORTED;
    } else if ((flags & VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS) &&
               (*stats & ~TEST_STATS_SUPPORTED)) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "Stats types bits 0x%x are not supported by this daemon",
                       *stats & ~TEST_STATS_SUPPORTED);
        return -1;
    }
    *stats &= TEST_STATS_SUPPORTED;
    return 0;
}


/* The iothread group: the count, then each thread's polling values, for
 * the threads loaded with the domain or added since (libvirt's test driver
 * keeps that list apart from the definition). */
static int
testStatsIOThreads(testDomObj *obj, virDomainStatsRecordPtr rec,
                   int *maxparams)
{
    guint n = obj->iothreadPoll ? obj->iothreadPoll->len : 0;
    guint i;

    if (n == 0)
        return 0;
    if (virTypedParamsAppend(&rec->params, &rec->nparams, maxparams,
                             "iothread.count", VIR_TYPED_PARAM_UINT, n) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        unsigned int id = testIOThreadPollId(obj, i);
        unsigned long long vmax;
        unsigned int vgrow, vshrink;
        g_autofree char *maxns = g_strdup_printf("iothread.%u.poll-max-ns", id);
        g_autofree char *grow = g_strdup_printf("iothread.%u.poll-grow", id);
        g_autofree char *shrink = g_strdup_printf("iothread.%u.poll-shrink", id);

        testIOThreadPollGet(obj, id, &vmax, &vgrow, &vshrink);
        if (virTypedParamsAppend(&rec->params, &rec->nparams, maxparams,
                                 maxns, VIR_TYPED_PARAM_ULLONG, vmax) < 0 ||
            virTypedParamsAppend(&rec->params, &rec->nparams, maxparams,
                                 grow, VIR_TYPED_PARAM_UINT, vgrow) < 0 ||
            virTypedParamsAppend(&rec->params, &rec->nparams, maxparams,
                                 shrink, VIR_TYPED_PARAM_UINT, vshrink) < 0)
            return -1;
    }
    return 0;
}


/* One record for `dom` (a new reference is taken); NULL with an error. */
static virDomainStatsRecordPtr
testStatsRecord(testDriver *drv, virDomainPtr dom, unsigned int stats)
{
    virDomainStatsRecordPtr rec;
    testDomObj *obj;
    int maxparams = 0;

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, dom))) {
        g_mutex_unlock(&drv->lock);
        return NULL;
    }
    rec = g_new0(virDomainStatsRecord, 1);
    if ((stats & VIR_DOMAIN_STATS_STATE) &&
        (virTypedParamsAppend(&rec->params, &rec->nparams, &maxparams,
                              "state.state", VIR_TYPED_PARAM_INT,
                              obj->state) < 0 ||
         virTypedParamsAppend(&rec->params, &rec->nparams, &maxparams,
                              "state.reason", VIR_TYPED_PARAM_INT,
                              obj->reason) < 0)) {
        g_mutex_unlock(&drv->lock);
        virTypedParamsFree(rec->params, rec->nparams);
        g_free(rec);
        return NULL;
    }
    if ((stats & VIR_DOMAIN_STATS_IOTHREAD) && testDomObjIsActive(obj) &&
        testStatsIOThreads(obj, rec, &maxparams) < 0) {
        g_mutex_unlock(&drv->lock);
        virTypedParamsFree(rec->params, rec->nparams);
        g_free(rec);
        return NULL;
    }
    g_mutex_unlock(&drv->lock);
    rec->dom = virObjectRef(dom);
    return rec;
}


static int
testStatsCollect(testDriver *drv, virDomainPtr *doms, size_t ndoms,
                 unsigned int stats, virDomainStatsRecordPtr **retStats)
{
    virDomainStatsRecordPtr *out = g_new0(virDomainStatsRecordPtr, ndoms + 1);
    size_t i;

    for (i = 0; i < ndoms; i++) {
        if (!(out[i] = testStatsRecord(drv, doms[i], stats))) {
            virDomainStatsRecordListFree(out);
            return -1;
        }
    }
    *retStats = out;
    return ndoms;
}


int
testConnectGetAllDomainStats(virConnectPtr conn, unsigned int stats,
                             virDomainStatsRecordPtr **retStats,
                             unsigned int flags)
{
    testDriver *drv = conn->privateData;
    virDomainPtr *doms = NULL;
    int ndoms;
    int ret;
    int i;

    if (testStatsCheck(&stats, flags) < 0)
        return -1;
    if ((ndoms = testConnectListAllDomains(conn, &doms,
                                           flags & TEST_STATS_FILTERS)) < 0)
        return -1;
    ret = testStatsCollect(drv, doms, ndoms, stats, retStats);
    for (i = 0; i < ndoms; i++)
        virObjectUnref(doms[i]);
    free(doms);
    return ret;
}


int
testDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                       virDomainStatsRecordPtr **retStats, unsigned int flags)
{
    testDriver *drv = doms[0]->conn->privateData;
    size_t ndoms = 0;

    if (testStatsCheck(&stats, flags) < 0)
        return -1;
    while (doms[ndoms])
        ndoms++;
    return testStatsCollect(drv, doms, ndoms, stats, retStats);
}


/* ---- CPU statistics ---- */

#define TEST_CPU_TIME 48772617035ULL
#define TEST_USER_TIME 5540000000ULL
#define TEST_SYSTEM_TIME 6460000000ULL
/* what the hypervisor's own work adds to each CPU's vCPU time */
#define TEST_CPU_OVERHEAD 1234567890ULL

int
testDomainGetCPUStats(virDomainPtr dom, virTypedParameterPtr params,
                      unsigned int nparams, int start_cpu,
                      unsigned int ncpus, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    testDomObj *obj;
    int hostcpus;
    int ret = -1;
    unsigned int i;

    virCheckFlags(VIR_TYPED_PARAM_STRING_OKAY, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, dom)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    hostcpus = drv->nodeInfo.cores > 0 ? (int)drv->nodeInfo.cores : 1;

    if (start_cpu == -1) {
        const char *names[] = { VIR_DOMAIN_CPU_STATS_CPUTIME,
                                VIR_DOMAIN_CPU_STATS_USERTIME,
                                VIR_DOMAIN_CPU_STATS_SYSTEMTIME };
        unsigned long long vals[] = { TEST_CPU_TIME, TEST_USER_TIME,
                                      TEST_SYSTEM_TIME };

        if (nparams == 0) {
            ret = G_N_ELEMENTS(names);
            goto cleanup;
        }
        for (i = 0; i < nparams && i < G_N_ELEMENTS(names); i++) {
            if (virTypedParameterAssign(&params[i], names[i],
                                        VIR_TYPED_PARAM_ULLONG, vals[i]) < 0)
                goto cleanup;
        }
        ret = i;
        goto cleanup;
    }

    if (nparams == 0 && ncpus == 0) {
        ret = hostcpus;
        goto cleanup;
    }
    if (nparams == 0) {
        ret = 2;
        goto cleanup;
    }
    if (start_cpu < 0 || start_cpu >= hostcpus) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "start_cpu %d larger than maximum of %d",
                       start_cpu, hostcpus - 1);
        goto cleanup;
    }
    ret = MIN(nparams, 2U);
    for (i = 0; i < ncpus && start_cpu + (int)i < hostcpus; i++) {
        unsigned long long cpu = TEST_CPU_TIME / hostcpus + start_cpu + i;
        virTypedParameterPtr p = &params[i * nparams];

        if (virTypedParameterAssign(&p[0], VIR_DOMAIN_CPU_STATS_CPUTIME,
                                    VIR_TYPED_PARAM_ULLONG, cpu) < 0 ||
            (nparams > 1 &&
             virTypedParameterAssign(&p[1], VIR_DOMAIN_CPU_STATS_VCPUTIME,
                                     VIR_TYPED_PARAM_ULLONG,
                                     cpu - TEST_CPU_OVERHEAD) < 0)) {
            ret = -1;
            goto cleanup;
        }
    }

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- interface addresses ---- */

/* The address an interface on `netname` gets: the first IPv4 DHCP range's
 * start (or the network's own address) plus 1 + the interface's index,
 * with the network's prefix. */
static int
testNetAddress(testDriver *drv, const char *netname, size_t idx,
               char **addr, int *prefix)
{
    const virNetworkIPDef *ip = NULL;
    const virConfIPAddr *base;
    virConfIPAddr a;
    guint32 v;
    size_t i;

    for (i = 0; i < drv->networks->len; i++) {
        testNetObj *net = g_ptr_array_index(drv->networks, i);

        if (strcmp(net->def->name, netname) != 0)
            continue;
        for (i = 0; i < net->def->nips; i++) {
            if (virConfIPAddrIsV4(&net->def->ips[i].address)) {
                ip = &net->def->ips[i];
                break;
            }
        }
        if (!ip) {
            /* libvirt's test driver crashes here */
            testReportErrorIn(VIR_FROM_NETWORK, VIR_ERR_INTERNAL_ERROR,
                              "network '%s' has no IPv4 address", netname);
            return -1;
        }
        base = ip->nranges ? &ip->ranges[0].start : &ip->address;
        a = *base;
        v = ((guint32)a.bytes[0] << 24) | ((guint32)a.bytes[1] << 16) |
            ((guint32)a.bytes[2] << 8) | a.bytes[3];
        v += 1 + idx;
        a.bytes[0] = v >> 24;
        a.bytes[1] = (v >> 16) & 0xff;
        a.bytes[2] = (v >> 8) & 0xff;
        a.bytes[3] = v & 0xff;
        *addr = virConfIPAddrFormat(&a);
        if (ip->prefix)
            *prefix = ip->prefix;
        else if (virConfIPAddrIsSet(&ip->netmask))
            *prefix = virConfIPAddrNetmaskToPrefix(&ip->netmask);
        else
            *prefix = 24;
        return 0;
    }
    testReportErrorIn(VIR_FROM_NETWORK, VIR_ERR_NO_NETWORK,
                      "no network with matching name '%s'", netname);
    return -1;
}


int
testDomainInterfaceAddresses(virDomainPtr dom, virDomainInterfacePtr **ifaces,
                             unsigned int source, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainInterfacePtr *out = NULL;
    testDomObj *obj;
    size_t n = 0;
    size_t i;
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, dom)) ||
        testDomObjCheckActive(obj) < 0)
        goto cleanup;
    if (source > VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "Unknown IP address data source %d", source);
        goto cleanup;
    }

    out = g_new0(virDomainInterfacePtr, obj->def->nnets + 1);
    for (i = 0; i < obj->def->nnets; i++) {
        virDomainNetDef *net = obj->def->nets[i];
        virDomainInterfacePtr iface;
        char mac[VIR_MAC_STRING_BUFLEN];
        g_autofree char *addr = NULL;
        int prefix = 24;

        if (net->type == VIR_DOMAIN_NET_TYPE_NETWORK) {
            if (testNetAddress(drv, net->network ? net->network : "", i,
                               &addr, &prefix) < 0)
                goto cleanup;
        } else {
            addr = g_strdup_printf("192.168.0.%zu", 1 + i);
        }
        virDomainNetFormatMAC(net->mac, mac);
        iface = g_new0(virDomainInterface, 1);
        iface->name = g_strdup(net->ifname ? net->ifname : "");
        iface->hwaddr = g_strdup(mac);
        iface->naddrs = 1;
        iface->addrs = g_new0(virDomainIPAddress, 1);
        iface->addrs[0].type = VIR_IP_ADDR_TYPE_IPV4;
        iface->addrs[0].addr = g_steal_pointer(&addr);
        iface->addrs[0].prefix = prefix;
        out[n++] = iface;
    }
    *ifaces = g_steal_pointer(&out);
    ret = n;

 cleanup:
    if (out) {
        for (i = 0; i < n; i++)
            virDomainInterfaceFree(out[i]);
        g_free(out);
    }
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- key presses ---- */

static const char *const testKeycodeSets[] = {
    "linux", "xt", "atset1", "atset2", "atset3", "os_x", "xt_kbd", "usb",
    "win32", "rfb", "qnum",
};

int
testDomainSendKey(virDomainPtr dom, unsigned int codeset,
                  unsigned int holdtime G_GNUC_UNUSED, unsigned int *keycodes,
                  int nkeycodes, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    testDomObj *obj;
    int ret = -1;
    int i;

    virCheckFlags(0, -1);

    if (codeset >= G_N_ELEMENTS(testKeycodeSets)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid codeset %u", codeset);
        return -1;
    }
    /* Every set's codes fit below 0x300 (linux, the widest, ends at
     * KEY_MAX 0x2ff); a code the set does not define is not looked up. */
    for (i = 0; i < nkeycodes; i++) {
        if (keycodes[i] > 0x2ff) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "invalid keycode %u of %s codeset",
                           keycodes[i], testKeycodeSets[codeset]);
            return -1;
        }
    }

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, dom)) &&
        testDomObjCheckActive(obj) == 0)
        ret = 0;
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- CPU models ---- */

/* libvirt's CPU map: the x86 models (for i686 and x86_64) and the ppc64
 * ones, in the map's order. */
static const char *const testCPUModelsX86[] = {
    "486", "pentium", "pentium2", "pentium3", "pentiumpro", "coreduo",
    "n270", "core2duo", "qemu32", "kvm32", "cpu64-rhel5", "cpu64-rhel6",
    "qemu64", "kvm64", "Conroe", "Penryn", "Nehalem", "Nehalem-IBRS",
    "Westmere", "Westmere-IBRS", "SandyBridge", "SandyBridge-IBRS",
    "IvyBridge", "IvyBridge-IBRS", "Haswell-noTSX", "Haswell-noTSX-IBRS",
    "Haswell", "Haswell-IBRS", "Broadwell-noTSX", "Broadwell-noTSX-IBRS",
    "Broadwell", "Broadwell-IBRS", "Skylake-Client", "Skylake-Client-IBRS",
    "Skylake-Client-noTSX-IBRS", "Skylake-Server", "Skylake-Server-IBRS",
    "Skylake-Server-noTSX-IBRS", "Cascadelake-Server",
    "Cascadelake-Server-noTSX", "Icelake-Client", "Icelake-Client-noTSX",
    "Icelake-Server", "Icelake-Server-noTSX", "Cooperlake", "Snowridge",
    "athlon", "phenom", "Opteron_G1", "Opteron_G2", "Opteron_G3",
    "Opteron_G4", "Opteron_G5", "EPYC", "EPYC-IBPB", "EPYC-Rome",
    "EPYC-Milan", "Dhyana", NULL,
};

static const char *const testCPUModelsPPC64[] = {
    "POWER6", "POWER7", "POWER8", "POWER9", "POWER10", "POWERPC_e5500",
    "POWERPC_e6500", NULL,
};

/* The architecture names libvirt knows. */
static const char *const testArchNames[] = {
    "none", "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
    "ia64", "lm32", "loongarch64", "m68k", "microblaze", "microblazeel",
    "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc",
    "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32",
    "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64",
    "unicore32", "x86_64", "xtensa", "xtensaeb", NULL,
};


static const char *const *
testCPUModelsFor(const char *arch)
{
    size_t i;

    if (STREQ(arch, "i686") || STREQ(arch, "x86_64"))
        return testCPUModelsX86;
    if (STREQ(arch, "ppc64") || STREQ(arch, "ppc64le"))
        return testCPUModelsPPC64;
    for (i = 0; testArchNames[i]; i++) {
        if (STREQ(arch, testArchNames[i]))
            return NULL;
    }
    return (const char *const *)testArchNames;   /* marks "unknown" */
}


int
testConnectGetCPUModelNames(virConnectPtr conn G_GNUC_UNUSED,
                            const char *arch, char ***models,
                            unsigned int flags)
{
    const char *const *list;
    int n = 0;

    virCheckFlags(0, -1);

    list = testCPUModelsFor(arch);
    if (list == testArchNames) {
        virReportError(VIR_ERR_INVALID_ARG, "cannot find architecture %s",
                       arch);
        return -1;
    }
    while (list && list[n])
        n++;
    /* no list at all when there are no models, as libvirt does */
    if (models)
        *models = NULL;
    if (models && n > 0) {
        char **out = g_new0(char *, n + 1);
        int i;

        for (i = 0; i < n; i++)
            out[i] = g_strdup(list[i]);
        *models = out;
    }
    return n;
}


/* ---- CPU baseline ---- */

/* What baseline can be worked out without libvirt's CPU feature map:
 * CPUs that all name the same model, without extra features (and, on
 * x86, the same vendor: none, or Intel with a model that is not AMD's or
 * Hygon's).  Anything else is refused as unsupported. */

static const char *const testCPUModelsNotIntel[] = {
    "athlon", "phenom", "Opteron_G1", "Opteron_G2", "Opteron_G3",
    "Opteron_G4", "Opteron_G5", "EPYC", "EPYC-IBPB", "EPYC-Rome",
    "EPYC-Milan", "Dhyana", NULL,
};

typedef struct {
    char *arch;
    char *model;
    char *vendor;
    int nfeatures;
} testBaselineCPU;


static bool
testStrIn(const char *const *list, const char *s)
{
    size_t i;

    for (i = 0; list && list[i]; i++) {
        if (STREQ(list[i], s))
            return true;
    }
    return false;
}


static void
testBaselineCPUClear(testBaselineCPU *cpu)
{
    g_free(cpu->arch);
    g_free(cpu->model);
    g_free(cpu->vendor);
}


static char *
testBaselineChildText(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur = virDomXMLChild(node, name);
    char *text = cur ? virDomXMLText(cur) : NULL;

    if (text && !*g_strstrip(text))
        g_clear_pointer(&text, g_free);
    return text;
}


static int
testBaselineParse(const char *xml, testBaselineCPU *cpu)
{
    xmlDocPtr doc;
    xmlNodePtr root;
    xmlNodePtr cur;
    g_autofree char *mode = NULL;
    int ret = -1;

    xmlResetLastError();
    doc = xmlReadMemory(xml, strlen(xml), "CPU_definition", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                        XML_PARSE_NOWARNING);
    if (!doc || !(root = xmlDocGetRootElement(doc))) {
        const xmlError *err = xmlGetLastError();

        testReportErrorIn(VIR_FROM_CPU, VIR_ERR_XML_DETAIL,
                          "(CPU_definition):%d: %s",
                          err ? err->line : 0,
                          err && err->message ? err->message : "bad XML");
        goto cleanup;
    }
    if ((mode = virDomXMLProp(root, "mode"))) {
        testReportErrorIn(VIR_FROM_CPU, VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                          "Attribute mode is only allowed for guest CPU");
        goto cleanup;
    }
    if (!(cpu->arch = testBaselineChildText(root, "arch"))) {
        testReportErrorIn(VIR_FROM_CPU, VIR_ERR_XML_ERROR, "%s",
                          "Missing CPU architecture");
        goto cleanup;
    }
    if (!(cpu->model = testBaselineChildText(root, "model"))) {
        testReportErrorIn(VIR_FROM_CPU, VIR_ERR_XML_ERROR, "%s",
                          "Missing CPU model name");
        goto cleanup;
    }
    cpu->vendor = testBaselineChildText(root, "vendor");
    for (cur = root->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            xmlStrEqual(cur->name, BAD_CAST "feature"))
            cpu->nfeatures++;
    }
    ret = 0;

 cleanup:
    if (doc)
        xmlFreeDoc(doc);
    return ret;
}


char *
testConnectBaselineCPU(virConnectPtr conn G_GNUC_UNUSED,
                       const char **xmlCPUs, unsigned int ncpus,
                       unsigned int flags)
{
    testBaselineCPU *cpus = NULL;
    const char *const *models;
    bool computable = true;
    const char *fallback = "forbid";
    const char *vendor;
    char *ret = NULL;
    unsigned int i;

    virCheckFlags(VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES, NULL);

    if (ncpus == 0 || !xmlCPUs) {
        testReportErrorIn(VIR_FROM_CPU, VIR_ERR_INVALID_ARG, "%s",
                          "no CPUs given");
        return NULL;
    }
    for (i = 0; i < ncpus; i++) {
        if (!xmlCPUs[i]) {
            testReportErrorIn(VIR_FROM_CPU, VIR_ERR_INVALID_ARG, "%s",
                              "no CPUs given");
            return NULL;
        }
    }
    cpus = g_new0(testBaselineCPU, ncpus);
    for (i = 0; i < ncpus; i++) {
        if (testBaselineParse(xmlCPUs[i], &cpus[i]) < 0)
            goto cleanup;
        models = testCPUModelsFor(cpus[i].arch);
        if (models == testArchNames) {
            testReportErrorIn(VIR_FROM_CPU, VIR_ERR_CONFIG_UNSUPPORTED,
                              "Unknown architecture %s", cpus[i].arch);
            goto cleanup;
        }
        if (models && !testStrIn(models, cpus[i].model)) {
            testReportErrorIn(VIR_FROM_CPU, VIR_ERR_INTERNAL_ERROR,
                              "Unknown CPU model %s", cpus[i].model);
            goto cleanup;
        }
    }

    models = testCPUModelsFor(cpus[0].arch);
    vendor = cpus[0].vendor;
    for (i = 0; i < ncpus; i++) {
        if (cpus[i].nfeatures || STRNEQ(cpus[i].model, cpus[0].model) ||
            testCPUModelsFor(cpus[i].arch) != models ||
            g_strcmp0(cpus[i].vendor, vendor) != 0)
            computable = false;
    }
    if (models == testCPUModelsPPC64) {
        vendor = NULL;               /* libvirt drops it */
    } else if (models == testCPUModelsX86) {
        if (vendor && (STRNEQ(vendor, "Intel") ||
                       testStrIn(testCPUModelsNotIntel, cpus[0].model)))
            computable = false;
    } else {
        /* no model list: the one CPU is taken as it is */
        fallback = "allow";
        computable &= ncpus == 1;
        vendor = NULL;
    }
    if (flags & VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES)
        computable = false;
    if (!computable) {
        testReportErrorIn(VIR_FROM_CPU, VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                          "this baseline needs libvirt's CPU feature map, "
                          "which virtkit's test driver does not have");
        goto cleanup;
    }

    {
        GString *buf = g_string_new("<cpu mode='custom' match='exact'>\n");

        g_string_append_printf(buf, "  <model fallback='%s'>", fallback);
        virDomXMLEscape(buf, cpus[0].model);
        g_string_append(buf, "</model>\n");
        if (vendor) {
            g_string_append(buf, "  <vendor>");
            virDomXMLEscape(buf, vendor);
            g_string_append(buf, "</vendor>\n");
        }
        g_string_append(buf, "</cpu>\n");
        ret = g_string_free(buf, FALSE);
    }

 cleanup:
    for (i = 0; i < ncpus && cpus; i++)
        testBaselineCPUClear(&cpus[i]);
    g_free(cpus);
    return ret;
}
