/* security-testutil.h: small helpers shared by the security tests (files
 * with a given owner, raw xattr reads, a log file to look into).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <glib.h>

#include "util/virlog.h"


/* A file under `dir` holding `content`, owned by uid:gid (new path). */
static inline char *
tu_make_file(const char *dir, const char *name, uid_t uid, gid_t gid)
{
    char *path = g_build_filename(dir, name, NULL);

    g_file_set_contents(path, "data\n", -1, NULL);
    if (chown(path, uid, gid) < 0)
        printf("# chown %s: %s\n", path, g_strerror(errno));
    return path;
}


/* The owner as "uid:gid" (new string), or "missing". */
static inline char *
tu_owner(const char *path)
{
    struct stat sb;

    if (stat(path, &sb) < 0)
        return g_strdup("missing");
    return g_strdup_printf("%u:%u", (unsigned)sb.st_uid, (unsigned)sb.st_gid);
}


/* NS.libvirt.security.WHAT of `path` (new string), NULL if absent. */
static inline char *
tu_xattr(const char *path, const char *ns, const char *what)
{
    g_autofree char *name = g_strdup_printf("%s.libvirt.security.%s", ns, what);
    char buf[256];
    ssize_t len = getxattr(path, name, buf, sizeof(buf) - 1);

    if (len < 0)
        return NULL;
    buf[len] = '\0';
    return g_strdup(buf);
}


static inline void
tu_set_xattr(const char *path, const char *ns, const char *what,
             const char *value)
{
    g_autofree char *name = g_strdup_printf("%s.libvirt.security.%s", ns, what);

    if (setxattr(path, name, value, strlen(value), 0) < 0)
        printf("# setxattr %s %s: %s\n", path, name, g_strerror(errno));
}


/* Whether none of the three DAC xattrs is left on `path`. */
static inline bool
tu_no_xattrs(const char *path, const char *ns)
{
    g_autofree char *a = tu_xattr(path, ns, "dac");
    g_autofree char *b = tu_xattr(path, ns, "ref_dac");
    g_autofree char *c = tu_xattr(path, ns, "timestamp_dac");

    return !a && !b && !c;
}


/* Send INFO and above to a fresh file; returns its path (new string). */
static inline char *
tu_log_to_file(const char *dir)
{
    g_autofree char *spec = NULL;
    char *path = g_build_filename(dir, "test.log", NULL);

    unlink(path);
    spec = g_strdup_printf("2:file:%s", path);
    virLogSetDefaultPriority(VIR_LOG_INFO);
    virLogSetOutputs(spec);
    return path;
}


/* Whether the log holds `needle`; the log is emptied afterwards. */
static inline bool
tu_log_has(const char *logpath, const char *needle)
{
    g_autofree char *text = NULL;
    bool found;

    if (!g_file_get_contents(logpath, &text, NULL, NULL))
        return false;
    found = strstr(text, needle) != NULL;
    if (!found)
        printf("# log does not contain '%s'; it has:\n# %s\n", needle, text);
    if (truncate(logpath, 0) < 0)
        printf("# truncate %s: %s\n", logpath, g_strerror(errno));
    return found;
}


/* rm -r of a test directory (files only one level deep and one below). */
static inline void
tu_rmtree(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *p = g_build_filename(dir, name, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_DIR) &&
            !g_file_test(p, G_FILE_TEST_IS_SYMLINK))
            tu_rmtree(p);
        else
            unlink(p);
    }
    rmdir(dir);
}
