/* qemu-monitor-test: the QMP client against a scripted fake server, and
 * against a real qemu-system-x86_64 when it is installed.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "qemu/qemu_monitor.h"
#include "util/virerror.h"

/* ---- a fake QMP server ---------------------------------------------- */

typedef struct {
    int listenfd;
    char *path;
    GThread *thread;
    const char *mode;            /* "normal", "badgreeting", "silent" */
} fakeServer;

static void
sendLine(int fd, const char *s)
{
    g_autofree char *line = g_strdup_printf("%s\r\n", s);

    if (write(fd, line, strlen(line)) < 0) {
        /* the client went away: the test reports it */
    }
}

/* Read one line (without "\r\n"); NULL at EOF. */
static char *
recvLine(int fd)
{
    GString *s = g_string_new(NULL);
    char c;

    for (;;) {
        ssize_t n = read(fd, &c, 1);

        if (n <= 0) {
            g_string_free(s, TRUE);
            return NULL;
        }
        if (c == '\n')
            break;
        if (c != '\r')
            g_string_append_c(s, c);
    }
    return g_string_free(s, FALSE);
}

static char *
idOf(const char *line)
{
    g_autoptr(qemuJSONValue) v = qemuJSONParse(line);
    const char *id = qemuJSONGetString(v, "id");

    return g_strdup(id ? id : "none");
}

static gpointer
fakeServerThread(gpointer opaque)
{
    fakeServer *fs = opaque;
    int fd = accept(fs->listenfd, NULL, NULL);
    char *line;

    if (fd < 0)
        return NULL;
    if (strcmp(fs->mode, "badgreeting") == 0) {
        sendLine(fd, "{\"hello\": 1}");
        goto done;
    }
    if (strcmp(fs->mode, "garbage") == 0) {
        sendLine(fd, "{not json");
        goto done;
    }
    sendLine(fd, "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 3, "
             "\"minor\": 2, \"major\": 7}, \"package\": \"\"}, "
             "\"capabilities\": [\"oob\"]}}");
    while ((line = recvLine(fd))) {
        g_autofree char *id = idOf(line);
        g_autofree char *reply = NULL;

        if (strstr(line, "\"qmp_capabilities\"")) {
            reply = g_strdup_printf("{\"return\": {}, \"id\": \"%s\"}", id);
        } else if (strstr(line, "\"stop\"")) {
            /* an event before the reply, and a stray reply */
            sendLine(fd, "{\"timestamp\": {\"seconds\": 1, \"microseconds\": "
                     "2}, \"event\": \"STOP\"}");
            sendLine(fd, "{\"return\": {}, \"id\": \"nobody\"}");
            reply = g_strdup_printf("{\"return\": {}, \"id\": \"%s\"}", id);
        } else if (strstr(line, "\"query-status\"")) {
            reply = g_strdup_printf("{\"return\": {\"status\": \"paused\", "
                                    "\"singlestep\": false, \"running\": "
                                    "false}, \"id\": \"%s\"}", id);
        } else if (strstr(line, "\"query-chardev\"")) {
            reply = g_strdup_printf("{\"return\": [{\"frontend-open\": false,"
                                    " \"filename\": \"pty:/dev/pts/9\", "
                                    "\"label\": \"charserial0\"}, "
                                    "{\"filename\": \"unix:/x,server=on\", "
                                    "\"label\": \"charmonitor\"}], "
                                    "\"id\": \"%s\"}", id);
        } else if (strstr(line, "\"silence\"")) {
            g_free(line);
            continue;           /* never answers: the client times out */
        } else if (strstr(line, "\"quit\"")) {
            reply = g_strdup_printf("{\"return\": {}, \"id\": \"%s\"}", id);
            sendLine(fd, reply);
            sendLine(fd, "{\"event\": \"SHUTDOWN\", \"data\": {\"guest\": "
                     "false, \"reason\": \"host-qmp-quit\"}, \"timestamp\": "
                     "{\"seconds\": 3, \"microseconds\": 4}}");
            g_free(line);
            break;
        } else {
            reply = g_strdup_printf("{\"id\": \"%s\", \"error\": {\"class\": "
                                    "\"CommandNotFound\", \"desc\": \"The "
                                    "command nope has not been found\"}}", id);
        }
        sendLine(fd, reply);
        g_free(line);
    }
 done:
    close(fd);
    return NULL;
}

