// SPDX-License-Identifier: LGPL-2.1-or-later
// What the generated typed-parameter structs (gen/params_gen.go) read
// from and write to: a list the library gave, as a map by name, and a
// list being made to send.  Also the "0-3,^2" CPU lists as []bool.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <stdlib.h>
#include "vkgo.h"
*/
import "C"

import (
	"strconv"
	"strings"
	"unsafe"
)

// typedValue is one parameter's value, whatever its type: integers in i
// and u both (a struct field reads the one its type wants), strings
// given more than once (migrate_disks) in ss.
type typedValue struct {
	i  int64
	u  uint64
	d  float64
	s  string
	ss []string
}

// typedParamsMap reads n parameters by name (copies: the list may be
// freed after).
func typedParamsMap(params C.virTypedParameterPtr, n C.int) map[string]typedValue {
	m := make(map[string]typedValue, int(n))
	for i := C.int(0); i < n; i++ {
		name := C.GoString(C.vkgoTypedParamField(params, i))
		v := m[name]
		switch C.vkgoTypedParamType(params, i) {
		case C.VIR_TYPED_PARAM_STRING:
			v.s = C.GoString(C.vkgoTypedParamString(params, i))
			v.ss = append(v.ss, v.s)
		case C.VIR_TYPED_PARAM_DOUBLE:
			v.d = float64(C.vkgoTypedParamDouble(params, i))
		default:
			v.u = uint64(C.vkgoTypedParamUInt(params, i))
			v.i = int64(v.u)
		}
		m[name] = v
	}
	return m
}

// typedParamList is a list being made for the library; free it after.
type typedParamList struct {
	p      C.virTypedParameterPtr
	n, max C.int
}

func (l *typedParamList) add(name string, t C.int, i int64, u uint64, d float64, s *string) {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var cs *C.char
	if s != nil {
		cs = C.CString(*s)
		defer C.free(unsafe.Pointer(cs))
	}
	C.vkgoTypedParamAdd(&l.p, &l.n, &l.max, cname, t, C.longlong(i), C.ulonglong(u), C.double(d), cs)
}

func (l *typedParamList) addInt(name string, v int64) {
	l.add(name, C.VIR_TYPED_PARAM_INT, v, 0, 0, nil)
}

func (l *typedParamList) addUInt(name string, v uint64) {
	l.add(name, C.VIR_TYPED_PARAM_UINT, 0, v, 0, nil)
}

func (l *typedParamList) addLLong(name string, v int64) {
	l.add(name, C.VIR_TYPED_PARAM_LLONG, v, 0, 0, nil)
}

func (l *typedParamList) addULLong(name string, v uint64) {
	l.add(name, C.VIR_TYPED_PARAM_ULLONG, 0, v, 0, nil)
}

func (l *typedParamList) addDouble(name string, v float64) {
	l.add(name, C.VIR_TYPED_PARAM_DOUBLE, 0, 0, v, nil)
}

func (l *typedParamList) addBool(name string, v bool) {
	var i int64
	if v {
		i = 1
	}
	l.add(name, C.VIR_TYPED_PARAM_BOOLEAN, i, 0, 0, nil)
}

func (l *typedParamList) addString(name string, v string) {
	l.add(name, C.VIR_TYPED_PARAM_STRING, 0, 0, 0, &v)
}

func (l *typedParamList) addStrings(name string, v []string) {
	for _, s := range v {
		l.addString(name, s)
	}
}

func (l *typedParamList) free() {
	if l.p != nil {
		C.virTypedParamsFree(l.p, l.n)
	}
	l.p, l.n, l.max = nil, 0, 0
}

// parseCPUList turns "0-3,^2,6" into [true true false true false false true].
func parseCPUList(s string) []bool {
	var on []int
	off := map[int]bool{}
	max := -1
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		neg := strings.HasPrefix(part, "^")
		part = strings.TrimPrefix(part, "^")
		lo, hi := part, part
		if i := strings.Index(part, "-"); i > 0 {
			lo, hi = part[:i], part[i+1:]
		}
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || b < a {
			continue
		}
		for c := a; c <= b; c++ {
			if neg {
				off[c] = true
			} else {
				on = append(on, c)
				if c > max {
					max = c
				}
			}
		}
	}
	out := make([]bool, max+1)
	for _, c := range on {
		out[c] = !off[c]
	}
	return out
}

// formatCPUList is parseCPUList's inverse: [true true false true] is "0-1,3".
func formatCPUList(cpus []bool) string {
	var parts []string
	for i := 0; i < len(cpus); i++ {
		if !cpus[i] {
			continue
		}
		j := i
		for j+1 < len(cpus) && cpus[j+1] {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(i))
		} else {
			parts = append(parts, strconv.Itoa(i)+"-"+strconv.Itoa(j))
		}
		i = j
	}
	return strings.Join(parts, ",")
}
