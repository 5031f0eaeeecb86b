/* Generated from api/virt-api.xml by generator/targets/c_entry.py. DO NOT EDIT. */
/* public entry points of libvirt.so. */
#include <config.h>

#include <string.h>

#include "datatypes.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NONE


/* A path as the caller meant it: relative ones against the caller's
 * working directory, with "." and ".." and repeated slashes resolved. */
static char *
virEntryAbsolutePath(const char *path)
{
    return path ? g_canonicalize_filename(path, NULL) : NULL;
}

const char *virConnectGetType(virConnectPtr conn)
{
    virConnectPtr conn_;
    const char * ret;

    virResetLastError();
    if (!virObjectIsConnect(conn)) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_INVALID_CONN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    conn_ = conn;
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->connectGetType) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    ret = conn_->driver->hypervisorDriver->connectGetType(conn);
    if (!ret)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return NULL;
}

int virConnectRegisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb, void *opaque, virFreeCallback freecb)
{
    virConnectPtr conn_;
    int ret;

    virResetLastError();
    if (!virObjectIsConnect(conn)) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_INVALID_CONN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    conn_ = conn;
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->connectRegisterCloseCallback) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    ret = conn_->driver->hypervisorDriver->connectRegisterCloseCallback(conn, cb, opaque, freecb);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return -1;
}

virDomainPtr virDomainLookupByName(virConnectPtr conn, const char *name)
{
    virConnectPtr conn_;
    virDomainPtr ret;

    virResetLastError();
    if (!virObjectIsConnect(conn)) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_INVALID_CONN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    conn_ = conn;
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->domainLookupByName) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    ret = conn_->driver->hypervisorDriver->domainLookupByName(conn, name);
    if (!ret)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return NULL;
}

int virDomainRestore(virConnectPtr conn, const char *from)
{
    virConnectPtr conn_;
    int ret;
    g_autofree char *abs_from = NULL;

    virResetLastError();
    if (!virObjectIsConnect(conn)) {
        virReportErrorFull(VIR_FROM_NONE, VIR_ERR_INVALID_CONN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    conn_ = conn;
    if (conn_->flags & VIR_CONNECT_RO) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_DENIED, __FILE__, __func__,
                           __LINE__, "read only access prevents virDomainRestore");
        goto error;
    }
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->domainRestore) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    abs_from = virEntryAbsolutePath(from);
    ret = conn_->driver->hypervisorDriver->domainRestore(conn, abs_from);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return -1;
}

int virDomainDestroyFlags(virDomainPtr domain, unsigned int flags)
{
    virConnectPtr conn_;
    int ret;

    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    conn_ = domain->conn;
    if (conn_->flags & VIR_CONNECT_RO) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_DENIED, __FILE__, __func__,
                           __LINE__, "read only access prevents virDomainDestroyFlags");
        goto error;
    }
    if ((unsigned long)(flags & ~0x1UL)) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_DOMAIN,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "virDomainDestroyFlags",
                          "flags", NULL, 0, 0, "unsupported flags (0x%lx) in function virDomainDestroyFlags", (unsigned long)(flags & ~0x1UL));
        goto error;
    }
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->domainDestroyFlags) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    ret = conn_->driver->hypervisorDriver->domainDestroyFlags(domain, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return -1;
}

char *virDomainGetXMLDesc(virDomainPtr domain, unsigned int flags)
{
    virConnectPtr conn_;
    char * ret;

    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    conn_ = domain->conn;
    if ((conn_->flags & VIR_CONNECT_RO) && (flags & (VIR_DOMAIN_XML_SECURE))) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_DENIED, __FILE__, __func__,
                           __LINE__, "read only access prevents virDomainGetXMLDesc");
        goto error;
    }
    if ((flags & (VIR_DOMAIN_XML_SECURE)) && (flags & (VIR_DOMAIN_XML_HIGH_BIT))) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_DOMAIN,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "virDomainGetXMLDesc",
                          "ctl", NULL, 0, 0, "Flags 'VIR_DOMAIN_XML_SECURE' and 'VIR_DOMAIN_XML_HIGH_BIT' are mutually exclusive");
        goto error;
    }
    if ((flags & (VIR_DOMAIN_XML_MIGRATABLE)) && !(flags & (VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE))) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_DOMAIN,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "virDomainGetXMLDesc",
                          "ctl", NULL, 0, 0, "Flag 'VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE' is required by flag 'VIR_DOMAIN_XML_MIGRATABLE'");
        goto error;
    }
    if ((flags & (VIR_DOMAIN_XML_HIGH_BIT)) && !(flags & (VIR_DOMAIN_XML_INACTIVE))) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_DOMAIN,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "virDomainXMLCheckHelper",
                          "flags", NULL, 0, 0, "high bit needs inactive");
        goto error;
    }
    if ((unsigned long)(flags & ~(0x8000000bUL | VIR_DOMAIN_XML_INACTIVE))) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_DOMAIN,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "virDomainGetXMLDesc",
                          "flags", NULL, 0, 0, "unsupported flags (0x%lx) in function virDomainGetXMLDesc", (unsigned long)(flags & ~(0x8000000bUL | VIR_DOMAIN_XML_INACTIVE)));
        goto error;
    }
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->domainGetXMLDesc) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    flags |= VIR_DOMAIN_XML_INACTIVE;
    ret = conn_->driver->hypervisorDriver->domainGetXMLDesc(domain, flags);
    if (!ret)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return NULL;
}

