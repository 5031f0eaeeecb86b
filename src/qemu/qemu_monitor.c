/* qemu_monitor.c: QMP over a unix socket, one reader thread per monitor.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "qemu/qemu_monitor.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

/* Replies are small; a line longer than this means a broken peer. */
#define QEMU_MONITOR_MAX_LINE (16 * 1024 * 1024)

typedef struct {
    char *id;
    bool done;
    qemuJSONValue *reply;       /* the whole message */
} qemuMonitorPending;

struct _qemuMonitor {
    GMutex lock;
    GCond cond;
    gint refs;                  /* the owner and the reader thread */
    int fd;
    GThread *thread;
    bool closed;                /* EOF or error seen: no more replies */
    bool closing;               /* qemuMonitorClose was called */
    unsigned long long nextSerial;
    int timeoutMs;
    unsigned long version;
    GPtrArray *pending;         /* qemuMonitorPending *, not owned */
    GString *inbuf;
    qemuMonitorCallbacks cb;
    void *opaque;
};


static void
qemuMonitorUnref(qemuMonitor *mon)
{
    if (!g_atomic_int_dec_and_test(&mon->refs))
        return;
    if (mon->fd >= 0)
        close(mon->fd);
    g_ptr_array_free(mon->pending, TRUE);
    g_string_free(mon->inbuf, TRUE);
    g_mutex_clear(&mon->lock);
    g_cond_clear(&mon->cond);
    g_free(mon);
}


/* Block until one complete line is in inbuf (or `deadline` passes, 0 for
 * none); return it without its line end.  NULL on EOF, error or timeout
 * with an error set; with `quietEOF` an EOF sets no error. */
static char *
readLine(qemuMonitor *mon, gint64 deadline, bool quietEOF)
{
    for (;;) {
        char *nl = memchr(mon->inbuf->str, '\n', mon->inbuf->len);
        char buf[4096];
        ssize_t n;

        if (nl) {
            size_t len = nl - mon->inbuf->str;
            char *line = g_strndup(mon->inbuf->str, len);

            g_string_erase(mon->inbuf, 0, len + 1);
            g_strchomp(line);
            return line;
        }
        if (mon->inbuf->len > QEMU_MONITOR_MAX_LINE) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "QEMU monitor reply exceeds buffer size");
            return NULL;
        }
        if (deadline) {
            struct pollfd pfd = { .fd = mon->fd, .events = POLLIN };
            gint64 left = (deadline - g_get_monotonic_time()) / 1000;
            int r;

            if (left <= 0) {
                virReportError(VIR_ERR_OPERATION_TIMEOUT, "%s",
                               "QEMU monitor did not send its greeting");
                return NULL;
            }
            r = poll(&pfd, 1, (int)left);
            if (r < 0 && errno == EINTR)
                continue;
            if (r == 0)
                continue;
        }
        n = read(mon->fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            virReportSystemError(errno, "%s",
                                 "Unable to read from monitor");
            return NULL;
        }
        if (n == 0) {
            if (!quietEOF)
                virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                               "End of file from qemu monitor");
            return NULL;
        }
        g_string_append_len(mon->inbuf, buf, n);
    }
}


static int
writeAll(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, data, len, MSG_NOSIGNAL);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= n;
    }
    return 0;
}


static void
dispatchMessage(qemuMonitor *mon, qemuJSONValue *msg)
{
    const char *event = qemuJSONGetString(msg, "event");
    const char *id = qemuJSONGetString(msg, "id");
    size_t i;

    if (event) {
        VIR_DEBUG("QMP event %s", event);
        if (mon->cb.eventNotify && !mon->closing)
            mon->cb.eventNotify(mon, event, qemuJSONGet(msg, "data"),
                                mon->opaque);
        qemuJSONValueFree(msg);
        return;
    }
    g_mutex_lock(&mon->lock);
    for (i = 0; id && i < mon->pending->len; i++) {
        qemuMonitorPending *p = mon->pending->pdata[i];

        if (!p->done && strcmp(p->id, id) == 0) {
            p->reply = msg;
            p->done = true;
            msg = NULL;
            g_cond_broadcast(&mon->cond);
            break;
        }
    }
    g_mutex_unlock(&mon->lock);
    if (msg) {
        VIR_DEBUG("QMP reply nobody waits for (id %s)", id ? id : "none");
        qemuJSONValueFree(msg);
    }
}


static gpointer
readerThread(gpointer opaque)
{
    qemuMonitor *mon = opaque;

    for (;;) {
        g_autofree char *line = readLine(mon, 0, true);
        qemuJSONValue *msg;

        if (!line)
            break;
        if (!*line)
            continue;
        if (!(msg = qemuJSONParse(line))) {
            VIR_WARN("Ignoring a QMP message that is not JSON");
            continue;
        }
        dispatchMessage(mon, msg);
    }
    virResetLastError();

    g_mutex_lock(&mon->lock);
    mon->closed = true;
    g_cond_broadcast(&mon->cond);
    g_mutex_unlock(&mon->lock);
    if (mon->cb.eofNotify && !mon->closing)
        mon->cb.eofNotify(mon, mon->opaque);
    qemuMonitorUnref(mon);
    return NULL;
}


