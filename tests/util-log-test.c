/* util-log-test.c: log levels, filters and outputs.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/virerror.h"
#include "util/virlog.h"
#include "tap.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static char *
readLog(const char *path)
{
    char *s = NULL;

    if (!g_file_get_contents(path, &s, NULL, NULL))
        return g_strdup("");
    return s;
}


static volatile gint stopLogging;

static gpointer
logLoop(gpointer opaque G_GNUC_UNUSED)
{
    while (!g_atomic_int_get(&stopLogging))
        VIR_WARN("busy logging thread %d", 1);
    return NULL;
}


/* Forking while another thread logs: every child must be able to log and
 * exit (a mutex copied while held would hang it). */
static void
testForkWhileLogging(const char *path)
{
    g_autofree char *spec = g_strdup_printf("1:file:%s", path);
    GThread *th;
    int hung = 0, i;

    g_assert(virLogSetOutputs(spec) == 0);
    virLogSetDefaultPriority(VIR_LOG_WARN);
    th = g_thread_new("logger", logLoop, NULL);
    for (i = 0; i < 200; i++) {
        pid_t pid = fork();
        int status = 0, waited = 0;

        if (pid == 0) {
            alarm(5);
            VIR_WARN("child %d can log", i);
            _exit(0);
        }
        while (waitpid(pid, &status, WNOHANG) == 0 && waited < 5000) {
            g_usleep(1000);
            waited++;
        }
        if (waited >= 5000 || !WIFEXITED(status)) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            hung++;
        }
    }
    g_atomic_int_set(&stopLogging, 1);
    g_thread_join(th);
    is_int(hung, 0, "200 forks while another thread logs: every child logs and exits");
}


/* The lock-free UTC formatter agrees with gmtime_r + strftime. */
static void
testFormatUTC(void)
{
    static const time_t when[] = {
        0, 59, 86399, 86400, 951782400 /* 2000-02-29 */, 951868800,
        1709164800 /* 2024-02-29 */, 4107542400LL /* 2100-03-01 */,
        -1, -86401, -2208988800LL /* 1900-01-01 */, 253402300799LL,
    };
    int bad = 0;
    size_t i;
    time_t t;

    for (i = 0; i < G_N_ELEMENTS(when); i++) {
        char ours[64], want[64];
        struct tm tm;

        virLogFormatUTC(when[i], ours, sizeof(ours));
        gmtime_r(&when[i], &tm);
        strftime(want, sizeof(want), "%Y-%m-%d %H:%M:%S", &tm);
        if (strcmp(ours, want) != 0) {
            printf("# %lld: %s, want %s\n", (long long)when[i], ours, want);
            bad++;
        }
    }
    /* and every 6 hours and 13 seconds across four centuries */
    for (t = -2208988800LL; t < 10413792000LL; t += 21613) {
        char ours[64], want[64];
        struct tm tm;

        virLogFormatUTC(t, ours, sizeof(ours));
        gmtime_r(&t, &tm);
        strftime(want, sizeof(want), "%Y-%m-%d %H:%M:%S", &tm);
        if (strcmp(ours, want) != 0 && bad++ < 5)
            printf("# %lld: %s, want %s\n", (long long)t, ours, want);
    }
    is_int(bad, 0, "log timestamps equal gmtime_r's from 1900 to 2300");
}


