// SPDX-License-Identifier: LGPL-2.1-or-later
// The Error type: what every failing call returns, a copy of the
// library's virError taken in the same cgo call as the failure.

package libvirt

/*
#cgo LDFLAGS: -lvirt
#include <libvirt/virterror.h>

static void
vkgoIgnoreError(void *userdata, virErrorPtr error)
{
    (void)userdata;
    (void)error;
}

static void
vkgoSilenceErrors(void)
{
    virSetErrorFunc(NULL, vkgoIgnoreError);
}
*/
import "C"

import "fmt"

// Errors are returned, not printed: like libvirt-go, the library's
// default handler (which prints each error on stderr) is replaced by
// one that does nothing (virSetErrorFunc).
func init() {
	C.vkgoSilenceErrors()
}

// Error is a libvirt error: its number, the area it came from, the
// message and how serious it is.
type Error struct {
	Code    ErrorNumber
	Domain  ErrorDomain
	Message string
	Level   ErrorLevel
}

// Error gives the message the way libvirt-go does, with the code and
// area as their C names' numbers.
func (err Error) Error() string {
	return fmt.Sprintf("virError(Code=%d, Domain=%d, Message='%s')",
		err.Code, err.Domain, err.Message)
}

// makeError turns a copied virError into an Error and frees its strings.
func makeError(err *C.virError) Error {
	ret := Error{
		Code:    ErrorNumber(err.code),
		Domain:  ErrorDomain(err.domain),
		Message: C.GoString(err.message),
		Level:   ErrorLevel(err.level),
	}
	C.virResetError(err)
	return ret
}
