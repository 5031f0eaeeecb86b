/* Calls that show what the public entry points do before a driver sees the
 * arguments: flag rules (one flag needing another, flags that exclude each
 * other), relative paths made absolute, string typed parameters allowed,
 * a node device's parent asked of the driver, read-only refusals that
 * depend on the arguments.  One line per call: the
 * return and the error (code, domain, message, str1, str2).  Built and run
 * by tests/entry-fidelity.sh on our library and on libvirt 9.0's: the
 * lines must be the same.  The working directory is shown as "<cwd>". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

static char cwd[4096];

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* A message with the working directory replaced, so runs compare. */
static void
printMasked(const char *s)
{
    size_t n = strlen(cwd);
    const char *p;

    while (s && (p = strstr(s, cwd))) {
        printf("%.*s<cwd>", (int)(p - s), s);
        s = p + n;
    }
    printf("%s", s ? s : "(null)");
}

static void
report(const char *what, long long ret)
{
    virErrorPtr e = virGetLastError();

    printf("%s: ret=%lld", what, ret);
    if (e) {
        printf(" err=%d/%d msg=", e->code, e->domain);
        printMasked(e->message);
        printf(" str1=");
        printMasked(e->str1);
        printf(" str2=");
        printMasked(e->str2);
    }
    printf("\n");
}

static void
reportParams(const char *what, int ret, virTypedParameterPtr params,
             int n)
{
    int i;

    report(what, ret);
    for (i = 0; ret >= 0 && i < n; i++)
        printf("  %s type=%d\n", params[i].field, params[i].type);
}

#define CALL(expr) report(#expr, (long long)(expr))
#define CALLPTR(expr) report(#expr, (expr) ? 1 : 0)

static void
flagRules(virConnectPtr conn, virDomainPtr dom)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0, type = 0;

    /* One flag needing another. */
    CALL(virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_VCPU_MAXIMUM));
    CALL(virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_VCPU_MAXIMUM |
                                VIR_DOMAIN_VCPU_LIVE));
    CALLPTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                       VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT));
    CALLPTR(virDomainCheckpointCreateXML(
                dom, "<domaincheckpoint/>",
                VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE));
    CALL(virDomainGetJobStats(dom, &type, &params, &nparams,
                              VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED));
    CALL(virDomainBlockRebase(dom, "vda", NULL, 0,
                              VIR_DOMAIN_BLOCK_REBASE_SHALLOW));
    CALL(virDomainBlockRebase(dom, "vda", NULL, 0,
                              VIR_DOMAIN_BLOCK_REBASE_COPY_DEV));
    CALLPTR(virDomainMigrate(dom, conn,
                             VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                             NULL, NULL, 0));
    CALLPTR(virDomainMigrate2(dom, conn, NULL,
                              VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                              NULL, NULL, 0));
    CALLPTR(virDomainMigrate3(dom, conn, NULL, 0,
                              VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES));
    CALL(virDomainMigrateToURI(dom, "test:///default",
                               VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                               NULL, 0));
    CALL(virDomainMigrateToURI2(dom, NULL, NULL, NULL,
                                VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                                NULL, 0));
    CALL(virDomainMigrateToURI3(dom, NULL, NULL, 0,
                                VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES));

    /* Flags that exclude each other. */
    CALL(virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_VCPU_GUEST |
                                VIR_DOMAIN_AFFECT_CONFIG));
    CALL(virDomainCoreDump(dom, "x", VIR_DUMP_CRASH | VIR_DUMP_LIVE));
    CALL(virDomainSaveFlags(dom, "x", NULL, VIR_DOMAIN_SAVE_RUNNING |
                            VIR_DOMAIN_SAVE_PAUSED));
    CALL(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_KEEP_NVRAM |
                                VIR_DOMAIN_UNDEFINE_NVRAM));
}

static void
paths(virConnectPtr conn, virDomainPtr dom)
{
    const char *rel[] = { "nofile", "./a/../nofile", "a//nofile",
                          "/tmp//none/../nofile", "a/./b/" };
    size_t i;

    for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
        printf("# path %s\n", rel[i]);
        CALL(virDomainRestore(conn, rel[i]));
        CALL(virDomainRestoreFlags(conn, rel[i], NULL, 0));
        CALLPTR(virDomainSaveImageGetXMLDesc(conn, rel[i], 0));
        CALL(virDomainSaveImageDefineXML(conn, rel[i], "<domain/>", 0));
    }
    CALL(virDomainCoreDump(dom, "nodir/x", 0));
    CALL(virDomainCoreDumpWithFormat(dom, "nodir/../nodir/x",
                                     VIR_DOMAIN_CORE_DUMP_FORMAT_RAW, 0));
    CALL(virDomainSaveFlags(dom, "nodir//x", NULL, 0));
    CALL(virDomainSave(dom, "./nodir/x"));
}

