/* security_dac.c: the DAC driver: files are chowned to the user:group QEMU
 * runs as, and given back afterwards.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * With remember_owner the original owner of a file is kept in xattrs with
 * a count of the guests using it (security_util.h), so that the last guest
 * to stop gives the file back to its real owner rather than to root.  The
 * xattr updates are made under metadata locks in a forked child
 * (security_lock.h).  Without remembering, restoring means root:root.
 */
#include <config.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "security/security_dac.h"
#include "security/security_driver.h"
#include "security/security_lock.h"
#include "security/security_util.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_SECURITY

typedef struct {
    uid_t user;
    gid_t group;
    gid_t *groups;              /* supplementary groups of `user` */
    int ngroups;
    bool dynamicOwnership;
    bool rememberOwner;
    const char *xattrNS;
} virSecurityDACData;

/* One queued chown. */
typedef struct {
    char *path;
    uid_t uid;
    gid_t gid;
    bool remember;
    bool restore;
} virSecurityDACItem;

typedef struct {
    virSecurityManager *mgr;
    GPtrArray *items;           /* of virSecurityDACItem * */
    bool lock;                  /* items run under metadata locks */
} virSecurityDACList;

/* The transaction open on this thread, if any (one per thread, as the
 * labelling calls carry no transaction handle). */
static _Thread_local virSecurityDACList *virSecurityDACTransaction;


static void
virSecurityDACItemFree(gpointer data)
{
    virSecurityDACItem *item = data;

    g_free(item->path);
    g_free(item);
}


static void
virSecurityDACListFree(virSecurityDACList *list)
{
    if (!list)
        return;
    g_ptr_array_unref(list->items);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecurityDACList, virSecurityDACListFree)


static virSecurityDACList *
virSecurityDACListNew(virSecurityManager *mgr)
{
    virSecurityDACList *list = g_new0(virSecurityDACList, 1);

    list->mgr = mgr;
    list->items = g_ptr_array_new_with_free_func(virSecurityDACItemFree);
    return list;
}


/* ---- queries ---- */

bool
virSecurityDACGetRememberOwner(virSecurityManager *mgr)
{
    virSecurityDACData *priv = mgr->privateData;

    return priv->rememberOwner && priv->dynamicOwnership;
}


bool
virSecurityDACGetDynamicOwnership(virSecurityManager *mgr)
{
    virSecurityDACData *priv = mgr->privateData;

    return priv->dynamicOwnership;
}


void
virSecurityDACGetIDs(virSecurityManager *mgr, uid_t *user, gid_t *group)
{
    virSecurityDACData *priv = mgr->privateData;

    if (user)
        *user = priv->user;
    if (group)
        *group = priv->group;
}


const char *
virSecurityDACGetXATTRNamespace(virSecurityManager *mgr)
{
    virSecurityDACData *priv = mgr->privateData;

    return priv->xattrNS;
}


/* ---- open / close ---- */

/* The groups QEMU gets: `group` plus the user's own, if it has an entry. */
static void
virSecurityDACLoadGroups(virSecurityDACData *priv)
{
    struct passwd pwd;
    struct passwd *found = NULL;
    char buf[4096];
    int n = 16;

    if (getpwuid_r(priv->user, &pwd, buf, sizeof(buf), &found) != 0 || !found) {
        priv->groups = g_new0(gid_t, 1);
        priv->groups[0] = priv->group;
        priv->ngroups = 1;
        return;
    }
    while (true) {
        int want = n;

        priv->groups = g_renew(gid_t, priv->groups, n);
        if (getgrouplist(found->pw_name, priv->group, priv->groups, &want) >= 0) {
            priv->ngroups = want;
            return;
        }
        n = want > n ? want : n * 2;
    }
}


