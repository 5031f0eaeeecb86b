/* test_driver_load.c: build a test hypervisor from a <node> document.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * test:///PATH.xml names a file such as
 *
 *   <node>
 *     <cpu><nodes/><sockets/><cores/><threads/><active/><mhz/><model/></cpu>
 *     <memory>KiB</memory>
 *     <domain .../> <network .../> <pool ...><volume .../></pool>
 *     <interface .../> <device .../>
 *   </node>
 *
 * where every object is inline or <TYPE file='REL'/> (relative to the node
 * file).  Domains may carry the test namespace
 * (http://libvirt.org/schemas/domain/test/1.0): <test:runstate>N</...>,
 * <test:transient/>, <test:hasmanagedsave/> and <test:domainsnapshot>
 * (a saved snapshot, inline or file=, with <active>).  test:///default is the
 * same loader run on the built-in document below, plus two NUMA cells.
 */
#include <config.h>

#include <string.h>
#include <libxml/tree.h>

#include "test/test_driver.h"
#include "test/test_snapshot_conf.h"
#include "conf/virconfxml.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_NAMESPACE_HREF "http://libvirt.org/schemas/domain/test/1.0"

/* What test:///default holds: the contents libvirt's test driver shows. */
static const char testDefaultNode[] =
"<node>\n"
"  <domain type='test'>\n"
"    <name>test</name>\n"
"    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
"    <memory unit='KiB'>8388608</memory>\n"
"    <currentMemory unit='KiB'>2097152</currentMemory>\n"
"    <vcpu placement='static'>2</vcpu>\n"
"    <os>\n"
"      <type arch='i686'>hvm</type>\n"
"      <boot dev='hd'/>\n"
"    </os>\n"
"    <clock offset='utc'/>\n"
"    <on_poweroff>destroy</on_poweroff>\n"
"    <on_reboot>restart</on_reboot>\n"
"    <on_crash>destroy</on_crash>\n"
"    <devices>\n"
"      <disk type='file' device='disk'>\n"
"        <source file='/guest/diskimage1'/>\n"
"        <target dev='vda' bus='virtio'/>\n"
"        <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n"
"      </disk>\n"
"      <interface type='network'>\n"
"        <mac address='aa:bb:cc:dd:ee:ff'/>\n"
"        <source network='default'/>\n"
"        <target dev='testnet0'/>\n"
"        <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>\n"
"      </interface>\n"
"      <memballoon model='virtio'>\n"
"        <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>\n"
"      </memballoon>\n"
"    </devices>\n"
"  </domain>\n"
"  <network>\n"
"    <name>default</name>\n"
"    <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>\n"
"    <forward mode='nat'/>\n"
"    <bridge name='virbr0' stp='on' delay='0'/>\n"
"    <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
"      <dhcp>\n"
"        <range start='192.168.122.2' end='192.168.122.254'/>\n"
"      </dhcp>\n"
"    </ip>\n"
"  </network>\n"
"  <interface type='ethernet' name='eth1'>\n"
"    <start mode='onboot'/>\n"
"    <mac address='aa:bb:cc:dd:ee:ff'/>\n"
"    <mtu size='1492'/>\n"
"    <protocol family='ipv4'>\n"
"      <ip address='192.168.0.5' prefix='24'/>\n"
"      <route gateway='192.168.0.1'/>\n"
"    </protocol>\n"
"  </interface>\n"
"  <pool type='dir'>\n"
"    <name>default-pool</name>\n"
"    <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
"    <target>\n"
"      <path>/default-pool</path>\n"
"    </target>\n"
"  </pool>\n"
"  <device>\n"
"    <name>computer</name>\n"
"    <capability type='system'>\n"
"      <hardware>\n"
"        <vendor>Libvirt</vendor>\n"
"        <version>Test driver</version>\n"
"        <serial>123456</serial>\n"
"        <uuid>11111111-2222-3333-4444-555555555555</uuid>\n"
"      </hardware>\n"
"      <firmware>\n"
"        <vendor>Libvirt</vendor>\n"
"        <version>Test Driver</version>\n"
"        <release_date>01/22/2007</release_date>\n"
"      </firmware>\n"
"    </capability>\n"
"  </device>\n"
"  <device>\n"
"    <name>scsi_host1</name>\n"
"    <parent>computer</parent>\n"
"    <capability type='scsi_host'>\n"
"      <host>1</host>\n"
"      <unique_id>0</unique_id>\n"
"      <capability type='fc_host'>\n"
"        <wwnn>2000000012341234</wwnn>\n"
"        <wwpn>1000000012341234</wwpn>\n"
"        <fabric_wwn>2000000043214321</fabric_wwn>\n"
"      </capability>\n"
"      <capability type='vport_ops'>\n"
"        <max_vports>0</max_vports>\n"
"        <vports>0</vports>\n"
"      </capability>\n"
"    </capability>\n"
"  </device>\n"
"  <device>\n"
"    <name>scsi_host2</name>\n"
"    <parent>computer</parent>\n"
"    <capability type='scsi_host'>\n"
"      <host>2</host>\n"
"      <unique_id>1</unique_id>\n"
"      <capability type='fc_host'>\n"
"        <wwnn>2000000056785678</wwnn>\n"
"        <wwpn>1000000056785678</wwpn>\n"
"        <fabric_wwn>2000000087658765</fabric_wwn>\n"
"      </capability>\n"
"      <capability type='vport_ops'>\n"
"        <max_vports>0</max_vports>\n"
"        <vports>0</vports>\n"
"      </capability>\n"
"    </capability>\n"
"  </device>\n"
"  <device>\n"
"    <name>scsi_host11</name>\n"
"    <parent>scsi_host1</parent>\n"
"    <capability type='scsi_host'>\n"
"      <host>11</host>\n"
"      <unique_id>10</unique_id>\n"
"      <capability type='fc_host'>\n"
"        <wwnn>2000000034563456</wwnn>\n"
"        <wwpn>1000000034563456</wwpn>\n"
"        <fabric_wwn>2000000043214321</fabric_wwn>\n"
"      </capability>\n"
"    </capability>\n"
"  </device>\n"
"</node>\n";

