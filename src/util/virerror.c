/* virerror.c: the thread-local last error and how errors are raised.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each thread owns one heap virError (handed out by virGetLastError, so
 * it must stay at a fixed address); it is freed when the thread exits.
 * Messages are built exactly the way libvirt 9.0 builds them: a per-code
 * template, with or without the detail, and the template kept in str1 and
 * the detail in str2 so callers can inspect them.
 */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "util/virerror.h"
#include "util/virlog.h"

/* Per-code message: `bare` when there is no detail, `detailed` holds exactly
 * one "%s" where the detail goes.  Strings are libvirt 9.0's (users and
 * scripts match on them). */
typedef struct {
    const char *bare;
    const char *detailed;
} virErrorTemplate;

#define ROW(code, bare, detailed) [code] = { bare, detailed }

static const virErrorTemplate virErrorTemplates[] = {
    ROW(VIR_ERR_INTERNAL_ERROR, "internal error",
        "internal error: %s"),
    ROW(VIR_ERR_NO_MEMORY, "out of memory",
        "out of memory: %s"),
    ROW(VIR_ERR_NO_SUPPORT, "this function is not supported by the connection driver",
        "this function is not supported by the connection driver: %s"),
    ROW(VIR_ERR_UNKNOWN_HOST, "unknown host",
        "unknown host %s"),
    ROW(VIR_ERR_NO_CONNECT, "no connection driver available",
        "no connection driver available for %s"),
    ROW(VIR_ERR_INVALID_CONN, "invalid connection pointer in",
        "invalid connection pointer in %s"),
    ROW(VIR_ERR_INVALID_DOMAIN, "invalid domain pointer in",
        "invalid domain pointer in %s"),
    ROW(VIR_ERR_INVALID_ARG, "invalid argument",
        "invalid argument: %s"),
    ROW(VIR_ERR_OPERATION_FAILED, "operation failed",
        "operation failed: %s"),
    ROW(VIR_ERR_GET_FAILED, "GET operation failed",
        "GET operation failed: %s"),
    ROW(VIR_ERR_POST_FAILED, "POST operation failed",
        "POST operation failed: %s"),
    ROW(VIR_ERR_HTTP_ERROR, "got unknown HTTP error code",
        "got unknown HTTP error code %s"),
    ROW(VIR_ERR_SEXPR_SERIAL, "failed to serialize S-Expr",
        "failed to serialize S-Expr: %s"),
    ROW(VIR_ERR_NO_XEN, "could not use Xen hypervisor entry",
        "could not use Xen hypervisor entry %s"),
    ROW(VIR_ERR_XEN_CALL, "failed Xen syscall",
        "failed Xen syscall %s"),
    ROW(VIR_ERR_OS_TYPE, "unknown OS type",
        "unknown OS type %s"),
    ROW(VIR_ERR_NO_KERNEL, "missing kernel information",
        "missing kernel information: %s"),
    ROW(VIR_ERR_NO_ROOT, "missing root device information",
        "missing root device information in %s"),
    ROW(VIR_ERR_NO_SOURCE, "missing source information for device",
        "missing source information for device %s"),
    ROW(VIR_ERR_NO_TARGET, "missing target information for device",
        "missing target information for device %s"),
    ROW(VIR_ERR_NO_NAME, "missing name information",
        "missing name information in %s"),
    ROW(VIR_ERR_NO_OS, "missing operating system information",
        "missing operating system information for %s"),
    ROW(VIR_ERR_NO_DEVICE, "missing devices information",
        "missing devices information for %s"),
    ROW(VIR_ERR_NO_XENSTORE, "could not connect to Xen Store",
        "could not connect to Xen Store %s"),
    ROW(VIR_ERR_DRIVER_FULL, "too many drivers registered",
        "too many drivers registered in %s"),
    ROW(VIR_ERR_CALL_FAILED, "library call failed",
        "library call failed: %s"),
    ROW(VIR_ERR_XML_ERROR, "XML description is invalid or not well formed",
        "XML error: %s"),
    ROW(VIR_ERR_DOM_EXIST, "this domain exists already",
        "domain %s exists already"),
    ROW(VIR_ERR_OPERATION_DENIED, "operation forbidden for read only access",
        "operation forbidden: %s"),
    ROW(VIR_ERR_OPEN_FAILED, "failed to open configuration file",
        "failed to open configuration file %s"),
    ROW(VIR_ERR_READ_FAILED, "failed to read configuration file",
        "failed to read configuration file %s"),
    ROW(VIR_ERR_PARSE_FAILED, "failed to parse configuration file",
        "failed to parse configuration file %s"),
    ROW(VIR_ERR_CONF_SYNTAX, "configuration file syntax error",
        "configuration file syntax error: %s"),
    ROW(VIR_ERR_WRITE_FAILED, "failed to write configuration file",
        "failed to write configuration file: %s"),
    ROW(VIR_ERR_XML_DETAIL, "parser error",
        "%s"),
    ROW(VIR_ERR_INVALID_NETWORK, "invalid network pointer in",
        "invalid network pointer in %s"),
    ROW(VIR_ERR_NETWORK_EXIST, "this network exists already",
        "network %s exists already"),
    ROW(VIR_ERR_SYSTEM_ERROR, "system call error",
        "%s"),
    ROW(VIR_ERR_RPC, "RPC error",
        "%s"),
    ROW(VIR_ERR_GNUTLS_ERROR, "GNUTLS call error",
        "%s"),
    ROW(VIR_WAR_NO_NETWORK, "Failed to find the network",
        "Failed to find the network: %s"),
    ROW(VIR_ERR_NO_DOMAIN, "Domain not found",
        "Domain not found: %s"),
    ROW(VIR_ERR_NO_NETWORK, "Network not found",
        "Network not found: %s"),
    ROW(VIR_ERR_INVALID_MAC, "invalid MAC address",
        "invalid MAC address: %s"),
    ROW(VIR_ERR_AUTH_FAILED, "authentication failed",
        "authentication failed: %s"),
    ROW(VIR_ERR_INVALID_STORAGE_POOL, "invalid storage pool pointer in",
        "invalid storage pool pointer in %s"),
    ROW(VIR_ERR_INVALID_STORAGE_VOL, "invalid storage volume pointer in",
        "invalid storage volume pointer in %s"),
    ROW(VIR_WAR_NO_STORAGE, "Failed to find a storage driver",
        "Failed to find a storage driver: %s"),
    ROW(VIR_ERR_NO_STORAGE_POOL, "Storage pool not found",
        "Storage pool not found: %s"),
    ROW(VIR_ERR_NO_STORAGE_VOL, "Storage volume not found",
        "Storage volume not found: %s"),
    ROW(VIR_WAR_NO_NODE, "Failed to find a node driver",
        "Failed to find a node driver: %s"),
    ROW(VIR_ERR_INVALID_NODE_DEVICE, "invalid node device pointer",
        "invalid node device pointer in %s"),
    ROW(VIR_ERR_NO_NODE_DEVICE, "Node device not found",
        "Node device not found: %s"),
    ROW(VIR_ERR_NO_SECURITY_MODEL, "Security model not found",
        "Security model not found: %s"),
    ROW(VIR_ERR_OPERATION_INVALID, "Requested operation is not valid",
        "Requested operation is not valid: %s"),
    ROW(VIR_WAR_NO_INTERFACE, "Failed to find the interface",
        "Failed to find the interface: %s"),
    ROW(VIR_ERR_NO_INTERFACE, "Interface not found",
        "Interface not found: %s"),
    ROW(VIR_ERR_INVALID_INTERFACE, "invalid interface pointer in",
        "invalid interface pointer in %s"),
    ROW(VIR_ERR_MULTIPLE_INTERFACES, "multiple matching interfaces found",
        "multiple matching interfaces found: %s"),
    ROW(VIR_WAR_NO_NWFILTER, "Failed to start the nwfilter driver",
        "Failed to start the nwfilter driver: %s"),
    ROW(VIR_ERR_INVALID_NWFILTER, "Invalid network filter",
        "Invalid network filter: %s"),
    ROW(VIR_ERR_NO_NWFILTER, "Network filter not found",
        "Network filter not found: %s"),
    ROW(VIR_ERR_BUILD_FIREWALL, "Error while building firewall",
        "Error while building firewall: %s"),
    ROW(VIR_WAR_NO_SECRET, "Failed to find a secret storage driver",
        "Failed to find a secret storage driver: %s"),
    ROW(VIR_ERR_INVALID_SECRET, "Invalid secret",
        "Invalid secret: %s"),
    ROW(VIR_ERR_NO_SECRET, "Secret not found",
        "Secret not found: %s"),
    ROW(VIR_ERR_CONFIG_UNSUPPORTED, "unsupported configuration",
        "unsupported configuration: %s"),
    ROW(VIR_ERR_OPERATION_TIMEOUT, "Timed out during operation",
        "Timed out during operation: %s"),
    ROW(VIR_ERR_MIGRATE_PERSIST_FAILED, "Failed to make domain persistent after migration",
        "Failed to make domain persistent after migration: %s"),
    ROW(VIR_ERR_HOOK_SCRIPT_FAILED, "Hook script execution failed",
        "Hook script execution failed: %s"),
    ROW(VIR_ERR_INVALID_DOMAIN_SNAPSHOT, "Invalid domain snapshot",
        "Invalid domain snapshot: %s"),
    ROW(VIR_ERR_NO_DOMAIN_SNAPSHOT, "Domain snapshot not found",
        "Domain snapshot not found: %s"),
    ROW(VIR_ERR_INVALID_STREAM, "invalid stream pointer",
        "invalid stream pointer in %s"),
    ROW(VIR_ERR_ARGUMENT_UNSUPPORTED, "argument unsupported",
        "argument unsupported: %s"),
    ROW(VIR_ERR_STORAGE_PROBE_FAILED, "Storage pool probe failed",
        "Storage pool probe failed: %s"),
    ROW(VIR_ERR_STORAGE_POOL_BUILT, "Storage pool already built",
        "Storage pool already built: %s"),
    ROW(VIR_ERR_SNAPSHOT_REVERT_RISKY, "revert requires force",
        "revert requires force: %s"),
    ROW(VIR_ERR_OPERATION_ABORTED, "operation aborted",
        "operation aborted: %s"),
    ROW(VIR_ERR_AUTH_CANCELLED, "authentication cancelled",
        "authentication cancelled: %s"),
    ROW(VIR_ERR_NO_DOMAIN_METADATA, "metadata not found",
        "metadata not found: %s"),
    ROW(VIR_ERR_MIGRATE_UNSAFE, "Unsafe migration",
        "Unsafe migration: %s"),
    ROW(VIR_ERR_OVERFLOW, "numerical overflow",
        "numerical overflow: %s"),
    ROW(VIR_ERR_BLOCK_COPY_ACTIVE, "block copy still active",
        "block copy still active: %s"),
    ROW(VIR_ERR_OPERATION_UNSUPPORTED, "Operation not supported",
        "Operation not supported: %s"),
    ROW(VIR_ERR_SSH, "SSH transport error",
        "SSH transport error: %s"),
    ROW(VIR_ERR_AGENT_UNRESPONSIVE, "Guest agent is not responding",
        "Guest agent is not responding: %s"),
    ROW(VIR_ERR_RESOURCE_BUSY, "resource busy",
        "resource busy: %s"),
    ROW(VIR_ERR_ACCESS_DENIED, "access denied",
        "access denied: %s"),
    ROW(VIR_ERR_DBUS_SERVICE, "error from service",
        "error from service: %s"),
    ROW(VIR_ERR_STORAGE_VOL_EXIST, "this storage volume exists already",
        "storage volume %s exists already"),
    ROW(VIR_ERR_CPU_INCOMPATIBLE, "the CPU is incompatible with host CPU",
        "the CPU is incompatible with host CPU: %s"),
    ROW(VIR_ERR_XML_INVALID_SCHEMA, "XML document failed to validate against schema",
        "XML document failed to validate against schema: %s"),
    ROW(VIR_ERR_MIGRATE_FINISH_OK, "migration successfully aborted",
        "migration successfully aborted: %s"),
    ROW(VIR_ERR_AUTH_UNAVAILABLE, "authentication unavailable",
        "authentication unavailable: %s"),
    ROW(VIR_ERR_NO_SERVER, "Server not found",
        "Server not found: %s"),
    ROW(VIR_ERR_NO_CLIENT, "Client not found",
        "Client not found: %s"),
    ROW(VIR_ERR_AGENT_UNSYNCED, "guest agent replied with wrong id to guest-sync command",
        "guest agent replied with wrong id to guest-sync command: %s"),
    ROW(VIR_ERR_LIBSSH, "libssh transport error",
        "libssh transport error: %s"),
    ROW(VIR_ERR_DEVICE_MISSING, "device not found",
        "device not found: %s"),
    ROW(VIR_ERR_INVALID_NWFILTER_BINDING, "Invalid network filter binding",
        "Invalid network filter binding: %s"),
    ROW(VIR_ERR_NO_NWFILTER_BINDING, "Network filter binding not found",
        "Network filter binding not found: %s"),
    ROW(VIR_ERR_INVALID_DOMAIN_CHECKPOINT, "Invalid domain checkpoint",
        "Invalid domain checkpoint: %s"),
    ROW(VIR_ERR_NO_DOMAIN_CHECKPOINT, "Domain checkpoint not found",
        "Domain checkpoint not found: %s"),
    ROW(VIR_ERR_NO_DOMAIN_BACKUP, "Domain backup job id not found",
        "Domain backup job id not found: %s"),
    ROW(VIR_ERR_INVALID_NETWORK_PORT, "Invalid network port pointer",
        "Invalid network port pointer: %s"),
    ROW(VIR_ERR_NETWORK_PORT_EXIST, "this network port exists already",
        "network port %s exists already"),
    ROW(VIR_ERR_NO_NETWORK_PORT, "network port not found",
        "network port not found: %s"),
    ROW(VIR_ERR_NO_HOSTNAME, "no hostname found",
        "no hostname found: %s"),
    ROW(VIR_ERR_CHECKPOINT_INCONSISTENT, "checkpoint inconsistent",
        "checkpoint inconsistent: %s"),
    ROW(VIR_ERR_MULTIPLE_DOMAINS, "multiple matching domains found",
        "multiple matching domains found: %s"),
};