static int
virSecurityDACOpen(virSecurityManager *mgr, uid_t user, gid_t group)
{
    virSecurityDACData *priv = g_new0(virSecurityDACData, 1);
    const char *ns = g_getenv("VIRTKIT_SECURITY_XATTR_NS");

    priv->user = user;
    priv->group = group;
    priv->dynamicOwnership = !!(mgr->flags & VIR_SECURITY_MANAGER_DYNAMIC_OWNERSHIP);
    priv->rememberOwner = !!(mgr->flags & VIR_SECURITY_MANAGER_REMEMBER_OWNER);
    if ((mgr->flags & VIR_SECURITY_MANAGER_XATTR_USER) ||
        (ns && g_str_equal(ns, VIR_SECURITY_XATTR_USER)))
        priv->xattrNS = VIR_SECURITY_XATTR_USER;
    else
        priv->xattrNS = VIR_SECURITY_XATTR_TRUSTED;
    if (priv->rememberOwner && !virSecurityXATTRNamespaceDefined()) {
        VIR_WARN("remember_owner needs extended attributes this platform "
                 "lacks: owners will not be remembered");
        priv->rememberOwner = false;
    }
    virSecurityDACLoadGroups(priv);
    mgr->privateData = priv;
    return 0;
}


static void
virSecurityDACClose(virSecurityManager *mgr)
{
    virSecurityDACData *priv = mgr->privateData;

    if (virSecurityDACTransaction && virSecurityDACTransaction->mgr == mgr)
        g_clear_pointer(&virSecurityDACTransaction, virSecurityDACListFree);
    g_free(priv->groups);
    g_free(priv);
}


static const char *
virSecurityDACGetModel(virSecurityManager *mgr G_GNUC_UNUSED)
{
    return VIR_SECURITY_DAC_NAME;
}


static const char *
virSecurityDACGetDOI(virSecurityManager *mgr G_GNUC_UNUSED)
{
    return "0";
}


/* ---- one chown ---- */

/* chown unless it already has that owner.  Filesystems that cannot
 * (NFS root squash, read-only, no ownership at all) are only logged. */
static int
virSecurityDACChown(const char *path, uid_t uid, gid_t gid)
{
    struct stat sb;

    if (stat(path, &sb) == 0 && sb.st_uid == uid && sb.st_gid == gid)
        return 0;

    VIR_INFO("Setting DAC user and group on '%s' to '%ld:%ld'",
             path, (long)uid, (long)gid);
    if (chown(path, uid, gid) == 0)
        return 0;

    switch (errno) {
    case EOPNOTSUPP:
    case EINVAL:
        VIR_INFO("Setting user and group to '%ld:%ld' on '%s' not supported "
                 "by filesystem", (long)uid, (long)gid, path);
        return 0;
    case EPERM:
        VIR_INFO("Setting user and group to '%ld:%ld' on '%s' not permitted",
                 (long)uid, (long)gid, path);
        return 0;
    case EROFS:
        VIR_INFO("Setting user and group to '%ld:%ld' on '%s' not possible on "
                 "readonly filesystem", (long)uid, (long)gid, path);
        return 0;
    default:
        virReportSystemError(errno, "unable to set user and group to '%ld:%ld' "
                             "on '%s'", (long)uid, (long)gid, path);
        return -1;
    }
}


/* Undo a counted set (the caller is failing; its error is kept). */
static void
virSecurityDACForget(virSecurityDACData *priv, const char *path)
{
    virErrorPtr saved = virErrorSave();
    g_autofree char *label = NULL;

    if (virSecurityGetRememberedLabel(priv->xattrNS, VIR_SECURITY_DAC_NAME,
                                      path, &label) == -1)
        VIR_WARN("Unable to undo remembering the owner of %s", path);
    virErrorRestore(&saved);
}


