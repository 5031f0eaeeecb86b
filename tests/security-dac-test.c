/* security-dac-test.c: the DAC driver on real files in a temporary
 * directory: remembered owners and their refcount, stale timestamps,
 * remember_owner = 0, dynamic_ownership = 0, filesystems without xattrs,
 * rollback, metadata locks.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Needs root (chown to other users; trusted.* xattrs).  Everything runs
 * twice: with libvirt's trusted.* names and with the user.* override.
 * The figures to match come from libvirt 9.0 on the same machine: a kernel
 * owned by 1234:5678 used by two guests running as 107:107 reads
 * dac="+1234:+5678", ref_dac 1 then 2, and is 1234:5678 without xattrs
 * after both stop.
 */
#include <config.h>

#include <sys/mount.h>
#include <sys/wait.h>
#include <grp.h>
#include <time.h>

#include "security/security_manager.h"
#include "security/security_dac.h"
#include "security/security_lock.h"
#include "security/security_util.h"
#include "util/virerror.h"
#include "tap.h"
#include "security-testutil.h"

#ifndef TEST_DATA_DIR
# define TEST_DATA_DIR "tests/data"
#endif

#define QEMU_UID 107
#define QEMU_GID 107

static char *tmpdir;
static char *logpath;


static virSecurityManager *
new_dac(const char *ns, uid_t uid, gid_t gid, unsigned int extra)
{
    unsigned int flags = VIR_SECURITY_MANAGER_PRIVILEGED | extra;
    virSecurityManager *mgr;

    if (g_str_equal(ns, "user"))
        flags |= VIR_SECURITY_MANAGER_XATTR_USER;
    mgr = virSecurityManagerNew("dac", uid, gid, flags);
    if (!mgr)
        printf("# %s\n", virGetLastErrorMessage());
    return mgr;
}

#define FULL (VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP | \
              VIR_SECURITY_MANAGER_REMEMBER_OWNER)


/* One "guest start" or "guest stop": a transaction over `paths`. */
static int
run(virSecurityManager *mgr, bool restore, unsigned int fflags,
    const char *path, ...)
{
    va_list ap;
    const char *p;
    int rc = 0;

    if (virSecurityManagerTransactionStart(mgr) < 0)
        return -1;
    va_start(ap, path);
    for (p = path; p; p = va_arg(ap, const char *)) {
        rc = restore ? virSecurityManagerRestoreFileLabel(mgr, p, fflags)
                     : virSecurityManagerSetFileLabel(mgr, p, fflags);
        if (rc < 0)
            break;
    }
    va_end(ap);
    if (rc < 0) {
        virSecurityManagerTransactionAbort(mgr);
        return -1;
    }
    return virSecurityManagerTransactionCommit(mgr, -1,
               virSecurityManagerGetRememberOwner(mgr));
}

#define LABEL(mgr, ...) run(mgr, false, 0, __VA_ARGS__, NULL)
#define RESTORE(mgr, ...) run(mgr, true, 0, __VA_ARGS__, NULL)


static void
is_owner(const char *path, const char *want, const char *what)
{
    g_autofree char *got = tu_owner(path);

    is_str(got, want, "%s", what);
}


static void
is_xattr(const char *path, const char *ns, const char *name, const char *want,
         const char *what)
{
    g_autofree char *got = tu_xattr(path, ns, name);

    is_str(got, want, "%s", what);
}


/* libvirt's figures for the same scenario (tests/data/security). */
static char *
reference(GKeyFile *kf, const char *key)
{
    char *v = g_key_file_get_string(kf, "two-guests", key, NULL);

    return v ? v : g_strdup("(missing from the reference file)");
}


