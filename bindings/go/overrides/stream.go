// SPDX-License-Identifier: LGPL-2.1-or-later
// Stream data: Send and Recv move a []byte (virStreamSend, virStreamRecv).

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

import "unsafe"

// Send writes p to the stream; it answers how much was sent, or -2 if a
// non-blocking stream would block.
func (v *Stream) Send(p []byte) (int, error) {
	var data *C.char
	if len(p) > 0 {
		data = (*C.char)(unsafe.Pointer(&p[0]))
	}
	var err C.virError
	ret := C.vkgoStreamSend(v.ptr, data, C.size_t(len(p)), &err)
	if ret == -1 {
		return 0, makeError(&err)
	}
	return int(ret), nil
}

// Recv reads into p; 0 means the end of the stream, -2 that a
// non-blocking stream has nothing yet.
func (v *Stream) Recv(p []byte) (int, error) {
	var data *C.char
	if len(p) > 0 {
		data = (*C.char)(unsafe.Pointer(&p[0]))
	}
	var err C.virError
	ret := C.vkgoStreamRecv(v.ptr, data, C.size_t(len(p)), &err)
	if ret == -1 {
		return 0, makeError(&err)
	}
	return int(ret), nil
}

// StreamSinkFunc takes received data; it answers how much it used.
type StreamSinkFunc func(*Stream, []byte) (int, error)

// StreamSourceFunc gives at most nbytes of data to send; empty ends it.
type StreamSourceFunc func(*Stream, int) ([]byte, error)

// RecvAll receives until the end of the stream, giving each piece to
// handler (what virStreamRecvAll does, as a Go loop over Recv so the
// handler is plain Go).  On an error the stream is aborted.
func (v *Stream) RecvAll(handler StreamSinkFunc) error {
	buf := make([]byte, 64*1024)
	for {
		n, err := v.Recv(buf)
		if err != nil {
			v.Abort()
			return err
		}
		if n == 0 {
			return nil
		}
		for off := 0; off < n; {
			used, err := handler(v, buf[off:n])
			if err != nil {
				v.Abort()
				return err
			}
			if used <= 0 {
				break
			}
			off += used
		}
	}
}

// SendAll sends what handler gives until it gives nothing (what
// virStreamSendAll does, as a Go loop over Send).  On an error the stream
// is aborted.
func (v *Stream) SendAll(handler StreamSourceFunc) error {
	for {
		data, err := handler(v, 64*1024)
		if err != nil {
			v.Abort()
			return err
		}
		if len(data) == 0 {
			return nil
		}
		for len(data) > 0 {
			n, err := v.Send(data)
			if err != nil {
				v.Abort()
				return err
			}
			data = data[n:]
		}
	}
}