static int
virSecurityDACSetOwnership(virSecurityDACData *priv, virSecurityDACItem *item)
{
    int count = 0;

    if (item->remember) {
        g_autofree char *label = NULL;
        struct stat sb;

        if (stat(item->path, &sb) < 0) {
            virReportSystemError(errno, "unable to stat: %s", item->path);
            return -1;
        }
        label = virSecurityDACFormatLabel(sb.st_uid, sb.st_gid);
        count = virSecuritySetRememberedLabel(priv->xattrNS,
                                              VIR_SECURITY_DAC_NAME,
                                              item->path, label);
        if (count == -1)
            return -1;
        if (count == -2) {
            VIR_WARN("Not remembering the owner of '%s': its filesystem has "
                     "no %s.* extended attributes; it will be given to root "
                     "when released", item->path, priv->xattrNS);
            count = 0;
        } else if (count > 1 && (sb.st_uid != item->uid || sb.st_gid != item->gid)) {
            /* Another guest holds it under a different owner. */
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "Setting different DAC user or group on %s which "
                           "is already in use", item->path);
            virSecurityDACForget(priv, item->path);
            return -1;
        }
    }

    if (virSecurityDACChown(item->path, item->uid, item->gid) < 0) {
        if (count > 0)
            virSecurityDACForget(priv, item->path);
        return -1;
    }
    return 0;
}


static int
virSecurityDACRestoreOwnership(virSecurityDACData *priv,
                               virSecurityDACItem *item)
{
    uid_t uid = 0;
    gid_t gid = 0;

    if (item->remember) {
        g_autofree char *label = NULL;
        int rc = virSecurityGetRememberedLabel(priv->xattrNS,
                                               VIR_SECURITY_DAC_NAME,
                                               item->path, &label);

        if (rc == -1)
            return -1;
        if (rc == 0 && !label) {
            VIR_DEBUG("'%s' is still in use: owner left as it is", item->path);
            return 0;
        }
        if (rc == 0 && virSecurityDACParseLabel(label, &uid, &gid) < 0) {
            virErrorPtr err = virErrorSave();
            VIR_WARN("Ignoring the damaged remembered owner '%s' of %s",
                     label, item->path);
            virErrorFree(err);
            uid = 0;
            gid = 0;
        }
        if (rc == -2)
            VIR_INFO("No remembered owner for '%s': giving it to root",
                     item->path);
    }

    return virSecurityDACChown(item->path, uid, gid);
}


/* ---- running a list ---- */

static int
virSecurityDACListRun(void *opaque)
{
    virSecurityDACList *list = opaque;
    virSecurityDACData *priv = list->mgr->privateData;
    virSecurityMetadataLock *lock = NULL;
    int rc = 0;
    size_t i;

    if (list->lock) {
        g_autofree const char **paths = g_new0(const char *, list->items->len + 1);
        size_t n = 0;

        for (i = 0; i < list->items->len; i++) {
            virSecurityDACItem *item = g_ptr_array_index(list->items, i);
            if (item->remember)
                paths[n++] = item->path;
        }
        if (!(lock = virSecurityMetadataLockNew(paths, n)))
            return -1;
        for (i = 0; i < list->items->len; i++) {
            virSecurityDACItem *item = g_ptr_array_index(list->items, i);
            if (item->remember && !virSecurityMetadataLockHolds(lock, item->path)) {
                VIR_WARN("Not remembering the owner of '%s': it cannot be "
                         "locked (a directory, a socket nobody listens on, "
                         "or a read-only or shared filesystem)", item->path);
                item->remember = false;
            }
        }
    }

    for (i = 0; i < list->items->len; i++) {
        virSecurityDACItem *item = g_ptr_array_index(list->items, i);

        if (item->restore)
            rc = virSecurityDACRestoreOwnership(priv, item);
        else
            rc = virSecurityDACSetOwnership(priv, item);
        if (rc < 0)
            break;
    }

    if (rc < 0) {
        /* Give back what this transaction had already handed out. */
        virErrorPtr saved = virErrorSave();

        while (i-- > 0) {
            virSecurityDACItem *item = g_ptr_array_index(list->items, i);
            if (!item->restore &&
                virSecurityDACRestoreOwnership(priv, item) < 0)
                VIR_WARN("Unable to roll back the owner of %s", item->path);
        }
        virErrorRestore(&saved);
    }

    virSecurityMetadataLockFree(lock);
    return rc;
}


