/* test-driver-test.c: the test hypervisor through the public API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The scenario below is the one tests/data/testdriver/regen.py runs
 * against libvirt's own test driver: the same calls in the same order.
 * Every result is checked against the value libvirt gave (expected.txt,
 * out-*.xml).  Then come checks regen.py cannot express: events across
 * connections, the default host's sharing and reset, and threads.
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
static GPtrArray *events;


/* ---- expected values ---- */

static char *
substDatadir(const char *text)
{
    g_auto(GStrv) parts = g_strsplit(text, "@DATADIR@", -1);

    return g_strjoinv(DATADIR, parts);
}


static void
check(const char *key, const char *value)
{
    const char *want = g_hash_table_lookup(expected, key);
    g_autofree char *gotFlags = testUnknownFlagError(value);
    g_autofree char *wantFlags = want ? testUnknownFlagError(want) : NULL;

    if (!want) {
        ok(0, "%s: no expected value", key);
        return;
    }
    if (gotFlags && wantFlags) {
        is_str(gotFlags, wantFlags, "%s (unknown flag refused)", key);
        return;
    }
    is_str(value, want, "%s", key);
}


static void G_GNUC_PRINTF(2, 3)
checkf(const char *key, const char *fmt, ...)
{
    g_autofree char *value = NULL;
    va_list ap;

    va_start(ap, fmt);
    value = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    check(key, value);
}


/* The last error as regen.py writes it. */
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
checkErr(const char *key)
{
    g_autofree char *text = errText();

    check(key, text);
}


/* libvirt's whole error, as regen.py writes its err tuple. */
static char *
errFull(void)
{
    virErrorPtr err = virGetLastError();

    if (!err)
        return g_strdup("ERR (no error set)");
#define PYSTR(s) ((s) ? (s) : "None")
    return g_strdup_printf("%d|%d|%s|%d|%s|%s|%s|%d|%d", err->code,
                           err->domain, PYSTR(err->message), err->level,
                           PYSTR(err->str1), PYSTR(err->str2),
                           PYSTR(err->str3), err->int1, err->int2);
#undef PYSTR
}


static void
checkErrFull(const char *key)
{
    g_autofree char *text = errFull();

    check(key, text);
}


/* An int result of the C API, or its whole error. */
static void
checkResult(const char *key, int ret)
{
    if (ret < 0)
        checkErrFull(key);
    else
        checkf(key, "%d", ret);
}


static void
checkInt(const char *key, int ret)
{
    if (ret < 0)
        checkErr(key);
    else
        checkf(key, "%d", ret);
}


/* A string result (freed here), or the error if it is NULL. */
static void
checkStr(const char *key, char *str)
{
    if (!str)
        checkErr(key);
    else
        check(key, str);
    free(str);
}


static void
checkConstStr(const char *key, const char *str)
{
    if (!str)
        checkErr(key);
    else
        check(key, str);
}


/* An XML document (freed here) against out-NAME.xml. */
static void
checkXML(const char *name, char *xml)
{
    g_autofree char *path = g_strdup_printf("%s/out-%s.xml", DATADIR, name);
    g_autofree char *raw = NULL;
    g_autofree char *want = NULL;

    if (!xml) {
        g_autofree char *text = errText();
        ok(0, "XML %s: %s", name, text);
        return;
    }
    if (!g_file_get_contents(path, &raw, NULL, NULL)) {
        ok(0, "read %s", path);
        free(xml);
        return;
    }
    want = substDatadir(raw);
    is_str(xml, want, "XML %s", name);
    free(xml);
}


/* ---- formatting helpers mirroring regen.py ---- */

static int
cmpNames(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}


/* Sorted, comma-joined; takes the names. */
static char *
joinNames(GPtrArray *names, const char *sep)
{
    g_ptr_array_add(names, NULL);
    qsort(names->pdata, names->len - 1, sizeof(char *), cmpNames);
    return g_strjoinv(sep, (char **)names->pdata);
}


#define DEFINE_NAMES(Type, Ptr, getName, freeFn) \
    static char * \
    names##Type(Ptr *list, int n) \
    { \
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free); \
        int i; \
        for (i = 0; i < n; i++) { \
            g_ptr_array_add(names, g_strdup(getName(list[i]))); \
            freeFn(list[i]); \
        } \
        free(list); \
        return joinNames(names, ","); \
    }

DEFINE_NAMES(Domains, virDomainPtr, virDomainGetName, virDomainFree)
DEFINE_NAMES(Networks, virNetworkPtr, virNetworkGetName, virNetworkFree)
DEFINE_NAMES(Pools, virStoragePoolPtr, virStoragePoolGetName,
             virStoragePoolFree)
DEFINE_NAMES(Vols, virStorageVolPtr, virStorageVolGetName,
             virStorageVolFree)
DEFINE_NAMES(Ifaces, virInterfacePtr, virInterfaceGetName, virInterfaceFree)
DEFINE_NAMES(Devs, virNodeDevicePtr, virNodeDeviceGetName,
             virNodeDeviceFree)


/* A names array from a virConnectList* style call: space-joined in the
 * order given (or sorted), each freed. */
static void
checkNameList(const char *key, char **names, int n, bool sorted)
{
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func(free);
    int i;

    if (n < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < n; i++)
        g_ptr_array_add(list, names[i]);
    if (sorted)
        qsort(list->pdata, list->len, sizeof(char *), cmpNames);
    g_ptr_array_add(list, NULL);
    {
        g_autofree char *joined = g_strjoinv(" ", (char **)list->pdata);
        check(key, joined);
    }
}


static char *
stateText(virDomainPtr dom)
{
    int state, reason;

    if (virDomainGetState(dom, &state, &reason, 0) < 0)
        return errText();
    return g_strdup_printf("%d:%d", state, reason);
}


static char *
infoText(virDomainPtr dom)
{
    virDomainInfo info;

    if (virDomainGetInfo(dom, &info) < 0)
        return errText();
    return g_strdup_printf("%d %lu %lu %d", info.state, info.maxMem,
                           info.memory, info.nrVirtCpu);
}


static void
checkState(const char *key, virDomainPtr dom)
{
    g_autofree char *st = stateText(dom);

    checkf(key, "%s id=%d", st, (int)virDomainGetID(dom));
}


static void
checkMSState(const char *key, virDomainPtr dom)
{
    g_autofree char *st = stateText(dom);

    checkf(key, "%s id=%d ms=%d", st, (int)virDomainGetID(dom),
           virDomainHasManagedSaveImage(dom, 0));
}


static void
checkDomInfo(const char *key, virDomainPtr dom)
{
    g_autofree char *text = infoText(dom);

    check(key, text);
}


/* ---- events ---- */

static int
onLifecycle(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int event,
            int detail, void *opaque)
{
    g_ptr_array_add(events, g_strdup_printf("%s:%s:%d:%d:%d",
                                            (const char *)opaque,
                                            virDomainGetName(dom),
                                            (int)virDomainGetID(dom),
                                            event, detail));
    return 0;
}


static int
onLegacy(virConnectPtr conn, virDomainPtr dom, int event, int detail,
         void *opaque G_GNUC_UNUSED)
{
    return onLifecycle(conn, dom, event, detail, (void *)"legacy");
}


