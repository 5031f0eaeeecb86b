/* qemu_process.c: starting, watching, stopping and finding again the
 * QEMU processes of running domains.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * QEMU is started detached (double fork, own session) so that it outlives
 * the daemon; what a restarted daemon needs to find it again goes into a
 * status file, runDir/NAME.xml: <domstatus> with the state, pid and the
 * settings the files were labelled with, around the live <domain>.
 */
#include <config.h>

#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "qemu/qemu_command.h"
#include "qemu/qemu_domain.h"
#include "qemu/qemu_driver.h"
#include "qemu/qemu_interface.h"
#include "util/virerror.h"
#include "util/virfile.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_QEMU

#define QEMU_MONITOR_OPEN_TIMEOUT_MS (30 * 1000)

/* ---- work for the worker thread -------------------------------------- */

typedef enum {
    QEMU_WORK_EVENT,
    QEMU_WORK_EOF,
    QEMU_WORK_QUIT,
} qemuWorkType;

typedef struct {
    qemuWorkType type;
    unsigned char uuid[VIR_UUID_BUFLEN];
    qemuMonitor *mon;           /* identity only: may be closed by now */
    char *event;
    bool guest;                 /* SHUTDOWN: the guest asked */
} qemuWorkItem;

/* What the monitor callbacks need: the driver and whose monitor it is. */
typedef struct {
    qemuDriver *drv;
    unsigned char uuid[VIR_UUID_BUFLEN];
} qemuMonitorOwner;

static void
qemuWorkItemFree(qemuWorkItem *item)
{
    g_free(item->event);
    g_free(item);
}

static void
monitorEOF(qemuMonitor *mon, void *opaque)
{
    qemuMonitorOwner *owner = opaque;
    qemuWorkItem *item = g_new0(qemuWorkItem, 1);

    item->type = QEMU_WORK_EOF;
    memcpy(item->uuid, owner->uuid, VIR_UUID_BUFLEN);
    item->mon = mon;
    g_async_queue_push(owner->drv->work, item);
}

static void
monitorEvent(qemuMonitor *mon, const char *event, const qemuJSONValue *data,
             void *opaque)
{
    qemuMonitorOwner *owner = opaque;
    qemuWorkItem *item;

    if (strcmp(event, "SHUTDOWN") != 0 && strcmp(event, "STOP") != 0 &&
        strcmp(event, "RESUME") != 0 && strcmp(event, "RESET") != 0)
        return;
    item = g_new0(qemuWorkItem, 1);
    item->type = QEMU_WORK_EVENT;
    memcpy(item->uuid, owner->uuid, VIR_UUID_BUFLEN);
    item->mon = mon;
    item->event = g_strdup(event);
    if (data)
        qemuJSONGetBool(data, "guest", &item->guest);
    g_async_queue_push(owner->drv->work, item);
}

static const qemuMonitorCallbacks monitorCallbacks = {
    .eofNotify = monitorEOF,
    .eventNotify = monitorEvent,
};

/* The owners live as long as the driver: monitors of a domain that went
 * away may still report, and the worker then finds no domain. */
static GMutex ownersLock;
static GPtrArray *owners;

static qemuMonitorOwner *
monitorOwner(qemuDriver *drv, const unsigned char *uuid)
{
    qemuMonitorOwner *o = NULL;
    size_t i;

    g_mutex_lock(&ownersLock);
    if (!owners)
        owners = g_ptr_array_new_with_free_func(g_free);
    for (i = 0; i < owners->len; i++) {
        qemuMonitorOwner *c = owners->pdata[i];

        if (c->drv == drv && memcmp(c->uuid, uuid, VIR_UUID_BUFLEN) == 0)
            o = c;
    }
    if (!o) {
        o = g_new0(qemuMonitorOwner, 1);
        o->drv = drv;
        memcpy(o->uuid, uuid, VIR_UUID_BUFLEN);
        g_ptr_array_add(owners, o);
    }
    g_mutex_unlock(&ownersLock);
    return o;
}


/* ---- paths ------------------------------------------------------------ */

static char *
statusPath(qemuDriver *drv, const char *name)
{
    return g_strdup_printf("%s/%s.xml", drv->runDir, name);
}

static char *
pidPath(qemuDriver *drv, const char *name)
{
    return g_strdup_printf("%s/%s.pid", drv->runDir, name);
}

static char *
logPath(qemuDriver *drv, const char *name)
{
    return g_strdup_printf("%s/%s.log", drv->logDir, name);
}


/* ---- process liveness ------------------------------------------------- */