/* Run `list` now: forked and locked if asked and anything is remembered. */
static int
virSecurityDACListCommit(virSecurityDACList *list, pid_t pid, bool lock)
{
    size_t i;

    if (list->items->len == 0)
        return 0;
    if (pid != -1)
        VIR_DEBUG("Relabelling for pid %lld in this mount namespace: private "
                  "namespaces are not supported", (long long)pid);

    list->lock = false;
    if (lock) {
        for (i = 0; i < list->items->len; i++) {
            virSecurityDACItem *item = g_ptr_array_index(list->items, i);
            if (item->remember) {
                list->lock = true;
                break;
            }
        }
    }
    if (list->lock)
        return virSecurityRunInFork(virSecurityDACListRun, list);
    return virSecurityDACListRun(list);
}


/* Queue an item on this thread's transaction, or run it at once. */
static int
virSecurityDACQueue(virSecurityManager *mgr, const char *path, uid_t uid,
                    gid_t gid, bool remember, bool restore)
{
    virSecurityDACItem *item = g_new0(virSecurityDACItem, 1);
    g_autoptr(virSecurityDACList) single = NULL;

    item->path = g_strdup(path);
    item->uid = uid;
    item->gid = gid;
    item->remember = remember;
    item->restore = restore;

    if (virSecurityDACTransaction && virSecurityDACTransaction->mgr == mgr) {
        g_ptr_array_add(virSecurityDACTransaction->items, item);
        return 0;
    }

    single = virSecurityDACListNew(mgr);
    g_ptr_array_add(single->items, item);
    return virSecurityDACListCommit(single, -1, remember);
}


/* ---- hooks ---- */

static int
virSecurityDACTransactionStart(virSecurityManager *mgr)
{
    if (virSecurityDACTransaction) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Another relabel transaction is already started");
        return -1;
    }
    virSecurityDACTransaction = virSecurityDACListNew(mgr);
    return 0;
}


static int
virSecurityDACTransactionCommit(virSecurityManager *mgr, pid_t pid, bool lock)
{
    g_autoptr(virSecurityDACList) list = NULL;

    if (!virSecurityDACTransaction || virSecurityDACTransaction->mgr != mgr) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No transaction is set");
        return -1;
    }
    list = g_steal_pointer(&virSecurityDACTransaction);
    return virSecurityDACListCommit(list, pid, lock);
}


static void
virSecurityDACTransactionAbort(virSecurityManager *mgr)
{
    if (virSecurityDACTransaction && virSecurityDACTransaction->mgr == mgr)
        g_clear_pointer(&virSecurityDACTransaction, virSecurityDACListFree);
}


#define VIR_SECURITY_FILE_KNOWN_FLAGS \
    (VIR_SECURITY_FILE_READONLY | VIR_SECURITY_FILE_SHARED | \
     VIR_SECURITY_FILE_BACKING | VIR_SECURITY_FILE_NO_REMEMBER)

/* Files other guests may hold at the same time are never counted. */
#define VIR_SECURITY_FILE_UNOWNED \
    (VIR_SECURITY_FILE_READONLY | VIR_SECURITY_FILE_SHARED | \
     VIR_SECURITY_FILE_BACKING)


static const char *
virSecurityDACWhyNotRemembered(unsigned int flags)
{
    if (flags & VIR_SECURITY_FILE_READONLY)
        return "it is read-only";
    if (flags & VIR_SECURITY_FILE_SHARED)
        return "it is shared";
    if (flags & VIR_SECURITY_FILE_BACKING)
        return "it is a backing image";
    return "the caller asked so";
}


static int
virSecurityDACSetFileLabel(virSecurityManager *mgr, const char *path,
                           unsigned int flags)
{
    virSecurityDACData *priv = mgr->privateData;
    bool remember = priv->rememberOwner;

    virCheckFlags(VIR_SECURITY_FILE_KNOWN_FLAGS, -1);
    if (!priv->dynamicOwnership)
        return 0;
    if (remember && (flags & (VIR_SECURITY_FILE_UNOWNED |
                              VIR_SECURITY_FILE_NO_REMEMBER))) {
        VIR_WARN("Not remembering the owner of '%s': %s", path,
                 virSecurityDACWhyNotRemembered(flags));
        remember = false;
    }
    return virSecurityDACQueue(mgr, path, priv->user, priv->group, remember,
                               false);
}


