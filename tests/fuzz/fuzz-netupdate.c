/* fuzz-netupdate.c: virNetworkDefUpdateSection, the parser of
 * virNetworkUpdate's XML snippets, applied to a fixed network.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Input layout:
 *   byte 0   the command (modify, delete, add-last, add-first), modulo 5
 *            so that 0 (none) is tried too;
 *   byte 1   the section, modulo 14 (0 and 13 are invalid);
 *   byte 2   the parent index: 255 is -1 (any), else the value modulo 4;
 *   the rest the snippet, as virNetworkUpdate's xml argument.
 * A refused update must set an error.  An accepted one must leave a
 * network that formats, parses again and whose second round is a fixed
 * point.
 */
#include <config.h>

#include "conf/network_conf.h"
#include "util/virerror.h"
#include "fuzz.h"

/* every section has something to modify or delete */
static const char fuzzNetworkXML[] =
    "<network><name>default</name>"
    "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>"
    "<forward mode='nat' dev='eth0'><interface dev='eth0'/></forward>"
    "<bridge name='virbr0' stp='on' delay='0'/>"
    "<domain name='example.org'/>"
    "<dns><txt name='t1' value='v1'/>"
    "<host ip='192.168.122.2'><hostname>h1</hostname></host>"
    "<srv service='name' protocol='tcp' domain='x.org' target='t.x.org' "
    "port='1' priority='10' weight='10'/></dns>"
    "<portgroup name='pg1' default='yes'/><portgroup name='pg2'/>"
    "<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>"
    "<range start='192.168.122.2' end='192.168.122.254'/>"
    "<host mac='00:16:3e:77:e2:ed' name='foo' ip='192.168.122.10'/>"
    "</dhcp></ip>"
    "<ip family='ipv6' address='2001:db8:ca2:2::1' prefix='64'><dhcp>"
    "<range start='2001:db8:ca2:2:1::10' end='2001:db8:ca2:2:1::ff'/>"
    "<host name='v6' ip='2001:db8:ca2:2:3::1'/></dhcp></ip>"
    "</network>";


static const char *
fuzzLastMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    return err && err->message ? err->message : "(no error set)";
}


static char *
fuzzRoundTrip(const char *xml, const char *what)
{
    g_autoptr(virNetworkDef) def = virNetworkDefParseString(xml, 0);

    if (!def) {
        fprintf(stderr, "--- our output:\n%s---\n", xml);
        fuzzFail("%s: our own output is rejected: %s", what,
                 fuzzLastMessage());
    }
    return virNetworkDefFormat(def, 0);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(virNetworkDef) def = NULL;
    g_autofree char *xml = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;
    g_autofree char *third = NULL;
    unsigned int command;
    unsigned int section;
    int parentIndex;

    if (size < 3 || size > FUZZ_MAX_INPUT)
        return 0;
    command = data[0] % 5;
    section = data[1] % 14;
    parentIndex = data[2] == 255 ? -1 : data[2] % 4;
    xml = fuzzString(data + 3, size - 3);

    if (!(def = virNetworkDefParseString(fuzzNetworkXML, 0)))
        fuzzFail("the fixed network does not parse: %s", fuzzLastMessage());

    if (virNetworkDefUpdateSection(def, command, section, parentIndex,
                                   xml) < 0) {
        if (!virErrorIsSet())
            fuzzFail("a refused update sets no error");
        virResetLastError();
        return 0;
    }

    if (!(first = virNetworkDefFormat(def, 0)))
        fuzzFail("an updated network does not format: %s", fuzzLastMessage());
    g_free(virNetworkDefFormat(def, VIR_NETWORK_XML_INACTIVE));
    second = fuzzRoundTrip(first, "first re-parse");
    third = fuzzRoundTrip(second, "second re-parse");
    fuzzSameText("format -> parse -> format is stable", second, third);
    return 0;
}
