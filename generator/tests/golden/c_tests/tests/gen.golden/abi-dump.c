/* Generated from api/virt-api.xml by generator/targets/c_tests.py. DO NOT EDIT. */
/* gen/abi-dump.c: print the ABI facts of the public headers, one per line. */
#define VIR_ENUM_SENTINELS
#include <stddef.h>
#include <stdio.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

int
main(void)
{
    printf("sizeof %s %zu\n", "virTypedParameter", sizeof(virTypedParameter));
    printf("offsetof %s.%s %zu\n", "virTypedParameter", "field",
           offsetof(virTypedParameter, field));
    printf("offsetof %s.%s %zu\n", "virTypedParameter", "type",
           offsetof(virTypedParameter, type));
    printf("offsetof %s.%s %zu\n", "virTypedParameter", "value",
           offsetof(virTypedParameter, value));
    printf("enum %s %lld\n", "VIR_DOMAIN_NOSTATE", (long long)(VIR_DOMAIN_NOSTATE));
    printf("enum %s %lld\n", "VIR_DOMAIN_RUNNING", (long long)(VIR_DOMAIN_RUNNING));
    printf("enum %s %lld\n", "VIR_DOMAIN_PAUSED", (long long)(VIR_DOMAIN_PAUSED));
    printf("enum %s %lld\n", "VIR_DOMAIN_PMSUSPENDED", (long long)(VIR_DOMAIN_PMSUSPENDED));
    printf("enum %s %lld\n", "VIR_DOMAIN_LAST", (long long)(VIR_DOMAIN_LAST));
    printf("enum %s %lld\n", "VIR_DOMAIN_AFFECT_CURRENT", (long long)(VIR_DOMAIN_AFFECT_CURRENT));
    printf("enum %s %lld\n", "VIR_DOMAIN_AFFECT_LIVE", (long long)(VIR_DOMAIN_AFFECT_LIVE));
    printf("enum %s %lld\n", "VIR_DOMAIN_AFFECT_CONFIG", (long long)(VIR_DOMAIN_AFFECT_CONFIG));
    printf("enum %s %lld\n", "VIR_DOMAIN_XML_SECURE", (long long)(VIR_DOMAIN_XML_SECURE));
    printf("enum %s %lld\n", "VIR_DOMAIN_XML_INACTIVE", (long long)(VIR_DOMAIN_XML_INACTIVE));
    printf("enum %s %lld\n", "VIR_DOMAIN_XML_MIGRATABLE", (long long)(VIR_DOMAIN_XML_MIGRATABLE));
    printf("enum %s %lld\n", "VIR_DOMAIN_XML_HIGH_BIT", (long long)(VIR_DOMAIN_XML_HIGH_BIT));
    printf("enum %s %lld\n", "VIR_DOMAIN_DESTROY_DEFAULT", (long long)(VIR_DOMAIN_DESTROY_DEFAULT));
    printf("enum %s %lld\n", "VIR_DOMAIN_DESTROY_GRACEFUL", (long long)(VIR_DOMAIN_DESTROY_GRACEFUL));
    printf("enum %s %lld\n", "VIR_DOMAIN_DESTROY_CURRENT", (long long)(VIR_DOMAIN_DESTROY_CURRENT));
    printf("enum %s %lld\n", "VIR_TYPED_PARAM_INT", (long long)(VIR_TYPED_PARAM_INT));
    printf("enum %s %lld\n", "VIR_TYPED_PARAM_STRING", (long long)(VIR_TYPED_PARAM_STRING));
    printf("macro %s %lld\n", "LIBVIR_VERSION_NUMBER", (long long)(LIBVIR_VERSION_NUMBER));
    printf("macro %s %lld\n", "VIR_TYPED_PARAM_FIELD_LENGTH", (long long)(VIR_TYPED_PARAM_FIELD_LENGTH));
    printf("macro %s %lld\n", "VIR_UUID_BUFLEN", (long long)(VIR_UUID_BUFLEN));
    printf("string %s %s\n", "VIR_DOMAIN_SCHEDULER_WEIGHT", VIR_DOMAIN_SCHEDULER_WEIGHT);
    return 0;
}
