/* vsh-cmd-domain-save.c: a domain's state outside the hypervisor: save
 * images, managed save, core dumps, migration, editing the XML and
 * converting it to and from native configurations.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Messages and layouts follow virsh 9.0 byte for byte (some messages end
 * without a newline: the blank line vsh prints after every command ends
 * them); the help texts are our own.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vsh.h"

#define VSH_OPT_DOMAIN(helptext) \
    { "domain", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL, \
      helptext }


static const vshCmdOptDef vshOptsDomainOnly[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    VSH_OPT_END
};



/* ---- dump ------------------------------------------------------------------ */

static const vshCmdOptDef vshOptsDump[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the file to write the core to" },
    { "live", VSH_OT_BOOL, 0, "keep the domain running while dumping" },
    { "crash", VSH_OT_BOOL, 0, "leave the domain crashed afterwards" },
    { "bypass-cache", VSH_OT_BOOL, 0, "write around the host's page cache" },
    { "reset", VSH_OT_BOOL, 0, "reset the domain afterwards" },
    { "verbose", VSH_OT_BOOL, 0, "show how far the dump is" },
    { "memory-only", VSH_OT_BOOL, 0, "only the guest memory, as an ELF or kdump file" },
    { "format", VSH_OT_STRING, VSH_OFLAG_POSITIONAL,
      "with --memory-only: elf, kdump-zlib, kdump-lzo, kdump-snappy or win-dmp" },
    VSH_OPT_END
};

static bool
vshCmdDump(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const formats[] = {
        "elf", "kdump-zlib", "kdump-lzo", "kdump-snappy", "win-dmp",
    };
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    const char *file;
    const char *format = NULL;
    unsigned int flags = 0;
    size_t fmt = 0;
    int rc;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0 ||
        vshCmdOptString(ctl, cmd, "format", &format) < 0)
        return false;

    if (vshCmdOptBool(cmd, "live"))
        flags |= VIR_DUMP_LIVE;
    if (vshCmdOptBool(cmd, "crash"))
        flags |= VIR_DUMP_CRASH;
    if (vshCmdOptBool(cmd, "bypass-cache"))
        flags |= VIR_DUMP_BYPASS_CACHE;
    if (vshCmdOptBool(cmd, "reset"))
        flags |= VIR_DUMP_RESET;
    if (vshCmdOptBool(cmd, "memory-only"))
        flags |= VIR_DUMP_MEMORY_ONLY;

    if (format) {
        if (!(flags & VIR_DUMP_MEMORY_ONLY)) {
            vshError(ctl, "%s", "--format only works with --memory-only");
            return false;
        }
        for (fmt = 0; fmt < G_N_ELEMENTS(formats); fmt++) {
            if (strcmp(format, formats[fmt]) == 0)
                break;
        }
        if (fmt == G_N_ELEMENTS(formats)) {
            vshError(ctl, "format '%s' is not supported, expecting "
                     "'kdump-zlib', 'kdump-lzo', 'kdump-snappy', "
                     "'win-dmp' or 'elf'", format);
            return false;
        }
    }

    if (format)
        rc = virDomainCoreDumpWithFormat(dom, file, fmt, flags);
    else
        rc = virDomainCoreDump(dom, file, flags);
    if (rc < 0) {
        vshError(ctl, "Failed to core dump domain '%s' to %s", name, file);
        return false;
    }
    vshPrintExtra(ctl, "\nDomain '%s' dumped to %s\n", name, file);
    return true;
}


/* ---- save, restore, managedsave ------------------------------------------- */

static const vshCmdOptDef vshOptsSave[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the file to save the state to" },
    { "bypass-cache", VSH_OT_BOOL, 0, "write around the host's page cache" },
    { "xml", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a file with the domain XML to store in the image" },
    { "running", VSH_OT_BOOL, 0, "the restored domain will run" },
    { "paused", VSH_OT_BOOL, 0, "the restored domain will be paused" },
    { "verbose", VSH_OT_BOOL, 0, "show how far the save is" },
    VSH_OPT_END
};

/* --running/--paused (and --bypass-cache) into save/restore flags; they
 * have the same values for every save API. */
static bool
vshSaveFlags(vshControl *ctl G_GNUC_UNUSED, const vshCmd *cmd,
             unsigned int *flags)
{
    /* --running with --paused is left for the library to refuse */
    *flags = 0;
    if (vshCmdOptBool(cmd, "bypass-cache"))
        *flags |= VIR_DOMAIN_SAVE_BYPASS_CACHE;
    if (vshCmdOptBool(cmd, "running"))
        *flags |= VIR_DOMAIN_SAVE_RUNNING;
    if (vshCmdOptBool(cmd, "paused"))
        *flags |= VIR_DOMAIN_SAVE_PAUSED;
    return true;
}

/* The XML file an option names, or NULL in *xml when it is not given. */
static bool
vshOptXMLFile(vshControl *ctl, const vshCmd *cmd, const char *opt, char **xml)
{
    const char *file = NULL;

    *xml = NULL;
    if (vshCmdOptString(ctl, cmd, opt, &file) < 0)
        return false;
    if (file && !(*xml = vshReadFile(ctl, file)))
        return false;
    return true;
}

static bool
vshCmdSave(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *name;
    const char *file;
    unsigned int flags = 0;
    int rc;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0 ||
        !vshSaveFlags(ctl, cmd, &flags) ||
        !vshOptXMLFile(ctl, cmd, "xml", &xml))
        return false;

    if (flags || xml)
        rc = virDomainSaveFlags(dom, file, xml, flags);
    else
        rc = virDomainSave(dom, file);
    if (rc < 0) {
        vshError(ctl, "Failed to save domain '%s' to %s", name, file);
        return false;
    }
    vshPrintExtra(ctl, "\nDomain '%s' saved to %s\n", name, file);
    return true;
}


