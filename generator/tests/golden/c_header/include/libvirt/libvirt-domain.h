/* Generated from api/virt-api.xml by generator/targets/c_header.py. DO NOT EDIT. */
/* libvirt/libvirt-domain.h: part of virtkit's public API. */
#if !defined __VIR_LIBVIRT_H_INCLUDES__ && !defined __VIR_ADMIN_H_INCLUDES__
# error "include <libvirt/libvirt.h> rather than this file"
#endif

#ifndef VIRTKIT_LIBVIRT_DOMAIN_H
# define VIRTKIT_LIBVIRT_DOMAIN_H

# include <sys/types.h>
# include <stddef.h>

# ifdef __cplusplus
extern "C" {
# endif
# define VIR_DOMAIN_SCHEDULER_WEIGHT "weight"
# define VIR_GET_CPUMAP(cpumaps,maplen,vcpu) (&((cpumaps)[(vcpu) * (maplen)]))

typedef enum {
    VIR_DOMAIN_NOSTATE = 0,
    VIR_DOMAIN_RUNNING = 1,
    VIR_DOMAIN_PAUSED = 3,
    VIR_DOMAIN_PMSUSPENDED = 7,
# ifdef VIR_ENUM_SENTINELS
    VIR_DOMAIN_LAST = 8,
# endif
} virDomainState;

typedef enum {
    VIR_DOMAIN_AFFECT_CURRENT = 0,
    VIR_DOMAIN_AFFECT_LIVE = 1,
    VIR_DOMAIN_AFFECT_CONFIG = 2,
} virDomainModificationImpact;

typedef enum {
    VIR_DOMAIN_XML_SECURE = 1,
    VIR_DOMAIN_XML_INACTIVE = 2,
    VIR_DOMAIN_XML_MIGRATABLE = 8,
    VIR_DOMAIN_XML_HIGH_BIT = 1U << 31,
} virDomainXMLFlags;

typedef enum {
    VIR_DOMAIN_DESTROY_DEFAULT = 0,
    VIR_DOMAIN_DESTROY_GRACEFUL = 1,
    VIR_DOMAIN_DESTROY_CURRENT = 0,
} virDomainDestroyFlagsValues;

# define _virSchedParameter _virTypedParameter

typedef struct _virDomain virDomain;
typedef struct _virSchedParameter virSchedParameter;

typedef virDomain *virDomainPtr;

virDomainPtr virDomainLookupByName(virConnectPtr conn, const char *name);
int virDomainRestore(virConnectPtr conn, const char *from);
int virDomainDestroyFlags(virDomainPtr domain, unsigned int flags);
char *virDomainGetXMLDesc(virDomainPtr domain, unsigned int flags);
int virDomainGetState(virDomainPtr domain, int *state, int *reason, unsigned int flags);
int virDomainSetSchedulerParametersFlags(virDomainPtr domain, virTypedParameterPtr params, int nparams, unsigned int flags);
int virDomainSetMetadata(virDomainPtr domain, const char *metadata, unsigned int flags);
int virDomainRef(virDomainPtr domain);
int virDomainFree(virDomainPtr domain);
const char *virDomainGetName(virDomainPtr domain);
unsigned int virDomainGetID(virDomainPtr domain);
int virDomainGetUUID(virDomainPtr domain, unsigned char *uuid);
virConnectPtr virDomainGetConnect(virDomainPtr dom);

# ifdef __cplusplus
}
# endif

#endif /* VIRTKIT_LIBVIRT_DOMAIN_H */
