/* virlog.c: small logging facility.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Line format follows libvirt's so existing log readers keep working:
 *   2024-01-02 03:04:05.678+0000: TID: LEVEL : FUNC:LINE : MESSAGE
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "util/virlog.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NONE

typedef struct {
    virLogPriority priority;
    int fd;                 /* STDERR_FILENO or a file we opened */
    bool ownFd;
} virLogOutput;

typedef struct {
    virLogPriority priority;
    char *match;
} virLogFilter;

static GMutex virLogLock;

/* fork() in a threaded process (the security manager's metadata-lock child)
 * copies the mutex as it is: held by a thread that does not exist in the
 * child.  Holding it across fork keeps it consistent on both sides. */
static void virLogForkPrepare(void) { g_mutex_lock(&virLogLock); }
static void virLogForkRelease(void) { g_mutex_unlock(&virLogLock); }

static void __attribute__((constructor))
virLogRegisterForkHandlers(void)
{
    pthread_atfork(virLogForkPrepare, virLogForkRelease, virLogForkRelease);
}
static bool virLogInitialized;
static virLogPriority virLogDefault = VIR_LOG_DEFAULT;
static GArray *virLogOutputs;   /* of virLogOutput */
static GArray *virLogFilters;   /* of virLogFilter */


static void
virLogOutputClear(gpointer data)
{
    virLogOutput *out = data;

    if (out->ownFd && out->fd >= 0)
        close(out->fd);
}


static void
virLogFilterClear(gpointer data)
{
    virLogFilter *f = data;

    g_free(f->match);
}


int
virLogParsePriority(const char *str)
{
    if (!str)
        return -1;
    if (g_str_equal(str, "1") || g_ascii_strcasecmp(str, "debug") == 0)
        return VIR_LOG_DEBUG;
    if (g_str_equal(str, "2") || g_ascii_strcasecmp(str, "info") == 0)
        return VIR_LOG_INFO;
    if (g_str_equal(str, "3") || g_ascii_strcasecmp(str, "warning") == 0 ||
        g_ascii_strcasecmp(str, "warn") == 0)
        return VIR_LOG_WARN;
    if (g_str_equal(str, "4") || g_ascii_strcasecmp(str, "error") == 0)
        return VIR_LOG_ERROR;
    return -1;
}


/* Split "N:rest" into a priority and the rest; -1 on a bad prefix. */
static int
virLogSplitItem(const char *item, const char **rest)
{
    g_autofree char *num = NULL;
    const char *colon = strchr(item, ':');

    if (!colon)
        return -1;
    num = g_strndup(item, colon - item);
    *rest = colon + 1;
    return virLogParsePriority(num);
}


/* `report`: false while virLogLock is held (raising an error would log). */
static GArray *
virLogParseOutputs(const char *spec, bool report)
{
    g_autoptr(GArray) outs = g_array_new(FALSE, TRUE, sizeof(virLogOutput));
    g_auto(GStrv) items = NULL;
    size_t i;

    g_array_set_clear_func(outs, virLogOutputClear);
    items = g_strsplit_set(spec ? spec : "", " \t\n", -1);
    for (i = 0; items[i]; i++) {
        virLogOutput out = { .fd = -1 };
        const char *dest;
        int prio;

        if (!*items[i])
            continue;
        if ((prio = virLogSplitItem(items[i], &dest)) < 0)
            goto bad;
        out.priority = prio;
        if (g_str_equal(dest, "stderr")) {
            out.fd = STDERR_FILENO;
        } else if (g_str_has_prefix(dest, "file:") && dest[5]) {
            out.fd = open(dest + 5, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
                          0600);
            if (out.fd < 0) {
                if (report)
                    virReportSystemError(errno, "failed to open %s", dest + 5);
                return NULL;
            }
            out.ownFd = true;
        } else if (g_str_equal(dest, "journald") ||
                   g_str_has_prefix(dest, "syslog:")) {
            /* Accepted for config compatibility; not implemented. */
            continue;
        } else {
            goto bad;
        }
        g_array_append_val(outs, out);
    }
    return g_steal_pointer(&outs);

 bad:
    if (report)
        virReportError(VIR_ERR_INVALID_ARG, "Invalid log output '%s'",
                       items[i]);
    return NULL;
}


