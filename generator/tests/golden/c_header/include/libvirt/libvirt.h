/* Generated from api/virt-api.xml by generator/targets/c_header.py. DO NOT EDIT. */
/* libvirt/libvirt.h: virtkit's public C API (libvirt 1.2.0 compatible). */
#ifndef VIRTKIT_LIBVIRT_H
# define VIRTKIT_LIBVIRT_H

# include <sys/types.h>

# define __VIR_LIBVIRT_H_INCLUDES__
# include <libvirt/libvirt-common.h>
# include <libvirt/libvirt-host.h>
# include <libvirt/libvirt-domain.h>
# undef __VIR_LIBVIRT_H_INCLUDES__

#endif /* VIRTKIT_LIBVIRT_H */
