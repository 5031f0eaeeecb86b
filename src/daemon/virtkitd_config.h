/* virtkitd_config.h: virtkitd.conf, libvirtd.conf's syntax and keys.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

typedef struct _virtkitdConfig virtkitdConfig;
struct _virtkitdConfig {
    char *unixSockDir;
    char *unixSockGroup;        /* NULL: the daemon's group */
    mode_t unixSockRwPerms;
    mode_t unixSockRoPerms;
    char *authUnixRw;           /* "none" or "sasl" ("polkit" is refused) */
    char *authUnixRo;
    /* TCP and TLS listeners: only with --listen, as libvirtd. */
    bool listenTcp;
    bool listenTls;
    char *tcpPort;
    char *tlsPort;
    char *listenAddr;           /* NULL: every address */
    char *authTcp;              /* libvirt's default "sasl" */
    char *authTls;
    char **saslAllowedUsernameList; /* globs; NULL: any SASL identity */
    char *keyFile;
    char *certFile;
    char *caFile;
    char *crlFile;
    bool tlsNoVerifyCertificate;
    char **tlsAllowedDNList;    /* NULL: any client the CA signed */
    char *tlsPriority;

    unsigned int maxClients;
    unsigned int maxAnonymousClients;
    unsigned int maxQueuedClients;
    unsigned int minWorkers;
    unsigned int maxWorkers;
    unsigned int prioWorkers;
    unsigned int maxClientRequests;
    int keepaliveInterval;
    unsigned int keepaliveCount;
    unsigned int callTimeout;   /* seconds, 0: none (beyond libvirtd) */

    int logLevel;               /* 0: not set */
    char *logFilters;
    char *logOutputs;

    char *stateDir;             /* persistent configuration */
    char *runDir;               /* runtime state, the pid file */
    char *qemuConf;
};

/* libvirtd's defaults for a privileged (root) or per-user daemon. */
virtkitdConfig *virtkitdConfigNew(bool privileged);
void virtkitdConfigFree(virtkitdConfig *cfg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virtkitdConfig, virtkitdConfigFree)

/* Read `path` over the defaults.  Unknown keys are ignored, like libvirtd
 * does; a bad value is an error naming the file, line and key.  0, or -1
 * with an error set. */
int virtkitdConfigLoadFile(virtkitdConfig *cfg, const char *path);

/* Refuse what is configured but cannot be served (an auth scheme other
 * than "none" or "sasl" on an enabled listener).  `listen`: --listen was given.
 * 0, or -1 with an error. */
int virtkitdConfigCheck(const virtkitdConfig *cfg, bool listen);

/* The file read when -f is not given (it may be absent). */
char *virtkitdConfigDefaultPath(bool privileged);