int virDomainGetState(virDomainPtr domain, int *state, int *reason, unsigned int flags)
{
    virConnectPtr conn_;
    int ret;

    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    conn_ = domain->conn;
    if ((unsigned long)(flags & ~0x0UL)) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_DOMAIN,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "virDomainGetState",
                          "flags", NULL, 0, 0, "unsupported flags (0x%lx) in function virDomainGetState", (unsigned long)(flags & ~0x0UL));
        goto error;
    }
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->domainGetState) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    ret = conn_->driver->hypervisorDriver->domainGetState(domain, state, reason, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return -1;
}

int virDomainSetSchedulerParametersFlags(virDomainPtr domain, virTypedParameterPtr params, int nparams, unsigned int flags)
{
    virConnectPtr conn_;
    int ret;

    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    conn_ = domain->conn;
    if (conn_->flags & VIR_CONNECT_RO) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_DENIED, __FILE__, __func__,
                           __LINE__, "read only access prevents virDomainSetSchedulerParametersFlags");
        goto error;
    }
    if ((unsigned long)(flags & ~0x3UL)) {
        virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_DOMAIN,
                          VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, "virDomainSetSchedulerParametersFlags",
                          "flags", NULL, 0, 0, "unsupported flags (0x%lx) in function virDomainSetSchedulerParametersFlags", (unsigned long)(flags & ~0x3UL));
        goto error;
    }
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->domainSetSchedulerParametersFlags) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    ret = conn_->driver->hypervisorDriver->domainSetSchedulerParametersFlags(domain, params, nparams, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return -1;
}

int virDomainSetMetadata(virDomainPtr domain, const char *metadata, unsigned int flags)
{
    virConnectPtr conn_;
    int ret;

    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    conn_ = domain->conn;
    if (conn_->flags & VIR_CONNECT_RO) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_OPERATION_DENIED, __FILE__, __func__,
                           __LINE__, "read only access prevents virDomainSetMetadata");
        goto error;
    }
    if (!conn_->driver->hypervisorDriver ||
        !conn_->driver->hypervisorDriver->domainSetMetadata) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        goto error;
    }
    ret = conn_->driver->hypervisorDriver->domainSetMetadata(domain, metadata, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn_);
    return -1;
}

int virDomainRef(virDomainPtr domain)
{
    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    virObjectRef(domain);
    return 0;
}

int virDomainFree(virDomainPtr domain)
{
    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    virObjectUnref(domain);
    return 0;
}

const char *virDomainGetName(virDomainPtr domain)
{
    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    return domain->name;
}

unsigned int virDomainGetID(virDomainPtr domain)
{
    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return (unsigned int)-1;
    }
    return domain->id;
}

int virDomainGetUUID(virDomainPtr domain, unsigned char *uuid)
{
    virResetLastError();
    if (!virObjectIsDomain(domain)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return -1;
    }
    if (!uuid) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG, __FILE__, __func__,
                           __LINE__, "uuid in virDomainGetUUID must not be NULL");
        virDispatchError(NULL);
        return -1;
    }
    memcpy(uuid, domain->uuid, VIR_UUID_BUFLEN);
    return 0;
}

virConnectPtr virDomainGetConnect(virDomainPtr dom)
{
    virResetLastError();
    if (!virObjectIsDomain(dom)) {
        virReportErrorFull(VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN,
                           __FILE__, __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    return dom->conn;
}
