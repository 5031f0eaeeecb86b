/* security_driver.h: what a security driver implements (private to
 * src/security).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "security/security_manager.h"

typedef struct {
    const char *name;

    int (*open)(virSecurityManager *mgr, uid_t user, gid_t group);
    void (*close)(virSecurityManager *mgr);

    const char *(*getModel)(virSecurityManager *mgr);
    const char *(*getDOI)(virSecurityManager *mgr);

    int (*transactionStart)(virSecurityManager *mgr);
    int (*transactionCommit)(virSecurityManager *mgr, pid_t pid, bool lock);
    void (*transactionAbort)(virSecurityManager *mgr);

    int (*setFileLabel)(virSecurityManager *mgr, const char *path,
                        unsigned int flags);
    int (*restoreFileLabel)(virSecurityManager *mgr, const char *path,
                            unsigned int flags);
    int (*moveImageMetadata)(virSecurityManager *mgr, pid_t pid,
                             const char *src, const char *dst);
    int (*setProcessLabel)(virSecurityManager *mgr);
} virSecurityDriver;

struct _virSecurityManager {
    const virSecurityDriver *drv;
    unsigned int flags;
    void *privateData;          /* the driver's */
};

extern const virSecurityDriver virSecurityDriverNop;
extern const virSecurityDriver virSecurityDriverDAC;
extern const virSecurityDriver virSecurityDriverStack;

/* Build a manager around `drv` (used by the stack too). */
virSecurityManager *virSecurityManagerNewDriver(const virSecurityDriver *drv,
                                                uid_t user, gid_t group,
                                                unsigned int flags);

/* Stack internals the manager needs. */
virSecurityManager *virSecurityStackGetPrimary(virSecurityManager *mgr);
GPtrArray *virSecurityStackGetNested(virSecurityManager *mgr);