static void
test_two_guests(const char *ns)
{
    g_autoptr(virSecurityManager) mgr = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autofree char *kernel = tu_make_file(tmpdir, "vmlinuz", 1234, 5678);
    g_autofree char *boot = g_strdup_printf("%llu", virSecurityHostBootTime());
    g_autofree char *refpath = g_build_filename(TEST_DATA_DIR, "security",
                                                "libvirt-two-guests.ini", NULL);
    g_autoptr(GKeyFile) kf = g_key_file_new();
    unsigned int forks = virSecurityForkCount();

#define REF(key) g_autofree char *key = reference(kf, #key)
    ok(g_key_file_load_from_file(kf, refpath, 0, NULL),
       "libvirt's reference figures loaded");
    REF(owner_before);
    REF(guest1_started_owner);
    REF(guest1_started_dac);
    REF(guest1_started_ref_dac);
    REF(guest2_started_owner);
    REF(guest2_started_dac);
    REF(guest2_started_ref_dac);
    REF(guest1_stopped_ref_dac);
    REF(both_stopped_owner);
#undef REF

    tap_diag("[%s] two guests share a kernel owned by 1234:5678", ns);
    ok(virSecurityManagerGetRememberOwner(mgr), "remember_owner is on");
    is_str(virSecurityDACGetXATTRNamespace(mgr), ns, "xattr namespace");
    is_owner(kernel, owner_before, "kernel owned as in libvirt's run");

    is_int(LABEL(mgr, kernel), 0, "guest 1 starts");
    is_owner(kernel, guest1_started_owner, "  kernel handed to 107:107");
    is_xattr(kernel, ns, "dac", guest1_started_dac, "  dac = +1234:+5678");
    is_xattr(kernel, ns, "ref_dac", guest1_started_ref_dac, "  ref_dac = 1");
    is_xattr(kernel, ns, "timestamp_dac", boot, "  timestamp_dac = boot time");
    is_int(virSecurityForkCount() - forks, 1, "  ran in one forked child");

    is_int(LABEL(mgr, kernel), 0, "guest 2 starts");
    is_owner(kernel, guest2_started_owner, "  still 107:107");
    is_xattr(kernel, ns, "dac", guest2_started_dac, "  dac unchanged");
    is_xattr(kernel, ns, "ref_dac", guest2_started_ref_dac, "  ref_dac = 2");

    is_int(RESTORE(mgr, kernel), 0, "guest 1 stops");
    is_owner(kernel, "107:107", "  guest 2 still has it");
    is_xattr(kernel, ns, "ref_dac", guest1_stopped_ref_dac, "  ref_dac = 1");

    is_int(RESTORE(mgr, kernel), 0, "guest 2 stops");
    is_owner(kernel, both_stopped_owner, "  owner is back");
    ok(tu_no_xattrs(kernel, ns), "  xattrs are gone");

    is_int(RESTORE(mgr, kernel), 0, "a third restore (nothing remembered)");
    is_owner(kernel, "0:0", "  falls back to root:root, as libvirt");
}


static void
test_different_owner(const char *ns)
{
    g_autoptr(virSecurityManager) a = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autoptr(virSecurityManager) b = new_dac(ns, 200, 201, FULL);
    g_autofree char *f = tu_make_file(tmpdir, "shared-img", 1234, 5678);
    g_autofree char *other = tu_make_file(tmpdir, "other-img", 1234, 5678);
    g_autofree char *want = NULL;

    tap_diag("[%s] a second guest wanting a different owner", ns);
    is_int(LABEL(a, f), 0, "guest as 107:107 labels it");
    is_int(LABEL(b, other, f), -1, "guest as 200:201 is refused");
    want = g_strdup_printf("Requested operation is not valid: Setting different "
                           "DAC user or group on %s which is already in use", f);
    is_str(virGetLastErrorMessage(), want, "  libvirt's message");
    is_int(virGetLastErrorCode(), VIR_ERR_OPERATION_INVALID, "  code");
    is_int(virGetLastErrorDomain(), VIR_FROM_SECURITY, "  domain");
    is_xattr(f, ns, "ref_dac", "1", "  refcount not bumped");
    is_owner(f, "107:107", "  owner kept");
    is_owner(other, "1234:5678", "  the transaction's other file rolled back");
    ok(tu_no_xattrs(other, ns), "  and forgotten");

    is_int(RESTORE(a, f), 0, "first guest stops");
    is_owner(f, "1234:5678", "  owner back");
    ok(tu_no_xattrs(f, ns), "  xattrs gone");
}


