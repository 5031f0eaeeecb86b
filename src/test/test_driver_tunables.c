/* test_driver_tunables.c: the tunables of the test hypervisor's domains,
 * as typed parameters: memory limits (<memtune>), NUMA policy
 * (<numatune>), block I/O weights (<blkiotune>), an interface's
 * <bandwidth>, a disk's throttling (<iotune>) and perf events (<perf>).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Nothing is enforced: values are checked the way libvirt 9.0's test
 * driver checks them (including its quirks, such as refusing a disk rate
 * above its unset *_max) and land in the XML, live and/or persistent
 * definition as the LIVE/CONFIG flags say.  <memtune>, <blkiotune> and
 * <perf> are kept as written by the domain parser, so they are read back
 * as a small tree here and stored again in libvirt's layout.
 */
#include <config.h>

#include <string.h>

#include "test/test_driver_tunables.h"
#include "conf/domain_xmlutil.h"
#include "util/virerror.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST

typedef xmlDoc testTuneDoc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testTuneDoc, xmlFreeDoc);


/* ---- raw elements ---- */

xmlDocPtr
testRawRead(const virDomainDef *def, virDomainRawElem which)
{
    const char *raw = def->raw[which];

    if (!raw)
        return NULL;
    return xmlReadMemory(raw, strlen(raw), "raw", NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR |
                         XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
}


void
testRawRender(GString *buf, xmlNodePtr node, int level)
{
    xmlAttrPtr attr;
    xmlNodePtr cur;
    bool elems = false;
    g_autofree char *text = NULL;

    virDomXMLIndent(buf, level);
    g_string_append_printf(buf, "<%s", (const char *)node->name);
    for (attr = node->properties; attr; attr = attr->next) {
        g_autofree char *val = virDomXMLProp(node, (const char *)attr->name);

        virDomXMLAttr(buf, (const char *)attr->name, val ? val : "");
    }
    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE)
            elems = true;
    }
    if (elems) {
        g_string_append(buf, ">\n");
        for (cur = node->children; cur; cur = cur->next) {
            if (cur->type == XML_ELEMENT_NODE)
                testRawRender(buf, cur, level + 1);
        }
        virDomXMLIndent(buf, level);
        g_string_append_printf(buf, "</%s>\n", (const char *)node->name);
    } else if ((text = virDomXMLText(node)) && *g_strstrip(text)) {
        g_string_append_c(buf, '>');
        virDomXMLEscape(buf, text);
        g_string_append_printf(buf, "</%s>\n", (const char *)node->name);
    } else {
        g_string_append(buf, "/>\n");
    }
}


void
testRawWrite(virDomainDef *def, virDomainRawElem which, xmlDocPtr doc)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    g_autofree char *text = NULL;
    GString *buf;

    g_clear_pointer(&def->raw[which], g_free);
    if (!root)
        return;
    if (!xmlFirstElementChild(root) &&
        !((text = virDomXMLText(root)) && *g_strstrip(text)))
        return;
    buf = g_string_new(NULL);
    testRawRender(buf, root, 1);
    def->raw[which] = g_string_free(buf, FALSE);
}


static xmlDocPtr
testRawNew(const char *rootName)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");

    xmlDocSetRootElement(doc, xmlNewDocNode(doc, NULL, BAD_CAST rootName,
                                            NULL));
    return doc;
}


/* The definition a Set call changes, with libvirt's errors: like libvirt's
 * test driver, one at a time (LIVE and CONFIG together are refused). */
static int
testTuneDefs(testDriver *drv, virDomainPtr dom, unsigned int flags,
             virDomainDef **live, virDomainDef **config)
{
    testDomObj *obj;
    virDomainDef *def;
    bool isLive = false;

    *live = NULL;
    *config = NULL;
    if (!(obj = testDomObjFromDomain(drv, dom)) ||
        !(def = testDomObjGetOneDef(obj, flags, &isLive)))
        return -1;
    if (isLive)
        *live = def;
    else
        *config = def;
    return 0;
}


static virDomainDef *
testTuneDef(testDriver *drv, virDomainPtr dom, unsigned int flags)
{
    testDomObj *obj;
    bool live;

    if (!(obj = testDomObjFromDomain(drv, dom)))
        return NULL;
    return testDomObjGetOneDef(obj, flags, &live);
}


/* ---- memory ---- */

#define TEST_MEM_UNLIMITED VIR_DOMAIN_MEMORY_PARAM_UNLIMITED

/* <memtune> children in libvirt's order. */
enum { TEST_MEM_HARD, TEST_MEM_SOFT, TEST_MEM_MIN, TEST_MEM_SWAP, TEST_MEM_N };
static const char *const testMemNames[TEST_MEM_N] = {
    "hard_limit", "soft_limit", "min_guarantee", "swap_hard_limit",
};