static const vshCmdOptDef vshOptsRestore[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the saved state file" },
    { "bypass-cache", VSH_OT_BOOL, 0, "read around the host's page cache" },
    { "xml", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a file with the domain XML to restore with" },
    { "running", VSH_OT_BOOL, 0, "let the domain run afterwards" },
    { "paused", VSH_OT_BOOL, 0, "leave the domain paused afterwards" },
    { "reset-nvram", VSH_OT_BOOL, 0, "start from a fresh copy of the NVRAM template" },
    VSH_OPT_END
};

static bool
vshCmdRestore(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *xml = NULL;
    const char *file;
    unsigned int flags = 0;
    int rc;

    if (vshCmdOptString(ctl, cmd, "file", &file) < 0 ||
        !vshSaveFlags(ctl, cmd, &flags) ||
        !vshOptXMLFile(ctl, cmd, "xml", &xml))
        return false;
    if (vshCmdOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_SAVE_RESET_NVRAM;

    if (flags || xml)
        rc = virDomainRestoreFlags(ctl->conn, file, xml, flags);
    else
        rc = virDomainRestore(ctl->conn, file);
    if (rc < 0) {
        vshError(ctl, "Failed to restore domain from %s", file);
        return false;
    }
    vshPrintExtra(ctl, "Domain restored from %s\n", file);
    return true;
}


static const vshCmdOptDef vshOptsManagedsave[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "bypass-cache", VSH_OT_BOOL, 0, "write around the host's page cache" },
    { "running", VSH_OT_BOOL, 0, "the next start lets the domain run" },
    { "paused", VSH_OT_BOOL, 0, "the next start leaves the domain paused" },
    { "verbose", VSH_OT_BOOL, 0, "show how far the save is" },
    VSH_OPT_END
};

static bool
vshCmdManagedsave(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    unsigned int flags = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (!vshSaveFlags(ctl, cmd, &flags))
        return false;
    if (virDomainManagedSave(dom, flags) < 0) {
        vshError(ctl, "Failed to save domain '%s' state", name);
        return false;
    }
    vshPrintExtra(ctl, "\nDomain '%s' state saved by libvirt\n", name);
    return true;
}


static bool
vshCmdManagedsaveRemove(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    const char *name;
    int rc;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if ((rc = virDomainHasManagedSaveImage(dom, 0)) < 0) {
        vshError(ctl, "%s", "Failed to check for domain managed save image");
        return false;
    }
    if (rc == 0) {
        vshPrintExtra(ctl, "Domain '%s' has no manage save image; removal skipped",
                      name);
        return true;
    }
    if (virDomainManagedSaveRemove(dom, 0) < 0) {
        vshError(ctl, "Failed to remove managed save image for domain '%s'",
                 name);
        return false;
    }
    vshPrintExtra(ctl, "Removed managedsave image for domain '%s'", name);
    return true;
}


static const vshCmdOptDef vshOptsManagedsaveDumpxml[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "security-info", VSH_OT_BOOL, 0, "include secrets such as passwords" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdManagedsaveDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned int flags = 0;
    char *xml;
    bool ret;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_SAVE_IMAGE_XML_SECURE;
    if (!(xml = virDomainManagedSaveGetXMLDesc(dom, flags)))
        return false;
    ret = vshPrintXMLDoc(ctl, cmd, xml);
    free(xml);
    return ret;
}


static const vshCmdOptDef vshOptsManagedsaveDefine[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "xml", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "a file with the domain XML to store in the image" },
    { "running", VSH_OT_BOOL, 0, "the next start lets the domain run" },
    { "paused", VSH_OT_BOOL, 0, "the next start leaves the domain paused" },
    VSH_OPT_END
};

static bool
vshCmdManagedsaveDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *name;
    unsigned int flags = 0;

    if (!vshSaveFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (!vshOptXMLFile(ctl, cmd, "xml", &xml))
        return false;
    if (virDomainManagedSaveDefineXML(dom, xml, flags) < 0) {
        vshError(ctl, "Failed to update %s XML configuration", name);
        return false;
    }
    vshPrintExtra(ctl, "Managed save state file of domain '%s' updated.\n", name);
    return true;
}