static void
test_stale(const char *ns)
{
    g_autoptr(virSecurityManager) mgr = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autofree char *f = tu_make_file(tmpdir, "stale", 1234, 5678);
    g_autofree char *g = tu_make_file(tmpdir, "stale2", 1234, 5678);
    g_autofree char *h = tu_make_file(tmpdir, "stale3", 1234, 5678);

    tap_diag("[%s] a refcount from before the last boot", ns);
    is_int(LABEL(mgr, f), 0, "labelled");
    tu_set_xattr(f, ns, "timestamp_dac", "1000000000");
    is_int(LABEL(mgr, f), 0, "labelled again after a 'reboot'");
    ok(tu_log_has(logpath, "Invalid XATTR timestamp detected on"),
       "  logged");
    is_xattr(f, ns, "ref_dac", "1", "  count started again at 1");
    is_xattr(f, ns, "dac", "+107:+107",
             "  the owner at that time is remembered (the original is lost)");
    is_int(RESTORE(mgr, f), 0, "restored");
    is_owner(f, "107:107", "  to the remembered owner");
    ok(tu_no_xattrs(f, ns), "  xattrs gone");

    is_int(LABEL(mgr, g), 0, "labelled");
    tu_set_xattr(g, ns, "timestamp_dac", "1000000000");
    is_int(RESTORE(mgr, g), 0, "restore with a stale timestamp");
    ok(tu_log_has(logpath, "Invalid XATTR timestamp detected on"), "  logged");
    is_owner(g, "0:0", "  root:root, as nothing valid is remembered");
    ok(tu_no_xattrs(g, ns), "  the stale xattrs are removed");

    is_int(LABEL(mgr, h), 0, "labelled");
    {
        g_autofree char *name = g_strdup_printf("%s.libvirt.security.timestamp_dac",
                                                ns);
        removexattr(h, name);
    }
    is_int(LABEL(mgr, h), 0, "a missing timestamp counts as stale");
    is_xattr(h, ns, "ref_dac", "1", "  count reset to 1");
    tu_set_xattr(h, ns, "ref_dac", "garbage");
    is_int(LABEL(mgr, h), 0, "a damaged refcount is reset");
    ok(tu_log_has(logpath, "Invalid XATTR refcount 'garbage'"), "  logged");
    is_xattr(h, ns, "ref_dac", "1", "  count 1");
    is_int(RESTORE(mgr, h), 0, "restored");
}


static void
test_remember_off(const char *ns)
{
    g_autoptr(virSecurityManager) mgr =
        new_dac(ns, QEMU_UID, QEMU_GID, VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP);
    g_autofree char *f = tu_make_file(tmpdir, "noremember", 1234, 5678);
    unsigned int forks = virSecurityForkCount();

    tap_diag("[%s] remember_owner = 0", ns);
    ok(!virSecurityManagerGetRememberOwner(mgr), "remember_owner is off");
    is_int(LABEL(mgr, f), 0, "labelled");
    is_owner(f, "107:107", "  chowned");
    ok(tu_no_xattrs(f, ns), "  no xattrs");
    is_int(RESTORE(mgr, f), 0, "restored");
    is_owner(f, "0:0", "  to root:root");
    is_int(virSecurityForkCount() - forks, 0, "  no fork (no locks)");
    is_int(virSecurityManagerTransactionCommit(mgr, -1, true), -1,
           "commit without a transaction");
    is_str(virGetLastErrorMessage(), "internal error: No transaction is set",
           "  message");
}


static void
test_dynamic_off(const char *ns)
{
    g_autoptr(virSecurityManager) mgr =
        new_dac(ns, QEMU_UID, QEMU_GID, VIR_SECURITY_MANAGER_REMEMBER_OWNER);
    g_autofree char *f = tu_make_file(tmpdir, "nodynamic", 1234, 5678);
    unsigned int forks = virSecurityForkCount();

    tap_diag("[%s] dynamic_ownership = 0", ns);
    ok(!virSecurityManagerGetRememberOwner(mgr), "nothing to remember");
    is_int(LABEL(mgr, f), 0, "label");
    is_owner(f, "1234:5678", "  not chowned");
    ok(tu_no_xattrs(f, ns), "  no xattrs");
    is_int(RESTORE(mgr, f), 0, "restore");
    is_owner(f, "1234:5678", "  not chowned");
    is_int(virSecurityForkCount() - forks, 0, "  no fork");
}