/* Alive and not a zombie (init may be slow to reap, or never). */
static bool
processIsAlive(pid_t pid)
{
    g_autofree char *path = NULL;
    g_autofree char *stat = NULL;
    const char *close;

    if (pid <= 0 || (kill(pid, 0) < 0 && errno == ESRCH))
        return false;
    path = g_strdup_printf("/proc/%lld/stat", (long long)pid);
    if (!g_file_get_contents(path, &stat, NULL, NULL))
        return false;
    if ((close = strrchr(stat, ')')) && close[1] == ' ' &&
        (close[2] == 'Z' || close[2] == 'X'))
        return false;
    return true;
}

/* The process is the QEMU we started for `name` (not a reused pid). */
static bool
processIsOurQEMU(pid_t pid, const char *name)
{
    g_autofree char *path = g_strdup_printf("/proc/%lld/cmdline",
                                            (long long)pid);
    g_autofree char *cmdline = NULL;
    g_autofree char *want = NULL;
    g_autofree char *escaped = NULL;
    gsize len = 0, i;
    char **parts;

    if (!g_file_get_contents(path, &cmdline, &len, NULL))
        return false;
    parts = g_strsplit(name, ",", -1);
    escaped = g_strjoinv(",,", parts);
    g_strfreev(parts);
    want = g_strdup_printf("guest=%s,", escaped);
    for (i = 0; i < len; i += strlen(cmdline + i) + 1) {
        if (g_str_has_prefix(cmdline + i, want))
            return true;
    }
    return false;
}


int
qemuProcessStopCPUs(qemuDomainObj *obj)
{
    if (qemuMonitorStopCPUs(obj->mon) < 0)
        return -1;
    obj->expectStop++;
    return 0;
}

int
qemuProcessStartCPUs(qemuDomainObj *obj)
{
    if (qemuMonitorStartCPUs(obj->mon) < 0)
        return -1;
    obj->expectResume++;
    return 0;
}


int
qemuProcessKill(qemuDomainObj *obj)
{
    int i;

    if (!processIsAlive(obj->pid))
        return 0;
    kill(obj->pid, SIGTERM);
    for (i = 0; i < 100; i++) {           /* 5 s */
        if (!processIsAlive(obj->pid))
            return 0;
        g_usleep(50 * 1000);
    }
    kill(obj->pid, SIGKILL);
    for (i = 0; i < 100; i++) {
        if (!processIsAlive(obj->pid))
            return 0;
        g_usleep(50 * 1000);
    }
    virReportError(VIR_ERR_OPERATION_FAILED,
                   "Failed to terminate process %lld with SIGKILL",
                   (long long)obj->pid);
    return -1;
}


/* ---- labels ----------------------------------------------------------- */

typedef struct {
    const char *path;
    unsigned int flags;         /* virSecurityFileFlags */
} qemuLabelItem;

/* The host files the guest uses, the ones DAC hands to QEMU's user. */
static GArray *
collectLabelPaths(const virDomainDef *def)
{
    GArray *items = g_array_new(FALSE, FALSE, sizeof(qemuLabelItem));
    qemuLabelItem it;
    size_t i;

#define ADD(p, f) do { it.path = (p); it.flags = (f); \
                       g_array_append_val(items, it); } while (0)
    if (def->os.kernel)
        ADD(def->os.kernel, 0);
    if (def->os.initrd)
        ADD(def->os.initrd, 0);
    if (def->os.dtb)
        ADD(def->os.dtb, 0);
    for (i = 0; i < def->ndisks; i++) {
        const virDomainDiskDef *d = def->disks[i];
        unsigned int f = 0;

        if (!d->src || !d->src->path || !*d->src->path ||
            (d->src->type != VIR_STORAGE_TYPE_FILE &&
             d->src->type != VIR_STORAGE_TYPE_BLOCK))
            continue;
        if (d->src->seclabelRelabel == VIR_TRISTATE_NO)
            continue;
        if (d->readonly)
            f |= VIR_SECURITY_FILE_READONLY;
        if (d->shared)
            f |= VIR_SECURITY_FILE_SHARED;
        ADD(d->src->path, f);
    }
    for (i = 0; i < def->nserials; i++) {
        const virDomainChrSourceDef *s = def->serials[i]->source;

        if (!s->path)
            continue;
        if (s->type == VIR_DOMAIN_CHR_TYPE_FILE ||
            s->type == VIR_DOMAIN_CHR_TYPE_DEV ||
            (s->type == VIR_DOMAIN_CHR_TYPE_UNIX && !s->listen))
            ADD(s->path, 0);
    }
#undef ADD
    return items;
}

static bool
relabelWanted(const virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->nseclabels; i++) {
        const virSecurityLabelDef *sl = def->seclabels[i];

        if ((!sl->model || strcmp(sl->model, "dac") == 0) &&
            (sl->type == VIR_DOMAIN_SECLABEL_NONE || !sl->relabel))
            return false;
    }
    return true;
}