static void
noopTimer(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


/* Let the loop deliver what is queued, as regen.py does. */
static void
runLoop(void)
{
    int timer = virEventAddTimeout(10, noopTimer, NULL, NULL);
    int i;

    for (i = 0; i < 3; i++)
        virEventRunDefaultImpl();
    virEventRemoveTimeout(timer);
}


static void
drain(const char *key)
{
    g_autofree char *joined = NULL;

    runLoop();
    g_ptr_array_add(events, NULL);
    joined = g_strjoinv(" ", (char **)events->pdata);
    g_ptr_array_set_size(events, 0);
    check(key, joined);
}


/* ---- opening ---- */

typedef struct {
    const char *user;
    const char *password;
} testCreds;

static int
authCallback(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    testCreds *creds = cbdata;
    unsigned int i;

    for (i = 0; i < ncred; i++) {
        const char *value = NULL;

        if (cred[i].type == VIR_CRED_AUTHNAME)
            value = creds->user;
        else if (cred[i].type == VIR_CRED_PASSPHRASE)
            value = creds->password;
        if (value) {
            cred[i].result = strdup(value);
            cred[i].resultlen = strlen(value);
        }
    }
    return 0;
}


static void
checkOpenURI(const char *key, const char *uri)
{
    virConnectPtr conn = virConnectOpen(uri);

    if (!conn) {
        checkErr(key);
        return;
    }
    checkStr(key, virConnectGetURI(conn));
    virConnectClose(conn);
}


static void
checkOpenAuth(const char *key, int *types, unsigned int ntypes,
              const char *user, const char *password)
{
    testCreds creds = { user, password };
    virConnectAuth auth = { types, ntypes, authCallback, &creds };
    virConnectPtr conn;

    conn = virConnectOpenAuth("test://" DATADIR "/node-auth.xml", &auth, 0);
    if (!conn) {
        checkErr(key);
        return;
    }
    checkConstStr(key, virConnectGetType(conn));
    virConnectClose(conn);
}


static void
scenarioOpen(void)
{
    int both[] = { VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE };
    int passOnly[] = { VIR_CRED_PASSPHRASE };

    checkOpenURI("open.empty", "test:///");
    checkOpenURI("open.noslash", "test://");
    checkOpenURI("open.missing", "test:///nonexistent/virtkit-test.xml");
    checkOpenURI("open.bad-syntax", "test://" DATADIR "/bad-syntax.xml");
    checkOpenURI("open.bad-root", "test://" DATADIR "/bad-root.xml");
    checkOpenURI("open.bad-cpu", "test://" DATADIR "/bad-cpu.xml");
    checkOpenURI("open.bad-file", "test://" DATADIR "/bad-file.xml");
    checkOpenURI("open.bad-runstate", "test://" DATADIR "/bad-runstate.xml");
    checkOpenURI("open.bad-managedsave",
                 "test://" DATADIR "/bad-managedsave.xml");
    checkOpenURI("open.auth-none", "test://" DATADIR "/node-auth.xml");

    checkOpenAuth("open.auth-ok", both, 2, "admin", "secret");
    checkOpenAuth("open.auth-bad", both, 2, "admin", "wrong");
    checkOpenAuth("open.auth-noname", passOnly, 1, "admin", "secret");
}


/* ---- the default host ---- */

static void
scenarioHost(virConnectPtr conn)
{
    unsigned long version = 0;
    unsigned long long cells[8];
    virNodeInfo info;
    virSecurityModel model;
    int n;

    checkConstStr("host.type", virConnectGetType(conn));
    if (virConnectGetVersion(conn, &version) < 0)
        checkErr("host.version");
    else
        checkf("host.version", "%lu", version);
    if (virConnectGetLibVersion(conn, &version) < 0)
        checkErr("host.libversion");
    else
        checkf("host.libversion", "%lu", version);
    checkInt("host.maxvcpus", virConnectGetMaxVcpus(conn, "test"));
    checkInt("host.secure", virConnectIsSecure(conn));
    checkInt("host.encrypted", virConnectIsEncrypted(conn));
    checkInt("host.alive", virConnectIsAlive(conn));

    if (virNodeGetInfo(conn, &info) < 0)
        checkErr("host.nodeinfo");
    else
        checkf("host.nodeinfo", "%s %lu %u %u %u %u %u %u", info.model,
               info.memory / 1024, info.cpus, info.mhz, info.nodes,
               info.sockets, info.cores, info.threads);

    if ((n = virNodeGetCellsFreeMemory(conn, cells, 0, 2)) < 0)
        checkErr("host.cells");
    else
        checkf("host.cells", "%llu %llu", cells[0], cells[1]);
    if ((n = virNodeGetCellsFreeMemory(conn, cells, 1, 5)) < 0)
        checkErr("host.cells-from1");
    else
        checkf("host.cells-from1", "%llu", cells[0]);
    if ((n = virNodeGetCellsFreeMemory(conn, cells, 2, 1)) < 0)
        checkErr("host.cells-range");
    else
        ok(0, "host.cells-range: got %d cells", n);
    checkf("host.freemem", "%llu", virNodeGetFreeMemory(conn));

    if (virNodeGetSecurityModel(conn, &model) < 0)
        checkErr("host.secmodel");
    else
        checkf("host.secmodel", "%s %s", model.model, model.doi);

    checkXML("default-capabilities", virConnectGetCapabilities(conn));
    checkXML("default-sysinfo", virConnectGetSysinfo(conn, 0));

    {
        char *hostname = virConnectGetHostname(conn);
        ok(hostname && *hostname, "host.hostname is set (%s)",
           hostname ? hostname : "NULL");
        free(hostname);
    }
}


static void
checkSecLabel(const char *key, virDomainPtr dom)
{
    virSecurityLabel label;

    if (virDomainGetSecurityLabel(dom, &label) < 0)
        checkErr(key);
    else
        checkf(key, "%s %s", label.label, label.enforcing ? "True" : "False");
}


static void
scenarioDomains(virConnectPtr conn)
{
    virDomainPtr *list = NULL;
    virDomainPtr dom, other;
    char uuid[VIR_UUID_STRING_BUFLEN];
    int ids[16];
    int n, bit;

    checkInt("dom.num", virConnectNumOfDomains(conn));
    if ((n = virConnectListDomains(conn, ids, 16)) < 0)
        checkErr("dom.ids");
    else
        checkf("dom.ids", "%d", ids[0]);
    checkInt("dom.numdefined", virConnectNumOfDefinedDomains(conn));
    if ((n = virConnectListAllDomains(conn, &list, 0)) < 0) {
        checkErr("dom.all");
    } else {
        g_autofree char *names = namesDomains(list, n);
        check("dom.all", names);
    }

    if (!(other = virDomainLookupByName(conn, "nope")))
        checkErr("dom.byname-nope");
    if (!(other = virDomainLookupByID(conn, 99)))
        checkErr("dom.byid-nope");
    if (!(other = virDomainLookupByUUIDString(conn,
                                              "11111111-2222-3333-4444-555555555555")))
        checkErr("dom.byuuid-nope");
    if (!(other = virDomainLookupByUUIDString(conn, "zzz"))) {
        checkErr("dom.byuuid-bad");
        checkErrFull("dom.byuuid-bad.err");
    }

    if (!(dom = virDomainLookupByName(conn, "test"))) {
        ok(0, "lookup test: %s", virGetLastErrorMessage());
        return;
    }
    if ((other = virDomainLookupByID(conn, 1))) {
        checkConstStr("dom.byid", virDomainGetName(other));
        virDomainFree(other);
    } else {
        checkErr("dom.byid");
    }
    if ((other = virDomainLookupByUUIDString(conn,
                                             "6695eb01-f6a4-8304-79aa-97f2502e193f"))) {
        checkConstStr("dom.byuuid", virDomainGetName(other));
        virDomainFree(other);
    } else {
        checkErr("dom.byuuid");
    }
    checkf("dom.id", "%d", (int)virDomainGetID(dom));
    virDomainGetUUIDString(dom, uuid);
    check("dom.uuid", uuid);
    checkDomInfo("dom.info", dom);
    {
        g_autofree char *st = stateText(dom);
        check("dom.state", st);
    }
    checkStr("dom.ostype", virDomainGetOSType(dom));
    checkf("dom.maxmem", "%lu", virDomainGetMaxMemory(dom));
    checkInt("dom.maxvcpus", virDomainGetMaxVcpus(dom));
    checkInt("dom.vcpus-config-max",
             virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG |
                                         VIR_DOMAIN_VCPU_MAXIMUM));
    {
        int autostart = -1;
        if (virDomainGetAutostart(dom, &autostart) < 0)
            checkErr("dom.autostart");
        else
            checkf("dom.autostart", "%d", autostart);
    }
    checkInt("dom.active", virDomainIsActive(dom));
    checkInt("dom.persistent", virDomainIsPersistent(dom));
    checkInt("dom.updated", virDomainIsUpdated(dom));
    checkInt("dom.managedsave", virDomainHasManagedSaveImage(dom, 0));
    checkSecLabel("dom.seclabel", dom);
    checkXML("default-domain", virDomainGetXMLDesc(dom, 0));
    checkXML("default-domain-inactive",
             virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    if (!virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_UPDATE_CPU))
        checkErr("dom.xml-badflag");
    {
        int state, reason;
        if (virDomainGetState(dom, &state, &reason, 1) < 0)
            checkErr("dom.state-badflag");
        else
            ok(0, "dom.state-badflag accepted");
    }
    if (virDomainSetMemory(dom, 1048576) < 0) {
        checkErr("dom.setmem");
    } else {
        checkDomInfo("dom.setmem", dom);
    }
    checkInt("dom.setmem-toobig", virDomainSetMemory(dom, 9000000));
    checkInt("dom.setmaxmem-live", virDomainSetMaxMemory(dom, 4194304));

    for (bit = 0; bit < 16; bit++) {
        g_autofree char *key = g_strdup_printf("dom.listall-%d", 1 << bit);

        if ((n = virConnectListAllDomains(conn, &list, 1U << bit)) < 0) {
            checkErr(key);
        } else {
            g_autofree char *names = namesDomains(list, n);
            check(key, names);
        }
    }
    virDomainFree(dom);
}


/* Define (or create when `create`) and give back the name, as
 * c.defineXML(x).name() does. */
static void
checkDefine(const char *key, virConnectPtr conn, const char *xml, int how)
{
    virDomainPtr dom;

    if (how == 0)
        dom = virDomainDefineXML(conn, xml);
    else if (how == 1)
        dom = virDomainDefineXMLFlags(conn, xml, 0);
    else
        dom = virDomainCreateXML(conn, xml, how == 2 ? 0 :
                                 VIR_DOMAIN_START_PAUSED);
    if (!dom) {
        checkErr(key);
        return;
    }
    checkConstStr(key, virDomainGetName(dom));
    virDomainFree(dom);
}


typedef enum {
    STEP_SUSPEND, STEP_RESUME, STEP_REBOOT, STEP_RESET, STEP_SHUTDOWN,
    STEP_DESTROY, STEP_CREATE, STEP_CREATE_PAUSED,
} stepKind;

static int
runStep(virDomainPtr dom, stepKind kind)
{
    switch (kind) {
    case STEP_SUSPEND: return virDomainSuspend(dom);
    case STEP_RESUME: return virDomainResume(dom);
    case STEP_REBOOT: return virDomainReboot(dom, 0);
    case STEP_RESET: return virDomainReset(dom, 0);
    case STEP_SHUTDOWN: return virDomainShutdown(dom);
    case STEP_DESTROY: return virDomainDestroy(dom);
    case STEP_CREATE: return virDomainCreate(dom);
    case STEP_CREATE_PAUSED:
        return virDomainCreateWithFlags(dom, VIR_DOMAIN_START_PAUSED);
    }
    return -1;
}


static const char fooXML[] =
    "<domain type='test'><name>foo</name>"
    "<uuid>11111111-2222-3333-4444-555555555555</uuid>"
    "<memory>1024</memory><vcpu current='1'>4</vcpu>"
    "<os><type>hvm</type></os>"
    "<devices><interface type='network'>"
    "<mac address='52:54:00:11:22:33'/>"
    "<source network='default'/></interface></devices></domain>";

static void
scenarioLifecycle(virConnectPtr conn)
{
    static const struct {
        const char *name;
        stepKind kind;
    } steps[] = {
        { "suspend", STEP_SUSPEND },
        { "suspend-again", STEP_SUSPEND },
        { "resume", STEP_RESUME },
        { "resume-again", STEP_RESUME },
        { "reboot", STEP_REBOOT },
        { "reset", STEP_RESET },
        { "shutdown", STEP_SHUTDOWN },
        { "shutdown-again", STEP_SHUTDOWN },
        { "suspend-off", STEP_SUSPEND },
        { "destroy-off", STEP_DESTROY },
        { "reboot-off", STEP_REBOOT },
        { "create", STEP_CREATE },
        { "create-again", STEP_CREATE },
        { "create-paused", STEP_CREATE_PAUSED },
        { "suspend2", STEP_SUSPEND },
        { "reset-paused", STEP_RESET },
        { "suspend3", STEP_SUSPEND },
        { "destroy-paused", STEP_DESTROY },
        { "create2", STEP_CREATE },
        { "destroy", STEP_DESTROY },
    };
    g_autofree char *fooBig = NULL;
    virDomainPtr dom, foo, act;
    int cid, cidDom;
    size_t i;

    dom = virDomainLookupByName(conn, "test");
    cid = virConnectDomainEventRegisterAny(conn, NULL,
                                           VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           (virConnectDomainEventGenericCallback)(void (*)(void))onLifecycle,
                                           (void *)"any", NULL);
    ok(virConnectDomainEventRegister(conn, onLegacy, NULL, NULL) == 0,
       "legacy event callback registered");
    cidDom = virConnectDomainEventRegisterAny(conn, dom,
                                              VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                              (virConnectDomainEventGenericCallback)(void (*)(void))onLifecycle,
                                              (void *)"dom", NULL);
    checkf("ev.ids", "%d %d", cid, cidDom);
    if (virConnectDomainEventRegisterAny(conn, NULL,
                                         VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                         (virConnectDomainEventGenericCallback)(void (*)(void))onLifecycle,
                                         (void *)"again", NULL) < 0)
        checkErr("ev.dup-any");
    else
        ok(0, "ev.dup-any accepted");

    for (i = 0; i < G_N_ELEMENTS(steps); i++) {
        g_autofree char *key = g_strdup_printf("life.%s", steps[i].name);
        g_autofree char *stKey = g_strdup_printf("%s.state", key);
        g_autofree char *evKey = g_strdup_printf("%s.events", key);

        checkInt(key, runStep(dom, steps[i].kind));
        checkState(stKey, dom);
        drain(evKey);
    }

    checkDefine("def.new", conn, fooXML, 0);
    drain("def.new.events");
    foo = virDomainLookupByName(conn, "foo");
    checkState("def.new.state", foo);
    checkDomInfo("def.new.info", foo);
    checkInt("def.new.persistent", virDomainIsPersistent(foo));
    checkXML("def-foo-inactive", virDomainGetXMLDesc(foo, 0));
    checkDefine("def.again", conn, fooXML, 1);
    drain("def.again.events");
    checkDefine("def.dup-name", conn,
                "<domain type='test'><name>foo</name><memory>1024</memory>"
                "<os><type>hvm</type></os></domain>", 0);
    checkDefine("def.dup-uuid", conn,
                "<domain type='test'><name>bar</name>"
                "<uuid>11111111-2222-3333-4444-555555555555</uuid>"
                "<memory>1024</memory><os><type>hvm</type></os></domain>", 0);
    checkDefine("def.badxml", conn, "<domain", 0);
    checkDefine("def.noname", conn, "<domain type='test'/>", 0);
    checkDefine("def.badroot", conn, "<foo/>", 0);
    checkInt("def.vcpus-config", virDomainGetVcpusFlags(foo, 0));
    checkInt("def.vcpus-live",
             virDomainGetVcpusFlags(foo, VIR_DOMAIN_AFFECT_LIVE));
    checkInt("def.maxvcpus", virDomainGetMaxVcpus(foo));
    if (virDomainSetMemoryFlags(foo, 512, VIR_DOMAIN_AFFECT_CONFIG) < 0)
        checkErr("def.setmem-config");
    else
        checkDomInfo("def.setmem-config", foo);
    if (virDomainSetMaxMemory(foo, 256) < 0)
        checkErr("def.setmaxmem");
    else
        checkDomInfo("def.setmaxmem", foo);
    checkSecLabel("def.seclabel", foo);
    checkInt("def.create", virDomainCreate(foo));
    drain("def.create.events");
    checkState("def.create.state", foo);
    checkXML("def-foo-live", virDomainGetXMLDesc(foo, 0));
    {
        g_auto(GStrv) parts = g_strsplit(fooXML, "<memory>1024</memory>", 2);
        fooBig = g_strjoinv("<memory>2048</memory>", parts);
    }
    checkDefine("def.redefine-running", conn, fooBig, 0);
    drain("def.redefine-running.events");
    checkXML("def-foo-live2", virDomainGetXMLDesc(foo, 0));
    checkXML("def-foo-next", virDomainGetXMLDesc(foo, VIR_DOMAIN_XML_INACTIVE));
    checkInt("def.undefine-running", virDomainUndefine(foo));
    drain("def.undefine-running.events");
    checkInt("def.undefine-running.persistent", virDomainIsPersistent(foo));
    checkInt("def.destroy-transient", virDomainDestroy(foo));
    drain("def.destroy-transient.events");
    if (!virDomainLookupByName(conn, "foo"))
        checkErr("def.gone");
    checkInt("def.gone-handle", virDomainIsActive(foo));
    virDomainFree(foo);

    checkDefine("createxml", conn, fooXML, 2);
    drain("createxml.events");
    foo = virDomainLookupByName(conn, "foo");
    checkState("createxml.state", foo);
    checkInt("createxml.persistent", virDomainIsPersistent(foo));
    checkDefine("createxml.again", conn, fooXML, 2);
    checkDefine("createxml.paused", conn, fooXML, 3);
    checkInt("createxml.shutdown", virDomainShutdown(foo));
    drain("createxml.shutdown.events");
    if (!virDomainLookupByName(conn, "foo"))
        checkErr("createxml.gone");
    virDomainFree(foo);

    act = virDomainDefineXML(conn,
                             "<domain type='test'><name>act</name>"
                             "<memory>1024</memory><os><type>hvm</type></os>"
                             "<on_poweroff>restart</on_poweroff>"
                             "<on_reboot>destroy</on_reboot></domain>");
    virDomainCreate(act);
    drain("act.start.events");
    checkInt("act.shutdown", virDomainShutdown(act));
    {
        g_autofree char *st = stateText(act);
        check("act.shutdown.state", st);
    }
    drain("act.shutdown.events");
    checkInt("act.reboot", virDomainReboot(act, 0));
    {
        g_autofree char *st = stateText(act);
        check("act.reboot.state", st);
    }
    drain("act.reboot.events");
    checkInt("act.undefine", virDomainUndefine(act));
    drain("act.undefine.events");
    virDomainFree(act);

    checkInt("ms.create", virDomainCreate(dom));
    drain("ms.create.events");
    checkInt("ms.save", virDomainManagedSave(dom, 0));
    checkMSState("ms.save.state", dom);
    drain("ms.save.events");
    checkInt("ms.save-again", virDomainManagedSave(dom, 0));
    checkInt("ms.undefine", virDomainUndefine(dom));
    checkInt("ms.start", virDomainCreate(dom));
    checkMSState("ms.start.state", dom);
    drain("ms.start.events");
    if (virDomainManagedSave(dom, 0) < 0 ||
        virDomainManagedSaveRemove(dom, 0) < 0)
        checkErr("ms.remove");
    else
        checkInt("ms.remove", virDomainHasManagedSaveImage(dom, 0));
    drain("ms.remove.events");

    checkInt("ev.dereg-any", virConnectDomainEventDeregisterAny(conn, cid));
    checkInt("ev.dereg-any-again",
             virConnectDomainEventDeregisterAny(conn, cid));
    checkInt("ev.dereg-dom", virConnectDomainEventDeregisterAny(conn, cidDom));
    ok(virConnectDomainEventDeregister(conn, onLegacy) == 0,
       "legacy event callback deregistered");
    virDomainCreate(dom);
    drain("ev.none");
    virDomainFree(dom);
}


