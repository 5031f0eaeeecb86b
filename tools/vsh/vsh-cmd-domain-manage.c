/* vsh-cmd-domain-manage.c: the rest of the "domain" group: descriptions
 * and metadata, guest agent queries, jobs, power management, signals,
 * the scheduler, memory, and the hypervisor-specific commands.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Messages and layouts follow virsh 9.0 byte for byte (some messages end
 * without a newline: the blank line vsh prints after every command ends
 * them); the help texts are our own.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vsh.h"

#define VSH_OPT_DOMAIN(helptext) \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }


static const vshCmdOptDef vshOptsDomainOnly[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    VSH_OPT_END
};


/* A file's contents as base64, for the launch security secrets. */
static char *
vshReadBase64File(vshControl *ctl, const char *path)
{
    g_autoptr(GError) err = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!g_file_get_contents(path, &data, &len, &err)) {
        vshError(ctl, "Failed to read file '%s' to string: %s", path,
                 err->message);
        return NULL;
    }
    return g_base64_encode((const guchar *)data, len);
}


/* ---- desc ------------------------------------------------------------- */

static const vshCmdOptDef vshOptsDesc[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "live", VSH_OT_BOOL, 0, "the running domain's text" },
    { "config", VSH_OT_BOOL, 0, "the persistent configuration's text" },
    { "current", VSH_OT_BOOL, 0, "whichever state the domain is in now" },
    { "title", VSH_OT_BOOL, 0, "work on the short title, not the description" },
    { "edit", VSH_OT_BOOL, 0, "change the text in an editor" },
    { "new-desc", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED, "the new text (words are joined by blanks)" },
    VSH_OPT_END
};

static bool
vshCmdDesc(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GString) text = NULL;
    bool title = vshCmdOptBool(cmd, "title");
    bool edit = vshCmdOptBool(cmd, "edit");
    unsigned int flags = 0;
    int type = title ? VIR_DOMAIN_METADATA_TITLE : VIR_DOMAIN_METADATA_DESCRIPTION;
    const char *word;
    size_t iter = 0;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    while ((word = vshCmdOptArgv(cmd, "new-desc", &iter))) {
        if (!text)
            text = g_string_new(NULL);
        else
            g_string_append_c(text, ' ');
        g_string_append(text, word);
    }

    if (edit || text) {
        g_autofree char *current = NULL;
        g_autofree char *wanted = NULL;

        current = virDomainGetMetadata(dom, type, NULL, flags);
        if (!current) {
            vshResetLibvirtError();
            current = g_strdup("");
        }
        if (edit) {
            g_autofree char *edited = NULL;

            /* the text is kept as the editor leaves it, newlines and all */
            if (!(edited = vshEditString(ctl, text ? text->str : current)))
                return false;
            if (strcmp(edited, current) == 0) {
                if (title)
                    vshPrintExtra(ctl, "%s", "Domain title not changed\n");
                else
                    vshPrintExtra(ctl, "%s", "Domain description not changed\n");
                return true;
            }
            wanted = g_steal_pointer(&edited);
        } else {
            wanted = g_strdup(text->str);
        }

        if (virDomainSetMetadata(dom, type, wanted, NULL, NULL, flags) < 0) {
            if (title)
                vshError(ctl, "%s", "Failed to set new domain title");
            else
                vshError(ctl, "%s", "Failed to set new domain description");
            return false;
        }
        if (title)
            vshPrintExtra(ctl, "%s", "Domain title updated successfully");
        else
            vshPrintExtra(ctl, "%s", "Domain description updated successfully");
        return true;
    } else {
        g_autofree char *current = virDomainGetMetadata(dom, type, NULL, flags);

        if (!current || !*current) {
            vshResetLibvirtError();
            if (title)
                vshPrintExtra(ctl, "No title for domain: %s",
                              virDomainGetName(dom));
            else
                vshPrintExtra(ctl, "No description for domain: %s",
                              virDomainGetName(dom));
            return true;
        }
        vshPrint(ctl, "%s", current);
    }
    return true;
}


/* ---- metadata --------------------------------------------------------- */

static const vshCmdOptDef vshOptsMetadata[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "uri", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the namespace URI that identifies the element" },
    { "live", VSH_OT_BOOL, 0, "the running domain's metadata" },
    { "config", VSH_OT_BOOL, 0, "the persistent configuration's metadata" },
    { "current", VSH_OT_BOOL, 0, "whichever state the domain is in now" },
    { "edit", VSH_OT_BOOL, 0, "change the element in an editor" },
    { "key", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the namespace prefix to store the element with" },
    { "set", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the new element, as XML" },
    { "remove", VSH_OT_BOOL, 0, "delete the element" },
    VSH_OPT_END
};

static bool
vshCmdMetadata(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    bool edit = vshCmdOptBool(cmd, "edit");
    bool rem = vshCmdOptBool(cmd, "remove");
    const char *uri = NULL;
    const char *key = NULL;
    const char *set = NULL;
    unsigned int flags = 0;

    if (!vshCmdAffectFlags(ctl, cmd, &flags) ||
        !vshCmdExclusive(ctl, cmd, "edit", "set") ||
        !vshCmdExclusive(ctl, cmd, "remove", "set") ||
        !vshCmdExclusive(ctl, cmd, "remove", "edit"))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "uri", &uri) < 0 ||
        vshCmdOptString(ctl, cmd, "key", &key) < 0 ||
        vshCmdOptString(ctl, cmd, "set", &set) < 0)
        return false;

    if ((set || edit) && !key) {
        vshError(ctl, "%s", "namespace key is required when modifying metadata");
        return false;
    }

    if (set || rem) {
        if (virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, set, key,
                                 uri, flags) < 0)
            return false;
        if (rem)
            vshPrintExtra(ctl, "%s\n", "Metadata removed");
        else
            vshPrintExtra(ctl, "%s\n", "Metadata modified");
    } else if (edit) {
        g_autofree char *current = NULL;
        g_autofree char *edited = NULL;

        current = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, uri,
                                       flags);
        if (!current) {
            vshResetLibvirtError();
            current = g_strdup("");
        }
        if (!(edited = vshEditString(ctl, current)))
            return false;
        if (strcmp(edited, current) == 0) {
            vshPrintExtra(ctl, "%s", "Metadata not changed");
            return true;
        }
        if (virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, edited,
                                 key, uri, flags) < 0) {
            /* like edit: without a terminal to offer another try on,
             * virsh reports the failure and carries on as if it worked */
            vshResetLibvirtError();
            vshError(ctl, "%s", "Failed.");
        }
        vshPrintExtra(ctl, "%s\n", "Metadata modified");
    } else {
        g_autofree char *data = NULL;

        if (!(data = virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT,
                                          uri, flags)))
            return false;
        vshPrint(ctl, "%s\n", data);
    }
    return true;
}