static int
setAllLabels(qemuDriver *drv, qemuDomainObj *obj)
{
    g_autoptr(GArray) items = NULL;
    size_t i;

    if (!relabelWanted(obj->def))
        return 0;
    items = collectLabelPaths(obj->def);
    if (virSecurityManagerTransactionStart(drv->secMgr) < 0)
        return -1;
    for (i = 0; i < items->len; i++) {
        qemuLabelItem *it = &g_array_index(items, qemuLabelItem, i);

        if (virSecurityManagerSetFileLabel(drv->secMgr, it->path,
                                           it->flags) < 0) {
            virSecurityManagerTransactionAbort(drv->secMgr);
            return -1;
        }
    }
    return virSecurityManagerTransactionCommit(drv->secMgr, -1,
                                               obj->rememberOwner);
}

static void
restoreAllLabels(qemuDriver *drv, qemuDomainObj *obj)
{
    g_autoptr(GArray) items = NULL;
    size_t i;

    if (!relabelWanted(obj->def))
        return;
    items = collectLabelPaths(obj->def);
    if (virSecurityManagerTransactionStart(drv->secMgr) < 0)
        goto error;
    for (i = 0; i < items->len; i++) {
        qemuLabelItem *it = &g_array_index(items, qemuLabelItem, i);

        virSecurityManagerRestoreFileLabel(drv->secMgr, it->path, it->flags);
    }
    if (virSecurityManagerTransactionCommit(drv->secMgr, -1,
                                            obj->rememberOwner) < 0)
        goto error;
    return;

 error:
    VIR_WARN("Unable to restore labels of domain %s: %s", obj->def->name,
             virGetLastErrorMessage());
    virResetLastError();
}


/* ---- status files ----------------------------------------------------- */

int
qemuProcessWriteStatus(qemuDriver *drv, qemuDomainObj *obj)
{
    g_autofree char *path = statusPath(drv, obj->def->name);
    g_autofree char *xml = virDomainDefFormat(obj->def,
                                              VIR_DOMAIN_DEF_FORMAT_SECURE);
    g_autoptr(GString) buf = g_string_new(NULL);
    g_auto(GStrv) lines = NULL;
    size_t i;

    g_string_append_printf(buf, "<domstatus state='%s' reason='%s' "
                           "pid='%lld' id='%d' remember_owner='%d' "
                           "persistent='%d'>\n",
                           virDomainStateTypeToString(obj->state),
                           virDomainStateReasonToString(obj->state,
                                                        obj->reason),
                           (long long)obj->pid, obj->def->id,
                           obj->rememberOwner, obj->persistent);
    g_string_append_printf(buf, "  <monitor path='%s/monitor.sock'/>\n",
                           obj->domainDir);
    lines = g_strsplit(xml, "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (*lines[i])
            g_string_append_printf(buf, "  %s\n", lines[i]);
    }
    g_string_append(buf, "</domstatus>\n");
    return virFileWriteAtomic(path, buf->str, buf->len, 0600);
}

static void
removeRuntimeFiles(qemuDriver *drv, qemuDomainObj *obj)
{
    g_autofree char *status = statusPath(drv, obj->def->name);
    g_autofree char *pid = pidPath(drv, obj->def->name);

    unlink(status);
    unlink(pid);
    if (obj->domainDir) {
        g_autofree char *mon = g_strdup_printf("%s/monitor.sock",
                                               obj->domainDir);

        unlink(mon);
        rmdir(obj->domainDir);
    }
}


/* ---- start ------------------------------------------------------------ */

/* A free TCP port for VNC autoport, from 5900. */
static int
findVNCPort(void)
{
    int port;

    for (port = 5900; port < 65535; port++) {
        struct sockaddr_in a = { .sin_family = AF_INET,
                                 .sin_port = htons(port),
                                 .sin_addr.s_addr = htonl(INADDR_ANY) };
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int one = 1;
        int r;

        if (fd < 0)
            return -1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        r = bind(fd, (struct sockaddr *)&a, sizeof(a));
        close(fd);
        if (r == 0)
            return port;
    }
    return -1;
}

/* Files QEMU writes to must exist before they are labelled. */
static int
precreateChardevFiles(const virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->nserials; i++) {
        const virDomainChrSourceDef *s = def->serials[i]->source;
        int fd;

        if (s->type != VIR_DOMAIN_CHR_TYPE_FILE || !s->path)
            continue;
        if ((fd = open(s->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                       0600)) < 0) {
            virReportSystemError(errno, "Unable to pre-create chardev file "
                                 "'%s'", s->path);
            return -1;
        }
        close(fd);
    }
    return 0;
}

/* The last lines QEMU wrote, for error messages. */
static char *
logTail(const char *path, off_t from)
{
    g_autofree char *all = NULL;
    gsize len = 0;
    char *tail;

    if (!g_file_get_contents(path, &all, &len, NULL) || (gsize)from >= len)
        return g_strdup("");
    tail = g_strstrip(g_strdup(all + from));
    if (strlen(tail) > 1024) {
        char *shorter = g_strdup(tail + strlen(tail) - 1024);

        g_free(tail);
        tail = shorter;
    }
    return tail;
}

