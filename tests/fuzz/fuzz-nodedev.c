/* fuzz-nodedev.c: the node device (<device>) XML parser and formatter.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A document that parses must format, our output must parse again, and the
 * second round must give the same text.
 */
#include <config.h>

#include "conf/node_device_conf.h"
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
    g_autoptr(virNodeDeviceDef) def = virNodeDeviceDefParseString(xml, 0);

    if (!def) {
        fprintf(stderr, "--- our output:\n%s---\n", xml);
        fuzzFail("%s: our own output is rejected: %s", what,
                 fuzzLastMessage());
    }
    return virNodeDeviceDefFormat(def);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *xml = NULL;
    g_autoptr(virNodeDeviceDef) def = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autofree char *third = NULL;

    if (size > FUZZ_MAX_INPUT)
        return 0;
    xml = fuzzString(data, size);
    if (!(def = virNodeDeviceDefParseString(xml, 0))) {
        virResetLastError();
        return 0;
    }

    if (!(first = virNodeDeviceDefFormat(def)))
        fuzzFail("a parsed device does not format: %s", fuzzLastMessage());

    second = fuzzRoundTrip(first, "first re-parse");
    third = fuzzRoundTrip(second, "second re-parse");
    fuzzSameText("format -> parse -> format is stable", second, third);
    return 0;
}
