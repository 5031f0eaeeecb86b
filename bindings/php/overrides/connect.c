/* connect.c: hand-written functions of virConnect: opening a connection
 * as libvirt-php does, and libvirt-php's list helpers that merge several
 * C calls. */

/* The credentials array (VIR_CRED_* => value) answers the callback. */
static int
vkphpAuthCb(virConnectCredentialPtr cred, unsigned int ncred, void *opaque)
{
    HashTable *ht = opaque;
    unsigned int i;

    for (i = 0; i < ncred; i++) {
        zval *v = ht ? zend_hash_index_find(ht, cred[i].type) : NULL;

        if (v && Z_TYPE_P(v) == IS_STRING) {
            cred[i].result = strdup(Z_STRVAL_P(v));
            cred[i].resultlen = Z_STRLEN_P(v);
        } else {
            cred[i].result = NULL;
            cred[i].resultlen = 0;
        }
    }
    return 0;
}

/* virConnectOpenAuth: libvirt_connect($url = NULL, $readonly = true,
 * $credentials = []). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect, 0, 0, 0)
    ZEND_ARG_INFO(0, url)
    ZEND_ARG_INFO(0, readonly)
    ZEND_ARG_INFO(0, credentials)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect)
{
    char *url = NULL;
    size_t url_len = 0;
    bool readonly = true;
    HashTable *creds = NULL;
    int credtypes[] = { VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE,
                        VIR_CRED_USERNAME, VIR_CRED_CNONCE,
                        VIR_CRED_ECHOPROMPT, VIR_CRED_NOECHOPROMPT,
                        VIR_CRED_REALM, VIR_CRED_EXTERNAL,
                        VIR_CRED_LANGUAGE };
    virConnectAuth auth = { credtypes, G_N_ELEMENTS(credtypes),
                            vkphpAuthCb, NULL };
    virConnectPtr conn;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "|s!bh", &url, &url_len,
                              &readonly, &creds) == FAILURE)
        VKPHP_BAD_ARGS();
    auth.cbdata = creds;
    conn = virConnectOpenAuth(url, &auth, readonly ? VIR_CONNECT_RO : 0);
    if (!conn)
        RETURN_FALSE;
    vkphpReturnRes(return_value, conn, &vkphpRes_virConnect);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_vkphp_conn, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()
#define arginfo_libvirt_list_domains arginfo_vkphp_conn
#define arginfo_libvirt_list_active_domains arginfo_vkphp_conn
#define arginfo_libvirt_list_domain_resources arginfo_vkphp_conn
#define arginfo_libvirt_domain_get_counts arginfo_vkphp_conn
#define arginfo_libvirt_connect_get_hypervisor arginfo_vkphp_conn
#define arginfo_libvirt_list_storagepools arginfo_vkphp_conn
#define arginfo_libvirt_connect_get_information arginfo_vkphp_conn

static virConnectPtr
vkphpConn(zval *z)
{
    return vkphpFetch(z, &vkphpRes_virConnect);
}

/* Domains of the connection, filtered (VIR_CONNECT_LIST_DOMAINS_*), as
 * names or resources, in libvirt's order. */
