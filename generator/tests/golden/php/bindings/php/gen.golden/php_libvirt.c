/* Generated from api/virt-api.xml by generator/targets/php.py. DO NOT EDIT. */
/* The PHP extension `libvirt` over libvirt.so.0, as libvirt-php spells it. */
#include "vkphp.h"

/* ---- resource types, one per handle kind ---- */
vkphpResType vkphpRes_virConnect = { "Libvirt connection", -1 };
static ZEND_RSRC_DTOR_FUNC(vkphpDtor_virConnect)
{
    if (res->ptr)
        virConnectClose((virConnectPtr)res->ptr);
    res->ptr = NULL;
}
vkphpResType vkphpRes_virDomain = { "Libvirt domain", -1 };
static ZEND_RSRC_DTOR_FUNC(vkphpDtor_virDomain)
{
    if (res->ptr)
        virDomainFree((virDomainPtr)res->ptr);
    res->ptr = NULL;
}

#include "vkphp-runtime.c"

/* ---- the types of the typed parameters setters take (perl-params.tsv) ---- */

/* ---- C trampolines of the callbacks PHP callables stand for ---- */
static void
vkphpCb_virConnectCloseFunc(virConnectPtr conn, int reason, void * opaque)
{
    vkphpCallbackData *d_ = opaque;
    zval argv_[3];
    int n_ = 0;

    if (!vkphpOnMainThread())
        return;
    if (Z_TYPE(d_->handle) != IS_UNDEF) ZVAL_COPY(&argv_[n_], &d_->handle); else ZVAL_NULL(&argv_[n_]);
    n_++;
    ZVAL_LONG(&argv_[n_], (zend_long)reason);
    n_++;
    ZVAL_COPY(&argv_[n_], &d_->opaque);
    n_++;
    vkphpCallbackCall(d_, argv_, n_);
}