static void
closeFds(int *fds, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (fds[i] >= 0)
            close(fds[i]);
        fds[i] = -1;
    }
}

/* Fork twice: QEMU ends up in its own session, child of init, so it
 * survives the daemon.  Returns QEMU's pid. */
static pid_t
spawnQEMU(qemuDriver *drv, char **argv, char **envp, int logfd,
          const int *passfds, size_t npassfds)
{
    int pipefd[2];
    pid_t child, pid = -1;
    int status;

    if (pipe2(pipefd, O_CLOEXEC) < 0) {
        virReportSystemError(errno, "%s", "cannot create pipe");
        return -1;
    }
    if ((child = fork()) < 0) {
        virReportSystemError(errno, "%s", "cannot fork child process");
        close(pipefd[0]);
        close(pipefd[1]);
        return -1;
    }
    if (child == 0) {
        pid_t grandchild;
        int nullfd;

        setsid();
        if ((grandchild = fork()) != 0) {
            if (write(pipefd[1], &grandchild, sizeof(grandchild)) < 0)
                _exit(1);
            _exit(grandchild < 0 ? 1 : 0);
        }
        if ((nullfd = open("/dev/null", O_RDWR)) < 0 ||
            dup2(nullfd, STDIN_FILENO) < 0 ||
            dup2(logfd, STDOUT_FILENO) < 0 ||
            dup2(logfd, STDERR_FILENO) < 0)
            _exit(126);
        {
            /* the tap fds become 3, 4, ... in the order given */
            int high[64];
            size_t i, k = 0;

            for (i = 0; i < npassfds && i < G_N_ELEMENTS(high); i++)
                high[i] = passfds[i] >= 0 ? fcntl(passfds[i], F_DUPFD, 256)
                                          : -1;
            for (i = 0; i < npassfds && i < G_N_ELEMENTS(high); i++) {
                if (high[i] >= 0 &&
                    dup2(high[i], STDERR_FILENO + 1 + k++) < 0)
                    _exit(126);
            }
            closefrom(STDERR_FILENO + 1 + k);
        }
        signal(SIGPIPE, SIG_DFL);
        umask(0007);
        if (virSecurityManagerSetProcessLabel(drv->secMgr) < 0) {
            const char *msg = "virtkit: cannot change to QEMU's user\n";

            if (write(STDERR_FILENO, msg, strlen(msg)) < 0)
                _exit(125);
            _exit(125);
        }
        execve(argv[0], argv, envp);
        {
            char msg[256];
            int n = snprintf(msg, sizeof(msg), "virtkit: cannot execute "
                             "%s: %s\n", argv[0], strerror(errno));

            if (write(STDERR_FILENO, msg, n) < 0)
                _exit(127);
        }
        _exit(127);
    }
    close(pipefd[1]);
    if (read(pipefd[0], &pid, sizeof(pid)) != sizeof(pid))
        pid = -1;
    close(pipefd[0]);
    while (waitpid(child, &status, 0) < 0 && errno == EINTR)
        ;
    if (pid <= 0) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                       "cannot start the QEMU process");
        return -1;
    }
    return pid;
}

static int
writePidFile(qemuDriver *drv, qemuDomainObj *obj)
{
    g_autofree char *path = pidPath(drv, obj->def->name);
    g_autofree char *data = g_strdup_printf("%lld", (long long)obj->pid);

    return virFileWriteAtomic(path, data, strlen(data), 0644);
}

/* Fill in the pty paths QEMU chose, so the XML and consoles show them. */
static void
updatePtyPaths(qemuDomainObj *obj)
{
    size_t i;

    for (i = 0; i < obj->def->nserials; i++) {
        virDomainChrSourceDef *s = obj->def->serials[i]->source;
        g_autofree char *alias = g_strdup_printf("charserial%zu", i);
        char *path = NULL;

        if (s->type != VIR_DOMAIN_CHR_TYPE_PTY)
            continue;
        if (qemuMonitorGetPtyPath(obj->mon, alias, &path) < 0) {
            virResetLastError();
            continue;
        }
        if (path) {
            g_free(s->path);
            s->path = path;
        }
        if (i == 0 && obj->def->nconsoles > 0 &&
            obj->def->consoles[0]->source->type == VIR_DOMAIN_CHR_TYPE_PTY) {
            g_free(obj->def->consoles[0]->source->path);
            obj->def->consoles[0]->source->path = g_strdup(s->path);
        }
    }
}

