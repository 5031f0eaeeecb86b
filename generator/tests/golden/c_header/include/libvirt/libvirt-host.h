/* Generated from api/virt-api.xml by generator/targets/c_header.py. DO NOT EDIT. */
/* libvirt/libvirt-host.h: part of virtkit's public API. */
#if !defined __VIR_LIBVIRT_H_INCLUDES__ && !defined __VIR_ADMIN_H_INCLUDES__
# error "include <libvirt/libvirt.h> rather than this file"
#endif

#ifndef VIRTKIT_LIBVIRT_HOST_H
# define VIRTKIT_LIBVIRT_HOST_H

# include <sys/types.h>
# include <stddef.h>

# ifdef __cplusplus
extern "C" {
# endif
# define VIR_UUID_BUFLEN (16)

typedef struct _virConnect virConnect;

typedef virConnect *virConnectPtr;

typedef void (*virConnectCloseFunc)(virConnectPtr conn, int reason, void *opaque);

virConnectPtr virConnectOpen(const char *name);
int virConnectClose(virConnectPtr conn);
const char *virConnectGetType(virConnectPtr conn);
int virConnectRegisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb, void *opaque, virFreeCallback freecb);

# ifdef __cplusplus
}
# endif

#endif /* VIRTKIT_LIBVIRT_HOST_H */