static void
testMemtuneGet(const virDomainDef *def, unsigned long long *vals)
{
    g_autoptr(testTuneDoc) doc = testRawRead(def, VIR_DOMAIN_RAW_MEMTUNE);
    xmlNodePtr cur;
    size_t i;

    for (i = 0; i < TEST_MEM_N; i++)
        vals[i] = TEST_MEM_UNLIMITED;
    if (!doc)
        return;
    for (cur = xmlFirstElementChild(xmlDocGetRootElement(doc)); cur;
         cur = xmlNextElementSibling(cur)) {
        for (i = 0; i < TEST_MEM_N; i++) {
            g_autofree char *text = NULL;

            if (!xmlStrEqual(cur->name, BAD_CAST testMemNames[i]))
                continue;
            text = virDomXMLText(cur);
            if (!text || virDomStrToULLong(g_strstrip(text), 10, &vals[i]) < 0)
                vals[i] = TEST_MEM_UNLIMITED;
        }
    }
}


static void
testMemtuneSet(virDomainDef *def, const unsigned long long *vals)
{
    g_autoptr(testTuneDoc) doc = testRawNew("memtune");
    xmlNodePtr root = xmlDocGetRootElement(doc);
    size_t i;

    for (i = 0; i < TEST_MEM_N; i++) {
        g_autofree char *text = NULL;
        xmlNodePtr el;

        if (vals[i] >= TEST_MEM_UNLIMITED)
            continue;
        text = g_strdup_printf("%llu", vals[i]);
        el = xmlNewChild(root, NULL, BAD_CAST testMemNames[i], BAD_CAST text);
        xmlNewProp(el, BAD_CAST "unit", BAD_CAST "KiB");
    }
    testRawWrite(def, VIR_DOMAIN_RAW_MEMTUNE, doc);
}


int
testDomainGetMemoryParameters(virDomainPtr dom, virTypedParameterPtr params,
                              int *nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    static const int shown[] = { TEST_MEM_HARD, TEST_MEM_SOFT, TEST_MEM_SWAP };
    unsigned long long vals[TEST_MEM_N];
    virDomainDef *def;
    int ret = -1;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    /* The count comes first, as for the interface parameters. */
    if (*nparams == 0) {
        *nparams = G_N_ELEMENTS(shown);
        return 0;
    }

    g_mutex_lock(&drv->lock);
    if (!(def = testTuneDef(drv, dom, flags & ~VIR_TYPED_PARAM_STRING_OKAY)))
        goto cleanup;
    testMemtuneGet(def, vals);
    for (i = 0; i < *nparams && i < (int)G_N_ELEMENTS(shown); i++) {
        if (virTypedParameterAssign(&params[i], testMemNames[shown[i]],
                                    VIR_TYPED_PARAM_ULLONG,
                                    vals[shown[i]]) < 0)
            goto cleanup;
    }
    *nparams = i;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testMemtuneApply(virDomainDef *def, virTypedParameterPtr params, int nparams)
{
    unsigned long long vals[TEST_MEM_N];
    int i;
    size_t j;

    bool limits = false;

    testMemtuneGet(def, vals);
    for (i = 0; i < nparams; i++) {
        for (j = 0; j < TEST_MEM_N; j++) {
            if (STREQ(params[i].field, testMemNames[j]))
                vals[j] = MIN(params[i].value.ul, TEST_MEM_UNLIMITED);
        }
        limits |= STREQ(params[i].field, VIR_DOMAIN_MEMORY_HARD_LIMIT) ||
                  STREQ(params[i].field, VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT);
    }
    /* an unset hard limit counts as unlimited here, so a swap limit alone
     * is refused (libvirt's test driver does the same) */
    if (limits && vals[TEST_MEM_HARD] > vals[TEST_MEM_SWAP]) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "memory hard_limit tunable value must be lower than "
                       "or equal to swap_hard_limit");
        return -1;
    }
    testMemtuneSet(def, vals);
    return 0;
}


int
testDomainSetMemoryParameters(virDomainPtr dom, virTypedParameterPtr params,
                              int nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               "hard_limit", VIR_TYPED_PARAM_ULLONG,
                               "soft_limit", VIR_TYPED_PARAM_ULLONG,
                               "swap_hard_limit", VIR_TYPED_PARAM_ULLONG,
                               NULL) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    if (testTuneDefs(drv, dom, flags, &live, &config) < 0)
        goto cleanup;
    if (live && testMemtuneApply(live, params, nparams) < 0)
        goto cleanup;
    if (config && testMemtuneApply(config, params, nparams) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- NUMA ---- */

int
testDomainGetNumaParameters(virDomainPtr dom, virTypedParameterPtr params,
                            int *nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *def;
    int ret = -1;
    int n = 0;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    /* The count comes first, as for the interface parameters. */
    if (*nparams == 0) {
        *nparams = 2;
        return 0;
    }

    g_mutex_lock(&drv->lock);
    if (!(def = testTuneDef(drv, dom, flags & ~VIR_TYPED_PARAM_STRING_OKAY)))
        goto cleanup;
    if (virTypedParameterAssign(&params[n++], VIR_DOMAIN_NUMA_MODE,
                                VIR_TYPED_PARAM_INT,
                                def->numatune ? def->numatune->mode : 0) < 0)
        goto cleanup;
    if (*nparams > 1 &&
        virTypedParameterAssign(&params[n++], VIR_DOMAIN_NUMA_NODESET,
                                VIR_TYPED_PARAM_STRING,
                                def->numatune && def->numatune->nodeset ?
                                def->numatune->nodeset : "") < 0)
        goto cleanup;
    *nparams = n;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testNumatuneApply(virDomainDef *def, int mode, const char *nodeset)
{
    virDomainNumatuneDef *nt = def->numatune;
    g_autofree char *newset = NULL;
    int placement = nt ? nt->placement : 0;

    if (nodeset) {
        if (*nodeset && virDomParseCPUList(nodeset, &newset) < 0)
            return -1;
        placement = newset ? 1 : 0;
    } else if (nt && nt->nodeset) {
        newset = g_strdup(nt->nodeset);
    }
    if (!newset && placement != 2) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                          "nodeset for NUMA memory tuning must be set if "
                          "'placement' is 'static'");
        return -1;
    }
    if (!nt)
        nt = def->numatune = g_new0(virDomainNumatuneDef, 1);
    if (mode >= 0)
        nt->mode = mode;
    nt->placement = placement;
    g_free(nt->nodeset);
    nt->nodeset = g_steal_pointer(&newset);
    return 0;
}