/* ---- domhostname, domfs*, guest agent ----------------------------------- */

static const vshCmdOptDef vshOptsDomhostname[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "source", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "where to ask: 'lease' (DHCP leases) or 'agent' (guest agent)" },
    VSH_OPT_END
};

static bool
vshCmdDomhostname(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *hostname = NULL;
    const char *source = NULL;
    unsigned int flags = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "source", &source) < 0)
        return false;
    if (source) {
        if (strcmp(source, "lease") == 0) {
            flags |= VIR_DOMAIN_GET_HOSTNAME_LEASE;
        } else if (strcmp(source, "agent") == 0) {
            flags |= VIR_DOMAIN_GET_HOSTNAME_AGENT;
        } else {
            vshError(ctl, "Unknown data source '%s'", source);
            return false;
        }
    }
    if (!(hostname = virDomainGetHostname(dom, flags))) {
        vshError(ctl, "%s", "failed to get hostname");
        return false;
    }
    vshPrint(ctl, "%s\n", hostname);
    return true;
}


static const vshCmdOptDef vshOptsDomfsfreeze[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "mountpoint", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED,
      "a mount point to freeze (default: all of them)" },
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsDomfsthaw[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "mountpoint", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED,
      "a mount point to thaw (default: all of them)" },
    VSH_OPT_END
};

/* Freeze or thaw: the same command with two verbs. */
static bool
vshFSFreezeThaw(vshControl *ctl, const vshCmd *cmd, bool freeze)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GPtrArray) mounts = g_ptr_array_new();
    const char *mp;
    size_t iter = 0;
    int n;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    while ((mp = vshCmdOptArgv(cmd, "mountpoint", &iter)))
        g_ptr_array_add(mounts, (gpointer)mp);

    if (freeze)
        n = virDomainFSFreeze(dom, (const char **)mounts->pdata, mounts->len, 0);
    else
        n = virDomainFSThaw(dom, (const char **)mounts->pdata, mounts->len, 0);
    if (n < 0) {
        vshError(ctl, "%s", freeze ? "Unable to freeze filesystems"
                                   : "Unable to thaw filesystems");
        return false;
    }
    if (freeze)
        vshPrintExtra(ctl, "Froze %d filesystem(s)\n", n);
    else
        vshPrintExtra(ctl, "Thawed %d filesystem(s)\n", n);
    return true;
}

static bool
vshCmdDomfsfreeze(vshControl *ctl, const vshCmd *cmd)
{
    return vshFSFreezeThaw(ctl, cmd, true);
}

static bool
vshCmdDomfsthaw(vshControl *ctl, const vshCmd *cmd)
{
    return vshFSFreezeThaw(ctl, cmd, false);
}


static const vshCmdOptDef vshOptsDomfstrim[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "minimum", VSH_OT_INT, VSH_OFLAG_POSITIONAL,
      "free ranges shorter than this many bytes may be skipped" },
    { "mountpoint", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "trim only this mount point" },
    VSH_OPT_END
};

static bool
vshCmdDomfstrim(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long long minimum = 0;
    const char *mountpoint = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptULongLong(ctl, cmd, "minimum", false, &minimum) < 0 ||
        vshCmdOptString(ctl, cmd, "mountpoint", &mountpoint) < 0)
        return false;
    if (virDomainFSTrim(dom, mountpoint, minimum, 0) < 0) {
        vshError(ctl, "%s", "Unable to invoke fstrim");
        return false;
    }
    return true;
}


static bool
vshCmdDomfsinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(vshTable) table = NULL;
    virDomainFSInfoPtr *info = NULL;
    int n;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((n = virDomainGetFSInfo(dom, &info, 0)) < 0) {
        vshError(ctl, "%s", "Unable to get filesystem information");
        return false;
    }
    if (n == 0) {
        free(info);
        return true;
    }

    table = vshTableNew("Mountpoint", "Name", "Type", "Target", NULL);
    for (i = 0; i < n; i++) {
        g_autoptr(GString) targets = g_string_new(NULL);
        size_t j;

        for (j = 0; j < info[i]->ndevAlias; j++)
            g_string_append_printf(targets, "%s%s", j ? "," : "",
                                   info[i]->devAlias[j]);
        vshTableAppend(table, info[i]->mountpoint, info[i]->name,
                       info[i]->fstype, targets->str, NULL);
        virDomainFSInfoFree(info[i]);
    }
    free(info);
    vshTablePrint(ctl, table);
    return true;
}


static const vshCmdOptDef vshOptsGuestinfo[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "user", VSH_OT_BOOL, 0, "the users logged in" },
    { "os", VSH_OT_BOOL, 0, "the operating system" },
    { "timezone", VSH_OT_BOOL, 0, "the time zone" },
    { "hostname", VSH_OT_BOOL, 0, "the host name" },
    { "filesystem", VSH_OT_BOOL, 0, "the file systems" },
    { "disk", VSH_OT_BOOL, 0, "the disks" },
    { "interface", VSH_OT_BOOL, 0, "the network interfaces" },
    VSH_OPT_END
};

static bool
vshCmdGuestinfo(vshControl *ctl, const vshCmd *cmd)
{
    static const struct {
        const char *opt;
        unsigned int type;
    } kinds[] = {
        { "user", VIR_DOMAIN_GUEST_INFO_USERS },
        { "os", VIR_DOMAIN_GUEST_INFO_OS },
        { "timezone", VIR_DOMAIN_GUEST_INFO_TIMEZONE },
        { "hostname", VIR_DOMAIN_GUEST_INFO_HOSTNAME },
        { "filesystem", VIR_DOMAIN_GUEST_INFO_FILESYSTEM },
        { "disk", VIR_DOMAIN_GUEST_INFO_DISKS },
        { "interface", VIR_DOMAIN_GUEST_INFO_INTERFACES },
    };
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    unsigned int types = 0;
    int nparams = 0;
    size_t k;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    for (k = 0; k < G_N_ELEMENTS(kinds); k++) {
        if (vshCmdOptBool(cmd, kinds[k].opt))
            types |= kinds[k].type;
    }
    if (virDomainGetGuestInfo(dom, types, &params, &nparams, 0) < 0)
        return false;
    for (i = 0; i < nparams; i++) {
        g_autofree char *val = vshTypedParamString(&params[i]);
        vshPrint(ctl, "%-20s: %s\n", params[i].field, val);
    }
    virTypedParamsFree(params, nparams);
    return true;
}