static GArray *
virLogParseFilters(const char *spec, bool report)
{
    g_autoptr(GArray) filters = g_array_new(FALSE, TRUE, sizeof(virLogFilter));
    g_auto(GStrv) items = NULL;
    size_t i;

    g_array_set_clear_func(filters, virLogFilterClear);
    items = g_strsplit_set(spec ? spec : "", " \t\n", -1);
    for (i = 0; items[i]; i++) {
        virLogFilter f;
        const char *match;
        int prio;

        if (!*items[i])
            continue;
        if ((prio = virLogSplitItem(items[i], &match)) < 0 || !*match) {
            if (report)
                virReportError(VIR_ERR_INVALID_ARG, "Invalid log filter '%s'",
                               items[i]);
            return NULL;
        }
        /* libvirt allows a leading '+' (also print a stack trace). */
        if (*match == '+')
            match++;
        f.priority = prio;
        f.match = g_strdup(match);
        g_array_append_val(filters, f);
    }
    return g_steal_pointer(&filters);
}


/* Called with virLogLock held. */
static void
virLogInitLocked(void)
{
    const char *env;
    g_autoptr(GArray) outs = NULL;
    g_autoptr(GArray) filters = NULL;
    int prio;

    if (virLogInitialized)
        return;
    virLogInitialized = true;
    virLogDefault = VIR_LOG_DEFAULT;

    if ((env = g_getenv("LIBVIRT_DEBUG")) && *env &&
        (prio = virLogParsePriority(env)) > 0)
        virLogDefault = prio;
    if ((env = g_getenv("LIBVIRT_LOG_FILTERS")) && *env &&
        (filters = virLogParseFilters(env, false)))
        virLogFilters = g_steal_pointer(&filters);
    if ((env = g_getenv("LIBVIRT_LOG_OUTPUTS")) && *env &&
        (outs = virLogParseOutputs(env, false)))
        virLogOutputs = g_steal_pointer(&outs);

    /* LIBVIRT_DEBUG alone means "to stderr". */
    if (!virLogOutputs && g_getenv("LIBVIRT_DEBUG") &&
        *g_getenv("LIBVIRT_DEBUG")) {
        virLogOutput out = { .priority = virLogDefault, .fd = STDERR_FILENO };
        virLogOutputs = g_array_new(FALSE, TRUE, sizeof(virLogOutput));
        g_array_set_clear_func(virLogOutputs, virLogOutputClear);
        g_array_append_val(virLogOutputs, out);
    }
}


static virLogPriority
virLogThresholdLocked(const char *filename)
{
    size_t i;

    if (virLogFilters && filename) {
        for (i = 0; i < virLogFilters->len; i++) {
            virLogFilter *f = &g_array_index(virLogFilters, virLogFilter, i);
            if (strstr(filename, f->match))
                return f->priority;
        }
    }
    return virLogDefault;
}


bool
virLogWouldLog(virLogPriority priority, const char *filename)
{
    bool ret;

    g_mutex_lock(&virLogLock);
    virLogInitLocked();
    ret = virLogOutputs && virLogOutputs->len > 0 &&
          priority >= virLogThresholdLocked(filename);
    g_mutex_unlock(&virLogLock);
    return ret;
}


static const char *
virLogPriorityName(virLogPriority priority)
{
    switch (priority) {
    case VIR_LOG_DEBUG: return "debug";
    case VIR_LOG_INFO: return "info";
    case VIR_LOG_WARN: return "warning";
    case VIR_LOG_ERROR: return "error";
    }
    return "unknown";
}


/* "YYYY-MM-DD HH:MM:SS" (UTC) of `secs`, computed here rather than with
 * gmtime_r: glibc's takes its time-zone lock, and a thread holding that
 * lock while another forks leaves the child unable to log. */
