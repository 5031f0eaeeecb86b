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

/* ---- lists whose items hold lists (no rule makes these) ---- */

/* A CPU map as the array of the CPU numbers it has. */
static void
vkphpCpuList(zval *out, const unsigned char *map, int maplen)
{
    int cpu;

    array_init(out);
    for (cpu = 0; cpu < maplen * 8; cpu++) {
        if (VIR_CPU_USABLE(map, maplen, 0, cpu))
            add_next_index_long(out, cpu);
    }
}

/* The number of the host's CPUs (the width of a CPU map), or -1. */
static int
vkphpHostCpus(virDomainPtr dom)
{
    return virNodeGetCPUMap(virDomainGetConnect(dom), NULL, NULL, 0);
}

/* The number of a domain's virtual CPUs the flags ask about, or -1. */
static int
vkphpDomainVcpus(virDomainPtr dom, unsigned int flags)
{
    virDomainInfo info;
    int n = virDomainGetVcpusFlags(dom, flags | VIR_DOMAIN_VCPU_MAXIMUM);

    if (n >= 0)
        return n;
    virResetLastError();
    vkphpResetError();
    return virDomainGetInfo(dom, &info) < 0 ? -1 : (int)info.nrVirtCpu;
}

/* virDomainGetVcpus: [['number', 'state', 'cpuTime', 'cpu', 'affinity'
 * => [host CPUs]], ...]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_vcpus, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_vcpus)
{
    zval *zdom;
    virDomainPtr dom;
    virDomainInfo info;
    g_autofree virVcpuInfo *vcpus = NULL;
    g_autofree unsigned char *maps = NULL;
    int hostcpus, maplen, n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zdom) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (virDomainGetInfo(dom, &info) < 0 || (hostcpus = vkphpHostCpus(dom)) < 0)
        RETURN_FALSE;
    maplen = VIR_CPU_MAPLEN(hostcpus);
    vcpus = g_new0(virVcpuInfo, info.nrVirtCpu + 1);
    maps = g_new0(unsigned char, (size_t)maplen * (info.nrVirtCpu + 1));
    if ((n = virDomainGetVcpus(dom, vcpus, info.nrVirtCpu, maps, maplen)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval e, aff;

        array_init(&e);
        add_assoc_long(&e, "number", vcpus[i].number);
        add_assoc_long(&e, "state", vcpus[i].state);
        vkphpAssocLongLong(&e, "cpuTime", (long long)vcpus[i].cpuTime, 1);
        add_assoc_long(&e, "cpu", vcpus[i].cpu);
        vkphpCpuList(&aff, VIR_GET_CPUMAP(maps, maplen, i), maplen);
        add_assoc_zval(&e, "affinity", &aff);
        add_next_index_zval(return_value, &e);
    }
}

/* virDomainGetVcpuPinInfo: vCPU => [host CPUs it may run on]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_vcpu_pin_info, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_vcpu_pin_info)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    g_autofree unsigned char *maps = NULL;
    int hostcpus, maplen, nvcpus, n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((hostcpus = vkphpHostCpus(dom)) < 0 ||
        (nvcpus = vkphpDomainVcpus(dom, flags)) < 0)
        RETURN_FALSE;
    maplen = VIR_CPU_MAPLEN(hostcpus);
    maps = g_new0(unsigned char, (size_t)maplen * (nvcpus + 1));
    if ((n = virDomainGetVcpuPinInfo(dom, nvcpus, maps, maplen, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval l;

        vkphpCpuList(&l, VIR_GET_CPUMAP(maps, maplen, i), maplen);
        add_next_index_zval(return_value, &l);
    }
}

/* virDomainGetEmulatorPinInfo: [host CPUs the emulator threads may use]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_emulator_pin_info, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_emulator_pin_info)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    g_autofree unsigned char *map = NULL;
    int hostcpus, maplen;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((hostcpus = vkphpHostCpus(dom)) < 0)
        RETURN_FALSE;
    maplen = VIR_CPU_MAPLEN(hostcpus);
    map = g_new0(unsigned char, maplen);
    if (virDomainGetEmulatorPinInfo(dom, map, maplen, flags) < 0)
        RETURN_FALSE;
    vkphpCpuList(return_value, map, maplen);
}

/* virDomainGetIOThreadInfo: [['iothread_id' => n, 'cpumap' => [CPUs]]]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_io_thread_info, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_io_thread_info)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    virDomainIOThreadInfoPtr *info = NULL;
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((n = virDomainGetIOThreadInfo(dom, &info, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval e, l;

        array_init(&e);
        add_assoc_long(&e, "iothread_id", info[i]->iothread_id);
        vkphpCpuList(&l, info[i]->cpumap, info[i]->cpumaplen);
        add_assoc_zval(&e, "cpumap", &l);
        add_next_index_zval(return_value, &e);
        virDomainIOThreadInfoFree(info[i]);
    }
    free(info);
}

/* virDomainGetFSInfo: [['mountpoint', 'name', 'fstype', 'devAlias' =>
 * [aliases]], ...]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_fs_info, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_fs_info)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    virDomainFSInfoPtr *info = NULL;
    int n, i;
    size_t j;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((n = virDomainGetFSInfo(dom, &info, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval e, l;

        array_init(&e);
        add_assoc_string(&e, "mountpoint", info[i]->mountpoint ? info[i]->mountpoint : "");
        add_assoc_string(&e, "name", info[i]->name ? info[i]->name : "");
        add_assoc_string(&e, "fstype", info[i]->fstype ? info[i]->fstype : "");
        array_init(&l);
        for (j = 0; j < info[i]->ndevAlias; j++)
            add_next_index_string(&l, info[i]->devAlias[j]);
        add_assoc_zval(&e, "devAlias", &l);
        add_next_index_zval(return_value, &e);
        virDomainFSInfoFree(info[i]);
    }
    free(info);
}

/* virDomainGetDiskErrors: disk => error (VIR_DOMAIN_DISK_ERROR_*). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_disk_errors, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_disk_errors)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    g_autofree virDomainDiskError *errs = NULL;
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((n = virDomainGetDiskErrors(dom, NULL, 0, flags)) < 0)
        RETURN_FALSE;
    errs = g_new0(virDomainDiskError, n + 1);
    if ((n = virDomainGetDiskErrors(dom, errs, n, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        add_assoc_long(return_value, errs[i].disk, errs[i].error);
        free(errs[i].disk);
    }
}

/* virDomainGetSecurityLabelList: [['label' => ..., 'enforcing' => n]]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_security_label_list, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_security_label_list)
{
    zval *zdom;
    virDomainPtr dom;
    virSecurityLabelPtr labels = NULL;
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r", &zdom) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if ((n = virDomainGetSecurityLabelList(dom, &labels)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval e;

        array_init(&e);
        add_assoc_string(&e, "label", labels[i].label);
        add_assoc_long(&e, "enforcing", labels[i].enforcing);
        add_next_index_zval(return_value, &e);
    }
    free(labels);
}

/* virDomainGetJobStats: the statistics (name => value) and 'type' (the
 * job's VIR_DOMAIN_JOB_* type). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_job_stats, 0, 0, 1)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_job_stats)
{
    zval *zdom;
    zend_long flags = 0;
    virDomainPtr dom;
    virTypedParameterPtr params = NULL;
    int n = 0, type = 0;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "r|l", &zdom, &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(dom = vkphpFetch(zdom, &vkphpRes_virDomain)))
        RETURN_THROWS();
    if (virDomainGetJobStats(dom, &type, &params, &n, flags) < 0)
        RETURN_FALSE;
    vkphpParamsToArray(return_value, params, n);
    add_assoc_long(return_value, "type", type);
    virTypedParamsFree(params, n);
}

/* virDomainListGetStats: libvirt_domain_list_get_stats([$dom, ...],
 * $stats = 0, $flags = 0): domain name => its statistics, as
 * libvirt_connect_get_all_domain_stats answers. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_list_get_stats, 0, 0, 1)
    ZEND_ARG_INFO(0, domains)
    ZEND_ARG_INFO(0, stats)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_list_get_stats)
{
    HashTable *ht;
    zend_long stats = 0, flags = 0;
    g_autofree virDomainPtr *doms = NULL;
    virDomainStatsRecordPtr *recs = NULL;
    zval *e;
    size_t nd = 0;
    int n, i;

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "h|ll", &ht, &stats,
                              &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    doms = g_new0(virDomainPtr, zend_hash_num_elements(ht) + 1);
    ZEND_HASH_FOREACH_VAL(ht, e) {
        if (Z_TYPE_P(e) != IS_RESOURCE) {
            zend_argument_type_error(1, "must be an array of domains");
            RETURN_THROWS();
        }
        if (!(doms[nd++] = vkphpFetch(e, &vkphpRes_virDomain)))
            RETURN_THROWS();
    } ZEND_HASH_FOREACH_END();
    if ((n = virDomainListGetStats(doms, stats, &recs, flags)) < 0)
        RETURN_FALSE;
    array_init(return_value);
    for (i = 0; i < n; i++) {
        zval one;

        vkphpParamsToArray(&one, recs[i]->params, recs[i]->nparams);
        add_assoc_zval(return_value, virDomainGetName(recs[i]->dom), &one);
    }
    virDomainStatsRecordListFree(recs);
}

/* ---- libvirt-php's VNC helpers: a small RFB client of our own ---- */