int
testDomainSetNumaParameters(virDomainPtr dom, virTypedParameterPtr params,
                            int nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    const char *nodeset = NULL;
    g_autofree char *canon = NULL;
    int mode = -1;
    int ret = -1;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_NUMA_MODE, VIR_TYPED_PARAM_INT,
                               VIR_DOMAIN_NUMA_NODESET, VIR_TYPED_PARAM_STRING,
                               NULL) < 0)
        return -1;

    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, VIR_DOMAIN_NUMA_MODE)) {
            mode = params[i].value.i;
            if (mode < 0 || mode > VIR_DOMAIN_NUMATUNE_MEM_RESTRICTIVE) {
                virReportError(VIR_ERR_INVALID_ARG,
                               "unsupported numatune mode: '%d'", mode);
                return -1;
            }
        } else {
            nodeset = params[i].value.s;
        }
    }
    /* a bad nodeset is refused before anything changes */
    if (nodeset && *nodeset && virDomParseCPUList(nodeset, &canon) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    if (testTuneDefs(drv, dom, flags, &live, &config) < 0)
        goto cleanup;
    if (live && testNumatuneApply(live, mode, nodeset) < 0)
        goto cleanup;
    if (config && testNumatuneApply(config, mode, nodeset) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- block I/O weights ---- */

/* <device> children after <path>, in libvirt's order, with the typed
 * parameter each one is listed in. */
enum {
    TEST_BLKIO_WEIGHT, TEST_BLKIO_RIOPS, TEST_BLKIO_WIOPS,
    TEST_BLKIO_RBPS, TEST_BLKIO_WBPS, TEST_BLKIO_N
};
static const char *const testBlkioElems[TEST_BLKIO_N] = {
    "weight", "read_iops_sec", "write_iops_sec", "read_bytes_sec",
    "write_bytes_sec",
};
static const char *const testBlkioParams[TEST_BLKIO_N] = {
    VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIR_DOMAIN_BLKIO_DEVICE_READ_BPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS,
};

typedef struct {
    char *path;
    unsigned long long v[TEST_BLKIO_N];
} testBlkioDev;

typedef struct {
    unsigned int weight;
    GPtrArray *devs;      /* testBlkioDev * */
} testBlkio;


static void
testBlkioDevFree(testBlkioDev *dev)
{
    g_free(dev->path);
    g_free(dev);
}


static void
testBlkioClear(testBlkio *b)
{
    if (b->devs)
        g_ptr_array_free(b->devs, TRUE);
}


static void
testBlkioRead(const virDomainDef *def, testBlkio *b)
{
    g_autoptr(testTuneDoc) doc = testRawRead(def, VIR_DOMAIN_RAW_BLKIOTUNE);
    xmlNodePtr cur;

    b->weight = 0;
    b->devs = g_ptr_array_new_with_free_func((GDestroyNotify)testBlkioDevFree);
    if (!doc)
        return;
    for (cur = xmlFirstElementChild(xmlDocGetRootElement(doc)); cur;
         cur = xmlNextElementSibling(cur)) {
        if (xmlStrEqual(cur->name, BAD_CAST "weight")) {
            g_autofree char *text = virDomXMLText(cur);

            if (text)
                virDomStrToUInt(g_strstrip(text), 10, &b->weight);
        } else if (xmlStrEqual(cur->name, BAD_CAST "device")) {
            testBlkioDev *dev = g_new0(testBlkioDev, 1);
            xmlNodePtr c;

            for (c = xmlFirstElementChild(cur); c; c = xmlNextElementSibling(c)) {
                g_autofree char *text = virDomXMLText(c);
                size_t i;

                if (xmlStrEqual(c->name, BAD_CAST "path")) {
                    g_free(dev->path);
                    dev->path = g_strdup(text ? g_strstrip(text) : "");
                    continue;
                }
                for (i = 0; i < TEST_BLKIO_N; i++) {
                    if (text && xmlStrEqual(c->name, BAD_CAST testBlkioElems[i]))
                        virDomStrToULLong(g_strstrip(text), 10, &dev->v[i]);
                }
            }
            if (!dev->path)
                dev->path = g_strdup("");
            g_ptr_array_add(b->devs, dev);
        }
    }
}


static void
testBlkioWrite(virDomainDef *def, const testBlkio *b)
{
    g_autoptr(testTuneDoc) doc = testRawNew("blkiotune");
    xmlNodePtr root = xmlDocGetRootElement(doc);
    size_t i, j;

    if (b->weight) {
        g_autofree char *text = g_strdup_printf("%u", b->weight);
        xmlNewChild(root, NULL, BAD_CAST "weight", BAD_CAST text);
    }
    for (i = 0; i < b->devs->len; i++) {
        testBlkioDev *dev = g_ptr_array_index(b->devs, i);
        xmlNodePtr el;
        bool any = false;

        for (j = 0; j < TEST_BLKIO_N; j++)
            any |= dev->v[j] != 0;
        if (!any)
            continue;
        el = xmlNewChild(root, NULL, BAD_CAST "device", NULL);
        xmlNewTextChild(el, NULL, BAD_CAST "path", BAD_CAST dev->path);
        for (j = 0; j < TEST_BLKIO_N; j++) {
            g_autofree char *text = NULL;

            if (!dev->v[j])
                continue;
            text = g_strdup_printf("%llu", dev->v[j]);
            xmlNewChild(el, NULL, BAD_CAST testBlkioElems[j], BAD_CAST text);
        }
    }
    testRawWrite(def, VIR_DOMAIN_RAW_BLKIOTUNE, doc);
}


/* "path,value,path,value" of the devices that have field `which`. */
static char *
testBlkioFormatDevs(const testBlkio *b, int which)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    size_t i;

    for (i = 0; i < b->devs->len; i++) {
        testBlkioDev *dev = g_ptr_array_index(b->devs, i);

        if (!dev->v[which])
            continue;
        if (buf->len)
            g_string_append_c(buf, ',');
        g_string_append_printf(buf, "%s,%llu", dev->path, dev->v[which]);
    }
    return g_strdup(buf->str);
}


int
testDomainGetBlkioParameters(virDomainPtr dom, virTypedParameterPtr params,
                             int *nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *def;
    testBlkio b = { 0 };
    int ret = -1;
    int n;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    /* The count comes first, as for the interface parameters. */
    if (*nparams == 0) {
        *nparams = 1 + TEST_BLKIO_N;
        return 0;
    }

    g_mutex_lock(&drv->lock);
    if (!(def = testTuneDef(drv, dom, flags & ~VIR_TYPED_PARAM_STRING_OKAY)))
        goto cleanup;
    testBlkioRead(def, &b);
    if (virTypedParameterAssign(&params[0], VIR_DOMAIN_BLKIO_WEIGHT,
                                VIR_TYPED_PARAM_UINT, b.weight) < 0)
        goto cleanup;
    for (n = 1; n < *nparams && n <= TEST_BLKIO_N; n++) {
        g_autofree char *val = testBlkioFormatDevs(&b, n - 1);

        if (virTypedParameterAssign(&params[n], testBlkioParams[n - 1],
                                    VIR_TYPED_PARAM_STRING, val) < 0)
            goto cleanup;
    }
    *nparams = n;
    ret = 0;

 cleanup:
    testBlkioClear(&b);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Parse "path,value[,path,value...]" of parameter `name`. */
static int
testBlkioParseDevs(const char *name, const char *str, GPtrArray *out)
{
    g_auto(GStrv) parts = g_strsplit(str, ",", -1);
    size_t n = g_strv_length(parts);
    size_t i;

    if (!*str)
        return 0;
    if (n % 2) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                          "unable to parse blkio device '%s' '%s'", name, str);
        return -1;
    }
    for (i = 0; i < n; i += 2) {
        testBlkioDev *dev = g_new0(testBlkioDev, 1);

        dev->path = g_strdup(parts[i]);
        g_ptr_array_add(out, dev);
        if (virDomStrToULLong(parts[i + 1], 10, &dev->v[0]) < 0) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                              "invalid value '%s' for parameter '%s' of device '%s'",
                              parts[i + 1], name, parts[i]);
            return -1;
        }
    }
    return 0;
}