static void
vkphpListDomains(INTERNAL_FUNCTION_PARAMETERS, unsigned int flags,
                 bool resources)
{
    zval *zconn;
    virConnectPtr conn;
    virDomainPtr *doms = NULL;
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zconn) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if ((n = virConnectListAllDomains(conn, &doms, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        if (resources) {
            zval r;

            ZVAL_RES(&r, zend_register_resource(doms[i],
                                                vkphpRes_virDomain.id));
            add_next_index_zval(return_value, &r);
        } else {
            add_next_index_string(return_value, virDomainGetName(doms[i]));
            virDomainFree(doms[i]);
        }
    }
    free(doms);
}

/* libvirt_list_domains: the names of every domain, running or not. */
PHP_FUNCTION(libvirt_list_domains)
{
    vkphpListDomains(INTERNAL_FUNCTION_PARAM_PASSTHRU, 0, false);
}

/* libvirt_list_active_domains: the names of the running ones. */
PHP_FUNCTION(libvirt_list_active_domains)
{
    vkphpListDomains(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                     VIR_CONNECT_LIST_DOMAINS_ACTIVE, false);
}

/* libvirt_list_domain_resources: every domain as a resource. */
PHP_FUNCTION(libvirt_list_domain_resources)
{
    vkphpListDomains(INTERNAL_FUNCTION_PARAM_PASSTHRU, 0, true);
}

/* libvirt_domain_get_counts: ['total', 'active', 'inactive']. */
PHP_FUNCTION(libvirt_domain_get_counts)
{
    zval *zconn;
    virConnectPtr conn;
    int active, inactive;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zconn) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if ((active = virConnectNumOfDomains(conn)) < 0 ||
        (inactive = virConnectNumOfDefinedDomains(conn)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    add_assoc_long(return_value, "total", active + inactive);
    add_assoc_long(return_value, "active", active);
    add_assoc_long(return_value, "inactive", inactive);
}

/* libvirt_connect_get_hypervisor: the driver's name and version. */
PHP_FUNCTION(libvirt_connect_get_hypervisor)
{
    zval *zconn;
    virConnectPtr conn;
    const char *type;
    unsigned long ver = 0;
    char *s;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zconn) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (!(type = virConnectGetType(conn)) ||
        virConnectGetVersion(conn, &ver) < 0)
        RETURN_FALSE;
    array_init(return_value);
    add_assoc_string(return_value, "hypervisor", type);
    add_assoc_long(return_value, "major", ver / 1000000);
    add_assoc_long(return_value, "minor", (ver / 1000) % 1000);
    add_assoc_long(return_value, "release", ver % 1000);
    s = g_strdup_printf("%s %lu.%lu.%lu", type, ver / 1000000,
                        (ver / 1000) % 1000, ver % 1000);
    add_assoc_string(return_value, "hypervisor_string", s);
    g_free(s);
}

/* libvirt_list_storagepools: the names of every pool, running ones
 * first. */
PHP_FUNCTION(libvirt_list_storagepools)
{
    zval *zconn;
    virConnectPtr conn;
    unsigned int which[] = { VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE,
                             VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE };
    size_t w;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zconn) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    array_init(return_value);
    for (w = 0; w < G_N_ELEMENTS(which); w++) {
        virStoragePoolPtr *pools = NULL;
        int n = virConnectListAllStoragePools(conn, &pools, which[w]);
        int i;

        if (n < 0) {
            zval_ptr_dtor(return_value);
            RETURN_FALSE;
        }
        for (i = 0; i < n; i++) {
            add_next_index_string(return_value,
                                  virStoragePoolGetName(pools[i]));
            virStoragePoolFree(pools[i]);
        }
        free(pools);
    }
}

/* virConnectListNetworks: libvirt_list_networks($conn, $flags =
 * VIR_NETWORKS_ACTIVE): names of the active (1), inactive (2) or all (3)
 * networks. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_list_networks, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_list_networks)
{
    zval *zconn;
    zend_long flags = 1;
    virConnectPtr conn;
    int pass;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zconn, &flags)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    array_init(return_value);
    for (pass = 1; pass <= 2; pass++) {
        char **names;
        int n, i;

        if (!(flags & pass))
            continue;
        n = pass == 1 ? virConnectNumOfNetworks(conn)
                      : virConnectNumOfDefinedNetworks(conn);
        if (n < 0)
            goto error;
        names = g_new0(char *, n + 1);
        n = pass == 1 ? virConnectListNetworks(conn, names, n)
                      : virConnectListDefinedNetworks(conn, names, n);
        if (n < 0) {
            g_free(names);
            goto error;
        }
        for (i = 0; i < n; i++) {
            add_next_index_string(return_value, names[i]);
            free(names[i]);
        }
        g_free(names);
    }
    return;

 error:
    zval_ptr_dtor(return_value);
    RETURN_FALSE;
}

/* libvirt_connect_get_information: the connection, its driver and how
 * many objects of each kind it has (-1 where the driver cannot say). */