static const vshCmdOptDef vshOptsGetUserSSHKeys[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "user", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the guest user whose keys are listed" },
    VSH_OPT_END
};

static bool
vshCmdGetUserSSHKeys(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *user;
    char **keys = NULL;
    int n;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "user", &user) < 0)
        return false;
    if ((n = virDomainAuthorizedSSHKeysGet(dom, user, &keys, 0)) < 0)
        return false;
    for (i = 0; i < n; i++) {
        vshPrint(ctl, "%s\n", keys[i]);
        free(keys[i]);
    }
    free(keys);
    return true;
}


static const vshCmdOptDef vshOptsSetUserSSHKeys[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "user", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the guest user whose keys change" },
    { "file", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a file with one key a line" },
    { "reset", VSH_OT_BOOL, 0, "replace the keys instead of adding to them" },
    { "remove", VSH_OT_BOOL, 0, "take the keys in the file away" },
    VSH_OPT_END
};

static bool
vshCmdSetUserSSHKeys(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *data = NULL;
    g_autoptr(GPtrArray) keys = g_ptr_array_new();
    g_auto(GStrv) lines = NULL;
    const char *user;
    const char *file = NULL;
    unsigned int flags = 0;
    size_t i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "user", &user) < 0 ||
        vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;

    if (vshCmdOptBool(cmd, "remove")) {
        flags |= VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE;
        if (!file) {
            vshError(ctl, "%s", "Option --file is required by option --remove");
            return false;
        }
    } else if (!vshCmdOptBool(cmd, "reset")) {
        flags |= VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND;
        if (!file) {
            vshError(ctl, "%s", "Option --file is required");
            return false;
        }
    }

    if (file) {
        if (!(data = vshReadFile(ctl, file)))
            return false;
        lines = g_strsplit(data, "\n", -1);
        for (i = 0; lines[i]; i++) {
            /* comments and blank lines are not keys */
            if (lines[i][0] == '\0' || lines[i][0] == '#')
                continue;
            g_ptr_array_add(keys, lines[i]);
        }
    }

    if (virDomainAuthorizedSSHKeysSet(dom, user, (const char **)keys->pdata,
                                      keys->len, flags) < 0)
        return false;
    return true;
}


static const vshCmdOptDef vshOptsSetUserPassword[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "user", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the guest user" },
    { "password", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the password to give that user" },
    { "encrypted", VSH_OT_BOOL, 0, "the password is already hashed" },
    VSH_OPT_END
};

static bool
vshCmdSetUserPassword(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    const char *user;
    const char *password;
    unsigned int flags = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "user", &user) < 0 ||
        vshCmdOptString(ctl, cmd, "password", &password) < 0)
        return false;
    if (vshCmdOptBool(cmd, "encrypted"))
        flags |= VIR_DOMAIN_PASSWORD_ENCRYPTED;
    if (virDomainSetUserPassword(dom, user, password, flags) < 0)
        return false;
    vshPrintExtra(ctl, "Password set successfully for %s in %s", user, name);
    return true;
}


static const vshCmdOptDef vshOptsGuestAgentTimeout[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "timeout", VSH_OT_INT, 0,
      "seconds to wait for the agent (-2 block, -1 default, 0 no wait)" },
    VSH_OPT_END
};

static bool
vshCmdGuestAgentTimeout(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    int timeout = VIR_DOMAIN_AGENT_RESPONSE_TIMEOUT_BLOCK;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptInt(ctl, cmd, "timeout", &timeout) < 0)
        return false;
    if (virDomainAgentSetResponseTimeout(dom, timeout, 0) < 0)
        return false;
    return true;
}


/* ---- domjobinfo, domjobabort --------------------------------------------- */

static const vshCmdOptDef vshOptsDomjobabort[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "postcopy", VSH_OT_BOOL, 0, "stop a migration that is in post-copy mode" },
    VSH_OPT_END
};

static bool
vshCmdDomjobabort(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    int rc;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "postcopy"))
        rc = virDomainAbortJobFlags(dom, VIR_DOMAIN_ABORT_JOB_POSTCOPY);
    else
        rc = virDomainAbortJob(dom);
    return rc == 0;
}


static const vshCmdOptDef vshOptsDomjobinfo[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "completed", VSH_OT_BOOL, 0, "the job that finished last" },
    { "keep-completed", VSH_OT_BOOL, 0, "keep the finished job's figures after reading them" },
    { "anystats", VSH_OT_BOOL, 0, "print figures even for jobs that failed" },
    { "rawstats", VSH_OT_BOOL, 0, "print the parameters as the library returns them" },
    VSH_OPT_END
};

static const char *
vshJobTypeName(int type)
{
    switch (type) {
    case VIR_DOMAIN_JOB_NONE: return "None";
    case VIR_DOMAIN_JOB_BOUNDED: return "Bounded";
    case VIR_DOMAIN_JOB_UNBOUNDED: return "Unbounded";
    case VIR_DOMAIN_JOB_COMPLETED: return "Completed";
    case VIR_DOMAIN_JOB_FAILED: return "Failed";
    case VIR_DOMAIN_JOB_CANCELLED: return "Cancelled";
    default: return "Unknown";
    }
}

static bool
vshCmdDomjobinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    unsigned int flags = 0;
    int nparams = 0;
    int type = 0;
    int i;

    if (vshCmdOptBool(cmd, "keep-completed") &&
        !vshCmdOptBool(cmd, "completed")) {
        vshError(ctl, "%s", "Option --completed is required by option --keep-completed");
        return false;
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "completed"))
        flags |= VIR_DOMAIN_JOB_STATS_COMPLETED;
    if (vshCmdOptBool(cmd, "keep-completed"))
        flags |= VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED;

    if (virDomainGetJobStats(dom, &type, &params, &nparams, flags) < 0) {
        virDomainJobInfo info;

        if (!vshLibvirtErrorIs(VIR_ERR_NO_SUPPORT))
            return false;
        /* older drivers only have the fixed structure */
        if (flags || vshCmdOptBool(cmd, "rawstats")) {
            vshError(ctl, "%s", "Optional flags or --rawstats are not supported by the daemon");
            return false;
        }
        vshResetLibvirtError();
        if (virDomainGetJobInfo(dom, &info) < 0)
            return false;
        vshPrint(ctl, "%-17s %-12s\n", "Job type:", vshJobTypeName(info.type));
        if (info.type == VIR_DOMAIN_JOB_NONE && !vshCmdOptBool(cmd, "anystats"))
            return true;
        vshPrint(ctl, "%-17s %-12llu ms\n", "Time elapsed:", info.timeElapsed);
        if (info.type == VIR_DOMAIN_JOB_BOUNDED)
            vshPrint(ctl, "%-17s %-12llu ms\n", "Time remaining:", info.timeRemaining);
        return true;
    }

    if (vshCmdOptBool(cmd, "rawstats")) {
        vshPrint(ctl, "Job type: %d\n\n", type);
        for (i = 0; i < nparams; i++) {
            g_autofree char *val = vshTypedParamString(&params[i]);
            vshPrint(ctl, "%s: %s\n", params[i].field, val);
        }
        virTypedParamsFree(params, nparams);
        return true;
    }

    vshPrint(ctl, "%-17s %-12s\n", "Job type:", vshJobTypeName(type));
    if (type != VIR_DOMAIN_JOB_NONE || vshCmdOptBool(cmd, "anystats")) {
        for (i = 0; i < nparams; i++) {
            g_autofree char *val = vshTypedParamString(&params[i]);
            vshPrint(ctl, "%-17s %s\n", params[i].field, val);
        }
    }
    virTypedParamsFree(params, nparams);
    return true;
}


