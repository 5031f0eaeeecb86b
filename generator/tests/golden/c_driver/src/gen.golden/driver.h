/* Generated from api/virt-api.xml by generator/targets/c_driver.py. DO NOT EDIT. */
/* gen/driver.h: the driver tables.  A driver fills in the members it
 * implements; the generated entry points report VIR_ERR_NO_SUPPORT for the
 * rest. */
#pragma once

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

typedef enum {
    VIR_DRV_OPEN_SUCCESS = 0,   /* the driver took the connection */
    VIR_DRV_OPEN_DECLINED = -2, /* not this driver's URI: try the next */
    VIR_DRV_OPEN_ERROR = -1,    /* this driver's URI, but opening failed */
} virDrvOpenStatus;

/* Opening and closing are not public signatures: they get the parsed URI
 * string and the auth callbacks; they set conn->privateData. */
typedef virDrvOpenStatus (*virDrvConnectOpen)(virConnectPtr conn,
                                              const char *uri,
                                              virConnectAuthPtr auth,
                                              unsigned int flags);
typedef int (*virDrvConnectClose)(virConnectPtr conn);

/* hypervisor driver */
typedef const char * (*virDrvConnectGetType)(virConnectPtr conn);
typedef int (*virDrvConnectRegisterCloseCallback)(virConnectPtr conn, virConnectCloseFunc cb, void *opaque, virFreeCallback freecb);
typedef virDomainPtr (*virDrvDomainLookupByName)(virConnectPtr conn, const char *name);
typedef int (*virDrvDomainRestore)(virConnectPtr conn, const char *from);
typedef int (*virDrvDomainDestroyFlags)(virDomainPtr domain, unsigned int flags);
typedef char * (*virDrvDomainGetXMLDesc)(virDomainPtr domain, unsigned int flags);
typedef int (*virDrvDomainGetState)(virDomainPtr domain, int *state, int *reason, unsigned int flags);
typedef int (*virDrvDomainSetSchedulerParametersFlags)(virDomainPtr domain, virTypedParameterPtr params, int nparams, unsigned int flags);
typedef int (*virDrvDomainSetMetadata)(virDomainPtr domain, const char *metadata, unsigned int flags);

typedef struct _virHypervisorDriver virHypervisorDriver;
struct _virHypervisorDriver {
    const char *name;
    virDrvConnectOpen connectOpen;
    virDrvConnectClose connectClose;
    virDrvConnectGetType connectGetType;
    virDrvConnectRegisterCloseCallback connectRegisterCloseCallback;
    virDrvDomainLookupByName domainLookupByName;
    virDrvDomainRestore domainRestore;
    virDrvDomainDestroyFlags domainDestroyFlags;
    virDrvDomainGetXMLDesc domainGetXMLDesc;
    virDrvDomainGetState domainGetState;
    virDrvDomainSetSchedulerParametersFlags domainSetSchedulerParametersFlags;
    virDrvDomainSetMetadata domainSetMetadata;
};

/* network driver */

typedef struct _virNetworkDriver virNetworkDriver;
struct _virNetworkDriver {
    const char *name;
};

/* storage driver */

typedef struct _virStorageDriver virStorageDriver;
struct _virStorageDriver {
    const char *name;
};

/* interface driver */

typedef struct _virInterfaceDriver virInterfaceDriver;
struct _virInterfaceDriver {
    const char *name;
};

/* nodedev driver */

typedef struct _virNodeDeviceDriver virNodeDeviceDriver;
struct _virNodeDeviceDriver {
    const char *name;
};

/* secret driver */

typedef struct _virSecretDriver virSecretDriver;
struct _virSecretDriver {
    const char *name;
};

/* nwfilter driver */

typedef struct _virNWFilterDriver virNWFilterDriver;
struct _virNWFilterDriver {
    const char *name;
};