static const vshCmdOptDef vshOptsManagedsaveEdit[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "running", VSH_OT_BOOL, 0, "the next start lets the domain run" },
    { "paused", VSH_OT_BOOL, 0, "the next start leaves the domain paused" },
    VSH_OPT_END
};

static bool
vshCmdManagedsaveEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autofree char *edited = NULL;
    const char *name;
    unsigned int flags = 0;
    char *xml;

    if (!vshSaveFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, &name)))
        return false;
    if (!(xml = virDomainManagedSaveGetXMLDesc(dom, VIR_DOMAIN_SAVE_IMAGE_XML_SECURE)))
        return false;
    edited = vshEditString(ctl, xml);
    if (edited && strcmp(edited, xml) == 0) {
        vshPrintExtra(ctl, "Managed save image of domain '%s' XML configuration not changed.\n",
                      name);
        free(xml);
        return true;
    }
    free(xml);
    if (!edited)
        return false;
    if (virDomainManagedSaveDefineXML(dom, edited, flags) < 0) {
        vshError(ctl, "Failed to update %s XML configuration", name);
        return false;
    }
    vshPrintExtra(ctl, "Managed save image of Domain '%s' XML configuration edited.\n",
                  name);
    return true;
}


static const vshCmdOptDef vshOptsSaveImageDumpxml[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the saved state file" },
    { "security-info", VSH_OT_BOOL, 0, "include secrets such as passwords" },
    VSH_OPTS_XPATH,
    VSH_OPT_END
};

static bool
vshCmdSaveImageDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    const char *file;
    unsigned int flags = 0;
    char *xml;
    bool ret;

    if (vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if (vshCmdOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_SAVE_IMAGE_XML_SECURE;
    if (!(xml = virDomainSaveImageGetXMLDesc(ctl->conn, file, flags)))
        return false;
    ret = vshPrintXMLDoc(ctl, cmd, xml);
    free(xml);
    return ret;
}


static const vshCmdOptDef vshOptsSaveImageDefine[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the saved state file to change" },
    { "xml", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "a file with the domain XML to store in the image" },
    { "running", VSH_OT_BOOL, 0, "the restored domain will run" },
    { "paused", VSH_OT_BOOL, 0, "the restored domain will be paused" },
    VSH_OPT_END
};

static bool
vshCmdSaveImageDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *xml = NULL;
    const char *file;
    unsigned int flags = 0;

    if (!vshSaveFlags(ctl, cmd, &flags))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0 ||
        !vshOptXMLFile(ctl, cmd, "xml", &xml))
        return false;
    if (virDomainSaveImageDefineXML(ctl->conn, file, xml, flags) < 0) {
        vshError(ctl, "Failed to update %s", file);
        return false;
    }
    vshPrintExtra(ctl, "State file %s updated.\n", file);
    return true;
}


static const vshCmdOptDef vshOptsSaveImageEdit[] = {
    { "file", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the saved state file to edit" },
    { "running", VSH_OT_BOOL, 0, "the restored domain will run" },
    { "paused", VSH_OT_BOOL, 0, "the restored domain will be paused" },
    VSH_OPT_END
};

static bool
vshCmdSaveImageEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *edited = NULL;
    const char *file;
    unsigned int flags = 0;
    char *xml;

    if (!vshSaveFlags(ctl, cmd, &flags))
        return false;
    if (vshCmdOptString(ctl, cmd, "file", &file) < 0)
        return false;
    if (!(xml = virDomainSaveImageGetXMLDesc(ctl->conn, file,
                                             VIR_DOMAIN_SAVE_IMAGE_XML_SECURE)))
        return false;
    edited = vshEditString(ctl, xml);
    if (edited && strcmp(edited, xml) == 0) {
        vshPrintExtra(ctl, "Saved image %s XML configuration not changed.\n", file);
        free(xml);
        return true;
    }
    free(xml);
    if (!edited)
        return false;
    if (virDomainSaveImageDefineXML(ctl->conn, file, edited, flags) < 0) {
        vshError(ctl, "Failed to update %s", file);
        return false;
    }
    vshPrintExtra(ctl, "State file %s edited.\n", file);
    return true;
}


/* ---- edit ------------------------------------------------------------------ */

static const vshCmdOptDef vshOptsEdit[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "skip-validate", VSH_OT_BOOL, 0, "do not check the new XML against the schema" },
    VSH_OPT_END
};

/* After a failed define on a terminal: 'y' edit again, 'n' give up,
 * 'i' retry without schema validation.  Without a terminal: -1. */
static int
vshAskReedit(vshControl *ctl)
{
    if (!isatty(STDIN_FILENO))
        return -1;
    vshReportError(ctl);
    for (;;) {
        char line[64];

        vshPrint(ctl, "%s", "Failed. Try again? [y,n,i,f,?]:");
        if (!fgets(line, sizeof(line), stdin))
            return 'n';
        switch (g_ascii_tolower(line[0])) {
        case 'y':
        case 'n':
        case 'i':
            return g_ascii_tolower(line[0]);
        case 'f':
            return 'i';
        default:
            vshPrint(ctl, "%s",
                     "y - open the editor again on what you wrote\n"
                     "n - drop the changes\n"
                     "i - define again without checking the schema\n"
                     "f - the same as i\n"
                     "? - this list\n");
            break;
        }
    }
}

