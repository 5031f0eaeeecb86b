/* libvirt.c: library initialisation, driver registration and opening and
 * closing connections (the public functions that no driver serves).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "datatypes.h"
#include "driver-registry.h"
#include "util/virerror.h"
#include "util/viruri.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* The URI used when the caller gives none and LIBVIRT_DEFAULT_URI is unset:
 * the embedded test hypervisor, which needs no daemon and no privileges. */
#define VIRTKIT_DEFAULT_URI "test:///default"

#define MAX_DRIVERS 16
static virConnectDriver *connectDrivers[MAX_DRIVERS];
static size_t nconnectDrivers;
static GOnce initOnce = G_ONCE_INIT;
static int initResult;

int
virRegisterConnectDriver(virConnectDriver *driver)
{
    if (nconnectDrivers >= MAX_DRIVERS) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "too many drivers, cannot register %s", driver->name);
        return -1;
    }
    connectDrivers[nconnectDrivers++] = driver;
    return 0;
}

static gpointer
initOnceFunc(gpointer opaque G_GNUC_UNUSED)
{
    initResult = testRegister();
    if (initResult == 0)
        initResult = remoteRegister();
    return NULL;
}

int
virInitialize(void)
{
    g_once(&initOnce, initOnceFunc, NULL);
    return initResult;
}

int
virGetVersion(unsigned long *libVer, const char *type,
              unsigned long *typeVer)
{
    virResetLastError();
    if (virInitialize() < 0)
        goto error;
    if (!libVer) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "libVer in %s must not be NULL", __func__);
        goto error;
    }
    *libVer = VIRTKIT_LIBVIRT_VERSION;
    if (typeVer)
        *typeVer = VIRTKIT_LIBVIRT_VERSION;
    (void)type;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

static bool
driverClaims(virConnectDriver *drv, const char *scheme)
{
    size_t i;

    /* No list: the driver is asked about every URI and declines itself. */
    if (!drv->uriSchemes)
        return true;
    for (i = 0; drv->uriSchemes[i]; i++) {
        if (strcmp(drv->uriSchemes[i], scheme) == 0)
            return true;
    }
    return false;
}

static virConnectPtr
connectOpenInternal(const char *name, virConnectAuthPtr auth,
                    unsigned int flags)
{
    g_autoptr(virURI) parsed = NULL;
    const char *uri = name;
    virConnectPtr conn = NULL;
    size_t i;

    if (virInitialize() < 0)
        return NULL;

    if (!uri || !*uri) {
        const char *env = g_getenv("LIBVIRT_DEFAULT_URI");
        uri = (env && *env) ? env : VIRTKIT_DEFAULT_URI;
    }

    if (!(parsed = virURIParse(uri)))
        return NULL;
    if (!parsed->scheme) {
        virReportError(VIR_ERR_NO_CONNECT, "%s", uri);
        return NULL;
    }

    conn = virGetConnect();
    conn->flags = flags;
    conn->uri = g_strdup(uri);

    /* Drivers that name their URI schemes first, then the catch-alls
     * (the remote driver: "every URI left unclaimed"), whatever the order
     * they were registered in. */
    for (i = 0; i < 2 * nconnectDrivers; i++) {
        virConnectDriver *drv = connectDrivers[i % nconnectDrivers];
        bool catchAll = drv->uriSchemes == NULL;
        int res;

        if (catchAll != (i >= nconnectDrivers))
            continue;
        if (!driverClaims(drv, parsed->scheme))
            continue;
        conn->driver = drv;
        res = drv->hypervisorDriver->connectOpen(conn, uri, auth, flags);
        if (res == VIR_DRV_OPEN_SUCCESS)
            return conn;
        conn->driver = NULL;
        if (res == VIR_DRV_OPEN_ERROR) {
            if (!virErrorIsSet())
                virReportError(VIR_ERR_OPERATION_FAILED,
                               "failed to open %s", uri);
            virObjectUnref(conn);
            return NULL;
        }
    }

    virReportError(VIR_ERR_NO_CONNECT, "%s", uri);
    virObjectUnref(conn);
    return NULL;
}

virConnectPtr
virConnectOpen(const char *name)
{
    virConnectPtr ret;

    virResetLastError();
    if (!(ret = connectOpenInternal(name, NULL, 0)))
        virDispatchError(NULL);
    return ret;
}

virConnectPtr
virConnectOpenReadOnly(const char *name)
{
    virConnectPtr ret;

    virResetLastError();
    if (!(ret = connectOpenInternal(name, NULL, VIR_CONNECT_RO)))
        virDispatchError(NULL);
    return ret;
}

