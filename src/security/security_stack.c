/* security_stack.c: a primary driver plus nested ones, each hook run on
 * all of them (primary first).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include "security/security_driver.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_SECURITY

typedef struct {
    virSecurityManager *primary;
    GPtrArray *nested;          /* of virSecurityManager *, owned */
} virSecurityStackData;


static void
virSecurityStackMemberFree(gpointer data)
{
    virSecurityManagerFree(data);
}


virSecurityManager *
virSecurityManagerNewStack(virSecurityManager *primary)
{
    virSecurityManager *mgr;
    virSecurityStackData *priv;

    if (!primary) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "a stack needs a primary driver");
        return NULL;
    }
    if (!(mgr = virSecurityManagerNewDriver(&virSecurityDriverStack, -1, -1,
                                            primary->flags))) {
        virSecurityManagerFree(primary);
        return NULL;
    }
    priv = mgr->privateData;
    priv->primary = primary;
    return mgr;
}


int
virSecurityManagerStackAddNested(virSecurityManager *stack,
                                 virSecurityManager *nested)
{
    virSecurityStackData *priv;

    if (!nested)
        return -1;
    if (stack->drv != &virSecurityDriverStack) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "nested security drivers need a stack");
        virSecurityManagerFree(nested);
        return -1;
    }
    priv = stack->privateData;
    g_ptr_array_add(priv->nested, nested);
    return 0;
}


virSecurityManager *
virSecurityStackGetPrimary(virSecurityManager *mgr)
{
    virSecurityStackData *priv = mgr->privateData;

    return priv->primary;
}


GPtrArray *
virSecurityStackGetNested(virSecurityManager *mgr)
{
    virSecurityStackData *priv = mgr->privateData;

    return priv->nested;
}


static int
virSecurityStackOpen(virSecurityManager *mgr, uid_t user G_GNUC_UNUSED,
                     gid_t group G_GNUC_UNUSED)
{
    virSecurityStackData *priv = g_new0(virSecurityStackData, 1);

    priv->nested = g_ptr_array_new_with_free_func(virSecurityStackMemberFree);
    mgr->privateData = priv;
    return 0;
}


static void
virSecurityStackClose(virSecurityManager *mgr)
{
    virSecurityStackData *priv = mgr->privateData;

    g_ptr_array_unref(priv->nested);
    virSecurityManagerFree(priv->primary);
    g_free(priv);
}


/* The members in hook order. */
static size_t
virSecurityStackCount(virSecurityStackData *priv)
{
    return 1 + priv->nested->len;
}


static virSecurityManager *
virSecurityStackMember(virSecurityStackData *priv, size_t i)
{
    return i == 0 ? priv->primary : g_ptr_array_index(priv->nested, i - 1);
}


static const char *
virSecurityStackGetModel(virSecurityManager *mgr)
{
    return virSecurityManagerGetModel(virSecurityStackGetPrimary(mgr));
}


static const char *
virSecurityStackGetDOI(virSecurityManager *mgr)
{
    return virSecurityManagerGetDOI(virSecurityStackGetPrimary(mgr));
}


static int
virSecurityStackTransactionStart(virSecurityManager *mgr)
{
    virSecurityStackData *priv = mgr->privateData;
    size_t i;

    for (i = 0; i < virSecurityStackCount(priv); i++) {
        if (virSecurityManagerTransactionStart(virSecurityStackMember(priv, i)) < 0)
            goto error;
    }
    return 0;

 error:
    while (i-- > 0)
        virSecurityManagerTransactionAbort(virSecurityStackMember(priv, i));
    return -1;
}


/* Every member commits even if one fails; the first error is kept. */
static int
virSecurityStackTransactionCommit(virSecurityManager *mgr, pid_t pid,
                                  bool lock)
{
    virSecurityStackData *priv = mgr->privateData;
    virErrorPtr first = NULL;
    int rc = 0;
    size_t i;

    for (i = 0; i < virSecurityStackCount(priv); i++) {
        if (virSecurityManagerTransactionCommit(virSecurityStackMember(priv, i),
                                                pid, lock) < 0) {
            if (!first)
                first = virErrorSave();
            rc = -1;
        }
    }
    virErrorRestore(&first);
    return rc;
}


static void
virSecurityStackTransactionAbort(virSecurityManager *mgr)
{
    virSecurityStackData *priv = mgr->privateData;
    size_t i;

    for (i = 0; i < virSecurityStackCount(priv); i++)
        virSecurityManagerTransactionAbort(virSecurityStackMember(priv, i));
}


static int
virSecurityStackSetFileLabel(virSecurityManager *mgr, const char *path,
                             unsigned int flags)
{
    virSecurityStackData *priv = mgr->privateData;
    size_t i;

    for (i = 0; i < virSecurityStackCount(priv); i++) {
        if (virSecurityManagerSetFileLabel(virSecurityStackMember(priv, i),
                                           path, flags) < 0)
            return -1;
    }
    return 0;
}


/* Restores go on past a failure: give back as much as possible. */
static int
virSecurityStackRestoreFileLabel(virSecurityManager *mgr, const char *path,
                                 unsigned int flags)
{
    virSecurityStackData *priv = mgr->privateData;
    virErrorPtr first = NULL;
    int rc = 0;
    size_t i;

    for (i = 0; i < virSecurityStackCount(priv); i++) {
        if (virSecurityManagerRestoreFileLabel(virSecurityStackMember(priv, i),
                                               path, flags) < 0) {
            if (!first)
                first = virErrorSave();
            rc = -1;
        }
    }
    virErrorRestore(&first);
    return rc;
}


static int
virSecurityStackMoveImageMetadata(virSecurityManager *mgr, pid_t pid,
                                  const char *src, const char *dst)
{
    virSecurityStackData *priv = mgr->privateData;
    size_t i;

    for (i = 0; i < virSecurityStackCount(priv); i++) {
        if (virSecurityManagerMoveImageMetadata(virSecurityStackMember(priv, i),
                                                pid, src, dst) < 0)
            return -1;
    }
    return 0;
}


static int
virSecurityStackSetProcessLabel(virSecurityManager *mgr)
{
    virSecurityStackData *priv = mgr->privateData;
    size_t i;

    for (i = 0; i < virSecurityStackCount(priv); i++) {
        if (virSecurityManagerSetProcessLabel(virSecurityStackMember(priv, i)) < 0)
            return -1;
    }
    return 0;
}


const virSecurityDriver virSecurityDriverStack = {
    .name = "stack",
    .open = virSecurityStackOpen,
    .close = virSecurityStackClose,
    .getModel = virSecurityStackGetModel,
    .getDOI = virSecurityStackGetDOI,
    .transactionStart = virSecurityStackTransactionStart,
    .transactionCommit = virSecurityStackTransactionCommit,
    .transactionAbort = virSecurityStackTransactionAbort,
    .setFileLabel = virSecurityStackSetFileLabel,
    .restoreFileLabel = virSecurityStackRestoreFileLabel,
    .moveImageMetadata = virSecurityStackMoveImageMetadata,
    .setProcessLabel = virSecurityStackSetProcessLabel,
};
