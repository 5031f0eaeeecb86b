/* virtkitd_config.c: virtkitd.conf; see virtkitd_config.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "daemon/virtkitd_config.h"
#include "util/virconf.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_CONF


virtkitdConfig *
virtkitdConfigNew(bool privileged)
{
    virtkitdConfig *cfg = g_new0(virtkitdConfig, 1);

    if (privileged) {
        /* libvirt's clients look there, whatever our prefix. */
        cfg->unixSockDir = g_strdup("/var/run/libvirt");
        cfg->stateDir = g_build_filename(LOCALSTATEDIR, "lib", "virtkit",
                                         NULL);
        cfg->runDir = g_build_filename(RUNSTATEDIR, "virtkit", NULL);
    } else {
        cfg->unixSockDir = g_build_filename(g_get_user_runtime_dir(),
                                            "libvirt", NULL);
        cfg->stateDir = g_build_filename(g_get_user_config_dir(), "virtkit",
                                         NULL);
        cfg->runDir = g_build_filename(g_get_user_runtime_dir(), "virtkit",
                                       NULL);
    }
    cfg->qemuConf = g_build_filename(SYSCONFDIR, "virtkit", "qemu.conf", NULL);
    cfg->listenTls = true;
    cfg->tcpPort = g_strdup("16509");
    cfg->tlsPort = g_strdup("16514");
    cfg->authTcp = g_strdup("sasl");
    cfg->authTls = g_strdup("none");
    cfg->keyFile = g_strdup("/etc/pki/libvirt/private/serverkey.pem");
    cfg->certFile = g_strdup("/etc/pki/libvirt/servercert.pem");
    cfg->caFile = g_strdup("/etc/pki/CA/cacert.pem");
    cfg->crlFile = g_strdup("/etc/pki/CA/cacrl.pem");
    cfg->unixSockRwPerms = 0700;
    cfg->unixSockRoPerms = 0777;
    cfg->authUnixRw = g_strdup("none");
    cfg->authUnixRo = g_strdup("none");
    cfg->maxClients = 5000;
    cfg->maxAnonymousClients = 20;
    cfg->maxQueuedClients = 1000;
    cfg->minWorkers = 5;
    cfg->maxWorkers = 20;
    cfg->prioWorkers = 5;
    cfg->maxClientRequests = 5;
    cfg->keepaliveInterval = 5;
    cfg->keepaliveCount = 5;
    return cfg;
}


void
virtkitdConfigFree(virtkitdConfig *cfg)
{
    if (!cfg)
        return;
    g_free(cfg->unixSockDir);
    g_free(cfg->unixSockGroup);
    g_free(cfg->authUnixRw);
    g_free(cfg->authUnixRo);
    g_free(cfg->tcpPort);
    g_free(cfg->tlsPort);
    g_free(cfg->listenAddr);
    g_free(cfg->authTcp);
    g_free(cfg->authTls);
    g_free(cfg->keyFile);
    g_free(cfg->certFile);
    g_free(cfg->caFile);
    g_free(cfg->crlFile);
    g_strfreev(cfg->tlsAllowedDNList);
    g_strfreev(cfg->saslAllowedUsernameList);
    g_free(cfg->tlsPriority);
    g_free(cfg->logFilters);
    g_free(cfg->logOutputs);
    g_free(cfg->stateDir);
    g_free(cfg->runDir);
    g_free(cfg->qemuConf);
    g_free(cfg);
}


char *
virtkitdConfigDefaultPath(bool privileged)
{
    if (privileged)
        return g_build_filename(SYSCONFDIR, "virtkit", "virtkitd.conf", NULL);
    return g_build_filename(g_get_user_config_dir(), "virtkit",
                            "virtkitd.conf", NULL);
}