static void
testBlkioMerge(testBlkio *b, int which, GPtrArray *news)
{
    size_t i, j;

    for (i = 0; i < news->len; i++) {
        testBlkioDev *nd = g_ptr_array_index(news, i);
        testBlkioDev *dev = NULL;

        for (j = 0; j < b->devs->len; j++) {
            testBlkioDev *d = g_ptr_array_index(b->devs, j);
            if (STREQ(d->path, nd->path)) {
                dev = d;
                break;
            }
        }
        if (!dev) {
            dev = g_new0(testBlkioDev, 1);
            dev->path = g_strdup(nd->path);
            g_ptr_array_add(b->devs, dev);
        }
        dev->v[which] = nd->v[0];
    }
}


static int
testBlkioApply(virDomainDef *def, virTypedParameterPtr params, int nparams)
{
    testBlkio b = { 0 };
    int ret = -1;
    int i;
    size_t j;

    testBlkioRead(def, &b);
    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, VIR_DOMAIN_BLKIO_WEIGHT)) {
            b.weight = params[i].value.ui;
            continue;
        }
        for (j = 0; j < TEST_BLKIO_N; j++) {
            g_autoptr(GPtrArray) news = NULL;

            if (STRNEQ(params[i].field, testBlkioParams[j]))
                continue;
            news = g_ptr_array_new_with_free_func((GDestroyNotify)testBlkioDevFree);
            if (testBlkioParseDevs(params[i].field, params[i].value.s, news) < 0)
                goto cleanup;
            testBlkioMerge(&b, j, news);
        }
    }
    testBlkioWrite(def, &b);
    ret = 0;

 cleanup:
    testBlkioClear(&b);
    return ret;
}