/* ---- generated functions ---- */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_open, 0, 0, 0)
    ZEND_ARG_INFO(0, name)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_open)
{
    char *a_name = NULL;
    size_t a_name_len = 0;
    virConnectPtr ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "|s!", &a_name, &a_name_len) == FAILURE)
        VKPHP_BAD_ARGS();
    ret = virConnectOpen(a_name);
    if (ret == NULL)
        RETURN_FALSE;
    RETVAL_RES(zend_register_resource(ret, vkphpRes_virConnect.id));
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_get_type, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_get_type)
{
    zval *z_conn = NULL;
    virConnectPtr a_conn = NULL;
    const char *ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &z_conn) == FAILURE)
        VKPHP_BAD_ARGS();
    a_conn = (virConnectPtr)zend_fetch_resource(Z_RES_P(z_conn), vkphpRes_virConnect.name, vkphpRes_virConnect.id);
    if (!a_conn) RETURN_THROWS();
    ret = virConnectGetType(a_conn);
    if (ret == NULL)
        RETURN_FALSE;
    RETVAL_STRING(ret);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_connect_register_close_callback, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, callback)
    ZEND_ARG_INFO(0, opaque)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_connect_register_close_callback)
{
    zval *z_conn = NULL;
    virConnectPtr a_conn = NULL;
    zval *z_cb = NULL;
    zval *z_opaque = NULL;
    vkphpCallbackData *d_ = NULL;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rz|z", &z_conn, &z_cb, &z_opaque) == FAILURE)
        VKPHP_BAD_ARGS();
    a_conn = (virConnectPtr)zend_fetch_resource(Z_RES_P(z_conn), vkphpRes_virConnect.name, vkphpRes_virConnect.id);
    if (!a_conn) RETURN_THROWS();
    if (!zend_is_callable(z_cb, 0, NULL)) {
        zend_argument_type_error(2, "must be a valid callback");
        RETURN_THROWS();
    }
    d_ = vkphpCallbackNew(z_conn, z_cb, z_opaque);
    ret = virConnectRegisterCloseCallback(a_conn, vkphpCb_virConnectCloseFunc, d_, vkphpCallbackFree);
    if (ret == -1) vkphpCallbackFree(d_);
    if (ret == -1)
        RETURN_FALSE;
    RETVAL_LONG((zend_long)ret);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_lookup_by_name, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, name)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_lookup_by_name)
{
    zval *z_conn = NULL;
    virConnectPtr a_conn = NULL;
    char *a_name = NULL;
    size_t a_name_len = 0;
    virDomainPtr ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs", &z_conn, &a_name, &a_name_len) == FAILURE)
        VKPHP_BAD_ARGS();
    a_conn = (virConnectPtr)zend_fetch_resource(Z_RES_P(z_conn), vkphpRes_virConnect.name, vkphpRes_virConnect.id);
    if (!a_conn) RETURN_THROWS();
    ret = virDomainLookupByName(a_conn, a_name);
    if (ret == NULL)
        RETURN_FALSE;
    RETVAL_RES(zend_register_resource(ret, vkphpRes_virDomain.id));
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_restore, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, from)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_restore)
{
    zval *z_conn = NULL;
    virConnectPtr a_conn = NULL;
    char *a_from = NULL;
    size_t a_from_len = 0;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs", &z_conn, &a_from, &a_from_len) == FAILURE)
        VKPHP_BAD_ARGS();
    a_conn = (virConnectPtr)zend_fetch_resource(Z_RES_P(z_conn), vkphpRes_virConnect.name, vkphpRes_virConnect.id);
    if (!a_conn) RETURN_THROWS();
    ret = virDomainRestore(a_conn, a_from);
    if (ret == -1)
        RETURN_FALSE;
    RETVAL_TRUE;
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_destroy_flags, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_destroy_flags)
{
    zval *z_domain = NULL;
    virDomainPtr a_domain = NULL;
    zend_long a_flags = 0;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &z_domain, &a_flags) == FAILURE)
        VKPHP_BAD_ARGS();
    a_domain = (virDomainPtr)zend_fetch_resource(Z_RES_P(z_domain), vkphpRes_virDomain.name, vkphpRes_virDomain.id);
    if (!a_domain) RETURN_THROWS();
    ret = virDomainDestroyFlags(a_domain, (unsigned int)a_flags);
    if (ret == -1)
        RETURN_FALSE;
    RETVAL_TRUE;
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_xml_desc, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, xpath)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_xml_desc)
{
    zval *z_domain = NULL;
    virDomainPtr a_domain = NULL;
    zend_long a_flags = 0;
    char *xpath = NULL;
    size_t xpath_len = 0;
    char *ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|s!l", &z_domain, &xpath, &xpath_len, &a_flags) == FAILURE)
        VKPHP_BAD_ARGS();
    a_domain = (virDomainPtr)zend_fetch_resource(Z_RES_P(z_domain), vkphpRes_virDomain.name, vkphpRes_virDomain.id);
    if (!a_domain) RETURN_THROWS();
    ret = virDomainGetXMLDesc(a_domain, (unsigned int)a_flags);
    if (ret == NULL)
        RETURN_FALSE;
    vkphpXMLResult(return_value, ret, xpath);
    free(ret);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_set_metadata, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, metadata)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_set_metadata)
{
    zval *z_domain = NULL;
    virDomainPtr a_domain = NULL;
    char *a_metadata = NULL;
    size_t a_metadata_len = 0;
    zend_long a_flags = 0;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|s!l", &z_domain, &a_metadata, &a_metadata_len, &a_flags) == FAILURE)
        VKPHP_BAD_ARGS();
    a_domain = (virDomainPtr)zend_fetch_resource(Z_RES_P(z_domain), vkphpRes_virDomain.name, vkphpRes_virDomain.id);
    if (!a_domain) RETURN_THROWS();
    ret = virDomainSetMetadata(a_domain, a_metadata, (unsigned int)a_flags);
    RETVAL_LONG((zend_long)ret);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_name, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_name)
{
    zval *z_domain = NULL;
    virDomainPtr a_domain = NULL;
    const char *ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &z_domain) == FAILURE)
        VKPHP_BAD_ARGS();
    a_domain = (virDomainPtr)zend_fetch_resource(Z_RES_P(z_domain), vkphpRes_virDomain.name, vkphpRes_virDomain.id);
    if (!a_domain) RETURN_THROWS();
    ret = virDomainGetName(a_domain);
    if (ret == NULL)
        RETURN_FALSE;
    RETVAL_STRING(ret);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_id, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_id)
{
    zval *z_domain = NULL;
    virDomainPtr a_domain = NULL;
    unsigned int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &z_domain) == FAILURE)
        VKPHP_BAD_ARGS();
    a_domain = (virDomainPtr)zend_fetch_resource(Z_RES_P(z_domain), vkphpRes_virDomain.name, vkphpRes_virDomain.id);
    if (!a_domain) RETURN_THROWS();
    ret = virDomainGetID(a_domain);
    if (ret == (unsigned int)-1)
        RETURN_FALSE;
    RETVAL_LONG((zend_long)ret);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_uuid, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_uuid)
{
    zval *z_domain = NULL;
    virDomainPtr a_domain = NULL;
    char a_uuid[VIR_UUID_BUFLEN];
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &z_domain) == FAILURE)
        VKPHP_BAD_ARGS();
    a_domain = (virDomainPtr)zend_fetch_resource(Z_RES_P(z_domain), vkphpRes_virDomain.name, vkphpRes_virDomain.id);
    if (!a_domain) RETURN_THROWS();
    ret = virDomainGetUUID(a_domain, (unsigned char *)a_uuid);
    if (ret == -1)
        RETURN_FALSE;
    RETVAL_STRINGL(a_uuid, VIR_UUID_BUFLEN);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_connect, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_connect)
{
    zval *z_dom = NULL;
    virDomainPtr a_dom = NULL;
    virConnectPtr ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &z_dom) == FAILURE)
        VKPHP_BAD_ARGS();
    a_dom = (virDomainPtr)zend_fetch_resource(Z_RES_P(z_dom), vkphpRes_virDomain.name, vkphpRes_virDomain.id);
    if (!a_dom) RETURN_THROWS();
    ret = virDomainGetConnect(a_dom);
    if (ret == NULL)
        RETURN_FALSE;
    virConnectRef(ret);
    RETVAL_RES(zend_register_resource(ret, vkphpRes_virConnect.id));
}