/* The host every instance starts from; a <node> file may override it. */
static const virNodeInfo testDefaultNodeInfo = {
    .model = "i686",
    .memory = 3 * 1024 * 1024,
    .cpus = 16,
    .mhz = 1400,
    .nodes = 2,
    .sockets = 2,
    .cores = 2,
    .threads = 2,
};

typedef struct _testLoader testLoader;
struct _testLoader {
    testDriver *drv;
    const char *path;           /* the node file, NULL for the default */
};


/* ---- host description ---- */

static xmlNodePtr
testLoadChild(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur;

    for (cur = node ? node->children : NULL; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            xmlStrEqual(cur->name, BAD_CAST name))
            return cur;
    }
    return NULL;
}


/* A number under <node>: 0 if absent, 1 if read, -1 with libvirt's error
 * "invalid node <what> value". */
static int
testLoadNumber(xmlNodePtr parent, const char *elem, const char *what,
               unsigned long long *value)
{
    g_autofree char *text = NULL;
    xmlNodePtr node;

    if (!(node = testLoadChild(parent, elem)))
        return 0;
    text = virConfXMLContent(node);
    if (!text || virConfStrToULongLong(g_strstrip(text), 10, value) < 0 ||
        (text[0] == '-')) {
        virReportError(VIR_ERR_XML_ERROR, "invalid node %s value", what);
        return -1;
    }
    return 1;
}


