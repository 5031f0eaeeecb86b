/* libvirt-manual.c: small public functions the generator does not make:
 * frees of library-allocated structs, parent accessors, and the one
 * dispatching call whose connection comes from an array.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdlib.h>

#include "datatypes.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* The name virDomainCreateXML had before 0.0.5, kept for old programs
 * (Sys::Virt's tests still call it). */
virDomainPtr
virDomainCreateLinux(virConnectPtr conn, const char *xmlDesc,
                     unsigned int flags)
{
    return virDomainCreateXML(conn, xmlDesc, flags);
}

virDomainPtr
virDomainSnapshotGetDomain(virDomainSnapshotPtr snapshot)
{
    virResetLastError();
    if (!virObjectIsDomainSnapshot(snapshot)) {
        virReportErrorFull(VIR_FROM_DOMAIN_SNAPSHOT,
                           VIR_ERR_INVALID_DOMAIN_SNAPSHOT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    return snapshot->domain;
}

virDomainPtr
virDomainCheckpointGetDomain(virDomainCheckpointPtr checkpoint)
{
    virResetLastError();
    if (!virObjectIsDomainCheckpoint(checkpoint)) {
        virReportErrorFull(VIR_FROM_DOMAIN_CHECKPOINT,
                           VIR_ERR_INVALID_DOMAIN_CHECKPOINT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    return checkpoint->domain;
}

/* Structs handed to the caller are allocated with malloc-compatible
 * allocators (glib's g_malloc is malloc here), so free() releases them. */

void
virDomainStatsRecordListFree(virDomainStatsRecordPtr *stats)
{
    virDomainStatsRecordPtr *next;

    if (!stats)
        return;
    for (next = stats; *next; next++) {
        virTypedParamsFree((*next)->params, (*next)->nparams);
        virObjectUnref((*next)->dom);
        free(*next);
    }
    free(stats);
}

void
virDomainFSInfoFree(virDomainFSInfoPtr info)
{
    size_t i;

    if (!info)
        return;
    free(info->mountpoint);
    free(info->name);
    free(info->fstype);
    for (i = 0; i < info->ndevAlias; i++)
        free(info->devAlias[i]);
    free(info->devAlias);
    free(info);
}

void
virDomainIOThreadInfoFree(virDomainIOThreadInfoPtr info)
{
    if (!info)
        return;
    free(info->cpumap);
    free(info);
}

void
virDomainInterfaceFree(virDomainInterfacePtr iface)
{
    size_t i;

    if (!iface)
        return;
    free(iface->name);
    free(iface->hwaddr);
    for (i = 0; i < iface->naddrs; i++)
        free(iface->addrs[i].addr);
    free(iface->addrs);
    free(iface);
}

void
virNetworkDHCPLeaseFree(virNetworkDHCPLeasePtr lease)
{
    if (!lease)
        return;
    free(lease->iface);
    free(lease->mac);
    free(lease->iaid);
    free(lease->ipaddr);
    free(lease->hostname);
    free(lease->clientid);
    free(lease);
}

int
virDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                      virDomainStatsRecordPtr **retStats, unsigned int flags)
{
    virConnectPtr conn = NULL;
    virDomainPtr *d;
    int ret;

    virResetLastError();
    if (!doms || !*doms) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "doms in %s must not be NULL or empty", __func__);
        goto error;
    }
    if (!retStats) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "retStats in %s must not be NULL", __func__);
        goto error;
    }
    for (d = doms; *d; d++) {
        if (!virObjectIsDomain(*d)) {
            virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN, __FILE__,
                               __func__, __LINE__, "%s", __func__);
            goto error;
        }
    }
    conn = doms[0]->conn;
    for (d = doms; *d; d++) {
        if ((*d)->conn != conn) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "domains from multiple connections are not "
                           "supported");
            goto error;
        }
    }
    if (!conn->driver->hypervisorDriver->domainListGetStats) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s", __func__);
        goto error;
    }
    ret = conn->driver->hypervisorDriver->domainListGetStats(doms, stats,
                                                             retStats, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}
