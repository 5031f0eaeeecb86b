/* qemu_conf.c: loading qemu.conf.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "qemu/qemu_conf.h"
#include "security/security_util.h"
#include "util/virconf.h"
#include "util/virerror.h"
#include "util/virfile.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_CONF

#ifndef SYSCONFDIR
# define SYSCONFDIR "/etc"
#endif


/* ---- user and group names ---- */

/* A decimal id that chown would accept ((uid_t)-1 means "unchanged"). */
static bool
virQEMUParseNumericId(const char *str, unsigned int *id)
{
    guint64 v;

    if (!g_ascii_string_to_unsigned(str, 10, 0, G_MAXUINT32 - 1, &v, NULL))
        return false;
    *id = v;
    return true;
}


/* 1 found, 0 no such name, -1 lookup error (errno). */
static int
virQEMULookupUser(const char *name, uid_t *uid)
{
    g_autofree char *buf = NULL;
    size_t len = 1024;
    struct passwd pwd;
    struct passwd *found = NULL;
    int rc;

    while (true) {
        buf = g_realloc(buf, len);
        rc = getpwnam_r(name, &pwd, buf, len, &found);
        if (rc != ERANGE)
            break;
        len *= 2;
    }
    if (found) {
        *uid = found->pw_uid;
        return 1;
    }
    /* "Not found" comes back as 0 or as one of these, depending on NSS. */
    if (rc == 0 || rc == ENOENT || rc == ESRCH || rc == EBADF || rc == EPERM)
        return 0;
    errno = rc;
    return -1;
}


static int
virQEMULookupGroup(const char *name, gid_t *gid)
{
    g_autofree char *buf = NULL;
    size_t len = 1024;
    struct group grp;
    struct group *found = NULL;
    int rc;

    while (true) {
        buf = g_realloc(buf, len);
        rc = getgrnam_r(name, &grp, buf, len, &found);
        if (rc != ERANGE)
            break;
        len *= 2;
    }
    if (found) {
        *gid = found->gr_gid;
        return 1;
    }
    if (rc == 0 || rc == ENOENT || rc == ESRCH || rc == EBADF || rc == EPERM)
        return 0;
    errno = rc;
    return -1;
}


/* Resolve without reporting; on failure *what is the text to name. */
static bool
virQEMUResolveId(const char *str, bool isGroup, unsigned int *id,
                 const char **what)
{
    *what = str;
    if (*str == '+') {
        *what = str + 1;
        return virQEMUParseNumericId(str + 1, id);
    }
    if (isGroup) {
        gid_t gid;
        if (virQEMULookupGroup(str, &gid) == 1) {
            *id = gid;
            return true;
        }
    } else {
        uid_t uid;
        if (virQEMULookupUser(str, &uid) == 1) {
            *id = uid;
            return true;
        }
    }
    return virQEMUParseNumericId(str, id);
}


int
virQEMUParseUser(const char *str, uid_t *uid)
{
    const char *what;
    unsigned int id;

    if (!str || !virQEMUResolveId(str, false, &id, &what)) {
        virReportError(VIR_ERR_INVALID_ARG, "Failed to parse user '%s'",
                       str ? what : "");
        return -1;
    }
    *uid = id;
    return 0;
}


int
virQEMUParseGroup(const char *str, gid_t *gid)
{
    const char *what;
    unsigned int id;

    if (!str || !virQEMUResolveId(str, true, &id, &what)) {
        virReportError(VIR_ERR_INVALID_ARG, "Failed to parse group '%s'",
                       str ? what : "");
        return -1;
    }
    *gid = id;
    return 0;
}


/* ---- the config object ---- */

virQEMUDriverConfig *
virQEMUDriverConfigNew(bool privileged)
{
    g_autoptr(virQEMUDriverConfig) cfg = g_new0(virQEMUDriverConfig, 1);

    cfg->privileged = privileged;
    if (privileged) {
        if (virQEMUParseUser(VIRTKIT_QEMU_USER, &cfg->user) < 0 ||
            virQEMUParseGroup(VIRTKIT_QEMU_GROUP, &cfg->group) < 0)
            return NULL;
    } else {
        cfg->user = getuid();
        cfg->group = getgid();
    }
    cfg->dynamicOwnership = privileged;
    cfg->rememberOwner = privileged && virSecurityXATTRNamespaceDefined();
    cfg->securityDefaultConfined = true;
    cfg->securityRequireConfined = false;
    return g_steal_pointer(&cfg);
}


void
virQEMUDriverConfigFree(virQEMUDriverConfig *cfg)
{
    if (!cfg)
        return;
    g_free(cfg->configFile);
    g_strfreev(cfg->securityDriverNames);
    g_free(cfg);
}


char *
virQEMUDriverConfigDefaultPath(bool privileged)
{
    if (privileged)
        return g_build_filename(SYSCONFDIR, "virtkit", "qemu.conf", NULL);
    return g_build_filename(g_get_user_config_dir(), "virtkit", "qemu.conf",
                            NULL);
}


/* ---- loading ---- */

#define CONF_ERROR(code, conf, key, fmt, ...) \
    virReportError(code, "%s:%d: " fmt, virConfGetFilename(conf), \
                   virConfGetValueLine(conf, key), __VA_ARGS__)


