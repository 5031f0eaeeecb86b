// SPDX-License-Identifier: LGPL-2.1-or-later
// Domain lifecycle events: Go callbacks called from the library's event
// loop (EventRegisterDefaultImpl / EventRunDefaultImpl are generated).

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

import "unsafe"

// DomainEventLifecycle is a lifecycle event: what happened and why.
type DomainEventLifecycle struct {
	Event  DomainEventType
	Detail int
}

// DomainEventLifecycleCallback is called for each lifecycle event.
type DomainEventLifecycleCallback func(c *Connect, d *Domain, event *DomainEventLifecycle)

// DomainEventLifecycleRegister calls callback for the lifecycle events of
// dom, or of every domain if dom is nil (virConnectDomainEventRegisterAny
// with VIR_DOMAIN_EVENT_ID_LIFECYCLE); it returns the id to deregister.
func (c *Connect) DomainEventLifecycleRegister(dom *Domain, callback DomainEventLifecycleCallback) (int, error) {
	var cdom C.virDomainPtr
	if dom != nil {
		cdom = dom.ptr
	}
	h := registerHandle(callback)
	var err C.virError
	ret := C.vkgoDomainEventLifecycleRegister(c.ptr, cdom, C.long(h), &err)
	if ret == -1 {
		freeHandle(h)
		return 0, makeError(&err)
	}
	return int(ret), nil
}

