/* util-file-test.c: file helpers (read with a cap, atomic write, mkdir -p).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/virerror.h"
#include "util/virfile.h"
#include "tap.h"

int
main(void)
{
    g_autofree char *dir = g_dir_make_tmp("virtkit-file-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "a.txt", NULL);
    g_autofree char *missing = g_build_filename(dir, "missing", NULL);
    g_autofree char *deep = g_build_filename(dir, "x", "y", "z", NULL);
    g_autofree char *want = NULL;
    g_autoptr(GDir) d = NULL;
    char *buf = NULL;
    struct stat sb;
    int leftovers = 0;
    const char *name;

    ok(dir != NULL, "temp dir");

    is_int(virFileWriteAtomic(path, "hello\n", 6, 0640), 0, "atomic write");
    is_int(virFileReadAll(path, 100, &buf), 6, "read back");
    is_str(buf, "hello\n", "  content");
    g_clear_pointer(&buf, g_free);
    ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0640, "  mode 0640");

    is_int(virFileWriteAtomic(path, "replaced", 8, 0600), 0, "atomic replace");
    is_int(virFileReadAll(path, 8, &buf), 8, "read exactly at the cap");
    is_str(buf, "replaced", "  new content");
    g_clear_pointer(&buf, g_free);

    d = g_dir_open(dir, 0, NULL);
    while ((name = g_dir_read_name(d))) {
        if (!g_str_equal(name, "a.txt"))
            leftovers++;
    }
    is_int(leftovers, 0, "no temporary files left behind");

    is_int(virFileReadAll(path, 7, &buf), -1, "file larger than the cap");
    ok(buf == NULL, "  no buffer");
    want = g_strdup_printf("Failed to read file '%s': Invalid argument", path);
    is_str(virGetLastErrorMessage(), want, "  message names the file");
    g_clear_pointer(&want, g_free);

    is_int(virFileReadAll(missing, 100, &buf), -1, "missing file");
    want = g_strdup_printf("Failed to open file '%s': No such file or directory",
                           missing);
    is_str(virGetLastErrorMessage(), want, "  message");
    is_int(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR, "  code");
    g_clear_pointer(&want, g_free);

    is_int(virFileWriteAtomic(deep, "x", 1, 0600), -1,
           "atomic write into a missing directory fails");
    ok(g_str_has_prefix(virGetLastErrorMessage(), "cannot create file '"),
       "  message");

    ok(!virFileExists(deep), "does not exist yet");
    is_int(virFileMakePath(deep, 0700), 0, "MakePath");
    ok(virFileIsDir(deep), "  created");
    ok(virFileExists(deep), "  exists");
    is_int(virFileMakePath(deep, 0700), 0, "MakePath on an existing path");
    ok(!virFileIsDir(path), "a file is not a dir");

    is_int(virFileWriteAtomic(path, "", 0, 0600), 0, "empty file");
    is_int(virFileReadAll(path, 0, &buf), 0, "read empty file");
    is_str(buf, "", "  empty string");
    g_free(buf);

    /* What a writer killed before its rename leaves, and the durable
     * removal and symlink of a state folder. */
    ok(virFileIsAtomicTemp("dom.xml.new-Ab12Cd"), "a leftover temp name");
    ok(!virFileIsAtomicTemp("dom.xml"), "  a definition is not");
    ok(!virFileIsAtomicTemp(".new-Ab12Cd"), "  nothing before the mark");
    ok(!virFileIsAtomicTemp("dom.xml.new-Ab12C"), "  5 characters");
    ok(!virFileIsAtomicTemp("dom.xml.new-Ab1.Cd"), "  not from mkstemp");
    {
        g_autofree char *stale = g_build_filename(dir, "a.txt.new-XyZ123",
                                                  NULL);
        g_autofree char *keep = g_build_filename(dir, "keep.new-txt", NULL);
        g_autofree char *link = g_build_filename(dir, "link", NULL);

        is_int(virFileWriteAtomic(stale, "", 0, 0600), 0, "plant a leftover");
        is_int(virFileWriteAtomic(keep, "", 0, 0600), 0, "  and a look-alike");
        is_int(virFileCleanAtomicTemps(dir), 1, "CleanAtomicTemps removes 1");
        ok(!virFileExists(stale), "  the leftover");
        ok(virFileExists(keep), "  not the look-alike");
        ok(virFileExists(path), "  not the file");
        is_int(virFileCleanAtomicTemps(deep), 0, "  an empty folder: 0");
        is_int(virFileCleanAtomicTemps(missing), 0, "  a missing one: 0");

        is_int(virFileSymlinkDurable(path, link), 0, "SymlinkDurable");
        ok(g_file_test(link, G_FILE_TEST_IS_SYMLINK), "  a link");
        is_int(virFileSymlinkDurable(path, link), -1, "  again: EEXIST");
        ok(g_str_has_prefix(virGetLastErrorMessage(),
                            "Failed to create symlink '"), "  message");
        is_int(virFileRemoveDurable(link), 0, "RemoveDurable");
        ok(!g_file_test(link, G_FILE_TEST_IS_SYMLINK), "  gone");
        is_int(virFileRemoveDurable(link), 0, "  a missing file is fine");
        is_int(virFileRemoveDurable(dir), -1, "  a folder is refused");
        ok(g_str_has_prefix(virGetLastErrorMessage(), "cannot remove file '"),
           "  message");
        unlink(keep);
    }

    /* Clean up. */
    {
        g_autofree char *x = g_build_filename(dir, "x", NULL);
        g_autofree char *xy = g_build_filename(dir, "x", "y", NULL);
        rmdir(deep);
        rmdir(xy);
        rmdir(x);
        unlink(path);
        rmdir(dir);
    }
    virResetLastError();
    return tap_done();
}