#undef ROW

G_STATIC_ASSERT(G_N_ELEMENTS(virErrorTemplates) == VIR_ERR_MULTIPLE_DOMAINS + 1);

/* Names printed by virDefaultErrorFunc, indexed by virErrorDomain. */
static const char *const virErrorDomainNames[] = {
    [VIR_FROM_NONE] = "",
    [VIR_FROM_XEN] = "Xen Driver",
    [VIR_FROM_XEND] = "Xen Daemon",
    [VIR_FROM_XENSTORE] = "Xen Store",
    [VIR_FROM_SEXPR] = "S-Expression",
    [VIR_FROM_XML] = "XML Util",
    [VIR_FROM_DOM] = "Domain",
    [VIR_FROM_RPC] = "XML-RPC",
    [VIR_FROM_PROXY] = "Proxy Daemon",
    [VIR_FROM_CONF] = "Config File",
    [VIR_FROM_QEMU] = "QEMU Driver",
    [VIR_FROM_NET] = "Network",
    [VIR_FROM_TEST] = "Test Driver",
    [VIR_FROM_REMOTE] = "Remote Driver",
    [VIR_FROM_OPENVZ] = "OpenVZ Driver",
    [VIR_FROM_XENXM] = "Xen XM Driver",
    [VIR_FROM_STATS_LINUX] = "Linux Statistics",
    [VIR_FROM_LXC] = "LXC Driver",
    [VIR_FROM_STORAGE] = "Storage Driver",
    [VIR_FROM_NETWORK] = "Network Driver",
    [VIR_FROM_DOMAIN] = "Domain Config",
    [VIR_FROM_UML] = "User Mode Linux Driver",
    [VIR_FROM_NODEDEV] = "Node Device Driver",
    [VIR_FROM_XEN_INOTIFY] = "Xen Inotify Driver",
    [VIR_FROM_SECURITY] = "Security Driver",
    [VIR_FROM_VBOX] = "VirtualBox Driver",
    [VIR_FROM_INTERFACE] = "Network Interface Driver",
    [VIR_FROM_ONE] = "Open Nebula Driver",
    [VIR_FROM_ESX] = "ESX Driver",
    [VIR_FROM_PHYP] = "Power Hypervisor Driver",
    [VIR_FROM_SECRET] = "Secrets Driver",
    [VIR_FROM_CPU] = "CPU Driver",
    [VIR_FROM_XENAPI] = "XenAPI Driver",
    [VIR_FROM_NWFILTER] = "Network Filter Driver",
    [VIR_FROM_HOOK] = "Lifecycle Hook",
    [VIR_FROM_DOMAIN_SNAPSHOT] = "Domain Snapshot",
    [VIR_FROM_AUDIT] = "Audit Utils",
    [VIR_FROM_SYSINFO] = "Sysinfo Utils",
    [VIR_FROM_STREAMS] = "I/O Stream Utils",
    [VIR_FROM_VMWARE] = "VMware Driver",
    [VIR_FROM_EVENT] = "Event Loop",
    [VIR_FROM_LIBXL] = "Xen Light Driver",
    [VIR_FROM_LOCKING] = "Lock Driver",
    [VIR_FROM_HYPERV] = "Hyper-V Driver",
    [VIR_FROM_CAPABILITIES] = "Capabilities Utils",
    [VIR_FROM_URI] = "URI Utils",
    [VIR_FROM_AUTH] = "Authentication Utils",
    [VIR_FROM_DBUS] = "DBus Utils",
    [VIR_FROM_PARALLELS] = "Parallels Cloud Server",
    [VIR_FROM_DEVICE] = "Device Config",
    [VIR_FROM_SSH] = "SSH transport layer",
    [VIR_FROM_LOCKSPACE] = "Lock Space",
    [VIR_FROM_INITCTL] = "Init control",
    [VIR_FROM_IDENTITY] = "Identity",
    [VIR_FROM_CGROUP] = "Cgroup",
    [VIR_FROM_ACCESS] = "Access Manager",
    [VIR_FROM_SYSTEMD] = "Systemd",
    [VIR_FROM_BHYVE] = "Bhyve",
    [VIR_FROM_CRYPTO] = "Crypto",
    [VIR_FROM_FIREWALL] = "Firewall",
    [VIR_FROM_POLKIT] = "Polkit",
    [VIR_FROM_THREAD] = "Thread jobs",
    [VIR_FROM_ADMIN] = "Admin Interface",
    [VIR_FROM_LOGGING] = "Log Manager",
    [VIR_FROM_XENXL] = "Xen XL Config",
    [VIR_FROM_PERF] = "Perf",
    [VIR_FROM_LIBSSH] = "Libssh transport layer",
    [VIR_FROM_RESCTRL] = "Resource control",
    [VIR_FROM_FIREWALLD] = "FirewallD",
    [VIR_FROM_DOMAIN_CHECKPOINT] = "Domain Checkpoint",
    [VIR_FROM_TPM] = "TPM",
    [VIR_FROM_BPF] = "BPF",
    [VIR_FROM_CH] = "Cloud-Hypervisor Driver",
};

