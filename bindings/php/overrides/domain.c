/* domain.c: hand-written functions of virDomain (libvirt-php's shapes). */

/* virDomainGetInfo: libvirt-php names the CPU time `cpuUsed`, in seconds. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_info, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_info)
{
    zval *zdom;
    virDomainPtr dom;
    virDomainInfo info;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zdom) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (virDomainGetInfo(dom, &info) < 0)
        RETURN_FALSE;
    array_init(return_value);
    add_assoc_long(return_value, "maxMem", info.maxMem);
    add_assoc_long(return_value, "memory", info.memory);
    add_assoc_long(return_value, "state", info.state);
    add_assoc_long(return_value, "nrVirtCpu", info.nrVirtCpu);
    add_assoc_double(return_value, "cpuUsed", info.cpuTime / 1e9);
}

/* The matches of an XPath in a domain's XML: [text..., 'num' => n]
 * (and 'xpath' => the expression, with withXPath). */
static void
vkphpDomainXPath(INTERNAL_FUNCTION_PARAMETERS, const char *fixed,
                 bool withXPath)
{
    zval *zdom;
    virDomainPtr dom;
    char *xpath = (char *)fixed;
    size_t xpath_len = 0;
    zend_long flags = 0;
    g_autofree char *xml = NULL;
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func(g_free);
    guint i;
    int n;

    vkphpResetError();
    if (fixed) {
        if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zdom) == FAILURE)
            VKPHP_BAD_ARGS();
    } else if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs|l", &zdom, &xpath,
                                     &xpath_len, &flags) == FAILURE) {
        VKPHP_BAD_ARGS();
    }
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, flags)))
        RETURN_FALSE;
    if ((n = vkphpXPathAll(xml, xpath, all)) <= 0 && withXPath)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < all->len; i++)
        add_next_index_string(return_value, g_ptr_array_index(all, i));
    add_assoc_long(return_value, "num", n < 0 ? 0 : n);
    if (withXPath)
        add_assoc_string(return_value, "xpath", xpath);
}

