/* libvirt-error.c: the public error API (virterror.h) and virDispatchError.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The thread-local error itself lives in util/virerror.c; this file adds
 * what needs the connection object: the per-connection copy and the error
 * handlers.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "datatypes.h"
#include "util/virerror.h"

/* The global handler (virSetErrorFunc); NULL means virDefaultErrorFunc. */
static GMutex virErrorHandlerLock;
static virErrorFunc virErrorHandler;
static void *virErrorHandlerData;


virErrorPtr
virGetLastError(void)
{
    virErrorPtr err = virErrorLastObject();

    return err->code == VIR_ERR_OK ? NULL : err;
}


int
virGetLastErrorCode(void)
{
    return virErrorLastObject()->code;
}


int
virGetLastErrorDomain(void)
{
    return virErrorLastObject()->domain;
}


const char *
virGetLastErrorMessage(void)
{
    virErrorPtr err = virErrorLastObject();

    if (err->code == VIR_ERR_OK)
        return "no error";
    return err->message ? err->message : "unknown error";
}


int
virCopyLastError(virErrorPtr to)
{
    if (!to)
        return -1;
    /* `to` may hold garbage: do not free what it points to. */
    memset(to, 0, sizeof(*to));
    virErrorCopy(virErrorLastObject(), to);
    return to->code;
}


virErrorPtr
virSaveLastError(void)
{
    return virErrorCopyNew(virErrorLastObject());
}


void
virResetLastError(void)
{
    virErrorClear(virErrorLastObject());
}


void
virResetError(virErrorPtr err)
{
    virErrorClear(err);
}


void
virFreeError(virErrorPtr err)
{
    virErrorFree(err);
}


virErrorPtr
virConnGetLastError(virConnectPtr conn)
{
    if (!conn)
        return NULL;
    return &conn->err;
}


int
virConnCopyLastError(virConnectPtr conn, virErrorPtr to)
{
    if (!to)
        return -1;
    memset(to, 0, sizeof(*to));
    if (!conn)
        return -1;
    g_mutex_lock(&conn->lock);
    if (conn->err.code != VIR_ERR_OK)
        virErrorCopy(&conn->err, to);
    g_mutex_unlock(&conn->lock);
    return to->code;
}


void
virConnResetLastError(virConnectPtr conn)
{
    if (!conn)
        return;
    g_mutex_lock(&conn->lock);
    virErrorClear(&conn->err);
    g_mutex_unlock(&conn->lock);
}


void
virSetErrorFunc(void *userData, virErrorFunc handler)
{
    g_mutex_lock(&virErrorHandlerLock);
    virErrorHandler = handler;
    virErrorHandlerData = userData;
    g_mutex_unlock(&virErrorHandlerLock);
}


void
virConnSetErrorFunc(virConnectPtr conn, void *userData, virErrorFunc handler)
{
    if (!conn)
        return;
    g_mutex_lock(&conn->lock);
    conn->handler = handler;
    conn->userData = userData;
    g_mutex_unlock(&conn->lock);
}


void
virDefaultErrorFunc(virErrorPtr err)
{
    const char *level = "";
    const char *origin;
    const char *object = "";
    const char *message;
    size_t len;

    if (!err || err->code == VIR_ERR_OK)
        return;

    if (err->level == VIR_ERR_WARNING)
        level = "warning";
    else if (err->level == VIR_ERR_ERROR)
        level = "error";
    origin = virErrorDomainName(err->domain);

    /* The deprecated object fields are only ever set by applications. */
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    if (err->dom && err->code != VIR_ERR_INVALID_DOMAIN)
        object = err->dom->name ? err->dom->name : "";
    else if (err->net && err->code != VIR_ERR_INVALID_NETWORK)
        object = err->net->name ? err->net->name : "";
    G_GNUC_END_IGNORE_DEPRECATIONS

    message = err->message ? err->message : "";
    len = strlen(message);

    if (err->domain == VIR_FROM_XML && err->code == VIR_ERR_XML_DETAIL &&
        err->int1 != 0)
        fprintf(stderr, "libvirt: %s %s %s: line %d: %s",
                origin, level, object, err->int1, message);
    else if (len == 0 || message[len - 1] != '\n')
        fprintf(stderr, "libvirt: %s %s %s: %s\n",
                origin, level, object, message);
    else
        fprintf(stderr, "libvirt: %s %s %s: %s",
                origin, level, object, message);
}


void
virDispatchError(virConnectPtr conn)
{
    virErrorPtr err = virErrorLastObject();
    virErrorFunc handler;
    void *userData;

    /* A public API failed without saying why: give the caller something. */
    if (err->code == VIR_ERR_OK) {
        virErrorClear(err);
        err->code = VIR_ERR_INTERNAL_ERROR;
        err->domain = VIR_FROM_NONE;
        err->level = VIR_ERR_ERROR;
        err->message = g_strdup("An error occurred, but the cause is unknown");
    }

    g_mutex_lock(&virErrorHandlerLock);
    handler = virErrorHandler;
    userData = virErrorHandlerData;
    g_mutex_unlock(&virErrorHandlerLock);

    if (conn) {
        g_mutex_lock(&conn->lock);
        virErrorCopy(err, &conn->err);
        if (conn->handler) {
            handler = conn->handler;
            userData = conn->userData;
        }
        g_mutex_unlock(&conn->lock);
    }

    /* Handlers run unlocked: they may call back into the library. */
    if (handler)
        handler(userData, err);
    else
        virDefaultErrorFunc(err);
}