G_STATIC_ASSERT(G_N_ELEMENTS(virErrorDomainNames) == VIR_FROM_CH + 1);


const char *
virErrorMsg(int code, const char *info)
{
    if (code <= VIR_ERR_OK || code >= (int)G_N_ELEMENTS(virErrorTemplates))
        return NULL;
    return info ? virErrorTemplates[code].detailed : virErrorTemplates[code].bare;
}


const char *
virErrorDomainName(int domain)
{
    if (domain < 0 || domain >= (int)G_N_ELEMENTS(virErrorDomainNames) ||
        !virErrorDomainNames[domain])
        return "Unknown";
    return virErrorDomainNames[domain];
}


void
virErrorClear(virErrorPtr err)
{
    if (!err)
        return;
    g_free(err->message);
    g_free(err->str1);
    g_free(err->str2);
    g_free(err->str3);
    memset(err, 0, sizeof(*err));
}


void
virErrorCopy(const virError *from, virErrorPtr to)
{
    if (!to || from == to)
        return;
    virErrorClear(to);
    if (!from)
        return;
    to->code = from->code;
    to->domain = from->domain;
    to->level = from->level;
    to->message = g_strdup(from->message);
    to->str1 = g_strdup(from->str1);
    to->str2 = g_strdup(from->str2);
    to->str3 = g_strdup(from->str3);
    to->int1 = from->int1;
    to->int2 = from->int2;
    /* conn/dom/net stay NULL: they would be dangling references. */
}


