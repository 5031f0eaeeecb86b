/* vsh-cmd-owners.c: the owners virtkit remembers on files it handed to
 * guests (beyond virsh: libvirt has only a shell script for this).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * With remember_owner, the security manager keeps a file's original owner
 * in trusted.libvirt.security.* extended attributes, with a reference
 * count and the host's boot time.  owner-list shows them under a path;
 * owner-clear removes them (after a crash left them behind, say), which is
 * what libvirt's recovery script does.  Neither needs a connection: they
 * read the files themselves, so they need the privilege to see trusted.*
 * attributes (root).
 */
#include <config.h>

#ifndef _XOPEN_SOURCE
# define _XOPEN_SOURCE 700    /* nftw() */
#endif
#include <errno.h>
#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include "vsh.h"

#define OWNER_XATTR_PREFIX "trusted.libvirt.security."

typedef struct {
    vshControl *ctl;
    vshTable *table;
    const char *path;
    bool clear;
    bool dryRun;
    size_t files;
    bool failed;
} vshOwnerWalk;

/* nftw has no opaque argument. */
static vshOwnerWalk *vshOwnerCurrent;


/* The value of one attribute as text ("" if unreadable). */
static char *
vshOwnerGet(const char *path, const char *name)
{
    char buf[256];
    ssize_t n = lgetxattr(path, name, buf, sizeof(buf) - 1);

    if (n < 0)
        return g_strdup("");
    buf[n] = '\0';
    return g_strdup(buf);
}


/* The names of the remembered-owner attributes of `path`, NULL-terminated
 * (empty when the file has none or no xattrs at all). */
static GStrv
vshOwnerNames(const char *path)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *list = NULL;
    ssize_t len = llistxattr(path, NULL, 0);
    ssize_t i;

    if (len > 0) {
        list = g_malloc0(len + 1);
        len = llistxattr(path, list, len);
    }
    for (i = 0; i < len; i += strlen(list + i) + 1) {
        if (g_str_has_prefix(list + i, OWNER_XATTR_PREFIX))
            g_ptr_array_add(names, g_strdup(list + i));
    }
    g_ptr_array_add(names, NULL);
    return (GStrv)g_ptr_array_free(g_steal_pointer(&names), FALSE);
}


static int
vshOwnerVisit(const char *path, const struct stat *st G_GNUC_UNUSED,
              int type, struct FTW *ftw G_GNUC_UNUSED)
{
    vshOwnerWalk *w = vshOwnerCurrent;
    g_auto(GStrv) names = NULL;
    size_t i;

    if (type != FTW_F && type != FTW_D && type != FTW_SL)
        return 0;
    names = vshOwnerNames(path);
    if (!names[0])
        return 0;
    w->files++;

    if (!w->clear) {
        /* one row per security driver that remembered something */
        for (i = 0; names[i]; i++) {
            const char *driver = names[i] + strlen(OWNER_XATTR_PREFIX);
            g_autofree char *refName = NULL;
            g_autofree char *stampName = NULL;
            g_autofree char *ref = NULL;
            g_autofree char *stamp = NULL;
            g_autofree char *owner = NULL;

            if (strchr(driver, '_'))
                continue;          /* ref_dac, timestamp_dac: shown below */
            refName = g_strdup_printf(OWNER_XATTR_PREFIX "ref_%s", driver);
            stampName = g_strdup_printf(OWNER_XATTR_PREFIX "timestamp_%s",
                                        driver);
            owner = vshOwnerGet(path, names[i]);
            ref = vshOwnerGet(path, refName);
            stamp = vshOwnerGet(path, stampName);
            vshTableAppend(w->table, path, driver, owner, ref, stamp, NULL);
        }
        return 0;
    }

    for (i = 0; names[i]; i++) {
        if (w->dryRun) {
            vshPrint(w->ctl, "would remove %s from %s\n", names[i], path);
            continue;
        }
        if (lremovexattr(path, names[i]) < 0 && errno != ENODATA) {
            vshError(w->ctl, "cannot remove %s from '%s': %s", names[i], path,
                     g_strerror(errno));
            w->failed = true;
        }
    }
    if (!w->dryRun)
        vshPrint(w->ctl, "cleared %s\n", path);
    return 0;
}


static bool
vshOwnerWalkPath(vshControl *ctl, const vshCmd *cmd, vshOwnerWalk *w)
{
    const char *path = NULL;
    int rc;

    if (vshCmdOptString(ctl, cmd, "path", &path) <= 0)
        return false;
    w->ctl = ctl;
    w->path = path;
    vshOwnerCurrent = w;
    /* FTW_PHYS: never follow symbolic links out of the tree */
    rc = nftw(path, vshOwnerVisit, 32, FTW_PHYS);
    vshOwnerCurrent = NULL;
    if (rc < 0) {
        vshError(ctl, "cannot walk '%s': %s", path, g_strerror(errno));
        return false;
    }
    return true;
}


static const vshCmdOptDef vshOptsOwnerList[] = {
    { "path", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "a file, or a folder to search" },
    VSH_OPT_END
};

static bool
vshCmdOwnerList(vshControl *ctl, const vshCmd *cmd)
{
    vshOwnerWalk w = { 0 };
    bool ret;

    w.table = vshTableNew("Path", "Driver", "Remembered owner", "References",
                          "Boot time", NULL);
    ret = vshOwnerWalkPath(ctl, cmd, &w);
    if (ret)
        vshTablePrint(ctl, w.table);
    vshTableFree(w.table);
    return ret;
}


static const vshCmdOptDef vshOptsOwnerClear[] = {
    { "path", VSH_OT_STRING, VSH_OFLAG_REQUIRED | VSH_OFLAG_POSITIONAL,
      "a file, or a folder to search" },
    { "dry-run", VSH_OT_BOOL, 0, "only say what would be removed" },
    VSH_OPT_END
};

static bool
vshCmdOwnerClear(vshControl *ctl, const vshCmd *cmd)
{
    vshOwnerWalk w = { 0 };

    w.clear = true;
    w.dryRun = vshCmdOptBool(cmd, "dry-run");
    if (!vshOwnerWalkPath(ctl, cmd, &w))
        return false;
    if (w.files == 0)
        vshPrint(ctl, "no remembered owners under %s\n", w.path);
    return !w.failed;
}


const vshCmdDef vshOwnerCmds[] = {
    { "owner-list", vshCmdOwnerList, vshOptsOwnerList,
      "show the owners remembered on files under a path",
      "Lists every file under PATH that carries an owner remembered by a\n"
      "security driver (remember_owner in qemu.conf): the original owner,\n"
      "how many running guests use the file, and the boot the count is\n"
      "from.  Reading trusted.* attributes needs root.",
      VSH_CMD_NOCONNECT },
    { "owner-clear", vshCmdOwnerClear, vshOptsOwnerClear,
      "forget the owners remembered on files under a path",
      "Removes the remembered-owner attributes from every file under PATH,\n"
      "for example after a host crash left them behind.  The files keep\n"
      "their current owner.  Do not run it while guests use the files.",
      VSH_CMD_NOCONNECT },
    { NULL, NULL, NULL, NULL, NULL, 0 }
};