/* ---- launch security -------------------------------------------------- */

static bool
vshCmdDomlaunchsecinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (virDomainGetLaunchSecurityInfo(dom, &params, &nparams,
                                       VIR_TYPED_PARAM_STRING_OKAY) < 0) {
        vshError(ctl, "%s", "Unable to get launch security parameters");
        return false;
    }
    for (i = 0; i < nparams; i++) {
        g_autofree char *val = vshTypedParamString(&params[i]);
        vshPrint(ctl, "%-15s: %s\n", params[i].field, val);
    }
    virTypedParamsFree(params, nparams);
    return true;
}


static const vshCmdOptDef vshOptsDomsetlaunchsecstate[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "secrethdr", VSH_OT_STRING, 0, "file with the secret's header" },
    { "secret", VSH_OT_STRING, 0, "file with the secret" },
    { "set-address", VSH_OT_INT, 0, "guest physical address to put the secret at" },
    VSH_OPT_END
};

static bool
vshCmdDomsetlaunchsecstate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    g_autofree char *hdr = NULL;
    g_autofree char *secret = NULL;
    const char *hdrfile = NULL;
    const char *secretfile = NULL;
    unsigned long long address = 0;
    int nparams = 0;
    int maxparams = 0;
    int rc;
    bool ret = false;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "secrethdr", &hdrfile) < 0 ||
        vshCmdOptString(ctl, cmd, "secret", &secretfile) < 0)
        return false;
    if (!hdrfile || !secretfile) {
        vshError(ctl, "%s", "Both secret and the secret header are required");
        return false;
    }
    if ((rc = vshCmdOptULongLong(ctl, cmd, "set-address", false, &address)) < 0)
        return false;
    if (!(hdr = vshReadBase64File(ctl, hdrfile)) ||
        !(secret = vshReadBase64File(ctl, secretfile)))
        return false;

    if (virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_HEADER,
                                hdr) < 0 ||
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET,
                                secret) < 0 ||
        (rc > 0 &&
         virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                 VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS,
                                 address) < 0))
        goto cleanup;

    if (virDomainSetLaunchSecurityState(dom, params, nparams, 0) < 0) {
        vshError(ctl, "%s", "Unable to set launch security state");
        goto cleanup;
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* ---- domrename, dompmsuspend, dompmwakeup, reset, inject-nmi ------------ */

static const vshCmdOptDef vshOptsDomrename[] = {
    VSH_OPT_DOMAIN("the domain, by name or UUID"),
    { "new-name", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the name it gets" },
    VSH_OPT_END
};

static bool
vshCmdDomrename(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *newname;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYNAME | VSH_BYUUID, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "new-name", &newname) < 0)
        return false;
    if (virDomainRename(dom, newname, 0) < 0)
        return false;
    vshPrintExtra(ctl, "%s\n", "Domain successfully renamed");
    return true;
}


static const vshCmdOptDef vshOptsDompmsuspend[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "target", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "mem (to RAM), disk (to disk) or hybrid (both)" },
    { "duration", VSH_OT_INT, 0, "seconds before the guest wakes up by itself" },
    VSH_OPT_END
};