int
testDomainSetBlkioParameters(virDomainPtr dom, virTypedParameterPtr params,
                             int nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_BLKIO_WEIGHT, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_READ_BPS, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS, VIR_TYPED_PARAM_STRING,
                               NULL) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    if (testTuneDefs(drv, dom, flags, &live, &config) < 0)
        goto cleanup;
    if (live && testBlkioApply(live, params, nparams) < 0)
        goto cleanup;
    if (config && testBlkioApply(config, params, nparams) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- interface bandwidth ---- */

static const char *const testBwParams[] = {
    VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, VIR_DOMAIN_BANDWIDTH_IN_PEAK,
    VIR_DOMAIN_BANDWIDTH_IN_BURST, VIR_DOMAIN_BANDWIDTH_IN_FLOOR,
    VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, VIR_DOMAIN_BANDWIDTH_OUT_PEAK,
    VIR_DOMAIN_BANDWIDTH_OUT_BURST,
};


/* The interface `device` names: a MAC address or a target dev. */
static virDomainNetDef *
testNetFind(virDomainDef *def, const char *device)
{
    unsigned char mac[VIR_MAC_BUFLEN];
    bool isMac;
    virDomainNetDef *found = NULL;
    size_t i;

    if (!device) {
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG, "%s",
                          "no interface given");
        return NULL;
    }
    isMac = virDomainNetParseMAC(device, mac) == 0;

    for (i = 0; i < def->nnets; i++) {
        virDomainNetDef *net = def->nets[i];

        if (isMac) {
            if (memcmp(net->mac, mac, VIR_MAC_BUFLEN) != 0)
                continue;
            if (found) {
                testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_MULTIPLE_INTERFACES,
                                  "multiple devices matching MAC address %s found",
                                  device);
                return NULL;
            }
            found = net;
        } else if (net->ifname && STREQ(net->ifname, device)) {
            return net;
        }
    }
    if (!found)
        testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                          "'%s' is not a known interface", device);
    return found;
}


int
testDomainGetInterfaceParameters(virDomainPtr dom, const char *device,
                                 virTypedParameterPtr params, int *nparams,
                                 unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *def;
    virDomainNetDef *net;
    virDomainNetRate none = { 0 };
    int ret = -1;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    /* libvirt's test driver answers the count before it looks at the
     * domain, the flags' consistency or the device. */
    if (*nparams == 0) {
        *nparams = G_N_ELEMENTS(testBwParams);
        return 0;
    }

    g_mutex_lock(&drv->lock);
    if (!(def = testTuneDef(drv, dom, flags & ~VIR_TYPED_PARAM_STRING_OKAY)) ||
        !(net = testNetFind(def, device)))
        goto cleanup;
    for (i = 0; i < *nparams && i < (int)G_N_ELEMENTS(testBwParams); i++) {
        const virDomainNetRate *in = net->bwIn ? net->bwIn : &none;
        const virDomainNetRate *out = net->bwOut ? net->bwOut : &none;
        unsigned long long v[] = {
            in->average, in->peak, in->burst, in->floor,
            out->average, out->peak, out->burst,
        };

        if (virTypedParameterAssign(&params[i], testBwParams[i],
                                    VIR_TYPED_PARAM_UINT,
                                    (unsigned int)v[i]) < 0)
            goto cleanup;
    }
    *nparams = i;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testBandwidthApply(virDomainDef *def, const char *device,
                   virTypedParameterPtr params, int nparams)
{
    virDomainNetDef *net;
    virDomainNetRate in = { 0 };
    virDomainNetRate out = { 0 };
    bool setIn = false;
    bool setOut = false;
    int i;

    if (!(net = testNetFind(def, device)))
        return -1;
    for (i = 0; i < nparams; i++) {
        const char *f = params[i].field;
        unsigned long long v = params[i].value.ui;

        if (g_str_has_prefix(f, "inbound."))
            setIn = true;
        else
            setOut = true;
        if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE))
            in.average = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_PEAK))
            in.peak = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_BURST))
            in.burst = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_FLOOR))
            in.floor = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE))
            out.average = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_OUT_PEAK))
            out.peak = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_OUT_BURST))
            out.burst = v;
    }
    /* a direction given replaces the old one; without a rate it goes */
    if (setIn) {
        g_clear_pointer(&net->bwIn, g_free);
        if (in.average || in.floor)
            net->bwIn = g_memdup2(&in, sizeof(in));
    }
    if (setOut) {
        g_clear_pointer(&net->bwOut, g_free);
        if (out.average)
            net->bwOut = g_memdup2(&out, sizeof(out));
    }
    return 0;
}