static void
test_unowned(const char *ns)
{
    g_autoptr(virSecurityManager) mgr = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autofree char *ro = tu_make_file(tmpdir, "readonly", 1234, 5678);
    g_autofree char *sh = tu_make_file(tmpdir, "shareable", 1234, 5678);
    g_autofree char *bk = tu_make_file(tmpdir, "backing", 1234, 5678);
    g_autofree char *tpm = tu_make_file(tmpdir, "noremember", 1234, 5678);

    tap_diag("[%s] read-only, shared and backing images", ns);
    is_int(run(mgr, false, VIR_SECURITY_FILE_READONLY, ro, NULL), 0,
           "read-only image labelled");
    ok(tu_log_has(logpath, "Not remembering the owner of"), "  logged");
    is_owner(ro, "107:107", "  chowned");
    ok(tu_no_xattrs(ro, ns), "  not remembered");
    is_int(run(mgr, true, VIR_SECURITY_FILE_READONLY, ro, NULL), 0,
           "  restore is a no-op");
    is_owner(ro, "107:107", "  left as it is");

    is_int(run(mgr, false, VIR_SECURITY_FILE_SHARED, sh, NULL), 0,
           "shared image labelled");
    ok(tu_no_xattrs(sh, ns), "  not remembered");
    is_int(run(mgr, true, VIR_SECURITY_FILE_SHARED, sh, NULL), 0, "  restore");
    is_owner(sh, "107:107", "  left as it is");

    is_int(run(mgr, false, VIR_SECURITY_FILE_BACKING, bk, NULL), 0,
           "backing image labelled");
    ok(tu_no_xattrs(bk, ns), "  not remembered");
    is_owner(bk, "107:107", "  chowned");

    is_int(run(mgr, false, VIR_SECURITY_FILE_NO_REMEMBER, tpm, NULL), 0,
           "a file the caller does not want remembered");
    ok(tu_no_xattrs(tpm, ns), "  not remembered");
    is_int(run(mgr, true, VIR_SECURITY_FILE_NO_REMEMBER, tpm, NULL), 0,
           "  restore");
    is_owner(tpm, "0:0", "  to root:root");

    is_int(virSecurityManagerSetFileLabel(mgr, ro, 1 << 20), -1,
           "unknown file flags refused");
}


static void
test_no_xattr_fs(const char *ns)
{
    g_autofree char *mnt = g_build_filename(tmpdir, "ramfs", NULL);
    g_autoptr(virSecurityManager) mgr = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autofree char *f = NULL;
    g_autofree char *want = NULL;

    tap_diag("[%s] a filesystem without xattrs (ramfs)", ns);
    mkdir(mnt, 0755);
    if (mount("virtkit-test", mnt, "ramfs", 0, NULL) < 0) {
        g_autofree char *why = g_strdup_printf("cannot mount ramfs: %s",
                                               g_strerror(errno));
        tap_skip(why);
        rmdir(mnt);
        return;
    }
    f = tu_make_file(mnt, "kernel", 1234, 5678);
    {
        g_autofree char *name = g_strdup_printf("%s.x", ns);
        ok(setxattr(f, name, "1", 1, 0) < 0 && errno == EOPNOTSUPP,
           "ramfs really has no %s.* xattrs", ns);
    }

    is_int(LABEL(mgr, f), 0, "labelled");
    want = g_strdup_printf("Not remembering the owner of '%s': its filesystem "
                           "has no %s.* extended attributes", f, ns);
    ok(tu_log_has(logpath, want), "  a log line says remembering was skipped");
    is_owner(f, "107:107", "  chowned anyway");
    is_int(LABEL(mgr, f), 0, "a second guest");
    is_int(RESTORE(mgr, f), 0, "restored");
    is_owner(f, "0:0", "  to root:root (nothing could be remembered)");

    if (umount(mnt) < 0)
        printf("# umount %s: %s\n", mnt, g_strerror(errno));
    rmdir(mnt);
}


