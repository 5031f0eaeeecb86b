// SPDX-License-Identifier: LGPL-2.1-or-later
// libvirt-lxc functions with file descriptors and security labels.

package libvirt

/*
#cgo LDFLAGS: -lvirt-lxc -lvirt
#include <stdlib.h>
#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/libvirt-lxc.h>
#include <libvirt/virterror.h>

static int
vkgoLxcOpenNamespace(virDomainPtr dom, int **fds, unsigned int flags,
                     virErrorPtr err)
{
    int ret = virDomainLxcOpenNamespace(dom, fds, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

static int
vkgoLxcEnterNamespace(virDomainPtr dom, unsigned int n, int *fds,
                      unsigned int *nold, int **old, unsigned int flags,
                      virErrorPtr err)
{
    int ret = virDomainLxcEnterNamespace(dom, n, fds, nold, old, flags);
    if (ret < 0)
        virCopyLastError(err);
    return ret;
}

static int
vkgoLxcEnterSecurityLabel(const char *model, const char *doi,
                          const char *label, int enforcing,
                          virSecurityLabelPtr old, unsigned int flags,
                          virErrorPtr err)
{
    virSecurityModel m;
    virSecurityLabel l;
    int ret;

    memset(&m, 0, sizeof(m));
    memset(&l, 0, sizeof(l));
    strncpy(m.model, model, sizeof(m.model) - 1);
    strncpy(m.doi, doi, sizeof(m.doi) - 1);
    strncpy(l.label, label, sizeof(l.label) - 1);
    l.enforcing = enforcing;
    ret = virDomainLxcEnterSecurityLabel(&m, &l, old, flags);
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

func goFiles(fds *C.int, n int) []os.File {
	out := make([]os.File, n)
	for i, fd := range unsafe.Slice(fds, n) {
		out[i] = *os.NewFile(uintptr(fd), "namespace")
	}
	return out
}

// LxcOpenNamespace opens the container's namespaces (virDomainLxcOpenNamespace).
func (d *Domain) LxcOpenNamespace(flags uint32) ([]os.File, error) {
	var fds *C.int
	var err C.virError
	ret := C.vkgoLxcOpenNamespace(d.ptr, &fds, C.uint(flags), &err)
	if ret == -1 {
		return nil, makeError(&err)
	}
	defer C.free(unsafe.Pointer(fds))
	return goFiles(fds, int(ret)), nil
}

// LxcEnterNamespace moves the calling thread into the namespaces fdlist
// opened; it answers files for the namespaces it left
// (virDomainLxcEnterNamespace).
func (d *Domain) LxcEnterNamespace(fdlist []os.File, flags uint32) ([]os.File, error) {
	fds := fileFDs(fdlist)
	var nold C.uint
	var old *C.int
	var err C.virError
	if C.vkgoLxcEnterNamespace(d.ptr, C.uint(len(fdlist)), &fds[0], &nold, &old, C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	defer C.free(unsafe.Pointer(old))
	return goFiles(old, int(nold)), nil
}

// DomainLxcEnterSecurityLabel gives the calling thread label (in model)
// and answers the label it had (virDomainLxcEnterSecurityLabel).
func DomainLxcEnterSecurityLabel(model *NodeSecurityModel, label *SecurityLabel, flags uint32) (*SecurityLabel, error) {
	c_model := C.CString(model.Model)
	defer C.free(unsafe.Pointer(c_model))
	c_doi := C.CString(model.Doi)
	defer C.free(unsafe.Pointer(c_doi))
	c_label := C.CString(label.Label)
	defer C.free(unsafe.Pointer(c_label))
	var enforcing C.int
	if label.Enforcing {
		enforcing = 1
	}
	var old C.virSecurityLabel
	var err C.virError
	if C.vkgoLxcEnterSecurityLabel(c_model, c_doi, c_label, enforcing, &old, C.uint(flags), &err) == -1 {
		return nil, makeError(&err)
	}
	return goSecurityLabel(&old), nil
}