/* The VNC port of the domain's graphics, or -1 (with libvirt-php's
 * warning). */
static int
vkphpVncPort(virDomainPtr dom)
{
    g_autofree char *xml = virDomainGetXMLDesc(dom, 0);
    g_autofree char *port = NULL;
    int n;

    if (xml)
        port = vkphpXPathOne(xml, "//domain/devices/graphics[@type='vnc']/@port");
    if (!port || (n = atoi(port)) <= 0) {
        vkphpError("Cannot get the VNC port");
        return -1;
    }
    return n;
}

static bool
vkphpFull(int fd, void *buf, size_t len, bool out)
{
    char *p = buf;

    while (len > 0) {
        ssize_t r = out ? write(fd, p, len) : read(fd, p, len);

        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        len -= r;
    }
    return true;
}

/* Connects and shakes hands (RFB 3.3 to 3.8, no authentication); the
 * socket, with the screen's size, or -1 with a warning. */
static int
vkphpVncOpen(virDomainPtr dom, const char *server, int *width, int *height)
{
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai = NULL, *a;
    char version[13] = "", service[16];
    unsigned char init[24], sec[256], n8 = 0;
    uint32_t u32;
    int port, fd = -1, minor;

    if ((port = vkphpVncPort(dom)) < 0)
        return -1;
    snprintf(service, sizeof(service), "%d", port);
    if (getaddrinfo(server, service, &hints, &ai) != 0) {
        vkphpError("Cannot connect to VNC server %s:%d", server, port);
        return -1;
    }
    for (a = ai; a && fd < 0; a = a->ai_next) {
        if ((fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol)) >= 0 &&
            connect(fd, a->ai_addr, a->ai_addrlen) < 0) {
            close(fd);
            fd = -1;
        }
    }
    freeaddrinfo(ai);
    if (fd < 0) {
        vkphpError("Cannot connect to VNC server %s:%d", server, port);
        return -1;
    }
    if (!vkphpFull(fd, version, 12, false) ||
        sscanf(version, "RFB 003.%03d", &minor) != 1)
        goto error;
    minor = minor >= 8 ? 8 : (minor == 7 ? 7 : 3);
    snprintf(version, sizeof(version), "RFB 003.%03d\n", minor);
    if (!vkphpFull(fd, version, 12, true))
        goto error;
    if (minor == 3) {
        if (!vkphpFull(fd, &u32, 4, false) || ntohl(u32) != 1)
            goto error;
    } else {
        unsigned char none = 1;

        if (!vkphpFull(fd, &n8, 1, false) || n8 == 0 ||
            !vkphpFull(fd, sec, n8, false) || !memchr(sec, 1, n8) ||
            !vkphpFull(fd, &none, 1, true))
            goto error;
        if (minor == 8 && (!vkphpFull(fd, &u32, 4, false) || u32 != 0))
            goto error;
    }
    n8 = 1;                     /* ClientInit: share the desktop */
    if (!vkphpFull(fd, &n8, 1, true) || !vkphpFull(fd, init, 24, false))
        goto error;
    *width = (init[0] << 8) | init[1];
    *height = (init[2] << 8) | init[3];
    memcpy(&u32, init + 20, 4);
    for (u32 = ntohl(u32); u32 > 0; u32--) {     /* the desktop's name */
        if (!vkphpFull(fd, &n8, 1, false))
            goto error;
    }
    return fd;

 error:
    vkphpError("Cannot talk to the VNC server %s:%d", server, port);
    close(fd);
    return -1;
}

