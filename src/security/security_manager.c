/* security_manager.c: building managers and dispatching to their driver.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include "security/security_driver.h"
#include "security/security_dac.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_SECURITY

#define VIR_SECURITY_MANAGER_KNOWN_FLAGS \
    (VIR_SECURITY_MANAGER_DEFAULT_CONFINED | \
     VIR_SECURITY_MANAGER_REQUIRE_CONFINED | \
     VIR_SECURITY_MANAGER_PRIVILEGED | \
     VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP | \
     VIR_SECURITY_MANAGER_MOUNT_NAMESPACE | \
     VIR_SECURITY_MANAGER_REMEMBER_OWNER | \
     VIR_SECURITY_MANAGER_XATTR_USER)


virSecurityManager *
virSecurityManagerNewDriver(const virSecurityDriver *drv, uid_t user,
                            gid_t group, unsigned int flags)
{
    g_autofree virSecurityManager *mgr = NULL;

    virCheckFlags(VIR_SECURITY_MANAGER_KNOWN_FLAGS, NULL);

    mgr = g_new0(virSecurityManager, 1);
    mgr->drv = drv;
    mgr->flags = flags;
    if (drv->open && drv->open(mgr, user, group) < 0)
        return NULL;
    return g_steal_pointer(&mgr);
}


virSecurityManager *
virSecurityManagerNew(const char *name, uid_t user, gid_t group,
                      unsigned int flags)
{
    g_autoptr(virSecurityManager) primary = NULL;
    g_autoptr(virSecurityManager) stack = NULL;
    virSecurityManager *dac = NULL;

    if (!name || g_str_equal(name, "none")) {
        /* "none" confines nothing, so it cannot honour a requirement to. */
        if (flags & VIR_SECURITY_MANAGER_REQUIRE_CONFINED) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "Security driver \"none\" cannot create confined guests");
            return NULL;
        }
        if (name && (flags & VIR_SECURITY_MANAGER_DEFAULT_CONFINED))
            VIR_WARN("Configured security driver \"none\" disables default "
                     "policy to create confined guests");
        return virSecurityManagerNewDriver(&virSecurityDriverNop, user, group,
                                           flags);
    }
    if (g_str_equal(name, "dac"))
        return virSecurityManagerNewDriver(&virSecurityDriverDAC, user, group,
                                           flags);
    if (g_str_equal(name, "stack")) {
        if (!(primary = virSecurityManagerNew(NULL, user, group, flags)))
            return NULL;
        if (!(stack = virSecurityManagerNewStack(g_steal_pointer(&primary))))
            return NULL;
        if (!(dac = virSecurityManagerNew("dac", user, group, flags)) ||
            virSecurityManagerStackAddNested(stack, dac) < 0)
            return NULL;
        return g_steal_pointer(&stack);
    }

    virReportError(VIR_ERR_INTERNAL_ERROR, "Security driver %s not found", name);
    return NULL;
}


void
virSecurityManagerFree(virSecurityManager *mgr)
{
    if (!mgr)
        return;
    if (mgr->drv->close)
        mgr->drv->close(mgr);
    g_free(mgr);
}


const char *
virSecurityManagerGetDriver(virSecurityManager *mgr)
{
    return mgr->drv->name;
}


const char *
virSecurityManagerGetModel(virSecurityManager *mgr)
{
    return mgr->drv->getModel ? mgr->drv->getModel(mgr) : mgr->drv->name;
}


const char *
virSecurityManagerGetDOI(virSecurityManager *mgr)
{
    return mgr->drv->getDOI ? mgr->drv->getDOI(mgr) : "0";
}


unsigned int
virSecurityManagerGetFlags(virSecurityManager *mgr)
{
    return mgr->flags;
}


bool
virSecurityManagerGetDefaultConfined(virSecurityManager *mgr)
{
    return !!(mgr->flags & VIR_SECURITY_MANAGER_DEFAULT_CONFINED);
}


bool
virSecurityManagerGetRequireConfined(virSecurityManager *mgr)
{
    return !!(mgr->flags & VIR_SECURITY_MANAGER_REQUIRE_CONFINED);
}


bool
virSecurityManagerGetPrivileged(virSecurityManager *mgr)
{
    return !!(mgr->flags & VIR_SECURITY_MANAGER_PRIVILEGED);
}


/* The DAC member of `mgr` (itself, or nested in a stack), or NULL. */
static virSecurityManager *
virSecurityManagerFindDAC(virSecurityManager *mgr)
{
    GPtrArray *nested;
    size_t i;

    if (mgr->drv == &virSecurityDriverDAC)
        return mgr;
    if (mgr->drv != &virSecurityDriverStack)
        return NULL;
    if (virSecurityStackGetPrimary(mgr)->drv == &virSecurityDriverDAC)
        return virSecurityStackGetPrimary(mgr);
    nested = virSecurityStackGetNested(mgr);
    for (i = 0; i < nested->len; i++) {
        virSecurityManager *sub = g_ptr_array_index(nested, i);
        if (sub->drv == &virSecurityDriverDAC)
            return sub;
    }
    return NULL;
}


bool
virSecurityManagerGetRememberOwner(virSecurityManager *mgr)
{
    virSecurityManager *dac = virSecurityManagerFindDAC(mgr);

    return dac && virSecurityDACGetRememberOwner(dac);
}


int
virSecurityManagerGetDACIDs(virSecurityManager *mgr, uid_t *user,
                            gid_t *group)
{
    virSecurityManager *dac = virSecurityManagerFindDAC(mgr);

    if (!dac)
        return -1;
    virSecurityDACGetIDs(dac, user, group);
    return 0;
}


int
virSecurityManagerTransactionStart(virSecurityManager *mgr)
{
    return mgr->drv->transactionStart ? mgr->drv->transactionStart(mgr) : 0;
}


int
virSecurityManagerTransactionCommit(virSecurityManager *mgr, pid_t pid,
                                    bool lock)
{
    return mgr->drv->transactionCommit ?
           mgr->drv->transactionCommit(mgr, pid, lock) : 0;
}


void
virSecurityManagerTransactionAbort(virSecurityManager *mgr)
{
    if (mgr->drv->transactionAbort)
        mgr->drv->transactionAbort(mgr);
}


int
virSecurityManagerSetFileLabel(virSecurityManager *mgr, const char *path,
                               unsigned int flags)
{
    if (!path) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "no path to label");
        return -1;
    }
    return mgr->drv->setFileLabel ? mgr->drv->setFileLabel(mgr, path, flags) : 0;
}


int
virSecurityManagerRestoreFileLabel(virSecurityManager *mgr, const char *path,
                                   unsigned int flags)
{
    if (!path) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "no path to restore");
        return -1;
    }
    return mgr->drv->restoreFileLabel ?
           mgr->drv->restoreFileLabel(mgr, path, flags) : 0;
}


int
virSecurityManagerMoveImageMetadata(virSecurityManager *mgr, pid_t pid,
                                    const char *src, const char *dst)
{
    if (!src) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "no source image");
        return -1;
    }
    return mgr->drv->moveImageMetadata ?
           mgr->drv->moveImageMetadata(mgr, pid, src, dst) : 0;
}


int
virSecurityManagerSetProcessLabel(virSecurityManager *mgr)
{
    return mgr->drv->setProcessLabel ? mgr->drv->setProcessLabel(mgr) : 0;
}