static void
test_rollback(const char *ns)
{
    g_autoptr(virSecurityManager) mgr = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autofree char *a = tu_make_file(tmpdir, "rb-a", 1234, 5678);
    g_autofree char *b = tu_make_file(tmpdir, "rb-b", 4321, 8765);
    g_autofree char *missing = g_build_filename(tmpdir, "rb-missing", NULL);
    g_autofree char *want = NULL;
    g_autofree char *dir = g_build_filename(tmpdir, "rb-dir", NULL);

    tap_diag("[%s] transactions: rollback, abort, nesting", ns);
    is_int(LABEL(mgr, a, b, missing), -1, "a transaction with a missing file");
    want = g_strdup_printf("unable to set user and group to '107:107' on '%s': "
                           "No such file or directory", missing);
    is_str(virGetLastErrorMessage(), want, "  the child's error comes back");
    is_int(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR, "  code");
    is_owner(a, "1234:5678", "  first file rolled back");
    is_owner(b, "4321:8765", "  second file rolled back");
    ok(tu_no_xattrs(a, ns) && tu_no_xattrs(b, ns), "  and forgotten");

    is_int(virSecurityManagerTransactionStart(mgr), 0, "start");
    is_int(virSecurityManagerSetFileLabel(mgr, a, 0), 0, "  queue a label");
    is_owner(a, "1234:5678", "  nothing done before commit");
    is_int(virSecurityManagerTransactionStart(mgr), -1, "  a second start fails");
    is_str(virGetLastErrorMessage(),
           "internal error: Another relabel transaction is already started",
           "  message");
    virSecurityManagerTransactionAbort(mgr);
    is_owner(a, "1234:5678", "  abort: nothing done");
    is_int(virSecurityManagerTransactionCommit(mgr, -1, true), -1,
           "  nothing left to commit");

    is_int(virSecurityManagerSetFileLabel(mgr, a, 0), 0,
           "outside a transaction the label is applied at once");
    is_owner(a, "107:107", "  chowned");
    is_xattr(a, ns, "ref_dac", "1", "  remembered");
    is_int(virSecurityManagerRestoreFileLabel(mgr, a, 0), 0, "  and restored");
    is_owner(a, "1234:5678", "  owner back");

    is_int(virSecurityManagerTransactionStart(mgr), 0, "empty transaction");
    is_int(virSecurityManagerTransactionCommit(mgr, -1, true), 0, "  commits");

    mkdir(dir, 0755);
    if (chown(dir, 1234, 5678) < 0)
        printf("# chown: %s\n", g_strerror(errno));
    is_int(LABEL(mgr, dir), 0, "a directory");
    ok(tu_log_has(logpath, "cannot be locked"), "  logged: not remembered");
    is_owner(dir, "107:107", "  chowned");
    ok(tu_no_xattrs(dir, ns), "  not remembered (directories are not locked)");
    is_int(RESTORE(mgr, dir), 0, "  restore");
    is_owner(dir, "0:0", "  to root:root");
}


typedef struct {
    int fd;
    unsigned int ms;
} Unlocker;


static gpointer
unlock_later(gpointer opaque)
{
    Unlocker *u = opaque;

    g_usleep(u->ms * 1000);
    close(u->fd);           /* drops the lock */
    return NULL;
}


static int
lock_byte1(const char *path)
{
    int fd = open(path, O_RDWR);
    struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
                        .l_start = 1, .l_len = 1 };

    if (fd < 0 || fcntl(fd, F_SETLK, &fl) < 0)
        printf("# lock %s: %s\n", path, g_strerror(errno));
    return fd;
}


static void
test_locks(const char *ns)
{
    g_autoptr(virSecurityManager) mgr = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autofree char *f = tu_make_file(tmpdir, "locked", 1234, 5678);
    g_autofree char *want = NULL;
    Unlocker u = { .ms = 300 };
    GThread *th;
    gint64 start;
    gint64 took;

    tap_diag("[%s] metadata locks", ns);
    u.fd = lock_byte1(f);
    th = g_thread_new("unlocker", unlock_later, &u);
    start = g_get_monotonic_time();
    is_int(LABEL(mgr, f), 0, "labelling waits for another process's lock");
    took = (g_get_monotonic_time() - start) / 1000;
    g_thread_join(th);
    ok(took >= 250, "  waited %lld ms (lock held 300 ms)", (long long)took);
    is_xattr(f, ns, "ref_dac", "1", "  then counted");

    u.fd = lock_byte1(f);
    virSecurityMetadataLockSetRetries(20, 1000);
    is_int(RESTORE(mgr, f), -1, "a lock never released: bounded retries give up");
    want = g_strdup_printf("unable to lock %s for metadata change: "
                           "Resource temporarily unavailable", f);
    is_str(virGetLastErrorMessage(), want, "  message");
    virSecurityMetadataLockSetRetries(0, 0);
    close(u.fd);
    is_xattr(f, ns, "ref_dac", "1", "  nothing changed");
    is_owner(f, "107:107", "  owner unchanged");
    is_int(RESTORE(mgr, f), 0, "restore once the lock is free");
    is_owner(f, "1234:5678", "  owner back");
}