int
qemuProcessStart(qemuDriver *drv, qemuDomainObj *obj, bool paused)
{
    g_autofree char *mon = NULL;
    g_autofree char *log = NULL;
    g_autoptr(qemuCommand) cmd = NULL;
    g_autoptr(virDomainDef) live = NULL;
    qemuCommandParams params = { 0 };
    g_autofree int *tapfds = NULL;
    g_autofree int *cmdfds = NULL;
    size_t i, ntap = 0;
    struct stat sb;
    off_t logStart = 0;
    bool labelled = false;
    int logfd = -1;
    uid_t uid;
    gid_t gid;

    if (obj->def->virtType == VIR_DOMAIN_VIRT_KVM && !drv->kvm) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "domain type 'kvm' needs /dev/kvm, which this host "
                       "does not have: use type 'qemu'");
        return -1;
    }
    /* The live definition is a copy: the persistent one stays as it is. */
    if (!(live = virDomainDefCopy(obj->def)))
        return -1;
    live->id = drv->nextID++;

    obj->domainDir = g_strdup_printf("%s/domain-%d-%s", drv->runDir, live->id,
                                     live->name);
    mon = g_strdup_printf("%s/monitor.sock", obj->domainDir);
    if (virSecurityManagerGetDACIDs(drv->secMgr, &uid, &gid) < 0) {
        uid = getuid();
        gid = getgid();
    }
    if (g_mkdir_with_parents(obj->domainDir, 0750) < 0 ||
        (geteuid() == 0 && chown(obj->domainDir, uid, gid) < 0)) {
        virReportSystemError(errno, "cannot create directory '%s'",
                             obj->domainDir);
        goto error;
    }

    tapfds = g_new(int, live->nnets + 1);
    cmdfds = g_new(int, live->nnets + 1);
    for (i = 0; i < live->nnets; i++)
        tapfds[i] = cmdfds[i] = -1;
    for (i = 0; i < live->nnets; i++) {
        virDomainNetDef *net = live->nets[i];

        if (net->type == VIR_DOMAIN_NET_TYPE_NETWORK) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "interfaces of type 'network' need a network "
                           "driver, which this daemon does not have");
            goto error;
        }
        if (net->type != VIR_DOMAIN_NET_TYPE_ETHERNET &&
            net->type != VIR_DOMAIN_NET_TYPE_BRIDGE)
            continue;
        if ((tapfds[i] = qemuInterfaceOpenTap(net)) < 0)
            goto error;
        cmdfds[i] = STDERR_FILENO + 1 + ntap++;
    }
    params.tapfds = cmdfds;
    params.ntapfds = live->nnets;
    params.monitorPath = mon;
    params.domainDir = obj->domainDir;
    params.kvm = live->virtType == VIR_DOMAIN_VIRT_KVM;
    if (live->ngraphics) {
        params.vncPort = findVNCPort();
        /* the live XML shows the port autoport picked */
        for (i = 0; i < live->ngraphics; i++) {
            virDomainGraphicsDef *g = live->graphics[i];

            if (g->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
                (g->autoport || g->port <= 0) && !g->socket)
                g->port = params.vncPort;
        }
    }
    if (!(cmd = qemuBuildCommandLine(live, &params)))
        goto error;

    if (precreateChardevFiles(live) < 0)
        goto error;
    obj->rememberOwner = virSecurityManagerGetRememberOwner(drv->secMgr);
    {
        /* label with the live definition's paths */
        virDomainDef *saved = obj->def;

        obj->def = live;
        if (setAllLabels(drv, obj) < 0) {
            obj->def = saved;
            goto error;
        }
        obj->def = saved;
    }
    labelled = true;

    log = logPath(drv, live->name);
    if ((logfd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                      0600)) < 0) {
        virReportSystemError(errno, "failed to create logfile %s", log);
        goto error;
    }
    if (fstat(logfd, &sb) == 0)
        logStart = sb.st_size;
    {
        g_autofree char *line = qemuCommandToString(cmd);

        if (write(logfd, line, strlen(line)) < 0)
            VIR_WARN("cannot write to %s", log);
        logStart += strlen(line);
    }

    {
        g_autoptr(GPtrArray) envp = g_ptr_array_new();

        for (i = 0; i < cmd->env->len; i++)
            g_ptr_array_add(envp, cmd->env->pdata[i]);
        g_ptr_array_add(envp, NULL);
        obj->pid = spawnQEMU(drv, (char **)cmd->args->pdata,
                             (char **)envp->pdata, logfd, tapfds,
                             live->nnets);
    }
    close(logfd);
    logfd = -1;
    closeFds(tapfds, live->nnets);
    if (obj->pid < 0)
        goto error;

    /* From here on the domain runs with the live definition. */
    if (obj->persistent)
        obj->newDef = obj->def;
    else
        virDomainDefFree(obj->def);
    obj->def = g_steal_pointer(&live);
    obj->state = VIR_DOMAIN_PAUSED;
    obj->reason = VIR_DOMAIN_PAUSED_STARTING_UP;
    obj->stopping = false;
    obj->fakeReboot = false;
    obj->expectStop = obj->expectResume = 0;
    writePidFile(drv, obj);

    if (!(obj->mon = qemuMonitorOpen(mon, QEMU_MONITOR_OPEN_TIMEOUT_MS,
                                     obj->pid, &monitorCallbacks,
                                     monitorOwner(drv, obj->def->uuid)))) {
        g_autofree char *tail = NULL;

        g_usleep(100 * 1000);       /* let QEMU finish its complaint */
        tail = logTail(log, logStart);
        virResetLastError();
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "process exited while connecting to monitor: %s",
                       tail);
        goto stop;
    }
    updatePtyPaths(obj);

    if (!paused) {
        if (qemuProcessStartCPUs(obj) < 0)
            goto stop;
        obj->state = VIR_DOMAIN_RUNNING;
        obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
    } else {
        obj->reason = VIR_DOMAIN_PAUSED_USER;
    }
    if (qemuProcessWriteStatus(drv, obj) < 0)
        VIR_WARN("cannot write the status of %s", obj->def->name);

    qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_STARTED,
                       VIR_DOMAIN_EVENT_STARTED_BOOTED);
    if (paused)
        qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                           VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    return 0;

 stop:
    {
        virErrorPtr saved = virErrorSave();
        bool persistent = obj->persistent;

        /* the caller still holds obj: keep it listed */
        obj->persistent = true;
        qemuProcessStop(drv, obj, VIR_DOMAIN_SHUTOFF_FAILED, -1);
        obj->persistent = persistent;
        virErrorRestore(&saved);
    }
    return -1;

 error:
    if (logfd >= 0)
        close(logfd);
    if (tapfds)
        closeFds(tapfds, live->nnets);
    if (labelled) {
        virErrorPtr saved = virErrorSave();
        virDomainDef *persistent = obj->def;

        obj->def = live;
        restoreAllLabels(drv, obj);
        obj->def = persistent;
        virErrorRestore(&saved);
    }
    if (obj->domainDir)
        rmdir(obj->domainDir);
    g_clear_pointer(&obj->domainDir, g_free);
    obj->pid = 0;
    return -1;
}


