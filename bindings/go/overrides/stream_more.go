// SPDX-License-Identifier: LGPL-2.1-or-later
// Streams: RecvFlags, the event callback, and the sparse Send/RecvAll
// loops (virStreamSparseSendAll, virStreamSparseRecvAll: Go loops over
// Send/Recv and SendHole/RecvHole, as SendAll is).

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include "vkgo.h"
*/
import "C"

import "unsafe"

// RecvFlags reads into p (virStreamRecvFlags): 0 means the end of the
// stream, -2 that a non-blocking stream has nothing yet, -3 that a hole
// comes next (with STREAM_RECV_STOP_AT_HOLE).
func (v *Stream) RecvFlags(p []byte, flags StreamRecvFlagsValues) (int, error) {
	var data *C.char
	if len(p) > 0 {
		data = (*C.char)(unsafe.Pointer(&p[0]))
	}
	var err C.virError
	ret := C.vkgoStreamRecvFlags(v.ptr, data, C.size_t(len(p)), C.uint(flags), &err)
	if ret == -1 {
		return 0, makeError(&err)
	}
	return int(ret), nil
}

// StreamEventCallback is called when the stream is ready for events.
type StreamEventCallback func(*Stream, StreamEventType)

// EventAddCallback calls callback on the event loop when the stream is
// ready for events (virStreamEventAddCallback); one callback a stream.
func (v *Stream) EventAddCallback(events StreamEventType, callback StreamEventCallback) error {
	h := registerHandle(callback)
	var err C.virError
	if C.vkgoStreamEventAddCallback(v.ptr, C.int(events), C.long(h), &err) == -1 {
		freeHandle(h)
		return makeError(&err)
	}
	return nil
}

//export vkgoStreamEvent
func vkgoStreamEvent(st C.virStreamPtr, events C.int, h C.long) {
	cb, ok := lookupHandle(int(h)).(StreamEventCallback)
	if !ok {
		return
	}
	// borrowed, as in libvirt-go: not to be freed by the callback
	cb(&Stream{ptr: st}, StreamEventType(events))
}

// StreamSinkHoleFunc is told of a hole of the given length.
type StreamSinkHoleFunc func(*Stream, int64) error

// StreamSourceHoleFunc says whether the source is in data (or a hole) and
// how long that section is.
type StreamSourceHoleFunc func(*Stream) (bool, int64, error)

// StreamSourceSkipFunc moves the source past a hole of the given length.
type StreamSourceSkipFunc func(*Stream, int64) error

// SparseRecvAll receives data (to handler) and holes (to holeHandler)
// until the end of the stream.  On an error the stream is aborted.
func (v *Stream) SparseRecvAll(handler StreamSinkFunc, holeHandler StreamSinkHoleFunc) error {
	buf := make([]byte, 64*1024)
	for {
		n, err := v.RecvFlags(buf, STREAM_RECV_STOP_AT_HOLE)
		if err != nil {
			v.Abort()
			return err
		}
		if n == -3 {
			length, err := v.RecvHole(0)
			if err == nil {
				err = holeHandler(v, length)
			}
			if err != nil {
				v.Abort()
				return err
			}
			continue
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

// SparseSendAll sends the source's data sections (from handler) and
// holes (skipped with skipHandler) until it has no more data.  On an
// error the stream is aborted.
func (v *Stream) SparseSendAll(handler StreamSourceFunc, holeHandler StreamSourceHoleFunc, skipHandler StreamSourceSkipFunc) error {
	const chunk = 64 * 1024
	fail := func(err error) error {
		v.Abort()
		return err
	}
	for {
		inData, length, err := holeHandler(v)
		if err != nil {
			return fail(err)
		}
		if !inData && length > 0 {
			if err := v.SendHole(length, 0); err != nil {
				return fail(err)
			}
			if err := skipHandler(v, length); err != nil {
				return fail(err)
			}
			continue
		}
		want := chunk
		if inData && length > 0 && length < chunk {
			want = int(length)
		}
		data, err := handler(v, want)
		if err != nil {
			return fail(err)
		}
		if len(data) == 0 {
			return nil
		}
		for len(data) > 0 {
			n, err := v.Send(data)
			if err != nil {
				return fail(err)
			}
			data = data[n:]
		}
	}
}