virErrorPtr
virErrorCopyNew(const virError *err)
{
    virErrorPtr ret = g_new0(virError, 1);

    virErrorCopy(err, ret);
    return ret;
}


void
virErrorFree(virErrorPtr err)
{
    virErrorClear(err);
    g_free(err);
}


static GPrivate virLastError = G_PRIVATE_INIT((GDestroyNotify)virErrorFree);

virErrorPtr
virErrorLastObject(void)
{
    virErrorPtr err = g_private_get(&virLastError);

    if (!err) {
        err = g_new0(virError, 1);
        g_private_set(&virLastError, err);
    }
    return err;
}


bool
virErrorIsSet(void)
{
    return virErrorLastObject()->code != VIR_ERR_OK;
}


void
virSetError(const virError *err)
{
    int saved_errno = errno;

    virErrorCopy(err, virErrorLastObject());
    errno = saved_errno;
}


virErrorPtr
virErrorSave(void)
{
    int saved_errno = errno;
    virErrorPtr last = virErrorLastObject();
    virErrorPtr ret = NULL;

    if (last->code != VIR_ERR_OK) {
        ret = virErrorCopyNew(last);
        virErrorClear(last);
    }
    errno = saved_errno;
    return ret;
}


void
virErrorRestore(virErrorPtr *saved)
{
    int saved_errno = errno;

    if (!saved || !*saved)
        return;
    virErrorCopy(*saved, virErrorLastObject());
    g_clear_pointer(saved, virErrorFree);
    errno = saved_errno;
}


