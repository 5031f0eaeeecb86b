/* qemu_domain.c: the QEMU driver's part in parsing domain XML.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "qemu/qemu_command.h"
#include "qemu/qemu_domain.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

static int
qemuDomainDefPostParse(virDomainDef *def, unsigned int parseFlags G_GNUC_UNUSED,
                       void *opaque G_GNUC_UNUSED)
{
    if (def->virtType != VIR_DOMAIN_VIRT_QEMU &&
        def->virtType != VIR_DOMAIN_VIRT_KVM) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Emulator '%s' does not "
                       "support virt type '%s'",
                       qemuDomainEmulator(def),
                       virDomainVirtTypeToString(def->virtType));
        return -1;
    }
    if (!def->os.arch)
        def->os.arch = g_strdup("x86_64");
    if (!def->os.machine)
        def->os.machine = g_strdup("pc");
    if (!def->emulator)
        def->emulator = g_strdup(qemuDomainEmulator(def));
    return 0;
}

static const virDomainXMLOption qemuXMLOption = {
    .postParse = qemuDomainDefPostParse,
    .opaque = NULL,
    .defaultVideoType = VIR_DOMAIN_VIDEO_TYPE_DEFAULT,
};

const virDomainXMLOption *
qemuDomainXMLOption(void)
{
    return &qemuXMLOption;
}