static void
scenarioNetworks(virConnectPtr conn)
{
    virNetworkPtr *list = NULL;
    virNetworkPtr net, nn, tt, other;
    char *names[16];
    char uuid[VIR_UUID_STRING_BUFLEN];
    int n, bit, autostart;

    checkInt("net.num", virConnectNumOfNetworks(conn));
    checkNameList("net.list", names, virConnectListNetworks(conn, names, 16),
                  false);
    checkInt("net.numdefined", virConnectNumOfDefinedNetworks(conn));
    for (bit = 0; bit < 6; bit++) {
        g_autofree char *key = g_strdup_printf("net.listall-%d", 1 << bit);

        if ((n = virConnectListAllNetworks(conn, &list, 1U << bit)) < 0) {
            checkErr(key);
        } else {
            g_autofree char *joined = namesNetworks(list, n);
            check(key, joined);
        }
    }
    if (!(other = virNetworkLookupByName(conn, "nope")))
        checkErr("net.byname-nope");
    if (!(other = virNetworkLookupByUUIDString(conn,
                                               "11111111-2222-3333-4444-555555555555")))
        checkErr("net.byuuid-nope");
    if (!(other = virNetworkLookupByUUIDString(conn, "zz"))) {
        checkErr("net.byuuid-bad");
        checkErrFull("net.byuuid-bad.err");
    }

    net = virNetworkLookupByName(conn, "default");
    if ((other = virNetworkLookupByUUIDString(conn,
                                              "dd8fe884-6c02-601e-7551-cca97df1c5df"))) {
        checkConstStr("net.byuuid", virNetworkGetName(other));
        virNetworkFree(other);
    } else {
        checkErr("net.byuuid");
    }
    virNetworkGetUUIDString(net, uuid);
    check("net.uuid", uuid);
    checkInt("net.active", virNetworkIsActive(net));
    checkInt("net.persistent", virNetworkIsPersistent(net));
    if (virNetworkGetAutostart(net, &autostart) < 0)
        checkErr("net.autostart");
    else
        checkf("net.autostart", "%d", autostart);
    checkStr("net.bridge", virNetworkGetBridgeName(net));
    checkXML("default-network", virNetworkGetXMLDesc(net, 0));
    if (!virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE))
        checkErr("net.xml-badflag");
    if (virNetworkSetAutostart(net, 1) < 0 ||
        virNetworkGetAutostart(net, &autostart) < 0)
        checkErr("net.setautostart");
    else
        checkf("net.setautostart", "%d", autostart);
    checkInt("net.create-active", virNetworkCreate(net));
    checkInt("net.undefine-active", virNetworkUndefine(net));
    if (virNetworkDestroy(net) < 0)
        checkErr("net.destroy");
    else
        checkInt("net.destroy", virNetworkIsActive(net));
    checkInt("net.destroy-again", virNetworkDestroy(net));
    checkInt("net.numdefined2", virConnectNumOfDefinedNetworks(conn));
    checkNameList("net.listdefined2", names,
                  virConnectListDefinedNetworks(conn, names, 16), false);
    if (virNetworkCreate(net) < 0)
        checkErr("net.create");
    else
        checkInt("net.create", virNetworkIsActive(net));
    if (!virNetworkDefineXML(conn, "<network><name>default</name></network>"))
        checkErr("net.def-dup-name");
    if (!virNetworkDefineXML(conn, "<network><name>x2</name>"
                             "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>"
                             "</network>"))
        checkErr("net.def-dup-uuid");
    if (!virNetworkDefineXML(conn, "<network>"))
        checkErr("net.def-bad");

    nn = virNetworkDefineXML(conn, "<network><name>nn</name>"
                             "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5d0</uuid>"
                             "<bridge name='virbr9'/></network>");
    checkInt("net.def.active", virNetworkIsActive(nn));
    checkInt("net.def.persistent", virNetworkIsPersistent(nn));
    checkXML("net-nn", virNetworkGetXMLDesc(nn, 0));
    if (virNetworkCreate(nn) < 0)
        checkErr("net.def.create");
    else
        checkInt("net.def.create", virNetworkIsActive(nn));
    checkInt("net.def.destroy", virNetworkDestroy(nn));
    checkInt("net.def.undefine", virNetworkUndefine(nn));
    checkInt("net.def.gone", virNetworkIsActive(nn));
    virNetworkFree(nn);

    tt = virNetworkCreateXML(conn, "<network><name>tt</name>"
                             "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5d1</uuid>"
                             "</network>");
    checkInt("net.transient.active", virNetworkIsActive(tt));
    checkInt("net.transient.persistent", virNetworkIsPersistent(tt));
    checkStr("net.transient.bridge", virNetworkGetBridgeName(tt));
    checkInt("net.transient.undefine", virNetworkUndefine(tt));
    checkInt("net.transient.destroy", virNetworkDestroy(tt));
    if (!virNetworkLookupByName(conn, "tt"))
        checkErr("net.transient.gone");
    virNetworkFree(tt);
    virNetworkFree(net);
}


static void
checkPoolInfo(const char *key, virStoragePoolPtr pool)
{
    virStoragePoolInfo info;

    if (virStoragePoolGetInfo(pool, &info) < 0)
        checkErr(key);
    else
        checkf(key, "%d %llu %llu %llu", info.state, info.capacity,
               info.allocation, info.available);
}


static void
checkVolInfo(const char *key, virStorageVolPtr vol)
{
    virStorageVolInfo info;

    if (virStorageVolGetInfo(vol, &info) < 0)
        checkErr(key);
    else
        checkf(key, "%d %llu %llu", info.type, info.capacity, info.allocation);
}


