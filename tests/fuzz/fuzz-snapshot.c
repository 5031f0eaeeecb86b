/* fuzz-snapshot.c: the <domainsnapshot> XML parser and formatter (the
 * test driver's, src/test/test_snapshot_conf.c).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Byte 0 picks the flags: bit 0 parses as a redefinition, bit 1 as saved
 * state (<active> read), bit 2 aligns the disks against a fixed domain
 * (the snapshot's own <domain> when it has one) with bits 4-5 choosing
 * the default location, bit 3 formats securely.  The rest is the
 * document.  When it parses, it must format (with <active>); that output
 * must parse again as saved state, and one more round must give the same
 * text.
 */
#include <config.h>

#include "test/test_snapshot_conf.h"
#include "test/test_driver.h"
#include "util/virerror.h"
#include "fuzz.h"

#define FUZZ_UUID "788c1000-0c7e-4677-ba4e-0962791d9a38"

static const char fuzzDomainXML[] =
    "<domain type='test'><name>d1</name><uuid>" FUZZ_UUID "</uuid>"
    "<memory>1024</memory><os><type>hvm</type></os><devices>"
    "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
    "<source file='/a.qcow2'/><target dev='vda' bus='virtio'/></disk>"
    "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/>"
    "<readonly/></disk>"
    "<disk type='block' device='disk'><source dev='/dev/sdx'/>"
    "<target dev='vdc' bus='virtio'/></disk>"
    "</devices></domain>";

static virDomainDef *fuzzDomain;


int
LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzzDomain = virDomainDefParseStringFull(fuzzDomainXML,
                                             testDomainXMLOption(),
                                             VIR_DOMAIN_DEF_PARSE_INACTIVE);
    if (!fuzzDomain)
        fuzzFail("the fixed domain does not parse");
    return 0;
}


static const char *
fuzzLastMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    return err && err->message ? err->message : "(no error set)";
}


static char *
fuzzRoundTrip(const char *xml, unsigned int fmt, const char *what)
{
    g_autoptr(testSnapshotDef) def =
        testSnapshotDefParseString(xml, testDomainXMLOption(),
                                   TEST_SNAPSHOT_PARSE_REDEFINE |
                                   TEST_SNAPSHOT_PARSE_INTERNAL);

    if (!def) {
        fprintf(stderr, "--- our output:\n%s---\n", xml);
        fuzzFail("%s: our own output is rejected: %s", what,
                 fuzzLastMessage());
    }
    return testSnapshotDefFormat(def, FUZZ_UUID, fmt);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int locations[] = {
        TEST_SNAPSHOT_LOCATION_NO, TEST_SNAPSHOT_LOCATION_INTERNAL,
        TEST_SNAPSHOT_LOCATION_EXTERNAL, TEST_SNAPSHOT_LOCATION_MANUAL,
    };
    g_autofree char *xml = NULL;
    g_autoptr(testSnapshotDef) def = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autofree char *third = NULL;
    unsigned int parse = 0;
    unsigned int fmt = TEST_SNAPSHOT_FORMAT_INTERNAL;

    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    if (data[0] & 1)
        parse |= TEST_SNAPSHOT_PARSE_REDEFINE;
    if (data[0] & 2)
        parse |= TEST_SNAPSHOT_PARSE_INTERNAL;
    if (data[0] & 8)
        fmt |= TEST_SNAPSHOT_FORMAT_SECURE;
    xml = fuzzString(data + 1, size - 1);

    if (!(def = testSnapshotDefParseString(xml, testDomainXMLOption(),
                                           parse))) {
        if (!virErrorIsSet())
            fuzzFail("a rejected snapshot sets no error");
        virResetLastError();
        return 0;
    }
    if (data[0] & 4) {
        int loc = locations[(data[0] >> 4) & 3];

        if (testSnapshotAlignDisks(def, fuzzDomain, loc,
                                   loc == TEST_SNAPSHOT_LOCATION_INTERNAL) < 0) {
            if (!virErrorIsSet())
                fuzzFail("disk alignment fails without an error");
            virResetLastError();
            return 0;
        }
    }
    (void)testSnapshotDefIsExternal(def);
    /* A creation time of 0 is not written out, and then not accepted
     * back (libvirt 9.0 does the same): not our invariant to check. */
    if (def->creationTime == 0)
        def->creationTime = 1;
    /* the driver gives a new snapshot the domain's state */
    if (!def->state)
        def->state = def->memory == TEST_SNAPSHOT_LOCATION_INTERNAL ||
                     def->memory == TEST_SNAPSHOT_LOCATION_EXTERNAL ?
                     VIR_DOMAIN_RUNNING : VIR_DOMAIN_SHUTOFF;

    g_free(testSnapshotDefFormat(def, NULL, TEST_SNAPSHOT_FORMAT_CURRENT));
    if (!(first = testSnapshotDefFormat(def, FUZZ_UUID, fmt)))
        fuzzFail("a parsed snapshot does not format: %s", fuzzLastMessage());
    second = fuzzRoundTrip(first, fmt, "first re-parse");
    third = fuzzRoundTrip(second, fmt, "second re-parse");
    fuzzSameText("format -> parse -> format is stable", second, third);
    return 0;
}