static void
fakeServerStart(fakeServer *fs, const char *dir, const char *mode)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };

    fs->mode = mode;
    fs->path = g_strdup_printf("%s/fake-%s.sock", dir, mode);
    g_strlcpy(addr.sun_path, fs->path, sizeof(addr.sun_path));
    fs->listenfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (bind(fs->listenfd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(fs->listenfd, 1) < 0)
        tap_diag("fake server: %s", g_strerror(errno));
    fs->thread = g_thread_new("fake-qmp", fakeServerThread, fs);
}

static void
fakeServerStop(fakeServer *fs)
{
    shutdown(fs->listenfd, SHUT_RDWR);
    g_thread_join(fs->thread);
    close(fs->listenfd);
    unlink(fs->path);
    g_free(fs->path);
}


/* Events and EOF seen by the callbacks. */
typedef struct {
    GMutex lock;
    GCond cond;
    GString *events;            /* "NAME;NAME;" */
    bool eof;
} seenState;

static void
onEOF(qemuMonitor *mon G_GNUC_UNUSED, void *opaque)
{
    seenState *s = opaque;

    g_mutex_lock(&s->lock);
    s->eof = true;
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
}

static void
onEvent(qemuMonitor *mon G_GNUC_UNUSED, const char *event,
        const qemuJSONValue *data, void *opaque)
{
    seenState *s = opaque;
    const char *reason = qemuJSONGetString(data, "reason");

    g_mutex_lock(&s->lock);
    g_string_append_printf(s->events, "%s%s%s;", event, reason ? ":" : "",
                           reason ? reason : "");
    g_cond_broadcast(&s->cond);
    g_mutex_unlock(&s->lock);
}

static const qemuMonitorCallbacks callbacks = { onEOF, onEvent };

/* Wait until `want` is among the events (or EOF if want is NULL). */
static bool
waitSeen(seenState *s, const char *want, int ms)
{
    gint64 deadline = g_get_monotonic_time() + (gint64)ms * 1000;
    bool found;

    g_mutex_lock(&s->lock);
    for (;;) {
        found = want ? strstr(s->events->str, want) != NULL : s->eof;
        if (found || !g_cond_wait_until(&s->cond, &s->lock, deadline))
            break;
    }
    g_mutex_unlock(&s->lock);
    return found;
}

static void
seenInit(seenState *s)
{
    g_mutex_init(&s->lock);
    g_cond_init(&s->cond);
    s->events = g_string_new(NULL);
    s->eof = false;
}

static void
seenClear(seenState *s)
{
    g_string_free(s->events, TRUE);
    g_mutex_clear(&s->lock);
    g_cond_clear(&s->cond);
}


static void
testFake(const char *dir)
{
    fakeServer fs;
    seenState seen;
    qemuMonitor *mon;
    bool running = true;
    g_autofree char *status = NULL;
    g_autofree char *pty = NULL;
    g_autofree char *none = NULL;

    seenInit(&seen);
    fakeServerStart(&fs, dir, "normal");
    mon = qemuMonitorOpen(fs.path, 2000, 0, &callbacks, &seen);
    ok(mon != NULL, "fake: open negotiates capabilities");
    if (!mon) {
        tap_diag("%s", virGetLastErrorMessage());
        fakeServerStop(&fs);
        seenClear(&seen);
        return;
    }
    is_int(qemuMonitorGetVersion(mon), 7002003, "fake: version from greeting");
    ok(qemuMonitorStopCPUs(mon) == 0, "fake: stop");
    ok(waitSeen(&seen, "STOP;", 2000), "fake: STOP event delivered");
    ok(qemuMonitorGetStatus(mon, &running, &status) == 0 && !running,
       "fake: query-status says not running");
    is_str(status, "paused", "fake: status string");
    ok(qemuMonitorGetPtyPath(mon, "charserial0", &pty) == 0, "fake: query-chardev");
    is_str(pty, "/dev/pts/9", "fake: pty path of charserial0");
    ok(qemuMonitorGetPtyPath(mon, "charmonitor", &none) == 0 && !none,
       "fake: a non-pty chardev has no pty path");

    ok(qemuMonitorCommand(mon, "nope", "{\"a\":1}", NULL) < 0,
       "fake: QMP error fails the command");
    is_str(virGetLastErrorMessage(),
           "internal error: unable to execute QEMU command 'nope': The "
           "command nope has not been found", "fake: QMP error message");

    qemuMonitorSetTimeout(mon, 200);
    ok(qemuMonitorCommand(mon, "silence", NULL, NULL) < 0 &&
       virGetLastErrorCode() == VIR_ERR_OPERATION_TIMEOUT,
       "fake: a command without reply times out");
    qemuMonitorSetTimeout(mon, 2000);

    ok(qemuMonitorQuit(mon) == 0, "fake: quit");
    ok(waitSeen(&seen, "SHUTDOWN:host-qmp-quit;", 2000),
       "fake: SHUTDOWN event with its data");
    ok(waitSeen(&seen, NULL, 2000), "fake: EOF noticed");
    ok(qemuMonitorStopCPUs(mon) < 0, "fake: commands fail after EOF");
    qemuMonitorClose(mon);
    fakeServerStop(&fs);

    fakeServerStart(&fs, dir, "badgreeting");
    mon = qemuMonitorOpen(fs.path, 2000, 0, &callbacks, &seen);
    ok(mon == NULL && strstr(virGetLastErrorMessage(), "unexpected QMP greeting"),
       "fake: a bad greeting is refused");
    fakeServerStop(&fs);

    fakeServerStart(&fs, dir, "garbage");
    mon = qemuMonitorOpen(fs.path, 2000, 0, &callbacks, &seen);
    ok(mon == NULL && strstr(virGetLastErrorMessage(), "cannot parse json"),
       "fake: a greeting that is no JSON is refused");
    fakeServerStop(&fs);

    {
        g_autofree char *missing = g_strdup_printf("%s/missing.sock", dir);

        mon = qemuMonitorOpen(missing, 100, 0, &callbacks, &seen);
        ok(mon == NULL && virGetLastErrorCode() == VIR_ERR_OPERATION_TIMEOUT,
           "fake: a socket that never appears times out");
    }
    seenClear(&seen);
}