/* ---- stop ------------------------------------------------------------- */

void
qemuProcessStop(qemuDriver *drv, qemuDomainObj *obj, int reason, int detail)
{
    int id = obj->def->id;

    obj->stopping = true;
    if (obj->mon) {
        qemuMonitorClose(obj->mon);
        obj->mon = NULL;
    }
    if (qemuProcessKill(obj) < 0) {
        VIR_WARN("%s", virGetLastErrorMessage());
        virResetLastError();
    }
    restoreAllLabels(drv, obj);
    removeRuntimeFiles(drv, obj);
    g_clear_pointer(&obj->domainDir, g_free);
    obj->pid = 0;
    obj->stopping = false;
    obj->expectStop = obj->expectResume = 0;
    obj->state = VIR_DOMAIN_SHUTOFF;
    obj->reason = reason;

    if (detail >= 0) {
        obj->def->id = id;
        qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_STOPPED, detail);
    }
    obj->def->id = -1;
    if (obj->newDef) {
        virDomainDefFree(obj->def);
        obj->def = g_steal_pointer(&obj->newDef);
        obj->def->id = -1;
    }
    if (!obj->persistent)
        qemuDomainObjRemove(drv, obj);
}


/* ---- events from the monitors ----------------------------------------- */

static void
handleShutdown(qemuDriver *drv, qemuDomainObj *obj, bool guest)
{
    /* with -no-shutdown QEMU stops the CPUs right after SHUTDOWN */
    obj->expectStop++;
    if (obj->fakeReboot) {
        obj->fakeReboot = false;
        if (qemuMonitorSystemReset(obj->mon) < 0 ||
            qemuProcessStartCPUs(obj) < 0) {
            VIR_WARN("fake reboot of %s failed: %s", obj->def->name,
                     virGetLastErrorMessage());
            virResetLastError();
        }
        obj->state = VIR_DOMAIN_RUNNING;
        obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
        qemuProcessWriteStatus(drv, obj);
        return;
    }
    obj->state = VIR_DOMAIN_SHUTDOWN;
    obj->reason = VIR_DOMAIN_SHUTDOWN_USER;
    qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_SHUTDOWN,
                       guest ? VIR_DOMAIN_EVENT_SHUTDOWN_GUEST
                             : VIR_DOMAIN_EVENT_SHUTDOWN_HOST);
    if (obj->def->onPoweroff == VIR_DOMAIN_LIFECYCLE_ACTION_RESTART) {
        if (qemuMonitorSystemReset(obj->mon) == 0 &&
            qemuProcessStartCPUs(obj) == 0) {
            obj->state = VIR_DOMAIN_RUNNING;
            obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
            qemuProcessWriteStatus(drv, obj);
            return;
        }
        virResetLastError();
    }
    qemuProcessStop(drv, obj, VIR_DOMAIN_SHUTOFF_SHUTDOWN,
                    VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
}

