/* fuzz-domain.c: the domain XML parser and formatter.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The input is a <domain> document, defined the way the test driver does
 * it (inactive, arch i686 when none is given, interfaces named).  When it
 * parses:
 *   - every format flavour runs (inactive, live, secure, migratable);
 *   - a copy formats like the original;
 *   - our own output must parse again, and one more round must give the
 *     same text: the first re-parse may still move devices around (libvirt
 *     sorts disks and controllers when it reads), the second may not.
 */
#include <config.h>

#include "conf/domain_conf.h"
#include "util/virerror.h"
#include "fuzz.h"

static int
fuzzPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED,
              void *opaque G_GNUC_UNUSED)
{
    if (!def->os.arch)
        def->os.arch = g_strdup("i686");
    return 0;
}

static const virDomainXMLOption fuzzXMLOpt = {
    .postParse = fuzzPostParse,
};

#define FUZZ_FORMAT_SAVED \
    (VIR_DOMAIN_DEF_FORMAT_SECURE | VIR_DOMAIN_DEF_FORMAT_INACTIVE)


static const char *
fuzzLastMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    return err && err->message ? err->message : "(no error set)";
}


static virDomainDef *
fuzzDefine(const char *xml)
{
    virDomainDef *def = virDomainDefParseStringFull(xml, &fuzzXMLOpt,
                                                    VIR_DOMAIN_DEF_PARSE_INACTIVE);

    if (def)
        virDomainDefGenerateIfnames(def, "testnet");
    return def;
}


/* Define our own output again; it must be accepted. */
static char *
fuzzRoundTrip(const char *xml, const char *what)
{
    g_autoptr(virDomainDef) def = fuzzDefine(xml);

    if (!def) {
        fprintf(stderr, "--- our output:\n%s---\n", xml);
        fuzzFail("%s: our own output is rejected: %s", what,
                 fuzzLastMessage());
    }
    return virDomainDefFormat(def, FUZZ_FORMAT_SAVED);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *xml = NULL;
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(virDomainDef) copy = NULL;
    g_autofree char *saved = NULL;
    g_autofree char *live = NULL;
    g_autofree char *secure = NULL;
    g_autofree char *migratable = NULL;
    g_autofree char *copied = NULL;
    g_autofree char *second = NULL;
    g_autofree char *third = NULL;

    if (size > FUZZ_MAX_INPUT)
        return 0;
    xml = fuzzString(data, size);
    if (!(def = fuzzDefine(xml))) {
        virResetLastError();
        return 0;
    }

    saved = virDomainDefFormat(def, FUZZ_FORMAT_SAVED);
    def->id = 1;
    live = virDomainDefFormat(def, 0);
    secure = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE);
    migratable = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_MIGRATABLE |
                                         VIR_DOMAIN_DEF_FORMAT_UPDATE_CPU);
    if (!saved || !live || !secure || !migratable)
        fuzzFail("a parsed definition does not format: %s", fuzzLastMessage());

    if (!(copy = virDomainDefCopy(def))) {
        fprintf(stderr, "--- our output:\n%s---\n", secure);
        fuzzFail("a parsed definition does not copy: %s", fuzzLastMessage());
    }
    copied = virDomainDefFormat(copy, VIR_DOMAIN_DEF_FORMAT_SECURE);
    fuzzSameText("copy formats like the original", secure, copied);

    second = fuzzRoundTrip(saved, "first re-parse");
    third = fuzzRoundTrip(second, "second re-parse");
    fuzzSameText("format -> parse -> format is stable", second, third);
    return 0;
}