static bool
vshCmdEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    g_autoptr(virDomain) defined = NULL;
    g_autofree char *edited = NULL;
    g_autofree char *orig = NULL;
    const char *name;
    unsigned int flags = VIR_DOMAIN_DEFINE_VALIDATE;
    char *xml;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    name = virDomainGetName(dom);
    if (vshCmdOptBool(cmd, "skip-validate"))
        flags &= ~VIR_DOMAIN_DEFINE_VALIDATE;
    if (!(xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE |
                                         VIR_DOMAIN_XML_INACTIVE)))
        return false;
    orig = g_strdup(xml);
    free(xml);

    if (!(edited = vshEditString(ctl, orig)))
        return false;
    if (strcmp(edited, orig) == 0) {
        vshPrintExtra(ctl, "Domain '%s' XML configuration not changed.\n", name);
        return true;
    }

    while (!(defined = virDomainDefineXMLFlags(ctl->conn, edited, flags))) {
        g_autofree char *again = NULL;

        switch (vshAskReedit(ctl)) {
        case 'y':
            if (!(again = vshEditString(ctl, edited)))
                return false;
            g_free(edited);
            edited = g_steal_pointer(&again);
            break;
        case 'i':
            flags &= ~VIR_DOMAIN_DEFINE_VALIDATE;
            break;
        case 'n':
            return false;
        default:
            /* no terminal to ask on: virsh gives up here, yet still
             * reports success, and so do we */
            vshResetLibvirtError();
            vshError(ctl, "%s", "Failed.");
            vshPrintExtra(ctl, "Domain '%s' XML configuration edited.\n", "(null)");
            return true;
        }
    }
    vshPrintExtra(ctl, "Domain '%s' XML configuration edited.\n",
                  virDomainGetName(defined));
    return true;
}


/* ---- domxml-from-native, domxml-to-native ------------------------------------ */

