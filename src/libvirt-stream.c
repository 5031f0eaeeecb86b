/* libvirt-stream.c: the public stream functions.  A stream is created
 * unbound (virStreamNew); the call that opens it (console, volume upload,
 * ...) binds it to a driver's virStreamDriver, which these functions call.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include <config.h>

#include <errno.h>

#include "datatypes.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_STREAMS

/* Reset the error and check the handle; on failure dispatch and return. */
#define STREAM_ENTER(st, retval) \
    do { \
        virResetLastError(); \
        if (!virObjectIsStream(st)) { \
            virReportErrorFull(VIR_FROM_STREAMS, VIR_ERR_INVALID_STREAM, \
                               __FILE__, __func__, __LINE__, "%s", __func__); \
            virDispatchError(NULL); \
            return retval; \
        } \
    } while (0)

/* The stream's driver callback, or NO_SUPPORT. */
#define STREAM_CALLBACK(st, member) \
    ((st)->driver && (st)->driver->member ? (st)->driver->member : NULL)

static int
streamUnsupported(virStreamPtr st, const char *func)
{
    virReportError(VIR_ERR_NO_SUPPORT, "%s", func);
    virDispatchError(st->conn);
    return -1;
}

virStreamPtr
virStreamNew(virConnectPtr conn, unsigned int flags)
{
    virStreamPtr st;

    virResetLastError();
    if (!virObjectIsConnect(conn)) {
        virReportErrorFull(VIR_FROM_STREAMS, VIR_ERR_INVALID_CONN, __FILE__,
                           __func__, __LINE__, "%s", __func__);
        virDispatchError(NULL);
        return NULL;
    }
    if (flags & ~VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "unsupported flags (0x%x) in function %s",
                       flags & ~VIR_STREAM_NONBLOCK, __func__);
        virDispatchError(conn);
        return NULL;
    }
    if (!(st = virGetStream(conn))) {
        virDispatchError(conn);
        return NULL;
    }
    st->flags = flags;
    return st;
}

int
virStreamRef(virStreamPtr stream)
{
    STREAM_ENTER(stream, -1);
    virObjectRef(stream);
    return 0;
}

int
virStreamFree(virStreamPtr stream)
{
    STREAM_ENTER(stream, -1);
    virObjectUnref(stream);
    return 0;
}

int
virStreamSend(virStreamPtr stream, const char *data, size_t nbytes)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!data) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "data in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    if (!STREAM_CALLBACK(stream, streamSend))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamSend(stream, data, nbytes);
    if (ret == -1)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamRecvFlags(virStreamPtr stream, char *data, size_t nbytes,
                   unsigned int flags)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!data) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "data in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    if (flags & ~VIR_STREAM_RECV_STOP_AT_HOLE) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "unsupported flags (0x%x) in function %s",
                       flags & ~VIR_STREAM_RECV_STOP_AT_HOLE, __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    /* As in libvirt, even flags 0 needs the driver's RecvFlags (local
     * file streams have none). */
    if (!STREAM_CALLBACK(stream, streamRecvFlags))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamRecvFlags(stream, data, nbytes, flags);
    if (ret == -1)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamRecv(virStreamPtr stream, char *data, size_t nbytes)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!data) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "data in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    if (!STREAM_CALLBACK(stream, streamRecv))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamRecv(stream, data, nbytes);
    if (ret == -1)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamSendHole(virStreamPtr stream, long long length, unsigned int flags)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (length < 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "length in %s must not be negative", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    if (!STREAM_CALLBACK(stream, streamSendHole))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamSendHole(stream, length, flags);
    if (ret < 0)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamRecvHole(virStreamPtr stream, long long *length, unsigned int flags)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!length) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "length in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    if (!STREAM_CALLBACK(stream, streamRecvHole))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamRecvHole(stream, length, flags);
    if (ret < 0)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamEventAddCallback(virStreamPtr stream, int events,
                          virStreamEventCallback cb, void *opaque,
                          virFreeCallback ff)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!cb) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "cb in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    if (!STREAM_CALLBACK(stream, streamEventAddCallback))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamEventAddCallback(stream, events, cb, opaque,
                                                 ff);
    if (ret < 0)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamEventUpdateCallback(virStreamPtr stream, int events)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!STREAM_CALLBACK(stream, streamEventUpdateCallback))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamEventUpdateCallback(stream, events);
    if (ret < 0)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamEventRemoveCallback(virStreamPtr stream)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!STREAM_CALLBACK(stream, streamEventRemoveCallback))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamEventRemoveCallback(stream);
    if (ret < 0)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamFinish(virStreamPtr stream)
{
    int ret;

    STREAM_ENTER(stream, -1);
    if (!STREAM_CALLBACK(stream, streamFinish))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamFinish(stream);
    if (ret < 0)
        virDispatchError(stream->conn);
    return ret;
}