static int
testLoadNodeInfo(testLoader *ld, xmlNodePtr root)
{
    virNodeInfo *info = &ld->drv->nodeInfo;
    xmlNodePtr cpu = testLoadChild(root, "cpu");
    xmlNodePtr model;
    unsigned long long v;
    int r;

    memcpy(info, &testDefaultNodeInfo, sizeof(*info));

    if ((r = testLoadNumber(cpu, "nodes", "cpu nodes", &v)) < 0)
        return -1;
    if (r)
        info->nodes = v;
    if ((r = testLoadNumber(cpu, "sockets", "cpu sockets", &v)) < 0)
        return -1;
    if (r)
        info->sockets = v;
    if ((r = testLoadNumber(cpu, "cores", "cpu cores", &v)) < 0)
        return -1;
    if (r)
        info->cores = v;
    if ((r = testLoadNumber(cpu, "threads", "cpu threads", &v)) < 0)
        return -1;
    if (r)
        info->threads = v;

    info->cpus = info->nodes * info->sockets * info->cores * info->threads;
    if ((r = testLoadNumber(cpu, "active", "cpu active", &v)) < 0)
        return -1;
    /* More active CPUs than the topology holds is ignored. */
    if (r && v <= info->cpus)
        info->cpus = v;

    if ((r = testLoadNumber(cpu, "mhz", "cpu mhz", &v)) < 0)
        return -1;
    if (r)
        info->mhz = v;

    if ((model = testLoadChild(cpu, "model"))) {
        g_autofree char *text = virConfXMLContent(model);

        if (text) {
            if (strlen(text) >= sizeof(info->model)) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "Model %s too big for destination", text);
                return -1;
            }
            g_strlcpy(info->model, text, sizeof(info->model));
        }
    }

    if ((r = testLoadNumber(root, "memory", "memory", &v)) < 0)
        return -1;
    if (r)
        info->memory = v;
    return 0;
}


/* ---- objects ---- */

/* The element describing an object: `node` itself, or the root of the
 * file its file= attribute names (*doc then holds that document). */
static xmlNodePtr
testLoadObjectNode(testLoader *ld, xmlNodePtr node, const char *type,
                   xmlDocPtr *doc)
{
    g_autofree char *rel = virConfXMLProp(node, "file");
    g_autofree char *path = NULL;

    *doc = NULL;
    if (!rel)
        return node;

    if (g_path_is_absolute(rel) || !ld->path) {
        path = g_strdup(rel);
    } else {
        g_autofree char *dir = g_path_get_dirname(ld->path);
        path = g_build_filename(dir, rel, NULL);
    }
    if (!(*doc = virConfXMLParse(path, NULL, NULL, type, NULL, VIR_FROM_TEST)))
        return NULL;
    return xmlDocGetRootElement(*doc);
}


/* An element as a standalone document string, for the parsers that only
 * read strings. */
static char *
testLoadNodeToString(xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr copy = xmlDocCopyNode(node, doc, 1);
    char *ret;

    xmlDocSetRootElement(doc, copy);
    /* Keep namespace declarations made on ancestors. */
    xmlReconciliateNs(doc, copy);
    xmlNodeDump(buf, doc, copy, 0, 0);
    ret = g_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    xmlFreeDoc(doc);
    return ret;
}


/* The test namespace's <test:NAME> child of a domain, or NULL. */
static xmlNodePtr
testLoadNSChild(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE && cur->ns && cur->ns->href &&
            xmlStrEqual(cur->ns->href, BAD_CAST TEST_NAMESPACE_HREF) &&
            xmlStrEqual(cur->name, BAD_CAST name))
            return cur;
    }
    return NULL;
}


/* The <test:domainsnapshot> children of a domain (each may name a file
 * holding a <domainsnapshot>), with <active>1</active> on the current
 * one. */
static int
testLoadDomainSnapshots(testLoader *ld, testDomObj *obj, xmlNodePtr root)
{
    xmlNodePtr cur;

    for (cur = root->children; cur; cur = cur->next) {
        g_autoptr(testSnapshotDef) def = NULL;
        xmlDocPtr doc = NULL;
        xmlNodePtr snapNode;
        bool current = false;

        if (cur->type != XML_ELEMENT_NODE || !cur->ns || !cur->ns->href ||
            !xmlStrEqual(cur->ns->href, BAD_CAST TEST_NAMESPACE_HREF) ||
            !xmlStrEqual(cur->name, BAD_CAST "domainsnapshot"))
            continue;
        if (!(snapNode = testLoadObjectNode(ld, cur, "domainsnapshot", &doc)))
            return -1;
        def = testSnapshotDefParseNode(snapNode->doc, snapNode,
                                       testDomainXMLOption(),
                                       TEST_SNAPSHOT_PARSE_REDEFINE |
                                       TEST_SNAPSHOT_PARSE_INTERNAL, &current);
        if (doc)
            xmlFreeDoc(doc);
        if (!def || testDomObjAddLoadedSnapshot(obj, &def, current) < 0)
            return -1;
    }
    return testDomObjLinkSnapshots(obj);
}


