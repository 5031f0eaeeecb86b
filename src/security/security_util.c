/* security_util.c: remembered labels kept in extended attributes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <time.h>
#include <utmpx.h>

#include "security/security_util.h"
#include "util/virerror.h"
#include "util/virfile.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_SECURITY

#define XATTR_PREFIX_LABEL ""
#define XATTR_PREFIX_REF "ref_"
#define XATTR_PREFIX_TIMESTAMP "timestamp_"


bool
virSecurityXATTRNamespaceDefined(void)
{
#ifdef __linux__
    return true;
#else
    return false;
#endif
}


char *
virSecurityXATTRName(const char *ns, const char *prefix, const char *name)
{
    return g_strdup_printf("%s.libvirt.security.%s%s", ns, prefix, name);
}


/* ---- boot time ---- */

static unsigned long long
virSecurityBootTimeFromUtmp(void)
{
    struct utmpx want = { .ut_type = BOOT_TIME };
    struct utmpx *got;
    unsigned long long ret = 0;

    setutxent();
    if ((got = getutxid(&want)))
        ret = got->ut_tv.tv_sec;
    endutxent();
    return ret;
}


static unsigned long long
virSecurityBootTimeFromUptime(void)
{
    g_autofree char *buf = NULL;
    struct timespec now;
    double up;
    char *end = NULL;

    virErrorPtr saved = virErrorSave();
    ssize_t len = virFileReadAll("/proc/uptime", 1024, &buf);

    /* No uptime is not an error to report. */
    virErrorClear(virErrorLastObject());
    virErrorRestore(&saved);
    if (len < 0)
        return 0;
    up = g_ascii_strtod(buf, &end);
    if (end == buf || up <= 0)
        return 0;
    clock_gettime(CLOCK_REALTIME, &now);
    /* Round the boot instant rather than truncating "now": processes
     * computing it at different moments then agree. */
    return (unsigned long long)(now.tv_sec + now.tv_nsec / 1e9 - up + 0.5);
}


static gpointer
virSecurityBootTimeOnce(gpointer data G_GNUC_UNUSED)
{
    unsigned long long t = virSecurityBootTimeFromUtmp();

    if (!t)
        t = virSecurityBootTimeFromUptime();
    return GSIZE_TO_POINTER((gsize)t);
}


unsigned long long
virSecurityHostBootTime(void)
{
    static GOnce once = G_ONCE_INIT;

    return (gsize)g_once(&once, virSecurityBootTimeOnce, NULL);
}


/* ---- raw xattr access (errno is kept for the callers) ---- */

/* 0 with a NUL-terminated copy in *value, or -1 with errno set. */
static int
virSecurityXattrGet(const char *path, const char *xname, char **value)
{
    while (true) {
        ssize_t size = getxattr(path, xname, NULL, 0);
        g_autofree char *buf = NULL;
        ssize_t len;

        if (size < 0)
            return -1;
        buf = g_malloc(size + 1);
        len = getxattr(path, xname, buf, size);
        if (len < 0) {
            if (errno == ERANGE)
                continue;           /* grew in between */
            return -1;
        }
        buf[len] = '\0';
        *value = g_steal_pointer(&buf);
        return 0;
    }
}


static bool
virSecurityErrnoUnsupported(int err)
{
    return err == ENOTSUP || err == ENOSYS;
}


static int
virSecurityXattrSet(const char *path, const char *xname, const char *value)
{
    if (setxattr(path, xname, value, strlen(value), 0) < 0) {
        int err = errno;
        if (virSecurityErrnoUnsupported(err))
            return -2;
        virReportSystemError(err, "Unable to set XATTR %s on %s", xname, path);
        return -1;
    }
    return 0;
}


/* Missing is fine. */
static int
virSecurityXattrRemove(const char *path, const char *xname)
{
    if (removexattr(path, xname) < 0 && errno != ENODATA) {
        int err = errno;
        if (virSecurityErrnoUnsupported(err))
            return -2;
        virReportSystemError(err, "Unable to remove XATTR %s on %s",
                             xname, path);
        return -1;
    }
    return 0;
}


/* 1 found (*value set), 0 missing, -2 unsupported, -1 error reported. */
static int
virSecurityXattrRead(const char *path, const char *xname, char **value)
{
    if (virSecurityXattrGet(path, xname, value) == 0)
        return 1;
    if (errno == ENODATA)
        return 0;
    if (virSecurityErrnoUnsupported(errno))
        return -2;
    virReportSystemError(errno, "Unable to get XATTR %s on %s", xname, path);
    return -1;
}