static int
getPerms(virConf *conf, const char *key, mode_t *perms)
{
    g_autofree char *str = NULL;
    char *end;
    unsigned long v;
    int r;

    if ((r = virConfGetValueString(conf, key, &str)) <= 0)
        return r;
    v = strtoul(str, &end, 8);
    if (!*str || *end || v > 07777) {
        virReportError(VIR_ERR_CONF_SYNTAX, "%s:%d: Failed to parse mode '%s'",
                       virConfGetFilename(conf),
                       virConfGetValueLine(conf, key), str);
        return -1;
    }
    *perms = v;
    return 0;
}


static int
getAuth(virConf *conf, const char *key, char **value)
{
    g_autofree char *str = NULL;
    int r;

    if ((r = virConfGetValueString(conf, key, &str)) <= 0)
        return r;
    /* Known schemes are accepted here; virtkitdConfigCheck refuses those
     * not served on a listener that is enabled. */
    if (strcmp(str, "none") == 0 || strcmp(str, "sasl") == 0 ||
        strcmp(str, "polkit") == 0) {
        g_free(*value);
        *value = g_steal_pointer(&str);
        return 0;
    }
    virReportError(VIR_ERR_CONF_SYNTAX,
                   "%s:%d: %s: unsupported auth %s",
                   virConfGetFilename(conf), virConfGetValueLine(conf, key),
                   key, str);
    return -1;
}


/* A port: a number in a string, as libvirtd.conf writes it (a bare
 * number is taken too). */
static int
getPort(virConf *conf, const char *key, char **value)
{
    g_autofree char *str = NULL;
    char *end;
    unsigned long v;
    int r;

    if (virConfGetValueType(conf, key) == VIR_CONF_ULLONG ||
        virConfGetValueType(conf, key) == VIR_CONF_LLONG) {
        unsigned int n;

        if (virConfGetValueUInt(conf, key, &n) < 0)
            return -1;
        str = g_strdup_printf("%u", n);
    } else if ((r = virConfGetValueString(conf, key, &str)) <= 0) {
        return r;
    }
    v = strtoul(str, &end, 10);
    if (!*str || *end || v > 65535) {
        virReportError(VIR_ERR_CONF_SYNTAX, "%s:%d: %s: invalid port '%s'",
                       virConfGetFilename(conf),
                       virConfGetValueLine(conf, key), key, str);
        return -1;
    }
    g_free(*value);
    *value = g_steal_pointer(&str);
    return 0;
}


int
virtkitdConfigCheck(const virtkitdConfig *cfg, bool listen)
{
    struct {
        const char *key;
        const char *value;
        bool used;
    } auths[] = {
        { "auth_unix_rw", cfg->authUnixRw, true },
        { "auth_unix_ro", cfg->authUnixRo, true },
        { "auth_tcp", cfg->authTcp, listen && cfg->listenTcp },
        { "auth_tls", cfg->authTls, listen && cfg->listenTls },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(auths); i++) {
        if (auths[i].used && strcmp(auths[i].value, "none") != 0 &&
            strcmp(auths[i].value, "sasl") != 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "%s = \"%s\" is not supported yet (only "
                           "\"none\" and \"sasl\")", auths[i].key,
                           auths[i].value);
            return -1;
        }
    }
    return 0;
}


