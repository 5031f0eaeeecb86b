/* test-driver-fidelity-test.c: behaviours of the test driver and of the
 * public entry points that libvirt 9.0 shows on test:///default: metadata
 * change events, migration refused by a host that cannot migrate, event
 * registration without an event loop, tunables' counts answered first.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every expected value is what libvirt 9.0 answered to the same call
 * (observed with python3-libvirt); the program passes on Debian's
 * libvirt.so.0 too:
 *   gcc -include /dev/null -o /tmp/t tests/test-driver-fidelity-test.c \
 *       $(pkg-config --cflags --libs glib-2.0 libvirt)
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tap.h"

/* The generic callback types, through void (*)(void): the change of type
 * is intended (libvirt calls each with its own signature). */
#define DOM_CB(f) \
    ((virConnectDomainEventGenericCallback)(void (*)(void))(f))
#define NET_CB(f) \
    ((virConnectNetworkEventGenericCallback)(void (*)(void))(f))

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


/* "OK" or "code domain message" of the error the call raised. */
static char *
outcome(int rc)
{
    virErrorPtr err;

    if (rc >= 0)
        return g_strdup("OK");
    err = virGetLastError();
    if (!err)
        return g_strdup("(no error)");
    return g_strdup_printf("%d %d %s", err->code, err->domain,
                           err->message ? err->message : "");
}


static int
lifecycleCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom G_GNUC_UNUSED,
            int event G_GNUC_UNUSED, int detail G_GNUC_UNUSED,
            void *opaque G_GNUC_UNUSED)
{
    return 0;
}


static void
netCb(virConnectPtr conn G_GNUC_UNUSED, virNetworkPtr net G_GNUC_UNUSED,
      int event G_GNUC_UNUSED, int detail G_GNUC_UNUSED,
      void *opaque G_GNUC_UNUSED)
{
}


/* Before any event loop is registered, every kind of registration is
 * refused (libvirt cannot arm the timer that delivers its events). */
static void
testNoEventLoop(const char *uri)
{
    virConnectPtr conn = virConnectOpen(uri);
    const char *want = "1 0 internal error: could not initialize domain "
                       "event timer";
    g_autofree char *any = NULL;
    g_autofree char *legacy = NULL;
    g_autofree char *net = NULL;

    any = outcome(virConnectDomainEventRegisterAny(
                      conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                      DOM_CB(lifecycleCb), NULL, NULL));
    is_str(any, want, "no event loop: domain event refused");
    legacy = outcome(virConnectDomainEventRegister(conn, lifecycleCb, NULL,
                                                   NULL));
    is_str(legacy, want, "no event loop: legacy domain event refused");
    net = outcome(virConnectNetworkEventRegisterAny(
                      conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                      NET_CB(netCb), NULL, NULL));
    is_str(net, want, "no event loop: network event refused");
    virConnectClose(conn);
}


static GString *seen;

static void
metadataCb(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int type,
           const char *nsuri, void *opaque G_GNUC_UNUSED)
{
    g_string_append_printf(seen, "%s:%d:%s;", virDomainGetName(dom), type,
                           nsuri ? nsuri : "-");
}


