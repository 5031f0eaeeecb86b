/* test-driver-checkpoint-test.c: domain checkpoints of the test hypervisor
 * through the public API.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every expected value below was recorded from libvirt 9.0's own test
 * driver (Debian's python3-libvirt on test:///default and on
 * tests/data/testdriver/node-checkpoint.xml) with the same calls in the
 * same order; creation times are replaced by TIME before comparing.
 * libvirt lists a domain's checkpoints in hash order, which differs from
 * run to run, so whole-list orders are only compared where a walk of the
 * tree fixes them (roots, children, TOPOLOGICAL).
 */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tap.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif

typedef virDomainCheckpointPtr Ckpt;


static void
quietError(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}


/* The last error as "CODE DOMAIN message", or "none". */
static char *
lastError(void)
{
    virErrorPtr err = virGetLastError();

    if (!err)
        return g_strdup("none");
    return g_strdup_printf("%d %d %s", err->code, err->domain,
                           err->message ? err->message : "");
}


#define is_err(want, ...) \
    do { \
        g_autofree char *e_ = lastError(); \
        is_str(e_, want, __VA_ARGS__); \
        virResetLastError(); \
    } while (0)


/* creationTime values made from the clock become TIME. */
static char *
maskTime(const char *xml)
{
    g_autoptr(GRegex) re = g_regex_new("<creationTime>[0-9]{6,}</creationTime>",
                                       0, 0, NULL);

    if (!xml)
        return NULL;
    return g_regex_replace_literal(re, xml, -1, 0,
                                   "<creationTime>TIME</creationTime>", 0, NULL);
}


static char *
xmlOf(Ckpt ck, unsigned int flags)
{
    char *raw = ck ? virDomainCheckpointGetXMLDesc(ck, flags) : NULL;
    char *ret = maskTime(raw);

    free(raw);
    return ret;
}


/* Names of a checkpoint list, comma-separated; frees the list. */
static char *
joinNames(Ckpt *list, int n)
{
    g_autoptr(GString) out = g_string_new(NULL);
    int i;

    if (n < 0)
        return g_strdup("error");
    for (i = 0; i < n; i++) {
        g_string_append_printf(out, "%s%s", i ? "," : "",
                               virDomainCheckpointGetName(list[i]));
        virDomainCheckpointFree(list[i]);
    }
    free(list);
    return g_strdup(out->str);
}


static int
cmpStr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}


static char *
listAll(virDomainPtr dom, unsigned int flags, bool sort)
{
    Ckpt *list = NULL;
    int n = virDomainListAllCheckpoints(dom, &list, flags);
    g_autofree char *joined = joinNames(list, n);
    g_auto(GStrv) parts = NULL;

    if (!sort || n <= 1)
        return g_steal_pointer(&joined);
    parts = g_strsplit(joined, ",", -1);
    qsort(parts, g_strv_length(parts), sizeof(char *), cmpStr);
    return g_strjoinv(",", parts);
}


static char *
listChildren(Ckpt ck, unsigned int flags)
{
    Ckpt *list = NULL;
    int n = virDomainCheckpointListAllChildren(ck, &list, flags);

    return joinNames(list, n);
}


static char *
parentOf(Ckpt ck)
{
    Ckpt parent = virDomainCheckpointGetParent(ck, 0);
    char *name;

    if (!parent)
        return NULL;
    name = g_strdup(virDomainCheckpointGetName(parent));
    virDomainCheckpointFree(parent);
    return name;
}


static Ckpt
create(virDomainPtr dom, const char *xml, unsigned int flags)
{
    return virDomainCheckpointCreateXML(dom, xml, flags);
}


static void
freeCkpt(Ckpt ck)
{
    if (ck)
        virDomainCheckpointFree(ck);
}


