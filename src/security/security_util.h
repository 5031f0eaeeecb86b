/* security_util.h: remembered labels kept in extended attributes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * For a security model NAME ("dac") a file carries, while guests use it:
 *   NS.libvirt.security.NAME            the original label ("+UID:+GID")
 *   NS.libvirt.security.ref_NAME        how many users (decimal)
 *   NS.libvirt.security.timestamp_NAME  the host's boot time (epoch seconds)
 * NS is "trusted" (libvirt's names, needs CAP_SYS_ADMIN) or "user" (tests
 * and unprivileged runs).  Values are stored without a trailing NUL, so
 * libvirt and virtkit can read each other's.  A refcount written before the
 * last boot is stale (the guests that held it are gone) and is reset.
 *
 * Callers serialise these read-modify-write sequences with metadata locks
 * (security_lock.h).
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>

#define VIR_SECURITY_XATTR_TRUSTED "trusted"
#define VIR_SECURITY_XATTR_USER "user"

/* Whether the platform has a namespace for remembered labels (Linux:
 * yes); remember_owner defaults to this when privileged. */
bool virSecurityXATTRNamespaceDefined(void);

/* "NS.libvirt.security.[ref_|timestamp_]NAME"; free with g_free. */
char *virSecurityXATTRName(const char *ns, const char *prefix,
                           const char *name);

/* The host's boot time in epoch seconds (utmpx BOOT_TIME, else now minus
 * /proc/uptime), computed once per process.  0 if unknown. */
unsigned long long virSecurityHostBootTime(void);

/* Count one more user of `path`; on the first, store `label` and the boot
 * time.  Returns the new refcount, -2 if the filesystem has no xattrs
 * (ENOTSUP/ENOSYS: nothing remembered), -1 with an error set. */
int virSecuritySetRememberedLabel(const char *ns, const char *name,
                                  const char *path, const char *label);

/* Count one user less.  Returns 0 with *label set to the original label
 * when that was the last user (the xattrs are then removed), 0 with *label
 * NULL while others remain, -2 if nothing (valid) is remembered or the
 * filesystem has no xattrs, -1 with an error set. */
int virSecurityGetRememberedLabel(const char *ns, const char *name,
                                  const char *path, char **label);

/* Move the three xattrs from `src` to `dst` (NULL: just remove them from
 * `src`).  0, -2 if unsupported, -1 with an error set. */
int virSecurityMoveRememberedLabel(const char *ns, const char *name,
                                   const char *src, const char *dst);

/* Read without changing anything (for listing): 1 with the values set
 * (any may be NULL when that xattr is missing), 0 if nothing is
 * remembered, -2 if unsupported, -1 with an error set. */
int virSecurityPeekRememberedLabel(const char *ns, const char *name,
                                   const char *path, char **label,
                                   char **refcount, char **timestamp);

/* "+UID:+GID" for a DAC label, and back ("UID:GID" is accepted too). */
char *virSecurityDACFormatLabel(uid_t uid, gid_t gid);
int virSecurityDACParseLabel(const char *label, uid_t *uid, gid_t *gid);