static bool
vkphpVncKey(int fd, uint32_t key, bool down)
{
    unsigned char m[8] = { 4, down, 0, 0 };
    uint32_t k = htonl(key);

    memcpy(m + 4, &k, 4);
    return vkphpFull(fd, m, 8, true);
}

static bool
vkphpVncPointer(int fd, int mask, int x, int y)
{
    unsigned char m[6] = { 5, mask, x >> 8, x & 0xff, y >> 8, y & 0xff };

    return vkphpFull(fd, m, 6, true);
}

/* The arguments of the VNC helpers: the domain and the server. */
static virDomainPtr
vkphpVncArgs(INTERNAL_FUNCTION_PARAMETERS, const char *spec, char **server,
             zend_long *a, zend_long *b, zend_long *c, bool *flag,
             char **str, size_t *str_len)
{
    zval *zdom;
    size_t server_len;

    if (str) {
        if (zend_parse_parameters(ZEND_NUM_ARGS(), spec, &zdom, server,
                                  &server_len, str, str_len) == FAILURE)
            return NULL;
    } else if (zend_parse_parameters(ZEND_NUM_ARGS(), spec, &zdom, server,
                                     &server_len, a, b, c, flag) == FAILURE) {
        return NULL;
    }
    return vkphpFetch(zdom, &vkphpRes_virDomain);
}

