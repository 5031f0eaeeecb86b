/* test_driver_vcpu.c: virtual CPUs of the test hypervisor's domains.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The first `vcpus` of a definition's `maxvcpus` are online.  Pinning is
 * kept where libvirt shows it, in <cputune> (<vcpupin vcpu= cpuset=>,
 * <emulatorpin cpuset=>): the definition keeps that element as rendered
 * text, so pins are read back from it and written by re-rendering it.
 * A vcpu with no pin of its own runs where <vcpu cpuset=> says, else on
 * every host CPU.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver_tunables.h"
#include "conf/domain_xmlutil.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_MAX_VCPUS 32   /* virConnectGetMaxVcpus */

/* ---- CPU sets ---- */

typedef struct {
    guint8 *bits;
    size_t nbits;
} testCPUSet;

static void
testCPUSetClear(testCPUSet *set)
{
    g_free(set->bits);
    set->bits = NULL;
    set->nbits = 0;
}


static void
testCPUSetInit(testCPUSet *set, size_t nbits)
{
    set->nbits = nbits;
    set->bits = g_new0(guint8, (nbits + 7) / 8 + 1);
}


static bool
testCPUSetHas(const testCPUSet *set, size_t cpu)
{
    return cpu < set->nbits && (set->bits[cpu / 8] & (1 << (cpu % 8)));
}


static void
testCPUSetAdd(testCPUSet *set, size_t cpu)
{
    if (cpu < set->nbits)
        set->bits[cpu / 8] |= 1 << (cpu % 8);
}


/* All of the host's CPUs. */
static void
testCPUSetHost(testDriver *drv, testCPUSet *set)
{
    const virNodeInfo *ni = &drv->nodeInfo;
    size_t n = (size_t)ni->nodes * ni->sockets * ni->cores * ni->threads;
    size_t i;

    testCPUSetInit(set, n);
    for (i = 0; i < n; i++)
        testCPUSetAdd(set, i);
}


/* A canonical list ("0-2,5", or "" for none). */
static int
testCPUSetParse(const char *str, testCPUSet *set)
{
    g_auto(GStrv) parts = NULL;
    size_t i;

    testCPUSetInit(set, 0);
    if (!*str)
        return 0;
    parts = g_strsplit(str, ",", -1);
    for (i = 0; parts[i]; i++) {
        unsigned int first, last;
        char *dash = strchr(parts[i], '-');

        if (dash)
            *dash = '\0';
        if (virDomStrToUInt(parts[i], 10, &first) < 0 ||
            (dash && virDomStrToUInt(dash + 1, 10, &last) < 0))
            return -1;
        if (!dash)
            last = first;
        if (last + 1 > set->nbits) {
            size_t oldBytes = (set->nbits + 7) / 8 + 1;
            size_t newBytes = (last + 1 + 7) / 8 + 1;

            set->bits = g_realloc(set->bits, newBytes);
            memset(set->bits + oldBytes, 0, newBytes - oldBytes);
            set->nbits = last + 1;
        }
        for (; first <= last; first++)
            testCPUSetAdd(set, first);
    }
    return 0;
}


static char *
testCPUSetFormat(const testCPUSet *set)
{
    GString *str = g_string_new(NULL);
    size_t i = 0;

    while (i < set->nbits) {
        size_t j;

        if (!testCPUSetHas(set, i)) {
            i++;
            continue;
        }
        for (j = i; j + 1 < set->nbits && testCPUSetHas(set, j + 1); j++)
            ;
        if (str->len)
            g_string_append_c(str, ',');
        if (j == i)
            g_string_append_printf(str, "%zu", i);
        else
            g_string_append_printf(str, "%zu-%zu", i, j);
        i = j + 1;
    }
    return g_string_free(str, FALSE);
}


static void
testCPUSetFromMap(testCPUSet *set, const unsigned char *map, int maplen)
{
    testCPUSetInit(set, (size_t)maplen * 8);
    memcpy(set->bits, map, maplen);
}


static void
testCPUSetToMap(const testCPUSet *set, unsigned char *map, int maplen)
{
    size_t i;

    memset(map, 0, maplen);
    for (i = 0; i < set->nbits && i < (size_t)maplen * 8; i++) {
        if (testCPUSetHas(set, i))
            map[i / 8] |= 1 << (i % 8);
    }
}


