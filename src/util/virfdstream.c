/* virfdstream.c: a virStream over a local file descriptor; see
 * virfdstream.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Regular files are read and written with pread/pwrite at the stream's
 * own position, so holes can be found (SEEK_DATA/SEEK_HOLE) and skipped
 * without disturbing it.  Pipes and sockets use plain read/write, outside
 * the lock, so that one thread may wait in Recv while another Sends.
 */
#include <config.h>

/* SEEK_DATA and SEEK_HOLE */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datatypes.h"
#include "util/virerror.h"
#include "util/virfdstream.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_STREAMS

typedef struct {
    GMutex lock;
    int fd;                         /* -1 once finished or aborted */
    bool isFile;                    /* a regular file: positioned I/O */
    bool writable;
    unsigned long long start;       /* file offset of the stream's byte 0 */
    unsigned long long length;      /* 0: no limit */
    unsigned long long done;        /* bytes (data and holes) so far */
    int watch;                      /* -1: no event callback */
} fdStream;

/* One registered event callback; freed by the event loop once removed. */
typedef struct {
    virStreamPtr st;                /* a reference */
    virStreamEventCallback cb;
    void *opaque;
    virFreeCallback ff;
} fdStreamCallback;


static void
fdStreamFree(void *opaque)
{
    fdStream *fdst = opaque;

    if (!fdst)
        return;
    if (fdst->fd >= 0)
        close(fdst->fd);
    g_mutex_clear(&fdst->lock);
    g_free(fdst);
}


/* The stream's state, locked; NULL with "stream is not open" when it was
 * finished or aborted. */
static fdStream *
fdStreamLock(virStreamPtr st)
{
    fdStream *fdst = st->privateData;

    g_mutex_lock(&fdst->lock);
    if (fdst->fd < 0) {
        g_mutex_unlock(&fdst->lock);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "stream is not open");
        return NULL;
    }
    return fdst;
}


/* Bytes still allowed by the length limit, capped at `want`. */
static size_t
fdStreamAllowed(fdStream *fdst, size_t want)
{
    unsigned long long left;

    if (!fdst->length)
        return want;
    left = fdst->length > fdst->done ? fdst->length - fdst->done : 0;
    return left < want ? left : want;
}


static int
fdStreamSend(virStreamPtr st, const char *data, size_t nbytes)
{
    fdStream *fdst = fdStreamLock(st);
    size_t want;
    ssize_t n;
    int fd;

    if (!fdst)
        return -1;
    want = fdStreamAllowed(fdst, nbytes);
    if (nbytes && !want) {
        g_mutex_unlock(&fdst->lock);
        virReportSystemError(ENOSPC, "%s", "cannot write to stream");
        return -1;
    }
    if (want > INT_MAX)
        want = INT_MAX;
    if (fdst->isFile) {
        do {
            n = pwrite(fdst->fd, data, want, fdst->start + fdst->done);
        } while (n < 0 && errno == EINTR);
        if (n > 0)
            fdst->done += n;
        g_mutex_unlock(&fdst->lock);
    } else {
        fd = fdst->fd;
        g_mutex_unlock(&fdst->lock);
        do {
            n = write(fd, data, want);
        } while (n < 0 && errno == EINTR);
        if (n > 0) {
            g_mutex_lock(&fdst->lock);
            fdst->done += n;
            g_mutex_unlock(&fdst->lock);
        }
    }
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return -2;
        virReportSystemError(errno, "%s", "cannot write to stream");
        return -1;
    }
    return n;
}


static int
fdStreamRecv(virStreamPtr st, char *data, size_t nbytes)
{
    fdStream *fdst = fdStreamLock(st);
    size_t want;
    ssize_t n;
    int fd;

    if (!fdst)
        return -1;
    want = fdStreamAllowed(fdst, nbytes);
    if (!want) {
        g_mutex_unlock(&fdst->lock);
        return 0;
    }
    if (want > INT_MAX)
        want = INT_MAX;
    if (fdst->isFile) {
        do {
            n = pread(fdst->fd, data, want, fdst->start + fdst->done);
        } while (n < 0 && errno == EINTR);
        if (n > 0)
            fdst->done += n;
        g_mutex_unlock(&fdst->lock);
    } else {
        fd = fdst->fd;
        g_mutex_unlock(&fdst->lock);
        do {
            n = read(fd, data, want);
        } while (n < 0 && errno == EINTR);
        if (n > 0) {
            g_mutex_lock(&fdst->lock);
            fdst->done += n;
            g_mutex_unlock(&fdst->lock);
        }
    }
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return -2;
        virReportSystemError(errno, "%s", "cannot read from stream");
        return -1;
    }
    return n;
}


/* Write `len` zero bytes to a pipe or socket (which cannot have holes). */
static int
fdStreamWriteZeros(int fd, long long len)
{
    static const char zeros[4096];

    while (len > 0) {
        size_t chunk = len < (long long)sizeof(zeros) ? (size_t)len :
                       sizeof(zeros);
        ssize_t n = write(fd, zeros, chunk);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            virReportSystemError(errno, "%s", "cannot write to stream");
            return -1;
        }
        len -= n;
    }
    return 0;
}