static void
stringParams(virConnectPtr conn, virDomainPtr dom)
{
    virTypedParameter params[64];
    virTypedParameterPtr list = NULL;
    int n, ret;

    virTypedParameterPtr pp;

    /* Asked for the count first, as programs do (and as a remote driver
     * needs: it refuses more than the protocol's maximum). */
#define GET(call) \
    do { \
        memset(params, 0, sizeof(params)); \
        pp = NULL; \
        n = 0; \
        ret = call; \
        if (ret == 0 && n > 0 && n <= 64) { \
            pp = params; \
            ret = call; \
        } \
        reportParams(#call, ret, params, n); \
        virTypedParamsClear(params, ret < 0 || !pp ? 0 : n); \
    } while (0)
    GET(virDomainGetBlkioParameters(dom, pp, &n, 0));
    GET(virDomainGetMemoryParameters(dom, pp, &n, 0));
    GET(virDomainGetNumaParameters(dom, pp, &n, 0));
    GET(virDomainGetSchedulerParametersFlags(dom, pp, &n, 0));
    GET(virDomainGetBlockIoTune(dom, "vda", pp, &n, 0));
    GET(virNodeGetMemoryParameters(conn, pp, &n, 0));
#undef GET
    n = 0;
    ret = virDomainGetLaunchSecurityInfo(dom, &list, &n, 0);
    reportParams("virDomainGetLaunchSecurityInfo(dom, &list, &n, 0)", ret,
                 list, n);
    virTypedParamsFree(list, ret < 0 ? 0 : n);
    list = NULL;
    n = 0;
    ret = virNodeGetSEVInfo(conn, &list, &n, 0);
    reportParams("virNodeGetSEVInfo(conn, &list, &n, 0)", ret, list, n);
    virTypedParamsFree(list, ret < 0 ? 0 : n);
}

static void
parents(virConnectPtr conn)
{
    const char *names[] = { "computer", "scsi_host1", "scsi_host11" };
    size_t i;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        virNodeDevicePtr dev = virNodeDeviceLookupByName(conn, names[i]);
        const char *parent;

        if (!dev) {
            report(names[i], -1);
            continue;
        }
        parent = virNodeDeviceGetParent(dev);
        printf("parent of %s: %s\n", names[i], parent ? parent : "(null)");
        report("virNodeDeviceGetParent", parent ? 0 : -1);
        virNodeDeviceFree(dev);
    }
}

/* virDomainCreateLinux: the old name of virDomainCreateXML. */
static void
aliases(virConnectPtr conn)
{
    virDomainPtr dom;

    CALLPTR(virDomainCreateLinux(conn, NULL, 0));
    dom = virDomainCreateLinux(conn,
                               "<domain type='test'><name>alias</name>"
                               "<memory>1024</memory><os><type>hvm</type>"
                               "</os></domain>", 0);
    printf("created by the old name: %s\n", dom ? virDomainGetName(dom) : "-");
    if (dom) {
        virDomainDestroy(dom);
        virDomainFree(dom);
    }
}

/* A document asked for on a read-only connection: freed, shown as 1. */
static void
reportXML(const char *what, char *xml)
{
    report(what, xml ? 1 : 0);
    free(xml);
}

#define CALLXML(expr) reportXML(#expr, (expr))

/* Refusals on a read-only connection that depend on the arguments: the
 * SECURE flags of the ...GetXMLDesc functions have their own wording.
 * The snapshot and the checkpoint are made on the read-write connection
 * (test:///default is one host for both) and removed again. */