static int
testCPUSetLast(const testCPUSet *set)
{
    size_t i;

    for (i = set->nbits; i > 0; i--) {
        if (testCPUSetHas(set, i - 1))
            return i - 1;
    }
    return -1;
}


/* ---- <cputune> ---- */

typedef xmlDoc testXMLDoc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testXMLDoc, xmlFreeDoc);

/* libvirt's order of <cputune>'s children. */
static const char *const testCputuneOrder[] = {
    "shares", "period", "quota", "global_period", "global_quota",
    "emulator_period", "emulator_quota", "iothread_period", "iothread_quota",
    "vcpupin", "emulatorpin", "iothreadpin", "vcpusched", "iothreadsched",
    "emulatorsched", "cachetune", "memorytune", NULL,
};


static int
testCputuneRank(const char *name)
{
    int i;

    for (i = 0; testCputuneOrder[i]; i++) {
        if (strcmp(testCputuneOrder[i], name) == 0)
            return i;
    }
    return G_N_ELEMENTS(testCputuneOrder);
}


/* Store `doc` back as the definition's <cputune> (dropped when empty). */
static void
testCputuneWrite(virDomainDef *def, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    GString *buf;

    g_clear_pointer(&def->raw[VIR_DOMAIN_RAW_CPUTUNE], g_free);
    if (!root || !xmlFirstElementChild(root))
        return;
    buf = g_string_new(NULL);
    testRawRender(buf, root, 1);
    def->raw[VIR_DOMAIN_RAW_CPUTUNE] = g_string_free(buf, FALSE);
}


/* The <vcpupin> of `vcpu` (vcpu < 0: <emulatorpin>), or NULL. */
static xmlNodePtr
testCputuneFindPin(xmlDocPtr doc, int vcpu)
{
    xmlNodePtr cur;

    if (!doc)
        return NULL;
    for (cur = xmlFirstElementChild(xmlDocGetRootElement(doc)); cur;
         cur = xmlNextElementSibling(cur)) {
        g_autofree char *id = NULL;
        unsigned int n;

        if (vcpu < 0) {
            if (xmlStrEqual(cur->name, BAD_CAST "emulatorpin"))
                return cur;
            continue;
        }
        if (!xmlStrEqual(cur->name, BAD_CAST "vcpupin"))
            continue;
        id = virDomXMLProp(cur, "vcpu");
        if (id && virDomStrToUInt(id, 10, &n) == 0 && n == (unsigned int)vcpu)
            return cur;
    }
    return NULL;
}


/* Where vcpu `vcpu` (or the emulator, vcpu < 0) may run. */
static void
testPinGet(testDriver *drv, const virDomainDef *def, int vcpu,
           testCPUSet *set)
{
    g_autoptr(testXMLDoc) doc = testRawRead(def, VIR_DOMAIN_RAW_CPUTUNE);
    xmlNodePtr pin = testCputuneFindPin(doc, vcpu);

    if (pin) {
        g_autofree char *cpuset = virDomXMLProp(pin, "cpuset");

        if (cpuset && testCPUSetParse(cpuset, set) == 0)
            return;
        testCPUSetClear(set);
    }
    if (def->cpuset && testCPUSetParse(def->cpuset, set) == 0)
        return;
    testCPUSetClear(set);
    testCPUSetHost(drv, set);
}