static void
scenarioStorage(virConnectPtr conn)
{
    virStoragePoolPtr *list = NULL;
    virStorageVolPtr *vols = NULL;
    virStoragePoolPtr pool, pp, other;
    virStorageVolPtr vol, vother;
    char *names[16];
    int n, bit, autostart;

    checkInt("pool.num", virConnectNumOfStoragePools(conn));
    checkNameList("pool.list", names,
                  virConnectListStoragePools(conn, names, 16), false);
    checkInt("pool.numdefined", virConnectNumOfDefinedStoragePools(conn));
    for (bit = 0; bit < 8; bit++) {
        g_autofree char *key = g_strdup_printf("pool.listall-%d", 1 << bit);

        if ((n = virConnectListAllStoragePools(conn, &list, 1U << bit)) < 0) {
            checkErr(key);
        } else {
            g_autofree char *joined = namesPools(list, n);
            check(key, joined);
        }
    }
    if (!(other = virStoragePoolLookupByName(conn, "nope")))
        checkErr("pool.byname-nope");
    if (!(other = virStoragePoolLookupByUUIDString(conn,
                                                   "11111111-2222-3333-4444-555555555555")))
        checkErr("pool.byuuid-nope");
    if (!(other = virStoragePoolLookupByUUIDString(conn, "zz"))) {
        checkErr("pool.byuuid-bad");
        checkErrFull("pool.byuuid-bad.err");
    }

    pool = virStoragePoolLookupByName(conn, "default-pool");
    if ((other = virStoragePoolLookupByUUIDString(conn,
                                                  "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"))) {
        checkConstStr("pool.byuuid", virStoragePoolGetName(other));
        virStoragePoolFree(other);
    } else {
        checkErr("pool.byuuid");
    }
    checkPoolInfo("pool.info", pool);
    checkInt("pool.active", virStoragePoolIsActive(pool));
    checkInt("pool.persistent", virStoragePoolIsPersistent(pool));
    if (virStoragePoolGetAutostart(pool, &autostart) < 0)
        checkErr("pool.autostart");
    else
        checkf("pool.autostart", "%d", autostart);
    checkInt("pool.numvols", virStoragePoolNumOfVolumes(pool));
    if ((n = virStoragePoolListAllVolumes(pool, &vols, 0)) < 0) {
        checkErr("pool.vols");
    } else {
        g_autofree char *joined = namesVols(vols, n);
        check("pool.vols", joined);
    }
    checkXML("default-pool", virStoragePoolGetXMLDesc(pool, 0));
    if (!virStoragePoolGetXMLDesc(pool, VIR_STORAGE_XML_INACTIVE))
        checkErr("pool.xml-badflag");
    if (!(vother = virStorageVolLookupByName(pool, "nope")))
        checkErr("vol.byname-nope");
    if (!(vother = virStorageVolLookupByKey(conn, "nope")))
        checkErr("vol.bykey-nope");
    if (!(vother = virStorageVolLookupByPath(conn, "/nope")))
        checkErr("vol.bypath-nope");

    if ((vother = virStorageVolCreateXML(pool,
                                         "<volume><name>v1</name>"
                                         "<capacity>1000</capacity></volume>",
                                         0))) {
        checkConstStr("vol.create", virStorageVolGetName(vother));
        virStorageVolFree(vother);
    } else {
        checkErr("vol.create");
    }
    if (!virStorageVolCreateXML(pool, "<volume><name>v1</name>"
                                "<capacity>1000</capacity></volume>", 0))
        checkErr("vol.create-again");

    vol = virStorageVolLookupByName(pool, "v1");
    checkConstStr("vol.key", virStorageVolGetKey(vol));
    checkStr("vol.path", virStorageVolGetPath(vol));
    checkVolInfo("vol.info", vol);
    if ((vother = virStorageVolLookupByKey(conn, "/default-pool/v1"))) {
        checkConstStr("vol.bykey", virStorageVolGetName(vother));
        virStorageVolFree(vother);
    } else {
        checkErr("vol.bykey");
    }
    if ((vother = virStorageVolLookupByPath(conn, "/default-pool/v1"))) {
        checkConstStr("vol.bypath", virStorageVolGetName(vother));
        virStorageVolFree(vother);
    } else {
        checkErr("vol.bypath");
    }
    if ((other = virStoragePoolLookupByVolume(vol))) {
        checkConstStr("vol.pool", virStoragePoolGetName(other));
        virStoragePoolFree(other);
    } else {
        checkErr("vol.pool");
    }
    checkXML("vol-v1", virStorageVolGetXMLDesc(vol, 0));
    checkPoolInfo("pool.info2", pool);
    checkNameList("pool.vols2", names,
                  virStoragePoolListVolumes(pool, names, 16), false);
    if (virStoragePoolDestroy(pool) < 0)
        checkErr("pool.destroy");
    else
        checkInt("pool.destroy", virStoragePoolIsActive(pool));
    checkInt("pool.destroy-again", virStoragePoolDestroy(pool));
    checkPoolInfo("pool.info-inactive", pool);
    checkNameList("pool.vols-inactive", names,
                  virStoragePoolListVolumes(pool, names, 16), false);
    checkInt("pool.numvols-inactive", virStoragePoolNumOfVolumes(pool));
    if (virStoragePoolListAllVolumes(pool, &vols, 0) < 0)
        checkErr("pool.listall-inactive");
    else
        ok(0, "pool.listall-inactive succeeded");
    checkVolInfo("vol.info-inactive", vol);
    if (virStoragePoolCreate(pool, 0) < 0)
        checkErr("pool.create");
    else
        checkNameList("pool.create", names,
                      virStoragePoolListVolumes(pool, names, 16), false);
    checkInt("pool.create-again", virStoragePoolCreate(pool, 0));
    checkInt("pool.undefine-active", virStoragePoolUndefine(pool));
    if (virStorageVolDelete(vol, 0) < 0)
        checkErr("vol.delete");
    else
        checkInt("vol.delete", virStoragePoolNumOfVolumes(pool));
    checkPoolInfo("pool.info3", pool);
    if (!virStoragePoolDefineXML(conn, "<pool type='dir'><name>other</name>"
                                 "<target><path>/default-pool</path></target>"
                                 "</pool>", 0))
        checkErr("pool.def-conflict");
    if (!virStoragePoolDefineXML(conn, "<pool>", 0))
        checkErr("pool.def-bad");

    pp = virStoragePoolDefineXML(conn, "<pool type='dir'><name>pp</name>"
                                 "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4567</uuid>"
                                 "<target><path>/pp</path></target></pool>", 0);
    checkInt("pool.def.active", virStoragePoolIsActive(pp));
    checkPoolInfo("pool.def.info", pp);
    checkXML("pool-pp", virStoragePoolGetXMLDesc(pp, 0));
    checkNameList("pool.def.vols", names,
                  virStoragePoolListVolumes(pp, names, 16), false);
    if (virStoragePoolCreate(pp, 0) < 0)
        checkErr("pool.def.create");
    else
        checkPoolInfo("pool.def.create", pp);
    checkInt("pool.def.destroy", virStoragePoolDestroy(pp));
    checkInt("pool.def.undefine", virStoragePoolUndefine(pp));
    if (!virStoragePoolLookupByName(conn, "pp"))
        checkErr("pool.def.gone");
    virStoragePoolFree(pp);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
}


static void
scenarioInterfaces(virConnectPtr conn)
{
    virInterfacePtr *list = NULL;
    virInterfacePtr iface, br, other;
    g_autofree char *brXML = NULL;
    char *names[16];
    int n;

    checkInt("iface.num", virConnectNumOfInterfaces(conn));
    checkNameList("iface.list", names,
                  virConnectListInterfaces(conn, names, 16), false);
    checkInt("iface.numdefined", virConnectNumOfDefinedInterfaces(conn));
    if ((n = virConnectListAllInterfaces(conn, &list, 1)) < 0) {
        checkErr("iface.listall-1");
    } else {
        g_autofree char *joined = namesIfaces(list, n);
        check("iface.listall-1", joined);
    }
    if ((n = virConnectListAllInterfaces(conn, &list, 2)) < 0) {
        checkErr("iface.listall-2");
    } else {
        g_autofree char *joined = namesIfaces(list, n);
        check("iface.listall-2", joined);
    }
    if (!(other = virInterfaceLookupByName(conn, "nope")))
        checkErr("iface.byname-nope");
    if (!(other = virInterfaceLookupByMACString(conn, "00:11:22:33:44:55")))
        checkErr("iface.bymac-nope");

    iface = virInterfaceLookupByName(conn, "eth1");
    if ((other = virInterfaceLookupByMACString(conn, "aa:bb:cc:dd:ee:ff"))) {
        checkConstStr("iface.bymac", virInterfaceGetName(other));
        virInterfaceFree(other);
    } else {
        checkErr("iface.bymac");
    }
    checkConstStr("iface.mac", virInterfaceGetMACString(iface));
    checkInt("iface.active", virInterfaceIsActive(iface));
    checkXML("default-interface", virInterfaceGetXMLDesc(iface, 0));
    if (!virInterfaceGetXMLDesc(iface, 1))
        checkErr("iface.xml-badflag");
    checkInt("iface.create-active", virInterfaceCreate(iface, 0));
    if (virInterfaceDestroy(iface, 0) < 0)
        checkErr("iface.destroy");
    else
        checkInt("iface.destroy", virInterfaceIsActive(iface));
    checkInt("iface.destroy-again", virInterfaceDestroy(iface, 0));
    if (virInterfaceCreate(iface, 0) < 0)
        checkErr("iface.create");
    else
        checkInt("iface.create", virInterfaceIsActive(iface));
    if (!virInterfaceDefineXML(conn, "<interface>", 0))
        checkErr("iface.def-bad");
    if (!virInterfaceDefineXML(conn, "<interface type='ethernet'/>", 0))
        checkErr("iface.def-noname");
    if (!virInterfaceDefineXML(conn, "<interface name='x'/>", 0))
        checkErr("iface.def-notype");
    if (!virInterfaceDefineXML(conn, "<interface type='bridge' name='brq'/>",
                               0))
        checkErr("iface.def-nobridge");

    g_file_get_contents(DATADIR "/node-interface.xml", &brXML, NULL, NULL);
    br = virInterfaceDefineXML(conn, brXML, 0);
    checkInt("iface.def.active", virInterfaceIsActive(br));
    checkXML("iface-br0", virInterfaceGetXMLDesc(br, 0));
    checkNameList("iface.def.list", names,
                  virConnectListDefinedInterfaces(conn, names, 16), false);
    checkInt("iface.def.undefine", virInterfaceUndefine(br));
    if (!virInterfaceLookupByName(conn, "br0"))
        checkErr("iface.def.gone");
    virInterfaceFree(br);
    virInterfaceFree(iface);
}


static void
scenarioNodeDevices(virConnectPtr conn)
{
    static const char *const devs[] = {
        "computer", "scsi_host1", "scsi_host2", "scsi_host11",
    };
    static const int bits[] = { 0, 1, 5, 9, 10 };
    virNodeDevicePtr *list = NULL;
    virNodeDevicePtr dev;
    char *names[16];
    size_t i;
    int n;

    checkInt("dev.num", virNodeNumOfDevices(conn, NULL, 0));
    checkInt("dev.num-scsi_host", virNodeNumOfDevices(conn, "scsi_host", 0));
    checkNameList("dev.list-fc_host", names,
                  virNodeListDevices(conn, "fc_host", names, 16, 0), true);
    checkNameList("dev.list-vports", names,
                  virNodeListDevices(conn, "vports", names, 16, 0), true);
    for (i = 0; i < G_N_ELEMENTS(bits); i++) {
        g_autofree char *key = g_strdup_printf("dev.listall-%d", 1 << bits[i]);

        if ((n = virConnectListAllNodeDevices(conn, &list, 1U << bits[i])) < 0) {
            checkErr(key);
        } else {
            g_autofree char *joined = namesDevs(list, n);
            check(key, joined);
        }
    }
    if (virConnectListAllNodeDevices(conn, &list, 1U << 31) < 0)
        checkErr("dev.listall-badflag");
    else
        ok(0, "dev.listall-badflag accepted");
    if (!virNodeDeviceLookupByName(conn, "nope"))
        checkErr("dev.byname-nope");

    for (i = 0; i < G_N_ELEMENTS(devs); i++) {
        g_autofree char *pkey = g_strdup_printf("dev.%s.parent", devs[i]);
        g_autofree char *ckey = g_strdup_printf("dev.%s.caps", devs[i]);
        g_autofree char *nkey = g_strdup_printf("dev.%s.numcaps", devs[i]);
        g_autofree char *xname = g_strdup_printf("nodedev-%s", devs[i]);
        const char *parent;

        if (!(dev = virNodeDeviceLookupByName(conn, devs[i]))) {
            ok(0, "lookup %s: %s", devs[i], virGetLastErrorMessage());
            continue;
        }
        parent = virNodeDeviceGetParent(dev);
        check(pkey, parent ? parent : "None");
        checkNameList(ckey, names, virNodeDeviceListCaps(dev, names, 16),
                      false);
        checkInt(nkey, virNodeDeviceNumOfCaps(dev));
        checkXML(xname, virNodeDeviceGetXMLDesc(dev, 0));
        virNodeDeviceFree(dev);
    }
    dev = virNodeDeviceLookupByName(conn, "computer");
    if (!virNodeDeviceGetXMLDesc(dev, 1))
        checkErr("dev.xml-badflag");
    virNodeDeviceFree(dev);
}


/* ---- scheduler, statistics, block info, guest time ---- */

static const char *
pyBool(bool b)
{
    return b ? "True" : "False";
}


/* Is a counter made from the wall clock (in microseconds) near now? */
static bool
clockClose(long long usec)
{
    double now = g_get_real_time() / 1e6;
    double then = usec / 1e6;

    return then - now < 60 && now - then < 60;
}


static char *
blockShape(const virDomainBlockStatsStruct *s)
{
    return g_strdup_printf("clock=%s %s %s %s %s",
                           pyBool(clockClose(s->rd_req * 10)),
                           pyBool(s->rd_bytes == s->rd_req / 2),
                           pyBool(s->wr_req == s->rd_req / 3),
                           pyBool(s->wr_bytes == s->rd_req / 4),
                           pyBool(s->errs == s->rd_req / 200000));
}