/* libvirt_domain_xml_xpath($dom, $xpath, $flags = 0). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_xml_xpath, 0, 0, 2)
    ZEND_ARG_INFO(0, res)
    ZEND_ARG_INFO(0, xpath)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_xml_xpath)
{
    vkphpDomainXPath(INTERNAL_FUNCTION_PARAM_PASSTHRU, NULL, true);
}

/* libvirt_domain_get_disk_devices: the disks' target names. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_disk_devices, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_disk_devices)
{
    vkphpDomainXPath(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                     "//domain/devices/disk/target/@dev", false);
}

/* libvirt_domain_get_interface_devices: the interfaces' target names. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_interface_devices, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_interface_devices)
{
    vkphpDomainXPath(INTERNAL_FUNCTION_PARAM_PASSTHRU,
                     "//domain/devices/interface/target/@dev", false);
}

/* libvirt_domain_snapshot_create($dom, $flags = 0): a snapshot with
 * libvirt's defaults (an empty <domainsnapshot/>). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_snapshot_create, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_snapshot_create)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    virDomainSnapshotPtr snap;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &flags)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(snap = virDomainSnapshotCreateXML(dom, "<domainsnapshot/>", flags)))
        RETURN_FALSE;
    vkphpReturnRes(return_value, snap, &vkphpRes_virDomainSnapshot);
}

/* virDomainInterfaceAddresses: libvirt_domain_interface_addresses($dom,
 * $source): [{name, hwaddr, naddrs, addrs: [{addr, prefix, type}]}]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_interface_addresses, 0, 0, 2)
    ZEND_ARG_INFO(0, domain)
    ZEND_ARG_INFO(0, source)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_interface_addresses)
{
    zval *zdom;
    zend_long source;
    virDomainPtr dom;
    virDomainInterfacePtr *ifaces = NULL;
    int n, i;
    unsigned int j;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rl", &zdom, &source)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((n = virDomainInterfaceAddresses(dom, &ifaces, source, 0)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval iface, addrs;

        array_init(&iface);
        add_assoc_string(&iface, "name", ifaces[i]->name);
        if (ifaces[i]->hwaddr)
            add_assoc_string(&iface, "hwaddr", ifaces[i]->hwaddr);
        add_assoc_long(&iface, "naddrs", ifaces[i]->naddrs);
        array_init(&addrs);
        for (j = 0; j < ifaces[i]->naddrs; j++) {
            zval a;

            array_init(&a);
            add_assoc_string(&a, "addr", ifaces[i]->addrs[j].addr);
            add_assoc_long(&a, "prefix", ifaces[i]->addrs[j].prefix);
            add_assoc_long(&a, "type", ifaces[i]->addrs[j].type);
            add_next_index_zval(&addrs, &a);
        }
        add_assoc_zval(&iface, "addrs", &addrs);
        add_next_index_zval(return_value, &iface);
        virDomainInterfaceFree(ifaces[i]);
    }
    free(ifaces);
}

/* virDomainGetCPUStats: libvirt_domain_get_cpu_total_stats($dom), the
 * domain's totals (cpu_time, user_time, system_time). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_cpu_total_stats, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_cpu_total_stats)
{
    zval *zdom;
    virDomainPtr dom;
    g_autofree virTypedParameter *params = NULL;
    int n;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zdom) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((n = virDomainGetCPUStats(dom, NULL, 0, -1, 1, 0)) < 0)
        RETURN_FALSE;
    params = g_new0(virTypedParameter, n + 1);
    if ((n = virDomainGetCPUStats(dom, params, n, -1, 1, 0)) < 0)
        RETURN_FALSE;
    vkphpParamsToArray(return_value, params, n);
    virTypedParamsClear(params, n);
}

/* virDomainMemoryStats: libvirt_domain_memory_stats($dom, $flags): tag =>
 * value (a decimal string), in the driver's order. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_memory_stats, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_memory_stats)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rl", &zdom, &flags)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((n = virDomainMemoryStats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR,
                                  flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval v;

        vkphpZvalLongLong(&v, (long long)stats[i].val, 1);
        add_index_zval(return_value, stats[i].tag, &v);
    }
}

/* virDomainGetBlockInfo: libvirt_domain_get_block_info($dom, $dev): the
 * device and its source file (from the domain's XML) before the sizes. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_block_info, 0, 0, 2)
    ZEND_ARG_INFO(0, res)
    ZEND_ARG_INFO(0, dev)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_block_info)
{
    zval *zdom;
    virDomainPtr dom;
    char *dev;
    size_t dev_len;
    virDomainBlockInfo info;
    g_autofree char *xml = NULL;
    g_autofree char *xpath = NULL;
    g_autofree char *file = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs", &zdom, &dev, &dev_len)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (virDomainGetBlockInfo(dom, dev, &info, 0) < 0)
        RETURN_FALSE;
    if ((xml = virDomainGetXMLDesc(dom, 0))) {
        xpath = g_strdup_printf("//domain/devices/disk[target/@dev='%s']"
                                "/source/@*[name()='file' or name()='dev']",
                                dev);
        file = vkphpXPathOne(xml, xpath);
    }
    array_init(return_value);
    add_assoc_string(return_value, "device", dev);
    if (file)
        add_assoc_string(return_value, "file", file);
    vkphpAssocLongLong(return_value, "capacity", info.capacity, 1);
    vkphpAssocLongLong(return_value, "allocation", info.allocation, 1);
    vkphpAssocLongLong(return_value, "physical", info.physical, 1);
}

/* virDomainGetBlockJobInfo: libvirt_domain_block_job_info($dom, $disk,
 * $flags = 0): libvirt's answer as `status` (-1, 0: no job, 1: a job)
 * beside the job's type, bandwidth and progress. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_block_job_info, 0, 0, 2)
    ZEND_ARG_INFO(0, dom)
    ZEND_ARG_INFO(0, disk)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_block_job_info)
{
    zval *zdom;
    virDomainPtr dom;
    char *disk;
    size_t disk_len;
    zend_long flags = 0;
    virDomainBlockJobInfo info;
    int ret;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs|l", &zdom, &disk,
                              &disk_len, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    memset(&info, 0, sizeof(info));
    ret = virDomainGetBlockJobInfo(dom, disk, &info, flags);
    array_init(return_value);
    add_assoc_long(return_value, "status", ret);
    add_assoc_long(return_value, "type", info.type);
    add_assoc_long(return_value, "bandwidth", info.bandwidth);
    add_assoc_long(return_value, "cur", info.cur);
    add_assoc_long(return_value, "end", info.end);
}

/* libvirt_domain_get_network_info($dom, $mac): the network and model of
 * the interface with that MAC address, from the domain's XML. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_network_info, 0, 0, 2)
    ZEND_ARG_INFO(0, res)
    ZEND_ARG_INFO(0, mac)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_network_info)
{
    zval *zdom;
    virDomainPtr dom;
    char *mac;
    size_t mac_len;
    g_autofree char *xml = NULL;
    g_autofree char *xpath = NULL;
    g_autofree char *net = NULL;
    g_autofree char *model = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs", &zdom, &mac, &mac_len)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, 0)))
        RETURN_FALSE;
    xpath = g_strdup_printf("//domain/devices/interface[mac/@address='%s']"
                            "/source/@network", mac);
    if (!(net = vkphpXPathOne(xml, xpath))) {
        php_error_docref(NULL, E_WARNING,
                         "Invalid XPath node for source network");
        RETURN_FALSE;
    }
    g_free(xpath);
    xpath = g_strdup_printf("//domain/devices/interface[mac/@address='%s']"
                            "/model/@type", mac);
    model = vkphpXPathOne(xml, xpath);
    array_init(return_value);
    add_assoc_string(return_value, "mac", mac);
    add_assoc_string(return_value, "network", net);
    add_assoc_string(return_value, "nic_type", model ? model : "default");
}

/* libvirt_domain_get_screenshot_api($dom, $screen = 0): the screen saved
 * to a new temporary file: ['file' => its path, 'mime' => its type]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_screenshot_api, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, screenID)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_screenshot_api)
{
    zval *zdom;
    zend_long screen = 0;
    virDomainPtr dom;
    virStreamPtr st = NULL;
    g_autofree char *mime = NULL;
    g_autofree char *path = g_strdup("/tmp/libvirt-php-tmp-XXXXXX");
    char buf[4096];
    int fd = -1, n;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &screen)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(st = virStreamNew(virDomainGetConnect(dom), 0)))
        RETURN_FALSE;
    if (!(mime = virDomainScreenshot(dom, st, screen, 0)))
        goto error;
    if ((fd = g_mkstemp(path)) < 0) {
        php_error_docref(NULL, E_WARNING, "Cannot create temporary file");
        virStreamAbort(st);
        goto error;
    }
    while ((n = virStreamRecv(st, buf, sizeof(buf))) > 0) {
        if (write(fd, buf, n) != n) {
            php_error_docref(NULL, E_WARNING, "Cannot write %s", path);
            virStreamAbort(st);
            goto error;
        }
    }
    if (n < 0 || virStreamFinish(st) < 0)
        goto error;
    close(fd);
    virStreamFree(st);
    array_init(return_value);
    add_assoc_string(return_value, "file", path);
    add_assoc_string(return_value, "mime", mime);
    return;

 error:
    if (fd >= 0) {
        close(fd);
        unlink(path);
    }
    virStreamFree(st);
    RETURN_FALSE;
}

/* ---- libvirt-php's editing helpers: each is a few C calls ---- */

