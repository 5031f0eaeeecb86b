/* test_driver_iothread.c: IOThreads of the test hypervisor's domains
 * (<iothreads>, <iothreadids>, <cputune><iothreadpin>).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The domain parser keeps those elements as written; here they become a
 * list of threads and go back in libvirt's layout.  Like libvirt, a count
 * in <iothreads> larger than the listed ids is filled up with the lowest
 * free ids, and <iothreadids> is only written once some id was chosen by
 * the user.  A thread that is not pinned runs where the domain's vCPUs may
 * run, or on every CPU of the real host (libvirt asks the host here, not
 * the simulated node).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test/test_driver_tunables.h"
#include "conf/domain_xmlutil.h"
#include "util/virerror.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST

typedef xmlDoc testThreadDoc;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testThreadDoc, xmlFreeDoc);

typedef struct {
    unsigned int id;
    bool autofill;        /* made up from the <iothreads> count */
    char *cpuset;         /* <iothreadpin cpuset=>, NULL when not pinned */
} testIOThread;

typedef struct {
    size_t n;
    testIOThread *t;
} testIOThreads;


static void
testIOThreadsClear(testIOThreads *list)
{
    size_t i;

    for (i = 0; i < list->n; i++)
        g_free(list->t[i].cpuset);
    g_clear_pointer(&list->t, g_free);
    list->n = 0;
}


static testIOThread *
testIOThreadFind(testIOThreads *list, unsigned int id)
{
    size_t i;

    for (i = 0; i < list->n; i++) {
        if (list->t[i].id == id)
            return &list->t[i];
    }
    return NULL;
}


static testIOThread *
testIOThreadAppend(testIOThreads *list, unsigned int id, bool autofill)
{
    testIOThread *t;

    list->t = g_renew(testIOThread, list->t, list->n + 1);
    t = &list->t[list->n++];
    t->id = id;
    t->autofill = autofill;
    t->cpuset = NULL;
    return t;
}


static void
testIOThreadsRead(const virDomainDef *def, testIOThreads *list)
{
    g_autoptr(testThreadDoc) count = testRawRead(def, VIR_DOMAIN_RAW_IOTHREADS);
    g_autoptr(testThreadDoc) ids = testRawRead(def, VIR_DOMAIN_RAW_IOTHREADIDS);
    g_autoptr(testThreadDoc) tune = testRawRead(def, VIR_DOMAIN_RAW_CPUTUNE);
    unsigned int want = 0;
    unsigned int next;
    xmlNodePtr cur;

    list->n = 0;
    list->t = NULL;
    if (count) {
        g_autofree char *text = virDomXMLText(xmlDocGetRootElement(count));

        if (text)
            virDomStrToUInt(g_strstrip(text), 10, &want);
    }
    if (ids) {
        for (cur = xmlFirstElementChild(xmlDocGetRootElement(ids)); cur;
             cur = xmlNextElementSibling(cur)) {
            g_autofree char *id = virDomXMLProp(cur, "id");
            unsigned int n;

            if (id && virDomStrToUInt(id, 10, &n) == 0 && n > 0 &&
                !testIOThreadFind(list, n))
                testIOThreadAppend(list, n, false);
        }
    }
    for (next = 1; list->n < want; next++) {
        if (!testIOThreadFind(list, next))
            testIOThreadAppend(list, next, true);
    }
    if (!tune)
        return;
    for (cur = xmlFirstElementChild(xmlDocGetRootElement(tune)); cur;
         cur = xmlNextElementSibling(cur)) {
        g_autofree char *id = NULL;
        testIOThread *t;
        unsigned int n;

        if (!xmlStrEqual(cur->name, BAD_CAST "iothreadpin"))
            continue;
        id = virDomXMLProp(cur, "iothread");
        if (id && virDomStrToUInt(id, 10, &n) == 0 &&
            (t = testIOThreadFind(list, n))) {
            g_free(t->cpuset);
            t->cpuset = virDomXMLProp(cur, "cpuset");
        }
    }
}


/* ---- polling values ---- */