static void
readOnly(virConnectPtr conn, virDomainPtr dom, const char *uri)
{
    virConnectPtr ro = virConnectOpenReadOnly(uri);
    virDomainPtr rdom = ro ? virDomainLookupByName(ro, "test") : NULL;
    virDomainSnapshotPtr snap, rsnap;
    virDomainCheckpointPtr cp, rcp;
    virDomainInterfacePtr *ifaces = NULL;

    if (!rdom) {
        report("virConnectOpenReadOnly", -1);
        if (ro)
            virConnectClose(ro);
        return;
    }
    CALLXML(virDomainGetXMLDesc(rdom, 0));
    CALLXML(virDomainGetXMLDesc(rdom, VIR_DOMAIN_XML_SECURE));
    CALLXML(virDomainGetXMLDesc(rdom, VIR_DOMAIN_XML_MIGRATABLE));
    CALLXML(virDomainGetXMLDesc(rdom, VIR_DOMAIN_XML_INACTIVE |
                                VIR_DOMAIN_XML_SECURE));
    CALLXML(virDomainManagedSaveGetXMLDesc(
                rdom, VIR_DOMAIN_SAVE_IMAGE_XML_SECURE));
    CALLXML(virDomainSaveImageGetXMLDesc(ro, "nofile",
                                         VIR_DOMAIN_SAVE_IMAGE_XML_SECURE));
    CALL(virDomainGetVcpusFlags(rdom, VIR_DOMAIN_VCPU_GUEST));
    CALL(virDomainInterfaceAddresses(
             rdom, &ifaces, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, 0));

    snap = virDomainSnapshotCreateXML(
        dom, "<domainsnapshot><name>fid2</name></domainsnapshot>", 0);
    rsnap = virDomainSnapshotLookupByName(rdom, "fid2", 0);
    CALLPTR(rsnap);
    if (rsnap) {
        CALLXML(virDomainSnapshotGetXMLDesc(rsnap, 0));
        CALLXML(virDomainSnapshotGetXMLDesc(rsnap,
                                            VIR_DOMAIN_SNAPSHOT_XML_SECURE));
        virDomainSnapshotFree(rsnap);
    }
    if (snap) {
        virDomainSnapshotDelete(snap, 0);
        virDomainSnapshotFree(snap);
    }

    cp = virDomainCheckpointCreateXML(
        dom, "<domaincheckpoint><name>fid2</name></domaincheckpoint>", 0);
    rcp = virDomainCheckpointLookupByName(rdom, "fid2", 0);
    CALLPTR(rcp);
    if (rcp) {
        CALLXML(virDomainCheckpointGetXMLDesc(rcp, 0));
        CALLXML(virDomainCheckpointGetXMLDesc(
                    rcp, VIR_DOMAIN_CHECKPOINT_XML_SECURE));
        virDomainCheckpointFree(rcp);
    }
    if (cp) {
        virDomainCheckpointDelete(cp, 0);
        virDomainCheckpointFree(cp);
    }
    virDomainFree(rdom);
    virConnectClose(ro);
}

/* A NULL connection: the error domain is that of the header declaring the
 * call (virConnectClose is the exception). */
static void
badConnection(void)
{
    CALL(virConnectClose(NULL));
    CALL(virConnectGetURI(NULL) != NULL);
    CALL(virConnectIsAlive(NULL));
    CALL(virConnectGetCapabilities(NULL) != NULL);
    CALLPTR(virDomainCreateXML(NULL, "<domain/>", 0));
    CALL(virConnectListAllDomains(NULL, NULL, 0));
    CALL(virConnectDomainEventRegisterAny(NULL, NULL, 0, NULL, NULL, NULL));
    CALLPTR(virNetworkLookupByName(NULL, "x"));
    CALL(virConnectNetworkEventRegisterAny(NULL, NULL, 0, NULL, NULL, NULL));
    CALLPTR(virStoragePoolLookupByName(NULL, "x"));
    CALLPTR(virInterfaceLookupByName(NULL, "x"));
    CALLPTR(virSecretLookupByUUIDString(NULL, "x"));
    CALLPTR(virNodeDeviceLookupByName(NULL, "x"));
    CALLPTR(virNWFilterLookupByName(NULL, "x"));
    CALLPTR(virNWFilterBindingLookupByPortDev(NULL, "x"));
    CALLPTR(virStreamNew(NULL, 0));
    CALL(virDomainGetInfo(NULL, NULL));
    CALLPTR(virNetworkGetName(NULL));
}

int
main(int argc, char **argv)
{
    const char *uri = argc > 1 ? argv[1] : "test:///default";
    virConnectPtr conn;
    virDomainPtr dom;

    if (!getcwd(cwd, sizeof(cwd)))
        return 1;
    virSetErrorFunc(NULL, quiet);
    if (!(conn = virConnectOpen(uri)) ||
        !(dom = virDomainLookupByName(conn, "test"))) {
        fprintf(stderr, "cannot open %s\n", uri);
        return 1;
    }
    printf("## flag rules\n");
    flagRules(conn, dom);
    printf("## paths\n");
    paths(conn, dom);
    printf("## string parameters\n");
    stringParams(conn, dom);
    printf("## node device parents\n");
    parents(conn);
    printf("## old names\n");
    aliases(conn);
    printf("## bad connection\n");
    badConnection();
    printf("## read-only refusals\n");
    readOnly(conn, dom, uri);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