// DomainEventDeregister removes the callback registered as callbackId
// (virConnectDomainEventDeregisterAny); the library frees its handle.
func (c *Connect) DomainEventDeregister(callbackId int) error {
	var err C.virError
	if C.vkgoDomainEventDeregister(c.ptr, C.int(callbackId), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

//export vkgoDomainEventLifecycle
func vkgoDomainEventLifecycle(c C.virConnectPtr, d C.virDomainPtr, event C.int, detail C.int, h C.long) {
	cb, ok := lookupHandle(int(h)).(DomainEventLifecycleCallback)
	if !ok {
		return
	}
	// The callback gets references of its own, which it may Free.
	C.virConnectRef(c)
	C.virDomainRef(d)
	cb(&Connect{ptr: c}, &Domain{ptr: d},
		&DomainEventLifecycle{Event: DomainEventType(event), Detail: int(detail)})
}

// The lifecycle events of networks, storage pools, node devices and
// secrets share one C callback; each registration keeps a Go function
// that wraps the object in its type.
const (
	eventKindNetwork = iota
	eventKindStoragePool
	eventKindNodeDevice
	eventKindSecret
)

type objectLifecycleFunc func(c *Connect, obj unsafe.Pointer, event int, detail int)

func (c *Connect) objectEventRegister(kind int, obj unsafe.Pointer, f objectLifecycleFunc) (int, error) {
	h := registerHandle(f)
	var err C.virError
	ret := C.vkgoObjectEventRegister(c.ptr, C.int(kind), obj, C.long(h), &err)
	if ret == -1 {
		freeHandle(h)
		return 0, makeError(&err)
	}
	return int(ret), nil
}

func (c *Connect) objectEventDeregister(kind int, id int) error {
	var err C.virError
	if C.vkgoObjectEventDeregister(c.ptr, C.int(kind), C.int(id), &err) == -1 {
		return makeError(&err)
	}
	return nil
}

//export vkgoObjectEventLifecycle
func vkgoObjectEventLifecycle(c C.virConnectPtr, obj unsafe.Pointer, event C.int, detail C.int, h C.long) {
	f, ok := lookupHandle(int(h)).(objectLifecycleFunc)
	if !ok {
		return
	}
	C.virConnectRef(c)
	f(&Connect{ptr: c}, obj, int(event), int(detail))
}

// NetworkEventLifecycle is a network's lifecycle event.
type NetworkEventLifecycle struct {
	Event  NetworkEventLifecycleType
	Detail int
}

// NetworkEventLifecycleCallback is called for each network lifecycle event.
type NetworkEventLifecycleCallback func(c *Connect, n *Network, event *NetworkEventLifecycle)

// NetworkEventLifecycleRegister calls callback for the lifecycle events of
// net, or of every network if net is nil (virConnectNetworkEventRegisterAny).
func (c *Connect) NetworkEventLifecycleRegister(net *Network, callback NetworkEventLifecycleCallback) (int, error) {
	var obj unsafe.Pointer
	if net != nil {
		obj = unsafe.Pointer(net.ptr)
	}
	return c.objectEventRegister(eventKindNetwork, obj, func(cc *Connect, o unsafe.Pointer, ev, detail int) {
		p := C.virNetworkPtr(o)
		C.virNetworkRef(p)
		callback(cc, &Network{ptr: p}, &NetworkEventLifecycle{Event: NetworkEventLifecycleType(ev), Detail: detail})
	})
}

// NetworkEventDeregister removes a network event callback
// (virConnectNetworkEventDeregisterAny).
func (c *Connect) NetworkEventDeregister(callbackId int) error {
	return c.objectEventDeregister(eventKindNetwork, callbackId)
}

// StoragePoolEventLifecycle is a storage pool's lifecycle event.
type StoragePoolEventLifecycle struct {
	Event  StoragePoolEventLifecycleType
	Detail int
}

// StoragePoolEventLifecycleCallback is called for each pool lifecycle event.
type StoragePoolEventLifecycleCallback func(c *Connect, n *StoragePool, event *StoragePoolEventLifecycle)

// StoragePoolEventLifecycleRegister calls callback for the lifecycle events
// of pool, or of every pool if pool is nil
// (virConnectStoragePoolEventRegisterAny).
func (c *Connect) StoragePoolEventLifecycleRegister(pool *StoragePool, callback StoragePoolEventLifecycleCallback) (int, error) {
	var obj unsafe.Pointer
	if pool != nil {
		obj = unsafe.Pointer(pool.ptr)
	}
	return c.objectEventRegister(eventKindStoragePool, obj, func(cc *Connect, o unsafe.Pointer, ev, detail int) {
		p := C.virStoragePoolPtr(o)
		C.virStoragePoolRef(p)
		callback(cc, &StoragePool{ptr: p}, &StoragePoolEventLifecycle{Event: StoragePoolEventLifecycleType(ev), Detail: detail})
	})
}

// StoragePoolEventDeregister removes a pool event callback
// (virConnectStoragePoolEventDeregisterAny).
func (c *Connect) StoragePoolEventDeregister(callbackId int) error {
	return c.objectEventDeregister(eventKindStoragePool, callbackId)
}

// NodeDeviceEventLifecycle is a node device's lifecycle event.
type NodeDeviceEventLifecycle struct {
	Event  NodeDeviceEventLifecycleType
	Detail int
}

// NodeDeviceEventLifecycleCallback is called for each device lifecycle event.
type NodeDeviceEventLifecycleCallback func(c *Connect, n *NodeDevice, event *NodeDeviceEventLifecycle)

// NodeDeviceEventLifecycleRegister calls callback for the lifecycle events
// of device, or of every device if device is nil
// (virConnectNodeDeviceEventRegisterAny).
func (c *Connect) NodeDeviceEventLifecycleRegister(device *NodeDevice, callback NodeDeviceEventLifecycleCallback) (int, error) {
	var obj unsafe.Pointer
	if device != nil {
		obj = unsafe.Pointer(device.ptr)
	}
	return c.objectEventRegister(eventKindNodeDevice, obj, func(cc *Connect, o unsafe.Pointer, ev, detail int) {
		p := C.virNodeDevicePtr(o)
		C.virNodeDeviceRef(p)
		callback(cc, &NodeDevice{ptr: p}, &NodeDeviceEventLifecycle{Event: NodeDeviceEventLifecycleType(ev), Detail: detail})
	})
}

// NodeDeviceEventDeregister removes a device event callback
// (virConnectNodeDeviceEventDeregisterAny).
func (c *Connect) NodeDeviceEventDeregister(callbackId int) error {
	return c.objectEventDeregister(eventKindNodeDevice, callbackId)
}

// SecretEventLifecycle is a secret's lifecycle event.
type SecretEventLifecycle struct {
	Event  SecretEventLifecycleType
	Detail int
}

// SecretEventLifecycleCallback is called for each secret lifecycle event.
type SecretEventLifecycleCallback func(c *Connect, n *Secret, event *SecretEventLifecycle)

// SecretEventLifecycleRegister calls callback for the lifecycle events of
// secret, or of every secret if secret is nil
// (virConnectSecretEventRegisterAny).
func (c *Connect) SecretEventLifecycleRegister(secret *Secret, callback SecretEventLifecycleCallback) (int, error) {
	var obj unsafe.Pointer
	if secret != nil {
		obj = unsafe.Pointer(secret.ptr)
	}
	return c.objectEventRegister(eventKindSecret, obj, func(cc *Connect, o unsafe.Pointer, ev, detail int) {
		p := C.virSecretPtr(o)
		C.virSecretRef(p)
		callback(cc, &Secret{ptr: p}, &SecretEventLifecycle{Event: SecretEventLifecycleType(ev), Detail: detail})
	})
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
	C.virConnectRef(c)
	cb(&Connect{ptr: c}, ConnectCloseReason(reason))
}