static int
virSecurityDACRestoreFileLabel(virSecurityManager *mgr, const char *path,
                               unsigned int flags)
{
    virSecurityDACData *priv = mgr->privateData;

    virCheckFlags(VIR_SECURITY_FILE_KNOWN_FLAGS, -1);
    if (!priv->dynamicOwnership)
        return 0;
    /* Others may still use it, perhaps on other hosts: leave it be. */
    if (flags & VIR_SECURITY_FILE_UNOWNED) {
        VIR_DEBUG("Not restoring the owner of '%s': %s", path,
                  virSecurityDACWhyNotRemembered(flags));
        return 0;
    }
    return virSecurityDACQueue(mgr, path, 0, 0,
                               priv->rememberOwner &&
                               !(flags & VIR_SECURITY_FILE_NO_REMEMBER),
                               true);
}


typedef struct {
    virSecurityDACData *priv;
    const char *src;
    const char *dst;
} virSecurityDACMoveData;


static int
virSecurityDACMoveRun(void *opaque)
{
    virSecurityDACMoveData *data = opaque;
    const char *paths[2] = { data->src, data->dst };
    virSecurityMetadataLock *lock;
    int rc;

    if (!(lock = virSecurityMetadataLockNew(paths, data->dst ? 2 : 1)))
        return -1;
    rc = virSecurityMoveRememberedLabel(data->priv->xattrNS,
                                        VIR_SECURITY_DAC_NAME,
                                        data->src, data->dst);
    virSecurityMetadataLockFree(lock);
    if (rc == -2) {
        VIR_WARN("Not moving the remembered owner of '%s': no %s.* extended "
                 "attributes there", data->src, data->priv->xattrNS);
        rc = 0;
    }
    return rc;
}


static int
virSecurityDACMoveImageMetadata(virSecurityManager *mgr, pid_t pid,
                                const char *src, const char *dst)
{
    virSecurityDACData *priv = mgr->privateData;
    virSecurityDACMoveData data = { priv, src, dst };

    if (!virSecurityDACGetRememberOwner(mgr))
        return 0;
    if (pid != -1)
        VIR_DEBUG("Moving metadata for pid %lld in this mount namespace",
                  (long long)pid);
    return virSecurityRunInFork(virSecurityDACMoveRun, &data);
}


static int
virSecurityDACSetProcessLabel(virSecurityManager *mgr)
{
    virSecurityDACData *priv = mgr->privateData;

    VIR_DEBUG("Dropping to uid=%ld gid=%ld with %d groups",
              (long)priv->user, (long)priv->group, priv->ngroups);
    if (getuid() == priv->user && geteuid() == priv->user &&
        getgid() == priv->group && getegid() == priv->group &&
        !(mgr->flags & VIR_SECURITY_MANAGER_PRIVILEGED))
        return 0;       /* a session daemon is already who QEMU runs as */

    if (setgroups(priv->ngroups, priv->groups) < 0 && errno != EPERM) {
        virReportSystemError(errno, "%s", "cannot set supplementary groups");
        return -1;
    }
    if (setregid(priv->group, priv->group) < 0) {
        virReportSystemError(errno, "cannot change to '%ld' group",
                             (long)priv->group);
        return -1;
    }
    if (setreuid(priv->user, priv->user) < 0) {
        virReportSystemError(errno, "cannot change to uid '%ld'",
                             (long)priv->user);
        return -1;
    }
    return 0;
}


const virSecurityDriver virSecurityDriverDAC = {
    .name = VIR_SECURITY_DAC_NAME,
    .open = virSecurityDACOpen,
    .close = virSecurityDACClose,
    .getModel = virSecurityDACGetModel,
    .getDOI = virSecurityDACGetDOI,
    .transactionStart = virSecurityDACTransactionStart,
    .transactionCommit = virSecurityDACTransactionCommit,
    .transactionAbort = virSecurityDACTransactionAbort,
    .setFileLabel = virSecurityDACSetFileLabel,
    .restoreFileLabel = virSecurityDACRestoreFileLabel,
    .moveImageMetadata = virSecurityDACMoveImageMetadata,
    .setProcessLabel = virSecurityDACSetProcessLabel,
};