void
virLogFormatUTC(time_t secs, char *buf, size_t len)
{
    long long days = secs / 86400;
    long long rem = secs % 86400;
    long long era, doe, yoe, doy, mp, y, m, d;

    if (rem < 0) {
        rem += 86400;
        days--;
    }
    /* civil date from days since 1970-01-01 (proleptic Gregorian) */
    days += 719468;
    era = (days >= 0 ? days : days - 146096) / 146097;
    doe = days - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        y++;
    snprintf(buf, len, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld",
             y, m, d, rem / 3600, rem / 60 % 60, rem % 60);
}


void
virLogMessage(virLogPriority priority, const char *filename, size_t linenr,
              const char *funcname, const char *fmt, ...)
{
    int saved_errno = errno;
    g_autofree char *msg = NULL;
    g_autofree char *line = NULL;
    char stamp[64];
    struct timespec ts;
    size_t len;
    size_t i;
    va_list ap;

    if (!virLogWouldLog(priority, filename)) {
        errno = saved_errno;
        return;
    }

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    clock_gettime(CLOCK_REALTIME, &ts);
    virLogFormatUTC(ts.tv_sec, stamp, sizeof(stamp));
    line = g_strdup_printf("%s.%03d+0000: %ld: %s : %s:%zu : %s\n",
                           stamp, (int)(ts.tv_nsec / 1000000),
                           (long)syscall(SYS_gettid),
                           virLogPriorityName(priority),
                           funcname ? funcname : "?", linenr, msg);
    len = strlen(line);

    g_mutex_lock(&virLogLock);
    for (i = 0; virLogOutputs && i < virLogOutputs->len; i++) {
        virLogOutput *out = &g_array_index(virLogOutputs, virLogOutput, i);
        size_t done = 0;

        if (priority < out->priority)
            continue;
        while (done < len) {
            ssize_t n = write(out->fd, line + done, len - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            done += n;
        }
    }
    g_mutex_unlock(&virLogLock);
    errno = saved_errno;
}


int
virLogSetDefaultPriority(int priority)
{
    if (priority < VIR_LOG_DEBUG || priority > VIR_LOG_ERROR) {
        virReportError(VIR_ERR_INVALID_ARG, "Ignoring invalid log level %d",
                       priority);
        return -1;
    }
    g_mutex_lock(&virLogLock);
    virLogInitLocked();
    virLogDefault = priority;
    g_mutex_unlock(&virLogLock);
    return 0;
}


int
virLogSetFilters(const char *spec)
{
    GArray *filters = virLogParseFilters(spec, true);

    if (!filters)
        return -1;
    g_mutex_lock(&virLogLock);
    virLogInitLocked();
    g_clear_pointer(&virLogFilters, g_array_unref);
    virLogFilters = filters;
    g_mutex_unlock(&virLogLock);
    return 0;
}


int
virLogSetOutputs(const char *spec)
{
    GArray *outs = virLogParseOutputs(spec, true);

    if (!outs)
        return -1;
    g_mutex_lock(&virLogLock);
    virLogInitLocked();
    g_clear_pointer(&virLogOutputs, g_array_unref);
    virLogOutputs = outs;
    g_mutex_unlock(&virLogLock);
    return 0;
}


virLogPriority
virLogGetDefaultPriority(void)
{
    virLogPriority ret;

    g_mutex_lock(&virLogLock);
    virLogInitLocked();
    ret = virLogDefault;
    g_mutex_unlock(&virLogLock);
    return ret;
}


int
virLogGetNbOutputs(void)
{
    int ret;

    g_mutex_lock(&virLogLock);
    virLogInitLocked();
    ret = virLogOutputs ? (int)virLogOutputs->len : 0;
    g_mutex_unlock(&virLogLock);
    return ret;
}


void
virLogReset(void)
{
    g_mutex_lock(&virLogLock);
    g_clear_pointer(&virLogOutputs, g_array_unref);
    g_clear_pointer(&virLogFilters, g_array_unref);
    virLogDefault = VIR_LOG_DEFAULT;
    virLogInitialized = false;
    g_mutex_unlock(&virLogLock);
}
