/* conf-domain-test.c: domain XML parse/format against libvirt 9.0's output.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * tests/data/domain/NAME.xml is defined the way libvirt's test driver does
 * it (see regen.py there, which recorded the expected files with the real
 * libvirt):
 *   NAME.out-inactive.xml  format(INACTIVE) after define
 *   NAME.out.xml           format(0) while running as id 1
 *   NAME.out-secure.xml    format(SECURE) while running (if it differs)
 *   NAME.out-reparse.xml   the inactive output defined again (if it differs)
 * NAME-bad.xml must fail with NAME-bad.err ("CODE DOMAIN\nMESSAGE\n").
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "conf/domain_conf.h"
#include "util/virerror.h"
#include "tap.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif

/* What libvirt's test driver adds when parsing: the only guest arch its
 * capabilities offer. */
static int
testPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED,
              void *opaque G_GNUC_UNUSED)
{
    if (!def->os.arch)
        def->os.arch = g_strdup("i686");
    return 0;
}

static const virDomainXMLOption testXMLOpt = {
    .postParse = testPostParse,
};


/* Parse + name interfaces, as the test driver's define does. */
static virDomainDef *
testDefine(const char *xml)
{
    virDomainDef *def = virDomainDefParseStringFull(xml, &testXMLOpt,
                                                    VIR_DOMAIN_DEF_PARSE_INACTIVE);

    if (def)
        virDomainDefGenerateIfnames(def, "testnet");
    return def;
}


static char *
testRead(const char *dir, const char *name, const char *suffix)
{
    g_autofree char *path = g_strdup_printf("%s/%s%s", dir, name, suffix);
    char *data = NULL;

    if (!g_file_get_contents(path, &data, NULL, NULL))
        return NULL;
    return data;
}


static void
testDiff(const char *got, const char *want)
{
    g_auto(GStrv) g = g_strsplit(got ? got : "", "\n", -1);
    g_auto(GStrv) w = g_strsplit(want ? want : "", "\n", -1);
    size_t i;

    for (i = 0; g[i] || w[i]; i++) {
        if (!g[i] || !w[i] || strcmp(g[i], w[i]) != 0) {
            tap_diag("first difference at line %zu:", i + 1);
            tap_diag("  got:  %s", g[i] ? g[i] : "(end)");
            tap_diag("  want: %s", w[i] ? w[i] : "(end)");
            return;
        }
    }
}


static void
testCompare(const char *what, const char *name, const char *got,
            const char *want)
{
    bool same = got && want && strcmp(got, want) == 0;

    ok(same, "%s: %s", name, what);
    if (!same)
        testDiff(got, want);
}


static const char *
testLastMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    return err->message ? err->message : "(no error set)";
}


static void
testPositive(const char *dir, const char *name)
{
    g_autofree char *xml = testRead(dir, name, ".xml");
    g_autofree char *wantInactive = testRead(dir, name, ".out-inactive.xml");
    g_autofree char *wantLive = testRead(dir, name, ".out.xml");
    g_autofree char *wantSecure = testRead(dir, name, ".out-secure.xml");
    g_autofree char *wantReparse = testRead(dir, name, ".out-reparse.xml");
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(virDomainDef) def2 = NULL;
    g_autoptr(virDomainDef) copy = NULL;
    g_autofree char *inactive = NULL;
    g_autofree char *live = NULL;
    g_autofree char *secure = NULL;
    g_autofree char *again = NULL;
    g_autofree char *copied = NULL;

    if (!xml || !wantInactive || !wantLive) {
        ok(0, "%s: expected files present", name);
        return;
    }

    if (!(def = testDefine(xml))) {
        ok(0, "%s: parses (%s)", name, testLastMessage());
        return;
    }

    inactive = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_INACTIVE);
    testCompare("inactive format", name, inactive, wantInactive);

    def->id = 1;
    live = virDomainDefFormat(def, 0);
    testCompare("live format", name, live, wantLive);
    secure = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE);
    testCompare("secure format", name, secure,
                wantSecure ? wantSecure : wantLive);

    /* the output defined again gives what libvirt gives */
    if (!(def2 = testDefine(inactive))) {
        ok(0, "%s: output parses again (%s)", name, testLastMessage());
    } else {
        again = virDomainDefFormat(def2, VIR_DOMAIN_DEF_FORMAT_INACTIVE);
        testCompare("format -> parse -> format", name, again,
                    wantReparse ? wantReparse : wantInactive);
    }

    /* a copy formats the same, running state included */
    if (!(copy = virDomainDefCopy(def))) {
        ok(0, "%s: copies (%s)", name, testLastMessage());
    } else {
        copied = virDomainDefFormat(copy, VIR_DOMAIN_DEF_FORMAT_SECURE);
        testCompare("copy", name, copied, secure);
    }
}


