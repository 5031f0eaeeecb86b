/* nodedev.c: libvirt-php's functions of virNodeDevice with no C function
 * of their own. */

/* libvirt_nodedev_get_information: what the device's XML says, under
 * libvirt-php's keys (each only when the XML has it). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_nodedev_get_information, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_nodedev_get_information)
{
    static const struct {
        const char *key;
        const char *xpath;
        bool system;            /* only for the host's own device */
    } keys[] = {
        { "parent", "//device/parent", false },
        { "capability", "//device/capability/@type", false },
        { "hardware_vendor", "//device/capability/hardware/vendor", true },
        { "hardware_version", "//device/capability/hardware/version", true },
        { "hardware_serial", "//device/capability/hardware/serial", true },
        { "hardware_uuid", "//device/capability/hardware/uuid", true },
        { "firmware_vendor", "//device/capability/firmware/vendor", true },
        { "firmware_version", "//device/capability/firmware/version", true },
        { "firmware_release_date",
          "//device/capability/firmware/release_date", true },
        { "product_id", "//device/capability/product/@id", false },
        { "product_name", "//device/capability/product", false },
        { "vendor_id", "//device/capability/vendor/@id", false },
        { "vendor_name", "//device/capability/vendor", false },
        { "driver_name", "//device/driver/name", false },
        { "interface_name", "//device/capability/interface", false },
        { "address", "//device/capability/address", false },
        { "capabilities", "//device/capability/capability/@type", false },
    };
    zval *zdev;
    virNodeDevicePtr dev;
    g_autofree char *xml = NULL;
    g_autofree char *name = NULL;
    g_autofree char *cap = NULL;
    size_t i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zdev) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dev = vkphpFetch(zdev, &vkphpRes_virNodeDevice)))
        RETURN_THROWS();
    if (!(xml = virNodeDeviceGetXMLDesc(dev, 0))) {
        php_error_docref(NULL, E_WARNING,
                         "Cannot get the device XML information");
        RETURN_FALSE;
    }
    if (!(name = vkphpXPathOne(xml, "//device/name"))) {
        php_error_docref(NULL, E_WARNING,
                         "Invalid XPath node for device name");
        RETURN_FALSE;
    }
    cap = vkphpXPathOne(xml, "//device/capability/@type");
    array_init(return_value);
    add_assoc_string(return_value, "name", name);
    for (i = 0; i < G_N_ELEMENTS(keys); i++) {
        g_autofree char *v = NULL;

        if (keys[i].system && g_strcmp0(cap, "system") != 0)
            continue;
        if ((v = vkphpXPathOne(xml, keys[i].xpath)) && *v)
            add_assoc_string(return_value, keys[i].key, v);
    }
}
