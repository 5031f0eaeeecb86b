/* test-driver-tunables-test.c: the test hypervisor's tunables, IOThreads
 * and statistics through the public API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The scenario is the one tests/data/testdriver/regen-tunables.py runs
 * against libvirt's own test driver: memory, NUMA, blkio, interface and
 * disk throttling parameters, perf events and IOThreads of a running and
 * of a defined domain (and the XML they leave), then CPU statistics,
 * interface addresses, key presses, CPU model names and bulk statistics.
 * Each result is compared with the one libvirt gave
 * (expected-tunables.txt, out-tune-*.xml).  Typed parameters are written
 * "name=value;..." in the order they come, booleans as 1/0.
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tap.h"
#include "testdriver-expected.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif
#define DATADIR TEST_DATA_DIR "/testdriver"

static GHashTable *expected;

static const char inactiveXML[] =
    "<domain type='test'>\n"
    "  <name>tun</name>\n"
    "  <uuid>4b59daf8-1713-4747-8b2d-9110710df5ea</uuid>\n"
    "  <memory>1048576</memory>\n"
    "  <vcpu cpuset='1'>2</vcpu>\n"
    "  <iothreads>2</iothreads>\n"
    "  <os><type>hvm</type></os>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <source file='/tmp/a.img'/>\n"
    "      <target dev='vda' bus='virtio'/>\n"
    "    </disk>\n"
    "    <interface type='network'>\n"
    "      <mac address='52:54:00:11:22:33'/>\n"
    "      <source network='default'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "</domain>\n";


/* ---- results ---- */

static void
check(const char *key, const char *got)
{
    const char *want = g_hash_table_lookup(expected, key);

    if (!want) {
        ok(0, "%s: no expected value", key);
        return;
    }
    is_str(got, want, "%s", key);
}


static char *
errText(void)
{
    virErrorPtr err = virGetLastError();

    if (!err)
        return g_strdup("ERR (no error set)");
    return g_strdup_printf("ERR %d %d %s", err->code, err->domain,
                           err->message ? err->message : "");
}


static void
checkInt(const char *key, int ret)
{
    g_autofree char *text = ret < 0 ? errText() : g_strdup_printf("%d", ret);

    check(key, text);
}


