/* fuzz-daemonconf.c: virtkitd.conf (libvirtd.conf's keys) read over the
 * defaults and checked, as the daemon does at start-up.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * fuzz-conf covers the syntax; this target covers the keys: every typed
 * getter the daemon uses, the permission, auth and port checks, and
 * virtkitdConfigCheck.  The input is the file's bytes; byte 0's bit 0
 * says root (privileged defaults) or not, bit 1 --listen.  The loader
 * reads a path, so the input goes through a file in a private folder.
 */
#include <config.h>

#include <unistd.h>

#include "daemon/virtkitd_config.h"
#include "util/virerror.h"
#include "fuzz.h"

static char *fuzzPath;


static void
fuzzCleanup(void)
{
    if (fuzzPath) {
        g_autofree char *dir = g_path_get_dirname(fuzzPath);

        unlink(fuzzPath);
        rmdir(dir);
        g_clear_pointer(&fuzzPath, g_free);
    }
}


int
LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    g_autofree char *dir = g_dir_make_tmp("fuzz-daemonconf.XXXXXX", NULL);

    if (!dir)
        fuzzFail("cannot make a temporary folder");
    fuzzPath = g_build_filename(dir, "virtkitd.conf", NULL);
    atexit(fuzzCleanup);
    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(virtkitdConfig) cfg = NULL;
    FILE *fp;

    if (size < 1 || size > FUZZ_MAX_INPUT)
        return 0;
    /* (not g_file_set_contents: its fsync made this 50 times slower) */
    if (!(fp = fopen(fuzzPath, "wb")) ||
        fwrite(data + 1, 1, size - 1, fp) != size - 1 || fclose(fp) != 0)
        fuzzFail("cannot write %s", fuzzPath);

    cfg = virtkitdConfigNew(data[0] & 1);
    if (virtkitdConfigLoadFile(cfg, fuzzPath) < 0) {
        if (!virErrorIsSet())
            fuzzFail("a rejected file sets no error");
        virResetLastError();
        return 0;
    }
    if (virtkitdConfigCheck(cfg, data[0] & 2) < 0) {
        if (!virErrorIsSet())
            fuzzFail("a refused configuration sets no error");
        virResetLastError();
    }
    if (cfg->unixSockRwPerms > 07777 || cfg->unixSockRoPerms > 07777)
        fuzzFail("socket permissions %o/%o are not a mode",
                 (unsigned)cfg->unixSockRwPerms, (unsigned)cfg->unixSockRoPerms);
    return 0;
}
