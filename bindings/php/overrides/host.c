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

/* ---- libvirt-php's host helpers (no libvirt function behind them) ---- */

/* Where libvirt-php keeps disk images and ISO images (its INI settings
 * libvirt.image_path and libvirt.iso_path, at their defaults). */
#define VKPHP_IMAGE_PATH "/var/lib/libvirt/images"
#define VKPHP_ISO_PATH "/var/lib/libvirt/images/iso"

/* libvirt_has_feature($name): whether an optional helper works here:
 * screenshots (always: the VNC client is built in), converting them to
 * PNG (ImageMagick's convert) and creating images (qemu-img). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_has_feature, 0, 0, 1)
    ZEND_ARG_INFO(0, name)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_has_feature)
{
    char *name;
    size_t name_len;
    g_autofree char *path = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "s", &name, &name_len) == FAILURE)
        VKPHP_BAD_ARGS();
    if (strcmp(name, "screenshot") == 0)
        RETURN_TRUE;
    if (strcmp(name, "screenshot-convert") == 0)
        path = g_find_program_in_path("convert");
    else if (strcmp(name, "create-image") == 0)
        path = g_find_program_in_path("qemu-img");
    RETURN_BOOL(path != NULL);
}

/* libvirt_logfile_set($filename, $maxsize = 0): where the extension's
 * debug log goes (a file it can append to). */
static char *vkphpLogFile;
static zend_long vkphpLogMax;

ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_logfile_set, 0, 0, 1)
    ZEND_ARG_INFO(0, filename)
    ZEND_ARG_INFO(0, maxsize)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_logfile_set)
{
    char *name = NULL;
    size_t name_len = 0;
    zend_long maxsize = 0;
    FILE *fp;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "s!|l", &name, &name_len,
                              &maxsize) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!name || !(fp = fopen(name, "a"))) {
        int err = name ? errno : ENOENT;

        vkphpError("Cannot set the log file to %s, error code = %d (%s)",
                   name ? name : "", -err, g_strerror(err));
        RETURN_FALSE;
    }
    fprintf(fp, "[virtkit-php] log file set (max %" ZEND_LONG_FMT_SPEC " KiB)\n",
            maxsize);
    fclose(fp);
    g_free(vkphpLogFile);
    vkphpLogFile = g_strdup(name);
    vkphpLogMax = maxsize;
    RETURN_TRUE;
}

/* The connection of a handle of any of our resource types, or NULL. */
static virConnectPtr
vkphpResourceConn(zend_resource *res)
{
    if (res->type == vkphpRes_virConnect.id)
        return res->ptr;
    if (res->type == vkphpRes_virDomain.id)
        return virDomainGetConnect(res->ptr);
    if (res->type == vkphpRes_virNetwork.id)
        return virNetworkGetConnect(res->ptr);
    if (res->type == vkphpRes_virStoragePool.id)
        return virStoragePoolGetConnect(res->ptr);
    if (res->type == vkphpRes_virStorageVol.id)
        return virStorageVolGetConnect(res->ptr);
    if (res->type == vkphpRes_virDomainSnapshot.id)
        return virDomainSnapshotGetConnect(res->ptr);
    return NULL;
}

/* libvirt_print_binding_resources(): a line per live resource of the
 * extension, with its connection (false when there is none). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_print_binding_resources, 0, 0, 0)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_print_binding_resources)
{
    zend_resource *res;
    bool any = false;

    vkphpResetError();
    ZEND_PARSE_PARAMETERS_NONE();
    ZEND_HASH_FOREACH_PTR(&EG(regular_list), res) {
        const char *type;
        g_autofree char *line = NULL;

        if (!res->ptr || !(type = zend_rsrc_list_get_rsrc_type(res)) ||
            strncmp(type, "Libvirt ", 8) != 0)
            continue;
        if (!any)
            array_init(return_value);
        any = true;
        line = g_strdup_printf("%s resource at 0x%lx (connection %lx)", type,
                               (unsigned long)res->ptr,
                               (unsigned long)vkphpResourceConn(res));
        add_next_index_string(return_value, line);
    } ZEND_HASH_FOREACH_END();
    if (!any)
        RETURN_FALSE;
}

/* libvirt_get_iso_images($path = the ISO directory): the *.iso files in
 * it; false (and "Error: errno" printed, as libvirt-php does) when it
 * cannot be read. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_get_iso_images, 0, 0, 0)
    ZEND_ARG_INFO(0, path)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_get_iso_images)
{
    char *path = NULL;
    size_t path_len = 0;
    g_autoptr(GDir) dir = NULL;
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    guint i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "|s!", &path, &path_len) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dir = g_dir_open(path ? path : VKPHP_ISO_PATH, 0, &err))) {
        /* C's stdout, not PHP's output: it comes out when stdio flushes */
        printf("Error: %d\n", errno ? errno : ENOENT);
        RETURN_FALSE;
    }
    while ((name = g_dir_read_name(dir))) {
        if (g_str_has_suffix(name, ".iso"))
            g_ptr_array_add(names, g_strdup(name));
    }
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    array_init(return_value);
    for (i = 0; i < names->len; i++)
        add_next_index_string(return_value, *(char **)&names->pdata[i]);
}

/* libvirt_image_create($conn, $name, $size, $format): qemu-img makes the
 * image in the image directory. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_image_create, 0, 0, 4)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, name)
    ZEND_ARG_INFO(0, size)
    ZEND_ARG_INFO(0, format)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_image_create)
{
    zval *zconn;
    char *name, *size, *format;
    size_t name_len, size_len, format_len;
    g_autofree char *path = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rsss", &zconn, &name, &name_len,
                              &size, &size_len, &format, &format_len) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!vkphpFetch(zconn, &vkphpRes_virConnect))
        RETURN_THROWS();
    path = g_build_filename(VKPHP_IMAGE_PATH, name, NULL);
    if (!vkphpImageCreate(path, size, format)) {
        vkphpError("Cannot create image: %s", path);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

/* libvirt_image_remove($conn, $image): unlinks the file. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_image_remove, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, image)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_image_remove)
{
    zval *zconn;
    char *image;
    size_t image_len;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs", &zconn, &image,
                              &image_len) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!vkphpFetch(zconn, &vkphpRes_virConnect))
        RETURN_THROWS();
    if (unlink(image) < 0) {
        int err = errno;

        vkphpError("An error occurred while unlinking %s: %d (%s)", image,
                   err, g_strerror(err));
        RETURN_FALSE;
    }
    RETURN_TRUE;
}