static char *
ifaceShape(const virDomainInterfaceStatsStruct *s)
{
    long long b = s->rx_bytes;
    bool same = s->rx_packets == b / 10 && s->rx_errs == b / 100000 &&
                s->rx_drop == b / 200000 && s->tx_bytes == b / 2 &&
                s->tx_packets == b / 11 && s->tx_errs == b / 300000 &&
                s->tx_drop == b / 400000;

    return g_strdup_printf("clock=%s %s", pyBool(clockClose(b * 10)),
                           pyBool(same));
}


static void
checkBlockShape(const char *key, virDomainPtr dom, const char *disk)
{
    virDomainBlockStatsStruct s;
    g_autofree char *text = NULL;

    if (virDomainBlockStats(dom, disk, &s, sizeof(s)) < 0) {
        checkErr(key);
        return;
    }
    text = blockShape(&s);
    check(key, text);
}


static void
checkIfaceShape(const char *key, virDomainPtr dom, const char *dev)
{
    virDomainInterfaceStatsStruct s;
    g_autofree char *text = NULL;

    if (virDomainInterfaceStats(dom, dev, &s, sizeof(s)) < 0) {
        checkErr(key);
        return;
    }
    text = ifaceShape(&s);
    check(key, text);
}


static void
checkBlockInfo(const char *key, virDomainPtr dom, const char *disk)
{
    virDomainBlockInfo info;

    if (virDomainGetBlockInfo(dom, disk, &info, 0) < 0)
        checkErr(key);
    else
        checkf(key, "%llu %llu %llu", info.capacity, info.allocation,
               info.physical);
}


/* The names the Python binding gives the memory statistics. */
static const char *
memStatName(int tag)
{
    static const char *const names[] = {
        [VIR_DOMAIN_MEMORY_STAT_SWAP_IN] = "swap_in",
        [VIR_DOMAIN_MEMORY_STAT_SWAP_OUT] = "swap_out",
        [VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT] = "major_fault",
        [VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT] = "minor_fault",
        [VIR_DOMAIN_MEMORY_STAT_UNUSED] = "unused",
        [VIR_DOMAIN_MEMORY_STAT_AVAILABLE] = "available",
        [VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON] = "actual",
        [VIR_DOMAIN_MEMORY_STAT_RSS] = "rss",
        [VIR_DOMAIN_MEMORY_STAT_USABLE] = "usable",
        [VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE] = "last_update",
        [VIR_DOMAIN_MEMORY_STAT_DISK_CACHES] = "disk_caches",
        [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC] = "hugetlb_pgalloc",
        [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL] = "hugetlb_pgfail",
    };

    if (tag < 0 || tag >= (int)G_N_ELEMENTS(names) || !names[tag])
        return "?";
    return names[tag];
}


/* Memory statistics as the binding's dict, "name=value ..." */
static void
checkMemStats(const char *key, virDomainPtr dom)
{
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    g_autoptr(GString) text = g_string_new(NULL);
    int n, i;

    if ((n = virDomainMemoryStats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR,
                                  0)) < 0) {
        checkErr(key);
        return;
    }
    for (i = 0; i < n; i++)
        g_string_append_printf(text, "%s%s=%llu", i ? " " : "",
                               memStatName(stats[i].tag), stats[i].val);
    check(key, text->str);
}


static void
checkSchedType(const char *key, virDomainPtr dom)
{
    int nparams = -1;
    g_autofree char *type = virDomainGetSchedulerType(dom, &nparams);

    if (!type)
        checkErr(key);
    else
        checkf(key, "%s %d", type, nparams);
}


static void
checkSchedParams(const char *key, virDomainPtr dom)
{
    virTypedParameter params[1];
    int nparams = 1;

    if (virDomainGetSchedulerParameters(dom, params, &nparams) < 0)
        checkErr(key);
    else if (nparams != 1 || params[0].type != VIR_TYPED_PARAM_UINT)
        ok(0, "%s: %d parameters of type %d", key, nparams, params[0].type);
    else
        checkf(key, "%s=%u", params[0].field, params[0].value.ui);
}


static void
checkTime(const char *key, virDomainPtr dom)
{
    long long seconds = -1;
    unsigned int nseconds = 1;

    if (virDomainGetTime(dom, &seconds, &nseconds, 0) < 0)
        checkErr(key);
    else
        checkf(key, "seconds=%lld nseconds=%u", seconds, nseconds);
}


static void
scenarioStatsOf(virDomainPtr dom, const char *key)
{
    g_autofree char *sched = g_strdup_printf("%s.sched", key);
    g_autofree char *params = g_strdup_printf("%s.sched-params", key);
    g_autofree char *mem = g_strdup_printf("%s.mem", key);
    g_autofree char *time = g_strdup_printf("%s.time", key);

    checkSchedType(sched, dom);
    checkSchedParams(params, dom);
    checkMemStats(mem, dom);
    checkTime(time, dom);
}


static bool
blockGrows(virDomainPtr dom)
{
    virDomainBlockStatsStruct a, b;

    if (virDomainBlockStats(dom, "vda", &a, sizeof(a)) < 0)
        return false;
    g_usleep(2000);
    if (virDomainBlockStats(dom, "vda", &b, sizeof(b)) < 0)
        return false;
    return b.rd_req > a.rd_req;
}


static bool
ifaceGrows(virDomainPtr dom)
{
    virDomainInterfaceStatsStruct a, b;

    if (virDomainInterfaceStats(dom, "testnet0", &a, sizeof(a)) < 0)
        return false;
    g_usleep(2000);
    if (virDomainInterfaceStats(dom, "testnet0", &b, sizeof(b)) < 0)
        return false;
    return b.rx_bytes > a.rx_bytes;
}


static const char statsXML[] =
    "<domain type='test'><name>st</name>"
    "<uuid>11111111-2222-3333-4444-666666666666</uuid>"
    "<memory>1024</memory><currentMemory>777</currentMemory>"
    "<os><type>hvm</type></os><devices>"
    "<disk type='file' device='cdrom'>"
    "<target dev='hdc' bus='ide'/></disk>"
    "<disk type='file' device='disk'><source file='/a/b.img'/>"
    "<target dev='vda' bus='virtio'/></disk>"
    "<disk type='file' device='disk'><source file='/a/b.img'/>"
    "<target dev='vdb' bus='virtio'/></disk>"
    "<disk type='file' device='disk'><source file='/a/c.img'/>"
    "<target dev='sda' bus='scsi'/></disk>"
    "<disk type='block' device='disk'><source dev='/dev/sdz'/>"
    "<target dev='sdb' bus='scsi'/></disk>"
    "<interface type='network'><mac address='52:54:00:00:00:01'/>"
    "<source network='default'/></interface>"
    "<interface type='network'><mac address='52:54:00:00:00:01'/>"
    "<source network='default'/></interface>"
    "<interface type='ethernet'><mac address='52:54:00:00:00:02'/>"
    "<target dev='tap7'/></interface>"
    "<memballoon model='virtio'/>"
    "</devices></domain>";

static const char noBalloonXML[] =
    "<domain type='test'><name>nb</name>"
    "<uuid>11111111-2222-3333-4444-777777777777</uuid>"
    "<memory>1024</memory><os><type>hvm</type></os>"
    "<devices>%s</devices></domain>";


/* What the Python binding does for setSchedulerParametersFlags: it asks
 * for the current parameters (with the same flags) first. */
static void
checkSchedSetFlags(const char *key, virDomainPtr dom, unsigned int value,
                   unsigned int flags)
{
    virTypedParameter params[1] = { 0 };
    int nparams = 1;

    if (virDomainGetSchedulerParametersFlags(dom, params, &nparams,
                                             flags) < 0) {
        checkErr(key);
        return;
    }
    params[0].value.ui = value;
    checkInt(key, virDomainSetSchedulerParametersFlags(dom, params, 1,
                                                       flags));
}