static void
testNegative(const char *dir, const char *name)
{
    g_autofree char *xml = testRead(dir, name, ".xml");
    g_autofree char *err = testRead(dir, name, ".err");
    g_autoptr(virDomainDef) def = NULL;
    const char *nl;
    int code = 0;
    int domain = 0;
    g_autofree char *message = NULL;
    virErrorPtr last;

    if (!xml || !err || sscanf(err, "%d %d", &code, &domain) != 2 ||
        !(nl = strchr(err, '\n'))) {
        ok(0, "%s: expected files present", name);
        return;
    }
    message = g_strdup(nl + 1);
    if (*message && message[strlen(message) - 1] == '\n')
        message[strlen(message) - 1] = '\0';

    virErrorClear(virErrorLastObject());
    def = testDefine(xml);
    ok(def == NULL, "%s: rejected", name);
    last = virErrorLastObject();
    is_str(last->message, message, "%s: message", name);
    ok(last->code == code && last->domain == domain,
       "%s: code %d domain %d (got %d %d)", name, code, domain,
       last->code, last->domain);
}


/* Things the expected files cannot show: random uuid and MAC. */
static void
testGenerated(void)
{
    const char *xml =
        "<domain type='test'><name>gen</name><memory>1024</memory>"
        "<os><type>hvm</type></os><devices>"
        "<interface type='network'><source network='default'/></interface>"
        "</devices></domain>";
    g_autoptr(virDomainDef) a = testDefine(xml);
    g_autoptr(virDomainDef) b = testDefine(xml);
    g_autofree char *out = NULL;

    ok(a && b, "generated: parses");
    if (!a || !b)
        return;
    ok(memcmp(a->uuid, b->uuid, VIR_UUID_BUFLEN) != 0,
       "generated: uuids differ between parses");
    ok((a->uuid[6] & 0xf0) == 0x40, "generated: uuid is version 4");
    ok(a->nets[0]->mac[0] == 0x52 && a->nets[0]->mac[1] == 0x54 &&
       a->nets[0]->mac[2] == 0x00, "generated: mac has prefix 52:54:00");
    out = virDomainDefFormat(a, VIR_DOMAIN_DEF_FORMAT_INACTIVE);
    ok(out && strstr(out, "<mac address='52:54:00:"), "generated: mac printed");
}


static void
testHelpers(void)
{
    g_autoptr(virDomainDef) def = NULL;
    g_autofree char *path = g_strdup_printf("%s/domain/minimal.xml",
                                            TEST_DATA_DIR);

    is_int(virDomainDiskNameToIndex("vda"), 0, "disk index vda");
    is_int(virDomainDiskNameToIndex("sdz"), 25, "disk index sdz");
    is_int(virDomainDiskNameToIndex("sdaa"), 26, "disk index sdaa");
    is_int(virDomainDiskNameToIndex("hd"), -1, "disk index hd");
    is_int(virDomainDiskNameToIndex("xyz"), -1, "disk index xyz");
    is_str(virDomainStateTypeToString(VIR_DOMAIN_SHUTOFF), "shutoff",
           "state shutoff");
    is_int(virDomainStateTypeFromString("paused"), VIR_DOMAIN_PAUSED,
           "state paused");
    is_str(virDomainStateReasonToString(VIR_DOMAIN_RUNNING,
                                        VIR_DOMAIN_RUNNING_BOOTED),
           "booted", "reason booted");
    is_str(virDomainVirtTypeToString(VIR_DOMAIN_VIRT_TEST), "test", "virt test");

    def = virDomainDefParseFile(path, &testXMLOpt, VIR_DOMAIN_DEF_PARSE_INACTIVE);
    ok(def && strcmp(def->name, "minimal") == 0, "parse from file");
    ok(virDomainDefParseFile("/nonexistent/x.xml", NULL, 0) == NULL,
       "parse missing file fails");
    ok(virDomainDefParseString("<domain", 0) == NULL, "garbage fails");
}


static int
testCompareNames(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}


int
main(void)
{
    g_autofree char *dir = g_strdup_printf("%s/domain", TEST_DATA_DIR);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *entry;
    size_t i;

    if (!d) {
        printf("Bail out! cannot open %s\n", dir);
        return 1;
    }
    while ((entry = g_dir_read_name(d))) {
        if (!g_str_has_suffix(entry, ".xml") || strstr(entry, ".out"))
            continue;
        g_ptr_array_add(names, g_strndup(entry, strlen(entry) - 4));
    }
    g_ptr_array_sort(names, testCompareNames);

    for (i = 0; i < names->len; i++) {
        const char *name = g_ptr_array_index(names, i);
        if (g_str_has_suffix(name, "-bad"))
            testNegative(dir, name);
        else
            testPositive(dir, name);
    }
    testGenerated();
    testHelpers();
    return tap_done();
}