PHP_FUNCTION(libvirt_connect_get_information)
{
    zval *zconn;
    virConnectPtr conn;
    g_autofree char *uri = NULL;
    g_autofree char *host = NULL;
    g_autofree char *hvs = NULL;
    const char *type;
    unsigned long ver = 0;
    int enc, sec;
    struct {
        const char *name;
        int (*active)(virConnectPtr);
        int (*inactive)(virConnectPtr);
    } kinds[] = {
        { "domains", virConnectNumOfDomains, virConnectNumOfDefinedDomains },
        { "interfaces", virConnectNumOfInterfaces,
          virConnectNumOfDefinedInterfaces },
        { "networks", virConnectNumOfNetworks,
          virConnectNumOfDefinedNetworks },
        { "storagepools", virConnectNumOfStoragePools,
          virConnectNumOfDefinedStoragePools },
    };
    int act[G_N_ELEMENTS(kinds)], inact[G_N_ELEMENTS(kinds)];
    size_t i;
    char key[64];

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zconn) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    array_init(return_value);
    if ((uri = virConnectGetURI(conn)))
        add_assoc_string(return_value, "uri", uri);
    if ((host = virConnectGetHostname(conn)))
        add_assoc_string(return_value, "hostname", host);
    if ((type = virConnectGetType(conn)) &&
        virConnectGetVersion(conn, &ver) == 0) {
        add_assoc_string(return_value, "hypervisor", type);
        add_assoc_long(return_value, "hypervisor_major", ver / 1000000);
        add_assoc_long(return_value, "hypervisor_minor", (ver / 1000) % 1000);
        add_assoc_long(return_value, "hypervisor_release", ver % 1000);
        hvs = g_strdup_printf("%s %lu.%lu.%lu", type, ver / 1000000,
                              (ver / 1000) % 1000, ver % 1000);
        add_assoc_string(return_value, "hypervisor_string", hvs);
        add_assoc_long(return_value, "hypervisor_maxvcpus",
                       virConnectGetMaxVcpus(conn, type));
    }
    enc = virConnectIsEncrypted(conn);
    sec = virConnectIsSecure(conn);
    add_assoc_string(return_value, "encrypted",
                     enc == 1 ? "Yes" : enc == 0 ? "No" : "Unknown");
    add_assoc_string(return_value, "secure",
                     sec == 1 ? "Yes" : sec == 0 ? "No" : "Unknown");
    for (i = 0; i < G_N_ELEMENTS(kinds); i++) {
        act[i] = kinds[i].active(conn);
        inact[i] = kinds[i].inactive(conn);
    }
    for (i = 0; i < G_N_ELEMENTS(kinds); i++) {
        g_snprintf(key, sizeof(key), "num_inactive_%s", kinds[i].name);
        add_assoc_long(return_value, key, inact[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(kinds); i++) {
        g_snprintf(key, sizeof(key), "num_active_%s", kinds[i].name);
        add_assoc_long(return_value, key, act[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(kinds); i++) {
        g_snprintf(key, sizeof(key), "num_total_%s", kinds[i].name);
        add_assoc_long(return_value, key, act[i] + inact[i]);
    }
    add_assoc_long(return_value, "num_secrets", virConnectNumOfSecrets(conn));
    add_assoc_long(return_value, "num_nwfilters",
                   virConnectNumOfNWFilters(conn));
}

/* libvirt_connect_get_emulator($conn, $arch = the host's): the emulator
 * the capabilities name for that architecture. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_get_emulator, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, arch)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_get_emulator)
{
    zval *zconn;
    virConnectPtr conn;
    char *arch = NULL;
    size_t arch_len = 0;
    g_autofree char *caps = NULL;
    g_autofree char *host = NULL;
    g_autofree char *xpath = NULL;
    g_autofree char *emu = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|s!", &zconn, &arch,
                              &arch_len) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (!(caps = virConnectGetCapabilities(conn)))
        RETURN_FALSE;
    if (!arch || !*arch) {
        host = vkphpXPathOne(caps, "//capabilities/host/cpu/arch");
        arch = host;
    }
    if (arch) {
        xpath = g_strdup_printf("//capabilities/guest/arch[@name='%s']"
                                "/emulator", arch);
        emu = vkphpXPathOne(caps, xpath);
    }
    if (!emu) {
        php_error_docref(NULL, E_WARNING, "Cannot get emulator");
        RETURN_FALSE;
    }
    RETURN_STRING(emu);
}

/* virConnectGetAllDomainStats: libvirt_connect_get_all_domain_stats($conn,
 * $stats = 0, $flags = 0): domain name => its statistics. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_get_all_domain_stats, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, stats)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_get_all_domain_stats)
{
    zval *zconn;
    zend_long stats = 0, flags = 0;
    virConnectPtr conn;
    virDomainStatsRecordPtr *recs = NULL;
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|ll", &zconn, &stats,
                              &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if ((n = virConnectGetAllDomainStats(conn, stats, &recs, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval one;

        vkphpParamsToArray(&one, recs[i]->params, recs[i]->nparams);
        add_assoc_zval(return_value, virDomainGetName(recs[i]->dom), &one);
    }
    virDomainStatsRecordListFree(recs);
}

/* The host's CPU counters (user, kernel, idle, iowait) of one CPU or all
 * (-1), with the time they were read; NULL on failure. */
static bool
vkphpNodeCPUSample(virConnectPtr conn, int cpu, zval *out)
{
    g_autofree virNodeCPUStats *params = NULL;
    int n = 0, i;

    if (virNodeGetCPUStats(conn, cpu, NULL, &n, 0) < 0)
        return false;
    params = g_new0(virNodeCPUStats, n + 1);
    if (virNodeGetCPUStats(conn, cpu, params, &n, 0) < 0)
        return false;
    array_init(out);
    for (i = 0; i < n; i++)
        add_assoc_long(out, params[i].field, (zend_long)params[i].value);
    add_assoc_long(out, "time", (zend_long)time(NULL));
    return true;
}

/* virNodeGetCPUStats: libvirt_node_get_cpu_stats($conn, $cpunr = -1): two
 * samples a second apart, the number of CPUs and which was read. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_node_get_cpu_stats, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, cpunr)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_node_get_cpu_stats)
{
    zval *zconn;
    zend_long cpunr = -1;
    virConnectPtr conn;
    virNodeInfo info;
    zval s0, s1;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zconn, &cpunr)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (virNodeGetInfo(conn, &info) < 0)
        RETURN_FALSE;
    if (cpunr < -1 || cpunr >= (zend_long)info.cpus) {
        php_error_docref(NULL, E_WARNING, "Invalid CPU number");
        RETURN_FALSE;
    }
    if (!vkphpNodeCPUSample(conn, cpunr, &s0))
        RETURN_FALSE;
    sleep(1);
    if (!vkphpNodeCPUSample(conn, cpunr, &s1)) {
        zval_ptr_dtor(&s0);
        RETURN_FALSE;
    }
    array_init(return_value);
    add_next_index_zval(return_value, &s0);
    add_next_index_zval(return_value, &s1);
    add_assoc_long(return_value, "cpus", info.cpus);
    if (cpunr < 0)
        add_assoc_string(return_value, "cpu", "all");
    else
        add_assoc_long(return_value, "cpu", cpunr);
}

/* virNodeGetMemoryStats: libvirt_node_get_mem_stats($conn): the host's
 * memory counters, field => value. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_node_get_mem_stats, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_node_get_mem_stats)
{
    zval *zconn;
    virConnectPtr conn;
    g_autofree virNodeMemoryStats *params = NULL;
    int n = 0, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zconn) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, NULL,
                              &n, 0) < 0) {
        php_error_docref(NULL, E_WARNING,
                         "Cannot get number of memory stats");
        RETURN_FALSE;
    }
    params = g_new0(virNodeMemoryStats, n + 1);
    if (virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, params,
                              &n, 0) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++)
        add_assoc_long(return_value, params[i].field,
                       (zend_long)params[i].value);
}

/* libvirt_node_get_cpu_stats_for_each_cpu($conn, $time = 0): each CPU's
 * counters, read $time times a second apart (once if 0), then
 * 'times' => [start, finish, duration]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_node_get_cpu_stats_for_each_cpu,
                       0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, time)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_node_get_cpu_stats_for_each_cpu)
{
    zval *zconn;
    zend_long rounds = 0, r;
    virConnectPtr conn;
    virNodeInfo info;
    g_autofree virNodeCPUStats *params = NULL;
    int n = 0, cpu, i;
    time_t start = time(NULL);
    zval times;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zconn, &rounds)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (virNodeGetInfo(conn, &info) < 0) {
        php_error_docref(NULL, E_WARNING, "Cannot get number of CPUs");
        RETURN_FALSE;
    }
    if (virNodeGetCPUStats(conn, VIR_NODE_CPU_STATS_ALL_CPUS, NULL, &n,
                           0) < 0) {
        php_error_docref(NULL, E_WARNING, "Cannot get number of CPU stats");
        RETURN_FALSE;
    }
    if (n == 0)
        RETURN_TRUE;
    params = g_new0(virNodeCPUStats, n);
    array_init(return_value);
    for (r = 0; r == 0 || r < rounds; r++) {
        zval round;

        if (r > 0)
            sleep(1);
        array_init(&round);
        add_assoc_long(&round, "time", (zend_long)time(NULL));
        for (cpu = 0; cpu < (int)info.cpus; cpu++) {
            zval one;
            int got = n;

            if (virNodeGetCPUStats(conn, cpu, params, &got, 0) < 0) {
                php_error_docref(NULL, E_WARNING,
                                 "Unable to get node cpu stats");
                zval_ptr_dtor(&round);
                zval_ptr_dtor(return_value);
                RETURN_FALSE;
            }
            array_init(&one);
            for (i = 0; i < got; i++)
                add_assoc_long(&one, params[i].field,
                               (zend_long)params[i].value);
            add_index_zval(&round, cpu, &one);
        }
        add_index_zval(return_value, r, &round);
    }
    array_init(&times);
    add_assoc_long(&times, "start", (zend_long)start);
    add_assoc_long(&times, "finish", (zend_long)time(NULL));
    add_assoc_long(&times, "duration", (zend_long)(time(NULL) - start));
    add_assoc_zval(return_value, "times", &times);
}

/* ---- the host's CPU and memory maps (arrays both ways) ---- */

/* virNodeGetCPUMap: ['cpus' => n, 'online' => n, 'cpumap' => [online CPUs]]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_node_get_cpu_map, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_node_get_cpu_map)
{
    zval *zconn, l;
    zend_long flags = 0;
    virConnectPtr conn;
    unsigned char *map = NULL;
    unsigned int online = 0;
    int n, cpu;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zconn, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if ((n = virNodeGetCPUMap(conn, &map, &online, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    add_assoc_long(return_value, "cpus", n);
    add_assoc_long(return_value, "online", online);
    array_init(&l);
    for (cpu = 0; cpu < n; cpu++) {
        if (VIR_CPU_USED(map, cpu))
            add_next_index_long(&l, cpu);
    }
    add_assoc_zval(return_value, "cpumap", &l);
    free(map);
}

/* virNodeGetCellsFreeMemory($conn, $startCell, $maxCells): the free memory
 * of each cell in bytes, as decimal strings. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_node_get_cells_free_memory, 0, 0, 3)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, startCell)
    ZEND_ARG_INFO(0, maxCells)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_node_get_cells_free_memory)
{
    zval *zconn;
    zend_long start, max;
    virConnectPtr conn;
    g_autofree unsigned long long *mems = NULL;
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rll", &zconn, &start,
                              &max) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (max < 0 || max > 65536) {
        zend_argument_value_error(3, "must be between 0 and 65536");
        RETURN_THROWS();
    }
    mems = g_new0(unsigned long long, max + 1);
    if ((n = virNodeGetCellsFreeMemory(conn, mems, start, max)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval v;

        vkphpZvalLongLong(&v, (long long)mems[i], 1);
        add_next_index_zval(return_value, &v);
    }
}

/* The page sizes of a PHP array, as unsigned ints. */
static unsigned int *
vkphpPageSizes(HashTable *ht, unsigned int *n, bool keys)
{
    unsigned int *out = g_new0(unsigned int, zend_hash_num_elements(ht) + 1);
    zend_ulong k;
    zval *v;

    *n = 0;
    ZEND_HASH_FOREACH_NUM_KEY_VAL(ht, k, v) {
        out[(*n)++] = keys ? (unsigned int)k : (unsigned int)zval_get_long(v);
    } ZEND_HASH_FOREACH_END();
    return out;
}

/* virNodeGetFreePages($conn, [page sizes in KiB], $startCell, $cellCount,
 * $flags = 0): cell => [page size => free pages]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_node_get_free_pages, 0, 0, 4)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, pages)
    ZEND_ARG_INFO(0, startCell)
    ZEND_ARG_INFO(0, cellCount)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_node_get_free_pages)
{
    zval *zconn;
    HashTable *ht;
    zend_long start, count, flags = 0;
    virConnectPtr conn;
    g_autofree unsigned int *pages = NULL;
    g_autofree unsigned long long *counts = NULL;
    unsigned int npages;
    int n, c, p;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rhll|l", &zconn, &ht, &start,
                              &count, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (count < 0 || count > 65536) {
        zend_argument_value_error(4, "must be between 0 and 65536");
        RETURN_THROWS();
    }
    pages = vkphpPageSizes(ht, &npages, false);
    counts = g_new0(unsigned long long, (size_t)npages * count + 1);
    if ((n = virNodeGetFreePages(conn, npages, pages, start, count, counts,
                                 flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (c = 0; npages && c < n / (int)npages; c++) {
        zval cell;

        array_init(&cell);
        for (p = 0; p < (int)npages; p++)
            add_index_long(&cell, pages[p],
                           (zend_long)counts[c * npages + p]);
        add_index_zval(return_value, start + c, &cell);
    }
}

/* virNodeAllocPages($conn, [page size in KiB => pages], $startCell,
 * $cellCount, $flags = 0): the number of cells changed. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_node_alloc_pages, 0, 0, 4)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, pages)
    ZEND_ARG_INFO(0, startCell)
    ZEND_ARG_INFO(0, cellCount)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_node_alloc_pages)
{
    zval *zconn, *v;
    HashTable *ht;
    zend_long start, count, flags = 0;
    virConnectPtr conn;
    g_autofree unsigned int *sizes = NULL;
    g_autofree unsigned long long *counts = NULL;
    unsigned int n, i = 0;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rhll|l", &zconn, &ht, &start,
                              &count, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    sizes = vkphpPageSizes(ht, &n, true);
    counts = g_new0(unsigned long long, n + 1);
    ZEND_HASH_FOREACH_VAL(ht, v) {
        counts[i++] = (unsigned long long)zval_get_long(v);
    } ZEND_HASH_FOREACH_END();
    if ((ret = virNodeAllocPages(conn, n, sizes, counts, start, count,
                                 flags)) < 0)
        RETURN_FALSE;
    RETURN_LONG(ret);
}

/* ---- libvirt-php's emulator probes ---- */

/* libvirt_connect_get_machine_types($conn): guest architecture => the
 * machine types the capabilities list for it. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_get_machine_types, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_get_machine_types)
{
    zval *zconn;
    virConnectPtr conn;
    g_autofree char *caps = NULL;
    g_autoptr(GPtrArray) arches = g_ptr_array_new_with_free_func(g_free);
    guint i, j;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zconn) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (!(caps = virConnectGetCapabilities(conn)))
        RETURN_FALSE;
    vkphpXPathAll(caps, "//guest/arch/@name", arches);
    array_init(return_value);
    for (i = 0; i < arches->len; i++) {
        const char *arch = g_ptr_array_index(arches, i);
        g_autofree char *xp = g_strdup_printf(
            "//guest/arch[@name='%s']/machine | "
            "//guest/arch[@name='%s']/domain/machine", arch, arch);
        g_autoptr(GPtrArray) machines = g_ptr_array_new_with_free_func(g_free);
        zval l;

        if (zend_hash_str_exists(Z_ARRVAL_P(return_value), arch, strlen(arch)))
            continue;
        vkphpXPathAll(caps, xp, machines);
        array_init(&l);
        for (j = 0; j < machines->len; j++)
            add_next_index_string(&l, g_ptr_array_index(machines, j));
        add_assoc_zval(return_value, arch, &l);
    }
}

/* The lines a QEMU emulator prints for a help query, after its heading;
 * NULL when the connection is not QEMU's (libvirt-php's warning). */
static GPtrArray *
vkphpQemuHelp(virConnectPtr conn, const char *arch, const char *opt,
              const char *query)
{
    const char *type = virConnectGetType(conn);
    g_autofree char *caps = NULL;
    g_autofree char *xp = NULL;
    g_autofree char *emu = NULL;
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;
    GPtrArray *res;
    int i;

    if (!type || g_ascii_strcasecmp(type, "QEMU") != 0) {
        vkphpError("This function can be used only for QEMU driver");
        return NULL;
    }
    if (!(caps = virConnectGetCapabilities(conn)))
        return NULL;
    xp = arch ? g_strdup_printf("//guest/arch[@name='%s']/emulator", arch) :
        g_strdup("//guest/arch/emulator");
    if (!(emu = vkphpXPathOne(caps, xp))) {
        vkphpError("Cannot get emulator");
        return NULL;
    }
    {
        const char *argv[] = { emu, "-nodefaults", opt, query, NULL };

        if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                          NULL, NULL, &out, NULL, NULL, NULL)) {
            vkphpError("Cannot run %s", emu);
            return NULL;
        }
    }
    res = g_ptr_array_new_with_free_func(g_free);
    lines = g_strsplit(out ? out : "", "\n", -1);
    for (i = 1; lines[i]; i++) {
        g_strstrip(lines[i]);
        if (*lines[i])
            g_ptr_array_add(res, g_strdup(lines[i]));
    }
    return res;
}

/* libvirt_connect_get_nic_models($conn, $arch = NULL): the NIC models of
 * the QEMU emulator of the architecture. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_get_nic_models, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, arch)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_get_nic_models)
{
    zval *zconn;
    char *arch = NULL;
    size_t arch_len = 0;
    virConnectPtr conn;
    g_autoptr(GPtrArray) models = NULL;
    guint i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|s!", &zconn, &arch,
                              &arch_len) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    if (!(models = vkphpQemuHelp(conn, arch, "-nic", "model=help")))
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < models->len; i++)
        add_next_index_string(return_value, g_ptr_array_index(models, i));
}

/* libvirt_connect_get_soundhw_models($conn, $arch = NULL, $flags = 0):
 * the sound devices of the QEMU emulator ('name' => ..., 'description'
 * => ... each; only the names with VIR_CONNECT_FLAG_SOUNDHW_GET_NAMES). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_get_soundhw_models, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, arch)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_get_soundhw_models)
{
    zval *zconn;
    char *arch = NULL;
    size_t arch_len = 0;
    zend_long flags = 0;
    virConnectPtr conn;
    g_autoptr(GPtrArray) lines = NULL;
    bool inside = false;
    guint i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|s!l", &zconn, &arch,
                              &arch_len, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    /* the "Sound devices:" part of -device help: name "X", ..., desc "Y" */
    if (!(lines = vkphpQemuHelp(conn, arch, "-device", "help")))
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < lines->len; i++) {
        const char *line = g_ptr_array_index(lines, i);
        g_autofree char *name = NULL;
        g_autofree char *desc = NULL;
        const char *p;
        zval e;

        if (g_str_has_suffix(line, ":")) {
            inside = g_str_equal(line, "Sound devices:");
            continue;
        }
        if (!inside || !g_str_has_prefix(line, "name \""))
            continue;
        name = g_strndup(line + 6, strcspn(line + 6, "\""));
        if ((p = strstr(line, "desc \"")))
            desc = g_strndup(p + 6, strcspn(p + 6, "\""));
        if (flags & 1) {      /* VIR_CONNECT_FLAG_SOUNDHW_GET_NAMES */
            add_next_index_string(return_value, name);
            continue;
        }
        array_init(&e);
        add_assoc_string(&e, "name", name);
        add_assoc_string(&e, "description", desc ? desc : "");
        add_next_index_zval(return_value, &e);
    }
}
