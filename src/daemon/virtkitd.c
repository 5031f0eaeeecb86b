/* virtkitd: serves the libvirt API over libvirt's RPC protocol on unix
 * sockets (and, with --listen, TCP and TLS), with libvirtd's command line
 * and configuration keys.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The main thread runs the event loop (all socket I/O, timers, the
 * drivers' event delivery); calls run on the worker pools of the server.
 */
#include <config.h>

/* pipe2() */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/remote_daemon.h"
#include "daemon/remote_daemon_sasl.h"
#include "daemon/remote_daemon_stream.h"
#include "daemon/remote_daemon_timeout.h"
#include "daemon/virtkitd_config.h"
#include "gen/remote_dispatch.h"
#include "qemu/qemu_driver.h"
#include "remote/remote_driver.h"
#include "rpc/virnetserver.h"
#include "rpc/virnetsocket.h"
#include "util/virerror.h"
#include "util/virfile.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static volatile sig_atomic_t quitRequested;
static int signalPipe[2] = { -1, -1 };
static bool quit;


static void
usage(FILE *out, const char *argv0)
{
    fprintf(out,
            "\n"
            "Usage:\n"
            "  %s [options]\n"
            "\n"
            "Options:\n"
            "  -h | --help            Display program help:\n"
            "  -v | --verbose         Verbose messages.\n"
            "  -d | --daemon          Run as a daemon & write PID file.\n"
            "  -l | --listen          Listen for TCP/IP connections.\n"
            "  -t | --timeout <secs>  Exit after timeout period.\n"
            "  -f | --config <file>   Configuration file.\n"
            "  -V | --version         Display version information.\n"
            "  -p | --pid-file <file> Change name of PID file.\n"
            "\n"
            "libvirt management daemon:\n"
            "\n"
            "  Default paths:\n"
            "\n"
            "    Configuration file (unless overridden by -f):\n"
            "      %s (as root)\n"
            "      $XDG_CONFIG_HOME/virtkit/virtkitd.conf (otherwise)\n"
            "\n"
            "    Sockets (unix_sock_dir):\n"
            "      /var/run/libvirt/libvirt-sock and libvirt-sock-ro (as root)\n"
            "      $XDG_RUNTIME_DIR/libvirt/libvirt-sock (otherwise)\n"
            "\n"
            "    PID file (unless overridden by -p):\n"
            "      %s/virtkitd.pid (as root)\n"
            "      $XDG_RUNTIME_DIR/virtkit/virtkitd.pid (otherwise)\n"
            "\n",
            argv0, SYSCONFDIR "/virtkit/virtkitd.conf",
            RUNSTATEDIR "/virtkit");
}


static void
silentErrorFunc(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
    /* Errors go back to the clients; the daemon itself logs. */
}


static void
signalHandler(int sig G_GNUC_UNUSED)
{
    int saved = errno;
    char c = 0;

    quitRequested = 1;
    if (signalPipe[1] >= 0 && write(signalPipe[1], &c, 1) < 0) {
        /* nothing to do: the flag is set */
    }
    errno = saved;
}


static void
signalEvent(int watch G_GNUC_UNUSED, int fd, int events G_GNUC_UNUSED,
            void *opaque G_GNUC_UNUSED)
{
    char buf[16];

    while (read(fd, buf, sizeof(buf)) > 0)
        ;
    if (quitRequested)
        quit = true;
}


static int
setupSignals(void)
{
    struct sigaction sa;

    if (pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) < 0) {
        virReportSystemError(errno, "%s", "Unable to create signal pipe");
        return -1;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = signalHandler;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    if (virEventAddHandle(signalPipe[0], VIR_EVENT_HANDLE_READABLE,
                          signalEvent, NULL, NULL) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Unable to watch the signal pipe");
        return -1;
    }
    return 0;
}


/* Exit after `timeout` seconds without clients. */
typedef struct {
    virNetServer *srv;
    int timeout;
    gint64 lastBusy;
} idleState;

static void
idleTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    idleState *st = opaque;
    gint64 now = g_get_monotonic_time();

    if (virNetServerClientCount(st->srv) > 0)
        st->lastBusy = now;
    else if (now - st->lastBusy >= (gint64)st->timeout * G_USEC_PER_SEC)
        quit = true;
}


/* A locked pid file holding our pid; -1 with an error if another daemon
 * holds it. */
