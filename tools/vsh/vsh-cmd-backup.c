/* vsh-cmd-backup.c: backup commands (the "backup" group).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>

#include "vsh.h"


#define VSH_OPT_DOMAIN \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      "the domain, by name, id or UUID" }


/* ---- backup-begin ---- */

static const vshCmdOptDef vshOptsBackupBegin[] = {
    VSH_OPT_DOMAIN,
    { "backupxml", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "file describing the backup (default: push every disk)" },
    { "checkpointxml", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "file describing a checkpoint to take along with it" },
    { "reuse-external", VSH_OT_BOOL, 0,
      "write into target files that exist already" },
    VSH_OPT_END
};


static bool
vshCmdBackupBegin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *backupXML = NULL;
    g_autofree char *checkpointXML = NULL;
    const char *file = NULL;
    unsigned int flags = 0;

    if (vshCmdOptBool(cmd, "reuse-external"))
        flags |= VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (vshCmdOptString(ctl, cmd, "backupxml", &file) < 0)
        return false;
    if (file && !(backupXML = vshReadFile(ctl, file)))
        return false;
    if (!backupXML)
        backupXML = g_strdup("<domainbackup/>");
    if (vshCmdOptString(ctl, cmd, "checkpointxml", &file) < 0)
        return false;
    if (file && !(checkpointXML = vshReadFile(ctl, file)))
        return false;

    if (virDomainBackupBegin(dom, backupXML, checkpointXML, flags) < 0)
        return false;
    vshPrintExtra(ctl, "Backup started\n");
    return true;
}


/* ---- backup-dumpxml ---- */

static const vshCmdOptDef vshOptsBackupDumpxml[] = {
    VSH_OPT_DOMAIN,
    VSH_OPTS_XPATH,
    { NULL, 0, 0, NULL }
};


static bool
vshCmdBackupDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    char *xml;
    bool ret;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!(xml = virDomainBackupGetXMLDesc(dom, 0)))
        return false;
    ret = vshPrintXMLDoc(ctl, cmd, xml);
    free(xml);
    return ret;
}


const vshCmdDef vshBackupCmds[] = {
    { "backup-begin", vshCmdBackupBegin, vshOptsBackupBegin,
      "start a backup of a running domain's disks",
      "Starts copying the domain's disks while it keeps running, as the\n"
      "backup XML says; with a checkpoint XML a checkpoint is taken at the\n"
      "same moment.", 0 },
    { "backup-dumpxml", vshCmdBackupDumpxml, vshOptsBackupDumpxml,
      "print the XML of the backup under way", NULL, 0 },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