typedef struct {
    unsigned int id;
    unsigned long long maxns;
    unsigned int grow;
    unsigned int shrink;
} testIOThreadPoll;

#define TEST_IOTHREAD_POLL_MAX_NS 32768ULL


static testIOThreadPoll *
testIOThreadPollFind(testDomObj *obj, unsigned int id, bool add)
{
    testIOThreadPoll fresh = { id, TEST_IOTHREAD_POLL_MAX_NS, 0, 0 };
    guint i;

    if (obj->iothreadPoll) {
        for (i = 0; i < obj->iothreadPoll->len; i++) {
            testIOThreadPoll *p = &g_array_index(obj->iothreadPoll,
                                                 testIOThreadPoll, i);
            if (p->id == id)
                return p;
        }
    }
    if (!add)
        return NULL;
    if (!obj->iothreadPoll)
        obj->iothreadPoll = g_array_new(FALSE, TRUE, sizeof(testIOThreadPoll));
    g_array_append_val(obj->iothreadPoll, fresh);
    return &g_array_index(obj->iothreadPoll, testIOThreadPoll,
                          obj->iothreadPoll->len - 1);
}


unsigned int
testIOThreadPollId(testDomObj *obj, unsigned int i)
{
    return g_array_index(obj->iothreadPoll, testIOThreadPoll, i).id;
}


void
testIOThreadPollLoad(testDomObj *obj)
{
    testIOThreads list = { 0 };
    size_t i;

    testIOThreadsRead(obj->def, &list);
    for (i = 0; i < list.n; i++)
        testIOThreadPollFind(obj, list.t[i].id, true);
    testIOThreadsClear(&list);
}


void
testIOThreadPollGet(testDomObj *obj, unsigned int id,
                    unsigned long long *maxns, unsigned int *grow,
                    unsigned int *shrink)
{
    testIOThreadPoll *p = testIOThreadPollFind(obj, id, false);

    *maxns = p ? p->maxns : TEST_IOTHREAD_POLL_MAX_NS;
    *grow = p ? p->grow : 0;
    *shrink = p ? p->shrink : 0;
}


static void
testIOThreadPollDrop(testDomObj *obj, unsigned int id)
{
    testIOThreadPoll *p = testIOThreadPollFind(obj, id, false);

    if (p)
        g_array_remove_index(obj->iothreadPoll,
                             p - (testIOThreadPoll *)obj->iothreadPoll->data);
}


/* libvirt's order of <cputune>'s children. */
static const char *const testCputuneChildren[] = {
    "shares", "period", "quota", "global_period", "global_quota",
    "emulator_period", "emulator_quota", "iothread_period", "iothread_quota",
    "vcpupin", "emulatorpin", "iothreadpin", "vcpusched", "iothreadsched",
    "emulatorsched", "cachetune", "memorytune", NULL,
};


static int
testCputuneRank(const xmlChar *name)
{
    int i;

    for (i = 0; testCputuneChildren[i]; i++) {
        if (xmlStrEqual(name, BAD_CAST testCputuneChildren[i]))
            return i;
    }
    return i;
}


