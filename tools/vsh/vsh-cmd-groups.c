/* vsh-cmd-groups.c: every command table, and the help groups.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A command is defined once, in the table of the file that implements it.
 * The groups below only name commands, in the order virsh's help lists
 * them, so several files can fill one group and scripts that read the
 * help listing see virsh's order.  A name whose command does not exist
 * (yet) is left out of help; tests/vsh/vsh-only.sh checks that every
 * defined command belongs to exactly one group.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "vsh.h"

/* Add a file's table here when you add the file. */
const vshCmdDef *const vshCmdTables[] = {
    vshDomainCmds,
    vshDomainMonitorCmds,
    vshHostCmds,
    vshNetworkCmds,
    vshPoolCmds,
    vshVolumeCmds,
    vshShellCmds,
    vshOwnerCmds,
    vshTuneCmds,
    vshMonitorCmds,
    vshNodeCmds,
    vshEventCmds,
    vshSnapshotCmds,
    vshCheckpointCmds,
    vshBackupCmds,
    vshStreamCmds,
    vshNodeDevCmds,
    vshInterfaceCmds,
    vshSecretCmds,
    vshNWFilterCmds,
    vshVolumeManageCmds,
    vshDomainManageCmds,
    vshDomainVcpuCmds,
    vshDomainDeviceCmds,
    vshDomainSaveCmds,
    vshDomainBlockCmds,
    NULL
};

#define NAMES(...) (const char *const []){ __VA_ARGS__, NULL }