static void
tick(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


/* Run the loop until an event came (at most 2 s: through a daemon it
 * comes later), or for a while when none is expected. */
static void
drain(bool expect)
{
    int t = virEventAddTimeout(20, tick, NULL, NULL);
    int i;

    for (i = 0; i < (expect ? 100 : 10); i++) {
        if (expect && seen->len > 0)
            break;
        virEventRunDefaultImpl();
    }
    virEventRemoveTimeout(t);
}


static void
checkMetadata(virDomainPtr dom, int type, const char *metadata,
              const char *key, const char *uri, unsigned int flags,
              const char *wantRc, const char *wantEvents, const char *what)
{
    g_autofree char *rc = NULL;

    g_string_truncate(seen, 0);
    rc = outcome(virDomainSetMetadata(dom, type, metadata, key, uri, flags));
    drain(*wantEvents != '\0');
    is_str(rc, wantRc, "metadata %s: result", what);
    is_str(seen->str, wantEvents, "metadata %s: events", what);
}


static void
checkGetMetadata(virDomainPtr dom, int type, const char *uri,
                 const char *want, const char *what)
{
    g_autofree char *text = virDomainGetMetadata(dom, type, uri, 0);
    g_autofree char *err = text ? NULL : outcome(-1);

    is_str(text ? text : err, want, "get metadata: %s", what);
}


static void
testMetadataEvents(virConnectPtr conn, virDomainPtr dom)
{
    int id;

    seen = g_string_new(NULL);
    id = virConnectDomainEventRegisterAny(
             conn, NULL, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
             DOM_CB(metadataCb), NULL, NULL);
    ok(id >= 0, "metadata change callback registered");

    checkMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "hello", NULL, NULL, 0,
                  "OK", "test:1:-;", "title");
    checkMetadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, "words", NULL, NULL,
                  VIR_DOMAIN_AFFECT_CONFIG, "OK", "test:0:-;",
                  "description (config)");
    checkMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<a/>", "k", "http://x/",
                  VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, "OK",
                  "test:2:http://x/;", "element (live and config)");
    checkMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, NULL, NULL, "http://x/",
                  0, "OK", "test:2:http://x/;", "element removed");
    checkMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "a\nb", NULL, NULL, 0,
                  "8 20 metadata title can't contain newlines", "",
                  "bad title");
    checkMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "x", "k", NULL, 0,
                  "8 20 key in virDomainSetMetadata must be NULL", "",
                  "title with a key");
    checkMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<a/>", "k", NULL, 0,
                  "8 20 uri in virDomainSetMetadata must not be NULL", "",
                  "element without uri");
    checkMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<a/>", "1k", "http://x/",
                  0, "1 5 internal error: failed to validate prefix for a new "
                  "XML namespace", "", "element with a bad prefix");
    checkMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "", "k", "http://x/", 0,
                  "35 20 (metadata_xml):1: Document is empty\n(null)\n^", "",
                  "empty element");
    checkMetadata(dom, 7, "x", NULL, NULL, 0,
                  "8 20 invalid argument: unknown metadata type '7'", "",
                  "unknown type");
    /* libvirt lets a negative type through: nothing changes */
    checkMetadata(dom, -1, "x", NULL, NULL, 0, "OK", "test:-1:-;",
                  "negative type");
    checkMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT,
                  "<c xmlns:q='http://q/'><q:d/><e/></c>", "k", "http://x/",
                  0, "OK", "test:2:http://x/;", "nested element");
    checkGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "http://x/",
                     "<c xmlns:q=\"http://q/\">\n  <q:d/>\n  <e/>\n</c>",
                     "element handed back indented, without its namespace");
    checkGetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "http://x/",
                     "8 20 uri in virDomainGetMetadata must be NULL",
                     "title asked with a uri");
    checkGetMetadata(dom, -1, NULL, "80 20 metadata not found: Requested "
                     "metadata element is not present", "negative type");

    virConnectDomainEventDeregisterAny(conn, id);
    g_string_free(seen, TRUE);
}


static void
checkMigrate(const char *what, int rc, const char *want)
{
    g_autofree char *got = outcome(rc);

    is_str(got, want, "migrate %s", what);
}


/* A host that cannot migrate says which kind of migration it lacks. */
static void
testMigrationErrors(virConnectPtr conn, virDomainPtr dom)
{
    const char *offline = "74 20 argument unsupported: offline migration "
                          "is not supported by the source host";
    const char *p2p = "74 20 argument unsupported: p2p migration is not "
                      "supported by the source host";
    const char *direct = "74 20 argument unsupported: direct migration is "
                         "not supported by the source host";

    checkMigrate("uri3",
                 virDomainMigrateToURI3(dom, "test:///default", NULL, 0, 0),
                 direct);
    checkMigrate("uri3 p2p",
                 virDomainMigrateToURI3(dom, NULL, NULL, 0,
                                        VIR_MIGRATE_PEER2PEER), p2p);
    checkMigrate("uri3 offline p2p",
                 virDomainMigrateToURI3(dom, "x", NULL, 0,
                                        VIR_MIGRATE_OFFLINE |
                                        VIR_MIGRATE_PEER2PEER), offline);
    checkMigrate("uri", virDomainMigrateToURI(dom, "x", 0, NULL, 0), direct);
    checkMigrate("uri p2p",
                 virDomainMigrateToURI(dom, "x", VIR_MIGRATE_PEER2PEER, NULL,
                                       0), p2p);
    checkMigrate("uri2",
                 virDomainMigrateToURI2(dom, NULL, NULL, NULL, 0, NULL, 0),
                 direct);
    checkMigrate("uri2 offline",
                 virDomainMigrateToURI2(dom, "x", NULL, NULL,
                                        VIR_MIGRATE_OFFLINE, NULL, 0),
                 offline);
    checkMigrate("migrate",
                 virDomainMigrate(dom, conn, 0, NULL, NULL, 0) ? 0 : -1,
                 "3 20 this function is not supported by the connection "
                 "driver: virDomainMigrate");
    checkMigrate("migrate offline",
                 virDomainMigrate(dom, conn, VIR_MIGRATE_OFFLINE, NULL, NULL,
                                  0) ? 0 : -1, offline);
    checkMigrate("migrate tunnelled",
                 virDomainMigrate(dom, conn, VIR_MIGRATE_TUNNELLED, NULL, NULL,
                                  0) ? 0 : -1,
                 "55 20 Requested operation is not valid: cannot perform "
                 "tunnelled migration without using peer2peer flag");
    checkMigrate("migrate2 change protection",
                 virDomainMigrate2(dom, conn, NULL,
                                   VIR_MIGRATE_CHANGE_PROTECTION |
                                   VIR_MIGRATE_TUNNELLED, NULL, NULL, 0)
                 ? 0 : -1,
                 "74 20 argument unsupported: cannot enforce change "
                 "protection");
    checkMigrate("migrate3 p2p",
                 virDomainMigrate3(dom, conn, NULL, 0, VIR_MIGRATE_PEER2PEER |
                                   VIR_MIGRATE_OFFLINE) ? 0 : -1,
                 "8 20 use virDomainMigrateToURI3 for peer-to-peer migration");
}