static bool
vshCmdDompmsuspend(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long long duration = 0;
    const char *name;
    const char *target;
    unsigned int which;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (vshCmdOptULongLong(ctl, cmd, "duration", false, &duration) < 0 ||
        vshCmdOptString(ctl, cmd, "target", &target) < 0)
        return false;
    if (strcmp(target, "mem") == 0) {
        which = VIR_NODE_SUSPEND_TARGET_MEM;
    } else if (strcmp(target, "disk") == 0) {
        which = VIR_NODE_SUSPEND_TARGET_DISK;
    } else if (strcmp(target, "hybrid") == 0) {
        which = VIR_NODE_SUSPEND_TARGET_HYBRID;
    } else {
        vshError(ctl, "%s", "Invalid target");
        return false;
    }
    if (virDomainPMSuspendForDuration(dom, which, duration, 0) < 0) {
        vshError(ctl, "Domain '%s' could not be suspended", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' successfully suspended", name);
    return true;
}


static bool
vshCmdDompmwakeup(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (virDomainPMWakeup(dom, 0) < 0) {
        vshError(ctl, "Domain '%s' could not be woken up", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' successfully woken up", name);
    return true;
}


static bool
vshCmdReset(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (virDomainReset(dom, 0) < 0) {
        vshError(ctl, "Failed to reset domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' was reset\n", name);
    return true;
}


static bool
vshCmdInjectNMI(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    return virDomainInjectNMI(dom, 0) == 0;
}


/* ---- send-process-signal ------------------------------------------------ */

static const vshCmdOptDef vshOptsSendProcessSignal[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "pid", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the process id inside the guest" },
    { "signame", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "a signal number or name (kill, sigterm, ...)" },
    VSH_OPT_END
};

/* The names of virDomainProcessSignal, by number, without "SIG". */
static const char *const vshSignalNames[] = {
    "nop", "hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe",
    "kill", "usr1", "segv", "usr2", "pipe", "alrm", "term", "stkflt",
    "chld", "cont", "stop", "tstp", "ttin", "ttou", "urg", "xcpu", "xfsz",
    "vtalrm", "prof", "winch", "poll", "pwr", "sys", "rt0", "rt1", "rt2",
    "rt3", "rt4", "rt5", "rt6", "rt7", "rt8", "rt9", "rt10", "rt11",
    "rt12", "rt13", "rt14", "rt15", "rt16", "rt17", "rt18", "rt19",
    "rt20", "rt21", "rt22", "rt23", "rt24", "rt25", "rt26", "rt27",
    "rt28", "rt29", "rt30", "rt31", "rt32",
};

static int
vshSignalFromName(const char *str)
{
    const char *name = str;
    char *end = NULL;
    long num;
    size_t i;

    if (g_ascii_isdigit(*str)) {
        num = strtol(str, &end, 10);
        if (*end == '\0' && num >= 0 && num <= INT_MAX)
            return num;
    }
    if (g_ascii_strncasecmp(name, "sig", 3) == 0)
        name += 3;
    for (i = 0; i < G_N_ELEMENTS(vshSignalNames); i++) {
        if (g_ascii_strcasecmp(name, vshSignalNames[i]) == 0)
            return i;
    }
    return -1;
}

static bool
vshCmdSendProcessSignal(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *signame;
    long long pid;
    int signum;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptLongLong(ctl, cmd, "pid", &pid) < 0 ||
        vshCmdOptString(ctl, cmd, "signame", &signame) < 0)
        return false;
    if ((signum = vshSignalFromName(signame)) < 0) {
        vshError(ctl, "malformed signal name: %s", signame);
        return false;
    }
    return virDomainSendProcessSignal(dom, pid, signum, 0) == 0;
}


/* ---- schedinfo ---------------------------------------------------------- */

static const vshCmdOptDef vshOptsSchedinfo[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "weight", VSH_OT_INT, 0, "the 'weight' parameter (Xen credit scheduler)" },
    { "cap", VSH_OT_INT, 0, "the 'cap' parameter (Xen credit scheduler)" },
    { "current", VSH_OT_BOOL, 0, "whichever state the domain is in now" },
    { "config", VSH_OT_BOOL, 0, "the values for the next boot" },
    { "live", VSH_OT_BOOL, 0, "the values of the running domain" },
    { "set", VSH_OT_ARGV, VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED, "a NAME=VALUE pair to change" },
    VSH_OPT_END
};

/* Give the parameter @name of @list the value @text, parsed for its type. */
static bool
vshSchedSet(vshControl *ctl, virTypedParameterPtr list, int n,
            const char *name, const char *text,
            virTypedParameterPtr *out, int *nout, int *maxout)
{
    int i;
    int rc = -1;

    for (i = 0; i < n; i++) {
        if (strcmp(list[i].field, name) == 0)
            break;
    }
    if (i == n) {
        vshError(ctl, "invalid scheduler option: %s", name);
        return false;
    }
    rc = vshTypedParamAddFromString(out, nout, maxout, name, list[i].type,
                                    text);
    if (rc < 0) {
        static const char *const typenames[] = {
            "", "int", "unsigned int", "long long", "unsigned long long",
            "double", "boolean", "string",
        };
        vshError(ctl, "invalid argument: Invalid value for field '%s': expected %s",
                 name, typenames[list[i].type < 8 ? list[i].type : 0]);
        return false;
    }
    return true;
}

static bool
vshCmdSchedinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    virTypedParameterPtr updates = NULL;
    g_autofree char *schedtype = NULL;
    bool useFlags = false;
    unsigned int flags = 0;
    int nparams = 0;
    int nupdates = 0;
    int maxupdates = 0;
    const char *opt;
    const char *set;
    size_t iter = 0;
    bool ret = false;
    int rc;
    int i;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    useFlags = vshCmdOptBool(cmd, "current") || vshCmdOptBool(cmd, "live") ||
               vshCmdOptBool(cmd, "config");
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;

    if (!(schedtype = virDomainGetSchedulerType(dom, &nparams))) {
        vshError(ctl, "%s", "Scheduler type not supported");
        return false;
    }
    vshPrint(ctl, "%-15s: %s\n", "Scheduler", schedtype);
    if (nparams == 0)
        return true;

    params = g_new0(virTypedParameter, nparams);
    if (useFlags)
        rc = virDomainGetSchedulerParametersFlags(dom, params, &nparams,
                                                  flags | VIR_TYPED_PARAM_STRING_OKAY);
    else
        rc = virDomainGetSchedulerParameters(dom, params, &nparams);
    if (rc < 0)
        goto cleanup;

    /* the old --weight and --cap, then every --set NAME=VALUE */
    for (i = 0; i < 2; i++) {
        const char *name = i == 0 ? "weight" : "cap";
        const char *text;
        size_t it = 0;

        if (!(text = vshCmdOptArgv(cmd, name, &it)))
            continue;
        if (!vshSchedSet(ctl, params, nparams, name, text,
                         &updates, &nupdates, &maxupdates))
            goto cleanup;
    }
    while ((set = vshCmdOptArgv(cmd, "set", &iter))) {
        g_autofree char *name = NULL;

        if (!(opt = strchr(set, '='))) {
            vshError(ctl, "%s", "Invalid syntax for --set, expecting name=value");
            goto cleanup;
        }
        name = g_strndup(set, opt - set);
        if (!vshSchedSet(ctl, params, nparams, name, opt + 1,
                         &updates, &nupdates, &maxupdates))
            goto cleanup;
    }

    if (nupdates > 0) {
        if (useFlags)
            rc = virDomainSetSchedulerParametersFlags(dom, updates, nupdates, flags);
        else
            rc = virDomainSetSchedulerParameters(dom, updates, nupdates);
        if (rc < 0)
            goto cleanup;
        /* show what the domain has now */
        if (useFlags)
            rc = virDomainGetSchedulerParametersFlags(dom, params, &nparams,
                                                      flags | VIR_TYPED_PARAM_STRING_OKAY);
        else
            rc = virDomainGetSchedulerParameters(dom, params, &nparams);
        if (rc < 0)
            goto cleanup;
    }

    for (i = 0; i < nparams; i++) {
        g_autofree char *val = vshTypedParamString(&params[i]);
        vshPrint(ctl, "%-15s: %s\n", params[i].field, val);
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    virTypedParamsFree(updates, nupdates);
    return ret;
}


/* ---- set-lifecycle-action ----------------------------------------------- */

static const vshCmdOptDef vshOptsSetLifecycleAction[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "type", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the event: poweroff, reboot or crash" },
    { "action", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "what to do: destroy, restart, rename-restart, preserve, coredump-destroy, coredump-restart" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "live", VSH_OT_BOOL, 0, "change the running domain" },
    { "current", VSH_OT_BOOL, 0, "change whichever state the domain is in now" },
    VSH_OPT_END
};

static bool
vshCmdSetLifecycleAction(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const types[] = { "poweroff", "reboot", "crash" };
    static const char *const actions[] = {
        "destroy", "restart", "rename-restart", "preserve",
        "coredump-destroy", "coredump-restart",
    };
    g_autoptr(virDomain) dom = NULL;
    const char *typestr;
    const char *actionstr;
    unsigned int flags = 0;
    size_t type;
    size_t action;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "type", &typestr) < 0 ||
        vshCmdOptString(ctl, cmd, "action", &actionstr) < 0)
        return false;

    for (type = 0; type < G_N_ELEMENTS(types); type++) {
        if (strcmp(typestr, types[type]) == 0)
            break;
    }
    if (type == G_N_ELEMENTS(types)) {
        vshError(ctl, "Invalid lifecycle type '%s'.", typestr);
        return false;
    }
    for (action = 0; action < G_N_ELEMENTS(actions); action++) {
        if (strcmp(actionstr, actions[action]) == 0)
            break;
    }
    if (action == G_N_ELEMENTS(actions)) {
        vshError(ctl, "Invalid lifecycle action '%s'.", actionstr);
        return false;
    }
    if (virDomainSetLifecycleAction(dom, type, action, flags) < 0) {
        vshError(ctl, "%s", "Unable to change lifecycle action.");
        return false;
    }
    return true;
}


/* ---- setmem, setmaxmem ---------------------------------------------------- */

static const vshCmdOptDef vshOptsSetmem[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "size", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the new memory size, with a unit suffix or in KiB" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "live", VSH_OT_BOOL, 0, "change the running domain" },
    { "current", VSH_OT_BOOL, 0, "change whichever state the domain is in now" },
    VSH_OPT_END
};

static const vshCmdOptDef vshOptsSetmaxmem[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "size", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the new memory limit, with a unit suffix or in KiB" },
    { "config", VSH_OT_BOOL, 0, "change the persistent configuration" },
    { "live", VSH_OT_BOOL, 0, "change the running domain" },
    { "current", VSH_OT_BOOL, 0, "change whichever state the domain is in now" },
    VSH_OPT_END
};

/* The size option in KiB, rounded up. */
static bool
vshMemorySizeKiB(vshControl *ctl, const vshCmd *cmd, unsigned long *kib)
{
    unsigned long long bytes = 0;

    if (vshCmdOptScaledInt(ctl, cmd, "size", 1024, ULLONG_MAX, &bytes) < 0)
        return false;
    if (bytes / 1024 + (bytes % 1024 ? 1 : 0) > ULONG_MAX) {
        vshError(ctl, "Memory size %llu is too large", bytes);
        return false;
    }
    *kib = bytes / 1024 + (bytes % 1024 ? 1 : 0);
    return true;
}

static bool
vshCmdSetmem(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags = 0;
    unsigned long kib = 0;
    int rc;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshMemorySizeKiB(ctl, cmd, &kib))
        return false;
    if (flags == 0 && !vshCmdOptBool(cmd, "current"))
        rc = virDomainSetMemory(dom, kib);
    else
        rc = virDomainSetMemoryFlags(dom, kib, flags);
    return rc == 0;
}