static int
testLoadDomain(testLoader *ld, xmlNodePtr node)
{
    testDriver *drv = ld->drv;
    g_autoptr(virDomainDef) def = NULL;
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    xmlNodePtr ns;
    unsigned int runstate = VIR_DOMAIN_RUNNING;
    bool transient;
    bool managedSave;
    testDomObj *obj;
    int ret = -1;

    if (!(root = testLoadObjectNode(ld, node, "domain", &doc)))
        return -1;
    if (!(def = virDomainDefParseNode(root->doc, root, testDomainXMLOption(),
                                      VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        goto cleanup;

    if ((ns = testLoadNSChild(root, "runstate"))) {
        g_autofree char *text = virConfXMLContent(ns);

        if (!text || virConfStrToUInt(g_strstrip(text), 10, &runstate) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "invalid runstate");
            goto cleanup;
        }
        if (runstate >= VIR_DOMAIN_PMSUSPENDED + 1) {
            virReportError(VIR_ERR_XML_ERROR, "runstate '%u' out of range'",
                           runstate);
            goto cleanup;
        }
    }
    transient = testLoadNSChild(root, "transient") != NULL;
    managedSave = testLoadNSChild(root, "hasmanagedsave") != NULL;
    if (transient && runstate == VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "transient domain cannot have runstate 'shutoff'");
        goto cleanup;
    }
    if (managedSave && runstate != VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "domain with managedsave data can only have runstate 'shutoff'");
        goto cleanup;
    }

    testDomainDefFinish(def);
    if (!(obj = testDomObjAdd(drv, g_steal_pointer(&def))))
        goto cleanup;
    testIOThreadPollLoad(obj);
    if (testLoadDomainSnapshots(ld, obj, root) < 0)
        goto cleanup;
    obj->persistent = !transient;
    if (runstate != VIR_DOMAIN_SHUTOFF) {
        if (testDomObjStartLoaded(drv, obj) < 0)
            goto cleanup;
        /* A loaded domain is in its state for an unknown reason. */
        obj->state = runstate;
        obj->reason = 0;
    }
    obj->hasManagedSave = managedSave;
    ret = 0;

 cleanup:
    if (doc)
        xmlFreeDoc(doc);
    return ret;
}


static int
testLoadNetwork(testLoader *ld, xmlNodePtr node)
{
    virNetworkDef *def;
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    int ret = -1;

    if (!(root = testLoadObjectNode(ld, node, "network", &doc)))
        return -1;
    if ((def = virNetworkDefParseNode(root->doc, root, 0)))
        ret = testNetObjLoad(ld->drv, def);
    if (doc)
        xmlFreeDoc(doc);
    return ret;
}


static int
testLoadVolumes(testLoader *ld, testPoolObj *pool, xmlNodePtr poolNode)
{
    xmlNodePtr cur;

    for (cur = poolNode->children; cur; cur = cur->next) {
        g_autofree char *xml = NULL;
        virStorageVolDef *vol;
        xmlDocPtr doc = NULL;
        xmlNodePtr root;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "volume"))
            continue;
        if (!(root = testLoadObjectNode(ld, cur, "volume", &doc)))
            return -1;
        xml = testLoadNodeToString(root);
        if (doc)
            xmlFreeDoc(doc);
        if (!(vol = virStorageVolDefParseString(pool->def, xml, 0)))
            return -1;
        testPoolObjAddVolume(pool, vol);
    }
    return 0;
}


static int
testLoadPool(testLoader *ld, xmlNodePtr node)
{
    g_autofree char *xml = NULL;
    virStoragePoolDef *def;
    testPoolObj *pool;
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    int ret = -1;

    if (!(root = testLoadObjectNode(ld, node, "pool", &doc)))
        return -1;
    xml = testLoadNodeToString(root);
    if ((def = virStoragePoolDefParseString(xml, 0)) &&
        (pool = testPoolObjLoad(ld->drv, def)))
        ret = testLoadVolumes(ld, pool, root);
    if (doc)
        xmlFreeDoc(doc);
    return ret;
}