/* A count asked for with *n = 0 (the macro sets it before the call). */
#define checkCount(what, want, call, n) \
    do { \
        *(n) = 0; \
        is_int((call), 0, "%s: count answered", what); \
        is_int(*(n), want, "%s: the count is %d", what, want); \
    } while (0)

/* Asked for a count (nparams 0), the test driver answers before it looks
 * at the domain, the flags' consistency or the device; with room for the
 * values the device must exist. */
static void
testParameterCounts(virConnectPtr conn, virDomainPtr dom)
{
    virTypedParameter params[7];
    virDomainPtr gone;
    g_autofree char *got = NULL;
    int n = 0;

    is_int(virDomainGetInterfaceParameters(dom, "nosuch", NULL, &n, 0), 0,
           "interface parameters: count for an unknown device");
    is_int(n, 7, "interface parameters: the count is 7");
    n = 0;
    is_int(virDomainGetInterfaceParameters(dom, "nosuch", NULL, &n,
                                           VIR_DOMAIN_AFFECT_LIVE |
                                           VIR_DOMAIN_AFFECT_CONFIG), 0,
           "interface parameters: count with LIVE|CONFIG");
    is_int(n, 7, "interface parameters: count with LIVE|CONFIG is 7");
    /* Unknown flags still fail first (in libvirt its test driver refuses
     * them, in virtkit the entry point: the function named differs). */
    n = 0;
    got = outcome(virDomainGetInterfaceParameters(dom, "nosuch", NULL, &n,
                                                  1U << 5));
    ok(g_str_has_prefix(got, "8 ") &&
       strstr(got, " unsupported flags (0x20) in function "),
       "interface parameters: count with an unknown flag fails (%s)", got);
    g_clear_pointer(&got, g_free);

    memset(params, 0, sizeof(params));
    n = 7;
    got = outcome(virDomainGetInterfaceParameters(dom, "nosuch", params, &n,
                                                  0));
    is_str(got, "8 20 invalid argument: 'nosuch' is not a known interface",
           "interface parameters: values of an unknown device");
    g_clear_pointer(&got, g_free);

    /* A domain that no longer exists still gets the counts, for every
     * kind of tunables (a disk name is not looked at either). */
    gone = virDomainDefineXML(conn, "<domain type='test'><name>fid2gone"
                              "</name><memory>1024</memory><os><type>hvm"
                              "</type></os></domain>");
    if (gone && virDomainUndefine(gone) == 0) {
        checkCount("interface", 7,
                   virDomainGetInterfaceParameters(gone, "x", NULL, &n, 0),
                   &n);
        checkCount("memory", 3,
                   virDomainGetMemoryParameters(gone, NULL, &n, 0), &n);
        checkCount("blkio", 6,
                   virDomainGetBlkioParameters(gone, NULL, &n, 0), &n);
        checkCount("numa", 2,
                   virDomainGetNumaParameters(gone, NULL, &n, 0), &n);
        checkCount("block I/O tune", 20,
                   virDomainGetBlockIoTune(gone, NULL, NULL, &n, 0), &n);
    } else {
        ok(0, "define and undefine a domain");
    }
    if (gone)
        virDomainFree(gone);
    checkCount("block I/O tune of an unknown disk", 20,
               virDomainGetBlockIoTune(dom, "nosuch", NULL, &n, 0), &n);
}


/* The URI is test:///default, or in $FIDELITY_URI the same host through
 * a daemon (tests/test-driver-fidelity.sh). */
int
main(void)
{
    const char *uri = getenv("FIDELITY_URI");
    virConnectPtr conn;
    virDomainPtr dom;

    if (!uri)
        uri = "test:///default";
    virSetErrorFunc(NULL, quiet);
    testNoEventLoop(uri);

    if (virEventRegisterDefaultImpl() < 0 ||
        !(conn = virConnectOpen(uri)) ||
        !(dom = virDomainLookupByName(conn, "test"))) {
        printf("Bail out! cannot open %s\n", uri);
        return 1;
    }
    testMetadataEvents(conn, dom);
    testMigrationErrors(conn, dom);
    testParameterCounts(conn, dom);

    virDomainFree(dom);
    virConnectClose(conn);
    return tap_done();
}