/* Substitute `detail` for the single "%s" of a table template (avoids
 * handing a non-literal format to printf). */
static char *
virErrorFillTemplate(const char *tmpl, const char *detail)
{
    const char *hole = strstr(tmpl, "%s");

    if (!hole || !detail)
        return g_strdup(tmpl);
    return g_strdup_printf("%.*s%s%s", (int)(hole - tmpl), tmpl, detail,
                           hole + 2);
}


/* Store the error in the thread's object (taking ownership of `message`)
 * and forward it to the log when outputs are configured. */
static void
virErrorStore(const char *filename, const char *funcname, size_t linenr,
              int domain, int code, virErrorLevel level, char *message,
              const char *str1, const char *str2, const char *str3,
              int int1, int int2)
{
    virErrorPtr to = virErrorLastObject();

    virErrorClear(to);
    to->code = code;
    to->domain = domain;
    to->level = level;
    to->message = message;
    to->str1 = g_strdup(str1);
    to->str2 = g_strdup(str2);
    to->str3 = g_strdup(str3);
    to->int1 = int1;
    to->int2 = int2;

    /* A client library must not write errors to the terminal on its own;
     * only explicitly configured log outputs see them. */
    if (virLogGetNbOutputs() > 0) {
        virLogPriority prio = level == VIR_ERR_WARNING ? VIR_LOG_WARN :
                              level == VIR_ERR_NONE ? VIR_LOG_INFO :
                              VIR_LOG_ERROR;
        virLogMessage(prio, filename, linenr, funcname, "%s", message);
    }
}