static int
testLoadInterface(testLoader *ld, xmlNodePtr node)
{
    testInterfaceDef *def;
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    int ret = -1;

    if (!(root = testLoadObjectNode(ld, node, "interface", &doc)))
        return -1;
    if ((def = testInterfaceDefParseNode(root))) {
        testIfaceObjLoad(ld->drv, def);
        ret = 0;
    }
    if (doc)
        xmlFreeDoc(doc);
    return ret;
}


static int
testLoadDevice(testLoader *ld, xmlNodePtr node)
{
    virNodeDeviceDef *def;
    xmlDocPtr doc = NULL;
    xmlNodePtr root;
    int ret = -1;

    if (!(root = testLoadObjectNode(ld, node, "device", &doc)))
        return -1;
    if ((def = virNodeDeviceDefParseNode(root->doc, root, 0)))
        ret = testNodeDevLoad(ld->drv, def);
    if (doc)
        xmlFreeDoc(doc);
    return ret;
}


static int
testLoadAuth(testLoader *ld, xmlNodePtr root)
{
    testDriver *drv = ld->drv;
    xmlNodePtr auth = testLoadChild(root, "auth");
    xmlNodePtr cur;

    for (cur = auth ? auth->children : NULL; cur; cur = cur->next) {
        g_autofree char *name = NULL;

        if (cur->type != XML_ELEMENT_NODE ||
            !xmlStrEqual(cur->name, BAD_CAST "user"))
            continue;
        if (!(name = virConfXMLContent(cur)) || !*name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing username in /node/auth/user field");
            return -1;
        }
        drv->auths = g_renew(testAuth, drv->auths, drv->nauths + 1);
        drv->auths[drv->nauths].username = g_steal_pointer(&name);
        drv->auths[drv->nauths].password = virConfXMLProp(cur, "password");
        drv->nauths++;
    }
    return 0;
}


/* ---- the whole document ---- */

static int
testLoadObjects(testLoader *ld, xmlNodePtr root)
{
    static const struct {
        const char *name;
        int (*load)(testLoader *ld, xmlNodePtr node);
    } kinds[] = {
        { "domain", testLoadDomain },
        { "network", testLoadNetwork },
        { "interface", testLoadInterface },
        { "pool", testLoadPool },
        { "device", testLoadDevice },
    };
    size_t k;

    /* One kind after the other, each in document order. */
    for (k = 0; k < G_N_ELEMENTS(kinds); k++) {
        xmlNodePtr cur;

        for (cur = root->children; cur; cur = cur->next) {
            if (cur->type == XML_ELEMENT_NODE &&
                xmlStrEqual(cur->name, BAD_CAST kinds[k].name) &&
                kinds[k].load(ld, cur) < 0)
                return -1;
        }
    }
    return 0;
}


static testDriver *
testDriverLoad(const char *path, const char *xml)
{
    testLoader ld = { NULL, path };
    xmlDocPtr doc;
    xmlNodePtr root;

    if (!(doc = virConfXMLParse(path, xml, NULL, "node", NULL,
                                VIR_FROM_TEST)))
        return NULL;
    root = xmlDocGetRootElement(doc);

    ld.drv = testDriverNew();
    if (testLoadNodeInfo(&ld, root) < 0 ||
        testLoadObjects(&ld, root) < 0 ||
        testLoadAuth(&ld, root) < 0) {
        testDriverFree(ld.drv);
        ld.drv = NULL;
    }
    virConfXMLFree(doc, NULL);
    return ld.drv;
}


testDriver *
testDriverLoadFile(const char *path)
{
    return testDriverLoad(path, NULL);
}


testDriver *
testDriverLoadDefault(void)
{
    testDriver *drv;
    size_t i;

    if (!(drv = testDriverLoad(NULL, testDefaultNode)))
        return NULL;
    drv->isDefault = true;

    /* Two cells of 8 CPUs; cell i has (i+1)*2 GiB, (i+1) GiB of it free. */
    drv->numCells = 2;
    for (i = 0; i < drv->numCells; i++) {
        drv->cells[i].mem = (i + 1) * 2 * 1024 * 1024;
        drv->cells[i].freeMem = (i + 1) * 1024 * 1024;
        drv->cells[i].ncpus = 8;
        drv->cells[i].firstCpu = i * 8;
    }
    return drv;
}