/* ---- hand-written functions (bindings/php/overrides/) ---- */

static const zend_function_entry vkphpFunctions[] = {
    PHP_FE(libvirt_connect_open, arginfo_libvirt_connect_open)
    PHP_FE(libvirt_connect_get_type, arginfo_libvirt_connect_get_type)
    PHP_FE(libvirt_connect_register_close_callback, arginfo_libvirt_connect_register_close_callback)
    PHP_FE(libvirt_domain_lookup_by_name, arginfo_libvirt_domain_lookup_by_name)
    PHP_FE(libvirt_domain_restore, arginfo_libvirt_domain_restore)
    PHP_FE(libvirt_domain_destroy_flags, arginfo_libvirt_domain_destroy_flags)
    PHP_FE(libvirt_domain_get_xml_desc, arginfo_libvirt_domain_get_xml_desc)
    PHP_FE(libvirt_domain_set_metadata, arginfo_libvirt_domain_set_metadata)
    PHP_FE(libvirt_domain_get_name, arginfo_libvirt_domain_get_name)
    PHP_FE(libvirt_domain_get_id, arginfo_libvirt_domain_get_id)
    PHP_FE(libvirt_domain_get_uuid, arginfo_libvirt_domain_get_uuid)
    PHP_FE(libvirt_domain_get_connect, arginfo_libvirt_domain_get_connect)
    PHP_FE_END
};

static void vkphpRegisterConstants(int module_number)
{
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_NOSTATE", 0LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_RUNNING", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_PAUSED", 3LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_PMSUSPENDED", 7LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_AFFECT_CURRENT", 0LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_AFFECT_LIVE", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_AFFECT_CONFIG", 2LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_XML_SECURE", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_XML_INACTIVE", 2LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_XML_MIGRATABLE", 8LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_XML_HIGH_BIT", 2147483648LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_DESTROY_DEFAULT", 0LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_DESTROY_GRACEFUL", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_DESTROY_CURRENT", 0LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_TYPED_PARAM_INT", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_TYPED_PARAM_STRING", 7LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("LIBVIR_VERSION_NUMBER", 1002000LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_TYPED_PARAM_FIELD_LENGTH", 80LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_UUID_BUFLEN", 16LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_VERSION_BINDING", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_VERSION_LIBVIRT", 2LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_NETWORKS_ACTIVE", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_NETWORKS_INACTIVE", 2LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_NETWORKS_ALL", 3LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_FLAG_FEATURE_ACPI", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_FLAG_FEATURE_APIC", 2LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_FLAG_FEATURE_PAE", 4LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_FLAG_CLOCK_LOCALTIME", 8LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_FLAG_TEST_LOCAL_VNC", 16LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_FLAG_SOUND_AC97", 32LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_DISK_FILE", 1LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_DISK_BLOCK", 2LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_DOMAIN_DISK_ACCESS_ALL", 4LL, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("VIR_CONNECT_FLAG_SOUNDHW_GET_NAMES", 1LL, CONST_CS | CONST_PERSISTENT);
}

static PHP_MINIT_FUNCTION(libvirt)
{
    vkphpRes_virConnect.id = zend_register_list_destructors_ex(vkphpDtor_virConnect, NULL, vkphpRes_virConnect.name, module_number);
    vkphpRes_virDomain.id = zend_register_list_destructors_ex(vkphpDtor_virDomain, NULL, vkphpRes_virDomain.name, module_number);
    vkphpRegisterConstants(module_number);
    vkphpInit();
    return SUCCESS;
}

static PHP_MINFO_FUNCTION(libvirt)
{
    vkphpInfo(12, 0);
}

zend_module_entry libvirt_module_entry = {
    STANDARD_MODULE_HEADER,
    "libvirt",
    vkphpFunctions,
    PHP_MINIT(libvirt),
    NULL,
    NULL,
    NULL,
    PHP_MINFO(libvirt),
    VKPHP_VERSION,
    STANDARD_MODULE_PROPERTIES
};

#ifdef COMPILE_DL_LIBVIRT
ZEND_GET_MODULE(libvirt)
#endif