static int
virQEMUDriverConfigLoadOwner(virQEMUDriverConfig *cfg, virConf *conf)
{
    g_autofree char *user = NULL;
    g_autofree char *group = NULL;
    const char *what;
    unsigned int id;

    if (virConfGetValueString(conf, "user", &user) < 0 ||
        virConfGetValueString(conf, "group", &group) < 0)
        return -1;

    if (user) {
        if (!virQEMUResolveId(user, false, &id, &what)) {
            CONF_ERROR(VIR_ERR_INVALID_ARG, conf, "user",
                       "Failed to parse user '%s'", what);
            return -1;
        }
        cfg->user = id;
    }
    if (group) {
        if (!virQEMUResolveId(group, true, &id, &what)) {
            CONF_ERROR(VIR_ERR_INVALID_ARG, conf, "group",
                       "Failed to parse group '%s'", what);
            return -1;
        }
        cfg->group = id;
    }
    return 0;
}


/* Drivers this build has besides the always-stacked DAC. */
static bool
virQEMUSecurityDriverKnown(const char *name)
{
    return g_str_equal(name, "none");
}


static int
virQEMUDriverConfigLoadSecurityDrivers(virQEMUDriverConfig *cfg, virConf *conf)
{
    g_auto(GStrv) names = NULL;
    size_t n;
    size_t i;
    size_t j;

    if (virConfGetValueStringList(conf, "security_driver", true, &names) < 0)
        return -1;
    if (!names)
        return 0;

    n = g_strv_length(names);
    for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
            if (g_str_equal(names[i], names[j])) {
                CONF_ERROR(VIR_ERR_CONF_SYNTAX, conf, "security_driver",
                           "Duplicate security driver %s", names[i]);
                return -1;
            }
        }
        if (n > 1 && g_str_equal(names[i], "none")) {
            CONF_ERROR(VIR_ERR_CONF_SYNTAX, conf, "security_driver",
                       "%s", "Security driver \"none\" cannot be combined "
                       "with other drivers");
            return -1;
        }
        if (!virQEMUSecurityDriverKnown(names[i])) {
            CONF_ERROR(VIR_ERR_CONFIG_UNSUPPORTED, conf, "security_driver",
                       "Security driver %s not found", names[i]);
            return -1;
        }
    }

    g_strfreev(cfg->securityDriverNames);
    cfg->securityDriverNames = n ? g_steal_pointer(&names) : NULL;
    return 0;
}


int
virQEMUDriverConfigLoadFile(virQEMUDriverConfig *cfg, const char *filename,
                            bool allowMissing)
{
    g_autoptr(virConf) conf = NULL;

    if (allowMissing && access(filename, F_OK) < 0 && errno == ENOENT) {
        VIR_DEBUG("No %s: using the defaults", filename);
        return 0;
    }
    if (!(conf = virConfReadFile(filename, 0)))
        return -1;

    if (virQEMUDriverConfigLoadOwner(cfg, conf) < 0 ||
        virConfGetValueBool(conf, "dynamic_ownership", &cfg->dynamicOwnership) < 0 ||
        virConfGetValueBool(conf, "remember_owner", &cfg->rememberOwner) < 0 ||
        virQEMUDriverConfigLoadSecurityDrivers(cfg, conf) < 0 ||
        virConfGetValueBool(conf, "security_default_confined",
                            &cfg->securityDefaultConfined) < 0 ||
        virConfGetValueBool(conf, "security_require_confined",
                            &cfg->securityRequireConfined) < 0)
        return -1;

    if (cfg->rememberOwner && !virSecurityXATTRNamespaceDefined()) {
        VIR_WARN("%s:%d: remember_owner needs extended attributes, which this "
                 "platform lacks: ignored", filename,
                 virConfGetValueLine(conf, "remember_owner"));
        cfg->rememberOwner = false;
    }

    g_free(cfg->configFile);
    cfg->configFile = g_strdup(filename);
    return 0;
}


unsigned int
virQEMUDriverConfigSecurityFlags(virQEMUDriverConfig *cfg)
{
    unsigned int flags = 0;

    if (cfg->securityDefaultConfined)
        flags |= VIR_SECURITY_MANAGER_DEFAULT_CONFINED;
    if (cfg->securityRequireConfined)
        flags |= VIR_SECURITY_MANAGER_REQUIRE_CONFINED;
    if (cfg->privileged)
        flags |= VIR_SECURITY_MANAGER_PRIVILEGED;
    if (cfg->dynamicOwnership)
        flags |= VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP;
    if (cfg->rememberOwner)
        flags |= VIR_SECURITY_MANAGER_REMEMBER_OWNER;
    return flags;
}


virSecurityManager *
virQEMUDriverConfigNewSecurityManager(virQEMUDriverConfig *cfg)
{
    unsigned int flags = virQEMUDriverConfigSecurityFlags(cfg);
    const char *primaryName = NULL;
    g_autoptr(virSecurityManager) stack = NULL;
    virSecurityManager *primary;

    /* Only "none" exists besides DAC, and "none" is never in a list. */
    if (cfg->securityDriverNames)
        primaryName = cfg->securityDriverNames[0];
    if (!(primary = virSecurityManagerNew(primaryName, cfg->user, cfg->group,
                                          flags)))
        return NULL;
    if (!(stack = virSecurityManagerNewStack(primary)))
        return NULL;
    if (virSecurityManagerStackAddNested(stack,
            virSecurityManagerNew("dac", cfg->user, cfg->group, flags)) < 0)
        return NULL;
    return g_steal_pointer(&stack);
}