/* Pin vcpu `vcpu` (the emulator when < 0) to `set`. */
static void
testPinSet(virDomainDef *def, int vcpu, const testCPUSet *set)
{
    g_autoptr(testXMLDoc) doc = testRawRead(def, VIR_DOMAIN_RAW_CPUTUNE);
    g_autofree char *cpuset = testCPUSetFormat(set);
    const char *name = vcpu < 0 ? "emulatorpin" : "vcpupin";
    int rank = testCputuneRank(name);
    xmlNodePtr root;
    xmlNodePtr pin;
    xmlNodePtr cur;

    if (!doc) {
        doc = xmlNewDoc(BAD_CAST "1.0");
        xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST "cputune",
                                                NULL));
    }
    root = xmlDocGetRootElement(doc);
    if ((pin = testCputuneFindPin(doc, vcpu))) {
        xmlUnlinkNode(pin);
        xmlFreeNode(pin);
    }

    pin = xmlNewDocNode(doc, NULL, BAD_CAST name, NULL);
    if (vcpu >= 0) {
        g_autofree char *id = g_strdup_printf("%d", vcpu);

        xmlNewProp(pin, BAD_CAST "vcpu", BAD_CAST id);
    }
    xmlNewProp(pin, BAD_CAST "cpuset", BAD_CAST cpuset);

    /* Before the first child that libvirt prints later (or a later vcpu). */
    for (cur = xmlFirstElementChild(root); cur; cur = xmlNextElementSibling(cur)) {
        int r = testCputuneRank((const char *)cur->name);

        if (r > rank)
            break;
        if (r == rank && vcpu >= 0) {
            g_autofree char *id = virDomXMLProp(cur, "vcpu");
            unsigned int n;

            if (id && virDomStrToUInt(id, 10, &n) == 0 && n > (unsigned int)vcpu)
                break;
        }
    }
    if (cur)
        xmlAddPrevSibling(cur, pin);
    else
        xmlAddChild(root, pin);
    testCputuneWrite(def, doc);
}


/* Forget the pins of vcpus from `first` on (they no longer exist). */
static void
testPinDropFrom(virDomainDef *def, unsigned int first)
{
    g_autoptr(testXMLDoc) doc = testRawRead(def, VIR_DOMAIN_RAW_CPUTUNE);
    xmlNodePtr cur;
    xmlNodePtr next;
    bool changed = false;

    if (!doc)
        return;
    for (cur = xmlFirstElementChild(xmlDocGetRootElement(doc)); cur; cur = next) {
        g_autofree char *id = NULL;
        unsigned int n;

        next = xmlNextElementSibling(cur);
        if (!xmlStrEqual(cur->name, BAD_CAST "vcpupin"))
            continue;
        id = virDomXMLProp(cur, "vcpu");
        if (id && virDomStrToUInt(id, 10, &n) == 0 && n >= first) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
            changed = true;
        }
    }
    if (changed)
        testCputuneWrite(def, doc);
}


/* ---- counts ---- */

int
testDomainSetVcpusFlags(virDomainPtr domain, unsigned int nvcpus,
                        unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    virDomainDef *live;
    virDomainDef *config;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_VCPU_MAXIMUM, -1);

    if (nvcpus > TEST_MAX_VCPUS) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested cpu amount exceeds maximum supported amount (%u > %d)",
                       nvcpus, TEST_MAX_VCPUS);
        return -1;
    }

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        testDomObjGetDefs(obj, flags, &live, &config) < 0)
        goto cleanup;

    if (live && live->maxvcpus < nvcpus) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested cpu amount exceeds maximum (%u > %u)",
                       nvcpus, live->maxvcpus);
        goto cleanup;
    }
    if (config && !(flags & VIR_DOMAIN_VCPU_MAXIMUM) &&
        config->maxvcpus < nvcpus) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested cpu amount exceeds maximum (%u > %u)",
                       nvcpus, config->maxvcpus);
        goto cleanup;
    }

    /* Even with VCPU_MAXIMUM, the live part only changes the count. */
    if (live)
        live->vcpus = nvcpus;
    if (config) {
        if (flags & VIR_DOMAIN_VCPU_MAXIMUM) {
            /* Added vcpus start offline; removed ones lose their pins. */
            if (nvcpus < config->maxvcpus) {
                testPinDropFrom(config, nvcpus);
                if (config->vcpus > nvcpus)
                    config->vcpus = nvcpus;
            }
            config->maxvcpus = nvcpus;
        } else {
            config->vcpus = nvcpus;
        }
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetVcpus(virDomainPtr domain, unsigned int nvcpus)
{
    return testDomainSetVcpusFlags(domain, nvcpus, VIR_DOMAIN_AFFECT_LIVE);
}


int
testDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                   unsigned char *cpumaps, int maplen)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    unsigned long long now;
    int ret = -1;
    int i;

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (!testDomObjIsActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot list vcpus for an inactive domain");
        goto cleanup;
    }

    now = g_get_real_time();
    if (maxinfo > (int)obj->def->vcpus)
        maxinfo = obj->def->vcpus;
    memset(info, 0, sizeof(*info) * maxinfo);
    if (cpumaps && maplen > 0)
        memset(cpumaps, 0, (size_t)maxinfo * maplen);

    for (i = 0; i < maxinfo; i++) {
        testCPUSet set = { 0 };

        testPinGet(drv, obj->def, i, &set);
        if (cpumaps && maplen > 0)
            testCPUSetToMap(&set, VIR_GET_CPUMAP(cpumaps, maplen, i), maplen);
        info[i].number = i;
        info[i].state = VIR_VCPU_RUNNING;
        info[i].cpu = testCPUSetLast(&set);
        /* A made-up, growing CPU time. */
        info[i].cpuTime = now / 10;
        testCPUSetClear(&set);
    }
    ret = maxinfo;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- pinning ---- */