static int
pidFileAcquire(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *pid = g_strdup_printf("%lld\n", (long long)getpid());
    int fd;

    if (virFileMakePath(dir, 0755) < 0)
        return -1;
    if ((fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644)) < 0) {
        virReportSystemError(errno, "Failed to open pid file '%s'", path);
        return -1;
    }
    if (lockf(fd, F_TLOCK, 0) < 0) {
        virReportSystemError(errno, "Failed to acquire pid file '%s'", path);
        close(fd);
        return -1;
    }
    if (ftruncate(fd, 0) < 0 ||
        write(fd, pid, strlen(pid)) != (ssize_t)strlen(pid)) {
        virReportSystemError(errno, "Failed to write pid file '%s'", path);
        close(fd);
        return -1;
    }
    return fd;
}


/* Fork; the parent waits until the child says it is serving (or failed)
 * and exits with its status.  Returns, in the child, the fd to report on. */
static int
daemonize(void)
{
    int fds[2];
    pid_t pid;
    char status = 1;
    int nullfd;

    if (pipe2(fds, O_CLOEXEC) < 0) {
        fprintf(stderr, "virtkitd: cannot create pipe: %s\n",
                g_strerror(errno));
        exit(EXIT_FAILURE);
    }
    if ((pid = fork()) < 0) {
        fprintf(stderr, "virtkitd: cannot fork: %s\n", g_strerror(errno));
        exit(EXIT_FAILURE);
    }
    if (pid > 0) {
        close(fds[1]);
        if (read(fds[0], &status, 1) != 1)
            status = 1;
        _exit(status == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
    }
    close(fds[0]);
    setsid();
    if ((nullfd = open("/dev/null", O_RDWR)) >= 0) {
        dup2(nullfd, STDIN_FILENO);
        dup2(nullfd, STDOUT_FILENO);
        /* stderr stays until we are serving: startup errors still show. */
        if (nullfd > STDERR_FILENO)
            close(nullfd);
    }
    return fds[1];
}


static void
daemonReady(int statusfd, char status)
{
    int nullfd;

    if (statusfd < 0)
        return;
    if (write(statusfd, &status, 1) != 1) {
        /* the parent is gone: nothing to tell */
    }
    close(statusfd);
    if (status == 0 && (nullfd = open("/dev/null", O_RDWR)) >= 0) {
        dup2(nullfd, STDERR_FILENO);
        close(nullfd);
    }
}


static int
applyLogging(const virtkitdConfig *cfg, bool verbose, bool godaemon,
             bool privileged)
{
    int level = cfg->logLevel;

    if (!level && verbose)
        level = VIR_LOG_INFO;
    if (level && virLogSetDefaultPriority(level) < 0)
        return -1;
    if (cfg->logFilters && virLogSetFilters(cfg->logFilters) < 0)
        return -1;
    if (cfg->logOutputs && virLogSetOutputs(cfg->logOutputs) < 0)
        return -1;
    /* As libvirtd: without outputs, messages at the level (warnings by
     * default) go to stderr; a daemon that leaves its terminal (-d) writes
     * them to virtkitd.log in LOCALSTATEDIR/log/libvirt (root) or
     * $XDG_CACHE_HOME/libvirt. */
    if (!cfg->logOutputs && virLogGetNbOutputs() == 0) {
        g_autofree char *dir = NULL;
        g_autofree char *spec = NULL;

        if (godaemon) {
            dir = privileged ?
                  g_build_filename(LOCALSTATEDIR, "log", "libvirt", NULL) :
                  g_build_filename(g_get_user_cache_dir(), "libvirt", NULL);
            if (g_mkdir_with_parents(dir, 0700) < 0) {
                virReportSystemError(errno, "cannot create '%s'", dir);
                return -1;
            }
            spec = g_strdup_printf("%d:file:%s/virtkitd.log",
                                   level ? level : VIR_LOG_WARN, dir);
        } else {
            spec = g_strdup_printf("%d:stderr", level ? level : VIR_LOG_WARN);
        }
        if (virLogSetOutputs(spec) < 0)
            return -1;
    }
    return 0;
}


/* The TLS credentials of the configuration; NULL with an error. */
static virNetTLSContext *
serverTLSContext(const virtkitdConfig *cfg)
{
    virNetTLSPaths paths = {
        .cacert = cfg->caFile, .cacrl = cfg->crlFile,
        .cert = cfg->certFile, .key = cfg->keyFile,
    };

    return virNetTLSContextNewServer(&paths,
                                     (const char *const *)cfg->tlsAllowedDNList,
                                     cfg->tlsPriority,
                                     cfg->tlsNoVerifyCertificate);
}


static int
addTCPServices(virNetServer *srv, const virtkitdConfig *cfg)
{
    g_autoptr(virNetTLSContext) tls = NULL;

    if (cfg->listenTcp &&
        virNetServerAddTCPServiceAuth(srv, cfg->listenAddr, cfg->tcpPort, NULL,
                                      remoteDaemonAuthType(cfg->authTcp),
                                      NULL) < 0)
        return -1;
    if (cfg->listenTls) {
        if (!(tls = serverTLSContext(cfg)) ||
            virNetServerAddTCPServiceAuth(srv, cfg->listenAddr, cfg->tlsPort,
                                          tls,
                                          remoteDaemonAuthType(cfg->authTls),
                                          NULL) < 0)
            return -1;
    }
    return 0;
}


static int
addServices(virNetServer *srv, const virtkitdConfig *cfg)
{
    g_autofree char *rw = g_build_filename(cfg->unixSockDir, "libvirt-sock",
                                           NULL);
    g_autofree char *ro = g_build_filename(cfg->unixSockDir,
                                           "libvirt-sock-ro", NULL);
    gid_t grp = (gid_t)-1;

    if (cfg->unixSockGroup) {
        struct group *g = getgrnam(cfg->unixSockGroup);
        char *end;
        unsigned long v = strtoul(cfg->unixSockGroup, &end, 10);

        if (g)
            grp = g->gr_gid;
        else if (*cfg->unixSockGroup && !*end)
            grp = v;
        else {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Failed to look up group '%s'", cfg->unixSockGroup);
            return -1;
        }
    }
    if (virFileMakePath(cfg->unixSockDir, 0755) < 0)
        return -1;
    if (virNetServerAddUnixServiceAuth(srv, rw, cfg->unixSockRwPerms, grp,
                                       false,
                                       remoteDaemonAuthType(cfg->authUnixRw)) < 0 ||
        virNetServerAddUnixServiceAuth(srv, ro, cfg->unixSockRoPerms, grp,
                                       true,
                                       remoteDaemonAuthType(cfg->authUnixRo)) < 0)
        return -1;
    return 0;
}


static void
noopTimer(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}


int
main(int argc, char **argv)
{
    static const struct option opts[] = {
        { "verbose", no_argument, NULL, 'v' },
        { "daemon", no_argument, NULL, 'd' },
        { "listen", no_argument, NULL, 'l' },
        { "config", required_argument, NULL, 'f' },
        { "timeout", required_argument, NULL, 't' },
        { "pid-file", required_argument, NULL, 'p' },
        { "version", no_argument, NULL, 'V' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    g_autoptr(virtkitdConfig) cfg = NULL;
    g_autofree char *configFile = NULL;
    g_autofree char *pidFile = NULL;
    bool privileged = geteuid() == 0;
    bool verbose = false, godaemon = false, listen = false;
    int timeout = -1;
    int statusfd = -1;
    int pidfd = -1;
    virNetServerConfig scfg;
    virNetServer *srv = NULL;
    idleState idle = { 0 };
    int ret = EXIT_FAILURE;
    int c;

    while ((c = getopt_long(argc, argv, "vdlf:t:p:Vh", opts, NULL)) != -1) {
        switch (c) {
        case 'v':
            verbose = true;
            break;
        case 'd':
            godaemon = true;
            break;
        case 'l':
            listen = true;
            break;
        case 'f':
            g_free(configFile);
            configFile = g_strdup(optarg);
            break;
        case 't': {
            char *end;
            long v = strtol(optarg, &end, 10);

            if (!*optarg || *end || v <= 0 || v > G_MAXINT / 1000) {
                fprintf(stderr, "%s: Invalid value for timeout\n", argv[0]);
                return EXIT_FAILURE;
            }
            timeout = v;
            break;
        }
        case 'p':
            g_free(pidFile);
            pidFile = g_strdup(optarg);
            break;
        case 'V':
            printf("virtkitd (virtkit) %s\n", PACKAGE_VERSION);
            return EXIT_SUCCESS;
        case 'h':
            usage(stdout, argv[0]);
            return EXIT_SUCCESS;
        default:
            usage(stderr, argv[0]);
            return EXIT_FAILURE;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", argv[0],
                argv[optind]);
        usage(stderr, argv[0]);
        return EXIT_FAILURE;
    }

    virSetErrorFunc(NULL, silentErrorFunc);
    if (virInitialize() < 0) {
        fprintf(stderr, "%s: initialization failed\n", argv[0]);
        return EXIT_FAILURE;
    }
    remoteSetInsideDaemon(true);

    cfg = virtkitdConfigNew(privileged);
    if (!configFile) {
        g_autofree char *def = virtkitdConfigDefaultPath(privileged);

        if (virFileExists(def))
            configFile = g_steal_pointer(&def);
    }
    if (configFile && virtkitdConfigLoadFile(cfg, configFile) < 0) {
        fprintf(stderr, "%s: error: Unable to load configuration file "
                "'%s': %s\n", argv[0], configFile, virGetLastErrorMessage());
        return EXIT_FAILURE;
    }
    if (virtkitdConfigCheck(cfg, listen) < 0) {
        fprintf(stderr, "%s: error: %s\n", argv[0], virGetLastErrorMessage());
        return EXIT_FAILURE;
    }
    if (applyLogging(cfg, verbose, godaemon, privileged) < 0) {
        fprintf(stderr, "%s: error: %s\n", argv[0], virGetLastErrorMessage());
        return EXIT_FAILURE;
    }
    if (!pidFile)
        pidFile = g_build_filename(privileged ? RUNSTATEDIR : cfg->runDir,
                                   "virtkitd.pid", NULL);

    if (godaemon)
        statusfd = daemonize();

    if ((pidfd = pidFileAcquire(pidFile)) < 0)
        goto error;
    if (virEventRegisterDefaultImpl() < 0 || setupSignals() < 0)
        goto error;
    if (qemuRegister(cfg->stateDir, cfg->runDir, cfg->qemuConf,
                     privileged) < 0)
        goto error;

    virNetSocketSetListenBacklog(MIN(cfg->maxQueuedClients, INT_MAX));
    virNetServerConfigDefaults(&scfg);
    scfg.minWorkers = cfg->minWorkers;
    scfg.maxWorkers = cfg->maxWorkers;
    scfg.prioWorkers = cfg->prioWorkers;
    scfg.maxClients = cfg->maxClients;
    scfg.maxAnonymousClients = cfg->maxAnonymousClients;
    scfg.maxClientRequests = cfg->maxClientRequests;
    scfg.keepaliveInterval = cfg->keepaliveInterval;
    scfg.keepaliveCount = cfg->keepaliveCount;
    if (!(srv = virNetServerNew(&scfg, remoteDaemonClientInit,
                                remoteDaemonClientClosed,
                                remoteDaemonClientFree, NULL)))
        goto error;
    virNetServerSetStreamHandler(srv, remoteDaemonStreamFrame, NULL);
    {
        size_t nprocs;
        const virNetServerProcFunc *procs = remoteDaemonAuthProcs(&nprocs);

        procs = remoteDaemonTimeoutProcs(&virWireProgramRemote, procs, nprocs,
                                         cfg->callTimeout);
        virNetServerAddProgram(srv, &virWireProgramRemote, procs, nprocs);
    }
    if ((remoteDaemonAuthType(cfg->authUnixRw) == REMOTE_AUTH_SASL ||
         remoteDaemonAuthType(cfg->authUnixRo) == REMOTE_AUTH_SASL ||
         (listen && cfg->listenTcp &&
          remoteDaemonAuthType(cfg->authTcp) == REMOTE_AUTH_SASL) ||
         (listen && cfg->listenTls &&
          remoteDaemonAuthType(cfg->authTls) == REMOTE_AUTH_SASL)) &&
        remoteDaemonSASLInit((const char *const *)
                             cfg->saslAllowedUsernameList) < 0)
        goto error;
    if (addServices(srv, cfg) < 0)
        goto error;
    if (listen && addTCPServices(srv, cfg) < 0)
        goto error;

    if (timeout > 0) {
        idle.srv = srv;
        idle.timeout = timeout;
        idle.lastBusy = g_get_monotonic_time();
        if (virEventAddTimeout(1000, idleTimer, &idle, NULL) < 0)
            goto error;
    }

    VIR_INFO("virtkitd %s serving %s", PACKAGE_VERSION, cfg->unixSockDir);
    daemonReady(statusfd, 0);
    statusfd = -1;

    while (!quit) {
        if (virEventRunDefaultImpl() < 0)
            break;
    }
    ret = EXIT_SUCCESS;

 error:
    if (ret != EXIT_SUCCESS)
        fprintf(stderr, "%s: error: %s\n", argv[0], virGetLastErrorMessage());
    if (srv) {
        remoteDaemonTimeoutShutdown();
        virNetServerFree(srv);
        /* Let the loop release what removed watches and timers still
         * hold; a 0 ms timer keeps it from blocking. */
        c = virEventAddTimeout(0, noopTimer, NULL, NULL);
        virEventRunDefaultImpl();
        virEventRunDefaultImpl();
        if (c >= 0)
            virEventRemoveTimeout(c);
    }
    if (pidfd >= 0) {
        unlink(pidFile);
        close(pidfd);
    }
    daemonReady(statusfd, 1);
    return ret;
}