static const vshCmdOptDef vshOptsDomxmlFromNative[] = {
    { "format", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the format of the native configuration (qemu-argv, xen-xm, ...)" },
    { "config", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the file holding the native configuration" },
    VSH_OPT_END
};

static bool
vshCmdDomxmlFromNative(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *native = NULL;
    const char *format;
    const char *file;
    char *xml;

    if (vshCmdOptString(ctl, cmd, "format", &format) < 0 ||
        vshCmdOptString(ctl, cmd, "config", &file) < 0)
        return false;
    if (!(native = vshReadFile(ctl, file)))
        return false;
    if (!(xml = virConnectDomainXMLFromNative(ctl->conn, format, native, 0)))
        return false;
    vshPrint(ctl, "%s", xml);
    free(xml);
    return true;
}


static const vshCmdOptDef vshOptsDomxmlToNative[] = {
    { "format", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the native format to write (qemu-argv, xen-xm, ...)" },
    { "domain", VSH_OT_STRING, 0, "convert this domain's XML" },
    { "xml", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "convert the domain XML in this file" },
    VSH_OPT_END
};

static bool
vshCmdDomxmlToNative(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *xml = NULL;
    const char *format;
    const char *file = NULL;
    const char *domname = NULL;
    char *native;

    if (!vshCmdExclusive(ctl, cmd, "domain", "xml"))
        return false;
    if (vshCmdOptString(ctl, cmd, "format", &format) < 0 ||
        vshCmdOptString(ctl, cmd, "domain", &domname) < 0 ||
        vshCmdOptString(ctl, cmd, "xml", &file) < 0)
        return false;

    if (domname) {
        g_autoptr(virDomain) dom = NULL;
        char *desc;

        if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
            return false;
        if (!(desc = virDomainGetXMLDesc(dom, 0)))
            return false;
        xml = g_strdup(desc);
        free(desc);
    } else if (file) {
        if (!(xml = vshReadFile(ctl, file)))
            return false;
    } else {
        vshError(ctl, "%s", "need either domain or domain XML");
        return false;
    }

    if (!(native = virConnectDomainXMLToNative(ctl->conn, format, xml, 0)))
        return false;
    vshPrint(ctl, "%s", native);
    free(native);
    return true;
}


/* ---- migrate and its knobs ---------------------------------------------------- */

static const vshCmdOptDef vshOptsMigrate[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "desturi", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the destination host's connection URI (as the client, or the source host with --p2p, sees it)" },
    { "live", VSH_OT_BOOL, 0, "keep the guest running while it moves" },
    { "offline", VSH_OT_BOOL, 0, "move only the definition of a stopped domain" },
    { "p2p", VSH_OT_BOOL, 0, "the source host talks to the destination itself" },
    { "direct", VSH_OT_BOOL, 0, "the hypervisors migrate without the daemons" },
    { "tunnelled", VSH_OT_BOOL, 0, "carry the data over the daemons' connection" },
    { "persistent", VSH_OT_BOOL, 0, "define the domain on the destination" },
    { "undefinesource", VSH_OT_BOOL, 0, "forget the domain on the source afterwards" },
    { "suspend", VSH_OT_BOOL, 0, "leave the domain paused on the destination" },
    { "copy-storage-all", VSH_OT_BOOL, 0, "copy whole disk images too" },
    { "copy-storage-inc", VSH_OT_BOOL, 0, "copy disk images above shared backing files" },
    { "copy-storage-synchronous-writes", VSH_OT_BOOL, 0, "let guest writes wait for the copy" },
    { "change-protection", VSH_OT_BOOL, 0, "refuse configuration changes during the move" },
    { "unsafe", VSH_OT_BOOL, 0, "migrate even where it is known to be unsafe" },
    { "verbose", VSH_OT_BOOL, 0, "show how far the migration is" },
    { "compressed", VSH_OT_BOOL, 0, "compress the memory pages sent" },
    { "auto-converge", VSH_OT_BOOL, 0, "slow the guest down if memory changes too fast" },
    { "rdma-pin-all", VSH_OT_BOOL, 0, "pin all guest memory for RDMA" },
    { "abort-on-error", VSH_OT_BOOL, 0, "give up on any I/O error" },
    { "postcopy", VSH_OT_BOOL, 0, "allow switching to post-copy" },
    { "postcopy-after-precopy", VSH_OT_BOOL, 0, "switch to post-copy after the first pass" },
    { "postcopy-resume", VSH_OT_BOOL, 0, "continue a post-copy migration that failed" },
    { "zerocopy", VSH_OT_BOOL, 0, "send memory pages without copying them" },
    { "migrateuri", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the URI the data travels to" },
    { "graphicsuri", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "where graphical clients reconnect to" },
    { "listen-address", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the address the destination listens on" },
    { "dname", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the domain's name on the destination" },
    { "timeout", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "seconds before --timeout-suspend or --timeout-postcopy acts" },
    { "timeout-suspend", VSH_OT_BOOL, 0, "pause the guest when the timeout passes" },
    { "timeout-postcopy", VSH_OT_BOOL, 0, "switch to post-copy when the timeout passes" },
    { "xml", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a file with the domain XML for the destination" },
    { "migrate-disks", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "comma-separated disk targets to copy" },
    { "disks-port", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "the port for copying disks" },
    { "disks-uri", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the URI for copying disks" },
    { "comp-methods", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "comma-separated compression methods" },
    { "comp-mt-level", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "multithread compression level" },
    { "comp-mt-threads", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "compression threads" },
    { "comp-mt-dthreads", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "decompression threads" },
    { "comp-xbzrle-cache", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "XBZRLE cache size in bytes" },
    { "auto-converge-initial", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "first throttling percentage" },
    { "auto-converge-increment", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "throttling step in percent" },
    { "persistent-xml", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "a file with the persistent XML for the destination" },
    { "tls", VSH_OT_BOOL, 0, "encrypt the migration data with TLS" },
    { "postcopy-bandwidth", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "post-copy bandwidth limit in MiB/s" },
    { "parallel", VSH_OT_BOOL, 0, "use several connections" },
    { "parallel-connections", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "how many connections" },
    { "bandwidth", VSH_OT_INT, VSH_OFLAG_POSITIONAL, "bandwidth limit in MiB/s" },
    { "tls-destination", VSH_OT_STRING, VSH_OFLAG_POSITIONAL, "the host name the TLS certificate names" },
    VSH_OPT_END
};

static const struct {
    const char *opt;
    unsigned int flag;
} vshMigrateFlags[] = {
    { "live", VIR_MIGRATE_LIVE },
    { "p2p", VIR_MIGRATE_PEER2PEER },
    { "tunnelled", VIR_MIGRATE_TUNNELLED },
    { "persistent", VIR_MIGRATE_PERSIST_DEST },
    { "undefinesource", VIR_MIGRATE_UNDEFINE_SOURCE },
    { "suspend", VIR_MIGRATE_PAUSED },
    { "copy-storage-all", VIR_MIGRATE_NON_SHARED_DISK },
    { "copy-storage-inc", VIR_MIGRATE_NON_SHARED_INC },
    { "copy-storage-synchronous-writes", VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES },
    { "change-protection", VIR_MIGRATE_CHANGE_PROTECTION },
    { "unsafe", VIR_MIGRATE_UNSAFE },
    { "offline", VIR_MIGRATE_OFFLINE },
    { "compressed", VIR_MIGRATE_COMPRESSED },
    { "auto-converge", VIR_MIGRATE_AUTO_CONVERGE },
    { "rdma-pin-all", VIR_MIGRATE_RDMA_PIN_ALL },
    { "abort-on-error", VIR_MIGRATE_ABORT_ON_ERROR },
    { "postcopy", VIR_MIGRATE_POSTCOPY },
    { "postcopy-resume", VIR_MIGRATE_POSTCOPY_RESUME },
    { "zerocopy", VIR_MIGRATE_ZEROCOPY },
    { "tls", VIR_MIGRATE_TLS },
    { "parallel", VIR_MIGRATE_PARALLEL },
};

/* The options that become typed parameters, by how they are read. */
static const struct {
    const char *opt;
    const char *param;
    char kind;      /* s string, f file contents, l comma list, i int, u ullong */
} vshMigrateParams[] = {
    { "migrateuri", VIR_MIGRATE_PARAM_URI, 's' },
    { "graphicsuri", VIR_MIGRATE_PARAM_GRAPHICS_URI, 's' },
    { "listen-address", VIR_MIGRATE_PARAM_LISTEN_ADDRESS, 's' },
    { "dname", VIR_MIGRATE_PARAM_DEST_NAME, 's' },
    { "xml", VIR_MIGRATE_PARAM_DEST_XML, 'f' },
    { "migrate-disks", VIR_MIGRATE_PARAM_MIGRATE_DISKS, 'l' },
    { "disks-port", VIR_MIGRATE_PARAM_DISKS_PORT, 'i' },
    { "disks-uri", VIR_MIGRATE_PARAM_DISKS_URI, 's' },
    { "comp-methods", VIR_MIGRATE_PARAM_COMPRESSION, 'l' },
    { "comp-mt-level", VIR_MIGRATE_PARAM_COMPRESSION_MT_LEVEL, 'i' },
    { "comp-mt-threads", VIR_MIGRATE_PARAM_COMPRESSION_MT_THREADS, 'i' },
    { "comp-mt-dthreads", VIR_MIGRATE_PARAM_COMPRESSION_MT_DTHREADS, 'i' },
    { "comp-xbzrle-cache", VIR_MIGRATE_PARAM_COMPRESSION_XBZRLE_CACHE, 'u' },
    { "auto-converge-initial", VIR_MIGRATE_PARAM_AUTO_CONVERGE_INITIAL, 'i' },
    { "auto-converge-increment", VIR_MIGRATE_PARAM_AUTO_CONVERGE_INCREMENT, 'i' },
    { "persistent-xml", VIR_MIGRATE_PARAM_PERSIST_XML, 'f' },
    { "postcopy-bandwidth", VIR_MIGRATE_PARAM_BANDWIDTH_POSTCOPY, 'u' },
    { "parallel-connections", VIR_MIGRATE_PARAM_PARALLEL_CONNECTIONS, 'i' },
    { "bandwidth", VIR_MIGRATE_PARAM_BANDWIDTH, 'u' },
    { "tls-destination", VIR_MIGRATE_PARAM_TLS_DESTINATION, 's' },
};

static bool
vshMigrateBuildParams(vshControl *ctl, const vshCmd *cmd,
                      virTypedParameterPtr *params, int *n, int *max)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(vshMigrateParams); i++) {
        const char *opt = vshMigrateParams[i].opt;
        const char *param = vshMigrateParams[i].param;
        const char *str = NULL;
        int rc = 0;

        switch (vshMigrateParams[i].kind) {
        case 's':
            if (vshCmdOptString(ctl, cmd, opt, &str) < 0)
                return false;
            if (str)
                rc = virTypedParamsAddString(params, n, max, param, str);
            break;
        case 'f':
            if (vshCmdOptString(ctl, cmd, opt, &str) < 0)
                return false;
            if (str) {
                g_autofree char *data = vshReadFile(ctl, str);
                if (!data)
                    return false;
                rc = virTypedParamsAddString(params, n, max, param, data);
            }
            break;
        case 'l':
            if (vshCmdOptString(ctl, cmd, opt, &str) < 0)
                return false;
            if (str) {
                g_auto(GStrv) items = g_strsplit(str, ",", -1);
                size_t j;

                for (j = 0; items[j] && rc == 0; j++)
                    rc = virTypedParamsAddString(params, n, max, param, items[j]);
            }
            break;
        case 'i': {
            int val;
            int got = vshCmdOptInt(ctl, cmd, opt, &val);

            if (got < 0)
                return false;
            if (got > 0)
                rc = virTypedParamsAddInt(params, n, max, param, val);
            break;
        }
        case 'u': {
            unsigned long long val;
            int got = vshCmdOptULongLong(ctl, cmd, opt, false, &val);

            if (got < 0)
                return false;
            if (got > 0)
                rc = virTypedParamsAddULLong(params, n, max, param, val);
            break;
        }
        }
        if (rc < 0)
            return false;
    }
    return true;
}

static bool
vshCmdMigrate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    const char *desturi;
    unsigned int flags = 0;
    int nparams = 0;
    int maxparams = 0;
    unsigned int timeout = 0;
    int hasTimeout;
    bool ret = false;
    size_t i;

    if (!vshCmdExclusive(ctl, cmd, "live", "offline") ||
        !vshCmdExclusive(ctl, cmd, "timeout-suspend", "timeout-postcopy"))
        return false;
    if (vshCmdOptBool(cmd, "postcopy-after-precopy") &&
        !vshCmdOptBool(cmd, "postcopy")) {
        vshError(ctl, "%s", "Option --postcopy is required by option --postcopy-after-precopy");
        return false;
    }
    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptString(ctl, cmd, "desturi", &desturi) < 0)
        return false;

    if ((hasTimeout = vshCmdOptUInt(ctl, cmd, "timeout", false, &timeout)) < 0)
        return false;
    if (hasTimeout > 0) {
        if (!vshCmdOptBool(cmd, "live")) {
            vshError(ctl, "%s", "migrate: Unexpected timeout for offline migration");
            return false;
        }
    } else if (vshCmdOptBool(cmd, "timeout-suspend") ||
               vshCmdOptBool(cmd, "timeout-postcopy")) {
        vshError(ctl, "%s", "migrate: Unexpected --timeout-* option without --timeout");
        return false;
    }

    for (i = 0; i < G_N_ELEMENTS(vshMigrateFlags); i++) {
        if (vshCmdOptBool(cmd, vshMigrateFlags[i].opt))
            flags |= vshMigrateFlags[i].flag;
    }
    if (!vshMigrateBuildParams(ctl, cmd, &params, &nparams, &maxparams))
        goto cleanup;

    if (flags & VIR_MIGRATE_PEER2PEER || vshCmdOptBool(cmd, "direct")) {
        if (virDomainMigrateToURI3(dom, desturi, params, nparams, flags) < 0)
            goto cleanup;
    } else {
        virConnectPtr dconn = virConnectOpen(desturi);
        virDomainPtr ddom;

        if (!dconn)
            goto cleanup;
        ddom = virDomainMigrate3(dom, dconn, params, nparams, flags);
        if (ddom)
            virDomainFree(ddom);
        virConnectClose(dconn);
        if (!ddom)
            goto cleanup;
    }
    if (vshCmdOptBool(cmd, "verbose"))
        vshPrintExtra(ctl, "\rMigration: [100 %%]\n");
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


static const vshCmdOptDef vshOptsMigrateSetmaxdowntime[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "downtime", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the longest pause allowed at the end of a migration, in milliseconds" },
    VSH_OPT_END
};

static bool
vshCmdMigrateSetmaxdowntime(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long long downtime = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptULongLong(ctl, cmd, "downtime", false, &downtime) < 0)
        return false;
    if (downtime < 1) {
        vshError(ctl, "%s", "migrate: Invalid downtime");
        return false;
    }
    return virDomainMigrateSetMaxDowntime(dom, downtime, 0) == 0;
}


static bool
vshCmdMigrateGetmaxdowntime(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long long downtime = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (virDomainMigrateGetMaxDowntime(dom, &downtime, 0) < 0)
        return false;
    vshPrint(ctl, "%llu\n", downtime);
    return true;
}


static const vshCmdOptDef vshOptsMigrateCompcache[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "size", VSH_OT_INT, 0, "the new cache size, in bytes" },
    VSH_OPT_END
};

static bool
vshCmdMigrateCompcache(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    g_autoptr(virDomain) dom = NULL;
    unsigned long long size = 0;
    double val;
    size_t u = 0;
    int rc;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if ((rc = vshCmdOptULongLong(ctl, cmd, "size", false, &size)) < 0)
        return false;
    if (rc > 0 && virDomainMigrateSetCompressionCache(dom, size, 0) < 0)
        return false;
    if (virDomainMigrateGetCompressionCache(dom, &size, 0) < 0)
        return false;
    val = size;
    while (val >= 1024 && u + 1 < G_N_ELEMENTS(units)) {
        val /= 1024;
        u++;
    }
    vshPrint(ctl, "Compression cache: %.3lf %s\n", val, units[u]);
    return true;
}


static const vshCmdOptDef vshOptsMigrateSetspeed[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "bandwidth", VSH_OT_INT, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "the limit in MiB/s" },
    { "postcopy", VSH_OT_BOOL, 0, "the limit for the post-copy phase" },
    VSH_OPT_END
};

static bool
vshCmdMigrateSetspeed(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long long bandwidth = 0;
    unsigned int flags = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptULongLong(ctl, cmd, "bandwidth", false, &bandwidth) < 0)
        return false;
    if (bandwidth > ULONG_MAX) {
        vshError(ctl, "Numeric value '%llu' for <%s> option is malformed or out of range",
                 bandwidth, "bandwidth");
        return false;
    }
    if (vshCmdOptBool(cmd, "postcopy"))
        flags |= VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY;
    return virDomainMigrateSetMaxSpeed(dom, bandwidth, flags) == 0;
}


static const vshCmdOptDef vshOptsMigrateGetspeed[] = {
    VSH_OPT_DOMAIN("the domain, by name, id or UUID"),
    { "postcopy", VSH_OT_BOOL, 0, "the limit for the post-copy phase" },
    VSH_OPT_END
};

static bool
vshCmdMigrateGetspeed(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;
    unsigned long bandwidth = 0;
    unsigned int flags = 0;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    if (vshCmdOptBool(cmd, "postcopy"))
        flags |= VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY;
    if (virDomainMigrateGetMaxSpeed(dom, &bandwidth, flags) < 0)
        return false;
    vshPrint(ctl, "%lu\n", bandwidth);
    return true;
}


static bool
vshCmdMigratePostcopy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virDomain) dom = NULL;

    if (!(dom = vshLookupDomain(ctl, cmd, VSH_BYALL, NULL)))
        return false;
    return virDomainMigrateStartPostCopy(dom, 0) == 0;
}