int
testDomainPinVcpuFlags(virDomainPtr domain, unsigned int vcpu,
                       unsigned char *cpumap, int maplen, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    testCPUSet set = { 0 };
    int ret = -1;

    virCheckFlags(0, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)))
        goto cleanup;
    if (!testDomObjIsActive(obj)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot pin vcpus on an inactive domain");
        goto cleanup;
    }
    if (vcpu >= obj->def->vcpus) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested vcpu '%d' is not present in the domain",
                       (int)vcpu);
        goto cleanup;
    }
    testCPUSetFromMap(&set, cpumap, maplen);
    testPinSet(obj->def, vcpu, &set);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    testCPUSetClear(&set);
    return ret;
}


int
testDomainPinVcpu(virDomainPtr domain, unsigned int vcpu,
                  unsigned char *cpumap, int maplen)
{
    return testDomainPinVcpuFlags(domain, vcpu, cpumap, maplen, 0);
}


int
testDomainGetVcpuPinInfo(virDomainPtr domain, int ncpumaps,
                         unsigned char *cpumaps, int maplen,
                         unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    bool live;
    int ret = -1;
    int i;

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        !(def = testDomObjGetOneDef(obj, flags, &live)))
        goto cleanup;

    for (i = 0; i < (int)def->maxvcpus && i < ncpumaps; i++) {
        testCPUSet set = { 0 };

        testPinGet(drv, def, i, &set);
        testCPUSetToMap(&set, VIR_GET_CPUMAP(cpumaps, maplen, i), maplen);
        testCPUSetClear(&set);
    }
    ret = i;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainPinEmulator(virDomainPtr domain, unsigned char *cpumap, int maplen,
                      unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    testCPUSet set = { 0 };
    bool live;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        !(def = testDomObjGetOneDef(obj, flags, &live)))
        goto cleanup;
    testCPUSetFromMap(&set, cpumap, maplen);
    if (testCPUSetLast(&set) < 0) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Empty cpu list for pinning");
        goto cleanup;
    }
    testPinSet(def, -1, &set);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    testCPUSetClear(&set);
    return ret;
}


int
testDomainGetEmulatorPinInfo(virDomainPtr domain, unsigned char *cpumap,
                             int maplen, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    testDomObj *obj;
    virDomainDef *def;
    testCPUSet set = { 0 };
    bool live;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, domain)) ||
        !(def = testDomObjGetOneDef(obj, flags, &live)))
        goto cleanup;
    testPinGet(drv, def, -1, &set);
    testCPUSetToMap(&set, cpumap, maplen);
    ret = 1;

 cleanup:
    g_mutex_unlock(&drv->lock);
    testCPUSetClear(&set);
    return ret;
}


/* libvirt's test host answers with a fixed map: CPUs 0, 2 and 4 of 8. */
int
testNodeGetCPUMap(virConnectPtr conn G_GNUC_UNUSED, unsigned char **cpumap,
                  unsigned int *online, unsigned int flags)
{
    virCheckFlags(0, -1);

    if (cpumap) {
        *cpumap = g_new0(unsigned char, 1);
        (*cpumap)[0] = 0x15;
    }
    if (online)
        *online = 3;
    return 8;
}
