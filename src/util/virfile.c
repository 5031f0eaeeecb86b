/* virfile.c: small file helpers.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/virfile.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NONE


static int
virFileWriteFull(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= n;
    }
    return 0;
}


ssize_t
virFileReadAll(const char *path, size_t maxlen, char **buf)
{
    g_autofree char *data = NULL;
    size_t alloc = 0;
    size_t len = 0;
    int fd;

    *buf = NULL;
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "Failed to open file '%s'", path);
        return -1;
    }

    for (;;) {
        ssize_t n;

        if (len + 1 >= alloc) {
            alloc = alloc ? alloc * 2 : 4096;
            data = g_realloc(data, alloc);
        }
        n = read(fd, data + len, alloc - len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            goto error;
        }
        if (n == 0)
            break;
        len += n;
        if (len > maxlen) {
            errno = EINVAL;
            goto error;
        }
    }
    close(fd);
    data[len] = '\0';
    *buf = g_steal_pointer(&data);
    return len;

 error:
    {
        int saved = errno;
        close(fd);
        virReportSystemError(saved, "Failed to read file '%s'", path);
    }
    return -1;
}


/* fsync a directory, so a rename or removal in it is durable. */
static int
virFileSyncDir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int ret = 0;

    if (fd < 0)
        return -1;
    /* Some filesystems cannot fsync a directory; that is not an error. */
    if (fsync(fd) < 0 && errno != EINVAL && errno != EROFS)
        ret = -1;
    close(fd);
    return ret;
}

/* ... the directory holding `path`. */
static int
virFileSyncParent(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);

    return virFileSyncDir(dir);
}


/* virFileWriteAtomic's temporary files are PATH + this + 6 characters
 * from mkstemp, so that a leftover can be told from any real file. */
#define ATOMIC_TEMP_MARK ".new-"
#define ATOMIC_TEMP_RANDOM 6

int
virFileWriteAtomic(const char *path, const char *data, size_t len,
                   mode_t mode)
{
    g_autofree char *tmp = g_strdup_printf("%s" ATOMIC_TEMP_MARK "XXXXXX",
                                           path);
    int fd;

    if ((fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, mode)) < 0) {
        virReportSystemError(errno, "cannot create file '%s'", tmp);
        return -1;
    }
    /* mkstemp ignores the umask-free mode on some systems: set it. */
    if (fchmod(fd, mode) < 0 ||
        virFileWriteFull(fd, data, len) < 0) {
        virReportSystemError(errno, "cannot write data to file '%s'", tmp);
        goto error;
    }
    if (fsync(fd) < 0) {
        virReportSystemError(errno, "cannot sync file '%s'", tmp);
        goto error;
    }
    if (close(fd) < 0) {
        fd = -1;
        virReportSystemError(errno, "cannot save file '%s'", tmp);
        goto error;
    }
    fd = -1;
    if (rename(tmp, path) < 0) {
        virReportSystemError(errno, "cannot rename file '%s' as '%s'",
                             tmp, path);
        goto error;
    }
    if (virFileSyncParent(path) < 0) {
        virReportSystemError(errno, "cannot sync directory of '%s'", path);
        return -1;
    }
    return 0;

 error:
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    return -1;
}


int
virFileRemoveDurable(const char *path)
{
    if (unlink(path) < 0) {
        if (errno == ENOENT)
            return 0;
        virReportSystemError(errno, "cannot remove file '%s'", path);
        return -1;
    }
    if (virFileSyncParent(path) < 0) {
        virReportSystemError(errno, "cannot sync directory of '%s'", path);
        return -1;
    }
    return 0;
}


int
virFileSymlinkDurable(const char *target, const char *path)
{
    if (symlink(target, path) < 0) {
        virReportSystemError(errno, "Failed to create symlink '%s' to '%s'",
                             path, target);
        return -1;
    }
    if (virFileSyncParent(path) < 0) {
        virReportSystemError(errno, "cannot sync directory of '%s'", path);
        return -1;
    }
    return 0;
}


bool
virFileIsAtomicTemp(const char *name)
{
    size_t len = strlen(name);
    size_t tail = strlen(ATOMIC_TEMP_MARK) + ATOMIC_TEMP_RANDOM;
    size_t i;

    /* a name of its own before the mark: "X.new-abcdef" */
    if (len <= tail ||
        strncmp(name + len - tail, ATOMIC_TEMP_MARK,
                strlen(ATOMIC_TEMP_MARK)) != 0)
        return false;
    for (i = len - ATOMIC_TEMP_RANDOM; i < len; i++) {
        if (!g_ascii_isalnum(name[i]))
            return false;
    }
    return true;
}


int
virFileCleanAtomicTemps(const char *dir)
{
    g_autoptr(GError) gerr = NULL;
    g_autoptr(GDir) d = g_dir_open(dir, 0, &gerr);
    const char *ent;
    int n = 0;

    if (!d) {
        if (g_error_matches(gerr, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            return 0;
        virReportSystemError(EIO, "cannot read directory '%s': %s", dir,
                             gerr->message);
        return -1;
    }
    while ((ent = g_dir_read_name(d))) {
        g_autofree char *path = NULL;

        if (!virFileIsAtomicTemp(ent))
            continue;
        path = g_build_filename(dir, ent, NULL);
        if (unlink(path) == 0)
            n++;
    }
    if (n > 0)
        virFileSyncDir(dir);
    return n;
}


int
virFileMakePath(const char *path, mode_t mode)
{
    if (g_mkdir_with_parents(path, mode) < 0) {
        virReportSystemError(errno, "failed to create directory '%s'", path);
        return -1;
    }
    return 0;
}


bool
virFileExists(const char *path)
{
    return access(path, F_OK) == 0;
}


bool
virFileIsDir(const char *path)
{
    struct stat sb;

    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}