int
testDomainSetInterfaceParameters(virDomainPtr dom, const char *device,
                                 virTypedParameterPtr params, int nparams,
                                 unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_PEAK, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_BURST, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_FLOOR, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_PEAK, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_BURST, VIR_TYPED_PARAM_UINT,
                               NULL) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    if (testTuneDefs(drv, dom, flags, &live, &config) < 0)
        goto cleanup;
    if (live && testBandwidthApply(live, device, params, nparams) < 0)
        goto cleanup;
    if (config && testBandwidthApply(config, device, params, nparams) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- disk throttling ---- */

#define TEST_IOTUNE_MAX 1000000000000000ULL
#define TEST_IOTUNE_N 20
#define TEST_IOTUNE_GROUP 13

/* The parameters in libvirt's order; the same names as <iotune>'s. */
static const char *const testIotuneNames[TEST_IOTUNE_N] = {
    "total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
    "total_iops_sec", "read_iops_sec", "write_iops_sec",
    "total_bytes_sec_max", "read_bytes_sec_max", "write_bytes_sec_max",
    "total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max",
    "size_iops_sec", "group_name",
    "total_bytes_sec_max_length", "read_bytes_sec_max_length",
    "write_bytes_sec_max_length", "total_iops_sec_max_length",
    "read_iops_sec_max_length", "write_iops_sec_max_length",
};


static virDomainDiskDef *
testDiskFind(virDomainDef *def, const char *name)
{
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        virDomainDiskDef *disk = def->disks[i];

        if (STREQ(disk->dst, name) ||
            (disk->src && disk->src->path && STREQ(disk->src->path, name)))
            return disk;
    }
    virReportError(VIR_ERR_INVALID_ARG,
                   "disk '%s' was not found in the domain config", name);
    return NULL;
}


static void
testIotuneGet(const virDomainDiskDef *disk, unsigned long long *vals)
{
    size_t i, j;

    for (i = 0; i < TEST_IOTUNE_N; i++) {
        vals[i] = 0;
        for (j = 0; j < disk->niotune; j++) {
            if (STREQ(disk->iotune[j].name, testIotuneNames[i]))
                vals[i] = disk->iotune[j].value;
        }
    }
}


static void
testIotuneSet(virDomainDiskDef *disk, const unsigned long long *vals)
{
    size_t i;

    for (i = 0; i < disk->niotune; i++)
        g_free(disk->iotune[i].name);
    g_clear_pointer(&disk->iotune, g_free);
    disk->niotune = 0;
    for (i = 0; i < TEST_IOTUNE_N; i++) {
        if (i == TEST_IOTUNE_GROUP || !vals[i])
            continue;
        disk->iotune = g_renew(virDomainDiskIotune, disk->iotune,
                               disk->niotune + 1);
        disk->iotune[disk->niotune].name = g_strdup(testIotuneNames[i]);
        disk->iotune[disk->niotune++].value = vals[i];
    }
}