/* libvirt_domain_get_screen_dimensions($dom, $server): the VNC screen's
 * ['width' => ..., 'height' => ...]. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_screen_dimensions, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, server)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_get_screen_dimensions)
{
    virDomainPtr dom;
    char *server;
    int fd, w, h;

    vkphpResetError();
    if (!(dom = vkphpVncArgs(INTERNAL_FUNCTION_PARAM_PASSTHRU, "rs|", &server,
                             NULL, NULL, NULL, NULL, NULL, NULL)))
        RETURN_THROWS();
    if ((fd = vkphpVncOpen(dom, server, &w, &h)) < 0)
        RETURN_FALSE;
    close(fd);
    array_init(return_value);
    add_assoc_long(return_value, "width", w);
    add_assoc_long(return_value, "height", h);
}

/* libvirt_domain_send_keys($dom, $server, $keys): each character pressed
 * and released (its keysym). */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_send_keys, 0, 0, 3)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, server)
    ZEND_ARG_INFO(0, scancode)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_send_keys)
{
    virDomainPtr dom;
    char *server, *keys;
    size_t keys_len, i;
    int fd, w, h;
    bool ok = true;

    vkphpResetError();
    if (!(dom = vkphpVncArgs(INTERNAL_FUNCTION_PARAM_PASSTHRU, "rss", &server,
                             NULL, NULL, NULL, NULL, &keys, &keys_len)))
        RETURN_THROWS();
    if ((fd = vkphpVncOpen(dom, server, &w, &h)) < 0)
        RETURN_FALSE;
    for (i = 0; ok && i < keys_len; i++) {
        uint32_t key = (unsigned char)keys[i] == '\n' ? 0xff0d :
            (unsigned char)keys[i];

        ok = vkphpVncKey(fd, key, true) && vkphpVncKey(fd, key, false);
    }
    close(fd);
    if (!ok) {
        vkphpError("Cannot send keys to the VNC server");
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

/* libvirt_domain_send_pointer_event($dom, $server, $x, $y, $clicked,
 * $release = true): moves the pointer with the buttons of mask $clicked
 * pressed, then releases them. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_send_pointer_event, 0, 0, 5)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, server)
    ZEND_ARG_INFO(0, pos_x)
    ZEND_ARG_INFO(0, pos_y)
    ZEND_ARG_INFO(0, clicked)
    ZEND_ARG_INFO(0, release)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_send_pointer_event)
{
    virDomainPtr dom;
    char *server;
    zend_long x, y, clicked;
    bool release = true, ok;
    int fd, w, h;

    vkphpResetError();
    if (!(dom = vkphpVncArgs(INTERNAL_FUNCTION_PARAM_PASSTHRU, "rslll|b",
                             &server, &x, &y, &clicked, &release, NULL, NULL)))
        RETURN_THROWS();
    if ((fd = vkphpVncOpen(dom, server, &w, &h)) < 0)
        RETURN_FALSE;
    ok = vkphpVncPointer(fd, (int)clicked & 0xff, (int)x, (int)y) &&
        (!release || vkphpVncPointer(fd, 0, (int)x, (int)y));
    close(fd);
    if (!ok) {
        vkphpError("Cannot send the pointer event to the VNC server");
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

/* libvirt_domain_get_screenshot($dom, $server, $scancode = 10): the VNC
 * screen as PNG (ImageMagick's convert; PPM without it), after pressing
 * the key $scancode to wake the screen up. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_get_screenshot, 0, 0, 2)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, server)
    ZEND_ARG_INFO(0, scancode)
ZEND_END_ARG_INFO()

static bool
vkphpVncFrame(int fd, int w, int h, GString *ppm)
{
    /* 32 bits per pixel, true colour, red at bit 16, green 8, blue 0 */
    unsigned char fmt[20] = { 0, 0, 0, 0, 32, 24, 0, 1, 0, 255, 0, 255,
                              0, 255, 16, 8, 0, 0, 0, 0 };
    unsigned char enc[8] = { 2, 0, 0, 1, 0, 0, 0, 0 };
    unsigned char req[10] = { 3, 0, 0, 0, 0, 0, w >> 8, w & 0xff,
                              h >> 8, h & 0xff };
    g_autofree unsigned char *fb = g_malloc0((size_t)w * h * 3 + 1);
    unsigned char hdr[4], rect[12];
    int i;

    if (!vkphpFull(fd, fmt, 20, true) || !vkphpFull(fd, enc, 8, true) ||
        !vkphpFull(fd, req, 10, true))
        return false;
    for (;;) {
        if (!vkphpFull(fd, hdr, 1, false))
            return false;
        if (hdr[0] == 0)
            break;
        if (hdr[0] == 2)        /* a bell */
            continue;
        return false;           /* colour maps and cut text are not asked */
    }
    if (!vkphpFull(fd, hdr + 1, 3, false))
        return false;
    for (i = 0; i < ((hdr[2] << 8) | hdr[3]); i++) {
        int rx, ry, rw, rh, y, x;
        uint32_t e;

        if (!vkphpFull(fd, rect, 12, false))
            return false;
        rx = (rect[0] << 8) | rect[1];
        ry = (rect[2] << 8) | rect[3];
        rw = (rect[4] << 8) | rect[5];
        rh = (rect[6] << 8) | rect[7];
        memcpy(&e, rect + 8, 4);
        if (ntohl(e) != 0)
            continue;           /* pseudo-encodings carry no pixels */
        for (y = ry; y < ry + rh; y++) {
            for (x = rx; x < rx + rw; x++) {
                unsigned char px[4];

                if (!vkphpFull(fd, px, 4, false))
                    return false;
                if (x < w && y < h) {
                    unsigned char *o = fb + ((size_t)y * w + x) * 3;

                    o[0] = px[2];
                    o[1] = px[1];
                    o[2] = px[0];
                }
            }
        }
    }
    g_string_append_printf(ppm, "P6\n%d %d\n255\n", w, h);
    g_string_append_len(ppm, (char *)fb, (gssize)w * h * 3);
    return true;
}

PHP_FUNCTION(libvirt_domain_get_screenshot)
{
    virDomainPtr dom;
    char *server;
    zend_long scancode = 10;
    int fd, w, h;
    g_autoptr(GString) ppm = g_string_new(NULL);
    g_autofree char *convert = g_find_program_in_path("convert");
    bool ok;

    vkphpResetError();
    if (!(dom = vkphpVncArgs(INTERNAL_FUNCTION_PARAM_PASSTHRU, "rs|l", &server,
                             &scancode, NULL, NULL, NULL, NULL, NULL)))
        RETURN_THROWS();
    if ((fd = vkphpVncOpen(dom, server, &w, &h)) < 0)
        RETURN_FALSE;
    ok = (scancode <= 0 || (vkphpVncKey(fd, scancode, true) &&
                            vkphpVncKey(fd, scancode, false))) &&
        vkphpVncFrame(fd, w, h, ppm);
    close(fd);
    if (!ok) {
        vkphpError("Cannot get the screen from the VNC server");
        RETURN_FALSE;
    }
    if (convert) {
        g_autofree char *dir = g_dir_make_tmp("vkphp-shot-XXXXXX", NULL);
        g_autofree char *in = dir ? g_build_filename(dir, "s.ppm", NULL) : NULL;
        g_autofree char *out = dir ? g_build_filename(dir, "s.png", NULL) : NULL;
        const char *argv[] = { convert, in, out, NULL };
        g_autofree char *png = NULL;
        gsize png_len = 0;
        int status = -1;

        if (dir && g_file_set_contents(in, ppm->str, ppm->len, NULL) &&
            g_spawn_sync(NULL, (char **)argv, NULL,
                         G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL) &&
            g_spawn_check_wait_status(status, NULL) &&
            g_file_get_contents(out, &png, &png_len, NULL)) {
            g_string_truncate(ppm, 0);
            g_string_append_len(ppm, png, png_len);
        }
        if (in)
            unlink(in);
        if (out)
            unlink(out);
        if (dir)
            rmdir(dir);
    }
    RETURN_STRINGL(ppm->str, ppm->len);
}

/* ---- libvirt_domain_new: libvirt-php's installation helper ---- */

/* "host:port" of the VNC display of the last domain libvirt_domain_new
 * made (NULL before any). */
static char *vkphpNewVnc;

/* The member of a PHP array as a string, or NULL. */
static const char *
vkphpMember(HashTable *ht, const char *key, zend_string **keep)
{
    zval *v = zend_hash_str_find(ht, key, strlen(key));

    if (!v)
        return NULL;
    *keep = zval_get_string(v);
    return ZSTR_VAL(*keep);
}

/* The <disk> of one disk of libvirt_domain_new's list: a file made with
 * qemu-img first when it has a size; block devices must exist. */
static void
vkphpNewDisk(GString *xml, HashTable *disk)
{
    zend_string *s[5] = { NULL };
    const char *path = vkphpMember(disk, "path", &s[0]);
    const char *driver = vkphpMember(disk, "driver", &s[1]);
    const char *bus = vkphpMember(disk, "bus", &s[2]);
    const char *dev = vkphpMember(disk, "dev", &s[3]);
    const char *size = vkphpMember(disk, "size", &s[4]);
    zval *zflags = zend_hash_str_find(disk, "flags", 5);
    zend_long flags = zflags ? zval_get_long(zflags) : 0;
    size_t i;

    if (!path || !dev)
        goto cleanup;
    if (flags & 1) {            /* VIR_DOMAIN_DISK_FILE */
        if (size && !g_file_test(path, G_FILE_TEST_EXISTS) &&
            !vkphpImageCreate(path, size, driver ? driver : "raw"))
            goto cleanup;
        if (flags & 4)          /* VIR_DOMAIN_DISK_ACCESS_ALL */
            chmod(path, 0666);
        g_string_append_printf(xml,
            "    <disk type='file' device='disk'>\n"
            "      <driver name='qemu' type='%s'/>\n"
            "      <source file='%s'/>\n"
            "      <target dev='%s' bus='%s'/>\n"
            "    </disk>\n", driver ? driver : "raw", path, dev,
            bus ? bus : "ide");
    } else if (flags & 2) {     /* VIR_DOMAIN_DISK_BLOCK */
        struct stat sb;

        if (stat(path, &sb) < 0 || !S_ISBLK(sb.st_mode))
            goto cleanup;
        g_string_append_printf(xml,
            "    <disk type='block' device='disk'>\n"
            "      <driver name='qemu' type='%s'/>\n"
            "      <source dev='%s'/>\n"
            "      <target dev='%s' bus='%s'/>\n"
            "    </disk>\n", driver ? driver : "raw", path, dev,
            bus ? bus : "ide");
    }
 cleanup:
    for (i = 0; i < G_N_ELEMENTS(s); i++) {
        if (s[i])
            zend_string_release(s[i]);
    }
}

static void
vkphpNewNet(GString *xml, HashTable *net)
{
    zend_string *s[3] = { NULL };
    const char *mac = vkphpMember(net, "mac", &s[0]);
    const char *network = vkphpMember(net, "network", &s[1]);
    const char *model = vkphpMember(net, "model", &s[2]);
    size_t i;

    g_string_append(xml, "    <interface type='network'>\n");
    if (mac)
        g_string_append_printf(xml, "      <mac address='%s'/>\n", mac);
    g_string_append_printf(xml, "      <source network='%s'/>\n",
                           network ? network : "default");
    if (model)
        g_string_append_printf(xml, "      <model type='%s'/>\n", model);
    g_string_append(xml, "    </interface>\n");
    for (i = 0; i < G_N_ELEMENTS(s); i++) {
        if (s[i])
            zend_string_release(s[i]);
    }
}

/* libvirt_domain_new($conn, $name, $arch, $memMB, $maxmemMB, $vcpus,
 * $iso, $disks, $networks, $flags = 0): a persistent domain booting from
 * the ISO image, with its disks, networks and VNC display, started. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_new, 0, 0, 9)
    ZEND_ARG_INFO(0, conn)
    ZEND_ARG_INFO(0, name)
    ZEND_ARG_INFO(0, arch)
    ZEND_ARG_INFO(0, memMB)
    ZEND_ARG_INFO(0, maxmemMB)
    ZEND_ARG_INFO(0, vcpus)
    ZEND_ARG_INFO(0, iso)
    ZEND_ARG_INFO(0, disks)
    ZEND_ARG_INFO(0, networks)
    ZEND_ARG_INFO(0, flags)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_new)
{
    zval *zconn, *e;
    char *name, *arch = NULL, *iso = NULL;
    size_t name_len, arch_len = 0, iso_len = 0;
    zend_long mem, maxmem, vcpus, flags = 0;
    HashTable *disks, *nets;
    virConnectPtr conn;
    virDomainPtr dom;
    g_autofree char *caps = NULL;
    g_autofree char *xp = NULL;
    g_autofree char *guestarch = NULL;
    g_autofree char *emulator = NULL;
    g_autofree char *domxml = NULL;
    g_autofree char *port = NULL;
    g_autoptr(GString) xml = g_string_new(NULL);

    vkphpResetError();
    if (zend_parse_parameters(ZEND_NUM_ARGS(), "rss!llls!hh|l", &zconn, &name,
                              &name_len, &arch, &arch_len, &mem, &maxmem,
                              &vcpus, &iso, &iso_len, &disks, &nets,
                              &flags) == FAILURE)
        VKPHP_BAD_ARGS();
    if (!(conn = vkphpConn(zconn)))
        RETURN_THROWS();
    /* libvirt-php warns so before it makes the domain, whatever the name */
    vkphpError("Domain not found");
    if (!iso || !*iso) {
        vkphpError("Cannot get installation XML");
        RETURN_FALSE;
    }
    if (!(caps = virConnectGetCapabilities(conn)))
        RETURN_FALSE;
    /* the architecture asked for when the host has it, else its first */
    xp = g_strdup_printf("//guest/arch[@name='%s']/@name", arch ? arch : "");
    if (!(guestarch = vkphpXPathOne(caps, xp)))
        guestarch = vkphpXPathOne(caps, "//guest/arch/@name");
    g_free(xp);
    xp = g_strdup_printf("//guest/arch[@name='%s']/emulator",
                         guestarch ? guestarch : "");
    emulator = vkphpXPathOne(caps, xp);

    g_string_append_printf(xml,
        "<domain type='%s'>\n"
        "  <name>%s</name>\n"
        "  <memory unit='KiB'>%" ZEND_LONG_FMT_SPEC "</memory>\n"
        "  <currentMemory unit='KiB'>%" ZEND_LONG_FMT_SPEC "</currentMemory>\n"
        "  <vcpu>%" ZEND_LONG_FMT_SPEC "</vcpu>\n"
        "  <os>\n"
        "    <type arch='%s'>hvm</type>\n"
        "    <boot dev='cdrom'/>\n"
        "    <boot dev='hd'/>\n"
        "  </os>\n",
        g_ascii_strcasecmp(virConnectGetType(conn) ? virConnectGetType(conn) :
                           "", "TEST") == 0 ? "test" : "kvm",
        name, maxmem * 1024, mem * 1024, vcpus,
        guestarch ? guestarch : "x86_64");
    if (flags & 7) {
        g_string_append(xml, "  <features>\n");
        if (flags & 1)
            g_string_append(xml, "    <acpi/>\n");
        if (flags & 2)
            g_string_append(xml, "    <apic/>\n");
        if (flags & 4)
            g_string_append(xml, "    <pae/>\n");
        g_string_append(xml, "  </features>\n");
    }
    g_string_append_printf(xml,
        "  <clock offset='%s'/>\n"
        "  <on_poweroff>destroy</on_poweroff>\n"
        "  <on_reboot>destroy</on_reboot>\n"
        "  <on_crash>destroy</on_crash>\n"
        "  <devices>\n", flags & 8 ? "localtime" : "utc");
    if (emulator)
        g_string_append_printf(xml, "    <emulator>%s</emulator>\n", emulator);
    ZEND_HASH_FOREACH_VAL(disks, e) {
        if (Z_TYPE_P(e) == IS_ARRAY)
            vkphpNewDisk(xml, Z_ARRVAL_P(e));
    } ZEND_HASH_FOREACH_END();
    g_string_append_printf(xml,
        "    <disk type='file' device='cdrom'>\n"
        "      <driver name='qemu' type='raw'/>\n"
        "      <source file='%s'/>\n"
        "      <target dev='hdc' bus='ide'/>\n"
        "      <readonly/>\n"
        "    </disk>\n", iso);
    ZEND_HASH_FOREACH_VAL(nets, e) {
        if (Z_TYPE_P(e) == IS_ARRAY)
            vkphpNewNet(xml, Z_ARRVAL_P(e));
    } ZEND_HASH_FOREACH_END();
    g_string_append(xml,
        "    <serial type='pty'/>\n"
        "    <console type='pty'/>\n"
        "    <input type='mouse' bus='ps2'/>\n"
        "    <graphics type='vnc' port='-1' autoport='yes'/>\n");
    if (flags & 32)
        g_string_append(xml, "    <sound model='ac97'/>\n");
    g_string_append(xml,
        "    <video>\n"
        "      <model type='cirrus' vram='16384' heads='1'/>\n"
        "    </video>\n"
        "  </devices>\n"
        "</domain>\n");

    if (!(dom = virDomainDefineXML(conn, xml->str)))
        RETURN_FALSE;
    if (virDomainCreate(dom) < 0) {
        virDomainUndefine(dom);
        virDomainFree(dom);
        RETURN_FALSE;
    }
    if ((domxml = virDomainGetXMLDesc(dom, 0)))
        port = vkphpXPathOne(domxml, "//domain/devices/graphics[@type='vnc']/@port");
    g_free(vkphpNewVnc);
    vkphpNewVnc = g_strdup_printf("%s:%s", g_get_host_name(), port ? port : "-1");
    vkphpReturnRes(return_value, dom, &vkphpRes_virDomain);
}

/* libvirt_domain_new_get_vnc(): "host:port" of the VNC display of the
 * last domain libvirt_domain_new made, or NULL. */
ZEND_BEGIN_ARG_INFO_EX(arginfo_libvirt_domain_new_get_vnc, 0, 0, 0)
ZEND_END_ARG_INFO()

PHP_FUNCTION(libvirt_domain_new_get_vnc)
{
    ZEND_PARSE_PARAMETERS_NONE();
    if (!vkphpNewVnc)
        RETURN_NULL();
    RETURN_STRING(vkphpNewVnc);
}