void
virRaiseErrorFull(const char *filename, const char *funcname, size_t linenr,
                  int domain, int code, virErrorLevel level,
                  const char *str1, const char *str2, const char *str3,
                  int int1, int int2, const char *fmt, ...)
{
    int saved_errno = errno;
    char *message;

    if (code == VIR_ERR_OK) {
        virErrorClear(virErrorLastObject());
        errno = saved_errno;
        return;
    }

    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        message = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    } else {
        message = g_strdup("No error message provided");
    }

    virErrorStore(filename, funcname, linenr, domain, code, level, message,
                  str1, str2, str3, int1, int2);
    errno = saved_errno;
}


void
virReportErrorFull(int domain, int code, const char *filename,
                   const char *funcname, size_t linenr,
                   const char *fmt, ...)
{
    int saved_errno = errno;
    g_autofree char *detail = NULL;
    const char *tmpl;
    char *message;

    if (code == VIR_ERR_OK) {
        virErrorClear(virErrorLastObject());
        errno = saved_errno;
        return;
    }

    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        detail = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }

    tmpl = virErrorMsg(code, detail);
    if (tmpl)
        message = virErrorFillTemplate(tmpl, detail);
    else
        message = g_strdup("No error message provided");

    virErrorStore(filename, funcname, linenr, domain, code, VIR_ERR_ERROR,
                  message, tmpl, detail, NULL, -1, -1);
    errno = saved_errno;
}