int
virtkitdConfigLoadFile(virtkitdConfig *cfg, const char *path)
{
    g_autoptr(virConf) conf = NULL;

    if (!(conf = virConfReadFile(path, 0)))
        return -1;

    if (virConfGetValueString(conf, "unix_sock_dir", &cfg->unixSockDir) < 0 ||
        virConfGetValueString(conf, "unix_sock_group",
                              &cfg->unixSockGroup) < 0 ||
        getPerms(conf, "unix_sock_rw_perms", &cfg->unixSockRwPerms) < 0 ||
        getPerms(conf, "unix_sock_ro_perms", &cfg->unixSockRoPerms) < 0 ||
        getAuth(conf, "auth_unix_rw", &cfg->authUnixRw) < 0 ||
        getAuth(conf, "auth_unix_ro", &cfg->authUnixRo) < 0 ||
        virConfGetValueBool(conf, "listen_tcp", &cfg->listenTcp) < 0 ||
        virConfGetValueBool(conf, "listen_tls", &cfg->listenTls) < 0 ||
        getPort(conf, "tcp_port", &cfg->tcpPort) < 0 ||
        getPort(conf, "tls_port", &cfg->tlsPort) < 0 ||
        virConfGetValueString(conf, "listen_addr", &cfg->listenAddr) < 0 ||
        getAuth(conf, "auth_tcp", &cfg->authTcp) < 0 ||
        getAuth(conf, "auth_tls", &cfg->authTls) < 0 ||
        virConfGetValueString(conf, "key_file", &cfg->keyFile) < 0 ||
        virConfGetValueString(conf, "cert_file", &cfg->certFile) < 0 ||
        virConfGetValueString(conf, "ca_file", &cfg->caFile) < 0 ||
        virConfGetValueString(conf, "crl_file", &cfg->crlFile) < 0 ||
        virConfGetValueBool(conf, "tls_no_verify_certificate",
                            &cfg->tlsNoVerifyCertificate) < 0 ||
        virConfGetValueStringList(conf, "tls_allowed_dn_list", false,
                                  &cfg->tlsAllowedDNList) < 0 ||
        virConfGetValueString(conf, "tls_priority", &cfg->tlsPriority) < 0 ||
        virConfGetValueStringList(conf, "sasl_allowed_username_list", false,
                                  &cfg->saslAllowedUsernameList) < 0 ||
        virConfGetValueUInt(conf, "max_clients", &cfg->maxClients) < 0 ||
        virConfGetValueUInt(conf, "max_queued_clients",
                            &cfg->maxQueuedClients) < 0 ||
        virConfGetValueUInt(conf, "max_anonymous_clients",
                            &cfg->maxAnonymousClients) < 0 ||
        virConfGetValueUInt(conf, "min_workers", &cfg->minWorkers) < 0 ||
        virConfGetValueUInt(conf, "max_workers", &cfg->maxWorkers) < 0 ||
        virConfGetValueUInt(conf, "prio_workers", &cfg->prioWorkers) < 0 ||
        virConfGetValueUInt(conf, "max_client_requests",
                            &cfg->maxClientRequests) < 0 ||
        virConfGetValueInt(conf, "keepalive_interval",
                           &cfg->keepaliveInterval) < 0 ||
        virConfGetValueUInt(conf, "keepalive_count",
                            &cfg->keepaliveCount) < 0 ||
        virConfGetValueUInt(conf, "call_timeout", &cfg->callTimeout) < 0 ||
        virConfGetValueInt(conf, "log_level", &cfg->logLevel) < 0 ||
        virConfGetValueString(conf, "log_filters", &cfg->logFilters) < 0 ||
        virConfGetValueString(conf, "log_outputs", &cfg->logOutputs) < 0 ||
        virConfGetValueString(conf, "state_dir", &cfg->stateDir) < 0 ||
        virConfGetValueString(conf, "run_dir", &cfg->runDir) < 0 ||
        virConfGetValueString(conf, "qemu_conf", &cfg->qemuConf) < 0)
        return -1;

    if (cfg->maxAnonymousClients > cfg->maxClients) {
        virReportError(VIR_ERR_CONF_SYNTAX, "%s: max_anonymous_clients (%u) "
                       "must not be greater than max_clients (%u)", path,
                       cfg->maxAnonymousClients, cfg->maxClients);
        return -1;
    }
    if (cfg->maxWorkers < 1) {
        virReportError(VIR_ERR_CONF_SYNTAX, "%s: max_workers must be at "
                       "least 1", path);
        return -1;
    }
    if (cfg->minWorkers > cfg->maxWorkers)
        cfg->minWorkers = cfg->maxWorkers;
    if (cfg->logLevel < 0 || cfg->logLevel > 4) {
        virReportError(VIR_ERR_CONF_SYNTAX, "%s: log_level must be 1 to 4",
                       path);
        return -1;
    }
    return 0;
}