static void
handleWork(qemuDriver *drv, qemuWorkItem *item)
{
    qemuDomainObj *obj;

    g_mutex_lock(&drv->lock);
    obj = qemuDomainObjFindByUUID(drv, item->uuid);
    if (!obj || !obj->mon || obj->mon != item->mon || obj->stopping)
        goto done;          /* stale: the domain was stopped meanwhile */

    if (item->type == QEMU_WORK_EOF) {
        if (obj->state == VIR_DOMAIN_SHUTDOWN)
            qemuProcessStop(drv, obj, VIR_DOMAIN_SHUTOFF_SHUTDOWN,
                            VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
        else
            qemuProcessStop(drv, obj, VIR_DOMAIN_SHUTOFF_CRASHED,
                            VIR_DOMAIN_EVENT_STOPPED_FAILED);
    } else if (strcmp(item->event, "SHUTDOWN") == 0) {
        handleShutdown(drv, obj, item->guest);
    } else if (strcmp(item->event, "STOP") == 0) {
        if (obj->expectStop > 0) {
            obj->expectStop--;
        } else if (obj->state == VIR_DOMAIN_RUNNING) {
            obj->state = VIR_DOMAIN_PAUSED;
            obj->reason = VIR_DOMAIN_PAUSED_UNKNOWN;
            qemuProcessWriteStatus(drv, obj);
            qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                               VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
        }
    } else if (strcmp(item->event, "RESET") == 0) {
        qemuEventQueueReboot(drv->events, obj->def->name, obj->def->uuid,
                             obj->def->id);
    } else if (strcmp(item->event, "RESUME") == 0) {
        if (obj->expectResume > 0) {
            obj->expectResume--;
        } else if (obj->state == VIR_DOMAIN_PAUSED) {
            obj->state = VIR_DOMAIN_RUNNING;
            obj->reason = VIR_DOMAIN_RUNNING_UNPAUSED;
            qemuProcessWriteStatus(drv, obj);
            qemuDomainObjEvent(drv, obj, VIR_DOMAIN_EVENT_RESUMED,
                               VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
        }
    }
 done:
    g_mutex_unlock(&drv->lock);
}

gpointer
qemuProcessWorker(gpointer opaque)
{
    qemuDriver *drv = opaque;

    for (;;) {
        qemuWorkItem *item = g_async_queue_pop(drv->work);

        if (item->type == QEMU_WORK_QUIT) {
            qemuWorkItemFree(item);
            break;
        }
        handleWork(drv, item);
        qemuWorkItemFree(item);
    }
    return NULL;
}

void
qemuProcessWorkerStop(qemuDriver *drv)
{
    qemuWorkItem *item = g_new0(qemuWorkItem, 1);

    item->type = QEMU_WORK_QUIT;
    g_async_queue_push(drv->work, item);
    g_thread_join(drv->worker);
    drv->worker = NULL;
}


/* ---- reconnecting at daemon start ------------------------------------- */

static int
getIntProp(xmlNodePtr node, const char *name, long long *out)
{
    g_autofree xmlChar *v = xmlGetProp(node, (const xmlChar *)name);

    if (!v)
        return -1;
    *out = g_ascii_strtoll((const char *)v, NULL, 10);
    return 0;
}

/* Read one status file into a new domain object (not yet listed). */
static qemuDomainObj *
loadStatus(const char *path)
{
    qemuDomainObj *obj = NULL;
    xmlDocPtr doc;
    xmlNodePtr root, n;
    long long pid = 0, id = -1, remember = 0, persistent = 0;
    g_autofree xmlChar *state = NULL;
    g_autofree xmlChar *reason = NULL;
    g_autofree xmlChar *monitor = NULL;

    if (!(doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING))) {
        virReportError(VIR_ERR_XML_ERROR, "cannot parse status file %s", path);
        return NULL;
    }
    root = xmlDocGetRootElement(doc);
    obj = g_new0(qemuDomainObj, 1);
    if (!root || !xmlStrEqual(root->name, (const xmlChar *)"domstatus") ||
        getIntProp(root, "pid", &pid) < 0 || getIntProp(root, "id", &id) < 0)
        goto bad;
    getIntProp(root, "remember_owner", &remember);
    getIntProp(root, "persistent", &persistent);
    state = xmlGetProp(root, (const xmlChar *)"state");
    reason = xmlGetProp(root, (const xmlChar *)"reason");
    for (n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, (const xmlChar *)"monitor"))
            monitor = xmlGetProp(n, (const xmlChar *)"path");
        if (xmlStrEqual(n->name, (const xmlChar *)"domain")) {
            xmlDocPtr sub = xmlNewDoc((const xmlChar *)"1.0");
            xmlNodePtr copy = xmlDocCopyNode(n, sub, 1);

            xmlDocSetRootElement(sub, copy);
            obj->def = virDomainDefParseNode(sub, copy, qemuDomainXMLOption(),
                                             VIR_DOMAIN_DEF_PARSE_COPY);
            xmlFreeDoc(sub);
        }
    }
    if (!obj->def || !monitor)
        goto bad;
    obj->def->id = id;
    obj->pid = pid;
    obj->rememberOwner = remember != 0;
    obj->persistent = persistent != 0;
    obj->state = state ? virDomainStateTypeFromString((const char *)state) : -1;
    if (obj->state < 0)
        obj->state = VIR_DOMAIN_RUNNING;
    obj->reason = reason ? virDomainStateReasonFromString(
        obj->state, (const char *)reason) : 0;
    if (obj->reason < 0)
        obj->reason = 0;
    obj->domainDir = g_path_get_dirname((const char *)monitor);
    xmlFreeDoc(doc);
    return obj;

 bad:
    xmlFreeDoc(doc);
    if (!virErrorIsSet())
        virReportError(VIR_ERR_XML_ERROR, "invalid status file %s", path);
    if (obj->def)
        virDomainDefFree(obj->def);
    g_free(obj);
    return NULL;
}

