/* host.c: libvirt-php's functions of no handle: the last error and the
 * version. */

/* virGetLastErrorMessage: libvirt-php keeps the message of the last error
 * reported in PHP's thread (NULL before any). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_get_last_error, 0, 0, 0)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_get_last_error)
{
    ZEND_PARSE_PARAMETERS_NONE();
    if (!vkphpLastError)
        RETURN_NULL();
    RETURN_STRING(vkphpLastError);
}

/* virGetVersion: libvirt's and this extension's versions as libvirt-php
 * gives them ('libvirt.major' ... 'connector.version'). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_version, 0, 0, 0)
    ZEND_ARG_INFO(0, type)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_version)
{
    char *type = NULL;
    size_t type_len = 0;
    unsigned long lib = 0, drv = 0;
    unsigned int a = 0, b = 0, c = 0;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "|s!", &type, &type_len)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (virGetVersion(&lib, type, &drv) < 0)
        RETURN_FALSE;
    array_init(return_value);
    add_assoc_long(return_value, "libvirt.release", lib % 1000);
    add_assoc_long(return_value, "libvirt.minor", (lib / 1000) % 1000);
    add_assoc_long(return_value, "libvirt.major", lib / 1000000);
    if (type) {
        add_assoc_long(return_value, "type.release", drv % 1000);
        add_assoc_long(return_value, "type.minor", (drv / 1000) % 1000);
        add_assoc_long(return_value, "type.major", drv / 1000000);
    }
    add_assoc_string(return_value, "connector.version", VKPHP_VERSION);
    sscanf(VKPHP_VERSION, "%u.%u.%u", &a, &b, &c);
    add_assoc_long(return_value, "connector.major", a);
    add_assoc_long(return_value, "connector.minor", b);
    add_assoc_long(return_value, "connector.release", c);
}

/* libvirt_check_version($major, $minor, $micro, $type =
 * VIR_VERSION_BINDING): whether that version (of this extension, or of
 * libvirt) is at least the one given. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_check_version, 0, 0, 3)
    ZEND_ARG_INFO(0, major)
    ZEND_ARG_INFO(0, minor)
    ZEND_ARG_INFO(0, micro)
    ZEND_ARG_INFO(0, type)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_check_version)
{
    zend_long major, minor, micro, type = 1;
    unsigned long have = 0;
    unsigned int a = 0, b = 0, c = 0;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "lll|l", &major, &minor,
                              &micro, &type) == FAILURE)
        VKPHP_BAD_ARGS();
    if (type == 2) {                    /* VIR_VERSION_LIBVIRT */
        if (virGetVersion(&have, NULL, NULL) < 0)
            RETURN_FALSE;
    } else {
        sscanf(VKPHP_VERSION, "%u.%u.%u", &a, &b, &c);
        have = a * 1000000UL + b * 1000UL + c;
    }
    RETURN_BOOL(have >= (unsigned long)(major * 1000000 + minor * 1000 +
                                        micro));
}