void
virReportSystemErrorFull(int domain, int errnum, const char *filename,
                         const char *funcname, size_t linenr,
                         const char *fmt, ...)
{
    int saved_errno = errno;
    const char *why = g_strerror(errnum);
    char *detail;

    if (fmt) {
        g_autofree char *what = NULL;
        va_list ap;
        va_start(ap, fmt);
        what = g_strdup_vprintf(fmt, ap);
        va_end(ap);
        detail = g_strdup_printf("%s: %s", what, why);
    } else {
        detail = g_strdup(why);
    }

    /* libvirt keeps "%s" as the template: the message is the detail. */
    virErrorStore(filename, funcname, linenr, domain, VIR_ERR_SYSTEM_ERROR,
                  VIR_ERR_ERROR, detail, "%s", detail, NULL, errnum, -1);
    errno = saved_errno;
}


bool
virLastErrorIsSystemErrno(int errnum)
{
    virErrorPtr err = virErrorLastObject();

    if (err->code != VIR_ERR_SYSTEM_ERROR)
        return false;
    return errnum == 0 || err->int1 == errnum;
}


void
virLastErrorPrefixMessage(const char *fmt, ...)
{
    int saved_errno = errno;
    virErrorPtr err = virErrorLastObject();
    g_autofree char *prefix = NULL;
    char *message;
    va_list ap;

    if (err->code == VIR_ERR_OK)
        return;

    va_start(ap, fmt);
    prefix = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    message = g_strdup_printf("%s: %s", prefix, err->message ? err->message : "");
    g_free(err->message);
    err->message = message;
    errno = saved_errno;
}
