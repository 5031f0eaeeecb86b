/* remote_handles.c: handles <-> their wire form; see remote_handles.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <string.h>

#include "remote/remote_handles.h"
#include "util/virobject.h"

/* The ToWire variants borrow, the ToWireCopy ones duplicate: one body
 * serves both through `dup`. */
static char *
borrow(const char *s)
{
    return (char *)s;
}

static char *
copy(const char *s)
{
    return g_strdup(s);
}

typedef char *(*dupFunc)(const char *s);


static void
domainFill(remote_nonnull_domain *out, virDomainPtr in, dupFunc dup)
{
    out->name = dup(in->name);
    memcpy(out->uuid, in->uuid, VIR_UUID_BUFLEN);
    out->id = in->id;
}

void
remoteDomainToWire(remote_nonnull_domain *out, virDomainPtr in)
{
    domainFill(out, in, borrow);
}

void
remoteDomainToWireCopy(remote_nonnull_domain *out, virDomainPtr in)
{
    domainFill(out, in, copy);
}

virDomainPtr
remoteDomainFromWire(virConnectPtr conn, const remote_nonnull_domain *in)
{
    return virGetDomain(conn, in->name, (const unsigned char *)in->uuid,
                        in->id);
}


static void
networkFill(remote_nonnull_network *out, virNetworkPtr in, dupFunc dup)
{
    out->name = dup(in->name);
    memcpy(out->uuid, in->uuid, VIR_UUID_BUFLEN);
}

void
remoteNetworkToWire(remote_nonnull_network *out, virNetworkPtr in)
{
    networkFill(out, in, borrow);
}

void
remoteNetworkToWireCopy(remote_nonnull_network *out, virNetworkPtr in)
{
    networkFill(out, in, copy);
}

virNetworkPtr
remoteNetworkFromWire(virConnectPtr conn, const remote_nonnull_network *in)
{
    return virGetNetwork(conn, in->name, (const unsigned char *)in->uuid);
}


void
remoteNetworkPortToWire(remote_nonnull_network_port *out,
                        virNetworkPortPtr in)
{
    remoteNetworkToWire(&out->net, in->net);
    memcpy(out->uuid, in->uuid, VIR_UUID_BUFLEN);
}

void
remoteNetworkPortToWireCopy(remote_nonnull_network_port *out,
                            virNetworkPortPtr in)
{
    remoteNetworkToWireCopy(&out->net, in->net);
    memcpy(out->uuid, in->uuid, VIR_UUID_BUFLEN);
}

virNetworkPortPtr
remoteNetworkPortFromWire(virConnectPtr conn,
                          const remote_nonnull_network_port *in)
{
    virNetworkPtr net = remoteNetworkFromWire(conn, &in->net);
    virNetworkPortPtr port;

    if (!net)
        return NULL;
    port = virGetNetworkPort(net, (const unsigned char *)in->uuid);
    virObjectUnref(net);
    return port;
}


static void
interfaceFill(remote_nonnull_interface *out, virInterfacePtr in, dupFunc dup)
{
    out->name = dup(in->name);
    out->mac = dup(in->mac ? in->mac : "");
}

void
remoteInterfaceToWire(remote_nonnull_interface *out, virInterfacePtr in)
{
    interfaceFill(out, in, borrow);
}

void
remoteInterfaceToWireCopy(remote_nonnull_interface *out, virInterfacePtr in)
{
    interfaceFill(out, in, copy);
}

virInterfacePtr
remoteInterfaceFromWire(virConnectPtr conn,
                        const remote_nonnull_interface *in)
{
    return virGetInterface(conn, in->name, in->mac);
}


static void
poolFill(remote_nonnull_storage_pool *out, virStoragePoolPtr in, dupFunc dup)
{
    out->name = dup(in->name);
    memcpy(out->uuid, in->uuid, VIR_UUID_BUFLEN);
}

void
remoteStoragePoolToWire(remote_nonnull_storage_pool *out,
                        virStoragePoolPtr in)
{
    poolFill(out, in, borrow);
}

void
remoteStoragePoolToWireCopy(remote_nonnull_storage_pool *out,
                            virStoragePoolPtr in)
{
    poolFill(out, in, copy);
}

virStoragePoolPtr
remoteStoragePoolFromWire(virConnectPtr conn,
                          const remote_nonnull_storage_pool *in)
{
    return virGetStoragePool(conn, in->name, (const unsigned char *)in->uuid,
                             NULL, NULL);
}


static void
volFill(remote_nonnull_storage_vol *out, virStorageVolPtr in, dupFunc dup)
{
    out->pool = dup(in->pool);
    out->name = dup(in->name);
    out->key = dup(in->key);
}

void
remoteStorageVolToWire(remote_nonnull_storage_vol *out, virStorageVolPtr in)
{
    volFill(out, in, borrow);
}

void
remoteStorageVolToWireCopy(remote_nonnull_storage_vol *out,
                           virStorageVolPtr in)
{
    volFill(out, in, copy);
}

virStorageVolPtr
remoteStorageVolFromWire(virConnectPtr conn,
                         const remote_nonnull_storage_vol *in)
{
    return virGetStorageVol(conn, in->pool, in->name, in->key, NULL, NULL);
}