/* libvirt_domain_change_vcpus($dom, $numCpus, $flags = 0). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_change_vcpus, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, numCpus)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_change_vcpus)
{
    zval *zdom;
    zend_long n, flags = 0;
    virDomainPtr dom;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rl|l", &zdom, &n, &flags)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    RETURN_BOOL(virDomainSetVcpusFlags(dom, n, flags) == 0);
}

/* libvirt_domain_change_memory($dom, $allocMem, $allocMax, $flags = 0):
 * the persistent current and maximum memory, in MiB; answers $dom. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_change_memory, 0, 0, 3)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, allocMem)
    ZEND_ARG_INFO(0, allocMax)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_change_memory)
{
    zval *zdom;
    zend_long mem, max, flags = 0;
    virDomainPtr dom;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rll|l", &zdom, &mem, &max,
                              &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    mem = MIN(mem, max) * 1024;
    max *= 1024;
    if (virDomainSetMemoryFlags(dom, mem, VIR_DOMAIN_AFFECT_CONFIG) < 0) {
        php_error_docref(NULL, E_WARNING, "Cannot set current memory");
        RETURN_FALSE;
    }
    if (virDomainSetMemoryFlags(dom, max, VIR_DOMAIN_AFFECT_CONFIG |
                                VIR_DOMAIN_MEM_MAXIMUM) < 0) {
        php_error_docref(NULL, E_WARNING, "Cannot set maximum memory");
        RETURN_FALSE;
    }
    RETURN_COPY(zdom);
}

/* libvirt_domain_change_boot_devices($dom, $first, $second, $flags = 0):
 * the domain defined again with these boot devices ($second may be "-");
 * answers the new domain. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_change_boot_devices, 0, 0, 3)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, first)
    ZEND_ARG_INFO(0, second)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_change_boot_devices)
{
    zval *zdom;
    char *first, *second;
    size_t first_len, second_len;
    zend_long flags = 0;
    virDomainPtr dom, def;
    g_autofree char *xml = NULL;
    xmlDocPtr doc = NULL;
    xmlNodePtr os = NULL, type = NULL, n, next;
    xmlChar *out = NULL;
    int out_len = 0;
    const char *devs[2];
    int i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rss|l", &zdom, &first,
                              &first_len, &second, &second_len, &flags)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, flags)))
        RETURN_FALSE;
    if ((doc = xmlReadMemory(xml, strlen(xml), "domain.xml", NULL,
                             XML_PARSE_NONET | XML_PARSE_NOBLANKS))) {
        for (n = xmlDocGetRootElement(doc)->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE &&
                xmlStrEqual(n->name, BAD_CAST "os"))
                os = n;
    }
    if (!os) {
        php_error_docref(NULL, E_WARNING, "Cannot get the XML description");
        xmlFreeDoc(doc);
        RETURN_FALSE;
    }
    for (n = os->children; n; n = next) {     /* the old boot order goes */
        next = n->next;
        if (n->type == XML_ELEMENT_NODE &&
            xmlStrEqual(n->name, BAD_CAST "boot")) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE &&
                   xmlStrEqual(n->name, BAD_CAST "type")) {
            type = n;
        }
    }
    devs[0] = first;
    devs[1] = strcmp(second, "-") != 0 && *second ? second : NULL;
    for (i = 1; i >= 0; i--) {      /* after <type>: second, then first */
        xmlNodePtr boot;

        if (!devs[i])
            continue;
        boot = xmlNewNode(NULL, BAD_CAST "boot");
        xmlNewProp(boot, BAD_CAST "dev", BAD_CAST devs[i]);
        if (type)
            xmlAddNextSibling(type, boot);
        else
            xmlAddChild(os, boot);
    }
    xmlDocDumpFormatMemory(doc, &out, &out_len, 1);
    xmlFreeDoc(doc);
    def = virDomainDefineXML(virDomainGetConnect(dom), (const char *)out);
    xmlFree(out);
    if (!def)
        RETURN_FALSE;
    vkphpReturnRes(return_value, def, &vkphpRes_virDomain);
}