static void
testIOThreadsWrite(virDomainDef *def, const testIOThreads *list)
{
    g_autoptr(testThreadDoc) count = NULL;
    g_autoptr(testThreadDoc) ids = NULL;
    g_autoptr(testThreadDoc) tune = testRawRead(def, VIR_DOMAIN_RAW_CPUTUNE);
    int pinRank = testCputuneRank(BAD_CAST "iothreadpin");
    xmlNodePtr root;
    xmlNodePtr cur;
    xmlNodePtr next;
    xmlNodePtr before = NULL;
    bool listIds = false;
    size_t i;

    if (list->n) {
        g_autofree char *text = g_strdup_printf("%zu", list->n);

        count = xmlNewDoc(BAD_CAST "1.0");
        xmlDocSetRootElement(count, xmlNewDocNode(count, NULL,
                                                  BAD_CAST "iothreads",
                                                  BAD_CAST text));
    }
    for (i = 0; i < list->n; i++)
        listIds |= !list->t[i].autofill;
    /* ids the count alone would not give back (an autofilled thread was
     * removed) are written out, or the remaining threads would be
     * renumbered when the XML is read again */
    if (!listIds) {
        for (i = 0; i < list->n; i++)
            listIds |= list->t[i].id != i + 1;
    }
    if (listIds) {
        ids = xmlNewDoc(BAD_CAST "1.0");
        root = xmlNewDocNode(ids, NULL, BAD_CAST "iothreadids", NULL);
        xmlDocSetRootElement(ids, root);
        for (i = 0; i < list->n; i++) {
            g_autofree char *id = g_strdup_printf("%u", list->t[i].id);

            cur = xmlNewChild(root, NULL, BAD_CAST "iothread", NULL);
            xmlNewProp(cur, BAD_CAST "id", BAD_CAST id);
        }
    }
    testRawWrite(def, VIR_DOMAIN_RAW_IOTHREADS, count);
    testRawWrite(def, VIR_DOMAIN_RAW_IOTHREADIDS, ids);

    /* the pins go where libvirt puts them among <cputune>'s children */
    if (!tune) {
        tune = xmlNewDoc(BAD_CAST "1.0");
        xmlDocSetRootElement(tune, xmlNewDocNode(tune, NULL,
                                                 BAD_CAST "cputune", NULL));
    }
    root = xmlDocGetRootElement(tune);
    for (cur = xmlFirstElementChild(root); cur; cur = next) {
        next = xmlNextElementSibling(cur);
        if (xmlStrEqual(cur->name, BAD_CAST "iothreadpin")) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
        }
    }
    for (cur = xmlFirstElementChild(root); cur; cur = xmlNextElementSibling(cur)) {
        if (testCputuneRank(cur->name) > pinRank) {
            before = cur;
            break;
        }
    }
    for (i = 0; i < list->n; i++) {
        g_autofree char *id = NULL;
        xmlNodePtr pin;

        if (!list->t[i].cpuset)
            continue;
        id = g_strdup_printf("%u", list->t[i].id);
        pin = xmlNewDocNode(tune, NULL, BAD_CAST "iothreadpin", NULL);
        xmlNewProp(pin, BAD_CAST "iothread", BAD_CAST id);
        xmlNewProp(pin, BAD_CAST "cpuset", BAD_CAST list->t[i].cpuset);
        if (before)
            xmlAddPrevSibling(before, pin);
        else
            xmlAddChild(root, pin);
    }
    testRawWrite(def, VIR_DOMAIN_RAW_CPUTUNE, tune);
}


/* ---- cpu lists and maps ---- */

static int
testHostCPUs(void)
{
    long n = sysconf(_SC_NPROCESSORS_CONF);

    return n > 0 ? (int)n : 1;
}


/* Set the bits of "0-2,5" in `map` (maplen bytes); bits beyond it are
 * dropped, as libvirt drops them. */
static void
testCPUListToMap(const char *list, unsigned char *map, int maplen)
{
    g_auto(GStrv) parts = g_strsplit(list, ",", -1);
    size_t i;

    for (i = 0; parts[i]; i++) {
        unsigned int first, last, c;
        char *dash = strchr(parts[i], '-');

        if (dash) {
            *dash = '\0';
            if (virDomStrToUInt(parts[i], 10, &first) < 0 ||
                virDomStrToUInt(dash + 1, 10, &last) < 0)
                continue;
        } else if (virDomStrToUInt(parts[i], 10, &first) < 0) {
            continue;
        } else {
            last = first;
        }
        for (c = first; c <= last && c < (unsigned int)maplen * 8; c++)
            map[c / 8] |= 1 << (c % 8);
    }
}


static char *
testCPUMapToList(const unsigned char *map, int maplen)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    int nbits = maplen * 8;
    int i = 0;

    while (i < nbits) {
        int j;

        if (!(map[i / 8] & (1 << (i % 8)))) {
            i++;
            continue;
        }
        for (j = i; j + 1 < nbits && (map[(j + 1) / 8] & (1 << ((j + 1) % 8))); j++)
            ;
        if (buf->len)
            g_string_append_c(buf, ',');
        if (j == i)
            g_string_append_printf(buf, "%d", i);
        else
            g_string_append_printf(buf, "%d-%d", i, j);
        i = j + 1;
    }
    return g_string_free(g_steal_pointer(&buf), FALSE);
}


