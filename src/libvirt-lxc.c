/* libvirt-lxc.c: the functions of libvirt-lxc.so that act on the calling
 * process itself rather than through a driver: joining a container's
 * namespaces, its security label and its cgroups.  (virDomainLxcOpenNamespace
 * goes through the driver and is generated into gen/entry-lxc.c.)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1   /* setns() */
#endif
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt-lxc.h>

#include "datatypes.h"
#include "util/virerror.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* The namespaces a process can hand back, in the order libvirt lists them. */
static const char *const lxcNamespaces[] = {
    "ipc", "mnt", "net", "pid", "user", "uts",
};


/* libvirt's wording for a required argument given as NULL. */
#define lxcReportNull(arg) \
    virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_THIS, \
                      VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, __func__, #arg, \
                      NULL, 0, 0, "%s in %s must not be NULL", #arg, __func__)


static int
lxcCheckDomain(virDomainPtr domain, unsigned int flags, const char *func)
{
    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN, __FILE__,
                           func, __LINE__, "%s", func);
        virDispatchError(NULL);
        return -1;
    }
    if (flags) {
        virRaiseErrorFull(__FILE__, func, __LINE__, VIR_FROM_NONE,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, func, "flags",
                          NULL, 0, 0,
                          "unsupported flags (0x%lx) in function %s",
                          (unsigned long)flags, func);
        virDispatchError(domain->conn);
        return -1;
    }
    return 0;
}


/* Open a file descriptor on each namespace the calling process is in; the
 * ones the kernel does not have are skipped. */
static int
lxcOwnNamespaces(int **fds, unsigned int *nfds)
{
    size_t i;

    *fds = g_new0(int, G_N_ELEMENTS(lxcNamespaces));
    *nfds = 0;
    for (i = 0; i < G_N_ELEMENTS(lxcNamespaces); i++) {
        g_autofree char *path = g_strdup_printf("/proc/self/ns/%s",
                                                lxcNamespaces[i]);
        int fd = open(path, O_RDONLY | O_CLOEXEC);

        if (fd < 0) {
            if (errno == ENOENT)
                continue;
            virReportSystemError(errno, "Cannot open %s", path);
            while (*nfds > 0)
                close((*fds)[--(*nfds)]);
            g_clear_pointer(fds, g_free);
            return -1;
        }
        (*fds)[(*nfds)++] = fd;
    }
    return 0;
}


/* Join each namespace in `fds` (negative entries are skipped, as libvirt
 * does).  Named after libvirt's internal function because its name shows in
 * the error (str1) programs may look at. */
static int
virProcessSetNamespaces(size_t nfdlist, const int *fdlist)
{
    size_t i;

    if (nfdlist == 0) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_THIS,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, __func__,
                          "nfdlist", NULL, 0, 0, "%s",
                          "Expected at least one file descriptor");
        return -1;
    }
    for (i = 0; i < nfdlist; i++) {
        if (fdlist[i] < 0)
            continue;
        if (setns(fdlist[i], 0) < 0) {
            virReportSystemError(errno, "%s",
                                 "Unable to join domain namespace");
            return -1;
        }
    }
    return 0;
}


int
virDomainLxcEnterNamespace(virDomainPtr domain, unsigned int nfdlist,
                           int *fdlist, unsigned int *noldfdlist,
                           int **oldfdlist, unsigned int flags)
{
    int *old = NULL;
    unsigned int nold = 0;

    if (lxcCheckDomain(domain, flags, __func__) < 0)
        return -1;
    if (nfdlist > 0 && !fdlist) {
        lxcReportNull(fdlist);
        goto error;
    }
    /* Remember where we are first, so the caller can come back. */
    if (noldfdlist && oldfdlist && lxcOwnNamespaces(&old, &nold) < 0)
        goto error;
    if (virProcessSetNamespaces(nfdlist, fdlist) < 0)
        goto error;
    if (noldfdlist && oldfdlist) {
        *noldfdlist = nold;
        *oldfdlist = old;
    }
    return 0;

 error:
    while (nold > 0)
        close(old[--nold]);
    g_free(old);
    virDispatchError(domain->conn);
    return -1;
}


int
virDomainLxcEnterSecurityLabel(virSecurityModelPtr model,
                               virSecurityLabelPtr label,
                               virSecurityLabelPtr oldlabel,
                               unsigned int flags)
{
    virResetLastError();
    if (flags) {
        virReportInvalidFlags(flags);
        goto error;
    }
    if (!model) {
        lxcReportNull(model);
        goto error;
    }
    if (!label) {
        lxcReportNull(label);
        goto error;
    }
    if (oldlabel)
        memset(oldlabel, 0, sizeof(*oldlabel));

    /* virtkit labels files (DAC) but has no SELinux or AppArmor support, so
     * the only model a process can enter is "none", which changes nothing. */
    if (strcmp(model->model, "none") == 0)
        return 0;
    if (strcmp(model->model, "selinux") == 0 ||
        strcmp(model->model, "apparmor") == 0) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "Support for %s is not enabled", model->model);
        goto error;
    }
    virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                   "Security model %s cannot be entered", model->model);

 error:
    virDispatchError(NULL);
    return -1;
}


int
virDomainLxcEnterCGroup(virDomainPtr domain, unsigned int flags)
{
    if (lxcCheckDomain(domain, flags, __func__) < 0)
        return -1;
    /* The cgroups to join are the ones a driver made for the container.
     * virtkit has no LXC driver and its drivers give domains no cgroups of
     * their own, so there is nothing to move into: like libvirt for a
     * domain without cgroups, this succeeds and changes nothing. */
    VIR_DEBUG("domain '%s' has no cgroups of its own to join", domain->name);
    return 0;
}