/* ---- the table ---------------------------------------------------------------- */

#define VSH_ROW(name, handler, opts, summary, description) \
    { name, handler, opts, summary, description, 0 }

const vshCmdDef vshDomainSaveCmds[] = {
    VSH_ROW("domxml-from-native", vshCmdDomxmlFromNative, vshOptsDomxmlFromNative,
            "turn a native configuration into domain XML",
            "Converts a hypervisor-specific configuration file to domain XML."),
    VSH_ROW("domxml-to-native", vshCmdDomxmlToNative, vshOptsDomxmlToNative,
            "turn domain XML into a native configuration",
            "Converts a domain (or the domain XML in a file) to a\n"
            "hypervisor-specific configuration."),
    VSH_ROW("dump", vshCmdDump, vshOptsDump,
            "write a domain's core to a file",
            "Dumps the memory (and state) of a domain into a file for debugging."),
    VSH_ROW("edit", vshCmdEdit, vshOptsEdit,
            "change a domain's XML in an editor",
            "Opens the persistent XML in $VISUAL or $EDITOR and defines the result."),
    VSH_ROW("managedsave", vshCmdManagedsave, vshOptsManagedsave,
            "save a domain so that its next start resumes it",
            "Saves the domain's state where the hypervisor finds it again and\n"
            "stops the domain."),
    VSH_ROW("managedsave-remove", vshCmdManagedsaveRemove, vshOptsDomainOnly,
            "drop a domain's managed save image",
            "Deletes the managed save image so that the next start boots afresh."),
    VSH_ROW("managedsave-edit", vshCmdManagedsaveEdit, vshOptsManagedsaveEdit,
            "change the XML in a managed save image in an editor",
            "Edits the domain XML stored with the managed save image."),
    VSH_ROW("managedsave-dumpxml", vshCmdManagedsaveDumpxml, vshOptsManagedsaveDumpxml,
            "print the XML in a managed save image",
            "Prints the domain XML stored with the managed save image."),
    VSH_ROW("managedsave-define", vshCmdManagedsaveDefine, vshOptsManagedsaveDefine,
            "replace the XML in a managed save image",
            "Stores new domain XML in the managed save image."),
    VSH_ROW("migrate", vshCmdMigrate, vshOptsMigrate,
            "move a domain to another host",
            "Migrates the domain to the host named by the destination URI."),
    VSH_ROW("migrate-setmaxdowntime", vshCmdMigrateSetmaxdowntime, vshOptsMigrateSetmaxdowntime,
            "set the longest pause a migration may cause",
            "Sets how long the domain may stay paused at the end of a migration."),
    VSH_ROW("migrate-getmaxdowntime", vshCmdMigrateGetmaxdowntime, vshOptsDomainOnly,
            "print the longest pause a migration may cause",
            "Prints the downtime limit of migrations, in milliseconds."),
    VSH_ROW("migrate-compcache", vshCmdMigrateCompcache, vshOptsMigrateCompcache,
            "show or set the migration compression cache",
            "Prints (after changing it, with --size) the size of the cache used\n"
            "to compress migration data."),
    VSH_ROW("migrate-setspeed", vshCmdMigrateSetspeed, vshOptsMigrateSetspeed,
            "limit the bandwidth of migrations",
            "Sets the largest bandwidth a migration of the domain may use."),
    VSH_ROW("migrate-getspeed", vshCmdMigrateGetspeed, vshOptsMigrateGetspeed,
            "print the bandwidth limit of migrations",
            "Prints the largest bandwidth a migration of the domain may use."),
    VSH_ROW("migrate-postcopy", vshCmdMigratePostcopy, vshOptsDomainOnly,
            "switch a running migration to post-copy",
            "Lets the domain run on the destination while memory still moves."),
    VSH_ROW("restore", vshCmdRestore, vshOptsRestore,
            "start a domain from a saved state file",
            "Restores a domain saved with the save command."),
    VSH_ROW("save", vshCmdSave, vshOptsSave,
            "save a domain's state to a file",
            "Writes the domain's state to a file and stops the domain."),
    VSH_ROW("save-image-define", vshCmdSaveImageDefine, vshOptsSaveImageDefine,
            "replace the XML in a saved state file",
            "Stores new domain XML in a file written by save."),
    VSH_ROW("save-image-dumpxml", vshCmdSaveImageDumpxml, vshOptsSaveImageDumpxml,
            "print the XML in a saved state file",
            "Prints the domain XML stored in a file written by save."),
    VSH_ROW("save-image-edit", vshCmdSaveImageEdit, vshOptsSaveImageEdit,
            "change the XML in a saved state file in an editor",
            "Edits the domain XML stored in a file written by save."),
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
