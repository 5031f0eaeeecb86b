/* Generated from api/virt-api.xml by generator/targets/c_tests.py. DO NOT EDIT. */
/* gen/entry-checks.c: the generated argument validation of every entry
 * point, checked through the public API on test:///default. */
#include <config.h>

#include <string.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "tap.h"

static char scratch[65536];

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

int
main(void)
{
    virConnectPtr h_Connect, ro_Connect;
    virDomainPtr h_Domain, ro_Domain;

    /* Counts read through pointers (*nparams ...) must look positive. */
    memset(scratch, 1, sizeof(scratch));
    virSetErrorFunc(NULL, quiet);
    h_Connect = virConnectOpen("test:///default");
    ro_Connect = virConnectOpenReadOnly("test:///default");
    if (!h_Connect || !ro_Connect) {
        printf("Bail out! cannot open test:///default: %s\n",
               virGetLastErrorMessage());
        return 1;
    }
    h_Domain = virDomainLookupByName(h_Connect, "test");
    ro_Domain = virDomainLookupByName(ro_Connect, "test");
    h_Network = virNetworkLookupByName(h_Connect, "default");
    ro_Network = virNetworkLookupByName(ro_Connect, "default");
    h_StoragePool = virStoragePoolLookupByName(h_Connect, "default-pool");
    ro_StoragePool = virStoragePoolLookupByName(ro_Connect, "default-pool");
    h_Interface = virInterfaceLookupByName(h_Connect, "eth1");
    ro_Interface = virInterfaceLookupByName(ro_Connect, "eth1");
    h_NodeDevice = virNodeDeviceLookupByName(h_Connect, "computer");
    ro_NodeDevice = virNodeDeviceLookupByName(ro_Connect, "computer");
    ok(h_Domain && ro_Domain && h_Network && ro_Network && h_StoragePool &&
       ro_StoragePool && h_Interface && ro_Interface && h_NodeDevice &&
       ro_NodeDevice, "default objects of test:///default found");

    /* virConnectGetType */
    {
        const char * r = virConnectGetType(NULL);
        ok(r == NULL && virGetLastErrorCode() == VIR_ERR_INVALID_CONN,
           "virConnectGetType: NULL handle is refused");
    }

    /* virConnectRegisterCloseCallback */
    {
        int r = virConnectRegisterCloseCallback(NULL, 0, 0, 0);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_CONN,
           "virConnectRegisterCloseCallback: NULL handle is refused");
    }

    /* virDomainLookupByName */
    {
        virDomainPtr r = virDomainLookupByName(NULL, 0);
        ok(r == NULL && virGetLastErrorCode() == VIR_ERR_INVALID_CONN,
           "virDomainLookupByName: NULL handle is refused");
    }

    /* virDomainRestore */
    {
        int r = virDomainRestore(NULL, 0);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_CONN,
           "virDomainRestore: NULL handle is refused");
        {
            virResetLastError();
            virDomainRestore(ro_Connect, 0);
            is_int(virGetLastErrorCode(), VIR_ERR_OPERATION_DENIED,
                   "virDomainRestore: refused on a read-only connection");
        }
    }

    /* virDomainDestroyFlags */
    {
        int r = virDomainDestroyFlags(NULL, 0);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainDestroyFlags: NULL handle is refused");
        {
            virResetLastError();
            virDomainDestroyFlags(ro_Domain, 0);
            is_int(virGetLastErrorCode(), VIR_ERR_OPERATION_DENIED,
                   "virDomainDestroyFlags: refused on a read-only connection");
        }
        {
            virResetLastError();
            virDomainDestroyFlags(h_Domain, 0x80000000U);
            ok(virGetLastErrorCode() == VIR_ERR_INVALID_ARG &&
               strstr(virGetLastErrorMessage(), "unsupported flags"),
               "virDomainDestroyFlags: unknown flag 0x80000000 is refused");
        }
    }

    /* virDomainGetXMLDesc */
    {
        char * r = virDomainGetXMLDesc(NULL, 0);
        ok(r == NULL && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainGetXMLDesc: NULL handle is refused");
        {
            virResetLastError();
            virDomainGetXMLDesc(h_Domain, 0x40000000U);
            ok(virGetLastErrorCode() == VIR_ERR_INVALID_ARG &&
               strstr(virGetLastErrorMessage(), "unsupported flags"),
               "virDomainGetXMLDesc: unknown flag 0x40000000 is refused");
        }
    }

    /* virDomainGetState */
    {
        int r = virDomainGetState(NULL, 0, 0, 0);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainGetState: NULL handle is refused");
        {
            virResetLastError();
            virDomainGetState(h_Domain, (int *)(void *)scratch, (int *)(void *)scratch, 0x80000000U);
            ok(virGetLastErrorCode() == VIR_ERR_INVALID_ARG &&
               strstr(virGetLastErrorMessage(), "unsupported flags"),
               "virDomainGetState: unknown flag 0x80000000 is refused");
        }
    }

    /* virDomainSetSchedulerParametersFlags */
    {
        int r = virDomainSetSchedulerParametersFlags(NULL, 0, 0, 0);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainSetSchedulerParametersFlags: NULL handle is refused");
        {
            virResetLastError();
            virDomainSetSchedulerParametersFlags(ro_Domain, 0, 0, 0);
            is_int(virGetLastErrorCode(), VIR_ERR_OPERATION_DENIED,
                   "virDomainSetSchedulerParametersFlags: refused on a read-only connection");
        }
        {
            virResetLastError();
            virDomainSetSchedulerParametersFlags(h_Domain, (virTypedParameterPtr)(void *)scratch, 0, 0x80000000U);
            ok(virGetLastErrorCode() == VIR_ERR_INVALID_ARG &&
               strstr(virGetLastErrorMessage(), "unsupported flags"),
               "virDomainSetSchedulerParametersFlags: unknown flag 0x80000000 is refused");
        }
    }

    /* virDomainSetMetadata */
    {
        int r = virDomainSetMetadata(NULL, 0, 0);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainSetMetadata: NULL handle is refused");
        {
            virResetLastError();
            virDomainSetMetadata(ro_Domain, 0, 0);
            is_int(virGetLastErrorCode(), VIR_ERR_OPERATION_DENIED,
                   "virDomainSetMetadata: refused on a read-only connection");
        }
    }

    /* virDomainRef */
    {
        int r = virDomainRef(NULL);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainRef: NULL handle is refused");
    }

    /* virDomainFree */
    {
        int r = virDomainFree(NULL);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainFree: NULL handle is refused");
    }

    /* virDomainGetName */
    {
        const char * r = virDomainGetName(NULL);
        ok(r == NULL && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainGetName: NULL handle is refused");
    }

    /* virDomainGetID */
    {
        unsigned int r = virDomainGetID(NULL);
        ok(r == (unsigned int)-1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainGetID: NULL handle is refused");
    }

    /* virDomainGetUUID */
    {
        int r = virDomainGetUUID(NULL, 0);
        ok(r == -1 && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainGetUUID: NULL handle is refused");
    }

    /* virDomainGetConnect */
    {
        virConnectPtr r = virDomainGetConnect(NULL);
        ok(r == NULL && virGetLastErrorCode() == VIR_ERR_INVALID_DOMAIN,
           "virDomainGetConnect: NULL handle is refused");
    }

    virDomainFree(h_Domain);
    virDomainFree(ro_Domain);
    virConnectClose(h_Connect);
    virConnectClose(ro_Connect);
    return tap_done();
}
