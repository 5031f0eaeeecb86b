/* conf-caps-test.c: the capabilities builder and formatter.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * testDriverCaps() rebuilds libvirt's test driver capabilities with the
 * generic builder calls; the output must equal what the real test driver
 * prints (tests/data/caps/testdriver*.out.xml, from regen.py).  The test
 * driver can copy this function.  builder-full.out.xml covers the other
 * elements; it is written by hand from libvirt's schema, not generated.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "conf/capabilities.h"
#include "tap.h"

static virCaps *
testDriverCaps(bool withCells)
{
    virCaps *caps = virCapabilitiesNew("i686", false, false);
    static const unsigned int pageSizes[] = { 4, 8, 2048, 1048576 };
    const char *ostypes[] = { "hvm", "xen" };
    size_t i, j;

    virCapabilitiesAddHostFeature(caps, "pae");
    virCapabilitiesAddHostFeature(caps, "nonpae");
    for (i = 0; i < G_N_ELEMENTS(pageSizes); i++)
        virCapabilitiesAddHostPageSize(caps, pageSizes[i]);

    virCapabilitiesHostNUMAInit(caps);
    for (i = 0; withCells && i < 2; i++) {
        virCapsHostNUMACellCPU cpus[8];
        virCapsHostNUMACellPages pages[3] = {
            { i == 0 ? 4 : 8, 524288 }, { 2048, 0 }, { 1048576, 0 },
        };
        char sib[8][8];

        for (j = 0; j < 8; j++) {
            unsigned int id = i * 8 + j;
            g_snprintf(sib[j], sizeof(sib[j]), "%u", id);
            cpus[j] = (virCapsHostNUMACellCPU) {
                .id = id, .socket_id = i, .die_id = 0, .core_id = j,
                .siblings = sib[j],
            };
        }
        virCapabilitiesHostNUMAAddCell(caps, i, (i + 1) * 2097152ULL,
                                       8, cpus, 0, NULL, 3, pages);
    }

    virCapabilitiesAddSecModel(caps, "testSecurity", "");

    for (i = 0; i < G_N_ELEMENTS(ostypes); i++) {
        virCapsGuest *g = virCapabilitiesAddGuest(caps, ostypes[i], "i686",
                                                  32, "/usr/bin/test-hv",
                                                  NULL);
        virCapabilitiesAddGuestDomain(g, "test", NULL);
        virCapabilitiesAddGuestFeature(g, VIR_CAPS_GUEST_FEATURE_PAE,
                                       true, false);
        virCapabilitiesAddGuestFeature(g, VIR_CAPS_GUEST_FEATURE_NONPAE,
                                       true, false);
    }
    return caps;
}


static virCaps *
fullCaps(void)
{
    virCaps *caps = virCapabilitiesNew("x86_64", true, true);
    unsigned char uuid[VIR_CONF_UUID_LEN];
    virCapsHostCPU *cpu;
    virCapsHostNUMACellCPU cpus[2] = {
        { 0, 0, 0, 0, (char *)"0-1" }, { 1, 0, 0, 0, (char *)"0-1" },
    };
    virCapsHostNUMACellDistance dist[1] = { { 0, 10 } };
    virCapsHostNUMACellPages pages[1] = { { 4, 1000 } };
    virCapsGuest *g;
    virCapsGuestDomain *d;

    virConfUUIDParse("11111111-2222-3333-4444-555555555555", uuid);
    virCapabilitiesSetHostUUID(caps, uuid);
    cpu = virCapabilitiesHostCPU(caps);
    cpu->model = g_strdup("Skylake-Client-IBRS");
    cpu->vendor = g_strdup("Intel");
    cpu->hasMicrocode = true;
    cpu->microcode = 240;
    cpu->hasSignature = true;
    cpu->family = 6;
    cpu->modelNum = 94;
    cpu->stepping = 3;
    cpu->sockets = 1;
    cpu->dies = 1;
    cpu->cores = 1;
    cpu->threads = 2;
    virCapabilitiesHostCPUAddFeature(cpu, "ds");
    virCapabilitiesHostCPUAddFeature(cpu, "vmx");
    virCapabilitiesAddHostPageSize(caps, 4);
    virCapabilitiesAddHostPageSize(caps, 2048);
    caps->host.powerMgmt = VIR_CAPS_PM_SUSPEND_MEM | VIR_CAPS_PM_SUSPEND_DISK;
    virCapabilitiesAddHostMigrateTransport(caps, "tcp");
    virCapabilitiesAddHostMigrateTransport(caps, "rdma");
    virCapabilitiesHostNUMAAddCell(caps, 0, 16384, 2, cpus, 1, dist,
                                   1, pages);
    virCapabilitiesAddSecModel(caps, "none", "0");
    virCapabilitiesAddSecModel(caps, "dac", "0");
    virCapabilitiesAddSecModelBaseLabel(caps, "kvm", "+107:+107");
    virCapabilitiesAddSecModelBaseLabel(caps, "qemu", "+107:+107");

    g = virCapabilitiesAddGuest(caps, "hvm", "x86_64", 64,
                                "/usr/bin/qemu-system-x86_64", NULL);
    virCapabilitiesAddGuestMachine(g, "pc-i440fx-7.2", NULL, 255, false);
    virCapabilitiesAddGuestMachine(g, "pc", "pc-i440fx-7.2", 255, false);
    virCapabilitiesAddGuestMachine(g, "pc-i440fx-1.4", NULL, 255, true);
    virCapabilitiesAddGuestDomain(g, "qemu", NULL);
    d = virCapabilitiesAddGuestDomain(g, "kvm", "/usr/bin/kvm");
    virCapabilitiesAddGuestDomainMachine(d, "pc-q35-7.2", NULL, 288, false);
    virCapabilitiesAddGuestFeature(g, VIR_CAPS_GUEST_FEATURE_ACPI, true, true);
    virCapabilitiesAddGuestFeature(g, VIR_CAPS_GUEST_FEATURE_APIC, true, false);
    virCapabilitiesAddGuestFeature(g, VIR_CAPS_GUEST_FEATURE_CPUSELECTION,
                                   true, false);
    virCapabilitiesAddGuestFeature(g, VIR_CAPS_GUEST_FEATURE_DEVICEBOOT,
                                   true, false);
    virCapabilitiesAddGuestFeature(g, VIR_CAPS_GUEST_FEATURE_DISKSNAPSHOT,
                                   true, false);
    return caps;
}


static void
check(const char *dir, const char *name, virCaps *caps)
{
    g_autofree char *path = g_strdup_printf("%s/%s.out.xml", dir, name);
    g_autofree char *want = NULL;
    g_autofree char *got = virCapabilitiesFormatXML(caps);

    if (!g_file_get_contents(path, &want, NULL, NULL))
        want = NULL;
    is_str(got, want, "%s capabilities", name);
    virCapabilitiesFree(caps);
}


int
main(void)
{
    const char *srcdir = getenv("srcdir");
    g_autofree char *dir = g_build_filename(srcdir ? srcdir : ".", "tests",
                                            "data", "caps", NULL);

    check(dir, "testdriver", testDriverCaps(true));
    check(dir, "testdriver-nocells", testDriverCaps(false));
    check(dir, "builder-full", fullCaps());
    return tap_done();
}
