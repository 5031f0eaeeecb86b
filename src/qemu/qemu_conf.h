/* qemu_conf.h: the QEMU driver's configuration (qemu.conf).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * qemu.conf uses libvirt's syntax (util/virconf.h) and libvirt's key
 * names; keys not handled here are ignored, as libvirt does.  So far the
 * keys that drive the security managers are loaded:
 *
 *   user, group                 names, or "+N" for a numeric id that is not
 *                               looked up (a bare number that is no name is
 *                               taken as an id too)
 *   dynamic_ownership           0/1, default: privileged
 *   remember_owner              0/1, default: privileged and xattrs exist
 *   security_driver             a string or a list; "none" cannot be in a
 *                               list with others; "dac" is always stacked
 *                               and cannot be named
 *   security_default_confined   0/1, default 1
 *   security_require_confined   0/1, default 0
 *
 * Every error names FILE:LINE of the offending entry.
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

#include "security/security_manager.h"

/* Who QEMU runs as when qemu.conf does not say (privileged daemons; a
 * session daemon uses its own ids).  Override at build time. */
#ifndef VIRTKIT_QEMU_USER
# define VIRTKIT_QEMU_USER "root"
#endif
#ifndef VIRTKIT_QEMU_GROUP
# define VIRTKIT_QEMU_GROUP "root"
#endif

typedef struct _virQEMUDriverConfig virQEMUDriverConfig;
struct _virQEMUDriverConfig {
    bool privileged;
    char *configFile;           /* the file loaded, NULL if none */

    uid_t user;
    gid_t group;
    bool dynamicOwnership;
    bool rememberOwner;
    char **securityDriverNames; /* NULL-terminated; NULL: the default */
    bool securityDefaultConfined;
    bool securityRequireConfined;
};

/* Defaults for a system (privileged) or session daemon.  NULL with an
 * error if the default user cannot be resolved. */
virQEMUDriverConfig *virQEMUDriverConfigNew(bool privileged);
void virQEMUDriverConfigFree(virQEMUDriverConfig *cfg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virQEMUDriverConfig, virQEMUDriverConfigFree)

/* Where qemu.conf is looked for when virtkitd.conf does not name one:
 * $sysconfdir/virtkit/qemu.conf (privileged) or
 * $XDG_CONFIG_HOME/virtkit/qemu.conf (session). */
char *virQEMUDriverConfigDefaultPath(bool privileged);

/* Load `filename` over the defaults.  A missing file is fine when
 * `allowMissing` (the defaults stay).  0, or -1 with an error naming
 * FILE:LINE. */
int virQEMUDriverConfigLoadFile(virQEMUDriverConfig *cfg, const char *filename,
                                bool allowMissing);

/* virSecurityManagerNewFlags for these settings. */
unsigned int virQEMUDriverConfigSecurityFlags(virQEMUDriverConfig *cfg);

/* The manager the QEMU driver uses: a stack of the configured primary
 * driver ("none" by default) and DAC, whose user:group are cfg's. */
virSecurityManager *virQEMUDriverConfigNewSecurityManager(virQEMUDriverConfig *cfg);

/* "name" or "+N" (or a bare N that is no name) to an id.  -1 with
 * VIR_ERR_INVALID_ARG "Failed to parse user 'x'" if unknown. */
int virQEMUParseUser(const char *str, uid_t *uid);
int virQEMUParseGroup(const char *str, gid_t *gid);
