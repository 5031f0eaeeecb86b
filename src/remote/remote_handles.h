/* remote_handles.h: handles <-> their wire form (remote_nonnull_*).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * For each handle kind X:
 *   remoteXToWire(out, in)      fills `out` with pointers borrowed from
 *                               `in` (for call arguments: never freed);
 *   remoteXToWireCopy(out, in)  fills `out` with copies (for replies,
 *                               freed by xdr_free);
 *   remoteXFromWire(conn, in)   a new handle on `conn`, or NULL with an
 *                               error set.
 */
#pragma once

#include "datatypes.h"
#include "gen/remote_protocol.h"

#define REMOTE_HANDLE_DECLARE(Short, Ptr, wire) \
    void remote##Short##ToWire(wire *out, Ptr in); \
    void remote##Short##ToWireCopy(wire *out, Ptr in); \
    Ptr remote##Short##FromWire(virConnectPtr conn, const wire *in);

REMOTE_HANDLE_DECLARE(Domain, virDomainPtr, remote_nonnull_domain)
REMOTE_HANDLE_DECLARE(Network, virNetworkPtr, remote_nonnull_network)
REMOTE_HANDLE_DECLARE(NetworkPort, virNetworkPortPtr,
                      remote_nonnull_network_port)
REMOTE_HANDLE_DECLARE(Interface, virInterfacePtr, remote_nonnull_interface)
REMOTE_HANDLE_DECLARE(StoragePool, virStoragePoolPtr,
                      remote_nonnull_storage_pool)
REMOTE_HANDLE_DECLARE(StorageVol, virStorageVolPtr,
                      remote_nonnull_storage_vol)
REMOTE_HANDLE_DECLARE(NodeDevice, virNodeDevicePtr,
                      remote_nonnull_node_device)
REMOTE_HANDLE_DECLARE(Secret, virSecretPtr, remote_nonnull_secret)
REMOTE_HANDLE_DECLARE(NWFilter, virNWFilterPtr, remote_nonnull_nwfilter)
REMOTE_HANDLE_DECLARE(NWFilterBinding, virNWFilterBindingPtr,
                      remote_nonnull_nwfilter_binding)
REMOTE_HANDLE_DECLARE(DomainSnapshot, virDomainSnapshotPtr,
                      remote_nonnull_domain_snapshot)
REMOTE_HANDLE_DECLARE(DomainCheckpoint, virDomainCheckpointPtr,
                      remote_nonnull_domain_checkpoint)