int
virStreamAbort(virStreamPtr stream)
{
    int ret;

    STREAM_ENTER(stream, -1);
    /* An unbound stream has nothing to abort. */
    if (!stream->driver)
        return 0;
    if (!STREAM_CALLBACK(stream, streamAbort))
        return streamUnsupported(stream, __func__);
    ret = stream->driver->streamAbort(stream);
    if (ret < 0)
        virDispatchError(stream->conn);
    return ret;
}

#define STREAM_CHUNK (64 * 1024)

/* Abort after a failed transfer, keeping the error that caused it. */
static void
abortKeepingError(virStreamPtr stream)
{
    virErrorPtr saved = virErrorSave();

    if (stream->driver && stream->driver->streamAbort)
        stream->driver->streamAbort(stream);
    virErrorRestore(&saved);
}

int
virStreamSendAll(virStreamPtr stream, virStreamSourceFunc handler,
                 void *opaque)
{
    g_autofree char *buf = NULL;

    STREAM_ENTER(stream, -1);
    if (!handler) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "handler in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "data sources cannot be used for non-blocking streams");
        virDispatchError(stream->conn);
        return -1;
    }
    buf = g_malloc(STREAM_CHUNK);
    for (;;) {
        int got = handler(stream, buf, STREAM_CHUNK, opaque);
        int off = 0;

        if (got < 0) {
            virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                           "send handler failed");
            goto error;
        }
        if (got == 0)
            break;
        while (off < got) {
            int sent = virStreamSend(stream, buf + off, got - off);
            if (sent < 0)
                goto error;
            off += sent;
        }
    }
    return 0;

 error:
    abortKeepingError(stream);
    virDispatchError(stream->conn);
    return -1;
}

int
virStreamSparseSendAll(virStreamPtr stream, virStreamSourceFunc handler,
                       virStreamSourceHoleFunc holeHandler,
                       virStreamSourceSkipFunc skipHandler, void *opaque)
{
    g_autofree char *buf = NULL;

    STREAM_ENTER(stream, -1);
    if (!handler || !holeHandler || !skipHandler) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "handlers in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    buf = g_malloc(STREAM_CHUNK);
    for (;;) {
        int inData = 0;
        long long sectionLen = 0;

        if (holeHandler(stream, &inData, &sectionLen, opaque) < 0) {
            virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                           "hole handler failed");
            goto error;
        }
        if (!inData && sectionLen > 0) {
            if (virStreamSendHole(stream, sectionLen, 0) < 0)
                goto error;
            if (skipHandler(stream, sectionLen, opaque) < 0) {
                virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                               "skip handler failed");
                goto error;
            }
            continue;
        }
        {
            size_t want = STREAM_CHUNK;
            int got, off = 0;

            if (sectionLen > 0 && (unsigned long long)sectionLen < want)
                want = sectionLen;
            got = handler(stream, buf, want, opaque);
            if (got < 0) {
                virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                               "send handler failed");
                goto error;
            }
            if (got == 0)
                break;
            while (off < got) {
                int sent = virStreamSend(stream, buf + off, got - off);
                if (sent < 0)
                    goto error;
                off += sent;
            }
        }
    }
    return 0;

 error:
    abortKeepingError(stream);
    virDispatchError(stream->conn);
    return -1;
}

static int
recvAllInternal(virStreamPtr stream, virStreamSinkFunc handler,
                virStreamSinkHoleFunc holeHandler, void *opaque)
{
    g_autofree char *buf = NULL;

    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "data sinks cannot be used for non-blocking streams");
        goto error;
    }
    buf = g_malloc(STREAM_CHUNK);
    for (;;) {
        int got = holeHandler ?
                  virStreamRecvFlags(stream, buf, STREAM_CHUNK,
                                     VIR_STREAM_RECV_STOP_AT_HOLE) :
                  virStreamRecv(stream, buf, STREAM_CHUNK);
        int off = 0;

        if (got == -3 && holeHandler) {
            long long len = 0;
            if (virStreamRecvHole(stream, &len, 0) < 0)
                goto error;
            if (holeHandler(stream, len, opaque) < 0) {
                virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                               "hole handler failed");
                goto error;
            }
            continue;
        }
        if (got < 0)
            goto error;
        if (got == 0)
            break;
        while (off < got) {
            int done = handler(stream, buf + off, got - off, opaque);
            if (done < 0) {
                virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                               "receive handler failed");
                goto error;
            }
            off += done;
        }
    }
    return 0;

 error:
    abortKeepingError(stream);
    virDispatchError(stream->conn);
    return -1;
}

int
virStreamRecvAll(virStreamPtr stream, virStreamSinkFunc handler,
                 void *opaque)
{
    STREAM_ENTER(stream, -1);
    if (!handler) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "handler in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    return recvAllInternal(stream, handler, NULL, opaque);
}

int
virStreamSparseRecvAll(virStreamPtr stream, virStreamSinkFunc handler,
                       virStreamSinkHoleFunc holeHandler, void *opaque)
{
    STREAM_ENTER(stream, -1);
    if (!handler || !holeHandler) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "handlers in %s must not be NULL", __func__);
        virDispatchError(stream->conn);
        return -1;
    }
    return recvAllInternal(stream, handler, holeHandler, opaque);
}