static bool
vshCmdSetmaxmem(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags = 0;
    unsigned long kib = 0;
    int rc;

    if (!vshCmdAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (!vshMemorySizeKiB(ctl, cmd, &kib))
        return false;
    if (flags == 0 && !vshCmdOptBool(cmd, "current"))
        rc = virDomainSetMaxMemory(dom, kib);
    else
        rc = virDomainSetMemoryFlags(dom, kib, flags | VIR_DOMAIN_MEM_MAXIMUM);
    if (rc < 0) {
        vshError(ctl, "%s", "Unable to change MaxMemorySize");
        return false;
    }
    return true;
}


/* ---- domblkthreshold, domdirtyrate-calc, dom-fd-associate ------------------- */

static const vshCmdOptDef vshOptsDomblkthreshold[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "dev", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the disk target (or backing chain element, vda[1])" },
    { "threshold", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the write offset that raises the event, in bytes or with a unit" },
    VSH_OPT_END
};

static bool
vshCmdDomblkthreshold(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long long threshold = 0;
    const char *dev;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "dev", &dev) < 0 ||
        vshCmdOptScaledInt(ctl, cmd, "threshold", 1, ULLONG_MAX, &threshold) < 0)
        return false;
    return virDomainSetBlockThreshold(dom, dev, threshold, 0) == 0;
}


static const vshCmdOptDef vshOptsDomdirtyrateCalc[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "seconds", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "how long to measure, 1 to 60 seconds" },
    { "mode", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "page-sampling, dirty-bitmap or dirty-ring" },
    VSH_OPT_END
};

static bool
vshCmdDomdirtyrateCalc(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *mode = NULL;
    unsigned int flags = 0;
    int seconds = 1;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptInt(ctl, cmd, "seconds", &seconds) < 0 ||
        vshCmdOptString(ctl, cmd, "mode", &mode) < 0)
        return false;
    if (mode) {
        if (strcmp(mode, "page-sampling") == 0) {
            flags |= VIR_DOMAIN_DIRTYRATE_MODE_PAGE_SAMPLING;
        } else if (strcmp(mode, "dirty-bitmap") == 0) {
            flags |= VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_BITMAP;
        } else if (strcmp(mode, "dirty-ring") == 0) {
            flags |= VIR_DOMAIN_DIRTYRATE_MODE_DIRTY_RING;
        } else {
            vshError(ctl, "Unknown calculation mode '%s'", mode);
            return false;
        }
    }
    if (virDomainStartDirtyRateCalc(dom, seconds, flags) < 0)
        return false;
    vshPrintExtra(ctl, "%s\n",
                  "Start to calculate domain's memory dirty rate successfully.");
    return true;
}


static const vshCmdOptDef vshOptsDomFdAssociate[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "name", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the name the descriptors are known by" },
    { "pass-fds", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "comma-separated descriptors of this shell to hand over" },
    { "seclabel-writable", VSH_OT_BOOL, 0, "label the files so the guest may write" },
    { "seclabel-restore", VSH_OT_BOOL, 0, "give the files their old label back afterwards" },
    VSH_OPT_END
};