static int
fdStreamSendHole(virStreamPtr st, long long length,
                 unsigned int flags G_GNUC_UNUSED)
{
    fdStream *fdst = fdStreamLock(st);
    struct stat sb;
    unsigned long long end;
    int ret = -1;

    if (!fdst)
        return -1;
    if (fdst->length && (unsigned long long)length >
        fdStreamAllowed(fdst, length)) {
        virReportSystemError(ENOSPC, "%s", "cannot write to stream");
        goto cleanup;
    }
    if (!fdst->isFile) {
        if (fdStreamWriteZeros(fdst->fd, length) < 0)
            goto cleanup;
        fdst->done += length;
        ret = 0;
        goto cleanup;
    }
    if (!fdst->writable) {
        virReportSystemError(EINVAL, "%s", "unable to truncate");
        goto cleanup;
    }
    end = fdst->start + fdst->done + length;
    if (fstat(fdst->fd, &sb) < 0) {
        virReportSystemError(errno, "%s", "unable to stat stream file");
        goto cleanup;
    }
    /* A hole past the end grows the file; inside it, the bytes are
     * skipped (the caller promised zeros there). */
    if ((unsigned long long)sb.st_size < end &&
        ftruncate(fdst->fd, end) < 0) {
        virReportSystemError(errno, "%s", "unable to truncate");
        goto cleanup;
    }
    fdst->done += length;
    ret = 0;

 cleanup:
    g_mutex_unlock(&fdst->lock);
    return ret;
}


static int
fdStreamInData(virStreamPtr st, int *inData, long long *length)
{
    fdStream *fdst = fdStreamLock(st);
    unsigned long long left;
    off_t pos, data, hole;
    struct stat sb;
    int ret = -1;

    if (!fdst)
        return -1;
    left = fdst->length ? fdStreamAllowed(fdst, G_MAXSIZE) :
                          (unsigned long long)G_MAXINT64;
    if (!fdst->isFile) {
        /* No holes in a pipe; the length of the data is unknown. */
        *inData = 1;
        *length = 0;
        ret = 0;
        goto cleanup;
    }
    pos = fdst->start + fdst->done;
    if (fstat(fdst->fd, &sb) < 0) {
        virReportSystemError(errno, "%s", "unable to stat stream file");
        goto cleanup;
    }
    if (pos >= sb.st_size || left == 0) {
        *inData = 0;
        *length = 0;
        ret = 0;
        goto cleanup;
    }
    data = lseek(fdst->fd, pos, SEEK_DATA);
    if (data < 0 && errno != ENXIO) {
        virReportSystemError(errno, "%s", "unable to seek to data");
        goto cleanup;
    }
    if (data < 0 || data > pos) {
        /* A hole, up to the next data or to the end of the file. */
        *inData = 0;
        *length = (data < 0 ? sb.st_size : data) - pos;
    } else {
        hole = lseek(fdst->fd, pos, SEEK_HOLE);
        if (hole < 0) {
            virReportSystemError(errno, "%s", "unable to seek to hole");
            goto cleanup;
        }
        *inData = 1;
        *length = hole - pos;
    }
    if ((unsigned long long)*length > left)
        *length = left;
    ret = 0;

 cleanup:
    g_mutex_unlock(&fdst->lock);
    return ret;
}


/* ---- event callbacks ---------------------------------------------------- */

static void
fdStreamEvent(int watch G_GNUC_UNUSED, int fd G_GNUC_UNUSED, int events,
              void *opaque)
{
    fdStreamCallback *reg = opaque;

    /* VIR_STREAM_EVENT_* and VIR_EVENT_HANDLE_* bits are the same. */
    reg->cb(reg->st, events, reg->opaque);
}


static void
fdStreamCallbackFree(void *opaque)
{
    fdStreamCallback *reg = opaque;

    if (reg->ff)
        reg->ff(reg->opaque);
    virObjectUnref(reg->st);
    g_free(reg);
}


static int
fdStreamEventAddCallback(virStreamPtr st, int events,
                         virStreamEventCallback cb, void *opaque,
                         virFreeCallback ff)
{
    fdStream *fdst = fdStreamLock(st);
    fdStreamCallback *reg;
    int ret = -1;

    if (!fdst)
        return -1;
    if (fdst->watch >= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "stream already has a callback registered");
        goto cleanup;
    }
    reg = g_new0(fdStreamCallback, 1);
    reg->st = virObjectRef(st);
    reg->cb = cb;
    reg->opaque = opaque;
    reg->ff = ff;
    fdst->watch = virEventAddHandle(fdst->fd, events, fdStreamEvent, reg,
                                    fdStreamCallbackFree);
    if (fdst->watch < 0) {
        virObjectUnref(reg->st);
        g_free(reg);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "cannot register file watch on stream");
        goto cleanup;
    }
    ret = 0;

 cleanup:
    g_mutex_unlock(&fdst->lock);
    return ret;
}


