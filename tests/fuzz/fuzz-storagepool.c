/* fuzz-storagepool.c: the storage <pool> XML parser and formatter.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A document that parses must format (live and inactive), our output must
 * parse again, and the second round must give the same text.
 */
#include <config.h>

#include "conf/storage_conf.h"
#include "util/virerror.h"
#include "fuzz.h"


static const char *
fuzzLastMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    return err && err->message ? err->message : "(no error set)";
}


static char *
fuzzRoundTrip(const char *xml, const char *what)
{
    g_autoptr(virStoragePoolDef) def = virStoragePoolDefParseString(xml, 0);

    if (!def) {
        fprintf(stderr, "--- our output:\n%s---\n", xml);
        fuzzFail("%s: our own output is rejected: %s", what,
                 fuzzLastMessage());
    }
    return virStoragePoolDefFormat(def, 0);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *xml = NULL;
    g_autoptr(virStoragePoolDef) def = NULL;
    g_autofree char *first = NULL;
    g_autofree char *inactive = NULL;
    g_autofree char *second = NULL;
    g_autofree char *third = NULL;

    if (size > FUZZ_MAX_INPUT)
        return 0;
    xml = fuzzString(data, size);
    if (!(def = virStoragePoolDefParseString(xml, 0))) {
        virResetLastError();
        return 0;
    }

    first = virStoragePoolDefFormat(def, 0);
    inactive = virStoragePoolDefFormat(def, VIR_STORAGE_XML_INACTIVE);
    if (!first || !inactive)
        fuzzFail("a parsed pool does not format: %s", fuzzLastMessage());

    second = fuzzRoundTrip(first, "first re-parse");
    third = fuzzRoundTrip(second, "second re-parse");
    fuzzSameText("format -> parse -> format is stable", second, third);
    return 0;
}