static bool
vshCmdDomFdAssociate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(GArray) fds = g_array_new(FALSE, FALSE, sizeof(int));
    g_auto(GStrv) parts = NULL;
    const char *name;
    const char *list;
    unsigned int flags = 0;
    size_t i;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "name", &name) < 0 ||
        vshCmdOptString(ctl, cmd, "pass-fds", &list) < 0)
        return false;

    parts = g_strsplit(list, ",", -1);
    for (i = 0; parts[i]; i++) {
        char *end = NULL;
        long fd = strtol(parts[i], &end, 10);

        if (end == parts[i] || *end || fd < 0 || fd > INT_MAX) {
            vshError(ctl, "Unable to parse FD number '%s'", parts[i]);
            return false;
        }
        g_array_append_val(fds, fd);
    }
    if (vshCmdOptBool(cmd, "seclabel-writable"))
        flags |= VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_WRITABLE;
    if (vshCmdOptBool(cmd, "seclabel-restore"))
        flags |= VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_RESTORE;
    return virDomainFDAssociate(dom, name, fds->len, (int *)fds->data,
                                flags) == 0;
}


/* ---- qemu-*, lxc-enter-namespace ----------------------------------------------- */

/* These need libvirt-qemu / libvirt-lxc, which vsh does not link: no
 * driver of ours implements them, so they fail as the test driver does. */
static bool
vshHypervisorOnly(vshControl *ctl, const vshCmd *cmd, const char *api)
{
    g_autoptr(virDomain) dom = NULL;

    if (vshCmdOptBool(cmd, "domain") &&
        !(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    vshError(ctl, "this function is not supported by the connection driver: %s",
             api);
    return false;
}

static const vshCmdOptDef vshOptsQemuAttach[] = {
    { "pid", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the process id of the QEMU to adopt" },
    VSH_OPT_END
};

static bool
vshCmdQemuAttach(vshControl *ctl, const vshCmd *cmd)
{
    unsigned int pid = 0;

    if (vshCmdOptUInt(ctl, cmd, "pid", false, &pid) < 0)
        return false;
    vshError(ctl, "Failed to attach to pid %u", pid);
    return vshHypervisorOnly(ctl, cmd, "virDomainQemuAttach");
}

static const vshCmdOptDef vshOptsQemuMonitorCommand[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "hmp", VSH_OT_BOOL, 0, "the command is in the human monitor language" },
    { "pretty", VSH_OT_BOOL, 0, "indent the JSON reply" },
    { "return-value", VSH_OT_BOOL, 0, "print only the 'return' member of the reply" },
    { "pass-fds", VSH_OT_STRING, 0, "comma-separated descriptors to hand to QEMU" },
    { "cmd", VSH_OT_ARGV, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED, "the command" },
    VSH_OPT_END
};

static bool
vshCmdQemuMonitorCommand(vshControl *ctl, const vshCmd *cmd)
{
    if (vshCmdOptBool(cmd, "pass-fds"))
        return vshHypervisorOnly(ctl, cmd, "virDomainQemuMonitorCommandWithFiles");
    return vshHypervisorOnly(ctl, cmd, "virDomainQemuMonitorCommand");
}

static const vshCmdOptDef vshOptsQemuMonitorEvent[] = {
    { "domain", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "only events of this domain" },
    { "event", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "only events with this name" },
    { "pretty", VSH_OT_BOOL, 0, "indent the JSON details" },
    { "loop", VSH_OT_BOOL, 0, "keep waiting after the first event" },
    { "timeout", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "give up after this many seconds" },
    { "regex", VSH_OT_BOOL, 0, "the event name is a regular expression" },
    { "no-case", VSH_OT_BOOL, 0, "match the event name ignoring case" },
    { "timestamp", VSH_OT_BOOL, 0, "print the time before each event" },
    VSH_OPT_END
};

static bool
vshCmdQemuMonitorEvent(vshControl *ctl, const vshCmd *cmd)
{
    const char *text = NULL;
    int timeout = 0;
    int rc;

    if ((rc = vshCmdOptInt(ctl, cmd, "timeout", &timeout)) < 0)
        return false;
    if (rc > 0 && timeout < 1) {
        vshCmdOptString(ctl, cmd, "timeout", &text);
        vshError(ctl, "Numeric value '%s' for <%s> option is malformed or out of range",
                 text, "timeout");
        return false;
    }
    return vshHypervisorOnly(ctl, cmd, "virConnectDomainQemuMonitorEventRegister");
}

static const vshCmdOptDef vshOptsQemuAgentCommand[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "timeout", VSH_OT_INT, 0, "seconds to wait for the reply" },
    { "async", VSH_OT_BOOL, 0, "do not wait for the reply" },
    { "block", VSH_OT_BOOL, 0, "wait for the reply as long as it takes" },
    { "pretty", VSH_OT_BOOL, 0, "indent the JSON reply" },
    { "cmd", VSH_OT_ARGV, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED, "the JSON command" },
    VSH_OPT_END
};

static bool
vshCmdQemuAgentCommand(vshControl *ctl, const vshCmd *cmd)
{
    return vshHypervisorOnly(ctl, cmd, "virDomainQemuAgentCommand");
}

static const vshCmdOptDef vshOptsLxcEnterNamespace[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "noseclabel", VSH_OT_BOOL, 0, "keep this shell's security label" },
    { "cmd", VSH_OT_ARGV, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL | VSH_OFLAG_ARGV_NAMED, "the program and its arguments" },
    VSH_OPT_END
};

static bool
vshCmdLxcEnterNamespace(vshControl *ctl, const vshCmd *cmd)
{
    return vshHypervisorOnly(ctl, cmd, "virDomainLxcOpenNamespace");
}


/* ---- the table ---------------------------------------------------------------- */

#define VSH_ROW(name, handler, opts, summary, description) \
    { name, handler, opts, summary, description, 0 }