static const char *const defaultDomainXML =
    "  <domain type='test'>\n"
    "    <name>test</name>\n"
    "    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
    "    <memory unit='KiB'>8388608</memory>\n"
    "    <currentMemory unit='KiB'>2097152</currentMemory>\n"
    "    <vcpu placement='static'>2</vcpu>\n"
    "    <os>\n"
    "      <type arch='i686'>hvm</type>\n"
    "      <boot dev='hd'/>\n"
    "    </os>\n"
    "    <clock offset='utc'/>\n"
    "    <on_poweroff>destroy</on_poweroff>\n"
    "    <on_reboot>restart</on_reboot>\n"
    "    <on_crash>destroy</on_crash>\n"
    "    <devices>\n"
    "      <disk type='file' device='disk'>\n"
    "        <source file='/guest/diskimage1'/>\n"
    "        <target dev='vda' bus='virtio'/>\n"
    "        <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n"
    "      </disk>\n"
    "      <interface type='network'>\n"
    "        <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "        <source network='default'/>\n"
    "        <target dev='testnet0'/>\n"
    "        <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>\n"
    "      </interface>\n"
    "      <memballoon model='virtio'>\n"
    "        <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>\n"
    "      </memballoon>\n"
    "    </devices>\n"
    "  </domain>\n";