/* Attaches (or detaches) one device's XML, to the persistent definition
 * if the XML flags ask for the inactive one, else as libvirt decides. */
static bool
vkphpDeviceChange(virDomainPtr dom, const char *dev, zend_long xflags,
                  bool attach, const char *what)
{
    unsigned int fl = (xflags & VIR_DOMAIN_XML_INACTIVE) ?
        VIR_DOMAIN_AFFECT_CONFIG : VIR_DOMAIN_AFFECT_CURRENT;
    int r = attach ? virDomainAttachDeviceFlags(dom, dev, fl)
                   : virDomainDetachDeviceFlags(dom, dev, fl);

    if (r < 0) {
        php_error_docref(NULL, E_WARNING, "Unable to %s %s",
                         attach ? "attach" : "detach", what);
        return false;
    }
    return true;
}

/* libvirt_domain_disk_add($dom, $img, $dev, $bus, $driver, $flags = 0). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_disk_add, 0, 0, 5)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, img)
    ZEND_ARG_INFO(0, dev)
    ZEND_ARG_INFO(0, type)
    ZEND_ARG_INFO(0, driver)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_disk_add)
{
    zval *zdom;
    char *img, *dev, *bus, *driver;
    size_t img_len, dev_len, bus_len, driver_len;
    zend_long xflags = 0;
    virDomainPtr dom;
    g_autofree char *xml = NULL;
    g_autofree char *q = NULL;
    g_autofree char *found = NULL;
    g_autofree char *disk = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rssss|l", &zdom, &img,
                              &img_len, &dev, &dev_len, &bus, &bus_len,
                              &driver, &driver_len, &xflags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, xflags)))
        RETURN_FALSE;
    q = g_strdup_printf("//domain/devices/disk/source[@file='%s']", img);
    if ((found = vkphpXPathNode(xml, q))) {
        php_error_docref(NULL, E_WARNING,
                         "Domain already has image <i>%s</i> connected", img);
        RETURN_FALSE;
    }
    /* a device name or MAC address in use is libvirt's to refuse */
    disk = g_markup_printf_escaped("<disk type='file' device='disk'>"
                                   "<driver name='qemu' type='%s'/>"
                                   "<source file='%s'/>"
                                   "<target dev='%s' bus='%s'/></disk>",
                                   driver, img, dev, bus);
    RETURN_BOOL(vkphpDeviceChange(dom, disk, xflags, true, "disk"));
}