/* ---- remembered labels ---- */

typedef struct {
    char *label;
    char *ref;
    char *timestamp;
} virSecurityXattrNames;


static void
virSecurityXattrNamesInit(virSecurityXattrNames *n, const char *ns,
                          const char *name)
{
    n->label = virSecurityXATTRName(ns, XATTR_PREFIX_LABEL, name);
    n->ref = virSecurityXATTRName(ns, XATTR_PREFIX_REF, name);
    n->timestamp = virSecurityXATTRName(ns, XATTR_PREFIX_TIMESTAMP, name);
}


static void
virSecurityXattrNamesClear(virSecurityXattrNames *n)
{
    g_free(n->label);
    g_free(n->ref);
    g_free(n->timestamp);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(virSecurityXattrNames,
                                 virSecurityXattrNamesClear)


/* A refcount is "1".."INT_MAX"; anything else counts as damaged. */
static int
virSecurityParseRefcount(const char *str)
{
    guint64 v;

    if (!g_ascii_string_to_unsigned(str, 10, 1, G_MAXINT, &v, NULL))
        return -1;
    return v;
}


/* 1 if the stored timestamp is this boot's, 0 if missing or another
 * boot's, -2 unsupported, -1 error.  One second of slack absorbs rounding
 * in how each process derives the boot time; a reboot is never that fast. */
static int
virSecurityTimestampValid(const char *path, const virSecurityXattrNames *n)
{
    unsigned long long boot = virSecurityHostBootTime();
    g_autofree char *stored = NULL;
    guint64 t;
    int rc;

    if ((rc = virSecurityXattrRead(path, n->timestamp, &stored)) <= 0)
        return rc;
    if (boot == 0)
        return 1;           /* cannot tell: trust it */
    if (!g_ascii_string_to_unsigned(stored, 10, 0, G_MAXUINT64, &t, NULL))
        return 0;
    return t + 1 >= boot && t <= boot + 1;
}


/* Remove the three xattrs, keeping the first error. */
static int
virSecurityXattrWipe(const char *path, const virSecurityXattrNames *n)
{
    int rc = 0;
    int r;

    if ((r = virSecurityXattrRemove(path, n->ref)) < 0 && rc == 0)
        rc = r;
    if ((r = virSecurityXattrRemove(path, n->label)) < 0 && rc == 0)
        rc = r;
    if ((r = virSecurityXattrRemove(path, n->timestamp)) < 0 && rc == 0)
        rc = r;
    return rc;
}


/* Read ref_NAME, resetting stale or damaged state.  Returns the count
 * (0 if none), -2 unsupported, -1 error. */
static int
virSecurityReadRefcount(const char *path, const char *name,
                        const virSecurityXattrNames *n)
{
    g_autofree char *str = NULL;
    int count;
    int rc;

    if ((rc = virSecurityXattrRead(path, n->ref, &str)) <= 0)
        return rc;

    count = virSecurityParseRefcount(str);
    if (count > 0) {
        if ((rc = virSecurityTimestampValid(path, n)) < 0)
            return rc;
        if (rc == 1)
            return count;
        VIR_WARN("Invalid XATTR timestamp detected on %s secdriver=%s: "
                 "resetting the remembered %s label (the original owner "
                 "is lost)", path, name, name);
    } else {
        VIR_WARN("Invalid XATTR refcount '%s' on %s secdriver=%s: resetting "
                 "the remembered %s label", str, path, name, name);
    }
    if ((rc = virSecurityXattrWipe(path, n)) < 0)
        return rc;
    return 0;
}


int
virSecuritySetRememberedLabel(const char *ns, const char *name,
                              const char *path, const char *label)
{
    g_auto(virSecurityXattrNames) n = { 0 };
    g_autofree char *refstr = NULL;
    int count;
    int rc;

    virSecurityXattrNamesInit(&n, ns, name);
    if ((count = virSecurityReadRefcount(path, name, &n)) < 0)
        return count;

    count++;
    if (count == 1) {
        unsigned long long boot = virSecurityHostBootTime();

        if ((rc = virSecurityXattrSet(path, n.label, label)) < 0)
            return rc;
        if (boot > 0) {
            g_autofree char *stamp = g_strdup_printf("%llu", boot);
            if ((rc = virSecurityXattrSet(path, n.timestamp, stamp)) < 0)
                return rc;
        }
    }
    /* The count goes last: a crash before it leaves nothing counted. */
    refstr = g_strdup_printf("%d", count);
    if ((rc = virSecurityXattrSet(path, n.ref, refstr)) < 0)
        return rc;
    return count;
}


int
virSecurityGetRememberedLabel(const char *ns, const char *name,
                              const char *path, char **label)
{
    g_auto(virSecurityXattrNames) n = { 0 };
    g_autofree char *value = NULL;
    int count;
    int rc;

    *label = NULL;
    virSecurityXattrNamesInit(&n, ns, name);
    if ((count = virSecurityReadRefcount(path, name, &n)) < 0)
        return count;
    if (count == 0)
        return -2;

    count--;
    if (count > 0) {
        g_autofree char *refstr = g_strdup_printf("%d", count);
        return virSecurityXattrSet(path, n.ref, refstr);
    }

    if ((rc = virSecurityXattrRemove(path, n.ref)) < 0)
        return rc;
    if ((rc = virSecurityXattrRead(path, n.label, &value)) < 0)
        return rc;
    if ((rc = virSecurityXattrRemove(path, n.label)) < 0 ||
        (rc = virSecurityXattrRemove(path, n.timestamp)) < 0)
        return rc;
    if (!value)
        return -2;          /* counted but no label: use the default */
    *label = g_steal_pointer(&value);
    return 0;
}


int
virSecurityMoveRememberedLabel(const char *ns, const char *name,
                               const char *src, const char *dst)
{
    g_auto(virSecurityXattrNames) n = { 0 };
    const char *names[3];
    size_t i;
    int rc;

    virSecurityXattrNamesInit(&n, ns, name);
    /* The count last on the destination, first off the source. */
    names[0] = n.label;
    names[1] = n.timestamp;
    names[2] = n.ref;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *value = NULL;

        if ((rc = virSecurityXattrRead(src, names[i], &value)) < 0)
            return rc;
        if (rc == 0)
            continue;
        if (dst && (rc = virSecurityXattrSet(dst, names[i], value)) < 0)
            return rc;
    }
    if ((rc = virSecurityXattrRemove(src, n.ref)) < 0 ||
        (rc = virSecurityXattrRemove(src, n.label)) < 0 ||
        (rc = virSecurityXattrRemove(src, n.timestamp)) < 0)
        return rc;
    return 0;
}


