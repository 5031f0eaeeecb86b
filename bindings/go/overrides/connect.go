// SPDX-License-Identifier: LGPL-2.1-or-later
// Opening connections: NewConnect, NewConnectReadOnly and
// NewConnectWithAuth, whose credentials callback is a Go function.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include "vkgo.h"
*/
import "C"

import (
	"sync"
	"unsafe"
)

// Go values C holds on to (callbacks) are named by an integer handle.
var (
	handlesLock sync.Mutex
	handles     = map[int]interface{}{}
	nextHandle  = 1
)

func registerHandle(v interface{}) int {
	handlesLock.Lock()
	defer handlesLock.Unlock()
	h := nextHandle
	nextHandle++
	handles[h] = v
	return h
}

func lookupHandle(h int) interface{} {
	handlesLock.Lock()
	defer handlesLock.Unlock()
	return handles[h]
}

func freeHandle(h int) {
	handlesLock.Lock()
	defer handlesLock.Unlock()
	delete(handles, h)
}

//export vkgoFreeHandle
func vkgoFreeHandle(h C.long) {
	freeHandle(int(h))
}

// ConnectCredential is one credential the driver asks for; the callback
// fills Result.
type ConnectCredential struct {
	Type      ConnectCredentialType
	Prompt    string
	Challenge string
	DefResult string
	Result    string
	ResultLen int
}

// ConnectAuthCallback answers the credentials asked for.
type ConnectAuthCallback func(creds []*ConnectCredential)

// ConnectAuth lists the credential types the callback can answer.
type ConnectAuth struct {
	CredType []ConnectCredentialType
	Callback ConnectAuthCallback
}

func openConnect(uri string, auth *ConnectAuth, flags ConnectFlags) (*Connect, error) {
	var c_uri *C.char
	if uri != "" {
		c_uri = C.CString(uri)
		defer C.free(unsafe.Pointer(c_uri))
	}
	var types []C.int
	handle := 0
	if auth != nil {
		types = make([]C.int, len(auth.CredType)+1)
		for i, t := range auth.CredType {
			types[i] = C.int(t)
		}
		handle = registerHandle(auth.Callback)
		defer freeHandle(handle)
	}
	ntypes := 0
	if auth != nil {
		ntypes = len(auth.CredType)
	}
	var typesPtr *C.int
	if types != nil {
		typesPtr = &types[0]
	}
	var err C.virError
	ptr := C.vkgoConnectOpenAuth(c_uri, typesPtr, C.int(ntypes),
		C.long(handle), C.uint(flags), &err)
	if ptr == nil {
		return nil, makeError(&err)
	}
	return &Connect{ptr: ptr}, nil
}

// NewConnect opens a connection to uri (virConnectOpen).
func NewConnect(uri string) (*Connect, error) {
	return openConnect(uri, nil, 0)
}

// NewConnectReadOnly opens a read-only connection (virConnectOpenReadOnly).
func NewConnectReadOnly(uri string) (*Connect, error) {
	return openConnect(uri, nil, CONNECT_RO)
}

// NewConnectWithAuth opens a connection whose credentials the auth
// callback answers (virConnectOpenAuth).
func NewConnectWithAuth(uri string, auth *ConnectAuth, flags ConnectFlags) (*Connect, error) {
	if auth == nil {
		return openConnect(uri, nil, flags)
	}
	return openConnect(uri, auth, flags)
}

//export vkgoAuthCallback
func vkgoAuthCallback(cred C.virConnectCredentialPtr, ncred C.uint, h C.long) C.int {
	cb, ok := lookupHandle(int(h)).(ConnectAuthCallback)
	if !ok || cb == nil {
		return -1
	}
	items := unsafe.Slice(cred, int(ncred))
	creds := make([]*ConnectCredential, len(items))
	for i := range items {
		creds[i] = &ConnectCredential{
			Type:      ConnectCredentialType(items[i]._type),
			Prompt:    C.GoString(items[i].prompt),
			Challenge: C.GoString(items[i].challenge),
			DefResult: C.GoString(items[i].defresult),
		}
	}
	cb(creds)
	for i := range items {
		if creds[i].ResultLen > 0 || creds[i].Result != "" {
			items[i].result = C.CString(creds[i].Result)
			items[i].resultlen = C.uint(len(creds[i].Result))
		}
	}
	return 0
}

// GetVersion answers the library's version, major * 1,000,000 +
// minor * 1,000 + release (virGetVersion).
func GetVersion() (uint32, error) {
	var v C.ulong
	var err C.virError
	if C.vkgoGetVersion(&v, &err) == -1 {
		return 0, makeError(&err)
	}
	return uint32(v), nil
}