static void
scenarioStatsDefault(virDomainPtr dom)
{
    static const char *const goodDisks[] = { "vda", "/guest/diskimage1" };
    static const char *const badDisks[] = { "hda", "diskimage1", "" };
    static const char *const goodIfaces[] = {
        "testnet0", "aa:bb:cc:dd:ee:ff", "AA:BB:CC:DD:EE:FF" };
    static const char *const badIfaces[] = { "xx", "", "TESTNET0" };
    virTypedParameter params[1] = { 0 };
    int nparams = 1;
    size_t i;

    scenarioStatsOf(dom, "stats.test");
    if (virDomainGetSchedulerParametersFlags(dom, params, &nparams, 0) < 0)
        checkErr("stats.test.sched-params-flags");
    else
        ok(0, "stats.test.sched-params-flags succeeded");
    nparams = 1;
    if (virDomainGetSchedulerParametersFlags(dom, params, &nparams,
                                             VIR_DOMAIN_AFFECT_LIVE) < 0)
        checkErr("stats.test.sched-params-live");
    else
        ok(0, "stats.test.sched-params-live succeeded");

    g_strlcpy(params[0].field, "weight", sizeof(params[0].field));
    params[0].type = VIR_TYPED_PARAM_UINT;
    params[0].value.ui = 77;
    if (virDomainSetSchedulerParameters(dom, params, 1) < 0)
        checkErr("stats.test.sched-set");
    else
        checkSchedParams("stats.test.sched-set", dom);
    checkSchedSetFlags("stats.test.sched-set-config", dom, 77,
                       VIR_DOMAIN_AFFECT_CONFIG);

    for (i = 0; i < G_N_ELEMENTS(goodDisks); i++) {
        g_autofree char *bkey = g_strdup_printf("stats.test.block.%s",
                                                goodDisks[i]);
        g_autofree char *ikey = g_strdup_printf("stats.test.blockinfo.%s",
                                                goodDisks[i]);
        checkBlockShape(bkey, dom, goodDisks[i]);
        checkBlockInfo(ikey, dom, goodDisks[i]);
    }
    check("stats.test.block-grows", pyBool(blockGrows(dom)));
    for (i = 0; i < G_N_ELEMENTS(badDisks); i++) {
        g_autofree char *bkey = g_strdup_printf("stats.test.block.%s",
                                                badDisks[i]);
        g_autofree char *ikey = g_strdup_printf("stats.test.blockinfo.%s",
                                                badDisks[i]);
        checkBlockShape(bkey, dom, badDisks[i]);
        checkBlockInfo(ikey, dom, badDisks[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(goodIfaces); i++) {
        g_autofree char *key = g_strdup_printf("stats.test.iface.%s",
                                               goodIfaces[i]);
        checkIfaceShape(key, dom, goodIfaces[i]);
    }
    check("stats.test.iface-grows", pyBool(ifaceGrows(dom)));
    for (i = 0; i < G_N_ELEMENTS(badIfaces); i++) {
        g_autofree char *key = g_strdup_printf("stats.test.iface.%s",
                                               badIfaces[i]);
        checkIfaceShape(key, dom, badIfaces[i]);
    }
}


static void
scenarioStatsOwn(virConnectPtr conn)
{
    static const char *const offBlock[] = { "vda", "", "xx" };
    static const char *const offInfo[] = {
        "vda", "hdc", "/a/b.img", "/a/c.img", "/dev/sdz", "xx" };
    static const char *const offIface[] = { "testnet0", "xx", "" };
    static const char *const onBlock[] = {
        "hdc", "vdb", "/a/b.img", "/a/c.img", "/dev/sdz", "VDA", "vda " };
    static const char *const onIface[] = {
        "testnet1", "tap7", "52:54:00:00:00:01", "52:54:0:0:0:2",
        "52:54:00:00:00:03", "TAP7" };
    virDomainPtr st = virDomainDefineXML(conn, statsXML);
    size_t i;

    if (!st) {
        ok(0, "define st: %s", virGetLastErrorMessage());
        return;
    }
    scenarioStatsOf(st, "stats.off");
    for (i = 0; i < G_N_ELEMENTS(offBlock); i++) {
        g_autofree char *key = g_strdup_printf("stats.off.block.%s",
                                               offBlock[i]);
        checkBlockShape(key, st, offBlock[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(offInfo); i++) {
        g_autofree char *key = g_strdup_printf("stats.off.blockinfo.%s",
                                               offInfo[i]);
        checkBlockInfo(key, st, offInfo[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(offIface); i++) {
        g_autofree char *key = g_strdup_printf("stats.off.iface.%s",
                                               offIface[i]);
        checkIfaceShape(key, st, offIface[i]);
    }

    virDomainCreate(st);
    scenarioStatsOf(st, "stats.on");
    for (i = 0; i < G_N_ELEMENTS(onBlock); i++) {
        g_autofree char *key = g_strdup_printf("stats.on.block.%s",
                                               onBlock[i]);
        checkBlockShape(key, st, onBlock[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(onIface); i++) {
        g_autofree char *key = g_strdup_printf("stats.on.iface.%s",
                                               onIface[i]);
        checkIfaceShape(key, st, onIface[i]);
    }
    virDomainSetMemoryFlags(st, 500, VIR_DOMAIN_AFFECT_CONFIG);
    checkMemStats("stats.on.mem-config-set", st);
    virDomainSetMemory(st, 999);
    checkMemStats("stats.on.mem-live-set", st);

    virDomainSuspend(st);
    scenarioStatsOf(st, "stats.paused");
    checkBlockShape("stats.paused.block", st, "vda");
    checkIfaceShape("stats.paused.iface", st, "tap7");
    virDomainResume(st);
    virDomainDestroy(st);
    virDomainUndefine(st);

    scenarioStatsOf(st, "stats.gone");
    /* The binding learns the types first, which fails already. */
    checkSchedParams("stats.gone.sched-set", st);
    checkBlockShape("stats.gone.block", st, "vda");
    checkBlockShape("stats.gone.block-empty", st, "");
    checkBlockInfo("stats.gone.blockinfo", st, "vda");
    checkIfaceShape("stats.gone.iface", st, "tap7");
    virDomainFree(st);
}


static void
scenarioStatsBalloons(virConnectPtr conn)
{
    static const char *const names[] = { "none", "model-none", "xen" };
    static const char *const devs[] = {
        "", "<memballoon model='none'/>", "<memballoon model='xen'/>" };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *xml = g_strdup_printf(noBalloonXML, devs[i]);
        g_autofree char *key = g_strdup_printf("stats.balloon.%s", names[i]);
        virDomainPtr nb = virDomainCreateXML(conn, xml, 0);

        if (!nb) {
            checkErr(key);
            continue;
        }
        checkMemStats(key, nb);
        virDomainDestroy(nb);
        virDomainFree(nb);
    }
}


static void
scenarioStatsErrors(virConnectPtr conn, virDomainPtr dom)
{
    virDomainBlockStatsStruct bs;
    virDomainInterfaceStatsStruct is;
    virDomainBlockInfo bi;

    if (!virDomainLookupByUUIDString(conn, "not-a-uuid"))
        checkErrFull("stats.err.uuid");
    else
        ok(0, "stats.err.uuid: found");
    if (virDomainGetBlockInfo(dom, "", &bi, 0) < 0)
        checkErrFull("stats.err.blockinfo-empty");
    else
        ok(0, "stats.err.blockinfo-empty: no error");
    if (virDomainBlockStats(dom, "", &bs, sizeof(bs)) < 0)
        checkErrFull("stats.err.block-empty");
    else
        ok(0, "stats.err.block-empty: no error");
    if (virDomainInterfaceStats(dom, "xx", &is, sizeof(is)) < 0)
        checkErrFull("stats.err.iface");
    else
        ok(0, "stats.err.iface: no error");
}


/* Callbacks of every kind go through the generic types (the cast through
 * void (*)(void) says the type change is intended). */
#define DOM_CB(f) ((virConnectDomainEventGenericCallback)(void (*)(void))(f))
#define NET_CB(f) ((virConnectNetworkEventGenericCallback)(void (*)(void))(f))
#define POOL_CB(f) \
    ((virConnectStoragePoolEventGenericCallback)(void (*)(void))(f))
#define DEV_CB(f) \
    ((virConnectNodeDeviceEventGenericCallback)(void (*)(void))(f))

/* Never called: registrations that are refused. */
static void
noEvent(void)
{
}


/* regen.py's scenario_stats_capi: what only the C API can ask. */
static void
scenarioStatsCAPI(virConnectPtr conn, virDomainPtr dom)
{
    static const size_t blockSizes[] = { 0, 16, 40, 48 };
    static const size_t ifaceSizes[] = { 8, 64, 72 };
    static const unsigned int memNr[] = { 0, 1, 5, 12, 13, 14, 20 };
    union {
        virDomainBlockStatsStruct block;
        virDomainInterfaceStatsStruct iface;
        char raw[256];          /* room for sizes bigger than the structs */
    } buf;
    virDomainMemoryStatStruct stats[20];
    virTypedParameter params[2];
    char *type;
    int nparams;
    size_t i;
    int n;

    for (i = 0; i < G_N_ELEMENTS(blockSizes); i++) {
        g_autofree char *key = g_strdup_printf("capi.block-size-%zu",
                                               blockSizes[i]);
        checkResult(key, virDomainBlockStats(dom, "vda",
                                             &buf.block,
                                             blockSizes[i]));
    }
    for (i = 0; i < G_N_ELEMENTS(ifaceSizes); i++) {
        g_autofree char *key = g_strdup_printf("capi.iface-size-%zu",
                                               ifaceSizes[i]);
        checkResult(key, virDomainInterfaceStats(dom, "testnet0",
                                                 &buf.iface,
                                                 ifaceSizes[i]));
    }
    for (i = 0; i < G_N_ELEMENTS(memNr); i++) {
        g_autofree char *key = g_strdup_printf("capi.mem-%u", memNr[i]);
        g_autoptr(GString) text = g_string_new(NULL);
        int j;

        n = virDomainMemoryStats(dom, stats, memNr[i], 0);
        if (n <= 0) {
            checkResult(key, n);
            continue;
        }
        for (j = 0; j < n; j++)
            g_string_append_printf(text, "%s%d=%llu", j ? " " : "",
                                   stats[j].tag, stats[j].val);
        check(key, text->str);
    }
    checkResult("capi.mem-null", virDomainMemoryStats(dom, NULL, 5, 0));

    {
        static const struct {
            const char *key;
            int n;
            const char *names[2];
            int types[2];
        } sets[] = {
            { "weight", 1, { "weight" }, { VIR_TYPED_PARAM_UINT } },
            { "none", 0, { NULL }, { 0 } },
            { "cap", 1, { "cap" }, { VIR_TYPED_PARAM_UINT } },
            { "int", 1, { "weight" }, { VIR_TYPED_PARAM_INT } },
            { "twice", 2, { "weight", "weight" },
              { VIR_TYPED_PARAM_UINT, VIR_TYPED_PARAM_UINT } },
        };

        for (i = 0; i < G_N_ELEMENTS(sets); i++) {
            g_autofree char *key = g_strdup_printf("capi.sched-set-%s",
                                                   sets[i].key);
            int j;

            memset(params, 0, sizeof(params));
            for (j = 0; j < sets[i].n; j++) {
                g_strlcpy(params[j].field, sets[i].names[j],
                          sizeof(params[j].field));
                params[j].type = sets[i].types[j];
                params[j].value.ui = 5;
            }
            checkResult(key, virDomainSetSchedulerParameters(dom, params,
                                                             sets[i].n));
        }
    }
    for (i = 1; i <= 2; i++) {
        g_autofree char *key = g_strdup_printf("capi.sched-setflags-%zu", i);

        memset(params, 0, sizeof(params));
        g_strlcpy(params[0].field, "weight", sizeof(params[0].field));
        params[0].type = VIR_TYPED_PARAM_UINT;
        params[0].value.ui = 5;
        checkResult(key, virDomainSetSchedulerParametersFlags(dom, params, 1,
                                                              i));
    }
    memset(params, 0, sizeof(params));
    nparams = 2;
    n = virDomainGetSchedulerParameters(dom, params, &nparams);
    if (n < 0)
        checkResult("capi.sched-get", n);
    else
        checkf("capi.sched-get", "%d n=%d %s=%u", n, nparams,
               params[0].field, params[0].value.ui);
    for (i = 0; i <= 1; i++) {
        g_autofree char *key = g_strdup_printf("capi.sched-getflags-%zu", i);

        nparams = 1;
        checkResult(key, virDomainGetSchedulerParametersFlags(dom, params,
                                                              &nparams, i));
    }
    nparams = -7;
    if ((type = virDomainGetSchedulerType(dom, &nparams))) {
        checkf("capi.sched-type", "%s %d", type, nparams);
        free(type);
    } else {
        checkErr("capi.sched-type");
    }

    checkResult("capi.ev-dom--1",
                virConnectDomainEventRegisterAny(conn, NULL, -1, DOM_CB(noEvent),
                                                 NULL, NULL));
    checkResult("capi.ev-dom-99",
                virConnectDomainEventRegisterAny(conn, NULL, 99, DOM_CB(noEvent),
                                                 NULL, NULL));
    checkResult("capi.ev-net--1",
                virConnectNetworkEventRegisterAny(conn, NULL, -1, NET_CB(noEvent),
                                                  NULL, NULL));
    checkResult("capi.ev-net-1",
                virConnectNetworkEventRegisterAny(conn, NULL, 1, NET_CB(noEvent),
                                                  NULL, NULL));
    checkResult("capi.ev-net-99",
                virConnectNetworkEventRegisterAny(conn, NULL, 99, NET_CB(noEvent),
                                                  NULL, NULL));
    checkResult("capi.ev-pool-2",
                virConnectStoragePoolEventRegisterAny(conn, NULL, 2, POOL_CB(noEvent),
                                                      NULL, NULL));
    checkResult("capi.ev-dev-2",
                virConnectNodeDeviceEventRegisterAny(conn, NULL, 2, DEV_CB(noEvent),
                                                     NULL, NULL));
}


static void
scenarioStats(virConnectPtr conn)
{
    virDomainPtr dom = virDomainLookupByName(conn, "test");

    if (!dom) {
        ok(0, "lookup test: %s", virGetLastErrorMessage());
        return;
    }
    scenarioStatsDefault(dom);
    scenarioStatsOwn(conn);
    scenarioStatsBalloons(conn);
    scenarioStatsErrors(conn, dom);
    scenarioStatsCAPI(conn, dom);
    virDomainFree(dom);
}


/* ---- network, storage pool and node device events ---- */

static int
onNetEvent(virConnectPtr conn G_GNUC_UNUSED, virNetworkPtr net, int event,
           int detail, void *opaque)
{
    g_ptr_array_add(events, g_strdup_printf("%s:%s:%d:%d",
                                            (const char *)opaque,
                                            virNetworkGetName(net),
                                            event, detail));
    return 0;
}


static int
onPoolEvent(virConnectPtr conn G_GNUC_UNUSED, virStoragePoolPtr pool,
            int event, int detail, void *opaque)
{
    g_ptr_array_add(events, g_strdup_printf("%s:%s:%d:%d",
                                            (const char *)opaque,
                                            virStoragePoolGetName(pool),
                                            event, detail));
    return 0;
}


static int
onPoolRefresh(virConnectPtr conn G_GNUC_UNUSED, virStoragePoolPtr pool,
              void *opaque)
{
    g_ptr_array_add(events, g_strdup_printf("%s:%s:refresh",
                                            (const char *)opaque,
                                            virStoragePoolGetName(pool)));
    return 0;
}


static int
onDevEvent(virConnectPtr conn G_GNUC_UNUSED, virNodeDevicePtr dev,
           int event, int detail, void *opaque)
{
    g_ptr_array_add(events, g_strdup_printf("%s:%s:%d:%d",
                                            (const char *)opaque,
                                            virNodeDeviceGetName(dev),
                                            event, detail));
    return 0;
}


static const char evNetXML[] =
    "<network><name>en</name>"
    "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5e0</uuid>"
    "<bridge name='virbr8'/></network>";
static const char evNet2XML[] =
    "<network><name>et</name>"
    "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5e1</uuid></network>";
static const char evPoolXML[] =
    "<pool type='dir'><name>ep</name>"
    "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4570</uuid>"
    "<target><path>/ep</path></target></pool>";
static const char evPool2XML[] =
    "<pool type='dir'><name>eq</name>"
    "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4571</uuid>"
    "<target><path>/eq</path></target></pool>";


/* A network call's result under "oev.net.NAME", then its events. */
static void
netStep(const char *name, int ret)
{
    g_autofree char *key = g_strdup_printf("oev.net.%s", name);
    g_autofree char *ekey = g_strdup_printf("oev.net.%s.events", name);

    checkInt(key, ret);
    drain(ekey);
}


static void
netStepName(const char *name, virNetworkPtr net)
{
    g_autofree char *key = g_strdup_printf("oev.net.%s", name);
    g_autofree char *ekey = g_strdup_printf("oev.net.%s.events", name);

    if (net) {
        checkConstStr(key, virNetworkGetName(net));
        virNetworkFree(net);
    } else {
        checkErr(key);
    }
    drain(ekey);
}


static void
poolStep(const char *name, int ret)
{
    g_autofree char *key = g_strdup_printf("oev.pool.%s", name);
    g_autofree char *ekey = g_strdup_printf("oev.pool.%s.events", name);

    checkInt(key, ret);
    drain(ekey);
}


static void
poolStepName(const char *name, virStoragePoolPtr pool)
{
    g_autofree char *key = g_strdup_printf("oev.pool.%s", name);
    g_autofree char *ekey = g_strdup_printf("oev.pool.%s.events", name);

    if (pool) {
        checkConstStr(key, virStoragePoolGetName(pool));
        virStoragePoolFree(pool);
    } else {
        checkErr(key);
    }
    drain(ekey);
}


static int
withNetwork(virConnectPtr conn, const char *name,
            int (*fn)(virNetworkPtr))
{
    virNetworkPtr net = virNetworkLookupByName(conn, name);
    int ret;

    if (!net)
        return -1;
    ret = fn(net);
    virNetworkFree(net);
    return ret;
}


static int
withPool(virConnectPtr conn, const char *name,
         int (*fn)(virStoragePoolPtr))
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, name);
    int ret;

    if (!pool)
        return -1;
    ret = fn(pool);
    virStoragePoolFree(pool);
    return ret;
}


static int
volCreateDelete(virStoragePoolPtr pool)
{
    virStorageVolPtr vol = virStorageVolCreateXML(
        pool, "<volume><name>ev</name><capacity>1</capacity></volume>", 0);
    int ret;

    if (!vol)
        return -1;
    ret = virStorageVolDelete(vol, 0);
    virStorageVolFree(vol);
    return ret;
}


static void
scenarioObjectEventsNetworks(virConnectPtr conn, virNetworkPtr dflt)
{
    virNetworkPtr en = virNetworkDefineXML(conn, evNetXML);
    char *xml;

    drain("oev.net.define");
    netStep("create", virNetworkCreate(en));
    netStepName("redefine-active", virNetworkDefineXML(conn, evNetXML));
    netStep("undefine-active", virNetworkUndefine(en));
    netStep("destroy", virNetworkDestroy(en));
    netStep("destroy-again", virNetworkDestroy(en));
    netStep("create-again", virNetworkCreate(en));
    netStep("destroy2", virNetworkDestroy(en));
    netStep("undefine", virNetworkUndefine(en));
    netStepName("transient", virNetworkCreateXML(conn, evNet2XML));
    netStep("transient-destroy", withNetwork(conn, "et", virNetworkDestroy));
    netStep("default-destroy", virNetworkDestroy(dflt));
    xml = virNetworkGetXMLDesc(dflt, 0);
    netStepName("default-createxml", virNetworkCreateXML(conn, xml));
    free(xml);
    netStep("default-autostart", virNetworkSetAutostart(dflt, 1));
    virNetworkFree(en);
}


static int
poolBuild(virStoragePoolPtr pool)
{
    return virStoragePoolBuild(pool, 0);
}


static void
scenarioObjectEventsPools(virConnectPtr conn)
{
    virStoragePoolPtr ep = virStoragePoolDefineXML(conn, evPoolXML, 0);

    drain("oev.pool.define");
    poolStep("build", poolBuild(ep));
    poolStep("create", virStoragePoolCreate(ep, 0));
    poolStep("create-again", virStoragePoolCreate(ep, 0));
    poolStep("build-active", virStoragePoolBuild(ep, 0));
    poolStep("delete-active", virStoragePoolDelete(ep, 0));
    poolStep("refresh", virStoragePoolRefresh(ep, 0));
    poolStepName("redefine-active",
                 virStoragePoolDefineXML(conn, evPoolXML, 0));
    poolStep("vol", volCreateDelete(ep));
    poolStep("autostart", virStoragePoolSetAutostart(ep, 1));
    poolStep("destroy", virStoragePoolDestroy(ep));
    poolStep("destroy-again", virStoragePoolDestroy(ep));
    poolStep("refresh-inactive", virStoragePoolRefresh(ep, 0));
    poolStep("delete", virStoragePoolDelete(ep, 0));
    poolStep("still-defined", virStoragePoolIsActive(ep));
    poolStep("undefine", virStoragePoolUndefine(ep));
    poolStepName("transient", virStoragePoolCreateXML(conn, evPool2XML, 0));
    poolStep("transient-destroy",
             withPool(conn, "eq", virStoragePoolDestroy));
    virStoragePoolFree(ep);
}


static void
checkDereg(const char *key, int ret)
{
    if (ret < 0)
        checkErr(key);
    else
        check(key, "0");
}


static void
scenarioObjectEvents(virConnectPtr conn)
{
    virNetworkPtr dflt = virNetworkLookupByName(conn, "default");
    int ids[5];

    if (!dflt) {
        ok(0, "lookup default network: %s", virGetLastErrorMessage());
        return;
    }
    ids[0] = virConnectNetworkEventRegisterAny(conn, NULL,
                                               VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                               NET_CB(onNetEvent),
                                               (void *)"net", NULL);
    ids[1] = virConnectNetworkEventRegisterAny(conn, dflt,
                                               VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                               NET_CB(onNetEvent),
                                               (void *)"netdef", NULL);
    ids[2] = virConnectStoragePoolEventRegisterAny(conn, NULL,
                                                   VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                                   POOL_CB(onPoolEvent),
                                                   (void *)"pool", NULL);
    ids[3] = virConnectStoragePoolEventRegisterAny(conn, NULL,
                                                   VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                                                   POOL_CB(onPoolRefresh),
                                                   (void *)"refresh", NULL);
    ids[4] = virConnectNodeDeviceEventRegisterAny(conn, NULL,
                                                  VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                                  DEV_CB(onDevEvent),
                                                  (void *)"dev", NULL);
    checkf("oev.ids", "%d %d %d %d %d", ids[0], ids[1], ids[2], ids[3],
           ids[4]);
    checkInt("oev.net-dup",
             virConnectNetworkEventRegisterAny(conn, NULL,
                                               VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                               NET_CB(onNetEvent),
                                               (void *)"again", NULL));
    checkInt("oev.pool-dup",
             virConnectStoragePoolEventRegisterAny(conn, NULL,
                                                   VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                                                   POOL_CB(onPoolEvent),
                                                   (void *)"again", NULL));

    scenarioObjectEventsNetworks(conn, dflt);
    scenarioObjectEventsPools(conn);

    /* An id is an id, whatever the kind it was registered for. */
    checkResult("oev.dereg-cross",
                virConnectNetworkEventDeregisterAny(conn, ids[2]));
    checkDereg("oev.dereg-cross-again",
               virConnectStoragePoolEventDeregisterAny(conn, ids[2]));
    checkResult("oev.dereg-dev-by-domain",
                virConnectDomainEventDeregisterAny(conn, ids[4]));
    checkDereg("oev.dereg-0", virConnectNetworkEventDeregisterAny(conn, ids[0]));
    checkDereg("oev.dereg-1", virConnectNetworkEventDeregisterAny(conn, ids[1]));
    checkDereg("oev.dereg-3",
               virConnectStoragePoolEventDeregisterAny(conn, ids[3]));
    checkDereg("oev.dereg-again",
               virConnectNetworkEventDeregisterAny(conn, ids[0]));
    virNetworkDestroy(dflt);
    virNetworkCreate(dflt);
    drain("oev.none");
    virNetworkFree(dflt);
}


/* ---- a host from a <node> file ---- */

static int
cmpDomainNames(const void *a, const void *b)
{
    return strcmp(virDomainGetName(*(virDomainPtr const *)a),
                  virDomainGetName(*(virDomainPtr const *)b));
}


static void
scenarioFile(void)
{
    virConnectPtr conn = virConnectOpen("test://" DATADIR "/node.xml");
    virDomainPtr *doms = NULL;
    virNetworkPtr *nets = NULL;
    virStorageVolPtr *vols = NULL;
    virInterfacePtr *ifaces = NULL;
    virNodeDevicePtr *devs = NULL;
    virStoragePoolPtr pool;
    virDomainPtr dom;
    virNodeDevicePtr pci;
    unsigned long long cells[2];
    virNodeInfo info;
    int n, i;

    if (!conn) {
        ok(0, "open node.xml: %s", virGetLastErrorMessage());
        return;
    }
    if (virNodeGetInfo(conn, &info) < 0)
        checkErr("file.nodeinfo");
    else
        checkf("file.nodeinfo", "%s %lu %u %u %u %u %u %u", info.model,
               info.memory / 1024, info.cpus, info.mhz, info.nodes,
               info.sockets, info.cores, info.threads);
    checkf("file.freemem", "%llu", virNodeGetFreeMemory(conn));
    if (virNodeGetCellsFreeMemory(conn, cells, 0, 1) < 0)
        checkErr("file.cells");
    else
        ok(0, "file.cells: no cells expected");
    checkXML("file-capabilities", virConnectGetCapabilities(conn));

    n = virConnectListAllDomains(conn, &doms, 0);
    qsort(doms, n, sizeof(*doms), cmpDomainNames);
    for (i = 0; i < n; i++) {
        const char *name = virDomainGetName(doms[i]);
        g_autofree char *key = g_strdup_printf("file.dom.%s", name);
        g_autofree char *ikey = g_strdup_printf("%s.info", key);
        g_autofree char *xname = g_strdup_printf("file-domain-%s", name);
        g_autofree char *st = stateText(doms[i]);

        checkf(key, "%s id=%d persistent=%d ms=%d", st,
               (int)virDomainGetID(doms[i]), virDomainIsPersistent(doms[i]),
               virDomainHasManagedSaveImage(doms[i], 0));
        checkDomInfo(ikey, doms[i]);
        checkXML(xname, virDomainGetXMLDesc(doms[i], 0));
        virDomainFree(doms[i]);
    }
    free(doms);

    dom = virDomainLookupByName(conn, "fv0");
    checkInt("file.dom.fv0.undefine", virDomainUndefine(dom));
    if (virDomainCreate(dom) < 0) {
        checkErr("file.dom.fv0.create");
    } else {
        g_autofree char *st = stateText(dom);
        checkf("file.dom.fv0.create", "0 %s %d", st,
               virDomainHasManagedSaveImage(dom, 0));
    }
    virDomainFree(dom);
    dom = virDomainLookupByName(conn, "fromfile");
    if (virDomainReboot(dom, 0) < 0) {
        checkErr("file.dom.fromfile.reboot");
    } else {
        g_autofree char *st = stateText(dom);
        checkf("file.dom.fromfile.reboot", "0 %s", st);
    }
    virDomainFree(dom);

    n = virConnectListAllNetworks(conn, &nets, 0);
    for (i = 0; i < n; i++) {
        const char *name = virNetworkGetName(nets[i]);
        g_autofree char *key = g_strdup_printf("file.net.%s", name);
        g_autofree char *xname = g_strdup_printf("file-network-%s", name);
        g_autofree char *bridge = virNetworkGetBridgeName(nets[i]);

        checkf(key, "%d %d %s", virNetworkIsActive(nets[i]),
               virNetworkIsPersistent(nets[i]), bridge ? bridge : "?");
        checkXML(xname, virNetworkGetXMLDesc(nets[i], 0));
        virNetworkFree(nets[i]);
    }
    free(nets);

    pool = virStoragePoolLookupByName(conn, "p1");
    checkPoolInfo("file.pool.info", pool);
    n = virStoragePoolListAllVolumes(pool, &vols, 0);
    for (i = 0; i < n; i++) {
        const char *name = virStorageVolGetName(vols[i]);
        g_autofree char *key = g_strdup_printf("file.vol.%s", name);
        g_autofree char *xname = g_strdup_printf("file-volume-%s", name);
        g_autofree char *path = virStorageVolGetPath(vols[i]);
        virStorageVolInfo vinfo = { 0 };

        virStorageVolGetInfo(vols[i], &vinfo);
        checkf(key, "%s %s [%d, %llu, %llu]", virStorageVolGetKey(vols[i]),
               path ? path : "?", vinfo.type, vinfo.capacity,
               vinfo.allocation);
        checkXML(xname, virStorageVolGetXMLDesc(vols[i], 0));
        virStorageVolFree(vols[i]);
    }
    free(vols);
    virStoragePoolFree(pool);

    n = virConnectListAllInterfaces(conn, &ifaces, 0);
    for (i = 0; i < n; i++) {
        const char *name = virInterfaceGetName(ifaces[i]);
        g_autofree char *key = g_strdup_printf("file.iface.%s", name);
        g_autofree char *xname = g_strdup_printf("file-interface-%s", name);

        checkf(key, "%s %d", virInterfaceGetMACString(ifaces[i]),
               virInterfaceIsActive(ifaces[i]));
        checkXML(xname, virInterfaceGetXMLDesc(ifaces[i], 0));
        virInterfaceFree(ifaces[i]);
    }
    free(ifaces);

    if ((n = virConnectListAllNodeDevices(conn, &devs, 0)) < 0) {
        checkErr("file.devs");
    } else {
        g_autofree char *joined = namesDevs(devs, n);
        check("file.devs", joined);
    }
    pci = virNodeDeviceLookupByName(conn, "pci_0000_00_01_0");
    checkXML("file-nodedev-pci", virNodeDeviceGetXMLDesc(pci, 0));
    virNodeDeviceFree(pci);

    is_int(virConnectClose(conn), 0, "file connection freed on close");
}


/* ---- beyond regen.py ---- */

/* test:///default is one host for all connections: a change made through
 * one is seen, and its events are delivered, through the others. */
static void
checkSharedDefault(void)
{
    virConnectPtr a = virConnectOpen("test:///default");
    virConnectPtr b = virConnectOpenReadOnly("test:///default");
    virDomainPtr da, db;
    int cid;
    int state, reason;

    if (!a || !b) {
        ok(0, "open two default connections: %s", virGetLastErrorMessage());
        return;
    }
    cid = virConnectDomainEventRegisterAny(b, NULL,
                                           VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                           (virConnectDomainEventGenericCallback)(void (*)(void))onLifecycle,
                                           (void *)"b", NULL);
    ok(cid >= 0, "events registered on the second connection");
    da = virDomainLookupByName(a, "test");
    db = virDomainLookupByName(b, "test");
    ok(virDomainSuspend(da) == 0, "suspend through the first connection");
    ok(virDomainGetState(db, &state, &reason, 0) == 0 &&
       state == VIR_DOMAIN_PAUSED && reason == VIR_DOMAIN_PAUSED_USER,
       "the second connection sees it paused");
    runLoop();
    ok(events->len == 1 &&
       strcmp(g_ptr_array_index(events, 0), "b:test:1:3:0") == 0,
       "its event reaches the second connection");
    g_ptr_array_set_size(events, 0);
    ok(virConnectDomainEventDeregisterAny(b, cid) == 0,
       "events deregistered");
    /* Drop the last handles: the next open starts from scratch. */
    virDomainFree(da);
    virDomainFree(db);
    is_int(virConnectClose(b), 0, "second connection freed");
    is_int(virConnectClose(a), 0, "first connection freed");

    a = virConnectOpen("test:///default");
    da = virDomainLookupByName(a, "test");
    ok(virDomainGetState(da, &state, &reason, 0) == 0 &&
       state == VIR_DOMAIN_RUNNING && reason == 0,
       "a fresh default host after the last close");
    virDomainFree(da);
    virConnectClose(a);

    /* Only VIR_CONNECT_RO is an accepted open flag. */
    ok(virConnectOpenAuth("test:///default", NULL, VIR_CONNECT_NO_ALIASES) == NULL,
       "open flags other than read-only are refused");
}


/* A callback that unregisters itself while being called. */
static int selfCallbackID = -1;

static int
onSelfRemove(virConnectPtr conn, virDomainPtr dom G_GNUC_UNUSED,
             int event G_GNUC_UNUSED, int detail G_GNUC_UNUSED,
             void *opaque)
{
    (*(int *)opaque)++;
    virConnectDomainEventDeregisterAny(conn, selfCallbackID);
    return 0;
}


static void
countFree(void *opaque)
{
    (*(int *)opaque) += 100;
}


static void
checkEventEdgeCases(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    int calls = 0;

    selfCallbackID =
        virConnectDomainEventRegisterAny(conn, NULL,
                                         VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                         (virConnectDomainEventGenericCallback)(void (*)(void))onSelfRemove,
                                         &calls, countFree);
    virDomainSuspend(dom);
    virDomainResume(dom);
    runLoop();
    is_int(calls, 101, "a callback removing itself runs once, then is freed");
    ok(virConnectDomainEventRegisterAny(conn, NULL, 99,
                                        (virConnectDomainEventGenericCallback)(void (*)(void))onSelfRemove,
                                        NULL, NULL) < 0 &&
       virGetLastErrorCode() == VIR_ERR_INVALID_ARG,
       "unknown event id refused");
    /* Events queued while nobody listens are dropped. */
    virDomainSuspend(dom);
    virDomainResume(dom);
    runLoop();
    is_int(calls, 101, "no callback, no delivery");
    virDomainFree(dom);
    is_int(virConnectClose(conn), 0, "connection freed");
}


typedef struct {
    int iterations;
    int failures;
} threadData;

static gpointer
threadWorker(gpointer opaque)
{
    threadData *data = opaque;
    virConnectPtr conn = virConnectOpen("test:///default");
    int i;

    if (!conn) {
        data->failures++;
        return NULL;
    }
    for (i = 0; i < data->iterations; i++) {
        virDomainPtr dom = virDomainLookupByName(conn, "test");
        virDomainInfo info;
        char *xml;

        if (!dom) {
            data->failures++;
            continue;
        }
        /* Racing suspends and resumes: either may fail, none may crash. */
        if (i % 2)
            virDomainSuspend(dom);
        else
            virDomainResume(dom);
        if (virDomainGetInfo(dom, &info) < 0)
            data->failures++;
        if (!(xml = virDomainGetXMLDesc(dom, 0)))
            data->failures++;
        free(xml);
        virDomainFree(dom);
    }
    virConnectClose(conn);
    return NULL;
}


static void
checkThreads(void)
{
    threadData data[4] = { { 200, 0 }, { 200, 0 }, { 200, 0 }, { 200, 0 } };
    GThread *threads[4];
    virConnectPtr keep = virConnectOpen("test:///default");
    size_t i;
    int failures = 0;

    for (i = 0; i < G_N_ELEMENTS(threads); i++)
        threads[i] = g_thread_new("worker", threadWorker, &data[i]);
    for (i = 0; i < G_N_ELEMENTS(threads); i++) {
        g_thread_join(threads[i]);
        failures += data[i].failures;
    }
    is_int(failures, 0, "four threads on the default host");
    virConnectClose(keep);
}


static void
quietErrors(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


/* libvirt 9.0 accepts close callbacks on test:///default and forgets them:
 * freecb is never called, unregistering any callback succeeds. */
static int closeFreed;

static void
closeCb(virConnectPtr conn G_GNUC_UNUSED, int reason G_GNUC_UNUSED,
        void *opaque G_GNUC_UNUSED)
{
}


static void
closeFree(void *opaque G_GNUC_UNUSED)
{
    closeFreed++;
}


static void
checkCloseCallbacks(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virErrorPtr err;

    is_int(virConnectRegisterCloseCallback(conn, closeCb, NULL, closeFree), 0,
           "close callback: register");
    is_int(virConnectRegisterCloseCallback(conn, closeCb, NULL, closeFree), 0,
           "close callback: register again");
    is_int(virConnectUnregisterCloseCallback(conn, closeCb), 0,
           "close callback: unregister");
    is_int(virConnectUnregisterCloseCallback(conn, closeCb), 0,
           "close callback: unregister again");
    is_int(virConnectRegisterCloseCallback(conn, NULL, NULL, NULL), -1,
           "close callback: NULL refused");
    err = virGetLastError();
    is_str(err ? err->message : NULL,
           "cb in virConnectRegisterCloseCallback must not be NULL",
           "close callback: NULL refused with libvirt's message");
    is_int(virConnectRegisterCloseCallback(conn, closeCb, NULL, closeFree), 0,
           "close callback: register before close");
    virConnectClose(conn);
    is_int(closeFreed, 0, "close callback: freecb never called");
}


/* The driver is asked for a parent only when the handle has none. */
static void
checkNodeDeviceNoParent(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNodeDevicePtr dev = virNodeDeviceLookupByName(conn, "computer");
    virErrorPtr err;

    ok(virNodeDeviceGetParent(dev) == NULL, "computer has no parent");
    err = virGetLastError();
    is_str(err ? err->message : NULL,
           "internal error: no parent for this device",
           "no parent: libvirt's error");
    is_int(err ? err->domain : -1, VIR_FROM_TEST, "no parent: from the test driver");
    virNodeDeviceFree(dev);
    virConnectClose(conn);
}


int
main(void)
{
    virConnectPtr conn;

    setenv("LIBVIRT_DEFAULT_URI", "", 1);
    virSetErrorFunc(NULL, quietErrors);
    if (virEventRegisterDefaultImpl() < 0) {
        ok(0, "virEventRegisterDefaultImpl: %s", virGetLastErrorMessage());
        return tap_done();
    }
    events = g_ptr_array_new_with_free_func(g_free);
    expected = testExpectedLoad(DATADIR "/expected.txt", substDatadir);

    scenarioOpen();
    if (!(conn = virConnectOpen("test:///default"))) {
        ok(0, "open test:///default: %s", virGetLastErrorMessage());
        return tap_done();
    }
    scenarioHost(conn);
    scenarioDomains(conn);
    scenarioLifecycle(conn);
    scenarioNetworks(conn);
    scenarioStorage(conn);
    scenarioInterfaces(conn);
    scenarioNodeDevices(conn);
    scenarioStats(conn);
    scenarioObjectEvents(conn);
    is_int(virConnectClose(conn), 0, "default connection freed on close");

    conn = virConnectOpen("test:///default");
    {
        virDomainPtr dom = virDomainLookupByName(conn, "test");
        g_autofree char *st = stateText(dom);
        check("reset.state", st);
        virDomainFree(dom);
    }
    if (!virDomainLookupByName(conn, "act"))
        checkErr("reset.foo");
    virConnectClose(conn);

    scenarioFile();

    checkSharedDefault();
    checkEventEdgeCases();
    checkThreads();
    checkCloseCallbacks();
    checkNodeDeviceNoParent();

    /* Let removed timers release what they hold. */
    runLoop();
    g_ptr_array_free(events, TRUE);
    g_hash_table_destroy(expected);
    return tap_done();
}