int
virSecurityPeekRememberedLabel(const char *ns, const char *name,
                               const char *path, char **label,
                               char **refcount, char **timestamp)
{
    g_auto(virSecurityXattrNames) n = { 0 };
    g_autofree char *l = NULL;
    g_autofree char *r = NULL;
    g_autofree char *t = NULL;
    int rc;
    int found = 0;

    virSecurityXattrNamesInit(&n, ns, name);
    if ((rc = virSecurityXattrRead(path, n.label, &l)) < 0)
        return rc;
    found |= rc;
    if ((rc = virSecurityXattrRead(path, n.ref, &r)) < 0)
        return rc;
    found |= rc;
    if ((rc = virSecurityXattrRead(path, n.timestamp, &t)) < 0)
        return rc;
    found |= rc;

    if (label)
        *label = g_steal_pointer(&l);
    if (refcount)
        *refcount = g_steal_pointer(&r);
    if (timestamp)
        *timestamp = g_steal_pointer(&t);
    return found;
}


/* ---- DAC labels ---- */

char *
virSecurityDACFormatLabel(uid_t uid, gid_t gid)
{
    return g_strdup_printf("+%u:+%u", (unsigned int)uid, (unsigned int)gid);
}


static bool
virSecurityParseId(const char *str, unsigned int *id)
{
    guint64 v;

    if (*str == '+')
        str++;
    /* (uid_t)-1 means "unchanged" to chown: never a valid owner. */
    if (!g_ascii_string_to_unsigned(str, 10, 0, G_MAXUINT32 - 1, &v, NULL))
        return false;
    *id = v;
    return true;
}


int
virSecurityDACParseLabel(const char *label, uid_t *uid, gid_t *gid)
{
    g_autofree char *owner = NULL;
    const char *colon;
    unsigned int u;
    unsigned int g;

    if (!label || !(colon = strchr(label, ':')))
        goto bad;
    owner = g_strndup(label, colon - label);
    if (!virSecurityParseId(owner, &u) || !virSecurityParseId(colon + 1, &g))
        goto bad;
    *uid = u;
    *gid = g;
    return 0;

 bad:
    virReportError(VIR_ERR_INVALID_ARG, "Failed to parse DAC label '%s'",
                   label ? label : "(null)");
    return -1;
}
