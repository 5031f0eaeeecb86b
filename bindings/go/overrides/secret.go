// SPDX-License-Identifier: LGPL-2.1-or-later
// A secret's value as a []byte (virSecretGetValue, virSecretSetValue).

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include <string.h>
#include "vkgo.h"
*/
import "C"

import "unsafe"

// GetValue reads the secret's value.
func (s *Secret) GetValue(flags uint32) ([]byte, error) {
	var size C.size_t
	var err C.virError
	value := C.vkgoSecretGetValue(s.ptr, &size, C.uint(flags), &err)
	if value == nil {
		return nil, makeError(&err)
	}
	// the value is secret: cleared before it is freed
	defer func() {
		C.memset(unsafe.Pointer(value), 0, size)
		C.free(unsafe.Pointer(value))
	}()
	return C.GoBytes(unsafe.Pointer(value), C.int(size)), nil
}

// SetValue sets the secret's value.
func (s *Secret) SetValue(value []byte, flags uint32) error {
	var data *C.uchar
	if len(value) > 0 {
		data = (*C.uchar)(unsafe.Pointer(&value[0]))
	}
	var err C.virError
	if C.vkgoSecretSetValue(s.ptr, data, C.size_t(len(value)), C.uint(flags), &err) == -1 {
		return makeError(&err)
	}
	return nil
}