static void
nodeDeviceFill(remote_nonnull_node_device *out, virNodeDevicePtr in,
               dupFunc dup)
{
    out->name = dup(in->name);
}

void
remoteNodeDeviceToWire(remote_nonnull_node_device *out, virNodeDevicePtr in)
{
    nodeDeviceFill(out, in, borrow);
}

void
remoteNodeDeviceToWireCopy(remote_nonnull_node_device *out,
                           virNodeDevicePtr in)
{
    nodeDeviceFill(out, in, copy);
}

virNodeDevicePtr
remoteNodeDeviceFromWire(virConnectPtr conn,
                         const remote_nonnull_node_device *in)
{
    return virGetNodeDevice(conn, in->name);
}


static void
secretFill(remote_nonnull_secret *out, virSecretPtr in, dupFunc dup)
{
    memcpy(out->uuid, in->uuid, VIR_UUID_BUFLEN);
    out->usageType = in->usageType;
    out->usageID = dup(in->usageID ? in->usageID : "");
}

void
remoteSecretToWire(remote_nonnull_secret *out, virSecretPtr in)
{
    secretFill(out, in, borrow);
}

void
remoteSecretToWireCopy(remote_nonnull_secret *out, virSecretPtr in)
{
    secretFill(out, in, copy);
}

virSecretPtr
remoteSecretFromWire(virConnectPtr conn, const remote_nonnull_secret *in)
{
    return virGetSecret(conn, (const unsigned char *)in->uuid, in->usageType,
                        in->usageID);
}


static void
nwfilterFill(remote_nonnull_nwfilter *out, virNWFilterPtr in, dupFunc dup)
{
    out->name = dup(in->name);
    memcpy(out->uuid, in->uuid, VIR_UUID_BUFLEN);
}

void
remoteNWFilterToWire(remote_nonnull_nwfilter *out, virNWFilterPtr in)
{
    nwfilterFill(out, in, borrow);
}

void
remoteNWFilterToWireCopy(remote_nonnull_nwfilter *out, virNWFilterPtr in)
{
    nwfilterFill(out, in, copy);
}

virNWFilterPtr
remoteNWFilterFromWire(virConnectPtr conn, const remote_nonnull_nwfilter *in)
{
    return virGetNWFilter(conn, in->name, (const unsigned char *)in->uuid);
}


static void
bindingFill(remote_nonnull_nwfilter_binding *out, virNWFilterBindingPtr in,
            dupFunc dup)
{
    out->portdev = dup(in->portdev);
    out->filtername = dup(in->filtername);
}

void
remoteNWFilterBindingToWire(remote_nonnull_nwfilter_binding *out,
                            virNWFilterBindingPtr in)
{
    bindingFill(out, in, borrow);
}

void
remoteNWFilterBindingToWireCopy(remote_nonnull_nwfilter_binding *out,
                                virNWFilterBindingPtr in)
{
    bindingFill(out, in, copy);
}

virNWFilterBindingPtr
remoteNWFilterBindingFromWire(virConnectPtr conn,
                              const remote_nonnull_nwfilter_binding *in)
{
    return virGetNWFilterBinding(conn, in->portdev, in->filtername);
}


void
remoteDomainSnapshotToWire(remote_nonnull_domain_snapshot *out,
                           virDomainSnapshotPtr in)
{
    out->name = in->name;
    remoteDomainToWire(&out->dom, in->domain);
}

void
remoteDomainSnapshotToWireCopy(remote_nonnull_domain_snapshot *out,
                               virDomainSnapshotPtr in)
{
    out->name = g_strdup(in->name);
    remoteDomainToWireCopy(&out->dom, in->domain);
}

virDomainSnapshotPtr
remoteDomainSnapshotFromWire(virConnectPtr conn,
                             const remote_nonnull_domain_snapshot *in)
{
    virDomainPtr dom = remoteDomainFromWire(conn, &in->dom);
    virDomainSnapshotPtr snap;

    if (!dom)
        return NULL;
    snap = virGetDomainSnapshot(dom, in->name);
    virObjectUnref(dom);
    return snap;
}


void
remoteDomainCheckpointToWire(remote_nonnull_domain_checkpoint *out,
                             virDomainCheckpointPtr in)
{
    out->name = in->name;
    remoteDomainToWire(&out->dom, in->domain);
}

void
remoteDomainCheckpointToWireCopy(remote_nonnull_domain_checkpoint *out,
                                 virDomainCheckpointPtr in)
{
    out->name = g_strdup(in->name);
    remoteDomainToWireCopy(&out->dom, in->domain);
}

virDomainCheckpointPtr
remoteDomainCheckpointFromWire(virConnectPtr conn,
                               const remote_nonnull_domain_checkpoint *in)
{
    virDomainPtr dom = remoteDomainFromWire(conn, &in->dom);
    virDomainCheckpointPtr cp;

    if (!dom)
        return NULL;
    cp = virGetDomainCheckpoint(dom, in->name);
    virObjectUnref(dom);
    return cp;
}