/* libvirt_domain_disk_remove($dom, $dev, $flags = 0). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_disk_remove, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, dev)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_disk_remove)
{
    zval *zdom;
    char *dev;
    size_t dev_len;
    zend_long xflags = 0;
    virDomainPtr dom;
    g_autofree char *xml = NULL;
    g_autofree char *q = NULL;
    g_autofree char *disk = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs|l", &zdom, &dev, &dev_len,
                              &xflags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, xflags)))
        RETURN_FALSE;
    q = g_strdup_printf("/domain/devices/disk[target/@dev='%s']", dev);
    if (!(disk = vkphpXPathNode(xml, q))) {
        php_error_docref(NULL, E_WARNING,
                         "Device <i>%s</i> is not connected to the guest",
                         dev);
        RETURN_FALSE;
    }
    RETURN_BOOL(vkphpDeviceChange(dom, disk, xflags, false, "disk"));
}

/* libvirt_domain_nic_add($dom, $mac, $network, $model, $flags = 0). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_nic_add, 0, 0, 4)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, mac)
    ZEND_ARG_INFO(0, network)
    ZEND_ARG_INFO(0, model)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_nic_add)
{
    zval *zdom;
    char *mac, *net, *model;
    size_t mac_len, net_len, model_len;
    zend_long xflags = 0;
    virDomainPtr dom;
    g_autofree char *xml = NULL;
    g_autofree char *nic = NULL;
    g_autofree char *modelxml = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rsss|l", &zdom, &mac, &mac_len,
                              &net, &net_len, &model, &model_len, &xflags)
            == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, xflags)))
        RETURN_FALSE;
    modelxml = *model ? g_markup_printf_escaped("<model type='%s'/>", model)
                      : g_strdup("");
    nic = g_markup_printf_escaped("<interface type='network'>"
                                  "<mac address='%s'/>"
                                  "<source network='%s'/>", mac, net);
    nic = g_strconcat(g_steal_pointer(&nic), modelxml, "</interface>", NULL);
    RETURN_BOOL(vkphpDeviceChange(dom, nic, xflags, true, "interface"));
}

/* libvirt_domain_nic_remove($dom, $mac, $flags = 0). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_nic_remove, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, dev)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_nic_remove)
{
    zval *zdom;
    char *mac;
    size_t mac_len;
    zend_long xflags = 0;
    virDomainPtr dom;
    g_autofree char *xml = NULL;
    g_autofree char *q = NULL;
    g_autofree char *nic = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rs|l", &zdom, &mac, &mac_len,
                              &xflags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, xflags)))
        RETURN_FALSE;
    q = g_strdup_printf("/domain/devices/interface[mac/@address='%s']", mac);
    if (!(nic = vkphpXPathNode(xml, q))) {
        php_error_docref(NULL, E_WARNING,
                         "Domain has no such interface with mac %s", mac);
        RETURN_FALSE;
    }
    RETURN_BOOL(vkphpDeviceChange(dom, nic, xflags, false, "interface"));
}

/* One more than the highest value (hexadecimal) of an attribute in the
 * domain's persistent XML, 0 if it has none. */
static zend_long
vkphpNextFree(const char *xml, const char *xpath)
{
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func(g_free);
    zend_long max = -1;
    guint i;

    vkphpXPathAll(xml, xpath, all);
    for (i = 0; i < all->len; i++) {
        zend_long v = (zend_long)g_ascii_strtoll(g_ptr_array_index(all, i),
                                                 NULL, 16);
        max = MAX(max, v);
    }
    return max + 1;
}

/* libvirt_domain_get_next_dev_ids($dom): the next free PCI domain, bus,
 * slot and function numbers of the domain's addresses (libvirt-php looks
 * for a `func` attribute, which libvirt calls `function`: next_func is
 * always 0 there, and here). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_next_dev_ids, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_next_dev_ids)
{
    zval *zdom;
    virDomainPtr dom;
    g_autofree char *xml = NULL;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zdom) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (!(xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE)))
        RETURN_FALSE;
    array_init(return_value);
    add_assoc_long(return_value, "next_domain",
                   vkphpNextFree(xml, "//@domain"));
    add_assoc_long(return_value, "next_bus", vkphpNextFree(xml, "//@bus"));
    add_assoc_long(return_value, "next_slot", vkphpNextFree(xml, "//@slot"));
    add_assoc_long(return_value, "next_func", vkphpNextFree(xml, "//@func"));
}
