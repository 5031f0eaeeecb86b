/* security-process-test.c: remembered owners across processes, with
 * tests/security-helper: two processes relabelling the same files
 * concurrently, a process killed between labelling and restoring, a
 * process killed while it holds metadata locks, and a different owner
 * refused across processes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Needs root.  SECURITY_HELPER names the helper (default: the build's);
 * SECURITY_ITERATIONS the cycles each concurrent helper runs (default 500).
 */
#include <config.h>

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "util/virerror.h"
#include "tap.h"
#include "security-testutil.h"

#ifndef ABS_BUILDDIR
# define ABS_BUILDDIR "."
#endif

#define NS "trusted"

static char *helper;
static char *tmpdir;


/* argv: NULL-terminated, without the helper itself. */
static GPid
spawn_full(const char *const *args, int *out_fd, bool quiet)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autoptr(GError) err = NULL;
    GPid pid = 0;
    size_t i;

    g_ptr_array_add(argv, helper);
    for (i = 0; args[i]; i++)
        g_ptr_array_add(argv, (char *)args[i]);
    g_ptr_array_add(argv, NULL);

    if (!g_spawn_async_with_pipes(NULL, (char **)argv->pdata, NULL,
                                  G_SPAWN_DO_NOT_REAP_CHILD |
                                  (quiet ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                                  NULL, NULL, &pid,
                                  NULL, out_fd, NULL, &err)) {
        printf("# spawn %s: %s\n", helper, err->message);
        return 0;
    }
    return pid;
}


static GPid
spawn(const char *const *args, int *out_fd)
{
    return spawn_full(args, out_fd, false);
}


/* Exit status of `pid` (-1 if it did not exit normally). */
static int
reap(GPid pid)
{
    int status = 0;

    if (pid <= 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}


/* Run the helper to completion; its stderr in *errout if asked. */
static int
run_helper(const char *const *args, char **errout)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autoptr(GError) err = NULL;
    g_autofree char *out = NULL;
    g_autofree char *errtext = NULL;
    int status = 0;
    size_t i;

    g_ptr_array_add(argv, helper);
    for (i = 0; args[i]; i++)
        g_ptr_array_add(argv, (char *)args[i]);
    g_ptr_array_add(argv, NULL);

    if (!g_spawn_sync(NULL, (char **)argv->pdata, NULL, 0, NULL, NULL,
                      &out, &errtext, &status, &err)) {
        printf("# spawn %s: %s\n", helper, err->message);
        return -1;
    }
    if (errtext && *errtext && !errout)
        printf("# helper: %s", errtext);
    if (errout)
        *errout = g_steal_pointer(&errtext);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}


/* Read the helper's first line ("labelled", "locked"). */
static char *
read_line(int fd)
{
    GString *s = g_string_new(NULL);
    char c;

    while (read(fd, &c, 1) == 1 && c != '\n')
        g_string_append_c(s, c);
    return g_string_free(s, FALSE);
}


static void
kill_and_reap(GPid pid)
{
    kill(pid, SIGKILL);
    reap(pid);
}


typedef struct {
    char *shared[3];
    char *own[2];
} Files;


static void
files_make(Files *f, const char *tag)
{
    size_t i;

    for (i = 0; i < 3; i++) {
        g_autofree char *name = g_strdup_printf("%s-shared%zu", tag, i);
        f->shared[i] = tu_make_file(tmpdir, name, 1234, 5678);
    }
    for (i = 0; i < 2; i++) {
        g_autofree char *name = g_strdup_printf("%s-own%zu", tag, i);
        f->own[i] = tu_make_file(tmpdir, name, 2000 + i, 3000 + i);
    }
}


static void
files_clear(Files *f)
{
    size_t i;

    for (i = 0; i < 3; i++)
        g_free(f->shared[i]);
    for (i = 0; i < 2; i++)
        g_free(f->own[i]);
}


G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Files, files_clear)


/* How many of the files ended with the wrong owner or leftover xattrs. */
static int
files_damage(Files *f)
{
    int bad = 0;
    size_t i;

    for (i = 0; i < 3; i++) {
        g_autofree char *o = tu_owner(f->shared[i]);
        if (!g_str_equal(o, "1234:5678") || !tu_no_xattrs(f->shared[i], NS))
            bad++;
    }
    for (i = 0; i < 2; i++) {
        g_autofree char *o = tu_owner(f->own[i]);
        g_autofree char *want = g_strdup_printf("%zu:%zu", 2000 + i, 3000 + i);
        if (!g_str_equal(o, want) || !tu_no_xattrs(f->own[i], NS))
            bad++;
    }
    return bad;
}