static int
fdStreamEventUpdateCallback(virStreamPtr st, int events)
{
    fdStream *fdst = fdStreamLock(st);
    int ret = -1;

    if (!fdst)
        return -1;
    if (fdst->watch < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "stream does not have a callback registered");
    } else {
        virEventUpdateHandle(fdst->watch, events);
        ret = 0;
    }
    g_mutex_unlock(&fdst->lock);
    return ret;
}


static int
fdStreamEventRemoveCallback(virStreamPtr st)
{
    fdStream *fdst = fdStreamLock(st);
    int ret = -1;

    if (!fdst)
        return -1;
    if (fdst->watch < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "stream does not have a callback registered");
    } else {
        virEventRemoveHandle(fdst->watch);
        fdst->watch = -1;
        ret = 0;
    }
    g_mutex_unlock(&fdst->lock);
    return ret;
}


/* ---- closing ------------------------------------------------------------ */

static int
fdStreamClose(virStreamPtr st)
{
    fdStream *fdst = st->privateData;

    g_mutex_lock(&fdst->lock);
    if (fdst->watch >= 0) {
        virEventRemoveHandle(fdst->watch);
        fdst->watch = -1;
    }
    if (fdst->fd >= 0) {
        close(fdst->fd);
        fdst->fd = -1;
    }
    g_mutex_unlock(&fdst->lock);
    return 0;
}


static virStreamDriver fdStreamDriver = {
    .streamSend = fdStreamSend,
    .streamRecv = fdStreamRecv,
    .streamSendHole = fdStreamSendHole,
    .streamInData = fdStreamInData,
    .streamEventAddCallback = fdStreamEventAddCallback,
    .streamEventUpdateCallback = fdStreamEventUpdateCallback,
    .streamEventRemoveCallback = fdStreamEventRemoveCallback,
    .streamFinish = fdStreamClose,
    .streamAbort = fdStreamClose,
};


static int
fdStreamBind(virStreamPtr st, int fd, unsigned long long offset,
             unsigned long long length)
{
    fdStream *fdst;
    struct stat sb;
    int fl;

    if (st->driver) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "stream is already in use");
        close(fd);
        return -1;
    }
    if (fstat(fd, &sb) < 0) {
        virReportSystemError(errno, "%s", "unable to stat stream file");
        close(fd);
        return -1;
    }
    fl = fcntl(fd, F_GETFL);
    fdst = g_new0(fdStream, 1);
    g_mutex_init(&fdst->lock);
    fdst->fd = fd;
    fdst->watch = -1;
    fdst->isFile = S_ISREG(sb.st_mode);
    fdst->writable = fl >= 0 && (fl & O_ACCMODE) != O_RDONLY;
    fdst->start = offset;
    fdst->length = length;
    if (!fdst->isFile && st->flags & VIR_STREAM_NONBLOCK && fl >= 0 &&
        fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
        virReportSystemError(errno, "%s", "unable to set non-blocking mode");
        fdStreamFree(fdst);
        return -1;
    }
    st->privateData = fdst;
    st->ff = fdStreamFree;
    st->driver = &fdStreamDriver;
    return 0;
}


int
virFDStreamOpen(virStreamPtr st, int fd)
{
    return fdStreamBind(st, fd, 0, 0);
}


static int
fdStreamOpenPath(virStreamPtr st, const char *path, unsigned long long offset,
                 unsigned long long length, int oflags, mode_t mode)
{
    struct stat sb;
    int fd;

    if ((fd = open(path, oflags | O_CLOEXEC | O_NOCTTY, mode)) < 0) {
        virReportSystemError(errno, "Unable to open stream for '%s'", path);
        return -1;
    }
    if (fstat(fd, &sb) < 0) {
        virReportSystemError(errno, "Unable to access stream for '%s'", path);
        close(fd);
        return -1;
    }
    /* Pipes and devices have no positions: honour the offset by seeking. */
    if (offset && !S_ISREG(sb.st_mode) &&
        lseek(fd, offset, SEEK_SET) < 0) {
        virReportSystemError(errno, "Unable to seek %s to %llu", path,
                             offset);
        close(fd);
        return -1;
    }
    return fdStreamBind(st, fd, S_ISREG(sb.st_mode) ? offset : 0, length);
}


int
virFDStreamOpenFile(virStreamPtr st, const char *path,
                    unsigned long long offset, unsigned long long length,
                    int oflags)
{
    if (oflags & O_CREAT) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Attempt to create %s without specifying mode", path);
        return -1;
    }
    return fdStreamOpenPath(st, path, offset, length, oflags, 0);
}


int
virFDStreamCreateFile(virStreamPtr st, const char *path,
                      unsigned long long offset, unsigned long long length,
                      int oflags, mode_t mode)
{
    return fdStreamOpenPath(st, path, offset, length, oflags | O_CREAT,
                            mode);
}