static char *
fmtParams(const virTypedParameter *params, int n)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    int i;

    for (i = 0; i < n; i++) {
        const virTypedParameter *p = &params[i];

        if (i)
            g_string_append_c(buf, ';');
        g_string_append_printf(buf, "%s=", p->field);
        switch (p->type) {
        case VIR_TYPED_PARAM_INT:
            g_string_append_printf(buf, "%d", p->value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            g_string_append_printf(buf, "%u", p->value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            g_string_append_printf(buf, "%lld", p->value.l);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            g_string_append_printf(buf, "%llu", p->value.ul);
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            g_string_append(buf, p->value.b ? "1" : "0");
            break;
        case VIR_TYPED_PARAM_STRING:
            g_string_append(buf, p->value.s ? p->value.s : "");
            break;
        default:
            g_string_append(buf, "?");
        }
    }
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


typedef int (*paramGetter)(virDomainPtr dom, const char *arg,
                           virTypedParameterPtr params, int *nparams,
                           unsigned int flags);

/* Ask for the count, then the values, as the Python binding does. */
static void
checkGet(const char *key, paramGetter get, virDomainPtr dom, const char *arg,
         unsigned int flags)
{
    virTypedParameterPtr params = NULL;
    g_autofree char *text = NULL;
    int n = 0;

    if (get(dom, arg, NULL, &n, flags) < 0) {
        text = errText();
    } else {
        params = g_new0(virTypedParameter, n);
        if (get(dom, arg, params, &n, flags) < 0)
            text = errText();
        else
            text = fmtParams(params, n);
        virTypedParamsFree(params, n);
    }
    check(key, text);
}


static int
getMem(virDomainPtr d, const char *a G_GNUC_UNUSED, virTypedParameterPtr p,
       int *n, unsigned int f)
{
    return virDomainGetMemoryParameters(d, p, n, f);
}

static int
getNuma(virDomainPtr d, const char *a G_GNUC_UNUSED, virTypedParameterPtr p,
        int *n, unsigned int f)
{
    return virDomainGetNumaParameters(d, p, n, f);
}

static int
getBlkio(virDomainPtr d, const char *a G_GNUC_UNUSED, virTypedParameterPtr p,
         int *n, unsigned int f)
{
    return virDomainGetBlkioParameters(d, p, n, f);
}

static int
getIf(virDomainPtr d, const char *a, virTypedParameterPtr p, int *n,
      unsigned int f)
{
    return virDomainGetInterfaceParameters(d, a, p, n, f);
}

static int
getIotune(virDomainPtr d, const char *a, virTypedParameterPtr p, int *n,
          unsigned int f)
{
    return virDomainGetBlockIoTune(d, a, p, n, f);
}


static void
checkPerf(const char *key, virDomainPtr dom, unsigned int flags)
{
    virTypedParameterPtr params = NULL;
    g_autofree char *text = NULL;
    int n = 0;

    if (virDomainGetPerfEvents(dom, &params, &n, flags) < 0)
        text = errText();
    else
        text = fmtParams(params, n);
    virTypedParamsFree(params, n);
    check(key, text);
}


/* Building parameter lists: "u:name" unsigned int, "U:name" unsigned long
 * long, "i:name" int, "s:name" string, "b:name" boolean; values follow. */
static virTypedParameterPtr
params(int *n, ...)
{
    virTypedParameterPtr list = NULL;
    int max = 0;
    const char *spec;
    va_list ap;

    *n = 0;
    va_start(ap, n);
    while ((spec = va_arg(ap, const char *))) {
        const char *name = spec + 2;

        switch (spec[0]) {
        case 'u':
            virTypedParamsAddUInt(&list, n, &max, name, va_arg(ap, unsigned int));
            break;
        case 'U':
            virTypedParamsAddULLong(&list, n, &max, name,
                                    va_arg(ap, unsigned long long));
            break;
        case 'i':
            virTypedParamsAddInt(&list, n, &max, name, va_arg(ap, int));
            break;
        case 's':
            virTypedParamsAddString(&list, n, &max, name, va_arg(ap, const char *));
            break;
        case 'b':
            virTypedParamsAddBoolean(&list, n, &max, name, va_arg(ap, int));
            break;
        }
    }
    va_end(ap);
    return list;
}


#define SET(key, call, ...) \
    do { \
        int n_; \
        virTypedParameterPtr p_ = params(&n_, __VA_ARGS__, NULL); \
        checkInt(key, call); \
        virTypedParamsFree(p_, n_); \
    } while (0)


static char *
cpuList(const unsigned char *map, int maplen)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    int i;

    for (i = 0; i < maplen * 8; i++) {
        if (VIR_CPU_USED(map, i))
            g_string_append_printf(buf, "%s%d", buf->len ? "," : "", i);
    }
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


/* "id:cpus" per thread; `only` > 0 shows the CPUs of that thread alone
 * (the others depend on the host). */
static void
checkIOThreads(const char *key, virDomainPtr dom, unsigned int flags,
               unsigned int only)
{
    virDomainIOThreadInfoPtr *info = NULL;
    g_autoptr(GString) buf = g_string_new(NULL);
    int n;
    int i;

    if ((n = virDomainGetIOThreadInfo(dom, &info, flags)) < 0) {
        g_autofree char *err = errText();
        check(key, err);
        return;
    }
    for (i = 0; i < n; i++) {
        g_autofree char *cpus = cpuList(info[i]->cpumap, info[i]->cpumaplen);

        g_string_append_printf(buf, "%s%u:%s", i ? " " : "",
                               info[i]->iothread_id,
                               only && info[i]->iothread_id != only ? "-" : cpus);
        virDomainIOThreadInfoFree(info[i]);
    }
    free(info);
    check(key, buf->str);
}


static void
checkXML(const char *name, virDomainPtr dom)
{
    g_autofree char *path = g_strdup_printf(DATADIR "/out-tune-%s.xml", name);
    g_autofree char *want = NULL;
    g_autofree char *got = virDomainGetXMLDesc(dom, 0);

    if (!g_file_get_contents(path, &want, NULL, NULL)) {
        ok(0, "read %s", path);
        return;
    }
    is_str(got ? got : "(null)", want, "XML %s", name);
}


static void
tunables(const char *prefix, virDomainPtr dom, unsigned int flags,
         const char *dev, const char *mac)
{
    unsigned char map[1] = { 0x5 };
    unsigned char one[1] = { 0x1 };
    char keybuf[64];

/* The result's key: the scenario's prefix ("live." or "off.") + name. */
#define KEY(name) (g_snprintf(keybuf, sizeof(keybuf), "%s%s", prefix, name), keybuf)
    checkGet(KEY("mem.get"), getMem, dom, NULL, flags);
    SET(KEY("mem.set"), virDomainSetMemoryParameters(dom, p_, n_, flags),
        "U:hard_limit", 1000000ULL, "U:soft_limit", 500000ULL,
        "U:swap_hard_limit", 2000000ULL);
    SET(KEY("mem.set-over"), virDomainSetMemoryParameters(dom, p_, n_, flags),
        "U:hard_limit", 3000000ULL);
    checkGet(KEY("mem.get2"), getMem, dom, NULL, flags);
    SET(KEY("mem.unlimit"), virDomainSetMemoryParameters(dom, p_, n_, flags),
        "U:soft_limit", VIR_DOMAIN_MEMORY_PARAM_UNLIMITED);
    checkGet(KEY("mem.get3"), getMem, dom, NULL, flags);

    checkGet(KEY("numa.get"), getNuma, dom, NULL, flags);
    SET(KEY("numa.set-mode"), virDomainSetNumaParameters(dom, p_, n_, flags),
        "i:numa_mode", 2);
    SET(KEY("numa.set"), virDomainSetNumaParameters(dom, p_, n_, flags),
        "s:numa_nodeset", "0-1,^1", "i:numa_mode", 1);
    SET(KEY("numa.set-bad"), virDomainSetNumaParameters(dom, p_, n_, flags),
        "s:numa_nodeset", "abc");
    checkGet(KEY("numa.get2"), getNuma, dom, NULL, flags);

    checkGet(KEY("blkio.get"), getBlkio, dom, NULL, flags);
    SET(KEY("blkio.set"), virDomainSetBlkioParameters(dom, p_, n_, flags),
        "u:weight", 500U, "s:device_weight", "/dev/sda,300",
        "s:device_read_iops_sec", "/dev/sda,100,/dev/sdb,7");
    SET(KEY("blkio.set2"), virDomainSetBlkioParameters(dom, p_, n_, flags),
        "s:device_weight", "/dev/sda,0,/dev/sdc,5");
    SET(KEY("blkio.set-bad"), virDomainSetBlkioParameters(dom, p_, n_, flags),
        "s:device_write_bytes_sec", "/dev/sda,x");
    SET(KEY("blkio.set-odd"), virDomainSetBlkioParameters(dom, p_, n_, flags),
        "s:device_write_bytes_sec", "/dev/sda");
    checkGet(KEY("blkio.get2"), getBlkio, dom, NULL, flags);

    checkGet(KEY("if.get"), getIf, dom, dev, flags);
    SET(KEY("if.set"), virDomainSetInterfaceParameters(dom, dev, p_, n_, flags),
        "u:inbound.average", 100U, "u:inbound.peak", 200U,
        "u:outbound.average", 50U, "u:outbound.burst", 9U);
    SET(KEY("if.set-mac"), virDomainSetInterfaceParameters(dom, mac, p_, n_, flags),
        "u:inbound.average", 0U, "u:inbound.floor", 30U);
    checkGet(KEY("if.get2"), getIf, dom, mac, flags);
    checkGet(KEY("if.get-bad"), getIf, dom, "xx", flags);

    checkGet(KEY("iotune.get"), getIotune, dom, "vda", flags);
    SET(KEY("iotune.set"), virDomainSetBlockIoTune(dom, "vda", p_, n_, flags),
        "U:total_bytes_sec", 1000ULL, "U:total_bytes_sec_max", 2000ULL,
        "U:read_iops_sec", 5ULL, "U:read_iops_sec_max", 6ULL,
        "s:group_name", "g1", "U:size_iops_sec", 512ULL);
    SET(KEY("iotune.set-over"), virDomainSetBlockIoTune(dom, "vda", p_, n_, flags),
        "U:write_iops_sec", 5ULL);
    SET(KEY("iotune.set-both"), virDomainSetBlockIoTune(dom, "vda", p_, n_, flags),
        "U:read_bytes_sec", 5ULL, "U:read_bytes_sec_max", 5ULL);
    SET(KEY("iotune.set-huge"), virDomainSetBlockIoTune(dom, "vda", p_, n_, flags),
        "U:total_iops_sec_max", 1000000000000001ULL);
    checkGet(KEY("iotune.get2"), getIotune, dom, "vda", flags);
    checkGet(KEY("iotune.get-bad"), getIotune, dom, "hda", flags);

    checkPerf(KEY("perf.get"), dom, flags);
    SET(KEY("perf.set"), virDomainSetPerfEvents(dom, p_, n_, flags),
        "b:cmt", 1, "b:cpu_cycles", 1, "b:instructions", 0);
    checkPerf(KEY("perf.get2"), dom, flags);

    checkInt(KEY("io.add"), virDomainAddIOThread(dom, 3, flags));
    checkInt(KEY("io.add5"), virDomainAddIOThread(dom, 5, flags));
    checkInt(KEY("io.add-dup"), virDomainAddIOThread(dom, 3, flags));
    checkInt(KEY("io.add0"), virDomainAddIOThread(dom, 0, flags));
    checkInt(KEY("io.pin"), virDomainPinIOThread(dom, 3, map, 1, flags));
    checkInt(KEY("io.pin-bad"), virDomainPinIOThread(dom, 9, one, 1, flags));
    SET(KEY("io.set"), virDomainSetIOThreadParams(dom, 3, p_, n_, flags),
        "U:poll_max_ns", 100ULL);
    SET(KEY("io.set-bad"), virDomainSetIOThreadParams(dom, 9, p_, n_, flags),
        "u:poll_grow", 1U);
    checkInt(KEY("io.del"), virDomainDelIOThread(dom, 5, flags));
    checkInt(KEY("io.del-bad"), virDomainDelIOThread(dom, 9, flags));
    checkIOThreads(KEY("io.info"), dom, flags, 3);
#undef KEY
}


static void
checkBaseline(const char *key, char *xml)
{
    g_autofree char *text = xml ? g_strdup(xml) : errText();

    check(key, text);
    free(xml);
}


/* "name[params]" per record, sorted by name as regen-tunables.py does. */
static void
checkStats(const char *key, int n, virDomainStatsRecordPtr *recs)
{
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *joined = NULL;
    int i;

    if (n < 0) {
        g_autofree char *err = errText();
        check(key, err);
        return;
    }
    for (i = 0; i < n; i++) {
        g_autofree char *p = fmtParams(recs[i]->params, recs[i]->nparams);
        g_ptr_array_add(items, g_strdup_printf("%s[%s]",
                                               virDomainGetName(recs[i]->dom), p));
    }
    for (i = 0; i + 1 < (int)items->len; i++) {
        guint j;
        for (j = i + 1; j < items->len; j++) {
            if (strcmp(g_ptr_array_index(items, i), g_ptr_array_index(items, j)) > 0) {
                gpointer t = items->pdata[i];
                items->pdata[i] = items->pdata[j];
                items->pdata[j] = t;
            }
        }
    }
    g_ptr_array_add(items, NULL);
    joined = g_strjoinv(" ", (char **)items->pdata);
    check(key, joined);
    virDomainStatsRecordListFree(recs);
}


int
main(void)
{
    virConnectPtr conn;
    virDomainPtr dom, tun;
    virDomainStatsRecordPtr *recs = NULL;
    virDomainPtr list[3];
    virTypedParameter cpu[8];
    unsigned int keys[2] = { 30, 48 };
    unsigned int bad[1] = { 999 };
    char **models = NULL;
    int n, i;

    expected = testExpectedLoad(DATADIR "/expected-tunables.txt", NULL);

    if (!(conn = virConnectOpen("test:///default")) ||
        !(dom = virDomainLookupByName(conn, "test"))) {
        ok(0, "open test:///default");
        return tap_done();
    }

    tunables("live.", dom, 0, "testnet0", "aa:bb:cc:dd:ee:ff");
    checkXML("live", dom);
    {
        g_autofree char *a = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);
        virDomainPtr again = virDomainLookupByName(conn, "test");
        g_autofree char *b = virDomainGetXMLDesc(again, VIR_DOMAIN_XML_INACTIVE);

        check("live.config-unchanged", g_strcmp0(a, b) == 0 ? "True" : "False");
        virDomainFree(again);
    }

    tun = virDomainDefineXML(conn, inactiveXML);
    ok(tun != NULL, "define tun");
    checkGet("off.numa.get", getNuma, tun, NULL, 0);
    tunables("off.", tun, VIR_DOMAIN_AFFECT_CONFIG, "testnet0",
             "52:54:00:11:22:33");
    checkIOThreads("off.io.info-cpuset", tun, 0, 0);
    checkXML("inactive", tun);
    checkGet("off.mem.live", getMem, tun, NULL, VIR_DOMAIN_AFFECT_LIVE);
    checkInt("off.cpustats", virDomainGetCPUStats(tun, NULL, 0, -1, 1, 0));
    {
        virDomainInterfacePtr *ifaces = NULL;
        checkInt("off.ifaddr", virDomainInterfaceAddresses(tun, &ifaces, 0, 0));
    }
    checkInt("off.sendkey", virDomainSendKey(tun, 0, 0, keys, 1, 0));

    /* CPU statistics */
    memset(cpu, 0, sizeof(cpu));
    n = virDomainGetCPUStats(dom, NULL, 0, -1, 1, 0);
    ok(n == 3, "total: 3 parameters");
    n = virDomainGetCPUStats(dom, cpu, n, -1, 1, 0);
    {
        g_autofree char *t = n < 0 ? errText() : fmtParams(cpu, n);
        check("cpu.total", t);
        virTypedParamsClear(cpu, 8);
    }
    {
        int ncpus = virDomainGetCPUStats(dom, NULL, 0, 0, 0, 0);
        int per = virDomainGetCPUStats(dom, NULL, 0, 0, 1, 0);
        g_autoptr(GString) buf = g_string_new(NULL);
        virTypedParameterPtr all;

        ok(ncpus == 2 && per == 2, "2 CPUs of 2 parameters");
        all = g_new0(virTypedParameter, per * ncpus);
        n = virDomainGetCPUStats(dom, all, per, 0, ncpus, 0);
        for (i = 0; n > 0 && i < ncpus; i++) {
            g_autofree char *t = fmtParams(&all[i * per], per);
            g_string_append_printf(buf, "%s%s", i ? " " : "", t);
        }
        check("cpu.per", buf->str);
        virTypedParamsFree(all, per * ncpus);
    }

    {
        virDomainInterfacePtr *ifaces = NULL;
        g_autoptr(GString) buf = g_string_new(NULL);
        size_t j;

        n = virDomainInterfaceAddresses(dom, &ifaces, 0, 0);
        for (i = 0; i < n; i++) {
            for (j = 0; j < ifaces[i]->naddrs; j++)
                g_string_append_printf(buf, "%s%s,%s,%s/%d",
                                       buf->len ? " " : "", ifaces[i]->name,
                                       ifaces[i]->hwaddr,
                                       ifaces[i]->addrs[j].addr,
                                       ifaces[i]->addrs[j].prefix);
            virDomainInterfaceFree(ifaces[i]);
        }
        free(ifaces);
        check("ifaddr", buf->str);
    }
    checkInt("sendkey", virDomainSendKey(dom, 0, 10, keys, 2, 0));
    checkInt("sendkey-bad", virDomainSendKey(dom, 0, 0, bad, 1, 0));

    n = virConnectGetCPUModelNames(conn, "x86_64", &models, 0);
    {
        g_autofree char *t = n <= 0 ? errText() :
            g_strdup_printf("%d %s %s", n, models[0], models[n - 1]);
        check("models.x86_64", t);
        for (i = 0; i < n; i++)
            free(models[i]);
        free(models);
    }
    n = virConnectGetCPUModelNames(conn, "ppc64", &models, 0);
    {
        g_autofree char *t = n < 0 ? errText() : g_strjoinv(",", models);
        check("models.ppc64", t);
        for (i = 0; i < n; i++)
            free(models[i]);
        free(models);
    }
    n = virConnectGetCPUModelNames(conn, "aarch64", &models, 0);
    {
        g_autofree char *t = n < 0 ? errText() :
            models ? g_strjoinv(",", models) : g_strdup("");
        check("models.aarch64", t);
        free(models);
    }
    models = NULL;
    n = virConnectGetCPUModelNames(conn, "xx", &models, 0);
    {
        g_autofree char *t = n < 0 ? errText() : g_strdup("?");
        check("models.bad", t);
    }

    {
        const char *penryn[] = { "<cpu><arch>x86_64</arch><model>Penryn</model></cpu>" };
        const char *conroe[] = {
            "<cpu><arch>i686</arch><model>Conroe</model><vendor>Intel</vendor></cpu>",
            "<cpu><arch>i686</arch><model>Conroe</model><vendor>Intel</vendor></cpu>",
        };
        const char *noarch[] = { "<cpu><model>Penryn</model></cpu>" };
        const char *unknown[] = { "<cpu><arch>x86_64</arch><model>Foo</model></cpu>" };

        checkBaseline("baseline.one", virConnectBaselineCPU(conn, penryn, 1, 0));
        checkBaseline("baseline.two", virConnectBaselineCPU(conn, conroe, 2, 0));
        checkBaseline("baseline.noarch", virConnectBaselineCPU(conn, noarch, 1, 0));
        checkBaseline("baseline.unknown", virConnectBaselineCPU(conn, unknown, 1, 0));
        checkBaseline("baseline.migratable",
                      virConnectBaselineCPU(conn, penryn, 1,
                                            VIR_CONNECT_BASELINE_CPU_MIGRATABLE));
    }

    n = virConnectGetAllDomainStats(conn, 0, &recs, 0);
    checkStats("stats.all", n, recs);
    n = virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_STATE, &recs,
                                    VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE);
    checkStats("stats.state-inactive", n, recs);
    n = virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_BALLOON, &recs, 0);
    checkStats("stats.unsupported", n, recs);
    n = virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_BALLOON, &recs,
                                    VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS);
    checkStats("stats.enforce", n, recs);
    list[0] = dom;
    list[1] = tun;
    list[2] = NULL;
    n = virDomainListGetStats(list, 0, &recs, 0);
    checkStats("stats.list", n, recs);
    ok(virDomainCreate(tun) == 0, "start tun");
    list[0] = tun;
    list[1] = NULL;
    n = virDomainListGetStats(list, VIR_DOMAIN_STATS_IOTHREAD, &recs, 0);
    checkStats("stats.iothread", n, recs);

    virDomainFree(tun);
    virDomainFree(dom);
    virConnectClose(conn);
    g_hash_table_unref(expected);
    return tap_done();
}
