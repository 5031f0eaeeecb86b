/* vsh-cmd-host.c: host and hypervisor commands (the "host" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>

#include "vsh.h"


static bool
vshCmdNodeinfo(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virNodeInfo info;

    if (virNodeGetInfo(ctl->conn, &info) < 0) {
        vshError(ctl, "%s", "failed to get node information");
        return false;
    }
    vshPrint(ctl, "%-20s %s\n", "CPU model:", info.model);
    vshPrint(ctl, "%-20s %d\n", "CPU(s):", info.cpus);
    vshPrint(ctl, "%-20s %d MHz\n", "CPU frequency:", info.mhz);
    vshPrint(ctl, "%-20s %d\n", "CPU socket(s):", info.sockets);
    vshPrint(ctl, "%-20s %d\n", "Core(s) per socket:", info.cores);
    vshPrint(ctl, "%-20s %d\n", "Thread(s) per core:", info.threads);
    vshPrint(ctl, "%-20s %d\n", "NUMA cell(s):", info.nodes);
    vshPrint(ctl, "%-20s %lu KiB\n", "Memory size:", info.memory);
    return true;
}


static bool
vshCmdCapabilities(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    char *caps;

    if (!(caps = virConnectGetCapabilities(ctl->conn))) {
        vshError(ctl, "%s", "failed to get capabilities");
        return false;
    }
    vshPrint(ctl, "%s\n", caps);
    free(caps);
    return true;
}


static bool
vshCmdUri(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    char *uri;

    if (!(uri = virConnectGetURI(ctl->conn))) {
        vshError(ctl, "%s", "failed to get URI");
        return false;
    }
    vshPrint(ctl, "%s\n", uri);
    free(uri);
    return true;
}


static bool
vshCmdHostname(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    char *name;

    if (!(name = virConnectGetHostname(ctl->conn))) {
        vshError(ctl, "%s", "failed to get hostname");
        return false;
    }
    vshPrint(ctl, "%s\n", name);
    free(name);
    return true;
}


static const vshCmdOptDef vshOptsVersion[] = {
    { "daemon", VSH_OT_BOOL, 0, "also print the version of the daemon" },
    VSH_OPT_END
};

#define VSH_VER(v) (unsigned)((v) / 1000000), (unsigned)(((v) / 1000) % 1000), \
                   (unsigned)((v) % 1000)

static bool
vshCmdVersion(vshControl *ctl, const vshCmd *cmd)
{
    unsigned long libVersion = 0;
    unsigned long apiVersion = 0;
    unsigned long hvVersion = 0;
    unsigned long daemonVersion = 0;
    const char *hvType;

    if (!(hvType = virConnectGetType(ctl->conn))) {
        vshError(ctl, "%s", "failed to get hypervisor type");
        return false;
    }

    vshPrint(ctl, "Compiled against library: libvirt %u.%u.%u\n",
             VSH_VER(LIBVIR_VERSION_NUMBER));

    if (virGetVersion(&libVersion, hvType, &apiVersion) < 0) {
        vshError(ctl, "%s", "failed to get the library version");
        return false;
    }
    vshPrint(ctl, "Using library: libvirt %u.%u.%u\n", VSH_VER(libVersion));
    vshPrint(ctl, "Using API: %s %u.%u.%u\n", hvType, VSH_VER(apiVersion));

    if (virConnectGetVersion(ctl->conn, &hvVersion) < 0) {
        vshError(ctl, "%s", "failed to get the hypervisor version");
        return false;
    }
    if (hvVersion == 0)
        vshPrint(ctl, "Cannot extract running %s hypervisor version\n", hvType);
    else
        vshPrint(ctl, "Running hypervisor: %s %u.%u.%u\n", hvType,
                 VSH_VER(hvVersion));

    if (vshCmdOptBool(cmd, "daemon")) {
        if (virConnectGetLibVersion(ctl->conn, &daemonVersion) < 0) {
            vshError(ctl, "%s", "failed to get the daemon version");
            return false;
        }
        vshPrint(ctl, "Running against daemon: %u.%u.%u\n",
                 VSH_VER(daemonVersion));
    }
    return true;
}


const vshCmdDef vshHostCmds[] = {
    { "capabilities", vshCmdCapabilities, NULL,
      "print what the hypervisor and host can do",
      "Prints the capabilities XML document of the connection: host CPU,\n"
      "NUMA layout and the guest types that can be run.", 0 },
    { "hostname", vshCmdHostname, NULL,
      "print the host name of the hypervisor host", NULL, 0 },
    { "nodeinfo", vshCmdNodeinfo, NULL,
      "show the host's CPUs and memory",
      "Prints the CPU model, count, topology and memory size of the host.", 0 },
    { "uri", vshCmdUri, NULL,
      "print the URI of the current connection", NULL, 0 },
    { "version", vshCmdVersion, vshOptsVersion,
      "print library and hypervisor versions",
      "Prints the versions of the library vsh was built with, the library in\n"
      "use, and the hypervisor behind the connection.", 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
