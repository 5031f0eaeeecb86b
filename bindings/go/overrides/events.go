// SPDX-License-Identifier: LGPL-2.1-or-later
// Deregistering event callbacks (the Register methods are generated:
// gen/events_gen.go), and the connection's close callback.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

// DomainEventDeregister removes the callback registered as callbackId
// (virConnectDomainEventDeregisterAny); the library frees its handle.
func (c *Connect) DomainEventDeregister(callbackId int) error {
	var err C.virError
	if C.vkgoDomainEventDeregister(c.ptr, C.int(callbackId), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

// The families of object events, for vkgoObjectEventDeregister.
const (
	eventKindNetwork = iota
	eventKindStoragePool
	eventKindNodeDevice
	eventKindSecret
)

func (c *Connect) objectEventDeregister(kind int, id int) error {
	var err C.virError
	if C.vkgoObjectEventDeregister(c.ptr, C.int(kind), C.int(id), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

// NetworkEventDeregister removes a network event callback
// (virConnectNetworkEventDeregisterAny).
func (c *Connect) NetworkEventDeregister(callbackId int) error {
	return c.objectEventDeregister(eventKindNetwork, callbackId)
}

// StoragePoolEventDeregister removes a pool event callback
// (virConnectStoragePoolEventDeregisterAny).
func (c *Connect) StoragePoolEventDeregister(callbackId int) error {
	return c.objectEventDeregister(eventKindStoragePool, callbackId)
}

// NodeDeviceEventDeregister removes a device event callback
// (virConnectNodeDeviceEventDeregisterAny).
func (c *Connect) NodeDeviceEventDeregister(callbackId int) error {
	return c.objectEventDeregister(eventKindNodeDevice, callbackId)
}

// SecretEventDeregister removes a secret event callback
// (virConnectSecretEventDeregisterAny).
func (c *Connect) SecretEventDeregister(callbackId int) error {
	return c.objectEventDeregister(eventKindSecret, callbackId)
}

// CloseCallback is called when the connection closes for another reason
// than Close.
type CloseCallback func(conn *Connect, reason ConnectCloseReason)

// RegisterCloseCallback sets the connection's close callback
// (virConnectRegisterCloseCallback).
func (c *Connect) RegisterCloseCallback(callback CloseCallback) error {
	h := registerHandle(callback)
	var err C.virError
	if C.vkgoRegisterCloseCallback(c.ptr, C.long(h), &err) == -1 {
		freeHandle(h)
		return makeError(&err)
	}
	return nil
}

// UnregisterCloseCallback removes it (virConnectUnregisterCloseCallback).
func (c *Connect) UnregisterCloseCallback() error {
	var err C.virError
	if C.vkgoUnregisterCloseCallback(c.ptr, &err) == -1 {
		return makeError(&err)
	}
	return nil
}

//export vkgoCloseCallback
func vkgoCloseCallback(c C.virConnectPtr, reason C.int, h C.long) {
	cb, ok := lookupHandle(int(h)).(CloseCallback)
	if !ok {
		return
	}
	// borrowed, as in libvirt-go: not to be closed by the callback
	cb(&Connect{ptr: c}, ConnectCloseReason(reason))
}