const vshCmdGroup vshCmdGroups[] = {
    { "Domain Management", "domain", NULL, NAMES(
      "attach-device", "attach-disk", "attach-interface", "autostart",
      "blkdeviotune", "blkiotune", "blockcommit", "blockcopy", "blockjob",
      "blockpull", "blockresize", "change-media", "console", "cpu-stats",
      "create", "define", "desc", "destroy", "detach-device",
      "detach-device-alias", "detach-disk", "detach-interface", "domdisplay",
      "domfsfreeze", "domfsthaw", "domfsinfo", "domfstrim", "domhostname",
      "domid", "domif-setlink", "domiftune", "domjobabort", "domjobinfo",
      "domlaunchsecinfo", "domsetlaunchsecstate", "domname", "domrename",
      "dompmsuspend", "dompmwakeup", "domuuid", "domxml-from-native",
      "domxml-to-native", "dump", "dumpxml", "edit", "get-user-sshkeys",
      "inject-nmi", "iothreadinfo", "iothreadpin", "iothreadadd",
      "iothreadset", "iothreaddel", "send-key", "send-process-signal",
      "lxc-enter-namespace", "managedsave", "managedsave-remove",
      "managedsave-edit", "managedsave-dumpxml", "managedsave-define",
      "memtune", "perf", "metadata", "migrate", "migrate-setmaxdowntime",
      "migrate-getmaxdowntime", "migrate-compcache", "migrate-setspeed",
      "migrate-getspeed", "migrate-postcopy", "numatune", "qemu-attach",
      "qemu-monitor-command", "qemu-monitor-event", "qemu-agent-command",
      "guest-agent-timeout", "reboot", "reset", "restore", "resume", "save",
      "save-image-define", "save-image-dumpxml", "save-image-edit",
      "schedinfo", "screenshot", "set-lifecycle-action", "set-user-sshkeys",
      "set-user-password", "setmaxmem", "setmem", "setvcpus", "shutdown",
      "start", "suspend", "ttyconsole", "undefine", "update-device",
      "update-memory-device", "vcpucount", "vcpuinfo", "vcpupin",
      "emulatorpin", "vncdisplay", "guestvcpus", "setvcpu",
      "domblkthreshold", "guestinfo", "domdirtyrate-calc",
      "dom-fd-associate") },
    { "Domain Monitoring", "monitor", NULL, NAMES(
      "domblkerror", "domblkinfo", "domblklist", "domblkstat", "domcontrol",
      "domif-getlink", "domifaddr", "domiflist", "domifstat", "dominfo",
      "dommemstat", "domstate", "domstats", "domtime", "list") },
    { "Domain Events", "events", NULL, NAMES("event") },
    { "Host and Hypervisor", "host", NULL, NAMES(
      "allocpages", "capabilities", "cpu-baseline", "cpu-compare",
      "cpu-models", "domcapabilities", "freecell", "freepages", "hostname",
      "hypervisor-cpu-baseline", "hypervisor-cpu-compare", "maxvcpus",
      "node-memory-tune", "nodecpumap", "nodecpustats", "nodeinfo",
      "nodememstats", "nodesevinfo", "nodesuspend", "sysinfo", "uri",
      "version") },
    { "Checkpoint", "checkpoint", NULL, NAMES(
      "checkpoint-create", "checkpoint-create-as", "checkpoint-delete",
      "checkpoint-dumpxml", "checkpoint-edit", "checkpoint-info",
      "checkpoint-list", "checkpoint-parent") },
    { "Interface", "interface", NULL, NAMES(
      "iface-begin", "iface-bridge", "iface-commit", "iface-define",
      "iface-destroy", "iface-dumpxml", "iface-edit", "iface-list",
      "iface-mac", "iface-name", "iface-rollback", "iface-start",
      "iface-unbridge", "iface-undefine") },
    { "Network Filter", "filter", NULL, NAMES(
      "nwfilter-define", "nwfilter-dumpxml", "nwfilter-edit",
      "nwfilter-list", "nwfilter-undefine", "nwfilter-binding-create",
      "nwfilter-binding-delete", "nwfilter-binding-dumpxml",
      "nwfilter-binding-list") },
    { "Networking", "network", NULL, NAMES(
      "net-autostart", "net-create", "net-define", "net-destroy",
      "net-dhcp-leases", "net-dumpxml", "net-edit", "net-event", "net-info",
      "net-list", "net-name", "net-start", "net-undefine", "net-update",
      "net-uuid", "net-port-list", "net-port-create", "net-port-dumpxml",
      "net-port-delete") },
    { "Node Device", "nodedev", NULL, NAMES(
      "nodedev-create", "nodedev-destroy", "nodedev-detach",
      "nodedev-dumpxml", "nodedev-list", "nodedev-reattach", "nodedev-reset",
      "nodedev-event", "nodedev-define", "nodedev-undefine", "nodedev-start",
      "nodedev-autostart", "nodedev-info") },
    { "Secret", "secret", NULL, NAMES(
      "secret-define", "secret-dumpxml", "secret-event", "secret-get-value",
      "secret-list", "secret-set-value", "secret-undefine") },
    { "Snapshot", "snapshot", NULL, NAMES(
      "snapshot-create", "snapshot-create-as", "snapshot-current",
      "snapshot-delete", "snapshot-dumpxml", "snapshot-edit",
      "snapshot-info", "snapshot-list", "snapshot-parent",
      "snapshot-revert") },
    { "Backup", "backup", NULL, NAMES("backup-begin", "backup-dumpxml") },
    { "Storage Pool", "pool", NULL, NAMES(
      "find-storage-pool-sources-as", "find-storage-pool-sources",
      "pool-autostart", "pool-build", "pool-create-as", "pool-create",
      "pool-define-as", "pool-define", "pool-delete", "pool-destroy",
      "pool-dumpxml", "pool-edit", "pool-info", "pool-list", "pool-name",
      "pool-refresh", "pool-start", "pool-undefine", "pool-uuid",
      "pool-event", "pool-capabilities") },
    { "Storage Volume", "volume", NULL, NAMES(
      "vol-clone", "vol-create-as", "vol-create", "vol-create-from",
      "vol-delete", "vol-download", "vol-dumpxml", "vol-info", "vol-key",
      "vol-list", "vol-name", "vol-path", "vol-pool", "vol-resize",
      "vol-upload", "vol-wipe") },
    /* beyond virsh */
    { "Remembered Owners", "owners", NULL, NAMES(
      "owner-list", "owner-clear") },
    { "vsh itself", "vsh", "virsh", NAMES(
      "cd", "echo", "exit", "help", "pwd", "quit", "connect") },
    { NULL, NULL, NULL, NULL },
};


bool
vshCmdGroupIsEmpty(const vshCmdGroup *grp)
{
    size_t i;

    for (i = 0; grp->names[i]; i++) {
        if (vshCmdDefLookup(grp->names[i]))
            return false;
    }
    return true;
}


/* Every command in exactly one group, else help and the man page would
 * silently miss it.  Reports each offender; false if there is any. */
bool
vshCmdGroupsCheck(void)
{
    const vshCmdDef *const *table;
    const vshCmdDef *def;
    bool ok = true;

    for (table = vshCmdTables; *table; table++) {
        for (def = *table; def->name; def++) {
            const vshCmdGroup *grp;
            int found = 0;
            size_t i;

            for (grp = vshCmdGroups; grp->title; grp++) {
                for (i = 0; grp->names[i]; i++) {
                    if (strcmp(grp->names[i], def->name) == 0)
                        found++;
                }
            }
            if (found != 1) {
                fprintf(stderr, "vsh: command '%s' is in %d help groups "
                        "(want 1): fix vsh-cmd-groups.c\n", def->name, found);
                ok = false;
            }
        }
    }
    return ok;
}
