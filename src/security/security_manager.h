/* security_manager.h: security managers (none, dac, stack) and their
 * relabelling transactions.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A manager wraps one driver.  "none" does nothing; "dac" hands files to
 * the user:group QEMU runs as (chown) and gives them back afterwards,
 * optionally remembering the original owner in xattrs (remember_owner);
 * "stack" runs a primary driver (which names the security model) plus
 * nested ones, the way a hypervisor driver always stacks DAC.
 *
 * Labelling calls made between TransactionStart and TransactionCommit on
 * one thread are only queued; Commit runs them all, in a forked child
 * holding metadata locks on every remembered file when `lock` is true,
 * and rolls the finished ones back in reverse order if one fails.  A call
 * made outside a transaction runs at once, as a transaction of its own.
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

typedef enum {
    VIR_SECURITY_MANAGER_DEFAULT_CONFINED  = 1 << 1,
    VIR_SECURITY_MANAGER_REQUIRE_CONFINED  = 1 << 2,
    VIR_SECURITY_MANAGER_PRIVILEGED        = 1 << 3,
    VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP = 1 << 4,
    VIR_SECURITY_MANAGER_MOUNT_NAMESPACE   = 1 << 5,
    VIR_SECURITY_MANAGER_REMEMBER_OWNER    = 1 << 6,
    /* virtkit: remember owners in user.* xattrs instead of trusted.*
     * (tests, unprivileged runs).  The environment variable
     * VIRTKIT_SECURITY_XATTR_NS=user has the same effect. */
    VIR_SECURITY_MANAGER_XATTR_USER        = 1 << 16,
} virSecurityManagerNewFlags;

/* How a file is used, for the DAC rules (libvirt's): read-only, shared and
 * backing-chain images are relabelled but their owner is never remembered
 * nor restored; NO_REMEMBER files are restored to root:root. */
typedef enum {
    VIR_SECURITY_FILE_READONLY    = 1 << 0,
    VIR_SECURITY_FILE_SHARED      = 1 << 1,
    VIR_SECURITY_FILE_BACKING     = 1 << 2,
    VIR_SECURITY_FILE_NO_REMEMBER = 1 << 3,
} virSecurityFileFlags;

typedef struct _virSecurityManager virSecurityManager;

/* `name`: "none" (NULL: "none" as a default, without the warning an
 * explicit "none" gives when guests should be confined), "dac" (labels
 * files to user:group), or "stack" (none + dac).  Unknown names give
 * "Security driver NAME not found". */
virSecurityManager *virSecurityManagerNew(const char *name, uid_t user,
                                          gid_t group, unsigned int flags);

/* A stack whose primary is `primary` (the stack takes it over). */
virSecurityManager *virSecurityManagerNewStack(virSecurityManager *primary);
/* Add a nested manager (taken over, also on failure). */
int virSecurityManagerStackAddNested(virSecurityManager *stack,
                                     virSecurityManager *nested);

void virSecurityManagerFree(virSecurityManager *mgr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecurityManager, virSecurityManagerFree)

const char *virSecurityManagerGetDriver(virSecurityManager *mgr);
/* The model and DOI virNodeGetSecurityModel reports (a stack: its
 * primary's). */
const char *virSecurityManagerGetModel(virSecurityManager *mgr);
const char *virSecurityManagerGetDOI(virSecurityManager *mgr);
unsigned int virSecurityManagerGetFlags(virSecurityManager *mgr);
bool virSecurityManagerGetDefaultConfined(virSecurityManager *mgr);
bool virSecurityManagerGetRequireConfined(virSecurityManager *mgr);
bool virSecurityManagerGetPrivileged(virSecurityManager *mgr);
/* Whether labelling remembers owners (a stack: any nested driver does);
 * the value to pass as `lock` to TransactionCommit. */
bool virSecurityManagerGetRememberOwner(virSecurityManager *mgr);
/* The DAC user and group (a stack: its DAC member's); -1 if none. */
int virSecurityManagerGetDACIDs(virSecurityManager *mgr, uid_t *user,
                                gid_t *group);

int virSecurityManagerTransactionStart(virSecurityManager *mgr);
/* `pid`: the domain's process when it has its own mount namespace, else
 * -1 (namespaces are not supported yet: the work runs in this one).
 * `lock`: take metadata locks in a forked child (pass
 * virSecurityManagerGetRememberOwner()). */
int virSecurityManagerTransactionCommit(virSecurityManager *mgr, pid_t pid,
                                        bool lock);
void virSecurityManagerTransactionAbort(virSecurityManager *mgr);

/* Hand `path` to the guest / give it back.  `flags`: virSecurityFileFlags. */
int virSecurityManagerSetFileLabel(virSecurityManager *mgr, const char *path,
                                   unsigned int flags);
int virSecurityManagerRestoreFileLabel(virSecurityManager *mgr,
                                       const char *path, unsigned int flags);

/* After a block copy/commit: the remembered owner of `src` moves to `dst`
 * (NULL: it is dropped), under metadata locks on both. */
int virSecurityManagerMoveImageMetadata(virSecurityManager *mgr, pid_t pid,
                                        const char *src, const char *dst);

/* In the child about to exec QEMU: become the DAC user, group and the
 * user's supplementary groups. */
int virSecurityManagerSetProcessLabel(virSecurityManager *mgr);