virConnectPtr
virConnectOpenAuth(const char *name, virConnectAuthPtr auth,
                   unsigned int flags)
{
    virConnectPtr ret;

    virResetLastError();
    if (flags & ~(VIR_CONNECT_RO | VIR_CONNECT_NO_ALIASES)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "unsupported flags (0x%x) in function %s",
                       flags & ~(VIR_CONNECT_RO | VIR_CONNECT_NO_ALIASES),
                       __func__);
        virDispatchError(NULL);
        return NULL;
    }
    if (!(ret = connectOpenInternal(name, auth, flags)))
        virDispatchError(NULL);
    return ret;
}

/* Reset the error and check the handle, as every entry point does; a bad
 * handle is reported in the error domain of the header declaring FUNC. */
static bool
enterConnectFrom(virConnectPtr conn, const char *func, int domain)
{
    virResetLastError();
    if (virObjectIsConnect(conn))
        return true;
    virReportErrorFull(domain, VIR_ERR_INVALID_CONN, __FILE__, func,
                       __LINE__, "%s", func);
    virDispatchError(NULL);
    return false;
}
#define enterConnect(conn, func) enterConnectFrom(conn, func, VIR_FROM_DOMAIN)

int
virConnectClose(virConnectPtr conn)
{
    if (!enterConnectFrom(conn, __func__, VIR_FROM_NONE))
        return -1;
    /* 1 while other references (handles, virConnectRef) keep it open. */
    return virObjectUnref(conn) ? 1 : 0;
}

int
virConnectRef(virConnectPtr conn)
{
    if (!enterConnect(conn, __func__))
        return -1;
    virObjectRef(conn);
    return 0;
}

char *
virConnectGetURI(virConnectPtr conn)
{
    if (!enterConnect(conn, __func__))
        return NULL;
    if (conn->driver->hypervisorDriver->connectGetURI)
        return conn->driver->hypervisorDriver->connectGetURI(conn);
    return g_strdup(conn->uri);
}

int
virConnectIsAlive(virConnectPtr conn)
{
    if (!enterConnect(conn, __func__))
        return -1;
    /* A local driver's connection lives as long as its handle. */
    if (!conn->driver->hypervisorDriver->connectIsAlive)
        return 1;
    return conn->driver->hypervisorDriver->connectIsAlive(conn);
}

int
virConnectSetKeepAlive(virConnectPtr conn, int interval, unsigned int count)
{
    int ret;

    if (!enterConnect(conn, __func__))
        return -1;
    /* Only remote connections have keepalive; local drivers refuse. */
    if (!conn->driver->hypervisorDriver->connectSetKeepAlive) {
        virReportErrorFull(VIR_FROM_DOMAIN, VIR_ERR_NO_SUPPORT, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        virDispatchError(conn);
        return -1;
    }
    ret = conn->driver->hypervisorDriver->connectSetKeepAlive(conn, interval,
                                                              count);
    if (ret < 0)
        virDispatchError(conn);
    return ret;
}

/* The default authentication callback: asks on the terminal. */
static int
defaultAuthCallback(virConnectCredentialPtr cred, unsigned int ncred,
                    void *cbdata G_GNUC_UNUSED)
{
    unsigned int i;

    for (i = 0; i < ncred; i++) {
        char buf[1024];
        bool secret = cred[i].type == VIR_CRED_PASSPHRASE ||
                      cred[i].type == VIR_CRED_NOECHOPROMPT;
        struct termios old, quiet;
        bool restore = false;
        size_t len;

        if (cred[i].type == VIR_CRED_EXTERNAL)
            return -1;
        fprintf(stderr, "%s: ", cred[i].prompt ? cred[i].prompt : "");
        if (cred[i].defresult && !secret)
            fprintf(stderr, "[%s] ", cred[i].defresult);
        fflush(stderr);
        if (secret && isatty(STDIN_FILENO) &&
            tcgetattr(STDIN_FILENO, &old) == 0) {
            quiet = old;
            quiet.c_lflag &= ~ECHO;
            restore = tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
        }
        if (!fgets(buf, sizeof(buf), stdin))
            buf[0] = '\0';
        if (restore) {
            tcsetattr(STDIN_FILENO, TCSANOW, &old);
            fputc('\n', stderr);
        }
        len = strcspn(buf, "\n");
        buf[len] = '\0';
        if (len == 0 && cred[i].defresult)
            cred[i].result = strdup(cred[i].defresult);
        else
            cred[i].result = strdup(buf);
        if (!cred[i].result)
            return -1;
        cred[i].resultlen = strlen(cred[i].result);
    }
    return 0;
}

static int defaultCredTypes[] = {
    VIR_CRED_AUTHNAME, VIR_CRED_ECHOPROMPT, VIR_CRED_REALM,
    VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT, VIR_CRED_EXTERNAL,
};

static virConnectAuth defaultAuth = {
    defaultCredTypes, G_N_ELEMENTS(defaultCredTypes), defaultAuthCallback,
    NULL,
};

virConnectAuthPtr virConnectAuthPtrDefault = &defaultAuth;
