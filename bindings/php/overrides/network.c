/* network.c: libvirt-php's functions of virNetwork with no C function of
 * their own. */

/* libvirt_network_set_active: starts (1) or stops (0) the network. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_network_set_active, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_network_set_active)
{
    zval *znet;
    zend_long active;
    virNetworkPtr net;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rl", &znet, &active)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(net = vkphpFetch(znet, &vkphpRes_virNetwork)))
        RETURN_THROWS();
    if (active != 0 && active != 1) {
        php_error_docref(NULL, E_WARNING,
                         "Invalid flags value. Only 0 or 1 are allowed");
        RETURN_FALSE;
    }
    if ((active ? virNetworkCreate(net) : virNetworkDestroy(net)) < 0)
        RETURN_FALSE;
    RETURN_TRUE;
}

/* Adds key => the first match of xpath in xml, if any. */
static bool
vkphpAssocXPath(zval *arr, const char *key, const char *xml,
                const char *xpath)
{
    g_autofree char *v = vkphpXPathOne(xml, xpath);

    if (!v)
        return false;
    add_assoc_string(arr, key, v);
    return true;
}

/* libvirt_network_get_information: what the network's XML says of its
 * name, address, forwarding and DHCP range, as libvirt-php lists it. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_network_get_information, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_network_get_information)
{
    zval *znet;
    virNetworkPtr net;
    g_autofree char *xml = NULL;
    g_autofree char *ip = NULL;
    g_autofree char *mask = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &znet) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(net = vkphpFetch(znet, &vkphpRes_virNetwork)))
        RETURN_THROWS();
    if (!(xml = virNetworkGetXMLDesc(net, 0)))
        RETURN_FALSE;
    array_init(return_value);
    vkphpAssocXPath(return_value, "name", xml, "//network/name");
    ip = vkphpXPathOne(xml, "//network/ip/@address");
    mask = vkphpXPathOne(xml, "//network/ip/@netmask");
    if (ip)
        add_assoc_string(return_value, "ip", ip);
    if (ip && mask) {
        struct in_addr a, m;
        char net_s[INET_ADDRSTRLEN];
        int bits;
        g_autofree char *range = NULL;

        if (inet_pton(AF_INET, ip, &a) == 1 &&
            inet_pton(AF_INET, mask, &m) == 1) {
            add_assoc_string(return_value, "netmask", mask);
            bits = __builtin_popcount(m.s_addr);
            add_assoc_long(return_value, "netmask_bits", bits);
            /* libvirt-php's range is the address with its last byte 0,
             * whatever the mask */
            ((unsigned char *)&a.s_addr)[3] = 0;
            inet_ntop(AF_INET, &a, net_s, sizeof(net_s));
            range = g_strdup_printf("%s/%d", net_s, bits);
            add_assoc_string(return_value, "ip_range", range);
        }
    }
    vkphpAssocXPath(return_value, "forwarding", xml,
                    "//network/forward/@mode");
    vkphpAssocXPath(return_value, "forward_dev", xml,
                    "//network/forward/@dev");
    vkphpAssocXPath(return_value, "dhcp_start", xml,
                    "//network/ip/dhcp/range/@start");
    vkphpAssocXPath(return_value, "dhcp_end", xml,
                    "//network/ip/dhcp/range/@end");
}