int
testDomainGetBlockIoTune(virDomainPtr dom, const char *path,
                         virTypedParameterPtr params, int *nparams,
                         unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    unsigned long long vals[TEST_IOTUNE_N];
    virDomainDef *def;
    virDomainDiskDef *disk;
    int ret = -1;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    /* The count comes first, as for the interface parameters. */
    if (*nparams == 0) {
        *nparams = TEST_IOTUNE_N;
        return 0;
    }

    g_mutex_lock(&drv->lock);
    if (!(def = testTuneDef(drv, dom, flags & ~VIR_TYPED_PARAM_STRING_OKAY)))
        goto cleanup;
    if (!path) {
        testRaiseInvalidArg(VIR_FROM_DOMAIN, "virDomainGetBlockIoTune", "disk",
                            "%s", "disk in virDomainGetBlockIoTune must not be NULL");
        goto cleanup;
    }
    if (!(disk = testDiskFind(def, path)))
        goto cleanup;
    testIotuneGet(disk, vals);
    for (i = 0; i < *nparams && i < TEST_IOTUNE_N; i++) {
        int rc;

        if (i == TEST_IOTUNE_GROUP)
            rc = virTypedParameterAssign(&params[i], testIotuneNames[i],
                                         VIR_TYPED_PARAM_STRING,
                                         disk->iotuneGroup ? disk->iotuneGroup : "");
        else
            rc = virTypedParameterAssign(&params[i], testIotuneNames[i],
                                         VIR_TYPED_PARAM_ULLONG, vals[i]);
        if (rc < 0)
            goto cleanup;
    }
    *nparams = i;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static int
testIotuneApply(virDomainDef *def, const char *path,
                virTypedParameterPtr params, int nparams)
{
    static const char *const kinds[] = { "bytes_sec", "iops_sec",
                                         "bytes_sec_max", "iops_sec_max" };
    unsigned long long vals[TEST_IOTUNE_N];
    virDomainDiskDef *disk;
    const char *group = NULL;
    bool groupSet = false;
    int i;
    size_t j;

    if (!(disk = testDiskFind(def, path)))
        return -1;
    testIotuneGet(disk, vals);
    for (i = 0; i < nparams; i++) {
        for (j = 0; j < TEST_IOTUNE_N; j++) {
            if (STRNEQ(params[i].field, testIotuneNames[j]))
                continue;
            if (j == TEST_IOTUNE_GROUP) {
                group = params[i].value.s;
                groupSet = true;
            } else {
                if (params[i].value.ul > TEST_IOTUNE_MAX) {
                    virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                                   "block I/O throttle limit value must be no more than %llu",
                                   TEST_IOTUNE_MAX);
                    return -1;
                }
                vals[j] = params[i].value.ul;
            }
        }
    }

    /* total and read/write of one kind exclude each other */
    for (j = 0; j < G_N_ELEMENTS(kinds); j++) {
        size_t base = j < 2 ? j * 3 : 6 + (j - 2) * 3;

        if (vals[base] && (vals[base + 1] || vals[base + 2])) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "total and read/write of %s cannot be set at the same time",
                           kinds[j]);
            return -1;
        }
    }
    /* libvirt's test driver compares even with an unset maximum */
    for (j = 0; j < 6; j++) {
        if (vals[j] > vals[j + 6]) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "%s cannot be set higher than %s ",
                           testIotuneNames[j], testIotuneNames[j + 6]);
            return -1;
        }
    }

    testIotuneSet(disk, vals);
    if (groupSet) {
        g_free(disk->iotuneGroup);
        disk->iotuneGroup = group && *group ? g_strdup(group) : NULL;
    }
    return 0;
}