/* Two helpers cycling over overlapping sets (in opposite orders).
 * Returns the number of bad samples of ref_dac seen meanwhile. */
static int
race(Files *f, const char *iters, bool locked, int *status_a, int *status_b)
{
    const char *a[12];
    const char *b[12];
    size_t n = 0;
    int bad_samples = 0;
    GPid pa;
    GPid pb;
    int i;

    a[n++] = "--mode";
    a[n++] = "cycle";
    a[n++] = "--iterations";
    a[n++] = iters;
    if (!locked)
        a[n++] = "--no-lock";
    memcpy(b, a, n * sizeof(*a));
    a[n] = f->shared[0];
    a[n + 1] = f->shared[1];
    a[n + 2] = f->shared[2];
    a[n + 3] = f->own[0];
    a[n + 4] = NULL;
    b[n] = f->shared[2];
    b[n + 1] = f->shared[1];
    b[n + 2] = f->shared[0];
    b[n + 3] = f->own[1];
    b[n + 4] = NULL;

    /* The unlocked control run is expected to fail noisily. */
    pa = spawn_full(a, NULL, !locked);
    pb = spawn_full(b, NULL, !locked);

    /* Sample while they run: a count is never above 2. */
    for (i = 0; i < 200; i++) {
        g_autofree char *ref = tu_xattr(f->shared[1], NS, "ref_dac");
        if (ref && !g_str_equal(ref, "1") && !g_str_equal(ref, "2")) {
            printf("# sampled ref_dac = '%s'\n", ref);
            bad_samples++;
        }
        g_usleep(2000);
    }
    *status_a = reap(pa);
    *status_b = reap(pb);
    return bad_samples;
}


static void
test_concurrent(void)
{
    const char *iters = g_getenv("SECURITY_ITERATIONS");
    g_auto(Files) f = { 0 };
    int sa;
    int sb;
    int bad;
    gint64 start;

    if (!iters)
        iters = "500";
    tap_diag("two processes relabelling the same files, %s cycles each", iters);
    files_make(&f, "race");
    start = g_get_monotonic_time();
    bad = race(&f, iters, true, &sa, &sb);
    tap_diag("took %.1f s", (g_get_monotonic_time() - start) / 1e6);
    is_int(sa, 0, "helper A finished cleanly");
    is_int(sb, 0, "helper B finished cleanly");
    is_int(bad, 0, "refcounts seen meanwhile were 1 or 2");
    is_int(files_damage(&f), 0,
           "every file has its original owner and no xattrs");
}


static void
test_concurrent_unlocked(void)
{
    g_auto(Files) f = { 0 };
    int sa;
    int sb;
    int damage;

    /* Not a requirement: shows that the test above can fail at all. */
    files_make(&f, "nolock");
    race(&f, "200", false, &sa, &sb);
    damage = files_damage(&f);
    tap_diag("control without metadata locks: helpers exited %d and %d, "
             "%d of 5 files damaged", sa, sb, damage);
    ok(1, "control run without locks done");
}