/* ---- the calls ---- */

int
testIOThreadList(virDomainDef *def, virDomainIOThreadInfoPtr **info)
{
    testIOThreads list = { 0 };
    virDomainIOThreadInfoPtr *out;
    int hostcpus = testHostCPUs();
    int maplen = (hostcpus + 7) / 8;
    size_t i;

    *info = NULL;
    testIOThreadsRead(def, &list);
    if (list.n == 0)
        return 0;
    out = g_new0(virDomainIOThreadInfoPtr, list.n + 1);
    for (i = 0; i < list.n; i++) {
        virDomainIOThreadInfoPtr one = g_new0(virDomainIOThreadInfo, 1);
        const char *cpus = list.t[i].cpuset ? list.t[i].cpuset : def->cpuset;

        one->iothread_id = list.t[i].id;
        one->cpumaplen = maplen;
        one->cpumap = g_new0(unsigned char, maplen);
        if (cpus) {
            testCPUListToMap(cpus, one->cpumap, maplen);
        } else {
            int c;

            for (c = 0; c < hostcpus; c++)
                one->cpumap[c / 8] |= 1 << (c % 8);
        }
        out[i] = one;
    }
    *info = out;
    i = list.n;
    testIOThreadsClear(&list);
    return i;
}


int
testDomainGetIOThreadInfo(virDomainPtr dom, virDomainIOThreadInfoPtr **info,
                          unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *def;
    testDomObj *obj;
    bool live;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    if ((obj = testDomObjFromDomain(drv, dom)) &&
        (def = testDomObjGetOneDef(obj, flags, &live)))
        ret = testIOThreadList(def, info);
    g_mutex_unlock(&drv->lock);
    return ret;
}


/* Like libvirt's test driver, one definition at a time. */
static int
testIOThreadOneDef(testDomObj *obj, unsigned int flags, virDomainDef **live,
                   virDomainDef **config)
{
    virDomainDef *def;
    bool isLive = false;

    *live = NULL;
    *config = NULL;
    if (!(def = testDomObjGetOneDef(obj, flags, &isLive)))
        return -1;
    if (isLive)
        *live = def;
    else
        *config = def;
    return 0;
}


typedef enum {
    TEST_IOTHREAD_ADD,
    TEST_IOTHREAD_DEL,
} testIOThreadAction;


static int
testIOThreadChange(virDomainDef *def, testIOThreadAction action,
                   unsigned int id)
{
    testIOThreads list = { 0 };
    int ret = -1;
    size_t i;

    testIOThreadsRead(def, &list);
    if (action == TEST_IOTHREAD_ADD) {
        if (testIOThreadFind(&list, id)) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                              "an IOThread is already using iothread_id '%u'",
                              id);
            goto cleanup;
        }
        testIOThreadAppend(&list, id, false);
    } else {
        testIOThread *t = testIOThreadFind(&list, id);

        if (!t) {
            testReportErrorIn(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG,
                              "cannot find IOThread '%u' in iothreadids list",
                              id);
            goto cleanup;
        }
        i = t - list.t;
        g_free(t->cpuset);
        memmove(&list.t[i], &list.t[i + 1],
                sizeof(list.t[0]) * (list.n - i - 1));
        list.n--;
    }
    testIOThreadsWrite(def, &list);
    ret = 0;

 cleanup:
    testIOThreadsClear(&list);
    return ret;
}