/* Create, describe and look up on test:///default. */
static void
testBasics(virConnectPtr conn)
{
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    Ckpt first = create(dom, "<domaincheckpoint/>", 0);
    Ckpt c2 = NULL;
    Ckpt ck;
    g_autofree char *name = NULL;
    g_autofree char *want = NULL;
    g_autofree char *got = NULL;
    g_autofree char *parent = NULL;

    ok(first != NULL, "an empty description makes a checkpoint");
    if (!first)
        return;
    name = g_strdup(virDomainCheckpointGetName(first));
    ok(strspn(name, "0123456789") == strlen(name) && strlen(name) >= 9,
       "it is named after the time (%s)", name);

    want = g_strdup_printf("<domaincheckpoint>\n"
                           "  <name>%s</name>\n"
                           "  <creationTime>TIME</creationTime>\n"
                           "  <disks>\n"
                           "    <disk name='vda' checkpoint='bitmap' bitmap='%s'/>\n"
                           "  </disks>\n"
                           "%s"
                           "</domaincheckpoint>\n", name, name, defaultDomainXML);
    got = xmlOf(first, 0);
    is_str(got, want, "XML with the domain");
    g_free(got);
    got = xmlOf(first, VIR_DOMAIN_CHECKPOINT_XML_SIZE |
                VIR_DOMAIN_CHECKPOINT_XML_SECURE);
    is_str(got, want, "SIZE and SECURE change nothing here");
    g_free(got);
    g_free(want);
    want = g_strdup_printf("<domaincheckpoint>\n"
                           "  <name>%s</name>\n"
                           "  <creationTime>TIME</creationTime>\n"
                           "  <disks>\n"
                           "    <disk name='vda' checkpoint='bitmap' bitmap='%s'/>\n"
                           "  </disks>\n"
                           "</domaincheckpoint>\n", name, name);
    got = xmlOf(first, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    is_str(got, want, "NO_DOMAIN");

    c2 = create(dom, "<domaincheckpoint><name>c2</name><description>hi &amp; bye"
                "</description><disks><disk name='vda' checkpoint='bitmap' "
                "bitmap='bm'/></disks></domaincheckpoint>", 0);
    ok(c2 != NULL, "a named checkpoint with a disk");
    g_free(got);
    g_free(want);
    want = g_strdup_printf("<domaincheckpoint>\n"
                           "  <name>c2</name>\n"
                           "  <description>hi &amp; bye</description>\n"
                           "  <parent>\n"
                           "    <name>%s</name>\n"
                           "  </parent>\n"
                           "  <creationTime>TIME</creationTime>\n"
                           "  <disks>\n"
                           "    <disk name='vda' checkpoint='bitmap' bitmap='bm'/>\n"
                           "  </disks>\n"
                           "</domaincheckpoint>\n", name);
    got = xmlOf(c2, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    is_str(got, want, "the newest checkpoint is the parent of the next");

    parent = parentOf(c2);
    is_str(parent, name, "GetParent");
    ok(parentOf(first) == NULL, "a root has no parent");
    g_free(want);
    want = g_strdup_printf("103 12 Domain checkpoint not found: checkpoint '%s' "
                           "does not have a parent", name);
    is_err(want, "... and says so");

    ck = create(dom, "<domaincheckpoint><name>c2</name></domaincheckpoint>", 0);
    ok(!ck, "a name can be used once");
    is_err("9 20 operation failed: domain moment c2 already exists",
           "... with libvirt's error");
    ck = create(dom, "<domaincheckpoint><name>c3</name><disks><disk name='vdz'/>"
                "</disks></domaincheckpoint>", 0);
    ok(!ck, "an unknown disk");
    is_err("67 69 unsupported configuration: no disk named 'vdz'", "... is refused");
    ck = create(dom, "<foo/>", 0);
    ok(!ck, "another root element");
    is_err("27 5 XML error: expecting root element of 'domaincheckpoint', not 'foo'",
           "... is refused");
    ck = create(dom, "<domaincheckpoint><foo/></domaincheckpoint>", 0);
    ok(!ck, "an unknown element");
    is_err("92 5 XML document failed to validate against schema: Unable to "
           "validate doc against /usr/share/libvirt/schemas/domaincheckpoint.rng\n"
           "Element domaincheckpoint has extra content: foo\n",
           "... fails the schema");
    ck = create(dom, "<domaincheckpoint><name>.x</name></domaincheckpoint>", 0);
    ok(!ck, "a name starting with a dot");
    is_err("92 5 XML document failed to validate against schema: Unable to "
           "validate doc against /usr/share/libvirt/schemas/domaincheckpoint.rng\n"
           "Extra element name in interleave\n"
           "Element domaincheckpoint failed to validate content\n",
           "... fails the schema");
    ck = create(dom, "<domaincheckpoint><name>c5</name></domaincheckpoint>",
                VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    ok(!ck, "REDEFINE without a creation time");
    is_err("1 69 internal error: missing creationTime from existing checkpoint",
           "... is refused");
    ck = create(dom, "<domaincheckpoint><creationTime>7</creationTime>"
                "</domaincheckpoint>", VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    ok(!ck, "REDEFINE without a name");
    is_err("27 69 XML error: a redefined checkpoint must have a name",
           "... is refused");
    ck = create(dom, "<domaincheckpoint><name>c6</name></domaincheckpoint>",
                VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE);
    ok(ck != NULL, "QUIESCE is accepted");
    freeCkpt(ck);

    ck = virDomainCheckpointLookupByName(dom, "nope", 0);
    ok(!ck, "looking up an unknown name");
    is_err("103 12 Domain checkpoint not found: no domain checkpoint with "
           "matching name 'nope'", "... fails");
    ck = virDomainCheckpointLookupByName(dom, "c2", 0);
    ok(ck && strcmp(virDomainCheckpointGetName(ck), "c2") == 0,
       "looking up a known one");
    freeCkpt(ck);

    g_free(got);
    got = listAll(dom, 0, true);
    g_free(want);
    want = g_strdup_printf("%s,c2,c6", name);
    is_str(got, want, "ListAllCheckpoints");

    /* clean up for the next test */
    ok(virDomainCheckpointDelete(first, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN) == 0,
       "DELETE_CHILDREN of the root");
    g_free(got);
    got = listAll(dom, 0, true);
    is_str(got, "", "... leaves none");
    freeCkpt(first);
    freeCkpt(c2);
    virDomainFree(dom);
}


/* Trees, listing flags and deleting. */
static void
testTree(virConnectPtr conn)
{
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    Ckpt a = create(dom, "<domaincheckpoint><name>a</name></domaincheckpoint>", 0);
    Ckpt b = create(dom, "<domaincheckpoint><name>b</name></domaincheckpoint>", 0);
    Ckpt c = create(dom, "<domaincheckpoint><name>c</name></domaincheckpoint>", 0);
    Ckpt x = NULL, y = NULL, z = NULL;
    char *s;

#define IS_LIST(expr, want, ...) \
    do { s = (expr); is_str(s, want, __VA_ARGS__); g_free(s); } while (0)

    ok(a && b && c, "a chain a, b, c");
    IS_LIST(listAll(dom, VIR_DOMAIN_CHECKPOINT_LIST_ROOTS, false), "a", "ROOTS");
    IS_LIST(listAll(dom, VIR_DOMAIN_CHECKPOINT_LIST_LEAVES, false), "c", "LEAVES");
    IS_LIST(listAll(dom, VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES, true), "a,b",
            "NO_LEAVES");
    IS_LIST(listAll(dom, VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL, false), "a,b,c",
            "TOPOLOGICAL");
    IS_LIST(listAll(dom, VIR_DOMAIN_CHECKPOINT_LIST_LEAVES |
                    VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES, false), "",
            "LEAVES and NO_LEAVES: none");
    IS_LIST(listChildren(a, 0), "b", "children");
    IS_LIST(listChildren(a, VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS), "b,c",
            "descendants");
    IS_LIST(listChildren(a, VIR_DOMAIN_CHECKPOINT_LIST_LEAVES), "",
            "leaf children");
    IS_LIST(listChildren(a, VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES), "b",
            "non-leaf children");
    IS_LIST(listChildren(a, VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS |
                         VIR_DOMAIN_CHECKPOINT_LIST_LEAVES), "c",
            "leaf descendants");

    ok(virDomainCheckpointDelete(b, 0) == 0, "deleting the middle one");
    IS_LIST(parentOf(c), "a", "... moves its child up");
    IS_LIST(listAll(dom, 0, true), "a,c", "... and forgets it");
    ok(virDomainCheckpointGetXMLDesc(b, 0) == NULL, "its handle is stale");
    is_err("103 12 Domain checkpoint not found: no domain checkpoint with "
           "matching name 'b'", "... with libvirt's error");
    x = create(dom, "<domaincheckpoint><name>x</name></domaincheckpoint>", 0);
    IS_LIST(parentOf(x), "c", "the newest is still the parent of the next");

    ok(virDomainCheckpointDelete(a, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY) == 0,
       "DELETE_CHILDREN_ONLY");
    IS_LIST(listAll(dom, 0, true), "a", "... keeps only the checkpoint");
    y = create(dom, "<domaincheckpoint><name>y</name></domaincheckpoint>", 0);
    IS_LIST(parentOf(y), "a", "... which is then the parent of the next");

    ok(virDomainCheckpointDelete(a, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                                 VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY) < 0,
       "CHILDREN and CHILDREN_ONLY together");
    virResetLastError();
    ok(virDomainCheckpointDelete(a, VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY) == 0,
       "DELETE_METADATA_ONLY");
    IS_LIST(listAll(dom, 0, true), "y", "... moves the child up to the root");
    ok(parentOf(y) == NULL, "... where it has no parent");
    virResetLastError();
    z = create(dom, "<domaincheckpoint><name>z</name></domaincheckpoint>", 0);
    IS_LIST(parentOf(z), "y", "the newest survivor is the next parent");

    freeCkpt(create(dom, "<domaincheckpoint><name>r1</name><creationTime>5"
                    "</creationTime></domaincheckpoint>",
                    VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    freeCkpt(create(dom, "<domaincheckpoint><name>r2</name><parent><name>r1"
                    "</name></parent><creationTime>6</creationTime><disks>"
                    "<disk name='vda' checkpoint='bitmap'/></disks>"
                    "</domaincheckpoint>",
                    VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    {
        Ckpt r2 = virDomainCheckpointLookupByName(dom, "r2", 0);
        g_autofree char *got = xmlOf(r2, 0);

        is_str(got, "<domaincheckpoint>\n"
               "  <name>r2</name>\n"
               "  <parent>\n"
               "    <name>r1</name>\n"
               "  </parent>\n"
               "  <creationTime>6</creationTime>\n"
               "  <disks>\n"
               "    <disk name='vda' checkpoint='bitmap' bitmap='r2'/>\n"
               "  </disks>\n"
               "</domaincheckpoint>\n", "REDEFINE keeps what it is told");
        freeCkpt(create(dom, "<domaincheckpoint><name>r2</name><creationTime>6"
                        "</creationTime></domaincheckpoint>",
                        VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
        g_free(got);
        got = xmlOf(r2, 0);
        is_str(got, "<domaincheckpoint>\n"
               "  <name>r2</name>\n"
               "  <creationTime>6</creationTime>\n"
               "</domaincheckpoint>\n", "... and replaces an existing one");
        freeCkpt(r2);
    }
    IS_LIST(listAll(dom, VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL, false),
            "r2,r1,y,z", "TOPOLOGICAL: newest roots first");
    freeCkpt(create(dom, "<domaincheckpoint><name>r3</name><parent><name>nope"
                    "</name></parent><creationTime>6</creationTime>"
                    "</domaincheckpoint>", VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    is_err("8 20 invalid argument: parent nope for moment r3 not found",
           "REDEFINE with an unknown parent");
    freeCkpt(create(dom, "<domaincheckpoint><name>q</name><parent><name>q"
                    "</name></parent><creationTime>7</creationTime>"
                    "</domaincheckpoint>", VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    is_err("8 20 invalid argument: cannot set moment q as its own parent",
           "REDEFINE as its own parent");
    freeCkpt(create(dom, "<domaincheckpoint><name>y</name><parent><name>z"
                    "</name></parent><creationTime>7</creationTime>"
                    "</domaincheckpoint>", VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    is_err("8 20 invalid argument: parent z would create cycle to y",
           "REDEFINE making a cycle");
    x = (freeCkpt(x), create(dom, "<domaincheckpoint><name>z2</name>"
                             "</domaincheckpoint>", 0));
    IS_LIST(parentOf(x), "z", "REDEFINE leaves the next parent alone");

    freeCkpt(a);
    freeCkpt(b);
    freeCkpt(c);
    freeCkpt(x);
    freeCkpt(y);
    freeCkpt(z);
    virDomainFree(dom);
#undef IS_LIST
}


/* Disks of several kinds, an inactive domain, other domains' XML. */
static void
testFileDomain(void)
{
    virConnectPtr conn = virConnectOpen("test://" TEST_DATA_DIR
                                        "/testdriver/node-checkpoint.xml");
    virDomainPtr dom = conn ? virDomainLookupByName(conn, "d1") : NULL;
    virDomainPtr off = conn ? virDomainLookupByName(conn, "off") : NULL;
    virDomainPtr *doms = NULL;
    Ckpt a, b, ck;
    g_autofree char *got = NULL;
    int n;

    ok(dom && off, "node-checkpoint.xml");
    if (!dom || !off)
        return;
    a = create(dom, "<domaincheckpoint><name>a</name></domaincheckpoint>", 0);
    got = xmlOf(a, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    is_str(got, "<domaincheckpoint>\n"
           "  <name>a</name>\n"
           "  <creationTime>TIME</creationTime>\n"
           "  <disks>\n"
           "    <disk name='vda' checkpoint='bitmap' bitmap='a'/>\n"
           "    <disk name='vdb' checkpoint='no'/>\n"
           "    <disk name='vdc' checkpoint='bitmap' bitmap='a'/>\n"
           "    <disk name='hdc' checkpoint='no'/>\n"
           "  </disks>\n"
           "</domaincheckpoint>\n",
           "read-only and empty disks get no bitmap, in the domain's order");
    b = create(dom, "<domaincheckpoint><name>b</name><disks><disk name='vdc' "
               "checkpoint='no'/><disk name='/a.img' bitmap='zz'/></disks>"
               "</domaincheckpoint>", 0);
    g_free(got);
    got = xmlOf(b, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    is_str(got, "<domaincheckpoint>\n"
           "  <name>b</name>\n"
           "  <parent>\n"
           "    <name>a</name>\n"
           "  </parent>\n"
           "  <creationTime>TIME</creationTime>\n"
           "  <disks>\n"
           "    <disk name='vda' checkpoint='bitmap' bitmap='zz'/>\n"
           "    <disk name='vdb' checkpoint='no'/>\n"
           "    <disk name='vdc' checkpoint='no'/>\n"
           "    <disk name='hdc' checkpoint='no'/>\n"
           "  </disks>\n"
           "</domaincheckpoint>\n",
           "disks named by path; the others get none");

    ck = create(dom, "<domaincheckpoint><name>c</name><disks><disk name='vda'/>"
                "<disk name='vda'/></disks></domaincheckpoint>", 0);
    ok(!ck, "a disk twice");
    is_err("67 69 unsupported configuration: disk 'vda' specified twice",
           "... is refused");
    ck = create(dom, "<domaincheckpoint><name>c</name><disks><disk name='hdc' "
                "checkpoint='bitmap'/></disks></domaincheckpoint>", 0);
    ok(!ck, "a bitmap on an empty CD-ROM");
    is_err("67 69 unsupported configuration: disk 'hdc' is empty or readonly",
           "... is refused");
    ck = create(dom, "<domaincheckpoint><name>q</name><creationTime>7"
                "</creationTime><domain type='test'><name>other</name><uuid>"
                "6695eb01-f6a4-8304-79aa-97f2502e1930</uuid><memory>1024"
                "</memory><os><type>hvm</type></os></domain>"
                "</domaincheckpoint>", VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    ok(!ck, "REDEFINE with another domain");
    is_err("8 69 invalid argument: definition for checkpoint q must use uuid "
           "788c1000-0c7e-4677-ba4e-0962791d9a38", "... is refused");
    ck = create(off, "<domaincheckpoint/>", 0);
    ok(!ck, "a domain that is shut off");
    is_err("84 12 Operation not supported: cannot create checkpoint for "
           "inactive domain", "... can have none");

    n = virConnectListAllDomains(conn, &doms,
                                 VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT);
    ok(n == 1 && strcmp(virDomainGetName(doms[0]), "d1") == 0,
       "HAS_CHECKPOINT lists d1");
    while (n > 0)
        virDomainFree(doms[--n]);
    free(doms);
    n = virConnectListAllDomains(conn, &doms,
                                 VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT);
    ok(n == 1 && strcmp(virDomainGetName(doms[0]), "off") == 0,
       "NO_CHECKPOINT lists off");
    while (n > 0)
        virDomainFree(doms[--n]);
    free(doms);

    ok(virDomainDestroy(dom) == 0 && virDomainUndefine(dom) == 0,
       "a domain with checkpoints can go");
    freeCkpt(a);
    freeCkpt(b);
    virDomainFree(dom);
    virDomainFree(off);
    virConnectClose(conn);
}


/* libvirt's test driver never lets a domain have both. */
static void
testSnapshotsExclusive(void)
{
    virConnectPtr conn = virConnectOpen("test://" TEST_DATA_DIR
                                        "/testdriver/node-checkpoint.xml");
    virDomainPtr dom = conn ? virDomainLookupByName(conn, "d1") : NULL;
    virDomainSnapshotPtr snap;
    Ckpt ck;

    ok(dom != NULL, "node-checkpoint.xml again");
    if (!dom)
        return;
    snap = virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>s1</name>"
                                      "</domainsnapshot>", 0);
    ok(snap != NULL, "a snapshot");
    ck = create(dom, "<domaincheckpoint><name>c1</name></domaincheckpoint>", 0);
    ok(!ck, "then no checkpoint");
    is_err("84 12 Operation not supported: cannot create checkpoint while "
           "snapshot exists", "... with libvirt's error");
    ck = create(dom, "<domaincheckpoint><name>c1</name><creationTime>5"
                "</creationTime></domaincheckpoint>",
                VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    ok(!ck, "not even redefined");
    virResetLastError();
    ok(snap && virDomainSnapshotDelete(snap, 0) == 0, "without the snapshot");
    ck = create(dom, "<domaincheckpoint><name>c1</name></domaincheckpoint>", 0);
    ok(ck != NULL, "... a checkpoint can be made");
    if (snap)
        virDomainSnapshotFree(snap);
    snap = virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>s2</name>"
                                      "</domainsnapshot>", 0);
    ok(!snap, "and then no snapshot");
    is_err("84 12 Operation not supported: cannot create snapshot while "
           "checkpoint exists", "... with libvirt's error");
    freeCkpt(ck);
    virDomainFree(dom);
    virConnectClose(conn);
}


int
main(void)
{
    virConnectPtr conn;

    virSetErrorFunc(NULL, quietError);
    if (!(conn = virConnectOpen("test:///default"))) {
        printf("Bail out! cannot open test:///default\n");
        return 1;
    }
    testBasics(conn);
    testTree(conn);
    testFileDomain();
    testSnapshotsExclusive();
    virConnectClose(conn);
    return tap_done();
}