static void
testReal(const char *dir)
{
    const char *qemu = "/usr/bin/qemu-system-x86_64";
    g_autofree char *sock = g_strdup_printf("%s/real.sock", dir);
    g_autofree char *qmp = g_strdup_printf("unix:%s,server=on,wait=off", sock);
    seenState seen;
    qemuMonitor *mon;
    bool running = true;
    int status;
    pid_t pid;

    if (access(qemu, X_OK) < 0) {
        tap_skip("qemu-system-x86_64 is not installed");
        return;
    }
    seenInit(&seen);
    if ((pid = fork()) == 0) {
        int null = open("/dev/null", O_RDWR);

        dup2(null, 0);
        dup2(null, 1);
        execl(qemu, qemu, "-machine", "pc", "-accel", "tcg", "-m", "32",
              "-nodefaults", "-no-user-config", "-display", "none", "-S",
              "-qmp", qmp, NULL);
        _exit(127);
    }
    mon = qemuMonitorOpen(sock, 10000, pid, &callbacks, &seen);
    ok(mon != NULL, "real: QMP session with qemu-system-x86_64");
    if (!mon) {
        tap_diag("%s", virGetLastErrorMessage());
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        seenClear(&seen);
        return;
    }
    ok(qemuMonitorGetVersion(mon) >= 6000000, "real: version %lu",
       qemuMonitorGetVersion(mon));
    ok(qemuMonitorGetStatus(mon, &running, NULL) == 0 && !running,
       "real: started paused (-S)");
    ok(qemuMonitorStartCPUs(mon) == 0 && waitSeen(&seen, "RESUME;", 5000),
       "real: cont gives RESUME");
    ok(qemuMonitorGetStatus(mon, &running, NULL) == 0 && running,
       "real: running after cont");
    ok(qemuMonitorStopCPUs(mon) == 0 && waitSeen(&seen, "STOP;", 5000),
       "real: stop gives STOP");
    ok(qemuMonitorCommand(mon, "no-such-command", NULL, NULL) < 0 &&
       strstr(virGetLastErrorMessage(), "has not been found"),
       "real: unknown command error");
    ok(qemuMonitorQuit(mon) == 0, "real: quit");
    ok(waitSeen(&seen, NULL, 5000), "real: EOF after quit");
    qemuMonitorClose(mon);
    ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
       WEXITSTATUS(status) == 0, "real: qemu exited cleanly");
    seenClear(&seen);
}


int
main(void)
{
    g_autofree char *dir = g_dir_make_tmp("qemu-monitor-XXXXXX", NULL);

    signal(SIGPIPE, SIG_IGN);
    testFake(dir);
    testReal(dir);
    rmdir(dir);
    return tap_done();
}