const vshCmdDef vshDomainManageCmds[] = {
    VSH_ROW("desc", vshCmdDesc, vshOptsDesc,
            "show or change a domain's description or title",
            "Prints the description (or, with --title, the title) of a domain,\n"
            "or replaces it with the given words or with what the editor leaves."),
    VSH_ROW("domfsfreeze", vshCmdDomfsfreeze, vshOptsDomfsfreeze,
            "freeze the guest's file systems",
            "Asks the guest agent to suspend writes to the mounted file systems\n"
            "(all of them, or the mount points given)."),
    VSH_ROW("domfsthaw", vshCmdDomfsthaw, vshOptsDomfsthaw,
            "thaw the guest's file systems",
            "Lets the guest write to file systems frozen by domfsfreeze again."),
    VSH_ROW("domfsinfo", vshCmdDomfsinfo, vshOptsDomainOnly,
            "list the guest's mounted file systems",
            "Asks the guest agent for its mount points, devices and types."),
    VSH_ROW("domfstrim", vshCmdDomfstrim, vshOptsDomfstrim,
            "discard unused blocks of the guest's file systems",
            "Asks the guest agent to run fstrim."),
    VSH_ROW("domhostname", vshCmdDomhostname, vshOptsDomhostname,
            "print the guest's host name",
            "Prints the host name the guest reports."),
    VSH_ROW("domjobabort", vshCmdDomjobabort, vshOptsDomjobabort,
            "cancel a domain's background job",
            "Stops the migration, save or dump the domain is busy with."),
    VSH_ROW("domjobinfo", vshCmdDomjobinfo, vshOptsDomjobinfo,
            "show the progress of a domain's background job",
            "Prints the figures of the job the domain runs (or ran last)."),
    VSH_ROW("domlaunchsecinfo", vshCmdDomlaunchsecinfo, vshOptsDomainOnly,
            "show a domain's launch security data",
            "Prints the measurement and related values of an encrypted guest."),
    VSH_ROW("domsetlaunchsecstate", vshCmdDomsetlaunchsecstate, vshOptsDomsetlaunchsecstate,
            "inject a secret into an encrypted guest",
            "Hands a launch secret (and its header) to a guest started paused."),
    VSH_ROW("domrename", vshCmdDomrename, vshOptsDomrename,
            "give a stopped domain another name",
            "Renames an inactive domain."),
    VSH_ROW("dompmsuspend", vshCmdDompmsuspend, vshOptsDompmsuspend,
            "suspend the guest through its power management",
            "Asks the guest to suspend itself to RAM, to disk or both."),
    VSH_ROW("dompmwakeup", vshCmdDompmwakeup, vshOptsDomainOnly,
            "wake up a guest suspended by dompmsuspend",
            "Wakes a guest that suspended itself."),
    VSH_ROW("get-user-sshkeys", vshCmdGetUserSSHKeys, vshOptsGetUserSSHKeys,
            "list a guest user's SSH keys",
            "Prints the authorized SSH keys of a guest user (via the agent)."),
    VSH_ROW("inject-nmi", vshCmdInjectNMI, vshOptsDomainOnly,
            "send a non-maskable interrupt to the guest",
            "Injects an NMI into the guest."),
    VSH_ROW("send-process-signal", vshCmdSendProcessSignal, vshOptsSendProcessSignal,
            "send a signal to a process of the guest",
            "Delivers a signal to a process (of a container guest)."),
    VSH_ROW("lxc-enter-namespace", vshCmdLxcEnterNamespace, vshOptsLxcEnterNamespace,
            "run a program in a container's namespaces",
            "Starts a program inside the namespaces of an LXC guest."),
    VSH_ROW("metadata", vshCmdMetadata, vshOptsMetadata,
            "show or change a domain's custom metadata",
            "Prints, sets or removes the element of the domain's <metadata> that\n"
            "belongs to a namespace URI."),
    VSH_ROW("qemu-attach", vshCmdQemuAttach, vshOptsQemuAttach,
            "adopt a QEMU process started elsewhere",
            "Makes a running QEMU process a domain (QEMU only)."),
    VSH_ROW("qemu-monitor-command", vshCmdQemuMonitorCommand, vshOptsQemuMonitorCommand,
            "send a command to the QEMU monitor",
            "Passes a command to the QEMU monitor of the domain (QEMU only)."),
    VSH_ROW("qemu-monitor-event", vshCmdQemuMonitorEvent, vshOptsQemuMonitorEvent,
            "wait for QEMU monitor events",
            "Prints the QEMU monitor events of domains (QEMU only)."),
    VSH_ROW("qemu-agent-command", vshCmdQemuAgentCommand, vshOptsQemuAgentCommand,
            "send a command to the guest agent",
            "Passes a JSON command to the QEMU guest agent (QEMU only)."),
    VSH_ROW("guest-agent-timeout", vshCmdGuestAgentTimeout, vshOptsGuestAgentTimeout,
            "set how long to wait for the guest agent",
            "Sets the time agent commands wait for a reply."),
    VSH_ROW("reset", vshCmdReset, vshOptsDomainOnly,
            "reset a domain like its reset button",
            "Resets the domain at once, without asking the guest."),
    VSH_ROW("schedinfo", vshCmdSchedinfo, vshOptsSchedinfo,
            "show or change scheduler parameters",
            "Prints the scheduler of the domain and its parameters, after\n"
            "changing those given with --set NAME=VALUE."),
    VSH_ROW("set-lifecycle-action", vshCmdSetLifecycleAction, vshOptsSetLifecycleAction,
            "choose what happens on power off, reboot or crash",
            "Changes the action taken when the guest powers off, reboots or crashes."),
    VSH_ROW("set-user-sshkeys", vshCmdSetUserSSHKeys, vshOptsSetUserSSHKeys,
            "change a guest user's SSH keys",
            "Adds, replaces or removes authorized SSH keys of a guest user\n"
            "(via the agent)."),
    VSH_ROW("set-user-password", vshCmdSetUserPassword, vshOptsSetUserPassword,
            "set a guest user's password",
            "Changes the password of a user inside the guest (via the agent)."),
    VSH_ROW("setmaxmem", vshCmdSetmaxmem, vshOptsSetmaxmem,
            "change a domain's memory limit",
            "Sets the most memory the domain may have; the size takes a unit\n"
            "suffix (KiB by default)."),
    VSH_ROW("setmem", vshCmdSetmem, vshOptsSetmem,
            "change a domain's memory",
            "Sets the memory the domain has now; the size takes a unit suffix\n"
            "(KiB by default)."),
    VSH_ROW("guestinfo", vshCmdGuestinfo, vshOptsGuestinfo,
            "show what the guest agent knows about the guest",
            "Prints users, OS, time zone, host name, file systems, disks and\n"
            "interfaces as the guest agent reports them (all without options)."),
    VSH_ROW("domblkthreshold", vshCmdDomblkthreshold, vshOptsDomblkthreshold,
            "set a disk's write threshold event",
            "Raises the block-threshold event when the guest writes past the\n"
            "given offset of a disk."),
    VSH_ROW("domdirtyrate-calc", vshCmdDomdirtyrateCalc, vshOptsDomdirtyrateCalc,
            "start measuring how fast the guest dirties memory",
            "Starts a measurement of the memory dirty rate; domstats shows the result."),
    VSH_ROW("dom-fd-associate", vshCmdDomFdAssociate, vshOptsDomFdAssociate,
            "hand file descriptors to a domain",
            "Associates open file descriptors of this shell with a name the domain\n"
            "XML can refer to."),
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
