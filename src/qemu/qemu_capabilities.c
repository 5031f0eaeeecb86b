/* qemu_capabilities.c: probing QEMU and the capabilities document.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "conf/capabilities.h"
#include "qemu/qemu_capabilities.h"
#include "qemu/qemu_monitor.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

static void
machineFree(gpointer opaque)
{
    qemuCapsMachine *m = opaque;

    g_free(m->name);
    g_free(m->alias);
    g_free(m);
}

void
qemuCapsFree(qemuCaps *caps)
{
    if (!caps)
        return;
    g_free(caps->emulator);
    if (caps->machines)
        g_ptr_array_free(caps->machines, TRUE);
    g_free(caps);
}


static int
parseMachines(qemuCaps *caps, const qemuJSONValue *list)
{
    guint i;

    if (!list || list->type != QEMU_JSON_ARRAY) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "query-machines reply was not an array");
        return -1;
    }
    for (i = 0; i < list->items->len; i++) {
        const qemuJSONValue *v = list->items->pdata[i];
        const char *name = qemuJSONGetString(v, "name");
        const char *alias = qemuJSONGetString(v, "alias");
        qemuCapsMachine *m;
        long long cpus = 0;

        if (!name || strcmp(name, "none") == 0)
            continue;           /* not a machine a guest can use */
        m = g_new0(qemuCapsMachine, 1);
        m->name = g_strdup(name);
        m->alias = g_strdup(alias);
        if (qemuJSONGetLongLong(v, "cpu-max", &cpus) == 0 && cpus > 0)
            m->maxCpus = cpus;
        qemuJSONGetBool(v, "deprecated", &m->deprecated);
        qemuJSONGetBool(v, "is-default", &m->isDefault);
        g_ptr_array_add(caps->machines, m);
    }
    return 0;
}

qemuCaps *
qemuCapsProbe(const char *emulator, const char *sockDir)
{
    g_autoptr(qemuCaps) caps = g_new0(qemuCaps, 1);
    g_autofree char *sock = g_strdup_printf("%s/capabilities.sock", sockDir);
    g_autofree char *qmp = g_strdup_printf("unix:%s,server=on,wait=off",
                                           sock);
    g_autoptr(qemuJSONValue) reply = NULL;
    qemuMonitor *mon;
    int status;
    pid_t pid;
    int rc;

    caps->emulator = g_strdup(emulator);
    caps->machines = g_ptr_array_new_with_free_func(machineFree);
    unlink(sock);
    if ((pid = fork()) < 0) {
        virReportSystemError(errno, "%s", "cannot fork child process");
        return NULL;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);

        if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 ||
            dup2(null, 2) < 0)
            _exit(126);
        execl(emulator, emulator, "-S", "-no-user-config", "-nodefaults",
              "-nographic", "-machine", "none,accel=tcg", "-qmp", qmp,
              (char *)NULL);
        _exit(127);
    }
    mon = qemuMonitorOpen(sock, 10000, pid, NULL, NULL);
    rc = mon ? qemuMonitorCommand(mon, "query-machines", NULL, &reply) : -1;
    if (mon) {
        caps->version = qemuMonitorGetVersion(mon);
        qemuMonitorQuit(mon);
        qemuMonitorClose(mon);
    }
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    unlink(sock);
    if (rc < 0) {
        virErrorPtr saved = virErrorSave();

        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Failed to probe capabilities for %s: %s", emulator,
                       saved && saved->message ? saved->message : "unknown");
        virErrorFree(saved);
        return NULL;
    }
    if (parseMachines(caps, reply) < 0)
        return NULL;
    return g_steal_pointer(&caps);
}


const char *
qemuCapsCanonicalMachine(qemuCaps *caps, const char *name)
{
    guint i;

    for (i = 0; i < caps->machines->len; i++) {
        qemuCapsMachine *m = caps->machines->pdata[i];

        if ((!name && m->isDefault) || (name && strcmp(m->name, name) == 0))
            return m->name;
        if (name && m->alias && strcmp(m->alias, name) == 0)
            return m->name;
    }
    virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                   "Emulator '%s' does not support machine type '%s'",
                   caps->emulator, name ? name : "(default)");
    return NULL;
}


static void
hostUUID(unsigned char *uuid)
{
    g_autofree char *id = NULL;

    /* /etc/machine-id is 32 hex digits, which parse as a UUID */
    if (g_file_get_contents("/etc/machine-id", &id, NULL, NULL) &&
        virUUIDParse(g_strstrip(id), uuid) == 0)
        return;
    memset(uuid, 0, VIR_UUID_BUFLEN);
}

char *
qemuCapsFormatCapabilities(qemuCaps *caps, virSecurityManager *mgr, bool kvm)
{
    struct utsname ut;
    g_autoptr(virCaps) vc = NULL;
    virCapsGuest *guest;
    unsigned char uuid[VIR_UUID_BUFLEN];
    uid_t uid;
    gid_t gid;
    guint i;

    uname(&ut);
    vc = virCapabilitiesNew(ut.machine, false, true);
    hostUUID(uuid);
    virCapabilitiesSetHostUUID(vc, uuid);
    virCapabilitiesAddHostMigrateTransport(vc, "tcp");
    virCapabilitiesAddHostMigrateTransport(vc, "rdma");
    virCapabilitiesAddSecModel(vc, virSecurityManagerGetModel(mgr),
                               virSecurityManagerGetDOI(mgr));
    if (virSecurityManagerGetDACIDs(mgr, &uid, &gid) == 0) {
        g_autofree char *label = g_strdup_printf("+%u:+%u", (unsigned)uid,
                                                 (unsigned)gid);

        virCapabilitiesAddSecModel(vc, "dac", "0");
        virCapabilitiesAddSecModelBaseLabel(vc, "kvm", label);
        virCapabilitiesAddSecModelBaseLabel(vc, "qemu", label);
    }

    guest = virCapabilitiesAddGuest(vc, "hvm", "x86_64", 64, caps->emulator,
                                    NULL);
    for (i = 0; i < caps->machines->len; i++) {
        qemuCapsMachine *m = caps->machines->pdata[i];

        virCapabilitiesAddGuestMachine(guest, m->name, NULL, m->maxCpus,
                                       m->deprecated);
        if (m->alias)
            virCapabilitiesAddGuestMachine(guest, m->alias, m->name,
                                           m->maxCpus, m->deprecated);
    }
    virCapabilitiesAddGuestDomain(guest, "qemu", NULL);
    if (kvm)
        virCapabilitiesAddGuestDomain(guest, "kvm", NULL);
    virCapabilitiesAddGuestFeature(guest, VIR_CAPS_GUEST_FEATURE_ACPI,
                                   true, true);
    virCapabilitiesAddGuestFeature(guest, VIR_CAPS_GUEST_FEATURE_APIC,
                                   true, false);
    virCapabilitiesAddGuestFeature(guest, VIR_CAPS_GUEST_FEATURE_CPUSELECTION,
                                   false, false);
    virCapabilitiesAddGuestFeature(guest, VIR_CAPS_GUEST_FEATURE_DEVICEBOOT,
                                   false, false);
    virCapabilitiesAddGuestFeature(guest, VIR_CAPS_GUEST_FEATURE_DISKSNAPSHOT,
                                   true, false);
    return virCapabilitiesFormatXML(vc);
}
