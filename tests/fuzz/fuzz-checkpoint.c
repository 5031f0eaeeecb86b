/* fuzz-checkpoint.c: the <domaincheckpoint> XML parser and formatter.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Byte 0 picks the flags: bit 0 parses as a redefinition, bit 1 aligns
 * the disks against a fixed four-disk domain (the checkpoint's own
 * <domain> when it has one), bit 2 formats securely.  The rest is the
 * document, as the test driver hands it over.  When it parses, it must
 * format; that output must be accepted as a redefinition, and one more
 * round must give the same text.
 */
#include <config.h>

#include "conf/checkpoint_conf.h"
#include "test/test_driver.h"
#include "util/virerror.h"
#include "fuzz.h"

static const char fuzzDomainXML[] =
    "<domain type='test'><name>d1</name>"
    "<uuid>788c1000-0c7e-4677-ba4e-0962791d9a38</uuid>"
    "<memory>1024</memory><os><type>hvm</type></os><devices>"
    "<disk type='file' device='disk'><source file='/a.img'/>"
    "<target dev='vda' bus='virtio'/></disk>"
    "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/>"
    "<readonly/></disk>"
    "<disk type='file' device='disk'><source file='/b.img'/>"
    "<target dev='vdb' bus='virtio'/><readonly/></disk>"
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
    g_autoptr(virCheckpointDef) def =
        virCheckpointDefParseString(xml, testDomainXMLOption(),
                                    VIR_CHECKPOINT_PARSE_REDEFINE);

    if (!def) {
        fprintf(stderr, "--- our output:\n%s---\n", xml);
        fuzzFail("%s: our own output is rejected: %s", what,
                 fuzzLastMessage());
    }
    return virCheckpointDefFormat(def, fmt);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *xml = NULL;
    g_autoptr(virCheckpointDef) def = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autofree char *third = NULL;
    unsigned int parse = 0;
    unsigned int fmt = VIR_CHECKPOINT_FORMAT_SIZE;

    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    if (data[0] & 1)
        parse |= VIR_CHECKPOINT_PARSE_REDEFINE;
    if (data[0] & 4)
        fmt |= VIR_CHECKPOINT_FORMAT_SECURE;
    xml = fuzzString(data + 1, size - 1);

    if (!(def = virCheckpointDefParseString(xml, testDomainXMLOption(),
                                            parse))) {
        if (!virErrorIsSet())
            fuzzFail("a rejected checkpoint sets no error");
        virResetLastError();
        return 0;
    }
    if (data[0] & 2) {
        if (virCheckpointAlignDisks(def, def->dom ? def->dom : fuzzDomain) < 0) {
            if (!virErrorIsSet())
                fuzzFail("disk alignment fails without an error");
            virResetLastError();
            return 0;
        }
    }

    /* A creation time of 0 is not written out, and then not accepted
     * back (libvirt 9.0 does the same): not our invariant to check. */
    if (def->creationTime == 0)
        def->creationTime = 1;
    /* the other formats must work too */
    g_free(virCheckpointDefFormat(def, VIR_CHECKPOINT_FORMAT_NO_DOMAIN));
    if (!(first = virCheckpointDefFormat(def, fmt)))
        fuzzFail("a parsed checkpoint does not format: %s", fuzzLastMessage());
    second = fuzzRoundTrip(first, fmt, "first re-parse");
    third = fuzzRoundTrip(second, fmt, "second re-parse");
    fuzzSameText("format -> parse -> format is stable", second, third);
    return 0;
}