/* The process exited (a zombie counts: its parent may never reap it). */
static bool
processGone(pid_t pid)
{
    g_autofree char *path = NULL;
    g_autofree char *stat = NULL;
    const char *end;

    if (kill(pid, 0) < 0 && errno == ESRCH)
        return true;
    path = g_strdup_printf("/proc/%lld/stat", (long long)pid);
    if (!g_file_get_contents(path, &stat, NULL, NULL))
        return true;
    end = strrchr(stat, ')');
    return end && end[1] == ' ' && (end[2] == 'Z' || end[2] == 'X');
}

static int
connectSocket(const char *path, int timeoutMs, pid_t pid)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    gint64 deadline = g_get_monotonic_time() + (gint64)timeoutMs * 1000;
    int fd;

    if (strlen(path) >= sizeof(addr.sun_path)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Monitor path %s too big for destination", path);
        return -1;
    }
    strcpy(addr.sun_path, path);
    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
        virReportSystemError(errno, "%s", "failed to create socket");
        return -1;
    }
    for (;;) {
        if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0)
            return fd;
        if (errno != ENOENT && errno != ECONNREFUSED && errno != EINTR) {
            virReportSystemError(errno, "failed to connect to monitor "
                                 "socket %s", path);
            break;
        }
        if (pid > 0 && processGone(pid)) {
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "process exited while connecting to monitor %s",
                           path);
            break;
        }
        if (g_get_monotonic_time() >= deadline) {
            virReportError(VIR_ERR_OPERATION_TIMEOUT,
                           "monitor socket %s did not show up", path);
            break;
        }
        g_usleep(10 * 1000);
    }
    close(fd);
    return -1;
}


static void
parseGreeting(qemuMonitor *mon, const qemuJSONValue *greeting)
{
    const qemuJSONValue *v = qemuJSONGet(qemuJSONGet(greeting, "QMP"),
                                         "version");
    const qemuJSONValue *q = qemuJSONGet(v, "qemu");
    long long major = 0, minor = 0, micro = 0;

    qemuJSONGetLongLong(q, "major", &major);
    qemuJSONGetLongLong(q, "minor", &minor);
    qemuJSONGetLongLong(q, "micro", &micro);
    mon->version = major * 1000000 + minor * 1000 + micro;
}


qemuMonitor *
qemuMonitorOpen(const char *path, int timeoutMs, pid_t pid,
                const qemuMonitorCallbacks *cb, void *opaque)
{
    qemuMonitor *mon;
    g_autofree char *line = NULL;
    g_autoptr(qemuJSONValue) greeting = NULL;
    int fd;

    if ((fd = connectSocket(path, timeoutMs, pid)) < 0)
        return NULL;

    mon = g_new0(qemuMonitor, 1);
    g_mutex_init(&mon->lock);
    g_cond_init(&mon->cond);
    mon->refs = 1;
    mon->fd = fd;
    mon->timeoutMs = 30 * 1000;
    mon->pending = g_ptr_array_new();
    mon->inbuf = g_string_new(NULL);
    if (cb)
        mon->cb = *cb;
    mon->opaque = opaque;

    if (!(line = readLine(mon, g_get_monotonic_time() +
                          (gint64)MAX(timeoutMs, 1000) * 1000, false)))
        goto error;
    if (!(greeting = qemuJSONParse(line)))
        goto error;
    if (!qemuJSONGet(greeting, "QMP")) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected QMP greeting: %s", line);
        goto error;
    }
    parseGreeting(mon, greeting);

    g_atomic_int_inc(&mon->refs);
    mon->thread = g_thread_new("qemu-monitor", readerThread, mon);
    if (qemuMonitorCommand(mon, "qmp_capabilities", NULL, NULL) < 0) {
        qemuMonitorClose(mon);
        return NULL;
    }
    return mon;

 error:
    qemuMonitorUnref(mon);
    return NULL;
}


void
qemuMonitorClose(qemuMonitor *mon)
{
    if (!mon)
        return;
    g_mutex_lock(&mon->lock);
    mon->closing = true;
    g_cond_broadcast(&mon->cond);
    g_mutex_unlock(&mon->lock);
    if (mon->thread) {
        shutdown(mon->fd, SHUT_RDWR);
        if (g_thread_self() == mon->thread)
            g_thread_unref(mon->thread);    /* it ends on its own */
        else
            g_thread_join(mon->thread);
        mon->thread = NULL;
    }
    qemuMonitorUnref(mon);
}


unsigned long
qemuMonitorGetVersion(qemuMonitor *mon)
{
    return mon->version;
}


void
qemuMonitorSetTimeout(qemuMonitor *mon, int timeoutMs)
{
    mon->timeoutMs = timeoutMs;
}