static void
reconnectOne(qemuDriver *drv, const char *path)
{
    qemuDomainObj *obj = loadStatus(path);
    qemuDomainObj *persistent;
    g_autofree char *mon = NULL;
    bool running = false;

    if (!obj) {
        VIR_WARN("Ignoring %s: %s", path, virGetLastErrorMessage());
        virResetLastError();
        return;
    }
    /* A persistent domain is already listed from its config: the running
     * one takes its place, the config becomes newDef. */
    if ((persistent = qemuDomainObjFindByUUID(drv, obj->def->uuid))) {
        obj->newDef = persistent->def;
        obj->autostart = persistent->autostart;
        obj->persistent = true;
        persistent->def = NULL;
        g_ptr_array_remove(drv->domains, persistent);   /* frees it */
    }
    g_ptr_array_add(drv->domains, obj);
    if (obj->def->id >= drv->nextID)
        drv->nextID = obj->def->id + 1;

    mon = g_strdup_printf("%s/monitor.sock", obj->domainDir);
    if (!processIsAlive(obj->pid) ||
        !processIsOurQEMU(obj->pid, obj->def->name)) {
        VIR_INFO("QEMU of domain %s (pid %lld) is gone", obj->def->name,
                 (long long)obj->pid);
        obj->pid = 0;
        qemuProcessStop(drv, obj, VIR_DOMAIN_SHUTOFF_UNKNOWN,
                        VIR_DOMAIN_EVENT_STOPPED_FAILED);
        return;
    }
    if (!(obj->mon = qemuMonitorOpen(mon, 5000, obj->pid, &monitorCallbacks,
                                     monitorOwner(drv, obj->def->uuid))) ||
        qemuMonitorGetStatus(obj->mon, &running, NULL) < 0) {
        VIR_WARN("Cannot reconnect to QEMU of domain %s: %s", obj->def->name,
                 virGetLastErrorMessage());
        virResetLastError();
        qemuProcessStop(drv, obj, VIR_DOMAIN_SHUTOFF_UNKNOWN,
                        VIR_DOMAIN_EVENT_STOPPED_FAILED);
        return;
    }
    if (running && obj->state != VIR_DOMAIN_RUNNING) {
        obj->state = VIR_DOMAIN_RUNNING;
        obj->reason = VIR_DOMAIN_RUNNING_UNPAUSED;
    } else if (!running && obj->state == VIR_DOMAIN_RUNNING) {
        obj->state = VIR_DOMAIN_PAUSED;
        obj->reason = VIR_DOMAIN_PAUSED_UNKNOWN;
    }
    qemuProcessWriteStatus(drv, obj);
    VIR_INFO("Reconnected to QEMU of domain %s (pid %lld)", obj->def->name,
             (long long)obj->pid);
}

void
qemuProcessReconnectAll(qemuDriver *drv)
{
    g_autoptr(GDir) dir = g_dir_open(drv->runDir, 0, NULL);
    const char *ent;

    if (!dir)
        return;
    while ((ent = g_dir_read_name(dir))) {
        g_autofree char *path = NULL;

        if (!g_str_has_suffix(ent, ".xml"))
            continue;
        path = g_build_filename(drv->runDir, ent, NULL);
        reconnectOne(drv, path);
    }
}