static void
test_crash(void)
{
    g_autofree char *k = tu_make_file(tmpdir, "crash-kernel", 1234, 5678);
    g_autofree char *line = NULL;
    g_autofree char *ref = NULL;
    g_autofree char *owner = NULL;
    const char *hold[] = { "--mode", "hold", k, NULL };
    const char *restore[] = { "--mode", "restore", k, NULL };
    int fd = -1;
    GPid pid;

    tap_diag("a process killed between labelling and restoring");
    pid = spawn(hold, &fd);
    line = read_line(fd);
    close(fd);
    is_str(line, "labelled", "helper labelled the kernel and waits");
    kill_and_reap(pid);
    owner = tu_owner(k);
    is_str(owner, "107:107", "  after SIGKILL the kernel is still 107:107");
    ref = tu_xattr(k, NS, "ref_dac");
    is_str(ref, "1", "  counted once");

    is_int(run_helper(restore, NULL), 0, "a new process restores it");
    g_free(owner);
    owner = tu_owner(k);
    is_str(owner, "1234:5678", "  original owner back");
    ok(tu_no_xattrs(k, NS), "  xattrs gone");

    /* Two guests, both "daemons" die, two restores later. */
    pid = spawn(hold, &fd);
    g_free(line);
    line = read_line(fd);
    close(fd);
    kill_and_reap(pid);
    pid = spawn(hold, &fd);
    g_free(line);
    line = read_line(fd);
    close(fd);
    kill_and_reap(pid);
    g_free(ref);
    ref = tu_xattr(k, NS, "ref_dac");
    is_str(ref, "2", "two killed holders: count 2");
    is_int(run_helper(restore, NULL), 0, "first restore");
    g_free(owner);
    owner = tu_owner(k);
    is_str(owner, "107:107", "  still handed out");
    is_int(run_helper(restore, NULL), 0, "second restore");
    g_free(owner);
    owner = tu_owner(k);
    is_str(owner, "1234:5678", "  original owner back");
    ok(tu_no_xattrs(k, NS), "  xattrs gone");
}


static void
test_crash_with_lock(void)
{
    g_autofree char *k = tu_make_file(tmpdir, "lock-kernel", 1234, 5678);
    g_autofree char *line = NULL;
    const char *lock[] = { "--mode", "lock", k, NULL };
    const char *set[] = { "--mode", "set", k, NULL };
    const char *restore[] = { "--mode", "restore", k, NULL };
    int fd = -1;
    GPid pid;
    GPid setter;
    gint64 start;
    double took;

    tap_diag("a process killed while it holds the metadata lock");
    pid = spawn(lock, &fd);
    line = read_line(fd);
    close(fd);
    is_str(line, "locked", "helper holds the lock");
    start = g_get_monotonic_time();
    setter = spawn(set, NULL);
    g_usleep(200 * 1000);
    kill_and_reap(pid);
    is_int(reap(setter), 0, "a labeller waiting on it proceeds once it dies");
    took = (g_get_monotonic_time() - start) / 1e6;
    ok(took >= 0.2 && took < 5, "  after %.2f s (it waited, no stale lock)", took);
    is_int(run_helper(restore, NULL), 0, "restored");
    {
        g_autofree char *owner = tu_owner(k);
        is_str(owner, "1234:5678", "  owner back");
    }
}


static void
test_other_owner(void)
{
    g_autofree char *img = tu_make_file(tmpdir, "owner-img", 1234, 5678);
    g_autofree char *line = NULL;
    g_autofree char *err = NULL;
    g_autofree char *want = NULL;
    const char *hold[] = { "--mode", "hold", img, NULL };
    const char *other[] = { "--mode", "set", "--owner", "+200:+200", img, NULL };
    const char *restore[] = { "--mode", "restore", img, NULL };
    int fd = -1;
    GPid pid;

    tap_diag("another daemon wanting a different owner");
    pid = spawn(hold, &fd);
    line = read_line(fd);
    close(fd);
    is_int(run_helper(other, &err), 1, "refused");
    want = g_strdup_printf("security-helper: Requested operation is not valid: "
                           "Setting different DAC user or group on %s which "
                           "is already in use\n", img);
    is_str(err, want, "  with libvirt's message");
    kill_and_reap(pid);
    is_int(run_helper(restore, NULL), 0, "restored after the holder died");
    {
        g_autofree char *owner = tu_owner(img);
        is_str(owner, "1234:5678", "  owner back");
    }
}


int
main(void)
{
    const char *env = g_getenv("SECURITY_HELPER");

    if (geteuid() != 0) {
        tap_skip("needs root (chown to other users, trusted.* xattrs)");
        return tap_done();
    }
    helper = env ? g_strdup(env)
                 : g_build_filename(ABS_BUILDDIR, "tests", "security-helper", NULL);
    if (!g_file_test(helper, G_FILE_TEST_IS_EXECUTABLE)) {
        ok(0, "helper %s exists", helper);
        return tap_done();
    }
    tmpdir = g_dir_make_tmp("virtkit-proc-XXXXXX", NULL);

    test_concurrent();
    test_concurrent_unlocked();
    test_crash();
    test_crash_with_lock();
    test_other_owner();

    tu_rmtree(tmpdir);
    g_free(tmpdir);
    g_free(helper);
    return tap_done();
}