int
qemuMonitorCommand(qemuMonitor *mon, const char *cmd, const char *args,
                   qemuJSONValue **reply)
{
    qemuMonitorPending p = { 0 };
    g_autoptr(GString) msg = g_string_new(NULL);
    g_autoptr(qemuJSONValue) answer = NULL;
    const qemuJSONValue *err;
    gint64 deadline;
    int ret = -1;

    if (reply)
        *reply = NULL;
    g_mutex_lock(&mon->lock);
    if (mon->closed || mon->closing) {
        g_mutex_unlock(&mon->lock);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "QEMU monitor is closed");
        return -1;
    }
    p.id = g_strdup_printf("libvirt-%llu", ++mon->nextSerial);
    g_ptr_array_add(mon->pending, &p);

    qemuJSONBegin(msg);
    qemuJSONAddStr(msg, "execute", cmd);
    if (args)
        qemuJSONAddRaw(msg, "arguments", args);
    qemuJSONAddStr(msg, "id", p.id);
    qemuJSONEnd(msg);
    g_string_append(msg, "\r\n");
    VIR_DEBUG("QMP send %s", msg->str);

    if (writeAll(mon->fd, msg->str, msg->len) < 0) {
        virReportSystemError(errno, "%s", "Unable to write to monitor");
        goto cleanup;
    }
    deadline = g_get_monotonic_time() + (gint64)mon->timeoutMs * 1000;
    while (!p.done && !mon->closed && !mon->closing) {
        if (!g_cond_wait_until(&mon->cond, &mon->lock, deadline))
            break;
    }
    if (!p.done) {
        if (mon->closed || mon->closing)
            virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                           "QEMU monitor was closed before replying");
        else
            virReportError(VIR_ERR_OPERATION_TIMEOUT,
                           "QEMU did not reply to '%s'", cmd);
        goto cleanup;
    }
    answer = g_steal_pointer(&p.reply);
    if ((err = qemuJSONGet(answer, "error"))) {
        const char *desc = qemuJSONGetString(err, "desc");

        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unable to execute QEMU command '%s': %s", cmd,
                       desc ? desc : "unknown error");
        goto cleanup;
    }
    if (!qemuJSONGet(answer, "return")) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "QEMU reply to '%s' has no return value", cmd);
        goto cleanup;
    }
    if (reply) {
        /* detach "return" from the message */
        qemuJSONValue *ret_ = NULL;
        guint i;

        for (i = 0; i < answer->keys->len; i++) {
            if (strcmp(answer->keys->pdata[i], "return") == 0) {
                ret_ = g_ptr_array_steal_index(answer->items, i);
                g_ptr_array_remove_index(answer->keys, i);
                break;
            }
        }
        *reply = ret_;
    }
    ret = 0;

 cleanup:
    g_ptr_array_remove(mon->pending, &p);
    g_mutex_unlock(&mon->lock);
    qemuJSONValueFree(p.reply);
    g_free(p.id);
    return ret;
}


int
qemuMonitorStartCPUs(qemuMonitor *mon)
{
    return qemuMonitorCommand(mon, "cont", NULL, NULL);
}

int
qemuMonitorStopCPUs(qemuMonitor *mon)
{
    return qemuMonitorCommand(mon, "stop", NULL, NULL);
}

int
qemuMonitorSystemPowerdown(qemuMonitor *mon)
{
    return qemuMonitorCommand(mon, "system_powerdown", NULL, NULL);
}

int
qemuMonitorSystemReset(qemuMonitor *mon)
{
    return qemuMonitorCommand(mon, "system_reset", NULL, NULL);
}

int
qemuMonitorQuit(qemuMonitor *mon)
{
    return qemuMonitorCommand(mon, "quit", NULL, NULL);
}

int
qemuMonitorGetStatus(qemuMonitor *mon, bool *running, char **status)
{
    g_autoptr(qemuJSONValue) ret = NULL;
    const char *st;

    if (qemuMonitorCommand(mon, "query-status", NULL, &ret) < 0)
        return -1;
    if (qemuJSONGetBool(ret, "running", running) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "query-status reply was missing running state");
        return -1;
    }
    st = qemuJSONGetString(ret, "status");
    if (status)
        *status = g_strdup(st ? st : "unknown");
    return 0;
}

int
qemuMonitorGetPtyPath(qemuMonitor *mon, const char *alias, char **path)
{
    g_autoptr(qemuJSONValue) ret = NULL;
    guint i;

    *path = NULL;
    if (qemuMonitorCommand(mon, "query-chardev", NULL, &ret) < 0)
        return -1;
    if (ret->type != QEMU_JSON_ARRAY)
        return 0;
    for (i = 0; i < ret->items->len; i++) {
        const qemuJSONValue *c = ret->items->pdata[i];
        const char *label = qemuJSONGetString(c, "label");
        const char *file = qemuJSONGetString(c, "filename");

        if (label && file && strcmp(label, alias) == 0 &&
            g_str_has_prefix(file, "pty:")) {
            *path = g_strdup(file + 4);
            break;
        }
    }
    return 0;
}
