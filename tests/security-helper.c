/* security-helper.c: label and restore files through the DAC security
 * manager as a process of its own, so that tests can run several at once
 * on the same files, or kill one half-way.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   security-helper [options] FILE...
 *     --mode set|restore|cycle|hold|lock
 *         set      one transaction labelling every FILE
 *         restore  one transaction restoring every FILE
 *         cycle    --iterations times: set, then restore
 *         hold     set, print "labelled", then wait to be killed
 *         lock     take the metadata locks on FILE..., print "locked",
 *                  then wait to be killed
 *     --owner UID:GID    who the files are handed to (default 107:107)
 *     --iterations N     for cycle (default 1)
 *     --user-xattr       user.* instead of trusted.* names
 *     --no-remember      remember_owner = 0
 *     --no-lock          remember without metadata locks (shows the race
 *                        the locks prevent; never do this for real)
 *
 * Exit status 0 on success; on failure the error goes to stderr and the
 * status is 1 (2 for bad usage).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "security/security_lock.h"
#include "security/security_manager.h"
#include "security/security_util.h"
#include "util/virerror.h"


static int
usage(const char *why)
{
    fprintf(stderr, "security-helper: %s\n"
            "usage: security-helper [--mode set|restore|cycle|hold|lock] "
            "[--owner UID:GID] [--iterations N] [--user-xattr] "
            "[--no-remember] [--no-lock] FILE...\n", why);
    return 2;
}


static int
transaction(virSecurityManager *mgr, bool restore, char **files, bool lock)
{
    size_t i;

    if (virSecurityManagerTransactionStart(mgr) < 0)
        return -1;
    for (i = 0; files[i]; i++) {
        int rc = restore ? virSecurityManagerRestoreFileLabel(mgr, files[i], 0)
                         : virSecurityManagerSetFileLabel(mgr, files[i], 0);
        if (rc < 0) {
            virSecurityManagerTransactionAbort(mgr);
            return -1;
        }
    }
    return virSecurityManagerTransactionCommit(mgr, -1, lock);
}


static void
wait_forever(const char *say)
{
    printf("%s\n", say);
    fflush(stdout);
    while (true)
        pause();
}


int
main(int argc, char **argv)
{
    const char *mode = "set";
    const char *owner = "107:107";
    unsigned long iterations = 1;
    unsigned int flags = VIR_SECURITY_MANAGER_PRIVILEGED |
                         VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP |
                         VIR_SECURITY_MANAGER_REMEMBER_OWNER;
    bool lock = true;
    g_autoptr(virSecurityManager) mgr = NULL;
    uid_t uid;
    gid_t gid;
    unsigned long n;
    int i;

    for (i = 1; i < argc && g_str_has_prefix(argv[i], "--"); i++) {
        if (g_str_equal(argv[i], "--mode") && i + 1 < argc) {
            mode = argv[++i];
        } else if (g_str_equal(argv[i], "--owner") && i + 1 < argc) {
            owner = argv[++i];
        } else if (g_str_equal(argv[i], "--iterations") && i + 1 < argc) {
            iterations = strtoul(argv[++i], NULL, 10);
        } else if (g_str_equal(argv[i], "--user-xattr")) {
            flags |= VIR_SECURITY_MANAGER_XATTR_USER;
        } else if (g_str_equal(argv[i], "--no-remember")) {
            flags &= ~VIR_SECURITY_MANAGER_REMEMBER_OWNER;
        } else if (g_str_equal(argv[i], "--no-lock")) {
            lock = false;
        } else {
            return usage(argv[i]);
        }
    }
    if (i == argc)
        return usage("no files");
    if (virSecurityDACParseLabel(owner, &uid, &gid) < 0)
        return usage(virGetLastErrorMessage());

    if (g_str_equal(mode, "lock")) {
        virSecurityMetadataLock *held =
            virSecurityMetadataLockNew((const char *const *)argv + i, argc - i);
        if (!held)
            goto error;
        wait_forever("locked");
    }

    if (!(mgr = virSecurityManagerNew("dac", uid, gid, flags)))
        goto error;
    lock = lock && virSecurityManagerGetRememberOwner(mgr);

    if (g_str_equal(mode, "set") || g_str_equal(mode, "hold")) {
        if (transaction(mgr, false, argv + i, lock) < 0)
            goto error;
        if (g_str_equal(mode, "hold"))
            wait_forever("labelled");
    } else if (g_str_equal(mode, "restore")) {
        if (transaction(mgr, true, argv + i, lock) < 0)
            goto error;
    } else if (g_str_equal(mode, "cycle")) {
        for (n = 0; n < iterations; n++) {
            if (transaction(mgr, false, argv + i, lock) < 0 ||
                transaction(mgr, true, argv + i, lock) < 0)
                goto error;
        }
    } else {
        return usage("unknown mode");
    }
    return 0;

 error:
    fprintf(stderr, "security-helper: %s\n", virGetLastErrorMessage());
    return 1;
}