static void
test_move(const char *ns)
{
    g_autoptr(virSecurityManager) mgr = new_dac(ns, QEMU_UID, QEMU_GID, FULL);
    g_autofree char *src = tu_make_file(tmpdir, "top", 1234, 5678);
    g_autofree char *dst = tu_make_file(tmpdir, "copy", QEMU_UID, QEMU_GID);
    g_autofree char *label = NULL;
    g_autofree char *ref = NULL;
    g_autofree char *stamp = NULL;

    tap_diag("[%s] moving the remembered owner to a new top image", ns);
    is_int(LABEL(mgr, src), 0, "labelled");
    is_int(virSecurityPeekRememberedLabel(ns, "dac", src, &label, &ref, &stamp),
           1, "peek at what is remembered");
    is_str(label, "+1234:+5678", "  label");
    is_str(ref, "1", "  refcount");
    ok(stamp != NULL, "  timestamp");
    is_int(virSecurityManagerMoveImageMetadata(mgr, -1, src, dst), 0, "moved");
    ok(tu_no_xattrs(src, ns), "  gone from the old image");
    is_xattr(dst, ns, "dac", "+1234:+5678", "  on the new one");
    is_xattr(dst, ns, "ref_dac", "1", "  with its count");
    is_int(RESTORE(mgr, dst), 0, "the new image is released");
    is_owner(dst, "1234:5678", "  and gets the original owner");
    is_int(virSecurityPeekRememberedLabel(ns, "dac", dst, NULL, NULL, NULL), 0,
           "  nothing remembered any more");
}


static void
test_process_label(void)
{
    g_autoptr(virSecurityManager) mgr =
        virSecurityManagerNew("dac", QEMU_UID, QEMU_GID,
                              VIR_SECURITY_MANAGER_PRIVILEGED);
    pid_t pid;
    int status = 0;

    tap_diag("dropping to the QEMU user");
    fflush(stdout);
    if ((pid = fork()) == 0) {
        gid_t groups[64];
        int n;
        bool ok_ = virSecurityManagerSetProcessLabel(mgr) == 0 &&
                   getuid() == QEMU_UID && geteuid() == QEMU_UID &&
                   getgid() == QEMU_GID && getegid() == QEMU_GID;

        n = getgroups(64, groups);
        ok_ = ok_ && n >= 1 && groups[0] == QEMU_GID;
        _exit(ok_ ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
       "the child runs as 107:107 with group 107");
}


static void
run_suite(const char *ns)
{
    test_two_guests(ns);
    test_different_owner(ns);
    test_stale(ns);
    test_remember_off(ns);
    test_dynamic_off(ns);
    test_unowned(ns);
    test_no_xattr_fs(ns);
    test_rollback(ns);
    test_locks(ns);
    test_move(ns);
}


int
main(void)
{
    if (geteuid() != 0) {
        tap_skip("needs root (chown to other users, trusted.* xattrs)");
        return tap_done();
    }
    tmpdir = g_dir_make_tmp("virtkit-dac-XXXXXX", NULL);
    logpath = tu_log_to_file(tmpdir);

    ok(virSecurityHostBootTime() > 1000000000ULL, "host boot time is known (%llu)",
       virSecurityHostBootTime());
    run_suite("trusted");
    run_suite("user");
    test_process_label();

    virLogReset();
    tu_rmtree(tmpdir);
    g_free(tmpdir);
    g_free(logpath);
    return tap_done();
}
