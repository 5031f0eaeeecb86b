// SPDX-License-Identifier: LGPL-2.1-or-later
// A QEMU monitor command that passes file descriptors both ways
// (libvirt-qemu; libvirt-go-module's signature).

package libvirt

/*
#cgo LDFLAGS: -lvirt-qemu -lvirt
#include <stdlib.h>
#include <libvirt/libvirt.h>
#include <libvirt/libvirt-qemu.h>
#include <libvirt/virterror.h>

static int
vkgoQemuMonitorCommandWithFiles(virDomainPtr dom, const char *cmd,
                                unsigned int nin, int *in,
                                unsigned int *nout, int **out,
                                char **result, unsigned int flags,
                                virErrorPtr err)
{
    int ret = virDomainQemuMonitorCommandWithFiles(dom, cmd, nin, in, nout,
                                                   out, result, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}
*/
import "C"

import (
	"os"
	"unsafe"
)

// QemuMonitorCommandWithFiles sends command with infiles, and answers
// the reply and the files QEMU gave back
// (virDomainQemuMonitorCommandWithFiles).
func (d *Domain) QemuMonitorCommandWithFiles(command string, infiles []os.File, flags DomainQemuMonitorCommandFlags) (string, []*os.File, error) {
	c_cmd := C.CString(command)
	defer C.free(unsafe.Pointer(c_cmd))
	fds := fileFDs(infiles)
	var nout C.uint
	var out *C.int
	var result *C.char
	var err C.virError
	if C.vkgoQemuMonitorCommandWithFiles(d.ptr, c_cmd, C.uint(len(infiles)), &fds[0], &nout, &out, &result, C.uint(flags), &err) == -1 {
		return "", nil, makeError(&err)
	}
	reply := C.GoString(result)
	C.free(unsafe.Pointer(result))
	var files []*os.File
	for _, fd := range unsafe.Slice(out, int(nout)) {
		files = append(files, os.NewFile(uintptr(fd), "qemu"))
	}
	C.free(unsafe.Pointer(out))
	return reply, files, nil
}