int
main(void)
{
    g_autofree char *dir = g_dir_make_tmp("virtkit-log-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "log", NULL);
    g_autofree char *spec = g_strdup_printf("2:file:%s", path);
    g_autofree char *log = NULL;

    g_unsetenv("LIBVIRT_DEBUG");
    g_unsetenv("LIBVIRT_LOG_OUTPUTS");
    g_unsetenv("LIBVIRT_LOG_FILTERS");
    virLogReset();

    is_int(virLogGetNbOutputs(), 0, "no outputs by default");
    is_int(virLogGetDefaultPriority(), VIR_LOG_WARN, "default priority warning");
    ok(!virLogWouldLog(VIR_LOG_ERROR, __FILE__), "nothing is logged by default");

    is_int(virLogParsePriority("1"), VIR_LOG_DEBUG, "parse 1");
    is_int(virLogParsePriority("warning"), VIR_LOG_WARN, "parse warning");
    is_int(virLogParsePriority("5"), -1, "parse 5");

    is_int(virLogSetOutputs(spec), 0, "file output");
    is_int(virLogGetNbOutputs(), 1, "  one output");
    VIR_DEBUG("debug %d", 1);
    VIR_INFO("info %d", 2);
    VIR_WARN("warn %d", 3);
    VIR_ERROR("error %d", 4);
    log = readLog(path);
    ok(!strstr(log, "debug 1") && !strstr(log, "info 2"),
       "below the default priority: dropped");
    ok(strstr(log, ": warning : main:") && strstr(log, " : warn 3\n"),
       "warning line format");
    ok(strstr(log, ": error : main:") && strstr(log, " : error 4\n"),
       "error line");
    ok(strlen(log) > 24 && log[4] == '-' && log[10] == ' ' &&
       strncmp(log + 23, "+0000: ", 7) == 0, "timestamp prefix (%.30s)", log);
    g_clear_pointer(&log, g_free);

    /* Raised errors go to configured outputs. */
    virReportError(VIR_ERR_INVALID_ARG, "logged %s", "too");
    log = readLog(path);
    ok(strstr(log, "invalid argument: logged too") != NULL,
       "raised errors are logged");
    g_clear_pointer(&log, g_free);

    is_int(virLogSetDefaultPriority(VIR_LOG_DEBUG), 0, "priority debug");
    VIR_DEBUG("now debug");
    VIR_INFO("now info");
    log = readLog(path);
    ok(!strstr(log, "now debug"), "output level 2 drops debug");
    ok(strstr(log, "now info") != NULL, "info passes");
    g_clear_pointer(&log, g_free);

    is_int(virLogSetDefaultPriority(VIR_LOG_ERROR), 0, "priority error");
    is_int(virLogSetFilters("2:util-log-test"), 0, "filter on this file");
    VIR_INFO("filtered info");
    log = readLog(path);
    ok(strstr(log, "filtered info") != NULL, "filter raises this file's level");
    g_clear_pointer(&log, g_free);

    is_int(virLogSetFilters("x:foo"), -1, "bad filter");
    is_str(virGetLastErrorMessage(), "invalid argument: Invalid log filter 'x:foo'",
           "  message");
    is_int(virLogSetOutputs("1:bogus"), -1, "bad output");
    is_str(virGetLastErrorMessage(), "invalid argument: Invalid log output '1:bogus'",
           "  message");
    is_int(virLogGetNbOutputs(), 1, "  old outputs kept");
    is_int(virLogSetDefaultPriority(9), -1, "bad priority");
    virResetLastError();

    /* Environment. */
    g_setenv("LIBVIRT_DEBUG", "1", TRUE);
    virLogReset();
    is_int(virLogGetDefaultPriority(), VIR_LOG_DEBUG, "LIBVIRT_DEBUG=1");
    is_int(virLogGetNbOutputs(), 1, "  implies a stderr output");
    g_setenv("LIBVIRT_DEBUG", "error", TRUE);
    g_setenv("LIBVIRT_LOG_OUTPUTS", "4:stderr 3:stderr", TRUE);
    virLogReset();
    is_int(virLogGetDefaultPriority(), VIR_LOG_ERROR, "LIBVIRT_DEBUG=error");
    is_int(virLogGetNbOutputs(), 2, "LIBVIRT_LOG_OUTPUTS with two outputs");
    g_setenv("LIBVIRT_LOG_OUTPUTS", "garbage", TRUE);
    g_unsetenv("LIBVIRT_DEBUG");
    virLogReset();
    is_int(virLogGetNbOutputs(), 0, "bad LIBVIRT_LOG_OUTPUTS is ignored");
    ok(!virErrorIsSet(), "  silently");

    g_unsetenv("LIBVIRT_LOG_OUTPUTS");
    testFormatUTC();
    testForkWhileLogging(path);
    virLogReset();
    unlink(path);
    rmdir(dir);
    return tap_done();
}