int
testDomainSetBlockIoTune(virDomainPtr dom, const char *path,
                         virTypedParameterPtr params, int nparams,
                         unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               "total_bytes_sec", VIR_TYPED_PARAM_ULLONG,
                               "read_bytes_sec", VIR_TYPED_PARAM_ULLONG,
                               "write_bytes_sec", VIR_TYPED_PARAM_ULLONG,
                               "total_iops_sec", VIR_TYPED_PARAM_ULLONG,
                               "read_iops_sec", VIR_TYPED_PARAM_ULLONG,
                               "write_iops_sec", VIR_TYPED_PARAM_ULLONG,
                               "total_bytes_sec_max", VIR_TYPED_PARAM_ULLONG,
                               "read_bytes_sec_max", VIR_TYPED_PARAM_ULLONG,
                               "write_bytes_sec_max", VIR_TYPED_PARAM_ULLONG,
                               "total_iops_sec_max", VIR_TYPED_PARAM_ULLONG,
                               "read_iops_sec_max", VIR_TYPED_PARAM_ULLONG,
                               "write_iops_sec_max", VIR_TYPED_PARAM_ULLONG,
                               "size_iops_sec", VIR_TYPED_PARAM_ULLONG,
                               "group_name", VIR_TYPED_PARAM_STRING,
                               "total_bytes_sec_max_length", VIR_TYPED_PARAM_ULLONG,
                               "read_bytes_sec_max_length", VIR_TYPED_PARAM_ULLONG,
                               "write_bytes_sec_max_length", VIR_TYPED_PARAM_ULLONG,
                               "total_iops_sec_max_length", VIR_TYPED_PARAM_ULLONG,
                               "read_iops_sec_max_length", VIR_TYPED_PARAM_ULLONG,
                               "write_iops_sec_max_length", VIR_TYPED_PARAM_ULLONG,
                               NULL) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    if (testTuneDefs(drv, dom, flags, &live, &config) < 0)
        goto cleanup;
    if (live && testIotuneApply(live, path, params, nparams) < 0)
        goto cleanup;
    if (config && testIotuneApply(config, path, params, nparams) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* ---- perf events ---- */

/* virPerfEventType's names, in its order (the order <perf> lists them). */
static const char *const testPerfNames[] = {
    "cmt", "mbmt", "mbml", "cpu_cycles", "instructions", "cache_references",
    "cache_misses", "branch_instructions", "branch_misses", "bus_cycles",
    "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles",
    "cpu_clock", "task_clock", "page_faults", "context_switches",
    "cpu_migrations", "page_faults_min", "page_faults_maj",
    "alignment_faults", "emulation_faults",
};
#define TEST_PERF_N G_N_ELEMENTS(testPerfNames)


/* 0 not mentioned, 1 enabled, 2 disabled. */
static void
testPerfRead(const virDomainDef *def, int *state)
{
    g_autoptr(testTuneDoc) doc = testRawRead(def, VIR_DOMAIN_RAW_PERF);
    xmlNodePtr cur;
    size_t i;

    memset(state, 0, sizeof(int) * TEST_PERF_N);
    if (!doc)
        return;
    for (cur = xmlFirstElementChild(xmlDocGetRootElement(doc)); cur;
         cur = xmlNextElementSibling(cur)) {
        g_autofree char *name = virDomXMLProp(cur, "name");
        g_autofree char *enabled = virDomXMLProp(cur, "enabled");

        for (i = 0; name && i < TEST_PERF_N; i++) {
            if (STREQ(name, testPerfNames[i]))
                state[i] = enabled && STREQ(enabled, "yes") ? 1 : 2;
        }
    }
}


static void
testPerfWrite(virDomainDef *def, const int *state)
{
    g_autoptr(testTuneDoc) doc = testRawNew("perf");
    xmlNodePtr root = xmlDocGetRootElement(doc);
    size_t i;

    for (i = 0; i < TEST_PERF_N; i++) {
        xmlNodePtr el;

        if (!state[i])
            continue;
        el = xmlNewChild(root, NULL, BAD_CAST "event", NULL);
        xmlNewProp(el, BAD_CAST "name", BAD_CAST testPerfNames[i]);
        xmlNewProp(el, BAD_CAST "enabled",
                   BAD_CAST (state[i] == 1 ? "yes" : "no"));
    }
    testRawWrite(def, VIR_DOMAIN_RAW_PERF, doc);
}


int
testDomainGetPerfEvents(virDomainPtr dom, virTypedParameterPtr *params,
                        int *nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    int state[TEST_PERF_N];
    virTypedParameterPtr list = NULL;
    virDomainDef *def;
    size_t i;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    g_mutex_lock(&drv->lock);
    if (!(def = testTuneDef(drv, dom, flags & ~VIR_TYPED_PARAM_STRING_OKAY)))
        goto cleanup;
    testPerfRead(def, state);
    list = g_new0(virTypedParameter, TEST_PERF_N);
    for (i = 0; i < TEST_PERF_N; i++) {
        if (virTypedParameterAssign(&list[i], testPerfNames[i],
                                    VIR_TYPED_PARAM_BOOLEAN,
                                    state[i] == 1) < 0) {
            g_free(list);
            goto cleanup;
        }
    }
    *params = list;
    *nparams = TEST_PERF_N;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


static void
testPerfApply(virDomainDef *def, virTypedParameterPtr params, int nparams)
{
    int state[TEST_PERF_N];
    int i;
    size_t j;

    testPerfRead(def, state);
    for (i = 0; i < nparams; i++) {
        for (j = 0; j < TEST_PERF_N; j++) {
            if (STREQ(params[i].field, testPerfNames[j]))
                state[j] = params[i].value.b ? 1 : 2;
        }
    }
    testPerfWrite(def, state);
}


int
testDomainSetPerfEvents(virDomainPtr dom, virTypedParameterPtr params,
                        int nparams, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               "cmt", VIR_TYPED_PARAM_BOOLEAN,
                               "mbmt", VIR_TYPED_PARAM_BOOLEAN,
                               "mbml", VIR_TYPED_PARAM_BOOLEAN,
                               "cpu_cycles", VIR_TYPED_PARAM_BOOLEAN,
                               "instructions", VIR_TYPED_PARAM_BOOLEAN,
                               "cache_references", VIR_TYPED_PARAM_BOOLEAN,
                               "cache_misses", VIR_TYPED_PARAM_BOOLEAN,
                               "branch_instructions", VIR_TYPED_PARAM_BOOLEAN,
                               "branch_misses", VIR_TYPED_PARAM_BOOLEAN,
                               "bus_cycles", VIR_TYPED_PARAM_BOOLEAN,
                               "stalled_cycles_frontend", VIR_TYPED_PARAM_BOOLEAN,
                               "stalled_cycles_backend", VIR_TYPED_PARAM_BOOLEAN,
                               "ref_cpu_cycles", VIR_TYPED_PARAM_BOOLEAN,
                               "cpu_clock", VIR_TYPED_PARAM_BOOLEAN,
                               "task_clock", VIR_TYPED_PARAM_BOOLEAN,
                               "page_faults", VIR_TYPED_PARAM_BOOLEAN,
                               "context_switches", VIR_TYPED_PARAM_BOOLEAN,
                               "cpu_migrations", VIR_TYPED_PARAM_BOOLEAN,
                               "page_faults_min", VIR_TYPED_PARAM_BOOLEAN,
                               "page_faults_maj", VIR_TYPED_PARAM_BOOLEAN,
                               "alignment_faults", VIR_TYPED_PARAM_BOOLEAN,
                               "emulation_faults", VIR_TYPED_PARAM_BOOLEAN,
                               NULL) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    if (testTuneDefs(drv, dom, flags, &live, &config) < 0)
        goto cleanup;
    if (live)
        testPerfApply(live, params, nparams);
    if (config)
        testPerfApply(config, params, nparams);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}