static int
testIOThreadChangeFlags(virDomainPtr dom, testIOThreadAction action,
                        unsigned int id, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, dom)))
        goto cleanup;
    if (id == 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "invalid value of 0 for iothread_id");
        goto cleanup;
    }
    if (testIOThreadOneDef(obj, flags, &live, &config) < 0)
        goto cleanup;
    if (live && testIOThreadChange(live, action, id) < 0)
        goto cleanup;
    if (config && testIOThreadChange(config, action, id) < 0)
        goto cleanup;
    /* the threads the statistics list, whichever definition changed */
    if (action == TEST_IOTHREAD_ADD)
        testIOThreadPollFind(obj, id, true);
    else
        testIOThreadPollDrop(obj, id);
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainAddIOThread(virDomainPtr dom, unsigned int iothread_id,
                      unsigned int flags)
{
    return testIOThreadChangeFlags(dom, TEST_IOTHREAD_ADD, iothread_id, flags);
}


int
testDomainDelIOThread(virDomainPtr dom, unsigned int iothread_id,
                      unsigned int flags)
{
    return testIOThreadChangeFlags(dom, TEST_IOTHREAD_DEL, iothread_id, flags);
}


static int
testIOThreadPin(virDomainDef *def, unsigned int id, const char *cpuset)
{
    testIOThreads list = { 0 };
    testIOThread *t;
    int ret = -1;

    testIOThreadsRead(def, &list);
    if (!(t = testIOThreadFind(&list, id))) {
        virReportError(VIR_ERR_INVALID_ARG, "iothreadid %d not found", id);
        goto cleanup;
    }
    g_free(t->cpuset);
    t->cpuset = g_strdup(cpuset);
    testIOThreadsWrite(def, &list);
    ret = 0;

 cleanup:
    testIOThreadsClear(&list);
    return ret;
}


int
testDomainPinIOThread(virDomainPtr dom, unsigned int iothread_id,
                      unsigned char *cpumap, int maplen, unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;
    g_autofree char *cpuset = testCPUMapToList(cpumap, maplen);
    testDomObj *obj;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, dom)) ||
        testIOThreadOneDef(obj, flags, &live, &config) < 0)
        goto cleanup;
    if (!*cpuset) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Empty iothread cpumap list for pinning");
        goto cleanup;
    }
    if (live && testIOThreadPin(live, iothread_id, cpuset) < 0)
        goto cleanup;
    if (config && testIOThreadPin(config, iothread_id, cpuset) < 0)
        goto cleanup;
    ret = 0;

 cleanup:
    g_mutex_unlock(&drv->lock);
    return ret;
}


int
testDomainSetIOThreadParams(virDomainPtr dom, unsigned int iothread_id,
                            virTypedParameterPtr params, int nparams,
                            unsigned int flags)
{
    testDriver *drv = dom->conn->privateData;
    testIOThreads list = { 0 };
    testIOThreadPoll *poll;
    virDomainDef *def;
    testDomObj *obj;
    bool live;
    int ret = -1;
    int i;

    /* only the running threads can be tuned */
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, VIR_TYPED_PARAM_ULLONG,
                               VIR_DOMAIN_IOTHREAD_POLL_GROW, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_IOTHREAD_POLL_SHRINK, VIR_TYPED_PARAM_UINT,
                               NULL) < 0)
        return -1;

    g_mutex_lock(&drv->lock);
    if (!(obj = testDomObjFromDomain(drv, dom)))
        goto cleanup;
    if (iothread_id == 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "invalid value of 0 for iothread_id");
        goto cleanup;
    }
    if (!(def = testDomObjGetOneDef(obj, flags, &live)))
        goto cleanup;
    testIOThreadsRead(def, &list);
    if (!testIOThreadFind(&list, iothread_id)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "cannot find IOThread '%u' in iothreadids",
                       iothread_id);
        goto cleanup;
    }
    poll = testIOThreadPollFind(obj, iothread_id, true);
    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, VIR_DOMAIN_IOTHREAD_POLL_MAX_NS))
            poll->maxns = params[i].value.ul;
        else if (STREQ(params[i].field, VIR_DOMAIN_IOTHREAD_POLL_GROW))
            poll->grow = params[i].value.ui;
        else if (STREQ(params[i].field, VIR_DOMAIN_IOTHREAD_POLL_SHRINK))
            poll->shrink = params[i].value.ui;
    }
    ret = 0;

 cleanup:
    testIOThreadsClear(&list);
    g_mutex_unlock(&drv->lock);
    return ret;
}
